// The action plan journey, from an assessment with a few ratings (seeded in the app's storage
// layout, web/src/storage.rs): the user builds a supplier-only profile with two AI systems on
// the Assessment page, accepts one proposed exclusion on the Results page, assigns owners and
// due dates and records evidence on the Plan page, sees the overdue action flagged, and exports
// the plan as CSV, OSCAL and iCalendar; the Report page prints it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start } from '../support/browser.mjs';

const NS = 'aims-readiness:v1';
let app;

before(async () => { app = await start(); });
after(async () => { await app?.close(); });

function assessment() {
  return {
    format: 'aims-assessment', version: 2, organisation: { name: 'Plan Journey Ltd' },
    answers: {
      '5.2': { maturity: 1 },
      '6.1.2': { maturity: 2 },
      'A.5.3': { maturity: 1 },
      'A.6.2.6': { maturity: 2 },
    },
  };
}

async function seeded(hash, seed = assessment(), on = app) {
  const page = await on.context.newPage();
  await page.addInitScript(([ns, a]) => {
    if (localStorage.getItem(`${ns}:index`)) return; // seed once; later loads keep the edits
    const id = 'seed-plan';
    localStorage.setItem(`${ns}:index`, JSON.stringify({
      version: 1, current: id, assessments: [{ id, name: 'Plan Journey Ltd', updated: 0 }],
    }));
    localStorage.setItem(`${ns}:assessment:${id}`, JSON.stringify({
      version: 1, rev: 1, writer: 'e2e-seed', saved: 0, assessment: a,
    }));
  }, [NS, seed]);
  return on.open(hash, page);
}

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

/** The saved assessment (what the app wrote to storage). */
const saved = (page) => page.evaluate((ns) => {
  const index = JSON.parse(localStorage.getItem(`${ns}:index`));
  return JSON.parse(localStorage.getItem(`${ns}:assessment:${index.current}`)).assessment;
}, NS);

