//! The OSCAL catalog of our ISO/IEC 42001 ids and short titles (`aims catalog iso42001
//! --format oscal`).
//!
//! Clauses 4-10 and the Annex A objectives are groups; headings inside them (6.1, A.6.1, …)
//! are nested groups; every assessable item (a clause leaf or an Annex A control) is a
//! control. Each control has a `label` prop with the id as printed, a `criticality` prop in
//! our namespace, and one `assessment-objective` part (id `<control id>_obj`) with our own
//! wording of what the item asks: the target of the findings in assessment results.

use super::model::{Catalog, CatalogDocument, Control, Group, Metadata, Part};
use super::uuid::{hex, sha1, Uuid, AIMS_NAMESPACE};
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
    let uuid = Uuid::v5(
        AIMS_NAMESPACE,
        &format!("catalog/iso42001/{}", hex(&sha1(content.as_bytes()))),
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
                    "{ISO_ATTRIBUTION} Assessable items are controls; clauses, Annex A objectives and headings are groups. Props in the namespace {NS} are AIMS Readiness's own."
                ),
            },
            groups,
        },
    })
}

fn group(id: IsoId) -> Group {
    let (mut groups, mut controls) = (Vec::new(), Vec::new());
    for child in id.children() {
        if child.item().assessable {
            controls.push(control(child));
        } else {
            groups.push(group(child));
        }
    }
    Group {
        id: control_id(id),
        class: if id.is_annex_a() {
            "objective"
        } else {
            "clause"
        },
        title: id.item().title,
        props: vec![label(id)],
        groups,
        controls,
    }
}

fn control(id: IsoId) -> Control {
    let item = id.item();
    let objective = match item.guidance {
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
}
