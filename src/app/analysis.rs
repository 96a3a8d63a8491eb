//! The analysis as the viewer holds it: starting the engine on the session's articles in
//! the background, receiving its report, keeping the selection across reruns, and what is
//! derived from the report once for drawing (marks, layouts, the findings of each event).

use super::layout::DocumentLayout;
use super::marks::{self, DocumentMarks};
use super::worker::{AnalysisJob, AnalysisRequest};
use super::{Notice, ParallaxApp, session};
use parallax::model::{DocId, EventId, FindingId, FindingKind, Report};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// The report and everything derived from it for drawing.
pub struct Analysis {
    pub report: Report,
    pub marks: Vec<DocumentMarks>,
    /// Cached layouts per document; rebuilt when width or theme change.
    pub layouts: Vec<Option<DocumentLayout>>,
    /// The differences ([`counts_as_difference`]) not dismissed, in report order: what F7
    /// steps through.
    pub differences: Vec<FindingId>,
    /// The findings of each event, so that panels never scan all findings per frame.
    pub event_findings: Vec<Vec<FindingId>>,
    /// The articles' texts alone, shown while the analysis runs: no events or findings yet.
    pub preview: bool,
}

/// Whether findings of a kind are counted as differences, the same everywhere: the status
/// bar, the findings panel and F7. One-source-only items are not (they are counted apart:
/// a passage only one source has is not a difference between two), nor agreements.
pub fn counts_as_difference(kind: FindingKind) -> bool {
    kind.is_difference() && kind != FindingKind::Unique
}

/// The counts the status bar and the findings panel give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Differences shown (at the confidence threshold), dismissed ones included.
    pub differences: usize,
    pub dismissed: usize,
    pub one_source: usize,
}

impl Analysis {
    /// How many differences, dismissed differences and one-source items the shown report has.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for finding in &self.report.findings {
            if counts_as_difference(finding.kind) {
                counts.differences += 1;
                counts.dismissed += usize::from(finding.is_dismissed());
            } else if finding.kind == FindingKind::Unique {
                counts.one_source += 1;
            }
        }
        counts
    }

    /// The findings of an event.
    pub fn findings_of(&self, event: EventId) -> impl Iterator<Item = &parallax::model::Finding> {
        self.event_findings[event.get()]
            .iter()
            .map(|f| &self.report.findings[f.get()])
    }
}

impl Analysis {
    fn new(report: Report) -> Analysis {
        let marks = marks::marks(&report);
        let differences = report
            .findings
            .iter()
            .filter(|f| counts_as_difference(f.kind) && !f.is_dismissed())
            .map(|f| f.index)
            .collect();
        let layouts = report.documents.iter().map(|_| None).collect();
        let mut event_findings = vec![Vec::new(); report.events.len()];
        for finding in &report.findings {
            if let Some(event) = finding.event {
                event_findings[event.get()].push(finding.index);
            }
        }
        Analysis {
            report,
            marks,
            layouts,
            differences,
            event_findings,
            preview: false,
        }
    }
}

impl ParallaxApp {
    /// Starts comparing `files` in the background in a new, untitled session.
    pub fn open(&mut self, files: Vec<PathBuf>, ctx: &egui::Context) {
        let session = parallax::session::Session::for_files(&files, None);
        self.adopt_session(session, None, ctx);
    }

    /// Adds articles to the open session (an undoable change).
    pub fn add(&mut self, files: Vec<PathBuf>, ctx: &egui::Context) {
        let known: Vec<PathBuf> = self
            .work
            .located
            .iter()
            .map(|l| std::path::absolute(&l.path).unwrap_or_else(|_| l.path.clone()))
            .collect();
        let fresh: Vec<PathBuf> = files
            .into_iter()
            .filter(|f| !known.contains(&std::path::absolute(f).unwrap_or_else(|_| f.clone())))
            .collect();
        if fresh.is_empty() {
            return;
        }
        self.checkpoint(format!(
            "add {}",
            super::count(fresh.len(), "article", "articles")
        ));
        for file in &fresh {
            self.work
                .session
                .documents
                .push(parallax::session::SessionDocument::for_file(
                    file,
                    self.work.path.as_deref(),
                ));
        }
        self.start_analysis(ctx);
    }

