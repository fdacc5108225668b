//! The results page: readiness overall and per part, the verdict, charts per clause and per
//! Annex A objective, predicted findings, prioritised gaps, the Stage 1 checklist, the
//! Statement of Applicability and the roadmap, all from the engine's report in the context
//! (memoised by the app). Before anything is answered it invites the user to the quick scan or
//! the assessment.

use crate::components::proposals::ProposedExclusions;
use crate::components::readiness;
use crate::context::{use_ctx, use_report};
use crate::route::Route;
use aims_engine::assessment::Framework;
use yew::prelude::*;

/// How many gaps show before "Show the other gaps".
const GAPS_SHOWN: usize = 10;
/// How many findings of each severity show before "Show the other ...".
const FINDINGS_SHOWN: usize = 6;

#[function_component(ResultsPage)]
pub fn page() -> Html {
    let ctx = use_ctx();
    let report = use_report();
    let report = &*report;
    let assessment = &ctx.state.assessment;
    let framework = assessment.framework();
    if readiness::nothing_answered(report, framework, assessment.answers.len()) {
        return readiness::empty_state();
    }
    let nist = (framework == Framework::NistAiRmf).then(|| {
        html! {
            <p class="callout"><span>
                {"This assessment holds NIST AI RMF answers: the ISO/IEC 42001 results below are inferred through the crosswalk (conservatively: level 3 only from a subcategory that contains the item, and the management-system mechanics the NIST AI RMF does not address are left to assess directly). "}
                <a href={Route::Crosswalk.hash()}>{"See how each item was inferred"}</a>{"."}
            </span></p>
        }
    });
    html! {
        <div class="results">
            { for nist }
            <p class="actions no-print">
                <a class="button secondary" href={Route::Report.hash()}>{"Printable report"}</a>
                <a class="button secondary" href={Route::Crosswalk.hash()}>{"NIST AI RMF crosswalk"}</a>
            </p>
            { readiness::scores(report) }
            { readiness::verdict(report) }
            <ProposedExclusions proposals={report.proposed_exclusions.clone()} />
            { readiness::section_charts(report) }
            { readiness::findings(report, Some(FINDINGS_SHOWN)) }
            { readiness::gaps(report, Some(GAPS_SHOWN)) }
            { readiness::stage1_checklist(report) }
            { readiness::statement_of_applicability(report) }
            { readiness::roadmap(report) }
            { readiness::scoring_rules(false) }
        </div>
    }
}
