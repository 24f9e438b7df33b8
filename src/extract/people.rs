//! People: find the persons a press text mentions, and merge the mentions of each.
//!
//! Mentions come from three sources, all on the repaired text:
//! - the person entities of the statistical tagger ([`super::tagger`]), which decide where
//!   names begin and end;
//! - a title or role before a name (الرئيس، رئيس الوزراء، وزير الداخلية، السفيرة، المرشح،
//!   الناشطة، البابا…): it gives the tagger's name its role, or, where the tagger found none,
//!   the name is the run of name-like words after it;
//! - the other mentions of the names found: the same words again, or a surname alone
//!   (بوتين after فلاديمير بوتين).
//!
//! A given name followed by rare words is not enough on its own: on ANERcorp that rule was
//! wrong four times in five (قوة، باسم، قلب are given names and words), so the gazetteer of
//! given names (`data/names/given.txt`) only helps a run that a title started.
//!
//! A name-like word is not a stopword, title or common word: it is a known given name, a
//! word the lexicon hardly knows (transliterated names), or has the shape of a transliterated
//! surname (ييف، وف، ينكو، سكي…). A run after a place or organization word (العاصمة، حزب،
//! مدينة…) is not a person, and neither is any other mention of the same words in the text.
//!
//! Mentions are then merged into people: names are compared on a consonant skeleton (vowel
//! letters dropped, ق read as ك) so that spellings of one transliteration meet (توقاييف،
//! توكاييف، توكايف), a surname alone joins the one full name that ends with it, and a
//! person's name is the fullest form seen.

use crate::fingerprint::{fingerprint, ByFingerprint};
use crate::lexicon::Lexicon;
use crate::normalize::{fold_text, fold_text_into, FoldOptions};
use crate::token::{split_clitics, tokenize, Token, TokenKind};
use foldhash::fast::FixedState;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

static GIVEN_NAMES: &str = include_str!("../../data/names/given.txt");

/// Titles that stand before a name on their own (folded, without the article's clitics).
const TITLES: [&str; 79] = [
    "السيد",
    "السيده",
    "الدكتور",
    "الدكتوره",
    "الشيخ",
    "الشيخه",
    "الاستاذ",
    "الاستاذه",
    "المهندس",
    "الملك",
    "الملكه",
    "الامير",
    "الاميره",
    "البابا",
    "الامام",
    "الجنرال",
    "العقيد",
    "اللواء",
    "المشير",
    "القاضي",
    "المستشار",
    "المستشاره",
    "النائب",
    "النائبه",
    "المرشح",
    "المرشحه",
    "الناشط",
    "الناشطه",
    "الرئيس",
    "الرئيسه",
    "السفير",
    "السفيره",
    "الوزير",
    "الوزيره",
    "الصحفي",
    "الصحفيه",
    "الكاتب",
    "الكاتبه",
    "المتحدث",
    "الامبراطور",
    "الامبراطوره",
    "الباشا",
    "معالي",
    "سمو",
    "فخامه",
    "الفنان",
    "الفنانه",
    "اللاعب",
    "اللاعبه",
    "المدرب",
    "الداعيه",
    "المطرب",
    "المطربه",
    "الممثل",
    "الممثله",
    "الشاعر",
    "الشاعره",
    "المؤرخ",
    "الروائي",
    "الروائيه",
    "المخرج",
    "المخرجه",
    "المحامي",
    "المحاميه",
    "البروفيسور",
    "الحاج",
    "الاب",
    "القس",
    "الخليفه",
    "السلطان",
    "الدوق",
    "المفتي",
    "الزعيم",
    "السيناتور",
    "المذيع",
    "المذيعه",
    "الباحث",
    "الباحثه",
    "الخبير",
];

/// Role nouns that take a complement before the name (رئيس الوزراء، وزير الداخلية).
const ROLES: [&str; 18] = [
    "رئيس",
    "رئيسه",
    "وزير",
    "وزيره",
    "سفير",
    "سفيره",
    "امين",
    "مدير",
    "مديره",
    "زعيم",
    "زعيمه",
    "قائد",
    "نائب",
    "مستشار",
    "مستشاره",
    "الامين",
    "المتحدث",
    "حاكم",
];

