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
//! - the Stage 1 checklist ticks the documents an auditor looks for (see [`stage1`]);
//! - the roadmap starts where the organisation is and sizes the implementation with the one
//!   effort model ([`crate::effort`]) and the team's capacity (see [`roadmap`]).
//!
//! The computation makes a handful of allocations (one per list in the report); reasons,
//! actions and explanations are typed values turned into text only when serialized.

pub mod findings;
pub mod roadmap;
mod rules;
pub mod stage1;
mod text;

pub use text::phase_gap;

pub use findings::{
    Completeness, Finding, FindingSeverity, Reason, Shortfall, Verdict, VerdictReason, AUDIT_LEVEL,
};
pub use roadmap::{Assumption, Capacity, CertificateCredit, Phase, PhaseGap, PhaseId, Roadmap};
pub use rules::{rules, Rule, RULES_CHANGED, RULES_VERSION};
pub use stage1::{ChecklistEntry, DocumentStatus};

use crate::assessment::{Answer, IsoAnswers, Organisation, Planning, Profile};
use crate::catalog::{Criticality, IsoId, Shipped, Tables};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// Gives each finding the names of the AI systems whose per-system answers set the maturity
/// of its items (the systems an auditor sampling them would find below the bar).
pub(crate) fn name_weakest_systems(
    findings: &mut [Finding],
    profile: &Profile,
    answers: &IsoAnswers,
) {
    for f in findings {
        let ids: Vec<IsoId> = f.items().collect();
        for id in ids {
            let Some(a) = answers.get(&id) else { continue };
            for system in a.weakest_systems() {
                let name = profile.system_name(system).to_string();
                if !f.systems.contains(&name) {
                    f.systems.push(name);
                }
            }
        }
    }
}

/// The Annex A controls that the organisation's profile suggests excluding, with the
/// guidance's justification: those whose guidance lists roles the organisation has none of,
/// and, when every AI system of the inventory is supplied and the organisation does not say it
/// is an AI producer, the development controls (those the guidance does not apply to an AI
/// customer). Nothing is proposed with no roles and no inventory, and no development control
/// while any system of the inventory is developed in-house. Controls already excluded, and
/// controls given a reason for inclusion (the user kept them), are not proposed.
pub fn proposed_exclusions(profile: &Profile, answers: &IsoAnswers) -> Vec<ProposedExclusion> {
    use crate::assessment::Origin;
    use crate::catalog::AiRole;
    let supplier_only = profile.supplier_only() && !profile.roles.contains(&AiRole::Producer);
    let in_house = profile
        .systems
        .iter()
        .any(|s| s.origin == Some(Origin::InHouse));
    if (profile.roles.is_empty() && !supplier_only) || in_house {
        return Vec::new();
    }
    IsoId::assessable()
        .filter(|id| id.is_annex_a())
        .filter_map(|id| {
            let g = id.item().guidance?;
            let justification = g.if_excluded?;
            let by_roles = !profile.roles.is_empty()
                && !profile.roles.iter().any(|r| g.applies_to.contains(r));
            let by_systems = supplier_only && !g.applies_to.contains(&AiRole::Customer);
            if !by_roles && !by_systems {
                return None;
            }
            let basis = if by_systems {
                ProposalBasis::SuppliedSystems
            } else {
                ProposalBasis::Roles
            };
            let answer = answers.get(&id);
            let decided = answer.is_some_and(|a| {
                !a.applicable || a.reason.as_deref().is_some_and(|r| !r.trim().is_empty())
            });
            (!decided).then_some(ProposedExclusion {
                item: id,
                title: id.item().title,
                justification,
                basis,
            })
        })
        .collect()
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
    let (mut clauses, mut controls) = (Acc::default(), Acc::default());
    let mut ambition = Acc::default();
    let mut soa = Vec::with_capacity(tables.assessable_count().1);
    let mut ambition_gaps = Vec::new();
    let mut low_targets = Vec::new();
    let mut not_assessed = Vec::with_capacity(items.len());
    let (mut excluded, mut inferred) = (0u32, 0u32);
    let mut slot = 0;
    for it in items {
        let section = tables.iso(it.id).section;
        while slot + 1 < sections.len() && sections[slot].id != section {
            slot += 1;
        }
        let s = &mut sections[slot];
        s.total += 1;
        s.answered += u32::from(it.answered());
        inferred += u32::from(it.inferred && it.maturity.is_some());
        match (it.scope, it.maturity) {
            (Scope::Excluded, _) => excluded += 1,
            (Scope::UnjustifiedExclusion, None) => {}
            (_, None) => not_assessed.push(it.id),
            (_, Some(m)) => {
                let (num, den) = it.credit(m);
                for acc in [
                    &mut s.acc,
                    if it.annex_a {
                        &mut controls
                    } else {
                        &mut clauses
                    },
                ] {
                    acc.add(num, den);
                }
                let (num, den) = it.credit_against_target(m);
                ambition.add(num, den);
                if m >= findings::AUDIT_LEVEL && m < it.target {
                    ambition_gaps.push(Gap::new(tables, it, m, it.target, None));
                }
            }
        }
        if it.scope != Scope::Excluded && it.target < findings::AUDIT_LEVEL {
            low_targets.push(it.id);
        }
        if it.annex_a {
            soa.push(SoaRow::new(tables, it));
        }
    }
    for s in &mut sections {
        s.score = s.acc.percent();
    }
    let Core {
        readiness,
        answered,
        findings,
        verdict,
        gaps,
    } = core(tables, items);
    crate::order::sort_by_key(&mut ambition_gaps, Gap::order_key);
    // The roadmap closes the gaps below level 3 and lists the ambition gaps under surveillance.
    let all_gaps: Vec<Gap> = gaps.iter().chain(&ambition_gaps).copied().collect();
    let roadmap = roadmap::plan(items, &findings, &all_gaps, organisation, planning);
    let total = items.len() as u32;
    let provisional = answered < total;
    let mut notes = Vec::new();
    if !low_targets.is_empty() {
        notes.push(Note::TargetsBelowAuditLevel(low_targets));
    }
    Report {
        readiness,
        management_system: clauses.percent(),
        controls: controls.percent(),
        against_target: ambition.percent(),
        answered,
        total,
        excluded,
        inferred,
        verdict: verdict.verdict,
        provisional,
        completeness: verdict.completeness.clone(),
        verdict_reason: verdict,
        sections,
        findings,
        statement_of_applicability: soa,
        gaps,
        ambition_gaps,
        not_assessed,
        proposed_exclusions: Vec::new(),
        stage1_checklist: stage1::checklist(items),
        notes,
        roadmap,
    }
}

