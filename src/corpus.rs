//! Running over many documents: the census pass, and an ordered parallel map over sources
//! with bounded memory. Every subcommand that reads a corpus goes through here.

use crate::extract::extract_in;
use crate::extract::people::{count_by_name, merge_people, PersonMention};
use crate::input::{blank_non_prose, read_source, Document, EncodingChoice, InputError, Source};
use crate::lexicon::{Census, Lexicon};
use crate::normalize::{clean_cow, CleanOptions, Evidence, LineRepairs, PunctRepairs, RepairOptions};
use crate::report::analysis::{DateRow, DocPerson, DocReport, FigureRow, Report};
use crate::stats::{count_document, count_tokens, CountOptions, Counts, DocCounts, TableOptions};
use crate::token::{tokenize_into, Token};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

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
        let prose = blank_non_prose(&doc.text);
        let (text, _) = clean_cow(&prose, &repair, &evidence);
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
            let prose = blank_non_prose(&text);
            let (repaired, _) = clean_cow(&prose, &repair, &evidence);
            let counts = count_document(&repaired, opts, lexicon);
            (name, counts)
        })
        .collect();
    for (name, doc) in docs {
        each(&name, &doc);
        counts.add(doc);
    }
}

/// One document analysed for `nass report`.
pub struct Analysed {
    pub doc: DocReport,
    /// Person mentions, with spans in the original text.
    pub mentions: Vec<PersonMention>,
    pub counts: DocCounts,
}

fn analyse(doc: &Document, lexicon: &Lexicon, stop: &HashSet<String>, count_opts: &CountOptions) -> Analysed {
    analyse_text(doc.path(), &doc.text, lexicon, stop, count_opts)
}

/// What `nass report` finds in one decoded document (`original`): it is repaired, its terms
/// counted and its dates, figures and people extracted, with spans in `original`. `stop`
/// holds folded stopwords ([`crate::stats::stopwords::builtin_folded`]).
pub fn analyse_text(
    path: String,
    original: &str,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
    count_opts: &CountOptions,
) -> Analysed {
    analyse_some(path, original, lexicon, stop, Some(count_opts))
}

/// [`analyse_text`], with the terms counted only when `count_opts` is given (`nass entities`
/// shows none: its documents have empty counts and no tokens).
fn analyse_some(
    path: String,
    original: &str,
    lexicon: &Lexicon,
    stop: &HashSet<String>,
    count_opts: Option<&CountOptions>,
) -> Analysed {
    let evidence = Evidence::lexicon_only(lexicon);
    // Markup and web addresses are blanked in place: spans stay those of `original`.
    let prose = blank_non_prose(original);
    let (text, offsets) = clean_cow(&prose, &CleanOptions::default(), &evidence);
    // The extraction and the counts read the same tokens of the repaired text: tokenized once.
    // About one token per six bytes of news text.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6);
    tokenize_into(&text, &mut tokens);
    let found = extract_in(&text, &tokens, lexicon, stop);
    // Spans are given in the decoded original text.
    let span = |start: usize, end: usize| offsets.to_original(start..end);
    let original = |start: usize, end: usize| {
        let r = span(start, end);
        (original.get(r.clone()).unwrap_or_default().to_string(), r)
    };
    let dates = found
        .dates
        .iter()
        .map(|d| {
            let (text, r) = original(d.start, d.end);
            DateRow { text, value: d.value.clone(), until: d.until.clone(), start: r.start, end: r.end }
        })
        .collect();
    let figures = found
        .figures
        .iter()
        .map(|f| {
            let (text, r) = original(f.start, f.end);
            FigureRow {
                text,
                value: f.value,
                percent: f.percent,
                unit: f.unit.clone(),
                currency: f.currency.clone(),
                start: r.start,
                end: r.end,
            }
        })
        .collect();
    let mut roles: HashMap<&str, Vec<String>, foldhash::fast::FixedState> = HashMap::default();
    for m in &found.people {
        if let Some(r) = &m.role {
            let list = roles.entry(m.name.as_str()).or_default();
            if !list.contains(r) {
                list.push(r.clone());
            }
        }
    }
    let people = count_by_name(&found.people)
        .into_iter()
        .map(|(name, mentions)| {
            let roles = roles.get(name.as_str()).cloned().unwrap_or_default();
            DocPerson { name, mentions, roles }
        })
        .collect();
    let counts = count_opts.map(|opts| count_tokens(&text, tokens, opts, lexicon)).unwrap_or_default();
    // Person spans in the original text too.
    let mentions = found
        .people
        .into_iter()
        .map(|m| {
            let r = span(m.start, m.end);
            PersonMention { start: r.start, end: r.end, ..m }
        })
        .collect();
    let doc = DocReport { path, tokens: counts.tokens, people, dates, figures };
    Analysed { doc, mentions, counts }
}

