//! Findings an auditor would likely raise, graded as ISO/IEC 17021-1 does, and the verdict of
//! the certification decision the source article describes.
//!
//! Rules, applied to each applicable item (justly excluded controls are skipped; "audit level"
//! is `min(target, 3)`: an auditor audits conformity, level 3, so a higher target is an
//! ambition that shows as a gap, never as a finding):
//! 1. **major**: marked not applicable without a justification (Annex A);
//! 2. **major**: maturity 0, a required element absent;
//! 3. **major**: a critical item at maturity 1 (done ad hoc, no record);
//! 4. **minor**: below the audit level: an isolated shortfall;
//! 5. **observation**: a critical item at or above the audit level with no evidence listed;
//! 6. **major** (systemic): 3 or more minors in one clause or Annex A objective; the minors stay
//!    listed.
//!
//! Verdict: any major → `not_ready` (certification delayed until remediated); else any minor →
//! `ready_with_corrective_actions`; else `ready`. With nothing assessed at all the verdict is
//! `not_ready`. Raising a maturity never worsens the verdict: it can only turn a major into a
//! minor or nothing, or a minor into nothing. It can add a minor only by lifting an item out of
//! a major, so a new systemic major appears only where the verdict was already `not_ready`.

use super::{ItemEval, Scope};
use crate::catalog::{Criticality, IsoId, Tables};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

/// The level a certification audit expects.
pub const AUDIT_LEVEL: u8 = 3;
/// Minors in one section that make a systemic major.
pub const SYSTEMIC_MINORS: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingSeverity {
    Major,
    Minor,
    Observation,
}

impl FindingSeverity {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingSeverity::Major => "major",
            FindingSeverity::Minor => "minor",
            FindingSeverity::Observation => "observation",
        }
    }
}

/// Why a finding is raised; its `Display` is the sentence shown to users.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    UnjustifiedExclusion,
    Absent {
        annex_a: bool,
    },
    CriticalAdHoc,
    /// The minors of a section, in catalog order.
    Systemic {
        minors: Vec<IsoId>,
    },
    BelowAuditLevel {
        maturity: u8,
        audit_level: u8,
    },
    NoEvidence {
        maturity: u8,
    },
}

impl Reason {
    /// A stable name of the rule, for links to docs/scoring.md.
    pub fn rule(&self) -> &'static str {
        match self {
            Reason::UnjustifiedExclusion => "unjustified_exclusion",
            Reason::Absent { .. } => "absent",
            Reason::CriticalAdHoc => "critical_ad_hoc",
            Reason::Systemic { .. } => "systemic",
            Reason::BelowAuditLevel { .. } => "below_audit_level",
            Reason::NoEvidence { .. } => "no_evidence",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::UnjustifiedExclusion => f.write_str(
                "Excluded without a justification: the Statement of Applicability must justify every excluded Annex A control.",
            ),
            Reason::Absent { annex_a: false } => f.write_str(
                "Maturity 0: a required element of the management system is absent, so the system cannot achieve its intended results.",
            ),
            Reason::Absent { annex_a: true } => f.write_str(
                "Maturity 0: the control is applicable but not implemented, so the system cannot achieve its intended results.",
            ),
            Reason::CriticalAdHoc => f.write_str(
                "Maturity 1 on a critical item: done ad hoc with little or no record, which an auditor treats as a breakdown of the system.",
            ),
            Reason::Systemic { minors } => {
                write!(f, "{} minor nonconformities in this section (", minors.len())?;
                for (i, id) in minors.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(id.as_str())?;
                }
                f.write_str(") point to a systemic failure rather than isolated lapses.")
            }
            Reason::BelowAuditLevel { maturity, audit_level } => write!(
                f,
                "Maturity {maturity} is below the level {audit_level} an auditor expects: an isolated shortfall that needs a corrective action."
            ),
            Reason::NoEvidence { maturity } => write!(
                f,
                "Rated {maturity} with no evidence listed: an auditor samples critical items first and will ask to see records."
            ),
        }
    }
}

/// A nonconformity or observation an auditor would likely raise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The item, or the clause or objective for a systemic finding.
    pub item: IsoId,
    pub severity: FindingSeverity,
    pub reason: Reason,
    /// The maturity behind the finding was inferred, not rated.
    pub inferred: bool,
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Finding", 6)?;
        st.serialize_field("item", &self.item)?;
        st.serialize_field("title", self.item.item().title)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("rule", self.reason.rule())?;
        st.serialize_field("reason", &DisplayAsStr(&self.reason))?;
        if self.inferred {
            st.serialize_field("inferred", &true)?;
        }
        st.end()
    }
}

/// The certification decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A major nonconformity: certification delayed pending remediation.
    NotReady,
    /// Minor nonconformities only: granted with corrective action requirements.
    ReadyWithCorrectiveActions,
    /// No nonconformity: certification granted.
    Ready,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::NotReady => "not_ready",
            Verdict::ReadyWithCorrectiveActions => "ready_with_corrective_actions",
            Verdict::Ready => "ready",
        }
    }
}

/// The verdict with the counts behind it; `Display` explains it in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerdictReason {
    pub verdict: Verdict,
    pub majors: u32,
    pub minors: u32,
    pub not_assessed: u32,
    pub nothing_assessed: bool,
}

