//! Shared numeric parsing: numerals written with digits and separators, Arabic number words and
//! scale words. [`figures`](super::figures) builds on it; so can the date extractor.
//!
//! # Digits and separators
//! Digits may be ASCII, Arabic-Indic (`٠`–`٩`) or Persian (`۰`–`۹`). [`parse_numeral`] reads
//! a run of digits with inner separators (`.` `,` `٫` `٬`), as the tokenizer keeps it, and
//! decides which separator is which:
//!
//! | written | read as | rule |
//! |---|---|---|
//! | `40.000`, `1,820`, `456.392` | 40000, 1820, 456392 | one separator followed by exactly 3 digits is a thousands separator… |
//! | `81,31%`, `10.33 آلاف`, `1.820 مليون` | 81.31, 10.33 (× 1000), 1.82 (× 10⁶) | …unless the number is a percentage or followed by a scale word ([`NumberContext`]) |
//! | `82,2`, `69,44`, `3.14285` | 82.2, 69.44, 3.14285 | a separator followed by 1–2 (or 4+) digits is a decimal separator |
//! | `0.500` | 0.5 | a leading group `0` cannot start a thousands grouping |
//! | `1.820.000`, `1,820,000` | 1820000 | several separators of one kind are thousands separators |
//! | `1,234.56`, `1.234,56` | 1234.56 | two kinds: the last one (written once) is the decimal separator |
//! | `٨١٫٣١`, `١٬٨٢٠` | 81.31, 1820 | `٫` is always decimal, `٬` always thousands… |
//! | `٢٬٥` | 2.5 | …except a lone `٬` followed by 1–2 digits, which cannot group thousands: a mistyped `٫` |
//! | `12.05.2023`, `1.2.3`, `1,2.3,4` | none | thousands groups that are not 3 digits: a date or a version, not a number |
//!
//! Values are kept as a mantissa and a count of decimals ([`Numeral`]) so that scaling is exact:
//! `10.33 آلاف` is 1033 × 1000 / 100 = 10330, not 10330.000000000002.
//!
//! # Number words
//! [`number_word`] reads one folded word (see [`fold_key`]): units (`صفر` … `تسعة`, masculine
//! and feminine, `واحد`/`أحد`/`إحدى`, `اثنان`/`اثنين`/`اثنتان`), `عشر`/`عشرة`, the tens
//! (`عشرون`/`عشرين` … `تسعون`), the hundreds (`مئة`/`مائة`, `مئتان`/`مائتا`…, `ثلاثمئة`/
//! `ثلاثمائة` … `تسعمائة`), the scale words (`ألف`, `مليون`, `مليار`/`بليون`, `تريليون` in
//! their singular, accusative `ألفاً`/`مليوناً`, dual `ألفان`/`ألفين`/`ألفي` and plural `آلاف`/
//! `ملايين`/`مليارات` forms) and the fractions `نصف`, `ربع` (only next to a scale word:
//! `نصف مليون`, `مليون ونصف`). Definite forms (`الثلاثة`, `الألف`) and ordinals (`الخامس`,
//! `ثالث`) are not number words.
//!
//! [`Accumulator`] combines words (and numerals) in the order Arabic writes them:
//! `ثلاثة و عشرون ألفاً و أربعمائة و أحد عشر` → (3 + 20) × 1000 + 400 + 1 + 10 = 23411; a unit
//! then `عشر` without `و` is a teen; `ثلاث مائة` is 300; a scale word multiplies the group
//! before it (or counts 1, 2 for a dual; a plural scale word needs a multiplier: `آلاف` alone is
//! "thousands", not a number); after a scale word, `و` starts a new group that must be smaller
//! than that scale (`6 ملايين و456.392` = 6456392, `مليوناً وخمسمئة ألف` = 1500000, but
//! `5 ملايين و 7 ملايين` is two numbers). [`parse_quantity`] runs it over a whole phrase.
//!
//! # Word lookups
//! The extractors look up every word of a text in small vocabularies, and most words are in
//! none: `WordMap` answers most misses from a bitset of cheap hashes before any hash map, and
//! `HashFilter` from a hash that a scanner builds while it reads a word (`key_hash`), before
//! the word's folded key is even made.

use crate::arabic::{indic_digit_value, is_mark, TATWEEL};
use foldhash::fast::FixedState;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What is known about a numeral from its neighbours, for the separator rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NumberContext {
    /// The number is a percentage (`81,31%`, `%69,44`, `81,31 في المائة`).
    pub percent: bool,
    /// A scale word follows (`10.33 آلاف`, `1.5 مليون`).
    pub scaled: bool,
}

/// A number written with digits: `mantissa / 10^decimals`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Numeral {
    /// The digits read as one integer (exact up to 2^53).
    pub mantissa: f64,
    /// How many of those digits follow the decimal separator.
    pub decimals: u32,
}

impl Numeral {
    pub fn value(self) -> f64 {
        self.times(1.0)
    }

    /// The value multiplied by `factor`, with a single rounding: `10.33 × 1000` is 10330.
    pub fn times(self, factor: f64) -> f64 {
        if self.decimals == 0 {
            self.mantissa * factor
        } else {
            self.mantissa * factor / 10f64.powi(self.decimals as i32)
        }
    }

