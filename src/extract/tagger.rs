//! Named entities: a statistical tagger for Arabic newswire (people, places, organizations and
//! other names), trained on ANERcorp and AQMAR (see NOTICE and `tools/train_ner.sh`).
//!
//! The model is an averaged perceptron over IOB2 tags (`B-PERS`, `I-PERS`, … `O`), decoded
//! exactly (second-order Viterbi: `I-X` may only follow `B-X` or `I-X`). Each token is scored
//! from features of the token and its neighbours (see [`features`](self#features)), of the
//! two tags before it, and of what the document's earlier sentences tagged the same stem.
//!
//! # Features
//! Every word is read once into a [`WordInfo`]: its folded form, its lemma stem (clitics off,
//! [`split_clitics`]), the clitic prefix and enclitic, its shape (Arabic, Latin, digits,
//! punctuation), how frequent the word and its stem are in the built-in lexicon — rare and
//! unknown words are often transliterated names —, whether the stem inflects (feminine, plural,
//! with the article: common nouns do, names seldom), and its word classes ([`WordClusters`],
//! induced from unlabeled news by the exchange algorithm). From it come the features of the
//! token (form, stem, clitics, prefixes and suffixes of one to four letters — which catch the
//! endings of transliterated names: ييف، وف، سكي، فيتش —, letter trigrams, frequency bucket,
//! length, classes), the features of the words one and two places away (form, stem, clitics,
//! shape, frequency, classes, and the suffixes of the next words), the kind of trigger word
//! of the token and of each neighbour ([`TRIGGERS`], a short hand-written list of titles,
//! offices, occupations, verbs of saying, particles of Arabic names and the head nouns of names
//! of places and organizations, pronouns; with the clitics) or whether it is a word of
//! personal names of any origin ([`NAME_WORDS`], a dictionary of transliterated and Arabic
//! names: evidence weighed by training, since the list holds common words too), stem bigrams
//! with each neighbour, the tag history (previous tag, previous two tags, previous tag with the stem or
//! the word class), and the document memory (how the last sentences tagged this stem).
//!
//! Training averages the weights of several perceptron runs, each shuffled differently
//! ([`TrainOptions::runs`]). The news corpus is read twice, the second time with the words of
//! people's names swapped for one another ([`training_set`]), so that names are learnt from
//! their context and shape more than from the names the corpus happens to hold.
//!
//! Features are hashed to 64 bits. A word's features at each window offset add up to one
//! score vector per offset, and its features with the previous tag to one table, which depend
//! on the word alone, so tagging caches them per word form (per thread). Per token, only the
//! stem bigrams are looked up in the model, and the memory's counts of the stems (the scores
//! of each count are computed when the model is read). The second-order Viterbi works on
//! vectors: the scores of the tags that may follow each tag.
//!
//! # Model file
//! `data/ner/model.bin`, embedded in the library (in the order of the weights table, see
//! `image.rs`): the magic `NASSNER1`, the document memory's
//! window in sentences (u32), the number of rows (u32), then one row per feature, sorted by hash: the hash (u64), a 9-bit mask of the tags
//! that have a weight (u16), and those weights (i16 each, in tag order). All little-endian.
//! Weights are the averaged perceptron weights, pruned and quantized to a common unit; the
//! tagger adds them as integers (the unit does not change which tag scores highest). After the
//! rows come the word classes: their number (u32), then
//! per word its length (u8), its UTF-8 bytes and its coarse and fine classes (u16 each).

use crate::arabic::{is_digit, is_letter};
use crate::lexicon::Lexicon;
use crate::prefetch::{prefetch, prefetch_all};
use crate::token::{holds_blank_line, split_clitics, tokenize, Split, Token, TokenKind};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

mod image;

/// The model trained by `tools/train_ner.sh` (`data/ner/model.bin`), laid out by `build.rs` in
/// the order of the weights table (see [`image`]).
static BUILTIN_IMAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ner.image"));
const _: () = assert!(image::TAGS == NTAGS, "the image's rows are the model's");

const MAGIC: &[u8; 8] = b"NASSNER1";

// ---------------------------------------------------------------------------------------------
// Tags

/// The four entity types of ANERcorp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Pers,
    Loc,
    Org,
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [EntityType::Pers, EntityType::Loc, EntityType::Org, EntityType::Misc];

    pub fn name(self) -> &'static str {
        match self {
            EntityType::Pers => "PERS",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The type a corpus label stands for: ANERcorp's PERS LOC ORG MISC, AQMAR's PER and
    /// MIS0–MIS3 (and its misspellings: `MISS1`, ``MIS1` ``, `MIS-1`). `None` for anything else.
    pub fn from_label(label: &str) -> Option<EntityType> {
        let label = label.trim_matches(|c: char| !c.is_ascii_alphanumeric()).to_ascii_uppercase();
        match label.as_str() {
            "PERS" | "PER" | "PERSON" => Some(EntityType::Pers),
            "LOC" | "LOCATION" | "GPE" => Some(EntityType::Loc),
            "ORG" | "ORGANIZATION" => Some(EntityType::Org),
            l if l.starts_with("MIS") => Some(EntityType::Misc),
            _ => None,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An IOB2 tag: outside, beginning or inside of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    O,
    B(EntityType),
    I(EntityType),
}

/// Number of tags (O and B/I for each of the four types).
const NTAGS: usize = 9;

impl Tag {
    /// Every tag, in the order of model weights.
    pub const ALL: [Tag; NTAGS] = [
        Tag::O,
        Tag::B(EntityType::Pers),
        Tag::I(EntityType::Pers),
        Tag::B(EntityType::Loc),
        Tag::I(EntityType::Loc),
        Tag::B(EntityType::Org),
        Tag::I(EntityType::Org),
        Tag::B(EntityType::Misc),
        Tag::I(EntityType::Misc),
    ];

    fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(t) => 1 + 2 * t.index(),
            Tag::I(t) => 2 + 2 * t.index(),
        }
    }

    fn from_index(i: usize) -> Tag {
        Tag::ALL[i]
    }

    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            Tag::O => None,
            Tag::B(t) | Tag::I(t) => Some(t),
        }
    }

    /// Reads a corpus label leniently: `B-PER`, `I-MIS2`, `B-MIS-1`, `I--ORG` are read as
    /// their ANERcorp types; anything that is not B-/I- of a known type (`O`, `IO`, `OO`,
    /// `B-ENGLISH`) is `O`.
    pub fn from_label(label: &str) -> Tag {
        let label = label.trim();
        let (bio, rest) = match label.split_once('-') {
            Some((bio, rest)) => (bio, rest),
            None => return Tag::O,
        };
        match (bio.to_ascii_uppercase().as_str(), EntityType::from_label(rest)) {
            ("B", Some(t)) => Tag::B(t),
            ("I", Some(t)) => Tag::I(t),
            _ => Tag::O,
        }
    }

    /// May this tag follow `prev` in IOB2? (`I-X` only after `B-X` or `I-X`.)
    fn may_follow(self, prev: Tag) -> bool {
        match self {
            Tag::I(t) => prev.entity_type() == Some(t),
            _ => true,
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(t) => write!(f, "B-{t}"),
            Tag::I(t) => write!(f, "I-{t}"),
        }
    }
}

impl FromStr for Tag {
    type Err = String;
    /// Strict: exactly `O`, `B-PERS`, `I-LOC`, … (use [`Tag::from_label`] for corpus labels).
    fn from_str(s: &str) -> Result<Tag, String> {
        Tag::ALL.into_iter().find(|t| t.to_string() == s).ok_or_else(|| format!("unknown tag '{s}'"))
    }
}

/// The training label of a token known not to be part of a person's name but whose type is
/// not annotated (O, or part of a place, organization or other name): articles annotated for
/// their people only ([`super::annotated`]). Training takes, as the gold tags of such a
/// sentence, the tagger's best tags that agree with what is known.
pub const NOT_PERSON: &str = "NOT-PERS";

/// Index of [`NOT_PERSON`] among a training sentence's tags (after the real tags).
const NOT_PERSON_INDEX: u8 = NTAGS as u8;

/// Reads a CoNLL-style file: `token TAG` per line (whitespace-separated; the token is the first
/// field, the tag the last), a blank line between sentences. Tags are normalized with
/// [`Tag::from_label`], and an `I-X` that does not continue an `X` is made `B-X` (IOB1 slips,
/// read the way conlleval reads them). A line with one field is a token tagged `O`.
pub fn read_conll(text: &str) -> Vec<Vec<(String, String)>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sentences = Vec::new();
    let mut current: Vec<(String, String)> = Vec::new();
    let mut prev = Tag::O;
    for line in text.lines() {
        let mut fields = line.split_whitespace();
        let Some(token) = fields.next() else {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            prev = Tag::O;
            continue;
        };
        let label = fields.last();
        if label == Some(NOT_PERSON) {
            prev = Tag::O;
            current.push((token.to_string(), NOT_PERSON.to_string()));
            continue;
        }
        let mut tag = label.map_or(Tag::O, Tag::from_label);
        if let Tag::I(t) = tag {
            if !tag.may_follow(prev) {
                tag = Tag::B(t);
            }
        }
        prev = tag;
        current.push((token.to_string(), tag.to_string()));
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    sentences
}

/// An entity: its type and its token range (`start..end`, end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entity {
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
}

/// The entities that a tag sequence marks, as conlleval reads them: an entity starts at `B-X`,
/// or at an `I-X` that does not continue an `X`, and runs over the `I-X` that follow.
pub fn entities(tags: &[Tag]) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut open: Option<Entity> = None;
    for (i, &tag) in tags.iter().enumerate() {
        // Most tokens: outside, after no entity.
        if tag == Tag::O && open.is_none() {
            continue;
        }
        let continues = matches!((tag, open), (Tag::I(t), Some(e)) if e.kind == t);
        if continues {
            if let Some(e) = open.as_mut() {
                e.end = i + 1;
            }
            continue;
        }
        out.extend(open.take());
        open = tag.entity_type().map(|kind| Entity { kind, start: i, end: i + 1 });
    }
    out.extend(open);
    out
}

// ---------------------------------------------------------------------------------------------
// Scores

/// Entity counts of one type: exact span and type matches (CoNLL-style).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TypeCounts {
    /// Predicted entities that match a gold one exactly.
    pub true_pos: u64,
    /// Predicted entities that match no gold one.
    pub false_pos: u64,
    /// Gold entities that no prediction matches.
    pub false_neg: u64,
}

impl TypeCounts {
    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: &TypeCounts) {
        self.true_pos += other.true_pos;
        self.false_pos += other.false_pos;
        self.false_neg += other.false_neg;
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Entity-level scores per type (exact span match), plus token accuracy; merges by addition.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NerScore {
    pub by_type: [TypeCounts; 4],
    pub tokens: u64,
    pub tokens_correct: u64,
}

impl NerScore {
    /// Scores one sentence.
    pub fn add_sentence(&mut self, gold: &[Tag], predicted: &[Tag]) {
        let gold_entities = entities(gold);
        let predicted_entities = entities(predicted);
        for e in &predicted_entities {
            let c = &mut self.by_type[e.kind.index()];
            if gold_entities.contains(e) {
                c.true_pos += 1;
            } else {
                c.false_pos += 1;
            }
        }
        for e in gold_entities.iter().filter(|e| !predicted_entities.contains(e)) {
            self.by_type[e.kind.index()].false_neg += 1;
        }
        self.tokens += gold.len() as u64;
        self.tokens_correct += gold.iter().zip(predicted).filter(|(g, p)| g == p).count() as u64;
    }

    pub fn get(&self, kind: EntityType) -> TypeCounts {
        self.by_type[kind.index()]
    }

    /// All types together (the micro average).
    pub fn micro(&self) -> TypeCounts {
        let mut all = TypeCounts::default();
        for c in &self.by_type {
            all.add(c);
        }
        all
    }

    pub fn accuracy(&self) -> f64 {
        ratio(self.tokens_correct, self.tokens)
    }

    pub fn merge(&mut self, other: &NerScore) {
        for (a, b) in self.by_type.iter_mut().zip(&other.by_type) {
            a.add(b);
        }
        self.tokens += other.tokens;
        self.tokens_correct += other.tokens_correct;
    }

    /// A table: one line per type and one for all, `type P R F1 tp fp fn` (percentages).
    pub fn table(&self) -> String {
        let mut out = String::from("type\tprecision\trecall\tf1\ttp\tfp\tfn\n");
        let rows = EntityType::ALL.iter().map(|t| (t.name(), self.get(*t))).chain([("ALL", self.micro())]);
        for (name, c) in rows {
            out.push_str(&format!(
                "{name}\t{:.2}\t{:.2}\t{:.2}\t{}\t{}\t{}\n",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.true_pos,
                c.false_pos,
                c.false_neg
            ));
        }
        out
    }
}

/// Tags the gold sentences with `tagger`, in order and as one document (each sentence informed
/// by those before, see [`Tagger::tag_document`]), and scores the result.
pub fn evaluate(tagger: &Tagger, gold: &[Vec<(String, String)>]) -> NerScore {
    let tokens: Vec<Vec<&str>> = gold.iter().map(|s| s.iter().map(|(w, _)| w.as_str()).collect()).collect();
    let predicted = tagger.tag_document(&tokens);
    let mut score = NerScore::default();
    for (sentence, predicted) in gold.iter().zip(&predicted) {
        let gold_tags: Vec<Tag> = sentence.iter().map(|(_, t)| Tag::from_label(t)).collect();
        score.add_sentence(&gold_tags, predicted);
    }
    score
}

// ---------------------------------------------------------------------------------------------
// Features

/// What the features of a word are made of, computed once per word form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordInfo {
    /// Folded form (no diacritics, one alef, ي for ى, ه for ة, ASCII digits, lower case).
    pub form: String,
    /// Folded stem without proclitics and pronoun enclitic (the whole form if none).
    pub stem: String,
    /// Folded proclitics (`وال`, `ب`, …), empty if none.
    pub prefix: String,
    /// Folded enclitic (`ه`, `ها`, …), empty if none.
    pub enclitic: String,
    pub shape: Shape,
    /// Lexicon frequency of the word as written, in whole Zipf units (0: not listed).
    pub zipf_word: u8,
    /// Lexicon frequency of the stem, in whole Zipf units (0: not listed).
    pub zipf_stem: u8,
    /// Word classes (coarse, fine) from [`WordClusters`], `u16::MAX` if none.
    pub clusters: [u16; 2],
    /// Lexicon frequency (whole Zipf units) of the stem with the article, in the feminine
    /// (or masculine, for a stem in ة) and in the plural: common nouns and adjectives inflect,
    /// names seldom do.
    pub inflections: [u8; 4],
}

/// The kind of characters a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    Arabic,
    Latin,
    /// Latin, first letter upper case.
    LatinTitle,
    Digits,
    /// Digits with separators (`1,820`, `81.3`).
    Number,
    Punct,
    Mixed,
}

impl WordInfo {
    pub fn new(token: &str) -> WordInfo {
        WordInfo::with_attested(token, &|_| false)
    }

    /// Like [`WordInfo::new`], with `attested` telling the clitic splitter which stems the
    /// lexicon lacks are words all the same (see [`split_clitics`]).
    pub fn with_attested(token: &str, attested: &dyn Fn(&str) -> bool) -> WordInfo {
        let reading = Reading::new(token, attested);
        let stem = reading.split.map(|_| StemInfo::new(reading.stem()));
        let mut info = WordInfo::default();
        reading.fill(stem.as_ref(), &mut info);
        info
    }
}

/// A word with nothing in it yet, to [`Reading::fill`].
impl Default for WordInfo {
    fn default() -> WordInfo {
        WordInfo {
            form: String::new(),
            stem: String::new(),
            prefix: String::new(),
            enclitic: String::new(),
            shape: Shape::Mixed,
            zipf_word: 0,
            zipf_stem: 0,
            clusters: [NO_CLUSTER; 2],
            inflections: [0; 4],
        }
    }
}

/// A token read up to its stem: without marks and tatweels, its shape, and for an Arabic
/// word its clitics. The steps of [`WordInfo::with_attested`], which the tagger takes one by
/// one to look the stem up in its cache before reading what the lexicon says of it.
struct Reading<'a> {
    surface: Cow<'a, str>,
    shape: Shape,
    /// The clitics of an Arabic word (`None` for any other).
    split: Option<Split>,
}

