// The embeddable widget (docs/embedding.md) on the example host pages in examples/, served with
// the strict Content-Security-Policy the issue names: it loads, completes by keyboard, reports
// `aims:completed`, fetches its Wasm only when needed, keeps each widget's answers apart, posts
// from an iframe only to the origin the host named, and causes no CSP violation, console error
// or request to another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { start, DIST } from '../support/browser.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const WASM = /\/embed\/aims_embed_bg\.wasm$/;
const require = createRequire(import.meta.url);

let app;
before(async () => {
  app = await start({
    headers: [
      { prefix: '/examples/', headers: { 'content-security-policy': CSP } },
      { prefix: '/embed', headers: { 'content-security-policy': CSP } },
    ],
  });
  // Every page and frame records CSP violations from its first script on.
  await app.context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    }, true);
  });
});
after(async () => { await app?.close(); });

/** A page of examples/ with every request it makes recorded. */
async function openExample(name, { viewport } = {}) {
  const page = await app.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${app.url}/examples/${name}`);
  return { page, requests };
}

/** Waits until the widget `id` has replaced its placeholder with the quick scan. */
async function ready(page, id) {
  await page.locator(`#${id} .quick-scan, #${id} .qs-end`).waitFor();
}

/** Records the `aims:completed` events that reach the document (so they bubble). */
async function recordCompleted(page) {
  await page.evaluate(() => {
    window.__completed = [];
    document.addEventListener('aims:completed', (e) => window.__completed.push({ id: e.target.id, detail: e.detail }));
  });
}

/** CSP violations seen by the page and its frames. */
async function violations(page) {
  const all = [];
  for (const f of page.frames()) all.push(...(await f.evaluate(() => window.__csp ?? []).catch(() => [])));
  return all;
}

/** axe-core inside the page, shadow roots included (injected through the driver, since the CSP
 * forbids the inline script the harness would add). */
