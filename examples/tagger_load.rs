//! Times the load of the built-in NER model (`Tagger::builtin`), what every `nass report`
//! pays once before tagging its first sentence; with a model file, times reading it
//! (`Tagger::from_bytes`) instead, for comparison.
//!
//! cargo run --release --example tagger_load [-- data/ner/model.bin]

use nass::extract::tagger::Tagger;
use std::time::Instant;

/// The allocator the `nass` command runs with (src/main.rs), so that this times what it runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let model = std::env::args().nth(1).map(|path| match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    });
    let start = Instant::now();
    let features = match &model {
        None => Tagger::builtin().features(),
        Some(bytes) => match Tagger::from_bytes(bytes) {
            Ok(tagger) => tagger.features(),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        },
    };
    let elapsed = start.elapsed();
    println!("model loaded in {:.1} ms ({features} features)", elapsed.as_secs_f64() * 1e3);
}
