/**
 * The service area from the gazetteer's province shapes: `land` inside a province, `buffer`
 * within `bufferKm` of one (the sea off the coast, the far side of border towns), else `outside`.
 */
import type { GazetteerPort, ServiceAreaPort } from '../../shared/core/ports.js';
import { distanceToShapeKm, expandShape } from '../../shared/geocoder/province-shapes.js';
import { provinceOf } from '../../shared/geocoder/index.js';

const KM_PER_DEG = 111.2;

export function serviceAreaFromGazetteer(gazetteer: GazetteerPort, bufferKm: number): ServiceAreaPort {
  return {
    classify(point) {
      if (!(Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180)) return 'outside';
      const g = gazetteer();
      if (provinceOf(g, point)) return 'land';
      const padLat = bufferKm / KM_PER_DEG;
      const padLon = padLat / Math.max(0.01, Math.cos((point.lat * Math.PI) / 180));
      for (const shape of g.shapes) {
        const [minLon, minLat, maxLon, maxLat] = shape.bbox;
        if (point.lon < minLon - padLon || point.lon > maxLon + padLon) continue;
        if (point.lat < minLat - padLat || point.lat > maxLat + padLat) continue;
        if (distanceToShapeKm(expandShape(shape), point.lat, point.lon) <= bufferKm) return 'buffer';
      }
      return 'outside';
    },
  };
}
