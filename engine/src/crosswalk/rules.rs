//! The crosswalk rules in plain words, for people: what "How is this mapped?" shows in the web
//! app and what docs/crosswalk.md explains at length. Built from the crosswalk's own constants
//! and declarations (the number of pairs, their types, the levels, the items to assess
//! directly), so that the words cannot drift from the rules (tested below).

use super::{FULL_LEVEL, PARTIAL_CAP};
use crate::catalog::{IsoId, Pair, Relationship, SubcategoryId};
use crate::scoring::Rule;

/// A relationship type as the rules write it: `subset of`.
fn words(r: Relationship) -> String {
    r.as_str().replace('_', " ")
}

/// The rules of the crosswalk, in the order a reader needs them.
pub fn rules() -> Vec<Rule> {
    let types: Vec<String> = Relationship::ALL.into_iter().map(words).collect();
    let direct: Vec<String> = IsoId::assessable()
        .filter(|id| id.not_addressed_by_nist().is_some())
        .map(|id| format!("{id} {}", id.item().title))
        .collect();
    let joint = SubcategoryId::all()
        .filter(|s| s.jointly_complete().is_some())
        .count();
    let joint_rule = match joint {
        0 => "No set of items is declared to cover a subcategory together, so partial sources never add up to covered.".to_string(),
        n => format!("Where a set of items is declared to cover a subcategory together ({n} such set{}), every item of the set at level {FULL_LEVEL} and at its target makes it covered.", if n == 1 { "" } else { "s" }),
    };
    let (equal, subset, superset, intersects, unrelated) = (
        words(Relationship::Equal),
        words(Relationship::SubsetOf),
        words(Relationship::SupersetOf),
        words(Relationship::IntersectsWith),
        words(Relationship::NotRelated),
    );
    vec![
        Rule {
            title: "The pairs",
            text: format!(
                "{} pairs between NIST AI RMF subcategories and ISO/IEC 42001 items, from the NIST AI Resource Center crosswalk, which gives them no type. We typed each one ({}: NIST's OLIR terms) and give the reason: what the two share and what one has that the other lacks.",
                Pair::all().len(),
                types.join(", ")
            ),
        },
        Rule {
            title: "Covered",
            text: format!(
                "A subcategory is covered only by a source that contains it ({equal}, or an ISO item that is a {superset} the subcategory) at level {FULL_LEVEL} and at its target. Sources that cover only part of it ({intersects}, {subset}) give at most partial coverage and an indicative maturity of at most {PARTIAL_CAP}, even all at target. {joint_rule} Pairs typed {unrelated} never count. A justified exclusion leaves that source out; the others still count."
            ),
        },
        Rule {
            title: "Coverage of a subcategory",
            text: "The mean attainment, min(maturity, target) \u{f7} target, of the items it rests on (or of a containing item alone, if better), unassessed ones counted as 0. It measures how far the items are; the status says what the pairs can support.".to_string(),
        },
        Rule {
            title: "Functions and categories",
            text: "They take the mean coverage of their subcategories. Covered when all are covered, unknown when all are unknown, not covered when none is covered or partial, otherwise partial; the count in each status is shown.".to_string(),
        },
        Rule {
            title: "The reverse direction",
            text: format!(
                "An ISO item is inferred at level {FULL_LEVEL} only from a subcategory that contains it ({equal}, or the item a {subset} the subcategory); from the others at most level {PARTIAL_CAP}, indicative. The {} items the NIST AI RMF does not address ({}) and items with no related pair are never inferred: assess them directly. Until then the results stay provisional.",
                direct.len(),
                direct.join("; ")
            ),
        },
        Rule {
            title: "Raising an answer",
            text: "Raising any answer never lowers a coverage, a status or an inferred value.".to_string(),
        },
        Rule {
            title: "The heat map",
            text: "It counts the pairs joining each function and section and averages the attainment of the assessed end of those pairs; the status map below it shows each subcategory or item as covered, partial, indicative, not covered or not assessed.".to_string(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_say_what_the_constants_and_declarations_say() {
        let all = rules();
        let text = |title: &str| &all.iter().find(|r| r.title == title).unwrap().text;
        assert!(text("The pairs").starts_with(&format!("{} pairs", Pair::all().len())));
        for r in Relationship::ALL {
            assert!(text("The pairs").contains(&words(r)), "{r:?}");
        }
        let covered = text("Covered");
        assert!(covered.contains(&format!("at level {FULL_LEVEL} and at its target")));
        assert!(covered.contains(&format!("at most {PARTIAL_CAP}")));
        let reverse = text("The reverse direction");
        let declared: Vec<IsoId> = IsoId::assessable()
            .filter(|id| id.not_addressed_by_nist().is_some())
            .collect();
        assert!(reverse.contains(&format!("The {} items", declared.len())));
        for id in declared {
            assert!(
                reverse.contains(&format!("{id} {}", id.item().title)),
                "{id}"
            );
        }
        assert!(all
            .iter()
            .all(|r| !r.text.is_empty() && r.text.ends_with('.')));
    }
}
