// The npm package `aims-engine` (docs/js-api.md) in a browser: an ES module page imports the
// package's browser entry, initialises the Wasm and scores the reference assessment, under the
// strict CSP. The page and a copy of the built package (target/npm/aims-engine, made by ./x) are
// served by the plain static server on their own port.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, ROOT } from '../support/browser.mjs';
import { serve } from '../support/server.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const PACKAGE = join(ROOT, 'target', 'npm', 'aims-engine');
const FIXTURE = join(ROOT, 'engine', 'tests', 'fixtures', 'techserve-month1.json');
const EXPECTED = join(ROOT, 'engine', 'tests', 'snapshots', 'techserve-month1.report.json');

let app;
let site;
let dir;
before(async () => {
  assert.ok(existsSync(join(PACKAGE, 'package.json')), `${PACKAGE} is missing: ./x builds it (build_npm)`);
  dir = await mkdtemp(join(tmpdir(), 'aims-npm-browser-'));
  await cp(PACKAGE, join(dir, 'aims-engine'), { recursive: true });
  await cp(FIXTURE, join(dir, 'fixture.json'));
  await writeFile(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  // The browser entry, as package.json's exports give it to a browser or bundler.
  const pkg = JSON.parse(await readFile(join(PACKAGE, 'package.json'), 'utf8'));
  const entry = pkg.exports['.'].default.replace(/^\.\//, '');
  await writeFile(join(dir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>aims-engine in a browser</title>
<link rel="icon" href="icon.svg"><script type="module" src="test.mjs"></script></head>
<body><main><h1>aims-engine</h1><output id="out"></output></main></body></html>
`);
  await writeFile(join(dir, 'test.mjs'), `import init, { score, validate, roi, version } from './aims-engine/${entry}';
await init();
const assessment = await (await fetch('./fixture.json')).json();
const report = score(assessment);
let error = null;
try { score({ format: 'aims-assessment', version: 1, answers: { 'A.5.2': { maturity: 7 } } }); } catch (e) { error = { isError: e instanceof Error, message: e.message }; }
const a = roi(null, { seed: 7, trials: 1000 });
const b = roi(null, { seed: 7, trials: 1000 });
window.__result = {
  version: version(),
  report,
  invalidField: validate({ format: 'aims-assessment', version: 1, answers: { 'A.5.2': { maturity: 7 } } }).errors[0].field,
  error,
  roiSame: JSON.stringify(a) === JSON.stringify(b),
  p50: a.monte_carlo.npv.p50,
};
document.getElementById('out').textContent = 'readiness ' + report.readiness;
`);
  site = await serve(dir, { headers: [{ prefix: '/', headers: { 'content-security-policy': CSP } }] });
  app = await start();
  await app.context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
});
after(async () => {
  await app?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('an ES module page imports aims-engine and scores an assessment as the engine does', async () => {
  const page = await app.context.newPage();
  await page.goto(`${site.url}/`);
  await page.waitForFunction(() => window.__result !== undefined);
  const r = await page.evaluate(() => window.__result);
  const expected = JSON.parse(await readFile(EXPECTED, 'utf8'));
  assert.equal(r.report.readiness, expected.readiness);
  assert.deepEqual(r.report, expected, 'the whole report equals the engine snapshot (aims score --format json)');
  assert.equal(r.invalidField, 'maturity');
  assert.ok(r.error.isError);
  assert.match(r.error.message, /^assessment: answer "A\.5\.2", field "maturity"/);
  assert.ok(r.roiSame, 'the same seed gives the same ROI report');
  assert.equal(typeof r.p50, 'number');
  assert.equal(await page.textContent('#out'), `readiness ${expected.readiness}`);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(app.consoleErrors, []);
  // Every request went to the page's own server (the harness's site server saw none).
  assert.ok(app.foreign.every((u) => u.startsWith(`${site.url}/`)), app.foreign.join('\n'));
  await page.close();
});
