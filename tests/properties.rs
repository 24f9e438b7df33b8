//! Property tests of `clean`: idempotence, no panics, spans that map back into the original;
//! and of the markup blanking that comes before analysis.

use nass::input::{blank_non_prose, decode, EncodingChoice};
use nass::normalize::{fold_text, ChangeClass};
use nass::{clean, CleanOptions, Cleaned, Evidence, FoldOptions, Lexicon, RepairOptions};
use proptest::prelude::*;

fn evidence() -> Evidence<'static> {
    Evidence::lexicon_only(Lexicon::builtin())
}

fn with_fold() -> CleanOptions {
    CleanOptions { fold: Some(FoldOptions::default()), ..CleanOptions::default() }
}

/// Letters, kashidas, marks, blanks, line breaks, punctuation, digits, presentation forms and
/// bidi controls: every character some stage looks at.
const PIECES: &[&str] = &[
    "ا", "ل", "ب", "ي", "ر", "ن", "ش", "ص", "ض", "ت", "م", "ك", "و", "ه", "ة", "ى", "أ", "إ", // letters
    "\u{0640}", "\u{FFFD}", "\u{064E}", "\u{0650}", "\u{0651}", // kashidas, marks
    " ", " ", " ", "  ", "\n", "\r\n", // blanks
    "«", "»", "(", ")", "%", "،", ",", ".", // punctuation
    "0", "5", "9", "٠", "٢", "٩", // digits
    "\u{FEFB}", "\u{FE8D}", "\u{FDF2}", "\u{200F}", "\u{202B}", // presentation forms, bidi
];

/// Words that the ligature repair and the word-order model know: swapped forms, their
/// repairs, and frequent words.
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "البالد", "البلاد", "نوفمرب", "نوفمبر", "القوانني", "القوانين", "بني", "بين", "خالل", "خلال", "غري", "غير",
    "الخرباء", "كبرية", "في", "من", "على", "إلى", "أن", "قال", "وقال", "الرئيس", "الانتخابات", "التي", "هذا",
    "عام", "مع", "بعد",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_string),
        2 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => prop::char::range('0', '9').prop_map(String::from),
        1 => prop::char::range('\u{0660}', '\u{0669}').prop_map(String::from),
    ]
}

/// Arabic-looking text made of the pieces above.
fn arabic_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

/// Lines of words separated by wide gaps (candidates for reversed lines), some starting with
/// a period, some with single spaces.
fn spaced_lines() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => prop::collection::vec(prop::sample::select(PIECES), 1..4).prop_map(|v| v.concat()),
    ];
    let gap = prop::sample::select(&["  ", "  ", "   ", " ", "\t"][..]);
    let line = (prop::bool::weighted(0.2), prop::collection::vec((word, gap), 1..8)).prop_map(|(period, ws)| {
        let mut s = if period { ". ".to_string() } else { String::new() };
        for (w, g) in ws {
            s.push_str(&w);
            s.push_str(g);
        }
        s
    });
    let eol = prop::sample::select(&["\n", "\r\n", "\n\n"][..]);
    prop::collection::vec((line, eol), 1..6).prop_map(|ls| ls.into_iter().map(|(l, e)| l + e).collect())
}

/// Text with markup, web addresses and stray brackets among Arabic words.
fn marked_up() -> impl Strategy<Value = String> {
    const MARKUP: &[&str] = &[
        "<DOC>",
        "</DOC>",
        "<DOCNO>",
        "</DOCNO>",
        "<URL>",
        "</URL>",
        "<TITLE>",
        "</TITLE>",
        "<P>",
        "<b>",
        "</b>",
        "<DOC id=\"AFP_1\" type=\"story\" >",
        "http://",
        "https://a.tn/محمد-علي/92",
        "www.",
        "<",
        ">",
        "</",
        "<3",
        "\n",
        " ",
        "-",
        "/",
        ".",
        "،",
        "JA-politic-39-20170126",
    ];
    let piece = prop_oneof![
        3 => prop::sample::select(MARKUP).prop_map(str::to_string),
        2 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => piece(),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => arabic_soup(),
        2 => spaced_lines(),
        1 => any::<String>(),
    ]
}

/// The text with every mark that sits on no letter dropped (the generators above scatter
/// marks after spaces and punctuation too).
fn marks_on_letters(text: String) -> String {
    let is_mark = |c: char| ('\u{064B}'..='\u{065F}').contains(&c);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !is_mark(c) || out.chars().next_back().is_some_and(|p| is_mark(p) || ('\u{0621}'..='\u{064A}').contains(&p))
        {
            out.push(c);
        }
    }
    out
}

