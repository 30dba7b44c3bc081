/** A circle layer for a handful of points (the checked spot, a picked home point). */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { LatLon } from '../../../shared/types.js';
import type { FeatureCollection, Point } from 'geojson';

export interface PointLayer {
  set(points: LatLon[]): void;
}

/**
 * Source and layer `id` (call after the style loaded), added with the first points: an empty
 * source at start would cost the first frame a round trip to MapLibre's worker and a redraw.
 */
export function addPointLayer(map: MapLibreMap, id: string, color: string): PointLayer {
  return {
    set(points) {
      const data: FeatureCollection<Point> = {
        type: 'FeatureCollection',
        features: points.map((p) => ({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        })),
      };
      const source = map.getSource(id) as GeoJSONSource | undefined;
      if (source) return void source.setData(data);
      map.addSource(id, { type: 'geojson', data });
      map.addLayer({
        id,
        type: 'circle',
        source: id,
        paint: {
          'circle-radius': 8,
          'circle-color': color,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 3,
        },
      });
    },
  };
}
