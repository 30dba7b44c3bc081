/**
 * Hostile values for every place a request carries input: JSON values, query values, path
 * ids, headers. Each list names what broke, or could break, an API like ours: numbers
 * DynamoDB cannot store, text that is not well-formed Unicode or has nothing visible in it,
 * names of built-in object members, forged paging cursors.
 */
import fc from 'fast-check';

/** Keys that are members of every plain object: a lookup by them finds a function, not `undefined`. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

/** Text with nothing a person can see: spaces, zero-width and format characters, combining marks alone, fillers. */
export const INVISIBLE_TEXTS = [
  ' ',
  '   \t\n ',
  '\u200b',
  '\u200b\u200c\u200d',
  '\ufeff',
  '\u00a0\u3000',
  '\u0301',
  '\u0301\u0308\u0323',
  '\u2060\u2061\u00ad',
  '\u3164',
  '\u115f\u1160',
  '\uffa0',
  '\u2800',
  '\u034f\ufe0f',
  '\udb40\udc20', // a tag space (U+E0020), well-formed but invisible
];

/** Text that is not well-formed UTF-16: a lone surrogate somewhere. */
export const ILL_FORMED_TEXTS = ['\ud800', '\udfff', 'tip \ud83d', '\ude00 tip', 'ok\udc00ok', 'a\ud800\ud800b'];

/** JSON numbers DynamoDB cannot store as they are (below 1e-130 or above 1e125 in magnitude), and other edges. */
export const HOSTILE_NUMBERS = [
  1e-131,
  -1e-131,
  1e-200,
  1e-300,
  5e-324,
  1e126,
  1e200,
  -1e200,
  1.7976931348623157e308,
  -0,
  0.1 + 0.2,
  // biome-ignore lint/correctness/noPrecisionLoss: more digits than a double holds, on purpose
  123456789.123456789,
];

/** Values of the wrong JSON type for any field. */
export const WRONG_TYPES: unknown[] = [null, true, false, 0, '', '6.4', [], [1, 2], {}, { lat: 6.4 }];

/** A few printable strings, to mix into anything. */
const plainText = fc.string({ unit: 'grapheme', minLength: 0, maxLength: 12 });

/** A lone-surrogate string built at random around the fixed cases. */
const illFormed = fc
  .tuple(plainText, fc.integer({ min: 0xd800, max: 0xdfff }), plainText)
  .map(([a, code, b]) => `${a}${String.fromCharCode(code)}${b}`);

/** Any string a hostile client might put in a text field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INVISIBLE_TEXTS),
  fc.constantFrom(...ILL_FORMED_TEXTS),
  illFormed,
  fc.constantFrom('', '\u0000', 'a\u0000', '<script>alert(1)</script>', "' OR 1=1 --", ...PROTO_KEYS),
  fc.integer({ min: 1, max: 3 }).map((k) => 'x'.repeat([101, 5001, 20_000][k - 1])),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Any JSON value a hostile client might put where a field is expected. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...WRONG_TYPES),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.dictionary(fc.constantFrom(...PROTO_KEYS, 'lat', 'x'), fc.constantFrom(1, 'x', null), { maxKeys: 3 }),
);

/** A coordinate written as a query value the API must refuse: empty, hexadecimal, exponent, words, padded. */
export const HOSTILE_DECIMALS = [
  '',
  ' ',
  '0x10',
  '1e3',
  '6.4e0',
  'Infinity',
  '-Infinity',
  'NaN',
  ' 6.4',
  '6.4 ',
  '6,4',
  '+',
  '-',
  '.',
  '١٢', // Arabic-Indic digits
  '6.4.1',
  '9'.repeat(400),
];

