//! Clitic analysis: split a word into proclitics, stem and pronoun enclitic, so that
//! الانتخابات، والانتخابات، بالانتخابات share one lemma key while بلد and ولد keep their letters.
//!
//! Proclitics: و ف (conjunctions), then ب ك ل (prepositions) or س (future), then ال (article);
//! ل + ال is written لل. Enclitics: the pronouns ه ها هم هما هن ك كم كن ي نا.
//! A split is taken only where what remains is a real word: the stem must be known to the
//! lexicon (or occur on its own in the same document), and the split must explain the word
//! better than the whole word does: `zipf(stem) − cost(clitics) > zipf(word)`.

use crate::lexicon::Lexicon;

/// Conjunctions, then prepositions (or the future particle س), then the article.
const CONJUNCTIONS: [&str; 3] = ["", "و", "ف"];
const PREPOSITIONS: [&str; 5] = ["", "ب", "ك", "ل", "س"];

/// Is `prefix` the proclitics a noun may carry: nothing, or a conjunction then a preposition
/// (و، ب، وب، فل، ك)?
pub(crate) fn is_noun_proclitics(prefix: &str) -> bool {
    CONJUNCTIONS.iter().any(|c| prefix.strip_prefix(c).is_some_and(|p| p != "س" && PREPOSITIONS.contains(&p)))
}

/// Pronoun enclitics. Longest first.
const ENCLITICS: [&str; 10] = ["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك"];

/// The first-person ي is kept apart: it is written like the adjective ending ي (رئيسي), so
/// it is split only on strong evidence.
const FIRST_PERSON: &str = "ي";

/// A word with a clitic is rarer than its stem (وقال is a fifth as frequent as قال), the more
/// so the rarer the clitic. A split is taken when `zipf(stem) + allowance > zipf(word)`: the
/// allowance is how far below its stem a word with that clitic may be and still be read as
/// one. Common clitics (و, ب, ل, ه) get more, rare ones (ك "like", ك "your") none, so
/// frozen phrases are split (بسبب) while words whose first letter only looks like a clitic
/// keep it (كانت, not ك + انت; كتاب is far more frequent than تاب).
fn allowance(clitic: &str) -> f32 {
    match clitic {
        "" => 0.0,
        "و" => 1.0,
        "ب" | "ل" | "ه" => 0.8,
        "ها" | "هم" => 0.5,
        "ف" | "س" | "نا" | "هما" | "هن" => 0.3,
        _ => 0.0,
    }
}
/// The article is productive: ال + a known noun is read as the article, even when the
/// definite form is the more frequent one (الانتخابات over انتخابات).
const ARTICLE_BONUS: f32 = 3.0;
/// Extra gain required to read a final ي as "my".
const FIRST_PERSON_COST: f32 = 2.5;
/// Least Zipf frequency of the noun after ال (rarer "stems" are more likely chance: الذين).
const ARTICLE_STEM_MIN: f32 = 3.0;
/// Zipf value given to a stem the lexicon lacks but the document uses as a word on its own.
const ATTESTED_STEM: f32 = 3.0;
/// A two-letter stem after a preposition (بما، لما) only when the whole word is not itself a
/// frequent word (كما is one word, "as").
const LEXICALIZED: f32 = 6.0;

/// A word split into proclitics, stem and enclitic, as byte lengths of the word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Split {
    pub prefix: usize,
    pub suffix: usize,
}

impl Split {
    pub fn stem<'a>(&self, word: &'a str) -> &'a str {
        &word[self.prefix..word.len() - self.suffix]
    }
}

/// Splits `word` (letters only, as written). `attested` says whether a form occurs as a word
/// on its own in the surrounding text (for names and terms the lexicon lacks).
pub fn split(word: &str, lexicon: &Lexicon, attested: &dyn Fn(&str) -> bool) -> Split {
    let whole = lexicon.zipf10(word) as f32 / 10.0;
    // A preposition with a pronoun and nothing else: له، بها، لهم، لنا، لي (لكن is a word).
    if let Some(rest) = word.strip_prefix('ل').or_else(|| word.strip_prefix('ب')) {
        if matches!(rest, "ه" | "ها" | "هم" | "هما" | "هن" | "نا" | "ي" | "ك" | "كم") {
            return Split { prefix: word.len() - rest.len(), suffix: rest.len() };
        }
    }
    let mut best = Split::default();
    let mut best_score = whole;
    // The suffixes the word ends with, found once: the rest of the word after the proclitics
    // ends with a suffix when the word does and the rest is long enough for it.
    let suffixes: [&str; ENCLITICS.len() + 2] = {
        let mut all = [""; ENCLITICS.len() + 2];
        all[1..=ENCLITICS.len()].copy_from_slice(&ENCLITICS);
        all[ENCLITICS.len() + 1] = FIRST_PERSON;
        all
    };
    let (mut ends, mut n_ends) = ([""; ENCLITICS.len() + 2], 0);
    for s in suffixes.into_iter().filter(|s| word.ends_with(*s)) {
        ends[n_ends] = s;
        n_ends += 1;
    }
    let word_ends = &ends[..n_ends];
    for conj in CONJUNCTIONS.iter().filter(|c| word.starts_with(*c)) {
        let after_conj = &word[conj.len()..];
        for prep in PREPOSITIONS.iter().filter(|p| after_conj.starts_with(*p)) {
            let after_prep = &after_conj[prep.len()..];
            for article in [false, true] {
                let Some(stem_and_suffix) = strip_article(after_prep, prep, article) else { continue };
                for &suffix in word_ends.iter().filter(|s| s.len() <= stem_and_suffix.len()) {
                    let stem = &stem_and_suffix[..stem_and_suffix.len() - suffix.len()];
                    if conj.is_empty() && prep.is_empty() && suffix.is_empty() && !article {
                        continue;
                    }
                    if !stem_fits(stem, prep, !conj.is_empty(), article, whole) {
                        continue;
                    }
                    let Some(z) = stem_support(stem, !suffix.is_empty(), lexicon, attested) else { continue };
                    if article && z < ARTICLE_STEM_MIN {
                        continue;
                    }
                    let mut score = z + allowance(conj) + allowance(prep) + allowance(suffix);
                    if article {
                        score += ARTICLE_BONUS;
                    }
                    if suffix == FIRST_PERSON {
                        score -= FIRST_PERSON_COST;
                    }
                    if score > best_score {
                        best_score = score;
                        best = Split { prefix: word.len() - stem_and_suffix.len(), suffix: suffix.len() };
                    }
                }
            }
        }
    }
    best
}