    pub fn is_integer(self) -> bool {
        self.decimals == 0
    }
}

/// The value of a decimal digit, ASCII, Arabic-Indic or Persian.
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        Some(c as u32 - '0' as u32)
    } else {
        indic_digit_value(c)
    }
}

/// Only digits (no separator): `2023`, `٢٠٢٣`.
pub fn is_plain_integer(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| digit_value(c).is_some())
}

/// The value of `s`, digits with inner separators (see the module docs for the rules).
pub fn parse_number(s: &str, context: NumberContext) -> Option<f64> {
    parse_numeral(s, context).map(Numeral::value)
}

/// At most this many separators in one numeral (`1.000.000.000.000.000` has 5).
const MAX_SEPARATORS: usize = 8;

/// `s` read as a numeral: digits and inner separators only (surrounding whitespace is ignored).
pub fn parse_numeral(s: &str, context: NumberContext) -> Option<Numeral> {
    let s = s.trim();
    // Separators and the number of digits before each; digits after the last one.
    let mut seps = [('\0', 0usize); MAX_SEPARATORS];
    let mut nseps = 0;
    let mut run = 0usize;
    for c in s.chars() {
        if digit_value(c).is_some() {
            run += 1;
        } else if matches!(c, '.' | ',' | '٫' | '٬') {
            if run == 0 || nseps == MAX_SEPARATORS {
                return None;
            }
            seps[nseps] = (c, run);
            nseps += 1;
            run = 0;
        } else {
            return None;
        }
    }
    if run == 0 {
        return None;
    }
    let seps = &seps[..nseps];
    let leading_zero = s.chars().next().and_then(digit_value) == Some(0);
    let decimal = decimal_separator(seps, run, leading_zero, context)?;
    // Every separator before the decimal one is a thousands separator: check the grouping.
    let thousands = decimal.unwrap_or(seps.len());
    if thousands > 0 {
        let after = |k: usize| if k + 1 < seps.len() { seps[k + 1].1 } else { run };
        if seps[0].1 > 3 || leading_zero || (0..thousands).any(|k| after(k) != 3) {
            return None;
        }
    }
    let mut mantissa = 0f64;
    let mut decimals = 0u32;
    let mut seen = 0usize;
    for c in s.chars() {
        if let Some(d) = digit_value(c) {
            mantissa = mantissa * 10.0 + d as f64;
            if decimal.is_some_and(|k| seen > k) {
                decimals += 1;
            }
        } else {
            seen += 1;
        }
    }
    Some(Numeral { mantissa, decimals })
}

/// Which separator (index into `seps`) is the decimal one: `Some(None)` when there is none
/// (all are thousands separators), `None` when the separators make no number.
fn decimal_separator(
    seps: &[(char, usize)],
    last_run: usize,
    leading_zero: bool,
    context: NumberContext,
) -> Option<Option<usize>> {
    let Some(&(last, _)) = seps.last() else { return Some(None) };
    let count = |c: char| seps.iter().filter(|&&(d, _)| d == c).count();
    let last_index = seps.len() - 1;
    if count('٫') > 0 {
        // The Arabic decimal separator: once, and last.
        return (count('٫') == 1 && last == '٫').then_some(Some(last_index));
    }
    match (count('.'), count(',')) {
        // `٢٬٥`: a lone ٬ that cannot group thousands is a mistyped ٫ (they look alike).
        (0, 0) if seps.len() == 1 && last_run <= 2 => Some(Some(0)),
        (0, 0) => Some(None),
        (1, 0) | (0, 1) => {
            if last == '٬' {
                // `1.234٬567`: mixed up; read every separator as thousands.
                Some(None)
            } else if count('٬') > 0 {
                // `١٬٢٣٤.567`: the thousands are marked by ٬, so the Latin one is decimal.
                Some(Some(last_index))
            } else {
                let could_group = last_run == 3 && seps[0].1 <= 3 && !leading_zero;
                Some((!could_group || context.percent || context.scaled).then_some(last_index))
            }
        }
        (_, 0) | (0, _) => Some(None),
        (dots, commas) => {
            // Two kinds: the last separator is decimal, written once, after all the others.
            let once = if last == '.' { dots == 1 } else { last == ',' && commas == 1 };
            once.then_some(Some(last_index))
        }
    }
}

/// The search form of one word for matching number words, months and currencies: diacritics
/// and tatweel dropped, `أ إ آ ٱ` → `ا`, `ى` → `ي`, `ة` → `ه`, Persian `ک ی` → `ك ي`, digits
/// → ASCII (the same letters `FoldOptions::default()` folds). Appends to `out`.
pub fn fold_key(word: &str, out: &mut String) {
    if !folds(word) {
        out.push_str(word);
        return;
    }
    let changes = changes();
    for c in word.chars() {
        // Only characters of the Arabic block change (see `folds`).
        match (c as u32).checked_sub(0x600).and_then(|k| changes.get(k as usize)) {
            Some(&Some(Some(f))) => out.push(f),
            Some(&Some(None)) => {}
            _ => out.push(c),
        }
    }
}

