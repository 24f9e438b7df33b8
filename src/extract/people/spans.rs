//! Corrections to the spans of names, whoever found them: what press text puts in quotes is
//! not a person, a role noun after a name is not part of it, and a list of lone words joined
//! by و is not a name.

use super::cues::COMMON_ARTICLE_WORD;
use super::{
    bare_has_article, given_names, has_imperfect, has_surname_ending, imperfect_zipf10, letters, place_names,
    text_support, Word, WordClass, COMMON, WORD_FORM_ZIPF10,
};
use crate::lexicon::Lexicon;
use crate::token::TokenKind;
use foldhash::fast::FixedState;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// Longest quoted or bracketed segment, in words, whose names are read as the names of things.
const MAX_QUOTED_WORDS: usize = 5;

/// Marks the words of short quoted or bracketed segments («نور سلطان»، "غولدمان ساكس"،
/// (أولي دالا كيرنداري)): press text quotes the names of cities, parties, companies and
/// works, and brackets translations, but writes the names of people bare. A long quotation
/// (what someone said) is not marked.
pub(super) fn short_quotes(words: &[Word], lexicon: &Lexicon) -> Vec<bool> {
    let mut quoted = vec![false; words.len()];
    let mut i = 0;
    while i < words.len() {
        let Some(close) = closing_mark(words[i].text) else {
            i += 1;
            continue;
        };
        let end = (i + 2 + MAX_QUOTED_WORDS).min(words.len());
        let closed_at = (i + 1..end).find(|&k| words[k].text == close);
        let inside_one_clause = |k: usize| words[i + 1..k].iter().all(|w| !ends_clause(w));
        match closed_at {
            Some(k) if k > i + 1 && inside_one_clause(k) => {
                // A given name and a rare word are a person all the same ("فرانز فيرديناند");
                // a given name and a common word are not («نور سلطان»).
                let person = (given_names().contains(words[i + 1].bare()) && words[k - 1].support(lexicon) < COMMON)
                    || after_title(words, i);
                if !person {
                    quoted[i + 1..k].iter_mut().for_each(|q| *q = true);
                }
                // The closing mark is not the opening of another segment (straight quotes).
                i = k + 1;
            }
            _ => i += 1,
        }
    }
    quoted
}

/// Is the word before `i` a title, or an adjective after one (الشاعر الكبير "أدونيس")? What
/// a title introduces in quotes is a person: a pen name, a nickname.
pub(super) fn after_title(words: &[Word], i: usize) -> bool {
    let is_title = |k: usize| words.get(k).is_some_and(|w| w.class == WordClass::Title);
    let adjective = |k: usize| words.get(k).is_some_and(|w| w.bare().starts_with("ال") && w.class == WordClass::Other);
    i >= 1 && (is_title(i - 1) || (i >= 2 && adjective(i - 1) && is_title(i - 2)))
}

/// Does the word open a quoted or bracketed segment?
pub(super) fn opens_quote(w: &Word) -> bool {
    closing_mark(w.text).is_some()
}

/// Does `close` close the segment that `open` opens?
pub(super) fn closes_quote(open: &Word, close: &Word) -> bool {
    closing_mark(open.text) == Some(close.text)
}

/// The mark that closes a segment opened by `mark`, if it opens one.
fn closing_mark(mark: &str) -> Option<&'static str> {
    match mark {
        "«" => Some("»"),
        "\"" => Some("\""),
        "“" => Some("”"),
        "(" => Some(")"),
        "[" => Some("]"),
        _ => None,
    }
}

/// Punctuation that ends a clause: a segment across it is not one name.
fn ends_clause(w: &Word) -> bool {
    w.token.kind == TokenKind::Punct && matches!(w.text, "." | "!" | "?" | "؟" | "؛" | ";" | ":")
}

