//! Importing an assessment file: pick it or drop it, read it with the engine's reader, show its
//! errors and warnings grouped by item and field, and change nothing until the user chooses
//! "import as a new assessment" or "replace the open one". A file that cannot be read, or that
//! has any error, changes nothing at all.

use crate::context::use_ctx;
use crate::state::Action;
use aims_engine::assessment::{Assessment, Diagnostic, DiagnosticSeverity, ReadError, Refused};
use yew::prelude::*;

/// Files larger than the engine's reader accepts are refused before reading them from disk.
const MAX_BYTES: f64 = aims_engine::assessment::MAX_FILE_BYTES as f64;

/// What the import box shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Import {
    Idle,
    Reading(String),
    /// The file is not an assessment at all.
    Unreadable {
        file: String,
        error: ReadError,
    },
    /// The file could not be read from disk, or is too large.
    Refused {
        file: String,
        why: String,
    },
    /// Read, but with errors: nothing may be imported.
    Invalid {
        file: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// Read with at most warnings: waiting for the user's choice.
    Ready {
        file: String,
        assessment: Box<Assessment>,
        diagnostics: Vec<Diagnostic>,
    },
}

/// What reading a file's text gives: the engine's rule for a file to use
/// (`Assessment::read_strict`: warnings accepted, any error refuses it).
pub fn classify(file: &str, text: &str) -> Import {
    if aims_engine::backup::is_backup(text) {
        return Import::Refused {
            file: file.to_string(),
            why: "it is a backup of every assessment, not one assessment: import it with \u{201c}Backup file to import\u{201d} under \u{201c}Everything at once\u{201d} below".into(),
        };
    }
    let file = file.to_string();
    match Assessment::read_strict(text) {
        Err(Refused::Unreadable(error)) => Import::Unreadable { file, error },
        Err(Refused::Errors(diagnostics)) => Import::Invalid { file, diagnostics },
        Ok((assessment, diagnostics)) => Import::Ready {
            file,
            assessment: Box::new(assessment),
            diagnostics,
        },
    }
}

/// Diagnostics grouped by the item they are about (fields outside `answers` first), in the order
/// the file gives them; within a group, errors before warnings.
pub fn grouped(diagnostics: &[Diagnostic]) -> Vec<(Option<String>, Vec<&Diagnostic>)> {
    let mut groups: Vec<(Option<String>, Vec<&Diagnostic>)> = Vec::new();
    for d in diagnostics {
        match groups.iter_mut().find(|(item, _)| *item == d.item) {
            Some((_, list)) => list.push(d),
            None => groups.push((d.item.clone(), vec![d])),
        }
    }
    aims_engine::order::sort_by_key(&mut groups, |(item, _)| item.is_some());
    for (_, list) in &mut groups {
        aims_engine::order::sort_by_key(list, |d| d.severity != DiagnosticSeverity::Error);
    }
    groups
}

/// The name of a new assessment made from an imported file: its organisation, else the file's
/// name without `.json`.
pub fn name_for(assessment: &Assessment, file: &str) -> String {
    assessment
        .organisation
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| {
            let stem = file.strip_suffix(".json").unwrap_or(file).trim();
            if stem.is_empty() {
                "Imported assessment".to_string()
            } else {
                stem.to_string()
            }
        })
}

