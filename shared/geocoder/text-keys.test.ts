import { describe, expect, it } from 'vitest';
import { latinKey, thaiKey, thaiSkeleton } from './text-keys.js';

describe('thai keys', () => {
  it('treat hyphens, spaces and dots as noise (สุไหงโก-ลก = สุไหงโกลก)', () => {
    expect(thaiKey('สุไหงโก-ลก')).toBe(thaiKey('สุไหงโกลก'));
    expect(thaiKey('แขวง ลุมพินี')).toBe('แขวงลุมพินี');
  });

  it('unify sara am typed as nikhahit + sara aa', () => {
    expect(thaiKey('ลําภู')).toBe('ลำภู');
  });

  it('drop tone marks in the skeleton only', () => {
    expect(thaiSkeleton('ป่าเสมัส')).toBe(thaiSkeleton('ปาเสมัส'));
    expect(thaiKey('ป่าเสมัส')).not.toBe(thaiKey('ปาเสมัส'));
  });
});

describe('latinKey', () => {
  it('folds romanisation variants onto one key', () => {
    expect(latinKey('Mueang Narathiwat')).toBe(latinKey('muang naratiwat'));
    expect(latinKey('Su-ngai Kolok')).toBe(latinKey('SUNGAI KOLOK'));
    expect(latinKey('Khok Khian')).toBe(latinKey('Kok-Kian'));
    expect(latinKey('Pattani')).toBe(latinKey('Patani'));
    expect(latinKey('Chanae')).toBe(latinKey('Janae'));
  });

  it('keeps different names apart', () => {
    expect(latinKey('Yala')).not.toBe(latinKey('Yaha'));
    expect(latinKey('Tak Bai')).not.toBe(latinKey('Bacho'));
  });
});
