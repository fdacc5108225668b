// Starts the app's WebAssembly only when it is needed, and only as much of it as the page needs
// (docs/performance.md, "Loading").
//
// index.html carries the start page already rendered (elements marked `data-prerendered`), so
// a first visit shows it, and its links work, without any Wasm. The app comes in two builds of
// the same frame, state and storage:
// - the quick-scan build (`aims-quick-js`, `aims-quick-wasm` meta tags, web/src/quick.rs): the
//   start page and the quick scan only, a prospect's first download;
// - the full app (Trunk's wasm-bindgen loader and Wasm, `aims-app-js`, `aims-app-wasm`): every
//   page.
// The address decides: the start page and the quick scan start the quick-scan build, any other
// page the full app. A first visitor (nothing saved in this browser) at the quick scan gets the
// lean page instead (`aims-lean-js`, `aims-lean-wasm`: the embeddable widget's module, no Yew,
// web/src/widget): it takes the place of the prerendered quick scan and saves the answers on
// their own, and any build of the app that starts later takes them over
// (docs/performance.md, "First use"); it hands over to a build for any other page. Once the quick-scan build is interactive, the full app is fetched and
// compiled when the browser is idle; when the visitor goes to another page, the quick-scan
// build is taken off the page (its pending save written) and the full app starts from the same
// storage. A build is started:
// - at once when the address is another page than the start page, or this browser holds saved
//   work (the start page then offers "Resume", and notices may be due);
// - else at the first sign of intent: a link of the page hovered, touched or focused (the
//   build its address needs), or any change of the address.
// The app removes the prerendered elements after its first render and marks
// `<html data-ready="app">`; `data-build` says which build runs (`quick`, `full`). Until then
// `data-boot` says what the page shows (`static`: the prerendered page `data-page` names, the
// start page, also while a build loads behind it after a hover, or the quick scan's first
// question while the app loads; `loading`: a status line in place of the start page's content, for
// any other address; `failed`: why it could not start, with a button to try again; what was
// typed is already saved). No inline script: the page runs under
// `script-src 'self' 'wasm-unsafe-eval'`. A site built without the quick-scan build (`trunk
// serve`) starts the full app for every page.
const root = document.documentElement;
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content || null;
const status = document.querySelector('[data-prerendered] .boot-status');
/** The addresses the quick-scan build renders (web/src/quick.rs, `QuickPages::ROUTES`). */
const QUICK_ROUTES = new Set(['', 'start', 'quick-scan']);
// On a first visit (nothing saved) the prerendered page for the address stays on show while
// the app loads: the start page (the link under the pointer must not move away before the
// click) or the quick scan's first question (its radio buttons work at once; the app takes
// over the choice, and a click on "Next" marks the form `data-next` for it).
let showPrerendered = false;
/** The builds: their loader module, Wasm, and where they are. */
const builds = {
  quick: { js: meta('aims-quick-js'), wasm: meta('aims-quick-wasm'), started: null, compiled: null, loader: null, attempts: 0 },
  full: { js: meta('aims-app-js'), wasm: meta('aims-app-wasm'), started: null, compiled: null, loader: null, attempts: 0 },
  lean: { js: meta('aims-lean-js'), wasm: meta('aims-lean-wasm'), started: null, compiled: null, loader: null, attempts: 0 },
};
let running = null; // 'quick' or 'full' once started
let quickBindings = null;
let failure = null;

