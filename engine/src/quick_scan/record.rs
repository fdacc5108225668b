//! The quick scan's answers alone, one per question: what the embeddable widget saves
//! (docs/embedding.md, "What is saved").
//!
//! The widget never edits anything but the quick scan, so it keeps the choices themselves
//! rather than a whole assessment: a few lines of text that need no JSON reader, read back by
//! [`Record::from_text`] with a message naming the line at fault. The assessment the summary is
//! computed from is rebuilt from them by the quick scan's own rule ([`super::answer`]), so a
//! record and the assessment it stands for always agree (tested: a record read back from its
//! assessment is the record).
//!
//! ```text
//! aims-quick-scan 1
//! role o1
//! q03 2
//! ```
//!
//! The first line names the format and its version; each other line is a question's id and its
//! choice, written as the page's radio button value ([`Choice::value`]: `o1` the second option,
//! `2` level 2). A question without a line is unanswered.
//!
//! Widgets saved before this format kept a whole assessment; [`Legacy`] carries what the quick
//! scan reads of one (the levels of its items, the roles, the certificates), and
//! [`Record::from_legacy`] turns it into the record it stands for, by the same rule
//! ([`super::chosen`]) the old widget showed it with.

use super::{answer, chosen, Choice};
use crate::assessment::{Answer, Answers, Assessment, Framework};
use crate::catalog::{AiRole, IsoId, Question, QuestionKind};
use std::fmt;

/// The first word of a record.
pub const FORMAT: &str = "aims-quick-scan";
/// The version this build writes and reads up to.
pub const VERSION: u32 = 1;

/// A choice (or none) for each question of the quick scan, in the catalog's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    choices: Vec<Option<Choice>>,
}

impl Default for Record {
    fn default() -> Record {
        Record {
            choices: vec![None; Question::all().len()],
        }
    }
}

/// Why a saved record cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// The text does not start with `aims-quick-scan <version>`.
    NotARecord,
    /// Written by a newer version than this one reads.
    Newer(u32),
    /// A line that is not an answer to a question of this quick scan.
    Line { line: usize, problem: String },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::NotARecord => write!(
                f,
                "it is not a saved quick scan (its first line should be \u{201c}{FORMAT} {VERSION}\u{201d})"
            ),
            RecordError::Newer(v) => write!(
                f,
                "it was saved by a newer version of the quick scan (format version {v}; this one reads up to {VERSION})"
            ),
            RecordError::Line { line, problem } => write!(f, "line {line}: {problem}"),
        }
    }
}

impl Choice {
    /// The choice as its radio button's value: `o1` an option, `3` a level (the prerendered
    /// first question in index.html uses the same values).
    pub fn value(self) -> String {
        match self {
            Choice::Option(k) => format!("o{k}"),
            Choice::Level(m) => m.to_string(),
        }
    }

    /// A radio button's value as the choice it stands for: the reverse of [`Choice::value`].
    pub fn from_value(value: &str) -> Option<Choice> {
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
        match value.strip_prefix('o') {
            Some(k) if digits(k) => k.parse().ok().map(Choice::Option),
            None if digits(value) => value.parse().ok().map(Choice::Level),
            _ => None,
        }
    }

    /// Whether this is one of the question's answers (a level 0-5 for a maturity question, an
    /// option it has for the others).
    pub fn fits(self, q: &Question) -> bool {
        match (q.kind, self) {
            (QuestionKind::Maturity(_), Choice::Level(m)) => m <= crate::assessment::MAX_MATURITY,
            (QuestionKind::Roles(o), Choice::Option(k)) => k < o.len(),
            (QuestionKind::Certificates(o), Choice::Option(k)) => k < o.len(),
            _ => false,
        }
    }
}

impl Record {
    /// The choice shown for question `i` (`None`: unanswered, or no such question).
    pub fn get(&self, i: usize) -> Option<Choice> {
        self.choices.get(i).copied().flatten()
    }

