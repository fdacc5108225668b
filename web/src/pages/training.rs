//! Training mode: the built-in case studies (`#/training`) and one case
//! (`#/training/<case-id>`, optionally `?hide-model=1`).
//!
//! Opening a case shows its briefing and the learner's task, and opens the learner's own
//! assessment of it: a separate saved assessment marked with the case
//! ([`crate::storage::CaseRef`]), started from the case's organisation with no answers, so it
//! never mixes with the user's own assessments. The learner answers on the normal assessment
//! pages; back here, "Check my answers" shows the engine's comparison with the model answer.
//!
//! An instructor's link with `?hide-model=1` keeps the model answer (and the lesson) off the
//! page until the learner checks; the mark is kept with the saved assessment, so it holds after
//! a reload or a visit to the assessment pages. The cases, the starting file and the
//! comparison are the engine's (`aims_engine::training`); this module only presents them.

mod briefing;
mod comparison;

use crate::components::icon::{icon, Icon};
use crate::context::{use_ctx, use_report, Ctx};
use crate::dom::{app_base, select_on_focus, use_focus_after_render};
use crate::download::download_text;
use crate::format::sentence;
use crate::route::{use_location_hash, Route};
use crate::state::Action;
use crate::storage::CaseRef;
use crate::training_link::{case_hash, open_case, read_hash};
use aims_engine::training::{self, Case, Comparison};
use comparison::ComparisonView;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The name of a learner's saved assessment of a case.
pub fn learner_name(case: &Case) -> String {
    format!("Training: {}", case.title)
}

#[function_component(TrainingPage)]
pub fn page() -> Html {
    let hash = use_location_hash();
    let wanted = read_hash(&hash);
    match wanted.case {
        None => html! { <CaseList /> },
        Some(id) => match training::case(&id) {
            Ok(case) => {
                html! { <CasePage key={case.id} id={case.id} hide_model={wanted.hide_model} pass_mark={wanted.pass_mark} /> }
            }
            Err(e) => html! {
                <div class="notice notice-bad" role="alert">
                    <p><strong>{"This training case does not exist. "}</strong>{ sentence(&e.to_string()) }{"."}</p>
                    <p><a href={Route::Training.hash()}>{"See all training cases"}</a></p>
                </div>
            },
        },
    }
}

