//! The tornado: each uncertain input moved to its P10 and then its P90 (of the PERT distribution
//! the Monte Carlo draws it from) while every other input stays at its likely value, sorted by
//! how far the NPV swings. P10/P90 rather than the range's extremes, so that a bar shows a swing
//! that happens one time in five, not one that almost never does, and the bars compare with the
//! Monte Carlo's P10-P90 band.
//!
//! The percentiles come from the same quantile table the Monte Carlo samples
//! ([`PertSampler::sample`] at u = 0.1 and 0.9), so they are bit-identical natively and in Wasm.
//! Only inputs the model reads and whose low and high differ get a bar. Ties keep the order of
//! the inputs, so the list is the same on every run.

use serde::Serialize;

use super::model::Model;
use super::params::Param;
use super::pert::{PertSampler, QuantileCache};

/// The 32-bit generator outputs that sample the 10th and 90th percentiles (u = k ÷ 2³²).
const P10_DRAW: u32 = 429_496_730;
const P90_DRAW: u32 = 3_865_470_566;

/// One bar of the tornado.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoBar {
    /// The input's path in the inputs JSON.
    pub input: String,
    pub label: String,
    /// The input's 10th and 90th percentiles (of PERT(low, likely, high)).
    pub low: f64,
    pub high: f64,
    /// NPV with the input at its P10 / P90 and everything else likely.
    pub low_npv: f64,
    pub high_npv: f64,
    /// |high_npv − low_npv|.
    pub swing: f64,
}

/// The bars, widest swing first.
pub fn tornado(model: &Model, params: &[Param]) -> Vec<TornadoBar> {
    let likely: Vec<f64> = params.iter().map(|p| p.range.likely).collect();
    let mut x = likely.clone();
    let mut cache = QuantileCache::new();
    let mut bars: Vec<TornadoBar> = params
        .iter()
        .enumerate()
        .filter(|(_, p)| p.in_use && p.range.low < p.range.high)
        .map(|(i, p)| {
            let pert = PertSampler::new(p.range.low, p.range.likely, p.range.high, &mut cache);
            let (p10, p90) = (pert.sample(P10_DRAW), pert.sample(P90_DRAW));
            x[i] = p10;
            let low_npv = model.evaluate(&x).npv();
            x[i] = p90;
            let high_npv = model.evaluate(&x).npv();
            x[i] = likely[i];
            TornadoBar {
                input: p.path.clone(),
                label: p.label.clone(),
                low: p10,
                high: p90,
                low_npv,
                high_npv,
                swing: (high_npv - low_npv).abs(),
            }
        })
        .collect();
    crate::order::sort_by(&mut bars, |a, b| b.swing.total_cmp(&a.swing));
    bars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roi::inputs::{Range, RoiInputs};
    use crate::roi::params::params;

    #[test]
    fn bars_are_sorted_and_bracket_the_likely_npv_for_monotone_inputs() {
        let inputs = RoiInputs::default();
        let model = Model::new(&inputs);
        let p = params(&inputs);
        let bars = tornado(&model, &p);
        assert!(bars.windows(2).all(|w| w[0].swing >= w[1].swing));
        let base = model
            .evaluate(&p.iter().map(|q| q.range.likely).collect::<Vec<_>>())
            .npv();
        let audit = bars
            .iter()
            .find(|b| b.input == "costs.certification_audit")
            .unwrap();
        assert!(
            audit.low_npv > base && base > audit.high_npv,
            "a dearer audit lowers the NPV"
        );
        let contracts = bars
            .iter()
            .find(|b| b.input == "benefits.contracts_per_year")
            .unwrap();
        assert!(contracts.low_npv < base && base < contracts.high_npv);
        // P10 and P90 lie inside the range, around the likely value.
        for bar in &bars {
            let r = &p.iter().find(|q| q.path == bar.input).unwrap().range;
            assert!(
                r.low < bar.low && bar.low < bar.high && bar.high < r.high,
                "{bar:?}"
            );
        }
        // A symmetric PERT(0, 50, 100): P10 ≈ 24.66 and P90 ≈ 75.34 (Beta(3, 3) quantiles).
        let mut sym = inputs.clone();
        sym.costs.training = Range::new(0.0, 50.0, 100.0, "t");
        let bar = tornado(&Model::new(&sym), &params(&sym))
            .into_iter()
            .find(|b| b.input == "costs.training")
            .unwrap();
        assert!((bar.low - 24.664).abs() < 0.01, "{}", bar.low);
        assert!((bar.high - 75.336).abs() < 0.01, "{}", bar.high);
        // The certificate credit is not in use without a certificate; fixed inputs get no bar.
        assert!(!bars
            .iter()
            .any(|b| b.input.starts_with("existing_certificate")));
        let mut fixed = inputs.clone();
        fixed.costs.training = Range::fixed(5000.0, "t");
        assert!(!tornado(&Model::new(&fixed), &params(&fixed))
            .iter()
            .any(|b| b.input == "costs.training"));
    }
}
