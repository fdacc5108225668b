// The ROI page and the Data page: ROI inputs drive the results and report their errors inline;
// saved assessments, export and import (round trip, malformed file, unknown id), reset; and the
// storage guarantees seen from the page (corrupt value, full storage, two tabs: deletes and
// answers merged item by item).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, ROOT } from '../support/browser.mjs';

const NS = 'aims-readiness:v1:';
const FIXTURE = join(ROOT, 'engine', 'tests', 'fixtures', 'techserve-month1.json');

let app;
before(async () => { app = await start(); });
after(async () => { await app?.close(); });


/** Waits until the app has written its index (the first save, at most 500 ms after a change). */
const saved = (page) => page.waitForFunction((k) => localStorage.getItem(k) !== null, `${NS}index`);

const currentId = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).current, `${NS}index`);

/** Picks a file for the import box. */
async function pick(page, name, text) {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function exportOpen(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-open')]);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text };
}

const npv = (page) => page.textContent('#roi-npv');

// ---- ROI ------------------------------------------------------------------------------------

test('ROI: editing an input changes the NPV shown, and the change is kept for the assessment', async () => {
  const page = await app.fresh('#/roi');
  await page.waitForSelector('.roi-summary[data-seq]');
  const before = await npv(page);
  assert.match(before, /USD/);
  assert.match(await page.textContent('.roi-summary'), /Estimate from stated assumptions/);
  await page.fill('#roi-benefits-contracts-per-year-likely', '3.5');
  await page.waitForFunction((b) => document.querySelector('#roi-npv')?.textContent !== b, before);
  const after = await npv(page);
  assert.notEqual(after, before);
  assert.match(await page.textContent('#roi-benefits-contracts-per-year-meta'), /Source: entered by the user/);
  // Kept per assessment under aims-readiness:v1:roi:<id>.
  await saved(page);
  const id = await currentId(page);
  const kept = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `${NS}roi:${id}`));
  assert.equal(kept.inputs.benefits.contracts_per_year.likely, 3.5);
  await page.reload();
  await page.waitForSelector('.roi-summary[data-seq]');
  assert.equal(await page.inputValue('#roi-benefits-contracts-per-year-likely'), '3.5');
  await page.waitForFunction((a) => document.querySelector('#roi-npv')?.textContent === a, after);
  await page.close();
});

test('ROI: a named further cost per year can be added, edited and removed', async () => {
  const page = await app.fresh('#/roi');
  await page.waitForSelector('.roi-summary[data-seq]');
  const before = await npv(page);
  await page.click('#roi-costs-add');
  await page.fill('#roi-costs-other-per-year-0--per-year-name', 'Legal review');
  await page.fill('#roi-costs-other-per-year-0--per-year-likely', '20000');
  const msg = page.locator('#roi-costs-other-per-year-0--per-year-error');
  await msg.waitFor();
  assert.match(await msg.textContent(), /low 0, likely 20000, high 0 are out of order/);
  await page.fill('#roi-costs-other-per-year-0--per-year-high', '30000');
  await page.waitForFunction((b) => !document.querySelector('.roi-summary.stale') && document.querySelector('#roi-npv')?.textContent !== b, before);
  assert.match(await page.textContent('.roi-other legend'), /Legal review/);
  await page.click('button[aria-label="Remove Legal review"]');
  await page.waitForFunction((b) => document.querySelector('#roi-npv')?.textContent === b, before);
  await page.close();
});

