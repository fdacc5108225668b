//! The full assessment (`#/assessment`, one section per screen: `#/assessment/A.5`).
//!
//! For an ISO/IEC 42001 assessment: navigation by clause 4-10 and Annex A objective A.2-A.10
//! with per-section completion, the overall progress, and an [`ItemEditor`] per assessable
//! item of the section. For a NIST AI RMF assessment: the 72 subcategories
//! ([`NistQuestionnaire`]). An empty assessment offers the choice between the two.
//!
//! Items get their answer by value and the state's dispatcher (stable across renders), so an
//! answer change re-renders the changed item, the navigation and the progress only.

use crate::components::icon::{icon, Icon};
use crate::components::item_editor::ItemEditor;
use crate::components::nist_questionnaire::NistQuestionnaire;
use crate::components::progress::Progress;
use crate::context::{use_ctx, use_report};
use crate::dom::{focus_by_id, use_focus_after_render};
use crate::route::use_location_hash;
use crate::state::Action;
use aims_engine::assessment::Framework;
use aims_engine::catalog::{IsoId, ISO_ATTRIBUTION};
use aims_engine::scoring::SectionScore;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

const PREFIX: &str = "assessment/";

/// The section named after `#/assessment/`: a clause or objective, or the section of an item
/// (`#/assessment/A.5.2` opens A.5). Anything else is `None` (the first section is shown).
pub fn section_of_hash(hash: &str) -> Option<IsoId> {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let path = path.split('?').next().unwrap_or("");
    let rest = path.strip_prefix(PREFIX)?;
    let id = IsoId::parse(rest).ok()?;
    Some(id.item().section)
}

fn section_hash(id: IsoId) -> String {
    format!("#/{PREFIX}{}", id.as_str())
}

/// The section in `location.hash`, followed on every `hashchange`.
#[hook]
fn use_hash_section() -> Option<IsoId> {
    section_of_hash(&use_location_hash())
}

fn completion(s: &SectionScore) -> Html {
    let complete = s.total > 0 && s.answered >= s.total;
    html! {
        <span class={classes!("sec-count", complete.then_some("sec-complete"))}>
            if complete { { icon(Icon::Check) } }
            <span aria-hidden="true">{ format!("{}/{}", s.answered, s.total) }</span>
            <span class="visually-hidden">
                { if complete { ", complete".to_string() } else { format!(", {} of {} answered", s.answered, s.total) } }
            </span>
        </span>
    }
}

fn section_nav(sections: &[SectionScore], current: IsoId) -> Html {
    let on_select = Callback::from(|e: Event| {
        if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(&format!("/{PREFIX}{}", s.value()));
            }
        }
    });
    let group = |annex_a: bool| {
        sections
            .iter()
            .filter(move |s| s.id.is_annex_a() == annex_a)
    };
    let link = |s: &SectionScore| {
        let here = s.id == current;
        html! {
            <li>
                <a href={section_hash(s.id)} aria-current={here.then_some("page")}>
                    <span class="sec-name"><span class="item-id">{ s.id.as_str() }</span>{" "}{ s.title }</span>
                    { completion(s) }
                </a>
            </li>
        }
    };
    let option = |s: &SectionScore| {
        let done = if s.answered >= s.total {
            " \u{2713}"
        } else {
            ""
        };
        html! {
            <option value={s.id.as_str()} selected={s.id == current}>
                { format!("{} {} ({}/{}){done}", s.id.as_str(), s.title, s.answered, s.total) }
            </option>
        }
    };
    html! {
        <nav class="section-nav" aria-label="Assessment sections">
            <div class="section-select field">
                <label for="section-select">{"Section"}</label>
                <select id="section-select" onchange={on_select}>
                    <optgroup label="Clauses 4-10">{ for group(false).map(option) }</optgroup>
                    <optgroup label="Annex A objectives">{ for group(true).map(option) }</optgroup>
                </select>
            </div>
            <div class="section-list">
                <p class="nav-group-label" id="nav-clauses">{"Management system: clauses 4-10"}</p>
                <ol aria-labelledby="nav-clauses">{ for group(false).map(link) }</ol>
                <p class="nav-group-label" id="nav-annex">{"Controls: Annex A objectives"}</p>
                <ol aria-labelledby="nav-annex">{ for group(true).map(link) }</ol>
            </div>
        </nav>
    }
}

fn pager(sections: &[SectionScore], current: IsoId) -> Html {
    let at = sections.iter().position(|s| s.id == current);
    let prev = at
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| sections.get(i));
    let next = at.and_then(|i| sections.get(i + 1));
    html! {
        <nav class="section-pager" aria-label="Previous and next section">
            if let Some(p) = prev {
                <a class="button secondary pager-prev" href={section_hash(p.id)}>
                    <span aria-hidden="true">{"\u{2190} "}</span>
                    <span>{"Previous: "}<span class="item-id">{ p.id.as_str() }</span>{" "}{ p.title }</span>
                </a>
            }
            if let Some(n) = next {
                <a class="button pager-next" href={section_hash(n.id)}>
                    <span>{"Next: "}<span class="item-id">{ n.id.as_str() }</span>{" "}{ n.title }</span>
                    <span aria-hidden="true">{" \u{2192}"}</span>
                </a>
            } else {
                <a class="button pager-next" href="#/results">
                    <span>{"See the results"}</span><span aria-hidden="true">{" \u{2192}"}</span>
                </a>
            }
        </nav>
    }
}