impl<'a> Reading<'a> {
    fn new(token: &'a str, attested: &dyn Fn(&str) -> bool) -> Reading<'a> {
        // The token itself if it is all marks.
        let surface = match crate::token::surface(token) {
            s if s.is_empty() => Cow::Borrowed(token),
            s => s,
        };
        let shape = shape(&surface);
        let split = (shape == Shape::Arabic).then(|| split_clitics(&surface, Lexicon::builtin(), attested));
        Reading { surface, shape, split }
    }

    /// The stem as written: without its clitics, the whole word if it is not Arabic.
    fn stem(&self) -> &str {
        self.split.map_or(&self.surface, |split| split.stem(&self.surface))
    }

    /// The word's [`WordInfo`] into `info` (in the memory of its strings), without classes;
    /// `stem`: the facts of [`Reading::stem`] for an Arabic word, `None` for any other.
    fn fill(&self, stem: Option<&StemInfo>, info: &mut WordInfo) {
        let surface = &*self.surface;
        replace(&mut info.form, surface);
        info.shape = self.shape;
        info.clusters = [NO_CLUSTER; 2];
        match (self.split, stem) {
            (Some(split), Some(stem)) => {
                info.stem.clone_from(&stem.stem);
                replace(&mut info.prefix, &surface[..split.prefix]);
                replace(&mut info.enclitic, &surface[surface.len() - split.suffix..]);
                // Without clitics the stem is the word.
                info.zipf_word = if split.prefix + split.suffix == 0 {
                    stem.zipf_stem
                } else {
                    zipf_bucket(Lexicon::builtin().zipf10(surface))
                };
                info.zipf_stem = stem.zipf_stem;
                info.inflections = stem.inflections;
            }
            // Not Arabic: its own stem, no clitics.
            _ => {
                info.stem.clone_from(&info.form);
                info.prefix.clear();
                info.enclitic.clear();
                info.zipf_word = 0;
                info.zipf_stem = 0;
                info.inflections = [0; 4];
            }
        }
    }
}

/// `s` [`fold`]ed into `out` (its memory kept).
fn replace(out: &mut String, s: &str) {
    out.clear();
    // Nothing to fold in an empty clitic.
    if !s.is_empty() {
        out.push_str(&crate::token::fold_key(s));
    }
}

/// What a word's stem as written says, the same for all its forms: the folded stem and the
/// lexicon's [`stem_facts`].
#[derive(Clone, Debug)]
struct StemInfo {
    stem: String,
    zipf_stem: u8,
    inflections: [u8; 4],
}

impl StemInfo {
    fn new(stem: &str) -> StemInfo {
        let (zipf_stem, inflections) = stem_facts(stem, Lexicon::builtin());
        StemInfo { stem: fold(stem), zipf_stem, inflections }
    }
}

/// What the lexicon says of a stem: its frequency (whole Zipf units) and its inflections (see
/// [`WordInfo::inflections`]). The same for all the forms of a stem (with و, ال, ب…); the
/// tagger remembers it per stem.
fn stem_facts(stem: &str, lexicon: &Lexicon) -> (u8, [u8; 4]) {
    // The stem with a prefix or a suffix, in one buffer (no string per lookup).
    let mut buffer = String::with_capacity(stem.len() + 8);
    let mut z = |before: &str, word: &str, after: &str| {
        buffer.clear();
        buffer.push_str(before);
        buffer.push_str(word);
        buffer.push_str(after);
        zipf_bucket(lexicon.zipf10(&buffer))
    };
    let definite = if stem.starts_with("ال") { 9 } else { z("ال", stem, "") };
    let feminine = match stem.strip_suffix('ة') {
        Some(base) => z("", base, ""),
        None => z("", stem, "ة"),
    };
    let plural = z("", stem, "ات").max(z("", stem, "ون"));
    let singular = ["يون", "يين", "ون", "ين", "ان", "ات"]
        .iter()
        .find_map(|suffix| {
            let base = stem.strip_suffix(suffix).filter(|b| b.chars().nth(1).is_some())?;
            Some(z("", base, "").max(z("", base, "ي")).max(z("", base, "ة")) + 1)
        })
        .unwrap_or(0);
    (z("", stem, ""), [definite, feminine, plural, singular])
}

/// Folded and lower-cased, as terms are keyed.
fn fold(s: &str) -> String {
    crate::token::fold_key(s).into_owned()
}

fn zipf_bucket(zipf10: u8) -> u8 {
    if zipf10 == 0 {
        0
    } else {
        (zipf10 + 5) / 10
    }
}

fn shape(s: &str) -> Shape {
    let (mut arabic, mut latin, mut digit, mut other) = (0, 0, 0, 0);
    for c in s.chars() {
        if is_letter(c) {
            arabic += 1;
        } else if c.is_alphabetic() {
            latin += 1;
        } else if is_digit(c) {
            digit += 1;
        } else {
            other += 1;
        }
    }
    match (arabic > 0, latin > 0, digit > 0, other > 0) {
        (true, false, false, false) => Shape::Arabic,
        (false, true, false, false) if s.starts_with(char::is_uppercase) => Shape::LatinTitle,
        (false, true, false, false) => Shape::Latin,
        (false, false, true, false) => Shape::Digits,
        (false, false, true, true) => Shape::Number,
        (false, false, false, true) => Shape::Punct,
        _ => Shape::Mixed,
    }
}

/// A 64-bit feature hash, stable across platforms and versions (the model stores it).
#[derive(Clone, Copy)]
struct Hasher(u64);

const K1: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher {
    fn new(template: u32) -> Hasher {
        Hasher((template as u64 + 1).wrapping_mul(K1))
    }

    #[inline]
    fn u64(self, x: u64) -> Hasher {
        Hasher((self.0.rotate_left(23) ^ x).wrapping_mul(K1))
    }

    fn str(self, s: &str) -> Hasher {
        self.bytes(s.as_bytes())
    }

    fn bytes(self, s: &[u8]) -> Hasher {
        let mut h = self;
        let mut chunks = s.chunks_exact(8);
        for chunk in &mut chunks {
            h = h.u64(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        h.u64(tail(chunks.remainder())).u64(s.len() as u64)
    }

    /// Murmur3's finalizer; never 0 (the empty slot of the lookup table).
    fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        h.max(1)
    }
}

/// The last bytes of a string (fewer than 8) as a little-endian u64, zero-padded: read with
/// at most two overlapping loads instead of a copy of variable length (the same bits, since
/// the overlapping bytes are the same).
#[inline(always)]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    let le32 = |at: usize| rest.get(at..at + 4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64);
    match n {
        0 => 0,
        1..=3 => rest[0] as u64 | (rest[n / 2] as u64) << (8 * (n / 2)) | (rest[n - 1] as u64) << (8 * (n - 1)),
        _ => le32(0) | le32(n - 4) << (8 * (n - 4)),
    }
}

/// Feature templates. A template of one word is numbered per window offset.
#[derive(Clone, Copy)]
#[repr(u32)]
enum T {
    Bias,
    Form,
    Stem,
    Prefix,
    Enclitic,
    Shape,
    ZipfWord,
    ZipfStem,
    StemPrefix,
    StemSuffix,
    WordSuffix,
    Length,
    Clitics,
    Boundary,
    // Two words and tag history.
    StemLeft,
    StemRight,
    Prev,
    Prev2,
    PrevStem,
    WordPrefix,
    NeighborAffix,
    Crude,
    Memory,
    Cluster,
    Inflection,
    CharGram,
    PrevClass,
    Trigger,
}

/// Window offsets, from -3 to +3.
const OFFSETS: usize = 7;
/// The window offset of the token itself.
const CENTER: usize = 3;
/// Words have features up to this far from the token (the sentence boundary up to `CENTER`).
const SPAN: usize = 2;
/// Number of window offsets at which a word has features.
const NEAR: usize = 2 * SPAN + 1;

#[inline]
fn h(template: T, offset: usize) -> Hasher {
    Hasher::new(template as u32 * 8 + offset as u32)
}

/// A string's first and last letters, for its prefixes and suffixes of one to four letters.
struct Letters<'a> {
    s: &'a str,
    /// Number of letters.
    count: usize,
    /// Where the first four letters end.
    ends: [usize; 4],
    /// Where the last four letters start (the last first).
    starts: [usize; 4],
}

impl<'a> Letters<'a> {
    fn new(s: &'a str) -> Letters<'a> {
        // Read bytewise, not decoded: a letter is a byte that does not continue a UTF-8
        // sequence (0b10xx_xxxx) and those that continue it, as many as its first byte says.
        let bytes = s.as_bytes();
        let continues = |b: u8| b & 0xC0 == 0x80;
        let count = bytes.iter().fold(0, |n, &b| n + !continues(b) as usize);
        let (mut ends, mut end) = ([0; 4], 0);
        for e in ends.iter_mut().take(count) {
            end += (bytes[end].leading_ones() as usize).max(1);
            *e = end;
        }
        let (mut starts, mut start) = ([0; 4], bytes.len());
        for st in starts.iter_mut().take(count) {
            start -= 1;
            while continues(bytes[start]) {
                start -= 1;
            }
            *st = start;
        }
        Letters { s, count, ends, starts }
    }

    /// The first `n` letters (1 to 4), if there are that many.
    fn prefix(&self, n: usize) -> Option<&'a str> {
        (n <= self.count).then(|| &self.s[..self.ends[n - 1]])
    }

    /// The last `n` letters (1 to 4), if there are that many.
    fn suffix(&self, n: usize) -> Option<&'a str> {
        (n <= self.count).then(|| &self.s[self.starts[n - 1]..])
    }
}

/// Which features of a word (see [`WordView::features`]).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Parts(u8);

impl Parts {
    /// Those of the stem alone: for an Arabic word, they depend on its stem as written and on
    /// nothing else, so all the forms of a stem share them.
    const STEM: Parts = Parts(1);
    /// The others: those of the form (with its clitics).
    const FORM: Parts = Parts(2);
    const ALL: Parts = Parts(3);

    fn has(self, part: Parts) -> bool {
        self.0 & part.0 != 0
    }
}

/// A word's [`WordInfo`] with what each of its features reads, found once for all offsets.
struct WordView<'a> {
    info: &'a WordInfo,
    /// Its [`trigger`] kind.
    kind: u64,
    /// The features it can give.
    parts: Parts,
    /// The stem's letters (none if `parts` lacks [`Parts::STEM`]).
    stem: Letters<'a>,
    form: Letters<'a>,
}

impl<'a> WordView<'a> {
    fn new(info: &'a WordInfo) -> WordView<'a> {
        WordView::with_kind(info, trigger(info), Parts::ALL)
    }

    /// The view of a word whose trigger kind is known, for its features of `parts` (the
    /// stem's letters are read only for those of the stem).
    fn with_kind(info: &'a WordInfo, kind: u64, parts: Parts) -> WordView<'a> {
        let stem = Letters::new(if parts.has(Parts::STEM) { &info.stem } else { "" });
        WordView { info, kind, parts, stem, form: Letters::new(&info.form) }
    }

    /// The features of the word seen at window `offset` (0..7, the token itself at 3), those of
    /// `parts`, to `out`; all of them in the order training adds them up.
    fn features(&self, offset: usize, parts: Parts, out: &mut impl FnMut(u64)) {
        if offset.abs_diff(CENTER) > SPAN {
            return;
        }
        debug_assert!(parts.0 & !self.parts.0 == 0, "a view gives the features it was made for");
        let (stem, form) = (parts.has(Parts::STEM), parts.has(Parts::FORM));
        let info = self.info;
        let at = |t: T| h(t, offset);
        if form {
            out(at(T::Form).str(&info.form).finish());
        }
        if stem {
            out(at(T::Stem).str(&info.stem).finish());
        }
        if self.kind != 0 {
            if stem {
                out(at(T::Trigger).u64(self.kind).finish());
            }
            if form {
                out(at(T::Trigger).u64(self.kind).str(&info.prefix).finish());
            }
        }
        if stem {
            for (level, &c) in info.clusters.iter().enumerate() {
                if c != NO_CLUSTER || offset == CENTER {
                    out(at(T::Cluster).u64(level as u64).u64(c as u64).finish());
                }
            }
        }
        if offset.abs_diff(CENTER) <= 2 {
            if form {
                out(at(T::Prefix).str(&info.prefix).finish());
            }
            // The shape of an Arabic word is its stem's.
            if stem {
                out(at(T::Shape).u64(info.shape as u64).finish());
            }
            if form {
                out(at(T::ZipfWord).u64(info.zipf_word as u64).finish());
            }
        }
        if offset != CENTER {
            if stem && offset.abs_diff(CENTER) == 1 && info.shape == Shape::Arabic {
                for n in 1..=3 {
                    if let Some(s) = self.stem.suffix(n) {
                        out(at(T::NeighborAffix).str(s).finish());
                    }
                }
                if let Some(p) = self.stem.prefix(2) {
                    out(at(T::NeighborAffix).str(p).str("<").finish());
                }
            }
            return;
        }
        if stem {
            out(at(T::Bias).finish());
            if info.shape == Shape::Arabic {
                let [d, f, p, sg] = info.inflections.map(u64::from);
                out(at(T::Inflection).u64(d).u64(f).u64(p).finish());
                for (k, x) in [d, f, p, sg].into_iter().enumerate() {
                    out(at(T::Inflection).u64(k as u64).u64(x).finish());
                }
            }
        }
        if form {
            out(at(T::Enclitic).str(&info.enclitic).finish());
            out(at(T::Clitics).str(&info.prefix).str(&info.enclitic).finish());
        }
        if stem {
            out(at(T::ZipfStem).u64(info.zipf_stem as u64).u64(info.shape as u64).finish());
            out(at(T::Length).u64(self.stem.count.min(12) as u64).finish());
        }
        if info.shape != Shape::Arabic {
            return;
        }
        if stem {
            for n in 1..=3 {
                if let Some(p) = self.stem.prefix(n) {
                    out(at(T::StemPrefix).str(p).finish());
                }
            }
            for n in 1..=4 {
                if let Some(s) = self.stem.suffix(n) {
                    out(at(T::StemSuffix).str(s).finish());
                }
            }
        }
        if form {
            for n in 1..=4 {
                if let Some(s) = self.form.suffix(n) {
                    out(at(T::WordSuffix).str(s).finish());
                }
                if let Some(p) = self.form.prefix(n) {
                    out(at(T::WordPrefix).str(p).finish());
                }
            }
        }
        if stem {
            char_grams(&info.stem, &mut |gram| out(at(T::CharGram).bytes(gram).finish()));
        }
        if form && info.prefix.is_empty() {
            for p in ["وال", "بال", "لل", "ال", "و", "ب", "ل"] {
                if let Some(rest) = info.form.strip_prefix(p) {
                    if rest.chars().count() >= 3 {
                        out(at(T::Crude).str(rest).finish());
                        // The last three letters of the rest are those of the form.
                        if let Some(s) = self.form.suffix(3) {
                            out(at(T::Crude).str(s).str(">").finish());
                        }
                        break;
                    }
                }
            }
        }
    }
}

/// The letter trigrams of a stem between boundary marks (`<ab`, `abc`, …, `yz>`), as bytes.
fn char_grams(stem: &str, out: &mut impl FnMut(&[u8])) {
    // The marked stem in a buffer on the stack (on the heap if long).
    let mut buffer = [0u8; 64];
    let mut heap = Vec::new();
    let marked: &mut [u8] = if stem.len() + 2 <= buffer.len() {
        &mut buffer[..stem.len() + 2]
    } else {
        heap.resize(stem.len() + 2, 0);
        &mut heap
    };
    marked[0] = b'<';
    marked[1..=stem.len()].copy_from_slice(stem.as_bytes());
    marked[stem.len() + 1] = b'>';
    // Where the letters of the marked stem start, then its end.
    let mut starts =
        std::iter::once(0).chain(stem.char_indices().map(|(i, _)| i + 1)).chain([stem.len() + 1, stem.len() + 2]);
    let mut window = [starts.next(), starts.next(), starts.next()];
    for end in starts {
        if let [Some(start), ..] = window {
            out(&marked[start..end]);
        }
        window = [window[1], window[2], Some(end)];
    }
}

/// The features of a word seen at window `offset` (0..7, the token itself at 3).
fn word_features(info: &WordInfo, offset: usize, out: &mut Vec<u64>) {
    WordView::new(info).features(offset, Parts::ALL, &mut |f| out.push(f));
}

/// Generic words that announce or accompany a name, by kind (see [`trigger`]): titles of
/// address, offices, occupations, verbs of saying, the particles of Arabic names, and the
/// nouns that head names of places and of organizations, pronouns. Hand-written, no names.
const TRIGGERS: [&str; 8] = [
    // Titles of address and of rank.
    "السيد السيده الشيخ الشيخه الدكتور الدكتوره د الاستاذ الاستاذه المهندس
     الحاج الامير الاميره الملك الملكه الامام الاب البابا القس السلطان
     العاهل الجنرال اللواء العميد العقيد الفريق المشير النقيب الرائد المقدم
     السناتور الحاخام المطران الكاردينال البطريرك المرشد مستر مسيو
     الدوق البارون اللورد السير فخامه سمو معالي سعاده جلاله الرفيق",
    // Offices.
    "الرئيس رئيس الرئيسه رئيسه نائب النائب وزير الوزير وزيره الوزيره الامين
     امين المتحدث متحدث الناطق ناطق المدير مدير مديره السفير سفير المبعوث
     مبعوث المندوب مندوب الزعيم زعيم القائد قائد المستشار مستشار المستشاره
     الحاكم حاكم المحافظ محافظ العمده عمده القاضي قاضي المدعي النواب
     الوزراء الرؤساء عضو العضو المرشح مرشح المرشحه مساعد المساعد ولي نظيره
     نظيرها خليفه سلفه مؤسس قائده زعيمه رئيسها",
    // Occupations and roles.
    "المدرب مدرب اللاعب لاعب النجم نجم الكاتب كاتب الكاتبه الروائي الشاعر
     شاعر الفنان فنان الفنانه المطرب المطربه المغني المغنيه الممثل الممثله
     المخرج مخرج الصحفي صحفي الصحافي المراسل مراسل المحامي محامي البروفيسور
     الباحث باحث الخبير خبير المحلل الناشط ناشط المعارض الملاكم البطل بطل
     المهاجم الحارس حارس الاعلامي المؤرخ الفيلسوف العالم المفكر الداعيه
     الطبيب طبيب الكابتن المنتج الموسيقار الرسام المصور",
    // Verbs of saying and meeting.
    "قال قالت يقول تقول اكد اكدت يؤكد اضاف اضافت اعلن اعلنت صرح صرحت اوضح
     اوضحت اشار اشارت ذكر ذكرت افاد افادت اعتبر اعتبرت راي يري دعا دعت طالب
     التقي استقبل استقبلت اجتمع بحث ابلغ نفي نفت اعرب اعربت شدد شددت لفت
     تابع اكتفي حذر حذرت وصف اتهم انتقد",
    // Particles of Arabic names.
    "بن ابن بنت ابو ابي ابا ام عبد ال ولد ابنه زوجه زوجته شقيق نجل",
    // Nouns that head names of places.
    "مدينه المدينه بلده البلده قريه القريه عاصمه العاصمه مطار شارع جزيره
     نهر جبل اقليم ولايه محافظه منطقه ميناء ساحه حي مخيم دوله جمهوريه مملكه
     اماره بحر خليج قاعده سجن مستشفي فندق ملعب",
    // Nouns that head names of organizations.
    "جامعه شركه وكاله حزب منظمه جمعيه صحيفه مجلس وزاره بنك مصرف مؤسسه نادي
     فريق حركه جبهه هيئه اتحاد مجموعه لجنه محكمه معهد مركز قناه مجله اذاعه
     تلفزيون منتخب جيش كتائب تنظيم رابطه نقابه برلمان صندوق",
    // Pronouns and words that stand for a person already named.
    "هو هي انه انها الذي التي نفسه نفسها وهو وهي",
];

/// The kind of trigger word a stem is (1 + its index in [`TRIGGERS`]), else the kind of a
/// word of [`NAME_WORDS`] (one more), 0 if none.
fn trigger(info: &WordInfo) -> u64 {
    let table = trigger_kinds();
    if info.shape != Shape::Arabic {
        return 0;
    }
    let key = info.stem.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(&info.stem);
    if let Some(&kind) = table.get(key) {
        return kind;
    }
    if is_name_word(key) || is_name_word(&info.stem) {
        return TRIGGERS.len() as u64 + 1;
    }
    0
}

/// Each word of [`TRIGGERS`], folded and without the article, with its kind (1 + its row).
fn trigger_kinds() -> &'static foldhash::HashMap<String, u64> {
    static TABLE: OnceLock<foldhash::HashMap<String, u64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = foldhash::HashMap::default();
        for (k, words) in TRIGGERS.iter().enumerate() {
            for w in words.split_whitespace() {
                let w = fold(w);
                let w = w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).map_or(w.clone(), str::to_string);
                table.entry(w).or_insert(k as u64 + 1);
            }
        }
        table
    })
}

