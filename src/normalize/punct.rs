//! Punctuation repairs: mirrored guillemets and parentheses, `%` before its number, a comma
//! glued to the next word.
//!
//! Each mark's role is read from what it touches, never from the mark itself: an opening mark
//! has a word after it and none before, a closing mark the reverse. A mark whose sides say
//! nothing clear (spaces or words on both sides) is left alone, so correct text never changes.

use super::edit::{Change, ChangeClass, Rewriter};
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
    let interesting = (opts.quotes && (text.contains('«') || text.contains('»')))
        || (opts.parens && memchr::memchr2(b'(', b')', bytes).is_some())
        || (opts.percent && (memchr::memchr(b'%', bytes).is_some() || text.contains('٪')))
        || (opts.comma && (text.contains('،') || text.contains('؛') || memchr::memchr(b',', bytes).is_some()));
    if !interesting {
        return None;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let before = |k: usize| if k == 0 { None } else { at(k - 1) };
    let mut edits: Vec<Edit> = Vec::new();
    let mut open_paren: Option<usize> = None; // index of a `)` that reads as an opening mark
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '«' | '»' if opts.quotes => {
                let want = match role(before(k), at(k + 1)) {
                    Role::Opening => '«',
                    Role::Closing => '»',
                    Role::Unclear => c,
                };
                if want != c {
                    edits.push(Edit { range: i..i + c.len_utf8(), with: want.to_string(), class: ChangeClass::MirroredQuote });
                }
            }
            // Parentheses are repaired in pairs only: `)…(` whose sides both read mirrored.
            ')' if opts.parens => {
                open_paren = (role(before(k), at(k + 1)) == Role::Opening).then_some(k);
            }
            '(' if opts.parens => {
                if let Some(o) = open_paren.take() {
                    if role(before(k), at(k + 1)) == Role::Closing {
                        let oi = chars[o].0;
                        edits.push(Edit { range: oi..oi + 1, with: "(".into(), class: ChangeClass::MirroredParen });
                        edits.push(Edit { range: i..i + 1, with: ")".into(), class: ChangeClass::MirroredParen });
                    }
                }
            }
            // A pair may span a line break, not a paragraph break.
            '\n' if at(k + 1) == Some('\n') || (at(k + 1) == Some('\r') && at(k + 2) == Some('\n')) => open_paren = None,
            '%' | '٪' if opts.percent => {
                if let Some(edit) = percent_before_number(text, &chars, k) {
                    edits.push(edit);
                }
            }
            '،' | '؛' | ',' if opts.comma => {
                if let Some(edit) = comma_glued(text, &chars, k) {
                    edits.push(edit);
                }
            }
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
fn percent_before_number(text: &str, chars: &[(usize, char)], k: usize) -> Option<Edit> {
    let (i, sign) = chars[k];
    if k > 0 && wordish(chars[k - 1].1) {
        return None;
    }
    // The number: digits with inner separators (`69,44`, `٨١٫٣١`, `1.820.000`).
    let mut end_k = k + 1;
    let mut last_digit_k = None;
    while let Some(&(_, c)) = chars.get(end_k) {
        if is_digit(c) {
            last_digit_k = Some(end_k);
        } else if !(matches!(c, '.' | ',' | '٫' | '٬') && chars.get(end_k + 1).is_some_and(|&(_, d)| is_digit(d))) {
            break;
        }
        end_k += 1;
    }
    let last = last_digit_k?;
    let after = chars.get(last + 1).map(|&(_, c)| c);
    if after.is_some_and(|c| wordish(c)) {
        return None;
    }
    let number_end = chars[last].0 + chars[last].1.len_utf8();
    let number = &text[i + sign.len_utf8()..number_end];
    Some(Edit { range: i..number_end, with: format!("{number}{sign}"), class: ChangeClass::PercentBefore })
}

/// `يناير ،وعلى` → `يناير، وعلى`: a comma after a space and glued to the next word.
fn comma_glued(text: &str, chars: &[(usize, char)], k: usize) -> Option<Edit> {
    let (i, comma) = chars[k];
    let next = chars.get(k + 1)?.1;
    if !next.is_alphabetic() {
        return None;
    }
    // Walk back over the horizontal spaces to the previous word.
    let mut j = k;
    while j > 0 && matches!(chars[j - 1].1, ' ' | '\t') {
        j -= 1;
    }
    if j == k || j == 0 || !wordish(chars[j - 1].1) {
        return None;
    }
    let space_start = chars[j].0;
    let spaces = &text[space_start..i];
    Some(Edit { range: space_start..i + comma.len_utf8(), with: format!("{comma}{spaces}"), class: ChangeClass::CommaGlued })
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
