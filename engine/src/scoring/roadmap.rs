//! The certification roadmap, starting where the organisation is: this assessment is the gap
//! assessment, so the plan has only the phases still needed (rules for users in
//! docs/scoring.md, Roadmap).
//!
//! 1. **Gap assessment** only while items are unassessed: 1 month, 2 when more than half are
//!    (Cycore: a gap analysis takes 2 weeks to 3 months; the source article's TechServe took 2).
//! 2. **Implementation** while a major nonconformity is expected or items are unassessed: the
//!    months of the one effort model ([`crate::effort`]) for the team's capacity, at least 1,
//!    at most [`IMPLEMENTATION_MONTHS_MAX`] (the source article's upper bound; beyond it the plan
//!    says so). With no major, the minors go to the audit with a corrective-action plan (ISO/IEC
//!    17021-1: minors need an accepted plan, not a correction before certification).
//! 3. **Internal audit and management review**, 2 months (TechServe, months 7-8), unless 9.2.1,
//!    9.2.2 and 9.3.1-9.3.3 are all at the audit level (an internal audit and a management review
//!    have been done).
//! 4. **Stage 1**, then **Stage 2** the month after, then the **certification decision** the
//!    month after Stage 2 ([`AUDIT_TIMING`] states the lead times and their sources).
//! 5. **Surveillance** a year after the decision.
//!
//! Each phase lists the gaps it closes, in the order of the report's gap list, with the owner
//! and due date the answers give. Raising a maturity never lengthens the plan (tested as a
//! property): effort falls, a major can only disappear, and the internal audit can only drop.

use super::findings::{Finding, FindingSeverity};
use super::{find_item, Gap, ItemEval, Scope};
use crate::assessment::{Organisation, Planning};
use crate::catalog::IsoId;
use crate::effort::{self, Effort, ItemToClose, Size, AUDIT_LEVEL, HARMONIZED_REUSE};
use serde::Serialize;
use std::fmt;

pub use crate::effort::WORKING_DAYS_PER_MONTH;

/// The longest implementation the plan shows (the source article: typically 6-18 months); a
/// longer estimate is capped and the plan says so.
pub const IMPLEMENTATION_MONTHS_MAX: u32 = 18;
/// Internal audit and management review (TechServe: months 7-8).
pub const INTERNAL_AUDIT_MONTHS: u32 = 2;
/// The items that show an internal audit and a management review have been done.
pub const INTERNAL_AUDIT_ITEMS: [&str; 5] = ["9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3"];

/// The audit timing the plan uses, with its sources.
pub const AUDIT_TIMING: &str = "Stage 1 in the month after the preparation, Stage 2 the month after Stage 1 (ISO/IEC 17021-1 practice: Stage 2 follows within weeks to about three months; TechServe held both in month 9, Varcoe gives Stage 1 about month 9 and Stage 2 in months 11-12); book the certification body early, as lead times of 14-20 weeks are quoted (BSI estimate). The certification decision follows in the month after Stage 2: with minors only, once their corrective-action plan is accepted (ISO/IEC 17021-1). A major found at Stage 2 would delay it by the time to correct it and have the correction verified, often by a follow-up visit (about 3 months, our assumption).";

#[derive(Clone, Debug, Serialize)]
pub struct Roadmap {
    /// The month of the certification decision; month 1 is the first month after this
    /// assessment.
    pub total_months: u32,
    pub implementation_months: u32,
    /// Person-days to the audit level after any certificate credit (one decimal).
    pub effort_person_days: f64,
    /// The effort model's figures.
    pub effort: Effort,
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
    pub certificate: crate::assessment::HarmonizedCertificate,
    /// Share of the Harmonized-Structure effort taken as reusable.
    pub reused_share: f64,
    pub person_days_saved: f64,
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

#[derive(Clone, Debug, Serialize)]
pub struct Phase {
    pub id: PhaseId,
    pub title: &'static str,
    pub start_month: u32,
    pub end_month: u32,
    pub months: u32,
    pub description: &'static str,
    /// What the phase closes, in the order of the report's gap list (for the gap assessment:
    /// the items still to assess, in catalog order).
    pub gaps: Vec<PhaseGap>,
}

/// One gap a phase closes, with who and by when as the answer says.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseGap {
    pub item: IsoId,
    pub title: &'static str,
    /// The current maturity (`None` for an item still to assess).
    pub current: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
}

