// Storage that went wrong outside the app, tried as a user would meet it: a broken list of
// assessments never hides the intact work saved beside it (web/src/storage.rs), and the notice
// that names the backup key fits a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../support/browser.mjs';

const NS = 'aims-readiness:v1:';

let app;
before(async () => { app = await start({ viewport: { width: 390, height: 800 } }); });
after(async () => { await app?.close(); });

test('garbage in the list of assessments: the list is rebuilt from the saved ones and the user is told', async () => {
  const page = await app.fresh('#/quick-scan');
  // Past the role and certificate questions to the first maturity question.
  for (let q = 1; q <= 2; q++) {
    await page.click('.qs-next');
    await page.waitForFunction((t) => document.querySelector('.progress-label')?.textContent.startsWith(t), `Question ${q + 1} of`);
  }
  await page.check('input[name^="qs-"][value="2"]');
  // A first visitor's answers are kept on their own until a build of the app takes them over
  // into an assessment (docs/performance.md, "First use"): a reload does.
  await page.waitForFunction(() => localStorage.getItem('aims-readiness:v2:quick-scan')?.includes(' 2\n'));
  await page.reload();
  await page.waitForSelector('html[data-build="quick"]', { state: 'attached' });
  // The answer is saved (at most 500 ms after the change).
  await page.waitForFunction((ns) => Object.keys(localStorage).some((k) => k.startsWith(`${ns}assessment:`)
    && localStorage.getItem(k).includes('"maturity":2')), NS);
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, `${NS}index`);
  const before = await app.storage(page);
  const [key] = Object.keys(before).filter((k) => k.startsWith(`${NS}assessment:`));
  // The garbage is written by an init script on the next load, after this tab's own last save
  // on `pagehide` (which would otherwise write a good index over it).
  await page.addInitScript((k) => {
    if (sessionStorage.getItem('e2e-garbage')) return;
    sessionStorage.setItem('e2e-garbage', '1');
    localStorage.setItem(k, 'garbage{');
  }, `${NS}index`);
  await page.reload();
  await page.waitForSelector('main h1');
  const rebuilt = page.locator('.notice', { hasText: 'was rebuilt from the 1 assessment found' });
  await rebuilt.waitFor();
  const bad = page.locator('.notice-bad', { hasText: 'could not be read' });
  const backupKey = Object.keys(await app.storage(page)).find((k) => k.startsWith(`${NS}index:backup:`));
  assert.ok(backupKey, 'the garbage is backed up');
  assert.ok((await bad.textContent()).includes(backupKey), 'the notice names the backup key');
  assert.equal((await app.storage(page))[backupKey], 'garbage{');
  // The notice wraps on a 390 px phone: the page is no wider than the screen.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width} px wide on a 390 px screen`);
  await app.screenshot(page, 'storage-rebuilt-390');
  // The saved assessment is listed and open, with its answer, unchanged in storage.
  assert.equal((await app.storage(page))[key], before[key]);
  await page.evaluate(() => { location.hash = '#/data'; });
  await page.waitForSelector('.saved-item');
  assert.equal(await page.locator('.saved-item').count(), 1);
  assert.match(await page.textContent('.saved-item.is-open .saved-meta'), / · [1-9]\d* of 70 answered$/);
  // The rebuilt list was saved: the next start reads it without a notice.
  await page.reload();
  await page.waitForSelector('.saved-item');
  assert.equal(await page.locator('.notice-bad').count(), 0);
  await page.close();
});

test('no console error and no request to another origin', () => {
  assert.deepEqual(app.consoleErrors, []);
  assert.deepEqual(app.foreign, []);
});
