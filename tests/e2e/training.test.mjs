// Training cases, share links and exports: a learner opens a case from an instructor's link
// with the model answer hidden, answers on the normal assessment pages and checks the answers;
// an instructor link opens a case directly; a share link made on the Data page opens in another
// tab, asks first and imports an identical assessment; tampered links change nothing; the CSV,
// Statement of Applicability, OSCAL and Markdown downloads happen and parse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, ROOT } from '../support/browser.mjs';

const NS = 'aims-readiness:v1:';
const FIXTURE = join(ROOT, 'engine', 'tests', 'fixtures', 'techserve-month1.json');
const CASE = 'hospital-triage';

let app;
/** The hospital case's model answer, read from the data the engine embeds. */
let model;
/** A share link made by the app in the round-trip test, reused by the tampering test. */
let shareLink;
/** The assessment file exported before the link was made. */
let shared;

before(async () => {
  app = await start();
  model = JSON.parse(await readFile(join(ROOT, 'engine', 'data', 'cases', `${CASE}.json`), 'utf8'));
});
after(async () => { await app?.close(); });

const index = async (page) => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `${NS}index`));

/** `A.6.1.2` → the element id part `A-6-1-2`. */
const dom = (id) => id.replaceAll('.', '-');
const maturityOf = (answer) => (typeof answer === 'number' ? answer : answer.maturity);

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

/** The Data page with the reference fixture (TechServe month 1) in the open assessment. */
async function dataWithFixture() {
  const page = await app.fresh('#/data');
  await page.setInputFiles('#import-file', {
    name: 'techserve-month1.json', mimeType: 'application/json', buffer: await readFile(FIXTURE),
  });
  await page.click('text=Replace the open one');
  await page.waitForFunction(() => document.querySelector('#org-name')?.value === 'TechServe Solutions');
  return page;
}

// ---- Training --------------------------------------------------------------------------------

test('a learner opens a case from the instructor link, answers on the assessment pages and checks the answers', async () => {
  const page = await app.fresh(`#/training/${CASE}?hide-model=1&pass-mark=80`);
  await page.waitForSelector('#check-answers');
  assert.equal(await page.textContent('main h1'), 'Training cases');
  assert.match(await page.textContent('main h2'), /Riverside General Hospital/);
  assert.ok(await page.locator('.briefing li').count() > 5, 'the briefing is shown');
  assert.match(await page.textContent('.task'), /Rate all 70 items/);
  // The model answer is nowhere on the page before the learner submits.
  for (const hidden of ['.model-answer', '.comparison', '.lesson', '.cmp-model']) {
    assert.equal(await page.locator(hidden).count(), 0, `${hidden} before submitting`);
  }
  assert.doesNotMatch(await page.textContent('main'), /What this case teaches|Download the model answer/);
  assert.match(await page.textContent('.training-check'), /hidden the model answer until you submit/);

  // A separate saved assessment, marked as the case, next to the user's own.
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('hospital-triage'), `${NS}index`);
  const idx = await index(page);
  const learner = idx.assessments.find((e) => e.case);
  assert.deepEqual(learner.case, { id: CASE, hide_model: true, pass_mark: 80 });
  assert.equal(idx.current, learner.id);
  assert.ok(idx.assessments.some((e) => !e.case), 'the user\u2019s own assessment is kept');

  // The normal assessment pages, marked as a training case.
  await page.click('text=Assess on the assessment pages');
  await page.waitForSelector('#training-banner');
  assert.match(await page.textContent('#training-banner'), /Training case: Riverside General Hospital/);
  assert.equal(await page.locator('.framework-choice').count(), 0, 'no framework choice for a case');
  const m = (id) => maturityOf(model.answers[id]);
  const plan = {
    '4.1': m('4.1'), // exact
    '4.2': m('4.2') === 5 ? 4 : m('4.2') + 1, // within one level
    '4.3': m('4.3') >= 3 ? 0 : m('4.3') + 2, // off
  };
  await page.click('.section-list a[href="#/assessment/4"]');
  for (const [id, level] of Object.entries(plan)) {
    await page.click(`label[for="item-${dom(id)}-maturity-${level}"]`);
  }
  assert.equal(await page.isChecked(`#item-4-1-maturity-${plan['4.1']}`), true);

  // Back to the case: still hidden (the mark is kept with the saved assessment).
  await page.click('#training-banner >> text=Back to the case');
  await page.waitForSelector('#check-answers');
  assert.match(await page.evaluate(() => location.hash), /hide-model=1/);
  assert.equal(await page.locator('.model-answer').count(), 0);
  assert.match(await page.textContent('.training-status'), /3 of 70 items answered/);
  await app.screenshot(page, 'training');
  assert.deepEqual(await app.axe(page), [], 'axe on the case page');

  // Submitting shows the comparison, the score and the model's explanations.
  await page.click('#check-answers');
  await page.waitForSelector('.comparison');
  assert.equal((await page.textContent('#cmp-score')).replace(/\s+/g, ' '), '2.1 / 100');
  // Graded on the findings an auditor would raise, against the instructor's pass mark.
  assert.match(await page.textContent('#cmp-finding-score'), /^\d+(\.\d)?%$/);
  assert.match(await page.textContent('#cmp-pass'), /Not passed \(pass mark 80%\)/);
  assert.match(await page.textContent('#cmp-4-3 .cmp-finding'), /(Same|Different) finding/);
  assert.match(await page.textContent('.cmp-counts'), /Exact: 1.*Within one level: 1.*Off: 1.*Missing: 67/s);
  assert.equal(await page.locator('#cmp-4-1').count(), 0, 'exact items are folded away by default');
  assert.match(await page.textContent('#cmp-4-2'), /Within one level/);
  assert.match(await page.textContent('#cmp-4-3 .cmp-head'), /Off/);
  assert.match(await page.textContent('#cmp-4-4'), /Missing/);
  assert.ok((await page.textContent('#cmp-4-3 .cmp-why')).includes(model.answers['4.3'].note), 'the model\u2019s explanation');
  assert.match(await page.textContent('#cmp-4-3 .cmp-ratings'), new RegExp(`Model answer: ${m('4.3')}`));
  assert.match(await page.textContent('.lesson'), /What this case teaches/);
  await page.check('#cmp-show-all');
  assert.match(await page.textContent('#cmp-4-1'), /Exact/);
  await app.screenshot(page, 'training-compare');
  assert.deepEqual(await app.axe(page), [], 'axe on the comparison');

  // At 360 px the comparison fits without horizontal scrolling.
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Try again keeps the answers to revise.
  await page.click('#try-again');
  await page.waitForSelector('.assessment');
  await page.click('.section-list a[href="#/assessment/4"]');
  assert.equal(await page.isChecked(`#item-4-2-maturity-${plan['4.2']}`), true);

  // Start over clears them, after asking.
  await page.click('#training-banner >> text=Back to the case');
  await page.click('#case-reset');
  await page.click('#case-reset-confirm');
  await page.waitForFunction(() => /0 of 70 items answered/.test(document.querySelector('.training-status')?.textContent ?? ''));

  // The Data page lists the case apart from the user's own assessments.
  await page.click('nav >> text=Your data');
  await page.waitForSelector('.saved-training');
  assert.equal(await page.locator('.saved-training .saved-item').count(), 1);
  assert.match(await page.textContent('.saved-training'), /Training: Riverside General Hospital/);
  await page.close();
});