/// Is a span made only of quoted words?
pub(super) fn all_quoted(quoted: &[bool], r: &Range<usize>) -> bool {
    quoted[r.clone()].iter().all(|q| *q)
}

/// A span with the title or role nouns at its end taken off (كريم ماسيموف سكرتير مجلس →
/// كريم ماسيموف): a role after a name is an apposition, unless a connector comes before it.
/// A role word inside a name stays (حافظ قائد السبسي).
pub(super) fn without_trailing_roles(words: &[Word], mut r: Range<usize>) -> Range<usize> {
    // After بن or بنت a title is a family name (هالة بن الشيخ، محمد بن الحاج).
    let after_particle = |k: usize| k > r.start && CONNECTORS.contains(&words[k - 1].folded);
    while r.end - r.start > 1
        && matches!(words[r.end - 1].class, WordClass::Title | WordClass::Role)
        && !after_particle(r.end - 1)
    {
        r.end -= 1;
    }
    r
}

/// A span without an indefinite accusative noun at its end (عرض هوغو حضورا كبيرا → هوغو):
/// a word in tanwin alef whose form without the alef is a common word (حضور), unless it is a
/// given name as written (رضا), or the text uses it again and again, as a name (عبد الباسط
/// سيدا … قال سيدا … أعلن سيدا).
pub(super) fn without_trailing_accusative(words: &[Word], mut r: Range<usize>, lexicon: &Lexicon) -> Range<usize> {
    // (After different words each time: a headline repeated in the URL, the title and the
    // text repeats one phrase, "X عقدا", not a name.)
    let recurs = |w: &Word| {
        let mut before: Vec<&str> = (1..words.len())
            .filter(|&k| words[k].folded == w.folded && words[k - 1].token.kind == TokenKind::ArabicWord)
            .map(|k| words[k - 1].folded)
            .collect();
        before.sort_unstable();
        before.dedup();
        before.len() >= NAME_RECURRENCE
    };
    while r.len() > 1 && accusative_noun(&words[r.end - 1], lexicon) && !recurs(&words[r.end - 1]) {
        r.end -= 1;
    }
    r
}

/// A span without a feminine participle or adjective with the article at its end (جوزيه
/// مانويل باروزو المؤرخة: the letter dated…, فهد الوطنية): it agrees with a noun after the
/// name. Family names in ة with the article (العيفة، الفريخة، العطية) are neither.
pub(super) fn without_trailing_feminine_adjective(
    words: &[Word],
    mut r: Range<usize>,
    lexicon: &Lexicon,
) -> Range<usize> {
    while r.len() > 1 && feminine_adjective(&words[r.end - 1], lexicon) {
        r.end -= 1;
    }
    r
}

/// Is the word, written with ة after the article, a participle (الم…ة: المبرمجة، الملقبة،
/// المتحصلة), the feminine of a common nisba (الوطنية, as الوطني is common) or a common
/// noun (السيرة of ناجي جلول السيرة الذاتية، الجريدة)? Family names so written are rare
/// words, or famous ones that the press seldom writes without the article (السنيورة 3.4,
/// سنيورة 2.2; سيرة is as common as السيرة).
pub(super) fn feminine_adjective(w: &Word, lexicon: &Lexicon) -> bool {
    let Some(stem) = w.folded.strip_prefix("ال") else { return false };
    let participle = || stem.starts_with('م') && stem.chars().count() >= 5;
    let nisba =
        || stem.strip_suffix("يه").is_some_and(|s| lexicon.zipf10(&format!("ال{s}ي")) >= COMMON_MASCULINE_NISBA_ZIPF10);
    let common_noun = || {
        let support = w.support(lexicon);
        support >= COMMON_FEMININE_NOUN
            && w.text.strip_prefix("ال").is_some_and(|noun| text_support(noun, lexicon) >= support - INDEFINITE_MARGIN)
    };
    w.token.kind == TokenKind::ArabicWord
        && w.class == WordClass::Other
        && w.text.ends_with('ة')
        && w.bare_from() == 0
        && (participle() || nisba() || common_noun())
}

