//! `nass freq` (term and n-gram frequencies) and `nass merge` (combine partial counts).

use super::{report_error, InputArgs, EXIT_INPUT_ERRORS, EXIT_OK, EXIT_OUTPUT_ERROR, EXIT_USAGE};
use clap::{Args, ValueEnum};
use nass::corpus::{count_sources, count_texts};
use nass::input::jsonl::Batches;
use nass::input::{collect_sources, InputError};
use nass::output::csv_field;
use nass::report::freq::{FreqFormat, FreqReport};
use nass::stats::{stopwords, CountOptions, Counts, DocCounts, NgramRange, TableOptions};
use nass::token::KeyMode;
use nass::Lexicon;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table for the terminal
    Table,
    Csv,
    /// One JSON object: {"by", "documents", "tokens", "terms": [...], "ngrams": [...], "errors"}
    Json,
    /// One JSON object per row
    Jsonl,
}

impl From<Format> for FreqFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Table => FreqFormat::Table,
            Format::Csv => FreqFormat::Csv,
            Format::Json => FreqFormat::Json,
            Format::Jsonl => FreqFormat::Jsonl,
        }
    }
}

/// How the table is shown: shared by `freq` and `merge`.
#[derive(Args, Debug)]
pub struct TableArgs {
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Leave out terms seen fewer times
    #[arg(long, default_value_t = 1)]
    pub min_count: u64,
    /// Show at most N rows per table (default: 50 for the terminal table, all otherwise)
    #[arg(long)]
    pub top: Option<usize>,
    /// Stopword file (one word per line) instead of the built-in Arabic list
    #[arg(long, value_name = "FILE")]
    pub stopwords: Option<PathBuf>,
    /// Keep stopwords in the table
    #[arg(long)]
    pub no_stopwords: bool,
    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct FreqArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// What terms are counted under: surface (as written), fold (search form), lemma (without clitics)
    #[arg(long, default_value = "fold", value_parser = |s: &str| s.parse::<KeyMode>())]
    pub by: KeyMode,
    /// Also count n-grams of these lengths, e.g. 2 or 2..5 (never across punctuation)
    #[arg(long, default_value = "1", value_parser = |s: &str| s.parse::<NgramRange>())]
    pub ngram: NgramRange,
    /// Count numbers and percentages as terms too
    #[arg(long)]
    pub numbers: bool,
    /// Write document-term counts in long form (document, term key, count) instead of the table
    #[arg(long)]
    pub per_document: bool,
    /// Write a partial count file for `nass merge` instead of the table
    #[arg(long)]
    pub partial: bool,
    #[command(flatten)]
    pub table: TableArgs,
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// Partial count files written by `nass freq --partial`
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub table: TableArgs,
}

