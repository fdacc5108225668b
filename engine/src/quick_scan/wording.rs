//! What the quick scan says, in plain words: the same sentences in the app's quick-scan page
//! and in the embeddable widget, which render them with different code (a Yew component and a
//! few lines of DOM), so that the wording, like the rules, exists once.
//!
//! `embedded` is the widget, on a host's page: it saves in the browser only and links to none
//! of the app's pages.

use super::{Progress, Summary};
use crate::catalog::{Question, QuestionKind};
use crate::scoring::AUDIT_LEVEL;

/// Above the progress bar: "Question 3 of 25 · 2 answered".
pub fn progress_label(step: usize, p: Progress) -> String {
    format!(
        "Question {} of {} \u{b7} {} answered",
        step + 1,
        p.total,
        p.answered
    )
}

/// Where an answer to the question is kept, under its options.
pub fn applies(q: &Question, embedded: bool) -> String {
    let items = || {
        q.items()
            .iter()
            .map(|id| id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (q.kind, embedded) {
        (QuestionKind::Maturity(_), true) => format!(
            "Covers ISO/IEC 42001 {}. Your answer is saved in this browser only.",
            items()
        ),
        (QuestionKind::Maturity(_), false) => format!(
            "Your answer is saved in this browser and applied to ISO/IEC 42001 {} in the full assessment.",
            items()
        ),
        (QuestionKind::Roles(_), _) => "Saved as your organisation's role for AI (ISO/IEC 22989 terms). Exclusions it suggests are only proposed: you confirm each one.".to_string(),
        (QuestionKind::Certificates(_), _) => "Saved with your organisation's details; a certificate shortens the work on the shared management-system clauses.".to_string(),
    }
}

/// The heading of the end screen of a scan with unanswered questions: "3 of 25 answered".
pub fn partial_heading(p: Progress) -> String {
    format!("{} of {} answered", p.answered, p.total)
}

/// Why a partial scan shows no band and no verdict.
pub fn missing(p: Progress) -> String {
    let left = p.total - p.answered;
    let (has, them) = if left == 1 {
        ("has", "it")
    } else {
        ("have", "them")
    };
    format!(
        "An indicative band and verdict need an answer to every question: {left} still {has} none (\u{201c}not sure\u{201d} counts as unanswered). Ask a colleague who knows, then answer {them}."
    )
}

/// An unanswered question in the end screen's list: "Question 4: …".
pub fn unanswered(i: usize, q: &Question) -> String {
    format!("Question {}: {}", i + 1, q.question)
}

/// What the band of a complete scan rests on.
pub fn indicative(p: Progress, s: &Summary) -> String {
    format!(
        "Indicative only: {} short questions give a first reading, applied to {} of the {} items a certification audit covers. The full assessment rates each item with its own guidance and gives the reliable figure.",
        p.total, s.answered, s.total
    )
}

/// The exclusions the organisation's role for AI proposes, when there are any.
pub fn proposals(s: &Summary, embedded: bool) -> Option<String> {
    let n = s.proposed_exclusions;
    (n > 0).then(|| {
        format!(
            "From your role for AI, {n} Annex A control{} could be excluded with a justification. Nothing is excluded until you confirm it{}.",
            if n == 1 { "" } else { "s" },
            if embedded {
                " in the full assessment"
            } else {
                " on the results page"
            }
        )
    })
}

/// Under the app's end screen: where the answers already are.
pub const IN_THE_FULL_ASSESSMENT: &str = "Your quick-scan answers are already in the full assessment: continue there to confirm and refine them.";

/// In place of the gaps when there are none.
pub fn no_gaps() -> String {
    format!("No gap below level {AUDIT_LEVEL} among the items your answers cover.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quick_scan::{summary, Choice, Record};

    #[test]
    fn sentences_count_what_is_left_and_name_where_answers_go() {
        let p = |answered| Progress {
            answered,
            total: 25,
            first_unanswered: answered,
        };
        assert_eq!(
            progress_label(2, p(1)),
            "Question 3 of 25 \u{b7} 1 answered"
        );
        assert!(
            missing(p(24)).contains(": 1 still has none") && missing(p(24)).ends_with("answer it.")
        );
        assert!(
            missing(p(20)).contains(": 5 still have none")
                && missing(p(20)).ends_with("answer them.")
        );
        assert_eq!(partial_heading(p(3)), "3 of 25 answered");
        let maturity = Question::all()
            .iter()
            .find(|q| matches!(q.kind, QuestionKind::Maturity(_)))
            .unwrap();
        let first = maturity.items()[0].as_str();
        assert!(
            applies(maturity, true).contains(first)
                && applies(maturity, true).ends_with("this browser only.")
        );
        assert!(applies(maturity, false).contains("in the full assessment"));
        assert!(no_gaps().contains("level 3"));
    }

    #[test]
    fn the_proposals_note_appears_only_for_proposed_exclusions() {
        let mut r = Record::default();
        let s = summary(&r.assessment()).unwrap();
        assert_eq!(proposals(&s, true), None);
        // "We only use AI built by others" (the role question's second option).
        r.set(0, Some(Choice::Option(1)));
        let s = summary(&r.assessment()).unwrap();
        let note = proposals(&s, true).unwrap();
        assert!(
            note.starts_with("From your role for AI, ")
                && note.ends_with("in the full assessment."),
            "{note}"
        );
        assert!(proposals(&s, false)
            .unwrap()
            .ends_with("on the results page."));
    }
}
