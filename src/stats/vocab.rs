//! The vocabulary: every surface form and key counted in this process gets a small integer
//! id, so that counting adds integers indexed by ids instead of hashing and comparing
//! strings. Ids are shared by all threads; names are only looked up to write results.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

/// The id of an interned string.
pub type Id = u32;

#[derive(Default)]
struct Vocab {
    ids: HashMap<Arc<str>, Id, foldhash::fast::FixedState>,
    names: Vec<Arc<str>>,
}

fn vocab() -> &'static RwLock<Vocab> {
    static VOCAB: OnceLock<RwLock<Vocab>> = OnceLock::new();
    VOCAB.get_or_init(Default::default)
}

/// The id of `s`, interning it on first sight.
pub fn intern(s: &str) -> Id {
    if let Some(&id) = vocab().read().unwrap_or_else(|e| e.into_inner()).ids.get(s) {
        return id;
    }
    let mut v = vocab().write().unwrap_or_else(|e| e.into_inner());
    if let Some(&id) = v.ids.get(s) {
        return id;
    }
    let id = v.names.len() as Id;
    let name: Arc<str> = s.into();
    v.names.push(name.clone());
    v.ids.insert(name, id);
    id
}

/// The id of `s` if it was ever interned.
pub fn lookup(s: &str) -> Option<Id> {
    vocab().read().unwrap_or_else(|e| e.into_inner()).ids.get(s).copied()
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
