//! The frame's banner while the open assessment is a learner's answer to a training case: it
//! says so on every page, links back to the case, and offers to switch to the user's own
//! assessment (training assessments are kept apart from the user's own).

use crate::components::icon::{icon, Icon};
use crate::context::use_ctx;
use crate::training_link::{case_hash, open_case};
use aims_engine::training;
use yew::prelude::*;

#[function_component(TrainingBanner)]
pub fn training_banner() -> Html {
    let ctx = use_ctx();
    let Some(case) = open_case(&ctx) else {
        return html! {};
    };
    let title = training::case(&case.id).map_or(case.id.as_str(), |c| c.title);
    let own = ctx
        .state
        .entries
        .iter()
        .find(|e| e.case.is_none())
        .map(|e| (e.id.clone(), e.name.clone()));
    let switch = own.map(|(id, name)| {
        let ctx = ctx.clone();
        let onclick = Callback::from(move |_: MouseEvent| ctx.open(&id));
        html! {
            <button type="button" class="secondary no-print" {onclick}>{ format!("Switch to \u{201c}{name}\u{201d}") }</button>
        }
    });
    html! {
        <div class="training-banner" id="training-banner">
            <p>
                { icon(Icon::Info) }{" "}
                <strong>{"Training case: "}</strong>{ title.to_string() }
                { if title.ends_with(['?', '.', '!']) { " " } else { ". " } }
                <span class="muted">{"Your answers are kept apart from your own assessments. "}</span>
                <a class="no-print" href={case_hash(&case.id, case.hide_model)}>{"Back to the case"}</a>
            </p>
            { for switch }
        </div>
    }
}
