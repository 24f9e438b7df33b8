//! Throughput of repair and fold on real news articles, with charabia's tokenizer on the same
//! text in the same run as the peer. Criterion prints MB/s (throughput in bytes).
//!
//! Text: the ANT news corpus at `../shared/data/news/ant-v1.1` when present (or the folder
//! named by `NASS_BENCH_NEWS`), else the sample corpus repeated. One document per call,
//! one thread, as `nass clean` processes them.

/// The allocator the `nass` command runs with (src/main.rs), so that this measures what it runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use charabia::Tokenize;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use nass::corpus::repairs_for_counting;
use nass::normalize::{clean, clean_cow, fold_text, CleanOptions, Evidence, FoldOptions, RepairOptions};
use nass::stats::{count_document, CountOptions, Counts};
use nass::{Census, Lexicon};
use std::path::{Path, PathBuf};

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

fn bench(c: &mut Criterion) {
    let (docs, source) = load_articles();
    let bytes: usize = docs.iter().map(String::len).sum();
    eprintln!("bench text: {} {source} documents, {:.1} MB", docs.len(), bytes as f64 / 1e6);
    let lexicon = Lexicon::builtin();
    let mut census = Census::new();
    for d in &docs {
        census.add_text(d, lexicon);
    }
    let with_census = Evidence { lexicon, census: Some(&census) };
    let repair = CleanOptions { repair: RepairOptions::default(), fold: None };
    let repair_fold = CleanOptions { repair: RepairOptions::default(), fold: Some(FoldOptions::default()) };
    let fold_only = FoldOptions::default();

    let mut group = c.benchmark_group(format!("normalize/{source}"));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("repair", |b| {
        b.iter(|| docs.iter().map(|d| clean(black_box(d), &repair, &with_census).text.len()).sum::<usize>())
    });
    group.bench_function("repair+fold", |b| {
        b.iter(|| docs.iter().map(|d| clean(black_box(d), &repair_fold, &with_census).text.len()).sum::<usize>())
    });
    // The `nass freq` pipeline per document: repair, tokenize, fold each form to its key,
    // count, and add to the corpus counts.
    let count_opts = CountOptions::default();
    let count_repair = repairs_for_counting(&count_opts);
    let lexicon_only = Evidence::lexicon_only(lexicon);
    group.bench_function("repair+tokenize+fold+count", |b| {
        b.iter(|| {
            let mut counts = Counts::new(count_opts);
            for d in &docs {
                let (repaired, _) = clean_cow(black_box(d), &count_repair, &lexicon_only);
                counts.add(count_document(&repaired, &count_opts, lexicon));
            }
            counts.term_count()
        })
    });
    group.bench_function("fold", |b| {
        b.iter(|| docs.iter().map(|d| fold_text(black_box(d), &fold_only).len()).sum::<usize>())
    });
    group.bench_function("charabia-tokenize", |b| {
        b.iter(|| docs.iter().map(|d| black_box(d.as_str()).tokenize().count()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
