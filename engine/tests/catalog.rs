//! The catalogs against the reference files kept in `tests/reference/` (verbatim copies of the
//! published reference data, with their provenance in PROVENANCE.md), plus the invariants of
//! our own content: guidance for every item, a quick scan that covers every section.

// Helpers outside #[test] fns unwrap too: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use aims_engine::catalog::{
    CatalogName, CategoryId, Criticality, Function, IsoId, IsoKind, Pair, Question, QuestionKind,
    SubcategoryId,
};
use std::collections::{BTreeSet, HashSet};

fn reference(name: &str) -> Vec<csv::StringRecord> {
    let path = format!("{}/tests/reference/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut r = csv::Reader::from_path(&path).unwrap();
    r.records().map(|x| x.unwrap()).collect()
}

fn parse_ours(text: &str) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    r.records().map(|x| x.unwrap()).collect()
}

fn columns(rows: &[csv::StringRecord], n: usize) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| (0..n).map(|i| r[i].to_string()).collect())
        .collect()
}

#[test]
fn iso_items_equal_the_reference() {
    let expected = columns(&reference("iso42001-structure.csv"), 4);
    let ours = columns(&parse_ours(&CatalogName::Iso42001.csv()), 4);
    assert_eq!(ours.len(), 92);
    assert_eq!(ours, expected);
}

#[test]
fn nist_core_equals_the_reference() {
    let expected = columns(&reference("nist-ai-rmf-core.csv"), 4);
    let ours = columns(&parse_ours(&CatalogName::NistAiRmf.csv()), 4);
    assert_eq!(ours.len(), 72);
    assert_eq!(ours, expected);
    let fc = reference("nist-ai-rmf-functions-categories.csv");
    let functions: Vec<(String, String)> = fc
        .iter()
        .filter(|r| &r[2] == "function")
        .map(|r| (r[0].to_string(), r[3].to_string()))
        .collect();
    let ours: Vec<(String, String)> = Function::ALL
        .iter()
        .map(|f| (f.as_str().to_string(), f.text().to_string()))
        .collect();
    assert_eq!(ours, functions);
    let categories: Vec<(String, String, String)> = fc
        .iter()
        .filter(|r| &r[2] == "category")
        .map(|r| (r[0].to_string(), r[1].to_string(), r[3].to_string()))
        .collect();
    let ours: Vec<(String, String, String)> = CategoryId::all()
        .map(|c| {
            let i = c.info();
            (
                i.id.to_string(),
                i.function.as_str().to_string(),
                i.text.to_string(),
            )
        })
        .collect();
    assert_eq!(ours.len(), 19);
    assert_eq!(ours, categories);
}

#[test]
fn crosswalk_equals_the_reference() {
    let rows = reference("crosswalk-nist-airc.csv");
    // The pairs, in the source's order. The source gives them no type (its column says
    // `related` throughout); the types and rationales are ours.
    let expected = columns(&rows, 2);
    let ours = columns(&parse_ours(&CatalogName::Crosswalk.csv()), 2);
    assert_eq!(ours.len(), 280);
    assert_eq!(ours, expected);
    assert!(rows.iter().all(|r| &r[2] == "related"));
    for (pair, row) in Pair::all().iter().zip(&rows) {
        assert_eq!(pair.iso_ref_as_printed, &row[3]);
        assert_eq!(pair.note.unwrap_or(""), &row[4]);
    }
    assert_eq!(Pair::all().iter().filter(|p| p.note.is_some()).count(), 4);
}

#[test]
fn counts_match_the_standard() {
    let count = |k: IsoKind| IsoId::all().filter(|i| i.item().kind == k).count();
    assert_eq!(count(IsoKind::Clause), 7);
    assert_eq!(count(IsoKind::Control), 38);
    // A.2-A.10 plus the two sub-objectives A.6.1 and A.6.2.
    assert_eq!(count(IsoKind::Objective), 11);
    let leaves: Vec<&str> = IsoId::assessable()
        .filter(|i| !i.is_annex_a())
        .map(IsoId::as_str)
        .collect();
    assert_eq!(
        leaves.join(" "),
        "4.1 4.2 4.3 4.4 5.1 5.2 5.3 6.1.1 6.1.2 6.1.3 6.1.4 6.2 6.3 7.1 7.2 7.3 7.4 7.5.1 7.5.2 \
         7.5.3 8.1 8.2 8.3 8.4 9.1 9.2.1 9.2.2 9.3.1 9.3.2 9.3.3 10.1 10.2"
    );
    assert_eq!(IsoId::assessable().count(), 70);
    let sections: Vec<&str> = IsoId::sections().map(IsoId::as_str).collect();
    assert_eq!(
        sections.join(" "),
        "4 5 6 7 8 9 10 A.2 A.3 A.4 A.5 A.6 A.7 A.8 A.9 A.10"
    );
    let per_function: Vec<usize> = Function::ALL
        .iter()
        .map(|f| f.subcategories().count())
        .collect();
    assert_eq!(per_function, [19, 18, 22, 13]);
    assert_eq!(
        CategoryId::all()
            .map(|c| c.subcategories().count())
            .sum::<usize>(),
        72
    );
}

