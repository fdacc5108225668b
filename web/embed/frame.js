// The iframe form of the widget (embed.html): one <aims-readiness> filling the frame, set up by
// URL parameters: storage-key, mode, app-url, and parent-origin.
//
// Events go to the parent page only when the host names its own origin in `parent-origin`
// (e.g. embed.html?parent-origin=https://www.example.com), and only to that origin: never to
// "*", so no other page that frames this one can read a result. Messages:
//   { source: 'aims-readiness', type: 'aims:completed', detail }  (detail as the element's event)
//   { source: 'aims-readiness', type: 'aims:resize', detail: { height } }  (to size the iframe)
import '../embed.js';

const params = new URLSearchParams(location.search);

/** The parent's origin as the host named it, or null when it named none or not an origin. */
function namedOrigin(value) {
  if (!value) return null;
  try {
    const { origin } = new URL(value);
    if (origin !== 'null' && origin === value.replace(/\/$/, '')) return origin;
  } catch {
    // not a URL: no origin
  }
  console.warn(`aims-readiness: parent-origin "${value}" is not an origin such as https://www.example.com; no message is posted`);
  return null;
}

const parentOrigin = window.parent !== window ? namedOrigin(params.get('parent-origin')) : null;
const post = (type, detail) => {
  if (parentOrigin) window.parent.postMessage({ source: 'aims-readiness', type, detail }, parentOrigin);
};

const widget = document.createElement('aims-readiness');
widget.setAttribute('mode', params.get('mode') || 'quick');
widget.setAttribute('storage-key', params.get('storage-key') || 'iframe');
if (params.get('app-url')) widget.setAttribute('app-url', params.get('app-url'));
widget.addEventListener('aims:completed', (e) => post('aims:completed', e.detail));
document.querySelector('main').append(widget);

let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last) post('aims:resize', { height: (last = height) });
}).observe(document.documentElement);