    /// Starts comparing the session's articles, with its edits, in the background.
    pub fn start_analysis(&mut self, ctx: &egui::Context) {
        if let Some(job) = self.job.take() {
            job.progress.cancel();
        }
        let session = &self.work.session;
        let located = session.locate(self.work.path.as_deref());
        self.work.missing = located
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.found)
            .map(|(i, _)| i)
            .collect();
        self.work.stamps = located.iter().map(|l| session::stamp(&l.path)).collect();
        self.work.seen_stamps = self.work.stamps.clone();
        self.work.changed.clear();
        self.work.located = located.clone();
        let files: Vec<PathBuf> = located.iter().map(|l| l.path.clone()).collect();
        for file in &files {
            self.remembered.recent_files.retain(|f| f != file);
            self.remembered.recent_files.insert(0, file.clone());
        }
        self.remembered.recent_files.truncate(12);
        self.remembered.open_files = files.clone();
        self.files = files;
        let request = AnalysisRequest {
            inputs: located
                .iter()
                .map(|l| parallax::Input::Path(l.path.clone()))
                .collect(),
            labels: session.labels(),
            settings: session.settings.clone(),
            edits: session.edits.clone(),
        };
        self.job = Some(AnalysisJob::start(request, ctx.clone()));
    }

    /// Whether an analysis is running.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// The stage and counts of the running analysis.
    pub fn job_progress(&self) -> Option<(parallax::progress::Stage, usize, usize)> {
        self.job.as_ref().map(|job| job.progress.snapshot())
    }

    /// Blocks until the running analysis is done (tests only; the UI never waits).
    #[cfg(test)]
    pub fn wait_for_analysis(&mut self, ctx: &egui::Context) {
        while let Some(job) = &self.job {
            if let Some(result) = job.poll() {
                self.job = None;
                self.finish_analysis(result, ctx);
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    /// Blocks until disk tasks and the analysis they start are done (tests only).
    #[cfg(test)]
    pub fn wait_for_disk(&mut self, ctx: &egui::Context) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while self.disk.running > 0 && std::time::Instant::now() < deadline {
            for done in self.disk.poll() {
                self.disk_done(done, ctx);
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        self.run_commands(ctx);
        self.wait_for_analysis(ctx);
    }

    pub(crate) fn finish_analysis(
        &mut self,
        result: Result<parallax::Edited, String>,
        _ctx: &egui::Context,
    ) {
        match result {
            Ok(edited) => {
                let report = edited.report;
                // Anchors that moved with their text are saved where they are now.
                if edited.edits != self.work.session.edits {
                    self.work.session.edits = edited.edits;
                    self.work.generation += 1;
                }
                // The inputs' names, as the engine wrote them into the report.
                let paths: Vec<String> = self
                    .work
                    .located
                    .iter()
                    .map(|l| parallax::Input::Path(l.path.clone()).name())
                    .collect();
                let mut next = 0;
                let failed: BTreeSet<&str> =
                    report.failures.iter().map(|f| f.path.as_str()).collect();
                self.work.report_doc = paths
                    .iter()
                    .map(|path| {
                        let loaded = next < report.documents.len()
                            && report.documents[next].path == *path
                            && !failed.contains(path.as_str());
                        loaded.then(|| {
                            next += 1;
                            DocId(next - 1)
                        })
                    })
                    .collect();
                // Keep the selection where possible: the event holding the same passage.
                let previous = self.selected_event.and_then(|event| {
                    let analysis = self.analysis.as_ref()?;
                    let first = analysis.report.events.get(event.get())?.passages.first()?;
                    let path = analysis.report.documents[first.document.get()].path.clone();
                    Some((path, first.passage))
                });
                for failure in report
                    .failures
                    .iter()
                    .filter(|f| !self.work.missing.iter().any(|m| paths[*m] == f.path))
                {
                    self.notices.push(Notice::error(format!(
                        "Not loaded: {}: {}",
                        failure.path, failure.error
                    )));
                }
                if report.documents.len() == 1 {
                    self.notices.push(Notice::info("Only one article could be read: there is nothing to compare it with yet. Add more articles."));
                }
                // Articles just added come into view (a preview of the texts did that).
                if let Some(analysis) = self.analysis.as_ref().filter(|a| !a.preview) {
                    let known: BTreeSet<&str> = analysis
                        .report
                        .documents
                        .iter()
                        .map(|d| d.path.as_str())
                        .collect();
                    self.reveal_columns = report
                        .documents
                        .iter()
                        .filter(|d| !known.contains(d.path.as_str()))
                        .map(|d| d.index)
                        .collect();
                }
                // Every edit reruns the comparison: the columns stay as the user arranged
                // them (they were put back in file order, and hidden ones shown, each time).
                self.carry_arrangement(&report);
                self.selected_event = previous.and_then(|(path, passage)| {
                    let document = report.documents.iter().find(|d| d.path == path)?;
                    report.event_of_passages()[document.index.get()][passage.get()]
                });
                // The same finding stays selected when it is still there (a review changes
                // its status, not its place): the review queue goes on where it was.
                let previous_finding = self.selected_finding.and_then(|finding| {
                    let analysis = self.analysis.as_ref()?;
                    let found = analysis.report.findings.get(finding.get())?;
                    Some((finding, found.kind, found.summary.clone()))
                });
                self.selected_finding = None;
                self.selected_passage = None;
                self.picked.clear();
                self.text_selection = None;
                self.full_report = Some(report.clone());
                let analysis = Analysis::new(self.shown(report));
                self.selected_finding = previous_finding.and_then(|(finding, kind, summary)| {
                    let found = analysis.report.findings.get(finding.get())?;
                    (found.kind == kind && found.summary == summary).then_some(finding)
                });
                self.analysis = Some(analysis);
                if std::mem::take(&mut self.restore_view) {
                    self.apply_view();
                }
            }
            Err(message) => self.notices.push(Notice::error(message)),
        }
    }

    /// Shows the articles' texts while their analysis runs (issue 22, item 12: the text is
    /// on screen at once; the marks follow with the report). Only when the columns show
    /// other articles or none: a rerun after an edit keeps the marks it has meanwhile.
    pub(crate) fn show_preview(&mut self, preview: Report) {
        let paths = |report: &Report| -> Vec<String> {
            report.documents.iter().map(|d| d.path.clone()).collect()
        };
        let same = self
            .analysis
            .as_ref()
            .is_some_and(|a| paths(&a.report) == paths(&preview));
        if same || preview.documents.is_empty() {
            return;
        }
        if std::env::var_os("PARALLAX_TIMINGS").is_some() {
            eprintln!("texts loaded {:?} after start", super::started().elapsed());
        }
        if let Some(analysis) = &self.analysis {
            let known = paths(&analysis.report);
            self.reveal_columns = preview
                .documents
                .iter()
                .filter(|d| !known.contains(&d.path))
                .map(|d| d.index)
                .collect();
        }
        self.carry_arrangement(&preview);
        self.selected_event = None;
        self.selected_finding = None;
        self.selected_passage = None;
        self.picked.clear();
        self.text_selection = None;
        // The last report is of other articles: nothing to show again from it.
        self.full_report = None;
        let mut analysis = Analysis::new(preview);
        analysis.preview = true;
        self.analysis = Some(analysis);
    }

    /// The report as shown: findings below the calibrated confidence are left out unless
    /// the user asked to see uncertain findings.
    pub(crate) fn shown(&self, mut report: Report) -> Report {
        if !self.remembered.show_uncertain {
            parallax::report::retain_confident(
                &mut report,
                parallax::settings::DEFAULT_MIN_CONFIDENCE,
            );
        }
        report
    }

    /// Shows the last report again after "Show uncertain findings" changed.
    pub fn refilter(&mut self) {
        if let Some(full) = self.full_report.clone() {
            self.selected_finding = None;
            self.analysis = Some(Analysis::new(self.shown(full)));
        }
    }
}

/// A developer's timings on standard error (with `PARALLAX_TIMINGS` set), counted from the
/// start of the process: each frame, up to 5,000 (when its drawing began and how long it
/// took; the gap to the next is painting and presenting), and the first frames that drew
/// the articles' texts and the report's marks.
pub(crate) fn log_frame(app: &ParallaxApp, began: std::time::Instant) {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    static FRAMES: AtomicUsize = AtomicUsize::new(0);
    static TEXT: AtomicBool = AtomicBool::new(false);
    static MARKS: AtomicBool = AtomicBool::new(false);
    if std::env::var_os("PARALLAX_TIMINGS").is_none() {
        return;
    }
    let start = super::started();
    let frame = FRAMES.fetch_add(1, Ordering::Relaxed);
    if frame < 5000 {
        eprintln!(
            "frame {frame}: began {:?}, drawn in {:?}",
            began.duration_since(start),
            began.elapsed()
        );
    }
    let drawn = !app.geometry.is_empty();
    let preview = app.analysis.as_ref().is_some_and(|a| a.preview);
    if drawn && !TEXT.swap(true, Ordering::Relaxed) {
        eprintln!(
            "texts drawn in frame {frame}, done {:?} after start{}",
            start.elapsed(),
            if preview { " (before the report)" } else { "" }
        );
    }
    if drawn && !preview && !MARKS.swap(true, Ordering::Relaxed) {
        eprintln!(
            "marks drawn in frame {frame}, done {:?} after start",
            start.elapsed()
        );
    }
}
