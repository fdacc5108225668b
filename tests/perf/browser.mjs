// The in-browser rows of the performance report: load, interaction, memory and the engine in
// Wasm, in headless Debian Chromium driven by playwright-core (launch flags as
// tests/support/browser.mjs). Every figure is in milliseconds unless its key says otherwise.
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const ARGS = [
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

// Runs in the page before any of its scripts: paint and LCP observers, the moment the start
// page is interactive (MutationObserver: `main h1` present and, for the app, the first link of
// the main navigation rendered and focusable, i.e. in the layout and not inert), and the Wasm
// exports Trunk hands over in its `TrunkApplicationStarted` event (for `memory`).
function probe(kind) {
  const perf = (window.__perf = { fcp: null, lcp: null, ready: null });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') perf.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
  const check = () => {
    if (perf.ready !== null || !document.querySelector('main h1')) return;
    if (kind === 'app') {
      const a = document.querySelector('nav a[href]');
      if (!a || !a.getClientRects().length || a.closest('[inert]')) return;
    }
    perf.ready = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
}

/** One fresh load (new context: empty cache, fresh storage). */
async function loadOnce(browser, url, kind, profile) {
  const context = await browser.newContext({ viewport: profile.mobile ? { width: 412, height: 823 } : { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(probe, kind);
    const cdp = await context.newCDPSession(page);
    await throttle(cdp, { cpu: profile.cpu, network: profile.network });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => window.__perf.ready !== null, null, { timeout: 120_000, polling: 50 });
    // LCP candidates stop at the first input; give the last render a moment to paint.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
    return await page.evaluate(() => ({ ...window.__perf }));
  } finally {
    await context.close();
  }
}

/** FCP, LCP and interactive, median of `runs` fresh loads, for each profile. */
export async function load(browser, sites, { runs = 5 } = {}) {
  const profiles = {
    desktop: { cpu: 1, network: false, mobile: false },
    mobile: { cpu: MOBILE.cpu, network: true, mobile: true },
  };
  const out = {};
  for (const [pname, profile] of Object.entries(profiles)) {
    out[pname] = {};
    for (const [name, site] of Object.entries(sites)) {
      const samples = { fcp: [], lcp: [], ready: [] };
      for (let i = 0; i < runs; i++) {
        const r = await loadOnce(browser, site.url + '/', site.kind, profile);
        for (const k of Object.keys(samples)) samples[k].push(r[k]);
      }
      out[pname][name] = {
        fcp_ms: { ...stats(samples.fcp), samples: samples.fcp.map(r2) },
        lcp_ms: { ...stats(samples.lcp), samples: samples.lcp.map(r2) },
        interactive_ms: { ...stats(samples.ready), samples: samples.ready.map(r2) },
      };
    }
  }
  return out;
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
      if (wait) await new Promise((r) => setTimeout(r, wait));
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
  await page.addInitScript(probe, 'app');
  const cdp = await context.newCDPSession(page);
  await page.goto(`${url}/${hash}`);
  await page.waitForSelector('main h1');
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