test('plan journey: build a two-system profile, accept a proposed exclusion, assign owners and due dates, record evidence, export', async () => {
  const page = await seeded('#/assessment');
  // The profile: the organisation only uses suppliers' AI, two systems.
  await page.waitForSelector('#profile-editor[open]');
  await page.check('#role-ai_customer');
  for (const name of ['Support bot', 'CV ranking']) {
    await page.fill('#new-system-name', name);
    await page.click('#add-system');
  }
  await page.selectOption('#system-support-bot-origin', 'supplied');
  await page.selectOption('#system-cv-ranking-origin', 'supplied');
  await page.selectOption('#system-cv-ranking-stage', 'development');
  await page.check('#system-cv-ranking-affects');
  await page.waitForFunction((ns) => {
    const index = JSON.parse(localStorage.getItem(`${ns}:index`));
    const a = JSON.parse(localStorage.getItem(`${ns}:assessment:${index.current}`)).assessment;
    return a.profile?.roles?.[0] === 'ai_customer' && a.profile.systems?.length === 2
      && a.profile.systems.every((s) => s.origin === 'supplied') && a.profile.systems[1].affects_individuals === true;
  }, NS);
  assert.deepEqual(await app.axe(page), []);
  await app.screenshot(page, 'profile-editor');

  // The Data page now counts the AI systems from the inventory instead of offering a number
  // that would be ignored.
  await page.click('nav a[href="#/data"]');
  await page.waitForSelector('#org-ai-systems-derived');
  assert.equal((await page.textContent('#org-ai-systems-derived')).trim(), '2');
  assert.match(await page.textContent('#org-ai-systems-hint'), /Counted from the inventory .*\(2 systems listed\)/);
  assert.equal(await page.locator('input#org-ai-systems').count(), 0, 'no field that does nothing');

  await page.click('nav a[href="#/results"]');
  // The supplier-only profile proposes the development controls; accept one.
  const rows = page.locator('.proposals li.proposal');
  await rows.first().waitFor();
  assert.match(await page.textContent('.proposals'), /A\.6\.1\.2/);
  // Each proposal says why it is proposed: here, the supplier-only inventory.
  assert.match(await rows.first().locator('.proposal-basis').textContent(), /every AI system in the inventory is supplied/);
  const before = await rows.count();
  await rows.first().locator('.proposal-accept').click();
  await page.waitForFunction((n) => document.querySelectorAll('.proposals li.proposal').length === n - 1, before);
  await page.waitForFunction((ns) => {
    const index = JSON.parse(localStorage.getItem(`${ns}:index`));
    const a = JSON.parse(localStorage.getItem(`${ns}:assessment:${index.current}`)).assessment;
    return a.answers['A.6.1.2']?.applicable === false;
  }, NS);

  // The plan: one action per gap, the per-system item naming the weaker system.
  await page.click('nav a[href="#/plan"]');
  await page.waitForSelector('#plan-summary');
  assert.match(await page.textContent('#plan-row-a-5-3'), /A\.5\.3/);
  assert.match(await page.textContent('#plan-summary'), /4 actions: 4 open/);
  // Owners and due dates: one in the past (overdue), one ahead.
  await page.fill('#plan-owner-5-2', 'CEO');
  await page.press('#plan-owner-5-2', 'Tab');
  await page.fill('#plan-due-5-2', '2020-01-31');
  await page.press('#plan-due-5-2', 'Tab');
  await page.fill('#plan-owner-a-5-3', 'DPO');
  await page.press('#plan-owner-a-5-3', 'Tab');
  await page.fill('#plan-due-a-5-3', '2099-06-30');
  await page.press('#plan-due-a-5-3', 'Tab');
  await page.selectOption('#plan-status-a-5-3', 'in_progress');
  // Each edit re-renders the plan: wait until the status is saved before typing the evidence.
  await page.waitForFunction((ns) => {
    const index = JSON.parse(localStorage.getItem(`${ns}:index`));
    const a = JSON.parse(localStorage.getItem(`${ns}:assessment:${index.current}`)).assessment.answers;
    return a['A.5.3']?.status === 'in_progress' && a['A.5.3']?.due === '2099-06-30';
  }, NS);
  await page.fill('#plan-evidence-a-5-3', 'https://intranet.example/ia/cv-ranking.pdf\nDPIA 2026-03');
  await page.press('#plan-evidence-a-5-3', 'Tab');
  await page.waitForSelector('#plan-row-5-2 .overdue-flag');
  assert.match(await page.textContent('#plan-summary'), /1 overdue on/);
  await page.waitForFunction((ns) => {
    const index = JSON.parse(localStorage.getItem(`${ns}:index`));
    const a = JSON.parse(localStorage.getItem(`${ns}:assessment:${index.current}`)).assessment.answers;
    return a['5.2']?.owner === 'CEO' && a['5.2']?.due === '2020-01-31'
      && a['A.5.3']?.status === 'in_progress' && a['A.5.3']?.evidence?.length === 2;
  }, NS, { timeout: 15000 }).catch(async (e) => {
    const now = await saved(page);
    throw new Error(`not saved as entered: ${JSON.stringify({ '5.2': now.answers['5.2'], 'A.5.3': now.answers['A.5.3'] })}`, { cause: e });
  });
  const a = await saved(page);
  assert.deepEqual(a.answers['A.5.3'].evidence, ['https://intranet.example/ia/cv-ranking.pdf', 'DPIA 2026-03']);
  assert.equal(a.answers['A.5.3'].maturity, 1, 'the rating is kept');
  assert.equal(a.profile.systems.length, 2, 'the profile is kept');

  // Sorting by due date puts the overdue action first and the undated ones last.
  await page.selectOption('#plan-order', 'due');
  const order = await page.locator('.plan-table tbody tr').evaluateAll((trs) => trs.map((t) => t.id));
  assert.deepEqual(order.slice(0, 2), ['plan-row-5-2', 'plan-row-a-5-3']);

  // Filters, by keyboard: one owner's actions, then the overdue ones only; cleared again.
  await page.focus('#plan-owner-filter');
  await page.selectOption('#plan-owner-filter', { label: 'DPO' });
  await page.waitForFunction(() => document.querySelectorAll('.plan-table tbody tr').length === 1);
  assert.equal(await page.locator('.plan-table tbody tr').getAttribute('id'), 'plan-row-a-5-3');
  assert.match(await page.textContent('#plan-shown'), /Showing 1 of 4 actions/);
  await page.selectOption('#plan-owner-filter', 'all');
  await page.focus('#plan-overdue-only');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelectorAll('.plan-table tbody tr').length === 1);
  assert.equal(await page.locator('.plan-table tbody tr').getAttribute('id'), 'plan-row-5-2');
  await page.selectOption('#plan-owner-filter', { label: 'DPO' });
  await page.waitForFunction(() => document.querySelectorAll('.plan-table tbody tr').length === 0);
  assert.match(await page.textContent('#plan-shown'), /No action matches the filters/);
  await page.selectOption('#plan-owner-filter', { label: 'Without an owner' });
  await page.waitForFunction(() => document.querySelectorAll('.plan-table tbody tr').length === 0);
  await page.focus('#plan-overdue-only');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelectorAll('.plan-table tbody tr').length === 2);
  await page.selectOption('#plan-owner-filter', 'all');
  await page.waitForFunction(() => document.querySelectorAll('.plan-table tbody tr').length === 4);
  assert.match(await page.textContent('#plan-shown'), /Showing all 4 actions/);

  // Exports.
  const csv = await download(page, '#export-plan-csv');
  assert.match(csv.name, /^plan-journey-ltd-plan-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.match(csv.text, /critical,5\.2,AI policy,.*,CEO,2020-01-31,open,yes,/);
  const ics = await download(page, '#export-plan-ics');
  assert.match(ics.name, /\.ics$/);
  assert.match(ics.text, /^BEGIN:VCALENDAR\r\n/);
  assert.equal((ics.text.match(/BEGIN:VEVENT/g) ?? []).length, 2);
  assert.match(ics.text, /DTSTART;VALUE=DATE:20200131\r\n/);
  const oscal = JSON.parse((await download(page, '#export-plan-oscal')).text);
  const poam = oscal['plan-of-action-and-milestones'];
  assert.equal(poam['poam-items'].length, 4);
  assert.equal(poam.risks.find((r) => r.props[0].value === 'A.5.3').status, 'remediating');
  assert.deepEqual(await app.axe(page), []);
  await app.screenshot(page, 'plan');

  // The Report page prints the plan.
  await page.click('nav a[href="#/report"]');
  await page.waitForSelector('#plan-h');
  assert.match(await page.textContent('.report'), /CEO/);
  assert.match(await page.textContent('.report'), /overdue by \d+ days?/);
  await page.close();
});

