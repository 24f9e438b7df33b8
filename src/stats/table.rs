//! From counts to the rows of a frequency table: filtering, sorting, rates, dispersion.

use super::vocab::{self, Id};
use super::{Counts, Stats};
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

impl Counts {
    /// The single-term table.
    pub fn term_rows(&self, opts: &TableOptions) -> Vec<Row> {
        // A key is a stopword when its id is a stopword's: a few hundred lookups instead of
        // hashing the name of every term counted. (Looked up before `with_names` takes the
        // vocabulary's lock.)
        let stop_ids: IdSet = opts.stop_keys.iter().filter_map(|w| vocab::lookup(w)).collect();
        // Flags by id (zeroed memory, no per-entry work): a stopword test and a "shown" test
        // are then one load per term instead of a hash lookup.
        let ids = self.terms.values.len().max(self.surfaces.values.len());
        let mut flags = vec![0u8; ids];
        for &k in &stop_ids {
            if let Some(f) = flags.get_mut(k as usize) {
                *f = STOP;
            }
        }
        vocab::with_names(|names| {
            let name = |id: Id| &*names[id as usize];
            // The rows are ranked by key first, so that only the shown ones (`top`) need their
            // spellings and strings: a corpus has far more terms than a table shows.
            // (id, count) only: small entries to select and sort; the stats are fetched for the
            // rows shown. (An absent term has count 0.)
            let min_count = opts.min_count.max(1);
            let mut picked: Vec<(Id, u64)> = self
                .terms
                .values
                .iter()
                .zip(&flags)
                .enumerate()
                .filter(|&(_, (st, &flag))| st.count >= min_count && flag != STOP)
                .map(|(k, (st, _))| (k as Id, st.count))
                .collect();
            // Most frequent first, then by key (keys differ: a total order). With a `top`, the
            // rows shown are selected first and only they are sorted.
            let order = |a: &(Id, u64), b: &(Id, u64)| b.1.cmp(&a.1).then_with(|| name(a.0).cmp(name(b.0)));
            if opts.top > 0 && opts.top < picked.len() {
                picked.select_nth_unstable_by(opts.top - 1, order);
                picked.truncate(opts.top);
            }
            picked.sort_unstable_by(order);
            // Spellings other than the key itself; the key's own spelling has the rest.
            for &(k, _) in &picked {
                flags[k as usize] = SHOWN;
            }
            let mut others: IdMap<Vec<(Id, u64)>> = picked.iter().map(|&(k, _)| (k, Vec::new())).collect();
            for (sid, &(kid, n)) in self.surfaces.iter() {
                if flags.get(kid as usize) == Some(&SHOWN) {
                    if let Some(spellings) = others.get_mut(&kid) {
                        spellings.push((sid, n));
                    }
                }
            }
            let entries = picked.into_iter().map(|(k, _)| {
                let st = self.terms.get(k).copied().unwrap_or_default();
                let spellings = others.get(&k).map_or(&[][..], Vec::as_slice);
                let own = st.count - spellings.iter().map(|&(_, n)| n).sum::<u64>();
                // The most frequent spelling (ties: the first in code-point order).
                let shown = spellings
                    .iter()
                    .copied()
                    .chain(std::iter::once((k, own)).filter(|&(_, n)| n > 0))
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| name(b.0).cmp(name(a.0))))
                    .map_or(k, |(s, _)| s);
                (name(k).to_string(), name(shown).to_string(), st)
            });
            rows(entries, self, opts)
        })
    }

    /// The n-gram table: each word shown as its term is; n-grams made only of stopwords are
    /// left out.
    pub fn ngram_rows(&self, opts: &TableOptions) -> Vec<Row> {
        let words: HashMap<String, String> =
            self.term_rows(&TableOptions::default()).into_iter().map(|r| (r.key, r.term)).collect();
        vocab::with_names(|names| {
            let entries = self.ngrams.iter().map(|(ids, st)| {
                let key = ids.iter().map(|&i| names[i as usize].as_ref()).collect::<Vec<_>>().join(" ");
                let display = ids
                    .iter()
                    .map(|&i| words.get(names[i as usize].as_ref()).map_or(names[i as usize].as_ref(), String::as_str))
                    .collect::<Vec<_>>()
                    .join(" ");
                (key, display, *st)
            });
            rows(entries.filter(|(k, _, _)| !k.split(' ').all(|w| opts.stop_keys.contains(w))), self, opts)
        })
    }
}

/// [`Counts::term_rows`]'s flags of a key id: a stopword, or a key of a row shown.
const STOP: u8 = 1;
const SHOWN: u8 = 2;

/// Sets and maps of ids, with a fast hash (ids are small integers, not attacker-chosen).
type IdSet = HashSet<Id, foldhash::fast::FixedState>;
type IdMap<V> = HashMap<Id, V, foldhash::fast::FixedState>;

fn rows(entries: impl Iterator<Item = (String, String, Stats)>, counts: &Counts, opts: &TableOptions) -> Vec<Row> {
    let mut picked: Vec<(String, String, Stats)> =
        entries.filter(|(_, _, st)| st.count >= opts.min_count.max(1)).collect();
    // Most frequent first, then by key: the same order whatever the input order.
    picked.sort_unstable_by(|a, b| b.2.count.cmp(&a.2.count).then_with(|| a.0.cmp(&b.0)));
    if opts.top > 0 {
        picked.truncate(opts.top);
    }
    picked
        .into_iter()
        .enumerate()
        .map(|(i, (key, term, st))| Row {
            rank: i + 1,
            n: key.split(' ').count(),
            term,
            key,
            count: st.count,
            documents: st.documents,
            per_million: if counts.tokens == 0 { 0.0 } else { round3(st.count as f64 * 1e6 / counts.tokens as f64) },
            dispersion: st.juilland_d(counts.documents).map(round3),
        })
        .collect()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
