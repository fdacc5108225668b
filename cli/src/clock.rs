//! The date on exports and reports: `--date YYYY-MM-DD`, or today (UTC) from the system clock.
//! The engine has no clock; the shell reads it here, once.

use crate::args::Args;
use aims_engine::export::ReportDate;
use std::time::{SystemTime, UNIX_EPOCH};

/// The `--date` option, or today's date in UTC.
pub fn report_date(args: &Args) -> Result<ReportDate, String> {
    match args.value("date") {
        Some(d) => ReportDate::parse(d).map_err(|e| format!("--date: {e}")),
        None => today(),
    }
}

fn today() -> Result<ReportDate, String> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| "the system clock is before 1970; pass --date YYYY-MM-DD".to_string())?
        .as_secs();
    ReportDate::from_days_since_epoch((secs / 86_400) as i64)
        .ok_or_else(|| "the system clock is out of range; pass --date YYYY-MM-DD".to_string())
}
