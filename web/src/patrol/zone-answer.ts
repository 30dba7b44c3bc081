/**
 * The patrol's answer, at the top of the screen: inside or outside a risk zone, the risk
 * level, the distance to the nearest hotspot, the tambon and amphoe, and how old the data
 * is. One element with `role="status"` and `data-zone` = `inside`, `outside` or `unknown`.
 */
import type { ZoneCheckBody } from '../../../shared/api/wire.js';
import type { LatLon } from '../../../shared/types.js';
import { h, replaceChildren } from '../dom.js';
import { live, t, type MessageKey } from '../i18n/i18n.js';
import { formatAge, formatDateTime, formatKm, placeWords, riskLabel } from '../format.js';

export interface ZoneAnswer {
  element: HTMLElement;
  checking(): void;
  show(res: ZoneCheckBody, point: LatLon, offline: boolean): void;
  unknown(reason: MessageKey): void;
}

function line(label: MessageKey, value: () => string, cls: string): HTMLElement {
  return h('p', { class: cls }, h('span', { class: 'answer-label' }, live(label)), ' ', live(value));
}

/** Builds the answer element, waiting for the first check. */
export function createZoneAnswer(): ZoneAnswer {
  const element = h('div', { class: 'zone-answer', id: 'zone-answer', role: 'status', 'aria-live': 'polite' });
  element.dataset.zone = 'unknown';
  const set = (zone: 'inside' | 'outside' | 'unknown', risk: string, ...children: HTMLElement[]) => {
    element.dataset.zone = zone;
    element.dataset.risk = risk;
    replaceChildren(element, ...children);
  };
  set('unknown', '', h('p', { class: 'verdict' }, live('patrol.prompt')));
  return {
    element,
    checking: () => set('unknown', '', h('p', { class: 'verdict' }, live('patrol.checking'))),
    unknown: (reason) => set('unknown', '', h('p', { class: 'verdict' }, live(reason))),
    show(res, point, offline) {
      const zone = res.inRiskZone ? 'inside' : 'outside';
      const verdict = () =>
        res.inRiskZone ? t('patrol.inside', { risk: riskLabel(res.riskLevel) }) : t('patrol.outside');
      set(
        zone,
        res.riskLevel ?? '',
        h('p', { class: 'verdict' }, live(verdict)),
        line(
          'patrol.nearest',
          () => (res.nearestHotspotKm === null ? t('patrol.noHotspots') : formatKm(res.nearestHotspotKm)),
          'answer-nearest',
        ),
        line('patrol.place', () => placeWords(res.admin), 'answer-place'),
        line('patrol.point', () => `${point.lat.toFixed(5)}, ${point.lon.toFixed(5)}`, 'answer-point'),
        line(
          'patrol.dataAge',
          () =>
            res.snapshotAt
              ? `${formatDateTime(res.snapshotAt)} (${formatAge(res.snapshotAt)})`
              : t('patrol.dataAgeUnknown'),
          'answer-age',
        ),
        ...(offline ? [h('p', { class: 'answer-offline' }, live('patrol.offline'))] : []),
      );
    },
  };
}
