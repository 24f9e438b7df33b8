//! Extraction of what press texts report: figures, dates and people.

pub mod annotated;
pub mod dates;
pub mod figures;
pub mod name_swap;
pub mod ner_eval;
pub mod numbers;
pub mod people;
pub mod tagger;

use crate::lexicon::Lexicon;
use crate::token::{tokenize, Token};
use std::collections::{HashMap, HashSet};
use tagger::{EntityType, Mention, Tagger};

/// What one document (its repaired text) reports; spans are byte offsets into that text.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    pub dates: Vec<dates::DateMention>,
    pub figures: Vec<figures::Figure>,
    pub people: Vec<people::PersonMention>,
}

/// Finds the dates, figures and people of a repaired text with the built-in tagger. Dates come
/// first: a year or a day inside a date is never a figure. `stop` holds folded stopwords.
pub fn extract(text: &str, lexicon: &Lexicon, stop: &HashSet<String>) -> Extracted {
    let tokens: Vec<Token> = tokenize(text).collect();
    extract_in(text, &tokens, lexicon, stop)
}

/// [`extract`] with the text's tokens ([`tokenize`]), for a caller that has them already.
pub fn extract_in(text: &str, tokens: &[Token], lexicon: &Lexicon, stop: &HashSet<String>) -> Extracted {
    let dates = dates::extract_dates(text);
    let spans: Vec<std::ops::Range<usize>> = dates.iter().map(|d| d.start..d.end).collect();
    let figures = figures::extract_figures_in(text, tokens, &spans);
    let mut people = find_entities_in(text, tokens, Tagger::builtin(), lexicon, stop).people;
    drop_people_in_dates(&mut people, &spans);
    Extracted { dates, figures, people }
}

/// Drops the person mentions that overlap a date: a month is no person (الخميس 9 فيفري).
fn drop_people_in_dates(people: &mut Vec<people::PersonMention>, dates: &[std::ops::Range<usize>]) {
    people.retain(|p| !dates.iter().any(|d| d.start < p.end && p.start < d.end));
}

/// The named entities of a text, as the report finds them.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    /// People: the tagger's person entities, completed by the title, role and gazetteer rules
    /// and by the other mentions of the same names (see [`people::find_people`]).
    pub people: Vec<people::PersonMention>,
    /// Places, organizations and other names, as the tagger found them.
    pub others: Vec<Mention>,
}

/// Tags `text` with `tagger` and finds its people with the rules: the one code path that
/// `report`, `entities` and `eval ner` share.
pub fn find_entities(text: &str, tagger: &Tagger, lexicon: &Lexicon, stop: &HashSet<String>) -> Entities {
    let tokens: Vec<Token> = tokenize(text).collect();
    find_entities_in(text, &tokens, tagger, lexicon, stop)
}

/// [`find_entities`] with the text's tokens ([`tokenize`]), for a caller that has them
/// already: the tagger and the people rules read the same tokens.
pub fn find_entities_in(
    text: &str,
    tokens: &[Token],
    tagger: &Tagger,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) -> Entities {
    debug_assert!(tokens.iter().copied().eq(tokenize(text)), "the tokens are not those of the text");
    let (persons, others): (Vec<Mention>, Vec<Mention>) =
        tagger.find_entities_in(text, tokens.iter().copied()).into_iter().partition(|m| m.kind == EntityType::Pers);
    let tagged: Vec<std::ops::Range<usize>> = persons.iter().map(|m| m.start..m.end).collect();
    let mut people = people::find_people_in(text, tokens, tagged.as_slice(), lexicon, stop);
    drop_lone_places(&mut people, &others, text);
    drop_places_coordinated(&mut people, &others, text, lexicon);
    Entities { people, others }
}

/// Drops the one-word person mentions whose word the tagger tags as a place more often in the
/// text than the people found use it, in the same or another transliteration (كوروفا twice a
/// place, once a person, or كوروفي): a lone word read as a person there is the place read
/// wrong. (Not a person the tagger once took for a place: ترامب.)
fn drop_lone_places(people: &mut Vec<people::PersonMention>, others: &[Mention], text: &str) {
    // Few mentions are one word: only their skeletons are counted (a skeleton folds and copies
    // the word, too dear for every place and name word of every text).
    let mut counts: HashMap<String, (usize, usize)> = people
        .iter()
        .filter(|p| !p.name.contains(char::is_whitespace))
        .map(|p| (people::skeleton(&p.name), (0, 0)))
        .collect();
    if counts.is_empty() {
        return;
    }
    for m in others.iter().filter(|m| m.kind == EntityType::Loc) {
        if let Some(word) = text.get(m.start..m.end).filter(|t| !t.contains(char::is_whitespace)) {
            if let Some((as_place, _)) = counts.get_mut(&people::skeleton(word)) {
                *as_place += 1;
            }
        }
    }
    if counts.values().all(|&(as_place, _)| as_place == 0) {
        return;
    }
    for p in people.iter() {
        for word in p.name.split_whitespace() {
            if let Some((_, as_name)) = counts.get_mut(&people::skeleton(word)) {
                *as_name += 1;
            }
        }
    }
    people.retain(|p| {
        p.name.contains(char::is_whitespace)
            || counts.get(&people::skeleton(&p.name)).is_none_or(|&(as_place, as_name)| as_place <= as_name)
    });
}

