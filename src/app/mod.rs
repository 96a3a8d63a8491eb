//! The desktop viewer: articles side by side, aligned and marked.
//!
//! The viewer shows the engine's report and computes nothing of its own. Each frame reads the
//! state and queues [`Command`]s; side effects (starting an analysis, opening a dialog,
//! selecting an event) run at the end of the frame. Analysis and dialogs run on worker
//! threads (`worker`), and text layout is cached per document (`layout`).
//!
//! One file per view: `menus` (menu and status bars), `events_panel`, `columns` (the
//! columns area) with `column_header`, `column_text`, `connectors` and `reveal` (every side
//! of a selection in view), `inspector` with `inspector_card` (a finding outside events),
//! `overview`, `heat_map` (the base text shaded by coverage), `findings_panel`, `edits`
//! (context menus, notes panel, editors), `windows` (search bar, help windows, notices),
//! `path_prompt` and `responsive` (narrow windows), `change_map` (each column's location
//! bar) and `sync` (columns kept in step); `markup` finds the Markdown a reader does not
//! see, which `layout` draws hidden; `clauses` pairs clauses for the
//! inspector's word-level difference.
//! Behaviour without drawing: `analysis` (the engine's report), `commands` (the queue run at
//! the end of the frame), `navigation` (selection, stepping, search, keys), `session` and
//! `session_files` (edits, undo, saving), `keys` (the key table).

mod analysis;
mod change_map;
mod clauses;
mod column_header;
mod column_text;
mod columns;
mod commands;
mod connectors;
mod edits;
mod events_panel;
mod findings_panel;
mod fonts;
mod heat_map;
mod inspector;
mod inspector_card;
mod keys;
mod labels_panel;
mod layout;
mod marks;
mod markup;
mod menus;
mod navigation;
mod overview;
mod palette;
mod path_prompt;
mod remembered;
mod responsive;
mod reveal;
mod save_folder;
pub mod session;
mod session_files;
mod sync;
mod unsaved;
mod windows;
mod worker;

#[cfg(test)]
mod tests;

pub use analysis::Analysis;
pub use remembered::{Remembered, STORAGE_KEY};
pub use windows::Notice;

use parallax::model::{DocId, EventId, FindingId, FindingKind, PassageRef, Report};
use session::{EditAction, Workspace};
use std::collections::BTreeSet;
use std::path::PathBuf;
use worker::{AnalysisJob, DialogJob, DialogPurpose, DiskJobs};

/// The main area: the columns, or the coverage overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MainView {
    Columns,
    Overview,
    /// One article as the base, its passages shaded by how many sources report them.
    HeatMap,
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
    Export(parallax::report::export::OutputFormat, PathBuf),
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

