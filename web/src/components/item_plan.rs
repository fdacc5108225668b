//! The parts of the item editor that come with the profile and the action plan: a rating per AI
//! system for the controls about a system (the item's maturity is then the lowest, computed by
//! the engine), and the action's owner, due date, status and evidence. Plain functions over the
//! item's answer and the state's dispatcher, like the rest of the item editor.

use crate::state::{Action, AppState};
use aims_engine::assessment::{Answer, PlanStatus, MAX_MATURITY};
use aims_engine::catalog::{IsoId, GENERIC_LEVELS};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// One select per AI system of the profile (`systems`: id and name), for a control about a
/// system; nothing for other items or without systems.
pub fn system_ratings(
    id: IsoId,
    key: &str,
    answer: &Answer,
    systems: &[(String, String)],
    dispatcher: &UseReducerDispatcher<AppState>,
) -> Html {
    if !id.per_system() || systems.is_empty() {
        return Html::default();
    }
    html! {
        <fieldset class="field system-ratings">
            <legend>{"Per AI system"}<span class="muted">{" (optional: the item takes the lowest level of its systems and of the rating above; a finding names the system)"}</span></legend>
            { for systems.iter().map(|(sid, name)| {
                let current = answer.systems.get(sid).and_then(|s| s.maturity);
                let field = format!("item-{key}-system-{sid}");
                let onchange = {
                    let dispatch = dispatcher.clone();
                    let sid = sid.clone();
                    Callback::from(move |e: Event| {
                        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                        dispatch.dispatch(Action::SetSystemMaturity(id, sid.clone(), v.parse().ok()));
                    })
                };
                html! {
                    <label for={field.clone()}>{ name.clone() }
                        <select id={field} {onchange}>
                            <option value="" selected={current.is_none()}>{"Not rated for this system"}</option>
                            { for (0..=MAX_MATURITY).map(|m| html! {
                                <option value={m.to_string()} selected={current == Some(m)}>
                                    { format!("{m} {}", GENERIC_LEVELS.get(usize::from(m)).map_or("", |l| l.name)) }
                                </option>
                            }) }
                        </select>
                    </label>
                }
            }) }
        </fieldset>
    }
}

/// The action on the item: owner, due date, status and evidence (also edited on the Action
/// plan page).
pub fn plan_fields(
    id: IsoId,
    key: &str,
    answer: &Answer,
    dispatcher: &UseReducerDispatcher<AppState>,
) -> Html {
    let on = |make: fn(IsoId, String) -> Action| {
        let dispatch = dispatcher.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            dispatch.dispatch(make(id, v));
        })
    };
    let on_status = {
        let dispatch = dispatcher.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.dispatch(Action::SetStatus(
                id,
                PlanStatus::parse(&v).unwrap_or_default(),
            ));
        })
    };
    let on_evidence = {
        let dispatch = dispatcher.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.dispatch(Action::SetEvidence(
                id,
                v.lines().map(str::to_string).collect(),
            ));
        })
    };
    let status = answer.status.unwrap_or_default();
    let due = answer.due_date().map(|d| d.to_string()).unwrap_or_default();
    html! {
        <details class="field item-plan" open={answer.owner.is_some() || answer.due.is_some() || !answer.evidence.is_empty()}>
            <summary>{"Action and evidence"}</summary>
            <div class="item-plan-fields">
                <label for={format!("item-{key}-owner")}>{"Owner"}
                    <input type="text" id={format!("item-{key}-owner")} value={answer.owner.clone().unwrap_or_default()}
                        onchange={on(Action::SetOwner)} />
                </label>
                <label for={format!("item-{key}-due")}>{"Due"}
                    <input type="date" id={format!("item-{key}-due")} value={due} onchange={on(Action::SetDue)} />
                </label>
                <label for={format!("item-{key}-status")}>{"Status"}
                    <select id={format!("item-{key}-status")} onchange={on_status}>
                        { for PlanStatus::ALL.iter().map(|&st| html! {
                            <option value={st.as_str()} selected={status == st}>{ st.title() }</option>
                        }) }
                    </select>
                </label>
                <label for={format!("item-{key}-evidence")}>{"Evidence (one link or reference per line; on a critical item it clears the \u{201c}no evidence\u{201d} observation)"}
                    <textarea id={format!("item-{key}-evidence")} rows="2" value={answer.evidence.join("\n")} onchange={on_evidence} />
                </label>
            </div>
        </details>
    }
}
