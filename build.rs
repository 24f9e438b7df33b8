//! Compiles `data/lexicon-ar.tsv.gz` (rebuilt by `tools/build_lexicon.py`) into a hash table
//! (layout in `src/lexicon/table.rs`) that the library embeds, so the lexicon costs nothing
//! to load at start-up and a lookup is one hash and, mostly, one probe. Lays the NER model
//! (`data/ner/model.bin`) out in the order of the tagger's table (`src/extract/tagger/image.rs`),
//! so that loading it writes the table front to back.

use std::env;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

#[path = "src/lexicon/table.rs"]
mod table;

#[path = "src/extract/tagger/image.rs"]
mod ner_image;

fn main() {
    ner_model();
    let source = PathBuf::from("data/lexicon-ar.tsv.gz");
    println!("cargo:rerun-if-changed={}", source.display());
    println!("cargo:rerun-if-changed=src/lexicon/table.rs");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon.table");

    let file = File::open(&source).expect("data/lexicon-ar.tsv.gz is part of the repository");
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut entries: Vec<u8> = Vec::new();
    let mut words: Vec<(u64, u32)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for line in reader.lines() {
        let line = line.expect("lexicon is valid gzip'd UTF-8");
        let (word, zipf) = line.split_once('\t').expect("lexicon rows are word<TAB>zipf10");
        let zipf: u64 = zipf.parse().expect("zipf10 is an integer");
        assert!(seen.insert(word.to_string()), "lexicon rows are unique: {word}");
        let len = u8::try_from(word.len()).expect("lexicon words are at most 255 bytes");
        words.push((table::word_hash(word.as_bytes()), entries.len() as u32));
        entries.push(len);
        entries.push(zipf.min(u8::MAX as u64) as u8);
        entries.extend_from_slice(word.as_bytes());
    }
    // At most 5/8 full: a miss stops after a few probes.
    let mut bits = 4;
    while (words.len() * 8) >> bits > 5 {
        bits += 1;
    }
    let offset_bits = u64::BITS - (entries.len() as u64 + 1).leading_zeros();
    assert!(offset_bits <= 32, "lexicon entries fit in 4 GB");
    let mask = (1usize << bits) - 1;
    let mut slots = vec![0u32; 1 << bits];
    for &(hash, offset) in &words {
        let mut s = hash as usize & mask;
        while slots[s] != 0 {
            s = (s + 1) & mask;
        }
        slots[s] = (offset + 1) | table::slot_tag(hash, offset_bits);
    }
    let mut bytes = Vec::with_capacity(table::HEADER + slots.len() * 4 + entries.len());
    for n in [words.len() as u32, bits, offset_bits] {
        bytes.extend_from_slice(&n.to_le_bytes());
    }
    for s in slots {
        bytes.extend_from_slice(&s.to_le_bytes());
    }
    bytes.extend_from_slice(&entries);
    File::create(&out).and_then(|mut f| f.write_all(&bytes)).expect("OUT_DIR is writable");
}

/// `data/ner/model.bin` as `OUT_DIR/ner.image`.
fn ner_model() {
    let source = PathBuf::from("data/ner/model.bin");
    println!("cargo:rerun-if-changed={}", source.display());
    println!("cargo:rerun-if-changed=src/extract/tagger/image.rs");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("ner.image");
    let model = std::fs::read(&source).expect("data/ner/model.bin is part of the repository");
    let image = ner_image::image(&model).unwrap_or_else(|e| panic!("data/ner/model.bin: {e}"));
    File::create(&out).and_then(|mut f| f.write_all(&image)).expect("OUT_DIR is writable");
}
