// The npm package's TypeScript declarations (docs/js-api.md): consumer.ts, a typed use of every
// function, is compiled by the pinned TypeScript (tests/package.json) in strict mode with Node's
// ESM resolution against the packed package, installed as npm would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const version = JSON.parse(await readFile(join(ROOT, 'js', 'npm', 'package.json'), 'utf8')).version;
const TARBALL = process.env.AIMS_NPM_TARBALL ?? join(ROOT, 'target', 'npm', `aims-engine-${version}.tgz`);

test('a strict TypeScript consumer type-checks against the declarations', async () => {
  assert.ok(existsSync(TARBALL), `${TARBALL} is missing: build it with ./x test`);
  const tsc = createRequire(join(ROOT, 'tests', 'package.json')).resolve('typescript/bin/tsc');
  const dir = await mkdtemp(join(tmpdir(), 'aims-ts-'));
  try {
    const installed = join(dir, 'node_modules', 'aims-engine');
    await mkdir(installed, { recursive: true });
    execFileSync('tar', ['-xzf', TARBALL, '-C', installed, '--strip-components=1']);
    await copyFile(join(HERE, 'consumer.ts'), join(dir, 'consumer.ts'));
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [] },
      files: ['consumer.ts'],
    }));
    const r = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