    /// Sets (or, with `None`, clears) the answer to question `i`. A choice that is not one of
    /// the question's answers, or a question that does not exist, changes nothing: `false`.
    pub fn set(&mut self, i: usize, choice: Option<Choice>) -> bool {
        let Some(q) = Question::all().get(i) else {
            return false;
        };
        if choice.is_some_and(|c| !c.fits(q)) {
            return false;
        }
        self.choices[i] = choice;
        true
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.choices.iter().filter(|c| c.is_some()).count()
    }

    /// The ISO/IEC 42001 assessment the answers stand for, written by the quick scan's rule.
    pub fn assessment(&self) -> Assessment {
        let mut a = Assessment::new(Framework::Iso42001);
        for (q, c) in Question::all().iter().zip(&self.choices) {
            if c.is_some() {
                answer(&mut a, q, *c);
            }
        }
        a
    }

    /// Writes each answered question into `a` by the quick scan's rule, as if answered there;
    /// unanswered questions leave `a` as it is. The app takes over the answers given on its
    /// first-use quick scan this way (docs/performance.md, "First use").
    pub fn apply_to(&self, a: &mut Assessment) {
        for (q, c) in Question::all().iter().zip(&self.choices) {
            if c.is_some() {
                answer(a, q, *c);
            }
        }
    }

    /// The answers an assessment shows in the quick scan.
    pub fn of(a: &Assessment) -> Record {
        Record {
            choices: Question::all().iter().map(|q| chosen(q, a)).collect(),
        }
    }

    /// The record as saved: the format line, then one line per answered question.
    pub fn to_text(&self) -> String {
        let mut out = format!("{FORMAT} {VERSION}\n");
        for (q, c) in Question::all().iter().zip(&self.choices) {
            if let Some(c) = c {
                out.push_str(q.id);
                out.push(' ');
                out.push_str(&c.value());
                out.push('\n');
            }
        }
        out
    }

    /// Reads a saved record. Blank lines and spaces around words are allowed; anything else
    /// that is not an answer to a question of this quick scan is an error naming its line.
    pub fn from_text(text: &str) -> Result<Record, RecordError> {
        let mut lines = text.lines().enumerate();
        let version = lines
            .next()
            .and_then(|(_, l)| l.trim().strip_prefix(FORMAT))
            .filter(|rest| rest.starts_with(' '))
            .and_then(|rest| rest.trim().parse::<u32>().ok())
            .ok_or(RecordError::NotARecord)?;
        if version > VERSION {
            return Err(RecordError::Newer(version));
        }
        if version == 0 {
            return Err(RecordError::NotARecord);
        }
        let mut record = Record::default();
        let mut seen = vec![false; record.choices.len()];
        for (n, line) in lines {
            let line_no = n + 1;
            let mut words = line.split_whitespace();
            let Some(id) = words.next() else {
                continue;
            };
            let problem = |p: String| RecordError::Line {
                line: line_no,
                problem: p,
            };
            let (Some(value), None) = (words.next(), words.next()) else {
                return Err(problem(
                    "expected a question and its answer, such as \u{201c}q01 2\u{201d}".into(),
                ));
            };
            let Some(i) = Question::all().iter().position(|q| q.id == id) else {
                return Err(problem(format!(
                    "\u{201c}{}\u{201d} is not a question of the quick scan",
                    clip(id)
                )));
            };
            if std::mem::replace(&mut seen[i], true) {
                return Err(problem(format!("question {id} is answered twice")));
            }
            match Choice::from_value(value) {
                Some(c) if record.set(i, Some(c)) => {}
                _ => {
                    return Err(problem(format!(
                        "\u{201c}{}\u{201d} is not an answer to question {id}",
                        clip(value)
                    )))
                }
            }
        }
        Ok(record)
    }

