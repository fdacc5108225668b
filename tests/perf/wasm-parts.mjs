// Where a Wasm module's bytes go (rows "1 wasm top/parts" for the app and "1 widget" for the
// embeddable widget): `twiggy top` on a build with names kept, each item counted for the first
// module of ours its name mentions, static data apart, else its crate. Custom sections (names,
// wasm-bindgen's schema, producers) never ship: they are left out and listed apart.
//   node tests/perf/wasm-parts.mjs FILE.wasm   prints the parts of one module
import { execFileSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

/** Brotli 11 of a file, as `tests/size-report.mjs` and a real host compress it. */
export async function brotliBytes(file) {
  const buf = await readFile(file);
  return brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;
}

/** `twiggy top` of `wasm`: the 15 largest items, every part, the custom sections left out. */
export async function wasmParts(wasm) {
  const out = execFileSync('twiggy', ['top', '-f', 'json', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const all = JSON.parse(out);
  const stripped = (n) => /^custom section|subsection$/.test(n);
  const kept = all.filter((i) => !stripped(i.name));
  const shipped = kept.reduce((t, i) => t + i.shallow_size, 0);
  const pct = (b) => Math.round((b / shipped) * 10000) / 100;
  const top = kept.slice(0, 15).map((i) => ({ item: plainName(i.name), shallow_bytes: i.shallow_size, shallow_percent: pct(i.shallow_size) }));
  const excluded = all.filter((i) => stripped(i.name)).map((i) => ({ item: i.name, shallow_bytes: i.shallow_size }));
  // By part: a generic Yew function made for a component counts for that component.
  const parts = new Map();
  for (const i of kept) {
    const k = partOf(plainName(i.name));
    parts.set(k, (parts.get(k) ?? 0) + i.shallow_size);
  }
  const by_part = [...parts].sort((x, y) => y[1] - x[1]).map(([part, bytes]) => ({ part, shallow_bytes: bytes, shallow_percent: pct(bytes) }));
  return { wasm, wasm_bytes: (await stat(wasm)).size, shipped_bytes: shipped, top, by_part, excluded };
}

/** A symbol without v0 crate disambiguators (`yew[2b9d07035cae429]::html` → `yew::html`). */
export function plainName(name) {
  return name.replace(/\[[0-9a-f]+\]/g, '');
}

/** What a Wasm item belongs to: one of our modules (pages and components by name), the static
 * data, or a dependency crate. */
export function partOf(name) {
  if (name.startsWith('data segment')) return 'static data (texts, tables)';
  const ours = name.match(/aims_web::(?:pages|components)::[a-z_]+|aims_web::[a-z_]+|aims_engine::[a-z_]+/);
  if (ours) return ours[0];
  const crate = name.replace(/^[<&*\s]+/, '').match(/^(?:dyn |impl )?([a-z_][a-z0-9_]*)::/);
  if (crate) return `${crate[1]} (crate)`;
  return 'other (glue, imports, unnamed)';
}

// Run as a script only when this very file is the entry point (not when imported).
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node tests/perf/wasm-parts.mjs FILE.wasm (a build with names kept)');
    process.exit(2);
  }
  const r = await wasmParts(file);
  console.log(`${file}: ${r.shipped_bytes.toLocaleString('en-US')} bytes of code and data ship`);
  for (const p of r.by_part) console.log(`${String(p.shallow_bytes.toLocaleString('en-US')).padStart(10)}  ${p.shallow_percent.toFixed(2).padStart(6)} %  ${p.part}`);
}
