//! The Stage 1 checklist: the documented information a Stage 1 audit looks for (declared in
//! `engine/data/stage1-documents.txt`), each ticked from the answers and evidence recorded.
//!
//! The rule (explained for users in docs/scoring.md):
//! - each item behind a document is
//!   - **present** when rated at the audit bar (level 3) or above and, for a critical item,
//!     with evidence listed (an auditor samples critical items first);
//!   - **partial** when rated 1-2, or rated 3 or above on a critical item with no evidence;
//!   - **missing** when rated 0, not assessed, or marked not applicable (every item behind a
//!     document is one the document needs, so an exclusion leaves it missing);
//! - a document is **present** when every item behind it is present, **missing** when every
//!   item is missing, and **partial** otherwise (some of it exists);
//! - the list is ordered missing first, then partial, then present, each in the order of the
//!   management system (scope first).

use super::findings::AUDIT_LEVEL;
use super::{find_item, ItemEval, Scope};
use crate::catalog::{Criticality, IsoId, Stage1Document};
use serde::Serialize;

/// Whether a document a Stage 1 audit looks for exists, judged from the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    /// Nothing behind it is in place (rated 0, not assessed, or excluded).
    Missing,
    /// Some of it: rated 1-2, or at level 3 or above without the evidence an auditor samples.
    Partial,
    /// Every item behind it at level 3 or above, with evidence where the item is critical.
    Present,
}

impl DocumentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentStatus::Missing => "missing",
            DocumentStatus::Partial => "partial",
            DocumentStatus::Present => "present",
        }
    }
}

/// One line of the Stage 1 checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChecklistEntry {
    /// What the auditor asks to see, in our own words.
    pub document: &'static str,
    /// The clauses (and controls) it comes from.
    pub clauses: &'static [IsoId],
    pub status: DocumentStatus,
}

/// The status of one item behind a document.
fn item_status(it: Option<&ItemEval>) -> DocumentStatus {
    let Some(it) = it else {
        return DocumentStatus::Missing;
    };
    let excluded = it.scope != Scope::Applicable || it.answer.is_some_and(|a| !a.applicable);
    match it.maturity {
        _ if excluded => DocumentStatus::Missing,
        None | Some(0) => DocumentStatus::Missing,
        Some(m) if m < AUDIT_LEVEL => DocumentStatus::Partial,
        Some(_) if it.criticality == Criticality::Critical && !it.has_evidence => {
            DocumentStatus::Partial
        }
        Some(_) => DocumentStatus::Present,
    }
}

/// The status of a document from the statuses of the items behind it.
fn document_status(items: impl Iterator<Item = DocumentStatus>) -> DocumentStatus {
    let (mut any, mut all_present, mut all_missing) = (false, true, true);
    for s in items {
        any = true;
        all_present &= s == DocumentStatus::Present;
        all_missing &= s == DocumentStatus::Missing;
    }
    match (any, all_present, all_missing) {
        (false, _, _) | (_, _, true) => DocumentStatus::Missing,
        (_, true, _) => DocumentStatus::Present,
        _ => DocumentStatus::Partial,
    }
}

