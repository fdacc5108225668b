//! The action plan page (`#/plan`): every gap as an action with its owner, due date, status and
//! evidence, edited in place, sortable by priority, due date or owner and filtered to the
//! overdue actions or one owner's, with overdue actions flagged against today's date. The plan is the engine's (`aims_engine::plan`, rules in
//! docs/scoring.md, "Action plan"); this page only shows it and dispatches the edits.

use crate::components::exports::ExportButtons;
use crate::context::use_ctx;
use crate::format::today;
use crate::route::Route;
use crate::state::Action;
use aims_engine::assessment::PlanStatus;
use aims_engine::catalog::IsoId;
use aims_engine::plan::{plan, same_owner, OwnerFilter, PlanAction, PlanFilter, PlanOrder};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

fn order_label(o: PlanOrder) -> &'static str {
    match o {
        PlanOrder::Priority => "Priority (what blocks certification first)",
        PlanOrder::Due => "Due date (undated last)",
        PlanOrder::Owner => "Owner (unassigned last)",
    }
}

/// The id of one field of one action's row (`plan-owner-a-5-2`: no dots, so that it is a plain
/// CSS id selector).
fn field_id(field: &str, item: IsoId) -> String {
    format!(
        "plan-{field}-{}",
        item.as_str().to_ascii_lowercase().replace('.', "-")
    )
}

/// The owner filter's option values: all, none, or `owner:` and the owner's name (so that an
/// owner called "all" is still a name).
const ANY: &str = "all";
const UNASSIGNED: &str = "none";
const NAMED: &str = "owner:";

fn owner_filter(value: &str) -> OwnerFilter {
    match value {
        UNASSIGNED => OwnerFilter::Unassigned,
        v => v
            .strip_prefix(NAMED)
            .map_or(OwnerFilter::Any, |n| OwnerFilter::Named(n.to_string())),
    }
}

fn owner_value(f: &OwnerFilter) -> String {
    match f {
        OwnerFilter::Any => ANY.to_string(),
        OwnerFilter::Unassigned => UNASSIGNED.to_string(),
        OwnerFilter::Named(n) => format!("{NAMED}{n}"),
    }
}

#[function_component(PlanPage)]
pub fn page() -> Html {
    let ctx = use_ctx();
    let order = use_state(|| PlanOrder::Priority);
    let filter = use_state(PlanFilter::default);
    let Some(day) = today() else {
        return html! { <p class="callout">{"The browser's clock gives no valid date, so the plan cannot tell what is overdue."}</p> };
    };
    let p = plan(&ctx.state.assessment, day);
    if p.actions.is_empty() {
        return html! {
            <div class="plan">
                <p>{"No gap to plan yet: an item enters the plan once it is rated below level 3 (or below its own higher target). "}
                    <a href={Route::Assessment.hash()}>{"Rate the items"}</a>{" or "}
                    <a href={Route::QuickScan.hash()}>{"take the quick scan"}</a>{"."}</p>
            </div>
        };
    }
    let s = p.summary;
    let on_order = {
        let order = order.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            order.set(PlanOrder::parse(&v).unwrap_or(PlanOrder::Priority));
        })
    };
    let on_owner_filter = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(PlanFilter {
                owner: owner_filter(&v),
                ..(*filter).clone()
            });
        })
    };
    let on_overdue_only = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            filter.set(PlanFilter {
                overdue_only: on,
                ..(*filter).clone()
            });
        })
    };
    let owners = p.owners();
    // An owner chosen in the filter whose actions were all reassigned since: show all again.
    let current = match &filter.owner {
        OwnerFilter::Named(n) => owners
            .iter()
            .find(|o| same_owner(o, n))
            .map_or(OwnerFilter::Any, |o| OwnerFilter::Named(o.to_string())),
        other => other.clone(),
    };
    let shown_filter = PlanFilter {
        owner: current.clone(),
        ..(*filter).clone()
    };
    let shown = p.shown(*order, &shown_filter);
    let owner_value = owner_value(&current);
    html! {
        <div class="plan">
            <p id="plan-summary">
                { format!("{} actions: {} open, {} in progress, {} done. ", p.actions.len(), s.open, s.in_progress, s.done) }
                if s.overdue > 0 {
                    <strong class="overdue">{ format!("{} overdue on {}. ", s.overdue, p.today) }</strong>
                } else {
                    { format!("None overdue on {}. ", p.today) }
                }
                { format!("{} without an owner, {} without a due date.", s.unassigned, s.undated) }
            </p>
            <div class="plan-controls no-print" role="group" aria-label="Sort and filter the plan">
                <p>
                    <label for="plan-order">{"Sort by "}</label>
                    <select id="plan-order" onchange={on_order}>
                        { for PlanOrder::ALL.iter().map(|&o| html! {
                            <option value={o.as_str()} selected={*order == o}>{ order_label(o) }</option>
                        }) }
                    </select>
                </p>
                <p>
                    <label for="plan-owner-filter">{"Owner "}</label>
                    <select id="plan-owner-filter" onchange={on_owner_filter}>
                        <option value={ANY} selected={owner_value == ANY}>{"All owners"}</option>
                        { for owners.iter().map(|&o| html! {
                            <option value={format!("{NAMED}{o}")} selected={owner_value == format!("{NAMED}{o}")}>{ o }</option>
                        }) }
                        <option value={UNASSIGNED} selected={owner_value == UNASSIGNED}>{"Without an owner"}</option>
                    </select>
                </p>
                <p class="check-row">
                    <input type="checkbox" id="plan-overdue-only" checked={filter.overdue_only} onchange={on_overdue_only} />
                    <label for="plan-overdue-only">{"Overdue only"}</label>
                </p>
            </div>
            <p id="plan-shown" class="no-print" role="status">{
                if shown.len() == p.actions.len() {
                    format!("Showing all {} actions.", p.actions.len())
                } else if shown.is_empty() {
                    "No action matches the filters: change or clear them to see the others.".to_string()
                } else {
                    format!("Showing {} of {} actions.", shown.len(), p.actions.len())
                }
            }</p>
            <p class="hint no-print">{"Changes are saved as you leave each field. Marking an action done does not change its maturity: rate the item again once the records show the level is reached. Evidence recorded on a critical item clears its \u{201c}no evidence\u{201d} observation."}</p>
            <div class="table-wrap">
                <table class="plan-table">
                    <thead><tr>
                        <th scope="col">{"Priority"}</th>
                        <th scope="col">{"Item and action"}</th>
                        <th scope="col">{"Owner"}</th>
                        <th scope="col">{"Due"}</th>
                        <th scope="col">{"Status"}</th>
                        <th scope="col">{"Evidence (one per line)"}</th>
                    </tr></thead>
                    <tbody>
                        { for shown.into_iter().map(|x| row(&ctx, x)) }
                    </tbody>
                </table>
            </div>
            <h2 class="no-print">{"Export the plan"}</h2>
            <div class="no-print"><ExportButtons /></div>
        </div>
    }
}

