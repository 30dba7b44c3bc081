/**
 * End to end in headless Chromium against the real local system (DynamoDB Local, stream
 * pollers, the same handlers as in AWS) seeded with the demo data: the built web app must
 * render the offline basemap and the demo hotspots, accept a tip, answer a patrol's zone
 * check, run the coordinator workflows (tip review, test SMS, volunteer edit) and the public
 * SMS opt-out, all without a single console or page error.
 */
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSystem, type LocalSystem } from '../support/local-system.js';
import { collectErrors, launchChromium } from './chromium.js';

/** Code of Narathiwat in the basemap (TIS-1099). */
const NARATHIWAT = '96';

let system: LocalSystem;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  // Chromium starts while the system seeds; assigned in `finally` so afterAll always closes it.
  const launching = launchChromium();
  try {
    system = await startLocalSystem({ demo: true });
  } finally {
    browser = await launching;
  }
  // A modest viewport: SwiftShader renders on the CPU, and the suite shares two cores.
  page = await browser.newPage({ viewport: { width: 1024, height: 720 } });
  errors = collectErrors(page);
  await page.goto(`${system.url}/`);
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function firstHotspot(): Promise<{ id: string; lat: number; lon: number }> {
  const fc = (await (await fetch(`${system.url}/api/hotspots`)).json()) as FeatureCollection<Polygon>;
  const f = fc.features[0];
  const ring =
    f.geometry.type === 'Polygon'
      ? f.geometry.coordinates[0]
      : (f.geometry as unknown as { coordinates: number[][][][] }).coordinates[0][0];
  const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  return { id: String(f.properties?.id), lat, lon };
}

