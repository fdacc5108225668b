//! A labelled progress bar: a real `<progress>` (role progressbar, with its value and maximum
//! exposed to assistive technology) under a line of text that says the same in words.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// Unique on the page; the label's id is derived from it.
    pub id: AttrValue,
    /// The words shown above the bar, e.g. "Question 3 of 18".
    pub label: AttrValue,
    pub value: u32,
    pub max: u32,
}

#[function_component(Progress)]
pub fn progress(props: &ProgressProps) -> Html {
    let label_id = format!("{}-label", props.id);
    let max = props.max.max(1);
    html! {
        <div class="progress">
            <p class="progress-label" id={label_id.clone()}>{ props.label.clone() }</p>
            <progress id={props.id.clone()} max={max.to_string()} value={props.value.min(max).to_string()}
                aria-labelledby={label_id}>
                { props.label.clone() }
            </progress>
        </div>
    }
}
