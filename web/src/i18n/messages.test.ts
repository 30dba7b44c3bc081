import { describe, expect, it } from 'vitest';
import { coordinatorMessages } from '../coordinator/coordinator-messages.js';
import { en } from './messages-en.js';
import { ms } from './messages-ms.js';
import { th } from './messages-th.js';

const THAI = /[\u0E00-\u0E7F]/;

describe('message catalogues', () => {
  const common = { th, en, ms };
  for (const [name, byLang] of [
    ['common', common],
    ['coordinator', coordinatorMessages],
  ] as const) {
    it(`${name}: every language has every key, and no key is left empty`, () => {
      const keys = Object.keys(byLang.th).sort();
      for (const lang of ['en', 'ms'] as const) {
        expect(Object.keys(byLang[lang]).sort()).toEqual(keys);
        expect(Object.entries(byLang[lang]).filter(([, v]) => !v.trim())).toEqual([]);
      }
    });

    it(`${name}: English and Malay carry no Thai, so no label is mixed "English · Thai"`, () => {
      for (const lang of ['en', 'ms'] as const)
        expect(Object.entries(byLang[lang]).filter(([, v]) => THAI.test(v))).toEqual([]);
    });

    it(`${name}: Thai is Thai, and keeps every {placeholder} the others use`, () => {
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      for (const [key, value] of Object.entries(byLang.th)) {
        for (const lang of ['en', 'ms'] as const) {
          const other = (byLang[lang] as Record<string, string>)[key];
          for (const form of other.split('|')) expect([key, holes(form)]).toEqual([key, holes(value)]);
        }
      }
      const thaiValues = Object.values(byLang.th).filter((v) => v.trim());
      expect(thaiValues.filter((v) => THAI.test(v)).length / thaiValues.length).toBeGreaterThan(0.85);
    });
  }
});
