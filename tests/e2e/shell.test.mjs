// The app frame: loads cleanly, stays on its own origin, navigates, deep-links, is accessible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../support/browser.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

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

// ---- Loading: the prerendered start page and the app started on demand (web/boot.js) --------

/** The app's rendered frame, reduced to what a reader meets: tags, the attributes that carry
 *  meaning, and text (whitespace between elements is not content). */
function frameShape(within = document.body) {
  const keep = ['href', 'class', 'aria-label', 'aria-hidden', 'aria-live', 'aria-current', 'id', 'tabindex', 'role'];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent.trim() ? node.textContent.trim() : null;
    if (node.nodeType !== Node.ELEMENT_NODE || node.matches('.boot-status, noscript, script, meta')) return null;
    if (getComputedStyle(node).display === 'none') return null; // a prerendered page not shown
    const attrs = keep.filter((a) => node.hasAttribute(a)).map((a) => `${a}=${node.getAttribute(a)}`);
    return { tag: node.tagName.toLowerCase(), attrs, children: [...node.childNodes].map(walk).filter((c) => c !== null) };
  };
  return [...within.children].map(walk).filter((c) => c !== null);
}

/** The start page as a first visit sees it: nothing saved in this origin (the tests share one
 *  browser profile), so the prerendered page stays until a link is used. */
async function firstVisit(setup) {
  const page = await app.fresh('', { setup });
  assert.equal(await page.getAttribute('html', 'data-ready'), 'static');
  return page;
}

test('a first visit shows the start page with no Wasm, and a link starts the app', async () => {
  const wasm = [];
  const page = await firstVisit((p) => p.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); }));
  assert.equal(await page.textContent('main h1'), 'Start');
  // The page has loaded all it loads by itself and rendered: still no Wasm.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(wasm, [], 'no Wasm before a link is used');
  // A click (the pointer passing over the link already starts the download).
  await page.click('main a.card[href="#/quick-scan"]');
  await page.waitForSelector('html[data-ready="app"]', { state: 'attached' });
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Quick scan');
  // A first visitor's quick scan is the first-use page: the widget's module (no Yew), in place
  // of the prerendered quick scan (the full app may follow once the page is idle).
  assert.match(wasm[0], /\/embed\/aims_embed_bg\.wasm$/, wasm.join(', '));
  assert.equal(wasm.filter((u) => /\/quick\/aims-quick-/.test(u)).length, 0, 'no quick-scan build');
  assert.equal(await page.getAttribute('html', 'data-build'), 'lean');
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.getAttribute('html', 'data-page'), 'quick-scan');
  await page.locator('main .qs-option').nth(1).click();
  await page.click('main .qs-next');
  await page.waitForFunction(() => document.querySelector('#qs-progress-label')?.textContent === 'Question 2 of 25 · 1 answered');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'qs-question', 'focus on the new question');
  assert.deepEqual(app.consoleErrors, []);
  await page.close();
});

for (const [href, title] of [['#/quick-scan', 'Quick scan'], ['#/assessment', 'Full assessment']]) {
  test(`while the app loads after a hover, the start page stays and the first click counts (${href})`, async () => {
    // The Wasm is held back until the test lets it through, as on a slow network.
    let requested;
    let release;
    const asked = new Promise((r) => { requested = r; });
    const held = new Promise((r) => { release = r; });
    const page = await firstVisit((p) => p.route('**/*.wasm', async (route) => {
      requested();
      await held;
      await route.continue();
    }));
    const card = page.locator(`main a.card[href="${href}"]`);
    await card.hover();
    await asked; // the hover started the download
    assert.equal(await page.getAttribute('html', 'data-boot'), 'static');
    assert.ok(await card.isVisible(), 'the card under the pointer stays');
    await card.click();
    // The address changes with the click; boot.js follows its `hashchange`.
    await page.waitForFunction((h) => location.hash === h, href);
    if (href === '#/quick-scan') {
      // The quick scan's first question is prerendered: it shows at once and works.
      await page.waitForSelector('html[data-boot="static"][data-page="quick-scan"]', { state: 'attached' });
      assert.ok(await page.isVisible('#qs-role-o0'));
    } else {
      // Another page: a status line stands in for the start page until the app.
      await page.waitForSelector('html[data-boot="loading"]', { state: 'attached' });
      assert.match(await page.textContent('.boot-status'), /Loading/);
    }
    release();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, title);
    assert.equal(await page.evaluate(() => location.hash), href);
    await page.close();
  });
}

