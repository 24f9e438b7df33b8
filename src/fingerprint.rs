//! 128-bit fingerprints of word forms, and maps keyed by them.
//!
//! The hot maps of the repair and of counting are keyed by a form's fingerprint: a lookup is
//! one hash of the form and no string comparison. Two forms share a fingerprint with odds of
//! about 2^-128 per pair: never, in practice.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

/// The fingerprint of a form.
pub fn fingerprint(s: &str) -> u128 {
    const A: foldhash::fast::FixedState = foldhash::fast::FixedState::with_seed(0x9E37_79B9_7F4A_7C15);
    const B: foldhash::fast::FixedState = foldhash::fast::FixedState::with_seed(0xC2B2_AE3D_27D4_EB4F);
    (A.hash_one(s) as u128) << 64 | B.hash_one(s) as u128
}

/// A hasher for keys that already are hashes (fingerprints): it keeps their low bits.
#[derive(Default)]
pub struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u128(&mut self, n: u128) {
        self.0 = n as u64;
    }
}

/// A map keyed by fingerprints.
pub type ByFingerprint<V> = HashMap<u128, V, BuildHasherDefault<Prehashed>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_tell_forms_apart() {
        assert_eq!(fingerprint("البلاد"), fingerprint("البلاد"));
        assert_ne!(fingerprint("البلاد"), fingerprint("البالد"));
        assert_ne!(fingerprint(""), fingerprint(" "));
        let mut m: ByFingerprint<u32> = ByFingerprint::default();
        m.insert(fingerprint("a"), 1);
        assert_eq!(m.get(&fingerprint("a")), Some(&1));
    }
}
