//! Term and n-gram counts: per document, then merged into corpus counts.
//!
//! Corpus counts merge by addition, exactly (integers only, dispersion sums in fixed point),
//! so one thread, many threads and partial counts merged across machines give identical
//! results. For each key they keep the count, the document frequency, the sums needed for
//! Juilland's D, and the counts of its surface forms (the most frequent one is shown).

mod count;
pub mod stopwords;
mod table;
pub mod vocab;

pub use count::{count_document, count_tokens, CountOptions, DocCounts, NgramRange};
pub use table::{Row, TableOptions};

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use vocab::Id;

/// Fixed-point scale of the normalized frequencies summed for dispersion.
pub(crate) const P_SCALE: u128 = 1_000_000_000_000_000;

/// What is counted about one key (a term or an n-gram).
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
pub struct Stats {
    pub count: u64,
    pub documents: u64,
    /// Σ over documents of count/tokens, and of its square, in units of 1/P_SCALE.
    pub sum_p: u128,
    pub sum_p2: u128,
    /// Work area of `Counts::add`: the document being added (number + 1) and the key's count
    /// in it so far. Kept beside the counts, where the update touches memory anyway.
    #[serde(skip)]
    pending: (u64, u64),
}

impl PartialEq for Stats {
    fn eq(&self, other: &Self) -> bool {
        (self.count, self.documents, self.sum_p, self.sum_p2)
            == (other.count, other.documents, other.sum_p, other.sum_p2)
    }
}

impl Eq for Stats {}

impl Stats {
    fn add_document(&mut self, count: u64, doc_tokens: u64) {
        let p = normalized_frequency(count, doc_tokens);
        self.count += count;
        self.documents += 1;
        self.sum_p += p;
        self.sum_p2 += square_scaled(p);
    }

    fn merge(&mut self, other: &Stats) {
        self.count += other.count;
        self.documents += other.documents;
        self.sum_p += other.sum_p;
        self.sum_p2 += other.sum_p2;
    }

    /// Juilland's D over the corpus's `documents` documents as parts, with each document's
    /// frequency normalized by its length: 1 = spread evenly, 0 = all in one document.
    /// `None` with fewer than two documents.
    pub fn juilland_d(&self, documents: u64) -> Option<f64> {
        if documents < 2 {
            return None;
        }
        let n = documents as f64;
        let scale = P_SCALE as f64;
        let mean = self.sum_p as f64 / scale / n;
        if mean <= 0.0 {
            return None;
        }
        let var = (self.sum_p2 as f64 / scale / n - mean * mean).max(0.0);
        let v = var.sqrt() / mean;
        Some((1.0 - v / (n - 1.0).sqrt()).clamp(0.0, 1.0))
    }
}

/// `count / doc_tokens` in units of 1/P_SCALE, rounded down (0 for an empty document): what
/// `count as u128 * P_SCALE / doc_tokens as u128` gives, in 64-bit arithmetic when the
/// product fits (a term's count in a document is small), which spares a 128-bit division.
#[inline]
fn normalized_frequency(count: u64, doc_tokens: u64) -> u128 {
    const SCALE: u64 = P_SCALE as u64;
    if doc_tokens == 0 {
        return 0;
    }
    match count.checked_mul(SCALE) {
        Some(product) => u128::from(product / doc_tokens),
        None => u128::from(count) * P_SCALE / u128::from(doc_tokens),
    }
}

/// `p * p / P_SCALE` rounded down, for `p` ≤ P_SCALE = 10¹⁵, without a 128-bit division:
/// with p = a·10⁸ + b and b² = q·10⁸ + r, p² = 10a²·10¹⁵ + (2ab + q)·10⁸ + r, so
/// ⌊p²/10¹⁵⌋ = 10a² + ⌊(2ab + q)/10⁷⌋ (r < 10⁸ cannot carry); every term fits in u64.
#[inline]
fn square_scaled(p: u128) -> u128 {
    const _: () = assert!(P_SCALE == 1_000_000_000_000_000, "square_scaled is written for 10^15");
    const ROOT: u64 = 100_000_000;
    // Above P_SCALE (a count above its document's tokens: never from `count_tokens`), as it was.
    if p > P_SCALE {
        return p * p / P_SCALE;
    }
    let p = p as u64;
    let (a, b) = (p / ROOT, p % ROOT);
    u128::from(10 * a * a + (2 * a * b + b * b / ROOT) / (ROOT / 10))
}

type IdMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// Values indexed by vocabulary id: counting a term is an array update, not a hash lookup.
/// A default value means "absent".
#[derive(Clone, Debug, Default)]
struct Dense<T> {
    values: Vec<T>,
}

impl<T: Default + PartialEq + Clone> Dense<T> {
    fn get_mut(&mut self, id: Id) -> &mut T {
        let i = id as usize;
        if i >= self.values.len() {
            self.values.resize(i + 1 + i / 2, T::default());
        }
        &mut self.values[i]
    }

    /// Makes room for every id below `len` at once (one allocation instead of one per new
    /// id beyond the end).
    fn cover(&mut self, len: usize) {
        if len > self.values.len() {
            self.values.resize(len, T::default());
        }
    }

