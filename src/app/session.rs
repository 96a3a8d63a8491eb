//! The viewer's side of sessions: the user's edits, undo and redo, saving and opening
//! `.parallax.ron` files, autosave and crash recovery, missing and changed articles.
//!
//! The session ([`parallax::session::Session`]) is the one source of truth for what is
//! open and what the user did. Every edit is turned into engine input and the comparison
//! reruns in the background, so what the viewer shows is exactly what `parallax compare
//! --session` prints. Disk work runs on worker threads.

use super::worker::{DialogPurpose, DiskDone};
use super::{Command, Notice, ParallaxApp};
use parallax::model::{DocId, EventId, FindingId, ItemKind, PassageRef, ReviewStatus};
use parallax::session::{
    Anchor, Correction, FindingKey, FindingReview, NoteTarget, Session, SessionDocument,
    SessionNote, file,
};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How many steps undo remembers.
const UNDO_DEPTH: usize = 200;

/// The name of the autosave file in the app's data folder.
const AUTOSAVE: &str = "autosave.parallax.ron";
/// Next to it: the path of the session the autosave belongs to, if it had one.
const AUTOSAVE_ORIGIN: &str = "autosave.origin";

/// The open session and its history.
pub struct Workspace {
    pub session: Session,
    /// The file it was opened from or last saved to.
    pub path: Option<PathBuf>,
    /// Bumped by every change; compared with the generation last saved.
    pub generation: u64,
    pub saved_generation: u64,
    pub undo: Vec<Session>,
    pub redo: Vec<Session>,
    /// For each session document, the report document it became (none when missing).
    pub report_doc: Vec<Option<DocId>>,
    /// Session documents whose files were not found.
    pub missing: Vec<usize>,
    /// Session documents whose files changed on disk since they were analysed.
    pub changed: Vec<usize>,
    /// The modification stamps of the files when they were last analysed.
    pub stamps: Vec<Option<(SystemTime, u64)>>,
    /// The stamps the watcher saw last ("Not now" accepts them without reloading).
    pub seen_stamps: Vec<Option<(SystemTime, u64)>>,
    /// Where each session document was found when the analysis started (so that panels
    /// never touch the disk while drawing).
    pub located: Vec<parallax::session::Located>,
    /// Where unsaved work is written every 30 s and on exit.
    pub data_dir: Option<PathBuf>,
    /// An autosave found at start, offered for restoring.
    pub restore_offer: Option<PathBuf>,
}

impl Workspace {
    pub fn new(data_dir: Option<PathBuf>) -> Workspace {
        let restore_offer = data_dir
            .as_ref()
            .map(|d| d.join(AUTOSAVE))
            .filter(|p| p.is_file());
        Workspace {
            session: Session::default(),
            path: None,
            generation: 0,
            saved_generation: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            report_doc: Vec::new(),
            missing: Vec::new(),
            changed: Vec::new(),
            stamps: Vec::new(),
            seen_stamps: Vec::new(),
            located: Vec::new(),
            data_dir,
            restore_offer,
        }
    }

    /// Whether there is work that is not in a saved file.
    pub fn dirty(&self) -> bool {
        self.generation != self.saved_generation
    }

    /// The session document a report document came from.
    pub fn session_doc(&self, document: DocId) -> Option<usize> {
        self.report_doc.iter().position(|d| *d == Some(document))
    }

    /// The title of the window: the session name and a star when unsaved.
    pub fn title(&self) -> String {
        let name = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Untitled".to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        format!("{name}{} — Parallax", if self.dirty() { " *" } else { "" })
    }
}

/// One user action on the session, from the viewer.
#[derive(Debug, Clone, PartialEq)]
pub enum EditAction {
    Link(PassageRef, PassageRef),
    Unlink(PassageRef),
    Split(EventId, Vec<PassageRef>),
    Rename(EventId, String),
    Review(FindingId, Option<ReviewStatus>, String),
    /// A note on a span of a document (`event` attaches it to the span's event instead).
    AddNote {
        document: DocId,
        start: usize,
        end: usize,
        event: bool,
        text: String,
    },
    EditNote(usize, String),
    DeleteNote(usize),
    /// Attach an orphaned note to a new span.
    ReattachNote(usize, DocId, usize, usize),
    DeleteItem(ItemKind, usize),
    RenameSource(DocId, String),
}