/// Words after which a name-like run is a place or an organization, not a person.
const NOT_PERSON_BEFORE: [&str; 22] = [
    "العاصمه",
    "عاصمه",
    "مدينه",
    "المدينه",
    "حزب",
    "الحزب",
    "حركه",
    "شركه",
    "جامعه",
    "مطار",
    "ساحه",
    "شارع",
    "منطقه",
    "اقليم",
    "ولايه",
    "محافظه",
    "جمهوريه",
    "دوله",
    "مؤسسه",
    "مستشفى",
    "ميناء",
    "نهر",
];

/// Endings of transliterated surnames (Slavic, Turkic, Georgian, Armenian…).
const SURNAME_ENDINGS: [&str; 12] =
    ["ييف", "يف", "وف", "وفا", "ييفا", "ينكو", "سكي", "سكايا", "فيتش", "شفيلي", "يان", "اوغلو"];

/// Zipf frequency (with clitic back-off) from which a word is too common to be part of a
/// name, unless it is a known given name: names are rare words of the general lexicon.
const COMMON: f32 = 3.0;
/// Longest name, in words.
const MAX_NAME_WORDS: usize = 4;

fn given_names() -> &'static HashSet<&'static str, FixedState> {
    static NAMES: OnceLock<HashSet<&'static str, FixedState>> = OnceLock::new();
    NAMES.get_or_init(|| {
        GIVEN_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .filter(|n| !n.is_empty())
            .collect()
    })
}

fn fold(s: &str) -> String {
    fold_text(s, &FoldOptions::default()).into_owned()
}

/// One mention of a person in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonMention {
    /// Byte span of the name in the text.
    pub start: usize,
    pub end: usize,
    /// The name as written, without title.
    pub name: String,
    /// The title or role written before it, if any (الرئيس، وزير الداخلية).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A word of the text with what the rules need to know about it.
struct Word<'a> {
    token: Token,
    /// Folded, clitics kept.
    folded: &'a str,
    /// Where the bare form begins in `folded`: after a conjunction or preposition the clitic
    /// splitter found (والرئيس → الرئيس: the article stays).
    bare_from: usize,
    /// Is the bare form a title, a role or a place word?
    class: WordClass,
    text: &'a str,
}

impl<'a> Word<'a> {
    /// The word of `token`, whose folded form is `folded` (see [`fold_words`]).
    fn new(token: Token, text: &'a str, folded: &'a str, lexicon: &Lexicon) -> Word<'a> {
        let raw = token.text(text);
        let bare_from = glued_conjunction(folded, raw, lexicon);
        let class = word_classes().get(&folded[bare_from..]).copied().unwrap_or(WordClass::Other);
        Word { token, folded, bare_from, class, text: raw }
    }

    /// Folded, without a glued conjunction or preposition.
    fn bare(&self) -> &str {
        &self.folded[self.bare_from..]
    }
}

/// The folded forms of the Arabic words among `tokens`, one after another in one string (one
/// allocation for the document, not one per word), and where each token's is in it (the
/// token as written for the other tokens).
fn fold_words(tokens: &[Token], text: &str) -> (String, Vec<Option<Range<usize>>>) {
    let mut folded = String::with_capacity(text.len());
    let spans = tokens
        .iter()
        .map(|t| {
            (t.kind == TokenKind::ArabicWord).then(|| {
                let start = folded.len();
                fold_text_into(t.text(text), &FoldOptions::default(), &mut folded);
                start..folded.len()
            })
        })
        .collect();
    (folded, spans)
}

