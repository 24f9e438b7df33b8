//! Term keys: what tokens are counted under (`--by surface|fold|lemma`).

use super::clitics;
use crate::arabic::{is_letter, is_mark, TATWEEL};
use crate::lexicon::Lexicon;
use crate::normalize::words::has_mark_or_tatweel;
use crate::normalize::{fold_text, FoldOptions};
use std::borrow::Cow;
use std::str::FromStr;

/// How tokens are grouped into terms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyMode {
    /// As written (without diacritics and tatweel).
    Surface,
    /// Folded: one alef, ي for ى, ه for ة, no diacritics, ASCII digits, Latin lower case.
    #[default]
    Fold,
    /// Folded stem without proclitics and pronoun enclitics (والانتخابات → انتخابات).
    Lemma,
}

impl FromStr for KeyMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "surface" => Ok(KeyMode::Surface),
            "fold" => Ok(KeyMode::Fold),
            "lemma" => Ok(KeyMode::Lemma),
            _ => Err(format!("unknown key '{s}' (surface, fold, lemma)")),
        }
    }
}

impl KeyMode {
    pub fn name(self) -> &'static str {
        match self {
            KeyMode::Surface => "surface",
            KeyMode::Fold => "fold",
            KeyMode::Lemma => "lemma",
        }
    }
}

/// A token as written, without diacritics and tatweel: the surface form that is counted
/// and shown.
pub fn surface(token: &str) -> Cow<'_, str> {
    if has_mark_or_tatweel(token.as_bytes()) {
        Cow::Owned(without_marks(token))
    } else {
        Cow::Borrowed(token)
    }
}

/// `text` without its diacritics and tatweel (kept out of line: most tokens have none).
#[cold]
pub(crate) fn without_marks(text: &str) -> String {
    text.chars().filter(|&c| !is_mark(c) && c != TATWEEL).collect()
}

/// The key of a surface form. `attested` tells whether a form occurs as a word of its own
/// in the same document (lemma mode uses it for stems the lexicon lacks).
pub fn key(surface: &str, mode: KeyMode, lexicon: &Lexicon, attested: &dyn Fn(&str) -> bool) -> String {
    key_cow(surface, mode, lexicon, attested).into_owned()
}

/// [`key`], borrowing the surface form (or its stem) when it is its own key.
pub(crate) fn key_cow<'a>(
    surface: &'a str,
    mode: KeyMode,
    lexicon: &Lexicon,
    attested: &dyn Fn(&str) -> bool,
) -> Cow<'a, str> {
    match mode {
        KeyMode::Surface => Cow::Borrowed(surface),
        KeyMode::Fold => fold_key(surface),
        KeyMode::Lemma => {
            if surface.chars().all(is_letter) {
                let split = clitics::split(surface, lexicon, attested);
                let stem = split.stem(surface);
                if !stem.is_empty() {
                    return fold_key(stem);
                }
            }
            fold_key(surface)
        }
    }
}

pub(crate) fn fold_key(s: &str) -> Cow<'_, str> {
    let folded = fold_text(s, &FoldOptions::default());
    // Arabic letters have no case: only other scripts go through Unicode lower-casing.
    if is_caseless(folded.as_bytes()) {
        folded
    } else {
        Cow::Owned(folded.to_lowercase())
    }
}

/// Is the text already in lower case because it holds only U+0600–U+06FF (lead bytes D8–DB)
/// and ASCII other than capitals? Bytewise: a continuation byte follows a lead byte that was
/// judged already.
fn is_caseless(text: &[u8]) -> bool {
    text.iter().all(|&b| if b < 0x80 { !b.is_ascii_uppercase() } else { b <= 0xBF || (0xD8..=0xDB).contains(&b) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str, mode: KeyMode) -> String {
        key(s, mode, Lexicon::builtin(), &|_| false)
    }

    #[test]
    fn caseless_texts_are_found_bytewise() {
        let exact = |s: &str| {
            s.chars().all(|c| ('\u{600}'..='\u{6ff}').contains(&c) || c.is_ascii() && !c.is_ascii_uppercase())
        };
        for s in ["", "abc", "aBc", "كتاب", "كتابA", "كتاب a1", "پژوهش", "ݐ", "é", "ß", "Ω", "\u{FEFB}"]
        {
            assert_eq!(is_caseless(s.as_bytes()), exact(s), "{s}");
        }
        assert_eq!(k("ÉCOLE", KeyMode::Fold), "école");
    }

    #[test]
    fn keys_by_mode() {
        assert_eq!(surface("الـمَدرسةُ"), "المدرسة");
        assert_eq!(k("المدرسة", KeyMode::Surface), "المدرسة");
        assert_eq!(k("المدرسة", KeyMode::Fold), "المدرسه");
        assert_eq!(k("٢٠٢٣", KeyMode::Fold), "2023");
        assert_eq!(k("Kazakhstan", KeyMode::Fold), "kazakhstan");
        for w in ["الانتخابات", "والانتخابات", "بالانتخابات", "للانتخابات"] {
            assert_eq!(k(w, KeyMode::Lemma), "انتخابات", "{w}");
        }
        assert_eq!(k("بلد", KeyMode::Lemma), "بلد");
        assert_eq!(k("ولد", KeyMode::Lemma), "ولد");
        assert_eq!(k("أكد", KeyMode::Lemma), "اكد");
    }
}
