/**
 * The patrol check (`/patrol`, `/#z=lat,lon`) in headless Chromium against the local system:
 * the answer at the top for a point inside a hotspot and one far away, by typed
 * coordinates, a place name, GPS and a link; installable; and, after one visit, the same
 * answers with the network switched off, from the snapshot the service worker kept.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicHotspotCollection } from '../../shared/api/wire.js';
import { eventually, startLocalSystem, type LocalSystem } from '../support/local-system.js';
import { collectErrors, launchChromium } from './chromium.js';
import { LAPTOP, PHONE, overflowsSideways, seriousA11yViolations, waitForMap } from './web-pages.js';

let system: LocalSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
/** A point inside the first public hotspot (a vertex pulled towards the centre), and Bangkok, far away. */
let inside: { lat: number; lon: number };
const FAR = { lat: 13.7563, lon: 100.5018 };

beforeAll(async () => {
  const launching = launchChromium();
  try {
    system = await startLocalSystem({ demo: true, publicSnapshotEveryS: 0 });
  } finally {
    browser = await launching;
  }
  // The snapshot follows the demo hotspots as the stream settles.
  const fc = await eventually(async () => {
    const body = (await (await fetch(`${system.url}/api/hotspots`)).json()) as PublicHotspotCollection;
    return body.features.length ? body : null;
  }, 60_000);
  const g = fc.features[0].geometry;
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0];
  const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  inside = { lat: Number(lat.toFixed(5)), lon: Number(lon.toFixed(5)) };
  context = await browser.newContext({
    viewport: PHONE,
    permissions: ['geolocation'],
    geolocation: { latitude: FAR.lat, longitude: FAR.lon },
  });
  page = await context.newPage();
  errors = collectErrors(page);
  await page.goto(`${system.url}/patrol`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const answer = () => page.locator('#zone-answer[role=status]');

async function checkTyped(text: string): Promise<string | null> {
  await page.locator('#patrol-form input[name=where]').fill(text);
  await page.locator('#patrol-form button[type=submit]').click();
  await expect.poll(() => answer().getAttribute('data-zone'), { timeout: 10_000 }).not.toBe('unknown');
  return answer().getAttribute('data-zone');
}

describe('patrol view', () => {
  it('loads with a drawn map and an answer box that waits, at the top of the screen', async () => {
    await waitForMap(page);
    expect(await answer().getAttribute('data-zone')).toBe('unknown');
    const box = await answer().boundingBox();
    expect(box && box.y + box.height).toBeLessThan(PHONE.height / 2);
  });

  it('answers inside for a point in a hotspot, with risk, distance, tambon and the age of the data', async () => {
    expect(await checkTyped(`${inside.lat}, ${inside.lon}`)).toBe('inside');
    const text = (await answer().textContent()) ?? '';
    expect(text).toMatch(/อยู่ในพื้นที่เสี่ยง: เสี่ยง/);
    expect(text).toMatch(/จุดเสี่ยงใกล้สุด: 0 m/);
    expect(text).toMatch(/ตำบล.*อำเภอ/);
    expect(text).toMatch(/ข้อมูลเมื่อ: .*25\d\d/);
  });

  it('answers outside for a point far away, with the distance to the nearest hotspot', async () => {
    expect(await checkTyped(`${FAR.lat}, ${FAR.lon}`)).toBe('outside');
    expect(await answer().textContent()).toMatch(/ไม่อยู่ในพื้นที่เสี่ยง.*จุดเสี่ยงใกล้สุด: \d+ km/s);
  });

  it('checks a place typed by name through the geocoder', async () => {
    await answer().evaluate((el) => (el.dataset.zone = 'unknown'));
    expect(['inside', 'outside']).toContain(await checkTyped('สุไหงโก-ลก'));
    expect(await answer().textContent()).toMatch(/สุไหงโก-ลก/);
  });

  it('checks the GPS position', async () => {
    await answer().evaluate((el) => (el.dataset.zone = 'unknown'));
    await page.locator('#gps-button').click();
    await expect.poll(() => answer().getAttribute('data-zone'), { timeout: 10_000 }).toBe('outside');
    expect(await answer().textContent()).toContain(`${FAR.lat.toFixed(5)}, ${FAR.lon.toFixed(5)}`);
  });

  it('checks the point of a #z= link at once', async () => {
    const tab = await context.newPage();
    const tabErrors = collectErrors(tab);
    await tab.goto(`${system.url}/#z=${inside.lat},${inside.lon}`);
    await expect.poll(() => tab.locator('#zone-answer').getAttribute('data-zone'), { timeout: 15_000 }).toBe('inside');
    await tab.close();
    errors.push(...tabErrors);
  });

  it('is installable: a manifest that opens the patrol check', async () => {
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const manifest = (await (await fetch(new URL(href ?? '', system.url))).json()) as {
      start_url: string;
      icons: unknown[];
      display: string;
    };
    expect(manifest).toMatchObject({ start_url: '/patrol', display: 'standalone' });
    expect(manifest.icons.length).toBeGreaterThan(0);
  });

  it('still answers with the network off after one visit, from the saved snapshot, saying so', async () => {
    await page.evaluate(() => navigator.serviceWorker.ready);
    // One reload under the worker's control, so the snapshot request goes through its cache.
    await page.reload();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await waitForMap(page);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.locator('#patrol-form').waitFor({ timeout: 15_000 });
      expect(await checkTyped(`${inside.lat}, ${inside.lon}`)).toBe('inside');
      expect(await answer().textContent()).toMatch(/ออฟไลน์/);
      expect(await answer().textContent()).toMatch(/ตำบล/);
      await answer().evaluate((el) => (el.dataset.zone = 'unknown'));
      expect(await checkTyped(`${FAR.lat}, ${FAR.lon}`)).toBe('outside');
    } finally {
      await context.setOffline(false);
    }
    // Offline, the zone check and the basemap requests fail by design before the fallback answers.
    errors.splice(
      0,
      errors.length,
      ...errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|status of 504/.test(e)),
    );
  });

  it('fits a phone and a laptop with no serious or critical accessibility violations', async () => {
    expect(await overflowsSideways(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize(LAPTOP);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('logged no console error, page error or failed request', () => {
    expect(errors).toEqual([]);
  });
});