test('a click on a prerendered link is not lost when the app arrives between press and release', async () => {
  let release;
  let served;
  const held = new Promise((r) => { release = r; });
  const done = new Promise((r) => { served = r; });
  const page = await firstVisit((p) => p.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
    served();
  }));
  const box = await page.locator('main a.card[href="#/quick-scan"]').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2); // starts the download
  await page.mouse.down();
  release(); // the app arrives while the button is down
  await done;
  // The app is ready to mount: it waits for the release (`data-waits-for-pointer`); without that
  // wait it would mount now, between press and release.
  await page.waitForSelector('html[data-waits-for-pointer], html[data-ready="app"]', { state: 'attached' });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Quick scan');
  assert.equal(await page.evaluate(() => location.hash), '#/quick-scan');
  await page.close();
});

for (const [link, build] of [['#/results', 'full'], ['#/', 'quick']]) {
  test(`the prerendered start page is the app’s own start page (the ${build} build)`, async () => {
    const page = await firstVisit();
    const prerendered = await page.evaluate(frameShape);
    // Hovering a link starts the build its page needs, which renders the start page itself.
    await page.hover(`header a[href="${link}"]`);
    await page.waitForSelector('html[data-ready="app"]', { state: 'attached' });
    assert.equal(await page.getAttribute('html', 'data-build'), build);
    assert.equal(await page.textContent('main h1'), 'Start');
    const rendered = await page.evaluate(frameShape);
    assert.deepEqual(prerendered, rendered);
    await page.close();
  });
}

test('a deep link to the quick scan shows its first question at once; an answer given before the app starts is kept', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const page = await app.context.newPage();
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-cleared')) {
      localStorage.clear();
      sessionStorage.setItem('e2e-cleared', '1');
    }
  });
  await page.goto(`${app.url}/#/quick-scan`);
  // Before any Wasm: the first question, as the app renders it.
  await page.waitForSelector('html[data-boot="static"][data-page="quick-scan"]', { state: 'attached' });
  assert.equal(await page.textContent('main h1:visible'), 'Quick scan');
  assert.equal(await page.textContent('#qs-question'), "What is your organisation's role for AI?");
  const prerendered = await page.$eval('main', frameShape);
  assert.deepEqual(await app.axe(page), []);
  // Its radio buttons work at once; "Next" is taken over by the app.
  await page.check('#qs-role-o1');
  await page.click('.qs-next');
  release();
  await page.waitForSelector('html[data-ready="app"]', { state: 'attached' });
  await page.waitForFunction(() => document.querySelector('#qs-progress-label')?.textContent === 'Question 2 of 25 · 1 answered');
  // A first visitor's page saves the answers on their own (docs/performance.md, "First use").
  assert.equal(await page.getAttribute('html', 'data-build'), 'lean');
  assert.equal(await page.evaluate(() => localStorage.getItem('aims-readiness:v2:quick-scan')), 'aims-quick-scan 1\nrole o1\n');
  // A returning visitor's quick scan is the quick-scan build's, which takes the answers over
  // into an assessment (saved in the app's layout) and goes on at the same question.
  await page.reload();
  await page.waitForSelector('html[data-build="quick"]', { state: 'attached' });
  await page.waitForFunction(() => document.querySelector('#qs-progress-label')?.textContent === 'Question 2 of 25 · 1 answered');
  await app.settled(page);
  const saved = await page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('aims-readiness:v1:index'));
    return JSON.parse(localStorage.getItem(`aims-readiness:v1:assessment:${index.current}`)).assessment;
  });
  assert.deepEqual(saved.profile.roles, ['ai_customer']);
  assert.equal(await page.evaluate(() => localStorage.getItem('aims-readiness:v2:quick-scan')), null, 'taken over');
  assert.equal(await page.locator('[data-prerendered]').count(), 0);
  assert.equal(await page.locator('html[data-page]').count(), 0);
  // The first-use page's first question has the prerendered page's shape.
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
  const again = await app.fresh('#/quick-scan');
  await again.waitForSelector('html[data-ready="app"]', { state: 'attached' });
  await again.waitForSelector('#qs-question');
  assert.equal(await again.getAttribute('html', 'data-build'), 'lean');
  assert.deepEqual(await again.$eval('main', frameShape), prerendered);
  await again.close();
  await page.close();
});