fn open_output(path: &Option<PathBuf>) -> io::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::new(std::fs::File::create(p)?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// The exit status of a command that wrote `result` after reading inputs.
pub(super) fn finish(result: io::Result<()>, had_errors: bool) -> i32 {
    match result {
        Ok(()) if had_errors => EXIT_INPUT_ERRORS,
        Ok(()) => EXIT_OK,
        Err(e) if super::is_broken_pipe(&e) => EXIT_OK,
        Err(e) => {
            eprintln!("nass: error: cannot write output: {e}");
            EXIT_OUTPUT_ERROR
        }
    }
}

fn table_options(args: &TableArgs, by: KeyMode) -> Result<TableOptions, String> {
    let lexicon = Lexicon::builtin();
    let stop_keys = if args.no_stopwords {
        Default::default()
    } else if let Some(path) = &args.stopwords {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        stopwords::keys(&stopwords::parse(&text), by, lexicon)
    } else {
        stopwords::keys(&stopwords::builtin(), by, lexicon)
    };
    let top = args.top.unwrap_or(if args.format == Format::Table { 50 } else { 0 });
    Ok(TableOptions { stop_keys, min_count: args.min_count, top })
}

fn write_report(counts: &Counts, args: &TableArgs, errors: Vec<InputError>) -> io::Result<()> {
    let opts = match table_options(args, counts.options.by) {
        Ok(o) => o,
        Err(e) => return Err(io::Error::new(io::ErrorKind::NotFound, e)),
    };
    let report = FreqReport {
        by: counts.options.by.name(),
        documents: counts.documents,
        tokens: counts.tokens,
        terms: counts.term_rows(&opts),
        ngrams: if counts.options.ngrams.max >= 2 { counts.ngram_rows(&opts) } else { Vec::new() },
        errors,
    };
    let mut out = open_output(&args.output)?;
    report.write(args.format.into(), &mut out)?;
    out.flush()
}

pub fn run_freq(args: &FreqArgs) -> i32 {
    if args.partial && args.per_document {
        eprintln!("nass: error: --partial and --per-document write different files; choose one");
        return EXIT_USAGE;
    }
    if let Err(e) = table_options(&args.table, args.by) {
        eprintln!("nass: error: {e}");
        return EXIT_USAGE;
    }
    let opts = CountOptions { by: args.by, ngrams: args.ngram, numbers: args.numbers };
    let mut per_doc_out = if args.per_document {
        match open_output(&args.table.output) {
            Ok(mut w) => {
                let header =
                    if args.table.format == Format::Jsonl { Ok(()) } else { writeln!(w, "document,term,count") };
                if let Err(e) = header {
                    return finish(Err(e), false);
                }
                Some(w)
            }
            Err(e) => return finish(Err(e), false),
        }
    } else {
        None
    };
    let mut write_error: Option<io::Error> = None;
    let jsonl_rows = args.table.format == Format::Jsonl;
    let mut each = |name: &str, doc: &DocCounts| {
        let Some(w) = per_doc_out.as_mut() else { return };
        if write_error.is_some() {
            return;
        }
        for (term, count) in doc.term_counts() {
            let row = if jsonl_rows {
                serde_json::to_string(&serde_json::json!({"document": name, "term": term, "count": count}))
                    .map(|s| s + "\n")
            } else {
                Ok(format!("{},{},{}\n", csv_field(name), csv_field(&term), count))
            };
            if let Err(e) = row.map_err(io::Error::other).and_then(|r| w.write_all(r.as_bytes())) {
                write_error = Some(e);
                return;
            }
        }
    };
    let (counts, errors) = if args.input.jsonl_in {
        count_jsonl(&args.input, &opts, &mut each)
    } else {
        let (sources, walk_errors) = collect_sources(&args.input.paths, &args.input.walk_options());
        let progress = args.input.progress(sources.len() as u64);
        let (counts, mut errors) = count_sources(&sources, args.input.encoding, &opts, |name, doc| {
            progress.inc(1);
            each(name, doc)
        });
        progress.finish_and_clear();
        errors.splice(0..0, walk_errors);
        (counts, errors)
    };
    errors.iter().for_each(report_error);
    let had_errors = !errors.is_empty();
    if let Some(e) = write_error {
        return finish(Err(e), had_errors);
    }
    if let Some(mut w) = per_doc_out {
        return finish(w.flush(), had_errors);
    }
    if args.partial {
        let result = open_output(&args.table.output).and_then(|mut w| {
            counts.write_partial(&mut w)?;
            w.flush()
        });
        return finish(result, had_errors);
    }
    finish(write_report(&counts, &args.table, errors), had_errors)
}

/// JSON Lines records as documents, in batches.
fn count_jsonl(
    input: &InputArgs,
    opts: &CountOptions,
    each: &mut dyn FnMut(&str, &DocCounts),
) -> (Counts, Vec<InputError>) {
    let mut counts = Counts::new(*opts);
    let mut errors = Vec::new();
    let inputs: Vec<String> = if input.paths.is_empty() { vec!["-".to_string()] } else { input.paths.clone() };
    for name in &inputs {
        let reader: Box<dyn io::BufRead> = if name == "-" {
            Box::new(io::stdin().lock())
        } else {
            match std::fs::File::open(name) {
                Ok(f) => Box::new(io::BufReader::new(f)),
                Err(e) => {
                    errors.push(InputError::new(name, e.to_string()));
                    continue;
                }
            }
        };
        for batch in Batches::new(reader, name.as_str(), 256, 4 << 20) {
            let mut texts = Vec::new();
            for record in batch {
                match record {
                    Ok(r) => texts.push((r.name(name), r.text().to_string())),
                    Err(e) => errors.push(e),
                }
            }
            count_texts(texts, opts, &mut counts, &mut *each);
        }
    }
    (counts, errors)
}

pub fn run_merge(args: &MergeArgs) -> i32 {
    let mut merged: Option<Counts> = None;
    for file in &args.files {
        let counts = match std::fs::read(file).map_err(|e| e.to_string()).and_then(|bytes| Counts::read_partial(&bytes))
        {
            Ok(c) => c,
            Err(e) => {
                eprintln!("nass: error: {}: {e}", file.display());
                return EXIT_INPUT_ERRORS;
            }
        };
        match merged.as_mut() {
            None => merged = Some(counts),
            Some(m) => {
                if let Err(e) = m.merge(counts) {
                    eprintln!("nass: error: {}: {e}", file.display());
                    return EXIT_USAGE;
                }
            }
        }
    }
    let Some(counts) = merged else { return EXIT_USAGE };
    if let Err(e) = table_options(&args.table, counts.options.by) {
        eprintln!("nass: error: {e}");
        return EXIT_USAGE;
    }
    finish(write_report(&counts, &args.table, Vec::new()), false)
}
