// Size report of a built site: every file raw, gzip -9 and brotli-11 bytes, and the total.
// Prints a table and writes the same figures as JSON.
//   node size-report.mjs DIST_DIR OUT_JSON
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, relative, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export async function sizes(dir) {
  const files = [];
  async function walk(d) {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else files.push(p);
    }
  }
  await walk(dir);
  files.sort();
  const rows = [];
  for (const f of files) {
    const buf = await readFile(f);
    rows.push({
      file: relative(dir, f),
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        },
      }).length,
    });
  }
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { files: rows, total };
}

export function table(report) {
  const w = Math.max(5, ...report.files.map((r) => r.file.length));
  const n = (x) => x.toLocaleString('en-US').padStart(10);
  const lines = [`${'file'.padEnd(w)}  ${'raw'.padStart(10)}  ${'gzip -9'.padStart(10)}  ${'brotli 11'.padStart(10)}`];
  for (const r of report.files) lines.push(`${r.file.padEnd(w)}  ${n(r.raw)}  ${n(r.gzip)}  ${n(r.brotli)}`);
  lines.push(`${'total'.padEnd(w)}  ${n(report.total.raw)}  ${n(report.total.gzip)}  ${n(report.total.brotli)}`);
  return lines.join('\n');
}

// Run as a script only when this very file is the entry point (not when imported).
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const [dir = 'dist', out = 'target/size-report.json'] = process.argv.slice(2);
  const report = await sizes(dir);
  console.log(table(report));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify({ dir, ...report }, null, 2) + '\n');
  console.log(`written to ${out}`);
}