/** The Wasm files a page fetched, in order, and when (ms since the page's start). */
function wasmFetches() {
  return performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'))
    .map((e) => ({ name: new URL(e.name).pathname, at: e.startTime }));
}

test('a first visitor\'s quick scan loads only the first-use page; another page hands over to the full app with nothing lost', async () => {
  const page = await app.fresh('#/quick-scan');
  await page.waitForSelector('html[data-build="lean"]', { state: 'attached' });
  const started = await page.evaluate(() => performance.getEntriesByName('aims:started:lean')[0].startTime);
  const before = (await page.evaluate(wasmFetches)).filter((f) => f.at <= started);
  assert.equal(before.length, 1, JSON.stringify(before));
  assert.match(before[0].name, /^\/embed\/aims_embed_bg\.wasm$/);
  // Answer the first question and leave at once: the first-use page saves each answer as it
  // is given, and the full app takes the answers over when it starts.
  await page.locator('main input[type=radio]').first().check();
  await page.click('nav a[href="#/results"]');
  await page.waitForSelector('html[data-build="full"]', { state: 'attached' });
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Results');
  const wasm = await page.evaluate(wasmFetches);
  assert.ok(wasm.some((f) => /\/aims-web-[0-9a-f]{16}_bg\.wasm$/.test(f.name)), JSON.stringify(wasm));
  assert.equal(await page.locator('main').count(), 1, 'one app on the page');
  // The answer is there in the full app.
  await page.click('nav a[href="#/quick-scan"]');
  await page.waitForSelector('#qs-progress');
  assert.match(await page.textContent('#qs-progress'), /1 answered/);
  assert.equal(await page.locator('main input[type=radio]:checked').count(), 0, 'the scan resumes at the first open question');
  assert.deepEqual(app.consoleErrors, []);
  await page.close();
});

test('once the quick scan has prefetched the rest of the app, every page opens offline', async () => {
  const page = await app.fresh('#/quick-scan');
  await page.waitForSelector('html[data-build="lean"][data-prefetched]', { state: 'attached' });
  await page.context().setOffline(true);
  try {
    await page.locator('main input[type=radio]').nth(1).check();
    await page.click('nav a[href="#/results"]');
    await page.waitForSelector('html[data-build="full"]', { state: 'attached' });
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Results');
    await page.click('nav a[href="#/roi"]');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'ROI');
    assert.equal(await page.locator('.boot-failure').count(), 0);
  } finally {
    await page.context().setOffline(false);
  }
  assert.deepEqual(app.consoleErrors, []);
  await page.close();
});

test('when the full app cannot be fetched after the quick scan, the page says so, offers a retry and loses nothing', async () => {
  const errors = app.consoleErrors.length;
  let blocked = true;
  const page = await app.fresh('#/quick-scan', {
    setup: (p) => p.route(/\/aims-web-[0-9a-f]{16}(_bg\.wasm|\.js)$/, (route) => (blocked ? route.abort() : route.continue())),
  });
  await page.waitForSelector('html[data-build="lean"]', { state: 'attached' });
  await page.locator('main input[type=radio]').nth(2).check();
  await page.click('nav a[href="#/results"]');
  await page.waitForSelector('html[data-boot="failed"]', { state: 'attached' });
  assert.match(await page.textContent('.boot-failure'), /could not start.*try again.*your answers are saved/i);
  assert.equal(await page.getAttribute('html', 'data-build'), 'lean', 'the first-use page is still the one running');
  assert.deepEqual(await app.axe(page), []);
  await app.screenshot(page, 'boot-failure');
  blocked = false;
  await page.click('.boot-failure button');
  await page.waitForSelector('html[data-build="full"]', { state: 'attached' });
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Results');
  assert.equal(await page.locator('.boot-failure').count(), 0);
  assert.equal(await page.locator('html[data-boot]').count(), 0);
  await page.click('nav a[href="#/quick-scan"]');
  await page.waitForSelector('#qs-progress');
  assert.match(await page.textContent('#qs-progress'), /1 answered/);
  // The aborted requests are logged by the browser as errors; they are this test's doing.
  app.consoleErrors.splice(errors);
  await page.close();
});