/// Zipf frequency from which a feminine word with the article is a common noun, not a family
/// name (السيرة 4.2, الجريدة 4.2; العطية 3.1 and rarer names are not).
const COMMON_FEMININE_NOUN: f32 = 3.2;

/// How much rarer (Zipf) a common noun may be without the article than with it (الجمعة 5.1,
/// جمعة 4.5).
const INDEFINITE_MARGIN: f32 = 0.8;

/// Zipf frequency (tenths) from which a masculine nisba is a common adjective (الجبلي 3.4,
/// not العطي 1.3).
const COMMON_MASCULINE_NISBA_ZIPF10: u8 = 30;

/// Different words after which a word in tanwin alef is written in a text from which it is
/// taken for a name.
const NAME_RECURRENCE: usize = 3;

/// Is the word an indefinite accusative noun or adjective (حضورا، كبيرا) rather than a name?
pub(super) fn accusative_noun(w: &Word, lexicon: &Lexicon) -> bool {
    let Some(stem) = w.folded.strip_suffix('ا') else { return false };
    w.token.kind == TokenKind::ArabicWord
        && stem.chars().count() >= 3
        && !stem.ends_with('ا')
        && !given_names().contains(w.folded)
        && lexicon.zipf10(stem) >= ACCUSATIVE_STEM_ZIPF10
        && lexicon.zipf10(stem) > lexicon.zipf10(w.folded)
}

/// Zipf frequency (in tenths) from which the stem of a word in tanwin alef before a name is
/// too common a word to be a given name (صوت، خلف; not بيتر، رام، لوك).
const LEADING_ACCUSATIVE_ZIPF10: u8 = 48;

/// Zipf frequency (in tenths) from which the stem of a word in tanwin alef is a common word.
const ACCUSATIVE_STEM_ZIPF10: u8 = 40;

/// Adjectives written after a title, before the name (الرئيس الأسبق بن علي، الرئيس الراحل
/// ياسر عرفات، الكاتب العام المساعد، الممثلة الشهيرة), folded, in the masculine.
const TITLE_ADJECTIVES: [&str; 13] = [
    "السابق",
    "الاسبق",
    "الحالي",
    "الراحل",
    "الجديد",
    "المؤقت",
    "المخلوع",
    "الفقيد",
    "المنتخب",
    "العام",
    "المساعد",
    "الشهير",
    "الجهوي",
];

/// Is the word an adjective written between a title and the name, in the masculine or the
/// feminine (الناشطة السياسية، الوزيرة السابقة): one of the [`TITLE_ADJECTIVES`], or the
/// nisba of a place (الرئيس التونسي، الكاتب الأمريكي)? Many family names are nisbas too
/// (الرئيس السبسي), so the place must be known, or the adjective a common word, and never a
/// given name (الباجي).
pub(super) fn title_modifier(w: &Word, lexicon: &Lexicon) -> bool {
    let nisba = || {
        nisba_stem(w)
            .or_else(|| nisba_stem_ending(w, "يه"))
            .is_some_and(|stem| of_place(stem) || w.support(lexicon) >= COMMON_NISBA)
    };
    let adjective = |bare: &str| TITLE_ADJECTIVES.contains(&bare);
    w.token.kind == TokenKind::ArabicWord
        && w.class == WordClass::Other
        && (adjective(w.bare())
            || w.bare().strip_suffix('ه').is_some_and(adjective)
            || ORDINALS.contains(&w.folded)
            || nisba())
}

/// Ordinals after a title (الرئيس الأمريكي السادس عشر، البابا الثاني), folded; عشر is the
/// second word of 11th to 19th.
const ORDINALS: [&str; 12] =
    ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر", "الحادي", "عشر"];