test('an instructor link opens the case directly, with the model answer available and the class links', async () => {
  const page = await app.fresh('#/training/techserve-month-9');
  await page.waitForSelector('#check-answers');
  assert.match(await page.textContent('main h2'), /TechServe Solutions, month 9/);
  assert.equal(await page.locator('.model-answer').count(), 1, 'the model answer can be opened');
  const link = await page.inputValue('#class-link');
  assert.equal(link, `${app.url}/#/training/techserve-month-9`);
  assert.equal(await page.inputValue('#class-link-hidden'), `${link}?hide-model=1`);
  assert.equal(await page.getAttribute('nav a[href="#/training"]', 'aria-current'), 'page');

  // The list of cases, and the start page's way in.
  await page.click('text=All training cases');
  await page.waitForSelector('.case-list');
  assert.equal(await page.locator('.case-list li').count(), 5);
  assert.match(await page.textContent('.case-list'), /Started: your answers are saved/);
  assert.match(await page.textContent('main'), /#\/training\/<case-id>\?hide-model=1/);
  assert.deepEqual(await app.axe(page), [], 'axe on the list of cases');
  await page.click('.brand');
  await page.click('.choices >> text=Training cases');
  await page.waitForSelector('.case-list');

  // An unknown case says so and names the cases.
  await page.evaluate(() => { location.hash = '#/training/no-such-case'; });
  await page.waitForSelector('[role=alert]');
  assert.match(await page.textContent('[role=alert]'), /no training case "no-such-case".*hospital-triage/i);
  await page.close();
});

// ---- Share links -------------------------------------------------------------------------------

test('a share link from the Data page opens in another tab, asks first and imports an identical assessment', async () => {
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  const page = await dataWithFixture();
  shared = (await download(page, '#export-open')).text;
  await page.click('#share-link');
  await page.waitForSelector('#share-link-url');
  shareLink = await page.inputValue('#share-link-url');
  assert.ok(shareLink.startsWith(`${app.url}/#/share/a1.`), shareLink.slice(0, 80));
  assert.match(shareLink.split('#/share/')[1], /^a1\.[A-Za-z0-9_-]+$/);
  await page.waitForFunction(() => !/Copying/.test(document.querySelector('#share-link-status')?.textContent ?? ''));
  if (/Copied/.test(await page.textContent('#share-link-status'))) {
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shareLink);
  }
  await page.close();

  const other = await app.context.newPage();
  await other.goto(shareLink);
  await other.waitForSelector('.share-confirm');
  const before = await app.storage(other);
  assert.equal(await other.textContent('#share-org'), 'TechServe Solutions');
  assert.equal(await other.textContent('#share-answered'), '70 of 70 items');
  assert.match(await other.textContent('#share-readiness'), /^\d+(\.\d)? of 100$/);
  assert.match(await other.textContent('#share-verdict'), /Not ready for certification/);
  await app.screenshot(other, 'share-confirm');
  assert.deepEqual(await app.axe(other), [], 'axe on the share confirmation');
  await app.settled(other);
  assert.deepEqual(await app.storage(other), before, 'nothing changes before the choice');

  // Replace asks again, with a warning; Back returns to the choice.
  await other.click('#share-replace');
  assert.match(await other.textContent('.share-confirm .callout-warn'), /overwritten by the shared ones/);
  await other.click('text=Back');

  await other.click('#share-open-new');
  await other.waitForFunction(() => location.hash === '#/results');
  assert.equal(await other.textContent('main h1'), 'Results');
  await other.reload();
  await other.waitForSelector('main h1');
  assert.equal(await other.textContent('main h1'), 'Results', 'a reload does not import again');
  await other.click('nav >> text=Your data');
  await other.waitForSelector('#export-open');
  assert.equal((await index(other)).assessments.length, 2, 'opened as a new assessment');
  assert.equal((await download(other, '#export-open')).text, shared, 'identical to the original');
  await other.close();
});

