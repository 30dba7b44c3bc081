import { describe, expect, it } from 'vitest';
import { alertOutcome, bangkokLocalToIso, compareRisk, formatDateTime, formatKm, placeName } from './format.js';

describe('placeName', () => {
  it('joins tambon, amphoe and province with Thai abbreviations', () => {
    expect(placeName({ tambon: 'โคกเคียน', amphoe: 'เมืองนราธิวาส', province: 'นราธิวาส' })).toBe(
      'ต.โคกเคียน อ.เมืองนราธิวาส จ.นราธิวาส',
    );
  });
  it('keeps only the levels present', () => {
    expect(placeName({ province: 'ยะลา', provinceCode: '95' })).toBe('จ.ยะลา');
  });
  it('says unknown for a missing admin', () => {
    expect(placeName(null)).toMatch(/Unknown/);
    expect(placeName({})).toMatch(/Unknown/);
  });
});

describe('formatDateTime', () => {
  it('shows Bangkok local time (UTC+7)', () => {
    expect(formatDateTime('2026-11-25T17:30:00Z')).toMatch(/26 Nov 2026.*00:30/);
  });
  it('passes unparsable text through', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('formatKm', () => {
  it('uses metres below 1 km and fewer decimals far away', () => {
    expect(formatKm(0.35)).toBe('350 m');
    expect(formatKm(2.44)).toBe('2.4 km');
    expect(formatKm(56.7)).toBe('57 km');
    expect(formatKm(null)).toBe('–');
  });
});

describe('compareRisk', () => {
  it('sorts worst first', () => {
    expect(['low', 'critical', 'medium', 'high'].sort(compareRisk)).toEqual(['critical', 'high', 'medium', 'low']);
  });
});

describe('bangkokLocalToIso', () => {
  it('reads a datetime-local value as Bangkok time', () => {
    expect(bangkokLocalToIso('2026-11-25T14:30')).toBe('2026-11-25T14:30:00+07:00');
    expect(bangkokLocalToIso('2026-11-25T14:30:15')).toBe('2026-11-25T14:30:15+07:00');
  });
  it('gives undefined for empty or odd input', () => {
    expect(bangkokLocalToIso('')).toBeUndefined();
    expect(bangkokLocalToIso('25/11/2569')).toBeUndefined();
  });
});

describe('alertOutcome', () => {
  it('gives the status and the part count a coordinator pays for', () => {
    expect(alertOutcome({ status: 'sent', segments: 1 })).toBe('sent · ส่งแล้ว, 1 SMS part');
    expect(alertOutcome({ status: 'failed', segments: 2 })).toBe('failed · ส่งไม่สำเร็จ, 2 SMS parts');
  });
  it('says why an SMS was held back', () => {
    expect(alertOutcome({ status: 'suppressed', suppressedReason: 'opted_out', segments: 1 })).toBe(
      'not sent · ไม่ได้ส่ง (opted_out), 1 SMS part',
    );
  });
});
