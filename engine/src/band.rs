//! The indicative readiness band: a plain-words reading of the overall readiness score
//! (`Report::readiness`, 0-100) for prospects who want one word rather than a percentage.
//!
//! The bands are defined here and only here (the app's band panel, the quick scan's result and
//! the widget's `aims:completed` event all read them from this module). They are a reading of
//! the engine's score, not a rule of the standard: a band never replaces the verdict, which
//! comes from the predicted findings, and "Ready for audit" needs a positive verdict as well
//! (docs/scoring.md, "Readiness band").

use crate::scoring::Verdict;

/// In place of the band while nothing is assessed.
pub const NO_BAND: &str =
    "Nothing is assessed yet: answer at least one question to see an indicative band.";

/// A band of the overall readiness score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadinessBand {
    /// Below 40.
    EarlyStage,
    /// 40 to below 70.
    Developing,
    /// 70 to below 90.
    NearlyReady,
    /// 90 and above.
    ReadyForAudit,
}

impl ReadinessBand {
    /// Lowest first.
    pub const ALL: [ReadinessBand; 4] = [
        ReadinessBand::EarlyStage,
        ReadinessBand::Developing,
        ReadinessBand::NearlyReady,
        ReadinessBand::ReadyForAudit,
    ];

    /// The band of a readiness score 0-100 (values outside the range fall in the end bands).
    pub fn of(readiness: f64) -> ReadinessBand {
        if readiness >= 90.0 {
            ReadinessBand::ReadyForAudit
        } else if readiness >= 70.0 {
            ReadinessBand::NearlyReady
        } else if readiness >= 40.0 {
            ReadinessBand::Developing
        } else {
            // Also NaN, which the engine never returns.
            ReadinessBand::EarlyStage
        }
    }

    /// The band of a readiness score read with the verdict: "Ready for audit" only when the
    /// verdict is positive (a high score with a major nonconformity still needs work).
    pub fn reading(readiness: f64, verdict: Verdict) -> ReadinessBand {
        match ReadinessBand::of(readiness) {
            ReadinessBand::ReadyForAudit if !verdict.is_positive() => ReadinessBand::NearlyReady,
            b => b,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReadinessBand::EarlyStage => "Early stage",
            ReadinessBand::Developing => "Developing",
            ReadinessBand::NearlyReady => "Nearly ready",
            ReadinessBand::ReadyForAudit => "Ready for audit",
        }
    }

    /// The score range in words.
    pub fn range(self) -> &'static str {
        match self {
            ReadinessBand::EarlyStage => "below 40%",
            ReadinessBand::Developing => "40-69%",
            ReadinessBand::NearlyReady => "70-89%",
            ReadinessBand::ReadyForAudit => "90% and above",
        }
    }

    /// What the band means for the road to certification.
    pub fn meaning(self) -> &'static str {
        match self {
            ReadinessBand::EarlyStage => "Most of the AI management system is still to be put in place: expect a project of many months before an audit.",
            ReadinessBand::Developing => "Important parts are in place, but several areas are informal or missing: close the biggest gaps before planning an audit.",
            ReadinessBand::NearlyReady => "Most of what an auditor expects is in place: a focused effort on the remaining gaps should get you ready.",
            ReadinessBand::ReadyForAudit => "What you describe largely meets what a certification audit expects: confirm it item by item in the full assessment.",
        }
    }

    /// The score with the band's range: "Readiness score 62% (40-69%)".
    pub fn score_text(self, readiness: f64) -> String {
        format!(
            "Readiness score {}% ({})",
            crate::format::whole(readiness),
            self.range()
        )
    }

    /// A stable name, for code that listens to the widget's event (`early-stage`, …).
    pub fn key(self) -> &'static str {
        match self {
            ReadinessBand::EarlyStage => "early-stage",
            ReadinessBand::Developing => "developing",
            ReadinessBand::NearlyReady => "nearly-ready",
            ReadinessBand::ReadyForAudit => "ready-for-audit",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ReadinessBand::{self, *};
    use crate::scoring::Verdict;

    #[test]
    fn bands_split_the_score_at_40_70_and_90() {
        for (score, band) in [
            (0.0, EarlyStage),
            (39.9, EarlyStage),
            (40.0, Developing),
            (69.9, Developing),
            (70.0, NearlyReady),
            (89.9, NearlyReady),
            (90.0, ReadyForAudit),
            (100.0, ReadyForAudit),
            (-5.0, EarlyStage),
            (f64::NAN, EarlyStage),
        ] {
            assert_eq!(ReadinessBand::of(score), band, "{score}");
        }
    }

    #[test]
    fn a_high_score_needs_a_positive_verdict_to_read_ready_for_audit() {
        assert_eq!(ReadinessBand::reading(95.0, Verdict::NotReady), NearlyReady);
        assert_eq!(ReadinessBand::reading(95.0, Verdict::Ready), ReadyForAudit);
        assert_eq!(ReadinessBand::reading(50.0, Verdict::Ready), Developing);
    }

    #[test]
    fn keys_are_distinct_and_stable() {
        let keys: Vec<&str> = ReadinessBand::ALL.iter().map(|b| b.key()).collect();
        assert_eq!(
            keys,
            [
                "early-stage",
                "developing",
                "nearly-ready",
                "ready-for-audit"
            ]
        );
    }

    #[test]
    fn the_score_is_written_whole_with_the_band_s_range() {
        assert_eq!(Developing.score_text(62.4), "Readiness score 62% (40-69%)");
        assert_eq!(
            ReadyForAudit.score_text(100.0),
            "Readiness score 100% (90% and above)"
        );
    }

    #[test]
    fn all_lists_the_bands_lowest_first_each_with_words() {
        for (b, lower) in ReadinessBand::ALL.iter().zip([0.0, 40.0, 70.0, 90.0]) {
            assert_eq!(ReadinessBand::of(lower), *b);
            assert!(!b.label().is_empty() && !b.range().is_empty() && !b.meaning().is_empty());
        }
    }
}