fn description(id: PhaseId, minors_only: bool) -> &'static str {
    match id {
        PhaseId::GapAssessment => "Assess the items not rated yet: map current practice to the standard and find the gaps.",
        PhaseId::Implementation => "Close the gaps to the audit level: write policies and procedures, establish the processes, train staff, implement the controls and generate evidence of operation.",
        PhaseId::InternalAudit => "Audit against all requirements, correct the nonconformities found and verify the corrections work; hold a management review.",
        PhaseId::Stage1Audit => "The certification body reviews the documentation and confirms readiness for Stage 2.",
        PhaseId::Stage2Audit => "On-site audit: interviews, evidence review, verification that the system works as documented.",
        PhaseId::CertificationDecision if minors_only => "The minor nonconformities listed here go to the audit open: certification is granted once the certification body accepts their corrective-action plan.",
        PhaseId::CertificationDecision => "With no major nonconformity, certification is granted; minors need an accepted corrective-action plan.",
        PhaseId::Surveillance => "Surveillance audits in the two years after certification, recertification in the third; the ambition gaps listed here (above the audit level) are continual improvement.",
    }
}

fn title(id: PhaseId) -> &'static str {
    match id {
        PhaseId::GapAssessment => "Gap assessment",
        PhaseId::Implementation => "Implementation",
        PhaseId::InternalAudit => "Internal audit and management review",
        PhaseId::Stage1Audit => "Stage 1 audit",
        PhaseId::Stage2Audit => "Stage 2 audit",
        PhaseId::CertificationDecision => "Certification decision",
        PhaseId::Surveillance => "Surveillance",
    }
}

/// The effort of the items in scope (justly excluded controls count for nothing).
fn effort_of(items: &[ItemEval], size: Size, organisation: &Organisation, credit: bool) -> Effort {
    effort::estimate(
        items
            .iter()
            .filter(|it| it.scope != Scope::Excluded)
            .map(|it| ItemToClose {
                id: it.code,
                criticality: it.criticality,
                maturity: it.maturity,
            }),
        size,
        if credit {
            organisation.harmonized_certificate()
        } else {
            None
        },
    )
}

