// The performance report (`./x perf` → tests/perf/run → this file; not named *report.mjs:
// tests/size-report.mjs runs its own main when the entry file name ends like its own): collects every row, prints
// ONE table and writes target/perf-report.json (keys documented in docs/performance.md).
// A benchmark, not a test: a row that cannot be measured is reported as such, never fails.
//
// Environment (set by tests/perf/run): APP_DIST, HELLO_DIST, APP_WASM (pre-wasm-opt, with
// names, for twiggy), CRITERION_DIR, NPM_DIR (the JS API package), ENGINE_WASM_DIR (the
// bare-call module, perf/engine-wasm), NATIVE_ROI_JSON (`aims roi --seed 42 --trials 100000
// --format json`), OUT (the JSON), RUNS (loads per median, ≥ 5),
// LIGHTHOUSE_DIR (npm prefix holding lighthouse), LIGHTHOUSE_RUNS (runs per page, ≥ 1, default
// 3), LIGHTHOUSE_UNAVAILABLE (why Lighthouse could not be installed, if it could not).
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, writeFile, stat } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { sizes } from '../size-report.mjs';
import { launch, load, interaction, memory, engineWasm, MOBILE } from './browser.mjs';
import { engineBare } from './engine-wasm.mjs';
import { serve } from './serve.mjs';
import { transfer as visit } from './browser.mjs';
import { lighthouse } from './lighthouse.mjs';
import { brotliBytes, wasmParts } from './wasm-parts.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = (k, d) => process.env[k] ?? d;
const APP_DIST = env('APP_DIST', join(ROOT, 'dist'));
const HELLO_DIST = env('HELLO_DIST', join(ROOT, 'target/perf/hello-dist'));
const TARGET = env('CARGO_TARGET_DIR', join(ROOT, 'target'));
const APP_WASM = env('APP_WASM', join(TARGET, 'wasm32-unknown-unknown/release/aims-web.wasm'));
const APP_WASM_NAMED = env('APP_WASM_NAMED', join(TARGET, 'perf/aims-web-named.wasm'));
// The widget (docs/embedding.md): as shipped, and with names kept for twiggy.
const EMBED_WASM = env('EMBED_WASM', join(TARGET, 'perf/embed/aims_embed_bg.wasm'));
const EMBED_WASM_NAMED = env('EMBED_WASM_NAMED', join(TARGET, 'perf/aims-embed-named.wasm'));
// The quick-scan build (docs/performance.md, "Loading") with names kept for twiggy; the shipped
// one is in APP_DIST/quick/.
const QUICK_WASM_NAMED = env('QUICK_WASM_NAMED', join(TARGET, 'perf/aims-quick-named.wasm'));
const CRITERION_DIR = env('CRITERION_DIR', join(TARGET, 'criterion'));
const NPM_DIR = env('NPM_DIR', join(TARGET, 'npm/aims-engine'));
const ENGINE_WASM_DIR = env('ENGINE_WASM_DIR', join(TARGET, 'perf/engine-wasm'));
const NATIVE_ROI_JSON = env('NATIVE_ROI_JSON', join(ROOT, 'target/perf/native-roi-100k.json'));
const OUT = env('OUT', join(ROOT, 'target/perf-report.json'));
const RUNS = Math.max(5, Number(env('RUNS', 5)));
const LIGHTHOUSE_DIR = env('LIGHTHOUSE_DIR', join(ROOT, 'target/perf/lighthouse'));
const LIGHTHOUSE_RUNS = Math.max(1, Number(env('LIGHTHOUSE_RUNS', 3)));
// The first question of a first visit: the start page's "Quick scan" card, then the page it opens.
const QUICK_SCAN_CARD = 'main a.card[href="#/quick-scan"]';
const QUICK_SCAN_H1 = 'Quick scan';
/** The pages a visitor may open after the quick scan, in the main navigation's order. */
const OTHER_PAGES = [
  ['#/assessment', 'Full assessment'], ['#/results', 'Results'], ['#/plan', 'Action plan'],
  ['#/crosswalk', 'NIST AI RMF crosswalk'], ['#/roi', 'ROI'], ['#/report', 'Report'],
  ['#/training', 'Training cases'], ['#/data', 'Your data'],
].map(([hash, h1]) => ({ hash, h1 }));
const KB = 1000; // goals are in KB of 1,000 bytes (the stricter reading)

