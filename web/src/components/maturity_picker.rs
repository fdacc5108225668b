//! The maturity picker: a radio group "Not assessed" and levels 0-5, each with its name and
//! what it means for the item (the item's own level descriptions where the catalog has them,
//! else the generic scale).
//!
//! Native radio buttons in a `<fieldset>`: Tab reaches the group, the arrow keys move between
//! levels (and choose them), Space chooses. A choice is reported at once through `onchange`.

use aims_engine::catalog::{MaturityLevel, GENERIC_LEVELS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MaturityPickerProps {
    /// The radio group's name, unique on the page; element ids are derived from it.
    pub name: AttrValue,
    /// The visible legend, e.g. "Current maturity".
    pub legend: AttrValue,
    /// Read after the legend by screen readers only, e.g. the item's id and title.
    #[prop_or_default]
    pub context: AttrValue,
    pub value: Option<u8>,
    /// What each level 0-5 means for this item; `None` uses the generic meanings.
    #[prop_or_default]
    pub meanings: Option<[&'static str; 6]>,
    /// One row of short choices (number and name); the meanings are explained elsewhere.
    #[prop_or_default]
    pub compact: bool,
    pub onchange: Callback<Option<u8>>,
}

/// The name and meaning of level `m` (0-5) for an item with optional own meanings.
pub fn level_text(m: u8, meanings: Option<[&'static str; 6]>) -> (&'static str, &'static str) {
    let i = usize::from(m.min(5));
    let generic: &MaturityLevel = &GENERIC_LEVELS[i];
    (generic.name, meanings.map_or(generic.meaning, |own| own[i]))
}

#[function_component(MaturityPicker)]
pub fn maturity_picker(props: &MaturityPickerProps) -> Html {
    let option = |level: Option<u8>| {
        let key = level.map_or_else(|| "none".to_string(), |m| m.to_string());
        let id = format!("{}-{key}", props.name);
        let checked = props.value == level;
        let onchange = {
            let cb = props.onchange.clone();
            Callback::from(move |_: Event| cb.emit(level))
        };
        let text = match level {
            None => html! {
                <span class="level-text">
                    <span class="level-name">{"Not assessed"}</span>
                    if !props.compact {
                        <span class="level-meaning">{"Not rated yet: left out of the scores."}</span>
                    }
                </span>
            },
            Some(m) => {
                let (name, meaning) = level_text(m, props.meanings);
                html! {
                    <span class="level-text">
                        <span class="level-name"><span class="level-num">{ m }</span>{" "}{ name }</span>
                        if !props.compact { <span class="level-meaning">{ meaning }</span> }
                    </span>
                }
            }
        };
        html! {
            <label for={id.clone()} class={classes!("level", checked.then_some("level-checked"), level.is_none().then_some("level-none"))}>
                <input type="radio" id={id} name={props.name.clone()} value={key}
                    checked={checked} onchange={onchange} />
                { text }
            </label>
        }
    };
    html! {
        <fieldset class={classes!("maturity", props.compact.then_some("maturity-compact"))}>
            <legend>
                { props.legend.clone() }
                if !props.context.is_empty() {
                    <span class="visually-hidden">{ format!(" of {}", props.context) }</span>
                }
            </legend>
            <div class="levels">
                { option(None) }
                { for (0..=5).map(|m| option(Some(m))) }
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::level_text;

    #[test]
    fn own_meanings_replace_the_generic_ones_but_keep_the_names() {
        let own = Some(["a", "b", "c", "d", "e", "f"]);
        assert_eq!(level_text(3, own), ("Defined", "d"));
        let (name, meaning) = level_text(0, None);
        assert_eq!(name, "Incomplete");
        assert!(meaning.starts_with("Not in place"));
        assert_eq!(level_text(9, own).1, "f", "out of range clamps to 5");
    }
}
