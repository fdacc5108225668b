//! The default inputs, each with its source, and the rule that scales them to an organisation's
//! size.
//!
//! **Reference organisation.** The published ranges (`cost-figures.csv`: Schellman, Varcoe,
//! Regulome, BSI estimate; the source article) describe mid-market companies; Varcoe says so
//! outright ("mid-market AI-shipping company"). We take them to describe 150 employees with 3 AI
//! systems in scope ([`REFERENCE_ORGANISATION`]) — a product assumption. Where a source gives
//! only a range, *likely* is its middle unless stated.
//!
//! **Scaling rule** (applied to the defaults only; whatever the user enters is kept as entered):
//! - *Audit factor* for Stage 1 + 2, surveillance and recertification: the audit days of the
//!   ISO/IEC 27006 table for the headcount (the ISO 27001 analogue in `cost-figures.csv`:
//!   1-10: 5 days, 11-15: 6, 16-25: 7, 26-45: 8.5, 46-65: 10, 66-85: 11, 86-125: 12,
//!   126-175: 13; above 175 we extrapolate +2 days per doubling of headcount, our assumption),
//!   divided by the reference's 13 days, times the *AI-system factor*
//!   `1 + 0.05 × (systems − 3)` clamped to 0.9-1.5 (our assumption: each further system in scope
//!   adds audit sampling).
//! - *Effort factor* for internal people, consulting, training, tooling, upkeep and hours saved:
//!   `√(employees / 150)` clamped to 0.4-4, times `1 + 0.10 × (systems − 3)` clamped to 0.8-2
//!   (our assumption: governance work grows more slowly than headcount, and each AI system needs
//!   its own impact and risk assessment).
//! - *Implementation months* by size band: up to 50 employees 4 / 6 / 12 (Cycore: small
//!   businesses 3-4 months, 4-12 overall; Solmonarc: 4-12 months of work); 51-1,000: 6 / 9 / 18
//!   (source article: typically 6-18 months; TechServe audited in month 9; Varcoe 9-12);
//!   above 1,000: 9 / 12 / 18 (Regulome: 12-18 months from scratch).
//! - Not scaled: the standard's price, loaded cost rates, fractions, contract figures and
//!   incident figures — they depend on the market and the product, not the headcount.

use super::inputs::{
    Benefits, Costs, ExistingCertificate, ExistingStandard, MonteCarloSettings, MonthsBasis,
    Organisation, Range, RoiInputs, Schedule,
};
use super::portable_math;

/// The organisation the published figures are taken to describe.
pub const REFERENCE_ORGANISATION: Organisation = Organisation {
    employees: 150,
    ai_systems_in_scope: 3,
};

/// A surveillance audit's share of the initial (Stage 1 + Stage 2) audit, and a recertification
/// audit's: IAF MD 5 (audit time), about one third and two thirds.
pub const SURVEILLANCE_SHARE: f64 = 1.0 / 3.0;
pub const RECERTIFICATION_SHARE: f64 = 2.0 / 3.0;

/// Audit days of the ISO/IEC 27006 table row that holds the reference organisation (126-175).
const REFERENCE_AUDIT_DAYS: f64 = 13.0;

/// Default Monte Carlo settings: 10,000 trials from seed 42.
pub const DEFAULT_MONTE_CARLO: MonteCarloSettings = MonteCarloSettings {
    trials: 10_000,
    seed: 42,
    histogram_bins: 20,
};

/// Audit days for a headcount: the ISO/IEC 27006 table as given in `cost-figures.csv`, then +2
/// days per doubling above 175 (our extrapolation).
pub fn audit_days(employees: u32) -> f64 {
    const TABLE: [(u32, f64); 8] = [
        (10, 5.0),
        (15, 6.0),
        (25, 7.0),
        (45, 8.5),
        (65, 10.0),
        (85, 11.0),
        (125, 12.0),
        (175, 13.0),
    ];
    for (up_to, days) in TABLE {
        if employees <= up_to {
            return days;
        }
    }
    13.0 + 2.0 * portable_math::ln(f64::from(employees) / 175.0) / std::f64::consts::LN_2
}

/// Multiplier of the audit fees for an organisation (1 for the reference organisation).
pub fn audit_factor(org: Organisation) -> f64 {
    let systems = (1.0 + 0.05 * (f64::from(org.ai_systems_in_scope) - 3.0)).clamp(0.9, 1.5);
    audit_days(org.employees) / REFERENCE_AUDIT_DAYS * systems
}

/// Multiplier of the effort-driven defaults (1 for the reference organisation): the size factor
/// of the one effort model the roadmap uses ([`crate::effort::scale`]).
pub fn effort_factor(org: Organisation) -> f64 {
    crate::effort::scale(org.employees, org.ai_systems_in_scope)
}

