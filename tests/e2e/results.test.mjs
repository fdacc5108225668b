// Results, report and crosswalk pages over a seeded assessment: the TechServe case of the
// source article at month 1 (engine/tests/fixtures), written to localStorage in the app's
// storage layout (web/src/storage.rs) before the app loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, ROOT, SHOTS } from '../support/browser.mjs';

const NS = 'aims-readiness:v1';
let app;
let techserve;
let nist;

const fixture = async (name) =>
  JSON.parse(await readFile(join(ROOT, 'engine', 'tests', 'fixtures', name), 'utf8'));

before(async () => {
  app = await start();
  techserve = await fixture('techserve-month1.json');
  nist = await fixture('nist-all-at-target.json');
});
after(async () => { await app?.close(); });

/** A new page whose storage holds `assessment` as the open one, at `hash`. */
async function seeded(hash, assessment, { width, roi } = {}) {
  const page = await app.context.newPage();
  if (width) await page.setViewportSize({ width, height: 740 });
  await page.addInitScript(([ns, a, roi]) => {
    const id = 'seed-1';
    localStorage.setItem(`${ns}:index`, JSON.stringify({
      version: 1, current: id, assessments: [{ id, name: a.organisation?.name ?? 'Seed', updated: 0 }],
    }));
    localStorage.setItem(`${ns}:assessment:${id}`, JSON.stringify({
      version: 1, rev: 1, writer: 'e2e-seed', saved: 0, assessment: a,
    }));
    // The ROI page's saved inputs for this assessment (web/src/storage.rs `roi_key`).
    if (roi) localStorage.setItem(`${ns}:roi:${id}`, JSON.stringify({ version: 1, inputs: roi }));
    else localStorage.removeItem(`${ns}:roi:${id}`);
  }, [NS, assessment, roi ?? null]);
  return app.open(hash, page);
}

const texts = (page, selector) => page.locator(selector).allTextContents();

