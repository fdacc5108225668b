//! One assessable ISO/IEC 42001 item in the full assessment: its id and title, our guidance,
//! evidence examples, criticality, the maturity picker, the target, a note, and for Annex A
//! controls the applicability switch.
//!
//! Excluding a control needs a justification (an exclusion without one is a major
//! nonconformity): switching a control to "not applicable" with a blank justification is
//! refused, nothing is dispatched, and an error linked to the switch and to the justification
//! field says why. The props are plain values compared by `PartialEq`, and the component reads
//! no context, so answering one item re-renders that item only.

use crate::components::icon::{badge, icon, Icon, Tone};
use crate::components::maturity_picker::{level_text, MaturityPicker};
use crate::state::{Action, AppState};
use aims_engine::assessment::{Answer, DEFAULT_TARGET};
use aims_engine::catalog::{Criticality, IsoId};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemEditorProps {
    pub id: IsoId,
    /// The item's answer; `None` when nothing is recorded.
    pub answer: Option<Answer>,
    pub dispatcher: UseReducerDispatcher<AppState>,
    /// The AI systems of the profile (id, name), for the controls about a system.
    #[prop_or_default]
    pub systems: Vec<(String, String)>,
}

/// An id usable in element ids (`A.5.2` → `A-5-2`).
pub fn dom_id(id: IsoId) -> String {
    id.as_str().replace('.', "-")
}

fn criticality_badge(c: Criticality) -> Html {
    let (tone, kind) = match c {
        Criticality::Critical => (Tone::Bad, Icon::Warning),
        Criticality::High => (Tone::Warn, Icon::Warning),
        Criticality::Medium => (Tone::Neutral, Icon::Info),
        Criticality::Low => (Tone::Neutral, Icon::Dash),
    };
    let label = match c {
        Criticality::Critical => "Critical",
        Criticality::High => "High criticality",
        Criticality::Medium => "Medium criticality",
        Criticality::Low => "Low criticality",
    };
    badge(tone, kind, label)
}

fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

