//! What a word form tells the people rules, whatever the text it is in: its folded form, its
//! class and whether it is a kinship noun. Worked out once per form and thread, not once per
//! word: news repeats its words, and folding and classing every word of every text cost more
//! than looking the form up.

use super::{Word, WordClass};
use crate::fingerprint::{fingerprint, FingerprintTable};
use crate::lexicon::Lexicon;
use crate::normalize::{fold_text_into, FoldOptions};
use crate::token::{Token, TokenKind};
use std::cell::RefCell;

/// What every word written as one form has, in half a cache line (aligned so as never to
/// straddle two): the folded form is kept in the facts when short (almost always), so reading
/// a word's facts is one memory access.
#[derive(Clone, Copy)]
#[repr(align(32))]
struct FormFacts {
    class: WordClass,
    /// Is it a kinship noun with a possessive or the article ([`super::cues::is_relative_noun`])?
    relative: bool,
    /// Folded, clitics kept: the bytes in `inline` if `len <= INLINE`, else the form at index
    /// `inline[..4]` in [`FormCache::long`].
    len: u16,
    inline: [u8; INLINE],
}

/// The longest folded form kept in [`FormFacts`] itself (14 Arabic letters).
const INLINE: usize = 28;

/// The facts of the forms a thread has met, by the fingerprint of the form as written. (A
/// word's class depends on how the lexicon splits its clitics; there is one lexicon, the
/// built-in one, as the clitic split's own cache assumes.)
#[derive(Default)]
pub(super) struct FormCache {
    ids: FingerprintTable<u32>,
    facts: Vec<FormFacts>,
    /// The folded forms longer than [`INLINE`].
    long: Vec<Box<str>>,
    /// Buffers of [`FormCache::words`], kept between texts.
    keys: Vec<u128>,
    ids_of_words: Vec<u32>,
}

/// Forms cached per thread before the cache is emptied (at the start of a text).
const FORM_CACHE_LIMIT: usize = 200_000;

/// Words whose memory is asked for at once: enough to overlap the waits, few enough that the
/// slots fetched are still in the first-level cache when read. (A chunk's facts are read in
/// the last pass over the text's words: from the second-level cache, for a long text.)
const PREFETCH_CHUNK: usize = 256;

impl FormCache {
    /// The index of the facts of an Arabic word `token` of `text` (`key`: the fingerprint of
    /// its form), worked out if new.
    fn id(&mut self, key: u128, token: Token, text: &str, lexicon: &Lexicon) -> u32 {
        if let Some(id) = self.ids.get(key) {
            return id;
        }
        let mut folded = String::with_capacity(token.end - token.start);
        fold_text_into(token.text(text), &FoldOptions::default(), &mut folded);
        let word = Word::unclassed(token, text, &folded, lexicon);
        let mut facts = FormFacts {
            class: word.classify(),
            relative: super::cues::is_relative_noun(&word),
            len: folded.len().min(usize::from(u16::MAX)) as u16,
            inline: [0; INLINE],
        };
        if folded.len() <= INLINE {
            facts.inline[..folded.len()].copy_from_slice(folded.as_bytes());
        } else {
            facts.inline[..4].copy_from_slice(&(self.long.len() as u32).to_le_bytes());
            self.long.push(folded.into());
        }
        let id = self.facts.len() as u32;
        self.facts.push(facts);
        self.ids.insert(key, id);
        id
    }

    /// The folded form of a word's facts.
    fn folded<'s>(&'s self, facts: &'s FormFacts) -> &'s str {
        let len = usize::from(facts.len);
        if len <= INLINE {
            // SAFETY: `inline[..len]` is a copy of a whole `str` (the folded form, in
            // `FormCache::id`, the only place facts are made), so it is valid UTF-8. (Checking
            // it again cost a fifth of the people rules' time on the words they read.)
            unsafe { std::str::from_utf8_unchecked(&facts.inline[..len]) }
        } else {
            let index = u32::from_le_bytes([facts.inline[0], facts.inline[1], facts.inline[2], facts.inline[3]]);
            debug_assert!((index as usize) < self.long.len(), "a long form's index is out of range");
            self.long.get(index as usize).map_or("", |f| f)
        }
    }

