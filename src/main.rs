//! The `nass` command: parses arguments and calls the library (see `src/cli/`).

mod cli;

/// mimalloc, not the system allocator: the report allocates many small strings and vectors
/// per document (see the `mimalloc` feature in Cargo.toml).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
