//! Findings an auditor would likely raise, graded as ISO/IEC 17021-1 does, and the verdict of
//! the certification decision.
//!
//! The audit bar is level 3 (Defined), always: an auditor audits conformity, whatever the
//! organisation aims for. A target is an ambition (a separate gap list), never the bar.
//!
//! Rules, applied to each applicable item (justly excluded controls are skipped):
//! 1. **minor against 6.1.3**: an Annex A control marked not applicable without a
//!    justification (the Statement of Applicability is incomplete; the control is named);
//! 2. **major**: maturity 0, a required element absent;
//! 3. **major**: a critical item at maturity 1 (done ad hoc, no record);
//! 4. **minor**: below level 3: a shortfall that needs a corrective action;
//! 5. **observation**: a critical item at level 3 or above with no evidence listed.
//!
//! Then by root cause (catalog data, `engine/data/root-causes.txt`): the shortfalls of one
//! group make one finding, written against the first failing item in the group's order,
//! naming the others as `related`, graded at the worst of them; three or more minors within one
//! group (counted by independent evidence: one quick-scan answer, or the Statement of
//! Applicability, is one piece) make it a systemic major. Items outside any group are never
//! merged, even within one clause.
//!
//! Verdict: any major → `not_ready` (that much is known whatever is missing); else, unless
//! every applicable critical item and at least 90 % of the applicable items are assessed,
//! `incomplete`; else any minor → `ready_with_corrective_actions`; else `ready`.
//!
//! Raising a maturity never worsens the verdict (`not_ready` < `incomplete` <
//! `ready_with_corrective_actions` < `ready`): it can turn a major into a minor or nothing, or a
//! minor into nothing, and completeness does not change. It adds a minor only by lifting an
//! item out of a major, so a new systemic major appears only where a major already was.

use super::{ItemEval, Scope};
use crate::catalog::{Criticality, IsoId, RootCause, Tables};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

/// The level a certification audit expects, whatever the target.
pub const AUDIT_LEVEL: u8 = 3;
/// Minors (independent pieces of evidence) within one root-cause group that make a systemic major.
pub const SYSTEMIC_MINORS: usize = 3;
/// The share of applicable items, in percent, that must be assessed for a positive verdict.
pub const COMPLETE_PERCENT: u32 = 90;
/// More majors than this: not ready even for a Stage 1 audit.
pub const STAGE1_MAJORS: u32 = 10;
/// The requirement an exclusion without justification is written against: the Statement of
/// Applicability is part of AI risk treatment.
pub const SOA_REQUIREMENT: &str = "6.1.3";

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
    /// Annex A controls excluded without a justification (written against 6.1.3).
    UnjustifiedExclusion {
        controls: Vec<IsoId>,
    },
    Absent {
        annex_a: bool,
    },
    CriticalAdHoc,
    BelowAuditLevel {
        maturity: u8,
    },
    NoEvidence {
        maturity: u8,
    },
    /// Several shortfalls of one root cause, written up once.
    RootCause {
        group: &'static RootCause,
        /// Each item with its own shortfall, in the group's order.
        parts: Vec<(IsoId, Shortfall)>,
        /// Three or more independent minors: a systemic major.
        systemic: bool,
    },
}

/// One item's shortfall inside a root-cause finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortfall {
    /// Rated at this maturity.
    Maturity(u8),
    /// Excluded without a justification.
    UnjustifiedExclusion,
}

impl Reason {
    /// A stable name of the rule, for links to docs/scoring.md.
    pub fn rule(&self) -> &'static str {
        match self {
            Reason::UnjustifiedExclusion { .. } => "unjustified_exclusion",
            Reason::Absent { .. } => "absent",
            Reason::CriticalAdHoc => "critical_ad_hoc",
            Reason::BelowAuditLevel { .. } => "below_audit_level",
            Reason::NoEvidence { .. } => "no_evidence",
            Reason::RootCause { systemic: true, .. } => "systemic",
            Reason::RootCause { .. } => "root_cause",
        }
    }
}

