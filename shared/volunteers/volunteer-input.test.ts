import { describe, expect, it } from 'vitest';
import { volunteerInputSchema, volunteerPatchSchema } from './volunteer-input.js';

const base = { name: 'อาสา บางนาค', phone: '081-234-5678', location: { lat: 6.43, lon: 101.81 } };

describe('volunteerInputSchema', () => {
  it('normalises the phone and fills defaults', () => {
    const v = volunteerInputSchema.parse(base);
    expect(v).toMatchObject({ phone: '+66812345678', radiusKm: 5, language: 'th' });
    expect(v.quietHours).toBeUndefined();
  });

  it('names every bad field', () => {
    const r = volunteerInputSchema.safeParse({
      name: ' ',
      phone: '12',
      location: { lat: 95, lon: 0 },
      radiusKm: 80,
      language: 'fr',
      quietHours: { start: '25:00', end: '06:00' },
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['name', 'phone', 'location.lat', 'radiusKm', 'language', 'quietHours.start']),
    );
    expect(r.error!.issues.find((i) => i.path[0] === 'phone')!.message).toMatch(/not a valid phone number/);
  });

  it('rejects fields it does not name, `__proto__` and extra quiet-hour keys included', () => {
    for (const extra of ['{"extra":1}', '{"__proto__":{"status":"opted_out"}}', '{"id":"x"}']) {
      expect(volunteerInputSchema.safeParse({ ...base, ...JSON.parse(extra) }).success, extra).toBe(false);
    }
    const quietHours = { start: '21:00', end: '06:00', x: 1 };
    expect(volunteerInputSchema.safeParse({ ...base, quietHours }).success).toBe(false);
  });

  it('accepts quiet hours across midnight and rejects empty ones', () => {
    expect(volunteerInputSchema.parse({ ...base, quietHours: { start: '21:00', end: '06:30' } }).quietHours).toEqual({
      start: '21:00',
      end: '06:30',
    });
    expect(volunteerInputSchema.safeParse({ ...base, quietHours: { start: '21:00', end: '21:00' } }).success).toBe(
      false,
    );
  });
});

describe('volunteerPatchSchema', () => {
  it('accepts a subset and clears quiet hours with null', () => {
    expect(volunteerPatchSchema.parse({ radiusKm: 12, quietHours: null })).toEqual({ radiusKm: 12, quietHours: null });
    expect(volunteerPatchSchema.parse({ phone: '+60 12-345 6789' }).phone).toBe('+60123456789');
  });

  it('rejects an empty patch', () => {
    expect(volunteerPatchSchema.safeParse({}).success).toBe(false);
  });

  it('rejects fields it does not name, even beside ones it does', () => {
    expect(volunteerPatchSchema.safeParse({ name: 'W', extra: 1 }).success).toBe(false);
    expect(volunteerPatchSchema.safeParse(JSON.parse('{"name":"W","__proto__":{"status":"opted_out"}}')).success).toBe(
      false,
    );
  });
});
