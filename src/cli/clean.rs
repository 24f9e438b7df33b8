//! `nass clean`: repair (and optionally fold) documents; print them, or mirror them into a folder.

use super::{is_broken_pipe, report_error, InputArgs, EXIT_INPUT_ERRORS, EXIT_OK, EXIT_OUTPUT_ERROR, EXIT_USAGE};
use clap::{Args, ValueEnum};
use nass::corpus::{map_documents, take_census};
use nass::input::jsonl::{Batches, Record};
use nass::input::{collect_sources, InputError, Source};
use nass::normalize::{clean, CleanOptions, Evidence, FoldOptions, RepairCounts, RepairOptions};
use nass::output::{counts_object, write_atomic, CleanRecord, RepairEntry};
use nass::Lexicon;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CleanFormat {
    /// The cleaned text itself
    Text,
    /// One JSON object per document: {"path", "text", "encoding", "repairs"}
    Jsonl,
}

#[derive(Args, Debug)]
pub struct CleanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: CleanFormat,
    /// Fold to the search form too (diacritics, alef forms, ى→ي, ة→ه, digits…)
    #[arg(long)]
    pub fold: bool,
    /// Do not repair (with --fold: fold only)
    #[arg(long)]
    pub no_repair: bool,
    /// Write each cleaned file into DIR, mirroring the input tree, instead of printing it
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Print how many repairs of each class were made, per document and in total, on stderr
    #[arg(long)]
    pub stats: bool,
    /// With --format jsonl: list every repair (class, original span and text) in "repair_log"
    #[arg(long)]
    pub repairs: bool,
    /// Repair with the built-in lexicon only, without first counting word forms over the input
    #[arg(long)]
    pub no_census: bool,
}

impl CleanArgs {
    fn options(&self) -> CleanOptions {
        CleanOptions {
            repair: if self.no_repair { RepairOptions::none() } else { RepairOptions::default() },
            fold: self.fold.then(FoldOptions::default),
        }
    }
}

/// Per-document and total repair counts for `--stats`.
#[derive(Default)]
struct Stats {
    rows: Vec<(String, RepairCounts)>,
    total: RepairCounts,
}

impl Stats {
    fn add(&mut self, name: String, counts: RepairCounts) {
        self.total.merge(&counts);
        self.rows.push((name, counts));
    }

    fn print(&self) {
        let line = |name: &str, c: &RepairCounts| {
            let parts: Vec<String> = c.nonzero().map(|(class, n)| format!("{}={n}", class.name())).collect();
            eprintln!("{name}\t{}\t{}", c.total(), if parts.is_empty() { "-".to_string() } else { parts.join(" ") });
        };
        eprintln!("document\trepairs\tby class");
        for (name, counts) in &self.rows {
            line(name, counts);
        }
        line("TOTAL", &self.total);
    }
}

/// Flags that cannot go together, refused before anything is read.
fn usage_error(args: &CleanArgs) -> Option<&'static str> {
    args.out.as_ref()?;
    if args.input.jsonl_in {
        return Some("--out cannot be used with --jsonl-in (records are written to stdout)");
    }
    if args.input.paths.is_empty() || args.input.paths.iter().any(|p| p == "-") {
        return Some("--out writes files named after their inputs; it cannot take stdin");
    }
    None
}

/// With `--out`, two inputs that would be written to the same file (`a/x.txt b/x.txt`): the
/// second would silently replace the first.
fn out_collision(dir: &Path, sources: &[Source]) -> Option<String> {
    let mut seen: HashMap<&Path, &Path> = HashMap::new();
    for source in sources {
        if let Source::File { path, relative } = source {
            if let Some(first) = seen.insert(relative, path) {
                return Some(format!(
                    "--out: {} and {} would both be written to {}",
                    first.display(),
                    path.display(),
                    dir.join(relative).display()
                ));
            }
        }
    }
    None
}

pub fn run(args: &CleanArgs) -> i32 {
    if let Some(message) = usage_error(args) {
        eprintln!("nass: error: {message}");
        return EXIT_USAGE;
    }
    let result = if args.input.jsonl_in { run_jsonl(args).map(exit_status) } else { run_documents(args) };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => EXIT_OK,
        Err(e) => {
            eprintln!("nass: error: cannot write output: {e}");
            EXIT_OUTPUT_ERROR
        }
    }
}

fn exit_status(had_errors: bool) -> i32 {
    if had_errors {
        EXIT_INPUT_ERRORS
    } else {
        EXIT_OK
    }
}