    /// The record of an assessment saved by an earlier widget, from what the quick scan reads of
    /// it; anything it does not know (an id that is no item, a role that is none) is left out,
    /// as the old reader did.
    pub fn from_legacy(legacy: &Legacy) -> Record {
        let mut a = Assessment::new(Framework::Iso42001);
        if let Answers::Iso42001(answers) = &mut a.answers {
            for (id, level) in &legacy.levels {
                if let Some(id) = IsoId::assessable().find(|x| x.as_str() == id) {
                    answers.insert(
                        id,
                        Answer {
                            maturity: Some((*level).min(crate::assessment::MAX_MATURITY)),
                            ..Answer::default()
                        },
                    );
                }
            }
        }
        let mut roles: Vec<AiRole> = AiRole::ALL
            .into_iter()
            .filter(|r| legacy.roles.iter().any(|s| s == r.as_str()))
            .collect();
        crate::order::sort(&mut roles);
        a.profile.roles = roles;
        if let Some(certs) = &legacy.certifications {
            a.organisation.certifications = certs.clone();
            a.organisation.certifications_stated = certs.is_empty();
        }
        Record::of(&a)
    }
}

/// What the quick scan reads of an assessment saved by an earlier widget: the maturity of each
/// item that has one (`answers.<id>.maturity`), `profile.roles`, and
/// `organisation.certifications` (`None` when the field is missing: not stated).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Legacy {
    pub levels: Vec<(String, u8)>,
    pub roles: Vec<String>,
    pub certifications: Option<Vec<String>>,
}

