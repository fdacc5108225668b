//! `aims cases`, `compare`, `share`, `export`, `report`, `plan` and `catalog --format oscal`, run as a
//! user would: the built binary, files, case ids and standard input.

use crate::util::{aims, aims_with_stdin, fails, fixture, json, ok, temp_file};
use aims_engine::assessment::Assessment;
use serde_json::Value;

/// The assessment a text holds (so that `3` and `3.0` compare equal).
fn assessment(s: &str) -> Assessment {
    Assessment::read(s).unwrap().0
}

#[test]
fn cases_lists_shows_and_hands_out_files() {
    let list = ok(&["cases"]);
    for id in [
        "techserve-month-1",
        "techserve-month-9",
        "hospital-triage",
        "startup-certify",
        "freight-two-systems",
    ] {
        assert!(list.contains(id), "{list}");
    }
    let all = json(&ok(&["cases", "--format", "json"]));
    assert_eq!(all.as_array().unwrap().len(), 5);
    assert!(
        all[0].get("model").is_none(),
        "the list gives no model answer away"
    );
    let one = ok(&["cases", "hospital-triage"]);
    assert!(
        one.contains("TriageAssist") && one.contains("Your task"),
        "{one}"
    );
    let model = json(&ok(&["cases", "techserve-month-9", "--model"]));
    assert_eq!(model["answers"].as_object().unwrap().len(), 70);
    let start = json(&ok(&["cases", "techserve-month-9", "--start"]));
    assert_eq!(start["organisation"]["name"], "TechServe Solutions");
    assert!(start["answers"].as_object().unwrap().is_empty());
    let roi = json(&ok(&["cases", "startup-certify", "--roi-inputs"]));
    assert_eq!(roi["currency"], "EUR");
    fails(&["cases", "nope"], "no training case \"nope\"");
    fails(&["cases", "--model"], "--model needs a case id");
    fails(
        &["cases", "techserve-month-1", "--roi-inputs"],
        "has no ROI inputs",
    );
    fails(
        &["cases", "hospital-triage", "--model", "--start"],
        "give one of",
    );
}

#[test]
fn compare_grades_a_file_against_a_case_or_another_file() {
    let model = ok(&["cases", "techserve-month-9", "--model"]);
    let model_path = temp_file("month9-model.json", &model);
    // Against itself, by case id and by file.
    for m in ["techserve-month-9", model_path.as_str()] {
        let out = ok(&["compare", &model_path, m]);
        assert!(out.starts_with("Score 100 of 100 over 70 items"), "{out}");
    }
    // The month 1 answers against month 9: a low score, items to review with explanations.
    let out = json(&ok(&[
        "compare",
        &fixture("techserve-month1.json"),
        "techserve-month-9",
        "--format",
        "json",
    ]));
    assert_eq!(out["compared"], 70);
    assert!(out["score"].as_f64().unwrap() < 50.0);
    let item = out["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item"] == "9.1")
        .unwrap();
    assert_eq!(item["model"]["rating"]["maturity"], 2);
    assert!(item["explanation"].as_str().unwrap().contains("dashboard"));
    // Graded on what an auditor would find, too: every compared item says whether the
    // findings the two answers imply agree.
    assert_eq!(item["model"]["finding"], "minor");
    for i in out["items"].as_array().unwrap() {
        assert!(i["finding_agreement"].is_boolean(), "{i}");
        for side in ["learner", "model"] {
            assert!(
                ["major", "minor", "none"].contains(&i[side]["finding"].as_str().unwrap_or("none")),
                "{i}"
            );
        }
    }
    assert_eq!(
        (out["pass_mark"].as_u64(), out["passed"].as_bool()),
        (Some(70), Some(false))
    );
    // The learner's file from standard input.
    let r = aims_with_stdin(&["compare", "-", "techserve-month-9"], &model);
    assert!(
        r.ok && r.stdout.starts_with("Score 100 of 100"),
        "{}",
        r.stderr
    );
    fails(
        &["compare", &model_path, "no-such-case"],
        "neither a file nor a case",
    );
    fails(
        &[
            "compare",
            &fixture("nist-all-at-target.json"),
            "techserve-month-1",
        ],
        "same framework",
    );
    fails(&["compare", &model_path], "expected 2");
}

#[test]
fn share_round_trips_through_the_command_line() {
    let token = ok(&["share", &fixture("techserve-month1.json")]);
    let token = token.trim();
    assert!(token.starts_with("a1."), "{token}");
    let back = ok(&["share", "--decode", token]);
    let original = std::fs::read_to_string(fixture("techserve-month1.json")).unwrap();
    assert_eq!(assessment(&back), assessment(&original));
    // A whole link, and from standard input.
    let link = format!("https://aims.example/#/share/{token}");
    assert_eq!(
        assessment(&ok(&["share", "--decode", &link])),
        assessment(&original)
    );
    let r = aims_with_stdin(&["share", "--decode", "-"], &format!("{token}\n"));
    assert!(r.ok, "{}", r.stderr);
    fails(&["share", "--decode", "a1.QUJD!EF"], "'!' at position 4");
    fails(
        &["share", "--decode", "a2.QUJD"],
        "version \"2\" is not supported",
    );
    fails(
        &["share", "--decode", "nonsense"],
        "not an AIMS Readiness share link",
    );
}