export const GOALS = {
  transfer_brotli_max_bytes: 150 * KB,
  transfer_over_baseline_max_bytes: 100 * KB,
  lcp_mobile_max_ms: 1500,
  // Issue 17: the goal is held against the work we control (click → DOM updated); "→ paint"
  // also waits for the next frame and is reported beside it.
  answer_dom_p95_max_ms: { cpu1: 4, cpu4: 16 },
  // The former goal on "→ paint", kept in the JSON (keys are never renamed), no longer judged.
  answer_paint_p95_max_ms: { cpu1: 16, cpu4: 50 },
  lighthouse_deep_link_min_score: 95,
  pointer_to_page_mobile_max_ms: 1000,
  score_plus_crosswalk_native_max_ns: 20_000,
  wasm_native_ratio_max: 2,
  roi_100k_native_max_ns: 15e6,
  widget_wasm_brotli_max_bytes: 80 * KB,
};

const report = {
  schema: 'aims-perf-report/1',
  generated: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? null, node: process.version, chromium: null },
  goals: GOALS,
  transfer: null, twiggy: null, quick_build: null, widget: null, load: null, lighthouse: null, interaction: null, engine: null, scale: null, memory: null,
  missing: [],
};
const miss = (row, why) => { report.missing.push({ row, reason: why }); console.error(`perf: ${row}: ${why}`); };
const attempt = async (row, fn) => { try { return await fn(); } catch (e) { miss(row, String(e?.message ?? e).split('\n')[0]); return null; } };

// ---- 1. Transfer size -----------------------------------------------------------------------
report.transfer = await attempt('transfer', async () => {
  const app = await sizes(APP_DIST);
  const baseline = await sizes(HELLO_DIST);
  return { app, baseline, over_baseline: { raw: app.total.raw - baseline.total.raw, gzip: app.total.gzip - baseline.total.gzip, brotli: app.total.brotli - baseline.total.brotli } };
});
report.twiggy = await attempt('twiggy', async () => {
  // The shipped code with names (tests/perf/run: v0 symbol names, wasm-bindgen, wasm-opt -Oz
  // --debuginfo), so sizes are the shipped ones; without it, the Trunk input before wasm-bindgen
  // and wasm-opt (tests/perf/wasm-parts.mjs).
  const named = await stat(APP_WASM_NAMED).then(() => true, () => false);
  const parts = await wasmParts(named ? APP_WASM_NAMED : APP_WASM);
  return {
    ...parts,
    note: named ? 'the shipped code (wasm-bindgen, wasm-opt -Oz) with names kept; percentages of what ships (custom sections excluded)' : 'before wasm-bindgen and wasm-opt (names kept); percentages of what ships (custom sections excluded)',
  };
});
// The quick-scan build's Wasm as ./x dist ships it (a returning visitor's start page and quick
// scan; a first visitor's quick scan is the widget's module), with its parts from the named build
// (tests/perf/run builds it).
report.quick_build = await attempt('quick build', async () => {
  const dir = join(APP_DIST, 'quick');
  const file = (await readdir(dir)).find((f) => f.endsWith('_bg.wasm'));
  if (!file) throw new Error(`no Wasm in ${dir}`);
  const wasm = join(dir, file);
  const parts = await wasmParts(QUICK_WASM_NAMED).catch((e) => ({ error: String(e?.message ?? e).split('\n')[0] }));
  return { wasm, raw: (await stat(wasm)).size, brotli: await brotliBytes(wasm), parts };
});
// The embeddable widget's Wasm as ./x dist ships it, beside its goal and the baseline's Wasm,
// with its parts from the named build (tests/perf/run builds both).
report.widget = await attempt('widget', async () => {
  const helloWasm = (await readdir(HELLO_DIST)).find((f) => f.endsWith('.wasm'));
  const baseline = helloWasm ? { raw: (await stat(join(HELLO_DIST, helloWasm))).size, brotli: await brotliBytes(join(HELLO_DIST, helloWasm)) } : null;
  const raw = (await stat(EMBED_WASM)).size;
  const brotli = await brotliBytes(EMBED_WASM);
  const parts = await wasmParts(EMBED_WASM_NAMED).catch((e) => ({ error: String(e?.message ?? e).split('\n')[0] }));
  return {
    wasm: EMBED_WASM, raw, brotli, goal_brotli: GOALS.widget_wasm_brotli_max_bytes, meets_goal: brotli <= GOALS.widget_wasm_brotli_max_bytes,
    baseline_wasm: baseline, over_baseline_brotli: baseline ? brotli - baseline.brotli : null,
    parts,
  };
});

