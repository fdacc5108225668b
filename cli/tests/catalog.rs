//! `aims catalog`: snapshot of every listing (CSV and JSON), and the errors a user can hit.

use crate::util::{aims, assert_snapshot, ok};

#[test]
fn catalog_listings_match_their_snapshots() {
    for name in ["iso42001", "nist-ai-rmf", "crosswalk", "quick-scan"] {
        for format in ["csv", "json"] {
            let out = ok(&["catalog", name, "--format", format]);
            assert_snapshot(&format!("catalog-{name}.{format}"), &out);
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
        let out = ok(&["catalog", name]);
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
        let r = aims(args);
        assert!(!r.ok && r.stdout.is_empty(), "{args:?}");
        assert_eq!(r.stderr, message);
    }
    assert!(ok(&["--version"]).starts_with("aims "));
}
