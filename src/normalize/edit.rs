//! Recording edits: every normalization stage rewrites its input through a [`Rewriter`], which
//! keeps the list of changed spans. The stages' change lists form an [`OffsetMap`] from the
//! cleaned text back to the original.

use serde::Serialize;
use std::ops::Range;

/// The kind of change a stage made. Repair classes follow `pdf-artifacts/RULES.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeClass {
    /// Justification tatweel (kashida) removed from inside a word.
    Tatweel,
    /// U+FFFD (a kashida glyph without a Unicode mapping) removed from inside a word.
    ReplacementChar,
    /// Arabic presentation form replaced by its base letters.
    PresentationForm,
    /// Bidi control or other invisible formatting character removed.
    BidiControl,
    /// Ligature pair put back in logical order (البالد → البلاد).
    LigatureSwap,
    /// Guillemets put back the right way round (»…« → «…»).
    MirroredQuote,
    /// Parentheses put back the right way round ()…( → (…)).
    MirroredParen,
    /// `%` moved from before its number to after it.
    PercentBefore,
    /// Comma glued to the next word moved back after the previous word.
    CommaGlued,
    /// Sentence-final period moved from the start of a line back to the end of the previous one.
    PeriodLineStart,
    /// Line whose words came out in reversed order put back in reading order.
    ReversedLine,
    /// Orthographic folding (not a repair): diacritics, alef forms, digits…
    Fold,
}

impl ChangeClass {
    /// Every class, in report order.
    pub const ALL: [ChangeClass; 12] = [
        ChangeClass::Tatweel,
        ChangeClass::ReplacementChar,
        ChangeClass::PresentationForm,
        ChangeClass::BidiControl,
        ChangeClass::LigatureSwap,
        ChangeClass::MirroredQuote,
        ChangeClass::MirroredParen,
        ChangeClass::PercentBefore,
        ChangeClass::CommaGlued,
        ChangeClass::PeriodLineStart,
        ChangeClass::ReversedLine,
        ChangeClass::Fold,
    ];

    /// The snake_case name used in JSON and in `--stats`.
    pub fn name(self) -> &'static str {
        match self {
            ChangeClass::Tatweel => "tatweel",
            ChangeClass::ReplacementChar => "replacement_char",
            ChangeClass::PresentationForm => "presentation_form",
            ChangeClass::BidiControl => "bidi_control",
            ChangeClass::LigatureSwap => "ligature_swap",
            ChangeClass::MirroredQuote => "mirrored_quote",
            ChangeClass::MirroredParen => "mirrored_paren",
            ChangeClass::PercentBefore => "percent_before",
            ChangeClass::CommaGlued => "comma_glued",
            ChangeClass::PeriodLineStart => "period_line_start",
            ChangeClass::ReversedLine => "reversed_line",
            ChangeClass::Fold => "fold",
        }
    }
}

/// One changed span: `input` in the stage's input text became `output` in its output text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub input: Range<usize>,
    pub output: Range<usize>,
    pub class: ChangeClass,
}

/// Builds a stage's output from its input, copying untouched text and recording each change.
/// Allocates nothing until the first change, so a stage with nothing to do costs one scan.
pub struct Rewriter<'a> {
    input: &'a str,
    out: String,
    copied_to: usize,
    changes: Vec<Change>,
}

impl<'a> Rewriter<'a> {
    pub fn new(input: &'a str) -> Self {
        Rewriter { input, out: String::new(), copied_to: 0, changes: Vec::new() }
    }

    /// Replaces `range` of the input (at or after everything replaced so far) by `with`.
    /// A same-length replacement does not move any offset, so it is only recorded when `keep`.
    pub fn replace(&mut self, range: Range<usize>, with: &str, class: ChangeClass, keep: bool) {
        debug_assert!(range.start >= self.copied_to && range.end >= range.start);
        if self.out.capacity() == 0 {
            self.out.reserve(self.input.len());
        }
        self.out.push_str(&self.input[self.copied_to..range.start]);
        let output_start = self.out.len();
        self.out.push_str(with);
        self.copied_to = range.end;
        let output = output_start..self.out.len();
        if !keep && output.len() == range.len() {
            return;
        }
        // Adjacent changes of one class merge, which keeps the map small for runs of deletions.
        if let Some(last) = self.changes.last_mut() {
            if last.class == class && last.input.end == range.start && last.output.end == output.start {
                last.input.end = range.end;
                last.output.end = output.end;
                return;
            }
        }
        self.changes.push(Change { input: range, output, class });
    }

    /// Deletes `range` of the input.
    pub fn delete(&mut self, range: Range<usize>, class: ChangeClass) {
        self.replace(range, "", class, true);
    }

    /// The changes recorded so far (in input order).
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The stage's output, or `None` when nothing changed.
    pub fn finish(mut self) -> Option<(String, Vec<Change>)> {
        if self.out.capacity() == 0 {
            return None;
        }
        self.out.push_str(&self.input[self.copied_to..]);
        Some((self.out, self.changes))
    }
}

