//! Arabic word runs: the unit the ligature repair and the census work on.

use crate::arabic::{is_letter, is_mark, REPLACEMENT, TATWEEL};
use std::borrow::Cow;
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

/// The letters of a word run, without marks, tatweel or U+FFFD: the form the lexicon and the
/// census use.
pub fn letters_only(word: &str) -> Cow<'_, str> {
    if word.chars().all(is_letter) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.chars().filter(|&c| is_letter(c)).collect())
    }
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

    #[test]
    fn letters_only_strips_marks_and_kashida() {
        assert_eq!(letters_only("كَتَبـ\u{FFFD}ت"), "كتبت");
        assert!(matches!(letters_only("كتب"), Cow::Borrowed(_)));
    }
}