#[test]
fn ids_are_unique_and_parse_back() {
    let iso: HashSet<&str> = IsoId::all().map(IsoId::as_str).collect();
    assert_eq!(iso.len(), 92);
    for id in IsoId::all() {
        assert_eq!(IsoId::parse(id.as_str()), Ok(id));
    }
    let nist: HashSet<&str> = SubcategoryId::all().map(SubcategoryId::as_str).collect();
    assert_eq!(nist.len(), 72);
    for id in SubcategoryId::all() {
        assert_eq!(SubcategoryId::parse(id.as_str()), Ok(id));
    }
    for id in CategoryId::all() {
        assert_eq!(CategoryId::parse(id.as_str()), Ok(id));
    }
    let pairs: HashSet<(SubcategoryId, IsoId)> =
        Pair::all().iter().map(|p| (p.nist, p.iso)).collect();
    assert_eq!(pairs.len(), 280);
}

#[test]
fn crosswalk_ends_exist_and_cover_what_the_reference_says() {
    for p in Pair::all() {
        assert!(p.iso.item().assessable, "{}", p.iso);
        assert!(Pair::for_iso(p.iso).any(|q| std::ptr::eq(p, q)));
        assert!(Pair::for_nist(p.nist).any(|q| std::ptr::eq(p, q)));
    }
    for s in SubcategoryId::all() {
        assert!(Pair::for_nist(s).next().is_some(), "{s} has no pair");
    }
    let without: Vec<&str> = IsoId::assessable()
        .filter(|&i| Pair::for_iso(i).next().is_none())
        .map(IsoId::as_str)
        .collect();
    assert_eq!(without, ["4.2", "6.3", "7.5.1", "7.5.2", "8.1"]);
    assert!(IsoId::assessable()
        .filter(|i| i.is_annex_a())
        .all(|i| Pair::for_iso(i).next().is_some()));
}

#[test]
fn every_item_has_guidance_and_the_key_items_are_ranked_high() {
    for id in IsoId::all() {
        let it = id.item();
        match (it.assessable, it.guidance, id.explanation()) {
            (true, Some(g), Some(e)) => {
                assert!(!e.asks.is_empty() && !g.action.is_empty(), "{id}");
                assert!((2..=4).contains(&e.evidence.len()), "{id}");
                assert!(e.evidence.iter().all(|e| !e.is_empty()), "{id}");
                if let Some(levels) = e.levels {
                    assert!(levels.iter().all(|l| !l.is_empty()), "{id}");
                }
            }
            (true, _, _) => panic!("{id} has no guidance or no explanation"),
            (false, g, e) => assert!(
                g.is_none() && e.is_none(),
                "heading {id} should carry no guidance"
            ),
        }
        assert_eq!(
            id.harmonized_structure(),
            !id.as_str().starts_with('A'),
            "{id}"
        );
    }
    let at_least_high = [
        "5.2", "A.2.2", "6.1.2", "6.1.3", "8.2", "8.3", "6.1.4", "8.4", "A.5.2", "9.2.1", "9.2.2",
        "9.3.1", "9.3.2", "9.3.3",
    ];
    for id in at_least_high {
        let c = IsoId::parse(id).unwrap().criticality();
        assert!(c >= Criticality::High, "{id} is {c:?}");
    }
    for id in ["5.2", "A.2.2", "6.1.2", "6.1.3", "8.2", "8.3"] {
        assert_eq!(
            IsoId::parse(id).unwrap().criticality(),
            Criticality::Critical,
            "{id}"
        );
    }
    // The source article's TechServe case ranks training medium.
    assert_eq!(
        IsoId::parse("7.2").unwrap().criticality(),
        Criticality::Medium
    );
}