    /// Asks the processor for the memory of `id`'s value (see `crate::prefetch`).
    fn prefetch(&self, id: Id) {
        if let Some(value) = self.values.get(id as usize) {
            crate::prefetch::prefetch(value);
        }
    }

    fn get(&self, id: Id) -> Option<&T> {
        self.values.get(id as usize).filter(|v| **v != T::default())
    }

    /// (id, value) of every present value.
    fn iter(&self) -> impl Iterator<Item = (Id, &T)> {
        let empty = T::default();
        self.values.iter().enumerate().filter(move |(_, v)| **v != empty).map(|(i, v)| (i as Id, v))
    }
}

impl<T: Default + PartialEq + Clone> PartialEq for Dense<T> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<T: Default + PartialEq + Clone> Eq for Dense<T> {}

/// Counts over a corpus (or a shard of it), by vocabulary id. Merging adds integers, so
/// the result does not depend on thread count or on how the corpus was split.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub options: CountOptions,
    pub documents: u64,
    /// Tokens counted (the denominator of rates).
    pub tokens: u64,
    terms: Dense<Stats>,
    /// surface id → (key id, count), for surfaces written otherwise than their key (the key's
    /// own spelling has the rest of the count): what each key is shown as.
    surfaces: Dense<(Id, u64)>,
    ngrams: IdMap<Box<[Id]>, Stats>,
    /// Work area of `add`: the keys of the document being added.
    touched: Touched,
}

/// The work area of `Counts::add`; it holds no result, so counts compare equal without it.
#[derive(Clone, Debug, Default)]
struct Touched(Vec<Id>);

impl std::ops::Deref for Touched {
    type Target = Vec<Id>;
    fn deref(&self) -> &Vec<Id> {
        &self.0
    }
}

impl std::ops::DerefMut for Touched {
    fn deref_mut(&mut self) -> &mut Vec<Id> {
        &mut self.0
    }
}

impl PartialEq for Touched {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Touched {}

/// The marker of partial count files written by this version.
pub const PARTIAL_FORMAT: &str = "nass-partial-counts-2";

/// A partial count file: the counts with names instead of ids, sorted.
#[derive(Serialize, Deserialize)]
struct PartialFile {
    format: String,
    options: CountOptions,
    documents: u64,
    tokens: u64,
    terms: Vec<(String, Stats)>,
    surfaces: Vec<(String, String, u64)>,
    ngrams: Vec<(String, Stats)>,
}

impl Counts {
    pub fn new(options: CountOptions) -> Self {
        Counts { options, ..Counts::default() }
    }

    /// Distinct terms counted.
    pub fn term_count(&self) -> usize {
        self.terms.iter().count()
    }

    /// What was counted for the term with this key.
    pub fn term(&self, key: &str) -> Option<Stats> {
        vocab::lookup(key).and_then(|id| self.terms.get(id)).copied()
    }

    /// Adds one document's counts.
    pub fn add(&mut self, doc: DocCounts) {
        self.documents += 1;
        self.tokens += doc.tokens;
        // A key's count in the document is the sum over its surfaces (الانتخابات and
        // الإنتخابات are one key): summed in place, then added once.
        let stamp = self.documents;
        // Every id of the document is interned already: room for all of them, once.
        let ids = vocab::len();
        self.terms.cover(ids);
        self.surfaces.cover(ids);
        let mut touched = std::mem::take(&mut self.touched);
        touched.clear();
        // The terms are far more than the processor's caches hold: their memory is asked for
        // first (see `crate::prefetch`).
        for &(_, kid, _) in &doc.surfaces {
            self.terms.prefetch(kid);
        }
        for &(_, kid, n) in &doc.surfaces {
            let entry = self.terms.get_mut(kid);
            if entry.pending.0 != stamp {
                entry.pending = (stamp, 0);
                touched.push(kid);
            }
            entry.pending.1 += n;
        }
        for &kid in touched.iter() {
            let entry = self.terms.get_mut(kid);
            let n = entry.pending.1;
            entry.add_document(n, doc.tokens);
        }
        self.touched = touched;
        for (sid, kid, n) in doc.surfaces {
            if sid != kid {
                let entry = self.surfaces.get_mut(sid);
                *entry = (kid, entry.1 + n);
            }
        }
        for (ids, n) in doc.ngrams {
            self.ngrams.entry(ids).or_default().add_document(n, doc.tokens);
        }
    }

    /// Adds another corpus's counts (made with the same options).
    pub fn merge(&mut self, other: Counts) -> Result<(), String> {
        if other.options != self.options {
            return Err(format!(
                "counts made with different settings cannot be merged ({:?} vs {:?})",
                self.options, other.options
            ));
        }
        self.documents += other.documents;
        self.tokens += other.tokens;
        for (k, st) in other.terms.iter() {
            self.terms.get_mut(k).merge(st);
        }
        for (s, &(k, n)) in other.surfaces.iter() {
            let entry = self.surfaces.get_mut(s);
            *entry = (k, entry.1 + n);
        }
        for (ids, st) in other.ngrams {
            self.ngrams.entry(ids).or_default().merge(&st);
        }
        Ok(())
    }