/// The bytes of a conjunction or preposition (و ف ب ل) glued to a word, when the clitic
/// splitter says there is one and three letters or more remain; 0 otherwise.
fn glued_conjunction(folded: &str, raw: &str, lexicon: &Lexicon) -> usize {
    let Some(c) = folded.chars().next().filter(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل')) else { return 0 };
    if folded.len() <= c.len_utf8() + 4 {
        return 0;
    }
    // The split of a word form is cached per thread: most words recur. By fingerprint: a
    // lookup compares no strings (which would be read from all over the heap).
    thread_local! {
        static SPLITS: RefCell<ByFingerprint<bool>> = RefCell::default();
    }
    let key = fingerprint(raw);
    let glued = SPLITS.with_borrow_mut(|cache| {
        if let Some(&glued) = cache.get(&key) {
            return glued;
        }
        if cache.len() > SPLIT_CACHE_LIMIT {
            cache.clear();
        }
        let glued = split_clitics(raw, lexicon, &|_| false).prefix > 0;
        cache.insert(key, glued);
        glued
    });
    if glued {
        c.len_utf8()
    } else {
        0
    }
}

/// Word forms whose clitic split is cached per thread before the cache is emptied.
const SPLIT_CACHE_LIMIT: usize = 100_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordClass {
    Title,
    Role,
    /// A place or organization word (see [`NOT_PERSON_BEFORE`]).
    Place,
    Other,
}

/// Titles, roles and place words by their folded form.
fn word_classes() -> &'static HashMap<&'static str, WordClass, FixedState> {
    static CLASSES: OnceLock<HashMap<&'static str, WordClass, FixedState>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut classes = HashMap::default();
        // Later lists win: المتحدث and الامين are roles (they take a complement).
        for (list, class) in
            [(&TITLES[..], WordClass::Title), (&ROLES[..], WordClass::Role), (&NOT_PERSON_BEFORE[..], WordClass::Place)]
        {
            for w in list {
                classes.insert(*w, class);
            }
        }
        classes
    })
}

/// Does a word look like part of a name?
fn name_like(w: &Word, lexicon: &Lexicon, stop: &HashSet<String>) -> bool {
    if w.token.kind != TokenKind::ArabicWord || stop.contains(w.folded) || stop.contains(w.bare()) {
        return false;
    }
    if w.class != WordClass::Other {
        return false;
    }
    if given_names().contains(w.bare())
        || SURNAME_ENDINGS.iter().any(|e| w.bare().ends_with(e) && w.bare().chars().count() >= 5)
    {
        return true;
    }
    // A word with a conjunction or preposition glued to it (وخمسة، بالحفاظ) is not a name.
    if w.bare_from > 0 {
        return false;
    }
    let letters: String = w.text.chars().filter(|c| crate::arabic::is_letter(*c)).collect();
    lexicon.support(&letters) < COMMON && !w.folded.starts_with("ال")
}

/// Finds the person mentions of a text. `tagged` are person spans (byte ranges) from a
/// tagger, if one ran; `stop` holds folded stopwords.
pub fn find_people(
    text: &str,
    tagged: &[Range<usize>],
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) -> Vec<PersonMention> {
    let tokens: Vec<Token> = tokenize(text).collect();
    find_people_in(text, &tokens, tagged, lexicon, stop)
}

