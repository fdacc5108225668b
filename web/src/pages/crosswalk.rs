//! The crosswalk page. For an ISO/IEC 42001 assessment: coverage of the NIST AI RMF 1.0 by
//! function, category and each of the 72 subcategories, with the ISO items behind every
//! status; for a NIST AI RMF assessment: the ISO/IEC 42001 items inferred from it. Both show
//! the heat map of NIST function × ISO section. All figures come from
//! `aims_engine::crosswalk`, computed once per change of the open assessment.

use crate::components::charts::percent;
use crate::components::coverage::{counts, function_summary, status_badge};
use crate::components::readiness::{inferred_badge, item_name};
use crate::context::{use_crosswalk, Crosswalk, Direction};
use crate::route::Route;
use aims_engine::catalog::{
    CategoryId, Function, IsoId, Relationship, CROSSWALK_ATTRIBUTION, NIST_ATTRIBUTION,
};
use aims_engine::crosswalk::{
    Cell, CoverageStatus, Forward, Inference, InferredItem, Reverse, Rollup, Shade, Source,
    SubcategoryCoverage, Support,
};
use std::fmt::Display;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[function_component(CrosswalkPage)]
pub fn page() -> Html {
    let view = use_crosswalk();
    let body = match &view.direction {
        Direction::Forward(f) => forward_view(f, view.clone()),
        Direction::Reverse(r) => reverse_view(r, view.clone()),
    };
    html! {
        <div class="crosswalk">
            { body }
            { mapping_rules() }
            <p class="attribution muted">{ CROSSWALK_ATTRIBUTION }{" "}{ NIST_ATTRIBUTION }</p>
        </div>
    }
}

fn forward_view(f: &Forward, view: Rc<Crosswalk>) -> Html {
    let unrated = f
        .subcategories
        .iter()
        .all(|s| s.status == CoverageStatus::Unknown);
    let hint = unrated.then(|| {
        html! {
            <p class="callout"><span>
                {"Nothing is rated yet, so every subcategory shows as unknown. "}
                <a href={Route::QuickScan.hash()}>{"Take the quick scan"}</a>{" or "}
                <a href={Route::Assessment.hash()}>{"open the assessment"}</a>{" to see your coverage."}
            </span></p>
        }
    });
    html! {
        <>
            <p class="lead">{"How your ISO/IEC 42001 answers cover the 72 subcategories of the NIST AI RMF 1.0. The mapping is conservative: a subcategory is covered only by an ISO item that contains it; items that cover only part of it give at most partial coverage, and pairs that turned out not related never count."}</p>
            { for hint }
            { relationship_legend() }
            <section class="report-section" aria-labelledby="functions-h">
                <h2 id="functions-h">{"Coverage by function"}</h2>
                { function_summary(f) }
            </section>
            <MatrixTable view={view.clone()} />
            <Subcategories {view} />
        </>
    }
}

// ---- heat map -------------------------------------------------------------------------------

#[derive(Properties)]
pub struct ViewProps {
    pub view: Rc<Crosswalk>,
}

impl PartialEq for ViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
    }
}

/// The shade of a heat-map cell: the engine's (`Cell::shade`), or none.
fn heat_class(c: &Cell) -> String {
    match (c.pairs, c.shade()) {
        (0, _) => "heat heat-none".to_string(),
        (_, None) => "heat heat-na".to_string(),
        (_, Some(shade)) => format!("heat heat-{shade}"),
    }
}

fn heat_cell(c: &Cell) -> Html {
    if c.pairs == 0 {
        return html! {
            <td class={heat_class(c)}><span aria-hidden="true">{"\u{b7}"}</span><span class="visually-hidden">{"no pair"}</span></td>
        };
    }
    let pairs = format!("{} pair{}", c.pairs, if c.pairs == 1 { "" } else { "s" });
    let value = c
        .coverage
        .map_or_else(|| "not assessed".to_string(), percent);
    html! {
        <td class={heat_class(c)}>
            <span class="heat-value">{ value }</span>
            <span class="heat-pairs">{ pairs }</span>
        </td>
    }
}