// ---- 2, 3, 6. Browser rows -------------------------------------------------------------------
const browser = await attempt('browser', launch);
if (browser) {
  report.machine.chromium = browser.version();
  const app = await serve(APP_DIST);
  const hello = await serve(HELLO_DIST);
  // ---- 1. What visits transfer (the goal is held against these, not against every file) ----
  const visits = await attempt('transfer (visits)', async () => {
    const first = await visit(browser, { url: app.url, ready: 'start', h1: QUICK_SCAN_H1, click: QUICK_SCAN_CARD });
    const deep = await visit(browser, { url: app.url, hash: '#/quick-scan', ready: 'app', h1: QUICK_SCAN_H1 });
    // The deep link, then every other page of the main navigation in turn.
    const later = await visit(browser, { url: app.url, hash: '#/quick-scan', ready: 'app', h1: QUICK_SCAN_H1, pages: OTHER_PAGES });
    const baseline = await visit(browser, { url: hello.url, ready: 'h1' });
    const mark = (v, base) => ({
      ...v,
      wasm_fetched: v.requests.some((q) => q.path.endsWith('.wasm') && q.phase !== 'prefetch'),
      over_baseline_bytes: base ? v.transferred_bytes - baseline.transferred_bytes : null,
    });
    return {
      first_visit: mark(first.before, true),
      first_question: mark(first.after, true),
      deep_link_quick_scan: mark(deep, true),
      other_pages: { prefetched_bytes: later.prefetched_bytes, pages: later.pages },
      baseline: mark(baseline, false),
    };
  });
  if (visits) report.transfer = { ...(report.transfer ?? {}), visits };

  // ---- 2. Load: the start page of a first visit (prerendered, no Wasm) and the click to the
  // quick scan; a deep link to the quick scan (the Wasm app itself); the baseline ----
  report.load = await attempt('load', async () => ({
    runs: RUNS, mobile_profile: MOBILE,
    ...(await load(browser, {
      app: { url: app.url, ready: 'start', h1: QUICK_SCAN_H1, click: QUICK_SCAN_CARD },
      app_deep_link: { url: app.url, hash: '#/quick-scan', ready: 'app', h1: QUICK_SCAN_H1 },
      baseline: { url: hello.url, ready: 'h1' },
    }, { runs: RUNS })),
    served_encodings: { ...app.encodings },
  }));
  if (process.env.LIGHTHOUSE_UNAVAILABLE) miss('lighthouse', process.env.LIGHTHOUSE_UNAVAILABLE);
  else {
    report.lighthouse = await attempt('lighthouse', () => lighthouse({
      dir: LIGHTHOUSE_DIR, url: app.url, served: app.encodings, runs: LIGHTHOUSE_RUNS,
      pages: { start: '', quick_scan: '#/quick-scan' },
      reportsDir: join(dirname(OUT), 'perf', 'lighthouse-reports'),
      chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
    }));
  }
  report.interaction = await attempt('interaction', () => interaction(browser, app.url));
  report.memory = await attempt('memory', () => memory(browser, app.url));

  // ---- 4. Engine: native (criterion) vs Wasm: the bare calls (perf/engine-wasm) and the JS API ----
  report.engine = await attempt('engine', async () => {
    const native = await criterion(CRITERION_DIR);
    const n = (title) => native.find((b) => b.title === title) ?? null;
    const fixture = (f) => readFile(join(ROOT, 'engine/tests/fixtures', f), 'utf8');
    const inputs = { iso: await fixture('techserve-month1.json'), nist: await fixture('nist-all-at-target.json') };
    let bare = null;
    if (await stat(join(ENGINE_WASM_DIR, 'aims_perf_engine_wasm.js')).catch(() => null)) {
      bare = await attempt('engine (Wasm, bare calls)', () => engineBare(browser, ENGINE_WASM_DIR, inputs));
    } else miss('engine (Wasm, bare calls)', `no perf/engine-wasm build at ${ENGINE_WASM_DIR} (tests/perf/run builds it)`);
    let api = null;
    if (await stat(join(NPM_DIR, 'aims_engine.js')).catch(() => null)) {
      const page = join(ROOT, 'target/perf/engine-page');
      await mkdir(page, { recursive: true });
      await cp(NPM_DIR, page, { recursive: true });
      await writeFile(join(page, 'index.html'), '<!doctype html><title>aims-engine perf</title>\n');
      api = await attempt('engine (Wasm, JS API)', () => engineWasm(browser, page, inputs));
    } else miss('engine (Wasm, JS API)', `no JS API package at ${NPM_DIR} (build js/ first)`);
    const sum = (...xs) => (xs.every((x) => x) ? xs.reduce((t, x) => t + x.median_ns, 0) : null);
    const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);
    const READ = n('read techserve-month1 JSON'), SCORE = n('score techserve-month1 (70 answers)');
    const FORWARD = n('forward techserve-month1 (70 ISO answers → 72 subcategories)');
    const REVERSE = n('reverse nist-all-at-target (72 answers → 70 items + report)');
    // native: the criterion bench of the very call the Wasm module makes; api_native: what the
    // JS API call does that criterion times (the API also converts its result to JS objects).
    const rows = [
      { id: 'score', label: 'score techserve-month1', native: [SCORE], native_what: 'score', api: api?.score, api_native: [READ, SCORE], api_native_what: 'read JSON + score' },
      { id: 'read', label: 'read techserve-month1 JSON', native: [READ], native_what: 'Assessment::read' },
      { id: 'crosswalk_forward', label: 'crosswalk forward (ISO → NIST)', native: [FORWARD], native_what: 'forward', api: api?.crosswalk_forward, api_native: [FORWARD], api_native_what: 'forward' },
      { id: 'crosswalk_reverse', label: 'crosswalk reverse (NIST → ISO)', native: [REVERSE], native_what: 'reverse', api: api?.crosswalk_reverse, api_native: [REVERSE], api_native_what: 'reverse' },
      { id: 'roi_10k', label: 'ROI Monte Carlo 10k trials', native: [n('roi/run_10000_trials')], native_what: 'roi::run', api: api?.roi_10k, api_native: [n('roi/run_10000_trials')], api_native_what: 'roi::run' },
      { id: 'roi_100k', label: 'ROI Monte Carlo 100k trials', native: [n('roi/run_100000_trials')], native_what: 'roi::run', api: api?.roi_100k, api_native: [n('roi/run_100000_trials')], api_native_what: 'roi::run' },
    ].map(({ id, label, native: nat, native_what, api: a, api_native: an, api_native_what }) => {
      const w = bare?.[id];
      const native_ns = sum(...nat);
      const js_api_native_ns = an ? sum(...an) : null;
      return {
        id, label, native_ns, native_what,
        wasm_ns: w ? Math.round(w.ns_per_call) : null, wasm_mean_ns: w ? Math.round(w.mean_ns) : null, wasm_iters: w?.iters ?? null,
        ratio: ratio(w?.ns_per_call, native_ns),
        js_api_ns: a ? Math.round(a.ns_per_call) : null, js_api_iters: a?.iters ?? null,
        js_api_native_ns, js_api_native_what: an ? api_native_what : null, js_api_ratio: ratio(a?.ns_per_call, js_api_native_ns),
      };
    });
    const scorePlus = sum(SCORE, n('both directions'));
    const three = ['score', 'crosswalk_forward', 'crosswalk_reverse'].map((id) => rows.find((x) => x.id === id));
    const scorePlusWasm = three.every((x) => x.wasm_ns !== null) ? three.reduce((t, x) => t + x.wasm_ns, 0) : null;
    const nat = await readFile(NATIVE_ROI_JSON, 'utf8').then(JSON.parse).catch(() => null);
    if ((bare?.roi_100k_report || api?.roi_100k_report) && !nat) miss('engine (identity)', `no native ROI report at ${NATIVE_ROI_JSON}`);
    const same = (report) => (report && nat ? isDeepStrictEqual(JSON.parse(JSON.stringify(report)), nat) : null);
    return {
      wasm_via: bare ? 'perf/engine-wasm in Chromium: the bare engine calls of the criterion benches, inputs read once; median over timed blocks of n calls' : null,
      js_api_via: api ? 'JS API package (npm aims-engine) in Chromium: JSON text in, JS objects out' : null,
      rows, score_plus_crosswalk_native_ns: scorePlus,
      score_plus_crosswalk_wasm_ns: scorePlusWasm, score_plus_crosswalk_wasm_ratio: ratio(scorePlusWasm, sum(SCORE, FORWARD, REVERSE)),
      roi_100k_identical: same(api?.roi_100k_report), roi_100k_identical_bare: same(bare?.roi_100k_report),
      native: native.map(({ title, mean_ns, median_ns }) => ({ title, mean_ns, median_ns })),
    };
  });
  await app.close(); await hello.close(); await browser.close();
}