/// The row of [`TRIGGERS`] that lists the verbs of saying and meeting.
const SAYING_VERBS: usize = 3;

/// Whether a folded word, without clitics, is a verb of saying or meeting (قال، أفاد،
/// استقبل): its subject or object is often a person.
pub(crate) fn is_saying_verb(bare: &str) -> bool {
    trigger_kinds().get(bare) == Some(&(SAYING_VERBS as u64 + 1))
}

/// The row of [`TRIGGERS`] that lists the particles of Arabic names.
const NAME_PARTICLES: usize = 4;

/// Whether a word is a particle of Arabic names (`بن`, `عبد`, `أبو`).
pub(crate) fn is_name_particle(info: &WordInfo) -> bool {
    trigger(info) == NAME_PARTICLES as u64 + 1
}

/// Words of personal names of every origin as the press spells them (`data/names/name-words.txt`,
/// from arabnamer's dictionary; see NOTICE), folded, without a leading article.
static NAME_WORDS: &str = include_str!("../../data/names/name-words.txt");

/// Whether a folded stem is a word of [`NAME_WORDS`]: evidence the tagger weighs, not a rule.
pub(crate) fn is_name_word(stem: &str) -> bool {
    static SET: OnceLock<foldhash::HashSet<&'static str>> = OnceLock::new();
    // One word per line and `#` comments: the format of a stopword list.
    SET.get_or_init(|| crate::stats::stopwords::parse(NAME_WORDS).into_iter().collect()).contains(stem)
}

/// The features of the sentence boundary seen at window `offset` (before the first or after
/// the last token).
fn boundary_feature(offset: usize) -> u64 {
    h(T::Boundary, offset).finish()
}

/// Stem hash that the features of two words are built from.
fn stem_key(info: &WordInfo) -> u64 {
    Hasher::new(0).str(&info.stem).finish()
}

const NO_WORD: u64 = 0;

/// What the features of two words are made of: the stem key and the fine word class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordKeys {
    stem: u64,
    class: u16,
}

const NO_KEYS: WordKeys = WordKeys { stem: NO_WORD, class: NO_CLUSTER - 1 };

impl WordKeys {
    fn new(info: &WordInfo) -> WordKeys {
        WordKeys { stem: stem_key(info), class: info.clusters[1] }
    }
}

/// Features of the token with its neighbours and from the document memory (no tags).
fn observation_features(words: [WordKeys; 3], memory: &Memory, out: &mut Vec<u64>) {
    let stems = words.map(|w| w.stem);
    let [left, this, right] = stems;
    out.push(h(T::StemLeft, 0).u64(left).u64(this).finish());
    out.push(h(T::StemRight, 0).u64(this).u64(right).finish());
    if memory.window > 0 {
        for (offset, stem) in stems.into_iter().enumerate() {
            memory.features(stem, offset, out);
        }
    }
}

fn prev_feature(p1: usize) -> u64 {
    h(T::Prev, 0).u64(p1 as u64).finish()
}

fn prev2_feature(p1: usize, p2: usize) -> u64 {
    h(T::Prev2, 0).u64(p1 as u64).u64(p2 as u64).finish()
}

fn prev_stem_feature(p1: usize, stem: u64) -> u64 {
    h(T::PrevStem, 0).u64(p1 as u64).u64(stem).finish()
}

fn prev_class_feature(p1: usize, class: u16) -> u64 {
    h(T::PrevClass, 0).u64(p1 as u64).u64(class as u64).finish()
}

/// Features of the previous tag with the token: its stem and its word class.
fn prev_word_features(p1: usize, keys: WordKeys) -> impl Iterator<Item = u64> {
    [prev_stem_feature(p1, keys.stem), prev_class_feature(p1, keys.class)].into_iter()
}

/// The document memory feature of a stem seen `count` times (1 to 3, 3 for more) as type `kind`
/// (0: outside any entity) at window `offset`.
fn memory_feature(offset: usize, kind: usize, count: usize) -> u64 {
    h(T::Memory, offset).u64(kind as u64).u64(count as u64).finish()
}

/// The (type, count) of the memory features of a stem with these counts: the types it was
/// tagged, and "outside" only if it was never tagged as a name.
fn memory_keys(counts: &[u16; 5]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let named: u16 = counts[1..].iter().sum();
    counts
        .iter()
        .enumerate()
        .filter(move |&(k, &c)| c > 0 && (k > 0 || named == 0))
        .map(|(k, &c)| (k, c.min(3) as usize))
}

type Row = [f32; NTAGS];

/// Is the tag of this index an inside tag (`I-X`)?
const fn is_inside(t: usize) -> bool {
    t > 0 && t.is_multiple_of(2)
}

/// `ALLOWED[p1][t]`: may tag `t` follow tag `p1` (indices)? `I-X` only after `B-X` or `I-X`,
/// which are the two indices before and at `t` (see [`Tag::index`]).
const ALLOWED: [[bool; NTAGS]; NTAGS] = {
    let mut allowed = [[true; NTAGS]; NTAGS];
    let mut p1 = 0;
    while p1 < NTAGS {
        let mut t = 0;
        while t < NTAGS {
            allowed[p1][t] = !is_inside(t) || p1 + 1 == t || p1 == t;
            t += 1;
        }
        p1 += 1;
    }
    allowed
};

/// The Viterbi works on the scores of the tags that may follow a tag `p1` (at most 6 of 9),
/// one vector per `p1`, in lanes where a tag's lane does not depend on `p1`: `B-PERS`,
/// `B-LOC`, `B-ORG`, `B-MISC`, `O`, then the `I-X` that may follow `p1`, and two unused lanes.
const LANES: usize = 8;
type Lanes = [f32; LANES];

/// The lane of tag `t` in the vector of any tag it may follow.
const fn lane(t: usize) -> usize {
    if t == 0 {
        4
    } else if is_inside(t) {
        5
    } else {
        (t - 1) / 2
    }
}

/// The tag in lane `l` of the vector of `p1`, if any.
const fn lane_tag(p1: usize, l: usize) -> Option<usize> {
    match l {
        0..=3 => Some(1 + 2 * l),
        4 => Some(0),
        5 if is_inside(p1) => Some(p1),
        5 if p1 > 0 => Some(p1 + 1),
        _ => None,
    }
}

/// `row` (scores by tag) as the lanes of `p1`, `pad` in lanes without a tag.
fn to_lanes(row: &Row, p1: usize, pad: f32) -> Lanes {
    std::array::from_fn(|l| lane_tag(p1, l).map_or(pad, |t| row[t]))
}

/// The emission scores of a position as the Viterbi reads them: the `B-X` and `O` in the
/// lanes every tag's vector has them in (lanes 0 to 4; 0 in the others), and the `I-X` apart,
/// one of which goes to lane 5 (see [`emit_lanes`]). Laid out once per position, not once per
/// `p1` from the scores by tag.
#[derive(Clone, Copy, Debug, Default)]
struct EmitLanes {
    base: Lanes,
    /// `I-PERS`, `I-LOC`, `I-ORG`, `I-MISC`.
    inside: [f32; 4],
}

impl EmitLanes {
    #[inline(always)]
    fn new(e: &Row) -> EmitLanes {
        EmitLanes { base: [e[1], e[3], e[5], e[7], e[0], 0.0, 0.0, 0.0], inside: [e[2], e[4], e[6], e[8]] }
    }

    /// The score of tag `t`.
    fn tag(&self, t: usize) -> f32 {
        if is_inside(t) {
            self.inside[t / 2 - 1]
        } else {
            self.base[lane(t)]
        }
    }
}

/// Emission scores in the lanes of a tag `P1` may be followed by: the `B-X` and `O` (lanes 0
/// to 4, the same for every `P1`), and in lane 5 the `I-X` that may follow `P1` (none after
/// `O`: 0, where the history has -inf). [`to_lanes`] for one `P1`.
#[inline(always)]
fn emit_lanes<const P1: usize>(e: &EmitLanes) -> Lanes {
    let mut lanes = e.base;
    if P1 > 0 {
        // B-X and I-X (indices 2x + 1 and 2x + 2) are followed by I-X.
        lanes[5] = e.inside[(P1 - 1) / 2];
    }
    lanes
}

/// Scores of the previous tag with the word, `[p1]` in the lanes of `p1`.
type PrevLanes = [Lanes; NTAGS];

fn prev_lanes(rows: &[Row; NTAGS]) -> PrevLanes {
    std::array::from_fn(|p1| to_lanes(&rows[p1], p1, 0.0))
}

/// Scores of the tag history: `prev[p1][t]`, `prev2[p2][p1][t]`, and the same in lanes.
#[derive(Debug)]
struct HistoryScores {
    prev: [Row; NTAGS],
    prev2: [[Row; NTAGS]; NTAGS],
    /// `prev` in lanes, -inf in the lanes without a tag: adding it leaves -inf in those.
    prev_lanes: [Lanes; NTAGS],
    /// `prev2[p2][p1]` in the lanes of `p1`.
    prev2_lanes: [[Lanes; NTAGS]; NTAGS],
}

impl HistoryScores {
    fn new(prev: [Row; NTAGS], prev2: [[Row; NTAGS]; NTAGS]) -> HistoryScores {
        HistoryScores {
            prev_lanes: std::array::from_fn(|p1| to_lanes(&prev[p1], p1, NONE)),
            prev2_lanes: prev2.map(|rows| std::array::from_fn(|p1| to_lanes(&rows[p1], p1, 0.0))),
            prev,
            prev2,
        }
    }
}

const NONE: f32 = f32::NEG_INFINITY;

// Lane by lane arithmetic, written so that it compiles to vector instructions.

/// `s + row[l]` in each lane.
#[inline(always)]
fn splat_add(s: f32, row: &Lanes) -> Lanes {
    std::array::from_fn(|l| s + row[l])
}

#[inline(always)]
fn add(a: Lanes, b: &Lanes) -> Lanes {
    std::array::from_fn(|l| a[l] + b[l])
}

/// `b` where it is greater than `a`, else `a` (the Viterbi's "if x > best { best = x }").
#[inline(always)]
fn max(a: Lanes, b: Lanes) -> Lanes {
    std::array::from_fn(|l| if b[l] > a[l] { b[l] } else { a[l] })
}

/// The best tag sequence (second-order Viterbi) for emission scores `emit[i]` (by tag `t`: `emit[i].tag(t)`), history
/// scores, and the scores of the previous tag with the word, `prev_word[i][p1]` (in lanes);
/// `I-X` only after `B-X` or `I-X`. The sentence starts after two `O`.
///
/// Scores are added in f32 in a fixed order (that of the recurrence below, p2 ascending); keep
/// it, since sums of large scores round and another order could change the best path.
fn viterbi<'a>(
    emit: &[EmitLanes],
    prev_word: impl Fn(usize) -> &'a PrevLanes,
    history: &HistoryScores,
    scores: &mut Vec<Step>,
) -> Vec<Tag> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: the processor has AVX (checked just above).
        return unsafe { viterbi_avx(emit, prev_word, history, scores) };
    }
    viterbi_lanes(emit, prev_word, history, scores)
}

/// [`viterbi_lanes`] compiled for AVX: a vector of 8 lanes is one register, half the
/// instructions of the baseline x86-64 (SSE2), with the same results (the same additions and
/// comparisons, lane by lane).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
fn viterbi_avx<'a>(
    emit: &[EmitLanes],
    prev_word: impl Fn(usize) -> &'a PrevLanes,
    history: &HistoryScores,
    scores: &mut Vec<Step>,
) -> Vec<Tag> {
    viterbi_lanes(emit, prev_word, history, scores)
}

// The tables are indexed by tag pairs and triples; index loops read like the recurrence.
#[allow(clippy::needless_range_loop)]
#[inline(always)]
fn viterbi_lanes<'a>(
    emit: &[EmitLanes],
    prev_word: impl Fn(usize) -> &'a PrevLanes,
    history: &HistoryScores,
    scores: &mut Vec<Step>,
) -> Vec<Tag> {
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    // scores[i].score[p1][lane(t)]: best score of a sequence ending with tags p1, t at
    // position i (-inf if none). The buffer only grows: its rows are all written before they
    // are read.
    if scores.len() < n {
        scores.resize(n, Step { score: [[NONE; LANES]; NTAGS], best: [[NONE; LANES]; NTAGS] });
    }
    let word = prev_word(0);
    scores[0].score = [[NONE; LANES]; NTAGS];
    for t in 0..NTAGS {
        if ALLOWED[0][t] {
            scores[0].score[0][lane(t)] =
                emit[0].tag(t) + history.prev[0][t] + history.prev2[0][0][t] + word[0][lane(t)];
        }
    }
    for i in 1..n {
        let (word, e) = (prev_word(i), &emit[i]);
        let (done, rest) = scores.split_at_mut(i);
        let (score, next) = (&done[i - 1].score, &mut rest[0]);
        // One call per p1, each compiled for its own p1 (constant lanes and p2 ranges).
        macro_rules! columns {
            ($($p1:literal)*) => {
                $((next.best[$p1], next.score[$p1]) =
                    column::<$p1>(score, history, &emit_lanes::<$p1>(e), &word[$p1]);)*
            };
        }
        const _: () = assert!(NTAGS == 9, "one column per tag");
        columns!(0 1 2 3 4 5 6 7 8);
    }
    let (mut p1, mut t) = last_pair(&scores[n - 1].score);
    let mut tags = vec![Tag::O; n];
    tags[n - 1] = Tag::from_index(t);
    if n > 1 {
        tags[n - 2] = Tag::from_index(p1);
    }
    // Back pointers are found again on the best path only: the first p2 that gave the best
    // score[p2][p1] + prev2[p2][p1][t] at i - 1 (of the tags p1 may follow; after the others
    // the score is -inf), which is the first whose sum equals the best the forward pass kept
    // (the same f32 additions): most often the first tried, O. None beats -inf: O, as the
    // recurrence's "if s > best" from -inf leaves it. (p1, t): the tags at i - 1 and i.
    for i in (2..n).rev() {
        let (column, l1) = (&scores[i - 1].score, lane(p1));
        let best = scores[i].best[p1][lane(t)];
        let mut p2s = if is_inside(p1) { p1 - 1..p1 + 1 } else { 0..NTAGS };
        let p2 = if best > NONE {
            p2s.find(|&p2| column[p2][l1] + history.prev2[p2][p1][t] == best).unwrap_or(0)
        } else {
            0
        };
        tags[i - 2] = Tag::from_index(p2);
        (p1, t) = (p2, p1);
    }
    tags
}

