//! The quick scan (`#/quick-scan`): the catalog's plain-language questions, one per screen,
//! then an indicative readiness band, the verdict and the top three gaps.
//!
//! Each answer is written at once by the engine's rule (`aims_engine::quick_scan::answer`,
//! through `Action::QuickScan`): a level into the question's ISO/IEC 42001 items, the role into
//! the profile, the certificates into the organisation; so it is saved with the open assessment
//! and carried into the full assessment. There is no quick-scan state of its own: which option
//! shows as chosen, and where a returning visitor starts, come from the engine too. The band
//! and the verdict appear only when every question is answered.
//!
//! The first question, the organisation's role for AI, shows what the profile's list of AI
//! systems suggests (`aims_engine::quick_scan::profile_hint`): the option marked "Suggested"
//! and a sentence naming the systems; the user still chooses.
//!
//! Keyboard: the options are a native radio group (arrow keys move and choose, Space chooses),
//! Enter goes to the next question, and focus moves to the question's heading on every step.
//!
//! The page reads no context: the assessment, the result (the engine's `quick_scan::Summary`)
//! and the answer callbacks come in its props from [`QuickScanRoute`], which computes the
//! summary alone (`quick_scan::summary`, only that part of the report), so that the quick-scan
//! build does not link the rest of the report. Every sentence is the engine's
//! (`quick_scan::wording`), shared with the embeddable widget (`crate::widget`), which shows the
//! same screens with the same markup, written without Yew.

use crate::components::icon::{icon, Icon};
use crate::components::progress::Progress;
use crate::components::readiness::{gap_body, verdict_look};
use crate::components::readiness_band::ReadinessBandView;
use crate::context::use_ctx;
use crate::route::Route;
use crate::state::{Action, AppState};
use aims_engine::assessment::{Assessment, Framework};
use aims_engine::catalog::Question;
use aims_engine::quick_scan::{self, wording, Choice, Progress as ScanProgress, Summary};
use std::rc::Rc;
use yew::prelude::*;

const QUESTION_H: &str = "qs-question";
const END_H: &str = "qs-end-h";

#[derive(Properties, PartialEq)]
pub struct QuickScanProps {
    /// The open assessment, which holds the answers.
    pub assessment: Rc<Assessment>,
    /// Its result; `None` for a NIST AI RMF assessment, which the quick scan does not answer.
    pub summary: Option<Rc<Summary>>,
    /// Writes the answer to a question (its index; `None`: not sure).
    pub on_answer: Callback<(usize, Option<Choice>)>,
    /// Starts a new ISO/IEC 42001 assessment (offered when the open one is not).
    pub on_start_iso: Callback<()>,
}

/// The quick scan as the app's page, on the app's state: the open assessment, the engine's
/// summary of it (recomputed once per change of the assessment: its id or revision), and
/// callbacks that dispatch an answer and a new ISO/IEC 42001 assessment.
#[function_component(QuickScanRoute)]
pub fn route() -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    let app: &AppState = state;
    let summary = {
        let assessment = app.assessment.clone();
        use_memo((app.current.clone(), app.rev), move |_| {
            quick_scan::summary(&assessment).map(Rc::new)
        })
    };
    let on_answer = {
        let state = state.clone();
        Callback::from(move |(i, choice)| state.dispatch(Action::QuickScan(i, choice)))
    };
    let on_start_iso = {
        let state = state.clone();
        Callback::from(move |()| {
            state.dispatch(Action::New {
                name: "Quick scan".into(),
                framework: Framework::Iso42001,
            })
        })
    };
    let assessment = app.assessment.clone();
    let summary = (*summary).clone();
    html! { <QuickScanPage {assessment} {summary} {on_answer} {on_start_iso} /> }
}