async function axe(page) {
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

test('the script-tag host page under the strict CSP: keyboard-complete quick scan, aims:completed, no violation', async () => {
  const { page, requests } = await openExample('script-tag.html');
  await ready(page, 'scan');
  await recordCompleted(page);
  const total = Number((await page.locator('#scan .progress-label').textContent()).match(/of (\d+)/)[1]);
  assert.ok(total >= 10, `${total} questions`);

  // Tab from the page into the widget's first option.
  let inside = false;
  for (let i = 0; i < 40 && !inside; i++) {
    await page.keyboard.press('Tab');
    inside = await page.evaluate(() => {
      const w = document.getElementById('scan');
      return document.activeElement === w && w.shadowRoot.activeElement?.type === 'radio';
    });
  }
  assert.ok(inside, 'Tab reaches the options inside the widget');

  // Each question: the arrow keys choose a level (Space the first), Enter goes on; focus moves
  // to the next question's heading and Tab reaches its options.
  // The role and certificate questions have their own options (values o0, o1, ...).
  for (let q = 0; q < total; q++) {
    const options = await page.locator('#scan input[type=radio]').count();
    const level = [0, 1, 2, 3, 4, 2][q % 6] % options;
    const value = options === 6 ? String(level) : `o${level}`;
    if (level === 0) await page.keyboard.press('Space');
    for (let k = 0; k < level; k++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#scan input[type=radio]:checked').getAttribute('value'), value, `question ${q + 1}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('scan').shadowRoot.activeElement?.tagName === 'H2');
    if (q + 1 < total) await page.keyboard.press('Tab');
  }
  await page.waitForFunction(() => window.__completed.length > 0);
  const [{ id, detail }] = await page.evaluate(() => window.__completed);
  assert.equal(id, 'scan');
  assert.equal(await page.evaluate(() => document.getElementById('scan').shadowRoot.activeElement.textContent), 'Your indicative readiness');
  assert.equal(typeof detail.score, 'number');
  assert.equal(detail.complete, true);
  assert.equal(detail.questions_answered, total);
  assert.match(detail.band, /^(early-stage|developing|nearly-ready|ready-for-audit)$/);
  assert.equal(detail.top_gaps.length, 3);
  for (const g of detail.top_gaps) assert.ok(g.item && g.title && g.current < g.target, JSON.stringify(g));
  // The widget shows what the event says; the host's own script received it too.
  const shown = await page.locator('#scan .band').textContent();
  assert.ok(shown.includes(detail.band_label), shown);
  assert.ok(shown.includes(`${Math.round(detail.score)}%`), shown);
  assert.match(await page.textContent('#scan-result'), new RegExp(`^${detail.band_label}, readiness ${Math.round(detail.score)}%`));
  // The app-url attribute links the full app, in a new tab.
  const full = page.locator('#scan .qs-cta a');
  assert.equal(await full.evaluate((a) => a.href), `${app.url}/`);
  assert.equal(await full.getAttribute('target'), '_blank');
  assert.equal(await full.getAttribute('rel'), 'noopener');

  await app.screenshot(page, 'embed-script-tag-result');
  assert.deepEqual(await violations(page), []);
  assert.ok(requests.some((u) => WASM.test(u)));
  assert.deepEqual(app.consoleErrors, []);
  assert.deepEqual(app.foreign, []);
  // axe-core itself sets inline styles while it measures, which this CSP refuses (and reports):
  // it runs last, and what it causes is not the widget's.
  assert.deepEqual(await axe(page), []);
  app.consoleErrors.length = 0;
  await page.close();
});

test('a visitor whose organisation only uses suppliers\' AI is told, on the result, which controls could be excluded in the full assessment', async () => {
  const { page } = await openExample('script-tag.html');
  // A first visit (the first test completed this widget's scan in this browser profile).
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await ready(page, 'scan');
  const total = Number((await page.locator('#scan .progress-label').textContent()).match(/of (\d+)/)[1]);
  for (let q = 0; q < total; q++) {
    // The first question is the role for AI: "only uses suppliers' AI" is its second option.
    await page.locator('#scan .qs-option').nth(q === 0 ? 1 : 0).click();
    await page.locator('#scan .qs-next').click();
  }
  await page.waitForSelector('#scan .qs-end');
  // The same rule as the full report's proposed exclusions (the engine's quick-scan summary);
  // nothing is excluded until the visitor confirms it in the full assessment.
  const note = await page.locator('#scan .qs-proposals').textContent();
  assert.match(note, /From your role for AI, \d+ Annex A controls? could be excluded with a justification\. Nothing is excluded until you confirm it in the full assessment\./);
  assert.deepEqual(app.consoleErrors, []);
  await page.close();
});

test('the loader is tiny: embed.js is at most 5 KB brotli', async () => {
  const buf = await readFile(join(DIST, 'embed.js'));
  const brotli = brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  assert.ok(brotli <= 5 * 1024, `embed.js is ${brotli} bytes brotli`);
});

test('the CSP violation watch works: an inline style attribute on the host page is caught', async () => {
  const { page } = await openExample('index.html');
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { innerHTML: '<b style="color: red">x</b>' })));
  await page.waitForFunction(() => window.__csp.length > 0);
  assert.match((await violations(page))[0], /^style-src/);
  app.consoleErrors.length = 0; // the browser's report of the violation made on purpose
  await page.close();
});

test('the Wasm is fetched only when the widget comes into view, or when its start button is used', async () => {
  const { page, requests } = await openExample('long-page.html', { viewport: { width: 1280, height: 700 } });
  await page.locator('#scan .aims-placeholder').waitFor();
  await page.waitForLoadState('networkidle');
  const below = await page.evaluate(() => document.getElementById('scan').getBoundingClientRect().top - innerHeight);
  assert.ok(below > 300, `the widget starts ${below}px below the first screen`);
  // Rendered twice since: an intersection the observer saw would have started the fetch.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(requests.filter((u) => /aims_embed/.test(u)), [], 'nothing of the widget but embed.js and its stylesheet before it is seen');
  assert.ok(requests.some((u) => u.endsWith('/embed.js')));

  await page.locator('#scan').scrollIntoViewIfNeeded();
  await ready(page, 'scan');
  assert.equal(requests.filter((u) => WASM.test(u)).length, 1);
  await page.close();

  // A keyboard user who reaches the start button before the widget is in view: it loads on use
  // and focus moves to the first question.
  const second = await openExample('long-page.html', { viewport: { width: 1280, height: 700 } });
  await second.page.locator('#scan .aims-placeholder').waitFor();
  await second.page.evaluate(() => document.getElementById('scan').shadowRoot.querySelector('button').click());
  await ready(second.page, 'scan');
  await second.page.waitForFunction(() => document.getElementById('scan').shadowRoot.activeElement?.tagName === 'H2');
  assert.equal(second.requests.filter((u) => WASM.test(u)).length, 1);
  assert.deepEqual(await violations(second.page), []);
  await second.page.close();
  assert.deepEqual(app.consoleErrors, []);
});

