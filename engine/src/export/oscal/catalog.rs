//! The OSCAL catalog of our ISO/IEC 42001 ids and short titles (`aims catalog iso42001
//! --format oscal`).
//!
//! Clauses 4-10 and the Annex A objectives are groups; headings inside them (6.1, A.6.1, …)
//! are nested groups; every assessable item (a clause leaf or an Annex A control) is a
//! control. A group holds either groups or controls, never both (the OSCAL 1.2 models of
//! compliance-trestle 5 refuse a group with both): where a section holds headings and items
//! side by side (clause 6: heading 6.1, items 6.2 and 6.3), each run of consecutive items is
//! wrapped in a group of its own (`clause-6-items`, titled "Planning: 6.2-6.3"), in place, so
//! the order of the items is kept. Each control has a `label` prop with the id as printed, a `criticality` prop in
//! our namespace, and one `assessment-objective` part (id `<control id>_obj`) with our own
//! wording of what the item asks: the target of the findings in assessment results.

use super::model::{Catalog, CatalogDocument, Control, Group, Metadata, Part, Prop};
use super::uuid::{digest, v5, AIMS_NAMESPACE};
use super::{control_id, label, objective_id, pretty, prop, NS, OSCAL_VERSION};
use crate::catalog::{IsoId, ISO_ATTRIBUTION};

/// The catalog's `last-modified`: when the catalog data (engine/data/iso42001.csv and the
/// guidance) last changed. Update it with the data.
pub const CATALOG_LAST_MODIFIED: &str = "2025-11-28T00:00:00Z";

/// The catalog as pretty-printed OSCAL JSON.
pub fn catalog() -> String {
    let groups: Vec<Group> = IsoId::sections().map(group).collect();
    // The UUID names the content: it changes when an id, title or objective changes.
    let content = pretty(&groups);
    let uuid = v5(
        AIMS_NAMESPACE,
        &format!("catalog/iso42001/{}", digest(&content)),
    );
    pretty(&CatalogDocument {
        catalog: Catalog {
            uuid: uuid.to_string(),
            metadata: Metadata {
                title: "ISO/IEC 42001:2023 clause and control ids with short titles (AIMS Readiness)"
                    .to_string(),
                last_modified: CATALOG_LAST_MODIFIED.to_string(),
                version: env!("CARGO_PKG_VERSION").to_string(),
                oscal_version: OSCAL_VERSION,
                parties: Vec::new(),
                remarks: format!(
                    "{ISO_ATTRIBUTION} Assessable items are controls; clauses, Annex A objectives and headings are groups. A group holds either groups or controls: where a clause holds headings and items side by side, each run of its items is a group of its own (class clause-items, id <clause>-items). Props in the namespace {NS} are AIMS Readiness's own."
                ),
            },
            groups,
        },
    })
}

fn group(id: IsoId) -> Group {
    let children: Vec<IsoId> = id.children().collect();
    let is_item = |c: &IsoId| c.item().assessable;
    let (groups, controls) = if children.iter().all(is_item) {
        (Vec::new(), children.into_iter().map(control).collect())
    } else if !children.iter().any(is_item) {
        (children.into_iter().map(group).collect(), Vec::new())
    } else {
        (mixed(id, &children), Vec::new())
    };
    Group {
        id: control_id(id),
        class: if id.is_annex_a() {
            "objective"
        } else {
            "clause"
        },
        title: id.item().title.to_string(),
        props: vec![label(id)],
        groups,
        controls,
    }
}

/// The groups of a section that holds both headings and items: each heading is a group as
/// usual, and each run of consecutive items becomes a group of its own where the run stands.
/// Its id is the section's id with `-items` (and `-2`, `-3`, … for a second or third run,
/// which the current catalog does not have), its title the section's title with the range of
/// ids (`Planning: 6.2-6.3`), its `label` that range.
fn mixed(section: IsoId, children: &[IsoId]) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut runs = 0;
    let mut rest = children;
    while let Some((&first, _)) = rest.split_first() {
        if !first.item().assessable {
            groups.push(group(first));
            rest = &rest[1..];
            continue;
        }
        let len = rest
            .iter()
            .position(|c| !c.item().assessable)
            .unwrap_or(rest.len());
        let (run, after) = rest.split_at(len);
        rest = after;
        runs += 1;
        let last = run.last().copied().unwrap_or(first);
        let range = if last == first {
            first.as_str().to_string()
        } else {
            format!("{}-{}", first.as_str(), last.as_str())
        };
        let id = if runs == 1 {
            format!("{}-items", control_id(section))
        } else {
            format!("{}-items-{runs}", control_id(section))
        };
        groups.push(Group {
            id,
            class: if section.is_annex_a() {
                "objective-items"
            } else {
                "clause-items"
            },
            title: format!("{}: {range}", section.item().title),
            props: vec![Prop {
                name: "label",
                ns: None,
                value: range,
            }],
            groups: Vec::new(),
            controls: run.iter().copied().map(control).collect(),
        });
    }
    groups
}

