// A plain static file server for the built site: no rewrites, no fallbacks, exactly what any
// static host does. It sends the headers the build wrote to `<root>/_headers` (web/headers.mjs:
// CSP, caching, nosniff…), as a host configured by docs/deploy.md would; a test may add or
// replace headers per path prefix (e.g. a stricter Content-Security-Policy).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { matchHeaders, parseHeaders } from '../../web/headers.mjs';
import { extname, join, normalize, resolve } from 'node:path';

/** Content types by file extension (also used by the performance report's server). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` on 127.0.0.1 at a free port. Returns { url, close }. */
export async function serve(root, { headers = [] } = {}) {
  const base = resolve(root);
  const rules = parseHeaders(await readFile(join(base, '_headers'), 'utf8').catch(() => ''));
  const lower = (h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const extra = lower(matchHeaders(rules, path));
      for (const h of headers) if (path.startsWith(h.prefix)) Object.assign(extra, lower(h.headers));
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...extra,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
