#![no_main]
//! See `aims_fuzz::roi_inputs` for what is checked.
libfuzzer_sys::fuzz_target!(|data: &[u8]| aims_fuzz::roi_inputs(data));
