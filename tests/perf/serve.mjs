// A static server for the performance report: like tests/support/server.mjs (no rewrites,
// `cache-control: no-store`) but it compresses as any production host would: brotli-11 when
// the browser accepts `br` (Debian Chromium does, on http://127.0.0.1 too), else gzip -9. The
// counts of encodings sent show which it was. Compressed bodies are cached in memory.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { TYPES } from '../support/server.mjs';

/** Serves `root` on 127.0.0.1 at a free port. Returns { url, close, encodings } where
 * `encodings` counts the Content-Encoding of every response sent. */
export async function serve(root) {
  const base = resolve(root);
  const cache = new Map();
  const encodings = {};
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) return void res.writeHead(403).end();
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const accept = String(req.headers['accept-encoding'] ?? '');
      const enc = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity';
      const key = `${enc}:${file}`;
      let body = cache.get(key);
      if (!body) {
        const raw = await readFile(file);
        body = enc === 'br'
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          : enc === 'gzip' ? gzipSync(raw, { level: 9 }) : raw;
        cache.set(key, body);
      }
      encodings[enc] = (encodings[enc] ?? 0) + 1;
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(enc === 'identity' ? {} : { 'content-encoding': enc }),
        'content-length': body.length,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    encodings,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
