//! The engine's modules depend one way only (ARCHITECTURE.md, "No circles"): a walk through the
//! code never comes back to where it started. Read from the source text: every `crate::<module>`
//! outside comments and test modules is an edge between top-level modules.

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The source of a file without its test module and without comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `.rs` file under `dir`, with the top-level module it belongs to.
fn files(dir: &Path, top: Option<&str>, out: &mut Vec<(String, String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if path.is_dir() {
            files(&path, Some(top.unwrap_or(&name)), out);
        } else if let Some(stem) = name.strip_suffix(".rs") {
            let module = top.unwrap_or(stem).to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((module, stem.to_string(), code(&text)));
        }
    }
}

fn src() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        None,
        &mut out,
    );
    out
}

/// The modules named after `prefix` (`crate::`, `super::`) in `code`.
fn named<'a>(code: &'a str, prefix: &'a str) -> impl Iterator<Item = String> + 'a {
    code.match_indices(prefix).map(move |(i, _)| {
        code[i + prefix.len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    })
}

/// A circle in the graph, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        let here = path.last()?.clone();
        for next in graph.get(&here).into_iter().flatten() {
            if let Some(at) = path.iter().position(|p| p == next) {
                let mut c = path[at..].to_vec();
                c.push(next.clone());
                return Some(c);
            }
            if done.contains(next) {
                continue;
            }
            path.push(next.clone());
            if let Some(c) = walk(graph, path, done) {
                return Some(c);
            }
            path.pop();
        }
        done.insert(here);
        None
    }
    let mut done = BTreeSet::new();
    for start in graph.keys() {
        if !done.contains(start) {
            if let Some(c) = walk(graph, &mut vec![start.clone()], &mut done) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn the_top_level_modules_form_no_circle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, _, code) in src() {
        for to in named(&code, "crate::") {
            if to != module && !to.is_empty() {
                graph.entry(module.clone()).or_default().insert(to);
            }
        }
    }
    assert_eq!(circle(&graph), None, "{graph:#?}");
    // The edges the issue named, one by one: scoring never calls the crosswalk (the readiness
    // module chooses), and the crosswalk's tables live in the catalog without naming it.
    assert!(!graph["scoring"].contains("crosswalk"));
    assert!(!graph["scoring"].contains("readiness"));
    assert!(!graph["catalog"].contains("crosswalk"));
    assert!(graph["readiness"].contains("crosswalk") && graph["readiness"].contains("scoring"));
}

#[test]
fn the_roi_modules_depend_one_way() {
    let roi: BTreeMap<String, BTreeSet<String>> = src()
        .into_iter()
        .filter(|(module, stem, _)| module == "roi" && stem != "mod")
        .map(|(_, stem, code)| {
            let uses = named(&code, "super::")
                .chain(named(&code, "crate::roi::"))
                .collect();
            (stem, uses)
        })
        .collect();
    assert_eq!(circle(&roi), None, "{roi:#?}");
    // The types come first: the inputs know neither their defaults nor how they are read or
    // checked; the parameters do not know the checks.
    for later in ["defaults", "read", "validate", "prepare"] {
        assert!(!roi["inputs"].contains(later), "inputs uses {later}");
    }
    assert!(!roi["params"].contains("validate"));
    assert!(roi["validate"].contains("params"));
    assert!(roi["read"].contains("defaults"));
}
