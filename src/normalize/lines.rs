//! Line-level repairs: a sentence-final period that extraction put at the start of the line,
//! and lines whose words came out in reversed order.

use super::edit::{Change, ChangeClass, Rewriter};
use super::wordorder::{document_threshold, is_double_spaced, WordOrderModel};
use crate::arabic::is_letter;
use std::borrow::Cow;

/// Which line repairs run.
#[derive(Clone, Copy, Debug)]
pub struct LineRepairs {
    pub reversed_lines: bool,
    pub period_at_line_start: bool,
}

/// Lines of `text` as byte ranges of their content (without `\n` or `\r\n`).
fn line_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start > text.len() || (start == text.len() && !text.is_empty()) {
            return None;
        }
        let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |p| start + p);
        let content_end = if end > start && text.as_bytes()[end - 1] == b'\r' { end - 1 } else { end };
        let range = start..content_end;
        start = end + 1;
        Some(range)
    })
}

/// Repairs lines, in rounds that are each a stage. The threshold of the word-order test
/// depends on how many lines are double-spaced ([`document_threshold`]), and repaired lines
/// change that: a line put back in order is single-spaced, a moved period drops a word. When
/// the repaired text calls for a lower threshold, its lines are judged again with it (a higher
/// one would find nothing new), so that cleaning the output again finds nothing to do.
/// `model` is asked for only when a line may be reversed (most texts have none).
pub(crate) fn repair_lines(
    text: &str,
    opts: LineRepairs,
    model: fn() -> &'static WordOrderModel,
) -> Vec<(String, Vec<Change>)> {
    let mut stages: Vec<(String, Vec<Change>)> = Vec::new();
    loop {
        let current = stages.last().map_or(text, |(t, _)| t.as_str());
        let Some((out, changes, threshold)) = one_round(current, opts, model) else { break };
        // The threshold only ever drops, so this ends.
        let lower = threshold.is_some_and(|t| document_threshold(&out) < t);
        stages.push((out, changes));
        if !lower {
            break;
        }
    }
    stages
}

/// One pass over the lines, and the word-order threshold it used (when it tried reversals).
fn one_round(
    text: &str,
    opts: LineRepairs,
    model: fn() -> &'static WordOrderModel,
) -> Option<(String, Vec<Change>, Option<f32>)> {
    if !opts.reversed_lines && !opts.period_at_line_start {
        return None;
    }
    let bytes = text.as_bytes();
    // A reversed line has wide gaps; a moved period is a '.': most texts have neither.
    let may_reverse =
        opts.reversed_lines && (memchr::memmem::find(bytes, b"  ").is_some() || memchr::memchr(b'\t', bytes).is_some());
    let may_move_period = opts.period_at_line_start && memchr::memchr(b'.', bytes).is_some();
    if !may_reverse && !may_move_period {
        return None;
    }
    // The threshold reads every line of the text: found only when a line may be reversed (or
    // for the caller, when the round changed something), since most texts have no such line.
    let threshold = std::cell::OnceCell::new();
    let threshold_of_text = || *threshold.get_or_init(|| document_threshold(text));
    let mut rw = Rewriter::new(text);
    for range in line_ranges(text) {
        let line = &text[range.clone()];
        let (mut current, mut class) = (Cow::Borrowed(line), None);
        // Until nothing applies: a line reversed can start with a moved period, and a line
        // whose period went back to its end can read as reversed. Either way the line is one
        // change, classed as the reversal.
        loop {
            // Only in a document with wide gaps, and on a line that has one.
            let may = |line: &str| {
                class != Some(ChangeClass::ReversedLine)
                    && (memchr::memmem::find(line.as_bytes(), b"  ").is_some()
                        || memchr::memchr(b'\t', line.as_bytes()).is_some())
                    && is_double_spaced(line)
            };
            if may_reverse && may(&current) {
                if let Some(fixed) = model().unreverse(&current, threshold_of_text()) {
                    (current, class) = (Cow::Owned(fixed), Some(ChangeClass::ReversedLine));
                }
            }
            if !may_move_period || !current.trim_start().starts_with('.') {
                break;
            }
            let Some(fixed) = period_moved_to_end(&current) else { break };
            current = Cow::Owned(fixed);
            class.get_or_insert(ChangeClass::PeriodLineStart);
        }
        if let Some(class) = class {
            rw.replace(range, &current, class, true);
        }
    }
    let (out, changes) = rw.finish()?;
    Some((out, changes, may_reverse.then(threshold_of_text)))
}

