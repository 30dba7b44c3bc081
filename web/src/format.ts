/** Pure display helpers: place names, risk labels and colours, dates in Asia/Bangkok. */
import type { AdminArea, Alert, RiskLevel } from '../../shared/types.js';

/** Fill colours by risk, light to dark (ColorBrewer YlOrRd, colour-blind safe in sequence). */
export const RISK_COLORS: Record<RiskLevel, string> = {
  low: '#fecc5c',
  medium: '#fd8d3c',
  high: '#f03b20',
  critical: '#bd0026',
};

/** Bilingual risk labels shown beside the colour. */
export const RISK_LABELS: Record<RiskLevel, string> = {
  low: 'low · ต่ำ',
  medium: 'medium · ปานกลาง',
  high: 'high · สูง',
  critical: 'critical · วิกฤต',
};

/** Risk levels worst first, for sorting. */
const RISK_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Compares two risk levels, worst first (unknown levels last). */
export function compareRisk(a: string, b: string): number {
  return (RISK_RANK[a] ?? 9) - (RISK_RANK[b] ?? 9);
}

/** "ต.โคกเคียน อ.เมืองนราธิวาส จ.นราธิวาส", with the Thai abbreviations people use. */
export function placeName(admin: AdminArea | null | undefined): string {
  if (!admin) return 'Unknown place · ไม่ทราบตำแหน่ง';
  const parts = [
    admin.tambon ? `ต.${admin.tambon}` : '',
    admin.amphoe ? `อ.${admin.amphoe}` : '',
    admin.province ? `จ.${admin.province}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : 'Unknown place · ไม่ทราบตำแหน่ง';
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Bangkok',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO timestamp in Bangkok local time ("25 Nov 2026, 18:05"); the input when unparsable. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : DATE_TIME.format(t);
}

/** Kilometres with sensible precision: "350 m", "2.4 km", "57 km". */
export function formatKm(km: number | null | undefined): string {
  if (km === null || km === undefined || !Number.isFinite(km)) return '–';
  if (km < 1) return `${Math.round(km * 1000)} m`;
  return km < 10 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}

/**
 * A `<input type="datetime-local">` value read as Asia/Bangkok time (UTC+7 all year, no DST),
 * as an ISO 8601 string with offset; undefined when empty or malformed.
 */
export function bangkokLocalToIso(value: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  return m ? `${m[1]}${m[2] ?? ':00'}+07:00` : undefined;
}

/** Bilingual alert delivery statuses. */
const ALERT_STATUS_LABELS: Record<string, string> = {
  queued: 'queued · รอส่ง',
  sent: 'sent · ส่งแล้ว',
  failed: 'failed · ส่งไม่สำเร็จ',
  suppressed: 'not sent · ไม่ได้ส่ง',
};

/** What happened to one SMS: "sent · ส่งแล้ว, 1 SMS part", with the reason when held back. */
export function alertOutcome(alert: Pick<Alert, 'status' | 'segments' | 'suppressedReason'>): string {
  const status = ALERT_STATUS_LABELS[alert.status] ?? alert.status;
  const why = alert.suppressedReason ? ` (${alert.suppressedReason})` : '';
  return `${status}${why}, ${alert.segments} SMS part${alert.segments === 1 ? '' : 's'}`;
}
