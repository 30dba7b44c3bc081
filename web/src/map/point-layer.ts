/** A circle layer for a handful of points (the checked spot, a picked home point). */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { LatLon } from '../../../shared/types.js';
import { EMPTY } from './map-style.js';

export interface PointLayer {
  set(points: LatLon[]): void;
}

/** Adds source and layer `id` (after the style loaded). */
export function addPointLayer(map: MapLibreMap, id: string, color: string): PointLayer {
  map.addSource(id, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id,
    type: 'circle',
    source: id,
    paint: { 'circle-radius': 8, 'circle-color': color, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
  });
  return {
    set(points) {
      void (map.getSource(id) as GeoJSONSource).setData({
        type: 'FeatureCollection',
        features: points.map((p) => ({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        })),
      });
    },
  };
}