#[test]
fn export_writes_each_format() {
    let file = fixture("techserve-month1.json");
    let csv = ok(&["export", &file]);
    assert!(csv.starts_with("\u{feff}id,title,kind,applicable,justification,maturity,target,gap,priority,finding,note\r\n"));
    assert_eq!(csv.matches("\r\n").count(), 71);
    let soa = ok(&["export", &file, "--format", "soa"]);
    assert!(soa
        .starts_with("\u{feff}id,title,applicable,justification,reason_for_inclusion,status\r\n"));
    assert_eq!(soa.matches("\r\n").count(), 39);
    let oscal = json(&ok(&[
        "export",
        &file,
        "--format",
        "oscal",
        "--date",
        "2025-06-30",
    ]));
    assert_eq!(
        oscal["assessment-results"]["metadata"]["last-modified"],
        "2025-06-30T00:00:00Z"
    );
    assert_eq!(
        oscal["assessment-results"]["results"][0]["findings"]
            .as_array()
            .unwrap()
            .len(),
        70
    );
    // Without --date, today's date from the clock.
    let today = json(&ok(&["export", &file, "--format", "oscal"]));
    let version = today["assessment-results"]["metadata"]["version"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        version.len() == 10 && version.as_str() > "2025-01-01",
        "{version}"
    );
    let again = ok(&["export", &file, "--format", "json"]);
    assert_eq!(
        assessment(&again),
        assessment(&std::fs::read_to_string(&file).unwrap())
    );
    fails(
        &["export", &file, "--format", "xml"],
        "--format \"xml\" is not valid",
    );
    fails(
        &["export", &file, "--date", "30/06/2025"],
        "--date: \"30/06/2025\" is not a date",
    );
}

#[test]
fn report_is_markdown_with_labelled_estimates() {
    let file = fixture("techserve-month1.json");
    let md = ok(&["report", &file, "--date", "2025-06-30"]);
    assert!(
        md.starts_with("# ISO/IEC 42001 readiness report: TechServe Solutions\n"),
        "{md}"
    );
    for part in [
        "| Date | 2025-06-30 |",
        "## Findings",
        "## Gaps",
        "## Statement of Applicability",
        "## Roadmap to certification (estimate)",
        "## NIST AI RMF coverage",
    ] {
        assert!(md.contains(part), "{part}");
    }
    assert!(!md.contains("Return on investment"));
    let with_roi = ok(&["report", &file, "--date", "2025-06-30", "--roi"]);
    assert!(with_roi.contains("## Return on investment of certification (estimate)"));
    assert!(with_roi.contains("Estimate from stated assumptions"));
    let inputs = temp_file("roi.json", r#"{"currency": "CHF"}"#);
    let with_input = ok(&[
        "report",
        &file,
        "--date",
        "2025-06-30",
        "--roi-input",
        &inputs,
    ]);
    assert!(with_input.contains(" CHF |"));
    let bad = temp_file("bad-roi.json", r#"{"curency": "CHF"}"#);
    fails(&["report", &file, "--roi-input", &bad], "--roi-input");
}

#[test]
fn catalog_iso42001_as_oscal() {
    let v = json(&ok(&["catalog", "iso42001", "--format", "oscal"]));
    assert_eq!(v["catalog"]["metadata"]["oscal-version"], "1.1.2");
    assert_eq!(v["catalog"]["groups"].as_array().unwrap().len(), 16);
    fails(
        &["catalog", "nist-ai-rmf", "--format", "oscal"],
        "iso42001 catalog only",
    );
}

const COMMANDS: [&str; 9] = [
    "catalog",
    "score",
    "crosswalk",
    "roi",
    "export",
    "report",
    "cases",
    "compare",
    "share",
];

#[test]
fn help_lists_every_command_with_its_usage() {
    let help = ok(&["--help"]);
    for cmd in COMMANDS {
        assert!(help.contains(&format!("\n    {cmd} ")), "{cmd}");
    }
    for usage in [
        "export FILE [--format csv|soa|oscal|json] [--date YYYY-MM-DD]",
        "report FILE [--date YYYY-MM-DD] [--roi] [--roi-input FILE]",
        "cases [ID] [--format json|text]",
        "compare LEARNER MODEL [--format json|text] [--pass-mark N]",
        "share [FILE] [--decode TOKEN]",
        "[--format csv|json|oscal]",
    ] {
        assert!(help.contains(usage), "{usage}");
    }
}

/// The options a command's help lists, as `--name`.
fn options_in(help: &str) -> Vec<String> {
    let table = help.split("\nOPTIONS:\n").nth(1).unwrap();
    table
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--"))
        .map(|l| format!("--{}", l.split_whitespace().next().unwrap()))
        .collect()
}

#[test]
fn every_command_has_its_own_help_and_accepts_exactly_what_it_lists() {
    let all = ok(&["--help"]);
    for cmd in COMMANDS {
        let own = ok(&[cmd, "--help"]);
        assert!(
            own.starts_with(&format!("aims {cmd}: usage\n\n{cmd}")),
            "{own}"
        );
        // The same text through `aims help <cmd>` and with -h after other arguments.
        assert_eq!(ok(&["help", cmd]), own);
        assert_eq!(ok(&[cmd, "FILE", "-h"]), own, "-h after other arguments");
        assert!(own.contains("-h, --help"), "{own}");
        // Every option listed is one the command parses (a missing value or a bad file is
        // another error, never "unknown option"), and `aims --help` shows the same ones.
        let options = options_in(&own);
        for option in &options {
            let r = aims(&[cmd, option.as_str()]);
            assert!(
                !r.stderr.contains("unknown option"),
                "{cmd} {option}: {}",
                r.stderr
            );
            assert!(
                all.contains(&format!("[{option}")),
                "{option} in aims --help"
            );
        }
        let refused = aims(&[cmd, "--no-such-option"]);
        assert_eq!(refused.code, Some(2));
        let expected = if options.is_empty() {
            "this command takes no options".to_string()
        } else {
            format!("expected one of {}", options.join(", "))
        };
        assert!(
            refused.stderr.contains(&expected),
            "{cmd}: {}",
            refused.stderr
        );
    }
    fails(&["help", "frobnicate"], "unknown command \"frobnicate\"");
}

#[test]
fn defaults_in_the_help_are_the_engine_defaults() {
    let defaults = aims_engine::roi::RoiInputs::default().monte_carlo;
    let roi = ok(&["roi", "--help"]);
    assert!(
        roi.contains(&format!("(default: {})", defaults.seed)),
        "{roi}"
    );
    assert!(
        roi.contains(&format!("(default: {})", defaults.trials)),
        "{roi}"
    );
    let compare = ok(&["compare", "--help"]);
    let pass_mark = aims_engine::training::DEFAULT_PASS_MARK;
    assert!(
        compare.contains(&format!("(default: {pass_mark})")),
        "{compare}"
    );
}

const PLAN_FILE: &str = r#"{"format": "aims-assessment", "version": 2,
  "organisation": {"name": "Plan Ltd"},
  "answers": {
    "5.2": {"maturity": 0, "owner": "CEO", "due": "2025-05-31"},
    "6.1.2": {"maturity": 1, "owner": "=Risk", "due": "2025-09-30", "status": "in_progress"},
    "7.2": {"maturity": 2, "due": "2025-08-01"}
  }}"#;

#[test]
fn plan_json_flags_overdue_actions_against_the_date() {
    let r = aims_with_stdin(&["plan", "-", "--date", "2025-06-30"], PLAN_FILE);
    assert!(r.ok, "{}", r.stderr);
    let out = r.stdout;
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["today"], "2025-06-30");
    assert_eq!(v["summary"]["overdue"], 1);
    assert_eq!(v["actions"][0]["item"], "5.2");
    assert_eq!(v["actions"][0]["overdue"], true);
    assert_eq!(v["actions"][1]["status"], "in_progress");
}