/// The rest after the article, when `article` (ال, or ل alone after the preposition ل: لل).
fn strip_article<'a>(rest: &'a str, prep: &str, article: bool) -> Option<&'a str> {
    match (article, prep) {
        (false, _) => Some(rest),
        (true, "س") => None,
        (true, "ل") => rest.strip_prefix('ل'),
        (true, _) => rest.strip_prefix("ال"),
    }
}

/// Is `stem` long enough, and of the right kind, for the clitics around it?
fn stem_fits(stem: &str, prep: &str, conj_too: bool, article: bool, whole: f32) -> bool {
    let letters = stem.chars().count();
    // After the article a noun of two letters is rare, while ال + two letters is often a
    // word of its own (الله، الذي).
    if letters < if article { 3 } else { 2 } {
        return false;
    }
    // A two-letter stem after a conjunction (وفي، فقد) or, if the word is not a frequent word
    // of its own, after a preposition (بما), never after two proclitics.
    if letters == 2 && !prep.is_empty() && (whole >= LEXICALIZED || conj_too) {
        return false;
    }
    // No Arabic word begins with a hamza on ya or waw, or with ة or ى: بئر is no ب + ئر.
    if stem.starts_with(['ئ', 'ؤ', 'ة', 'ى']) {
        return false;
    }
    // The future particle only before an imperfect verb.
    if prep == "س" {
        return stem.starts_with(['ي', 'ت', 'ن', 'أ']);
    }
    true
}

/// How real a word the stem is (Zipf), or `None`. Before an enclitic, ة is written ت and a
/// final ى is written ي (حكومته، عليه), so the base spellings are looked up too.
fn stem_support(stem: &str, before_enclitic: bool, lexicon: &Lexicon, attested: &dyn Fn(&str) -> bool) -> Option<f32> {
    let mut z = lexicon.zipf10(stem);
    if before_enclitic {
        let base =
            stem.strip_suffix('ت').map(|s| format!("{s}ة")).or_else(|| stem.strip_suffix('ي').map(|s| format!("{s}ى")));
        z = z.max(base.map_or(0, |b| lexicon.zipf10(&b)));
    }
    match z {
        0 if attested(stem) => Some(ATTESTED_STEM),
        0 => None,
        z => Some(z as f32 / 10.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(word: &str) -> String {
        let s = split(word, Lexicon::builtin(), &|_| false);
        let parts = [&word[..s.prefix], s.stem(word), &word[word.len() - s.suffix..]];
        parts.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("+")
    }

    #[test]
    fn clitics_come_off_when_a_real_word_remains() {
        assert_eq!(seg("والانتخابات"), "وال+انتخابات");
        assert_eq!(seg("بالانتخابات"), "بال+انتخابات");
        assert_eq!(seg("الانتخابات"), "ال+انتخابات");
        assert_eq!(seg("ترشيحاتها"), "ترشيحات+ها");
        assert_eq!(seg("وسيقام"), "وس+يقام");
        assert_eq!(seg("للمؤتمر"), "لل+مؤتمر");
        assert_eq!(seg("حكومته"), "حكومت+ه");
        assert_eq!(seg("الرئيسي"), "ال+رئيسي");
        assert_eq!(seg("له"), "ل+ه");
    }

    #[test]
    fn words_that_only_look_like_clitics_keep_their_letters() {
        for word in ["بلد", "ولد", "كتاب", "الله", "الذي", "التي", "كما", "بيان", "فيلم"]
        {
            assert_eq!(seg(word), word, "{word}");
        }
    }

    #[test]
    fn no_stem_begins_with_a_letter_no_word_begins_with() {
        // Even a stem the text attests (a name: بئر الحفي has no ئر).
        let attested = |_: &str| true;
        for (word, stem) in [("بئر", "بئر"), ("وبئر", "بئر"), ("بؤرة", "بؤرة"), ("لئن", "لئن")]
        {
            assert_eq!(split(word, Lexicon::builtin(), &attested).stem(word), stem, "{word}");
        }
    }

    #[test]
    fn an_attested_stem_counts_as_a_word() {
        let attested = |s: &str| s == "توكاييف";
        let s = split("وتوكاييف", Lexicon::builtin(), &attested);
        assert_eq!(s.stem("وتوكاييف"), "توكاييف");
        assert_eq!(split("وتوكاييف", Lexicon::builtin(), &|_| false), Split::default());
    }
}
