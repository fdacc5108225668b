//! The PERT distribution over a low / likely / high estimate, sampled by inverse CDF from a
//! precomputed quantile table.
//!
//! PERT (with the usual weight λ = 4) is the Beta(α, β) distribution stretched over
//! [low, high] with α = 1 + 4·(likely − low)/(high − low) and β = 1 + 4·(high − likely)/(high − low);
//! its mean is (low + 4·likely + high)/6.
//!
//! **How a draw works.** For each input we tabulate the quantile function Q at u = k/1024 once
//! per run. A draw takes one 32-bit output of the generator: its top 10 bits pick the interval,
//! its low 22 bits the position inside it, and the value is a linear interpolation — one
//! multiply and one add, no logarithm, no rejection loop. The first and last intervals, where Q
//! is steep, have their own tables of 256 sub-intervals (the next 8 bits pick one, the last 14
//! the position). That keeps a Monte Carlo trial to a few dozen floating-point operations and,
//! because only `+ - * /` are used, bit-identical natively and in Wasm.
//!
//! **How the table is built.** The CDF (the regularised incomplete beta function) is computed at
//! 1025 grid points: near each end from its power series, x^α·Σ C(β−1, n)(−x)ⁿ/(α + n) (and the
//! mirrored series near 1), which also gives the normalising constant; in between by integrating
//! the density with a fourth-order rule. Powers come from [`super::portable_math`]
//! (same bits everywhere). Within a grid cell the CDF is inverted as a monotone quadratic that
//! follows the density. The tests compare the tables with closed-form Beta CDFs (every
//! tabulated quantile within 10⁻⁸ in CDF terms) and the tables' mean with the PERT mean (within
//! 5·10⁻⁶·(high − low) for every mode: linear interpolation between tabulated quantiles is the
//! one approximation left, and it is far below Monte Carlo noise).

use super::portable_math;

/// Number of intervals of a quantile table (2^10).
const INTERVALS: usize = 1024;
/// Number of sub-intervals of each of its two end intervals (2^8).
const SUB_INTERVALS: usize = 256;
/// Bits of a generator output that place a draw inside an interval.
const FRACTION_BITS: u32 = 22;
const FRACTION_SCALE: f64 = 1.0 / (1u64 << FRACTION_BITS) as f64;
const FRACTION_MASK: u32 = (1 << FRACTION_BITS) - 1;
/// Bits that place a draw inside a sub-interval of an end interval.
const SUB_FRACTION_BITS: u32 = FRACTION_BITS - 8;
const SUB_FRACTION_SCALE: f64 = 1.0 / (1u64 << SUB_FRACTION_BITS) as f64;
const SUB_FRACTION_MASK: u32 = (1 << SUB_FRACTION_BITS) - 1;
/// Cells of the grid on which the CDF is computed.
const GRID: usize = 1024;
/// Cells at each end of the grid where the CDF comes from its power series (the density's
/// derivatives may be unbounded there); in between, the density is integrated.
const END_CELLS: usize = 32;

/// `ln(j / GRID)` for `j = 0..=GRID` (entry 0 unused), shared by all tables of a run.
pub struct LnGrid(Vec<f64>);

impl Default for LnGrid {
    fn default() -> LnGrid {
        LnGrid::new()
    }
}

impl LnGrid {
    pub fn new() -> LnGrid {
        let mut v = vec![0.0; GRID + 1];
        for (j, slot) in v.iter_mut().enumerate().take(GRID).skip(1) {
            *slot = portable_math::ln(j as f64 / GRID as f64);
        }
        LnGrid(v)
    }
}

/// ∫₀ˣ t^a (1 − t)^b dt for 0 ≤ x ≤ 1/2, given ln x: x^(a+1) Σ C(b, n)(−x)ⁿ/(a + 1 + n).
fn lower_integral(a: f64, b: f64, x: f64, ln_x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let mut coefficient = 1.0; // C(b, n)(−1)ⁿ
    let mut power = 1.0; // xⁿ
    let mut sum = 0.0;
    for n in 0..200 {
        let nf = f64::from(n);
        let term = coefficient * power / (a + 1.0 + nf);
        sum += term;
        if term.abs() <= 1e-18 * sum.abs() || coefficient == 0.0 {
            break;
        }
        coefficient *= (nf - b) / (nf + 1.0);
        power *= x;
    }
    portable_math::exp((a + 1.0) * ln_x) * sum
}

