// The Node.js entry of aims-engine: the same Wasm module and bindings as in browsers, loaded
// synchronously from the package folder on import, so the functions are ready at once.
// `await init()` is accepted too (it resolves at once), so code can be shared with browsers.
import { readFileSync } from 'node:fs';
import { initSync } from './aims_engine.js';

const wasm = initSync({ module: readFileSync(new URL('./aims_engine_bg.wasm', import.meta.url)) });

export * from './aims_engine.js';

/** Resolves at once with the Wasm exports: in Node the module is initialised on import. */
export default async function init() {
  return wasm;
}