/// [`find_people`] with the text's tokens ([`tokenize`]), for a caller that has them already.
pub(crate) fn find_people_in(
    text: &str,
    tokens: &[Token],
    tagged: &[Range<usize>],
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) -> Vec<PersonMention> {
    let (folded, spans) = fold_words(tokens, text);
    let words: Vec<Word> = tokens
        .iter()
        .zip(spans)
        .map(|(&t, span)| Word::new(t, text, span.map_or(t.text(text), |r| &folded[r]), lexicon))
        .collect();
    // Tagger spans first, as word ranges: the tagger was trained on where names begin and
    // end; the rules add what it missed and the roles written before names.
    let mut found: Vec<(Range<usize>, Option<String>)> = Vec::new(); // word index ranges
    for span in tagged {
        // Tokens are in text order: their starts and ends rise.
        let first = Some(words.partition_point(|w| w.token.end <= span.start)).filter(|&k| k < words.len());
        let last = words.partition_point(|w| w.token.start < span.end).checked_sub(1);
        if let (Some(a), Some(b)) = (first, last) {
            if a <= b {
                found.push((a..b + 1, None));
            }
        }
    }
    let tagged_found = found.len();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let is_title = w.class == WordClass::Title;
        let is_role = w.class == WordClass::Role;
        if is_title || is_role {
            // A role takes its complement: words that are not names (رئيس الوزراء، رئيس
            // روسيا), up to three, never across punctuation; باسم (on behalf of) is always
            // part of it, though a given name too (المتحدث باسم الخارجية).
            let mut j = i + 1;
            while is_role
                && j < words.len()
                && j < i + 4
                && words[j].token.kind == TokenKind::ArabicWord
                && (words[j].folded == "باسم"
                    || (!given_names().contains(words[j].bare())
                        && !name_like(&words[j], lexicon, stop)
                        && !stop.contains(words[j].folded)))
            {
                j += 1;
            }
            let role = || text[w.token.start..words[j - 1].token.end].to_string();
            // A name the tagger found right after the title takes the role.
            if let Some((_, r)) = found[..tagged_found].iter_mut().find(|(r, _)| r.start == j) {
                *r = Some(role());
                i = j;
                continue;
            }
            let run = name_run(&words, j, lexicon, stop);
            if run > 0 && !overlaps(&found[..tagged_found], &(j..j + run)) {
                found.push((j..j + run, Some(role())));
                i = j + run;
                continue;
            }
        }
        i += 1;
    }
    // A name written right after a place or organization word is not a person, here or
    // anywhere else in the text (العاصمة نور سلطان، حزب نور أوطان).
    let as_key = |r: &Range<usize>| words[r.clone()].iter().map(|w| w.bare()).collect::<Vec<_>>().join(" ");
    let mut not_people: HashSet<String, FixedState> = HashSet::default();
    for (k, w) in words.iter().enumerate() {
        if w.class == WordClass::Place {
            let run = name_run_loose(&words, k + 1, lexicon, stop);
            if run > 0 {
                not_people.insert(as_key(&(k + 1..k + 1 + run)));
            }
        }
    }
    found.retain(|(r, _)| !not_people.contains(&as_key(r)));
    propagate(&words, &mut found, lexicon, stop);
    found.sort_by_key(|(r, _)| r.start);
    found
        .into_iter()
        .map(|(r, role)| {
            let (start, end) = (words[r.start].token.start, words[r.end - 1].token.end);
            // The name as written, with a conjunction or preposition glued to its first word
            // left out, and a broken line joined.
            let (skip, article) = glued_proclitic(&words[r.start], lexicon);
            let start = start + skip;
            let name = text[start..end].split_whitespace().collect::<Vec<_>>().join(" ");
            let name = if article { format!("ا{name}") } else { name };
            let role = role.map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "));
            PersonMention { start, end, name, role }
        })
        .collect()
}

/// Marks the other mentions of the names found: the same words again, or the last word of a
/// full name alone (بوتين after فلاديمير بوتين), where no mention was found. A lone word must
/// be rare enough in the general lexicon to be read as a name (عادل، أمين stay words).
fn propagate(
    words: &[Word],
    found: &mut Vec<(Range<usize>, Option<String>)>,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) {
    let key = |r: &Range<usize>| words[r.clone()].iter().map(|w| w.bare()).collect::<Vec<_>>();
    let mut names: HashSet<Vec<&str>, FixedState> = HashSet::default();
    for (r, _) in found.iter() {
        let k = key(r);
        if let Some(last) = k.last().filter(|_| k.len() > 1) {
            names.insert(vec![*last]);
        }
        names.insert(k);
    }
    let longest = names.iter().map(Vec::len).max().unwrap_or(0);
    let mut covered = vec![false; words.len()];
    for (r, _) in found.iter() {
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
    }
    let lone_name = |w: &Word| {
        let letters: String = w.text.chars().filter(|c| crate::arabic::is_letter(*c)).collect();
        w.token.kind == TokenKind::ArabicWord
            && !stop.contains(w.bare())
            && !stop.contains(w.folded)
            && !matches!(w.class, WordClass::Title | WordClass::Role)
            && lexicon.support(&letters) < COMMON_IN_NAME
    };
    let firsts: HashSet<&str, FixedState> = names.iter().filter_map(|n| n.first().copied()).collect();
    let mut k = 0;
    while k < words.len() {
        if covered[k] || !firsts.contains(words[k].bare()) {
            k += 1;
            continue;
        }
        let run = (1..=longest.min(words.len() - k)).rev().find(|&n| {
            !covered[k..k + n].iter().any(|c| *c)
                && names.contains(&key(&(k..k + n)))
                && (n > 1 || lone_name(&words[k]))
        });
        match run {
            Some(n) => {
                found.push((k..k + n, None));
                k += n;
            }
            None => k += 1,
        }
    }
    found.sort_by_key(|(r, _)| r.start);
}

