//! The desktop viewer: articles side by side, aligned and marked.
//!
//! The viewer shows the engine's report and computes nothing of its own. Each frame reads the
//! state and queues [`Command`]s; side effects (starting an analysis, opening a dialog,
//! selecting an event) run at the end of the frame. Analysis and dialogs run on worker
//! threads (`worker`), and text layout is cached per document (`layout`).

mod columns;
mod edits;
mod findings_panel;
mod fonts;
mod keys;
mod layout;
mod marks;
mod palette;
mod panels;
mod path_prompt;
mod responsive;
pub mod session;
mod worker;

#[cfg(test)]
mod tests;

use layout::DocumentLayout;
use marks::DocumentMarks;
use parallax::model::{DocId, EventId, FindingId, FindingKind, PassageRef, Report};
use serde::{Deserialize, Serialize};
use session::{EditAction, Workspace};
use std::collections::BTreeSet;
use std::path::PathBuf;
use worker::{AnalysisJob, AnalysisRequest, DialogJob, DialogPurpose, DiskJobs};

/// What the viewer remembers between runs (eframe's persistence, stored as RON).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Remembered {
    pub dark: bool,
    pub show_connectors: bool,
    pub only_differences: bool,
    /// Whether findings below the calibrated confidence are shown too.
    pub show_uncertain: bool,
    pub recent_files: Vec<PathBuf>,
    pub recent_sessions: Vec<PathBuf>,
    pub last_folder: Option<PathBuf>,
    /// The articles open when the viewer last closed.
    pub open_files: Vec<PathBuf>,
    /// Whether the viewer has run before (the first run shows the samples).
    pub has_run: bool,
    /// "Fit columns" as the user set it; `None` fits up to [`columns::FIT_BY_DEFAULT`].
    pub fit_columns: Option<bool>,
}

impl Default for Remembered {
    fn default() -> Self {
        Remembered {
            dark: false,
            show_connectors: true,
            only_differences: false,
            show_uncertain: false,
            recent_files: Vec::new(),
            recent_sessions: Vec::new(),
            last_folder: None,
            open_files: Vec::new(),
            has_run: false,
            fit_columns: None,
        }
    }
}

/// The storage key of [`Remembered`].
const STORAGE_KEY: &str = "parallax.viewer";

/// The main area: the columns, or the coverage overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MainView {
    Columns,
    Overview,
}

/// How the events panel orders events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventSort {
    DocumentOrder,
    MostSources,
    MostDifferences,
}

/// A side effect requested while drawing, run at the end of the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Replace the open articles.
    Open(Vec<PathBuf>),
    /// Add articles to the open ones.
    Add(Vec<PathBuf>),
    ShowDialog(DialogPurpose),
    CloseDocument(DocId),
    MoveColumn(DocId, isize),
    SelectEvent(Option<EventId>),
    /// Select a finding: its event, and bring its first claim into view everywhere.
    SelectFinding(FindingId),
    /// Scroll one column so that a span is in view.
    ScrollTo {
        document: DocId,
        start: usize,
        end: usize,
    },
    StepEvent(isize),
    StepDifference(isize),
    CancelAnalysis,
    Quit,
    /// A change to the user's work (corrections, reviews, notes).
    Edit(EditAction),
    Undo,
    Redo,
    SaveSession,
    SaveSessionAs(PathBuf),
    OpenSession(PathBuf),
    /// Point a missing session document at a file.
    Locate(usize, PathBuf),
    /// Rerun the comparison on the articles as they are on disk now.
    ReloadChanged,
    Export(parallax::cli::OutputFormat, PathBuf),
}

/// A note being written, before it joins the session.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteDraft {
    pub document: DocId,
    pub start: usize,
    pub end: usize,
    pub event: bool,
    pub text: String,
    /// Re-attaching an orphaned note: its position in the session's notes.
    pub reattach: Option<usize>,
}

/// A message shown in the corner until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// A request to bring a span of a document into view in its column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScrollRequest {
    pub document: DocId,
    pub start: usize,
    pub end: usize,
}

