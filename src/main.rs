//! The `parallax` binary: parses arguments and dispatches. Everything else is in the library.

use clap::Parser;
use parallax::cli::{Cli, Command, CompareArgs, OutputFormat, run_bench, run_compare, samples_dir};
use std::process::ExitCode;

fn main() -> ExitCode {
    // A bug must not greet the user with a backtrace: say what happened in one line.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("parallax: internal error: {info}. Please report this with the input files.");
    }));
    let cli = Cli::parse();
    let outcome = std::panic::catch_unwind(|| match cli.command {
        Some(Command::Compare(args)) => run_compare(&args),
        Some(Command::Bench(args)) => run_bench(&args),
        None => {
            // Until the viewer exists, the default action compares the bundled samples.
            run_compare(&CompareArgs {
                format: OutputFormat::Markdown,
                output: None,
                lexicon: Vec::new(),
                files: vec![samples_dir()],
            })
        }
    });
    outcome.unwrap_or(ExitCode::from(2))
}
