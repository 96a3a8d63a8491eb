//! The document columns: headers, marked text, selection, hover details, and the connector
//! curves between neighbouring columns.
//!
//! Each column scrolls on its own; selecting an event scrolls every column to its passages
//! (animated, through `scroll_to_rect`). Only the paragraphs inside a column's viewport are
//! painted. Connectors are drawn last, on a foreground layer clipped to the columns, so they
//! follow scrolling and may cross where sources tell events in a different order.

use super::edits;
use super::layout::DocumentLayout;
use super::palette;
use super::session::EditAction;
use super::{Command, ParallaxApp};
use egui::{
    Align, Color32, CornerRadius, Id, LayerId, Order, Pos2, Rect, RichText, ScrollArea, Sense,
    Stroke, StrokeKind, Vec2,
};
use parallax::model::{DocId, EventId, FindingKind, PassageRef};

/// Where one column was drawn this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnGeometry {
    pub document: DocId,
    /// The visible text area, in screen coordinates.
    pub clip: Rect,
    /// The screen position of the content's top-left corner (moves with scrolling).
    pub origin: Pos2,
}

/// The widest a column gets, for a readable line length.
const MAX_COLUMN_WIDTH: f32 = 640.0;
/// "Fit columns" shares the width among all columns down to this width.
pub const FIT_MIN_WIDTH: f32 = 260.0;
/// When not every column fits, as many whole columns as fit at this width or more are shown.
const MIN_COLUMN_WIDTH: f32 = 300.0;
/// The width of every column with "Fit columns" off.
const FIXED_COLUMN_WIDTH: f32 = 440.0;
/// "Fit columns" is on by default up to this many columns.
pub const FIT_BY_DEFAULT: usize = 5;
/// The gap between columns, where connectors run.
const GAP: f32 = 36.0;

/// The width of each of `count` columns in `available` points. With `fit`, the columns share
/// the width when each gets at least [`FIT_MIN_WIDTH`]; otherwise as many whole columns as fit
/// at [`MIN_COLUMN_WIDTH`] share it, and the others are a sideways scroll away. Without `fit`,
/// every column has [`FIXED_COLUMN_WIDTH`].
pub fn column_width(available: f32, count: usize, fit: bool) -> f32 {
    let count = count.max(1) as f32;
    if !fit {
        return FIXED_COLUMN_WIDTH
            .min(available)
            .max(MIN_COLUMN_WIDTH.min(available));
    }
    let shared = (available - GAP * (count - 1.0)) / count;
    if shared >= FIT_MIN_WIDTH {
        return shared.min(MAX_COLUMN_WIDTH);
    }
    let whole = ((available + GAP) / (MIN_COLUMN_WIDTH + GAP))
        .floor()
        .clamp(1.0, count);
    ((available - GAP * (whole - 1.0)) / whole)
        .clamp(FIT_MIN_WIDTH.min(available), MAX_COLUMN_WIDTH)
}

impl ParallaxApp {
    /// Whether "Fit columns" is on: as the user set it, else for up to [`FIT_BY_DEFAULT`]
    /// open columns.
    pub fn fit_columns(&self) -> bool {
        let open = self.column_order.len() - self.hidden.len().min(self.column_order.len());
        self.remembered
            .fit_columns
            .unwrap_or(open <= FIT_BY_DEFAULT)
    }
}

/// The sideways scroll offset that brings columns (their left and right edges in content
/// coordinates) into a view `width` points wide now starting at `offset`; `None` when every
/// one is in view already. When they cannot all be in view, the first one out of view is
/// brought in: the other side of a finding rather than the side already shown.
fn reveal_offset(spans: &[(f32, f32)], offset: f32, width: f32) -> Option<f32> {
    const SLACK: f32 = 1.0;
    let hidden = spans
        .iter()
        .find(|(left, right)| *left < offset - SLACK || *right > offset + width + SLACK)?;
    let left = spans.iter().map(|s| s.0).fold(f32::INFINITY, f32::min);
    let right = spans.iter().map(|s| s.1).fold(f32::NEG_INFINITY, f32::max);
    let (left, right) = if right - left <= width + SLACK {
        (left, right)
    } else {
        *hidden
    };
    Some(if left < offset - SLACK {
        left
    } else {
        right - width
    })
}

