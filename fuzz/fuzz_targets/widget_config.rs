#![no_main]
//! See `aims_fuzz::widget_config` for what is checked.
libfuzzer_sys::fuzz_target!(|data: &[u8]| aims_fuzz::widget_config(data));
