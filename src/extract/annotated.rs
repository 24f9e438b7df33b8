//! Training sentences for the tagger from press articles whose people were annotated by hand:
//! an `NN_name.txt` article beside an `NN_name.json` that lists its people (the gold sets'
//! format, `data/gold/press/README.md`). The people's written forms are found in the text and
//! tagged `B-PERS`/`I-PERS`; every other token is [`NOT_PERSON`], "not a person, type not
//! annotated", so that training learns people from the article without being told that its
//! places and organizations are nothing (see `Trainer` in [`super::tagger`]).

use super::tagger::{sentences, Sentence, NOT_PERSON};
use crate::token::clitics::is_noun_proclitics;
use serde::Deserialize;
use std::path::Path;

/// The answers of one article: its people's forms, and the strings that contain a person's
/// name but name something else (`مطار الحبيب بورقيبة`).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct PeopleAnswers {
    #[serde(default)]
    pub people: Vec<AnnotatedPerson>,
    #[serde(default)]
    pub not_people: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct AnnotatedPerson {
    pub name: String,
    #[serde(default)]
    pub variants: Vec<String>,
}

impl PeopleAnswers {
    /// Reads an answer file; `None` if it is JSON without a `people` list (not an annotated
    /// article).
    pub fn from_json(json: &str) -> Result<Option<PeopleAnswers>, String> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if value.get("people").is_none_or(|p| !p.is_array()) {
            return Ok(None);
        }
        serde_json::from_value(value).map(Some).map_err(|e| e.to_string())
    }

    /// The name of a person none of whose forms occurs in `text`.
    pub fn missing_person(&self, text: &str) -> Option<&str> {
        self.people.iter().find(|p| p.forms().all(|f| occurrences(text, f).is_empty())).map(|p| p.name.as_str())
    }

    /// Every written form of every person, longest first (a full name claims its words before
    /// the surname alone can).
    fn forms(&self) -> Vec<&str> {
        let mut forms: Vec<&str> = self.people.iter().flat_map(AnnotatedPerson::forms).collect();
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        forms.dedup();
        forms
    }
}

/// What an answer file beside its article gives the trainer.
#[derive(Debug)]
pub enum AnnotatedArticle {
    /// The article's sentences with its people tagged.
    People(Vec<Sentence>),
    /// A damaged copy (PDF extraction) that no longer holds this person's every form: its
    /// people would be taught as nobody, so the article is to be left out, not read.
    Damaged { missing: String },
}

/// The training sentences of an annotated article, from its answer file (`NN_name.json`) and
/// the article beside it (`NN_name.txt`); `None` if `json_path` is not such an answer file.
/// An unreadable file or malformed JSON is an error.
pub fn read_annotated(json_path: &Path) -> Result<Option<AnnotatedArticle>, String> {
    let text_path = json_path.with_extension("txt");
    if json_path.extension().is_none_or(|e| e != "json") || !text_path.is_file() {
        return Ok(None);
    }
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let Some(answers) =
        PeopleAnswers::from_json(&read(json_path)?).map_err(|e| format!("{}: {e}", json_path.display()))?
    else {
        return Ok(None);
    };
    let text = read(&text_path)?;
    Ok(Some(match answers.missing_person(&text) {
        Some(missing) => AnnotatedArticle::Damaged { missing: missing.to_string() },
        None => AnnotatedArticle::People(person_sentences(&text, &answers)),
    }))
}

impl AnnotatedPerson {
    /// The name and its variants, trimmed, the empty ones left out.
    fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&self.name).chain(&self.variants).map(|f| f.trim()).filter(|f| !f.is_empty())
    }
}

/// The sentences of `text` (the tagger's own tokens and sentence breaks), each token tagged
/// `B-PERS`/`I-PERS` where it lies in one of the people's forms and [`NOT_PERSON`] elsewhere.
pub fn person_sentences(text: &str, answers: &PeopleAnswers) -> Vec<Sentence> {
    let mut claimed = vec![false; text.len()];
    // Things named after people are claimed first, so that no name inside them is tagged.
    for thing in &answers.not_people {
        for range in occurrences(text, thing.trim()) {
            claimed[range].fill(true);
        }
    }
    let mut people: Vec<std::ops::Range<usize>> = Vec::new();
    for form in answers.forms() {
        for range in occurrences(text, form) {
            if !claimed[range.clone()].contains(&true) {
                claimed[range.clone()].fill(true);
                people.push(range);
            }
        }
    }
    people.sort_by_key(|r| r.start);
    sentences(text)
        .into_iter()
        .map(|tokens| {
            let mut current: Option<usize> = None;
            tokens
                .into_iter()
                .map(|token| {
                    let person = people.iter().position(|p| p.start <= token.start && token.end <= p.end);
                    let tag = match person {
                        Some(k) if current == Some(k) => "I-PERS",
                        Some(_) => "B-PERS",
                        None => NOT_PERSON,
                    };
                    current = person;
                    (text[token].to_string(), tag.to_string())
                })
                .collect()
        })
        .collect()
}