function path(hash = location.hash) {
  return hash.replace(/^#\/?/, '').split(/[?/]/)[0];
}

/** The build an address needs: a first visitor's quick scan the lean page, else the quick-scan
 *  build for its routes, else the full app. */
function buildFor(hash = location.hash) {
  if (builds.lean.wasm && path(hash) === 'quick-scan' && !hasSavedWork() && !builds.lean.failed) return 'lean';
  return builds.quick.wasm && QUICK_ROUTES.has(path(hash)) ? 'quick' : 'full';
}

// What the page shows until the app has rendered: the start page, a loading line, or why the
// app could not start.
function showState() {
  if (failure) {
    root.dataset.boot = 'failed';
    showFailure();
    return;
  }
  document.querySelector('.boot-failure')?.remove();
  if (root.dataset.ready === 'app') {
    if (running !== 'lean') {
      delete root.dataset.boot;
      delete root.dataset.page;
      return;
    }
    // The lean page lives in the prerendered page: on show while the address is the quick
    // scan's; for another address, what the page shows while that page's build loads.
    if (path() === 'quick-scan') {
      root.dataset.boot = 'static';
      root.dataset.page = 'quick-scan';
      // The page is the quick scan's from now on: the start page comes back as a build's.
      document.querySelectorAll('main[data-prerendered] > [data-page="start"]').forEach((e) => e.remove());
      // Marked in the navigation and named in the title, as the app marks its pages.
      for (const a of document.querySelectorAll('header[data-prerendered] nav a')) {
        if (a.getAttribute('href') === '#/quick-scan') a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
      document.title = 'Quick scan · AIMS Readiness';
      return;
    }
  }
  const main = document.getElementById('main');
  const page = prerenderedPage();
  if (showPrerendered && page) {
    root.dataset.boot = 'static';
    root.dataset.page = page;
    main?.removeAttribute('aria-busy');
    if (status) status.textContent = '';
  } else {
    root.dataset.boot = 'loading';
    main?.setAttribute('aria-busy', 'true');
    if (status) status.textContent = 'Loading the assessment tool…';
  }
}

/** Why a build could not start, and a button to try again, above whatever the page shows. */
function showFailure() {
  document.getElementById('main')?.removeAttribute('aria-busy');
  let box = document.querySelector('.boot-failure');
  if (!box) {
    box = document.createElement('div');
    box.className = 'boot-failure callout callout-warn';
    box.setAttribute('role', 'alert');
    const text = document.createElement('p');
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = 'Try again';
    retry.addEventListener('click', () => {
      failure = null;
      showState();
      start(buildFor());
    });
    box.append(text, retry);
    // Prerendered, it stands in for the start page's content; over a running build, at the
    // end of the page (fixed at the bottom of the window by web/style.css).
    const main = document.querySelector('main[data-prerendered]');
    if (main) main.prepend(box);
    else document.body.append(box);
  }
  box.querySelector('p').textContent = failure;
  if (status) status.textContent = '';
}

/** Fetches and compiles a build's Wasm (once; again after a failure). */
function compile(name) {
  const b = builds[name];
  if (!b.compiled) {
    b.compiled = WebAssembly.compileStreaming(fetch(b.wasm));
    b.compiled.catch(() => { b.compiled = null; });
  }
  return b.compiled;
}

/** Imports a build's wasm-bindgen loader (once; after a failure again, under an address of its
 *  own: a browser keeps a module that failed to load as failed). */
function loader(name) {
  const b = builds[name];
  if (!b.loader) {
    b.loader = import(b.attempts ? `${b.js}?attempt=${b.attempts}` : b.js);
    b.loader.catch(() => { b.loader = null; b.attempts += 1; });
  }
  return b.loader;
}

function start(name) {
  const b = builds[name];
  if (running === name || b.started) return b.started;
  if (running === 'full') return null; // the full app renders every page
  if (running === 'quick' && name === 'lean') return null; // the quick-scan build has the quick scan
  // The Wasm download starts together with the loader's, not after it (one round trip less),
  // and is compiled while it streams.
  const module = compile(name);
  b.started = Promise.all([loader(name), module])
    .then(async ([bindings, compiled]) => {
      await pointerReleased();
      // The full app was asked for while the quick-scan build loaded: it renders every page.
      if (name === 'quick' && builds.full.started) return;
      if (running === 'quick' && name === 'full') quickBindings?.unmount();
      // Another build was asked for while the lean page loaded (the visitor went on): it wins.
      if (name === 'lean' && (builds.quick.started || builds.full.started)) return;
      const wasm = await bindings.default({ module_or_path: compiled });
      if (name === 'quick') {
        quickBindings = bindings;
        bindings.start();
      } else if (name === 'lean') {
        try {
          bindings.mountPage(document.getElementById('main'));
        } catch (error) {
          // Not the page it expects: the quick-scan build renders the quick scan instead.
          console.warn('AIMS Readiness: the first-use quick scan did not start:', error);
          b.failed = true;
          b.started = null;
          start(buildFor());
          return;
        }
      } else {
        window.wasmBindings = bindings;
      }
      running = name;
      root.dataset.build = name;
      performance.mark(`aims:started:${name}`);
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
      // Prefetched when idle, not counted as the quick scan's bytes (docs/performance.md).
      // Once both are in, the rest of the app works offline: `<html data-prefetched>`.
      if (name === 'quick' || name === 'lean') {
        whenIdle(() => Promise.all([compile('full'), loader('full')])
          .then(() => { root.dataset.prefetched = ''; })
          .catch(() => {}));
      }
      showState();
    })
    .catch((error) => {
      b.started = null;
      failure = `The assessment tool could not start (${error?.message ?? error}). `
        + 'Check your connection and try again; your answers are saved in this browser.';
      console.warn('AIMS Readiness did not start:', error);
      showState();
    });
  return b.started;
}

// A build mounts by replacing the page's elements: a click whose press began on a prerendered
// link and ended on the app's copy of it would be lost (a click needs one element). So a build
// waits for a pointer that is down to be released, and for the click that follows.
let pressed = false;
let releaseWaiters = [];
document.addEventListener('pointerdown', () => { pressed = true; }, { capture: true, passive: true });
for (const type of ['pointerup', 'pointercancel']) {
  document.addEventListener(type, () => {
    pressed = false;
    setTimeout(() => releaseWaiters.splice(0).forEach((r) => r()), 0);
  }, { capture: true, passive: true });
}
function pointerReleased() {
  if (!pressed) return Promise.resolve();
  root.dataset.waitsForPointer = '';
  // At most a second: a release the page never hears of must not keep the app away.
  return Promise.race([new Promise((r) => releaseWaiters.push(r)), new Promise((r) => setTimeout(r, 1000))])
    .then(() => { delete root.dataset.waitsForPointer; });
}

function whenIdle(task) {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 5000 });
  else setTimeout(task, 1000);
}

