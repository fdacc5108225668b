// Long use (issue #19): 10,000 answer changes across three assessments, made through the
// maturity radios of the full assessment as a user makes them, then a reload: every last
// answer is still there in each assessment. The JS heap (after a forced garbage collection)
// and the Wasm linear memory are printed before and after; they are bounded by generous limits
// that only a leak would pass (no timing is asserted).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../support/browser.mjs';

const CHANGES = 10_000;
const ASSESSMENTS = [
  { name: 'My organisation', clause: 5 },
  { name: 'Assessment 2', clause: 6 },
  { name: 'Assessment 3', clause: 8 },
];

let app;
before(async () => { app = await start(); });
after(async () => { await app?.close(); });

/** `n` answer changes on the open page: group after group, each click a level other than the
 *  checked one; the page renders every 20 clicks (a frame), as it would between a user's
 *  clicks. Returns the level checked in each group at the end. */
function changeAnswers(n) {
  const groups = {};
  for (const r of document.querySelectorAll('main fieldset.maturity input[type=radio]')) (groups[r.name] ??= []).push(r.id);
  const names = Object.keys(groups);
  if (!names.length) throw new Error('no maturity radio on the page');
  return (async () => {
    for (let i = 0; i < n; i++) {
      const ids = groups[names[i % names.length]];
      const radios = ids.map((id) => document.getElementById(id));
      const cur = Math.max(0, radios.findIndex((r) => r.checked));
      radios[(cur + 1 + (Math.floor(i / names.length) % (radios.length - 1))) % radios.length].click();
      if (i % 20 === 19) await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => requestAnimationFrame(r));
    const out = {};
    for (const r of document.querySelectorAll('main fieldset.maturity input[type=radio]:checked')) out[r.name] = r.value;
    return out;
  })();
}

function checkedLevels() {
  const out = {};
  for (const r of document.querySelectorAll('main fieldset.maturity input[type=radio]:checked')) out[r.name] = r.value;
  return out;
}

async function measure(page, cdp) {
  await app.settled(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
  return { js_heap_used: heap.usedSize, wasm_memory: wasm };
}

async function open(page, name, clause) {
  await page.evaluate(() => { location.hash = '#/data'; });
  await page.waitForSelector('.saved-item.is-open');
  const isOpen = (n) => document.querySelector('.saved-item.is-open .saved-name')?.textContent.startsWith(n);
  if (!(await page.evaluate(isOpen, name))) await page.click(`button[aria-label="Open “${name}”"]`);
  await page.waitForFunction((n) => document.querySelector('.saved-item.is-open .saved-name')?.textContent.startsWith(n), name);
  await page.evaluate((c) => { location.hash = `#/assessment/${c}`; }, clause);
  await page.waitForSelector('main fieldset.maturity input[type=radio]');
}

test('10,000 answer changes across three assessments, then a reload: nothing lost, memory bounded', async () => {
  const page = await app.context.newPage();
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; }));
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-cleared')) {
      localStorage.clear();
      sessionStorage.setItem('e2e-cleared', '1');
    }
  });
  await app.open('#/data', page);
  for (let k = 1; k < ASSESSMENTS.length; k++) {
    await page.click('#new-assessment');
    await page.waitForFunction((n) => document.querySelectorAll('.saved-item').length === n, k + 1);
  }
  const cdp = await app.context.newCDPSession(page);
  await open(page, ASSESSMENTS[0].name, ASSESSMENTS[0].clause);
  const start = await measure(page, cdp);

  const expected = [];
  const counts = [];
  let left = CHANGES;
  for (const [k, { name, clause }] of ASSESSMENTS.entries()) {
    await open(page, name, clause);
    const n = Math.ceil(left / (ASSESSMENTS.length - k));
    left -= n;
    counts.push(n);
    expected.push(await page.evaluate(changeAnswers, n));
    assert.ok(Object.keys(expected[k]).length >= 2, `several items answered in “${name}”`);
  }
  const end = await measure(page, cdp);

  await page.reload();
  await page.waitForSelector('main h1');
  // Every change reached the app: each one counts up the stored revision of its assessment.
  const revs = await page.evaluate(() => {
    const ns = 'aims-readiness:v1:';
    const index = JSON.parse(localStorage.getItem(`${ns}index`));
    return Object.fromEntries(index.assessments.map((e) => [e.name, JSON.parse(localStorage.getItem(`${ns}assessment:${e.id}`)).rev]));
  });
  for (const [k, { name, clause }] of ASSESSMENTS.entries()) {
    assert.ok(revs[name] >= counts[k], `“${name}”: revision ${revs[name]} after ${counts[k]} changes`);
    await open(page, name, clause);
    assert.deepEqual(await page.evaluate(checkedLevels), expected[k], `the answers of “${name}” after the reload`);
  }
  const mib = (b) => (b === null ? 'n/a' : `${(b / 1048576).toFixed(1)} MiB`);
  console.log(`soak: ${CHANGES} answer changes in ${ASSESSMENTS.length} assessments; JS heap ${mib(start.js_heap_used)} -> ${mib(end.js_heap_used)}, Wasm memory ${mib(start.wasm_memory)} -> ${mib(end.wasm_memory)}`);
  // Bounded: a leak of even a few hundred bytes per change would pass these limits.
  assert.ok(end.js_heap_used < start.js_heap_used + 8 * 1048576, `JS heap ${mib(start.js_heap_used)} -> ${mib(end.js_heap_used)}`);
  if (start.wasm_memory !== null) {
    assert.ok(end.wasm_memory <= start.wasm_memory + 8 * 1048576, `Wasm memory ${mib(start.wasm_memory)} -> ${mib(end.wasm_memory)}`);
  }
  assert.deepEqual(app.consoleErrors, []);
  await page.close();
});
