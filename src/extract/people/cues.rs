//! Names found by what press text writes around them, without a title: the author of a work
//! whose title is quoted («رواية "سفر القلب" لأمينة زريق»), and a person whose age is given
//! (مارك لور البالغ من العمر 45 عاماً), a goal scorer after the minute of the goal
//! (51' علي العابدي), and a relative named after the kinship noun (زوجته ملكة أبيض).

use super::{
    continues_name, given_names, has_article, name_like, name_run, overlaps, role_complement_end, spans, text_support,
    Found, Word, WordClass, COMMON, COMMON_IN_NAME, MAX_NAME_WORDS, RARE, RARE_FAMILY_NAME,
};
use crate::lexicon::Lexicon;
use crate::token::TokenKind;
use std::collections::HashSet;

/// Marks that close a quoted title.
const CLOSING_QUOTES: [&str; 3] = ["»", "\"", "”"];

/// A name with ل (by) glued to it right after a quoted title is its author: "جهاد ناعم"
/// لمحمد عيسى المؤدب. The name is two words or more that a name may be made of; a common
/// word after the quote (»لتحقيق، »للمطالبة، "…" لكسب ميزة) is a preposition's object,
/// not an author: the first word must be a known given name or a rare word.
pub(super) fn add_authors(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    for i in 1..words.len() {
        let w = &words[i];
        let Some(first) = w.text.strip_prefix('ل') else { continue };
        let by_author = CLOSING_QUOTES.contains(&words[i - 1].text)
            && !first.starts_with('ل')
            && first.chars().count() >= 3
            && !w.folded.strip_prefix('ل').is_some_and(|rest| stop.contains(rest));
        if !by_author {
            continue;
        }
        let first_support = text_support(first, lexicon);
        let known_first =
            first_support < COMMON || w.folded.strip_prefix('ل').is_some_and(|rest| given_names().contains(rest));
        let run = continued_run(words, i, 3, lexicon, stop);
        // A first word common enough to be a word (أمينة، كسب) needs a rare family name after
        // it (زريق, not ميزة).
        let family_name_after =
            first_support < COMMON_IN_NAME && run >= 2 && words[i + 1].support(lexicon) < RARE_FAMILY_NAME;
        if !(known_first || family_name_after) {
            continue;
        }
        if run >= 2 && !overlaps(found, &(i..i + run)) {
            found.push((i..i + run, None));
        }
    }
}

