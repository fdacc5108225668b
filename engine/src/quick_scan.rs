//! The quick scan's rules: which option a question shows as chosen, what choosing one writes
//! into the assessment, and when the scan is complete. The web app and the widget only show
//! them (docs/scoring.md, "Quick scan").
//!
//! A maturity question writes its level into every item it asks about, marked with the
//! question's id (`quick_scan`) so that the findings count one answer as one piece of
//! evidence; the role question writes `profile.roles`, the certificate question
//! `organisation.certifications` (an empty list for "neither"). A question counts as answered
//! when its items all share one level (items excluded with a justification are skipped), the
//! roles match one of its options, or the certificates were stated. "Not sure" leaves or makes
//! a question unanswered. The band and the verdict are shown only when every question is
//! answered.

use crate::assessment::{Answer, Answers, Assessment};
use crate::catalog::{AiRole, IsoId, Question, QuestionKind};

/// An answer to one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// A maturity question's level, 0-5.
    Level(u8),
    /// The index of a roles or certificates question's option.
    Option(usize),
}

/// The choice a question shows, from the assessment; `None` while unanswered.
pub fn chosen(q: &Question, a: &Assessment) -> Option<Choice> {
    match q.kind {
        QuestionKind::Maturity(items) => {
            let answers = a.iso_answers()?;
            let mut levels = items
                .iter()
                .filter(|id| answers.get(id).is_none_or(|x| x.applicable))
                .map(|id| answers.get(id).and_then(Answer::maturity));
            let first = levels.next()??;
            levels
                .all(|m| m == Some(first))
                .then_some(Choice::Level(first))
        }
        QuestionKind::Roles(options) => {
            let mut have = a.profile.roles.clone();
            have.sort();
            options
                .iter()
                .position(|(roles, _)| {
                    let mut want = roles.to_vec();
                    want.sort();
                    !have.is_empty() && want == have
                })
                .map(Choice::Option)
        }
        QuestionKind::Certificates(options) => {
            let org = &a.organisation;
            if org.certifications.is_empty() && !org.certifications_stated {
                return None;
            }
            let held = |n: &str| holds(&org.certifications, n);
            options
                .iter()
                .position(|(certs, _)| {
                    ["27001", "9001"]
                        .iter()
                        .all(|n| held(n) == certs.iter().any(|c| number_of(c) == Some(n)))
                })
                .map(Choice::Option)
        }
    }
}

/// Writes a choice (or "not sure", `None`) into the assessment. A choice of the wrong kind for
/// the question, or an option out of range, changes nothing.
pub fn answer(a: &mut Assessment, q: &Question, choice: Option<Choice>) {
    match (q.kind, choice) {
        (QuestionKind::Maturity(items), Some(Choice::Level(m))) => set_items(
            a,
            items,
            Some(m.min(crate::assessment::MAX_MATURITY)),
            Some(q.id),
        ),
        (QuestionKind::Maturity(items), None) => set_items(a, items, None, None),
        (QuestionKind::Roles(options), Some(Choice::Option(i))) => {
            if let Some((roles, _)) = options.get(i) {
                let mut roles: Vec<AiRole> = roles.to_vec();
                roles.sort();
                a.profile.roles = roles;
            }
        }
        (QuestionKind::Roles(_), None) => a.profile.roles.clear(),
        (QuestionKind::Certificates(options), Some(Choice::Option(i))) => {
            if let Some((certs, _)) = options.get(i) {
                let org = &mut a.organisation;
                // Keep other certificates; replace the ones the question is about.
                org.certifications.retain(|c| number_of(c).is_none());
                org.certifications
                    .extend(certs.iter().map(|c| c.to_string()));
                org.certifications_stated = org.certifications.is_empty();
            }
        }
        (QuestionKind::Certificates(_), None) => {
            let org = &mut a.organisation;
            org.certifications.retain(|c| number_of(c).is_none());
            org.certifications_stated = false;
        }
        _ => {}
    }
}

fn set_items(a: &mut Assessment, items: &[IsoId], m: Option<u8>, question: Option<&str>) {
    let Answers::Iso42001(answers) = &mut a.answers else {
        return;
    };
    for &id in items {
        let answer = answers.entry(id).or_default();
        // An item excluded with a justification keeps its exclusion.
        if !answer.applicable && answer.justification().is_some() {
            continue;
        }
        answer.maturity = m;
        answer.inferred = false;
        answer.quick_scan = m.and(question.map(str::to_string));
        if *answer == Answer::default() {
            answers.remove(&id);
        }
    }
}

fn number_of(c: &str) -> Option<&'static str> {
    ["27001", "9001"].into_iter().find(|n| {
        c.split(|ch: char| !ch.is_ascii_digit())
            .any(|run| run == *n)
    })
}

