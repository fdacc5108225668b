//! The NIST AI RMF self-assessment (the reverse questionnaire): the 72 subcategories grouped by
//! function and category, with NIST's text and a compact maturity picker each. The ISO/IEC
//! 42001 answers, scores and gaps are then inferred by the engine through the crosswalk.

use crate::components::icon::{icon, Icon};
use crate::components::maturity_picker::MaturityPicker;
use crate::components::progress::Progress;
use crate::state::{Action, AppState};
use aims_engine::assessment::Assessment;
use aims_engine::catalog::{Function, SubcategoryId, GENERIC_LEVELS, NIST_ATTRIBUTION};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NistItemProps {
    pub id: SubcategoryId,
    pub maturity: Option<u8>,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

/// One subcategory: its id, NIST's text and the maturity picker.
#[function_component(NistItem)]
pub fn nist_item(props: &NistItemProps) -> Html {
    let id = props.id;
    let info = id.info();
    let key = id.as_str().replace([' ', '.'], "-");
    let onchange = {
        let d = props.dispatcher.clone();
        Callback::from(move |m: Option<u8>| d.dispatch(Action::SetNistMaturity(id, m)))
    };
    let heading = format!("nist-{key}-h");
    html! {
        <article class="nist-item panel" aria-labelledby={heading.clone()}>
            <h4 id={heading} class="nist-item-id">{ info.id }</h4>
            <p class="nist-item-text">{ info.text }</p>
            <MaturityPicker name={format!("nist-{key}-maturity")} legend="Maturity"
                context={info.id} value={props.maturity} compact={true} onchange={onchange} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct NistQuestionnaireProps {
    /// The open assessment (a NIST AI RMF one; any other shows no rating).
    pub assessment: Rc<Assessment>,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

#[function_component(NistQuestionnaire)]
pub fn nist_questionnaire(props: &NistQuestionnaireProps) -> Html {
    let total = SubcategoryId::all().count() as u32;
    let answers = props.assessment.nist_answers();
    let answered =
        answers.map_or(0, |m| m.values().filter(|a| a.maturity.is_some()).count()) as u32;
    let maturity = |s: SubcategoryId| answers.and_then(|m| m.get(&s)).and_then(|a| a.maturity());
    html! {
        <div class="nist-questionnaire">
            <div class="callout">
                { icon(Icon::Info) }
                <div>
                    <p><strong>{"This is a NIST AI RMF self-assessment."}</strong>{" Rate each of the NIST AI RMF 1.0 subcategories below. Your ISO/IEC 42001 answers are then inferred from these ratings through the NIST crosswalk: the results, gaps and report mark every inferred value, and list the ISO/IEC 42001 items the crosswalk cannot reach so that you can assess them directly."}</p>
                </div>
            </div>
            <Progress id="assessment-progress" label={format!("{answered} of {total} answered")}
                value={answered} max={total} />
            <details class="levels-legend panel">
                <summary>{"What the maturity levels mean"}</summary>
                <dl>
                    { for GENERIC_LEVELS.iter().map(|l| html! {
                        <>
                            <dt>{ format!("{} {}", l.level, l.name) }</dt>
                            <dd>{ l.meaning }</dd>
                        </>
                    }) }
                </dl>
            </details>
            { for Function::ALL.iter().map(|&f| html! {
                <section class="nist-function" aria-labelledby={format!("nist-{}-h", f.as_str())}>
                    <h2 id={format!("nist-{}-h", f.as_str())}>{ f.as_str() }</h2>
                    <p class="muted nist-function-text">{ f.text() }</p>
                    { for f.categories().map(|c| html! {
                        <section class="nist-category" aria-labelledby={format!("nist-{}-h", c.as_str().replace(' ', "-"))}>
                            <h3 id={format!("nist-{}-h", c.as_str().replace(' ', "-"))}>
                                <span class="item-id">{ c.as_str() }</span>{" "}{ c.info().text }
                            </h3>
                            { for c.subcategories().map(|s| html! {
                                <NistItem key={s.as_str()} id={s} maturity={maturity(s)}
                                    dispatcher={props.dispatcher.clone()} />
                            }) }
                        </section>
                    }) }
                </section>
            }) }
            <p class="attribution muted">{ NIST_ATTRIBUTION }</p>
        </div>
    }
}
