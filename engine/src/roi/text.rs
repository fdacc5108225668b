//! The ROI report as plain text for people.

use super::report::RoiReport;
use crate::format::{amount, number, percent, share};

impl RoiReport {
    /// The report as plain text for people (what `aims roi` prints): the likely case, the
    /// Monte Carlo percentiles, the ten widest tornado bars, the cost and benefit lines, the
    /// assumptions and the notes. Figures follow [`crate::format`].
    pub fn to_text(&self) -> String {
        let r = self;
        let mut out = Vec::new();
        let cur = &r.currency;
        out.push("ROI of ISO/IEC 42001 certification".to_string());
        out.push(format!("{}.", r.label));
        out.push(format!(
            "{} employees, {} AI systems in scope; horizon {} months; discount rate {}% a year; amounts in {cur}.",
            r.organisation.employees, r.organisation.ai_systems_in_scope, r.horizon_months, number(r.discount_rate_percent)
        ));
        out.push(String::new());
        out.push("Likely case".to_string());
        let certification = match r.certification_month {
            Some(m) => format!("month {m}"),
            None => format!("after the {}-month horizon", r.horizon_months),
        };
        let payback = match r.payback_months {
            Some(m) => format!("month {m}"),
            None => format!("not within the {}-month horizon", r.horizon_months),
        };
        for (label, value) in [
            ("Total cost", amount(r.total_cost)),
            ("Total benefit", amount(r.total_benefit)),
            ("Net", amount(r.net)),
            ("NPV", amount(r.npv)),
            ("ROI", percent(r.roi_percent)),
            ("Payback", payback),
            (
                "Implementation",
                format!("months 1-{}", r.implementation_months),
            ),
            ("Certification", certification),
            (
                "Cost per year",
                r.cost_per_year
                    .iter()
                    .map(|x| amount(*x))
                    .collect::<Vec<_>>()
                    .join(" | "),
            ),
            (
                "Benefit per year",
                r.benefit_per_year
                    .iter()
                    .map(|x| amount(*x))
                    .collect::<Vec<_>>()
                    .join(" | "),
            ),
        ] {
            out.push(format!("  {label:<18}{value}"));
        }
        out.push(String::new());
        let mc = &r.monte_carlo;
        out.push(format!(
            "Monte Carlo: {} trials, seed {}, {} uncertain inputs drawn from PERT distributions",
            amount(f64::from(mc.trials)),
            mc.seed,
            mc.uncertain_inputs.len()
        ));
        let row = |label: &str, [p10, p50, p90]: [String; 3]| {
            format!("  {label:<8}{p10:>14}{p50:>14}{p90:>14}")
        };
        out.push(row("", ["P10", "P50", "P90"].map(String::from)));
        let (npv, roi) = (&mc.npv, &mc.roi_percent);
        out.push(row("NPV", [npv.p10, npv.p50, npv.p90].map(amount)));
        out.push(row("ROI", [roi.p10, roi.p50, roi.p90].map(percent)));
        out.push(format!(
            "  Probability that ROI > 0: {}",
            share(mc.probability_positive)
        ));
        out.push(String::new());
        out.push(
            "Sensitivity: NPV with one input at its P10 / P90, the others likely (widest swing first)"
                .to_string(),
        );
        out.push(format!("  {:<56}{:>13}{:>13}", "", "at P10", "at P90"));
        for bar in r.tornado.iter().take(10) {
            out.push(format!(
                "  {:<56}{:>13}{:>13}",
                bar.label,
                amount(bar.low_npv),
                amount(bar.high_npv)
            ));
        }
        if r.tornado.len() > 10 {
            out.push(format!(
                "  ... {} more in the JSON output",
                r.tornado.len() - 10
            ));
        }
        out.push(String::new());
        out.push("Cost and benefit lines (likely case, over the horizon)".to_string());
        for item in &r.line_items {
            out.push(format!(
                "  {:<8}{:<48}{:>13}",
                item.kind,
                item.item,
                amount(item.total)
            ));
        }
        out.push(String::new());
        out.push("Assumptions (low / likely / high, source)".to_string());
        for a in &r.assumptions {
            out.push(format!(
                "  {}: {} / {} / {} {} ({})",
                a.label,
                number(a.low),
                number(a.likely),
                number(a.high),
                a.unit,
                a.source
            ));
        }
        out.push(String::new());
        out.push("Notes".to_string());
        for n in &r.notes {
            out.push(format!("  - {n}"));
        }
        out.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use crate::roi::{run, RoiInputs};

    #[test]
    fn the_text_shows_the_figures_of_the_report_by_the_one_rule() {
        let mut inputs = RoiInputs::default();
        inputs.monte_carlo.trials = 300;
        let r = run(&inputs).unwrap();
        let text = r.to_text();
        for line in [
            format!("  NPV               {}", crate::format::amount(r.npv)),
            format!("  ROI               {}", crate::format::percent(r.roi_percent)),
            format!(
                "  Probability that ROI > 0: {}",
                crate::format::share(r.monte_carlo.probability_positive)
            ),
            "150 employees, 3 AI systems in scope; horizon 46 months; discount rate 8% a year; amounts in USD.".to_string(),
        ] {
            assert!(text.lines().any(|l| l == line), "{line:?} not in\n{text}");
        }
        assert!(text.starts_with("ROI of ISO/IEC 42001 certification\n"));
    }
}