fn control(id: IsoId) -> Control {
    let item = id.item();
    let objective = match id.explanation() {
        Some(g) => g.asks.to_string(),
        None => format!(
            "The organisation does what \"{}\" ({}) asks, documented, approved and applied across the scope with records (maturity level 3, Defined).",
            item.title, item.id
        ),
    };
    Control {
        id: control_id(id),
        class: if id.is_annex_a() {
            "annex-a-control"
        } else {
            "clause-requirement"
        },
        title: item.title,
        props: vec![label(id), prop("criticality", id.criticality().as_str())],
        parts: vec![Part {
            id: objective_id(id),
            name: "assessment-objective",
            prose: objective,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn every_assessable_item_is_one_control() {
        let v: Value = serde_json::from_str(&catalog()).unwrap();
        let mut ids = Vec::new();
        fn walk(g: &Value, ids: &mut Vec<String>) {
            for c in g["controls"].as_array().into_iter().flatten() {
                ids.push(c["id"].as_str().unwrap().to_string());
            }
            for sub in g["groups"].as_array().into_iter().flatten() {
                walk(sub, ids);
            }
        }
        walk(&v["catalog"], &mut ids);
        let mut expected: Vec<String> = IsoId::assessable().map(control_id).collect();
        ids.sort();
        expected.sort();
        assert_eq!(ids, expected);
        assert_eq!(ids.len(), 70);
        assert_eq!(v["catalog"]["groups"].as_array().unwrap().len(), 16);
    }

    /// Every group of the catalog, depth first, in document order.
    fn groups(v: &Value) -> Vec<&Value> {
        let mut out = Vec::new();
        fn walk<'a>(g: &'a Value, out: &mut Vec<&'a Value>) {
            for sub in g["groups"].as_array().into_iter().flatten() {
                out.push(sub);
                walk(sub, out);
            }
        }
        walk(&v["catalog"], &mut out);
        out
    }

    /// The OSCAL 1.2 models of compliance-trestle 5 refuse a group with both `groups` and
    /// `controls`; a group with neither would be an empty heading.
    #[test]
    fn every_group_holds_groups_or_controls_never_both() {
        let v: Value = serde_json::from_str(&catalog()).unwrap();
        for g in groups(&v) {
            let has = |key: &str| {
                g.get(key)
                    .is_some_and(|x| !x.as_array().unwrap().is_empty())
            };
            assert!(has("groups") != has("controls"), "{}", g["id"]);
        }
    }

    /// Every heading keeps its id, title and label; the only groups added are the wrappers of
    /// items that sit beside headings, and the controls stay in catalog order.
    #[test]
    fn headings_are_kept_and_loose_items_are_wrapped_in_place() {
        let v: Value = serde_json::from_str(&catalog()).unwrap();
        let all = groups(&v);
        let headings: Vec<IsoId> = IsoId::all().filter(|id| !id.item().assessable).collect();
        for &h in &headings {
            let g = all.iter().find(|g| g["id"] == control_id(h)).unwrap();
            assert_eq!(g["title"], h.item().title);
            assert_eq!(g["props"][0]["value"], h.as_str());
        }
        let wrappers: Vec<(&str, &str, &str)> = all
            .iter()
            .filter(|g| g["class"] == "clause-items" || g["class"] == "objective-items")
            .map(|g| {
                (
                    g["id"].as_str().unwrap(),
                    g["title"].as_str().unwrap(),
                    g["props"][0]["value"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            wrappers,
            [
                ("clause-6-items", "Planning: 6.2-6.3", "6.2-6.3"),
                ("clause-7-items", "Support: 7.1-7.4", "7.1-7.4"),
                ("clause-9-items", "Performance evaluation: 9.1", "9.1"),
            ]
        );
        assert_eq!(all.len(), headings.len() + wrappers.len());
        // Clause 6: heading 6.1 first, then the wrapper of 6.2 and 6.3, as in the standard.
        let six = &v["catalog"]["groups"][2];
        let order: Vec<&str> = six["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["id"].as_str().unwrap())
            .collect();
        assert_eq!(order, ["clause-6.1", "clause-6-items"]);
        let mut controls = Vec::new();
        fn collect(g: &Value, out: &mut Vec<String>) {
            for c in g["controls"].as_array().into_iter().flatten() {
                out.push(c["id"].as_str().unwrap().to_string());
            }
            for sub in g["groups"].as_array().into_iter().flatten() {
                collect(sub, out);
            }
        }
        collect(&v["catalog"], &mut controls);
        let expected: Vec<String> = IsoId::assessable().map(control_id).collect();
        assert_eq!(controls, expected, "document order is catalog order");
    }
}
