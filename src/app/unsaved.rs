//! Unsaved work is never replaced silently: opening other articles, a session (from the
//! dialog, File → Recent sessions or a file dropped on the window), the samples, or an
//! autosave while the open comparison has unsaved work asks first: Save, Discard or Cancel.
//!
//! Save writes the session (asking for a file when it has none) and then goes on; Discard
//! goes on at once, but the work is written to [`DISCARDED`] in the app's data folder first,
//! so that a wrong click loses nothing; Cancel keeps everything as it was. Adding articles
//! (dropped or from File → Add) does not replace anything and is undoable, so it never asks.

use super::ParallaxApp;
use super::worker::{DialogPurpose, DiskDone};
use egui::RichText;
use parallax::session::file;
use std::path::PathBuf;

/// Where discarded work is kept, in the app's data folder (the copy before it as `.bak`).
pub(crate) const DISCARDED: &str = "discarded.parallax.ron";

/// An action that replaces the open comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Replacement {
    /// New articles in a new, untitled session.
    Open(Vec<PathBuf>),
    /// A session file.
    OpenSession(PathBuf),
    /// The autosave offered at start.
    RestoreAutosave,
}

/// A replacement held while the user decides what happens to the unsaved work.
#[derive(Debug, Clone, PartialEq)]
pub struct UnsavedPrompt {
    pub replacement: Replacement,
    /// Save was chosen: the replacement runs once the session is saved.
    pub saving: bool,
}

/// The user's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
}

impl ParallaxApp {
    /// Runs a replacement, or asks first when there is unsaved work.
    pub fn replace(&mut self, replacement: Replacement, ctx: &egui::Context) {
        if self.work.dirty() {
            self.unsaved_prompt = Some(UnsavedPrompt {
                replacement,
                saving: false,
            });
        } else {
            self.run_replacement(replacement, ctx);
        }
    }

    fn run_replacement(&mut self, replacement: Replacement, ctx: &egui::Context) {
        match replacement {
            Replacement::Open(files) => self.open(files, ctx),
            Replacement::OpenSession(path) => self.open_session(path, ctx),
            Replacement::RestoreAutosave => self.restore_autosave(ctx),
        }
    }

    /// Acts on the answer to the prompt.
    pub fn answer_unsaved(&mut self, answer: Answer, ctx: &egui::Context) {
        let Some(mut prompt) = self.unsaved_prompt.take() else {
            return;
        };
        match answer {
            Answer::Cancel => {}
            Answer::Discard => {
                self.keep_discarded(ctx);
                self.run_replacement(prompt.replacement, ctx);
            }
            Answer::Save => {
                prompt.saving = true;
                self.unsaved_prompt = Some(prompt);
                self.save_session(ctx);
            }
        }
    }

    /// Writes the work about to be discarded to the data folder, in the background.
    fn keep_discarded(&mut self, ctx: &egui::Context) {
        let Some(folder) = self.work.data_dir.clone() else {
            return;
        };
        self.capture_view();
        let session = self.work.session.clone();
        self.disk.spawn(ctx, move || {
            let result = std::fs::create_dir_all(&folder)
                .and_then(|()| file::save(&folder.join(DISCARDED), &session));
            DiskDone::AutosaveWritten(result.map_err(|e| e.to_string()))
        });
    }

    /// A save finished (or failed): a replacement waiting for it goes on, or is dropped.
    pub(crate) fn saved_for_replacement(&mut self, saved: bool, ctx: &egui::Context) {
        let Some(prompt) = self.unsaved_prompt.take_if(|p| p.saving) else {
            return;
        };
        if !saved {
            // The notice says why; the work stays open.
            return;
        }
        if self.work.dirty() {
            // Work done while saving: ask again.
            self.unsaved_prompt = Some(UnsavedPrompt {
                saving: false,
                ..prompt
            });
        } else {
            self.run_replacement(prompt.replacement, ctx);
        }
    }

    /// The file dialog or path prompt for "Save session as" closed without a path: a
    /// replacement waiting for the save is dropped, and the work stays open.
    pub(crate) fn save_as_cancelled(&mut self, purpose: DialogPurpose) {
        if purpose == DialogPurpose::SaveSessionAs {
            self.unsaved_prompt.take_if(|p| p.saving);
        }
    }

    /// What the open session holds, for the prompt: "2 reviews, 1 note".
    fn unsaved_summary(&self) -> String {
        let edits = &self.work.session.edits;
        let parts: Vec<String> = [
            (edits.reviews.len(), "review", "reviews"),
            (edits.notes.len(), "note", "notes"),
            (edits.corrections.len(), "correction", "corrections"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| super::count(n, one, many))
        .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!(" (it holds {})", parts.join(", "))
        }
    }
}

/// The question, as a modal window over everything, while a replacement waits for it.
pub fn unsaved_prompt_ui(app: &mut ParallaxApp, ctx: &egui::Context) {
    let Some(prompt) = &app.unsaved_prompt else {
        return;
    };
    if prompt.saving {
        // The save (or its file dialog) is under way.
        return;
    }
    let what = match &prompt.replacement {
        Replacement::Open(_) => "Opening other articles",
        Replacement::OpenSession(_) => "Opening a session",
        Replacement::RestoreAutosave => "Restoring the autosave",
    };
    let name = app
        .work
        .path
        .as_ref()
        .and_then(|p| p.file_name())
        .map_or_else(
            || "this comparison".to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
    let summary = app.unsaved_summary();
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("unsaved-prompt")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.label(RichText::new("Save your work first?").strong().size(16.0));
        ui.add(
            egui::Label::new(format!(
                "{what} replaces {name}, which has unsaved work{summary}."
            ))
            .wrap(),
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(Answer::Save);
            }
            if ui
                .button("Discard")
                .on_hover_text(format!(
                    "Open without saving. A copy is kept in the app's data folder as {DISCARDED}."
                ))
                .clicked()
            {
                answer = Some(Answer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Answer::Cancel);
            }
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(Answer::Cancel);
    }
    if let Some(answer) = answer {
        app.answer_unsaved(answer, ctx);
    }
}