/// Draws all visible columns side by side.
pub fn columns(app: &mut ParallaxApp, ui: &mut egui::Ui) {
    app.geometry.clear();
    let Some(analysis) = &app.analysis else {
        ui.centered_and_justified(|ui| {
            if app.is_busy() {
                ui.spinner();
            } else {
                ui.label("Open articles (Ctrl+O) or drop them here to compare them.");
            }
        });
        return;
    };
    let visible: Vec<DocId> = app
        .column_order
        .iter()
        .copied()
        .filter(|d| !app.hidden.contains(d))
        .collect();
    if visible.is_empty() {
        ui.label("Every column is hidden. Show one from View → Columns.");
        return;
    }
    let _ = analysis;
    let available = ui.available_width();
    let count = visible.len() as f32;
    let width = column_width(available, visible.len(), app.fit_columns());
    let dark = ui.visuals().dark_mode;
    // Columns to bring into view sideways: their span in content coordinates.
    let reveal: Vec<usize> = std::mem::take(&mut app.reveal_columns)
        .iter()
        .filter_map(|d| visible.iter().position(|v| v == d))
        .collect();
    let reveal: Vec<(f32, f32)> = reveal
        .iter()
        .map(|p| {
            let left = *p as f32 * (width + GAP);
            (left, left + width)
        })
        .collect();
    // The inspector overlay of a narrow window covers the right of the columns area.
    let covered = super::responsive::overlay_cover(app);
    // Only the columns inside the horizontal viewport are drawn: with twenty articles open,
    // the others cost nothing.
    let output = ScrollArea::horizontal()
        .id_salt("columns")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let total = width * count + GAP * (count - 1.0);
            let height = ui.available_height();
            ui.set_width(total);
            ui.set_height(height);
            let origin = ui.max_rect().min;
            for (position, &document) in visible.iter().enumerate() {
                let left = position as f32 * (width + GAP);
                if left + width < viewport.min.x || left > viewport.max.x {
                    continue;
                }
                let rect =
                    Rect::from_min_size(origin + Vec2::new(left, 0.0), Vec2::new(width, height));
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .id_salt(("column-ui", document.get()))
                        .layout(egui::Layout::top_down(Align::Min)),
                );
                column(
                    app,
                    &mut child,
                    document,
                    position,
                    visible.len(),
                    width,
                    dark,
                );
            }
            // After the columns, whose own scroll areas would otherwise take the target.
            let seen = (viewport.width() - covered).max(width);
            if let Some(offset) = reveal_offset(&reveal, viewport.min.x, seen) {
                // `Align::Min` puts the rectangle's left edge one item spacing from the
                // left of the view.
                let x = origin.x + offset + ui.spacing().item_spacing.x;
                let y = ui.clip_rect().min.y;
                ui.scroll_to_rect(
                    Rect::from_min_max(Pos2::new(x, y), Pos2::new(x + 1.0, y + 1.0)),
                    Some(Align::Min),
                );
            }
        });
    app.columns_viewport = output.inner_rect;
    if app.remembered.show_connectors {
        connectors(app, ui, dark);
    }
}

