//! The cash-flow model: when each cost and benefit falls, and the present value of a set of
//! input values (laid out as [`super::params`] says).
//!
//! **Timing** (months counted from the start of the project, cash at the end of each month):
//! - the standard is bought in month 1;
//! - implementation runs months 1..=d, where d is the implementation months (less the months an
//!   existing certificate saves) rounded to a whole month; internal effort, consulting and
//!   training are spread evenly over those months;
//! - the Stage 1 + Stage 2 audit falls in the certification month c = d + audit lag;
//! - surveillance audits fall in months c + 12 and c + 24, recertification in c + 36, and the
//!   cycle repeats (c + 48, c + 60 ...); an event after the horizon is not counted;
//! - benefits and the internal upkeep accrue monthly (a twelfth of the annual figure) from month
//!   c + 1 to the horizon; tooling and other costs per year accrue from month 1.
//!
//! **Present value.** Month t is discounted by v^t with v = (1 + rate)^(−1/12), the annual rate
//! applied monthly. Because every cost and benefit is a product of inputs placed at times that
//! depend only on d, the present value of any trial is a handful of products with coefficients
//! precomputed per d ([`Model::evaluate`]): that is what makes 100,000 Monte Carlo trials cheap.
//! [`Model::cash_flows`] places the same amounts month by month for the likely case; the tests
//! check that both agree.

use super::inputs::RoiInputs;
use super::params::{Param, ParamId, FIXED};
use super::portable_math;

/// Present values (`_pv`) and undiscounted multipliers (`_n`) of one currency unit for a given
/// implementation length d.
#[derive(Debug, Clone, Copy, Default)]
struct Terms {
    /// A total spread evenly over months 1..=d.
    spread_pv: f64,
    /// An amount in the certification month (0 when it falls after the horizon).
    cert_pv: f64,
    cert_n: f64,
    /// One amount per surveillance audit within the horizon.
    surveillance_pv: f64,
    surveillance_n: f64,
    /// One amount per recertification within the horizon.
    recert_pv: f64,
    recert_n: f64,
    /// An amount per year accruing monthly after the certification month.
    after_pv: f64,
    after_n: f64,
}

/// The sums a set of input values gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub cost_pv: f64,
    pub benefit_pv: f64,
    pub cost_total: f64,
    pub benefit_total: f64,
}

impl Outcome {
    pub fn npv(&self) -> f64 {
        self.benefit_pv - self.cost_pv
    }

    /// ROI in percent over the horizon, undiscounted. Validated inputs keep the cost above 0;
    /// the guard keeps the result a number regardless.
    pub fn roi_percent(&self) -> f64 {
        if self.cost_total > 0.0 {
            (self.benefit_total - self.cost_total) / self.cost_total * 100.0
        } else {
            0.0
        }
    }
}

/// Everything about the model that does not depend on the drawn values.
pub struct Model {
    horizon: usize,
    lag: usize,
    credit: bool,
    other_costs: usize,
    /// `discount[t]` = v^t for t = 0..=horizon.
    discount: Vec<f64>,
    /// Indexed by d = 0..=horizon (0 is never used: d is at least 1).
    terms: Vec<Terms>,
    per_year_pv: f64,
    per_year_n: f64,
}

impl Model {
    /// Precomputes the model for validated inputs.
    pub fn new(inputs: &RoiInputs) -> Model {
        let horizon = inputs.horizon() as usize;
        let lag = inputs.schedule.audit_lag_months as usize;
        let rate = (inputs.discount_rate_percent / 100.0).max(0.0);
        let v = portable_math::exp(-portable_math::ln(1.0 + rate) / 12.0);
        let mut discount = Vec::with_capacity(horizon + 1);
        let mut f = 1.0;
        for _ in 0..=horizon {
            discount.push(f);
            f *= v;
        }
        let sum =
            |from: usize, to: usize| -> f64 { (from..=to.min(horizon)).map(|t| discount[t]).sum() };
        let mut terms = vec![Terms::default(); horizon + 1];
        for (d, t) in terms.iter_mut().enumerate().skip(1) {
            t.spread_pv = sum(1, d) / d as f64;
            let c = d + lag;
            if c <= horizon {
                t.cert_pv = discount[c];
                t.cert_n = 1.0;
                t.after_pv = sum(c + 1, horizon) / 12.0;
                t.after_n = (horizon - c) as f64 / 12.0;
            }
            for k in 1.. {
                let month = c + 12 * k;
                if month > horizon {
                    break;
                }
                if k % 3 == 0 {
                    t.recert_pv += discount[month];
                    t.recert_n += 1.0;
                } else {
                    t.surveillance_pv += discount[month];
                    t.surveillance_n += 1.0;
                }
            }
        }
        Model {
            horizon,
            lag,
            credit: inputs.certificate_credit_applies(),
            other_costs: inputs.costs.other_per_year.len(),
            per_year_pv: sum(1, horizon) / 12.0,
            per_year_n: horizon as f64 / 12.0,
            discount,
            terms,
        }
    }