/// The report and everything derived from it for drawing.
pub struct Analysis {
    pub report: Report,
    pub marks: Vec<DocumentMarks>,
    /// Cached layouts per document; rebuilt when width or theme change.
    pub layouts: Vec<Option<DocumentLayout>>,
    /// Finding indices that are differences, in report order (for F7).
    pub differences: Vec<FindingId>,
    /// The findings of each event, so that panels never scan all findings per frame.
    pub event_findings: Vec<Vec<FindingId>>,
}

impl Analysis {
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
            .filter(|f| {
                f.kind.is_difference() && f.kind != FindingKind::Unique && !f.is_dismissed()
            })
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
        }
    }
}

/// Search across all columns.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub open: bool,
    pub query: String,
    /// The query the matches were computed for.
    matched_query: String,
    pub matches: Vec<(DocId, usize, usize)>,
    pub current: usize,
    pub focus: bool,
}

/// The viewer.
pub struct ParallaxApp {
    pub remembered: Remembered,
    /// The articles being compared, in column order of the request.
    pub files: Vec<PathBuf>,
    pub analysis: Option<Analysis>,
    /// The engine's report with every finding, uncertain ones included; `analysis` shows
    /// it filtered by confidence unless "Show uncertain findings" is on.
    pub full_report: Option<Report>,
    job: Option<AnalysisJob>,
    dialog: Option<DialogJob>,
    pub selected_event: Option<EventId>,
    pub selected_finding: Option<FindingId>,
    pub scroll_requests: Vec<ScrollRequest>,
    /// Documents in display order, and which are hidden.
    pub column_order: Vec<DocId>,
    pub hidden: BTreeSet<DocId>,
    pub notices: Vec<Notice>,
    pub search: Search,
    pub view: MainView,
    pub show_inspector: bool,
    pub show_events: bool,
    pub show_legend: bool,
    pub show_shortcuts: bool,
    pub show_about: bool,
    pub event_filter_text: String,
    pub event_filter_kinds: BTreeSet<FindingKind>,
    pub event_sort: EventSort,
    pub commands: Vec<Command>,
    /// Where each visible column was drawn this frame, for connectors.
    pub(crate) geometry: Vec<columns::ColumnGeometry>,
    theme_applied: Option<bool>,
    fonts_installed: bool,
    /// The session: documents, the user's edits, view state, undo history.
    pub work: Workspace,
    pub disk: DiskJobs,
    /// Widths of the events panel and the inspector, as last drawn.
    pub panel_widths: (Option<f32>, Option<f32>),
    /// Apply the session's view state once the next analysis arrives.
    restore_view: bool,
    last_watch: std::time::Instant,
    /// Whether the file watcher's stat task is running.
    watching: bool,
    /// The passage clicked last (Ctrl+click on another links the two).
    pub selected_passage: Option<PassageRef>,
    /// Passages picked with Shift+click, to split off together.
    pub picked: BTreeSet<PassageRef>,
    /// Text selected by dragging in a column.
    pub text_selection: Option<(DocId, usize, usize)>,
    /// A passage dragged from the margin, to link with the one it is dropped on.
    pub link_drag: Option<PassageRef>,
    /// Where the last context menu was opened: document and byte.
    pub context_at: Option<(DocId, usize)>,
    pub note_draft: Option<NoteDraft>,
    pub rename_draft: Option<(EventId, String)>,
    /// A note being edited: its position in the session and the new text.
    pub note_edit: Option<(usize, String)>,
    /// A source being renamed, and the name typed so far.
    pub source_draft: Option<(DocId, String)>,
    pub show_notes: bool,
    pub show_export: bool,
    pub export_format: parallax::cli::OutputFormat,
    /// Review comments being typed in the inspector, per finding.
    pub comment_drafts: std::collections::BTreeMap<FindingId, String>,
    title: String,
    /// The last export written, for its "Open folder" button.
    pub exported: Option<PathBuf>,
    /// The egui context, kept for autosaves started from eframe's callbacks.
    ctx: Option<egui::Context>,
    /// The findings panel (review queue) and its filters.
    pub findings_panel: findings_panel::FindingsPanel,
    /// A path being typed where no native file dialog can be shown.
    pub path_prompt: Option<path_prompt::PathPrompt>,
    /// Whether native file dialogs can be shown (tests turn them off).
    pub native_dialogs: bool,
    /// Columns to bring into view sideways (those of the event, finding or claim selected
    /// last), handled by the next frame's columns.
    pub reveal_columns: Vec<DocId>,
    /// The visible part of the columns area last frame, in screen coordinates.
    pub columns_viewport: egui::Rect,
    /// Whether the window is narrow this frame (events panel a strip, inspector an overlay).
    pub narrow: bool,
    /// On a narrow window: whether the user expanded the events panel from its strip.
    pub events_expanded: bool,
    /// On a narrow window: whether the inspector overlay is open.
    pub inspector_overlay: bool,
}

