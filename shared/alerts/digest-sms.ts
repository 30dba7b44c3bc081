/**
 * The one SMS that delivers the alerts held back during a volunteer's quiet hours. Like
 * every alert text it names no place more exact than a count and a link.
 */
import type { Language, RiskLevel } from '../types.js';
import { firstFitting, type ComposedSms } from './sms-text.js';

/** What a digest says. */
export interface DigestSmsInput {
  language: Language;
  /** Alerts held during quiet hours. */
  alertCount: number;
  /** Distinct hotspots among them. */
  hotspotCount: number;
  highestRisk: RiskLevel;
  /** Link to the map (no coordinates in it). */
  link: string;
  hotline: '1300';
}

const RISK: Record<Language, Record<RiskLevel, string>> = {
  th: { low: 'ต่ำ', medium: 'ปานกลาง', high: 'สูง', critical: 'วิกฤต' },
  ms: { low: 'rendah', medium: 'sederhana', high: 'tinggi', critical: 'kritikal' },
  en: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
};

function candidates(i: DigestSmsInput, link: string): string[] {
  const risk = RISK[i.language][i.highestRisk];
  switch (i.language) {
    case 'th':
      return [
        `พิทักษ์: ระหว่างช่วงงดแจ้งเตือนมี ${i.alertCount} การแจ้งเตือน ${i.hotspotCount} จุดเสี่ยง สูงสุดระดับ${risk} ดู ${link} สายด่วน ${i.hotline}`,
        `พิทักษ์: ${i.alertCount} การแจ้งเตือน ${i.hotspotCount} จุด ระดับ${risk} ${link} โทร ${i.hotline}`,
        `พิทักษ์: ${i.alertCount} การแจ้งเตือน ${i.hotspotCount} จุด ระดับ${risk} โทร ${i.hotline}`,
      ];
    case 'ms':
      return [
        `Phithak: semasa waktu senyap, ${i.alertCount} amaran bagi ${i.hotspotCount} kawasan berisiko, tahap tertinggi ${risk}. ${link} Talian ${i.hotline}`,
        `Phithak: ${i.alertCount} amaran, ${i.hotspotCount} kawasan, ${risk}. Tel ${i.hotline}`,
      ];
    case 'en':
      return [
        `Phithak: during your quiet hours, ${i.alertCount} alerts for ${i.hotspotCount} hotspots, highest risk ${risk}. ${link} Hotline ${i.hotline}`,
        `Phithak: ${i.alertCount} alerts, ${i.hotspotCount} hotspots, ${risk}. Tel ${i.hotline}`,
      ];
  }
}

/** Composes the quiet-hours digest, at most 2 parts like every alert. */
export function composeDigestSms(input: DigestSmsInput): ComposedSms {
  const link = input.link.replace(/[\s\p{Cc}]/gu, '').slice(0, 300);
  return firstFitting(candidates(input, link));
}
