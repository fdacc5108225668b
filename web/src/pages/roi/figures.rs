//! How ROI figures are written: amounts, percentages and shares by the engine's one rule
//! (`aims_engine::format`), compact amounts for chart axes and plain numbers for fields.

use crate::format::one_decimal;

/// Amounts (`12,346`, `USD −12,000`), percentages and shares: the engine's one rule.
pub use aims_engine::format::{amount as grouped, money, percent, share};

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
        assert_eq!(compact(-120_400.0), "\u{2212}120k");
        assert_eq!(compact(1_260_000.0), "1.3M");
        assert_eq!(compact(2_000_000.0), "2M");
        assert_eq!(compact(0.2), "0");
        assert_eq!(plain(0.33), "0.33");
        assert_eq!(plain(37500.0), "37500");
    }
}
