//! Exports: the CSV files parse back (with the `csv` crate) to the assessment's values, the
//! Statement of Applicability lists the 38 controls, the OSCAL documents are well formed and
//! deterministic, and the Markdown report of a case is snapshotted.
//!
//! The OSCAL documents of the reference fixtures and the training cases are also written to
//! `<target>/oscal/` (`$CARGO_TARGET_DIR`, else the workspace's `target/`), where
//! `tests/oscal/validate.py` checks them with compliance-trestle (run by `./x test`).

#![allow(clippy::unwrap_used)]

use aims_engine::assessment::{Answer, Answers, Assessment};
use aims_engine::catalog::IsoId;
use aims_engine::export::ics;
use aims_engine::export::oscal::{self, control_id, objective_id};
use aims_engine::export::{items_csv, markdown_report, soa_csv, ReportDate, ReportOptions};
use aims_engine::plan::plan;
use aims_engine::readiness::score;
use aims_engine::training::{case, cases};
use expect_test::expect_file;
use serde_json::Value;
use std::collections::HashSet;

fn fixture(name: &str) -> Assessment {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    Assessment::read(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .0
}

fn date() -> ReportDate {
    ReportDate::parse("2025-06-30").unwrap()
}

/// An assessment with text that needs quoting, exclusions (justified and not), evidence and
/// unassessed items.
fn tricky() -> Assessment {
    let id = |s| IsoId::parse(s).unwrap();
    let mut answers = std::collections::BTreeMap::new();
    answers.insert(
        id("4.1"),
        Answer {
            note: Some("Context, \"SWOT\" and PESTLE;\r\nreviewed | yearly — ünïcödé".to_string()),
            evidence: vec![
                "https://intranet.example/context".to_string(),
                "Minutes, 2025-03".to_string(),
            ],
            ..Answer::rated(2)
        },
    );
    answers.insert(id("5.2"), Answer::rated(4));
    answers.insert(
        id("A.7.3"),
        Answer::excluded("We acquire no data, \"none\", at all"),
    );
    answers.insert(
        id("A.10.4"),
        Answer {
            applicable: false,
            ..Answer::default()
        },
    );
    answers.insert(
        id("A.6.2.4"),
        Answer {
            target: Some(5),
            ..Answer::rated(3)
        },
    );
    let mut a = Assessment {
        answers: Answers::Iso42001(answers),
        ..Assessment::default()
    };
    a.organisation.name = Some("  ".to_string());
    a
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(text.starts_with('\u{feff}'), "UTF-8 byte-order mark");
    assert!(text.ends_with("\r\n"));
    let body = text.trim_start_matches('\u{feff}');
    // Every record ends with CRLF: no bare LF outside quoted fields.
    let mut reader = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn items_csv_parses_back_to_the_same_values() {
    for a in [
        fixture("techserve-month1"),
        fixture("issue-example"),
        tricky(),
        case("hospital-triage").unwrap().model(),
    ] {
        let (header, rows) = csv_rows(&items_csv(&a));
        assert_eq!(
            header,
            [
                "id",
                "title",
                "kind",
                "applicable",
                "justification",
                "maturity",
                "target",
                "gap",
                "priority",
                "finding",
                "note"
            ]
        );
        assert_eq!(rows.len(), 70);
        let report = score(&a);
        let answers = a.iso_answers().unwrap();
        for (row, id) in rows.iter().zip(IsoId::assessable()) {
            let item = id.item();
            let answer = answers.get(&id);
            let text = |f: Option<&String>| f.cloned().unwrap_or_default();
            assert_eq!(row[0], item.id);
            assert_eq!(row[1], item.title);
            assert_eq!(row[2], item.kind.as_str());
            let applicable = answer.is_none_or(|x| x.applicable || !id.is_annex_a());
            assert_eq!(row[3], if applicable { "yes" } else { "no" }, "{id}");
            assert_eq!(row[4], text(answer.and_then(|x| x.justification.as_ref())));
            let justly_excluded = !applicable && answer.and_then(|x| x.justification()).is_some();
            let maturity = answer
                .and_then(Answer::maturity)
                .filter(|_| !justly_excluded);
            assert_eq!(
                row[5],
                maturity.map(|m| m.to_string()).unwrap_or_default(),
                "{id}"
            );
            let target = answer.map_or(3, Answer::target);
            assert_eq!(row[6], target.to_string());
            assert_eq!(
                row[7],
                maturity
                    .map(|m| target.saturating_sub(m).to_string())
                    .unwrap_or_default(),
                "{id}"
            );
            let gap = report
                .gaps
                .iter()
                .chain(&report.ambition_gaps)
                .find(|g| g.item == id);
            assert_eq!(row[8], gap.map_or("", |g| g.priority.as_str()), "{id}");
            let finding = report.findings.iter().find(|f| f.items().any(|i| i == id));
            assert_eq!(
                row[9],
                finding.map_or(String::new(), |f| format!(
                    "{} ({})",
                    f.severity.as_str(),
                    f.reason.rule()
                )),
                "{id}"
            );
            assert_eq!(row[10], text(answer.and_then(|x| x.note.as_ref())), "{id}");
        }
    }
}

#[test]
fn soa_csv_lists_the_38_controls_with_their_status() {
    let a = tricky();
    let (header, rows) = csv_rows(&soa_csv(&a));
    assert_eq!(
        header,
        [
            "id",
            "title",
            "applicable",
            "justification",
            "reason_for_inclusion",
            "status"
        ]
    );
    assert_eq!(rows.len(), 38);
    let row = |id: &str| rows.iter().find(|r| r[0] == id).unwrap();
    assert_eq!(
        row("A.7.3")[2..],
        ["no", "We acquire no data, \"none\", at all", "", "excluded"]
    );
    assert_eq!(row("A.10.4")[2], "no");
    assert_eq!(row("A.10.4")[5], "exclusion_not_justified");
    // Status is judged against level 3, whatever the target.
    assert_eq!(row("A.6.2.4")[5], "implemented");
    assert_eq!(row("A.2.2")[5], "not_assessed");
    assert!(row("A.2.2")[4].starts_with("Included because "));
    let hospital = case("hospital-triage").unwrap().model();
    let (_, rows) = csv_rows(&soa_csv(&hospital));
    assert_eq!(rows.iter().filter(|r| r[5] == "excluded").count(), 6);
}

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && b[14] == b'5'
        && matches!(b[19], b'8' | b'9' | b'a' | b'b')
        && s.chars()
            .enumerate()
            .all(|(i, c)| [8, 13, 18, 23].contains(&i) || c.is_ascii_hexdigit())
}

fn uuids(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "uuid" {
                    out.push(x.as_str().unwrap().to_string());
                }
                uuids(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| uuids(x, out)),
        _ => {}
    }
}