#[test]
fn plan_orders_and_formats() {
    let r = aims_with_stdin(
        &[
            "plan",
            "-",
            "--date",
            "2025-06-30",
            "--order",
            "due",
            "--format",
            "csv",
        ],
        PLAN_FILE,
    );
    assert!(r.ok);
    let out = r.stdout;
    let rows: Vec<&str> = out.trim_end().split("\r\n").collect();
    assert!(rows[0].starts_with("\u{feff}priority,item,"));
    assert!(rows[1].contains(",5.2,") && rows[2].contains(",7.2,") && rows[3].contains(",6.1.2,"));
    assert!(out.contains(",'=Risk,"), "formula neutralised");
    let r = aims_with_stdin(
        &["plan", "-", "--date", "2025-06-30", "--format", "ics"],
        PLAN_FILE,
    );
    assert!(r.ok);
    let out = r.stdout;
    assert_eq!(out.matches("BEGIN:VEVENT").count(), 3);
    assert!(out.contains("DTSTART;VALUE=DATE:20250531\r\n"));
    let r = aims_with_stdin(
        &["plan", "-", "--date", "2025-06-30", "--format", "oscal"],
        PLAN_FILE,
    );
    assert!(r.ok);
    let out = r.stdout;
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["plan-of-action-and-milestones"]["poam-items"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn plan_refuses_bad_options() {
    let r = aims_with_stdin(&["plan", "-", "--date", "2025-02-30"], PLAN_FILE);
    assert!(!r.ok);
    assert!(r.stderr.contains("--date"), "{}", r.stderr);
    let r = aims_with_stdin(&["plan", "-", "--order", "size"], PLAN_FILE);
    assert!(!r.ok);
    assert!(
        r.stderr
            .contains("--order \"size\" is not valid; expected one of priority, due, owner"),
        "{}",
        r.stderr
    );
    let r = aims_with_stdin(&["plan", "--help"], "");
    assert!(r.ok && r.stdout.contains("--order priority|due|owner"));
}