/// What every report starts from, and all the quick scan's summary needs
/// ([`crate::quick_scan::summary`]): the readiness score, the answered items, the findings with
/// the verdict, and the certification gaps in priority order. [`score_items`] adds the rest
/// (sections, Statement of Applicability, Stage 1 checklist, roadmap); a caller that needs only
/// this computes only this, and a Wasm build that calls only this carries none of the rest.
pub(crate) struct Core {
    pub readiness: Option<f64>,
    /// Items rated or marked not applicable.
    pub answered: u32,
    pub findings: Vec<Finding>,
    pub verdict: VerdictReason,
    /// Every item below the audit bar, with the severity of the finding that covers it, what
    /// blocks certification first.
    pub gaps: Vec<Gap>,
}

/// [`Core`] of the 70 assessable items in catalog order (as [`evaluate`] gives them).
pub(crate) fn core<T: Tables>(tables: &T, items: &[ItemEval]) -> Core {
    let mut all = Acc::default();
    let mut answered = 0u32;
    let mut below: Vec<(&ItemEval, u8)> = Vec::with_capacity(items.len());
    for it in items {
        answered += u32::from(it.answered());
        if let (Scope::Applicable | Scope::UnjustifiedExclusion, Some(m)) = (it.scope, it.maturity)
        {
            let (num, den) = it.credit(m);
            all.add(num, den);
            if m < findings::AUDIT_LEVEL {
                below.push((it, m));
            }
        }
    }
    let (findings, verdict) = findings::evaluate(tables, items);
    // Certification gaps: every item below the audit bar, with the severity of the finding
    // that covers it (the worst, should two cover it). Looked up by id in a table filled in one
    // pass over the findings: a search of the findings per gap grew with the square of the
    // catalog (docs/performance.md, row 5).
    let mut covered_by = tables.blank_ratings::<Option<FindingSeverity>>();
    for f in &findings {
        for id in f.items() {
            let s = &mut covered_by[id.index()];
            *s = Some(s.map_or(f.severity, |worst| worst.min(f.severity)));
        }
    }
    let mut gaps: Vec<Gap> = below
        .into_iter()
        .map(|(it, m)| {
            let severity = covered_by[it.id.index()];
            Gap::new(tables, it, m, findings::AUDIT_LEVEL, severity)
        })
        .collect();
    crate::order::sort_by_key(&mut gaps, Gap::order_key);
    Core {
        readiness: all.percent(),
        answered,
        findings,
        verdict,
        gaps,
    }
}

