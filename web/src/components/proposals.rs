//! Exclusions proposed from the organisation's role for AI (the engine's
//! `Report::proposed_exclusions`): each with its generated justification, which the user can
//! edit, then accept (the control is excluded with that justification) or reject (the control
//! stays included, with a reason for inclusion the user can refine in the item editor).
//! Nothing is excluded until the user accepts.

use crate::context::use_ctx;
use crate::state::Action;
use aims_engine::catalog::IsoId;
use aims_engine::scoring::{ProposalBasis, ProposedExclusion};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The reason recorded when the user keeps a proposed exclusion in scope.
pub const KEPT: &str =
    "Kept in scope by the organisation although its role for AI suggested excluding it.";

#[derive(Properties, PartialEq)]
pub struct ProposalsProps {
    pub proposals: Vec<ProposedExclusion>,
}

#[function_component(ProposedExclusions)]
pub fn proposed_exclusions(props: &ProposalsProps) -> Html {
    if props.proposals.is_empty() {
        return html! {};
    }
    let n = props.proposals.len();
    html! {
        <section class="report-section proposals no-print" aria-labelledby="proposals-h">
            <h2 id="proposals-h">{ format!("Proposed exclusions ({n})") }</h2>
            <p class="muted">{"From your organisation's roles for AI and its inventory of AI systems, these Annex A controls may not apply to you; each says why it is proposed. Read each justification, edit it if needed, then accept or reject it: nothing is excluded until you accept."}</p>
            <ul>
                { for props.proposals.iter().map(|p| html! { <ProposalRow item={p.item} justification={p.justification} basis={p.basis} /> }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    item: IsoId,
    justification: &'static str,
    basis: ProposalBasis,
}

#[function_component(ProposalRow)]
fn proposal_row(props: &RowProps) -> Html {
    let ctx = use_ctx();
    let text = use_state(|| props.justification.to_string());
    let id = props.item;
    let field = format!("proposal-{}", id.as_str().replace('.', "-"));
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                text.set(t.value());
            }
        })
    };
    let accept = {
        let text = text.clone();
        ctx.callback(move |_: MouseEvent| Action::Exclude(id, (*text).clone()))
    };
    let reject = ctx.callback(move |_: MouseEvent| Action::SetReason(id, KEPT.to_string()));
    let blank = text.trim().is_empty();
    html! {
        <li class="proposal panel">
            <p><strong><span class="item-id">{ id.as_str() }</span>{" "}{ id.item().title }</strong></p>
            <p class="proposal-basis muted">{ props.basis.explanation() }</p>
            <label for={field.clone()}>{"Justification for the Statement of Applicability"}</label>
            <textarea id={field} rows="4" value={(*text).clone()} {oninput} />
            <div class="actions">
                <button type="button" class="proposal-accept" onclick={accept} disabled={blank}>
                    {"Exclude with this justification"}<span class="visually-hidden">{ format!(" ({})", id.as_str()) }</span>
                </button>
                <button type="button" class="secondary proposal-reject" onclick={reject}>
                    {"Keep in scope"}<span class="visually-hidden">{ format!(" ({})", id.as_str()) }</span>
                </button>
            </div>
        </li>
    }
}
