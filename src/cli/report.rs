//! `nass report`: the people, dates and figures of a corpus, with its top terms.

use super::{report_error, InputArgs, EXIT_USAGE};
use clap::{Args, ValueEnum};
use nass::corpus::report_sources;
use nass::input::collect_sources;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown tables, readable in a terminal
    Markdown,
    /// One JSON object (see README: the report schema)
    Json,
    /// One self-contained right-to-left HTML page with tables and bar charts
    Html,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ReportFormat,
    /// How many of the most frequent terms to list
    #[arg(long, default_value_t = 20)]
    pub top_terms: usize,
    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write one CSV file per table (people, dates, figures, terms) into DIR
    #[arg(long, value_name = "DIR")]
    pub tables: Option<PathBuf>,
}

pub fn run(args: &ReportArgs) -> i32 {
    if args.input.jsonl_in {
        eprintln!("nass: error: report reads files and folders (not --jsonl-in)");
        return EXIT_USAGE;
    }
    let (sources, walk_errors) = collect_sources(&args.input.paths, &args.input.walk_options());
    let mut report = report_sources(&sources, args.input.encoding, args.top_terms);
    report.errors.splice(0..0, walk_errors);
    report.errors.iter().for_each(report_error);
    let had_errors = !report.errors.is_empty();
    let written = (|| -> io::Result<()> {
        let mut out: Box<dyn Write> = match &args.output {
            Some(p) => Box::new(BufWriter::new(std::fs::File::create(p)?)),
            None => Box::new(BufWriter::new(io::stdout().lock())),
        };
        match args.format {
            ReportFormat::Markdown => report.write_markdown(&mut out)?,
            ReportFormat::Json => report.write_json(&mut out)?,
            ReportFormat::Html => report.write_html(&mut out)?,
        }
        if let Some(dir) = &args.tables {
            report.write_tables(dir)?;
        }
        out.flush()
    })();
    super::freq::finish(written, had_errors)
}

#[derive(Args, Debug)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

/// `nass entities`: every mention as JSON Lines (document, kind, text, value, span).
pub fn run_entities(args: &EntitiesArgs) -> i32 {
    let (sources, walk_errors) = collect_sources(&args.input.paths, &args.input.walk_options());
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut write_error: Option<io::Error> = None;
    let errors = nass::corpus::entities_sources(&sources, args.input.encoding, |row| {
        if write_error.is_none() {
            if let Err(e) =
                serde_json::to_writer(&mut out, &row).map_err(io::Error::other).and_then(|_| out.write_all(b"\n"))
            {
                write_error = Some(e);
            }
        }
    });
    walk_errors.iter().chain(&errors).for_each(report_error);
    let had_errors = !walk_errors.is_empty() || !errors.is_empty();
    super::freq::finish(write_error.map_or_else(|| out.flush(), Err), had_errors)
}
