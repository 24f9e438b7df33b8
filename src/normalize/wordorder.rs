//! The word-order model that tells a line in reversed word order from a normal one.
//!
//! `data/wordorder.tsv` (rebuilt by `tools/build_wordorder.py` from the ANT news corpus) holds
//! a vocabulary of frequent folded words and, for pairs of word classes, the log ratio of how
//! often they occur in this order against the reverse order. A line's score is the sum over
//! its adjacent pairs: clearly negative means the line reads better backwards.

use crate::arabic::{is_digit, is_letter, is_mark, TATWEEL};
use std::sync::OnceLock;

/// Maps of the model, looked up for every word of a line that may be reversed, and filled with
/// some 20,000 rows at start-up: foldhash, not SipHash (the keys are the model's own).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

static MODEL_TSV: &str = include_str!("../../data/wordorder.tsv");

/// Pseudo-class inserted after a token that ends with sentence punctuation.
const END: &str = "<END>";

pub struct WordOrderModel {
    vocabulary: HashMap<String, u32>,
    /// Class ids for the pseudo-classes.
    class_ids: HashMap<&'static str, u32>,
    /// (first, second) → log ratio, stored for both orders.
    pairs: HashMap<(u32, u32), f32>,
    end_punct: bool,
}

const PSEUDO_CLASSES: [&str; 12] =
    ["<P>", "<N>", "<WAL>", "<BAL>", "<LL>", "<AL>", "<W>", "<B>", "<L>", "<F>", "<X>", END];

impl WordOrderModel {
    /// The model built into the library.
    pub fn builtin() -> &'static WordOrderModel {
        static BUILTIN: OnceLock<WordOrderModel> = OnceLock::new();
        BUILTIN.get_or_init(|| WordOrderModel::parse(MODEL_TSV))
    }

    /// Parses the TSV format written by `tools/build_wordorder.py`; malformed rows are skipped.
    pub fn parse(tsv: &str) -> WordOrderModel {
        let class_ids: HashMap<&'static str, u32> =
            PSEUDO_CLASSES.iter().enumerate().map(|(i, c)| (*c, i as u32)).collect();
        let rows = memchr::memchr_iter(b'\n', tsv.as_bytes()).count() + 1;
        let mut vocabulary = HashMap::default();
        let mut pairs = HashMap::with_capacity_and_hasher(2 * rows, Default::default());
        let mut end_punct = false;
        let id_of = |name: &str, vocabulary: &mut HashMap<String, u32>| -> u32 {
            if let Some(&id) = class_ids.get(name) {
                return id;
            }
            let next = (PSEUDO_CLASSES.len() + vocabulary.len()) as u32;
            *vocabulary.entry(name.to_string()).or_insert(next)
        };
        for row in tsv.lines() {
            if let Some(comment) = row.strip_prefix('#') {
                end_punct |= comment.trim() == "end-punct: yes";
                continue;
            }
            // At most five fields: a row with more is malformed, as it was before.
            let mut fields = [""; 5];
            let mut n = 0;
            for f in row.splitn(5, '\t') {
                fields[n] = f;
                n += 1;
            }
            match &fields[..n] {
                ["V", word] => {
                    id_of(word, &mut vocabulary);
                }
                ["P", a, b, score] => {
                    let Ok(score) = score.parse::<f32>() else { continue };
                    let (a, b) = (id_of(a, &mut vocabulary), id_of(b, &mut vocabulary));
                    pairs.insert((a, b), score);
                    pairs.insert((b, a), -score);
                }
                _ => {}
            }
        }
        WordOrderModel { vocabulary, class_ids, pairs, end_punct }
    }

    fn class_of(&self, token: &str, folded: &mut String) -> u32 {
        fold_for_model(token, folded);
        let pseudo = |name: &str| self.class_ids[name];
        if folded.is_empty() {
            return pseudo("<P>");
        }
        if folded.chars().any(is_digit) {
            return pseudo("<N>");
        }
        if let Some(&id) = self.vocabulary.get(folded.as_str()) {
            return id;
        }
        let prefix_class = [
            ("وال", "<WAL>"),
            ("بال", "<BAL>"),
            ("لل", "<LL>"),
            ("ال", "<AL>"),
            ("و", "<W>"),
            ("ب", "<B>"),
            ("ل", "<L>"),
            ("ف", "<F>"),
        ]
        .iter()
        .find(|(p, _)| folded.starts_with(p))
        .map_or("<X>", |(_, c)| c);
        pseudo(prefix_class)
    }

    /// The line's class sequence, with `<END>` after tokens ending a phrase when the model uses it.
    fn classes(&self, tokens: &[&str]) -> Vec<u32> {
        let mut folded = String::new();
        let mut out = Vec::with_capacity(tokens.len() * 2);
        for t in tokens {
            out.push(self.class_of(t, &mut folded));
            if self.end_punct && t.ends_with(['.', '،', ',', '؛', ':', '!', '?', '؟']) {
                out.push(self.class_ids[END]);
            }
        }
        out
    }

    /// Sum of the pair scores of the line's tokens as written; positive reads forwards.
    pub fn score(&self, tokens: &[&str]) -> f32 {
        self.classes(tokens).windows(2).map(|w| self.pairs.get(&(w[0], w[1])).copied().unwrap_or(0.0)).sum()
    }

    /// The line in reading order when it is a line in reversed word order, else `None`.
    ///
    /// Extractors emit a visual-order line as groups separated by runs of two or more spaces
    /// (a group is usually one word, sometimes a phrase already in order). A line is put back
    /// only when most of its gaps are such runs and its groups, reversed, read better than
    /// as written by more than `2 × threshold` (a fully reversed line scores the negation of
    /// its reading order, so this is "score below −threshold").
    pub fn unreverse(&self, line: &str, threshold: f32) -> Option<String> {
        if !is_double_spaced(line) {
            return None;
        }
        let tokens: Vec<&str> = line.split_whitespace().collect();
        if !tokens.iter().any(|t| t.chars().any(is_letter)) {
            return None;
        }
        let groups: Vec<&str> = wide_gap_groups(line.trim());
        let reversed: Vec<&str> = groups.iter().rev().flat_map(|g| g.split_whitespace()).collect();
        if self.score(&reversed) - self.score(&tokens) <= 2.0 * threshold {
            return None;
        }
        let indent = &line[..line.len() - line.trim_start().len()];
        let trailing = &line[line.trim_end().len()..];
        Some(format!("{indent}{}{trailing}", reversed.join(" ")))
    }
}

