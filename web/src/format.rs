//! Numbers, dates and text written for people in the web app (amounts, percentages and shares
//! come from the engine's `aims_engine::format`, one rule for every surface; these are the short
//! figures of the pages). Dates: today from the browser's clock (the engine has none), as the
//! engine's `ReportDate`, written long on the report; a saved time in the browser's time zone.

use aims_engine::export::ReportDate;
use wasm_bindgen::JsValue;

/// One decimal, `.0` dropped (`45.3`, `2`): the engine's rule, as in its reports.
pub use aims_engine::format::one_decimal;

/// `the share link …` → `The share link …`.
pub fn sentence(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Today's date in the browser's time zone, as `YYYY-MM-DD`.
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Today as the engine's date (the engine has no clock); `None` only if the browser's clock
/// gives a date outside 1970-9999.
pub fn today() -> Option<ReportDate> {
    ReportDate::parse(&today_iso()).ok().or_else(|| {
        ReportDate::from_days_since_epoch((js_sys::Date::now() / 86_400_000.0).floor() as i64)
    })
}

/// `2025-11-28` → `"28 November 2025"`.
pub fn long_date(d: ReportDate) -> String {
    let iso = d.to_string();
    let mut parts = iso.split('-');
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    let month = month
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or("");
    let day = day.map(|d| d.trim_start_matches('0')).unwrap_or("");
    format!("{day} {month} {}", year.unwrap_or(""))
}

/// A saved time as people read it, e.g. "28 Nov 2026, 21:56" (the browser's time zone).
pub fn saved_time(ms: f64) -> String {
    if ms <= 0.0 {
        return "not saved yet".into();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    js_sys::Date::new(&JsValue::from_f64(ms))
        .to_locale_string("en-GB", &options)
        .as_string()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_drops_a_trailing_zero() {
        assert_eq!(one_decimal(1.0), "1");
        assert_eq!(one_decimal(0.66), "0.7");
        assert_eq!(one_decimal(12.25), "12.3");
    }

    #[test]
    fn long_dates_name_the_month() {
        let d = |s: &str| long_date(ReportDate::parse(s).unwrap());
        assert_eq!(d("2025-11-28"), "28 November 2025");
        assert_eq!(d("2026-01-05"), "5 January 2026");
        assert_eq!(d("1999-12-31"), "31 December 1999");
        assert_eq!(saved_time(0.0), "not saved yet");
    }

    #[test]
    fn sentence_capitalises_the_first_letter_only() {
        assert_eq!(sentence("the share link is cut"), "The share link is cut");
        assert_eq!(sentence("élan A"), "Élan A");
        assert_eq!(sentence(""), "");
    }
}
