//! The Data page: the organisation details of the open assessment, the saved assessments (open,
//! rename, duplicate, delete with undo, new; training cases listed apart), the exports (the
//! assessment file, CSV, Statement of Applicability, OSCAL, Markdown) and a share link, import
//! of the assessment file, a backup of everything in one file and its import (`backup.rs`),
//! and a reset that deletes everything saved in this browser after a
//! confirmation.

mod backup;
mod import;
mod organisation;

use crate::components::exports::{file_name, ExportButtons};
use crate::components::share_link::ShareLink;
use crate::context::{use_ctx, Ctx};
use crate::dom::{use_focus_after_render, FocusRequest};
use crate::download::download_text;
use crate::format::{saved_time, today_iso};
use crate::state::Action;
use crate::storage::Entry;
use aims_engine::assessment::{Assessment, Framework};
use backup::BackupBox;
use import::ImportBox;
use organisation::OrganisationForm;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A file name from a name and a date: `acme-ai-ltd-2026-11-28.json`.
pub fn export_file_name(name: &str, date: &str) -> String {
    file_name(name, None, date, "json")
}

/// Downloads an assessment as its JSON file, named after `name` and today.
fn export(assessment: &Assessment, name: &str) -> bool {
    let name = assessment
        .organisation
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(name);
    download_text(
        &export_file_name(name, &today_iso()),
        "application/json",
        &assessment.to_json(),
    )
}

/// The saved content of an assessment (the open one from memory).
fn content_of(ctx: &Ctx, id: &str) -> Option<Assessment> {
    if id == ctx.state.current {
        return Some((*ctx.state.assessment).clone());
    }
    let saved = stored(ctx, ctx.store.load_assessment(id, crate::persist::now_ms()))?;
    Some(saved.map(|s| s.assessment).unwrap_or_default())
}

/// A value read from storage, or `None` with the problem shown as a notice.
fn stored<T>(
    ctx: &Ctx,
    read: Result<Result<T, crate::storage::Problem>, crate::storage::SaveError>,
) -> Option<T> {
    match read {
        Ok(Ok(value)) => Some(value),
        Ok(Err(problem)) => {
            ctx.dispatch(Action::Problem(problem));
            None
        }
        Err(e) => {
            ctx.dispatch(Action::SaveFailed(e));
            None
        }
    }
}

#[function_component(DataPage)]
pub fn page() -> Html {
    let ctx = use_ctx();
    let name = ctx
        .state
        .current_entry()
        .map(|e| e.name.clone())
        .unwrap_or_default();
    html! {
        <div class="data-page">
            <p class="lead">{"Everything here is saved in this browser only. Export a file to keep a copy elsewhere or to share it."}</p>
            <section class="data-card" aria-labelledby="org-h">
                <h2 id="org-h">{"Organisation"}</h2>
                <p class="muted">{ format!("Details of the open assessment, \u{201c}{name}\u{201d}.") }</p>
                <OrganisationForm />
            </section>
            <section class="data-card" aria-labelledby="saved-h">
                <h2 id="saved-h">{"Saved assessments"}</h2>
                <SavedList />
            </section>
            <section class="data-card" aria-labelledby="transfer-h">
                <h2 id="transfer-h">{"Export and import"}</h2>
                <h3>{"Export"}</h3>
                <p>{ format!("Download the open assessment, \u{201c}{name}\u{201d}, as a file:") }</p>
                <ExportButtons />
                <h3>{"Share link"}</h3>
                <ShareLink />
                <h3>{"Import"}</h3>
                <ImportBox />
                <h3>{"Everything at once"}</h3>
                <BackupBox />
            </section>
            <section class="data-card data-danger" aria-labelledby="reset-h">
                <h2 id="reset-h">{"Reset"}</h2>
                <ResetBox />
            </section>
        </div>
    }
}