/// Is the word the nisba of a known place (التونسي، الأذربيجاني، السوري)?
pub(super) fn place_nisba(w: &Word) -> bool {
    nisba_of(w, of_place)
}

/// Is the word the nisba of a known place or of a town of the world (الرادسي from رادس)?
pub(super) fn town_nisba(w: &Word) -> bool {
    nisba_of(w, |stem| of_place(stem) || super::towns::is_world_town(stem))
}

/// Is the word a nisba with the article (see [`nisba_stem`]) whose stem passes `place`?
fn nisba_of(w: &Word, place: impl Fn(&str) -> bool) -> bool {
    w.token.kind == TokenKind::ArabicWord && w.class == WordClass::Other && nisba_stem(w).is_some_and(place)
}

/// The stem of a nisba with the article (السوري → سور), if the word may be one: no glued
/// clitic, and no given name (الباجي).
fn nisba_stem<'w>(w: &Word<'w>) -> Option<&'w str> {
    nisba_stem_ending(w, "ي")
}

/// [`nisba_stem`] of a nisba written with `ending`: ي, or يه in the feminine (السياسية →
/// سياس). Family names are masculine nisbas: only their stems must be no given name.
fn nisba_stem_ending<'w>(w: &Word<'w>, ending: &str) -> Option<&'w str> {
    let stem = w.folded.strip_prefix("ال")?.strip_suffix(ending)?;
    let masculine = ending == "ي";
    let plausible = w.bare_from() == 0
        && stem.chars().count() >= 3
        && !(masculine && given_names().contains(stem))
        && !given_names().contains(w.folded);
    plausible.then_some(stem)
}

/// Is a nisba stem that of a known place: the place's name with or without the article, or
/// with its ending (سوريا، فرنسا، باجة)?
fn of_place(stem: &str) -> bool {
    place_nisba_stems().contains(stem)
}

/// The nisba stems of the known places, once for all: each one-word place name, without the
/// article, and without the ending ا، يا or ه (السوري from سوريا, الفرنسي from فرنسا).
fn place_nisba_stems() -> &'static HashSet<&'static str, FixedState> {
    static STEMS: OnceLock<HashSet<&'static str, FixedState>> = OnceLock::new();
    STEMS.get_or_init(|| {
        let mut stems = HashSet::default();
        for place in place_names().iter().filter(|p| !p.contains(' ')) {
            stems.insert(*place);
            stems.insert(place.strip_prefix("ال").unwrap_or(place));
            stems.extend(["يا", "ا", "ه"].iter().filter_map(|ending| place.strip_suffix(ending)));
        }
        stems
    })
}

/// A span without the nisba of a known place at its start (والزيمبابوي روزيكي → روزيكي):
/// press text writes a player's or a leader's country before the name, as a title, and no
/// name begins with one. With or without a glued و, in the masculine or the feminine. Not
/// before a family name with the article: some Maghrebi given names are nisbas (البغدادي
/// المحمودي).
pub(super) fn without_leading_place_nisba(words: &[Word], mut r: Range<usize>) -> Range<usize> {
    if words[r.clone()].iter().skip(1).any(|w| w.folded.starts_with("ال")) {
        return r;
    }
    let leading_nisba = |w: &Word| {
        let folded = w.folded.strip_prefix('و').filter(|rest| rest.starts_with("ال")).unwrap_or(w.folded);
        let Some(bare) = folded.strip_prefix("ال") else { return false };
        let stem = bare.strip_suffix('ي').or_else(|| bare.strip_suffix("يه"));
        // (A place's name may end in ي itself: الزيمبابوي of زيمبابوي.)
        let of_place = |stem: &str| stem.chars().count() >= 3 && !given_names().contains(stem) && of_place(stem);
        w.token.kind == TokenKind::ArabicWord
            && w.class == WordClass::Other
            && !given_names().contains(folded)
            && (stem.is_some_and(of_place) || (bare.ends_with('ي') && of_place(bare)))
    };
    while r.len() > 1 && leading_nisba(&words[r.start]) {
        r.start += 1;
    }
    r
}

