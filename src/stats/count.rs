//! Counting one document: tokens → surface forms → keys, and n-grams of keys.

use super::vocab::{self, Id};
use crate::fingerprint::{fingerprint, ByFingerprint, FingerprintTable};
use crate::lexicon::Lexicon;
use crate::token::{key_cow, tokenize, KeyMode, Token, TokenKind};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::str::FromStr;

/// The n-gram lengths counted besides single terms (`--ngram 2..5`); `1..1` counts none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NgramRange {
    pub min: usize,
    pub max: usize,
}

impl Default for NgramRange {
    fn default() -> Self {
        NgramRange { min: 1, max: 1 }
    }
}

/// Longest n-gram counted.
pub const MAX_NGRAM: usize = 9;

impl FromStr for NgramRange {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let parse = |x: &str| x.trim().parse::<usize>().map_err(|_| format!("bad n-gram length '{x}'"));
        let (min, max) = match s.split_once("..") {
            Some((a, b)) => (parse(a)?, parse(b)?),
            None => (parse(s)?, parse(s)?),
        };
        if min == 0 || min > max || max > MAX_NGRAM {
            return Err(format!("n-gram lengths must satisfy 1 <= min <= max <= {MAX_NGRAM}: '{s}'"));
        }
        Ok(NgramRange { min, max })
    }
}

impl NgramRange {
    fn lengths(&self) -> impl Iterator<Item = usize> {
        self.min.max(2)..=self.max
    }
}

/// What is counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountOptions {
    pub by: KeyMode,
    pub ngrams: NgramRange,
    /// Count numbers and percentages as terms too.
    pub numbers: bool,
}

/// A document's counts, by vocabulary id.
#[derive(Clone, Debug, Default)]
pub struct DocCounts {
    /// Tokens counted (words, and numbers when asked).
    pub tokens: u64,
    /// (surface id, key id, count) for every distinct surface form.
    pub surfaces: Vec<(Id, Id, u64)>,
    /// (key ids, count) for every distinct n-gram.
    pub ngrams: Vec<(Box<[Id]>, u64)>,
}

impl DocCounts {
    /// (key, count) of every term, in key order: the long form of `--per-document`.
    pub fn term_counts(&self) -> Vec<(String, u64)> {
        let mut by_key: HashMap<Id, u64> = HashMap::new();
        for &(_, k, n) in &self.surfaces {
            *by_key.entry(k).or_default() += n;
        }
        let mut rows: Vec<(String, u64)> =
            vocab::with_names(|names| by_key.into_iter().map(|(k, n)| (names[k as usize].to_string(), n)).collect());
        rows.sort_unstable();
        rows
    }
}

/// (surface id, key id) of surface forms, kept per thread across documents: a surface's key
/// depends only on the mode, except for a lemma whose word the lexicon lacks.
struct KeyCache {
    mode: Option<KeyMode>,
    ids: FingerprintTable<(Id, Id)>,
}

/// Surface forms remembered per thread before the cache starts over.
const CACHE_FORMS: usize = 500_000;

thread_local! {
    static KEYS: RefCell<KeyCache> = RefCell::new(KeyCache { mode: None, ids: FingerprintTable::default() });
}

/// Counts the terms (and n-grams) of a document's text (already repaired).
pub fn count_document(text: &str, opts: &CountOptions, lexicon: &Lexicon) -> DocCounts {
    count_tokens(text, tokenize(text), opts, lexicon)
}

/// [`count_document`] with the text's tokens ([`tokenize`]), for a caller that has them
/// already.
pub fn count_tokens(
    text: &str,
    tokens: impl IntoIterator<Item = Token>,
    opts: &CountOptions,
    lexicon: &Lexicon,
) -> DocCounts {
    // Pass 1: distinct surfaces with their counts, and the token sequence for n-grams
    // (surface indexes, `None` where an n-gram may not cross).
    // About one distinct form per 12 bytes of a short article: sized to avoid regrowing.
    let expected = (text.len() / 12).min(4096);
    let mut index: ByFingerprint<usize> = HashMap::with_capacity_and_hasher(expected, Default::default());
    let mut surfaces: Vec<(Cow<str>, u128, u64)> = Vec::with_capacity(expected);
    let mut sequence: Vec<Option<usize>> = Vec::new();
    let want_ngrams = opts.ngrams.max >= 2;
    let mut last_end = 0;
    for t in tokens {
        let counted = match t.kind {
            TokenKind::ArabicWord | TokenKind::LatinWord => true,
            TokenKind::Number | TokenKind::Percentage => opts.numbers,
            _ => false,
        };
        if want_ngrams {
            let gap = &text[last_end..t.start];
            // Punctuation, symbols, uncounted numbers and paragraph breaks end a run.
            if !counted || gap.contains("\n\n") || gap.contains("\n\r\n") {
                sequence.push(None);
            }
        }
        last_end = t.end;
        if !counted {
            continue;
        }
        let s = t.surface(text);
        let fp = fingerprint(&s);
        let i = *index.entry(fp).or_insert_with(|| {
            surfaces.push((s, fp, 0));
            surfaces.len() - 1
        });
        surfaces[i].2 += 1;
        if want_ngrams {
            sequence.push(Some(i));
        }
    }
    let tokens: u64 = surfaces.iter().map(|(_, _, n)| n).sum();

    // Pass 2: ids of every distinct surface and of its key.
    // Whether the key of the word at hand asked about this document's words: such a key may
    // differ in another document, so it is not cached for the thread.
    let consulted = std::cell::Cell::new(false);
    let attested = |stem: &str| {
        consulted.set(true);
        index.contains_key(&fingerprint(stem))
    };
    let ids: Vec<(Id, Id)> = KEYS.with_borrow_mut(|cache| {
        if cache.mode != Some(opts.by) || cache.ids.len() > CACHE_FORMS {
            cache.ids.clear();
            cache.mode = Some(opts.by);
        }
        // All the lookups' memory asked for first (see `crate::prefetch`).
        surfaces.iter().for_each(|(_, fp, _)| cache.ids.prefetch(*fp));
        surfaces
            .iter()
            .map(|(s, fp, _)| {
                if let Some(hit) = cache.ids.get(*fp) {
                    return hit;
                }
                consulted.set(false);
                let key = key_cow(s, opts.by, lexicon, &attested);
                let pair = (vocab::intern_fingerprinted(s, *fp), vocab::intern(&key));
                if !consulted.get() {
                    cache.ids.insert(*fp, pair);
                }
                pair
            })
            .collect()
    });

    let ngrams = if want_ngrams { count_ngrams(&sequence, &ids, opts.ngrams) } else { Vec::new() };
    let surfaces: Vec<(Id, Id, u64)> =
        ids.iter().zip(&surfaces).map(|(&(sid, kid), (_, _, n))| (sid, kid, *n)).collect();
    DocCounts { tokens, surfaces, ngrams }
}