/// One character of [`fold_key`]: `None` when it is dropped.
fn fold_char(c: char) -> Option<char> {
    if is_mark(c) || c == TATWEEL {
        return None;
    }
    Some(match indic_digit_value(c) {
        Some(d) => char::from(b'0' + d as u8),
        None => fold_letter(c),
    })
}

/// A letter folded as `FoldOptions::default()` folds it (one alef, ي for ى, ه for ة, the
/// Persian and Maghrebi forms as Arabic letters); any other character as it is. The scanners
/// of numbers and dates fold letters with it.
pub(crate) fn fold_letter(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => 'ا',
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' | 'ۀ' | 'ھ' | 'ہ' | 'ە' => 'ه',
        'ک' | 'ڪ' => 'ك',
        'ڨ' => 'ق',
        c => c,
    }
}

/// For each character of the Arabic block (U+0600–U+06FF), `Some(folded)` when [`fold_key`]
/// changes it (`Some(None)`: it is dropped).
fn changes() -> &'static [Option<Option<char>>; 256] {
    static CHANGES: OnceLock<[Option<Option<char>>; 256]> = OnceLock::new();
    CHANGES.get_or_init(|| {
        std::array::from_fn(|k| {
            let c = char::from_u32(0x600 + k as u32)?;
            Some(fold_char(c)).filter(|&f| f != Some(c))
        })
    })
}