/// The best tag pair `(p1, t)` at the last position: the first, in tag order, of those with
/// the greatest score (as "if s > best" over p1, then t, from -inf keeps it), `(0, 0)` if every
/// score is -inf. Lanes without a tag are -inf, so the greatest score is that of the lanes;
/// then only the first row that holds it is searched, tag by tag.
#[inline(always)]
fn last_pair(score: &[Lanes; NTAGS]) -> (usize, usize) {
    let row_max = |row: &Lanes| row.iter().fold(NONE, |m, &x| if x > m { x } else { m });
    let best = score.iter().fold(NONE, |m, row| {
        let x = row_max(row);
        if x > m {
            x
        } else {
            m
        }
    });
    if best == NONE {
        return (0, 0);
    }
    for (p1, row) in score.iter().enumerate() {
        if row_max(row) == best {
            if let Some(t) = (0..NTAGS).find(|&t| ALLOWED[p1][t] && row[lane(t)] == best) {
                return (p1, t);
            }
        }
    }
    (0, 0)
}

/// The Viterbi's scores at one position: `score[p1][lane(t)]`, of the tag pairs `(p1, t)`,
/// and `best[p1][lane(t)]`, the best over p2 that it adds the scores of the position to (see
/// [`column`]), from which the back pointers are found again.
#[derive(Clone, Debug)]
struct Step {
    score: [Lanes; NTAGS],
    best: [Lanes; NTAGS],
}

/// The scores at a position of the tag pairs `(P1, t)`, in the lanes of `P1`, from the scores
/// `score[p2][p1]` at the position before: the best over p2, in order (the first is the best
/// so far: it beats -inf, or is -inf), of `score[p2][P1] + prev2[p2][P1][t]`, plus the
/// emission, the history and the word's scores with `P1`, added in that order; returned with
/// that best. Only the tags `P1` may follow are tried: after any other, `score[p2][P1]` is
/// -inf. -inf stays -inf: lanes without a tag, and pairs that no sequence reaches.
#[inline(always)]
fn column<const P1: usize>(
    score: &[Lanes; NTAGS],
    history: &HistoryScores,
    emit: &Lanes,
    word: &Lanes,
) -> (Lanes, Lanes) {
    let step = |p2: usize| splat_add(score[p2][lane(P1)], &history.prev2_lanes[p2][P1]);
    let best = if is_inside(P1) {
        max(step(P1 - 1), step(P1))
    } else {
        let mut best = step(0);
        for p2 in 1..NTAGS {
            best = max(best, step(p2));
        }
        best
    };
    (best, add(add(add(best, emit), &history.prev_lanes[P1]), word))
}

/// What the sentences tagged before say about a word: how often its stem was tagged as each
/// type (or outside any entity) in the last `window` sentences of the document — a name
/// recognized once is recognized again ("one sense per discourse").
#[derive(Clone, Debug, Default)]
struct Memory {
    window: usize,
    /// The stems seen in the document, numbered in order (one lookup per token: the counts
    /// and the remembered sentences are by number).
    ids: StemIds,
    /// Per stem number, how often it was tagged as each type (0: outside) in `recent`.
    counts: Vec<[u16; 5]>,
    /// The remembered sentences, as (stem number, type) pairs one after another (one buffer
    /// for all, not one per sentence), and the number of pairs of each sentence.
    recent: std::collections::VecDeque<(u32, u8)>,
    lengths: std::collections::VecDeque<usize>,
}

impl Memory {
    fn new(window: usize) -> Memory {
        // Room for the stems of a typical article, not to grow the tables word by word.
        let room = if window > 0 { 256 } else { 0 };
        Memory { window, ids: StemIds::with_capacity(room), counts: Vec::with_capacity(room), ..Memory::default() }
    }

    /// Forgets everything, for a new document remembering `window` sentences (the buffers
    /// are kept).
    fn reset(&mut self, window: usize) {
        self.window = window;
        self.clear();
    }

    fn clear(&mut self) {
        self.ids.clear();
        self.counts.clear();
        self.recent.clear();
        self.lengths.clear();
    }

    /// The number of a stem.
    #[inline]
    fn id(&mut self, stem: u64) -> u32 {
        let next = self.counts.len() as u32;
        let id = self.ids.get_or_insert(stem, next);
        if id == next {
            self.counts.push([0; 5]);
        }
        id
    }

    fn features(&self, stem: u64, offset: usize, out: &mut Vec<u64>) {
        if stem == NO_WORD {
            return;
        }
        let Some(id) = self.ids.get(stem) else { return };
        out.extend(memory_keys(&self.counts[id as usize]).map(|(k, c)| memory_feature(offset, k, c)));
    }

    /// Remembers a tagged sentence (stems and tags), forgetting the oldest beyond the window.
    fn push(&mut self, stems: impl Iterator<Item = u64>, tags: &[Tag]) {
        if self.window == 0 {
            return;
        }
        let ids: Vec<u32> = stems.map(|s| self.id(s)).collect();
        self.push_ids(&ids, tags);
    }

    /// [`Memory::push`] with the stems' numbers.
    fn push_ids(&mut self, ids: &[u32], tags: &[Tag]) {
        if self.window == 0 {
            return;
        }
        for (&id, tag) in ids.iter().zip(tags) {
            let kind = tag.entity_type().map_or(0, |e| e.index() as u8 + 1);
            self.counts[id as usize][kind as usize] += 1;
            self.recent.push_back((id, kind));
        }
        self.lengths.push_back(ids.len().min(tags.len()));
        while self.lengths.len() > self.window {
            let old = self.lengths.pop_front().unwrap_or_default();
            for (id, kind) in self.recent.drain(..old.min(self.recent.len())) {
                self.counts[id as usize][kind as usize] -= 1;
            }
        }
    }
}

/// The numbers of a document's stems by stem key (see [`Memory::id`]): open addressing, linear
/// probing, at most half full, a power of two of slots. The keys are hashes already, so their
/// low bits are the slot: one probe or two per token, without hashing again.
#[derive(Clone, Debug, Default)]
struct StemIds {
    /// (key, number) pairs; key 0 is an empty slot.
    slots: Vec<(u64, u32)>,
    len: usize,
    /// The number of key 0, which has no slot (no stem has it: hashes are never 0).
    zero: Option<u32>,
}

impl StemIds {
    fn with_capacity(n: usize) -> StemIds {
        let slots = if n == 0 { Vec::new() } else { vec![(0, 0); (2 * n).next_power_of_two()] };
        StemIds { slots, len: 0, zero: None }
    }

    fn clear(&mut self) {
        self.slots.fill((0, 0));
        self.len = 0;
        self.zero = None;
    }

    /// The slot of `key`: its own, or the empty one where it would go.
    fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut s = key as usize & mask;
        while self.slots[s].0 != 0 && self.slots[s].0 != key {
            s = (s + 1) & mask;
        }
        s
    }

    fn get(&self, key: u64) -> Option<u32> {
        if key == 0 {
            return self.zero;
        }
        if self.slots.is_empty() {
            return None;
        }
        let (k, id) = self.slots[self.slot(key)];
        (k == key).then_some(id)
    }

    /// The number of `key`, given `next` if it has none yet.
    fn get_or_insert(&mut self, key: u64, next: u32) -> u32 {
        if key == 0 {
            return *self.zero.get_or_insert(next);
        }
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let s = self.slot(key);
        if self.slots[s].0 == 0 {
            self.slots[s] = (key, next);
            self.len += 1;
        }
        self.slots[s].1
    }

    /// Doubles the slots (16 at least).
    fn grow(&mut self) {
        let size = (2 * self.slots.len()).max(16);
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
        for (key, id) in old.into_iter().filter(|&(key, _)| key != 0) {
            let s = self.slot(key);
            self.slots[s] = (key, id);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The model

/// One slot of the weights table: a feature hash (0 for an empty slot) and its weights, side by
/// side so that a lookup reads one cache line (the table is several MB: every lookup misses).
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(32))]
struct Slot {
    hash: u64,
    row: [i16; NTAGS],
}

/// An open-addressing table (linear probing, at most half full) from feature hash to a row
/// of weights.
#[derive(Clone, Debug)]
struct Weights {
    /// Capacity a power of two.
    slots: Vec<Slot>,
    len: usize,
    /// A Bloom filter of the hashes (two bits in one word per hash, 8 bits per hash, a power of
    /// two of words): most features looked up per token (word pairs) have no weight, and the
    /// filter, small enough for the L2 cache, says so without reading the table.
    filter: Vec<u64>,
}

impl Weights {
    /// The table of these rows (the first row of a hash counts; hash 0, which no feature has,
    /// is left out).
    fn new(rows: Vec<(u64, [i16; NTAGS])>) -> Weights {
        let mut weights = Weights::with_capacity(rows.len());
        for (hash, row) in rows {
            weights.insert(hash, row);
        }
        weights
    }

    /// An empty table sized for `rows` rows (the slots and the filter: it does not grow).
    fn with_capacity(rows: usize) -> Weights {
        Weights {
            slots: vec![Slot::default(); image::slots(rows)],
            len: 0,
            filter: vec![0u64; (rows / 8).next_power_of_two()],
        }
    }

    /// Puts a row in slot `s`, where the image of the model says it goes (see [`image`]): an
    /// empty slot.
    fn place(&mut self, s: usize, hash: u64, row: [i16; NTAGS]) -> Option<()> {
        match self.slots.get_mut(s) {
            Some(slot) if slot.hash == 0 && hash != 0 => *slot = Slot { hash, row },
            _ => return None,
        }
        self.add_to_filter(hash);
        self.len += 1;
        Some(())
    }

    fn add_to_filter(&mut self, hash: u64) {
        let (word, bits) = Weights::filter_bits(hash, self.filter.len());
        self.filter[word] |= bits;
    }

    /// Adds a row, unless its hash has one already (or is 0, which no feature has). At most
    /// half the rows [`Weights::with_capacity`] was sized for.
    fn insert(&mut self, hash: u64, row: [i16; NTAGS]) {
        if hash == 0 {
            return;
        }
        self.add_to_filter(hash);
        let mask = self.slots.len() - 1;
        let mut s = (hash as usize) & mask;
        while self.slots[s].hash != 0 && self.slots[s].hash != hash {
            s = (s + 1) & mask;
        }
        if self.slots[s].hash == 0 {
            self.slots[s] = Slot { hash, row };
            self.len += 1;
        }
    }

    /// The word of the filter and its two bits for a hash (a filter of `words` words). The
    /// bits come from other bits of the hash than the slot (the low bits) and the word (the
    /// high bits).
    #[inline]
    fn filter_bits(hash: u64, words: usize) -> (usize, u64) {
        let word = (hash >> 32) as usize & (words - 1);
        (word, 1 << ((hash >> 20) & 63) | 1 << ((hash >> 26) & 63))
    }

    /// The rows, sorted by hash (the order of the model file).
    fn rows(&self) -> Vec<(u64, [i16; NTAGS])> {
        let mut rows: Vec<_> = self.slots.iter().filter(|s| s.hash != 0).map(|s| (s.hash, s.row)).collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    #[inline]
    fn get(&self, hash: u64) -> Option<&[i16; NTAGS]> {
        let (word, bits) = Weights::filter_bits(hash, self.filter.len());
        if self.filter[word] & bits != bits {
            return None;
        }
        self.probe(hash)
    }

    /// The row of a hash, looked up in the table without the filter (for a hash the filter
    /// lets through).
    #[inline]
    fn probe(&self, hash: u64) -> Option<&[i16; NTAGS]> {
        let mask = self.slots.len() - 1;
        let mut s = (hash as usize) & mask;
        loop {
            let slot = &self.slots[s];
            if slot.hash == hash {
                return Some(&slot.row);
            }
            if slot.hash == 0 {
                return None;
            }
            s = (s + 1) & mask;
        }
    }

    /// Requests the filter word of a hash from memory (see [`prefetch`]).
    #[inline]
    fn prefetch_filter(&self, hash: u64) {
        prefetch(&self.filter[Weights::filter_bits(hash, self.filter.len()).0]);
    }

    /// Requests the slot of a hash from memory, if the filter lets the hash through (then
    /// true).
    #[inline]
    fn prefetch_slot(&self, hash: u64) -> bool {
        let (word, bits) = Weights::filter_bits(hash, self.filter.len());
        let pass = self.filter[word] & bits == bits;
        if pass {
            prefetch(&self.slots[(hash as usize) & (self.slots.len() - 1)]);
        }
        pass
    }

    #[inline]
    fn add_to(&self, hash: u64, scores: &mut [i32; NTAGS]) {
        if let Some(row) = self.get(hash) {
            add_row(scores, row);
        }
    }
}

/// `scores += part`, as [`add_row`] (eight, then the ninth).
#[inline(always)]
fn add_scores(scores: &mut [i32; NTAGS], part: &[i32; NTAGS]) {
    let (head, last) = scores.split_at_mut(8);
    for (s, w) in head.iter_mut().zip(&part[..8]) {
        *s += *w;
    }
    last[0] += part[8];
}

/// `scores += row`: the first eight as one vector of eight, then the ninth (the compiler does
/// not vectorize a loop of nine).
#[inline(always)]
fn add_row(scores: &mut [i32; NTAGS], row: &[i16; NTAGS]) {
    let (head, last) = scores.split_at_mut(8);
    for (s, w) in head.iter_mut().zip(&row[..8]) {
        *s += *w as i32;
    }
    last[0] += row[8] as i32;
}

/// A named-entity tagger (see the [module documentation](self)).
#[derive(Debug)]
pub struct Tagger {
    weights: Weights,
    /// Score vectors of the sentence boundary at each window offset.
    boundary: [[i32; NTAGS]; OFFSETS],
    /// Sentences remembered when tagging a document (see [`Tagger::tag_document`]).
    memory: usize,
    lexicons: Lexicons,
    history: HistoryScores,
    /// Scores of the document memory features, `[offset][type][count]` (see [`memory_feature`]).
    memory_scores: [[[[i32; NTAGS]; 4]; 5]; 3],
    /// Scores of the previous tag with the word class (`[p1][t]`), per class: the scores of the
    /// previous tag with the word for the many words whose stem has no such feature.
    class_prev: Vec<PrevLanes>,
    /// Class → its index in `class_prev`.
    class_index: foldhash::HashMap<u16, u32>,
    /// Distinguishes taggers in the per-thread word cache.
    id: u64,
}

/// How a tagger is trained.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the sentence shuffling (training is deterministic for a given seed).
    pub seed: u64,
    /// Averaged weights smaller than this (in perceptron updates) are dropped.
    pub prune: f32,
    /// Sentences remembered by the document memory (0: none).
    pub memory: usize,
    /// Word classes from unlabeled text (see [`WordClusters::induce`]), stored in the model.
    pub clusters: Option<std::sync::Arc<WordClusters>>,
    /// Training runs, each with its own shuffling, whose averaged weights are averaged.
    pub runs: usize,
    /// The second count of the main corpus has people's names swapped ([`training_set`]).
    pub swap_names: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 0x6e61_7373,
            prune: 0.05,
            memory: 50,
            clusters: None,
            runs: 1,
            swap_names: true,
        }
    }
}

/// Sentences as (token, tag) pairs, as [`read_conll`] returns them.
pub type Sentence = Vec<(String, String)>;

fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Per-word part of the scores: one vector per window offset where the word has features, the
/// keys of the two-word features, and where its previous-tag scores are; and the word form
/// they are of, which the cache finds them by.
// The form and hash first: a lookup reads them, then the rest of the lines.
#[repr(C)]
struct WordScores {
    hash: u64,
    form: Form,
    keys: WordKeys,
    prev: PrevScores,
    /// Offsets `CENTER - SPAN ..= CENTER + SPAN` (the word has no features further out).
    by_offset: [[i32; NTAGS]; NEAR],
}

/// What an Arabic stem (as written) gives all its forms (see [`Tagger::new_word`]).
struct StemScores {
    info: StemInfo,
    clusters: [u16; 2],
    /// Its [`trigger`] kind.
    kind: u64,
    /// The scores of its features of [`Parts::STEM`].
    by_offset: [[i32; NTAGS]; NEAR],
    keys: WordKeys,
    prev: PrevScores,
}

type StemCache = foldhash::HashMap<Box<str>, StemScores>;

/// Longest word form (in bytes) stored inline in the cache.
const SHORT: usize = 23;

/// A word form as the cache stores it: up to `SHORT` bytes inline, zero-padded, with the length
/// in the last byte (compared as one array, without following a pointer), longer ones boxed.
#[derive(PartialEq, Eq)]
enum Form {
    Short([u8; SHORT + 1]),
    Long(Box<str>),
}

impl Form {
    fn short(token: &str) -> Option<[u8; SHORT + 1]> {
        let bytes = token.as_bytes();
        (bytes.len() <= SHORT).then(|| {
            let mut form = [0; SHORT + 1];
            form[..bytes.len()].copy_from_slice(bytes);
            form[SHORT] = bytes.len() as u8;
            form
        })
    }

