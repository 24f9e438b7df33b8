//! Arabic word runs: the unit the ligature repair and the census work on.

use crate::arabic::{is_letter, is_mark, joins_next, REPLACEMENT, TATWEEL};
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

/// Per code point of U+0600–U+07FF: bits 0–1 the class (1 letter, 2 mark), bit 2 "joins
/// the next letter", bits 4–7 the letter's id among those of the swapped ligature pairs
/// (ل ي ب ش ص ض ا ر ن; 0 for the others).
const fn class_table() -> [u8; 512] {
    let mut t = [0u8; 512];
    let mut k = 0;
    while k < 512 {
        if let Some(c) = char::from_u32(0x600 + k as u32) {
            let class = if is_letter(c) {
                1
            } else if is_mark(c) {
                2
            } else {
                0
            };
            let joins = if joins_next(c) { 4 } else { 0 };
            let id = match c {
                'ل' => 1,
                'ي' => 2,
                'ب' => 3,
                'ش' => 4,
                'ص' => 5,
                'ض' => 6,
                'ا' => 7,
                'ر' => 8,
                'ن' => 9,
                _ => 0,
            };
            t[k] = class | joins | id << 4;
        }
        k += 1;
    }
    t
}
static CLASS: [u8; 512] = class_table();

/// Bit of a [`UNIT`] entry set for the tatweel (class 0 in [`CLASS`]: it continues a token,
/// not a letter run).
const TATWEEL_BIT: u8 = 8;

/// [`CLASS`] by the two bytes of a character of U+0600–U+07FF read as a little-endian `u16`
/// (lead byte low), with [`TATWEEL_BIT`] for U+0640; 0 for any other two bytes. One lookup
/// per character, without decoding it.
const fn unit_table() -> [u8; 1 << 16] {
    let mut t = [0u8; 1 << 16];
    let mut cp = 0x600;
    while cp < 0x800 {
        let (lead, next) = (0xC0 | (cp >> 6), 0x80 | (cp & 0x3F));
        let tatweel = if cp == 0x640 { TATWEEL_BIT } else { 0 };
        t[lead | next << 8] = CLASS[cp - 0x600] | tatweel;
        cp += 1;
    }
    t
}
static UNIT: [u8; 1 << 16] = unit_table();

/// The [`UNIT`] entry of two bytes.
#[inline(always)]
fn unit(lead: u8, next: u8) -> u8 {
    UNIT[usize::from(u16::from_le_bytes([lead, next]))]
}

/// The [`UNIT`] entry of the two bytes at `i` (0 past the end).
#[inline(always)]
fn unit_at(b: &[u8], i: usize) -> u8 {
    match b.get(i..i + 2) {
        Some(&[lead, next]) => unit(lead, next),
        _ => 0,
    }
}

/// The run of Arabic letters, marks and tatweel that starts `bytes` (the body of an Arabic
/// word token), found bytewise: its byte length, and whether it holds only letters (no mark,
/// no tatweel).
pub fn arabic_word_scan(bytes: &[u8]) -> (usize, bool) {
    let mut len = 0;
    // The entries of the run's characters or-ed together: a mark or a tatweel leaves its bit.
    let mut seen = 0;
    // Two bytes at a time: every character of the run has two. (Two characters at a time
    // costs more on words this short.)
    for pair in bytes.chunks_exact(2) {
        // Letters and marks (class bits), or the tatweel.
        let unit = unit(pair[0], pair[1]);
        if unit & (3 | TATWEEL_BIT) == 0 {
            break;
        }
        seen |= unit;
        len += 2;
    }
    (len, seen & (2 | TATWEEL_BIT) == 0)
}

/// Does an Arabic letter of U+0600–U+07FF start at byte `i`?
#[inline]
pub fn arabic_letter_at(bytes: &[u8], i: usize) -> bool {
    unit_at(bytes, i) & 3 == 1
}

/// Does the text hold a mark or a tatweel? Bytewise: every mark is in U+0610–U+06ED.
pub fn has_mark_or_tatweel(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|w| {
        (0xD8..=0xDB).contains(&w[0]) && {
            let cp = ((w[0] as usize) & 0x1F) << 6 | (w[1] as usize & 0x3F);
            cp == 0x640 || CLASS[cp - 0x600] & 3 == 2
        }
    })
}

