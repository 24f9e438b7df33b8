//! Figures: the numbers a press text reports — counts, amounts of money, percentages — with
//! their value, the noun they count and their currency. Years and other parts of dates are
//! never figures.
//!
//! ```
//! use nass::extract::figures::extract_figures;
//!
//! let text = "فاز بـ 6 ملايين و456.392 صوتًا بنسبة 81,31% في انتخابات 2022";
//! let figures = extract_figures(text, &[]);
//! assert_eq!(figures.len(), 2);
//! assert_eq!((figures[0].text.as_str(), figures[0].value), ("6 ملايين و456.392", 6456392.0));
//! assert_eq!(figures[0].unit.as_deref(), Some("صوتا"));
//! assert_eq!((figures[1].value, figures[1].percent), (81.31, true));
//! ```
//!
//! # What a figure is
//! A *quantity* — digits ([`numbers::parse_numeral`], separators disambiguated there), number
//! words, or both (`6 ملايين و456.392`, `ثلاثة آلاف`, `مليوناً وخمسمئة ألف`), combined by
//! [`numbers::Accumulator`] — optionally marked as a percentage, followed by the noun it counts
//! or its currency.
//! - **Span**: `start..end` covers the quantity with its scale words and percent marker
//!   (`81,31%`, `%69,44`, `27 %`, `5 في المائة`, `5 بالمئة`), not the noun or the currency;
//!   a clitic glued to a number word is left out (`لخمس` → `خمس`). Offsets are bytes of the
//!   text given (not folded). Number words are matched on a folded key ([`numbers::fold_key`]),
//!   so diacritics, tatweel and the spellings `مئة/مائة`, `ة/ه`, `ى/ي`, `أ/ا` all match.
//! - **Percent**: `%` or `٪` on either side (glued, or after a space), `في المائة`,
//!   `في المئة`, `بالمائة`, `بالمئة` (and their folded spellings `بالمئه`, `فى المائه`…). A
//!   percentage never has a unit.
//! - **Currency**: a currency word after the quantity (`دولار`, `دينار`, `ريال`, `يورو`,
//!   `جنيه`, `درهم`, `ليرة`, `روبل`, `يوان`, `تنغي`/`تينغ`, `فرنك`, `شيكل`, subunits `هللة`,
//!   `فلس`, `قرش`, `سنت`… in singular, dual, plural and accusative forms), reported in its
//!   singular spelling (`دولارات` → `دولار`); a symbol `$ € £ ¥ ₽` before or after, or an ISO
//!   code after (`USD`), as written.
//! - **Unit** (the noun counted): the next word after the quantity, on the same line or the
//!   next one, when it is an indefinite Arabic word (counted nouns are indefinite: `5 مرشحين`,
//!   not `5 المرشحين`) that is not a function word (the built-in stopword list: particles,
//!   prepositions, pronouns), not `و`+function word (`وفي`), not `و`+verb prefix (`وأصيب`,
//!   `ويقول`), not a month name, a number word or a percent word. After a partitive `من`, the
//!   word after it (`ثلاثة آلاف من النشطاء`, `7 من أنصار`). Reported as written, without
//!   diacritics and tatweel (`صوتًا` → `صوتا`).
//! - **Maghrebi notations**: TAP's decimals put the fraction first (`1ر31` is 31.1,
//!   `904ر319` is 319.904); the Arabic comma between digits is a separator read by the rules
//!   of `,` (`942،4` is 942.4); `م د`/`م.د` (مليون دينار) and `أ د` (ألف دينار) are scale words
//!   that name the dinar (`370 م د` → 370000000 dinars), `د` after a number is the dinar.
//! - **Scores** are two figures (`2-1`, `3- صفر`: `صفر` counts next to a hyphen and a number).
//! - **Spoken decimals**: `46 فاصل 5` (or `فاصلة`) is 46.5.
//! - **Thousands before a larger scale**: `4 آلاف و500 مليون` is 4500 million, when the
//!   thousands are at most 99 and the group after و is 10–999 (`بين 300 ألف و2 مليون` stays
//!   two figures).
//! - **Counted nouns around number words**: `واحد`/`واحدة` after the singular indefinite noun
//!   it counts is 1 (`صوت واحد`, unit `صوت`; not `في آن واحد`, `من جانب واحد`, `الحزب
//!   الواحد`, `رقم واحد`, `واحد من`); a definite cardinal from 3 up before the indefinite noun
//!   it counts is that count (`الخمسة أشهر`, `الخمسة عشر يوما`, `الثلاثين كيلوغراما`), and so
//!   is the top N (`العشرة الكبار`, `الثلاثة الأوائل`, `الخمسة الأكثر تأثيرا`); a number
//!   in parentheses takes the noun after them (`حجز (3500) خرطوشة`).
//! - **Restated numbers**: a number repeated in parentheses right after a figure of the same
//!   value is that figure (`أحد عشر (11) مهاجرا`, `20 (عشرين) عونا`), and a scale word after
//!   the parentheses scales it (`أربعمائة (400) ألف دينار` → 400000 dinars).
//! - **Ranges**: in `X - Y`, `X إلى Y`, `X حتى Y`, `X أو Y` and `بين X و Y`, a bare `X` (no scale,
//!   percent, unit or currency of its own) takes them from `Y`: `82,2 - 85,52 %` is two
//!   percentages, `بين 5 و10 ملايين دولار` is 5000000 and 10000000 dollars.
//!
//! # What is not a figure
//! - Anything overlapping a span of `exclude` (the dates the date extractor found).
//! - **Years**, on their own evidence. A bare integer 1900–2100 (4 digits, no separator) is a
//!   year when it is preceded by `عام`/`العام`/`لعام`/`سنة`/`منذ`… (strong year words) or by a
//!   month name (`نوفمبر 2023`, `March 2019`), when it is followed by `عام`/`سنة`/`م`/`هـ`,
//!   when it ends a range that starts with such a year (`2003-2007`, `1999 و2002`), and
//!   otherwise whenever nothing after it makes it a count: a scale word, a percent, a currency,
//!   or a noun that is clearly counted (accusative tanwin `2000 شخصاً`, a plural in `ين/ون/ات`
//!   or of the pattern أفعال, or a common counted noun: `شخص`/`شخصا`, `ناخب`, `طن`…). So `في 2019` and `(1975)` are years,
//!   `2000 دولار` and `2000 ناخب` are figures. Weak year words (`في`, `خلال`, `حتى`) decide
//!   nothing by themselves: `في 2000 مدرسة` stays a count. A 3–4-digit integer after a strong
//!   year word is a year too (`عام 1445`), as is any integer before `هـ` (`1445 هـ`).
//! - **Days**: an integer 1–31 before a month name (`16 مارس`, `16أكتوبر`, `21 نوفمبر 2022`)
//!   or after an English one (`March 16`), or first in a range of days (`من 13 إلى 15 سبتمبر`).
//! - Times and dates written with `:` or `/` (`8:30`, `12/05/2023`, `2254/2015`), and numbers
//!   after `الساعة`.
//! - **Identifiers**: numbers after `رقم`, `المادة`, `الفقرة`, `البند`, `القرار`, `الفصل`,
//!   `الأمر`, `المنشور`, `القانون`, `الصفحة`… with their clitics (`والفصل`, `للمرسوم`) and
//!   duals and plurals (`الفصلين 92 و93`, `الفصول 6 و22 و35`: every number of the list)
//!   and after the Maghrebi `عدد` ("number": `الأمر عدد 1234`, `الطريق الوطنية عدد 14`),
//!   `الدورة`/`الجولة`/`النسخة` (editions, rounds), unless a percent, a scale word, a currency
//!   or a counted noun that is no preposition's object follows at once
//!   (`لصالح القرار 128 دولة`, `إيقاف عدد 107 أشخاص`; not `رقم 1 بمنطقة`); a phone number
//!   (6 digits or more) shortly after `الرقم`/`الأرقام`/`الهاتف`; a number before `لسنة`/`لعام`
//!   and a year (`قانون 10 لسنة 2015`); names like `كوفيد-19`, `F-16`, `5G`, integers
//!   with a leading zero (`0123`), footnote marks `(1)` and list marks `1)`, `1-`, `1.` at the
//!   start of a line, or of a sentence before a word (`… أميركي. 2- تيم كوك`; 1–2 digits), or
//!   inside a line when a mark numbered one or two apart is near (standings: `1- الترجي 20 ن
//!   2- النجم 19 ن`); a number that closes a short quoted name (`"أوميغا 3"`, `«فيفا 17»`);
//!   a rank before an adverb (`المرتبة 45 عالميا`: `عالميا`, `دوليا`, `سنويا`… are no counted
//!   nouns).
//! - A number after the article (`القرن الـ21`, `الدورة الـ 20`: ordinals) unless something
//!   makes it a count (`الـ 8 آلاف شخص`, `الـ10 الأعلى دخلا`: the N most …).
//! - Ordinals (`الخامس`, `ثالث`, `التاسع عشر`) and definite number words (`الاثنين`,
//!   `الأحد`: days; `القرن العشرين`: an ordinal), except a definite cardinal 3–10 right after
//!   the definite noun it counts, which is that noun's figure (`الأعوام السبعة` → 7, unit
//!   `الأعوام`; `المرشحون الستة` → 6) and one with a scale word (`الأربعة ملايين دينار` →
//!   4000000); vague plurals (`آلاف`, `عشرات`);
//!   `واحد`/`أحد`/`إحدى` alone ("one of", "Sunday") unless a currency follows; `صفر` alone
//!   (also a month) unless it is a percentage or a side of a score; a fraction without a scale word (`نصف`).
//!
//! Numbers grouped by spaces are joined when the spaces are no-break or thin spaces
//! (`40 000`), or plain spaces when at least two groups of 3 digits follow or the groups are
//! `000` (`1 200 000`, `40 000`).

use super::numbers::{
    self, key_hash_step, number_word, scale_word, utf8_unit, Accumulator, Atom, HashFilter, NumberContext, NumberWord,
    ScaleForm, WordMap, WordSet,
};
use crate::arabic::{is_letter, is_mark, TATWEEL};
use crate::token::{holds_blank_line, tokenize, Token, TokenKind};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::ops::Range;
use std::sync::OnceLock;

/// One figure found in a text.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Figure {
    /// Byte offsets of the quantity (with scale words and percent marker) in the text.
    pub start: usize,
    pub end: usize,
    /// `text[start..end]`.
    pub text: String,
    /// The plain number: `6 ملايين و456.392` → 6456392, `%69,44` → 69.44.
    pub value: f64,
    pub percent: bool,
    /// The noun counted, as written without diacritics (`صوتا`, `مرشحين`).
    pub unit: Option<String>,
    /// The currency: a word in its singular spelling (`دولار`), or a symbol or code as written.
    pub currency: Option<String>,
}

/// The figures of `text`, in order, leaving out every number that overlaps a range of
/// `exclude` (byte ranges, e.g. the dates found by the date extractor).
pub fn extract_figures(text: &str, exclude: &[Range<usize>]) -> Vec<Figure> {
    let toks = read_tokens(text);
    let figures = figures_of(Doc::new(text, &toks, exclude));
    if toks.capacity() <= KEPT_TOKENS {
        SPARE.set(toks);
    }
    figures
}

/// [`extract_figures`] with the text's tokens ([`tokenize`]), for a caller that has them
/// already: the text is not tokenized again.
pub fn extract_figures_in(text: &str, tokens: &[Token], exclude: &[Range<usize>]) -> Vec<Figure> {
    debug_assert!(tokens.iter().copied().eq(tokenize(text)), "the tokens are not those of the text");
    figures_of(Doc::new(text, tokens, exclude))
}

fn figures_of(doc: Doc) -> Vec<Figure> {
    let text = doc.text;
    let mut drafts: Vec<Draft> = Vec::new();
    // The tokens in order, each after the last figure: only candidates can begin one.
    let mut next = 0;
    for &i in &doc.candidates {
        if i < next {
            continue;
        }
        if let Some(d) = doc.figure_at(i) {
            next = d.next.max(i + 1);
            if d.spelt_year {
                continue;
            }
            // `أحد عشر (11) مهاجرا`, `11 (أحد عشر)`: the same number again in parentheses,
            // and the scale word after them counts for it (`أربعمائة (400) ألف دينار`).
            if let Some(p) = drafts.last_mut().filter(|p| restated(text, &p.figure, &d.figure)) {
                if let Some(end) = doc.scale_after_parenthesis(p, d.next) {
                    next = end + 1;
                }
                continue;
            }
            drafts.push(d);
        }
    }
    doc.inherit_across_ranges(&mut drafts);
    drafts.into_iter().map(|d| d.figure).collect()
}

/// `b` repeats figure `a` in parentheses right after it, with the same value.
fn restated(text: &str, a: &Figure, b: &Figure) -> bool {
    a.value == b.value
        && a.percent == b.percent
        && text.get(a.end..b.start).is_some_and(|gap| gap.trim() == "(")
        && text.get(b.end..).is_some_and(|rest| rest.trim_start().starts_with(')'))
}

thread_local! {
    /// The token array of the last text [`read_tokens`] read on this thread, for the next one:
    /// allocating it for every document costs a good part of reading it.
    static SPARE: Cell<Vec<Token>> = const { Cell::new(Vec::new()) };
}

/// The largest token array kept for the next text.
const KEPT_TOKENS: usize = 1 << 16;

/// A figure with what the range rule needs.
struct Draft {
    figure: Figure,
    /// The first token of the quantity.
    first: usize,
    /// The token to look at next.
    next: usize,
    /// The last scale word of the quantity (`1e6` for `10 ملايين`).
    scale: Option<f64>,
    /// The quantity is one numeral (its byte range), which a range may re-read.
    numeral: Option<Range<usize>>,
    bare: bool,
    /// A year read out in words: its words are read, but it is no figure.
    spelt_year: bool,
}

/// A tokenized text with folded keys for its words.
struct Doc<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// The folded key of each token, made when first asked for: most are never needed.
    keys: Vec<OnceCell<Cow<'a, str>>>,
    /// The tokens that may begin a figure (see [`Doc::figure_at`]), in order: a few more than
    /// do, which [`Doc::figure_at`] tells.
    candidates: Vec<usize>,
    /// Merged, sorted ranges to leave out.
    exclude: Vec<Range<usize>>,
    /// The text writes grouped digits in display order (see [`Doc::reversed_groups`]).
    reversed: OnceCell<bool>,
}

