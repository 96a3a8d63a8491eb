//! The `parallax` binary: parses arguments and dispatches, to the command line (`compare`,
//! `bench`) or to the viewer. The engine is the library; the viewer is the `app` module tree,
//! which only calls the library's public API.

mod app;

use clap::Parser;
use parallax::cli::{Cli, Command, run_bench, run_compare, run_extract};
use std::process::ExitCode;

fn main() -> ExitCode {
    // A bug must not greet the user with a backtrace: say what happened in one line.
    std::panic::set_hook(Box::new(|info| {
        // A panic while reading one file is reported as that file's failure.
        if parallax::guard::is_guarded() {
            return;
        }
        eprintln!("parallax: internal error: {info}. Please report this with the input files.");
    }));
    let cli = Cli::parse();
    let outcome = std::panic::catch_unwind(move || match cli.command {
        Some(Command::Compare(args)) => run_compare(&args),
        Some(Command::Bench(args)) => run_bench(&args),
        Some(Command::Extract(args)) => run_extract(&args),
        None => match app::run(cli.files) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("parallax: {message}");
                ExitCode::from(2)
            }
        },
    });
    outcome.unwrap_or(ExitCode::from(2))
}
