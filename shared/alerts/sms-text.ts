/**
 * Alert SMS texts in the volunteer's language. By construction they carry only a risk
 * level, the tambon and amphoe names (at sea: "near" them, with a distance rounded to the
 * km), a tip count, a link and the 1300 hotline: the input type has no field for tip text,
 * exact coordinates or anything about a reporter.
 *
 * Every text fits in {@link MAX_ALERT_SEGMENTS} parts: when the full form is too long, the
 * amphoe is dropped, then a compact wording is used, then the tambon, then the link.
 */
import type { AlertReason, Language, RiskLevel } from '../types.js';
import { MAX_ALERT_SEGMENTS, countSegments, type SmsEncoding } from './sms-segments.js';

/** What an alert says; nothing else can reach the text. */
export interface AlertSmsInput {
  language: Language;
  reason: AlertReason;
  riskLevel: RiskLevel;
  /** Tambon name in the volunteer's script (Thai names force UCS-2). */
  tambon?: string;
  amphoe?: string;
  /**
   * The place lies at sea (or across a border) and the names are of the nearest tambon,
   * `nearestKm` away: the admin's `sea` note, as `reverseGeocode` gives it.
   */
  sea?: { nearestKm: number };
  tipCount: number;
  /** Link to the hotspot on the map (no coordinates in it). */
  link: string;
  hotline: '1300';
}

/** A composed SMS and what it costs. */
export interface ComposedSms {
  text: string;
  segments: number;
  encoding: SmsEncoding;
}

interface Wording {
  reason: Record<AlertReason, string>;
  risk: Record<RiskLevel, string>;
  /** Full and compact forms; absent parts are left out. */
  full: (w: Parts) => string;
  compact: (w: Parts) => string;
}

interface Parts {
  reason: string;
  risk: string;
  tambon?: string;
  amphoe?: string;
  /** At sea (only when a name is set): whole km to the named tambon, or null when unknown. */
  seaKm?: number | null;
  count: number;
  link?: string;
  hotline: string;
}

const join = (...xs: Array<string | false | undefined>) => xs.filter(Boolean).join(' ');

/** " ~6 km" style distance, or nothing when unknown. */
const about = (km: number | null | undefined, unit: string) => (km == null ? '' : ` ~${km} ${unit}`);

/** "Bang Nak, Mueang Narathiwat." or, at sea, "At sea near Bang Nak, Mueang Narathiwat, ~6 km." */
function place(p: Parts, nearWords: string, unit: string): string {
  const names = `${p.tambon}${p.amphoe ? `, ${p.amphoe}` : ''}`;
  if (p.seaKm === undefined) return `${names}.`;
  return `${nearWords} ${names}${p.seaKm === null ? '' : `,${about(p.seaKm, unit)}`}.`;
}

const WORDING: Record<Language, Wording> = {
  th: {
    reason: { new_hotspot: 'จุดเสี่ยงใหม่', escalated: 'จุดเสี่ยงยกระดับ', urgent_tip: 'แจ้งเหตุด่วน', test: 'ทดสอบการแจ้งเตือน' },
    risk: { low: 'ต่ำ', medium: 'ปานกลาง', high: 'สูง', critical: 'วิกฤต' },
    full: (p) =>
      join(
        `พิทักษ์: ${p.reason} ระดับ${p.risk}`,
        p.seaKm !== undefined && 'ทะเลใกล้',
        p.tambon && `ต.${p.tambon}`,
        p.amphoe && `อ.${p.amphoe}`,
        p.seaKm !== undefined && about(p.seaKm, 'กม.').trim(),
        `${p.count} เรื่อง`,
        p.link && `ดู ${p.link}`,
        `สายด่วน ${p.hotline}`,
      ),
    compact: (p) =>
      join(
        `${p.reason} ${p.risk}`,
        p.tambon && `${p.seaKm !== undefined ? 'ทะเลใกล้ ' : ''}ต.${p.tambon}${about(p.seaKm, 'กม.')}`,
        `${p.count} เรื่อง`,
        p.link,
        `โทร ${p.hotline}`,
      ),
  },
  ms: {
    reason: {
      new_hotspot: 'Kawasan berisiko baharu',
      escalated: 'Risiko meningkat',
      urgent_tip: 'Laporan segera',
      test: 'Ujian amaran',
    },
    risk: { low: 'rendah', medium: 'sederhana', high: 'tinggi', critical: 'kritikal' },
    full: (p) =>
      join(
        `Phithak: ${p.reason}, tahap ${p.risk}.`,
        p.tambon && place(p, 'Di laut dekat', 'km'),
        `${p.count} laporan.`,
        p.link,
        `Talian ${p.hotline}`,
      ),
    compact: (p) =>
      join(
        `${p.reason}, ${p.risk}.`,
        p.tambon && place({ ...p, amphoe: undefined }, 'Di laut dekat', 'km'),
        `${p.count} lpr.`,
        p.link,
        `Tel ${p.hotline}`,
      ),
  },
  en: {
    reason: { new_hotspot: 'New hotspot', escalated: 'Risk raised', urgent_tip: 'Urgent report', test: 'Test alert' },
    risk: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
    full: (p) =>
      join(
        `Phithak: ${p.reason}, ${p.risk} risk.`,
        p.tambon && place(p, 'At sea near', 'km'),
        `${p.count} reports.`,
        p.link,
        `Hotline ${p.hotline}`,
      ),
    compact: (p) =>
      join(
        `${p.reason}, ${p.risk}.`,
        p.tambon && place({ ...p, amphoe: undefined }, 'At sea near', 'km'),
        `${p.count} rpt.`,
        p.link,
        `Tel ${p.hotline}`,
      ),
  },
};

