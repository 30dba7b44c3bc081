import { describe, expect, it } from 'vitest';
import { composeAlertSms } from './sms-text.js';

const base = {
  reason: 'new_hotspot',
  riskLevel: 'high',
  tipCount: 6,
  link: 'https://phithak.example.org/#h=3f9c2a1b',
  hotline: '1300',
} as const;

describe('composeAlertSms', () => {
  it('writes Thai with tambon and amphoe, in UCS-2', () => {
    const sms = composeAlertSms({ ...base, language: 'th', tambon: 'บางนาค', amphoe: 'เมืองนราธิวาส' });
    expect(sms.text).toBe(
      'พิทักษ์: จุดเสี่ยงใหม่ ระดับสูง ต.บางนาค อ.เมืองนราธิวาส 6 เรื่อง ดู https://phithak.example.org/#h=3f9c2a1b สายด่วน 1300',
    );
    expect(sms).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('writes Malay in one GSM-7 part', () => {
    const sms = composeAlertSms({
      ...base,
      language: 'ms',
      reason: 'escalated',
      riskLevel: 'critical',
      tambon: 'Bang Nak',
      amphoe: 'Mueang Narathiwat',
    });
    expect(sms.text).toBe(
      'Phithak: Risiko meningkat, tahap kritikal. Bang Nak, Mueang Narathiwat. 6 laporan. https://phithak.example.org/#h=3f9c2a1b Talian 1300',
    );
    expect(sms).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('writes English', () => {
    const sms = composeAlertSms({ ...base, language: 'en', tambon: 'Bang Nak', amphoe: 'Mueang Narathiwat' });
    expect(sms.text).toMatch(
      /^Phithak: New hotspot, high risk\. Bang Nak, Mueang Narathiwat\. 6 reports\..* Hotline 1300$/,
    );
  });

  it('drops the amphoe first when the text runs long', () => {
    const sms = composeAlertSms({ ...base, language: 'th', tambon: 'ก'.repeat(40), amphoe: 'ข'.repeat(40) });
    expect(sms.segments).toBeLessThanOrEqual(2);
    expect(sms.text).toContain('ก'.repeat(40));
    expect(sms.text).not.toContain('ข');
  });

  it('drops the link last and never the hotline', () => {
    const sms = composeAlertSms({
      ...base,
      language: 'th',
      tambon: 'บางนาค',
      link: `https://x.example/${'a'.repeat(200)}`,
    });
    expect(sms.segments).toBeLessThanOrEqual(2);
    expect(sms.text).toContain('บางนาค');
    expect(sms.text).not.toContain('aaaa');
    expect(sms.text).toContain('1300');
  });

  it('keeps names to one clean line', () => {
    const sms = composeAlertSms({ ...base, language: 'en', tambon: 'Bang\nNak\u0000', amphoe: '  ' });
    expect(sms.text).toContain('Bang Nak.');
    expect(sms.text.includes('\n') || sms.text.includes('\u0000')).toBe(false);
  });

  it('writes test alerts without risk, count or place', () => {
    const sms = composeAlertSms({
      ...base,
      language: 'en',
      reason: 'test',
      riskLevel: 'low',
      tipCount: 0,
      tambon: 'Bang Nak',
    });
    expect(sms.text).toBe(
      'Phithak: Test alert. Alert SMS reach you. https://phithak.example.org/#h=3f9c2a1b Hotline 1300',
    );
    expect(composeAlertSms({ ...base, language: 'th', reason: 'test' })).toMatchObject({
      encoding: 'UCS-2',
      text: expect.stringContaining('ทดสอบ'),
    });
  });

  it('works without any place', () => {
    const sms = composeAlertSms({ ...base, language: 'en', reason: 'urgent_tip', riskLevel: 'critical', tipCount: 3 });
    expect(sms.text).toBe(
      'Phithak: Urgent report, critical risk. 3 reports. https://phithak.example.org/#h=3f9c2a1b Hotline 1300',
    );
  });

  describe('at sea', () => {
    const sea = { nearestKm: 6.2 };

    it('writes Thai "ทะเลใกล้ ต.… อ.… ~6 กม." in at most 2 parts', () => {
      const sms = composeAlertSms({ ...base, language: 'th', tambon: 'บางตาวา', amphoe: 'หนองจิก', sea });
      expect(sms.text).toBe(
        'พิทักษ์: จุดเสี่ยงใหม่ ระดับสูง ทะเลใกล้ ต.บางตาวา อ.หนองจิก ~6 กม. 6 เรื่อง ดู https://phithak.example.org/#h=3f9c2a1b สายด่วน 1300',
      );
      expect(sms).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    });

    it('writes Malay "laut dekat …" and English "sea near …" in one GSM-7 part', () => {
      const ms = composeAlertSms({ ...base, language: 'ms', tambon: 'Bang Tawa', amphoe: 'Nong Chik', sea });
      expect(ms.text).toBe(
        'Phithak: Kawasan berisiko baharu, tahap tinggi. Di laut dekat Bang Tawa, Nong Chik, ~6 km. 6 laporan. https://phithak.example.org/#h=3f9c2a1b Talian 1300',
      );
      const en = composeAlertSms({ ...base, language: 'en', tambon: 'Bang Tawa', amphoe: 'Nong Chik', sea });
      expect(en.text).toBe(
        'Phithak: New hotspot, high risk. At sea near Bang Tawa, Nong Chik, ~6 km. 6 reports. https://phithak.example.org/#h=3f9c2a1b Hotline 1300',
      );
      for (const sms of [ms, en]) expect(sms).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    });

    it('rounds the distance to whole km, never below 1, and leaves out a distance that is not a number', () => {
      const km = (nearestKm: number) =>
        composeAlertSms({ ...base, language: 'en', tambon: 'Bang Tawa', sea: { nearestKm } }).text;
      expect(km(24.5)).toContain('At sea near Bang Tawa, ~25 km.');
      expect(km(0.2)).toContain('At sea near Bang Tawa, ~1 km.');
      expect(km(Number.NaN)).toContain('At sea near Bang Tawa. 6 reports.');
      expect(composeAlertSms({ ...base, language: 'th', tambon: 'บางตาวา', sea: { nearestKm: -1 } }).text).toContain(
        'ทะเลใกล้ ต.บางตาวา 6 เรื่อง',
      );
    });

    it('says nothing of the sea without a place name, nor on land', () => {
      const none = composeAlertSms({ ...base, language: 'th', sea });
      expect(none.text).toBe('พิทักษ์: จุดเสี่ยงใหม่ ระดับสูง 6 เรื่อง ดู https://phithak.example.org/#h=3f9c2a1b สายด่วน 1300');
      const land = composeAlertSms({ ...base, language: 'en', tambon: 'Bang Tawa' });
      expect(land.text).not.toMatch(/sea|~/);
    });

    it('keeps the sea note with the tambon when the amphoe has to go', () => {
      const sms = composeAlertSms({ ...base, language: 'th', tambon: 'ก'.repeat(40), amphoe: 'ข'.repeat(40), sea });
      expect(sms.segments).toBeLessThanOrEqual(2);
      expect(sms.text).toContain(`ทะเลใกล้ ต.${'ก'.repeat(40)}`);
      expect(sms.text).toContain('~6 กม.');
      expect(sms.text).not.toContain('ข');
    });

    it('writes test alerts without the sea note', () => {
      const sms = composeAlertSms({ ...base, language: 'en', reason: 'test', tambon: 'Bang Tawa', sea });
      expect(sms.text).not.toMatch(/sea|Bang Tawa/);
    });
  });
});
