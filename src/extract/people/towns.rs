//! The world's towns by their Arabic names (`data/names/world-places.txt`, from GeoNames: see
//! `tools/build_world_places.py`), less the names people bear: a foreign town the tagger reads
//! as a person (ألماتي، بيونغيانغ) is no person.

use super::{Found, Word};
use foldhash::fast::FixedState;
use std::collections::HashSet;
use std::sync::OnceLock;

static WORLD_PLACES: &str = include_str!("../../../data/names/world-places.txt");

/// Is the folded word a town of the list?
pub(super) fn is_world_town(folded: &str) -> bool {
    world_places().contains(folded)
}

/// The folded names of the list.
fn world_places() -> &'static HashSet<&'static str, FixedState> {
    static PLACES: OnceLock<HashSet<&'static str, FixedState>> = OnceLock::new();
    // One name per line and `#` comments: the format of a stopword list.
    PLACES.get_or_init(|| crate::stats::stopwords::parse(WORLD_PLACES).into_iter().collect())
}

/// Drops the one-word names that are towns of the list, with a conjunction or preposition
/// glued on or not, unless a role was written before them (رئيس بلدية X names a person) or the
/// text also writes the word inside a longer name (a person named after a town keeps the
/// town's name). (The list leaves out given names and surnames when it is built.)
pub(super) fn drop_lone_towns(words: &[Word], found: &mut Vec<Found>) {
    let town = |w: &Word| world_places().contains(w.bare()) || world_places().contains(w.folded);
    // A town the list writes as one word, written as two (بيونغ يانغ، كوالا لمبور).
    // (The first word as written too: the clitic splitter reads بيونغ as ب + يونغ.)
    let split_town = |r: &std::ops::Range<usize>| {
        let [first, second] = &words[r.clone()] else { return false };
        [first.folded, first.bare()].iter().any(|f| world_places().contains(format!("{f}{}", second.folded).as_str()))
    };
    found.retain(|(r, role)| role.is_some() || !split_town(r));
    // Two words, a town after a word that is no given name: a club or a place (فيردر بريمن،
    // بايرن ميونخ، بريد رادس). (Longer names hold more of a person's: يوفال نوح هراري.)
    let club = |r: &std::ops::Range<usize>| {
        let first = &words[r.start];
        r.len() == 2
            && town(&words[r.end - 1])
            && !super::given_names().contains(first.bare())
            && !crate::extract::tagger::is_name_word(first.bare())
    };
    found.retain(|(r, role)| role.is_some() || !club(r));
    let lone_towns: Vec<usize> = found
        .iter()
        .filter(|(r, role)| r.len() == 1 && role.is_none() && town(&words[r.start]))
        .map(|(r, _)| r.start)
        .collect();
    if lone_towns.is_empty() {
        return;
    }
    let in_longer_name = |k: usize| {
        found.iter().any(|(r, _)| r.len() > 1 && words[r.clone()].iter().any(|w| w.bare() == words[k].bare()))
    };
    let dropped: Vec<usize> = lone_towns.into_iter().filter(|&k| !in_longer_name(k)).collect();
    found.retain(|(r, _)| !(r.len() == 1 && dropped.contains(&r.start)));
}

#[cfg(test)]
mod tests {
    use super::super::forms::FormCache;
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::token::{tokenize, Token};

    /// The mentions `found` of `text`'s words kept by [`drop_lone_towns`], as word ranges.
    fn kept(text: &str, found: &[Found]) -> Vec<Found> {
        let tokens: Vec<Token> = tokenize(text).collect();
        let mut cache = FormCache::default();
        let words = cache.words(&tokens, text, Lexicon::builtin());
        let mut found = found.to_vec();
        drop_lone_towns(&words, &mut found);
        found
    }

    #[test]
    fn a_lone_town_is_no_person_but_a_town_with_a_role_or_in_a_longer_name_is_kept() {
        // Words: 0 وصل 1 الوفد 2 إلى 3 بيونغيانغ 4 وكوناكري 5 ثم 6 التقى 7 سامي 8 بيونغيانغ.
        let text = "وصل الوفد إلى بيونغيانغ وكوناكري ثم التقى سامي بيونغيانغ";
        assert!(world_places().contains("بيونغيانغ"));
        // A lone town goes; a lone word that is no town stays (سامي, a given name).
        assert_eq!(kept(text, &[(3..4, None), (7..8, None)]), vec![(7..8, None)]);
        // With a role written before it, it names a person.
        assert_eq!(kept(text, &[(3..4, Some("رئيس بلدية".into()))]), vec![(3..4, Some("رئيس بلدية".into()))]);
        // The text writes it inside a longer name too: a person's name, kept.
        assert_eq!(kept(text, &[(3..4, None), (7..9, None)]), vec![(3..4, None), (7..9, None)]);
        // With a conjunction glued on: the bare word is the town.
        let glued = "زار الوفد سيول وبيونغيانغ";
        assert_eq!(kept(glued, &[(3..4, None)]), vec![]);
        // Written as two words, as the list does not; a two-word name of a person stays.
        let split = "وصل الوفد إلى بيونغ يانغ ثم التقى سامي بيونغ";
        assert_eq!(kept(split, &[(3..5, None), (7..9, None)]), vec![(7..9, None)]);
        // Two words ending in a town: a club, unless a given name begins them.
        let clubs = "فاز فيردر بريمن على فريق سامي بريمن";
        assert_eq!(kept(clubs, &[(1..3, None), (5..7, None)]), vec![(5..7, None)]);
    }
}