/// A request to bring a span of a document into view in its column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScrollRequest {
    pub document: DocId,
    pub start: usize,
    pub end: usize,
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
    /// The base column pinned at the left while the others scroll.
    pub pinned: Option<DocId>,
    /// "Compare two": only these two columns are shown.
    pub compare_two: Option<(DocId, DocId)>,
    /// Sources picked in the overview's header for "Compare two".
    pub compare_picks: Vec<DocId>,
    /// The base article of the heat map (the first column when unset).
    pub heat_base: Option<DocId>,
    /// Column widths the user set by dragging a column's edge.
    pub column_widths: std::collections::BTreeMap<DocId, f32>,
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
    /// How many connector curves were drawn this frame, their ends, and on which layer.
    pub(crate) connectors_drawn: usize,
    pub(crate) connector_segments: Vec<(egui::Pos2, egui::Pos2)>,
    pub(crate) connectors_layer: Option<egui::LayerId>,
    /// The visible part of the sideways-scrolled columns (right of a pinned base).
    pub(crate) columns_scroller: egui::Rect,
    theme_applied: Option<bool>,
    /// A text laid out every frame: a new galley means a new font atlas
    /// (see `forget_stale_layouts`).
    atlas_probe: Option<std::sync::Arc<egui::Galley>>,
    fonts_installed: bool,
    /// Where the search for a system font of Chinese and Japanese stands.
    system_font: fonts::SystemFont,
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
    /// The Labels panel (View → Labels panel).
    pub show_labels: bool,
    pub show_export: bool,
    pub export_format: parallax::report::export::OutputFormat,
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
    /// Which side of the selection each of `reveal_columns` shows (a finding's value), so
    /// that every side comes into view when not every column can; empty when each is its own.
    pub reveal_sides: Vec<usize>,
    /// A temporary arrangement that shows every column of the selection at once (narrowed
    /// columns, a temporary base), undone when the selection changes or the user scrolls.
    pub reveal_plan: Option<reveal::RevealPlan>,
    /// A sideways scroll offset for the columns, set in the next frame.
    pub columns_offset: Option<f32>,
    /// Room after the last column, so that a revealed column can start the view.
    pub columns_tail: f32,
    /// The visible part of the columns area last frame, in screen coordinates.
    pub columns_viewport: egui::Rect,
    /// Whether the window is narrow this frame (events panel a strip, inspector on demand).
    pub narrow: bool,
    /// On a narrow window: whether the user expanded the events panel from its strip.
    pub events_expanded: bool,
    /// The inspector's aligned clauses, for the texts they were computed from.
    pub(crate) clause_cache: Option<(Vec<String>, Vec<Vec<clauses::AlignedClause>>)>,
    /// On a narrow window: whether the inspector is open (a panel beside the columns).
    pub narrow_inspector: bool,
    /// Where the inspector was drawn this frame (nothing when it was not).
    pub inspector_rect: egui::Rect,
    /// The size of the columns area last frame: when it changes, the selection is brought
    /// into view again.
    pub(crate) columns_area: egui::Vec2,
    /// Each column's vertical scroll offset last frame (`sync`).
    pub(crate) scroll_offsets: std::collections::BTreeMap<DocId, f32>,
    /// The column the user scrolled this frame, which the others follow.
    pub(crate) sync_lead: Option<DocId>,
    /// Vertical offsets to give columns in the next frame (followers, change-map jumps).
    pub(crate) sync_targets: Vec<(DocId, f32)>,
    /// A column whose change map was clicked: it leads when it has moved.
    pub(crate) map_jumped: Option<DocId>,
    /// An action that replaces the comparison, waiting for the answer to "Save your work
    /// first?" (`unsaved`).
    pub unsaved_prompt: Option<unsaved::UnsavedPrompt>,
    /// The finding whose block the inspector last scrolled into view.
    pub(crate) inspector_revealed: Option<FindingId>,
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
        // The stored theme before the first frame: eframe clears the window with it.
        app.apply_theme(&cc.egui_ctx);
        app.work = Workspace::new(eframe::storage_dir("Parallax"));
        app.start(files, &cc.egui_ctx);
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
            pinned: None,
            compare_two: None,
            compare_picks: Vec::new(),
            heat_base: None,
            column_widths: std::collections::BTreeMap::new(),
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
            connectors_drawn: 0,
            connector_segments: Vec::new(),
            connectors_layer: None,
            columns_scroller: egui::Rect::NOTHING,
            theme_applied: None,
            atlas_probe: None,
            fonts_installed: false,
            system_font: fonts::SystemFont::Searching,
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
            show_labels: false,
            show_export: false,
            export_format: parallax::report::export::OutputFormat::Html,
            comment_drafts: std::collections::BTreeMap::new(),
            title: String::new(),
            exported: None,
            ctx: None,
            findings_panel: findings_panel::FindingsPanel::default(),
            path_prompt: None,
            native_dialogs: worker::dialogs_available(),
            reveal_columns: Vec::new(),
            reveal_plan: None,
            reveal_sides: Vec::new(),
            columns_offset: None,
            columns_tail: 0.0,
            columns_viewport: egui::Rect::NOTHING,
            narrow: false,
            events_expanded: false,
            narrow_inspector: false,
            inspector_rect: egui::Rect::NOTHING,
            columns_area: egui::Vec2::ZERO,
            scroll_offsets: std::collections::BTreeMap::new(),
            sync_lead: None,
            sync_targets: Vec::new(),
            map_jumped: None,
            clause_cache: None,
            unsaved_prompt: None,
            inspector_revealed: None,
        }
    }

    /// Sets the remembered theme on the context when it differs from the one applied.
    fn apply_theme(&mut self, ctx: &egui::Context) -> bool {
        if self.theme_applied == Some(self.remembered.dark) {
            return false;
        }
        ctx.set_theme(if self.remembered.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        self.theme_applied = Some(self.remembered.dark);
        true
    }

    /// Draws the whole window into `ui` (the root `Ui` eframe gives each frame).
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let began = std::time::Instant::now();
        let ctx = ui.ctx().clone();
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        if self.fonts_installed && fonts::poll_system_font(&ctx, &mut self.system_font) {
            self.atlas_probe = None;
        }
        if !self.fonts_installed {
            ctx.set_fonts(fonts::definitions());
            self.fonts_installed = true;
            // egui may apply new fonts only from the next frame on: lay the columns out
            // again then.
            self.atlas_probe = None;
            if std::env::var_os("PARALLAX_TIMINGS").is_some() {
                eprintln!("first frame {:?} after start", started().elapsed());
            }
        }
        // After the fonts are set: laying text out first would keep them from this frame.
        self.forget_stale_layouts(&ctx);
        if self.apply_theme(&ctx) {
            // The root `Ui` took its style from the context before this frame began: give
            // it the new theme too, or the panels of this frame are drawn in the old one (the
            // first frame after a restart in dark theme had light panels, issue 11).
            ui.set_style(ctx.global_style());
        }
        self.poll_workers(&ctx);
        self.watch_files(&ctx);
        self.shortcuts(&ctx);
        let title = self.work.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        self.update_search();
        menus::menu_bar(self, ui);
        menus::status_bar(self, ui);
        // Under about 1300 points the side panels give their room to the columns: the
        // events panel becomes a strip and the inspector opens only when asked for.
        self.narrow = ctx.content_rect().width() < responsive::NARROW_WIDTH;
        if self.show_events {
            if self.narrow && !self.events_expanded {
                responsive::events_strip(self, ui);
            } else {
                events_panel::events_panel(self, ui);
            }
        }
        self.inspector_rect = egui::Rect::NOTHING;
        if responsive::inspector_shown(self) {
            inspector::inspector(self, ui);
        }
        if self.show_notes {
            edits::notes_panel(self, ui);
        }
        if self.show_labels {
            labels_panel::labels_panel(self, ui);
        }
        if self.findings_panel.open {
            findings_panel::findings_panel_ui(self, ui);
        }
        edits::session_bar(self, ui);
        egui::CentralPanel::default().show(ui, |ui| {
            if self.search.open {
                windows::search_bar(self, ui);
            }
            match self.view {
                MainView::Columns => columns::columns(self, ui),
                MainView::Overview => overview::overview(self, ui),
                MainView::HeatMap => heat_map::heat_map_ui(self, ui),
            }
        });
        windows::windows(self, &ctx);
        edits::windows(self, &ctx);
        path_prompt::path_prompt_ui(self, &ctx);
        unsaved::unsaved_prompt_ui(self, &ctx);
        windows::notices(self, &ctx);
        windows::drop_overlay(&ctx);
        // A passage dragged from the margin is dropped on release, on a passage or not.
        if ctx.input(|i| i.pointer.any_released() || !i.pointer.any_down()) {
            self.link_drag = None;
        }
        self.run_commands(&ctx);
        analysis::log_frame(self, began);
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
pub fn export_extension(format: parallax::report::export::OutputFormat) -> &'static str {
    format.extension()
}

