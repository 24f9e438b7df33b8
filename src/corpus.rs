//! Running over many documents: the census pass, and an ordered parallel map over sources
//! with bounded memory. Every subcommand that reads a corpus goes through here.

use crate::input::{read_source, Document, EncodingChoice, InputError, Source};
use crate::lexicon::{Census, Lexicon};
use crate::normalize::{clean_cow, CleanOptions, Evidence, LineRepairs, PunctRepairs, RepairOptions};
use crate::stats::{count_document, CountOptions, Counts, DocCounts};
use rayon::prelude::*;

/// How many documents are read and processed at once; results are emitted in order after
/// each chunk, so memory holds at most this many documents.
pub const CHUNK: usize = 64;

/// Counts word forms over every readable source (in parallel). Unreadable sources are skipped
/// here; they are reported by the pass that processes the documents.
pub fn take_census(sources: &[Source], encoding: EncodingChoice, lexicon: &Lexicon) -> Census {
    sources
        .par_iter()
        .filter(|s| !matches!(s, Source::Stdin))
        .fold(Census::new, |mut census, source| {
            if let Ok(doc) = read_source(source, encoding) {
                census.add_text(&doc.text, lexicon);
            }
            census
        })
        .reduce(Census::new, |mut a, b| {
            a.merge(b);
            a
        })
}

/// Reads each source, applies `work` to its document in parallel, and hands the results to
/// `sink` in source order. `sink` may stop the run by returning `false`.
pub fn map_documents<T, W, S>(sources: &[Source], encoding: EncodingChoice, work: W, mut sink: S)
where
    T: Send,
    W: Fn(Document) -> T + Sync,
    S: FnMut(&Source, Result<T, InputError>) -> bool,
{
    for chunk in sources.chunks(CHUNK) {
        let results: Vec<Result<T, InputError>> =
            chunk.par_iter().map(|source| read_source(source, encoding).map(&work)).collect();
        for (source, result) in chunk.iter().zip(results) {
            if !sink(source, result) {
                return;
            }
        }
    }
}

/// The repairs counting needs: those that change words always; those that only change
/// word order or punctuation (reversed lines, mirrored marks, moved signs) only when n-grams
/// are counted, since single-term counts cannot see them.
pub fn repairs_for_counting(opts: &CountOptions) -> CleanOptions {
    let mut repair = RepairOptions::default();
    if opts.ngrams.max < 2 {
        repair.lines = LineRepairs { reversed_lines: false, period_at_line_start: false };
        repair.punct = PunctRepairs { quotes: false, parens: false, percent: false, comma: false };
    }
    CleanOptions { repair, fold: None }
}

/// Repairs and counts every source (each document on its own, with the built-in lexicon,
/// so that counts do not depend on how a corpus is split), in parallel. `each` sees every
/// document's counts, in source order, before they are added; unreadable sources are
/// returned, in order.
pub fn count_sources(
    sources: &[Source],
    encoding: EncodingChoice,
    opts: &CountOptions,
    mut each: impl FnMut(&str, &DocCounts),
) -> (Counts, Vec<InputError>) {
    let lexicon = Lexicon::builtin();
    let evidence = Evidence::lexicon_only(lexicon);
    let repair = repairs_for_counting(opts);
    let mut counts = Counts::new(*opts);
    let mut errors = Vec::new();
    let work = |doc: Document| {
        let (text, _) = clean_cow(&doc.text, &repair, &evidence);
        (doc.path(), count_document(&text, opts, lexicon))
    };
    map_documents(sources, encoding, work, |_, result| {
        match result {
            Ok((name, doc)) => {
                each(&name, &doc);
                counts.add(doc);
            }
            Err(e) => errors.push(e),
        }
        true
    });
    (counts, errors)
}

/// Like [`count_sources`], for texts already in memory (JSON Lines records): `(name, text)`.
pub fn count_texts(
    texts: Vec<(String, String)>,
    opts: &CountOptions,
    counts: &mut Counts,
    mut each: impl FnMut(&str, &DocCounts),
) {
    let lexicon = Lexicon::builtin();
    let evidence = Evidence::lexicon_only(lexicon);
    let repair = repairs_for_counting(opts);
    let docs: Vec<(String, DocCounts)> = texts
        .into_par_iter()
        .map(|(name, text)| {
            let (repaired, _) = clean_cow(&text, &repair, &evidence);
            let counts = count_document(&repaired, opts, lexicon);
            (name, counts)
        })
        .collect();
    for (name, doc) in docs {
        each(&name, &doc);
        counts.add(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn results_come_in_source_order_with_errors_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let mut sources = Vec::new();
        for i in 0..(CHUNK + 5) {
            let path = dir.path().join(format!("{i:03}.txt"));
            std::fs::write(&path, format!("وثيقة {i}")).unwrap();
            sources.push(Source::File { path, relative: PathBuf::new() });
        }
        sources.insert(3, Source::File { path: dir.path().join("missing.txt"), relative: PathBuf::new() });
        let mut seen = Vec::new();
        map_documents(
            &sources,
            EncodingChoice::Auto,
            |d| d.text,
            |_, r| {
                seen.push(r.map_err(|e| e.path));
                true
            },
        );
        assert_eq!(seen.len(), CHUNK + 6);
        assert_eq!(seen[0].as_deref(), Ok("وثيقة 0"));
        assert!(seen[3].as_ref().unwrap_err().ends_with("missing.txt"));
        assert_eq!(seen[CHUNK + 5].as_deref(), Ok(format!("وثيقة {}", CHUNK + 4).as_str()));
    }

    #[test]
    fn counts_do_not_depend_on_how_the_corpus_is_split() {
        let dir = tempfile::tempdir().unwrap();
        let texts =
            ["شهدت البلاد انتخابات رئاسية، وفاز الرئيس.", "الانتخابات الرئاسية في البلاد", "فاز الرئيس بالانتخابات"];
        let sources: Vec<Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let path = dir.path().join(format!("{i}.txt"));
                std::fs::write(&path, t).unwrap();
                Source::File { path, relative: PathBuf::new() }
            })
            .collect();
        let opts = CountOptions { ngrams: "2".parse().unwrap(), ..CountOptions::default() };
        let (whole, errors) = count_sources(&sources, EncodingChoice::Auto, &opts, |_, _| {});
        assert!(errors.is_empty());
        let (mut a, _) = count_sources(&sources[..1], EncodingChoice::Auto, &opts, |_, _| {});
        let (b, _) = count_sources(&sources[1..], EncodingChoice::Auto, &opts, |_, _| {});
        a.merge(b).unwrap();
        assert_eq!(a, whole);
        assert_eq!(whole.documents, 3);
        let president = whole.term("الرئيس").unwrap();
        assert_eq!((president.count, president.documents), (2, 2));
    }

    #[test]
    fn census_counts_all_readable_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "البالد").unwrap();
        std::fs::write(&b, "البلاد والبالد").unwrap();
        let sources: Vec<Source> =
            [a, b].into_iter().map(|path| Source::File { path, relative: PathBuf::new() }).collect();
        let census = take_census(&sources, EncodingChoice::Auto, Lexicon::builtin());
        assert_eq!(census.count("البالد"), 1);
        assert_eq!(census.count("البلاد"), 1);
        assert_eq!(census.words(), 3);
    }
}
