//! In-browser tests (headless Chromium via wasm-bindgen-test): the app mounts and the route in
//! the location hash picks the page.

#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::time::Duration;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<aims_web::App>::with_root(root.clone()).render();
    root
}

/// Waits until `ready()` holds, checking again after each short yield to the browser (the
/// render runs in between), and fails naming `what` after 5 s: a slow machine waits longer, a
/// fast one not at all.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..500 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

fn heading(root: &Element) -> String {
    root.query_selector("main h1")
        .unwrap()
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_mounts_on_the_route_in_the_hash_and_follows_changes() {
    let location = web_sys::window().unwrap().location();
    location.set_hash("#/results").unwrap();
    let root = mount();
    until("the Results page", || heading(&root) == "Results").await;
    assert!(root.query_selector("footer").unwrap().is_some());

    location.set_hash("#/roi").unwrap();
    until("the ROI page after a hash change", || {
        heading(&root) == "ROI"
    })
    .await;
    let current = root
        .query_selector("nav a[aria-current=page]")
        .unwrap()
        .unwrap();
    assert_eq!(current.text_content().unwrap(), "ROI");
    root.remove();
}

mod storage {
    use aims_web::storage::{Backend, SaveError, Store, WebStorage};
    use std::rc::Rc;
    use wasm_bindgen_test::*;

    fn web() -> Rc<WebStorage> {
        Rc::new(WebStorage::open().expect("localStorage in the test browser"))
    }

    #[wasm_bindgen_test]
    fn a_corrupt_value_in_local_storage_is_backed_up_not_lost() {
        let backend = web();
        let store = Store::new("browser-test", backend.clone());
        let key = store.assessment_key("x");
        backend.set(&key, "{\"version\":1,\"assessment\":").unwrap();
        let problem = store.load_assessment("x", 7.0).unwrap().unwrap_err();
        let backup = problem.backup_key.clone().unwrap();
        assert_eq!(
            backend.get(&backup).unwrap().as_deref(),
            Some("{\"version\":1,\"assessment\":")
        );
        backend.remove(&backup);
        backend.remove(&key);
    }

    #[wasm_bindgen_test]
    fn the_real_quota_error_is_recognised_as_full() {
        let backend = web();
        // Chromium allows about 5 MB per origin; 6 million UTF-16 units is more than that.
        let big = "x".repeat(6_000_000);
        assert_eq!(
            backend.set("browser-test:too-big", &big),
            Err(SaveError::Full)
        );
        assert_eq!(backend.get("browser-test:too-big").unwrap(), None);
    }

    #[wasm_bindgen_test]
    fn roi_inputs_are_kept_per_assessment_and_reset_clears_only_the_namespace() {
        let backend = web();
        let store = Store::new("browser-reset", backend.clone());
        let inputs = serde_json::json!({"horizon_months": 48});
        store.save_roi("a1", &inputs).unwrap();
        assert_eq!(store.load_roi("a1", 1.0).unwrap().unwrap(), Some(inputs));
        backend
            .set("browser-reset:v1:index:backup:1", "raw")
            .unwrap();
        backend.set("browser-reset-other", "kept").unwrap();
        assert_eq!(store.clear_all(), 2);
        assert_eq!(store.load_roi("a1", 2.0).unwrap().unwrap(), None);
        assert_eq!(
            backend.get("browser-reset-other").unwrap().as_deref(),
            Some("kept")
        );
        backend.remove("browser-reset-other");
    }
}

/// The answers of a first visitor's quick scan (the lean page, saved on their own) are taken
/// over by the app when it starts: applied to the open assessment, saved, then removed; kept
/// when the save fails; an unreadable value is set aside and reported.
mod first_use {
    use aims_engine::quick_scan::{Choice, Record};
    use aims_web::persist::take_over_quick_scan;
    use aims_web::state::{AppState, Notice};
    use aims_web::storage::{quick_scan_key, Backend, Memory, Store};
    use std::rc::Rc;
    use wasm_bindgen_test::*;

    fn record() -> Record {
        let mut r = Record::default();
        r.set(0, Some(Choice::Option(1)));
        r.set(3, Some(Choice::Level(2)));
        r
    }

    #[wasm_bindgen_test]
    fn the_app_takes_over_the_first_use_answers_and_removes_them_once_saved() {
        let mem = Rc::new(Memory::default());
        let store = Store::new("fu", mem.clone());
        mem.set(&quick_scan_key("fu"), &record().to_text()).unwrap();
        let state = take_over_quick_scan(&store, AppState::new("t".into()));
        assert_eq!(Record::of(&state.assessment), record());
        assert!(!state.has_unsaved_changes());
        assert_eq!(mem.get(&quick_scan_key("fu")).unwrap(), None);
        let saved = store
            .load_assessment(&state.current, 1.0)
            .unwrap()
            .unwrap()
            .unwrap();
        assert_eq!(Record::of(&saved.assessment), record());
        // Nothing to take over: the state is as it was.
        let again = take_over_quick_scan(&store, AppState::new("u".into()));
        assert_eq!(Record::of(&again.assessment), Record::default());
    }

    #[wasm_bindgen_test]
    fn when_saving_fails_the_answers_stay_where_they_were() {
        let text = record().to_text();
        let mem = Rc::new(Memory {
            quota: Some((quick_scan_key("fu").len() + text.len()) * 2 + 8),
            ..Memory::default()
        });
        let store = Store::new("fu", mem.clone());
        mem.set(&quick_scan_key("fu"), &text).unwrap();
        let state = take_over_quick_scan(&store, AppState::new("t".into()));
        assert_eq!(Record::of(&state.assessment), record(), "shown, in memory");
        assert!(state.has_unsaved_changes());
        assert_eq!(mem.get(&quick_scan_key("fu")).unwrap(), Some(text));
    }

    #[wasm_bindgen_test]
    fn an_unreadable_value_is_set_aside_and_reported() {
        let mem = Rc::new(Memory::default());
        let store = Store::new("fu", mem.clone());
        mem.set(&quick_scan_key("fu"), "aims-quick-scan 1\nrole o9\n")
            .unwrap();
        let state = take_over_quick_scan(&store, AppState::new("t".into()));
        let problem = state
            .notices
            .iter()
            .find_map(|n| match n {
                Notice::Unreadable(p) => Some(p.clone()),
                _ => None,
            })
            .expect("reported");
        assert!(problem.reason.contains("line 2"), "{}", problem.reason);
        let backup = problem.backup_key.unwrap();
        assert_eq!(
            mem.get(&backup).unwrap().as_deref(),
            Some("aims-quick-scan 1\nrole o9\n")
        );
        assert_eq!(mem.get(&quick_scan_key("fu")).unwrap(), None);
    }
}

/// The ROI Monte Carlo and tornado give the same bits in Wasm as natively for a seed (P10, P50,
/// P90 of the NPV and every tornado bar; the golden values are pinned by a native unit test in
/// aims-engine).
#[wasm_bindgen_test]
fn roi_monte_carlo_matches_the_native_golden_value() {
    use aims_engine::roi::{determinism_bits, run, RoiInputs, GOLDEN_BITS};
    let mut inputs = RoiInputs::default();
    inputs.monte_carlo.seed = 42;
    inputs.monte_carlo.trials = 10_000;
    let report = run(&inputs).unwrap();
    assert_eq!(determinism_bits(&report), GOLDEN_BITS);
}