test('ROI: an invalid input shows the engine message next to it and the last results stay, marked out of date', async () => {
  const page = await app.fresh('#/roi');
  await page.waitForSelector('.roi-summary[data-seq]');
  const shown = await npv(page);
  await page.fill('#roi-costs-consulting-low', '-5');
  const msg = page.locator('#roi-costs-consulting-low-error');
  await msg.waitFor();
  assert.match(await msg.textContent(), /-5 is outside the accepted range; expected an amount from 0/);
  assert.equal(await page.getAttribute('#roi-costs-consulting-low', 'aria-invalid'), 'true');
  assert.match(await page.textContent('.roi-summary'), /Out of date/);
  assert.equal(await npv(page), shown, 'the last valid results stay');
  // low > likely: the message sits on the range.
  await page.fill('#roi-costs-consulting-low', '50000');
  const order = page.locator('#roi-costs-consulting-error');
  await order.waitFor();
  assert.match(await order.textContent(), /low 50000, likely 40000, high 200000 are out of order/);
  // Text that is not a number.
  await page.fill('#roi-horizon-months', '');
  assert.match(await page.textContent('#roi-horizon-months-error'), /Enter a number/);
  await page.fill('#roi-horizon-months', '130');
  assert.match(await page.textContent('#roi-horizon-months-error'), /130 is outside the accepted range; expected whole months from 12 to 120/);
  assert.deepEqual(await app.axe(page), [], 'axe with errors shown');
  // Reset to defaults asks once more, then clears every error.
  await page.click('text=Reset to defaults');
  await page.click('text=Yes, reset to defaults');
  await page.waitForFunction(() => !document.querySelector('.input-error') && !document.querySelector('.roi-summary.stale'));
  assert.equal(await page.inputValue('#roi-costs-consulting-low'), '0');
  assert.equal(await npv(page), shown);
  await page.close();
});

test('ROI: the implementation months come from the roadmap once the assessment has answers', async () => {
  const page = await app.fresh('#/data');
  await pick(page, 'techserve.json', await readFile(FIXTURE, 'utf8'));
  await page.click('text=Replace the open one');
  await page.click('nav >> text=ROI');
  await page.waitForSelector('.roi-summary[data-seq]');
  assert.match(await page.textContent('.roi-roadmap'), /From your assessment's roadmap/);
  assert.ok(!(await page.isEditable('#roi-schedule-implementation-months-likely')), 'read-only');
  assert.match(await page.textContent('#roi-schedule-implementation-months-meta'), /Set by your assessment's roadmap/);
  assert.equal(await page.inputValue('#roi-organisation-employees'), '120', 'headcount from the assessment');
  await page.close();
});

test('ROI: time from an input change to updated results (median of 10, 1x CPU)', async () => {
  const page = await app.fresh('#/roi');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.waitForSelector('.roi-summary[data-seq]');
  const totals = [], runs = [], frames = [];
  for (let i = 0; i < 10; i++) {
    const [total, run, frame] = await page.evaluate(async (seed) => {
      const input = document.querySelector('#roi-monte-carlo-seed');
      const before = document.querySelector('.roi-summary').dataset.seq;
      const t0 = performance.now();
      let frame = 0;
      requestAnimationFrame(() => { frame = performance.now() - t0; });
      input.value = String(seed);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const seen = () => document.querySelector('.roi-summary')?.dataset.seq !== before;
        const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); resolve(); } });
        obs.observe(document.querySelector('main'), { subtree: true, attributes: true, childList: true });
      });
      const total = performance.now() - t0;
      return [total, Number(document.querySelector('.roi-summary').dataset.ms), frame];
    }, 1000 + i);
    totals.push(total); runs.push(run); frames.push(frame);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`ROI input change → updated results: median ${median(totals).toFixed(1)} ms `
    + `(includes the 150 ms debounce; roi::run itself median ${median(runs).toFixed(1)} ms, `
    + `max ${Math.max(...runs).toFixed(1)} ms, 10,000 trials; keystroke to next frame median ${median(frames).toFixed(1)} ms)`);
  assert.ok(median(runs) < 50, `roi::run took ${median(runs)} ms`);
  await cdp.detach();
  await page.close();
});

test('ROI page: screenshots, axe, and no horizontal scroll at 360 px', async () => {
  const page = await app.fresh('#/roi');
  await page.waitForSelector('.roi-summary[data-seq]');
  await page.waitForSelector('.roi-charts svg.tornado');
  await app.screenshot(page, 'roi');
  assert.deepEqual(await app.axe(page), []);
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `ROI page is ${overflow}px wider than the screen`);
  await app.screenshot(page, 'roi-360');
  await page.close();
});

// ---- Data: saved assessments ------------------------------------------------------------------