/// A name before a comma and a role in apposition (أعلن رياض المؤخر، وزير البيئة): two or
/// three words that continue a name, after a word that does not (a verb, a preposition),
/// the last a rare word, the first no common word. The role after the comma is its role.
pub(super) fn add_names_before_roles(
    words: &[Word],
    found: &mut Vec<Found>,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) {
    for c in 2..words.len().saturating_sub(1) {
        let role = &words[c + 1];
        if !matches!(words[c].text, "،" | ",") || !matches!(role.class, WordClass::Role | WordClass::Title) {
            continue;
        }
        let plain = |w: &Word| w.bare_from == 0 && continues_name(w, lexicon, stop);
        let last = &words[c - 1];
        if !(plain(last) && last.support(lexicon) < RARE_FAMILY_NAME) {
            continue;
        }
        let start = (c.saturating_sub(3)..c - 1).find(|&s| {
            let first = &words[s];
            words[s..c].iter().all(plain)
                && !has_article(first.folded)
                && (given_names().contains(first.bare()) || first.support(lexicon) < COMMON_IN_NAME)
                && (s == 0 || !continues_name(&words[s - 1], lexicon, stop))
        });
        let Some(s) = start else { continue };
        if overlaps(found, &(s..c)) {
            continue;
        }
        let role_end =
            if role.class == WordClass::Role { role_complement_end(words, c + 1, lexicon, stop) } else { c + 2 };
        let role_text = words[c + 1..role_end].iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
        found.push((s..c, Some(role_text)));
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

/// Marks written after a minute in match reports (51' ، 73’).
const MINUTE_MARKS: [&str; 3] = ["'", "’", "′"];

/// A name of two words or more right after a minute of play (73' فراس شواط) is the player
/// who scored or was booked then: match reports list them so, with no other cue.
pub(super) fn add_scorers(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    for i in 2..words.len() {
        let minute = words[i - 2].token.kind == TokenKind::Number && MINUTE_MARKS.contains(&words[i - 1].text);
        if !minute {
            continue;
        }
        // A given name spelt like a stopword (علي) opens it too: the minute is cue enough.
        let first = &words[i];
        let opens = name_run(words, i, lexicon, stop) > 0
            || (first.token.kind == TokenKind::ArabicWord && given_names().contains(first.folded));
        if !opens {
            continue;
        }
        let run = continued_run(words, i, MAX_NAME_WORDS, lexicon, stop);
        if run >= 2 && !overlaps(found, &(i..i + run)) {
            found.push((i..i + run, None));
        }
    }
}

/// Number of words of a name that opens with `words[start]`: that word and the ones after it
/// that continue a name, `max` at most.
fn continued_run(words: &[Word], start: usize, max: usize, lexicon: &Lexicon, stop: &HashSet<String>) -> usize {
    let mut run = 1;
    while start + run < words.len() && run < max && continues_name(&words[start + run], lexicon, stop) {
        run += 1;
    }
    run
}

/// Kinship nouns, folded, as they stand before a pronoun suffix (زوجت-ه، والد-ها، اخو-ه).
const KIN_STEMS: [&str; 28] = [
    "زوج",
    "زوجت",
    "والد",
    "والدت",
    "ام",
    "اب",
    "ابو",
    "اخ",
    "اخو",
    "اخت",
    "شقيق",
    "شقيقت",
    "ابن",
    "ابنت",
    "نجل",
    "نجلت",
    "جد",
    "جدت",
    "حفيد",
    "حفيدت",
    "عم",
    "عمت",
    "خال",
    "خالت",
    "ارمل",
    "ارملت",
    "صهر",
    "كنت",
];

/// Possessive pronoun suffixes, folded.
const POSSESSIVES: [&str; 5] = ["ه", "ها", "هم", "هما", "هن"];

/// Kinship nouns with the article (الأخ الأكبر، باري).
const KIN_WITH_ARTICLE: [&str; 8] = ["الاخ", "الاخت", "الابن", "الابنه", "الزوج", "الزوجه", "الشقيق", "الشقيقه"];

/// Adjectives of age and rank after a kinship noun (أخوه الأصغر).
const KIN_ADJECTIVES: [&str; 4] = ["الاكبر", "الاصغر", "الكبري", "الصغري"];

/// Is the word a kinship noun with a possessive (زوجته، والدتها، أخوه) or the article (الأخ)?
fn relative_noun(w: &Word) -> bool {
    let bare = w.bare();
    KIN_WITH_ARTICLE.contains(&bare)
        || POSSESSIVES.iter().any(|p| bare.strip_suffix(p).is_some_and(|stem| KIN_STEMS.contains(&stem)))
}

/// A name right after a kinship noun with a possessive (زوجته ملكة أبيض، والدته كاثرين،
/// شقيقه محمد), after a title, adjectives or a comma between them (أخوه الأصغر، آندي): press
/// text names relatives so, with no other cue. The name's first word must be a given name or
/// a rare word (not زوجته السابقة، ابنه البكر).
pub(super) fn add_relatives(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    for i in 0..words.len() {
        if words[i].token.kind != TokenKind::ArabicWord || !relative_noun(&words[i]) {
            continue;
        }
        let between = |w: &Word| {
            w.class == WordClass::Title
                || spans::title_modifier(w, lexicon)
                || KIN_ADJECTIVES.contains(&w.bare())
                || matches!(w.text, "،" | ",")
        };
        let start = i + 1 + words[i + 1..].iter().take(3).take_while(|w| between(w)).count();
        let Some(first) = words.get(start) else { continue };
        let plain = first.token.kind == TokenKind::ArabicWord
            && first.bare_from == 0
            && !has_article(first.folded)
            && !first.is_stopword(stop);
        let run = name_run(words, start, lexicon, stop);
        // A rare word alone may be a verb the lexicon lacks (يتلظيان): it needs a second word.
        let given = given_names().contains(first.folded);
        if !plain || !(given || (first.support(lexicon) < RARE && run >= 2)) {
            continue;
        }
        // The words after the first two end the name where a common word begins (a verb).
        let common =
            |w: &Word| w.support(lexicon) >= COMMON && !given_names().contains(w.bare()) && !has_article(w.folded);
        let run = (2..run).find(|&k| common(&words[start + k])).unwrap_or(run.max(1));
        let r = spans::without_adverbs(words, start..start + run);
        if !overlaps(found, &r) {
            // The kinship noun is the role: a given name alone is a name after it (والدته سعاد).
            let kin = &words[i];
            let clitic = if kin.bare_from > 0 { kin.text.chars().next().map_or(0, char::len_utf8) } else { 0 };
            found.push((r, Some(kin.text[clitic..].to_string())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::find_people;
    use crate::lexicon::Lexicon;

    fn names(text: &str) -> Vec<String> {
        let stop = crate::stats::stopwords::builtin_folded(Lexicon::builtin());
        find_people(text, &[], Lexicon::builtin(), &stop).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn relatives_are_named_after_the_kinship_noun() {
        assert_eq!(names("وحضرت الجنازة زوجته سعاد الحمامي وأبناؤه."), ["سعاد الحمامي"]);
        assert_eq!(names("وقالت والدته سعاد إنه كان هادئا."), ["سعاد"]);
        assert_eq!(names("وصل شقيقه الأصغر، سمير، صباحا."), ["سمير"]);
        // What follows a kinship noun is often no name.
        assert!(names("وحضرت زوجته السابقة الحفل.").is_empty());
        assert!(names("ورافقه ابنه إلى المستشفى.").is_empty());
        // A rare word alone may be a verb the lexicon lacks.
        assert!(names("كان والده وشقيقه يتسامران ليلا.").is_empty());
    }
}
