//! Throughput of the whole `nass report` pipeline on real news articles, one document per
//! call, one thread, with its parts and charabia's tokenizer in the same group for
//! comparison. Criterion prints MB/s (throughput in bytes of input text).
//!
//! Text: the ANT news corpus at `../shared/data/news/ant-v1.1` when present (or the folder
//! named by `NASS_BENCH_NEWS`), else the sample corpus repeated, loaded as
//! `benches/normalize.rs` loads it.
//!
//! `report` runs per document what `nass report` runs (`nass::corpus::analyse_text`): repair,
//! extract dates, figures and people with the built-in tagger, map the spans back to the
//! original text, count terms; then it merges the people and ranks the terms over the corpus.
//! Reading and decoding files is not included: the documents are in memory.

/// The allocator the `nass` command runs with (src/main.rs), so that this measures what it runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use charabia::Tokenize;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use nass::corpus::{analyse_text, ReportBuilder};
use nass::extract::tagger::Tagger;
use nass::extract::{dates, extract, figures, find_entities};
use nass::normalize::{clean_cow, CleanOptions, Evidence};
use nass::stats::{count_document, CountOptions, Counts};
use nass::Lexicon;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// At most this many bytes of articles, so a run takes seconds, not minutes.
const BUDGET: usize = 8 << 20;

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The article text of an ANT file (between <TEXT> and </TEXT>), or the whole file.
fn article_text(raw: &str) -> &str {
    match (raw.find("<TEXT>"), raw.find("</TEXT>")) {
        (Some(a), Some(b)) if b > a => raw[a + 6..b].trim(),
        _ => raw,
    }
}

fn load_articles() -> (Vec<String>, &'static str) {
    let news = std::env::var_os("NASS_BENCH_NEWS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/news/ant-v1.1"));
    let mut files = Vec::new();
    collect_files(&news, &mut files);
    let mut docs = Vec::new();
    let mut total = 0;
    for f in files {
        let Ok(raw) = std::fs::read_to_string(&f) else { continue };
        let text = article_text(&raw);
        if text.len() < 200 {
            continue;
        }
        total += text.len();
        docs.push(text.to_string());
        if total >= BUDGET {
            break;
        }
    }
    if !docs.is_empty() {
        return (docs, "news");
    }
    // No news corpus on this machine: the sample corpus, repeated.
    let mut samples = Vec::new();
    collect_files(Path::new("corpus"), &mut samples);
    let samples: Vec<String> = samples.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let mut docs = Vec::new();
    while docs.iter().map(String::len).sum::<usize>() < BUDGET / 4 && !samples.is_empty() {
        docs.extend(samples.iter().cloned());
    }
    (docs, "sample")
}

/// What `report_sources` in `src/corpus.rs` does with the documents, one thread: analyse each,
/// then merge the people and rank the terms over the corpus.
fn report(names: &[String], docs: &[String], lexicon: &Lexicon) -> (usize, usize, usize) {
    let mut builder = ReportBuilder::new(lexicon);
    for (name, d) in names.iter().zip(docs) {
        let a = analyse_text(name.clone(), black_box(d), lexicon, &builder.stop, &builder.count_opts);
        builder.add(a);
    }
    let report = builder.finish(20);
    (report.documents.len(), report.people.len(), report.terms.len())
}

fn bench(c: &mut Criterion) {
    let (docs, source) = load_articles();
    let bytes: usize = docs.iter().map(String::len).sum();
    eprintln!("bench text: {} {source} documents, {:.1} MB", docs.len(), bytes as f64 / 1e6);
    let names: Vec<String> = (0..docs.len()).map(|i| format!("doc{i}")).collect();
    let lexicon = Lexicon::builtin();
    let stop = nass::stats::stopwords::builtin_folded(lexicon);
    let count_opts = CountOptions::default();
    let evidence = Evidence::lexicon_only(lexicon);
    let tagger = Tagger::builtin();
    // The documents repaired once, for the benchmarks of the parts that take repaired text.
    let repaired: Vec<String> =
        docs.iter().map(|d| clean_cow(d, &CleanOptions::default(), &evidence).0.into_owned()).collect();

    let mut group = c.benchmark_group(format!("report/{source}"));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.warm_up_time(Duration::from_secs(3));

    // The whole `nass report` pipeline (`report_sources` without reading files, one thread).
    // The tagger, the fold and the ligature repair cache word forms per thread, so after the
    // first pass this is the steady state of a long run.
    group.bench_function("report", |b| b.iter(|| report(&names, &docs, lexicon)));
    // The same on a new thread each time: every per-thread cache starts empty, as in one run of
    // `nass report` over these 8 MB.
    group.bench_function("report-cold-caches", |b| {
        b.iter(|| std::thread::scope(|s| s.spawn(|| report(&names, &docs, lexicon)).join().unwrap()))
    });
    // Repair + tokenize + count: the report pipeline without extraction.
    group.bench_function("repair+count", |b| {
        b.iter(|| {
            let mut counts = Counts::new(count_opts);
            for d in &docs {
                let (text, _) = clean_cow(black_box(d), &CleanOptions::default(), &evidence);
                counts.add(count_document(&text, &count_opts, lexicon));
            }
            counts.term_count()
        })
    });
    // extract() alone (dates, figures, tagger and people rules), on repaired text.
    group.bench_function("extract", |b| {
        b.iter(|| {
            repaired
                .iter()
                .map(|d| {
                    let e = extract(black_box(d), lexicon, &stop);
                    e.dates.len() + e.figures.len() + e.people.len()
                })
                .sum::<usize>()
        })
    });
    // The parts of extract(): dates + figures, then the tagger with the people rules.
    group.bench_function("dates+figures", |b| {
        b.iter(|| {
            repaired
                .iter()
                .map(|d| {
                    let found = dates::extract_dates(black_box(d));
                    let spans: Vec<_> = found.iter().map(|m| m.start..m.end).collect();
                    found.len() + figures::extract_figures(d, &spans).len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("tagger+people", |b| {
        b.iter(|| {
            repaired.iter().map(|d| find_entities(black_box(d), tagger, lexicon, &stop).people.len()).sum::<usize>()
        })
    });
    // The tagger alone.
    group.bench_function("tagger", |b| {
        b.iter(|| repaired.iter().map(|d| tagger.find_entities(black_box(d)).len()).sum::<usize>())
    });
    // Peer: charabia's tokenizer on the same text, as in benches/normalize.rs.
    group.bench_function("charabia-tokenize", |b| {
        b.iter(|| docs.iter().map(|d| black_box(d.as_str()).tokenize().count()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