/// Plain documents: census first (unless disabled), then clean in order. Returns the exit status.
fn run_documents(args: &CleanArgs) -> io::Result<i32> {
    let (sources, walk_errors) = collect_sources(&args.input.paths, &args.input.walk_options());
    if let Some(message) = args.out.as_deref().and_then(|dir| out_collision(dir, &sources)) {
        eprintln!("nass: error: {message}");
        return Ok(EXIT_USAGE);
    }
    let mut had_errors = !walk_errors.is_empty();
    walk_errors.iter().for_each(report_error);
    if sources.is_empty() && walk_errors.is_empty() && !args.input.quiet {
        let exts: Vec<String> = args.input.walk_options().extensions.iter().map(|e| format!("*.{e}")).collect();
        if exts.is_empty() {
            eprintln!("nass: warning: no documents found");
        } else {
            eprintln!(
                "nass: warning: no documents found (folders are searched for {}; use --ext or --all-files to widen)",
                exts.join(", ")
            );
        }
    }
    let lexicon = Lexicon::builtin();
    let census = (!args.no_census && !args.no_repair).then(|| take_census(&sources, args.input.encoding, lexicon));
    let evidence = Evidence { lexicon, census: census.as_ref() };
    let opts = args.options();
    let single = sources.len() == 1;
    let progress = args.input.progress(sources.len() as u64);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut stats = Stats::default();
    let mut write_error: Option<io::Error> = None;

    let work = |doc: nass::input::Document| {
        let cleaned = clean(&doc.text, &opts, &evidence);
        let counts = cleaned.repair_counts();
        let log = args.repairs.then(|| cleaned.repairs());
        (doc, cleaned.text, counts, log)
    };
    map_documents(&sources, args.input.encoding, work, |source, result| {
        progress.inc(1);
        let (doc, text, counts, log) = match result {
            Ok(r) => r,
            Err(e) => {
                report_error(&e);
                had_errors = true;
                return true;
            }
        };
        if doc.text.is_empty() && !args.input.quiet {
            eprintln!("nass: warning: {}: empty document", doc.path());
        }
        let written = match (&args.out, source) {
            (Some(dir), Source::File { relative, .. }) => write_atomic(&dir.join(relative), text.as_bytes())
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.join(relative).display()))),
            _ => {
                let record = CleanRecord {
                    path: &doc.path(),
                    text: &text,
                    encoding: doc.encoding,
                    repairs: counts_object(&counts),
                    repair_log: log.as_deref().map(|l| RepairEntry::list(&doc.text, l)),
                };
                write_document(&mut out, args.format, single, &record)
            }
        };
        if let Err(e) = written {
            write_error = Some(e);
            return false;
        }
        if args.stats {
            stats.add(doc.path(), counts);
        }
        true
    });
    progress.finish_and_clear();
    if let Some(e) = write_error {
        return Err(e);
    }
    out.flush()?;
    if args.stats {
        stats.print();
    }
    Ok(exit_status(had_errors))
}

fn write_document(out: &mut impl Write, format: CleanFormat, single: bool, record: &CleanRecord) -> io::Result<()> {
    let text = record.text;
    match format {
        CleanFormat::Text => {
            out.write_all(text.as_bytes())?;
            // Documents after one another stay separable: each ends with a newline.
            if !single && !text.is_empty() && !text.ends_with('\n') {
                out.write_all(b"\n")?;
            }
        }
        CleanFormat::Jsonl => {
            serde_json::to_writer(&mut *out, record)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// JSON Lines in: stream records with flat memory, lexicon-only evidence.
fn run_jsonl(args: &CleanArgs) -> io::Result<bool> {
    if args.format == CleanFormat::Text && !args.input.quiet {
        // Records keep their shape whatever --format says: a pipeline reads JSON back.
        eprintln!("nass: note: --jsonl-in writes JSON Lines records");
    }
    let inputs: Vec<String> =
        if args.input.paths.is_empty() { vec!["-".to_string()] } else { args.input.paths.clone() };
    let evidence = Evidence::lexicon_only(Lexicon::builtin());
    let opts = args.options();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut had_errors = false;
    let mut stats = Stats::default();
    for input in &inputs {
        let reader: Box<dyn io::BufRead> = if input == "-" {
            Box::new(io::stdin().lock())
        } else {
            match std::fs::File::open(input) {
                Ok(f) => Box::new(io::BufReader::new(f)),
                Err(e) => {
                    report_error(&InputError::new(input, e.to_string()));
                    had_errors = true;
                    continue;
                }
            }
        };
        for batch in Batches::new(reader, input.as_str(), 256, 4 << 20) {
            let cleaned: Vec<Result<(Record, RepairCounts), InputError>> = batch
                .into_par_iter()
                .map(|r| {
                    r.map(|mut record| {
                        let cleaned = clean(record.text(), &opts, &evidence);
                        let counts = cleaned.repair_counts();
                        record.set_text(cleaned.text);
                        (record, counts)
                    })
                })
                .collect();
            for item in cleaned {
                match item {
                    Ok((record, counts)) => {
                        out.write_all(record.to_line().as_bytes())?;
                        out.write_all(b"\n")?;
                        if args.stats {
                            stats.add(record.name(input), counts);
                        }
                    }
                    Err(e) => {
                        report_error(&e);
                        had_errors = true;
                    }
                }
            }
        }
    }
    out.flush()?;
    if args.stats {
        stats.print();
    }
    Ok(had_errors)
}
