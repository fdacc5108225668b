//! `aims catalog`: snapshot of every listing (CSV and JSON), and the errors a user can hit.
//! Set `UPDATE_SNAPSHOTS=1` to rewrite the snapshots after an intended change, then review the
//! diff.

// Helpers outside #[test] fns unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::process::Command;

fn aims(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_aims"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn check_snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {}; run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from its snapshot; if intended, rerun with UPDATE_SNAPSHOTS=1 and review"
    );
}

#[test]
fn catalog_listings_match_their_snapshots() {
    for name in ["iso42001", "nist-ai-rmf", "crosswalk", "quick-scan"] {
        for format in ["csv", "json"] {
            let (ok, out, err) = aims(&["catalog", name, "--format", format]);
            assert!(ok, "{name} {format}: {err}");
            check_snapshot(&format!("catalog-{name}.{format}"), &out);
        }
    }
}

#[test]
fn catalog_csv_has_the_documented_shape() {
    for (name, header, rows) in [
        ("iso42001", "id,title,kind,parent", 92),
        ("nist-ai-rmf", "id,function,category,text", 72),
        ("crosswalk", "nist_id,iso_id,relationship,rationale", 280),
    ] {
        let (_, out, _) = aims(&["catalog", name]);
        let mut r = csv::Reader::from_reader(out.as_bytes());
        assert_eq!(
            r.headers().unwrap().iter().collect::<Vec<_>>().join(","),
            header
        );
        assert_eq!(r.records().count(), rows, "{name}");
    }
}

#[test]
fn bad_arguments_are_named() {
    for (args, message) in [
        (&["catalog", "iso27001"][..], "aims: unknown catalog \"iso27001\"; expected one of iso42001, nist-ai-rmf, crosswalk, quick-scan\n"),
        (&["catalog", "iso42001", "--format", "xml"], "aims: --format \"xml\" is not valid; expected one of csv, json, oscal\n"),
        (&["catalog"], "aims: expected 1 (catalog name), got 0 argument(s)\n"),
        (&["frobnicate"], "aims: unknown command \"frobnicate\"; run `aims --help` for the list\n"),
    ] {
        let (ok, out, err) = aims(args);
        assert!(!ok && out.is_empty(), "{args:?}");
        assert_eq!(err, message);
    }
    let (ok, out, _) = aims(&["--version"]);
    assert!(ok && out.starts_with("aims "));
}