#[test]
fn oscal_assessment_results_follow_the_mapping() {
    let text = oscal::assessment_results(&tricky(), date());
    let v: Value = serde_json::from_str(&text).unwrap();
    let ar = &v["assessment-results"];
    assert_eq!(ar["metadata"]["oscal-version"], "1.1.2");
    assert_eq!(ar["metadata"]["last-modified"], "2025-06-30T00:00:00Z");
    // The import-ap link resolves to the back-matter resource that describes the plan.
    let href = ar["import-ap"]["href"].as_str().unwrap();
    assert_eq!(
        &href[1..],
        ar["back-matter"]["resources"][0]["uuid"].as_str().unwrap()
    );
    let result = &ar["results"][0];
    let selection = &result["reviewed-controls"]["control-selections"][0];
    let ids = |key: &str| -> Vec<String> {
        selection[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["control-id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids("include-controls"),
        ["clause-4.1", "clause-5.2", "a.6.2.4", "a.10.4"]
    );
    assert_eq!(ids("exclude-controls"), ["a.7.3"]);
    let observations = result["observations"].as_array().unwrap();
    let findings = result["findings"].as_array().unwrap();
    assert_eq!((observations.len(), findings.len()), (5, 4));
    let finding = |id: IsoId| {
        findings
            .iter()
            .find(|f| f["target"]["target-id"] == objective_id(id))
            .unwrap()
    };
    let state = |s: &str| {
        finding(IsoId::parse(s).unwrap())["target"]["status"]["state"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        [
            state("4.1"),
            state("5.2"),
            state("A.6.2.4"),
            state("A.10.4")
        ],
        // A.6.2.4 at 3 with a target of 5: conformity, an ambition gap only.
        ["not-satisfied", "satisfied", "satisfied", "not-satisfied"]
    );
    let prop = |o: &Value, name: &str| {
        o["props"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .map(|p| {
                assert_eq!(p["ns"], oscal::NS);
                p["value"].as_str().unwrap().to_string()
            })
    };
    let obs_41 = observations
        .iter()
        .find(|o| o["title"].as_str().unwrap().starts_with("4.1 "))
        .unwrap();
    assert_eq!(prop(obs_41, "maturity").as_deref(), Some("2"));
    assert_eq!(prop(obs_41, "target").as_deref(), Some("3"));
    assert_eq!(prop(obs_41, "applicable").as_deref(), Some("true"));
    assert_eq!(obs_41["methods"][0], "EXAMINE");
    assert_eq!(
        obs_41["relevant-evidence"][0]["href"],
        "https://intranet.example/context"
    );
    assert!(obs_41["relevant-evidence"][1].get("href").is_none());
    assert_eq!(
        prop(finding(IsoId::parse("A.10.4").unwrap()), "rule").as_deref(),
        Some("unjustified_exclusion")
    );
    let mut all = Vec::new();
    uuids(&v, &mut all);
    assert!(all.iter().all(|u| is_uuid(u)), "{all:?}");
    assert_eq!(
        all.len(),
        all.iter().collect::<HashSet<_>>().len(),
        "UUIDs are unique"
    );
    // A blank organisation name gives no party, and the title has no name.
    assert!(ar["metadata"].get("parties").is_none());
}

#[test]
fn oscal_documents_are_deterministic_and_name_their_content() {
    let a = fixture("techserve-month1");
    let once = oscal::assessment_results(&a, date());
    assert_eq!(once, oscal::assessment_results(&a, date()));
    let other_day = oscal::assessment_results(&a, ReportDate::parse("2025-07-01").unwrap());
    let uuid =
        |t: &str| serde_json::from_str::<Value>(t).unwrap()["assessment-results"]["uuid"].clone();
    assert_ne!(uuid(&once), uuid(&other_day));
    assert_ne!(
        uuid(&once),
        uuid(&oscal::assessment_results(&fixture("one-below"), date()))
    );
    assert_eq!(oscal::catalog(), oscal::catalog());
    let catalog: Value = serde_json::from_str(&oscal::catalog()).unwrap();
    assert!(is_uuid(catalog["catalog"]["uuid"].as_str().unwrap()));
    let mut all = Vec::new();
    uuids(&catalog, &mut all);
    assert_eq!(all.len(), 1);
    let text = catalog.to_string();
    for id in IsoId::assessable() {
        assert!(text.contains(&format!("\"{}\"", control_id(id))), "{id}");
    }
}

/// An assessment whose only answer is a control excluded with a justification.
fn only_excluded() -> Assessment {
    let mut answers = std::collections::BTreeMap::new();
    answers.insert(
        IsoId::parse("A.7.3").unwrap(),
        Answer::excluded("We acquire no data"),
    );
    Assessment {
        answers: Answers::Iso42001(answers),
        ..Assessment::default()
    }
}

/// OSCAL 1.2 requires a control selection to include something (`include-all` or a non-empty
/// `include-controls`): with no item in scope yet, the selection includes the whole catalog,
/// and still excludes the justified exclusions; once an item is rated, only the list is given.
#[test]
fn oscal_control_selection_always_includes_something() {
    let selection = |a: &Assessment| -> Value {
        let v: Value = serde_json::from_str(&oscal::assessment_results(a, date())).unwrap();
        v["assessment-results"]["results"][0]["reviewed-controls"]["control-selections"][0].clone()
    };
    let empty = selection(&Assessment::default());
    assert_eq!(empty["include-all"], serde_json::json!({}));
    assert!(empty.get("include-controls").is_none());
    assert!(empty.get("exclude-controls").is_none());
    let excluded = selection(&only_excluded());
    assert_eq!(excluded["include-all"], serde_json::json!({}));
    assert_eq!(excluded["exclude-controls"][0]["control-id"], "a.7.3");
    assert!(excluded.get("include-controls").is_none());
    let rated = selection(&tricky());
    assert!(rated.get("include-all").is_none());
    assert_eq!(rated["include-controls"].as_array().unwrap().len(), 4);
}

/// Writes the documents the trestle check validates.
#[test]
fn oscal_documents_for_validation_are_written_to_target() {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let dir = target.join("oscal");
    std::fs::create_dir_all(&dir).unwrap();
    // Documents of an earlier run (a renamed fixture) would be validated too: start clean.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            std::fs::remove_file(path).unwrap();
        }
    }
    std::fs::write(dir.join("catalog-iso42001.json"), oscal::catalog()).unwrap();
    let mut written = 1;
    let fixtures = [
        "techserve-month1",
        "all-zero",
        "all-at-target",
        "one-below",
        "issue-example",
        "nist-all-at-target",
    ];
    let mut docs: Vec<(String, Assessment)> = fixtures
        .iter()
        .map(|f| (f.to_string(), fixture(f)))
        .collect();
    docs.extend(
        cases()
            .iter()
            .map(|c| (format!("case-{}", c.id), c.model())),
    );
    docs.push(("tricky".to_string(), tricky()));
    docs.push(("hostile".to_string(), hostile()));
    docs.push(("empty".to_string(), Assessment::default()));
    docs.push(("only-excluded".to_string(), only_excluded()));
    docs.push(("planned".to_string(), planned()));
    for (name, a) in docs {
        let text = oscal::assessment_results(&a, date());
        serde_json::from_str::<Value>(&text).unwrap();
        std::fs::write(dir.join(format!("assessment-results-{name}.json")), text).unwrap();
        // The action plan of the same assessment, as a plan of action and milestones.
        let poam = oscal::poam(&plan(&a, date()), &a.to_json());
        serde_json::from_str::<Value>(&poam).unwrap();
        std::fs::write(dir.join(format!("poam-{name}.json")), poam).unwrap();
        written += 2;
    }
    assert_eq!(written, 1 + 2 * (fixtures.len() + cases().len() + 5));
}

#[test]
fn markdown_report_of_month_9() {
    let a = case("techserve-month-9").unwrap().model();
    let md = markdown_report(
        &a,
        &ReportOptions {
            date: Some(date()),
            roi: None,
        },
    );
    assert!(md.contains("| Date | 2025-06-30 |"));
    assert!(md.contains("**Verdict: Ready with corrective actions.**"));
    assert!(md.contains("(estimate)"));
    assert!(!md.contains("Return on investment"), "no ROI unless passed");
    expect_file!["snapshots/techserve-month-9.report.md"].assert_eq(&md);
}

#[test]
fn markdown_report_labels_the_roi_estimate() {
    let c = case("startup-certify").unwrap();
    let a = c.model();
    let inputs = aims_engine::roi::prepare(&aims_engine::roi::RoiRequest {
        inputs: c.roi_inputs(),
        assessment: Some(&a),
        ..Default::default()
    })
    .unwrap()
    .inputs;
    let roi = aims_engine::roi::run(&inputs).unwrap();
    let md = markdown_report(
        &a,
        &ReportOptions {
            date: None,
            roi: Some(&roi),
        },
    );
    assert!(md.contains("| Date | not given |"));
    let section = &md[md
        .find("## Return on investment of certification (estimate)")
        .unwrap()..];
    assert!(section.contains(aims_engine::roi::ESTIMATE_LABEL));
    assert!(section.contains("| Total cost |") && section.contains(" EUR |"));
    assert!(
        section.contains("case briefing"),
        "assumptions carry their sources"
    );
    // Every table row has the same number of cells as its header (no stray `|`).
    for table in md.split("\n\n").filter(|b| b.starts_with('|')) {
        let cells = |l: &str| l.matches('|').count() - l.matches("\\|").count();
        let mut lines = table.lines();
        let n = cells(lines.next().unwrap());
        assert!(lines.all(|l| cells(l) == n), "{table}");
    }
}

#[test]
fn a_nist_assessment_is_exported_through_the_crosswalk() {
    let a = fixture("nist-all-at-target");
    let (_, rows) = csv_rows(&items_csv(&a));
    assert_eq!(rows.len(), 70);
    assert!(
        rows.iter().any(|r| !r[5].is_empty()),
        "inferred maturities are exported"
    );
    let md = markdown_report(&a, &ReportOptions::default());
    assert!(md.contains("NIST AI RMF, read as ISO/IEC 42001 through the crosswalk"));
}

/// What a hostile user could type into each free-text field: spreadsheet formulas, HTML,
/// Markdown links, images and autolinks, entities, control and line-separator characters.
const HOSTILE: &[&str] = &[
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\tTAB=1+1",
    "\r=1+1",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1)) ![i](http://evil.example/i.png)",
    "<http://evil.example> https://evil.example www.evil.example a@evil.example",
    "&lt;b&gt; `code` **bold** | cell",
    "line\nbreak\u{2028}sep\u{0}nul\\",
];

/// An assessment with [`HOSTILE`] text in every free-text field: the organisation's name,
/// sector and certifications, and the notes, justifications and evidence of items.
fn hostile() -> Assessment {
    let mut answers = std::collections::BTreeMap::new();
    let rated = IsoId::assessable().filter(|i| !i.is_annex_a());
    for (id, s) in rated.zip(HOSTILE.iter().cycle()) {
        answers.insert(
            id,
            Answer {
                note: Some(s.to_string()),
                evidence: vec![s.to_string()],
                ..Answer::rated(1)
            },
        );
    }
    // Controls a clause requires cannot be excluded: they carry the hostile text as their
    // reason for inclusion instead.
    let controls = IsoId::assessable().filter(|i| i.is_annex_a());
    for (id, s) in controls.zip(HOSTILE.iter().cycle()) {
        let answer = if aims_engine::catalog::ExclusionLimit::of(id).is_some() {
            Answer {
                reason: Some(s.to_string()),
                ..Answer::rated(2)
            }
        } else {
            Answer::excluded(s)
        };
        answers.insert(id, answer);
    }
    let mut a = Assessment {
        answers: Answers::Iso42001(answers),
        ..Assessment::default()
    };
    a.organisation.name = Some(HOSTILE[6].to_string());
    a.organisation.sector = Some(HOSTILE[8].to_string());
    a.organisation.certifications = HOSTILE.iter().map(|s| s.to_string()).collect();
    a
}

/// Fails on any link, image, HTML, code or line break that `md` produces when rendered as
/// CommonMark with raw HTML allowed (tables and strikethrough on).
fn assert_inert_markdown(md: &str, what: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("{what}: HTML {h:?}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("{what}: link to {dest_url}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("{what}: image {dest_url}"),
            Event::Code(c) => panic!("{what}: code {c:?}"),
            _ => {}
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(md, opts));
    for tag in ["<a ", "<img", "<script"] {
        assert!(!html.contains(tag), "{what}: {tag} in the rendered HTML");
    }
}

#[test]
fn hostile_text_cannot_become_a_formula_in_the_csv_files() {
    let a = hostile();
    let formula = |c: &str| c.starts_with(['=', '+', '-', '@', '\t', '\r']);
    for (name, text) in [("items", items_csv(&a)), ("soa", soa_csv(&a))] {
        let (_, rows) = csv_rows(&text);
        let mut seen = 0;
        for row in &rows {
            for cell in row {
                assert!(!formula(cell), "{name}: {cell:?} would be a formula");
                if let Some(rest) = cell.strip_prefix('\'') {
                    // The text is kept as written after the quote.
                    assert!(HOSTILE.contains(&rest), "{name}: {cell:?}");
                    seen += 1;
                }
            }
        }
        assert!(
            seen >= 6,
            "{name}: the formula strings were written ({seen})"
        );
    }
    // The notes and justifications are still there, readable, after the quote.
    let (_, rows) = csv_rows(&items_csv(&a));
    assert_eq!(rows[0][10], format!("'{}", HOSTILE[0]));
    assert_eq!(rows[6][10], HOSTILE[6]);
}

#[test]
fn hostile_text_renders_as_text_in_the_markdown_report() {
    let a = hostile();
    let c = case("startup-certify").unwrap();
    let mut inputs = aims_engine::roi::prepare(&aims_engine::roi::RoiRequest {
        inputs: c.roi_inputs(),
        assessment: Some(&a),
        ..Default::default()
    })
    .unwrap()
    .inputs;
    inputs.currency = HOSTILE[7].to_string();
    let roi = aims_engine::roi::run(&inputs).unwrap();
    let md = markdown_report(
        &a,
        &ReportOptions {
            date: Some(date()),
            roi: Some(&roi),
        },
    );
    assert_inert_markdown(&md, "report");
    assert!(
        md.contains("\\<script\\>alert(1)\\</script\\>"),
        "the name is shown"
    );
    // Every table row keeps the cells of its header.
    for table in md.split("\n\n").filter(|b| b.starts_with('|')) {
        let cells = |l: &str| l.matches('|').count() - l.matches("\\|").count();
        let mut lines = table.lines();
        let n = cells(lines.next().unwrap());
        assert!(lines.all(|l| cells(l) == n), "{table}");
    }
}

#[test]
fn hostile_text_is_escaped_in_oscal() {
    let a = hostile();
    let text = oscal::assessment_results(&a, date());
    // JSON escaping: the document parses and the plain-text party name is exactly as typed.
    let doc: Value = serde_json::from_str(&text).unwrap();
    let results = &doc["assessment-results"];
    assert_eq!(results["metadata"]["parties"][0]["name"], HOSTILE[6]);
    // Markup fields (OSCAL renders them as Markdown) carry the text escaped.
    let mut markup = vec![results["metadata"]["title"].as_str().unwrap().to_string()];
    for o in results["results"][0]["observations"].as_array().unwrap() {
        markup.push(o["description"].as_str().unwrap().to_string());
        for e in o["relevant-evidence"].as_array().into_iter().flatten() {
            markup.push(e["description"].as_str().unwrap().to_string());
            if let Some(href) = e["href"].as_str() {
                assert!(href.starts_with("http"), "only http(s) evidence is a link");
            }
        }
    }
    assert!(markup.len() > 40);
    for m in &markup {
        assert_inert_markdown(m, "OSCAL markup");
    }
}

#[test]
fn hostile_text_survives_a_share_link_unchanged() {
    let a = hostile();
    let link = aims_engine::share::encode(&a).unwrap();
    let (back, diagnostics) = aims_engine::share::decode(&link).unwrap();
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(back, a);
    assert_eq!(back.organisation.name.as_deref(), Some(HOSTILE[6]));
}

/// The UUIDs of the OSCAL documents are pinned: a change of how they are derived would give an
/// organisation's already exported documents new identities. (An assessment's document UUID
/// names its content as written: the format's version 2 writes a version-1 file anew, so the
/// results' UUIDs were re-pinned then; the catalog's did not change.)
#[test]
fn oscal_uuids_stay_the_same_from_release_to_release() {
    let results: Value = serde_json::from_str(&oscal::assessment_results(
        &fixture("techserve-month1"),
        date(),
    ))
    .unwrap();
    let mut all = Vec::new();
    uuids(&results, &mut all);
    let catalog: Value = serde_json::from_str(&oscal::catalog()).unwrap();
    uuids(&catalog, &mut all);
    let pinned = [
        all[0].as_str(),
        all[1].as_str(),
        all[all.len() - 1].as_str(),
    ];
    assert_eq!(all.len(), 145);
    assert_eq!(
        pinned,
        [
            "2ee33530-ba35-57af-858d-23dfb3b65352",
            "62c8505a-22cf-502d-a8dd-81df44833313",
            "7f89db17-7354-54cc-9d9a-a3e054a0e4f9"
        ]
    );
}

/// An assessment with a plan: owners, due dates (one overdue, one not a date), statuses,
/// evidence, two AI systems answered per system, and hostile text in the plan fields.
fn planned() -> Assessment {
    let text = r#"{"format": "aims-assessment", "version": 2,
      "organisation": {"name": "Plan, Inc; \"quoted\""},
      "profile": {"roles": ["ai_provider"], "systems": [
        {"id": "bot", "name": "Support bot", "origin": "supplied", "stage": "deployed"},
        {"id": "cv", "name": "=CV screening", "origin": "in_house", "stage": "development"}]},
      "answers": {
        "5.2": {"maturity": 0, "owner": "=CEO()", "due": "2025-05-31", "status": "in_progress"},
        "6.1.2": {"maturity": 1, "owner": "Risk lead", "due": "2025-09-30", "evidence": ["risk-method.pdf", "@SUM(A1)"]},
        "A.5.2": {"maturity": 3, "systems": {"bot": {"maturity": 2}, "cv": {"maturity": 1}}, "owner": "DPO", "due": "2025-07"},
        "A.6.2.4": {"maturity": 2, "due": "soon", "owner": "ML lead, platform; ops"},
        "7.2": {"maturity": 2, "status": "done", "due": "2025-01-15"}
      }}"#;
    let (a, diags) = Assessment::read(text).unwrap();
    assert!(
        diags
            .iter()
            .all(|d| d.severity != aims_engine::assessment::DiagnosticSeverity::Error),
        "{diags:?}"
    );
    a
}

