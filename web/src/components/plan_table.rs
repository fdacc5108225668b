//! The action plan as a read-only table, for the Report page (printed with it): each action's
//! priority, item, owner, due date (overdue flagged against today), status and evidence. Shown
//! only when an owner, a due date, a status or evidence is recorded, as in the Markdown report.

use aims_engine::assessment::Assessment;
use aims_engine::export::ReportDate;
use aims_engine::plan::plan;
use yew::prelude::*;

/// The plan section of `a` on `day`; empty when nothing of the plan is recorded yet.
pub fn plan_section(a: &Assessment, day: ReportDate) -> Html {
    let p = plan(a, day);
    if !p.has_records() {
        return Html::default();
    }
    let s = p.summary;
    html! {
        <section class="report-section" aria-labelledby="plan-h">
            <h2 id="plan-h">{ format!("Action plan ({})", p.actions.len()) }</h2>
            <p class="muted">{ format!(
                "{} open, {} in progress, {} done; {} overdue on {}.",
                s.open, s.in_progress, s.done, s.overdue, p.today
            ) }</p>
            <div class="table-wrap">
                <table class="plan-table">
                    <thead><tr>
                        <th scope="col">{"Priority"}</th>
                        <th scope="col">{"Item"}</th>
                        <th scope="col">{"Owner"}</th>
                        <th scope="col">{"Due"}</th>
                        <th scope="col">{"Status"}</th>
                        <th scope="col">{"Evidence"}</th>
                    </tr></thead>
                    <tbody>
                        { for p.actions.iter().map(|x| html! {
                            <tr class={classes!(x.overdue.then_some("overdue"))}>
                                <td>{ x.priority.as_str() }</td>
                                <td>{ format!("{} {}", x.item, x.title) }</td>
                                <td>{ x.owner.clone().unwrap_or_else(|| "unassigned".to_string()) }</td>
                                <td>
                                    { x.due.map(|d| d.to_string()).or_else(|| x.due_as_written.clone()).unwrap_or_else(|| "not set".to_string()) }
                                    if let Some(text) = x.overdue_text() { <strong class="overdue-flag">{ format!(" {text}") }</strong> }
                                </td>
                                <td>{ x.status.title() }</td>
                                <td>{ if x.evidence.is_empty() { "none".to_string() } else { x.evidence.join("; ") } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