    /// Is this `token`, whose short form is `short`?
    fn is(&self, token: &str, short: &Option<[u8; SHORT + 1]>) -> bool {
        match (self, short) {
            (Form::Short(form), Some(short)) => form == short,
            (Form::Long(form), None) => **form == *token,
            _ => false,
        }
    }
}

/// Where a word's previous-tag × word scores (`[p1][t]`) are.
#[derive(Clone, Copy)]
enum PrevScores {
    /// Those of its word class, `Tagger::class_prev[k]` (its stem has no such feature).
    Class(u32),
    /// Its own, `WordCache::own_prev[k]`.
    Own(u32),
}

/// Memory that reading a new word needs, kept from word to word (see [`Tagger::new_word`]).
#[derive(Default)]
struct Scratch {
    info: WordInfo,
    /// The hashes of its features at one offset.
    features: Vec<u64>,
}

/// Words cached per thread before the cache is emptied.
const CACHE_LIMIT: usize = 200_000;

/// Bits of a word cache slot for the word's index (the cache is emptied between sentences
/// once it has `CACHE_LIMIT` words).
const INDEX_BITS: u32 = 18;
const _: () = assert!(CACHE_LIMIT + MAX_SENTENCE < 1 << INDEX_BITS);

/// The slot of word `k` of this hash.
fn word_slot(hash: u64, k: usize) -> u32 {
    ((hash >> (64 - (32 - INDEX_BITS))) as u32) << INDEX_BITS | (k as u32 + 1)
}

/// The scores of the words a thread has tagged, by word form, for one tagger.
#[derive(Default)]
struct WordCache {
    /// The tagger (`Tagger::id`) the scores are of.
    owner: u64,
    /// The words by the hash of their form (open addressing, linear probing, at most half
    /// full, a power of two): 1 + index in `words` in the low `INDEX_BITS`, the top bits of the
    /// hash above (so that a probe seldom reads the scores of another word), 0 for an empty
    /// slot. A lookup goes from the slot to the word's scores, which hold its form.
    slots: Vec<u32>,
    hasher: foldhash::fast::RandomState,
    words: Vec<WordScores>,
    own_prev: Vec<PrevLanes>,
    /// The stems of the Arabic words in `words`.
    stem_scores: StemCache,
    /// Memory to read a new word into (see [`Tagger::new_word`]).
    scratch: Scratch,
    /// The document memory, between documents (see [`Tagger::with_document`]).
    memory: Memory,
    /// Buffers of `Tagger::tag_sentence`, kept between sentences.
    hashes: Vec<u64>,
    ids: Vec<usize>,
    pairs: Vec<[u64; 2]>,
    stems: Vec<u32>,
    sums: Vec<[i32; NTAGS]>,
    emit: Vec<EmitLanes>,
    lattice: Vec<Step>,
}

impl WordCache {
    /// The indexes in `words` of a sentence's tokens, into `ids`. The table and the scores are
    /// far larger than the processor's caches, so each lookup would wait for memory twice (the
    /// slot, then the word); the memory of all the tokens is requested first, so that those
    /// waits overlap, then the tokens are looked up one by one ([`WordCache::word`]).
    // Not inlined: the optimizer compiles the callers worse with it.
    #[inline(never)]
    fn sentence(&mut self, tagger: &Tagger, tokens: &[&str], ids: &mut Vec<usize>) {
        if self.slots.is_empty() {
            self.slots = vec![0; 1024];
        }
        let mut hashes = std::mem::take(&mut self.hashes);
        hashes.clear();
        // The bytes alone, without the terminator `Hash for str` adds: the table is this
        // thread's, and foldhash mixes the length in already.
        hashes.extend(tokens.iter().map(|t| {
            let mut hasher = std::hash::BuildHasher::build_hasher(&self.hasher);
            std::hash::Hasher::write(&mut hasher, t.as_bytes());
            std::hash::Hasher::finish(&hasher)
        }));
        let mask = self.slots.len() - 1;
        for &hash in &hashes {
            prefetch(&self.slots[hash as usize & mask]);
        }
        // The word in the first slot probed, if its tag matches (almost always the word).
        for &hash in &hashes {
            let slot = self.slots[hash as usize & mask];
            if slot != 0 && slot >> INDEX_BITS == word_slot(hash, 0) >> INDEX_BITS {
                if let Some(word) = self.words.get((slot & ((1 << INDEX_BITS) - 1)) as usize - 1) {
                    prefetch_all(word);
                }
            }
        }
        ids.clear();
        ids.extend(tokens.iter().zip(&hashes).map(|(token, &hash)| self.word(tagger, token, hash)));
        self.hashes = hashes;
    }

    /// The index in `words` of a token's scores (`hash`: of the token), computed if new.
    fn word(&mut self, tagger: &Tagger, token: &str, hash: u64) -> usize {
        let short = Form::short(token);
        let mask = self.slots.len() - 1;
        let tag = word_slot(hash, 0) >> INDEX_BITS;
        let mut s = hash as usize & mask;
        while self.slots[s] != 0 {
            let k = (self.slots[s] & ((1 << INDEX_BITS) - 1)) as usize - 1;
            if self.slots[s] >> INDEX_BITS == tag {
                let word = &self.words[k];
                if word.hash == hash && word.form.is(token, &short) {
                    return k;
                }
            }
            s = (s + 1) & mask;
        }
        // A new word, in the empty slot found.
        let form = short.map_or_else(|| Form::Long(token.into()), Form::Short);
        let k = self.words.len();
        let scores = tagger.new_word(token, hash, form, &mut self.own_prev, &mut self.stem_scores, &mut self.scratch);
        self.words.push(scores);
        self.slots[s] = word_slot(hash, k);
        if self.words.len() * 2 > self.slots.len() {
            self.grow();
        }
        k
    }

    /// Doubles the slots.
    fn grow(&mut self) {
        let mut slots = vec![0u32; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for (k, word) in self.words.iter().enumerate() {
            let mut s = word.hash as usize & mask;
            while slots[s] != 0 {
                s = (s + 1) & mask;
            }
            slots[s] = word_slot(word.hash, k);
        }
        self.slots = slots;
    }

    fn prev<'a>(&'a self, tagger: &'a Tagger, word: usize) -> &'a PrevLanes {
        match self.words[word].prev {
            PrevScores::Class(k) => &tagger.class_prev[k as usize],
            PrevScores::Own(k) => &self.own_prev[k as usize],
        }
    }
}

/// The features of each word of a sentence (`ids` in `cached`) with its left and with its
/// right stem (see [`observation_features`]).
fn stem_pairs(cached: &[WordScores], ids: &[usize], out: &mut Vec<[u64; 2]>) {
    out.clear();
    // A window of three stems slid along the sentence: each word's stem is read once.
    let stem = |k: Option<&usize>| k.map_or(NO_KEYS.stem, |&id| cached[id].keys.stem);
    let (mut left, mut this) = (NO_KEYS.stem, stem(ids.first()));
    for k in 1..=ids.len() {
        let right = stem(ids.get(k));
        out.push([h(T::StemLeft, 0).u64(left).u64(this).finish(), h(T::StemRight, 0).u64(this).u64(right).finish()]);
        (left, this) = (this, right);
    }
}

thread_local! {
    static WORD_CACHE: RefCell<WordCache> = RefCell::new(WordCache::default());
}
impl Tagger {
    /// The model built into the library (trained on ANERcorp and AQMAR).
    pub fn builtin() -> &'static Tagger {
        static BUILTIN: OnceLock<Tagger> = OnceLock::new();
        BUILTIN.get_or_init(|| Tagger::from_image(BUILTIN_IMAGE).expect("build.rs writes a valid image"))
    }

    /// Reads the image of a model (see [`image`]): the rows straight into their slots.
    fn from_image(bytes: &[u8]) -> Result<Tagger, String> {
        let mut r = Reader { bytes };
        let memory = r.u32()? as usize;
        let n = r.u32()? as usize;
        // A row takes 27 bytes at least.
        if n > bytes.len() / 27 {
            return Err("model is truncated".into());
        }
        let mut weights = Weights::with_capacity(n);
        r.bytes = place_rows(r.bytes, n, &mut weights).ok_or("bad rows in model image")?;
        let lexicons = r.lexicons()?;
        Ok(Tagger::from_weights(weights, memory, lexicons))
    }

    /// Reads a model written by [`Tagger::to_bytes`], through its image: one reader of the
    /// model file for `build.rs` and the library.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        Tagger::from_image(&image::image(bytes)?)
    }

    fn from_weights(weights: Weights, memory: usize, lexicons: Lexicons) -> Tagger {
        let mut boundary = [[0i32; NTAGS]; OFFSETS];
        for (offset, scores) in boundary.iter_mut().enumerate() {
            weights.add_to(boundary_feature(offset), scores);
        }
        let row = |f: u64| weights.get(f).map_or([0.0; NTAGS], |r| r.map(|w| w as f32));
        let history = HistoryScores::new(
            std::array::from_fn(|p1| row(prev_feature(p1))),
            std::array::from_fn(|p2| std::array::from_fn(|p1| row(prev2_feature(p1, p2)))),
        );
        let mut memory_scores = [[[[0i32; NTAGS]; 4]; 5]; 3];
        for (offset, by_kind) in memory_scores.iter_mut().enumerate() {
            for (kind, by_count) in by_kind.iter_mut().enumerate() {
                for (count, scores) in by_count.iter_mut().enumerate().skip(1) {
                    weights.add_to(memory_feature(offset, kind, count), scores);
                }
            }
        }
        // Every class a word can have: those of the lexicon, and none; in order, each once
        // (marked in a set of all u16, not sorted: the lexicon has tens of thousands of words
        // and a few hundred classes).
        let mut seen = vec![0u64; 1 << 10];
        for class in lexicons.clusters.classes.values().map(|c| c[1]).chain([NO_CLUSTER]) {
            seen[class as usize >> 6] |= 1 << (class & 63);
        }
        let classes: Vec<u16> = (0..=u16::MAX).filter(|&c| seen[c as usize >> 6] >> (c & 63) & 1 != 0).collect();
        let class_prev =
            classes.iter().map(|&class| prev_scores(&weights, |p1| [prev_class_feature(p1, class)])).collect();
        let class_index = classes.iter().enumerate().map(|(k, &c)| (c, k as u32)).collect();
        Tagger { weights, boundary, memory, lexicons, history, memory_scores, class_prev, class_index, id: next_id() }
    }

    /// The model as bytes (the format is in the [module documentation](self)).
    pub fn to_bytes(&self) -> Vec<u8> {
        let rows = self.weights.rows();
        let mut out = Vec::with_capacity(12 + rows.len() * 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.memory as u32).to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (hash, row) in &rows {
            out.extend_from_slice(&hash.to_le_bytes());
            let mask = row.iter().enumerate().filter(|(_, w)| **w != 0).fold(0u16, |m, (k, _)| m | 1 << k);
            out.extend_from_slice(&mask.to_le_bytes());
            for w in row.iter().filter(|w| **w != 0) {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut words: Vec<_> = self.lexicons.clusters.classes.iter().filter(|(w, _)| w.len() < 256).collect();
        words.sort();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (word, classes) in words {
            out.push(word.len() as u8);
            out.extend_from_slice(word.as_bytes());
            for c in classes {
                out.extend_from_slice(&c.to_le_bytes());
            }
        }
        out
    }

    /// Number of features with a weight.
    pub fn features(&self) -> usize {
        self.weights.len
    }

    /// Trains a tagger on (token, IOB2 tag) sentences with the default options and `epochs`.
    pub fn train(sentences: &[Sentence], epochs: usize) -> Tagger {
        Tagger::train_with(sentences, &TrainOptions { epochs, ..TrainOptions::default() })
    }

    /// Trains a tagger on (token, IOB2 tag) sentences; tags are read with [`Tag::from_label`].
    pub fn train_with(sentences: &[Sentence], opts: &TrainOptions) -> Tagger {
        let lexicons = Lexicons { clusters: opts.clusters.as_deref().cloned().unwrap_or_default() };
        // Several runs (shuffled differently) are averaged: a steadier model than one run.
        let runs = opts.runs.max(1);
        let mut sum: HashMap<u64, Row> = HashMap::new();
        for r in 0..runs as u64 {
            let seeded = TrainOptions { seed: opts.seed.wrapping_add(r.wrapping_mul(0x9e37)), ..opts.clone() };
            for (hash, row) in Trainer::new(sentences, &lexicons).run(&seeded) {
                let s = sum.entry(hash).or_insert([0.0; NTAGS]);
                for (a, b) in s.iter_mut().zip(row) {
                    *a += b / runs as f32;
                }
            }
        }
        let mut rows: Vec<(u64, Row)> = sum.into_iter().collect();
        rows.sort_unstable_by_key(|r| r.0);
        quantize(rows, opts, lexicons)
    }

    /// IOB2 tags for a sentence of tokens (words as written).
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        WORD_CACHE.with(|cache| self.tag_sentence(&mut cache.borrow_mut(), tokens, &mut Memory::new(0)))
    }

    /// IOB2 tags for the sentences of one document, in order: what was tagged in the
    /// sentences before (up to the model's memory window) informs each sentence.
    pub fn tag_document<S: AsRef<[T]>, T: AsRef<str>>(&self, sentences: &[S]) -> Vec<Vec<Tag>> {
        self.with_document(|cache, memory| {
            sentences
                .iter()
                .map(|s| {
                    let tokens: Vec<&str> = s.as_ref().iter().map(|t| t.as_ref()).collect();
                    self.tag_sentence(cache, &tokens, memory)
                })
                .collect()
        })
    }

    /// Runs `f` with this thread's word cache and an empty document memory (the cache's, whose
    /// buffers serve one document after another): one thread-local access per document.
    fn with_document<R>(&self, f: impl FnOnce(&mut WordCache, &mut Memory) -> R) -> R {
        WORD_CACHE.with(|cache| {
            let cache = &mut *cache.borrow_mut();
            let mut memory = std::mem::take(&mut cache.memory);
            memory.reset(self.memory);
            let result = f(cache, &mut memory);
            cache.memory = memory;
            result
        })
    }

    /// Tags a sentence with the words of this thread's `cache`, informed by `memory`.
    fn tag_sentence(&self, cache: &mut WordCache, tokens: &[&str], memory: &mut Memory) -> Vec<Tag> {
        if cache.owner != self.id || cache.words.len() > CACHE_LIMIT {
            *cache = WordCache { owner: self.id, ..WordCache::default() };
        }
        let mut ids = std::mem::take(&mut cache.ids);
        cache.sentence(self, tokens, &mut ids);
        // What the emissions and the Viterbi read from memory (weights of stem pairs, and
        // each word's previous-tag scores) is requested first, so that the waits overlap:
        // the filter words of the pairs, then the slots the filter lets through.
        stem_pairs(&cache.words, &ids, &mut cache.pairs);
        for &[left, right] in &cache.pairs {
            self.weights.prefetch_filter(left);
            self.weights.prefetch_filter(right);
        }
        for &k in &ids {
            prefetch_all(cache.prev(self, k));
        }
        cache.stems.clear();
        if memory.window > 0 {
            cache.stems.extend(ids.iter().map(|&k| memory.id(cache.words[k].keys.stem)));
        }
        // A pair the filter rules out has no weight: 0 (no feature's hash) spares the emissions
        // the filter.
        for pair in &mut cache.pairs {
            for f in pair {
                if !self.weights.prefetch_slot(*f) {
                    *f = 0;
                }
            }
        }
        self.emissions(&cache.words, &ids, &cache.pairs, memory, &cache.stems, &mut cache.sums);
        cache.emit.clear();
        cache.emit.extend(cache.sums.iter().map(|s| EmitLanes::new(&s.map(|s| s as f32))));
        let mut lattice = std::mem::take(&mut cache.lattice);
        let tags = viterbi(&cache.emit, |i| cache.prev(self, ids[i]), &self.history, &mut lattice);
        memory.push_ids(&cache.stems, &tags);
        cache.lattice = lattice;
        cache.ids = ids;
        tags
    }

    /// The scores of a word not seen before: those its stem gives from `stems` if an Arabic
    /// word's stem (as written) was seen before (see [`Parts::STEM`]), computed and remembered
    /// there if not, plus those of its form.
    fn new_word(
        &self,
        token: &str,
        hash: u64,
        form: Form,
        own_prev: &mut Vec<PrevLanes>,
        stems: &mut StemCache,
        scratch: &mut Scratch,
    ) -> WordScores {
        let Scratch { info, features } = scratch;
        // As Lexicons::info reads it.
        let reading = Reading::new(token, &|_| false);
        if reading.split.is_none() {
            reading.fill(None, info);
            self.lexicons.annotate(info);
            let by_offset = self.part_scores(&WordView::new(info), Parts::ALL, [[0; NTAGS]; NEAR], features);
            let (keys, prev) = self.prev_scores(info, own_prev);
            return WordScores { hash, form, keys, prev, by_offset };
        }
        let raw = reading.stem();
        if let Some(stem) = stems.get(raw) {
            reading.fill(Some(&stem.info), info);
            info.clusters = stem.clusters;
            let view = WordView::with_kind(info, stem.kind, Parts::FORM);
            let by_offset = self.part_scores(&view, Parts::FORM, stem.by_offset, features);
            return WordScores { hash, form, keys: stem.keys, prev: stem.prev, by_offset };
        }
        let stem_info = StemInfo::new(raw);
        reading.fill(Some(&stem_info), info);
        self.lexicons.annotate(info);
        let view = WordView::new(info);
        let stem_scores = self.part_scores(&view, Parts::STEM, [[0; NTAGS]; NEAR], features);
        let by_offset = self.part_scores(&view, Parts::FORM, stem_scores, features);
        let (keys, prev) = self.prev_scores(info, own_prev);
        let clusters = info.clusters;
        stems.insert(
            raw.into(),
            StemScores { info: stem_info, clusters, kind: view.kind, by_offset: stem_scores, keys, prev },
        );
        WordScores { hash, form, keys, prev, by_offset }
    }

    /// `by_offset` plus the scores of the word's features of `parts` at each offset (collected
    /// in `features` first: one loop of lookups, not one call per feature).
    fn part_scores(
        &self,
        view: &WordView,
        parts: Parts,
        mut by_offset: [[i32; NTAGS]; NEAR],
        features: &mut Vec<u64>,
    ) -> [[i32; NTAGS]; NEAR] {
        // The features of every offset first, then their weights' memory asked for (the
        // filter words, then the slots the filter lets through), then the sums: a new word
        // waits for memory once, not once per feature.
        features.clear();
        let mut ends = [0; NEAR];
        for (k, end) in ends.iter_mut().enumerate() {
            view.features(CENTER - SPAN + k, parts, &mut |f| features.push(f));
            *end = features.len();
        }
        features.iter().for_each(|&f| self.weights.prefetch_filter(f));
        // A feature the filter rules out has no weight: 0 (no feature's hash) spares the sums
        // a second look at the filter.
        for f in features.iter_mut() {
            if !self.weights.prefetch_slot(*f) {
                *f = 0;
            }
        }
        let mut start = 0;
        for (scores, &end) in by_offset.iter_mut().zip(&ends) {
            for &f in features[start..end].iter().filter(|&&f| f != 0) {
                if let Some(row) = self.weights.probe(f) {
                    add_row(scores, row);
                }
            }
            start = end;
        }
        by_offset
    }

    /// The keys of a word's two-word features and its previous-tag scores: its own, or its
    /// class's if its stem has no such feature.
    fn prev_scores(&self, info: &WordInfo, own_prev: &mut Vec<PrevLanes>) -> (WordKeys, PrevScores) {
        let keys = WordKeys::new(info);
        let stem_features = (0..NTAGS).any(|p1| self.weights.get(prev_stem_feature(p1, keys.stem)).is_some());
        let prev = match self.class_index.get(&keys.class) {
            Some(&k) if !stem_features => PrevScores::Class(k),
            _ => {
                own_prev.push(prev_scores(&self.weights, |p1| prev_word_features(p1, keys)));
                PrevScores::Own(own_prev.len() as u32 - 1)
            }
        };
        (keys, prev)
    }

    /// The emission scores of a sentence (its words' features, their stem bigrams — 0 for a
    /// pair known to have no weight — and what the memory says of them), as the sums of the
    /// weights of [`word_features`] and [`observation_features`] would be.
    // Not inlined, like `sentence`: inlined into the caller, the whole was measured slower.
    #[inline(never)]
    fn emissions(
        &self,
        cached: &[WordScores],
        ids: &[usize],
        pairs: &[[u64; 2]],
        memory: &Memory,
        stems: &[u32],
        emit: &mut Vec<[i32; NTAGS]>,
    ) {
        let n = ids.len();
        let words = |i: usize| &cached[ids[i]];
        let add = add_scores;
        emit.clear();
        emit.extend((0..n).map(|i| {
            let mut scores = [0; NTAGS];
            if i >= CENTER && i + CENTER < n {
                // Inside the sentence: a word at every offset, with features at the nearest.
                for (k, &id) in ids[i - SPAN..=i + SPAN].iter().enumerate() {
                    add(&mut scores, &cached[id].by_offset[k]);
                }
            } else {
                for offset in 0..OFFSETS {
                    match (i + offset).checked_sub(CENTER) {
                        Some(j) if j < n => {
                            if offset.abs_diff(CENTER) <= SPAN {
                                add(&mut scores, &words(j).by_offset[offset + SPAN - CENTER]);
                            }
                        }
                        _ => add(&mut scores, &self.boundary[offset]),
                    }
                }
            }
            // The filter let these through already (see `tag_sentence`).
            for f in pairs[i].into_iter().filter(|&f| f != 0) {
                if let Some(row) = self.weights.probe(f) {
                    add_row(&mut scores, row);
                }
            }
            scores
        }));
        // Memory features: word j is the left word (offset 0) of token j + 1, the token itself
        // (offset 1) of j and the right word (offset 2) of j - 1.
        for (j, &stem) in stems.iter().enumerate() {
            let counts = &memory.counts[stem as usize];
            // Not tagged in the remembered sentences: no feature.
            if counts == &[0; 5] {
                continue;
            }
            // The stem's (type, count) keys, read once for its three offsets.
            let (mut keys, mut n_keys) = ([(0, 0); 5], 0);
            for key in memory_keys(counts) {
                keys[n_keys] = key;
                n_keys += 1;
            }
            for (offset, by_kind) in self.memory_scores.iter().enumerate() {
                let Some(i) = (j + 1).checked_sub(offset).filter(|&i| i < n) else { continue };
                for &(k, c) in &keys[..n_keys] {
                    add_scores(&mut emit[i], &by_kind[k][c]);
                }
            }
        }
    }

    /// Finds the entities of a text: tokenizes it with [`tokenize`], tags each sentence
    /// (see [`sentences`]) in order, as one document, and returns the mentions with their byte
    /// spans in `text`.
    pub fn find_entities(&self, text: &str) -> Vec<Mention> {
        self.find_entities_in(text, tokenize(text))
    }

    /// [`Tagger::find_entities`] with the text's tokens ([`tokenize`]), for a caller that has
    /// them already.
    pub(crate) fn find_entities_in(&self, text: &str, tokens: impl IntoIterator<Item = Token>) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut words: Vec<&str> = Vec::with_capacity(64);
        self.with_document(|cache, memory| {
            each_sentence(text, tokens, |sentence| {
                words.clear();
                words.extend(sentence.iter().map(|r| &text[r.clone()]));
                let tags = self.tag_sentence(cache, &words, memory);
                for e in entities(&tags) {
                    out.push(Mention { kind: e.kind, start: sentence[e.start].start, end: sentence[e.end - 1].end });
                }
            });
        });
        out
    }
}