impl ParallaxApp {
    /// Creates the viewer from eframe's creation context: fonts, remembered state, and the
    /// articles to open (`files`, else the last ones, else the bundled samples).
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> ParallaxApp {
        let remembered: Remembered = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, STORAGE_KEY))
            .unwrap_or_default();
        let mut app = ParallaxApp::with_state(remembered);
        app.work = Workspace::new(eframe::storage_dir("Parallax"));
        if let [file] = files.as_slice()
            && parallax::session::is_session_path(file)
        {
            app.remembered.has_run = true;
            app.open_session(file.clone(), &cc.egui_ctx);
            return app;
        }
        let files = if !files.is_empty() {
            files
        } else if app.remembered.has_run && !app.remembered.open_files.is_empty() {
            app.remembered.open_files.clone()
        } else {
            sample_files()
        };
        app.remembered.has_run = true;
        app.open(files, &cc.egui_ctx);
        app
    }

    /// A viewer with the given remembered state and nothing open (used by tests).
    pub fn with_state(remembered: Remembered) -> ParallaxApp {
        ParallaxApp {
            remembered,
            files: Vec::new(),
            analysis: None,
            full_report: None,
            job: None,
            dialog: None,
            selected_event: None,
            selected_finding: None,
            scroll_requests: Vec::new(),
            column_order: Vec::new(),
            hidden: BTreeSet::new(),
            notices: Vec::new(),
            search: Search::default(),
            view: MainView::Columns,
            show_inspector: true,
            show_events: true,
            show_legend: false,
            show_shortcuts: false,
            show_about: false,
            event_filter_text: String::new(),
            event_filter_kinds: BTreeSet::new(),
            event_sort: EventSort::DocumentOrder,
            commands: Vec::new(),
            geometry: Vec::new(),
            theme_applied: None,
            fonts_installed: false,
            work: Workspace::new(None),
            disk: DiskJobs::default(),
            panel_widths: (None, None),
            restore_view: false,
            last_watch: std::time::Instant::now(),
            watching: false,
            selected_passage: None,
            picked: BTreeSet::new(),
            text_selection: None,
            link_drag: None,
            context_at: None,
            note_draft: None,
            rename_draft: None,
            note_edit: None,
            source_draft: None,
            show_notes: false,
            show_export: false,
            export_format: parallax::cli::OutputFormat::Html,
            comment_drafts: std::collections::BTreeMap::new(),
            title: String::new(),
            exported: None,
            ctx: None,
            findings_panel: findings_panel::FindingsPanel::default(),
            path_prompt: None,
            native_dialogs: worker::dialogs_available(),
            reveal_columns: Vec::new(),
            columns_viewport: egui::Rect::NOTHING,
            narrow: false,
            events_expanded: false,
            inspector_overlay: false,
        }
    }

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
        self.work.undo.push(self.work.session.clone());
        self.work.redo.clear();
        self.work.generation += 1;
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

    fn finish_analysis(&mut self, result: Result<parallax::Edited, String>, _ctx: &egui::Context) {
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
                    self.notices.push(Notice {
                        text: format!("Not loaded: {}: {}", failure.path, failure.error),
                        error: true,
                    });
                }
                if report.documents.len() == 1 {
                    self.notices.push(Notice {
                        text: "Only one article could be read: there is nothing to compare it with yet. Add more articles."
                            .into(),
                        error: false,
                    });
                }
                // Articles just added come into view.
                if let Some(analysis) = &self.analysis {
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
                self.column_order = report.documents.iter().map(|d| d.index).collect();
                self.hidden.clear();
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
            Err(message) => self.notices.push(Notice {
                text: message,
                error: true,
            }),
        }
    }

    /// The report as shown: findings below the calibrated confidence are left out unless
    /// the user asked to see uncertain findings.
    fn shown(&self, mut report: Report) -> Report {
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

    /// Runs the queued commands.
    fn run_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // What they change (a selection, a scroll) shows in the next frame.
            ctx.request_repaint();
        }
        for command in commands {
            self.run_command(command, ctx);
        }
    }

    fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Open(files) => self.open(files, ctx),
            Command::Add(files) => self.add(files, ctx),
            Command::Edit(action) => self.edit(action, ctx),
            Command::Undo => self.undo(ctx),
            Command::Redo => self.redo(ctx),
            Command::SaveSession => self.save_session(ctx),
            Command::SaveSessionAs(path) => self.save_session_to(path, ctx),
            Command::OpenSession(path) => self.open_session(path, ctx),
            Command::Locate(index, path) => self.locate(index, path, ctx),
            Command::ReloadChanged => self.start_analysis(ctx),
            Command::Export(format, path) => self.export(format, path, ctx),
            Command::ShowDialog(purpose) => {
                if !self.native_dialogs {
                    self.prompt_for_path(
                        purpose,
                        "No file dialog can be shown here (no desktop portal and no zenity), so type the path. You can also drag articles onto the window.",
                    );
                } else if self.dialog.is_none() {
                    self.dialog = Some(DialogJob::start(
                        purpose,
                        self.remembered.last_folder.clone(),
                        ctx.clone(),
                    ));
                }
            }
            Command::CloseDocument(document) => {
                if let Some(index) = self.work.session_doc(document) {
                    self.close_session_document(index, ctx);
                }
            }
            Command::MoveColumn(document, step) => {
                if let Some(position) = self.column_order.iter().position(|d| *d == document) {
                    let target = position as isize + step;
                    if target >= 0 && (target as usize) < self.column_order.len() {
                        self.column_order.swap(position, target as usize);
                    }
                }
            }
            Command::SelectEvent(event) => self.select_event(event),
            Command::SelectFinding(finding) => self.select_finding(finding),
            Command::ScrollTo {
                document,
                start,
                end,
            } => {
                self.scroll_requests.push(ScrollRequest {
                    document,
                    start,
                    end,
                });
                self.reveal_columns = vec![document];
            }
            Command::StepEvent(step) => self.step_event(step),
            Command::StepDifference(step) => self.step_difference(step),
            Command::CancelAnalysis => {
                if let Some(job) = &self.job {
                    job.progress.cancel();
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Closes one article of the session; its notes and corrections go with it, and Undo
    /// brings all of it back.
    fn close_session_document(&mut self, index: usize, ctx: &egui::Context) {
        self.work.undo.push(self.work.session.clone());
        self.work.redo.clear();
        self.work.generation += 1;
        let removed = self.work.session.remove_document(index);
        if removed > 0 {
            self.notices.push(Notice {
                text: format!(
                    "Closed the article with {removed} correction(s), review(s) or note(s) on it. Edit → Undo brings them back."
                ),
                error: false,
            });
        }
        self.start_analysis(ctx);
    }

    /// Applies the session's view state (column order, hidden columns, selected event).
    fn apply_view(&mut self) {
        let view = self.work.session.view.clone();
        let report_doc = self.work.report_doc.clone();
        let to_doc = |index: &usize| report_doc.get(*index).copied().flatten();
        let mut order: Vec<DocId> = view.column_order.iter().filter_map(to_doc).collect();
        for document in &self.column_order {
            if !order.contains(document) {
                order.push(*document);
            }
        }
        self.column_order = order;
        self.hidden = view.hidden_columns.iter().filter_map(to_doc).collect();
        self.selected_event = None;
        if let Some(anchor) = &view.selected_event
            && let Some(document) = to_doc(&anchor.document)
            && let Some(analysis) = &self.analysis
        {
            let report = &analysis.report;
            let passage = report.documents[document.get()]
                .passages
                .iter()
                .find(|p| p.start <= anchor.start && anchor.start < p.end);
            if let Some(passage) = passage {
                self.selected_event =
                    report.event_of_passages()[document.get()][passage.index.get()];
            }
        }
    }

    /// Writes an export in the background; a notice with "Open folder" says when it is done.
    pub fn export(
        &mut self,
        format: parallax::cli::OutputFormat,
        path: PathBuf,
        ctx: &egui::Context,
    ) {
        let Some(analysis) = &self.analysis else {
            self.notices.push(Notice {
                text: "There is no report to export yet.".into(),
                error: true,
            });
            return;
        };
        let report = analysis.report.clone();
        let target = path.clone();
        // An export never replaces an open article or the session file (issue 12).
        let mut inputs: Vec<PathBuf> = report
            .documents
            .iter()
            .map(|d| PathBuf::from(&d.path))
            .collect();
        inputs.extend(self.work.path.clone());
        self.disk.spawn(ctx, move || {
            let result = (|| {
                let coverage = target.with_extension("coverage.csv");
                let mut written = vec![target.clone()];
                if format == parallax::cli::OutputFormat::Csv {
                    written.push(coverage.clone());
                }
                for file in &written {
                    parallax::cli::check_output(file, &inputs, false)
                        .map_err(std::io::Error::other)?;
                }
                let text = parallax::cli::render(&report, format);
                parallax::cli::write_atomically(&target, text.as_bytes())?;
                if format == parallax::cli::OutputFormat::Csv {
                    parallax::cli::write_atomically(
                        &coverage,
                        parallax::report::csv::coverage_matrix(&report).as_bytes(),
                    )?;
                }
                Ok::<(), std::io::Error>(())
            })();
            worker::DiskDone::Exported(target, result.map_err(|e| e.to_string()))
        });
    }

    fn export_done(&mut self, path: PathBuf, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.exported = Some(path.clone());
                self.notices.push(Notice {
                    text: format!("Exported {}", path.display()),
                    error: false,
                });
            }
            Err(message) => self.notices.push(Notice {
                text: format!(
                    "{}: the export could not be written ({message})",
                    path.display()
                ),
                error: true,
            }),
        }
    }

    /// Selects an event and scrolls every column to its passages.
    pub fn select_event(&mut self, event: Option<EventId>) {
        self.selected_event = event;
        self.selected_finding = None;
        let Some(analysis) = &self.analysis else {
            return;
        };
        let Some(event) = event.and_then(|e| analysis.report.events.get(e.get())) else {
            return;
        };
        // Every column holding one of its passages comes into view sideways too.
        self.reveal_columns = event.documents();
        let mut seen = BTreeSet::new();
        for at in &event.passages {
            if seen.insert(at.document) {
                let passage = analysis.report.passage(*at);
                self.scroll_requests.push(ScrollRequest {
                    document: at.document,
                    start: passage.start,
                    end: passage.end,
                });
            }
        }
    }

    /// Selects a finding: its event, and its claims brought into view.
    pub fn select_finding(&mut self, finding: FindingId) {
        let Some(analysis) = &self.analysis else {
            return;
        };
        let Some(found) = analysis.report.findings.get(finding.get()) else {
            return;
        };
        let event = found.event;
        let claims: Vec<ScrollRequest> = {
            let mut seen = BTreeSet::new();
            found
                .claims
                .iter()
                .filter(|c| seen.insert(c.document))
                .map(|c| ScrollRequest {
                    document: c.document,
                    start: c.start,
                    end: c.end,
                })
                .collect()
        };
        if event.is_some() {
            self.select_event(event);
        }
        self.selected_finding = Some(finding);
        // The columns of its claims come into view sideways, before the event's others.
        self.reveal_columns = claims.iter().map(|c| c.document).collect();
        // The claims win over the event's first passages.
        self.scroll_requests
            .retain(|r| !claims.iter().any(|c| c.document == r.document));
        self.scroll_requests.extend(claims);
    }

    /// The events in the order the events panel shows them (filters applied).
    pub fn visible_events(&self) -> Vec<EventId> {
        let Some(analysis) = &self.analysis else {
            return Vec::new();
        };
        let report = &analysis.report;
        let query = self.event_filter_text.to_lowercase();
        let mut events: Vec<EventId> = report
            .events
            .iter()
            .filter(|event| {
                let findings: Vec<FindingKind> =
                    analysis.findings_of(event.index).map(|f| f.kind).collect();
                let differs = findings.iter().any(|k| k.is_difference());
                (!self.remembered.only_differences || differs)
                    && (self.event_filter_kinds.is_empty()
                        || findings.iter().any(|k| self.event_filter_kinds.contains(k)))
                    && (query.is_empty()
                        || event.label.to_lowercase().contains(&query)
                        || event
                            .passages
                            .iter()
                            .any(|p| report.passage_text(*p).to_lowercase().contains(&query)))
            })
            .map(|e| e.index)
            .collect();
        match self.event_sort {
            EventSort::DocumentOrder => {}
            EventSort::MostSources => {
                events.sort_by_key(|e| std::cmp::Reverse(report.events[e.get()].documents().len()))
            }
            EventSort::MostDifferences => events.sort_by_key(|e| {
                std::cmp::Reverse(
                    analysis
                        .findings_of(*e)
                        .filter(|f| f.kind.is_difference())
                        .count(),
                )
            }),
        }
        events
    }

    fn step_event(&mut self, step: isize) {
        let events = self.visible_events();
        if events.is_empty() {
            return;
        }
        let position = self
            .selected_event
            .and_then(|s| events.iter().position(|e| *e == s));
        let next = match position {
            None if step >= 0 => 0,
            None => events.len() - 1,
            Some(p) => (p as isize + step).clamp(0, events.len() as isize - 1) as usize,
        };
        self.select_event(Some(events[next]));
    }

    fn step_difference(&mut self, step: isize) {
        let Some(analysis) = &self.analysis else {
            return;
        };
        let differences = &analysis.differences;
        if differences.is_empty() {
            return;
        }
        let position = self
            .selected_finding
            .and_then(|s| differences.iter().position(|f| *f == s));
        let next = match position {
            None if step >= 0 => 0,
            None => differences.len() - 1,
            Some(p) => (p as isize + step).rem_euclid(differences.len() as isize) as usize,
        };
        let finding = differences[next];
        self.select_finding(finding);
    }

    /// Recomputes search matches when the query changed.
    fn update_search(&mut self) {
        if self.search.query == self.search.matched_query {
            return;
        }
        self.search.matched_query = self.search.query.clone();
        self.search.matches.clear();
        self.search.current = 0;
        let query = self.search.query.to_lowercase();
        let Some(analysis) = &self.analysis else {
            return;
        };
        if query.chars().count() < 2 {
            return;
        }
        for document in &analysis.report.documents {
            // Lower-casing can change byte lengths; search char by char on the original.
            let lower = document.text.to_lowercase();
            if lower.len() != document.text.len() {
                continue;
            }
            let mut from = 0;
            while let Some(found) = lower[from..].find(&query) {
                let start = from + found;
                let end = start + query.len();
                self.search.matches.push((document.index, start, end));
                from = end;
            }
        }
    }

    pub(crate) fn step_search(&mut self, step: isize) {
        if self.search.matches.is_empty() {
            return;
        }
        let count = self.search.matches.len() as isize;
        self.search.current = (self.search.current as isize + step).rem_euclid(count) as usize;
        let (document, start, end) = self.search.matches[self.search.current];
        self.scroll_requests.push(ScrollRequest {
            document,
            start,
            end,
        });
    }

    /// Keyboard shortcuts that work anywhere in the window, from the key table.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        use keys::{KEYS, KeyAction, Scope};
        let typing = ctx.egui_wants_keyboard_input();
        for binding in KEYS {
            let applies = match binding.scope {
                Scope::Always => true,
                Scope::NotTyping => !typing,
                Scope::FindingsPanel => !typing && self.findings_panel.open,
            } && (binding.action != KeyAction::CloseSearch || self.search.open);
            let shortcut = egui::KeyboardShortcut::new(binding.modifiers, binding.key);
            if !applies || !ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                continue;
            }
            match binding.action {
                KeyAction::Open => self.commands.push(Command::ShowDialog(DialogPurpose::Open)),
                KeyAction::Search => {
                    self.search.open = true;
                    self.search.focus = true;
                }
                KeyAction::CloseSearch => self.search.open = false,
                KeyAction::Save => self.commands.push(Command::SaveSession),
                KeyAction::SaveAs => self
                    .commands
                    .push(Command::ShowDialog(DialogPurpose::SaveSessionAs)),
                KeyAction::Undo => self.commands.push(Command::Undo),
                KeyAction::Redo => self.commands.push(Command::Redo),
                KeyAction::Quit => self.commands.push(Command::Quit),
                KeyAction::NextDifference => self.commands.push(Command::StepDifference(1)),
                KeyAction::PreviousDifference => self.commands.push(Command::StepDifference(-1)),
                KeyAction::NextEvent => self.commands.push(Command::StepEvent(1)),
                KeyAction::PreviousEvent => self.commands.push(Command::StepEvent(-1)),
                KeyAction::ToggleFindings => {
                    self.findings_panel.open = !self.findings_panel.open;
                    self.findings_panel.reveal = true;
                }
                KeyAction::NextUnreviewed
                | KeyAction::PreviousUnreviewed
                | KeyAction::Confirm
                | KeyAction::Dismiss => self.queue_key(binding.action),
            }
        }
    }

    /// Search hits to draw: none once the search is closed (Esc or ×), though the query is
    /// kept for when it opens again.
    pub fn search_highlights(&self) -> &[(DocId, usize, usize)] {
        if self.search.open {
            &self.search.matches
        } else {
            &[]
        }
    }

    fn poll_workers(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.job
            && let Some(result) = job.poll()
        {
            self.job = None;
            self.finish_analysis(result, ctx);
        }
        if let Some(dialog) = &self.dialog
            && let Some(result) = dialog.poll()
        {
            let purpose = dialog.purpose;
            let quick = dialog.started.elapsed() < std::time::Duration::from_millis(400);
            self.dialog = None;
            // rfd answers `None` at once when no dialog could be shown at all; a person
            // takes longer than that to cancel one.
            if result.is_none() && quick {
                self.prompt_for_path(
                    purpose,
                    "No file dialog could be shown (no desktop portal and no zenity), so type the path. You can also drag articles onto the window.",
                );
            }
            if let Some(mut files) = result
                && !files.is_empty()
            {
                self.remembered.last_folder = files[0].parent().map(PathBuf::from);
                let first = files.remove(0);
                self.commands.push(match purpose {
                    DialogPurpose::Open => {
                        files.insert(0, first);
                        Command::Open(files)
                    }
                    DialogPurpose::Add => {
                        files.insert(0, first);
                        Command::Add(files)
                    }
                    DialogPurpose::OpenSession => Command::OpenSession(first),
                    DialogPurpose::SaveSessionAs => Command::SaveSessionAs(first),
                    DialogPurpose::Locate(index) => Command::Locate(index, first),
                    DialogPurpose::Export(format) => Command::Export(format, first),
                });
            }
        }
        for done in self.disk.poll() {
            self.disk_done(done, ctx);
        }
        // Files dropped on the window are added.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(session) = dropped
            .iter()
            .find(|p| parallax::session::is_session_path(p))
        {
            self.commands.push(Command::OpenSession(session.clone()));
        } else if !dropped.is_empty() {
            let (files, errors) = parallax::load::expand_inputs(&dropped);
            for (path, error) in errors {
                self.notices.push(Notice {
                    text: format!("Not loaded: {}: {error}", path.display()),
                    error: true,
                });
            }
            if !files.is_empty() {
                self.commands.push(Command::Add(files));
            }
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.theme_applied != Some(self.remembered.dark) {
            ctx.set_theme(if self.remembered.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.theme_applied = Some(self.remembered.dark);
        }
    }

    /// Draws the whole window into `ui` (the root `Ui` eframe gives each frame).
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        if !self.fonts_installed {
            ctx.set_fonts(fonts::definitions());
            self.fonts_installed = true;
            if std::env::var_os("PARALLAX_TIMINGS").is_some() {
                eprintln!("first frame {:?} after start", started().elapsed());
            }
        }
        self.apply_theme(&ctx);
        self.poll_workers(&ctx);
        self.watch_files(&ctx);
        self.shortcuts(&ctx);
        let title = self.work.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        self.update_search();
        panels::menu_bar(self, ui);
        panels::status_bar(self, ui);
        // Under about 1300 points the side panels give their room to the columns: the
        // events panel becomes a strip and the inspector an overlay.
        self.narrow = ctx.content_rect().width() < responsive::NARROW_WIDTH;
        if self.show_events {
            if self.narrow && !self.events_expanded {
                responsive::events_strip(self, ui);
            } else {
                panels::events_panel(self, ui);
            }
        }
        if self.show_inspector && !self.narrow {
            panels::inspector(self, ui);
        }
        if self.show_notes {
            edits::notes_panel(self, ui);
        }
        if self.findings_panel.open {
            findings_panel::findings_panel_ui(self, ui);
        }
        edits::session_bar(self, ui);
        egui::CentralPanel::default().show(ui, |ui| {
            if self.search.open {
                panels::search_bar(self, ui);
            }
            match self.view {
                MainView::Columns => columns::columns(self, ui),
                MainView::Overview => panels::overview(self, ui),
            }
        });
        if self.show_inspector && self.narrow {
            responsive::inspector_overlay(self, &ctx);
        }
        panels::windows(self, &ctx);
        edits::windows(self, &ctx);
        path_prompt::path_prompt_ui(self, &ctx);
        panels::notices(self, &ctx);
        panels::drop_overlay(&ctx);
        // A passage dragged from the margin is dropped on release, on a passage or not.
        if ctx.input(|i| i.pointer.any_released() || !i.pointer.any_down()) {
            self.link_drag = None;
        }
        self.run_commands(&ctx);
        if self.job.is_some() || self.dialog.is_some() || self.disk.running > 0 {
            // Progress moves without input: look again soon.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }
}

impl eframe::App for ParallaxApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ParallaxApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.remembered);
        // eframe calls this every 30 s: unsaved work goes to the autosave.
        let ctx = self.ctx.clone();
        if let Some(ctx) = ctx {
            self.autosave(&ctx, false);
        }
    }

    fn on_exit(&mut self) {
        // The last chance: write unsaved work on this thread before the process ends.
        if let Some(ctx) = self.ctx.clone() {
            self.autosave(&ctx, true);
        }
    }
}