#[test]
fn the_plan_flags_overdue_actions_and_names_systems() {
    let p = plan(&planned(), date()); // 2025-06-30
    let get = |s: &str| p.actions.iter().find(|x| x.item.as_str() == s).unwrap();
    assert!(get("5.2").overdue);
    assert_eq!(get("5.2").days_overdue, 30);
    assert_eq!(
        get("5.2").overdue_text().as_deref(),
        Some("overdue by 30 days")
    );
    let one_day = plan(&planned(), ReportDate::parse("2025-06-01").unwrap());
    let five_two = one_day.actions.iter().find(|x| x.item.as_str() == "5.2");
    assert_eq!(
        five_two.and_then(|x| x.overdue_text()).as_deref(),
        Some("overdue by 1 day")
    );
    assert!(!get("6.1.2").overdue);
    assert_eq!(get("6.1.2").overdue_text(), None);
    assert!(!get("7.2").overdue, "done is never overdue");
    assert_eq!(get("A.5.2").due.unwrap().to_string(), "2025-07-31");
    assert_eq!(get("A.5.2").systems, ["=CV screening"]);
    assert_eq!(get("A.6.2.4").due_as_written.as_deref(), Some("soon"));
    assert_eq!(p.summary.overdue, 1);
    assert_eq!(p.summary.done, 1);
    assert_eq!(p.summary.in_progress, 1);
    // Priority order first: the major on 5.2 leads.
    assert_eq!(p.actions[0].item.as_str(), "5.2");
    let due: Vec<&str> = p
        .sorted(aims_engine::plan::PlanOrder::Due)
        .iter()
        .map(|x| x.item.as_str())
        .collect();
    assert_eq!(&due[..4], ["7.2", "5.2", "A.5.2", "6.1.2"]);
    let owners: Vec<Option<&str>> = p
        .sorted(aims_engine::plan::PlanOrder::Owner)
        .iter()
        .map(|x| x.owner.as_deref())
        .collect();
    assert_eq!(owners[0], Some("=CEO()"));
    assert_eq!(owners.last().copied().flatten(), None, "unassigned last");
}