/// Bytes of a conjunction or preposition glued to the first word of a name (وبوتين، لبشير),
/// and whether the article lost its alef to the preposition (للحبيب is ل + الحبيب: the name
/// is then written from the second ل with the alef put back). The letter is cut off only
/// when the lexicon knows the rest better than the whole, so that names beginning with those
/// letters stay whole (وليد، بشير، فيليب).
fn glued_proclitic(w: &Word, lexicon: &Lexicon) -> (usize, bool) {
    let Some(first) = w.text.chars().next() else { return (0, false) };
    if !matches!(first, 'و' | 'ف' | 'ب' | 'ل') || w.text.chars().count() < 4 {
        return (0, false);
    }
    let rest = &w.text[first.len_utf8()..];
    let article = first == 'ل' && rest.starts_with('ل');
    let candidate = if article { format!("ا{rest}") } else { rest.to_string() };
    let letters = |s: &str| s.chars().filter(|c| crate::arabic::is_letter(*c)).collect::<String>();
    let whole_is_name = given_names().contains(fold(w.text).as_str());
    let rest_is_name = given_names().contains(fold(&candidate).as_str());
    // Zipf in tenths, as written: a name with a clitic glued on is rarer than the name (and
    // clearly rarer, when the rest is not a known given name).
    let margin = if rest_is_name { 0 } else { 10 };
    let better_known = lexicon.zipf10(&letters(&candidate)) > lexicon.zipf10(&letters(w.text)).saturating_add(margin);
    if !whole_is_name && better_known {
        (first.len_utf8(), article)
    } else {
        (0, false)
    }
}

fn overlaps(found: &[(Range<usize>, Option<String>)], r: &Range<usize>) -> bool {
    found.iter().any(|(f, _)| f.start < r.end && r.start < f.end)
}

/// Zipf frequency (with back-off) under which a word may continue a name that has begun:
/// famous names are frequent words of the news (بوتين، ميشيل), but not as frequent as the
/// common words that follow a name (قال، أكد، خلال).
const COMMON_IN_NAME: f32 = 4.6;

/// Can this word continue a name begun before it?
fn continues_name(w: &Word, lexicon: &Lexicon, stop: &HashSet<String>) -> bool {
    if name_like(w, lexicon, stop) {
        return true;
    }
    if w.token.kind != TokenKind::ArabicWord || stop.contains(w.folded) || w.bare_from > 0 {
        return false;
    }
    if w.class != WordClass::Other {
        return false;
    }
    let letters: String = w.text.chars().filter(|c| crate::arabic::is_letter(*c)).collect();
    lexicon.support(&letters) < COMMON_IN_NAME
}

/// Number of words of the name that starts at `start`: a name-like word, then words that
/// continue it (at most four in all, never across punctuation).
fn name_run(words: &[Word], start: usize, lexicon: &Lexicon, stop: &HashSet<String>) -> usize {
    if start >= words.len() || !name_like(&words[start], lexicon, stop) {
        return 0;
    }
    let mut n = 1;
    while start + n < words.len() && n < MAX_NAME_WORDS && continues_name(&words[start + n], lexicon, stop) {
        n += 1;
    }
    n
}

/// Like `name_run`, but also through given names that are common words (نور سلطان), for
/// recognising the names of places and organizations.
fn name_run_loose(words: &[Word], start: usize, lexicon: &Lexicon, stop: &HashSet<String>) -> usize {
    let mut n = 0;
    while start + n < words.len() && n < MAX_NAME_WORDS {
        let w = &words[start + n];
        let plain_word =
            w.token.kind == TokenKind::ArabicWord && !stop.contains(w.folded) && !w.folded.starts_with("ال");
        if !(name_like(w, lexicon, stop) || (plain_word && w.bare_from == 0)) {
            break;
        }
        n += 1;
    }
    n
}

