//! How ROI figures are written: every one by the engine's one rule (`aims_engine::format`,
//! tested there).

/// Amounts (`12,346`, `USD −12,000`), percentages and shares, compact amounts for chart labels
/// (`−120k`, `1.3M`) and plain numbers for fields (`37500`): the engine's one rule.
pub use aims_engine::format::{amount as grouped, compact, money, percent, plain, share};
