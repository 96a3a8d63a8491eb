//! The connectors of the selection: a curve from the selected finding's claim (else the
//! selected event's first passage) in one column to the same in the next column, across the
//! gap between them; nothing when nothing is selected.
//!
//! Only neighbouring columns that both hold the selection are linked, so a curve never
//! crosses a column that is not involved; a column half scrolled out of view is linked at the
//! edge of its visible part. The curves are painted on the columns' own layer, clipped to the
//! columns area, so that every window and dialog stays above them (issue 22: with four
//! columns and more they showed the events next to the selection rather than the selection,
//! crossed columns not involved, were drawn over dialogs, and in "Compare two" fanned out
//! across the gap).

use super::ParallaxApp;
use super::columns::ColumnGeometry;
use super::palette;
use egui::{Color32, Pos2, Rect, Stroke, Vec2};
use parallax::model::DocId;

/// One end of a connector: where the selection is in a column, in content coordinates.
fn anchor_in(app: &ParallaxApp, document: DocId) -> Option<f32> {
    let analysis = app.analysis.as_ref()?;
    let layout = analysis.layouts[document.get()].as_ref()?;
    let report = &analysis.report;
    if let Some(finding) = app
        .selected_finding
        .and_then(|f| report.findings.get(f.get()))
    {
        let claim = finding.claims.iter().find(|c| c.document == document)?;
        let text = &report.documents[document.get()].text;
        let rects = layout.span_rects(text, claim.start, claim.end);
        return rects.first().map(|r| r.center().y);
    }
    let event = report.events.get(app.selected_event?.get())?;
    let first = event
        .passages
        .iter()
        .filter(|p| p.document == document)
        .min_by_key(|p| p.passage)?;
    Some(layout.passage_rects[first.passage.get()].center().y)
}

/// The part of a column in view: a scrolled column half out of view ends at the edge.
fn visible(column: &ColumnGeometry, scroller: Rect, pinned: Option<DocId>) -> Rect {
    if Some(column.document) == pinned {
        column.clip
    } else {
        column.clip.intersect(scroller)
    }
}

/// Draws the selection's connectors in `ui` (the columns area); returns how many.
pub fn connectors(app: &mut ParallaxApp, ui: &mut egui::Ui, dark: bool) -> usize {
    app.connector_segments.clear();
    let color = match (app.selected_finding, app.selected_event) {
        (Some(finding), _) => app
            .analysis
            .as_ref()
            .and_then(|a| a.report.findings.get(finding.get()))
            .map(|f| palette::kind_color(f.kind)),
        (None, Some(event)) => Some(palette::event_color(event.get(), dark)),
        (None, None) => None,
    };
    let Some(color) = color else {
        return 0;
    };
    let pinned = app.pinned.or(app.reveal_plan.as_ref().and_then(|p| p.base));
    let scroller = app.columns_scroller;
    let ends: Vec<Option<(Rect, f32)>> = app
        .geometry
        .iter()
        .map(|column| {
            let y = column.origin.y + anchor_in(app, column.document)?;
            let rect = visible(column, scroller, pinned);
            (rect.width() > 1.0).then_some((rect, y))
        })
        .collect();
    let painter = ui.painter().with_clip_rect(app.columns_viewport);
    let stroke = Stroke::new(2.5, color);
    let mut segments = Vec::new();
    for pair in ends.windows(2) {
        let (Some((left, ya)), Some((right, yb))) = (pair[0], pair[1]) else {
            continue;
        };
        // Only where at least one end is in view.
        if !left.y_range().contains(ya) && !right.y_range().contains(yb) {
            continue;
        }
        let start = Pos2::new(left.max.x - 2.0, ya.clamp(left.min.y, left.max.y));
        let end = Pos2::new(right.min.x + 2.0, yb.clamp(right.min.y, right.max.y));
        let bend = (end.x - start.x) * 0.5;
        painter.add(egui::epaint::CubicBezierShape::from_points_stroke(
            [
                start,
                start + Vec2::new(bend, 0.0),
                end - Vec2::new(bend, 0.0),
                end,
            ],
            false,
            Color32::TRANSPARENT,
            stroke,
        ));
        segments.push((start, end));
    }
    app.connectors_layer = Some(ui.layer_id());
    app.connector_segments = segments;
    app.connector_segments.len()
}
