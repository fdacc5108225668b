//! The assessment as a spreadsheet: one row per assessable ISO/IEC 42001 item.

use super::{item_views, scored, yes_no};
use crate::assessment::Assessment;
use crate::csv::CsvWriter;

/// The columns of [`items_csv`], in order.
pub const ITEM_COLUMNS: [&str; 11] = [
    "id",
    "title",
    "kind",
    "applicable",
    "justification",
    "maturity",
    "target",
    "gap",
    "priority",
    "finding",
    "note",
];

/// CSV (RFC 4180, UTF-8 with a byte-order mark, CRLF line ends), a header then the 70
/// assessable items in catalog order:
/// - `kind`: `subclause` (clauses 4-10) or `control` (Annex A);
/// - `applicable`: `yes` / `no` (`no` only for an Annex A control marked not applicable);
/// - `maturity`: 0-5, empty when not assessed or justly excluded; `target`: 1-5;
/// - `gap`: levels to target (0 at or above it), empty when not assessed or excluded;
/// - `priority`: the gap's priority (`critical`, `high`, `medium`, `low`), empty without a gap;
/// - `finding`: the most severe finding on the item as `severity (rule)`, e.g.
///   `major (absent)`; empty when none (systemic findings sit on the clause or objective and
///   appear in the report, not here);
/// - `justification`, `note`: as written in the assessment.
pub fn items_csv(a: &Assessment) -> String {
    let (answers, report) = scored(a);
    let mut w = CsvWriter::with_bom();
    w.row(ITEM_COLUMNS);
    for v in item_views(&answers, &report) {
        let item = v.id.item();
        let justification = v.answer.and_then(|a| a.justification.as_deref());
        let note = v.answer.and_then(|a| a.note.as_deref());
        let number = |n: Option<u8>| n.map_or_else(String::new, |n| n.to_string());
        let finding = v.finding.map_or_else(String::new, |f| {
            format!("{} ({})", f.severity.as_str(), f.reason.rule())
        });
        w.row([
            item.id,
            item.title,
            item.kind.as_str(),
            yes_no(!v.marked_not_applicable),
            justification.unwrap_or(""),
            &number(v.maturity),
            &v.target.to_string(),
            &number(v.levels_to_target()),
            v.gap.map_or("", |g| g.priority.as_str()),
            &finding,
            note.unwrap_or(""),
        ]);
    }
    w.finish()
}
