//! ROI inputs from a gap assessment: the scoring report's roadmap gives the months, its capacity
//! gives the people and their share of time, and the assessment's organisation gives the
//! headcount and any ISO/IEC 27001 / ISO 9001 certificate. So a bigger gap costs more.
//!
//! How the roadmap maps onto the ROI schedule (see [`crate::scoring::roadmap`]):
//! - the ROI's implementation months are everything before the Stage 1 audit (gap assessment,
//!   implementation, internal audit): likely = the roadmap's plan, low = the same (the roadmap
//!   has no slack to lose), high = the plan plus half the implementation phase, at least one
//!   month (our assumption: plans overrun more often than they underrun);
//! - the certification month is the roadmap's certification decision, so the audit fees fall
//!   then, benefits start the month after, and surveillance follows a year later as in the
//!   roadmap;
//! - no certificate credit is applied on top: the roadmap already counts the reuse.
//!
//! The roadmap's months come from the one effort model ([`crate::effort`]), which scales with the
//! assessment's headcount and AI systems in scope. Values the user set in the ROI inputs for the
//! headcount, the AI systems and the certificate are kept for the ROI's cost defaults; the
//! schedule and the capacity always come from the roadmap, so the ROI's certification month is
//! the roadmap's.

use serde_json::Value;

use super::inputs::{Range, RoadmapMonths, RoiInputs};
use crate::assessment::Assessment;
use crate::scoring::{self, PhaseId, Roadmap};

/// The schedule a roadmap implies, as ROI inputs take it.
pub fn roadmap_months(roadmap: &Roadmap) -> RoadmapMonths {
    let phase = |id: PhaseId| roadmap.phases.iter().find(|p| p.id == id);
    // Months before the Stage 1 audit; a roadmap always has a Stage 1 phase, but fall back to
    // the decision month less the three audit-and-decision months rather than fail.
    let before_audit = match phase(PhaseId::Stage1Audit) {
        Some(p) => p.start_month.saturating_sub(1),
        None => roadmap.total_months.saturating_sub(3),
    }
    .max(1);
    let overrun = roadmap.implementation_months.div_ceil(2).max(1);
    let source = format!(
        "the assessment's roadmap: {before_audit} months before the Stage 1 audit ({} of implementation); high adds half the implementation phase (our assumption)",
        roadmap.implementation_months
    );
    RoadmapMonths {
        implementation_months: Range::new(
            f64::from(before_audit),
            f64::from(before_audit),
            f64::from(before_audit + overrun),
            source,
        ),
        certification_month: roadmap.total_months.max(before_audit),
    }
}

/// Reads ROI inputs (`json`, or the defaults when `None`) and applies an assessment: its
/// headcount and certificate where the inputs do not give them, then the roadmap's schedule and
/// capacity.
pub fn inputs_with_assessment(
    json: Option<&str>,
    assessment: &Assessment,
) -> Result<RoiInputs, String> {
    let mut value: Value = match json {
        Some(text) => serde_json::from_str(text)
            .map_err(|e| format!("the ROI inputs are not valid JSON: {e}"))?,
        None => Value::Object(serde_json::Map::new()),
    };
    if let Value::Object(top) = &mut value {
        for (key, value) in [
            ("employees", assessment.organisation.employees),
            ("ai_systems_in_scope", assessment.systems_in_scope()),
        ] {
            if let Some(n) = value.filter(|n| *n > 0) {
                let org = top
                    .entry("organisation")
                    .or_insert_with(|| Value::Object(serde_json::Map::new()));
                if let Value::Object(org) = org {
                    org.entry(key).or_insert(Value::from(n));
                }
            }
        }
        if let Some(cert) = assessment.organisation.harmonized_certificate() {
            let name = cert.roi_standard();
            let section = top
                .entry("existing_certificate")
                .or_insert_with(|| Value::Object(serde_json::Map::new()));
            if let Value::Object(section) = section {
                section.entry("standard").or_insert(Value::from(name));
            }
        }
    }
    let inputs = RoiInputs::try_from(value)?;
    let report = scoring::score(assessment);
    Ok(inputs.with_assessment_roadmap(&report.roadmap))
}

impl RoiInputs {
    /// Takes the schedule and the capacity from a scoring report's roadmap.
    pub fn with_assessment_roadmap(self, roadmap: &Roadmap) -> RoiInputs {
        let mut inputs = self.with_roadmap(roadmap_months(roadmap));
        let origin = if roadmap.capacity.from_planning {
            "the assessment's planning"
        } else {
            "the roadmap's default capacity (the assessment has no planning)"
        };
        inputs.costs.internal_people = Range::fixed(roadmap.capacity.people, origin);
        inputs.costs.internal_share_of_time = Range::fixed(roadmap.capacity.share_of_time, origin);
        inputs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roi::inputs::{ExistingStandard, MonthsBasis};

    const ASSESSMENT: &str = r#"{
        "format": "aims-assessment", "version": 1, "framework": "iso42001",
        "organisation": {"name": "TechServe", "employees": 40, "certifications": ["ISO/IEC 27001:2022"]},
        "planning": {"people": 3, "share_of_time": 0.5},
        "answers": {}
    }"#;

