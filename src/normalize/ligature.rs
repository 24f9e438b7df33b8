//! Reversed ligature pairs: undo `البالد` → `البلاد`, `نوفمرب` → `نوفمبر` on evidence.
//!
//! A font that draws a pair XY as one ligature glyph, and an extractor that reorders glyphs
//! visually, emit the pair as YX. RULES.md measured the context: XY is one of the eight pairs
//! below, X is joined to the letter before it, and Y is in final form (for ن and ي: the last
//! letter of the word). A word carries at most one swap.
//!
//! Many swapped forms are real words too (بني for بين), so a swap is undone only when the
//! evidence makes the repaired form far more likely than the form seen. The model, in log10
//! odds: `prior(document) + support(repaired) − support(seen) + census bonus > threshold`.
//! - `support` is the word's Zipf frequency in the built-in lexicon, backing off to its stem
//!   without clitics, 0 when unknown.
//! - `prior` is the document's swap rate, estimated from its unambiguous cases (unknown word
//!   whose repair is a common word vs. common word whose swap is unknown) and shrunk towards
//!   the corpus rate: a clean document gets a low prior, so its real words stay untouched even
//!   when a swapped reading is also a word.
//! - The census bonus: the repaired form occurs elsewhere in the corpus. Extraction only turns
//!   XY into YX, never back, so a form seen with XY is a real form.

use super::edit::{ChangeClass, Rewriter};
use super::words::for_each_letter_run;
use crate::arabic::{is_letter, joins_next};
use crate::fingerprint::{fingerprint, ByFingerprint};
use crate::lexicon::{Census, Lexicon};
use std::ops::Range;

/// Log10 odds added when the repaired form is attested intact in the census (only when the
/// seen form is not itself a well-attested word: between two real words, the census says
/// nothing about which one this occurrence is).
const CENSUS_BONUS: f32 = 1.2;
/// Occurrences in undamaged documents that make a form a word of the corpus, never repaired
/// (a place name such as قربص in a corpus that also names قبرص).
const ATTESTED: u32 = 2;
/// Zipf frequency from which a word counts as clearly real when estimating the prior.
const CLEARLY_REAL: f32 = 3.0;
/// Prior swap rate of a document with no evidence (most text is not PDF-damaged).
const BASE_RATE: f32 = 0.02;
/// How many unambiguous cases the corpus rate is worth against the document's own.
const CORPUS_WEIGHT: f32 = 8.0;
/// How many unambiguous cases the base rate is worth against the corpus's own.
const BASE_WEIGHT: f32 = 8.0;

/// Is XY one of the eight pairs that extraction was measured to swap: لا لي ير ين بر شر صر ضر?
#[inline]
fn is_pair(x: char, y: char) -> bool {
    matches!((x, y), ('ل', 'ا' | 'ي') | ('ي', 'ر' | 'ن') | ('ب' | 'ش' | 'ص' | 'ض', 'ر'))
}

/// Is the letter pair at `i`, `i + 1` in the context where extraction swaps ligatures? The
/// context is the same for the logical pair (XY) and for the swapped one (YX): the first
/// letter follows a letter that joins it, and when the second letter of the logical pair is
/// ن or ي, the pair ends the word (those letters are final only there).
#[inline]
fn in_swap_context(letters: &[char], i: usize, y: char) -> bool {
    i >= 1 && i + 1 < letters.len() && joins_next(letters[i - 1]) && (!matches!(y, 'ن' | 'ي') || i + 2 == letters.len())
}

/// Positions where the letters read YX for one of the pairs, in swap context.
fn swapped_positions(letters: &[char]) -> impl Iterator<Item = usize> + '_ {
    (1..letters.len().saturating_sub(1))
        .filter(move |&i| is_pair(letters[i + 1], letters[i]) && in_swap_context(letters, i, letters[i]))
}

/// Positions where the letters read XY for one of the pairs, in swap context.
fn intact_positions(letters: &[char]) -> impl Iterator<Item = usize> + '_ {
    (1..letters.len().saturating_sub(1))
        .filter(move |&i| is_pair(letters[i], letters[i + 1]) && in_swap_context(letters, i, letters[i + 1]))
}