    pub fn horizon(&self) -> usize {
        self.horizon
    }

    /// The implementation length in whole months, 1 to the horizon.
    pub fn implementation_length(&self, x: &[f64]) -> usize {
        let saved = if self.credit {
            x[ParamId::MonthsSaved as usize]
        } else {
            0.0
        };
        // Rounded half up; for values ≥ 1 truncation is the floor (no libm call on the hot path).
        let months = x[ParamId::ImplementationMonths as usize] - saved + 0.5;
        if months >= self.horizon as f64 {
            self.horizon
        } else if months >= 1.0 {
            months as usize
        } else {
            1
        }
    }

    /// The certification month for an implementation length (may lie after the horizon).
    pub fn certification_month(&self, d: usize) -> usize {
        d + self.lag
    }

    /// Sums for one parameter vector (laid out as [`super::params::params`]).
    #[inline]
    pub fn evaluate(&self, x: &[f64]) -> Outcome {
        use ParamId as P;
        let d = self.implementation_length(x);
        let t = self.terms[d];
        let p = |id: P| x[id as usize];
        let (spread, once) = self.spread_amounts(x);
        let (other_costs, other_benefits) =
            x[FIXED..].split_at(self.other_costs.min(x.len() - FIXED));
        let per_year_costs = p(P::ToolingPerYear) + other_costs.iter().sum::<f64>();
        let benefit_per_year = p(P::ContractsPerYear)
            * p(P::AverageContractValue)
            * p(P::ContractMargin)
            * p(P::ShareAttributable)
            + p(P::IncidentProbability) * p(P::IncidentImpact) * p(P::IncidentReduction)
            + p(P::HoursSaved) * p(P::HourlyRate)
            + other_benefits.iter().sum::<f64>();
        let cost_pv = once * self.discount[1]
            + spread * t.spread_pv
            + p(P::CertificationAudit) * t.cert_pv
            + p(P::SurveillanceAudit) * t.surveillance_pv
            + p(P::RecertificationAudit) * t.recert_pv
            + p(P::MaintenancePerYear) * t.after_pv
            + per_year_costs * self.per_year_pv;
        let cost_total = once
            + spread
            + p(P::CertificationAudit) * t.cert_n
            + p(P::SurveillanceAudit) * t.surveillance_n
            + p(P::RecertificationAudit) * t.recert_n
            + p(P::MaintenancePerYear) * t.after_n
            + per_year_costs * self.per_year_n;
        Outcome {
            cost_pv,
            benefit_pv: benefit_per_year * t.after_pv,
            cost_total,
            benefit_total: benefit_per_year * t.after_n,
        }
    }

    /// (total spread over the implementation months, the month-1 purchase).
    fn spread_amounts(&self, x: &[f64]) -> (f64, f64) {
        let (internal, consulting, training) = self.implementation_costs(x);
        (
            internal + consulting + training,
            x[ParamId::StandardPurchase as usize],
        )
    }

    /// Internal effort, consulting and training after the certificate credit.
    fn implementation_costs(&self, x: &[f64]) -> (f64, f64, f64) {
        use ParamId as P;
        let p = |id: P| x[id as usize];
        let kept = if self.credit {
            1.0 - p(P::EffortReuseShare)
        } else {
            1.0
        };
        let internal = p(P::InternalPeople)
            * p(P::InternalShareOfTime)
            * p(P::InternalCostPerPersonMonth)
            * p(P::ImplementationMonths)
            * kept;
        (internal, p(P::Consulting) * kept, p(P::Training))
    }

