//! The crosswalk on the reference organisations: the cases the issue names and snapshots of
//! TechServe in both directions (tests/snapshots/, `UPDATE_EXPECT=1` rewrites them).

// Helpers outside #[test] fns unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use aims_engine::assessment::{Assessment, Framework};
use aims_engine::catalog::{IsoId, Pair};
use aims_engine::crosswalk::{
    forward, matrix, reverse, CoverageStatus, Forward, Inference, Matrix,
};
use aims_engine::scoring::Verdict;
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

#[test]
fn iso_all_at_target_covers_every_subcategory() {
    let f = forward(&fixture("all-at-target.json")).unwrap();
    assert_eq!(statuses(&f), vec![CoverageStatus::Covered; 72]);
    assert!(f
        .subcategories
        .iter()
        .all(|s| s.coverage == 100.0 && s.maturity == Some(3)));
    assert!(f
        .categories
        .iter()
        .chain(&f.functions)
        .all(|r| r.status == CoverageStatus::Covered));
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

#[test]
fn nist_at_target_infers_iso_at_target_except_the_five_without_counterpart() {
    let r = reverse(&fixture("nist-all-at-target.json")).unwrap();
    let without: Vec<&str> = r.assess_directly.iter().map(|i| i.as_str()).collect();
    assert_eq!(without, ["4.2", "6.3", "7.5.1", "7.5.2", "8.1"]);
    assert_eq!(r.items.len(), 70);
    for it in &r.items {
        if r.assess_directly.contains(&it.item) {
            assert_eq!(
                (it.inference, it.maturity),
                (Inference::NoCounterpart, None),
                "{}",
                it.item
            );
            assert!(it.explanation().to_string().starts_with("No counterpart"));
        } else {
            assert_eq!(
                (it.inference, it.maturity),
                (Inference::Inferred, Some(3)),
                "{}",
                it.item
            );
        }
    }
    // Never gaps, never covered: the five are simply not assessed, so the verdict is provisional.
    assert!(r.report.provisional);
    assert_eq!(r.report.verdict, Verdict::Ready);
    assert_eq!(r.report.inferred, 65);
    assert!(r
        .report
        .gaps
        .iter()
        .all(|g| !r.assess_directly.contains(&g.item)));
    let not_assessed: Vec<&str> = r.report.not_assessed.iter().map(|i| i.as_str()).collect();
    assert_eq!(not_assessed, without);
    // Scoring a NIST AI RMF assessment goes through the same inference.
    let scored = aims_engine::scoring::score(&fixture("nist-all-at-target.json"));
    assert_eq!(scored.to_json(), r.report.to_json());
    // Every inferred answer is marked.
    let inferred = r.to_assessment(&fixture("nist-all-at-target.json"));
    let answers = inferred.iso_answers().unwrap();
    assert_eq!(answers.len(), 65);
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
    // 5.3 rests on GOVERN 2.1 alone.
    assert_eq!(
        (item("5.3").inference, item("5.3").maturity),
        (Inference::Inferred, Some(3))
    );
    // 5.2 rests on GOVERN 1.2, GOVERN 2.3 and MAP 1.3: MAP 1.3 is unanswered.
    let policy = item("5.2");
    assert_eq!(
        (policy.inference, policy.maturity, policy.status),
        (Inference::NotInferred, None, CoverageStatus::Partial)
    );
    assert!(policy
        .explanation()
        .to_string()
        .contains("MAP 1.3 not assessed"));
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
