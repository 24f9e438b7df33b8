//! The checks the fuzz target runs, kept in a library so that a stable test can run them too
//! (`cargo test` in this folder).

use nass::input::{decode, EncodingChoice};
use nass::{clean, CleanOptions, Cleaned, Evidence, FoldOptions, Lexicon};

/// Decodes `data` as the CLI does and cleans it, with repair and fold; panics when a span
/// leaves the original, is not on a char boundary, or the map back is not monotonic, and
/// when repairing the repaired text changes it.
pub fn check(data: &[u8]) {
    let Ok(decoded) = decode(data, EncodingChoice::Auto) else { return };
    let text = decoded.text.as_str();
    let ev = Evidence::lexicon_only(Lexicon::builtin());
    let folded = CleanOptions { fold: Some(FoldOptions::default()), ..CleanOptions::default() };
    check_spans(text, &clean(text, &folded, &ev));
    let repaired = clean(text, &CleanOptions::default(), &ev);
    check_spans(text, &repaired);
    let again = clean(&repaired.text, &CleanOptions::default(), &ev);
    assert_eq!(again.text, repaired.text, "repair is not idempotent on {text:?}");
}

/// The span invariants of a cleaned text against its original.
pub fn check_spans(original: &str, cleaned: &Cleaned) {
    for r in cleaned.repairs() {
        assert!(r.start <= r.end && r.end <= original.len(), "repair {r:?} outside {} bytes", original.len());
        assert!(original.is_char_boundary(r.start) && original.is_char_boundary(r.end), "repair {r:?} splits a char");
    }
    let (mut last_start, mut last_end) = (0, 0);
    let boundaries = cleaned.text.char_indices().map(|(i, _)| i).chain(std::iter::once(cleaned.text.len()));
    for b in boundaries {
        let (start, end) = (cleaned.offsets.to_original_start(b), cleaned.offsets.to_original_end(b));
        for o in [start, end] {
            assert!(o <= original.len() && original.is_char_boundary(o), "offset {b} maps to {o}");
        }
        assert!(start >= last_start && end >= last_end, "map not monotonic at {b}");
        let span = cleaned.offsets.to_original(b..cleaned.text.len());
        assert!(span.start <= span.end && span.end <= original.len(), "{b}.. maps to {span:?}");
        (last_start, last_end) = (start, end);
    }
}