fn list(f: &mut fmt::Formatter<'_>, ids: &[IsoId]) -> fmt::Result {
    let ids: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
    f.write_str(&crate::format::and_list(&ids))
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::UnjustifiedExclusion { controls } => {
                f.write_str("The Statement of Applicability excludes ")?;
                list(f, controls)?;
                f.write_str(
                    " without a justification: every excluded Annex A control needs one (add it, or bring the control back into scope).",
                )
            }
            Reason::Absent { annex_a: false } => f.write_str(
                "Maturity 0: a required element of the management system is absent, so the system cannot achieve its intended results.",
            ),
            Reason::Absent { annex_a: true } => f.write_str(
                "Maturity 0: the control is applicable but not implemented, so the system cannot achieve its intended results.",
            ),
            Reason::CriticalAdHoc => f.write_str(
                "Maturity 1 on a critical item: done ad hoc with little or no record, which an auditor treats as a breakdown of the system.",
            ),
            Reason::BelowAuditLevel { maturity } => write!(
                f,
                "Maturity {maturity} is below level {AUDIT_LEVEL} (Defined), which a certification audit expects: a shortfall that needs a corrective action."
            ),
            Reason::NoEvidence { maturity } => write!(
                f,
                "Rated {maturity} with no evidence listed: an auditor samples critical items first and will ask to see records."
            ),
            Reason::RootCause {
                group,
                parts,
                systemic,
            } => {
                write!(f, "{}: ", group.label)?;
                for (i, (id, s)) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    match s {
                        Shortfall::Maturity(m) => write!(f, "{id} at {m}")?,
                        Shortfall::UnjustifiedExclusion => {
                            write!(f, "{id} excluded without a justification")?
                        }
                    }
                }
                if *systemic {
                    write!(
                        f,
                        ". {} or more shortfalls under one root cause point to a systemic failure rather than isolated lapses, so an auditor grades them as one major nonconformity. ",
                        SYSTEMIC_MINORS
                    )?;
                } else {
                    f.write_str(
                        ". One root cause, so an auditor writes one finding, graded at the worst of these items. ",
                    )?;
                }
                f.write_str(group.rationale)
            }
        }
    }
}

/// A nonconformity or observation an auditor would likely raise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The requirement the auditor would write it against.
    pub item: IsoId,
    pub severity: FindingSeverity,
    pub reason: Reason,
    /// The other items the finding covers (same root cause, or the controls an incomplete
    /// Statement of Applicability leaves unjustified), in the group's order.
    pub related: Vec<IsoId>,
    /// A maturity behind the finding was inferred, not rated.
    pub inferred: bool,
    /// The AI systems (names) whose per-system answers set the maturity of the finding's
    /// items, the ones rated lowest; empty when no item is answered per system.
    pub systems: Vec<String>,
}

impl Finding {
    /// The item and the related ones.
    pub fn items(&self) -> impl Iterator<Item = IsoId> + '_ {
        std::iter::once(self.item).chain(self.related.iter().copied())
    }

    /// The root-cause group the finding was merged by, if any.
    pub fn root_cause(&self) -> Option<&'static RootCause> {
        match &self.reason {
            Reason::RootCause { group, .. } => Some(group),
            _ => None,
        }
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Finding", 8)?;
        st.serialize_field("item", &self.item)?;
        st.serialize_field("title", self.item.item().title)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("rule", self.reason.rule())?;
        st.serialize_field("reason", &DisplayAsStr(&self.reason))?;
        st.serialize_field("related", &self.related)?;
        if let Some(g) = self.root_cause() {
            st.serialize_field("root_cause", g.id)?;
        }
        if self.inferred {
            st.serialize_field("inferred", &true)?;
        }
        if !self.systems.is_empty() {
            st.serialize_field("systems", &self.systems)?;
        }
        st.end()
    }
}

/// The certification decision, worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A major nonconformity: certification delayed pending remediation.
    NotReady,
    /// No major so far, but too few answers for a positive verdict.
    Incomplete,
    /// Minor nonconformities only: granted with corrective action requirements.
    ReadyWithCorrectiveActions,
    /// No nonconformity: certification granted.
    Ready,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::NotReady => "not_ready",
            Verdict::Incomplete => "incomplete",
            Verdict::ReadyWithCorrectiveActions => "ready_with_corrective_actions",
            Verdict::Ready => "ready",
        }
    }

    /// The verdict in words for people: the one wording the CLI text, the Markdown report, the
    /// JS API's text and the web app show (`as_str` is the machine-readable code).
    pub fn title(self) -> &'static str {
        match self {
            Verdict::NotReady => "Not ready for certification",
            Verdict::Incomplete => "Not enough answers for a verdict",
            Verdict::ReadyWithCorrectiveActions => "Ready with corrective actions",
            Verdict::Ready => "Ready for certification",
        }
    }

    /// A positive verdict (certification would be granted).
    pub fn is_positive(self) -> bool {
        matches!(self, Verdict::Ready | Verdict::ReadyWithCorrectiveActions)
    }
}

