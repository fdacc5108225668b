//! Opening a share link (`#/share/<token>`): the whole assessment travels in the URL fragment,
//! which browsers never send to a server.
//!
//! The token is read with the engine's bounded decoder (`aims_engine::share::decode`: limits on
//! the link's length and on the unpacked size, every failure a `ShareError`). A link that reads
//! is summarised (organisation, answers, readiness) and nothing changes until the user chooses
//! "Open as a new assessment" or "Replace the open one" (after a warning), or cancels. A link
//! that cannot be read shows what is wrong and changes nothing. After any choice the hash is
//! replaced in the history, so a reload or Back does not offer the import again.

use crate::components::icon::{icon, Icon};
use crate::components::readiness::verdict_look;
use crate::context::use_ctx;
use crate::format::{one_decimal, sentence};
use crate::route::{replace_hash, use_location_hash, Route};
use crate::state::Action;
use aims_engine::assessment::{Assessment, Diagnostic, Framework};
use aims_engine::readiness::score;
use aims_engine::scoring::Report;
use aims_engine::share::{self, ShareError};
use std::rc::Rc;
use yew::prelude::*;

/// The token of a `#/share/<token>` hash (empty when there is none).
pub fn token_of(hash: &str) -> &str {
    let h = hash.trim_start_matches('#').trim_start_matches('/');
    h.strip_prefix("share")
        .map(|rest| rest.trim_start_matches('/'))
        .unwrap_or("")
}

/// What a share link holds.
#[derive(Clone, Debug)]
pub enum Shared {
    /// The link cannot be read.
    Bad(ShareError),
    /// It holds an assessment with errors (answers that could not be read): nothing imported.
    Invalid(Vec<Diagnostic>),
    /// Readable, with at most warnings: waiting for the user's choice.
    Ready {
        assessment: Rc<Assessment>,
        diagnostics: Vec<Diagnostic>,
        report: Rc<Report>,
    },
}

/// Reads a share token (never panics; the engine bounds the work).
pub fn read(token: &str) -> Shared {
    match share::decode(token) {
        Err(e) => Shared::Bad(e),
        Ok((_, diagnostics)) if diagnostics.iter().any(Diagnostic::is_error) => {
            Shared::Invalid(diagnostics)
        }
        Ok((assessment, diagnostics)) => {
            let report = Rc::new(score(&assessment));
            Shared::Ready {
                assessment: Rc::new(assessment),
                diagnostics,
                report,
            }
        }
    }
}

/// The name of a new assessment opened from a link: its organisation, else a plain name.
pub fn name_for(a: &Assessment) -> String {
    a.organisation
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map_or_else(|| "Shared assessment".to_string(), str::to_string)
}

fn answered_text(a: &Assessment, report: &Report) -> String {
    match a.framework() {
        Framework::Iso42001 => format!("{} of {} items", report.answered, report.total),
        Framework::NistAiRmf => format!("{} NIST AI RMF subcategories", a.answers.len()),
    }
}

fn readiness_text(report: &Report) -> String {
    match report.readiness {
        None => "not scored yet (nothing rated)".into(),
        Some(r) => format!("{} of 100", one_decimal(r)),
    }
}

fn verdict_text(report: &Report) -> String {
    let (verdict, _, _) = verdict_look(report.verdict);
    if report.provisional {
        format!("{verdict} (provisional: items remain to be assessed)")
    } else {
        verdict.to_string()
    }
}

