/**
 * Web app figures (issue 11), in headless Chromium on this machine against the built app
 * served by the real local host (its compression and headers), with the API answered by
 * that host from synthetic data in memory (no database), so only the front end is measured:
 * - the coordinator map with 10,000 tips interactive after navigation (baseline: no tips);
 * - a filter change redrawn on map and list (baseline: re-applying the same filter);
 * - the public view on a phone profile with 4x CPU throttling, cold cache, until the
 *   hotspots are drawn (baseline: the same without throttling);
 * - what the public view's JavaScript and CSS weigh, part by part, compressed.
 */
import type { Server } from 'node:http';
import os from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TipListItem } from '../../shared/api/wire.js';
import { createHttpHost, type ApiHandler } from '../../functions/local/http-host.js';
import { ensureWebBuild } from '../../functions/local/web-build.js';
import { launchChromium } from '../browser/chromium.js';
import type { BenchRow } from './types.js';
import { WINDOWS } from '../../web/src/coordinator/tip-loader.js';
import { syntheticSnapshot, syntheticTips } from './web-fixtures.js';

const AREA = 'web';
const TIPS = 10_000;
const PAGE_SIZE = 1000;
const KB = 1024;

/** What the stand-in API answers with; the coordinator rows swap the tips between runs. */
interface ApiData {
  tips: TipListItem[];
  snapshot: string;
}

/**
 * The API answered from memory, as the API answers: tips filtered by `since`/`until` (both
 * inclusive) and paged newest first, the public snapshot, empty lists for the rest. It is the
 * local host's API handler, so pages travel over HTTP, compressed, as they do from the real
 * host (not through the DevTools protocol, which copies every body through two processes).
 */
function fakeApi(data: ApiData): ApiHandler {
  // Each page is built once per set of tips: the stand-in shares the machine's two cores with
  // the browser, and filtering and serialising 10,000 tips again for every run would be the
  // host's time counted against the front end. The key is the page's place in the tips, not the
  // query: every run asks for windows that end at its own "now".
  const answers = new Map<string, string>();
  /** The first index (tips newest first) whose time passes `older`, a test that holds from some index on. */
  const firstWhere = (older: (receivedAt: string) => boolean) => {
    let lo = 0;
    let hi = data.tips.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (older(data.tips[mid].receivedAt)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const tipsPage = (q: Record<string, string | undefined>) => {
    const until = q.until ?? '~';
    const since = q.since ?? '';
    const start = firstWhere((at) => at <= until);
    const end = firstWhere((at) => at < since);
    const from = start + Number(q.next ?? 0);
    const to = Math.min(from + Number(q.limit ?? 50), end);
    const key = `${start}:${from}:${to}:${end}`;
    let body = answers.get(key);
    if (body === undefined) {
      const next = to < end ? { next: String(to - start) } : {};
      answers.set(key, (body = JSON.stringify({ items: data.tips.slice(from, to), ...next })));
    }
    return body;
  };
  let answeredFor: TipListItem[] = data.tips;
  return async (event) => {
    const q = event.queryStringParameters ?? {};
    const json = (body: string) => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body });
    if (event.path === '/api/tips') {
      if (answeredFor !== data.tips) answers.clear();
      answeredFor = data.tips;
      return json(tipsPage(q));
    }
    if (event.path === '/api/hotspots') return json(data.snapshot);
    if (event.path === '/api/coordinator/hotspots') return json('{"type":"FeatureCollection","features":[]}');
    return json('{"items":[]}');
  };
}

/** The built app on the real local host (its compression and headers), the API from `data`. */
async function startHost(data: ApiData): Promise<{ url: string; server: Server }> {
  const webRoot = await ensureWebBuild();
  const server = createHttpHost({ api: fakeApi(data), webRoot });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

async function coordinatorContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, serviceWorkers: 'block' });
  // Signed in already: the bench measures the console, not typing a token.
  await context.addInitScript(() =>
    sessionStorage.setItem('phithak.session', JSON.stringify({ token: 'bench', user: 'bench' })),
  );
  return context;
}

/**
 * Watches, in the page, for the moment `condition` (a JavaScript expression) first holds, from
 * an init script that checks it once per animation frame, and returns that moment in ms from
 * navigation start. Not `page.waitForFunction`: Playwright would inject its own script into
 * the page at the load event, 70–120 ms of the page's thread on the 4× phone profile, counted
 * against the app. Each name is watched once per page; its time comes back as a console message.
 */
async function watch(page: Page, name: string, condition: string): Promise<() => Promise<number>> {
  const tag = `bench:${name}`;
  await page.addInitScript(
    `(() => { const check = () => { let ok = false; try { ok = Boolean(${condition}); } catch {} ` +
      `if (ok) console.debug(${JSON.stringify(tag)}, String(performance.now())); else requestAnimationFrame(check); }; ` +
      `requestAnimationFrame(check); })();`,
  );
  const seen = page.waitForEvent('console', { predicate: (msg) => msg.text().startsWith(`${tag} `), timeout: 60_000 });
  return async () => Number((await seen).text().slice(tag.length + 1));
}

