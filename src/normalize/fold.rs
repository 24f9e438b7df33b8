//! Orthographic folding: the search form of a text, used for term keys and `clean --fold`.
//!
//! | rule | folds |
//! |---|---|
//! | `diacritics` | harakat, tanwin, shadda, sukun, dagger alef, Quranic marks → removed |
//! | `alef` | أ إ آ ٱ (and wavy-hamza alefs) → ا |
//! | `alef_maksura` | ى → ي |
//! | `teh_marbuta` | ة → ه |
//! | `persian_letters` | ک ڪ → ك, ی ې → ي, ھ ہ ە → ه, ۀ → ه, and the Maghrebi ڨ → ق |
//! | `digits` | Arabic-Indic and Persian digits → ASCII |
//! | `percent_sign` | ٪ → % |
//! | `decimal_separator` | ٫ → `.`, ٬ → `,` |

use super::edit::{Change, ChangeClass, Rewriter};
use crate::arabic::{indic_digit_value, is_mark};

/// Which folding rules run. Every rule is on by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoldOptions {
    pub diacritics: bool,
    pub alef: bool,
    pub alef_maksura: bool,
    pub teh_marbuta: bool,
    pub persian_letters: bool,
    pub digits: bool,
    pub percent_sign: bool,
    pub decimal_separator: bool,
}

impl Default for FoldOptions {
    fn default() -> Self {
        FoldOptions {
            diacritics: true,
            alef: true,
            alef_maksura: true,
            teh_marbuta: true,
            persian_letters: true,
            digits: true,
            percent_sign: true,
            decimal_separator: true,
        }
    }
}

impl FoldOptions {
    /// What `c` folds to, if anything: `Some("")` deletes it.
    #[inline]
    fn fold_char(&self, c: char) -> Option<&'static str> {
        const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        match c {
            'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' if self.alef => Some("ا"),
            'ى' if self.alef_maksura => Some("ي"),
            'ة' if self.teh_marbuta => Some("ه"),
            'ک' | 'ڪ' if self.persian_letters => Some("ك"),
            // Tunisian and Algerian press write ق as it is said there, with ڨ (ڨفصة، بن ڨردان).
            'ڨ' if self.persian_letters => Some("ق"),
            'ی' | 'ې' if self.persian_letters => Some("ي"),
            'ھ' | 'ہ' | 'ە' | 'ۀ' if self.persian_letters => Some("ه"),
            '٪' if self.percent_sign => Some("%"),
            '٫' if self.decimal_separator => Some("."),
            '٬' if self.decimal_separator => Some(","),
            _ if self.digits && indic_digit_value(c).is_some() => indic_digit_value(c).map(|d| DIGITS[d as usize]),
            _ if self.diacritics && is_mark(c) => Some(""),
            _ => None,
        }
    }
}

/// For every code point of U+0600–U+06FF (the only ones that fold to something else), the
/// index + 1 into `FoldTable::with` of what it folds to (0: nothing). A character to fold is
/// found bytewise: its lead byte is 0xD8–0xDB, and the table is indexed by its code point.
struct FoldTable {
    options: FoldOptions,
    by_code: [u8; 256],
    with: Vec<&'static str>,
}

impl FoldTable {
    fn new(options: FoldOptions) -> Self {
        let mut by_code = [0u8; 256];
        let mut with = Vec::new();
        for cp in 0x600u32..0x700 {
            let Some(folded) = char::from_u32(cp).and_then(|c| options.fold_char(c)) else { continue };
            with.push(folded);
            by_code[(cp - 0x600) as usize] = with.len() as u8;
        }
        FoldTable { options, by_code, with }
    }

    /// What the character starting at byte `i` folds to (index + 1 into `with`), 0 for nothing,
    /// and the length of the character in bytes when it is one of U+0600–U+06FF (else 1, a step
    /// that never skips a lead byte).
    #[inline(always)]
    fn at(&self, bytes: &[u8], i: usize) -> (u8, usize) {
        let b = bytes[i];
        match bytes.get(i + 1) {
            // The lead byte of a two-byte character of U+0600–U+06FF.
            Some(&second) if b & 0xFC == 0xD8 => (self.by_code[((b as usize & 3) << 6) | (second as usize & 0x3F)], 2),
            _ => (0, 1),
        }
    }
}

