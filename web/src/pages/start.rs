//! The start page: what the tool is, the promise that nothing leaves the browser, and the ways
//! in (quick scan, full assessment, NIST AI RMF assessment, ROI, training cases, resume).
//!
//! index.html carries this page prerendered as it renders with nothing saved (web/boot.js):
//! a change here is a change there, and the e2e suite compares the two.

use crate::context::use_ctx;
use crate::route::Route;
use aims_engine::quick_scan::{self, Resume};
use yew::prelude::*;

#[function_component(StartPage)]
pub fn page() -> Html {
    let ctx = use_ctx();
    // Saved work: items answered, or a quick scan begun (its role question rates no item).
    let resume = quick_scan::resume(&ctx.state.assessment).map(|resume| {
        let name = ctx
            .state
            .current_entry()
            .map(|e| e.name.clone())
            .unwrap_or_default();
        let href = match resume {
            Resume::Results { .. } => Route::Results.hash(),
            Resume::QuickScan(_) => Route::QuickScan.hash(),
        };
        html! {
            <li><a class="card card-resume" href={href}>
                <strong>{"Resume"}</strong>
                <span>{ format!("{name}: {}.", resume.text()) }</span>
            </a></li>
        }
    });
    html! {
        <section class="start">
            <p class="lead">{"How far is your organisation from ISO/IEC 42001 certification, what matters first, and what would it cost and return? Answer in your browser: nothing you enter leaves it."}</p>
            <ul class="choices">
                { for resume }
                <li><a class="card" href={Route::QuickScan.hash()}><strong>{"Quick scan"}</strong><span>{"About five minutes: an indicative readiness band and your top three gaps."}</span></a></li>
                <li><a class="card" href={Route::Assessment.hash()}><strong>{"Full assessment"}</strong><span>{"Every clause 4-10 and all 38 Annex A controls, with a Statement of Applicability, findings and a roadmap."}</span></a></li>
                <li><a class="card" href={Route::StartNist.hash()}><strong>{"NIST AI RMF assessment"}</strong><span>{"Start from the NIST AI RMF 1.0: answer its 72 subcategories and see what they imply for ISO/IEC 42001."}</span></a></li>
                <li><a class="card" href={Route::Crosswalk.hash()}><strong>{"NIST AI RMF crosswalk"}</strong><span>{"See how your ISO/IEC 42001 answers cover the NIST AI RMF, subcategory by subcategory."}</span></a></li>
                <li><a class="card" href={Route::Roi.hash()}><strong>{"ROI of certification"}</strong><span>{"Three-year costs and benefits with sourced ranges you can edit."}</span></a></li>
                <li><a class="card" href={Route::Training.hash()}><strong>{"Training cases"}</strong><span>{"Case studies for courses: assess a described organisation and check your answers against a model answer."}</span></a></li>
            </ul>
        </section>
    }
}