fn holds(certs: &[String], n: &str) -> bool {
    certs.iter().any(|c| number_of(c) == Some(n))
}

/// How far the quick scan is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
    /// The first question without an answer (`total` when all are answered).
    pub first_unanswered: usize,
}

impl Progress {
    /// Every question answered: the band and the verdict may be shown.
    pub fn is_complete(&self) -> bool {
        self.answered == self.total
    }
}

/// The quick scan's progress on this assessment.
pub fn progress(a: &Assessment) -> Progress {
    let questions = Question::all();
    let mut answered = 0;
    let mut first_unanswered = questions.len();
    for (i, q) in questions.iter().enumerate() {
        if chosen(q, a).is_some() {
            answered += 1;
        } else if first_unanswered == questions.len() {
            first_unanswered = i;
        }
    }
    Progress {
        answered,
        total: questions.len(),
        first_unanswered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Framework;
    use crate::readiness::score;
    use crate::scoring::Verdict;

    fn q(id: &str) -> &'static Question {
        Question::all().iter().find(|q| q.id == id).unwrap()
    }

    #[test]
    fn a_maturity_answer_sets_every_item_and_marks_the_question() {
        let mut a = Assessment::new(Framework::Iso42001);
        answer(&mut a, q("q09"), Some(Choice::Level(2)));
        assert_eq!(chosen(q("q09"), &a), Some(Choice::Level(2)));
        let answers = a.iso_answers().unwrap();
        for id in q("q09").items() {
            assert_eq!(answers[id].maturity, Some(2));
            assert_eq!(answers[id].quick_scan.as_deref(), Some("q09"));
        }
        // One answer is one piece of evidence: one minor, not a systemic major.
        let r = score(&a);
        assert_eq!(
            r.findings
                .iter()
                .filter(|f| f.severity == crate::scoring::FindingSeverity::Major)
                .count(),
            0
        );
        answer(&mut a, q("q09"), None);
        assert!(a.iso_answers().unwrap().is_empty());
        assert_eq!(chosen(q("q09"), &a), None);
    }

    #[test]
    fn roles_and_certificates_are_answers_too() {
        let mut a = Assessment::new(Framework::Iso42001);
        assert_eq!(chosen(q("role"), &a), None);
        answer(&mut a, q("role"), Some(Choice::Option(1)));
        assert_eq!(a.profile.roles, [AiRole::Customer]);
        assert_eq!(chosen(q("role"), &a), Some(Choice::Option(1)));

        assert_eq!(chosen(q("certificate"), &a), None);
        a.organisation.certifications = vec!["ISO 14001".into()];
        answer(&mut a, q("certificate"), Some(Choice::Option(3)));
        assert_eq!(
            chosen(q("certificate"), &a),
            Some(Choice::Option(3)),
            "neither"
        );
        assert_eq!(a.organisation.certifications, ["ISO 14001"]);
        answer(&mut a, q("certificate"), Some(Choice::Option(0)));
        assert_eq!(
            a.organisation.certifications,
            ["ISO 14001", "ISO/IEC 27001"]
        );
        assert_eq!(chosen(q("certificate"), &a), Some(Choice::Option(0)));
        let mut none = Assessment::new(Framework::Iso42001);
        answer(&mut none, q("certificate"), Some(Choice::Option(3)));
        assert!(none.organisation.certifications.is_empty());
        assert_eq!(chosen(q("certificate"), &none), Some(Choice::Option(3)));
        // "Neither" survives the file round trip.
        let (back, _) = Assessment::read(&none.to_json()).unwrap();
        assert_eq!(chosen(q("certificate"), &back), Some(Choice::Option(3)));
    }

    #[test]
    fn the_scan_is_complete_only_when_every_question_is_answered() {
        let mut a = Assessment::new(Framework::Iso42001);
        let questions = Question::all();
        for (i, question) in questions.iter().enumerate() {
            let p = progress(&a);
            assert_eq!((p.answered, p.first_unanswered), (i, i));
            let choice = match question.kind {
                QuestionKind::Maturity(_) => Choice::Level(3),
                _ => Choice::Option(0),
            };
            answer(&mut a, question, Some(choice));
        }
        assert!(progress(&a).is_complete());
        // Everything at 3 from the scan: no major, enough answers for a verdict.
        let r = score(&a);
        assert!(r.verdict.is_positive(), "{:?}", r.verdict);
        // One "not sure" and the verdict waits... unless the rest already shows a major.
        answer(&mut a, q("q05"), None);
        assert!(!progress(&a).is_complete());
        assert_eq!(score(&a).verdict, Verdict::Incomplete);
    }
}