/** Names come from the gazetteer, but never trust them: one line, no controls, bounded. */
function cleanName(name: string | undefined): string | undefined {
  const cleaned = name
    ?.replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return cleaned || undefined;
}

function measure(text: string): ComposedSms {
  const { segments, encoding } = countSegments(text);
  return { text, segments, encoding };
}

/** The first candidate that fits in the part budget (the last one always does). */
export function firstFitting(candidates: string[], maxSegments = MAX_ALERT_SEGMENTS): ComposedSms {
  for (const text of candidates) {
    const sms = measure(text);
    if (sms.segments <= maxSegments) return sms;
  }
  return measure(candidates[candidates.length - 1]!);
}

/**
 * Composes an alert SMS in the volunteer's language, at most 2 parts.
 * @example composeAlertSms({ language: 'th', reason: 'new_hotspot', riskLevel: 'high',
 *   tambon: 'บางนาค', amphoe: 'เมืองนราธิวาส', tipCount: 6, link: 'https://x/#h=1', hotline: '1300' })
 */
export function composeAlertSms(input: AlertSmsInput): ComposedSms {
  if (input.reason === 'test') return composeTestSms(input.language, input.link, input.hotline);
  const w = WORDING[input.language];
  const tambon = cleanName(input.tambon);
  const amphoe = cleanName(input.amphoe);
  const seaKm = seaDistance(input.sea, tambon ?? amphoe);
  // A cut link is worse than none: links are only cleaned, never shortened.
  const link = input.link.replace(/[\s\p{Cc}\p{Cf}]/gu, '') || undefined;
  const base = {
    reason: w.reason[input.reason],
    risk: w.risk[input.riskLevel],
    count: Math.max(0, Math.round(input.tipCount)),
    hotline: input.hotline,
  };
  return firstFitting([
    w.full({ ...base, tambon, amphoe, seaKm, link }),
    w.full({ ...base, tambon, seaKm: tambon ? seaKm : undefined, link }),
    w.compact({ ...base, tambon, seaKm: tambon ? seaKm : undefined, link }),
    w.compact({ ...base, link }),
    w.compact({ ...base, tambon, seaKm: tambon ? seaKm : undefined }),
    w.compact(base),
  ]);
}

/**
 * At sea: whole km to the named tambon (at least 1, at most 999), or null for a distance
 * that is not a number. Undefined on land, and when no name is given (a distance from
 * nothing says nothing).
 */
function seaDistance(sea: AlertSmsInput['sea'], name: string | undefined): number | null | undefined {
  if (!sea || !name) return undefined;
  const km = sea.nearestKm;
  if (typeof km !== 'number' || !Number.isFinite(km) || km < 0) return null;
  return Math.min(999, Math.max(1, Math.round(km)));
}

const TEST_TEXT: Record<Language, (link: string, hotline: string) => string[]> = {
  th: (link, hotline) => [
    `พิทักษ์: ทดสอบการแจ้งเตือน SMS ถึงคุณแล้ว ${link} สายด่วน ${hotline}`,
    `พิทักษ์: ทดสอบการแจ้งเตือน สายด่วน ${hotline}`,
  ],
  ms: (link, hotline) => [
    `Phithak: Ujian amaran. SMS amaran sampai kepada anda. ${link} Talian ${hotline}`,
    `Phithak: Ujian amaran. Talian ${hotline}`,
  ],
  en: (link, hotline) => [
    `Phithak: Test alert. Alert SMS reach you. ${link} Hotline ${hotline}`,
    `Phithak: Test alert. Hotline ${hotline}`,
  ],
};

/** A coordinator's test alert: says only that alerts reach this phone (no risk, no count). */
function composeTestSms(language: Language, link: string, hotline: string): ComposedSms {
  return firstFitting(TEST_TEXT[language](link.replace(/[\s\p{Cc}\p{Cf}]/gu, ''), hotline));
}