/// The CDF of Beta(1 + p, 1 + q) at the grid points: exactly 0 at the first and 1 at the last,
/// never decreasing. The power series gives it in the end cells and the normalising constant
/// (the series at 1/2 from both sides); in between, the density is integrated cell by cell with
/// the four-point rule h/24·(−f₋₁ + 13f₀ + 13f₁ − f₂), whose error is O(h⁵) per cell.
fn grid_cdf(p: f64, q: f64, ln_grid: &LnGrid) -> (Vec<f64>, Vec<f64>) {
    let lnx = &ln_grid.0;
    let half = GRID / 2;
    let x = |j: usize| j as f64 / GRID as f64;
    let total = lower_integral(p, q, 0.5, lnx[half]) + lower_integral(q, p, 0.5, lnx[half]);
    let per_total = 1.0 / total;
    let mut density = vec![0.0; GRID + 1];
    density[0] = if p == 0.0 { per_total } else { 0.0 };
    density[GRID] = if q == 0.0 { per_total } else { 0.0 };
    for j in 1..GRID {
        density[j] = portable_math::exp(p * lnx[j] + q * lnx[GRID - j]) * per_total;
    }
    let mut cdf = vec![0.0; GRID + 1];
    for j in 1..=END_CELLS {
        cdf[j] = lower_integral(p, q, x(j), lnx[j]) / total;
    }
    let h = 1.0 / GRID as f64;
    for j in END_CELLS..GRID - END_CELLS {
        let cell =
            h / 24.0 * (13.0 * (density[j] + density[j + 1]) - density[j - 1] - density[j + 2]);
        cdf[j + 1] = cdf[j] + cell.max(0.0);
    }
    for j in GRID - END_CELLS + 1..GRID {
        cdf[j] = (1.0 - lower_integral(q, p, x(GRID - j), lnx[GRID - j]) / total).max(cdf[j - 1]);
    }
    cdf[GRID] = 1.0;
    for j in 1..=GRID {
        cdf[j] = cdf[j].clamp(cdf[j - 1], 1.0);
    }
    (cdf, density)
}

/// x with CDF(x) = u for each of the ascending `targets`. Within a grid cell the CDF is taken
/// as the monotone quadratic F₀ + ΔF·(a·t + (1 − a)·t²) whose slope at the cell's start is the
/// density there (a = h·f₀/ΔF, clamped to 0-2), inverted exactly: only `+ - * /` and `sqrt`.
fn invert(cdf: &[f64], density: &[f64], targets: impl Iterator<Item = f64>) -> Vec<f64> {
    let h = 1.0 / GRID as f64;
    let mut j = 0;
    targets
        .map(|u| {
            while j + 2 < cdf.len() && cdf[j + 1] < u {
                j += 1;
            }
            let rise = cdf[j + 1] - cdf[j];
            let t = if rise > 0.0 {
                let per_rise = 1.0 / rise;
                let s = ((u - cdf[j]) * per_rise).clamp(0.0, 1.0);
                let a = (h * density[j] * per_rise).clamp(0.0, 2.0);
                let denominator = a + (a * a + 4.0 * (1.0 - a) * s).max(0.0).sqrt();
                if denominator > 0.0 {
                    (2.0 * s / denominator).clamp(0.0, 1.0)
                } else {
                    0.0
                }
            } else {
                0.0
            };
            (j as f64 + t) * h
        })
        .collect()
}

/// Quantiles of the standard PERT on [0, 1] with mode `mode` (in [0, 1]): at u = k/1024 for
/// k = 0..=1024 (the first exactly 0, the last exactly 1), then the sub-points of the first
/// interval (u = k/(1024·256), k = 0..=256) and of the last (u = 1 − (256 − k)/(1024·256)).
pub fn standard_quantiles(mode: f64, ln_grid: &LnGrid) -> [Vec<f64>; 3] {
    let p = 4.0 * mode; // α − 1
    let q = 4.0 - p; // β − 1
    let (cdf, density) = grid_cdf(p, q, ln_grid);
    let n = INTERVALS as f64;
    let mut main = invert(&cdf, &density, (0..=INTERVALS).map(|k| k as f64 / n));
    main[0] = 0.0;
    main[INTERVALS] = 1.0;
    let sub = n * SUB_INTERVALS as f64;
    let mut lower = invert(&cdf, &density, (0..=SUB_INTERVALS).map(|k| k as f64 / sub));
    lower[0] = 0.0;
    lower[SUB_INTERVALS] = main[1];
    let mut upper = invert(
        &cdf,
        &density,
        (0..=SUB_INTERVALS).map(|k| 1.0 - (SUB_INTERVALS - k) as f64 / sub),
    );
    upper[0] = main[INTERVALS - 1];
    upper[SUB_INTERVALS] = 1.0;
    [main, lower, upper]
}

type Cells<const L: usize> = [[f64; 2]; L];

