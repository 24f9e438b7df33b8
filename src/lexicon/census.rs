//! The census: word forms counted over the whole input before repairing, so that the repair
//! can ask "does this form occur intact elsewhere in the corpus?".
//!
//! Only the forms the ligature repair can ask about are kept (words with a ligature pair in
//! swap context, in either order), which keeps the census to a small part of the vocabulary.

use super::Lexicon;
use crate::normalize::ligature::{has_swap_context, SwapEvidence};
use crate::normalize::words::arabic_runs;
use crate::arabic::is_letter;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Default)]
pub struct Census {
    counts: HashMap<Box<str>, u32>,
    words: u64,
    evidence: OnceLock<SwapEvidence>,
}

impl Census {
    pub fn new() -> Self {
        Census::default()
    }

    /// Counts the word forms of one document (its raw, unrepaired text).
    pub fn add_text(&mut self, text: &str) {
        let mut letters: Vec<char> = Vec::new();
        let mut form = String::new();
        for run in arabic_runs(text, true) {
            self.words += 1;
            letters.clear();
            letters.extend(text[run].chars().filter(|&c| is_letter(c)));
            if letters.len() < 3 || !has_swap_context(&letters) {
                continue;
            }
            form.clear();
            form.extend(letters.iter());
            match self.counts.get_mut(form.as_str()) {
                Some(n) => *n += 1,
                None => {
                    self.counts.insert(form.as_str().into(), 1);
                }
            }
        }
        self.evidence = OnceLock::new();
    }

    /// Adds another census (for counting documents in parallel).
    pub fn merge(&mut self, other: Census) {
        self.words += other.words;
        for (form, n) in other.counts {
            *self.counts.entry(form).or_insert(0) += n;
        }
        self.evidence = OnceLock::new();
    }

    /// How many times the form (letters only) occurs in the input.
    pub fn count(&self, form: &str) -> u32 {
        self.counts.get(form).copied().unwrap_or(0)
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
            for (form, &n) in &self.counts {
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
        let mut a = Census::new();
        a.add_text("شهدت البالـد أحداثا، والبلاد هادئة. كتب");
        assert_eq!(a.count("البالد"), 1);
        assert_eq!(a.count("والبلاد"), 1);
        assert_eq!(a.count("كتب"), 0);
        assert_eq!(a.words(), 6);
        let mut b = Census::new();
        b.add_text("البالد");
        a.merge(b);
        assert_eq!(a.count("البالد"), 2);
        assert_eq!(a.words(), 7);
    }

    #[test]
    fn swap_evidence_sees_damage() {
        let lex = Lexicon::builtin();
        let mut damaged = Census::new();
        damaged.add_text("البالد نوفمرب القوانني الخرباء كبرية");
        assert!(damaged.swap_evidence(lex).swapped >= 4);
        let mut clean = Census::new();
        clean.add_text("البلاد نوفمبر القوانين الخبراء كبيرة");
        let ev = clean.swap_evidence(lex);
        assert_eq!(ev.swapped, 0);
        assert!(ev.intact >= 4);
    }
}
