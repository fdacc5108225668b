//! Widgets shared by several pages.

pub mod charts;
pub mod coverage;
pub mod exports;
pub mod icon;
pub mod item_editor;
pub mod item_plan;
pub mod maturity_picker;
pub mod nist_questionnaire;
pub mod notices;
pub mod plan_table;
pub mod profile_editor;
pub mod progress;
pub mod proposals;
pub mod readiness;
pub mod readiness_band;
pub mod share_link;
pub mod training_banner;