/// The file stamp used to notice changes on disk.
pub fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.modified().ok()?, metadata.len()))
}

impl ParallaxApp {
    /// An anchor on a span of a report document, in session terms.
    fn anchor(&self, document: DocId, start: usize, end: usize) -> Option<Anchor> {
        let analysis = self.analysis.as_ref()?;
        let index = self.work.session_doc(document)?;
        Some(Anchor::capture(
            index,
            &analysis.report.documents[document.get()].text,
            start,
            end,
        ))
    }

    fn passage_anchor(&self, at: PassageRef) -> Option<Anchor> {
        let passage = self.analysis.as_ref()?.report.passage(at).clone();
        self.anchor(at.document, passage.start, passage.end)
    }

    fn event_anchor(&self, event: EventId) -> Option<Anchor> {
        let first = *self
            .analysis
            .as_ref()?
            .report
            .events
            .get(event.get())?
            .passages
            .first()?;
        self.passage_anchor(first)
    }

    fn finding_key(&self, finding: FindingId) -> Option<FindingKey> {
        let found = self.analysis.as_ref()?.report.findings.get(finding.get())?;
        let claims = found
            .claims
            .iter()
            .map(|c| self.anchor(c.document, c.start, c.end))
            .collect::<Option<Vec<_>>>()?;
        Some(FindingKey {
            kind: found.kind,
            claims,
        })
    }

    /// Records the current session for undo; call before changing it.
    fn checkpoint(&mut self) {
        self.work.undo.push(self.work.session.clone());
        if self.work.undo.len() > UNDO_DEPTH {
            self.work.undo.remove(0);
        }
        self.work.redo.clear();
        self.work.generation += 1;
    }

    /// Applies an edit to the session and reruns the comparison.
    pub fn edit(&mut self, action: EditAction, ctx: &egui::Context) {
        let before = self.work.session.clone();
        let applied = self.apply(action);
        match applied {
            Ok(()) => {
                let after = std::mem::replace(&mut self.work.session, before);
                self.checkpoint();
                self.work.session = after;
                self.start_analysis(ctx);
            }
            Err(message) => self.notices.push(Notice {
                text: message,
                error: true,
            }),
        }
    }