test('before any answer, results and report invite to the quick scan or the assessment', async () => {
  const page = await app.open('#/results');
  await page.waitForSelector('.empty');
  assert.match(await page.textContent('.empty h2'), /Nothing to show yet/);
  const links = await page.locator('.empty a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['#/quick-scan', '#/assessment']);
  assert.deepEqual(await app.axe(page), []);
  await page.goto(`${app.url}/#/report`);
  await page.waitForSelector('.empty');
  await app.screenshot(page, 'results-empty');
  await page.close();
});

test('results show readiness, the not-ready verdict, findings, gaps, the SoA and the roadmap', async () => {
  const page = await seeded('#/results', techserve);
  await page.waitForSelector('.results');
  const headings = await texts(page, 'main h2');
  for (const h of ['Readiness', 'Verdict', 'Readiness by section', 'Predicted audit findings',
    'Stage 1 checklist', 'Statement of Applicability', 'Roadmap']) {
    assert.ok(headings.includes(h), `missing section ${h} in ${headings}`);
  }
  assert.ok(headings.some((h) => /^Prioritised gaps \(\d+\)$/.test(h)), headings.join(' | '));

  // Three big figures, each a percentage.
  const figures = await texts(page, '.figure .figure-value');
  assert.equal(figures.length, 3);
  for (const f of figures) assert.match(f, /^\d+(\.\d)?%$/);
  assert.match(await page.textContent('.results'), /70 of 70 items answered/);

  // The verdict in words, with an icon, and why.
  const verdict = page.locator('.verdict');
  assert.match(await verdict.locator('.verdict-title').textContent(), /^Not ready for certification/);
  assert.match(await verdict.textContent(), /major nonconformit(y|ies) expected/);
  assert.equal(await verdict.locator('svg.icon').count(), 1);

  // Findings grouped, each with its reason; majors exist for TechServe at month 1.
  const groups = await texts(page, '.finding-group h3');
  assert.equal(groups.length, 3);
  assert.match(groups[0], /^Major nonconformities \([1-9]\d*\)$/);
  assert.match(groups[1], /^Minor nonconformities \(\d+\)$/);
  assert.match(groups[2], /^Observations \(\d+\)$/);
  const firstMajor = page.locator('.finding-group-major .finding').first();
  assert.match(await firstMajor.locator('.finding-reason').textContent(), /Maturity|Excluded|minor/);

  // Gaps: what blocks certification first, current → level 3, priority in words, an action.
  const gap = page.locator('ol.gaps > li.gap').first();
  assert.match(await gap.locator('.badge').textContent(), /^Critical priority$/, 'a major comes first');
  assert.match(await gap.locator('.gap-levels').textContent(), /Maturity \d.*level 3/);
  assert.match(await gap.locator('.gap-action').textContent(), /^Next step: .{10,}/);

  // The Stage 1 checklist: twelve documents, each status in words with an icon, missing first.
  const docs = page.locator('section[aria-labelledby=stage1-h] li.stage1-doc');
  assert.equal(await docs.count(), 12);
  const statuses = await docs.evaluateAll((ls) => ls.map((l) => l.dataset.status));
  const rank = { missing: 0, partial: 1, present: 2 };
  assert.equal(statuses[0], 'missing', 'TechServe at month 1 has no scope document yet');
  assert.ok(statuses.every((s, i) => i === 0 || rank[statuses[i - 1]] <= rank[s]), statuses.join(' '));
  assert.match(await docs.first().textContent(), /^Missing.*scope of the AI management system.*\(clause 4\.3\)$/);
  assert.equal(await docs.first().locator('.badge svg.icon').count(), 1);

  // The Statement of Applicability: 38 controls in a scrollable, labelled region.
  const soa = page.locator('[role=region][aria-label="Statement of Applicability"]');
  assert.equal(await soa.getAttribute('tabindex'), '0');
  assert.equal(await soa.locator('tbody tr').count(), 38);
  assert.deepEqual(await soa.locator('thead th').allTextContents(),
    ['Control', 'Title', 'Applicable', 'Reason for inclusion, or justification', 'Maturity', 'Status']);
  assert.equal(await soa.locator('tbody tr').first().locator('th').textContent(), 'A.2.2');

  // Charts: SVG with an accessible name and a table alternative.
  const charts = page.locator('svg.chart-svg[role=img]');
  assert.equal(await charts.count(), 3, 'clauses, objectives and roadmap');
  assert.match(await charts.nth(0).getAttribute('aria-label'), /^Readiness by clause: 4 Context/);
  assert.match(await charts.nth(1).getAttribute('aria-label'), /^Readiness by Annex A objective: A\.2/);
  const roadmap = await charts.nth(2).getAttribute('aria-label');
  // The assessment is the gap assessment: the plan starts with the implementation.
  assert.match(roadmap, /^Roadmap to certification: Implementation months 1-\d+; Internal audit and management review months/);
  assert.match(roadmap, /Certification decision month \d+/);
  await page.locator('details.chart-table summary').first().click();
  assert.equal(await page.locator('details.chart-table').first().locator('tbody tr').count(), 7);
  assert.ok((await page.locator('ul.assumptions li').count()) >= 3, 'roadmap assumptions listed');

  // The rules are one click away.
  await page.locator('details.rules summary').click();
  assert.match(await page.textContent('details.rules'), /17021-1/);

  await app.screenshot(page, 'results');
  assert.deepEqual(await app.axe(page), []);
  await page.close();
});

test('results fit a 360 px wide screen', async () => {
  const page = await seeded('#/results', techserve, { width: 360 });
  await page.waitForSelector('.results');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await app.screenshot(page, 'results-360');
  await page.close();
});

test('the crosswalk lists all 72 subcategories with status and reasons, and the heat map', async () => {
  const page = await seeded('#/crosswalk', techserve);
  await page.waitForSelector('.crosswalk');
  const subs = page.locator('li.subcat');
  assert.equal(await subs.count(), 72);
  const ids = await page.locator('li.subcat .subcat-head .item-id').allTextContents();
  assert.equal(new Set(ids).size, 72);
  assert.equal(ids[0], 'GOVERN 1.1');
  assert.equal(ids[71], 'MANAGE 4.3');
  const first = subs.first();
  assert.match(await first.locator('.badge').textContent(), /^(Covered|Partial|Not covered|Unknown)$/);
  assert.match(await first.locator('.subcat-cov').textContent(), /^\d+(\.\d)?% coverage$/);
  assert.match(await first.locator('.subcat-text').textContent(), /Legal and regulatory requirements/);
  assert.ok((await first.locator('ul.sources li').count()) >= 1);
  assert.match(await first.locator('ul.sources').textContent(), /maturity \d of \d; covers part/);
  // Each source shows its relationship type as a badge and its rationale on demand.
  const badges = await page.locator('ul.sources li .rel').allTextContents();
  assert.ok(badges.length >= 280, `${badges.length} type badges`);
  assert.ok(badges.every((b) => ['equal', 'subset of', 'superset of', 'intersects', 'not related'].includes(b.trim())));
  const firstSource = first.locator('ul.sources li').first();
  assert.equal(await firstSource.locator('.rel').getAttribute('data-rel'), 'intersects_with');
  const why = firstSource.locator('details.rationale');
  assert.equal(await why.locator('p').isVisible(), false);
  await why.locator('summary').click();
  assert.match(await why.locator('p').textContent(), /legal and regulatory/i);
  // The legend of the types.
  assert.deepEqual((await page.locator('.rel-legend dt .rel').allTextContents()).map((t) => t.trim()),
    ['equal', 'subset of', 'superset of', 'intersects', 'not related']);
  assert.match(await page.textContent('.rel-legend'), /NIST AI Resource Center/);
  assert.match(await first.locator('details.why p').textContent(), /^Rests on \d+ ISO\/IEC 42001 item/);

  // Roll-ups by function and category.
  const fnRows = page.locator('.function-summary > .table-scroll tbody tr');
  assert.equal(await fnRows.count(), 4);
  assert.deepEqual(await fnRows.locator('th').allTextContents(), ['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
  assert.equal(await page.locator('.category').count(), 19);

  // Heat map: 4 functions × 16 sections with headers, expandable to categories.
  const map = page.locator('table.heat-map');
  assert.equal(await map.locator('thead tr').nth(1).locator('th[scope=col]').count(), 17);
  assert.equal(await map.locator('tbody tr.heat-function').count(), 4);
  assert.equal(await map.locator('tbody tr.heat-function').first().locator('td').count(), 16);
  assert.match(await map.locator('tbody').textContent(), /\d+ pairs?/);
  const govern = map.locator('tbody tr.heat-function button').first();
  assert.equal(await govern.getAttribute('aria-expanded'), 'false');
  await govern.click();
  assert.equal(await govern.getAttribute('aria-expanded'), 'true');
  assert.equal(await map.locator('tbody tr.heat-category').count(), 6, 'GOVERN has 6 categories');
  // The status map tells covered, partial, indicative, not covered and not assessed apart.
  const tiles = page.locator('.status-map li');
  assert.equal(await tiles.count(), 72);
  const shades = await tiles.evaluateAll((ts) => ts.map((t) => t.dataset.shade));
  assert.ok(shades.every((x) => ['covered', 'partial', 'indicative', 'not_covered', 'not_assessed'].includes(x)));
  assert.ok(shades.includes('indicative') && shades.includes('partial'), shades.join(' '));
  assert.equal(await page.locator('.status-legend li').count(), 5);

  // Filtering by status keeps the count honest.
  await page.selectOption('#status-filter', 'covered');
  const shown = await page.locator('li.subcat').count();
  assert.match(await page.textContent('.filter-bar [role=status]'), new RegExp(`^${shown} of 72 subcategories$`));
  assert.ok(shown < 72);
  await page.selectOption('#status-filter', 'all');
  assert.equal(await page.locator('li.subcat').count(), 72);

  await page.locator('details.rules summary').click();
  assert.match(await page.textContent('details.rules'), /OLIR/);
  assert.match(await page.textContent('.attribution'), /NIST AI 100-1/);
  assert.match(await page.textContent('.attribution'), /NIST AI Resource Center/);
  await app.screenshot(page, 'crosswalk');
  assert.deepEqual(await app.axe(page), []);
  await page.close();
});

test('a NIST AI RMF assessment shows the inferred ISO items and those to assess directly', async () => {
  const page = await seeded('#/crosswalk', nist);
  await page.waitForSelector('.crosswalk');
  assert.equal(await page.locator('li.subcat[data-inference]').count(), 70);
  assert.equal(await page.locator('li.subcat[data-inference=no_counterpart]').count(), 4);
  assert.equal(await page.locator('li.subcat[data-inference=not_addressed]').count(), 14);
  const direct = await page.locator('#direct-h + p + ul .item-id').allTextContents();
  assert.equal(direct.length, 18);
  for (const id of ['4.2', '9.2.1', '7.5.3', '10.2', 'A.3.3']) assert.ok(direct.includes(id), id);
  assert.match(await page.textContent('.direct-list'), /internal audit/);
  const inferred = page.locator('li.subcat[data-inference=inferred]').first();
  assert.match(await inferred.textContent(), /Maturity \d.*inferred/);
  assert.equal(await page.locator('li.subcat[data-shade=covered]').count(), 5);
  assert.equal(await page.locator('li.subcat[data-shade=indicative]').count(), 47);
  assert.equal(await page.locator('.status-map li').count(), 70);
  assert.ok((await page.locator('li.subcat .rel').count()) >= 280);
  await page.click('a[href="#/results"]');
  await page.waitForSelector('.results');
  assert.match(await page.textContent('.results'), /inferred through the crosswalk/);
  assert.match(await page.textContent('.results'), /Provisional: 18 items remain/);
  assert.deepEqual(await app.axe(page), []);
  await page.close();
});

test('on a phone the crosswalk stays the screen\'s width; only its tables scroll', async () => {
  for (const assessment of [techserve, nist]) {
    for (const width of [360, 390]) {
      const page = await seeded('#/crosswalk', assessment, { width });
      await page.waitForSelector('.crosswalk .status-map');
      // Open the categories and a rationale: the widest state of the page.
      const govern = page.locator('table.heat-map tbody tr.heat-function button').first();
      await govern.click();
      await page.locator('details.rationale summary').first().click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${assessment.framework ?? 'iso42001'} at ${width}px: the page is ${overflow}px wider than the screen`);
      // The heat map scrolls inside its own box.
      const box = await page.locator('.table-scroll:has(table.heat-map)').evaluate((e) => ({ client: e.clientWidth, scroll: e.scrollWidth }));
      assert.ok(box.client <= width, `heat-map box ${box.client}px`);
      if (width === 360 && assessment === techserve) await app.screenshot(page, 'crosswalk-360');
      await page.close();
    }
  }
});

test('the report holds every section, prints, and hides the navigation in print', async () => {
  const page = await seeded('#/report', techserve);
  const t0 = Date.now();
  await page.waitForSelector('.report #roi-h');
  console.log(`report rendered ${Date.now() - t0} ms after the frame`);
  assert.equal(await page.textContent('.report-org'), 'TechServe Solutions');
  assert.match(await page.textContent('.report-head'), new RegExp(`${new Date().getFullYear()}`));
  const headings = await texts(page, 'main h2');
  for (const h of ['Readiness', 'Verdict', 'Readiness by section', 'Predicted audit findings',
    'Stage 1 checklist', 'Statement of Applicability', 'Roadmap', 'NIST AI RMF crosswalk',
    'Return on investment (estimate)']) {
    assert.ok(headings.includes(h), `missing section ${h} in ${headings}`);
  }
  assert.match(await page.textContent('.verdict-title'), /^Not ready for certification/);
  assert.equal(await page.locator('.soa tbody tr').count(), 38);
  // Every gap is listed, none behind a disclosure.
  assert.equal(await page.locator('details.more').count(), 0);
  assert.equal(await page.locator('.function-summary > .table-scroll tbody tr').count(), 4);
  const roi = await page.textContent('section[aria-labelledby=roi-h]');
  assert.match(roi, /Estimate from stated assumptions/);
  assert.match(roi, /Net present value \(likely\)/);
  assert.ok((await page.locator('.assumptions-table tbody tr').count()) >= 10, 'ROI assumptions listed');

  // The print button calls window.print().
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.getByRole('button', { name: 'Print / Save as PDF' }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);

  await app.screenshot(page, 'report');
  assert.deepEqual(await app.axe(page), []);

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav[aria-label="Main"]').isVisible(), false);
  assert.equal(await page.locator('.site-header').isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Print / Save as PDF' }).isVisible(), false);
  assert.equal(await page.locator('svg.chart-svg').first().isVisible(), true, 'charts print');
  const soaScroll = await page.locator('.soa-scroll').evaluate((el) => getComputedStyle(el).maxHeight);
  assert.equal(soaScroll, 'none', 'the SoA prints whole');
  await app.screenshot(page, 'report-print');
  await page.pdf({ path: join(SHOTS, 'report.pdf'), format: 'A4', printBackground: true });
  await page.close();
});

test('the report takes the inputs saved on the ROI page', async () => {
  const page = await seeded('#/report', techserve, { roi: { horizon_months: 48 } });
  await page.waitForSelector('.report #roi-h');
  const roi = await page.textContent('section[aria-labelledby=roi-h]');
  assert.match(roi, /Likely case over 48 months, discounted at [\d.]+% a year, from the inputs set on the ROI page/);
  await page.close();
  const plain = await seeded('#/report', techserve);
  await plain.waitForSelector('.report #roi-h');
  assert.match(await plain.textContent('section[aria-labelledby=roi-h]'), /Likely case over 45 months, .* from the default inputs/);
  await plain.close();
});

/** `aims ARGS` (the CLI over the same engine): `AIMS_BIN`, else `cargo run`. */
function aims(...args) {
  const [cmd, pre] = process.env.AIMS_BIN ? [process.env.AIMS_BIN, []] : ['cargo', ['run', '-q', '-p', 'aims-cli', '--']];
  return execFileSync(cmd, [...pre, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
}

test('the report shows the figures and words `aims` prints for the same organisation', async () => {
  for (const name of ['techserve-month1.json', 'nist-all-at-target.json', 'one-below.json']) {
    const file = join(ROOT, 'engine', 'tests', 'fixtures', name);
    const assessment = await fixture(name);
    // The ROI page's defaults are the engine's: seed 42, 10,000 trials, as `aims roi`.
    const text = aims('roi', '--assessment', file);
    // The figures of the first (likely case) or last (Monte Carlo) line with this label.
    const rows = (label) => text.split('\n').filter((l) => l.startsWith(`  ${label} `))
      .map((l) => l.slice(2 + label.length).trim().split(/\s+/));
    const line = (label) => rows(label)[0];
    const score = JSON.parse(aims('score', file, '--format', 'json'));
    const page = await seeded('#/report', assessment);
    await page.waitForSelector('.report #roi-h');
    const roi = (await page.textContent('section[aria-labelledby=roi-h]')).replace(/\s+/g, ' ');
    const [p10, p50, p90] = rows('NPV').at(-1);
    for (const want of [
      `Net present value (likely)${line('NPV')[0]} USD`,
      `Return on investment (likely)${line('ROI')[0]}`,
      `Total cost ${line('Total cost')[0]} USD, total benefit ${line('Total benefit')[0]} USD`,
      `the NPV ranges from ${p10} (P10) to ${p90} USD (P90), median ${p50}`,
      `the ROI is positive in ${text.match(/Probability that ROI > 0: (\S+)/)[1]} of trials`,
      ' and the schedule of the roadmap above.',
    ]) {
      assert.ok(roi.includes(want), `${name}: "${want}" not in the report's ROI section: ${roi.slice(0, 600)}`);
    }
    // The readiness the report shows is the engine's, by the same rule for percentages.
    const shown = (await page.locator('.figure-value').first().textContent()).trim();
    assert.equal(shown, score.readiness === null ? 'Not assessed yet' : `${score.readiness}%`, name);
    await page.close();
  }
});

test('hostile text in the name, notes and justifications renders as text on the report', async () => {
  const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>[a](javascript:x)';
  const a = structuredClone(techserve);
  a.organisation = { ...a.organisation, name: hostile };
  // Controls a clause requires cannot be excluded (engine/data/exclusion-limits.txt): they stay in scope.
  const required = ['A.2.2', 'A.3.2', 'A.5.2', 'A.5.3', 'A.5.4', 'A.5.5'];
  for (const [id, answer] of Object.entries(a.answers)) {
    answer.note = `${hostile} ${id}`;
    if (id.startsWith('A.') && !required.includes(id)) Object.assign(answer, { applicable: false, justification: hostile });
  }
  const page = await seeded('#/report', a);
  await page.waitForSelector('.report #roi-h');
  assert.equal(await page.textContent('.report-org'), hostile, 'the name is shown as typed');
  const soa = await page.textContent('.soa');
  assert.ok(soa.includes(hostile), 'justifications are shown as typed');
  // None of it became an element or ran.
  assert.equal(await page.locator('.report img, .report script, .report a[href^="javascript"]').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await page.close();
});

test('no console error and no request to another origin', () => {
  assert.deepEqual(app.consoleErrors, []);
  assert.deepEqual(app.foreign, []);
});

test('too few answers give no verdict; the missing critical items are named', async () => {
  const a = { format: 'aims-assessment', version: 1, organisation: { name: 'One answer' }, answers: { '5.2': { maturity: 3 } } };
  const page = await seeded('#/results', a);
  const verdict = page.locator('.verdict');
  assert.equal(await verdict.locator('.verdict-title').textContent(), 'Not enough answers for a verdict');
  assert.match(await verdict.textContent(), /1 of 70 applicable items assessed/);
  assert.match(await verdict.textContent(), /Critical items still to assess: 4\.3/);
  assert.match(await page.textContent('.figures'), /Against level 3, 1 of 70 answered/);
  assert.deepEqual(await app.axe(page), []);
  await page.close();
});

test('saved work is told once that the rules changed; a customer-only profile gets exclusions proposed, never applied', async () => {
  const a = structuredClone(techserve);
  a.profile = { roles: ['ai_customer'] };
  const page = await seeded('#/results', a);
  // Saved before rules were versioned: one notice, and the list is marked as seen.
  assert.match(await page.textContent('.notices'), /The readiness rules changed/);
  assert.equal(JSON.parse(await page.evaluate((ns) => localStorage.getItem(`${ns}:index`), NS)).rules, 2);

  const rows = page.locator('.proposals li.proposal');
  const before = await rows.count();
  assert.ok(before >= 2, `${before} proposals`);
  assert.match(await page.textContent('.proposals'), /nothing is excluded until you accept/);
  const first = (await rows.first().locator('.item-id').textContent()).trim();
  const status = (id) => page.locator('table.soa tr', { has: page.locator(`th:text-is("${id}")`) }).locator('td').last().textContent();
  assert.doesNotMatch(await status(first), /Excluded/, 'proposed, not applied');
  await rows.first().locator('textarea').fill('We only use AI products that suppliers build; their development is governed through A.10.3.');
  await rows.first().locator('.proposal-accept').click();
  await page.waitForFunction((n) => document.querySelectorAll('.proposals li.proposal').length === n - 1, before);
  assert.match(await status(first), /Excluded/);
  // Rejecting keeps the control in scope with a reason for inclusion, and it is not proposed again.
  const second = (await rows.first().locator('.item-id').textContent()).trim();
  await rows.first().locator('.proposal-reject').click();
  await page.waitForFunction((n) => document.querySelectorAll('.proposals li.proposal').length === n - 2, before);
  assert.doesNotMatch(await status(second), /Excluded/);
  assert.deepEqual(await app.axe(page), []);
  await page.close();
});
