// The in-browser rows of the performance report: load, interaction, memory and the engine in
// Wasm, in headless Debian Chromium driven by playwright-core (launch flags as
// tests/support/browser.mjs). Every figure is in milliseconds unless its key says otherwise.
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run',
];

/** Lighthouse's mobile profile, through the DevTools protocol. */
export const MOBILE = { cpu: 4, latency_ms: 150, download_bytes_per_s: 200_000, upload_bytes_per_s: 200_000 };

export function stats(samples) {
  const s = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return { median: null, p95: null, min: null, max: null, n: 0 };
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median: r2(median), p95: r2(q(0.95)), min: r2(s[0]), max: r2(s[s.length - 1]), n: s.length };
}
const r2 = (x) => Math.round(x * 100) / 100;

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS });
}

async function throttle(cdp, { cpu = 1, network = false } = {}) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: MOBILE.latency_ms,
      downloadThroughput: MOBILE.download_bytes_per_s,
      uploadThroughput: MOBILE.upload_bytes_per_s,
    });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
}

// Runs in the page before any of its scripts: paint and LCP observers, the moments the page is
// ready (MutationObserver) and the Wasm exports Trunk's loader hands over in its
// `TrunkApplicationStarted` event (web/boot.js dispatches it too; for `memory`). `ready` says
// what "ready" means:
// - 'start': the prerendered start page of a first visit is interactive: web/boot.js has set
//   `html[data-ready]` and the first link of the main navigation is in the layout and not inert
//   (its links work without Wasm; the first use starts the app);
// - 'app': the Wasm app has rendered: `html[data-ready="app"]` and, if `h1` is given, the text of
//   `main h1` is `h1`;
// - 'h1': `main h1` exists (the baseline).
// `app` is also set when the app has rendered the page whose heading is `h1` (after a click from
// the start page), `intent` at the first pointerover/touchstart/focusin on an app link (what
// web/boot.js starts the app on).
function probe({ ready, h1 = null }) {
  const perf = (window.__perf = { fcp: null, lcp: null, ready: null, app: null, intent: null, shown: null });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') perf.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
  for (const type of ['pointerover', 'touchstart', 'focusin']) {
    addEventListener(type, (e) => {
      if (perf.intent === null && e.target instanceof Element && e.target.closest('a[href^="#/"]')) perf.intent = performance.now();
    }, { capture: true, passive: true });
  }
  const root = () => document.documentElement;
  const navUsable = () => {
    const a = document.querySelector('nav a[href]');
    return !!a && a.getClientRects().length > 0 && !a.closest('[inert]');
  };
  const appRendered = () => root()?.dataset.ready === 'app' && (h1 === null || document.querySelector('main h1')?.textContent.trim() === h1);
  // The page whose heading is `h1` is on screen, prerendered (web/boot.js shows the quick scan's
  // first question at once) or rendered by the app.
  const shown = () => h1 !== null && [...document.querySelectorAll('main h1')]
    .some((e) => e.getClientRects().length > 0 && e.textContent.trim() === h1);
  const check = () => {
    const now = performance.now();
    if (perf.app === null && appRendered()) perf.app = now;
    if (perf.shown === null && perf.intent !== null && shown()) perf.shown = now;
    if (perf.ready !== null) return;
    const ok = ready === 'start' ? !!root()?.dataset.ready && navUsable()
      : ready === 'app' ? perf.app !== null
        : !!document.querySelector('main h1');
    if (ok) perf.ready = now;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));

/** A fresh context (empty cache, fresh storage) and page with the probe, throttled as `profile`
 * ({ cpu, network, mobile }); `watch(cdp)` runs before the load (listeners). Resolves once the
 * site is ready (see `probe`). */
