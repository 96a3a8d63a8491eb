//! A column's header: the source's name (right-click to rename), the buttons that move or
//! close the column, and the article's title, date, author and file.

use super::{Command, ParallaxApp};
use egui::{Align, RichText, Sense};
use parallax::model::DocId;

/// Draws the header of `document`'s column, at `position` of `count` visible columns.
pub fn header(
    app: &mut ParallaxApp,
    ui: &mut egui::Ui,
    document: DocId,
    position: usize,
    count: usize,
) {
    let Some(analysis) = &app.analysis else {
        return;
    };
    let doc = &analysis.report.documents[document.get()];
    ui.horizontal(|ui| {
        let name = ui
            .add(
                egui::Label::new(RichText::new(doc.display_name()).strong().size(16.0))
                    .sense(Sense::click()),
            )
            .on_hover_text("Right-click to rename this source");
        name.context_menu(|ui| {
            if ui.button("Rename source…").clicked() {
                app.source_draft = Some((document, doc.display_name()));
                ui.close();
            }
        });
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            if ui
                .small_button("×")
                .on_hover_text("Close this article")
                .clicked()
            {
                app.commands.push(Command::CloseDocument(document));
            }
            if ui
                .add_enabled(position + 1 < count, egui::Button::new(">").small())
                .on_hover_text("Move this column right")
                .clicked()
            {
                app.commands.push(Command::MoveColumn(document, 1));
            }
            if ui
                .add_enabled(position > 0, egui::Button::new("<").small())
                .on_hover_text("Move this column left")
                .clicked()
            {
                app.commands.push(Command::MoveColumn(document, -1));
            }
        });
    });
    if let Some(title) = &doc.title {
        ui.label(RichText::new(title).italics());
    }
    if let Some(note) = analysis.report.copy_note(doc) {
        ui.label(RichText::new(note).small()).on_hover_text(
            "The same text as that document: it is shown, but not compared as a separate account",
        );
    }
    let details: Vec<String> = [doc.date.clone(), doc.author.clone()]
        .into_iter()
        .flatten()
        .collect();
    let path = std::path::Path::new(&doc.path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ui.label(
        RichText::new(if details.is_empty() {
            path
        } else {
            format!("{} · {path}", details.join(" · "))
        })
        .weak()
        .small(),
    );
}