/** The prerendered page of the address (`start`, `quick-scan`), if index.html has one. */
function prerenderedPage() {
  const p = path();
  const page = p === '' || p === 'start' ? 'start' : p;
  return document.querySelector(`main[data-prerendered] > [data-page="${page}"]`) ? page : null;
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

// The quick-scan build hands over to the full app for any page it does not have; the lean page
// to the build of any other page (the quick-scan build for the start page).
addEventListener('hashchange', () => {
  if (running === 'quick' && buildFor() === 'full') start('full');
  if (running === 'lean') {
    showState();
    if (path() !== 'quick-scan') start(buildFor());
  }
});

if (!prerenderedPage() || hasSavedWork()) {
  showState();
  start(buildFor());
} else {
  showPrerendered = true;
  root.dataset.ready = 'static';
  showState();
  // A deep link to the quick scan starts the app at once; its first question works meanwhile.
  if (prerenderedPage() !== 'start') start(buildFor());
  const form = document.querySelector('main[data-prerendered] .qs-card');
  form?.addEventListener('submit', (event) => event.preventDefault());
  form?.querySelector('.qs-next')?.addEventListener('click', () => { form.dataset.next = ''; });
  form?.querySelector('.qs-skip')?.addEventListener('click', () => {
    for (const r of form.querySelectorAll('input[type=radio]')) r.checked = false;
    form.dataset.next = '';
  });
  addEventListener('hashchange', () => {
    if (running) return;
    showState();
    start(buildFor());
  });
  const intent = (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href^="#/"]');
    if (link && !running) start(buildFor(link.getAttribute('href')));
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