/// Per interval: the value at its left end and the rise to its right end.
fn cells<const L: usize>(low: f64, width: f64, q: &[f64], high: f64) -> Box<Cells<L>> {
    let mut cells = Box::new([[0.0; 2]; L]);
    for (k, cell) in cells.iter_mut().enumerate() {
        let left = low + width * q[k];
        let right = if q[k + 1] >= 1.0 {
            high
        } else {
            low + width * q[k + 1]
        };
        *cell = [left, right - left];
    }
    cells
}

/// Draws from PERT(low, likely, high) for `low < high`.
#[derive(Clone)]
pub struct PertSampler {
    cells: Box<Cells<INTERVALS>>,
    /// Sub-intervals of the first and the last interval.
    ends: [Box<Cells<SUB_INTERVALS>>; 2],
}

impl PertSampler {
    /// `low < high` and `low <= likely <= high` are the caller's to ensure (inputs are validated
    /// before any sampler is built); out-of-order values are clamped, never a panic.
    pub fn new(low: f64, likely: f64, high: f64, cache: &mut QuantileCache) -> PertSampler {
        let width = high - low;
        let mode = if width > 0.0 {
            ((likely - low) / width).clamp(0.0, 1.0)
        } else {
            0.5
        };
        let [main, lower, upper] = cache.get(mode);
        PertSampler {
            cells: cells(low, width, main, high),
            ends: [
                cells(low, width, lower, high),
                cells(low, width, upper, high),
            ],
        }
    }

    /// The value for one 32-bit generator output.
    #[inline(always)]
    pub fn sample(&self, r: u32) -> f64 {
        let i = (r >> FRACTION_BITS) as usize;
        if i == 0 || i == INTERVALS - 1 {
            return self.sample_end(usize::from(i != 0), r & FRACTION_MASK);
        }
        let [base, rise] = self.cells[i];
        base + rise * (f64::from(r & FRACTION_MASK) * FRACTION_SCALE)
    }

    #[cold]
    fn sample_end(&self, end: usize, bits: u32) -> f64 {
        let [base, rise] = self.ends[end][(bits >> SUB_FRACTION_BITS) as usize];
        base + rise * (f64::from(bits & SUB_FRACTION_MASK) * SUB_FRACTION_SCALE)
    }

    /// The mean of the values [`sample`](Self::sample) gives over all 2³² generator outputs
    /// (for tests and checks).
    pub fn mean(&self) -> f64 {
        let cell_mean = |cells: &Cells<SUB_INTERVALS>, scale: f64| {
            cells
                .iter()
                .map(|[b, r]| b + r * 0.5 * (1.0 - scale))
                .sum::<f64>()
                / SUB_INTERVALS as f64
        };
        let inner: f64 = self.cells[1..INTERVALS - 1]
            .iter()
            .map(|[b, r]| b + r * 0.5 * (1.0 - FRACTION_SCALE))
            .sum();
        let ends = cell_mean(&self.ends[0], SUB_FRACTION_SCALE)
            + cell_mean(&self.ends[1], SUB_FRACTION_SCALE);
        (inner + ends) / INTERVALS as f64
    }
}

/// Standard quantile tables already built in a run, keyed by the mode's bits: inputs with the
/// same shape share one.
pub struct QuantileCache {
    ln_grid: LnGrid,
    tables: Vec<(u64, [Vec<f64>; 3])>,
}

impl Default for QuantileCache {
    fn default() -> QuantileCache {
        QuantileCache::new()
    }
}

impl QuantileCache {
    pub fn new() -> QuantileCache {
        QuantileCache {
            ln_grid: LnGrid::new(),
            tables: Vec::new(),
        }
    }

    fn get(&mut self, mode: f64) -> &[Vec<f64>; 3] {
        let key = mode.to_bits();
        let i = match self.tables.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                self.tables
                    .push((key, standard_quantiles(mode, &self.ln_grid)));
                self.tables.len() - 1
            }
        };
        &self.tables[i].1
    }
}

