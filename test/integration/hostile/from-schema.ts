/**
 * Arbitrary JSON values built from a route's own zod schema (through its JSON Schema, input
 * side): `validEdge` gives values the schema accepts, leaning on the edges (limits, 7-decimal
 * rounding, tiny numbers, padded text); `hostile` takes such a value and breaks one thing in
 * it (a field, an extra key, a missing key, the whole body). The schema itself, not this
 * file, says afterwards whether the result is valid.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { hostileJsonValue, hostileString, HOSTILE_NUMBERS, PROTO_KEYS, TINY_DECIMAL, WRONG_TYPES } from './values.js';

/** The parts of JSON Schema that zod's `toJSONSchema` writes for our schemas. */
export interface JsonSchema {
  type?: 'object' | 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

/** The JSON Schema of what a zod schema accepts as input. */
export const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Visible text up to `max` characters, edges included (exactly `max`, padded past it, marks, emoji, Thai). */
function visibleText(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      'a',
      'ค้ามนุษย์ที่ท่าเรือ ตากใบ',
      'Aminah binti Ali',
      '  padded both sides  ',
      'e\u0301 with a mark',
      'emoji 🙂🇹🇭',
      'zero\u200bwidth inside',
      '\u3164x', // a filler next to something visible
      'x'.repeat(max),
      ` ${'y'.repeat(max)} `, // trimmed to exactly max
    ),
    fc.string({ unit: 'grapheme', minLength: 0, maxLength: Math.min(30, max - 1) }).map((s) => `v${s}`),
  );
}

/** Well-formed phone numbers as people type them (Thai and Malaysian). */
const PHONES = ['081 234 5678', '+66812345678', '0812345679', '+60 12-345 6789', '+66 (0)81-234-5670'];

/** Field lengths the JSON Schema loses (zod pipes), by field name; `phone` and `bbox` have their own generators. */
const TEXT_LIMITS: Record<string, number> = { text: 5000, address: 500, name: 100, note: 500, q: 1000 };

const isoTime = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
  .chain((d) =>
    fc.constantFrom(d.toISOString(), d.toISOString().replace('Z', '+07:00'), d.toISOString().replace(/\.\d+Z$/, 'Z')),
  );

/** Numbers in `[min, max]`: both ends, tiny magnitudes that need rounding, -0, and anything between. */
function numberIn(min = -1e9, max = 1e9): fc.Arbitrary<number> {
  const tiny = [1e-131, -1e-131, 1e-300, 5e-324, -0, 0].filter((v) => v >= min && v <= max);
  return fc.oneof(
    fc.constantFrom(min, max, ...tiny),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: Math.ceil(Math.max(min, -1e6)), max: Math.floor(Math.min(max, 1e6)) }),
  );
}

/** Degrees as a query string writes them: plain decimals, rounding edges, the limits. */
const degreesText = (limit: number) =>
  fc.oneof(
    fc.constantFrom(String(limit), `-${limit}`, '0', '-0', '+6.4', '.5', '6.', '6.42000000049', TINY_DECIMAL),
    fc.double({ min: -limit, max: limit, noNaN: true }).map((v) => v.toFixed(9)),
  );

/** Query values whose schema is a pattern too loose to generate valid values from. */
const QUERY_HINTS: Record<string, fc.Arbitrary<string>> = {
  lat: degreesText(90),
  lon: degreesText(180),
  bbox: fc.constantFrom(
    '101,6,102,7',
    '-180,-90,180,90',
    `101.5,${TINY_DECIMAL},101.6,6.5`,
    '101.0000000001,6,101.0000000002,6',
  ),
  limit: fc.constantFrom('1', '50', '1000', '007'),
};

/** Values the schema should accept, edges first. */
export function validEdge(js: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  if (name === 'phone' && js.type === 'string') return fc.constantFrom(...PHONES);
  if (js.anyOf) return fc.oneof(...js.anyOf.map((s) => validEdge(s, name)));
  if (js.enum) return fc.constantFrom(...js.enum);
  switch (js.type) {
    case 'object': {
      const props = js.properties ?? {};
      const shape = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, validEdge(s, k)]));
      return fc.record(shape, { requiredKeys: js.required ?? [] });
    }
    case 'string':
      if (js.format === 'date-time') return isoTime;
      if (QUERY_HINTS[name]) return QUERY_HINTS[name];
      if (js.pattern) return fc.stringMatching(new RegExp(js.pattern));
      return visibleText(TEXT_LIMITS[name] ?? js.maxLength ?? 40);
    case 'number':
    case 'integer':
      return numberIn(js.minimum, js.maximum);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.constant(null);
  }
}

/** A value that breaks the field `js`: the wrong type, out of range, not in the enum, or hostile text. */
function brokenField(js: JsonSchema, name: string): fc.Arbitrary<unknown> {
  const wrong = fc.constantFrom(...WRONG_TYPES);
  if (js.enum) return fc.oneof(wrong, fc.constantFrom('', 'OTHER', String(js.enum[0]).toUpperCase(), ...PROTO_KEYS));
  switch (js.type) {
    case 'string':
      return fc.oneof(hostileString, wrong, fc.constantFrom(...HOSTILE_NUMBERS));
    case 'number':
    case 'integer': {
      const outside = [
        js.maximum === undefined ? 1e200 : js.maximum + 1e-9,
        js.minimum === undefined ? -1e200 : -1e200,
      ];
      return fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS, ...outside), wrong, fc.constantFrom('6.4', '1e-131'));
    }
    case 'object':
      return fc.oneof(hostile(js, name), wrong);
    default:
      return hostileJsonValue;
  }
}

/** A value of `js` with one thing broken (or, at the top, a different JSON value altogether). */
export function hostile(js: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  if (js.type !== 'object' || !js.properties) return brokenField(js, name);
  const props = js.properties;
  const keys = Object.keys(props);
  return validEdge(js, name).chain((base) => {
    const value = { ...(base as Record<string, unknown>) };
    const mutations: Array<fc.Arbitrary<Record<string, unknown>>> = [
      fc
        .constantFrom(...keys)
        .chain((k) => brokenField(props[k], k).map((v) => Object.fromEntries([...Object.entries(value), [k, v]]))),
      fc
        .tuple(
          fc.constantFrom(...PROTO_KEYS, 'extra', 'id', 'status'),
          fc.constantFrom<unknown>(1, 'x', { a: 1 }, null),
        )
        .map(([k, v]) => Object.fromEntries([...Object.entries(value), [k, v]])),
    ];
    const required = (js.required ?? []).filter((k) => k in value);
    if (required.length) {
      mutations.push(
        fc.constantFrom(...required).map((k) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== k))),
      );
    }
    return fc.oneof(...mutations);
  });
}
