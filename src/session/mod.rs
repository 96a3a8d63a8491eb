//! Sessions: the user's own work on a comparison, and the engine input it becomes.
//!
//! A user corrects the alignment (link, unlink, split, rename), confirms or dismisses
//! findings, and writes notes. Those are [`Edits`], and they are input to the engine, not
//! viewer state: [`crate::compare_edited`] applies them, so the viewer, `parallax compare
//! --session` and the exports print the same report.
//!
//! Every item points into a document through an [`Anchor`]: a byte range plus the quoted
//! text and a little context. When a document changes on disk, [`anchor::locate`] finds the
//! quote again; an item that cannot be placed is listed in [`crate::model::Report::orphans`]
//! and kept in the session, never dropped.
//!
//! A [`Session`] is what the `.parallax.ron` file holds: the documents, the settings, the
//! edits and the view state. [`file`] reads it (with line and column on every error, and
//! migration of older versions) and writes it atomically, keeping a `.bak`.

pub mod anchor;
pub mod apply;
pub mod file;
pub mod reattach;

use crate::Input;
use crate::model::{FindingKind, ReviewStatus};
use crate::settings::Settings;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

pub use anchor::Anchor;

/// The version this program writes. Older versions are migrated when read.
pub const SESSION_VERSION: u32 = 2;

/// The file name ending of session files.
pub const SESSION_EXTENSION: &str = ".parallax.ron";

/// Whether a path names a session file rather than an article.
pub fn is_session_path(path: &Path) -> bool {
    path.to_string_lossy().ends_with(SESSION_EXTENSION)
}

/// Everything a session file holds. Field order is the order written to the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub version: u32,
    pub documents: Vec<SessionDocument>,
    /// The analysis settings of this comparison.
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub edits: Edits,
    #[serde(default)]
    pub view: ViewState,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            version: SESSION_VERSION,
            documents: Vec::new(),
            settings: Settings::default(),
            edits: Edits::default(),
            view: ViewState::default(),
        }
    }
}

/// One article of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDocument {
    /// The path relative to the session file's folder when there is one, else absolute.
    pub path: String,
    /// The absolute path at save time, tried when the relative one does not exist.
    #[serde(default)]
    pub absolute: String,
    /// The name the user gave the source; none uses the outlet or the file name.
    #[serde(default)]
    pub name: Option<String>,
    /// The outlet, as detected or as the user corrected it.
    #[serde(default)]
    pub outlet: Option<String>,
    /// `fnv1a64:` and the hash of the file's bytes at save time.
    #[serde(default)]
    pub hash: String,
    /// The file's size in bytes at save time.
    #[serde(default)]
    pub size: u64,
}

/// The user's work: corrections to the alignment, finding reviews and notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Edits {
    #[serde(default)]
    pub corrections: Vec<Correction>,
    #[serde(default)]
    pub reviews: Vec<FindingReview>,
    #[serde(default)]
    pub notes: Vec<SessionNote>,
}

impl Edits {
    /// Whether there is no user work at all.
    pub fn is_empty(&self) -> bool {
        self.corrections.is_empty() && self.reviews.is_empty() && self.notes.is_empty()
    }

    /// Every anchor of every item, for re-anchoring and for remapping documents.
    pub fn anchors_mut(&mut self) -> impl Iterator<Item = &mut Anchor> {
        let corrections = self.corrections.iter_mut().flat_map(|c| c.anchors_mut());
        let reviews = self
            .reviews
            .iter_mut()
            .flat_map(|r| r.finding.claims.iter_mut());
        let notes = self.notes.iter_mut().map(|n| n.target.anchor_mut());
        corrections.chain(reviews).chain(notes)
    }
}