/// The readiness report (serialized as the JSON of `aims score`).
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Overall score 0-100 against the audit bar (level 3) over every applicable, assessed
    /// item; `None` when none is assessed.
    pub readiness: Option<f64>,
    /// Clauses 4-10.
    pub management_system: Option<f64>,
    /// Annex A controls.
    pub controls: Option<f64>,
    /// Maturity against the organisation's own targets (its ambition), 0-100.
    pub against_target: Option<f64>,
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
    /// How much is assessed, against what a verdict needs.
    pub completeness: Completeness,
    pub verdict_reason: VerdictReason,
    /// Clauses 4-10 and Annex A objectives A.2-A.10, in that order.
    pub sections: Vec<SectionScore>,
    pub findings: Vec<Finding>,
    /// The 38 Annex A controls.
    pub statement_of_applicability: Vec<SoaRow>,
    /// Items below the audit bar (level 3), what blocks certification first: the items of
    /// major findings, then of minor ones, each by criticality.
    pub gaps: Vec<Gap>,
    /// Items at or above level 3 but below the organisation's higher target: ambition, not a
    /// condition of certification.
    pub ambition_gaps: Vec<Gap>,
    /// Applicable items with no maturity yet, in catalog order.
    pub not_assessed: Vec<IsoId>,
    /// Annex A controls that the organisation's roles for AI suggest excluding, each with a
    /// proposed justification; never applied until the user accepts one.
    pub proposed_exclusions: Vec<ProposedExclusion>,
    /// The documented information a Stage 1 audit looks for, each present, partial or missing
    /// from the answers and evidence recorded: missing first, then partial, then present.
    pub stage1_checklist: Vec<ChecklistEntry>,
    /// Remarks on the assessment itself (e.g. targets below the audit bar).
    pub notes: Vec<Note>,
    pub roadmap: Roadmap,
}

/// A remark on the assessment, shown with the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// Targets below level 3: accepted as the organisation's ambition, but certification
    /// still expects level 3 and the report judges against it.
    TargetsBelowAuditLevel(Vec<IsoId>),
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::TargetsBelowAuditLevel(ids) => {
                let n = ids.len();
                write!(
                    f,
                    "{n} item{} ha{} a target below level {} (",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "ve" },
                    findings::AUDIT_LEVEL
                )?;
                for (i, id) in ids.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(id.as_str())?;
                }
                write!(
                    f,
                    "). Certification expects level {} on every applicable item, so findings, the Statement of Applicability and the verdict are judged against level {} whatever the target.",
                    findings::AUDIT_LEVEL,
                    findings::AUDIT_LEVEL
                )
            }
        }
    }
}

impl Serialize for Note {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An exclusion the engine proposes from the organisation's roles for AI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProposedExclusion {
    pub item: IsoId,
    pub title: &'static str,
    /// The generated justification, for the user to edit, accept or reject.
    pub justification: &'static str,
    /// What in the profile the proposal comes from.
    pub basis: ProposalBasis,
}

/// What in the profile a proposed exclusion comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalBasis {
    /// None of the organisation's roles is one the control applies to.
    Roles,
    /// Every AI system in scope is supplied, and the control is about developing AI.
    SuppliedSystems,
}