/// Implementation months for a size band, with the sources of the band.
fn implementation_months(employees: u32) -> Range {
    if employees <= 50 {
        Range::new(
            4.0,
            6.0,
            12.0,
            "up to 50 employees: Cycore, small businesses 3-4 months and 4-12 months overall; Solmonarc, 4-12 months of work",
        )
    } else if employees <= 1000 {
        Range::new(
            6.0,
            9.0,
            18.0,
            "51-1,000 employees: source article, implementation typically 6-18 months and TechServe's audit in month 9; Varcoe, 9-12 months",
        )
    } else {
        Range::new(
            9.0,
            12.0,
            18.0,
            "over 1,000 employees: Regulome, 12-18 months from scratch",
        )
    }
}

/// The defaults for an organisation's size.
pub fn for_organisation(org: Organisation) -> RoiInputs {
    let audit = audit_factor(org);
    let effort = effort_factor(org);
    let audit_note = format!(
        "scaled ×{audit:.2} for {} employees and {} AI systems (audit days, docs/roi.md)",
        org.employees, org.ai_systems_in_scope
    );
    let effort_note = format!(
        "scaled ×{effort:.2} for {} employees and {} AI systems (effort factor, docs/roi.md)",
        org.employees, org.ai_systems_in_scope
    );
    let by_audit = |r: Range| r.scaled(audit, 100.0, &audit_note);
    let by_effort = |r: Range, step: f64| r.scaled(effort, step, &effort_note);

    let initial_audit = Range::new(
        20000.0,
        37500.0,
        60000.0,
        "Stage 1 + Stage 2: Schellman $20,000-49,999 (low); Varcoe $25,000-60,000 (high); BSI estimate $35,000-55,000; source article $10,000-50,000+",
    );
    let costs = Costs {
        standard_purchase: Range::new(150.0, 175.0, 200.0, "source article: the standard costs approximately $150-200"),
        internal_people: by_effort(
            Range::new(2.0, 3.0, 5.0, "our assumption: a programme owner and contributors; with the share of time about 1 FTE, Varcoe's internal programme owner (1.0 FTE standalone)"),
            0.1,
        ),
        internal_share_of_time: Range::new(0.2, 0.33, 0.5, "our assumption: part-time contributors (about 1 FTE in all with 3 people)"),
        internal_cost_per_person_month: Range::new(7000.0, 10000.0, 15000.0, "our assumption: loaded cost of $84,000-180,000 a year"),
        consulting: by_effort(
            Range::new(0.0, 40000.0, 200000.0, "Varcoe: readiness assessment + programme build by a consultant $80,000-200,000 (high); likely a gap assessment and support only, as TechServe's consultant in the source article (our assumption); low: none"),
            100.0,
        ),
        certification_audit: by_audit(initial_audit.clone()),
        surveillance_audit: by_audit(initial_audit.scaled(
            SURVEILLANCE_SHARE,
            100.0,
            "× 1/3: IAF MD 5, a surveillance audit takes about one third of the initial audit time (published fees: BSI estimate $12,000-20,000, Schellman $13,000-20,000+, Varcoe $15,000-30,000 a year, which include fixed costs per visit)",
        )),
        recertification_audit: by_audit(initial_audit.scaled(
            RECERTIFICATION_SHARE,
            100.0,
            "× 2/3: IAF MD 5, a recertification audit takes about two thirds of the initial audit time (Varcoe: $25,000-50,000 per cycle)",
        )),
        training: by_effort(Range::new(2000.0, 5000.0, 15000.0, "our assumption: AI governance and awareness training for the staff in scope"), 100.0),
        tooling_per_year: by_effort(Range::new(0.0, 5000.0, 20000.0, "our assumption: GRC or documentation tooling; none if existing tools serve"), 100.0),
        maintenance_per_year: by_effort(
            Range::new(10000.0, 17500.0, 30000.0, "Regulome: surveillance + maintenance $25,000-50,000 a year, less the surveillance audit itself (Schellman $13,000-20,000)"),
            100.0,
        ),
        other_per_year: Vec::new(),
    };

    let benefits = Benefits {
        contracts_per_year: Range::new(0.0, 2.0, 4.0, "source article: TechServe won two contracts citing certification as a factor; taken as 2 a year, range 0-4 (our assumption)"),
        average_contract_value: Range::new(50000.0, 150000.0, 500000.0, "our assumption: revenue of a B2B AI software contract in the year it is won"),
        contract_margin: Range::new(0.2, 0.4, 0.6, "our assumption"),
        share_attributable_to_certification: Range::new(0.1, 0.3, 0.6, "our assumption: certification is a factor in the win, not the only one (source article: 'citing certification as factor')"),
        incident_probability_per_year: Range::new(0.02, 0.05, 0.15, "our assumption"),
        incident_impact: Range::new(50000.0, 250000.0, 1000000.0, "our assumption"),
        incident_reduction: Range::new(0.1, 0.3, 0.5, "our assumption; source article: systematic management reduces the likelihood of AI incidents"),
        hours_saved_per_year: by_effort(Range::new(50.0, 200.0, 600.0, "our assumption; source article: management systems create efficiency through standardised processes"), 10.0),
        hourly_rate: Range::new(50.0, 80.0, 120.0, "our assumption: loaded hourly cost"),
        other_per_year: Vec::new(),
    };

    RoiInputs {
        currency: "USD".to_string(),
        organisation: org,
        horizon_months: None,
        discount_rate_percent: 8.0,
        schedule: Schedule {
            implementation_months: implementation_months(org.employees),
            audit_lag_months: 1,
            months_basis: MonthsBasis::FromScratch,
        },
        existing_certificate: ExistingCertificate {
            standard: ExistingStandard::None,
            effort_reuse_share: Range::new(
                0.40,
                0.45,
                0.50,
                "ISO-Xpert: gap analysis often shows 40-50% of ISO 27001 infrastructure reusable",
            ),
            months_saved: Range::new(3.0, 4.5, 6.0, "Regulome: ISO 27001 holders cut 3-6 months"),
        },
        costs,
        benefits,
        monte_carlo: DEFAULT_MONTE_CARLO,
    }
}

