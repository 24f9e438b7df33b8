//! Dates in press text, as ISO 8601 values at the precision the text gives.
//!
//! ```
//! use nass::extract::dates::extract_dates;
//!
//! let found = extract_dates("أجريت الانتخابات في 9 يونيو 2019، ثم من 13 إلى 15 سبتمبر.");
//! assert_eq!(found[0].text, "9 يونيو 2019");
//! assert_eq!(found[0].value, "2019-06-09");
//! assert_eq!((found[1].value.as_str(), found[1].until.as_deref()), ("--09-13", Some("--09-15")));
//! ```
//!
//! # Values
//! `2019` (a year), `2019-06` (a month), `2019-06-09` (a day); without a year, `--06-09` and
//! `--06`. A range (`من 13 إلى 15 سبتمبر 2022`, `2003-2007`, `بين عامي 2011 و2013`) has
//! `value` for its first end and `until` for its last, in the same format.
//!
//! # What is read
//! - Month names of every region, with clitics (`وفي يناير`, `بيناير`, `لشهر مارس`): the
//!   Egyptian/Gulf names (يناير … ديسمبر, إبريل/أبريل, يونية/يونيو, يولية/يوليو), the
//!   Levantine/Iraqi ones (كانون الثاني … كانون الأول, also `تشرين أول`), the Maghrebi ones
//!   (جانفي فيفري أفريل ماي جوان جويلية أوت; Moroccan يوليوز غشت شتنبر نونبر دجنبر;
//!   Mauritanian أغشت شتمبر دجمبر), and paired forms `أيار/مايو`, `أيار (مايو)`, `مايو/أيار`.
//!   English month names too, for the English abstracts of reports (`March 16`, `November 2023`).
//! - Names that are also common words (مارس "he practised", نيسان, آب/أب, شباط, ماي, جوان,
//!   غشت; English `may`, `march`) count only with a day, a year, `شهر`, a paired name, a
//!   following `الماضي`/`المقبل`…, or right after `في`/`منذ`/`خلال`/`حتى`. The others count
//!   alone (`في يناير الماضي` → `--01`).
//! - A day is a number 1–31 (Arabic-Indic digits too, `الـ16`), or an ordinal word followed by
//!   `من` (`العاشر من يناير`, `الحادي عشر`, `الثاني والعشرين`, `الحادي والثلاثين`), then
//!   optionally `من`/`شهر`, then the month; `16أكتوبر` needs no space.
//! - A year after a month is four digits (after a day and a month, whatever noun follows it:
//!   `16 مارس 2017 منصب`), or follows `عام`/`العام`/`سنة` (`يناير من عام 2020`),
//!   or a comma (`6 يناير، 2015`), or sits in parentheses (`يناير الجاري (2021)`).
//! - A year alone is never just a number. It is one after a year noun (`عام 2019`, `العام`,
//!   `سنة`, `لعام`, `عامي`, `أعوام`; 3–4 digits), with a calendar marker (`2019م`, `1445 هـ`),
//!   or, when it is 1900–2099, after a time preposition or modifier (`في`, `منذ`, `حتى`,
//!   `قبل`, `بعد`, `خلال`, `مطلع`, `أواخر` …, `الربع الأول من`, `الأشهر الثلاثة الأخيرة من`,
//!   `اعتبارا من`), after an event noun
//!   (`انتخابات 2019`, `استفتاء`, `دستور`, `رؤية 2030` …), in parentheses (`(1975)`), or in a
//!   range or a list with another year; also after `أفق`/`آفاق` (by), `غاية` (until), a
//!   definite year noun and one adjective (`العام الماضي 2016`, `السنة الدراسية 2018`) or a
//!   season noun and one word (`الموسم الصيفي 2017`). A number followed by a counted noun (`في 2000 صوت`, `منذ 1500 عام`),
//!   a percent sign or `ألف`/`مليون` is a figure, never a year; so is a number inside a bigger
//!   one (`40.000`) and a year marked `ق.م` (no BC values are given).
//! - Modifiers `منتصف أواخر أوائل أواسط مطلع بداية نهاية مستهل موفى` and seasons (`صيف 2020`) are
//!   part of the mention but keep the precision (`أواخر نوفمبر 2023` → `2023-11`).
//! - Numeric dates with `/`, `-` or `.`: day-month-year (`20/11/2023`, `20-11-2023`,
//!   `20.11.2023`) or year-month-day (`2023/11/20`, `٢٠٢٣/١١/٢٠`). Two-digit years and
//!   month-first (US) dates are not read; nor are `11/2023` or `3/2020` (law numbers).
//! - Ranges: `من X إلى/حتى Y`, `X - Y`, `بين X وY`, `ما بين`, with the first end taking what
//!   it lacks from the second (`13 إلى 15 سبتمبر 2022`, `يناير - مارس 2020`,
//!   `30 سبتمبر إلى 2 أكتوبر`), year pairs `2003-2007`, `2011 إلى 2013`, seasons `2019/2020`,
//!   months with a slash (`أكتوبر/ديسمبر 2015` → `2015-10` until `2015-12`).
//!   `X وY وZ` without `بين` is a list: one mention each, the earlier ones completed from the
//!   last (`في عامي 1995 و2005`, `5 و12 و19 مارس 2023` → `2023-03-05`, …).
//! - Relative dates (اليوم، أمس، العام الماضي) are not extracted: their value depends on the
//!   publication date, which the text does not give.
//!
//! # Hijri dates
//! They are converted to the Gregorian calendar with the tabular (arithmetic) Islamic
//! calendar, so that every value is ISO 8601 and sorts with the others. The tabular calendar
//! can differ by one day (rarely two) from the observed or Umm al-Qura calendar that a text
//! follows. A Hijri day is a Gregorian day; a Hijri month or year, which straddles Gregorian
//! months, becomes a range of days (`رمضان 1445` → `2024-03-11` until `2024-04-09`). A Hijri
//! month with a Gregorian year (`رمضان 2024`) is that month of the Hijri year that begins it in
//! 2024. A Hijri month without a year (`شهر رمضان`) is not extracted. After a year noun, a
//! one- or two-digit year needs its marker (`عام 65 هجرية`). A year with `هـ` is
//! Hijri; after a Hijri month, a year 1300–1600 is Hijri and 1800–2199 Gregorian.
//!
//! # Spans
//! `start`/`end` are byte offsets into the text as given (diacritics, tatweel and
//! Arabic-Indic digits are tolerated and kept). A clitic before the first word (`و`, `ب`,
//! `ل`, `ف`) is left out of the span; plain prepositions (`في`, `منذ`) are left out; nouns and
//! modifiers that are part of the expression (`عام`, `شهر`, `أواخر`, `الماضي`, the `من`/`بين`
//! of a range, a calendar marker) are in. Mentions never overlap; at each position the
//! longest reading wins.

use super::numbers::{fold_letter, key_hash_step, two_byte_table, utf8_unit, HashFilter, WordMap};
use crate::arabic::{indic_digit_value, is_bidi_control, is_letter, is_mark, TATWEEL};
use foldhash::fast::FixedState;
use std::cell::{Cell, OnceCell};
use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;
use std::sync::OnceLock;

/// A date found in a text.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DateMention {
    /// Byte offset of the mention's first character.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// ISO 8601 at the precision of the text: `2019`, `2019-06`, `2019-06-09`, `--06-09`, `--06`.
    pub value: String,
    /// The last end of a range, in the same format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

/// Every date mentioned in `text`, in text order, without overlaps.
pub fn extract_dates(text: &str) -> Vec<DateMention> {
    let mut buffers = SPARE.take();
    buffers.clear();
    scan(text, &mut buffers);
    let Buffers { toks, keys, folded, starts, anchors } = buffers;
    let parser = Parser { text, toks, keys, folded, starts, anchors, reach: ANCHOR_REACH };
    let dates = parser.run();
    if parser.toks.capacity() <= KEPT_TOKENS {
        let Parser { toks, keys, folded, starts, anchors, .. } = parser;
        SPARE.set(Buffers { toks, keys, folded, starts, anchors });
    }
    dates
}

/// What [`scan`] reads a text into (see [`Parser`]).
#[derive(Default)]
struct Buffers {
    toks: Vec<Tok>,
    keys: String,
    folded: Vec<OnceCell<String>>,
    starts: Vec<usize>,
    anchors: Vec<usize>,
}

impl Buffers {
    fn clear(&mut self) {
        self.toks.clear();
        self.keys.clear();
        self.folded.clear();
        self.starts.clear();
        self.anchors.clear();
    }
}

thread_local! {
    /// The buffers of the last text read on this thread, for the next one: allocating them
    /// for every document costs a good part of reading it.
    static SPARE: Cell<Buffers> = Cell::new(Buffers::default());
}

/// The largest token array kept for the next text.
const KEPT_TOKENS: usize = 1 << 16;

// ---------------------------------------------------------------------------------------------
// Tokens: words (folded), digit runs, single punctuation characters.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Arabic letters; the key is folded (no marks or tatweel, أإآ→ا, ى→ي, ة→ه).
    Word,
    /// Latin letters and digits; the key is lower-case.
    Latin,
    /// A run of digits (ASCII, Arabic-Indic or Persian); the key is ASCII.
    Num,
    Punct(char),
}

/// Where the key of a token is.
#[derive(Clone, Copy, Debug)]
enum Key {
    /// The token as written: most words are their own key.
    Text,
    /// A span of the key buffer (numbers and Latin words).
    Keys(usize, usize),
    /// An Arabic word that folds: its index in the folded keys, each made when first asked
    /// for (most never are).
    Folded(usize),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: Kind,
    /// Byte span in the original text.
    start: usize,
    end: usize,
    key: Key,
    /// Whitespace (or the start of the text) comes right before.
    gap: bool,
    /// Numbers: value (saturating) and digit count.
    value: u32,
    digits: usize,
    /// Words: how the key reads as a date word (see [`Vocab`]). Only such a word can pass
    /// any vocabulary test, so most words are never matched at all.
    form: Option<&'static Form>,
}

/// Characters that carry no text: bidi controls, zero-width joiners, BOM, soft hyphen.
fn ignorable(c: char) -> bool {
    is_bidi_control(c) || matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{00AD}')
}

fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10).filter(|_| c.is_ascii_digit()).or_else(|| indic_digit_value(c))
}

/// What a character is to the scanner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Space,
    /// Skipped, even inside a word (see [`ignorable`]).
    Ignorable,
    /// A mark or the tatweel: part of a word, not of its key.
    Mark,
    /// An Arabic letter, with its folded form.
    Letter(char),
    Digit(u32),
    /// Another alphabetic character: it starts a Latin word.
    Alpha,
    Other,
}

/// A character's class, and whether it continues a Latin word (alphabetic, not an Arabic
/// letter: some marks and the tatweel do).
fn classify(c: char) -> (Class, bool) {
    let class = if c.is_whitespace() {
        Class::Space
    } else if ignorable(c) {
        Class::Ignorable
    } else if is_mark(c) || c == TATWEEL {
        Class::Mark
    } else if is_letter(c) {
        Class::Letter(fold_letter(c))
    } else if let Some(v) = digit_value(c) {
        Class::Digit(v)
    } else if c.is_alphabetic() {
        Class::Alpha
    } else {
        Class::Other
    };
    (class, c.is_alphabetic() && !is_letter(c))
}

/// How a character goes on with an Arabic word (see [`read_word`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cont {
    /// A letter that is its own folded form.
    Same,
    /// A letter with another folded form.
    Folds(char),
    Mark,
    Ignorable,
    /// Not part of the word.
    Stop,
}

impl Cont {
    fn of(cp: u32, class: Class) -> Cont {
        match class {
            Class::Letter(f) if f as u32 == cp => Cont::Same,
            Class::Letter(f) => Cont::Folds(f),
            Class::Mark => Cont::Mark,
            Class::Ignorable => Cont::Ignorable,
            _ => Cont::Stop,
        }
    }
}

/// The scanner's tables, so that it reads the common characters bytewise.
struct Tables {
    /// [`classify`] of every one- and two-byte character (U+0000–U+07FF: ASCII and Arabic).
    class: Vec<(Class, bool)>,
    /// How each character of the Arabic block (U+0600–U+06FF) goes on with a word.
    arabic: [Cont; 256],
    /// Whether two bytes (as a little-endian number) are a letter that is its own folded form
    /// (an array: a `u16` index needs no bounds check).
    same: Box<[bool; 1 << 16]>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let class: Vec<(Class, bool)> = (0..0x800).map(|cp| classify(char::from_u32(cp).unwrap_or('\0'))).collect();
        let arabic: [Cont; 256] = std::array::from_fn(|k| Cont::of(0x600 + k as u32, class[0x600 + k].0));
        let mut same: Box<[bool; 1 << 16]> = two_byte_table();
        for (cp, &(c, _)) in class.iter().enumerate().skip(0x80) {
            let unit = char::from_u32(cp as u32).map_or(0, utf8_unit);
            same[unit as usize] = Cont::of(cp as u32, c) == Cont::Same;
        }
        Tables { class, arabic, same }
    })
}