/// Whether [`fold_key`] changes `word`. Bytewise: every character it changes is in the Arabic
/// block (U+0600–U+06FF), two bytes long, where a table tells.
pub fn folds(word: &str) -> bool {
    let changes = changes();
    let bytes = word.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        // A lead byte of U+0600–U+06FF, then its continuation byte.
        if bytes[i] & 0xFC == 0xD8 {
            if changes[usize::from(bytes[i] & 3) << 6 | usize::from(bytes[i + 1] & 0x3F)].is_some() {
                return true;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

/// [`fold_key`] into a new string.
pub fn folded(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_key(word, &mut out);
    out
}

/// How a scale word is written, which decides how many it counts when nothing multiplies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleForm {
    /// `ألف`, `مليون`: one.
    Singular,
    /// `ألفاً`/`ألفا`, `مليوناً`: the accusative (one, `خمسون ألفاً`), written like the dual
    /// construct when the tanwin is left out (`ألفا ريال` = 2000): the caller decides.
    Accusative,
    /// `ألفان`, `ألفين`, `ألفي`, `مليونين`: two.
    Dual,
    /// `آلاف`, `ملايين`, `مليارات`: needs a multiplier (`آلاف` alone is "thousands").
    Plural,
}

/// One Arabic number word (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberWord {
    /// 0–9: `صفر`, `واحد`/`أحد`/`إحدى`, `اثنان`, `ثلاثة`/`ثلاث` … `تسعة`/`تسع`.
    Unit(u8),
    /// `اثنا`/`اثنتا`/`اثني`/`اثنتي`: 2, only before `عشر` (12).
    TeenHead(u8),
    /// `عشر`/`عشرة`: 10, or the ending of 11–19 after a unit.
    Ten,
    /// 20–90: `عشرون`/`عشرين` … `تسعون`/`تسعين`.
    Tens(u8),
    /// 100–900: `مئة`/`مائة`, `مئتان`/`مائتين`/`مئتا`, `ثلاثمئة`/`ثلاثمائة` … `تسعمائة`.
    Hundreds(u16),
    /// `ألف`, `مليون`, `مليار`/`بليون`, `تريليون`, in a [`ScaleForm`].
    Scale(f64, ScaleForm),
    /// `نصف`, `ربع`: next to a scale word only.
    Fraction(f64),
}

impl NumberWord {
    /// The word's own value when it stands alone (a dual scale word counts two).
    pub fn value(self) -> f64 {
        match self {
            NumberWord::Unit(v) | NumberWord::TeenHead(v) | NumberWord::Tens(v) => v as f64,
            NumberWord::Ten => 10.0,
            NumberWord::Hundreds(v) => v as f64,
            NumberWord::Scale(v, ScaleForm::Dual) => 2.0 * v,
            NumberWord::Scale(v, _) => v,
            NumberWord::Fraction(f) => f,
        }
    }
}

/// Unit stems that combine with `مئة`/`مائة` into one word (`ثلاثمائة`), with their value.
const HUNDRED_STEMS: [(&str, u16); 8] =
    [("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9)];

/// The number words (folded) and what they are; with [`HUNDRED_STEMS`], all of them.
const NUMBER_WORDS: &[(&[&str], NumberWord)] = {
    use NumberWord::*;
    use ScaleForm::*;
    &[
        (&["صفر"], Unit(0)),
        (&["واحد", "واحده", "احد", "احدي"], Unit(1)),
        (&["اثنان", "اثنين", "اثنتان", "اثنتين", "ثنتان", "ثنتين"], Unit(2)),
        (&["اثنا", "اثنتا", "اثني", "اثنتي"], TeenHead(2)),
        (&["ثلاث", "ثلاثه"], Unit(3)),
        (&["اربع", "اربعه"], Unit(4)),
        (&["خمس", "خمسه"], Unit(5)),
        (&["ست", "سته"], Unit(6)),
        (&["سبع", "سبعه"], Unit(7)),
        (&["ثمان", "ثماني", "ثمانيه"], Unit(8)),
        (&["تسع", "تسعه"], Unit(9)),
        (&["عشر", "عشره"], Ten),
        (&["عشرون", "عشرين"], Tens(20)),
        (&["ثلاثون", "ثلاثين"], Tens(30)),
        (&["اربعون", "اربعين"], Tens(40)),
        (&["خمسون", "خمسين"], Tens(50)),
        (&["ستون", "ستين"], Tens(60)),
        (&["سبعون", "سبعين"], Tens(70)),
        (&["ثمانون", "ثمانين"], Tens(80)),
        (&["تسعون", "تسعين"], Tens(90)),
        (&["مائه", "مئه", "مايه"], Hundreds(100)),
        (&["مائتان", "مئتان", "مائتين", "مئتين", "مائتا", "مئتا", "مائتي", "مئتي", "ميتين"], Hundreds(200)),
        (&["الف"], Scale(1e3, Singular)),
        (&["الفا"], Scale(1e3, Accusative)),
        (&["الفان", "الفين", "الفي"], Scale(1e3, Dual)),
        (&["الاف", "الوف"], Scale(1e3, Plural)),
        (&["مليون"], Scale(1e6, Singular)),
        (&["مليونا"], Scale(1e6, Accusative)),
        (&["مليونان", "مليونين", "مليوني"], Scale(1e6, Dual)),
        (&["ملايين"], Scale(1e6, Plural)),
        (&["مليار", "بليون"], Scale(1e9, Singular)),
        (&["مليارا", "بليونا"], Scale(1e9, Accusative)),
        (&["ملياران", "مليارين", "ملياري", "بليونان", "بليونين"], Scale(1e9, Dual)),
        (&["مليارات", "بلايين"], Scale(1e9, Plural)),
        (&["تريليون", "ترليون"], Scale(1e12, Singular)),
        (&["تريليونا", "ترليونا"], Scale(1e12, Accusative)),
        (&["تريليونان", "تريليونين", "ترليونين"], Scale(1e12, Dual)),
        (&["تريليونات", "ترليونات"], Scale(1e12, Plural)),
        (&["نصف"], Fraction(0.5)),
        (&["ربع"], Fraction(0.25)),
    ]
};

/// Every number word and what it is: [`NUMBER_WORDS`], then the hundreds in one word
/// (`ثلاثمائه`).
pub(crate) fn number_words() -> impl Iterator<Item = (String, NumberWord)> {
    let words = NUMBER_WORDS.iter().flat_map(|&(forms, w)| forms.iter().map(move |f| (f.to_string(), w)));
    let hundreds = HUNDRED_STEMS.iter().flat_map(|&(stem, v)| {
        ["مائه", "مئه"].into_iter().map(move |h| (format!("{stem}{h}"), NumberWord::Hundreds(v * 100)))
    });
    words.chain(hundreds)
}

/// The number word a folded word is, if any (no clitics: `وعشرون` is `و` + `عشرون`, the caller
/// splits).
pub fn number_word(key: &str) -> Option<NumberWord> {
    static MAP: OnceLock<WordMap<NumberWord>> = OnceLock::new();
    MAP.get_or_init(|| WordMap::first_wins(number_words())).get(key).copied()
}

/// A map from folded words to values, for looking up every word of a text: a bitset of cheap
/// hashes of its keys answers most misses without hashing the word in full.
pub(crate) struct WordMap<V> {
    map: HashMap<String, V, FixedState>,
    filter: Vec<u64>,
}

impl<V> WordMap<V> {
    /// The map of `entries`; of two entries with one key, the first is kept.
    pub fn first_wins(entries: impl IntoIterator<Item = (String, V)>) -> Self {
        let mut map: HashMap<String, V, FixedState> = HashMap::default();
        for (k, v) in entries {
            map.entry(k).or_insert(v);
        }
        let mut filter = vec![0u64; 1 << 10];
        for k in map.keys() {
            let h = quick_hash(k.as_bytes());
            filter[h >> 6] |= 1 << (h & 63);
        }
        WordMap { map, filter }
    }

    #[inline(always)]
    pub fn get(&self, key: &str) -> Option<&V> {
        let h = quick_hash(key.as_bytes());
        if self.filter[h >> 6] & 1 << (h & 63) == 0 {
            return None;
        }
        self.map.get(key)
    }
}

/// A set of words for lookups in hot paths: a [`WordMap`] of a word list, made at first use.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    map: OnceLock<WordMap<()>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet { words, map: OnceLock::new() }
    }

    pub fn contains(&self, key: &str) -> bool {
        self.map.get_or_init(|| WordMap::first_wins(self.words.iter().map(|w| (w.to_string(), ())))).get(key).is_some()
    }
}

/// A hash of a key built one character at a time (see [`utf8_unit`]), so that a scanner makes
/// it from the bytes of a word as it reads them, before knowing whether it needs the key.
pub(crate) fn key_hash_step(hash: u64, unit: u32) -> u64 {
    hash.rotate_left(7) ^ u64::from(unit)
}

/// The UTF-8 bytes of a character as a little-endian number: two-byte letters are hashed from
/// the text as they stand.
pub(crate) fn utf8_unit(c: char) -> u32 {
    let mut bytes = [0; 4];
    c.encode_utf8(&mut bytes);
    u32::from_le_bytes(bytes)
}

/// An array of zeros indexed by two bytes of text (a [`utf8_unit`] of a two-byte character):
/// a `u16` index needs no bounds check. On the heap: such arrays are too big for a thread's
/// stack in a debug build.
pub(crate) fn two_byte_table<T: Copy + Default>() -> Box<[T; 1 << 16]> {
    let zeros = vec![T::default(); 1 << 16].into_boxed_slice();
    zeros.try_into().unwrap_or_else(|_| unreachable!("the length is 1 << 16"))
}

pub(crate) fn key_hash(key: &str) -> u64 {
    key.chars().fold(0, |h, c| key_hash_step(h, utf8_unit(c)))
}

/// The [`key_hash`]es of a set of keys, as a bitset: a word whose hash misses it is none of the
/// keys, which most words of a text are not.
pub(crate) struct HashFilter {
    bits: Vec<u64>,
}

impl HashFilter {
    pub fn new<'a>(keys: impl IntoIterator<Item = &'a str>) -> Self {
        Self::of_hashes(keys.into_iter().map(key_hash))
    }

    /// The filter of hashes made otherwise than by [`key_hash`].
    pub fn of_hashes(hashes: impl IntoIterator<Item = u64>) -> Self {
        let mut bits = vec![0u64; 1 << 10];
        for hash in hashes {
            let h = Self::bit(hash);
            bits[h >> 6] |= 1 << (h & 63);
        }
        HashFilter { bits }
    }

    fn bit(hash: u64) -> usize {
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }

    /// Whether a key with this hash may be in the set.
    #[inline]
    pub fn may_hold(&self, hash: u64) -> bool {
        let h = Self::bit(hash);
        self.bits[h >> 6] & 1 << (h & 63) != 0
    }
}

