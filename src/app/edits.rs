//! The viewer's editing surfaces: context menus on passages and marks, the note and rename
//! editors, the Notes panel with its Orphaned list, the bar for missing and changed
//! articles, the offer to restore an autosave, and the export chooser.

use super::session::EditAction;
use super::worker::DialogPurpose;
use super::{Command, NoteDraft, ParallaxApp};
use egui::{RichText, ScrollArea};
use parallax::model::{DocId, ItemKind, PassageRef, ReviewStatus};
use parallax::report::export::OutputFormat;
use parallax::text::first_words;

/// The context menu of a column at byte `byte` of `document`.
pub fn passage_menu(app: &mut ParallaxApp, ui: &mut egui::Ui, document: DocId, byte: usize) {
    let Some(analysis) = &app.analysis else {
        return;
    };
    let report = &analysis.report;
    let doc = &report.documents[document.get()];
    let Some(passage) = doc
        .passages
        .iter()
        .find(|p| p.start <= byte && byte < p.end.max(p.start + 1))
    else {
        ui.label("No passage here.");
        return;
    };
    let at = PassageRef {
        document,
        passage: passage.index,
    };
    let event = analysis.marks[document.get()].passage_event[passage.index.get()];
    let mut commands = Vec::new();
    // Notes: on the selected text when there is some here, else on the sentence.
    let selection = app
        .text_selection
        .filter(|(d, start, end)| *d == document && start < end);
    let (start, end) = selection.map_or((passage.start, passage.end), |(_, s, e)| (s, e));
    if ui
        .button(if selection.is_some() {
            "Add note to the selected text"
        } else {
            "Add note to this sentence"
        })
        .clicked()
    {
        app.note_draft = Some(NoteDraft {
            document,
            start,
            end,
            event: false,
            text: String::new(),
            reattach: None,
        });
        ui.close();
    }
    if let Some(event) = event {
        if ui.button("Add note to this event").clicked() {
            app.note_draft = Some(NoteDraft {
                document,
                start: passage.start,
                end: passage.end,
                event: true,
                text: String::new(),
                reattach: None,
            });
            ui.close();
        }
        ui.separator();
        if ui.button("Unlink this passage from its event").clicked() {
            commands.push(Command::Edit(EditAction::Unlink(at)));
            ui.close();
        }
        let picked: Vec<PassageRef> = app
            .picked
            .iter()
            .copied()
            .filter(|p| {
                analysis.marks[p.document.get()].passage_event[p.passage.get()] == Some(event)
            })
            .collect();
        let moved = if picked.is_empty() { vec![at] } else { picked };
        if ui
            .button(format!("Split {} passage(s) into a new event", moved.len()))
            .on_hover_text("Shift+click passages of this event to split several off together.")
            .clicked()
        {
            commands.push(Command::Edit(EditAction::Split(event, moved)));
            ui.close();
        }
        if ui.button("Rename event…").clicked() {
            app.rename_draft = Some((event, report.events[event.get()].label.clone()));
            ui.close();
        }
    }
    if let Some(selected) = app.selected_passage
        && selected.document != document
        && ui.button("Link with the selected passage").clicked()
    {
        commands.push(Command::Edit(EditAction::Link(selected, at)));
        ui.close();
    }
    // Findings marked at this place.
    let marks = &analysis.marks[document.get()];
    let here: Vec<_> = marks
        .marks
        .iter()
        .filter(|m| m.start <= byte && byte < m.end)
        .map(|m| m.finding)
        .collect();
    for finding in here {
        let found = &report.findings[finding.get()];
        ui.separator();
        ui.label(RichText::new(found.kind.title()).strong());
        let current = found.review.as_ref().map(|r| r.status);
        let comment = found
            .review
            .as_ref()
            .map(|r| r.comment.clone())
            .unwrap_or_default();
        if current != Some(ReviewStatus::Confirmed) && ui.button("Confirm finding").clicked() {
            commands.push(Command::Edit(EditAction::Review(
                finding,
                Some(ReviewStatus::Confirmed),
                comment.clone(),
            )));
            ui.close();
        }
        if current != Some(ReviewStatus::Dismissed) && ui.button("Dismiss finding").clicked() {
            commands.push(Command::Edit(EditAction::Review(
                finding,
                Some(ReviewStatus::Dismissed),
                comment.clone(),
            )));
            ui.close();
        }
        if current.is_some() && ui.button("Clear review").clicked() {
            commands.push(Command::Edit(EditAction::Review(
                finding,
                None,
                String::new(),
            )));
            ui.close();
        }
    }
    app.commands.extend(commands);
}