/// True when a word has a pair in swap context, in either order: the forms the census keeps.
pub(crate) fn has_swap_context(letters: &[char]) -> bool {
    let n = letters.len();
    (1..n.saturating_sub(1)).any(|i| {
        let (a, b) = (letters[i], letters[i + 1]);
        let second = if is_pair(a, b) {
            b
        } else if is_pair(b, a) {
            a
        } else {
            return false;
        };
        joins_next(letters[i - 1]) && (!matches!(second, 'ن' | 'ي') || i + 2 == n)
    })
}

/// Byte range of the letters `i` and `i + 1` in the word made of `letters`.
fn pair_bytes(letters: &[char], i: usize) -> Range<usize> {
    let start: usize = letters[..i].iter().map(|c| c.len_utf8()).sum();
    start..start + letters[i].len_utf8() + letters[i + 1].len_utf8()
}

fn swapped_string(letters: &[char], i: usize, buf: &mut String) {
    buf.clear();
    for (k, &c) in letters.iter().enumerate() {
        let c = if k == i {
            letters[i + 1]
        } else if k == i + 1 {
            letters[i]
        } else {
            c
        };
        buf.push(c);
    }
}

/// Counts of unambiguous evidence about the swap rate.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SwapEvidence {
    /// Unknown words whose repair is a common word.
    pub swapped: u32,
    /// Common words whose swapped reading is unknown.
    pub intact: u32,
}

impl SwapEvidence {
    pub fn merge(&mut self, other: SwapEvidence) {
        self.swapped += other.swapped;
        self.intact += other.intact;
    }

    /// The evidence counted `n` times.
    pub(crate) fn times(self, n: u32) -> SwapEvidence {
        SwapEvidence { swapped: self.swapped * n, intact: self.intact * n }
    }

    /// The evidence with `part` taken out.
    pub(crate) fn without(self, part: SwapEvidence) -> SwapEvidence {
        SwapEvidence {
            swapped: self.swapped.saturating_sub(part.swapped),
            intact: self.intact.saturating_sub(part.intact),
        }
    }

    /// Adds what one word (as letters) says about the swap rate, `times` times. "Unknown" here
    /// means absent from the lexicon as written, without clitic back-off, which is stricter.
    pub(crate) fn observe(&mut self, lexicon: &Lexicon, letters: &[char], times: u32, buf: &mut String) {
        let seen: String = letters.iter().collect();
        // A word the lexicon knows is no evidence of a swap, whatever its swapped readings.
        if !lexicon.contains(&seen) {
            for i in swapped_positions(letters) {
                swapped_string(letters, i, buf);
                if lexicon.support_around(buf, pair_bytes(letters, i)) >= CLEARLY_REAL {
                    self.swapped += times;
                }
            }
        }
        for i in intact_positions(letters) {
            swapped_string(letters, i, buf);
            if !lexicon.contains(buf) && lexicon.support_around(&seen, pair_bytes(letters, i)) >= CLEARLY_REAL {
                self.intact += times;
            }
        }
    }

    /// Smoothed swap rate, shrunk towards `toward` with the weight of `weight` cases.
    pub(crate) fn rate(self, toward: f32, weight: f32) -> f32 {
        (self.swapped as f32 + weight * toward) / ((self.swapped + self.intact) as f32 + weight)
    }
}

/// Settings of the ligature repair.
#[derive(Clone, Copy, Debug)]
pub struct LigatureOptions {
    /// Log10 odds the repaired form must reach (1.0: ten to one in favour of the repair).
    pub min_log_odds: f32,
}

impl Default for LigatureOptions {
    fn default() -> Self {
        // Measured on generated damage over news text (tools/eval_repair.py): between two
        // real words, a lexicon ratio of 7:1 in a damaged document is right 19 times in 20.
        LigatureOptions { min_log_odds: 0.85 }
    }
}

/// The evidence the repair consults: the lexicon, and the census when the whole input was
/// counted first (not in streaming mode).
#[derive(Clone, Copy)]
pub struct Evidence<'a> {
    pub lexicon: &'a Lexicon,
    pub census: Option<&'a Census>,
}

impl<'a> Evidence<'a> {
    pub fn lexicon_only(lexicon: &'a Lexicon) -> Self {
        Evidence { lexicon, census: None }
    }

