//! Everything in one file: "Export everything" downloads every saved assessment with its name,
//! its training case and its ROI inputs (`aims_engine::backup`), and "Import everything" adds
//! the assessments of such a file as new ones, each with what it had, replacing nothing. The
//! file is read whole first: one error anywhere and nothing is imported.

use crate::context::{use_ctx, Ctx};
use crate::download::download_text;
use crate::format::today_iso;
use crate::state::Action;
use crate::storage::{CaseRef, Entry, Saved};
use aims_engine::backup::{Backup, BackupEntry, BackupError, MAX_BYTES};
use yew::prelude::*;

/// What the import of a backup shows.
#[derive(Clone, Debug, PartialEq)]
enum State {
    Idle,
    Reading(String),
    Refused { file: String, why: String },
    Ready { file: String, backup: Backup },
}

/// Every saved assessment as a backup, in the order of the list (the open one as it is now).
/// `None` (with the reason shown as a notice) when a saved one cannot be read.
fn backup_of(ctx: &Ctx) -> Option<Backup> {
    let now = crate::persist::now_ms();
    let mut assessments = Vec::new();
    for e in &ctx.state.entries {
        assessments.push(BackupEntry {
            name: e.name.clone(),
            assessment: super::content_of(ctx, &e.id)?,
            case: e.case.as_ref().and_then(|c| serde_json::to_value(c).ok()),
            roi: super::stored(ctx, ctx.store.load_roi(&e.id, now))?,
        });
    }
    Some(Backup { assessments })
}

/// The training case records of a backup, read as the app stores them; an error names the
/// field (`assessments[2].case`).
fn cases_of(backup: &Backup) -> Result<Vec<Option<CaseRef>>, String> {
    backup
        .assessments
        .iter()
        .enumerate()
        .map(|(i, e)| match &e.case {
            None => Ok(None),
            Some(v) => serde_json::from_value(v.clone())
                .map(Some)
                .map_err(|err| format!("field \"assessments[{i}].case\": {err}")),
        })
        .collect()
}

/// Writes each assessment of the backup (and its ROI inputs) under a new id, then adds them to
/// the list. Stops at the first write that fails (storage full), adding what was written.
fn import_all(ctx: &Ctx, backup: &Backup, cases: Vec<Option<CaseRef>>) {
    let now = crate::persist::now_ms();
    let mut entries = Vec::new();
    for (k, (e, case)) in backup.assessments.iter().zip(cases).enumerate() {
        let id = format!("{}-b{:x}-{k}", ctx.state.tab, now as u64);
        let saved = Saved {
            assessment: e.assessment.clone(),
            rev: 1,
            writer: ctx.state.tab.clone(),
            overrode: Vec::new(),
        };
        let written = ctx
            .store
            .save_assessment(&id, &saved, now)
            .and_then(|()| match &e.roi {
                Some(roi) => ctx.store.save_roi(&id, roi),
                None => Ok(()),
            });
        if let Err(err) = written {
            ctx.store.remove_assessment(&id);
            ctx.dispatch(Action::SaveFailed(err));
            break;
        }
        entries.push(Entry {
            id,
            name: e.name.clone(),
            updated: now,
            named: 0,
            case,
        });
    }
    if !entries.is_empty() {
        ctx.dispatch(Action::Imported(entries));
    }
}

fn read_file(file: web_sys::File, state: UseStateHandle<State>) {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        state.set(State::Refused {
            why: BackupError::TooLarge {
                bytes: file.size() as usize,
            }
            .to_string(),
            file: name,
        });
        return;
    }
    state.set(State::Reading(name.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        state.set(match crate::dom::file_text(&file).await {
            Some(text) => match Backup::read(&text) {
                Ok(backup) => match cases_of(&backup) {
                    Ok(_) => State::Ready { file: name, backup },
                    Err(why) => State::Refused { file: name, why },
                },
                Err(e) => State::Refused {
                    file: name,
                    why: e.to_string(),
                },
            },
            None => State::Refused {
                file: name,
                why: "the browser could not read it".into(),
            },
        });
    });
}

#[function_component(BackupBox)]
pub fn backup_box() -> Html {
    let ctx = use_ctx();
    let state = use_state(|| State::Idle);
    let count = ctx.state.entries.len();
    let export = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(b) = backup_of(&ctx) {
                let date = today_iso();
                download_text(
                    &format!("aims-backup-{date}.json"),
                    "application/json",
                    &b.to_json(Some(&date)),
                );
            }
        })
    };
    let onchange = {
        let state = state.clone();
        crate::dom::on_file_picked(move |file| read_file(file, state.clone()))
    };
    let cancel = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.set(State::Idle))
    };
    let body = match &*state {
        State::Idle => html! {},
        State::Reading(file) => {
            html! { <p role="status">{ format!("Reading {file}\u{2026}") }</p> }
        }
        State::Refused { file, why } => html! {
            <div class="notice notice-bad import-result" role="alert">
                <p><strong>{ format!("{file} cannot be imported: ") }</strong>{ format!("{why}. Nothing was changed.") }</p>
            </div>
        },
        State::Ready { file, backup } => {
            let n = backup.assessments.len();
            let import = {
                let ctx = ctx.clone();
                let state = state.clone();
                let backup = backup.clone();
                Callback::from(move |_: MouseEvent| {
                    if let Ok(cases) = cases_of(&backup) {
                        import_all(&ctx, &backup, cases);
                    }
                    state.set(State::Idle);
                })
            };
            html! {
                <div class="import-result" role="status">
                    <p><strong>{ format!("{file} is a backup of {n} assessment{}", if n == 1 { "" } else { "s" }) }</strong>
                        { ": each is added as a new assessment, with its name, training case and ROI inputs. Nothing you have is replaced." }</p>
                    <ul class="backup-names">
                        { for backup.assessments.iter().map(|e| html! { <li>{ &e.name }</li> }) }
                    </ul>
                    <div class="actions">
                        <button type="button" id="backup-import" onclick={import} disabled={n == 0}>{ format!("Import all {n}") }</button>
                        <button type="button" class="secondary" onclick={cancel}>{"Cancel"}</button>
                    </div>
                </div>
            }
        }
    };
    html! {
        <div class="backup-box">
            <p>{ format!("All {count} saved assessment{} in one file, with their names, training cases and ROI inputs, to move them to another browser or keep a copy:", if count == 1 { "" } else { "s" }) }</p>
            <div class="actions">
                <button type="button" id="backup-export" class="secondary" onclick={export}>{"Export everything"}</button>
            </div>
            <label for="backup-file">{"Backup file to import (every assessment in it)"}</label>
            <input id="backup-file" class="file-input" type="file" accept=".json,application/json" {onchange} />
            { body }
        </div>
    }
}