/// The character at byte `i` of `text` (its code point when it is in `table`), its class,
/// whether it continues a Latin word, and its length: bytewise for the characters of `table`.
#[inline(always)]
fn class_at(text: &str, table: &[(Class, bool)], i: usize) -> (u32, Class, bool, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    let (cp, len) = match b {
        0..0x80 => (u32::from(b), 1),
        0xC0..0xE0 => (u32::from(b & 0x1F) << 6 | u32::from(bytes[i + 1] & 0x3F), 2),
        _ => {
            let c = text[i..].chars().next().unwrap_or('\0');
            let (class, latin) = classify(c);
            return (c as u32, class, latin, c.len_utf8());
        }
    };
    let (class, latin) = table[cp as usize];
    (cp, class, latin, len)
}

/// Reads the Arabic word that starts at byte `start`: where it ends (after its last letter or
/// mark), where reading stops, whether its key is its text as written (no letter folds, no mark
/// or ignorable), and the [`super::numbers::key_hash`] of its key.
fn read_word(text: &str, tables: &Tables, start: usize) -> (usize, usize, bool, u64) {
    let bytes = text.as_bytes();
    let (mut i, mut end, mut plain, mut hash) = (start, start, true, 0);
    loop {
        // Two-byte letters that are their own key, looked up by their bytes: most of a text.
        let mut same = 0;
        for c in bytes[i..].chunks_exact(2) {
            let unit = u16::from_le_bytes([c[0], c[1]]);
            if !tables.same[usize::from(unit)] {
                break;
            }
            hash = key_hash_step(hash, u32::from(unit));
            same += 2;
        }
        if same > 0 {
            i += same;
            end = i;
        }
        let (cont, cp, len) = match bytes.get(i..i + 2) {
            // The Arabic block, bytewise: most words are all in it.
            Some(&[b0 @ 0xD8..=0xDB, b1]) => {
                let k = usize::from(b0 & 3) << 6 | usize::from(b1 & 0x3F);
                (tables.arabic[k], 0x600 + k as u32, 2)
            }
            // No ASCII character goes on with a word.
            _ if bytes.get(i).is_none_or(u8::is_ascii) => break,
            _ => {
                let (cp, class, _, len) = class_at(text, &tables.class, i);
                (Cont::of(cp, class), cp, len)
            }
        };
        match cont {
            Cont::Same => hash = key_hash_step(hash, char::from_u32(cp).map_or(0, utf8_unit)),
            Cont::Folds(f) => {
                hash = key_hash_step(hash, utf8_unit(f));
                plain = false;
            }
            Cont::Mark => plain = false,
            Cont::Ignorable => {
                plain = false;
                i += len;
                continue;
            }
            Cont::Stop => break,
        }
        i += len;
        end = i;
    }
    (end, i, plain, hash)
}

/// The key of an Arabic word: its letters, folded (no marks, tatweel or ignorables).
fn fold_word(word: &str) -> String {
    let table = &tables().class;
    let mut key = String::with_capacity(word.len());
    let mut i = 0;
    while i < word.len() {
        let (_, class, _, len) = class_at(word, table, i);
        if let Class::Letter(f) = class {
            key.push(f);
        }
        i += len;
    }
    key
}

/// Appends the character at byte `i` of `text` in lower case (ASCII, most Latin text, without
/// decoding it).
#[inline]
fn push_lowercase(keys: &mut String, text: &str, i: usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => keys.push(char::from(b.to_ascii_lowercase())),
        _ => keys.extend(text[i..].chars().next().unwrap_or('\0').to_lowercase()),
    }
}

#[inline(never)]
/// Reads the tokens of `text` into empty `buffers`, with the keys of numbers and Latin words,
/// the (empty) folded keys of the words that fold (see [`Key`]), the tokens a date can
/// start at (see [`Parser::starts`]) and the numbers and month names (see [`Parser::anchors`]).
fn scan(text: &str, buffers: &mut Buffers) {
    let Buffers { toks, keys, folded, starts, anchors } = buffers;
    let bytes = text.as_bytes();
    let tables = tables();
    let table = &tables.class;
    let class_at = |i: usize| class_at(text, table, i);
    let char_at = |i: usize| text[i..].chars().next().unwrap_or('\0');
    let vocab = Vocab::get();
    toks.reserve(text.len() / 8);
    folded.reserve(text.len() / 32);
    let mut gap = true;
    let mut i = 0;
    while i < bytes.len() {
        // The commonest character between tokens.
        if bytes[i] == b' ' {
            gap = true;
            i += 1;
            continue;
        }
        // Most tokens are Arabic words that start with a letter that is its own key, which the
        // table `same` tells at once (`read_word` reads the letter again, so its class needs no
        // folded form).
        let same = bytes.get(i..i + 2).is_some_and(|c| tables.same[usize::from(u16::from_le_bytes([c[0], c[1]]))]);
        let (_, class, _, len) = if same { (0, Class::Letter('\0'), false, 2) } else { class_at(i) };
        let start = i;
        let mut end = i + len;
        i = end;
        let (mut value, mut digits) = (0u32, 0usize);
        let key_start = keys.len();
        let (kind, form) = match class {
            Class::Space => {
                gap = true;
                continue;
            }
            Class::Ignorable | Class::Mark => continue,
            Class::Letter(_) => {
                let (plain, hash);
                (end, i, plain, hash) = read_word(text, tables, start);
                // The hash rules out most words without their key.
                let (key, form) = if plain {
                    let form = vocab.hashes.may_hold(hash).then(|| vocab.forms.get(&text[start..end])).flatten();
                    (Key::Text, form)
                } else {
                    let key = vocab.hashes.may_hold(hash).then(|| fold_word(&text[start..end]));
                    let form = key.as_deref().and_then(|k| vocab.forms.get(k));
                    folded.push(key.map_or_else(OnceCell::new, OnceCell::from));
                    (Key::Folded(folded.len() - 1), form)
                };
                if let Some(f) = form {
                    if f.starts {
                        starts.push(toks.len());
                    }
                    if f.month {
                        anchors.push(toks.len());
                    }
                }
                toks.push(Tok { kind: Kind::Word, start, end, key, gap, value, digits, form });
                gap = false;
                continue;
            }
            Class::Digit(v) => {
                keys.push(char::from(b'0' + v as u8));
                (value, digits) = (v, 1);
                while i < bytes.len() {
                    let (_, Class::Digit(v), _, len) = class_at(i) else { break };
                    keys.push(char::from(b'0' + v as u8));
                    value = value.saturating_mul(10).saturating_add(v);
                    digits += 1;
                    i += len;
                    end = i;
                }
                (Kind::Num, None)
            }
            Class::Alpha => {
                push_lowercase(keys, text, start);
                while i < bytes.len() {
                    let (_, _, latin, len) = class_at(i);
                    if !latin {
                        break;
                    }
                    push_lowercase(keys, text, i);
                    i += len;
                    end = i;
                }
                (Kind::Latin, vocab.forms.get(&keys[key_start..]))
            }
            Class::Other => (Kind::Punct(char_at(start)), None),
        };
        if kind == Kind::Num || form.is_some_and(|f| f.starts) {
            starts.push(toks.len());
        }
        if kind == Kind::Num || form.is_some_and(|f| f.month) {
            anchors.push(toks.len());
        }
        let key = Key::Keys(key_start, keys.len());
        toks.push(Tok { kind, start, end, key, gap, value, digits, form });
        gap = false;
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (folded forms). Every word that a test run through [`Parser::find`] accepts is in
// a table here, so that [`Vocab`] knows them all.

/// Gregorian month names: (name, month, strong). A weak name is also a common word and needs
/// support (a day, a year, `شهر`, …) to count.
const GREGORIAN_MONTHS: &[(&str, u8, bool)] = &[
    ("يناير", 1, true),
    ("جانفي", 1, true),
    ("جانفيه", 1, true),
    ("january", 1, true),
    ("فبراير", 2, true),
    ("فبرائر", 2, true),
    ("فيفري", 2, true),
    ("فيفريه", 2, true),
    ("february", 2, true),
    ("شباط", 2, false), // also a surname
    ("اذار", 3, true),
    ("march", 3, false),
    ("مارس", 3, false), // also "he practised"
    ("ابريل", 4, true),
    ("افريل", 4, true),
    ("april", 4, true),
    ("نيسان", 4, false), // also a car maker
    ("مايو", 5, true),
    ("ايار", 5, true),
    ("ماي", 5, false),
    ("may", 5, false),
    ("يونيو", 6, true),
    ("يونيه", 6, true),
    ("حزيران", 6, true),
    ("june", 6, true),
    ("جوان", 6, false),
    ("يوليو", 7, true),
    ("يوليه", 7, true),
    ("يوليوز", 7, true),
    ("جويليه", 7, true),
    ("تموز", 7, true),
    ("july", 7, true),
    ("اغسطس", 8, true),
    ("اغشت", 8, true),
    ("اوت", 8, true),
    ("august", 8, true),
    ("اب", 8, false),  // also "father"
    ("غشت", 8, false), // also "she cheated"
    ("سبتمبر", 9, true),
    ("شتنبر", 9, true),
    ("شتمبر", 9, true),
    ("ايلول", 9, true),
    ("september", 9, true),
    ("اكتوبر", 10, true),
    ("october", 10, true),
    ("نوفمبر", 11, true),
    ("نونبر", 11, true),
    ("november", 11, true),
    ("ديسمبر", 12, true),
    ("دجنبر", 12, true),
    ("دجمبر", 12, true),
    ("december", 12, true),
    ("jan", 1, false),
    ("feb", 2, false),
    ("apr", 4, false),
    ("jun", 6, false),
    ("jul", 7, false),
    ("aug", 8, false),
    ("sep", 9, false),
    ("sept", 9, false),
    ("oct", 10, false),
    ("nov", 11, false),
    ("dec", 12, false),
];

/// One-word Hijri month names.
const HIJRI_MONTHS: &[(&str, u8)] =
    &[("محرم", 1), ("المحرم", 1), ("صفر", 2), ("رجب", 7), ("شعبان", 8), ("رمضان", 9), ("شوال", 10)];

/// The first words of two-word month names.
const TWO_WORD_MONTHS: &[&str] = &["كانون", "تشرين", "ربيع", "جمادي", "جماد", "ذو", "ذي", "ذا"];

/// Two-word month names: (month, hijri).
fn two_word_month(w1: &str, w2: &str) -> Option<(u8, bool)> {
    let first = matches!(w2, "الاول" | "اول");
    let second = matches!(w2, "الثاني" | "ثاني");
    Some(match w1 {
        "كانون" if second => (1, false),
        "كانون" if first => (12, false),
        "تشرين" if first => (10, false),
        "تشرين" if second => (11, false),
        "ربيع" if first => (3, true),
        "ربيع" if second || matches!(w2, "الاخر" | "اخر") => (4, true),
        "جمادي" | "جماد" if first || matches!(w2, "الاولي" | "اولي") => (5, true),
        "جمادي" | "جماد" if second || matches!(w2, "الاخره" | "الثانيه" | "الاخر" | "اخره" | "ثانيه" | "اخر") => {
            (6, true)
        }
        "ذو" | "ذي" | "ذا" if w2 == "القعده" => (11, true),
        "ذو" | "ذي" | "ذا" if w2 == "الحجه" => (12, true),
        _ => return None,
    })
}

/// Words that may begin a date expression besides month names, ordinals, modifiers and year
/// nouns.
const OTHER_STARTS: &[&str] =
    &["كانون", "تشرين", "جمادي", "جماد", "ذو", "ذي", "ذا", "من", "بين", "ما", "شهر", "ال", "from", "between"];

/// Words that make a part of a month or year: part of the mention, no change of precision.
const MODIFIERS: &[&str] = &[
    "منتصف",
    "اواخر",
    "اوائل",
    "اواسط",
    "مطلع",
    "بدايه",
    "نهايه",
    "مستهل",
    "ختام",
    // Maghrebi: موفى 2016, موفى سنة 2017, موفى مارس 2017 (the end of); صائفة 2017 (summer).
    "موفي",
    "صائفه",
    "صيف",
    "شتاء",
    "خريف",
    "ربيع",
    "early",
    "mid",
    "late",
];

/// Year nouns that may come before a year number (`عام 2019`); the plural and dual ones start
/// lists (`عامي 1995 و2005`).
const SINGULAR_YEAR_NOUNS: &[&str] = &["عام", "العام", "سنه", "السنه"];
const PLURAL_YEAR_NOUNS: &[&str] =
    &["عامي", "العامين", "سنتي", "السنتين", "اعوام", "الاعوام", "سنوات", "السنوات", "year"];

/// Words after which a 1900–2099 number is a year: time prepositions and event nouns (and the
/// modifiers).
const YEAR_CONTEXT: &[&str] = &[
    "في",
    "منذ",
    "حتي",
    "قبل",
    "بعد",
    "خلال",
    "بحلول",
    "عقب",
    "اثناء",
    "طوال",
    "ابان",
    "ابتداء",
    "اعتبارا",
    "انطلاقا",
    "انتخابات",
    "الانتخابات",
    "رئاسيات",
    "تشريعيات",
    "بلديات",
    "استفتاء",
    "دستور",
    "موازنه",
    "ميزانيه",
    "مونديال",
    "اولمبياد",
    "رؤيه",
    "خطه",
    "اجنده",
    "استراتيجيه",
    "موسم",
    "الموسم",
    // في أفق 2030 (by 2030), آفاق 2020, إلى غاية 2016.
    "افق",
    "افاق",
    "غايه",
    // من مواليد 1992 (born in), بعنوان 2017 (for), مقارنة ب2014 (compared with).
    "مواليد",
    "بعنوان",
    "مقارنه",
    "ثوره",
    "حرب",
    "احداث",
    "نكبه",
    "نكسه",
    "انتفاضه",
    "اتفاق",
    "اتفاقيه",
    "تعداد",
    "احصاء",
    "بطوله",
    "قمه",
    "مؤتمر",
    "معرض",
    "اكسبو",
    "تقرير",
    "in",
    "since",
    "until",
    "by",
    "during",
    "before",
    "after",
];

/// Parts of a year before `من` + year: `الربع الأول من 2023`, `النصف الثاني من 2022`.
fn is_period_of_year(w: &str) -> bool {
    lex(w).is_some_and(|l| l.modifier)
        || matches!(
            w,
            "الاول"
                | "الثاني"
                | "الثالث"
                | "الرابع"
                | "الاخير"
                | "الربع"
                | "النصف"
                | "الثلث"
                | "الفصل"
                | "الفتره"
                | "شهر"
        )
}

/// A part of a year that an ordinal numbers (`الربع الأول`, Maghrebi `الثلاثية الأولى`,
/// `السداسي الثاني`).
fn is_part_of_year(w: &str) -> bool {
    matches!(
        w,
        "الربع"
            | "الثلاثي"
            | "الثلاثيه"
            | "السداسي"
            | "السداسيه"
            | "النصف"
            | "الفصل"
            | "الشطر"
            | "الثلث"
    )
}

/// An ordinal adjective: `الأول`, `الأولى`, `الثانية` … `الأخير`.
fn is_ordinal_adjective(w: &str) -> bool {
    matches!(
        w,
        "الاول"
            | "الاولي"
            | "الثاني"
            | "الثانيه"
            | "الثالث"
            | "الثالثه"
            | "الرابع"
            | "الرابعه"
            | "الاخير"
            | "الاخيره"
    )
}

/// Words after which a weak month name (مارس, نيسان …) is read as a month.
const MONTH_CONTEXT: &[&str] = &["في", "منذ", "خلال", "حتي", "in", "since", "until", "during"];

/// Words after a month that place it relative to the time of writing.
fn is_relative_suffix(w: &str) -> bool {
    const SUFFIXES: &[&str] =
        &["الماضي", "المقبل", "القادم", "الحالي", "الجاري", "المنصرم", "الفائت", "المنقضي", "الفارط", "الاخير"];
    SUFFIXES.contains(&w)
}

/// A definite adjective after a year or season noun and before its year: `العام الماضي 2016`,
/// `السنة الدراسية 2018`, `الموسم الصيفي 2017`. Any definite word but a number word or a
/// month name (`العام الخامس`, `السنة الثالثة` are ordinals, still adjectives: the year
/// after them is the year named).
fn is_year_adjective(w: &str) -> bool {
    w.len() > "ال".len() + 2 && w.starts_with("ال") && lex(w).is_none_or(|l| l.gregorian.is_none() && l.hijri.is_none())
}

/// Nouns that a number counts: after them the number is a figure, not a year.
const COUNTED_NOUNS: &[&str] = &[
    "صوت",
    "اصوات",
    "شخص",
    "اشخاص",
    "مواطن",
    "ناخب",
    "مرشح",
    "مقعد",
    "مقاعد",
    "دولار",
    "يورو",
    "جنيه",
    "ريال",
    "دينار",
    "درهم",
    "ليره",
    "فرنك",
    "روبل",
    "يوان",
    "تنغي",
    "مليون",
    "مليار",
    "الف",
    "الاف",
    "طن",
    "اطنان",
    "كيلو",
    "كيلوغرام",
    "كغ",
    "غرام",
    "كيلومتر",
    "كلم",
    "كم",
    "متر",
    "ميل",
    "هكتار",
    "فدان",
    "دونم",
    "برميل",
    "ميغاواط",
    "ميجاوات",
    "لتر",
    "عام",
    "سنه",
    "سنوات",
    "يوم",
    "ايام",
    "ساعه",
    "دقيقه",
    "ثانيه",
    "شهر",
    "اشهر",
    "اسبوع",
    "قتيل",
    "قتلي",
    "جريح",
    "جرحي",
    "مصاب",
    "ضحيه",
    "حاله",
    "اصابه",
    "وفاه",
    "لاجئ",
    "نازح",
    "معتقل",
    "سجين",
    "اسير",
    "جندي",
    "عسكري",
    "مقاتل",
    "عنصر",
    "شرطي",
    "عامل",
    "موظف",
    "طالب",
    "تلميذ",
    "طفل",
    "امراه",
    "رجل",
    "اسره",
    "عائله",
    "منزل",
    "مسكن",
    "وحده",
    "شقه",
    "مكتب",
    "مركز",
    "مدرسه",
    "مستشفي",
    "قريه",
    "بلديه",
    "مشروع",
    "شركه",
    "مؤسسه",
    "سهم",
    "نسخه",
    "صفحه",
    "كلمه",
    "عضو",
    "مشارك",
    "زائر",
    "سائح",
    "حاج",
    "مهاجر",
    "نسمه",
    "فرد",
    "ساكن",
    "راس",
    "سياره",
    "طائره",
    "صاروخ",
    "قذيفه",
    "غاره",
    "دبابه",
    "مره",
    "نقطه",
    "درجه",
    "مراقب",
    "صحفي",
    "مراسل",
    "مندوب",
    "متطوع",
    "مسافر",
    "منصب",
    "وظيفه",
    "فرصه",
    "قطعه",
    "جهاز",
    "سلاح",
    "مقال",
    "كتاب",
    "طلب",
    "شكوي",
    "مخالفه",
    "جريمه",
    "حادث",
    "دعوي",
    "قضيه",
    "ملف",
    "موقع",
    "بئر",
    "سرير",
    "مسجد",
    "كنيسه",
    "بالمئه",
    "بالمائه",
    "votes",
    "people",
    "years",
    "dollars",
];

fn is_counted_noun(w: &str) -> bool {
    // A hash set: this runs after every year-sized number.
    static SET: OnceLock<HashSet<&str, FixedState>> = OnceLock::new();
    SET.get_or_init(|| COUNTED_NOUNS.iter().copied().collect()).contains(w)
}

/// Ordinal day words: (word, value, is a complete ordinal on its own).
const ORDINAL_UNITS: &[(&str, u8, bool)] = &[
    ("الاول", 1, true),
    ("الحادي", 1, false),
    ("الواحد", 1, false),
    ("الثاني", 2, true),
    ("الثالث", 3, true),
    ("الرابع", 4, true),
    ("الخامس", 5, true),
    ("السادس", 6, true),
    ("السابع", 7, true),
    ("الثامن", 8, true),
    ("التاسع", 9, true),
    ("العاشر", 10, true),
    ("العشرين", 20, true),
    ("الثلاثين", 30, true),
];

/// Proclitics stripped before matching a word: (prefix, letters), longest first.
const PROCLITICS: [(&str, usize); 10] =
    [("وب", 2), ("ول", 2), ("فب", 2), ("فل", 2), ("وك", 2), ("و", 1), ("ف", 1), ("ب", 1), ("ل", 1), ("ك", 1)];

/// `ل` + `ال` is written `لل`: `للعام` is `ل` + `العام`. (prefix, letters before the `ل` of
/// the article.)
const LAM_ARTICLE: [(&str, usize); 3] = [("ولل", 1), ("فلل", 1), ("لل", 0)];

/// The ways a word's key reads against the tables, in the order they are tried: as written,
/// then (an Arabic word) without each proclitic, then with `لل` read as `ل` + `ال`; each with the
/// letters of the proclitic (`None`: as written).
fn readings(w: &str, arabic: bool) -> Vec<(String, Option<usize>)> {
    let mut out = vec![(w.to_string(), None)];
    if arabic {
        for (prefix, letters) in PROCLITICS {
            if let Some(rest) = w.strip_prefix(prefix).filter(|rest| rest.chars().count() >= 2) {
                out.push((rest.to_string(), Some(letters)));
            }
        }
        for (prefix, letters) in LAM_ARTICLE {
            if let Some(rest) = w.strip_prefix(prefix) {
                out.push((format!("ال{rest}"), Some(letters)));
            }
        }
    }
    out
}

/// What a folded word is in the tables above.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Lex {
    gregorian: Option<(u8, bool)>,
    hijri: Option<u8>,
    ordinal: Option<(u8, bool)>,
    /// Begins a two-word month name.
    two_word: bool,
    /// In [`OTHER_STARTS`].
    other_start: bool,
    modifier: bool,
    /// Singular or plural.
    year_noun: bool,
    singular_year_noun: bool,
    year_context: bool,
    month_context: bool,
}

impl Lex {
    /// A date expression may begin with this word (a quick filter before parsing).
    fn starts(&self) -> bool {
        self.gregorian.is_some()
            || self.hijri.is_some()
            || self.ordinal.is_some()
            || self.modifier
            || self.year_noun
            || self.other_start
    }
}

/// The entry of a folded word in the tables above.
fn lex(w: &str) -> Option<&'static Lex> {
    Vocab::get().words.get(w)
}

