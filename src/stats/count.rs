//! Counting one document: tokens → surface forms → keys, and n-grams of keys.

use crate::lexicon::Lexicon;
use crate::token::{key, surface, tokenize, KeyMode, TokenKind};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;

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

/// One key's count in one document, with its surface forms.
#[derive(Clone, Debug)]
pub struct KeyCount {
    pub key: String,
    pub count: u64,
    pub surfaces: Vec<(Arc<str>, u64)>,
}

/// A document's counts.
#[derive(Clone, Debug, Default)]
pub struct DocCounts {
    /// Tokens counted (words, and numbers when asked).
    pub tokens: u64,
    pub terms: Vec<KeyCount>,
    pub ngrams: Vec<KeyCount>,
}

impl DocCounts {
    /// (key, count) of every term, in key order: the long form of `--per-document`.
    pub fn term_counts(&self) -> Vec<(&str, u64)> {
        let mut rows: Vec<(&str, u64)> = self.terms.iter().map(|t| (t.key.as_str(), t.count)).collect();
        rows.sort_unstable();
        rows
    }
}

/// Keys of surface forms, kept per thread across documents (a surface's key depends only on
/// the mode, except for a lemma whose stem the lexicon lacks).
struct KeyCache {
    mode: Option<KeyMode>,
    keys: HashMap<Box<str>, (Arc<str>, Arc<str>), foldhash::fast::FixedState>,
}

/// Surface forms remembered per thread before the cache starts over.
const CACHE_FORMS: usize = 500_000;

thread_local! {
    static KEYS: RefCell<KeyCache> = RefCell::new(KeyCache { mode: None, keys: HashMap::default() });
}

/// Counts the terms (and n-grams) of a document's text (already repaired).
pub fn count_document(text: &str, opts: &CountOptions, lexicon: &Lexicon) -> DocCounts {
    // Pass 1: the counted tokens as surface ids, with n-gram breaks as `None`.
    let mut surface_ids: HashMap<std::borrow::Cow<str>, usize, foldhash::fast::FixedState> = HashMap::default();
    let mut surfaces: Vec<(std::borrow::Cow<str>, u64)> = Vec::new();
    let mut sequence: Vec<Option<usize>> = Vec::new();
    let want_ngrams = opts.ngrams.max >= 2;
    let mut last_end = 0;
    for t in tokenize(text) {
        let counted = match t.kind {
            TokenKind::ArabicWord | TokenKind::LatinWord => true,
            TokenKind::Number | TokenKind::Percentage => opts.numbers,
            _ => false,
        };
        if want_ngrams && (text[last_end..t.start].contains("\n\n") || text[last_end..t.start].contains("\n\r\n")) {
            sequence.push(None);
        }
        last_end = t.end;
        if !counted {
            // Punctuation, symbols and uncounted numbers end a run of n-grams.
            if want_ngrams {
                sequence.push(None);
            }
            continue;
        }
        let s = surface(t.text(text));
        if s.is_empty() {
            continue;
        }
        let id = match surface_ids.get(&s) {
            Some(&id) => id,
            None => {
                let id = surfaces.len();
                surface_ids.insert(s.clone(), id);
                surfaces.push((s, 0));
                id
            }
        };
        surfaces[id].1 += 1;
        if want_ngrams {
            sequence.push(Some(id));
        }
    }
    let tokens: u64 = surfaces.iter().map(|(_, n)| n).sum();

    // Pass 2: a key for every distinct surface.
    let attested = |stem: &str| surface_ids.contains_key(stem);
    let keyed: Vec<(Arc<str>, Arc<str>)> = KEYS.with_borrow_mut(|cache| {
        if cache.mode != Some(opts.by) || cache.keys.len() > CACHE_FORMS {
            cache.keys.clear();
            cache.mode = Some(opts.by);
        }
        surfaces
            .iter()
            .map(|(s, _)| {
                if let Some(hit) = cache.keys.get(s.as_ref()) {
                    return hit.clone();
                }
                let k: Arc<str> = key(s, opts.by, lexicon, &attested).into();
                let pair = (Arc::<str>::from(s.as_ref()), k);
                // A lemma whose word the lexicon lacks may depend on this document's words.
                if opts.by != KeyMode::Lemma || lexicon.contains(s) {
                    cache.keys.insert(s.as_ref().into(), pair.clone());
                }
                pair
            })
            .collect()
    });

    // Pass 3: aggregate by key.
    let mut by_key: HashMap<&str, KeyCount, foldhash::fast::FixedState> = HashMap::default();
    for ((surface, k), (_, n)) in keyed.iter().zip(&surfaces) {
        let entry = by_key.entry(k).or_insert_with(|| KeyCount { key: k.to_string(), count: 0, surfaces: Vec::new() });
        entry.count += n;
        entry.surfaces.push((surface.clone(), *n));
    }
    let terms: Vec<KeyCount> = by_key.into_values().collect();

    let ngrams = if want_ngrams { count_ngrams(&sequence, &keyed, opts.ngrams) } else { Vec::new() };
    DocCounts { tokens, terms, ngrams }
}

/// N-grams of keys over runs of counted tokens (never across a break). An n-gram is shown
/// through the display forms of its words, so no surface forms are kept for it.
fn count_ngrams(sequence: &[Option<usize>], keyed: &[(Arc<str>, Arc<str>)], range: NgramRange) -> Vec<KeyCount> {
    // A canonical id per key: surfaces with the same key make the same n-gram.
    let mut first: HashMap<&str, usize> = HashMap::new();
    let canonical: Vec<usize> =
        keyed.iter().enumerate().map(|(i, (_, k))| *first.entry(k.as_ref()).or_insert(i)).collect();
    let mut counts: HashMap<Vec<usize>, u64, foldhash::fast::FixedState> = HashMap::default();
    for run in sequence.split(|x| x.is_none()) {
        let ids: Vec<usize> = run.iter().flatten().map(|&i| canonical[i]).collect();
        for n in range.lengths() {
            for window in ids.windows(n) {
                *counts.entry(window.to_vec()).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|(ids, count)| {
            let key = ids.iter().map(|&i| keyed[i].1.as_ref()).collect::<Vec<_>>().join(" ");
            KeyCount { key, count, surfaces: Vec::new() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str, opts: CountOptions) -> HashMap<String, u64> {
        let doc = count_document(text, &opts, Lexicon::builtin());
        doc.terms
            .iter()
            .map(|t| (t.key.clone(), t.count))
            .chain(doc.ngrams.iter().map(|t| (t.key.clone(), t.count)))
            .collect()
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
