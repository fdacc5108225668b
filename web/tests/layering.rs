//! The web crate's layers (ARCHITECTURE.md): pages may use components, components never import
//! pages, and pages do not import each other; what two pages need lives in a module of its own
//! (`format.rs`, `dom.rs`, `context.rs`, ...). Read from the sources, natively.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The page a file belongs to: `pages/roi.rs` and `pages/roi/form.rs` are both `roi`.
fn page_of(file: &Path, pages: &Path) -> Option<String> {
    let rest = file.strip_prefix(pages).ok()?;
    let first = rest.components().next()?.as_os_str().to_string_lossy();
    let page = first.trim_end_matches(".rs").to_string();
    (page != "mod").then_some(page)
}

/// The pages `text` imports (`crate::pages::NAME`, `super::super::NAME` is not used here).
fn imported_pages(text: &str) -> Vec<String> {
    text.match_indices("crate::pages::")
        .map(|(i, m)| {
            text[i + m.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

fn violations() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let pages = src.join("pages");
    let components = src.join("components");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(&src).unwrap().display().to_string();
        for page in imported_pages(&text) {
            if file.starts_with(&components) {
                found.push(format!("component {name} imports page {page}"));
            } else if let Some(own) = page_of(&file, &pages) {
                if page != own {
                    found.push(format!("page {name} imports page {page}"));
                }
            }
        }
    }
    found
}

#[test]
fn components_import_no_page_and_pages_import_no_other_page() {
    let found = violations();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_sees_an_import() {
    assert_eq!(
        imported_pages("use crate::pages::training::sentence;\nuse crate::pages::roi;"),
        ["training", "roi"]
    );
    let pages = Path::new("/src/pages");
    assert_eq!(
        page_of(Path::new("/src/pages/roi/form.rs"), pages).as_deref(),
        Some("roi")
    );
    assert_eq!(
        page_of(Path::new("/src/pages/roi.rs"), pages).as_deref(),
        Some("roi")
    );
    assert_eq!(page_of(Path::new("/src/pages/mod.rs"), pages), None);
    assert_eq!(page_of(Path::new("/src/app.rs"), pages), None);
}
