/**
 * Live hotspots at full precision (`GET /api/coordinator/hotspots`): risk, trend, Gi*
 * confidence, categories and the history of merges and splits, as cards; choosing one flies
 * the map there.
 */
import type { CoordinatorHotspotCollection, CoordinatorHotspotProperties } from '../../../shared/api/wire.js';
import { compareRisk } from '../../../shared/risk-level.js';
import type { TipCategory } from '../../../shared/types.js';
import { endpoints } from '../api.js';
import { ApiError } from '../http-client.js';
import { h, replaceChildren } from '../dom.js';
import { live, t, type MessageKey } from '../i18n/i18n.js';
import { formatDate, formatDateTime, placeWords, riskLabel } from '../format.js';
import type { BaseMap } from '../map/base-map.js';
import { featureBounds } from '../map/feature-bounds.js';
import { addHotspotLayers, type HotspotLayers } from '../map/hotspot-layers.js';
import { TIP_LAYER } from './tip-layers.js';

type HotspotFeature = CoordinatorHotspotCollection['features'][number];

/** The live hotspots; an API without the coordinator route (404) gives the public snapshot instead. */
async function coordinatorHotspots(): Promise<CoordinatorHotspotCollection> {
  try {
    return await endpoints.coordinatorHotspots();
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
    const pub = await endpoints.hotspots();
    return { type: 'FeatureCollection', features: pub.features as unknown as CoordinatorHotspotCollection['features'] };
  }
}

/** "Gi* 99% (z = 3.12)", or "not significant". */
export function giText(p: Pick<CoordinatorHotspotProperties, 'giConfidence' | 'giZ'>): string {
  if (!p.giConfidence) return t('coord.giNotSignificant');
  const z = typeof p.giZ === 'number' ? ` (z = ${p.giZ.toFixed(2)})` : '';
  return t('coord.giConfidence', { pct: Math.round(p.giConfidence > 1 ? p.giConfidence : p.giConfidence * 100) }) + z;
}

/** The hotspot's categories, most tips first ("Forced fishing 4, Debt bondage 2"); null without any. */
function categoriesLine(p: CoordinatorHotspotProperties): HTMLElement | null {
  const categories = Object.entries(p.categories ?? {})
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(
      ([c, n]) =>
        () =>
          `${t(`category.${c as TipCategory}` as MessageKey)} ${n}`,
    );
  if (!categories.length) return null;
  return h(
    'p',
    { class: 'muted' },
    live(() => categories.map((c) => c()).join(', ')),
  );
}

/** The hotspot's history (merges and splits among its events), newest first and folded; null without any. */
function historyDetails(p: CoordinatorHotspotProperties): HTMLElement | null {
  if (!p.history?.length) return null;
  return h(
    'details',
    {},
    h(
      'summary',
      {},
      live(() => t('coord.historyCount', { count: p.history.length })),
    ),
    h(
      'ol',
      { class: 'history' },
      ...[...p.history].reverse().map((e) =>
        h(
          'li',
          {},
          live(
            () =>
              `${formatDateTime(e.at)} · ${t(`hotspotEvent.${e.event}` as MessageKey)} · ${riskLabel(e.riskLevel)} · ${t('hotspot.tipCount', { count: e.tipCount })}${e.from?.length ? ` · ${t('coord.from')} ${e.from.join(', ')}` : ''}`,
          ),
        ),
      ),
    ),
  );
}

function card(f: HotspotFeature, focus: (f: HotspotFeature) => void): HTMLElement {
  const p = f.properties;
  return h(
    'li',
    { class: 'card hotspot-card', 'data-hotspot-id': p.id },
    h(
      'h3',
      {},
      h('span', { class: `swatch risk-${p.riskLevel}`, 'aria-hidden': 'true' }),
      ' ',
      live(() => placeWords(p.admin)),
    ),
    h(
      'p',
      {},
      live(() =>
        [riskLabel(p.riskLevel), p.trend ? t(`trend.${p.trend}` as MessageKey) : '', giText(p)]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
    h(
      'p',
      {},
      live(() =>
        t('coord.hotspotCounts', {
          tips: p.tipCount,
          reporters: p.reporterCount ?? '–',
          urgent: p.urgentTipCount ?? 0,
        }),
      ),
    ),
    h(
      'p',
      { class: 'muted' },
      live(() => t('coord.hotspotDates', { first: formatDate(p.firstSeen), last: formatDate(p.lastSeen) })),
    ),
    categoriesLine(p),
    p.public === false ? h('p', { class: 'muted' }, live('coord.notPublic')) : null,
    historyDetails(p),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'secondary small', onclick: () => focus(f) }, live('coord.showOnMap')),
    ),
  );
}

export interface HotspotsTab {
  panel: HTMLElement;
  load(): Promise<void>;
  setVisible(on: boolean): void;
}

/** Builds the tab; the hotspots are drawn on `base` once loaded. */
export function createHotspotsTab(pending: Promise<BaseMap | null>): HotspotsTab {
  let base: BaseMap | null = null;
  const list = h('ul', { class: 'cards hotspot-cards' });
  const status = h('p', { class: 'muted', role: 'status' });
  const panel = h('div', { class: 'hotspots-tab' }, h('h2', {}, live('coord.tabHotspots')), status, list);
  let layers: HotspotLayers | undefined;
  let data: CoordinatorHotspotCollection | undefined;
  const focus = (f: HotspotFeature) => {
    layers?.select(f.properties.id);
    const b = featureBounds(f);
    if (b && base) base.map.fitBounds(b, { padding: 60, maxZoom: 14, duration: 600 });
  };
  void pending.then((b) => {
    base = b;
    if (!b) return;
    void b.ready.then(() => {
      // Under the tips, so clusters stay readable on top of the areas.
      layers = addHotspotLayers(b.map, 'coord-hotspot', TIP_LAYER, data);
    });
  });
  return {
    panel,
    async load() {
      replaceChildren(status, live('common.loading'));
      try {
        data = await coordinatorHotspots();
      } catch {
        return replaceChildren(status, h('span', { class: 'error' }, live('coord.loadFailed')));
      }
      const features = [...data.features].sort(
        (a, b) =>
          compareRisk(b.properties.riskLevel, a.properties.riskLevel) || b.properties.tipCount - a.properties.tipCount,
      );
      replaceChildren(
        status,
        live(() => t('hotspots.count', { count: features.length })),
      );
      replaceChildren(list, ...features.map((f) => card(f, focus)));
      layers?.set(data);
    },
    setVisible(on) {
      if (!base || !layers) return;
      for (const id of ['coord-hotspot-fill', 'coord-hotspot-line', 'coord-hotspot-point'])
        base.map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    },
  };
}
