//! `aims score` and `aims crosswalk` on the engine's reference organisations
//! (engine/tests/fixtures/), run as a user would: the built binary, files and standard input.

use crate::util::{aims, aims_with_stdin, fixture, json};

#[test]
fn score_prints_a_text_report_by_default() {
    let r = aims(&["score", &fixture("techserve-month1.json")]);
    assert!(r.ok, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    assert!(
        r.stdout.contains("Verdict: Not ready for certification\n"),
        "{}",
        r.stdout
    );
    assert!(r
        .stdout
        .contains("Roadmap: certification decision in month"));
}

#[test]
fn score_json_has_the_report_keys() {
    let r = aims(&["score", &fixture("all-at-target.json"), "--format", "json"]);
    assert!(r.ok, "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v["verdict"], "ready");
    assert_eq!(v["readiness"], 100.0);
    assert_eq!(v["provisional"], false);
    for key in [
        "management_system",
        "controls",
        "sections",
        "answered",
        "total",
        "findings",
        "gaps",
        "roadmap",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(
        v["statement_of_applicability"].as_array().unwrap().len(),
        38
    );
}

#[test]
fn score_reads_standard_input() {
    let text = std::fs::read_to_string(fixture("one-below.json")).unwrap();
    let r = aims_with_stdin(&["score", "-", "--format=json"], &text);
    assert!(r.ok, "{}", r.stderr);
    assert_eq!(json(&r.stdout)["verdict"], "ready_with_corrective_actions");
}

#[test]
fn warnings_go_to_stderr_and_the_report_is_still_printed() {
    let input = r#"{"format": "aims-assessment", "version": 1, "answers": {"A.10.4": {"applicable": false}, "5.2": {"maturity": 2, "colour": "red"}}}"#;
    let r = aims_with_stdin(&["score", "-"], input);
    assert!(r.ok, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "<stdin>: warning: answer \"5.2\", field \"colour\": unknown field, kept as written but not used\n\
         <stdin>: warning: answer \"A.10.4\", field \"justification\": the control is excluded without a justification; the Statement of Applicability must justify every exclusion, and the report counts this as a minor nonconformity against 6.1.3\n"
    );
    assert!(
        r.stdout
            .contains("Verdict: Not enough answers for a verdict\n"),
        "{}",
        r.stdout
    );
}

/// Each case: the file's text → the exit code and the last line of stderr.
#[test]
fn files_that_fail_to_read_are_refused() {
    let cases: &[(&str, &str)] = &[
        ("", "aims: <stdin>: the file is empty; expected an aims-assessment JSON object"),
        ("{\"format\": \"aims-assessment\",\n \"version\": 1,,}", "aims: <stdin>: not valid JSON at line 2, column 15: key must be a string"),
        (r#"{"format": "aims-assessment", "version": 7}"#, "aims: <stdin>: field \"version\" is 7: this file was written by a newer AIMS Readiness; this one reads versions up to 2. Update AIMS Readiness to open it"),
        (r#"{"format": "aims-assessment", "version": 1, "answers": {"5.2": {"maturity": 6}}}"#, "aims: <stdin>: 1 error in the file (listed above); fix it and run again"),
        (r#"{"format": "aims-assessment", "version": 1, "answers": {"5.2": {"applicable": false}, "A.9": 2}}"#, "aims: <stdin>: 2 errors in the file (listed above); fix them and run again"),
    ];
    for (input, last) in cases {
        for command in ["score", "crosswalk"] {
            let r = aims_with_stdin(&[command, "-"], input);
            assert_eq!(r.code, Some(2), "{command} {input}");
            assert!(r.stdout.is_empty());
            assert_eq!(
                r.stderr.lines().last(),
                Some(*last),
                "{command} {input}: {}",
                r.stderr
            );
        }
    }
    let r = aims_with_stdin(
        &["score", "-"],
        r#"{"format": "aims-assessment", "version": 1, "answers": {"5.2": {"maturity": 6}}}"#,
    );
    assert!(
        r.stderr
            .starts_with("<stdin>: error: answer \"5.2\", field \"maturity\": 6 is out of range"),
        "{}",
        r.stderr
    );
}

#[test]
fn argument_errors_name_the_option() {
    let r = aims(&["score"]);
    assert_eq!(
        r.stderr,
        "aims: expected 1 (assessment file, or - for standard input), got 0 argument(s)\n"
    );
    let r = aims(&["score", "x.json", "--format", "xml"]);
    assert_eq!(
        r.stderr,
        "aims: --format \"xml\" is not valid; expected one of json, text\n"
    );
    let r = aims(&["score", "/nonexistent/x.json"]);
    assert!(
        !r.ok
            && r.stderr
                .starts_with("aims: cannot read /nonexistent/x.json: "),
        "{}",
        r.stderr
    );
    let r = aims(&["crosswalk", &fixture("all-zero.json"), "--to", "nist"]);
    assert_eq!(
        r.stderr,
        "aims: --to \"nist\" is not valid; expected one of nist-ai-rmf, iso42001\n"
    );
    let r = aims(&["crosswalk", &fixture("all-zero.json"), "--to", "iso42001"]);
    assert_eq!(
        r.stderr,
        "aims: --to iso42001: the assessment holds ISO/IEC 42001 answers; this direction of the crosswalk reads NIST AI RMF answers\n"
    );
}

#[test]
fn crosswalk_forward_json_covers_all_72_subcategories() {
    let r = aims(&[
        "crosswalk",
        &fixture("all-at-target.json"),
        "--to",
        "nist-ai-rmf",
    ]);
    assert!(r.ok, "{}", r.stderr);
    let v = json(&r.stdout);
    let subs = v["subcategories"].as_array().unwrap();
    assert_eq!(subs.len(), 72);
    assert!(subs.iter().all(|s| s["coverage"] == 100.0));
    // Covered only where an ISO item contains the subcategory; elsewhere partial.
    let covered: Vec<&str> = subs
        .iter()
        .filter(|s| s["status"] == "covered")
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(covered, ["MAP 1.5", "MEASURE 2.4", "MANAGE 1.3"]);
    assert!(subs
        .iter()
        .all(|s| s["status"] == "covered" || s["status"] == "partial"));
    assert_eq!(v["categories"].as_array().unwrap().len(), 19);
    assert_eq!(v["functions"].as_array().unwrap().len(), 4);
    assert_eq!(v["matrix"]["sections"].as_array().unwrap().len(), 16);
}

#[test]
fn crosswalk_forward_csv_has_one_row_per_subcategory() {
    let r = aims(&[
        "crosswalk",
        &fixture("techserve-month1.json"),
        "--format",
        "csv",
    ]);
    assert!(r.ok, "{}", r.stderr);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "id",
            "function",
            "category",
            "status",
            "coverage",
            "maturity",
            "indicative",
            "jointly_complete",
            "sources",
            "explanation"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 72);
    assert_eq!(&rows[0][0], "GOVERN 1.1");
}

#[test]
fn crosswalk_reverse_infers_iso_and_lists_what_to_assess_directly() {
    let r = aims(&["crosswalk", &fixture("nist-all-at-target.json")]);
    assert!(r.ok, "{}", r.stderr);
    let v = json(&r.stdout);
    let direct: Vec<&str> = v["assess_directly"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert!(!d["reason"].as_str().unwrap().is_empty());
            d["item"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        direct,
        [
            "4.2", "4.3", "4.4", "5.3", "6.1.3", "6.3", "7.5.1", "7.5.2", "7.5.3", "8.1", "9.2.1",
            "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2", "A.3.3"
        ]
    );
    assert_eq!(v["report"]["provisional"], true);
    assert_eq!(v["report"]["inferred"], 52);
    // Every source carries its relationship and rationale.
    for it in v["items"].as_array().unwrap() {
        for s in it["sources"].as_array().unwrap() {
            assert!(s["relationship"].is_string() && s["rationale"].is_string());
        }
    }
    let r = aims(&[
        "crosswalk",
        &fixture("nist-all-at-target.json"),
        "--to",
        "iso42001",
        "--format",
        "csv",
    ]);
    assert!(r.ok, "{}", r.stderr);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(r.stdout.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 70);
    assert_eq!(rows.iter().filter(|r| &r[2] == "no_counterpart").count(), 4);
    assert_eq!(rows.iter().filter(|r| &r[2] == "not_addressed").count(), 14);
    assert_eq!(rows.iter().filter(|r| &r[4] == "true").count(), 52 - 5);
}

#[test]
fn a_file_beyond_the_readers_limit_is_refused_without_reading_it_all() {
    let dir = std::env::temp_dir().join(format!("aims-limit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.json");
    // 20 MB of one answer's note: before the limit this took seconds and printed a report.
    let note = "x".repeat(20 * 1024 * 1024);
    let text = format!(
        r#"{{"format": "aims-assessment", "version": 1, "answers": {{"4.1": {{"maturity": 2, "note": "{note}"}}}}}}"#
    );
    std::fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();
    let t0 = std::time::Instant::now();
    let r = aims(&["score", p]);
    assert!(t0.elapsed() < std::time::Duration::from_secs(2));
    assert!(!r.ok);
    assert_eq!(
        r.stderr,
        format!(
            "aims: {p}: the file is {} bytes; an assessment file may be at most 1048576 bytes (1 MiB), so it was not read\n",
            text.len()
        )
    );
    // The same through standard input: at most the limit plus one byte is read.
    let r = aims_with_stdin(&["score", "-"], &text);
    assert!(
        !r.ok && r.stderr.contains("may be at most 1048576 bytes"),
        "{}",
        r.stderr
    );
    // ROI inputs have their own limit.
    let r = aims(&["roi", "--input", p]);
    assert!(
        !r.ok && r.stderr.contains("at most 65536 bytes (64 KiB)"),
        "{}",
        r.stderr
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn score_lists_the_stage1_checklist_missing_first() {
    let r = aims(&[
        "score",
        &fixture("techserve-month1.json"),
        "--format",
        "json",
    ]);
    assert!(r.ok, "{}", r.stderr);
    let v = json(&r.stdout);
    let list = v["stage1_checklist"].as_array().unwrap();
    assert_eq!(list.len(), 12);
    let rank = |s: &str| match s {
        "missing" => 0,
        "partial" => 1,
        "present" => 2,
        other => panic!("unexpected status {other}"),
    };
    let ranks: Vec<i32> = list
        .iter()
        .map(|e| rank(e["status"].as_str().unwrap()))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert_eq!(list[0]["status"], "missing");
    assert_eq!(list[0]["clauses"][0], "4.3");
    assert!(list[0]["document"].as_str().unwrap().contains("scope"));
    let text = aims(&["score", &fixture("techserve-month1.json")]);
    assert!(
        text.stdout.contains(
            "Stage 1 checklist: documents an auditor looks for (5 missing, 7 partial, 0 present)\n  missing  The scope"
        ),
        "{}",
        text.stdout
    );
}