/// Maps offsets in the cleaned text back to the original text through every stage.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    /// Each stage's changes, in the order the stages ran.
    stages: Vec<Vec<Change>>,
}

impl OffsetMap {
    pub fn push_stage(&mut self, changes: Vec<Change>) {
        if !changes.is_empty() {
            self.stages.push(changes);
        }
    }

    /// True when the cleaned text has the same offsets as the original.
    pub fn is_identity(&self) -> bool {
        self.stages.is_empty()
    }

    /// Original offset of a start position in the cleaned text (a position inside a rewritten
    /// span maps to the span's start).
    pub fn to_original_start(&self, offset: usize) -> usize {
        self.stages.iter().rev().fold(offset, |o, stage| map_start(stage, o))
    }

    /// Original offset of an end position in the cleaned text (a position inside a rewritten
    /// span maps to the span's end).
    pub fn to_original_end(&self, offset: usize) -> usize {
        self.stages.iter().rev().fold(offset, |o, stage| map_end(stage, o))
    }

    /// The original span of a span in the cleaned text.
    pub fn to_original(&self, span: Range<usize>) -> Range<usize> {
        let start = self.to_original_start(span.start);
        start..self.to_original_end(span.end).max(start)
    }

    /// Original span of the input span of a change made by stage `stage` (0-based).
    pub(crate) fn stage_input_to_original(&self, stage: usize, span: Range<usize>) -> Range<usize> {
        let earlier = &self.stages[..stage];
        let start = earlier.iter().rev().fold(span.start, |o, s| map_start(s, o));
        let end = earlier.iter().rev().fold(span.end, |o, s| map_end(s, o)).max(start);
        start..end
    }

    /// The recorded stages, oldest first.
    pub(crate) fn stages(&self) -> &[Vec<Change>] {
        &self.stages
    }
}

fn map_start(changes: &[Change], offset: usize) -> usize {
    // The last change that starts at or before `offset` decides.
    let idx = changes.partition_point(|c| c.output.start <= offset);
    if idx == 0 {
        return offset;
    }
    let c = &changes[idx - 1];
    if offset < c.output.end {
        c.input.start
    } else {
        c.input.end + (offset - c.output.end)
    }
}

fn map_end(changes: &[Change], offset: usize) -> usize {
    // The last change that starts strictly before `offset` decides.
    let idx = changes.partition_point(|c| c.output.start < offset);
    if idx == 0 {
        return offset;
    }
    let c = &changes[idx - 1];
    if offset <= c.output.end {
        c.input.end
    } else {
        c.input.end + (offset - c.output.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewriter_without_changes_returns_none() {
        let r = Rewriter::new("abc");
        assert!(r.finish().is_none());
    }

    #[test]
    fn deletions_merge_and_offsets_map_back() {
        // "aXXbYc" -> "abc" : delete X X (adjacent, merged) and Y.
        let input = "aXXbYc";
        let mut r = Rewriter::new(input);
        r.delete(1..2, ChangeClass::Tatweel);
        r.delete(2..3, ChangeClass::Tatweel);
        r.delete(4..5, ChangeClass::Tatweel);
        let (out, changes) = r.finish().unwrap();
        assert_eq!(out, "abc");
        assert_eq!(changes.len(), 2);
        let mut map = OffsetMap::default();
        map.push_stage(changes);
        assert_eq!(map.to_original(1..2), 3..4); // "b"
        assert_eq!(map.to_original(2..3), 5..6); // "c"
        assert_eq!(map.to_original(0..3), 0..6);
    }

    #[test]
    fn same_length_replacement_is_not_recorded_unless_kept() {
        let mut r = Rewriter::new("ab");
        r.replace(0..1, "x", ChangeClass::Fold, false);
        r.replace(1..2, "y", ChangeClass::LigatureSwap, true);
        let (out, changes) = r.finish().unwrap();
        assert_eq!(out, "xy");
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].class, ChangeClass::LigatureSwap);
    }

    #[test]
    fn stages_compose() {
        // stage 1: "a--b" -> "ab"; stage 2: "ab" -> "aZZb" (insert at 1)
        let mut map = OffsetMap::default();
        let mut r = Rewriter::new("a--b");
        r.delete(1..3, ChangeClass::Tatweel);
        map.push_stage(r.finish().unwrap().1);
        let mut r = Rewriter::new("ab");
        r.replace(1..1, "ZZ", ChangeClass::Fold, true);
        map.push_stage(r.finish().unwrap().1);
        assert_eq!(map.to_original(3..4), 3..4); // "b"
        assert_eq!(map.to_original(0..1), 0..1); // "a"
        assert_eq!(map.to_original(1..3), 3..3); // the inserted text sits before "b"
    }
}