fn row(ctx: &crate::context::Ctx, x: &PlanAction) -> Html {
    let id = x.item;
    let on_owner = ctx.callback(move |e: Event| {
        Action::SetOwner(id, e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let on_due = ctx.callback(move |e: Event| {
        Action::SetDue(id, e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let on_status = ctx.callback(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetStatus(id, PlanStatus::parse(&v).unwrap_or_default())
    });
    let on_evidence = ctx.callback(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
        Action::SetEvidence(id, v.lines().map(str::to_string).collect())
    });
    let due_value = x.due.map(|d| d.to_string()).unwrap_or_default();
    let class = classes!(
        x.overdue.then_some("overdue"),
        (x.status == PlanStatus::Done).then_some("done")
    );
    html! {
        <tr class={class} id={field_id("row", id)}>
            <td>{ x.priority.as_str() }</td>
            <td>
                <strong>{ id.as_str() }</strong>{" "}{ x.title }
                if !x.systems.is_empty() {
                    <br /><small>{ format!("AI systems rated lowest: {}", x.systems.join(", ")) }</small>
                }
                <br /><small>{ format!("Maturity {} of {}. ", x.current, x.target) }{ x.action.to_string() }</small>
            </td>
            <td><input type="text" id={field_id("owner", id)} aria-label={format!("Owner of {}", id.as_str())}
                value={x.owner.clone().unwrap_or_default()} onchange={on_owner} /></td>
            <td>
                <input type="date" id={field_id("due", id)} aria-label={format!("Due date of {}", id.as_str())}
                    value={due_value} onchange={on_due} />
                if let Some(w) = &x.due_as_written {
                    <br /><small>{ format!("Written as \u{201c}{w}\u{201d}, not a date: choose one.") }</small>
                }
                if x.overdue {
                    <br /><strong class="overdue-flag">{ crate::format::sentence(&x.overdue_text().unwrap_or_default()) }</strong>
                }
            </td>
            <td><select id={field_id("status", id)} aria-label={format!("Status of {}", id.as_str())} onchange={on_status}>
                { for PlanStatus::ALL.iter().map(|&st| html! {
                    <option value={st.as_str()} selected={x.status == st}>{ st.title() }</option>
                }) }
            </select></td>
            <td><textarea id={field_id("evidence", id)} rows="2" aria-label={format!("Evidence for {}", id.as_str())}
                value={x.evidence.join("\n")} onchange={on_evidence} /></td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_owner_filter_options_round_trip_even_for_an_owner_named_like_an_option() {
        for f in [
            OwnerFilter::Any,
            OwnerFilter::Unassigned,
            OwnerFilter::Named("DPO".into()),
            OwnerFilter::Named("all".into()),
            OwnerFilter::Named("none".into()),
        ] {
            assert_eq!(owner_filter(&owner_value(&f)), f);
        }
        assert_eq!(owner_filter("anything else"), OwnerFilter::Any);
    }
}