    /// The swap rate over the whole input (the base rate without a census).
    fn corpus_rate(&self) -> f32 {
        self.census.map_or(BASE_RATE, |c| c.swap_evidence(self.lexicon).rate(BASE_RATE, BASE_WEIGHT))
    }

    /// The prior swap rate for a document with the given evidence of its own.
    fn document_rate(&self, own: SwapEvidence) -> f32 {
        own.rate(self.corpus_rate(), CORPUS_WEIGHT)
    }
}

struct Candidate {
    word: Range<usize>,
    /// Letter index of the first of the two letters to exchange.
    pair: usize,
    /// support(repaired) − support(seen) + census bonus, in log10 units.
    gain: f32,
}

/// The byte range of each letter of a word together with the marks that follow it.
fn clusters(text: &str, word: Range<usize>, out: &mut Vec<Range<usize>>) {
    out.clear();
    for (i, c) in text[word.clone()].char_indices() {
        let at = word.start + i;
        if is_letter(c) {
            out.push(at..at + c.len_utf8());
        } else if let Some(last) = out.last_mut() {
            last.end = at + c.len_utf8();
        }
    }
}

/// What one word form says, computed once per distinct form in a document.
#[derive(Clone, Copy, Default)]
struct FormVerdict {
    evidence: SwapEvidence,
    /// The best swap: letter index of the pair and its gain.
    best: Option<(usize, f32)>,
}

fn judge_form(letters: &[char], evidence: &Evidence, buf: &mut String, seen: &mut String) -> FormVerdict {
    let lexicon = evidence.lexicon;
    let mut verdict = FormVerdict::default();
    if letters.len() < 3 || !has_swap_context(letters) {
        return verdict;
    }
    verdict.evidence.observe(lexicon, letters, 1, buf);
    seen.clear();
    seen.extend(letters.iter());
    for i in swapped_positions(letters) {
        swapped_string(letters, i, buf);
        let pair = pair_bytes(letters, i);
        let seen_support = lexicon.support_around(seen, pair.clone());
        let mut gain = lexicon.support_around(buf, pair) - seen_support;
        // Between two real words the census cannot tell which one an occurrence is, so real
        // words are judged on the lexicon alone.
        if let (Some(census), true) = (evidence.census, seen_support < CLEARLY_REAL) {
            if census.undamaged_count(seen) >= ATTESTED {
                continue;
            }
            if census.count(buf) > 0 {
                gain += CENSUS_BONUS;
            }
        }
        if verdict.best.is_none_or(|(_, g)| gain > g) {
            verdict.best = Some((i, gain));
        }
    }
    verdict
}

pub(crate) fn repair_ligatures(
    text: &str,
    evidence: &Evidence,
    opts: LigatureOptions,
) -> Option<(String, Vec<super::edit::Change>)> {
    VERDICTS.with_borrow_mut(|cache| {
        cache.prepare(evidence);
        repair_with_cache(text, evidence, opts, &mut cache.verdicts)
    })
}

/// Verdicts on word forms, kept per thread across documents: words repeat across a corpus,
/// and a verdict depends only on the form and the evidence (lexicon and census).
struct VerdictCache {
    evidence_id: (usize, u64),
    verdicts: ByFingerprint<FormVerdict>,
}

/// Forms remembered per thread before the cache starts over (a few megabytes).
const CACHE_FORMS: usize = 200_000;

impl VerdictCache {
    fn prepare(&mut self, evidence: &Evidence) {
        let id = (evidence.lexicon as *const Lexicon as usize, evidence.census.map_or(0, Census::version));
        if id != self.evidence_id || self.verdicts.len() > CACHE_FORMS {
            self.verdicts.clear();
            self.evidence_id = id;
        }
    }
}

thread_local! {
    static VERDICTS: std::cell::RefCell<VerdictCache> =
        std::cell::RefCell::new(VerdictCache { evidence_id: (0, 0), verdicts: ByFingerprint::default() });
}