test('saved assessments: new, rename (Enter saves, Escape cancels), duplicate, delete with undo, open', async () => {
  const page = await app.fresh('#/data');
  const names = () => page.locator('.saved-name').allTextContents();
  await page.click('#new-assessment');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 2);
  assert.match((await names())[1], /Assessment 2\s*open/);

  await page.click('button[aria-label="Rename “Assessment 2”"]');
  const field = page.locator('.rename input');
  await field.waitFor();
  // Focus moves to the name field once the render has put it in the page.
  await page.waitForFunction(() => document.activeElement?.matches('.rename input'));
  await field.fill('Pilot <b>bold</b>');
  await field.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('.saved-name')].some((h) => h.textContent.startsWith('Pilot <b>bold</b>')));
  await page.click('button[aria-label="Rename “Pilot <b>bold</b>”"]');
  await page.locator('.rename input').fill('Not this');
  await page.locator('.rename input').press('Escape');
  await page.waitForSelector('.rename', { state: 'detached' });
  assert.ok((await names()).some((n) => n.startsWith('Pilot <b>bold</b>')), 'Escape keeps the old name');
  assert.equal(await page.locator('.saved-name b').count(), 0, 'a typed name is text, never HTML');

  await page.click('button[aria-label="Duplicate “Pilot <b>bold</b>”"]');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 3);
  assert.match((await names())[2], /Pilot <b>bold<\/b> \(copy\)\s*open/);

  await page.click('button[aria-label="Delete “Pilot <b>bold</b> (copy)”"]');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 2);
  assert.match(await page.textContent('.notices'), /Deleted “Pilot <b>bold<\/b> \(copy\)”/);
  await page.click('.notices >> text=Undo');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 3);

  await page.click('button[aria-label="Open “My organisation”"]');
  await page.waitForFunction(() => document.querySelector('.saved-item.is-open .saved-name')?.textContent.startsWith('My organisation'));
  assert.match(await page.textContent('.saved-item.is-open .saved-meta'), / · 0 of 70 answered$/);
  const metas = await page.locator('.saved-meta').allTextContents();
  assert.ok(metas.some((m) => /^Last saved \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/.test(m)), metas.join(' | '));
  await page.close();
});

test('organisation details are edited in a form and kept', async () => {
  const page = await app.fresh('#/data');
  await page.fill('#org-name', 'Acme AI Ltd');
  await page.fill('#org-employees', '0');
  assert.match(await page.textContent('#org-employees-error'), /0 is not a headcount/);
  await page.fill('#org-employees', '40');
  await page.check('#org-cert-27001');
  await page.fill('#org-people', '3');
  await page.fill('#org-share', '1.5');
  assert.match(await page.textContent('#org-share-error'), /1.5 is not a share of working time/);
  await page.fill('#org-share', '0.5');
  await page.waitForFunction((k) => {
    const raw = localStorage.getItem(k);
    return raw && JSON.parse(raw).assessments.some((e) => e.name === 'Acme AI Ltd');
  }, `${NS}index`);
  await app.settled(page);
  await page.reload();
  await page.waitForSelector('#org-name');
  assert.equal(await page.inputValue('#org-name'), 'Acme AI Ltd');
  assert.equal(await page.inputValue('#org-employees'), '40');
  assert.ok(await page.isChecked('#org-cert-27001'));
  assert.ok(!(await page.isChecked('#org-cert-9001')));
  assert.equal(await page.inputValue('#org-people'), '3');
  assert.equal(await page.inputValue('#org-share'), '0.5');
  await page.close();
});

// ---- Data: export and import ------------------------------------------------------------------

