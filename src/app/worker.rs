//! Work off the UI thread: the comparison and the native file dialogs.
//!
//! The UI never waits. It starts a job, keeps a handle, and polls the handle once per frame;
//! the worker asks for a repaint when it is done, so an idle window does not spin.

use parallax::model::Report;
use parallax::progress::{Cancelled, Progress};
use parallax::{Input, Settings};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A comparison running on a worker thread.
pub struct AnalysisJob {
    pub progress: Arc<Progress>,
    receiver: Receiver<Result<Report, String>>,
}

impl AnalysisJob {
    /// Starts comparing `files` on a new thread.
    pub fn start(files: Vec<PathBuf>, ctx: egui::Context) -> AnalysisJob {
        let progress = Arc::new(Progress::new());
        let (sender, receiver) = channel();
        let worker_progress = Arc::clone(&progress);
        std::thread::spawn(move || {
            let inputs: Vec<Input> = files.into_iter().map(Input::Path).collect();
            // A bug in the engine must not take the window down with it.
            let outcome = std::panic::catch_unwind(|| {
                parallax::compare(&inputs, &Settings::default(), &worker_progress)
            });
            let message = match outcome {
                Ok(Ok(report)) => Ok(report),
                Ok(Err(Cancelled)) => Err("The comparison was cancelled.".to_string()),
                Err(_) => Err("The comparison failed with an internal error.".to_string()),
            };
            let _ = sender.send(message);
            ctx.request_repaint();
        });
        AnalysisJob { progress, receiver }
    }

    /// The result, once the worker is done.
    pub fn poll(&self) -> Option<Result<Report, String>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err("The comparison stopped unexpectedly.".to_string()))
            }
        }
    }
}

/// What a file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    Add,
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
            let mut dialog = rfd::FileDialog::new()
                .set_title(match purpose {
                    DialogPurpose::Open => "Open articles",
                    DialogPurpose::Add => "Add articles",
                })
                .add_filter("Articles", &["txt", "md", "markdown", "html", "htm"])
                .add_filter("All files", &["*"]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let _ = sender.send(dialog.pick_files());
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