/// Fewest words a line needs before its order can be judged.
const MIN_WORDS: usize = 3;

/// Threshold for a document where double-spaced lines are the exception (as in extracted
/// PDFs): there the spacing itself is evidence, and a weak score suffices.
const THRESHOLD_SPACING_IS_EVIDENCE: f32 = 0.5;
/// Threshold for a document double-spaced throughout: only the word order can tell, so it
/// must be very clear (no false reversal in 16,000 held-out lines, see tools/eval_wordorder.py).
const THRESHOLD_SPACING_IS_STYLE: f32 = 9.0;

/// Words of a line and the gaps between them made of two or more blanks (ASCII whitespace;
/// counted bytewise, since every line of a document is looked at).
fn gap_stats(line: &[u8]) -> (usize, usize) {
    let (mut words, mut wide, mut blanks, mut in_word) = (0, 0, 0, false);
    for &b in line {
        if matches!(b, b' ' | b'\t' | b'\r' | 0x0B | 0x0C) {
            blanks += 1;
            in_word = false;
        } else {
            if !in_word {
                wide += (words > 0 && blanks >= 2) as usize;
                words += 1;
                in_word = true;
            }
            blanks = 0;
        }
    }
    (words, wide)
}

/// Does the line have enough words, with most of its gaps two blanks or wider?
pub(crate) fn is_double_spaced(line: &str) -> bool {
    let (words, wide) = gap_stats(line.as_bytes());
    words >= MIN_WORDS && wide * 2 >= words - 1
}

/// The score margin a document's lines need, from how common double-spaced lines are in it.
pub fn document_threshold(text: &str) -> f32 {
    let (mut lines, mut double) = (0usize, 0usize);
    for line in text.as_bytes().split(|&b| b == b'\n') {
        let (words, wide) = gap_stats(line);
        if words >= MIN_WORDS {
            lines += 1;
            double += (wide * 2 >= words - 1) as usize;
        }
    }
    if double * 2 <= lines {
        THRESHOLD_SPACING_IS_EVIDENCE
    } else {
        THRESHOLD_SPACING_IS_STYLE
    }
}