fn section_header(id: IsoId) -> Html {
    let label = if id.is_annex_a() {
        id.as_str().to_string()
    } else {
        format!("Clause {id}")
    };
    html! {
        <th scope="col" title={format!("{id} {}", id.item().title)}>
            <span aria-hidden="true">{ id.as_str() }</span>
            <span class="visually-hidden">{ format!("{label} {}", id.item().title) }</span>
        </th>
    }
}

/// The heat map: NIST functions (each expandable to its categories) × ISO sections, with the
/// pair count and mean coverage written in every cell.
#[function_component(MatrixTable)]
pub fn matrix_table(props: &ViewProps) -> Html {
    let open = use_state(|| [false; 4]);
    let m = &props.view.matrix;
    let assessed_end = match &props.view.direction {
        Direction::Forward(_) => "ISO/IEC 42001 items",
        Direction::Reverse(_) => "NIST AI RMF subcategories",
    };
    let clauses = m.sections.iter().filter(|s| !s.is_annex_a()).count();
    let annex = m.sections.len() - clauses;
    let rows = Function::ALL.iter().enumerate().map(|(i, f)| {
        let expanded = open.get(i).copied().unwrap_or(false);
        let toggle = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = *open;
                if let Some(x) = next.get_mut(i) {
                    *x = !*x;
                }
                open.set(next);
            })
        };
        let row = m.functions.iter().find(|r| r.id == f.as_str());
        let categories = expanded.then(|| {
            html! {
                { for f.categories().filter_map(|c| m.categories.iter().find(|r| r.id == c.as_str())).map(|r| html! {
                    <tr class="heat-category">
                        <th scope="row">{ r.id }</th>
                        { for r.cells.iter().map(heat_cell) }
                    </tr>
                }) }
            }
        });
        html! {
            <>
                <tr class="heat-function">
                    <th scope="row">
                        <button type="button" class="link-button" aria-expanded={expanded.to_string()} onclick={toggle}
                            aria-label={format!("{} (show or hide its categories)", f.as_str())}>
                            <span aria-hidden="true" class="disclosure">{ if expanded { "\u{25be}" } else { "\u{25b8}" } }</span>
                            { f.as_str() }
                        </button>
                    </th>
                    { for row.into_iter().flat_map(|r| r.cells.iter().map(heat_cell)) }
                </tr>
                { for categories }
            </>
        }
    });
    html! {
        <section class="report-section" aria-labelledby="matrix-h">
            <h2 id="matrix-h">{"Heat map: NIST AI RMF function \u{d7} ISO/IEC 42001 section"}</h2>
            <p class="muted">{ format!(
                "Each cell counts the crosswalk pairs joining a NIST AI RMF function and an ISO/IEC 42001 clause or Annex A objective, and the mean coverage of the {assessed_end} in those pairs that are assessed. Expand a function to see its categories."
            ) }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Heat map of NIST AI RMF functions by ISO/IEC 42001 sections">
                <table class="heat-map">
                    <thead>
                        <tr>
                            <td></td>
                            <th scope="colgroup" colspan={clauses.to_string()}>{"Clauses"}</th>
                            <th scope="colgroup" colspan={annex.to_string()}>{"Annex A objectives"}</th>
                        </tr>
                        <tr>
                            <th scope="col">{"Function"}</th>
                            { for m.sections.iter().copied().map(section_header) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <ul class="heat-legend" aria-label="Legend">
                { for (1..=aims_engine::crosswalk::HEAT_SHADES).filter_map(|shade| aims_engine::crosswalk::heat_range(shade).map(|range| html! {
                    <li><span class={format!("swatch heat-{shade}")} aria-hidden="true"></span>{ range }</li>
                })) }
                <li><span class="swatch heat-na" aria-hidden="true"></span>{"pairs, none assessed"}</li>
                <li><span class="swatch heat-none" aria-hidden="true"></span>{"no pair"}</li>
            </ul>
            { status_map(&props.view.direction) }
        </section>
    }
}

