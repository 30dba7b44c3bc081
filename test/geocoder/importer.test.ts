import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGazetteer, ensureGazetteerIndex, geodataDir } from '../../functions/cli/build-gazetteer.js';
import { buildGazetteerIndex, type GazetteerIndex } from '../../shared/geocoder/index.js';

let index: GazetteerIndex;
let csv: string;
beforeAll(() => {
  csv = readFileSync(join(geodataDir(), 'th-subdistricts.csv'), 'utf8');
  index = buildGazetteerIndex(csv, JSON.parse(readFileSync(join(geodataDir(), 'th-provinces.geojson'), 'utf8'))).index;
}, 60_000);

describe('importer on the real geodata', () => {
  it('sees the defects the README lists in the raw input', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toMatch(/"บึงกาฬ {3}"/);
    expect(csv).toMatch(/,97,บึงกาฬ,/);
    expect(csv).toMatch(/"แขวง /);
  });

  it('leaves no defect in the index', () => {
    const t = index.tambons;
    const names = [...t.th, ...index.amphoes.map((a) => a[1]), ...index.provinces.map((p) => p[1])];
    expect(names.filter((n) => n !== n.trim() || n.includes('*') || /^(แขวง|เขต)\s/.test(n))).toEqual([]);
    expect(t.code.filter((c) => c.startsWith('97') || c.startsWith('4303'))).toEqual([]);
    expect(t.code.filter((c) => c.startsWith('38'))).toHaveLength(53);
    expect(t.lat.every(Number.isFinite) && t.lon.every(Number.isFinite)).toBe(true);
    expect(index.amphoes.find((a) => a[0] === '9603')?.[2]).toBe('Bacho');
    expect(new Set(t.code).size).toBe(t.code.length);
  });

  it('records the tambons whose centroid is only estimated, and the service-area grid', () => {
    expect(index.estimatedCentroids).toHaveLength(53);
    expect(index.estimatedCentroids.every((c) => c.startsWith('38'))).toBe(true);
    expect(index.areaGrid).toMatchObject({ cellDeg: 0.05, slackKm: 0.25, reachKm: 101 });
    expect(index.areaGrid.codes.length).toBe(4 * Math.ceil((index.areaGrid.cols * index.areaGrid.rows) / 3));
  });

  it('keeps every province of the GeoJSON and every CSV province', () => {
    expect(index.provinces).toHaveLength(77);
    expect(new Set(index.shapes.map((s) => s.code))).toEqual(new Set(index.provinces.map((p) => p[0])));
  });

  it('keeps repeated tambon names apart by code (763 names repeat)', () => {
    const counts = new Map<string, number>();
    for (const n of index.tambons.th) counts.set(n, (counts.get(n) ?? 0) + 1);
    expect(counts.get('หนองบัว')).toBe(27);
    expect([...counts.values()].filter((n) => n > 1).length).toBeGreaterThan(700);
  });

  it('is a fast no-op when the index is up to date', async () => {
    const path = await ensureGazetteerIndex();
    const again = buildGazetteer();
    expect(again).toMatchObject({ path, rebuilt: false });
    expect(again.summary).toMatch(/up to date/);
  });
});