/// At most 40 characters of a value quoted in a message.
fn clip(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((end, _)) => format!("{}\u{2026}", &s[..end]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quick_scan::{progress, summary};

    fn every_choice(q: &Question) -> Vec<Choice> {
        match q.kind {
            QuestionKind::Maturity(_) => (0..=5).map(Choice::Level).collect(),
            _ => (0..q.option_labels().len()).map(Choice::Option).collect(),
        }
    }

    #[test]
    fn each_question_s_answer_is_its_own_so_a_record_stands_for_one_assessment() {
        // Every choice of every question, alone and over a full set of other answers: the
        // assessment it writes shows exactly that record again.
        let questions = Question::all();
        for (i, q) in questions.iter().enumerate() {
            for c in every_choice(q) {
                let mut r = Record::default();
                assert!(r.set(i, Some(c)));
                assert_eq!(Record::of(&r.assessment()), r, "{} {c:?}", q.id);
                for (k, other) in questions.iter().enumerate() {
                    if k != i {
                        let all = every_choice(other);
                        r.set(k, Some(all[(i + k) % all.len()]));
                    }
                }
                assert_eq!(
                    Record::of(&r.assessment()),
                    r,
                    "{} {c:?} among others",
                    q.id
                );
                assert_eq!(progress(&r.assessment()).answered, r.answered());
            }
        }
    }

    #[test]
    fn applying_a_record_answers_its_questions_and_leaves_the_rest() {
        let mut r = Record::default();
        r.set(0, Some(Choice::Option(1)));
        r.set(4, Some(Choice::Level(2)));
        let mut empty = Assessment::new(Framework::Iso42001);
        r.apply_to(&mut empty);
        assert_eq!(empty, r.assessment());
        // An assessment with other answers: those the record does not answer stay.
        let mut other = Record::default();
        other.set(0, Some(Choice::Option(0)));
        other.set(5, Some(Choice::Level(4)));
        let mut a = other.assessment();
        a.organisation.name = Some("Kept".into());
        r.apply_to(&mut a);
        let shown = Record::of(&a);
        assert_eq!(
            shown.get(0),
            Some(Choice::Option(1)),
            "the record's answer wins"
        );
        assert_eq!(shown.get(4), Some(Choice::Level(2)));
        assert_eq!(
            shown.get(5),
            Some(Choice::Level(4)),
            "unanswered in the record: kept"
        );
        assert_eq!(a.organisation.name.as_deref(), Some("Kept"));
    }

    #[test]
    fn text_round_trips_and_names_what_is_wrong() {
        let mut r = Record::default();
        r.set(0, Some(Choice::Option(1)));
        r.set(3, Some(Choice::Level(2)));
        let text = r.to_text();
        assert!(text.starts_with("aims-quick-scan 1\n"), "{text}");
        assert_eq!(Record::from_text(&text), Ok(r.clone()));
        assert_eq!(Record::from_text(&format!("  {text}\n\n")), Ok(r));
        assert_eq!(
            Record::from_text("aims-quick-scan 1"),
            Ok(Record::default())
        );
        let q1 = Question::all()[1].id;
        for (text, message) in [
            ("", "it is not a saved quick scan (its first line should be \u{201c}aims-quick-scan 1\u{201d})"),
            ("{\"version\":1}", "it is not a saved quick scan (its first line should be \u{201c}aims-quick-scan 1\u{201d})"),
            ("aims-quick-scan 0", "it is not a saved quick scan (its first line should be \u{201c}aims-quick-scan 1\u{201d})"),
            ("aims-quick-scan 2\nq99 1", "it was saved by a newer version of the quick scan (format version 2; this one reads up to 1)"),
            ("aims-quick-scan 1\nq99 1", "line 2: \u{201c}q99\u{201d} is not a question of the quick scan"),
            ("aims-quick-scan 1\n\nrole", "line 3: expected a question and its answer, such as \u{201c}q01 2\u{201d}"),
            ("aims-quick-scan 1\nrole o1 o2", "line 2: expected a question and its answer, such as \u{201c}q01 2\u{201d}"),
            ("aims-quick-scan 1\nrole 3", "line 2: \u{201c}3\u{201d} is not an answer to question role"),
            ("aims-quick-scan 1\nrole o9", "line 2: \u{201c}o9\u{201d} is not an answer to question role"),
            ("aims-quick-scan 1\nrole o1\nrole o0", "line 3: question role is answered twice"),
        ] {
            assert_eq!(Record::from_text(text).map_err(|e| e.to_string()), Err(message.to_string()), "{text}");
        }
        let bad_level = format!("aims-quick-scan 1\n{q1} 6");
        assert!(Record::from_text(&bad_level).is_err());
        let long = format!("aims-quick-scan 1\n{} 1", "x".repeat(5000));
        let message = Record::from_text(&long).unwrap_err().to_string();
        assert!(message.len() < 120, "{message}");
    }

    #[test]
    fn a_radio_value_is_the_choice_it_stands_for() {
        for c in [
            Choice::Option(0),
            Choice::Option(2),
            Choice::Level(0),
            Choice::Level(5),
        ] {
            assert_eq!(Choice::from_value(&c.value()), Some(c));
        }
        assert_eq!(Choice::from_value("o1"), Some(Choice::Option(1)));
        assert_eq!(Choice::from_value("3"), Some(Choice::Level(3)));
        for bad in ["ox", "", "o", "-1", "+1", "o+1", "99999", "1 "] {
            assert_eq!(Choice::from_value(bad), None, "{bad}");
        }
    }

    #[test]
    fn set_refuses_what_is_not_an_answer() {
        let mut r = Record::default();
        let maturity = Question::all()
            .iter()
            .position(|q| matches!(q.kind, QuestionKind::Maturity(_)))
            .unwrap();
        assert!(!r.set(maturity, Some(Choice::Level(6))));
        assert!(!r.set(maturity, Some(Choice::Option(0))));
        assert!(!r.set(0, Some(Choice::Level(1))));
        assert!(!r.set(Question::all().len(), Some(Choice::Level(1))));
        assert_eq!(r, Record::default());
    }

    #[test]
    fn an_assessment_saved_by_an_earlier_widget_gives_the_record_it_showed() {
        // What the earlier widget saved for some answers, read as it read it.
        let mut r = Record::default();
        r.set(0, Some(Choice::Option(1)));
        r.set(1, Some(Choice::Option(0)));
        r.set(4, Some(Choice::Level(3)));
        let a = r.assessment();
        let legacy = Legacy {
            levels: a
                .iso_answers()
                .unwrap()
                .iter()
                .filter_map(|(id, x)| Some((id.as_str().to_string(), x.maturity?)))
                .chain([("Z.9".to_string(), 2)])
                .collect(),
            roles: a
                .profile
                .roles
                .iter()
                .map(|r| r.as_str().to_string())
                .chain(["robot".to_string()])
                .collect(),
            certifications: Some(a.organisation.certifications.clone()),
        };
        assert_eq!(Record::from_legacy(&legacy), r);
        assert_eq!(
            summary(&Record::from_legacy(&legacy).assessment()),
            summary(&a)
        );
        assert_eq!(Record::from_legacy(&Legacy::default()), Record::default());
    }
}
