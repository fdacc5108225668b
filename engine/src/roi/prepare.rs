//! The one entry for an ROI run, used by every shell: ROI inputs (JSON text, or the defaults),
//! optionally an assessment, a seed and a number of trials become the inputs the model runs on.
//!
//! The rule for an assessment, decided here only:
//! - its headcount, AI systems in scope and ISO/IEC 27001 / ISO 9001 certificate fill in what the
//!   ROI inputs do not give (values given in the inputs win);
//! - its roadmap gives the schedule and the capacity **only when at least one item is answered**
//!   ([`crate::scoring::Report::answered`] > 0). A roadmap built on no answers would assume that
//!   nothing exists and plan the longest programme; an ROI user who has answered nothing expects
//!   the published from-scratch estimate for an organisation of that size, which is what the
//!   defaults are. `docs/roi.md` says so in words.

use serde_json::{Map, Value};

use super::error::{InputError, RoiError};
use super::inputs::{MonthsBasis, RoiInputs};
use super::report::RoiReport;
use crate::assessment::Assessment;

/// What a shell asks for.
#[derive(Debug, Clone, Copy, Default)]
pub struct RoiRequest<'a> {
    /// ROI inputs as JSON text (missing fields take the defaults); `None`: the defaults.
    pub inputs: Option<&'a str>,
    /// A gap assessment whose organisation and, once answered, roadmap the ROI uses.
    pub assessment: Option<&'a Assessment>,
    /// Replaces `monte_carlo.seed` of the inputs.
    pub seed: Option<u64>,
    /// Replaces `monte_carlo.trials` of the inputs.
    pub trials: Option<u32>,
}

/// The inputs the model runs on, as read; not yet checked (see [`RoiRun::problems`]), so that an
/// editor can show the defaults next to a value out of range.
#[derive(Debug, Clone, PartialEq)]
pub struct RoiRun {
    pub inputs: RoiInputs,
}

impl RoiRun {
    /// Whether the schedule and the capacity come from the assessment's roadmap.
    pub fn from_roadmap(&self) -> bool {
        self.inputs.schedule.months_basis == MonthsBasis::Roadmap
    }

    /// Every value not accepted, each naming its input; empty when the model can run.
    pub fn problems(&self) -> Vec<InputError> {
        self.inputs.validate().err().unwrap_or_default()
    }

    /// Runs the model (see [`super::run`]).
    pub fn run(&self) -> Result<RoiReport, RoiError> {
        super::run(&self.inputs)
    }
}

/// Reads the request into the inputs the model runs on. An error names the input's path.
pub fn prepare(request: &RoiRequest<'_>) -> Result<RoiRun, InputError> {
    let mut inputs = match request.assessment {
        None => match request.inputs {
            Some(text) => RoiInputs::from_json(text)?,
            None => RoiInputs::default(),
        },
        Some(assessment) => {
            let mut value: Value = match request.inputs {
                Some(text) => {
                    if text.len() > RoiInputs::MAX_JSON_BYTES {
                        return Err(InputError::whole(RoiInputs::too_large(text.len())));
                    }
                    serde_json::from_str(text).map_err(|e| {
                        InputError::whole(format!("the ROI inputs are not valid JSON: {e}"))
                    })?
                }
                None => Value::Object(Map::new()),
            };
            with_organisation(&mut value, assessment);
            let inputs = RoiInputs::try_from(value)?;
            let report = crate::readiness::score(assessment);
            if report.answered > 0 {
                inputs.with_assessment_roadmap(&report.roadmap)
            } else {
                inputs
            }
        }
    };
    if let Some(seed) = request.seed {
        inputs.monte_carlo.seed = seed;
    }
    if let Some(trials) = request.trials {
        inputs.monte_carlo.trials = trials;
    }
    Ok(RoiRun { inputs })
}

