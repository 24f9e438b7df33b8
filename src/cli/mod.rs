//! Command-line interface: one file per subcommand, no logic the library lacks.

mod clean;
mod eval;
mod freq;
mod report;
mod train;

use clap::{Args, Parser, Subcommand};
use nass::input::{EncodingChoice, InputError, WalkOptions};
use std::io::{self, IsTerminal};

/// Exit status when everything went well.
pub const EXIT_OK: i32 = 0;
/// Exit status when some inputs could not be read; every other document was processed.
pub const EXIT_INPUT_ERRORS: i32 = 1;
/// Exit status for a usage error (bad flag or value), before anything is read.
pub const EXIT_USAGE: i32 = 2;
/// Exit status when output could not be written.
pub const EXIT_OUTPUT_ERROR: i32 = 3;

#[derive(Parser)]
#[command(
    name = "nass",
    version,
    about = "Analyse folders of Arabic press articles: repair PDF damage, normalize, count, extract"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Repair PDF-extraction damage (and optionally fold) and print the cleaned text
    Clean(clean::CleanArgs),
    /// The people, dates and figures in the texts, with the top terms
    Report(report::ReportArgs),
    /// Every person, date and figure mention as JSON Lines (document, kind, text, value, span)
    Entities(report::EntitiesArgs),
    /// Term and n-gram frequencies per corpus (and per document)
    Freq(freq::FreqArgs),
    /// Combine partial counts written by `nass freq --partial`
    Merge(freq::MergeArgs),
    /// Measure nass against gold data (clitic segmentation, named entities)
    Eval(eval::EvalArgs),
    /// Train the statistical models nass ships (the named-entity tagger)
    Train(train::TrainArgs),
}

/// Where the documents come from: shared by every subcommand that reads a corpus.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or folders to read (folders recursively); `-` or nothing reads stdin
    pub paths: Vec<String>,
    /// Read JSON Lines records {"id", "text", ...} instead of plain text files
    #[arg(long)]
    pub jsonl_in: bool,
    /// Input encoding: auto, utf-8, utf-16le, utf-16be, windows-1256, iso-8859-6
    #[arg(long, default_value = "auto", value_parser = parse_encoding)]
    pub encoding: EncodingChoice,
    /// File extensions read from folders (comma-separated)
    #[arg(long, default_value = "txt", value_delimiter = ',')]
    pub ext: Vec<String>,
    /// Read every file in folders, whatever its extension
    #[arg(long)]
    pub all_files: bool,
    /// Worker threads (default: one per core)
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar and no warnings on stderr (errors are still printed)
    #[arg(long, short)]
    pub quiet: bool,
}

fn parse_encoding(s: &str) -> Result<EncodingChoice, String> {
    s.parse()
}

impl InputArgs {
    pub fn walk_options(&self) -> WalkOptions {
        let extensions = if self.all_files {
            Vec::new()
        } else {
            self.ext.iter().map(|e| e.trim_start_matches('.').to_lowercase()).collect()
        };
        WalkOptions { extensions }
    }

    /// A progress bar on stderr when stderr is a terminal.
    pub fn progress(&self, len: u64) -> indicatif::ProgressBar {
        if self.quiet || !io::stderr().is_terminal() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new(len);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed}") {
            bar.set_style(style);
        }
        bar
    }
}

/// Prints an input error on stderr, naming the file.
pub fn report_error(error: &InputError) {
    eprintln!("nass: error: {error}");
}

/// True for the error a closed pipe gives (`nass clean … | head`): stop quietly.
pub fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    let threads = match &cli.command {
        Command::Clean(a) => a.input.threads,
        Command::Freq(a) => a.input.threads,
        Command::Report(a) => a.input.threads,
        Command::Entities(a) => a.input.threads,
        Command::Merge(_) | Command::Eval(_) | Command::Train(_) => None,
    };
    if let Some(n) = threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global() {
            eprintln!("nass: error: cannot start {n} threads: {e}");
            return EXIT_USAGE;
        }
    }
    match cli.command {
        Command::Clean(args) => clean::run(&args),
        Command::Freq(args) => freq::run_freq(&args),
        Command::Report(args) => report::run(&args),
        Command::Entities(args) => report::run_entities(&args),
        Command::Merge(args) => freq::run_merge(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Train(args) => train::run(&args),
    }
}
