/**
 * Issue 8 bench, tip intake: 2,000 tips posted over HTTP at concurrency 50 to a real local
 * system (its own in-memory DynamoDB Local, stream pollers running), as the web form sends
 * them (JSON, an Idempotency-Key each), clustered in four places in Narathiwat so hotspots
 * form, with volunteers near them so alerts go out. Against it, in the same run and on the
 * same DynamoDB Local: the database's own ceiling for the write a tip costs (one two-item
 * TransactWriteItems, see intake-baseline.ts). Then the time from a tip's 201 to the SMS in
 * the outbox, and the records the system gave up on.
 */
import { randomUUID } from 'node:crypto';
import { createDynamoClients } from '../../functions/lib/dynamo-client.js';
import { startLocalSystem, type LocalSystem } from '../../functions/local/system.js';
import type { LatLon, TipCategory } from '../../shared/types.js';
import { seededRandom } from '../../shared/testing/seeded-random.js';
import { sampleItems, transactBaseline } from './intake-baseline.js';
import { quantile, runLoad, type LoadResult } from './intake-load.js';
import type { BenchRow } from './types.js';

const TIPS = Number(process.env.BENCH_INTAKE_TIPS ?? 2000);
const CONCURRENCY = 50;
/**
 * Writes before anything is measured, to the system's tips table and to the baseline's alike:
 * JIT, connection pools, and DynamoDB Local, whose writes to a table with a new stream run
 * at under half speed for the first few hundred.
 */
const WARM_UP_TIPS = 500;
/**
 * DynamoDB Local's JVM keeps getting faster for thousands of writes: with 500 warm-up
 * transactions its ceiling measured after the intake ran ~35 % above the one before it. Warm
 * it until both agree, so the ratio compares the intake with the database as it was then.
 */
const WARM_UP_TRANSACTIONS = 3000;

/** Where the tips come from: town centres in Narathiwat (the demo data's places). */
const PLACES: LatLon[] = [
  { lat: 6.0297, lon: 101.9668 }, // Sungai Kolok
  { lat: 6.2561, lon: 102.0503 }, // Che He, Tak Bai
  { lat: 6.4255, lon: 101.8231 }, // Bang Nak, Mueang Narathiwat
  { lat: 6.2961, lon: 101.7283 }, // Tanyong Mat, Rangae
];
/** Warm-up tips go to a fifth place, with no volunteer near it. */
const WARM_UP_PLACE: LatLon = { lat: 5.8, lon: 101.6 }; // Waeng
const CATEGORIES: TipCategory[] = ['labour_exploitation', 'forced_fishing', 'debt_bondage', 'child_labour'];

