//! The tornado: each uncertain input moved to its low and then its high while every other input
//! stays at its likely value, sorted by how far the NPV swings.
//!
//! Only inputs the model reads and whose low and high differ get a bar. Ties keep the order of
//! the inputs, so the list is the same on every run.

use serde::Serialize;

use super::model::Model;
use super::params::Param;

/// One bar of the tornado.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoBar {
    /// The input's path in the inputs JSON.
    pub input: String,
    pub label: String,
    /// The input's low and high values.
    pub low: f64,
    pub high: f64,
    /// NPV with the input at its low / high and everything else likely.
    pub low_npv: f64,
    pub high_npv: f64,
    /// |high_npv − low_npv|.
    pub swing: f64,
}

/// The bars, widest swing first.
pub fn tornado(model: &Model, params: &[Param]) -> Vec<TornadoBar> {
    let likely: Vec<f64> = params.iter().map(|p| p.range.likely).collect();
    let mut x = likely.clone();
    let mut bars: Vec<TornadoBar> = params
        .iter()
        .enumerate()
        .filter(|(_, p)| p.in_use && p.range.low < p.range.high)
        .map(|(i, p)| {
            x[i] = p.range.low;
            let low_npv = model.evaluate(&x).npv();
            x[i] = p.range.high;
            let high_npv = model.evaluate(&x).npv();
            x[i] = likely[i];
            TornadoBar {
                input: p.path.clone(),
                label: p.label.clone(),
                low: p.range.low,
                high: p.range.high,
                low_npv,
                high_npv,
                swing: (high_npv - low_npv).abs(),
            }
        })
        .collect();
    bars.sort_by(|a, b| b.swing.total_cmp(&a.swing));
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