impl ProposalBasis {
    /// Why the exclusion is proposed, in plain words for the user (the web app shows it under
    /// each proposal).
    pub fn explanation(self) -> &'static str {
        match self {
            ProposalBasis::Roles => {
                "Proposed because none of the roles for AI recorded in the profile is one this control applies to."
            }
            ProposalBasis::SuppliedSystems => {
                "Proposed because every AI system in the inventory is supplied by another organisation, and this control is about developing AI."
            }
        }
    }
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
    /// Implementation status, judged against level 3.
    pub status: SoaStatus,
    /// Why an applicable control is included: the answer's `reason`, or by default the risk our
    /// guidance says the control treats. `None` for an excluded control (see `justification`).
    pub reason_for_inclusion: Option<Cow<'static, str>>,
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
            (Scope::Applicable, Some(m)) if m < findings::AUDIT_LEVEL => {
                SoaStatus::PartiallyImplemented
            }
            (Scope::Applicable, Some(_)) => SoaStatus::Implemented,
        };
        let reason_for_inclusion = (it.scope != Scope::Excluded).then(|| {
            match it.answer.and_then(|a| a.reason.as_deref()).map(str::trim) {
                Some(r) if !r.is_empty() => Cow::Owned(r.to_string()),
                _ => Cow::Borrowed(
                    tables
                        .shipped_id(it.id)
                        .explanation()
                        .and_then(|e| e.default_reason)
                        .unwrap_or(
                            "Included: the control treats a risk identified for the AI systems in scope.",
                        ),
                ),
            }
        });
        SoaRow {
            id: it.id,
            title: tables.iso(it.id).title,
            applicable: it.scope == Scope::Applicable,
            justification: it.answer.and_then(|a| a.justification.clone()),
            maturity: it.maturity,
            target: it.target,
            status,
            reason_for_inclusion,
            inferred: it.inferred && it.maturity.is_some(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SoaStatus {
    /// At or above level 3, what certification expects.
    Implemented,
    /// Above 0, below level 3.
    PartiallyImplemented,
    /// Maturity 0.
    NotImplemented,
    NotAssessed,
    /// Excluded with a justification.
    Excluded,
    /// Marked not applicable with no justification: not a valid exclusion.
    ExclusionNotJustified,
}

/// An item below the audit bar (a certification gap) or below the organisation's higher
/// target (an ambition gap).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub item: IsoId,
    pub title: &'static str,
    pub current: u8,
    /// Level 3 for a certification gap; the organisation's target for an ambition gap.
    pub target: u8,
    #[serde(serialize_with = "criticality_str")]
    pub criticality: Criticality,
    /// The severity of the finding that covers the item (`None` for an ambition gap).
    pub finding: Option<FindingSeverity>,
    pub priority: Priority,
    /// Criticality weight (1-4) × levels to `target`.
    pub priority_score: u32,
    pub action: Action,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

impl Gap {
    fn new(
        tables: &impl Tables,
        it: &ItemEval,
        current: u8,
        target: u8,
        finding: Option<FindingSeverity>,
    ) -> Gap {
        let priority_score = it.criticality.weight() * u32::from(target.saturating_sub(current));
        let serious = matches!(it.criticality, Criticality::Critical | Criticality::High);
        let priority = match finding {
            Some(FindingSeverity::Major) => Priority::Critical,
            Some(_) if serious => Priority::High,
            Some(_) => Priority::Medium,
            None => Priority::Low,
        };
        Gap {
            item: it.id,
            title: tables.iso(it.id).title,
            current,
            target,
            criticality: it.criticality,
            finding,
            priority,
            priority_score,
            action: Action(it.id),
            inferred: it.inferred,
        }
    }

    /// What blocks certification first (majors, then minors), then by criticality, then by
    /// levels to go; ties in catalog order.
    fn order_key(
        &self,
    ) -> (
        Option<FindingSeverity>,
        std::cmp::Reverse<u32>,
        std::cmp::Reverse<u32>,
        IsoId,
    ) {
        (
            self.finding.or(Some(FindingSeverity::Observation)),
            std::cmp::Reverse(self.criticality.weight()),
            std::cmp::Reverse(self.priority_score),
            self.item,
        )
    }
}

fn criticality_str<S: Serializer>(c: &Criticality, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.as_str())
}

/// How urgent a gap is: `critical` for the items of a major finding, `high` for a minor on a
/// critical or high item, `medium` for other minors, `low` for ambition beyond level 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Low,
    Medium,
    High,
    Critical,
}

impl Priority {
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

    /// Rated, or marked not applicable (with or without a justification).
    pub(crate) fn answered(&self) -> bool {
        self.scope != Scope::Applicable || self.maturity.is_some()
    }

    /// Weighted credit (numerator, denominator) against the audit bar, level 3, in units of
    /// 1/60 so that every level 1-5 divides exactly.
    fn credit(&self, m: u8) -> (u64, u64) {
        Self::credit_to(self.criticality, m, findings::AUDIT_LEVEL)
    }

    /// Weighted credit against the organisation's own target (the ambition view).
    fn credit_against_target(&self, m: u8) -> (u64, u64) {
        Self::credit_to(self.criticality, m, self.target)
    }

    fn credit_to(c: Criticality, m: u8, level: u8) -> (u64, u64) {
        let w = u64::from(c.weight());
        let t = u64::from(level.max(1));
        (w * u64::from(m.min(level)) * 60 / t, w * 60)
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
            // A control a clause requires cannot be excluded (the reader refuses it too).
            Some(a)
                if !a.applicable && annex_a && crate::catalog::ExclusionLimit::of(id).is_some() =>
            {
                Scope::Applicable
            }
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
            has_evidence: answer.is_some_and(Answer::has_evidence),
        });
    }
    out
}

/// The evaluated item of an id, if it is among `items` (which are in catalog order, that is id
/// order: a binary search, where a scan per lookup grew with the catalog).
pub(crate) fn find_item<'a, 'b>(items: &'a [ItemEval<'b>], id: IsoId) -> Option<&'a ItemEval<'b>> {
    items
        .binary_search_by_key(&id, |it| it.id)
        .ok()
        .and_then(|i| items.get(i))
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

#[cfg(test)]
mod tests {
    use super::ProposalBasis;

    #[test]
    fn each_basis_is_explained_by_what_in_the_profile_it_comes_from() {
        assert!(ProposalBasis::Roles.explanation().contains("roles for AI"));
        assert!(ProposalBasis::SuppliedSystems
            .explanation()
            .contains("every AI system in the inventory is supplied"));
    }
}
