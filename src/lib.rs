//! Parallax compares how several sources report the same events.
//!
//! The engine is a pipeline, one module per stage:
//! [`load`] → [`segment`] → [`extract`] → [`align`] → [`compare`] → [`report`].
//! Its output is a plain-data [`model::Report`] that the viewer, the command line and the
//! exports all read. The engine knows nothing of any user interface.

pub mod align;
pub mod atomic;
pub mod calendar;
pub mod cli;
pub mod compare;
pub mod copies;
pub mod extract;
pub mod guard;
pub mod inspect;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod naming;
pub mod progress;
pub mod report;
pub mod segment;
pub mod session;
pub mod settings;
pub mod synth;
pub mod text;

use model::{DocId, Failure, Report};
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
    compare_edited(inputs, &[], settings, &session::Edits::default(), progress)
        .map(|edited| edited.report)
}

/// A report with the user's edits applied, and the edits re-anchored in the current texts.
#[derive(Debug, Clone)]
pub struct Edited {
    pub report: Report,
    /// The edits with every anchor that could be placed moved to where its text is now.
    /// Saving these keeps the anchors current; items that could not be placed are kept
    /// unchanged and listed in [`Report::orphans`].
    pub edits: session::Edits,
}

/// Compares the inputs with the user's edits applied: corrections change the alignment
/// before findings are computed, and reviews and notes are attached to the report.
///
/// Anchors in `edits` name documents by their position in `inputs`; `labels` (by the same
/// positions, possibly shorter) holds the user's names and outlets for the sources.
pub fn compare_edited(
    inputs: &[Input],
    labels: &[session::SourceLabel],
    settings: &Settings,
    edits: &session::Edits,
    progress: &Progress,
) -> Result<Edited, Cancelled> {
    compare_with_preview(inputs, labels, settings, edits, progress, |_| {})
}

/// As [`compare_edited`], and as soon as the articles are loaded and cut into passages (a
/// few milliseconds), `preview` receives a report of their texts alone: the documents as
/// the full report will number them, with no events or findings. A viewer shows the texts
/// at once; the marks follow with the full report.
pub fn compare_with_preview(
    inputs: &[Input],
    labels: &[session::SourceLabel],
    settings: &Settings,
    edits: &session::Edits,
    progress: &Progress,
    preview: impl FnOnce(Report),
) -> Result<Edited, Cancelled> {
    // A broken user lexicon is reported like a broken article; the bundled one still works.
    let mut failures = Vec::new();
    let lexicon = lexicon::Lexicon::with_extra(&settings.extra_lexicons).unwrap_or_else(|error| {
        failures.push(Failure {
            path: error.path,
            error: error.message,
        });
        lexicon::Lexicon::bundled()
    });
    let loaded = load_inputs(inputs, labels, settings, &mut failures, progress)?;
    preview(Report {
        schema: model::REPORT_SCHEMA.to_string(),
        documents: loaded
            .1
            .iter()
            .enumerate()
            .map(|(index, (document, passages))| {
                report::document_of(DocId(index), document.clone(), passages.clone(), None)
            })
            .collect(),
        failures: failures.clone(),
        entities: Vec::new(),
        events: Vec::new(),
        findings: Vec::new(),
        notes: Vec::new(),
        orphans: Vec::new(),
        labels: Vec::new(),
    });
    run(loaded, settings, edits, &lexicon, failures, progress)
}

/// Documents loaded and cut into passages, and which one each input became.
type Segmented = (load::LoadedDocument, Vec<model::Passage>);