/// Drops the one-word person mentions joined by و to a word the tagger tags as a place (بما
/// في ذلك ألماتي وأستانا; أستانا وألماتي): words so coordinated are alike, and a lone word
/// with a place is a place read wrong. The و must be the conjunction, as the clitic splitter
/// reads it: a place's own و is not one (يزور أردوغان واشنطن: Erdogan visits Washington).
fn drop_places_coordinated(people: &mut Vec<people::PersonMention>, others: &[Mention], text: &str, lexicon: &Lexicon) {
    let places: Vec<&Mention> = others.iter().filter(|m| m.kind == EntityType::Loc).collect();
    if places.is_empty() {
        return;
    }
    let and = |word: &str| people::waw_is_conjunction(word, lexicon);
    let place_at = |start: usize| places.iter().find(|m| m.start == start);
    let place_ends_at = |end: usize| places.iter().any(|m| m.end == end);
    people.retain(|p| {
        // (A given name before a surname spelt like a place is a person: جورج واشنطن.)
        if p.name.contains(char::is_whitespace) || people::is_known_given_name(&p.name) {
            return true;
        }
        // The next word is a place with the conjunction و glued to it.
        let after = &text[p.end..];
        let next = p.end + (after.len() - after.trim_start().len());
        let place_after = place_at(next)
            .and_then(|m| text[m.start..m.end].split_whitespace().next())
            .is_some_and(|word| word.starts_with('و') && and(word));
        // The mention has the conjunction و glued to it, after a place: left out of its span
        // (the people rules read it as one), or in it if the splitter says so.
        let before = text[..p.start].strip_suffix('و').unwrap_or(&text[..p.start]);
        let glued = before.len() < p.start || and(&p.name);
        let gap = before.len() - before.trim_end().len();
        let place_before = glued && gap > 0 && place_ends_at(before.len() - gap);
        !(place_after || place_before)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte offset of the `nth` occurrence of `word` in `text`.
    fn at(text: &str, word: &str, nth: usize) -> usize {
        text.match_indices(word).nth(nth).map(|(i, _)| i).expect("in the text")
    }

    /// A person mention of `name`, at the `nth` occurrence of it in `text`.
    fn person(text: &str, name: &str, nth: usize) -> people::PersonMention {
        let start = at(text, name, nth);
        people::PersonMention { start, end: start + name.len(), name: name.to_string(), role: None }
    }

    /// A place the tagger found: the `nth` occurrence of `word` in `text`.
    fn place(text: &str, word: &str, nth: usize) -> Mention {
        let start = at(text, word, nth);
        Mention { kind: EntityType::Loc, start, end: start + word.len() }
    }

    fn names(found: &[people::PersonMention]) -> Vec<&str> {
        found.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn a_lone_word_tagged_a_place_more_often_than_a_person_is_no_person() {
        let text = "وصل الوفد إلى كوروفا أمس. وفي كوروفا التقى كوروفي بالسيد ترامب، ثم زار ترامب ترامب.";
        let mut found = vec![person(text, "كوروفي", 0), person(text, "ترامب", 0), person(text, "ترامب", 1)];
        let others = [place(text, "كوروفا", 0), place(text, "كوروفا", 1), place(text, "ترامب", 2)];
        drop_lone_places(&mut found, &others, text);
        assert_eq!(names(&found), ["ترامب", "ترامب"]);
    }

    #[test]
    fn a_lone_word_joined_by_waw_to_a_place_is_no_person() {
        let text = "بما في ذلك كوروفا وبرلين. ثم زار باريس وكوروفي أمس، وزار كوروفو واشنطن، والتقى جورج وباريس سمير.";
        let mut found = vec![
            // Before a place with the conjunction و glued to it, and after one with و glued to
            // the mention: places.
            person(text, "كوروفا", 0),
            person(text, "كوروفي", 0),
            // Before a place whose own name begins with و, and a known given name: people.
            person(text, "كوروفو", 0),
            person(text, "جورج", 0),
            // A lone word next to no place.
            person(text, "سمير", 0),
        ];
        let others =
            [place(text, "وبرلين", 0), place(text, "باريس", 0), place(text, "واشنطن", 0), place(text, "وباريس", 0)];
        drop_places_coordinated(&mut found, &others, text, Lexicon::builtin());
        assert_eq!(names(&found), ["كوروفو", "جورج", "سمير"]);
    }

    #[test]
    fn a_month_is_no_person() {
        let text = "أبرز أحداث يوم الخميس 9 فيفري 2017 مع الوزير سمير الطيب";
        let mut found = vec![person(text, "فيفري", 0), person(text, "سمير الطيب", 0)];
        let dates: Vec<std::ops::Range<usize>> = dates::extract_dates(text).iter().map(|d| d.start..d.end).collect();
        drop_people_in_dates(&mut found, &dates);
        assert_eq!(names(&found), ["سمير الطيب"]);
    }
}