#[allow(clippy::too_many_arguments)] // One call site; the arguments are the column's place.
fn column(
    app: &mut ParallaxApp,
    ui: &mut egui::Ui,
    document: DocId,
    position: usize,
    count: usize,
    width: f32,
    dark: bool,
) {
    header(app, ui, document, position, count);
    ui.separator();
    let Some(analysis) = &mut app.analysis else {
        return;
    };
    let text_width = width - 14.0;
    // The layout is cached; it is rebuilt only for a new width or theme.
    let stale = analysis.layouts[document.get()]
        .as_ref()
        .is_none_or(|l| (l.width - text_width).abs() > 0.5 || l.dark != dark);
    if stale {
        let layout = ui.ctx().fonts_mut(|fonts| {
            DocumentLayout::new(
                fonts,
                &analysis.report.documents[document.get()],
                &analysis.marks[document.get()],
                text_width,
                dark,
            )
        });
        analysis.layouts[document.get()] = Some(layout);
    }
    let requests: Vec<_> = app
        .scroll_requests
        .iter()
        .filter(|r| r.document == document)
        .copied()
        .collect();
    app.scroll_requests.retain(|r| r.document != document);
    let analysis = app.analysis.as_ref().expect("checked above");
    let layout = analysis.layouts[document.get()]
        .as_ref()
        .expect("laid out above");
    let report = &analysis.report;
    let doc = &report.documents[document.get()];
    let marks = &analysis.marks[document.get()];
    let selected = app.selected_event;
    let selected_finding = app.selected_finding;
    let search = &app.search;
    let selection = app.text_selection.filter(|(d, _, _)| *d == document);
    let picked: Vec<PassageRef> = app
        .picked
        .iter()
        .copied()
        .filter(|p| p.document == document)
        .collect();
    let selected_passage = app.selected_passage.filter(|p| p.document == document);
    let link_drag = app.link_drag;
    let mut clicked_event = None;
    let mut clicked = false;
    let mut interaction = Interaction::default();
    let output = ScrollArea::vertical()
        .id_salt(("column", doc.path.as_str()))
        .auto_shrink([false, false])
        .content_margin(0.0)
        .show_viewport(ui, |ui, viewport| {
            ui.set_height(layout.height.max(viewport.height()));
            ui.set_width(width);
            let origin = ui.max_rect().min + Vec2::new(10.0, 0.0);
            let painter = ui.painter();
            let to_screen = |r: Rect| r.translate(origin.to_vec2());
            // Unique passages: a side bar in the margin.
            for passage in &marks.unique {
                let rect = to_screen(layout.passage_rects[passage.get()]);
                painter.rect_filled(
                    Rect::from_min_max(
                        Pos2::new(origin.x - 9.0, rect.min.y),
                        Pos2::new(origin.x - 5.0, rect.max.y),
                    ),
                    CornerRadius::same(2),
                    palette::kind_color(FindingKind::Unique),
                );
            }
            for paragraph in layout.visible(viewport.min.y, viewport.max.y) {
                painter.galley(
                    origin + Vec2::new(0.0, paragraph.top),
                    paragraph.galley.clone(),
                    ui.visuals().text_color(),
                );
            }
            // The selected event's passages are outlined.
            if let Some(event) = selected.and_then(|e| report.events.get(e.get())) {
                let stroke = Stroke::new(2.0, palette::event_color(event.index.get(), dark));
                for at in event.passages.iter().filter(|p| p.document == document) {
                    let rect = to_screen(layout.passage_rects[at.passage.get()]).expand(3.0);
                    painter.rect_stroke(rect, CornerRadius::same(4), stroke, StrokeKind::Outside);
                }
            }
            // The selected finding's claims are boxed.
            if let Some(finding) = selected_finding.and_then(|f| report.findings.get(f.get())) {
                for (index, mark) in marks.marks.iter().enumerate() {
                    if mark.finding == finding.index {
                        for rect in &layout.mark_rects[index] {
                            painter.rect_stroke(
                                to_screen(*rect).expand(2.0),
                                CornerRadius::same(2),
                                Stroke::new(2.0, palette::kind_color(finding.kind)),
                                StrokeKind::Outside,
                            );
                        }
                    }
                }
            }
            // Text selected by dragging.
            if let Some((_, start, end)) = selection {
                for rect in layout_rect(layout, &doc.text, start, end) {
                    painter.rect_filled(
                        to_screen(rect),
                        CornerRadius::ZERO,
                        ui.visuals().selection.bg_fill.gamma_multiply(0.5),
                    );
                }
            }
            // The clicked passage (Ctrl+click another to link) and Shift-picked passages.
            for at in selected_passage.iter().chain(&picked) {
                let rect = to_screen(layout.passage_rects[at.passage.get()]).expand(1.0);
                painter.rect_stroke(
                    rect,
                    CornerRadius::same(2),
                    Stroke::new(1.0, ui.visuals().strong_text_color()),
                    StrokeKind::Outside,
                );
            }
            // Notes: a marker in the right margin beside their text.
            for note in &report.notes {
                if let Some(span) = note.span.as_ref().filter(|s| s.document == document) {
                    for rect in layout_rect(layout, &doc.text, span.start, span.end) {
                        let rect = to_screen(rect);
                        painter.rect_filled(
                            Rect::from_min_max(
                                Pos2::new(origin.x + layout.width + 1.0, rect.min.y),
                                Pos2::new(origin.x + layout.width + 4.0, rect.max.y),
                            ),
                            CornerRadius::same(1),
                            palette::NOTE_COLOR,
                        );
                    }
                }
            }
            // Search hits.
            for (index, &(hit_document, start, end)) in app.search_highlights().iter().enumerate() {
                if hit_document != document {
                    continue;
                }
                let current = index == search.current;
                let text = &doc.text;
                let first = layout_rect(layout, text, start, end);
                for rect in first {
                    painter.rect_stroke(
                        to_screen(rect).expand(1.0),
                        CornerRadius::same(2),
                        Stroke::new(
                            if current { 2.5 } else { 1.5 },
                            if current {
                                Color32::from_rgb(240, 200, 0)
                            } else {
                                Color32::from_rgb(200, 170, 40)
                            },
                        ),
                        StrokeKind::Outside,
                    );
                }
            }
            // Scroll requests for this column, animated.
            for request in &requests {
                let rects = layout_rect(layout, &doc.text, request.start, request.end);
                if let Some(rect) = rects.first() {
                    ui.scroll_to_rect(to_screen(*rect), Some(Align::Center));
                }
            }
            // Clicks select the event of the passage under the pointer; hovering a mark
            // shows the finding.
            let area = ui.max_rect();
            let response = ui.interact(
                area,
                Id::unique(("column-text", document.get())),
                Sense::click_and_drag(),
            );
            let passage_at = |point: Pos2| -> Option<PassageRef> {
                let byte = layout.byte_at(&doc.text, (point - origin).to_pos2())?;
                let passage = doc
                    .passages
                    .iter()
                    .find(|p| p.start <= byte && byte < p.end)?;
                Some(PassageRef {
                    document,
                    passage: passage.index,
                })
            };
            let modifiers = ui.input(|i| i.modifiers);
            if let Some(press) = ui.input(|i| i.pointer.press_origin())
                && response.drag_started()
            {
                if press.x < origin.x {
                    // A drag from the margin carries a passage, to link it: the selected
                    // one when it is on this line, else the one the line starts with.
                    let y = press.y - origin.y;
                    interaction.link_drag = selected_passage
                        .filter(|p| {
                            let band = layout.passage_rects[p.passage.get()];
                            band.min.y <= y && y <= band.max.y
                        })
                        .or_else(|| passage_at(Pos2::new(origin.x + 1.0, press.y)));
                } else if let Some(byte) = layout.byte_at(&doc.text, (press - origin).to_pos2()) {
                    interaction.selection_start = Some(byte);
                }
            }
            if response.dragged()
                && link_drag.is_none()
                && let (Some(press), Some(now)) = (
                    ui.input(|i| i.pointer.press_origin()),
                    response.interact_pointer_pos(),
                )
                && press.x >= origin.x
                && let (Some(a), Some(b)) = (
                    layout.byte_at(&doc.text, (press - origin).to_pos2()),
                    layout.byte_at(&doc.text, (now - origin).to_pos2()),
                )
            {
                interaction.selection = Some((a.min(b), a.max(b)));
            }
            // A passage dragged from another column is dropped here.
            if let Some(from) = link_drag
                && from.document != document
                && ui.input(|i| i.pointer.any_released())
                && let Some(pointer) = ui.input(|i| i.pointer.interact_pos())
                && area.contains(pointer)
                && let Some(to) = passage_at(pointer)
            {
                interaction.link = Some((from, to));
            }
            if response.secondary_clicked()
                && let Some(pointer) = response.interact_pointer_pos()
            {
                interaction.context_at = layout.byte_at(&doc.text, (pointer - origin).to_pos2());
            }
            let pointer = response.hover_pos();
            if let Some(pointer) = pointer {
                let local = (pointer - origin).to_pos2();
                let hovered: Vec<usize> = layout
                    .mark_rects
                    .iter()
                    .enumerate()
                    .filter(|(_, rects)| rects.iter().any(|r| r.contains(local)))
                    .map(|(i, _)| i)
                    .collect();
                if !hovered.is_empty() {
                    response.clone().on_hover_ui_at_pointer(|ui| {
                        ui.set_max_width(420.0);
                        let mut shown = Vec::new();
                        for index in hovered {
                            let finding = &report.findings[marks.marks[index].finding.get()];
                            if shown.contains(&finding.index) {
                                continue;
                            }
                            shown.push(finding.index);
                            ui.label(
                                RichText::new(format!(
                                    "{} {}",
                                    palette::kind_symbol(finding.kind),
                                    finding.kind.title()
                                ))
                                .strong()
                                .color(palette::kind_color(finding.kind)),
                            );
                            ui.label(&finding.summary);
                            for claim in &finding.claims {
                                let source = report.documents[claim.document.get()].display_name();
                                let value = claim
                                    .value
                                    .as_deref()
                                    .filter(|v| *v != claim.text)
                                    .map(|v| format!(" = {v}"))
                                    .unwrap_or_default();
                                ui.label(format!("• {source}: “{}”{value}", claim.text));
                            }
                            ui.label(
                                RichText::new(format!("Confidence {:.2}", finding.confidence))
                                    .weak(),
                            );
                            for line in &finding.evidence {
                                ui.label(RichText::new(format!("– {line}")).weak().small());
                            }
                        }
                    });
                }
                if response.clicked() {
                    clicked = true;
                    interaction.clicked_passage = passage_at(pointer);
                    interaction.modifiers = modifiers;
                    if let Some(byte) = layout.byte_at(&doc.text, local)
                        && let Some(passage) = doc
                            .passages
                            .iter()
                            .find(|p| p.start <= byte && byte < p.end)
                    {
                        clicked_event = Some(marks.passage_event[passage.index.get()]);
                    }
                }
            }
            (origin, response)
        });
    let (origin, response) = output.inner;
    app.geometry.push(ColumnGeometry {
        document,
        clip: output.inner_rect,
        origin,
    });
    if let Some(byte) = interaction.context_at {
        app.context_at = Some((document, byte));
    }
    interaction.apply(app, document, clicked, clicked_event);
    if let Some((context_document, byte)) = app.context_at
        && context_document == document
    {
        response.context_menu(|ui| edits::passage_menu(app, ui, document, byte));
    }
}

