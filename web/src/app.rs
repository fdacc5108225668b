//! The app frame: header, main navigation, the page for the current route, and the footer that
//! states that all data stays in the browser.
//!
//! The frame is built twice (docs/performance.md, "Loading"): [`App`], with every page (the
//! `aims-web` binary, which Trunk builds), and `QuickApp` in [`crate::quick`], with only the
//! start page and the quick scan (the `aims-quick` binary, the first download of a prospect).
//! Which pages a build has is a type ([`Pages`]), so the pages a build lacks are not linked
//! into it. For a route it lacks, a build shows a loading line: web/boot.js then loads the full
//! app and hands over.

use crate::components::notices::Notices;
use crate::components::training_banner::TrainingBanner;
use crate::context::{Ctx, ReportProvider};
use crate::pages::{
    assessment::AssessmentPage, crosswalk::CrosswalkPage, data::DataPage, plan::PlanPage,
    quick_scan::QuickScanRoute, report::ReportPage, results::ResultsPage, roi::RoiPage,
    share::SharePage, start::StartPage, training::TrainingPage,
};
use crate::persist::use_persistent_state;
use crate::route::{replace_hash, use_location_hash, Route};
use crate::state::Action;
use aims_engine::assessment::Framework;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The route in `location.hash`, followed on every `hashchange`.
#[hook]
fn use_route() -> Route {
    Route::from_hash(&use_location_hash())
}

/// The storage namespace of the app (the embeddable widget keeps its answers under its own,
/// `aims_engine::widget::namespace`).
pub const NAMESPACE: &str = "aims-readiness";

/// The pages of one build of the app.
pub trait Pages: 'static {
    /// Whether this build renders `route` (else another build does: web/boot.js loads it).
    fn has(route: Route) -> bool;
    /// The page for a route this build has.
    fn page(route: Route) -> Html;
    /// Whether the banner of an open training case is shown (the training cases are not in
    /// the quick-scan build).
    const TRAINING_BANNER: bool;
}

/// Every page: the full app.
pub struct AllPages;

impl Pages for AllPages {
    fn has(_: Route) -> bool {
        true
    }
    fn page(route: Route) -> Html {
        // Every page of the full app may show the readiness report.
        html! { <ReportProvider>{ page(route) }</ReportProvider> }
    }
    const TRAINING_BANNER: bool = true;
}

/// The full app.
pub type App = AppFrame<AllPages>;

/// What a build shows for a route it does not have while the full app loads (web/boot.js shows
/// why and offers a retry if it cannot).
fn loading_line() -> Html {
    html! { <p class="boot-status" role="status">{"Loading the assessment tool\u{2026}"}</p> }
}

#[function_component(AppFrame)]
pub fn app_frame<P: Pages>() -> Html {
    let route = use_route();
    {
        let title = route.title();
        use_effect_with(route, move |_| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(&format!("{title} · AIMS Readiness"));
            }
        });
    }
    // The app has replaced the prerendered start page of index.html: focus back, ready.
    use_effect_with((), |_| take_over_prerendered());
    let (state, store) = use_persistent_state(NAMESPACE);
    let ctx = Ctx { state, store };
    {
        // `#/start-nist` (the start page's NIST AI RMF card): the NIST AI RMF questionnaire of
        // the open assessment if it is one, else of a new one (the ISO/IEC 42001 assessment
        // stays saved under Your data); the address becomes `#/assessment`.
        let ctx = ctx.clone();
        use_effect_with(route, move |route| {
            if *route == Route::StartNist && P::has(Route::StartNist) {
                if ctx.state.assessment.framework() != Framework::NistAiRmf {
                    ctx.dispatch(Action::New {
                        name: "NIST AI RMF self-assessment".into(),
                        framework: Framework::NistAiRmf,
                    });
                }
                replace_hash(Route::Assessment.hash());
            }
        });
    }
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{"Skip to content"}</a>
            <header class="site-header no-print">
                <a class="brand" href={Route::Start.hash()}>
                    <span class="brand-mark" aria-hidden="true">{"◆"}</span>
                    <span>{"AIMS Readiness"}</span>
                </a>
                <nav aria-label="Main">
                    <ul class="nav-list">
                        { for Route::NAV.iter().map(|&r| html! {
                            <li>
                                <a href={r.hash()} aria-current={(r == route).then_some("page")}>{ r.title() }</a>
                            </li>
                        }) }
                    </ul>
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <Notices />
                if P::TRAINING_BANNER && route != Route::Training { <TrainingBanner /> }
                <h1>{ route.title() }</h1>
                if P::has(route) { { P::page(route) } } else { { loading_line() } }
            </main>
            <footer class="site-footer">
                <p>{"Everything you enter stays in this browser: nothing is sent anywhere."}</p>
                <p class="muted">{"ISO/IEC 42001:2023 ids and short titles only; all guidance is our own wording. NIST AI RMF 1.0 text from NIST AI 100-1 (public domain); crosswalk from the NIST AI Resource Center."}</p>
            </footer>
        </ContextProvider<Ctx>>
    }
}