/// A correction to the alignment. Passages and events are named by an anchor on a passage
/// (an event by any one of its passages), so corrections survive re-analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Correction {
    /// Put `passage` into the same event as `with`, merging their events if both have one.
    Link { passage: Anchor, with: Anchor },
    /// Take a passage out of its event.
    Unlink { passage: Anchor },
    /// Move the `moved` passages of the event that holds `event` into a new event.
    Split { event: Anchor, moved: Vec<Anchor> },
    /// Give the event that holds `event` a label.
    Rename { event: Anchor, label: String },
}

impl Correction {
    /// The anchors this correction points through.
    pub fn anchors_mut(&mut self) -> Vec<&mut Anchor> {
        match self {
            Correction::Link { passage, with } => vec![passage, with],
            Correction::Unlink { passage } => vec![passage],
            Correction::Split { event, moved } => {
                let mut all = vec![event];
                all.extend(moved.iter_mut());
                all
            }
            Correction::Rename { event, .. } => vec![event],
        }
    }

    /// The anchors, read only.
    pub fn anchors(&self) -> Vec<&Anchor> {
        match self {
            Correction::Link { passage, with } => vec![passage, with],
            Correction::Unlink { passage } => vec![passage],
            Correction::Split { event, moved } => std::iter::once(event).chain(moved).collect(),
            Correction::Rename { event, .. } => vec![event],
        }
    }

    /// A few words that say what the correction does.
    pub fn describe(&self) -> String {
        match self {
            Correction::Link { passage, with } => format!(
                "link “{}” with “{}”",
                passage.short_quote(),
                with.short_quote()
            ),
            Correction::Unlink { passage } => format!("unlink “{}”", passage.short_quote()),
            Correction::Split { event, moved } => format!(
                "split {} passage(s) off the event of “{}”",
                moved.len(),
                event.short_quote()
            ),
            Correction::Rename { label, .. } => format!("rename an event to “{label}”"),
        }
    }
}

/// A finding as a session names it: its kind and the spans of its claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingKey {
    pub kind: FindingKind,
    pub claims: Vec<Anchor>,
}

/// The user's decision about one finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingReview {
    pub finding: FindingKey,
    pub status: ReviewStatus,
    #[serde(default)]
    pub comment: String,
}

/// What a note is attached to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NoteTarget {
    /// A span of text.
    Span(Anchor),
    /// The event that holds the anchored passage.
    Event(Anchor),
}

impl NoteTarget {
    pub fn anchor(&self) -> &Anchor {
        match self {
            NoteTarget::Span(anchor) | NoteTarget::Event(anchor) => anchor,
        }
    }

    pub fn anchor_mut(&mut self) -> &mut Anchor {
        match self {
            NoteTarget::Span(anchor) | NoteTarget::Event(anchor) => anchor,
        }
    }
}

/// A note of the user's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionNote {
    pub target: NoteTarget,
    pub text: String,
}

/// How the viewer was left. Documents are named by their position in
/// [`Session::documents`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// The order of the columns.
    pub column_order: Vec<usize>,
    /// Columns the user hid.
    pub hidden_columns: Vec<usize>,
    /// The selected event, by one of its passages.
    pub selected_event: Option<Anchor>,
    /// `"dark"` or `"light"`; none follows the app setting.
    pub theme: Option<String>,
    pub zoom: f32,
    pub events_panel_width: Option<f32>,
    pub inspector_width: Option<f32>,
    pub show_events_panel: bool,
    pub show_inspector: bool,
    pub only_differences: bool,
    /// The column pinned as the base at the left, if any.
    #[serde(default)]
    pub pinned_column: Option<usize>,
    /// "Compare two": the two columns shown, the others hidden.
    #[serde(default)]
    pub compare_two: Option<(usize, usize)>,
    /// Widths the user gave columns by dragging their edges, in points.
    #[serde(default)]
    pub column_widths: BTreeMap<usize, f32>,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            column_order: Vec::new(),
            hidden_columns: Vec::new(),
            selected_event: None,
            theme: None,
            zoom: 1.0,
            events_panel_width: None,
            inspector_width: None,
            show_events_panel: true,
            show_inspector: true,
            only_differences: false,
            pinned_column: None,
            compare_two: None,
            column_widths: BTreeMap::new(),
        }
    }
}

