//! `aims roi`: the JSON keys the issue promises, determinism for a seed, the inputs file and its
//! errors, `--print-defaults` round trip, `--assessment`, and a snapshot of the text report.

use crate::util::{assert_snapshot, error_of, ok, temp_file};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let mut all = vec!["roi", "--format", "json"];
    all.extend_from_slice(args);
    let out = ok(&all);
    serde_json::from_str(&out).unwrap()
}

#[test]
fn json_has_the_keys_of_the_issue() {
    let r = json(&["--trials", "1000"]);
    for key in [
        "total_cost",
        "total_benefit",
        "npv",
        "roi_percent",
        "payback_months",
        "monte_carlo",
        "tornado",
        "assumptions",
        "label",
    ] {
        assert!(r.get(key).is_some(), "missing {key}");
    }
    assert!(
        r["payback_months"].is_null(),
        "the defaults do not pay back within 36 months"
    );
    let mc = &r["monte_carlo"];
    assert_eq!(mc["trials"], 1000);
    assert_eq!(mc["seed"], 42);
    for q in ["npv", "roi_percent"] {
        let (p10, p50, p90) = (
            mc[q]["p10"].as_f64().unwrap(),
            mc[q]["p50"].as_f64().unwrap(),
            mc[q]["p90"].as_f64().unwrap(),
        );
        assert!(p10 <= p50 && p50 <= p90, "{q}");
    }
    assert!(mc["probability_positive"].as_f64().unwrap() >= 0.0);
    assert_eq!(
        mc["histogram"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["count"].as_u64().unwrap())
            .sum::<u64>(),
        1000
    );
    let bar = &r["tornado"][0];
    for key in ["input", "low_npv", "high_npv"] {
        assert!(bar.get(key).is_some(), "tornado bar lacks {key}");
    }
    assert!(r["label"]
        .as_str()
        .unwrap()
        .starts_with("Estimate from stated assumptions"));
    assert!(mc["label"]
        .as_str()
        .unwrap()
        .starts_with("Estimate from stated assumptions"));
    assert!(r["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| !a["source"].as_str().unwrap().is_empty()));
}

#[test]
fn a_seed_gives_the_same_report_and_another_seed_another() {
    let a = json(&["--seed", "7", "--trials", "3000"]);
    let b = json(&["--seed", "7", "--trials", "3000"]);
    let c = json(&["--seed", "8", "--trials", "3000"]);
    assert_eq!(a, b);
    assert_ne!(a["monte_carlo"]["npv"], c["monte_carlo"]["npv"]);
    assert_eq!(a["npv"], c["npv"]);
}

#[test]
fn print_defaults_is_a_starting_file_that_reads_back_to_the_same_report() {
    let defaults = ok(&["roi", "--print-defaults"]);
    let v: Value = serde_json::from_str(&defaults).unwrap();
    assert_eq!(v["costs"]["certification_audit"]["likely"], 37500.0);
    assert!(v["costs"]["certification_audit"]["source"]
        .as_str()
        .unwrap()
        .contains("Schellman"));
    let file = temp_file("roi-defaults.json", &defaults);
    let path = file.as_str();
    assert_eq!(
        json(&["--input", path, "--trials", "500"]),
        json(&["--trials", "500"])
    );
    std::fs::remove_file(file).ok();
}

#[test]
fn an_inputs_file_changes_what_it_names_and_keeps_the_rest() {
    let file = temp_file(
        "roi-partial.json",
        r#"{"horizon_months": 60, "costs": {"consulting": {"low": 0, "likely": 0, "high": 0}}}"#,
    );
    let r = json(&["--input", file.as_str(), "--trials", "500"]);
    std::fs::remove_file(&file).ok();
    assert_eq!(r["horizon_months"], 60);
    let consulting = r["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["input"] == "costs.consulting")
        .unwrap();
    assert_eq!(consulting["source"], "entered by the user");
    assert!(r["line_items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["item"] == "Recertification audit" && l["total"].as_f64().unwrap() > 0.0));
}

#[test]
fn errors_name_the_input_and_what_is_accepted() {
    let cases: &[(&str, &[&str], &str)] = &[
        ("unknown", &[], "--input "),
        (r#"{"costs": {"consultnig": {}}}"#, &[], "costs.consultnig: unknown field `consultnig`"),
        (r#"{"discount_rate_percent": 150}"#, &[], "discount_rate_percent: 150 is outside the accepted range; expected a percentage from 0 to 100"),
        (r#"{"costs": {"training": {"low": -1}}}"#, &[], "costs.training.low: -1 is outside the accepted range"),
        (r#"{"costs": {"training": {"low": 9000, "likely": 5000}}}"#, &[], "costs.training: low 9000, likely 5000, high 15000 are out of order"),
        ("{}", &["--trials", "0"], "monte_carlo.trials: 0 is outside the accepted range; expected trials from 1 to 200000"),
        ("{}", &["--trials", "1000001"], "monte_carlo.trials: 1000001 is outside"),
        ("{}", &["--trials", "many"], "--trials \"many\" is not a valid number"),
        ("{}", &["--seed", "-3"], "--seed \"-3\" is not a valid number"),
        ("{}", &["--format", "xml"], "--format \"xml\" is not valid; expected one of json, text"),
        ("{}", &["--colour"], "unknown option --colour"),
    ];
    for (i, (content, extra, expected)) in cases.iter().enumerate() {
        let file = temp_file(&format!("roi-err{i}.json"), content);
        let mut args = vec!["roi", "--input", file.as_str()];
        args.extend_from_slice(extra);
        let err = error_of(&args);
        std::fs::remove_file(&file).ok();
        assert!(err.contains(expected), "{content} {extra:?}: {err}");
    }
    assert!(error_of(&["roi", "--input", "/nonexistent/roi.json"])
        .contains("cannot read --input /nonexistent/roi.json"));
}

#[test]
fn an_assessment_sets_the_schedule_from_its_roadmap() {
    let assessment = r#"{"format": "aims-assessment", "version": 1, "framework": "iso42001",
        "organisation": {"employees": 40}, "planning": {"people": 2, "share_of_time": 0.5}, "answers": {"4.1": {"maturity": 1}}}"#;
    let file = temp_file("roi-assessment.json", assessment);
    let path = file.as_str();
    let score = ok(&["score", path, "--format", "json"]);
    let score: Value = serde_json::from_str(&score).unwrap();
    let r = json(&["--assessment", path, "--trials", "500"]);
    let inputs = ok(&["roi", "--assessment", path, "--print-defaults"]);
    std::fs::remove_file(&file).ok();
    assert_eq!(r["certification_month"], score["roadmap"]["total_months"]);
    let inputs: Value = serde_json::from_str(&inputs).unwrap();
    assert_eq!(inputs["organisation"]["employees"], 40);
    assert_eq!(inputs["schedule"]["months_basis"], "roadmap");
    assert_eq!(inputs["costs"]["internal_people"]["likely"], 2.0);
    // Nothing answered: the assessment's size, but the from-scratch months, not a roadmap.
    let empty = assessment.replace(r#"{"4.1": {"maturity": 1}}"#, "{}");
    let file = temp_file("empty-assessment.json", &empty);
    let inputs = ok(&["roi", "--assessment", file.as_str(), "--print-defaults"]);
    std::fs::remove_file(&file).ok();
    let inputs: Value = serde_json::from_str(&inputs).unwrap();
    assert_eq!(inputs["organisation"]["employees"], 40);
    assert_eq!(inputs["schedule"]["months_basis"], "from_scratch");
}

#[test]
fn roi_and_score_give_the_same_certification_month_for_every_training_case() {
    for case in [
        "techserve-month-1",
        "techserve-month-9",
        "hospital-triage",
        "startup-certify",
    ] {
        let model = ok(&["cases", case, "--model"]);
        let file = temp_file(&format!("roi-{case}.json"), &model);
        let path = file.as_str();
        let score = ok(&["score", path, "--format", "json"]);
        let score: Value = serde_json::from_str(&score).unwrap();
        let r = json(&["--assessment", path, "--trials", "200"]);
        std::fs::remove_file(&file).ok();
        let month = &score["roadmap"]["total_months"];
        assert_eq!(&r["certification_month"], month, "{case}");
        assert_eq!(
            r["horizon_months"].as_u64(),
            month.as_u64().map(|m| m + 36),
            "{case}: the horizon is the certificate cycle after certification"
        );
    }
}

#[test]
fn text_report_matches_its_snapshot() {
    let out = ok(&["roi", "--trials", "2000"]);
    assert!(out.contains("Estimate from stated assumptions"));
    assert_snapshot("roi-default.txt", &out);
}