#[function_component(QuickScanPage)]
pub fn page(props: &QuickScanProps) -> Html {
    let assessment = &props.assessment;
    let questions = Question::all();
    let n = questions.len();
    let progress = quick_scan::progress(assessment);
    let step = {
        let start = progress.first_unanswered;
        use_state(move || start)
    };
    // Every step after the first render puts focus on the new screen's heading.
    let heading = use_node_ref();
    {
        let mounted = use_mut_ref(|| false);
        let heading = heading.clone();
        use_effect_with(*step, move |_| {
            if *mounted.borrow() {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
            *mounted.borrow_mut() = true;
        });
    }
    // The first question answered on the prerendered page (index.html) before the app started:
    // the choice applied as if made here, a click on "Next" followed.
    {
        let assessment = props.assessment.clone();
        let on_answer = props.on_answer.clone();
        let step = step.clone();
        use_effect_with((), move |_| {
            let Some(early) = crate::app::take_prerendered_answer() else {
                return;
            };
            let i = *step;
            let Some(q) = Question::all().get(i) else {
                return;
            };
            if let Some((name, value)) = &early.chosen {
                let unanswered = quick_scan::chosen(q, &assessment).is_none();
                if name.strip_prefix("qs-") == Some(q.id) && unanswered {
                    if let Some(choice) = Choice::from_value(value) {
                        on_answer.emit((i, Some(choice)));
                    }
                }
            }
            if early.next {
                step.set(i + 1);
            }
        });
    }
    // Back from the end screen to an unanswered question, "Next" goes on to the next
    // unanswered one (or back to the end) rather than through every answered question.
    let returning = use_state(|| false);
    let go = |to: usize| {
        let step = step.clone();
        move || step.set(to.min(n))
    };

    let Some(summary) = props.summary.clone() else {
        let start_iso = props.on_start_iso.reform(|_: MouseEvent| ());
        return html! {
            <div class="callout callout-warn">
                { icon(Icon::Info) }
                <div>
                    <p>{"The open assessment is a NIST AI RMF self-assessment, and the quick scan answers ISO/IEC 42001 questions. Start a new ISO/IEC 42001 assessment for the quick scan; the NIST AI RMF one stays saved under Your data."}</p>
                    <p class="actions"><button type="button" onclick={start_iso}>{"Start a quick scan"}</button></p>
                </div>
            </div>
        };
    };

    let Some(q) = questions.get(*step) else {
        let jump = {
            let step = step.clone();
            let returning = returning.clone();
            Callback::from(move |(to, to_unanswered): (usize, bool)| {
                returning.set(to_unanswered);
                step.set(to.min(n));
            })
        };
        return end_screen(&summary, progress, jump, heading, props);
    };
    let i = *step;
    let choice = quick_scan::chosen(q, assessment);
    // The list of AI systems in the profile suggests the role answer; the user chooses it.
    let hint = quick_scan::profile_hint(q, assessment);
    let suggested = hint.as_ref().map(|h| h.suggested);
    let next_step = if *returning {
        questions
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, q)| quick_scan::chosen(q, assessment).is_none())
            .map_or(n, |(k, _)| k)
    } else {
        i + 1
    };
    let next = go(next_step);
    // "Next" is a plain button, not a form submission: a sandboxed frame without
    // `allow-forms` (the widget's iframe form) blocks submissions.
    let on_submit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let on_next = {
        let next = next.clone();
        Callback::from(move |_: MouseEvent| next())
    };
    let on_enter = {
        let next = next.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                next();
            }
        })
    };
    let on_skip = {
        let next = next.clone();
        Callback::from(move |_: MouseEvent| next())
    };
    let on_back = {
        let back = go(i.saturating_sub(1));
        Callback::from(move |_: MouseEvent| back())
    };
    let name = format!("qs-{}", q.id);
    let option = |value: Choice, level: Option<u8>, text: &'static str| {
        let key = value.value();
        let id = format!("{name}-{key}");
        let onchange = props.on_answer.reform(move |_: Event| (i, Some(value)));
        let checked = choice == Some(value);
        html! {
            <label for={id.clone()} class={classes!("qs-option", checked.then_some("qs-option-checked"))}>
                <input type="radio" id={id} name={name.clone()} value={key}
                    checked={checked} onchange={onchange} />
                if let Some(level) = level {
                    <span class="qs-level" aria-hidden="true">{ level }</span>
                }
                <span class="qs-text">{ text }</span>
                if suggested == Some(value) {
                    <span class="qs-suggested">{"Suggested"}</span>
                }
            </label>
        }
    };
    let options: Vec<Html> = quick_scan::choices(q)
        .into_iter()
        .map(|(choice, level, text)| option(choice, level, text))
        .collect();
    let applies = wording::applies(q, false);
    let last = i + 1 == n;
    html! {
        <section class="quick-scan" aria-labelledby={QUESTION_H}>
            <Progress id="qs-progress" label={wording::progress_label(i, progress)}
                value={i as u32 + 1} max={n as u32} />
            <form class="qs-card panel" onsubmit={on_submit}>
                <h2 id={QUESTION_H} tabindex="-1" ref={heading}>{ q.question }</h2>
                <p id="qs-help" class="muted">{ q.help }</p>
                <div class="qs-options" role="radiogroup" aria-labelledby={QUESTION_H}
                    aria-describedby={if hint.is_some() { "qs-help qs-profile-hint" } else { "qs-help" }}
                    onkeydown={on_enter}>
                    { for options }
                </div>
                if let Some(hint) = &hint {
                    <p id="qs-profile-hint" class={classes!("callout", if hint.differs { "callout-warn" } else { "callout-info" })}>
                        { icon(if hint.differs { Icon::Warning } else { Icon::Info }) }<span>{ hint.text.clone() }</span>
                    </p>
                }
                <p class="qs-applies muted small">{ applies }</p>
                <div class="qs-nav">
                    <button type="button" class="secondary" onclick={on_back} disabled={i == 0}>
                        <span aria-hidden="true">{"\u{2190} "}</span>{"Back"}
                    </button>
                    <button type="button" class="link-button qs-skip" onclick={on_skip}>{"Not sure / skip"}</button>
                    <button type="button" class="qs-next" onclick={on_next}>
                        { if last { "See my result" } else { "Next" } }<span aria-hidden="true">{" \u{2192}"}</span>
                    </button>
                </div>
            </form>
        </section>
    }
}

