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

/// A map from fingerprints to small values whose lookups can be asked for ahead
/// ([`FingerprintTable::prefetch`]): open addressing, linear probing, at most half full. The
/// maps of the forms a thread has met outgrow the processor's caches, and a lookup waits for
/// memory; a caller that prefetches the entries of a whole text first waits once for all.
pub struct FingerprintTable<V> {
    /// A power of two of slots; a slot with key 0 is empty (a form is never 0: see `key`).
    slots: Vec<Slot<V>>,
    len: usize,
}

/// 32-byte aligned: a slot never straddles two cache lines, so one prefetch covers it.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot<V> {
    key: [u64; 2],
    value: V,
}

impl<V: Copy + Default> Default for FingerprintTable<V> {
    fn default() -> Self {
        FingerprintTable { slots: Vec::new(), len: 0 }
    }
}

impl<V: Copy + Default> FingerprintTable<V> {
    /// The entries in the table.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The key stored for a fingerprint: never `[0, 0]`, which marks an empty slot (the one
    /// fingerprint 0, odds 2^-128, is stored as 1).
    fn key(fingerprint: u128) -> [u64; 2] {
        let fingerprint = fingerprint.max(1);
        [fingerprint as u64, (fingerprint >> 64) as u64]
    }

    fn first_slot(&self, key: [u64; 2]) -> usize {
        key[0] as usize & (self.slots.len() - 1)
    }

    /// Asks the processor for the memory a lookup of `fingerprint` will read.
    #[inline]
    pub fn prefetch(&self, fingerprint: u128) {
        if !self.slots.is_empty() {
            crate::prefetch::prefetch(&self.slots[self.first_slot(Self::key(fingerprint))]);
        }
    }

    /// The value of `fingerprint`, if in the table.
    #[inline]
    pub fn get(&self, fingerprint: u128) -> Option<V> {
        if self.slots.is_empty() {
            return None;
        }
        let key = Self::key(fingerprint);
        let mask = self.slots.len() - 1;
        let mut s = self.first_slot(key);
        loop {
            let slot = &self.slots[s];
            if slot.key == key {
                return Some(slot.value);
            }
            if slot.key == [0, 0] {
                return None;
            }
            s = (s + 1) & mask;
        }
    }

    /// Sets the value of `fingerprint`.
    pub fn insert(&mut self, fingerprint: u128, value: V) {
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        if self.put(Self::key(fingerprint), value) {
            self.len += 1;
        }
    }

    /// Empties the table, keeping its memory.
    pub fn clear(&mut self) {
        self.slots.fill(Slot { key: [0, 0], value: V::default() });
        self.len = 0;
    }

    /// Stores `value` at `key`; true if the key is new.
    fn put(&mut self, key: [u64; 2], value: V) -> bool {
        let mask = self.slots.len() - 1;
        let mut s = self.first_slot(key);
        loop {
            let slot = &mut self.slots[s];
            if slot.key == key || slot.key == [0, 0] {
                let new = slot.key == [0, 0];
                *slot = Slot { key, value };
                return new;
            }
            s = (s + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![Slot { key: [0, 0], value: V::default() }; size]);
        for slot in old.into_iter().filter(|s| s.key != [0, 0]) {
            self.put(slot.key, slot.value);
        }
    }
}

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

    #[test]
    fn the_table_keeps_every_value_as_it_grows() {
        let mut table: FingerprintTable<u32> = FingerprintTable::default();
        assert_eq!(table.get(fingerprint("a")), None);
        table.insert(fingerprint("a"), 1);
        // Fingerprint 0 is not an empty slot's key: absent until inserted.
        assert_eq!(table.get(0), None);
        for i in 0..5000u32 {
            table.insert(fingerprint(&i.to_string()), i);
        }
        table.insert(fingerprint("7"), 70);
        assert_eq!(table.len(), 5001);
        assert_eq!(table.get(fingerprint("7")), Some(70));
        assert!((0..5000u32).filter(|&i| i != 7).all(|i| table.get(fingerprint(&i.to_string())) == Some(i)));
        assert_eq!(table.get(fingerprint("a")), Some(1));
        assert_eq!(table.get(fingerprint("5000")), None);
        // Fingerprint 0 is a key like any other, not an empty slot.
        table.insert(0, 9);
        assert_eq!(table.get(0), Some(9));
        table.clear();
        assert!(table.is_empty());
        assert_eq!(table.get(fingerprint("7")), None);
        assert_eq!(table.get(0), None);
    }
}