/// What the prerendered page held when the app started: the element with keyboard focus, and
/// the quick scan's first question as answered before the Wasm arrived.
#[derive(Default)]
struct Prerendered {
    /// A link's address (`href`) or another element's `id`.
    focus: Option<Focus>,
    answer: Option<PrerenderedAnswer>,
}

enum Focus {
    Href(String),
    Id(String),
}

/// The quick scan's first question as answered on the prerendered page (index.html).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrerenderedAnswer {
    /// The radio group's name (`qs-<question id>`) and the chosen value (`o1`, `3`), if any.
    pub chosen: Option<(String, String)>,
    /// "Next" or "Not sure / skip" was clicked.
    pub next: bool,
}

thread_local! {
    static PRERENDERED: std::cell::RefCell<Prerendered> = std::cell::RefCell::new(Prerendered::default());
}

/// Notes which prerendered element has keyboard focus (a Tab to a link starts the app), and
/// what was answered on the prerendered quick scan. Call it before mounting: mounting on
/// `<body>` empties it, and the focus and the choice go with the elements.
pub fn remember_prerendered() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let focus = doc
        .active_element()
        .filter(|el| el.closest("[data-prerendered]").ok().flatten().is_some())
        .and_then(|el| match el.get_attribute("href") {
            Some(href) => Some(Focus::Href(href)),
            None => Some(el.id()).filter(|id| !id.is_empty()).map(Focus::Id),
        });
    let answer = doc
        .query_selector("main[data-prerendered] .qs-card")
        .ok()
        .flatten()
        .map(|form| PrerenderedAnswer {
            chosen: form
                .query_selector("input[type=radio]:checked")
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|input| (input.name(), input.value())),
            next: form.has_attribute("data-next"),
        })
        .filter(|a| a.chosen.is_some() || a.next);
    PRERENDERED.with(|p| *p.borrow_mut() = Prerendered { focus, answer });
}

/// The answer given on the prerendered quick scan, once (the quick scan page applies it).
pub fn take_prerendered_answer() -> Option<PrerenderedAnswer> {
    PRERENDERED.with(|p| p.borrow_mut().answer.take())
}

/// After the first render (mounting on `<body>` emptied it of the prerendered page, see
/// web/boot.js): gives keyboard focus back to the app's element that stands for the one that
/// had it, and marks `<html data-ready="app">`.
fn take_over_prerendered() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(focus) = PRERENDERED.with(|p| p.borrow_mut().focus.take()) {
        let selector = match focus {
            Focus::Href(href) => format!("a[href=\"{href}\"]"),
            Focus::Id(id) => format!("[id=\"{id}\"]"),
        };
        if let Some(el) = doc
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    if let Some(html) = doc.document_element() {
        let _ = html.remove_attribute("data-boot");
        let _ = html.remove_attribute("data-page");
        let _ = html.set_attribute("data-ready", "app");
    }
}

/// The skip link moves focus without changing the hash (which holds the route).
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    })
}

fn page(route: Route) -> Html {
    match route {
        Route::Start => html! { <StartPage /> },
        Route::QuickScan => html! { <QuickScanRoute /> },
        Route::Assessment => html! { <AssessmentPage /> },
        Route::Results => html! { <ResultsPage /> },
        Route::Plan => html! { <PlanPage /> },
        Route::Crosswalk => html! { <CrosswalkPage /> },
        Route::Roi => html! { <RoiPage /> },
        Route::Report => html! { <ReportPage /> },
        Route::Training => html! { <TrainingPage /> },
        Route::Data => html! { <DataPage /> },
        Route::Share => html! { <SharePage /> },
        // Acted on by the effect in `App` (a new NIST AI RMF assessment unless one is open).
        Route::StartNist => html! {},
        Route::NotFound => html! {
            <p>{"There is no page at this address. "}<a href={Route::Start.hash()}>{"Go to the start page"}</a>{"."}</p>
        },
    }
}