impl Default for RoiInputs {
    fn default() -> RoiInputs {
        for_organisation(REFERENCE_ORGANISATION)
    }
}

impl RoiInputs {
    /// The defaults scaled to an organisation's size (the rule is in this module).
    pub fn for_organisation(organisation: Organisation) -> RoiInputs {
        for_organisation(organisation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(employees: u32, ai_systems_in_scope: u32) -> Organisation {
        Organisation {
            employees,
            ai_systems_in_scope,
        }
    }

    #[test]
    fn the_reference_organisation_is_not_scaled() {
        assert_eq!(audit_factor(REFERENCE_ORGANISATION), 1.0);
        assert_eq!(effort_factor(REFERENCE_ORGANISATION), 1.0);
        let d = for_organisation(REFERENCE_ORGANISATION);
        assert_eq!(d.costs.certification_audit.likely, 37500.0);
        assert!(!d.costs.certification_audit.source.contains("scaled"));
    }

    #[test]
    fn audit_days_follow_the_table_and_grow_beyond_it() {
        for (n, days) in [
            (1, 5.0),
            (10, 5.0),
            (11, 6.0),
            (45, 8.5),
            (46, 10.0),
            (150, 13.0),
            (175, 13.0),
            (350, 15.0),
            (700, 17.0),
        ] {
            assert!(
                (audit_days(n) - days).abs() < 1e-12,
                "{n}: {}",
                audit_days(n)
            );
        }
        let mut last = 0.0;
        for n in (1..100_000).step_by(37) {
            assert!(audit_days(n) >= last);
            last = audit_days(n);
        }
    }

    #[test]
    fn scaling_keeps_order_and_grows_with_size() {
        let small = for_organisation(org(10, 1));
        let big = for_organisation(org(5000, 20));
        let reference = for_organisation(REFERENCE_ORGANISATION);
        for inputs in [&small, &big, &reference] {
            assert!(inputs.validate().is_ok(), "{:?}", inputs.validate());
        }
        assert!(
            small.costs.certification_audit.likely < reference.costs.certification_audit.likely
        );
        assert!(big.costs.certification_audit.likely > reference.costs.certification_audit.likely);
        assert!(small.costs.internal_people.likely < big.costs.internal_people.likely);
        assert_eq!(small.schedule.implementation_months.likely, 6.0);
        assert_eq!(big.schedule.implementation_months.likely, 12.0);
        assert!(small
            .costs
            .certification_audit
            .source
            .contains("scaled ×0.35 for 10 employees"));
    }

    #[test]
    fn every_default_names_a_source() {
        let d = RoiInputs::default();
        let json = serde_json::to_value(&d).unwrap();
        let mut count = 0;
        fn walk(v: &serde_json::Value, count: &mut usize) {
            match v {
                serde_json::Value::Object(m) => {
                    if m.contains_key("likely") {
                        let s = m["source"].as_str().unwrap();
                        assert!(s.len() > 10, "{s}");
                        *count += 1;
                    }
                    m.values().for_each(|x| walk(x, count));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, count)),
                _ => {}
            }
        }
        walk(&json, &mut count);
        assert_eq!(count, 23);
    }
}
