//! The certification roadmap: the path of the source article (gap assessment, implementation,
//! internal audit, Stage 1 and Stage 2 audits, certification decision, surveillance) with start
//! and end months, and the assumptions behind them.
//!
//! Only the implementation phase varies. Its effort is the weighted levels still to close:
//! Σ criticality weight (1-4) × (target − maturity) over applicable items, unassessed items
//! counted at maturity 0 (the plan never assumes work is done before it is rated), at
//! [`PERSON_DAYS_PER_LEVEL`] person-days each. An ISO/IEC 27001 or ISO 9001 certificate takes
//! [`HARMONIZED_REUSE`] off the clause 4-10 part of that effort. Months = effort ÷ (full-time
//! equivalents × [`WORKING_DAYS_PER_MONTH`]), rounded up and bounded: 6-18 months (3-18 with a
//! certificate) when a major nonconformity is expected or items are unassessed, as the source
//! article gives for implementation; 1-6 months when only corrective actions remain; none when
//! there is no gap. The other phases have the durations of the article's TechServe case.

use super::findings::{Finding, FindingSeverity};
use super::{ItemEval, Scope};
use crate::assessment::{HarmonizedCertificate, Organisation, Planning};
use serde::Serialize;
use std::fmt;

/// Person-days per criticality weight point per maturity level to close. Calibrated so that an
/// organisation starting from nothing, with one full-time equivalent, reaches the article's
/// 18-month upper bound.
pub const PERSON_DAYS_PER_LEVEL: f64 = 0.75;
pub const WORKING_DAYS_PER_MONTH: f64 = 21.0;
/// Share of the clause 4-10 effort an ISO/IEC 27001 or ISO 9001 certificate saves (published
/// estimates: 40-50% of the 27001 infrastructure reusable).
pub const HARMONIZED_REUSE: f64 = 0.45;
pub const IMPLEMENTATION_MONTHS_MAX: u32 = 18;
pub const IMPLEMENTATION_MONTHS_MIN: u32 = 6;
/// The low end of published savings from an existing certificate.
pub const CERTIFICATE_MONTHS_SAVED_MIN: u32 = 3;
pub const CORRECTIVE_MONTHS_MAX: u32 = 6;

