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

/// Class of each code point of U+0600–U+07FF (two bytes in UTF-8): 1 letter, 2 mark, 0 other.
const fn class_table() -> [u8; 512] {
    let mut t = [0u8; 512];
    let mut k = 0;
    while k < 512 {
        if let Some(c) = char::from_u32(0x600 + k as u32) {
            t[k] = if is_letter(c) {
                1
            } else if is_mark(c) {
                2
            } else {
                0
            };
        }
        k += 1;
    }
    t
}
static CLASS: [u8; 512] = class_table();

/// Calls `f` with the byte range and the letters (marks left out) of every run of Arabic
/// letters and marks, as [`arabic_runs`] finds them without kashida. Works on bytes: this is
/// the hot loop of the ligature repair.
pub fn for_each_letter_run(text: &str, mut f: impl FnMut(Range<usize>, &[char])) {
    let b = text.as_bytes();
    let mut letters: Vec<char> = Vec::with_capacity(32);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        // Lead bytes D8–DF start the two-byte code points U+0600–U+07FF.
        let (class, c) = if (0xD8..=0xDF).contains(&lead) && i + 1 < b.len() {
            let cp = ((lead as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F);
            (CLASS[cp as usize - 0x600], char::from_u32(cp))
        } else {
            (0, None)
        };
        match (class, c) {
            (1, Some(c)) => {
                if start.is_none() {
                    start = Some(i);
                    letters.clear();
                }
                letters.push(c);
                i += 2;
            }
            (2, _) if start.is_some() => i += 2,
            _ => {
                if let Some(s) = start.take() {
                    f(s..i, &letters);
                }
                i += 1;
            }
        }
    }
    if let Some(s) = start {
        f(s..b.len(), &letters);
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
    fn the_bytewise_scan_finds_the_same_runs() {
        let text = "كَتَبَ «الرئيسُ» 2023، پژوهش x ـ انتخابـات\u{FFFD}ب مصر";
        let mut found = Vec::new();
        for_each_letter_run(text, |r, letters| found.push((r, letters.iter().collect::<String>())));
        let expected: Vec<_> = arabic_runs(text, false)
            .map(|r| (r.clone(), text[r].chars().filter(|&c| is_letter(c)).collect::<String>()))
            .collect();
        assert_eq!(found, expected);
    }
}