fn end_screen(
    summary: &Summary,
    progress: ScanProgress,
    jump: Callback<(usize, bool)>,
    heading: NodeRef,
    props: &QuickScanProps,
) -> Html {
    let review = {
        let jump = jump.clone();
        Callback::from(move |_: MouseEvent| jump.emit((0, false)))
    };
    if !progress.is_complete() {
        // No band and no verdict on a partial scan: say what is missing instead.
        return html! {
            <section class="qs-end" aria-labelledby={END_H}>
                <h2 id={END_H} tabindex="-1" ref={heading}>{ wording::partial_heading(progress) }</h2>
                <div class="callout callout-info">
                    { icon(Icon::Info) }
                    <p>{ wording::missing(progress) }</p>
                </div>
                <UnansweredList assessment={props.assessment.clone()} jump={jump} />
                <div class="actions qs-cta">
                    <button type="button" onclick={review}>{"Review your answers"}</button>
                </div>
            </section>
        };
    }
    let (verdict, verdict_icon, tone) = verdict_look(summary.verdict);
    let gaps = summary.top_gaps.iter().map(|g| {
        html! {
            <li class="qs-gap panel">
                <p class="qs-gap-title"><strong><span class="item-id">{ g.item.as_str() }</span>{" "}{ g.title }</strong></p>
                { gap_body(g) }
            </li>
        }
    });
    let gap_list = if summary.top_gaps.is_empty() {
        html! { <p class="muted">{ wording::no_gaps() }</p> }
    } else {
        html! { <ol class="qs-gaps">{ for gaps }</ol> }
    };
    let proposals = wording::proposals(summary, false);
    html! {
        <section class="qs-end" aria-labelledby={END_H}>
            <h2 id={END_H} tabindex="-1" ref={heading}>{"Your indicative readiness"}</h2>
            <ReadinessBandView readiness={summary.readiness} verdict={summary.verdict} />
            <p class="muted qs-indicative">
                { wording::indicative(progress, summary) }
            </p>
            <h3>{"If you were audited today"}</h3>
            <div class={classes!("verdict", "panel", tone)}>
                <span class="verdict-icon">{ icon(verdict_icon) }</span>
                <div>
                    <p class="verdict-title">{ verdict }</p>
                    <p>{ summary.verdict_reason.to_string() }</p>
                </div>
            </div>
            if let Some(note) = proposals {
                <p class="callout callout-info qs-proposals">{ note }</p>
            }
            <h3>{"Your top three gaps"}</h3>
            { gap_list }
            <div class="actions qs-cta">
                <a class="button" href={Route::Assessment.hash()}>{"Continue with the full assessment"}</a>
                <a class="button secondary" href={Route::Results.hash()}>{"See full results"}</a>
                <button type="button" class="link-button" onclick={review}>{"Review your answers"}</button>
            </div>
            <p class="muted small">{ wording::IN_THE_FULL_ASSESSMENT }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct UnansweredProps {
    assessment: Rc<Assessment>,
    /// To a question, and whether it is one of the unanswered.
    jump: Callback<(usize, bool)>,
}

/// The questions still without an answer, each a button that goes back to it.
#[function_component(UnansweredList)]
fn unanswered_list(props: &UnansweredProps) -> Html {
    let items = Question::all()
        .iter()
        .enumerate()
        .filter(|(_, q)| quick_scan::chosen(q, &props.assessment).is_none())
        .map(|(i, q)| {
            let jump = props.jump.clone();
            let onclick = Callback::from(move |_: MouseEvent| jump.emit((i, true)));
            html! {
                <li><button type="button" class="link-button qs-unanswered" {onclick}>
                    { wording::unanswered(i, q) }
                </button></li>
            }
        });
    html! { <ul class="qs-unanswered-list">{ for items }</ul> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prerendered_first_question_is_the_catalog_s() {
        // index.html shows the first question before the Wasm arrives (the e2e suite compares
        // the whole render; this catches a changed text at once).
        let html = include_str!("../../../index.html");
        let q = &Question::all()[0];
        let n = Question::all().len();
        assert!(
            html.contains(&format!(">{}</h2>", q.question)),
            "{}",
            q.question
        );
        assert!(html.contains(&format!(">{}</p>", q.help)), "{}", q.help);
        for (k, label) in q.option_labels().iter().enumerate() {
            let input = format!(r#"id="qs-{}-o{k}" name="qs-{}" value="o{k}""#, q.id, q.id);
            assert!(html.contains(&input), "{input}");
            assert!(
                html.contains(&format!(r#"<span class="qs-text">{label}</span>"#)),
                "{label}"
            );
        }
        assert!(html.contains(&format!("Question 1 of {n} \u{b7} 0 answered")));
    }
}