/// One tile per subcategory (forward) or ISO item (reverse), shaded by what the pairs let a user
/// claim: covered, partial, indicative, not covered, not assessed.
fn status_map(direction: &Direction) -> Html {
    let (title, tiles): (&str, Vec<(&str, &str, Shade)>) = match direction {
        Direction::Forward(f) => (
            "Status of each NIST AI RMF subcategory",
            f.subcategories
                .iter()
                .map(|s| (s.id.as_str(), s.id.info().text, s.shade()))
                .collect(),
        ),
        Direction::Reverse(r) => (
            "Status of each ISO/IEC 42001 item",
            r.items
                .iter()
                .map(|it| (it.item.as_str(), it.item.item().title, it.shade()))
                .collect(),
        ),
    };
    html! {
        <div class="status-map-wrap">
            <h3 id="status-map-h">{ title }</h3>
            <ul class="status-map" aria-labelledby="status-map-h">
                { for tiles.into_iter().map(|(id, text, shade)| html! {
                    <li class={classes!("st", format!("st-{}", shade.as_str()))} data-shade={shade.as_str()} title={format!("{id} {text}: {}", shade.label())}>
                        <span class="st-id">{ id }</span>
                        <span class="visually-hidden">{ format!(": {}", shade.label()) }</span>
                    </li>
                }) }
            </ul>
            <ul class="heat-legend status-legend" aria-label="Legend of the statuses">
                { for Shade::ALL.iter().map(|&sh| html! {
                    <li><span class={classes!("swatch", "st", format!("st-{}", sh.as_str()))} aria-hidden="true"></span>{ sh.meaning() }</li>
                }) }
            </ul>
        </div>
    }
}

// ---- relationship types -----------------------------------------------------------------------

/// A short label for a relationship type.
fn rel_label(r: Relationship) -> &'static str {
    match r {
        Relationship::Equal => "equal",
        Relationship::SubsetOf => "subset of",
        Relationship::SupersetOf => "superset of",
        Relationship::IntersectsWith => "intersects",
        Relationship::NotRelated => "not related",
    }
}

/// A relationship type as a compact badge.
fn rel_badge(r: Relationship) -> Html {
    html! {
        <span class={classes!("rel", format!("rel-{}", r.as_str()))} data-rel={r.as_str()} title={format!("The ISO item is {} the subcategory", r.phrase())}>
            { rel_label(r) }
        </span>
    }
}

/// The legend of the relationship types.
fn relationship_legend() -> Html {
    html! {
        <section class="rel-legend panel" aria-labelledby="rel-legend-h">
            <h2 id="rel-legend-h">{"How each pair is typed"}</h2>
            <p class="muted">{"Each pair is read as \u{201c}the ISO/IEC 42001 item is \u{2026} the NIST AI RMF subcategory\u{201d}. The pairs come from the NIST AI Resource Center; the types and the reason given for each are ours."}</p>
            <dl>
                { for Relationship::ALL.iter().map(|&r| html! {
                    <>
                        <dt>{ rel_badge(r) }</dt>
                        <dd>{ r.meaning() }</dd>
                    </>
                }) }
            </dl>
        </section>
    }
}

// ---- subcategories --------------------------------------------------------------------------

/// The statuses a user can filter by, with the value of each `<option>`.
const FILTERS: [(&str, &str, Option<CoverageStatus>); 5] = [
    ("all", "All statuses", None),
    ("covered", "Covered", Some(CoverageStatus::Covered)),
    ("partial", "Partial", Some(CoverageStatus::Partial)),
    (
        "not_covered",
        "Not covered",
        Some(CoverageStatus::NotCovered),
    ),
    ("unknown", "Unknown", Some(CoverageStatus::Unknown)),
];