async function openSite(browser, site, profile, watch) {
  const context = await browser.newContext({ viewport: profile.mobile ? { width: 412, height: 823 } : { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(probe, { ready: site.ready, h1: site.h1 ?? null });
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, { cpu: profile.cpu, network: profile.network });
  watch?.(cdp);
  try {
    await page.goto(site.url + '/' + (site.hash ?? ''), { waitUntil: 'load', timeout: 120_000 });
    await probed(page, 'ready');
  } catch (e) {
    await context.close();
    throw e;
  }
  return { context, page };
}

/** Waits until the probe has set `window.__perf[key]`. */
const probed = (page, key) => page.waitForFunction((k) => window.__perf[k] !== null, key, { timeout: 120_000, polling: 50 });

/** Clicks `site.click` (as a user: pointer moved over it, then the click) and waits until the
 * app has rendered the page whose heading is `site.h1`. */
async function clickThrough(page, site) {
  await page.click(site.click, { timeout: 120_000 });
  await probed(page, 'app');
}

/** One fresh load. With `click`, once the page is ready and its LCP taken, goes on with
 * `clickThrough`. */
async function loadOnce(browser, site, profile) {
  const { context, page } = await openSite(browser, site, profile);
  try {
    // LCP candidates stop at the first input; give the last render a moment to paint.
    await settle(page);
    const out = await page.evaluate(() => ({ ...window.__perf }));
    if (site.click) {
      await clickThrough(page, site);
      const after = await page.evaluate(() => ({ ...window.__perf }));
      out.journey = after.intent === null ? null : after.app - after.intent;
      out.shown = after.intent === null || after.shown === null ? null : after.shown - after.intent;
    }
    return out;
  } finally {
    await context.close();
  }
}

/** The median of `runs` fresh loads of each site, for each profile. A site is { url, hash?,
 * ready ('start' | 'app' | 'h1', see `probe`), h1?, click? }. Per site: `fcp_ms`, `lcp_ms` and
 * the ready moment as `interactive_ms` ('start', 'h1') or `app_rendered_ms` ('app'); with
 * `click`, `quick_scan_after_intent_ms`: from the first intent (pointer over the link) to the
 * app showing the page clicked, and `quick_scan_shown_after_intent_ms`: to the page clicked on
 * screen (the quick scan's prerendered first question, or the app's page). */
export async function load(browser, sites, { runs = 5 } = {}) {
  const profiles = {
    desktop: { cpu: 1, network: false, mobile: false },
    mobile: { cpu: MOBILE.cpu, network: true, mobile: true },
  };
  const out = {};
  for (const [pname, profile] of Object.entries(profiles)) {
    out[pname] = {};
    for (const [name, site] of Object.entries(sites)) {
      const samples = { fcp: [], lcp: [], ready: [], journey: [], shown: [] };
      for (let i = 0; i < runs; i++) {
        const r = await loadOnce(browser, site, profile);
        for (const k of Object.keys(samples)) samples[k].push(r[k] ?? null);
      }
      const st = (xs) => ({ ...stats(xs), samples: xs.map((x) => (x === null ? null : r2(x))) });
      out[pname][name] = {
        fcp_ms: st(samples.fcp),
        lcp_ms: st(samples.lcp),
        [site.ready === 'app' ? 'app_rendered_ms' : 'interactive_ms']: st(samples.ready),
        ...(site.click ? { quick_scan_after_intent_ms: st(samples.journey), quick_scan_shown_after_intent_ms: st(samples.shown) } : {}),
      };
    }
  }
  return out;
}

/** What one visit transfers, from the DevTools protocol (fresh context, cache disabled, no
 * throttling): every request with its `Network.loadingFinished` encodedDataLength (bytes on the
 * wire: headers + compressed body) and its `content-length`/`content-encoding`
 * (`Network.responseReceived`). The page is loaded, then the network must be quiet for 500 ms.
 * A site is as for `load`; with `click` the visit goes on (click, the app renders the page whose
 * heading is `site.h1`, network quiet again) and both moments are returned: { before, after }. */
export async function transfer(browser, site) {
  const requests = new Map();
  let phase = 'load';
  let lastEvent = Date.now();
  const seen = (id) => {
    lastEvent = Date.now();
    return requests.get(id);
  };
  const quiet = async () => {
    const t0 = Date.now();
    while (Date.now() - t0 < 60_000) {
      await new Promise((r) => setTimeout(r, 100));
      if ([...requests.values()].every((r) => r.done) && Date.now() - lastEvent >= 500) return;
    }
    throw new Error('the network did not go quiet within 60 s');
  };
  // The full app's files, fetched when the browser is idle once the quick-scan build or a first
  // visitor's quick-scan page runs (web/boot.js): prefetched, listed apart and not counted in
  // the visit's bytes (docs/performance.md).
  const FULL_APP = /\/aims-web-[0-9a-f]{16}(_bg\.wasm|\.js)$/;
  const snapshot = async (page) => {
    const build = await page.evaluate(() => document.documentElement.dataset.build ?? null);
    const list = [...requests.values()].map(({ done, url, ...r }) => {
      const path = new URL(url).pathname + new URL(url).search;
      const prefetch = (build === 'quick' || build === 'lean') && r.phase !== 'pages' && FULL_APP.test(new URL(url).pathname);
      return { path, ...r, ...(prefetch ? { phase: 'prefetch' } : {}) };
    });
    const sum = (k, rows) => rows.reduce((t, r) => t + (r[k] ?? 0), 0);
    const counted = list.filter((r) => r.phase !== 'prefetch');
    const prefetched = list.filter((r) => r.phase === 'prefetch');
    return {
      url: page.url(), build, transferred_bytes: sum('transferred_bytes', counted), body_bytes: sum('body_bytes', counted),
      prefetched_bytes: sum('transferred_bytes', prefetched), requests: list,
    };
  };
  const watch = (cdp) => {
    cdp.on('Network.requestWillBeSent', (e) => {
      lastEvent = Date.now();
      if (!/^https?:/.test(e.request.url)) return;
      requests.set(e.requestId, { url: e.request.url, type: e.type ?? null, phase, status: null, encoding: null, body_bytes: null, transferred_bytes: null, done: false });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = seen(e.requestId);
      if (!r) return;
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      Object.assign(r, { type: e.type ?? r.type, status: e.response.status, encoding: h['content-encoding'] ?? 'identity', body_bytes: h['content-length'] === undefined ? null : Number(h['content-length']) });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = seen(e.requestId);
      if (r) Object.assign(r, { transferred_bytes: e.encodedDataLength, done: true });
    });
    cdp.on('Network.loadingFailed', (e) => {
      const r = seen(e.requestId);
      if (r) Object.assign(r, { failed: e.errorText, done: true });
    });
  };
  const { context, page } = await openSite(browser, site, { cpu: 1 }, watch);
  try {
    await quiet();
    const before = await snapshot(page);
    if (site.pages) {
      // Each other page in turn, from the main navigation: what opening it adds.
      const pages = [];
      for (const { hash, h1 } of site.pages) {
        const from = new Set(requests.keys());
        phase = 'pages';
        await page.click(`nav[aria-label="Main"] a[href="${hash}"]`);
        await page.waitForFunction((h) => document.documentElement.dataset.build === 'full'
          && document.querySelector('main h1')?.textContent === h, h1, { timeout: 120_000 });
        await quiet();
        const added = [...requests.entries()].filter(([id]) => !from.has(id)).map(([, r]) => ({ path: new URL(r.url).pathname, transferred_bytes: r.transferred_bytes }));
        pages.push({ hash, transferred_bytes: added.reduce((t, r) => t + (r.transferred_bytes ?? 0), 0), requests: added });
      }
      return { ...before, pages };
    }
    if (!site.click) return before;
    phase = 'click';
    await clickThrough(page, site);
    await quiet();
    return { before, after: await snapshot(page) };
  } finally {
    await context.close();
  }
}

// In page: `n` answer changes on the open assessment section. For each: wait 50 ms (the
// previous frame is done), t0 = performance.now(), `input.click()` on a maturity radio whose
// level differs from the current one; "update" = a MutationObserver sees the chosen level's
// label get `level-checked` (Yew has rendered the change and everything it recomputes);
// "paint" = requestAnimationFrame, then setTimeout(0) inside it (runs after the frame that
// shows the change has been produced).
function answerChanges({ n, wait }) {
  const groups = {};
  for (const r of document.querySelectorAll('main fieldset.maturity input[type=radio]')) (groups[r.name] ??= []).push(r);
  const names = Object.keys(groups);
  if (!names.length) throw new Error('no maturity radio on the page');
  const update = [], paint = [];
  const step = async (i, measure) => {
    const g = [...document.getElementsByName(names[i % names.length])];
    const cur = Math.max(0, g.findIndex((r) => r.checked));
    const target = g[(cur + 1 + (i % (g.length - 1))) % g.length];
    const label = target.closest('label');
    let tUpdate = null;
    const mo = new MutationObserver(() => {
      if (tUpdate === null && label.isConnected && label.classList.contains('level-checked')) tUpdate = performance.now();
    });
    mo.observe(document.querySelector('main'), { attributes: true, subtree: true, childList: true });
    const t0 = performance.now();
    target.click();
    if (!measure) {
      await new Promise((r) => setTimeout(r, 0));
      mo.disconnect();
      return;
    }
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const tPaint = performance.now();
    mo.disconnect();
    if (tUpdate !== null) update.push(tUpdate - t0);
    paint.push(tPaint - t0);
  };
  return (async () => {
    for (let i = 0; i < n; i++) {
      // The idle wait plus a random part of a frame: a fixed 50 ms is three 60 Hz frames, so
      // every click would land at the same point of the frame and wait the same time for the
      // next one; users' clicks land anywhere in it.
      if (wait) await new Promise((r) => setTimeout(r, wait + Math.random() * 16.7));
      await step(i, wait > 0);
    }
    return { update, paint, groups: names.length };
  })();
}

// In page: `n` ROI input changes. t0 before the `input` event; results updated = the summary's
// `data-seq` (counts computations) moved on and it is not marked stale; then rAF + setTimeout(0)
// for the paint. `data-ms` is the page's own timing of `roi::run`.
function roiChanges({ n, field }) {
  const input = document.querySelector(field);
  if (!input) throw new Error(`no ${field}`);
  const raw = [], compute = [];
  const summary = () => document.querySelector('.roi-summary[data-seq]');
  return (async () => {
    for (let i = 0; i < n; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const seq = summary()?.dataset.seq;
      const t0 = performance.now();
      input.value = String(3 + ((i % 9) + 1) / 10);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve, reject) => {
        const done = () => { const s = summary(); return s && s.dataset.seq !== seq && !s.classList.contains('stale'); };
        if (done()) return resolve();
        const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(); } });
        mo.observe(document.querySelector('main'), { attributes: true, subtree: true, childList: true });
        setTimeout(() => { mo.disconnect(); reject(new Error('ROI results did not update within 10 s')); }, 10_000);
      });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      raw.push(performance.now() - t0);
      compute.push(Number(summary()?.dataset.ms));
    }
    return { raw, compute };
  })();
}