/// The tokens that may begin a figure (see [`Doc::figure_at`]), in order: numbers, a sign
/// before a number (`$5`, `% 5`), and the Arabic words that [`may_start`] lets through.
fn candidates_of(text: &str, tokens: &[Token]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let (starting, tables) = (starting_words(), letter_tables());
    let mut candidates = Vec::new();
    let mut before: Option<&Token> = None;
    for (k, tok) in tokens.iter().enumerate() {
        match tok.kind {
            TokenKind::ArabicWord if may_start(starting, tables, &bytes[tok.start..tok.end], tok.plain) => {
                candidates.push(k)
            }
            TokenKind::Number | TokenKind::Percentage => {
                let sign = |t: &Token| matches!(t.kind, TokenKind::Symbol | TokenKind::Punct);
                if tok.kind == TokenKind::Number && before.is_some_and(sign) {
                    candidates.push(k - 1);
                }
                candidates.push(k);
            }
            _ => {}
        }
        before = Some(tok);
    }
    candidates
}

/// Whether the Arabic word `word` (`plain`: without marks or tatweel, see [`Token::plain`])
/// may be one of the `starting` words: `false` only when it is none. Most words of a text are
/// told from their length and their last four letters, folded, without reading the rest.
#[inline]
fn may_start(starting: &StartingWords, tables: &LetterTables, word: &[u8], plain: bool) -> bool {
    // A mark or a tatweel leaves the folded key shorter than the word.
    if !plain {
        return true;
    }
    match (&starting.suffixes, suffix_signature(tables, word)) {
        (Some(suffixes), Some(s)) => suffixes.may_hold(s),
        _ => true,
    }
}

/// The length and the last four letters (folded) of a word without marks or tatweel, as a
/// hash: those of its folded key ([`numbers::fold_key`] only changes two-byte letters into
/// two-byte letters, and drops nothing else). `None` when one of those letters is not a
/// two-byte letter of U+0600–U+07FF.
#[inline]
fn suffix_signature((flags_of, folded_of): &LetterTables, word: &[u8]) -> Option<u64> {
    let n = word.len();
    let tail = &word[n - n.min(8)..];
    let mut hash = n as u64;
    // From the last letter back. A letter's lead byte is never a continuation byte: where
    // the two bytes are a letter, the letter starts there.
    for pair in tail.rchunks_exact(2) {
        let unit = usize::from(u16::from_le_bytes([pair[0], pair[1]]));
        if flags_of[unit] & LETTER == 0 {
            return None;
        }
        hash = key_hash_step(hash, folded_of[unit]);
    }
    Some(hash)
}

/// The tokens of `text`, as [`tokenize`] gives them. Arabic words and punctuation, most of a
/// text, are read here bytewise, as the tokenizer reads them; any other token is the
/// tokenizer's.
fn read_tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut toks = SPARE.take();
    toks.clear();
    toks.reserve(text.len() / 8);
    let mut pos = 0;
    loop {
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        if pos == bytes.len() {
            break;
        }
        match arabic_word(&bytes[pos..]) {
            // (A letter beyond U+07FF after it: the tokenizer's slow path.)
            Some((len, plain)) if bytes.get(pos + len).is_none_or(|&b| b < 0xE0) => {
                toks.push(Token { kind: TokenKind::ArabicWord, start: pos, end: pos + len, plain });
                pos += len;
                continue;
            }
            _ => {}
        }
        let tok = if let Some(len) = punct_at(bytes, pos) {
            // A run of one punctuation character.
            let mut end = pos + len;
            while bytes.get(end..end + len) == Some(&bytes[pos..pos + len]) {
                end += len;
            }
            Token { kind: TokenKind::Punct, start: pos, end, plain: true }
        } else {
            let Some(t) = tokenize(&text[pos..]).next() else { break };
            Token { start: pos + t.start, end: pos + t.end, ..t }
        };
        toks.push(tok);
        pos = tok.end;
    }
    toks
}

/// The byte length of the character at `pos` when the tokenizer reads it as punctuation
/// wherever it stands (a one- or two-byte character; the table asks the tokenizer itself).
fn punct_at(bytes: &[u8], pos: usize) -> Option<usize> {
    static TABLE: OnceLock<Vec<bool>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..0x800)
            .map(|cp| {
                let Some(c) = char::from_u32(cp).filter(|c| !matches!(c, '%' | '٪')) else { return false };
                let s = c.to_string();
                tokenize(&s).next().is_some_and(|t| t.kind == TokenKind::Punct && t.start == 0 && t.end == s.len())
            })
            .collect()
    });
    let (cp, len) = match *bytes.get(pos..)? {
        [b0 @ ..0x80, ..] => (usize::from(b0), 1),
        [b0 @ 0xC0..0xE0, b1, ..] => (usize::from(b0 & 0x1F) << 6 | usize::from(b1 & 0x3F), 2),
        _ => return None,
    };
    table[cp].then_some(len)
}

/// [`letter_tables`]: a letter of U+0600–U+07FF.
const LETTER: u8 = 1;
/// [`letter_tables`]: a mark of U+0600–U+07FF, or the tatweel.
const MARK: u8 = 2;

/// See [`letter_tables`].
type LetterTables = (Box<[u8; 1 << 16]>, Box<[u32; 1 << 16]>);

/// For every two bytes (a little-endian number) that are a character of U+0600–U+07FF, whether
/// it is a [`LETTER`] or a [`MARK`]; and the folded form ([`numbers::fold_key`]) of its
/// letters, as a [`utf8_unit`].
fn letter_tables() -> &'static LetterTables {
    static TABLES: OnceLock<LetterTables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut flags: Box<[u8; 1 << 16]> = numbers::two_byte_table();
        let mut folded: Box<[u32; 1 << 16]> = numbers::two_byte_table();
        for c in (0x600..0x800).filter_map(char::from_u32) {
            let unit = utf8_unit(c) as usize;
            if is_letter(c) {
                flags[unit] = LETTER;
                folded[unit] = numbers::folded(&c.to_string()).chars().next().map_or(0, utf8_unit);
            } else if is_mark(c) || c == TATWEEL {
                flags[unit] = MARK;
            }
        }
        (flags, folded)
    })
}

/// The Arabic word at the start of `bytes` as the tokenizer's fast path reads it: letters,
/// marks and tatweel of U+0600–U+07FF, starting with a letter. Its byte length, and whether it
/// is plain (no mark or tatweel).
fn arabic_word(bytes: &[u8]) -> Option<(usize, bool)> {
    let (flags_of, _) = letter_tables();
    let unit = |c: &[u8]| usize::from(u16::from_le_bytes([c[0], c[1]]));
    if flags_of[unit(bytes.get(..2)?)] & LETTER == 0 {
        return None;
    }
    let (mut len, mut flags) = (0, 0);
    for c in bytes.chunks_exact(2) {
        let f = flags_of[unit(c)];
        if f == 0 {
            break;
        }
        flags |= f;
        len += 2;
    }
    Some((len, flags & MARK == 0))
}

