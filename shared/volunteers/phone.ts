import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js';
import { InvalidPhoneError } from './errors.js';

/**
 * Normalises a phone number as a person types it ("081-234-5678", "+66 81 234 5678",
 * "66812345678", "+60 12-345 6789") to E.164 (`+66812345678`).
 *
 * Numbers without `+` are read as national numbers of `defaultCountry` first; when that
 * fails, digits that start with a country code (`66…`, `60…`) are read as international,
 * because people often drop the plus. Throws {@link InvalidPhoneError} when neither
 * reading is a valid number.
 *
 * @param input what the person typed
 * @param defaultCountry ISO 3166 alpha-2 country for national numbers (Thailand)
 */
export function normalisePhone(input: string, defaultCountry: CountryCode = 'TH'): string {
  const trimmed = input.trim();
  if (!trimmed) throw new InvalidPhoneError('the phone number is empty; type e.g. 081-234-5678', input);
  if (trimmed.length > 40) throw new InvalidPhoneError('the phone number is too long (40 characters at most)', input);
  const readings = /^\+/.test(trimmed) ? [trimmed] : [trimmed, `+${trimmed.replace(/^00/, '')}`];
  let lastError: unknown;
  for (const reading of readings) {
    try {
      const parsed = parsePhoneNumberWithError(reading, defaultCountry);
      if (parsed.isValid()) return parsed.number;
    } catch (err) {
      lastError = err;
    }
  }
  throw new InvalidPhoneError(
    `"${trimmed}" is not a valid phone number; use a Thai number like 081-234-5678 or an international one like +60 12-345 6789`,
    input,
    { cause: lastError },
  );
}

/**
 * Masks an E.164 number for logs and the console: country code and last 3 digits only
 * (`+66*******678`), enough to tell two recipients apart without exposing the number.
 */
export function maskPhone(e164: string): string {
  if (e164.length <= 6) return '*'.repeat(e164.length);
  const head = e164.startsWith('+66') || e164.startsWith('+60') ? 3 : 2;
  return `${e164.slice(0, head)}${'*'.repeat(e164.length - head - 3)}${e164.slice(-3)}`;
}
