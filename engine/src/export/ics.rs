//! The plan's due dates as an iCalendar file (RFC 5545): one all-day event per dated action
//! that is not done, so that owners see them in their calendars.
//!
//! - Lines end with CRLF and are folded at 75 octets (a continuation line starts with a space;
//!   a fold never splits a UTF-8 character).
//! - TEXT values escape `\`, `;`, `,` and line breaks.
//! - `DTSTART;VALUE=DATE` is the due date, `DTEND` the day after (an all-day event).
//! - UIDs are stable: the item and the organisation name make them, so importing a newer plan
//!   updates the events instead of adding copies. `DTSTAMP` is the day the plan was made for.

use crate::assessment::PlanStatus;
use crate::date::ReportDate;
use crate::export::oscal::uuid::{v5, AIMS_NAMESPACE};
use crate::plan::{Plan, PlanAction};

/// The longest line, in octets, before folding (RFC 5545, 3.1).
pub const FOLD_AT: usize = 75;

/// The plan's due dates as iCalendar text.
pub fn calendar(plan: &Plan) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        concat!(
            "PRODID:-//AIMS Readiness//Action plan ",
            env!("CARGO_PKG_VERSION"),
            "//EN"
        ),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    let org = plan.organisation.as_deref().unwrap_or("");
    push_line(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            escape(&if org.is_empty() {
                "ISO/IEC 42001 action plan".to_string()
            } else {
                format!("ISO/IEC 42001 action plan: {org}")
            })
        ),
    );
    for x in &plan.actions {
        let Some(due) = x.due else { continue };
        if x.status == PlanStatus::Done {
            continue;
        }
        event(&mut out, x, due, org, plan.today);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, x: &PlanAction, due: ReportDate, org: &str, today: ReportDate) {
    let uid = v5(AIMS_NAMESPACE, &format!("plan-event/{org}/{}", x.item));
    let next = ReportDate::from_days_since_epoch(due.days_since_epoch() + 1).unwrap_or(due);
    let mut description = format!(
        "{} (priority {}, maturity {} of {}). {}",
        x.title,
        x.priority.as_str(),
        x.current,
        x.target,
        x.action
    );
    if let Some(o) = &x.owner {
        description.push_str(&format!("\nOwner: {o}"));
    }
    description.push_str(&format!("\nStatus: {}", x.status.title()));
    if !x.systems.is_empty() {
        description.push_str(&format!("\nAI systems: {}", x.systems.join(", ")));
    }
    if !x.evidence.is_empty() {
        description.push_str(&format!("\nEvidence: {}", x.evidence.join(", ")));
    }
    for line in [
        "BEGIN:VEVENT".to_string(),
        format!("UID:{uid}@aims-readiness"),
        format!("DTSTAMP:{}T000000Z", today.compact()),
        format!("DTSTART;VALUE=DATE:{}", due.compact()),
        format!("DTEND;VALUE=DATE:{}", next.compact()),
        format!(
            "SUMMARY:{}",
            escape(&format!("Due: {} {}", x.item, x.title))
        ),
        format!("DESCRIPTION:{}", escape(&description)),
        "TRANSP:TRANSPARENT".to_string(),
        "END:VEVENT".to_string(),
    ] {
        push_line(out, &line);
    }
}

/// RFC 5545 TEXT escaping: backslash, semicolon, comma; a line break becomes `\n` (CR dropped).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at [`FOLD_AT`] octets without splitting a character, with CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > FOLD_AT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let long = format!("DESCRIPTION:{}", "é".repeat(100));
        push_line(&mut out, &long);
        assert!(out.ends_with("\r\n"));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= FOLD_AT, "{} octets: {l}", l.len());
        }
        // Unfolding gives the line back.
        assert_eq!(out.trim_end().replace("\r\n ", ""), long);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