/// How much of the assessment is answered, as the verdict needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Completeness {
    /// Applicable items rated (or marked not applicable without a justification).
    pub assessed: u32,
    /// Items in scope: all but the justly excluded controls.
    pub applicable: u32,
    /// Assessed items a positive verdict needs (90 % of `applicable`, rounded up).
    pub required: u32,
    /// Applicable critical items not assessed yet, in catalog order.
    pub missing_critical: Vec<IsoId>,
}

impl Completeness {
    /// Enough answers for a positive verdict.
    pub fn is_enough(&self) -> bool {
        self.missing_critical.is_empty() && self.assessed >= self.required
    }

    /// Answers still needed to reach the 90 % share.
    pub fn missing(&self) -> u32 {
        self.required.saturating_sub(self.assessed)
    }
}

/// The verdict with the facts behind it; `Display` explains it in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerdictReason {
    pub verdict: Verdict,
    pub majors: u32,
    pub minors: u32,
    /// Applicable items not assessed.
    pub not_assessed: u32,
    pub nothing_assessed: bool,
    pub completeness: Completeness,
    /// The items the majors are written against (what blocks certification), in finding order.
    pub blockers: Vec<IsoId>,
}

impl VerdictReason {
    /// So many majors that the organisation is not ready even for a Stage 1 audit.
    pub fn not_ready_for_stage1(&self) -> bool {
        self.majors > STAGE1_MAJORS
    }
}

