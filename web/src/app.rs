//! The app frame: header, main navigation, the page for the current route, and the footer that
//! states that all data stays in the browser.

use crate::components::notices::Notices;
use crate::components::training_banner::TrainingBanner;
use crate::context::Ctx;
use crate::pages::{
    assessment::AssessmentPage, crosswalk::CrosswalkPage, data::DataPage, plan::PlanPage,
    quick_scan::QuickScanPage, report::ReportPage, results::ResultsPage, roi::RoiPage,
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

/// The storage namespace of the full app (an embed uses its own).
pub const NAMESPACE: &str = "aims-readiness";

#[function_component(App)]
pub fn app() -> Html {
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
    // Recomputed once per change of the open assessment (its revision or a switch).
    let report = {
        let assessment = state.assessment.clone();
        use_memo((state.current.clone(), state.rev), move |_| {
            aims_engine::readiness::score(&assessment)
        })
    };
    let ctx = Ctx {
        state,
        store,
        report,
    };
    {
        // `#/start-nist` (the start page's NIST AI RMF card): the NIST AI RMF questionnaire of
        // the open assessment if it is one, else of a new one (the ISO/IEC 42001 assessment
        // stays saved under Your data); the address becomes `#/assessment`.
        let ctx = ctx.clone();
        use_effect_with(route, move |route| {
            if *route == Route::StartNist {
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
                if route != Route::Training { <TrainingBanner /> }
                <h1>{ route.title() }</h1>
                { page(route) }
            </main>
            <footer class="site-footer">
                <p>{"Everything you enter stays in this browser: nothing is sent anywhere."}</p>
                <p class="muted">{"ISO/IEC 42001:2023 ids and short titles only; all guidance is our own wording. NIST AI RMF 1.0 text from NIST AI 100-1 (public domain); crosswalk from the NIST AI Resource Center."}</p>
            </footer>
        </ContextProvider<Ctx>>
    }
}

thread_local! {
    /// The address of the prerendered link that had keyboard focus when the app started.
    static PRERENDERED_FOCUS: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Notes which prerendered link has keyboard focus (a Tab to a link starts the app). Call it
/// before mounting: mounting on `<body>` empties it, and the focus goes with the elements.
pub fn remember_prerendered_focus() {
    let href = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|doc| doc.active_element())
        .filter(|el| el.closest("[data-prerendered]").ok().flatten().is_some())
        .and_then(|el| el.get_attribute("href"));
    PRERENDERED_FOCUS.with(|f| *f.borrow_mut() = href);
}

/// After the first render (mounting on `<body>` emptied it of the prerendered start page, see
/// web/boot.js): gives keyboard focus back to the app's link with the address of the
/// prerendered link that had it, and marks `<html data-ready="app">`.
fn take_over_prerendered() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(href) = PRERENDERED_FOCUS.with(|f| f.borrow_mut().take()) {
        let selector = format!("a[href=\"{href}\"]");
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
        Route::QuickScan => html! { <QuickScanPage /> },
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