/// One mention for `nass entities`: a person, a date or a figure, with its span in the
/// document's decoded text.
#[derive(Clone, Debug, serde::Serialize)]
pub struct EntityRow {
    pub document: String,
    pub kind: &'static str,
    pub text: String,
    pub value: serde_json::Value,
    pub start: usize,
    pub end: usize,
}

/// Every mention of every readable source, in order, to `each`; unreadable sources are
/// returned.
pub fn entities_sources(
    sources: &[Source],
    encoding: EncodingChoice,
    mut each: impl FnMut(EntityRow),
) -> Vec<InputError> {
    let lexicon = Lexicon::builtin();
    let stop = crate::stats::stopwords::builtin_folded(lexicon);
    let mut errors = Vec::new();
    map_documents(
        sources,
        encoding,
        // The terms are not shown: not counted.
        |doc| (analyse_some(doc.path(), &doc.text, lexicon, &stop, None), doc.text),
        |_, result| {
            match result {
                Ok((a, original)) => {
                    let document = a.doc.path.clone();
                    let mut rows: Vec<EntityRow> = Vec::new();
                    for m in a.mentions {
                        let text = original.get(m.start..m.end).unwrap_or_default().to_string();
                        let value = serde_json::Value::String(m.name);
                        rows.push(EntityRow {
                            document: document.clone(),
                            kind: "person",
                            text,
                            value,
                            start: m.start,
                            end: m.end,
                        });
                    }
                    for d in a.doc.dates {
                        let value = match d.until {
                            Some(u) => serde_json::json!({ "value": d.value, "until": u }),
                            None => serde_json::Value::String(d.value),
                        };
                        rows.push(EntityRow {
                            document: document.clone(),
                            kind: "date",
                            text: d.text,
                            value,
                            start: d.start,
                            end: d.end,
                        });
                    }
                    for f in a.doc.figures {
                        let value = serde_json::json!(f.value);
                        rows.push(EntityRow {
                            document: document.clone(),
                            kind: "figure",
                            text: f.text,
                            value,
                            start: f.start,
                            end: f.end,
                        });
                    }
                    rows.sort_by_key(|r| (r.start, r.end));
                    rows.into_iter().for_each(&mut each);
                }
                Err(e) => errors.push(e),
            }
            true
        },
    );
    errors
}

/// Analyses every source for `nass report`: people, dates and figures per document, people
/// merged over the corpus, and the `top` most frequent terms (stopwords left out).
pub fn report_sources(sources: &[Source], encoding: EncodingChoice, top: usize) -> Report {
    let lexicon = Lexicon::builtin();
    let mut report = ReportBuilder::new(lexicon);
    let (stop, count_opts) = (report.stop.clone(), report.count_opts);
    map_documents(
        sources,
        encoding,
        |doc| analyse(&doc, lexicon, &stop, &count_opts),
        |_, result| {
            match result {
                Ok(a) => report.add(a),
                Err(e) => report.errors.push(e),
            }
            true
        },
    );
    report.finish(top)
}

/// Gathers analysed documents, in order, into a [`Report`].
pub struct ReportBuilder {
    /// Folded stopwords, for the extractors and the term table.
    pub stop: HashSet<String>,
    pub count_opts: CountOptions,
    pub errors: Vec<InputError>,
    counts: Counts,
    documents: Vec<DocReport>,
    mentions: Vec<(String, PersonMention)>,
}

impl ReportBuilder {
    pub fn new(lexicon: &Lexicon) -> ReportBuilder {
        let count_opts = CountOptions::default();
        ReportBuilder {
            stop: crate::stats::stopwords::builtin_folded(lexicon),
            count_opts,
            errors: Vec::new(),
            counts: Counts::new(count_opts),
            documents: Vec::new(),
            mentions: Vec::new(),
        }
    }

    pub fn add(&mut self, a: Analysed) {
        self.mentions.extend(a.mentions.into_iter().map(|m| (a.doc.path.clone(), m)));
        self.counts.add(a.counts);
        self.documents.push(a.doc);
    }

    /// The report: people merged over the corpus, and the `top` most frequent terms
    /// (stopwords left out).
    pub fn finish(self, top: usize) -> Report {
        let people = merge_people(&self.mentions);
        let terms = self.counts.term_rows(&TableOptions { stop_keys: self.stop, min_count: 1, top });
        Report { documents: self.documents, people, terms, errors: self.errors }
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
