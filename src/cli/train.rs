//! `nass train`: build the statistical models that nass ships, from annotated data.

use super::{EXIT_INPUT_ERRORS, EXIT_OK, EXIT_OUTPUT_ERROR, EXIT_USAGE};
use clap::{Args, Subcommand};
use nass::extract::annotated::{read_annotated, AnnotatedArticle};
use nass::extract::ner_eval::evaluate_pipeline;
use nass::extract::tagger::{
    cross_validate, evaluate, read_conll, training_set, EntityType, Sentence, Tagger, TrainOptions, WordClusters,
};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Args, Debug)]
pub struct TrainArgs {
    #[command(subcommand)]
    pub what: TrainWhat,
}

#[derive(Subcommand, Debug)]
pub enum TrainWhat {
    /// The named-entity tagger, from CoNLL files (`token TAG` per line, IOB2, blank line
    /// between sentences); folders are read recursively
    Ner {
        /// CoNLL files or folders of them (files that are not `token TAG` lines are skipped),
        /// and articles annotated for their people (`NN_name.txt` beside an `NN_name.json`
        /// with a `people` list, as in data/gold and data/ner/press)
        inputs: Vec<PathBuf>,
        /// Write the trained model here (e.g. data/ner/model.bin)
        #[arg(long)]
        out: Option<PathBuf>,
        /// Cross-validate on this CoNLL file: it is cut into --folds blocks of consecutive
        /// sentences, each tagged by a model trained on the other blocks plus the INPUTS
        #[arg(long, value_name = "FILE")]
        cv: Option<PathBuf>,
        /// Number of cross-validation folds
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Passes over the training data
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: usize,
        /// Drop averaged weights smaller than this
        #[arg(long, default_value_t = TrainOptions::default().prune)]
        prune: f32,
        /// Sentences remembered by the document memory (0 turns it off)
        #[arg(long, default_value_t = TrainOptions::default().memory)]
        memory: usize,
        /// Seed of the (deterministic) sentence shuffling
        #[arg(long, default_value_t = TrainOptions::default().seed)]
        seed: u64,
        /// Training runs, each shuffled differently, whose weights are averaged
        #[arg(long, default_value_t = TrainOptions::default().runs)]
        runs: usize,
        /// Score the tagger's own tags on the gold tokens in cross-validation, not the
        /// entities of the report's path (tagger, people rules, names found again)
        #[arg(long)]
        tagger_only: bool,
        /// Count the main corpus twice as written; by default its second count has the
        /// words of people's names swapped for one another (teaches finding names from context)
        #[arg(long)]
        keep_names: bool,
        /// Word classes written by `nass train clusters`, stored in the model
        #[arg(long, value_name = "FILE")]
        clusters: Option<PathBuf>,
    },
    /// Word classes from unlabeled text (for `nass train ner --clusters`): reads text files
    /// (folders recursively, `*.txt`), one document per file; lines that start with `<`
    /// (markup such as the ANT corpus's `<DOCNO>`, `<URL>`) are skipped
    Clusters {
        /// Text files or folders
        inputs: Vec<PathBuf>,
        /// Write `word<TAB>coarse<TAB>fine` lines here
        #[arg(long)]
        out: PathBuf,
        /// Number of coarse classes
        #[arg(long, default_value_t = 64)]
        coarse: usize,
        /// Number of fine classes
        #[arg(long, default_value_t = 512)]
        fine: usize,
        /// Cluster only words seen at least this often
        #[arg(long, default_value_t = 3)]
        min_count: u64,
        /// Passes of the exchange algorithm
        #[arg(long, default_value_t = 10)]
        iterations: usize,
    },
}