impl fmt::Display for VerdictReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: u32| if n == 1 { "" } else { "s" };
        if self.nothing_assessed {
            f.write_str("Nothing is assessed yet: rate the items to get a verdict.")?;
        } else {
            match self.verdict {
                Verdict::NotReady => write!(
                    f,
                    "{} major nonconformit{} expected: certification would be delayed until remediated.",
                    self.majors,
                    if self.majors == 1 { "y" } else { "ies" }
                )?,
                Verdict::ReadyWithCorrectiveActions => write!(
                    f,
                    "No major but {} minor nonconformit{} expected: certification would be granted with corrective actions.",
                    self.minors,
                    if self.minors == 1 { "y" } else { "ies" }
                )?,
                Verdict::Ready => f.write_str("No nonconformity expected: certification would be granted.")?,
            }
            if self.not_assessed > 0 {
                write!(
                    f,
                    " Provisional: {} item{} not assessed yet.",
                    self.not_assessed,
                    plural(self.not_assessed)
                )?;
            }
        }
        Ok(())
    }
}

impl Serialize for VerdictReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

pub(crate) struct DisplayAsStr<'a, T: fmt::Display>(pub(crate) &'a T);

impl<T: fmt::Display> Serialize for DisplayAsStr<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

/// Applies the rules to the items (in catalog order); returns the findings, majors first, and
/// the verdict.
pub(crate) fn evaluate(tables: &impl Tables, items: &[ItemEval]) -> (Vec<Finding>, VerdictReason) {
    // Built in catalog order, one list per severity, so that no sort is needed; a systemic
    // major goes before the majors of its own section.
    let mut majors: Vec<Finding> = Vec::with_capacity(items.len() + 16);
    let mut minors: Vec<Finding> = Vec::with_capacity(items.len());
    let mut observations: Vec<Finding> = Vec::with_capacity(items.len());
    let mut section: Option<IsoId> = None;
    // Where the current section's majors start, and its minors so far.
    let (mut section_majors, mut section_minors) = (0, 0);
    let mut not_assessed = 0;
    let mut rated = 0;
    for it in items {
        let sec = tables.iso(it.id).section;
        if section != Some(sec) {
            systemic(
                section,
                &mut majors,
                section_majors,
                &minors,
                section_minors,
            );
            section = Some(sec);
            (section_majors, section_minors) = (majors.len(), 0);
        }
        rated += u32::from(it.maturity.is_some());
        if it.maturity.is_none() && it.scope != Scope::Excluded {
            not_assessed += 1;
        }
        let Some((severity, reason)) = rule(it) else {
            continue;
        };
        let finding = Finding {
            item: it.id,
            severity,
            reason,
            inferred: it.inferred && it.maturity.is_some(),
        };
        match severity {
            FindingSeverity::Major => majors.push(finding),
            FindingSeverity::Minor => {
                minors.push(finding);
                section_minors += 1;
            }
            FindingSeverity::Observation => observations.push(finding),
        }
    }
    systemic(
        section,
        &mut majors,
        section_majors,
        &minors,
        section_minors,
    );
    let (major_count, minor_count) = (majors.len() as u32, minors.len() as u32);
    let nothing_assessed = rated == 0;
    let verdict = if major_count > 0 || nothing_assessed {
        Verdict::NotReady
    } else if minor_count > 0 {
        Verdict::ReadyWithCorrectiveActions
    } else {
        Verdict::Ready
    };
    let mut findings = majors;
    findings.append(&mut minors);
    findings.append(&mut observations);
    (
        findings,
        VerdictReason {
            verdict,
            majors: major_count,
            minors: minor_count,
            not_assessed,
            nothing_assessed,
        },
    )
}

/// The finding rules 1-5 for one item (rule 6, systemic, is applied per section).
fn rule(it: &ItemEval) -> Option<(FindingSeverity, Reason)> {
    let audit_level = it.target.min(AUDIT_LEVEL);
    match (it.scope, it.maturity) {
        (Scope::Excluded, _) | (Scope::Applicable, None) => None,
        (Scope::UnjustifiedExclusion, _) => {
            Some((FindingSeverity::Major, Reason::UnjustifiedExclusion))
        }
        (Scope::Applicable, Some(0)) => Some((
            FindingSeverity::Major,
            Reason::Absent {
                annex_a: it.annex_a,
            },
        )),
        (Scope::Applicable, Some(1)) if it.criticality == Criticality::Critical => {
            Some((FindingSeverity::Major, Reason::CriticalAdHoc))
        }
        (Scope::Applicable, Some(m)) if m < audit_level => Some((
            FindingSeverity::Minor,
            Reason::BelowAuditLevel {
                maturity: m,
                audit_level,
            },
        )),
        (Scope::Applicable, Some(m))
            if it.criticality == Criticality::Critical && !it.has_evidence =>
        {
            Some((
                FindingSeverity::Observation,
                Reason::NoEvidence { maturity: m },
            ))
        }
        (Scope::Applicable, Some(_)) => None,
    }
}

/// Rule 6: with [`SYSTEMIC_MINORS`] or more minors in the section just finished (the last
/// `count` of `minors`), a systemic major on the section, before the section's other majors.
fn systemic(
    section: Option<IsoId>,
    majors: &mut Vec<Finding>,
    at: usize,
    minors: &[Finding],
    count: usize,
) {
    let Some(sec) = section else { return };
    if count < SYSTEMIC_MINORS {
        return;
    }
    let ids = minors[minors.len().saturating_sub(count)..]
        .iter()
        .map(|f| f.item)
        .collect();
    let finding = Finding {
        item: sec,
        severity: FindingSeverity::Major,
        reason: Reason::Systemic { minors: ids },
        inferred: false,
    };
    majors.insert(at.min(majors.len()), finding);
}
