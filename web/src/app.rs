//! The app frame: header, main navigation, the page for the current route, and the footer that
//! states that all data stays in the browser.

use crate::components::notices::Notices;
use crate::components::training_banner::TrainingBanner;
use crate::context::Ctx;
use crate::pages::{
    assessment::AssessmentPage, crosswalk::CrosswalkPage, data::DataPage,
    quick_scan::QuickScanPage, report::ReportPage, results::ResultsPage, roi::RoiPage,
    share::SharePage, start::StartPage, training::TrainingPage,
};
use crate::persist::use_persistent_state;
use crate::route::{use_location_hash, Route};
use aims_engine::scoring;
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
    let (state, store) = use_persistent_state(NAMESPACE);
    // Recomputed once per change of the open assessment (its revision or a switch).
    let report = {
        let assessment = state.assessment.clone();
        use_memo((state.current.clone(), state.rev), move |_| {
            scoring::score(&assessment)
        })
    };
    let ctx = Ctx {
        state,
        store,
        report,
    };
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
        Route::Crosswalk => html! { <CrosswalkPage /> },
        Route::Roi => html! { <RoiPage /> },
        Route::Report => html! { <ReportPage /> },
        Route::Training => html! { <TrainingPage /> },
        Route::Data => html! { <DataPage /> },
        Route::Share => html! { <SharePage /> },
        Route::NotFound => html! {
            <p>{"There is no page at this address. "}<a href={Route::Start.hash()}>{"Go to the start page"}</a>{"."}</p>
        },
    }
}