/// The assessment's headcount, AI systems in scope and certificate where the inputs do not give
/// them.
fn with_organisation(value: &mut Value, assessment: &Assessment) {
    let Value::Object(top) = value else { return };
    let org = &assessment.organisation;
    for (key, n) in [
        ("employees", org.employees),
        ("ai_systems_in_scope", assessment.systems_in_scope()),
    ] {
        if let Some(n) = n.filter(|n| *n > 0) {
            let section = top
                .entry("organisation")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(section) = section {
                section.entry(key).or_insert(Value::from(n));
            }
        }
    }
    if let Some(cert) = org.harmonized_certificate() {
        let name = cert.roi_standard();
        let section = top
            .entry("existing_certificate")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(section) = section {
            section.entry("standard").or_insert(Value::from(name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roi::inputs::{ExistingStandard, MonthsBasis, Range};
    use crate::scoring::PhaseId;

    fn inputs_with_assessment(
        json: Option<&str>,
        assessment: &Assessment,
    ) -> Result<RoiInputs, InputError> {
        prepare(&RoiRequest {
            inputs: json,
            assessment: Some(assessment),
            ..RoiRequest::default()
        })
        .map(|run| run.inputs)
    }

    const ASSESSMENT: &str = r#"{
        "format": "aims-assessment", "version": 1, "framework": "iso42001",
        "organisation": {"name": "TechServe", "employees": 40, "certifications": ["ISO/IEC 27001:2022"]},
        "planning": {"people": 3, "share_of_time": 0.5},
        "answers": {"4.1": {"maturity": 2}}
    }"#;

    fn assessment() -> Assessment {
        Assessment::read(ASSESSMENT).unwrap().0
    }

    #[test]
    fn the_roadmap_sets_schedule_capacity_size_and_certificate() {
        let a = assessment();
        let roadmap = crate::readiness::score(&a).roadmap;
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
        all.push(assessment());
        for a in all {
            let roadmap = crate::readiness::score(&a).roadmap;
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
            crate::readiness::score(&b).roadmap
        };
        assert!(crate::readiness::score(&a).roadmap.effort.person_days > one.effort.person_days);
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
            .message
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

    #[test]
    fn an_assessment_with_nothing_answered_gives_its_size_but_not_its_roadmap() {
        let mut a = Assessment::new(crate::assessment::Framework::Iso42001);
        a.organisation.employees = Some(40);
        a.organisation.ai_systems_in_scope = Some(5);
        let run = prepare(&RoiRequest {
            assessment: Some(&a),
            ..RoiRequest::default()
        })
        .unwrap();
        assert!(!run.from_roadmap());
        assert_eq!(
            run.inputs,
            RoiInputs::for_organisation(crate::roi::Organisation {
                employees: 40,
                ai_systems_in_scope: 5
            })
        );
        // One answer is enough for the roadmap.
        a.answers = crate::assessment::Answers::Iso42001(
            [(
                crate::catalog::IsoId::parse("4.1").unwrap(),
                crate::assessment::Answer::rated(1),
            )]
            .into_iter()
            .collect(),
        );
        let run = prepare(&RoiRequest {
            assessment: Some(&a),
            ..RoiRequest::default()
        })
        .unwrap();
        assert!(run.from_roadmap());
    }

    #[test]
    fn seed_and_trials_replace_those_of_the_inputs_and_problems_name_the_input() {
        let run = prepare(&RoiRequest {
            inputs: Some(r#"{"monte_carlo": {"seed": 1, "trials": 10}, "costs": {"consulting": {"low": -1}}}"#),
            seed: Some(9),
            trials: Some(0),
            ..RoiRequest::default()
        })
        .unwrap();
        assert_eq!(run.inputs.monte_carlo.seed, 9);
        let paths: Vec<String> = run.problems().into_iter().map(|e| e.input).collect();
        assert_eq!(paths, ["monte_carlo.trials", "costs.consulting.low"]);
        assert!(matches!(run.run(), Err(RoiError::Invalid(list)) if list.len() == 2));
        let e = prepare(&RoiRequest {
            inputs: Some(r#"{"costs": {"consultnig": {}}}"#),
            ..RoiRequest::default()
        })
        .unwrap_err();
        assert_eq!(e.input, "costs.consultnig");
    }
}
