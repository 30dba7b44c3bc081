/**
 * The public list of risk areas: place, risk, trend and tip count, riskiest first; choosing
 * one focuses it on the map. Renders from the last snapshot, again on a language switch.
 */
import type { PublicHotspotFeature } from '../../../shared/api/wire.js';
import { compareRisk } from '../../../shared/risk-level.js';
import { h, replaceChildren } from '../dom.js';
import { live, t, type MessageKey } from '../i18n/i18n.js';
import { formatDate, placeWords, riskLabel } from '../format.js';

/** Riskiest first, then the most tips. */
export function sortHotspots(features: PublicHotspotFeature[]): PublicHotspotFeature[] {
  return [...features].sort(
    (a, b) =>
      compareRisk(b.properties.riskLevel, a.properties.riskLevel) || b.properties.tipCount - a.properties.tipCount,
  );
}

/** One line of facts about a hotspot, in the current language. */
export function hotspotFacts(p: PublicHotspotFeature['properties']): string {
  return [
    riskLabel(p.riskLevel),
    p.trend ? t(`trend.${p.trend}` as MessageKey) : '',
    t('hotspot.tipCount', { count: p.tipCount }),
    t('hotspot.lastSeen', { date: formatDate(p.lastSeen) }),
  ]
    .filter(Boolean)
    .join(' · ');
}

export interface HotspotList {
  show(features: PublicHotspotFeature[], selectedId?: string): void;
}

/** Builds the list in `list`; `choose` is called with the hotspot picked. */
export function createHotspotList(list: HTMLElement, choose: (f: PublicHotspotFeature) => void): HotspotList {
  const item = (f: PublicHotspotFeature, selected: boolean) => {
    const p = f.properties;
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'hotspot-item',
          'data-hotspot-id': p.id,
          'data-risk': p.riskLevel,
          'aria-current': selected ? 'true' : undefined,
          onclick: () => choose(f),
        },
        h('span', { class: `swatch risk-${p.riskLevel}`, 'aria-hidden': 'true' }),
        h(
          'span',
          { class: 'place' },
          live(() => placeWords(p.admin)),
        ),
        h(
          'span',
          { class: 'meta' },
          live(() => hotspotFacts(p)),
        ),
      ),
    );
  };
  return {
    show(features, selectedId) {
      if (!features.length) return replaceChildren(list, h('li', { class: 'muted' }, live('hotspots.none')));
      replaceChildren(list, ...sortHotspots(features).map((f) => item(f, f.properties.id === selectedId)));
    },
  };
}
