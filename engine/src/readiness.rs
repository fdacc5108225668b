//! The readiness report of a whole assessment: the one call per task that chooses the path.
//! ISO/IEC 42001 answers are scored directly ([`crate::scoring`]); NIST AI RMF answers are first
//! turned into inferred ISO/IEC 42001 answers by the reverse crosswalk ([`crate::crosswalk`]),
//! which scores them with the same [`crate::scoring::score_items`], every inferred value marked.
//!
//! This module sits above both: scoring never depends on the crosswalk (the crosswalk uses
//! scoring), so the modules form no circle.

use crate::assessment::{Answers, Assessment, IsoAnswers};
use crate::scoring::{name_weakest_systems, proposed_exclusions, score_answers, Report};
use std::borrow::Cow;

/// Scores a whole assessment, whichever framework its answers are in.
///
/// The effort of the roadmap is sized by the AI systems in scope
/// ([`Assessment::systems_in_scope`]), and findings on items answered per AI system name the
/// systems rated lowest.
pub fn score(a: &Assessment) -> Report {
    let organisation = a.sized_organisation();
    match &a.answers {
        Answers::Iso42001(answers) => {
            let mut report = score_answers(answers, &organisation, a.planning.as_ref());
            report.proposed_exclusions = proposed_exclusions(&a.profile, answers);
            name_weakest_systems(&mut report.findings, &a.profile, answers);
            report
        }
        Answers::NistAiRmf(nist) => {
            crate::crosswalk::infer_iso(nist, &organisation, a.planning.as_ref()).report
        }
    }
}

/// How much of an assessment is answered, in its own framework: ISO/IEC 42001 items rated or
/// marked not applicable (the report's `answered`) of the assessable items, or NIST AI RMF
/// subcategories rated or marked not applicable of the 72 (no crosswalk).
pub fn answered(a: &Assessment) -> (usize, usize) {
    match &a.answers {
        Answers::Iso42001(answers) => {
            let items = crate::scoring::evaluate(answers);
            (items.iter().filter(|i| i.answered()).count(), items.len())
        }
        Answers::NistAiRmf(answers) => (
            answers
                .values()
                .filter(|x| x.maturity().is_some() || !x.applicable)
                .count(),
            crate::catalog::SubcategoryId::all().count(),
        ),
    }
}

/// The ISO/IEC 42001 answers an export or the action plan shows: the assessment's own, or for a NIST AI RMF
/// assessment the answers the crosswalk infers.
pub(crate) fn iso_view(a: &Assessment) -> Cow<'_, Assessment> {
    match crate::crosswalk::reverse(a) {
        Ok(reverse) => Cow::Owned(reverse.to_assessment(a)),
        Err(_) => Cow::Borrowed(a),
    }
}

/// The ISO answers and report behind every export.
pub(crate) fn scored(a: &Assessment) -> (IsoAnswers, Report) {
    let view = iso_view(a);
    let answers = view.iso_answers().cloned().unwrap_or_default();
    (answers, score(&view))
}