/// `. نزارباييف` → `نزارباييف.`: the period that ends a paragraph, put first by extraction.
fn period_moved_to_end(line: &str) -> Option<String> {
    let trimmed = line.trim_start();
    let rest = trimmed.strip_prefix('.')?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let words = rest.trim();
    let first = words.chars().next()?;
    let last = words.chars().next_back()?;
    // The line must be Arabic words with no sentence end of its own.
    if !is_letter(first) || matches!(last, '.' | '!' | '?' | '؟' | ':' | '،' | '؛') {
        return None;
    }
    let indent = &line[..line.len() - trimmed.len()];
    let trailing = &rest[rest.trim_end().len()..];
    Some(format!("{indent}{words}.{trailing}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_on_lf_and_crlf() {
        let t = "a\r\nb\nc";
        let lines: Vec<&str> = line_ranges(t).map(|r| &t[r]).collect();
        assert_eq!(lines, ["a", "b", "c"]);
        let t = "a\n";
        assert_eq!(line_ranges(t).count(), 1);
        assert_eq!(line_ranges("").count(), 1);
    }

    #[test]
    fn period_at_line_start_moves_to_the_end() {
        assert_eq!(period_moved_to_end(". نزارباييف ").as_deref(), Some("نزارباييف. "));
        assert_eq!(period_moved_to_end(". عليه").as_deref(), Some("عليه."));
        assert_eq!(period_moved_to_end("نص عادي."), None);
        assert_eq!(period_moved_to_end("... ثم"), None);
        assert_eq!(period_moved_to_end(". انتهى."), None);
        assert_eq!(period_moved_to_end(". 5"), None);
    }

    const ALL: LineRepairs = LineRepairs { reversed_lines: true, period_at_line_start: true };

    #[test]
    fn a_line_is_repaired_until_nothing_applies() {
        // With its period back at the end, the line reads as reversed.
        let model = WordOrderModel::builtin;
        let text = "البلاد البلاد البلاد  \n. في  كبيرة     البلاد البلاد  خلال  \n";
        let stages = repair_lines(text, ALL, model);
        assert_eq!(stages.len(), 1);
        assert_eq!(stages[0].0, "البلاد البلاد البلاد  \nخلال. البلاد البلاد كبيرة في  \n");
        assert_eq!(stages[0].1[0].class, ChangeClass::ReversedLine);
        assert!(repair_lines(&stages[0].0, ALL, model).is_empty());
    }

    #[test]
    fn lines_are_judged_again_when_the_repairs_lower_the_threshold() {
        // Three of five lines double-spaced: spacing is the style. Once its period moves, the
        // fourth line has two words and no longer counts, and double spacing is the exception.
        let model = WordOrderModel::builtin;
        let text =
            "البلاد البلاد البلاد  \nالبلاد  البلاد  البلاد  \nالبلاد البلاد البلاد  \n. البلاد  البلاد  \nي  غير  البلاد  \n";
        let stages = repair_lines(text, ALL, model);
        assert_eq!(stages.len(), 2);
        assert_eq!(stages[0].1[0].class, ChangeClass::PeriodLineStart);
        assert_eq!(stages[1].1[0].class, ChangeClass::ReversedLine);
        assert!(stages[1].0.ends_with("\nالبلاد غير ي  \n"));
        assert!(repair_lines(&stages[1].0, ALL, model).is_empty());
    }

    #[test]
    fn period_repair_through_the_stage() {
        let model = WordOrderModel::builtin;
        let opts = LineRepairs { reversed_lines: false, period_at_line_start: true };
        let (out, changes) = repair_lines("حظي به\r\n. نزارباييف\r\n", opts, model).pop().unwrap();
        assert_eq!(out, "حظي به\r\nنزارباييف.\r\n");
        assert_eq!(changes[0].class, ChangeClass::PeriodLineStart);
    }
}
