//! The return on investment of ISO/IEC 42001 certification: a monthly cost and benefit model
//! over the certificate cycle, with every input a sourced low / likely / high range, a Monte
//! Carlo over those ranges and a tornado of the inputs that matter most.
//!
//! - [`prepare`]: the one entry for the shells ([`RoiRequest`] → [`RoiRun`]): inputs, an
//!   optional assessment (its roadmap used only once something is answered), seed and trials.
//! - [`inputs`]: what the model takes ([`RoiInputs`]); `read`: its JSON form; [`defaults`]: the
//!   sourced defaults and the company-size scaling rule; [`RoiInputs::validate`] checks them.
//!   Modules depend one way only: `inputs` ← `defaults` ← `read`, and `params` ← `validate`.
//! - [`params`]: the inputs as one parameter vector (paths, labels, units, accepted ranges).
//! - [`model`]: when each cost and benefit falls and the present value of a set of values.
//! - [`monte_carlo`], [`sensitivity`]: the distribution of NPV and ROI, and the tornado.
//! - [`report`]: what [`run`] returns, and [`RoiReport::to_text`] for people;
//!   [`from_assessment`]: the schedule and capacity a gap assessment's roadmap gives.
//! - [`pcg`], [`pert`], [`portable_math`]: the seeded generator, PERT sampling and `ln`/`exp`
//!   that round the same on every target (`libm`).
//!
//! Guarantees: [`run`] never panics and never returns NaN or infinity; invalid inputs give
//! [`RoiError::Invalid`] naming each input and its accepted range. The same inputs and seed
//! give bit-identical reports natively and in Wasm: randomness is [`pcg::Pcg32`] seeded by the
//! caller (no getrandom), and everything on the path from inputs to report uses only IEEE-754
//! basic operations (`+ - * /`, `sqrt`, `floor`) — `ln`/`exp` come from [`portable_math`]
//! (`libm`, plain Rust), never from the platform's maths library. Every report carries [`ESTIMATE_LABEL`].

pub mod defaults;
mod error;
pub mod from_assessment;
pub mod inputs;
pub mod model;
pub mod monte_carlo;
pub mod params;
pub mod pcg;
pub mod pert;
pub mod portable_math;
mod prepare;
mod read;
pub mod report;
pub mod sensitivity;
mod text;
mod validate;

pub use error::{InputError, RoiError};
pub use inputs::{
    Benefits, Costs, ExistingCertificate, ExistingStandard, MonteCarloSettings, MonthsBasis,
    NamedAmount, Organisation, Range, RoadmapMonths, RoiInputs, Schedule,
};
pub use monte_carlo::{HistogramBin, MonteCarlo, Percentiles};
pub use prepare::{prepare, RoiRequest, RoiRun};
pub use report::{Assumption, LineItem, MonthlyCashFlow, RoiReport};
pub use sensitivity::TornadoBar;
pub use validate::{MAX_SEED, MAX_TRIALS};

/// The label every ROI output carries.
pub const ESTIMATE_LABEL: &str =
    "Estimate from stated assumptions, not a quote, forecast or guarantee";