#[test]
fn the_plan_csv_neutralises_formulas() {
    let text = plan(&planned(), date()).to_csv();
    let (header, rows) = csv_rows(&text);
    assert_eq!(header, aims_engine::plan::CSV_HEADER);
    let formula = |c: &str| c.starts_with(['=', '+', '-', '@', '\t', '\r']);
    for row in &rows {
        for cell in row {
            assert!(!formula(cell), "{cell:?}");
        }
    }
    assert!(text.contains("'=CEO()"));
    assert!(text.contains("risk-method.pdf; @SUM(A1)"));
}

#[test]
fn the_plan_calendar_follows_rfc_5545() {
    let a = planned();
    let cal = ics::calendar(&plan(&a, date()));
    assert!(cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(cal.ends_with("END:VCALENDAR\r\n"));
    assert!(!cal.replace("\r\n", "").contains('\n'), "bare LF");
    for line in cal.split("\r\n") {
        assert!(line.len() <= ics::FOLD_AT, "{} octets: {line}", line.len());
    }
    let unfolded = cal.replace("\r\n ", "");
    // Dated actions not done: 5.2, 6.1.2, A.5.2 (7.2 is done, A.6.2.4 has no date).
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 3);
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20250531\r\nDTEND;VALUE=DATE:20250601"));
    assert!(unfolded.contains("X-WR-CALNAME:ISO/IEC 42001 action plan: Plan\\, Inc\\; \"quoted\""));
    assert!(unfolded.contains("DTSTAMP:20250630T000000Z"));
    // Stable UIDs: the same on another day and after another change.
    let uids = |c: &str| -> Vec<String> {
        c.replace("\r\n ", "")
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    let mut b = a.clone();
    b.organisation.employees = Some(10);
    let later = ReportDate::parse("2025-07-01").unwrap();
    assert_eq!(uids(&cal), uids(&ics::calendar(&plan(&b, later))));
}

#[test]
fn the_poam_is_deterministic_and_carries_the_plan() {
    let a = planned();
    let p = plan(&a, date());
    let text = oscal::poam(&p, &a.to_json());
    assert_eq!(text, oscal::poam(&plan(&a, date()), &a.to_json()));
    let v: Value = serde_json::from_str(&text).unwrap();
    let doc = &v["plan-of-action-and-milestones"];
    assert_eq!(doc["metadata"]["oscal-version"], "1.1.2");
    let items = doc["poam-items"].as_array().unwrap();
    assert_eq!(items.len(), p.actions.len());
    let risks = doc["risks"].as_array().unwrap();
    let risk = |item: &str| {
        risks
            .iter()
            .find(|r| r["props"][0]["value"] == item)
            .unwrap()
    };
    assert_eq!(risk("5.2")["status"], "remediating");
    assert_eq!(risk("5.2")["deadline"], "2025-05-31T23:59:59Z");
    assert_eq!(risk("7.2")["status"], "closed");
    assert_eq!(risk("6.1.2")["status"], "open");
    let first = &items[0];
    assert_eq!(first["related-risks"][0]["risk-uuid"], risk("5.2")["uuid"]);
}

#[test]
fn the_markdown_report_prints_the_plan_with_overdue_actions() {
    let md = markdown_report(
        &planned(),
        &ReportOptions {
            date: Some(date()),
            roi: None,
        },
    );
    let plan = &md[md.find("## Action plan").unwrap()..];
    let plan = &plan[..plan.find("\n## ").unwrap()];
    assert!(plan.contains("1 overdue on 2025-06-30."), "{plan}");
    assert!(
        plan.contains("| 2025-05-31 **overdue by 30 days** | In progress |"),
        "{plan}"
    );
    assert!(plan.contains("soon (not a date)"), "{plan}");
    assert!(plan.contains("risk-method.pdf; \\@SUM(A1)"), "{plan}");
    // Without a date nothing is judged overdue; without plan fields there is no section.
    let undated = markdown_report(
        &planned(),
        &ReportOptions {
            date: None,
            roi: None,
        },
    );
    assert!(undated.contains("no date given, so none is judged overdue."));
    assert!(!undated.contains("overdue by"));
    let bare = markdown_report(
        &fixture("all-zero"),
        &ReportOptions {
            date: None,
            roi: None,
        },
    );
    assert!(!bare.contains("## Action plan"));
}

#[test]
fn the_verdict_reads_the_same_in_the_text_and_the_markdown_report() {
    use aims_engine::scoring::Verdict;
    let all = [
        Verdict::NotReady,
        Verdict::Incomplete,
        Verdict::ReadyWithCorrectiveActions,
        Verdict::Ready,
    ];
    let titles: HashSet<&str> = all.iter().map(|v| v.title()).collect();
    assert_eq!(titles.len(), all.len(), "one wording per verdict");
    let mut seen = HashSet::new();
    let assessments = ["all-zero", "all-at-target", "issue-example"]
        .into_iter()
        .map(fixture)
        .chain(cases().iter().map(|c| c.model()));
    for a in assessments {
        let r = score(&a);
        let words = r.verdict.title();
        let text = r.to_text();
        let md = markdown_report(
            &a,
            &ReportOptions {
                date: Some(date()),
                roi: None,
            },
        );
        assert!(text.contains(&format!("Verdict: {words}")), "{text}");
        assert!(md.contains(&format!("**Verdict: {words}")), "{md}");
        assert!(!text.contains(r.verdict.as_str()) || r.verdict == Verdict::Ready);
        seen.insert(r.verdict);
    }
    assert!(
        seen.len() >= 3,
        "the fixtures cover most verdicts: {seen:?}"
    );
}
