//! The menu bar (File, Edit, View, Help and the view switch) and the status bar with the
//! analysis progress and the summary of what is open.

use super::worker::DialogPurpose;
use super::{Command, MainView, ParallaxApp};
use egui::RichText;

/// The widest a hint inside a menu gets before it wraps.
const MENU_HINT_WIDTH: f32 = 260.0;

/// File, Edit, View and Help menus.
pub fn menu_bar(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open articles…  Ctrl+O").clicked() {
                    app.commands.push(Command::ShowDialog(DialogPurpose::Open));
                    ui.close();
                }
                if ui.button("Add articles…").clicked() {
                    app.commands.push(Command::ShowDialog(DialogPurpose::Add));
                    ui.close();
                }
                ui.menu_button("Close article", |ui| {
                    if let Some(analysis) = &app.analysis {
                        for document in &analysis.report.documents {
                            if ui.button(document.display_name()).clicked() {
                                app.commands.push(Command::CloseDocument(document.index));
                                ui.close();
                            }
                        }
                    }
                });
                ui.menu_button("Recent", |ui| {
                    if app.remembered.recent_files.is_empty() {
                        ui.label("Nothing yet");
                    }
                    for file in app.remembered.recent_files.clone() {
                        if ui.button(file.display().to_string()).clicked() {
                            app.commands.push(Command::Add(vec![file]));
                            ui.close();
                        }
                    }
                });
                if ui.button("Open the sample articles").clicked() {
                    app.commands.push(Command::Open(super::sample_files()));
                    ui.close();
                }
                ui.separator();
                if ui.button("Open session…").clicked() {
                    app.commands
                        .push(Command::ShowDialog(DialogPurpose::OpenSession));
                    ui.close();
                }
                ui.menu_button("Recent sessions", |ui| {
                    if app.remembered.recent_sessions.is_empty() {
                        ui.label("Nothing yet");
                    }
                    for file in app.remembered.recent_sessions.clone() {
                        if ui.button(file.display().to_string()).clicked() {
                            app.commands.push(Command::OpenSession(file));
                            ui.close();
                        }
                    }
                });
                if ui.button("Save session  Ctrl+S").clicked() {
                    app.commands.push(Command::SaveSession);
                    ui.close();
                }
                if ui.button("Save session as…  Ctrl+Shift+S").clicked() {
                    app.commands
                        .push(Command::ShowDialog(DialogPurpose::SaveSessionAs));
                    ui.close();
                }
                ui.separator();
                if ui.button("Export…").clicked() {
                    app.show_export = true;
                    ui.close();
                }
                ui.separator();
                if ui.button("Quit  Ctrl+Q").clicked() {
                    app.commands.push(Command::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                // Each says what it takes back or makes again.
                let undo = app
                    .work
                    .undo
                    .last()
                    .map_or("Undo".to_string(), |step| format!("Undo {}", step.what));
                let redo = app
                    .work
                    .redo
                    .last()
                    .map_or("Redo".to_string(), |step| format!("Redo {}", step.what));
                if ui
                    .add_enabled(
                        !app.work.undo.is_empty(),
                        egui::Button::new(undo).shortcut_text("Ctrl+Z"),
                    )
                    .clicked()
                {
                    app.commands.push(Command::Undo);
                    ui.close();
                }
                if ui
                    .add_enabled(
                        !app.work.redo.is_empty(),
                        egui::Button::new(redo).shortcut_text("Ctrl+Shift+Z"),
                    )
                    .clicked()
                {
                    app.commands.push(Command::Redo);
                    ui.close();
                }
                ui.separator();
                // A hint, wrapped at a menu's width: a long single line was cut off at the
                // window's edge (issue 11).
                ui.scope(|ui| {
                    ui.set_max_width(MENU_HINT_WIDTH);
                    ui.add(
                        egui::Label::new(
                            RichText::new(
                                "Link: click a passage, then Ctrl+click one in another column, or drag a passage from the margin onto another. Right-click a passage or a mark for more.",
                            )
                            .weak(),
                        )
                        .wrap(),
                    );
                });
            });
            ui.menu_button("View", |ui| {
                if ui
                    .checkbox(&mut app.remembered.dark, "Dark theme")
                    .changed()
                {
                    ui.close();
                }
                ui.checkbox(&mut app.remembered.show_connectors, "Show connectors");
                ui.checkbox(&mut app.remembered.sync_scroll, "Keep columns in step")
                    .on_hover_text("Scrolling a column (the pinned base, when there is one) brings the same event level in the columns that report it");
                ui.checkbox(
                    &mut app.remembered.only_differences,
                    "Only events with differences",
                );
                if ui
                    .checkbox(&mut app.remembered.show_uncertain, "Show uncertain findings")
                    .on_hover_text(format!(
                        "Also show findings below confidence {:.2}, the level calibrated for about 90% precision on judged real news",
                        parallax::settings::DEFAULT_MIN_CONFIDENCE
                    ))
                    .changed()
                {
                    app.refilter();
                }
                ui.checkbox(&mut app.show_inspector, "Inspector");
                ui.checkbox(&mut app.show_notes, "Notes panel");
                ui.checkbox(&mut app.show_labels, "Labels panel");
                if ui
                    .checkbox(
                        &mut app.findings_panel.open,
                        format!(
                            "Findings panel (review queue)  {}",
                            super::keys::hint(super::keys::KeyAction::ToggleFindings)
                        ),
                    )
                    .changed()
                {
                    app.findings_panel.reveal = true;
                }
                ui.separator();
                ui.radio_value(&mut app.view, MainView::Columns, "Columns");
                ui.radio_value(&mut app.view, MainView::Overview, "Overview (coverage)");
                ui.radio_value(&mut app.view, MainView::HeatMap, "Heat map (base text)");
                ui.separator();
                ui.checkbox(&mut app.show_events, "Events panel");
                let mut fit = app.fit_columns();
                if ui
                    .checkbox(&mut fit, "Fit columns")
                    .on_hover_text(format!(
                        "Share the width among all open columns, down to {} points each (on by default up to {} columns)",
                        super::columns::FIT_MIN_WIDTH,
                        super::columns::FIT_BY_DEFAULT
                    ))
                    .changed()
                {
                    app.remembered.fit_columns = Some(fit);
                }
                ui.separator();
                if ui.button("Zoom in  Ctrl+=").clicked() {
                    egui::gui_zoom::zoom_in(ui.ctx());
                }
                if ui.button("Zoom out  Ctrl+-").clicked() {
                    egui::gui_zoom::zoom_out(ui.ctx());
                }
                if ui.button("Actual size  Ctrl+0").clicked() {
                    ui.ctx().set_zoom_factor(1.0);
                }
                if let Some(analysis) = &app.analysis {
                    ui.menu_button("Columns", |ui| {
                        for document in &analysis.report.documents {
                            let mut shown = !app.hidden.contains(&document.index);
                            if ui.checkbox(&mut shown, document.display_name()).changed() {
                                if shown {
                                    app.hidden.remove(&document.index);
                                } else {
                                    app.hidden.insert(document.index);
                                }
                            }
                        }
                    });
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Legend of the marks").clicked() {
                    app.show_legend = true;
                    ui.close();
                }
                if ui.button("Keyboard shortcuts").clicked() {
                    app.show_shortcuts = true;
                    ui.close();
                }
                if ui.button("About Parallax").clicked() {
                    app.show_about = true;
                    ui.close();
                }
            });
            ui.separator();
            ui.selectable_value(&mut app.view, MainView::Columns, "Columns");
            ui.selectable_value(&mut app.view, MainView::Overview, "Overview");
            ui.selectable_value(&mut app.view, MainView::HeatMap, "Heat map")
                .on_hover_text("One article as the base, each passage shaded by how many sources report it");
            ui.separator();
            if ui.button("Legend").clicked() {
                app.show_legend = !app.show_legend;
            }
            super::responsive::inspector_toggle(app, ui);
        });
    });
}