describe('web app in Chromium against the local system', () => {
  it('renders the offline province basemap centred on Narathiwat', async () => {
    await page.waitForFunction(
      () => {
        const map = (window as unknown as { phithak?: { map: import('maplibre-gl').Map } }).phithak?.map;
        return Boolean(map?.loaded() && map.queryRenderedFeatures({ layers: ['province-fill'] }).length > 0);
      },
      null,
      { timeout: 30_000 },
    );
    const codes = await page.evaluate(() => {
      const map = (window as unknown as { phithak: { map: import('maplibre-gl').Map } }).phithak.map;
      return map.queryRenderedFeatures({ layers: ['province-fill'] }).map((f) => String(f.properties.code));
    });
    expect(codes).toContain(NARATHIWAT);
  });

  it('lists the demo hotspots with their place names', async () => {
    await page.locator('.hotspot-item').first().waitFor({ timeout: 20_000 });
    const items = await page.locator('.hotspot-item .place').allTextContents();
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((t) => t.includes('จ.'))).toBe(true);
    expect(items.some((t) => t.includes('ต.') && t.includes('อ.') && t.includes('นราธิวาส'))).toBe(true);
    const drawn = await page.evaluate(() => {
      const map = (window as unknown as { phithak: { map: import('maplibre-gl').Map } }).phithak.map;
      return map.querySourceFeatures('hotspots').length;
    });
    expect(drawn).toBeGreaterThan(0);
  });

  it('switches the hotspot heatmap on from the legend', async () => {
    const visibility = () =>
      page.evaluate(() =>
        (window as unknown as { phithak: { map: import('maplibre-gl').Map } }).phithak.map.getLayoutProperty(
          'hotspot-heat',
          'visibility',
        ),
      );
    expect(await visibility()).toBe('none');
    await page.locator('#heatmap-toggle').check();
    await expect.poll(visibility).toBe('visible');
  });

  it('flies to a hotspot chosen in the list', async () => {
    const zoom = () =>
      page.evaluate(() => (window as unknown as { phithak: { map: import('maplibre-gl').Map } }).phithak.map.getZoom());
    const before = await zoom();
    await page.locator('.hotspot-item').first().click();
    await expect.poll(zoom, { timeout: 5_000 }).toBeGreaterThan(before + 1);
  });

  it('focuses the hotspot an alert SMS links to (#h=<id>)', async () => {
    const fc = (await (await fetch(`${system.url}/api/hotspots`)).json()) as FeatureCollection<Polygon>;
    const id = String(fc.features[fc.features.length - 1].properties?.id);
    await page.evaluate((hotspotId) => {
      location.hash = `h=${hotspotId}`;
    }, id);
    await page.locator(`.hotspot-item[aria-current][data-hotspot-id="${id}"]`).waitFor({ timeout: 5_000 });
    expect(await page.locator('.hotspot-item[aria-current]').count()).toBe(1);
  });

  it('sends a tip through the form and shows the place found', async () => {
    const text = `Browser test: girls kept in a karaoke shop near the market ${Date.now()}`;
    await page.locator('#tip-form textarea[name=text]').fill(text);
    await page.locator('#tip-form select[name=category]').selectOption('sexual_exploitation');
    await page.locator('#tip-form input[name=address]').fill('ต.บางนาค อ.เมืองนราธิวาส จ.นราธิวาส');
    await page.locator('#tip-form button[type=submit]').click();
    const result = page.locator('#tip-form .result.ok');
    await result.waitFor({ timeout: 10_000 });
    expect(await result.textContent()).toMatch(/tip was received.*บางนาค/);
    expect(await page.locator('#tip-form textarea[name=text]').inputValue()).toBe('');
  });

  it("shows the server's 400 message and keeps what the reporter typed", async () => {
    const before = errors.length;
    await page.locator('#tip-form textarea[name=text]').fill('A tip with a phone number too short to be real');
    await page.locator('#tip-form input[name=phone]').fill('12');
    await page.locator('#tip-form button[type=submit]').click();
    const result = page.locator('#tip-form .result.error');
    await result.waitFor({ timeout: 10_000 });
    expect(await result.textContent()).toMatch(/phone/);
    expect(await page.locator('#tip-form textarea[name=text]').inputValue()).toContain('too short');
    // Chromium logs every 4xx response as a console error; this one is what the test asked for.
    const added = errors.splice(before);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((e) => /status of 400/.test(e))).toBe(true);
    await page.locator('#tip-form input[name=phone]').fill('');
    await page.locator('#tip-form textarea[name=text]').fill('');
  });

  it('tells a patrol whether a spot is inside a risk zone', async () => {
    const hotspot = await firstHotspot();
    await page.locator('#zone-panel summary').click();
    await page.locator('#zone-form input[name=lat]').fill(String(hotspot.lat));
    await page.locator('#zone-form input[name=lon]').fill(String(hotspot.lon));
    await page.locator('#zone-form button[type=submit]').click();
    const verdict = page.locator('#zone-form .verdict');
    await verdict.waitFor({ timeout: 10_000 });
    expect(await verdict.textContent()).toMatch(/Inside a risk zone/);
    expect(await page.locator('#zone-form .zone-result').textContent()).toMatch(/จ\.นราธิวาส/);
  });

  it('checks the spot clicked on the map', async () => {
    await page.locator('#zone-form .zone-result').evaluate((el) => el.replaceChildren());
    await page.locator('#map canvas').click({ position: { x: 200, y: 200 } });
    await page.locator('#zone-form .verdict').waitFor({ timeout: 10_000 });
    expect(await page.locator('#zone-form .zone-result').textContent()).toMatch(/Nearest hotspot/);
  });

  it('opens the coordinator panel with the token and shows the tip just sent', async () => {
    await page.locator('#coordinator-panel summary').click();
    await page.locator('#coordinator input[name=token]').fill(system.token);
    await page.locator('#coordinator .token-form button[type=submit]').click();
    await page.locator('#coordinator table').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('#coordinator').textContent()).toContain('Browser test: girls kept');
    expect(await page.locator('#coordinator').textContent()).toMatch(/Volunteers · อาสาสมัคร \(\d+\)/);
  });

  it('shows the SMS log of the demo alerts and filters it by volunteer', async () => {
    const log = page.locator('#coordinator section[aria-label="SMS log"]');
    const rows = log.locator('tbody tr');
    // The SMS log loads with its own request, after the tips table the previous step waited for.
    await rows.first().waitFor({ timeout: 10_000 });
    const all = await rows.count();
    expect(all).toBeGreaterThan(0);
    const choices = log.locator('select[name=alertVolunteer] option');
    expect(await choices.count()).toBeGreaterThan(1);
    const name = (await choices.nth(1).textContent()) ?? '';
    await log.locator('select[name=alertVolunteer]').selectOption({ index: 1 });
    const volunteerCells = await rows.locator('td:nth-child(2)').allTextContents();
    expect(volunteerCells.length).toBeGreaterThan(0);
    expect(volunteerCells.every((c) => c === name)).toBe(true);
  });

  it('registers a volunteer at a point clicked on the map', async () => {
    const form = page.locator('#coordinator form.volunteer-form');
    await form.locator('input[name=name]').fill('Browser Test Volunteer');
    await form.locator('input[name=phone]').fill('081 234 5678');
    await page.locator('#map canvas').click({ position: { x: 300, y: 300 } });
    expect(await form.locator('input[name=lat]').inputValue()).not.toBe('');
    await form.locator('input[name=radiusKm]').fill('5');
    await form.locator('button[type=submit]').click();
    await form.locator('.result.ok').waitFor({ timeout: 10_000 });
    expect(await form.locator('.result').textContent()).toContain('+66812345678');
    await expect
      .poll(() => page.locator('#coordinator section[aria-label="Volunteers"]').textContent(), { timeout: 10_000 })
      .toContain('Browser Test Volunteer');
  });

  it('opts a volunteer out of SMS from the coordinator panel', async () => {
    page.once('dialog', (d) => void d.accept());
    const rows = page.locator('#coordinator tr', { has: page.locator('button.danger') });
    const before = await rows.count();
    expect(before).toBeGreaterThan(0);
    await rows.first().locator('button.danger').click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(before - 1);
    expect(await page.locator('#coordinator').textContent()).toContain('opted out');
  });

  it('marks a tip verified from its status control', async () => {
    const section = page.locator('#coordinator section[aria-label="Recent tips"]');
    const row = section.locator('tr', { hasText: 'Browser test: girls kept' });
    await row.locator('select.tip-status').selectOption('verified');
    await section.locator('.result.ok').waitFor({ timeout: 10_000 });
    const res = await fetch(`${system.url}/api/tips?status=verified&limit=200`, {
      headers: { authorization: `Bearer ${system.token}` },
    });
    const { items } = (await res.json()) as { items: Array<{ text: string }> };
    expect(items.some((t) => t.text.startsWith('Browser test: girls kept'))).toBe(true);
  });

  it('sends a test SMS from a volunteer row and shows its status and part count', async () => {
    const row = page.locator('#coordinator section[aria-label="Volunteers"] tr', { hasText: 'Browser Test Volunteer' });
    await row.locator('button.test-alert').click();
    const outcome = row.locator('.test-alert-result');
    await expect
      .poll(() => outcome.textContent(), { timeout: 10_000 })
      .toMatch(/(sent|not sent|failed) · .*, [12] SMS parts?$/);
  });

  it('edits a volunteer and shows their delivery log', async () => {
    const row = page.locator('#coordinator section[aria-label="Volunteers"] tr', { hasText: 'Browser Test Volunteer' });
    await row.locator('button.open-volunteer').click();
    const detail = page.locator('#coordinator section[aria-label="Volunteer detail"]');
    await detail.locator('form.volunteer-edit').waitFor({ timeout: 10_000 });
    expect(await detail.locator('table').textContent()).toMatch(/Delivery log .*\(\d+\).*test/s);
    await detail.locator('input[name=radiusKm]').fill('7');
    await detail.locator('select[name=status]').selectOption('active');
    await detail.locator('button[type=submit]').click();
    await detail.locator('.result.ok').waitFor({ timeout: 10_000 });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/7 km.*active/);
  });

  it('lets a volunteer stop SMS alerts from the public form', async () => {
    // The link a volunteer is given (`/#stop`) opens the form.
    await page.evaluate(() => {
      location.hash = 'stop';
    });
    await page.locator('#opt-out-form input[name=phone]').waitFor({ state: 'visible', timeout: 5_000 });
    await page.locator('#opt-out-form input[name=phone]').fill('+66 81-234-5678');
    await page.locator('#opt-out-form button[type=submit]').click();
    await page.locator('#opt-out-form .result.ok').waitFor({ timeout: 10_000 });
    expect(await page.locator('#opt-out-form .result').textContent()).toMatch(/no more Phithak alerts/);
    const res = await fetch(`${system.url}/api/volunteers`, { headers: { authorization: `Bearer ${system.token}` } });
    const { items } = (await res.json()) as { items: Array<{ name: string; status: string }> };
    // Nothing changes until the owner follows the one-time link the request sends to that number.
    expect(items.filter((v) => v.name === 'Browser Test Volunteer').map((v) => v.status)).toEqual(['active']);
  });

  it('opens straight on the hotspot an SMS link names, in a fresh tab', async () => {
    const id = (await firstHotspot()).id;
    const tab = await browser.newPage({ viewport: { width: 800, height: 700 } });
    const tabErrors = collectErrors(tab);
    await tab.goto(`${system.url}/#h=${id}`);
    await tab.locator(`.hotspot-item[aria-current][data-hotspot-id="${id}"]`).waitFor({ timeout: 15_000 });
    await tab.waitForFunction(
      () => {
        const map = (window as unknown as { phithak?: { map: import('maplibre-gl').Map } }).phithak?.map;
        return Boolean(map?.loaded() && map.getZoom() > 11);
      },
      null,
      { timeout: 15_000 },
    );
    await tab.close();
    errors.push(...tabErrors);
  });

  it('keeps lists and the patrol check working on a device without WebGL', async () => {
    const tab = await browser.newPage({ viewport: { width: 800, height: 700 } });
    const tabErrors = collectErrors(tab);
    // An old phone: no WebGL context of any kind (cheaper than a second browser with GL off).
    await tab.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        return /webgl/i.test(kind) ? null : (getContext as (...a: unknown[]) => unknown).call(this, kind, ...rest);
      } as typeof getContext;
    });
    await tab.goto(`${system.url}/`);
    await tab.locator('.hotspot-item').first().waitFor({ timeout: 15_000 });
    expect(await tab.locator('#map-status').textContent()).toMatch(/cannot be shown/);
    await tab.locator('#zone-panel summary').click();
    await tab.locator('#zone-form input[name=lat]').fill('6.4255');
    await tab.locator('#zone-form input[name=lon]').fill('101.8231');
    await tab.locator('#zone-form button[type=submit]').click();
    await tab.locator('#zone-form .verdict').waitFor({ timeout: 10_000 });
    await tab.close();
    errors.push(...tabErrors);
  });

  it('logged no console error, page error or failed request', () => {
    expect(errors).toEqual([]);
  });
});