/// The scores of the previous tag with a word, from its features with each `p1`.
fn prev_scores<I: IntoIterator<Item = u64>>(weights: &Weights, features: impl Fn(usize) -> I) -> PrevLanes {
    prev_lanes(&std::array::from_fn(|p1| {
        let mut row = [0i32; NTAGS];
        for f in features(p1) {
            weights.add_to(f, &mut row);
        }
        row.map(|w| w as f32)
    }))
}

/// The tokens of a text ([`tokenize`]) cut into sentences, as byte ranges: a sentence ends
/// after `.`, `!`, `?` or `؟`, at a blank line, and after 200 tokens.
pub fn sentences(text: &str) -> Vec<Vec<std::ops::Range<usize>>> {
    let mut out = Vec::new();
    each_sentence(text, tokenize(text), |sentence| out.push(sentence.to_vec()));
    out
}

/// Calls `f` with each of [`sentences`] in turn (`tokens`: those of `text`).
fn each_sentence(text: &str, tokens: impl IntoIterator<Item = Token>, mut f: impl FnMut(&[std::ops::Range<usize>])) {
    let mut sentence = Vec::with_capacity(64);
    let mut last_end = 0;
    for token in tokens {
        if !sentence.is_empty() && (holds_blank_line(&text[last_end..token.start]) || sentence.len() >= MAX_SENTENCE) {
            f(&sentence);
            sentence.clear();
        }
        last_end = token.end;
        sentence.push(token.start..token.end);
        if token.kind == TokenKind::Punct && token.text(text).starts_with(['.', '!', '?', '؟']) {
            f(&sentence);
            sentence.clear();
        }
    }
    if !sentence.is_empty() {
        f(&sentence);
    }
}

/// Longest run of tokens tagged as one sentence (text without full stops).
const MAX_SENTENCE: usize = 200;

/// An entity found in a text, with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
}

struct Reader<'a> {
    bytes: &'a [u8],
}

/// The `n` rows of a model's image at the start of `bytes` into their slots of `weights`
/// (see [`image`]), and the bytes after them; `None` if they are damaged. Bytes are read with
/// one bounds check per row.
fn place_rows<'a>(mut bytes: &'a [u8], n: usize, weights: &mut Weights) -> Option<&'a [u8]> {
    let mut slot = 0usize;
    for _ in 0..n {
        let (gap, rest) = leb128(bytes)?;
        let (row, rest) = rest.split_first_chunk::<{ 8 + 2 * NTAGS }>()?;
        bytes = rest;
        let hash = u64::from_le_bytes(std::array::from_fn(|k| row[k]));
        let weights_of = std::array::from_fn(|t| i16::from_le_bytes([row[8 + 2 * t], row[9 + 2 * t]]));
        slot = slot.checked_add(gap)?;
        weights.place(slot, hash, weights_of)?;
        slot += 1;
    }
    Some(bytes)
}

/// A LEB128 number (at most 63 bits) at the start of `bytes`, and the bytes after it.
fn leb128(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let mut n = 0u64;
    for (k, &b) in bytes.iter().enumerate().take(9) {
        n |= ((b & 0x7f) as u64) << (7 * k);
        if b < 0x80 {
            return Some((usize::try_from(n).ok()?, &bytes[k + 1..]));
        }
    }
    None
}

impl<'a> Reader<'a> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], String> {
        if self.bytes.len() < N {
            return Err("model is truncated".into());
        }
        let (head, rest) = self.bytes.split_at(N);
        self.bytes = rest;
        Ok(head.try_into().expect("N bytes"))
    }

    fn u16(&mut self) -> Result<u16, String> {
        self.take::<2>().map(u16::from_le_bytes)
    }

    fn u32(&mut self) -> Result<u32, String> {
        self.take::<4>().map(u32::from_le_bytes)
    }

    /// The word classes that end a model: their number (u32), then per word the word and its
    /// two classes (u16 each); nothing after them.
    fn lexicons(&mut self) -> Result<Lexicons, String> {
        let n = self.u32()? as usize;
        let mut classes = foldhash::HashMap::with_capacity_and_hasher(n.min(self.bytes.len() / 5), Default::default());
        for _ in 0..n {
            let word = self.word()?;
            classes.insert(word.into(), [self.u16()?, self.u16()?]);
        }
        if !self.bytes.is_empty() {
            return Err("trailing bytes after the model".into());
        }
        Ok(Lexicons { clusters: WordClusters { classes } })
    }

    /// A word: its length in bytes (u8), then its UTF-8 bytes.
    fn word(&mut self) -> Result<&'a str, String> {
        let len = self.take::<1>()?[0] as usize;
        if self.bytes.len() < len {
            return Err("model is truncated".into());
        }
        let (word, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        std::str::from_utf8(word).map_err(|_| "word in model is not UTF-8".to_string())
    }
}

// ---------------------------------------------------------------------------------------------
// Training

/// Training data read into feature indices.
struct Trainer {
    /// Per word form: feature indices at each window offset, stem key, shape.
    words: Vec<([Vec<u32>; OFFSETS], WordKeys)>,
    sentences: Vec<(Vec<u32>, Vec<u8>)>,
    index: HashMap<u64, u32>,
    hashes: Vec<u64>,
    boundary: [u32; OFFSETS],
}

/// Training sentences are shuffled in blocks of this many consecutive sentences, so that the
/// document memory sees sentences in their order.
const TRAIN_BLOCK: usize = 50;

/// A deterministic shuffle (xorshift64*), so that training does not depend on a random seed.
pub(crate) fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed | 1;
    for i in (1..items.len()).rev() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
        items.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

impl Trainer {
    fn new(sentences: &[Sentence], lexicons: &Lexicons) -> Trainer {
        let mut t = Trainer {
            words: Vec::new(),
            sentences: Vec::new(),
            index: HashMap::new(),
            hashes: Vec::new(),
            boundary: [0; OFFSETS],
        };
        for offset in 0..OFFSETS {
            t.boundary[offset] = t.feature(boundary_feature(offset));
        }
        let mut vocab: HashMap<&str, u32> = HashMap::new();
        let mut features = Vec::new();
        for sentence in sentences {
            let mut ids = Vec::with_capacity(sentence.len());
            let mut tags = Vec::with_capacity(sentence.len());
            for (word, tag) in sentence {
                let id = match vocab.get(word.as_str()) {
                    Some(&id) => id,
                    None => {
                        let info = lexicons.info(word);
                        let mut by_offset: [Vec<u32>; OFFSETS] = Default::default();
                        for (offset, list) in by_offset.iter_mut().enumerate() {
                            features.clear();
                            word_features(&info, offset, &mut features);
                            *list = features.iter().map(|&f| t.feature(f)).collect();
                        }
                        let id = t.words.len() as u32;
                        t.words.push((by_offset, WordKeys::new(&info)));
                        vocab.insert(word, id);
                        id
                    }
                };
                ids.push(id);
                tags.push(if tag == NOT_PERSON { NOT_PERSON_INDEX } else { Tag::from_label(tag).index() as u8 });
            }
            t.sentences.push((ids, tags));
        }
        t
    }

    /// The averaged weights, `w - totals / steps`, by feature hash.
    fn averaged(&self, weights: &[[f32; NTAGS]], totals: &[[f64; NTAGS]], step: f64) -> Vec<(u64, Row)> {
        weights
            .iter()
            .zip(totals)
            .zip(&self.hashes)
            .map(|((w, t), &hash)| (hash, std::array::from_fn(|k| (w[k] as f64 - t[k] / step) as f32)))
            .collect()
    }

    fn run(mut self, opts: &TrainOptions) -> Vec<(u64, Row)> {
        let drop_rate: u64 = std::env::var("NASS_NER_DROP").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
        let blocks: Vec<(usize, usize)> = (0..self.sentences.len())
            .step_by(TRAIN_BLOCK)
            .map(|a| (a, (a + TRAIN_BLOCK).min(self.sentences.len())))
            .collect();
        let mut order = blocks;
        let prev_ids: [u32; NTAGS] = std::array::from_fn(|p1| self.feature(prev_feature(p1)));
        let prev2_ids: [[u32; NTAGS]; NTAGS] =
            std::array::from_fn(|p2| std::array::from_fn(|p1| self.feature(prev2_feature(p1, p2))));
        let mut weights: Vec<[f32; NTAGS]> = vec![[0.0; NTAGS]; self.hashes.len()];
        let mut totals: Vec<[f64; NTAGS]> = vec![[0.0; NTAGS]; self.hashes.len()];
        let mut step: f64 = 1.0;
        let mut memory = Memory::new(opts.memory);
        let mut context = Vec::with_capacity(16);
        let mut observed: Vec<Vec<u32>> = Vec::new();
        let mut emit: Vec<Row> = Vec::new();
        let mut prev_stem: Vec<[Row; NTAGS]> = Vec::new();
        let mut lattice = Vec::new();
        for epoch in 0..opts.epochs {
            shuffle(&mut order, opts.seed.wrapping_add(epoch as u64).wrapping_mul(K1));
            for &(a, b) in &order {
                memory.clear();
                for s in a..b {
                    let n = self.sentences[s].0.len();
                    observed.clear();
                    emit.clear();
                    prev_stem.clear();
                    for i in 0..n {
                        let ids = &self.sentences[s].0;
                        let mut features = Vec::with_capacity(64);
                        for offset in 0..OFFSETS {
                            match (i + offset).checked_sub(CENTER) {
                                Some(j) if j < n => {
                                    let list = &self.words[ids[j] as usize].0[offset];
                                    let drop = drop_rate > 0
                                        && offset == CENTER
                                        && (Hasher::new(epoch as u32).u64(s as u64).u64(i as u64).finish() % 100)
                                            < drop_rate;
                                    features.extend(&list[if drop { 2 } else { 0 }..]);
                                }
                                _ => features.push(self.boundary[offset]),
                            }
                        }
                        let keys = |j: usize| self.words[ids[j] as usize].1;
                        let this = keys(i);
                        let left = if i > 0 { keys(i - 1) } else { NO_KEYS };
                        let right = if i + 1 < n { keys(i + 1) } else { NO_KEYS };
                        context.clear();
                        observation_features([left, this, right], &memory, &mut context);
                        for &f in &context {
                            features.push(self.feature(f));
                        }
                        if weights.len() < self.hashes.len() {
                            weights.resize(self.hashes.len(), [0.0; NTAGS]);
                            totals.resize(self.hashes.len(), [0.0; NTAGS]);
                        }
                        let mut scores = [0f32; NTAGS];
                        for &k in &features {
                            for (s, w) in scores.iter_mut().zip(&weights[k as usize]) {
                                *s += w;
                            }
                        }
                        emit.push(scores);
                        prev_stem.push(std::array::from_fn(|p1| {
                            let mut row = [0f32; NTAGS];
                            for f in prev_word_features(p1, this) {
                                if let Some(&k) = self.index.get(&f) {
                                    for (r, w) in row.iter_mut().zip(&weights[k as usize]) {
                                        *r += w;
                                    }
                                }
                            }
                            row
                        }));
                        observed.push(features);
                    }
                    let history = HistoryScores::new(
                        prev_ids.map(|k| weights[k as usize]),
                        prev2_ids.map(|r| r.map(|k| weights[k as usize])),
                    );
                    let prev_word: Vec<PrevLanes> = prev_stem.iter().map(prev_lanes).collect();
                    let lanes: Vec<EmitLanes> = emit.iter().map(EmitLanes::new).collect();
                    let predicted = viterbi(&lanes, |i| &prev_word[i], &history, &mut lattice);
                    let known = &self.sentences[s].1;
                    let gold: Vec<Tag> = if known.contains(&NOT_PERSON_INDEX) {
                        // Partly annotated: the best tags that agree with what is known.
                        let allowed: Vec<EmitLanes> =
                            emit.iter().zip(known).map(|(row, &t)| EmitLanes::new(&allowed_only(row, t))).collect();
                        viterbi(&allowed, |i| &prev_word[i], &history, &mut lattice)
                    } else {
                        known.iter().map(|&t| Tag::from_index(t as usize)).collect()
                    };
                    if predicted != gold {
                        let ids = self.sentences[s].0.clone();
                        let update = |k: u32,
                                      t: usize,
                                      d: f32,
                                      weights: &mut Vec<[f32; NTAGS]>,
                                      totals: &mut Vec<[f64; NTAGS]>| {
                            weights[k as usize][t] += d;
                            totals[k as usize][t] += step * d as f64;
                        };
                        for i in 0..n {
                            let tags = |seq: &[Tag], back: usize| if i >= back { seq[i - back].index() } else { 0 };
                            let (g, g1, g2) = (tags(&gold, 0), tags(&gold, 1), tags(&gold, 2));
                            let (q, q1, q2) = (tags(&predicted, 0), tags(&predicted, 1), tags(&predicted, 2));
                            if (g, g1, g2) == (q, q1, q2) {
                                continue;
                            }
                            if g != q {
                                for &k in &observed[i] {
                                    update(k, g, 1.0, &mut weights, &mut totals);
                                    update(k, q, -1.0, &mut weights, &mut totals);
                                }
                            }
                            let this = self.words[ids[i] as usize].1;
                            for (t, p1, p2, d) in [(g, g1, g2, 1.0), (q, q1, q2, -1.0)] {
                                let word_features: Vec<u32> =
                                    prev_word_features(p1, this).map(|f| self.feature(f)).collect();
                                if weights.len() < self.hashes.len() {
                                    weights.resize(self.hashes.len(), [0.0; NTAGS]);
                                    totals.resize(self.hashes.len(), [0.0; NTAGS]);
                                }
                                for k in [prev_ids[p1], prev2_ids[p2][p1]].into_iter().chain(word_features) {
                                    update(k, t, d, &mut weights, &mut totals);
                                }
                            }
                        }
                    }
                    step += 1.0;
                    let ids = &self.sentences[s].0;
                    memory.push(ids.iter().map(|&id| self.words[id as usize].1.stem), &predicted);
                }
            }
        }
        self.averaged(&weights, &totals, step)
    }