// ---- 5. Scale: the same scoring and crosswalk code on generated catalogs 1x, 10x, 100x the
// shipped one (engine/benches/scale.rs, aims_engine::scale); criterion medians, native ----------
report.scale = await attempt('scale', async () => {
  const native = await criterion(CRITERION_DIR);
  const FACTORS = [1, 10, 100];
  const rows = [
    ['score', 'scale score', 'score', 'assessable items'],
    ['crosswalk_forward', 'scale forward', 'crosswalk forward', 'subcategories'],
    ['crosswalk_reverse', 'scale reverse', 'crosswalk reverse + report', 'assessable items'],
  ].map(([id, group, label, unit]) => {
    const get = (v) => native.find((b) => b.title === `${group}/${v}`) ?? null;
    const one = get('1x');
    if (!one) throw new Error(`no criterion results for "${group}" (cargo bench -p aims-engine --bench scale)`);
    return {
      id, label, unit, shipped_ns: get('shipped')?.median_ns ?? null,
      sizes: FACTORS.map((factor) => {
        const b = get(`${factor}x`);
        return {
          factor, items: b?.elements ?? null, median_ns: b?.median_ns ?? null,
          ns_per_item: b?.elements ? Math.round((b.median_ns / b.elements) * 10) / 10 : null,
          ratio_to_1x: b ? Math.round((b.median_ns / one.median_ns) * 100) / 100 : null,
        };
      }),
    };
  });
  return {
    skipped: false, reason: null,
    catalog: 'aims_engine::scale::Synthetic: N copies of the shipped catalog (ISO items and sections, NIST categories and subcategories, crosswalk pairs, each copy joined to itself); the fixtures\' answers given to every copy; the engine\'s own scoring and crosswalk code, generic over the catalog tables',
    factors: FACTORS, rows,
  };
});

