//! Compiles `data/lexicon-ar.tsv.gz` (rebuilt by `tools/build_lexicon.py`) into an fst map
//! that the library embeds, so the lexicon costs nothing to load at start-up.

use std::env;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter};
use std::path::PathBuf;

fn main() {
    let source = PathBuf::from("data/lexicon-ar.tsv.gz");
    println!("cargo:rerun-if-changed={}", source.display());
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon.fst");

    let file = File::open(&source).expect("data/lexicon-ar.tsv.gz is part of the repository");
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let writer = BufWriter::new(File::create(&out).expect("OUT_DIR is writable"));
    let mut builder = fst::MapBuilder::new(writer).expect("fst builder");
    for line in reader.lines() {
        let line = line.expect("lexicon is valid gzip'd UTF-8");
        let (word, zipf) = line.split_once('\t').expect("lexicon rows are word<TAB>zipf10");
        let zipf: u64 = zipf.parse().expect("zipf10 is an integer");
        // The tool writes rows sorted by bytes, as fst requires.
        builder.insert(word, zipf).expect("lexicon rows are sorted and unique");
    }
    builder.finish().expect("fst written");
}