test('two widgets on one page keep separate answers under their own storage keys', async () => {
  const { page } = await openExample('two-widgets.html');
  await ready(page, 'before');
  await page.locator('#after').scrollIntoViewIfNeeded();
  await ready(page, 'after');
  // The first question is the organisation's role for AI.
  await page.locator('#before .qs-option').nth(1).click();
  await page.locator('#after .qs-option').nth(0).click();
  // Saved within 300 ms, each under its own namespace.
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => /^aims-readiness-embed:course-(before|after):v2:quick-scan$/.test(k)).length === 2);
  const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
  const keys = Object.keys(stored);
  assert.ok(keys.every((k) => k.startsWith('aims-readiness-embed:')), keys.join(', '));
  assert.ok(!keys.some((k) => k.startsWith('aims-readiness:')), 'nothing under the full app\'s namespace');
  // One key per widget, holding the answers as lines (docs/embedding.md, "What is saved").
  assert.equal(stored['aims-readiness-embed:course-before:v2:quick-scan'], 'aims-quick-scan 1\nrole o1\n');
  assert.equal(stored['aims-readiness-embed:course-after:v2:quick-scan'], 'aims-quick-scan 1\nrole o0\n');

  // After a reload each widget opens at its own next question, and its first answer is its own.
  await page.reload();
  await ready(page, 'before');
  await page.locator('#after').scrollIntoViewIfNeeded();
  await ready(page, 'after');
  for (const [id, level] of [['before', 'o1'], ['after', 'o0']]) {
    assert.match(await page.locator(`#${id} .progress-label`).textContent(), /^Question 2 of/);
    await page.locator(`#${id} .qs-nav button.secondary`).click();
    assert.equal(await page.locator(`#${id} input[type=radio]:checked`).getAttribute('value'), String(level), id);
  }
  await app.screenshot(page, 'embed-two-widgets');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(app.consoleErrors, []);
  await page.close();
});