/// Is (x, y), by pair-letter id, one of the swapped pairs لا لي ير ين بر شر صر ضر (logical
/// order)? Returns 2 when the second letter is ن or ي (final only at the end of a word), 1
/// for the others, 0 when it is no pair.
const fn pair_kind(x: u8, y: u8) -> u8 {
    match (x, y) {
        (1, 7) | (2, 8) | (3, 8) | (4, 8) | (5, 8) | (6, 8) => 1,
        (1, 2) | (2, 9) => 2,
        _ => 0,
    }
}

/// For two adjacent letters (by pair-letter id), read in either order: 1 when they form a
/// pair in swap context wherever they stand, 2 when only at the end of the word, 0 never.
const fn context_table() -> [[u8; 16]; 16] {
    let mut t = [[0u8; 16]; 16];
    let mut a = 0;
    while a < 16 {
        let mut b = 0;
        while b < 16 {
            let (k1, k2) = (pair_kind(a as u8, b as u8), pair_kind(b as u8, a as u8));
            t[a][b] = if k1 == 1 || k2 == 1 {
                1
            } else if k1 == 2 || k2 == 2 {
                2
            } else {
                0
            };
            b += 1;
        }
        a += 1;
    }
    t
}
static CONTEXT: [[u8; 16]; 16] = context_table();

/// The swap-context test of [`for_each_letter_run`] as a state machine over the letters of a
/// word, one table lookup per letter. The state after a letter:
/// - bit 0: that letter joins the next one; bits 1–4: its pair-letter id;
/// - bit 5: the letter before it joins it;
/// - bit 6 ([`IN_CONTEXT`]): a pair in swap context was seen (sticky);
/// - bit 7 ([`IN_CONTEXT_IF_LAST`]): the last two letters form a pair that counts only at the
///   end of the word (second letter ن or ي).
///
/// `STEP[state][class >> 2]` is the state after a letter whose [`CLASS`] byte is `class`
/// (bits 2–7 of it: joins, and the id). The start state is 0.
const fn step_table() -> [[u8; 64]; 256] {
    let mut t = [[0u8; 64]; 256];
    let mut state = 0;
    while state < 256 {
        let mut letter = 0;
        while letter < 64 {
            let (joins, id) = (letter & 1, letter >> 2);
            let (prev_joins, prev_id, joined) = (state & 1, (state >> 1) & 15, (state >> 5) & 1);
            // The pair (previous letter, this one), read either way round, after a letter that
            // joins it.
            let kind = if joined == 1 { CONTEXT[prev_id][id] } else { 0 };
            let sticky = (state & IN_CONTEXT as usize) | if kind == 1 { IN_CONTEXT as usize } else { 0 };
            let if_last = if kind == 2 { IN_CONTEXT_IF_LAST as usize } else { 0 };
            t[state][letter] = (joins | id << 1 | prev_joins << 5 | sticky | if_last) as u8;
            letter += 1;
        }
        state += 1;
    }
    t
}
const IN_CONTEXT: u8 = 1 << 6;
const IN_CONTEXT_IF_LAST: u8 = 1 << 7;
static STEP: [[u8; 64]; 256] = step_table();

/// [`RUN_COL`] entry of a character that is not part of a letter run.
const NOT_IN_RUN: u8 = 0;
/// [`RUN_COL`] entry of a mark: it continues a run and leaves the state as it is.
const MARK_COL: u8 = 1;
/// [`RUN_COL`] entries from here on are letters: `FIRST_LETTER_COL + (joins | id << 1)`.
const FIRST_LETTER_COL: u8 = 2;

/// The column of [`RUN_STEP`] for the two bytes of a character of U+0600–U+07FF read as a
/// little-endian `u16` (lead byte low), like [`UNIT`]: [`NOT_IN_RUN`], [`MARK_COL`], or a
/// letter's column from its joining bit and pair-letter id.
const fn run_col_table() -> [u8; 1 << 16] {
    let mut t = [NOT_IN_RUN; 1 << 16];
    let mut cp = 0x600;
    while cp < 0x800 {
        let (lead, next) = (0xC0 | (cp >> 6), 0x80 | (cp & 0x3F));
        let class = CLASS[cp - 0x600];
        t[lead | next << 8] = match class & 3 {
            1 => FIRST_LETTER_COL + ((class >> 2) & 1 | (class >> 4) << 1),
            2 => MARK_COL,
            _ => NOT_IN_RUN,
        };
        cp += 1;
    }
    t
}
static RUN_COL: [u8; 1 << 16] = run_col_table();

