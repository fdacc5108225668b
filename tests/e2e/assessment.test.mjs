// The quick scan and the full assessment: keyboard-only quick scan to its end screen, answers
// carried into the full assessment, persistence across a reload, the justified exclusion of an
// Annex A control, the NIST AI RMF questionnaire, accessibility, 360 px, and the time from a
// maturity click to the next frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, ROOT } from '../support/browser.mjs';

let app;
let fresh;

/** Waits until a saved assessment's stored JSON contains `fragment`: the app saves at most
 * 500 ms after a change, so this waits on the save itself rather than a fixed time. */
const savedWith = (page, fragment) => page.waitForFunction((f) => Object.keys(localStorage)
  .some((k) => k.startsWith('aims-readiness:v1:assessment:') && !k.includes(':backup:') && localStorage.getItem(k).includes(f)),
fragment);
/** `text` as it appears inside a JSON string. */
const inJson = (text) => JSON.stringify(text).slice(1, -1);
/** The quick-scan questions' items, from the catalog data the engine is built from. */
let questions;

before(async () => {
  app = await start();
  const text = await readFile(join(ROOT, 'engine', 'data', 'quick-scan.txt'), 'utf8');
  // One entry per question: its items (none for the role and certificate questions).
  questions = text.split(/\n(?=\[)/)
    .filter((b) => b.startsWith('['))
    .map((b) => {
      const items = b.split('\n').find((l) => l.startsWith('items'));
      return items ? items.split('=')[1].split(',').map((s) => s.trim()) : [];
    });
});
after(async () => {
  await app?.close();
  await fresh?.close();
});

/** `A.6.1.2` → the element id part `A-6-1-2`. */
const dom = (id) => id.replaceAll('.', '-');
const active = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el?.tagName, id: el?.id, type: el?.type, cls: el?.className ?? '', text: el?.textContent?.trim() };
});

