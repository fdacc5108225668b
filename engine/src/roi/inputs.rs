//! What the ROI model is told: every cost and benefit as a low / likely / high [`Range`] with its
//! source, the schedule, the organisation's size, the discount rate and the Monte Carlo
//! settings. How they are read from JSON is in `roi::read`; their defaults in
//! [`super::defaults`]. This module uses neither: the types come first.
//!
//! **Reading.** [`RoiInputs`] deserializes from a JSON object in which every field may be left
//! out: a missing field takes its default for the organisation's size (see
//! [`super::defaults`]), `null` counts as missing, and a field this format does not
//! know is an error that names it with its path (`costs.consultnig: unknown field ...`). Inside a
//! range, any of `low`, `likely`, `high` and `source` may be given alone; the others come from
//! the default, and a range whose numbers were changed without a `source` is attributed to the
//! user ("entered by the user"), never to the default's publication. Values are checked by
//! [`RoiInputs::validate`], not while reading, so an editor can hold an unfinished file.
//!
//! **Writing.** Serializing gives every field, so a written file reads back to the same inputs.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A certificate's cycle: surveillance in years 2 and 3, recertification at the end of year 3.
pub const CERTIFICATE_CYCLE_MONTHS: u32 = 36;
/// The longest horizon accepted.
pub const MAX_HORIZON_MONTHS: u32 = 120;
/// The longest implementation accepted when the horizon follows the certification month.
pub const MAX_IMPLEMENTATION_MONTHS: u32 = 60;

/// The source given to a range the user entered without naming one.
pub const USER_SOURCE: &str = "entered by the user";

/// A low / likely / high estimate and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub low: f64,
    pub likely: f64,
    pub high: f64,
    #[serde(default = "user_source")]
    pub source: String,
}

fn user_source() -> String {
    USER_SOURCE.to_string()
}

impl Range {
    pub fn new(low: f64, likely: f64, high: f64, source: impl Into<String>) -> Range {
        Range {
            low,
            likely,
            high,
            source: source.into(),
        }
    }

    /// A value known exactly: low = likely = high.
    pub fn fixed(value: f64, source: impl Into<String>) -> Range {
        Range::new(value, value, value, source)
    }

    /// The same range with every number multiplied by `factor` (> 0) and rounded to `step`.
    pub fn scaled(&self, factor: f64, step: f64, note: &str) -> Range {
        let r = |x: f64| round_to(x * factor, step);
        let source = if factor == 1.0 {
            self.source.clone()
        } else {
            format!("{}; {note}", self.source)
        };
        Range::new(r(self.low), r(self.likely), r(self.high), source)
    }
}

/// `x` rounded to a multiple of `step` (half away from zero for the non-negative values used here).
pub fn round_to(x: f64, step: f64) -> f64 {
    (x / step + 0.5).floor() * step
}

/// The size of the organisation, which scales the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// People in the organisation (its headcount in the AIMS scope).
    pub employees: u32,
    /// AI systems in the scope of the AI management system.
    pub ai_systems_in_scope: u32,
}

/// Where the implementation months come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MonthsBasis {
    /// An estimate for starting from scratch: an existing ISO 27001 / 9001 certificate shortens it.
    FromScratch,
    /// A gap assessment's roadmap, which already sees what exists: no certificate credit on top.
    Roadmap,
}

/// When things happen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Months of implementation (gap assessment, build, internal audit) before the audit.
    pub implementation_months: Range,
    /// Months from the end of implementation to the Stage 1 + Stage 2 audit (the certification
    /// month is implementation months + this).
    pub audit_lag_months: u32,
    pub months_basis: MonthsBasis,
}

/// An existing management-system certificate whose infrastructure is reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExistingStandard {
    None,
    Iso27001,
    Iso9001,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExistingCertificate {
    pub standard: ExistingStandard,
    /// Share of the implementation effort (internal and consulting) that reuse saves, 0-1.
    pub effort_reuse_share: Range,
    /// Months the implementation is shortened by.
    pub months_saved: Range,
}

/// A cost or benefit the user names, per year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedAmount {
    pub name: String,
    pub per_year: Range,
}

/// Costs, in the inputs' currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Costs {
    /// Buying ISO/IEC 42001 (month 1).
    pub standard_purchase: Range,
    /// People working on the implementation.
    pub internal_people: Range,
    /// Share of their time, 0-1.
    pub internal_share_of_time: Range,
    /// Loaded cost of one person for one month.
    pub internal_cost_per_person_month: Range,
    /// External consulting, in total, spread over the implementation months.
    pub consulting: Range,
    /// Stage 1 + Stage 2 certification audit, in the certification month.
    pub certification_audit: Range,
    /// One surveillance audit (12 and 24 months after certification).
    pub surveillance_audit: Range,
    /// One recertification audit (36 months after certification).
    pub recertification_audit: Range,
    /// Training, in total, spread over the implementation months.
    pub training: Range,
    /// Tools (GRC, documentation), per year, from month 1.
    pub tooling_per_year: Range,
    /// Internal upkeep of the management system per year once certified (internal audits,
    /// management reviews, updates).
    pub maintenance_per_year: Range,
    /// Further costs per year, from month 1.
    pub other_per_year: Vec<NamedAmount>,
}

