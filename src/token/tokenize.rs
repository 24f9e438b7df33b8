//! The tokenizer: kinds and byte spans, one pass, no allocation per token.
//!
//! - An Arabic word is a run of Arabic letters, marks and tatweel that starts with a letter
//!   (`بـ` in `بـ7` is a word, the digit another token).
//! - A number keeps its separators and its digits as written: `81,31`, `٨١٫٣١`, `456.392`,
//!   `1,820`. A separator counts only between two digits, so `2023.` ends at the `3`.
//! - A percentage is a number with `%` or `٪` right after it, or right before it (`%69,44`, as
//!   PDF extraction leaves it).
//! - A Latin word is a run of letters and digits that starts with a non-Arabic letter.
//! - Punctuation is one character (or a run of the same one, `...`); anything else is a
//!   symbol. Whitespace separates tokens and is not one.

use crate::arabic::{is_digit, is_letter, is_mark, TATWEEL};
use crate::normalize::words::{arabic_letter_at, arabic_word_scan};
use crate::token::without_marks;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    ArabicWord,
    LatinWord,
    Number,
    Percentage,
    Punct,
    Symbol,
}

impl TokenKind {
    /// Words and numbers: what term counts are made of.
    pub fn is_wordlike(self) -> bool {
        matches!(self, TokenKind::ArabicWord | TokenKind::LatinWord | TokenKind::Number | TokenKind::Percentage)
    }
}

/// A token: its kind and its byte span in the text it was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    /// No diacritic or tatweel inside (the token is its own surface form).
    pub plain: bool,
}

impl Token {
    #[inline]
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }

    /// The token as written, without diacritics and tatweel: the surface form that is
    /// counted and shown.
    #[inline]
    pub fn surface<'a>(&self, source: &'a str) -> std::borrow::Cow<'a, str> {
        let text = self.text(source);
        if self.plain {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(without_marks(text))
        }
    }
}

/// Does `gap`, the text between two tokens, hold a blank line: two line breaks with nothing
/// but spaces or tabs between them (`\n\n`, `\n  \n`, `\r\n\r\n`)? A paragraph ends there.
/// Bytewise: the gap is most often one space.
pub fn holds_blank_line(gap: &str) -> bool {
    let mut after_break = false;
    for &b in gap.as_bytes() {
        match b {
            b'\n' if after_break => return true,
            b'\n' => after_break = true,
            b' ' | b'\t' | b'\r' => {}
            _ => after_break = false,
        }
    }
    false
}

/// Punctuation that ends a sentence or a clause: n-grams never cross it.
pub fn is_boundary_punct(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '؟'
            | ';'
            | '؛'
            | ':'
            | '…'
            | '،'
            | ','
            | '«'
            | '»'
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '“'
            | '”'
            | '-'
            | '–'
            | '—'
            | '/'
    )
}

/// The tokens of `text`, in order.
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// Appends the tokens of `text` to `out`: [`tokenize`] collected, in one loop with the
/// tokenizer inlined (no call per token).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let mut tokens = tokenize(text);
    while let Some(t) = tokens.next_token() {
        out.push(t);
    }
}

