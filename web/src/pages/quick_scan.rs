//! The quick scan (`#/quick-scan`): the catalog's plain-language questions, one per screen,
//! then an indicative readiness band, the verdict and the top three gaps.
//!
//! Each answer is applied at once to the question's ISO/IEC 42001 items
//! (`Action::SetMany`), so it is saved with the open assessment and carried into the full
//! assessment. There is no quick-scan state of its own: a question shows as answered when all
//! its applicable items share a maturity, and a returning visitor starts at the first question
//! that is not.
//!
//! Keyboard: the options are a native radio group (arrow keys move and choose, Space chooses),
//! Enter goes to the next question, and focus moves to the question's heading on every step.
//!
//! The same component is the embeddable widget's body (`crate::embed`): with `embedded` it
//! links to none of the app's pages, and `on_complete` tells the widget the scan was finished.

use crate::components::icon::{icon, Icon};
use crate::components::progress::Progress;
use crate::components::readiness::verdict_look;
use crate::components::readiness_band::ReadinessBandView;
use crate::context::use_ctx;
use crate::route::Route;
use crate::state::Action;
use aims_engine::assessment::{Framework, IsoAnswers};
use aims_engine::catalog::{Question, QUICK_SCAN_OPTIONS};
use aims_engine::scoring::Report;
use std::rc::Rc;
use yew::prelude::*;

/// The option chosen for a question: the maturity its applicable items share, if they all
/// have the same one.
pub fn chosen(q: &Question, answers: &IsoAnswers) -> Option<u8> {
    let mut levels = q
        .items
        .iter()
        .filter(|id| answers.get(id).is_none_or(|a| a.applicable))
        .map(|id| answers.get(id).and_then(|a| a.maturity()));
    let first = levels.next()??;
    levels.all(|m| m == Some(first)).then_some(first)
}

/// The first question without a chosen option, or the number of questions (the end screen)
/// when every question has one.
pub fn first_unanswered(questions: &[Question], answers: &IsoAnswers) -> usize {
    questions
        .iter()
        .position(|q| chosen(q, answers).is_none())
        .unwrap_or(questions.len())
}

const QUESTION_H: &str = "qs-question";
const END_H: &str = "qs-end-h";

#[derive(Properties, PartialEq, Default)]
pub struct QuickScanProps {
    /// Rendered in the embeddable widget: no links into the app's pages, wording for a host page.
    #[prop_or_default]
    pub embedded: bool,
    /// Called with the report when the visitor reaches the result screen by answering (not when
    /// a returning visitor opens on it).
    #[prop_or_default]
    pub on_complete: Callback<Rc<Report>>,
    /// In the widget: the full app's address, linked from the result screen when given.
    #[prop_or_default]
    pub app_url: Option<AttrValue>,
}