#[function_component(AssessmentPage)]
pub fn page() -> Html {
    let ctx = use_ctx();
    let report = use_report();
    let dispatcher = ctx.state.dispatcher();
    let assessment = ctx.state.assessment.clone();
    let first = IsoId::sections().next();
    let section = use_hash_section().or(first);
    let items = use_memo(section, |s| {
        s.map(|s| s.assessable_under().collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let chose_iso = use_state(|| false);
    let focus = use_focus_after_render();
    // Moving to another section puts focus on its heading (not on the first render).
    let mounted = use_mut_ref(|| false);
    use_effect_with(section, move |_| {
        if *mounted.borrow() {
            focus_by_id("section-h");
        }
        *mounted.borrow_mut() = true;
    });

    let empty = assessment.answers.is_empty();
    let new_of = |framework: Framework, name: &'static str| {
        ctx.callback(move |_: MouseEvent| Action::New {
            name: name.to_string(),
            framework,
        })
    };

    if assessment.framework() == Framework::NistAiRmf {
        let switch_back = empty.then(|| {
            html! {
                <p class="actions">
                    <button type="button" class="secondary"
                        onclick={new_of(Framework::Iso42001, "ISO/IEC 42001 assessment")}>
                        {"Assess against ISO/IEC 42001 instead"}
                    </button>
                </p>
            }
        });
        return html! {
            <>
                { for switch_back }
                <NistQuestionnaire assessment={assessment.clone()} dispatcher={dispatcher} />
            </>
        };
    }

    // A training case is assessed against ISO/IEC 42001, like its model answer.
    let training = crate::training_link::open_case(&ctx).is_some();
    let choice = (empty && !*chose_iso && !training).then(|| {
        let chose = {
            let chose_iso = chose_iso.clone();
            let focus = focus.clone();
            Callback::from(move |_: MouseEvent| {
                chose_iso.set(true);
                focus.request("section-h");
            })
        };
        html! {
            <section class="framework-choice panel" aria-labelledby="choice-h">
                <h2 id="choice-h">{"How do you want to assess?"}</h2>
                <p>{"Rate your organisation directly against ISO/IEC 42001, or, if you already work with the NIST AI RMF, rate its 72 subcategories and let the crosswalk infer your ISO/IEC 42001 readiness."}</p>
                <div class="actions">
                    <button type="button" onclick={chose}>{"Assess against ISO/IEC 42001"}</button>
                    <button type="button" class="secondary"
                        onclick={new_of(Framework::NistAiRmf, "NIST AI RMF self-assessment")}>
                        {"Start from a NIST AI RMF self-assessment"}
                    </button>
                </div>
                <p class="muted small">{"Starting a NIST AI RMF self-assessment opens a new saved assessment; this one stays under Your data."}</p>
            </section>
        }
    });

    let report = &*report;
    let Some(section) = section else {
        return html! { <p>{"The catalog has no sections."}</p> };
    };
    let answers = assessment.iso_answers();
    let current = report.sections.iter().find(|s| s.id == section);
    let (done, total) = current.map_or((0, 0), |s| (s.answered, s.total));
    let kind = if section.is_annex_a() {
        "Annex A objective"
    } else {
        "Clause"
    };
    let systems: Vec<(String, String)> = assessment
        .profile
        .systems
        .iter()
        .map(|s| (s.id.clone(), s.label().to_string()))
        .collect();
    html! {
        <div class="assessment">
            { for choice }
            <crate::components::profile_editor::ProfileEditor />
            <Progress id="assessment-progress"
                label={format!("{} of {} answered", report.answered, report.total)}
                value={report.answered} max={report.total} />
            <div class="assessment-layout">
                { section_nav(&report.sections, section) }
                <section class="section-body" aria-labelledby="section-h">
                    <p class="section-kicker muted">{ kind }</p>
                    <h2 id="section-h" tabindex="-1">
                        <span class="item-id">{ section.as_str() }</span>{" "}{ section.item().title }
                    </h2>
                    <p class="muted">{ format!("{done} of {total} items answered in this section.") }</p>
                    { for items.iter().map(|&id| html! {
                        <ItemEditor key={id.as_str()} id={id}
                            answer={answers.and_then(|m| m.get(&id)).cloned()}
                            dispatcher={dispatcher.clone()} systems={systems.clone()} />
                    }) }
                    { pager(&report.sections, section) }
                </section>
            </div>
            <p class="attribution muted">{ ISO_ATTRIBUTION }</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::section_of_hash;

    #[test]
    fn reads_the_section_after_the_route() {
        for (hash, section) in [
            ("#/assessment/A.5", Some("A.5")),
            ("#/assessment/4", Some("4")),
            ("#/assessment/a.6?x=1", Some("A.6")),
            ("#/assessment/A.5.2", Some("A.5")),
            ("#/assessment/6.1.2", Some("6")),
            ("#/assessment", None),
            ("#/assessment/", None),
            ("#/assessment/Z.9", None),
            ("#/results/A.5", None),
        ] {
            assert_eq!(section_of_hash(hash).map(|s| s.as_str()), section, "{hash}");
        }
    }
}
