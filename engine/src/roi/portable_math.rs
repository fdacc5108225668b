//! `ln` and `exp` that give the same bits on every target, from the `libm` crate.
//!
//! `f64::ln` and `f64::exp` from `std` call the platform's maths library natively and Rust's
//! `libm` port in Wasm; nothing promises that the two round the same way. Every number the ROI
//! model derives through a logarithm or an exponential (the monthly discount factor, the PERT
//! quantile tables, the audit-day extrapolation) goes through these two functions instead:
//! `libm` (Rust's port of musl's maths library, the one `std` itself uses in Wasm) is plain Rust
//! built from IEEE-754 basic operations, so it gives the same bits natively and in Wasm. The
//! golden test (`roi::GOLDEN_BITS`, checked natively and in the browser by `web/tests/browser.rs`)
//! holds that true for the Monte Carlo's P10, P50, P90 and the tornado, also across upgrades of
//! `libm`. (Until 2026 these were our own atanh and Taylor series; `libm` gave bit-identical
//! results across targets too, more accurately and without our own numerics to maintain.)

/// Natural logarithm: `-inf` for 0, NaN for negative or NaN input.
pub fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// `e` to the power `x`. Overflows to `+inf` above about 709.78 and underflows to 0 below about
/// -745.
pub fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// `base` to the power `p` for a positive `base`.
pub fn powf(base: f64, p: f64) -> f64 {
    exp(p * ln(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: f64, b: f64) -> f64 {
        if a == b {
            0.0
        } else {
            ((a - b) / b).abs()
        }
    }

    #[test]
    fn ln_matches_std_to_a_few_ulps() {
        let mut x = 1e-300;
        while x < 1e300 {
            for y in [x, x * 1.234_567, x * 7.77] {
                assert!(
                    rel(ln(y), y.ln()) < 4e-16 || (ln(y) - y.ln()).abs() < 1e-16,
                    "ln({y})"
                );
            }
            x *= 3.3;
        }
        for y in [0.5, 0.999_999, 1.0, 1.000_001, 1.08, 2.0, 10.0, 4e-320] {
            assert!(
                rel(ln(y), y.ln()) < 4e-16 || (ln(y) - y.ln()).abs() < 1e-16,
                "ln({y})"
            );
        }
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(ln(0.0), f64::NEG_INFINITY);
        assert!(ln(-1.0).is_nan());
    }

    #[test]
    fn exp_matches_std_to_a_few_ulps() {
        // The normal range of the result (below about -708 it is subnormal and loses precision).
        let mut x = -708.0;
        while x < 709.0 {
            assert!(
                rel(exp(x), x.exp()) < 1e-15,
                "exp({x}) = {} vs {}",
                exp(x),
                x.exp()
            );
            x += 0.371;
        }
        for y in [-1e-10, 0.0, 1e-10, 0.5, -0.5, 1.0, 0.346, -0.347] {
            assert!(rel(exp(y), y.exp()) < 4e-16, "exp({y})");
        }
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(1000.0), f64::INFINITY);
        assert_eq!(exp(-1000.0), 0.0);
    }

    #[test]
    fn powf_matches_std() {
        for (b, p) in [
            (1.08, 1.0 / 12.0),
            (0.3, 2.5),
            (0.999, 4.0),
            (2.0, 10.0),
            (1.0, 0.3),
        ] {
            assert!(rel(powf(b, p), b.powf(p)) < 2e-15, "{b}^{p}");
        }
    }
}
