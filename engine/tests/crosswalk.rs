//! The crosswalk on the reference organisations: the cases the issue names and snapshots of
//! TechServe in both directions (tests/snapshots/, `UPDATE_EXPECT=1` rewrites them).

// Helpers outside #[test] fns unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use aims_engine::assessment::{Assessment, Framework};
use aims_engine::catalog::{IsoId, Pair, Relationship};
use aims_engine::crosswalk::{
    forward, matrix, reverse, CoverageStatus, Forward, Inference, Matrix, Support,
};
use expect_test::expect_file;
use std::fmt::Write;

fn fixture(name: &str) -> Assessment {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let (a, diags) = Assessment::read(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    a
}

fn statuses(f: &Forward) -> Vec<CoverageStatus> {
    f.subcategories.iter().map(|s| s.status).collect()
}

/// The subcategories with a source that contains them (`superset_of` or `equal`).
const CONTAINED: [&str; 3] = ["MAP 1.5", "MEASURE 2.4", "MANAGE 1.3"];

#[test]
fn iso_all_at_target_covers_only_what_a_containing_item_supports() {
    let f = forward(&fixture("all-at-target.json")).unwrap();
    for s in &f.subcategories {
        let full = s.sources.iter().any(|x| x.support == Support::Full);
        assert_eq!(full, CONTAINED.contains(&s.id.as_str()), "{}", s.id);
        if full {
            assert_eq!(
                (s.status, s.maturity, s.indicative),
                (CoverageStatus::Covered, Some(3), false),
                "{}",
                s.id
            );
        } else {
            // Related items at target are evidence of part of it only.
            assert_eq!(
                (s.status, s.maturity, s.indicative),
                (CoverageStatus::Partial, Some(2), true),
                "{}",
                s.id
            );
        }
        assert!(!s.jointly_complete && s.coverage == 100.0);
    }
    assert!(f
        .functions
        .iter()
        .all(|r| r.status == CoverageStatus::Partial));
}

#[test]
fn every_status_carries_its_sources_with_type_and_rationale() {
    let f = forward(&fixture("techserve-month1.json")).unwrap();
    let json = serde_json::to_value(&f).unwrap();
    for s in json["subcategories"].as_array().unwrap() {
        assert!(s.get("jointly_complete").is_some() && s.get("indicative").is_some());
        for src in s["sources"].as_array().unwrap() {
            let rel = src["relationship"].as_str().unwrap();
            assert!(Relationship::ALL.iter().any(|r| r.as_str() == rel), "{rel}");
            assert!(!src["rationale"].as_str().unwrap().is_empty());
        }
    }
    let r = reverse(&fixture("nist-all-at-target.json")).unwrap();
    let json = serde_json::to_value(&r).unwrap();
    for it in json["items"].as_array().unwrap() {
        for src in it["sources"].as_array().unwrap() {
            assert!(src["relationship"].is_string() && src["rationale"].is_string());
        }
    }
    for d in json["assess_directly"].as_array().unwrap() {
        assert!(d["item"].is_string() && !d["reason"].as_str().unwrap().is_empty());
    }
}

#[test]
fn a_justified_exclusion_removes_that_source_only() {
    // MEASURE 2.4 rests on 9.1, A.6.2.6 (containing it) and A.6.2.8.
    let mut a = fixture("all-at-target.json");
    let id = IsoId::parse("A.6.2.8").unwrap();
    if let aims_engine::assessment::Answers::Iso42001(m) = &mut a.answers {
        let x = m.get_mut(&id).unwrap();
        x.applicable = false;
        x.justification = Some("No logging: the system is a batch report run by hand.".into());
    }
    let f = forward(&a).unwrap();
    let s = f
        .subcategories
        .iter()
        .find(|s| s.id.as_str() == "MEASURE 2.4")
        .unwrap();
    assert_eq!(s.status, CoverageStatus::Covered);
    assert!(s.sources.iter().any(|x| x.item == id && x.excluded));
    // A subcategory resting only on partial items keeps its reading from the others.
    let s = f
        .subcategories
        .iter()
        .find(|s| s.id.as_str() == "MEASURE 3.2")
        .unwrap();
    assert_eq!((s.status, s.maturity), (CoverageStatus::Partial, Some(2)));
}

#[test]
fn an_empty_assessment_leaves_everything_unknown() {
    let f = forward(&Assessment::default()).unwrap();
    assert_eq!(statuses(&f), vec![CoverageStatus::Unknown; 72]);
    assert!(f
        .subcategories
        .iter()
        .all(|s| s.maturity.is_none() && s.coverage == 0.0));
    assert!(f
        .functions
        .iter()
        .all(|r| r.status == CoverageStatus::Unknown && r.unknown == r.total));
}

#[test]
fn iso_all_at_zero_covers_nothing() {
    let f = forward(&fixture("all-zero.json")).unwrap();
    assert_eq!(statuses(&f), vec![CoverageStatus::NotCovered; 72]);
    assert!(f
        .functions
        .iter()
        .all(|r| r.status == CoverageStatus::NotCovered && r.coverage == 0.0));
}

/// Items inferred at level 3 from NIST AI RMF answers: those a subcategory contains.
const REVERSE_FULL: [&str; 5] = ["6.1.2", "A.6.1.2", "A.6.2.6", "A.8.3", "A.9.3"];

#[test]
fn nist_at_target_infers_level_3_only_where_a_subcategory_contains_the_item() {
    let r = reverse(&fixture("nist-all-at-target.json")).unwrap();
    let direct: Vec<&str> = r.assess_directly.iter().map(|d| d.item.as_str()).collect();
    assert_eq!(
        direct,
        [
            "4.2", "4.3", "4.4", "5.3", "6.1.3", "6.3", "7.5.1", "7.5.2", "7.5.3", "8.1", "9.2.1",
            "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2", "A.3.3"
        ]
    );
    assert_eq!(r.items.len(), 70);
    for it in &r.items {
        let d = r.assess_directly.iter().find(|d| d.item == it.item);
        match d {
            Some(d) => {
                assert_eq!(it.maturity, None, "{}", it.item);
                assert_eq!(it.assess_directly, Some(d.reason));
                let want = if it.item.not_addressed_by_nist().is_some() {
                    Inference::NotAddressed
                } else {
                    Inference::NoCounterpart
                };
                assert_eq!(it.inference, want, "{}", it.item);
                assert!(it.explanation().to_string().starts_with("Assess directly"));
            }
            None if REVERSE_FULL.contains(&it.item.as_str()) => assert_eq!(
                (it.inference, it.maturity, it.indicative, it.status),
                (Inference::Inferred, Some(3), false, CoverageStatus::Covered),
                "{}",
                it.item
            ),
            None => assert_eq!(
                (it.inference, it.maturity, it.indicative, it.status),
                (Inference::Inferred, Some(2), true, CoverageStatus::Partial),
                "{}",
                it.item
            ),
        }
    }
    // The management-system items stay unassessed: the ordinary rules of scoring apply.
    for id in ["9.2.1", "7.5.3", "10.2"] {
        let id = IsoId::parse(id).unwrap();
        assert!(r.report.not_assessed.contains(&id), "{id}");
        assert!(r
            .items
            .iter()
            .all(|it| it.item != id || it.maturity.is_none()));
    }
    assert!(r.report.provisional);
    assert_eq!(r.report.inferred, 70 - direct.len() as u32);
    assert!(r
        .report
        .gaps
        .iter()
        .all(|g| r.assess_directly.iter().all(|d| d.item != g.item)));
    let not_assessed: Vec<&str> = r.report.not_assessed.iter().map(|i| i.as_str()).collect();
    assert_eq!(not_assessed, direct);
    // Scoring a NIST AI RMF assessment goes through the same inference.
    let scored = aims_engine::readiness::score(&fixture("nist-all-at-target.json"));
    assert_eq!(scored.to_json(), r.report.to_json());
    // Every inferred answer is marked.
    let inferred = r.to_assessment(&fixture("nist-all-at-target.json"));
    let answers = inferred.iso_answers().unwrap();
    assert_eq!(answers.len(), 70 - direct.len());
    assert!(answers.values().all(|a| a.inferred));
}

#[test]
fn a_partial_nist_assessment_infers_nothing_it_cannot_support() {
    let mut a = fixture("nist-all-at-target.json");
    if let aims_engine::assessment::Answers::NistAiRmf(m) = &mut a.answers {
        m.retain(|id, _| id.as_str().starts_with("GOVERN"));
    }
    let r = reverse(&a).unwrap();
    let item = |s: &str| {
        r.items
            .iter()
            .find(|i| i.item == IsoId::parse(s).unwrap())
            .unwrap()
    };
    // A.6.1.2 is contained in GOVERN 1.2, answered at 3: that alone infers level 3, although
    // its partial sources outside GOVERN are unanswered.
    assert_eq!(
        (item("A.6.1.2").maturity, item("A.6.1.2").indicative),
        (Some(3), false)
    );
    // 5.2 rests on GOVERN 1.2, GOVERN 2.3 and MAP 1.3, all partial: MAP 1.3 is unanswered.
    let policy = item("5.2");
    assert_eq!(
        (policy.inference, policy.maturity, policy.status),
        (Inference::NotInferred, None, CoverageStatus::Partial)
    );
    assert!(policy
        .explanation()
        .to_string()
        .contains("MAP 1.3 not assessed"));
    // 5.3 rests on GOVERN 2.1 alone, but the AI RMF does not address it: never inferred.
    assert_eq!(
        (item("5.3").inference, item("5.3").maturity),
        (Inference::NotAddressed, None)
    );
}

#[test]
fn forward_and_reverse_reject_the_other_framework() {
    assert!(forward(&Assessment::new(Framework::NistAiRmf)).is_err());
    assert!(reverse(&Assessment::new(Framework::Iso42001)).is_err());
}

#[test]
fn the_matrix_counts_every_pair_once_per_view() {
    let m = matrix(&Assessment::default());
    let total = |rows: &[aims_engine::crosswalk::MatrixRow]| -> u32 {
        rows.iter().flat_map(|r| &r.cells).map(|c| c.pairs).sum()
    };
    assert_eq!(total(&m.functions), Pair::all().len() as u32);
    assert_eq!(total(&m.categories), Pair::all().len() as u32);
    assert_eq!(
        (m.sections.len(), m.functions.len(), m.categories.len()),
        (16, 4, 19)
    );
    assert!(m
        .functions
        .iter()
        .flat_map(|r| &r.cells)
        .all(|c| c.coverage.is_none()));
}

/// The matrix as a small table: pairs/coverage per cell.
fn matrix_text(m: &Matrix) -> String {
    let mut o = String::new();
    write!(o, "{:<10}", "").unwrap();
    for s in &m.sections {
        write!(o, "{:>9}", s.as_str()).unwrap();
    }
    o.push('\n');
    for r in m.functions.iter().chain(&m.categories) {
        write!(o, "{:<10}", r.id).unwrap();
        for c in &r.cells {
            let cell = match (c.pairs, c.coverage) {
                (0, _) => ".".to_string(),
                (n, None) => format!("{n}/-"),
                (n, Some(cov)) => format!("{n}/{cov:.0}"),
            };
            write!(o, "{cell:>9}").unwrap();
        }
        o.push('\n');
    }
    o
}

#[test]
fn techserve_snapshots() {
    let a = fixture("techserve-month1.json");
    let f = forward(&a).unwrap();
    // expect-test reads snapshot files with LF line ends; the CSV itself ends rows with CRLF.
    expect_file!["snapshots/techserve-month1.nist.csv"]
        .assert_eq(&f.to_csv().replace("\r\n", "\n"));
    let mut rollups = String::new();
    for r in f.functions.iter().chain(&f.categories) {
        writeln!(
            rollups,
            "{:<10} {:>5.1} {:<12} covered {:>2}, partial {:>2}, not covered {:>2}, unknown {:>2}",
            r.id,
            r.coverage,
            r.status.as_str(),
            r.covered,
            r.partial,
            r.not_covered,
            r.unknown
        )
        .unwrap();
    }
    rollups.push('\n');
    rollups.push_str(&matrix_text(&matrix(&a)));
    expect_file!["snapshots/techserve-month1.nist-rollups.txt"].assert_eq(&rollups);
    // Forward then reverse: what NIST alone would let TechServe claim.
    let back = reverse(&f.to_assessment(&a.organisation, a.planning.as_ref())).unwrap();
    expect_file!["snapshots/techserve-month1.round-trip.txt"].assert_eq(&back.report.to_text());
}

#[test]
fn nist_all_at_target_reverse_snapshot() {
    let r = reverse(&fixture("nist-all-at-target.json")).unwrap();
    let mut direct = String::new();
    for d in &r.assess_directly {
        writeln!(direct, "{:<7} {}", d.item.as_str(), d.reason).unwrap();
    }
    expect_file!["snapshots/nist-all-at-target.iso.csv"]
        .assert_eq(&r.to_csv().replace("\r\n", "\n"));
    expect_file!["snapshots/nist-all-at-target.assess-directly.txt"].assert_eq(&direct);
}

#[test]
fn the_heat_map_shades_tell_indicative_from_partial() {
    use aims_engine::crosswalk::Shade;
    let f = forward(&fixture("all-at-target.json")).unwrap();
    for s in &f.subcategories {
        let want = if CONTAINED.contains(&s.id.as_str()) {
            Shade::Covered
        } else {
            Shade::Indicative
        };
        assert_eq!(s.shade(), want, "{}", s.id);
    }
    let f = forward(&fixture("techserve-month1.json")).unwrap();
    let shade = |id: &str| {
        f.subcategories
            .iter()
            .find(|s| s.id.as_str() == id)
            .unwrap()
            .shade()
    };
    // MEASURE 2.4 rests on A.6.2.6, which contains it, at 2 of 3: partial, not indicative.
    assert_eq!(shade("MEASURE 2.4"), Shade::Partial);
    let r = reverse(&fixture("nist-all-at-target.json")).unwrap();
    for it in &r.items {
        let want = if it.assess_directly.is_some() {
            Shade::NotAssessed
        } else if REVERSE_FULL.contains(&it.item.as_str()) {
            Shade::Covered
        } else {
            Shade::Indicative
        };
        assert_eq!(it.shade(), want, "{}", it.item);
    }
    assert_eq!(
        forward(&Assessment::default()).unwrap().subcategories[0].shade(),
        Shade::NotAssessed
    );
}
