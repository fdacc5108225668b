// The npm package's TypeScript declarations (docs/js-api.md): consumer.ts, a typed use of every
// function, is compiled by the pinned TypeScript (tests/package.json) in strict mode with Node's
// ESM resolution against the packed package, installed as npm would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const version = JSON.parse(await readFile(join(ROOT, 'js', 'npm', 'package.json'), 'utf8')).version;
const TARBALL = process.env.AIMS_NPM_TARBALL ?? join(ROOT, 'target', 'npm', `aims-engine-${version}.tgz`);

/** Installs the packed package in a fresh directory, as npm would; returns the directory. */
async function install() {
  assert.ok(existsSync(TARBALL), `${TARBALL} is missing: build it with ./x test`);
  const dir = await mkdtemp(join(tmpdir(), 'aims-ts-'));
  const installed = join(dir, 'node_modules', 'aims-engine');
  await mkdir(installed, { recursive: true });
  execFileSync('tar', ['-xzf', TARBALL, '-C', installed, '--strip-components=1']);
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

/** Type-checks `file` in `dir` with the pinned TypeScript in strict mode; returns tsc's result. */
async function typeCheck(dir, file, exact = true) {
  const tsc = createRequire(join(ROOT, 'tests', 'package.json')).resolve('typescript/bin/tsc');
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, exactOptionalPropertyTypes: exact, noEmit: true,
      module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [],
    },
    files: [file],
  }));
  return spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

test('a strict TypeScript consumer type-checks against the declarations', async () => {
  const dir = await install();
  try {
    await copyFile(join(HERE, 'consumer.ts'), join(dir, 'consumer.ts'));
    const r = await typeCheck(dir, 'consumer.ts', false);
    assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// Real results of the package on the reference organisations, written out as object literals
// of their declared types: TypeScript refuses a literal with a key the declaration lacks, a
// required key missing or a value of another type, so the declarations cannot drift from what
// the functions return.
test('the real outputs of score, crosswalk, roi, validate and catalog are of their declared types', async () => {
  const dir = await install();
  try {
    await writeFile(join(dir, 'consumer.mjs'), "export * from 'aims-engine';\n");
    const engine = await import(pathToFileURL(join(dir, 'consumer.mjs')).href);
    const fixtures = join(ROOT, 'engine', 'tests', 'fixtures');
    const lines = [
      "import type { ForwardCrosswalk, ReverseCrosswalk, Report, RoiReport, Validation, IsoCatalog, NistCatalog, CrosswalkCatalog, QuickScanCatalog } from 'aims-engine';",
    ];
    let n = 0;
    const add = (type, value) => lines.push(`export const v${n++}: ${type} = ${JSON.stringify(value)};`);
    for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.json')).sort()) {
      const a = JSON.parse(readFileSync(join(fixtures, name), 'utf8'));
      const nist = a.framework === 'nist-ai-rmf';
      add('Report', engine.score(a));
      add('Validation', engine.validate(a));
      add(nist ? 'ReverseCrosswalk' : 'ForwardCrosswalk', engine.crosswalk(a));
      if (!nist) add('RoiReport', engine.roi(null, { trials: 200, assessment: a }));
    }
    // A supplier-only profile answered per system: proposed exclusions with their basis, findings
    // naming systems.
    const profiled = JSON.parse(readFileSync(join(HERE, 'two-supplied-systems.json'), 'utf8'));
    const withProfile = engine.score(profiled);
    assert.ok(withProfile.proposed_exclusions.length > 0 && withProfile.findings.some((f) => f.systems));
    add('Report', withProfile);
    add('Validation', engine.validate(profiled));
    add('ForwardCrosswalk', engine.crosswalk(profiled));
    add('RoiReport', engine.roi(null, { trials: 200, assessment: profiled }));
    add('RoiReport', engine.roi(null, { trials: 200 }));
    add('Validation', engine.validate({ format: 'aims-assessment', version: 1, answers: { '5.2': 9, 'X.1': 1 } }));
    add('IsoCatalog', engine.catalog('iso42001'));
    add('NistCatalog', engine.catalog('nist-ai-rmf'));
    add('CrosswalkCatalog', engine.catalog('crosswalk'));
    add('QuickScanCatalog', engine.catalog('quick-scan'));
    assert.ok(n >= 20, `${n} outputs`);
    await writeFile(join(dir, 'outputs.ts'), lines.join('\n') + '\n');
    const r = await typeCheck(dir, 'outputs.ts');
    assert.equal(r.status, 0, `the real outputs do not match the declarations:\n${r.stdout.slice(0, 4000)}${r.stderr}`);
    // The check can fail: a key the declarations do not have is refused.
    await writeFile(join(dir, 'extra.ts'), `import type { Report } from 'aims-engine';\nconst r = ${JSON.stringify(engine.score(JSON.parse(readFileSync(join(fixtures, 'all-zero.json'), 'utf8'))))};\nexport const x: Report = { ...r, not_declared: 1 };\n`);
    assert.notEqual((await typeCheck(dir, 'extra.ts')).status, 0, 'an undeclared key is refused');
    // ... and so is a basis of a proposed exclusion that the declarations do not list.
    const basis = { ...withProfile, proposed_exclusions: withProfile.proposed_exclusions.map((p) => ({ ...p, basis: 'guessed' })) };
    await writeFile(join(dir, 'basis.ts'), `import type { Report } from 'aims-engine';\nexport const x: Report = ${JSON.stringify(basis)};\n`);
    assert.notEqual((await typeCheck(dir, 'basis.ts')).status, 0, 'an undeclared basis is refused');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
