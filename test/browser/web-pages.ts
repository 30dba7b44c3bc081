/**
 * What the browser tests ask of a page: a drawn map, accessibility findings from axe-core,
 * and the text a person sees. Shared by the public, patrol and coordinator view tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, injected into the page under test. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Phone and laptop viewports of the issue (390×844, 1366×850). */
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 850 };

/**
 * Waits until the map has loaded and drawn the province basemap, which means WebGL ran,
 * the worker loaded and the basemap file was served: a non-blank map.
 */
export async function waitForMap(page: Page, timeout = 40_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = (window as unknown as { phithak?: { map: import('maplibre-gl').Map } }).phithak?.map;
      return Boolean(map?.loaded() && map.queryRenderedFeatures({ layers: ['province-fill'] }).length > 0);
    },
    null,
    { timeout },
  );
}

/** Runs `fn` with the page's map (the debugging handle `window.phithak.map`). */
export function withMap<T>(page: Page, fn: (map: import('maplibre-gl').Map) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.phithak.map)`) as Promise<T>;
}

export interface AxeFinding {
  id: string;
  impact: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) allows it.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const res = await axe.run(document, { resultTypes: ['violations'] });
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: String(v.impact), nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

/** Whether anything sticks out past the right edge (a phone user would have to scroll sideways). */
export function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Thai script, for "is this label still Thai?". */
export const THAI = /[\u0E00-\u0E7F]/;