/** Presses Tab until `pred(activeElement)` holds (at most `max` times). */
async function tabUntil(page, pred, what, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (pred(await active(page))) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

// What the keyboard user answers to each question: a level 0-5, an option `o<k>` of the role
// and certificate questions, or 'skip'.
const PLAN = ['o0', 'o3', 1, 2, 0, 1, 'skip', 2, 1, 0, 3, 2, 1, 1, 2, 0, 4, 1, 2, 1, 2, 1, 3, 2, 1];
const SKIPPED = PLAN.indexOf('skip');

/** Chooses `plan` in the focused radio group by keyboard (Space on the first, arrows after). */
async function choose(page, plan, i) {
  const focused = await active(page);
  assert.equal(focused.type, 'radio', `question ${i + 1} starts in the radio group`);
  const k = typeof plan === 'number' ? plan : Number(plan.slice(1));
  if (k === 0) await page.keyboard.press('Space');
  for (let j = 0; j < k; j++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.isChecked(`input[name^="qs-"][value="${plan}"]`), true, `question ${i + 1} answered ${plan}`);
}

test('the quick scan is completed by keyboard only; the band waits for every answer', async () => {
  assert.equal(questions.length, PLAN.length, 'one planned answer per question');
  const page = await app.open('#/quick-scan');
  const n = questions.length;
  assert.ok(n <= 25, `${n} questions: the quick scan stays short`);
  assert.equal(await page.textContent('.progress-label'), `Question 1 of ${n} · 0 answered`);
  assert.match(await page.textContent('#qs-question'), /role for AI/);
  assert.equal(await page.getAttribute('progress#qs-progress', 'value'), '1');
  assert.equal(await page.getAttribute('progress#qs-progress', 'max'), String(n));
  assert.deepEqual(await app.axe(page), [], 'axe on a quick-scan question');

  // Into the radio group from the top of the page.
  await tabUntil(page, (a) => a.type === 'radio', 'the first option');
  for (const [i, plan] of PLAN.entries()) {
    const question = await page.textContent('#qs-question');
    if (plan === 'skip') {
      await tabUntil(page, (a) => a.cls.includes('qs-skip'), '"Not sure / skip"', 5);
      await page.keyboard.press('Space');
    } else {
      await choose(page, plan, i);
      if (i === 2) await app.screenshot(page, 'quick-scan');
      await page.keyboard.press('Enter');
    }
    if (i + 1 < n) {
      await page.waitForFunction((q) => document.querySelector('#qs-question')?.textContent !== q, question);
      assert.match(await page.textContent('.progress-label'), new RegExp(`^Question ${i + 2} of ${n}`));
      assert.equal((await active(page)).id, 'qs-question', 'focus moves to the question heading');
      await page.keyboard.press('Tab');
    }
  }
  // One question skipped: no band and no verdict, but what is missing.
  await page.waitForSelector('.qs-end');
  assert.equal((await active(page)).id, 'qs-end-h', 'focus moves to the end screen heading');
  assert.equal(await page.textContent('#qs-end-h'), `${n - 1} of ${n} answered`);
  assert.equal(await page.locator('.qs-end .band').count(), 0, 'no band before every answer');
  assert.equal(await page.locator('.qs-end .verdict').count(), 0, 'no verdict before every answer');
  assert.deepEqual(await app.axe(page), [], 'axe on the incomplete end screen');
  // Back to the skipped question from the list, answer it, and the result follows.
  await tabUntil(page, (a) => a.cls.includes('qs-unanswered'), 'the unanswered question', 10);
  assert.match((await active(page)).text, new RegExp(`^Question ${SKIPPED + 1}:`));
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('.progress-label')?.textContent.startsWith(t), `Question ${SKIPPED + 1} of`);
  await page.keyboard.press('Tab');
  await choose(page, 1, SKIPPED);
  await page.keyboard.press('Enter');

  await page.waitForSelector('.qs-end .band');
  assert.equal((await active(page)).id, 'qs-end-h', 'focus moves to the end screen heading');
  const band = (await page.textContent('.band-label')).trim();
  assert.ok(['Early stage', 'Developing', 'Nearly ready', 'Ready for audit'].includes(band), band);
  assert.match(await page.textContent('.band-score'), /Readiness score \d+%/);
  assert.match(await page.textContent('.qs-end'), /Indicative/);
  assert.match(await page.textContent('.qs-end .verdict'), /nonconformit|certification/);
  const gaps = page.locator('.qs-gap');
  assert.equal(await gaps.count(), 3);
  for (let i = 0; i < 3; i++) {
    assert.match(await gaps.nth(i).textContent(), /Maturity \d.*level 3/);
    assert.ok((await gaps.nth(i).locator('.gap-action').textContent()).length > 20);
  }
  assert.equal(await page.getAttribute('text=See full results', 'href'), '#/results');
  await app.screenshot(page, 'quick-scan-end');
  assert.deepEqual(await app.axe(page), [], 'axe on the quick-scan end screen');

  // Still by keyboard: on into the full assessment.
  await tabUntil(page, (a) => a.text === 'Continue with the full assessment', 'the call to action', 10);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#section-h');
  assert.equal(await page.textContent('main h1'), 'Full assessment');
  await page.close();
});

test('the quick-scan answers appear in the full assessment and the scan resumes', async () => {
  const page = await app.open('#/assessment/4');
  assert.equal(await page.textContent('#assessment-progress-label'), '70 of 70 answered');
  // The items of question `q` shown in the open section have its answer.
  const check = async (q, level = PLAN[q]) => {
    let seen = 0;
    for (const item of questions[q]) {
      const radio = `[id="item-${dom(item)}-maturity-${level}"]`;
      if (await page.locator(radio).count() === 0) continue;
      assert.equal(await page.isChecked(radio), true, `${item} at ${level}`);
      seen += 1;
    }
    assert.ok(seen > 0, `question ${q + 1} has items in this section`);
  };
  await check(2); // clause 4
  await page.click('.section-list a[href="#/assessment/A.2"]');
  await page.waitForFunction(() => document.querySelector('#section-h')?.textContent.startsWith('A.2'));
  assert.equal((await active(page)).id, 'section-h', 'focus moves to the new section');
  await check(5);
  const lateSection = questions[SKIPPED].find((i) => i.startsWith('A.')).split('.').slice(0, 2).join('.');
  await page.goto(`${app.url}/#/assessment/${lateSection}`);
  await page.waitForFunction((s) => document.querySelector('#section-h')?.textContent.startsWith(s), lateSection);
  await check(SKIPPED, 1);
  // Rating one item of the third question on its own leaves that question without a single answer.
  await page.goto(`${app.url}/#/assessment/4`);
  await page.waitForFunction(() => document.querySelector('#section-h')?.textContent.startsWith('4'));
  await page.click(`label[for="item-${dom(questions[2][0])}-maturity-4"]`);
  await page.close(); // saved on pagehide

  // A returning visitor starts at the first question without an answer, and sees the chosen
  // option of an answered one.
  const scan = await app.open('#/quick-scan');
  assert.match(await scan.textContent('.progress-label'), new RegExp(`^Question 3 of ${questions.length}`));
  await scan.click('text=Back');
  await scan.waitForFunction((t) => document.querySelector('.progress-label')?.textContent.startsWith(t), `Question 2 of ${questions.length}`);
  assert.equal(await scan.isChecked(`input[name^="qs-"][value="${PLAN[1]}"]`), true);
  await scan.close();
});