fn plural(n: u32, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

impl fmt::Display for VerdictReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.completeness;
        if self.nothing_assessed {
            return write!(
                f,
                "Nothing is assessed yet: a verdict needs at least {COMPLETE_PERCENT}% of the applicable items ({} of {}) and every critical one.",
                c.required, c.applicable
            );
        }
        match self.verdict {
            Verdict::NotReady if self.not_ready_for_stage1() => {
                write!(
                    f,
                    "Not ready for a Stage 1 audit: {} major nonconformities expected, so the management system is not yet in place. Blockers: ",
                    self.majors
                )?;
                list(f, &self.blockers)?;
                f.write_str(".")?;
            }
            Verdict::NotReady => write!(
                f,
                "{} major nonconformit{} expected: certification would be delayed until remediated.",
                self.majors,
                plural(self.majors, "y", "ies")
            )?,
            Verdict::Incomplete => {
                write!(
                    f,
                    "Not enough answers for a verdict: {} of {} applicable items assessed; a verdict needs at least {COMPLETE_PERCENT}% ({}) and every critical item.",
                    c.assessed, c.applicable, c.required
                )?;
                if c.missing() > 0 {
                    write!(
                        f,
                        " {} more answer{} needed.",
                        c.missing(),
                        plural(c.missing(), " is", "s are")
                    )?;
                }
                if !c.missing_critical.is_empty() {
                    f.write_str(" Critical items still to assess: ")?;
                    list(f, &c.missing_critical)?;
                    f.write_str(".")?;
                }
                if self.minors > 0 {
                    write!(
                        f,
                        " So far no major and {} minor nonconformit{}.",
                        self.minors,
                        plural(self.minors, "y", "ies")
                    )?;
                }
            }
            Verdict::ReadyWithCorrectiveActions => write!(
                f,
                "No major but {} minor nonconformit{} expected: certification would be granted with corrective actions.",
                self.minors,
                plural(self.minors, "y", "ies")
            )?,
            Verdict::Ready => {
                f.write_str("No nonconformity expected: certification would be granted.")?
            }
        }
        if self.verdict != Verdict::Incomplete && self.not_assessed > 0 {
            write!(
                f,
                " Provisional: {} applicable item{} not assessed yet.",
                self.not_assessed,
                plural(self.not_assessed, "", "s")
            )?;
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

/// One item's finding before grouping.
struct Raw<'a> {
    /// The item rated (or the control excluded).
    item: IsoId,
    /// The requirement it is written against (the item, or 6.1.3 for an exclusion).
    against: IsoId,
    severity: FindingSeverity,
    reason: Reason,
    shortfall: Shortfall,
    /// Independent evidence: items set by one quick-scan answer, or the exclusions of one
    /// Statement of Applicability, share a key.
    evidence: Evidence<'a>,
    inferred: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Evidence<'a> {
    Item(IsoId),
    QuickScan(&'a str),
    Soa,
}

/// Applies the rules to the items (in catalog order); returns the findings (majors first, then
/// minors, then observations, each in catalog order of the requirement they are written
/// against) and the verdict.
pub(crate) fn evaluate(tables: &impl Tables, items: &[ItemEval]) -> (Vec<Finding>, VerdictReason) {
    let soa = IsoId::parse(SOA_REQUIREMENT).ok();
    let mut raws: Vec<Raw<'_>> = Vec::with_capacity(items.len());
    let mut observations: Vec<Finding> = Vec::new();
    let (mut assessed, mut applicable, mut rated) = (0u32, 0u32, 0u32);
    let mut missing_critical = Vec::new();
    for it in items {
        if it.scope != Scope::Excluded {
            applicable += 1;
            let is_assessed = it.maturity.is_some() || it.scope == Scope::UnjustifiedExclusion;
            assessed += u32::from(is_assessed);
            if !is_assessed && it.criticality == Criticality::Critical {
                missing_critical.push(it.id);
            }
        }
        rated += u32::from(it.maturity.is_some());
        let evidence = match it.answer.and_then(|a| a.quick_scan.as_deref()) {
            Some(q) => Evidence::QuickScan(q),
            None => Evidence::Item(it.id),
        };
        let inferred = it.inferred && it.maturity.is_some();
        if it.scope == Scope::UnjustifiedExclusion {
            raws.push(Raw {
                item: it.id,
                against: soa.map_or(it.id, |soa| tables.in_copy_of(it.id, soa)),
                severity: FindingSeverity::Minor,
                reason: Reason::UnjustifiedExclusion {
                    controls: vec![it.id],
                },
                shortfall: Shortfall::UnjustifiedExclusion,
                evidence: Evidence::Soa,
                inferred: false,
            });
            continue;
        }
        let Some(m) = it.maturity else { continue };
        let Some((severity, reason)) = rule(it, m) else {
            continue;
        };
        if severity == FindingSeverity::Observation {
            observations.push(Finding {
                item: it.id,
                severity,
                reason,
                related: Vec::new(),
                inferred,
                systems: Vec::new(),
            });
            continue;
        }
        raws.push(Raw {
            item: it.id,
            against: it.id,
            severity,
            reason,
            shortfall: Shortfall::Maturity(m),
            evidence,
            inferred,
        });
    }

    let mut findings = group(tables, raws);
    // Majors, then minors, each in catalog order of their requirement; then observations.
    crate::order::sort_by_key(&mut findings, |f| (f.severity, f.item));
    let majors = findings
        .iter()
        .filter(|f| f.severity == FindingSeverity::Major)
        .count() as u32;
    let minors = findings.len() as u32 - majors;
    let blockers = findings
        .iter()
        .filter(|f| f.severity == FindingSeverity::Major)
        .map(|f| f.item)
        .collect();
    findings.append(&mut observations);

    let required = (applicable * COMPLETE_PERCENT).div_ceil(100);
    let completeness = Completeness {
        assessed,
        applicable,
        required,
        missing_critical,
    };
    let verdict = if majors > 0 {
        Verdict::NotReady
    } else if !completeness.is_enough() {
        Verdict::Incomplete
    } else if minors > 0 {
        Verdict::ReadyWithCorrectiveActions
    } else {
        Verdict::Ready
    };
    (
        findings,
        VerdictReason {
            verdict,
            majors,
            minors,
            not_assessed: applicable - assessed,
            nothing_assessed: rated == 0 && assessed == 0,
            completeness,
            blockers,
        },
    )
}

/// Merges the raw findings by root cause (of the requirement each is written against); raw
/// findings outside any group stay as they are, except that exclusions without a justification
/// make one finding against 6.1.3.
fn group(tables: &impl Tables, raws: Vec<Raw<'_>>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(raws.len());
    // Groups by root cause within one copy of the catalog (the shipped catalog has one), in the
    // order they first appear.
    let mut by_group: Vec<(&'static RootCause, Vec<Raw<'_>>)> = Vec::new();
    // Where in `by_group` a group of a copy is, indexed by the id of the group's first item in
    // that copy (groups are disjoint, so first items differ): a search of `by_group` per raw
    // finding grew with the square of the catalog (docs/performance.md, row 5).
    let mut position = tables.blank_ratings::<Option<u32>>();
    let mut soa_alone: Vec<Raw<'_>> = Vec::new();
    for r in raws {
        let shipped = tables.shipped_id(r.against);
        match RootCause::of(shipped) {
            Some(g) => {
                let first = g.items.first().copied().unwrap_or(shipped);
                let slot = &mut position[tables.in_copy_of(r.against, first).index()];
                match slot.and_then(|i| by_group.get_mut(i as usize)) {
                    Some((_, list)) => list.push(r),
                    None => {
                        *slot = Some(by_group.len() as u32);
                        by_group.push((g, vec![r]));
                    }
                }
            }
            None if r.shortfall == Shortfall::UnjustifiedExclusion => soa_alone.push(r),
            None => out.push(Finding {
                item: r.against,
                severity: r.severity,
                related: if r.item == r.against {
                    Vec::new()
                } else {
                    vec![r.item]
                },
                reason: r.reason,
                inferred: r.inferred,
                systems: Vec::new(),
            }),
        }
    }
    if let Some(first) = soa_alone.first() {
        out.push(Finding {
            item: first.against,
            severity: FindingSeverity::Minor,
            reason: Reason::UnjustifiedExclusion {
                controls: soa_alone.iter().map(|r| r.item).collect(),
            },
            related: soa_alone.iter().map(|r| r.item).collect(),
            inferred: false,
            systems: Vec::new(),
        });
    }
    for (g, mut list) in by_group {
        // The group's order; an exclusion written against 6.1.3 sorts with 6.1.3.
        crate::order::sort_by_key(&mut list, |r| {
            (g.rank(tables.shipped_id(r.against)), r.item)
        });
        let mut evidence: Vec<Evidence> = Vec::new();
        for r in list.iter().filter(|r| r.severity == FindingSeverity::Minor) {
            if !evidence.contains(&r.evidence) {
                evidence.push(r.evidence);
            }
        }
        let systemic = evidence.len() >= SYSTEMIC_MINORS;
        let worst = list.iter().map(|r| r.severity).min();
        let severity = if systemic {
            FindingSeverity::Major
        } else {
            worst.unwrap_or(FindingSeverity::Minor)
        };
        let inferred = list.iter().any(|r| r.inferred);
        let item = list[0].against;
        let mut related: Vec<IsoId> = Vec::with_capacity(list.len());
        for r in &list {
            if r.item != item && !related.contains(&r.item) {
                related.push(r.item);
            }
        }
        if list.len() == 1 && !systemic {
            // A single shortfall: its own reason says it best.
            let r = list.pop().map(|r| r.reason);
            if let Some(reason) = r {
                out.push(Finding {
                    item,
                    severity,
                    reason,
                    related,
                    inferred,
                    systems: Vec::new(),
                });
            }
            continue;
        }
        out.push(Finding {
            item,
            severity,
            reason: Reason::RootCause {
                group: g,
                parts: list.iter().map(|r| (r.item, r.shortfall)).collect(),
                systemic,
            },
            related,
            inferred,
            systems: Vec::new(),
        });
    }
    out
}

/// The finding rules 2-5 for one rated, applicable item.
fn rule(it: &ItemEval, m: u8) -> Option<(FindingSeverity, Reason)> {
    match m {
        0 => Some((
            FindingSeverity::Major,
            Reason::Absent {
                annex_a: it.annex_a,
            },
        )),
        1 if it.criticality == Criticality::Critical => {
            Some((FindingSeverity::Major, Reason::CriticalAdHoc))
        }
        m if m < AUDIT_LEVEL => Some((
            FindingSeverity::Minor,
            Reason::BelowAuditLevel { maturity: m },
        )),
        m if it.criticality == Criticality::Critical && !it.has_evidence => Some((
            FindingSeverity::Observation,
            Reason::NoEvidence { maturity: m },
        )),
        _ => None,
    }
}