/// What follows a quantity: a currency or a counted noun.
enum Noun {
    Currency(String),
    /// `strong` when the word is clearly a counted noun; `direct` when it follows the number
    /// at once (not after a partitive `من`).
    Unit {
        surface: String,
        strong: bool,
        direct: bool,
    },
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, toks: &'a [Token], exclude: &[Range<usize>]) -> Self {
        let mut sorted: Vec<Range<usize>> = exclude.iter().filter(|r| r.start < r.end).cloned().collect();
        sorted.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
        for r in sorted {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        let keys = std::iter::repeat_with(OnceCell::new).take(toks.len()).collect();
        let candidates = candidates_of(text, toks);
        Doc { text, toks, keys, candidates, exclude: merged, reversed: OnceCell::new() }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// The folded key of an Arabic word (empty for other tokens).
    fn key(&self, i: usize) -> &str {
        match (self.toks.get(i), self.keys.get(i)) {
            (Some(t), Some(key)) if t.kind == TokenKind::ArabicWord => key.get_or_init(|| {
                let raw = t.text(self.text);
                // Most words are their own key.
                if numbers::folds(raw) {
                    Cow::Owned(numbers::folded(raw))
                } else {
                    Cow::Borrowed(raw)
                }
            }),
            _ => "",
        }
    }

    fn is_word(&self, i: usize, key: &str) -> bool {
        self.kind(i) == Some(TokenKind::ArabicWord) && self.key(i) == key
    }

    fn excluded(&self, i: usize) -> bool {
        let t = self.toks[i];
        let k = self.exclude.partition_point(|r| r.end <= t.start);
        self.exclude.get(k).is_some_and(|r| r.start < t.end)
    }

    /// Tokens `i` and `i + 1` exist and belong together: no blank line between them.
    fn follows(&self, i: usize) -> bool {
        i + 1 < self.len() && {
            let gap = self.gap(i);
            gap.len() < 2 || !holds_blank_line(gap)
        }
    }

    /// The text between tokens `i` and `i + 1`.
    fn gap(&self, i: usize) -> &'a str {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            _ => "",
        }
    }

    /// Tokens `i` and `i + 1` touch (no space between).
    fn glued(&self, i: usize) -> bool {
        i + 1 < self.len() && self.toks[i].end == self.toks[i + 1].start
    }

    fn is_sign(&self, i: usize, signs: &[&str]) -> bool {
        matches!(self.kind(i), Some(TokenKind::Punct | TokenKind::Symbol)) && signs.contains(&self.raw(i))
    }

    /// The token before `i`, if it belongs with it.
    fn before(&self, i: usize) -> Option<usize> {
        (i > 0 && self.follows(i - 1)).then(|| i - 1)
    }

    fn figure_at(&self, i: usize) -> Option<Draft> {
        let kind = self.kind(i)?;
        // Most tokens cannot begin a figure: tell them at once.
        let candidate = match kind {
            TokenKind::Number | TokenKind::Percentage => true,
            TokenKind::ArabicWord => starting_words().words.get(self.key(i)).is_some(),
            TokenKind::Symbol | TokenKind::Punct => self.kind(i + 1) == Some(TokenKind::Number),
            TokenKind::LatinWord => false,
        };
        if !candidate || self.excluded(i) {
            return None;
        }
        match kind {
            TokenKind::Number | TokenKind::Percentage => {
                // A minus glued to the number, after a space: `بنسبة -3,5%` (not `كوفيد-19`,
                // not the second end of `2003 -2007`).
                let minus = i > 0
                    && self.glued(i - 1)
                    && self.is_sign(i - 1, &["-", "−"])
                    && !self.raw(i).starts_with(['%', '٪'])
                    && (i == 1 || !self.glued(i - 2))
                    && (i == 1 || !matches!(self.kind(i - 2), Some(TokenKind::Number | TokenKind::Percentage)));
                if minus {
                    self.quantity(i, self.toks[i - 1].start, Prefix::Negative)
                } else {
                    self.quantity(i, self.toks[i].start, Prefix::None)
                }
            }
            TokenKind::ArabicWord => {
                if self.key(i) == "سالب" && self.follows(i) {
                    return self.quantity(i + 1, self.toks[i].start, Prefix::Negative);
                }
                match self.first_word(i) {
                    Some((_, start)) => self.quantity(i, start, Prefix::None),
                    // `الأربعة ملايين دينار`, `الخمسة أشهر`: a definite cardinal with a scale
                    // word or before the noun it counts.
                    None if self.definite_counts(i) => self.quantity(i, self.toks[i].start, Prefix::None),
                    None => self.definite_cardinal(i),
                }
            }
            TokenKind::Symbol | TokenKind::Punct => {
                let number_next =
                    self.kind(i + 1) == Some(TokenKind::Number) && self.follows(i) && !self.excluded(i + 1);
                if !number_next {
                    return None;
                }
                if self.is_sign(i, CURRENCY_SYMBOLS) {
                    let sym = self.raw(i).to_string();
                    return self.quantity(i + 1, self.toks[i + 1].start, Prefix::Currency(sym));
                }
                let after_number = i > 0 && matches!(self.kind(i - 1), Some(TokenKind::Number | TokenKind::Percentage));
                if self.is_sign(i, &["%", "٪"]) && !after_number && !self.gap(i).contains('\n') {
                    return self.quantity(i + 1, self.toks[i].start, Prefix::Percent);
                }
                None
            }
            TokenKind::LatinWord => None,
        }
    }

    /// A definite cardinal 3–10 after the definite noun it counts: `الأعوام السبعة`,
    /// `المرشحون الستة`, `للأعضاء الخمسة` (not `يوم الاثنين`, `القرن العشرين`, `الست`).
    fn definite_cardinal(&self, i: usize) -> Option<Draft> {
        let rest = self.key(i).strip_prefix("ال")?;
        let value = match number_word(rest)? {
            NumberWord::Unit(u @ 3..=9) if rest != "ست" => u as f64,
            NumberWord::Ten => 10.0,
            _ => return None,
        };
        let p = self.before(i)?;
        let noun = self.key(p);
        let definite = ["ال", "وال", "بال", "لل", "فال", "كال"].iter().any(|a| noun.starts_with(a));
        if self.kind(p) != Some(TokenKind::ArabicWord) || !definite || self.first_word(p).is_some() || self.excluded(p)
        {
            return None;
        }
        let t = self.toks[i];
        Some(Draft {
            figure: Figure {
                start: t.start,
                end: t.end,
                text: self.raw(i).to_string(),
                value,
                percent: false,
                unit: Some(self.toks[p].surface(self.text).into_owned()),
                currency: None,
            },
            first: i,
            next: i + 1,
            scale: None,
            numeral: None,
            bare: false,
            spelt_year: false,
        })
    }

    /// A definite cardinal (`الأربعة`, `العشرين`, `المائة`): its number word.
    fn definite_number(&self, i: usize) -> Option<NumberWord> {
        let rest = self.key(i).strip_prefix("ال")?;
        match number_word(rest)? {
            w @ (NumberWord::Unit(1..) | NumberWord::Ten | NumberWord::Tens(_) | NumberWord::Hundreds(_)) => Some(w),
            _ => None,
        }
    }

    /// The figure `p` was restated in parentheses closed at token `close`: a scale word after
    /// them multiplies it, and a currency after that is its currency. Gives the scale word's
    /// token when there is one.
    fn scale_after_parenthesis(&self, p: &mut Draft, close: usize) -> Option<usize> {
        if !(self.is_sign(close, &[")"]) && self.follows(close) && !p.figure.percent && p.scale.is_none()) {
            return None;
        }
        let Some((scale, ScaleForm::Singular | ScaleForm::Plural | ScaleForm::Accusative)) =
            scale_word(self.key(close + 1))
        else {
            return None;
        };
        p.figure.value *= scale;
        p.scale = Some(scale);
        if let Some(Noun::Currency(c)) = self.noun_after(close + 1) {
            p.figure.currency = Some(c);
            p.figure.unit = None;
        }
        Some(close + 1)
    }

    /// A definite cardinal at `i` that is a count: before a scale word (`الأربعة ملايين`), or,
    /// from 3 up, before the indefinite noun it counts, also after `عشر` (`الخمسة أشهر
    /// الأولى`, `الخمسة عشر يوما الأخيرة`, `الثلاثين كيلوغراما`), or before `الكبار`,
    /// `الأوائل` or an elative (the top N: `العشرة الكبار`). Not `يوم الاثنين`, and not
    /// `الأعوام الخمسة` (see [`Self::definite_cardinal`]).
    fn definite_counts(&self, i: usize) -> bool {
        let Some(w) = self.definite_number(i) else { return false };
        if self.scale_after(i) {
            return true;
        }
        if matches!(w, NumberWord::Unit(0..=2)) || !self.follows(i) {
            return false;
        }
        // The top N: `العشرة الكبار`, `الثلاثة الأوائل`, `الخمسة الأكثر تأثيرا`.
        let top = self.key(i + 1).strip_prefix("ال").is_some_and(|rest| {
            matches!(rest, "كبار" | "اوائل") || (rest.starts_with('ا') && rest.chars().count() == 4)
        });
        if top && self.kind(i + 1) == Some(TokenKind::ArabicWord) {
            return true;
        }
        let j = if matches!(self.key(i + 1), "عشر" | "عشره") && self.follows(i + 1) { i + 2 } else { i + 1 };
        match self.noun_at(j, false) {
            Some(Noun::Currency(_)) => true,
            Some(Noun::Unit { strong, .. }) => {
                let key = self.key(j);
                strong
                    || PLURAL_COUNT_NOUNS.contains(&key)
                    // The accusative of a counted noun (`يوما`), not an adverb in `يا`
                    // (`المرتبة السابعة والأربعين عالميا`).
                    || key.strip_suffix('ا').is_some_and(|stem| {
                        stem.chars().count() >= 3 && !stem.starts_with('و') && !stem.ends_with('ي')
                    })
            }
            None => false,
        }
    }

    /// `واحد`/`واحدة` after the singular indefinite noun it counts (`صوت واحد`, `بساعة
    /// واحدة`): that noun. Not after a definite noun (`الحزب الواحد`), a dual or plural, an
    /// identifier word (`رقم واحد`) or in the idioms `في آن واحد`, `من جانب واحد`, `كرجل واحد`.
    fn one_after_noun(&self, q: usize) -> Option<usize> {
        // (Not `وأحد`, "and one of", which folds to the same key.)
        if !matches!(self.toks[q].surface(self.text).as_ref(), "واحد" | "واحدة" | "واحده" | "واحدا")
        {
            return None;
        }
        let p = self.before(q)?;
        let key = self.key(p);
        // A singular noun (not `سيارتين واحدة …`, "one of two cars"), and not `واحد من`
        // ("one of").
        let one_of = self.follows(q) && matches!(self.key(q + 1), "من" | "منهم" | "منها");
        let ok = self.kind(p) == Some(TokenKind::ArabicWord)
            && !self.excluded(p)
            && is_unit_word(key, false)
            && !is_plural(key)
            && !with_proclitics(key, |k| ONE_IDIOMS.contains(&k) || IDENTIFIER_WORD_SET.contains(k))
            && !one_of;
        ok.then_some(p)
    }

    /// The number word token `i` starts with, after at most one proclitic pair (`و`, `ف`
    /// then `ب`, `ل`, `ك`), and the byte where the number word starts.
    fn first_word(&self, i: usize) -> Option<(NumberWord, usize)> {
        let &(w, letters) = first_words().get(self.key(i))?;
        if letters == 0 {
            return Some((w, self.toks[i].start));
        }
        let raw = self.raw(i);
        let mut seen = 0;
        let mut offset = raw.len();
        for (k, c) in raw.char_indices() {
            if is_mark(c) || c == TATWEEL {
                continue;
            }
            if seen == letters {
                offset = k;
                break;
            }
            seen += 1;
        }
        Some((w, self.toks[i].start + offset))
    }

    /// The percent marker after token `last`, if any: the index of its last token.
    fn percent_after(&self, last: usize) -> Option<usize> {
        if !self.follows(last) {
            return None;
        }
        let j = last + 1;
        if self.is_sign(j, &["%", "٪"]) && !self.gap(last).contains('\n') {
            return Some(j);
        }
        let key = self.key(j);
        if PERCENT_WORDS.contains(&key) {
            return Some(j);
        }
        (key == "في" && self.follows(j) && PERCENT_NOUNS.contains(&self.key(j + 1))).then_some(j + 1)
    }

    /// A scale word follows token `last`.
    fn scale_after(&self, last: usize) -> bool {
        self.follows(last) && (scale_word(self.key(last + 1)).is_some() || self.abbreviated_scale(last + 1).is_some())
    }

    /// Maghrebi money abbreviations at token `i`: `م د` / `م.د` (مليون دينار) and `أ د` /
    /// `أ.د` (ألف دينار), also followed by `ت` (`م.د.ت`, dinars tunisiens): the scale and the
    /// token that ends them. A lone `م` or `أ` is no scale (metres, a list letter).
    fn abbreviated_scale(&self, i: usize) -> Option<(f64, usize)> {
        let scale = match self.key(i) {
            "م" => 1e6,
            "ا" => 1e3,
            _ => return None,
        };
        let d = if self.is_sign(i + 1, &["."]) && self.glued(i) && self.glued(i + 1) { i + 2 } else { i + 1 };
        (self.follows(i) && self.is_word(d, "د") && self.follows(d - 1)).then_some((scale, self.dinar_end(d)))
    }

    /// The last token of the dinar abbreviation `د` at `d`: `د`, or `د.ت`/`د ت` (dinar tunisien).
    fn dinar_end(&self, d: usize) -> usize {
        if self.is_sign(d + 1, &["."]) && self.glued(d) && self.glued(d + 1) && self.is_word(d + 2, "ت") {
            d + 2
        } else if self.follows(d) && self.is_word(d + 1, "ت") {
            d + 1
        } else {
            d
        }
    }

    /// TAP's decimal notation, fraction first: `1ر31` is 31.1, `904ر319` is 319.904, `04ر1` is
    /// 1.04 (the digits of each side written left to right, the sides right to left). Token `i`
    /// holds the fraction; gives the number and the token of its integer part.
    fn tap_decimal(&self, i: usize) -> Option<(numbers::Numeral, usize)> {
        if !(self.glued(i) && self.glued(i + 1)) || self.raw(i + 1) != "ر" {
            return None;
        }
        let (fraction, integer) = (self.raw(i), self.raw(i + 2));
        let decimals = fraction.chars().count();
        if self.kind(i + 2) != Some(TokenKind::Number)
            || !numbers::is_plain_integer(fraction)
            || !numbers::is_plain_integer(integer)
            || decimals > 6
            || integer.chars().count() > 9
        {
            return None;
        }
        // Not part of a longer chain (`1ر2ر3`).
        let chained = |k: usize| self.raw(k) == "ر";
        if (i > 0 && self.glued(i - 1) && chained(i - 1)) || (self.glued(i + 2) && chained(i + 3)) {
            return None;
        }
        let digits = |s: &str| numbers::parse_numeral(s, NumberContext::default()).map(numbers::Numeral::value);
        let mantissa = digits(integer)? * 10f64.powi(decimals as i32) + digits(fraction)?;
        Some((numbers::Numeral { mantissa, decimals: decimals as u32 }, i + 2))
    }

    /// A decimal read aloud: `46 فاصل 5` is 46.5, `3 فاصلة 25` is 3.25 (two plain integers
    /// around the word for the decimal point). Gives the number and its last token.
    fn spoken_decimal(&self, i: usize) -> Option<(numbers::Numeral, usize)> {
        let (integer, fraction) = (self.raw(i), self.raw(i + 2));
        let decimals = fraction.chars().count();
        let ok = self.follows(i)
            && matches!(self.key(i + 1), "فاصل" | "فاصله")
            && self.follows(i + 1)
            && self.kind(i + 2) == Some(TokenKind::Number)
            && numbers::is_plain_integer(integer)
            && numbers::is_plain_integer(fraction)
            && integer.chars().count() <= 9
            && decimals <= 6;
        if !ok {
            return None;
        }
        let digits = |s: &str| numbers::parse_numeral(s, NumberContext::default()).map(numbers::Numeral::value);
        let mantissa = digits(integer)? * 10f64.powi(decimals as i32) + digits(fraction)?;
        Some((numbers::Numeral { mantissa, decimals: decimals as u32 }, i + 2))
    }

    /// Groups of digits written in display order, right to left, as an Arabic editor shows a
    /// number typed group by group: `841 991 2` is 2 991 841, and in a text that does so,
    /// `321 666` is 666 321. Groups of 3 digits (the last written may be shorter) separated by
    /// single spaces, no number right after them. The digits in reading order and the last
    /// token.
    fn reversed_groups(&self, i: usize) -> Option<(String, usize)> {
        let group = |k: usize| {
            let raw = self.raw(k);
            (self.kind(k) == Some(TokenKind::Number) && numbers::is_plain_integer(raw)).then(|| raw.chars().count())
        };
        if group(i) != Some(3) {
            return None;
        }
        let mut last = i;
        while self.gap(last) == " " {
            match group(last + 1) {
                Some(3) => last += 1,
                Some(1 | 2) => {
                    last += 1;
                    break;
                }
                _ => break,
            }
        }
        let short = group(last).is_some_and(|n| n < 3);
        let ok = last > i
            && !(self.gap(last) == " " && group(last + 1).is_some())
            && !(i > 0 && self.gap(i - 1) == " " && group(i - 1).is_some())
            && (short || self.writes_reversed_groups());
        ok.then(|| (i..=last).rev().map(|k| self.raw(k)).collect())
            .filter(|digits: &String| !digits.starts_with(['0', '٠']))
            .map(|digits| (digits, last))
    }

    /// The text has a number that can only be read in display order (`841 991 2`).
    fn writes_reversed_groups(&self) -> bool {
        *self.reversed.get_or_init(|| {
            (0..self.len()).any(|k| {
                self.kind(k) == Some(TokenKind::Number) && {
                    let mut last = k;
                    let three = |j: usize| {
                        self.kind(j) == Some(TokenKind::Number)
                            && numbers::is_plain_integer(self.raw(j))
                            && self.raw(j).chars().count() == 3
                    };
                    while three(last) && self.gap(last) == " " && three(last + 1) {
                        last += 1;
                    }
                    let tail = last + 1;
                    three(k)
                        && self.gap(last) == " "
                        && self.kind(tail) == Some(TokenKind::Number)
                        && numbers::is_plain_integer(self.raw(tail))
                        && self.raw(tail).chars().count() < 3
                        && !(self.gap(tail) == " " && self.kind(tail + 1) == Some(TokenKind::Number))
                }
            })
        })
    }

    /// Numbers grouped by spaces from token `i`: the digits and the last token.
    fn grouped(&self, i: usize) -> Option<(String, usize)> {
        let first = self.raw(i);
        let n = first.chars().count();
        if !numbers::is_plain_integer(first) || n > 3 || first.starts_with(['0', '٠']) {
            return None;
        }
        let (mut last, mut hard, mut soft, mut zeros) = (i, 0, 0, true);
        while self.kind(last + 1) == Some(TokenKind::Number) {
            let group = self.raw(last + 1);
            if !numbers::is_plain_integer(group) || group.chars().count() != 3 {
                break;
            }
            match self.gap(last) {
                "\u{A0}" | "\u{202F}" | "\u{2009}" => hard += 1,
                " " => {
                    soft += 1;
                    zeros &= group.chars().all(|c| numbers::digit_value(c) == Some(0));
                }
                _ => break,
            }
            last += 1;
        }
        let ok = last > i && (soft == 0 || soft >= 2 || zeros) && (hard > 0 || soft > 0);
        let ok = ok && !(self.kind(last + 1) == Some(TokenKind::Number) && self.gap(last).len() == 1);
        // The digits are joined only then: most numbers are not grouped.
        ok.then(|| ((i..=last).map(|k| self.raw(k)).collect(), last))
    }

    /// A number written with the Arabic comma between its digits (`942،4 م د`, `20،3 بالمائة`),
    /// which the tokenizer splits: the digits with a Latin comma, which [`numbers::parse_numeral`]
    /// reads by its rules, and the last token. At most 3 digits after it (`2015،2016` is a
    /// list), and no chain (`1،2،3`).
    fn arabic_comma(&self, i: usize) -> Option<(String, usize)> {
        let comma = |k: usize| self.is_sign(k, &["،"]);
        let (a, b) = (self.raw(i), self.raw(i + 2));
        let ok = self.glued(i)
            && comma(i + 1)
            && self.glued(i + 1)
            && self.kind(i + 2) == Some(TokenKind::Number)
            && numbers::is_plain_integer(a)
            && numbers::is_plain_integer(b)
            && b.chars().count() <= 3
            && !(self.glued(i + 2) && comma(i + 3))
            && !(i > 0 && self.glued(i - 1) && comma(i - 1));
        ok.then(|| format!("{a},{b}")).map(|d| (d, i + 2))
    }

    /// Number tokens touching `/` or `:` and another number: dates and times.
    fn date_or_time(&self, i: usize) -> bool {
        let sep = |k: usize| self.is_sign(k, &["/", ":", "\\"]);
        let num = |k: usize| matches!(self.kind(k), Some(TokenKind::Number));
        (self.glued(i) && sep(i + 1) && self.glued(i + 1) && num(i + 2))
            || (i >= 2 && self.glued(i - 1) && sep(i - 1) && self.glued(i - 2) && num(i - 2))
            || self.clock(i)
            || (i >= 2 && self.clock(i - 2))
    }

    /// Is token `i` the hour of a time written with a space after the colon (`19: 48`): an
    /// hour up to 24 touching `:`, then two digits of minutes? (A score's sides, `2: 1`, are
    /// not written with two-digit minutes after an hour; nor is a numbered item's price,
    /// `منصة عدد 3: 40 دينار`.)
    fn clock(&self, i: usize) -> bool {
        let hour = |h: &str| h.parse::<u32>().is_ok_and(|h| h <= 24);
        let minutes = |m: &str| m.len() == 2 && m.parse::<u32>().is_ok_and(|m| m < 60);
        let numbered = || i >= 1 && (self.is_word(i - 1, "عدد") || self.is_word(i - 1, "رقم"));
        // (The colon first: it is asked of every number.)
        self.glued(i)
            && self.is_sign(i + 1, &[":"])
            && self.gap(i + 1) == " "
            && self.kind(i) == Some(TokenKind::Number)
            && self.kind(i + 2) == Some(TokenKind::Number)
            && hour(self.raw(i))
            && minutes(self.raw(i + 2))
            && !numbered()
    }

    /// Reads the quantity that starts at token `q` (the figure starts at byte `start`).
    fn quantity(&self, q: usize, start: usize, prefix: Prefix) -> Option<Draft> {
        let mut acc = Accumulator::new();
        let mut pos = q;
        let mut best: Option<(usize, Accumulator)> = None;
        // The figure up to the last scale word read.
        let mut scaled: Option<(usize, Accumulator)> = None;
        let mut percent_token = false;
        let mut numeral: Option<Range<usize>> = None;
        let mut first_atom: Option<NumberWord> = None;
        // The last token of an abbreviation read as a scale word (`م د`), which names the dinar.
        let mut dinar_at: Option<usize> = None;
        while pos < self.len() {
            let first = pos == q;
            if !first && !self.follows(pos - 1) {
                break;
            }
            let (mut p, mut and) = (pos, false);
            if !first && self.is_word(pos, "و") {
                if !self.follows(pos) {
                    break;
                }
                p = pos + 1;
                and = true;
            }
            if self.excluded(p) {
                break;
            }
            let mut last = p;
            let atom = match self.kind(p) {
                Some(TokenKind::Number) if self.tap_decimal(p).or_else(|| self.spoken_decimal(p)).is_some() => {
                    let (n, end) = self.tap_decimal(p).or_else(|| self.spoken_decimal(p))?;
                    if !first && self.percent_after(end).is_some() {
                        break;
                    }
                    last = end;
                    Atom::Digits(n)
                }
                Some(TokenKind::Number) => {
                    if self.date_or_time(p) {
                        if first {
                            return None;
                        }
                        break;
                    }
                    let groups = self.reversed_groups(p).or_else(|| self.grouped(p));
                    let (digits, end) = match groups.or_else(|| self.arabic_comma(p)) {
                        Some((d, end)) => (std::borrow::Cow::Owned(d), end),
                        None => (std::borrow::Cow::Borrowed(self.raw(p)), p),
                    };
                    // `6 ملايين و 5%`: a percentage is a figure of its own.
                    if !first && self.percent_after(end).is_some() {
                        break;
                    }
                    last = end;
                    let context = NumberContext {
                        percent: matches!(prefix, Prefix::Percent) || self.percent_after(end).is_some(),
                        scaled: self.scale_after(end),
                    };
                    match numbers::parse_numeral(&digits, context) {
                        Some(n) => {
                            if first && end == p {
                                numeral = Some(self.toks[p].start..self.toks[p].end);
                            }
                            Atom::Digits(n)
                        }
                        None if first => return None,
                        None => break,
                    }
                }
                Some(TokenKind::Percentage) if first && matches!(prefix, Prefix::None | Prefix::Negative) => {
                    percent_token = true;
                    let body = self.raw(p).trim_matches(['%', '٪']);
                    let n = numbers::parse_numeral(body, NumberContext { percent: true, scaled: false })?;
                    Atom::Digits(n)
                }
                // `370 م د`, `2.853 م.د`, `611.5 أ د`: a scale abbreviated before the dinar.
                Some(TokenKind::ArabicWord) if !first && !and && self.abbreviated_scale(p).is_some() => {
                    let (scale, end) = self.abbreviated_scale(p)?;
                    last = end;
                    dinar_at = Some(end);
                    Atom::Word(NumberWord::Scale(scale, ScaleForm::Singular))
                }
                Some(TokenKind::ArabicWord) => {
                    let key = self.key(p);
                    let word = if first {
                        self.first_word(p)
                            .map(|(w, _)| w)
                            .or_else(|| self.definite_number(p).filter(|_| self.definite_counts(p)))
                    } else if let Some(w) = number_word(key) {
                        Some(w)
                    } else if let (false, Some(rest)) = (and, key.strip_prefix('و')) {
                        and = true;
                        number_word(rest)
                    } else {
                        None
                    };
                    match word {
                        Some(NumberWord::Scale(v, ScaleForm::Accusative)) if acc.atoms() == 0 => {
                            Atom::Word(NumberWord::Scale(v, self.accusative_form(p)))
                        }
                        Some(w) => Atom::Word(w),
                        None => break,
                    }
                }
                _ => break,
            };
            if first {
                if let Atom::Word(w) = atom {
                    first_atom = Some(w);
                }
            }
            let is_scale = matches!(atom, Atom::Word(NumberWord::Scale(..)));
            if !acc.push(atom, and) {
                if first {
                    return None;
                }
                // `5 ملايين و7 ملايين`: the group after و has its own scale word, so it is
                // another figure.
                if is_scale && acc.is_scaled() {
                    best = scaled;
                }
                break;
            }
            // `مليون ونصف المليون`: the scale word repeated with the article.
            if matches!(atom, Atom::Word(NumberWord::Fraction(_))) && !first && self.follows(last) {
                let repeated = self.key(last + 1).strip_prefix("ال").and_then(scale_word);
                if repeated.is_some_and(|(v, _)| Some(v) == acc.last_scale()) {
                    last += 1;
                }
            }
            if acc.value().is_some() {
                best = Some((last, acc));
            }
            if is_scale {
                scaled = best;
            }
            pos = last + 1;
            if percent_token {
                break;
            }
        }
        let (last, acc) = best?;
        let mut value = acc.value()?;
        let mut end_tok = last;
        let mut percent = percent_token || matches!(prefix, Prefix::Percent);
        if !percent {
            if let Some(j) = self.percent_after(last) {
                percent = true;
                end_tok = j;
            }
        }
        let (mut currency, mut unit, mut strong, mut direct) = (None, None, false, false);
        if let Prefix::Currency(sym) = &prefix {
            currency = Some(sym.clone());
        }
        if dinar_at == Some(last) {
            currency = Some("دينار".to_string());
        }
        if !percent && currency.is_none() {
            // `حجز (3500) خرطوشة`: a number in parentheses, and the noun after them.
            let parenthesized = self.follows(end_tok)
                && self.is_sign(end_tok + 1, &[")"])
                && self.before(q).is_some_and(|p| self.is_sign(p, &["("]));
            match self.noun_after(if parenthesized { end_tok + 1 } else { end_tok }) {
                Some(Noun::Currency(c)) => currency = Some(c),
                Some(Noun::Unit { surface, strong: s, direct: d }) => {
                    unit = Some(surface);
                    strong = s;
                    direct = d;
                }
                None => {}
            }
        }
        let single_numeral = acc.atoms() == 1 && numeral.is_some();
        if single_numeral && !percent && currency.is_none() && self.not_a_count(q, strong || unit.is_some(), strong) {
            return None;
        }
        let measured = acc.is_scaled() || percent;
        // A noun after a preposition is no counted noun after `عدد` (`العلامة عدد 3 لرسم`).
        let plain_unit = unit.as_ref().is_some_and(|u| !u.starts_with(['ل', 'ب']));
        let counted = direct && (strong || plain_unit) || currency.is_some();
        if single_numeral && self.identifier(q, end_tok, measured || counted) {
            return None;
        }
        if let (1, Some(w)) = (acc.atoms(), first_atom) {
            let alone_ok = match w {
                NumberWord::Unit(1) => currency.is_some() || percent || self.one_after_noun(q).is_some(),
                NumberWord::Unit(0) => percent || self.score_side(q),
                NumberWord::Ten => !self.after_ordinal(q),
                _ => true,
            };
            if !alone_ok {
                return None;
            }
        }
        if let (1, Some(NumberWord::Unit(1)), None) = (acc.atoms(), first_atom, &currency) {
            if let Some(p) = self.one_after_noun(q) {
                unit = Some(self.toks[p].surface(self.text).into_owned());
            }
        }
        if matches!(prefix, Prefix::Negative) {
            value = -value;
        }
        let end = self.toks[end_tok].end;
        // A year read out in words (دورة ألفين وستة وعشرين ستقام) counts nothing: a year is
        // never a figure, and a count in words has a noun that is clearly counted (ألفين
        // وعشرين شخصا), not any word after it (a verb).
        let spelt_out = !self.text[start..end].chars().any(char::is_numeric);
        let year = value.fract() == 0.0 && (1900.0..=2100.0).contains(&value);
        // (A year in words has two words at least: ألفي alone is two thousand of a noun.)
        let spelt_year = spelt_out && year && acc.atoms() >= 2 && !percent && !strong && currency.is_none();
        let bare = !acc.is_scaled() && !percent && unit.is_none() && currency.is_none();
        Some(Draft {
            figure: Figure { start, end, text: self.text[start..end].to_string(), value, percent, unit, currency },
            first: q,
            next: end_tok + 1,
            scale: acc.last_scale(),
            numeral: if single_numeral { numeral } else { None },
            bare,
            spelt_year,
        })
    }

    /// `ألفا`/`مليونا` with no multiplier: the dual construct (`ألفا ريال` = 2000) when the
    /// tanwin is not written and a counted noun or currency follows at once; else one.
    fn accusative_form(&self, i: usize) -> ScaleForm {
        let tanwin = self.raw(i).contains('\u{064B}');
        if !tanwin && self.follows(i) && !self.is_word(i + 1, "و") && self.noun_at(i + 1, false).is_some() {
            ScaleForm::Dual
        } else {
            ScaleForm::Singular
        }
    }

    /// The currency or counted noun after token `last`.
    fn noun_after(&self, last: usize) -> Option<Noun> {
        if !self.follows(last) {
            return None;
        }
        let j = last + 1;
        if let Some(noun) = self.noun_at(j, false) {
            return Some(noun);
        }
        if self.is_word(j, "من") && self.follows(j) {
            return self.noun_at(j + 1, true);
        }
        None
    }

    /// Token `j` as a currency or a counted noun; `partitive` after `من` (definite allowed).
    fn noun_at(&self, j: usize, partitive: bool) -> Option<Noun> {
        if j >= self.len() || self.excluded(j) {
            return None;
        }
        match self.kind(j)? {
            TokenKind::Symbol | TokenKind::Punct if !partitive => {
                self.is_sign(j, CURRENCY_SYMBOLS).then(|| Noun::Currency(self.raw(j).to_string()))
            }
            TokenKind::LatinWord if !partitive => {
                CURRENCY_CODES.contains(&self.raw(j)).then(|| Noun::Currency(self.raw(j).to_string()))
            }
            TokenKind::ArabicWord => {
                let key = self.key(j);
                let bare = if partitive { key.strip_prefix("ال").unwrap_or(key) } else { key };
                // `30 د`, `20.370 د`, `10 مليون د`: the Maghrebi abbreviation of the dinar.
                if key == "د" && !partitive {
                    return Some(Noun::Currency("دينار".to_string()));
                }
                if let Some(c) = currency_word(bare) {
                    return Some(Noun::Currency(c.to_string()));
                }
                if !is_unit_word(key, partitive) {
                    return None;
                }
                // After من, a group: `من النشطاء`, `من أنصار`, `من المرشحين` (not `من صندوق`).
                if partitive && !(key.starts_with("ال") || key.starts_with("لل") || is_plural(key) || is_afal(key))
                {
                    return None;
                }
                let stem = key.strip_suffix('ا').unwrap_or(key);
                let strong = self.raw(j).contains('\u{064B}')
                    || is_plural(key)
                    || is_afal(bare)
                    || COUNT_NOUN_SET.contains(key)
                    || COUNT_NOUN_SET.contains(stem);
                let surface = self.toks[j].surface(self.text).into_owned();
                Some(Noun::Unit { surface, strong, direct: !partitive })
            }
            _ => None,
        }
    }

    /// A lone integer `q` that is a year, a day of a month or a time; `counted` when a noun
    /// follows, `strong` when that noun is clearly counted.
    fn not_a_count(&self, q: usize, counted: bool, strong: bool) -> bool {
        let raw = self.raw(q);
        if self.kind(q) != Some(TokenKind::Number) || !numbers::is_plain_integer(raw) {
            return false;
        }
        let value = numbers::parse_number(raw, NumberContext::default()).unwrap_or(0.0);
        let digits = raw.chars().count();
        let prev = self.before(q);
        let prev_key = prev.map_or("", |p| self.key(p));
        let next = self.follows(q).then_some(q + 1);
        let next_key = next.map_or("", |n| self.key(n));
        let month_after = next.is_some_and(|n| self.is_month(n));
        let month_before = prev.is_some_and(|p| self.is_month(p));
        // Days, and the first day of a range of days (`من 13 إلى 15 سبتمبر`, `13-15 مارس`).
        if (1.0..=31.0).contains(&value) && digits <= 2 {
            if month_after || prev.is_some_and(|p| self.is_latin_month(p)) {
                return true;
            }
            let connector = next.is_some_and(|n| self.is_sign(n, &["-", "–"]) || RANGE_WORDS.contains(&self.key(n)));
            if connector && self.follows(q + 1) && self.follows(q + 2) && self.is_month(q + 3) {
                let day = self.raw(q + 2);
                let day =
                    numbers::parse_number(day, NumberContext::default()).filter(|_| numbers::is_plain_integer(day));
                if day.is_some_and(|d| (1.0..=31.0).contains(&d)) {
                    return true;
                }
            }
        }
        // Hijri years (1445 هـ), times (الساعة 8, and the minutes of `الساعة 15 و40 دقيقة`).
        let minutes = || {
            prev_key == "و"
                && prev.and_then(|p| self.before(p)).is_some_and(|h| {
                    self.kind(h) == Some(TokenKind::Number)
                        && self.before(h).is_some_and(|t| TIME_WORDS.contains(&self.key(t)))
                })
        };
        if next_key == "ه" || TIME_WORDS.contains(&prev_key) || minutes() {
            return true;
        }
        if (3..=4).contains(&digits) && YEAR_WORDS.contains(&prev_key) {
            return true;
        }
        let year_like = digits == 4 && (1900.0..=2100.0).contains(&value);
        if !year_like {
            // After the article: an ordinal (القرن الـ21) unless it counts something.
            // (`الساعات الـ24` counts the hours).
            let plural_before = prev.and_then(|p| self.before(p)).is_some_and(|n| {
                let rest = self.key(n).strip_prefix("ال").unwrap_or("");
                is_plural(rest) || is_afal(rest)
            });
            return prev_key == "ال" && !counted && !plural_before && !self.scale_after(q) && !self.elative_after(q);
        }
        if YEAR_WORDS.contains(&prev_key) || month_before || YEAR_AFTER.contains(&next_key) {
            return true;
        }
        // The end of a range of years: 2003-2007, 1999 و2002, 2011 إلى 2013.
        if let Some(p) = prev {
            let connector = self.is_sign(p, &["-", "–", "—", "/"]) || RANGE_WORDS.contains(&self.key(p));
            if connector && p > 0 && self.follows(p - 1) && self.is_year_like(p - 1) {
                return true;
            }
        }
        !(strong || self.scale_after(q))
    }

    /// A definite elative follows `q`: `الـ10 الأعلى دخلا`, `الـ50 الأكثر تأثيرا` (the N
    /// most …), which makes `الـN` a count, not an ordinal.
    fn elative_after(&self, q: usize) -> bool {
        self.follows(q)
            && self.kind(q + 1) == Some(TokenKind::ArabicWord)
            && self.key(q + 1).strip_prefix("ال").is_some_and(|rest| rest.starts_with('ا') && rest.chars().count() == 4)
    }

    fn is_year_like(&self, i: usize) -> bool {
        let raw = self.raw(i);
        self.kind(i) == Some(TokenKind::Number)
            && raw.chars().count() == 4
            && numbers::is_plain_integer(raw)
            && numbers::parse_number(raw, NumberContext::default()).is_some_and(|v| (1900.0..=2100.0).contains(&v))
    }

    fn is_month(&self, i: usize) -> bool {
        MONTH_SET.contains(self.key(i)) || self.is_latin_month(i)
    }

    fn is_latin_month(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::LatinWord) && LATIN_MONTHS.iter().any(|m| m.eq_ignore_ascii_case(self.raw(i)))
    }

    /// A numeral (tokens `q..=last`) that names rather than counts: `المادة 5`, `كوفيد-19`,
    /// `5G`, `0123`, `(1)`, a list mark at the start of a line. `counts`: a scale word, a
    /// percent, a currency or a counted noun right after says it counts (`صوّت لصالح القرار
    /// 128 دولة`, `إيقاف عدد 107 أشخاص`, `بعدد 96 حملة`); a noun after a preposition does not
    /// (`الطريق الوطنية رقم 1 بمنطقة`, `العلامة الكلمترية عدد 3 لرسم`).
    fn identifier(&self, q: usize, last: usize, counts: bool) -> bool {
        let raw = self.raw(q);
        // `القانون عدد 52 لسنة 1992`, `قانون 10 لسنة 2015`: a number of the year given.
        if !counts && self.follows(last) && matches!(self.key(last + 1), "لسنه" | "لعام") {
            let year = last + 2;
            if self.follows(last + 1)
                && self.kind(year) == Some(TokenKind::Number)
                && self.raw(year).chars().count() == 4
            {
                return true;
            }
        }
        // Phone numbers: a long number shortly after `الرقم`, `الأرقام`, `الهاتف` …
        // (`على الرقمين: 70.103.700`, `بالأرقام الهاتفية التالية: 71.341.666 71.571.264`).
        if !counts
            && raw.chars().filter(|&c| numbers::digit_value(c).is_some()).count() >= 6
            && self.after_phone_word(q)
        {
            return true;
        }
        // The word before the number, or before the first number of a list
        // (`الفصول 6 و22 و35`, `الفصلين 92 و93`).
        // (`الجولة الـ33`: the noun before the article.)
        let noun =
            self.before(self.list_head(q)).and_then(|p| if self.is_word(p, "ال") { self.before(p) } else { Some(p) });
        if !counts && noun.is_some_and(|p| identifier_noun(self.key(p))) {
            return true;
        }
        // كوفيد-19, F-16: a word, a hyphen and the number, all glued (not a score: `صفر-2`).
        if q >= 2
            && self.glued(q - 1)
            && self.glued(q - 2)
            && self.is_sign(q - 1, &["-"])
            && matches!(self.kind(q - 2), Some(TokenKind::ArabicWord | TokenKind::LatinWord))
            && self.first_word(q - 2).is_none()
        {
            return true;
        }
        // 5G, 3D.
        if self.glued(last) && self.kind(last + 1) == Some(TokenKind::LatinWord) {
            return true;
        }
        if self.kind(q) == Some(TokenKind::Number)
            && numbers::is_plain_integer(raw)
            && raw.chars().count() > 1
            && raw.starts_with(['0', '٠'])
        {
            return true;
        }
        let short = self.kind(q) == Some(TokenKind::Number) && raw.chars().count() <= 2;
        // Footnote marks: (1), [2] (not `(40) كيلوغراما`).
        if short
            && !counts
            && q > 0
            && self.glued(q - 1)
            && self.glued(q)
            && ((self.is_sign(q - 1, &["("]) && self.is_sign(q + 1, &[")"]))
                || (self.is_sign(q - 1, &["["]) && self.is_sign(q + 1, &["]"])))
        {
            return true;
        }
        // A number closing a short name in quotes: `"أوميغا 3"`, `«آيفون 7»`.
        if !counts && self.quoted_name_end(q, last) {
            return true;
        }
        // A list mark inside a line, next to the other marks of its list (standings:
        // `1- الترجي 20 ن 2- النجم الساحلي 19 ن 3- …`).
        if short && !counts && self.list_mark_value(q).is_some() && self.numbered_neighbour(q) {
            return true;
        }
        // List marks at the start of a line or a sentence: 1) 2- 3. (`… أميركي. 2- تيم كوك`),
        // before a word (`3- صفر` is a score).
        // (Last: looking back for the line's start is the costly test.)
        let line_start = || self.text[..self.toks[q].start].rsplit('\n').next().is_none_or(|s| s.trim().is_empty());
        let sentence_start = || {
            q > 0
                && !self.glued(q - 1)
                && self.is_sign(q - 1, &[".", "!", "?", "؟", ":", "؛"])
                && !(q > 1 && self.glued(q - 2) && self.kind(q - 2) == Some(TokenKind::Number))
        };
        let word_after = || {
            self.kind(q + 2) == Some(TokenKind::ArabicWord) && self.first_word(q + 2).is_none()
                || self.kind(q + 2) == Some(TokenKind::LatinWord)
        };
        // `21-أيمن`: glued to a word that is no number (not a score, not `2-صفر`).
        let spaced = self.gap(q + 1).starts_with([' ', '\t']) || self.glued(q + 1) && word_after();
        short
            && self.glued(q)
            && self.is_sign(q + 1, &[")", "-", ".", "–"])
            && spaced
            && (line_start() || (sentence_start() && word_after()))
    }

    /// Token `q`, ending at `last`, closes a quoted name of one or two words: a quote glued
    /// after it, and one glued before the first word (`"أوميغا 3"`, `"ويندوز 10"`).
    fn quoted_name_end(&self, q: usize, last: usize) -> bool {
        let quote = |k: usize| self.is_sign(k, QUOTES);
        if !(self.glued(last) && quote(last + 1)) {
            return false;
        }
        let word = |k: usize| {
            matches!(self.kind(k), Some(TokenKind::ArabicWord | TokenKind::LatinWord)) && self.first_word(k).is_none()
        };
        let mut k = q;
        for _ in 0..2 {
            let Some(w) = self.before(k).filter(|&w| word(w)) else { return false };
            if w > 0 && quote(w - 1) && self.glued(w - 1) {
                return true;
            }
            k = w;
        }
        false
    }

    /// A list mark at `k`: a number of 1–2 digits, then a hyphen (glued or not) and a word that
    /// is no number (`2- النجم`, `4 - النادي`; not the score `3 - 0` or `3- صفر`): its value.
    fn list_mark_value(&self, k: usize) -> Option<f64> {
        let raw = self.raw(k);
        let ok = self.kind(k) == Some(TokenKind::Number)
            && numbers::is_plain_integer(raw)
            && raw.chars().count() <= 2
            && self.follows(k)
            && self.is_sign(k + 1, &["-", "–"])
            && self.follows(k + 1)
            && !self.gap(k).contains('\n')
            && (self.kind(k + 2) == Some(TokenKind::ArabicWord) && self.first_word(k + 2).is_none()
                || self.kind(k + 2) == Some(TokenKind::LatinWord));
        ok.then(|| numbers::parse_number(raw, NumberContext::default())).flatten()
    }

    /// Another list mark numbered one or two apart from the one at `q`, on the same line and
    /// at most 40 tokens away.
    fn numbered_neighbour(&self, q: usize) -> bool {
        let Some(v) = self.list_mark_value(q) else { return false };
        let near = |k: usize| self.list_mark_value(k).is_some_and(|w| w != v && (w - v).abs() <= 2.0);
        let mut k = q;
        for _ in 0..40 {
            let Some(p) = self.before(k).filter(|&p| !self.gap(p).contains('\n')) else { break };
            if near(p) {
                return true;
            }
            k = p;
        }
        let mut k = q;
        for _ in 0..40 {
            if !self.follows(k) || self.gap(k).contains('\n') {
                break;
            }
            k += 1;
            if near(k) {
                return true;
            }
        }
        false
    }

    /// A phone word (`الرقم`, `أرقام`, `الهاتف`, `فاكس` … with clitics) a few tokens before
    /// `q`, across punctuation, other long numbers, `أو`/`و` and up to two other words
    /// (`الأرقام الهاتفية التالية:`).
    fn after_phone_word(&self, q: usize) -> bool {
        let mut k = q;
        let mut words = 0;
        for _ in 0..12 {
            let Some(p) = self.before(k) else { return false };
            if self.gap(p).contains('\n') {
                return false;
            }
            match self.kind(p) {
                Some(TokenKind::ArabicWord) => {
                    let key = self.key(p);
                    if phone_word(key) {
                        return true;
                    }
                    if !matches!(key, "او" | "و") {
                        words += 1;
                        if words > 2 {
                            return false;
                        }
                    }
                }
                Some(TokenKind::Number) if self.raw(p).chars().count() >= 6 => {}
                Some(TokenKind::Punct | TokenKind::Symbol) => {}
                _ => return false,
            }
            k = p;
        }
        false
    }

    /// The first number of a list of plain integers joined by `و` or commas that ends at `q`
    /// (`6 و22 و35`), or `q`.
    fn list_head(&self, q: usize) -> usize {
        let mut head = q;
        for _ in 0..32 {
            let Some(p) = self.before(head) else { break };
            let joined = self.is_word(p, "و") || self.is_sign(p, &[",", "،"]);
            match self.before(p) {
                Some(n)
                    if joined && self.kind(n) == Some(TokenKind::Number) && numbers::is_plain_integer(self.raw(n)) =>
                {
                    head = n;
                }
                _ => break,
            }
        }
        head
    }

    /// Token `q` is one side of a score, across a hyphen from a number: `3- صفر`, `صفر-2`.
    fn score_side(&self, q: usize) -> bool {
        let number = |k: usize| self.kind(k) == Some(TokenKind::Number) && numbers::is_plain_integer(self.raw(k));
        let hyphen = |k: usize| self.is_sign(k, &["-", "–"]);
        (q >= 2 && self.before(q).is_some_and(hyphen) && self.before(q - 1).is_some_and(number))
            || (self.follows(q) && hyphen(q + 1) && self.follows(q + 1) && number(q + 2))
    }

    /// The token before `q` is an ordinal (`التاسع عشر`: not ten).
    fn after_ordinal(&self, q: usize) -> bool {
        self.before(q).is_some_and(|p| {
            let key = self.key(p);
            let key = key.strip_prefix("ال").unwrap_or(key);
            ORDINALS.contains(&key)
        })
    }

    /// Ranges: a bare figure before `-`, `إلى`, `حتى`, `أو` (or `و` after `بين`) and another figure
    /// takes that figure's percent, scale, currency and unit.
    fn inherit_across_ranges(&self, drafts: &mut [Draft]) {
        for k in 1..drafts.len() {
            let (left, right) = drafts.split_at_mut(k);
            let (a, b) = (&mut left[k - 1], &right[0]);
            if !a.bare {
                continue;
            }
            let between = self.text[a.figure.end..b.figure.start].trim();
            let between_key = numbers::folded(between);
            let connector = matches!(between, "-" | "–" | "—")
                || RANGE_WORDS.contains(&between_key.as_str()) && between_key != "و"
                || between_key == "و" && self.before(a.first).is_some_and(|p| matches!(self.key(p), "بين" | "وبين"));
            if !connector || holds_blank_line(&self.text[a.figure.end..b.figure.start]) {
                continue;
            }
            let scale = b.scale.filter(|&s| a.figure.value < s);
            if let (Some(range), true) = (&a.numeral, b.figure.percent || scale.is_some()) {
                let context = NumberContext { percent: b.figure.percent, scaled: scale.is_some() };
                if let Some(n) = numbers::parse_numeral(&self.text[range.clone()], context) {
                    a.figure.value = n.times(scale.unwrap_or(1.0));
                }
            } else if let Some(s) = scale {
                a.figure.value *= s;
            }
            a.figure.percent = b.figure.percent;
            a.figure.currency = b.figure.currency.clone();
            a.figure.unit = b.figure.unit.clone();
        }
    }
}

