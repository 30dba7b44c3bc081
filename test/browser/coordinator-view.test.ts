/**
 * The coordinator console (`/coordinator`) in headless Chromium against the local system:
 * token sign-in; a tip sent through the public form on the map and in the list; a script
 * payload shown as text; the contact only in the detail; a status change with a note and
 * its undo; filters and exports that give the API's tips; hotspots; volunteers (a home
 * point at sea refused, registration, test SMS, stop); the SMS log; phone and axe.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CoordinatorHotspotCollection,
  Page as ApiPage,
  TipDetail,
  TipListItem,
  VolunteerProfile,
} from '../../shared/api/wire.js';
import { startLocalSystem, type LocalSystem } from '../support/local-system.js';
import { collectErrors, launchChromium } from './chromium.js';
import { LAPTOP, PHONE, THAI, overflowsSideways, seriousA11yViolations, waitForMap, withMap } from './web-pages.js';

let system: LocalSystem;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
const expected: RegExp[] = [];
/** The tip this file sends through the public form: markup that must never run. */
const marker = `ทดสอบ-${Date.now()}`;
const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> ${marker} เด็กทำงานในเรือประมง`;
let tipId = '';

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${system.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${system.token}`, 'content-type': 'application/json', ...init.headers },
  });
  return (await res.json()) as T;
}

/** Every tip the API gives for `query`, all pages. */
async function apiTipIds(query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined;
  do {
    const q = new URLSearchParams({ ...query, limit: '1000', ...(next ? { next } : {}) });
    const page = await api<ApiPage<TipListItem>>(`/api/tips?${q}`);
    ids.push(...page.items.map((t) => t.id));
    next = page.next;
  } while (next);
  return ids;
}

const selection = () =>
  page.evaluate(
    () =>
      (window as unknown as { phithakTips: { ids: string[]; query: Record<string, string>; loaded: boolean } })
        .phithakTips,
  );