test('a partly filled assessment survives a reload', async () => {
  const page = await app.open('#/assessment/A.6');
  const ids = await page.locator('article.item-editor').evaluateAll((els) => els.map((e) => e.id.replace(/^item-/, '')));
  assert.ok(ids.length >= 2, 'A.6 has several controls');
  const [a, b] = ids;
  const note = 'Owner: Jo <b>not bold</b> & co';
  await page.click(`label[for="item-${a}-maturity-4"]`);
  await page.selectOption(`#item-${a}-target`, '5');
  await page.fill(`#item-${a}-note`, note);
  await page.click(`label[for="item-${b}-maturity-none"]`);
  assert.equal(await page.isChecked(`#item-${a}-maturity-4`), true);
  await app.screenshot(page, 'assessment');
  assert.deepEqual(await app.axe(page), [], 'axe on the assessment page');

  await savedWith(page, inJson(note));
  await page.reload();
  await page.waitForSelector(`#item-${a}-maturity-4`);
  assert.equal(await page.isChecked(`#item-${a}-maturity-4`), true);
  assert.equal(await page.inputValue(`#item-${a}-target`), '5');
  assert.equal(await page.inputValue(`#item-${a}-note`), note);
  assert.equal(await page.isChecked(`#item-${b}-maturity-none`), true);
  assert.equal(await page.locator('main b').count(), 0, 'typed text is never HTML');
  await page.close();
});

test('excluding a control needs a justification', async () => {
  const page = await app.open('#/assessment/A.10');
  const id = (await page.locator('article.item-editor').first().getAttribute('id')).replace(/^item-/, '');
  const sw = `#item-${id}-applicable`;
  const error = `#item-${id}-error`;
  const why = `#item-${id}-justification`;
  assert.equal(await page.isChecked(sw), true);

  await page.click(sw);
  assert.equal(await page.isChecked(sw), true, 'refused: still applicable');
  assert.ok(await page.isVisible(error), 'the refusal is explained');
  assert.match(await page.textContent(error), /justification/i);
  assert.equal(await page.getAttribute(sw, 'aria-describedby'), `item-${id}-error`);
  assert.equal(await page.getAttribute(why, 'aria-describedby'), `item-${id}-error`);
  assert.equal((await active(page)).id, `item-${id}-justification`, 'focus goes to the justification');
  assert.match(await page.textContent(`#item-${id} .switch-state`), /In scope/);

  await page.fill(why, '   ');
  await page.click(sw);
  assert.equal(await page.isChecked(sw), true, 'a blank justification is refused too');
  assert.ok(await page.isVisible(error));

  const reason = 'We supply no AI systems or components to customers or other third parties.';
  await page.fill(why, reason);
  await page.click(sw);
  assert.equal(await page.isChecked(sw), false, 'accepted with a justification');
  assert.equal(await page.locator(error).count(), 0);
  assert.match(await page.textContent(`#item-${id} .switch-state`), /Excluded/);

  await savedWith(page, inJson(reason));
  await page.reload();
  await page.waitForSelector(sw);
  assert.equal(await page.isChecked(sw), false, 'the exclusion is saved');
  assert.equal(await page.inputValue(why), reason);
  await page.close();
});

