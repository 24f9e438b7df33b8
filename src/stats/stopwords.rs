//! Stopwords: `stopwords/ar.txt` (built by `tools/build_stopwords.py`, see NOTICE) or a
//! user's file, one word per line, `#` for comments.

use crate::lexicon::Lexicon;
use crate::token::{key, KeyMode};
use std::collections::HashSet;

static ARABIC: &str = include_str!("../../stopwords/ar.txt");
/// English function words, for the English passages (abstracts, quotes) of Arabic press texts.
static ENGLISH: &str = include_str!("../../stopwords/en.txt");

/// The words of a stopword file.
pub fn parse(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// The built-in lists: Arabic, and English for the English passages of Arabic texts.
pub fn builtin() -> Vec<&'static str> {
    let mut words = parse(ARABIC);
    words.extend(parse(ENGLISH));
    words
}

/// The keys the words have under `mode`, so that a stopword matches every spelling that
/// counts as the same term (في matches وفي in lemma mode, الى matches إلى when folding).
pub fn keys(words: &[&str], mode: KeyMode, lexicon: &Lexicon) -> HashSet<String> {
    words.iter().map(|w| key(w, mode, lexicon, &|_| false)).collect()
}

/// The built-in lists as folded keys: what the extractors take as `stop`.
pub fn builtin_folded(lexicon: &Lexicon) -> HashSet<String> {
    keys(&builtin(), KeyMode::Fold, lexicon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list_is_function_words() {
        let words = builtin();
        assert!(words.len() > 100);
        for w in ["في", "من", "على", "التي", "هذا", "the", "of"] {
            assert!(words.contains(&w), "{w}");
        }
        for content in ["يناير", "مارس", "ثلاثة", "مليون", "رئيس", "الانتخابات"] {
            assert!(!words.contains(&content), "{content}");
        }
    }

    #[test]
    fn keys_follow_the_mode() {
        let lex = Lexicon::builtin();
        let k = keys(&["إلى", "# comment is not parsed here"], KeyMode::Fold, lex);
        assert!(k.contains("الي"));
        assert_eq!(parse("# c\nفي\n\n من \n"), ["في", "من"]);
    }
}