test('saved answers: an earlier widget\'s are carried over, an unreadable value is set aside and named, another tab\'s answer shows at once', async () => {
  const NS = 'aims-readiness-embed:academy-module-3';
  const KEY = `${NS}:v2:quick-scan`;
  const { page } = await openExample('script-tag.html');
  // What the widget saved before its answers had a key of their own: an index and a whole
  // assessment (the role "only uses suppliers' AI", level 2 on the items of the third question).
  await page.evaluate((NS) => {
    localStorage.clear();
    localStorage.setItem(`${NS}:v1:index`, JSON.stringify({ version: 1, current: 'a1', assessments: [{ id: 'a1', name: 'Quick scan', updated: 1 }], deleted: [] }));
    localStorage.setItem(`${NS}:v1:assessment:a1`, JSON.stringify({ version: 1, rev: 3, writer: 't', saved: 1, overrode: [],
      assessment: { format: 'aims-assessment', version: 1, framework: 'iso42001', profile: { roles: ['ai_customer'] }, answers: {} } }));
  }, NS);
  await page.reload();
  await ready(page, 'scan');
  assert.match(await page.locator('#scan .progress-label').textContent(), /^Question 2 of \d+ · 1 answered$/);
  assert.equal(await page.evaluate((KEY) => localStorage.getItem(KEY), KEY), 'aims-quick-scan 1\nrole o1\n');
  assert.ok(await page.evaluate((NS) => localStorage.getItem(`${NS}:v1:index`) !== null, NS), 'the old keys are left as they were');
  await page.locator('#scan .qs-nav button.secondary').click();
  assert.equal(await page.locator('#scan input[type=radio]:checked').getAttribute('value'), 'o1');

  // A value the widget cannot read: copied aside, the visitor told what is wrong, nothing lost.
  await page.evaluate((KEY) => localStorage.setItem(KEY, 'aims-quick-scan 1\nrole o7\n'), KEY);
  await page.reload();
  await ready(page, 'scan');
  const note = await page.locator('#scan .embed-note').textContent();
  assert.match(note, /could not be read \(line 2: “o7” is not an answer to question role\), so the quick scan starts afresh \(the old data is kept aside\)/);
  const backups = await page.evaluate((KEY) => Object.keys(localStorage).filter((k) => k.startsWith(`${KEY}:backup:`)).map((k) => localStorage.getItem(k)), KEY);
  assert.deepEqual(backups, ['aims-quick-scan 1\nrole o7\n']);
  await page.locator('#scan .qs-option').nth(2).click();
  await page.waitForFunction((KEY) => localStorage.getItem(KEY) === 'aims-quick-scan 1\nrole o2\n', KEY);

  // Another tab with the same widget: its answer is shown here at once, and ours keeps it.
  const other = await app.context.newPage();
  await other.goto(`${app.url}/examples/script-tag.html`);
  await ready(other, 'scan');
  await other.locator('#scan .qs-nav button.secondary').click();
  await other.locator('#scan .qs-option').nth(0).click();
  await page.waitForFunction(() => document.getElementById('scan').shadowRoot.querySelector('input[type=radio]:checked')?.value === 'o0');
  assert.match(await page.locator('#scan .qs-option-checked').textContent(), /We build/);
  await page.locator('#scan .qs-next').click();
  await page.locator('#scan .qs-option').nth(3).click();
  await page.waitForFunction((KEY) => /^aims-quick-scan 1\nrole o0\ncertificate o3\n$/.test(localStorage.getItem(KEY)), KEY);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(app.consoleErrors, []);
  await other.close();
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('the widget fits a 320 px container, inherits the host font, takes its theme, and styles do not cross the shadow boundary', async () => {
  const { page } = await openExample('script-tag.html', { viewport: { width: 320, height: 700 } });
  // A first visit (the first test completed this widget's scan in this browser profile).
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('#scan').scrollIntoViewIfNeeded();
  await ready(page, 'scan');
  const look = await page.evaluate(() => {
    const w = document.getElementById('scan');
    const root = w.shadowRoot;
    const next = root.querySelector('.qs-next');
    const h2 = root.querySelector('h2');
    return {
      pageOverflow: document.documentElement.scrollWidth - innerWidth,
      widgetOverflow: [...root.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > w.getBoundingClientRect().right + 1).map((e) => e.className || e.tagName),
      hostFont: getComputedStyle(document.body).fontFamily,
      widgetFont: getComputedStyle(h2).fontFamily,
      nextBackground: getComputedStyle(next).backgroundColor,
      nextTransform: getComputedStyle(next).textTransform,
      hostSheets: [...document.styleSheets].map((s) => s.href ?? 'inline'),
    };
  });
  assert.ok(look.pageOverflow <= 0, `page is ${look.pageOverflow}px wider than the screen`);
  assert.deepEqual(look.widgetOverflow, []);
  assert.equal(look.widgetFont, look.hostFont, 'the host font is inherited');
  assert.equal(look.nextBackground, 'rgb(122, 75, 30)', '--aims-accent themes the buttons; the host button rule does not apply');
  assert.equal(look.nextTransform, 'none');
  assert.ok(look.hostSheets.every((h) => !h.includes('/embed/')), `the widget's stylesheet stays in its shadow root: ${look.hostSheets}`);
  await app.screenshot(page, 'embed-320');
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test('the iframe form posts aims:completed only to the parent origin the host named', async () => {
  const { page } = await openExample('iframe.html');
  await page.evaluate(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push({ origin: e.origin, type: e.data?.type }));
  });
  const frameEl = page.locator('#aims-frame');
  assert.equal(await frameEl.getAttribute('sandbox'), 'allow-scripts allow-same-origin');
  const frame = page.frameLocator('#aims-frame');

  async function completeInFrame() {
    await frame.locator('aims-readiness .quick-scan').waitFor();
    // Answer the first question, skip the rest.
    await frame.locator('aims-readiness .qs-option').nth(2).click();
    await frame.locator('aims-readiness .qs-next').click();
    const total = Number((await frame.locator('aims-readiness .progress-label').textContent()).match(/of (\d+)/)[1]);
    for (let q = 1; q < total; q++) await frame.locator('aims-readiness .qs-skip').click();
    await frame.locator('aims-readiness .qs-end').waitFor();
  }

  // Named its own origin: the host receives the result (and sizes the frame).
  await completeInFrame();
  await page.waitForFunction(() => window.__messages.some((m) => m.type === 'aims:completed'));
  const got = await page.evaluate(() => window.__messages);
  assert.ok(got.every((m) => m.origin === new URL(app.url).origin), JSON.stringify(got));
  // One answer of many: no band, and the host is told how far the scan got.
  assert.match(await page.textContent('#frame-result'), /^1 of \d+ questions answered/);
  assert.ok((await frameEl.boundingBox()).height > 300, 'the host sized the frame to its content');
  await app.screenshot(page, 'embed-iframe');

  // Named another origin, or none: nothing reaches the host.
  for (const named of ['http://other.example', '*', null]) {
    await page.evaluate(() => { window.__messages = []; });
    await page.evaluate((named) => {
      const f = document.getElementById('aims-frame');
      const src = new URL('../embed.html', location.href);
      src.searchParams.set('storage-key', `other-${String(named)}`);
      if (named) src.searchParams.set('parent-origin', named);
      f.src = src.href;
    }, named);
    await completeInFrame();
    // A probe posted by the frame after the scan ended arrives after anything the frame posted
    // before it (one window's posted messages are delivered in order): no fixed wait.
    const inner = await (await frameEl.elementHandle()).contentFrame();
    await inner.evaluate(() => parent.postMessage({ type: 'probe' }, '*'));
    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'probe'));
    const got = await page.evaluate(() => window.__messages.filter((m) => m.type !== 'probe'));
    assert.deepEqual(got, [], `parent-origin ${named}`);
  }
  assert.deepEqual(await violations(page), []);
  // The browser itself reports a message it refused to deliver to a mismatched origin.
  const refused = app.consoleErrors.filter((e) => /does not match the recipient window's origin/.test(e));
  assert.ok(refused.length <= 1, refused.join('\n'));
  assert.deepEqual(app.consoleErrors.filter((e) => !refused.includes(e)), []);
  app.consoleErrors.length = 0;
  assert.deepEqual(app.foreign, []);
  await page.close();
});

test('a bad attribute is shown in place of the widget, naming the attribute; a good one in another widget still loads', async () => {
  const { page } = await openExample('script-tag.html');
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.evaluate(() => {
    for (const [id, attrs] of [
      ['bad', { mode: 'full', loading: 'eager', 'app-url': 'javascript:alert(1)', 'storage-key': 'bad' }],
      ['good', { loading: 'eager', 'storage-key': 'good', 'app-url': 'https://aims.example/' }],
    ]) {
      const w = document.createElement('aims-readiness');
      w.id = id;
      for (const [k, v] of Object.entries(attrs)) w.setAttribute(k, v);
      document.body.prepend(w);
    }
  });
  await ready(page, 'good');
  const status = page.locator('#bad .embed-status');
  await status.filter({ hasText: 'cannot start' }).waitFor();
  const text = await status.textContent();
  assert.match(text, /attribute "mode": the widget has no mode "full": use mode="quick"/);
  assert.match(text, /attribute "app-url": "javascript:alert\(1\)" uses the scheme "javascript:"/);
  assert.equal(await page.locator('#bad .quick-scan').count(), 0, 'nothing rendered for a bad configuration');
  assert.equal(await page.locator('#bad .embed-status').getAttribute('role'), 'status');
  assert.ok(warnings.some((w) => w.includes('attribute "mode"')), warnings.join('\n'));
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(app.consoleErrors, []);
  await page.close();
});

test('no console error and no foreign request on the example pages', () => {
  assert.deepEqual(app.consoleErrors, []);
  assert.deepEqual(app.foreign, []);
});
