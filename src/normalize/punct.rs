//! Punctuation repairs: mirrored guillemets and parentheses, `%` before its number, a comma
//! glued to the next word.
//!
//! Each mark's role is read from what it touches, never from the mark itself: an opening mark
//! has a word after it and none before, a closing mark the reverse. A mark whose sides say
//! nothing clear (spaces or words on both sides) is left alone, so correct text never changes.

use super::edit::{Change, ChangeClass, Rewriter};
use super::scan::ByteFinder;
use crate::arabic::{is_digit, is_mark, TATWEEL};

/// Which punctuation repairs run.
#[derive(Clone, Copy, Debug)]
pub struct PunctRepairs {
    pub quotes: bool,
    pub parens: bool,
    pub percent: bool,
    pub comma: bool,
}

/// Characters that belong to a word for the purpose of reading a mark's sides.
fn wordish(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || c == TATWEEL || c == '%' || c == '٪'
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Role {
    Opening,
    Closing,
    Unclear,
}

fn role(prev: Option<char>, next: Option<char>) -> Role {
    let before = prev.is_some_and(wordish);
    let after = next.is_some_and(wordish);
    match (before, after) {
        (false, true) => Role::Opening,
        (true, false) => Role::Closing,
        _ => Role::Unclear,
    }
}

/// Bytes that may belong to a mark this stage repairs: the ASCII marks, and the second byte
/// of « » (C2 AB, C2 BB), ، ؛ (D8 8C, D8 9B), and with `percent`, of ٪ (D9 AA; the same
/// second byte as the common ت, so it is only looked for in texts that have a ٪: it is the
/// last, and left off the end otherwise).
const TRIGGERS: [u8; 10] = [b'(', b')', b'%', b',', b'\n', 0xAB, 0xBB, 0x8C, 0x9B, 0xAA];

/// Does the text hold `c`? A search for its two bytes together: `str::contains` looks for
/// its last byte, which for ٪ and « is also that of the common ت and ث.
fn holds(bytes: &[u8], c: char) -> bool {
    let mut utf8 = [0; 4];
    memchr::memmem::find(bytes, c.encode_utf8(&mut utf8).as_bytes()).is_some()
}

struct Edit {
    range: std::ops::Range<usize>,
    with: String,
    class: ChangeClass,
}

/// Repairs punctuation. `damaged` says whether earlier stages found extraction damage in the
/// document: a glued comma or a `%` before its number is also a common typing slip, so it is
/// only taken for damage in a document that shows other damage (mirrored marks count).
pub(crate) fn repair_punct(text: &str, opts: PunctRepairs, damaged: bool) -> Option<(String, Vec<Change>)> {
    let bytes = text.as_bytes();
    let with_percent = opts.percent && holds(bytes, '٪');
    let interesting = (opts.quotes && (holds(bytes, '«') || holds(bytes, '»')))
        || (opts.parens && memchr::memchr2(b'(', b')', bytes).is_some())
        || (opts.percent && memchr::memchr(b'%', bytes).is_some())
        || with_percent
        || (opts.comma && (holds(bytes, '،') || holds(bytes, '؛') || memchr::memchr(b',', bytes).is_some()));
    if !interesting {
        return None;
    }
    // Marks and tatweel are looked through: `--fold` removes them, and the repair must read
    // the same after it (a mark right after a guillemet sits on the guillemet, not a word).
    let skipped = |c: &char| is_mark(*c) || *c == TATWEEL;
    let after = |i: usize| text[i..].chars().find(|c| !skipped(c));
    let before = |i: usize| text[..i].chars().rev().find(|c| !skipped(c));
    let mut edits: Vec<Edit> = Vec::new();
    let mut open_paren: Option<usize> = None; // byte offset of a `)` that reads as an opening mark
    let bytes = text.as_bytes();
    let mut scan = 0;
    let triggers = if with_percent { &TRIGGERS[..] } else { &TRIGGERS[..TRIGGERS.len() - 1] };
    // Only these marks matter: ( ) % , \n and « » ، ؛ ٪, found by their bytes.
    let mut triggers = ByteFinder::new(bytes, triggers);
    while let Some(j) = triggers.find_from(scan) {
        scan = j + 1;
        let i = match bytes[j] {
            0xAB | 0xBB if j > 0 && bytes[j - 1] == 0xC2 => j - 1,
            0x8C | 0x9B if j > 0 && bytes[j - 1] == 0xD8 => j - 1,
            0xAA if j > 0 && bytes[j - 1] == 0xD9 => j - 1,
            b'(' | b')' | b'%' | b',' | b'\n' => j,
            _ => continue,
        };
        let Some(c) = text[i..].chars().next() else { break };
        let len = c.len_utf8();
        match c {
            '«' | '»' if opts.quotes => {
                let want = match role(before(i), after(i + len)) {
                    Role::Opening => '«',
                    Role::Closing => '»',
                    Role::Unclear => c,
                };
                if want != c {
                    edits.push(Edit { range: i..i + len, with: want.to_string(), class: ChangeClass::MirroredQuote });
                }
            }
            // Parentheses are repaired in pairs only: `)…(` whose sides both read mirrored.
            ')' if opts.parens => {
                open_paren = (role(before(i), after(i + 1)) == Role::Opening).then_some(i);
            }
            '(' if opts.parens => {
                if let Some(o) = open_paren.take() {
                    if role(before(i), after(i + 1)) == Role::Closing {
                        edits.push(Edit { range: o..o + 1, with: "(".into(), class: ChangeClass::MirroredParen });
                        edits.push(Edit { range: i..i + 1, with: ")".into(), class: ChangeClass::MirroredParen });
                    }
                }
            }
            // A pair may span a line break, not a paragraph break.
            '\n' if text[i + 1..].trim_start_matches('\r').starts_with('\n') => open_paren = None,
            '%' | '٪' if opts.percent => edits.extend(percent_before_number(text, i, c)),
            '،' | '؛' | ',' if opts.comma => edits.extend(comma_glued(text, i, c)),
            _ => {}
        }
    }
    let mirrored = edits.iter().any(|e| matches!(e.class, ChangeClass::MirroredQuote | ChangeClass::MirroredParen));
    if !damaged && !mirrored {
        edits.retain(|e| !matches!(e.class, ChangeClass::CommaGlued | ChangeClass::PercentBefore));
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| e.range.start);
    let mut rw = Rewriter::new(text);
    let mut done_to = 0;
    for e in edits {
        if e.range.start >= done_to {
            done_to = e.range.end;
            rw.replace(e.range, &e.with, e.class, true);
        }
    }
    rw.finish()
}

/// `%69,44` → `69,44%`: a percent sign that opens a token and is followed by a number that
/// carries no sign of its own.
fn percent_before_number(text: &str, i: usize, sign: char) -> Option<Edit> {
    if text[..i].chars().next_back().is_some_and(wordish) {
        return None;
    }
    // The number: digits with inner separators (`69,44`, `٨١٫٣١`, `1.820.000`).
    let start = i + sign.len_utf8();
    let rest = &text[start..];
    let mut number_end = None;
    let mut chars = rest.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if is_digit(c) {
            number_end = Some(start + k + c.len_utf8());
        } else if !(matches!(c, '.' | ',' | '٫' | '٬') && chars.peek().is_some_and(|&(_, d)| is_digit(d))) {
            break;
        }
    }
    let number_end = number_end?;
    if text[number_end..].chars().next().is_some_and(wordish) {
        return None;
    }
    let number = &text[start..number_end];
    Some(Edit { range: i..number_end, with: format!("{number}{sign}"), class: ChangeClass::PercentBefore })
}

