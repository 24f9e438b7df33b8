//! Scores the report's entity path against IOB2 gold: the gold tokens are written out as a
//! text, its entities found exactly as `nass report` finds them ([`super::find_entities`]),
//! and the spans found read back onto the gold tokens.

use super::find_entities;
use super::tagger::{EntityType, NerScore, Sentence, Tag, Tagger};
use crate::lexicon::Lexicon;
use std::collections::HashSet;
use std::ops::Range;

/// Gold files have no document boundaries: this many consecutive sentences (about one news
/// article) make one document, within which names found once are found again.
pub const DOCUMENT_SENTENCES: usize = 20;

/// Scores `gold` and returns the predicted tags of each sentence.
pub fn evaluate_pipeline(
    tagger: &Tagger,
    gold: &[Sentence],
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) -> (NerScore, Vec<Vec<Tag>>) {
    let mut score = NerScore::default();
    let mut predicted = Vec::with_capacity(gold.len());
    for document in gold.chunks(DOCUMENT_SENTENCES) {
        for (sentence, tags) in document.iter().zip(tag_document(tagger, document, lexicon, stop)) {
            let gold_tags: Vec<Tag> = sentence.iter().map(|(_, t)| Tag::from_label(t)).collect();
            score.add_sentence(&gold_tags, &tags);
            predicted.push(tags);
        }
    }
    (score, predicted)
}

/// The tags that the report's entities give the tokens of one document.
fn tag_document(tagger: &Tagger, document: &[Sentence], lexicon: &Lexicon, stop: &HashSet<String>) -> Vec<Vec<Tag>> {
    // Tokens separated by spaces, sentences by a blank line (a sentence break for the tagger).
    let mut text = String::new();
    let mut spans: Vec<(usize, usize, Range<usize>)> = Vec::new(); // (sentence, token, bytes)
    for (s, sentence) in document.iter().enumerate() {
        if s > 0 {
            text.push_str("\n\n");
        }
        for (t, (token, _)) in sentence.iter().enumerate() {
            if t > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(token);
            spans.push((s, t, start..text.len()));
        }
    }
    let found = find_entities(&text, tagger, lexicon, stop);
    let mut tags: Vec<Vec<Tag>> = document.iter().map(|s| vec![Tag::O; s.len()]).collect();
    let people = found.people.iter().map(|p| (EntityType::Pers, p.start..p.end));
    let others = found.others.iter().map(|m| (m.kind, m.start..m.end));
    for (kind, bytes) in people.chain(others) {
        let covered: Vec<&(usize, usize, Range<usize>)> =
            spans.iter().filter(|(_, _, r)| r.start < bytes.end && bytes.start < r.end).collect();
        // An entity is whole tokens of one sentence, and never overwrites another.
        let Some(&&(s, _, _)) = covered.first() else { continue };
        if covered.iter().any(|(cs, ct, _)| *cs != s || tags[*cs][*ct] != Tag::O) {
            continue;
        }
        for (k, (_, t, _)) in covered.iter().enumerate() {
            tags[s][*t] = if k == 0 { Tag::B(kind) } else { Tag::I(kind) };
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_spans_are_read_back_onto_the_gold_tokens() {
        let gold: Vec<Sentence> = [
            vec![
                ("وقال", "O"),
                ("الرئيس", "O"),
                ("جورج", "B-PERS"),
                ("بوش", "I-PERS"),
                ("في", "O"),
                ("واشنطن", "B-LOC"),
            ],
            vec![("وأضاف", "O"), ("بوش", "B-PERS"), ("أن", "O"), ("الاجتماع", "O"), ("مهم", "O")],
        ]
        .iter()
        .map(|s| s.iter().map(|(w, t)| (w.to_string(), t.to_string())).collect())
        .collect();
        let lexicon = Lexicon::builtin();
        let stop = crate::stats::stopwords::builtin_folded(lexicon);
        let (score, predicted) = evaluate_pipeline(Tagger::builtin(), &gold, lexicon, &stop);
        assert_eq!(predicted.len(), 2);
        assert_eq!(predicted[0][2..4], [Tag::B(EntityType::Pers), Tag::I(EntityType::Pers)]);
        // The surname alone is found again in the next sentence.
        assert_eq!(predicted[1][1], Tag::B(EntityType::Pers));
        assert_eq!(score.get(EntityType::Pers).true_pos, 2);
    }
}