/// Iterator over the tokens of a text.
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl Tokens<'_> {
    /// End of the number that starts at `start` (digits with inner separators). ASCII digits
    /// and separators are read as bytes, other characters decoded.
    fn number_end(&self, start: usize) -> usize {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let (mut end, mut k) = (start, start);
        while let Some(&b) = bytes.get(k) {
            if b.is_ascii_digit() {
                k += 1;
                end = k;
                continue;
            }
            // A separator counts only between two digits.
            let (c, len) = if b < 0x80 {
                (b as char, 1)
            } else {
                let Some(c) = text[k..].chars().next() else { break };
                (c, c.len_utf8())
            };
            if is_digit(c) {
                k += len;
                end = k;
            } else if matches!(c, '.' | ',' | '٫' | '٬') && self.digit_at(k + len) {
                k += len;
            } else {
                break;
            }
        }
        end
    }

    /// Does a digit start at byte `k` (a character boundary)?
    fn digit_at(&self, k: usize) -> bool {
        match self.text.as_bytes().get(k) {
            Some(b) if b.is_ascii() => b.is_ascii_digit(),
            Some(_) => self.text[k..].chars().next().is_some_and(is_digit),
            None => false,
        }
    }

    fn run_end(&self, start: usize, keep: impl Fn(char) -> bool) -> usize {
        self.text[start..].char_indices().find(|&(_, c)| !keep(c)).map_or(self.text.len(), |(k, _)| start + k)
    }

    /// End of the run of `mark` (one or more bytes) that starts at `start`.
    fn repeated_end(&self, start: usize, mark: &[u8]) -> usize {
        let mut end = start;
        while self.text.as_bytes()[end..].starts_with(mark) {
            end += mark.len();
        }
        end
    }

    /// A number at `start`, and the percent sign right after it if there is one.
    fn number_or_percentage(&self, start: usize) -> (TokenKind, usize) {
        let end = self.number_end(start);
        let rest = &self.text.as_bytes()[end..];
        if rest.starts_with(b"%") {
            (TokenKind::Percentage, end + 1)
        } else if rest.starts_with("٪".as_bytes()) {
            (TokenKind::Percentage, end + "٪".len())
        } else {
            (TokenKind::Number, end)
        }
    }

    /// The token at `start` when its first character is ASCII and decides it on its own: a
    /// Latin word, a number, a percentage or punctuation. `None` for the rest (controls,
    /// symbols), which [`Tokens::general`] reads.
    #[inline]
    fn ascii_token(&self, start: usize, b0: u8) -> Option<(TokenKind, usize)> {
        let bytes = self.text.as_bytes();
        if b0.is_ascii_alphabetic() {
            let mut end = start + 1;
            while bytes.get(end).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'\'') {
                end += 1;
            }
            if bytes.get(end).is_some_and(|&b| b >= 0x80) {
                end = self.run_end(end, is_latin_word_char);
            }
            return Some((TokenKind::LatinWord, end));
        }
        if b0.is_ascii_digit() {
            return Some(self.number_or_percentage(start));
        }
        if b0 == b'%' && self.digit_at(start + 1) {
            return Some((TokenKind::Percentage, self.number_end(start + 1)));
        }
        if is_punct(b0 as char) {
            return Some((TokenKind::Punct, self.repeated_end(start, &bytes[start..start + 1])));
        }
        None
    }

    /// The token at `start` (not whitespace), character by character: what the fast paths
    /// of [`Iterator::next`] leave.
    fn general(&mut self, start: usize) -> Option<Token> {
        let text = self.text;
        let mut c = text[start..].chars().next()?;
        while c.is_whitespace() {
            self.pos += c.len_utf8();
            c = text[self.pos..].chars().next()?;
        }
        let start = self.pos;
        let after = start + c.len_utf8();
        let (kind, end) = if is_letter(c) {
            (TokenKind::ArabicWord, self.run_end(after, |d| is_letter(d) || is_mark(d) || d == TATWEEL))
        } else if is_digit(c) {
            self.number_or_percentage(start)
        } else if (c == '%' || c == '٪') && self.digit_at(after) {
            (TokenKind::Percentage, self.number_end(after))
        } else if c.is_alphabetic() {
            (TokenKind::LatinWord, self.run_end(after, is_latin_word_char))
        } else if is_punct(c) {
            (TokenKind::Punct, self.run_end(after, |d| d == c))
        } else {
            (TokenKind::Symbol, after)
        };
        self.pos = end;
        let plain = kind != TokenKind::ArabicWord || !text[start..end].chars().any(|d| is_mark(d) || d == TATWEEL);
        Some(Token { kind, start, end, plain })
    }
}

/// The two-byte punctuation marks of Arabic text read without decoding: ، ؛ ؟ « ».
const ARABIC_PUNCT: [[u8; 2]; 5] = [[0xD8, 0x8C], [0xD8, 0x9B], [0xD8, 0x9F], [0xC2, 0xAB], [0xC2, 0xBB]];

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        self.next_token()
    }
}

