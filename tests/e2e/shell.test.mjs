// The app frame: loads cleanly, stays on its own origin, navigates, deep-links, is accessible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../support/browser.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.close(); });

test('start page loads with no console error and no foreign request', async () => {
  const page = await app.open();
  assert.equal(await page.textContent('main h1'), 'Start');
  assert.match(await page.textContent('footer'), /stays in this browser/);
  await app.screenshot(page, 'start');
  assert.deepEqual(app.consoleErrors, []);
  assert.deepEqual(app.foreign, []);
  await page.close();
});

test('navigation links change the page and mark the current one', async () => {
  const page = await app.open();
  const links = page.locator('nav[aria-label="Main"] a');
  const count = await links.count();
  assert.ok(count >= 6, `only ${count} navigation links`);
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    const name = (await link.textContent()).trim();
    await link.click();
    await page.waitForFunction((n) => document.querySelector('main h1')?.textContent === n
      || document.title.startsWith(n), name);
    assert.equal(await link.getAttribute('aria-current'), 'page', name);
  }
  await page.close();
});

test('a deep link opens directly and survives a reload on a plain static server', async () => {
  const page = await app.open('#/results');
  assert.equal(await page.textContent('main h1'), 'Results');
  await page.reload();
  await page.waitForSelector('main h1');
  assert.equal(await page.textContent('main h1'), 'Results');
  assert.match(await page.title(), /^Results · AIMS Readiness$/);
  await page.close();
});

test('an unknown route says so and links back', async () => {
  const page = await app.open('#/no-such-page');
  assert.equal(await page.textContent('main h1'), 'Page not found');
  await page.click('main a');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Start');
  await page.close();
});

test('axe-core finds no serious or critical violation on the start page', async () => {
  const page = await app.open();
  assert.deepEqual(await app.axe(page), []);
  await page.close();
});

test('the app fits a 360 px wide screen without horizontal scrolling', async () => {
  const page = await app.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await app.open('', page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await app.screenshot(page, 'start-360');
  await page.close();
});