    fn apply(&mut self, action: EditAction) -> Result<(), String> {
        let missing = || "That text is not part of the comparison any more.".to_string();
        match action {
            EditAction::Link(a, b) => {
                let passage = self.passage_anchor(a).ok_or_else(missing)?;
                let with = self.passage_anchor(b).ok_or_else(missing)?;
                self.work
                    .session
                    .edits
                    .corrections
                    .push(Correction::Link { passage, with });
            }
            EditAction::Unlink(at) => {
                let passage = self.passage_anchor(at).ok_or_else(missing)?;
                self.work
                    .session
                    .edits
                    .corrections
                    .push(Correction::Unlink { passage });
            }
            EditAction::Split(event, moved) => {
                let moved = moved
                    .into_iter()
                    .map(|p| self.passage_anchor(p))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(missing)?;
                // The event is named by a passage that stays in it.
                let event_passages = &self.analysis.as_ref().ok_or_else(missing)?.report.events
                    [event.get()]
                .passages;
                let staying = event_passages
                    .iter()
                    .find(|p| {
                        self.passage_anchor(**p)
                            .is_some_and(|a| !moved.contains(&a))
                    })
                    .and_then(|p| self.passage_anchor(*p))
                    .ok_or_else(|| "Leave at least one passage in the event.".to_string())?;
                self.work.session.edits.corrections.push(Correction::Split {
                    event: staying,
                    moved,
                });
            }
            EditAction::Rename(event, label) => {
                let event = self.event_anchor(event).ok_or_else(missing)?;
                self.work
                    .session
                    .edits
                    .corrections
                    .push(Correction::Rename { event, label });
            }
            EditAction::Review(finding, status, comment) => {
                let key = self.finding_key(finding).ok_or_else(missing)?;
                let reviews = &mut self.work.session.edits.reviews;
                reviews.retain(|r| r.finding != key);
                if let Some(status) = status {
                    reviews.push(FindingReview {
                        finding: key,
                        status,
                        comment,
                    });
                }
            }
            EditAction::AddNote {
                document,
                start,
                end,
                event,
                text,
            } => {
                let anchor = self.anchor(document, start, end).ok_or_else(missing)?;
                let target = if event {
                    NoteTarget::Event(anchor)
                } else {
                    NoteTarget::Span(anchor)
                };
                self.work
                    .session
                    .edits
                    .notes
                    .push(SessionNote { target, text });
            }
            EditAction::EditNote(index, text) => {
                self.note_mut(index).ok_or_else(missing)?.text = text;
            }
            EditAction::DeleteNote(index) => {
                if index < self.work.session.edits.notes.len() {
                    self.work.session.edits.notes.remove(index);
                }
            }
            EditAction::ReattachNote(index, document, start, end) => {
                let anchor = self.anchor(document, start, end).ok_or_else(missing)?;
                *self
                    .note_mut(index)
                    .ok_or_else(missing)?
                    .target
                    .anchor_mut() = anchor;
            }
            EditAction::DeleteItem(kind, index) => {
                let edits = &mut self.work.session.edits;
                match kind {
                    ItemKind::Correction if index < edits.corrections.len() => {
                        edits.corrections.remove(index);
                    }
                    ItemKind::Review if index < edits.reviews.len() => {
                        edits.reviews.remove(index);
                    }
                    ItemKind::Note if index < edits.notes.len() => {
                        edits.notes.remove(index);
                    }
                    _ => return Err(missing()),
                }
            }
            EditAction::RenameSource(document, name) => {
                let index = self.work.session_doc(document).ok_or_else(missing)?;
                let name = name.trim().to_string();
                self.work.session.documents[index].name = (!name.is_empty()).then_some(name);
            }
        }
        Ok(())
    }

    fn note_mut(&mut self, index: usize) -> Option<&mut SessionNote> {
        self.work.session.edits.notes.get_mut(index)
    }

    pub fn undo(&mut self, ctx: &egui::Context) {
        if let Some(previous) = self.work.undo.pop() {
            let current = std::mem::replace(&mut self.work.session, previous);
            self.work.redo.push(current);
            self.work.generation += 1;
            self.start_analysis(ctx);
        }
    }

    pub fn redo(&mut self, ctx: &egui::Context) {
        if let Some(next) = self.work.redo.pop() {
            let current = std::mem::replace(&mut self.work.session, next);
            self.work.undo.push(current);
            self.work.generation += 1;
            self.start_analysis(ctx);
        }
    }

    /// The view state as it is now, for saving.
    fn capture_view(&mut self) {
        let order: Vec<usize> = self
            .column_order
            .iter()
            .filter_map(|d| self.work.session_doc(*d))
            .collect();
        let hidden: Vec<usize> = self
            .hidden
            .iter()
            .filter_map(|d| self.work.session_doc(*d))
            .collect();
        let selected = self.selected_event.and_then(|e| self.event_anchor(e));
        let view = &mut self.work.session.view;
        view.column_order = order;
        view.hidden_columns = hidden;
        view.selected_event = selected;
        view.theme = Some(
            if self.remembered.dark {
                "dark"
            } else {
                "light"
            }
            .into(),
        );
        view.show_events_panel = self.show_events;
        view.show_inspector = self.show_inspector;
        view.only_differences = self.remembered.only_differences;
        view.events_panel_width = self.panel_widths.0;
        view.inspector_width = self.panel_widths.1;
    }

    /// Saves to the session's file, or asks for one.
    pub fn save_session(&mut self, ctx: &egui::Context) {
        match self.work.path.clone() {
            Some(path) => self.save_session_to(path, ctx),
            None => self
                .commands
                .push(Command::ShowDialog(DialogPurpose::SaveSessionAs)),
        }
    }

    /// Saves the session to `path` in the background.
    pub fn save_session_to(&mut self, path: PathBuf, ctx: &egui::Context) {
        let path = with_session_extension(path);
        self.capture_view();
        let mut session = self.work.session.clone();
        let generation = self.work.generation;
        let target = path.clone();
        self.disk.spawn(ctx, move || {
            session.refresh_documents(Some(&target));
            let result = file::save(&target, &session).map_err(|e| e.to_string());
            DiskDone::SessionSaved(target, generation, result)
        });
    }

