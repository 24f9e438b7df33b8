//! From counts to the rows of a frequency table: filtering, sorting, rates, dispersion.

use super::{Counts, Entry};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What a table shows.
#[derive(Clone, Debug, Default)]
pub struct TableOptions {
    /// Keys left out (stopwords, as keys of the counts' mode).
    pub stop_keys: HashSet<String>,
    pub min_count: u64,
    /// At most this many rows per table (0: all).
    pub top: usize,
}

/// One row of a frequency table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub rank: usize,
    /// The key's most frequent surface form.
    pub term: String,
    /// What the row counts: the key (folded form, or lemma).
    pub key: String,
    /// Words in the term (1 for single terms).
    pub n: usize,
    pub count: u64,
    pub documents: u64,
    pub per_million: f64,
    /// Juilland's D (documents as parts); null with fewer than two documents.
    pub dispersion: Option<f64>,
}

fn rows(
    entries: &HashMap<String, Entry>,
    counts: &Counts,
    opts: &TableOptions,
    keep: &dyn Fn(&str) -> bool,
    display: &dyn Fn(&str, &Entry) -> String,
) -> Vec<Row> {
    let mut picked: Vec<(&String, &Entry)> =
        entries.iter().filter(|(k, e)| e.count >= opts.min_count.max(1) && keep(k)).collect();
    // Most frequent first, then by key: the same order whatever the input order.
    picked.sort_unstable_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(b.0)));
    if opts.top > 0 {
        picked.truncate(opts.top);
    }
    picked
        .into_iter()
        .enumerate()
        .map(|(i, (k, e))| Row {
            rank: i + 1,
            term: display(k, e),
            key: k.clone(),
            n: k.split(' ').count(),
            count: e.count,
            documents: e.documents,
            per_million: if counts.tokens == 0 { 0.0 } else { round3(e.count as f64 * 1e6 / counts.tokens as f64) },
            dispersion: e.juilland_d(counts.documents).map(round3),
        })
        .collect()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl Counts {
    /// The single-term table.
    pub fn term_rows(&self, opts: &TableOptions) -> Vec<Row> {
        rows(&self.terms, self, opts, &|k| !opts.stop_keys.contains(k), &|_, e| e.display().to_string())
    }

    /// The n-gram table: n-grams made only of stopwords are left out.
    pub fn ngram_rows(&self, opts: &TableOptions) -> Vec<Row> {
        // Each word of an n-gram in its term's most frequent surface form.
        let display = |k: &str, _: &Entry| {
            k.split(' ').map(|w| self.terms.get(w).map_or(w, Entry::display)).collect::<Vec<_>>().join(" ")
        };
        rows(&self.ngrams, self, opts, &|k| !k.split(' ').all(|w| opts.stop_keys.contains(w)), &display)
    }
}