/// A cheap 16-bit hash of a key for [`WordMap`], from its length and its first and last 8 (or
/// 4, or 1) bytes, read whole.
#[inline]
fn quick_hash(key: &[u8]) -> usize {
    let n = key.len();
    let u64_at = |i: usize| u64::from_le_bytes(key[i..i + 8].try_into().unwrap_or_default());
    let u32_at = |i: usize| u64::from(u32::from_le_bytes(key[i..i + 4].try_into().unwrap_or_default()));
    let (a, b) = match n {
        8.. => (u64_at(0), u64_at(n - 8)),
        4.. => (u32_at(0), u32_at(n - 4)),
        1.. => (u64::from(key[0]) << 16 | u64::from(key[n / 2]) << 8 | u64::from(key[n - 1]), 0),
        0 => (0, 0),
    };
    let h = (a ^ (n as u64) << 56).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    (h >> 48) as usize
}

/// The scale word a folded word is, with its value and form.
pub fn scale_word(key: &str) -> Option<(f64, ScaleForm)> {
    match number_word(key)? {
        NumberWord::Scale(v, form) => Some((v, form)),
        _ => None,
    }
}

/// What the [`Accumulator`] reads: a number word, or a numeral written with digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Atom {
    Word(NumberWord),
    Digits(Numeral),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Start,
    /// A unit (1–9) was the last word, which `عشر`, the tens or `مائة` may follow.
    Unit,
    TeenHead,
    /// 10–19: complete below the hundreds.
    Teen,
    Tens,
    Hundreds,
    Digits,
    Fraction,
    /// A scale word closed a group.
    Scaled,
    /// Nothing may follow (`مليون ونصف`).
    Done,
}

/// Builds one number from words and numerals read left to right (see the module docs).
#[derive(Clone, Copy, Debug)]
pub struct Accumulator {
    total: f64,
    current: f64,
    /// The last unit (for `ثلاث مائة` and the teens).
    unit: u8,
    /// A numeral alone in the current group (so that a scale word multiplies it exactly).
    numeral: Option<Numeral>,
    fraction: f64,
    last_scale: f64,
    state: State,
    atoms: usize,
    scaled: bool,
}

impl Default for Accumulator {
    fn default() -> Self {
        Accumulator {
            total: 0.0,
            current: 0.0,
            unit: 0,
            numeral: None,
            fraction: 0.0,
            last_scale: f64::INFINITY,
            state: State::Start,
            atoms: 0,
            scaled: false,
        }
    }
}

impl Accumulator {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads one more atom, `and` when `و` came before it. Returns false (and changes nothing)
    /// when the atom does not continue the number.
    pub fn push(&mut self, atom: Atom, and: bool) -> bool {
        let mut next = *self;
        if next.step(atom, and) && next.current < next.last_scale {
            next.atoms += 1;
            *self = next;
            true
        } else {
            false
        }
    }