async function appPage(browser, url, hash, cpu) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(probe, { ready: 'app' });
  const cdp = await context.newCDPSession(page);
  await page.goto(`${url}/${hash}`);
  // Not `main h1`: index.html carries the prerendered start page (hidden on other routes) until
  // the app has rendered and marked `<html data-ready="app">`.
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'app', null, { timeout: 120_000, polling: 50 });
  await throttle(cdp, { cpu });
  return { context, page, cdp };
}

/** Answer change → paint (50 changes) and ROI input → results, at 1× and 4× CPU. */
export async function interaction(browser, url, { changes = 50, roiChangesN = 15, debounceMs = 150 } = {}) {
  const out = { answer: {}, roi: {} };
  for (const cpu of [1, 4]) {
    const { context, page } = await appPage(browser, url, '#/assessment/5', cpu);
    try {
      await page.waitForSelector('main fieldset.maturity input[type=radio]');
      await page.evaluate(answerChanges, { n: 5, wait: 50 }); // warm-up, not counted
      const r = await page.evaluate(answerChanges, { n: changes, wait: 50 });
      out.answer[`cpu${cpu}`] = { update_ms: stats(r.update), paint_ms: stats(r.paint), items: r.groups };
    } finally { await context.close(); }
    const roi = await appPage(browser, url, '#/roi', cpu);
    try {
      await roi.page.waitForSelector('.roi-summary[data-seq]');
      const r = await roi.page.evaluate(roiChanges, { n: roiChangesN, field: '#roi-benefits-contracts-per-year-likely' });
      const raw = stats(r.raw);
      out.roi[`cpu${cpu}`] = {
        raw_ms: raw,
        minus_debounce_ms: { median: raw.median === null ? null : r2(raw.median - debounceMs), p95: raw.p95 === null ? null : r2(raw.p95 - debounceMs) },
        roi_run_ms: stats(r.compute),
      };
    } finally { await roi.context.close(); }
  }
  out.debounce_ms = debounceMs;
  return out;
}

