//! The printable report: everything on one page, for "Print / Save as PDF". The readiness
//! sections are the results page's own components; the crosswalk summary and the ROI likely
//! case come from the engine (the ROI from the inputs the ROI page saved for this assessment,
//! or the defaults, scheduled by the assessment's roadmap as the ROI page does). The print stylesheet hides the navigation and buttons and keeps rows and cards
//! whole across pages.

use crate::components::coverage::function_summary;
use crate::components::exports::ExportButtons;
use crate::components::readiness;
use crate::components::share_link::ShareLink;
use crate::context::{
    use_crosswalk, use_ctx, use_report, use_roi_likely_case, Crosswalk, Direction,
};
use crate::format::{long_date, today};
use crate::roi_inputs::RoiResult;
use crate::route::Route;
use aims_engine::crosswalk::Inference;
use aims_engine::format::{amount, number, percent, share};
use aims_engine::roi::{MonthsBasis, ESTIMATE_LABEL};
use yew::prelude::*;

fn print() -> Callback<MouseEvent> {
    Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            // A browser without printing simply does nothing.
            let _ = w.print();
        }
    })
}

#[function_component(ReportPage)]
pub fn page() -> Html {
    let ctx = use_ctx();
    let report = use_report();
    let report = &*report;
    let crosswalk = use_crosswalk();
    let roi_report = use_roi_likely_case();
    let date = use_memo((), |_| today().map(long_date).unwrap_or_default());
    let a = &ctx.state.assessment;
    if readiness::nothing_answered(report, a.framework(), a.answers.len()) {
        return readiness::empty_state();
    }
    let organisation = a
        .organisation
        .name
        .clone()
        .or_else(|| ctx.state.current_entry().map(|e| e.name.clone()))
        .unwrap_or_else(|| "Unnamed organisation".into());
    html! {
        <article class="report">
            <header class="report-head panel">
                <div>
                    <p class="report-kicker">{"ISO/IEC 42001 readiness report"}</p>
                    <p class="report-org">{ organisation }</p>
                    <p class="muted">{ format!("{} \u{b7} {} assessment \u{b7} prepared with AIMS Readiness", *date, a.framework().title()) }</p>
                </div>
                <button type="button" class="no-print" onclick={print()}>{"Print / Save as PDF"}</button>
            </header>
            <p class="callout">{"Every figure here is an estimate from the answers given and the stated rules and assumptions: a self-assessment to prepare for an audit, not an audit result or a certification decision."}</p>
            <details class="report-exports panel no-print">
                <summary>{"Download as CSV, OSCAL or Markdown, or share a link"}</summary>
                <ExportButtons />
                <p class="share-h"><strong>{"Share link"}</strong></p>
                <ShareLink />
            </details>
            { readiness::scores(report) }
            { readiness::verdict(report) }
            { readiness::section_charts(report) }
            { readiness::findings(report, None) }
            { readiness::gaps(report, None) }
            { crate::format::today().map(|d| crate::components::plan_table::plan_section(a, d)).unwrap_or_default() }
            { readiness::stage1_checklist(report) }
            { readiness::statement_of_applicability(report) }
            { readiness::roadmap(report) }
            { crosswalk_summary(&crosswalk) }
            { roi_section(&roi_report) }
            { readiness::scoring_rules(true) }
            <p class="attribution muted">
                { aims_engine::catalog::ISO_ATTRIBUTION }{" "}
                { aims_engine::catalog::NIST_ATTRIBUTION }{" "}
                { aims_engine::catalog::CROSSWALK_ATTRIBUTION }
            </p>
        </article>
    }
}

fn crosswalk_summary(c: &Crosswalk) -> Html {
    let body = match &c.direction {
        Direction::Forward(f) => html! {
            <>
                <p>{"How the ISO/IEC 42001 answers cover the 72 NIST AI RMF 1.0 subcategories (an estimate: a subcategory counts as covered only through an ISO item that contains it)."}</p>
                { function_summary(f) }
            </>
        },
        Direction::Reverse(r) => {
            let count = |i: Inference| r.items.iter().filter(|x| x.inference == i).count();
            html! {
                <p>{ format!(
                    "The ISO/IEC 42001 results above are inferred from NIST AI RMF answers: {} of {} items inferred, {} not inferred yet, {} to assess directly because the NIST AI RMF does not address them or has no related counterpart ({}).",
                    count(Inference::Inferred),
                    r.items.len(),
                    count(Inference::NotInferred),
                    r.assess_directly.len(),
                    r.assess_directly.iter().map(|d| d.item.as_str()).collect::<Vec<_>>().join(", "),
                ) }</p>
            }
        }
    };
    html! {
        <section class="report-section" aria-labelledby="crosswalk-h">
            <h2 id="crosswalk-h">{"NIST AI RMF crosswalk"}</h2>
            { body }
            <p class="no-print"><a href={Route::Crosswalk.hash()}>{"See every subcategory and the heat map"}</a></p>
        </section>
    }
}