    fn step(&mut self, atom: Atom, and: bool) -> bool {
        use NumberWord::*;
        use State as S;
        let fresh = match self.state {
            S::Start => !and,
            S::Scaled => and,
            _ => false,
        };
        match atom {
            Atom::Digits(n) if fresh => {
                self.current = n.value();
                self.numeral = Some(n);
                self.state = S::Digits;
                true
            }
            Atom::Digits(_) => false,
            Atom::Word(Scale(v, form)) => {
                if and {
                    return false;
                }
                match self.state {
                    S::Start => match form {
                        ScaleForm::Plural => false,
                        ScaleForm::Dual => self.apply_scale(2.0, v),
                        _ => self.apply_scale(1.0, v),
                    },
                    S::Fraction if matches!(form, ScaleForm::Singular | ScaleForm::Accusative) => {
                        self.apply_scale(self.fraction, v)
                    }
                    S::Unit | S::TeenHead | S::Teen | S::Tens | S::Hundreds | S::Digits if form != ScaleForm::Dual => {
                        let group = self.current;
                        self.apply_scale(group, v)
                    }
                    _ => false,
                }
            }
            Atom::Word(Fraction(f)) => match self.state {
                S::Start if !and => {
                    self.fraction = f;
                    self.state = S::Fraction;
                    true
                }
                S::Scaled if and => {
                    self.total += f * self.last_scale;
                    self.state = S::Done;
                    true
                }
                _ => false,
            },
            Atom::Word(w) if fresh => {
                self.current = w.value();
                self.state = match w {
                    Unit(u) => {
                        self.unit = u;
                        S::Unit
                    }
                    TeenHead(u) => {
                        self.unit = u;
                        S::TeenHead
                    }
                    Ten => S::Teen,
                    Tens(_) => S::Tens,
                    _ => S::Hundreds,
                };
                true
            }
            Atom::Word(w) => {
                let state = match (self.state, w, and) {
                    (S::Unit, Ten, false) if self.unit >= 1 => S::Teen,
                    (S::TeenHead, Ten, false) => S::Teen,
                    (S::Unit, Tens(_), true) if self.unit >= 1 => S::Tens,
                    (S::Unit, Hundreds(100), false) if self.unit >= 3 && self.current == self.unit as f64 => {
                        self.current = self.unit as f64 * 100.0;
                        self.state = S::Hundreds;
                        return true;
                    }
                    (S::Hundreds, Unit(u), true) if u >= 1 => {
                        self.unit = u;
                        S::Unit
                    }
                    (S::Hundreds, TeenHead(u), true) => {
                        self.unit = u;
                        S::TeenHead
                    }
                    (S::Hundreds, Ten, true) => S::Teen,
                    (S::Hundreds, Tens(_), true) => S::Tens,
                    _ => return false,
                };
                self.current += w.value();
                self.state = state;
                true
            }
        }
    }

    fn apply_scale(&mut self, multiplier: f64, scale: f64) -> bool {
        if multiplier == 0.0 {
            return false;
        }
        // `4 آلاف و500 مليون`, `ألف و651 مليون`: thousands and a group before a larger scale
        // word make up its multiplier (4500 million). Only a few thousands and a group of tens
        // or hundreds (`500 ألف و2 مليون` is a list, not 500002 million).
        if scale > self.last_scale
            && matches!(self.state, State::Digits | State::Teen | State::Tens | State::Hundreds)
            && self.last_scale == 1e3
            && self.total <= 99e3
            && (10.0..1000.0).contains(&self.current)
        {
            let group = self.total + self.current;
            self.numeral = None;
            self.total = group * scale;
            self.current = 0.0;
            self.last_scale = scale;
            self.state = State::Scaled;
            return true;
        }
        if scale >= self.last_scale {
            return false;
        }
        let group = match self.numeral.take() {
            Some(n) if self.state == State::Digits => n.times(scale),
            _ => multiplier * scale,
        };
        if group >= self.last_scale {
            return false;
        }
        self.total += group;
        self.current = 0.0;
        self.last_scale = scale;
        self.state = State::Scaled;
        self.scaled = true;
        true
    }

    /// The number read so far, when it is a whole number (not `اثنا` without `عشر`, not `نصف`
    /// without a scale word, not empty).
    pub fn value(&self) -> Option<f64> {
        match self.state {
            State::Start | State::TeenHead | State::Fraction => None,
            _ => Some(self.total + self.current),
        }
    }

    /// How many atoms were read.
    pub fn atoms(&self) -> usize {
        self.atoms
    }

    /// A scale word was read.
    pub fn is_scaled(&self) -> bool {
        self.scaled
    }

    /// The last scale word read (`1e6` after `6 ملايين`), if any.
    pub fn last_scale(&self) -> Option<f64> {
        self.scaled.then_some(self.last_scale)
    }
}