thread_local! {
    static TABLE: std::cell::RefCell<Option<FoldTable>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with the table of `opts`: the default options' is built once for all threads
/// (most callers fold with them, word by word), others once per thread.
#[inline]
fn with_table<R>(opts: &FoldOptions, f: impl FnOnce(&FoldTable) -> R) -> R {
    if *opts == FoldOptions::default() {
        static DEFAULT: std::sync::OnceLock<FoldTable> = std::sync::OnceLock::new();
        return f(DEFAULT.get_or_init(|| FoldTable::new(FoldOptions::default())));
    }
    TABLE.with_borrow_mut(|slot| {
        let table = match slot {
            Some(t) if t.options == *opts => t,
            _ => slot.insert(FoldTable::new(*opts)),
        };
        f(table)
    })
}

/// Folds `text`; `None` when nothing changes.
pub(crate) fn fold(text: &str, opts: &FoldOptions) -> Option<(String, Vec<Change>)> {
    with_table(opts, |table| fold_with(text, table))
}

/// Appends `text` folded to `out`: the text [`fold`] makes, without recording the changes
/// (for words folded by the thousand, one buffer for all).
pub(crate) fn fold_into(text: &str, opts: &FoldOptions, out: &mut String) {
    with_table(opts, |table| {
        fold_into_with(text, table, 0, out);
    })
}

/// The text [`fold`] makes, without recording the changes; `None` when nothing changes.
pub(crate) fn fold_str(text: &str, opts: &FoldOptions) -> Option<String> {
    with_table(opts, |table| {
        let bytes = text.as_bytes();
        // Most words fold to themselves: find the first change before allocating.
        let mut first = 0;
        loop {
            if first >= bytes.len() {
                return None;
            }
            let (k, step) = table.at(bytes, first);
            if k != 0 {
                break;
            }
            first += step;
        }
        let mut out = String::with_capacity(text.len());
        fold_into_with(text, table, first, &mut out);
        Some(out)
    })
}

/// [`fold_into`] with the table at hand, from byte `from` (a character boundary before which
/// nothing folds).
fn fold_into_with(text: &str, table: &FoldTable, from: usize, out: &mut String) {
    {
        let bytes = text.as_bytes();
        let (mut i, mut copied) = (from, 0);
        while i < bytes.len() {
            let (k, step) = table.at(bytes, i);
            if k != 0 {
                // As in `fold_with`: `i` is a character boundary.
                out.push_str(&text[copied..i]);
                out.push_str(table.with[k as usize - 1]);
                copied = i + 2;
            }
            i += step;
        }
        out.push_str(&text[copied..]);
    }
}

fn fold_with(text: &str, table: &FoldTable) -> Option<(String, Vec<Change>)> {
    let bytes = text.as_bytes();
    let mut rw = Rewriter::new(text);
    let mut i = 0;
    while i < bytes.len() {
        let (k, step) = table.at(bytes, i);
        if k != 0 {
            // Only lead bytes give a non-zero entry, so `i` is a character boundary.
            rw.replace(i..i + 2, table.with[k as usize - 1], ChangeClass::Fold, false);
        }
        i += step;
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        fold(s, &FoldOptions::default()).map_or_else(|| s.to_string(), |(t, _)| t)
    }

    #[test]
    fn the_fold_table() {
        assert_eq!(run("أحمد إلى آخر ٱلله"), "احمد الي اخر الله");
        assert_eq!(run("مدرسةٌ كَبِيرَة"), "مدرسه كبيره");
        assert_eq!(run("کتاب فارسی"), "كتاب فارسي");
        // The Maghrebi ڨ is ق as it is said there; ڤ is left (V in ڤولف, ق in ڤابس).
        assert_eq!(run("ڨفصة وبن ڨردان وڤولف"), "قفصه وبن قردان وڤولف");
        assert_eq!(crate::token::fold_key("ڨابس"), "قابس");
        assert_eq!(run("٢٠٢٣ و۴ و٨١٫٣١٪ و١٬٨٢٠"), "2023 و4 و81.31% و1,820");
        assert_eq!(run("plain ascii 123"), "plain ascii 123");
    }

    #[test]
    fn folding_into_a_buffer_gives_the_same_text() {
        let mut out = String::from("<");
        for s in ["أحمد إلى آخر ٱلله", "مدرسةٌ كَبِيرَة", "٢٠٢٣ و۴ و٨١٫٣١٪", "plain", "", "ة"]
        {
            out.clear();
            fold_into(s, &FoldOptions::default(), &mut out);
            assert_eq!(out, run(s), "{s}");
        }
    }

    #[test]
    fn rules_switch_off_one_by_one() {
        let keep_teh = FoldOptions { teh_marbuta: false, ..FoldOptions::default() };
        assert_eq!(fold("مدرسةٌ", &keep_teh).unwrap().0, "مدرسة");
        let keep_digits = FoldOptions { digits: false, ..FoldOptions::default() };
        assert!(fold("٢٠٢٣", &keep_digits).is_none());
    }

    #[test]
    fn offsets_are_recorded_only_where_lengths_change() {
        let (out, changes) = fold("ة٢", &FoldOptions::default()).unwrap();
        assert_eq!(out, "ه2");
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].input, 2..4);
        assert_eq!(changes[0].output, 2..3);
    }
}