/// Zipf frequency from which a nisba is a common adjective (الأمريكي 5.2), not a family
/// name (المرزوقي 3.7, السبسي 3.6).
const COMMON_NISBA: f32 = 4.0;

/// A span without the adverbs at its ends (حالياً بن علي يلدريم → بن علي يلدريم): a word with
/// the tanween of the accusative (ـاً، ـً) is an adverb or a complement, never part of a name.
pub(super) fn without_adverbs(words: &[Word], mut r: Range<usize>) -> Range<usize> {
    let adverb = |w: &Word| w.text.ends_with('\u{64B}') || w.text.ends_with("\u{64B}ا");
    while r.len() > 1 && adverb(&words[r.start]) {
        r.start += 1;
    }
    while r.len() > 1 && adverb(&words[r.end - 1]) {
        r.end -= 1;
    }
    r
}

/// Is a span a list of lone words joined by و (أكتوبي وأتيراو، وكيزيلوردا ومانجيستاو), none a
/// given name or shaped like a surname? Such lists name places or things as often as people,
/// and the other mentions of a real name find it again. (Taking every span apart at a glued
/// و loses more names than it saves on ANERcorp.)
pub(super) fn only_coordinated_words(words: &[Word], r: &Range<usize>, lexicon: &Lexicon) -> bool {
    let named = |k: usize| {
        let name = word_after_waw(&words[k]).unwrap_or(words[k].bare());
        given_names().contains(name) || (has_surname_ending(name) && words[k].support(lexicon) < COMMON)
    };
    coordinated_words(words, r) && !r.clone().any(named)
}

/// Is a span lone words joined by و, glued to each after the first?
fn coordinated_words(words: &[Word], r: &Range<usize>) -> bool {
    r.len() > 1 && (r.start + 1..r.end).all(|k| word_after_waw(&words[k]).is_some())
}

/// The word after و, if و is glued to it (the clitic splitter does not know rare names).
fn word_after_waw<'w>(w: &Word<'w>) -> Option<&'w str> {
    let folded = w.folded;
    folded.strip_prefix('و').filter(|rest| rest.chars().count() >= 3 && !given_names().contains(folded))
}

/// Is a span names joined by و, each a person (كاردوسو ورودريغو, which the tagger reads as
/// one name)? Each word after the first is written at least ten times as often without its
/// و as with it (the lexicon's counts): a name that begins with و (إبراهيم واتارا، بول ووكر،
/// أوبرا وينفري) is written as often or more so whole.
pub(super) fn coordinated_names(words: &[Word], r: &Range<usize>, lexicon: &Lexicon) -> bool {
    coordinated_words(words, r)
        && (r.start + 1..r.end).all(|k| {
            let whole = letters(words[k].text);
            let Some(rest) = whole.strip_prefix('و') else { return false };
            lexicon.zipf10(rest) >= lexicon.zipf10(&whole).saturating_add(10)
        })
}

/// Second parts of compound given names (عبد الله، نور الدين، زين العابدين).
pub(super) const COMPOUND_PARTS: [&str; 6] = ["الله", "الدين", "الرحمن", "الرحيم", "الاسلام", "العابدين"];

/// Words that join the parts of one name (محمد بن سالم، أبو بكر).
pub(super) const CONNECTORS: [&str; 5] = ["بن", "ابن", "بنت", "ابو", "ابي"];

/// First parts of compound names, before a word with the article (عبد الفتاح، أبو الحسن).
pub(super) const COMPOUND_HEADS: [&str; 6] = ["عبد", "ابو", "ابي", "ابا", "ام", "ذو"];

/// Is a folded word one that joins a name's parts or heads a compound name (بن، أبو، عبد)?
pub(super) fn is_name_particle(folded: &str) -> bool {
    CONNECTORS.contains(&folded) || COMPOUND_HEADS.contains(&folded)
}

