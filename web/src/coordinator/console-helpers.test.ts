/**
 * The coordinator console's pure steps, outside the browser: the filter the controls set, the
 * message for a refused volunteer field, a saved review put in place, the clusters' box and
 * count labels, the SMS log's date bounds, the volunteers' map features and the Gi* words. The browser tests drive the same code through the screens.
 */
import { distance } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { TipListItem, VolunteerProfile } from '../../../shared/api/wire.js';
import { addMessages } from '../i18n/i18n.js';
import { bangkokDay } from './alerts-tab.js';
import { coordinatorMessages } from './coordinator-messages.js';
import { filterOf, type Controls } from './filter-bar.js';
import { giText } from './hotspots-tab.js';
import { clusterLabels, viewWithMargin } from './tip-layers.js';
import { withReview } from './tips-tab.js';
import { fieldError } from './volunteer-form.js';
import { toFeatures } from './volunteers-tab.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-02T06:00:00Z');

/** Controls as the filter reads them: only their values. */
function controls(values: Partial<Record<keyof Controls, string>>): Controls {
  const value = (v = '') => ({ value: v });
  return {
    windowDays: value(values.windowDays ?? '30'),
    daysBack: value(values.daysBack ?? '0'),
    category: value(values.category),
    status: value(values.status),
    channel: value(values.channel),
    choropleth: value(),
  } as unknown as Controls;
}

describe('filterOf', () => {
  it('ends a window now by default and reaches back its length', () => {
    expect(filterOf(controls({ windowDays: '7' }), NOW)).toEqual({ fromMs: NOW - 7 * DAY, untilMs: NOW });
  });

  it('moves the window back by the slider, whole days, and keeps only the choices made', () => {
    expect(filterOf(controls({ windowDays: '1', daysBack: '3', status: 'new', channel: 'sms' }), NOW)).toEqual({
      fromMs: NOW - 4 * DAY,
      untilMs: NOW - 3 * DAY,
      status: 'new',
      channel: 'sms',
    });
  });
});

describe('fieldError', () => {
  it('names the home point first, then the phone, then the radius', () => {
    expect(fieldError({ 'location.lat': 'at sea', phone: 'bad' })).toBe('coord.locationRefused');
    expect(fieldError({ phone: 'bad', radiusKm: 'too big' })).toBe('coord.phoneRefused');
    expect(fieldError({ radiusKm: 'too big' })).toBe('coord.radiusRefused');
  });

  it('knows no message for other fields or none', () => {
    expect(fieldError({ name: 'too long' })).toBeNull();
    expect(fieldError(undefined)).toBeNull();
  });
});

describe('withReview', () => {
  const tip = (id: string): TipListItem =>
    ({ id, reference: id, receivedAt: '2026-12-01T00:00:00Z', status: 'new' }) as TipListItem;

  it('puts the saved status in place of the old one, leaving the others', () => {
    const items = [tip('a'), tip('b')];
    const out = withReview(items, { id: 'b', status: 'verified', reviewedAt: '2026-12-02T01:00:00Z' });
    expect(out.map((t) => [t.id, t.status, t.reviewedAt])).toEqual([
      ['a', 'new', undefined],
      ['b', 'verified', '2026-12-02T01:00:00Z'],
    ]);
  });

  it('changes nothing for a tip it does not hold', () => {
    const items = [tip('a')];
    expect(withReview(items, { id: 'z', status: 'dismissed', reviewedAt: '2026-12-02T01:00:00Z' })).toEqual([tip('a')]);
  });
});

describe('viewWithMargin', () => {
  const mapOver = (west: number, south: number, east: number, north: number) =>
    ({
      getBounds: () => ({ getWest: () => west, getSouth: () => south, getEast: () => east, getNorth: () => north }),
    }) as unknown as MapLibreMap;

  it('adds half a screen on every side', () => {
    expect(viewWithMargin(mapOver(100, 6, 102, 7))).toEqual([99, 5.5, 103, 7.5]);
  });

  it('stops at the edges of the world', () => {
    expect(viewWithMargin(mapOver(-179, -84, 179, 84))).toEqual([-180, -85, 180, 85]);
  });
});

describe('clusterLabels', () => {
  it('labels the clusters with their abbreviated counts and leaves single tips unlabelled', () => {
    const labels = clusterLabels([
      {
        type: 'Feature',
        properties: { cluster: true, cluster_id: 7, point_count: 1200, point_count_abbreviated: '1.2k' },
        geometry: { type: 'Point', coordinates: [101.8, 6.4] },
      },
      {
        type: 'Feature',
        properties: { id: 't1', status: 'new', urgent: false },
        geometry: { type: 'Point', coordinates: [101.7, 6.3] },
      },
    ]);
    expect(labels).toEqual([{ key: 'cluster:7', lat: 6.4, lon: 101.8, text: '1.2k', className: 'cluster-count' }]);
  });
});

describe('bangkokDay', () => {
  it('reads a date box as that day in Bangkok (UTC+7), from its first to its last millisecond', () => {
    expect(bangkokDay('2026-12-02', false)).toBe('2026-12-01T17:00:00.000Z');
    expect(bangkokDay('2026-12-02', true)).toBe('2026-12-02T16:59:59.999Z');
  });

  it('gives no bound for an empty or malformed box', () => {
    expect(bangkokDay('', false)).toBeUndefined();
    expect(bangkokDay('2026-12-2', true)).toBeUndefined();
  });
});

describe('toFeatures', () => {
  const volunteer = (id: string, status: 'active' | 'opted_out') =>
    ({ id, status, location: { lat: 6.42, lon: 101.82 }, radiusKm: 5 }) as VolunteerProfile;

  it('puts each home at its point and its alert circle at its radius, marked active or not', () => {
    const { homes, radii } = toFeatures([volunteer('v1', 'active'), volunteer('v2', 'opted_out')]);
    expect(homes.features.map((f) => [f.properties?.id, f.properties?.active, f.geometry])).toEqual([
      ['v1', true, { type: 'Point', coordinates: [101.82, 6.42] }],
      ['v2', false, { type: 'Point', coordinates: [101.82, 6.42] }],
    ]);
    const ring = (radii.features[0].geometry as Polygon).coordinates[0];
    for (const vertex of ring) expect(distance([101.82, 6.42], vertex, { units: 'kilometers' })).toBeCloseTo(5, 1);
  });
});

describe('giText', () => {
  addMessages(coordinatorMessages);

  it('gives the confidence as a percentage with z, from a fraction or a percentage', () => {
    expect(giText({ giConfidence: 0.99, giZ: 3.123 })).toBe('Gi* มั่นใจ 99% (z = 3.12)');
    expect(giText({ giConfidence: 95, giZ: 1.962 })).toBe('Gi* มั่นใจ 95% (z = 1.96)');
  });

  it('says when the clustering is not significant', () => {
    expect(giText({ giConfidence: 0, giZ: 0.4 })).toBe('Gi* ไม่มีนัยสำคัญ');
  });
});