/// The analytic mean of PERT(low, likely, high).
pub fn pert_mean(low: f64, likely: f64, high: f64) -> f64 {
    (low + 4.0 * likely + high) / 6.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roi::pcg::Pcg32;

    /// CDF(Q(u)) must be u for a Beta with a closed-form CDF, in the main table and in the
    /// tables of the two end intervals.
    fn check_against_cdf(mode: f64, cdf: impl Fn(f64) -> f64) {
        let [main, lower, upper] = standard_quantiles(mode, &LnGrid::new());
        assert_eq!(main[0], 0.0);
        assert_eq!(main[INTERVALS], 1.0);
        let n = INTERVALS as f64;
        for (k, x) in main.iter().enumerate() {
            let u = k as f64 / n;
            assert!(
                (cdf(*x) - u).abs() < 1e-8,
                "mode {mode}: CDF(Q({u})) = {} (x = {x})",
                cdf(*x)
            );
        }
        for (k, (lo, hi)) in lower.iter().zip(&upper).enumerate() {
            let u = k as f64 / (n * SUB_INTERVALS as f64);
            assert!(
                (cdf(*lo) - u).abs() < 1e-8,
                "mode {mode}: CDF(Q({u})) = {} (x = {lo})",
                cdf(*lo)
            );
            let u = 1.0 - (SUB_INTERVALS - k) as f64 / (n * SUB_INTERVALS as f64);
            assert!(
                (cdf(*hi) - u).abs() < 1e-8,
                "mode {mode}: CDF(Q({u})) = {} (x = {hi})",
                cdf(*hi)
            );
        }
        for table in [&main, &lower, &upper] {
            assert!(
                table.windows(2).all(|w| w[0] <= w[1]),
                "quantiles must not decrease"
            );
        }
    }

    #[test]
    fn quantiles_match_closed_form_beta_cdfs() {
        // mode 0.5: Beta(3, 3)
        check_against_cdf(0.5, |x| x * x * x * (10.0 - 15.0 * x + 6.0 * x * x));
        // mode 0: Beta(1, 5)
        check_against_cdf(0.0, |x| 1.0 - (1.0 - x).powi(5));
        // mode 1: Beta(5, 1)
        check_against_cdf(1.0, |x| x.powi(5));
        // mode 0.25: Beta(2, 4)
        check_against_cdf(0.25, |x| {
            1.0 - (1.0 - x).powi(5) - 5.0 * x * (1.0 - x).powi(4)
        });
        // mode 0.75: Beta(4, 2)
        check_against_cdf(0.75, |x| x.powi(5) + 5.0 * x.powi(4) * (1.0 - x));
    }

    #[test]
    fn table_mean_is_the_pert_mean() {
        let mut cache = QuantileCache::new();
        let mut worst: f64 = 0.0;
        for likely in (0..=200).map(|k| f64::from(k) / 200.0) {
            let s = PertSampler::new(0.0, likely, 1.0, &mut cache);
            worst = worst.max((s.mean() - pert_mean(0.0, likely, 1.0)).abs());
        }
        assert!(
            worst < 5e-6,
            "worst error of the mean over modes 0-1: {worst}"
        );
        for (low, likely, high) in [
            (0.0, 1.0, 2.0),
            (10.0, 12.0, 30.0),
            (150.0, 150.0, 200.0),
            (5.0, 9.0, 9.0),
            (0.1, 0.13, 0.9),
        ] {
            let s = PertSampler::new(low, likely, high, &mut cache);
            let want = pert_mean(low, likely, high);
            assert!(
                (s.mean() - want).abs() < 5e-6 * (high - low),
                "{low},{likely},{high}: {} vs {want}",
                s.mean()
            );
        }
    }

    #[test]
    fn draws_stay_in_range_and_hit_both_ends() {
        let mut cache = QuantileCache::new();
        let s = PertSampler::new(2.0, 3.0, 7.0, &mut cache);
        assert_eq!(s.sample(0), 2.0);
        assert!(s.sample(u32::MAX) <= 7.0 && s.sample(u32::MAX) > 6.99);
        let mut rng = Pcg32::for_seed(7);
        for _ in 0..10_000 {
            let x = s.sample(rng.next_u32());
            assert!((2.0..=7.0).contains(&x));
        }
    }

    #[test]
    fn sample_mean_converges_on_the_pert_mean() {
        let mut cache = QuantileCache::new();
        let mut rng = Pcg32::for_seed(2024);
        for (low, likely, high) in [
            (20_000.0, 37_500.0, 60_000.0),
            (0.0, 1.0, 3.0),
            (0.02, 0.05, 0.15),
        ] {
            let s = PertSampler::new(low, likely, high, &mut cache);
            let n = 200_000;
            let mean = (0..n).map(|_| s.sample(rng.next_u32())).sum::<f64>() / n as f64;
            let want = pert_mean(low, likely, high);
            // PERT's standard deviation is at most (high − low)/(2√7), under (high − low)/4:
            // the tolerance is 5 standard errors of the mean of 200,000 draws.
            let tolerance = 5.0 * (high - low) / 4.0 / (n as f64).sqrt();
            assert!(
                (mean - want).abs() < tolerance,
                "{low},{likely},{high}: {mean} vs {want}"
            );
        }
    }
}