    fn assessment() -> Assessment {
        Assessment::read(ASSESSMENT).unwrap().0
    }

    #[test]
    fn the_roadmap_sets_schedule_capacity_size_and_certificate() {
        let a = assessment();
        let roadmap = scoring::score(&a).roadmap;
        let inputs = inputs_with_assessment(None, &a).unwrap();
        assert_eq!(inputs.organisation.employees, 40);
        assert_eq!(
            inputs.existing_certificate.standard,
            ExistingStandard::Iso27001
        );
        assert_eq!(inputs.schedule.months_basis, MonthsBasis::Roadmap);
        assert!(!inputs.certificate_credit_applies());
        assert_eq!(
            inputs.costs.internal_people,
            Range::fixed(3.0, "the assessment's planning")
        );
        assert_eq!(inputs.costs.internal_share_of_time.likely, 0.5);
        let stage1 = roadmap
            .phases
            .iter()
            .find(|p| p.id == PhaseId::Stage1Audit)
            .unwrap();
        assert_eq!(
            inputs.schedule.implementation_months.likely,
            f64::from(stage1.start_month - 1)
        );
        assert_eq!(
            inputs.schedule.implementation_months.likely as u32 + inputs.schedule.audit_lag_months,
            roadmap.total_months
        );
        let report = crate::roi::run(&inputs).unwrap();
        assert_eq!(report.certification_month, Some(roadmap.total_months));
    }

    #[test]
    fn the_certification_month_is_always_the_roadmaps() {
        let mut all: Vec<Assessment> = crate::training::cases().iter().map(|c| c.model()).collect();
        for maturity in [0, 1, 2, 3, 5] {
            let mut a = Assessment::new(crate::assessment::Framework::Iso42001);
            a.answers = crate::assessment::Answers::Iso42001(
                crate::catalog::IsoId::assessable()
                    .map(|id| (id, crate::assessment::Answer::rated(maturity)))
                    .collect(),
            );
            all.push(a);
        }
        all.push(Assessment::new(crate::assessment::Framework::Iso42001));
        all.push(assessment());
        for a in all {
            let roadmap = scoring::score(&a).roadmap;
            for json in [
                None,
                Some(r#"{"organisation": {"ai_systems_in_scope": 12}}"#),
            ] {
                let report = crate::roi::run(&inputs_with_assessment(json, &a).unwrap()).unwrap();
                assert_eq!(
                    report.certification_month,
                    Some(roadmap.total_months),
                    "{:?}",
                    a.organisation.name
                );
                assert_eq!(report.horizon_months, roadmap.total_months + 36);
            }
        }
    }

    #[test]
    fn the_assessments_ai_systems_size_both_the_roadmap_and_the_roi() {
        let mut a = assessment();
        a.organisation.ai_systems_in_scope = Some(8);
        let inputs = inputs_with_assessment(None, &a).unwrap();
        assert_eq!(inputs.organisation.ai_systems_in_scope, 8);
        let one = {
            let mut b = a.clone();
            b.organisation.ai_systems_in_scope = Some(1);
            scoring::score(&b).roadmap
        };
        assert!(scoring::score(&a).roadmap.effort.person_days > one.effort.person_days);
    }

    #[test]
    fn values_in_the_inputs_win_over_the_assessment_but_not_the_schedule() {
        let a = assessment();
        let json = r#"{"organisation": {"employees": 900}, "existing_certificate": {"standard": "none"}, "schedule": {"implementation_months": {"low": 2, "likely": 3, "high": 4}}}"#;
        let inputs = inputs_with_assessment(Some(json), &a).unwrap();
        assert_eq!(inputs.organisation.employees, 900);
        assert_eq!(inputs.existing_certificate.standard, ExistingStandard::None);
        assert_ne!(inputs.schedule.implementation_months.likely, 3.0);
        assert!(inputs_with_assessment(Some("{"), &a)
            .unwrap_err()
            .contains("not valid JSON"));
    }

    #[test]
    fn a_bigger_gap_costs_more() {
        let rated = |maturity: u8| {
            let mut a = Assessment::new(crate::assessment::Framework::Iso42001);
            a.organisation.employees = Some(150);
            a.answers = crate::assessment::Answers::Iso42001(
                crate::catalog::IsoId::assessable()
                    .map(|id| (id, crate::assessment::Answer::rated(maturity)))
                    .collect(),
            );
            let inputs = inputs_with_assessment(None, &a).unwrap();
            (
                inputs.schedule.implementation_months.likely,
                crate::roi::run(&inputs).unwrap().total_cost,
            )
        };
        let (months_far, cost_far) = rated(1);
        let (months_near, cost_near) = rated(3);
        assert!(
            months_far > months_near,
            "{months_far} vs {months_near} months"
        );
        assert!(cost_far > cost_near, "{cost_far} vs {cost_near}");
    }
}
