import { describe, expect, it } from 'vitest';
import { InvalidPhoneError } from './errors.js';
import { maskPhone, normalisePhone } from './phone.js';

describe('normalisePhone', () => {
  it.each([
    ['081-234-5678', '+66812345678'],
    ['0812345678', '+66812345678'],
    ['081 234 5678', '+66812345678'],
    ['+66 81 234 5678', '+66812345678'],
    ['66812345678', '+66812345678'],
    ['0066812345678', '+66812345678'],
    ['(073) 511 234', '+6673511234'],
    ['+60 12-345 6789', '+60123456789'],
    ['60123456789', '+60123456789'],
    ['  +44 20 7946 0958 ', '+442079460958'],
  ])('reads %s as %s', (input, e164) => {
    expect(normalisePhone(input)).toBe(e164);
  });

  it('reads national numbers of another default country', () => {
    expect(normalisePhone('012-345 6789', 'MY')).toBe('+60123456789');
  });

  it.each(['', '   ', '12', 'hello', '081-234', '+66 12', '0'.repeat(41)])('rejects %j with a typed error', (input) => {
    expect(() => normalisePhone(input)).toThrow(InvalidPhoneError);
  });

  it('says how to fix the input', () => {
    try {
      normalisePhone('081-234');
      expect.unreachable();
    } catch (err) {
      expect((err as InvalidPhoneError).message).toMatch(/081-234-5678/);
      expect((err as InvalidPhoneError).input).toBe('081-234');
    }
  });
});

describe('maskPhone', () => {
  it('keeps only the country code and the last three digits', () => {
    expect(maskPhone('+66812345678')).toBe('+66******678');
    expect(maskPhone('+442079460958')).toBe('+4********958');
    expect(maskPhone('+66812345678')).not.toContain('12345');
  });
});
