//! Character-level repairs: justification tatweel and U+FFFD inside words, presentation forms,
//! bidi controls.
//!
//! A tatweel (or U+FFFD) is removed only when it stands between two letters: that is where
//! justification puts a kashida. A tatweel typed on purpose is kept: before a digit or a Latin
//! word (`بـ7`, `بــ7`), at the end of a word (`الـ 8`), or alone (a line of `ـــ`). Folding
//! keeps them too, since they carry meaning ("prefix attached to what follows").

use super::edit::{Change, ChangeClass, Rewriter};
use super::scan::ByteFinder;
use crate::arabic::{is_bidi_control, is_letter, is_mark, is_presentation_form, REPLACEMENT, TATWEEL};
use unicode_normalization::UnicodeNormalization;

/// Which character-level repairs run.
#[derive(Clone, Copy, Debug)]
pub struct CharRepairs {
    pub tatweel: bool,
    pub replacement_char: bool,
    pub presentation_forms: bool,
    pub bidi_controls: bool,
}

impl CharRepairs {
    fn any(&self) -> bool {
        self.tatweel || self.replacement_char || self.presentation_forms || self.bidi_controls
    }
}

/// Bytes that can belong to a character this stage may change: U+0640 (D9 80), U+061C
/// (D8 9C), U+200E–U+2069 (E2 …), U+FB50–U+FEFF and U+FFFD (EF …). In Arabic text 0x80 and
/// 0x9C are rare second bytes, so the scan stops seldom.
const TRIGGERS: [u8; 4] = [0x80, 0x9C, 0xE2, 0xEF];

/// The start of the character a trigger byte at `j` belongs to, if it may be one to change.
#[inline]
fn candidate_start(bytes: &[u8], j: usize) -> Option<usize> {
    match bytes[j] {
        0xE2 | 0xEF => Some(j),
        0x80 if j > 0 && bytes[j - 1] == 0xD9 => Some(j - 1),
        0x9C if j > 0 && bytes[j - 1] == 0xD8 => Some(j - 1),
        _ => None,
    }
}

/// Repairs characters, as one stage or as two. A kashida is judged by what it stands between
/// once repaired, so when one touches a character this stage rewrites (ﻻ, U+200F) or comes
/// out of one (U+FE77 → ـَ), the glyphs are repaired first and the kashidas judged on the
/// result; judged on the input, the output would still hold kashidas to remove.
pub(crate) fn repair_chars(text: &str, opts: CharRepairs) -> Vec<(String, Vec<Change>)> {
    let (out, entangled) = one_pass(text, opts);
    if !entangled {
        return out.into_iter().collect();
    }
    let glyphs = CharRepairs { tatweel: false, replacement_char: false, ..opts };
    let kashidas = CharRepairs { presentation_forms: false, bidi_controls: false, ..opts };
    let first = one_pass(text, glyphs).0;
    let second = one_pass(first.as_ref().map_or(text, |(t, _)| t), kashidas).0;
    first.into_iter().chain(second).collect()
}

