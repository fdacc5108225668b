// The npm package `aims-engine` in Node (node --test js/test/): installed from the packed
// tarball the way npm would (so `files` and `exports` are what is tested), then checked against
// the `aims` command line on the same inputs.
//
//   AIMS_NPM_TARBALL  the packed package (default: target/npm/aims-engine-<version>.tgz)
//   AIMS_BIN          the built `aims` binary (default: `cargo run -q -p aims-cli --`)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = join(ROOT, 'engine', 'tests', 'fixtures', 'techserve-month1.json');
const version = JSON.parse(await readFile(join(ROOT, 'js', 'npm', 'package.json'), 'utf8')).version;
const TARBALL = process.env.AIMS_NPM_TARBALL ?? join(ROOT, 'target', 'npm', `aims-engine-${version}.tgz`);

/** Runs `aims ARGS` and gives its standard output. */
function aimsText(...args) {
  const [cmd, pre] = process.env.AIMS_BIN ? [process.env.AIMS_BIN, []] : ['cargo', ['run', '-q', '-p', 'aims-cli', '--']];
  return execFileSync(cmd, [...pre, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Text as `aims` prints it: ending with one newline. */
const asPrinted = (text) => (text.endsWith('\n') ? text : `${text}\n`);

/** Runs `aims ARGS` and parses its JSON output. */
function aims(...args) {
  return JSON.parse(aimsText(...args));
}

let dir;
let engine;
let pkg;
before(async () => {
  assert.ok(existsSync(TARBALL), `${TARBALL} is missing: build it with ./x test (or ./x npm)`);
  dir = await mkdtemp(join(tmpdir(), 'aims-npm-'));
  const installed = join(dir, 'node_modules', 'aims-engine');
  await mkdir(installed, { recursive: true });
  execFileSync('tar', ['-xzf', TARBALL, '-C', installed, '--strip-components=1']);
  pkg = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
  // A consumer module, so that Node resolves the bare name through the package's exports.
  await writeFile(join(dir, 'consumer.mjs'), "export * from 'aims-engine';\nexport { default } from 'aims-engine';\n");
  engine = await import(pathToFileURL(join(dir, 'consumer.mjs')).href);
});
after(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

test('package.json names the package, its version, license, types, files and entry points', async () => {
  assert.equal(pkg.name, 'aims-engine');
  assert.equal(pkg.version, version);
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.types, './aims_engine.d.ts');
  assert.deepEqual(Object.keys(pkg.exports['.']), ['types', 'node', 'default']);
  assert.match(pkg.engines.node, />=\s*20/);
  for (const f of pkg.files) assert.ok(existsSync(join(dir, 'node_modules', 'aims-engine', f)), `${f} is in the tarball`);
  assert.equal(typeof engine.default, 'function', 'init() exists in Node too');
  await engine.default();
  assert.equal(engine.version(), version);
});

test('the TypeScript declarations type the API with the documented formats, not any', async () => {
  const dts = await readFile(join(dir, 'node_modules', 'aims-engine', 'aims_engine.d.ts'), 'utf8');
  for (const sig of [
    'export function score(assessment: AssessmentInput): Report;',
    'export function validate(assessment: unknown): Validation;',
    'export function roi(inputs?: RoiInputsInput | null, options?: RoiOptions | null): RoiReport;',
    'export function crosswalk(assessment: AssessmentInput, to: "nist-ai-rmf"): ForwardCrosswalk;',
    'export function crosswalk(assessment: AssessmentInput, to: "iso42001"): ReverseCrosswalk;',
    'export function catalog(name: "quick-scan"): QuickScanCatalog;',
  ]) assert.ok(dts.includes(sig), sig);
  for (const type of ['interface Report', 'interface Assessment', 'interface RoiReport', 'interface Diagnostic']) {
    assert.ok(dts.includes(`export ${type} `), type);
  }
  const api = dts.split('\n').filter((l) => /^export function (score|validate|roi|crosswalk|catalog)\(/.test(l));
  assert.deepEqual(api.filter((l) => /\bany\b/.test(l)), []);
});

test('score gives the same report as `aims score --format json`', () => {
  const report = engine.score(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  const cli = aims('score', FIXTURE, '--format', 'json');
  assert.equal(typeof report.readiness, 'number');
  assert.equal(report.readiness, cli.readiness);
  assert.equal(report.verdict, cli.verdict);
  assert.deepEqual(report, cli);
  // The JSON text is accepted as well as the object.
  assert.equal(engine.score(readFileSync(FIXTURE, 'utf8')).readiness, cli.readiness);
});

test('validate lists errors and warnings naming the item and field; score throws an Error naming them', () => {
  const bad = {
    format: 'aims-assessment',
    version: 1,
    organisation: { employees: -3 },
    answers: { 'A.5.2': { maturity: 7 }, 'A.10.4': { applicable: false }, '5.2': { maturty: 2 } },
  };
  const v = engine.validate(bad);
  assert.equal(v.valid, false);
  const maturity = v.errors.find((d) => d.item === 'A.5.2');
  assert.equal(maturity.field, 'maturity');
  assert.equal(maturity.severity, 'error');
  assert.ok(v.errors.some((d) => d.field === 'organisation.employees'), JSON.stringify(v.errors));
  assert.ok(v.warnings.length >= 1 && v.warnings.every((d) => d.severity === 'warning' && d.field), JSON.stringify(v.warnings));
  assert.throws(() => engine.score(bad), (e) => e instanceof Error
    && /^assessment: (answer "A\.5\.2", )?field "(maturity|organisation\.employees)"/.test(e.message)
    && e.diagnostics.length === v.errors.length);
  // A document that is not an assessment names the field that stopped the read.
  assert.deepEqual(engine.validate({ format: 'aims-assessment' }).errors.map((d) => d.field), ['version']);
  assert.throws(() => engine.score({ version: 1 }), /^Error: assessment: field "format" is missing/);
  assert.throws(() => engine.score(undefined), /^Error: assessment: missing/);
  assert.throws(() => engine.score('{'), /^Error: assessment: not valid JSON at line 1/);
  assert.ok(engine.validate(JSON.parse(readFileSync(FIXTURE, 'utf8'))).valid);
});

test('roi with a seed is deterministic and equals `aims roi` bit for bit', () => {
  const a = engine.roi(null, { seed: 7, trials: 2000 });
  const b = engine.roi({}, { seed: 7, trials: 2000 });
  assert.deepEqual(a, b);
  assert.equal(a.monte_carlo.seed, 7);
  assert.equal(a.monte_carlo.trials, 2000);
  assert.notDeepEqual(engine.roi(null, { seed: 8, trials: 2000 }).monte_carlo.npv, a.monte_carlo.npv);
  const cli = aims('roi', '--seed', '7', '--trials', '2000', '--format', 'json');
  assert.deepEqual(a, cli);
  // Inputs are partial objects over the sourced defaults; errors name the input.
  const small = engine.roi({ organisation: { employees: 40 } }, { seed: 7, trials: 500 });
  assert.notEqual(small.total_cost, a.total_cost);
  assert.throws(() => engine.roi({ costs: { consulting: { low: -1 } } }), /^Error: inputs\.costs\.consulting\.low: /);
  assert.throws(() => engine.roi({ costs: { consulting: 'x' } }), /^Error: inputs\.costs\.consulting: /);
  assert.throws(() => engine.roi(null, { seed: 1.5 }), /^Error: options\.seed: /);
  assert.throws(() => engine.roi(null, { trials: 0 }), /^Error: options\.trials: /);
  // With an assessment, its roadmap gives the schedule, as `aims roi --assessment`.
  const withAssessment = engine.roi(null, { seed: 7, trials: 500, assessment: JSON.parse(readFileSync(FIXTURE, 'utf8')) });
  assert.deepEqual(withAssessment, aims('roi', '--assessment', FIXTURE, '--seed', '7', '--trials', '500', '--format', 'json'));
  // One effort model: the ROI certifies in the roadmap's month, and counts the cycle after it.
  const months = engine.score(JSON.parse(readFileSync(FIXTURE, 'utf8'))).roadmap.total_months;
  assert.equal(withAssessment.certification_month, months);
  assert.equal(withAssessment.horizon_months, months + 36);
});

test('crosswalk in both directions, as `aims crosswalk`; a wrong direction names `to`', () => {
  const iso = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const forward = engine.crosswalk(iso, 'nist-ai-rmf');
  assert.deepEqual(forward, aims('crosswalk', FIXTURE, '--to', 'nist-ai-rmf'));
  assert.equal(forward.subcategories.length, 72);
  const nistFile = join(ROOT, 'engine', 'tests', 'fixtures', 'nist-all-at-target.json');
  const reverse = engine.crosswalk(JSON.parse(readFileSync(nistFile, 'utf8')), 'iso42001');
  assert.deepEqual(reverse, aims('crosswalk', nistFile, '--to', 'iso42001'));
  assert.equal(reverse.assessment.framework, 'iso42001');
  assert.throws(() => engine.crosswalk(iso, 'iso42001'), /^Error: to: /);
  assert.throws(() => engine.crosswalk(iso, 'nist'), /^Error: to: "nist" is not a crosswalk direction/);
});

test('catalog gives the listings of `aims catalog`; an unknown name is named', () => {
  for (const name of ['iso42001', 'nist-ai-rmf', 'crosswalk', 'quick-scan']) {
    assert.deepEqual(engine.catalog(name), aims('catalog', name, '--format', 'json'), name);
  }
  assert.throws(() => engine.catalog('iso'), /^Error: name: unknown catalog "iso"/);
});

test('the CLI and the JS API give the same figures and words on every reference organisation', async () => {
  const fixtures = join(ROOT, 'engine', 'tests', 'fixtures');
  // The reference fixtures, and an organisation that has answered nothing yet (its size, not a
  // roadmap, drives the ROI: the one rule of roi::prepare).
  const empty = join(dir, 'nothing-answered.json');
  await writeFile(empty, JSON.stringify({
    format: 'aims-assessment', version: 1, framework: 'iso42001',
    organisation: { name: 'Not started', employees: 40, ai_systems_in_scope: 2, certifications: ['ISO/IEC 27001'] },
    answers: {},
  }));
  const files = (await readdir(fixtures)).filter((f) => f.endsWith('.json')).map((f) => join(fixtures, f));
  assert.ok(files.length >= 6, files.join(', '));
  // A supplier-only profile with two systems answered per system: the report's proposed
  // exclusions carry their basis and the findings name the weaker system.
  const profiled = join(ROOT, 'js', 'test', 'two-supplied-systems.json');
  const withProfile = engine.score(JSON.parse(readFileSync(profiled, 'utf8')));
  assert.ok(withProfile.proposed_exclusions.length > 0);
  assert.ok(withProfile.proposed_exclusions.every((p) => p.basis === 'supplied_systems'), JSON.stringify(withProfile.proposed_exclusions));
  assert.ok(withProfile.findings.some((f) => (f.item === 'A.5.2' || f.related.includes('A.5.2')) && f.systems?.includes('CV ranking')),
    JSON.stringify(withProfile.findings));
  for (const file of [...files, profiled, empty]) {
    const assessment = JSON.parse(readFileSync(file, 'utf8'));
    const report = engine.score(assessment);
    assert.deepEqual(report, aims('score', file, '--format', 'json'), file);
    assert.equal(asPrinted(engine.scoreText(assessment)), aimsText('score', file), file);
    const options = { seed: 42, trials: 1000, assessment };
    const roi = engine.roi(null, options);
    assert.deepEqual(roi, aims('roi', '--assessment', file, '--seed', '42', '--trials', '1000', '--format', 'json'), file);
    assert.equal(asPrinted(engine.roiText(null, options)), aimsText('roi', '--assessment', file, '--seed', '42', '--trials', '1000'), file);
    // The roadmap schedules the ROI once something is answered, and only then.
    assert.equal(roi.months_basis, report.answered > 0 ? 'roadmap' : 'from_scratch', file);
  }
});

test('plan gives the same plan and exports as `aims plan`, and names bad options', async () => {
  const file = join(dir, 'planned.json');
  const a = {
    format: 'aims-assessment', version: 2, organisation: { name: 'Plan Ltd' },
    profile: { systems: [{ id: 'bot', name: 'Support bot', origin: 'supplied' }, { id: 'cv', origin: 'in_house' }] },
    answers: {
      '5.2': { maturity: 0, owner: 'CEO', due: '2025-05-31' },
      'A.5.2': { maturity: 3, systems: { bot: { maturity: 1 }, cv: 2 }, owner: 'DPO', due: '2025-09-30', status: 'in_progress', evidence: ['ia-bot.pdf'] },
    },
  };
  await writeFile(file, JSON.stringify(a));
  const p = engine.plan(a, { today: '2025-06-30' });
  assert.deepEqual(p, aims('plan', file, '--date', '2025-06-30'));
  assert.equal(p.summary.overdue, 1);
  assert.deepEqual(p.actions.find((x) => x.item === 'A.5.2').systems, ['Support bot']);
  const cmd = process.env.AIMS_BIN ? [process.env.AIMS_BIN, []] : ['cargo', ['run', '-q', '-p', 'aims-cli', '--']];
  for (const format of ['csv', 'oscal', 'ics']) {
    const text = engine.plan(a, { today: '2025-06-30', format, order: 'due' });
    const cli = execFileSync(cmd[0], [...cmd[1], 'plan', file, '--date', '2025-06-30', '--format', format, '--order', 'due'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(typeof text, 'string');
    assert.equal(text.trimEnd(), cli.trimEnd(), format);
  }
  // Without `today`, the plan is made for today (UTC).
  assert.equal(engine.plan(a).today, new Date().toISOString().slice(0, 10));
  assert.throws(() => engine.plan(a, { today: '2025-02-30' }), /^Error: today: "2025-02-30" is not a date/);
  assert.throws(() => engine.plan(a, { format: 'pdf' }), /^Error: format: "pdf"/);
  assert.throws(() => engine.plan(a, { order: 3 }), /^Error: order: expected text/);
});
