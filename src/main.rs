//! The `nass` command: parses arguments and calls the library (see `src/cli/`).

mod cli;

fn main() {
    std::process::exit(cli::run());
}