/// What comes before a quantity and belongs to the figure.
enum Prefix {
    None,
    /// `%69,44` with a space: `% 69,44`.
    Percent,
    /// `$5`.
    Currency(String),
    /// `سالب`.
    Negative,
}

/// The number words with at most one proclitic pair (`و`, `ف` then `ب`, `ل`, `ك`), as
/// [`Doc::first_word`] reads them: the number word and how many letters the proclitic has.
fn first_words() -> &'static WordMap<(NumberWord, usize)> {
    static MAP: OnceLock<WordMap<(NumberWord, usize)>> = OnceLock::new();
    MAP.get_or_init(|| WordMap::first_wins(first_word_forms()))
}

/// The entries of [`first_words`]: as written first, then with each prefix in order (of two
/// readings of one word, the first wins).
fn first_word_forms() -> Vec<(String, (NumberWord, usize))> {
    const PREFIXES: [&str; 11] = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];
    let words: Vec<(String, NumberWord)> = numbers::number_words().collect();
    let plain = words.iter().map(|(k, w)| (k.clone(), (*w, 0)));
    let prefixed = PREFIXES.iter().flat_map(|p| {
        words
            .iter()
            // لست ("I am not"), بست: not six.
            .filter(move |(k, _)| k != "ست" || *p == "و")
            .map(move |(k, w)| (format!("{p}{k}"), (*w, p.chars().count())))
    });
    plain.chain(prefixed).collect()
}