test('the quick scan suggests the role from the list of AI systems, and only the user answers it', async () => {
  const seed = assessment();
  seed.profile = {
    systems: [
      { id: 'support-bot', name: 'Support bot', origin: 'supplied' },
      { id: 'cv-ranking', name: 'CV ranking', origin: 'supplied' },
    ],
  };
  // A browser profile of its own: the journey above has stored its assessment already.
  const own = await start();
  try {
    await suggestionJourney(own, await seeded('#/quick-scan', seed, own));
  } finally {
    await own.close();
  }
});

async function suggestionJourney(own, page) {
  await page.waitForSelector('#qs-profile-hint');
  assert.equal(
    await page.textContent('#qs-profile-hint'),
    'From your list of AI systems in scope: Support bot and CV ranking are supplied by others. That points to \u201cWe only use AI products or services that suppliers build\u201d: choose it to confirm, or another answer if the list is incomplete.',
  );
  // The suggested option is marked, not chosen.
  assert.equal(await page.textContent('label:has(.qs-suggested) .qs-text'), 'We only use AI products or services that suppliers build');
  assert.equal(await page.locator('.qs-options input:checked').count(), 0);
  assert.equal((await saved(page)).profile.roles, undefined);
  assert.deepEqual(await own.axe(page), []);
  await own.screenshot(page, 'quick-scan-profile-hint');

  await page.click('label:has(.qs-suggested)');
  await page.waitForFunction(() => document.querySelector('#qs-profile-hint')?.textContent.startsWith('Matches your list'));
  await page.waitForFunction((ns) => {
    const index = JSON.parse(localStorage.getItem(`${ns}:index`));
    const a = JSON.parse(localStorage.getItem(`${ns}:assessment:${index.current}`)).assessment;
    return JSON.stringify(a.profile?.roles) === '["ai_customer"]';
  }, NS);

  // An answer that disagrees with the list is questioned, not changed.
  await page.click('.qs-option:first-child');
  await page.waitForSelector('#qs-profile-hint.callout-warn');
  assert.match(await page.textContent('#qs-profile-hint'), /^Check this answer against your list of AI systems in scope/);
  assert.deepEqual((await saved(page)).profile.systems.map((s) => s.origin), ['supplied', 'supplied']);
}
