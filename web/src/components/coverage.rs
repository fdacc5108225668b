//! NIST AI RMF coverage widgets shared by the crosswalk page and the printable report: the
//! look of a coverage status (words, icon, tone) and the per-function summary.

use crate::components::charts::{bar_chart, percent, Bar, BarChart};
use crate::components::icon::{badge, Icon, Tone};
use aims_engine::crosswalk::{CoverageStatus, Forward, Rollup};
use yew::prelude::*;

/// The tone, icon and words of a coverage status.
pub fn status_look(s: CoverageStatus) -> (Tone, Icon, &'static str) {
    match s {
        CoverageStatus::Covered => (Tone::Ok, Icon::Check, "Covered"),
        CoverageStatus::Partial => (Tone::Warn, Icon::Half, "Partial"),
        CoverageStatus::NotCovered => (Tone::Bad, Icon::Cross, "Not covered"),
        CoverageStatus::Unknown => (Tone::Neutral, Icon::Unknown, "Unknown"),
    }
}

/// A coverage status as a badge.
pub fn status_badge(s: CoverageStatus) -> Html {
    let (tone, kind, label) = status_look(s);
    badge(tone, kind, label)
}

/// "12 covered, 3 partial, 2 not covered, 1 unknown".
pub fn counts(r: &Rollup) -> String {
    format!(
        "{} covered, {} partial, {} not covered, {} unknown",
        r.covered, r.partial, r.not_covered, r.unknown
    )
}

/// Coverage per NIST AI RMF function: a bar chart and a table of the statuses.
pub fn function_summary(forward: &Forward) -> Html {
    let chart = bar_chart(&BarChart {
        title: "NIST AI RMF coverage by function".into(),
        headers: ["Function", "Coverage", "Subcategories"],
        bars: forward
            .functions
            .iter()
            .map(|f| Bar {
                label: f.id.to_string(),
                value: Some(f.coverage),
                missing: "",
                note: format!("{} of {}", counts(f), f.total),
            })
            .collect(),
    });
    html! {
        <div class="function-summary">
            <div class="panel">{ chart }</div>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Coverage by NIST AI RMF function">
                <table>
                    <thead><tr>
                        <th scope="col">{"Function"}</th>
                        <th scope="col">{"Coverage"}</th>
                        <th scope="col">{"Status"}</th>
                        <th scope="col">{"Covered"}</th>
                        <th scope="col">{"Partial"}</th>
                        <th scope="col">{"Not covered"}</th>
                        <th scope="col">{"Unknown"}</th>
                    </tr></thead>
                    <tbody>
                        { for forward.functions.iter().map(|f| html! {
                            <tr>
                                <th scope="row">{ f.id }</th>
                                <td>{ percent(f.coverage) }</td>
                                <td>{ status_badge(f.status) }</td>
                                <td>{ f.covered }</td>
                                <td>{ f.partial }</td>
                                <td>{ f.not_covered }</td>
                                <td>{ f.unknown }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