/** A decimal DynamoDB could not store unless it is rounded first (1e-140). */
export const TINY_DECIMAL = `0.${'0'.repeat(139)}1`;

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** Paging cursors this API never handed out. */
export const FORGED_CURSORS = [
  'garbage',
  '%%%',
  '!!!!',
  b64('null'),
  b64('[]'),
  b64('"x"'),
  b64('{}'),
  b64(JSON.stringify({ id: { S: 'x' } })),
  b64(JSON.stringify({ id: 'x' })),
  b64(JSON.stringify({ feed: 'tips', id: 'x', receivedAt: 'yesterday' })),
  b64(JSON.stringify({ feed: 'tips', id: 'x'.repeat(3000), receivedAt: '2026-01-01T00:00:00.000Z' })),
  b64(JSON.stringify({ feed: 'tips', id: '', receivedAt: '2026-01-01T00:00:00.000Z' })),
  b64(JSON.stringify({ feed: 'alerts', id: 'x', receivedAt: '2026-01-01T00:00:00.000Z' })),
  b64(JSON.stringify({ feed: 'tips', id: 'x', receivedAt: '9999-99-99T99:99:99Z' })),
  b64('{"feed":"tips","id":"\\ud800","receivedAt":"2026-01-01T00:00:00.000Z"}'),
  // Another index's key (byCell) and a key with extra members.
  b64(JSON.stringify({ cell: 'w2x8', receivedAt: '2026-01-01T00:00:00.000Z', id: 'x' })),
  b64(JSON.stringify({ feed: 'tips', id: 'x', receivedAt: '2026-01-01T00:00:00.000Z', __proto__x: 1 })),
  Buffer.from(JSON.stringify({ feed: 'tips', id: 'x', receivedAt: '2026-01-01T00:00:00.000Z' })).toString('hex'),
  // The sharded feed's cursor (`{k: <receivedAt>#<id>}`), garbled: another shape, a bad key.
  b64(JSON.stringify({ k: '2026-01-01T00:00:00.000Z#x', shard: 3 })),
  b64(JSON.stringify({ k: 'tips#3' })),
  b64(JSON.stringify({ k: '2026-01-01T00:00:00.000Z' })),
  b64(JSON.stringify({ k: `2026-01-01T00:00:00.000Z#${'x'.repeat(3000)}` })),
  b64('{"k":"2026-01-01T00:00:00.000Z#\\ud800"}'),
  b64(JSON.stringify({ k: ['2026-01-01T00:00:00.000Z#x'] })),
];

/** A cursor that is well-formed but lies outside the query's time range (DynamoDB refuses such a start key). */
export const OUT_OF_RANGE_CURSOR = b64(JSON.stringify({ k: '2001-01-01T00:00:00.000Z#x' }));

/** Any query value a hostile client might send. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_DECIMALS, TINY_DECIMAL),
  fc.constantFrom(...FORGED_CURSORS),
  fc.constantFrom(...INVISIBLE_TEXTS),
  fc.constantFrom('9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2026-13-01T00:00:00Z', 'yesterday', ',,,'),
  fc.string({ unit: 'grapheme', maxLength: 16 }),
);

/**
 * A path segment, already percent-encoded, that names no resource: too long for any id (and
 * for DynamoDB's 2 KB key), odd characters, bad or ill-formed percent-encoding, dot segments.
 */
export const hostileIdSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'x'.repeat(129),
    'a'.repeat(2049),
    '0'.repeat(5000),
    '%ED%A0%80', // UTF-8 of a lone surrogate
    '%F0%9F%98', // a cut-off sequence
    '%E0%A4%A',
    '%',
    '%zz',
    '%00',
    '%2F',
    '%2e%2e',
    '..%2f..%2f',
    '%5C..%5C',
    'hs-%F0%9F%98%80',
    'null',
    'undefined',
    ...PROTO_KEYS,
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.uuid().map((u) => `${u}x`),
);

/** `Content-Type` values a JSON route must refuse (415); `undefined` sends none. */
export const FOREIGN_CONTENT_TYPES: Array<string | undefined> = [
  undefined,
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'application/json-patch+json',
  'text/json',
  'application/xml',
  '',
];

/** `Content-Type` values that are JSON. */
export const JSON_CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON'];

/** `Authorization` values that are not the coordinator token (`undefined` sends none). */
export const wrongAuthorizations = (token: string): Array<string | undefined> => [
  undefined,
  '',
  'Bearer',
  'Bearer ',
  'Bearer wrong',
  `Bearer ${token}x`,
  `Bearer ${token.toUpperCase()}x`,
  `Basic ${Buffer.from(`coordinator:${token}`).toString('base64')}`,
  token,
];

/** `Idempotency-Key` values that are not UUIDs. */
export const BAD_IDEMPOTENCY_KEYS = ['', 'not-a-uuid', '1', 'x'.repeat(1000), '{00000000-0000-0000-0000-000000000000}'];