/// The saved assessments with their actions.
#[function_component(SavedList)]
fn saved_list() -> Html {
    let ctx = use_ctx();
    let renaming = use_state(|| None::<(String, String)>);
    let focus = use_focus_after_render();
    let framework = use_state(|| Framework::Iso42001);
    let count = ctx.state.entries.len();
    let on_new = {
        let ctx = ctx.clone();
        let framework = framework.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("Assessment {}", ctx.state.entries.len() + 1);
            ctx.save_now();
            ctx.dispatch(Action::New {
                name,
                framework: *framework,
            });
        })
    };
    let on_framework = {
        let framework = framework.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                framework.set(Framework::parse(&s.value()).unwrap_or(Framework::Iso42001));
            }
        })
    };
    // Training cases are listed apart from the user's own assessments.
    let (own, cases): (Vec<&Entry>, Vec<&Entry>) =
        ctx.state.entries.iter().partition(|e| e.case.is_none());
    html! {
        <>
            <p class="muted">{ format!("{count} saved in this browser. The open one is saved as you work.") }</p>
            <ul class="saved-list">{ for own.into_iter().map(|e| entry_row(&ctx, e, &renaming, &focus)) }</ul>
            if !cases.is_empty() {
                <p class="saved-group-label" id="saved-training">{"Training cases"}<span class="muted">{" \u{b7} your answers to the cases, kept apart from your own assessments"}</span></p>
                <ul class="saved-list saved-training" aria-labelledby="saved-training">{ for cases.into_iter().map(|e| entry_row(&ctx, e, &renaming, &focus)) }</ul>
            }
            <div class="new-assessment">
                <label for="new-framework">{"Framework of a new assessment"}</label>
                <select id="new-framework" onchange={on_framework}>
                    { for Framework::ALL.iter().map(|f| html! {
                        <option value={f.as_str()} selected={*f == *framework}>{ f.title() }</option>
                    }) }
                </select>
                <button type="button" id="new-assessment" onclick={on_new}>{"New assessment"}</button>
            </div>
        </>
    }
}

fn entry_row(
    ctx: &Ctx,
    e: &Entry,
    renaming: &UseStateHandle<Option<(String, String)>>,
    focus: &FocusRequest,
) -> Html {
    let id = e.id.clone();
    let is_open = id == ctx.state.current;
    let dom = format!(
        "saved-{}",
        id.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    let rename_btn = format!("{dom}-rename");
    let answered = is_open.then(|| {
        let a = &ctx.state.assessment;
        let (n, total) = aims_engine::readiness::answered(a);
        match a.framework() {
            Framework::Iso42001 => format!("{n} of {total} answered"),
            Framework::NistAiRmf => format!("{n} of {total} NIST AI RMF subcategories answered"),
        }
    });
    let editing = renaming
        .as_ref()
        .filter(|(rid, _)| *rid == id)
        .map(|(_, text)| text.clone());
    let title = match editing {
        Some(text) => {
            let input_id = format!("{dom}-name");
            let finish = {
                let renaming = renaming.clone();
                let ctx = ctx.clone();
                let id = id.clone();
                let rename_btn = rename_btn.clone();
                let focus = focus.clone();
                move |save: bool, text: String| {
                    if save {
                        ctx.dispatch(Action::Rename {
                            id: id.clone(),
                            name: text,
                        });
                    }
                    renaming.set(None);
                    focus.request(rename_btn.clone());
                }
            };
            let oninput = {
                let renaming = renaming.clone();
                let id = id.clone();
                Callback::from(move |ev: InputEvent| {
                    if let Some(i) = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        renaming.set(Some((id.clone(), i.value())));
                    }
                })
            };
            let onkeydown = {
                let finish = finish.clone();
                let text = text.clone();
                Callback::from(move |ev: KeyboardEvent| match ev.key().as_str() {
                    "Enter" => {
                        ev.prevent_default();
                        finish(true, text.clone());
                    }
                    "Escape" => {
                        ev.prevent_default();
                        finish(false, String::new());
                    }
                    _ => {}
                })
            };
            let save = {
                let finish = finish.clone();
                let text = text.clone();
                Callback::from(move |_: MouseEvent| finish(true, text.clone()))
            };
            let cancel = Callback::from(move |_: MouseEvent| finish(false, String::new()));
            html! {
                <div class="rename">
                    <label for={input_id.clone()}>{ format!("New name for \u{201c}{}\u{201d}", e.name) }</label>
                    <input id={input_id.clone()} type="text" value={text} maxlength="200" {oninput} {onkeydown}
                        aria-describedby={format!("{input_id}-hint")} />
                    <p class="input-hint" id={format!("{input_id}-hint")}>{"Enter saves, Escape cancels."}</p>
                    <div class="actions">
                        <button type="button" onclick={save}>{"Save name"}</button>
                        <button type="button" class="secondary" onclick={cancel}>{"Cancel"}</button>
                    </div>
                </div>
            }
        }
        None => html! {
            <h3 class="saved-name">
                { e.name.clone() }
                if is_open { <span class="badge-open">{"open"}</span> }
            </h3>
        },
    };
    let open = {
        let ctx = ctx.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| ctx.open(&id))
    };
    let rename = {
        let renaming = renaming.clone();
        let id = id.clone();
        let name = e.name.clone();
        let input_id = format!("{dom}-name");
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| {
            renaming.set(Some((id.clone(), name.clone())));
            focus.request(input_id.clone());
        })
    };
    let duplicate = {
        let ctx = ctx.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| ctx.duplicate(&id))
    };
    let delete = {
        let ctx = ctx.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| ctx.delete(&id))
    };
    let label = |verb: &str| format!("{verb} \u{201c}{}\u{201d}", e.name);
    let renaming_this = renaming.as_ref().is_some_and(|(rid, _)| *rid == id);
    html! {
        <li class={classes!("saved-item", is_open.then_some("is-open"))} id={dom.clone()}>
            { title }
            <p class="saved-meta">
                { if e.updated > 0.0 { format!("Last saved {}", saved_time(e.updated)) } else { "Not saved yet".to_string() } }
                if let Some(a) = answered { { format!(" \u{00b7} {a}") } }
            </p>
            if !renaming_this {
                <div class="actions">
                    if !is_open {
                        <button type="button" onclick={open} aria-label={label("Open")}>{"Open"}</button>
                    }
                    <button type="button" class="secondary" id={rename_btn} onclick={rename} aria-label={label("Rename")}>{"Rename"}</button>
                    <button type="button" class="secondary" onclick={duplicate} aria-label={label("Duplicate")}>{"Duplicate"}</button>
                    <button type="button" class="secondary danger" onclick={delete} aria-label={label("Delete")}>{"Delete"}</button>
                </div>
            }
        </li>
    }
}