    /// The same amounts placed month by month, with a total per line item.
    pub fn cash_flows(&self, x: &[f64], params: &[Param]) -> CashFlows {
        use ParamId as P;
        let h = self.horizon;
        let d = self.implementation_length(x);
        let c = self.certification_month(d);
        let mut flows = CashFlows {
            cost: vec![0.0; h],
            benefit: vec![0.0; h],
            items: Vec::new(),
            implementation_months: d,
            certification_month: c,
        };
        let p = |id: P| x[id as usize];
        let (internal, consulting, training) = self.implementation_costs(x);

        flows.cost_at("Purchase of ISO/IEC 42001", &[1], p(P::StandardPurchase));
        let implementation: Vec<usize> = (1..=d).collect();
        for (label, total) in [
            ("Internal implementation effort", internal),
            ("External consulting", consulting),
            ("Training", training),
        ] {
            flows.cost_at(label, &implementation, total / d as f64);
        }
        flows.cost_at(
            "Certification audit (Stage 1 + Stage 2)",
            &[c],
            p(P::CertificationAudit),
        );
        let cycle: Vec<usize> = (1..=5).map(|k| c + 12 * k).collect();
        let surveillance: Vec<usize> = cycle
            .iter()
            .enumerate()
            .filter(|(k, _)| (k + 1) % 3 != 0)
            .map(|(_, m)| *m)
            .collect();
        let recertification: Vec<usize> = cycle
            .iter()
            .enumerate()
            .filter(|(k, _)| (k + 1) % 3 == 0)
            .map(|(_, m)| *m)
            .collect();
        flows.cost_at(
            "Surveillance audits",
            &surveillance,
            p(P::SurveillanceAudit),
        );
        flows.cost_at(
            "Recertification audit",
            &recertification,
            p(P::RecertificationAudit),
        );
        let after: Vec<usize> = (c + 1..=h).collect();
        let whole: Vec<usize> = (1..=h).collect();
        flows.cost_at(
            "Upkeep of the management system",
            &after,
            p(P::MaintenancePerYear) / 12.0,
        );
        flows.cost_at("Tooling", &whole, p(P::ToolingPerYear) / 12.0);
        let others = &params[FIXED..];
        for (k, param) in others.iter().enumerate() {
            let per_month = x[FIXED + k] / 12.0;
            if k < self.other_costs {
                flows.cost_at(&param.label, &whole, per_month);
            }
        }
        let contracts = p(P::ContractsPerYear)
            * p(P::AverageContractValue)
            * p(P::ContractMargin)
            * p(P::ShareAttributable);
        flows.benefit_at(
            "Contracts won where certification is a factor",
            &after,
            contracts / 12.0,
        );
        let incidents = p(P::IncidentProbability) * p(P::IncidentImpact) * p(P::IncidentReduction);
        flows.benefit_at(
            "Reduced expected loss from AI incidents",
            &after,
            incidents / 12.0,
        );
        flows.benefit_at(
            "Efficiency from standardised processes",
            &after,
            p(P::HoursSaved) * p(P::HourlyRate) / 12.0,
        );
        for (k, param) in others.iter().enumerate().skip(self.other_costs) {
            flows.benefit_at(&param.label, &after, x[FIXED + k] / 12.0);
        }
        flows
    }

    /// Net present value of monthly net cash flows (index 0 = month 1).
    pub fn npv_of(&self, net: &[f64]) -> f64 {
        net.iter()
            .enumerate()
            .map(|(i, n)| n * self.discount.get(i + 1).copied().unwrap_or(0.0))
            .sum()
    }
}

/// Monthly cash flows of one case.
#[derive(Debug, Clone)]
pub struct CashFlows {
    /// Cost in month t at index t − 1.
    pub cost: Vec<f64>,
    pub benefit: Vec<f64>,
    /// (line item, cost or benefit, total within the horizon).
    pub items: Vec<(String, bool, f64)>,
    pub implementation_months: usize,
    pub certification_month: usize,
}

impl CashFlows {
    fn place(&mut self, label: &str, is_cost: bool, months: &[usize], amount: f64) {
        let h = self.cost.len();
        let mut total = 0.0;
        let target = if is_cost {
            &mut self.cost
        } else {
            &mut self.benefit
        };
        for &m in months {
            if (1..=h).contains(&m) {
                target[m - 1] += amount;
                total += amount;
            }
        }
        self.items.push((label.to_string(), is_cost, total));
    }

    fn cost_at(&mut self, label: &str, months: &[usize], amount: f64) {
        self.place(label, true, months, amount);
    }

    fn benefit_at(&mut self, label: &str, months: &[usize], amount: f64) {
        self.place(label, false, months, amount);
    }

    pub fn net(&self) -> Vec<f64> {
        self.benefit
            .iter()
            .zip(&self.cost)
            .map(|(b, c)| b - c)
            .collect()
    }