    /// Writes the counts as a partial count file (JSON, sorted, so the same counts always
    /// give the same bytes).
    pub fn write_partial(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        let file = vocab::with_names(|names| {
            let name = |id: Id| names[id as usize].to_string();
            let join = |ids: &[Id]| ids.iter().map(|&i| names[i as usize].as_ref()).collect::<Vec<_>>().join(" ");
            let mut terms: Vec<(String, Stats)> = self.terms.iter().map(|(k, st)| (name(k), *st)).collect();
            terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            let mut surfaces: Vec<(String, String, u64)> =
                self.surfaces.iter().map(|(s, &(k, n))| (name(s), name(k), n)).collect();
            surfaces.sort_unstable();
            let mut ngrams: Vec<(String, Stats)> = self.ngrams.iter().map(|(ids, st)| (join(ids), *st)).collect();
            ngrams.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            PartialFile {
                format: PARTIAL_FORMAT.to_string(),
                options: self.options,
                documents: self.documents,
                tokens: self.tokens,
                terms,
                surfaces,
                ngrams,
            }
        });
        serde_json::to_writer(&mut *out, &file)?;
        out.write_all(b"\n")
    }

    /// Reads a partial count file.
    pub fn read_partial(bytes: &[u8]) -> Result<Counts, String> {
        let file: PartialFile = serde_json::from_slice(bytes).map_err(|e| format!("not a partial count file: {e}"))?;
        if file.format != PARTIAL_FORMAT {
            return Err(format!(
                "partial count file of another format ({}; this nass reads {PARTIAL_FORMAT})",
                file.format
            ));
        }
        let mut counts = Counts::new(file.options);
        counts.documents = file.documents;
        counts.tokens = file.tokens;
        for (k, st) in file.terms {
            counts.terms.get_mut(vocab::intern(&k)).merge(&st);
        }
        for (s, k, n) in file.surfaces {
            let kid = vocab::intern(&k);
            let entry = counts.surfaces.get_mut(vocab::intern(&s));
            *entry = (kid, entry.1 + n);
        }
        for (key, st) in file.ngrams {
            let ids: Box<[Id]> = key.split(' ').map(vocab::intern).collect();
            counts.ngrams.entry(ids).or_default().merge(&st);
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(count: u64, sum_p: f64, sum_p2: f64) -> Stats {
        Stats {
            count,
            documents: 1,
            sum_p: (sum_p * P_SCALE as f64) as u128,
            sum_p2: (sum_p2 * P_SCALE as f64) as u128,
            ..Stats::default()
        }
    }

    #[test]
    fn juilland_d_is_one_for_even_and_zero_for_concentrated() {
        // 4 documents, the same normalized frequency 0.1 in each
        let even = stats(4, 0.4, 0.04);
        assert!((even.juilland_d(4).unwrap() - 1.0).abs() < 1e-9);
        // all in one document
        let one = stats(4, 0.1, 0.01);
        assert!(one.juilland_d(4).unwrap() < 1e-9);
        assert_eq!(one.juilland_d(1), None);
    }

    #[test]
    fn sixty_four_bit_frequencies_agree_with_u128_arithmetic() {
        let exact = |count: u64, tokens: u64| {
            let p = if tokens == 0 { 0 } else { count as u128 * P_SCALE / tokens as u128 };
            (p, p * p / P_SCALE)
        };
        let cases = [(0, 0), (1, 0), (1, 1), (1, 3), (2, 7), (18, 19), (19, 20), (7, 7), (1, 1_000_003), (999, 1_000)];
        let mut all: Vec<(u64, u64)> = cases.to_vec();
        for tokens in 1..200 {
            for count in 0..=tokens {
                all.push((count, tokens));
            }
        }
        for (count, tokens) in all {
            let p = normalized_frequency(count, tokens);
            assert_eq!((p, square_scaled(p)), exact(count, tokens), "{count}/{tokens}");
        }
    }

    proptest::proptest! {
        #[test]
        fn frequencies_match_for_any_counts(tokens in 1u64..u64::MAX, count in 0u64..u64::MAX) {
            let count = count % (tokens + 1).max(1);
            let p = count as u128 * P_SCALE / tokens as u128;
            proptest::prop_assert_eq!(normalized_frequency(count, tokens), p);
            proptest::prop_assert_eq!(square_scaled(p), p * p / P_SCALE);
        }
    }

    #[test]
    fn partial_files_round_trip() {
        let lex = crate::lexicon::Lexicon::builtin();
        let opts = CountOptions { ngrams: "2".parse().unwrap(), ..CountOptions::default() };
        let mut counts = Counts::new(opts);
        counts.add(count_document("قال الرئيس الجديد، قال الرئيس", &opts, lex));
        let mut bytes = Vec::new();
        counts.write_partial(&mut bytes).unwrap();
        let back = Counts::read_partial(&bytes).unwrap();
        assert_eq!(back, counts);
        assert!(Counts::read_partial(b"{}").is_err());
    }
}
