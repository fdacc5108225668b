//! The readiness report: from an assessment, how far the organisation is from ISO/IEC 42001
//! certification, what an auditor would likely find, what to fix first and how long it takes.
//!
//! [`score`] is total (never fails, never panics) and pure. The rules are documented for users
//! in docs/scoring.md; in short:
//! - scores weight each applicable, assessed item by its criticality (1-4) and credit
//!   `min(maturity, target) / target`; unassessed and justly excluded items do not count;
//! - findings follow ISO/IEC 17021-1 (major / minor / observation, see [`findings`]) and the
//!   verdict follows the certification decision of the source article;
//! - gaps are ordered by criticality weight × levels to target;
//! - the roadmap starts where the organisation is and sizes the implementation with the one
//!   effort model ([`crate::effort`]) and the team's capacity (see [`roadmap`]).
//!
//! The computation makes a handful of allocations (one per list in the report); reasons,
//! actions and explanations are typed values turned into text only when serialized.

pub mod findings;
pub mod roadmap;
mod text;

pub use text::phase_gap;

pub use findings::{Finding, FindingSeverity, Reason, Verdict, VerdictReason};
pub use roadmap::{Assumption, Capacity, CertificateCredit, Phase, PhaseGap, PhaseId, Roadmap};

use crate::assessment::{Answer, Answers, Assessment, IsoAnswers, Organisation, Planning};
use crate::catalog::{Criticality, IsoId, Shipped, Tables};
use serde::{Serialize, Serializer};
use std::fmt;

/// Scores a whole assessment. A NIST AI RMF assessment is scored through the crosswalk: its
/// ISO/IEC 42001 answers are inferred first (see [`crate::crosswalk::reverse`]) and every
/// inferred value is marked as such.
pub fn score(a: &Assessment) -> Report {
    match &a.answers {
        Answers::Iso42001(answers) => score_answers(answers, &a.organisation, a.planning.as_ref()),
        Answers::NistAiRmf(nist) => {
            crate::crosswalk::infer_iso(nist, &a.organisation, a.planning.as_ref()).report
        }
    }
}

/// Scores ISO/IEC 42001 answers for an organisation with the given capacity.
pub fn score_answers(
    answers: &IsoAnswers,
    organisation: &Organisation,
    planning: Option<&Planning>,
) -> Report {
    score_answers_in(&Shipped, answers, organisation, planning)
}

/// [`score_answers`] over any catalog's tables (the shipped ones, or a generated catalog).
pub(crate) fn score_answers_in<T: Tables>(
    tables: &T,
    answers: &IsoAnswers,
    organisation: &Organisation,
    planning: Option<&Planning>,
) -> Report {
    score_items(
        tables,
        &evaluate_in(tables, answers),
        organisation,
        planning,
    )
}

