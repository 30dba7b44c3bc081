/**
 * Seeded synthetic tips over the southern border provinces (lat 5.6-7.3, lon 100.0-102.1):
 * clumps of power-law size around towns and villages (Gaussian spread 0.1-1.5 km) plus 15 %
 * scattered background, the shape real tip maps have. Used by tests and the bench.
 */
import type { ClusterTip, TipCategory } from '../../shared/types.js';
import { TIP_CATEGORIES } from '../../shared/types.js';
import { seededRandom } from '../../shared/testing/seeded-random.js';

export { seededRandom };

const KM_PER_DEG = 111.195;

/** Flat arrays of `n` clumpy positions. */
export function clumpyPositions(n: number, seed: number): { lats: Float64Array; lons: Float64Array } {
  const rnd = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const clumps = Math.max(1, Math.round(n / 250));
  const centres = Array.from({ length: clumps }, () => ({
    lat: 5.6 + rnd() * 1.7,
    lon: 100.0 + rnd() * 2.1,
    sigmaKm: 0.1 + rnd() * 1.4,
    weight: 1 / Math.pow(1 + rnd() * 20, 1.2),
  }));
  const total = centres.reduce((s, c) => s + c.weight, 0);
  const cumulative: number[] = [];
  centres.reduce((s, c) => (cumulative.push((s + c.weight) / total), s + c.weight), 0);
  const lats = new Float64Array(n);
  const lons = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.15) {
      lats[i] = 5.6 + rnd() * 1.7;
      lons[i] = 100.0 + rnd() * 2.1;
      continue;
    }
    const u = rnd();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    const c = centres[lo];
    lats[i] = c.lat + (gauss() * c.sigmaKm) / KM_PER_DEG;
    lons[i] = c.lon + (gauss() * c.sigmaKm) / (KM_PER_DEG * Math.cos((c.lat * Math.PI) / 180));
  }
  return { lats, lons };
}

/** `n` clumpy tips received over the `days` before `now`, ids `t000001`... */
export function clumpyTips(n: number, seed: number, now: string, days = 30): ClusterTip[] {
  const out: ClusterTip[] = [];
  for (const page of clumpyTipPages(n, seed, now, days)) for (const t of page) out.push(t);
  return out;
}

/**
 * The same tips as {@link clumpyTips}, made `pageSize` at a time: a store's pages for the
 * streaming recomputation, without ever holding every tip object.
 */
export function* clumpyTipPages(
  n: number,
  seed: number,
  now: string,
  days = 30,
  pageSize = 2000,
): Generator<ClusterTip[]> {
  const { lats, lons } = clumpyPositions(n, seed);
  const rnd = seededRandom(seed ^ 0x9e3779b9);
  const nowMs = Date.parse(now);
  for (let start = 0; start < n; start += pageSize) {
    const page: ClusterTip[] = [];
    for (let i = start; i < Math.min(n, start + pageSize); i++) {
      page.push({
        id: `t${String(i).padStart(7, '0')}`,
        lat: lats[i],
        lon: lons[i],
        receivedAt: new Date(nowMs - Math.floor(rnd() * days * 86_400_000)).toISOString(),
        category: TIP_CATEGORIES[Math.floor(rnd() * TIP_CATEGORIES.length)] as TipCategory,
        reporterKey: `r${Math.floor(rnd() * n)}`,
        urgent: rnd() < 0.05,
      });
    }
    yield page;
  }
}
