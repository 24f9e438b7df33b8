//! The vocabulary: every surface form and key counted in this process gets a small integer
//! id, so that counting adds integers indexed by ids instead of hashing and comparing
//! strings. Ids are shared by all threads; names are only looked up to write results.

use crate::fingerprint::{fingerprint, ByFingerprint};
use std::sync::{Arc, OnceLock, RwLock};

/// The id of an interned string.
pub type Id = u32;

/// Ids by the fingerprint of their string: a lookup hashes no string and compares none
/// (counting has the fingerprints of its words already).
#[derive(Default)]
struct Vocab {
    ids: ByFingerprint<Id>,
    names: Vec<Arc<str>>,
}

fn vocab() -> &'static RwLock<Vocab> {
    static VOCAB: OnceLock<RwLock<Vocab>> = OnceLock::new();
    VOCAB.get_or_init(Default::default)
}

/// The id of `s`, interning it on first sight.
pub fn intern(s: &str) -> Id {
    intern_fingerprinted(s, fingerprint(s))
}

/// [`intern`] for a string whose [`fingerprint`] is `fp`.
pub(crate) fn intern_fingerprinted(s: &str, fp: u128) -> Id {
    if let Some(&id) = vocab().read().unwrap_or_else(|e| e.into_inner()).ids.get(&fp) {
        return id;
    }
    let mut v = vocab().write().unwrap_or_else(|e| e.into_inner());
    let next = v.names.len() as Id;
    let id = *v.ids.entry(fp).or_insert(next);
    if id == next {
        v.names.push(s.into());
    }
    id
}

/// The id of `s` if it was ever interned.
pub fn lookup(s: &str) -> Option<Id> {
    vocab().read().unwrap_or_else(|e| e.into_inner()).ids.get(&fingerprint(s)).copied()
}

/// How many ids there are: every id is below this.
pub(crate) fn len() -> usize {
    vocab().read().unwrap_or_else(|e| e.into_inner()).names.len()
}

/// Runs `f` with the names of all ids (index = id), under one lock.
pub fn with_names<R>(f: impl FnOnce(&[Arc<str>]) -> R) -> R {
    f(&vocab().read().unwrap_or_else(|e| e.into_inner()).names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_is_stable() {
        let a = intern("كازاخستان");
        let b = intern("توكاييف");
        assert_ne!(a, b);
        assert_eq!(intern("كازاخستان"), a);
        assert_eq!(lookup("توكاييف"), Some(b));
        assert_eq!(with_names(|n| n[a as usize].to_string()), "كازاخستان");
    }
}