/// [`STEP`] by [`RUN_COL`] column: one lookup per character of a run, letter or mark, with
/// no branch on the kind of character (a mark keeps the state).
const fn run_step_table() -> [[u8; 32]; 256] {
    let mut t = [[0u8; 32]; 256];
    let mut state = 0;
    while state < 256 {
        t[state][MARK_COL as usize] = state as u8;
        let mut col = FIRST_LETTER_COL as usize;
        while col < 32 {
            let (joins, id) = ((col - FIRST_LETTER_COL as usize) & 1, (col - FIRST_LETTER_COL as usize) >> 1);
            if id < 16 {
                t[state][col] = STEP[state][joins | id << 2];
            }
            col += 1;
        }
        state += 1;
    }
    t
}
static RUN_STEP: [[u8; 32]; 256] = run_step_table();

/// Columns of [`RUN_STEP`] in use: [`NOT_IN_RUN`], [`MARK_COL`] and the letters' (ids 0–9).
const COLS: usize = FIRST_LETTER_COL as usize + 20;

/// [`RUN_STEP`] over two characters of a run at once, by `first * COLS + second` (neither
/// [`NOT_IN_RUN`]): half the lookups on the hot loop.
const fn run_step2_table() -> [[u8; COLS * COLS]; 256] {
    let mut t = [[0u8; COLS * COLS]; 256];
    let mut state = 0;
    while state < 256 {
        let mut first = 1;
        while first < COLS {
            let mid = RUN_STEP[state][first] as usize;
            let mut second = 1;
            while second < COLS {
                t[state][first * COLS + second] = RUN_STEP[mid][second];
                second += 1;
            }
            first += 1;
        }
        state += 1;
    }
    t
}
static RUN_STEP2: [[u8; COLS * COLS]; 256] = run_step2_table();

/// The [`RUN_COL`] entry of two bytes.
#[inline(always)]
fn run_col(lead: u8, next: u8) -> u8 {
    RUN_COL[usize::from(u16::from_le_bytes([lead, next]))]
}

