//! Names found by what press text writes around them, without a title: the author of a work
//! whose title is quoted («رواية "سفر القلب" لأمينة زريق»), and a person whose age is given
//! (مارك لور البالغ من العمر 45 عاماً), a goal scorer after the minute of the goal
//! (51' علي العابدي), a relative named after the kinship noun (زوجته ملكة أبيض), and the
//! speaker a headline quotes (خميس قسيلة : …), and the name before a name found joined to
//! it by و (المنصف الوهايبي وعبد المجيد الشرفي), and the names of a listing of names and
//! what each is (حمدي القصراوي : النادي البنزرتي سيف الدين الشرفي : …).

use super::{
    article_family_word, article_given_name, continues_name, foreign_given_name, frequent_given_names, given_names,
    has_article, is_given_name, name_like, name_run, overlaps, place_names, plain_word, role_complement_end, spans,
    text_support, towns, Found, Word, WordClass, COMMON, COMMON_IN_NAME, FOREIGN_PARTICLES, HEADS_OF, MAX_NAME_WORDS,
    RARE, RARE_FAMILY_NAME,
};
use crate::lexicon::Lexicon;
use crate::token::TokenKind;
use foldhash::fast::FixedState;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// Marks that close a quoted title.
const CLOSING_QUOTES: [&str; 3] = ["»", "\"", "”"];

/// Does the mark at `q` close a quoted title? A straight quote opens as often as it closes:
/// it closes one only if another opened it a few words before (فيلم " لينكولن " is a title,
/// not the work of ينكولن).
fn closes_title(words: &[Word], q: usize) -> bool {
    let mark = words[q].text;
    if mark != "\"" {
        return CLOSING_QUOTES.contains(&mark);
    }
    words[q.saturating_sub(MAX_TITLE_WORDS + 1)..q].iter().any(|w| w.text == mark)
}

/// Most words of a quoted title an author follows.
const MAX_TITLE_WORDS: usize = 6;