/// The Notes panel: every note with jump-to, and the orphaned items.
pub fn notes_panel(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    egui::Panel::bottom("notes-panel")
        .resizable(true)
        .default_size(180.0)
        .show(ui, |ui| {
            let mut commands = Vec::new();
            ui.horizontal(|ui| {
                ui.heading("Notes");
                if ui.small_button("Close").clicked() {
                    app.show_notes = false;
                }
            });
            let Some(analysis) = &app.analysis else {
                return;
            };
            let report = &analysis.report;
            ScrollArea::vertical().id_salt("notes-scroll").show(ui, |ui| {
                if report.notes.is_empty() && report.orphans.is_empty() {
                    ui.label("No notes yet. Select text in a column, right-click, and choose Add note.");
                }
                for note in &report.notes {
                    ui.horizontal(|ui| {
                        let place = match (&note.span, note.event) {
                            (Some(span), _) => format!(
                                "{}: “{}”",
                                report.documents[span.document.get()].display_name(),
                                first_words(&span.text, 10)
                            ),
                            (None, Some(event)) => {
                                format!("Event: {}", report.events[event.get()].label)
                            }
                            (None, None) => String::new(),
                        };
                        if ui.link(place).on_hover_text("Show it").clicked() {
                            if let Some(span) = &note.span {
                                commands.push(Command::ScrollTo {
                                    document: span.document,
                                    start: span.start,
                                    end: span.end,
                                });
                            }
                            if let Some(event) = note.event {
                                commands.push(Command::SelectEvent(Some(event)));
                            }
                        }
                        ui.label(&note.text);
                        if ui.small_button("Edit").clicked() {
                            app.note_edit = Some((note.index, note.text.clone()));
                        }
                        if ui.small_button("Delete").clicked() {
                            commands.push(Command::Edit(EditAction::DeleteNote(note.index)));
                        }
                    });
                }
                if !report.orphans.is_empty() {
                    ui.separator();
                    ui.label(RichText::new(format!("Orphaned ({})", report.orphans.len())).strong());
                    ui.label(
                        RichText::new(
                            "These could not be placed in the articles as they are now. They stay in the session until you re-attach or delete them.",
                        )
                        .weak(),
                    );
                    for orphan in &report.orphans {
                        ui.horizontal(|ui| {
                            ui.label(format!("{}: {}", orphan.item.as_str(), orphan.description));
                            ui.label(RichText::new(&orphan.reason).weak());
                            if orphan.item == ItemKind::Note
                                && let Some((document, start, end)) = app.text_selection
                                && ui
                                    .small_button("Re-attach to the selected text")
                                    .clicked()
                            {
                                commands.push(Command::Edit(EditAction::ReattachNote(
                                    orphan.index,
                                    document,
                                    start,
                                    end,
                                )));
                            }
                            if !orphan.waiting && ui.small_button("Delete").clicked() {
                                commands.push(Command::Edit(EditAction::DeleteItem(
                                    orphan.item,
                                    orphan.index,
                                )));
                            }
                        });
                    }
                }
            });
            app.commands.extend(commands);
        });
}

/// The bar for missing articles, articles changed on disk, and an autosave to restore.
pub fn session_bar(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let offer = app.work.restore_offer.is_some();
    if app.work.missing.is_empty() && app.work.changed.is_empty() && !offer {
        return;
    }
    egui::Panel::top("session-bar").show(ui, |ui| {
        if offer {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new("Unsaved work from an earlier run was found.").strong(),
                );
                if ui.button("Restore it").clicked() {
                    let ctx = ui.ctx().clone();
                    app.replace(super::unsaved::Replacement::RestoreAutosave, &ctx);
                }
                if ui
                    .button("Discard")
                    .on_hover_text("It is kept as a .bak file in the app's data folder.")
                    .clicked()
                {
                    app.decline_autosave();
                }
            });
        }
        let located = &app.work.located;
        for index in app.work.missing.clone() {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!(
                        "Missing: {} (the rest of the session works; its notes and corrections wait for it)",
                        located[index].path.display()
                    ))
                    .color(ui.visuals().warn_fg_color),
                );
                if ui.button("Locate…").clicked() {
                    app.commands
                        .push(Command::ShowDialog(DialogPurpose::Locate(index)));
                }
            });
        }
        if !app.work.changed.is_empty() {
            ui.horizontal(|ui| {
                let names: Vec<String> = app
                    .work
                    .changed
                    .iter()
                    .filter_map(|i| located.get(*i))
                    .map(|l| l.path.display().to_string())
                    .collect();
                ui.label(format!("Changed on disk: {}", names.join(", ")));
                if ui
                    .button("Reload")
                    .on_hover_text("Compare again; notes and corrections follow their quoted text.")
                    .clicked()
                {
                    app.commands.push(Command::ReloadChanged);
                }
                if ui.button("Not now").clicked() {
                    app.work.changed.clear();
                    app.work.stamps = app.work.seen_stamps.clone();
                }
            });
        }
    });
}