/// Calls `f` with the byte range of every run of Arabic letters and marks (as
/// [`arabic_runs`] finds them without kashida), and whether it has a ligature pair in swap
/// context (what `ligature::has_swap_context` computes on its letters). Works on bytes and
/// decides the context on the way, one table lookup per character: this is the hot loop of
/// the ligature repair.
pub fn for_each_letter_run(text: &str, mut f: impl FnMut(Range<usize>, bool)) {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 1 < b.len() {
        // A word starts at a letter and runs through letters and marks; ASCII is stepped over
        // first, being most of what is not a letter.
        if b[i] < 0x80 {
            i += 1;
            continue;
        }
        let col = run_col(b[i], b[i + 1]);
        if col < FIRST_LETTER_COL {
            i += 1;
            continue;
        }
        let start = i;
        let mut state = RUN_STEP[0][usize::from(col)];
        i += 2;
        // Two characters at a time, then the last one.
        while let Some(&[l1, n1, l2, n2]) = b.get(i..i + 4) {
            let (c1, c2) = (run_col(l1, n1), run_col(l2, n2));
            if c1 == NOT_IN_RUN || c2 == NOT_IN_RUN {
                break;
            }
            state = RUN_STEP2[usize::from(state)][usize::from(c1) * COLS + usize::from(c2)];
            i += 4;
        }
        if let Some(&[lead, next]) = b.get(i..i + 2) {
            let col = run_col(lead, next);
            if col != NOT_IN_RUN {
                state = RUN_STEP[usize::from(state)][usize::from(col)];
                i += 2;
            }
        }
        // A pair in context has a letter before it, so the word has three letters at least.
        f(start..i, state & (IN_CONTEXT | IN_CONTEXT_IF_LAST) != 0);
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
    fn bytewise_helpers_agree_with_the_char_classes() {
        assert_eq!(arabic_word_scan("كَتـبَ 7".as_bytes()), ("كَتـبَ".len(), false));
        assert_eq!(arabic_word_scan("كتب 7".as_bytes()), ("كتب".len(), true));
        assert_eq!(arabic_word_scan("x".as_bytes()), (0, true));
        assert!(arabic_letter_at("xك".as_bytes(), 1) && !arabic_letter_at("ـك".as_bytes(), 0));
        assert!(has_mark_or_tatweel("كَتب".as_bytes()) && has_mark_or_tatweel("كتـب".as_bytes()));
        assert!(!has_mark_or_tatweel("كتب ab".as_bytes()));
    }

    #[test]
    fn the_bytewise_scan_finds_the_same_runs() {
        let text = "كَتَبَ «الرئيسُ» 2023، پژوهش x ـ انتخابـات\u{FFFD}ب مصر";
        let letters = |r: &Range<usize>| text[r.clone()].chars().filter(|&c| is_letter(c)).collect::<String>();
        let mut found = Vec::new();
        for_each_letter_run(text, |r, _| found.push((r.clone(), letters(&r))));
        // and the swap context agrees with the exact test, on words of every kind
        let words = "البالد البلاد نوفمرب بني بنيت كتب القوانني خالل الولد والد علي عيل كبرية غير";
        for_each_letter_run(words, |r, context| {
            let letters: Vec<char> = words[r.clone()].chars().collect();
            assert_eq!(context, crate::normalize::ligature::has_swap_context(&letters), "{}", &words[r]);
        });
        let expected: Vec<_> = arabic_runs(text, false)
            .map(|r| (r.clone(), text[r].chars().filter(|&c| is_letter(c)).collect::<String>()))
            .collect();
        assert_eq!(found, expected);
    }

    /// Arabic-ish text with what the bytewise scan must get right: letters of every pair,
    /// non-joining letters, marks, tatweel, U+FFFD, presentation forms, letters beyond the
    /// Arabic block, digits, punctuation and ASCII.
    fn arabic_ish() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        const PIECES: &[&str] = &[
            "ل",
            "ا",
            "ي",
            "ر",
            "ن",
            "ب",
            "ش",
            "ص",
            "ض",
            "ت",
            "م",
            "و",
            "د",
            "ة",
            "ى",
            "أ",
            "ء",
            "پ",
            "ڈ",
            "ݐ",
            "\u{064E}",
            "\u{0651}",
            "\u{0670}",
            "\u{06E1}",
            "ـ",
            "\u{FFFD}",
            "\u{FEFB}",
            "\u{200F}",
            "،",
            "٢",
            "7",
            " ",
            "\n",
            "«",
            "%",
            "x",
            "é",
            "البالد",
            "البلاد",
            "بين",
            "بني",
            "القوانني",
        ];
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
    }

    /// The word scan one character at a time, by the character classes.
    fn word_scan_by_chars(text: &str) -> (usize, bool) {
        let in_word = |c: char| (c as u32) < 0x800 && (is_letter(c) || is_mark(c) || c == TATWEEL);
        let end = text.find(|c: char| !in_word(c)).unwrap_or(text.len());
        (end, !text[..end].chars().any(|c| is_mark(c) || c == TATWEEL))
    }

    proptest::proptest! {
        #[test]
        fn the_word_scan_agrees_with_the_char_classes(text in arabic_ish()) {
            for (i, _) in text.char_indices() {
                proptest::prop_assert_eq!(arabic_word_scan(&text.as_bytes()[i..]), word_scan_by_chars(&text[i..]));
            }
        }

        #[test]
        fn the_bytewise_scan_agrees_with_the_char_scan(text in arabic_ish()) {
            let mut found = Vec::new();
            for_each_letter_run(&text, |r, context| found.push((r, context)));
            let expected: Vec<(Range<usize>, bool)> = arabic_runs(&text, false)
                .map(|r| {
                    let letters: Vec<char> = text[r.clone()].chars().filter(|&c| is_letter(c)).collect();
                    (r, crate::normalize::ligature::has_swap_context(&letters))
                })
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }
}
