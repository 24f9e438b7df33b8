//! `nass eval`: measure nass against gold data, through the same code the commands use.

use super::{EXIT_INPUT_ERRORS, EXIT_OK, EXIT_OUTPUT_ERROR};
use clap::{Args, Subcommand};
use nass::Lexicon;
use std::collections::HashMap;
use std::io::BufReader;
use std::path::{Path, PathBuf};

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
    /// Named entities against a CoNLL IOB2 file (`token TAG` per line, blank line between
    /// sentences): entity-level precision, recall and F1 per type, exact spans (CoNLL-style)
    Ner {
        /// The gold file, e.g. ANERcorp's test split
        file: PathBuf,
        /// A model written by `nass train ner` instead of the built-in one
        #[arg(long)]
        model: Option<PathBuf>,
        /// Also write `token gold predicted` lines here (conlleval's input format)
        #[arg(long, value_name = "FILE")]
        conll_out: Option<PathBuf>,
        /// Score the tagger's own tags on the gold tokens instead of the entities of the
        /// report's path (tagger, people rules, names found again)
        #[arg(long)]
        tagger_only: bool,
    },
}

pub fn run(args: &EvalArgs) -> i32 {
    match &args.what {
        EvalWhat::Ner { file, model, conll_out, tagger_only } => {
            run_ner(file, model.as_deref(), conll_out.as_deref(), *tagger_only)
        }
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

fn run_ner(file: &Path, model: Option<&Path>, conll_out: Option<&Path>, tagger_only: bool) -> i32 {
    use nass::extract::ner_eval::evaluate_pipeline;
    use nass::extract::tagger::{read_conll, NerScore, Tagger, NOT_PERSON};
    let owned;
    let tagger = match model {
        None => Tagger::builtin(),
        Some(path) => match std::fs::read(path).map_err(|e| e.to_string()).and_then(|b| Tagger::from_bytes(&b)) {
            Ok(t) => {
                owned = t;
                &owned
            }
            Err(e) => {
                eprintln!("nass: error: {}: {e}", path.display());
                return EXIT_INPUT_ERRORS;
            }
        },
    };
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("nass: error: {}: {e}", file.display());
            return EXIT_INPUT_ERRORS;
        }
    };
    let gold = read_conll(&text);
    if gold.iter().flatten().any(|(_, t)| t == NOT_PERSON) {
        // A partial annotation (people only) cannot score places and organizations: its
        // NOT-PERS tokens would be counted as O.
        eprintln!(
            "nass: error: {}: holds {NOT_PERSON} tags, a people-only training annotation, not IOB2 gold",
            file.display()
        );
        return EXIT_INPUT_ERRORS;
    }
    let predicted: Vec<Vec<_>> = if tagger_only {
        // The whole file is one document: the tagger remembers what it tagged before.
        let tokens: Vec<Vec<&str>> = gold.iter().map(|s| s.iter().map(|(w, _)| w.as_str()).collect()).collect();
        tagger.tag_document(&tokens)
    } else {
        let lexicon = Lexicon::builtin();
        evaluate_pipeline(tagger, &gold, lexicon, &nass::stats::stopwords::builtin_folded(lexicon)).1
    };
    let mut score = NerScore::default();
    for (sentence, tags) in gold.iter().zip(&predicted) {
        let gold_tags: Vec<_> = sentence.iter().map(|(_, t)| nass::extract::tagger::Tag::from_label(t)).collect();
        score.add_sentence(&gold_tags, tags);
    }
    if let Some(out) = conll_out {
        let mut lines = String::new();
        for (sentence, tags) in gold.iter().zip(&predicted) {
            for ((word, tag), predicted) in sentence.iter().zip(tags) {
                lines.push_str(&format!("{word} {tag} {predicted}\n"));
            }
            lines.push('\n');
        }
        if let Err(e) = std::fs::write(out, lines) {
            eprintln!("nass: error: {}: {e}", out.display());
            return EXIT_OUTPUT_ERROR;
        }
    }
    print!("{}", score.table());
    println!("token accuracy\t{:.2}", 100.0 * score.accuracy());
    EXIT_OK
}