/** The map in the page, as the app exposes it for tests. */
const MAP = '(window.phithak && window.phithak.map)';

/** ms from navigation start until every tip is loaded, on the map (source loaded, map idle) and the list drawn. */
async function coordinatorReadyMs(page: Page, url: string): Promise<number> {
  const ready = await watch(
    page,
    'coordinator-ready',
    `window.phithakTips && window.phithakTips.loaded && ${MAP} && ${MAP}.loaded() && ${MAP}.getSource('tips') && ` +
      `${MAP}.isSourceLoaded('tips') && document.querySelector('.tip-row, .virtual-list')`,
  );
  await page.goto(`${url}/coordinator`);
  return ready();
}

/** ms from a filter change to the map idle with the new selection (and a frame for the list). */
async function filterMs(page: Page, name: string, value: string): Promise<number> {
  return page.evaluate(
    async ([name, value]) => {
      const map = (window as unknown as { phithak: { map: import('maplibre-gl').Map } }).phithak.map;
      const select = document.querySelector<HTMLSelectElement>(`#tip-filters select[name=${name}]`)!;
      const t0 = performance.now();
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await new Promise<void>((done) => map.once('idle', () => done()));
      await new Promise((done) => requestAnimationFrame(done));
      return performance.now() - t0;
    },
    [name, value],
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function coordinatorRows(browser: Browser, url: string, data: ApiData, nowMs: number): Promise<BenchRow[]> {
  const runs = async (tips: TipListItem[]) => {
    data.tips = tips;
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await coordinatorContext(browser);
      times.push(await coordinatorReadyMs(await context.newPage(), url));
      await context.close();
    }
    return Math.min(...times);
  };
  const tips = syntheticTips(TIPS, nowMs);
  const empty = await runs([]);
  const full = await runs(tips);

  const context = await coordinatorContext(browser);
  const page = await context.newPage();
  await coordinatorReadyMs(page, url);
  await filterMs(page, 'windowDays', '365');
  const changes: Array<[string, string]> = [
    ['category', 'forced_fishing'],
    ['status', 'new'],
    ['channel', 'sms'],
    ['windowDays', '30'],
    ['channel', ''],
    ['status', ''],
    ['category', ''],
    ['windowDays', '365'],
  ];
  const times: number[] = [];
  for (const [name, value] of changes) times.push(await filterMs(page, name, value));
  const same: number[] = [];
  for (let i = 0; i < 4; i++) same.push(await filterMs(page, 'windowDays', '365'));
  await context.close();
  return [
    {
      area: AREA,
      metric: `coordinator interactive, ${TIPS.toLocaleString('en-US')} tips`,
      value: Math.round(full),
      unit: 'ms',
      target: '<= 1500 ms',
      pass: full <= 1500,
      note: `from navigation to all tips loaded (pages of ${PAGE_SIZE}, ${WINDOWS} time windows side by side), clustered on the map and listed; baseline no tips ${Math.round(empty)} ms; best of 3; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    },
    {
      area: AREA,
      metric: 'filter change redrawn (median)',
      value: Math.round(median(times)),
      unit: 'ms',
      target: '< 200 ms',
      pass: Math.max(...times) < 200,
      note: `max ${Math.round(Math.max(...times))} ms over ${times.length} changes on ${TIPS.toLocaleString('en-US')} tips, to map idle; baseline same filter again ${Math.round(median(same))} ms`,
    },
  ];
}

/**
 * ms from navigation, on a phone profile, until the public hotspots are on the map: on the still
 * poster (`map-poster.ts`, hotspots and provinces both drawn) or by MapLibre, whichever is
 * first; and until MapLibre has drawn them.
 */
async function publicPhoneMs(
  browser: Browser,
  url: string,
  throttle: number,
): Promise<{ listed: number; shown: number; drawn: number }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  // `loaded()` first: the feature query runs only once nothing is pending.
  const mapDrawn = `${MAP} && ${MAP}.loaded() && ${MAP}.getSource('hotspots') && ${MAP}.querySourceFeatures('hotspots').length > 0`;
  const listed = await watch(page, 'listed', `document.querySelector('.hotspot-item')`);
  const shown = await watch(
    page,
    'shown',
    `(document.querySelector('.map-poster .poster-hotspot') && document.querySelector('.map-poster .poster-province')) || (${mapDrawn})`,
  );
  const drawn = await watch(page, 'drawn', mapDrawn);
  await page.goto(`${url}/`);
  const times = { listed: await listed(), shown: await shown(), drawn: await drawn() };
  await context.close();
  return times;
}

async function publicRows(browser: Browser, url: string): Promise<BenchRow[]> {
  const best = async (throttle: number) => {
    const runs: Awaited<ReturnType<typeof publicPhoneMs>>[] = [];
    for (let i = 0; i < 3; i++) runs.push(await publicPhoneMs(browser, url, throttle));
    const min = (k: 'listed' | 'shown' | 'drawn') => Math.min(...runs.map((r) => r[k]));
    return { listed: min('listed'), shown: min('shown'), drawn: min('drawn') };
  };
  const plain = await best(1);
  const slow = await best(4);
  return [
    {
      area: AREA,
      metric: 'public view on a phone, 4x CPU, cold cache: hotspots on the map',
      value: Math.round(slow.shown),
      unit: 'ms',
      target: '<= 2500 ms',
      pass: slow.shown <= 2500,
      note: `on the still poster until MapLibre has drawn; listed at ${Math.round(slow.listed)} ms; baseline without throttling ${Math.round(plain.shown)} ms; best of 3`,
    },
    {
      area: AREA,
      metric: '  public view on a phone, 4x CPU: hotspots drawn by MapLibre',
      value: Math.round(slow.drawn),
      unit: 'ms',
      note: `the interactive map (popups, zoom); baseline without throttling ${Math.round(plain.drawn)} ms`,
    },
  ];
}

interface Part {
  name: string;
  raw: number;
  sent: number;
  gzip: number;
  brotli: number;
}

/** Every JS and CSS file the public view loads (the MapLibre worker included), weighed. */
async function publicParts(browser: Browser, url: string): Promise<Part[]> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const parts: Part[] = [];
  const pending: Promise<void>[] = [];
  context.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (!/\.(js|css)$/.test(path)) return;
    pending.push(
      (async () => {
        const body = await res.body();
        parts.push({
          name: path.replace(/^\/assets\//, '').replace(/-[\w-]{8}\.(js|css)$/, '.$1'),
          raw: body.length,
          // What the local host sends (brotli, quality 5): the worker's own fetch reports no sizes.
          sent: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length,
          gzip: gzipSync(body, { level: 9 }).length,
          brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        });
      })(),
    );
  });
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.waitForFunction(() => {
    const map = (window as unknown as { phithak?: { map: import('maplibre-gl').Map } }).phithak?.map;
    return map?.loaded() && map.getSource('hotspots');
  });
  await Promise.all(pending);
  await context.close();
  // The worker is fetched twice (the prefetch, then the worker itself from the cache): count it once.
  const once = new Map<string, Part>();
  for (const p of parts) if (p.raw > (once.get(p.name)?.raw ?? -1)) once.set(p.name, p);
  return [...once.values()].sort((a, b) => b.gzip - a.gzip);
}

function weightRows(parts: Part[]): BenchRow[] {
  const sum = (k: keyof Omit<Part, 'name'>) => parts.reduce((s, p) => s + p[k], 0);
  const kb = (n: number) => Math.round((n / KB) * 10) / 10;
  return [
    ...parts.map((p) => ({
      area: AREA,
      metric: `  public loads ${p.name}`,
      value: kb(p.sent),
      unit: 'KB br 5',
      note: `${kb(p.raw)} KB raw, gzip -9 ${kb(p.gzip)} KB, brotli 11 ${kb(p.brotli)} KB`,
    })),
    {
      area: AREA,
      metric: 'public view JS + CSS, as the host sends it',
      value: kb(sum('sent')),
      unit: 'KB',
      target: '<= 450 KB',
      pass: sum('sent') <= 450 * KB,
      note: `${parts.length} files; ${kb(sum('raw'))} KB raw; the local host sends brotli (quality 5)`,
    },
    {
      area: AREA,
      metric: 'public view JS + CSS, gzip -9',
      value: kb(sum('gzip')),
      unit: 'KB',
      target: '<= 450 KB',
      pass: sum('gzip') <= 450 * KB,
      note: `for a host or CDN that only gzips; brotli 11 (precompressed) ${kb(sum('brotli'))} KB`,
    },
  ];
}

/** The web rows of `npm run bench`. */
export async function run(): Promise<BenchRow[]> {
  const nowMs = Date.now();
  const data: ApiData = { tips: [], snapshot: JSON.stringify(syntheticSnapshot(new Date(nowMs).toISOString())) };
  const { url, server } = await startHost(data);
  const browser = await launchChromium();
  try {
    const parts = await publicParts(browser, url);
    return [
      ...(await coordinatorRows(browser, url, data, nowMs)),
      ...(await publicRows(browser, url)),
      ...weightRows(parts),
    ];
  } finally {
    await browser.close();
    server.close();
    server.closeAllConnections?.();
  }
}