/// Scores the 70 assessable items in catalog order (as [`evaluate`] gives them).
pub(crate) fn score_items<T: Tables>(
    tables: &T,
    items: &[ItemEval],
    organisation: &Organisation,
    planning: Option<&Planning>,
) -> Report {
    let mut sections: Vec<SectionScore> = tables
        .sections()
        .map(|id| SectionScore {
            id,
            title: tables.iso(id).title,
            score: None,
            answered: 0,
            total: 0,
            acc: Acc::default(),
        })
        .collect();
    let (mut all, mut clauses, mut controls) = (Acc::default(), Acc::default(), Acc::default());
    let mut soa = Vec::with_capacity(tables.assessable_count().1);
    let mut gaps = Vec::with_capacity(items.len());
    let mut not_assessed = Vec::with_capacity(items.len());
    let (mut answered, mut excluded, mut inferred) = (0u32, 0u32, 0u32);
    let mut slot = 0;
    for it in items {
        let section = tables.iso(it.id).section;
        while slot + 1 < sections.len() && sections[slot].id != section {
            slot += 1;
        }
        let s = &mut sections[slot];
        s.total += 1;
        if it.answered() {
            s.answered += 1;
            answered += 1;
        }
        inferred += u32::from(it.inferred && it.maturity.is_some());
        match (it.scope, it.maturity) {
            (Scope::Excluded, _) => excluded += 1,
            (_, None) => not_assessed.push(it.id),
            (_, Some(m)) => {
                let (num, den) = it.credit(m);
                for acc in [
                    &mut s.acc,
                    &mut all,
                    if it.annex_a {
                        &mut controls
                    } else {
                        &mut clauses
                    },
                ] {
                    acc.add(num, den);
                }
                if m < it.target {
                    gaps.push(Gap::new(tables, it, m));
                }
            }
        }
        if it.annex_a {
            soa.push(SoaRow::new(tables, it));
        }
    }
    for s in &mut sections {
        s.score = s.acc.percent();
    }
    let gaps = order_gaps(gaps);
    let (findings, verdict) = findings::evaluate(tables, items);
    let roadmap = roadmap::plan(items, &findings, &gaps, organisation, planning);
    let total = items.len() as u32;
    let provisional = answered < total;
    Report {
        readiness: all.percent(),
        management_system: clauses.percent(),
        controls: controls.percent(),
        answered,
        total,
        excluded,
        inferred,
        verdict: verdict.verdict,
        provisional,
        verdict_reason: verdict,
        sections,
        findings,
        statement_of_applicability: soa,
        gaps,
        not_assessed,
        roadmap,
    }
}

/// The readiness report (serialized as the JSON of `aims score`).
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Overall score 0-100 over every applicable, assessed item; `None` when none is assessed.
    pub readiness: Option<f64>,
    /// Clauses 4-10.
    pub management_system: Option<f64>,
    /// Annex A controls.
    pub controls: Option<f64>,
    /// Items rated or justly excluded, of `total` (70 assessable items).
    pub answered: u32,
    pub total: u32,
    /// Annex A controls excluded with a justification.
    pub excluded: u32,
    /// Items whose maturity was inferred rather than rated.
    pub inferred: u32,
    pub verdict: Verdict,
    /// True while items remain unassessed: the verdict may change when they are.
    pub provisional: bool,
    pub verdict_reason: VerdictReason,
    /// Clauses 4-10 and Annex A objectives A.2-A.10, in that order.
    pub sections: Vec<SectionScore>,
    pub findings: Vec<Finding>,
    /// The 38 Annex A controls.
    pub statement_of_applicability: Vec<SoaRow>,
    /// Items below target, highest priority first.
    pub gaps: Vec<Gap>,
    /// Applicable items with no maturity yet, in catalog order.
    pub not_assessed: Vec<IsoId>,
    pub roadmap: Roadmap,
}

/// The score of one clause or Annex A objective.
#[derive(Clone, Debug, Serialize)]
pub struct SectionScore {
    pub id: IsoId,
    pub title: &'static str,
    pub score: Option<f64>,
    pub answered: u32,
    pub total: u32,
    #[serde(skip)]
    acc: Acc,
}