/// The Arabic words a figure can begin with (see [`Doc::figure_at`]): number words (as
/// [`first_words`] reads them), definite ones (`الخمسة`, for [`Doc::definite_cardinal`]) and
/// `سالب`. Any other word is no figure's first word.
fn starting_words() -> &'static StartingWords {
    static WORDS: OnceLock<StartingWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let words = starting_word_list();
        // A word whose signature cannot be made lets every word through.
        let tables = letter_tables();
        let suffixes: Option<Vec<u64>> = words.iter().map(|w| suffix_signature(tables, w.as_bytes())).collect();
        let suffixes = suffixes.map(HashFilter::of_hashes);
        StartingWords { words: WordMap::first_wins(words.into_iter().map(|k| (k, ()))), suffixes }
    })
}

/// The words of [`starting_words`].
fn starting_word_list() -> Vec<String> {
    let first = first_word_forms().into_iter().map(|(k, _)| k);
    let definite = numbers::number_words().map(|(k, _)| format!("ال{k}"));
    first.chain(definite).chain(["سالب".to_string()]).collect()
}

/// The words of [`starting_words`], and their [`suffix_signature`]s (`None`: unknown).
struct StartingWords {
    words: WordMap<()>,
    suffixes: Option<HashFilter>,
}

/// A word that can be the noun counted (see the module docs).
fn is_unit_word(key: &str, partitive: bool) -> bool {
    if key.chars().count() < 2 || number_word(key).is_some() {
        return false;
    }
    if is_stopword(key)
        || MONTH_SET.contains(key)
        || PERCENT_WORDS.contains(&key)
        || PERCENT_NOUNS.contains(&key)
        || is_nisba_adverb(key)
    {
        return false;
    }
    let definite = ["ال", "لل", "وال", "فال", "بال", "كال"].iter().any(|p| key.starts_with(p));
    if definite && !(partitive && (key.starts_with("ال") || key.starts_with("لل"))) {
        return false;
    }
    if let Some(rest) = key.strip_prefix('و').or_else(|| key.strip_prefix('ف')) {
        if is_stopword(rest) || number_word(rest).is_some() {
            return false;
        }
        // و + a verb: وأصيب, ويقول, وتم, ونقل.
        if key.starts_with('و') && rest.starts_with(['ا', 'ي', 'ت', 'ن']) {
            return false;
        }
    }
    true
}

