//! Parallax compares how several sources report the same events.
//!
//! The engine is a pipeline, one module per stage:
//! [`load`] → [`segment`] → [`extract`] → [`align`] → [`compare`] → [`report`].
//! Its output is a plain-data [`model::Report`] that the viewer, the command line and the
//! exports all read. The engine knows nothing of any user interface.

pub mod align;
pub mod calendar;
pub mod cli;
pub mod compare;
pub mod extract;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod progress;
pub mod report;
pub mod segment;
pub mod settings;
pub mod synth;
pub mod text;

use model::{Failure, Report};
use progress::{Cancelled, Progress, Stage};
use rayon::prelude::*;

pub use load::Input;
pub use settings::Settings;

/// Compares the inputs: loads, segments, extracts, aligns, compares and reports.
///
/// Files that fail to load are listed in [`Report::failures`] and the others are compared
/// all the same. Progress is published through `progress`, which is also checked for
/// cancellation between units of work; a cancelled run returns `Err(Cancelled)`.
pub fn compare(
    inputs: &[Input],
    settings: &Settings,
    progress: &Progress,
) -> Result<Report, Cancelled> {
    // A broken user lexicon is reported like a broken article; the bundled one still works.
    let mut failures = Vec::new();
    let lexicon = lexicon::Lexicon::with_extra(&settings.extra_lexicons).unwrap_or_else(|error| {
        failures.push(Failure {
            path: error.path,
            error: error.message,
        });
        lexicon::Lexicon::bundled()
    });
    compare_with_lexicon(inputs, settings, &lexicon, failures, progress)
}

fn compare_with_lexicon(
    inputs: &[Input],
    settings: &Settings,
    lexicon: &lexicon::Lexicon,
    mut failures: Vec<Failure>,
    progress: &Progress,
) -> Result<Report, Cancelled> {
    progress.begin(Stage::Loading, inputs.len());
    let loaded: Vec<Result<load::LoadedDocument, Cancelled>> = inputs
        .par_iter()
        .map(|input| {
            progress.check()?;
            let result = load::load(input, settings);
            progress.advance();
            Ok(result.map_err(|error| (input.name(), error)))
        })
        .map(|r: Result<Result<_, _>, Cancelled>| match r {
            Ok(Ok(doc)) => Ok(Ok(doc)),
            Ok(Err((name, error))) => Ok(Err(Failure {
                path: name,
                error: error.to_string(),
            })),
            Err(c) => Err(c),
        })
        .collect::<Vec<Result<Result<_, Failure>, Cancelled>>>()
        .into_iter()
        .filter_map(|r| match r {
            Ok(Ok(doc)) => Some(Ok(doc)),
            Ok(Err(failure)) => {
                failures.push(failure);
                None
            }
            Err(c) => Some(Err(c)),
        })
        .collect();
    let mut documents = Vec::with_capacity(loaded.len());
    for document in loaded {
        documents.push(document?);
    }
    progress.begin(Stage::Segmenting, documents.len());
    let segmented: Vec<(load::LoadedDocument, Vec<model::Passage>)> = documents
        .into_par_iter()
        .map(|document| {
            let passages = segment::segment(&document);
            progress.advance();
            (document, passages)
        })
        .collect();
    progress.check()?;
    progress.begin(Stage::Extracting, segmented.len());
    let timer = std::time::Instant::now();
    let corpus = extract::extract(segmented, lexicon, progress)?;
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("extract {:?}", timer.elapsed());
    }
    let alignment = align::align(&corpus, settings, progress)?;
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("align {:?}", timer.elapsed());
    }
    progress.begin(Stage::Comparing, 1);
    let findings = {
        let context = compare::Context::new(&corpus, &alignment, settings, lexicon);
        compare::compare(&context)
    };
    progress.check()?;
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("compare {:?}", timer.elapsed());
    }
    progress.begin(Stage::Reporting, 1);
    let report = report::build(corpus, alignment, findings, failures);
    progress.begin(Stage::Done, 0);
    Ok(report)
}
