import { MercatorCoordinate } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { projector } from './map-poster.js';
import { HOTSPOT_LOOK, PROVINCE_LOOK, START } from './map-style.js';

describe('projector', () => {
  it('places points where MapLibre projects them: its Web Mercator, 512 px tiles, the centre in the middle', () => {
    const [width, height] = [390, 388];
    const at = projector(START, width, height);
    const world = 512 * 2 ** START.zoom;
    const centre = MercatorCoordinate.fromLngLat({ lng: START.center[0], lat: START.center[1] });
    for (const [lon, lat] of [
      [101.82, 6.42],
      [100.47, 7.0],
      [102.1, 5.9],
      [START.center[0], START.center[1]],
    ]) {
      const m = MercatorCoordinate.fromLngLat({ lng: lon, lat });
      const [x, y] = at([lon, lat]);
      expect(x).toBeCloseTo((m.x - centre.x) * world + width / 2, 6);
      expect(y).toBeCloseTo((m.y - centre.y) * world + height / 2, 6);
    }
  });

  it('doubles distances from the centre with each zoom level', () => {
    const near = projector({ center: [101.6, 6.5], zoom: 8 }, 100, 100)([101.7, 6.6]);
    const far = projector({ center: [101.6, 6.5], zoom: 9 }, 100, 100)([101.7, 6.6]);
    expect(far[0] - 50).toBeCloseTo(2 * (near[0] - 50), 9);
    expect(far[1] - 50).toBeCloseTo(2 * (near[1] - 50), 9);
  });
});

describe('the looks the style and the poster share', () => {
  it('interpolate between their zoom stops as the style does, clamped outside them', () => {
    const [[z0, w0], [z1, w1]] = PROVINCE_LOOK.lineWidthStops;
    expect(PROVINCE_LOOK.lineWidthAt(z0)).toBe(w0);
    expect(PROVINCE_LOOK.lineWidthAt(z1)).toBe(w1);
    expect(PROVINCE_LOOK.lineWidthAt((z0 + z1) / 2)).toBeCloseTo((w0 + w1) / 2, 9);
    expect(PROVINCE_LOOK.lineWidthAt(z1 + 3)).toBe(w1);
    const [[r0z, r0], [r1z, r1]] = HOTSPOT_LOOK.pointRadiusStops;
    expect(HOTSPOT_LOOK.pointRadiusAt(r0z - 2)).toBe(r0);
    expect(HOTSPOT_LOOK.pointRadiusAt(r1z)).toBe(r1);
  });
});