/// A span cut where a new name begins (a list of names with no commas: فتحي العيادي كريم
/// الهاروني عبد المجيد النجار): before a given name that follows a family name with the
/// article (not the second part of a compound name), two words or more into the name; and
/// before a word with و and the article.
pub(super) fn split_listed_names(words: &[Word], r: Range<usize>) -> Vec<Range<usize>> {
    let begins_name = |w: &Word| w.bare_from() == 0 && (w.bare() == "عبد" || given_names().contains(w.bare()));
    // A word with the article ends a name unless it is the second part of a compound (عبد
    // الفتاح، أبو الحسن، نور الدين) or آل (خليفة بن زايد آل نهيان).
    let family_name = |k: usize| {
        let w = words[k].bare();
        w.starts_with("ال")
            && w.chars().count() > 3
            && !COMPOUND_PARTS.contains(&w)
            && !COMPOUND_HEADS.contains(&words[k - 1].bare())
    };
    let mut parts = Vec::new();
    let mut start = r.start;
    // A word before a given name that begins a name of two words or more is not part of it
    // when it is no given name itself (of either list): the end of what a list said before
    // (a club, a nisba: البنزرتي سيف الدين الشرفي، ديجون أيمن محمود).
    let label = |w: &Word| {
        // (A given name with a clitic or the article is no label: للحبيب، الهادي.)
        let given_inside = ["لل", "ال", "ل", "ب", "و"]
            .iter()
            .any(|p| w.folded.strip_prefix(p).is_some_and(|n| given_names().contains(n)));
        w.bare_from() == 0
            && !given_names().contains(w.bare())
            && !crate::extract::tagger::is_name_word(w.bare())
            && !given_inside
            && !CONNECTORS.contains(&w.bare())
            && !COMPOUND_HEADS.contains(&w.bare())
    };
    let name_follows = |next: &Word| begins_name(next) && !CONNECTORS.contains(&next.bare());
    // The label is a nisba (البنزرتي) or begins a list item (: ديجون): not a given name
    // the gazetteer lacks (الرئيس الصيني شي جين بينغ).
    let item_start = r.start > 0 && matches!(words[r.start - 1].text, ":" | "،" | "," | "-" | "–");
    let first = &words[r.start];
    let nisba = first.folded.starts_with("ال");
    if r.len() >= 3 && name_follows(&words[r.start + 1]) && label(first) && (nisba || item_start) {
        start += 1;
    }
    for (k, w) in words.iter().enumerate().take(r.end).skip(r.start + 1) {
        // و glued to a word with the article joins two names (إبراهيم والخالدي): no name
        // has it inside.
        if k > start && w.bare_from() > 0 && w.folded.starts_with("وال") {
            parts.push(start..k);
            start = k;
            continue;
        }
        // A given name with the article after a given name is the second of two given names
        // (محمد الحبيب مقداد, as Maghrebi names are written), not a family name.
        let second_given = k == start + 2
            && given_names().contains(words[start].bare())
            && words[k - 1].bare().strip_prefix("ال").is_some_and(|g| given_names().contains(g));
        if k >= start + 2 && begins_name(w) && family_name(k - 1) && !second_given {
            parts.push(start..k);
            start = k;
        }
    }
    parts.push(start..r.end);
    parts
}

/// Kinship nouns, which come before a name (ابن شقيق الرئيس، زوجة فلان).
const KINSHIP: [&str; 16] = [
    "ابن",
    "بنت",
    "ابنه",
    "نجل",
    "نجله",
    "شقيق",
    "شقيقه",
    "اخ",
    "اخت",
    "زوج",
    "زوجه",
    "والد",
    "والده",
    "عم",
    "خال",
    "حفيد",
];

