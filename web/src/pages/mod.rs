//! One module per page. Each page reads the [`crate::context::Ctx`] and dispatches actions; no
//! page computes anything about ISO/IEC 42001 itself (the engine does).

pub mod assessment;
pub mod crosswalk;
pub mod data;
pub mod plan;
pub mod quick_scan;
pub mod report;
pub mod results;
pub mod roi;
pub mod share;
pub mod start;
pub mod training;
