//! Times the load of the built-in NER model (`Tagger::builtin`), what every `nass report`
//! pays once before tagging its first sentence.
//!
//! cargo run --release --example tagger_load

use nass::extract::tagger::Tagger;
use std::time::Instant;

/// The allocator the `nass` command runs with (src/main.rs), so that this times what it runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let start = Instant::now();
    let tagger = Tagger::builtin();
    let elapsed = start.elapsed();
    println!("model loaded in {:.1} ms ({} features)", elapsed.as_secs_f64() * 1e3, tagger.features());
}