impl Tokens<'_> {
    #[inline(always)]
    fn next_token(&mut self) -> Option<Token> {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() && bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
        let start = self.pos;
        let b0 = *bytes.get(start)?;
        // Fast paths, bytewise: an Arabic word of two-byte letters, ASCII words, numbers and
        // punctuation, the common Arabic punctuation.
        if arabic_letter_at(bytes, start) {
            let (len, plain) = arabic_word_scan(&bytes[start..]);
            let mut end = start + len;
            if bytes.get(end).is_some_and(|&b| b >= 0xE0) {
                // Letters beyond U+07FF (rare) continue the word through the general test.
                end = self.run_end(end, |d| is_letter(d) || is_mark(d) || d == TATWEEL);
            }
            self.pos = end;
            return Some(Token { kind: TokenKind::ArabicWord, start, end, plain: plain && end == start + len });
        }
        let fast = if b0 < 0x80 {
            self.ascii_token(start, b0)
        } else {
            let pair = bytes.get(start..start + 2);
            pair.filter(|p| ARABIC_PUNCT.contains(&[p[0], p[1]]))
                .map(|p| (TokenKind::Punct, self.repeated_end(start, p)))
        };
        match fast {
            Some((kind, end)) => {
                self.pos = end;
                Some(Token { kind, start, end, plain: true })
            }
            None => self.general(start),
        }
    }
}

/// Letters (other than Arabic ones) and ASCII digits continue a Latin word, as does `'`.
fn is_latin_word_char(d: char) -> bool {
    (d.is_alphanumeric() && !is_letter(d) && !is_digit(d)) || d.is_ascii_digit() || d == '\''
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
        || matches!(c, '،' | '؛' | '؟' | '«' | '»' | '…' | '“' | '”' | '‘' | '’' | '–' | '—' | '٭' | '۔')
}

#[cfg(test)]
mod tests {
    use super::holds_blank_line;

    #[test]
    fn blank_lines_may_hold_spaces_but_not_text() {
        for gap in ["\n\n", "\n   \n", " \r\n\r\n ", "\n\t\n"] {
            assert!(holds_blank_line(gap), "{gap:?}");
        }
        for gap in [" ", "\n", " \n ", "\n - \n", ""] {
            assert!(!holds_blank_line(gap), "{gap:?}");
        }
    }

    use super::*;

    fn toks(s: &str) -> Vec<(TokenKind, &str)> {
        tokenize(s).map(|t| (t.kind, t.text(s))).collect()
    }

    use TokenKind::*;

    #[test]
    fn numbers_keep_separators_and_digits() {
        assert_eq!(
            toks("81,31 ٨١٫٣١ 456.392 1,820"),
            [(Number, "81,31"), (Number, "٨١٫٣١"), (Number, "456.392"), (Number, "1,820")]
        );
        assert_eq!(toks("عام 2023."), [(ArabicWord, "عام"), (Number, "2023"), (Punct, ".")]);
        assert_eq!(toks("2003-2007"), [(Number, "2003"), (Punct, "-"), (Number, "2007")]);
    }

    #[test]
    fn separators_end_numbers_where_no_digit_follows() {
        // The tokens the character-by-character tokenizer gave, before the bytewise number
        // reader: the fast-path test compares that reader with itself, this one does not.
        assert_eq!(toks("12,,3"), [(Number, "12"), (Punct, ",,"), (Number, "3")]);
        assert_eq!(toks("12.,3"), [(Number, "12"), (Punct, "."), (Punct, ","), (Number, "3")]);
        assert_eq!(toks("1,a"), [(Number, "1"), (Punct, ","), (LatinWord, "a")]);
        assert_eq!(toks("٣,٤"), [(Number, "٣,٤")]);
        assert_eq!(toks("7٫x"), [(Number, "7"), (Symbol, "٫"), (LatinWord, "x")]);
        assert_eq!(toks("%5 5٪"), [(Percentage, "%5"), (Percentage, "5٪")]);
        assert_eq!(toks("3."), [(Number, "3"), (Punct, ".")]);
        assert_eq!(toks("4,5,6"), [(Number, "4,5,6")]);
        assert_eq!(toks("٢٠٢٣/١١"), [(Number, "٢٠٢٣"), (Punct, "/"), (Number, "١١")]);
    }

