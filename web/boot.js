// Starts the app's WebAssembly only when it is needed (docs/performance.md, "Loading").
//
// index.html carries the start page already rendered (elements marked `data-prerendered`), so
// a first visit shows it, and its links work, without any Wasm. The app (Trunk's wasm-bindgen
// loader and Wasm, named in the `aims-app-js` and `aims-app-wasm` meta tags) is started:
// - at once when the address is another page (`#/results`) or this browser holds saved work
//   (the start page then offers "Resume", and notices may be due);
// - else at the first sign of intent: a link of the page hovered, touched or focused, or any
//   change of the address.
// The app removes the prerendered elements after its first render and marks
// `<html data-ready="app">`; until then `data-boot` says what the page shows (`static`: the
// start page, also while the app loads behind it after a hover; `loading`: a status line in
// place of the start page's content, for any other address; `failed`: why it could not
// start). No inline script: the page runs under `script-src 'self' 'wasm-unsafe-eval'`.
const root = document.documentElement;
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
const status = document.querySelector('[data-prerendered] .boot-status');
// The prerendered start page stays on show while it is the page asked for (a first visit,
// nothing saved), also while the app loads behind it after a hover: the link under the pointer
// must not move away before the click.
let showStartPage = false;
let started = null;
let failure = null;

// What the page shows until the app has rendered: the start page, a loading line, or why the
// app could not start.
function showState() {
  if (root.dataset.ready === 'app') return;
  const main = document.getElementById('main');
  if (failure) {
    root.dataset.boot = 'failed';
    main?.removeAttribute('aria-busy');
    if (status) status.textContent = failure;
  } else if (showStartPage && onStartPage()) {
    root.dataset.boot = 'static';
    main?.removeAttribute('aria-busy');
    if (status) status.textContent = '';
  } else {
    root.dataset.boot = 'loading';
    main?.setAttribute('aria-busy', 'true');
    if (status) status.textContent = 'Loading the assessment tool…';
  }
}

function startApp() {
  if (started) return started;
  // The Wasm download starts together with the loader's, not after it (one round trip less);
  // the loader takes the response as it comes and compiles it while it streams.
  const response = fetch(meta('aims-app-wasm'));
  response.catch(() => {}); // a failed download is reported through the loader below
  started = import(meta('aims-app-js'))
    .then(async (bindings) => {
      const wasm = await bindings.default({ module_or_path: response });
      window.wasmBindings = bindings;
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
    })
    .catch((error) => {
      failure = `The assessment tool could not start (${error?.message ?? error}). `
        + 'It needs a browser with WebAssembly; reload the page to try again.';
      console.warn('AIMS Readiness did not start:', error);
      showState();
    });
  return started;
}

function onStartPage() {
  const path = location.hash.replace(/^#\/?/, '').split(/[?/]/)[0];
  return path === '' || path === 'start';
}

function hasSavedWork() {
  try {
    for (let i = 0; i < localStorage.length; i++) {
      if (localStorage.key(i)?.startsWith('aims-readiness:')) return true;
    }
    return false;
  } catch {
    // Storage blocked: the app explains what that means for saving.
    return true;
  }
}

if (!document.querySelector('[data-prerendered]') || !onStartPage() || hasSavedWork()) {
  showState();
  startApp();
} else {
  showStartPage = true;
  root.dataset.ready = 'static';
  showState();
  addEventListener('hashchange', () => {
    showState();
    startApp();
  });
  const intent = (event) => {
    if (event.target instanceof Element && event.target.closest('a[href^="#/"]')) startApp();
  };
  for (const type of ['pointerover', 'touchstart', 'focusin']) {
    document.addEventListener(type, intent, { passive: true });
  }
  // The skip link moves focus to the content without touching the hash (which is the route).
  document.querySelector('.skip-link[data-prerendered]')?.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  });
}
