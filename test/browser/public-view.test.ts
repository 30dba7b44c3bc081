/**
 * The public view (`/`) in headless Chromium against the real local system with demo data:
 * the map and the risk areas, Thai first with a remembered language switch, the bundled
 * Thai font, the tip form with its reference, links to hotspots that changed, the SMS
 * opt-out, a phone layout and accessibility, all without a console error.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PublicHotspotCollection } from '../../shared/api/wire.js';
import { eventually, startLocalSystem, type LocalSystem } from '../support/local-system.js';
import { collectErrors, launchChromium } from './chromium.js';
import { LAPTOP, PHONE, THAI, overflowsSideways, seriousA11yViolations, waitForMap, withMap } from './web-pages.js';

let system: LocalSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
/** The local host's SMS outbox lines (it prints every SMS it would send). */
const outbox: string[] = [];
/** Console reports of 4xx answers that a test provoked on purpose. */
const expected: RegExp[] = [];

beforeAll(async () => {
  const log = console.log.bind(console);
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).startsWith('[outbox]')) outbox.push(String(args[0]));
    else log(...args);
  });
  const launching = launchChromium();
  try {
    system = await startLocalSystem({ demo: true, publicSnapshotEveryS: 0 });
  } finally {
    browser = await launching;
  }
  context = await browser.newContext({ viewport: LAPTOP });
  page = await context.newPage();
  errors = collectErrors(page);
  await page.goto(`${system.url}/`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function coordinatorGet<T>(path: string): Promise<T> {
  return (await (
    await fetch(`${system.url}${path}`, { headers: { authorization: `Bearer ${system.token}` } })
  ).json()) as T;
}

async function snapshot(): Promise<PublicHotspotCollection> {
  return (await (await fetch(`${system.url}/api/hotspots`)).json()) as PublicHotspotCollection;
}

describe('public view', () => {
  it('draws the basemap and the public hotspots on the map', async () => {
    await waitForMap(page);
    const expected = (await snapshot()).features.length;
    expect(expected).toBeGreaterThan(0);
    await expect
      .poll(() => withMap(page, (map) => map.querySourceFeatures('hotspots').length), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const codes = await withMap(page, (map) =>
      map.queryRenderedFeatures({ layers: ['province-fill'] }).map((f) => String(f.properties.code)),
    );
    expect(codes).toContain('96');
  });

  it("credits the basemap's boundaries on the map, folded and unfolded by its button", async () => {
    const credit = page.locator('.maplibregl-ctrl-attrib');
    await expect.poll(() => credit.textContent()).toContain('OpenGISData-Thailand');
    const inner = credit.locator('.maplibregl-ctrl-attrib-inner');
    const button = credit.locator('summary');
    expect(await button.getAttribute('aria-label')).toBe('แหล่งข้อมูลแผนที่');
    const shownAtStart = await inner.isVisible();
    await button.click();
    expect(await inner.isVisible()).toBe(!shownAtStart);
    await button.click();
    expect(await inner.isVisible()).toBe(shownAtStart);
  });

  it('opens in Thai and lists the risk areas with place, risk, trend and count', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
    await page.locator('.hotspot-item').first().waitFor({ timeout: 15_000 });
    const places = await page.locator('.hotspot-item .place').allTextContents();
    expect(places.length).toBe((await snapshot()).features.length);
    expect(places.every((p) => p.includes('จังหวัด'))).toBe(true);
    // Plain words, never the abbreviations or the "(tambon)" jargon.
    expect(places.join(' ')).not.toMatch(/\bต\.|\(tambon\)/);
    const meta = await page.locator('.hotspot-item .meta').first().textContent();
    expect(meta).toMatch(/เสี่ยง.*\d+ เบาะแส/);
    expect(await page.locator('#areas-heading').textContent()).toBe('พื้นที่เสี่ยงตอนนี้');
  });

  it('loads the bundled Thai font', async () => {
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Sarabun').map((f) => f.status);
    });
    expect(fonts).toContain('loaded');
    expect(await page.evaluate(() => document.fonts.check('16px Sarabun', 'พิทักษ์'))).toBe(true);
  });

  it('switches every visible label to English, and remembers it', async () => {
    await page.locator('button[data-lang=en]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    const labels = await page
      .locator(
        // The language buttons name each language in itself (ไทย, Melayu), on purpose.
        'h2, .field .label, legend, button:visible:not(.lang-button), .nav a, .thumb-bar a, .legend li, .hotspot-item .meta',
      )
      .allTextContents();
    expect(labels.length).toBeGreaterThan(15);
    expect(labels.filter((l) => THAI.test(l))).toEqual([]);
    expect(await page.locator('#report-heading').textContent()).toBe('Report what you saw');
    await page.reload();
    await page.locator('#report-heading').waitFor();
    expect(await page.locator('#report-heading').textContent()).toBe('Report what you saw');
    await page.locator('button[data-lang=ms]').click();
    await expect.poll(() => page.locator('#report-heading').textContent()).toBe('Laporkan apa yang anda lihat');
    await page.locator('button[data-lang=th]').click();
    await expect.poll(() => page.locator('#report-heading').textContent()).toBe('แจ้งสิ่งที่คุณพบเห็น');
  });

  it('opens a popup with the facts of a hotspot clicked on the map', async () => {
    const first = (await snapshot()).features[0];
    await page.locator(`.hotspot-item[data-hotspot-id="${first.properties.id}"]`).click();
    await page.waitForFunction(() => {
      const map = (window as unknown as { phithak: { map: import('maplibre-gl').Map } }).phithak.map;
      return map.loaded() && !map.isMoving() && map.getZoom() > 10;
    });
    const centre = await withMap(page, (map) => {
      const { x, y } = map.project(map.getCenter());
      return { x, y };
    });
    await page.locator('#map canvas').click({ position: centre });
    await page.locator('.hotspot-popup').waitFor({ timeout: 5_000 });
    expect(await page.locator('.hotspot-popup').textContent()).toMatch(/เบาะแส/);
  });

  it('shows the place found before sending a tip, then a reference to quote to 1300', async () => {
    const text = `ทดสอบเบราว์เซอร์: เด็กทำงานกลางคืนที่ร้านคาราโอเกะ ${Date.now()}`;
    await page.locator('#tip-form textarea[name=text]').fill(text);
    await page.locator('#tip-form select[name=category]').selectOption('child_labour');
    await page.locator('#tip-form input[name=address]').fill('ต.บางนาค อ.เมืองนราธิวาส');
    await page.locator('#tip-form .find-place').click();
    await expect
      .poll(() => page.locator('#tip-form .place-preview').textContent())
      .toMatch(/ตำบลบางนาค อำเภอเมืองนราธิวาส/);
    await page.locator('#tip-form button[type=submit]').click();
    const reference = page.locator('#tip-form .confirmation .reference');
    await reference.waitFor({ timeout: 15_000 });
    const ref = (await reference.textContent()) ?? '';
    expect(ref).toMatch(/^PT-/);
    expect(await page.locator('#tip-form .confirmation').textContent()).toMatch(/1300/);
    const res = await fetch(`${system.url}/api/tips?reference=${encodeURIComponent(ref)}`, {
      headers: { authorization: `Bearer ${system.token}` },
    });
    const { items } = (await res.json()) as { items: Array<{ text: string }> };
    expect(items.map((t) => t.text)).toEqual([text]);
  });

  it('opens a hotspot link at that hotspot', async () => {
    const last = (await snapshot()).features.at(-1)!;
    await page.evaluate((id) => (location.hash = `h=${id}`), last.properties.id);
    await page
      .locator(`.hotspot-item[aria-current][data-hotspot-id="${last.properties.id}"]`)
      .waitFor({ timeout: 5_000 });
  });

  it('says plainly that a linked hotspot has ended', async () => {
    await page.evaluate(() => (location.hash = 'h=hs-0000000000000000000000000000'));
    await page.locator('.link-notice[data-link=ended]').waitFor({ timeout: 5_000 });
    expect(await page.locator('.link-notice').textContent()).toMatch(/สิ้นสุดแล้ว/);
    // The API answers 404 for the unknown id; Chromium logs that as a console error.
    expected.push(/status of 404 .*\/api\/hotspots\/hs-0000/);
  });

  it('opens the successor of a merged hotspot, with a word about the merge', async () => {
    const target = (await snapshot()).features[0].properties.id;
    // The API's answer for a merged hotspot (HotspotLinkBody); the demo data has no merge to link to.
    await page.route('**/api/hotspots/hs-merged-away', (route) =>
      route.fulfill({ json: { id: 'hs-merged-away', state: 'merged', currentId: target } }),
    );
    await page.evaluate(() => (location.hash = 'h=hs-merged-away'));
    await page.locator(`.hotspot-item[aria-current][data-hotspot-id="${target}"]`).waitFor({ timeout: 5_000 });
    expect(await page.locator('.link-notice[data-link=merged]').textContent()).toMatch(/รวม/);
  });

  it('takes an SMS opt-out request at /#stop, and the owner confirms it from the SMS link', async () => {
    const { items } = await coordinatorGet<{ items: Array<{ id: string; phone: string; status: string }> }>(
      '/api/volunteers',
    );
    const volunteer = items.find((v) => v.status === 'active')!;
    await page.evaluate(() => (location.hash = 'stop'));
    // Typed the way a person would: the local form of the number.
    await page.locator('#opt-out-form input[name=phone]').fill(volunteer.phone.replace(/^\+66/, '0'));
    await page.locator('#opt-out-form button[type=submit]').click();
    await page.locator('#opt-out-form .result.ok').waitFor({ timeout: 10_000 });
    expect(await page.locator('#opt-out-form .result').textContent()).toMatch(/ลิงก์/);
    // The one-time link goes to that number (the local outbox prints it); nothing changes before.
    const line = await eventually(async () => outbox.find((l) => l.includes(`#stop=`)), 15_000);
    const token = /#stop=([^\s]+)/.exec(line)![1];
    expect((await coordinatorGet<{ status: string }>(`/api/volunteers/${volunteer.id}`)).status).toBe('active');
    await page.evaluate((t) => (location.hash = `stop=${t}`), token);
    await page.locator('.confirm-stop').click();
    await page.locator('#stop .result.ok').waitFor({ timeout: 10_000 });
    expect((await coordinatorGet<{ status: string }>(`/api/volunteers/${volunteer.id}`)).status).toBe('opted_out');
  });

  it('says so when an opt-out link was already used', async () => {
    await page.evaluate(() => (location.hash = 'h=x'));
    const token = /#stop=([^\s]+)/.exec(outbox.find((l) => l.includes('#stop='))!)![1];
    await page.evaluate((t) => (location.hash = `stop=${t}`), token);
    await page.locator('.confirm-stop').click();
    await page.locator('#stop .result.error').waitFor({ timeout: 10_000 });
    expect(await page.locator('#stop .result').textContent()).toMatch(/หมดอายุหรือใช้ไปแล้ว/);
    expected.push(/status of 4\d\d .*\/api\/opt-out\/confirm/, /status of 404 .*\/api\/hotspots\/x/);
  });

  it('has no serious or critical accessibility violations on a laptop', async () => {
    await page.goto(`${system.url}/`);
    await page.locator('.hotspot-item').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('fits a phone: nothing off the side, the jump bar at the thumb, no accessibility violations', async () => {
    const phone = await context.newPage();
    const phoneErrors = collectErrors(phone);
    await phone.setViewportSize(PHONE);
    await phone.goto(`${system.url}/`);
    await waitForMap(phone);
    await phone.locator('.hotspot-item').first().waitFor();
    expect(await overflowsSideways(phone)).toBe(false);
    const bar = await phone.locator('.thumb-bar').boundingBox();
    expect(bar && bar.y + bar.height).toBeGreaterThan(PHONE.height - 2);
    await phone.locator('.thumb-bar a[href="#report"]').click();
    await expect
      .poll(() =>
        phone
          .locator('#report-heading')
          .boundingBox()
          .then((b) => b?.y ?? -1),
      )
      .toBeLessThan(PHONE.height / 2);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.close();
    errors.push(...phoneErrors);
  });

  it('shows a still poster of the hotspots where the map then draws them, until the map has drawn', async () => {
    // A context of its own without service workers: the shared context's worker, installed by
    // the earlier visits, would answer from its cache and the route below would not hold anything.
    const own = await browser.newContext({ viewport: LAPTOP, serviceWorkers: 'block' });
    const tab = await own.newPage();
    const tabErrors = collectErrors(tab);
    // MapLibre's worker is held back, so the map cannot draw yet and the poster stays up.
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await tab.route(/maplibre-gl-worker/, async (route) => {
      await held;
      await route.continue();
    });
    await tab.goto(`${system.url}/`);
    const features = (await snapshot()).features;
    await expect
      .poll(() => tab.locator('.map-poster .poster-hotspot').count(), { timeout: 15_000 })
      .toBe(features.length);
    await tab.waitForFunction(() => Boolean((window as unknown as { phithak?: unknown }).phithak));
    // Each dot sits where MapLibre projects the hotspot's centre, to a pixel.
    const offsets = await tab.evaluate(
      (fs) => {
        const map = (window as unknown as { phithak: { map: import('maplibre-gl').Map } }).phithak.map;
        const dots = [...document.querySelectorAll('.map-poster .poster-hotspot')];
        return fs.map((ring, i) => {
          const lons = ring.map((p) => p[0]);
          const lats = ring.map((p) => p[1]);
          const p = map.project([
            (Math.min(...lons) + Math.max(...lons)) / 2,
            (Math.min(...lats) + Math.max(...lats)) / 2,
          ]);
          return Math.hypot(Number(dots[i].getAttribute('cx')) - p.x, Number(dots[i].getAttribute('cy')) - p.y);
        });
      },
      features.map((f) =>
        (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()).flat(),
      ),
    );
    expect(Math.max(...offsets)).toBeLessThan(1);
    release();
    await tab.locator('.map-poster').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await withMap(tab, (map) => map.querySourceFeatures('hotspots').length)).toBeGreaterThan(0);
    await own.close();
    errors.push(...tabErrors);
  });

  it('keeps the list and the forms on a device without WebGL', async () => {
    const tab = await context.newPage();
    const tabErrors = collectErrors(tab);
    await tab.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        return /webgl/i.test(kind) ? null : (getContext as (...a: unknown[]) => unknown).call(this, kind, ...rest);
      } as typeof getContext;
    });
    await tab.goto(`${system.url}/`);
    await tab.locator('.hotspot-item').first().waitFor({ timeout: 15_000 });
    await expect
      .poll(() => tab.locator('.map-status').textContent(), { timeout: 15_000 })
      .toMatch(/เปิดแผนที่แบบโต้ตอบไม่ได้ ภาพนี้แสดงพื้นที่เสี่ยงล่าสุด/);
    // The still poster stays in the map's place: a dot per hotspot, on the provinces.
    const hotspots = (await snapshot()).features.length;
    await expect.poll(() => tab.locator('.map-poster .poster-hotspot').count(), { timeout: 15_000 }).toBe(hotspots);
    await expect.poll(() => tab.locator('.map-poster .poster-province').count()).toBeGreaterThan(0);
    await tab.close();
    errors.push(...tabErrors);
  });

  it('logged no console error, page error or failed request beyond the 4xx the tests asked for', () => {
    expect(errors.filter((e) => !expected.some((re) => re.test(e)))).toEqual([]);
  });
});