/// One row of the Statement of Applicability.
#[derive(Clone, Debug, Serialize)]
pub struct SoaRow {
    pub id: IsoId,
    pub title: &'static str,
    pub applicable: bool,
    pub justification: Option<String>,
    pub maturity: Option<u8>,
    pub target: u8,
    pub status: SoaStatus,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

impl SoaRow {
    fn new(tables: &impl Tables, it: &ItemEval) -> SoaRow {
        let status = match (it.scope, it.maturity) {
            (Scope::Excluded, _) => SoaStatus::Excluded,
            (Scope::UnjustifiedExclusion, _) => SoaStatus::ExclusionNotJustified,
            (Scope::Applicable, None) => SoaStatus::NotAssessed,
            (Scope::Applicable, Some(0)) => SoaStatus::NotImplemented,
            (Scope::Applicable, Some(m)) if m < it.target => SoaStatus::PartiallyImplemented,
            (Scope::Applicable, Some(_)) => SoaStatus::Implemented,
        };
        SoaRow {
            id: it.id,
            title: tables.iso(it.id).title,
            applicable: it.scope == Scope::Applicable,
            justification: it.answer.and_then(|a| a.justification.clone()),
            maturity: it.maturity,
            target: it.target,
            status,
            inferred: it.inferred && it.maturity.is_some(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SoaStatus {
    /// At or above target.
    Implemented,
    /// Above 0, below target.
    PartiallyImplemented,
    /// Maturity 0.
    NotImplemented,
    NotAssessed,
    /// Excluded with a justification.
    Excluded,
    /// Marked not applicable with no justification: not a valid exclusion.
    ExclusionNotJustified,
}

/// An item below its target.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Gap {
    pub item: IsoId,
    pub title: &'static str,
    pub current: u8,
    pub target: u8,
    #[serde(serialize_with = "criticality_str")]
    pub criticality: Criticality,
    pub priority: Priority,
    /// Criticality weight (1-4) × levels to target; orders the gaps.
    pub priority_score: u32,
    pub action: Action,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

impl Gap {
    fn new(tables: &impl Tables, it: &ItemEval, current: u8) -> Gap {
        let priority_score = it.criticality.weight() * u32::from(it.target - current);
        Gap {
            item: it.id,
            title: tables.iso(it.id).title,
            current,
            target: it.target,
            criticality: it.criticality,
            priority: Priority::from_score(priority_score),
            priority_score,
            action: Action(it.id),
            inferred: it.inferred,
        }
    }
}

fn criticality_str<S: Serializer>(c: &Criticality, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.as_str())
}

/// Highest priority score first; ties by criticality, then catalog order. A counting sort on
/// the small key (score ≤ 20 × 4 criticalities), stable, so catalog order holds among equals:
/// a general sort was a third of the scoring time.
fn order_gaps(gaps: Vec<Gap>) -> Vec<Gap> {
    const KEYS: usize = 128;
    let key =
        |g: &Gap| ((g.priority_score as usize) * 4 + g.criticality.weight() as usize).min(KEYS - 1);
    let mut start = [0usize; KEYS];
    for g in &gaps {
        start[key(g)] += 1;
    }
    // Offsets, highest key first.
    let mut offset = 0;
    for k in (0..KEYS).rev() {
        let n = start[k];
        start[k] = offset;
        offset += n;
    }
    let mut sorted = gaps.clone();
    for g in gaps {
        let k = key(&g);
        if let Some(slot) = sorted.get_mut(start[k]) {
            *slot = g;
        }
        start[k] += 1;
    }
    sorted
}

/// How urgent a gap is, from its priority score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Low,
    Medium,
    High,
    Critical,
}

impl Priority {
    /// ≥ 8 critical (e.g. a critical item at 1 or below, a high one at 0), ≥ 5 high, ≥ 3 medium,
    /// else low.
    pub fn from_score(score: u32) -> Priority {
        match score {
            8.. => Priority::Critical,
            5..=7 => Priority::High,
            3..=4 => Priority::Medium,
            _ => Priority::Low,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Medium => "medium",
            Priority::High => "high",
            Priority::Critical => "critical",
        }
    }
}

/// The next step for an item: the catalog guidance's action, or a generic sentence built from
/// the title while guidance is missing. Text only when displayed or serialized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Action(pub IsoId);

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let item = self.0.item();
        match item.guidance {
            Some(g) => f.write_str(g.action),
            None => write!(
                f,
                "Write down how \"{}\" ({}) is done, have it approved, apply it across the scope and keep records, so that it reaches level 3 (Defined).",
                item.title, item.id
            ),
        }
    }
}

impl Serialize for Action {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Whether an item counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Applicable,
    /// Annex A control excluded with a justification: out of scores and findings.
    Excluded,
    /// Marked not applicable without a justification: stays in scope, and is a major finding.
    UnjustifiedExclusion,
}

/// One assessable item as the rules see it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ItemEval<'a> {
    pub id: IsoId,
    /// The catalog id as written ("6.1.2") and the title.
    pub code: &'static str,
    pub title: &'static str,
    /// An Annex A control (else a clause 4-10 item).
    pub annex_a: bool,
    pub answer: Option<&'a Answer>,
    pub criticality: Criticality,
    pub scope: Scope,
    /// `None` when not assessed, or excluded with a justification.
    pub maturity: Option<u8>,
    pub target: u8,
    pub inferred: bool,
    pub has_evidence: bool,
}

