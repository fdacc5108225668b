//! Monte Carlo over the uncertain inputs: each input in use whose low and high differ is drawn
//! independently from its PERT distribution, the model is evaluated, and the NPV and ROI of all
//! trials are summarised (P10 / P50 / P90, mean, probability of a positive ROI, an NPV
//! histogram).
//!
//! Guarantees: the same inputs and seed give the same bits on every target (the generator is a
//! [`Pcg32Pair`], draws are table look-ups with `+` and `*`, sums run in trial order); no output is
//! NaN for validated inputs; P10 ≤ P50 ≤ P90 (they are order statistics, interpolated linearly as
//! in the usual "type 7" definition).

use serde::Serialize;

use super::inputs::MonteCarloSettings;
use super::model::Model;
use super::params::Param;
use super::pcg::Pcg32Pair;
use super::pert::{PertSampler, QuantileCache};
use super::ESTIMATE_LABEL;

/// P10, P50 and P90 of a quantity over the trials, and its mean.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Percentiles {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub mean: f64,
}

/// One bar of the NPV histogram: trials with `from <= npv < to` (the last bar includes `to`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HistogramBin {
    pub from: f64,
    pub to: f64,
    pub count: u32,
}

/// The summary of a Monte Carlo run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonteCarlo {
    pub label: &'static str,
    pub trials: u32,
    pub seed: u64,
    pub distribution: &'static str,
    pub generator: &'static str,
    /// Paths of the inputs that were drawn (the others were held at their likely value).
    pub uncertain_inputs: Vec<String>,
    pub npv: Percentiles,
    pub roi_percent: Percentiles,
    /// Share of trials whose ROI is above 0.
    pub probability_positive: f64,
    /// Share of trials whose NPV is above 0.
    pub probability_npv_positive: f64,
    pub histogram: Vec<HistogramBin>,
}

/// Runs the trials. `params` and `model` come from the same validated inputs.
pub fn simulate(model: &Model, params: &[Param], settings: MonteCarloSettings) -> MonteCarlo {
    let trials = settings.trials.max(1) as usize;
    let mut x: Vec<f64> = params.iter().map(|p| p.range.likely).collect();
    let mut cache = QuantileCache::new();
    let samplers: Vec<(usize, PertSampler)> = params
        .iter()
        .enumerate()
        .filter(|(_, p)| p.in_use && p.range.low < p.range.high)
        .map(|(i, p)| {
            (
                i,
                PertSampler::new(p.range.low, p.range.likely, p.range.high, &mut cache),
            )
        })
        .collect();
    let mut rng = Pcg32Pair::for_seed(settings.seed);
    let mut npv = Vec::with_capacity(trials);
    let mut roi = Vec::with_capacity(trials);
    let (mut roi_positive, mut npv_positive) = (0u32, 0u32);
    for _ in 0..trials {
        // Two draws per generator step: inputs 0, 2, 4 ... from the first generator, 1, 3, 5 ...
        // from the second (an odd count leaves the second's last output unused).
        for pair in samplers.chunks(2) {
            let (r0, r1) = rng.next_pair();
            if let Some((i, sampler)) = pair.first() {
                x[*i] = sampler.sample(r0);
            }
            if let Some((i, sampler)) = pair.get(1) {
                x[*i] = sampler.sample(r1);
            }
        }
        let outcome = model.evaluate(&x);
        let (n, r) = (outcome.npv(), outcome.roi_percent());
        roi_positive += u32::from(r > 0.0);
        npv_positive += u32::from(n > 0.0);
        npv.push(n);
        roi.push(r);
    }
    let histogram = histogram(&npv, settings.histogram_bins.max(1) as usize);
    MonteCarlo {
        label: ESTIMATE_LABEL,
        trials: trials as u32,
        seed: settings.seed,
        distribution:
            "PERT (Beta, λ = 4) over each input's low / likely / high, inputs independent",
        generator: "PCG32 (PCG-XSH-RR 64/32), two streams stepped together, seeded by the caller",
        uncertain_inputs: samplers
            .iter()
            .map(|(i, _)| params[*i].path.clone())
            .collect(),
        npv: percentiles(&npv),
        roi_percent: percentiles(&roi),
        probability_positive: f64::from(roi_positive) / trials as f64,
        probability_npv_positive: f64::from(npv_positive) / trials as f64,
        histogram,
    }
}

/// P10 / P50 / P90 and mean.
fn percentiles(values: &[f64]) -> Percentiles {
    let mean = if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    };
    let [p10, p50, p90] = quantiles(values, [0.1, 0.5, 0.9]);
    Percentiles {
        p10,
        p50,
        p90,
        mean,
    }
}