fn diagnostics_list(diagnostics: &[Diagnostic]) -> Html {
    html! {
        <div class="diagnostics">
            { for grouped(diagnostics).into_iter().map(|(item, list)| html! {
                <div class="diagnostic-group">
                    <h4>{ match &item { Some(i) => format!("Answer \u{201c}{i}\u{201d}"), None => "Other fields".to_string() } }</h4>
                    <ul>
                        { for list.into_iter().map(|d| {
                            let (class, word) = if d.is_error() { ("sev sev-error", "\u{2716} Error") } else { ("sev sev-warning", "\u{26a0} Warning") };
                            html! {
                                <li>
                                    <span class={class}>{ word }</span>{" "}
                                    <span class="diag-field">{ format!("field \u{201c}{}\u{201d}", d.field) }</span>{": "}
                                    { d.message.clone() }
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }) }
        </div>
    }
}

/// Reads the first file of a list and reports what it holds.
fn read_file(file: web_sys::File, state: UseStateHandle<Import>) {
    let name = file.name();
    if file.size() > MAX_BYTES {
        state.set(Import::Refused {
            file: name,
            why: format!(
                "it is {} MiB; an assessment file may be at most 1 MiB ({} bytes)",
                aims_engine::format::one_decimal(file.size() / 1048576.0),
                aims_engine::assessment::MAX_FILE_BYTES
            ),
        });
        return;
    }
    state.set(Import::Reading(name.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        match crate::dom::file_text(&file).await {
            Some(text) => state.set(classify(&name, &text)),
            None => state.set(Import::Refused {
                file: name,
                why: "the browser could not read it".into(),
            }),
        }
    });
}

#[function_component(ImportBox)]
pub fn import_box() -> Html {
    let ctx = use_ctx();
    let state = use_state(|| Import::Idle);
    let over = use_state(|| false);

    let onchange = {
        let state = state.clone();
        crate::dom::on_file_picked(move |file| read_file(file, state.clone()))
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*over {
                over.set(true);
            }
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let over = over.clone();
        let state = state.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                read_file(file, state.clone());
            }
        })
    };
    let cancel = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.set(Import::Idle))
    };

    let body = match &*state {
        Import::Idle => html! {},
        Import::Reading(file) => {
            html! { <p role="status">{ format!("Reading {file}\u{2026}") }</p> }
        }
        Import::Refused { file, why } => html! {
            <div class="notice notice-bad import-result" role="alert">
                <p><strong>{ format!("{file} was not imported: ") }</strong>{ format!("{why}. Nothing was changed.") }</p>
                <div class="actions"><button type="button" class="secondary" onclick={cancel}>{"Dismiss"}</button></div>
            </div>
        },
        Import::Unreadable { file, error } => {
            let at = match error {
                ReadError::Json { line, column, .. } => Some(
                    html! { <p class="import-where"><strong>{ format!("Line {line}, column {column}") }</strong></p> },
                ),
                _ => None,
            };
            html! {
                <div class="notice notice-bad import-result" role="alert">
                    <p><strong>{ format!("{file} cannot be imported. ") }</strong>{"Nothing was changed."}</p>
                    { for at }
                    <p class="import-error">{ error.to_string() }</p>
                    <div class="actions"><button type="button" class="secondary" onclick={cancel}>{"Dismiss"}</button></div>
                </div>
            }
        }
        Import::Invalid { file, diagnostics } => {
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            html! {
                <div class="notice notice-bad import-result" role="alert">
                    <p><strong>{ format!("{file} has {errors} error{}, so nothing was imported. ", if errors == 1 { "" } else { "s" }) }</strong>{"Correct the file and import it again."}</p>
                    { diagnostics_list(diagnostics) }
                    <div class="actions"><button type="button" class="secondary" onclick={cancel}>{"Dismiss"}</button></div>
                </div>
            }
        }
        Import::Ready {
            file,
            assessment,
            diagnostics,
        } => {
            let a = (**assessment).clone();
            let name = name_for(&a, file);
            let open_name = ctx
                .state
                .current_entry()
                .map(|e| e.name.clone())
                .unwrap_or_default();
            let answers = a.answers.len();
            let framework = a.framework().title();
            let as_new = {
                let ctx = ctx.clone();
                let state = state.clone();
                let a = a.clone();
                let name = name.clone();
                let file = file.clone();
                Callback::from(move |_: MouseEvent| {
                    ctx.save_now();
                    ctx.dispatch(Action::AddAsNew {
                        name: name.clone(),
                        assessment: a.clone(),
                        notice: format!(
                            "Imported {file} as the new assessment \u{201c}{name}\u{201d}."
                        ),
                    });
                    state.set(Import::Idle);
                })
            };
            let replace = {
                let ctx = ctx.clone();
                let state = state.clone();
                let file = file.clone();
                let open_name = open_name.clone();
                Callback::from(move |_: MouseEvent| {
                    ctx.dispatch(Action::Replace(a.clone()));
                    ctx.dispatch(Action::Info(format!(
                        "Imported {file} into \u{201c}{open_name}\u{201d}."
                    )));
                    state.set(Import::Idle);
                })
            };
            let warnings = diagnostics.len();
            html! {
                <div class="notice import-result import-ready" role="region" aria-label="Import this file?">
                    <p><strong>{ format!("{file} is a valid {framework} assessment") }</strong>
                        { format!(" of \u{201c}{name}\u{201d} with {answers} answer{}.", if answers == 1 { "" } else { "s" }) }
                        if warnings > 0 { { format!(" It has {warnings} warning{} (below); those values were kept or skipped as described.", if warnings == 1 { "" } else { "s" }) } }
                    </p>
                    if warnings > 0 { { diagnostics_list(diagnostics) } }
                    <p>{"How do you want to import it? Nothing changes until you choose."}</p>
                    <div class="actions">
                        <button type="button" onclick={as_new}>{"Import as a new assessment"}</button>
                        <button type="button" class="secondary" onclick={replace}>{ format!("Replace the open one (\u{201c}{open_name}\u{201d})") }</button>
                        <button type="button" class="secondary" onclick={cancel}>{"Cancel"}</button>
                    </div>
                </div>
            }
        }
    };
    html! {
        <div class="import">
            <div class={classes!("drop-zone", over.then_some("drag-over"))} {ondragover} {ondragleave} {ondrop}>
                <p><strong>{"Drop an assessment file here, or choose one."}</strong></p>
                <label for="import-file">{"Assessment file to import"}</label>
                <input id="import-file" class="file-input" type="file" accept=".json,application/json" {onchange} />
                <p class="muted">{"An aims-assessment JSON file, as exported here or by the aims command line. It is read in this browser only."}</p>
            </div>
            <div aria-live="polite">{ body }</div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_sorted_into_unreadable_invalid_and_ready() {
        assert!(matches!(
            classify("a.json", "{ nope"),
            Import::Unreadable {
                error: ReadError::Json { line: 1, .. },
                ..
            }
        ));
        let unknown = r#"{"format":"aims-assessment","version":1,"framework":"iso42001","answers":{"A.4.1":2}}"#;
        match classify("b.json", unknown) {
            Import::Invalid { diagnostics, .. } => {
                assert!(
                    diagnostics[0].message.contains("A.4.2"),
                    "{:?}",
                    diagnostics
                );
            }
            other => panic!("{other:?}"),
        }
        let backup = aims_engine::backup::Backup::default().to_json(None);
        match classify("all.json", &backup) {
            Import::Refused { why, .. } => assert!(why.contains("Everything at once"), "{why}"),
            other => panic!("{other:?}"),
        }
        let warned = r#"{"format":"aims-assessment","version":1,"framework":"iso42001","organisation":{"nmae":"x"},"answers":{"5.2":2}}"#;
        match classify("c.json", warned) {
            Import::Ready {
                diagnostics,
                assessment,
                ..
            } => {
                assert_eq!(assessment.answers.len(), 1);
                assert!(!diagnostics.is_empty() && diagnostics.iter().all(|d| !d.is_error()));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn diagnostics_are_grouped_by_item_with_other_fields_first() {
        let text = r#"{"format":"aims-assessment","version":1,"framework":"iso42001","organisation":{"employees":"many"},
            "answers":{"5.2":{"maturity":9,"colour":"red"},"A.4.1":1,"6.1.2":{"maturity":2}}}"#;
        let (_, diags) = Assessment::read(text).unwrap();
        let groups = grouped(&diags);
        assert_eq!(groups[0].0, None);
        let items: Vec<Option<String>> = groups.iter().map(|g| g.0.clone()).collect();
        assert!(
            items.contains(&Some("5.2".into())) && items.contains(&Some("A.4.1".into())),
            "{items:?}"
        );
        let five_two = groups
            .iter()
            .find(|g| g.0.as_deref() == Some("5.2"))
            .unwrap();
        assert!(five_two.1.len() >= 2 && five_two.1[0].is_error());
        assert_eq!(groups.iter().map(|g| g.1.len()).sum::<usize>(), diags.len());
    }

    #[test]
    fn a_new_assessment_is_named_after_its_organisation_or_file() {
        let mut a = Assessment::default();
        assert_eq!(name_for(&a, "acme-2026-01-02.json"), "acme-2026-01-02");
        assert_eq!(name_for(&a, ".json"), "Imported assessment");
        a.organisation.name = Some("  Acme  ".into());
        assert_eq!(name_for(&a, "x.json"), "Acme");
    }
}