/// An adverb in `يا` (`عالميا`, `سنويا`, `حاليا`: `المرتبة 45 عالميا` counts nothing).
fn is_nisba_adverb(key: &str) -> bool {
    ADVERBS_IN_YA.contains(&key)
}

/// Adverbs in `يا` that follow a rank or a number (folded): nisba nouns counted after numbers
/// (`20 إرهابيا`, `15 تونسيا`) are not among them.
const ADVERBS_IN_YA: &[&str] = &[
    "عالميا",
    "دوليا",
    "قاريا",
    "محليا",
    "اقليميا",
    "وطنيا",
    "سنويا",
    "يوميا",
    "شهريا",
    "اسبوعيا",
    "حاليا",
    "رسميا",
    "نهائيا",
    "جزئيا",
    "كليا",
    "فعليا",
    "مبدئيا",
];

/// A broken or sound plural ending: counted nouns after 3–10 (`مرشحين`, `ناخبون`, `سيارات`).
fn is_plural(key: &str) -> bool {
    key.chars().count() >= 4 && (key.ends_with("ين") || key.ends_with("ون") || key.ends_with("ات"))
}

/// The broken plural pattern أفعال (`أنصار`, `أشخاص`, `أطفال`), folded.
fn is_afal(key: &str) -> bool {
    let mut c = key.chars();
    let (first, fourth) = (c.next(), c.nth(2));
    first == Some('ا') && fourth == Some('ا') && c.count() == 1
}

/// The built-in stopwords, folded, less the nouns that are counted (`مرة`).
fn is_stopword(key: &str) -> bool {
    static SET: OnceLock<WordMap<()>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        let builtin = crate::stats::stopwords::builtin().into_iter().map(numbers::folded);
        let words = builtin.filter(|w| !COUNTED_STOPWORDS.contains(&w.as_str()));
        WordMap::first_wins(words.chain(EXTRA_STOPWORDS.iter().map(|w| w.to_string())).map(|w| (w, ())))
    });
    set.get(key).is_some()
}

/// The singular spelling of a currency word (folded key), if it is one.
fn currency_word(key: &str) -> Option<&'static str> {
    static MAP: OnceLock<WordMap<&'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let forms = CURRENCIES.iter().flat_map(|&(forms, name)| forms.iter().map(move |f| (f.to_string(), name)));
        WordMap::first_wins(forms)
    });
    map.get(key).copied()
}

/// Broken plurals of units of time, counted after a definite cardinal (`الخمسة أشهر`,
/// `الثلاثة أيام`) and seldom ending like a sound plural (folded).
const PLURAL_COUNT_NOUNS: &[&str] = &["اشهر", "ايام", "اسابيع", "دقائق", "عقود", "قرون", "ليال"];

/// Nouns before `واحد` in idioms, where it is no count: `في آن واحد`, `في وقت واحد`
/// (at once), `من جانب واحد`, `من طرف واحد` (unilaterally), `كرجل واحد`, `في صف واحد`,
/// `يدا واحدة` (as one).
const ONE_IDIOMS: &[&str] = &["ان", "وقت", "جانب", "طرف", "رجل", "صف", "يد", "يدا"];

/// Quotation marks around a name.
const QUOTES: &[&str] = &["\"", "«", "»", "“", "”", "„"];

/// Stopwords that are nouns counted after numbers.
const COUNTED_STOPWORDS: &[&str] = &["مره"];

/// Words after a number that are not the noun it counts (besides the stopword list).
const EXTRA_STOPWORDS: &[&str] = &[
    "فقط",
    "تقريبا",
    "قرابه",
    "زهاء",
    "فحسب",
    "اخري",
    "اخر",
    "ايضا",
    "منها",
    "منهم",
    "لكل",
    "بكل",
    "كل",
    "مقابل",
    "وفق",
    "وفقا",
    "حسب",
    "اخرون",
    "اخرين",
    "اخريات",
    "بحسب",
    "بنسبه",
    "نسبه",
    "بين",
    "الي",
    "حتي",
    "او",
    "ام",
    "ثم",
    "قد",
    "هذه",
    "هذا",
    "حيث",
];

/// `بالمائة` and its spellings (folded): a percent sign in one word.
const PERCENT_WORDS: &[&str] = &["بالمائه", "بالمئه", "بالميه", "بالمايه"];
/// The noun of `في المائة` (folded).
const PERCENT_NOUNS: &[&str] = &["المائه", "المئه", "الميه", "المايه"];

/// Currencies: folded forms, singular spelling.
const CURRENCIES: &[(&[&str], &str)] = &[
    (&["دولار", "دولارا", "دولاران", "دولارين", "دولارات"], "دولار"),
    (&["دينار", "دينارا", "ديناران", "دينارين", "دنانير"], "دينار"),
    (&["ريال", "ريالا", "ريالان", "ريالين", "ريالات"], "ريال"),
    (&["يورو", "يوروهات"], "يورو"),
    (&["جنيه", "جنيها", "جنيهان", "جنيهين", "جنيهات"], "جنيه"),
    (&["درهم", "درهما", "درهمان", "درهمين", "دراهم"], "درهم"),
    (&["ليره", "ليرات", "ليرتان", "ليرتين"], "ليرة"),
    (&["روبل", "روبلا", "روبلات"], "روبل"),
    (&["يوان"], "يوان"),
    (&["تنغي", "تينغ", "تنغ", "تينغي", "تنج", "تنجي", "تينج", "تنغه"], "تنغي"),
    (&["فرنك", "فرنكا", "فرنكات"], "فرنك"),
    (&["روبيه", "روبيات"], "روبية"),
    (&["شيكل", "شيكلا", "شيكلات", "شيقل", "شواكل"], "شيكل"),
    (&["اوقيه"], "أوقية"),
    (&["بيزو"], "بيزو"),
    (&["هلله", "هللات"], "هللة"),
    (&["فلس", "فلسا", "فلوس"], "فلس"),
    (&["قرش", "قرشا", "قروش"], "قرش"),
    (&["مليم", "مليما", "مليمات"], "مليم"),
    (&["سنت", "سنتا", "سنتات"], "سنت"),
    (&["سنتيم", "سنتيما", "سنتيمات"], "سنتيم"),
];

const CURRENCY_SYMBOLS: &[&str] = &["$", "€", "£", "¥", "₽", "₺", "₹"];
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "RUB", "TRY", "KZT", "SAR", "AED", "EGP", "MAD", "DZD", "TND", "KWD",
    "QAR", "BHD", "OMR", "JOD", "LBP", "IQD", "SYP", "YER", "LYD", "SDG",
];

/// Singular nouns that are counted after large numbers (`2000 شخص`), so that a year-like
/// number before them is a count.
const COUNT_NOUNS: &[&str] = &[
    "شخص",
    "ناخب",
    "مواطن",
    "طالب",
    "عامل",
    "جندي",
    "طفل",
    "قتيل",
    "جريح",
    "مقعد",
    "صوت",
    "مرشح",
    "طن",
    "برميل",
    "كيلومتر",
    "كلم",
    "كم",
    "متر",
    "هكتار",
    "منزل",
    "مسكن",
    "وحده",
    "حاله",
    "مشروع",
    "اسره",
    "عائله",
    "لاجئ",
    "مهاجر",
    "سياره",
    "مراقب",
    "موظف",
    "مدرسه",
    "شركه",
    "مركز",
    "مقاتل",
    "عنصر",
    "مسلح",
    "مصاب",
    "اصابه",
    "فرد",
    "نسمه",
    "معتقل",
    "سجين",
    "رجل",
    "امراه",
    "سائح",
    "زائر",
    "مشارك",
    "ناشط",
    "ضحيه",
    "وفاه",
    "طائره",
    "جنيه",
];

/// The word lists looked up after every number, as sets.
static MONTH_SET: WordSet = WordSet::new(MONTHS);
static COUNT_NOUN_SET: WordSet = WordSet::new(COUNT_NOUNS);
static IDENTIFIER_WORD_SET: WordSet = WordSet::new(IDENTIFIER_WORDS);

/// Month names (folded first words): Egyptian/Gulf, Maghrebi, Levantine, Hijri.
const MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "افريل",
    "مايو",
    "ماي",
    "يونيو",
    "يونيه",
    "جوان",
    "يوليو",
    "يوليه",
    "جويليه",
    "اغسطس",
    "اوت",
    "غشت",
    "سبتمبر",
    "شتنبر",
    "اكتوبر",
    "نوفمبر",
    "نونبر",
    "ديسمبر",
    "دجنبر",
    "جانفي",
    "فيفري",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "محرم",
    "صفر",
    "ربيع",
    "جمادي",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو",
    "ذي",
];

const LATIN_MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Words before a number that make it a year (folded).
const YEAR_WORDS: &[&str] = &[
    "عام",
    "العام",
    "لعام",
    "بعام",
    "وعام",
    "عامي",
    "لعامي",
    "وعامي",
    "سنه",
    "السنه",
    "لسنه",
    "بسنه",
    "وسنه",
    "سنتي",
    "منذ",
    "ومنذ",
];

/// Words after a number that make it a year: `1975 عام` (reversed by PDF extraction), `2023م`.
const YEAR_AFTER: &[&str] = &["عام", "العام", "سنه", "م"];

/// Words that link the two ends of a range (folded).
const RANGE_WORDS: &[&str] = &["و", "الي", "حتي", "او"];

/// Words before a number that make it a time or a position in time (folded).
const TIME_WORDS: &[&str] = &["الساعه", "ساعه", "الدقيقه", "الثانيه"];

/// A word before a number that makes it a name (see [`IDENTIFIER_WORDS`]), with or without
/// a proclitic ([`with_proclitics`]).
fn identifier_noun(key: &str) -> bool {
    with_proclitics(key, |k| IDENTIFIER_WORD_SET.contains(k))
}

/// Is `key` a word that `of` accepts, with or without the proclitics `و`/`ف` and then
/// `ب`/`ل`/`ك` (`والفصل`, `بالقانون`, `للمرسوم`: `لل` is `ل` + `ال`)?
fn with_proclitics(key: &str, of: impl Fn(&str) -> bool) -> bool {
    if of(key) {
        return true;
    }
    let conj = key.strip_prefix(['و', 'ف']).filter(|rest| rest.len() >= 4);
    for k in [Some(key), conj].into_iter().flatten() {
        if k != key && of(k) {
            return true;
        }
        if let Some(rest) = k.strip_prefix("لل") {
            let mut definite = String::with_capacity(rest.len() + 4);
            definite.push_str("ال");
            definite.push_str(rest);
            if of(&definite) {
                return true;
            }
        }
        if k.strip_prefix(['ب', 'ل', 'ك']).filter(|rest| rest.len() >= 4).is_some_and(&of) {
            return true;
        }
    }
    false
}

/// A word that announces a phone number (folded), with or without a proclitic (`بالرقم`,
/// `وأرقام`, `للرقم`: [`with_proclitics`]).
fn phone_word(key: &str) -> bool {
    const WORDS: &[&str] = &[
        "رقم",
        "الرقم",
        "الرقمين",
        "رقمي",
        "ارقام",
        "الارقام",
        "هاتف",
        "الهاتف",
        "الهاتفي",
        "الهاتفيه",
        "هاتفي",
        "هاتفيه",
        "الجوال",
        "جوال",
        "فاكس",
        "الفاكس",
        "الهواتف",
    ];
    with_proclitics(key, |k| WORDS.contains(&k))
}

