//! The coverage overview: events as rows, sources as columns, each cell covered, agrees,
//! differs or silent; a click opens the event in the columns. Clicking two source names in
//! the header picks them for "Compare two", which shows just those two columns.

use super::palette;
use super::{Command, MainView, ParallaxApp};
use egui::{Color32, Grid, RichText, ScrollArea};
use parallax::model::{DocId, EventId, FindingKind};
use parallax::report::Coverage;

/// How a source covers an event, from the event's findings.
fn coverage(analysis: &super::Analysis, event: EventId, document: DocId) -> Coverage {
    parallax::report::coverage(
        &analysis.report.events[event.get()],
        analysis.findings_of(event),
        document,
    )
}

/// The overview: events as rows, sources as columns; click a cell to open the event.
pub fn overview(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    let Some(analysis) = &app.analysis else {
        return;
    };
    let report = &analysis.report;
    let dark = ui.visuals().dark_mode;
    let events = app.visible_events();
    let mut clicked = None;
    let mut pick = None;
    ui.label("Coverage: which source reports which event, and whether it agrees or differs.");
    ui.horizontal(|ui| {
        for (coverage, text) in [
            (Coverage::Covered, "covers"),
            (Coverage::Agrees, "agrees"),
            (Coverage::Differs, "differs"),
            (Coverage::Silent, "silent"),
        ] {
            let (fill, symbol) = coverage_style(coverage, dark);
            ui.label(RichText::new(format!(" {symbol} ")).background_color(fill));
            ui.label(text);
        }
    });
    let mut compare = None;
    ui.horizontal(|ui| {
        let picked = &app.compare_picks;
        let names: Vec<String> = picked
            .iter()
            .map(|d| report.documents[d.get()].display_name())
            .collect();
        ui.label(match names.as_slice() {
            [] => "Compare two: click two source names in the header.".to_string(),
            [one] => format!("Compare two: {one} and… (click another source name)"),
            [one, two, ..] => format!("Compare two: {one} and {two}"),
        });
        if ui
            .add_enabled(picked.len() == 2, egui::Button::new("Compare two"))
            .on_hover_text("Show just these two columns, the others hidden")
            .clicked()
        {
            compare = Some((picked[0], picked[1]));
        }
    });
    ScrollArea::both().id_salt("overview").show(ui, |ui| {
        Grid::new("overview-grid")
            .striped(true)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Event").strong());
                for document in &report.documents {
                    let picked = app.compare_picks.contains(&document.index);
                    if ui
                        .selectable_label(picked, RichText::new(document.display_name()).strong())
                        .on_hover_text("Pick for Compare two")
                        .clicked()
                    {
                        pick = Some(document.index);
                    }
                }
                ui.end_row();
                for event in &events {
                    let data = &report.events[event.get()];
                    // Cut like the events list, so that the sources' columns keep the room
                    // (the whole label on hover).
                    let label = super::events_panel::list_label(&data.label);
                    let mut response =
                        ui.selectable_label(app.selected_event == Some(*event), label);
                    if data.label.chars().count() > 46 {
                        response = response.on_hover_text(&data.label);
                    }
                    if response.clicked() {
                        clicked = Some(*event);
                    }
                    for document in &report.documents {
                        let coverage = coverage(analysis, *event, document.account());
                        let (fill, symbol) = coverage_style(coverage, dark);
                        let label = format!("{:?}", coverage).to_lowercase();
                        let response = ui
                            .add(
                                egui::Button::new(RichText::new(symbol).color(Color32::WHITE))
                                    .fill(fill)
                                    .min_size(egui::vec2(64.0, 20.0)),
                            )
                            .on_hover_text(format!("{}: {label}", document.display_name()));
                        if response.clicked() {
                            clicked = Some(*event);
                        }
                    }
                    ui.end_row();
                }
            });
    });
    if let Some(document) = pick {
        let picks = &mut app.compare_picks;
        if let Some(position) = picks.iter().position(|d| *d == document) {
            picks.remove(position);
        } else {
            picks.push(document);
            if picks.len() > 2 {
                picks.remove(0);
            }
        }
    }
    if let Some((a, b)) = compare {
        app.compare_two = Some((a, b));
        app.compare_picks.clear();
        app.reveal_columns = vec![a, b];
        app.view = MainView::Columns;
    }
    if let Some(event) = clicked {
        app.view = MainView::Columns;
        app.commands.push(Command::SelectEvent(Some(event)));
    }
}

fn coverage_style(coverage: Coverage, dark: bool) -> (Color32, &'static str) {
    match coverage {
        Coverage::Covered => (Color32::from_rgb(86, 140, 190), "•"),
        Coverage::Agrees => (palette::kind_color(FindingKind::Agreement), "="),
        Coverage::Differs => (palette::kind_color(FindingKind::NumberMismatch), "≠"),
        Coverage::Silent => (
            if dark {
                Color32::from_gray(60)
            } else {
                Color32::from_gray(200)
            },
            "·",
        ),
    }
}
