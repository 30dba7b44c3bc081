import { describe, expect, it } from 'vitest';
import type { VolunteerProfile as Volunteer } from '../../../shared/api/wire.js';
import { formValuesOf, volunteerPatch } from './volunteer-patch.js';

const stored: Volunteer = {
  id: 'v1',
  name: 'Aminah',
  phone: '+66812345678',
  location: { lat: 6.42, lon: 101.82 },
  radiusKm: 5,
  language: 'ms',
  quietHours: { start: '21:00', end: '06:00' },
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('volunteerPatch', () => {
  it('is empty when the form still holds the stored values', () => {
    expect(volunteerPatch(stored, formValuesOf(stored))).toEqual({});
  });

  it('sends only the fields that changed, with numbers as numbers', () => {
    const form = { ...formValuesOf(stored), name: ' Aminah Binti Ali ', radiusKm: '7.5', status: 'opted_out' };
    expect(volunteerPatch(stored, form)).toEqual({ name: 'Aminah Binti Ali', radiusKm: 7.5, status: 'opted_out' });
  });

  it('clears quiet hours when both times are emptied, and sets them when added', () => {
    expect(volunteerPatch(stored, { ...formValuesOf(stored), quietStart: '', quietEnd: '' })).toEqual({
      quietHours: null,
    });
    const { quietHours: _q, ...without } = stored;
    expect(volunteerPatch(without, { ...formValuesOf(without), quietStart: '22:00', quietEnd: '05:30' })).toEqual({
      quietHours: { start: '22:00', end: '05:30' },
    });
    expect(volunteerPatch(without, formValuesOf(without))).toEqual({});
  });

  it('passes half-filled quiet hours and a non-numeric radius through for the server to explain', () => {
    const form = { ...formValuesOf(stored), quietEnd: '', radiusKm: 'ten' };
    expect(volunteerPatch(stored, form)).toEqual({ radiusKm: 'ten', quietHours: { start: '21:00', end: '' } });
  });

  it('sends a phone typed differently, since only the server normalises it', () => {
    expect(volunteerPatch(stored, { ...formValuesOf(stored), phone: '081 234 5678' })).toEqual({
      phone: '081 234 5678',
    });
  });
});