#[function_component(ItemEditor)]
pub fn item_editor(props: &ItemEditorProps) -> Html {
    let id = props.id;
    let item = id.item();
    let key = dom_id(id);
    let default_answer = Answer::default();
    let answer = props.answer.as_ref().unwrap_or(&default_answer);
    let applicable = answer.applicable || !id.is_annex_a();
    let meanings = id.explanation().and_then(|g| g.levels);

    // The justification typed before the exclusion is confirmed (kept here, not in the
    // assessment, until the control is actually excluded).
    let draft = use_state(|| answer.justification.clone().unwrap_or_default());
    // Why the last exclusion was refused; shown until the justification is written.
    let refused = use_state(|| false);
    let asking = use_state(|| false);
    let justification_ref = use_node_ref();
    // Each refusal moves focus to the justification field.
    let refusals = use_state(|| 0u32);
    {
        let justification_ref = justification_ref.clone();
        use_effect_with(*refusals, move |n| {
            if *n > 0 {
                if let Some(t) = justification_ref.cast::<HtmlTextAreaElement>() {
                    let _ = t.focus();
                }
            }
        });
    }

    let dispatch = {
        let d = props.dispatcher.clone();
        move |a: Action| d.dispatch(a)
    };

    let exclude = {
        let (draft, refused, asking, refusals) = (
            draft.clone(),
            refused.clone(),
            asking.clone(),
            refusals.clone(),
        );
        let dispatch = dispatch.clone();
        move || -> bool {
            if is_blank(&draft) {
                refused.set(true);
                asking.set(true);
                refusals.set(*refusals + 1);
                false
            } else {
                dispatch(Action::SetJustification(id, (*draft).clone()));
                dispatch(Action::SetApplicable(id, false));
                refused.set(false);
                asking.set(false);
                true
            }
        }
    };

    let on_switch = {
        let exclude = exclude.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if input.checked() {
                dispatch(Action::SetApplicable(id, true));
            } else if !exclude() {
                // Refused: the control stays applicable.
                input.set_checked(true);
            }
        })
    };
    let on_confirm = {
        let exclude = exclude.clone();
        Callback::from(move |_: MouseEvent| {
            exclude();
        })
    };
    let on_cancel = {
        let (refused, asking) = (refused.clone(), asking.clone());
        Callback::from(move |_: MouseEvent| {
            refused.set(false);
            asking.set(false);
        })
    };
    let on_draft = {
        let (draft, refused) = (draft.clone(), refused.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
                let v = t.value();
                if !is_blank(&v) {
                    refused.set(false);
                }
                draft.set(v);
            }
        })
    };
    // Once excluded, the justification is edited in place (and saved like any answer).
    let on_justification = {
        let (dispatch, draft) = (dispatch.clone(), draft.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
                draft.set(t.value());
                dispatch(Action::SetJustification(id, t.value()));
            }
        })
    };
    let on_maturity = {
        let dispatch = dispatch.clone();
        Callback::from(move |m: Option<u8>| dispatch(Action::SetMaturity(id, m)))
    };
    let on_target = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                if let Ok(t @ 1..=5) = s.value().parse::<u8>() {
                    dispatch(Action::SetTarget(id, t));
                }
            }
        })
    };
    let on_note = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
                dispatch(Action::SetNote(id, t.value()));
            }
        })
    };

    let heading_id = format!("item-{key}-h");
    let error_id = format!("item-{key}-error");
    let switch_id = format!("item-{key}-applicable");
    let just_id = format!("item-{key}-justification");
    let excluded_without_reason = !applicable && answer.justification().is_none();
    let show_error = *refused || excluded_without_reason;
    let error_text = if excluded_without_reason {
        "This control is excluded without a justification: write why it does not apply, or an auditor would raise a minor nonconformity against 6.1.3 (the Statement of Applicability)."
    } else {
        "Not excluded: write why this control does not apply to your organisation first. The justification goes into the Statement of Applicability."
    };
    let described = show_error.then(|| error_id.clone());

    // A control that a clause requires cannot be excluded: say why instead of a switch.
    let limit = aims_engine::catalog::ExclusionLimit::of(id);
    let on_reason = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
                dispatch(Action::SetReason(id, t.value()));
            }
        })
    };
    let reason_id = format!("item-{key}-reason");
    let reason = (id.is_annex_a() && applicable).then(|| {
        let default = id
            .explanation()
            .and_then(|e| e.default_reason)
            .unwrap_or_default();
        html! {
            <div class="field">
                <label for={reason_id.clone()}>{"Reason for inclusion"}<span class="muted">{" (optional: the Statement of Applicability uses our default when blank)"}</span></label>
                <textarea id={reason_id.clone()} rows="2" placeholder={default}
                    value={answer.reason.clone().unwrap_or_default()} oninput={on_reason} />
            </div>
        }
    });
    let applicability = limit.map(|l| html! {
        <p class="applicability muted">{ icon(Icon::Info) }<span>{ format!("Always in scope: {}.", l.message()) }</span></p>
    }).or_else(|| id.is_annex_a().then(|| {
        let panel = (!applicable || *asking).then(|| {
            let (value, oninput) = if applicable {
                ((*draft).clone(), on_draft.clone())
            } else {
                (
                    answer.justification.clone().unwrap_or_default(),
                    on_justification.clone(),
                )
            };
            html! {
                <div class="exclusion">
                    <label for={just_id.clone()}>{"Why this control does not apply"}</label>
                    <textarea id={just_id.clone()} ref={justification_ref.clone()} rows="3"
                        value={value} oninput={oninput}
                        aria-invalid={show_error.then_some("true")}
                        aria-describedby={described.clone()} />
                    if applicable {
                        <div class="actions">
                            <button type="button" onclick={on_confirm.clone()}>{"Exclude this control"}</button>
                            <button type="button" class="secondary" onclick={on_cancel.clone()}>{"Cancel"}</button>
                        </div>
                    }
                </div>
            }
        });
        html! {
            <div class="applicability">
                <div class="switch-row">
                    <input type="checkbox" role="switch" class="switch" id={switch_id.clone()}
                        checked={applicable} onchange={on_switch.clone()}
                        aria-describedby={described.clone()} />
                    <label for={switch_id.clone()}>
                        {"Applicable"}
                        <span class="visually-hidden">{ format!(" ({})", id.as_str()) }</span>
                    </label>
                    <span class="switch-state">
                        { if applicable { "In scope" } else { "Excluded: not applicable" } }
                    </span>
                </div>
                if show_error {
                    <p class="field-error" id={error_id.clone()} role="alert">
                        { icon(Icon::Warning) }<span>{ error_text }</span>
                    </p>
                }
                { for panel }
            </div>
        }
    }));

    let guidance = id.explanation().map(|g| {
        html! {
            <>
                <p class="item-asks">{ g.asks }</p>
                <div class="item-evidence">
                    <p class="item-evidence-title">{"Evidence an auditor would expect"}</p>
                    <ul>{ for g.evidence.iter().map(|e| html! { <li>{ *e }</li> }) }</ul>
                </div>
            </>
        }
    });
    let target = answer.target();
    let rating = applicable.then(|| {
        let target_id = format!("item-{key}-target");
        html! {
            <>
                <MaturityPicker name={format!("item-{key}-maturity")} legend="Current maturity"
                    context={format!("{} {}", id.as_str(), item.title)}
                    value={answer.maturity()} meanings={meanings} onchange={on_maturity} />
                <div class="field-row">
                    <label for={target_id.clone()}>{"Target level"}</label>
                    <select id={target_id} onchange={on_target}>
                        { for (1..=5u8).map(|t| {
                            let (name, _) = level_text(t, None);
                            let default = if t == DEFAULT_TARGET { " (default)" } else { "" };
                            html! {
                                <option value={t.to_string()} selected={t == target}>
                                    { format!("{t} {name}{default}") }
                                </option>
                            }
                        }) }
                    </select>
                </div>
            </>
        }
    });
    let note_id = format!("item-{key}-note");

    html! {
        <article class={classes!("item-editor", "panel", (!applicable).then_some("item-excluded"))}
            id={format!("item-{key}")} aria-labelledby={heading_id.clone()}>
            <header class="item-head">
                <h3 id={heading_id}>
                    <span class="item-id">{ id.as_str() }</span>{" "}{ item.title }
                </h3>
                <div class="item-tags">
                    { criticality_badge(id.criticality()) }
                    if answer.inferred && answer.maturity.is_some() {
                        <span class="tag" title="Inferred from NIST AI RMF answers through the crosswalk">{"inferred"}</span>
                    }
                    if !applicable {
                        <span class="tag">{"excluded"}</span>
                    }
                    if answer.maturity.is_some() && applicable {
                        <span class="tag tag-answered">{ icon(Icon::Check) }<span>{"Answered"}</span></span>
                    }
                </div>
            </header>
            { for guidance }
            { for applicability }
            { for rating }
            if applicable {
                { crate::components::item_plan::system_ratings(id, &key, answer, &props.systems, &props.dispatcher) }
            }
            { for reason }
            <div class="field">
                <label for={note_id.clone()}>{"Note"}<span class="muted">{" (optional: evidence, owner, plans)"}</span></label>
                <textarea id={note_id} rows="2" value={answer.note.clone().unwrap_or_default()} oninput={on_note} />
            </div>
            { crate::components::item_plan::plan_fields(id, &key, answer, &props.dispatcher) }
        </article>
    }
}
