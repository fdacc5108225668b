// Row 4 of the performance report: the engine's bare calls in Wasm (perf/engine-wasm, built as
// the app ships: release profile, wasm-bindgen --target web, wasm-opt -Oz) timed in headless
// Chromium, for the Wasm/native ratio against the criterion benches of the same calls.
//
// The module's `Bench` reads the fixtures once; `bench.score(n)` etc. make the engine call `n`
// times and return nothing. In the page, for each call: a warm-up of ≥ 300 ms (which also
// finds the `n` that makes one timed block last ≥ 150 ms), then blocks of `n` calls, each
// timed with performance.now(), until ≥ 10 blocks and ≥ 1.5 s (ROI: ≥ 3 s). Per-call time =
// block time / n; the figure is the median over blocks (criterion reports the median over
// its samples too), the mean is kept beside it.
import { serve } from './serve.mjs';

/** Times the bare engine calls in the module at `dir` (`aims_perf_engine_wasm.js` and its
 * `_bg.wasm`). `inputs` = { iso, nist }: the fixtures' JSON text. Returns, per call id, {
 * ns_per_call (median over blocks), mean_ns, iters, blocks, block_calls }, and the 100k-trial ROI
 * report of this module for the identity check. */
export async function engineBare(browser, dir, inputs) {
  const site = await serve(dir);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/index.html`);
    return await page.evaluate(async ({ url, inputs }) => {
      const m = await import(`${url}/aims_perf_engine_wasm.js`);
      await m.default({ module_or_path: `${url}/aims_perf_engine_wasm_bg.wasm` });
      const bench = new m.Bench(inputs.iso, inputs.nist);
      const median = (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      };
      // `call(n)` makes n engine calls.
      const time = (call, { minMs = 1500, blockMs = 150, warmMs = 300, minBlocks = 10 } = {}) => {
        let n = 1;
        const w0 = performance.now();
        for (;;) {
          const t0 = performance.now();
          call(n);
          const dt = performance.now() - t0;
          if (dt >= blockMs && performance.now() - w0 >= warmMs) break;
          if (dt < blockMs) n = dt < 1 ? n * 10 : Math.ceil((n * blockMs * 1.1) / dt);
        }
        const perCall = [];
        const start = performance.now();
        while (perCall.length < minBlocks || performance.now() - start < minMs) {
          const t0 = performance.now();
          call(n);
          perCall.push(((performance.now() - t0) / n) * 1e6);
        }
        const mean = perCall.reduce((a, b) => a + b, 0) / perCall.length;
        return { ns_per_call: median(perCall), mean_ns: mean, iters: n * perCall.length, blocks: perCall.length, block_calls: n };
      };
      try {
        const out = {
          read: time((n) => bench.read(n)),
          score: time((n) => bench.score(n)),
          crosswalk_forward: time((n) => bench.forward(n)),
          crosswalk_reverse: time((n) => bench.reverse(n)),
          roi_10k: time((n) => bench.roi(10000, n), { minMs: 3000 }),
          roi_100k: time((n) => bench.roi(100000, n), { minMs: 3000 }),
        };
        out.roi_100k_report = JSON.parse(bench.roi_report_json(100000));
        return out;
      } finally {
        bench.free();
      }
    }, { url: site.url, inputs });
  } finally {
    await context.close();
    await site.close();
  }
}