/// Benefits per year once certified, in the inputs' currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benefits {
    /// Contracts won per year where certification is a factor.
    pub contracts_per_year: Range,
    /// Revenue of one such contract in the year it is won.
    pub average_contract_value: Range,
    /// Margin on that revenue, 0-1.
    pub contract_margin: Range,
    /// Share of the win attributable to certification, 0-1.
    pub share_attributable_to_certification: Range,
    /// Annual probability of a significant AI incident, 0-1.
    pub incident_probability_per_year: Range,
    /// Cost of one such incident.
    pub incident_impact: Range,
    /// Share by which the management system reduces the expected loss, 0-1.
    pub incident_reduction: Range,
    /// Hours a year saved by standardised processes.
    pub hours_saved_per_year: Range,
    /// Loaded cost of one of those hours.
    pub hourly_rate: Range,
    /// Further benefits per year the user names, from the month after certification.
    pub other_per_year: Vec<NamedAmount>,
}

/// How many trials, from which seed, and how fine the NPV histogram is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonteCarloSettings {
    /// 1 to 200,000 ([`super::MAX_TRIALS`]).
    pub trials: u32,
    /// 0 to 2^53 − 1 (so that JavaScript keeps it exact).
    pub seed: u64,
    /// Bins of the NPV histogram, 1 to 1,000.
    pub histogram_bins: u32,
}

/// Everything the ROI model takes. `Default` is the reference organisation (150 employees,
/// 3 AI systems in scope); [`RoiInputs::for_organisation`] scales the defaults to another size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Value")]
pub struct RoiInputs {
    /// A label for the amounts (no conversion happens), e.g. "USD".
    pub currency: String,
    pub organisation: Organisation,
    /// Months counted from the start of the project, 12 to [`MAX_HORIZON_MONTHS`]; `None` (the
    /// default): the likely case's certification month + [`CERTIFICATE_CYCLE_MONTHS`], the whole
    /// certificate cycle (see [`RoiInputs::horizon`]).
    pub horizon_months: Option<u32>,
    /// Annual discount rate in percent, 0 to 100, applied monthly.
    pub discount_rate_percent: f64,
    pub schedule: Schedule,
    pub existing_certificate: ExistingCertificate,
    pub costs: Costs,
    pub benefits: Benefits,
    pub monte_carlo: MonteCarloSettings,
}

/// Months of implementation and the certification month, as a roadmap gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct RoadmapMonths {
    pub implementation_months: Range,
    /// The month of the Stage 1 + Stage 2 audit in the roadmap's likely case.
    pub certification_month: u32,
}

impl RoiInputs {
    /// Takes the implementation months and the certification month from a gap assessment's
    /// roadmap: the months become the roadmap's, the audit lag is set so that the likely case
    /// certifies in `certification_month`, and no certificate credit shortens them again.
    pub fn with_roadmap(mut self, roadmap: RoadmapMonths) -> RoiInputs {
        let likely_end = round_to(roadmap.implementation_months.likely.max(0.0), 1.0);
        let likely_end = if likely_end.is_finite() && likely_end < f64::from(u32::MAX) {
            likely_end as u32
        } else {
            0
        };
        self.schedule.audit_lag_months = roadmap.certification_month.saturating_sub(likely_end);
        self.schedule.implementation_months = roadmap.implementation_months;
        self.schedule.months_basis = MonthsBasis::Roadmap;
        self
    }

    /// The implementation length of the likely case in whole months (half up, less the months an
    /// existing certificate saves when its credit applies), 1 to [`MAX_IMPLEMENTATION_MONTHS`].
    pub fn likely_implementation_length(&self) -> u32 {
        let saved = if self.certificate_credit_applies() {
            self.existing_certificate.months_saved.likely
        } else {
            0.0
        };
        let months = self.schedule.implementation_months.likely - saved + 0.5;
        if !months.is_finite() || months < 1.0 {
            1
        } else {
            (months.min(f64::from(MAX_IMPLEMENTATION_MONTHS)) as u32).max(1)
        }
    }

    /// The certification month of the likely case.
    pub fn likely_certification_month(&self) -> u32 {
        self.likely_implementation_length() + self.schedule.audit_lag_months.min(24)
    }

    /// The horizon the model uses: `horizon_months` when given (within 1 to
    /// [`MAX_HORIZON_MONTHS`]), else the likely certification month + 36 months, so that the
    /// whole first certificate cycle (two surveillance audits and the recertification) counts.
    pub fn horizon(&self) -> u32 {
        match self.horizon_months {
            Some(h) => h.clamp(1, MAX_HORIZON_MONTHS),
            None => (self.likely_certification_month() + CERTIFICATE_CYCLE_MONTHS)
                .clamp(12, MAX_HORIZON_MONTHS),
        }
    }

    /// Pretty JSON with every field: a starting file for `--input`.
    pub fn to_json_pretty(&self) -> String {
        // Serializing these plain structs cannot fail; fall back to compact output regardless.
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_horizon_covers_the_certificate_cycle_unless_given() {
        let d = RoiInputs::default();
        assert_eq!(d.horizon_months, None);
        // 9 months of implementation + 1 month to the audit: certification in month 10.
        assert_eq!(d.likely_certification_month(), 10);
        assert_eq!(d.horizon(), 46);
        let given = RoiInputs::from_json(r#"{"horizon_months": 24}"#).unwrap();
        assert_eq!(given.horizon(), 24);
        assert_eq!(
            RoiInputs::from_json(r#"{"horizon_months": null}"#).unwrap(),
            d
        );
        let json = d.to_json_pretty();
        assert!(json.contains("\"horizon_months\": null"), "{json}");
    }

    #[test]
    fn a_roadmap_sets_the_months_and_the_certification_month() {
        let i = RoiInputs::default().with_roadmap(RoadmapMonths {
            implementation_months: Range::new(7.0, 10.0, 14.0, "gap assessment roadmap"),
            certification_month: 12,
        });
        assert_eq!(i.schedule.implementation_months.likely, 10.0);
        assert_eq!(i.schedule.audit_lag_months, 2);
        assert_eq!(i.schedule.months_basis, MonthsBasis::Roadmap);
    }
}