await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, JSON.stringify(report, null, 2) + '\n');
console.log(render(report));
console.log(`\nwritten to ${OUT}`);

// ---- helpers --------------------------------------------------------------------------------
async function criterion(dir) {
  const out = [];
  async function walk(d) {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = join(d, e.name);
      if (e.isDirectory() && e.name === 'new') {
        const est = JSON.parse(await readFile(join(p, 'estimates.json'), 'utf8').catch(() => 'null'));
        const meta = JSON.parse(await readFile(join(p, 'benchmark.json'), 'utf8').catch(() => 'null'));
        if (est && meta) out.push({ title: meta.title ?? meta.full_id, mean_ns: est.mean.point_estimate, median_ns: est.median.point_estimate, elements: meta.throughput?.Elements ?? null });
      } else if (e.isDirectory()) await walk(p);
    }
  }
  await walk(dir);
  if (!out.length) throw new Error(`no criterion results under ${dir}`);
  return out;
}

function render(r) {
  const rows = [];
  const add = (area, measure, value, ref = '', goal = '', ok = null) =>
    rows.push([area, measure, value, ref, goal, ok === null ? '' : ok ? 'yes' : 'NO']);
  const kb = (b) => (b === null || b === undefined ? '—' : `${(b / KB).toFixed(1)} KB`);
  const ms = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(1)} ms`);
  const t = (ns) => (ns === null || ns === undefined ? '—' : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(2)} µs`);
  const mb = (b) => (b === null || b === undefined ? '—' : `${(b / 1e6).toFixed(2)} MB`);

  if (r.transfer?.app) {
    const { app, baseline, over_baseline } = r.transfer;
    for (const f of app.files) add('1 size', `app ${f.file}`, `${kb(f.brotli)} br`, `${kb(f.raw)} raw, ${kb(f.gzip)} gz`);
    for (const f of baseline.files) add('1 size', `baseline ${f.file}`, `${kb(f.brotli)} br`, `${kb(f.raw)} raw, ${kb(f.gzip)} gz`);
    // Reference only: the goals are held against what a visit transfers (rows "1 transfer").
    add('1 size', 'app, all files (brotli 11; reference)', kb(app.total.brotli), `baseline ${kb(baseline.total.brotli)}`);
    add('1 size', 'app − baseline, all files (brotli 11; reference)', kb(over_baseline.brotli), `raw ${kb(over_baseline.raw)}, gz ${kb(over_baseline.gzip)}`);
    add('1 size', 'app total raw / gzip -9', `${kb(app.total.raw)} / ${kb(app.total.gzip)}`, `baseline ${kb(baseline.total.raw)} / ${kb(baseline.total.gzip)}`);
  }
  if (r.transfer?.visits) {
    const v = r.transfer.visits;
    const short = (path) => (path === '/' ? 'index.html' : path.replace(/^\//, '').replace(/-[0-9a-f]{16}(?=[._])/, ''));
    const files = (x) => {
      const by = (phase) => x.requests.filter((q) => q.phase === phase).map((q) => short(q.path)).join(', ');
      const after = by('click');
      return `${x.requests.length} files: ${by('load')}${after ? `; after the click: ${after}` : ''}`;
    };
    const visitRows = [
      ['first_visit', '(a) first visit: start page'],
      ['first_question', '(b) (a) + click "Quick scan" → quick scan page'],
      ['deep_link_quick_scan', '(c) deep link #/quick-scan'],
    ];
    for (const [key, label] of visitRows) {
      const x = v[key];
      if (!x) continue;
      const wasm = x.wasm_fetched ? 'with the Wasm app' : 'no Wasm';
      add('1 transfer', `${label} (${wasm})`, kb(x.transferred_bytes), `${files(x)}; bodies ${kb(x.body_bytes)}`, '≤ 150.0 KB', x.transferred_bytes <= GOALS.transfer_brotli_max_bytes);
      add('1 transfer', `${label} − baseline load`, kb(x.over_baseline_bytes), `baseline load ${kb(v.baseline.transferred_bytes)}`, '≤ 100.0 KB', x.over_baseline_bytes <= GOALS.transfer_over_baseline_max_bytes);
    }
    for (const [key, label] of [['first_question', '(b)'], ['deep_link_quick_scan', '(c)']]) {
      const x = v[key];
      if (x?.prefetched_bytes) {
        const names = x.requests.filter((q) => q.phase === 'prefetch').map((q) => short(q.path)).join(', ');
        add('1 transfer', `${label} then prefetched when idle (not counted)`, kb(x.prefetched_bytes), names);
      }
    }
    for (const p of v.other_pages?.pages ?? []) {
      const names = p.requests.map((q) => short(q.path)).join(', ') || 'nothing';
      add('1 transfer', `(e) (c) then ${p.hash}: extra bytes`, kb(p.transferred_bytes), `fetched: ${names}`, '≤ 150.0 KB', p.transferred_bytes <= GOALS.transfer_brotli_max_bytes);
    }
    add('1 transfer', '(d) baseline hello-world load', kb(v.baseline.transferred_bytes), `${files(v.baseline)}; bodies ${kb(v.baseline.body_bytes)}`);
  }
  if (r.twiggy) {
    const short = (n) => (n.length > 72 ? n.slice(0, 69) + '...' : n);
    const of = `% of ${kb(r.twiggy.shipped_bytes)} raw${r.twiggy.wasm.endsWith('-named.wasm') ? '' : ' (pre-opt)'}`;
    r.twiggy.top.forEach((i, k) => add('1 wasm top', `${k + 1}. ${short(i.item)}`, `${(i.shallow_bytes / KB).toFixed(1)} KB`, `${i.shallow_percent.toFixed(2)} ${of}`));
    r.twiggy.by_part.slice(0, 15).forEach((p, k) => add('1 wasm parts', `${k + 1}. ${p.part}`, `${(p.shallow_bytes / KB).toFixed(1)} KB`, `${p.shallow_percent.toFixed(2)} ${of}`));
  }
  if (r.quick_build) {
    const q = r.quick_build;
    add('1 quick-scan build', 'its Wasm, brotli 11 (a returning visitor\'s quick scan; a first visit\'s (b) and (c) fetch the widget\'s module, row 1 widget)', kb(q.brotli), `${kb(q.raw)} raw; dist/quick/`);
    if (q.parts.by_part) {
      const of = `% of ${kb(q.parts.shipped_bytes)} raw`;
      q.parts.by_part.slice(0, 15).forEach((p, k) => add('1 quick-scan build parts', `${k + 1}. ${p.part}`, `${(p.shallow_bytes / KB).toFixed(1)} KB`, `${p.shallow_percent.toFixed(2)} ${of}`));
    } else {
      add('1 quick-scan build parts', 'not measured', '', q.parts.error);
    }
  }
  if (r.widget) {
    const w = r.widget;
    const base = w.baseline_wasm ? `baseline hello-world Wasm ${kb(w.baseline_wasm.brotli)} brotli (widget − baseline ${kb(w.over_baseline_brotli)})` : 'baseline Wasm not found';
    add('1 widget', 'widget Wasm, brotli 11 (also a first visitor\'s quick scan in the app)', kb(w.brotli), `${kb(w.raw)} raw; ${base}`, '≤ 80.0 KB', w.meets_goal);
    if (w.parts.by_part) {
      const of = `% of ${kb(w.parts.shipped_bytes)} raw`;
      w.parts.by_part.slice(0, 15).forEach((p, k) => add('1 widget parts', `${k + 1}. ${p.part}`, `${(p.shallow_bytes / KB).toFixed(1)} KB`, `${p.shallow_percent.toFixed(2)} ${of}`));
    } else {
      add('1 widget parts', 'not measured', '', w.parts.error);
    }
  }
  if (r.load) {
    for (const [p, label] of [['desktop', 'unthrottled'], ['mobile', '4x CPU, 150 ms, 1.6 Mbps']]) {
      const a = r.load[p]?.app, b = r.load[p]?.baseline, d = r.load[p]?.app_deep_link;
      const lcpGoal = p === 'mobile';
      const lcp = (x, what) => add('2 load', `${what}: LCP, ${label}`, ms(x.lcp_ms.median), `baseline ${ms(b?.lcp_ms.median)}`, lcpGoal ? '≤ 1500 ms' : '', lcpGoal && x.lcp_ms.median !== null ? x.lcp_ms.median <= GOALS.lcp_mobile_max_ms : null);
      if (a) {
        add('2 load', `start page, first visit: FCP, ${label}`, ms(a.fcp_ms.median), `baseline ${ms(b?.fcp_ms.median)}`);
        lcp(a, 'start page, first visit');
        add('2 load', `start page, first visit: interactive, ${label}`, ms(a.interactive_ms.median), `baseline ${ms(b?.interactive_ms.median)}; prerendered, links work without Wasm`);
        if (a.quick_scan_after_intent_ms) add('2 load', `start page → "Quick scan": pointer over card → app rendered, ${label}`, ms(a.quick_scan_after_intent_ms.median), 'the Wasm app fetched, started and rendered on demand');
        if (a.quick_scan_shown_after_intent_ms) {
          const v = a.quick_scan_shown_after_intent_ms.median;
          add('2 load', `start page → "Quick scan": pointer over card → first question shown, ${label}`, ms(v), 'prerendered: its radio buttons work before the Wasm; the app takes over the choice',
            lcpGoal ? '≤ 1000 ms' : '', lcpGoal && v !== null ? v <= GOALS.pointer_to_page_mobile_max_ms : null);
        }
      }
      if (d) {
        add('2 load', `deep link #/quick-scan: FCP, ${label}`, ms(d.fcp_ms.median), `baseline ${ms(b?.fcp_ms.median)}`);
        lcp(d, 'deep link #/quick-scan');
        add('2 load', `deep link #/quick-scan: app rendered, ${label}`, ms(d.app_rendered_ms.median), `baseline interactive ${ms(b?.interactive_ms.median)}`);
      }
    }
    add('2 load', `loads per median; encoding served`, `${r.load.runs}`, Object.entries(r.load.served_encodings ?? {}).map(([k, v]) => `${k} ×${v}`).join(', '));
  }
  if (r.lighthouse) {
    const L = r.lighthouse;
    const how = `median of ${L.runs}; Lighthouse ${L.version}, ${L.form_factor}, ${L.throttling_method} throttling`;
    for (const [name, label] of [['start', 'start page, first visit'], ['quick_scan', 'deep link #/quick-scan']]) {
      const x = L.pages[name];
      if (!x) continue;
      const enc = Object.entries(x.served_encodings ?? {}).map(([k, n]) => `${k} ×${n}`).join(', ');
      const warn = x.warnings.length ? `; ${x.warnings.length} Lighthouse warning(s) in the JSON` : '';
      const scoreGoal = name === 'quick_scan' ? GOALS.lighthouse_deep_link_min_score : null;
      add('2 lighthouse', `${label}: performance score`, x.performance_score.median === null ? '—' : x.performance_score.median.toFixed(0), `${how}; served ${enc || '—'}${warn}`,
        scoreGoal ? `≥ ${scoreGoal}` : '', scoreGoal && x.performance_score.median !== null ? x.performance_score.median >= scoreGoal : null);
      add('2 lighthouse', `${label}: FCP`, ms(x.fcp_ms.median));
      add('2 lighthouse', `${label}: LCP`, ms(x.lcp_ms.median), '', '≤ 1500 ms', x.lcp_ms.median === null ? null : x.lcp_ms.median <= GOALS.lcp_mobile_max_ms);
      add('2 lighthouse', `${label}: TBT`, ms(x.tbt_ms.median));
      add('2 lighthouse', `${label}: Speed Index`, ms(x.speed_index_ms.median));
    }
  }
  if (r.interaction) {
    for (const cpu of ['cpu1', 'cpu4']) {
      const a = r.interaction.answer[cpu];
      if (a) {
        const x = cpu === 'cpu1' ? '1x' : '4x';
        add('3 answer', `answer → DOM updated, ${x} CPU (median / p95)`, `${ms(a.update_ms.median)} / ${ms(a.update_ms.p95)}`, `→ paint (waits for the next frame) ${ms(a.paint_ms.median)} / ${ms(a.paint_ms.p95)}`, `p95 ≤ ${GOALS.answer_dom_p95_max_ms[cpu]} ms`, a.update_ms.p95 <= GOALS.answer_dom_p95_max_ms[cpu]);
      }
      const o = r.interaction.roi[cpu];
      if (o) add('3 roi', `ROI input → results painted, ${cpu === 'cpu1' ? '1x' : '4x'} CPU (median / p95)`, `${ms(o.raw_ms.median)} / ${ms(o.raw_ms.p95)}`, `minus ${r.interaction.debounce_ms} ms debounce: ${ms(o.minus_debounce_ms.median)} / ${ms(o.minus_debounce_ms.p95)}; roi::run ${ms(o.roi_run_ms.median)}`);
    }
  }
  const x2 = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(2)}x`);
  if (r.engine) {
    for (const e of r.engine.rows) {
      // Reading JSON has no goal of its own; it explains the gap between the two Wasm columns.
      const goal = e.id === 'read' ? '' : e.id === 'roi_100k' ? 'native ≤ 15 ms; Wasm/native ≤ 2x' : 'Wasm/native ≤ 2x';
      const ok = e.id === 'read' || e.ratio === null ? null : e.ratio <= GOALS.wasm_native_ratio_max && (e.id !== 'roi_100k' || e.native_ns <= GOALS.roi_100k_native_max_ns);
      const api = e.js_api_ns === null ? '' : `; through the JS API ${t(e.js_api_ns)} = ${x2(e.js_api_ratio)} native ${e.js_api_native_what}`;
      add('4 engine', `${e.label}: Wasm / native`, `${t(e.wasm_ns)} / ${t(e.native_ns)}`, `ratio ${x2(e.ratio)} (the same call: ${e.native_what})${api}`, goal, ok);
    }
    const s = r.engine.score_plus_crosswalk_native_ns;
    add('4 engine', 'score + crosswalk both ways, native', t(s), `criterion medians; in Wasm ${t(r.engine.score_plus_crosswalk_wasm_ns)} (${x2(r.engine.score_plus_crosswalk_wasm_ratio)})`, '≤ 20 µs', s === null ? null : s <= GOALS.score_plus_crosswalk_native_max_ns);
    const same = (x) => (x === null ? '—' : x ? 'identical' : 'DIFFERENT');
    const checks = [r.engine.roi_100k_identical_bare, r.engine.roi_100k_identical];
    const identical = checks.includes(false) ? false : checks.includes(true) ? true : null;
    add('4 engine', 'ROI 100k seed 42: Wasm result = native', `${same(checks[0])} / ${same(checks[1])}`, 'deep-equal with `aims roi --format json` (bare-call module / JS API)', 'identical', identical);
  }
  if (r.scale) {
    for (const x of r.scale.rows) {
      for (const z of x.sizes) {
        const ref = `${z.ns_per_item ?? '—'} ns per item; ${x2(z.ratio_to_1x)} the 1x time${z.factor === 1 ? `; shipped static tables ${t(x.shipped_ns)}` : ''}`;
        add('5 scale', `${x.label}, ${z.factor}x catalog (${z.items ?? '—'} ${x.unit})`, t(z.median_ns), ref, `~${z.factor}x the 1x time (linear)`);
      }
    }
  }
  if (r.memory) {
    const { after_load: a, after_changes: b, changes } = r.memory;
    add('6 memory', 'JS heap used: load → after changes', `${mb(a.js_heap_used_bytes)} → ${mb(b.js_heap_used_bytes)}`, `${changes} answer changes, after GC`);
    add('6 memory', 'Wasm memory: load → after changes', `${mb(a.wasm_memory_bytes)} → ${mb(b.wasm_memory_bytes)}`, 'linear memory size (never shrinks)');
  }
  const head = ['row', 'measure', 'value', 'baseline / reference', 'goal', 'met'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((x) => String(x[i]).length)));
  const line = (x) => x.map((c, i) => String(c).padEnd(w[i])).join('  ').trimEnd();
  const out = [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)];
  if (r.missing.length) out.push('', 'not measured:', ...r.missing.map((m) => `  ${m.row}: ${m.reason}`));
  out.push('', `machine: ${r.machine.cpus} CPUs (${r.machine.cpu_model}), node ${r.machine.node}, Chromium ${r.machine.chromium ?? '—'}; shared machines are noisy: compare app and baseline of the same run.`);
  return out.join('\n');
}