/// Progress of the background analysis, and the summary of what is open.
pub fn status_bar(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(progress) = app.job_progress() {
                let (stage, done, total) = progress;
                let fraction = if total > 0 {
                    done as f32 / total as f32
                } else {
                    0.0
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(220.0)
                        .text(format!("{} {done}/{total}", stage.name())),
                );
                if ui.button("Cancel").clicked() {
                    app.commands.push(Command::CancelAnalysis);
                }
            } else if let Some(analysis) = &app.analysis {
                let report = &analysis.report;
                let counts = analysis.counts();
                let dismissed = if counts.dismissed > 0 {
                    format!(" ({} dismissed)", counts.dismissed)
                } else {
                    String::new()
                };
                ui.label(format!(
                    "{} · {} · {}{dismissed} · {} · {} · {} not loaded",
                    super::count(report.documents.len(), "article", "articles"),
                    super::count(report.events.len(), "shared event", "shared events"),
                    super::count(counts.differences, "difference", "differences"),
                    super::count(counts.one_source, "one-source item", "one-source items"),
                    super::count(report.notes.len(), "note", "notes"),
                    report.failures.len()
                ))
                .on_hover_text("Differences: the findings other than agreements and one-source items, at the confidence shown. One-source items: passages only one source reports.");
                if !report.orphans.is_empty()
                    && ui
                        .link(format!("{} orphaned", report.orphans.len()))
                        .clicked()
                {
                    app.show_notes = true;
                }
            }
        });
    });
}
