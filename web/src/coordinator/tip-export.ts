/**
 * Export of the current selection: GeoJSON points for GIS, and CSV for spreadsheets with a
 * UTF-8 byte-order mark, without which Excel reads Thai as mojibake. Contact data is not in
 * the list the export is made from, so it never leaves in a file.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { TipListItem } from '../../../shared/api/wire.js';

/** The columns, in order; each is a property of the GeoJSON features too. */
const COLUMNS = [
  'id',
  'reference',
  'receivedAt',
  'occurredAt',
  'category',
  'channel',
  'status',
  'urgent',
  'lat',
  'lon',
  'precision',
  'province',
  'amphoe',
  'tambon',
  'tambonCode',
  'address',
  'text',
] as const;

type Row = Record<(typeof COLUMNS)[number], string | number | boolean | null>;

/** Where a tip is: the reporter's point, else the clustering position (a tambon centroid). */
export function tipPoint(t: TipListItem): { lat: number; lon: number } | null {
  if (t.location) return t.location;
  if (t.lat !== undefined && t.lon !== undefined) return { lat: t.lat, lon: t.lon };
  if (t.geocode?.lat !== undefined && t.geocode.lon !== undefined) return { lat: t.geocode.lat, lon: t.geocode.lon };
  return null;
}

function row(t: TipListItem): Row {
  const p = tipPoint(t);
  const a = t.geocode?.admin ?? {};
  return {
    id: t.id,
    reference: t.reference ?? '',
    receivedAt: t.receivedAt,
    occurredAt: t.occurredAt ?? '',
    category: t.category,
    channel: t.channel,
    status: t.status,
    urgent: t.urgent,
    lat: p?.lat ?? null,
    lon: p?.lon ?? null,
    precision: t.geocode?.precision ?? 'none',
    province: a.province ?? '',
    amphoe: a.amphoe ?? '',
    tambon: a.tambon ?? '',
    tambonCode: a.tambonCode ?? '',
    address: t.address ?? '',
    text: t.text,
  };
}

/** A FeatureCollection of the tips that have a place; the rest have no geometry to give. */
export function tipsToGeoJson(tips: TipListItem[]): FeatureCollection<Point | null> {
  const features: Feature<Point | null>[] = tips.map((t) => {
    const p = tipPoint(t);
    return {
      type: 'Feature',
      id: t.id,
      properties: row(t),
      geometry: p ? { type: 'Point', coordinates: [p.lon, p.lat] } : null,
    };
  });
  return { type: 'FeatureCollection', features };
}

/** RFC 4180 quoting; a leading `=+-@` is prefixed with `'` so no cell runs as a formula. */
function cell(v: string | number | boolean | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with a BOM and CRLF line ends, as Excel expects. */
export function tipsToCsv(tips: TipListItem[]): string {
  const lines = [COLUMNS.join(','), ...tips.map((t) => COLUMNS.map((c) => cell(row(t)[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Starts a download of `text` (a blob URL on this origin: nothing is sent anywhere). */
export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
