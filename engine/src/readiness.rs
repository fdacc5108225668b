//! The readiness report of a whole assessment: the one call per task that chooses the path.
//! ISO/IEC 42001 answers are scored directly ([`crate::scoring`]); NIST AI RMF answers are first
//! turned into inferred ISO/IEC 42001 answers by the reverse crosswalk ([`crate::crosswalk`]),
//! which scores them with the same [`crate::scoring::score_items`], every inferred value marked.
//!
//! This module sits above both: scoring never depends on the crosswalk (the crosswalk uses
//! scoring), so the modules form no circle.

use crate::assessment::{Answers, Assessment};
use crate::scoring::{proposed_exclusions, score_answers, Report};

/// Scores a whole assessment, whichever framework its answers are in.
pub fn score(a: &Assessment) -> Report {
    match &a.answers {
        Answers::Iso42001(answers) => {
            let mut report = score_answers(answers, &a.organisation, a.planning.as_ref());
            report.proposed_exclusions = proposed_exclusions(&a.profile, answers);
            report
        }
        Answers::NistAiRmf(nist) => {
            crate::crosswalk::infer_iso(nist, &a.organisation, a.planning.as_ref()).report
        }
    }
}