/// A count and its noun, singular for one: "1 note", "3 notes".
pub fn count(number: usize, singular: &str, plural: &str) -> String {
    if number == 1 {
        format!("1 {singular}")
    } else {
        format!("{number} {plural}")
    }
}

/// When the process started (for the startup figure in docs/quality.md).
pub fn started() -> std::time::Instant {
    static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *STARTED.get_or_init(std::time::Instant::now)
}

/// The bundled sample articles.
pub fn sample_files() -> Vec<PathBuf> {
    let (files, _) = parallax::load::expand_inputs(&[parallax::load::samples_dir()]);
    files
}

/// Opens the viewer window. Returns a message when no window can be shown.
pub fn run(files: Vec<PathBuf>) -> Result<(), String> {
    started();
    // A folder on the command line stands for the articles in it, as for `parallax compare`.
    let files: Vec<PathBuf> = files
        .into_iter()
        .flat_map(|path| {
            if path.is_dir() {
                parallax::load::expand_inputs(std::slice::from_ref(&path)).0
            } else {
                vec![path]
            }
        })
        .collect();
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
        let cause = without_source_locations(&error.to_string());
        format!("the viewer could not open a window ({cause}). To compare articles without a window, use `parallax compare FILES…`.")
    })
}

/// An error message without the source locations some libraries put in it ("os error at
/// /root/.cargo/registry/…/xdisplay.rs:73: …"): the user needs the cause, not our build's
/// file paths.
fn without_source_locations(message: &str) -> String {
    let words: Vec<&str> = message.split(' ').collect();
    let mut kept: Vec<&str> = Vec::with_capacity(words.len());
    for word in words {
        if word.contains(".rs:") || word.contains("/.cargo/") || word.contains("/rustc/") {
            if kept.last() == Some(&"at") {
                kept.pop();
            }
            continue;
        }
        kept.push(word);
    }
    kept.join(" ").trim().to_string()
}
