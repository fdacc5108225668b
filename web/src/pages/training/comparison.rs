//! The learner's answers checked against the model answer: the score, the counts, and item by
//! item the agreement (words and an icon, never colour alone), both answers and the model's
//! explanation. The comparison itself is the engine's (`aims_engine::training::compare`).

use crate::components::icon::{badge, Icon, Tone};
use aims_engine::catalog::GENERIC_LEVELS;
use aims_engine::training::{Agreement, Comparison, ItemComparison, ItemFinding, Rating};
use yew::prelude::*;

/// How an agreement looks: tone, icon and words.
pub fn agreement_look(a: Agreement) -> (Tone, Icon, &'static str) {
    match a {
        Agreement::Exact => (Tone::Ok, Icon::Check, "Exact"),
        Agreement::WithinOne => (Tone::Warn, Icon::Half, "Within one level"),
        Agreement::Off => (Tone::Bad, Icon::Cross, "Off"),
        Agreement::Missing => (Tone::Neutral, Icon::Unknown, "Missing"),
    }
}

/// One side's answer in words: `3 · Defined`, `excluded (not applicable)`, `not assessed`.
pub fn rating_text(r: Rating) -> String {
    match r {
        Rating::NotAssessed => "not assessed".into(),
        Rating::Excluded => "excluded (not applicable)".into(),
        Rating::Maturity(m) => match GENERIC_LEVELS.get(usize::from(m)) {
            Some(l) => format!("{m} \u{b7} {}", l.name),
            None => m.to_string(),
        },
    }
}

/// An implied finding in words.
fn finding_words(f: ItemFinding) -> &'static str {
    match f {
        ItemFinding::Major => "a major nonconformity",
        ItemFinding::Minor => "a minor nonconformity",
        ItemFinding::None => "no finding",
    }
}

/// `1`, `0.5`, `0` points.
fn points_text(p: f64) -> String {
    if p == 1.0 {
        "1 point".into()
    } else if p == 0.5 {
        "\u{bd} point".into()
    } else {
        "0 points".into()
    }
}