test('a tampered, truncated or huge share link shows what is wrong and changes nothing', async () => {
  assert.ok(shareLink, 'made by the round-trip test');
  const [base, token] = shareLink.split('#/share/');
  const mid = Math.floor(token.length / 2);
  const swapped = [...token].map((c, i) => (i >= mid && i < mid + 12 ? (c === 'A' ? 'B' : 'A') : c)).join('');
  const cases = [
    ['characters changed in the middle', `${token.slice(0, mid)}!!!!${token.slice(mid + 4)}`, /not base64url/],
    ['valid characters changed in the middle', swapped, /damaged|does not hold an assessment/],
    ['truncated', token.slice(0, mid + 1), /damaged|cut short/],
    ['huge', `a1.${'A'.repeat(70_000)}`, /at most 65536 are accepted/],
    ['not a share link', 'b1.abc', /not an AIMS Readiness share link/i],
    ['empty', '', /holds no share link/],
  ];
  const page = await app.open('#/data');
  await app.settled(page);
  const before = await app.storage(page);
  for (const [what, bad, message] of cases) {
    await page.evaluate((h) => { location.hash = h; }, `#/share/${bad}`);
    await page.waitForSelector('.share-error');
    assert.match(await page.textContent('.share-error'), message, what);
    assert.match(await page.textContent('.share-error'), /Nothing was changed/, what);
    assert.equal(await page.locator('#share-open-new').count(), 0, what);
    await page.evaluate(() => { location.hash = '#/data'; });
    await page.waitForSelector('#export-open');
  }
  await app.settled(page);
  assert.deepEqual(await app.storage(page), before, 'storage unchanged');
  assert.equal(base, app.url + '/');
  await page.close();
});

// ---- Exports -----------------------------------------------------------------------------------

test('the CSV, Statement of Applicability, OSCAL and Markdown downloads happen and parse', async () => {
  const page = await dataWithFixture();
  const date = /\d{4}-\d{2}-\d{2}/.source;

  const csv = await download(page, '#export-csv');
  assert.match(csv.name, new RegExp(`^techserve-solutions-items-${date}\\.csv$`));
  assert.ok(csv.text.startsWith('\uFEFF'), 'UTF-8 with a byte-order mark');
  const rows = csv.text.slice(1).split('\r\n').filter(Boolean);
  assert.equal(rows[0], 'id,title,kind,applicable,justification,maturity,target,gap,priority,finding,note');
  assert.equal(rows.length, 71);
  assert.match(rows[1], /^4\.1,/);

  const soa = await download(page, '#export-soa');
  assert.match(soa.name, new RegExp(`^techserve-solutions-soa-${date}\\.csv$`));
  const soaRows = soa.text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  assert.equal(soaRows[0], 'id,title,applicable,justification,reason_for_inclusion,status');
  assert.equal(soaRows.length, 39);

  const oscal = await download(page, '#export-oscal');
  assert.match(oscal.name, new RegExp(`^techserve-solutions-oscal-assessment-results-${date}\\.json$`));
  const doc = JSON.parse(oscal.text);
  assert.ok(doc['assessment-results'], 'an OSCAL assessment-results document');
  assert.equal(doc['assessment-results'].metadata['oscal-version'], '1.1.2');
  assert.ok(doc['assessment-results'].results[0].findings.length > 0);

  const md = await download(page, '#export-markdown');
  assert.match(md.name, new RegExp(`^techserve-solutions-report-${date}\\.md$`));
  assert.match(md.text, /^# /);
  assert.match(md.text, /TechServe Solutions/);

  // The same buttons on the Report page.
  await page.click('nav >> text=Report');
  await page.click('.report-exports summary');
  const fromReport = await download(page, '.report-exports #export-csv');
  assert.equal(fromReport.text, csv.text);
  assert.deepEqual(await app.axe(page), [], 'axe on the report with the exports open');
  await page.close();
});

test('no console error and no foreign request', () => {
  assert.deepEqual(app.consoleErrors, []);
  assert.deepEqual(app.foreign, []);
});