/// Loads and segments every input (in parallel), with the user's names and outlets; files
/// that fail join `failures`.
fn load_inputs(
    inputs: &[Input],
    labels: &[session::SourceLabel],
    settings: &Settings,
    failures: &mut Vec<Failure>,
    progress: &Progress,
) -> Result<(Vec<Option<DocId>>, Vec<Segmented>), Cancelled> {
    progress.begin(Stage::Loading, inputs.len());
    // Documents are segmented as soon as they are loaded (see `load_and_segment`).
    let loaded: Vec<Result<Result<Segmented, Failure>, Cancelled>> = inputs
        .par_iter()
        .map(|input| {
            progress.check()?;
            let result =
                guard::catch(|| load_and_segment(input, settings)).unwrap_or_else(|cause| {
                    Err(load::LoadError::NoText(format!(
                        "this file could not be read: Parallax failed on it ({cause}); \
                         please report this with the file"
                    )))
                });
            progress.advance();
            Ok(result.map_err(|error| Failure {
                path: input.name(),
                error: error.to_string(),
            }))
        })
        .collect();
    // Which loaded document each input became, for the anchors of the edits.
    let mut doc_of = Vec::with_capacity(inputs.len());
    let mut documents = Vec::with_capacity(loaded.len());
    for (position, result) in loaded.into_iter().enumerate() {
        match result? {
            Ok((mut document, passages)) => {
                if let Some(label) = labels.get(position) {
                    document.name = label.name.clone().or(document.name);
                    document.outlet = label.outlet.clone().or(document.outlet);
                }
                doc_of.push(Some(DocId(documents.len())));
                documents.push((document, passages));
            }
            Err(failure) => {
                doc_of.push(None);
                failures.push(failure);
            }
        }
    }
    Ok((doc_of, documents))
}

fn run(
    (doc_of, documents): (Vec<Option<DocId>>, Vec<Segmented>),
    settings: &Settings,
    edits: &session::Edits,
    lexicon: &lexicon::Lexicon,
    failures: Vec<Failure>,
    progress: &Progress,
) -> Result<Edited, Cancelled> {
    // Near-verbatim copies are set aside: only the first of each group is analysed, and the
    // others rejoin the report at their places afterwards, marked as copies (see `copies`).
    // So are texts in a language the engine cannot analyse (see `text::Analysis`).
    let copy_of = {
        let texts: Vec<&str> = documents.iter().map(|(d, _)| d.text.as_str()).collect();
        // The original of a group of copies is its earliest dated text, else the first given.
        let mut order: Vec<usize> = (0..documents.len()).collect();
        order.sort_by_key(|&position| {
            (
                documents[position].0.date.is_none(),
                documents[position].0.date,
            )
        });
        copies::find_copies_in_order(&texts, &order)
    };
    let mut analysed_position = Vec::with_capacity(documents.len());
    let mut set_aside = Vec::new();
    let mut analysed = Vec::with_capacity(documents.len());
    for (position, document) in documents.into_iter().enumerate() {
        // A language the engine cannot split into words is shown, not analysed.
        let unanalysed = text::analysis_of(&document.0.language) == text::Analysis::None;
        if copy_of[position].is_some() || unanalysed {
            set_aside.push((position, document));
        } else {
            analysed_position.push(position);
            analysed.push(document);
        }
    }
    let documents = analysed;
    // Inputs that became copies have no analysed document: their session items wait, like
    // those of a missing file.
    let doc_of: Vec<Option<DocId>> = doc_of
        .into_iter()
        .map(|doc| doc.and_then(|d| analysed_position.binary_search(&d.get()).ok().map(DocId)))
        .collect();
    let placed = {
        let texts: Vec<&str> = documents.iter().map(|(d, _)| d.text.as_str()).collect();
        session::apply::Placed::new(edits, &doc_of, &texts)
    };
    // Segmentation happened while loading; the stage is still announced for the progress bar.
    progress.begin(Stage::Segmenting, 0);
    let segmented = documents;
    progress.check()?;
    progress.begin(Stage::Extracting, segmented.len());
    let timer = std::time::Instant::now();
    let mut corpus = extract::extract(segmented, lexicon, progress)?;
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("extract {:?}", timer.elapsed());
    }
    let mut alignment = align::align(&corpus, settings, progress)?;
    placed.correct(&mut alignment, &corpus);
    // Quotes over two to four paragraphs are read for the quote findings only (see
    // `extract::long_quotes`: as alignment anchors they cost precision).
    extract::long_quotes::add(&mut corpus, lexicon);
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("align {:?}", timer.elapsed());
    }
    progress.begin(Stage::Comparing, 1);
    let (findings, labels) = {
        let context = compare::Context::new(&corpus, &alignment, settings, lexicon);
        (compare::compare(&context), compare::labels::table(&context))
    };
    progress.check()?;
    if std::env::var_os("PARALLAX_TIMINGS").is_some() {
        eprintln!("compare {:?}", timer.elapsed());
    }
    progress.begin(Stage::Reporting, 1);
    let mut report = report::build(corpus, alignment, findings, failures);
    report.labels = labels;
    placed.annotate(&mut report);
    if !set_aside.is_empty() {
        restore_copies(&mut report, &analysed_position, set_aside, &copy_of);
        // What each near-copy changed of its original, passage by passage.
        let edits =
            compare::copy_edits::all_copy_edits(&report.documents, &report.event_of_passages());
        report::push_findings(&mut report, edits);
    }
    progress.begin(Stage::Done, 0);
    Ok(Edited {
        report,
        edits: placed.edits,
    })
}