/// One pass of the repairs, and whether a kashida met a character the pass rewrites.
fn one_pass(text: &str, opts: CharRepairs) -> (Option<(String, Vec<Change>)>, bool) {
    if !opts.any() {
        return (None, false);
    }
    let rewrites = |d: char| {
        (opts.bidi_controls && (is_bidi_control(d) || d == '\u{FEFF}'))
            || (opts.presentation_forms && is_presentation_form(d))
    };
    let mut entangled = false;
    let bytes = text.as_bytes();
    let mut rw = Rewriter::new(text);
    let mut i = 0;
    let mut scan = 0;
    let mut triggers = ByteFinder::new(bytes, &TRIGGERS);
    while let Some(j) = triggers.find_from(scan) {
        scan = j + 1;
        let Some(start) = candidate_start(bytes, j).filter(|&s| s >= i) else { continue };
        i = start;
        // `i` holds a lead byte (D8, D9, E2, EF), so it is a character boundary.
        let Some(c) = text[i..].chars().next() else { break };
        let len = c.len_utf8();
        if c == TATWEEL || c == REPLACEMENT {
            // Take the whole run of kashida-like characters.
            let run_len = text[i..].find(|d| d != TATWEEL && d != REPLACEMENT).unwrap_or(text.len() - i);
            let end = i + run_len;
            let has_fffd = text[i..end].contains(REPLACEMENT);
            // Marks are skipped, and so are kashidas beyond them: `ـَـ` is one stretch.
            let base = |d: &char| !is_mark(*d) && *d != TATWEEL && *d != REPLACEMENT;
            let prev_base = text[..i].chars().rev().find(base);
            let next_base = text[end..].chars().find(base);
            let between_letters = prev_base.is_some_and(is_letter) && next_base.is_some_and(is_letter);
            let allowed = if has_fffd { opts.replacement_char } else { opts.tatweel };
            entangled |= (opts.tatweel || opts.replacement_char)
                && (prev_base.is_some_and(rewrites) || next_base.is_some_and(rewrites));
            if between_letters && allowed {
                let class = if has_fffd { ChangeClass::ReplacementChar } else { ChangeClass::Tatweel };
                rw.delete(i..end, class);
            }
            i = end;
            scan = scan.max(i);
            continue;
        }
        if opts.bidi_controls && (is_bidi_control(c) || c == '\u{FEFF}') {
            rw.delete(i..i + len, ChangeClass::BidiControl);
        } else if opts.presentation_forms && is_presentation_form(c) {
            let base: String = std::iter::once(c).nfkc().collect();
            // Symbols of the block (U+FBB2, U+FD3E) have no decomposition: nothing to repair.
            if base.chars().ne(std::iter::once(c)) {
                entangled |= (opts.tatweel || opts.replacement_char) && base.contains([TATWEEL, REPLACEMENT]);
                rw.replace(i..i + len, &base, ChangeClass::PresentationForm, true);
            }
        }
        i += len;
        scan = scan.max(i);
    }
    (rw.finish(), entangled)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: CharRepairs =
        CharRepairs { tatweel: true, replacement_char: true, presentation_forms: true, bidi_controls: true };

    fn run(s: &str) -> String {
        repair_chars(s, ALL).pop().map_or_else(|| s.to_string(), |(t, _)| t)
    }

    #[test]
    fn justification_tatweel_is_removed() {
        assert_eq!(run("شـهدت كازخسـتان"), "شهدت كازخستان");
        assert_eq!(run("انتخابــات"), "انتخابات");
        // with a diacritic next to the kashida, or on it
        assert_eq!(run("كَـتَب"), "كَتَب");
        assert_eq!(run("يـَـل"), "يَل");
    }

    #[test]
    fn deliberate_tatweel_is_kept() {
        assert_eq!(run("بـ7 مقاعد"), "بـ7 مقاعد");
        assert_eq!(run("بــ7"), "بــ7");
        assert_eq!(run("الـ 8"), "الـ 8");
        assert_eq!(run("ـــــ"), "ـــــ");
        assert_eq!(run("الـCIA"), "الـCIA");
    }

    #[test]
    fn replacement_char_only_between_letters() {
        assert_eq!(run("الن\u{FFFD}ظام"), "النظام");
        assert_eq!(run("abc \u{FFFD} def"), "abc \u{FFFD} def");
        assert_eq!(run("\u{FFFD}كلمة"), "\u{FFFD}كلمة");
    }

    #[test]
    fn presentation_forms_become_letters() {
        assert_eq!(run("\u{FEFB}"), "لا");
        assert_eq!(run("\u{FDF2}"), "الله");
        assert_eq!(run("\u{FE83}"), "أ");
        assert_eq!(run("\u{FEE3}\u{FEB4}\u{FEAE}"), "مسر");
    }

    #[test]
    fn bidi_controls_are_removed() {
        assert_eq!(run("\u{200F}نص\u{202B} آخر\u{2069}"), "نص آخر");
        assert_eq!(run("a\u{FEFF}b"), "ab");
    }

    #[test]
    fn kashidas_are_judged_after_the_glyphs_they_touch() {
        // A kashida before ﻻ, around a bidi control, or coming out of a medial mark form.
        assert_eq!(run("اـ\u{FEFB}"), "الا");
        assert_eq!(run("بـ\u{200F}ـب"), "بب");
        assert_eq!(run("ب\u{FE77}ب"), "بَب");
        let stages = repair_chars("بـ\u{200F}ب", ALL);
        assert_eq!(stages.len(), 2);
        assert_eq!(stages[0].1[0].class, ChangeClass::BidiControl);
        assert_eq!(stages[1].1[0].class, ChangeClass::Tatweel);
        // symbols of the presentation blocks have nothing to repair
        assert!(repair_chars("\u{FD3E}", ALL).is_empty());
    }

    #[test]
    fn switches_are_honoured() {
        let only_bidi =
            CharRepairs { tatweel: false, replacement_char: false, presentation_forms: false, bidi_controls: true };
        let out = repair_chars("شـهد\u{200F}", only_bidi).pop().unwrap().0;
        assert_eq!(out, "شـهد");
    }

    #[test]
    fn spans_of_changes() {
        let (_, changes) = repair_chars("بـب", ALL).pop().unwrap();
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].input, 2..4);
        assert_eq!(changes[0].class, ChangeClass::Tatweel);
    }
}
