//! The Labels panel: how each source labels each person, group or place that two or more
//! sources name (the report's `labels` table), so that "the Russian paramilitary group"
//! against "a private security company" can be read side by side; a click shows the label
//! in its column. Loaded labels are marked.

use super::{Command, ParallaxApp};
use egui::{RichText, ScrollArea};

/// The Labels panel at the bottom of the window.
pub fn labels_panel(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    egui::Panel::bottom("labels-panel")
        .resizable(true)
        .default_size(180.0)
        .show(ui, |ui| {
            let mut commands = Vec::new();
            ui.horizontal(|ui| {
                ui.heading("Labels");
                ui.label(RichText::new("how each source labels who and what they all name").weak());
                if ui.small_button("Close").clicked() {
                    app.show_labels = false;
                }
            });
            let Some(analysis) = &app.analysis else {
                return;
            };
            let report = &analysis.report;
            ScrollArea::vertical()
                .id_salt("labels-scroll")
                .show(ui, |ui| {
                    if report.labels.is_empty() {
                        ui.label(
                            "No source labels a person, group or place that another source names.",
                        );
                    }
                    for referent in &report.labels {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(RichText::new(&referent.name).strong());
                            for label in &referent.labels {
                                let source = report.documents[label.document.get()].display_name();
                                let marker = if label.loaded { " ⚠" } else { "" };
                                let hover = format!(
                                    "{source}, {}{}. Click to show it.",
                                    label.form.describe(),
                                    if label.loaded {
                                        "; a word of the loaded-words list"
                                    } else {
                                        ""
                                    }
                                );
                                let link = ui.link(format!("{source}: “{}”{marker}", label.text));
                                if link.on_hover_text(hover).clicked() {
                                    commands.push(Command::ScrollTo {
                                        document: label.document,
                                        start: label.start,
                                        end: label.end,
                                    });
                                }
                            }
                        });
                    }
                });
            app.commands.extend(commands);
        });
}
