// AIMS Readiness embed loader (docs/embedding.md): defines <aims-readiness>, the ISO/IEC 42001
// quick scan for any page.
//
//   <script type="module" src="https://your.site/aims/embed.js"></script>
//   <aims-readiness mode="quick" storage-key="my-page"></aims-readiness>
//
// This file is all a page loads up front. The widget's Wasm, JS glue and stylesheet (in embed/
// beside this file) are fetched only when an element comes near the viewport or its start
// button is used. No inline script, no inline style, no eval: it works under the CSP
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
//
// Attributes (read when the widget loads): mode ("quick", the default and only mode),
// storage-key (namespaces the answers saved in this browser), app-url (the full app, linked
// from the result screen), loading ("lazy", the default, or "eager"). The widget's Wasm reads
// and checks them (aims_engine::widget); a bad value is shown in place of the widget.
// Events on the element: aims:ready (the widget is shown), aims:completed (detail: complete,
// questions_answered, questions, band, band_label, score, verdict, answered, total, top_gaps),
// both bubbling and composed.

const base = new URL('./embed/', import.meta.url);
const ATTRIBUTES = ['mode', 'storage-key', 'app-url', 'loading'];
let engine;
/** The widget's module (its Wasm instantiated), fetched once per page. */
export const load = () =>
  (engine ??= import(new URL('aims_embed.js', base).href).then(async (m) => {
    await m.default();
    return m;
  }));

const make = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
};

class AimsReadiness extends HTMLElement {
  #observer;
  #state = 'idle';

  connectedCallback() {
    if (this.shadowRoot) return; // moved within the page: already set up
    const root = this.attachShadow({ mode: 'open' });
    const css = make('link');
    css.rel = 'stylesheet';
    css.href = new URL('embed.css', base).href;
    const box = make('div', 'aims-embed aims-placeholder');
    const start = make('button', '', 'Start the quick scan');
    start.type = 'button';
    start.addEventListener('click', () => this.#start(true));
    box.append(
      make('p', 'embed-kicker', 'ISO/IEC 42001 quick scan'),
      make('p', '', 'Short questions about your AI management system give an indicative readiness band and your top three gaps.'),
      start,
      make('p', 'embed-status'),
    );
    box.lastChild.setAttribute('role', 'status');
    root.append(css, box);
    if (this.getAttribute('loading') === 'eager' || !('IntersectionObserver' in window)) {
      this.#start(false);
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && this.#start(false),
      { rootMargin: '200px' },
    );
    this.#observer.observe(this);
  }

  async #start(focus) {
    if (this.#state !== 'idle') return;
    this.#state = 'loading';
    this.#observer?.disconnect();
    const root = this.shadowRoot;
    const box = root.querySelector('.aims-placeholder');
    const status = box.querySelector('.embed-status');
    box.setAttribute('aria-busy', 'true');
    status.textContent = 'Loading the quick scan…';
    let m;
    try {
      m = await load();
    } catch (e) {
      box.removeAttribute('aria-busy');
      status.textContent = 'The quick scan could not be loaded. Check your connection and try again.';
      this.#state = 'idle';
      engine = undefined;
      console.error('aims-readiness:', e);
      return;
    }
    const attributes = Object.fromEntries(ATTRIBUTES.map((n) => [n, this.getAttribute(n)]).filter(([, v]) => v !== null));
    const target = make('div');
    try {
      root.append(target);
      m.mount(target, JSON.stringify(attributes), (detail) =>
        this.dispatchEvent(new CustomEvent('aims:completed', { detail, bubbles: true, composed: true })),
      );
    } catch (e) {
      // A bad attribute value: the engine's messages, each naming its attribute, for the host.
      target.remove();
      box.removeAttribute('aria-busy');
      status.textContent = `This widget cannot start: ${e}`;
      this.#state = 'failed';
      console.warn('aims-readiness:', String(e));
      return;
    }
    box.remove();
    this.#state = 'ready';
    this.dispatchEvent(new CustomEvent('aims:ready', { bubbles: true, composed: true }));
    if (focus) requestAnimationFrame(() => root.querySelector('h2')?.focus());
  }
}

if (!customElements.get('aims-readiness')) customElements.define('aims-readiness', AimsReadiness);