function near(rand: () => number, c: LatLon, sigmaKm: number): LatLon {
  const r = sigmaKm * Math.sqrt(-2 * Math.log(1 - rand()));
  const a = 2 * Math.PI * rand();
  const lat = c.lat + (r * Math.sin(a)) / 111.2;
  const lon = c.lon + (r * Math.cos(a)) / (111.2 * Math.cos((c.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}

/** A tip's answer: when the client got its 201, and the `receivedAt` the system stored. */
interface Answer {
  at: number;
  receivedAt: string;
}

async function post(sys: LocalSystem, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sys.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id: string; receivedAt: string } };
}

/** Three volunteers around each place, 5 km radius, no quiet hours: every hotspot alerts someone. */
async function registerVolunteers(sys: LocalSystem): Promise<void> {
  const auth = { authorization: `Bearer ${sys.token}` };
  const rand = seededRandom(81);
  let n = 0;
  for (const place of PLACES) {
    for (let i = 0; i < 3; i++) {
      const v = {
        name: `Bench volunteer ${n}`,
        phone: `+6681${String(7000 + n++).padStart(7, '0')}`,
        location: near(rand, place, 1),
        radiusKm: 5,
      };
      const res = await post(sys, '/api/volunteers', v, auth);
      if (res.status !== 201) throw new Error(`intake bench: volunteer not registered (${res.status})`);
    }
  }
}

/** Tips as the web form posts them; the answer time of each 201, by tip id. */
async function postTips(
  sys: LocalSystem,
  count: number,
  places: LatLon[],
  seed: number,
  answered: Map<string, Answer>,
) {
  const rand = seededRandom(seed);
  const bodies = Array.from({ length: count }, (_, i) => ({
    text: `มีแรงงานถูกบังคับทำงานบนเรือประมง ไม่ได้รับค่าจ้าง (bench ${seed}-${i})`,
    location: { ...near(rand, places[i % places.length]!, 0.3), accuracyM: 20 },
    category: CATEGORIES[i % CATEGORIES.length],
    channel: 'web',
  }));
  return runLoad(count, CONCURRENCY, async (i) => {
    const res = await post(sys, '/api/tips', bodies[i], { 'idempotency-key': randomUUID() });
    if (res.status !== 201) return false;
    answered.set(res.body.id, { at: Date.now(), receivedAt: res.body.receivedAt });
    return true;
  });
}

/**
 * Tip to SMS: for each alert sent for a hotspot, the tip that completed it is the member
 * stored last before the alert was created; the time runs from that tip's 201 (as the
 * client saw it) to the alert's `sentAt` (the outbox accepting the SMS).
 */
async function tipToSms(sys: LocalSystem, answered: Map<string, Answer>): Promise<{ ms: number[]; alerts: number }> {
  const alerts = (await sys.ctx.alerts.list({ limit: 10_000 })).filter((a) => a.sentAt && a.reason !== 'test');
  const ms: number[] = [];
  // Members are read with the active hotspots (a retired one no longer lists them).
  const active = new Map((await sys.ctx.hotspots.listActive()).map((h) => [h.id, h]));
  for (const alert of alerts) {
    const hotspot = active.get(alert.hotspotId);
    let last: Answer | undefined;
    for (const id of hotspot?.memberTipIds ?? []) {
      const tip = answered.get(id);
      if (tip && tip.receivedAt <= alert.createdAt && (!last || tip.receivedAt > last.receivedAt)) last = tip;
    }
    if (last) ms.push(Date.parse(alert.sentAt!) - last.at);
  }
  return { ms, alerts: alerts.length };
}

const better = (a: LoadResult, b: LoadResult) => ({
  perSecond: Math.max(a.perSecond, b.perSecond),
  p95Ms: Math.min(a.p95Ms, b.p95Ms),
});

export async function run(): Promise<BenchRow[]> {
  const sys = await startLocalSystem({ port: 0, web: false, schedules: false });
  const { ddb, doc } = createDynamoClients({ region: sys.ctx.config.region, dynamoEndpoint: sys.dynamoEndpoint });
  try {
    await registerVolunteers(sys);
    await postTips(sys, WARM_UP_TIPS, [WARM_UP_PLACE], 1, new Map());
    await sys.settled(120_000);
    const baseline = await transactBaseline(ddb, doc, await sampleItems(doc, sys.ctx.config.tables));
    await baseline.run(WARM_UP_TRANSACTIONS, CONCURRENCY);
    const before = await baseline.run(TIPS, CONCURRENCY);

    const answered = new Map<string, Answer>();
    const intake = await postTips(sys, TIPS, PLACES, 2, answered);
    await sys.settled(600_000);
    const after = await baseline.run(TIPS, CONCURRENCY);
    await baseline.drop();
    const ceiling = better(before, after);
    const sms = await tipToSms(sys, answered);
    const givenUp = sys.deadLetters.letters.length;

    const ratio = intake.perSecond / ceiling.perSecond;
    const p95Ratio = intake.p95Ms / ceiling.p95Ms;
    const baselineNote = `DynamoDB Local TransactWriteItems (2 items) at c=${CONCURRENCY}: ${before.perSecond.toFixed(0)} / ${after.perSecond.toFixed(0)} tx/s before / after, p95 ${before.p95Ms.toFixed(0)} / ${after.p95Ms.toFixed(0)} ms; better of the two`;
    return [
      {
        area: 'intake',
        metric: `DB ceiling, tx/s at c=${CONCURRENCY}`,
        value: ceiling.perSecond,
        unit: 'tx/s',
        note: baselineNote,
      },
      {
        area: 'intake',
        metric: `tips/s at c=${CONCURRENCY} (${TIPS} tips, pollers on)`,
        value: intake.perSecond,
        unit: 'tips/s',
        target: '>= 80 % of the DB ceiling',
        pass: ratio >= 0.8,
        note: `${(ratio * 100).toFixed(0)} % of ${ceiling.perSecond.toFixed(0)} tx/s; ${intake.failures} not 201`,
      },
      {
        area: 'intake',
        metric: 'tip p95 latency',
        value: intake.p95Ms,
        unit: 'ms',
        target: '<= 1.5x DB p95',
        pass: p95Ratio <= 1.5,
        note: `${p95Ratio.toFixed(2)}x DB p95 ${ceiling.p95Ms.toFixed(0)} ms; p50 ${intake.p50Ms.toFixed(0)} ms`,
      },
      {
        area: 'intake',
        metric: 'tip 201 -> SMS sentAt, p50',
        value: quantile(sms.ms, 0.5),
        unit: 'ms',
        note: `${sms.ms.length} of ${sms.alerts} sent alerts traced to the tip that completed their hotspot`,
      },
      { area: 'intake', metric: 'tip 201 -> SMS sentAt, p95', value: quantile(sms.ms, 0.95), unit: 'ms' },
      { area: 'intake', metric: 'given-up records', value: givenUp, unit: '', target: '0', pass: givenUp === 0 },
    ];
  } finally {
    ddb.destroy();
    await sys.stop();
  }
}