impl ViewState {
    /// Checks the numbers a hand-edited file could break: zoom and panel widths must be
    /// finite and in a sensible range.
    pub fn validate(&self) -> Result<(), String> {
        if !(self.zoom.is_finite() && (0.1..=10.0).contains(&self.zoom)) {
            return Err(format!(
                "the view setting zoom is {}; it must be a number from 0.1 to 10",
                self.zoom
            ));
        }
        for (name, width) in [
            ("events_panel_width", self.events_panel_width),
            ("inspector_width", self.inspector_width),
        ] {
            if let Some(width) = width
                && !(width.is_finite() && (0.0..=100_000.0).contains(&width))
            {
                return Err(format!(
                    "the view setting {name} is {width}; it must be a number from 0 to 100000"
                ));
            }
        }
        for (column, width) in &self.column_widths {
            if !(width.is_finite() && (1.0..=100_000.0).contains(width)) {
                return Err(format!(
                    "the view setting column_widths gives column {column} the width {width}; it must be a number from 1 to 100000"
                ));
            }
        }
        Ok(())
    }
}

/// A user's name or outlet for a source, applied over what was detected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceLabel {
    pub name: Option<String>,
    pub outlet: Option<String>,
}

/// Where a session document is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The path to read: the relative one if it exists, else the absolute one.
    pub path: PathBuf,
    /// Whether a file is there.
    pub found: bool,
}

impl Session {
    /// A new session for these files, with their current hashes and sizes.
    pub fn for_files(files: &[PathBuf], session_path: Option<&Path>) -> Session {
        let mut session = Session::default();
        for file in files {
            session
                .documents
                .push(SessionDocument::for_file(file, session_path));
        }
        session
    }

    /// Where each document is, trying the path relative to the session file first.
    pub fn locate(&self, session_path: Option<&Path>) -> Vec<Located> {
        let folder = session_path.and_then(Path::parent);
        self.documents
            .iter()
            .map(|document| {
                let stored = PathBuf::from(&document.path);
                let relative = match folder {
                    Some(folder) if stored.is_relative() => folder.join(&stored),
                    _ => stored,
                };
                if relative.exists() {
                    return Located {
                        path: relative,
                        found: true,
                    };
                }
                let absolute = PathBuf::from(&document.absolute);
                if !document.absolute.is_empty() && absolute.exists() {
                    return Located {
                        path: absolute,
                        found: true,
                    };
                }
                Located {
                    path: relative,
                    found: false,
                }
            })
            .collect()
    }

    /// The engine inputs, one per document in order (missing files fail to load and are
    /// listed as failures, so positions still match).
    pub fn inputs(&self, session_path: Option<&Path>) -> Vec<Input> {
        self.locate(session_path)
            .into_iter()
            .map(|located| Input::Path(located.path))
            .collect()
    }

    /// The user's names and outlets, one per document.
    pub fn labels(&self) -> Vec<SourceLabel> {
        self.documents
            .iter()
            .map(|d| SourceLabel {
                name: d.name.clone(),
                outlet: d.outlet.clone(),
            })
            .collect()
    }

    /// Re-records the paths relative to a (new) session file location, and the current
    /// hashes and sizes of the files.
    pub fn refresh_documents(&mut self, session_path: Option<&Path>) {
        let located = self.locate(session_path);
        for (document, located) in self.documents.iter_mut().zip(located) {
            if !located.found {
                continue;
            }
            let fresh = SessionDocument::for_file(&located.path, session_path);
            document.path = fresh.path;
            document.absolute = fresh.absolute;
            document.hash = fresh.hash;
            document.size = fresh.size;
        }
    }