test('keyboard focus on the prerendered page survives the app taking over', async () => {
  const page = await firstVisit();
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab'); // the brand link: focus on a link starts the app
  await page.waitForSelector('html[data-ready="app"]', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#/');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-prerendered]')), null);
  await page.close();
});

test('the skip link of the prerendered page moves focus without changing the address', async () => {
  const page = await firstVisit();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.equal(await page.evaluate(() => location.hash), '');
  await page.close();
});

test('a deep link or saved work starts the app at once, with no start page shown meanwhile', async () => {
  const page = await app.context.newPage();
  // Record whether the prerendered start page content was visible in any frame before the app
  // (animation frame callbacks run with styles resolved, just before each paint).
  await page.addInitScript(() => {
    window.__startShown = false;
    requestAnimationFrame(function tick() {
      const h1 = document.querySelector('main[data-prerendered] h1');
      if (h1 && h1.offsetParent !== null) window.__startShown = true;
      if (document.documentElement.dataset.ready !== 'app') requestAnimationFrame(tick);
    });
  });
  await app.open('#/results', page);
  assert.equal(await page.getAttribute('html', 'data-ready'), 'app');
  assert.equal(await page.textContent('main h1'), 'Results');
  assert.equal(await page.evaluate(() => window.__startShown), false, 'the start page flashed');
  // Back on the start page with an assessment saved: the app starts at once and offers Resume.
  await page.goto(`${app.url}/#/quick-scan`);
  await page.waitForSelector('html[data-ready="app"]', { state: 'attached' });
  await page.locator('main input[type=radio]').first().check();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('aims-readiness:v1:assessment:')));
  await page.goto(`${app.url}/#/`);
  await page.reload();
  await page.waitForSelector('html[data-ready="app"]', { state: 'attached' });
  await page.waitForSelector('main a.card-resume');
  await page.close();
});

test('the NIST AI RMF card opens the NIST questionnaire before and after the app has started', async () => {
  const page = await firstVisit();
  await page.click('main a.card[href="#/start-nist"]');
  await page.waitForFunction(() => location.hash === '#/assessment' && document.querySelector('main h1')?.textContent === 'Full assessment');
  await page.waitForSelector('main .nist-item');
  const entries = () => page.evaluate(() => JSON.parse(localStorage.getItem('aims-readiness:v1:index')).assessments.length);
  await page.waitForFunction(() => localStorage.getItem('aims-readiness:v1:index') !== null);
  const before = await entries();
  // Again, now from the app's own start page: the open NIST assessment is reused.
  await page.click('a.brand');
  await page.click('main a.card[href="#/start-nist"]');
  await page.waitForFunction(() => location.hash === '#/assessment');
  await app.settled(page);
  assert.equal(await entries(), before);
  await page.close();
});

test('when the app cannot start, the page says so instead of waiting forever', async () => {
  const errors = app.consoleErrors.length;
  const page = await firstVisit((p) => p.route('**/*.wasm', (route) => route.abort()));
  await page.click('nav a[href="#/results"]');
  await page.waitForSelector('html[data-boot="failed"]', { state: 'attached' });
  assert.match(await page.textContent('.boot-failure'), /could not start.*try again/i);
  assert.equal(await page.locator('.boot-failure button').textContent(), 'Try again');
  // The aborted request is logged by the browser as an error; it is this test's doing.
  app.consoleErrors.splice(errors);
  await page.close();
});

