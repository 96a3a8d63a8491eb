//! The command line: argument parsing and the `compare` command.
//!
//! Arguments are parsed and checked first; only then is anything read. Every message goes to
//! standard error and the report to standard output (or `-o FILE`). Exit codes: 0 success,
//! 1 when some file failed but a report was produced, 2 on usage errors or when nothing could
//! be read.

pub use crate::atomic::{check_output, write_atomically};
pub use crate::load::samples_dir;
use crate::model::Report;
use crate::progress::Progress;
pub use crate::report::export::{OutputFormat, render};
use crate::settings::Settings;
use crate::{Input, load, report, session};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compare how several sources report the same events.
#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about = "Compare how several sources report the same events.",
    long_about = "Parallax aligns the passages of several articles that report the same events \
and marks where the accounts differ: numbers, dates, spellings of names, who said a quote, \
loaded wording, contradictions, and what only one source reports.\n\nWith no command, it \
opens the viewer: `parallax FILE…` shows those articles side by side, and `parallax` alone \
reopens the last ones (the bundled samples the first time).",
    after_help = "Examples:\n  parallax a.txt b.md c.html           (open them in the viewer)\n  parallax compare a.txt b.md c.html\n  parallax compare --format json -o report.json articles/\n  parallax compare --format markdown assets/samples/*"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open in the viewer (with no command). With none, the viewer reopens the
    /// last articles, or shows the bundled samples the first time.
    #[arg(value_name = "FILES")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare articles and print the report.
    #[command(
        after_help = "Examples:\n  parallax a.txt b.md c.html           (open them in the viewer)\n  parallax compare a.txt b.md c.html\n  parallax compare --format json -o report.json articles/\n\nExit codes: 0 success; 1 some file failed but a report was written; 2 usage error or nothing could be read."
    )]
    Compare(CompareArgs),
    /// Show what Parallax reads from each file: title, author, date, outlet, language,
    /// encoding, and the text block by block with its role (heading, body, boilerplate).
    #[command(
        after_help = "Examples:\n  parallax extract page.html\n  parallax extract --format json a.txt b.md\n\nExit codes: 0 every file read; 1 some file failed; 2 none could be read."
    )]
    Extract(ExtractArgs),
    /// Time the engine on a synthetic corpus (deterministic, seeded).
    #[command(
        after_help = "Prints one line: articles, words, seconds, peak memory. `cargo bench` runs the full set of measurements."
    )]
    Bench(BenchArgs),
}

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Number of synthetic articles.
    #[arg(long, default_value_t = 500)]
    pub articles: usize,
    /// Approximate words per article.
    #[arg(long, default_value_t = 800)]
    pub words: usize,
    /// Events in the synthetic story.
    #[arg(long, default_value_t = 60)]
    pub events: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Align on shared words only (without the similar-meaning signal).
    #[arg(long)]
    pub no_meaning: bool,
}

/// The formats of `parallax extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExtractFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
    /// Articles (.txt, .md, .html) or folders of articles.
    #[arg(required = true, value_name = "FILES")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Report format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Markdown)]
    pub format: OutputFormat,
    /// Write the report to FILE instead of standard output. With `--format csv`, a folder
    /// receives `findings.csv`, `coverage.csv` and `labels.csv`.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace a read-only output file. (An input of the run is never overwritten.)
    #[arg(long)]
    pub force: bool,
    /// Extra wording lexicon (RON) to add to the bundled one. May be repeated.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// A session (`.parallax.ron`): its articles, settings, corrections, reviews and notes.
    /// FILES given as well are compared after the session's articles.
    #[arg(long, value_name = "SESSION")]
    pub session: Option<PathBuf>,
    /// Show only findings at or above this confidence (0 to 1). The default is calibrated
    /// for about 90% precision on judged real news; `--min-confidence 0` shows every finding,
    /// uncertain ones included. Findings the user confirmed in a session are always shown.
    #[arg(long, value_name = "X", default_value_t = crate::settings::DEFAULT_MIN_CONFIDENCE)]
    pub min_confidence: f32,
    /// Leave the documents' texts out of a JSON report (they are in by default, so that every
    /// byte offset resolves without the input files): for reports that are shared.
    #[arg(long)]
    pub no_text: bool,
    /// Align on shared words only, without the similar-meaning signal (English sentence
    /// vectors from a distilled embedding table).
    #[arg(long)]
    pub no_meaning: bool,
    /// Read the subfolders of folders given too (without it they are skipped, with a note).
    #[arg(short = 'r', long)]
    pub recursive: bool,
    /// Articles (.txt, .md, .html) or folders of articles.
    #[arg(required_unless_present = "session", value_name = "FILES")]
    pub files: Vec<PathBuf>,
}

/// Whether an output path names a folder: one that exists, or one written with a trailing
/// separator (`-o newdir/`) that is made when missing.
fn names_folder(output: &Path) -> bool {
    output.is_dir()
        || output
            .as_os_str()
            .to_string_lossy()
            .ends_with(std::path::is_separator)
}