/// Nouns that tie a name to what belongs to or follows a person (بيت المرزوقي، أنصار الباجي),
/// and the kinship nouns that are never part of a name, folded.
const RELATIONAL: [&str; 16] = [
    "بيت",
    "منزل",
    "انصار",
    "اتباع",
    "مؤيدي",
    "عائله",
    "اسره",
    "نظام",
    "مكتب",
    "خصوم",
    "نجل",
    "نجله",
    "شقيق",
    "شقيقه",
    "زوجه",
    "حفيد",
];

/// Prepositions as written (على with its ى: علي is a name), which the tagger sometimes takes
/// in before a name.
const PREPOSITIONS: [&str; 11] = ["في", "من", "إلى", "الى", "عن", "على", "مع", "خلال", "منذ", "حول", "لدى"];

/// A span without the words the tagger takes in before a name that are not part of it: a
/// preposition (في بن قردان), then a title or lead (للمخرج بن آفليك) and adjectives of a
/// title before the name (الراحل ياسر عرفات), then relational nouns, the head of the phrase
/// whose complement the person is (بيت المرزوقي; ابن and بنت stay: ابن خلدون is a name)
/// and kinship nouns with a possessive (والده، زوجته), then common nouns with the article
/// (بطل الفيلم بن آفليك), which no name begins with unless they are given names (الحبيب،
/// الهادي).
pub(super) fn without_leading_non_names(words: &[Word], r: Range<usize>, lexicon: &Lexicon) -> Range<usize> {
    let without = |mut r: Range<usize>, leading: &dyn Fn(&Word) -> bool| {
        while r.len() > 1 && leading(&words[r.start]) {
            r.start += 1;
        }
        r
    };
    let r = without(r, &|w| PREPOSITIONS.contains(&w.text));
    // (Not a title with ب or و glued: بالحاج is a family name.)
    let cue = |w: &Word| {
        matches!(w.class, WordClass::Title | WordClass::Lead) && (w.bare_from() == 0 || w.folded.starts_with("لل"))
    };
    let r = without(r, &|w| cue(w) || TITLE_ADJECTIVES.contains(&w.bare()));
    // A kinship noun with a possessive is never part of a name either (والده جو → جو).
    let r = without(r, &|w| (w.bare_from() == 0 && RELATIONAL.contains(&w.bare())) || super::cues::relative_noun(w));
    // An accusative noun or adverb the tagger took in (خلفا لـ X، 77 صوتا X); very common
    // only, and no given name with alef (لوكا، بيترا، إبراهيما) unless a word with ل glued
    // to it follows (خلفا لحسين: خلف is a given name too, but not before لـ).
    let leading_accusative = |k: usize| {
        let w = &words[k];
        // (ل before the article is always glued: للإبراهيمي.)
        let before_li = || {
            words
                .get(k + 1)
                .is_some_and(|n| n.folded.starts_with("لل") || (n.folded.starts_with('ل') && n.bare_from() > 0))
        };
        accusative_noun(w, lexicon)
            && w.folded.strip_suffix('ا').is_some_and(|stem| {
                lexicon.zipf10(stem) >= LEADING_ACCUSATIVE_ZIPF10 && (!given_names().contains(stem) || before_li())
            })
    };
    let mut r = r;
    while r.len() > 1 && leading_accusative(r.start) {
        r.start += 1;
    }
    // A common word with the article before a family name with the article may be a given
    // name the gazetteer lacks (العربي الحناشي، الطيب البكوش): it stays.
    while r.len() > 1 && common_article_noun(&words[r.start], lexicon) && !words[r.start + 1].folded.starts_with("ال")
    {
        r.start += 1;
    }
    r
}