/// Sources in catalog order (the crosswalk lists them in its own order).
fn sorted<'a, K: Ord + Copy + 'a>(
    sources: impl Iterator<Item = &'a Source<K>>,
) -> Vec<&'a Source<K>> {
    let mut v: Vec<&Source<K>> = sources.collect();
    aims_engine::order::sort_by_key(&mut v, |s| s.item);
    v
}

fn source_line<K: Display + Copy>(s: &Source<K>, name: Html) -> Html {
    let value = match (s.excluded, s.maturity) {
        (true, _) => "excluded, left out".to_string(),
        (false, None) => format!("not assessed (target {})", s.target),
        (false, Some(m)) => format!("maturity {m} of {}", s.target),
    };
    let support = match s.support {
        Support::Full => "contains it",
        Support::Partial => "covers part",
        Support::None => "not counted",
    };
    html! {
        <li class="source" data-rel={s.relationship.as_str()}>
            { name }
            <span class="muted">{ format!(" \u{2014} {value}; {support} ") }</span>
            { rel_badge(s.relationship) }
            <details class="rationale">
                <summary>{"Why "}{ rel_label(s.relationship) }</summary>
                <p>{ s.rationale() }</p>
            </details>
        </li>
    }
}

/// "indicative" next to a maturity that rests only on sources covering part of the item.
fn indicative_tag(indicative: bool) -> Html {
    if indicative {
        html! { <span class="tag" title="Only sources that cover part of it: at most level 2">{"indicative"}</span> }
    } else {
        Html::default()
    }
}

fn rollup_line(r: &Rollup) -> Html {
    html! {
        <p class="rollup">
            { status_badge(r.status) }
            <span>{ format!(" {} mean coverage \u{b7} {} of {}", percent(r.coverage), counts(r), r.total) }</span>
        </p>
    }
}

fn subcategory(s: &SubcategoryCoverage) -> Html {
    let sources = if s.sources.is_empty() {
        html! { <p class="muted">{"No ISO/IEC 42001 item maps to this subcategory in the crosswalk."}</p> }
    } else {
        html! {
            <>
                <p class="subcat-from">{ format!("Rests on {} ISO/IEC 42001 item{}:", s.sources.len(), if s.sources.len() == 1 { "" } else { "s" }) }</p>
                <ul class="sources">
                    { for sorted(s.sources.iter()).into_iter().map(|src| source_line(src, item_name(src.item))) }
                </ul>
                if s.sources.omitted() > 0 {
                    <p class="muted">{ format!("and {} more not listed here", s.sources.omitted()) }</p>
                }
            </>
        }
    };
    html! {
        <li class="subcat panel" data-status={s.status.as_str()} data-shade={s.shade().as_str()}>
            <p class="subcat-head">
                <strong class="item-id">{ s.id.as_str() }</strong>
                { status_badge(s.status) }
                <span class="subcat-cov">{ format!("{} coverage", percent(s.coverage)) }</span>
                if let Some(m) = s.maturity {
                    <span class="muted">{ format!("\u{b7} inferred maturity {m}") }</span>
                }
                { indicative_tag(s.indicative) }
                if s.jointly_complete {
                    <span class="tag" title="Covered by a declared set of items that together contain it">{"jointly complete"}</span>
                }
            </p>
            <p class="subcat-text">{ s.id.info().text }</p>
            { sources }
            <details class="why">
                <summary>{"Why this status"}</summary>
                <p>{ s.explanation().to_string() }</p>
            </details>
        </li>
    }
}

