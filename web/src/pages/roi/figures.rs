//! How ROI figures are written: amounts with thousands separators and the currency label,
//! compact amounts for chart axes, percentages and shares.

use crate::format::one_decimal;

/// `12345.6` → `"12,346"`; negative numbers get a true minus sign.
pub fn grouped(x: f64) -> String {
    aims_engine::amount::grouped(x, "\u{2212}")
}

/// An amount with its currency label: `USD 37,500`, `USD −12,000`.
pub fn money(x: f64, currency: &str) -> String {
    if currency.trim().is_empty() {
        grouped(x)
    } else {
        format!("{} {}", currency.trim(), grouped(x))
    }
}

/// A short amount for chart labels: `−120k`, `1.2M`, `950`.
pub fn compact(x: f64) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let sign = if x < 0.0 { "\u{2212}" } else { "" };
    let a = x.abs();
    let body = if a >= 1e9 {
        format!("{}B", one_decimal(a / 1e9))
    } else if a >= 1e6 {
        format!("{}M", one_decimal(a / 1e6))
    } else if a >= 1e3 {
        format!("{:.0}k", a / 1e3)
    } else {
        format!("{a:.0}")
    };
    if body == "0" {
        body
    } else {
        format!("{sign}{body}")
    }
}

/// A percentage already in percent: `123.4` → `123%`, `-8.26` → `−8.3%` (one decimal below 10).
pub fn percent(x: f64) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let body = if x.abs() < 10.0 {
        one_decimal(x.abs())
    } else {
        format!("{:.0}", x.abs())
    };
    if x < 0.0 && body != "0" {
        format!("\u{2212}{body}%")
    } else {
        format!("{body}%")
    }
}

/// A share 0-1 as a percentage: `0.734` → `73%`.
pub fn share(x: f64) -> String {
    percent(x * 100.0)
}

/// A plain number as typed in a field: `37500`, `0.33`.
pub fn plain(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_people_write_them() {
        assert_eq!(grouped(1234567.4), "1,234,567");
        assert_eq!(grouped(-12000.0), "\u{2212}12,000");
        assert_eq!(grouped(-0.2), "0");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(money(37500.0, "USD"), "USD 37,500");
        assert_eq!(money(5.0, ""), "5");
        assert_eq!(compact(-120_400.0), "\u{2212}120k");
        assert_eq!(compact(1_260_000.0), "1.3M");
        assert_eq!(compact(2_000_000.0), "2M");
        assert_eq!(compact(0.2), "0");
        assert_eq!(percent(123.4), "123%");
        assert_eq!(percent(-8.26), "\u{2212}8.3%");
        assert_eq!(share(0.734), "73%");
        assert_eq!(plain(0.33), "0.33");
        assert_eq!(plain(37500.0), "37500");
        assert_eq!(grouped(f64::NAN), "–");
    }
}