pub fn run(args: &TrainArgs) -> i32 {
    match &args.what {
        TrainWhat::Clusters { inputs, out, coarse, fine, min_count, iterations } => {
            run_clusters(inputs, out, [*coarse, *fine], *min_count, *iterations)
        }
        TrainWhat::Ner {
            inputs,
            out,
            cv,
            folds,
            epochs,
            prune,
            memory,
            seed,
            runs,
            clusters,
            tagger_only,
            keep_names,
        } => {
            if out.is_none() && cv.is_none() {
                eprintln!("nass: error: nothing to do: give --out FILE, --cv FILE or both");
                return EXIT_USAGE;
            }
            let clusters = match clusters {
                None => None,
                Some(path) => {
                    match std::fs::read_to_string(path)
                        .map_err(|e| e.to_string())
                        .and_then(|t| WordClusters::from_tsv(&t))
                    {
                        Ok(c) => Some(std::sync::Arc::new(c)),
                        Err(e) => {
                            eprintln!("nass: error: {}: {e}", path.display());
                            return EXIT_INPUT_ERRORS;
                        }
                    }
                }
            };
            let opts = TrainOptions {
                epochs: *epochs,
                prune: *prune,
                seed: *seed,
                memory: *memory,
                clusters,
                runs: *runs,
                swap_names: !*keep_names,
            };
            let extra = match read_inputs(inputs) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("nass: error: {e}");
                    return EXIT_INPUT_ERRORS;
                }
            };
            let mut all: Vec<Sentence> = Vec::new();
            if let Some(cv) = cv {
                let main = match read_file(cv) {
                    Ok(s) => s,
                    Err(e) => {
                        eprintln!("nass: error: {e}");
                        return EXIT_INPUT_ERRORS;
                    }
                };
                let start = Instant::now();
                let lexicon = nass::Lexicon::builtin();
                let stop = nass::stats::stopwords::builtin_folded(lexicon);
                // The tagger's own score is summed on the side when the report's path is scored.
                let alone = std::sync::Mutex::new(nass::extract::tagger::NerScore::default());
                let score = |tagger: &Tagger, gold: &[Sentence]| {
                    let own = evaluate(tagger, gold);
                    if *tagger_only {
                        own
                    } else {
                        if let Ok(mut alone) = alone.lock() {
                            alone.merge(&own);
                        }
                        evaluate_pipeline(tagger, gold, lexicon, &stop).0
                    }
                };
                let (total, per_fold) = cross_validate(&main, &extra, *folds, &opts, &score);
                for (k, s) in per_fold.iter().enumerate() {
                    println!(
                        "fold {}\tPERS f1 {:.2}\tALL f1 {:.2}",
                        k + 1,
                        100.0 * s.get(EntityType::Pers).f1(),
                        100.0 * s.micro().f1()
                    );
                }
                print!("{}", total.table());
                println!("token accuracy\t{:.2}", 100.0 * total.accuracy());
                if !*tagger_only {
                    if let Ok(alone) = alone.lock() {
                        let p = alone.get(EntityType::Pers);
                        println!(
                            "tagger alone\tPERS\t{:.2}\t{:.2}\t{:.2}\tALL f1 {:.2}",
                            100.0 * p.precision(),
                            100.0 * p.recall(),
                            100.0 * p.f1(),
                            100.0 * alone.micro().f1()
                        );
                    }
                }
                eprintln!("nass: {} folds in {:.1}s", per_fold.len(), start.elapsed().as_secs_f64());
                all = main;
            }
            if let Some(out) = out {
                // The final model is trained on what each fold was.
                let all = training_set(all, &extra, &opts);
                if all.is_empty() {
                    eprintln!("nass: error: no training sentences");
                    return EXIT_INPUT_ERRORS;
                }
                let start = Instant::now();
                let tagger = Tagger::train_with(&all, &opts);
                let bytes = tagger.to_bytes();
                if let Err(e) = std::fs::write(out, &bytes) {
                    eprintln!("nass: error: {}: {e}", out.display());
                    return EXIT_OUTPUT_ERROR;
                }
                eprintln!(
                    "nass: trained on {} sentences in {:.1}s: {} features, {} bytes written to {}",
                    all.len(),
                    start.elapsed().as_secs_f64(),
                    tagger.features(),
                    bytes.len(),
                    out.display()
                );
            }
            EXIT_OK
        }
    }
}

/// Reads every CoNLL file of the inputs (folders recursively, in path order).
fn read_inputs(inputs: &[PathBuf]) -> Result<Vec<Sentence>, String> {
    let mut files = Vec::new();
    for input in inputs {
        collect(input, &mut files)?;
    }
    let mut sentences = Vec::new();
    for file in files {
        match read_annotated(&file)? {
            Some(AnnotatedArticle::People(article)) => {
                sentences.extend(article);
                continue;
            }
            Some(AnnotatedArticle::Damaged { missing }) => {
                eprintln!("nass: skipping {}: '{missing}' does not occur in its article", file.display());
                continue;
            }
            None => {}
        }
        if is_annotated_article(&file) || file.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        if looks_like_conll(&text) {
            sentences.extend(read_conll(&text));
        } else {
            eprintln!("nass: skipping {}: not `token TAG` lines", file.display());
        }
    }
    Ok(sentences)
}

/// An article whose answers are read from the `.json` beside it.
fn is_annotated_article(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt") && path.with_extension("json").is_file()
}

fn read_file(path: &Path) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(read_conll(&text))
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    if !path.is_dir() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')))
        .collect();
    entries.sort();
    for entry in entries {
        collect(&entry, files)?;
    }
    Ok(())
}

/// Nine lines in ten (blank ones aside) are two fields: a token and a tag.
fn looks_like_conll(text: &str) -> bool {
    let (mut lines, mut pairs) = (0usize, 0usize);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        pairs += usize::from(line.split_whitespace().count() == 2);
    }
    lines > 0 && pairs * 10 >= lines * 9
}

/// Reads unlabeled text files (folders recursively, `*.txt`), one document per file, without
/// the lines that start with `<` (markup).
fn read_texts(inputs: &[PathBuf]) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for input in inputs {
        collect(input, &mut files)?;
    }
    let explicit: Vec<&PathBuf> = inputs.iter().filter(|p| !p.is_dir()).collect();
    let mut texts = Vec::new();
    for file in &files {
        if !explicit.contains(&file) && file.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        match std::fs::read_to_string(file) {
            Ok(text) => {
                texts.push(text.lines().filter(|l| !l.trim_start().starts_with('<')).collect::<Vec<_>>().join("\n"))
            }
            Err(e) => eprintln!("nass: skipping {}: {e}", file.display()),
        }
    }
    Ok(texts)
}

fn run_clusters(inputs: &[PathBuf], out: &Path, sizes: [usize; 2], min_count: u64, iterations: usize) -> i32 {
    let texts = match read_texts(inputs) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("nass: error: {e}");
            return EXIT_INPUT_ERRORS;
        }
    };
    let start = Instant::now();
    let clusters = WordClusters::induce(&texts, sizes, min_count, iterations);
    if let Err(e) = std::fs::write(out, clusters.to_tsv()) {
        eprintln!("nass: error: {}: {e}", out.display());
        return EXIT_OUTPUT_ERROR;
    }
    eprintln!(
        "nass: {} words from {} documents in {} and {} classes ({:.1}s), written to {}",
        clusters.len(),
        texts.len(),
        sizes[0],
        sizes[1],
        start.elapsed().as_secs_f64(),
        out.display()
    );
    EXIT_OK
}