    /// Removes document `index` and every item that points into it, renumbering the rest.
    /// Returns the removed items' count.
    pub fn remove_document(&mut self, index: usize) -> usize {
        if index >= self.documents.len() {
            return 0;
        }
        self.documents.remove(index);
        let edits = &mut self.edits;
        let before = edits.corrections.len() + edits.reviews.len() + edits.notes.len();
        edits
            .corrections
            .retain(|c| c.anchors().iter().all(|a| a.document != index));
        edits
            .reviews
            .retain(|r| r.finding.claims.iter().all(|a| a.document != index));
        edits.notes.retain(|n| n.target.anchor().document != index);
        let after = edits.corrections.len() + edits.reviews.len() + edits.notes.len();
        for anchor in edits.anchors_mut() {
            if anchor.document > index {
                anchor.document -= 1;
            }
        }
        let view = &mut self.view;
        let shift = |list: &mut Vec<usize>| {
            list.retain(|&d| d != index);
            for d in list.iter_mut() {
                if *d > index {
                    *d -= 1;
                }
            }
        };
        shift(&mut view.column_order);
        shift(&mut view.hidden_columns);
        let moved = |d: usize| (d != index).then_some(if d > index { d - 1 } else { d });
        view.pinned_column = view.pinned_column.and_then(moved);
        view.compare_two = view
            .compare_two
            .and_then(|(a, b)| Some((moved(a)?, moved(b)?)));
        view.column_widths = std::mem::take(&mut view.column_widths)
            .into_iter()
            .filter_map(|(d, width)| Some((moved(d)?, width)))
            .collect();
        if view
            .selected_event
            .as_ref()
            .is_some_and(|a| a.document == index)
        {
            view.selected_event = None;
        }
        if let Some(anchor) = &mut view.selected_event
            && anchor.document > index
        {
            anchor.document -= 1;
        }
        before - after
    }
}

impl SessionDocument {
    /// The entry for a file as it is now.
    pub fn for_file(file: &Path, session_path: Option<&Path>) -> SessionDocument {
        let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let absolute = normalise(&absolute);
        let path = session_path
            .and_then(Path::parent)
            .map(|folder| std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf()))
            .and_then(|folder| relative_path(&normalise(&folder), &absolute))
            .unwrap_or_else(|| absolute.clone());
        let (hash, size) = match read_for_hash(file) {
            Ok(bytes) => (content_hash(&bytes), bytes.len() as u64),
            Err(_) => (String::new(), 0),
        };
        SessionDocument {
            path: path.to_string_lossy().into_owned(),
            absolute: absolute.to_string_lossy().into_owned(),
            name: None,
            outlet: None,
            hash,
            size,
        }
    }

    /// Whether the file differs from what was saved (by size and hash).
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        if self.hash.is_empty() {
            return false;
        }
        match read_for_hash(path) {
            Ok(bytes) => bytes.len() as u64 != self.size || content_hash(&bytes) != self.hash,
            Err(_) => false,
        }
    }
}

/// A document's bytes for its hash: only a regular file (a named pipe would block the
/// viewer) and never more than the largest article Parallax reads.
fn read_for_hash(path: &Path) -> Result<Vec<u8>, crate::load::read::ReadError> {
    crate::load::read::read_capped(path, Settings::default().max_file_bytes)
}

/// The content hash written into sessions: 64-bit FNV-1a, as hex, with its name.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}

/// Removes `.` and resolves `..` lexically.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `target` relative to `base` (both absolute), with `..` steps when needed; none when they
/// share no root (another drive).
fn relative_path(base: &Path, target: &Path) -> Option<PathBuf> {
    let base: Vec<Component> = base.components().collect();
    let target: Vec<Component> = target.components().collect();
    if base.first() != target.first() {
        return None;
    }
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..base.len() {
        out.push("..");
    }
    for component in &target[common..] {
        out.push(component);
    }
    Some(out)
}

#[cfg(test)]
mod tests;