    fn feature(&mut self, hash: u64) -> u32 {
        let next = self.hashes.len() as u32;
        let k = *self.index.entry(hash).or_insert(next);
        if k == next {
            self.hashes.push(hash);
        }
        k
    }
}

/// Emission scores that rule out every tag but the known one, or for [`NOT_PERSON_INDEX`] the
/// person tags.
fn allowed_only(row: &Row, known: u8) -> Row {
    const RULED_OUT: f32 = -1.0e6;
    std::array::from_fn(|t| {
        let allowed = if known == NOT_PERSON_INDEX {
            Tag::from_index(t).entity_type() != Some(EntityType::Pers)
        } else {
            t == known as usize
        };
        if allowed {
            row[t]
        } else {
            RULED_OUT
        }
    })
}

/// A tagger from averaged weights: weights smaller than `prune` are dropped and the rest
/// quantized to i16 in a common unit.
fn quantize(mut rows: Vec<(u64, Row)>, opts: &TrainOptions, lexicons: Lexicons) -> Tagger {
    let bias: f32 = std::env::var("NASS_NER_BIAS").ok().and_then(|v| v.parse().ok()).unwrap_or(0.0);
    let bias_hash = h(T::Bias, 2).finish();
    if let Some((_, row)) = rows.iter_mut().find(|(h, _)| *h == bias_hash) {
        row[Tag::B(EntityType::Pers).index()] += bias;
        row[Tag::I(EntityType::Pers).index()] += bias;
    }
    let largest = rows.iter().flat_map(|(_, r)| r.iter()).fold(0f32, |m, w| m.max(w.abs()));
    let unit = (largest / i16::MAX as f32).max(1e-3);
    let rows = rows
        .into_iter()
        .filter_map(|(hash, a)| {
            let row = a.map(|w| if w.abs() >= opts.prune { (w / unit).round() as i16 } else { 0 });
            row.iter().any(|w| *w != 0).then_some((hash, row))
        })
        .collect();
    Tagger::from_weights(Weights::new(rows), opts.memory, lexicons)
}

/// The sentences a tagger is trained on: the main corpus counts twice against the extra data
/// (AQMAR is Wikipedia, not news), the second time with its people's names swapped if
/// `opts.swap_names` ([`swap_names`](super::name_swap::swap_names)): +0.6 PERS F1 (+1.4
/// recall) in cross-validation on ANERcorp.
pub fn training_set(mut main: Vec<Sentence>, extra: &[Sentence], opts: &TrainOptions) -> Vec<Sentence> {
    let second = if opts.swap_names { super::name_swap::swap_names(&main, opts.seed) } else { main.clone() };
    main.extend(second);
    main.extend_from_slice(extra);
    main
}

/// K-fold cross-validation: `main` is cut into `folds` blocks of consecutive sentences; each
/// block is scored by `score` with a model trained on the other blocks plus all of `extra`.
/// Returns the summed score and the score of each fold.
pub fn cross_validate(
    main: &[Sentence],
    extra: &[Sentence],
    folds: usize,
    opts: &TrainOptions,
    score: &(dyn Fn(&Tagger, &[Sentence]) -> NerScore + Sync),
) -> (NerScore, Vec<NerScore>) {
    use rayon::prelude::*;
    let folds = folds.clamp(2, main.len().max(2));
    let bounds: Vec<(usize, usize)> =
        (0..folds).map(|k| (k * main.len() / folds, (k + 1) * main.len() / folds)).collect();
    let scores: Vec<NerScore> = bounds
        .par_iter()
        .map(|&(a, b)| {
            let rest: Vec<Sentence> = main[..a].iter().chain(&main[b..]).cloned().collect();
            let train = training_set(rest, extra, opts);
            let tagger = Tagger::train_with(&train, opts);
            score(&tagger, &main[a..b])
        })
        .collect();
    let mut total = NerScore::default();
    for s in &scores {
        total.merge(s);
    }
    (total, scores)
}

// ---------------------------------------------------------------------------------------------
// Word clusters

/// No cluster (the word was too rare in the unlabeled text).
const NO_CLUSTER: u16 = u16::MAX;

/// Word classes induced from unlabeled text: words that occur between the same kinds of words
/// fall in the same class (names of politicians, of footballers, of towns…), which tells the
/// tagger about names it never saw annotated. Two granularities, coarse and fine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordClusters {
    classes: foldhash::HashMap<Box<str>, [u16; 2]>,
}

/// The key a token is clustered under: its folded stem, `<num>` for numbers.
fn cluster_key(info: &WordInfo) -> &str {
    match info.shape {
        Shape::Digits | Shape::Number => "<num>",
        _ => &info.stem,
    }
}

impl WordClusters {
    /// The classes of a word (coarse, fine), also trying the word without a leading و, ب, ل or
    /// ال that the clitic splitter left on (unknown stems: وبوتين).
    fn get(&self, info: &WordInfo) -> [u16; 2] {
        let key = cluster_key(info);
        if let Some(c) = self.classes.get(key) {
            return *c;
        }
        crude_stems(key).find_map(|rest| self.classes.get(rest).copied()).unwrap_or([NO_CLUSTER; 2])
    }

    pub fn len(&self) -> usize {
        self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Reads `word<TAB>coarse<TAB>fine` lines.
    pub fn from_tsv(text: &str) -> Result<WordClusters, String> {
        let mut classes = foldhash::HashMap::default();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
            let mut f = line.split('\t');
            let parse = |x: Option<&str>| x.and_then(|x| x.parse::<u16>().ok());
            match (f.next(), parse(f.next()), parse(f.next())) {
                (Some(w), Some(a), Some(b)) => {
                    classes.insert(w.into(), [a, b]);
                }
                _ => return Err(format!("line {}: expected word<TAB>class<TAB>class", n + 1)),
            }
        }
        Ok(WordClusters { classes })
    }

    /// `word<TAB>coarse<TAB>fine` lines, sorted by word.
    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<_> = self.classes.iter().collect();
        rows.sort();
        rows.iter().map(|(w, [a, b])| format!("{w}\t{a}\t{b}\n")).collect()
    }

    /// Clusters the words of `texts` (each text is one document) into `sizes` classes (coarse,
    /// fine), keeping words seen at least `min_count` times, with `iterations` passes of the
    /// exchange algorithm (Martin, Liermann & Ney 1998: move each word to the class that most
    /// raises the likelihood of a class-bigram model). Deterministic.
    pub fn induce<I, S>(texts: I, sizes: [usize; 2], min_count: u64, iterations: usize) -> WordClusters
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        // Documents as sequences of key ids.
        let mut key_ids: HashMap<String, u32> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut form_keys: HashMap<String, u32> = HashMap::new();
        let mut docs: Vec<Vec<u32>> = Vec::new();
        for text in texts {
            let text = text.as_ref();
            let mut doc = Vec::new();
            for token in tokenize(text) {
                let t = token.text(text);
                let id = match form_keys.get(t) {
                    Some(&id) => id,
                    None => {
                        let info = WordInfo::new(t);
                        let key = cluster_key(&info).to_string();
                        let next = keys.len() as u32;
                        let id = *key_ids.entry(key.clone()).or_insert(next);
                        if id == next {
                            keys.push(key);
                        }
                        form_keys.insert(t.to_string(), id);
                        id
                    }
                };
                doc.push(id);
            }
            docs.push(doc);
        }
        let mut counts = vec![0u64; keys.len()];
        for &id in docs.iter().flatten() {
            counts[id as usize] += 1;
        }
        // Rare words share one id, the last one.
        let mut order: Vec<u32> = (0..keys.len() as u32).filter(|&k| counts[k as usize] >= min_count).collect();
        order.sort_by(|&a, &b| {
            counts[b as usize].cmp(&counts[a as usize]).then(keys[a as usize].cmp(&keys[b as usize]))
        });
        let rare = order.len() as u32;
        let mut dense = vec![rare; keys.len()];
        for (k, &id) in order.iter().enumerate() {
            dense[id as usize] = k as u32;
        }
        let sequences: Vec<Vec<u32>> = docs.iter().map(|d| d.iter().map(|&id| dense[id as usize]).collect()).collect();
        let mut classes: foldhash::HashMap<Box<str>, [u16; 2]> =
            order.iter().map(|&id| (keys[id as usize].as_str().into(), [0u16; 2])).collect();
        for (level, &size) in sizes.iter().enumerate() {
            let assignment = exchange(&sequences, order.len() + 1, size.clamp(2, NO_CLUSTER as usize), iterations);
            for (k, &id) in order.iter().enumerate() {
                if let Some(c) = classes.get_mut(keys[id as usize].as_str()) {
                    c[level] = assignment[k];
                }
            }
        }
        WordClusters { classes }
    }
}

/// x ln x, the unit of the class-bigram log-likelihood.
fn xlogx(x: f64) -> f64 {
    if x <= 0.0 {
        0.0
    } else {
        x * x.ln()
    }
}

/// The exchange algorithm over word-id sequences (ids are frequency ranks; the last id is the
/// rare-word id, kept in a class of its own). Returns a class per id.
fn exchange(sequences: &[Vec<u32>], words: usize, classes: usize, iterations: usize) -> Vec<u16> {
    // Bigram lists per word, without self-bigrams (w w).
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
    let mut unigram = vec![0f64; words];
    for seq in sequences {
        for &w in seq {
            unigram[w as usize] += 1.0;
        }
        for pair in seq.windows(2) {
            if pair[0] != pair[1] {
                *pairs.entry((pair[0], pair[1])).or_insert(0) += 1;
            }
        }
    }
    let mut left: Vec<Vec<(u32, f64)>> = vec![Vec::new(); words];
    let mut right: Vec<Vec<(u32, f64)>> = vec![Vec::new(); words];
    let mut sorted: Vec<_> = pairs.into_iter().collect();
    sorted.sort_unstable();
    for ((a, b), n) in sorted {
        right[a as usize].push((b, n as f64));
        left[b as usize].push((a, n as f64));
    }
    let classes = classes.min(words);
    let rare = words - 1;
    // Round-robin start by frequency; the rare id alone in the last class.
    let mut class: Vec<usize> = (0..words).map(|w| if w == rare { classes - 1 } else { w % (classes - 1) }).collect();
    let mut bigram = vec![0f64; classes * classes];
    let mut class_count = vec![0f64; classes];
    for w in 0..words {
        class_count[class[w]] += unigram[w];
        for &(v, n) in &right[w] {
            bigram[class[w] * classes + class[v as usize]] += n;
        }
    }
    let mut lw = vec![0f64; classes];
    let mut rw = vec![0f64; classes];
    let mut lt: Vec<usize> = Vec::new();
    let mut rt: Vec<usize> = Vec::new();
    for _ in 0..iterations {
        let mut moved = 0usize;
        for w in 0..rare {
            lt.clear();
            rt.clear();
            for &(v, n) in &left[w] {
                let c = class[v as usize];
                if lw[c] == 0.0 {
                    lt.push(c);
                }
                lw[c] += n;
            }
            for &(v, n) in &right[w] {
                let c = class[v as usize];
                if rw[c] == 0.0 {
                    rt.push(c);
                }
                rw[c] += n;
            }
            let a = class[w];
            for &c in &lt {
                bigram[c * classes + a] -= lw[c];
            }
            for &d in &rt {
                bigram[a * classes + d] -= rw[d];
            }
            class_count[a] -= unigram[w];
            let mut best = a;
            let mut best_gain = f64::NEG_INFINITY;
            for b in 0..classes - 1 {
                let mut gain = -2.0 * (xlogx(class_count[b] + unigram[w]) - xlogx(class_count[b]));
                for &c in &lt {
                    let x = bigram[c * classes + b];
                    gain += xlogx(x + lw[c]) - xlogx(x);
                }
                for &d in &rt {
                    let x = bigram[b * classes + d];
                    gain += xlogx(x + rw[d]) - xlogx(x);
                }
                if gain > best_gain + 1e-9 || (b == a && gain >= best_gain - 1e-9) {
                    best_gain = gain;
                    best = b;
                }
            }
            for &c in &lt {
                bigram[c * classes + best] += lw[c];
                lw[c] = 0.0;
            }
            for &d in &rt {
                bigram[best * classes + d] += rw[d];
                rw[d] = 0.0;
            }
            class_count[best] += unigram[w];
            if best != a {
                class[w] = best;
                moved += 1;
            }
        }
        if moved == 0 {
            break;
        }
    }
    class.into_iter().map(|c| c as u16).collect()
}

// ---------------------------------------------------------------------------------------------
// Lexicons

/// What the tagger knows about words from unlabeled text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexicons {
    pub clusters: WordClusters,
}

impl Lexicons {
    /// A word read with what the lexicons know: a stem that the unlabeled text has as a word
    /// of its own is split off its clitics (وبلير → و + بلير).
    fn info(&self, token: &str) -> WordInfo {
        let mut info = WordInfo::new(token);
        self.annotate(&mut info);
        info
    }

    fn annotate(&self, info: &mut WordInfo) {
        info.clusters = self.clusters.get(info);
    }
}