/** JS heap (CDP Runtime.getHeapUsage after a forced GC) and Wasm linear memory after load and
 * after `n` answer changes. */
export async function memory(browser, url, { n = 1000 } = {}) {
  const { context, page, cdp } = await appPage(browser, url, '#/assessment/5', 1);
  try {
    await page.waitForSelector('main fieldset.maturity input[type=radio]');
    const measure = async () => {
      await page.evaluate(() => new Promise((r) => setTimeout(r, 400))); // debounced save done
      await cdp.send('HeapProfiler.collectGarbage');
      const h = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
      return { js_heap_used_bytes: h.usedSize, js_heap_total_bytes: h.totalSize, wasm_memory_bytes: wasm };
    };
    const after_load = await measure();
    await page.evaluate(answerChanges, { n, wait: 0 });
    const after_changes = await measure();
    return { changes: n, after_load, after_changes, wasm_memory_source: after_load.wasm_memory_bytes === null ? null : 'TrunkApplicationStarted event detail.wasm.memory' };
  } finally { await context.close(); }
}

/** The JS API package (target/npm/aims-engine) in Chromium: performance.now() around each
 * function, the mean of `iters` calls after a warm-up, per input. Returns ns per call and the
 * 100k-trial ROI report for the identity check. */
export async function engineWasm(browser, pkgDir, inputs) {
  const site = await serve(pkgDir);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/index.html`); // report.mjs writes this page beside the package
    return await page.evaluate(async ({ url, inputs }) => {
      const m = await import(`${url}/aims_engine.js`);
      await m.default({ module_or_path: `${url}/aims_engine_bg.wasm` });
      const time = (fn, minMs, minIters) => {
        for (let i = 0; i < Math.max(3, minIters / 10); i++) fn(); // warm-up
        let iters = 0;
        const t0 = performance.now();
        let t = t0;
        while (t - t0 < minMs || iters < minIters) { fn(); iters++; t = performance.now(); }
        return { ns_per_call: ((t - t0) / iters) * 1e6, iters };
      };
      const iso = inputs.iso, nist = inputs.nist;
      const out = {
        score: time(() => m.score(iso), 1500, 200),
        crosswalk_forward: time(() => m.crosswalk(iso, 'nist-ai-rmf'), 1500, 200),
        crosswalk_reverse: time(() => m.crosswalk(nist, 'iso42001'), 1500, 200),
        roi_10k: time(() => m.roi(undefined, { seed: 42, trials: 10000 }), 2000, 10),
        roi_100k: time(() => m.roi(undefined, { seed: 42, trials: 100000 }), 3000, 5),
      };
      out.roi_100k_report = m.roi(undefined, { seed: 42, trials: 100000 });
      out.version = m.version?.() ?? null;
      return out;
    }, { url: site.url, inputs });
  } finally {
    await context.close();
    await site.close();
  }
}