/// Loads one input and cuts it into passages; a text too long to compare is refused here, as
/// a failure of its file, before any costly stage sees it.
fn load_and_segment(
    input: &Input,
    settings: &Settings,
) -> Result<(load::LoadedDocument, Vec<model::Passage>), load::LoadError> {
    let document = load::load(input, settings)?;
    let passages = segment::segment(&document);
    if passages.len() > segment::MAX_PASSAGES {
        return Err(load::LoadError::NoText(format!(
            "the text has {} sentences; Parallax compares articles of up to {} sentences \
             (split a longer text into its articles)",
            passages.len(),
            segment::MAX_PASSAGES
        )));
    }
    Ok((document, passages))
}

/// Puts the documents set aside as copies back at their places in the report, renumbering
/// every reference to an analysed document. `analysed_position[d]` is where analysed
/// document `d` stood among all loaded documents; `copy_of` is by that same position.
fn restore_copies(
    report: &mut Report,
    analysed_position: &[usize],
    set_aside: Vec<(usize, (load::LoadedDocument, Vec<model::Passage>))>,
    copy_of: &[Option<usize>],
) {
    let renumber = |doc: &mut DocId| *doc = DocId(analysed_position[doc.get()]);
    for event in &mut report.events {
        for at in &mut event.passages {
            renumber(&mut at.document);
        }
    }
    for entity in &mut report.entities {
        for mention in &mut entity.mentions {
            renumber(&mut mention.document);
        }
    }
    for finding in &mut report.findings {
        for claim in &mut finding.claims {
            renumber(&mut claim.document);
        }
    }
    for note in &mut report.notes {
        if let Some(span) = &mut note.span {
            renumber(&mut span.document);
        }
    }
    let mut documents: Vec<Option<model::Document>> = (0..copy_of.len()).map(|_| None).collect();
    for (analysed, position) in report.documents.drain(..).zip(analysed_position) {
        documents[*position] = Some(analysed);
    }
    for (position, (loaded, passages)) in set_aside {
        documents[position] = Some(report::document_of(
            DocId(position),
            loaded,
            passages,
            copy_of[position].map(DocId),
        ));
    }
    report.documents = documents.into_iter().flatten().collect();
    for (index, document) in report.documents.iter_mut().enumerate() {
        document.index = DocId(index);
    }
}

#[cfg(test)]
mod tests {
    /// The preview of the texts numbers and cuts the documents as the full report does.
    #[test]
    fn the_preview_holds_the_texts_of_the_full_report() {
        let inputs: Vec<crate::Input> = crate::load::expand_inputs(&[crate::load::samples_dir()])
            .0
            .into_iter()
            .map(crate::Input::Path)
            .collect();
        let mut preview = None;
        let edited = crate::compare_with_preview(
            &inputs,
            &[],
            &crate::Settings::default(),
            &crate::session::Edits::default(),
            &crate::progress::Progress::new(),
            |texts| preview = Some(texts),
        )
        .unwrap();
        let preview = preview.expect("a preview before the report");
        assert!(preview.events.is_empty() && preview.findings.is_empty());
        assert_eq!(preview.documents, edited.report.documents);
        assert!(!edited.report.findings.is_empty());
    }
}
