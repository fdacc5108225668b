//! Numbers written for people, one rule each, used by every surface (the CLI's text, the
//! Markdown report, the web app, the JS API's callers through the same reports):
//!
//! - [`amount`]: rounded to a whole number, thousands grouped with commas: `1,234,568`;
//! - [`number`]: an input as people read it: at most two decimals, trailing zeros dropped, and
//!   grouped like an amount from 1,000: `0.33`, `4.5`, `37,500`;
//! - [`percent`] (a value already in percent) and [`share`] (a fraction 0-1): one decimal,
//!   `.0` dropped: `-53.3%`, `120%`;
//! - [`months`]: `1 month`, `18 months`;
//! - [`one_decimal`]: a score or a count of points, one decimal, `.0` dropped: `45.3`, `2`;
//! - [`compact`]: an amount short enough for a chart's axis: `−120k`, `1.3M`, `950`;
//! - [`plain`]: a number as typed in an input field: `37500`, `0.33` (no grouping);
//! - [`and_list`], [`or_list`]: names in a sentence: `A, B and C`, `A, B or C`.
//!
//! Negative values take the true minus sign [`MINUS`] (U+2212), never a hyphen, and a value
//! that rounds to zero has no sign. A value that is not finite is written [`NOT_A_NUMBER`].
//! JSON outputs keep the numbers themselves; only text for people goes through here.

/// The minus sign of every negative figure.
pub const MINUS: &str = "\u{2212}";
/// What a value that is not finite reads as (an en dash).
pub const NOT_A_NUMBER: &str = "\u{2013}";

/// `1234567.8` → `1,234,568`; `-12000` → `−12,000`.
pub fn amount(x: f64) -> String {
    if !x.is_finite() {
        return NOT_A_NUMBER.into();
    }
    let rounded = x.abs().round();
    let digits = format!("{rounded:.0}");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + MINUS.len());
    if x < 0.0 && rounded > 0.0 {
        out.push_str(MINUS);
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount with its currency label: `USD 37,500`; the amount alone without a label.
pub fn money(x: f64, currency: &str) -> String {
    match currency.trim() {
        "" => amount(x),
        c => format!("{c} {}", amount(x)),
    }
}

/// `0.33` → `0.33`, `4.50` → `4.5`, `37500` → `37,500`, `-0.004` → `0`.
pub fn number(x: f64) -> String {
    if !x.is_finite() {
        return NOT_A_NUMBER.into();
    }
    if x.abs() >= 1000.0 {
        return amount(x);
    }
    decimals(x, 2)
}

/// A value already in percent, one decimal: `-53.27` → `−53.3%`, `120.0` → `120%`.
pub fn percent(x: f64) -> String {
    if !x.is_finite() {
        return NOT_A_NUMBER.into();
    }
    format!("{}%", decimals(x, 1))
}

/// A fraction 0-1 as a percentage: `0.734` → `73.4%`.
pub fn share(x: f64) -> String {
    percent(x * 100.0)
}

/// `1` → `1 month`, `18` → `18 months`.
pub fn months(n: u32) -> String {
    if n == 1 {
        "1 month".into()
    } else {
        format!("{n} months")
    }
}

/// Names as a sentence lists them: `A`, `A and B`, `A, B and C`.
pub fn and_list<S: AsRef<str>>(names: &[S]) -> String {
    listed(names, " and ")
}

/// Alternatives as a sentence lists them: `A`, `A or B`, `A, B or C`.
pub fn or_list<S: AsRef<str>>(names: &[S]) -> String {
    listed(names, " or ")
}

fn listed<S: AsRef<str>>(names: &[S], last: &str) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == names.len() { last } else { ", " });
        }
        out.push_str(name.as_ref());
    }
    out
}

/// One decimal, `.0` dropped: `45.25` → `45.3`, `2.0` → `2`, `-0.5` → `−0.5`.
pub fn one_decimal(x: f64) -> String {
    if !x.is_finite() {
        return NOT_A_NUMBER.into();
    }
    decimals(x, 1)
}

/// A whole number, halves rounded away from zero: `62.5` → `63`, `-0.4` → `0`.
pub fn whole(x: f64) -> String {
    decimals(x, 0)
}