    #[test]
    fn words_glued_to_numbers_split() {
        assert_eq!(toks("و456.392"), [(ArabicWord, "و"), (Number, "456.392")]);
        assert_eq!(toks("بـ7 مقاعد"), [(ArabicWord, "بـ"), (Number, "7"), (ArabicWord, "مقاعد")]);
    }

    #[test]
    fn percentages_either_side() {
        assert_eq!(
            toks("81,31% و%69,44 و٪٥"),
            [(Percentage, "81,31%"), (ArabicWord, "و"), (Percentage, "%69,44"), (ArabicWord, "و"), (Percentage, "٪٥")]
        );
        assert_eq!(toks("27 %"), [(Number, "27"), (Punct, "%")]);
    }

    #[test]
    fn words_punctuation_and_symbols() {
        assert_eq!(
            toks("قال: «الرئيسُ» COVID19 don't… $5"),
            [
                (ArabicWord, "قال"),
                (Punct, ":"),
                (Punct, "«"),
                (ArabicWord, "الرئيسُ"),
                (Punct, "»"),
                (LatinWord, "COVID19"),
                (LatinWord, "don't"),
                (Punct, "…"),
                (Symbol, "$"),
                (Number, "5")
            ]
        );
        assert_eq!(toks("..."), [(Punct, "...")]);
        assert_eq!(toks("  \n "), []);
    }

    #[test]
    fn surfaces_drop_marks_and_tatweel() {
        let s = "الرئيسُ بـ7 كتب";
        let surfaces: Vec<String> = tokenize(s).map(|t| t.surface(s).into_owned()).collect();
        assert_eq!(surfaces, ["الرئيس", "ب", "7", "كتب"]);
        assert!(tokenize("كتب").next().unwrap().plain);
    }

    /// The tokens as the character-by-character path alone reads them.
    fn reference(s: &str) -> Vec<Token> {
        let mut t = tokenize(s);
        let mut out = Vec::new();
        loop {
            while t.pos < s.len() && s.as_bytes()[t.pos].is_ascii_whitespace() {
                t.pos += 1;
            }
            let Some(token) = t.general(t.pos) else { break };
            out.push(token);
        }
        out
    }

    #[test]
    fn fast_paths_agree_with_the_general_path() {
        let mut texts: Vec<String> = [
            "قال: «الرئيسُ» COVID19 don't… $5 ،، ؛؛ ؟ «« »» %% %5 ٪٥ 5% 5٪ 1,2.3 ١٬٢٫٣ 2023. 1,a ٣,٤ 7٫x",
            "\u{B}x\u{1}y\u{7F} ~~ a+b <<>> 12,,3 12.,3 ٢٠٢٣، بـ7 بــ7 الـCIA ab\u{E9}c ab١ 9\u{663}",
            "%",
            "٪",
            "5",
            ",5",
            "a",
            "،",
            "«",
            "ـ",
            "\u{64B}x",
            "پژوهش ۱۲۳ ۴٫۵٪",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for entry in std::fs::read_dir("corpus").into_iter().flatten().flatten() {
            texts.extend(std::fs::read_to_string(entry.path()));
        }
        for text in &texts {
            let fast: Vec<Token> = tokenize(text).collect();
            assert_eq!(fast, reference(text), "{text}");
        }
    }

    #[test]
    fn spans_cover_the_text_in_order() {
        let s = "في ٢٠٢٣، بلغت النسبة %5 — تقريباً!";
        let mut last = 0;
        for t in tokenize(s) {
            assert!(t.start >= last && t.end > t.start && s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            assert!(s[last..t.start].trim().is_empty());
            last = t.end;
        }
        assert!(s[last..].trim().is_empty());
    }
}
