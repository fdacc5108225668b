// The iframe form of the widget (embed.html): one <aims-readiness> filling the frame, set up by
// URL parameters: storage-key, mode, app-url, and parent-origin.
//
// Events go to the parent page only when the host names its own origin in `parent-origin`
// (e.g. embed.html?parent-origin=https://www.example.com), and only to that origin: never to
// "*", so no other page that frames this one can read a result. Messages:
//   { source: 'aims-readiness', type: 'aims:completed', detail }  (detail as the element's event)
//   { source: 'aims-readiness', type: 'aims:resize', detail: { height } }  (to size the iframe)
import { load } from '../embed.js';

const params = new URLSearchParams(location.search);

// The origin to post to, once the widget's Wasm has checked `parent-origin`
// (aims_engine::widget::parent_origin: exactly an origin, never "*"); null until then, and for
// good when the host named none or not an origin.
let parentOrigin = null;
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

const named = params.get('parent-origin');
if (named && window.parent !== window) {
  load()
    .then((m) => {
      parentOrigin = m.parent_origin(named);
      if (last) post('aims:resize', { height: last }); // the size reached before the origin was known
    })
    .catch((e) => console.warn(`aims-readiness: ${e}`));
}