pub(crate) fn plan(
    items: &[ItemEval],
    findings: &[Finding],
    gaps: &[Gap],
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
    let size = Size::new(organisation.employees, organisation.ai_systems_in_scope);
    let in_scope = || items.iter().filter(|it| it.scope != Scope::Excluded);
    let unassessed: Vec<&ItemEval> = in_scope().filter(|it| it.maturity.is_none()).collect();
    let major = findings
        .iter()
        .any(|f| f.severity == FindingSeverity::Major);
    let build = major || !unassessed.is_empty();
    let internal_audit_done = INTERNAL_AUDIT_ITEMS.iter().all(|code| {
        items
            .iter()
            .any(|it| it.code == *code && it.maturity.is_some_and(|m| m >= AUDIT_LEVEL))
    });

    let effort = effort_of(items, size, organisation, true);
    let implementation_for = |e: &Effort| -> (u32, u32) {
        if !build {
            return (0, 0);
        }
        let raw = effort::months(e.person_days, capacity.full_time_equivalents)
            .unwrap_or(IMPLEMENTATION_MONTHS_MAX)
            .max(1);
        (raw, raw.min(IMPLEMENTATION_MONTHS_MAX))
    };
    let (raw, implementation) = implementation_for(&effort);
    let credit = effort.certificate.map(|certificate| {
        let (_, without) = implementation_for(&effort_of(items, size, organisation, false));
        CertificateCredit {
            certificate,
            reused_share: HARMONIZED_REUSE,
            person_days_saved: round1(effort.person_days_saved),
            months_saved: without.saturating_sub(implementation),
        }
    });

    // Who does what: the answers' owner and due date.
    let find = |id: IsoId| find_item(items, id);
    let entry = |id: IsoId, current: Option<u8>| {
        let item = find(id);
        let answer = item.and_then(|it| it.answer);
        PhaseGap {
            item: id,
            title: item.map_or("", |it| it.title),
            current,
            owner: answer.and_then(|a| a.owner.clone()),
            due: answer.and_then(|a| a.due.clone()),
        }
    };
    let audit_item =
        |g: &Gap| find(g.item).is_some_and(|it| INTERNAL_AUDIT_ITEMS.contains(&it.code));
    let blocking = |g: &&Gap| g.current < AUDIT_LEVEL;
    let gap_entries = |keep: &dyn Fn(&Gap) -> bool| -> Vec<PhaseGap> {
        gaps.iter()
            .filter(|g| keep(g))
            .map(|g| entry(g.item, Some(g.current)))
            .collect()
    };

    let gap_assessment_months = match unassessed.len() {
        0 => 0,
        n if n * 2 > items.len() => 2,
        _ => 1,
    };
    let internal_audit_months = if internal_audit_done {
        0
    } else {
        INTERNAL_AUDIT_MONTHS
    };
    let minors_only = !build;
    let plan: [(PhaseId, u32, Vec<PhaseGap>); 6] = [
        (
            PhaseId::GapAssessment,
            gap_assessment_months,
            unassessed.iter().map(|it| entry(it.id, None)).collect(),
        ),
        (
            PhaseId::Implementation,
            implementation,
            gap_entries(&|g| blocking(&g) && !audit_item(g)),
        ),
        (
            PhaseId::InternalAudit,
            internal_audit_months,
            gap_entries(&|g| blocking(&g) && audit_item(g)),
        ),
        (PhaseId::Stage1Audit, 1, Vec::new()),
        (PhaseId::Stage2Audit, 1, Vec::new()),
        (
            PhaseId::CertificationDecision,
            1,
            if minors_only {
                gap_entries(&|g| blocking(&g) && !audit_item(g))
            } else {
                Vec::new()
            },
        ),
    ];
    let mut phases = Vec::with_capacity(plan.len() + 1);
    let mut month = 0;
    for (id, months, gaps) in plan {
        if months == 0 {
            continue;
        }
        let start = month + 1;
        month += months;
        phases.push(Phase {
            id,
            title: title(id),
            start_month: start,
            end_month: month,
            months,
            description: description(id, minors_only && !gaps.is_empty()),
            gaps,
        });
    }
    let decision = month;
    phases.push(Phase {
        id: PhaseId::Surveillance,
        title: title(PhaseId::Surveillance),
        start_month: decision + 12,
        end_month: decision + 12,
        months: 1,
        description: description(PhaseId::Surveillance, false),
        gaps: gap_entries(&|g| g.current >= AUDIT_LEVEL),
    });

    let mut assumptions = Vec::with_capacity(8);
    assumptions.push(Assumption::Capacity(capacity));
    assumptions.push(Assumption::Effort(effort));
    if !unassessed.is_empty() {
        assumptions.push(Assumption::Unassessed {
            items: unassessed.len() as u32,
            months: gap_assessment_months,
        });
    }
    if let Some(c) = credit {
        assumptions.push(Assumption::Certificate {
            credit: c,
            person_days: round1(effort.person_days),
        });
    }
    assumptions.push(if build {
        Assumption::Build {
            months: implementation,
        }
    } else if gaps.iter().any(|g| g.current < AUDIT_LEVEL) {
        Assumption::MinorsOnly
    } else {
        Assumption::NoGap
    });
    if raw > IMPLEMENTATION_MONTHS_MAX {
        assumptions.push(Assumption::OverCapacity { months: raw });
    }
    assumptions.push(if internal_audit_done {
        Assumption::InternalAuditDone
    } else {
        Assumption::InternalAudit
    });
    assumptions.push(Assumption::AuditTiming);

    Roadmap {
        total_months: decision,
        implementation_months: implementation,
        effort_person_days: round1(effort.person_days),
        effort,
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
    /// The effort model's figures before any certificate credit.
    Effort(Effort),
    Unassessed {
        items: u32,
        months: u32,
    },
    /// The credit and the person-days left after it.
    Certificate {
        credit: CertificateCredit,
        person_days: f64,
    },
    /// A major is expected or items are unassessed: an implementation phase.
    Build {
        months: u32,
    },
    /// Only minors: to the audit with a corrective-action plan.
    MinorsOnly,
    NoGap,
    /// The uncapped estimate, beyond the upper bound.
    OverCapacity {
        months: u32,
    },
    InternalAudit,
    InternalAuditDone,
    AuditTiming,
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
            Assumption::Effort(e) => write!(
                f,
                "Effort: {} weighted levels to close to the audit level 3 (criticality weight 1-4 × levels below 3) × {} person-days each = {} person-days. {} person-days per level is the reference organisation's (150 employees, 3 AI systems: about one full-time person for a year from nothing, Varcoe's 1.0 FTE programme owner), × {} for {} employees{} and {} AI system{} in scope{}.",
                e.weighted_levels,
                round2(effort::DAYS_PER_WEIGHTED_LEVEL * e.size_factor),
                round1(e.person_days_before_credit),
                round2(effort::DAYS_PER_WEIGHTED_LEVEL),
                round2(e.size_factor),
                e.size.employees,
                if e.size.employees_given { "" } else { " (none given: the reference)" },
                e.size.ai_systems,
                s(e.size.ai_systems),
                if e.size.ai_systems_given { "" } else { " (none given: the reference)" },
            ),
            Assumption::Unassessed { items, months } => write!(
                f,
                "{items} item{} not assessed yet: a gap assessment of {months} month{} first, and {} counted at maturity 0 until rated, so the plan can only get shorter as they are.",
                s(items),
                s(months),
                if items == 1 { "it is" } else { "they are" }
            ),
            Assumption::Certificate { credit, person_days } => write!(
                f,
                "{} certificate: {}% of the effort on the Harmonized-Structure clauses (4, 5, 7, 8.1, 9, 10 and the generic parts of 6; not 6.1.2, 6.1.4, 8.2-8.4 or Annex A) is reused, {} person-days, leaving {person_days} (ISO-Xpert: 40-50% of the ISO/IEC 27001 infrastructure reusable); here it saves {} month{}.",
                credit.certificate.as_str(),
                round1(credit.reused_share * 100.0),
                credit.person_days_saved,
                credit.months_saved,
                s(credit.months_saved)
            ),
            Assumption::Build { months } => write!(
                f,
                "A major nonconformity is expected or items are unassessed: implementation takes {months} month{} (the effort ÷ the capacity × {WORKING_DAYS_PER_MONTH} working days a month, rounded up).",
                s(months)
            ),
            Assumption::MinorsOnly => f.write_str(
                "No major nonconformity is expected: no implementation phase. The minors go to the audit with a corrective-action plan, which is enough for certification (ISO/IEC 17021-1).",
            ),
            Assumption::NoGap => f.write_str("Nothing below the audit level: no implementation phase."),
            Assumption::OverCapacity { months } => write!(
                f,
                "At this capacity the work would take {months} months, beyond the {IMPLEMENTATION_MONTHS_MAX}-month upper bound the plan shows (published timelines: 9-12 months typical, 12-18 from scratch): plan more people or more of their time."
            ),
            Assumption::InternalAudit => write!(
                f,
                "Internal audit and management review: {INTERNAL_AUDIT_MONTHS} months, as in the source article's TechServe case (9.2.1, 9.2.2 and 9.3.1-9.3.3 are not all at level 3 yet)."
            ),
            Assumption::InternalAuditDone => f.write_str(
                "9.2.1, 9.2.2 and 9.3.1-9.3.3 are at level 3 or above: an internal audit and a management review have been done, so the plan has no internal-audit phase.",
            ),
            Assumption::AuditTiming => f.write_str(AUDIT_TIMING),
        }
    }
}