/// N-grams of keys over runs of counted tokens (never across a break). An n-gram is shown
/// through the display forms of its words, so no surface forms are kept for it.
fn count_ngrams(sequence: &[Option<usize>], ids: &[(Id, Id)], range: NgramRange) -> Vec<(Box<[Id]>, u64)> {
    let mut counts: HashMap<Box<[Id]>, u64, foldhash::fast::FixedState> = HashMap::default();
    let mut keys: Vec<Id> = Vec::new();
    for run in sequence.split(|x| x.is_none()) {
        keys.clear();
        keys.extend(run.iter().flatten().map(|&i| ids[i].1));
        for n in range.lengths() {
            for window in keys.windows(n) {
                match counts.get_mut(window) {
                    Some(c) => *c += 1,
                    None => {
                        counts.insert(window.into(), 1);
                    }
                }
            }
        }
    }
    counts.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str, opts: CountOptions) -> HashMap<String, u64> {
        let doc = count_document(text, &opts, Lexicon::builtin());
        let mut out: HashMap<String, u64> = doc.term_counts().into_iter().collect();
        vocab::with_names(|names| {
            for (ids, n) in &doc.ngrams {
                let key = ids.iter().map(|&i| names[i as usize].as_ref()).collect::<Vec<_>>().join(" ");
                out.insert(key, *n);
            }
        });
        out
    }

    #[test]
    fn lemma_keys_do_not_depend_on_what_the_thread_counted_before() {
        let opts = CountOptions { by: KeyMode::Lemma, ..CountOptions::default() };
        // وأتساب is a word of the lexicon; in a text that has أتساب alone it is و + أتساب.
        let with_stem = "تطبيق أتساب وأتساب";
        let without = "وأتساب";
        let fresh = std::thread::scope(|s| s.spawn(|| counts(without, opts)).join().expect("counted"));
        let after = std::thread::scope(|s| {
            s.spawn(|| {
                counts(with_stem, opts);
                counts(without, opts)
            })
            .join()
            .expect("counted")
        });
        assert_eq!(fresh, after);
    }

    #[test]
    fn terms_are_counted_by_key() {
        let text = "الانتخابات والانتخابات، الإنتخابات في 2023 بالانتخابات";
        let fold = counts(text, CountOptions::default());
        assert_eq!(fold["الانتخابات"], 2);
        assert_eq!(fold["والانتخابات"], 1);
        assert!(!fold.contains_key("2023"));
        let lemma = counts(text, CountOptions { by: KeyMode::Lemma, ..CountOptions::default() });
        assert_eq!(lemma["انتخابات"], 4);
        let with_numbers = counts(text, CountOptions { numbers: true, ..CountOptions::default() });
        assert_eq!(with_numbers["2023"], 1);
    }

    #[test]
    fn ngrams_never_cross_punctuation_or_paragraphs() {
        let opts = CountOptions { ngrams: "2..3".parse().unwrap(), ..CountOptions::default() };
        let c = counts("قال الرئيس الجديد. قال الرئيس\n\nالجديد", opts);
        assert_eq!(c["قال الرئيس"], 2);
        assert_eq!(c["الرئيس الجديد"], 1);
        assert_eq!(c["قال الرئيس الجديد"], 1);
        assert!(!c.contains_key("الجديد قال"));
    }

    #[test]
    fn ngram_ranges_parse() {
        assert_eq!("2..5".parse::<NgramRange>().unwrap(), NgramRange { min: 2, max: 5 });
        assert_eq!("3".parse::<NgramRange>().unwrap(), NgramRange { min: 3, max: 3 });
        assert!("0..2".parse::<NgramRange>().is_err());
        assert!("3..2".parse::<NgramRange>().is_err());
    }
}
