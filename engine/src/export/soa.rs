//! The Statement of Applicability as a spreadsheet: the 38 Annex A controls.

use super::{scored, yes_no};
use crate::assessment::Assessment;
use crate::csv::CsvWriter;
use crate::scoring::SoaStatus;

/// The columns of [`soa_csv`], in order.
pub const SOA_COLUMNS: [&str; 6] = [
    "id",
    "title",
    "applicable",
    "justification",
    "reason_for_inclusion",
    "status",
];

/// CSV (RFC 4180, UTF-8 with a byte-order mark, CRLF line ends), a header then the 38 Annex A
/// controls in catalog order: `applicable` is `yes` / `no`, `justification` as written (for an
/// exclusion), `reason_for_inclusion` (for an included control: the answer's `reason`, else the
/// risk our guidance says it treats), and `status` the implementation status against level 3:
/// `implemented`,
/// `partially_implemented`, `not_implemented`, `not_assessed`, `excluded` or
/// `exclusion_not_justified` (docs/scoring.md).
pub fn soa_csv(a: &Assessment) -> String {
    let (_, report) = scored(a);
    let mut w = CsvWriter::with_bom();
    w.row(SOA_COLUMNS);
    for row in &report.statement_of_applicability {
        // An unjustified exclusion stays in scope for scoring, but the organisation did mark
        // the control not applicable: the file says so, and the status says it is not valid.
        let marked_no = matches!(
            row.status,
            SoaStatus::Excluded | SoaStatus::ExclusionNotJustified
        );
        w.row([
            row.id.as_str(),
            row.title,
            yes_no(!marked_no),
            row.justification.as_deref().unwrap_or(""),
            row.reason_for_inclusion.as_deref().unwrap_or(""),
            status_str(row.status),
        ]);
    }
    w.finish()
}

pub(crate) fn status_str(s: SoaStatus) -> &'static str {
    match s {
        SoaStatus::Implemented => "implemented",
        SoaStatus::PartiallyImplemented => "partially_implemented",
        SoaStatus::NotImplemented => "not_implemented",
        SoaStatus::NotAssessed => "not_assessed",
        SoaStatus::Excluded => "excluded",
        SoaStatus::ExclusionNotJustified => "exclusion_not_justified",
    }
}