/// Where `form` occurs in `text` as whole words, with the proclitics glued before it (a
/// conjunction then a preposition, [`is_noun_proclitics`]; `لل` for `ال`) included in the
/// range, since the tagger tags the whole written token. A word that only looks glued (بسام
/// for the name سام) is taken too: neither the lexicon nor the clitic splitter tells a name
/// from a clitic and a name, and the annotators' forms make it rare (none in data/ner/press).
fn occurrences(text: &str, form: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    if form.is_empty() {
        return out;
    }
    let mut needles = vec![form.to_string()];
    if let Some(rest) = form.strip_prefix("ال") {
        // للحبيب: the ل of the preposition takes the place of the article's alef; before a
        // word that begins with ل the three lams are written two (لليبي for ل + الليبي).
        needles.push(if rest.starts_with('ل') { format!("ل{rest}") } else { format!("لل{rest}") });
    }
    for needle in &needles {
        for (start, _) in text.match_indices(needle.as_str()) {
            let end = start + needle.len();
            if text[end..].chars().next().is_some_and(is_word_char) {
                continue;
            }
            let word_start = text[..start]
                .rfind(|c: char| !is_word_char(c))
                .map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
            if is_noun_proclitics(&text[word_start..start]) {
                out.push(word_start..end);
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out.dedup_by(|a, b| a.start < b.end);
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{64b}'..='\u{65f}').contains(&c) || c == '\u{640}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(people: &[(&str, &[&str])], not_people: &[&str]) -> PeopleAnswers {
        PeopleAnswers {
            people: people
                .iter()
                .map(|(name, variants)| AnnotatedPerson {
                    name: name.to_string(),
                    variants: variants.iter().map(|v| v.to_string()).collect(),
                })
                .collect(),
            not_people: not_people.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn tagged(text: &str, a: &PeopleAnswers) -> Vec<(String, String)> {
        person_sentences(text, a).into_iter().flatten().filter(|(_, t)| t != NOT_PERSON).collect()
    }

    fn pair(w: &str, t: &str) -> (String, String) {
        (w.to_string(), t.to_string())
    }

    #[test]
    fn full_names_surnames_and_glued_clitics_are_tagged() {
        let a = answers(&[("يوسف الشاهد", &["الشاهد"])], &[]);
        let text = "قال رئيس الحكومة يوسف الشاهد إن الحكومة ماضية. وأضاف الشاهد أن للشاهد رأيا وللشاهدين آخر.";
        assert_eq!(
            tagged(text, &a),
            vec![pair("يوسف", "B-PERS"), pair("الشاهد", "I-PERS"), pair("الشاهد", "B-PERS"), pair("للشاهد", "B-PERS")]
        );
    }

    #[test]
    fn clitics_in_an_order_no_noun_carries_are_part_of_another_word() {
        // ببسام and لوسام have clitics in no order a noun carries (two prepositions, a
        // preposition before the conjunction); وبسام is "and with Sam".
        let a = answers(&[("سام", &[])], &[]);
        assert_eq!(tagged("قال ببسام ثم لوسام ثم وبسام", &a), vec![pair("وبسام", "B-PERS")]);
    }

    #[test]
    fn the_preposition_lam_before_an_article_name_that_begins_with_lam() {
        // ل + الليبي is written لليبي, ل + الحبيب is written للحبيب.
        let a = answers(&[("الليبي", &[]), ("الحبيب", &[])], &[]);
        assert_eq!(tagged("قال لليبي وللحبيب", &a), vec![pair("لليبي", "B-PERS"), pair("وللحبيب", "B-PERS")]);
    }

    #[test]
    fn a_name_inside_a_thing_named_after_a_person_is_not_tagged() {
        let a = answers(&[("الحبيب بورقيبة", &["بورقيبة"])], &["مطار الحبيب بورقيبة"]);
        let text = "وصل إلى مطار الحبيب بورقيبة الدولي. وكان بورقيبة زعيما";
        assert_eq!(tagged(text, &a), vec![pair("بورقيبة", "B-PERS")]);
    }

    #[test]
    fn two_people_side_by_side_are_two_entities_and_the_rest_is_not_a_person() {
        let a = answers(&[("سعيد", &[]), ("الغنوشي", &[])], &[]);
        let sentences = person_sentences("التقى سعيد الغنوشي في قرطاج", &a);
        let tags: Vec<&str> = sentences[0].iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(tags, [NOT_PERSON, "B-PERS", "B-PERS", NOT_PERSON, NOT_PERSON]);
    }

    #[test]
    fn an_answer_file_without_people_is_not_an_annotated_article() {
        assert!(PeopleAnswers::from_json(r#"{"dates": []}"#).unwrap().is_none());
        let a = PeopleAnswers::from_json(r#"{"people": [{"name": "قيس سعيد"}]}"#).unwrap().unwrap();
        assert_eq!(a.people[0].name, "قيس سعيد");
        assert!(PeopleAnswers::from_json("{").is_err());
        assert_eq!(a.missing_person("قال قيس سعيد"), None);
        assert_eq!(a.missing_person("قال قيس سعيدة"), Some("قيس سعيد"));
    }
}