/// The note editor, the rename editor and the export chooser.
pub fn windows(app: &mut ParallaxApp, ctx: &egui::Context) {
    if let Some(mut draft) = app.note_draft.take() {
        let mut open = true;
        let mut done = None;
        egui::Window::new("Add note")
            .collapsible(false)
            .open(&mut open)
            .show(ctx, |ui| {
                if let Some(analysis) = &app.analysis {
                    let text = &analysis.report.documents[draft.document.get()].text;
                    ui.label(
                        RichText::new(format!(
                            "“{}”",
                            first_words(text.get(draft.start..draft.end).unwrap_or(""), 10)
                        ))
                        .italics(),
                    );
                }
                let edit = ui.add(
                    egui::TextEdit::multiline(&mut draft.text)
                        .hint_text("Your note")
                        .desired_rows(4),
                );
                edit.request_focus();
                // An empty note is not saved.
                done = ok_cancel(ui, "Save note").filter(|ok| !ok || !draft.text.trim().is_empty());
            });
        match done {
            Some(true) => {
                let action = match draft.reattach {
                    Some(index) => {
                        EditAction::ReattachNote(index, draft.document, draft.start, draft.end)
                    }
                    None => EditAction::AddNote {
                        document: draft.document,
                        start: draft.start,
                        end: draft.end,
                        event: draft.event,
                        text: draft.text.trim().to_string(),
                    },
                };
                app.commands.push(Command::Edit(action));
            }
            Some(false) => {}
            None if open => app.note_draft = Some(draft),
            None => {}
        }
    }
    if let Some((index, mut text)) = app.note_edit.take() {
        let mut done = None;
        egui::Window::new("Edit note")
            .collapsible(false)
            .show(ctx, |ui| {
                ui.add(egui::TextEdit::multiline(&mut text).desired_rows(4));
                done = ok_cancel(ui, "Save");
            });
        match done {
            Some(true) => app
                .commands
                .push(Command::Edit(EditAction::EditNote(index, text))),
            Some(false) => {}
            None => app.note_edit = Some((index, text)),
        }
    }
    if let Some((event, mut label)) = app.rename_draft.take() {
        let mut done = None;
        egui::Window::new("Rename event")
            .collapsible(false)
            .show(ctx, |ui| {
                ui.text_edit_singleline(&mut label).request_focus();
                let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                done = ok_cancel(ui, "Rename").or(enter.then_some(true));
            });
        match done {
            Some(true) if !label.trim().is_empty() => app.commands.push(Command::Edit(
                EditAction::Rename(event, label.trim().to_string()),
            )),
            Some(_) => {}
            None => app.rename_draft = Some((event, label)),
        }
    }
    if let Some((document, mut name)) = app.source_draft.take() {
        let mut done = None;
        egui::Window::new("Rename source")
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label(
                    "The name shown for this source here and in exports (empty: the detected one).",
                );
                let label = ui.label("Source name:");
                ui.text_edit_singleline(&mut name)
                    .labelled_by(label.id)
                    .request_focus();
                done = ok_cancel(ui, "Rename");
            });
        match done {
            Some(true) => app
                .commands
                .push(Command::Edit(EditAction::RenameSource(document, name))),
            Some(false) => {}
            None => app.source_draft = Some((document, name)),
        }
    }
    if app.show_export {
        let mut open = true;
        egui::Window::new("Export")
            .collapsible(false)
            .open(&mut open)
            .show(ctx, |ui| {
                ui.label("The report with your corrections, reviews and notes.");
                for (format, label) in [
                    (
                        OutputFormat::Html,
                        "HTML page (self-contained, prints well)",
                    ),
                    (OutputFormat::Markdown, "Markdown"),
                    (OutputFormat::Csv, "CSV (findings, and coverage beside it)"),
                    (OutputFormat::Json, "JSON (parallax.report/1)"),
                ] {
                    ui.radio_value(&mut app.export_format, format, label);
                }
                if ui.button("Export…").clicked() {
                    app.commands.push(Command::ShowDialog(DialogPurpose::Export(
                        app.export_format,
                    )));
                    app.show_export = false;
                }
            });
        if !open {
            app.show_export = false;
        }
    }
    if let Some(path) = app.exported.clone() {
        egui::Window::new("Export finished")
            .collapsible(false)
            .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -40.0])
            .show(ctx, |ui| {
                ui.label(path.display().to_string());
                ui.horizontal(|ui| {
                    if ui.button("Open folder").clicked() {
                        let folder = path.parent().map(std::path::Path::to_path_buf);
                        if let Some(folder) = folder {
                            open_folder(&folder);
                        }
                        app.exported = None;
                    }
                    if ui.button("Close").clicked() {
                        app.exported = None;
                    }
                });
            });
    }
}

/// Opens a folder in the system's file manager, without waiting for it.
fn open_folder(folder: &std::path::Path) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(program)
        .arg(folder)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// An OK button (with `label`) and Cancel, side by side: `Some(true)` for OK, `Some(false)`
/// for Cancel, none when neither was clicked.
fn ok_cancel(ui: &mut egui::Ui, label: &str) -> Option<bool> {
    ui.horizontal(|ui| {
        let ok = ui.button(label).clicked();
        let cancel = ui.button("Cancel").clicked();
        (ok || cancel).then_some(ok)
    })
    .inner
}