fn roi_figure(label: &str, value: String) -> Html {
    html! {
        <div class="figure panel">
            <p class="figure-label">{ label.to_string() }</p>
            <p class="figure-value figure-small">{ value }</p>
        </div>
    }
}

fn roi_section(result: &RoiResult) -> Html {
    let inputs = match (result.unreadable, result.edited) {
        (true, _) => "the default inputs (the inputs saved on the ROI page could not be read)",
        (false, true) => "the inputs set on the ROI page",
        (false, false) => "the default inputs",
    };
    let body = match &result.report {
        Err(e) => {
            html! { <p class="callout callout-warn">{ format!("The ROI could not be computed: {e}") }</p> }
        }
        Ok(r) => {
            let cur = &r.currency;
            let payback = r.payback_months.map_or_else(
                || format!("not within {} months", r.horizon_months),
                |m| format!("month {m}"),
            );
            let mc = &r.monte_carlo;
            html! {
                <>
                    <p>{ format!(
                        "Likely case over {} months, discounted at {}% a year, from {inputs}{}.",
                        r.horizon_months,
                        number(r.discount_rate_percent),
                        if r.months_basis == MonthsBasis::Roadmap { " and the schedule of the roadmap above" } else { "" }
                    ) }</p>
                    <div class="figures">
                        { roi_figure("Net present value (likely)", format!("{} {cur}", amount(r.npv))) }
                        { roi_figure("Return on investment (likely)", percent(r.roi_percent)) }
                        { roi_figure("Payback", payback) }
                    </div>
                    <p>{ format!(
                        "Total cost {} {cur}, total benefit {} {cur}. Over {} simulated trials the NPV ranges from {} (P10) to {} {cur} (P90), median {}; the ROI is positive in {} of trials.",
                        amount(r.total_cost), amount(r.total_benefit), amount(f64::from(mc.trials)),
                        amount(mc.npv.p10), amount(mc.npv.p90), amount(mc.npv.p50),
                        share(mc.probability_positive)
                    ) }</p>
                    <h3>{"Costs and benefits (likely case)"}</h3>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Costs and benefits of the likely case">
                        <table>
                            <thead><tr>
                                <th scope="col">{"Item"}</th>
                                <th scope="col">{"Kind"}</th>
                                <th scope="col" class="num">{ format!("Total ({cur})") }</th>
                            </tr></thead>
                            <tbody>
                                { for r.line_items.iter().map(|l| html! {
                                    <tr>
                                        <th scope="row">{ l.item.clone() }</th>
                                        <td>{ l.kind }</td>
                                        <td class="num">{ amount(l.total) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    <h3>{"Assumptions"}</h3>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="ROI assumptions">
                        <table class="assumptions-table">
                            <thead><tr>
                                <th scope="col">{"Input"}</th>
                                <th scope="col" class="num">{"Low"}</th>
                                <th scope="col" class="num">{"Likely"}</th>
                                <th scope="col" class="num">{"High"}</th>
                                <th scope="col">{"Unit"}</th>
                                <th scope="col">{"Source"}</th>
                            </tr></thead>
                            <tbody>
                                { for r.assumptions.iter().map(|a| html! {
                                    <tr>
                                        <th scope="row">{ a.label.clone() }</th>
                                        <td class="num">{ number(a.low) }</td>
                                        <td class="num">{ number(a.likely) }</td>
                                        <td class="num">{ number(a.high) }</td>
                                        <td>{ a.unit.clone() }</td>
                                        <td>{ a.source.clone() }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    <h3>{"How it is computed"}</h3>
                    <ul class="assumptions">{ for r.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                    <p class="no-print"><a href={Route::Roi.hash()}>{"Change the ROI inputs"}</a></p>
                </>
            }
        }
    };
    html! {
        <section class="report-section" aria-labelledby="roi-h">
            <h2 id="roi-h">{"Return on investment (estimate)"}</h2>
            <p class="callout callout-warn">{ ESTIMATE_LABEL }{"."}</p>
            { body }
        </section>
    }
}