    /// Reads a session file in the background; it replaces the open one when read.
    pub fn open_session(&mut self, path: PathBuf, ctx: &egui::Context) {
        let target = path.clone();
        self.disk.spawn(ctx, move || {
            let result = file::read(&target).map(Box::new).map_err(|e| e.to_string());
            DiskDone::SessionRead(target, result)
        });
    }

    /// Replaces the open session with one read from `path`.
    pub fn adopt_session(&mut self, session: Session, path: Option<PathBuf>, ctx: &egui::Context) {
        self.work.session = session;
        self.work.path = path;
        self.work.undo.clear();
        self.work.redo.clear();
        self.work.generation += 1;
        self.work.saved_generation = self.work.generation;
        let view = self.work.session.view.clone();
        if let Some(theme) = &view.theme {
            self.remembered.dark = theme == "dark";
        }
        self.show_events = view.show_events_panel;
        self.show_inspector = view.show_inspector;
        self.remembered.only_differences = view.only_differences;
        self.panel_widths = (view.events_panel_width, view.inspector_width);
        self.restore_view = true;
        if let Some(path) = &self.work.path {
            self.remembered.recent_sessions.retain(|p| p != path);
            self.remembered.recent_sessions.insert(0, path.clone());
            self.remembered.recent_sessions.truncate(12);
        }
        self.start_analysis(ctx);
    }

    /// Handles answers from disk tasks.
    pub fn disk_done(&mut self, done: DiskDone, ctx: &egui::Context) {
        match done {
            DiskDone::SessionRead(path, Ok(session)) => {
                self.adopt_session(*session, Some(path), ctx);
            }
            DiskDone::SessionRead(_, Err(message)) => self.notices.push(Notice {
                text: format!("The session could not be opened. {message}"),
                error: true,
            }),
            DiskDone::SessionSaved(path, generation, Ok(())) => {
                self.work.path = Some(path.clone());
                self.work.saved_generation = generation;
                // The paths are now relative to the new place; hashes are current.
                let located = path.clone();
                self.work.session.refresh_documents(Some(&located));
                self.remembered.recent_sessions.retain(|p| *p != path);
                self.remembered.recent_sessions.insert(0, path.clone());
                self.remembered.recent_sessions.truncate(12);
                if !self.work.dirty() {
                    self.discard_autosave();
                }
                self.notices.push(Notice {
                    text: format!("Saved {}", path.display()),
                    error: false,
                });
            }
            DiskDone::SessionSaved(path, _, Err(message)) => self.notices.push(Notice {
                text: format!(
                    "{}: the session could not be saved ({message}). Your work is still open; the previous file is unchanged.",
                    path.display()
                ),
                error: true,
            }),
            DiskDone::AutosaveWritten(Err(message)) => self.notices.push(Notice {
                text: format!("Autosave failed: {message}"),
                error: true,
            }),
            DiskDone::AutosaveWritten(Ok(())) => {}
            DiskDone::Exported(path, result) => self.export_done(path, result),
            DiskDone::Stamps(stamps) => self.compare_stamps(stamps),
        }
    }

    /// Writes unsaved work to the data folder (every 30 s and on exit). `wait` runs it on
    /// this thread, for exit.
    pub fn autosave(&mut self, ctx: &egui::Context, wait: bool) {
        if !self.work.dirty() {
            return;
        }
        let Some(folder) = self.work.data_dir.clone() else {
            return;
        };
        self.capture_view();
        let session = self.work.session.clone();
        let origin = self.work.path.clone();
        let task = move || {
            let result = (|| {
                std::fs::create_dir_all(&folder)?;
                file::save_bytes(
                    &folder.join(AUTOSAVE),
                    file::to_ron(&session).as_bytes(),
                    || Ok(()),
                )?;
                let origin = origin.map(|p| p.display().to_string()).unwrap_or_default();
                parallax::cli::write_atomically(&folder.join(AUTOSAVE_ORIGIN), origin.as_bytes())
            })();
            DiskDone::AutosaveWritten(result.map_err(|e| e.to_string()))
        };
        if wait {
            self.disk.run_now(task);
        } else {
            self.disk.spawn(ctx, task);
        }
    }

