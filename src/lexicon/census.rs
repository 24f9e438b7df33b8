//! The census: word forms counted over the whole input before repairing, so that the repair
//! can ask "does this form occur intact elsewhere in the corpus?".
//!
//! Only the forms the ligature repair can ask about are kept (words with a ligature pair in
//! swap context, in either order), which keeps the census to a small part of the vocabulary.

use super::Lexicon;
use crate::arabic::{is_letter, REPLACEMENT, TATWEEL};
use crate::normalize::ligature::{has_swap_context, SwapEvidence};
use crate::normalize::words::arabic_runs;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// A document whose own evidence gives a swap rate below this counts as undamaged.
const UNDAMAGED_RATE: f32 = 0.1;

#[derive(Debug)]
pub struct Census {
    /// Changes with every change of the counts, so that caches of verdicts drawn from this
    /// census know when they are stale.
    version: u64,
    /// form → (occurrences, occurrences in undamaged documents)
    counts: HashMap<Box<str>, (u32, u32)>,
    words: u64,
    evidence: OnceLock<SwapEvidence>,
}

impl Default for Census {
    fn default() -> Self {
        Census { version: next_version(), counts: HashMap::new(), words: 0, evidence: OnceLock::new() }
    }
}

fn next_version() -> u64 {
    static VERSION: AtomicU64 = AtomicU64::new(1);
    VERSION.fetch_add(1, Ordering::Relaxed)
}

impl Census {
    pub fn new() -> Self {
        Census::default()
    }

    /// An identity for this census's current counts (unique across censuses).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Counts the word forms of one document (its raw, unrepaired text). The lexicon judges
    /// whether the rest of the document looks damaged, so that forms of undamaged documents
    /// are known (a form is not held against itself: a name such as قربص looks like a swap).
    pub fn add_text(&mut self, text: &str, lexicon: &Lexicon) {
        let mut letters: Vec<char> = Vec::new();
        let mut forms: HashMap<String, (u32, SwapEvidence)> = HashMap::new();
        let mut form = String::new();
        let mut buf = String::new();
        for run in arabic_runs(text, true) {
            self.words += 1;
            letters.clear();
            letters.extend(text[run].chars().filter(|&c| is_letter(c)));
            if letters.len() < 3 || !has_swap_context(&letters) {
                continue;
            }
            form.clear();
            form.extend(letters.iter());
            if let Some(entry) = forms.get_mut(form.as_str()) {
                entry.0 += 1;
                continue;
            }
            let mut evidence = SwapEvidence::default();
            evidence.observe(lexicon, &letters, 1, &mut buf);
            forms.insert(form.clone(), (1, evidence));
        }
        let mut own = SwapEvidence::default();
        for (n, ev) in forms.values() {
            own.merge(ev.times(*n));
        }
        // Justification kashidas (or their U+FFFD) are the other sign of an extracted PDF.
        let kashidas = text.contains([TATWEEL, REPLACEMENT]);
        for (form, (n, ev)) in forms {
            let rest = own.without(ev.times(n));
            // Clean: no other swap and no kashida, or clearly more intact pairs than swaps
            // (the rate shrunk towards one half, so a short text proves nothing).
            let undamaged = (!kashidas && rest.swapped == 0) || rest.rate(0.5, 2.0) < UNDAMAGED_RATE;
            let entry = self.counts.entry(form.into_boxed_str()).or_insert((0, 0));
            entry.0 += n;
            entry.1 += if undamaged { n } else { 0 };
        }
        self.evidence = OnceLock::new();
        self.version = next_version();
    }

    /// Adds another census (for counting documents in parallel).
    pub fn merge(&mut self, other: Census) {
        self.words += other.words;
        for (form, (n, clean)) in other.counts {
            let entry = self.counts.entry(form).or_insert((0, 0));
            entry.0 += n;
            entry.1 += clean;
        }
        self.evidence = OnceLock::new();
        self.version = next_version();
    }

    /// How many times the form (letters only) occurs in the input.
    pub fn count(&self, form: &str) -> u32 {
        self.counts.get(form).map_or(0, |c| c.0)
    }

    /// How many times the form occurs in documents that show no ligature damage.
    pub fn undamaged_count(&self, form: &str) -> u32 {
        self.counts.get(form).map_or(0, |c| c.1)
    }

    /// Arabic words counted.
    pub fn words(&self) -> u64 {
        self.words
    }

    /// Distinct forms kept.
    pub fn forms(&self) -> usize {
        self.counts.len()
    }

    /// The corpus-wide unambiguous evidence about the ligature swap rate (computed once).
    pub(crate) fn swap_evidence(&self, lexicon: &Lexicon) -> SwapEvidence {
        *self.evidence.get_or_init(|| {
            let mut total = SwapEvidence::default();
            let mut letters: Vec<char> = Vec::new();
            let mut buf = String::new();
            for (form, &(n, _)) in &self.counts {
                letters.clear();
                letters.extend(form.chars());
                total.observe(lexicon, &letters, n, &mut buf);
            }
            total
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_forms_in_swap_context_and_merges() {
        let lex = Lexicon::builtin();
        let mut a = Census::new();
        a.add_text("شهدت البالـد أحداثا، والبلاد هادئة. كتب", lex);
        assert_eq!(a.count("البالد"), 1);
        assert_eq!(a.count("والبلاد"), 1);
        assert_eq!(a.count("كتب"), 0);
        assert_eq!(a.words(), 6);
        let mut b = Census::new();
        b.add_text("البالد", lex);
        a.merge(b);
        assert_eq!(a.count("البالد"), 2);
        assert_eq!(a.words(), 7);
    }

    #[test]
    fn swap_evidence_sees_damage() {
        let lex = Lexicon::builtin();
        let mut damaged = Census::new();
        damaged.add_text("البالد نوفمرب القوانني الخرباء كبرية", lex);
        assert!(damaged.swap_evidence(lex).swapped >= 4);
        let mut clean = Census::new();
        clean.add_text("البلاد نوفمبر القوانين الخبراء كبيرة قربص", lex);
        let ev = clean.swap_evidence(lex);
        assert_eq!(ev.swapped, 1); // قربص, a place name, looks like a swap of قبرص
        assert!(ev.intact >= 4);
        // forms of undamaged documents are counted apart; damaged ones are not
        assert_eq!(clean.undamaged_count("قربص"), 1);
        assert_eq!(damaged.undamaged_count("البالد"), 0);
        assert_eq!(damaged.count("البالد"), 1);
    }
}