test('the site is served with the headers the build wrote to dist/_headers', async () => {
  const { DIST } = await import('../support/browser.mjs');
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const text = await readFile(join(DIST, '_headers'), 'utf8');
  const page = await app.context.newPage();
  const start = await page.goto(`${app.url}/`);
  const h = start.headers();
  assert.match(h['content-security-policy'], /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';.*frame-ancestors 'none'$/);
  assert.equal(h['x-content-type-options'], 'nosniff');
  assert.equal(h['referrer-policy'], 'no-referrer');
  assert.equal(h['cross-origin-opener-policy'], 'same-origin');
  assert.match(h['permissions-policy'], /camera=\(\), .*geolocation=\(\), .*microphone=\(\)/);
  assert.equal(h['cache-control'], 'no-cache', 'the start page is revalidated');
  // The hashed files are cached for a year; their names change with their content.
  const wasm = await page.evaluate(() => document.querySelector('meta[name="aims-app-wasm"]').content);
  assert.match(wasm, /-[0-9a-f]{16}_bg\.wasm$/);
  const res = await page.request.get(`${app.url}${wasm}`);
  assert.equal(res.headers()['cache-control'], 'public, max-age=31536000, immutable');
  assert.ok(text.includes(`\n${wasm}\n`), 'one rule per file');
  // The embed page may be framed as configured ('self' by default); the app may not.
  const embed = await page.request.get(`${app.url}/embed.html`);
  assert.match(embed.headers()['content-security-policy'], /frame-ancestors 'self'$/);
  const framed = await page.evaluate(async () => {
    const f = document.createElement('iframe');
    f.src = '/#/results';
    document.body.append(f);
    await new Promise((ok) => { f.onload = ok; setTimeout(ok, 3000); });
    try { return f.contentDocument?.querySelector('main') !== null && f.contentDocument?.body?.childElementCount > 0; } catch { return false; }
  });
  assert.equal(framed, false, 'the app refuses to be framed (frame-ancestors \'none\')');
  // Subresource integrity on the stylesheet and the boot script (Trunk's data-integrity).
  for (const sel of ['link[rel="stylesheet"]', 'script[src*="boot"]']) {
    assert.match(await page.getAttribute(sel, 'integrity'), /^sha384-/, sel);
  }
  // The browser reports the refused frame; it is this test's doing.
  app.consoleErrors.splice(0, app.consoleErrors.length,
    ...app.consoleErrors.filter((e) => !/frame-ancestors|Refused to (display|frame)/.test(e)));
  await page.close();
});

test('the app runs under a strict Content-Security-Policy: no inline script or style', async () => {
  const strict = await start({ headers: [{ prefix: '/', headers: { 'content-security-policy': STRICT_CSP } }] });
  try {
    const page = await strict.context.newPage();
    // With an answered assessment saved, so that the pages show their figures and charts (an
    // inline style attribute on a score meter once slipped through with nothing saved).
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { ROOT } = await import('../support/browser.mjs');
    const a = JSON.parse(await readFile(join(ROOT, 'engine', 'tests', 'fixtures', 'techserve-month1.json'), 'utf8'));
    await page.addInitScript((a) => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
      const ns = 'aims-readiness:v1';
      localStorage.setItem(`${ns}:index`, JSON.stringify({ version: 1, current: 'csp', assessments: [{ id: 'csp', name: 'CSP', updated: 0 }] }));
      localStorage.setItem(`${ns}:assessment:csp`, JSON.stringify({ version: 1, rev: 1, writer: 'e2e-seed', saved: 0, assessment: a }));
    }, a);
    await strict.open('', page);
    // Every page of the main navigation, rendered by the app.
    for (const hash of ['#/quick-scan', '#/assessment', '#/results', '#/crosswalk', '#/roi', '#/report', '#/training', '#/data']) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.waitForSelector('html[data-ready="app"]', { state: 'attached' });
      await page.waitForFunction((h) => document.querySelector('main h1') && location.hash === h, hash);
    }
    await strict.settled(page); // rendered, and saved
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(strict.consoleErrors, []);
    // The policy is in force: an inline script is refused.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.head.append(s);
      return window.__inline === true;
    });
    assert.equal(ran, false);
    await page.close();
  } finally {
    await strict.close();
  }
});