beforeAll(async () => {
  const launching = launchChromium();
  try {
    system = await startLocalSystem({ demo: true, publicSnapshotEveryS: 0 });
  } finally {
    browser = await launching;
  }
  context = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
  page = await context.newPage();
  errors = collectErrors(page);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('coordinator console', () => {
  it('asks for sign-in first and refuses a wrong token', async () => {
    await page.goto(`${system.url}/coordinator`);
    await page.locator('input[name=token]').fill('not-the-token');
    await page.locator('.token-form button[type=submit]').click();
    await page.locator('.sign-in .result.error').waitFor({ timeout: 10_000 });
    expect(await page.locator('.sign-in .result').textContent()).toMatch(/โทเคนไม่ถูกต้อง/);
    expected.push(/status of 401/);
  });

  it('receives a tip sent through the public form, on the map and in the list', async () => {
    const pub = await context.newPage();
    const pubErrors = collectErrors(pub);
    await pub.goto(`${system.url}/`);
    await pub.locator('#tip-form textarea[name=text]').fill(payload);
    await pub.locator('#tip-form select[name=category]').selectOption('forced_fishing');
    await pub.locator('#tip-form input[name=address]').fill('ต.บางนาค อ.เมืองนราธิวาส');
    await pub.locator('#tip-form input[name=phone]').fill('081 111 2233');
    await pub.locator('#tip-form input[name=consent]').check();
    await pub.locator('#tip-form button[type=submit]').click();
    const reference = (await pub.locator('#tip-form .reference').textContent({ timeout: 15_000 })) ?? '';
    await pub.close();
    errors.push(...pubErrors);
    tipId = (await api<ApiPage<TipListItem>>(`/api/tips?reference=${reference}`)).items[0].id;

    await page.locator('input[name=token]').fill(system.token);
    await page.locator('.token-form button[type=submit]').click();
    await page.locator('[role=tab][data-tab=tips]').waitFor();
    await waitForMap(page);
    await expect.poll(async () => (await selection())?.loaded, { timeout: 20_000 }).toBe(true);
    expect((await selection()).ids).toContain(tipId);
    const row = page.locator(`.tip-row[data-tip-id="${tipId}"]`);
    await row.waitFor({ timeout: 5_000 });
    expect(await row.textContent()).toContain(marker);
    // On the map: zoomed in to its place, the tip is a point of its own.
    const tip = await api<TipDetail>(`/api/tips/${tipId}`);
    const at = tip.location ?? { lat: tip.lat ?? tip.geocode.lat ?? 0, lon: tip.lon ?? tip.geocode.lon ?? 0 };
    await page.evaluate(
      ([lon, lat]) => {
        (window as unknown as { phithak: { map: import('maplibre-gl').Map } }).phithak.map.jumpTo({
          center: [lon, lat],
          zoom: 15,
        });
      },
      [at.lon, at.lat],
    );
    await expect
      .poll(
        () =>
          withMap(page, (map) =>
            map.queryRenderedFeatures({ layers: ['tip-point'] }).map((f) => String(f.properties.id)),
          ),
        { timeout: 15_000 },
      )
      .toContain(tipId);
  });

  it('shows a script payload as text that never runs, with the contact only in the detail', async () => {
    const row = page.locator(`.tip-row[data-tip-id="${tipId}"]`);
    // The number in any form it is written or stored (a bare '081' also matches a reference or a time).
    const rowText = (await row.textContent()) ?? '';
    for (const form of ['111 2233', '1112233', '+66811112233']) expect(rowText).not.toContain(form);
    await row.click();
    const text = page.locator('#tip-detail .tip-text-full');
    await text.waitFor({ timeout: 10_000 });
    expect(await text.textContent()).toBe(payload);
    expect(await page.locator('#tip-detail img, #tip-detail script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('#tip-detail .contact').textContent()).toMatch(/\+66811112233|081.*ติดต่อกลับได้/);
    await expect
      .poll(async () => (await api<ApiPage<{ by: string }>>(`/api/tips/${tipId}/audit`)).items.length)
      .toBeGreaterThan(0);
  });

  it('changes the status with a note, and undoes it', async () => {
    await page.locator('#tip-detail select[name=status]').selectOption('referred');
    await page.locator('#tip-detail textarea[name=note]').fill('ส่งต่อ พม. จังหวัด');
    await page.locator('#tip-detail .status-form button[type=submit]').click();
    await page.locator('#tip-detail .status-form .result.ok').waitFor({ timeout: 10_000 });
    const after = await api<TipDetail>(`/api/tips/${tipId}`);
    expect(after.status).toBe('referred');
    expect(after.statusHistory.some((c) => c.note === 'ส่งต่อ พม. จังหวัด')).toBe(true);
    expect(await page.locator('#tip-detail .status-history').textContent()).toContain('ส่งต่อ พม. จังหวัด');
    await page.locator('#tip-detail .undo').click();
    await expect.poll(async () => (await api<TipDetail>(`/api/tips/${tipId}`)).status, { timeout: 10_000 }).toBe('new');
    await page.locator('#tip-detail .close-detail').click();
  });

  it('filters map and list by time, category, status and channel exactly as the API does', async () => {
    const filters = page.locator('#tip-filters');
    const same = async () => {
      const s = await selection();
      const fromApi = await apiTipIds(s.query);
      expect([...s.ids].sort()).toEqual([...fromApi].sort());
      return s.ids.length;
    };
    await filters.locator('select[name=windowDays]').selectOption('365');
    expect(await same()).toBeGreaterThan(10);
    await filters.locator('select[name=category]').selectOption('forced_fishing');
    expect(await same()).toBeGreaterThan(0);
    await filters.locator('select[name=category]').selectOption('');
    await filters.locator('select[name=status]').selectOption('new');
    await filters.locator('select[name=channel]').selectOption('web');
    expect(await same()).toBeGreaterThan(0);
    const rows = await page.locator('.tip-row').count();
    expect(rows).toBeGreaterThan(0);
    // The slider moves the window back in time: a day-long window a week ago.
    await filters.locator('select[name=windowDays]').selectOption('1');
    await filters.locator('input[name=windowEnd]').fill('7');
    await same();
    await filters.locator('input[name=windowEnd]').fill('0');
    await filters.locator('select[name=windowDays]').selectOption('365');
    await filters.locator('select[name=channel]').selectOption('');
    await filters.locator('select[name=status]').selectOption('');
    expect(await same()).toBeGreaterThan(10);
  });

  it('colours tambon areas by tip count when asked, and hides them again', async () => {
    // The areas are loaded on demand (zoom 9 or this switch), not with the first frame.
    await page.locator('#tip-filters select[name=windowDays]').selectOption('365');
    await page.locator('#tip-filters input[name=choropleth]').check();
    await expect
      .poll(
        () =>
          withMap(page, (map) => {
            if (!map.getLayer('tambon-choropleth') || !map.isSourceLoaded('tambon-areas')) return 0;
            if (map.getLayoutProperty('tambon-choropleth', 'visibility') !== 'visible') return 0;
            return map
              .querySourceFeatures('tambon-areas')
              .filter((f) => (map.getFeatureState({ source: 'tambon-areas', id: f.id ?? '' }).count ?? 0) > 0).length;
          }),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await page.locator('#tip-filters input[name=choropleth]').uncheck();
    await expect
      .poll(() => withMap(page, (map) => map.getLayoutProperty('tambon-choropleth', 'visibility')))
      .toBe('none');
  });

  it('exports the selection as CSV with a BOM and as GeoJSON, the same tips as the API', async () => {
    await page.locator('#tip-filters select[name=category]').selectOption('forced_fishing');
    const { ids, query } = await selection();
    const fromApi = (await apiTipIds(query)).sort();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('.export-csv').click()]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0].startsWith('id,reference,')).toBe(true);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(fromApi);
    expect(csv).toContain(marker);
    expect(csv).not.toContain('+66811112233');
    const [geoDownload] = await Promise.all([page.waitForEvent('download'), page.locator('.export-geojson').click()]);
    const fc = JSON.parse(readFileSync((await geoDownload.path())!, 'utf8')) as {
      features: Array<{ properties: { id: string } }>;
    };
    expect(fc.features.map((f) => f.properties.id).sort()).toEqual([...ids].sort());
    await page.locator('#tip-filters select[name=category]').selectOption('');
  });

  it('lists the hotspots with risk, trend, Gi* and history', async () => {
    await page.locator('[role=tab][data-tab=hotspots]').click();
    const cards = page.locator('.hotspot-card');
    await cards.first().waitFor({ timeout: 10_000 });
    const live = await api<CoordinatorHotspotCollection>('/api/coordinator/hotspots');
    expect(await cards.count()).toBe(live.features.length);
    expect(await cards.first().textContent()).toMatch(/เสี่ยง.*Gi\*/);
  });

  it('refuses a home point at sea with a clear message, and registers one on land', async () => {
    await page.locator('[role=tab][data-tab=volunteers]').click();
    await page.locator('.register-volunteer').click();
    const form = page.locator('form.volunteer-form');
    await form.locator('input[name=name]').fill('อาสา ทดสอบ');
    await form.locator('input[name=phone]').fill('081 234 5678');
    await form.locator('input[name=lat]').fill('6.6');
    await form.locator('input[name=lon]').fill('102.6');
    await form.locator('button[type=submit]').click();
    await form.locator('.location-error').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await form.locator('.location-error').textContent()).toMatch(/ในทะเลหรือนอกพื้นที่บริการ/);
    expected.push(/status of 400 .*\/api\/volunteers/);
    // A tap on the map sets the home point: Narathiwat town.
    await page.evaluate(() =>
      (window as unknown as { phithak: { map: import('maplibre-gl').Map } }).phithak.map.jumpTo({
        center: [101.823, 6.425],
        zoom: 12,
      }),
    );
    const box = (await page.locator('#map canvas').boundingBox())!;
    await page.locator('#map canvas').click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(() => form.locator('input[name=lat]').inputValue()).toMatch(/^6\.4/);
    await form.locator('button[type=submit]').click();
    await form.locator('.result.ok').waitFor({ timeout: 10_000 });
    expect(await form.locator('.result').textContent()).toContain('+66812345678');
    const card = page.locator('.volunteer-card', { hasText: 'อาสา ทดสอบ' });
    await card.waitFor({ timeout: 10_000 });
    const homes = await withMap(page, (map) => map.querySourceFeatures('volunteer-homes').length);
    expect(homes).toBeGreaterThan(0);
  });

  it('sends a test SMS and shows its delivery in words, then stops SMS to the volunteer', async () => {
    const card = page.locator('.volunteer-card', { hasText: 'อาสา ทดสอบ' });
    await card.locator('.test-alert').click();
    await expect
      .poll(() => card.locator('.test-alert-result').textContent(), { timeout: 10_000 })
      .toMatch(/(ส่งแล้ว|ถึงผู้รับแล้ว|รอส่ง|ไม่ได้ส่ง).*\d ส่วน/);
    await card.locator('.opt-out').click();
    await card.locator('.confirm-opt-out').click();
    await expect
      .poll(() => page.locator('.volunteer-card', { hasText: 'อาสา ทดสอบ' }).textContent(), { timeout: 10_000 })
      .toMatch(/หยุดรับ SMS แล้ว/);
    const { items } = await api<ApiPage<VolunteerProfile>>('/api/volunteers');
    expect(items.find((v) => v.name === 'อาสา ทดสอบ')?.status).toBe('opted_out');
  });

  it('shows the SMS log filtered by reason, with delivery in words', async () => {
    await page.locator('[role=tab][data-tab=alerts]').click();
    await page.locator('.alert-card').first().waitFor({ timeout: 10_000 });
    await page.locator('.alert-filters select[name=reason]').selectOption('test');
    await expect
      .poll(() =>
        page.locator('.alert-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.reason)),
      )
      .toEqual(['test']);
    expect(await page.locator('.alert-card .alert-outcome').first().textContent()).toMatch(/ส่วน/);
  });

  it('switches the console to English', async () => {
    await page.locator('button[data-lang=en]').click();
    await page.locator('[role=tab][data-tab=tips]').click();
    const labels = await page
      .locator('[role=tab], #tip-filters .label, #tip-filters button, .coord-bar button:not(.lang-button)')
      .allTextContents();
    expect(labels.filter((l) => THAI.test(l))).toEqual([]);
    expect(await page.locator('[role=tab][data-tab=tips]').textContent()).toBe('Tips');
    await page.locator('button[data-lang=th]').click();
  });

  it('has no serious or critical accessibility violations on a laptop', async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator(`.tip-row`).first().click();
    await page.locator('#tip-detail .status-form').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('[role=tab][data-tab=volunteers]').click();
    await page.locator('.volunteer-card').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('works on a phone: cards, the status control and volunteer actions on screen, no violations', async () => {
    const phone = await context.newPage();
    const phoneErrors = collectErrors(phone);
    await phone.setViewportSize(PHONE);
    await phone.goto(`${system.url}/coordinator`);
    // A new tab has its own sessionStorage: sign in again, as a coordinator on a phone would.
    await phone.locator('input[name=token]').fill(system.token);
    await phone.locator('.token-form button[type=submit]').click();
    await phone.locator('[role=tab][data-tab=tips]').waitFor({ timeout: 15_000 });
    await phone.locator('.tip-row').first().waitFor({ timeout: 20_000 });
    expect(await overflowsSideways(phone)).toBe(false);
    await phone.locator('.tip-row').first().click();
    const status = phone.locator('#tip-detail select[name=status]');
    await status.waitFor();
    await status.scrollIntoViewIfNeeded();
    const s = (await status.boundingBox())!;
    expect(s.x >= 0 && s.x + s.width <= PHONE.width).toBe(true);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.locator('[role=tab][data-tab=volunteers]').click();
    const test = phone.locator('.volunteer-card .test-alert').first();
    await test.waitFor();
    const b = (await test.boundingBox())!;
    expect(b.x >= 0 && b.x + b.width <= PHONE.width).toBe(true);
    expect(await overflowsSideways(phone)).toBe(false);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.close();
    errors.push(...phoneErrors);
  });

  it('logged no console error, page error or failed request beyond the 4xx the tests asked for', () => {
    expect(errors.filter((e) => !expected.some((re) => re.test(e)))).toEqual([]);
  });
});
