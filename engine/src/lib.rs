//! AIMS Readiness engine: everything the product knows and computes, with no I/O and no browser.
//!
//! - [`format`]: numbers written for people (amounts, numbers, percentages, months), one rule
//!   each, shared by every output.
//! - [`catalog`]: ISO/IEC 42001 items with our guidance, the NIST AI RMF 1.0 core, the NIST AIRC
//!   crosswalk and the quick scan, as static tables generated at build time.
//! - [`assessment`]: the versioned assessment file (ISO/IEC 42001 or NIST AI RMF answers), read
//!   with diagnostics that name the item and field, and written back losslessly.
//! - [`backup`]: one file with every assessment saved in a browser, written and read back
//!   unchanged.
//! - [`scoring`]: the readiness report: scores, findings and verdict, Statement of
//!   Applicability, prioritised gaps and the certification roadmap.
//! - [`crosswalk`]: ISO/IEC 42001 ⇄ NIST AI RMF coverage in both directions, conservative and
//!   explained, and the heat-map matrix.
//! - [`readiness`]: the readiness report of a whole assessment, whichever its framework: the one
//!   call that chooses scoring directly or through the reverse crosswalk (scoring never calls the
//!   crosswalk).
//! - [`quick_scan`]: the quick scan's rules: chosen options, what an answer writes, progress.
//! - [`effort`]: the one effort model (person-days to the audit level, scaled by size, less an
//!   ISO/IEC 27001 / 9001 credit) behind the roadmap and the ROI.
//! - [`roi`]: the cost and benefit of certification over the certificate cycle, as sourced
//!   low / likely / high ranges, with a seeded Monte Carlo and a tornado; deterministic natively
//!   and in Wasm.
//! - [`training`]: built-in case studies with model answers, and the item-by-item comparison
//!   of a learner's assessment with a model.
//! - [`plan`]: the action plan: the gaps with owner, due date, status and evidence, overdue
//!   flags against the date the caller passes, as JSON, CSV and iCalendar.
//! - [`share`]: an assessment packed into a URL-fragment-safe link, and read back with bounds.
//! - [`widget`]: the embeddable widget's configuration (its attributes and the origin its
//!   iframe posts to), checked with an error naming each bad attribute.
//! - [`export`]: CSV, Statement of Applicability, OSCAL 1.1.2 (catalog, assessment results and
//!   the plan of action and milestones) and the Markdown report.
//! - `scale` (feature `scale`, for the scale bench only): a generated catalog N times the
//!   shipped one, scored and crosswalked by the same code.
//!
//! The engine never touches the DOM, storage or the network, and never panics on user input:
//! readers return errors that name the field and value.

pub mod assessment;
pub mod backup;
pub mod band;
pub mod catalog;
pub mod crosswalk;
pub mod csv;
pub mod date;
pub mod effort;
pub mod export;
pub mod format;
pub mod order;
pub mod plan;
pub mod quick_scan;
pub mod readiness;
pub mod roi;
#[cfg(feature = "scale")]
pub mod scale;
pub mod scoring;
pub mod share;
pub mod training;
pub mod widget;
