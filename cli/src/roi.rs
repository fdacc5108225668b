//! `aims roi [--assessment FILE] [--input FILE] [--seed N] [--trials N] [--format json|text]
//! [--print-defaults]`: the return on investment of certification, from the engine's ROI model.

use crate::args::{format, Args, Command, Opt, Takes};
use crate::input::read_assessment;
use aims_engine::roi::{self, RoiInputs, RoiReport};

pub const COMMAND: Command = Command {
    name: "roi",
    args: "",
    about: "Cost, benefit, NPV and ROI of certification over the certificate cycle, with a \
            Monte Carlo and a tornado of the inputs.",
    options: &[
        Opt {
            name: "assessment",
            takes: Takes::Value("FILE"),
            help: "take the months and capacity from this assessment's roadmap (- reads \
                   standard input)",
        },
        Opt {
            name: "input",
            takes: Takes::Value("FILE"),
            help: "a JSON inputs file; missing fields take the sourced defaults",
        },
        Opt {
            name: "seed",
            takes: Takes::Value("N"),
            help: "the Monte Carlo seed (default: 42)",
        },
        Opt {
            name: "trials",
            takes: Takes::Value("N"),
            help: "the Monte Carlo trials (default: 10000)",
        },
        format(&["json", "text"], "text"),
        Opt {
            name: "print-defaults",
            takes: Takes::Nothing,
            help: "print the inputs as a JSON starting file for --input",
        },
    ],
    run,
};

fn run(args: &Args) -> Result<String, String> {
    args.expect_positional(&[])?;
    let format = args.choice("format")?;
    let input = match args.value("input") {
        Some(path) => Some(
            crate::input::read_at_most("--input ", path, RoiInputs::MAX_JSON_BYTES)?
                .map_err(|n| format!("--input {path}: {}", RoiInputs::too_large(n)))?,
        ),
        None => None,
    };
    let mut inputs = match args.value("assessment") {
        Some(path) => {
            let assessment = read_assessment(path)?;
            roi::from_assessment::inputs_with_assessment(input.as_deref(), &assessment)
                .map_err(|e| with_file(e, args.value("input")))?
        }
        None => match &input {
            Some(text) => {
                RoiInputs::from_json(text).map_err(|e| with_file(e, args.value("input")))?
            }
            None => RoiInputs::default(),
        },
    };
    if let Some(seed) = args.number::<u64>("seed")? {
        inputs.monte_carlo.seed = seed;
    }
    if let Some(trials) = args.number::<u32>("trials")? {
        inputs.monte_carlo.trials = trials;
    }
    if args.flag("print-defaults") {
        return Ok(inputs.to_json_pretty());
    }
    let report = roi::run(&inputs).map_err(|e| e.to_string())?;
    match format {
        "json" => serde_json::to_string_pretty(&report).map_err(|e| e.to_string()),
        _ => Ok(text(&report, &inputs)),
    }
}

fn with_file(message: String, file: Option<&str>) -> String {
    match file {
        Some(path) => format!("--input {path}: {message}"),
        None => message,
    }
}

/// An amount with thousands separators, no decimals.
fn money(x: f64) -> String {
    aims_engine::amount::grouped(x, "-")
}

fn number(x: f64) -> String {
    if x.abs() >= 1000.0 {
        money(x)
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The readable summary.
fn text(r: &RoiReport, inputs: &RoiInputs) -> String {
    let mut out = Vec::new();
    let cur = &r.currency;
    out.push("ROI of ISO/IEC 42001 certification".to_string());
    out.push(format!("{}.", r.label));
    out.push(format!(
        "{} employees, {} AI systems in scope; horizon {} months; discount rate {}% a year; amounts in {cur}.",
        inputs.organisation.employees, inputs.organisation.ai_systems_in_scope, r.horizon_months, r.discount_rate_percent
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
        ("Total cost", money(r.total_cost)),
        ("Total benefit", money(r.total_benefit)),
        ("Net", money(r.net)),
        ("NPV", money(r.npv)),
        ("ROI", format!("{:.1}%", r.roi_percent)),
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
                .map(|x| money(*x))
                .collect::<Vec<_>>()
                .join(" | "),
        ),
        (
            "Benefit per year",
            r.benefit_per_year
                .iter()
                .map(|x| money(*x))
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
        money(f64::from(mc.trials)),
        mc.seed,
        mc.uncertain_inputs.len()
    ));
    out.push(format!(
        "  {:<8}{:>14}{:>14}{:>14}",
        "", "P10", "P50", "P90"
    ));
    out.push(format!(
        "  {:<8}{:>14}{:>14}{:>14}",
        "NPV",
        money(mc.npv.p10),
        money(mc.npv.p50),
        money(mc.npv.p90)
    ));
    out.push(format!(
        "  {:<8}{:>14}{:>14}{:>14}",
        "ROI %",
        format!("{:.1}", mc.roi_percent.p10),
        format!("{:.1}", mc.roi_percent.p50),
        format!("{:.1}", mc.roi_percent.p90)
    ));
    out.push(format!(
        "  Probability that ROI > 0: {:.1}%",
        mc.probability_positive * 100.0
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
            money(bar.low_npv),
            money(bar.high_npv)
        ));
    }
    if r.tornado.len() > 10 {
        out.push(format!(
            "  ... {} more in --format json",
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
            money(item.total)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(0.0), "0");
        assert_eq!(money(999.4), "999");
        assert_eq!(money(1234.5), "1,235");
        assert_eq!(money(-1_234_567.0), "-1,234,567");
        assert_eq!(money(100_000.0), "100,000");
        assert_eq!(number(0.33), "0.33");
        assert_eq!(number(4.5), "4.5");
        assert_eq!(number(37500.0), "37,500");
    }
}
