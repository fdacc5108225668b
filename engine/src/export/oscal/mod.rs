//! OSCAL 1.1.2 (NIST's Open Security Controls Assessment Language, JSON) documents: a
//! [`catalog`] of our ISO/IEC 42001 ids and short titles, the [`assessment_results`] of an
//! assessment, and its action plan as a plan of action and milestones ([`poam`]). The mapping is documented in docs/exports.md; the documents are validated by
//! an independent OSCAL library (compliance-trestle) in the test command.
//!
//! Guarantees:
//! - **Stable ids.** An ISO/IEC 42001 id becomes an OSCAL token with [`control_id`]:
//!   clause items `clause-6.1.2`, Annex A `a.6.2.4`; the original is kept in a `label` prop.
//! - **Deterministic UUIDs.** Version 5 UUIDs derived from the content (see [`uuid`]): the
//!   same assessment on the same date gives the same document byte for byte.
//! - **Our own props are namespaced** with [`NS`]; OSCAL's own names (`label`) are not.
//! - No text of the standard: ids, short titles and our own guidance wording only.

mod catalog;
mod model;
mod poam;
mod results;
pub mod uuid;

pub use catalog::{catalog, CATALOG_LAST_MODIFIED};
pub use poam::poam;
pub use results::assessment_results;

use crate::catalog::IsoId;
use crate::export::ReportDate;
use model::Prop;
use serde::Serialize;
use uuid::Child;

/// The OSCAL version the documents follow.
pub const OSCAL_VERSION: &str = "1.1.2";

/// The namespace of the props AIMS Readiness defines (`maturity`, `target`, `applicable`, …).
/// A stable URI that names, not locates: it is under the reserved `.example` domain until the
/// product has a domain of its own, and will not change within OSCAL documents of this format.
pub const NS: &str = "https://aims-readiness.example/ns/oscal";

/// The OSCAL token for an ISO/IEC 42001 item: `clause-` + the id for clauses 4-10 (a token
/// cannot start with a digit), the id in lower case for Annex A (`a.5.4`).
pub fn control_id(id: IsoId) -> String {
    if id.is_annex_a() {
        id.as_str().to_ascii_lowercase()
    } else {
        format!("clause-{}", id.as_str())
    }
}

/// The assessment objective of a control in our catalog: `<control id>_obj`, the target of a
/// finding.
pub fn objective_id(id: IsoId) -> String {
    format!("{}_obj", control_id(id))
}

/// A prop in our namespace.
fn prop(name: &'static str, value: impl ToString) -> Prop {
    Prop {
        name,
        ns: Some(NS),
        value: value.to_string(),
    }
}

/// OSCAL's own `label` prop (the id as printed in the standard).
fn label(id: IsoId) -> Prop {
    Prop {
        name: "label",
        ns: None,
        value: id.as_str().to_string(),
    }
}

/// The metadata of a document about one assessment: `title` with the organisation's name,
/// `last-modified` and `version` from the date the caller passes, the organisation as a party.
fn metadata(
    title: &str,
    org_name: Option<&str>,
    date: ReportDate,
    doc: uuid::Uuid,
    written_from: &str,
) -> model::Metadata {
    model::Metadata {
        title: match org_name {
            Some(n) => format!("{title}: {}", crate::export::inline::text(n)),
            None => title.to_string(),
        },
        last_modified: date.to_datetime(),
        version: date.to_string(),
        oscal_version: OSCAL_VERSION,
        parties: org_name
            .map(|n| model::Party {
                uuid: doc.child("party/organisation").to_string(),
                kind: "organization",
                name: n.to_string(),
            })
            .into_iter()
            .collect(),
        remarks: format!(
            "Written by AIMS Readiness {} {written_from}; the version is the assessment date. {} Props in the namespace {NS} are AIMS Readiness's own (docs/exports.md).",
            env!("CARGO_PKG_VERSION"),
            crate::catalog::ISO_ATTRIBUTION
        ),
    }
}

/// Pretty-printed JSON of a document (plain structs and strings: serializing cannot fail).
fn pretty(document: &impl Serialize) -> String {
    serde_json::to_string_pretty(document).unwrap_or_default()
}

/// Text for a field whose value must not be empty or start or end with white space (OSCAL
/// strings): trimmed, and a placeholder when nothing is left.
fn oscal_text(s: &str, placeholder: &str) -> String {
    let t = s.trim();
    if t.is_empty() {
        placeholder.to_string()
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_oscal_tokens() {
        let token = |s: &str| {
            let mut chars = s.chars();
            chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
                && chars.all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
        };
        for id in IsoId::all() {
            assert!(token(&control_id(id)), "{}", control_id(id));
            assert!(token(&objective_id(id)), "{}", objective_id(id));
        }
        let id = |s| control_id(IsoId::parse(s).unwrap());
        assert_eq!(id("6.1.2"), "clause-6.1.2");
        assert_eq!(id("A.6.2.4"), "a.6.2.4");
    }
}