/// What the pointer did in a column this frame.
#[derive(Default)]
struct Interaction {
    clicked_passage: Option<PassageRef>,
    modifiers: egui::Modifiers,
    selection_start: Option<usize>,
    selection: Option<(usize, usize)>,
    link_drag: Option<PassageRef>,
    link: Option<(PassageRef, PassageRef)>,
    context_at: Option<usize>,
}

impl Interaction {
    fn apply(
        self,
        app: &mut ParallaxApp,
        document: DocId,
        clicked: bool,
        clicked_event: Option<Option<EventId>>,
    ) {
        if let Some(start) = self.selection_start {
            app.text_selection = Some((document, start, start));
        }
        if let Some((start, end)) = self.selection {
            app.text_selection = Some((document, start, end));
        }
        if self.link_drag.is_some() {
            app.link_drag = self.link_drag;
        }
        if let Some((from, to)) = self.link {
            app.link_drag = None;
            app.commands.push(Command::Edit(EditAction::Link(from, to)));
        }
        if !clicked {
            return;
        }
        let at = self.clicked_passage;
        if self.modifiers.command {
            // Ctrl+click: link the selected passage with this one.
            if let (Some(selected), Some(at)) = (app.selected_passage, at)
                && selected.document != at.document
            {
                app.commands
                    .push(Command::Edit(EditAction::Link(selected, at)));
            }
            return;
        }
        if self.modifiers.shift {
            if let Some(at) = at
                && !app.picked.remove(&at)
            {
                app.picked.insert(at);
            }
            return;
        }
        app.picked.clear();
        app.text_selection = None;
        app.selected_passage = at;
        if let Some(event) = clicked_event {
            app.commands.push(Command::SelectEvent(event));
        }
    }
}