/// The checklist for the evaluated items, missing first, then partial, then present.
pub(crate) fn checklist(items: &[ItemEval]) -> Vec<ChecklistEntry> {
    let mut out: Vec<ChecklistEntry> = Stage1Document::all()
        .iter()
        .map(|d| ChecklistEntry {
            document: d.document,
            clauses: d.clauses,
            status: document_status(
                d.clauses
                    .iter()
                    .map(|id| item_status(find_item(items, *id))),
            ),
        })
        .collect();
    // A stable sort keeps the order of the management system within each status.
    crate::order::sort_by_key(&mut out, |e| e.status);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Answer, IsoAnswers};
    use crate::scoring::evaluate;

    fn id(s: &str) -> IsoId {
        IsoId::parse(s).unwrap()
    }

    fn with(answers: &[(&str, Answer)]) -> IsoAnswers {
        answers.iter().map(|(k, a)| (id(k), a.clone())).collect()
    }

    fn evidenced(m: u8) -> Answer {
        Answer {
            evidence: vec!["record".to_string()],
            ..Answer::rated(m)
        }
    }

    fn status_of(answers: &IsoAnswers, document_clause: &str) -> DocumentStatus {
        let c = id(document_clause);
        checklist(&evaluate(answers))
            .into_iter()
            .find(|e| e.clauses.contains(&c))
            .unwrap()
            .status
    }

    #[test]
    fn every_document_comes_from_assessable_items() {
        let docs = Stage1Document::all();
        assert_eq!(docs.len(), 12);
        for d in docs {
            assert!(!d.clauses.is_empty(), "{}", d.id);
            for c in d.clauses {
                assert!(IsoId::assessable().any(|a| a == *c), "{} {c}", d.id);
            }
        }
    }

    #[test]
    fn item_rules() {
        // 4.3 scope: one item.
        let cases = [
            (None, DocumentStatus::Missing),
            (Some(Answer::rated(0)), DocumentStatus::Missing),
            (Some(Answer::rated(1)), DocumentStatus::Partial),
            (Some(Answer::rated(2)), DocumentStatus::Partial),
            (Some(evidenced(3)), DocumentStatus::Present),
            (Some(evidenced(5)), DocumentStatus::Present),
        ];
        for (answer, want) in cases {
            let answers = match &answer {
                Some(a) => with(&[("4.3", a.clone())]),
                None => IsoAnswers::default(),
            };
            assert_eq!(status_of(&answers, "4.3"), want, "{answer:?}");
        }
    }

    #[test]
    fn critical_items_need_evidence() {
        let c = id("6.1.2");
        assert_eq!(c.criticality(), Criticality::Critical);
        let a = with(&[("6.1.2", Answer::rated(4)), ("8.2", evidenced(4))]);
        assert_eq!(status_of(&a, "6.1.2"), DocumentStatus::Partial);
        let a = with(&[("6.1.2", evidenced(4)), ("8.2", evidenced(4))]);
        assert_eq!(status_of(&a, "6.1.2"), DocumentStatus::Present);
    }

    #[test]
    fn a_document_with_some_items_in_place_is_partial() {
        let a = with(&[("9.2.1", evidenced(3))]);
        assert_eq!(status_of(&a, "9.2.2"), DocumentStatus::Partial);
        let a = with(&[("9.2.1", Answer::rated(0)), ("9.2.2", Answer::rated(0))]);
        assert_eq!(status_of(&a, "9.2.2"), DocumentStatus::Missing);
    }

    #[test]
    fn a_needed_item_marked_not_applicable_is_missing() {
        let mut excluded = evidenced(4);
        excluded.applicable = false;
        let a = with(&[("4.3", excluded)]);
        assert_eq!(status_of(&a, "4.3"), DocumentStatus::Missing);
    }

    #[test]
    fn missing_first_then_partial_then_present() {
        let a = with(&[
            ("4.3", evidenced(3)),
            ("5.2", Answer::rated(2)),
            ("10.2", evidenced(3)),
        ]);
        let list = checklist(&evaluate(&a));
        let statuses: Vec<DocumentStatus> = list.iter().map(|e| e.status).collect();
        let mut sorted = statuses.clone();
        sorted.sort();
        assert_eq!(statuses, sorted);
        assert_eq!(list[list.len() - 1].clauses, &[id("10.2")]);
        assert_eq!(list[list.len() - 2].clauses, &[id("4.3")]);
        assert_eq!(list[list.len() - 3].status, DocumentStatus::Partial);
        assert_eq!(list[0].status, DocumentStatus::Missing);
    }

    #[test]
    fn document_status_of_no_items_is_missing() {
        assert_eq!(document_status(std::iter::empty()), DocumentStatus::Missing);
    }
}
