//! Times passes of the `nass report` pipeline, one thread, over the first MEGABYTES of a
//! folder's files as `nass report` reads them, and prints the MB/s of the first pass (every
//! per-thread cache empty) and the best of the others. On a machine whose speed drifts from
//! run to run (shared hosts), the best of several passes, with builds alternated, compares
//! builds more steadily than one criterion run; criterion (`benches/report.rs`) stays the
//! reference measurement.
//!
//! cargo run --release --example report_passes -- ../shared/data/news/ant-v1.1 [MEGABYTES=8] [PASSES=4]

use nass::corpus::{analyse_text, ReportBuilder};
use nass::input::{collect_sources, read_source, EncodingChoice, WalkOptions};
use std::time::Instant;

/// The allocator the `nass` command runs with (src/main.rs), so that this times what it runs.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(folder) = args.first() else {
        eprintln!("usage: report_passes FOLDER [MEGABYTES] [PASSES]");
        std::process::exit(2);
    };
    let budget = args.get(1).and_then(|s| s.parse::<f64>().ok()).unwrap_or(8.0) * 1e6;
    let passes = args.get(2).and_then(|s| s.parse::<usize>().ok()).unwrap_or(4).max(2);
    let (sources, _) = collect_sources(std::slice::from_ref(folder), &WalkOptions { extensions: Vec::new() });
    let mut docs = Vec::new();
    let mut bytes = 0;
    for source in &sources {
        let Ok(doc) = read_source(source, EncodingChoice::Auto) else { continue };
        bytes += doc.text.len();
        docs.push((doc.path(), doc.text));
        if bytes as f64 >= budget {
            break;
        }
    }
    let lexicon = nass::Lexicon::builtin();
    let (mut first, mut best) = (0.0, f64::INFINITY);
    for pass in 0..passes {
        let start = Instant::now();
        let mut builder = ReportBuilder::new(lexicon);
        for (path, text) in &docs {
            let analysed = analyse_text(path.clone(), text, lexicon, &builder.stop, &builder.count_opts);
            builder.add(analysed);
        }
        let report = builder.finish(20);
        let seconds = start.elapsed().as_secs_f64();
        let speed = bytes as f64 / 1e6 / seconds;
        eprintln!("pass {pass}: {speed:.2} MB/s ({} people)", report.people.len());
        if pass == 0 {
            first = seconds;
        } else {
            best = best.min(seconds);
        }
    }
    println!(
        "{} documents, {:.1} MB: first pass {:.2} MB/s, best of the other {} {:.2} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / first,
        passes - 1,
        bytes as f64 / 1e6 / best
    );
}
