//! The quick scan: a short plain-language questionnaire whose answers seed the full assessment.
//!
//! Each question gives evidence on a few assessable ISO items; an answer (a maturity 0-5) is
//! applied to all of them. Together the questions touch every clause 4-10 and every Annex A
//! objective.

use super::data::QUICK_SCAN;
use super::iso::IsoId;
use super::rules::AiRole;

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub question: &'static str,
    pub help: &'static str,
    pub kind: QuestionKind,
}

/// What a question asks for, and where its answer is kept.
#[derive(Clone, Copy, Debug)]
pub enum QuestionKind {
    /// A maturity 0-5 applied to these assessable items.
    Maturity(&'static [IsoId]),
    /// The organisation's roles for AI (the assessment's `profile.roles`): each option with
    /// the roles it stands for.
    Roles(&'static [(&'static [AiRole], &'static str)]),
    /// The management-system certificates held (`organisation.certifications`): each option
    /// with the certificates it stands for (none for "neither").
    Certificates(&'static [(&'static [&'static str], &'static str)]),
}

impl Question {
    pub fn all() -> &'static [Question] {
        &QUICK_SCAN
    }

    /// `maturity`, `roles` or `certificates`.
    pub fn kind_str(&self) -> &'static str {
        match self.kind {
            QuestionKind::Maturity(_) => "maturity",
            QuestionKind::Roles(_) => "roles",
            QuestionKind::Certificates(_) => "certificates",
        }
    }

    /// The labels of a roles or certificates question's options, in order; empty for a
    /// maturity question (its options are [`QUICK_SCAN_OPTIONS`]).
    pub fn option_labels(&self) -> Vec<&'static str> {
        match self.kind {
            QuestionKind::Maturity(_) => Vec::new(),
            QuestionKind::Roles(o) => o.iter().map(|(_, l)| *l).collect(),
            QuestionKind::Certificates(o) => o.iter().map(|(_, l)| *l).collect(),
        }
    }

    /// The items a maturity question applies its answer to (none for the other kinds).
    pub fn items(&self) -> &'static [IsoId] {
        match self.kind {
            QuestionKind::Maturity(items) => items,
            _ => &[],
        }
    }
}

/// The answer choices of every quick-scan question, as the maturity each stands for.
pub const QUICK_SCAN_OPTIONS: [(u8, &str); 6] = [
    (0, "Not in place"),
    (1, "Ad hoc: done by some people, not written down"),
    (2, "Partly: written down or done for some systems"),
    (
        3,
        "Yes: documented, approved and applied everywhere it should be",
    ),
    (4, "Yes, and measured and reviewed against targets"),
    (5, "Yes, and continually improved"),
];
