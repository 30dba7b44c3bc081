/**
 * SMS part counting (3GPP TS 23.038 / 23.040). A message that uses only the GSM 03.38
 * alphabet is sent as GSM-7: 160 characters in one part, 153 per part once split, and the
 * extension characters (`^{}\[~]|€` and form feed) take two septets each. Any other
 * character (one Thai letter is enough) turns the whole message into UCS-2: 70 UTF-16
 * units in one part, 67 per part once split.
 */

/** How the message is encoded on the air. */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

/** Part sizes per encoding, in septets (GSM-7) or UTF-16 units (UCS-2). */
export const SMS_LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const satisfies Record<SmsEncoding, { single: number; multi: number }>;

/** The most parts an alert may cost (issue #5). */
export const MAX_ALERT_SEGMENTS = 2;

/** The encoding a phone network will use for `text`. */
export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) return 'UCS-2';
  return 'GSM-7';
}

/** Size of each character in units of the encoding; characters never split across parts. */
function unitSizes(text: string, encoding: SmsEncoding): number[] {
  const sizes: number[] = [];
  for (const ch of text) sizes.push(encoding === 'GSM-7' ? (EXTENSION.has(ch) ? 2 : 1) : ch.length);
  return sizes;
}

/**
 * Number of SMS parts `text` costs. An empty text still costs one part. When split, an
 * escape pair or a surrogate pair is never cut in two, as handsets do.
 */
export function countSegments(text: string): { segments: number; encoding: SmsEncoding; units: number } {
  const encoding = smsEncoding(text);
  const sizes = unitSizes(text, encoding);
  const units = sizes.reduce((a, b) => a + b, 0);
  const { single, multi } = SMS_LIMITS[encoding];
  if (units <= single) return { segments: 1, encoding, units };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { segments, encoding, units };
}
