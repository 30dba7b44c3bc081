/**
 * Public hotspots: fetched from `GET /api/hotspots`, drawn on the map and listed by risk with
 * their place names; choosing an item flies the map to it. Refreshed periodically.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AdminArea } from '../../shared/types.js';
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { RISK_LABELS, compareRisk, formatDateTime, placeName } from './format.js';
import { hotspotIdFromHash } from './hotspot-link.js';
import { trendLabel } from './trend-labels.js';
import type { MapView } from './map/map-view.js';

/** Hotspots change when tips arrive; 30 s keeps the map fresh without hammering the API. */
export const HOTSPOT_REFRESH_MS = 30_000;

interface HotspotProps {
  id: string;
  riskLevel: string;
  tipCount: number;
  firstSeen: string;
  lastSeen: string;
  admin?: AdminArea;
  trend?: string;
  /** Getis-Ord Gi* confidence in percent (90, 95, 99), when the engine tested the hotspot. */
  giConfidence?: number;
}

type Hotspots = FeatureCollection<Polygon | MultiPolygon, HotspotProps>;

function item(f: Hotspots['features'][number], selected: boolean, choose: () => void): HTMLLIElement {
  const p = f.properties;
  const risk = RISK_LABELS[p.riskLevel as keyof typeof RISK_LABELS] ?? p.riskLevel;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'hotspot-item',
      'data-hotspot-id': p.id,
      'aria-current': selected ? 'true' : undefined,
      onclick: choose,
    },
    h('span', { class: `swatch risk-${p.riskLevel}`, 'aria-hidden': 'true' }),
    h('span', { class: 'place' }, placeName(p.admin)),
    h(
      'span',
      { class: 'meta' },
      `${risk} · ${p.tipCount} tips · last ${formatDateTime(p.lastSeen)}`,
      p.trend ? ` · ${trendLabel(p.trend)}` : '',
      p.giConfidence ? ` · Gi* ${p.giConfidence}%` : '',
    ),
  );
  return h('li', {}, button);
}

/** Loads once, then every `HOTSPOT_REFRESH_MS`; returns a function that reloads now. */
export function startHotspotList(opts: { list: HTMLElement; status: HTMLElement; view: MapView }): () => Promise<void> {
  let selectedId: string | undefined;
  let features: Hotspots['features'] = [];
  const choose = (f: Hotspots['features'][number]) => {
    selectedId = f.properties.id;
    opts.view.focusHotspot(f);
    render();
  };
  const render = () =>
    replaceChildren(opts.list, ...features.map((f) => item(f, f.properties.id === selectedId, () => choose(f))));
  // A link from an alert SMS (`#h=<id>`) focuses its hotspot once the list has it.
  let linkedId = hotspotIdFromHash(location.hash);
  const followLink = () => {
    const linked = linkedId && features.find((f) => f.properties.id === linkedId);
    if (!linked) return;
    linkedId = undefined;
    choose(linked);
  };
  window.addEventListener('hashchange', () => {
    linkedId = hotspotIdFromHash(location.hash);
    followLink();
  });
  const load = async () => {
    try {
      const fc = await api<Hotspots>('/api/hotspots');
      opts.view.setHotspots(fc);
      features = [...fc.features].sort(
        (a, b) =>
          compareRisk(a.properties.riskLevel, b.properties.riskLevel) || b.properties.tipCount - a.properties.tipCount,
      );
      render();
      followLink();
      opts.status.textContent = features.length
        ? `${features.length} active hotspots · จุดเสี่ยง ${features.length} แห่ง (updated ${formatDateTime(new Date().toISOString())})`
        : 'No active hotspots · ไม่มีจุดเสี่ยง';
    } catch (err) {
      opts.status.textContent = `Could not load hotspots: ${(err as Error).message}`;
    }
  };
  void load();
  // Phones on metered data: no polling while the tab is hidden, a fresh load when it returns.
  setInterval(() => {
    if (document.visibilityState === 'visible') void load();
  }, HOTSPOT_REFRESH_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void load();
  });
  return load;
}
