//! `ln` and `exp` built from IEEE-754 basic operations only, so that they give the same bits on
//! every target.
//!
//! `f64::ln` and `f64::exp` from `std` call the platform's maths library natively and Rust's
//! `libm` port in Wasm; nothing promises that the two round the same way. Every number the ROI
//! model derives through a logarithm or an exponential (the monthly discount factor, the PERT
//! quantile tables, the audit-day extrapolation) goes through these two functions instead, and
//! they use only `+ - * /`, comparisons and bit manipulation, which IEEE-754 defines exactly.
//! Rust never fuses `a * b + c` into an FMA on its own, so the results are bit-identical natively
//! and in Wasm. Accuracy is a few ulps wherever the result is a normal number, far finer than anything
//! the model needs.

/// ln 2 split in two (fdlibm's constants): the upper part has trailing zero bits, so `k * LN2_HI`
/// is exact for the exponents that occur; the lower part is the rest.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000); // 6.93147180369123816490e-01
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76); // 1.90821492927058770002e-10
const INV_LN2: f64 = std::f64::consts::LOG2_E;
const SQRT2: f64 = std::f64::consts::SQRT_2;

/// 1/23, 1/21, ..., 1/3: the atanh series, highest order first (evaluated by the compiler, which
/// rounds exactly as IEEE-754 says).
const ATANH_COEFFS: [f64; 11] = [
    1.0 / 23.0,
    1.0 / 21.0,
    1.0 / 19.0,
    1.0 / 17.0,
    1.0 / 15.0,
    1.0 / 13.0,
    1.0 / 11.0,
    1.0 / 9.0,
    1.0 / 7.0,
    1.0 / 5.0,
    1.0 / 3.0,
];

/// 1/n! for n = 0..=14.
const INV_FACTORIALS: [f64; 15] = {
    let mut t = [1.0; 15];
    let mut fact = 1.0;
    let mut n = 1;
    while n < 15 {
        fact *= n as f64;
        t[n] = 1.0 / fact;
        n += 1;
    }
    t
};

/// Natural logarithm of a positive finite `x`. Returns `-inf` for 0 and NaN for negative or NaN
/// input (callers in this module only pass positive finite values).
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    // Bring subnormals into the normal range first.
    let (x, extra) = if x < f64::MIN_POSITIVE {
        (x * 18_014_398_509_481_984.0, -54i64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7ff) as i64 - 1023 + extra;
    // Mantissa in [1, 2).
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m > SQRT2 {
        m *= 0.5;
        e += 1;
    }
    // ln m = 2 atanh(s) with s = (m - 1) / (m + 1), |s| <= 0.1716.
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut series = ATANH_COEFFS[0];
    for c in &ATANH_COEFFS[1..] {
        series = series * s2 + c;
    }
    let ln_m = 2.0 * s * (series * s2) + 2.0 * s;
    let e = e as f64;
    e * LN2_HI + (e * LN2_LO + ln_m)
}

/// `e` to the power `x`. Overflows to `+inf` above about 709.78 and underflows to 0 below about
/// -745.
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.782_712_893_384 {
        return f64::INFINITY;
    }
    if x < -745.133_219_101_941_1 {
        return 0.0;
    }
    // x = k ln 2 + r with |r| <= ln 2 / 2 (Cody-Waite reduction in two parts).
    let k = (x * INV_LN2 + if x < 0.0 { -0.5 } else { 0.5 }) as i64;
    let kf = k as f64;
    let r = (x - kf * LN2_HI) - kf * LN2_LO;
    // Taylor series of e^r to degree 14: the first omitted term is below 2e-18.
    let mut p = INV_FACTORIALS[14];
    for n in (1..14).rev() {
        p = p * r + INV_FACTORIALS[n];
    }
    let er = p * r + 1.0;
    scale_by_power_of_two(er, k)
}

/// `x * 2^k`, exact unless the result is subnormal.
fn scale_by_power_of_two(x: f64, k: i64) -> f64 {
    let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
    if k > 1023 {
        x * pow2(1023) * pow2(k - 1023)
    } else if k < -1022 {
        // Two steps so that the intermediate stays normal.
        x * pow2(k + 1000) * pow2(-1000)
    } else {
        x * pow2(k)
    }
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
