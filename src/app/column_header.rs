//! A column's header: the source's name (right-click to rename), the buttons that move or
//! close the column, its menu (rename, pin as base, compare two, hide, width), and the article's
//! title, date, author and file.

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
    let others: Vec<(DocId, String)> = analysis
        .report
        .documents
        .iter()
        .filter(|d| d.index != document)
        .map(|d| (d.index, d.display_name()))
        .collect();
    let state = MenuState {
        pinned: app.pinned == Some(document),
        resized: app.column_widths.contains_key(&document),
        all_shown: app.comparing_two().is_none() && app.hidden.is_empty(),
    };
    let mut choice = None;
    // The buttons first, from the right, so that a long name is cut (whole on hover)
    // instead of running under them.
    ui.horizontal(|ui| {
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
            let menu = ui.menu_button("⋯", |ui| column_menu(ui, &state, &others));
            menu.response.on_hover_text(
                "Column menu: rename the source, pin as base, compare two, hide, width",
            );
            choice = menu.inner.flatten();
            ui.with_layout(egui::Layout::left_to_right(Align::Center), |ui| {
                let name = ui
                    .add(
                        egui::Label::new(RichText::new(doc.display_name()).strong().size(16.0))
                            .truncate()
                            .sense(Sense::click()),
                    )
                    .on_hover_text(format!(
                        "{}. Right-click to rename this source",
                        doc.display_name()
                    ));
                if state.pinned {
                    ui.label(RichText::new("base").small().weak())
                        .on_hover_text(
                            "Pinned at the left while the others scroll (column menu: Unpin base)",
                        );
                }
                name.context_menu(|ui| {
                    if ui.button("Rename source…").clicked() {
                        app.source_draft = Some((document, doc.display_name()));
                        ui.close();
                    }
                });
            });
        });
    });
    // Shown at the left for now (`columns::RevealPlan`): said on a line of its own, as the
    // name row has no room to spare.
    let kept = app
        .reveal_plan
        .as_ref()
        .is_some_and(|plan| plan.base == Some(document));
    if kept && !state.pinned {
        ui.label(
            RichText::new("Kept at the left for this selection")
                .small()
                .weak(),
        )
        .on_hover_text(
            "Shown at the left for now, so that every side of the selection is in view; \
                 back in its place when the selection changes or you scroll sideways",
        );
    }
    if position == 0 {
        set_aside_note(app, ui);
    }
    if let Some(title) = &doc.title {
        ui.label(RichText::new(title).italics());
    }
    if let Some(note) = &doc.language_note {
        // The script needs a system font when the language is one the bundled fonts lack.
        let unshown = app.system_font == super::fonts::SystemFont::Missing
            && matches!(doc.language.as_deref(), Some("zh" | "ja" | "th"));
        let note = if unshown {
            format!("{note}; no font on this system shows this script")
        } else {
            note.clone()
        };
        ui.label(RichText::new(note).small().weak());
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
    if let Some(choice) = choice {
        choice.apply(app, document);
    }
}

/// Says which columns are set aside for the selection (see `columns::plan_with_set_aside`).
fn set_aside_note(app: &ParallaxApp, ui: &mut egui::Ui) {
    let (Some(plan), Some(analysis)) = (&app.reveal_plan, &app.analysis) else {
        return;
    };
    if plan.set_aside.is_empty() {
        return;
    }
    let names: Vec<String> = plan
        .set_aside
        .iter()
        .map(|d| analysis.report.documents[d.get()].display_name())
        .collect();
    ui.label(
        RichText::new(format!(
            "Set aside for this selection: {}",
            names.join(", ")
        ))
        .small()
        .weak(),
    )
    .on_hover_text(
        "Columns that hold nothing of the selection, left out for now so that every \
         column that does is in view; back when the selection changes",
    );
}

/// What was chosen in a column's menu, applied once the header is drawn.
enum ColumnChoice {
    Rename,
    Pin,
    Unpin,
    CompareWith(DocId),
    Hide,
    FittedWidth,
    ShowAll,
}

/// What a column's menu offers, read from the app before drawing it.
struct MenuState {
    pinned: bool,
    resized: bool,
    all_shown: bool,
}

/// A column's menu: pin it as the base, compare it with one other source, hide it, give it
/// its fitted width back, and show every column again.
fn column_menu(
    ui: &mut egui::Ui,
    state: &MenuState,
    others: &[(DocId, String)],
) -> Option<ColumnChoice> {
    let mut choice = None;
    if ui
        .button("Rename source…")
        .on_hover_text("Give this source the name you know it by (also on a right-click)")
        .clicked()
    {
        choice = Some(ColumnChoice::Rename);
    }
    if state.pinned {
        if ui.button("Unpin base").clicked() {
            choice = Some(ColumnChoice::Unpin);
        }
    } else if ui
        .button("Pin as base")
        .on_hover_text("Keep this column at the left while the others scroll")
        .clicked()
    {
        choice = Some(ColumnChoice::Pin);
    }
    ui.menu_button("Compare two", |ui| {
        for (other, name) in others {
            if ui.button(format!("With {name}")).clicked() {
                choice = Some(ColumnChoice::CompareWith(*other));
            }
        }
    });
    if ui.button("Hide column").clicked() {
        choice = Some(ColumnChoice::Hide);
    }
    if state.resized && ui.button("Fitted width").clicked() {
        choice = Some(ColumnChoice::FittedWidth);
    }
    if !state.all_shown && ui.button("Show all columns").clicked() {
        choice = Some(ColumnChoice::ShowAll);
    }
    if choice.is_some() {
        ui.close();
    }
    choice
}

impl ColumnChoice {
    fn apply(self, app: &mut ParallaxApp, document: DocId) {
        match self {
            ColumnChoice::Rename => {
                if let Some(analysis) = &app.analysis {
                    let name = analysis.report.documents[document.get()].display_name();
                    app.source_draft = Some((document, name));
                }
            }
            ColumnChoice::Pin => app.pinned = Some(document),
            ColumnChoice::Unpin => app.pinned = None,
            ColumnChoice::CompareWith(other) => {
                app.compare_two = Some((document, other));
                app.reveal_columns = vec![document, other];
            }
            ColumnChoice::Hide => {
                app.hidden.insert(document);
                if app
                    .compare_two
                    .is_some_and(|(a, b)| a == document || b == document)
                {
                    app.compare_two = None;
                }
            }
            ColumnChoice::FittedWidth => {
                app.column_widths.remove(&document);
            }
            ColumnChoice::ShowAll => {
                app.compare_two = None;
                app.hidden.clear();
            }
        }
    }
}