    /// The first month from which the cumulative (undiscounted) net stays at or above 0, or
    /// `None` when it is below 0 at the horizon.
    pub fn payback_month(&self) -> Option<u32> {
        let mut cumulative = 0.0;
        let mut from = None;
        for (i, n) in self.net().iter().enumerate() {
            cumulative += n;
            if cumulative < 0.0 {
                from = None;
            } else if from.is_none() {
                from = Some(i as u32 + 1);
            }
        }
        from
    }

    /// Totals per year of the horizon (year 1 = months 1-12; a last partial year is summed as is).
    pub fn per_year(values: &[f64]) -> Vec<f64> {
        values.chunks(12).map(|c| c.iter().sum()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roi::inputs::Range;
    use crate::roi::params::params;

    /// Inputs where everything is fixed and simple enough to compute by hand.
    fn simple() -> RoiInputs {
        let mut i = RoiInputs::default();
        let f = |v: f64| Range::fixed(v, "test");
        i.discount_rate_percent = 0.0;
        i.horizon_months = Some(36);
        i.schedule.implementation_months = f(9.0);
        i.schedule.audit_lag_months = 1;
        let c = &mut i.costs;
        c.standard_purchase = f(200.0);
        c.internal_people = f(1.0);
        c.internal_share_of_time = f(1.0);
        c.internal_cost_per_person_month = f(10_000.0);
        c.consulting = f(0.0);
        c.certification_audit = f(30_000.0);
        c.surveillance_audit = f(15_000.0);
        c.recertification_audit = f(40_000.0);
        c.training = f(0.0);
        c.tooling_per_year = f(0.0);
        c.maintenance_per_year = f(12_000.0);
        let b = &mut i.benefits;
        b.contracts_per_year = f(2.0);
        b.average_contract_value = f(100_000.0);
        b.contract_margin = f(0.5);
        b.share_attributable_to_certification = f(0.5);
        b.incident_probability_per_year = f(0.0);
        b.incident_impact = f(0.0);
        b.incident_reduction = f(0.0);
        b.hours_saved_per_year = f(0.0);
        b.hourly_rate = f(0.0);
        i
    }

    fn likely(i: &RoiInputs) -> Vec<f64> {
        params(i).iter().map(|p| p.range.likely).collect()
    }

    fn run(i: &RoiInputs) -> (Outcome, CashFlows) {
        let m = Model::new(i);
        let x = likely(i);
        (m.evaluate(&x), m.cash_flows(&x, &params(i)))
    }

    #[test]
    fn hand_computed_case_without_discounting() {
        // Costs: 200 (month 1) + 9 × 10,000 (months 1-9) + 30,000 (month 10) + 15,000 (months 22
        // and 34) + 1,000 a month (months 11-36, 26 months); recertification in month 46 is out.
        // Benefits: 2 × 100,000 × 0.5 × 0.5 = 50,000 a year over 26 months.
        let (o, flows) = run(&simple());
        assert_eq!(o.cost_total, 176_200.0);
        assert!((o.benefit_total - 50_000.0 * 26.0 / 12.0).abs() < 1e-9);
        assert!(
            (o.npv() - (o.benefit_total - o.cost_total)).abs() < 1e-9,
            "rate 0: NPV is the net"
        );
        assert!(
            (o.roi_percent() - (108_333.333_333_333_33 - 176_200.0) / 176_200.0 * 100.0).abs()
                < 1e-9
        );
        assert_eq!(flows.certification_month, 10);
        assert_eq!(flows.cost[21], 15_000.0 + 1_000.0);
        assert_eq!(flows.payback_month(), None);
        assert_eq!(
            CashFlows::per_year(&flows.cost),
            vec![
                200.0 + 90_000.0 + 30_000.0 + 2_000.0,
                15_000.0 + 12_000.0,
                15_000.0 + 12_000.0
            ]
        );
    }

    #[test]
    fn hand_computed_payback() {
        // 9.6 × 100,000 × 0.5 × 0.5 = 240,000 a year = 20,000 a month from month 11, less 1,000
        // upkeep: cumulative −120,200 after month 10, +19,000 a month, first ≥ 0 in month 17
        // (k = 7), and the surveillance audit in month 22 does not take it below 0 again.
        let mut i = simple();
        i.benefits.contracts_per_year = Range::fixed(9.6, "test");
        assert_eq!(run(&i).1.payback_month(), Some(17));
        // Half that: +9,000 a month, −120,200 + 9,000 k ≥ 0 from k = 14 (month 24), but the
        // 15,000 surveillance audit in month 22 pushes it back: month 24 is at −9,200, month 25
        // at −200, month 26 at +8,800, and month 34's audit leaves it at +65,800.
        i.benefits.contracts_per_year = Range::fixed(4.8, "test");
        assert_eq!(run(&i).1.payback_month(), Some(26));
        // Cost so large it never pays back within the horizon.
        i.costs.consulting = Range::fixed(1e9, "test");
        assert_eq!(run(&i).1.payback_month(), None);
    }

    #[test]
    fn payback_waits_until_the_cumulative_stays_positive() {
        let flows = CashFlows {
            cost: vec![10.0, 0.0, 0.0, 30.0, 0.0],
            benefit: vec![0.0, 20.0, 0.0, 0.0, 40.0],
            items: vec![],
            implementation_months: 1,
            certification_month: 1,
        };
        // cumulative: −10, 10, 10, −20, 20
        assert_eq!(flows.payback_month(), Some(5));
    }

    #[test]
    fn hand_computed_npv_at_eight_percent() {
        // Horizon 12, implementation 1 month, audit in month 1: costs 200 + 10,000 + 30,000 in
        // month 1; 50,000 a year of benefit less 12,000 of upkeep in months 2-12.
        let mut i = simple();
        i.discount_rate_percent = 8.0;
        i.horizon_months = Some(12);
        i.schedule.implementation_months = Range::fixed(1.0, "test");
        i.schedule.audit_lag_months = 0;
        let (o, flows) = run(&i);
        let v = 1.08f64.powf(-1.0 / 12.0);
        let expected =
            -40_200.0 * v + (50_000.0 - 12_000.0) / 12.0 * (2..=12).map(|t| v.powi(t)).sum::<f64>();
        assert!(
            (o.npv() - expected).abs() < 1e-8,
            "{} vs {expected}",
            o.npv()
        );
        let m = Model::new(&i);
        assert!((m.npv_of(&flows.net()) - expected).abs() < 1e-8);
        assert_eq!(o.cost_total, 40_200.0 + 11.0 * 1_000.0);
    }

    #[test]
    fn coefficients_and_cash_flows_agree_on_the_defaults() {
        for mut i in [RoiInputs::default(), simple()] {
            i.horizon_months = Some(60);
            i.benefits
                .other_per_year
                .push(crate::roi::inputs::NamedAmount {
                    name: "b".into(),
                    per_year: Range::fixed(5_000.0, "t"),
                });
            i.costs
                .other_per_year
                .push(crate::roi::inputs::NamedAmount {
                    name: "c".into(),
                    per_year: Range::fixed(700.0, "t"),
                });
            i.existing_certificate.standard = crate::roi::inputs::ExistingStandard::Iso27001;
            let m = Model::new(&i);
            let x = likely(&i);
            let o = m.evaluate(&x);
            let flows = m.cash_flows(&x, &params(&i));
            let cost: f64 = flows.cost.iter().sum();
            let benefit: f64 = flows.benefit.iter().sum();
            assert!(
                (o.cost_total - cost).abs() < 1e-6 * cost,
                "{} vs {cost}",
                o.cost_total
            );
            assert!((o.benefit_total - benefit).abs() < 1e-6 * benefit.max(1.0));
            assert!((o.npv() - m.npv_of(&flows.net())).abs() < 1e-6 * cost);
            let items: f64 = flows
                .items
                .iter()
                .map(|(_, is_cost, t)| if *is_cost { -t } else { *t })
                .sum();
            assert!((items - (benefit - cost)).abs() < 1e-6 * cost);
            // 60 months with certification in month 6 (9 − 4.5 rounded, + 1): surveillance at
            // 18, 30, 54; recertification at 42.
            assert_eq!(flows.certification_month, 6);
        }
    }

    #[test]
    fn an_existing_certificate_shortens_and_lightens_the_implementation() {
        let mut i = RoiInputs::default();
        let m = Model::new(&i);
        let base = m.evaluate(&likely(&i));
        i.existing_certificate.standard = crate::roi::inputs::ExistingStandard::Iso9001;
        let m = Model::new(&i);
        let x = likely(&i);
        assert_eq!(m.implementation_length(&x), 5); // 9 − 4.5 = 4.5, rounded up
        assert!(m.evaluate(&x).cost_total < base.cost_total);
        // From a roadmap the credit is not applied again.
        i.schedule.months_basis = crate::roi::inputs::MonthsBasis::Roadmap;
        let m = Model::new(&i);
        assert_eq!(m.implementation_length(&likely(&i)), 9);
        assert_eq!(m.evaluate(&likely(&i)), base);
    }
}