#[function_component(SharePage)]
pub fn page() -> Html {
    let ctx = use_ctx();
    let hash = use_location_hash();
    let shared = use_memo(token_of(&hash).to_string(), |token| read(token));
    let confirm_replace = use_state(|| false);

    let cancel = Callback::from(|_: MouseEvent| replace_hash(Route::Start.hash()));
    let privacy = html! {
        <p class="muted">{"The assessment travels inside the link, after the #, which browsers never send to a server: it was read in this browser only."}</p>
    };
    match &*shared {
        Shared::Bad(e) => {
            let empty = matches!(e, ShareError::Empty);
            html! {
                <div class="notice notice-bad share-error" role="alert">
                    <h2>{ if empty { "This address holds no share link" } else { "This share link cannot be opened" } }</h2>
                    <p class="share-message">{ sentence(&e.to_string()) }{"."}</p>
                    <p>{ format!("Nothing was changed. (Error: {}.)", e.kind()) }</p>
                    <p>{"Ask the sender for a new link, or for the assessment file (Your data \u{2192} Export), which opens under Your data \u{2192} Import."}</p>
                    <div class="actions">
                        <a class="button secondary" href={Route::Start.hash()}>{"Go to the start page"}</a>
                        <a class="button secondary" href={Route::Data.hash()}>{"Your data"}</a>
                    </div>
                </div>
            }
        }
        Shared::Invalid(diagnostics) => {
            let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
            html! {
                <div class="notice notice-bad share-error" role="alert">
                    <h2>{"This share link cannot be opened"}</h2>
                    <p class="share-message">{ format!(
                        "The link holds an assessment with {} error{}, so nothing was imported:",
                        errors.len(), if errors.len() == 1 { "" } else { "s" }
                    ) }</p>
                    <ul>
                        { for errors.iter().take(10).map(|d| html! {
                            <li>{ format!("{}field \u{201c}{}\u{201d}: {}",
                                d.item.as_deref().map(|i| format!("answer \u{201c}{i}\u{201d}, ")).unwrap_or_default(),
                                d.field, d.message) }</li>
                        }) }
                    </ul>
                    <p>{"Nothing was changed."}</p>
                    <div class="actions"><a class="button secondary" href={Route::Start.hash()}>{"Go to the start page"}</a></div>
                </div>
            }
        }
        Shared::Ready {
            assessment,
            diagnostics,
            report,
        } => {
            let name = name_for(assessment);
            let open_name = ctx
                .state
                .current_entry()
                .map(|e| e.name.clone())
                .unwrap_or_default();
            let as_new = {
                let ctx = ctx.clone();
                let a = assessment.clone();
                let name = name.clone();
                Callback::from(move |_: MouseEvent| {
                    ctx.save_now();
                    ctx.dispatch(Action::AddAsNew {
                        name: name.clone(),
                        assessment: (*a).clone(),
                        notice: format!(
                            "Opened the shared assessment as the new assessment \u{201c}{name}\u{201d}."
                        ),
                    });
                    replace_hash(Route::Results.hash());
                })
            };
            let ask_replace = {
                let confirm_replace = confirm_replace.clone();
                Callback::from(move |_: MouseEvent| confirm_replace.set(true))
            };
            let back = {
                let confirm_replace = confirm_replace.clone();
                Callback::from(move |_: MouseEvent| confirm_replace.set(false))
            };
            let replace = {
                let ctx = ctx.clone();
                let a = assessment.clone();
                let open_name = open_name.clone();
                Callback::from(move |_: MouseEvent| {
                    ctx.dispatch(Action::Replace((*a).clone()));
                    ctx.dispatch(Action::Info(format!(
                        "Replaced \u{201c}{open_name}\u{201d} with the shared assessment."
                    )));
                    replace_hash(Route::Results.hash());
                })
            };
            let organisation = assessment
                .organisation
                .name
                .clone()
                .unwrap_or_else(|| "not named".into());
            let warnings = diagnostics.len();
            let (_, verdict_icon, _) = verdict_look(report.verdict);
            html! {
                <section class="panel share-confirm" aria-labelledby="share-h">
                    <h2 id="share-h">{"Open this shared assessment?"}</h2>
                    <dl class="share-facts">
                        <div><dt>{"Organisation"}</dt><dd id="share-org">{ organisation }</dd></div>
                        <div><dt>{"Framework"}</dt><dd>{ assessment.framework().title() }</dd></div>
                        <div><dt>{"Answered"}</dt><dd id="share-answered">{ answered_text(assessment, report) }</dd></div>
                        <div><dt>{"Readiness"}</dt><dd id="share-readiness">{ readiness_text(report) }</dd></div>
                        if report.readiness.is_some() {
                            <div class="share-verdict"><dt>{"Verdict"}</dt><dd id="share-verdict">{ icon(verdict_icon) }{" "}{ verdict_text(report) }</dd></div>
                        }
                    </dl>
                    if warnings > 0 {
                        <details class="share-warnings">
                            <summary>{ format!("{warnings} warning{} while reading it (values kept or skipped)", if warnings == 1 { "" } else { "s" }) }</summary>
                            <ul>{ for diagnostics.iter().map(|d| html! { <li>{ format!("field \u{201c}{}\u{201d}: {}", d.field, d.message) }</li> }) }</ul>
                        </details>
                    }
                    { privacy }
                    <p>{"Nothing changes until you choose."}</p>
                    if *confirm_replace {
                        <div class="callout callout-warn" role="group" aria-labelledby="share-replace-q">
                            { icon(Icon::Warning) }
                            <div>
                                <p id="share-replace-q"><strong>{ format!("Replace \u{201c}{open_name}\u{201d}? ") }</strong>
                                    {"All its answers and organisation details are overwritten by the shared ones. Export it first (Your data) if you want to keep them."}</p>
                                <div class="actions">
                                    <button type="button" class="danger" id="share-replace-confirm" onclick={replace}>{ format!("Replace \u{201c}{open_name}\u{201d}") }</button>
                                    <button type="button" class="secondary" onclick={back}>{"Back"}</button>
                                </div>
                            </div>
                        </div>
                    } else {
                        <div class="actions">
                            <button type="button" id="share-open-new" onclick={as_new}>{"Open as a new assessment"}</button>
                            <button type="button" class="secondary" id="share-replace" onclick={ask_replace}>{ format!("Replace the open one (\u{201c}{open_name}\u{201d})\u{2026}") }</button>
                            <button type="button" class="secondary" id="share-cancel" onclick={cancel}>{"Cancel"}</button>
                        </div>
                    }
                </section>
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::assessment::{Answer, Answers};
    use aims_engine::catalog::IsoId;

    #[test]
    fn the_token_is_what_follows_the_route() {
        assert_eq!(token_of("#/share/a1.xyz"), "a1.xyz");
        assert_eq!(token_of("#/share"), "");
        assert_eq!(token_of("#/share/"), "");
        assert_eq!(token_of("#share/a1.q"), "a1.q");
    }

    #[test]
    fn a_link_reads_back_to_the_same_assessment_and_bad_ones_say_why() {
        let mut a = Assessment::default();
        a.organisation.name = Some("Acme <b>".into());
        if let Answers::Iso42001(m) = &mut a.answers {
            m.insert(IsoId::parse("5.2").unwrap(), Answer::rated(2));
        }
        let token = share::encode(&a).unwrap();
        match read(&token) {
            Shared::Ready { assessment, .. } => assert_eq!(*assessment, a),
            other => panic!("{other:?}"),
        }
        assert_eq!(name_for(&a), "Acme <b>");
        assert_eq!(name_for(&Assessment::default()), "Shared assessment");

        let bad = |t: &str| match read(t) {
            Shared::Bad(e) => e.kind(),
            other => panic!("{other:?}"),
        };
        assert_eq!(bad(""), "empty");
        let cut = bad(&token[..token.len() / 2]);
        assert!(
            matches!(cut, "bad_compression" | "bad_base64_length"),
            "{cut}"
        );
        let mut tampered = token.clone();
        tampered.replace_range(20..24, "!!!!");
        assert_eq!(bad(&tampered), "bad_base64");
        assert_eq!(bad(&format!("a1.{}", "A".repeat(70_000))), "too_long");
        assert_eq!(bad("b1.xyz"), "bad_prefix");
    }
}