/// `يناير ،وعلى` → `يناير، وعلى`: a comma after a space and glued to the next word.
fn comma_glued(text: &str, i: usize, comma: char) -> Option<Edit> {
    let end = i + comma.len_utf8();
    if !text[end..].chars().next()?.is_alphabetic() {
        return None;
    }
    // Walk back over the horizontal spaces to the previous word.
    let space_start = text[..i].trim_end_matches([' ', '\t']).len();
    if space_start == i || !text[..space_start].chars().next_back().is_some_and(wordish) {
        return None;
    }
    let spaces = &text[space_start..i];
    Some(Edit { range: space_start..end, with: format!("{comma}{spaces}"), class: ChangeClass::CommaGlued })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: PunctRepairs = PunctRepairs { quotes: true, parens: true, percent: true, comma: true };

    fn run(s: &str) -> String {
        repair_punct(s, ALL, true).map_or_else(|| s.to_string(), |(t, _)| t)
    }

    #[test]
    fn mirrored_guillemets() {
        assert_eq!(run("بناء »كازاخستان الجديدة« أكثر"), "بناء «كازاخستان الجديدة» أكثر");
        assert_eq!(run("»محارب«، ثم"), "«محارب»، ثم");
        // one mark right, one mirrored
        assert_eq!(run("لـ«انقلاب« فشل"), "لـ«انقلاب» فشل");
        // correct text and unclear marks stay
        assert_eq!(run("قال «نعم» ثم"), "قال «نعم» ثم");
        assert_eq!(run("« نعم »"), "« نعم »");
        // A mark sitting on the guillemet is looked through, as --fold will remove it.
        assert_eq!(run("A«\u{610}[").replace('\u{610}', ""), run("A«["));
    }

    #[test]
    fn mirrored_parentheses_in_pairs_only() {
        assert_eq!(run("عام )1975( في"), "عام (1975) في");
        assert_eq!(run("الحزب )نور أوطان(، ثم"), "الحزب (نور أوطان)، ثم");
        assert_eq!(run("عام (1975) في"), "عام (1975) في");
        assert_eq!(run("f(x) = 1"), "f(x) = 1");
        assert_eq!(run("1) البند"), "1) البند");
        // a pair may cross a line break, not a paragraph break
        assert_eq!(run(")أ\nب("), "(أ\nب)");
        assert_eq!(run(")أ\n\nب("), ")أ\n\nب(");
    }

    #[test]
    fn percent_before_number() {
        assert_eq!(run("بلغت %69,44.."), "بلغت 69,44%..");
        assert_eq!(run("بنسبة %2,53 ،"), "بنسبة 2,53% ،");
        assert_eq!(run("نسبة ٪٨١٫٣١ من"), "نسبة ٨١٫٣١٪ من");
        assert_eq!(run("بنسبة 77% من"), "بنسبة 77% من");
        assert_eq!(run("http://x.org/a%20b"), "http://x.org/a%20b");
        assert_eq!(run("%50abc"), "%50abc");
    }

    #[test]
    fn typing_slips_stay_in_an_undamaged_document() {
        let text = "شهر يناير ،وعلى مدار بنسبة %5";
        assert!(repair_punct(text, ALL, false).is_none());
        assert_eq!(repair_punct(text, ALL, true).unwrap().0, "شهر يناير، وعلى مدار بنسبة 5%");
    }

    #[test]
    fn comma_glued_to_next_word() {
        assert_eq!(run("شهر يناير ،وعلى مدار"), "شهر يناير، وعلى مدار");
        assert_eq!(run("الإقتراع ، بينما"), "الإقتراع ، بينما");
        assert_eq!(run("1 ,000"), "1 ,000");
    }

    #[test]
    fn changes_are_recorded_with_classes() {
        let (_, changes) = repair_punct("»أ« و %5", ALL, false).unwrap();
        let classes: Vec<_> = changes.iter().map(|c| c.class).collect();
        assert_eq!(classes, [ChangeClass::MirroredQuote, ChangeClass::MirroredQuote, ChangeClass::PercentBefore]);
    }
}
