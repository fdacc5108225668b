//! Amounts written for people: `1234567.8` → `1,234,568`. One rule for the CLI, the Markdown
//! report and the web app.

/// Rounds to a whole number and groups thousands with commas; `minus` is written before a
/// negative amount (`"-"` in plain text, `"\u{2212}"` on screen). Not-finite values give `"–"`.
pub fn grouped(x: f64, minus: &str) -> String {
    if !x.is_finite() {
        return "\u{2013}".into();
    }
    let rounded = x.abs().round();
    let digits = format!("{rounded:.0}");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + minus.len());
    if x < 0.0 && rounded > 0.0 {
        out.push_str(minus);
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn groups_thousands_and_signs_negatives() {
        for (x, want) in [
            (0.0, "0"),
            (999.4, "999"),
            (1000.0, "1,000"),
            (1234567.8, "1,234,568"),
            (-12000.0, "-12,000"),
            (-0.3, "0"),
            (f64::NAN, "\u{2013}"),
        ] {
            assert_eq!(grouped(x, "-"), want, "{x}");
        }
        assert_eq!(grouped(-5.0, "\u{2212}"), "\u{2212}5");
    }
}
