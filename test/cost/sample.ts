/**
 * The cost model's sample: volunteers around the towns of Narathiwat, and tips that clump
 * where trafficking is reported (most near a few places, days apart, some scattered), from a
 * seeded PRNG so every run posts the same sample.
 */
import { DEMO_CLUSTERS } from '../../functions/local/seed-data.js';
import { TIP_CATEGORIES } from '../../shared/types.js';

/** Where tips clump, and how many times more often than the next (a Zipf-like spread). */
const PLACES = DEMO_CLUSTERS.map((c) => ({ name: c.place, ...c.centre, text: c.text }));
/** The rest of the tips land anywhere in this box over Narathiwat, on land mostly. */
const BOX = { south: 5.8, north: 6.45, west: 101.45, east: 102.05 };
const SCATTERED_SHARE = 0.2;
const CONTACT_SHARE = 0.25;

/** A point within about `km` of a centre. */
function near(random: () => number, lat: number, lon: number, km: number) {
  const r = (km / 111) * Math.sqrt(random());
  const a = 2 * Math.PI * random();
  return { lat: +(lat + r * Math.sin(a)).toFixed(5), lon: +(lon + r * Math.cos(a)).toFixed(5) };
}

/** Volunteers: six near each place (radii 3–10 km), Thai and Malay speakers. */
export function sampleVolunteers(random: () => number) {
  return PLACES.flatMap((place, p) =>
    Array.from({ length: 6 }, (_, i) => ({
      name: `Cost volunteer ${p}-${i}`,
      phone: `+6689${String(1_000_000 + p * 100 + i).slice(-7)}`,
      location: near(random, place.lat, place.lon, 3),
      radiusKm: 3 + Math.floor(random() * 8),
      language: i % 3 === 2 ? 'ms' : 'th',
    })),
  );
}

/** `count` tips: 80 % near the places (the first place most), 20 % scattered. */
export function sampleTips(random: () => number, count: number) {
  const weights = PLACES.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return Array.from({ length: count }, (_, i) => {
    let location: { lat: number; lon: number } | undefined;
    let text: string;
    if (random() < SCATTERED_SHARE) {
      location = {
        lat: +(BOX.south + random() * (BOX.north - BOX.south)).toFixed(5),
        lon: +(BOX.west + random() * (BOX.east - BOX.west)).toFixed(5),
      };
      text = 'เห็นรถตู้รับคนต่างชาติไปทำงานตอนกลางคืน';
    } else {
      let pick = random() * total;
      const p = Math.max(
        0,
        weights.findIndex((w) => (pick -= w) < 0),
      );
      location = near(random, PLACES[p]!.lat, PLACES[p]!.lon, 1);
      text = `${PLACES[p]!.text} (${PLACES[p]!.name})`;
    }
    return {
      text,
      category: TIP_CATEGORIES[i % TIP_CATEGORIES.length],
      channel: i % 3 ? 'web' : 'app',
      location: { ...location, accuracyM: 50 },
      ...(random() < CONTACT_SHARE
        ? { contact: { phone: `08${String(10_000_000 + i).slice(-8)}`, consentToContact: true } }
        : {}),
    };
  });
}