/// Words before a number that make it a name (folded; with a proclitic too, see
/// [`identifier_noun`]).
const IDENTIFIER_WORDS: &[&str] = &[
    "رقم",
    "الرقم",
    // Maghrebi "number": الأمر عدد 1234, الطريق الوطنية عدد 14 (not `إيقاف عدد 107 أشخاص`).
    "عدد",
    // Editions, rounds and ranks: الدورة 26, الجولة 34, النسخة 12, المركز 15 (ordinals).
    "الدوره",
    "الجوله",
    "النسخه",
    "الطبعه",
    "المركز",
    "المرتبه",
    "الماده",
    "ماده",
    "المادتين",
    "المواد",
    "الفقره",
    "فقره",
    "الفقرتين",
    "الفقرات",
    "البند",
    "بند",
    "البندين",
    "البنود",
    "القرار",
    "قرار",
    "الفصل",
    "فصل",
    "الفصلين",
    "الفصول",
    // Decrees, circulars (Maghrebi: الأمر عدد 1234, المنشور عدد 4).
    "الامر",
    "امر",
    "المنشور",
    "منشور",
    "المراسيم",
    "الصفحه",
    "صفحه",
    "ص",
    "الدائره",
    "دائره",
    "الحلقه",
    "الجزء",
    "المرسوم",
    "مرسوم",
    "القانون",
    "قانون",
    "الاصدار",
    "الجيل",
    "الكيلو",
    "الكيلومتر",
    "الكلم",
];