fn repair_with_cache(
    text: &str,
    evidence: &Evidence,
    opts: LigatureOptions,
    memo: &mut ByFingerprint<FormVerdict>,
) -> Option<(String, Vec<super::edit::Change>)> {
    let mut own = SwapEvidence::default();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut cl: Vec<Range<usize>> = Vec::new();
    let (mut buf, mut seen) = (String::new(), String::new());
    let mut letters: Vec<char> = Vec::new();
    for_each_letter_run(text, |word, in_context| {
        if !in_context {
            return;
        }
        let form = &text[word.clone()];
        let fp = fingerprint(form);
        let verdict = match memo.get(&fp) {
            Some(v) => *v,
            None => {
                letters.clear();
                letters.extend(form.chars().filter(|&c| is_letter(c)));
                let v = judge_form(&letters, evidence, &mut buf, &mut seen);
                memo.insert(fp, v);
                v
            }
        };
        own.merge(verdict.evidence);
        if let Some((pair, gain)) = verdict.best {
            candidates.push(Candidate { word, pair, gain });
        }
    });
    if candidates.is_empty() {
        return None;
    }
    let rate = evidence.document_rate(own).clamp(1e-4, 1.0 - 1e-4);
    let prior = (rate / (1.0 - rate)).log10();
    let mut rw = Rewriter::new(text);
    let mut swapped = String::new();
    for cand in candidates.iter().filter(|c| prior + c.gain > opts.min_log_odds) {
        // The letters to exchange, each with the marks that follow it.
        clusters(text, cand.word.clone(), &mut cl);
        let (first, second) = (&cl[cand.pair], &cl[cand.pair + 1]);
        swapped.clear();
        swapped.push_str(&text[cand.word.start..first.start]);
        swapped.push_str(&text[second.clone()]);
        swapped.push_str(&text[first.clone()]);
        swapped.push_str(&text[second.end..cand.word.end]);
        rw.replace(cand.word.clone(), &swapped, ChangeClass::LigatureSwap, true);
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn swap_context_follows_the_measured_rule() {
        // البالد: ا ل after ب (joins) → swapped lam-alef
        assert_eq!(swapped_positions(&chars("البالد")).collect::<Vec<_>>(), [3]);
        // word-initial لا/ال is never a swap: the article stays
        assert!(swapped_positions(&chars("الولد")).next().is_none());
        // after a letter that does not join (و), no ligature can form
        assert!(swapped_positions(&chars("والد")).next().is_none());
        // ني only at the end of the word
        assert_eq!(swapped_positions(&chars("القوانني")).collect::<Vec<_>>(), [6]);
        assert!(swapped_positions(&chars("بنيت")).next().is_none());
        // نوفمرب: رب after م
        assert_eq!(swapped_positions(&chars("نوفمرب")).collect::<Vec<_>>(), [4]);
        assert_eq!(intact_positions(&chars("نوفمبر")).collect::<Vec<_>>(), [4]);
        assert!(has_swap_context(&chars("البلاد")) && !has_swap_context(&chars("كتب")));
    }

    fn repair(text: &str) -> String {
        let ev = Evidence::lexicon_only(Lexicon::builtin());
        repair_ligatures(text, &ev, LigatureOptions::default()).map_or_else(|| text.to_string(), |(t, _)| t)
    }

    #[test]
    fn non_words_are_repaired_when_the_repair_is_a_common_word() {
        assert_eq!(repair("أواخر نوفمرب"), "أواخر نوفمبر");
        assert_eq!(repair("شهدت البالد أحداثا"), "شهدت البلاد أحداثا");
        assert_eq!(repair("القوانني"), "القوانين");
    }

    #[test]
    fn marks_move_with_their_letter() {
        assert_eq!(repair("نوفمرَب"), "نوفمبرَ");
    }

    #[test]
    fn real_words_stay_in_a_clean_text() {
        let clean = "قال إن الحرب بين البلدين انتهت، وإن بني سويف تستعد، والعرب يتابعون عبر القنوات.";
        assert_eq!(repair(clean), clean);
    }

    #[test]
    fn real_word_errors_are_repaired_in_a_damaged_text() {
        // Many unambiguous swaps raise the document's prior, so بني (for بين) is repaired too.
        let damaged = "البالد نوفمرب القوانني الخرباء كبرية التبكري غري خالل الإعالم بني";
        let out = repair(damaged);
        assert!(out.ends_with(" بين"), "{out}");
        assert!(out.starts_with("البلاد نوفمبر القوانين الخبراء كبيرة التبكير غير خلال"), "{out}");
    }
}