    /// Removes the autosave once its work is saved (its backup stays).
    pub fn discard_autosave(&mut self) {
        if let Some(folder) = &self.work.data_dir {
            let _ = std::fs::remove_file(folder.join(AUTOSAVE));
            let _ = std::fs::remove_file(folder.join(AUTOSAVE_ORIGIN));
        }
    }

    /// Restores the autosave offered at start: the work comes back unsaved.
    pub fn restore_autosave(&mut self, ctx: &egui::Context) {
        let Some(path) = self.work.restore_offer.take() else {
            return;
        };
        match file::read(&path) {
            Ok(session) => {
                let origin = std::fs::read_to_string(path.with_file_name(AUTOSAVE_ORIGIN))
                    .ok()
                    .filter(|o| !o.is_empty())
                    .map(PathBuf::from);
                self.adopt_session(session, origin, ctx);
                // Restored work is not saved anywhere but the autosave.
                self.work.generation += 1;
            }
            Err(error) => self.notices.push(Notice {
                text: format!("The autosave could not be restored: {error}"),
                error: true,
            }),
        }
    }

    /// Declines the autosave; it is kept as a `.bak` in the data folder, never deleted.
    pub fn decline_autosave(&mut self) {
        if let Some(path) = self.work.restore_offer.take() {
            let _ = std::fs::rename(&path, file::backup_path(&path));
        }
    }

    /// Points a missing session document at a new file.
    pub fn locate(&mut self, index: usize, file: PathBuf, ctx: &egui::Context) {
        if let Some(document) = self.work.session.documents.get(index).cloned() {
            self.checkpoint();
            let mut fresh = SessionDocument::for_file(&file, self.work.path.as_deref());
            fresh.name = document.name;
            fresh.outlet = document.outlet;
            self.work.session.documents[index] = fresh;
            self.start_analysis(ctx);
        }
    }

    /// Looks for articles that changed on disk since they were analysed: once a second, a
    /// worker thread stats each file, and [`ParallaxApp::compare_stamps`] reads the answer.
    pub fn watch_files(&mut self, ctx: &egui::Context) {
        let now = std::time::Instant::now();
        ctx.request_repaint_after(Duration::from_secs(1));
        if self.watching
            || self.job.is_some()
            || now.duration_since(self.last_watch) < Duration::from_secs(1)
        {
            return;
        }
        self.last_watch = now;
        self.watching = true;
        let session = self.work.session.clone();
        let path = self.work.path.clone();
        self.disk.spawn(ctx, move || {
            let stamps = session
                .locate(path.as_deref())
                .iter()
                .map(|l| stamp(&l.path))
                .collect();
            DiskDone::Stamps(stamps)
        });
    }

    /// Marks the articles whose stamps differ from those of the last analysis.
    pub fn compare_stamps(&mut self, stamps: Vec<Option<(SystemTime, u64)>>) {
        self.watching = false;
        if self.job.is_some() || stamps.len() != self.work.stamps.len() {
            return;
        }
        self.work.seen_stamps = stamps.clone();
        for (index, current) in stamps.into_iter().enumerate() {
            let before = self.work.stamps[index];
            let was_missing = self.work.missing.contains(&index);
            let changed = match (before, current) {
                (Some(a), Some(b)) => a != b,
                (None, Some(_)) => was_missing,
                (Some(_), None) => true,
                (None, None) => false,
            };
            if changed && !self.work.changed.contains(&index) {
                self.work.changed.push(index);
            }
        }
    }
}

/// Adds `.parallax.ron` to a chosen file name that lacks it.
fn with_session_extension(path: PathBuf) -> PathBuf {
    if parallax::session::is_session_path(&path) {
        return path;
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    let stem = path.file_stem().map(|s| s.to_os_string());
    if path.extension().is_some_and(|e| e == "ron")
        && let Some(stem) = stem
    {
        name = stem;
    }
    name.push(parallax::session::SESSION_EXTENSION);
    path.with_file_name(name)
}