    /// The words of a text's tokens.
    pub(super) fn words<'a>(&'a mut self, tokens: &[Token], text: &'a str, lexicon: &'a Lexicon) -> Vec<Word<'a>> {
        if self.facts.len() > FORM_CACHE_LIMIT {
            *self = FormCache::default();
        }
        let is_word = |t: &Token| t.kind == TokenKind::ArabicWord;
        let mut keys = std::mem::take(&mut self.keys);
        keys.clear();
        keys.extend(tokens.iter().filter(|t| is_word(t)).map(|t| fingerprint(t.text(text))));
        // The table's slots, then the facts, of a chunk of words are asked for before any is
        // read (see [`crate::prefetch`]).
        let mut ids = std::mem::take(&mut self.ids_of_words);
        ids.clear();
        let mut words_of_tokens = tokens.iter().filter(|t| is_word(t));
        for chunk in keys.chunks(PREFETCH_CHUNK) {
            chunk.iter().for_each(|&key| self.ids.prefetch(key));
            let first = ids.len();
            for (&key, &token) in chunk.iter().zip(words_of_tokens.by_ref()) {
                let id = self.id(key, token, text, lexicon);
                ids.push(id);
            }
            ids[first..].iter().for_each(|&id| crate::prefetch::prefetch(&self.facts[id as usize]));
        }
        self.keys = keys;
        self.ids_of_words = ids;
        let this = &*self;
        let mut ids_of_words = this.ids_of_words.iter();
        tokens
            .iter()
            // A token that is no Arabic word has no facts cached: its folded form is the token
            // as written, no title, role or place, and no kinship noun.
            .map(|&t| {
                match is_word(&t).then(|| ids_of_words.next()).flatten().and_then(|&id| this.facts.get(id as usize)) {
                    Some(f) => Word::with_facts(t, text, this.folded(f), f.class, f.relative, lexicon),
                    None => Word::with_facts(t, text, t.text(text), WordClass::Other, false, lexicon),
                }
            })
            .collect()
    }
}

thread_local! {
    static FORMS: RefCell<FormCache> = RefCell::default();
}

/// Runs `f` with this thread's form cache.
pub(super) fn with_forms<R>(f: impl FnOnce(&mut FormCache) -> R) -> R {
    FORMS.with_borrow_mut(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold_text;
    use crate::token::tokenize;

    #[test]
    fn words_have_the_folded_form_of_their_token_short_or_long_and_cached_or_not() {
        // Two forms longer than the facts hold inline (والاستراتيجياتهم, 32 bytes folded, and
        // with ب), short ones with foldable letters, a number and a Latin word (no facts), in
        // more words than a prefetch chunk (ids paired with words across chunks), then again:
        // from the cache.
        let text = "أعلنت الوزارة والاستراتيجياتهم 2024 وأحمد Reuters وبالاستراتيجياتهم. ".repeat(PREFETCH_CHUNK / 4);
        let text = text.as_str();
        let lexicon = Lexicon::builtin();
        let tokens: Vec<Token> = tokenize(text).collect();
        assert!(tokens.len() > PREFETCH_CHUNK);
        let mut cache = FormCache::default();
        let folded: Vec<String> = cache.words(&tokens, text, lexicon).iter().map(|w| w.folded.to_string()).collect();
        let expected: Vec<String> = tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::ArabicWord => fold_text(t.text(text), &FoldOptions::default()).into_owned(),
                _ => t.text(text).to_string(),
            })
            .collect();
        let long: std::collections::HashSet<&String> = expected.iter().filter(|f| f.len() > INLINE).collect();
        assert_eq!(long.len(), 2);
        assert_eq!(folded, expected);
        let again: Vec<String> = cache.words(&tokens, text, lexicon).iter().map(|w| w.folded.to_string()).collect();
        assert_eq!(again, expected);
    }
}
