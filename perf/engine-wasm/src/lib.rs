//! The engine's bare calls in Wasm, for row 4 of the performance report (`./x perf`,
//! docs/performance.md): the same calls on the same inputs as the native criterion benches
//! (engine/benches/scoring.rs, crosswalk.rs, roi.rs), so that the Wasm/native ratio compares
//! the engine with itself. [`Bench::new`] reads the inputs once; each method then makes its
//! call `n` times and returns nothing, so `performance.now()` around one method call times `n`
//! engine calls and nothing else (no JSON, no conversion to JS objects). As in criterion's
//! `iter`, every result goes through `black_box` and is dropped inside the loop.

use aims_engine::assessment::Assessment;
use aims_engine::crosswalk::{forward, reverse};
use aims_engine::readiness::score;
use aims_engine::roi::{self, RoiInputs};
use std::hint::black_box;
use wasm_bindgen::prelude::*;

/// The parsed inputs: the ISO/IEC 42001 fixture (its text too, for `read`) and the NIST AI RMF
/// fixture.
#[wasm_bindgen]
pub struct Bench {
    iso_text: String,
    iso: Assessment,
    nist: Assessment,
}

#[wasm_bindgen]
impl Bench {
    /// `iso`: the text of engine/tests/fixtures/techserve-month1.json; `nist`: that of
    /// nist-all-at-target.json.
    #[wasm_bindgen(constructor)]
    pub fn new(iso: &str, nist: &str) -> Result<Bench, JsError> {
        let read = |text: &str| {
            Assessment::read(text)
                .map(|(a, _)| a)
                .map_err(|e| JsError::new(&e.to_string()))
        };
        Ok(Bench {
            iso_text: iso.to_string(),
            iso: read(iso)?,
            nist: read(nist)?,
        })
    }

    /// "read techserve-month1 JSON": `Assessment::read` of the ISO text, `n` times.
    pub fn read(&self, n: u32) {
        for _ in 0..n {
            drop(black_box(Assessment::read(black_box(&self.iso_text))));
        }
    }

    /// "score techserve-month1 (70 answers)": `readiness::score`, `n` times.
    pub fn score(&self, n: u32) {
        for _ in 0..n {
            drop(black_box(score(black_box(&self.iso))));
        }
    }

    /// "forward techserve-month1": `crosswalk::forward`, `n` times.
    pub fn forward(&self, n: u32) {
        for _ in 0..n {
            drop(black_box(forward(black_box(&self.iso))));
        }
    }

    /// "reverse nist-all-at-target": `crosswalk::reverse`, `n` times.
    pub fn reverse(&self, n: u32) {
        for _ in 0..n {
            drop(black_box(reverse(black_box(&self.nist))));
        }
    }

    /// "roi/run_{trials}_trials": `roi::run` of the default inputs (seed 42) with `trials`
    /// trials, `n` times. The inputs are built once, before the loop.
    pub fn roi(&self, trials: u32, n: u32) {
        let inputs = roi_inputs(trials);
        for _ in 0..n {
            drop(black_box(roi::run(black_box(&inputs))));
        }
    }

    /// One run of `roi` as `aims roi --trials N --format json` prints it, for the check that
    /// Wasm and native give the same report.
    pub fn roi_report_json(&self, trials: u32) -> Result<String, JsError> {
        let report = roi::run(&roi_inputs(trials)).map_err(|e| JsError::new(&e.to_string()))?;
        serde_json::to_string_pretty(&report).map_err(|e| JsError::new(&e.to_string()))
    }
}

/// The bench's inputs: the defaults (reference organisation, seed 42) with `trials` trials.
fn roi_inputs(trials: u32) -> RoiInputs {
    let mut i = RoiInputs::default();
    i.monte_carlo.trials = trials;
    i
}
