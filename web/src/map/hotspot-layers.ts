/**
 * Hotspot polygons on a map, coloured by risk, with one point per hotspot so small polygons
 * stay visible at province zoom, and a selected state for the one in focus. Polygons and
 * points are one source (the layers filter by geometry), given its data when it is added:
 * every source and every `setData` is a round trip to MapLibre's worker and a redraw.
 */
import type { FilterSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { RISK_COLORS, UNKNOWN_RISK_COLOR } from '../format.js';
import { EMPTY, HOTSPOT_LOOK } from './map-style.js';
import { featureCentre } from './feature-bounds.js';

/** A MapLibre `match` on `riskLevel`, grey for anything unknown. */
export const RISK_COLOR_EXPRESSION = [
  'match',
  ['get', 'riskLevel'],
  'low',
  RISK_COLORS.low,
  'medium',
  RISK_COLORS.medium,
  'high',
  RISK_COLORS.high,
  'critical',
  RISK_COLORS.critical,
  UNKNOWN_RISK_COLOR,
] as unknown as string;

type Hotspots = FeatureCollection<Polygon | MultiPolygon, { id: string }>;

/** The polygons followed by one point per hotspot, at the centre of its bounds. */
function withCentres(fc: Hotspots): FeatureCollection {
  const features: Feature[] = [...fc.features];
  for (const f of fc.features) {
    const coordinates = featureCentre(f);
    if (!coordinates) continue;
    features.push({
      type: 'Feature',
      properties: f.properties,
      geometry: { type: 'Point', coordinates },
    } as Feature<Point>);
  }
  return { type: 'FeatureCollection', features };
}

const IS_POINT = ['==', ['geometry-type'], 'Point'] as FilterSpecification;
const IS_AREA = ['!=', ['geometry-type'], 'Point'] as FilterSpecification;

export interface HotspotLayers {
  set(fc: Hotspots): void;
  select(id: string | undefined): void;
  /** Layer ids that answer clicks. */
  clickable: string[];
}

/** True for the hotspot in focus: `select` sets this feature state, the paint reads it. */
const IS_SELECTED = ['boolean', ['feature-state', 'selected'], false];

/** The polygons' fill, stronger when selected. */
function fillLayer(id: string, source: string): LayerSpecification {
  return {
    id,
    type: 'fill',
    source,
    filter: IS_AREA,
    paint: {
      'fill-color': RISK_COLOR_EXPRESSION,
      'fill-opacity': ['case', IS_SELECTED, HOTSPOT_LOOK.selectedFillOpacity, HOTSPOT_LOOK.fillOpacity] as never,
      // The line layer draws the edges; an antialiased outline would be one more shader.
      'fill-antialias': false,
    },
  };
}

/** The polygons' edges, wider when selected. */
function lineLayer(id: string, source: string): LayerSpecification {
  return {
    id,
    type: 'line',
    source,
    filter: IS_AREA,
    paint: {
      'line-color': RISK_COLOR_EXPRESSION,
      // By zoom and data, like the province line's width: the two layers share one shader.
      'line-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        5,
        ['case', IS_SELECTED, HOTSPOT_LOOK.selectedLineWidth, HOTSPOT_LOOK.lineWidth],
        10,
        ['case', IS_SELECTED, HOTSPOT_LOOK.selectedLineWidth, HOTSPOT_LOOK.lineWidth],
      ] as never,
    },
  };
}

/** One dot per hotspot, so small polygons stay visible at province zoom; it fades out by zoom 12. */
function pointLayer(id: string, source: string): LayerSpecification {
  return {
    id,
    type: 'circle',
    source,
    filter: IS_POINT,
    maxzoom: 12,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], ...HOTSPOT_LOOK.pointRadiusStops.flat()],
      'circle-color': RISK_COLOR_EXPRESSION,
      'circle-stroke-color': HOTSPOT_LOOK.pointStroke,
      'circle-stroke-width': HOTSPOT_LOOK.pointStrokeWidth,
      'circle-opacity': ['interpolate', ['linear'], ['zoom'], 10, HOTSPOT_LOOK.pointOpacity, 12, 0],
      'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], 10, HOTSPOT_LOOK.pointOpacity, 12, 0],
    },
  };
}

/** Adds the source and layers (call after the style loaded), with `data` when it is in already. */
export function addHotspotLayers(
  map: MapLibreMap,
  prefix = 'hotspot',
  beforeId?: string,
  data?: Hotspots,
): HotspotLayers {
  const polygons = `${prefix}s`;
  map.addSource(polygons, { type: 'geojson', data: data ? withCentres(data) : EMPTY, promoteId: 'id' });
  const before = beforeId && map.getLayer(beforeId) ? beforeId : undefined;
  map.addLayer(fillLayer(`${prefix}-fill`, polygons), before);
  map.addLayer(lineLayer(`${prefix}-line`, polygons), before);
  map.addLayer(pointLayer(`${prefix}-point`, polygons), before);
  let current: string | undefined;
  return {
    set(fc) {
      void (map.getSource(polygons) as GeoJSONSource).setData(withCentres(fc));
    },
    select(id) {
      if (current !== undefined) map.setFeatureState({ source: polygons, id: current }, { selected: false });
      current = id;
      if (id !== undefined) map.setFeatureState({ source: polygons, id }, { selected: true });
    },
    clickable: [`${prefix}-fill`, `${prefix}-point`],
  };
}