test('export then import gives an identical assessment', async () => {
  const page = await app.fresh('#/data');
  await pick(page, 'techserve-month1.json', await readFile(FIXTURE, 'utf8'));
  await page.waitForSelector('.import-ready');
  assert.match(await page.textContent('.import-ready'), /valid ISO\/IEC 42001 assessment of “TechServe Solutions” with 70 answers/);
  await page.click('text=Import as a new assessment');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 2);
  await page.fill('#org-name', 'Acme AI Ltd');
  await page.check('#org-cert-9001');
  await page.fill('#org-people', '2.5');

  const first = await exportOpen(page);
  assert.match(first.name, /^acme-ai-ltd-\d{4}-\d{2}-\d{2}\.json$/);
  const a = JSON.parse(first.text);
  assert.equal(a.format, 'aims-assessment');
  assert.equal(a.organisation.name, 'Acme AI Ltd');
  assert.deepEqual(a.organisation.certifications, ['ISO/IEC 27001', 'ISO 9001']);
  assert.equal(a.planning.people, 2.5);
  assert.equal(Object.keys(a.answers).length, 70);

  // As a new assessment …
  await pick(page, first.name, first.text);
  await page.click('text=Import as a new assessment');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 3);
  assert.match(await page.textContent('.saved-item.is-open'), /Acme AI Ltd/);
  const second = await exportOpen(page);
  assert.equal(second.text, first.text, 'import as new, then export: identical');

  // … and replacing the open one (after changing it).
  await page.fill('#org-name', 'Changed');
  await pick(page, first.name, first.text);
  await page.click('text=Replace the open one');
  await page.waitForFunction(() => document.querySelector('#org-name').value === 'Acme AI Ltd');
  const third = await exportOpen(page);
  assert.equal(third.text, first.text, 'replace, then export: identical');
  assert.equal(await page.locator('.saved-item').count(), 3, 'replacing adds nothing');
  await page.close();
});

test('importing a malformed file shows the error with line and column and changes nothing', async () => {
  const page = await app.fresh('#/data');
  await page.fill('#org-name', 'Kept');
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('Kept'), `${NS}index`);
  await app.settled(page);
  const before = await app.storage(page);
  await pick(page, 'broken.json', '{\n  "format": "aims-assessment",\n  "version": 1,\n  oops\n}\n');
  const box = page.locator('.import-result');
  await box.waitFor();
  const text = await box.textContent();
  assert.match(text, /broken\.json cannot be imported\. Nothing was changed\./);
  assert.match(text, /Line 4, column 3/);
  assert.match(text, /not valid JSON at line 4, column 3/);
  assert.equal(await page.locator('text=Import as a new assessment').count(), 0, 'no way to import it');
  await app.settled(page);
  assert.deepEqual(await app.storage(page), before, 'storage unchanged');
  assert.equal(await page.inputValue('#org-name'), 'Kept');
  assert.deepEqual(await app.axe(page), [], 'axe with the error shown');
  await page.close();
});

test('a file with an unknown id shows the nearest valid id and changes nothing', async () => {
  const page = await app.fresh('#/data');
  await saved(page);
  await app.settled(page);
  const before = await app.storage(page);
  const file = JSON.stringify({
    format: 'aims-assessment', version: 1, framework: 'iso42001',
    organisation: { name: 'Typo Ltd', employes: 12 },
    answers: { '5.2': 3, 'A.4.1': { maturity: 2 } },
  }, null, 2);
  await pick(page, 'typo.json', file);
  const box = page.locator('.import-result');
  await box.waitFor();
  const text = await box.textContent();
  assert.match(text, /typo\.json has 1 error, so nothing was imported/);
  assert.match(text, /Answer “A\.4\.1”/);
  assert.match(text, /did you mean A\.4\.2\?/);
  assert.match(text, /Other fields.*organisation\.employes.*did you mean "employees"/s);
  await app.settled(page);
  assert.deepEqual(await app.storage(page), before, 'storage unchanged');
  assert.equal(await page.locator('.saved-item').count(), 1);
  await app.screenshot(page, 'data-import-errors');
  await page.close();
});

test('Data page: screenshot and axe', async () => {
  const page = await app.fresh('#/data');
  await page.fill('#org-name', 'TechServe Solutions');
  await page.fill('#org-employees', '120');
  await page.check('#org-cert-27001');
  await page.click('#new-assessment');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 2);
  await page.click('button[aria-label="Open “TechServe Solutions”"]');
  await page.waitForSelector('.saved-item.is-open >> text=TechServe Solutions');
  await app.screenshot(page, 'data');
  assert.deepEqual(await app.axe(page), []);
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `Data page is ${overflow}px wider than the screen`);
  await app.screenshot(page, 'data-360');
  await page.close();
});

