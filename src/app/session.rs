//! The viewer's side of sessions: the user's edits, undo and redo, saving and opening
//! `.parallax.ron` files, autosave and crash recovery, missing and changed articles.
//!
//! The session ([`parallax::session::Session`]) is the one source of truth for what is
//! open and what the user did. Every edit is turned into engine input and the comparison
//! reruns in the background, so what the viewer shows is exactly what `parallax compare
//! --session` prints. Disk work runs on worker threads.

use super::{Notice, ParallaxApp};
use parallax::model::{DocId, EventId, FindingId, ItemKind, PassageRef, ReviewStatus};
use parallax::session::{
    Anchor, Correction, FindingKey, FindingReview, NoteTarget, Session, SessionNote,
};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How many steps undo remembers.
const UNDO_DEPTH: usize = 200;

/// The name of the autosave file in the app's data folder.
pub(crate) const AUTOSAVE: &str = "autosave.parallax.ron";
/// Next to it: the path of the session the autosave belongs to, if it had one.
pub(crate) const AUTOSAVE_ORIGIN: &str = "autosave.origin";

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
    pub(crate) fn checkpoint(&mut self) {
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
    pub(crate) fn capture_view(&mut self) {
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
}
