//! The date an export or report carries. The engine has no clock: the caller (the web app, the
//! CLI) passes today's date, parsed here once at the edge.

use serde::{Serialize, Serializer};
use std::fmt;

/// A calendar date, `YYYY-MM-DD`, checked (month 1-12, a day that exists in that month).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReportDate {
    year: u16,
    month: u8,
    day: u8,
}

impl ReportDate {
    /// Reads `YYYY-MM-DD` (surrounding spaces allowed; years 1000-9999).
    pub fn parse(s: &str) -> Result<ReportDate, DateError> {
        let bad = || DateError {
            found: s.to_string(),
        };
        let t = s.trim().as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = t.get(r)?;
            if part.iter().all(u8::is_ascii_digit) {
                Some(part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
            } else {
                None
            }
        };
        if t.len() != 10 || t[4] != b'-' || t[7] != b'-' {
            return Err(bad());
        }
        let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10))
        else {
            return Err(bad());
        };
        if !(1000..=9999).contains(&year)
            || !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
        {
            return Err(bad());
        }
        Ok(ReportDate {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The last day of the month written `YYYY-MM` (a due month means "by the end of it").
    pub fn end_of_month(s: &str) -> Option<ReportDate> {
        let (y, m) = s.trim().split_once('-')?;
        let digits = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) {
            return None;
        }
        let (year, month) = (y.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
        if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        Some(ReportDate {
            year: year as u16,
            month: month as u8,
            day: days_in_month(year, month) as u8,
        })
    }

    /// Days since 1970-01-01 (negative before), for comparing and counting days.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date written `YYYYMMDD` (iCalendar's DATE).
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }

    /// The date from a count of days since 1970-01-01 (what a shell gets from its clock), for
    /// dates from 1970 to 9999; `None` outside.
    pub fn from_days_since_epoch(days: i64) -> Option<ReportDate> {
        // Howard Hinnant's civil_from_days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        if !(1970..=9999).contains(&year) {
            return None;
        }
        Some(ReportDate {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Midnight UTC of the date, as OSCAL's `date-time-with-timezone`.
    pub fn to_datetime(self) -> String {
        format!("{self}T00:00:00Z")
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for ReportDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for ReportDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A text that is not a `YYYY-MM-DD` date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub found: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a date; expected YYYY-MM-DD, e.g. 2025-03-31",
            self.found
        )
    }
}

impl std::error::Error for DateError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_end_and_days_count() {
        let d = |s: &str| ReportDate::parse(s).unwrap();
        assert_eq!(ReportDate::end_of_month("2024-02"), Some(d("2024-02-29")));
        assert_eq!(ReportDate::end_of_month("2025-04"), Some(d("2025-04-30")));
        assert_eq!(ReportDate::end_of_month("2025-13"), None);
        assert_eq!(ReportDate::end_of_month("2025-4"), None);
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        for s in ["2024-02-29", "2026-12-31", "2000-03-01"] {
            let n = d(s).days_since_epoch();
            assert_eq!(ReportDate::from_days_since_epoch(n), Some(d(s)));
        }
        assert_eq!(d("2026-06-30").compact(), "20260630");
    }

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(
            ReportDate::parse(" 2024-02-29 ").unwrap().to_string(),
            "2024-02-29"
        );
        for bad in [
            "",
            "2023-02-29",
            "2025-13-01",
            "2025-04-31",
            "2025-4-01",
            "25-04-01",
            "2025/04/01",
            "2025-04-01T00",
            "0999-01-01",
            "२०२५-०१-०१",
            "2025-00-10",
        ] {
            assert!(ReportDate::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            ReportDate::parse("x").unwrap_err().to_string(),
            "\"x\" is not a date; expected YYYY-MM-DD, e.g. 2025-03-31"
        );
    }

    #[test]
    fn days_since_epoch() {
        let d = |n| ReportDate::from_days_since_epoch(n).map(|d| d.to_string());
        assert_eq!(d(0).as_deref(), Some("1970-01-01"));
        assert_eq!(d(19_782).as_deref(), Some("2024-02-29"));
        assert_eq!(d(20_089).as_deref(), Some("2025-01-01"));
        assert_eq!(d(-1), None);
        assert_eq!(d(i64::MAX), None);
        assert_eq!(
            ReportDate::parse("2025-01-01").unwrap().to_datetime(),
            "2025-01-01T00:00:00Z"
        );
    }
}