fn item_row(i: &ItemComparison) -> Html {
    let (tone, kind, words) = agreement_look(i.agreement);
    let dom = i.item.replace(|c: char| !c.is_ascii_alphanumeric(), "-");
    html! {
        <li class={classes!("cmp-item", format!("cmp-{}", i.agreement.as_str()))} id={format!("cmp-{dom}")}>
            <p class="cmp-head">
                { badge(tone, kind, words) }
                <span class="cmp-title"><span class="item-id">{ i.item }</span>{" "}{ i.title }</span>
                <span class="cmp-points muted">{ points_text(i.points) }</span>
            </p>
            <p class="cmp-ratings">
                <span>{"Your answer: "}<strong>{ rating_text(i.learner.rating) }</strong></span>
                <span>{"Model answer: "}<strong class="cmp-model">{ rating_text(i.model.rating) }</strong></span>
            </p>
            if let (Some(agree), Some(l), Some(m)) = (i.finding_agreement, i.learner.finding, i.model.finding) {
                <p class="cmp-finding">
                    { if agree { badge(Tone::Ok, Icon::Check, "Same finding") } else { badge(Tone::Bad, Icon::Cross, "Different finding") } }
                    { format!(" Yours implies {}, the model {}.", finding_words(l), finding_words(m)) }
                </p>
            }
            if let Some(w) = &i.why {
                <p class="cmp-why-finding">{ w.clone() }</p>
            }
            if let Some(e) = &i.explanation {
                <p class="cmp-why"><strong>{"Why: "}</strong>{ e.clone() }</p>
            }
            <p class="cmp-revise no-print">
                <a href={format!("#/assessment/{}", i.item)}>{ format!("Revise {}", i.item) }</a>
            </p>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub comparison: std::rc::Rc<Comparison>,
}

/// The score and the items; by default only the items that do not agree exactly.
#[function_component(ComparisonView)]
pub fn comparison_view(props: &ComparisonProps) -> Html {
    let c = &props.comparison;
    let show_all = use_state(|| false);
    let toggle = {
        let show_all = show_all.clone();
        Callback::from(move |_: Event| show_all.set(!*show_all))
    };
    let score = c
        .score
        .map_or_else(|| "n/a".to_string(), crate::format::one_decimal);
    let to_review = c
        .items
        .iter()
        .filter(|i| i.agreement != Agreement::Exact || i.finding_agreement == Some(false))
        .count();
    let shown: Vec<&ItemComparison> = c
        .items
        .iter()
        .filter(|i| {
            *show_all || i.agreement != Agreement::Exact || i.finding_agreement == Some(false)
        })
        .collect();
    let count = |a: Agreement, n: u32| {
        let (tone, kind, words) = agreement_look(a);
        html! { <li>{ badge(tone, kind, &format!("{words}: {n}")) }</li> }
    };
    html! {
        <div class="comparison">
            <div class="cmp-summary" id="cmp-summary" tabindex="-1">
                if let Some(f) = c.finding_score {
                    <div class="figure panel">
                        <p class="figure-label">{"Findings as an auditor would raise them"}</p>
                        <p class="figure-value" id="cmp-finding-score">{ crate::format::one_decimal(f) }<span class="figure-of">{"%"}</span></p>
                        <p id="cmp-pass">{ if c.passed {
                            badge(Tone::Ok, Icon::Check, &format!("Passed (pass mark {}%)", c.pass_mark))
                        } else {
                            badge(Tone::Bad, Icon::Cross, &format!("Not passed (pass mark {}%)", c.pass_mark))
                        } }</p>
                    </div>
                }
                <div class="figure panel">
                    <p class="figure-label">{"Maturity distance score"}</p>
                    <p class="figure-value" id="cmp-score">{ score }<span class="figure-of">{" / 100"}</span></p>
                </div>
                <div>
                    if c.finding_score.is_some() {
                        <p>{ format!(
                            "Your answers imply the same finding (major, minor or none) as the model answer on {} of the {} items: that is what decides a certification, and what the pass mark applies to.",
                            c.finding_agreements, c.compared
                        ) }</p>
                    }
                    <p>{ format!(
                        "Maturity distance: {} points over the {} items the model answer assesses: 1 for the same answer, \u{bd} for one level apart, 0 otherwise.",
                        crate::format::one_decimal(c.points), c.compared
                    ) }</p>
                    <ul class="cmp-counts" aria-label="Agreement with the model answer">
                        { count(Agreement::Exact, c.exact) }
                        { count(Agreement::WithinOne, c.within_one) }
                        { count(Agreement::Off, c.off) }
                        { count(Agreement::Missing, c.missing) }
                    </ul>
                </div>
            </div>
            <div class="cmp-filter">
                <input type="checkbox" id="cmp-show-all" checked={*show_all} onchange={toggle} />
                <label for="cmp-show-all">{ if c.exact == 1 {
                    "Show the 1 item that agrees exactly too".to_string()
                } else {
                    format!("Show the {} items that agree exactly too", c.exact)
                } }</label>
            </div>
            if shown.is_empty() {
                <p class="callout">{"Every item agrees exactly with the model answer."}</p>
            } else {
                <p class="muted">{ if *show_all {
                    format!("All {} items, in catalog order.", c.compared)
                } else {
                    format!("{to_review} item{} to review, in catalog order.", if to_review == 1 { "" } else { "s" })
                } }</p>
                <ol class="cmp-list">{ for shown.into_iter().map(item_row) }</ol>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_and_points_read_as_words() {
        assert_eq!(rating_text(Rating::Maturity(3)), "3 \u{b7} Defined");
        assert_eq!(rating_text(Rating::Excluded), "excluded (not applicable)");
        assert_eq!(rating_text(Rating::NotAssessed), "not assessed");
        assert_eq!(points_text(0.5), "\u{bd} point");
        let words: Vec<&str> = [
            Agreement::Exact,
            Agreement::WithinOne,
            Agreement::Off,
            Agreement::Missing,
        ]
        .into_iter()
        .map(|a| agreement_look(a).2)
        .collect();
        assert_eq!(words, ["Exact", "Within one level", "Off", "Missing"]);
    }
}
