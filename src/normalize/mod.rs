//! Normalization: `repair` undoes PDF-extraction damage, `fold` makes the search form.
//!
//! The stages run in one direction — characters, ligatures, lines, punctuation, then folding —
//! each rewriting the previous stage's output and recording its changes, so that every
//! position of the cleaned text maps back to the original ([`OffsetMap`]).

mod chars;
pub mod edit;
mod fold;
pub(crate) mod ligature;
mod lines;
mod punct;
mod scan;
mod wordorder;
pub(crate) mod words;

pub use chars::CharRepairs;
pub use edit::{ChangeClass, OffsetMap};
pub use fold::FoldOptions;
pub use ligature::{Evidence, LigatureOptions, SwapEvidence};
pub use lines::LineRepairs;
pub use punct::PunctRepairs;
pub use wordorder::WordOrderModel;

use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;

/// Which repairs run. `RepairOptions::default()` runs all of them; `none()` runs none.
#[derive(Clone, Copy, Debug)]
pub struct RepairOptions {
    pub chars: CharRepairs,
    /// `None` turns the ligature repair off.
    pub ligatures: Option<LigatureOptions>,
    pub lines: LineRepairs,
    pub punct: PunctRepairs,
}

impl Default for RepairOptions {
    fn default() -> Self {
        RepairOptions {
            chars: CharRepairs { tatweel: true, replacement_char: true, presentation_forms: true, bidi_controls: true },
            ligatures: Some(LigatureOptions::default()),
            lines: LineRepairs { reversed_lines: true, period_at_line_start: true },
            punct: PunctRepairs { quotes: true, parens: true, percent: true, comma: true },
        }
    }
}

impl RepairOptions {
    /// No repair at all (for folding text that is known to be clean).
    pub fn none() -> Self {
        RepairOptions {
            chars: CharRepairs {
                tatweel: false,
                replacement_char: false,
                presentation_forms: false,
                bidi_controls: false,
            },
            ligatures: None,
            lines: LineRepairs { reversed_lines: false, period_at_line_start: false },
            punct: PunctRepairs { quotes: false, parens: false, percent: false, comma: false },
        }
    }
}

/// What `clean` does: the repairs, and folding when `fold` is set.
#[derive(Clone, Copy, Debug, Default)]
pub struct CleanOptions {
    pub repair: RepairOptions,
    pub fold: Option<FoldOptions>,
}

/// One repair: its class and the span of the original text it rewrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Repair {
    pub class: ChangeClass,
    pub start: usize,
    pub end: usize,
}

impl Repair {
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A cleaned text with its repairs and the map back to the original.
#[derive(Clone, Debug)]
pub struct Cleaned {
    pub text: String,
    pub offsets: OffsetMap,
}

impl Cleaned {
    /// Every repair made (folding excluded), with original spans, in the order of the text
    /// (repairs at the same place in stage order). A stage that runs again on its own output
    /// (punctuation) adds repairs before those it made first: the order of the stages alone
    /// would not be the text's.
    pub fn repairs(&self) -> Vec<Repair> {
        let mut out = Vec::new();
        for (k, stage) in self.offsets.stages().iter().enumerate() {
            for change in stage.iter().filter(|c| c.class != ChangeClass::Fold) {
                let span = self.offsets.stage_input_to_original(k, change.input.clone());
                out.push(Repair { class: change.class, start: span.start, end: span.end });
            }
        }
        out.sort_by_key(|r| (r.start, r.end));
        out
    }

    /// How many repairs of each class were made.
    pub fn repair_counts(&self) -> RepairCounts {
        let mut counts = RepairCounts::default();
        for stage in self.offsets.stages() {
            for change in stage.iter().filter(|c| c.class != ChangeClass::Fold) {
                counts.add(change.class, 1);
            }
        }
        counts
    }
}

/// Repairs counted by class; merges associatively.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RepairCounts {
    counts: [u64; ChangeClass::ALL.len()],
}

impl RepairCounts {
    pub fn add(&mut self, class: ChangeClass, n: u64) {
        if let Some(k) = ChangeClass::ALL.iter().position(|&c| c == class) {
            self.counts[k] += n;
        }
    }

    pub fn get(&self, class: ChangeClass) -> u64 {
        ChangeClass::ALL.iter().position(|&c| c == class).map_or(0, |k| self.counts[k])
    }

    pub fn merge(&mut self, other: &RepairCounts) {
        for (a, b) in self.counts.iter_mut().zip(other.counts.iter()) {
            *a += b;
        }
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// (class, count) for every class with a non-zero count.
    pub fn nonzero(&self) -> impl Iterator<Item = (ChangeClass, u64)> + '_ {
        ChangeClass::ALL.iter().zip(self.counts.iter()).filter(|(_, &n)| n > 0).map(|(&c, &n)| (c, n))
    }
}

