//! What the viewer remembers between runs (eframe's persistence, stored as RON): theme,
//! view options, recent files and sessions, the articles open last. The user's work on the
//! articles is in the session instead (`session`).

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// What the viewer remembers between runs (eframe's persistence, stored as RON).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Remembered {
    pub dark: bool,
    pub show_connectors: bool,
    /// "Keep columns in step": the column scrolled leads the others (`sync`).
    pub sync_scroll: bool,
    pub only_differences: bool,
    /// Whether findings below the calibrated confidence are shown too.
    pub show_uncertain: bool,
    pub recent_files: Vec<PathBuf>,
    pub recent_sessions: Vec<PathBuf>,
    pub last_folder: Option<PathBuf>,
    /// The articles open when the viewer last closed.
    pub open_files: Vec<PathBuf>,
    /// The session file open when the viewer last closed (none when it was untitled): a
    /// plain start reopens it, with its reviews, notes and corrections.
    pub open_session: Option<PathBuf>,
    /// Whether the viewer has run before (the first run shows the samples).
    pub has_run: bool,
    /// "Fit columns" as the user set it; `None` fits up to [`super::columns::FIT_BY_DEFAULT`].
    pub fit_columns: Option<bool>,
}

impl Default for Remembered {
    fn default() -> Self {
        Remembered {
            dark: false,
            show_connectors: true,
            sync_scroll: true,
            only_differences: false,
            show_uncertain: false,
            recent_files: Vec::new(),
            recent_sessions: Vec::new(),
            last_folder: None,
            open_files: Vec::new(),
            open_session: None,
            has_run: false,
            fit_columns: None,
        }
    }
}

/// The storage key of [`Remembered`].
pub const STORAGE_KEY: &str = "parallax.viewer";
