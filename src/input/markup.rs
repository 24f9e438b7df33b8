//! What of a document is prose. News corpora come wrapped in markup: the ANT corpus and TREC
//! collections in `<DOC>`, `<DOCNO>`, `<URL>`, `<TEXT>` lines, Arabic Gigaword in
//! `<DOC id="…">`, `<HEADLINE>`, `<P>`. The tags, the header fields that hold identifiers,
//! addresses and time stamps, and web addresses anywhere in the text are not prose: a URL slug
//! repeats the headline's words (and names), a document number such as `JA-politic-39-20170126`
//! would be read as a figure. They are blanked before a document is analysed.
//!
//! Blanking keeps every other byte where it was (each blanked byte becomes a space, line
//! breaks stay), so spans found in the blanked text are spans of the original. A block tag
//! (`</TITLE>`, `<P>`) leaves a full stop where its `<` was: the headline's last word and the
//! next paragraph's first belong to different sentences, as they would on a page. (A blank
//! line does not say so: PDF extraction leaves blank lines inside sentences, even names.)

use std::borrow::Cow;
use std::ops::Range;

/// Header elements whose contents are metadata, not the article's text (compared without
/// case). The headline, abstract, dateline and text elements are prose and are kept.
const METADATA_ELEMENTS: [&str; 14] = [
    "DOCNO", "DOCID", "ID", "URL", "LINK", "SRC", "SOURCE", "CAT", "CATEGORY", "TIME", "DATE", "DATETIME", "AUTHOR",
    "KEYWORDS",
];

/// Inline (formatting) elements: their tags are blanked without a full stop, as a name or a
/// sentence goes on through them (`<b>محمد</b> علي`).
const INLINE_ELEMENTS: [&str; 12] = ["A", "B", "I", "U", "EM", "STRONG", "SPAN", "FONT", "SUP", "SUB", "SMALL", "BIG"];

/// `text` with its markup and web addresses blanked (see the module's documentation);
/// borrowed when there is none.
pub fn blank_non_prose(text: &str) -> Cow<'_, str> {
    let (ranges, stops) = non_prose(text);
    if ranges.is_empty() {
        return Cow::Borrowed(text);
    }
    let blanked = blank_ranges(text, ranges, stops);
    Cow::Owned(blanked.unwrap_or_else(|| text.to_string()))
}

/// `text` with the bytes of `ranges` made spaces (line breaks kept) and those at `stops` full
/// stops, built from the text's own slices so that it need not be checked as UTF-8 again
/// (a tenth of a report's reading time); `None` if a range does not fall between characters.
fn blank_ranges(text: &str, mut ranges: Vec<Range<usize>>, mut stops: Vec<usize>) -> Option<String> {
    ranges.sort_unstable_by_key(|r| r.start);
    stops.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut stops = stops.into_iter().peekable();
    let mut at = 0;
    for r in ranges {
        if r.end <= at {
            continue;
        }
        let start = r.start.max(at);
        out.push_str(text.get(at..start)?);
        // Runs of spaces up to the next line break or stop, pushed at once (a web address or a
        // header field is tens of bytes).
        let bytes = text.as_bytes().get(start..r.end)?;
        let mut k = 0;
        while k < bytes.len() {
            while stops.next_if(|&s| s < start + k).is_some() {}
            let stop = stops.peek().map_or(bytes.len(), |&s| (s - start).min(bytes.len()));
            let next = memchr::memchr2(b'\n', b'\r', &bytes[k..stop]).map_or(stop, |n| k + n);
            push_spaces(&mut out, next - k);
            let Some(&b) = bytes.get(next) else { break };
            let stop = stops.next_if_eq(&(start + next)).is_some();
            out.push(match b {
                b'\n' | b'\r' => b as char,
                _ if stop => '.',
                _ => ' ',
            });
            k = next + 1;
        }
        at = r.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// Pushes `n` spaces.
fn push_spaces(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                                                ";
    while n > 0 {
        let m = n.min(SPACES.len());
        out.push_str(&SPACES[..m]);
        n -= m;
    }
}

/// The byte ranges of `text` that are not prose, in no order, possibly overlapping, and where
/// the block tags among them begin.
fn non_prose(text: &str) -> (Vec<Range<usize>>, Vec<usize>) {
    let mut ranges = Vec::new();
    let mut stops = Vec::new();
    for at in memchr::memchr_iter(b'<', text.as_bytes()) {
        if let Some(tag) = read_tag(text, at) {
            let end = tag.end;
            ranges.push(at..end);
            if !INLINE_ELEMENTS.iter().any(|e| e.eq_ignore_ascii_case(tag.name)) {
                stops.push(at);
            }
            if !tag.closing && is_metadata(tag.name) {
                if let Some(close) = closing_tag_on_line(text, end, tag.name) {
                    ranges.push(end..close);
                }
            }
        }
    }
    ranges.extend(web_addresses(text));
    (ranges, stops)
}

/// A tag read at `<` (`at`): its element name, whether it closes, and where it ends.
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    end: usize,
}

/// Longest tag (with its attributes) read as one.
const MAX_TAG: usize = 512;

/// The tag starting at `at`, if one does: `<`, an optional `/`, an ASCII name that starts with
/// a letter, then attributes up to `>` on the same line. `x < y` and `<3` are not tags.
fn read_tag(text: &str, at: usize) -> Option<Tag<'_>> {
    let rest = &text.as_bytes()[at + 1..];
    let closing = rest.first() == Some(&b'/');
    let name_start = at + 1 + usize::from(closing);
    let name_len = text.as_bytes()[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b':'))
        .count();
    let name = &text[name_start..name_start + name_len];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let after = name_start + name_len;
    let tail = &text.as_bytes()[after..text.len().min(after + MAX_TAG)];
    let close = tail.iter().position(|&b| matches!(b, b'>' | b'<' | b'\n'))?;
    (tail[close] == b'>' && (close == 0 || tail[0].is_ascii_whitespace() || tail[0] == b'/')).then_some(Tag {
        name,
        closing,
        end: after + close + 1,
    })
}

