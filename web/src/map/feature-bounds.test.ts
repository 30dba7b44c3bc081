import { describe, expect, it } from 'vitest';
import { featureBounds } from './feature-bounds.js';

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
