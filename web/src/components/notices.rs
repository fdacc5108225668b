//! The notices bar: unreadable saved data (with a download of the raw text), saving problems,
//! changes made in another tab, an undoable delete.

use crate::context::use_ctx;
use crate::download::download_text;
use crate::state::{Action, Notice};
use yew::prelude::*;

#[function_component(Notices)]
pub fn notices() -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let deleted = state.deleted.as_ref().map(|d| {
        html! {
            <div class="notice" role="status">
                <p>{ format!("Deleted \u{201c}{}\u{201d}.", d.entry.name) }</p>
                <div class="actions">
                    <button type="button" onclick={ctx.callback(|_: MouseEvent| Action::UndoDelete)}>{"Undo"}</button>
                </div>
            </div>
        }
    });
    html! {
        <div class="notices" aria-live="polite">
            { for state.notices.iter().enumerate().map(|(i, n)| notice(&ctx, i, n)) }
            { for deleted }
        </div>
    }
}

fn notice(ctx: &crate::context::Ctx, i: usize, n: &Notice) -> Html {
    let dismiss = ctx.callback(move |_: MouseEvent| Action::Dismiss(i));
    match n {
        Notice::Unreadable(p) => {
            let raw = p.raw.clone();
            let download = Callback::from(move |_: MouseEvent| {
                download_text("aims-readiness-unreadable-data.txt", "text/plain", &raw);
            });
            let kept = match &p.backup_key {
                Some(k) => format!("Its text was kept under the key \u{201c}{k}\u{201d} and can be downloaded."),
                None => "It was left untouched and can be downloaded; changes are kept in this tab only.".into(),
            };
            html! {
                <div class="notice notice-bad" role="alert">
                    <p><strong>{"Some saved data could not be read: "}</strong>{ format!("{}. ", p.reason) }{ kept }</p>
                    <div class="actions">
                        <button type="button" onclick={download}>{"Download the unreadable data"}</button>
                        <button type="button" class="secondary" onclick={dismiss}>{"Dismiss"}</button>
                    </div>
                </div>
            }
        }
        Notice::NotSaved(e) => html! {
            <div class="notice notice-warn" role="alert">
                <p><strong>{"Not saved: "}</strong>{ e.to_string() }</p>
                <div class="actions">
                    <a class="button" href="#/data">{"Export"}</a>
                    <button type="button" class="secondary" onclick={dismiss}>{"Dismiss"}</button>
                </div>
            </div>
        },
        Notice::Info(m) => html! {
            <div class="notice" role="status">
                <p>{ m.clone() }</p>
                <div class="actions"><button type="button" class="secondary" onclick={dismiss}>{"Dismiss"}</button></div>
            </div>
        },
    }
}
