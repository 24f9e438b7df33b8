//! Arabic word runs: the unit the ligature repair and the census work on.

use crate::arabic::{is_letter, is_mark, REPLACEMENT, TATWEEL};
use std::ops::Range;

/// Byte ranges of the maximal runs of Arabic letters and marks in `text`. With
/// `with_kashida`, tatweel and U+FFFD also continue a run (for text not yet repaired).
pub fn arabic_runs(text: &str, with_kashida: bool) -> impl Iterator<Item = Range<usize>> + '_ {
    let in_word = move |c: char| is_letter(c) || is_mark(c) || (with_kashida && (c == TATWEEL || c == REPLACEMENT));
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_letter(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !in_word(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_on_non_letters() {
        let text = "في 2023، انتخابـات «حرة»";
        let words: Vec<&str> = arabic_runs(text, false).map(|r| &text[r]).collect();
        assert_eq!(words, ["في", "انتخاب", "ات", "حرة"]);
        let words: Vec<&str> = arabic_runs(text, true).map(|r| &text[r]).collect();
        assert_eq!(words, ["في", "انتخابـات", "حرة"]);
    }
}