test('an answer change is rendered and painted within a frame', async () => {
  const page = await app.open('#/assessment/7');
  await page.waitForSelector('article.item-editor');
  const result = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const first = document.querySelector('article.item-editor');
    const inputs = [...first.querySelectorAll('.maturity input[type=radio]')];
    const update = [];
    const paint = [];
    for (let k = 0; k < 20; k++) {
      await frame();
      const input = inputs[1 + (k % 6)];
      const label = input.closest('label');
      // Resolves when the app has re-rendered the choice (Yew renders in a microtask).
      const rendered = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (label.classList.contains('level-checked')) { mo.disconnect(); resolve(performance.now()); }
        });
        mo.observe(label, { attributes: true, attributeFilter: ['class'] });
      });
      const t0 = performance.now();
      input.click();
      const t1 = await Promise.race([rendered, new Promise((r) => setTimeout(() => r(null), 1000))]);
      if (t1 === null) return { error: `sample ${k} never rendered` };
      update.push(t1 - t0);
      await frame();
      paint.push(performance.now() - t0);
    }
    const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return (s[9] + s[10]) / 2; };
    return { update: median(update), updateMax: Math.max(...update), paint: median(paint), paintMax: Math.max(...paint) };
  });
  assert.equal(result.error, undefined, result.error);
  console.log(`maturity click → DOM re-rendered: median ${result.update.toFixed(2)} ms (max ${result.updateMax.toFixed(2)} ms); click → next frame (requestAnimationFrame, 60 Hz): median ${result.paint.toFixed(1)} ms (max ${result.paintMax.toFixed(1)} ms); 20 samples`);
  assert.ok(result.update < 16, `re-render took ${result.update} ms`);
  await page.close();
});

test('an empty assessment offers the NIST AI RMF questionnaire with 72 subcategories', async () => {
  fresh = await start();
  const page = await fresh.open('#/assessment');
  await page.waitForSelector('.framework-choice');
  assert.deepEqual(await fresh.axe(page), [], 'axe on the empty assessment with its choice');
  await page.click('text=Start from a NIST AI RMF self-assessment');
  await page.waitForSelector('.nist-questionnaire');
  assert.equal(await page.locator('.nist-item').count(), 72);
  assert.equal(await page.locator('.nist-function').count(), 4);
  assert.equal(await page.locator('.nist-category').count(), 19);
  assert.match(await page.textContent('.nist-questionnaire .callout'), /inferred/);
  assert.equal(await page.textContent('#assessment-progress-label'), '0 of 72 answered');
  await page.click('label[for="nist-GOVERN-1-1-maturity-3"]');
  await page.waitForFunction(() => document.querySelector('#assessment-progress-label')?.textContent === '1 of 72 answered');
  await savedWith(page, '"maturity":3');
  await page.reload();
  await page.waitForSelector('.nist-questionnaire');
  assert.equal(await page.isChecked('#nist-GOVERN-1-1-maturity-3'), true);
  assert.deepEqual(await fresh.axe(page), [], 'axe on the NIST AI RMF questionnaire');
  await page.close();
});

test('the assessment and the quick scan fit a 360 px wide screen', async () => {
  const page = await app.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await app.open('#/assessment/A.6', page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(await overflow() <= 0, `assessment is ${await overflow()}px too wide`);
  assert.ok(await page.isVisible('#section-select'), 'the section select replaces the list');
  assert.equal(await page.isVisible('.section-list'), false);
  await app.screenshot(page, 'assessment-360');
  await page.selectOption('#section-select', 'A.7');
  await page.waitForFunction(() => location.hash === '#/assessment/A.7'
    && document.querySelector('#section-h')?.textContent.startsWith('A.7'));
  assert.ok(await overflow() <= 0);
  await app.open('#/quick-scan', page);
  assert.ok(await overflow() <= 0, `quick scan is ${await overflow()}px too wide`);
  await page.close();
});

test('no console error and no foreign request', () => {
  assert.deepEqual(app.consoleErrors, []);
  assert.deepEqual(app.foreign, []);
  assert.deepEqual(fresh?.consoleErrors ?? [], []);
  assert.deepEqual(fresh?.foreign ?? [], []);
});
