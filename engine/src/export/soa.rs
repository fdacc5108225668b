//! The Statement of Applicability as a spreadsheet: the 38 Annex A controls.

use super::{scored, yes_no};
use crate::assessment::Assessment;
use crate::csv::CsvWriter;
use crate::scoring::SoaStatus;

/// The columns of [`soa_csv`], in order.
pub const SOA_COLUMNS: [&str; 5] = ["id", "title", "applicable", "justification", "status"];

/// CSV (RFC 4180, UTF-8 with a byte-order mark, CRLF line ends), a header then the 38 Annex A
/// controls in catalog order: `applicable` is `yes` / `no`, `justification` as written, and
/// `status` the implementation status of the readiness report: `implemented`,
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
