//! The ROI report: the likely case with its monthly cash flows, the Monte Carlo summary, the
//! tornado, and the assumptions and notes that produced them. Serialized as the JSON the CLI
//! prints and the web app reads.

use serde::Serialize;

use super::inputs::{ExistingStandard, MonthsBasis, Organisation, RoiInputs};
use super::model::{CashFlows, Model};
use super::monte_carlo::MonteCarlo;
use super::params::Param;
use super::sensitivity::TornadoBar;
use super::{defaults, ESTIMATE_LABEL};

/// Everything `aims roi` reports. Amounts are in the inputs' currency; every figure is an
/// estimate from the assumptions listed in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoiReport {
    pub label: &'static str,
    pub currency: String,
    /// The organisation the defaults were scaled for.
    pub organisation: Organisation,
    pub horizon_months: u32,
    pub discount_rate_percent: f64,
    /// Implementation months in the likely case, after any certificate credit.
    pub implementation_months: u32,
    /// Month of the Stage 1 + Stage 2 audit in the likely case; `None` when after the horizon.
    pub certification_month: Option<u32>,
    /// Where the implementation months come from: the assessment's roadmap, or the published
    /// from-scratch estimate.
    pub months_basis: MonthsBasis,
    /// Likely case, undiscounted, within the horizon.
    pub total_cost: f64,
    pub total_benefit: f64,
    pub net: f64,
    /// Likely case, discounted.
    pub npv: f64,
    /// (total_benefit − total_cost) ÷ total_cost × 100.
    pub roi_percent: f64,
    /// First month from which the cumulative net stays ≥ 0; `None` when not within the horizon.
    pub payback_months: Option<u32>,
    /// Totals per year of the horizon (year 1 = months 1-12).
    pub cost_per_year: Vec<f64>,
    pub benefit_per_year: Vec<f64>,
    pub line_items: Vec<LineItem>,
    pub cash_flows: Vec<MonthlyCashFlow>,
    pub monte_carlo: MonteCarlo,
    pub tornado: Vec<TornadoBar>,
    pub assumptions: Vec<Assumption>,
    pub notes: Vec<String>,
}

/// A cost or benefit line of the likely case, totalled over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineItem {
    pub item: String,
    /// "cost" or "benefit".
    pub kind: &'static str,
    pub total: f64,
}

/// One month of the likely case.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MonthlyCashFlow {
    pub month: u32,
    pub cost: f64,
    pub benefit: f64,
    pub cumulative_net: f64,
}

/// An input the results rest on, with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assumption {
    pub input: String,
    pub label: String,
    pub unit: String,
    pub low: f64,
    pub likely: f64,
    pub high: f64,
    pub source: String,
}

/// Assembles the report from its computed parts.
pub fn build(
    inputs: &RoiInputs,
    model: &Model,
    params: &[Param],
    monte_carlo: MonteCarlo,
    tornado: Vec<TornadoBar>,
) -> RoiReport {
    let likely: Vec<f64> = params.iter().map(|p| p.range.likely).collect();
    let flows = model.cash_flows(&likely, params);
    let net = flows.net();
    let total_cost: f64 = flows.cost.iter().sum();
    let total_benefit: f64 = flows.benefit.iter().sum();
    let mut cumulative = 0.0;
    let cash_flows = (0..flows.cost.len())
        .map(|i| {
            cumulative += net[i];
            MonthlyCashFlow {
                month: i as u32 + 1,
                cost: flows.cost[i],
                benefit: flows.benefit[i],
                cumulative_net: cumulative,
            }
        })
        .collect();
    let horizon = model.horizon();
    RoiReport {
        label: ESTIMATE_LABEL,
        currency: inputs.currency.clone(),
        organisation: inputs.organisation,
        horizon_months: horizon as u32,
        discount_rate_percent: inputs.discount_rate_percent,
        implementation_months: flows.implementation_months as u32,
        certification_month: (flows.certification_month <= horizon)
            .then_some(flows.certification_month as u32),
        months_basis: inputs.schedule.months_basis,
        total_cost,
        total_benefit,
        net: total_benefit - total_cost,
        npv: model.npv_of(&net),
        roi_percent: if total_cost > 0.0 {
            (total_benefit - total_cost) / total_cost * 100.0
        } else {
            0.0
        },
        payback_months: flows.payback_month(),
        cost_per_year: CashFlows::per_year(&flows.cost),
        benefit_per_year: CashFlows::per_year(&flows.benefit),
        line_items: flows
            .items
            .iter()
            .map(|(item, is_cost, total)| LineItem {
                item: item.clone(),
                kind: if *is_cost { "cost" } else { "benefit" },
                total: *total,
            })
            .collect(),
        cash_flows,
        notes: notes(inputs, &flows, &monte_carlo),
        monte_carlo,
        tornado,
        assumptions: params
            .iter()
            .filter(|p| p.in_use)
            .map(|p| Assumption {
                input: p.path.clone(),
                label: p.label.clone(),
                unit: p.unit.label(&inputs.currency),
                low: p.range.low,
                likely: p.range.likely,
                high: p.range.high,
                source: p.range.source.clone(),
            })
            .collect(),
    }
}

