import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { HttpError } from './errors.js';
import { parseJsonBody, queryOf } from './http.js';

const event = (over: Partial<APIGatewayProxyEvent>) => ({ headers: {}, body: null, ...over }) as APIGatewayProxyEvent;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof HttpError) return `${err.status} ${err.code}`;
    throw err;
  }
  return undefined;
}

describe('parseJsonBody', () => {
  it('reads a base64 body that is UTF-8', () => {
    const body = Buffer.from('{"text":"ไทย"}').toString('base64');
    expect(parseJsonBody(event({ body, isBase64Encoded: true }))).toEqual({ text: 'ไทย' });
  });

  it('refuses a base64 body that is not UTF-8 rather than reading U+FFFD into it', () => {
    for (const bytes of [
      [0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d],
      [0x22, 0xed, 0xa0, 0x80, 0x22],
      [0x22, 0xc0, 0xaf, 0x22],
    ]) {
      const body = Buffer.from(bytes).toString('base64');
      expect(codeOf(() => parseJsonBody(event({ body, isBase64Encoded: true })))).toBe('400 invalid_text');
    }
  });

  it('refuses lone surrogates in strings and keys, and a byte-order mark before the JSON', () => {
    expect(codeOf(() => parseJsonBody(event({ body: '{"text":"\\ud800"}' })))).toBe('400 invalid_text');
    expect(codeOf(() => parseJsonBody(event({ body: '{"\\udc00":1}' })))).toBe('400 invalid_text');
    expect(codeOf(() => parseJsonBody(event({ body: '\ufeff{"text":"x"}' })))).toBe('400 invalid_json');
  });
});

describe('queryOf', () => {
  it('keeps built-in member names as plain keys of a null-prototype object', () => {
    const q = queryOf(event({ queryStringParameters: { constructor: '1', toString: '' } }));
    expect(Object.getPrototypeOf(q)).toBeNull();
    expect(Object.entries(q)).toEqual([
      ['constructor', '1'],
      ['toString', ''],
    ]);
  });

  it('refuses keys and values that are not well-formed', () => {
    expect(codeOf(() => queryOf(event({ queryStringParameters: { q: 'a\ud800' } })))).toBe('400 invalid_text');
    expect(codeOf(() => queryOf(event({ queryStringParameters: { '\udfff': '1' } })))).toBe('400 invalid_text');
  });
});
