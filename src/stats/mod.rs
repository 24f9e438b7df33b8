//! Term and n-gram counts: per document, then merged into corpus counts.
//!
//! Corpus counts merge by addition, exactly (integers only, dispersion sums in fixed point),
//! so one thread, many threads and partial counts merged across machines give identical
//! results. For each key they keep the count, the document frequency, the sums needed for
//! Juilland's D, and the counts of its surface forms (the most frequent one is shown).

mod count;
pub mod stopwords;
mod table;

pub use count::{count_document, CountOptions, DocCounts, NgramRange};
pub use table::{Row, TableOptions};

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Fixed-point scale of the normalized frequencies summed for dispersion.
pub(crate) const P_SCALE: u128 = 1_000_000_000_000_000;

/// Everything counted about one key (a term or an n-gram).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub count: u64,
    pub documents: u64,
    /// Σ over documents of count/tokens, and of its square, in units of 1/P_SCALE.
    pub sum_p: u128,
    pub sum_p2: u128,
    /// Surface forms and their counts, sorted by surface (so that equal counts compare equal
    /// whatever order they were added in).
    pub surfaces: Vec<(String, u64)>,
}

impl Entry {
    fn add_surface(&mut self, surface: &str, n: u64) {
        match self.surfaces.binary_search_by(|(s, _)| s.as_str().cmp(surface)) {
            Ok(i) => self.surfaces[i].1 += n,
            Err(i) => self.surfaces.insert(i, (surface.to_string(), n)),
        }
    }

    fn merge(&mut self, other: Entry) {
        self.count += other.count;
        self.documents += other.documents;
        self.sum_p += other.sum_p;
        self.sum_p2 += other.sum_p2;
        for (s, n) in other.surfaces {
            self.add_surface(&s, n);
        }
    }

    /// The most frequent surface form (ties: the smallest in code-point order).
    pub fn display(&self) -> &str {
        self.surfaces.iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map_or("", |(s, _)| s.as_str())
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

/// Counts over a corpus (or a shard of it). Serializes as a partial count file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Format marker and settings: partial files only merge with matching ones.
    pub format: String,
    pub options: CountOptions,
    pub documents: u64,
    /// Word tokens counted (the denominator of rates).
    pub tokens: u64,
    pub terms: HashMap<String, Entry>,
    pub ngrams: HashMap<String, Entry>,
}

/// The marker of partial count files written by this version.
pub const PARTIAL_FORMAT: &str = "nass-partial-counts-1";

impl Counts {
    pub fn new(options: CountOptions) -> Self {
        Counts { format: PARTIAL_FORMAT.to_string(), options, ..Counts::default() }
    }

    /// Adds one document's counts.
    pub fn add(&mut self, doc: DocCounts) {
        self.documents += 1;
        self.tokens += doc.tokens;
        add_entries(&mut self.terms, doc.terms, doc.tokens);
        add_entries(&mut self.ngrams, doc.ngrams, doc.tokens);
    }

    /// Adds another corpus's counts (made with the same options).
    pub fn merge(&mut self, other: Counts) -> Result<(), String> {
        if other.format != self.format || other.options != self.options {
            return Err(format!(
                "counts made with different settings cannot be merged ({} {:?} vs {} {:?})",
                self.format, self.options, other.format, other.options
            ));
        }
        self.documents += other.documents;
        self.tokens += other.tokens;
        for (k, e) in other.terms {
            self.terms.entry(k).or_default().merge(e);
        }
        for (k, e) in other.ngrams {
            self.ngrams.entry(k).or_default().merge(e);
        }
        Ok(())
    }
}

fn add_entries(into: &mut HashMap<String, Entry>, from: Vec<count::KeyCount>, doc_tokens: u64) {
    for kc in from {
        let p = if doc_tokens == 0 { 0 } else { kc.count as u128 * P_SCALE / doc_tokens as u128 };
        let entry = into.entry(kc.key).or_default();
        entry.count += kc.count;
        entry.documents += 1;
        entry.sum_p += p;
        entry.sum_p2 += p * p / P_SCALE;
        for (s, n) in kc.surfaces {
            entry.add_surface(&s, n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(count: u64, sum_p: f64, sum_p2: f64) -> Entry {
        Entry {
            count,
            documents: 1,
            sum_p: (sum_p * P_SCALE as f64) as u128,
            sum_p2: (sum_p2 * P_SCALE as f64) as u128,
            surfaces: vec![],
        }
    }

    #[test]
    fn juilland_d_is_one_for_even_and_zero_for_concentrated() {
        // 4 documents, the same normalized frequency 0.1 in each
        let even = entry(4, 0.4, 0.04);
        assert!((even.juilland_d(4).unwrap() - 1.0).abs() < 1e-9);
        // all in one document
        let one = entry(4, 0.1, 0.01);
        assert!(one.juilland_d(4).unwrap() < 1e-9);
        assert_eq!(one.juilland_d(1), None);
    }

    #[test]
    fn display_is_the_most_frequent_surface() {
        let mut e = Entry::default();
        e.add_surface("الإنتخابات", 2);
        e.add_surface("الانتخابات", 5);
        e.add_surface("الإنتخابات", 1);
        assert_eq!(e.display(), "الانتخابات");
    }
}
