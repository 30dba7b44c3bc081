import { describe, expect, it } from 'vitest';
import { cleanSubdistricts, cleanThaiName } from './clean-subdistricts.js';

const row = (cols: Array<string | number>): string =>
  cols.map((c) => (typeof c === 'string' && /[ ,*]/.test(c) ? `"${c}"` : c)).join(',');
const tail = ['1', 'ภาค', 'Region'];
const narathiwat = (
  code: string,
  th: string,
  en: string,
  amphoe = '9601',
  amphoeTh = 'เมืองนราธิวาส',
  amphoeEn = 'Mueang Narathiwat',
): string =>
  row([code, th, en, 6.48, 101.76, '96000', amphoe, amphoeTh, amphoeEn, '96', 'นราธิวาส', 'Narathiwat', ...tail]);

describe('cleanSubdistricts: known defects of th-subdistricts.csv', () => {
  it('strips the UTF-8 byte-order mark so the first code is intact', () => {
    const { tambons } = cleanSubdistricts(`\ufeff${narathiwat('960107', 'โคกเคียน', 'Khok Khian')}\n`);
    expect(tambons[0].code).toBe('960107');
  });

  it('trims trailing spaces from Thai names', () => {
    const csv = row([
      '960107',
      'โคกเคียน   ',
      'Khok Khian',
      6.48,
      101.76,
      '',
      '9601',
      'เมืองนราธิวาส   ',
      'Mueang Narathiwat',
      '96',
      'นราธิวาส',
      'Narathiwat',
      ...tail,
    ]);
    const [t] = cleanSubdistricts(csv).tambons;
    expect([t.th, t.amphoeTh]).toEqual(['โคกเคียน', 'เมืองนราธิวาส']);
  });

  it('drops retired units marked with * at the start or end of the Thai name', () => {
    const csv = [
      narathiwat('960101', '*บางนาค   ', '*Bang Nak'),
      narathiwat('960102', 'ลำภู*   ', 'Lam Phu*'),
      narathiwat('960107', 'โคกเคียน', 'Khok Khian'),
    ].join('\n');
    const { tambons, report } = cleanSubdistricts(csv);
    expect(tambons.map((t) => t.code)).toEqual(['960107']);
    expect(report.retiredDropped).toBe(2);
  });

  it('keeps a unit whose romanised name alone carries * (an old label), without that label', () => {
    const { tambons } = cleanSubdistricts(narathiwat('110105', 'ท้ายบ้านใหม่', '*Na Klua'));
    expect(tambons[0]).toMatchObject({ th: 'ท้ายบ้านใหม่', en: '' });
  });

  it('recodes Bueng Kan from 97 / Nong Khai district codes to official 38xx and renumbers tambons', () => {
    const bk = (code: string, th: string, amphoe: string, amphoeTh: string): string =>
      row([code, `${th}   `, th, '', '', '', amphoe, `${amphoeTh}   `, amphoeTh, '97', 'บึงกาฬ', 'Bueng Kan', ...tail]);
    const csv = [
      bk('430301', 'บึงกาฬ', '4303', 'เมืองบึงกาฬ'),
      bk('430302', '*ชุมภูพร', '4303', 'เมืองบึงกาฬ'),
      bk('430303', 'โนนสมบูรณ์', '4303', 'เมืองบึงกาฬ'),
      bk('431301', 'บุ่งคล้า', '4313', 'บุ่งคล้า'),
    ].join('\n');
    const { tambons, report } = cleanSubdistricts(csv);
    expect(tambons.map((t) => [t.code, t.amphoeCode, t.provinceCode])).toEqual([
      ['380101', '3801', '38'],
      ['380102', '3801', '38'],
      ['380801', '3808', '38'],
    ]);
    expect(report.missingCoordinates).toBe(3);
    expect(Number.isNaN(tambons[0].lat)).toBe(true);
  });

  it('strips the Bangkok แขวง / เขต prefixes from names', () => {
    const csv = row([
      '100704',
      'แขวง ลุมพินี',
      'Lumphini',
      13.73,
      100.54,
      '10330',
      '1007',
      'เขต ปทุมวัน',
      'Pathum Wan',
      '10',
      'กรุงเทพมหานคร',
      'Bangkok',
      ...tail,
    ]);
    const [t] = cleanSubdistricts(csv).tambons;
    expect([t.th, t.amphoeTh]).toEqual(['ลุมพินี', 'ปทุมวัน']);
    expect(cleanThaiName('เขตคลองสาน ')).toBe('คลองสาน');
  });

  it('fixes wrong and misspelt romanised district names', () => {
    const csv = [
      narathiwat('960301', 'บาเจาะ', 'Bacho', '9603', 'บาเจาะ', 'Tak Bai'),
      row([
        '900101',
        'บ่อยาง',
        'Bo Yang',
        7.2,
        100.6,
        '',
        '9001',
        'เมืองสงขลา',
        'Muaeng Songkhla',
        '90',
        'สงขลา',
        'Songkhla',
        ...tail,
      ]),
      row([
        '901601',
        'คลองหอยโข่ง',
        'Khlong Hoi Khong',
        6.9,
        100.3,
        '',
        '9016',
        'คลองหอยโข่ง',
        'Khlon Hoi Khong',
        '90',
        'สงขลา',
        'Songkhla',
        ...tail,
      ]),
    ].join('\n');
    const en = cleanSubdistricts(csv).tambons.map((t) => t.amphoeEn);
    expect(en).toEqual(['Mueang Songkhla', 'Khlong Hoi Khong', 'Bacho']);
  });

  it('keeps the first word of a Thai name cell that has a note merged into it', () => {
    const csv = row([
      '520101',
      'เวียงเหนือ สวนดอก สบตุ๋ย อยู่นอก1 ตำบล คือหัวเ*',
      'Wiang Nuea',
      18.29,
      99.49,
      '',
      '5201',
      'เมืองลำปาง',
      'Mueang Lampang',
      '52',
      'ลำปาง',
      'Lampang',
      ...tail,
    ]);
    expect(cleanSubdistricts(csv).tambons[0].th).toBe('เวียงเหนือ');
  });

  it('drops a second row with an already-seen code', () => {
    const csv = [narathiwat('960107', 'โคกเคียน', 'Khok Khian'), narathiwat('960107', 'โคกเคียน', 'Khok Khian')].join(
      '\r\n',
    );
    const { tambons, report } = cleanSubdistricts(csv);
    expect(tambons).toHaveLength(1);
    expect(report.duplicatesDropped).toBe(1);
  });

  it('keeps สุไหงโกลก (tambon, no hyphen) and สุไหงโก-ลก (amphoe) as written', () => {
    const csv = narathiwat('961001', 'สุไหงโกลก', 'Su-ngai Kolok', '9610', 'สุไหงโก-ลก', 'Su-ngai Kolok');
    const [t] = cleanSubdistricts(csv).tambons;
    expect([t.th, t.amphoeTh]).toEqual(['สุไหงโกลก', 'สุไหงโก-ลก']);
  });
});
