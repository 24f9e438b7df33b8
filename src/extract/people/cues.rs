//! Names found by what press text writes around them, without a title: the author of a work
//! whose title is quoted («رواية "سفر القلب" لأمينة زريق»), and a person whose age is given
//! (مارك لور البالغ من العمر 45 عاماً).

use super::{continues_name, given_names, letters, name_like, overlaps, Found, Word, COMMON_IN_NAME, MAX_NAME_WORDS};
use crate::lexicon::Lexicon;
use std::collections::HashSet;

/// Marks that close a quoted title.
const CLOSING_QUOTES: [&str; 3] = ["»", "\"", "”"];

/// A name with ل (by) glued to it right after a quoted title is its author: "جهاد ناعم"
/// لمحمد عيسى المؤدب. The name is two words or more that a name may be made of; a common
/// word after the quote (»لتحقيق، »للمطالبة) is a preposition's object, not an author.
pub(super) fn add_authors(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    for i in 1..words.len() {
        let w = &words[i];
        let Some(first) = w.text.strip_prefix('ل') else { continue };
        let by_author = CLOSING_QUOTES.contains(&words[i - 1].text)
            && !first.starts_with('ل')
            && first.chars().count() >= 3
            && !w.folded.strip_prefix('ل').is_some_and(|rest| stop.contains(rest))
            && (lexicon.support(&letters(first)) < COMMON_IN_NAME
                || w.folded.strip_prefix('ل').is_some_and(|rest| given_names().contains(rest)));
        if !by_author {
            continue;
        }
        let mut run = 1;
        while i + run < words.len() && run < 3 && continues_name(&words[i + run], lexicon, stop) {
            run += 1;
        }
        if run >= 2 && !overlaps(found, &(i..i + run)) {
            found.push((i..i + run, None));
        }
    }
}

/// A name before البالغ من العمر (aged): the words before it that continue a name, from a
/// name-like word, two at least.
pub(super) fn add_aged_names(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    for i in 1..words.len().saturating_sub(2) {
        let aged = matches!(words[i].folded, "البالغ" | "البالغه")
            && words[i + 1].folded == "من"
            && words[i + 2].folded == "العمر";
        if !aged {
            continue;
        }
        // The longest run before it that begins with a name-like word.
        let start = (i.saturating_sub(MAX_NAME_WORDS)..i.saturating_sub(1)).find(|&s| {
            name_like(&words[s], lexicon, stop) && words[s + 1..i].iter().all(|w| continues_name(w, lexicon, stop))
        });
        if let Some(s) = start {
            if !overlaps(found, &(s..i)) {
                found.push((s..i, None));
            }
        }
    }
}

/// Bytes of the ل (by) glued to the first word of an author's name ([`add_authors`]).
pub(super) fn author_preposition(words: &[Word], i: usize) -> usize {
    let after_quote = i > 0 && CLOSING_QUOTES.contains(&words[i - 1].text);
    if after_quote && words[i].text.starts_with('ل') && !words[i].text.starts_with("لل") {
        'ل'.len_utf8()
    } else {
        0
    }
}