fn months_list(months: &[usize]) -> String {
    let v: Vec<String> = months.iter().map(ToString::to_string).collect();
    v.join(", ")
}

/// The model's assumptions in words, for the likely case.
fn notes(inputs: &RoiInputs, flows: &CashFlows, mc: &MonteCarlo) -> Vec<String> {
    let h = flows.cost.len();
    let (d, c) = (flows.implementation_months, flows.certification_month);
    let mut out = vec![format!(
        "{ESTIMATE_LABEL}. Amounts in {}; every input is listed under assumptions with its source, and each can be changed.",
        inputs.currency
    )];
    if c <= h {
        out.push(format!(
            "Likely case: implementation in months 1-{d}, Stage 1 + Stage 2 audit in month {c}; benefits and upkeep accrue from month {} to month {h}.",
            c + 1
        ));
    } else {
        out.push(format!(
            "Likely case: implementation in months 1-{d}; the certification audit would fall in month {c}, after the {h}-month horizon, so no audit and no benefit is counted."
        ));
    }
    let events: Vec<usize> = (1..=5).map(|k| c + 12 * k).collect();
    let surveillance: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(k, m)| (k + 1) % 3 != 0 && **m <= h)
        .map(|(_, m)| *m)
        .collect();
    if !surveillance.is_empty() {
        out.push(format!(
            "Surveillance audits in month(s) {}.",
            months_list(&surveillance)
        ));
    }
    let recert = c + 36;
    if recert <= h {
        out.push(format!("Recertification audit in month {recert}."));
    } else if recert <= super::inputs::MAX_HORIZON_MONTHS as usize {
        out.push(format!(
            "Recertification would fall in month {recert}, after the {h}-month horizon, and is not counted; a horizon of {recert} months or more includes it."
        ));
    }
    out.push(format!(
        "Cash flows at the end of each month; NPV discounts month t by (1 + {}%)^(−t/12). ROI = (total benefit − total cost) ÷ total cost over the horizon, undiscounted. Payback = the first month from which the cumulative undiscounted net stays at or above 0.",
        inputs.discount_rate_percent
    ));
    out.push("Benefits count from the month after certification; a contract's value counts in the year it is won; internal effort, consulting and training are spread evenly over the implementation months.".to_string());
    let cert = &inputs.existing_certificate;
    let name = match cert.standard {
        ExistingStandard::None => None,
        ExistingStandard::Iso27001 => Some("ISO/IEC 27001"),
        ExistingStandard::Iso9001 => Some("ISO 9001"),
    };
    match (name, inputs.schedule.months_basis) {
        (None, _) => out.push("No existing ISO/IEC 27001 or ISO 9001 certificate: no reuse credit.".to_string()),
        (Some(n), MonthsBasis::Roadmap) => out.push(format!(
            "An existing {n} certificate is held, but the implementation months come from the gap assessment's roadmap, which already sees what exists: no further credit."
        )),
        (Some(n), MonthsBasis::FromScratch) => {
            let mut s = format!(
                "An existing {n} certificate saves {}% (likely) of the internal and consulting effort and {} months (likely) of implementation.",
                inputs.existing_certificate.effort_reuse_share.likely * 100.0,
                inputs.existing_certificate.months_saved.likely
            );
            if cert.standard == ExistingStandard::Iso9001 {
                s.push_str(" The published figures are for ISO/IEC 27001; applying them to ISO 9001 is our assumption.");
            }
            out.push(s);
        }
    }
    out.push(match inputs.horizon_months {
        None => format!(
            "Horizon: {h} months, the likely certification month ({c}) + 36, so that the whole certificate cycle counts (two surveillance audits and the recertification)."
        ),
        Some(_) => format!("Horizon: {h} months, as entered."),
    });
    out.push(match inputs.schedule.months_basis {
        MonthsBasis::Roadmap => "Months from the assessment's roadmap: the months before the audit and the certification month are the roadmap's, so the Roadmap and the ROI agree.".to_string(),
        MonthsBasis::FromScratch => "Months: no assessment, so the implementation months are a default, the published estimate for an organisation of this size starting from scratch (docs/roi.md); an assessment's roadmap replaces them.".to_string(),
    });
    let org = inputs.organisation;
    out.push(format!(
        "Defaults not entered by the user are scaled for {} employees and {} AI systems in scope: audit fees ×{:.2}, effort ×{:.2} (rule in docs/roi.md).",
        org.employees,
        org.ai_systems_in_scope,
        defaults::audit_factor(org),
        defaults::effort_factor(org)
    ));
    out.push(format!(
        "Monte Carlo: {} trials from seed {}; {} inputs drawn independently from PERT distributions (no correlation between inputs is modelled); implementation months rounded to whole months.",
        mc.trials,
        mc.seed,
        mc.uncertain_inputs.len()
    ));
    out
}