test('reset deletes all saved data after a typed confirmation, with export offered first', async () => {
  const page = await app.fresh('#/roi');
  await page.waitForSelector('.roi-summary[data-seq]');
  await page.fill('#roi-discount-rate-percent', '10');
  await page.click('nav >> text=Your data');
  await page.click('#new-assessment');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 2);
  // The ROI page's inputs are saved (within the save delay).
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes(':roi:')));
  await page.click('#reset-start');
  // Keyboard users land on the confirmation field once it is rendered.
  await page.waitForFunction(() => document.activeElement?.id === 'reset-confirm-word');
  assert.equal(await page.locator('.reset-exports button').count(), 2, 'an export per saved assessment');
  assert.ok(await page.isDisabled('#reset-confirm'));
  await page.fill('#reset-confirm-word', 'delete?');
  assert.ok(await page.isDisabled('#reset-confirm'));
  await page.fill('#reset-confirm-word', 'DELETE');
  await page.click('#reset-confirm');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 1);
  assert.match(await page.textContent('.notices'), /All saved data was deleted/);
  // The fresh assessment is saved (within the save delay); nothing else comes back.
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.includes(':assessment:')).length === 1);
  const keys = Object.keys(await app.storage(page));
  assert.ok(!keys.some((k) => k.includes(':roi:') || k.includes(':backup:')), keys.join(', '));
  assert.equal(keys.filter((k) => k.includes(':assessment:')).length, 1, keys.join(', '));
  await page.close();
});

// ---- Storage guarantees -------------------------------------------------------------------------

test('corrupt storage: a notice, a backup key, a download of the raw text, and the app still works', async () => {
  const page = await app.fresh('#/data');
  await saved(page);
  await app.settled(page);
  // The value is written by an init script on the next load, after this tab's own last save on
  // `pagehide` (which would otherwise write a good index over it).
  await page.addInitScript(() => {
    const pending = sessionStorage.getItem('e2e-corrupt');
    if (pending) {
      const [k, v] = JSON.parse(pending);
      localStorage.setItem(k, v);
      sessionStorage.removeItem('e2e-corrupt');
    }
  });
  for (const which of ['index', 'assessment']) {
    const key = which === 'index' ? `${NS}index` : `${NS}assessment:${await currentId(page)}`;
    const raw = `{"version": 1, "broken": ${key.length}`;
    await page.evaluate((kv) => sessionStorage.setItem('e2e-corrupt', JSON.stringify(kv)), [key, raw]);
    await page.reload();
    await page.waitForSelector('main h1');
    const notice = page.locator('.notice-bad', { hasText: 'could not be read' }).first();
    await notice.waitFor();
    assert.match(await notice.textContent(), /not valid JSON/);
    const backups = Object.entries(await app.storage(page)).filter(([k]) => k.startsWith(`${key}:backup:`));
    assert.equal(backups.length, 1, `backup of ${key}`);
    assert.equal(backups[0][1], raw);
    const [download] = await Promise.all([page.waitForEvent('download'), notice.locator('text=Download the unreadable data').click()]);
    assert.equal(await readFile(await download.path(), 'utf8'), raw);
    // Still usable: an edit is saved.
    await page.fill('#org-name', `After ${key.length}`);
    await page.waitForFunction(([ns, name]) => Object.keys(localStorage)
      .some((k) => k.startsWith(`${ns}assessment:`) && !k.includes(':backup:') && localStorage.getItem(k).includes(name)),
    [NS, `After ${key.length}`]);
    await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.includes(':backup:')).forEach((x) => localStorage.removeItem(x)), key);
  }
  await page.close();
});

test('corrupt ROI inputs: a notice and a backup; the page starts from the defaults', async () => {
  const page = await app.fresh('#/roi');
  await page.waitForSelector('.roi-summary[data-seq]');
  await saved(page);
  const id = await currentId(page);
  await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"inputs":'), `${NS}roi:${id}`);
  await page.reload();
  await page.waitForSelector('.roi-summary[data-seq]');
  await page.locator('.notice-bad', { hasText: 'could not be read' }).waitFor();
  const keys = Object.keys(await app.storage(page));
  assert.ok(keys.some((k) => k.startsWith(`${NS}roi:${id}:backup:`)), keys.join(', '));
  // No answers: the default schedule certifies in month 10, and the horizon is the cycle after it.
  assert.equal(await page.inputValue('#roi-horizon-months'), '46');
  await page.close();
});