/// The value of a whole phrase of number words and numerals separated by spaces, with `و`
/// written apart or joined to the next word: `ثلاثة آلاف` → 3000, `مليوناً وخمسمئة ألف` →
/// 1500000, `6 ملايين و456.392` → 6456392, `سالب ثمانية` → −8. `None` when any word is not
/// part of the number.
pub fn parse_quantity(phrase: &str) -> Option<f64> {
    let mut acc = Accumulator::new();
    let mut and = false;
    let mut sign = 1.0;
    let words: Vec<&str> = phrase.split_whitespace().collect();
    for (k, word) in words.iter().enumerate() {
        let key = folded(word);
        if key == "و" {
            and = true;
            continue;
        }
        if k == 0 && key == "سالب" {
            sign = -1.0;
            continue;
        }
        let scaled = words.get(k + 1).is_some_and(|w| scale_word(&folded(w)).is_some());
        let atom = if key.starts_with(|c: char| c.is_ascii_digit()) {
            let (body, percent) = match key.strip_suffix('%') {
                Some(b) => (b, true),
                None => (key.as_str(), false),
            };
            Atom::Digits(parse_numeral(body, NumberContext { percent, scaled })?)
        } else if let Some(w) = number_word(&key) {
            Atom::Word(w)
        } else if let (Some(rest), false) = (key.strip_prefix('و'), and) {
            and = true;
            match number_word(rest) {
                Some(w) => Atom::Word(w),
                None => Atom::Digits(parse_numeral(rest, NumberContext { percent: false, scaled })?),
            }
        } else {
            return None;
        };
        if !acc.push(atom, and) {
            return None;
        }
        and = false;
    }
    if and {
        return None;
    }
    acc.value().map(|v| sign * v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<f64> {
        parse_number(s, NumberContext::default())
    }

    fn pct(s: &str) -> Option<f64> {
        parse_number(s, NumberContext { percent: true, scaled: false })
    }

    fn scaled(s: &str) -> Option<f64> {
        parse_number(s, NumberContext { percent: false, scaled: true })
    }

    #[test]
    fn one_separator_and_three_digits_is_thousands() {
        assert_eq!(num("40.000"), Some(40000.0));
        assert_eq!(num("1,820"), Some(1820.0));
        assert_eq!(num("456.392"), Some(456392.0));
        assert_eq!(num("١٬٨٢٠"), Some(1820.0));
    }

    #[test]
    fn unless_percent_or_scaled() {
        assert_eq!(pct("81,31"), Some(81.31));
        assert_eq!(pct("1,820"), Some(1.82));
        assert_eq!(scaled("10.33"), Some(10.33));
        assert_eq!(scaled("1.820"), Some(1.82));
        let n = parse_numeral("10.33", NumberContext { percent: false, scaled: true }).unwrap();
        assert_eq!(n.times(1000.0), 10330.0);
    }

    #[test]
    fn one_or_two_digits_after_is_decimal() {
        assert_eq!(num("82,2"), Some(82.2));
        assert_eq!(num("69,44"), Some(69.44));
        assert_eq!(num("3.14285"), Some(3.14285));
        assert_eq!(num("0.500"), Some(0.5));
        assert_eq!(num("1234.567"), Some(1234.567));
    }

    #[test]
    fn several_separators_of_one_kind_are_thousands() {
        assert_eq!(num("1.820.000"), Some(1820000.0));
        assert_eq!(num("1,820,000"), Some(1820000.0));
        assert_eq!(pct("1.820.000"), Some(1820000.0));
        assert_eq!(num("12.05.2023"), None);
        assert_eq!(num("1.2.3"), None);
        assert_eq!(num("1234.567.890"), None);
    }

    #[test]
    fn two_kinds_last_is_decimal() {
        assert_eq!(num("1,234.56"), Some(1234.56));
        assert_eq!(num("1.234,56"), Some(1234.56));
        assert_eq!(num("1.234.567,8"), Some(1234567.8));
        assert_eq!(num("1,2.3,4"), None);
        assert_eq!(num("1.234,567,8"), None);
    }

    #[test]
    fn arabic_separators_are_fixed() {
        assert_eq!(num("٨١٫٣١"), Some(81.31));
        assert_eq!(num("٨١٫٣١٢"), Some(81.312));
        assert_eq!(num("١٬٢٣٤٬٥٦٧"), Some(1234567.0));
        assert_eq!(num("١٬٢٣٤٫٥"), Some(1234.5));
        assert_eq!(num("١٬٢٣٤.٥"), Some(1234.5));
        assert_eq!(num("1٫2٫3"), None);
        assert_eq!(num("٢٬٥"), Some(2.5));
        assert_eq!(num("٢٬٥٠٠"), Some(2500.0));
        assert_eq!(num("١٬٢٣٤٬٥"), None);
        assert_eq!(pct("٦٩٫٤٤"), Some(69.44));
        assert_eq!(num("۱۲۳"), Some(123.0));
    }

    #[test]
    fn not_numerals() {
        assert_eq!(num(""), None);
        assert_eq!(num("12a"), None);
        assert_eq!(num(".5"), None);
        assert_eq!(num("5."), None);
        assert_eq!(num("1..2"), None);
        assert_eq!(num("1-2"), None);
        assert!(is_plain_integer("٢٠٢٣") && !is_plain_integer("2,023") && !is_plain_integer(""));
    }

    #[test]
    fn fold_key_matches_spellings() {
        assert_eq!(folded("ألفاً"), "الفا");
        assert_eq!(folded("مـليـون"), "مليون");
        assert_eq!(folded("إحدى"), "احدي");
        assert_eq!(folded("ثلاثمائة"), "ثلاثمائه");
        assert_eq!(folded("٢٠"), "20");
    }

    #[test]
    fn letters_fold_as_the_text_folds_them() {
        // The scanners' letter fold and `FoldOptions::default()` agree on every letter of the
        // Arabic block, so that a spelling folded one way is found the other way.
        let options = crate::normalize::FoldOptions::default();
        for c in ('\u{600}'..='\u{6FF}').filter(|&c| crate::arabic::is_letter(c)) {
            let text = crate::normalize::fold_text(&c.to_string(), &options).into_owned();
            assert_eq!(fold_letter(c).to_string(), text, "{c} (U+{:04X})", c as u32);
        }
    }

    #[test]
    fn number_words() {
        use NumberWord::*;
        assert_eq!(number_word("سبعه"), Some(Unit(7)));
        assert_eq!(number_word("اثنين"), Some(Unit(2)));
        assert_eq!(number_word("اثنتان"), Some(Unit(2)));
        assert_eq!(number_word("عشرون"), Some(Tens(20)));
        assert_eq!(number_word("مئه"), Some(Hundreds(100)));
        assert_eq!(number_word("مائه"), Some(Hundreds(100)));
        assert_eq!(number_word("ثلاثمئه"), Some(Hundreds(300)));
        assert_eq!(number_word("ثلاثمائه"), Some(Hundreds(300)));
        assert_eq!(number_word("ثمانيمائه"), Some(Hundreds(800)));
        assert_eq!(number_word("مئتين"), Some(Hundreds(200)));
        assert_eq!(number_word("الفا"), Some(Scale(1e3, ScaleForm::Accusative)));
        assert_eq!(number_word("الاف"), Some(Scale(1e3, ScaleForm::Plural)));
        assert_eq!(number_word("مليونا"), Some(Scale(1e6, ScaleForm::Accusative)));
        assert_eq!(number_word("ملايين"), Some(Scale(1e6, ScaleForm::Plural)));
        assert_eq!(number_word("مليارات"), Some(Scale(1e9, ScaleForm::Plural)));
        assert_eq!(scale_word("مليار"), Some((1e9, ScaleForm::Singular)));
    }

    #[test]
    fn ordinals_and_definites_are_not_number_words() {
        for w in ["اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "تاسع", "الثلاثه", "الالف", "الخامس", "عشرات"]
        {
            assert_eq!(number_word(w), None, "{w}");
        }
    }

    #[test]
    fn phrases() {
        assert_eq!(parse_quantity("سبعة"), Some(7.0));
        assert_eq!(parse_quantity("عشرون"), Some(20.0));
        assert_eq!(parse_quantity("ثلاثة آلاف"), Some(3000.0));
        assert_eq!(parse_quantity("مليوناً وخمسمئة ألف"), Some(1_500_000.0));
        assert_eq!(parse_quantity("6 ملايين و456.392"), Some(6_456_392.0));
        assert_eq!(parse_quantity("10.33 آلاف"), Some(10330.0));
        assert_eq!(parse_quantity("ثلاثة و عشرون"), Some(23.0));
        assert_eq!(parse_quantity("أحد عشر"), Some(11.0));
        assert_eq!(parse_quantity("اثنتا عشرة"), Some(12.0));
        assert_eq!(parse_quantity("ثلاث مائة"), Some(300.0));
        assert_eq!(parse_quantity("مئة ألف"), Some(100_000.0));
        assert_eq!(parse_quantity("ألفان"), Some(2000.0));
        assert_eq!(parse_quantity("نصف مليون"), Some(500_000.0));
        assert_eq!(parse_quantity("مليون ونصف"), Some(1_500_000.0));
        assert_eq!(parse_quantity("سالب ثمانية آلاف و ثلاثمائة و أربعة و عشرون"), Some(-8324.0));
        assert_eq!(parse_quantity("تسعمائة و ثلاثة و عشرون ألفاً و أربعمائة و أحد عشر"), Some(923_411.0));
    }

    #[test]
    fn phrases_that_are_not_one_number() {
        assert_eq!(parse_quantity("آلاف"), None); // "thousands"
        assert_eq!(parse_quantity("خمسة ستة"), None);
        assert_eq!(parse_quantity("5 ملايين و 7 ملايين"), None);
        assert_eq!(parse_quantity("ألف و ألفان"), None);
        assert_eq!(parse_quantity("عشرون و ثلاثة"), None); // the unit comes first
        assert_eq!(parse_quantity("5 6"), None);
        assert_eq!(parse_quantity("اثنا"), None);
        assert_eq!(parse_quantity("نصف"), None);
        assert_eq!(parse_quantity("ثلاثة و"), None);
    }
}