/// Char boundaries of `s`, the end included.
fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect()
}

/// Repair classes made by one pass over the text, so listed in text order by `repairs()`.
/// The character stage may judge kashidas in a second pass, after the glyphs; the line stage
/// may judge lines again in a second round, so its repairs have no order.
fn pass_of(class: ChangeClass) -> Option<u8> {
    match class {
        ChangeClass::Tatweel | ChangeClass::ReplacementChar => Some(0),
        ChangeClass::PresentationForm | ChangeClass::BidiControl => Some(1),
        ChangeClass::LigatureSwap => Some(2),
        ChangeClass::ReversedLine | ChangeClass::PeriodLineStart => None,
        _ => Some(3),
    }
}

/// Every repair span and every mapped span lies inside `original`, on char boundaries, and
/// the map back is monotonic.
fn check_spans(original: &str, cleaned: &Cleaned) -> Result<(), TestCaseError> {
    let repairs = cleaned.repairs();
    for r in &repairs {
        prop_assert!(r.start <= r.end && r.end <= original.len(), "repair {r:?} outside {}", original.len());
        prop_assert!(original.is_char_boundary(r.start) && original.is_char_boundary(r.end), "repair {r:?}");
    }
    for pass in 0..4 {
        let of_pass: Vec<_> = repairs.iter().filter(|r| pass_of(r.class) == Some(pass)).collect();
        for w in of_pass.windows(2) {
            prop_assert!(w[0].start <= w[1].start && w[0].end <= w[1].end, "repairs out of order: {w:?}");
        }
    }
    let out = boundaries(&cleaned.text);
    // Every boundary as a start and as an end, plus a sample of spans.
    let starts: Vec<usize> = out.iter().map(|&a| cleaned.offsets.to_original_start(a)).collect();
    let ends: Vec<usize> = out.iter().map(|&a| cleaned.offsets.to_original_end(a)).collect();
    for k in 0..out.len() {
        for (what, o) in [("start", starts[k]), ("end", ends[k])] {
            prop_assert!(o <= original.len() && original.is_char_boundary(o), "{what} of {} maps to {o}", out[k]);
        }
        if k > 0 {
            prop_assert!(starts[k - 1] <= starts[k], "starts not monotonic at {}: {starts:?}", out[k]);
            prop_assert!(ends[k - 1] <= ends[k], "ends not monotonic at {}: {ends:?}", out[k]);
        }
    }
    let step = (out.len() / 12).max(1);
    for i in (0..out.len()).step_by(step) {
        for j in (i..out.len()).step_by(step).chain(std::iter::once(out.len() - 1)) {
            let span = cleaned.offsets.to_original(out[i]..out[j]);
            prop_assert!(span.start <= span.end && span.end <= original.len(), "{:?} -> {span:?}", out[i]..out[j]);
            prop_assert!(original.is_char_boundary(span.start) && original.is_char_boundary(span.end));
        }
    }
    Ok(())
}

fn check_idempotent(x: &str, opts: &CleanOptions) -> Result<(), TestCaseError> {
    let ev = evidence();
    let once = clean(x, opts, &ev);
    let twice = clean(&once.text, opts, &ev);
    prop_assert_eq!(&twice.text, &once.text, "input {:?}", x);
    Ok(())
}

