//! Training data with the names swapped: a copy of annotated sentences in which the words of
//! people's names are exchanged for one another, so that the tagger learns to find a name
//! from its context and its shape rather than from which names the training text happened to
//! mention in which contexts (mention replacement; Dai & Adel, COLING 2020).
//!
//! The swap is a permutation of name words over the whole corpus, so that a person keeps one
//! name everywhere: `فلاديمير بوتين` and a later `بوتين` alone become `X Y` and `Y`, and the
//! document memory still links them. Words are swapped only with words of the same clitics
//! (`وبوتين` with `وأوباما`, `الأسد` with `الحريري`), and the particles of Arabic names (`بن`,
//! `عبد`, `أبو`) stay where they are.

use super::tagger::{is_name_particle, shuffle, EntityType, Sentence, Shape, Tag, WordInfo};
use std::collections::{BTreeMap, HashMap};

/// `sentences` with the words of people's names permuted (deterministically for a `seed`).
/// A word is swapped when at least half of its occurrences are inside a person's name.
pub fn swap_names(sentences: &[Sentence], seed: u64) -> Vec<Sentence> {
    let mapping = name_permutation(sentences, seed);
    sentences
        .iter()
        .map(|s| {
            s.iter()
                .map(|(token, tag)| {
                    let swapped = if is_person(tag) { mapping.get(token.as_str()) } else { None };
                    (swapped.map_or_else(|| token.clone(), |w| w.to_string()), tag.clone())
                })
                .collect()
        })
        .collect()
}

fn is_person(label: &str) -> bool {
    Tag::from_label(label).entity_type() == Some(EntityType::Pers)
}

/// Each swappable word and the word that replaces it.
fn name_permutation(sentences: &[Sentence], seed: u64) -> HashMap<&str, &str> {
    // Occurrences inside a person's name, and in all.
    let mut counts: HashMap<&str, (u32, u32)> = HashMap::new();
    for (token, tag) in sentences.iter().flatten() {
        let c = counts.entry(token.as_str()).or_default();
        c.0 += u32::from(is_person(tag));
        c.1 += 1;
    }
    // Swappable words by their clitics (prefix, enclitic), in a fixed order before shuffling.
    let mut groups: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
    for (&word, &(inside, all)) in &counts {
        if 2 * inside < all {
            continue;
        }
        let info = WordInfo::new(word);
        if info.shape != Shape::Arabic || is_name_particle(&info) {
            continue;
        }
        groups.entry((info.prefix, info.enclitic)).or_default().push(word);
    }
    let mut mapping = HashMap::new();
    for (k, mut words) in groups.into_values().enumerate() {
        words.sort_unstable();
        let mut targets = words.clone();
        shuffle(&mut targets, seed.wrapping_add(k as u64));
        mapping.extend(words.into_iter().zip(targets));
    }
    mapping
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(pairs: &[(&str, &str)]) -> Sentence {
        pairs.iter().map(|(w, t)| (w.to_string(), t.to_string())).collect()
    }

    fn corpus() -> Vec<Sentence> {
        let names = ["بوتين", "أوباما", "ميركل", "هولاند", "كاميرون", "ساركوزي", "برلسكوني", "نتنياهو"];
        let mut out: Vec<Sentence> = names
            .iter()
            .map(|n| sentence(&[("قال", "O"), ("الرئيس", "O"), (n, "B-PERS"), ("إن", "O"), ("موسكو", "B-LOC")]))
            .collect();
        out.push(sentence(&[("التقى", "O"), ("محمد", "B-PERS"), ("بن", "I-PERS"), ("سلمان", "I-PERS")]));
        out.push(sentence(&[("وقال", "O"), ("بوتين", "B-PERS"), ("أمس", "O")]));
        out
    }

    #[test]
    fn names_are_permuted_and_the_rest_kept() {
        let original = corpus();
        let swapped = swap_names(&original, 7);
        assert_eq!(swapped.len(), original.len());
        let mut changed = 0;
        for (a, b) in original.iter().zip(&swapped) {
            assert_eq!(a.len(), b.len());
            for ((wa, ta), (wb, tb)) in a.iter().zip(b) {
                assert_eq!(ta, tb, "tags never change");
                if !is_person(ta) {
                    assert_eq!(wa, wb, "words outside names never change");
                }
                changed += usize::from(wa != wb);
            }
        }
        assert!(changed >= 4, "most of the names are swapped: {changed}");
        // A permutation: the same name words, in other places.
        let names = |s: &[Sentence]| {
            let mut v: Vec<String> = s.iter().flatten().filter(|(_, t)| is_person(t)).map(|(w, _)| w.clone()).collect();
            v.sort();
            v.dedup();
            v
        };
        assert_eq!(names(&original), names(&swapped));
    }

    #[test]
    fn a_person_keeps_one_name_and_particles_stay() {
        let swapped = swap_names(&corpus(), 3);
        // بوتين of the first sentence and of the last one became the same word.
        assert_eq!(swapped[0][2].0, swapped[9][1].0);
        assert_eq!(swapped[8][2].0, "بن");
    }

    #[test]
    fn words_mostly_outside_names_stay() {
        let mut c = corpus();
        // موسكو is a place eight times, part of a name once.
        c.push(sentence(&[("فلاديمير", "B-PERS"), ("موسكو", "I-PERS")]));
        let swapped = swap_names(&c, 1);
        assert_eq!(swapped[10][1].0, "موسكو");
    }
}
