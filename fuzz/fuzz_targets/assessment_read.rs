#![no_main]
//! See `aims_fuzz::assessment_read` for what is checked.
libfuzzer_sys::fuzz_target!(|data: &[u8]| aims_fuzz::assessment_read(data));