/// The groups of a trimmed line separated by runs of two or more whitespace characters.
fn wide_gap_groups(trimmed: &str) -> Vec<&str> {
    let mut groups = Vec::new();
    let mut start = 0;
    let mut run_start = None;
    let mut run = 0;
    for (i, c) in trimmed.char_indices() {
        if c.is_whitespace() {
            run_start.get_or_insert(i);
            run += 1;
        } else {
            if run >= 2 {
                groups.push(&trimmed[start..run_start.unwrap_or(i)]);
                start = i;
            }
            run = 0;
            run_start = None;
        }
    }
    groups.push(&trimmed[start..]);
    groups
}

/// The model's folding: no tatweel or marks, one alef, ي for ى, ه for ة, and no punctuation
/// at either end.
fn fold_for_model(token: &str, out: &mut String) {
    out.clear();
    for c in token.chars() {
        let c = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            _ => c,
        };
        if c != TATWEEL && !is_mark(c) {
            out.push(c);
        }
    }
    let keep = |c: char| {
        ('\u{0621}'..='\u{064A}').contains(&c) || c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c)
    };
    let start = out.find(keep).unwrap_or(out.len());
    let end = out.rfind(keep).map_or(start, |i| i + out[i..].chars().next().map_or(0, char::len_utf8));
    if start > 0 || end < out.len() {
        *out = out[start..end.max(start)].to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_for_the_model() {
        let mut s = String::new();
        fold_for_model("«الإنتخابـات»،", &mut s);
        assert_eq!(s, "الانتخابات");
        fold_for_model("...", &mut s);
        assert_eq!(s, "");
        fold_for_model("(2019)", &mut s);
        assert_eq!(s, "2019");
    }

    #[test]
    fn wide_gaps_are_counted_and_split() {
        assert_eq!(gap_stats(b"a  b c   d"), (4, 2));
        assert_eq!(gap_stats(b"  a b "), (2, 0));
        assert_eq!(gap_stats(b""), (0, 0));
        assert_eq!(wide_gap_groups("a  b c   d"), ["a", "b c", "d"]);
        assert_eq!(wide_gap_groups("a"), ["a"]);
    }

    #[test]
    fn the_threshold_depends_on_how_common_double_spacing_is() {
        let mostly_single = "واحد اثنان ثلاثة\nأربعة  خمسة  ستة\nسبعة ثمانية تسعة\n";
        assert_eq!(document_threshold(mostly_single), THRESHOLD_SPACING_IS_EVIDENCE);
        let all_double = "واحد  اثنان  ثلاثة\nأربعة  خمسة  ستة\n";
        assert_eq!(document_threshold(all_double), THRESHOLD_SPACING_IS_STYLE);
    }

    #[test]
    fn reversed_lines_are_put_back_and_normal_lines_kept() {
        let model = WordOrderModel::builtin();
        let normal = "وقال الرئيس في كلمة عبر التلفزيون إن الانتخابات كانت نزيهة";
        let reversed: Vec<&str> = normal.split(' ').rev().collect();
        let reversed = reversed.join("  ");
        assert_eq!(model.unreverse(&reversed, THRESHOLD_SPACING_IS_EVIDENCE).as_deref(), Some(normal));
        // the same words double-spaced in reading order stay
        let spaced = normal.replace(' ', "  ");
        assert_eq!(model.unreverse(&spaced, THRESHOLD_SPACING_IS_EVIDENCE), None);
        // single-spaced lines are never reversed, whatever their score
        let single: Vec<&str> = normal.split(' ').rev().collect();
        assert_eq!(model.unreverse(&single.join(" "), THRESHOLD_SPACING_IS_EVIDENCE), None);
    }

    #[test]
    fn parse_reads_vocabulary_pairs_and_flags() {
        let m = WordOrderModel::parse("# x\n# end-punct: yes\nV\tفي\nP\tفي\t<AL>\t2.5\nbad row\n");
        assert!(m.end_punct);
        let fi = m.vocabulary["في"];
        let al = m.class_ids["<AL>"];
        assert_eq!(m.pairs[&(fi, al)], 2.5);
        assert_eq!(m.pairs[&(al, fi)], -2.5);
        assert_eq!(m.score(&["في", "الانتخابات"]), 2.5);
        assert_eq!(m.score(&["الانتخابات", "في"]), -2.5);
    }
}