/// The file name extension of an export format.
pub fn export_extension(format: parallax::cli::OutputFormat) -> &'static str {
    match format {
        parallax::cli::OutputFormat::Json => "json",
        parallax::cli::OutputFormat::Markdown => "md",
        parallax::cli::OutputFormat::Csv => "csv",
        parallax::cli::OutputFormat::Html => "html",
    }
}

/// A count and its noun, singular for one: "1 note", "3 notes".
pub fn count(number: usize, singular: &str, plural: &str) -> String {
    if number == 1 {
        format!("1 {singular}")
    } else {
        format!("{number} {plural}")
    }
}

/// When the process started (for the startup figure in the README).
pub fn started() -> std::time::Instant {
    static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *STARTED.get_or_init(std::time::Instant::now)
}

/// The bundled sample articles.
pub fn sample_files() -> Vec<PathBuf> {
    let (files, _) = parallax::load::expand_inputs(&[parallax::cli::samples_dir()]);
    files
}

/// Opens the viewer window. Returns a message when no window can be shown.
pub fn run(files: Vec<PathBuf>) -> Result<(), String> {
    started();
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        return Err("no display was found, so the viewer cannot open a window. To compare articles without a window, use `parallax compare FILES…` (see `parallax compare --help`).".into());
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Parallax")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Parallax",
        options,
        Box::new(move |cc| Ok(Box::new(ParallaxApp::new(cc, files)))),
    )
    .map_err(|error| {
        format!("the viewer could not open a window ({error}). To compare articles without a window, use `parallax compare FILES…`.")
    })
}