test('full storage: a visible "not saved" notice and the app keeps working', async () => {
  const page = await app.context.newPage();
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).startsWith('aims-readiness:v1:')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await app.open('#/data', page);
  await page.fill('#org-name', 'Only in memory');
  const notice = page.locator('.notice', { hasText: 'Not saved' }).first();
  await notice.waitFor();
  assert.match(await notice.textContent(), /storage for this site is full/);
  assert.equal(await notice.getAttribute('role'), 'alert');
  // Still working: the edit shows, the ROI computes, export works.
  assert.equal(await page.inputValue('#org-name'), 'Only in memory');
  const { text } = await exportOpen(page);
  assert.equal(JSON.parse(text).organisation.name, 'Only in memory');
  await page.click('nav >> text=ROI');
  await page.waitForSelector('.roi-summary[data-seq]');
  await page.fill('#roi-discount-rate-percent', '12');
  await page.waitForSelector('.roi-summary[data-seq="2"]');
  await page.close();
});

test('storage nearly full: the user is told before a save fails, with what to do', async () => {
  const page = await app.fresh('#/data');
  await saved(page);
  // Another part of the site fills 4.1 million of the roughly 5 million characters a browser keeps.
  await page.evaluate(() => localStorage.setItem('e2e-filler', 'x'.repeat(4_100_000)));
  await page.reload();
  await page.waitForSelector('#org-name');
  await page.fill('#org-name', 'Nearly full');
  const notice = page.locator('.notice', { hasText: 'Storage nearly full' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /about 8\d% of what browsers usually keep.*Export everything/s);
  // The save itself succeeded: the warning comes before any failure.
  assert.equal(await page.locator('.notice', { hasText: 'Not saved' }).count(), 0);
  await page.fill('#org-name', 'Nearly full, again');
  await app.settled(page);
  assert.equal(await notice.count(), 1, 'told once');
  await page.evaluate(() => localStorage.removeItem('e2e-filler'));
  await page.close();
});

test('export everything, reset, import everything: the same assessments with their names and ROI inputs', async () => {
  const page = await app.fresh('#/data');
  await page.fill('#org-name', 'First Ltd');
  await page.click('nav >> text=ROI');
  await page.waitForSelector('.roi-summary[data-seq]');
  await page.fill('#roi-discount-rate-percent', '12');
  await page.click('nav >> text=Your data');
  await page.click('#new-assessment');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 2);
  await page.fill('#org-name', 'Second “<b>” Ltd');
  await app.settled(page);
  const exportAll = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#backup-export')]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  const first = await exportAll();
  assert.match(first.name, /^aims-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(first.text);
  assert.equal(backup.format, 'aims-backup');
  assert.deepEqual(backup.assessments.map((a) => a.name), ['First Ltd', 'Second “<b>” Ltd']);
  assert.ok(backup.assessments[0].roi, 'the ROI inputs are in the backup');
  // Picked in the box for one assessment, a backup is refused there, pointing to its own box.
  await pick(page, first.name, first.text);
  await page.locator('.import-result', { hasText: 'is a backup of every assessment' }).waitFor();
  assert.match(await page.textContent('.import-result'), /under “Everything at once” below\. Nothing was changed\./);

  // Reset everything, then import the backup: each comes back as a new assessment.
  await page.click('#reset-start');
  await page.waitForFunction(() => document.activeElement?.id === 'reset-confirm-word');
  await page.keyboard.type('DELETE');
  await page.click('#reset-confirm');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 1);
  await page.setInputFiles('#backup-file', { name: first.name, mimeType: 'application/json', buffer: Buffer.from(first.text) });
  await page.locator('.backup-box .import-result').waitFor();
  assert.match(await page.textContent('.backup-box .import-result'), /is a backup of 2 assessments/);
  await page.click('#backup-import');
  await page.waitForFunction(() => document.querySelectorAll('.saved-item').length === 3);
  assert.match(await page.textContent('.notices'), /Imported 2 assessments from the backup/);
  await app.settled(page);
  await page.reload();
  await page.waitForSelector('.saved-item');
  const again = JSON.parse((await exportAll()).text);
  // The fresh assessment the reset left comes first; the imported ones are unchanged.
  assert.deepEqual(again.assessments.slice(1), backup.assessments);

  // A damaged backup is refused whole, naming the field; nothing is added.
  const bad = JSON.parse(first.text);
  bad.assessments[1].assessment.answers = { 'A.4.1': 2 };
  await page.setInputFiles('#backup-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.locator('.backup-box .import-result', { hasText: 'cannot be imported' }).waitFor();
  assert.match(await page.textContent('.backup-box .import-result'), /field "assessments\[1\]\.assessment\.answers\.A\.4\.1\.id".*Nothing was changed/s);
  assert.equal(await page.locator('.saved-item').count(), 3);
  assert.deepEqual(await app.axe(page), [], 'axe with the backup box');
  await page.close();
});

/** The maturity stored for item `item` of the open assessment (undefined when unrated). */
const storedMaturity = (page, item) => page.evaluate(([ns, item]) => {
  const id = JSON.parse(localStorage.getItem(`${ns}index`)).current;
  const v = JSON.parse(localStorage.getItem(`${ns}assessment:${id}`) ?? '{"assessment":{}}').assessment.answers?.[item];
  return typeof v === 'number' ? v : v?.maturity;
}, [NS, item]);

/** Two tabs on the same assessment, the second opened once the first has saved its list. */
async function twoTabs(hashA, hashB) {
  const a = await app.fresh(hashA);
  await saved(a);
  const b = await app.open(hashB);
  return [a, b];
}

const checked = (page, sel) => page.waitForFunction((s) => document.querySelector(s)?.checked === true, sel);

test('two tabs: an assessment deleted in one does not come back in the other, after it saves and after a reload', async () => {
  const a = await app.fresh('#/data');
  await a.click('#new-assessment');
  await a.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').assessments?.length === 2, `${NS}index`);
  const id = await currentId(a);
  const b = await app.open('#/data');
  await b.waitForFunction(() => document.querySelectorAll('.saved-item').length === 2);

  // A deletes the assessment open in both tabs; B drops it too and opens the one left.
  await a.click('button[aria-label="Delete “Assessment 2”"]');
  await b.waitForFunction(() => document.querySelectorAll('.saved-item').length === 1);
  assert.match(await b.textContent('.notices'), /“Assessment 2” was deleted in another tab/);
  assert.match(await b.textContent('.saved-item.is-open .saved-name'), /^My organisation/);

  // B saves: its list still lacks it, the tombstone stays, the assessment is not written back.
  await b.fill('#org-name', 'Saved in tab B');
  await b.waitForFunction(([ns]) => {
    const index = JSON.parse(localStorage.getItem(`${ns}index`));
    return localStorage.getItem(`${ns}assessment:${index.current}`)?.includes('Saved in tab B');
  }, [NS]);
  const index = JSON.parse(await b.evaluate((k) => localStorage.getItem(k), `${NS}index`));
  assert.deepEqual(index.assessments.map((e) => e.name), ['Saved in tab B']);
  assert.deepEqual(index.deleted.map((t) => t.id), [id]);
  assert.equal(await b.evaluate((k) => localStorage.getItem(k), `${NS}assessment:${id}`), null);
  assert.deepEqual((await a.locator('.saved-name').allTextContents()).filter((n) => n.startsWith('Assessment 2')), []);

  // After a reload, neither tab lists it.
  for (const p of [a, b]) {
    await p.reload();
    await p.waitForSelector('.saved-item');
    assert.equal(await p.locator('.saved-item').count(), 1);
  }
  await a.close();
  await b.close();
});

test('two tabs: a rename in one is followed by the other, and the other tab\'s next save keeps it', async () => {
  const a = await app.fresh('#/data');
  await a.click('#new-assessment');
  await a.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').assessments?.length === 2, `${NS}index`);
  const b = await app.open('#/data');
  await b.waitForFunction(() => document.querySelectorAll('.saved-item').length === 2);

  // A renames "Assessment 2" (open in both tabs); B's list shows the new name without a reload.
  await a.click('button[aria-label="Rename “Assessment 2”"]');
  await a.locator('.rename input').fill('Renamed in tab A');
  await a.locator('.rename input').press('Enter');
  await b.waitForFunction(() => [...document.querySelectorAll('.saved-name')].some((h) => h.textContent.startsWith('Renamed in tab A')));

  // B then saves (an edit of the open assessment): the stored list keeps A's name.
  await b.fill('#org-employees', '12');
  await app.settled(b);
  const stored = JSON.parse(await b.evaluate((k) => localStorage.getItem(k), `${NS}index`));
  assert.deepEqual(stored.assessments.map((e) => e.name).sort(), ['My organisation', 'Renamed in tab A']);

  // B renames it back later: A follows in turn; after a reload both tabs list B's name.
  await b.click('button[aria-label="Rename “Renamed in tab A”"]');
  await b.locator('.rename input').fill('Renamed in tab B');
  await b.locator('.rename input').press('Enter');
  await a.waitForFunction(() => [...document.querySelectorAll('.saved-name')].some((h) => h.textContent.startsWith('Renamed in tab B')));
  await app.settled(a);
  for (const p of [a, b]) {
    await p.reload();
    await p.waitForSelector('.saved-item');
    const names = await p.locator('.saved-name').allTextContents();
    assert.ok(names.some((n) => n.startsWith('Renamed in tab B')), names.join(' | '));
    assert.ok(!names.some((n) => n.startsWith('Renamed in tab A') || n.startsWith('Assessment 2')), names.join(' | '));
  }
  await a.close();
  await b.close();
});

test('two tabs rate different items at the same time: both answers survive in both tabs and in storage', async () => {
  const [a, b] = await twoTabs('#/assessment/5', '#/assessment/6');
  await Promise.all([
    a.click('label[for="item-5-2-maturity-2"]'),
    b.click('label[for="item-6-1-2-maturity-3"]'),
  ]);
  await b.waitForFunction(([ns]) => {
    const id = JSON.parse(localStorage.getItem(`${ns}index`)).current;
    const answers = JSON.parse(localStorage.getItem(`${ns}assessment:${id}`) ?? '{"assessment":{}}').assessment.answers ?? {};
    return '5.2' in answers && '6.1.2' in answers;
  }, [NS]);
  assert.equal(await storedMaturity(b, '5.2'), 2);
  assert.equal(await storedMaturity(b, '6.1.2'), 3);
  // Each tab shows the other's answer without a reload.
  await a.evaluate(() => { location.hash = '#/assessment/6'; });
  await checked(a, '#item-6-1-2-maturity-3');
  await b.evaluate(() => { location.hash = '#/assessment/5'; });
  await checked(b, '#item-5-2-maturity-2');
  // And keep their own.
  await a.evaluate(() => { location.hash = '#/assessment/5'; });
  await checked(a, '#item-5-2-maturity-2');
  await a.close();
  await b.close();
});

test('two tabs rate the same item at the same time: the later save wins and the other tab is told', async () => {
  const [a, b] = await twoTabs('#/assessment/5', '#/assessment/5');
  await Promise.all([
    a.click('label[for="item-5-2-maturity-2"]'),
    b.click('label[for="item-5-2-maturity-4"]'),
  ]);
  const told = (p) => p.locator('.notice', { hasText: 'Your change to 5.2 was replaced by a later change made in another tab' });
  await Promise.race([told(a).waitFor(), told(b).waitFor()]);
  const loser = (await told(a).count()) ? a : b;
  const winner = loser === a ? b : a;
  const won = loser === a ? 4 : 2;
  // The losing tab shows the winning answer, and so does storage.
  await checked(loser, `#item-5-2-maturity-${won}`);
  await checked(winner, `#item-5-2-maturity-${won}`);
  await winner.waitForFunction(([ns, won]) => {
    const id = JSON.parse(localStorage.getItem(`${ns}index`)).current;
    const v = JSON.parse(localStorage.getItem(`${ns}assessment:${id}`)).assessment.answers['5.2'];
    return (typeof v === 'number' ? v : v?.maturity) === won;
  }, [NS, won]);
  assert.equal(await storedMaturity(winner, '5.2'), won);
  assert.equal(await told(winner).count(), 0, 'the tab whose answer won is not told it lost');
  await a.close();
  await b.close();
});

test('no console error and no foreign request on these pages', () => {
  assert.deepEqual(app.consoleErrors, []);
  assert.deepEqual(app.foreign, []);
});
