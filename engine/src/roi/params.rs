//! The model's inputs as one parameter vector: which inputs there are, their paths in the
//! inputs JSON, their labels and units, and the accepted range of each unit.
//!
//! The vector holds the 23 fixed inputs in [`ParamId::ALL`] order, then the named other costs,
//! then the named other benefits. The Monte Carlo, the tornado and the model all index it.

use super::inputs::{Range, RoiInputs};

/// Largest accepted amount of money (a trillion in the inputs' currency).
pub const MAX_AMOUNT: f64 = 1e12;

/// The model's fixed inputs, in the order of the parameter vector. Named costs and benefits the
/// user adds follow them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamId {
    StandardPurchase,
    InternalPeople,
    InternalShareOfTime,
    InternalCostPerPersonMonth,
    Consulting,
    CertificationAudit,
    SurveillanceAudit,
    RecertificationAudit,
    Training,
    ToolingPerYear,
    MaintenancePerYear,
    ImplementationMonths,
    EffortReuseShare,
    MonthsSaved,
    ContractsPerYear,
    AverageContractValue,
    ContractMargin,
    ShareAttributable,
    IncidentProbability,
    IncidentImpact,
    IncidentReduction,
    HoursSaved,
    HourlyRate,
}

/// What kind of number an input is, which fixes its accepted range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Money,
    Share,
    People,
    PerYear,
    HoursPerYear,
    /// Implementation months: 1 to the horizon.
    Months,
    /// Months saved: 0 to 60.
    MonthsSaved,
}

impl Unit {
    /// Lowest and highest accepted value, and what the value is, for messages.
    pub fn accepted(self, horizon: f64) -> (f64, f64, &'static str) {
        match self {
            Unit::Money => (0.0, MAX_AMOUNT, "an amount"),
            Unit::Share => (0.0, 1.0, "a share"),
            Unit::People => (0.0, 1e6, "a number of people"),
            Unit::PerYear => (0.0, 1e6, "a number per year"),
            Unit::HoursPerYear => (0.0, 1e9, "hours a year"),
            Unit::Months => (1.0, horizon, "months"),
            Unit::MonthsSaved => (0.0, 60.0, "months"),
        }
    }

    /// The unit as shown next to a value.
    pub fn label(self, currency: &str) -> String {
        match self {
            Unit::Money => currency.to_string(),
            Unit::Share => "share (0-1)".into(),
            Unit::People => "people".into(),
            Unit::PerYear => "per year".into(),
            Unit::HoursPerYear => "hours a year".into(),
            Unit::Months | Unit::MonthsSaved => "months".into(),
        }
    }
}

impl ParamId {
    pub const ALL: [ParamId; 23] = [
        ParamId::StandardPurchase,
        ParamId::InternalPeople,
        ParamId::InternalShareOfTime,
        ParamId::InternalCostPerPersonMonth,
        ParamId::Consulting,
        ParamId::CertificationAudit,
        ParamId::SurveillanceAudit,
        ParamId::RecertificationAudit,
        ParamId::Training,
        ParamId::ToolingPerYear,
        ParamId::MaintenancePerYear,
        ParamId::ImplementationMonths,
        ParamId::EffortReuseShare,
        ParamId::MonthsSaved,
        ParamId::ContractsPerYear,
        ParamId::AverageContractValue,
        ParamId::ContractMargin,
        ParamId::ShareAttributable,
        ParamId::IncidentProbability,
        ParamId::IncidentImpact,
        ParamId::IncidentReduction,
        ParamId::HoursSaved,
        ParamId::HourlyRate,
    ];