impl ItemEval<'_> {
    /// An item whose maturity was inferred (no answer of its own: default target, applicable).
    pub(crate) fn inferred(
        tables: &impl Tables,
        id: IsoId,
        maturity: Option<u8>,
    ) -> ItemEval<'static> {
        ItemEval {
            id,
            code: tables.iso(id).id,
            title: tables.iso(id).title,
            annex_a: tables.annex_a(id),
            answer: None,
            criticality: tables.criticality(id),
            scope: Scope::Applicable,
            maturity,
            target: crate::assessment::DEFAULT_TARGET,
            inferred: maturity.is_some(),
            has_evidence: false,
        }
    }

    /// Rated, or justly excluded.
    fn answered(&self) -> bool {
        self.scope == Scope::Excluded || self.maturity.is_some()
    }

    /// Weighted credit (numerator, denominator) in units of 1/60 so that every target 1-5
    /// divides exactly.
    fn credit(&self, m: u8) -> (u64, u64) {
        let w = u64::from(self.criticality.weight());
        let t = u64::from(self.target);
        (w * u64::from(m.min(self.target)) * 60 / t, w * 60)
    }
}

/// The 70 assessable items in catalog order with their answers (one allocation).
pub(crate) fn evaluate(answers: &IsoAnswers) -> Vec<ItemEval<'_>> {
    evaluate_in(&Shipped, answers)
}

/// [`evaluate`] over any catalog's tables.
fn evaluate_in<'a, T: Tables>(tables: &T, answers: &'a IsoAnswers) -> Vec<ItemEval<'a>> {
    let mut out = Vec::with_capacity(tables.assessable_count().0);
    let mut it = answers.iter().peekable();
    for id in tables.assessable() {
        while it.next_if(|(k, _)| **k < id).is_some() {}
        let answer = it.next_if(|(k, _)| **k == id).map(|(_, a)| a);
        let annex_a = tables.annex_a(id);
        let scope = match answer {
            Some(a) if !a.applicable && annex_a => {
                if a.justification().is_some() {
                    Scope::Excluded
                } else {
                    Scope::UnjustifiedExclusion
                }
            }
            _ => Scope::Applicable,
        };
        out.push(ItemEval {
            id,
            code: tables.iso(id).id,
            title: tables.iso(id).title,
            annex_a,
            answer,
            criticality: tables.criticality(id),
            scope,
            maturity: if scope == Scope::Excluded {
                None
            } else {
                answer.and_then(Answer::maturity)
            },
            target: answer.map_or(crate::assessment::DEFAULT_TARGET, Answer::target),
            inferred: answer.is_some_and(|a| a.inferred),
            has_evidence: answer.is_some_and(|a| !a.evidence.is_empty()),
        });
    }
    out
}

/// A weighted sum of credits.
#[derive(Clone, Copy, Debug, Default)]
struct Acc {
    num: u64,
    den: u64,
}

impl Acc {
    fn add(&mut self, num: u64, den: u64) {
        self.num += num;
        self.den += den;
    }

    /// 0-100 with one decimal; `None` when nothing counted.
    fn percent(self) -> Option<f64> {
        (self.den > 0).then(|| round_tenth(self.num as f64 * 100.0 / self.den as f64))
    }
}

/// Rounds a non-negative number to one decimal, halves up. (`f64::round` is a libm call on
/// baseline x86-64, and was a measurable share of the crosswalk's time.)
pub(crate) fn round_tenth(x: f64) -> f64 {
    // NaN and infinities fail the range test and are returned as they are.
    if (0.0..1e15).contains(&x) {
        ((x * 10.0 + 0.5) as i64) as f64 / 10.0
    } else {
        x
    }
}

impl Report {
    /// The report as plain text for a terminal (what `aims score --format text` prints).
    pub fn to_text(&self) -> String {
        text::render(self)
    }

    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
