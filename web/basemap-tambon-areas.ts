/**
 * Approximate tambon areas for the coordinators' choropleth: Voronoi cells of the tambon
 * centroids, computed per province and clipped to that province's boundary. Thailand
 * publishes no open tambon boundaries, so these are labelled approximate wherever shown.
 */
import { Delaunay } from 'd3-delaunay';
import { bbox, featureCollection, intersect, polygon, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CleanTambon } from '../shared/geocoder/clean-subdistricts.js';

export interface TambonAreaProperties {
  /** TIS-1099 tambon code; the map joins tip counts on it. */
  code: string;
  th: string;
  en: string;
  amphoeCode: string;
  provinceCode: string;
}

export type ProvinceShape = Feature<Polygon | MultiPolygon, { code: string }>;

/** Cells clipped to their province, coordinates to 3 decimals (~110 m, the cells are rough anyway). */
export function buildTambonAreas(
  tambons: CleanTambon[],
  provinces: ProvinceShape[],
): FeatureCollection<Polygon | MultiPolygon, TambonAreaProperties> {
  const features: Feature<Polygon | MultiPolygon, TambonAreaProperties>[] = [];
  for (const province of provinces) {
    const members = tambons.filter((t) => t.provinceCode === province.properties.code);
    if (!members.length) continue;
    const [minX, minY, maxX, maxY] = bbox(province);
    // A margin so that the cells of edge tambons reach the whole province before clipping.
    const voronoi = Delaunay.from(
      members,
      (t) => t.lon,
      (t) => t.lat,
    ).voronoi([minX - 0.1, minY - 0.1, maxX + 0.1, maxY + 0.1]);
    members.forEach((t, i) => {
      const ring = voronoi.cellPolygon(i);
      // Tambons sharing one centroid leave all but one without a cell.
      if (!ring || ring.length < 4) return;
      const clipped = intersect(featureCollection([polygon([ring]), province]));
      if (!clipped) return;
      const properties = { code: t.code, th: t.th, en: t.en, amphoeCode: t.amphoeCode, provinceCode: t.provinceCode };
      features.push({ type: 'Feature', properties, geometry: clipped.geometry });
    });
  }
  return truncate(featureCollection(features), { precision: 3, coordinates: 2, mutate: true });
}
