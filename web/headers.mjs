// The HTTP headers a static host should send with the built site (docs/deploy.md), written to
// dist/_headers in the format Netlify and Cloudflare Pages read, and read back by the e2e
// server (tests/support/server.mjs) so that the suite runs under exactly these headers.
//
//   node web/headers.mjs dist          # writes dist/_headers (./x does this after every build)
//
// AIMS_EMBED_FRAME_ANCESTORS sets who may frame the embed page (embed.html): `'self'` unless
// set, e.g. AIMS_EMBED_FRAME_ANCESTORS="'self' https://www.cert-body.example".
//
// One rule per file, each an exact path (plus `/` for the start page): Cloudflare Pages joins
// the values of a header that several matching rules set, so no header is set by two rules that
// can match the same path.
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The policy every page runs under (the e2e suite's strict CSP, tests/e2e/shell.test.mjs),
 * plus what a page never needs: plugins, a `<base>`, form submissions. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Browser features the app and the widget never use, all denied. (The share link's "Copy"
 * uses the clipboard, which is not listed, so it stays allowed for the page itself.) */
export const PERMISSIONS = [
  'accelerometer', 'autoplay', 'camera', 'display-capture', 'encrypted-media', 'fullscreen',
  'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'midi', 'payment',
  'picture-in-picture', 'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb',
  'xr-spatial-tracking',
].map((f) => `${f}=()`).join(', ');

/** A year, the longest a cache keeps anything; hashed names change when the content does. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Revalidated on every use: pages and files whose names stay the same across releases. */
const REVALIDATE = 'no-cache';

/** Trunk's content hash in a file name: `aims-web-0123456789abcdef_bg.wasm`, `style-….css`. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/** The headers of one file of the site, by its URL path. */
export function headersFor(path, { embedFrameAncestors = "'self'" } = {}) {
  const h = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS,
    'Cache-Control': HASHED.test(path) ? IMMUTABLE : REVALIDATE,
  };
  if (path.endsWith('.html') || path === '/') {
    const embed = path === '/embed.html';
    const ancestors = embed ? embedFrameAncestors : "'none'";
    h['Content-Security-Policy'] = `${CSP}; frame-ancestors ${ancestors}`;
    // The app opens no other window and is opened by none: its own browsing context group.
    if (!embed) h['Cross-Origin-Opener-Policy'] = 'same-origin';
    if (!embed) h['X-Frame-Options'] = 'DENY'; // frame-ancestors for browsers without CSP 2
  }
  // The widget's loader and files may be used by a host page on another origin
  // (docs/embedding.md): readable across origins, with no credentials.
  if (path === '/embed.js' || path.startsWith('/embed/')) {
    h['Access-Control-Allow-Origin'] = '*';
    h['Cross-Origin-Resource-Policy'] = 'cross-origin';
  } else {
    h['Cross-Origin-Resource-Policy'] = 'same-origin';
  }
  return h;
}

async function files(dir, root = dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...await files(p, root));
    else if (e.name !== '_headers') out.push(`/${relative(root, p).split(sep).join('/')}`);
  }
  return out.sort();
}

/** The _headers text for the site in `dist`. */
export async function headersFile(dist, options) {
  const paths = await files(dist);
  if (paths.includes('/index.html')) paths.unshift('/');
  const lines = [
    '# Headers for a static host (Netlify, Cloudflare Pages), written by web/headers.mjs at build',
    '# time: docs/deploy.md explains each one and gives the same for nginx.',
  ];
  for (const p of paths) {
    lines.push(p);
    for (const [k, v] of Object.entries(headersFor(p, options))) lines.push(`  ${k}: ${v}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Parses _headers text into rules `{ path, headers }` (exact paths, or a `*` splat). */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
    } else if (rules.length) {
      const i = line.indexOf(':');
      if (i > 0) rules.at(-1).headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

/** The headers the rules give a request path (every matching rule, in order). */
export function matchHeaders(rules, path) {
  const out = {};
  for (const r of rules) {
    const hit = r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : path === r.path;
    if (hit) Object.assign(out, r.headers);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const embedFrameAncestors = process.env.AIMS_EMBED_FRAME_ANCESTORS || "'self'";
  if (/[;\r\n,]/.test(embedFrameAncestors)) {
    console.error('AIMS_EMBED_FRAME_ANCESTORS: sources separated by spaces only (no ; , or newline)');
    process.exit(2);
  }
  await writeFile(join(dist, '_headers'), await headersFile(dist, { embedFrameAncestors }));
  console.log(`${dist}/_headers written (embed page framed by ${embedFrameAncestors})`);
}
