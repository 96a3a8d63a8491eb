//! The desktop viewer: articles side by side, aligned and marked.
//!
//! The viewer shows the engine's report and computes nothing of its own. Each frame reads the
//! state and queues [`Command`]s; side effects (starting an analysis, opening a dialog,
//! selecting an event) run at the end of the frame. Analysis and dialogs run on worker
//! threads (`worker`), and text layout is cached per document (`layout`).

mod columns;
mod fonts;
mod layout;
mod marks;
mod palette;
mod panels;
mod worker;

#[cfg(test)]
mod tests;

use layout::DocumentLayout;
use marks::DocumentMarks;
use parallax::model::{DocId, EventId, FindingId, FindingKind, Report};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::PathBuf;
use worker::{AnalysisJob, DialogJob, DialogPurpose};

/// What the viewer remembers between runs (eframe's persistence, stored as RON).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Remembered {
    pub dark: bool,
    pub show_connectors: bool,
    pub only_differences: bool,
    pub recent_files: Vec<PathBuf>,
    pub last_folder: Option<PathBuf>,
    /// The articles open when the viewer last closed.
    pub open_files: Vec<PathBuf>,
    /// Whether the viewer has run before (the first run shows the samples).
    pub has_run: bool,
}

impl Default for Remembered {
    fn default() -> Self {
        Remembered {
            dark: false,
            show_connectors: true,
            only_differences: false,
            recent_files: Vec::new(),
            last_folder: None,
            open_files: Vec::new(),
            has_run: false,
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
            .filter(|f| f.kind.is_difference() && f.kind != FindingKind::Unique)
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
        }
    }

    /// Starts comparing `files` in the background, replacing what is open.
    pub fn open(&mut self, files: Vec<PathBuf>, ctx: &egui::Context) {
        if let Some(job) = self.job.take() {
            job.progress.cancel();
        }
        self.files = files.clone();
        for file in &files {
            self.remembered.recent_files.retain(|f| f != file);
            self.remembered.recent_files.insert(0, file.clone());
        }
        self.remembered.recent_files.truncate(12);
        self.remembered.open_files = files.clone();
        self.job = Some(AnalysisJob::start(files, ctx.clone()));
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

    fn finish_analysis(&mut self, result: Result<Report, String>, _ctx: &egui::Context) {
        match result {
            Ok(report) => {
                // Keep the selection where possible: the event holding the same passage.
                let previous = self.selected_event.and_then(|event| {
                    let analysis = self.analysis.as_ref()?;
                    let first = analysis.report.events.get(event.get())?.passages.first()?;
                    let path = analysis.report.documents[first.document.get()].path.clone();
                    Some((path, first.passage))
                });
                for failure in &report.failures {
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
                self.column_order = report.documents.iter().map(|d| d.index).collect();
                self.hidden.clear();
                self.selected_event = previous.and_then(|(path, passage)| {
                    let document = report.documents.iter().find(|d| d.path == path)?;
                    report.event_of_passages()[document.index.get()][passage.get()]
                });
                self.selected_finding = None;
                self.analysis = Some(Analysis::new(report));
            }
            Err(message) => self.notices.push(Notice {
                text: message,
                error: true,
            }),
        }
    }

    /// Runs the queued commands.
    fn run_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            self.run_command(command, ctx);
        }
    }

    fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Open(files) => self.open(files, ctx),
            Command::Add(files) => {
                let mut all = self.files.clone();
                for file in files {
                    if !all.contains(&file) {
                        all.push(file);
                    }
                }
                self.open(all, ctx);
            }
            Command::ShowDialog(purpose) => {
                if !worker::dialogs_available() {
                    self.notices.push(Notice {
                        text: "No file dialog can be shown here (no desktop portal and no zenity). Drag articles onto the window, or name them on the command line: parallax FILE…".into(),
                        error: true,
                    });
                } else if self.dialog.is_none() {
                    self.dialog = Some(DialogJob::start(
                        purpose,
                        self.remembered.last_folder.clone(),
                        ctx.clone(),
                    ));
                }
            }
            Command::CloseDocument(document) => {
                if let Some(analysis) = &self.analysis {
                    let path = PathBuf::from(&analysis.report.documents[document.get()].path);
                    let remaining: Vec<PathBuf> =
                        self.files.iter().filter(|f| **f != path).cloned().collect();
                    self.open(remaining, ctx);
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
            } => self.scroll_requests.push(ScrollRequest {
                document,
                start,
                end,
            }),
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

    /// Keyboard shortcuts that work anywhere in the window.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let typing = ctx.egui_wants_keyboard_input();
        let consume = |modifiers: Modifiers, key: Key| {
            ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key)))
        };
        if consume(Modifiers::COMMAND, Key::O) {
            self.commands.push(Command::ShowDialog(DialogPurpose::Open));
        }
        if consume(Modifiers::COMMAND, Key::F) {
            self.search.open = true;
            self.search.focus = true;
        }
        if consume(Modifiers::COMMAND, Key::Q) {
            self.commands.push(Command::Quit);
        }
        if consume(Modifiers::SHIFT, Key::F7) {
            self.commands.push(Command::StepDifference(-1));
        }
        if consume(Modifiers::NONE, Key::F7) {
            self.commands.push(Command::StepDifference(1));
        }
        if consume(Modifiers::ALT, Key::ArrowDown) {
            self.commands.push(Command::StepEvent(1));
        }
        if consume(Modifiers::ALT, Key::ArrowUp) {
            self.commands.push(Command::StepEvent(-1));
        }
        if !typing {
            if consume(Modifiers::NONE, Key::J) {
                self.commands.push(Command::StepEvent(1));
            }
            if consume(Modifiers::NONE, Key::K) {
                self.commands.push(Command::StepEvent(-1));
            }
        }
        if self.search.open && consume(Modifiers::NONE, Key::Escape) {
            self.search.open = false;
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
                self.notices.push(Notice {
                    text: "No file dialog could be shown (no desktop portal and no zenity). Drag articles onto the window, or name them on the command line: parallax FILE…".into(),
                    error: true,
                });
            }
            if let Some(files) = result
                && !files.is_empty()
            {
                self.remembered.last_folder = files[0].parent().map(PathBuf::from);
                self.commands.push(match purpose {
                    DialogPurpose::Open => Command::Open(files),
                    DialogPurpose::Add => Command::Add(files),
                });
            }
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
        if !dropped.is_empty() {
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
        if !self.fonts_installed {
            ctx.set_fonts(fonts::definitions());
            self.fonts_installed = true;
            if std::env::var_os("PARALLAX_TIMINGS").is_some() {
                eprintln!("first frame {:?} after start", started().elapsed());
            }
        }
        self.apply_theme(&ctx);
        self.poll_workers(&ctx);
        self.shortcuts(&ctx);
        self.update_search();
        panels::menu_bar(self, ui);
        panels::status_bar(self, ui);
        if self.show_events {
            panels::events_panel(self, ui);
        }
        if self.show_inspector {
            panels::inspector(self, ui);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if self.search.open {
                panels::search_bar(self, ui);
            }
            match self.view {
                MainView::Columns => columns::columns(self, ui),
                MainView::Overview => panels::overview(self, ui),
            }
        });
        panels::windows(self, &ctx);
        panels::notices(self, &ctx);
        panels::drop_overlay(&ctx);
        self.run_commands(&ctx);
        if self.job.is_some() || self.dialog.is_some() {
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