#[function_component(QuickScanPage)]
pub fn page(props: &QuickScanProps) -> Html {
    let ctx = use_ctx();
    let questions = Question::all();
    let n = questions.len();
    let empty = IsoAnswers::new();
    let answers = ctx.state.assessment.iso_answers().unwrap_or(&empty);
    let step = {
        let start = first_unanswered(questions, answers);
        use_state(move || start)
    };
    // Every step after the first render puts focus on the new screen's heading (by reference,
    // so that it also works inside the widget's shadow root); reaching the end screen that way
    // completes the scan.
    let heading = use_node_ref();
    {
        let mounted = use_mut_ref(|| false);
        let heading = heading.clone();
        let on_complete = props.on_complete.clone();
        let report = ctx.report.clone();
        use_effect_with((*step, n), move |(s, n)| {
            if *mounted.borrow() {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
                if *s >= *n {
                    on_complete.emit(report);
                }
            }
            *mounted.borrow_mut() = true;
        });
    }
    let go = |to: usize| {
        let step = step.clone();
        move || step.set(to.min(n))
    };

    if ctx.state.assessment.framework() != Framework::Iso42001 {
        let start_iso = ctx.callback(|_: MouseEvent| Action::New {
            name: "Quick scan".into(),
            framework: Framework::Iso42001,
        });
        return html! {
            <div class="callout callout-warn">
                { icon(Icon::Info) }
                <div>
                    <p>{"The open assessment is a NIST AI RMF self-assessment, and the quick scan answers ISO/IEC 42001 questions. Start a new ISO/IEC 42001 assessment for the quick scan; the NIST AI RMF one stays saved under Your data."}</p>
                    <p class="actions"><button type="button" onclick={start_iso}>{"Start a quick scan"}</button></p>
                </div>
            </div>
        };
    }

    let Some(q) = questions.get(*step) else {
        return end_screen(
            &ctx.report,
            n,
            Callback::from({
                let back = go(0);
                move |_: MouseEvent| back()
            }),
            heading,
            props,
        );
    };
    let i = *step;
    let choice = chosen(q, answers);
    let next = go(i + 1);
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
    let options = QUICK_SCAN_OPTIONS.iter().map(|&(level, text)| {
        let id = format!("{name}-{level}");
        let items = q.items.to_vec();
        let onchange = ctx.callback(move |_: Event| Action::SetMany(items.clone(), Some(level)));
        let checked = choice == Some(level);
        html! {
            <label for={id.clone()} class={classes!("qs-option", checked.then_some("qs-option-checked"))}>
                <input type="radio" id={id} name={name.clone()} value={level.to_string()}
                    checked={checked} onchange={onchange} />
                <span class="qs-level" aria-hidden="true">{ level }</span>
                <span class="qs-text">{ text }</span>
            </label>
        }
    });
    let applies = q
        .items
        .iter()
        .map(|id| id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let last = i + 1 == n;
    html! {
        <section class="quick-scan" aria-labelledby={QUESTION_H}>
            <Progress id="qs-progress" label={format!("Question {} of {n}", i + 1)}
                value={i as u32 + 1} max={n as u32} />
            <form class="qs-card panel" onsubmit={on_submit}>
                <h2 id={QUESTION_H} tabindex="-1" ref={heading}>{ q.question }</h2>
                <p id="qs-help" class="muted">{ q.help }</p>
                <div class="qs-options" role="radiogroup" aria-labelledby={QUESTION_H}
                    aria-describedby="qs-help" onkeydown={on_enter}>
                    { for options }
                </div>
                <p class="qs-applies muted small">
                    if props.embedded {
                        { format!("Covers ISO/IEC 42001 {applies}. Your answer is saved in this browser only.") }
                    } else {
                        { format!("Your answer is saved in this browser and applied to ISO/IEC 42001 {applies} in the full assessment.") }
                    }
                </p>
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
    report: &Report,
    questions: usize,
    review: Callback<MouseEvent>,
    heading: NodeRef,
    props: &QuickScanProps,
) -> Html {
    let (verdict, verdict_icon, tone) = verdict_look(report.verdict);
    let gaps = report.gaps.iter().take(3).map(|g| {
        html! {
            <li class="qs-gap panel">
                <p class="qs-gap-title"><strong><span class="item-id">{ g.item.as_str() }</span>{" "}{ g.title }</strong></p>
                <p class="gap-levels">
                    {"Maturity "}<strong>{ g.current }</strong>
                    <span aria-hidden="true">{" \u{2192} "}</span><span class="visually-hidden">{" to "}</span>
                    {"target "}<strong>{ g.target }</strong>
                    <span class="muted">{ format!(" \u{b7} {} criticality", g.criticality.as_str()) }</span>
                </p>
                <p class="gap-action"><span class="muted">{"Next step: "}</span>{ g.action.to_string() }</p>
            </li>
        }
    });
    let gap_body = if report.gaps.is_empty() {
        html! { <p class="muted">{"No gap among the items your answers cover: every one is at its target."}</p> }
    } else {
        html! { <ol class="qs-gaps">{ for gaps }</ol> }
    };
    html! {
        <section class="qs-end" aria-labelledby={END_H}>
            <h2 id={END_H} tabindex="-1" ref={heading}>{"Your indicative readiness"}</h2>
            <ReadinessBandView readiness={report.readiness} />
            <p class="muted qs-indicative">
                { format!("Indicative only: {questions} short questions give a first reading, applied to {} of the {} items a certification audit covers. The full assessment rates each item with its own guidance and gives the reliable figure.", report.answered, report.total) }
            </p>
            <h3>{"If you were audited today"}</h3>
            <div class={classes!("verdict", "panel", tone)}>
                <span class="verdict-icon">{ icon(verdict_icon) }</span>
                <div>
                    <p class="verdict-title">{ verdict }</p>
                    <p>{ report.verdict_reason.to_string() }</p>
                </div>
            </div>
            <h3>{"Your top three gaps"}</h3>
            { gap_body }
            if props.embedded {
                <div class="actions qs-cta">
                    if let Some(url) = props.app_url.clone() {
                        <a class="button" href={url} target="_blank" rel="noopener">
                            {"Do the full assessment in AIMS Readiness"}<span class="visually-hidden">{" (opens in a new tab)"}</span>
                        </a>
                    }
                    <button type="button" class="secondary" onclick={review}>{"Review your answers"}</button>
                </div>
            } else {
                <div class="actions qs-cta">
                    <a class="button" href={Route::Assessment.hash()}>{"Continue with the full assessment"}</a>
                    <a class="button secondary" href={Route::Results.hash()}>{"See full results"}</a>
                    <button type="button" class="link-button" onclick={review}>{"Review your answers"}</button>
                </div>
                <p class="muted small">{"Your quick-scan answers are already in the full assessment: continue there to confirm and refine them."}</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::assessment::Answer;

    #[test]
    fn a_question_is_answered_when_its_applicable_items_share_a_maturity() {
        let q = &Question::all()[0];
        let mut answers = IsoAnswers::new();
        assert_eq!(chosen(q, &answers), None);
        for id in q.items {
            answers.insert(*id, Answer::rated(2));
        }
        assert_eq!(chosen(q, &answers), Some(2));
        answers.insert(q.items[0], Answer::rated(4));
        assert_eq!(chosen(q, &answers), None, "mixed maturities");
        answers.insert(q.items[0], Answer::default());
        assert_eq!(chosen(q, &answers), None, "one item unrated");
    }

    #[test]
    fn excluded_items_do_not_hide_the_choice() {
        let q = Question::all()
            .iter()
            .find(|q| q.items.iter().filter(|i| i.is_annex_a()).count() >= 1 && q.items.len() >= 2)
            .unwrap();
        let mut answers = IsoAnswers::new();
        for id in q.items {
            answers.insert(*id, Answer::rated(3));
        }
        let control = *q.items.iter().find(|i| i.is_annex_a()).unwrap();
        answers.insert(control, Answer::excluded("No such systems"));
        assert_eq!(chosen(q, &answers), Some(3));
    }

    #[test]
    fn a_returning_visitor_starts_at_the_first_unanswered_question() {
        let all = Question::all();
        let mut answers = IsoAnswers::new();
        assert_eq!(first_unanswered(all, &answers), 0);
        for q in &all[..3] {
            for id in q.items {
                answers.insert(*id, Answer::rated(1));
            }
        }
        assert_eq!(first_unanswered(all, &answers), 3);
        for q in all {
            for id in q.items {
                answers.insert(*id, Answer::rated(1));
            }
        }
        assert_eq!(first_unanswered(all, &answers), all.len(), "the end screen");
    }
}