/// Quantiles by linear interpolation between order statistics. Each order statistic is found by
/// counting the values into 4096 equal-width buckets and selecting within the one bucket that
/// holds its rank: a few linear passes instead of a sort. The bucket of a value is a monotone
/// function of it, so the result is exactly the order statistic.
fn quantiles<const K: usize>(values: &[f64], ps: [f64; K]) -> [f64; K] {
    const BUCKETS: usize = 1 << 12;
    let n = values.len();
    if n == 0 {
        return [0.0; K];
    }
    let (min, max) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    if max <= min {
        return [min; K];
    }
    let scale = BUCKETS as f64 / (max - min);
    let bucket = |v: f64| (((v - min) * scale) as usize).min(BUCKETS - 1);
    // start[b] = number of values in buckets before b.
    let mut start = vec![0usize; BUCKETS + 1];
    for &v in values {
        start[bucket(v) + 1] += 1;
    }
    for b in 0..BUCKETS {
        start[b + 1] += start[b];
    }
    // The ranks needed (k and k + 1 for each p), their buckets, and one pass that gathers the
    // members of just those buckets.
    let mut ranks = [(0usize, 0usize, 0.0f64); K];
    for (slot, p) in ranks.iter_mut().zip(ps) {
        let h = (n - 1) as f64 * p;
        let k = (h.floor() as usize).min(n - 1);
        *slot = (k, (k + 1).min(n - 1), h - k as f64);
    }
    let bucket_of_rank = |rank: usize| start.partition_point(|&s| s <= rank).saturating_sub(1);
    let mut buckets: Vec<usize> = ranks
        .iter()
        .flat_map(|&(a, b, _)| [bucket_of_rank(a), bucket_of_rank(b)])
        .collect();
    buckets.sort_unstable();
    buckets.dedup();
    let mut members: Vec<Vec<f64>> = vec![Vec::new(); buckets.len()];
    for &v in values {
        if let Ok(i) = buckets.binary_search(&bucket(v)) {
            members[i].push(v);
        }
    }
    let mut order_statistic = |rank: usize| -> f64 {
        let b = bucket_of_rank(rank);
        let Ok(i) = buckets.binary_search(&b) else {
            return min;
        };
        let list = &mut members[i];
        let within = rank.saturating_sub(start[b]);
        if within < list.len() {
            *list.select_nth_unstable_by(within, f64::total_cmp).1
        } else {
            min
        }
    };
    let mut out = [0.0; K];
    for (slot, (k, next, fraction)) in out.iter_mut().zip(ranks) {
        let lower = order_statistic(k);
        let upper = order_statistic(next);
        *slot = lower + fraction * (upper - lower);
    }
    out
}

/// Equal-width bins from the smallest to the largest value.
fn histogram(values: &[f64], bins: usize) -> Vec<HistogramBin> {
    let (min, max) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    if values.is_empty() {
        return Vec::new();
    }
    if max <= min {
        return vec![HistogramBin {
            from: min,
            to: max,
            count: values.len() as u32,
        }];
    }
    let width = (max - min) / bins as f64;
    let mut counts = vec![0u32; bins];
    for &v in values {
        let i = ((v - min) / width) as usize;
        counts[i.min(bins - 1)] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| HistogramBin {
            from: min + width * i as f64,
            to: if i + 1 == bins {
                max
            } else {
                min + width * (i + 1) as f64
            },
            count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roi::pcg::Pcg32;

    #[test]
    fn quantiles_interpolate_order_statistics() {
        let v: Vec<f64> = (0..11).rev().map(f64::from).collect();
        assert_eq!(quantiles(&v, [0.1, 0.5, 0.9]), [1.0, 5.0, 9.0]);
        let v = vec![4.0, 1.0, 3.0, 2.0];
        // h = 0.3, 1.5, 2.7
        let q = quantiles(&v, [0.1, 0.5, 0.9]);
        assert!(
            (q[0] - 1.3).abs() < 1e-12 && (q[1] - 2.5).abs() < 1e-12 && (q[2] - 3.7).abs() < 1e-12,
            "{q:?}"
        );
        assert_eq!(quantiles(&[7.0], [0.1, 0.5, 0.9]), [7.0; 3]);
        assert_eq!(quantiles(&[], [0.5]), [0.0]);
    }

    #[test]
    fn quantiles_agree_with_sorting() {
        let mut rng = Pcg32::for_seed(3);
        for n in [2usize, 3, 10, 101, 1000, 30_000] {
            // Ties, a wide spread and a tight cluster: values one bucket cannot separate.
            let v: Vec<f64> = (0..n)
                .map(|i| match i % 3 {
                    0 => f64::from(rng.next_u32() % 50),
                    1 => 1e9 + f64::from(rng.next_u32()) * 1e-6,
                    _ => -f64::from(rng.next_u32()),
                })
                .collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            let got = quantiles(&v, [0.1, 0.5, 0.9]);
            for (p, g) in [0.1, 0.5, 0.9].iter().zip(got) {
                let h = (n - 1) as f64 * p;
                let k = h.floor() as usize;
                let want = sorted[k] + (h - k as f64) * (sorted[(k + 1).min(n - 1)] - sorted[k]);
                assert!(
                    (g - want).abs() <= 1e-9 * want.abs().max(1.0),
                    "n {n} p {p}: {g} vs {want}"
                );
            }
        }
    }

    #[test]
    fn histogram_counts_every_value_once() {
        let v: Vec<f64> = (0..100).map(f64::from).collect();
        let h = histogram(&v, 7);
        assert_eq!(h.len(), 7);
        assert_eq!(h.iter().map(|b| b.count).sum::<u32>(), 100);
        assert_eq!(h[0].from, 0.0);
        assert_eq!(h[6].to, 99.0);
        assert_eq!(
            histogram(&[3.0, 3.0], 5),
            vec![HistogramBin {
                from: 3.0,
                to: 3.0,
                count: 2
            }]
        );
    }
}