/// Ordinals without the article (folded): `التاسع عشر` is nineteenth, not ten.
const ORDINALS: &[&str] = &[
    "حادي",
    "حاديه",
    "ثاني",
    "ثانيه",
    "ثالث",
    "ثالثه",
    "رابع",
    "رابعه",
    "خامس",
    "خامسه",
    "سادس",
    "سادسه",
    "سابع",
    "سابعه",
    "ثامن",
    "ثامنه",
    "تاسع",
    "تاسعه",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str) -> Vec<(String, f64, bool)> {
        extract_figures(text, &[]).into_iter().map(|f| (f.text, f.value, f.percent)).collect()
    }

    fn one(text: &str) -> Figure {
        let mut all = extract_figures(text, &[]);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.remove(0)
    }

    fn values(text: &str) -> Vec<f64> {
        extract_figures(text, &[]).into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn separators_are_disambiguated() {
        assert_eq!(one("بنسبة 81,31%").value, 81.31);
        assert_eq!(one("نحو 40.000 متظاهر").value, 40000.0);
        assert_eq!(one("نحو 1,820 متظاهرا").value, 1820.0);
        assert_eq!(one("بلغ 82,2 نقطة").value, 82.2);
        assert_eq!(one("بلغ 1.820.000 نسمة").value, 1_820_000.0);
        assert_eq!(values("1,234.56 و1.234,56 دولار"), [1234.56, 1234.56]);
    }

    #[test]
    fn scale_words_multiply() {
        assert_eq!(one("10.33 آلاف مركز").value, 10330.0);
        assert_eq!(one("6 ملايين و456.392 صوتًا").value, 6_456_392.0);
        assert_eq!(one("12 مليون ناخب").value, 12e6);
        assert_eq!(one("20 ألفاً").value, 20000.0);
        assert_eq!(one("2.5 مليار دولار").value, 2.5e9);
        assert_eq!(one("304 آلاف ناخب").value, 304_000.0);
        assert_eq!(one("قيمتها 1.820 مليون دولار").value, 1_820_000.0);
    }

    #[test]
    fn a_scale_figure_and_a_smaller_number_add_up() {
        assert_eq!(one("6 ملايين و456.392").text, "6 ملايين و456.392");
        assert_eq!(one("3 ملايين و200 ألف").value, 3_200_000.0);
        assert_eq!(one("ثلاثة آلاف و 500 شخص").value, 3500.0);
        // Not smaller: two figures.
        assert_eq!(values("بين 5 ملايين و7 ملايين"), [5e6, 7e6]);
        assert_eq!(values("6 ملايين و 5%"), [6e6, 5.0]);
        assert_eq!(values("مليون و مئتا ألف و ثلاثة ملايين"), [1_200_000.0, 3e6]);
    }

    #[test]
    fn arabic_indic_digits() {
        let f = one("بنسبة ٨١٫٣١٪ من الأصوات");
        assert_eq!((f.value, f.percent, f.text.as_str()), (81.31, true, "٨١٫٣١٪"));
        assert_eq!(one("نحو ١٬٨٢٠ شخصا").value, 1820.0);
        assert_eq!(one("حصل على ٤٥٦٫٣ ألف صوت").value, 456_300.0);
    }

    #[test]
    fn percent_signs_and_words_on_either_side() {
        for (text, value) in [
            ("81,31%", 81.31),
            ("%69,44", 69.44),
            ("27 %", 27.0),
            ("٪٥", 5.0),
            ("5 في المائة", 5.0),
            ("5 في المئة", 5.0),
            ("5 فى المائه", 5.0),
            ("5 بالمائة", 5.0),
            ("5 بالمئة", 5.0),
            ("5 بالمئه", 5.0),
            ("خمسة في المئة", 5.0),
            ("بنسبة % 12", 12.0),
        ] {
            let f = one(text);
            assert_eq!((f.value, f.percent), (value, true), "{text}");
            assert_eq!(f.unit, None);
        }
        assert_eq!(one("بنسبة 81,31% من الأصوات").text, "81,31%");
        assert_eq!(one("ارتفع 5 في المائة عن").text, "5 في المائة");
    }

    #[test]
    fn number_words() {
        assert_eq!(one("ثلاثة آلاف").value, 3000.0);
        assert_eq!(one("مليوناً وخمسمئة ألف").value, 1_500_000.0);
        assert_eq!(one("سبعة").value, 7.0);
        assert_eq!(one("عشرون").value, 20.0);
        assert_eq!(one("مئة").value, 100.0);
        assert_eq!(one("مائة").value, 100.0);
        assert_eq!(one("ثلاثمئة").value, 300.0);
        assert_eq!(one("ثلاثمائة").value, 300.0);
        for two in ["اثنان", "اثنين", "اثنتان"] {
            assert_eq!(one(two).value, 2.0);
        }
        assert_eq!(one("خمسة عشر ألفا").value, 15000.0);
        assert_eq!(one("نصف مليون دولار").value, 500_000.0);
        assert_eq!(one("مليون ونصف").value, 1_500_000.0);
        let f = one("أكثر من مليون ونصف المليون لاجئ");
        assert_eq!((f.text.as_str(), f.value, f.unit.as_deref()), ("مليون ونصف المليون", 1_500_000.0, Some("لاجئ")));
    }

    #[test]
    fn clitics_on_number_words_stay_out_of_the_span() {
        let text = "عاد لخمس سنوات";
        let f = one(text);
        assert_eq!((f.text.as_str(), f.value, f.start), ("خمس", 5.0, text.find("خمس").unwrap()));
        assert_eq!(one("وخمسة مرشحين").text, "خمسة");
        assert!(figs("لست أدري").is_empty());
    }

    #[test]
    fn ordinals_definites_and_vague_words_are_not_figures() {
        for text in [
            "المرتبة الثانية",
            "الخامس من يونيو",
            "القرن التاسع عشر",
            "الحادية عشرة",
            "يوم الاثنين",
            "آلاف المتظاهرين",
            "عشرات الآلاف",
            "أحد المعارضين",
            "إحدى مبادراته",
            "في آن واحد",
            "نصف الناخبين",
            "الساعة السابعة",
        ] {
            assert!(figs(text).is_empty(), "{text}: {:?}", figs(text));
        }
        assert_eq!(one("واحد ريال").currency.as_deref(), Some("ريال"));
        // After the singular noun it counts, `واحدة` is one.
        assert_eq!(one("ولاية واحدة").unit.as_deref(), Some("ولاية"));
        for text in ["القرن العشرين", "يوم الأحد", "الست الكبيرة", "الساعة الخامسة"]
        {
            assert!(figs(text).is_empty(), "{text}: {:?}", figs(text));
        }
    }

    #[test]
    fn definite_cardinals_after_their_noun() {
        let f = one("خلال الأعوام السبعة المقبلة");
        assert_eq!((f.text.as_str(), f.value, f.unit.as_deref()), ("السبعة", 7.0, Some("الأعوام")));
        assert_eq!(one("قام المرشحون الاخرون الستة").value, 6.0);
        assert_eq!(one("للأعضاء الخمسة").value, 5.0);
    }

    #[test]
    fn units_are_the_next_noun() {
        let unit = |t: &str| one(t).unit;
        assert_eq!(unit("فاز بـ 6 ملايين و456.392 صوتًا").as_deref(), Some("صوتا"));
        assert_eq!(unit("تنافس 6 مرشحين").as_deref(), Some("مرشحين"));
        assert_eq!(unit("شارك 641 مراقبًا من").as_deref(), Some("مراقبا"));
        assert_eq!(unit("بقرابة ثلاثة آلاف من النشطاء").as_deref(), Some("النشطاء"));
        assert_eq!(unit("اعتقال 7 من أنصار").as_deref(), Some("أنصار"));
        assert_eq!(unit("حصل 7 من مرشحين").as_deref(), Some("مرشحين"));
        assert_eq!(unit("أفرج عن 7 من سجن"), None);
        assert_eq!(unit("في 53 دولة").as_deref(), Some("دولة"));
        assert_eq!(unit("في 53\nدولة").as_deref(), Some("دولة"));
        assert_eq!(unit("بلغ 20 ألفاً، «انضمت"), None);
        assert_eq!(unit("ارتفع 5 في حين"), None);
        assert_eq!(extract_figures("قتل 5 وأصيب 10", &[])[0].unit, None);
        assert_eq!(unit("ارتفع إلى 5 المرشحين"), None);
        assert_eq!(unit("مدتها 7 سنوات").as_deref(), Some("سنوات"));
        assert_eq!(unit("مدتها 7 سنوات فقط").as_deref(), Some("سنوات"));
        assert_eq!(unit("12 مرة").as_deref(), Some("مرة"));
        assert_eq!(unit("حصل على 5 فقط"), None);
    }

    #[test]
    fn currencies_before_or_after() {
        let cur = |t: &str| {
            let f = one(t);
            (f.value, f.currency, f.unit)
        };
        assert_eq!(cur("5 ملايين دولار"), (5e6, Some("دولار".into()), None));
        assert_eq!(cur("300 دولارات"), (300.0, Some("دولار".into()), None));
        assert_eq!(cur("ألفا ريال"), (2000.0, Some("ريال".into()), None));
        assert_eq!(cur("ألفاً"), (1000.0, None, None));
        assert_eq!(cur("$5"), (5.0, Some("$".into()), None));
        assert_eq!(cur("$ 5 مليارات"), (5e9, Some("$".into()), None));
        assert_eq!(cur("قرض بقيمة $750 مليون من صندوق النقد"), (750e6, Some("$".into()), None));
        assert_eq!(cur("5€"), (5.0, Some("€".into()), None));
        assert_eq!(cur("£ 12"), (12.0, Some("£".into()), None));
        assert_eq!(cur("10 USD"), (10.0, Some("USD".into()), None));
        assert_eq!(cur("3 مليارات تنغي"), (3e9, Some("تنغي".into()), None));
        assert_eq!(cur("400 تينغ"), (400.0, Some("تنغي".into()), None));
        assert_eq!(cur("20 يورو"), (20.0, Some("يورو".into()), None));
        assert_eq!(cur("خمسون جنيهاً"), (50.0, Some("جنيه".into()), None));
        assert_eq!(cur("100 درهم"), (100.0, Some("درهم".into()), None));
        assert_eq!(cur("بقيمة 5 مليارات من الدولارات"), (5e9, Some("دولار".into()), None));
        assert_eq!(cur("2000 دينار"), (2000.0, Some("دينار".into()), None));
    }

    #[test]
    fn years_are_not_figures() {
        for text in [
            "عام 2024",
            "في عام 1953",
            "منذ 1991",
            "لعام 2022",
            "أواخر نوفمبر 2023",
            "In late November 2023",
            "في 1991، وسبقتها",
            "(1975)",
            "الفترة 2003-2007",
            "بين عامي 1999 و2002",
            "2007-\n2011 تولى منصب",
            "،1975 عام",
            "عام 1445",
            "1445 هـ",
            "سنة 2023م",
            "في 2019 شهدت",
            "خلال 2020",
            "دورة ألفين وستة وعشرين ستقام في المغرب",
            "في العام ألف وتسعمئة وستة وخمسين",
        ] {
            assert!(figs(text).is_empty(), "{text}: {:?}", figs(text));
        }
        // Counted, a number of that size in words is a figure.
        assert_eq!(figs("وحضر ألفان وعشرون شخصا")[0].1, 2020.0);
    }

    #[test]
    fn year_like_numbers_that_count_are_figures() {
        assert_eq!(one("قتل 2000 شخص").unit.as_deref(), Some("شخص"));
        assert_eq!(one("2000 دولار").currency.as_deref(), Some("دولار"));
        assert_eq!(one("نحو 1950 ناخباً").value, 1950.0);
        assert_eq!(one("في 2000 مدرسة").value, 2000.0);
        assert_eq!(one("2020 ألف").value, 2_020_000.0);
        assert_eq!(one("2020%").value, 2020.0);
        assert_eq!(one("بلغ 1800 ناخب").value, 1800.0);
        assert_eq!(one("بلغ 2500").value, 2500.0);
        assert_eq!(one("حصل الحزب على 2015 صوتا").value, 2015.0);
        assert_eq!(one("اعتقال 2010 أشخاص").value, 2015.0 - 5.0);
        assert!(figs("هذا هو العدد 2020 من المجلة").is_empty());
    }

    #[test]
    fn days_and_times_are_not_figures() {
        for text in [
            "16 مارس",
            "16أكتوبر",
            "الأحد، 21 نوفمبر 2022",
            "March 16",
            "9 يونيو 2019",
            "5 كانون الثاني",
            "الساعة 8",
            "في الدقيقة 42",
            "من 13 إلى 15 سبتمبر",
            "13-15 مارس",
            "8:30",
            "12/05/2023",
            "القرار 2254/2015",
        ] {
            assert!(figs(text).is_empty(), "{text}: {:?}", figs(text));
        }
        assert_eq!(values("50 مارس"), [50.0]);
    }

    #[test]
    fn identifiers_are_not_figures() {
        for text in [
            "المادة 5 من الدستور",
            "القرار رقم 12",
            "كوفيد-19",
            "طائرات F-16",
            "شبكة 5G",
            "الرقم 0123",
            "كما ورد (1)",
            "القرن الـ21",
            "الدورة الـ 20",
            "عند الكيلومتر 45",
        ] {
            assert!(figs(text).is_empty(), "{text}: {:?}", figs(text));
        }
        assert_eq!(values("1) بلغ عدد المرشحين 5"), [5.0]);
        assert_eq!(values("صوت لصالح القرار 128 دولة"), [128.0]);
        assert_eq!(one("اعتقال الـ 8 آلاف شخص").value, 8000.0);
        assert_eq!(one("نسبة الــ 81,31%").value, 81.31);
        assert_eq!(one("خلال الساعات الـ24 الماضية").value, 24.0);
    }

    #[test]
    fn law_and_list_numbers_are_not_figures() {
        for text in [
            "طبق القانون عدد 52 لسنة 1992",
            "بمقتضى الأمر عدد 717 المؤرخ في",
            "الأمر الحكومي عدد 4030 الذي",
            "الطريق الوطنية عدد 14 الرابطة بين",
            "والفصل 3 من الدستور",
            "بالفصل 12 منه",
            "المرسوم 116 المتعلق",
            "للمرسوم عدد 116",
            "أتاحه قانون 12 لسنة 2015",
            "القانون رقم 10 لسنة 2015 بشأن",
            "طبق الفصلين 92 و93 من قانون",
            "وطبق الفصول 6 و22 و35 و36 من قانون",
            "المواد 12، 13 و14",
            "رقم 5",
        ] {
            assert!(figs(text).is_empty(), "{text}: {:?}", figs(text));
        }
        // A clearly counted noun still makes a count.
        assert_eq!(values("وإيقاف عدد 107 أشخاص"), [107.0]);
        assert_eq!(values("حجز عدد 5 أطنان"), [5.0]);
        assert_eq!(values("المادة 5 و 6 أشخاص"), [6.0]);
        assert!(figs("الطريق الوطنية رقم 1 بمنطقة سيدي فرج").is_empty());
        assert!(figs("برنامج الدورة 26 من أيام قرطاج").is_empty());
        assert!(figs("لحساب الجولة 34 من البطولة").is_empty());
        assert!(figs("في قمة منافسات الجولة الـ33 من الدوري").is_empty());
        assert_eq!(values("يحتل المركز 15 برصيد 23 نقطة"), [23.0]);
        assert!(figs("قائمة الموقوفين:\n21-أيمن بن إسماعيل").is_empty());
        assert_eq!(values("بلغ عدد المشاركين في الدورة 300 مشارك"), [300.0]);
        // A list mark after the end of a sentence, before a word.
        let list = "1- مارك لور البالغ من العمر 45 عاماً. 2- تيم كوك حصل على 150 مليون دولار. 10- ماريو";
        assert_eq!(values(list), [45.0, 150_000_000.0]);
        // Not a list mark: a number after a decimal point or before another number.
        assert_eq!(values("ارتفع بنسبة 5 بالمائة. 3- 1 للترجي"), [5.0, 3.0, 1.0]);
    }

    #[test]
    fn phone_numbers_and_clock_minutes_are_not_figures() {
        for text in [
            "الاتصال بالأرقام الهاتفيّة التالية: 71.341.666 71.571.264 71.566.977 أو التوجه",
            "عليه الاتصال بالرقم 96.503.730",
            "على الرقمين : 70.103.700 و70.103.800",
            "وصل القطار على الساعة 15 و40 دقيقة",
            "انطلقت الرحلة (19: 48 من مساء أمس بالتوقيت العالمي)",
        ] {
            assert!(figs(text).is_empty(), "{text}: {:?}", figs(text));
        }
        // A long amount is still one, also near `رقم`.
        assert_eq!(values("بلغ رقم المعاملات 71.000.000 دينار"), [71_000_000.0]);
        assert_eq!(values("بكلفة 36.300.000 دينار"), [36_300_000.0]);
        assert_eq!(values("استغرق 40 دقيقة"), [40.0]);
        assert_eq!(values("منصة عدد 3: 40 دينار"), [40.0]);
    }

    #[test]
    fn scores_are_two_figures_and_zero_is_one_side() {
        assert_eq!(values("فاز على الكونغو 3- صفر وتعادل 1-1"), [3.0, 0.0, 1.0, 1.0]);
        assert_eq!(values("بنتيجة صفر-2"), [0.0, 2.0]);
        assert!(figs("شهر صفر").is_empty());
    }

    #[test]
    fn tap_decimals_put_the_fraction_first() {
        // Tunis Afrique Presse writes 31.1 as `1ر31`: the fraction, `ر`, the integer part.
        let f = one("مقابل 1ر31 مليون عرجون الموسم المنقضي");
        assert_eq!((f.text.as_str(), f.value), ("1ر31 مليون", 31_100_000.0));
        assert_eq!(one("بنسبة 2ر5 بالمائة").value, 5.2);
        assert!(one("بنسبة 2ر5 بالمائة").percent);
        assert_eq!(one("ارتفع من 904ر319 دينار").value, 319.904);
        assert_eq!(one("انخفاضا بنسبة 04ر1 بالمائة").value, 1.04);
        assert_eq!(one("رجة أرضية بلغت قوتها 6ر4 درجة").value, 4.6);
        assert_eq!(values("بين 4ر0 و4 بالمائة"), [0.4, 4.0]);
        assert!(figs("بين 4ر0 و4 بالمائة").iter().all(|f| f.2));
        assert_eq!(one("مستوى 391ر10 مليار دينار").value, 10_391_000_000.0);
        // Not a chain of three, nor a letter after a number.
        assert!(values("1ر2ر3").iter().all(|v| v.fract() == 0.0));
    }

    #[test]
    fn maghrebi_dinar_abbreviations() {
        let f = one("بقيمة 370 م د في الموسم الفارط");
        assert_eq!((f.text.as_str(), f.value, f.currency.as_deref()), ("370 م د", 370e6, Some("دينار")));
        assert_eq!(one("بكلفة 46 م.د. -الانطلاق").value, 46e6);
        // Three digits after the point: the scale makes it a decimal.
        assert_eq!(one("بقيمة 2.853 م.د").value, 2_853_000.0);
        let f = one("بكلفة 611.5 أ د.");
        assert_eq!((f.value, f.currency.as_deref()), (611_500.0, Some("دينار")));
        assert_eq!(one("حوالي 900 م د ت").value, 900e6);
        // A year-sized number before `م د` is an amount (`م` alone marks a year).
        assert_eq!(one("بلغت 2000 م د").value, 2e9);
        assert_eq!(one("13700 م.د.ت").value, 13_700e6);
        let f = one("رشوة قدرها 500 د مقابل");
        assert_eq!((f.value, f.currency.as_deref()), (500.0, Some("دينار")));
        assert_eq!(one("1ر2 مليون د").currency.as_deref(), Some("دينار"));
        // `م` alone is metres (or a year marker), no scale.
        assert_eq!(one("على مسافة 600 م من").value, 600.0);
    }

    #[test]
    fn definite_cardinals_with_a_scale_word_and_the_top_n() {
        let f = one("تناهز قيمته الاربعة ملايين دينار.");
        assert_eq!((f.text.as_str(), f.value), ("الاربعة ملايين", 4e6));
        assert_eq!(one("الـ10 الأعلى دخلا في العالم").value, 10.0);
        assert_eq!(one("ضمن الـ50 الأكثر تأثيرا").value, 50.0);
        assert!(figs("القرن الـ21 الميلادي").is_empty());
    }

    #[test]
    fn excluded_ranges_are_skipped() {
        let text = "في 5 يونيو صوت 300 ناخب";
        let date = text.find("5 يونيو").unwrap();
        let figures = extract_figures(text, &[date..date + "5 يونيو".len(), 0..0]);
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].value, 300.0);
        let all = 0..text.len();
        assert!(extract_figures(text, &[all]).is_empty());
        // Unsorted, overlapping, empty ranges.
        let n = text.find("300").unwrap();
        assert!(extract_figures(text, &[n..n + 1, 0..2, 3..3, 0..1]).is_empty());
    }

    #[test]
    fn ranges_share_percent_scale_and_currency() {
        assert_eq!(figs("بين 82,2 - 85,52 %"), [("82,2".into(), 82.2, true), ("85,52 %".into(), 85.52, true)]);
        let f = extract_figures("بين 5 و10 ملايين دولار", &[]);
        assert_eq!((f[0].value, f[0].currency.as_deref()), (5e6, Some("دولار")));
        assert_eq!(f[1].value, 10e6);
        let f = extract_figures("من 3 إلى 5 سنوات", &[]);
        assert_eq!(f[0].unit.as_deref(), Some("سنوات"));
        let f = extract_figures("من 1.500 إلى 2.500 مليون", &[]);
        assert_eq!(values_of(&f), [1.5e6, 2.5e6]);
        // Scores, not ranges: nothing to share.
        assert_eq!(values("فاز 3-1"), [3.0, 1.0]);
        // و links a range only after بين.
        let f = extract_figures("قتل 5 و10 آلاف جريح", &[]);
        assert_eq!(values_of(&f), [5.0, 10000.0]);
    }

    fn values_of(f: &[Figure]) -> Vec<f64> {
        f.iter().map(|f| f.value).collect()
    }

    #[test]
    fn grouped_digits() {
        assert_eq!(one("40\u{A0}000 شخص").value, 40000.0);
        assert_eq!(one("40 000 شخص").value, 40000.0);
        assert_eq!(one("1 200 000 شخص").value, 1_200_000.0);
        assert_eq!(values("الأحزاب 45 123 صوتا"), [45.0, 123.0]);
    }

    #[test]
    fn negative_numbers() {
        let f = one("انكماش بنسبة -3,5% هذا العام");
        assert_eq!((f.text.as_str(), f.value, f.percent), ("-3,5%", -3.5, true));
        assert_eq!(values("الفترة 2003 -2007 بلغ 5 -6"), [5.0, 6.0]);
        assert!(figs("كوفيد-19").is_empty());
        assert_eq!(values("قتل 5 وأصيب 40 آخرون"), [5.0, 40.0]);
        assert_eq!(extract_figures("قتل 5 وأصيب 40 آخرون", &[])[1].unit, None);
    }

    #[test]
    fn negative_numbers_in_words() {
        let f = one("سالب ثمانية آلاف");
        assert_eq!((f.value, f.text.as_str()), (-8000.0, "سالب ثمانية آلاف"));
    }

    #[test]
    fn spans_are_byte_offsets_of_the_original() {
        let text = "حصل على ٦ ملايـين و٤٥٦٬٣٩٢ صوتاً، أي نسبة ٨١٫٣١٪.";
        for f in extract_figures(text, &[]) {
            assert_eq!(&text[f.start..f.end], f.text);
        }
        let f = extract_figures(text, &[]);
        assert_eq!(values_of(&f), [6_456_392.0, 81.31]);
        assert_eq!(f[0].text, "٦ ملايـين و٤٥٦٬٣٩٢");
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        for text in ["", " ", "%", "$", "و", "سالب", "1,", "مليون و", "٪٪", "ألفا", "-5", "5-", "بين و"]
        {
            let _ = extract_figures(text, &[]);
        }
        assert_eq!(values("-5"), [-5.0]);
    }

    /// Characters and words that the tokens and keys of a [`Doc`] depend on: letters that fold
    /// or not, marks, tatweel, letters beyond the Arabic block and beyond U+07FF, digits,
    /// signs, punctuation runs, Latin, blanks of every kind, bidi controls, number words.
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "ا", "ب", "ة", "أ", "ى", "ی", "ک", "ٱ", "ݐ", "\u{08A0}", "\u{FB50}", "\u{064B}", "\u{0651}", "\u{0670}",
        "\u{0640}", "0", "7", "٣", "۴", ".", ",", "٫", "٬", "%", "٪", "$", "€", "-", "،", "«", "»", "...", "؟", "x",
        "USD", " ", "  ", "\n", "\n\n", "\t", "\u{A0}", "\u{202F}", "\u{200F}", "\u{200B}", "\u{0B}", "ثلاثة", "آلاف",
        "وخمسون", "الخمسة", "سالب", "مليون", "في", "المائة", "بالمئة", "دولار", "عام",
    ];

    /// Every spelling of a word that a figure can begin with passes [`may_start`]: the folded
    /// key itself, and the word with letters that fold to it (`أ`, `ة`, `ى`).
    #[test]
    fn may_start_lets_every_starting_word_through() {
        for key in starting_word_list() {
            let spellings = [
                key.to_string(),
                key.replacen('ا', "أ", 1),
                key.replacen('ا', "إ", 1),
                key.strip_suffix('ه').map_or_else(|| key.to_string(), |k| format!("{k}ة")),
                key.strip_suffix('ي').map_or_else(|| key.to_string(), |k| format!("{k}ى")),
            ];
            for w in spellings {
                assert!(may_start(starting_words(), letter_tables(), w.as_bytes(), true), "{w}");
                let marked = format!("{w}\u{064B}");
                assert!(may_start(starting_words(), letter_tables(), marked.as_bytes(), false), "{w}");
            }
        }
        // Most other words are told at once.
        let others = ["الحكومة", "وزير", "المدينة", "قال", "الانتخابات", "يوم", "تونس"];
        let passed = others.iter().filter(|w| may_start(starting_words(), letter_tables(), w.as_bytes(), true));
        assert!(passed.count() <= 2);
    }

    proptest::proptest! {
        /// `read_tokens` reads as the tokenizer does; the keys are those `fold_key` gives and
        /// the candidates hold every token `figure_at` would accept as a figure's first.
        #[test]
        fn read_tokens_agrees_with_the_tokenizer(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)) {
            let text = pieces.concat();
            let read = read_tokens(&text);
            let expected: Vec<Token> = tokenize(&text).collect();
            proptest::prop_assert_eq!(&read, &expected);
            let doc = Doc::new(&text, &expected, &[]);
            let mut candidates = Vec::new();
            for (i, t) in expected.iter().enumerate() {
                let key = if t.kind == TokenKind::ArabicWord { numbers::folded(t.text(&text)) } else { String::new() };
                proptest::prop_assert_eq!(doc.key(i), key.as_str());
                let candidate = match t.kind {
                    TokenKind::Number | TokenKind::Percentage => true,
                    TokenKind::ArabicWord => starting_words().words.get(&key).is_some(),
                    TokenKind::Symbol | TokenKind::Punct => expected.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number),
                    TokenKind::LatinWord => false,
                };
                if candidate {
                    candidates.push(i);
                }
            }
            proptest::prop_assert!(doc.candidates.windows(2).all(|w| w[0] < w[1]));
            proptest::prop_assert!(candidates.iter().all(|i| doc.candidates.contains(i)), "{:?} {:?}", candidates, doc.candidates);
        }
    }
}