    /// The input's path in the JSON format.
    pub fn path(self) -> &'static str {
        match self {
            ParamId::StandardPurchase => "costs.standard_purchase",
            ParamId::InternalPeople => "costs.internal_people",
            ParamId::InternalShareOfTime => "costs.internal_share_of_time",
            ParamId::InternalCostPerPersonMonth => "costs.internal_cost_per_person_month",
            ParamId::Consulting => "costs.consulting",
            ParamId::CertificationAudit => "costs.certification_audit",
            ParamId::SurveillanceAudit => "costs.surveillance_audit",
            ParamId::RecertificationAudit => "costs.recertification_audit",
            ParamId::Training => "costs.training",
            ParamId::ToolingPerYear => "costs.tooling_per_year",
            ParamId::MaintenancePerYear => "costs.maintenance_per_year",
            ParamId::ImplementationMonths => "schedule.implementation_months",
            ParamId::EffortReuseShare => "existing_certificate.effort_reuse_share",
            ParamId::MonthsSaved => "existing_certificate.months_saved",
            ParamId::ContractsPerYear => "benefits.contracts_per_year",
            ParamId::AverageContractValue => "benefits.average_contract_value",
            ParamId::ContractMargin => "benefits.contract_margin",
            ParamId::ShareAttributable => "benefits.share_attributable_to_certification",
            ParamId::IncidentProbability => "benefits.incident_probability_per_year",
            ParamId::IncidentImpact => "benefits.incident_impact",
            ParamId::IncidentReduction => "benefits.incident_reduction",
            ParamId::HoursSaved => "benefits.hours_saved_per_year",
            ParamId::HourlyRate => "benefits.hourly_rate",
        }
    }

    /// The input in a person's words.
    pub fn label(self) -> &'static str {
        match self {
            ParamId::StandardPurchase => "Purchase of ISO/IEC 42001",
            ParamId::InternalPeople => "People on the implementation",
            ParamId::InternalShareOfTime => "Share of their time",
            ParamId::InternalCostPerPersonMonth => "Loaded cost per person-month",
            ParamId::Consulting => "External consulting",
            ParamId::CertificationAudit => "Certification audit (Stage 1 + Stage 2)",
            ParamId::SurveillanceAudit => "Surveillance audit (each)",
            ParamId::RecertificationAudit => "Recertification audit",
            ParamId::Training => "Training",
            ParamId::ToolingPerYear => "Tooling per year",
            ParamId::MaintenancePerYear => "Upkeep of the management system per year",
            ParamId::ImplementationMonths => "Implementation months",
            ParamId::EffortReuseShare => "Effort saved by reusing the existing certificate",
            ParamId::MonthsSaved => "Months saved by the existing certificate",
            ParamId::ContractsPerYear => "Contracts won per year where certification is a factor",
            ParamId::AverageContractValue => "Average contract value",
            ParamId::ContractMargin => "Margin on contracts",
            ParamId::ShareAttributable => "Share of the win attributable to certification",
            ParamId::IncidentProbability => "Annual probability of an AI incident",
            ParamId::IncidentImpact => "Cost of an AI incident",
            ParamId::IncidentReduction => "Reduction of incident loss",
            ParamId::HoursSaved => "Hours saved per year",
            ParamId::HourlyRate => "Cost of an hour",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            ParamId::InternalPeople => Unit::People,
            ParamId::InternalShareOfTime
            | ParamId::EffortReuseShare
            | ParamId::ContractMargin
            | ParamId::ShareAttributable
            | ParamId::IncidentProbability
            | ParamId::IncidentReduction => Unit::Share,
            ParamId::ImplementationMonths => Unit::Months,
            ParamId::MonthsSaved => Unit::MonthsSaved,
            ParamId::ContractsPerYear => Unit::PerYear,
            ParamId::HoursSaved => Unit::HoursPerYear,
            _ => Unit::Money,
        }
    }

    pub fn range(self, i: &RoiInputs) -> &Range {
        let (c, b) = (&i.costs, &i.benefits);
        match self {
            ParamId::StandardPurchase => &c.standard_purchase,
            ParamId::InternalPeople => &c.internal_people,
            ParamId::InternalShareOfTime => &c.internal_share_of_time,
            ParamId::InternalCostPerPersonMonth => &c.internal_cost_per_person_month,
            ParamId::Consulting => &c.consulting,
            ParamId::CertificationAudit => &c.certification_audit,
            ParamId::SurveillanceAudit => &c.surveillance_audit,
            ParamId::RecertificationAudit => &c.recertification_audit,
            ParamId::Training => &c.training,
            ParamId::ToolingPerYear => &c.tooling_per_year,
            ParamId::MaintenancePerYear => &c.maintenance_per_year,
            ParamId::ImplementationMonths => &i.schedule.implementation_months,
            ParamId::EffortReuseShare => &i.existing_certificate.effort_reuse_share,
            ParamId::MonthsSaved => &i.existing_certificate.months_saved,
            ParamId::ContractsPerYear => &b.contracts_per_year,
            ParamId::AverageContractValue => &b.average_contract_value,
            ParamId::ContractMargin => &b.contract_margin,
            ParamId::ShareAttributable => &b.share_attributable_to_certification,
            ParamId::IncidentProbability => &b.incident_probability_per_year,
            ParamId::IncidentImpact => &b.incident_impact,
            ParamId::IncidentReduction => &b.incident_reduction,
            ParamId::HoursSaved => &b.hours_saved_per_year,
            ParamId::HourlyRate => &b.hourly_rate,
        }
    }
}

/// Number of fixed inputs at the start of the parameter vector.
pub const FIXED: usize = ParamId::ALL.len();

/// One entry of the parameter vector: the fixed inputs, then the named other costs, then the
/// named other benefits.
#[derive(Debug, Clone)]
pub struct Param {
    pub path: String,
    pub label: String,
    pub unit: Unit,
    pub range: Range,
    /// False for inputs the model does not read with these settings (the certificate credit
    /// when no certificate is held or the months come from a roadmap).
    pub in_use: bool,
}

/// The parameter vector's entries for some inputs.
pub fn params(inputs: &RoiInputs) -> Vec<Param> {
    let credit = inputs.certificate_credit_applies();
    let mut out: Vec<Param> = ParamId::ALL
        .iter()
        .map(|&id| Param {
            path: id.path().to_string(),
            label: id.label().to_string(),
            unit: id.unit(),
            range: id.range(inputs).clone(),
            in_use: credit || !matches!(id, ParamId::EffortReuseShare | ParamId::MonthsSaved),
        })
        .collect();
    for (section, list) in [
        ("costs", &inputs.costs.other_per_year),
        ("benefits", &inputs.benefits.other_per_year),
    ] {
        for (i, o) in list.iter().enumerate() {
            out.push(Param {
                path: format!("{section}.other_per_year[{i}].per_year"),
                label: o.name.clone(),
                unit: Unit::Money,
                range: o.per_year.clone(),
                in_use: true,
            });
        }
    }
    out
}
