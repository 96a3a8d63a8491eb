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

/// A session as it was before (for undo) or after (for redo) a change, and what the change
/// did, in words for the Edit menu and the notice ("Undid: link AP and Reuters").
#[derive(Debug, Clone)]
pub struct UndoStep {
    pub session: Session,
    pub what: String,
}

/// The open session and its history.
pub struct Workspace {
    pub session: Session,
    /// The file it was opened from or last saved to.
    pub path: Option<PathBuf>,
    /// Bumped by every change; compared with the generation last saved.
    pub generation: u64,
    pub saved_generation: u64,
    /// The sessions before each change, newest last, with what the change did.
    pub undo: Vec<UndoStep>,
    pub redo: Vec<UndoStep>,
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

    /// Records the current session for undo, with what the change about to be made does;
    /// call before changing it.
    pub(crate) fn checkpoint(&mut self, what: String) {
        self.work.undo.push(UndoStep {
            session: self.work.session.clone(),
            what,
        });
        if self.work.undo.len() > UNDO_DEPTH {
            self.work.undo.remove(0);
        }
        self.work.redo.clear();
        self.work.generation += 1;
    }

    /// Applies an edit to the session and reruns the comparison.
    pub fn edit(&mut self, action: EditAction, ctx: &egui::Context) {
        let before = self.work.session.clone();
        let what = self.describe(&action);
        let feedback = self.feedback(&action);
        let applied = self.apply(action);
        match applied {
            Ok(()) => {
                let after = std::mem::replace(&mut self.work.session, before);
                self.checkpoint(what);
                self.work.session = after;
                if let Some(text) = feedback {
                    self.notices.push(Notice::info(text));
                }
                self.start_analysis(ctx);
            }
            Err(message) => self.notices.push(Notice::error(message)),
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
                // A review carried over from an earlier form of the finding is replaced too.
                let carried = self
                    .analysis
                    .as_ref()
                    .and_then(|a| a.report.findings.get(finding.get()))
                    .and_then(|f| f.review.as_ref())
                    .and_then(|r| r.session_index);
                let reviews = &mut self.work.session.edits.reviews;
                if let Some(index) = carried.filter(|&i| i < reviews.len()) {
                    reviews.remove(index);
                }
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

    /// Takes back the last change, and says which ("Undid: link AP and Reuters").
    pub fn undo(&mut self, ctx: &egui::Context) {
        if let Some(previous) = self.work.undo.pop() {
            let current = std::mem::replace(&mut self.work.session, previous.session);
            self.notices
                .push(Notice::info(format!("Undid: {}", previous.what)));
            self.work.redo.push(UndoStep {
                session: current,
                what: previous.what,
            });
            self.work.generation += 1;
            self.start_analysis(ctx);
        }
    }

    /// Makes the last undone change again, and says which.
    pub fn redo(&mut self, ctx: &egui::Context) {
        if let Some(next) = self.work.redo.pop() {
            let current = std::mem::replace(&mut self.work.session, next.session);
            self.notices
                .push(Notice::info(format!("Redid: {}", next.what)));
            self.work.undo.push(UndoStep {
                session: current,
                what: next.what,
            });
            self.work.generation += 1;
            self.start_analysis(ctx);
        }
    }

    /// A source's name as the columns show it.
    fn source_name(&self, document: DocId) -> String {
        self.analysis
            .as_ref()
            .and_then(|a| a.report.documents.get(document.get()))
            .map_or_else(|| "an article".into(), |d| d.display_name())
    }

    /// An event's label in quotes, for messages.
    fn event_name(&self, event: EventId) -> String {
        self.analysis
            .as_ref()
            .and_then(|a| a.report.events.get(event.get()))
            .map_or_else(|| "an event".into(), |e| format!("“{}”", e.label))
    }

    /// The event a passage belongs to now.
    fn event_of(&self, at: PassageRef) -> Option<EventId> {
        let report = &self.analysis.as_ref()?.report;
        report
            .events
            .iter()
            .find(|e| e.passages.contains(&at))
            .map(|e| e.index)
    }

    /// What an edit does, in words: the Edit menu's "Undo …" and the "Undid: …" notice.
    pub fn describe(&self, action: &EditAction) -> String {
        match action {
            EditAction::Link(a, b) => format!(
                "link {} and {}",
                self.source_name(a.document),
                self.source_name(b.document)
            ),
            EditAction::Unlink(at) => format!(
                "unlink a passage of {}{}",
                self.source_name(at.document),
                self.event_of(*at)
                    .map(|e| format!(" from {}", self.event_name(e)))
                    .unwrap_or_default()
            ),
            EditAction::Split(event, moved) => format!(
                "split {} off {}",
                super::count(moved.len(), "passage", "passages"),
                self.event_name(*event)
            ),
            EditAction::Rename(event, label) => {
                format!("rename {} to “{label}”", self.event_name(*event))
            }
            EditAction::Review(finding, status, _) => {
                let kind = self
                    .analysis
                    .as_ref()
                    .and_then(|a| a.report.findings.get(finding.get()))
                    .map_or("a", |f| f.kind.title());
                match status {
                    Some(ReviewStatus::Confirmed) => format!("confirm the {kind} finding"),
                    Some(ReviewStatus::Dismissed) => format!("dismiss the {kind} finding"),
                    None => format!("clear the review of the {kind} finding"),
                }
            }
            EditAction::AddNote { document, .. } => {
                format!("add a note on {}", self.source_name(*document))
            }
            EditAction::EditNote(..) => "edit a note".into(),
            EditAction::DeleteNote(..) => "delete a note".into(),
            EditAction::ReattachNote(..) => "re-attach a note".into(),
            EditAction::DeleteItem(kind, _) => {
                format!("delete an orphaned {kind:?}").to_lowercase()
            }
            EditAction::RenameSource(document, name) => {
                format!(
                    "rename {} to “{}”",
                    self.source_name(*document),
                    name.trim()
                )
            }
        }
    }

    /// A notice for edits that show no change where the user looks: a link made with
    /// Ctrl+click or a drag only changes tints and connectors (issue 11: "a link gives no
    /// feedback").
    fn feedback(&self, action: &EditAction) -> Option<String> {
        let EditAction::Link(a, b) = action else {
            return None;
        };
        let event = self.event_of(*a).or_else(|| self.event_of(*b));
        Some(format!(
            "Linked {} and {} in {}. Edit → Undo takes it back.",
            self.source_name(a.document),
            self.source_name(b.document),
            event.map_or_else(
                || "a new event".into(),
                |e| format!("event {}", self.event_name(e))
            )
        ))
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
        // The user's own arrangement, not a temporary one (`reveal`).
        let pinned = self.pinned.and_then(|d| self.work.session_doc(d));
        let compare_two = self
            .compare_two
            .and_then(|(a, b)| Some((self.work.session_doc(a)?, self.work.session_doc(b)?)));
        let widths = self
            .column_widths
            .iter()
            .filter_map(|(d, width)| Some((self.work.session_doc(*d)?, *width)))
            .collect();
        let view = &mut self.work.session.view;
        view.pinned_column = pinned;
        view.compare_two = compare_two;
        view.column_widths = widths;
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
