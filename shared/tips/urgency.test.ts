/** The rule that can wake volunteers at night: an urgent tip goes through quiet hours. */
import { describe, expect, it } from 'vitest';
import { isUrgentTip } from './urgency.js';

describe('isUrgentTip', () => {
  it('needs two danger words for an ordinary category', () => {
    expect(isUrgentTip('ด่วน มีคนถูกขังไว้ที่โกดัง', 'labour_exploitation')).toBe(true);
    expect(isUrgentTip('ด่วน ขอข้อมูลเพิ่ม', 'labour_exploitation')).toBe(false);
    expect(isUrgentTip('Workers were paid late last month', 'labour_exploitation')).toBe(false);
  });

  it('takes one danger word for a severe category (children, sexual exploitation, boats)', () => {
    expect(isUrgentTip('เด็กถูกพาขึ้นรถคืนนี้', 'child_labour')).toBe(true);
    expect(isUrgentTip('girls moved tonight from the hotel', 'sexual_exploitation')).toBe(true);
    expect(isUrgentTip('kapal bertolak segera', 'forced_fishing')).toBe(true);
    expect(isUrgentTip('เด็กขายของที่ตลาดทุกวัน', 'child_labour')).toBe(false);
  });

  it('reads Thai, Malay and English, in any letter case', () => {
    expect(isUrgentTip('TOLONG, they are LOCKED UP', 'other')).toBe(true);
    expect(isUrgentTip('Tolong segera datang', 'debt_bondage')).toBe(true);
    expect(isUrgentTip('ช่วยด้วย ตอนนี้เลย', 'other')).toBe(true);
  });

  it('does not count one word twice', () => {
    expect(isUrgentTip('urgent urgent urgent', 'other')).toBe(false);
  });
});
