//! Arbitrary bytes through `decode` and `clean` (repair and fold): no panic, and every span
//! maps back into the original (see `nass_fuzz::check`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    nass_fuzz::check(data);
});
