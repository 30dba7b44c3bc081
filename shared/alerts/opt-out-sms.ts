/**
 * The one-time SMS that confirms a public opt-out. Only the phone's owner receives it, so only
 * they can silence their alerts; it names nothing about any hotspot or tip.
 */
import type { Language } from '../types.js';
import { firstFitting, type ComposedSms } from './sms-text.js';

/** What the confirmation says. */
export interface OptOutSmsInput {
  language: Language;
  /** The one-time link (`/#stop=<token>`). */
  link: string;
  /** Hours the link stays valid. */
  validHours: number;
}

/** The confirmation text in the volunteer's language, at most two parts. */
export function composeOptOutSms(i: OptOutSmsInput): ComposedSms {
  switch (i.language) {
    case 'th':
      return firstFitting([
        `พิทักษ์: มีคำขอหยุดส่ง SMS แจ้งเตือนมายังเบอร์นี้ ยืนยันที่ ${i.link} (ใช้ได้ ${i.validHours} ชม.) ถ้าคุณไม่ได้ขอ ไม่ต้องทำอะไร`,
        `พิทักษ์: ยืนยันหยุดรับ SMS ${i.link}`,
      ]);
    case 'ms':
      return firstFitting([
        `Phithak: ada permintaan untuk berhenti menghantar SMS amaran ke nombor ini. Sahkan di ${i.link} (sah ${i.validHours} jam). Jika bukan anda, abaikan.`,
        `Phithak: sahkan berhenti SMS ${i.link}`,
      ]);
    default:
      return firstFitting([
        `Phithak: someone asked to stop alert SMS to this number. Confirm at ${i.link} (valid ${i.validHours} h). If it was not you, do nothing.`,
        `Phithak: confirm stop SMS ${i.link}`,
      ]);
  }
}
