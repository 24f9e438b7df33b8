//! Line-level repairs: a sentence-final period that extraction put at the start of the line,
//! and lines whose words came out in reversed order.

use super::edit::{Change, ChangeClass, Rewriter};
use super::wordorder::{document_threshold, WordOrderModel};
use crate::arabic::is_letter;

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

pub(crate) fn repair_lines(text: &str, opts: LineRepairs, model: &WordOrderModel) -> Option<(String, Vec<Change>)> {
    if !opts.reversed_lines && !opts.period_at_line_start {
        return None;
    }
    let bytes = text.as_bytes();
    // A reversed line has wide gaps; a moved period is a '.': most texts have neither.
    let may_reverse = opts.reversed_lines && (memchr::memmem::find(bytes, b"  ").is_some() || memchr::memchr(b'\t', bytes).is_some());
    let may_move_period = opts.period_at_line_start && memchr::memchr(b'.', bytes).is_some();
    if !may_reverse && !may_move_period {
        return None;
    }
    let threshold = if may_reverse { document_threshold(text) } else { 0.0 };
    let mut rw = Rewriter::new(text);
    for range in line_ranges(text) {
        let line = &text[range.clone()];
        if may_reverse && (line.contains("  ") || line.contains('\t')) {
            if let Some(fixed) = model.unreverse(line, threshold) {
                rw.replace(range, &fixed, ChangeClass::ReversedLine, true);
                continue;
            }
        }
        if may_move_period && line.trim_start().starts_with('.') {
            if let Some(fixed) = period_moved_to_end(line) {
                rw.replace(range, &fixed, ChangeClass::PeriodLineStart, true);
            }
        }
    }
    rw.finish()
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

    #[test]
    fn period_repair_through_the_stage() {
        let model = WordOrderModel::builtin();
        let opts = LineRepairs { reversed_lines: false, period_at_line_start: true };
        let (out, changes) = repair_lines("حظي به\r\n. نزارباييف\r\n", opts, model).unwrap();
        assert_eq!(out, "حظي به\r\nنزارباييف.\r\n");
        assert_eq!(changes[0].class, ChangeClass::PeriodLineStart);
    }
}
