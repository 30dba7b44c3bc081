import { describe, expect, it } from 'vitest';
import { featureBounds, featureCentre } from './feature-bounds.js';

describe('featureBounds', () => {
  it('spans every ring of a MultiPolygon', () => {
    const bounds = featureBounds({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [101.7, 6.4],
              [101.8, 6.4],
              [101.8, 6.5],
              [101.7, 6.4],
            ],
          ],
          [
            [
              [101.9, 6.2],
              [102.0, 6.2],
              [102.0, 6.3],
              [101.9, 6.2],
            ],
          ],
        ],
      },
    });
    expect(bounds).toEqual([
      [101.7, 6.2],
      [102.0, 6.5],
    ]);
  });
  it('is null for an empty polygon', () => {
    expect(
      featureBounds({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } }),
    ).toBeNull();
  });
});

describe('featureCentre', () => {
  it('is the middle of the bounds, not of the vertices', () => {
    const ring = [
      [101.0, 6.0],
      [101.4, 6.0],
      [101.4, 6.2],
      [101.39, 6.2],
      [101.38, 6.2],
      [101.0, 6.0],
    ];
    expect(
      featureCentre({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }),
    ).toEqual([101.2, 6.1]);
  });
  it('is null for an empty polygon', () => {
    expect(
      featureCentre({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } }),
    ).toBeNull();
  });
});