/// The list of cases, how training works, and the format of the links for a class.
#[function_component(CaseList)]
fn case_list() -> Html {
    let ctx = use_ctx();
    let started = |id: &str| {
        ctx.state
            .entries
            .iter()
            .any(|e| e.case.as_ref().is_some_and(|c| c.id == id))
    };
    let base = app_base();
    html! {
        <div class="training">
            <p class="lead">{"Case studies for courses and self-study: read about an organisation, assess it on the normal assessment pages, then check your answers against a model answer, item by item, with the reason for each."}</p>
            <ul class="choices case-list">
                { for training::cases().iter().map(|c| html! {
                    <li>
                        <a class="card" href={case_hash(c.id, false)}>
                            <strong>{ c.title }</strong>
                            <span>{ c.summary }</span>
                            if started(c.id) {
                                <span class="case-started">{ icon(Icon::Half) }<span>{"Started: your answers are saved"}</span></span>
                            }
                        </a>
                    </li>
                }) }
            </ul>
            <section aria-labelledby="training-how-h">
                <h2 id="training-how-h">{"How it works"}</h2>
                <ol class="training-steps">
                    <li>{"Open a case and read its briefing: the organisation, its AI systems and what an auditor would find on a visit, then the task."}</li>
                    <li>{"Opening a case starts a separate saved assessment for it, marked \u{201c}Training case\u{201d} and kept apart from your own assessments (see Your data). Assess it on the Full assessment pages as usual."}</li>
                    <li>{"Back on the case, \u{201c}Check my answers\u{201d} compares every item with the model answer (exact, within one level, off or missing), with the model\u{2019}s explanation and a score out of 100. Revise and check again as often as you like."}</li>
                </ol>
            </section>
            <section aria-labelledby="class-link-h">
                <h2 id="class-link-h">{"Link for your class"}</h2>
                <p>{"A link can open a case directly:"}</p>
                <p><code class="link-format">{ format!("{base}#/training/<case-id>") }</code></p>
                <p>{"Add "}<code>{"?hide-model=1"}</code>{" to keep the model answer and the lesson hidden until the learner checks their answers, and "}<code>{"pass-mark=80"}</code>{" (joined with "}<code>{"&"}</code>{") to set the share of items whose findings must agree with the model answer to pass (70% by default):"}</p>
                <p><code class="link-format">{ format!("{base}#/training/<case-id>?hide-model=1") }</code></p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Case ids">
                    <table class="case-ids">
                        <thead><tr><th scope="col">{"Case id"}</th><th scope="col">{"Case"}</th></tr></thead>
                        <tbody>
                            { for training::cases().iter().map(|c| html! {
                                <tr><td><code>{ c.id }</code></td><td>{ c.title }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <p class="muted">{"A link holds no answers and nothing is sent anywhere: each learner\u{2019}s answers stay in their own browser. Each case page shows its two links ready to copy. To grade a class, collect the learners\u{2019} exported files and run "}<code>{"aims compare FILE <case-id>"}</code>{"."}</p>
            </section>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CaseProps {
    id: &'static str,
    /// The page was opened with `?hide-model=1`.
    hide_model: bool,
    /// The page was opened with `?pass-mark=N`.
    #[prop_or_default]
    pass_mark: Option<u8>,
}

/// Opens the learner's assessment of a case: the saved one if there is one, else a new one.
fn open_learner_assessment(
    ctx: &Ctx,
    case: &Case,
    (hide_model, pass_mark): (bool, Option<u8>),
    seed_roi: &RefCell<bool>,
) {
    if open_case(ctx).is_some_and(|c| c.id == case.id) {
        return;
    }
    let saved = ctx
        .state
        .entries
        .iter()
        .find(|e| e.case.as_ref().is_some_and(|c| c.id == case.id))
        .map(|e| e.id.clone());
    match saved {
        Some(id) => ctx.open(&id),
        None => {
            ctx.save_now();
            *seed_roi.borrow_mut() = case.roi_inputs().is_some();
            ctx.dispatch(Action::StartCase {
                case: CaseRef {
                    id: case.id.to_string(),
                    hide_model,
                    pass_mark,
                },
                name: learner_name(case),
                assessment: case.start(),
            });
        }
    }
}

/// Saves the case's ROI figures (the startup case's) as the ROI inputs of assessment `id`.
fn seed_case_roi(ctx: &Ctx, case: &Case, id: &str) {
    let Some(json) = case.roi_inputs() else {
        return;
    };
    // The engine's tests read these inputs; a value that did not parse would leave the defaults.
    if let Ok(inputs) = serde_json::from_str::<serde_json::Value>(json) {
        if let Err(e) = ctx.store.save_roi(id, &inputs) {
            ctx.dispatch(Action::SaveFailed(e));
        }
    }
}

#[function_component(CasePage)]
fn case_page(props: &CaseProps) -> Html {
    let ctx = use_ctx();
    let report = use_report();
    let checked = use_state(|| false);
    let confirm_reset = use_state(|| false);
    let focus = use_focus_after_render();
    let seed_roi = use_mut_ref(|| false);
    let case = training::case(props.id).ok();
    let open = open_case(&ctx);
    let is_open = open.as_ref().is_some_and(|c| c.id == props.id);

    // Opening the page opens (or starts) the learner's assessment of this case.
    {
        let ctx = ctx.clone();
        let seed_roi = seed_roi.clone();
        let hide_model = (props.hide_model, props.pass_mark);
        use_effect_with(props.id, move |id| {
            if let Ok(case) = training::case(id) {
                open_learner_assessment(&ctx, case, hide_model, &seed_roi);
            }
        });
    }
    // Once a new assessment of the startup case is open, its ROI figures are saved with it.
    {
        let ctx = ctx.clone();
        let seed_roi = seed_roi.clone();
        use_effect_with(
            (props.id, ctx.state.current.clone(), is_open),
            move |(id, current, is_open)| {
                if *is_open && seed_roi.replace(false) {
                    if let Ok(case) = training::case(id) {
                        seed_case_roi(&ctx, case, current);
                    }
                }
            },
        );
    }
    // The instructor's pass mark: the link's, else the one saved with the learner's case.
    let pass_mark = props
        .pass_mark
        .or_else(|| open.as_ref().and_then(|c| c.pass_mark))
        .unwrap_or(training::DEFAULT_PASS_MARK);
    let comparison = {
        let assessment = ctx.state.assessment.clone();
        use_memo(
            (
                props.id,
                ctx.state.current.clone(),
                ctx.state.rev,
                *checked && is_open,
                pass_mark,
            ),
            move |(id, _, _, on, pass_mark)| -> Option<Result<Rc<Comparison>, String>> {
                if !*on {
                    return None;
                }
                let case = training::case(id).ok()?;
                Some(
                    case.check_with_pass_mark(&assessment, *pass_mark)
                        .map(Rc::new)
                        .map_err(|e| e.to_string()),
                )
            },
        )
    };

    let Some(case) = case else {
        return html! {};
    };
    if !is_open {
        return html! {
            <div class="training-case">
                <h2>{ case.title }</h2>
                <p role="status">{"Opening your assessment of this case\u{2026}"}</p>
            </div>
        };
    }
    let hidden = props.hide_model || open.as_ref().is_some_and(|c| c.hide_model);
    let model_visible = !hidden || *checked;
    let report = &*report;
    let entry_name = ctx
        .state
        .current_entry()
        .map(|e| e.name.clone())
        .unwrap_or_default();

    let check = {
        let checked = checked.clone();
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| {
            checked.set(true);
            focus.request("cmp-summary");
        })
    };
    let try_again = {
        let checked = checked.clone();
        Callback::from(move |_: MouseEvent| {
            checked.set(false);
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(Route::Assessment.hash());
            }
        })
    };
    let ask_reset = {
        let confirm_reset = confirm_reset.clone();
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_reset.set(true);
            focus.request("case-reset-confirm");
        })
    };
    let cancel_reset = {
        let confirm_reset = confirm_reset.clone();
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_reset.set(false);
            focus.request("case-reset");
        })
    };
    let reset = {
        let ctx = ctx.clone();
        let checked = checked.clone();
        let confirm_reset = confirm_reset.clone();
        let id = props.id;
        Callback::from(move |_: MouseEvent| {
            let Ok(case) = training::case(id) else {
                return;
            };
            ctx.dispatch(Action::Replace(case.start()));
            seed_case_roi(&ctx, case, &ctx.state.current);
            ctx.dispatch(Action::Info(
                "The training case was started over: your answers to it were cleared.".into(),
            ));
            checked.set(false);
            confirm_reset.set(false);
        })
    };
    let download_model = {
        let ctx = ctx.clone();
        let id = props.id;
        Callback::from(move |_: MouseEvent| {
            if let Ok(case) = training::case(id) {
                if !download_text(
                    &format!("{id}-model-answer.json"),
                    "application/json",
                    case.model_json(),
                ) {
                    ctx.dispatch(Action::Info("The browser refused the download. Try again, or allow downloads for this site.".into()));
                }
            }
        })
    };

    let result = match &*comparison {
        None => html! {},
        Some(Err(e)) => html! {
            <p class="notice notice-bad" role="alert">{ format!("Your answers cannot be checked: {e}.") }</p>
        },
        Some(Ok(c)) => html! {
            <>
                <ComparisonView comparison={c.clone()} />
                <div class="callout lesson">
                    { icon(Icon::Info) }
                    <p><strong>{"What this case teaches: "}</strong>{ case.lesson }</p>
                </div>
            </>
        },
    };
    let roi_note = case.roi_inputs().is_some().then(|| {
        html! {
            <p class="callout">
                { icon(Icon::Info) }
                <span>{"This case comes with the founders\u{2019} figures for the ROI page; they are loaded for your training assessment. "}
                <a href={Route::Roi.hash()}>{"Open the ROI page"}</a></span>
            </p>
        }
    });
    let base = app_base();
    html! {
        <div class="training-case">
            <p class="no-print"><a href={Route::Training.hash()}>{"\u{2190} All training cases"}</a></p>
            <h2 id="case-h">{ case.title }</h2>
            <p class="lead">{ case.summary }</p>
            <section class="panel training-status" aria-labelledby="status-h">
                <h3 id="status-h">{ icon(Icon::Info) }{" Your assessment of this case"}</h3>
                <p>{ format!(
                    "Saved in this browser as \u{201c}{entry_name}\u{201d}, apart from your own assessments. {} of {} items answered.",
                    report.answered, report.total
                ) }</p>
                <div class="actions">
                    <a class="button" href={Route::Assessment.hash()}>{"Assess on the assessment pages"}</a>
                    <a class="button secondary" href={Route::Results.hash()}>{"See the results"}</a>
                </div>
            </section>
            <section aria-labelledby="briefing-h">
                <h3 id="briefing-h">{"Briefing"}</h3>
                { briefing::view(case.briefing) }
            </section>
            <section aria-labelledby="task-h">
                <h3 id="task-h">{"Your task"}</h3>
                <p class="task">{ case.task }</p>
                { for roi_note }
            </section>
            <section class="panel training-check" aria-labelledby="check-h">
                <h3 id="check-h">{"Check your answers"}</h3>
                if hidden && !*checked {
                    <p>{"Your instructor has hidden the model answer until you submit. \u{201c}Check my answers\u{201d} submits your assessment as it is now and then shows the model answer; you can still revise and check again."}</p>
                } else if !*checked {
                    <p>{"Compare your assessment with the model answer, item by item. You can revise and check again as often as you like."}</p>
                }
                <div class="actions">
                    if *checked {
                        <button type="button" id="try-again" onclick={try_again}>{"Try again"}</button>
                    } else {
                        <button type="button" id="check-answers" onclick={check}>{"Check my answers"}</button>
                    }
                    <button type="button" class="secondary" id="case-reset" onclick={ask_reset}>{"Start over\u{2026}"}</button>
                </div>
                if *confirm_reset {
                    <div class="callout callout-warn case-reset" role="group" aria-labelledby="case-reset-q">
                        { icon(Icon::Warning) }
                        <div>
                            <p id="case-reset-q"><strong>{"Start this case over? "}</strong>{"Every answer you gave for it is cleared. Your own assessments are not touched."}</p>
                            <div class="actions">
                                <button type="button" class="danger" id="case-reset-confirm" onclick={reset}>{"Yes, start over"}</button>
                                <button type="button" class="secondary" onclick={cancel_reset}>{"Cancel"}</button>
                            </div>
                        </div>
                    </div>
                }
                { result }
            </section>
            if model_visible && !*checked {
                <details class="model-answer">
                    <summary>{"Model answer and lesson (for instructors)"}</summary>
                    <p><strong>{"What this case teaches: "}</strong>{ case.lesson }</p>
                    <p>{"The model answer rates every one of the 70 items, with a sentence on why; \u{201c}Check my answers\u{201d} shows it next to yours. It is an ordinary assessment file that also opens under Your data."}</p>
                    <button type="button" class="secondary" onclick={download_model}>{"Download the model answer (JSON)"}</button>
                </details>
            }
            <section class="class-links" aria-labelledby="class-h">
                <h3 id="class-h">{"Link for your class"}</h3>
                <p>{"These links open this case directly in AIMS Readiness; each learner\u{2019}s answers stay in their own browser."}</p>
                <div class="form-field">
                    <label for="class-link">{"Link to this case"}</label>
                    <input id="class-link" type="text" readonly=true value={format!("{base}{}", case_hash(props.id, false))} onfocus={select_on_focus()} />
                </div>
                <div class="form-field">
                    <label for="class-link-hidden">{"Link with the model answer hidden until the learner checks"}</label>
                    <input id="class-link-hidden" type="text" readonly=true value={format!("{base}{}", case_hash(props.id, true))} onfocus={select_on_focus()} />
                </div>
                <p class="muted">{"Format: "}<code>{"#/training/<case-id>"}</code>{", with "}<code>{"?hide-model=1"}</code>{" to hide the model answer until the learner checks. "}<a href={Route::Training.hash()}>{"All cases and their ids"}</a></p>
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_links_round_trip_through_the_hash() {
        for case in training::cases() {
            for hide in [false, true] {
                let got = read_hash(&case_hash(case.id, hide));
                assert_eq!(got.case.as_deref(), Some(case.id));
                assert_eq!(got.hide_model, hide);
                assert_eq!(
                    crate::route::Route::from_hash(&case_hash(case.id, hide)),
                    Route::Training
                );
            }
        }
    }

    #[test]
    fn a_learner_starts_from_the_case_organisation_with_no_answers() {
        for case in training::cases() {
            let start = case.start();
            assert!(start.answers.is_empty(), "{}", case.id);
            assert!(learner_name(case).starts_with("Training: "));
        }
        assert_eq!(sentence("no training case"), "No training case");
        assert_eq!(sentence(""), "");
    }
}