#[test]
fn quick_scan_covers_every_item_once_and_stays_short() {
    let qs = Question::all();
    assert!((12..=25).contains(&qs.len()), "{} questions", qs.len());
    // The first question is the organisation's role for AI; one asks for certificates.
    assert!(matches!(qs[0].kind, QuestionKind::Roles(_)));
    assert!(qs
        .iter()
        .any(|q| matches!(q.kind, QuestionKind::Certificates(_))));
    let mut ids = HashSet::new();
    let mut covered = BTreeSet::new();
    let mut asked = BTreeSet::new();
    for q in qs {
        assert!(ids.insert(q.id), "duplicate {}", q.id);
        assert!(!q.question.is_empty() && !q.help.is_empty());
        match q.kind {
            QuestionKind::Maturity(items) => assert!(!items.is_empty(), "{} maps to nothing", q.id),
            QuestionKind::Roles(options) => assert!(options.len() >= 2),
            QuestionKind::Certificates(options) => {
                assert!(
                    options.iter().any(|(c, _)| c.is_empty()),
                    "a \"neither\" option"
                )
            }
        }
        for &i in q.items() {
            assert!(i.item().assessable);
            assert!(asked.insert(i), "{i} asked twice");
            covered.insert(i.item().section);
        }
    }
    let all: BTreeSet<IsoId> = IsoId::sections().collect();
    assert_eq!(covered, all);
    assert_eq!(asked.len(), IsoId::assessable().count(), "every item asked");
}

#[test]
fn unknown_ids_name_the_nearest_valid_ones() {
    for (input, message) in [
        (
            "A.4.1",
            "\"A.4.1\" is not an ISO/IEC 42001 Annex A control or objective; did you mean A.4.2?",
        ),
        (
            "A.11.2",
            "\"A.11.2\" is not an ISO/IEC 42001 Annex A control or objective; did you mean A.10.2?",
        ),
        (
            "5.4",
            "\"5.4\" is not an ISO/IEC 42001 clause; did you mean 5.3?",
        ),
        ("risk", "\"risk\" is not an ISO/IEC 42001 clause"),
    ] {
        assert_eq!(IsoId::parse(input).unwrap_err().to_string(), message);
    }
    assert_eq!(
        IsoId::parse_assessable("6.1").unwrap_err().to_string(),
        "\"6.1\" is not an assessable clause item (it is a heading; rate its subclauses); did you mean 6.1.1, 6.1.2, 6.1.3 or 6.1.4?"
    );
    assert_eq!(
        SubcategoryId::parse("GOVERN 1.9").unwrap_err().to_string(),
        "\"GOVERN 1.9\" is not a NIST AI RMF subcategory; did you mean GOVERN 1.7?"
    );
    assert_eq!(
        SubcategoryId::parse("gv-1.1").unwrap().as_str(),
        "GOVERN 1.1"
    );
    assert_eq!(IsoId::parse(" a.5.2 ").unwrap().as_str(), "A.5.2");
}

#[test]
fn json_listings_hold_every_entry() {
    let iso = CatalogName::Iso42001.json();
    assert_eq!(iso["items"].as_array().unwrap().len(), 92);
    assert_eq!(iso["maturity_levels"].as_array().unwrap().len(), 6);
    let nist = CatalogName::NistAiRmf.json();
    let subs: usize = nist["functions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["categories"].as_array().unwrap())
        .map(|c| c["subcategories"].as_array().unwrap().len())
        .sum();
    assert_eq!(subs, 72);
    assert_eq!(
        CatalogName::Crosswalk.json()["pairs"]
            .as_array()
            .unwrap()
            .len(),
        280
    );
    let qs = CatalogName::QuickScan.json();
    assert_eq!(
        qs["questions"].as_array().unwrap().len(),
        Question::all().len()
    );
}

#[test]
fn the_documented_counts_per_relationship_are_the_data_s() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/crosswalk.md"))
        .unwrap();
    for r in aims_engine::catalog::Relationship::ALL {
        let row = doc
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", r.as_str())))
            .unwrap_or_else(|| panic!("docs/crosswalk.md has no row for {}", r.as_str()));
        let n: usize = row
            .trim_end_matches('|')
            .rsplit('|')
            .next()
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert_eq!(n, Pair::count(r), "{}", r.as_str());
    }
}