/// What went wrong writing `path`, in the user's terms.
fn write_error(path: &Path, error: &std::io::Error) -> String {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let reason = match error.kind() {
        // The folder is there, yet creating a file in it says "not found": a system folder
        // such as /proc or /sys, where files exist but none can be made.
        std::io::ErrorKind::NotFound if folder.is_dir() => format!(
            "the folder {} does not accept new files (it is a system folder such as /proc or /sys)",
            folder.display()
        ),
        std::io::ErrorKind::NotFound => {
            format!("the folder {} does not exist", folder.display())
        }
        std::io::ErrorKind::PermissionDenied => {
            format!("permission denied (in the folder {})", folder.display())
        }
        _ => error.to_string(),
    };
    format!("{}: could not write the report: {reason}", path.display())
}

/// Runs `compare` and returns the exit code.
pub fn run_compare(args: &CompareArgs) -> ExitCode {
    match compare_and_write(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("parallax: {message}");
            ExitCode::from(2)
        }
    }
}

/// What a comparison reads: the inputs, the session's labels and edits, the settings, the
/// files found unreadable while expanding folders, and every path read.
struct Reading {
    inputs: Vec<Input>,
    labels: Vec<session::SourceLabel>,
    edits: session::Edits,
    settings: Settings,
    expansion_errors: Vec<(PathBuf, load::LoadError)>,
    read_paths: Vec<PathBuf>,
}