/// The consonant skeleton of a name word: folded, ق read as ك, vowel letters and hamza
/// seats dropped after the first letter, doubled letters once.
pub fn skeleton(word: &str) -> String {
    let folded = fold(word);
    let mut out = String::new();
    for (k, c) in folded.chars().enumerate() {
        let c = if c == 'ق' { 'ك' } else { c };
        if k > 0 && matches!(c, 'ا' | 'و' | 'ي' | 'ء' | 'ئ' | 'ؤ' | 'ه') {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// A person: mentions merged over a document or a corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Person {
    /// The fullest form seen, without titles.
    pub name: String,
    /// Other spellings and shorter forms merged into this person.
    pub variants: Vec<String>,
    pub mentions: u64,
    /// Roles seen with the person, most frequent first.
    pub roles: Vec<String>,
    /// Documents that mention the person (in a corpus).
    pub documents: Vec<String>,
}

/// Merges mentions into people. Each item is (document, mention). Deterministic: the result
/// is sorted by mentions, then name.
pub fn merge_people(mentions: &[(String, PersonMention)]) -> Vec<Person> {
    // Full names (two words or more) first: they define the people.
    // Skeleton words, with a conjunction و glued to the first word left out (وزيجولي and
    // زيجولي meet; a name that begins with و, وليد, still meets itself).
    let words = |m: &PersonMention| {
        let mut words: Vec<String> = m.name.split_whitespace().map(skeleton).collect();
        if let Some(rest) = words.first().and_then(|w| w.strip_prefix('و')).filter(|r| r.chars().count() >= 2) {
            words[0] = rest.to_string();
        }
        words
    };
    // Documents by number, so that a group counts its mentions per document.
    let mut doc_ids: HashMap<&str, u32, FixedState> = HashMap::default();
    let doc_of: Vec<u32> = mentions
        .iter()
        .map(|(doc, _)| {
            let next = doc_ids.len() as u32;
            *doc_ids.entry(doc.as_str()).or_insert(next)
        })
        .collect();
    let mut groups: Vec<Group> = Vec::new();
    // Groups by the first and by the last skeleton word of their fullest name: a name can only
    // belong to a group that shares one of them (see `same_person`).
    let mut by_first: HashMap<String, Vec<usize>, FixedState> = HashMap::default();
    let mut by_last: HashMap<String, Vec<usize>, FixedState> = HashMap::default();
    let mut candidates: Vec<usize> = Vec::new();
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(mentions[k].1.name.split_whitespace().count()));
    for k in order {
        let sk = words(&mentions[k].1);
        let (Some(first), Some(last)) = (sk.first(), sk.last()) else { continue };
        let doc = doc_of[k];
        candidates.clear();
        candidates.extend(by_first.get(first).into_iter().chain(by_last.get(last)).flatten());
        candidates.sort_unstable();
        candidates.dedup();
        let matches: Vec<usize> = candidates.iter().copied().filter(|&g| same_person(&groups[g].full, &sk)).collect();
        // A short name that fits several people goes to the one named in the same document
        // (the most mentioned there, if several), else to the one mentioned more than twice as
        // often as any other; else it stays apart.
        let same_document: Vec<usize> =
            matches.iter().copied().filter(|&g| groups[g].per_document.contains_key(&doc)).collect();
        let dominant = || {
            let mut sizes: Vec<(usize, usize)> = matches.iter().map(|&g| (groups[g].ids.len(), g)).collect();
            sizes.sort_unstable_by(|a, b| b.cmp(a));
            match sizes.as_slice() {
                [(first, g), (second, _), ..] if *first > 2 * second => Some(*g),
                _ => None,
            }
        };
        // In one document, a surname alone is the person most mentioned there.
        let most_in_document = || {
            let in_document = |g: usize| groups[g].per_document.get(&doc).copied().unwrap_or(0);
            same_document.iter().copied().max_by_key(|&g| (in_document(g), std::cmp::Reverse(g)))
        };
        let chosen = match (matches.as_slice(), same_document.as_slice()) {
            ([g], _) | (_, [g]) => Some(*g),
            ([], _) => None,
            (_, []) => dominant(),
            _ => most_in_document(),
        };
        let g = match chosen {
            Some(g) => g,
            None => {
                by_first.entry(first.clone()).or_default().push(groups.len());
                by_last.entry(last.clone()).or_default().push(groups.len());
                groups.push(Group { full: sk, ids: Vec::new(), per_document: HashMap::default() });
                groups.len() - 1
            }
        };
        groups[g].ids.push(k);
        *groups[g].per_document.entry(doc).or_default() += 1;
    }
    let mut people: Vec<Person> = groups
        .into_iter()
        .map(|Group { ids, .. }| {
            let mut forms: BTreeMap<&str, u64> = BTreeMap::new();
            let mut roles: BTreeMap<&str, u64> = BTreeMap::new();
            let mut documents: BTreeSet<&str> = BTreeSet::new();
            for &k in &ids {
                let (doc, m) = &mentions[k];
                *forms.entry(m.name.as_str()).or_default() += 1;
                if let Some(r) = &m.role {
                    *roles.entry(r.as_str()).or_default() += 1;
                }
                documents.insert(doc);
            }
            // The fullest form: most words, then without a glued و, then most frequent, then
            // first in code-point order.
            let name = forms
                .iter()
                .max_by(|a, b| {
                    let wa = a.0.split_whitespace().count();
                    let wb = b.0.split_whitespace().count();
                    let plain = |f: &str| !f.starts_with('و');
                    wa.cmp(&wb).then(plain(a.0).cmp(&plain(b.0))).then(a.1.cmp(b.1)).then(b.0.cmp(a.0))
                })
                .map_or(String::new(), |(n, _)| n.to_string());
            let variants = forms.keys().filter(|f| **f != name).map(|f| f.to_string()).collect();
            let mut roles: Vec<(&str, u64)> = roles.into_iter().collect();
            roles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            Person {
                name,
                variants,
                mentions: ids.len() as u64,
                roles: roles.into_iter().map(|(r, _)| r.to_string()).collect(),
                documents: documents.into_iter().map(str::to_string).collect(),
            }
        })
        .collect();
    people.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    people
}

/// People being merged: the skeleton words of the fullest name, the mentions (indexes), and
/// the mentions per document (by number).
struct Group {
    full: Vec<String>,
    ids: Vec<usize>,
    per_document: HashMap<u32, usize, FixedState>,
}

/// Can a name (skeleton words) belong to the person whose fullest name is `full`? Either it
/// begins the full name (قاسم، قاسم جومارت), or its last word is the person's surname and its
/// other words appear in the full name (توكاييف، قاسم توكاييف).
fn same_person(full: &[String], name: &[String]) -> bool {
    let (Some(last), Some(full_last)) = (name.last(), full.last()) else { return false };
    if name.len() < full.len() && full.starts_with(name) {
        return true;
    }
    if last != full_last {
        return false;
    }
    name[..name.len() - 1].iter().all(|w| full.contains(w))
}

/// Mentions per document, counted by name, for the report's per-document lists.
pub fn count_by_name(mentions: &[PersonMention]) -> Vec<(String, u64)> {
    let mut counts: HashMap<&str, u64, FixedState> = HashMap::default();
    for m in mentions {
        *counts.entry(m.name.as_str()).or_default() += 1;
    }
    let mut out: Vec<(String, u64)> = counts.into_iter().map(|(n, c)| (n.to_string(), c)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop() -> HashSet<String> {
        ["في", "من", "على", "ان", "الي", "عن", "مع", "قال", "هذا"].iter().map(|s| s.to_string()).collect()
    }

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        find_people(text, &[], Lexicon::builtin(), &stop()).into_iter().map(|m| (m.name, m.role)).collect()
    }

    #[test]
    fn titles_and_roles_introduce_names() {
        let found = names("قال الرئيس قاسم جومارت توكاييف إن الانتخابات نزيهة.");
        assert_eq!(found, [("قاسم جومارت توكاييف".to_string(), Some("الرئيس".to_string()))]);
        let found = names("وأكد وزير الداخلية ماراتبيك بيكتانوف أن الأمن مستتب");
        assert_eq!(found[0].0, "ماراتبيك بيكتانوف");
        assert_eq!(found[0].1.as_deref(), Some("وزير الداخلية"));
        // a famous surname is a frequent word, yet continues the name
        let found = names("التقى الرئيس محمد بوتين أمس");
        assert_eq!(found[0].0, "محمد بوتين");
    }

    #[test]
    fn places_and_parties_that_look_like_names_are_not_people() {
        let found = names("وصل إلى العاصمة نور سلطان حيث التقى بأنصار حزب نور أوطان");
        assert!(found.iter().all(|(n, _)| !n.contains("سلطان") && !n.contains("أوطان")), "{found:?}");
    }

    #[test]
    fn skeletons_meet_across_transliterations() {
        assert_eq!(skeleton("توقاييف"), skeleton("توكاييف"));
        assert_eq!(skeleton("توكاييف"), skeleton("توكايف"));
        assert_ne!(skeleton("توكاييف"), skeleton("نزارباييف"));
    }

    #[test]
    fn mentions_merge_into_people() {
        let m = |doc: &str, name: &str, role: Option<&str>| {
            (
                doc.to_string(),
                PersonMention { start: 0, end: 0, name: name.to_string(), role: role.map(str::to_string) },
            )
        };
        let mentions = vec![
            m("a", "قاسم جومارت توكاييف", Some("الرئيس")),
            m("a", "توكاييف", None),
            m("b", "قاسم توقاييف", Some("الرئيس")),
            m("b", "توكايف", None),
            m("b", "نور سلطان نزارباييف", None),
            m("b", "نزارباييف", None),
        ];
        let people = merge_people(&mentions);
        assert_eq!(people.len(), 2, "{people:?}");
        assert_eq!(people[0].name, "قاسم جومارت توكاييف");
        assert_eq!(people[0].mentions, 4);
        assert_eq!(people[0].variants, ["توكايف", "توكاييف", "قاسم توقاييف"]);
        assert_eq!(people[0].roles, ["الرئيس"]);
        assert_eq!(people[0].documents, ["a", "b"]);
        assert_eq!(people[1].name, "نور سلطان نزارباييف");
    }

    #[test]
    fn a_lone_surname_goes_to_the_person_most_mentioned_in_its_document() {
        let m = |doc: &str, name: &str| {
            (doc.to_string(), PersonMention { start: 0, end: 0, name: name.to_string(), role: None })
        };
        let mentions = vec![
            m("a", "عيسى حياتو"),
            m("a", "عيسى حياتو"),
            m("a", "كيميل حياتو"),
            m("a", "حياتو"),
            m("a", "حياتو"),
            m("b", "حياتو"),
        ];
        let people = merge_people(&mentions);
        assert_eq!(people.len(), 2, "{people:?}");
        assert_eq!(people[0].name, "عيسى حياتو");
        // Document b names nobody in full: the surname goes to the person four times as
        // often mentioned.
        assert_eq!(people[0].mentions, 5, "{people:?}");
        assert_eq!(people[0].documents, ["a", "b"]);
        assert_eq!(people[1].mentions, 1);
    }

    #[test]
    fn a_preposition_glued_to_a_name_is_left_out_of_it() {
        let text = "الجائزة للحبيب بن محرز ورواية لبشير قربوج ثم فيليب دومان";
        let span = |name: &str| {
            let start = text.find(name).expect("in the text");
            start..start + name.len()
        };
        let tagged = [span("للحبيب بن محرز"), span("لبشير قربوج"), span("فيليب دومان")];
        let found: Vec<String> =
            find_people(text, &tagged, Lexicon::builtin(), &stop()).into_iter().map(|m| m.name).collect();
        assert_eq!(found, ["الحبيب بن محرز", "بشير قربوج", "فيليب دومان"]);
    }

    #[test]
    fn names_found_once_are_found_again() {
        let text = "التقى الرئيس فلاديمير بوتين نظيره. وقال بوتين إن فلاديمير بوتين يرحب.";
        let start = text.find("فلاديمير").expect("in the text");
        let tagged = start..start + "فلاديمير بوتين".len();
        let found: Vec<String> = find_people(text, std::slice::from_ref(&tagged), Lexicon::builtin(), &stop())
            .into_iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(found, ["فلاديمير بوتين", "بوتين", "فلاديمير بوتين"]);
    }
}
