//! Unknown ids: the error and the "did you mean" suggestions.

use std::fmt;

/// A string that is not a valid id of the expected kind, with the closest valid ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownId {
    pub input: String,
    /// What was expected, e.g. "an ISO/IEC 42001 Annex A control or objective".
    pub expected: &'static str,
    pub suggestions: Vec<&'static str>,
}

impl UnknownId {
    pub(crate) fn new(input: &str, expected: &'static str, suggestions: Vec<&'static str>) -> Self {
        UnknownId {
            input: input.to_string(),
            expected,
            suggestions,
        }
    }
}

impl fmt::Display for UnknownId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not {}", self.input, self.expected)?;
        if self.suggestions.is_empty() {
            return Ok(());
        }
        write!(
            f,
            "; did you mean {}?",
            crate::format::or_list(&self.suggestions)
        )
    }
}

impl std::error::Error for UnknownId {}

/// The candidates nearest to `input` by edit distance (at most three, best first; only those
/// within a distance that makes a typo plausible).
pub(crate) fn nearest(
    input: &str,
    candidates: impl Iterator<Item = &'static str>,
) -> Vec<&'static str> {
    let input = input.to_ascii_uppercase();
    // A candidate whose length differs from the input's by more than the limit below is at
    // least that many edits away, so it could never be offered: it is left out before the
    // distance is computed (which takes time in proportion to the two lengths multiplied, and
    // an "id" may be thousands of characters long; found by fuzzing).
    let limit = (input.len() / 2).max(2);
    // Rank by edit distance, then by the longest shared prefix ("A.4.1" is nearer "A.4.2" than
    // "A.5.1"), then by how far the last number is ("A.4.2" before "A.4.3"). Only the
    // candidates that tie on all three are offered.
    let mut scored: Vec<((usize, usize, u32), &'static str)> = candidates
        .filter(|c| c.len().abs_diff(input.len()) <= limit)
        .map(|c| {
            let upper = c.to_ascii_uppercase();
            let shared = input
                .bytes()
                .zip(upper.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            let key = (
                distance(&input, &upper),
                usize::MAX - shared,
                last_number(&input).abs_diff(last_number(&upper)),
            );
            (key, c)
        })
        .collect();
    crate::order::sort_by_key(&mut scored, |&(k, _)| k);
    let Some(&(best, _)) = scored.first() else {
        return Vec::new();
    };
    if best.0 > limit {
        return Vec::new();
    }
    scored
        .into_iter()
        .take_while(|&(k, _)| k == best)
        .take(3)
        .map(|(_, c)| c)
        .collect()
}

/// The trailing number of an id ("A.4.12" → 12), or 0.
fn last_number(s: &str) -> u32 {
    let digits: String = s.chars().rev().take_while(char::is_ascii_digit).collect();
    digits
        .chars()
        .rev()
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}

/// Levenshtein distance over bytes (ids and field names are ASCII; anything else is simply
/// far). Also used for "did you mean" hints on misspelled field names.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("A.4.1", "A.4.2"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("GOVERN 1.1", "GOVERN 1.1"), 0);
    }

    #[test]
    fn nearest_prefers_closest_and_gives_up_when_far() {
        let c = ["A.4.2", "A.4.3", "A.5.2", "A.10.4"];
        assert_eq!(nearest("A.4.1", c.into_iter()), vec!["A.4.2"]);
        assert_eq!(nearest("a.10.5", c.into_iter()), vec!["A.10.4"]);
        assert!(nearest("completely different", c.into_iter()).is_empty());
        // Far longer than any candidate: nothing to offer (and no distance computed).
        assert!(nearest(&"A.4.1".repeat(1000), c.into_iter()).is_empty());
        assert_eq!(nearest("A.4.2xx", c.into_iter()), vec!["A.4.2"]);
    }
}