fn is_metadata(name: &str) -> bool {
    METADATA_ELEMENTS.iter().any(|m| m.eq_ignore_ascii_case(name))
}

/// Where `</name>` starts, if it closes the element on the line that `from` is on.
fn closing_tag_on_line(text: &str, from: usize, name: &str) -> Option<usize> {
    let line_end = memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |n| from + n);
    let line = &text[from..line_end];
    memchr::memmem::find_iter(line.as_bytes(), b"</")
        .find(|&k| read_tag(text, from + k).is_some_and(|t| t.closing && t.name.eq_ignore_ascii_case(name)))
        .map(|k| from + k)
}

/// Web addresses: `http://…`, `https://…` or `www.…` up to the next space or a bracket or
/// quote that closes them.
fn web_addresses(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let starts = memchr::memmem::find_iter(bytes, b"http").chain(memchr::memmem::find_iter(bytes, b"www."));
    starts
        .filter(move |&at| at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
        .filter(move |&at| {
            let rest = &bytes[at..];
            rest.starts_with(b"http://") || rest.starts_with(b"https://") || rest.starts_with(b"www.")
        })
        .map(move |at| at..address_end(text, at))
}

/// Where the address starting at `at` ends: at white space, a markup bracket or a quote, and
/// without the punctuation that ends the sentence around it.
fn address_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let ends = |c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»' | '،' | '؛');
    // ASCII bytewise (most of an address), other characters decoded.
    let bytes = rest.as_bytes();
    let mut k = 0;
    while let Some(&b) = bytes.get(k) {
        if b.is_ascii() {
            if ends(char::from(b)) {
                break;
            }
            k += 1;
        } else {
            let Some(c) = rest[k..].chars().next() else { break };
            if ends(c) {
                break;
            }
            k += c.len_utf8();
        }
    }
    let len = k;
    let address = rest[..len].trim_end_matches(['.', ',', ')', ']', ':', ';', '!', '?', '؟']);
    at + address.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANT: &str = "<DOC>\n<DOCNO>JA-politic-39-20170126</DOCNO>\n\
        <URL>http://www.jawharafm.net/ar/article/نداء-تونس--نحو/92/76711</URL> \n\
        <TITLE>نداء تونس : نحو تنظيم اجتماع</TITLE>\n<TIME>2017-01-26T10:09:00+01:00</TIME>\n\
        <TEXT>\nقال الرئيس 20 مرة.\n</TEXT>\n</DOC>\n";

    #[test]
    fn tags_and_header_fields_are_blanked_and_prose_kept_in_place() {
        let blanked = blank_non_prose(ANT);
        assert_eq!(blanked.len(), ANT.len());
        for gone in ["DOC", "JA-politic", "20170126", "jawharafm", "76711", "2017-01-26", "TEXT", "TITLE", "<", ">"] {
            assert!(!blanked.contains(gone), "{gone} left in {blanked:?}");
        }
        for kept in ["نداء تونس : نحو تنظيم اجتماع", "قال الرئيس 20 مرة."] {
            assert_eq!(blanked.find(kept), ANT.find(kept), "{kept} moved");
        }
        assert_eq!(blanked.matches('\n').count(), ANT.matches('\n').count());
    }

    #[test]
    fn block_tags_end_sentences_and_inline_tags_do_not() {
        let blanked = blank_non_prose("<TITLE>عنوان</TITLE>\n<P>نص <b>محمد</b> علي</P>");
        assert_eq!(blanked, ".      عنوان.       \n.  نص    محمد     علي.   ");
    }

    #[test]
    fn attributes_and_paragraph_tags_are_blanked() {
        let text = "<DOC id=\"AFP_ARB_20000520.0001\" type=\"story\" >\n<HEADLINE>\nعنوان\n</HEADLINE>\n<P>\nنص</P>";
        let blanked = blank_non_prose(text);
        assert!(!blanked.contains("AFP") && !blanked.contains("HEADLINE") && !blanked.contains("<P>"));
        assert!(blanked.contains("عنوان") && blanked.contains("نص"));
    }

    #[test]
    fn blanked_ranges_may_overlap_and_hold_arabic_letters() {
        // Bytes 0..4 "<SRC" overlap 2..10 (the field's Arabic value, 2 bytes a letter); a stop
        // at 0; the line break inside a range is kept.
        let text = "<Sنصوص\nعادي";
        let blanked = blank_ranges(text, vec![2..text.find('\n').unwrap_or(0) + 1, 0..4], vec![0]).expect("boundaries");
        assert_eq!(blanked.len(), text.len());
        assert_eq!(blanked, format!(".{}\nعادي", " ".repeat(text.find('\n').unwrap_or(0) - 1)));
        // A range that splits a letter is refused, not a panic.
        assert_eq!(blank_ranges("نص", std::iter::once(1..2).collect(), vec![]), None);
    }

    #[test]
    fn comparisons_and_plain_text_are_not_markup() {
        for text in ["إذا كان س < 3 و ص > 4", "نسبة <5% فقط", "نص عادي بلا وسوم", "a <b c"]
        {
            assert!(matches!(blank_non_prose(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn web_addresses_are_blanked_without_the_sentence_around_them() {
        let text = "انظر الموقع https://example.org/محمد-علي/2019. ثم www.site.tn، وشكرا";
        let blanked = blank_non_prose(text);
        assert!(!blanked.contains("محمد-علي") && !blanked.contains("2019") && !blanked.contains("site"));
        assert!(blanked.contains("انظر الموقع") && blanked.contains(". ثم") && blanked.contains("، وشكرا"));
    }

    #[test]
    fn an_address_ends_at_any_blank_bracket_or_quote() {
        // Each character that ends an address, after an Arabic slug and ASCII: an ASCII
        // blank that is no `is_ascii_whitespace` (vertical tab), a no-break space, a guillemet,
        // an Arabic comma, a markup bracket, a quote.
        for end in ["\u{0B}", "\u{A0}", "«", "»", "،", "؛", "<", ">", "\"", " ", "\n"] {
            let text = format!("http://site.tn/نص-عربي/12{end}بعد");
            assert_eq!(address_end(&text, 0), text.find(end).unwrap_or(0), "{end:?}");
        }
        // Sentence punctuation after the address is not part of it.
        let text = "www.site.tn/مقال).";
        assert_eq!(address_end(text, 0), text.len() - 2);
    }

    #[test]
    fn a_header_field_without_its_closing_tag_keeps_its_line() {
        let text = "<URL>عنوان بلا إغلاق\nسطر";
        let blanked = blank_non_prose(text);
        assert!(blanked.contains("عنوان بلا إغلاق") && blanked.contains("سطر") && !blanked.contains("URL"));
    }
}
