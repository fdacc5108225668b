//! The quick scan: a short plain-language questionnaire whose answers seed the full assessment.
//!
//! Each question gives evidence on a few assessable ISO items; an answer (a maturity 0-5) is
//! applied to all of them. Together the questions touch every clause 4-10 and every Annex A
//! objective.

use super::data::QUICK_SCAN;
use super::iso::IsoId;

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub question: &'static str,
    pub help: &'static str,
    pub items: &'static [IsoId],
}

impl Question {
    pub fn all() -> &'static [Question] {
        &QUICK_SCAN
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