/// The 72 subcategories by function and category, with a status filter.
#[function_component(Subcategories)]
fn subcategories(props: &ViewProps) -> Html {
    let filter = use_state(|| None::<CoverageStatus>);
    let Direction::Forward(f) = &props.view.direction else {
        return Html::default();
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            let status = FILTERS
                .iter()
                .find(|(v, _, _)| *v == value)
                .and_then(|(_, _, s)| *s);
            filter.set(status);
        })
    };
    let keep = |s: &&SubcategoryCoverage| filter.is_none_or(|want| s.status == want);
    let shown = f.subcategories.iter().filter(keep).count();
    let functions = Function::ALL.iter().filter_map(|func| {
        let subs: Vec<&SubcategoryCoverage> = f
            .subcategories
            .iter()
            .filter(|s| s.id.info().function == *func)
            .filter(keep)
            .collect();
        if subs.is_empty() {
            return None;
        }
        let rollup = f.functions.get(func.index());
        let categories = func.categories().filter_map(|c: CategoryId| {
            let in_cat: Vec<&&SubcategoryCoverage> =
                subs.iter().filter(|s| s.id.info().category == c).collect();
            if in_cat.is_empty() {
                return None;
            }
            Some(html! {
                <div class="category">
                    <h4>{ c.as_str() }</h4>
                    <p class="category-text">{ c.info().text }</p>
                    { for f.categories.get(c.index()).map(rollup_line) }
                    <ul class="subcats">{ for in_cat.iter().map(|s| subcategory(s)) }</ul>
                </div>
            })
        });
        let id = format!("fn-{}", func.as_str().to_ascii_lowercase());
        Some(html! {
            <section class="function" aria-labelledby={id.clone()}>
                <h3 {id}>{ func.as_str() }<span class="muted">{ format!(" \u{2014} {}", func.text()) }</span></h3>
                { for rollup.map(rollup_line) }
                { for categories }
            </section>
        })
    });
    let current = FILTERS
        .iter()
        .find(|(_, _, s)| *s == *filter)
        .map_or("all", |(v, _, _)| *v);
    html! {
        <section class="report-section" aria-labelledby="subcats-h">
            <h2 id="subcats-h">{"Subcategories"}</h2>
            <div class="filter-bar no-print">
                <label for="status-filter">{"Show"}</label>
                <select id="status-filter" onchange={on_filter}>
                    { for FILTERS.iter().map(|(v, label, _)| html! {
                        <option value={*v} selected={*v == current}>{ *label }</option>
                    }) }
                </select>
                <span class="muted" role="status">{ format!("{shown} of {} subcategories", f.subcategories.len()) }</span>
            </div>
            { for functions }
        </section>
    }
}

// ---- reverse --------------------------------------------------------------------------------

fn inferred_item(it: &InferredItem) -> Html {
    let head = match (it.inference, it.maturity) {
        (Inference::Inferred, Some(m)) => html! {
            <><span>{ format!("Maturity {m}") }</span>{ inferred_badge() }{ indicative_tag(it.indicative) }{ status_badge(it.status) }</>
        },
        (Inference::NotAddressed, _) => html! {
            <span class="tag tag-strong">{"Not addressed by the NIST AI RMF: assess directly"}</span>
        },
        (Inference::NoCounterpart, _) => html! {
            <span class="tag tag-strong">{"No related counterpart: assess directly"}</span>
        },
        _ => html! {
            <><span class="muted">{"Not inferred yet"}</span>{ status_badge(it.status) }</>
        },
    };
    let sources = (!it.sources.is_empty()).then(|| {
        let n = it.sources.len();
        html! {
            <>
            <p class="subcat-from">{ format!("Rests on {n} NIST AI RMF subcategor{}:", if n == 1 { "y" } else { "ies" }) }</p>
            <ul class="sources">
                { for sorted(it.sources.iter()).into_iter().map(|s| source_line(s, html! { <span class="item-id">{ s.item.as_str() }</span> })) }
            </ul>
            </>
        }
    });
    html! {
        <li class="subcat panel" data-inference={it.inference.as_str()} data-shade={it.shade().as_str()}>
            <p class="subcat-head"><strong>{ item_name(it.item) }</strong>{ head }</p>
            { for sources }
            <details class="why">
                <summary>{"Why"}</summary>
                <p>{ it.explanation().to_string() }</p>
            </details>
        </li>
    }
}