#[derive(Clone, Debug, Serialize)]
pub struct Roadmap {
    /// The month of the certification decision, counting the gap assessment as month 1.
    pub total_months: u32,
    pub implementation_months: u32,
    pub effort_person_days: f64,
    pub capacity: Capacity,
    pub certificate_credit: Option<CertificateCredit>,
    pub phases: Vec<Phase>,
    pub assumptions: Vec<Assumption>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Capacity {
    pub people: f64,
    pub share_of_time: f64,
    pub full_time_equivalents: f64,
    /// False when the defaults were used (no `planning` in the assessment).
    pub from_planning: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CertificateCredit {
    pub certificate: HarmonizedCertificate,
    /// Share of the clause 4-10 effort taken as reusable.
    pub reused_share: f64,
    pub months_saved: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseId {
    GapAssessment,
    Implementation,
    InternalAudit,
    Stage1Audit,
    Stage2Audit,
    CertificationDecision,
    Surveillance,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Phase {
    pub id: PhaseId,
    pub title: &'static str,
    pub start_month: u32,
    pub end_month: u32,
    pub months: u32,
    pub description: &'static str,
}

/// The fixed phases: (id, title, months, description). Implementation's months are computed.
const PHASES: [(PhaseId, &str, u32, &str); 7] = [
    (PhaseId::GapAssessment, "Gap assessment", 2, "Map current practice to the standard, identify and prioritise the gaps, estimate resources."),
    (PhaseId::Implementation, "Implementation", 0, "Write policies and procedures, establish the processes, train staff, implement the controls and generate evidence of operation."),
    (PhaseId::InternalAudit, "Internal audit", 2, "Audit against all requirements, correct the nonconformities found and verify the corrections work; hold a management review."),
    (PhaseId::Stage1Audit, "Stage 1 audit", 1, "The certification body reviews the documentation and confirms readiness for Stage 2."),
    (PhaseId::Stage2Audit, "Stage 2 audit", 1, "On-site audit: interviews, evidence review, verification that the system works as documented."),
    (PhaseId::CertificationDecision, "Certification decision", 1, "No major nonconformity: certification granted; minor ones: granted once corrective actions are planned; a major: delayed until remediated."),
    (PhaseId::Surveillance, "Surveillance", 1, "Annual surveillance audits in the two years after certification; a full recertification audit every three years."),
];

pub(crate) fn plan(
    items: &[ItemEval],
    findings: &[Finding],
    organisation: &Organisation,
    planning: Option<&Planning>,
) -> Roadmap {
    let defaults = Planning::default();
    let p = planning.unwrap_or(&defaults);
    let capacity = Capacity {
        people: p.people(),
        share_of_time: p.share_of_time(),
        full_time_equivalents: p.full_time_equivalents(),
        from_planning: planning.is_some(),
    };
    // Weighted levels to close, split into clauses 4-10 and Annex A.
    let (mut clause_levels, mut control_levels, mut unassessed) = (0u32, 0u32, 0u32);
    for it in items.iter().filter(|it| it.scope != Scope::Excluded) {
        let current = it.maturity.unwrap_or(0);
        unassessed += u32::from(it.maturity.is_none());
        let levels = it.criticality.weight() * u32::from(it.target.saturating_sub(current));
        if it.annex_a {
            control_levels += levels;
        } else {
            clause_levels += levels;
        }
    }
    let major = unassessed > 0
        || findings
            .iter()
            .any(|f| f.severity == FindingSeverity::Major);
    let certificate = organisation.harmonized_certificate();
    let days = |reuse: f64| {
        (f64::from(clause_levels) * (1.0 - reuse) + f64::from(control_levels))
            * PERSON_DAYS_PER_LEVEL
    };
    let months = |days: f64, certified: bool| -> (u32, u32) {
        let raw = (days / (capacity.full_time_equivalents * WORKING_DAYS_PER_MONTH)).ceil();
        let raw = if raw.is_finite() && raw > 0.0 {
            raw.min(1000.0) as u32
        } else {
            0
        };
        let bounded = if raw == 0 && !major {
            0
        } else if major {
            let min = if certified {
                IMPLEMENTATION_MONTHS_MIN - CERTIFICATE_MONTHS_SAVED_MIN
            } else {
                IMPLEMENTATION_MONTHS_MIN
            };
            raw.clamp(min, IMPLEMENTATION_MONTHS_MAX)
        } else {
            raw.clamp(1, CORRECTIVE_MONTHS_MAX)
        };
        (raw, bounded)
    };
    let (raw_without, without) = months(days(0.0), false);
    let (effort, (raw, implementation), credit) = match certificate {
        Some(c) => {
            let d = days(HARMONIZED_REUSE);
            let m = months(d, true);
            let credit = CertificateCredit {
                certificate: c,
                reused_share: HARMONIZED_REUSE,
                months_saved: without.saturating_sub(m.1),
            };
            (d, m, Some(credit))
        }
        None => (days(0.0), (raw_without, without), None),
    };

    let mut phases = Vec::with_capacity(PHASES.len());
    let mut month = 0;
    let mut decision = 0;
    for (id, title, fixed, description) in PHASES {
        let months = match id {
            PhaseId::Implementation => implementation,
            _ => fixed,
        };
        if months == 0 {
            continue;
        }
        let start = match id {
            // The first surveillance audit comes a year after the decision.
            PhaseId::Surveillance => decision + 12,
            _ => month + 1,
        };
        let end = start + months - 1;
        if id == PhaseId::CertificationDecision {
            decision = end;
        }
        month = end;
        phases.push(Phase {
            id,
            title,
            start_month: start,
            end_month: end,
            months,
            description,
        });
    }

    let min_months = if certificate.is_some() {
        IMPLEMENTATION_MONTHS_MIN - CERTIFICATE_MONTHS_SAVED_MIN
    } else {
        IMPLEMENTATION_MONTHS_MIN
    };
    let levels = clause_levels + control_levels;
    let mut assumptions = Vec::with_capacity(7);
    assumptions.push(Assumption::Capacity(capacity));
    assumptions.push(Assumption::Effort {
        levels,
        person_days: round1(f64::from(levels) * PERSON_DAYS_PER_LEVEL),
    });
    if unassessed > 0 {
        assumptions.push(Assumption::Unassessed { items: unassessed });
    }
    if let Some(c) = credit {
        assumptions.push(Assumption::Certificate {
            credit: c,
            person_days: round1(effort),
        });
    }
    assumptions.push(if implementation == 0 {
        Assumption::NoGap
    } else if major {
        Assumption::MajorBounds { min_months }
    } else {
        Assumption::CorrectiveBounds
    });
    if raw > IMPLEMENTATION_MONTHS_MAX {
        assumptions.push(Assumption::OverCapacity { months: raw });
    }
    assumptions.push(Assumption::FixedPhases);

    Roadmap {
        total_months: decision,
        implementation_months: implementation,
        effort_person_days: round1(effort),
        capacity,
        certificate_credit: credit,
        phases,
        assumptions,
    }
}

fn round1(x: f64) -> f64 {
    super::round_tenth(x)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// One assumption behind the roadmap; `Display` (and the JSON) give it as a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Assumption {
    Capacity(Capacity),
    /// Weighted levels to close and what they cost before any certificate credit.
    Effort {
        levels: u32,
        person_days: f64,
    },
    Unassessed {
        items: u32,
    },
    /// The credit and the person-days left after it.
    Certificate {
        credit: CertificateCredit,
        person_days: f64,
    },
    NoGap,
    MajorBounds {
        min_months: u32,
    },
    CorrectiveBounds,
    /// The unbounded estimate, beyond the upper bound.
    OverCapacity {
        months: u32,
    },
    FixedPhases,
}

impl fmt::Display for Assumption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = |n: u32| if n == 1 { "" } else { "s" };
        match *self {
            Assumption::Capacity(c) => write!(
                f,
                "Capacity: {} people at {}% of their time = {} full-time equivalents{}.",
                round1(c.people),
                round1(c.share_of_time * 100.0),
                round2(c.full_time_equivalents),
                if c.from_planning { "" } else { " (default: no planning given)" }
            ),
            Assumption::Effort { levels, person_days } => write!(
                f,
                "Effort: {levels} weighted maturity levels to close (criticality weight 1-4 × levels to target) × {PERSON_DAYS_PER_LEVEL} person-days = {person_days} person-days."
            ),
            Assumption::Unassessed { items } => write!(
                f,
                "{items} item{} not assessed yet {} counted at maturity 0 until rated: the plan can only get shorter as they are.",
                s(items),
                if items == 1 { "is" } else { "are" }
            ),
            Assumption::Certificate { credit, person_days } => write!(
                f,
                "{} certificate: {}% of the clause 4-10 (Harmonized Structure) effort is reused, leaving {person_days} person-days (published estimates: 40-50% of the ISO/IEC 27001 infrastructure reusable, 3-6 months saved); here it saves {} month{}.",
                credit.certificate.as_str(),
                round1(credit.reused_share * 100.0),
                credit.months_saved,
                s(credit.months_saved)
            ),
            Assumption::NoGap => f.write_str("No gap to close: no implementation phase."),
            Assumption::MajorBounds { min_months } => write!(
                f,
                "Implementation is bounded to {min_months}-{IMPLEMENTATION_MONTHS_MAX} months, the range the source article gives, because a major nonconformity is expected or items are unassessed."
            ),
            Assumption::CorrectiveBounds => write!(
                f,
                "Only corrective actions remain: implementation is bounded to 1-{CORRECTIVE_MONTHS_MAX} months."
            ),
            Assumption::OverCapacity { months } => write!(
                f,
                "At this capacity the work would take {months} months, beyond the {IMPLEMENTATION_MONTHS_MAX}-month upper bound: plan more people or more of their time."
            ),
            Assumption::FixedPhases => f.write_str(
                "Gap assessment 2 months, internal audit 2 months, Stage 1 audit, Stage 2 audit and certification decision a month each, as in the source article's TechServe case; surveillance audits yearly after certification.",
            ),
        }
    }
}

impl Serialize for Assumption {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
