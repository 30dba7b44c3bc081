/** Display helpers in the current language: places in plain words, dates in Asia/Bangkok, distances, ages. */
import type { PlaceAdmin } from '../../shared/api/wire.js';
import type { AdminArea, RiskLevel } from '../../shared/types.js';
import { LOCALES, language, t, type MessageKey } from './i18n/i18n.js';
import { romanisedName } from './place-names.js';

/** Fill colours by risk, light to dark (ColorBrewer YlOrRd, colour-blind safe in sequence). */
export const RISK_COLORS: Record<RiskLevel, string> = {
  low: '#fecc5c',
  medium: '#fd8d3c',
  high: '#f03b20',
  critical: '#bd0026',
};

/** A hotspot whose risk is unknown to this version of the app. */
export const UNKNOWN_RISK_COLOR = '#888888';

/** The risk level in words. */
export function riskLabel(level: RiskLevel | null | undefined): string {
  return level ? t(`risk.${level}` as MessageKey) : t('risk.none');
}

function levelName(level: 'tambon' | 'amphoe' | 'province', name: string | undefined, code: string | undefined) {
  if (!name) return '';
  const shown = language() === 'th' ? name : (romanisedName(code) ?? name);
  return t(`place.${level}`, { name: shown });
}

/** "ตำบลโคกเคียน อำเภอเมืองนราธิวาส จังหวัดนราธิวาส": whole words, never ต./อ. abbreviations or "(tambon)". */
export function placeWords(admin: AdminArea | PlaceAdmin | null | undefined): string {
  if (!admin) return t('place.unknown');
  const parts = [
    levelName('tambon', admin.tambon, admin.tambonCode),
    levelName('amphoe', admin.amphoe, admin.amphoeCode),
    levelName('province', admin.province, admin.provinceCode),
  ].filter(Boolean);
  if (!parts.length) return t('place.unknown');
  const words = parts.join(t('place.separator'));
  const sea = (admin as PlaceAdmin).sea;
  return sea ? t('place.sea', { km: formatKm(sea.nearestKm), place: words }) : words;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${language()}:${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const time = kind === 'dateTime' ? ({ hour: '2-digit', minute: '2-digit' } as const) : {};
    f = new Intl.DateTimeFormat(LOCALES[language()], {
      timeZone: 'Asia/Bangkok',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...time,
    });
    formatters.set(key, f);
  }
  return f;
}

/** An ISO time in Bangkok time, Buddhist era in Thai ("26 พ.ย. 2569 00:30"); the input when unparsable. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatter('dateTime').format(ms);
}

/** The day only: public times are day starts, a clock time would claim false precision. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatter('date').format(ms);
}

/** "3 hours ago", "2 days ago" in the current language. */
export function formatAge(iso: string | undefined, nowMs = Date.now()): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) return '';
  const minutes = Math.round((ms - nowMs) / 60_000);
  const rtf = new Intl.RelativeTimeFormat(LOCALES[language()], { numeric: 'auto' });
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  if (Math.abs(minutes) < 48 * 60) return rtf.format(Math.round(minutes / 60), 'hour');
  return rtf.format(Math.round(minutes / 1440), 'day');
}

/** Kilometres with sensible precision: "350 m", "2.4 km", "57 km". */
export function formatKm(km: number | null | undefined): string {
  if (km === null || km === undefined || !Number.isFinite(km)) return '–';
  const n = new Intl.NumberFormat(LOCALES[language()], { maximumFractionDigits: km < 10 ? 1 : 0 });
  return km < 1 ? `${Math.round(km * 1000)} m` : `${n.format(km)} km`;
}

/**
 * A `<input type="datetime-local">` value read as Asia/Bangkok time (UTC+7 all year, no DST),
 * as an ISO 8601 string with offset; undefined when empty or malformed.
 */
export function bangkokLocalToIso(value: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  return m ? `${m[1]}${m[2] ?? ':00'}+07:00` : undefined;
}
