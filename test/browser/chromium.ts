/**
 * Headless Debian Chromium for browser tests, driven by playwright-core, with every console
 * error and page error collected so a test can demand zero of them.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where `.ci/run` (apt `chromium`) puts the browser; CHROMIUM_PATH overrides. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Software WebGL (SwiftShader) so MapLibre renders without a GPU; no background traffic. */
const ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium; the error says how to install it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/**
 * Collects console errors, page errors, failed requests and requests that leave the origin
 * of the page (the "same-origin only") of `page` into one list.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  let origin: string | undefined;
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) origin = url.origin;
    else if (origin && url.origin !== origin) errors.push(`off-origin request: ${req.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  return errors;
}
