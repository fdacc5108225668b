// The Lighthouse row of the performance report: Lighthouse (npm `lighthouse`, installed by
// tests/perf/run into target/perf/lighthouse) run through its CLI against the site served by
// tests/perf/serve.mjs (brotli, like the other rows), performance category only, its default
// mobile form factor and simulated throttling, in the same Debian Chromium with the harness's
// flags. Each page is run `runs` times; every figure is the median of its runs.
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ARGS, stats } from './browser.mjs';

const run = promisify(execFile);

/** The installed Lighthouse: { cli, version }; throws when it is missing. */
export async function installed(dir) {
  const pkg = join(dir, 'node_modules/lighthouse/package.json');
  const meta = JSON.parse(await readFile(pkg, 'utf8').catch(() => {
    throw new Error(`not installed (no ${pkg})`);
  }));
  return { cli: join(dir, 'node_modules/lighthouse/cli/index.js'), version: meta.version };
}

/** `pages` maps a name to a hash (`''` for the start page); `served` is the server's count of
 * Content-Encodings sent (serve.mjs), to report what Lighthouse's loads were sent. Returns the
 * `lighthouse` object of target/perf-report.json (docs/performance.md). Must not block the
 * event loop: the server answering Lighthouse's Chromium runs in this process. */
export async function lighthouse({ dir, url, pages, runs, reportsDir, served = {}, chromium = '/usr/bin/chromium' }) {
  const { cli, version } = await installed(dir);
  await mkdir(reportsDir, { recursive: true });
  const chromeFlags = ['--headless=new', ...ARGS];
  const out = { version, runs, form_factor: null, throttling_method: null, throttling: null, chrome_flags: chromeFlags.join(' '), pages: {} };
  for (const [name, hash] of Object.entries(pages)) {
    const target = `${url}/${hash}`;
    const samples = { score: [], fcp: [], lcp: [], tbt: [], si: [] };
    const warnings = new Set();
    const report = join(reportsDir, `${name}.report.json`);
    const sentBefore = { ...served };
    for (let i = 0; i < runs; i++) {
      await run(process.execPath, [
        cli, target, '--only-categories=performance', '--output=json', `--output-path=${report}`,
        '--quiet', `--chrome-flags=${chromeFlags.join(' ')}`,
      ], { env: { ...process.env, CHROME_PATH: chromium }, timeout: 300_000, maxBuffer: 1 << 26 });
      const lhr = JSON.parse(await readFile(report, 'utf8'));
      if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      const score = lhr.categories.performance.score;
      if (score === null) throw new Error(`${name}: no performance score (${lhr.runWarnings.join('; ')})`);
      const audit = (id) => lhr.audits[id]?.numericValue ?? null;
      samples.score.push(score * 100);
      samples.fcp.push(audit('first-contentful-paint'));
      samples.lcp.push(audit('largest-contentful-paint'));
      samples.tbt.push(audit('total-blocking-time'));
      samples.si.push(audit('speed-index'));
      for (const w of lhr.runWarnings ?? []) warnings.add(w);
      out.form_factor = lhr.configSettings.formFactor;
      out.throttling_method = lhr.configSettings.throttlingMethod;
      out.throttling = lhr.configSettings.throttling;
    }
    const st = (xs) => ({ ...stats(xs), samples: xs.map((x) => (x === null ? null : Math.round(x * 100) / 100)) });
    out.pages[name] = {
      url: target,
      performance_score: st(samples.score),
      fcp_ms: st(samples.fcp),
      lcp_ms: st(samples.lcp),
      tbt_ms: st(samples.tbt),
      speed_index_ms: st(samples.si),
      warnings: [...warnings],
      served_encodings: Object.fromEntries(Object.entries(served).map(([k, v]) => [k, v - (sentBefore[k] ?? 0)]).filter(([, v]) => v > 0)),
      report,
    };
  }
  return out;
}