/// The rectangles of a span (delegates to the layout).
fn layout_rect(layout: &DocumentLayout, text: &str, start: usize, end: usize) -> Vec<Rect> {
    layout.span_rects(text, start, end)
}

fn header(
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

/// Curves between the passages of each event in neighbouring columns.
fn connectors(app: &ParallaxApp, ui: &mut egui::Ui, dark: bool) {
    let Some(analysis) = &app.analysis else {
        return;
    };
    let report = &analysis.report;
    let painter = ui
        .ctx()
        .layer_painter(LayerId::new(Order::Middle, Id::unique("connectors")))
        .with_clip_rect(ui.max_rect());
    for pair in app.geometry.windows(2) {
        let (left, right) = (pair[0], pair[1]);
        let (Some(left_layout), Some(right_layout)) = (
            analysis.layouts[left.document.get()].as_ref(),
            analysis.layouts[right.document.get()].as_ref(),
        ) else {
            continue;
        };
        for event in &report.events {
            let first = |document: DocId| event.passages.iter().find(|p| p.document == document);
            let (Some(a), Some(b)) = (first(left.document), first(right.document)) else {
                continue;
            };
            let ya = left.origin.y + left_layout.passage_rects[a.passage.get()].center().y;
            let yb = right.origin.y + right_layout.passage_rects[b.passage.get()].center().y;
            // Only where at least one end is in view.
            let visible_a = ya >= left.clip.min.y && ya <= left.clip.max.y;
            let visible_b = yb >= right.clip.min.y && yb <= right.clip.max.y;
            if !visible_a && !visible_b {
                continue;
            }
            let start = Pos2::new(
                left.clip.max.x - 2.0,
                ya.clamp(left.clip.min.y, left.clip.max.y),
            );
            let end = Pos2::new(
                right.clip.min.x + 2.0,
                yb.clamp(right.clip.min.y, right.clip.max.y),
            );
            let selected = app.selected_event == Some(event.index);
            let color = palette::event_color(event.index.get(), dark);
            let stroke = Stroke::new(
                if selected { 3.0 } else { 1.5 },
                if selected {
                    color
                } else {
                    color.gamma_multiply(0.7)
                },
            );
            let bend = (end.x - start.x) * 0.5;
            let shape = egui::epaint::CubicBezierShape::from_points_stroke(
                [
                    start,
                    start + Vec2::new(bend, 0.0),
                    end - Vec2::new(bend, 0.0),
                    end,
                ],
                false,
                Color32::TRANSPARENT,
                stroke,
            );
            painter.add(shape);
        }
    }
}
