//! `nass eval`: measure nass against gold data, through the same code the commands use.

use super::{EXIT_INPUT_ERRORS, EXIT_OK};
use clap::{Args, Subcommand};
use nass::Lexicon;
use std::collections::HashMap;
use std::io::BufReader;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub what: EvalWhat,
}

#[derive(Subcommand, Debug)]
pub enum EvalWhat {
    /// Clitic segmentation against a Farasa-format gold file (`seg+seg<TAB>TAG+TAG` per word)
    Clitics {
        /// The gold file, e.g. WikiNews.pos.ref of QCRI's WikiNews set
        file: PathBuf,
        /// Also list the N most frequent errors
        #[arg(long, default_value_t = 0)]
        show: usize,
    },
}

pub fn run(args: &EvalArgs) -> i32 {
    match &args.what {
        EvalWhat::Clitics { file, show } => {
            let gold = match std::fs::File::open(file) {
                Ok(f) => BufReader::new(f),
                Err(e) => {
                    eprintln!("nass: error: {}: {e}", file.display());
                    return EXIT_INPUT_ERRORS;
                }
            };
            let score = match nass::eval::clitics(gold, Lexicon::builtin()) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("nass: error: {}: {e}", file.display());
                    return EXIT_INPUT_ERRORS;
                }
            };
            println!("words\t{}\nexact\t{}\naccuracy\t{:.4}", score.words, score.exact, score.accuracy());
            let mut counts: HashMap<(&str, &str), usize> = HashMap::new();
            for (_, gold, got) in &score.errors {
                *counts.entry((gold.as_str(), got.as_str())).or_insert(0) += 1;
            }
            let mut errors: Vec<_> = counts.into_iter().collect();
            errors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for ((gold, got), n) in errors.into_iter().take(*show) {
                println!("{n}\tgold {gold}\tnass {got}");
            }
            EXIT_OK
        }
    }
}
