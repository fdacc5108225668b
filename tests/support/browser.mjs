// Headless Debian Chromium driven by playwright-core, with a fresh profile per test, and a
// watch on every request (any origin other than the site's own fails the test) and on console
// errors and uncaught page errors.
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
export const DIST = process.env.AIMS_DIST ?? join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'screenshots');
const require = createRequire(import.meta.url);

/** Starts the static server and a browser. Call `close()` in `after`. */
export async function start({ headers, viewport = { width: 1280, height: 900 } } = {}) {
  const server = await serve(DIST, { headers });
  const profile = await mkdtemp(join(tmpdir(), 'aims-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run',
    ],
  });
  const origin = new URL(server.url).origin;
  const foreign = [];
  const consoleErrors = [];
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:', 'about:'].includes(u.protocol) && u.origin !== origin) foreign.push(r.url());
  });
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  await mkdir(SHOTS, { recursive: true });
  return {
    url: server.url,
    context,
    foreign,
    consoleErrors,
    /** A new page at `hash` (e.g. '#/results'), waiting until the app has rendered. */
    async open(hash = '', page) {
      page ??= await context.newPage();
      await page.goto(`${server.url}/${hash}`);
      // `data-ready`: "static" when the prerendered start page stays (web/boot.js), "app" once
      // the app (or a first visitor's quick-scan page, which lives in the prerendered page) has
      // rendered; a hidden prerendered heading never counts.
      await page.waitForFunction(() => {
        const { ready, page } = document.documentElement.dataset;
        return ready === 'app' || (ready === 'static' && page === 'start');
      });
      await page.waitForSelector('main h1:visible');
      return page;
    },
    /** A new tab whose storage is emptied once, before the app starts, then opened at `hash`
     *  (the tests share one browser profile). `setup(page)` runs first (listeners, routes). */
    async fresh(hash = '', { setup } = {}) {
      const page = await context.newPage();
      await setup?.(page);
      await page.addInitScript(() => {
        if (!sessionStorage.getItem('e2e-cleared')) {
          localStorage.clear();
          sessionStorage.setItem('e2e-cleared', '1');
        }
      });
      return this.open(hash, page);
    },
    /** Waits until every change is saved: the app marks `<html data-save-pending>` from a
     *  change until it is written (web/src/persist.rs), so no test pauses for a fixed time.
     *  Two animation frames first, so that a change just made has been rendered and marked. */
    async settled(page) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.waitForFunction(() => !document.documentElement.hasAttribute('data-save-pending'));
    },
    /** Everything the app keeps in localStorage, by key. */
    storage(page) {
      return page.evaluate(() => Object.fromEntries(
        Object.keys(localStorage).filter((k) => k.startsWith('aims-readiness:')).map((k) => [k, localStorage.getItem(k)])));
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    /** axe-core violations of impact serious or critical. axe is injected through the driver
     * (the site's CSP refuses inline scripts); the inline styles it sets while it measures are
     * refused and reported by the browser too: those reports are axe's, not the app's. */
    async axe(page) {
      const before = consoleErrors.length;
      await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const result = await page.evaluate(() => window.axe.run(document));
      const ours = consoleErrors.splice(before).filter((e) => !/inline style violates the following Content Security Policy directive 'style-src/.test(e));
      consoleErrors.push(...ours);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    },
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