/// A form of date words: a word as written, or with a proclitic (`وفي`, `بيناير`, `للعام`).
#[derive(Debug)]
struct Form {
    /// The table words it reads as, in the order of [`readings`].
    readings: Vec<(&'static str, Lex, Option<usize>)>,
    /// A date expression may start with it.
    starts: bool,
    /// It may read as a month name (or the first word of one).
    month: bool,
}

/// The vocabulary tables in hash maps: the tests above run on many words, and most of those
/// words are in no table.
struct Vocab {
    words: HashMap<&'static str, Lex, FixedState>,
    /// Every form of the words of `words`. A word of a text that is not here matches no
    /// table, which one lookup per word tells.
    forms: WordMap<Form>,
    /// The forms by [`super::numbers::key_hash`]: most words of a text are none, which their
    /// hash tells.
    hashes: HashFilter,
}

impl Vocab {
    fn get() -> &'static Vocab {
        static VOCAB: OnceLock<Vocab> = OnceLock::new();
        VOCAB.get_or_init(|| {
            let mut words: HashMap<&'static str, Lex, FixedState> = HashMap::default();
            let mut set = |list: &[&'static str], f: fn(&mut Lex)| {
                for w in list {
                    f(words.entry(w).or_default());
                }
            };
            set(TWO_WORD_MONTHS, |l| l.two_word = true);
            set(OTHER_STARTS, |l| l.other_start = true);
            set(MODIFIERS, |l| l.modifier = true);
            set(SINGULAR_YEAR_NOUNS, |l| (l.year_noun, l.singular_year_noun) = (true, true));
            set(PLURAL_YEAR_NOUNS, |l| l.year_noun = true);
            set(YEAR_CONTEXT, |l| l.year_context = true);
            set(MONTH_CONTEXT, |l| l.month_context = true);
            for &(w, m, strong) in GREGORIAN_MONTHS {
                words.entry(w).or_default().gregorian.get_or_insert((m, strong));
            }
            for &(w, m) in HIJRI_MONTHS {
                words.entry(w).or_default().hijri.get_or_insert(m);
            }
            for &(w, v, alone) in ORDINAL_UNITS {
                words.entry(w).or_default().ordinal.get_or_insert((v, alone));
            }
            let mut forms = Vec::new();
            for &w in words.keys() {
                let mut spellings = vec![w.to_string()];
                spellings.extend(PROCLITICS.iter().map(|(prefix, _)| format!("{prefix}{w}")));
                if let Some(rest) = w.strip_prefix("ال") {
                    spellings.extend(LAM_ARTICLE.iter().map(|(prefix, _)| format!("{prefix}{rest}")));
                }
                for form in spellings {
                    let readings: Vec<(&'static str, Lex, Option<usize>)> = readings(&form, true)
                        .into_iter()
                        .filter_map(|(base, clitic)| words.get_key_value(base.as_str()).map(|(&b, &l)| (b, l, clitic)))
                        .collect();
                    let starts = readings.iter().any(|(_, l, _)| l.starts());
                    let month =
                        readings.iter().any(|(_, l, _)| l.gregorian.is_some() || l.hijri.is_some() || l.two_word);
                    forms.push((form, Form { readings, starts, month }));
                }
            }
            let hashes = HashFilter::new(forms.iter().map(|(form, _)| form.as_str()));
            Vocab { words, forms: WordMap::first_wins(forms), hashes }
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic.

type Ymd = (i32, u32, u32);

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: Option<i32>, m: u8) -> u8 {
    match m {
        2 if y.is_none_or(is_leap) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Julian day number of a day of the tabular Islamic calendar (civil epoch, 16 July 622).
fn hijri_jdn(y: i32, m: u32, d: u32) -> i64 {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + 1_948_439
}

/// Gregorian date of a Julian day number.
fn jdn_to_gregorian(jdn: i64) -> Ymd {
    let a = jdn + 32044;
    let b = (4 * a + 3) / 146_097;
    let c = a - 146_097 * b / 4;
    let d = (4 * c + 3) / 1461;
    let e = c - 1461 * d / 4;
    let m = (5 * e + 2) / 153;
    let day = e - (153 * m + 2) / 5 + 1;
    let month = m + 3 - 12 * (m / 10);
    let year = 100 * b + d - 4800 + m / 10;
    (year as i32, month as u32, day as u32)
}

/// The Hijri year whose month `m` begins in Gregorian year `gy` (`رمضان 2024` → 1445).
fn hijri_year_for(gy: i32, m: u8) -> Option<i32> {
    let approx = (gy - 622) * 33 / 32;
    (approx - 2..=approx + 3).find(|&h| jdn_to_gregorian(hijri_jdn(h, u32::from(m), 1)).0 == gy)
}

fn fmt_ymd((y, m, d): Ymd) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

// ---------------------------------------------------------------------------------------------
// Parsed pieces.

/// A date expression: the fields the text gives, in its calendar.
#[derive(Clone, Copy, Debug)]
struct Elem {
    /// Byte offset where the mention starts.
    start: usize,
    /// Token index just past the expression.
    end: usize,
    y: Option<i32>,
    m: Option<u8>,
    d: Option<u8>,
    hijri: bool,
    /// Stands as a date on its own (otherwise only as part of a range or list).
    complete: bool,
}

impl Elem {
    fn level(&self) -> u8 {
        if self.d.is_some() {
            3
        } else if self.m.is_some() {
            2
        } else {
            1
        }
    }

    fn day_only(&self) -> bool {
        self.d.is_some() && self.m.is_none()
    }

    fn year_only(&self) -> bool {
        self.y.is_some() && self.m.is_none() && self.d.is_none()
    }

    /// Gregorian ISO value, if the fields make a valid date.
    fn gregorian_value(&self) -> Option<String> {
        match (self.y, self.m, self.d) {
            (Some(y), None, None) => Some(format!("{y:04}")),
            (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
            (Some(y), Some(m), Some(d)) if d <= days_in_month(Some(y), m) => Some(format!("{y:04}-{m:02}-{d:02}")),
            (None, Some(m), None) => Some(format!("--{m:02}")),
            (None, Some(m), Some(d)) if d <= days_in_month(None, m) => Some(format!("--{m:02}-{d:02}")),
            _ => None,
        }
    }

    /// First and last Gregorian day of a Hijri date.
    fn hijri_bounds(&self) -> Option<(Ymd, Ymd)> {
        let y = self.y.filter(|y| (1..=1700).contains(y))?;
        let (first, next) = match (self.m, self.d) {
            (Some(m), Some(d)) if d <= 30 => {
                let j = hijri_jdn(y, m.into(), d.into());
                (j, j + 1)
            }
            (Some(12), None) => (hijri_jdn(y, 12, 1), hijri_jdn(y + 1, 1, 1)),
            (Some(m), None) => (hijri_jdn(y, m.into(), 1), hijri_jdn(y, u32::from(m) + 1, 1)),
            (None, None) => (hijri_jdn(y, 1, 1), hijri_jdn(y + 1, 1, 1)),
            _ => return None,
        };
        Some((jdn_to_gregorian(first), jdn_to_gregorian(next - 1)))
    }

    /// Value and `until` of this date on its own.
    fn render(&self) -> Option<(String, Option<String>)> {
        if self.hijri {
            let (a, b) = self.hijri_bounds()?;
            Some((fmt_ymd(a), (a != b).then(|| fmt_ymd(b))))
        } else {
            Some((self.gregorian_value()?, None))
        }
    }
}

/// Value and `until` of the range from `a` to `b`.
fn render_range(a: &Elem, b: &Elem) -> Option<(String, Option<String>)> {
    if a.hijri {
        let (first, _) = a.hijri_bounds()?;
        let (_, last) = b.hijri_bounds()?;
        (first < last).then(|| (fmt_ymd(first), Some(fmt_ymd(last))))
    } else {
        Some((a.gregorian_value()?, Some(b.gregorian_value()?)))
    }
}

/// Fills what the first of two dates lacks from the second (`13` … `15 سبتمبر 2022`), and a
/// missing year of the second from the first. False when they cannot be paired.
fn complete_pair(a: &mut Elem, b: &mut Elem) -> bool {
    if a.hijri != b.hijri {
        if a.y.is_none() && a.m.is_none() {
            a.hijri = b.hijri;
        } else {
            return false;
        }
    }
    if a.day_only() {
        if b.m.is_none() || b.d.is_none() {
            return false;
        }
        a.m = b.m;
    }
    if a.m.is_some() && b.m.is_none() {
        return false;
    }
    match (a.y, b.y) {
        (None, Some(y)) => a.y = Some(if a.m > b.m { y - 1 } else { y }),
        (Some(y), None) => {
            if b.m.is_none() {
                return false;
            }
            b.y = Some(if b.m < a.m { y + 1 } else { y });
        }
        _ => {}
    }
    true
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    None,
    Gregorian,
    Hijri,
    BeforeChrist,
}

/// A year number read after a month or a year noun.
#[derive(Clone, Copy, Debug)]
struct YearTok {
    value: i32,
    end: usize,
    marker: Marker,
    noun: bool,
}

#[derive(Clone, Copy, Debug)]
struct Month {
    m: u8,
    hijri: bool,
    latin: bool,
    /// Strong name, or `شهر`, or a paired name: counts on its own.
    anchored: bool,
    start: usize,
    end: usize,
}

#[derive(Clone, Copy, Debug)]
struct Day {
    d: u8,
    ordinal: bool,
    start: usize,
    end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Connector {
    To,
    And,
    Slash,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opener {
    None,
    From,
    Between,
}

// ---------------------------------------------------------------------------------------------
// The parser.

struct Parser<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// The keys of numbers and Latin words.
    keys: String,
    /// The keys of the Arabic words that fold (see [`Key::Folded`]).
    folded: Vec<OnceCell<String>>,
    /// The tokens a date can start at, in order: numbers, and words that begin some date
    /// expression ([`Form::starts`]).
    starts: Vec<usize>,
    /// The numbers and the words that may read as a month name ([`Form::month`]), in order:
    /// every date holds one, at most [`ANCHOR_REACH`] tokens after its first.
    anchors: Vec<usize>,
    /// [`ANCHOR_REACH`] (larger in a test that no date is missed).
    reach: usize,
}

/// How far a date's first anchor may be from its first token: `ما بين أواخر الحادي و الثلاثين
/// من شهر يناير` has 8 tokens before the month (day, month, year noun and year all have a
/// number or a month name; a date read alone is one of them, and a range or list starts
/// with one).
const ANCHOR_REACH: usize = 10;

impl Parser<'_> {
    fn run(&self) -> Vec<DateMention> {
        let mut out = Vec::new();
        // The tokens a date can start at, each after the last date found.
        let mut next = 0;
        // The first anchor at or after the current token.
        let mut anchor = 0;
        for &i in &self.starts {
            if i < next {
                continue;
            }
            // Most starts are common words (`من`, `ما`, `ال`) with no number or month near:
            // no date begins there.
            while self.anchors.get(anchor).is_some_and(|&a| a < i) {
                anchor += 1;
            }
            if self.anchors.get(anchor).is_none_or(|&a| a > i.saturating_add(self.reach)) {
                continue;
            }
            let mut best: Option<(usize, Vec<DateMention>)> = None;
            // The date expression at `i`, which a range and a single date both begin with.
            let here = self.elem(i);
            for found in [self.numeric(i), self.range(i, here), self.single(here)].into_iter().flatten() {
                if best.as_ref().is_none_or(|(end, _)| found.0 > *end) {
                    best = Some(found);
                }
            }
            if let Some((end, mentions)) = best {
                out.extend(mentions);
                next = end;
            }
        }
        out
    }

    // --- token access ---

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn key(&self, t: &Tok) -> &str {
        match t.key {
            Key::Text => &self.text[t.start..t.end],
            Key::Keys(start, end) => &self.keys[start..end],
            Key::Folded(k) => self.folded[k].get_or_init(|| fold_word(&self.text[t.start..t.end])),
        }
    }

    /// The folded key of a word token (Arabic or Latin).
    fn word(&self, i: usize) -> Option<&str> {
        self.tok(i).filter(|t| matches!(t.kind, Kind::Word | Kind::Latin)).map(|t| self.key(t))
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    fn num(&self, i: usize) -> Option<&Tok> {
        self.tok(i).filter(|t| t.kind == Kind::Num)
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.tok(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// Token `i` exists and follows the previous one without whitespace.
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.gap)
    }

    fn end_byte(&self, end_tok: usize) -> usize {
        self.toks[end_tok - 1].end
    }

    /// Matches word `i` with `f`, as written or without a proclitic; gives the result and the
    /// byte offset where the matched word starts (after the clitic).
    fn find<T>(&self, i: usize, f: impl Fn(&str, &Lex) -> Option<T>) -> Option<(T, usize)> {
        let t = self.tok(i)?;
        let w = self.word(i)?;
        let arabic = t.kind == Kind::Word;
        // Every test passed as `f` accepts table words only, which the form lists.
        let Some(form) = t.form else {
            debug_assert!(readings(w, arabic).iter().all(|(r, _)| lex(r).is_none()), "{w}: not in the vocabulary");
            return None;
        };
        form.readings.iter().filter(|(.., clitic)| arabic || clitic.is_none()).find_map(|&(base, ref lex, clitic)| {
            let x = f(base, lex)?;
            Some((x, clitic.map_or(t.start, |letters| self.after_letters(t, letters))))
        })
    }

    fn find_word(&self, i: usize, pred: impl Fn(&str, &Lex) -> bool) -> Option<usize> {
        self.find(i, |w, l| pred(w, l).then_some(())).map(|((), start)| start)
    }

    /// The table entry of word `i` as written, if it is a table word.
    fn lex_at(&self, i: usize) -> Option<&Lex> {
        match self.tok(i)?.form?.readings.first()? {
            (_, lex, None) => Some(lex),
            _ => None,
        }
    }

    /// Byte offset in token `t` after its first `n` letters (and the marks that follow them).
    fn after_letters(&self, t: &Tok, n: usize) -> usize {
        let mut seen = 0;
        for (k, c) in self.text[t.start..t.end].char_indices() {
            if is_letter(c) {
                if seen == n {
                    return t.start + k;
                }
                seen += 1;
            }
        }
        t.end
    }

    /// A number that continues a bigger one: `40.000`, `82,2`, `942،4`, TAP's `1ر1240` (1240.1).
    fn joined(&self, i: usize) -> bool {
        let sep = |k: usize| {
            matches!(self.punct(k), Some('.' | ',' | '٫' | '٬' | '،'))
                || self.tok(k).is_some_and(|t| t.kind == Kind::Word && &self.text[t.start..t.end] == "ر")
        };
        (i >= 2 && self.glued(i) && sep(i - 1) && self.glued(i - 1) && self.num(i - 2).is_some())
            || (self.glued(i + 1) && sep(i + 1) && self.glued(i + 2) && self.num(i + 2).is_some())
    }

    /// A number glued to `c` and another number on either side (`20/11`, `10:30`).
    fn glued_to(&self, i: usize, chars: &[char]) -> bool {
        let is = |c: Option<char>| c.is_some_and(|c| chars.contains(&c));
        (i >= 2 && self.glued(i) && is(self.punct(i - 1)) && self.glued(i - 1) && self.num(i - 2).is_some())
            || (self.glued(i + 1) && is(self.punct(i + 1)) && self.glued(i + 2) && self.num(i + 2).is_some())
    }

    fn percent_after(&self, i: usize) -> bool {
        self.glued(i + 1) && matches!(self.punct(i + 1), Some('%' | '٪'))
    }

    /// A year-sized number at `i`: digits in `digits`, not part of a bigger number, a time or a
    /// percentage.
    fn year_num(&self, i: usize, digits: RangeInclusive<usize>) -> Option<i32> {
        let t = self.num(i)?;
        (digits.contains(&t.digits) && !self.joined(i) && !self.percent_after(i) && !self.glued_to(i, &[':']))
            .then_some(t.value as i32)
    }

    /// What follows token `i - 1` counts it: a counted noun, `%`, `في المئة`.
    fn counted_after(&self, i: usize) -> bool {
        if matches!(self.punct(i), Some('%' | '٪')) {
            return true;
        }
        let Some(w) = self.word(i) else { return false };
        // The accusative alif of `صوتا`, `طنا`; not `كما` ("as"), which is no `كم` (km).
        is_counted_noun(w)
            || w.strip_suffix('ا')
                .is_some_and(|stem| (stem.chars().count() > 2 || stem == "طن") && is_counted_noun(stem))
            || (w == "في" && self.is(i + 1, &["المئه", "المائه"]))
    }

    /// A calendar marker at `i`: `م`, `ميلادي`, `هـ`, `هجري`, `ق.م` …; and the token after it.
    fn marker(&self, i: usize) -> (Marker, usize) {
        match self.word(i) {
            // Not `م د` / `م.د` (million dinars).
            Some("م") if self.is(i + 1, &["د"]) || (self.punct(i + 1) == Some('.') && self.is(i + 2, &["د"])) => {
                (Marker::None, i)
            }
            Some("م" | "ميلادي" | "ميلاديه" | "ميلاديا" | "للميلاد") => {
                (Marker::Gregorian, i + 1)
            }
            Some("ه" | "هجري" | "هجريه" | "هجريا" | "للهجره") => (Marker::Hijri, i + 1),
            Some("ق") if self.punct(i + 1) == Some('.') && self.is(i + 2, &["م"]) => (Marker::BeforeChrist, i + 3),
            Some("قبل") if self.is(i + 1, &["الميلاد"]) => (Marker::BeforeChrist, i + 2),
            Some("بعد") if self.is(i + 1, &["الميلاد"]) => (Marker::Gregorian, i + 2),
            Some("bc" | "bce") => (Marker::BeforeChrist, i + 1),
            _ => (Marker::None, i),
        }
    }

    // --- pieces ---

    /// An ordinal day word at `i`: value and the token after it.
    fn ordinal(&self, i: usize) -> Option<(u8, usize)> {
        let (unit, alone) = self.lex_at(i)?.ordinal?;
        if unit < 10 {
            if self.is(i + 1, &["عشر"]) {
                return Some((unit + 10, i + 2));
            }
            let tens = |w: &str| match w {
                "العشرين" => Some(20),
                "الثلاثين" if unit == 1 => Some(30),
                _ => None,
            };
            if let Some(t) = self.word(i + 1).and_then(|w| w.strip_prefix('و')).and_then(tens) {
                return Some((unit + t, i + 2));
            }
            if self.is(i + 1, &["و"]) {
                if let Some(t) = self.word(i + 2).and_then(tens) {
                    return Some((unit + t, i + 3));
                }
            }
        }
        alone.then_some((unit, i + 1))
    }

    /// A day at `i`: a number 1–31 (`الـ16` too) or an ordinal word.
    fn day(&self, i: usize) -> Option<Day> {
        let start = self.tok(i)?.start;
        let k = if self.is(i, &["ال"]) && self.num(i + 1).is_some() { i + 1 } else { i };
        if let Some(t) = self.num(k) {
            let ok = t.digits <= 2
                && (1..=31).contains(&t.value)
                && !self.joined(k)
                && !self.percent_after(k)
                && !self.glued_to(k, &['/', ':']);
            return ok.then_some(Day { d: t.value as u8, ordinal: false, start, end: k + 1 });
        }
        let (d, end) = self.ordinal(i)?;
        Some(Day { d, ordinal: true, start, end })
    }

    /// A month name at `i` (one or two words), with a proclitic when `clitic`.
    fn month_name(&self, i: usize, clitic: bool) -> Option<Month> {
        let t = self.tok(i)?;
        let latin = t.kind == Kind::Latin;
        let name = |w: &str, l: &Lex| -> Option<(u8, bool, bool, usize)> {
            if let Some((m, strong)) = l.gregorian {
                return Some((m, false, strong, 1));
            }
            if let Some(m) = l.hijri {
                return Some((m, true, true, 1));
            }
            if !l.two_word {
                return None;
            }
            let (m, hijri) = two_word_month(w, self.word(i + 1)?)?;
            Some((m, hijri, true, 2))
        };
        let ((m, hijri, strong, words), start) =
            if clitic { self.find(i, name)? } else { (name(self.word(i)?, self.lex_at(i)?)?, t.start) };
        Some(Month { m, hijri, latin, anchored: strong, start, end: i + words })
    }

    /// A month at `i`: `شهر` + name, or a name; with a paired name (`أيار/مايو`, `أيار (مايو)`).
    fn month(&self, i: usize, clitic: bool) -> Option<Month> {
        let mut mo = match self.find_word(i, |w, _| w == "شهر") {
            Some(start) => {
                let mut mo = self.month_name(i + 1, false)?;
                mo.start = if clitic { start } else { self.tok(i)?.start };
                mo.anchored = true;
                mo
            }
            None if clitic => self.month_name(i, true)?,
            None => self.month_name(i, false)?,
        };
        let e = mo.end;
        let same = |o: &Month| o.m == mo.m && !o.hijri && !mo.hijri;
        match self.punct(e) {
            Some('/') => {
                if let Some(o) = self.month_name(e + 1, false).filter(same) {
                    mo.end = o.end;
                    mo.anchored = true;
                }
            }
            Some('(') => {
                if let Some(o) = self.month_name(e + 1, false).filter(same) {
                    if self.punct(o.end) == Some(')') {
                        mo.end = o.end + 1;
                        mo.anchored = true;
                    }
                }
            }
            _ => {}
        }
        Some(mo)
    }

    /// A year after a month, starting at `i`: `2019`, `عام 2019`, `من العام 2019`, `، 2015`,
    /// `(2021)`, with its marker.
    /// `dated`: a day and a month come before it (`16 مارس 2017`), which makes a four-digit
    /// number after them a year whatever noun follows (`اليوم 16 مارس 2017 منصب`): only a
    /// percent sign still makes it a figure.
    fn year_after(&self, i: usize, dated: bool) -> Option<YearTok> {
        if self.punct(i) == Some('(') {
            if let Some(value) = self.year_num(i + 1, 4..=4) {
                if self.punct(i + 2) == Some(')') {
                    return Some(YearTok { value, end: i + 3, marker: Marker::None, noun: false });
                }
            }
        }
        let mut j = i;
        let mut noun = false;
        if matches!(self.punct(j), Some('،' | ',')) {
            j += 1;
        } else if self.is(j, &["من"]) && self.lex_at(j + 1).is_some_and(|l| l.singular_year_noun) {
            j += 2;
            noun = true;
        } else if self.lex_at(j).is_some_and(|l| l.singular_year_noun) {
            j += 1;
            noun = true;
        }
        let value = self.year_num(j, if noun { 3..=4 } else { 4..=4 })?;
        let (marker, end) = self.marker(j + 1);
        let counted = if dated { matches!(self.punct(j + 1), Some('%' | '٪')) } else { self.counted_after(j + 1) };
        if marker == Marker::None && counted {
            return None;
        }
        Some(YearTok { value, end, marker, noun })
    }

    /// The year of a month `m` from a year number, in the month's calendar.
    fn resolve_year(y: &YearTok, hijri: bool, m: u8) -> Option<i32> {
        let v = y.value;
        match (hijri, y.marker) {
            (_, Marker::BeforeChrist) | (false, Marker::Hijri) => None,
            (false, _) => (if y.noun { 100..=2199 } else { 1000..=2199 }).contains(&v).then_some(v),
            (true, Marker::Hijri) => (1..=1700).contains(&v).then_some(v),
            (true, Marker::Gregorian) => hijri_year_for(v, m),
            (true, Marker::None) if (1300..=1600).contains(&v) => Some(v),
            (true, Marker::None) if (1800..=2199).contains(&v) => hijri_year_for(v, m),
            (true, Marker::None) => None,
        }
    }

    /// Adds the year after a month (or a relative word, `الماضي`) to `e`.
    fn attach_year(&self, e: &mut Elem) {
        let m = e.m.unwrap_or(1);
        if let Some(y) = self.year_after(e.end, e.d.is_some()) {
            if let Some(v) = Self::resolve_year(&y, e.hijri, m) {
                e.y = Some(v);
                e.end = y.end;
                e.complete = true;
            }
        }
        if e.y.is_none() && self.word(e.end).is_some_and(is_relative_suffix) {
            e.end += 1;
            e.complete = true;
            // يناير الجاري (2021)
            if let Some(y) = self.year_after(e.end, e.d.is_some()).filter(|_| self.punct(e.end) == Some('(')) {
                if let Some(v) = Self::resolve_year(&y, e.hijri, m) {
                    e.y = Some(v);
                    e.end = y.end;
                }
            }
        }
        if e.hijri && e.y.is_none() {
            e.complete = false;
        }
    }

    /// A date expression at `i`, with a leading modifier (`أواخر`, `مطلع` …) if any.
    fn elem(&self, i: usize) -> Option<Elem> {
        if let Some(start) = self.find_word(i, |_, l| l.modifier) {
            if let Some(mut e) = self.elem_at(i + 1, true).filter(|e| e.complete) {
                e.start = start;
                return Some(e);
            }
        }
        self.elem_at(i, false)
    }

    fn elem_at(&self, i: usize, modified: bool) -> Option<Elem> {
        let t = self.tok(i)?;
        // Every reading below starts with a number or a date word (ال, an ordinal, a month…).
        if !(t.kind == Kind::Num || t.form.is_some()) {
            return None;
        }
        let blank = Elem { start: t.start, end: i, y: None, m: None, d: None, hijri: false, complete: false };
        // A day, then a month: 16 أكتوبر، العاشر من يناير، الـ16 من شهر أكتوبر.
        if let Some(day) = self.day(i) {
            let has_min = self.is(day.end, &["من"]);
            let month = if day.ordinal && !has_min { None } else { self.month(day.end + usize::from(has_min), false) };
            if let Some(mo) = month {
                if day.d > if mo.hijri { 30 } else { days_in_month(None, mo.m) } {
                    return None;
                }
                let mut e = Elem {
                    start: day.start,
                    end: mo.end,
                    m: Some(mo.m),
                    d: Some(day.d),
                    hijri: mo.hijri,
                    complete: true,
                    ..blank
                };
                self.attach_year(&mut e);
                return Some(e);
            }
            if day.ordinal || modified {
                return None;
            }
            return Some(Elem { start: day.start, end: day.end, d: Some(day.d), ..blank });
        }
        // A month: يناير 2020، شهر مارس، أيار/مايو 2019، March 16, 2019.
        if let Some(mo) = self.month(i, true) {
            let mut e = Elem {
                start: mo.start,
                end: mo.end,
                m: Some(mo.m),
                hijri: mo.hijri,
                complete: mo.anchored || modified,
                ..blank
            };
            if mo.latin {
                if let Some(t) = self.num(mo.end).filter(|t| t.digits <= 2 && (1..=31).contains(&t.value)) {
                    if !self.joined(mo.end) && t.value <= u32::from(days_in_month(None, mo.m)) {
                        e.d = Some(t.value as u8);
                        e.end = mo.end + 1;
                        e.complete = true;
                    }
                }
            }
            self.attach_year(&mut e);
            if !e.complete && !e.hijri && mo.start == self.toks[i].start && i > 0 && self.is_month_context(i - 1) {
                e.complete = true;
            }
            return Some(e);
        }
        // A year noun and a year: عام 2019، العام 1445 هـ، لعام 2022.
        if let Some(start) = self.find_word(i, |_, l| l.year_noun) {
            // العام الماضي 2016، السنة الدراسية 2018: a definite year noun, an adjective, a year.
            if self.num(i + 1).is_none() && self.find_word(i, |w, _| w == "العام" || w == "السنه").is_some() {
                let adjective = self.word(i + 1).is_some_and(is_year_adjective);
                let value = self.year_num(i + 2, 4..=4).filter(|v| adjective && (1900..=2099).contains(v))?;
                return (!self.counted_after(i + 3)).then_some(Elem {
                    start,
                    end: i + 3,
                    y: Some(value),
                    complete: true,
                    ..blank
                });
            }
            // (`عام 65 هجرية`: a short year with its calendar marker.)
            let value = self
                .year_num(i + 1, 3..=4)
                .or_else(|| self.year_num(i + 1, 1..=2).filter(|_| self.marker(i + 2).0 == Marker::Hijri))?;
            let (marker, end) = self.marker(i + 2);
            let ok = match marker {
                Marker::BeforeChrist => false,
                Marker::Hijri => (1..=1700).contains(&value),
                Marker::Gregorian => (100..=2199).contains(&value),
                Marker::None => (100..=2199).contains(&value) && !self.counted_after(i + 2),
            };
            return ok.then_some(Elem {
                start,
                end,
                y: Some(value),
                hijri: marker == Marker::Hijri,
                complete: true,
                ..blank
            });
        }
        // A year alone: 2019م، 1445هـ، في 2019، (1975); or, for ranges and lists, 2003.
        let value = self.year_num(i, 4..=4)?;
        let (marker, end) = self.marker(i + 1);
        let (ok, complete) = match marker {
            Marker::BeforeChrist => (false, false),
            Marker::Hijri => ((1000..=1700).contains(&value), true),
            Marker::Gregorian => ((1000..=2199).contains(&value), true),
            Marker::None => (
                (1900..=2099).contains(&value) && !self.counted_after(i + 1),
                modified
                    || (i > 0 && self.find_word(i - 1, |_, l| l.modifier || l.year_context).is_some())
                    // مقارنة ب2014: a context word, then ب.
                    || (i > 1 && self.is(i - 1, &["ب"]) && self.find_word(i - 2, |_, l| l.year_context).is_some())
                    // الثلاثية الأولى 2017، الربع الأول 2023: a part of a year, an ordinal.
                    || (i > 1 && self.word(i - 1).is_some_and(is_ordinal_adjective) && self.word(i - 2).is_some_and(is_part_of_year))
                    // الموسم الصيفي 2017، موسم الحصاد 2016: a season noun and one word.
                    || (i > 1
                        && self.word(i - 1).is_some_and(|w| w.starts_with("ال"))
                        && self.find_word(i - 2, |w, _| w == "الموسم" || w == "موسم").is_some())
                    // الربع الأول من 2023، الأشهر الثلاثة الأخيرة من 2016، اعتبارا من 2019.
                    || (i > 1
                        && self.is(i - 1, &["من"])
                        && (self.word(i - 2).is_some_and(|w| is_period_of_year(w) || is_ordinal_adjective(w))
                            || self.find_word(i - 2, |_, l| l.year_context).is_some()))
                    || (self.punct(i.wrapping_sub(1)) == Some('(') && self.punct(i + 1) == Some(')')),
            ),
        };
        ok.then_some(Elem { end, y: Some(value), hijri: marker == Marker::Hijri, complete, ..blank })
    }

    fn is_month_context(&self, i: usize) -> bool {
        self.find_word(i, |_, l| l.month_context).is_some()
    }

    // --- candidates at a token ---

    /// A complete date expression at `i`, given as `here` ([`Self::elem`] at `i`).
    fn single(&self, here: Option<Elem>) -> Option<(usize, Vec<DateMention>)> {
        let e = here.filter(|e| e.complete)?;
        let (value, until) = e.render()?;
        Some((e.end, vec![self.mention(e.start, e.end, value, until)]))
    }

    /// A numeric date at `i`: `20/11/2023`, `2023-11-20`, `20.11.2023`, `14-09-1432 هـ`.
    fn numeric(&self, i: usize) -> Option<(usize, Vec<DateMention>)> {
        let a = self.num(i)?;
        let sep = self.punct(i + 1).filter(|c| matches!(c, '/' | '-' | '.'))?;
        let b = self.num(i + 2)?;
        let c = self.num(i + 4)?;
        if self.punct(i + 3) != Some(sep) || !(1..=4).all(|k| self.glued(i + k)) {
            return None;
        }
        let chained = |k: usize| self.glued(k) && matches!(self.punct(k), Some('/' | '-' | '.' | ','));
        if (i >= 2 && self.glued(i) && chained(i - 1) && self.num(i - 2).is_some())
            || (chained(i + 5) && self.glued(i + 6) && self.num(i + 6).is_some())
        {
            return None;
        }
        let (y, m, d) = if a.digits == 4 && b.digits <= 2 && c.digits <= 2 {
            (a.value, b.value, c.value)
        } else if c.digits == 4 && a.digits <= 2 && b.digits <= 2 {
            (c.value, b.value, a.value)
        } else {
            return None;
        };
        let (marker, end) = self.marker(i + 5);
        let hijri = marker == Marker::Hijri;
        let years = match marker {
            Marker::Hijri => 1..=1700,
            Marker::Gregorian => 1000..=2199,
            // Without a marker a year of 1300–1599 could be Hijri: not guessed.
            _ => 1600..=2199,
        };
        if marker == Marker::BeforeChrist
            || !years.contains(&(y as i32))
            || !(1..=12).contains(&m)
            || !(1..=31).contains(&d)
        {
            return None;
        }
        let e =
            Elem { start: a.start, end, y: Some(y as i32), m: Some(m as u8), d: Some(d as u8), hijri, complete: true };
        let (value, until) = e.render()?;
        Some((end, vec![self.mention(e.start, end, value, until)]))
    }

    /// A connector between two dates at `i`, and where the second date starts.
    fn connector(&self, i: usize) -> Option<(Connector, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Punct('-' | '–' | '—' | '‐' | '−') => Some((Connector::To, i + 1)),
            Kind::Punct('/') => Some((Connector::Slash, i + 1)),
            Kind::Word | Kind::Latin => {
                let w = self.key(t);
                match w {
                    "الي" | "حتي" | "لغايه" | "وحتي" | "والي" | "ولغايه" | "to" | "until" | "till" | "through" => {
                        Some((Connector::To, i + 1))
                    }
                    "و" | "and" => Some((Connector::And, i + 1)),
                    // The و is a clitic of the next date: ومارس.
                    _ if t.kind == Kind::Word && w.starts_with('و') => Some((Connector::And, i)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A range (`من 13 إلى 15 سبتمبر`, `2003-2007`, `بين عامي 2011 و2013`) or a list of two
    /// dates (`عامي 1995 و2005`) starting at `i`.
    /// `here` is [`Self::elem`] at `i`.
    fn range(&self, i: usize, here: Option<Elem>) -> Option<(usize, Vec<DateMention>)> {
        let (opener, a_at, opener_start) = if let Some(s) = self.find_word(i, |w, _| w == "من" || w == "from") {
            (Opener::From, i + 1, s)
        } else if let Some(s) = self.find_word(i, |w, _| w == "بين" || w == "between") {
            (Opener::Between, i + 1, s)
        } else if self.is(i, &["ما"]) && self.is(i + 1, &["بين"]) {
            (Opener::Between, i + 2, self.toks[i].start)
        } else {
            (Opener::None, i, 0)
        };
        let mut a = if opener == Opener::None { here? } else { self.elem(a_at)? };
        let (conn, b_at) = self.connector(a.end)?;
        if conn == Connector::And && opener == Opener::None {
            return self.list(a);
        }
        let mut b = self.elem(b_at)?;
        if !(b.complete || (b.year_only() && a.year_only())) {
            return None;
        }
        match conn {
            Connector::To => {}
            Connector::Slash => {
                // The season 2019/2020, or months: `الفترة أكتوبر/ديسمبر 2015`.
                let season = a.year_only() && b.year_only() && b.y == a.y.map(|y| y + 1);
                let months = a.m.is_some() && b.m.is_some() && a.d.is_none() && b.d.is_none() && a.y.is_none();
                if !(season || months) || a.hijri || b.hijri {
                    return None;
                }
            }
            Connector::And => {
                if opener != Opener::Between {
                    return None;
                }
            }
        }
        if !complete_pair(&mut a, &mut b) {
            return None;
        }
        let key = |e: &Elem| (e.y.unwrap_or(0), e.m.unwrap_or(0), e.d.unwrap_or(0));
        if key(&a) >= key(&b) {
            return None;
        }
        let (value, until) = render_range(&a, &b)?;
        let start = if opener == Opener::None { a.start } else { opener_start };
        Some((b.end, vec![self.mention(start, b.end, value, until)]))
    }

    /// A list of dates joined by و (`عامي 1995 و2005`, `5 و12 و19 مارس`): one mention each,
    /// the earlier ones completed from the last. The longest list that reads as one wins.
    fn list(&self, first: Elem) -> Option<(usize, Vec<DateMention>)> {
        let mut items = vec![first];
        while items.len() < 16 {
            let last = items[items.len() - 1];
            let Some((Connector::And, k)) = self.connector(last.end) else { break };
            let Some(next) = self.elem(k) else { break };
            items.push(next);
        }
        while items.len() >= 2 {
            if let Some(found) = self.read_list(&items) {
                return Some(found);
            }
            items.pop();
        }
        None
    }

    fn read_list(&self, items: &[Elem]) -> Option<(usize, Vec<DateMention>)> {
        let mut last = *items.last()?;
        let years = items.iter().all(Elem::year_only);
        if !(last.complete || (years && items.iter().any(|e| e.complete))) {
            return None;
        }
        if !items.iter().all(|e| e.level() == last.level() || (e.day_only() && last.d.is_some())) {
            return None;
        }
        let mut head = items[0];
        if !complete_pair(&mut head, &mut last) {
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        for e in &items[..items.len() - 1] {
            let (mut e, mut l) = (*e, last);
            if !complete_pair(&mut e, &mut l) {
                return None;
            }
            let (value, until) = e.render()?;
            out.push(self.mention(e.start, e.end, value, until));
        }
        let (value, until) = last.render()?;
        out.push(self.mention(last.start, last.end, value, until));
        Some((last.end, out))
    }

    fn mention(&self, start: usize, end_tok: usize, value: String, until: Option<String>) -> DateMention {
        let end = self.end_byte(end_tok);
        DateMention { start, end, text: self.text[start..end].to_string(), value, until }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, value, until) of every mention.
    fn found(s: &str) -> Vec<(String, String, Option<String>)> {
        extract_dates(s).into_iter().map(|d| (d.text, d.value, d.until)).collect()
    }

    /// (text, value) of the single mention in `s`.
    fn one(s: &str) -> (String, String) {
        let f = found(s);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        assert_eq!(f[0].2, None, "{s}: {f:?}");
        (f[0].0.clone(), f[0].1.clone())
    }

    fn check(s: &str, text: &str, value: &str) {
        assert_eq!(one(s), (text.to_string(), value.to_string()), "{s}");
    }

    fn range(s: &str, text: &str, value: &str, until: &str) {
        let f = found(s);
        assert_eq!(f, [(text.to_string(), value.to_string(), Some(until.to_string()))], "{s}");
    }

    fn none(s: &str) {
        assert_eq!(found(s), [], "{s}");
    }

    #[test]
    fn egyptian_gulf_months() {
        let names = [
            ("يناير", 1),
            ("فبراير", 2),
            ("مارس", 3),
            ("أبريل", 4),
            ("إبريل", 4),
            ("ابريل", 4),
            ("مايو", 5),
            ("يونيو", 6),
            ("يونية", 6),
            ("يوليو", 7),
            ("يولية", 7),
            ("أغسطس", 8),
            ("اغسطس", 8),
            ("سبتمبر", 9),
            ("أكتوبر", 10),
            ("نوفمبر", 11),
            ("ديسمبر", 12),
        ];
        for (name, m) in names {
            check(&format!("جرى ذلك في 5 {name} 2020."), &format!("5 {name} 2020"), &format!("2020-{m:02}-05"));
        }
    }

    #[test]
    fn levantine_iraqi_months() {
        let names = [
            ("كانون الثاني", 1),
            ("شباط", 2),
            ("آذار", 3),
            ("نيسان", 4),
            ("أيار", 5),
            ("حزيران", 6),
            ("تموز", 7),
            ("آب", 8),
            ("أيلول", 9),
            ("تشرين الأول", 10),
            ("تشرين الثاني", 11),
            ("كانون الأول", 12),
            ("تشرين أول", 10),
        ];
        for (name, m) in names {
            check(&format!("وقع في 9 {name} 2019 وما بعده"), &format!("9 {name} 2019"), &format!("2019-{m:02}-09"));
            check(&format!("بدأ {name} 2019 بهدوء"), &format!("{name} 2019"), &format!("2019-{m:02}"));
        }
    }

    #[test]
    fn maghrebi_months() {
        let names = [
            ("جانفي", 1),
            ("فيفري", 2),
            ("مارس", 3),
            ("أفريل", 4),
            ("ماي", 5),
            ("جوان", 6),
            ("جويلية", 7),
            ("أوت", 8),
            ("سبتمبر", 9),
            ("أكتوبر", 10),
            ("نوفمبر", 11),
            ("ديسمبر", 12),
            ("يوليوز", 7),
            ("غشت", 8),
            ("شتنبر", 9),
            ("نونبر", 11),
            ("دجنبر", 12),
        ];
        for (name, m) in names {
            check(&format!("يوم 14 {name} 2021"), &format!("14 {name} 2021"), &format!("2021-{m:02}-14"));
        }
    }

    #[test]
    fn paired_month_names() {
        check("في 10 أيار/مايو 2019", "10 أيار/مايو 2019", "2019-05-10");
        check("في أيار (مايو) 2019", "أيار (مايو) 2019", "2019-05");
        check("منذ مايو/أيار الماضي", "مايو/أيار الماضي", "--05");
        check("في 3 آذار / مارس", "3 آذار / مارس", "--03-03");
        // Two different months with a slash are not a pair.
        assert_eq!(found("يناير/مارس").len(), 1);
    }

    #[test]
    fn hijri_months_convert_to_gregorian() {
        // 1 Ramadan 1445 (tabular) is 11 March 2024; Umm al-Qura agrees.
        check("صام الناس في 1 رمضان 1445 هـ", "1 رمضان 1445 هـ", "2024-03-11");
        // Umm al-Qura has 16 July 2024: the tabular calendar is a day late here.
        check("في 10 محرم 1446هـ", "10 محرم 1446هـ", "2024-07-17");
        range("خلال رمضان 1445", "رمضان 1445", "2024-03-11", "2024-04-09");
        // 1445 ends on 6 July 2024 by Umm al-Qura, a day earlier than by the tabular calendar.
        range("عام 1445 هـ", "عام 1445 هـ", "2023-07-19", "2024-07-07");
        range("في 1445 ه", "1445 ه", "2023-07-19", "2024-07-07");
        // A Hijri month with a Gregorian year: the Ramadan that begins in 2024.
        range("رمضان 2024", "رمضان 2024", "2024-03-11", "2024-04-09");
        let months = [
            ("محرم", 1),
            ("صفر", 2),
            ("ربيع الأول", 3),
            ("ربيع الآخر", 4),
            ("ربيع الثاني", 4),
            ("جمادى الأولى", 5),
            ("جمادى الآخرة", 6),
            ("جمادى الثانية", 6),
            ("رجب", 7),
            ("شعبان", 8),
            ("رمضان", 9),
            ("شوال", 10),
            ("ذو القعدة", 11),
            ("ذو الحجة", 12),
            ("ذي الحجة", 12),
        ];
        for (name, m) in months {
            let s = format!("في 1 {name} 1440هـ");
            let expected = fmt_ymd(jdn_to_gregorian(hijri_jdn(1440, m, 1)));
            check(&s, &format!("1 {name} 1440هـ"), &expected);
        }
        // Without a year a Hijri month cannot be placed.
        none("في شهر رمضان الماضي");
        none("في 10 رمضان");
    }

    #[test]
    fn tabular_calendar_against_dateparser() {
        // dateparser tests/test_hijri.py (BSD-3-Clause): numeric Hijri dates with هـ; its
        // expectations follow Umm al-Qura, which the tabular calendar meets within a day.
        let cases = [
            ("14-09-1432 هـ", "2011-08-14"),
            ("20-02-1430 هـ", "2009-02-15"),
            ("11-08-1434 هـ", "2013-06-20"),
            ("17-01-1437 هـ", "2015-10-30"),
            ("29-02-1433 هـ", "2012-01-23"),
            ("04-03-1433 هـ", "2012-01-27"),
        ];
        for (text, expected) in cases {
            let (t, v) = one(text);
            assert_eq!(t, text);
            let days = |s: &str| {
                let p: Vec<i64> = s.split('-').map(|x| x.parse().unwrap()).collect();
                p[0] * 372 + p[1] * 31 + p[2]
            };
            assert!((days(&v) - days(expected)).abs() <= 1, "{text}: {v} vs {expected}");
        }
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(jdn_to_gregorian(2_451_545), (2000, 1, 1));
        assert_eq!(jdn_to_gregorian(hijri_jdn(1, 1, 1)), (622, 7, 19)); // proleptic Gregorian
        assert_eq!(hijri_year_for(2024, 9), Some(1445));
        assert_eq!(days_in_month(Some(2023), 2), 28);
        assert_eq!(days_in_month(Some(2024), 2), 29);
        assert_eq!(days_in_month(Some(1900), 2), 28);
    }

    #[test]
    fn ordinal_days() {
        check("في العاشر من يناير الماضي", "العاشر من يناير الماضي", "--01-10");
        check("في التاسع من حزيران", "التاسع من حزيران", "--06-09");
        check("الأول من مارس 2020", "الأول من مارس 2020", "2020-03-01");
        check("الحادي عشر من سبتمبر", "الحادي عشر من سبتمبر", "--09-11");
        check("الثاني والعشرين من شهر أكتوبر 2021", "الثاني والعشرين من شهر أكتوبر 2021", "2021-10-22");
        check("في الحادي و الثلاثين من ديسمبر", "الحادي و الثلاثين من ديسمبر", "--12-31");
        check("العشرين من نوفمبر", "العشرين من نوفمبر", "--11-20");
        check("الخامس عشر من آب", "الخامس عشر من آب", "--08-15");
        // An ordinal needs من and a month; الحادي alone is no day.
        none("الفصل الأول من الكتاب");
        assert_eq!(one("الحادي من يناير").0, "يناير");
        assert_eq!(one("الأول يناير"), ("يناير".into(), "--01".into()));
    }

    #[test]
    fn years_with_a_year_word() {
        check("عام 2019", "عام 2019", "2019");
        check("في العام 2019 جرت", "العام 2019", "2019");
        check("سنة 2019", "سنة 2019", "2019");
        check("وفي عام ١٩٩٦ وقع", "عام ١٩٩٦", "1996");
        check("للعام 2022", "للعام 2022", "2022");
        check("لعام 2022", "عام 2022", "2022");
        check("عام 1992 م", "عام 1992 م", "1992");
        check("عام 622", "عام 622", "0622");
        none("عام 500 ق.م");
    }

    #[test]
    fn years_in_a_year_context() {
        check("منذ 2004 منح حق التصويت", "2004", "2004");
        check("في 2019، فاز", "2019", "2019");
        check("انتخابات 2019 الرئاسية", "2019", "2019");
        check("تخرج من المعهد (1975)، ثم", "1975", "1975");
        check("2019م", "2019م", "2019");
        check("مطلع 2020", "مطلع 2020", "2020");
        check("بحلول 2030", "2030", "2030");
        check("في الربع الأول من 2023 نما", "2023", "2023");
        check("ونكسة 1967", "1967", "1967");
        none("أكثر من 2000");
        none("أكثر من 2019 شخصا");
    }

    #[test]
    fn a_year_after_a_noun_phrase() {
        // A definite year noun, one adjective, the year.
        check("خلال العام الماضي 2016 فقد", "العام الماضي 2016", "2016");
        check("في السنة الحالية 2017", "السنة الحالية 2017", "2017");
        check("بداية السنة الدراسية 2018 ستكون", "بداية السنة الدراسية 2018", "2018");
        check("وخلال السنة الماضية ٢٠١٦", "السنة الماضية ٢٠١٦", "2016");
        range("العام الدراسي 2016-2017", "العام الدراسي 2016-2017", "2016", "2017");
        // A season noun: الموسم الصيفي 2017, موسم 2016-2017.
        check("خلال الموسم الصيفي 2017 ارتفع", "2017", "2017");
        range("لموسم 2015 - 2016 في حدود", "2015 - 2016", "2015", "2016");
        // The year of a time preposition or `أفق` (by), `غاية` (until), `موفى` (the end of).
        check("يتوقع استكمالها في أفق 2030 لتشمل", "2030", "2030");
        check("ضمن آفاق 2020", "2020", "2020");
        check("رؤية 2030", "2030", "2030");
        check("إلى غاية 2016", "2016", "2016");
        check("مع موفى 2017", "موفى 2017", "2017");
        check("موفى مارس 2017", "موفى مارس 2017", "2017-03");
        check("سنة 2015", "سنة 2015", "2015");
        check("خلال 2014 سجلت", "2014", "2014");
        check("تراجع في 2013.", "2013", "2013");
        // Births, `بعنوان` (for), `مقارنة ب` (compared with), summer, a part of a year.
        check("شاب من مواليد 1992 كان قد", "1992", "1992");
        check("الزيادة بعنوان 2017 خلال", "2017", "2017");
        check("بزيادة مقارنة ب2014 كما", "2014", "2014");
        check("خلال صائفة 2017 أكد", "صائفة 2017", "2017");
        check("منذ الثلاثية الاولى 2017 .", "2017", "2017");
        check("في نفس الفترة من 2015 وبالنسبة", "2015", "2015");
        // `كما` ("as") after a year is no `كم` (km) with an accusative alif.
        check("انخفاض في 2016 كما برر", "2016", "2016");
        none("قطع في 2000 كم");
        // Still figures: a counted noun after the year-sized number.
        none("في 2000 حالة");
        none("مقارنة ب2000 دينار");
        none("العام الماضي 2000 حالة");
        none("السنة الأولى 2000 طالب");
        none("العام الماضي");
    }

    #[test]
    fn amounts_are_not_years() {
        // `م د` is million dinars, not the Gregorian marker; TAP decimals and the Arabic comma
        // join digits.
        none("لتبلغ 1240 م د مقابل");
        none("بلغت 2000 م د");
        none("لتبلغ 1240 م.د مقابل");
        none("لتبلغ 1ر1240 م د");
        none("مقابل 942،2015 في");
        check("عام 1240 م", "عام 1240 م", "1240");
    }

    #[test]
    fn a_year_after_a_day_and_month_is_a_year_whatever_follows() {
        check("وغادر اليوم 16 مارس 2017 منصب رئيس", "16 مارس 2017", "2017-03-16");
        check("في 3 جانفي 2011 شخص", "3 جانفي 2011", "2011-01-03");
        // After a month alone, a counted noun still makes the number a figure.
        check("شهر مارس 2000 حالة", "شهر مارس", "--03");
        check("في 15 مارس الفارط", "15 مارس الفارط", "--03-15");
    }

    #[test]
    fn numbers_that_are_not_years() {
        none("حصل على 2000 صوت");
        none("في 2000 صوت");
        none("منذ 1500 عام");
        none("في 2019 صوتا");
        none("بلغ العدد 2019 فقط");
        none("من 40.000 إلى 5000");
        none("نسبة 2019%");
        none("في 2019.5 متر");
        none("منذ 30 عامًا");
        none("بين 82,2 - 85,52 %");
        none("في 1850");
        none("أرقام 2019 و2020");
    }

    #[test]
    fn day_month_year_forms() {
        check("في 16 أكتوبر 2013", "16 أكتوبر 2013", "2013-10-16");
        check("16أكتوبر 2013 انتخب", "16أكتوبر 2013", "2013-10-16");
        check("يوم 17 مايو عام 1953 في", "17 مايو عام 1953", "1953-05-17");
        check("في الـ16 من أكتوبر", "الـ16 من أكتوبر", "--10-16");
        check("في ١٦ أكتوبر ٢٠١٣", "١٦ أكتوبر ٢٠١٣", "2013-10-16");
        check("في يناير من العام 2020", "يناير من العام 2020", "2020-01");
        check("الأحد، 21 نوفمبر 2022، حيث", "21 نوفمبر 2022", "2022-11-21");
        // dateparser tests/test_languages.py and test_search.py (BSD-3-Clause).
        assert_eq!(one("6 يناير، 2015، الساعة 05:16 مساءً"), ("6 يناير، 2015".into(), "2015-01-06".into()));
        assert_eq!(
            found("في 29 يوليو 1938 غزت القوات اليابانية الاتحاد السوفييتي وقررت في 11 مايو 1939 تحريك الحدود"),
            [
                ("29 يوليو 1938".to_string(), "1938-07-29".to_string(), None),
                ("11 مايو 1939".to_string(), "1939-05-11".to_string(), None)
            ]
        );
        check("في 31 يناير", "31 يناير", "--01-31");
        check("في 29 فبراير", "29 فبراير", "--02-29");
        // An impossible day leaves the month and year.
        check("في 30 فبراير 2023", "فبراير 2023", "2023-02");
        check("في 29 فبراير 2023", "فبراير 2023", "2023-02");
        check("في 29 فبراير 2024", "29 فبراير 2024", "2024-02-29");
        check("في 32 يناير", "يناير", "--01");
    }

    #[test]
    fn months_without_year() {
        check("في شهر يناير", "شهر يناير", "--01");
        check("لشهر يناير", "شهر يناير", "--01");
        check("في يناير الماضي", "يناير الماضي", "--01");
        check("وفي يناير", "يناير", "--01");
        check("بيناير", "يناير", "--01");
        check("في العاشر من يناير الجارى (2021) تشهد", "العاشر من يناير الجارى (2021)", "2021-01-10");
        check("في أيلول من هذا العام", "أيلول", "--09");
    }

    #[test]
    fn weak_month_names_need_support() {
        none("مارس الحزب ضغوطا كبيرة");
        none("ومارس الضغط");
        none("شركة نيسان اليابانية");
        none("قال أب الضحية");
        none("هذا ماي");
        check("في مارس واتهم", "مارس", "--03");
        check("مارس 2011", "مارس 2011", "2011-03");
        check("في 9 نيسان عن", "9 نيسان", "--04-09");
        check("منذ مارس الماضي", "مارس الماضي", "--03");
        check("خلال شهر مارس", "شهر مارس", "--03");
        check("في أب 2020", "أب 2020", "2020-08");
    }

    #[test]
    fn modifiers_keep_precision() {
        check("أواخر نوفمبر 2023", "أواخر نوفمبر 2023", "2023-11");
        check("في منتصف نوفمبر 2023", "منتصف نوفمبر 2023", "2023-11");
        check("أوائل نوفمبر 2023", "أوائل نوفمبر 2023", "2023-11");
        check("أواخر نوفمبر الماضي", "أواخر نوفمبر الماضي", "--11");
        check("نهاية العام 2020", "نهاية العام 2020", "2020");
        check("صيف 2020", "صيف 2020", "2020");
        none("أوائل العام الماضي");
    }

    #[test]
    fn ranges() {
        range("في الفترة من 13 إلى 15 سبتمبر 2022", "من 13 إلى 15 سبتمبر 2022", "2022-09-13", "2022-09-15");
        range("13 إلى 15 سبتمبر 2022", "13 إلى 15 سبتمبر 2022", "2022-09-13", "2022-09-15");
        range("من 13 إلى 15 سبتمبر", "من 13 إلى 15 سبتمبر", "--09-13", "--09-15");
        range("13-15 سبتمبر 2022", "13-15 سبتمبر 2022", "2022-09-13", "2022-09-15");
        range("في الفترة 2003-2007 وزير", "2003-2007", "2003", "2007");
        range("خلال الفترة 2007-\n\n2011 تولى", "2007-\n\n2011", "2007", "2011");
        range("ومن 2011 إلى 2013 – نائب", "من 2011 إلى 2013", "2011", "2013");
        range("2011 إلى 2013", "2011 إلى 2013", "2011", "2013");
        range("بين عامي 2011 و2013", "بين عامي 2011 و2013", "2011", "2013");
        range("ما بين 2011 و2013", "ما بين 2011 و2013", "2011", "2013");
        range("يناير - مارس 2020", "يناير - مارس 2020", "2020-01", "2020-03");
        range("من يناير إلى مارس 2020", "من يناير إلى مارس 2020", "2020-01", "2020-03");
        range("بين يناير ومارس 2020", "بين يناير ومارس 2020", "2020-01", "2020-03");
        range("من 30 سبتمبر إلى 2 أكتوبر 2022", "من 30 سبتمبر إلى 2 أكتوبر 2022", "2022-09-30", "2022-10-02");
        range("من 28 ديسمبر إلى 3 يناير 2023", "من 28 ديسمبر إلى 3 يناير 2023", "2022-12-28", "2023-01-03");
        range("ديسمبر 2019 - فبراير 2020", "ديسمبر 2019 - فبراير 2020", "2019-12", "2020-02");
        range("الموسم 2019/2020", "2019/2020", "2019", "2020");
        range("من عام 2011 حتى عام 2013", "من عام 2011 حتى عام 2013", "2011", "2013");
        range("من 10 إلى 15 رمضان 1445 هـ", "من 10 إلى 15 رمضان 1445 هـ", "2024-03-20", "2024-03-25");
        // Backwards or mixed: no range.
        assert_eq!(found("من 2013 إلى 2011").len(), 0);
        assert_eq!(found("من 15 إلى 13 سبتمبر").iter().map(|f| f.1.as_str()).collect::<Vec<_>>(), ["--09-13"]);
        none("من 5 سنوات إلى 7 سنوات");
        none("من 2000 إلى 2500 صوت");
    }

    #[test]
    fn lists() {
        assert_eq!(
            found("في عامي 1995 و2005"),
            [("عامي 1995".into(), "1995".into(), None), ("2005".into(), "2005".into(), None)]
        );
        assert_eq!(
            found("يومي 13 و14 سبتمبر 2022"),
            [("13".into(), "2022-09-13".into(), None), ("14 سبتمبر 2022".into(), "2022-09-14".into(), None)]
        );
        assert_eq!(
            found("أعوام 2011 و2012 و2013"),
            [
                ("أعوام 2011".into(), "2011".into(), None),
                ("2012".into(), "2012".into(), None),
                ("2013".into(), "2013".into(), None)
            ]
        );
        assert_eq!(
            found("في 5 و12 و19 مارس 2023"),
            [
                ("5".into(), "2023-03-05".into(), None),
                ("12".into(), "2023-03-12".into(), None),
                ("19 مارس 2023".into(), "2023-03-19".into(), None)
            ]
        );
        // What follows و is not always a date: the list stops where it stops reading as one.
        assert_eq!(found("في 5 مارس و6 أشخاص"), [("5 مارس".into(), "--03-05".into(), None)]);
        assert_eq!(found("عام 2019 و2000 شخص"), [("عام 2019".into(), "2019".into(), None)]);
        assert_eq!(
            found("في 2019 و15 مارس 2020"),
            [("2019".into(), "2019".into(), None), ("15 مارس 2020".into(), "2020-03-15".into(), None)]
        );
        assert_eq!(
            found("في يناير وفبراير 2020"),
            [("يناير".into(), "2020-01".into(), None), ("فبراير 2020".into(), "2020-02".into(), None)]
        );
    }

    #[test]
    fn numeric_dates() {
        check("في 20/11/2023 أعلن", "20/11/2023", "2023-11-20");
        check("2023/11/20", "2023/11/20", "2023-11-20");
        check("٢٠٢٣/١١/٢٠", "٢٠٢٣/١١/٢٠", "2023-11-20");
        check("20-11-2023", "20-11-2023", "2023-11-20");
        check("20.11.2023", "20.11.2023", "2023-11-20");
        check("2023-11-20", "2023-11-20", "2023-11-20");
        check("1/2/2020م", "1/2/2020م", "2020-02-01");
        none("11/20/2023");
        none("20/13/2023");
        none("31/02/2023");
        none("192.168.1.1");
        none("1.2.3.2020");
        none("20/11/23");
        none("القانون رقم 3/2020");
        none("1.234.567");
        none("14-09-1432");
    }

    #[test]
    fn tatweel_diacritics_and_digits() {
        check("في يـنـايـر 2020", "يـنـايـر 2020", "2020-01");
        check("في يَنايِرَ ٢٠٢٠", "يَنايِرَ ٢٠٢٠", "2020-01");
        check("عــام ۲۰۱۹", "عــام ۲۰۱۹", "2019");
        let s = "قال: في ١٦ أكتوبر ٢٠١٣ انتُخب";
        let d = &extract_dates(s)[0];
        assert_eq!(&s[d.start..d.end], d.text);
        assert_eq!(d.text, "١٦ أكتوبر ٢٠١٣");
    }

    #[test]
    fn english_abstracts() {
        check("In late November 2023, Kazakhstan", "late November 2023", "2023-11");
        check("On March 16, the President", "March 16", "--03-16");
        check("on 9 June 2019.", "9 June 2019", "2019-06-09");
        check("March 16, 2022", "March 16, 2022", "2022-03-16");
        none("you may go");
        none("they march on");
    }

    #[test]
    fn relative_dates_are_not_extracted() {
        none("اليوم");
        none("أمس");
        none("العام الماضي");
        none("الشهر المقبل");
    }

    #[test]
    fn mentions_do_not_overlap_and_spans_match() {
        let s = "من 13 إلى 15 سبتمبر 2022 وفي 20/11/2023 ثم عام 2024 و2025 وفي يناير الماضي";
        let ds = extract_dates(s);
        let mut last = 0;
        for d in &ds {
            assert!(d.start >= last && d.end > d.start);
            assert_eq!(&s[d.start..d.end], d.text);
            last = d.end;
        }
        assert_eq!(ds.len(), 5);
    }

    #[test]
    fn serializes_until_only_when_present() {
        let d = &extract_dates("عام 2019")[0];
        assert_eq!(serde_json::to_string(d).unwrap(), r#"{"start":0,"end":11,"text":"عام 2019","value":"2019"}"#);
        let r = &extract_dates("2003-2007")[0];
        assert!(serde_json::to_string(r).unwrap().contains(r#""until":"2007""#));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in
            ["", " ", "ـ", "َ", "٢", "من", "بين", "ما بين", "عام", "(", "2019/", "/2019", "هـ", "من 13 إلى", "20/11/"]
        {
            let _ = extract_dates(s);
        }
    }

    /// The tokens of `text` read one character at a time (kind, span, gap, value, digit count,
    /// key): what `scan` reads bytewise.
    fn scan_slowly(text: &str) -> Vec<(Kind, usize, usize, bool, u32, usize, String)> {
        let mut toks = Vec::new();
        let mut gap = true;
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                gap = true;
                continue;
            }
            if ignorable(c) || is_mark(c) || c == TATWEEL {
                continue;
            }
            let mut key = String::new();
            let mut end = i + c.len_utf8();
            let (mut value, mut digits) = (0u32, 0usize);
            let kind = if is_letter(c) {
                key.push(fold_letter(c));
                while let Some(&(j, d)) = it.peek() {
                    if is_letter(d) {
                        key.push(fold_letter(d));
                        end = j + d.len_utf8();
                    } else if is_mark(d) || d == TATWEEL {
                        end = j + d.len_utf8();
                    } else if !ignorable(d) {
                        break;
                    }
                    it.next();
                }
                Kind::Word
            } else if let Some(v) = digit_value(c) {
                key.push(char::from(b'0' + v as u8));
                (value, digits) = (v, 1);
                while let Some(&(j, d)) = it.peek() {
                    let Some(v) = digit_value(d) else { break };
                    key.push(char::from(b'0' + v as u8));
                    value = value.saturating_mul(10).saturating_add(v);
                    digits += 1;
                    end = j + d.len_utf8();
                    it.next();
                }
                Kind::Num
            } else if c.is_alphabetic() {
                key.extend(c.to_lowercase());
                while let Some(&(j, d)) = it.peek() {
                    if !d.is_alphabetic() || is_letter(d) {
                        break;
                    }
                    key.extend(d.to_lowercase());
                    end = j + d.len_utf8();
                    it.next();
                }
                Kind::Latin
            } else {
                Kind::Punct(c)
            };
            toks.push((kind, i, end, gap, value, digits, key));
            gap = false;
        }
        toks
    }

    /// Characters and words the scanner tells apart: letters that fold or not, marks, tatweel,
    /// ignorables inside and between words, letters beyond the Arabic block, digits, Latin
    /// (with marks, which are alphabetic), blanks of every kind, date words with clitics.
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "ا", "ب", "ة", "أ", "ى", "ی", "ک", "ٱ", "ݐ", "\u{08A0}", "\u{064B}", "\u{0651}", "\u{0640}", "\u{200F}",
        "\u{200B}", "\u{061C}", "\u{FEFF}", "\u{00AD}", "0", "7", "٣", "۴", "/", "-", ".", "(", "،", "a", "É", "ß",
        "İ", " ", "\n", "\u{A0}", "\u{2009}", "\u{0B}", "يناير", "وفي", "للعام", "بيناير", "من", "الثاني", "كانون",
        "March", "رمضان", "عام", "في",
    ];

    /// Pieces of date-ish text: numbers in every digit set, month names of every region
    /// (with clitics, hamza, tatweel and marks), year nouns, ordinals, modifiers, connectors,
    /// markers, counted nouns, punctuation and blanks.
    #[rustfmt::skip]
    const DATE_PIECES: &[&str] = &[
        " ", " ", " ", " ", " ", " ", "\n", "\u{A0}", "\u{200F}", "\u{0640}", "\u{064E}", "2019", "2020", "1445",
        "15", "3", "31", "40", "٢٠١٣", "١٦", "۲۰۱۹", "2000", "1", "يناير", "وفي", "بيناير", "مارس", "ومارس", "أيار",
        "مايو", "آب", "اب", "باب", "نيسان", "كانون", "الثاني", "تشرين", "أول", "الأول", "ربيع", "الآخر", "جمادى",
        "ذو", "الحجة", "رمضان", "شوال", "يـنـايـر", "أكتوبر", "جانفي", "غشت", "March", "may", "in", "year", "from",
        "عام", "العام", "لعام", "للعام", "عامي", "سنة", "أعوام", "الماضي", "الجاري", "الدراسية", "الموسم",
        "شهر", "من", "إلى", "حتى", "بين", "ما", "و", "وحتى", "في", "منذ", "خلال", "أواخر", "مطلع", "صيف",
        "العاشر", "الحادي", "عشر", "والعشرين", "الثلاثين", "ال", "الـ", "هـ", "م", "ق", "د", "ر", "ميلادي",
        "صوت", "حالة", "مليون", "المئة", "الربع", "/", "-", ".", ",", "،", "(", ")", "%", ":", "–",
    ];

    /// Words and blanks between dates.
    #[rustfmt::skip]
    const FILLER: &[&str] = &[" ", " ", " ", "قال", "الرئيس", "الحكومة", "إن", "على", "الذي", "مصر", "،", "\n"];

    /// The dates of `text`, looked for at every start (`reach`) or only near anchors.
    fn dates_with_reach(text: &str, reach: usize) -> Vec<DateMention> {
        let mut buffers = Buffers::default();
        scan(text, &mut buffers);
        let Buffers { toks, keys, folded, starts, anchors } = buffers;
        Parser { text, toks, keys, folded, starts, anchors, reach }.run()
    }

    proptest::proptest! {
        /// Looking for dates only near a number or a month name misses none.
        #[test]
        fn dates_begin_near_an_anchor(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![3 => proptest::sample::select(DATE_PIECES), 1 => proptest::sample::select(FILLER)],
                0..120,
            )
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(dates_with_reach(&text, ANCHOR_REACH), dates_with_reach(&text, usize::MAX), "{}", text);
        }
    }

    proptest::proptest! {
        /// `scan` reads bytewise what a reading one character at a time gives, and finds the
        /// date words by their key's hash without missing one.
        #[test]
        fn scan_agrees_with_a_reading_by_characters(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)) {
            let text = pieces.concat();
            // Buffers that read another text first, as they are reused from text to text.
            let mut buffers = Buffers::default();
            scan("وفي 5 March للعام 2020", &mut buffers);
            buffers.clear();
            scan(&text, &mut buffers);
            let Buffers { toks, keys, folded, starts, anchors } = buffers;
            let parser = Parser { text: &text, toks, keys, folded, starts, anchors, reach: ANCHOR_REACH };
            let slow = scan_slowly(&text);
            proptest::prop_assert_eq!(parser.toks.len(), slow.len());
            for (t, (kind, start, end, gap, value, digits, key)) in parser.toks.iter().zip(&slow) {
                proptest::prop_assert_eq!((t.kind, t.start, t.end, t.gap), (*kind, *start, *end, *gap));
                proptest::prop_assert_eq!((t.value, t.digits), (*value, *digits));
                proptest::prop_assert_eq!(parser.key(t), key.as_str());
                let form = matches!(kind, Kind::Word | Kind::Latin).then(|| Vocab::get().forms.get(key)).flatten();
                proptest::prop_assert_eq!(t.form.map(|f| &f.readings), form.map(|f| &f.readings));
            }
        }
    }
}