impl Serialize for Assumption {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Answer, Answers, Assessment, Framework, IsoAnswers};
    use crate::readiness::score;

    fn case(id: &str) -> Assessment {
        crate::training::case(id).unwrap().model()
    }

    fn all_at(maturity: u8) -> Assessment {
        let mut a = Assessment::new(Framework::Iso42001);
        a.answers = Answers::Iso42001(
            IsoId::assessable()
                .map(|id| (id, Answer::rated(maturity)))
                .collect(),
        );
        a
    }

    fn answers(a: &mut Assessment) -> &mut IsoAnswers {
        match &mut a.answers {
            Answers::Iso42001(x) => x,
            Answers::NistAiRmf(_) => unreachable!(),
        }
    }

    fn phases(r: &Roadmap) -> Vec<PhaseId> {
        r.phases.iter().map(|p| p.id).collect()
    }

    #[test]
    fn techserve_at_month_one_is_decided_in_months_9_to_12() {
        let r = score(&case("techserve-month-1")).roadmap;
        assert!((9..=12).contains(&r.total_months), "{r:#?}");
        assert!(
            !phases(&r).contains(&PhaseId::GapAssessment),
            "the assessment is the gap assessment"
        );
        assert!(phases(&r).contains(&PhaseId::InternalAudit));
    }

    #[test]
    fn the_same_answers_with_140_staff_no_certificate_and_default_capacity_take_9_to_15_months() {
        let mut a = case("techserve-month-1");
        a.organisation.employees = Some(140);
        a.organisation.certifications.clear();
        a.planning = None;
        let r = score(&a).roadmap;
        assert!((9..=15).contains(&r.total_months), "{r:#?}");
        assert!(r.certificate_credit.is_none());
    }

    #[test]
    fn techserve_at_month_nine_is_decided_within_three_months() {
        let r = score(&case("techserve-month-9")).roadmap;
        assert!((1..=3).contains(&r.total_months), "{r:#?}");
        assert_eq!(
            phases(&r),
            [
                PhaseId::Stage1Audit,
                PhaseId::Stage2Audit,
                PhaseId::CertificationDecision,
                PhaseId::Surveillance
            ]
        );
        // The one minor goes to the audit with a corrective-action plan.
        let decision = &r.phases[2];
        assert_eq!(
            decision
                .gaps
                .iter()
                .map(|g| g.item.as_str())
                .collect::<Vec<_>>(),
            ["9.1"]
        );
    }

    #[test]
    fn everything_at_three_is_decided_within_four_months() {
        let r = score(&all_at(3)).roadmap;
        assert!(r.total_months <= 4, "{r:#?}");
        assert_eq!(r.implementation_months, 0);
        assert!(!phases(&r).contains(&PhaseId::InternalAudit));
        assert!(r.assumptions.contains(&Assumption::InternalAuditDone));
    }

    #[test]
    fn from_scratch_the_reference_organisation_stays_within_the_published_12_to_18_months() {
        let mut a = all_at(0);
        a.organisation.employees = Some(150);
        let r = score(&a).roadmap;
        assert!((12..=18).contains(&r.total_months), "{r:#?}");
        assert!(r
            .assumptions
            .iter()
            .all(|x| !matches!(x, Assumption::OverCapacity { .. })));
    }

    #[test]
    fn unassessed_items_bring_a_gap_assessment_and_are_listed_in_it() {
        let mut a = all_at(3);
        let id = IsoId::parse("A.6.2.4").unwrap();
        answers(&mut a).remove(&id);
        let r = score(&a).roadmap;
        assert_eq!(r.phases[0].id, PhaseId::GapAssessment);
        assert_eq!(r.phases[0].months, 1);
        assert_eq!(r.phases[0].gaps.len(), 1);
        assert_eq!(r.phases[0].gaps[0].item, id);
        assert_eq!(r.phases[1].id, PhaseId::Implementation);
        assert_eq!(
            score(&Assessment::new(Framework::Iso42001)).roadmap.phases[0].months,
            2,
            "nothing assessed: two months"
        );
    }

    #[test]
    fn phases_list_their_gaps_in_gap_list_order_with_owner_and_due() {
        let mut a = case("techserve-month-1");
        let policy = IsoId::parse("5.2").unwrap();
        if let Some(x) = answers(&mut a).get_mut(&policy) {
            x.owner = Some("CEO".into());
            x.due = Some("2027-03-01".into());
        }
        let report = score(&a);
        let implementation = report
            .roadmap
            .phases
            .iter()
            .find(|p| p.id == PhaseId::Implementation)
            .unwrap();
        let order: Vec<IsoId> = report
            .gaps
            .iter()
            .filter(|g| g.current < AUDIT_LEVEL && !INTERNAL_AUDIT_ITEMS.contains(&g.item.as_str()))
            .map(|g| g.item)
            .collect();
        assert_eq!(
            implementation
                .gaps
                .iter()
                .map(|g| g.item)
                .collect::<Vec<_>>(),
            order
        );
        let p = implementation
            .gaps
            .iter()
            .find(|g| g.item == policy)
            .unwrap();
        assert_eq!(
            (p.owner.as_deref(), p.due.as_deref()),
            (Some("CEO"), Some("2027-03-01"))
        );
        let audit = report
            .roadmap
            .phases
            .iter()
            .find(|p| p.id == PhaseId::InternalAudit)
            .unwrap();
        assert!(audit
            .gaps
            .iter()
            .all(|g| INTERNAL_AUDIT_ITEMS.contains(&g.item.as_str())));
        assert_eq!(audit.gaps.len(), 5);
        // Every gap below the audit level is closed by exactly one phase.
        let closed: usize = report
            .roadmap
            .phases
            .iter()
            .filter(|p| p.id != PhaseId::Surveillance)
            .map(|p| p.gaps.len())
            .sum();
        assert_eq!(
            closed,
            report
                .gaps
                .iter()
                .filter(|g| g.current < AUDIT_LEVEL)
                .count()
        );
    }

    #[test]
    fn a_certificate_never_lengthens_the_plan_and_credits_only_the_harmonized_structure() {
        for id in ["techserve-month-1", "hospital-triage", "startup-certify"] {
            let mut a = case(id);
            let mut without = a.clone();
            without.organisation.certifications.clear();
            a.organisation.certifications = vec!["ISO/IEC 27001:2022".into()];
            let (with, without) = (score(&a).roadmap, score(&without).roadmap);
            assert!(with.total_months <= without.total_months, "{id}");
            assert!(with.effort.person_days < without.effort.person_days, "{id}");
            assert_eq!(with.effort.weighted_levels, without.effort.weighted_levels);
        }
    }

    #[test]
    fn effort_and_months_never_fall_as_the_organisation_grows() {
        let a = case("techserve-month-1");
        let mut last = (0.0, 0);
        for employees in [1, 9, 30, 60, 120, 150, 400, 1_000, 2_400, 10_000, 100_000] {
            let mut b = a.clone();
            b.organisation.employees = Some(employees);
            let r = score(&b).roadmap;
            assert!(r.effort.person_days >= last.0, "{employees}");
            assert!(r.total_months >= last.1, "{employees}");
            last = (r.effort.person_days, r.total_months);
        }
        let mut more = a.clone();
        more.organisation.ai_systems_in_scope = Some(10);
        assert!(score(&more).roadmap.effort.person_days > score(&a).roadmap.effort.person_days);
    }

    #[test]
    fn a_long_estimate_is_capped_and_says_so() {
        let mut a = all_at(0);
        a.organisation.employees = Some(5_000);
        a.planning = Some(Planning {
            people: Some(1.0),
            share_of_time: Some(0.1),
            ..Planning::default()
        });
        let r = score(&a).roadmap;
        assert_eq!(r.implementation_months, IMPLEMENTATION_MONTHS_MAX);
        assert!(r
            .assumptions
            .iter()
            .any(|x| matches!(x, Assumption::OverCapacity { months } if *months > 18)));
    }
}
