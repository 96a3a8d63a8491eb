//! One column's text: the laid-out paragraphs with their marks, the selected event's
//! outline, the selected finding's boxes, notes in the margin and search hits; and what the
//! pointer does there (click to select, Ctrl+click to link, Shift+click to pick, drag to
//! select text or carry a passage from the margin to link it, hover for a finding's details).
//!
//! Only the paragraphs inside the column's viewport are painted.

use super::columns::ColumnGeometry;
use super::edits;
use super::layout::DocumentLayout;
use super::palette;
use super::session::EditAction;
use super::{Command, ParallaxApp};
use egui::{
    Align, Color32, CornerRadius, Id, Pos2, Rect, RichText, ScrollArea, Sense, Stroke, StrokeKind,
    Vec2,
};
use parallax::model::{DocId, EventId, FindingKind, PassageRef};

#[allow(clippy::too_many_arguments)] // One call site; the arguments are the column's place.
pub fn column(
    app: &mut ParallaxApp,
    ui: &mut egui::Ui,
    document: DocId,
    position: usize,
    count: usize,
    width: f32,
    dark: bool,
) {
    super::column_header::header(app, ui, document, position, count);
    ui.separator();
    let Some(analysis) = &mut app.analysis else {
        return;
    };
    // Room at the right for the notes markers, the change map and the floating scroll bar,
    // which would otherwise cover the ends of the lines.
    let text_width = width - 34.0;
    // The layout is cached; it is rebuilt for a new width, theme or zoom (issue 22, item 10).
    let zoom = ui.ctx().pixels_per_point();
    let stale = analysis.layouts[document.get()]
        .as_ref()
        .is_none_or(|l| !l.fits(text_width, dark, zoom));
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
    let (scroll_area, by_user) = scroll_area(app, ui, document);
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
    let output = scroll_area.show_viewport(ui, |ui, viewport| {
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
                            RichText::new(format!("Confidence {:.2}", finding.confidence)).weak(),
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
    let offset = output.state.clamped_offset().y;
    let jump = super::change_map::change_map(
        ui,
        &doc.display_name(),
        document,
        output.inner_rect,
        offset,
        layout,
        marks,
    );
    let geometry = ColumnGeometry {
        document,
        clip: output.inner_rect,
        origin,
    };
    app.column_drawn(geometry, offset, by_user, jump);
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

/// A column's vertical scroll area, at the offset the columns kept in step (or the change
/// map) ask for; and whether the user is scrolling it (the wheel turned or a button held over
/// it: if it moves, the user moved it).
fn scroll_area(app: &mut ParallaxApp, ui: &egui::Ui, document: DocId) -> (ScrollArea, bool) {
    let by_user = ui.rect_contains_pointer(ui.available_rect_before_wrap())
        && ui.input(|i| i.smooth_scroll_delta.y != 0.0 || i.pointer.primary_down());
    let path = app.analysis.as_ref().map_or(String::new(), |a| {
        a.report.documents[document.get()].path.clone()
    });
    let mut scroll_area = ScrollArea::vertical()
        .id_salt(("column", path.as_str()))
        .auto_shrink([false, false])
        .content_margin(0.0);
    if let Some(offset) = app.take_sync_offset(document) {
        scroll_area = scroll_area.vertical_scroll_offset(offset);
    }
    (scroll_area, by_user)
}

impl ParallaxApp {
    /// Drops the cached column layouts when egui started a new font atlas.
    ///
    /// A layout's galleys point into the font atlas. egui starts a new atlas when the old one
    /// is getting full, when fonts are set, and when its text options change, which they do
    /// with the theme (issue 22, item 10: after a theme switch the columns were blank or
    /// garbled in the real window, their glyphs read from the new atlas at the old places).
    /// egui clears its own galley cache then, and only then; so a probe text laid out every
    /// frame comes back as the same galley until the atlas changes, and a new one means the
    /// layouts cached here must go. (How full the atlas is, which this compared before, is
    /// no sure sign: a new atlas can be as full as the old one by the time it is read.) A zoom
    /// change is caught by the layout's own key too ([`DocumentLayout::fits`]).
    pub(super) fn forget_stale_layouts(&mut self, ctx: &egui::Context) {
        let probe = ctx.fonts_mut(|fonts| {
            fonts.layout_no_wrap(
                "Parallax atlas probe".to_owned(),
                egui::FontId::proportional(13.0),
                egui::Color32::WHITE,
            )
        });
        let same = self
            .atlas_probe
            .as_ref()
            .is_some_and(|old| std::sync::Arc::ptr_eq(old, &probe));
        if !same && let Some(analysis) = &mut self.analysis {
            analysis
                .layouts
                .iter_mut()
                .for_each(|layout| *layout = None);
        }
        self.atlas_probe = Some(probe);
    }

    /// Records where a column was drawn and scrolled, and a jump its change map asks for.
    fn column_drawn(
        &mut self,
        geometry: ColumnGeometry,
        offset: f32,
        by_user: bool,
        jump: Option<f32>,
    ) {
        let document = geometry.document;
        self.geometry.push(geometry);
        self.scrolled(super::sync::ColumnScroll {
            document,
            offset,
            by_user,
        });
        if let Some(offset) = jump {
            self.sync_targets.push((document, offset));
            self.map_jumped = Some(document);
        }
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