/// The comparison behind `compare`: an error stops it with exit code 2.
fn compare_and_write(args: &CompareArgs) -> Result<ExitCode, String> {
    if !(0.0..=1.0).contains(&args.min_confidence) {
        return Err(format!(
            "--min-confidence must be a number from 0 to 1, not {}",
            args.min_confidence
        ));
    }
    let reading = reading(args)?;
    // CSV to a folder writes its files into it; `-o newdir/` names a folder that is made
    // once the comparison has succeeded.
    let csv_folder = args
        .output
        .as_deref()
        .filter(|output| args.format == OutputFormat::Csv && names_folder(output));
    if let Some(output) = &args.output {
        let targets = if csv_folder.is_some() {
            CSV_FILES.iter().map(|name| output.join(name)).collect()
        } else {
            vec![output.clone()]
        };
        for target in targets {
            check_output(&target, &reading.read_paths, args.force)?;
        }
    }
    let progress = Progress::new();
    let edited = crate::compare_edited(
        &reading.inputs,
        &reading.labels,
        &reading.settings,
        &reading.edits,
        &progress,
    )
    .map_err(|_| "the comparison was cancelled".to_string())?;
    let mut report = edited.report;
    crate::report::retain_confident(&mut report, args.min_confidence);
    for (path, error) in reading.expansion_errors {
        report.failures.push(crate::model::Failure {
            path: path.display().to_string(),
            error: error.to_string(),
        });
    }
    warn(args, &report)?;
    if args.no_text {
        for document in &mut report.documents {
            document.text.clear();
        }
    }
    if !write(args, &report, csv_folder.is_some())? {
        // A closed pipe (`parallax compare … | head`) is not an error worth a panic.
        return Ok(ExitCode::from(1));
    }
    Ok(if report.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The files a CSV report writes into a folder.
const CSV_FILES: [&str; 3] = ["findings.csv", "coverage.csv", "labels.csv"];

/// The session, the files named (folders expanded) and the settings of a comparison.
fn reading(args: &CompareArgs) -> Result<Reading, String> {
    let session = match &args.session {
        Some(path) => Some((
            path.as_path(),
            session::file::read(path).map_err(|error| error.to_string())?,
        )),
        None => None,
    };
    let load::Expansion {
        files,
        errors: expansion_errors,
        skipped_folders,
    } = load::expand(&args.files, args.recursive);
    for folder in &skipped_folders {
        eprintln!(
            "parallax: {}: a subfolder, not read (add --recursive to read subfolders)",
            folder.display()
        );
    }
    let mut settings = session
        .as_ref()
        .map_or_else(Settings::default, |(_, s)| s.settings.clone());
    settings
        .extra_lexicons
        .extend(args.lexicon.iter().map(|p| p.display().to_string()));
    if args.no_meaning {
        settings.meaning = false;
    }
    let (mut inputs, labels, edits) = match &session {
        Some((path, session)) => (
            session.inputs(Some(path)),
            session.labels(),
            session.edits.clone(),
        ),
        None => (Vec::new(), Vec::new(), session::Edits::default()),
    };
    inputs.extend(files.into_iter().map(Input::Path));
    // Every file this run reads, which the report must never be written over.
    let mut read_paths: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|input| match input {
            Input::Path(path) => Some(path.clone()),
            Input::Memory { .. } => None,
        })
        .collect();
    read_paths.extend(args.session.iter().cloned());
    read_paths.extend(settings.extra_lexicons.iter().map(PathBuf::from));
    Ok(Reading {
        inputs,
        labels,
        edits,
        settings,
        expansion_errors,
        read_paths,
    })
}

/// Tells on stderr what could not be placed or read, and which articles add nothing; an
/// error when no article could be read.
fn warn(args: &CompareArgs, report: &Report) -> Result<(), String> {
    for orphan in &report.orphans {
        eprintln!(
            "parallax: {}: {} {} ({}) could not be placed: {}",
            args.session
                .as_deref()
                .map_or_else(String::new, |p| p.display().to_string()),
            orphan.item.as_str(),
            orphan.index,
            orphan.description,
            orphan.reason
        );
    }
    for failure in &report.failures {
        eprintln!("parallax: {}: {}", failure.path, failure.error);
    }
    if report.documents.is_empty() {
        return Err("no article could be read, so there is nothing to compare".into());
    }
    for document in &report.documents {
        if let Some(note) = report.copy_note(document) {
            eprintln!(
                "parallax: {}: {note}; it is listed, but not compared as a separate account",
                document.path
            );
        } else if !document
            .passages
            .iter()
            .any(|p| p.role == crate::model::PassageRole::Body)
        {
            eprintln!(
                "parallax: {}: no sentence of article text was found (only headings or boilerplate), so it adds nothing to the comparison",
                document.path
            );
        }
    }
    let distinct = report
        .documents
        .iter()
        .filter(|d| d.copy_of.is_none())
        .count();
    if report.documents.len() == 1 {
        eprintln!("parallax: only one article was read; there is nothing to compare it with");
    } else if distinct == 1 {
        eprintln!(
            "parallax: the articles read are all copies of one text; there is nothing to compare it with"
        );
    }
    Ok(())
}

/// Writes the report: to a file (atomically), into a folder (CSV: all files or none), or
/// to standard output (false when it is closed).
fn write(args: &CompareArgs, report: &Report, csv_folder: bool) -> Result<bool, String> {
    let text = render(report, args.format);
    match &args.output {
        Some(folder) if csv_folder => {
            std::fs::create_dir_all(folder).map_err(|error| {
                format!(
                    "{}: could not make the folder for the report: {error}",
                    folder.display()
                )
            })?;
            let coverage = report::csv::coverage_matrix(report);
            let labels = report::labels::csv(report);
            // All files or none: a new findings.csv beside an old coverage.csv misleads.
            let contents = [text.as_bytes(), coverage.as_bytes(), labels.as_bytes()];
            let files: Vec<(PathBuf, &[u8])> = CSV_FILES
                .iter()
                .zip(contents)
                .map(|(name, bytes)| (folder.join(name), bytes))
                .collect();
            crate::atomic::write_all_or_none(&files)
                .map(|()| true)
                .map_err(|(path, error)| write_error(&path, &error))
        }
        Some(path) => write_atomically(path, text.as_bytes())
            .map(|()| true)
            .map_err(|error| write_error(path, &error)),
        None => {
            let mut stdout = std::io::stdout().lock();
            Ok(stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
                .is_ok())
        }
    }
}

/// Runs `extract` and returns the exit code.
pub fn run_extract(args: &ExtractArgs) -> ExitCode {
    let expansion = load::expand(&args.files, false);
    let settings = Settings::default();
    let mut failed = expansion.errors.len();
    for (path, error) in &expansion.errors {
        eprintln!("parallax: {}: {error}", path.display());
    }
    let mut read = Vec::new();
    for path in expansion.files {
        match crate::inspect::extract(&Input::Path(path.clone()), &settings) {
            Ok(extracted) => read.push(extracted),
            Err(error) => {
                failed += 1;
                eprintln!("parallax: {}: {error}", path.display());
            }
        }
    }
    let output = match args.format {
        ExtractFormat::Text => read.iter().map(crate::inspect::render_text).collect(),
        ExtractFormat::Json => serde_json::to_string_pretty(&read).unwrap_or_default() + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(output.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(1);
    }
    match (read.is_empty(), failed) {
        (true, _) => ExitCode::from(2),
        (false, 0) => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
}

/// Peak resident memory of this process in bytes (Linux), if known.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

/// Runs `bench`: generates the corpus, compares it once, prints the figures.
pub fn run_bench(args: &BenchArgs) -> ExitCode {
    let config = crate::synth::SynthConfig {
        articles: args.articles,
        words: args.words,
        events: args.events,
        seed: args.seed,
    };
    let articles = crate::synth::generate(config);
    let words: usize = articles
        .iter()
        .map(|(_, t)| t.split_whitespace().count())
        .sum();
    let inputs: Vec<Input> = articles
        .into_iter()
        .map(|(name, text)| Input::Memory {
            name,
            bytes: text.into_bytes(),
        })
        .collect();
    let started = std::time::Instant::now();
    let settings = Settings {
        meaning: !args.no_meaning,
        ..Settings::default()
    };
    let Ok(report) = crate::compare(&inputs, &settings, &Progress::new()) else {
        return ExitCode::from(2);
    };
    let seconds = started.elapsed().as_secs_f64();
    let peak =
        peak_memory().map_or_else(|| "unknown".into(), |b| format!("{:.0} MB", b as f64 / 1e6));
    println!(
        "articles {} words {words} seconds {seconds:.3} peak_memory {peak} events {} findings {}",
        args.articles,
        report.events.len(),
        report.findings.len()
    );
    ExitCode::SUCCESS
}
