//! Checking inputs before any computation, with messages that name the input, the value and the
//! accepted range.
//!
//! What passes here cannot make the model produce a NaN or an infinity: every amount is finite
//! and at most 10¹², every share within 0-1, every range in order, and the smallest possible total
//! cost is above 0 (so ROI, which divides by it, is always defined).

use super::error::InputError;
use super::inputs::{MonthsBasis, Range, RoiInputs, MAX_HORIZON_MONTHS, MAX_IMPLEMENTATION_MONTHS};
use super::params::{ParamId, Unit};

/// Largest accepted number of trials: 200,000, so that a run stays well under a second. The
/// Monte Carlo's cost grows with trials × horizon months; the worst case accepted (200,000
/// trials over 60 months) takes about 50 ms natively on the reference machine (1,000,000 took
/// 0.24 s) and, at the measured Wasm/native ratio of at most 2, about 0.1 s in the browser:
/// room for a phone ten times slower (docs/roi.md, "Limits").
pub const MAX_TRIALS: u32 = 200_000;
/// Largest accepted seed: 2^53 − 1, the largest integer JavaScript holds exactly.
pub const MAX_SEED: u64 = (1 << 53) - 1;

fn err(input: impl Into<String>, message: String) -> InputError {
    InputError {
        input: input.into(),
        message,
    }
}

fn show(x: f64) -> String {
    if x.is_nan() {
        "NaN".to_string()
    } else {
        format!("{x}")
    }
}

/// `value` must be finite and within `lo..=hi`.
fn check_number(
    errors: &mut Vec<InputError>,
    input: &str,
    value: f64,
    lo: f64,
    hi: f64,
    what: &str,
) {
    if !value.is_finite() || value < lo || value > hi {
        let problem = if value.is_finite() {
            "is outside the accepted range"
        } else {
            "is not a finite number"
        };
        errors.push(err(
            input,
            format!(
                "{} {problem}; expected {what} from {} to {}",
                show(value),
                show(lo),
                show(hi)
            ),
        ));
    }
}

fn check_integer(
    errors: &mut Vec<InputError>,
    input: &str,
    value: u64,
    lo: u64,
    hi: u64,
    what: &str,
) {
    if value < lo || value > hi {
        errors.push(err(
            input,
            format!("{value} is outside the accepted range; expected {what} from {lo} to {hi}"),
        ));
    }
}

fn check_range(errors: &mut Vec<InputError>, path: &str, r: &Range, unit: Unit, horizon: f64) {
    let (lo, hi, what) = unit.accepted(horizon);
    let before = errors.len();
    for (name, v) in [("low", r.low), ("likely", r.likely), ("high", r.high)] {
        check_number(errors, &format!("{path}.{name}"), v, lo, hi, what);
    }
    if errors.len() == before && !(r.low <= r.likely && r.likely <= r.high) {
        errors.push(err(
            path,
            format!(
                "low {}, likely {}, high {} are out of order; expected low ≤ likely ≤ high",
                show(r.low),
                show(r.likely),
                show(r.high)
            ),
        ));
    }
}