/// A name with ل (by) glued to it right after a quoted title is its author: "جهاد ناعم"
/// لمحمد عيسى المؤدب. The name is two words or more that a name may be made of; a common
/// word after the quote (»لتحقيق، »للمطالبة، "…" لكسب ميزة) is a preposition's object,
/// not an author: the first word must be a known given name or a rare word.
pub(super) fn add_authors(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    for i in 1..words.len() {
        let w = &words[i];
        let Some(first) = w.text.strip_prefix('ل') else { continue };
        let by_author = closes_title(words, i - 1)
            && !first.starts_with('ل')
            && first.chars().count() >= 3
            && !w.folded.strip_prefix('ل').is_some_and(|rest| stop.contains(rest));
        if !by_author {
            continue;
        }
        let first_support = text_support(first, lexicon);
        let given = w.folded.strip_prefix('ل').is_some_and(|rest| given_names().contains(rest));
        // A common word as written is no ل + name, though its rest is rare (لديها، لكنها) or
        // a name (لدينا); a name with ل is common too (لمحمد 4.1).
        let common_as_written = if given { COMMON_IN_NAME } else { COMMON };
        if text_support(w.text, lexicon) >= common_as_written {
            continue;
        }
        let known_first = first_support < COMMON || given;
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
/// three words that continue a name, the last a rare word, the first a known given name or,
/// after a word that continues no name (a verb, a preposition), no common word. The role
/// after the comma is its role.
pub(super) fn add_names_before_roles(
    words: &[Word],
    found: &mut Vec<Found>,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) {
    for c in 2..words.len().saturating_sub(1) {
        // The name ends at `c`; the role follows the comma there, or, without one, is the
        // word at `c`: then only a head of something (شهاب الحافي رئيس دائرة الصيد) after a
        // name that opens with a known given name, and the name may end with a word (الحافي).
        let comma = matches!(words[c].text, "،" | ",");
        let at = if comma { c + 1 } else { c };
        let role = &words[at];
        // (Not a head with a preposition glued to it: نائبا لرئيس المنظمة.)
        let head_of = !comma
            && role.class == WordClass::Role
            && role.bare_from() == 0
            && HEADS_OF.contains(&role.folded)
            && !spans::is_name_particle(words[c.saturating_sub(2)].folded);
        if !(comma || head_of) || !matches!(role.class, WordClass::Role | WordClass::Title) {
            continue;
        }
        let plain = |w: &Word| w.bare_from() == 0 && continues_name(w, lexicon, stop);
        let last = &words[c - 1];
        if !(plain(last) && (head_of || last.support(lexicon) < RARE_FAMILY_NAME)) {
            continue;
        }
        // A known given name opens the name, whatever the word before it (تعيين نجيب
        // القطاري، تسمية الهادي القديري); else a word that is no common one, after a word
        // that continues no name.
        let given = |w: &Word| given_names().contains(w.bare()) || article_given_name(w);
        let starts = || (c.saturating_sub(3)..c - 1).filter(|&s| words[s..c].iter().all(plain));
        let start = starts().find(|&s| given(&words[s])).or_else(|| {
            if head_of {
                return None;
            }
            starts().find(|&s| {
                let first = &words[s];
                !has_article(first)
                    && first.support(lexicon) < COMMON_IN_NAME
                    && (s == 0 || !continues_name(&words[s - 1], lexicon, stop))
            })
        });
        let Some(s) = start else { continue };
        if overlaps(found, &(s..c)) {
            continue;
        }
        let role_end =
            if role.class == WordClass::Role { role_complement_end(words, at, lexicon, stop) } else { at + 1 };
        let role_text = words[at..role_end].iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
        found.push((s..c, Some(role_text)));
    }
}

/// Does word `i` open the age of the person named before it (البالغ من العمر 19 عاما)? It
/// ends the name: البالغ is no family name.
pub(super) fn opens_age(words: &[Word], i: usize) -> bool {
    words.get(i).is_some_and(|w| matches!(w.folded, "البالغ" | "البالغه"))
        && words.get(i + 1).is_some_and(|w| w.folded == "من")
        && words.get(i + 2).is_some_and(|w| w.folded == "العمر")
}

/// A name before البالغ من العمر (aged): the words before it that continue a name, from a
/// name-like word, two at least.
pub(super) fn add_aged_names(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    for i in 1..words.len().saturating_sub(2) {
        if !opens_age(words, i) {
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

/// A name that opens a sentence or headline right before a colon is the speaker of what
/// follows (خميس قسيلة : حافظ قائد السبسي أضر بالحزب): press headlines quote so. It must
/// open with a known given name and have two or three words. (An event named after a person,
/// رولان غاروس : أنس جابر …, is dropped with its other mentions when the text writes it after
/// an organization word too: لبطولة رولان غاروس.)
pub(super) fn add_speakers_before_colons(
    words: &[Word],
    found: &mut Vec<Found>,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) {
    let opens_sentence = |s: usize| s == 0 || matches!(words[s - 1].text, "." | "!" | "?" | "؟" | "\"" | "«");
    let family = |w: &Word| continues_name(w, lexicon, stop) || article_family_word(w, lexicon, stop);
    for i in (2..words.len()).filter(|&i| words[i].text == ":") {
        let speaker = (2..=3).rev().filter_map(|len| i.checked_sub(len)).find(|&s| {
            opens_sentence(s) && is_given_name(&words[s], lexicon, stop) && words[s + 1..i].iter().all(family)
        });
        if let Some(s) = speaker.filter(|&s| !overlaps(found, &(s..i))) {
            found.push((s..i, None));
        }
    }
}

/// The words of a name that opens with a known given name at `start`: its [`name_run`], or
/// the given name and a family name with the article that is a word too (شفيق الجراية:
/// a stipend), which the cue before it vouches for.
fn name_run_with_family(words: &[Word], start: usize, lexicon: &Lexicon, stop: &HashSet<String>) -> usize {
    match name_run(words, start, lexicon, stop) {
        1 if words.get(start + 1).is_some_and(|w| article_family_word(w, lexicon, stop)) => 2,
        run => run,
    }
}

/// A name without the apposition that follows it: a role (سعيدة حقي | رئيسة نقابة) or a
/// kinship noun (مباركة عواينية | أرملة الشهيد، نسيم السلطاني | ابن عم الشهيد), which a
/// name's run may take for words of the name.
fn before_apposition(words: &[Word], r: Range<usize>) -> Range<usize> {
    let kin_after = |k: usize| {
        let w = &words[k];
        matches!(w.bare(), "ارمله" | "زوجه" | "شقيق" | "شقيقه" | "نجل" | "كريمه")
            || (matches!(w.bare(), "ابن" | "بنت")
                && words.get(k + 1).is_some_and(|n| matches!(n.bare(), "عم" | "خال" | "اخ" | "اخت") || has_article(n)))
    };
    let cut =
        (r.start + 1..r.end).find(|&k| matches!(words[k].class, WordClass::Title | WordClass::Role) || kin_after(k));
    r.start..cut.unwrap_or(r.end)
}

/// A name right after a verb of saying or meeting (أفاد سفيان طوبال، أكد منصف النعيمي أن،
/// استقبل …): the verb's subject or object. It must open with a known given name and have
/// two words or more (not أكدت سلامة المواطنين: safety).
pub(super) fn add_names_after_saying_verbs(
    words: &[Word],
    found: &mut Vec<Found>,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) {
    for i in 0..words.len().saturating_sub(2) {
        let verb = &words[i];
        if verb.token.kind != TokenKind::ArabicWord || !crate::extract::tagger::is_saying_verb(verb.bare()) {
            continue;
        }
        if !is_given_name(&words[i + 1], lexicon, stop) {
            continue;
        }
        let run = name_run_with_family(words, i + 1, lexicon, stop);
        let r = before_apposition(words, i + 1..i + 1 + run);
        // A given name right after it: what was read as a name is a role (شيخ الأزهر أحمد
        // الطيب).
        let role_before_name = words.get(r.end).is_some_and(|w| is_given_name(w, lexicon, stop));
        if r.len() >= 2 && !role_before_name && !overlaps(found, &r) {
            found.push((r, None));
        }
    }
}

/// A name written in quotes after a title, a role or a verb of saying, as press text quotes
/// foreign names (وزير الداخلية الفرنسي "جيرار كولومب"، وقال "رينارد جريندل"): two or three
/// words, a known given name (Arabic or foreign) and a rare word, the rest name-like, without
/// the article, a particle or a place (the quoted names of works, papers and towns have
/// them). Without such a cue, quotes hold as many names of companies and places as of people
/// ("فيتش رايتينغ"، "مار أيه لاغو").
pub(super) fn add_quoted_names(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    for i in 0..words.len().saturating_sub(3) {
        if !spans::opens_quote(&words[i]) {
            continue;
        }
        let Some(close) = (i + 3..(i + 5).min(words.len())).find(|&k| spans::closes_quote(&words[i], &words[k])) else {
            continue;
        };
        let r = i + 1..close;
        let first = &words[r.start];
        // A title, role or verb of saying before the quote, or before one or two adjectives
        // after it (وزير الداخلية الفرنسي "…"، المهاجم الياباني المخضرم "…"، وقال "…").
        let cue = |k: usize| {
            let w = &words[k];
            matches!(w.class, WordClass::Title | WordClass::Role) || crate::extract::tagger::is_saying_verb(w.bare())
        };
        let adjective = |k: usize| has_article(&words[k]) && words[k].class == WordClass::Other;
        let cued = (1..=3).filter(|&back| back <= i).any(|back| cue(i - back) && (i - back + 1..i).all(adjective));
        let given = (given_names().contains(first.folded) && !first.is_stopword(stop))
            || foreign_given_name(first, lexicon, stop);
        // No article, particle or place in it: the names of works, towns and papers have them
        // (زهرة القندول، ابن منظور، دي فيلت، سان بيير).
        let particle = |w: &Word| {
            spans::CONNECTORS.contains(&w.folded)
                || FOREIGN_PARTICLES.contains(&w.folded)
                || matches!(w.folded, "ام" | "سان")
        };
        let plain = |w: &Word| !has_article(w) && !particle(w) && !place_names().contains(w.folded);
        let person = first.bare_from() == 0
            && given
            && words[r.clone()].iter().all(plain)
            && words[r.start + 1..r.end].iter().all(|w| continues_name(w, lexicon, stop))
            && words[r.end - 1].support(lexicon) < COMMON;
        if person && cued && !overlaps(found, &r) {
            found.push((r, None));
        }
    }
}

/// A name after رجل الأعمال or سيدة الأعمال (businessman, businesswoman): an occupation of
/// two words, whose name must open with a known given name and have two words or more, as
/// after the other occupations (رجل الأعمال عكرمة الوذان).
pub(super) fn add_businesspeople(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    for i in 0..words.len().saturating_sub(3) {
        let business = matches!(words[i].bare(), "رجل" | "سيده") && words[i + 1].folded == "الاعمال";
        if !business {
            continue;
        }
        // One adjective may come between (رجل الأعمال الموقوف شفيق الجراية).
        let adjective = has_article(&words[i + 2]) && words[i + 2].class == WordClass::Other;
        let start = if adjective { i + 3 } else { i + 2 };
        if !words.get(start).is_some_and(|w| is_given_name(w, lexicon, stop)) {
            continue;
        }
        let run = name_run_with_family(words, start, lexicon, stop);
        let r = start..start + run;
        if run >= 2 && !overlaps(found, &r) {
            // Without a preposition glued to it (لرجل الأعمال).
            let noun = words[i].text.get(words[i].bare_from()..).unwrap_or(words[i].text);
            let role = format!("{noun} {}", words[i + 1].text);
            found.push((r, Some(role)));
        }
    }
}

/// Bytes of the ل (by) glued to the first word of an author's name ([`add_authors`]).
pub(super) fn author_preposition(words: &[Word], i: usize) -> usize {
    let after_quote = i > 0 && closes_title(words, i - 1);
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

/// Most words in the bracket after a name of a list (its party or club: (نداء تونس)).
const MAX_BRACKETED_WORDS: usize = 4;

/// A name joined by و right after a name found (ومكرم بن رمضان وعمر الموحلي ومهدي السايح: a
/// list of players): a known given name with و glued to it, then a word that continues a
/// name and is rare or a given name, is the next name of the list. Each name added may be
/// followed by another. A bracket after a name (its party: أنس الحطاب (نداء تونس) وبسمة
/// الجبالي) does not end the list; and a name bracketed as the one before it was (حافظ
/// الزواري (آفاق تونس) وهيكل بلقاسم (الجبهة الشعبية)) needs no known given name: the list's
/// shape says what it is.
pub(super) fn add_listed_names(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    let glued_waw = |w: &Word| {
        w.token.kind == TokenKind::ArabicWord
            && w.folded.starts_with('و')
            && !w.is_stopword(stop)
            && !w.text.strip_prefix('و').is_some_and(|rest| super::written_stopwords().contains(rest))
    };
    let family_word = |w: &Word| {
        w.bare_from() == 0
            && continues_name(w, lexicon, stop)
            && (given_names().contains(w.bare()) || w.support(lexicon) < RARE_FAMILY_NAME)
    };
    // The name of the list that begins at word `i`, if one does; `bracketed` when the name
    // before it had a bracket after it.
    let listed_at = |i: usize, bracketed: bool| -> Option<std::ops::Range<usize>> {
        let (first, next) = (words.get(i)?, words.get(i + 1)?);
        if !glued_waw(first) {
            return None;
        }
        if first.bare_from() > 0 && given_names().contains(first.bare()) && family_word(next) {
            // (The name ends before the و of the next one.)
            let run = 1 + words[i + 1..]
                .iter()
                .take(MAX_NAME_WORDS - 1)
                .take_while(|w| w.bare_from() == 0 && continues_name(w, lexicon, stop))
                .count();
            return Some(i..i + run);
        }
        // Two or three words before a bracket of their own, the last a family name.
        let bracket = (i + 2..=i + 3).find(|&k| words.get(k).is_some_and(|b| b.text == "("))?;
        let inner = &words[i + 1..bracket];
        let parallel = bracketed
            && first.class == WordClass::Other
            && first.text.chars().count() >= 4
            && inner.iter().all(|w| w.bare_from() == 0 && continues_name(w, lexicon, stop))
            && inner.last().is_some_and(family_word);
        parallel.then_some(i..bracket)
    };
    // Where the list goes on after a name that ends at `end`, and whether past a bracket.
    let next_item = |end: usize| -> (usize, bool) {
        let closing = words
            .get(end)
            .filter(|b| b.text == "(")
            .and_then(|_| (end + 2..(end + 2 + MAX_BRACKETED_WORDS).min(words.len())).find(|&k| words[k].text == ")"));
        match closing {
            Some(close) if words[end + 1..close].iter().all(|w| w.token.kind == TokenKind::ArabicWord) => {
                (close + 1, true)
            }
            _ => (end, false),
        }
    };
    let mut ends: Vec<usize> = found.iter().map(|(r, _)| r.end).collect();
    ends.sort_unstable();
    for end in ends {
        let (mut at, mut bracketed) = next_item(end);
        while let Some(r) = listed_at(at, bracketed) {
            // In a bracketed list, a name found inside it (بلقاسم of وهيكل بلقاسم) gives way to
            // it whole. (Elsewhere it stands: جد أدونيس وأبو ميثارمي, the father of Metharme.)
            let inside = |f: &std::ops::Range<usize>| bracketed && f.start > r.start && f.end <= r.end;
            if found.iter().any(|(f, _)| f.start < r.end && r.start < f.end && !inside(f)) {
                break;
            }
            found.retain(|(f, _)| !inside(f));
            (at, bracketed) = next_item(r.end);
            found.push((r, None));
        }
    }
}

/// The name right before a name found that begins with the conjunction و (من بينهم المنصف
/// الوهايبي وعبد المجيد الشرفي): the first of a list of two. It has two or three words, the
/// first a known given name (with the article too: المنصف), the others words that continue
/// a name, the last a rare word or a given name (a family name), and no cue before it.
pub(super) fn add_names_before_listed(
    words: &[Word],
    found: &mut Vec<Found>,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) {
    let listed_starts: Vec<usize> =
        found.iter().map(|(r, _)| r.start).filter(|&s| starts_with_conjunction(&words[s])).collect();
    let name_before = |s: usize| {
        (2..=3).rev().filter_map(|len| s.checked_sub(len).map(|b| b..s)).find(|r| {
            let (first, last) = (&words[r.start], &words[r.end - 1]);
            let opens = first.bare_from() == 0
                && (is_given_name(first, lexicon, stop) || article_given_name(first))
                && first.class == WordClass::Other;
            opens
                && words[r.start + 1..r.end].iter().all(|w| w.bare_from() == 0 && continues_name(w, lexicon, stop))
                && (given_names().contains(last.bare()) || last.support(lexicon) < RARE_FAMILY_NAME)
        })
    };
    for s in listed_starts {
        if let Some(r) = name_before(s).filter(|r| !overlaps(found, r)) {
            found.push((r, None));
        }
    }
}

/// Does the word begin with a و glued to it as the conjunction (وعبد، ومحمد)?
fn starts_with_conjunction(w: &Word) -> bool {
    w.bare_from() > 0 && w.folded.starts_with('و')
}

/// Fewest colons of a listing of names and what each is (حمدي القصراوي : النادي البنزرتي
/// سيف الدين الشرفي : الاتحاد الرياضي ببن قردان علي القلعي : …), so that a headline's colon
/// is none.
const MIN_LISTING_COLONS: usize = 4;
/// Most words between two colons of a listing: a name's value, then the next name.
const MAX_LISTING_ITEM: usize = 8;

/// The names of a listing `NAME : VALUE NAME : VALUE …` (a squad and the players' clubs, a
/// bureau and its members' posts): between two colons, the value of one name then the next
/// name, which begins at the first known given name of its last words and goes on to the
/// colon (see [`listed_name`]). The names the tagger or a rule found across the
/// boundary (ألمستقبل الرياضي بالمرسى ايمن) give way to them.
pub(super) fn add_listing_names(words: &[Word], found: &mut Vec<Found>, stop: &HashSet<String>) {
    let colons: Vec<usize> = (0..words.len()).filter(|&k| words[k].text == ":").collect();
    // An item is plain words only: no digit, quote or sentence mark (a table of figures, a
    // list of headlines), and no و alone (a list of names before a colon: حراس المرمى : X و Y
    // جناح أيسر).
    let item = |a: usize, b: usize| {
        b > a + 1
            && b - a - 1 <= MAX_LISTING_ITEM
            && words[a + 1..b].iter().all(|w| w.token.kind == TokenKind::ArabicWord && w.text != "و")
    };
    let mut k = 0;
    while k < colons.len() {
        // The longest run of colons from `k` whose items are plain.
        let mut end = k;
        while end + 1 < colons.len() && item(colons[end], colons[end + 1]) {
            end += 1;
        }
        if end + 1 - k >= MIN_LISTING_COLONS {
            for pair in k..end {
                let (a, b) = (colons[pair], colons[pair + 1]);
                if let Some(name) = listed_name(words, a + 2, b, stop) {
                    found.retain(|(f, _)| !(f.start < b && a < f.end));
                    found.push((name, None));
                }
            }
        }
        k = end + 1;
    }
}

/// The name that ends at `end` (a colon) and begins at a known given name from `from` on: two
/// to four words, none a stopword, title, role or place word, with no wide gap between them.
/// (A listing's words are read whole: بالعيد، وائل and بسام are names, not ب or و with a
/// word.) A compound's second part opens no name: the
/// word before it does (نجم الدين دغفوس).
fn listed_name(words: &[Word], from: usize, end: usize, stop: &HashSet<String>) -> Option<std::ops::Range<usize>> {
    let from = from.max(end.saturating_sub(MAX_NAME_WORDS));
    let compound_part = |w: &Word| spans::COMPOUND_PARTS.contains(&w.folded);
    // The colon ends the name: its words need only be no stopword, title, role or place word
    // (العربي، يكن are family names here).
    let in_name = |w: &Word| w.class == WordClass::Other && !w.is_stopword(stop);
    // (A wide gap ends an item's parts: حكم إضافي ثان : أسامة بن إسحاق  حكم مساعد أول :.)
    let gap = |k: usize| words[k].token.start > words[k - 1].token.end + 1;
    let start = (from..end.saturating_sub(1)).find(|&s| {
        let first = &words[s];
        // (علي is a stopword too, as على written loosely; not in a listing.)
        let stopword =
            first.is_stopword(stop) && (first.text.ends_with('ى') || !frequent_given_names().contains(first.folded));
        (given_names().contains(first.folded) || article_given_name(first))
            && !stopword
            && words[s + 1..end].iter().all(in_name)
            && !(s + 1..end).any(gap)
    })?;
    let start = if compound_part(&words[start]) && start > from { start - 1 } else { start };
    Some(start..end)
}

/// The names after the slashes of a listing (referees after their match: الملعب التونسي /
/// علي حاجي، جمعية أريانة - هلال مساكن / سعيد الكردي): a known given name right after a
/// slash opens a name of two or three words, when the text has [`MIN_SLASH_LIST`] such
/// slashes at least, so that a lone slash (و/أو، 2017/02/17) is no list.
pub(super) fn add_names_after_slashes(
    words: &[Word],
    found: &mut Vec<Found>,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) {
    let starts: Vec<usize> =
        (1..words.len()).filter(|&k| words[k - 1].text == "/" && is_given_name(&words[k], lexicon, stop)).collect();
    if starts.len() < MIN_SLASH_LIST {
        return;
    }
    for k in starts {
        // The items are set apart by blanks as often as by punctuation: a wide gap ends a
        // name, and so does a common word after its first two (the next club: قوافل، سكك).
        let mut run = continued_run(words, k, MAX_LISTED_WORDS, lexicon, stop);
        run = (1..run).find(|&n| words[k + n].token.start - words[k + n - 1].token.end > 1).unwrap_or(run);
        run = run_without_common_end(words, k, run, 2, lexicon) - k;
        if run >= 2 && !overlaps(found, &(k..k + run)) {
            found.push((k..k + run, None));
        }
    }
}

/// Slashes before given names that make a text a listing.
const MIN_SLASH_LIST: usize = 3;

/// Longest name after a slash: the next item of the listing follows with no comma.
const MAX_LISTED_WORDS: usize = 3;

/// Number of words of a name that opens with `words[start]`: that word and the ones after it
/// that continue a name, `max` at most.
fn continued_run(words: &[Word], start: usize, max: usize, lexicon: &Lexicon, stop: &HashSet<String>) -> usize {
    let mut run = 1;
    while start + run < words.len() && run < max && continues_name(&words[start + run], lexicon, stop) {
        run += 1;
    }
    run
}

/// A compound given name and a rare word after it (فتح الله أرسلان، نجم الدين دغفوس): the
/// shape of a name whoever writes it. The first part must be a given name or عبد, so that
/// حزب الله and رحمه الله are none; the word after must be rare or a given name.
pub(super) fn add_compound_names(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    for i in 0..words.len().saturating_sub(2) {
        let head = &words[i];
        // The rare second part first: it rules out almost every word.
        let compound = spans::COMPOUND_PARTS.contains(&words[i + 1].folded)
            && head.token.kind == TokenKind::ArabicWord
            && head.bare_from() == 0
            && head.class == WordClass::Other
            && !head.is_stopword(stop)
            && (head.bare() == "عبد" || given_names().contains(head.bare()));
        if !compound {
            continue;
        }
        let next = &words[i + 2];
        let family = next.bare_from() == 0
            && continues_name(next, lexicon, stop)
            && (given_names().contains(next.bare()) || next.support(lexicon) < RARE_FAMILY_NAME);
        if !family {
            continue;
        }
        let run = 2 + continued_run(words, i + 2, MAX_NAME_WORDS - 2, lexicon, stop);
        let r = i..run_without_common_end(words, i, run, 3, lexicon);
        if !overlaps(found, &r) {
            found.push((r, None));
        }
    }
}

/// A name of two words or more after the nisba of a known place, which press text writes
/// as a title (اللاعب الإيطالي جيانلوكا زامبروتا، فاز الأذربيجاني عين الله فتح اليف): its
/// first word a given name (of the given names or the name list) or a rare word. The nisba is
/// its role.
pub(super) fn add_names_after_nisbas(
    words: &[Word],
    found: &mut Vec<Found>,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
) {
    for i in 0..words.len().saturating_sub(2) {
        // A nisba after a noun with the article describes the noun (النادي البنزرتي ينتدب).
        let after_noun = i > 0 && has_article(&words[i - 1]);
        if !spans::place_nisba(&words[i]) {
            continue;
        }
        let start = i + 1;
        let first = &words[start];
        // (Not after a place word: العاصمة الإيفوارية أبيدجان.)
        let after_place = i > 0 && words[i - 1].class == WordClass::Place;
        if after_noun && (after_place || !given_name_after_described_noun(first, lexicon, stop)) {
            continue;
        }
        if !may_open_name(first, stop) {
            continue;
        }
        // Or a rare last word, a foreign surname, when the nisba stands alone for a man (وانتخاب
        // السويسري جاني انفانتينو): a feminine one is mostly a company's (الأمريكية جنرال موتورز).
        // The first word may then be a common word, though not a very common one (أستاذ مبرز،
        // بطل أقويانوسيا are nouns).
        let masculine_alone =
            !after_noun && !words[i].folded.ends_with('ه') && first.support(lexicon) < COMMON_FIRST_WORD;
        let run = match name_run(words, start, lexicon, stop) {
            0 | 1 if masculine_alone && start + 1 < words.len() => 1 + name_run(words, start + 1, lexicon, stop),
            run => run,
        };
        if run < 2 {
            continue;
        }
        let r = start..run_without_common_end(words, start, run, 2, lexicon);
        let rare_surname =
            |w: &Word| plain_word(w) && !has_article(w) && w.support(lexicon) < RARE && !towns::is_world_town(w.folded);
        // A rare word with a clitic letter first may be a preposition's object (بإحتراز).
        // So may a verb the lexicon lacks (سيمثلان).
        let rare_plain = || {
            first.support(lexicon) < RARE
                && !first.folded.starts_with(['و', 'ب', 'ل', 'ف', 'ك', 'ي'])
                && !first.folded.starts_with("سي")
        };
        let opens_with_name =
            || given_names().contains(first.folded) || rare_plain() || foreign_given_name(first, lexicon, stop);
        if !(opens_with_name() || (masculine_alone && r.len() >= 2 && rare_surname(&words[r.end - 1]))) {
            continue;
        }
        // Another nisba in it: a list of clubs and their countries (ريفرز يونايتد النيجيري).
        if !overlaps(found, &r) && !words[r.clone()].iter().any(spans::place_nisba) {
            found.push((r, Some(words[i].text.to_string())));
        }
    }
}

/// Zipf frequency under which a common word may open a name ended by a rare surname after a
/// nisba (جاني 3.6; not أستاذ or بطل).
const COMMON_FIRST_WORD: f32 = 4.0;

/// Does a name open with this word after a noun with the article and a nisba (الدولي
/// الجزائري رياض محرز، عالم الآثار الإسرائيلي دافيد كوهين)? The nisba describes the noun,
/// and the noun is the person: so when the word is a given name of either list, not a
/// common word (النادي البنزرتي ينتدب is a club), nor a word shaped like a verb in the
/// present unless many people bear it (النجم الساحلي يصل أبيدجان; يوسف): the name lists hold
/// a few such verbs.
fn given_name_after_described_noun(w: &Word, lexicon: &Lexicon, stop: &HashSet<String>) -> bool {
    let verb_shaped =
        (w.folded.starts_with('ي') || w.folded.starts_with("سي")) && !frequent_given_names().contains(w.folded);
    !verb_shaped && (is_given_name(w, lexicon, stop) || foreign_given_name(w, lexicon, stop))
}

/// May the word open a name after a cue: a plain word (no clitic, no title, role or place
/// word), without the article, no stopword.
fn may_open_name(w: &Word, stop: &HashSet<String>) -> bool {
    plain_word(w) && !has_article(w) && !w.is_stopword(stop)
}

/// The end of the run of `run` words at `start`: before the first word from its `from`-th
/// on that no name goes on with (a verb after the name: باراك أوباما ارتدى، رؤوف خليف
/// يقاضي; ماكرون البالغ; الشرميطي للاعتداء), adverbs left out.
pub(super) fn run_without_common_end(
    words: &[Word],
    start: usize,
    run: usize,
    from: usize,
    lexicon: &Lexicon,
) -> usize {
    let ends_name = |w: &Word| {
        let support = w.support(lexicon);
        let given = given_names().contains(w.bare());
        let common = support >= COMMON && !given && !has_article(w);
        // A common word with the article is an adjective more often than a family name.
        let common_with_article = has_article(w) && support >= COMMON_ARTICLE_WORD;
        // A word the lexicon knows that begins like a verb in the present or future (ي، سي).
        let verb_like = support > 0.0 && !given && (w.folded.starts_with('ي') || w.folded.starts_with("سي"));
        common || common_with_article || verb_like || w.folded.starts_with("لل") || as_common_word(w, lexicon)
    };
    let run = (from..run).find(|&k| ends_name(&words[start + k])).unwrap_or(run);
    spans::without_adverbs(words, start..start + run).end
}

/// Is the word ك (as) glued to a common word (فوزي البنزرتي كمدرب، منى شباح كأحسن لاعبة)?
/// The whole word must be much rarer than its rest and no given name (كمال, كريم).
fn as_common_word(w: &Word, lexicon: &Lexicon) -> bool {
    let Some(rest) = w.text.strip_prefix('ك') else { return false };
    let rest_support = text_support(rest, lexicon);
    rest_support >= COMMON
        && w.support(lexicon) + AS_MARGIN <= rest_support
        && !given_names().contains(w.folded)
        && !w.folded.strip_prefix('ك').is_some_and(|name| given_names().contains(name))
}

/// How much more common (Zipf) a word is than the same with ك glued to it, when ك is the
/// preposition (أحسن 5.2, كأحسن 3.3); a name beginning with ك is no rarer than its rest.
const AS_MARGIN: f32 = 1.0;

/// Zipf frequency from which a word with the article ends a name run ([`run_without_common_end`]):
/// البالغ، الوسطي; family names with the article are rarer (السبسي 3.6, الجبالي 3.2).
pub(super) const COMMON_ARTICLE_WORD: f32 = 4.5;

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

/// Kinship nouns with the first-person possessive, as a speaker quoted names a relative (ابني
/// خليل), folded. Not those that are also other words: زوجي (even), أبي (the name particle),
/// جدي (serious), خالي (empty).
const KIN_OF_SPEAKER: [&str; 19] = [
    "زوجتي",
    "والدي",
    "والدتي",
    "امي",
    "اخي",
    "اختي",
    "شقيقي",
    "شقيقتي",
    "ابني",
    "ابنتي",
    "نجلي",
    "نجلتي",
    "جدتي",
    "حفيدي",
    "حفيدتي",
    "عمي",
    "عمتي",
    "خالتي",
    "ارملتي",
];

/// Kinship nouns with the article (الأخ الأكبر، باري).
const KIN_WITH_ARTICLE: [&str; 8] = ["الاخ", "الاخت", "الابن", "الابنه", "الزوج", "الزوجه", "الشقيق", "الشقيقه"];

/// Adjectives of age and rank after a kinship noun (أخوه الأصغر).
const KIN_ADJECTIVES: [&str; 4] = ["الاكبر", "الاصغر", "الكبري", "الصغري"];

/// Is the word a kinship noun with a possessive (زوجته، والدتها، أخوه) or the article (الأخ)?
/// (Worked out once per form: see [`super::forms`].)
pub(super) fn relative_noun(w: &Word) -> bool {
    w.relative
}

/// [`relative_noun`], worked out.
pub(super) fn is_relative_noun(w: &Word) -> bool {
    // Folding writes ة as ه: والدة نذير (Nadhir's mother) is no والده (his father).
    // The last letter first (the bare form ends as the word does): most words end otherwise.
    w.folded.ends_with(RELATIVE_LAST_LETTERS)
        && w.bare_is(|bare| relative_forms().get(bare).is_some_and(|&ends_in_ha| !ends_in_ha || w.text.ends_with('ه')))
}

/// The last letters of the kinship nouns with a possessive ([`POSSESSIVES`],
/// [`KIN_OF_SPEAKER`]) or the article ([`KIN_WITH_ARTICLE`]).
const RELATIVE_LAST_LETTERS: [char; 9] = ['ه', 'ا', 'م', 'ن', 'خ', 'ت', 'ج', 'ق', 'ي'];

/// Every kinship noun with a possessive or the article, folded, each with whether its
/// pronoun is the ه that folding also makes of ة (one lookup a word, not one per stem and
/// suffix).
fn relative_forms() -> &'static HashMap<String, bool, FixedState> {
    static FORMS: OnceLock<HashMap<String, bool, FixedState>> = OnceLock::new();
    FORMS.get_or_init(|| {
        // Forms listed whole: with the article, or with the speaker's ي.
        let whole = KIN_WITH_ARTICLE.iter().chain(&KIN_OF_SPEAKER).map(|k| (k.to_string(), false));
        let possessive =
            KIN_STEMS.iter().flat_map(|stem| POSSESSIVES.iter().map(move |p| (format!("{stem}{p}"), *p == "ه")));
        // A form read both ways keeps the stricter reading.
        let mut forms: HashMap<String, bool, FixedState> = HashMap::default();
        for (form, ends_in_ha) in whole.chain(possessive) {
            *forms.entry(form).or_insert(false) |= ends_in_ha;
        }
        forms
    })
}

/// Nouns of a person's peers and helpers, folded, as they stand before a pronoun suffix
/// (نظير-ه، زميل-ها، منافس-يه).
const COMPANION_STEMS: [&str; 16] = [
    "نظير",
    "نظيرت",
    "زميل",
    "زميلت",
    "منافس",
    "منافست",
    "منافسي",
    "خصم",
    "غريم",
    "رفيق",
    "رفيقت",
    "صديق",
    "صديقت",
    "خليفت",
    "محامي",
    "مدرب",
];

/// Is the word a noun of a peer or helper with a possessive (نظيره، زميلها، منافسيه، محاميه):
/// press text names the person right after it as after a kinship noun (استقبل نظيره الروسي
/// سيرغي لافروف، منافسه موفق نيربيه), with no other cue. A ه after it must be written ه, not
/// ة (زميلة is a colleague, no one's).
fn companion_noun(w: &Word) -> bool {
    static FORMS: OnceLock<HashSet<String, FixedState>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        COMPANION_STEMS.iter().flat_map(|stem| POSSESSIVES.iter().map(move |p| format!("{stem}{p}"))).collect()
    });
    w.folded.ends_with(['ه', 'ا', 'م', 'ن'])
        && w.bare_is(|bare| forms.contains(bare))
        // ة written (زميلة، منافسة: a feminine noun, no possessive), short vowels after it too.
        && !(w.folded.ends_with('ه') && w.text.trim_end_matches(|c| crate::arabic::is_mark(c) || c == 'ـ').ends_with('ة'))
}

/// A name right after a kinship noun with a possessive (زوجته ملكة أبيض، والدته كاثرين،
/// شقيقه محمد), after a title, adjectives or a comma between them (أخوه الأصغر، آندي): press
/// text names relatives so, with no other cue; and so after a peer noun ([`companion_noun`]:
/// نظيره، منافسه). The name's first word must be a given name or a rare word (not زوجته
/// السابقة، ابنه البكر).
pub(super) fn add_relatives(words: &[Word], found: &mut Vec<Found>, lexicon: &Lexicon, stop: &HashSet<String>) {
    for i in 0..words.len() {
        if words[i].token.kind != TokenKind::ArabicWord || !(relative_noun(&words[i]) || companion_noun(&words[i])) {
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
        let run = name_run(words, start, lexicon, stop);
        // A rare word alone may be a verb the lexicon lacks (يتلظيان): it needs a second word.
        let given = given_names().contains(first.folded) || foreign_given_name(first, lexicon, stop);
        if !may_open_name(first, stop) || !(given || (first.support(lexicon) < RARE && run >= 2)) {
            continue;
        }
        // A speaker's relative is named by a given name (ابني خليل), and a comparative after
        // one is none (أمي أشرف منك: my mother is more honourable than you).
        if words[i].bare_is(|bare| KIN_OF_SPEAKER.contains(&bare)) {
            let comparative = words
                .get(start + 1)
                .is_some_and(|w| matches!(w.folded, "من" | "منك" | "منكم" | "منه" | "منها" | "مني"));
            if !given || comparative {
                continue;
            }
        }
        // The words after the first two end the name where a common word begins (a verb).
        // (A given name that is a word too, منافسه موفق نيربيه, is no name-like word to
        // [`name_run`]: the rare words after it are its family name.)
        let run = if given { run.max(rare_words_after(words, start, lexicon, stop)) } else { run };
        let r = start..run_without_common_end(words, start, run.max(1), 2, lexicon);
        if !overlaps(found, &r) {
            // The kinship noun is the role: a given name alone is a name after it (والدته سعاد).
            let kin = &words[i];
            let clitic = if kin.bare_from() > 0 { kin.text.chars().next().map_or(0, char::len_utf8) } else { 0 };
            found.push((r, Some(kin.text[clitic..].to_string())));
        }
    }
}

/// The number of words from `start` on: the word at `start`, then the plain words without
/// the article that the lexicon hardly knows, as family names (نيربيه، فافرينكا; not محكوم,
/// البالغ).
fn rare_words_after(words: &[Word], start: usize, lexicon: &Lexicon, stop: &HashSet<String>) -> usize {
    let family = |w: &Word| {
        w.token.kind == TokenKind::ArabicWord
            && w.bare_from() == 0
            && w.class == WordClass::Other
            && !has_article(w)
            && !w.is_stopword(stop)
            && w.support(lexicon) < COMMON
    };
    1 + words.iter().skip(start + 1).take(MAX_NAME_WORDS - 1).take_while(|w| family(w)).count()
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
    fn a_list_of_names_goes_on_past_their_parties_in_brackets() {
        let text = "المتكونة من النائب أنس الحطاب (نداء تونس) وبسمة الجبالي (حركة النهضة) \
                    وحافظ الزواري (آفاق تونس) وهيكل بلقاسم (الجبهة الشعبية).";
        let found = names(text);
        for name in ["بسمة الجبالي", "حافظ الزواري", "هيكل بلقاسم"] {
            assert!(found.iter().any(|n| n == name), "{name} not in {found:?}");
        }
        // A common word after the bracket is none (the party's new structure).
        let found = names("والتقى النائب أنس الحطاب (نداء تونس) وهيكل الحزب (الجديد) أمس.");
        assert_eq!(found, ["أنس الحطاب"]);
    }

    #[test]
    fn relative_forms_end_in_the_listed_letters() {
        for form in super::relative_forms().keys() {
            assert!(form.ends_with(super::RELATIVE_LAST_LETTERS), "{form}");
        }
    }

    #[test]
    fn a_name_after_a_verb_of_saying_is_its_speaker() {
        assert_eq!(names("أفاد سفيان طربلسي في تصريح إعلامي اليوم."), ["سفيان طربلسي"]);
        // A family name with the article that is a word too, vouched for by the verb.
        assert_eq!(names("وأكد كمال الصيد أن الموسم واعد."), ["كمال الصيد"]);
        // Without the role or kinship noun in apposition after it.
        assert_eq!(names("وأكدت سعيدة حقاني رئيسة نقابة المعلمين أن الإضراب قائم."), ["سعيدة حقاني"]);
        // A head of something right after a given name and a word, with no comma.
        assert_eq!(names("بحسب ما ذكره شهاب الحافي رئيس دائرة الصيد البحري."), ["شهاب الحافي"]);
        assert!(names("انتخاب مختار الطريفي نائبا لرئيس المنظمة").iter().all(|n| !n.contains("نائبا")));
        assert_eq!(names("وأكد نسيم الغرياني ابن عم الضحية أن العائلة تنتظر."), ["نسيم الغرياني"]);
        // Not a common word that is a given name too, nor a role before a name.
        assert!(names("وأكدت سلامة المواطنين أولوية.").is_empty());
        assert!(!names("وقال شيخ الأزهر أحمد الطيب إن الأمر محسوم.").contains(&"شيخ الأزهر".to_string()));
    }

    #[test]
    fn a_quoted_name_after_a_title_or_a_verb_of_saying_is_a_person() {
        assert_eq!(names("وأكد وزير المالية البلجيكي \"ماريو كاستيلانو\" أن الميزانية جاهزة."), ["ماريو كاستيلانو"]);
        assert_eq!(names("وقال \"ماريو كاستيلانو\" إن الميزانية جاهزة."), ["ماريو كاستيلانو"]);
        // Not without a cue, nor with the article or a particle in the quotes.
        assert!(names("وأقيم الحفل في \"ماريو كاستيلانو\" أمس.").is_empty());
        assert!(names("وقال \"ماريو الكاستيلانو\" إن الميزانية جاهزة.").is_empty());
    }

    #[test]
    fn a_businessman_is_named_after_an_adjective_too() {
        assert_eq!(names("وتتعلق القضية برجل الأعمال الموقوف كمال الحمروني."), ["كمال الحمروني"]);
    }

    #[test]
    fn compound_given_names_before_a_rare_word_are_names() {
        assert_eq!(names("وقرر المجلس تعيين سيف الله القرقوري نائبا له."), ["سيف الله القرقوري"]);
        assert_eq!(names("وشارك في اللقاء نور الدين بوشيحة."), ["نور الدين بوشيحة"]);
        // Not a party, nor a prayer.
        assert!(names("وقال إن حزب الله اللبناني يرفض ذلك.").is_empty());
        assert!(names("وتوفي رحمه الله تعالى في بيته.").is_empty());
    }

    #[test]
    fn a_place_nisba_before_a_name_is_its_title() {
        assert_eq!(names("وتوج البرتغالي جوزيه ساراماغو بالجائزة."), ["جوزيه ساراماغو"]);
        // After a noun with the article it describes the noun.
        assert!(names("وأعلن النادي البنزرتي ينتدب مهاجما.").is_empty());
    }

    #[test]
    fn a_given_name_after_a_noun_and_a_place_nisba_opens_a_name() {
        assert_eq!(names("وتألق لاعب التنس المغربي كريم العلوي في الدور الأول."), ["كريم العلوي"]);
        // The nisba describes a club, and a verb follows it; or a town follows a place word.
        assert!(names("وأعلن النادي البنزرتي ينتدب مهاجما.").is_empty());
        assert!(names("وفد النجم الساحلي يصل أبيدجان").is_empty());
        assert!(names("ووصل الوفد إلى العاصمة الإيفوارية أبيدجان فجرا.").is_empty());
    }

    #[test]
    fn a_name_after_a_peer_noun_with_a_possessive_is_a_name() {
        assert_eq!(names("وتغلب في النهائي على منافسه سمير الحمامي."), ["سمير الحمامي"]);
        assert_eq!(names("وفازت على منافستها كاثرين في الدور الأول."), ["كاثرين"]);
        // A colleague (زميلة) is no one's: no peer noun.
        assert!(names("وقالت زميلة سمير إنها تنتظر.").iter().all(|n| n != "سمير"));
        // Nor with a short vowel written after its ة.
        assert!(names("وحضرت زميلةٌ كاثرين الحفل.").is_empty());
        assert!(names("وشكر الوزير نظيره على حسن الاستقبال.").is_empty());
    }

    #[test]
    fn a_rare_word_after_a_given_name_after_a_cue_is_its_family_name() {
        // موفق and كاثرين are words too, so no name-like word opens a run there.
        assert_eq!(names("وتغلب في النهائي على منافسه موفق زرنيخوي بفارق كبير."), ["موفق زرنيخوي"]);
        assert_eq!(names("وقالت والدته كاثرين فلومبيرغ إنها تنتظر."), ["كاثرين فلومبيرغ"]);
        // A known word after it is not (محكوم: sentenced).
        assert_eq!(names("وقال إن فرص ابنته كاثرين محكوم عليها بالفشل."), ["كاثرين"]);
    }

    #[test]
    fn a_foreign_given_name_after_a_place_nisba_opens_a_name() {
        assert_eq!(names("وفاز البلجيكي فيديريكو فلومبيرغ بالسباق."), ["فيديريكو فلومبيرغ"]);
        assert_eq!(names("وقال وفد الاتحاد الأوروبي فيديريكو فلومبيرغ إن الوضع صعب."), ["فيديريكو فلومبيرغ"]);
    }

    #[test]
    fn a_rare_surname_after_a_nisba_standing_for_a_man_ends_a_name_opened_by_a_common_word() {
        // Invented: جاني (3.6) is a common word, كوروفاتينو a rare one.
        assert_eq!(names("وبعد خروج الرئيس انتخب السويسري جاني كوروفاتينو خلفا له."), ["جاني كوروفاتينو"]);
        // Not after a feminine nisba (a company's), nor a very common first word (a noun).
        assert!(names("ووقعت الأمريكية جاني كوروفاتينو العقد.").is_empty());
        assert!(names("وعين السويسري أستاذ كوروفاتينو في الجامعة.").is_empty());
    }

    #[test]
    fn relatives_are_named_after_the_kinship_noun() {
        assert_eq!(names("وحضرت الجنازة زوجته سعاد الحمامي وأبناؤه."), ["سعاد الحمامي"]);
        assert_eq!(names("وقالت والدته سعاد إنه كان هادئا."), ["سعاد"]);
        // a speaker's own relative (my son)
        assert_eq!(names("وقال: منذ موت ابني خليل رحمه الله أصبحت أنظر إلى الحياة."), ["خليل"]);
        assert!(names("قالت: إن أمي أشرف منك. والدي أتعبته مصاريف علاجي.").is_empty());
        assert_eq!(names("وصل شقيقه الأصغر، سمير، صباحا."), ["سمير"]);
        // والدة (the mother of) is no والده (his father), though both fold alike: no kinship
        // role for the name after it.
        let stop = crate::stats::stopwords::builtin_folded(Lexicon::builtin());
        let found = find_people("وقالت والدة سمير الحمامي إنها تنتظر.", &[], Lexicon::builtin(), &stop);
        assert!(found.iter().all(|m| m.role.as_deref() != Some("والدة")), "{found:?}");
        assert_eq!(names("وقالت ابنتها سعاد إنها تنتظر."), ["سعاد"]);
        // What follows a kinship noun is often no name.
        assert!(names("وحضرت زوجته السابقة الحفل.").is_empty());
        assert!(names("ورافقه ابنه إلى المستشفى.").is_empty());
        // A rare word alone may be a verb the lexicon lacks.
        assert!(names("كان والده وشقيقه يتسامران ليلا.").is_empty());
    }

    #[test]
    fn a_foreign_given_name_alone_after_a_kinship_noun_is_a_name() {
        assert_eq!(names("وقالت والدته كاثرين إنها لم تتوقع ذلك."), ["كاثرين"]);
        assert_eq!(names("وسافر مع شقيقه لوكا إلى روما."), ["لوكا"]);
        // A common word of the name list is no name there (ابنه هلال: his crescent?).
        assert!(names("وحضر ابنه الحفل مع أصدقائه.").is_empty());
    }
}