/// How many repairs earlier stages must have made before a document counts as damaged.
const DAMAGE_EVIDENCE: usize = 2;

/// Repairs (and, if asked, folds) one document.
pub fn clean(text: &str, opts: &CleanOptions, evidence: &Evidence) -> Cleaned {
    let (text, offsets) = clean_cow(text, opts, evidence);
    Cleaned { text: text.into_owned(), offsets }
}

/// Like [`clean`], borrowing the input when nothing changes (no copy of a clean text).
pub fn clean_cow<'a>(text: &'a str, opts: &CleanOptions, evidence: &Evidence) -> (Cow<'a, str>, OffsetMap) {
    let mut current: Cow<str> = Cow::Borrowed(text);
    let mut offsets = OffsetMap::default();
    let apply = |current: &mut Cow<str>, offsets: &mut OffsetMap, result: Option<(String, Vec<edit::Change>)>| {
        if let Some((next, changes)) = result {
            offsets.push_stage(changes);
            *current = Cow::Owned(next);
        }
    };
    let r = &opts.repair;
    for out in chars::repair_chars(&current, r.chars) {
        apply(&mut current, &mut offsets, Some(out));
    }
    if let Some(lig) = r.ligatures {
        let out = ligature::repair_ligatures(&current, evidence, lig);
        apply(&mut current, &mut offsets, out);
    }
    for out in lines::repair_lines(&current, r.lines, WordOrderModel::builtin) {
        apply(&mut current, &mut offsets, Some(out));
    }
    // Damage found so far (kashidas, swaps, reversed lines) tells the punctuation stage that
    // this document went through a PDF extractor.
    let damaged = offsets.stages().iter().map(Vec::len).sum::<usize>() >= DAMAGE_EVIDENCE;
    // A mark the stage moves may change how a guillemet next to it reads (`«%,0` → `«,0%`,
    // where « now closes a word): the stage runs again on its own output, to a fixed point,
    // so that cleaning twice changes nothing.
    for _ in 0..PUNCT_PASSES {
        let Some(out) = punct::repair_punct(&current, r.punct, damaged) else { break };
        apply(&mut current, &mut offsets, Some(out));
    }
    if let Some(f) = &opts.fold {
        let out = fold::fold(&current, f);
        apply(&mut current, &mut offsets, out);
    }
    (current, offsets)
}

/// Most passes of the punctuation stage: one, and one more when a moved mark changed the
/// reading of another (a pass after that finds nothing).
const PUNCT_PASSES: usize = 3;

/// Folds a text without repairing it.
pub fn fold_text<'a>(text: &'a str, opts: &FoldOptions) -> Cow<'a, str> {
    // Without the offset map `fold` records: words are folded by the thousand.
    fold::fold_str(text, opts).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// Appends `text` folded ([`fold_text`]) to `out`.
pub(crate) fn fold_text_into(text: &str, opts: &FoldOptions, out: &mut String) {
    fold::fold_into(text, opts, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn ev() -> Evidence<'static> {
        Evidence::lexicon_only(Lexicon::builtin())
    }

    #[test]
    fn all_stages_together_with_original_spans() {
        let text = "شـهدت البالـد »أحداثا« بنسبة %5";
        let cleaned = clean(text, &CleanOptions::default(), &ev());
        assert_eq!(cleaned.text, "شهدت البلاد «أحداثا» بنسبة 5%");
        let repairs = cleaned.repairs();
        let swap = repairs.iter().find(|r| r.class == ChangeClass::LigatureSwap).unwrap();
        assert_eq!(&text[swap.span()], "البالـد");
        let counts = cleaned.repair_counts();
        assert_eq!(counts.get(ChangeClass::Tatweel), 2);
        assert_eq!(counts.get(ChangeClass::MirroredQuote), 2);
        assert_eq!(counts.total(), 6);
    }

    #[test]
    fn fold_after_repair_maps_back() {
        let text = "مدرسةٌ عدد طلابها ٢٠٢٣";
        let opts = CleanOptions { fold: Some(FoldOptions::default()), ..CleanOptions::default() };
        let cleaned = clean(text, &opts, &ev());
        assert_eq!(cleaned.text, "مدرسه عدد طلابها 2023");
        let year = cleaned.text.find("2023").unwrap();
        let orig = cleaned.offsets.to_original(year..year + 4);
        assert_eq!(&text[orig], "٢٠٢٣");
        assert!(cleaned.repairs().is_empty());
    }

    #[test]
    fn no_repair_options_change_nothing() {
        let text = "شـهدت البالـد »أحداثا«";
        let opts = CleanOptions { repair: RepairOptions::none(), fold: None };
        assert_eq!(clean(text, &opts, &ev()).text, text);
    }
}
