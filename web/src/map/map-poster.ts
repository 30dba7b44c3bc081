/**
 * A still picture of the map's first view, drawn by the browser as SVG: the provinces and the
 * hotspots, in MapLibre's projection at the start camera, so the map takes its place without a
 * jump. A slow phone shows it while MapLibre starts (seconds in software GL), and a device
 * without WebGL keeps it instead of a map. It is not interactive and is hidden from assistive
 * technology: the list of risk areas beside it says the same in words and answers taps.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { RISK_COLORS, UNKNOWN_RISK_COLOR } from '../format.js';
import type { RiskLevel } from '../../../shared/types.js';
import { featureCentre } from './feature-bounds.js';
import { HOTSPOT_LOOK, isServedProvince, OUTSIDE_COLOR, PROVINCE_LOOK } from './map-style.js';

/** MapLibre's tiles are 512 px: the world is 512·2^zoom px wide. */
const TILE_PX = 512;
const SVG = 'http://www.w3.org/2000/svg';

export interface Camera {
  center: [number, number];
  zoom: number;
}

/** Pixel position of `[lon, lat]` in a `width`×`height` view of `camera` (Web Mercator, as MapLibre projects). */
export function projector(camera: Camera, width: number, height: number): (p: Position) => [number, number] {
  const world = TILE_PX * 2 ** camera.zoom;
  const x = (lon: number) => ((lon + 180) / 360) * world;
  const y = (lat: number) => {
    const s = Math.sin((lat * Math.PI) / 180);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world;
  };
  const dx = width / 2 - x(camera.center[0]);
  const dy = height / 2 - y(camera.center[1]);
  return ([lon, lat]) => [x(lon) + dx, y(lat) + dy];
}

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown> | null>;

/**
 * An SVG path of a polygon's rings, in pixels to a tenth; empty when no ring reaches into the
 * `width`×`height` view (most provinces lie outside the first view: they are not drawn at all).
 */
function pathOf(f: Area, at: (p: Position) => [number, number], width: number, height: number): string {
  const g = f.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let d = '';
  for (const rings of polygons)
    for (const ring of rings) {
      const points = ring.map(at);
      let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of points) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
      if (right < 0 || bottom < 0 || left > width || top > height) continue;
      d += `M${points.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`;
    }
  return d;
}

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export interface MapPoster {
  /** Draws (again) at the container's size, until removed; `provinces` may come later than the hotspots. */
  draw(hotspots: FeatureCollection<Polygon | MultiPolygon, { riskLevel?: RiskLevel | null }>): void;
  setProvinces(provinces: FeatureCollection<Polygon | MultiPolygon>): void;
  remove(): void;
}

type Hotspot = Parameters<MapPoster['draw']>[0]['features'][number];

/** One drawing's projection, size and zoom: every shape in it is placed and sized by them. */
interface View {
  at: (p: Position) => [number, number];
  width: number;
  height: number;
  zoom: number;
}

/** A province's outline, or none when it lies outside the view (most provinces do). */
function provinceShape(f: Area, view: View): SVGElement | undefined {
  const d = pathOf(f, view.at, view.width, view.height);
  if (!d) return undefined;
  const served = isServedProvince(String(f.properties?.code ?? ''));
  return svgEl('path', {
    class: 'poster-province',
    d,
    fill: served ? PROVINCE_LOOK.servedFill : PROVINCE_LOOK.otherFill,
    stroke: PROVINCE_LOOK.line,
    'stroke-width': PROVINCE_LOOK.lineWidthAt(view.zoom),
  });
}

/** Appends a hotspot's polygon and, where it has a centre, its point, as the map draws both. */
function appendHotspot(svg: SVGElement, f: Hotspot, view: View): void {
  const level = f.properties?.riskLevel;
  const color = (level && RISK_COLORS[level]) || UNKNOWN_RISK_COLOR;
  svg.append(
    svgEl('path', {
      d: pathOf(f, view.at, view.width, view.height),
      fill: color,
      'fill-opacity': HOTSPOT_LOOK.fillOpacity,
      stroke: color,
      'stroke-width': HOTSPOT_LOOK.lineWidth,
    }),
  );
  const centre = featureCentre(f);
  if (!centre) return;
  const [cx, cy] = view.at(centre);
  svg.append(
    svgEl('circle', {
      class: 'poster-hotspot',
      cx: cx.toFixed(1),
      cy: cy.toFixed(1),
      r: HOTSPOT_LOOK.pointRadiusAt(view.zoom),
      fill: color,
      'fill-opacity': HOTSPOT_LOOK.pointOpacity,
      stroke: HOTSPOT_LOOK.pointStroke,
      'stroke-width': HOTSPOT_LOOK.pointStrokeWidth,
    }),
  );
}

/** The poster in `el` (sized by CSS to the map's box), for the camera the map starts at. */
export function createMapPoster(el: HTMLElement, camera: Camera): MapPoster {
  let hotspots: Parameters<MapPoster['draw']>[0] | undefined;
  let provinces: FeatureCollection<Polygon | MultiPolygon> | undefined;
  let removed = false;
  el.style.backgroundColor = OUTSIDE_COLOR;
  const render = () => {
    if (removed) return;
    const width = el.clientWidth;
    const height = el.clientHeight;
    if (!width || !height) return;
    const view: View = { at: projector(camera, width, height), width, height, zoom: camera.zoom };
    const svg = svgEl('svg', { width, height, viewBox: `0 0 ${width} ${height}` });
    for (const f of provinces?.features ?? []) {
      const shape = provinceShape(f, view);
      if (shape) svg.append(shape);
    }
    for (const f of hotspots?.features ?? []) appendHotspot(svg, f, view);
    el.replaceChildren(svg);
  };
  return {
    draw(fc) {
      hotspots = fc;
      render();
    },
    setProvinces(fc) {
      provinces = fc;
      if (hotspots) render();
    },
    remove() {
      removed = true;
      el.remove();
    },
  };
}