/// The word without a leading و, ب, ل or ال that the clitic splitter left on (unknown stems:
/// وبوتين), keeping three letters at least.
fn crude_stems(key: &str) -> impl Iterator<Item = &str> {
    ["وال", "بال", "لل", "ال", "و", "ب", "ل"]
        .into_iter()
        .filter_map(move |p| key.strip_prefix(p).filter(|rest| rest.chars().nth(2).is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_particles_are_their_row_of_triggers() {
        assert!(TRIGGERS[NAME_PARTICLES].split_whitespace().any(|w| w == "بن"));
        assert!(is_name_particle(&WordInfo::new("بن")));
        assert!(is_name_particle(&WordInfo::new("عبد")));
        assert!(!is_name_particle(&WordInfo::new("الرئيس")));
    }

    fn tags(labels: &str) -> Vec<Tag> {
        labels.split_whitespace().map(Tag::from_label).collect()
    }

    #[test]
    fn conll_reading_repairs_iob1_slips_and_lenient_labels() {
        let text = "\u{feff}قال O\nمحمد I-PER\nعلي I-PER\n.\n\nفي O\nبغداد B-LOC\n";
        let sentences = read_conll(text);
        assert_eq!(sentences.len(), 2);
        let labels: Vec<&str> = sentences[0].iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(labels, ["O", "B-PERS", "I-PERS", "O"]);
        assert_eq!(sentences[1][1], ("بغداد".to_string(), "B-LOC".to_string()));
    }

    #[test]
    fn name_words_are_a_trigger_kind_of_their_own_after_the_hand_written_ones() {
        let kind = |w: &str| trigger(&WordInfo::new(w));
        let name = TRIGGERS.len() as u64 + 1;
        // Transliterated given names and surnames of the dictionary (آ is no article).
        assert_eq!(kind("فرجيل"), name);
        assert_eq!(kind("آلتونين"), name);
        // A title keeps its own kind; a plain word and a Latin word have none.
        assert_eq!(kind("الرئيس"), 2);
        assert_eq!(kind("الطاولة"), 0);
        assert_eq!(kind("Virgil"), 0);
    }

    #[test]
    fn entities_are_read_as_conlleval_reads_them() {
        let found = entities(&tags("B-PERS I-PERS O I-LOC B-ORG B-ORG I-PERS"));
        let spans: Vec<(EntityType, usize, usize)> = found.iter().map(|e| (e.kind, e.start, e.end)).collect();
        assert_eq!(
            spans,
            [
                (EntityType::Pers, 0, 2),
                (EntityType::Loc, 3, 4),
                (EntityType::Org, 4, 5),
                (EntityType::Org, 5, 6),
                (EntityType::Pers, 6, 7)
            ]
        );
    }

    #[test]
    fn scores_count_exact_spans_only() {
        let mut score = NerScore::default();
        score.add_sentence(&tags("B-PERS I-PERS O B-LOC"), &tags("B-PERS O O B-LOC"));
        let pers = score.get(EntityType::Pers);
        assert_eq!((pers.true_pos, pers.false_pos, pers.false_neg), (0, 1, 1));
        let loc = score.get(EntityType::Loc);
        assert_eq!((loc.true_pos, loc.false_pos, loc.false_neg), (1, 0, 0));
        assert!((score.accuracy() - 0.75).abs() < 1e-9);
        assert!((score.micro().precision() - 0.5).abs() < 1e-9);
    }

    /// A small corpus where a name follows قال and a place follows في.
    fn toy_corpus() -> Vec<Sentence> {
        let names = ["سمير", "كريم", "نادية", "هشام", "ليلى", "جمال"];
        let places = ["تونس", "القاهرة", "بيروت", "عمان"];
        let mut out = Vec::new();
        for (k, name) in names.iter().enumerate() {
            let place = places[k % places.len()];
            let s = [("قال", "O"), (name, "B-PERS"), ("في", "O"), (place, "B-LOC"), ("أمس", "O")];
            out.push(s.iter().map(|(w, t)| (w.to_string(), t.to_string())).collect());
        }
        out
    }

    #[test]
    fn training_learns_the_corpus_and_the_model_round_trips() {
        let tagger = Tagger::train(&toy_corpus(), 5);
        let score = evaluate(&tagger, &toy_corpus());
        assert_eq!(score.micro().f1(), 1.0, "{}", score.table());
        let bytes = tagger.to_bytes();
        let loaded = Tagger::from_bytes(&bytes).expect("model reads back");
        assert_eq!(loaded.to_bytes(), bytes);
        let words = ["قال", "هشام", "في", "بيروت", "أمس"];
        assert_eq!(loaded.tag(&words), tagger.tag(&words));
    }

    #[test]
    fn tokens_known_only_not_to_be_people_keep_what_the_model_knows_of_them() {
        // Three times as many sentences annotated for their people only: their places are
        // NOT-PERS, and must not be taught as O.
        let mut corpus = toy_corpus();
        for name in ["رضا", "منى", "فريد", "سامي", "هند", "عادل"].iter().cycle().take(18) {
            let s =
                [("قال", NOT_PERSON), (name, "B-PERS"), ("في", NOT_PERSON), ("بيروت", NOT_PERSON), ("أمس", NOT_PERSON)];
            corpus.push(s.iter().map(|(w, t)| (w.to_string(), t.to_string())).collect());
        }
        let tagger = Tagger::train(&corpus, 5);
        let tags = tagger.tag(&["قال", "منى", "في", "بيروت", "أمس"]);
        assert_eq!(tags, [Tag::O, Tag::B(EntityType::Pers), Tag::O, Tag::B(EntityType::Loc), Tag::O]);
    }

    #[test]
    fn conll_files_keep_the_not_a_person_label() {
        let read = read_conll("قال NOT-PERS\nسمير B-PERS\nأمس O\n");
        let labels: Vec<&str> = read[0].iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(labels, [NOT_PERSON, "B-PERS", "O"]);
    }

    #[test]
    fn the_builtin_image_is_the_model_file_laid_out() {
        let model = include_bytes!("../../data/ner/model.bin");
        let read = Tagger::from_bytes(model).expect("the model file reads");
        let builtin = Tagger::builtin();
        assert_eq!(builtin.to_bytes(), model);
        // The same table, slot for slot.
        let slots = |t: &Tagger| t.weights.slots.iter().map(|s| (s.hash, s.row)).collect::<Vec<_>>();
        assert!(slots(builtin) == slots(&read));
        assert_eq!((builtin.weights.len, &builtin.weights.filter), (read.weights.len, &read.weights.filter));
        assert_eq!(image::image(b"NASSNER2"), Err("not a nass NER model (bad magic)".into()));
        assert!(image::image(&model[..model.len() / 2]).is_err());
        assert!(Tagger::from_image(&BUILTIN_IMAGE[..BUILTIN_IMAGE.len() / 2]).is_err());
        assert!(Tagger::from_image(&[0xff; 64]).is_err());
    }

    #[test]
    fn damaged_models_are_errors_not_panics() {
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"NASSNER1").is_err());
        let mut bytes = Tagger::train(&toy_corpus(), 2).to_bytes();
        bytes.push(0);
        assert!(Tagger::from_bytes(&bytes).is_err());
        bytes.truncate(bytes.len() / 2);
        assert!(Tagger::from_bytes(&bytes).is_err());
    }

    #[test]
    fn builtin_model_finds_people_places_and_organizations() {
        let text = "وقال الرئيس الأمريكي جورج بوش في واشنطن إن منظمة الأمم المتحدة ستجتمع.";
        let found: Vec<(EntityType, &str)> =
            Tagger::builtin().find_entities(text).iter().map(|m| (m.kind, &text[m.start..m.end])).collect();
        assert!(found.contains(&(EntityType::Pers, "جورج بوش")), "{found:?}");
        assert!(found.contains(&(EntityType::Loc, "واشنطن")), "{found:?}");
    }

    /// The Viterbi as it was first written (every p2, p1, t), to check the vectorized one: the
    /// best path, and the scores `[i][p1][t]`.
    #[allow(clippy::needless_range_loop)]
    fn plain_viterbi(
        emit: &[Row],
        prev_word: &[[Row; NTAGS]],
        history: &HistoryScores,
    ) -> (Vec<Tag>, Vec<[Row; NTAGS]>) {
        let n = emit.len();
        let allowed: [[bool; NTAGS]; NTAGS] =
            std::array::from_fn(|p1| std::array::from_fn(|t| Tag::from_index(t).may_follow(Tag::from_index(p1))));
        let mut score = [[NONE; NTAGS]; NTAGS];
        for t in 0..NTAGS {
            if allowed[0][t] {
                score[0][t] = emit[0][t] + history.prev[0][t] + history.prev2[0][0][t] + prev_word[0][0][t];
            }
        }
        let mut back = vec![[[0u8; NTAGS]; NTAGS]; n];
        let mut lattice = vec![score];
        for i in 1..n {
            let mut next = [[NONE; NTAGS]; NTAGS];
            for p1 in 0..NTAGS {
                for t in (0..NTAGS).filter(|&t| allowed[p1][t]) {
                    let (mut best, mut arg) = (NONE, 0u8);
                    for p2 in 0..NTAGS {
                        if score[p2][p1] == NONE {
                            continue;
                        }
                        let s = score[p2][p1] + history.prev2[p2][p1][t];
                        if s > best {
                            (best, arg) = (s, p2 as u8);
                        }
                    }
                    if best != NONE {
                        next[p1][t] = best + emit[i][t] + history.prev[p1][t] + prev_word[i][p1][t];
                        back[i][p1][t] = arg;
                    }
                }
            }
            score = next;
            lattice.push(score);
        }
        let (mut p1, mut t, mut best) = (0, 0, NONE);
        for a in 0..NTAGS {
            for b in 0..NTAGS {
                if score[a][b] > best {
                    (best, p1, t) = (score[a][b], a, b);
                }
            }
        }
        let mut tags = vec![0usize; n];
        tags[n - 1] = t;
        if n > 1 {
            tags[n - 2] = p1;
        }
        for i in (2..n).rev() {
            tags[i - 2] = back[i][tags[i - 1]][tags[i]] as usize;
        }
        (tags.into_iter().map(Tag::from_index).collect(), lattice)
    }

    #[test]
    fn vectorized_viterbi_finds_the_plain_recurrences_path() {
        // Integer scores as the quantized model has (sums large enough to round in f32, and
        // many ties), and fractional ones as training has.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..400 {
            let scale = [3.0, 40_000.0, 3_000_000.0, 0.37][round % 4];
            let n = 1 + (next() % 60) as usize;
            let mut draw = || {
                let x = (next() % 2001) as f32 - 1000.0;
                if round % 4 == 3 {
                    x * scale
                } else {
                    (x * scale / 1000.0).round()
                }
            };
            let mut row = || -> Row { std::array::from_fn(|_| draw()) };
            let history = HistoryScores::new(
                std::array::from_fn(|_| row()),
                std::array::from_fn(|_| std::array::from_fn(|_| row())),
            );
            let emit: Vec<Row> = (0..n).map(|_| row()).collect();
            let prev_word: Vec<[Row; NTAGS]> = (0..n).map(|_| std::array::from_fn(|_| row())).collect();
            let lanes: Vec<PrevLanes> = prev_word.iter().map(prev_lanes).collect();
            let (expected, scores) = plain_viterbi(&emit, &prev_word, &history);
            let same_scores = |lattice: &[Step]| {
                (0..n).all(|i| {
                    (0..NTAGS).all(|p1| {
                        (0..NTAGS).all(|t| {
                            let s = if ALLOWED[p1][t] { lattice[i].score[p1][lane(t)] } else { NONE };
                            s.to_bits() == scores[i][p1][t].to_bits()
                        })
                    })
                })
            };
            let emit: Vec<EmitLanes> = emit.iter().map(EmitLanes::new).collect();
            let mut lattice = Vec::new();
            assert_eq!(viterbi(&emit, |i| &lanes[i], &history, &mut lattice), expected, "round {round}");
            assert!(same_scores(&lattice), "round {round}");
            let mut lattice = Vec::new();
            assert_eq!(viterbi_lanes(&emit, |i| &lanes[i], &history, &mut lattice), expected, "round {round}");
            assert!(same_scores(&lattice), "round {round}");
        }
    }

    #[test]
    fn the_last_pair_is_the_first_best_in_tag_order() {
        let mut seed = 7u64;
        for round in 0..500 {
            // Few distinct scores, so that many pairs tie; -inf for some.
            let by_pair: [Row; NTAGS] = std::array::from_fn(|_| {
                std::array::from_fn(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    if round == 0 || seed >> 62 == 0 {
                        NONE
                    } else {
                        (seed >> 60 & 3) as f32
                    }
                })
            });
            let lanes: [Lanes; NTAGS] = std::array::from_fn(|p1| to_lanes(&by_pair[p1], p1, NONE));
            // The loop the Viterbi ran: "if s > best" over p1, then t, of the allowed pairs.
            let (mut expected, mut best) = ((0, 0), NONE);
            for (p1, row) in by_pair.iter().enumerate() {
                for (t, &s) in row.iter().enumerate() {
                    if ALLOWED[p1][t] && s > best {
                        (expected, best) = ((p1, t), s);
                    }
                }
            }
            assert_eq!(last_pair(&lanes), expected, "round {round}");
        }
    }

    #[test]
    fn cached_scores_add_up_to_the_features() {
        let tagger = Tagger::builtin();
        let text = "قال الرئيس الأمريكي جورج بوش في واشنطن إن بوش سيزور بغداد. وأكد بوش أن الأمم المتحدة \
                    ستجتمع في نيويورك. وقال المتحدث باسم البيت الأبيض إن بوش التقى كوفي عنان في نيويورك.";
        let mut memory = Memory::new(tagger.memory);
        let mut cache = WordCache::default();
        let mut remembered = 0;
        for sentence in sentences(text) {
            let words: Vec<&str> = sentence.iter().map(|r| &text[r.clone()]).collect();
            let n = words.len();
            let mut ids = Vec::new();
            cache.sentence(tagger, &words, &mut ids);
            let stems: Vec<u32> = ids.iter().map(|&k| memory.id(cache.words[k].keys.stem)).collect();
            let mut sums = Vec::new();
            let mut pairs = Vec::new();
            stem_pairs(&cache.words, &ids, &mut pairs);
            tagger.emissions(&cache.words, &ids, &pairs, &memory, &stems, &mut sums);
            // The same from the features, as training adds them up.
            let infos: Vec<WordInfo> = words.iter().map(|w| tagger.lexicons.info(w)).collect();
            let keys: Vec<WordKeys> = infos.iter().map(WordKeys::new).collect();
            for i in 0..n {
                let mut features = Vec::new();
                for offset in 0..OFFSETS {
                    match (i + offset).checked_sub(CENTER) {
                        Some(j) if j < n => word_features(&infos[j], offset, &mut features),
                        _ => features.push(boundary_feature(offset)),
                    }
                }
                let left = if i > 0 { keys[i - 1] } else { NO_KEYS };
                let right = if i + 1 < n { keys[i + 1] } else { NO_KEYS };
                let before = features.len();
                observation_features([left, keys[i], right], &memory, &mut features);
                remembered += features.len() - before - 2;
                let mut expected = [0i32; NTAGS];
                for f in features {
                    tagger.weights.add_to(f, &mut expected);
                }
                assert_eq!(sums[i], expected, "{}", words[i]);
                let prev: [Row; NTAGS] = std::array::from_fn(|p1| {
                    let mut row = [0i32; NTAGS];
                    for f in prev_word_features(p1, keys[i]) {
                        tagger.weights.add_to(f, &mut row);
                    }
                    row.map(|w| w as f32)
                });
                assert_eq!(cache.prev(tagger, ids[i]), &prev_lanes(&prev), "{}", words[i]);
            }
            let emit: Vec<EmitLanes> = sums.iter().map(|s| EmitLanes::new(&s.map(|w| w as f32))).collect();
            let tags = viterbi(&emit, |i| cache.prev(tagger, ids[i]), &tagger.history, &mut Vec::new());
            memory.push_ids(&stems, &tags);
        }
        assert!(remembered > 0, "the memory gave no feature");
    }

    #[test]
    fn stem_ids_number_keys_as_a_map_would() {
        let mut ids = StemIds::default();
        let mut map = std::collections::HashMap::new();
        // Keys that share low bits (long probe runs), key 0, and enough to grow several times.
        let keys: Vec<u64> = (0..300u64).map(|k| (k % 97) << 40 | (k % 5)).chain([0, 7, 0]).collect();
        for (round, &key) in keys.iter().enumerate() {
            let next = map.len() as u32;
            let expected = *map.entry(key).or_insert(next);
            assert_eq!(ids.get_or_insert(key, next), expected, "key {key:#x}, round {round}");
        }
        for (&key, &id) in &map {
            assert_eq!(ids.get(key), Some(id));
        }
        assert_eq!(ids.get(12345), None);
        ids.clear();
        assert_eq!((ids.get(7), ids.get(0)), (None, None));
    }

    #[test]
    fn letters_are_the_chars() {
        for s in ["", "a", "ab", "بن", "محمد", "الرئيس", "x١٢é😀y", "😀😀😀😀😀"] {
            let letters = Letters::new(s);
            let chars: Vec<(usize, char)> = s.char_indices().collect();
            assert_eq!(letters.count, chars.len(), "{s}");
            for n in 1..=4 {
                let prefix = (n <= chars.len()).then(|| &s[..chars.get(n).map_or(s.len(), |c| c.0)]);
                let suffix = (n <= chars.len()).then(|| &s[chars[chars.len() - n].0..]);
                assert_eq!((letters.prefix(n), letters.suffix(n)), (prefix, suffix), "{s} {n}");
            }
        }
    }

    #[test]
    fn tails_are_the_zero_padded_bytes() {
        let bytes: Vec<u8> = (1..=8).map(|b| b * 31).collect();
        for n in 0..8 {
            let mut last = [0u8; 8];
            last[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail(&bytes[..n]), u64::from_le_bytes(last), "{n} bytes");
        }
    }

    #[test]
    fn sentences_end_at_full_stops_and_blank_lines() {
        for text in ["قال سمير. ثم\n\nذهب إلى تونس", "قال سمير. ثم\n   \nذهب إلى تونس"]
        {
            let lengths: Vec<usize> = sentences(text).iter().map(Vec::len).collect();
            assert_eq!(lengths, [3, 1, 3], "{text:?}");
        }
    }
}
