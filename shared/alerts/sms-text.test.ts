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
    expect(sms.text).not.toMatch(/[\n\u0000]/);
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
});