/// 1,024 cases per property (about 2 s in a debug build); `PROPTEST_CASES` still decides
/// when set, for a longer run.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1024);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn clean_is_idempotent(x in text()) {
        check_idempotent(&x, &CleanOptions::default())?;
    }

    // With folding, idempotence holds for the repairs that read characters, lines and
    // punctuation, on text whose marks sit on letters. It cannot hold in general: folding
    // rewrites what the repairs read. ة→ه, ى→ي and أ→ا change the lexicon's evidence for a
    // ligature swap (ه is a clitic, ي half of the pairs لي and ين: ككبريةأ stays, its folded
    // ككبريها is repaired), and deleting a mark that sits on no letter (`(ِ»`, `. َ عام`)
    // removes a token the punctuation and line repairs count.
    #[test]
    fn clean_with_fold_is_idempotent(x in text().prop_map(marks_on_letters)) {
        let mut opts = with_fold();
        opts.repair.ligatures = None;
        check_idempotent(&x, &opts)?;
    }

    /// What holds with every repair: cleaning with fold is repairing then folding, and the
    /// cleaned text, repaired or folded again, stays as it is.
    #[test]
    fn clean_with_fold_is_repair_then_fold(x in text()) {
        let ev = evidence();
        let repaired = clean(&x, &CleanOptions::default(), &ev).text;
        let folded = clean(&x, &with_fold(), &ev).text;
        let repaired_folded = fold_text(&repaired, &FoldOptions::default());
        prop_assert_eq!(folded.as_str(), repaired_folded.as_ref());
        prop_assert_eq!(&clean(&repaired, &with_fold(), &ev).text, &folded);
        let fold_only = CleanOptions { repair: RepairOptions::none(), fold: Some(FoldOptions::default()) };
        prop_assert_eq!(&clean(&folded, &fold_only, &ev).text, &folded);
    }

    #[test]
    fn spans_map_into_the_original(x in text()) {
        let ev = evidence();
        check_spans(&x, &clean(&x, &CleanOptions::default(), &ev))?;
        check_spans(&x, &clean(&x, &with_fold(), &ev))?;
    }

    #[test]
    fn no_panic_on_any_string(x in any::<String>()) {
        let ev = evidence();
        check_spans(&x, &clean(&x, &with_fold(), &ev))?;
    }

    #[test]
    fn no_panic_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(decoded) = decode(&bytes, EncodingChoice::Auto) {
            let ev = evidence();
            check_spans(&decoded.text, &clean(&decoded.text, &with_fold(), &ev))?;
        }
    }

    #[test]
    fn no_panic_on_bytes_of_arabic_text(x in text(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        // Valid UTF-8 with one byte overwritten: mostly invalid, sometimes another encoding.
        let mut bytes = x.into_bytes();
        if !bytes.is_empty() {
            let k = cut.index(bytes.len());
            bytes[k] = byte;
        }
        if let Ok(decoded) = decode(&bytes, EncodingChoice::Auto) {
            let ev = evidence();
            check_spans(&decoded.text, &clean(&decoded.text, &with_fold(), &ev))?;
        }
    }

    #[test]
    fn folding_twice_changes_nothing(x in text()) {
        let opts = FoldOptions::default();
        let once = fold_text(&x, &opts).into_owned();
        let twice = fold_text(&once, &opts);
        prop_assert_eq!(twice.as_ref(), once.as_str());
    }

    #[test]
    fn blanking_markup_keeps_every_offset_and_line(x in prop_oneof![3 => marked_up(), 1 => any::<String>()]) {
        let blanked = blank_non_prose(&x);
        prop_assert_eq!(blanked.len(), x.len());
        for ((a, b), k) in x.bytes().zip(blanked.bytes()).zip(0..) {
            // A byte is kept, or blanked to a space or a full stop; line breaks always stay.
            prop_assert!(a == b || (matches!(b, b' ' | b'.') && a != b'\n' && a != b'\r'), "byte {k} of {x:?}");
            if a != b {
                prop_assert!(x.is_char_boundary(k) || matches!(b, b' '), "byte {k} of {x:?}");
            }
        }
    }

    #[test]
    fn no_repair_and_no_fold_is_the_identity(x in text()) {
        let opts = CleanOptions { repair: RepairOptions::none(), fold: None };
        let cleaned = clean(&x, &opts, &evidence());
        prop_assert_eq!(&cleaned.text, &x);
        prop_assert!(cleaned.offsets.is_identity());
        prop_assert!(cleaned.repairs().is_empty());
    }
}

/// Inputs the properties found, kept as plain cases (proptest's seeds depend on the
/// generators).
#[test]
fn cases_found_by_the_properties() {
    let ev = evidence();
    let cases = [
        // a kashida before a presentation form, around a bidi control, or in a marked stretch
        "اـ\u{FEFB}",
        "بـ\u{200F}ـب",
        "ي\u{FFFD}ـ\u{064E}ـ\u{FDF2}",
        // a period moved back to the end of a line that then reads as reversed
        "البالد البالد البالد  \n. في  كبرية     البالد البالد  خالل  \n",
        // a moved period makes double spacing the exception: the threshold drops
        "البالد البالد البالد  \nالبالد  البالد  البالد  \nالبالد البالد البالد  \n. البالد  البالد  \nي  غري  البالد  \n",
        // a percent sign moved after its number leaves a guillemet that now closes a word
        "\u{FEFB}«%,0 نوفمرب",
        // the second punctuation pass repairs a place before the first pass's repair
        "»البالد«%,0",
    ];
    for x in cases {
        check_spans(x, &clean(x, &CleanOptions::default(), &ev)).map_err(|e| format!("{x:?}: {e}")).unwrap();
        let once = clean(x, &CleanOptions::default(), &ev);
        assert_eq!(clean(&once.text, &CleanOptions::default(), &ev).text, once.text, "{x:?}");
        let once = clean(x, &with_fold(), &ev);
        assert_eq!(clean(&once.text, &with_fold(), &ev).text, once.text, "{x:?}");
    }
}