/// The bits of a report's figures that go through `ln`/`exp` and the Monte Carlo: the NPV's
/// P10, P50 and P90, and an FNV-1a hash of every tornado bar's low, high, low NPV and high NPV.
/// An in-browser test computes them in Wasm and compares with [`GOLDEN_BITS`], bit for bit.
pub fn determinism_bits(r: &RoiReport) -> [u64; 4] {
    let npv = &r.monte_carlo.npv;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for bar in &r.tornado {
        for x in [bar.low, bar.high, bar.low_npv, bar.high_npv] {
            for byte in x.to_bits().to_le_bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    [
        npv.p10.to_bits(),
        npv.p50.to_bits(),
        npv.p90.to_bits(),
        hash,
    ]
}

/// [`determinism_bits`] for the default inputs with seed 42 and 10,000 trials, as computed
/// natively; a unit test here keeps the constant true. It changes whenever the defaults or the
/// model change.
pub const GOLDEN_BITS: [u64; 4] = [
    0xc10c_cca6_dacf_83ac,
    0xc100_478d_236c_d976,
    0x40c8_d3fa_105e_67e3,
    0xc129_3e6b_db1a_78bb,
];

/// Computes the report for some inputs: validation, the likely case, the Monte Carlo (trials and
/// seed from `inputs.monte_carlo`) and the tornado.
pub fn run(inputs: &RoiInputs) -> Result<RoiReport, RoiError> {
    inputs.validate().map_err(RoiError::Invalid)?;
    let params = params::params(inputs);
    let model = model::Model::new(inputs);
    let monte_carlo = monte_carlo::simulate(&model, &params, inputs.monte_carlo);
    let tornado = sensitivity::tornado(&model, &params);
    Ok(report::build(inputs, &model, &params, monte_carlo, tornado))
}

/// Reads inputs from JSON (missing fields take the defaults) and runs them.
pub fn run_json(text: &str) -> Result<RoiReport, RoiError> {
    let inputs = RoiInputs::from_json(text).map_err(RoiError::Read)?;
    run(&inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_trials(trials: u32, seed: u64) -> RoiInputs {
        let mut i = RoiInputs::default();
        i.monte_carlo.trials = trials;
        i.monte_carlo.seed = seed;
        i
    }

    #[test]
    fn golden_value_for_the_wasm_determinism_test() {
        let r = run(&with_trials(10_000, 42)).unwrap();
        assert!(r.tornado.len() > 5, "the tornado is part of the check");
        let bits = determinism_bits(&r);
        assert_eq!(
            bits,
            super::GOLDEN_BITS,
            "P10/P50/P90 NPV = {}/{}/{} (bits {bits:#x?})",
            r.monte_carlo.npv.p10,
            r.monte_carlo.npv.p50,
            r.monte_carlo.npv.p90
        );
    }

    #[test]
    fn the_default_organisation_stays_within_the_published_ranges() {
        let r = run(&with_trials(200, 42)).unwrap();
        // Varcoe: 3-year total $155,000-370,000 (cost-figures.csv); years 1-3 of the likely case.
        let three_years: f64 = r.cost_per_year.iter().take(3).sum();
        assert!(
            (155_000.0..=370_000.0).contains(&three_years),
            "{three_years}"
        );
        // Varcoe: readiness assessment + programme build $80,000-200,000; Regulome: first year
        // from scratch, internal staff included, $80,000-200,000.
        let build: f64 = r
            .line_items
            .iter()
            .filter(|l| {
                [
                    "Purchase of ISO/IEC 42001",
                    "Internal implementation effort",
                    "External consulting",
                    "Training",
                ]
                .contains(&l.item.as_str())
            })
            .map(|l| l.total)
            .sum();
        assert!((80_000.0..=200_000.0).contains(&build), "{build}");
        // The horizon is the whole certificate cycle: recertification is counted, at two thirds
        // of the initial audit and surveillance at one third (IAF MD 5).
        assert_eq!(r.horizon_months, r.certification_month.unwrap() + 36);
        let item = |name: &str| r.line_items.iter().find(|l| l.item == name).unwrap().total;
        let initial = item("Certification audit (Stage 1 + Stage 2)");
        assert_eq!(item("Recertification audit"), initial * 2.0 / 3.0);
        assert_eq!(item("Surveillance audits"), 2.0 * initial / 3.0);
    }

    #[test]
    fn same_seed_same_report_other_seed_other_draws() {
        let a = run(&with_trials(2_000, 7)).unwrap();
        let b = run(&with_trials(2_000, 7)).unwrap();
        assert_eq!(a, b);
        let c = run(&with_trials(2_000, 8)).unwrap();
        assert_ne!(a.monte_carlo.npv, c.monte_carlo.npv);
        assert_eq!(a.npv, c.npv, "the likely case does not depend on the seed");
    }

    #[test]
    fn percentiles_are_ordered_and_labelled() {
        let r = run(&with_trials(5_000, 1)).unwrap();
        let mc = &r.monte_carlo;
        assert!(mc.npv.p10 <= mc.npv.p50 && mc.npv.p50 <= mc.npv.p90);
        assert!(
            mc.roi_percent.p10 <= mc.roi_percent.p50 && mc.roi_percent.p50 <= mc.roi_percent.p90
        );
        assert!(mc.npv.p10 < mc.npv.p90, "the defaults are uncertain");
        assert!((0.0..=1.0).contains(&mc.probability_positive));
        assert_eq!(mc.histogram.iter().map(|b| b.count).sum::<u32>(), 5_000);
        assert_eq!(r.label, ESTIMATE_LABEL);
        assert_eq!(mc.label, ESTIMATE_LABEL);
        assert!(r.notes[0].starts_with(ESTIMATE_LABEL));
        assert_eq!(
            r.assumptions.len(),
            21,
            "23 inputs less the two certificate credits"
        );
        assert!(r.assumptions.iter().all(|a| !a.source.is_empty()));
    }

    #[test]
    fn monte_carlo_mean_converges_on_the_analytic_mean_for_a_linear_case() {
        // With every product term but one input fixed, NPV is linear in the uncertain inputs, so
        // its mean is the NPV at the PERT means of the inputs.
        let mut i = with_trials(100_000, 11);
        let f = |v: f64| Range::fixed(v, "t");
        i.schedule.implementation_months = f(9.0);
        i.costs.internal_people = f(3.0);
        i.costs.internal_share_of_time = f(0.33);
        i.benefits.contract_margin = f(0.4);
        i.benefits.share_attributable_to_certification = f(0.3);
        i.benefits.average_contract_value = f(150_000.0);
        i.benefits.incident_probability_per_year = f(0.05);
        i.benefits.incident_reduction = f(0.3);
        i.benefits.hourly_rate = f(80.0);
        let r = run(&i).unwrap();
        let mut at_means = i.clone();
        let to_mean =
            |r: &mut Range| *r = Range::fixed(pert::pert_mean(r.low, r.likely, r.high), "mean");
        let c = &mut at_means.costs;
        for r in [
            &mut c.standard_purchase,
            &mut c.internal_cost_per_person_month,
            &mut c.consulting,
            &mut c.certification_audit,
            &mut c.surveillance_audit,
            &mut c.recertification_audit,
            &mut c.training,
            &mut c.tooling_per_year,
            &mut c.maintenance_per_year,
        ] {
            to_mean(r);
        }
        let b = &mut at_means.benefits;
        for r in [
            &mut b.contracts_per_year,
            &mut b.incident_impact,
            &mut b.hours_saved_per_year,
        ] {
            to_mean(r);
        }
        let analytic = run(&at_means).unwrap().npv;
        let mc = r.monte_carlo.npv.mean;
        let spread = r.monte_carlo.npv.p90 - r.monte_carlo.npv.p10;
        assert!(
            (mc - analytic).abs() < 0.01 * spread,
            "MC mean {mc} vs analytic {analytic} (P10-P90 width {spread})"
        );
    }

    #[test]
    fn fixed_inputs_give_the_likely_case_in_every_trial() {
        let mut i = with_trials(50, 3);
        for id in params::ParamId::ALL {
            let r = id.range(&i).clone();
            let fixed = Range::fixed(r.likely, r.source);
            match id {
                params::ParamId::EffortReuseShare | params::ParamId::MonthsSaved => {}
                _ => *param_mut(&mut i, id) = fixed,
            }
        }
        let r = run(&i).unwrap();
        assert!(r.monte_carlo.uncertain_inputs.is_empty());
        assert!(r.tornado.is_empty());
        assert!((r.monte_carlo.npv.p10 - r.npv).abs() < 1e-6 * r.total_cost);
        assert_eq!(r.monte_carlo.npv.p10, r.monte_carlo.npv.p90);
        assert_eq!(r.monte_carlo.histogram.len(), 1);
    }

    fn param_mut(i: &mut RoiInputs, id: params::ParamId) -> &mut Range {
        use params::ParamId as P;
        let (c, b) = (&mut i.costs, &mut i.benefits);
        match id {
            P::StandardPurchase => &mut c.standard_purchase,
            P::InternalPeople => &mut c.internal_people,
            P::InternalShareOfTime => &mut c.internal_share_of_time,
            P::InternalCostPerPersonMonth => &mut c.internal_cost_per_person_month,
            P::Consulting => &mut c.consulting,
            P::CertificationAudit => &mut c.certification_audit,
            P::SurveillanceAudit => &mut c.surveillance_audit,
            P::RecertificationAudit => &mut c.recertification_audit,
            P::Training => &mut c.training,
            P::ToolingPerYear => &mut c.tooling_per_year,
            P::MaintenancePerYear => &mut c.maintenance_per_year,
            P::ImplementationMonths => &mut i.schedule.implementation_months,
            P::EffortReuseShare => &mut i.existing_certificate.effort_reuse_share,
            P::MonthsSaved => &mut i.existing_certificate.months_saved,
            P::ContractsPerYear => &mut b.contracts_per_year,
            P::AverageContractValue => &mut b.average_contract_value,
            P::ContractMargin => &mut b.contract_margin,
            P::ShareAttributable => &mut b.share_attributable_to_certification,
            P::IncidentProbability => &mut b.incident_probability_per_year,
            P::IncidentImpact => &mut b.incident_impact,
            P::IncidentReduction => &mut b.incident_reduction,
            P::HoursSaved => &mut b.hours_saved_per_year,
            P::HourlyRate => &mut b.hourly_rate,
        }
    }

    #[test]
    fn invalid_inputs_are_an_error_not_a_panic() {
        let err =
            run_json(r#"{"monte_carlo": {"trials": 0}, "costs": {"consulting": {"low": -1}}}"#)
                .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("monte_carlo.trials: 0 is outside")
                && msg.contains("costs.consulting.low: -1 is outside"),
            "{msg}"
        );
        assert!(
            matches!(run_json("{\"x\": 1}"), Err(RoiError::Read(e)) if e.message.contains("unknown field `x`"))
        );
    }

    /// Property tests (native only: proptest's generator needs the system's entropy).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A range within `lo..=hi` from three numbers in 0..1.
        fn range_in(lo: f64, hi: f64) -> impl Strategy<Value = Range> {
            (0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64).prop_map(move |(a, b, c)| {
                let mut v = [a, b, c];
                v.sort_by(f64::total_cmp);
                let at = |t: f64| lo + (hi - lo) * t;
                Range::new(at(v[0]), at(v[1]), at(v[2]), "proptest")
            })
        }

        fn all_finite(r: &RoiReport) -> bool {
            let json = serde_json::to_string(r).unwrap();
            // serde_json writes non-finite floats as null; the only nulls allowed are the two options.
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            fn walk(v: &serde_json::Value, path: &str) -> bool {
                match v {
                    serde_json::Value::Null => {
                        path == "payback_months" || path == "certification_month"
                    }
                    serde_json::Value::Array(a) => a.iter().all(|x| walk(x, path)),
                    serde_json::Value::Object(m) => m.iter().all(|(k, x)| walk(x, k)),
                    _ => true,
                }
            }
            walk(&v, "")
                && [
                    r.npv,
                    r.roi_percent,
                    r.total_cost,
                    r.monte_carlo.npv.mean,
                    r.monte_carlo.roi_percent.mean,
                ]
                .iter()
                .all(|x| x.is_finite())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

            #[test]
            fn no_output_is_ever_nan_or_infinite(
                money in range_in(0.0, 1e12),
                share in range_in(0.0, 1.0),
                months in range_in(1.0, 36.0),
                rate in 0.0..=100.0f64,
                horizon in 12u32..=60,
                lag in 0u32..=24,
                employees in 1u32..=10_000_000,
                systems in 1u32..=100_000,
                held in 0usize..3,
                seed in 0u64..=MAX_SEED,
            ) {
                let mut i = RoiInputs::for_organisation(Organisation { employees, ai_systems_in_scope: systems });
                i.monte_carlo.trials = 300;
                i.monte_carlo.seed = seed;
                // 12 stands for "not given": the certificate cycle.
                i.horizon_months = (horizon > 12).then_some(horizon);
                i.discount_rate_percent = rate;
                i.schedule.audit_lag_months = lag;
                i.schedule.implementation_months = Range::new(months.low.min(f64::from(horizon)), months.likely.min(f64::from(horizon)), months.high.min(f64::from(horizon)), "p");
                i.existing_certificate.standard = [ExistingStandard::None, ExistingStandard::Iso27001, ExistingStandard::Iso9001][held];
                i.existing_certificate.effort_reuse_share = share.clone();
                i.costs.certification_audit = money.clone();
                i.costs.consulting = money.clone();
                i.benefits.average_contract_value = money.clone();
                i.benefits.incident_impact = money;
                i.benefits.contract_margin = share.clone();
                i.benefits.incident_reduction = share;
                match run(&i) {
                    Ok(r) => prop_assert!(all_finite(&r)),
                    // The only rejection these inputs can meet: every cost 0 at its low end.
                    Err(e) => prop_assert!(e.to_string().starts_with("costs: every cost can be 0"), "{}", e),
                }
            }
        }
    }
}
