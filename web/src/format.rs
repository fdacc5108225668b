//! Short figures of the pages written for people (amounts, percentages and shares come from
//! the engine's `aims_engine::format`, one rule for every surface).

/// `1.25` → `"1.3"`, `2.0` → `"2"`.
pub fn one_decimal(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// `the share link …` → `The share link …`.
pub fn sentence(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_drops_a_trailing_zero() {
        assert_eq!(one_decimal(1.0), "1");
        assert_eq!(one_decimal(0.66), "0.7");
        assert_eq!(one_decimal(12.25), "12.2");
    }

    #[test]
    fn sentence_capitalises_the_first_letter_only() {
        assert_eq!(sentence("the share link is cut"), "The share link is cut");
        assert_eq!(sentence("élan A"), "Élan A");
        assert_eq!(sentence(""), "");
    }
}
