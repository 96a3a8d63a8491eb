//! Work off the UI thread: the comparison and the native file dialogs.
//!
//! The UI never waits. It starts a job, keeps a handle, and polls the handle once per frame;
//! the worker asks for a repaint when it is done, so an idle window does not spin.

use parallax::progress::{Cancelled, Progress};
use parallax::session::{Edits, Session, SourceLabel};
use parallax::{Edited, Input, Settings};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// A comparison running on a worker thread.
pub struct AnalysisJob {
    pub progress: Arc<Progress>,
    receiver: Receiver<Result<Edited, String>>,
    /// The articles' texts alone, sent as soon as they are loaded (see
    /// [`parallax::compare_with_preview`]).
    preview: Receiver<parallax::model::Report>,
}

/// What a comparison needs: the session's inputs, names, settings and edits.
pub struct AnalysisRequest {
    pub inputs: Vec<Input>,
    pub labels: Vec<SourceLabel>,
    pub settings: Settings,
    pub edits: Edits,
}

impl AnalysisJob {
    /// Starts a comparison on a new thread.
    pub fn start(request: AnalysisRequest, ctx: egui::Context) -> AnalysisJob {
        let progress = Arc::new(Progress::new());
        let (sender, receiver) = channel();
        let (preview_sender, preview) = channel();
        let worker_progress = Arc::clone(&progress);
        let preview_ctx = ctx.clone();
        std::thread::spawn(move || {
            // A bug in the engine must not take the window down with it.
            // (The repaint handle is only asked to repaint: nothing is left half-changed.)
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                parallax::compare_with_preview(
                    &request.inputs,
                    &request.labels,
                    &request.settings,
                    &request.edits,
                    &worker_progress,
                    |texts| {
                        let _ = preview_sender.send(texts);
                        preview_ctx.request_repaint();
                    },
                )
            }));
            let message = match outcome {
                Ok(Ok(edited)) => Ok(edited),
                Ok(Err(Cancelled)) => Err("The comparison was cancelled.".to_string()),
                Err(_) => Err("The comparison failed with an internal error.".to_string()),
            };
            let _ = sender.send(message);
            ctx.request_repaint();
        });
        AnalysisJob {
            progress,
            receiver,
            preview,
        }
    }

    /// The articles' texts, once loaded, before the analysis is done.
    pub fn poll_preview(&self) -> Option<parallax::model::Report> {
        self.preview.try_recv().ok()
    }

    /// The result, once the worker is done.
    pub fn poll(&self) -> Option<Result<Edited, String>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err("The comparison stopped unexpectedly.".to_string()))
            }
        }
    }
}

/// What a disk task reports when it is done.
pub enum DiskDone {
    SessionRead(PathBuf, Result<Box<Session>, String>),
    /// A session or autosave was written (the path, and the generation of the edits saved).
    SessionSaved(PathBuf, u64, Result<(), String>),
    AutosaveWritten(Result<(), String>),
    Exported(PathBuf, Result<(), String>),
    /// The stamps (modified time, size) of the session's articles, for the file watcher.
    Stamps(Vec<Option<(std::time::SystemTime, u64)>>),
}

/// Disk work (reading and writing sessions, exports) on worker threads, so the UI never
/// waits for a disk.
pub struct DiskJobs {
    sender: Sender<DiskDone>,
    receiver: Receiver<DiskDone>,
    pub running: usize,
}

impl Default for DiskJobs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        DiskJobs {
            sender,
            receiver,
            running: 0,
        }
    }
}

impl DiskJobs {
    /// Runs `task` on a new thread; its answer comes back through [`DiskJobs::poll`].
    pub fn spawn(&mut self, ctx: &egui::Context, task: impl FnOnce() -> DiskDone + Send + 'static) {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        self.running += 1;
        std::thread::spawn(move || {
            let _ = sender.send(task());
            ctx.request_repaint();
        });
    }

    /// Runs `task` at once on this thread (tests, and writes on exit, which must finish).
    pub fn run_now(&mut self, task: impl FnOnce() -> DiskDone) {
        self.running += 1;
        let _ = self.sender.send(task());
    }

    /// Answers that arrived since the last poll.
    pub fn poll(&mut self) -> Vec<DiskDone> {
        let done: Vec<DiskDone> = self.receiver.try_iter().collect();
        self.running = self.running.saturating_sub(done.len());
        done
    }
}

/// What a file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    Add,
    OpenSession,
    SaveSessionAs,
    /// Find a session document that moved (its position in the session).
    Locate(usize),
    Export(parallax::report::export::OutputFormat),
}

impl DialogPurpose {
    fn title(self) -> &'static str {
        match self {
            DialogPurpose::Open => "Open articles",
            DialogPurpose::Add => "Add articles",
            DialogPurpose::OpenSession => "Open session",
            DialogPurpose::SaveSessionAs => "Save session as",
            DialogPurpose::Locate(_) => "Locate the missing article",
            DialogPurpose::Export(_) => "Export the report",
        }
    }
}

/// A native file dialog shown from a worker thread.
pub struct DialogJob {
    pub purpose: DialogPurpose,
    /// When the dialog was asked for: an answer within a blink means no dialog was shown.
    pub started: std::time::Instant,
    receiver: Receiver<Option<Vec<PathBuf>>>,
}

/// Whether a native file dialog can be shown at all: rfd needs a desktop portal (reached
/// over the D-Bus session bus) or the `zenity` program.
pub fn dialogs_available() -> bool {
    if cfg!(not(target_os = "linux")) {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let zenity = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file()));
    bus || zenity
}

impl DialogJob {
    pub fn start(purpose: DialogPurpose, folder: Option<PathBuf>, ctx: egui::Context) -> DialogJob {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new().set_title(purpose.title());
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let answer = match purpose {
                DialogPurpose::Open | DialogPurpose::Add => dialog
                    .add_filter("Articles", &["txt", "md", "markdown", "html", "htm"])
                    .add_filter("All files", &["*"])
                    .pick_files(),
                DialogPurpose::Locate(_) => dialog
                    .add_filter("Articles", &["txt", "md", "markdown", "html", "htm"])
                    .add_filter("All files", &["*"])
                    .pick_file()
                    .map(|f| vec![f]),
                DialogPurpose::OpenSession => dialog
                    .add_filter("Parallax sessions", &["ron"])
                    .pick_file()
                    .map(|f| vec![f]),
                DialogPurpose::SaveSessionAs => dialog
                    .add_filter("Parallax sessions", &["ron"])
                    .set_file_name("comparison.parallax.ron")
                    .save_file()
                    .map(|f| vec![f]),
                DialogPurpose::Export(format) => dialog
                    .set_file_name(format!("report.{}", super::export_extension(format)))
                    .save_file()
                    .map(|f| vec![f]),
            };
            let _ = sender.send(answer);
            ctx.request_repaint();
        });
        DialogJob {
            purpose,
            started: std::time::Instant::now(),
            receiver,
        }
    }

    /// `Some(answer)` once the dialog closed: the chosen files (empty when cancelled), or
    /// `None` inside when no dialog could be shown.
    pub fn poll(&self) -> Option<Option<Vec<PathBuf>>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Some(Vec::new())),
        }
    }
}