/// A short amount for chart labels: thousands as `k` (whole), millions as `M` and billions as
/// `B` (one decimal): `-120400` → `−120k`, `1260000` → `1.3M`, `950` → `950`.
pub fn compact(x: f64) -> String {
    if !x.is_finite() {
        return NOT_A_NUMBER.into();
    }
    let a = x.abs();
    let (value, unit, places) = if a >= 1e9 {
        (a / 1e9, "B", 1)
    } else if a >= 1e6 {
        (a / 1e6, "M", 1)
    } else if a >= 1e3 {
        (a / 1e3, "k", 0)
    } else {
        (a, "", 0)
    };
    let body = format!("{}{unit}", decimals(value, places));
    if x < 0.0 && body != "0" {
        format!("{MINUS}{body}")
    } else {
        body
    }
}

/// A number as typed in an input field, so that it reads back unchanged: the shortest digits
/// of the value, no grouping, a hyphen-minus (what a number field accepts); empty when the
/// value is not finite. `37500` → `37500`, `0.33` → `0.33`.
pub fn plain(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

/// A value in the fewest digits that read back to it, `.0` dropped, as a message quotes a
/// number: `0.125`, `1`, `1e+300`; written by serde_json's formatter, which every build that
/// reads JSON links anyway (the float formatter of `core::fmt` is 9.5 KB of Wasm more).
pub fn shortest(x: f64) -> String {
    match serde_json::Number::from_f64(x) {
        Some(n) => {
            let s = n.to_string();
            match s.strip_suffix(".0") {
                Some(whole) => whole.to_string(),
                None => s,
            }
        }
        None => NOT_A_NUMBER.into(),
    }
}

/// `x` with at most `places` decimals, halves rounded away from zero, trailing zeros dropped,
/// the true minus sign, no sign on a value that rounds to zero.
///
/// Written with integer arithmetic on the value in units of `10^-places`, not with the float
/// formatter of `core::fmt` (9.5 KB of Wasm, which the quick-scan widget then does without).
/// Below 2^53 units (9,007,199,254,740,992: any score, percentage or input people read) every
/// unit is exact, as it was; beyond that an `f64` has no digits at that precision left, and
/// the value is written as the whole number nearest to it, in full up to 2^127 (about 1.7e38)
/// and above that in the shortest form that reads back to it (`1e+300`).
fn decimals(x: f64, places: u8) -> String {
    // Halves round away from zero (45.25 → 45.3), as people round, not to even.
    let scale = 10f64.powi(i32::from(places));
    let units = (x.abs() * scale).round();
    let digits = if units < 9_007_199_254_740_992.0 {
        // Exact: a whole number of units below 2^53 (the cast cannot saturate).
        let units = units as u64;
        let whole = 10u64.pow(u32::from(places));
        match places {
            0 => units.to_string(),
            _ => format!(
                "{}.{:0width$}",
                units / whole,
                units % whole,
                width = usize::from(places)
            ),
        }
    } else if x.abs() < 1.7e38 {
        // A whole number below 2^127: the cast is exact.
        (x.abs().round() as u128).to_string()
    } else {
        // The exponent form has no zeros to trim.
        return signed(x, &shortest(x.abs()));
    };
    signed(x, without_trailing_zeros(&digits))
}

/// `12.50` → `12.5`, `3.00` → `3`; a number without a decimal point as it is.
fn without_trailing_zeros(digits: &str) -> &str {
    if digits.contains('.') {
        digits.trim_end_matches('0').trim_end_matches('.')
    } else {
        digits
    }
}

/// The digits of `x` with the true minus sign when `x` is negative and they are not all zero.
fn signed(x: f64, digits: &str) -> String {
    if x < 0.0 && digits.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        format!("{MINUS}{digits}")
    } else {
        digits.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule as it was written with the float formatter of `core::fmt`.
    fn decimals_by_core_fmt(x: f64, places: u8) -> String {
        let scale = 10f64.powi(i32::from(places));
        let rounded = (x.abs() * scale).round() / scale;
        signed(
            x,
            without_trailing_zeros(&format!("{:.*}", usize::from(places), rounded)),
        )
    }

    #[test]
    fn integer_arithmetic_writes_what_the_float_formatter_wrote() {
        // Every thousandth from -200 to 200, halves included, and values spread over many
        // magnitudes (a fixed linear congruential sequence), each at 0, 1 and 2 decimals.
        let mut values: Vec<f64> = (-200_000..=200_000)
            .map(|i| f64::from(i) / 1000.0)
            .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..200_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let mantissa = (seed >> 11) as f64 / (1u64 << 53) as f64;
            let exponent = i32::try_from(seed % 28).unwrap() - 14;
            let sign = if seed & 1 == 0 { 1.0 } else { -1.0 };
            values.push(sign * mantissa * 10f64.powi(exponent));
        }
        for x in values {
            for places in 0..=2 {
                assert_eq!(
                    decimals(x, places),
                    decimals_by_core_fmt(x, places),
                    "{x} at {places}"
                );
            }
        }
    }

    #[test]
    fn values_too_large_for_units_are_whole_numbers_then_the_shortest_form() {
        assert_eq!(whole(1e20), "100000000000000000000");
        assert_eq!(one_decimal(-1e20), "\u{2212}100000000000000000000");
        assert_eq!(percent(1e300), "1e+300%");
        assert_eq!(one_decimal(-1.5e300), "\u{2212}1.5e+300");
        assert_eq!(shortest(0.125), "0.125");
        assert_eq!(shortest(1.0), "1");
        assert_eq!(shortest(1e300), "1e+300");
        assert_eq!(shortest(f64::NAN), NOT_A_NUMBER);
    }

    #[test]
    fn names_are_listed_as_a_sentence_lists_them() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&["A", "B"]), "A and B");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
        assert_eq!(or_list(&["A", "B", "C"]), "A, B or C");
    }

    #[test]
    fn whole_numbers_round_halves_away_from_zero() {
        for (x, want) in [
            (62.5, "63"),
            (62.49, "62"),
            (-0.4, "0"),
            (-2.5, "\u{2212}3"),
            (100.0, "100"),
        ] {
            assert_eq!(whole(x), want, "{x}");
        }
    }

    #[test]
    fn short_figures_of_the_pages() {
        for (x, want) in [
            (45.25, "45.3"),
            (2.0, "2"),
            (0.66, "0.7"),
            (-0.5, "\u{2212}0.5"),
            (-0.04, "0"),
            (f64::NAN, "\u{2013}"),
        ] {
            assert_eq!(one_decimal(x), want, "{x}");
        }
        for (x, want) in [
            (-120_400.0, "\u{2212}120k"),
            (1_260_000.0, "1.3M"),
            (2_000_000.0, "2M"),
            (3_450_000_000.0, "3.5B"),
            (950.0, "950"),
            (0.2, "0"),
            (-0.2, "0"),
            (f64::INFINITY, "\u{2013}"),
        ] {
            assert_eq!(compact(x), want, "{x}");
        }
        for (x, want) in [
            (0.33, "0.33"),
            (37_500.0, "37500"),
            (-2.5, "-2.5"),
            (f64::NAN, ""),
        ] {
            assert_eq!(plain(x), want, "{x}");
            if let Ok(back) = want.parse::<f64>() {
                assert_eq!(back, x, "a typed value reads back unchanged");
            }
        }
    }

    #[test]
    fn amounts_group_thousands_and_sign_negatives() {
        for (x, want) in [
            (0.0, "0"),
            (999.4, "999"),
            (1000.0, "1,000"),
            (1_234_567.8, "1,234,568"),
            (-12_000.0, "\u{2212}12,000"),
            (-0.3, "0"),
            (f64::NAN, "\u{2013}"),
            (f64::INFINITY, "\u{2013}"),
        ] {
            assert_eq!(amount(x), want, "{x}");
        }
        assert_eq!(money(37_500.0, "USD"), "USD 37,500");
        assert_eq!(money(-5.0, " "), "\u{2212}5");
    }

    #[test]
    fn numbers_keep_two_decimals_at_most() {
        for (x, want) in [
            (0.33, "0.33"),
            (4.5, "4.5"),
            (12.0, "12"),
            (0.125, "0.13"),
            (-0.004, "0"),
            (-2.5, "\u{2212}2.5"),
            (37_500.0, "37,500"),
        ] {
            assert_eq!(number(x), want, "{x}");
        }
    }

    #[test]
    fn one_rule_for_every_percentage() {
        for (x, want) in [
            (-53.27, "\u{2212}53.3%"),
            (120.0, "120%"),
            (45.25, "45.3%"),
            (66.66, "66.7%"),
            (0.04, "0%"),
            (-0.04, "0%"),
            (100.0, "100%"),
            (f64::NAN, "\u{2013}"),
        ] {
            assert_eq!(percent(x), want, "{x}");
        }
        assert_eq!(share(0.734), "73.4%");
        assert_eq!(months(1), "1 month");
        assert_eq!(months(18), "18 months");
    }
}