/// "Delete all saved data": export offered first, then the word DELETE typed to confirm.
#[function_component(ResetBox)]
fn reset_box() -> Html {
    let ctx = use_ctx();
    let step = use_state(|| false);
    let typed = use_state(String::new);
    let focus = use_focus_after_render();
    const WORD: &str = "DELETE";
    let start = {
        let step = step.clone();
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| {
            step.set(true);
            focus.request("reset-confirm-word");
        })
    };
    let cancel = {
        let step = step.clone();
        let typed = typed.clone();
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| {
            step.set(false);
            typed.set(String::new());
            focus.request("reset-start");
        })
    };
    if !*step {
        return html! {
            <>
                <p>{"Delete every saved assessment, ROI input and backup of this app in this browser. You will be asked to confirm, and offered an export first."}</p>
                <div class="actions"><button type="button" id="reset-start" class="danger" onclick={start}>{"Delete all saved data\u{2026}"}</button></div>
            </>
        };
    }
    let confirmed = typed.trim() == WORD;
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                typed.set(i.value());
            }
        })
    };
    let delete_all = {
        let ctx = ctx.clone();
        let step = step.clone();
        let typed = typed.clone();
        Callback::from(move |_: MouseEvent| {
            if typed.trim() != WORD {
                return;
            }
            ctx.store.clear_all();
            ctx.dispatch(Action::Reset);
            step.set(false);
            typed.set(String::new());
        })
    };
    let exports = ctx.state.entries.iter().map(|e| {
        let ctx2 = ctx.clone();
        let id = e.id.clone();
        let name = e.name.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(a) = content_of(&ctx2, &id) {
                export(&a, &name);
            }
        });
        html! { <li><button type="button" class="secondary" {onclick}>{ format!("Export \u{201c}{}\u{201d}", e.name) }</button></li> }
    });
    html! {
        <div class="reset-confirm" role="group" aria-labelledby="reset-h">
            <p><strong>{"This cannot be undone."}</strong>{" Export what you want to keep first:"}</p>
            <ul class="reset-exports">{ for exports }</ul>
            <div class="form-field">
                <label for="reset-confirm-word">{ format!("Type {WORD} to confirm") }</label>
                <input id="reset-confirm-word" type="text" autocomplete="off" value={(*typed).clone()} {oninput} />
            </div>
            <div class="actions">
                <button type="button" id="reset-confirm" class="danger" disabled={!confirmed} onclick={delete_all}>{"Delete all saved data"}</button>
                <button type="button" class="secondary" onclick={cancel}>{"Cancel"}</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_file_names_come_from_the_name_and_date() {
        for (name, expected) in [
            ("Acme AI Ltd.", "acme-ai-ltd-2026-11-28.json"),
            ("  Zürich & Co / R&D ", "zürich-co-r-d-2026-11-28.json"),
            ("", "assessment-2026-11-28.json"),
            ("***", "assessment-2026-11-28.json"),
            ("a--b", "a-b-2026-11-28.json"),
        ] {
            assert_eq!(export_file_name(name, "2026-11-28"), expected, "{name}");
        }
        assert!(export_file_name(&"x".repeat(300), "d").len() < 80);
    }
}
