//! The layout of the lexicon table, shared by `build.rs` (which writes it) and the library
//! (which reads it): one hash function and a few constants, so the two cannot disagree.
//!
//! The table is an open-addressing hash table (linear probing) embedded in the binary:
//!
//! - a header of three little-endian `u32`: the number of words, log2 of the number of slots,
//!   and how many low bits of a slot hold a word's offset;
//! - the slots, one little-endian `u32` each: 0 for an empty slot, else the word's offset in
//!   the entries + 1 in the low bits and the top bits of the word's hash above them (so that a
//!   probe seldom reads another word's bytes);
//! - the entries, one per word: its length in bytes (`u8`), its `zipf10` (`u8`), its bytes.

/// Bytes of the header.
pub const HEADER: usize = 12;

/// The hash of a word's bytes: multiply-rotate over 8-byte words, then a final mix. Fixed (no
/// seed, no platform dependence), since the table is laid out at build time.
pub fn word_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
    }
    let rest = chunks.remainder();
    let mut w = [0u8; 8];
    w[..rest.len()].copy_from_slice(rest);
    h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K);
    h ^= h >> 32;
    h = h.wrapping_mul(K);
    h ^ (h >> 29)
}

/// The tag of a hash kept in a slot's top `32 - offset_bits` bits (0 when there are none).
pub fn slot_tag(hash: u64, offset_bits: u32) -> u32 {
    if offset_bits >= 32 {
        0
    } else {
        ((hash >> (32 + offset_bits)) as u32) << offset_bits
    }
}