fn reverse_view(r: &Reverse, view: Rc<Crosswalk>) -> Html {
    let inferred = r
        .items
        .iter()
        .filter(|i| i.inference == Inference::Inferred)
        .count();
    let sections = IsoId::sections().map(|sec| {
        let items = r.items.iter().filter(|i| i.item.item().section == sec);
        html! {
            <div class="category">
                <h3>{ item_name(sec) }</h3>
                <ul class="subcats">{ for items.map(inferred_item) }</ul>
            </div>
        }
    });
    html! {
        <>
            <p class="lead">{"This assessment holds NIST AI RMF answers. Read through the crosswalk, they suggest ISO/IEC 42001 maturities: each inferred value is marked as inferred. Level 3 comes only from a subcategory that contains the item; subcategories that cover only part of it give at most level 2, marked indicative."}</p>
            <p class="callout"><span>
                { format!("{inferred} of {} ISO/IEC 42001 items inferred; {} to assess directly. ", r.items.len(), r.assess_directly.len()) }
                <a href={Route::Results.hash()}>{"See the readiness results of the inferred answers"}</a>{"."}
            </span></p>
            { relationship_legend() }
            <section class="report-section" aria-labelledby="direct-h">
                <h2 id="direct-h">{"Assess directly"}</h2>
                <p class="muted">{"Nothing is inferred for these items: the NIST AI RMF does not address them (the mechanics of a certifiable management system), or no related subcategory is paired with them. The results stay provisional until they are assessed directly."}</p>
                <ul class="plain-list direct-list">
                    { for r.assess_directly.iter().map(|d| html! {
                        <li>{ item_name(d.item) }<span class="muted">{ format!(" \u{2014} {}", d.reason) }</span></li>
                    }) }
                </ul>
            </section>
            <MatrixTable {view} />
            <section class="report-section" aria-labelledby="inferred-h">
                <h2 id="inferred-h">{"Inferred ISO/IEC 42001 items"}</h2>
                { for sections }
            </section>
        </>
    }
}

/// "How is this mapped?": the crosswalk rules as the engine words them
/// (`aims_engine::crosswalk::rules`).
fn mapping_rules() -> Html {
    html! {
        <details class="rules panel">
            <summary>{"How is this mapped?"}</summary>
            <ul>
                { for aims_engine::crosswalk::rules().into_iter().map(|r| html! {
                    <li><strong>{ format!("{}: ", r.title) }</strong>{ r.text }</li>
                }) }
            </ul>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_and_shade_has_its_own_label() {
        let labels: std::collections::HashSet<&str> =
            Relationship::ALL.iter().map(|&r| rel_label(r)).collect();
        assert_eq!(labels.len(), Relationship::ALL.len());
        let shades: std::collections::HashSet<String> =
            Shade::ALL.iter().map(|&s| s.meaning()).collect();
        assert_eq!(shades.len(), Shade::ALL.len());
    }

    #[test]
    fn heat_shades_follow_the_coverage_bands() {
        let cell = |pairs, coverage: Option<f64>| {
            let mut c = Cell::default();
            c.pairs = pairs;
            c.assessed = u32::from(coverage.is_some());
            c.coverage = coverage;
            c
        };
        for (c, class) in [
            (cell(0, None), "heat heat-none"),
            (cell(3, None), "heat heat-na"),
            (cell(3, Some(10.0)), "heat heat-1"),
            (cell(3, Some(25.0)), "heat heat-2"),
            (cell(3, Some(74.9)), "heat heat-3"),
            (cell(3, Some(100.0)), "heat heat-4"),
        ] {
            assert_eq!(heat_class(&c), class, "{c:?}");
        }
    }
}
