//! What a word form tells the people rules, whatever the text it is in: its folded form, its
//! class and whether it is a kinship noun. Worked out once per form and thread, not once per
//! word: news repeats its words, and folding and classing every word of every text cost more
//! than looking the form up.

use super::{Word, WordClass};
use crate::fingerprint::{fingerprint, ByFingerprint};
use crate::lexicon::Lexicon;
use crate::normalize::{fold_text_into, FoldOptions};
use crate::token::{Token, TokenKind};
use std::cell::RefCell;

/// What every word written as one form has.
pub(super) struct FormFacts {
    /// Folded, clitics kept.
    pub folded: Box<str>,
    pub class: WordClass,
    /// Is it a kinship noun with a possessive or the article ([`super::cues::is_relative_noun`])?
    pub relative: bool,
}

/// The facts of the forms a thread has met, by the fingerprint of the form as written. (A
/// word's class depends on how the lexicon splits its clitics; there is one lexicon, the
/// built-in one, as the clitic split's own cache assumes.)
#[derive(Default)]
pub(super) struct FormCache {
    ids: ByFingerprint<u32>,
    facts: Vec<FormFacts>,
}

/// Forms cached per thread before the cache is emptied (at the start of a text).
const FORM_CACHE_LIMIT: usize = 200_000;

/// The id of a token that is no Arabic word (no facts are cached for it): its folded form is
/// the token as written, no title, role or place, and no kinship noun.
const NOT_ARABIC: u32 = u32::MAX;

impl FormCache {
    /// The index of the facts of an Arabic word `token` of `text`, worked out if new.
    fn id(&mut self, token: Token, text: &str, lexicon: &Lexicon) -> u32 {
        let written = token.text(text);
        let key = fingerprint(written);
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let mut folded = String::with_capacity(written.len());
        fold_text_into(written, &FoldOptions::default(), &mut folded);
        let word = Word::unclassed(token, text, &folded, lexicon);
        let facts = FormFacts {
            class: word.classify(),
            relative: super::cues::is_relative_noun(&word),
            folded: folded.as_str().into(),
        };
        let id = self.facts.len() as u32;
        self.facts.push(facts);
        self.ids.insert(key, id);
        id
    }

    /// The words of a text's tokens.
    pub(super) fn words<'a>(&'a mut self, tokens: &[Token], text: &'a str, lexicon: &'a Lexicon) -> Vec<Word<'a>> {
        if self.facts.len() > FORM_CACHE_LIMIT {
            *self = FormCache::default();
        }
        let ids: Vec<u32> = tokens
            .iter()
            .map(|&t| if t.kind == TokenKind::ArabicWord { self.id(t, text, lexicon) } else { NOT_ARABIC })
            .collect();
        let facts = &self.facts;
        tokens
            .iter()
            .zip(ids)
            .map(|(&t, id)| match facts.get(id as usize) {
                Some(f) => Word::with_facts(t, text, &f.folded, f.class, f.relative, lexicon),
                None => Word::with_facts(t, text, t.text(text), WordClass::Other, false, lexicon),
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