/// Is the word a common noun or adjective with the article (الفيلم، الحكومة), which no
/// name begins with: no given name (الحبيب) nor second part of a compound (الدين)?
fn common_article_noun(w: &Word, lexicon: &Lexicon) -> bool {
    w.folded.starts_with("ال")
        && !given_names().contains(w.folded)
        && !given_names().contains(&w.folded["ال".len()..])
        && !COMPOUND_PARTS.contains(&w.folded)
        && w.support(lexicon) >= COMMON_ARTICLE_WORD
}

/// A span without a verb or a particle the tagger took in at its start (روّج توكاييف، إن بن
/// نصر; see [`verb_or_particle`]), nor the أم of a radio's FM (الجوهرة أف أم ماهر الصغير), nor
/// أول without the article at its end (نزارباييف أول رئيس: the first president).
pub(super) fn without_verbs_and_particles(
    words: &[Word],
    mut r: Range<usize>,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) -> Range<usize> {
    let radio = |k: usize| k > 0 && words[k].folded == "ام" && words[k - 1].folded == "اف";
    while r.len() > 1 && (verb_or_particle(&words[r.start], lexicon, stop) || radio(r.start)) {
        r.start += 1;
    }
    while r.len() > 1 && words[r.end - 1].folded == "اول" {
        r.end -= 1;
    }
    r
}

/// Is the word a verb or a particle, which no name begins with: no title, role or place word,
/// without the article, in neither list of names, and a stopword or a verb with a frequent
/// imperfect?
fn verb_or_particle(w: &Word, lexicon: &Lexicon, stop: &HashSet<String>) -> bool {
    let listed = crate::extract::tagger::is_name_word(w.folded);
    // A stopword, unless it begins names too (أبو، أم، لو دريان، دي ميستورا) or is a name
    // written with ة that folds to a pronoun (علية is not عليه). One written with its hamza
    // as a particle is, even if a name folds to it (فإن بلاتر; the name is فان ديزل).
    let heads_names = CONNECTORS.contains(&w.folded) || COMPOUND_HEADS.contains(&w.folded);
    let hamza_particle = || {
        w.bare_from() == 0 && !heads_names && w.text.contains(['أ', 'إ']) && super::written_stopwords().contains(w.text)
    };
    let particle = || {
        w.bare_from() == 0
            && !listed
            && w.is_stopword(stop)
            && !w.text.ends_with('ة')
            && !heads_names
            && !NAME_PARTICLES.contains(&w.folded)
    };
    // A verb with و glued on (وروّج توكاييف), whether the clitic splitter sees it or not (it
    // reads the word as written, shadda and all); a name of the list is then a verb as well
    // (روج), but not a name more frequent as written than the verb (وجدي, not يجدي).
    let glued_verb = |rest: &str| {
        let imperfect = imperfect_zipf10(rest, lexicon);
        !given_names().contains(rest) && imperfect >= WORD_FORM_ZIPF10 && lexicon.zipf10(w.folded) < imperfect
    };
    let verb = || {
        if w.bare_from() > 0 {
            glued_verb(w.bare())
        } else if w.folded.starts_with('و') && w.after_clitic_letter().is_some() {
            w.after_clitic_letter().is_some_and(glued_verb)
        } else {
            !listed && has_imperfect(w.folded, lexicon)
        }
    };
    let plain = w.token.kind == TokenKind::ArabicWord && w.class == WordClass::Other && !bare_has_article(w);
    let named = given_names().contains(w.bare()) || given_names().contains(w.folded);
    plain && ((!named && (particle() || verb())) || hamza_particle())
}

/// Particles of foreign names that are Arabic stopwords too (لو دريان، دي ميستورا، فان دايك،
/// لا فونتين), folded.
const NAME_PARTICLES: [&str; 8] = ["لو", "لا", "دي", "دو", "دا", "فان", "فون", "دل"];

/// Is a span made only of kinship nouns (ابن شقيق)? It is then not a name.
pub(super) fn only_kinship(words: &[Word], r: &Range<usize>) -> bool {
    words[r.clone()].iter().all(|w| KINSHIP.contains(&w.bare()))
}