impl RoiInputs {
    /// Every value that is out of range or out of order, or `Ok` when the model can run.
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let mut errors = Vec::new();
        // Implementation months are accepted up to the horizon given, or up to
        // MAX_IMPLEMENTATION_MONTHS when the horizon follows the certification month.
        let horizon = match self.horizon_months {
            Some(h) => {
                check_integer(
                    &mut errors,
                    "horizon_months",
                    u64::from(h),
                    12,
                    u64::from(MAX_HORIZON_MONTHS),
                    "whole months",
                );
                f64::from(h.clamp(12, MAX_HORIZON_MONTHS))
            }
            None => f64::from(MAX_IMPLEMENTATION_MONTHS),
        };
        check_number(
            &mut errors,
            "discount_rate_percent",
            self.discount_rate_percent,
            0.0,
            100.0,
            "a percentage",
        );
        check_integer(
            &mut errors,
            "organisation.employees",
            u64::from(self.organisation.employees),
            1,
            10_000_000,
            "a headcount",
        );
        check_integer(
            &mut errors,
            "organisation.ai_systems_in_scope",
            u64::from(self.organisation.ai_systems_in_scope),
            1,
            100_000,
            "a count",
        );
        check_integer(
            &mut errors,
            "schedule.audit_lag_months",
            u64::from(self.schedule.audit_lag_months),
            0,
            24,
            "whole months",
        );
        check_integer(
            &mut errors,
            "monte_carlo.trials",
            u64::from(self.monte_carlo.trials),
            1,
            u64::from(MAX_TRIALS),
            "trials",
        );
        check_integer(
            &mut errors,
            "monte_carlo.seed",
            self.monte_carlo.seed,
            0,
            MAX_SEED,
            "a seed",
        );
        check_integer(
            &mut errors,
            "monte_carlo.histogram_bins",
            u64::from(self.monte_carlo.histogram_bins),
            1,
            1000,
            "bins",
        );
        for id in ParamId::ALL {
            check_range(&mut errors, id.path(), id.range(self), id.unit(), horizon);
        }
        for (section, list) in [
            ("costs", &self.costs.other_per_year),
            ("benefits", &self.benefits.other_per_year),
        ] {
            if list.len() > 50 {
                errors.push(err(
                    format!("{section}.other_per_year"),
                    format!("{} items; expected at most 50", list.len()),
                ));
            }
            for (i, item) in list.iter().enumerate() {
                check_range(
                    &mut errors,
                    &format!("{section}.other_per_year[{i}].per_year"),
                    &item.per_year,
                    Unit::Money,
                    horizon,
                );
            }
        }
        if errors.is_empty() {
            self.check_cost_floor(&mut errors, f64::from(self.horizon()));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The smallest total cost any trial can have must be above 0, or ROI is undefined.
    fn check_cost_floor(&self, errors: &mut Vec<InputError>, horizon: f64) {
        let c = &self.costs;
        let credit = self.certificate_credit_applies();
        let kept = if credit {
            1.0 - self.existing_certificate.effort_reuse_share.high
        } else {
            1.0
        };
        let months = self.schedule.implementation_months.low.max(1.0);
        let internal = c.internal_people.low
            * c.internal_share_of_time.low
            * c.internal_cost_per_person_month.low
            * months;
        let per_year =
            c.tooling_per_year.low + c.other_per_year.iter().map(|o| o.per_year.low).sum::<f64>();
        let floor = c.standard_purchase.low
            + (internal + c.consulting.low) * kept
            + c.training.low
            + per_year * horizon / 12.0;
        if floor <= 0.0 || floor.is_nan() {
            errors.push(err(
                "costs",
                "every cost can be 0 at its low end, so ROI (net ÷ cost) is undefined; expected a low above 0 for at least one cost that always falls within the horizon (standard_purchase, the internal effort, consulting, training, tooling_per_year or other_per_year)".to_string(),
            ));
        }
    }

    /// Whether an existing certificate shortens and lightens the implementation: only when one is
    /// held and the months are a from-scratch estimate (a roadmap already counts what exists).
    pub fn certificate_credit_applies(&self) -> bool {
        self.existing_certificate.standard != super::inputs::ExistingStandard::None
            && self.schedule.months_basis == MonthsBasis::FromScratch
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roi::RoiError;

    /// Reads `json` over the defaults and expects validation to fail with `expected` in the
    /// message (or to pass when `expected` is empty).
    fn check(json: &str, expected: &str) {
        let inputs = RoiInputs::from_json(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        let result = inputs
            .validate()
            .map_err(|e| RoiError::Invalid(e).to_string());
        match result {
            Ok(()) => assert!(
                expected.is_empty(),
                "{json}: accepted, expected error {expected:?}"
            ),
            Err(msg) => assert!(
                !expected.is_empty() && msg.contains(expected),
                "{json}: {msg}\nexpected: {expected}"
            ),
        }
    }

    #[test]
    fn input_errors_name_the_input_and_the_accepted_range() {
        let cases = [
            ("{}", ""),
            (r#"{"costs": {"consulting": {"low": -5}}}"#, "costs.consulting.low: -5 is outside the accepted range; expected an amount from 0 to 1000000000000"),
            (r#"{"costs": {"consulting": {"low": 50000, "likely": 40000}}}"#, "costs.consulting: low 50000, likely 40000, high 200000 are out of order; expected low ≤ likely ≤ high"),
            (r#"{"costs": {"training": {"high": 4000}}}"#, "costs.training: low 2000, likely 5000, high 4000 are out of order"),
            (r#"{"discount_rate_percent": 101}"#, "discount_rate_percent: 101 is outside the accepted range; expected a percentage from 0 to 100"),
            (r#"{"discount_rate_percent": -1}"#, "discount_rate_percent: -1 is outside"),
            (r#"{"discount_rate_percent": 0}"#, ""),
            (r#"{"discount_rate_percent": 100}"#, ""),
            (r#"{"monte_carlo": {"trials": 0}}"#, "monte_carlo.trials: 0 is outside the accepted range; expected trials from 1 to 200000"),
            (r#"{"monte_carlo": {"trials": 200001}}"#, "monte_carlo.trials: 200001 is outside"),
            (r#"{"monte_carlo": {"trials": 200000}}"#, ""),
            (r#"{"monte_carlo": {"seed": 9007199254740992}}"#, "monte_carlo.seed: 9007199254740992 is outside the accepted range; expected a seed from 0 to 9007199254740991"),
            (r#"{"monte_carlo": {"histogram_bins": 0}}"#, "monte_carlo.histogram_bins: 0 is outside"),
            (r#"{"horizon_months": 121}"#, "horizon_months: 121 is outside the accepted range; expected whole months from 12 to 120"),
            (r#"{"horizon_months": 12}"#, "schedule.implementation_months.high: 18 is outside the accepted range; expected months from 1 to 12"),
            (r#"{"benefits": {"contract_margin": {"high": 1.2}}}"#, "benefits.contract_margin.high: 1.2 is outside the accepted range; expected a share from 0 to 1"),
            (r#"{"benefits": {"hourly_rate": {"low": 1e13, "likely": 1e13, "high": 1e13}}}"#, "benefits.hourly_rate.low: 10000000000000 is outside"),
            (r#"{"existing_certificate": {"months_saved": {"high": 61}}}"#, "existing_certificate.months_saved.high: 61 is outside the accepted range; expected months from 0 to 60"),
            (r#"{"organisation": {"employees": 0}}"#, "organisation.employees: 0 is outside the accepted range; expected a headcount from 1"),
            (r#"{"schedule": {"audit_lag_months": 25}}"#, "schedule.audit_lag_months: 25 is outside"),
            (r#"{"schedule": {"implementation_months": {"low": 0.5}}}"#, "schedule.implementation_months.low: 0.5 is outside the accepted range; expected months from 1 to 60"),
            (r#"{"benefits": {"other_per_year": [{"name": "x", "per_year": {"low": 3, "likely": 2, "high": 1}}]}}"#, "benefits.other_per_year[0].per_year: low 3, likely 2, high 1 are out of order"),
            (
                r#"{"costs": {"standard_purchase": {"low": 0}, "internal_people": {"low": 0}, "consulting": {"low": 0}, "training": {"low": 0}, "tooling_per_year": {"low": 0}}}"#,
                "costs: every cost can be 0 at its low end, so ROI (net ÷ cost) is undefined",
            ),
            (r#"{"costs": {"internal_people": {"low": 0}, "training": {"low": 0}}}"#, ""),
        ];
        for (json, expected) in cases {
            check(json, expected);
        }
    }

    #[test]
    fn non_finite_values_are_named() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut i = RoiInputs::default();
            i.benefits.incident_impact.likely = bad;
            i.discount_rate_percent = bad;
            let msg = RoiError::Invalid(i.validate().unwrap_err()).to_string();
            assert!(
                msg.contains("benefits.incident_impact.likely: ")
                    && msg.contains("is not a finite number; expected an amount from 0 to"),
                "{msg}"
            );
            assert!(
                msg.contains("discount_rate_percent: ")
                    && msg.contains("is not a finite number; expected a percentage from 0 to 100"),
                "{msg}"
            );
        }
    }

    #[test]
    fn all_errors_are_listed_not_just_the_first() {
        let i = RoiInputs::from_json(r#"{"horizon_months": 170, "costs": {"consulting": {"low": -1}}, "monte_carlo": {"trials": 0}}"#).unwrap();
        assert_eq!(i.validate().unwrap_err().len(), 3);
    }
}
