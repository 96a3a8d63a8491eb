//! Columns kept in step (issue 22, item 6): scrolling one column brings the event at its
//! reading line level in the others that report it, and the change map in each column's
//! margin shows the marks and jumps to them.

use super::*;
use crate::app::change_map;
use crate::app::sync::READING_LINE;
use parallax::model::{DocId, EventId};

/// The samples in four columns, without the side panels.
fn four_columns() -> Harness<'static, ParallaxApp> {
    let mut app = app_with(crate::app::sample_files(), false);
    app.show_events = false;
    app.show_inspector = false;
    let mut harness = harness_sized(app, 1600.0, 900.0);
    harness.run();
    assert_eq!(harness.state().geometry.len(), 4, "every column drawn");
    harness
}

/// Turns the wheel over a column (content up by `points`).
fn wheel(harness: &mut Harness<'static, ParallaxApp>, document: DocId, points: f32) {
    let clip = column_rect(harness.state(), document).unwrap();
    harness.hover_at(clip.center());
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -points),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
}

fn offsets(app: &ParallaxApp) -> Vec<(DocId, f32)> {
    app.geometry
        .iter()
        .map(|c| (c.document, c.clip.min.y - c.origin.y))
        .collect()
}

/// The event of the passage at a column's reading line, and where that passage starts on
/// screen.
fn at_reading_line(app: &ParallaxApp, document: DocId) -> Option<(EventId, f32)> {
    let analysis = app.analysis.as_ref().unwrap();
    let column = app.geometry.iter().find(|c| c.document == document)?;
    let layout = analysis.layouts[document.get()].as_ref()?;
    let line = column.clip.min.y + READING_LINE * column.clip.height() - column.origin.y;
    let passage = crate::app::sync::passage_at_line(&layout.passage_rects, line)?;
    let rect = layout.passage_rects[passage];
    let event = analysis.marks[document.get()].passage_event[passage]?;
    Some((event, column.origin.y + rect.min.y))
}

/// For each other column: `Some(level)` when it reports the event (whether its first
/// passage of it is level with the leader's, or as near as its scroll range allows), `None`
/// when it does not.
fn followers(app: &ParallaxApp, lead: DocId, event: EventId, level: f32) -> Vec<(DocId, bool)> {
    let analysis = app.analysis.as_ref().unwrap();
    let report = &analysis.report;
    app.geometry
        .iter()
        .filter(|c| c.document != lead)
        .filter_map(|column| {
            let first = report.events[event.get()]
                .passages
                .iter()
                .filter(|p| p.document == column.document)
                .min_by_key(|p| p.passage)?;
            let layout = analysis.layouts[column.document.get()].as_ref().unwrap();
            let top = column.origin.y + layout.passage_rects[first.passage.get()].min.y;
            let offset = column.clip.min.y - column.origin.y;
            let most = (layout.height - column.clip.height()).max(0.0);
            let clamped = offset <= 0.5 || offset >= most - 0.5;
            Some((column.document, (top - level).abs() < 1.5 || clamped))
        })
        .collect()
}

#[test]
fn scrolling_a_column_brings_the_same_event_level_in_the_others() {
    let mut harness = four_columns();
    assert!(harness.state().remembered.sync_scroll, "on by default");
    let lead = harness.state().geometry[0].document;
    let mut levelled = 0;
    for _ in 0..12 {
        let before = offsets(harness.state());
        wheel(&mut harness, lead, 120.0);
        let app = harness.state();
        assert_ne!(before[0], offsets(app)[0], "the leader scrolled");
        if let Some((event, level)) = at_reading_line(app, lead) {
            let reporting = followers(app, lead, event, level);
            for (document, level) in &reporting {
                assert!(level, "{document:?} is level with the leader for {event:?}");
            }
            levelled += reporting.len();
        }
    }
    assert!(levelled >= 6, "the columns followed {levelled} times");
}

/// A column that does not report the event at the reading line stays where it is.
#[test]
fn a_column_without_the_event_stays_where_it_is() {
    let mut harness = four_columns();
    let lead = harness.state().geometry[0].document;
    // A passage of the leader in an event that some other drawn column does not report.
    let (top, event, absent) = {
        let app = harness.state();
        let analysis = app.analysis.as_ref().unwrap();
        let layout = analysis.layouts[lead.get()].as_ref().unwrap();
        let marks = &analysis.marks[lead.get()];
        (0..layout.passage_rects.len())
            .filter(|p| layout.passage_rects[*p].height() > 20.0)
            .find_map(|p| {
                let event = marks.passage_event[p]?;
                let reports = analysis.report.events[event.get()].documents();
                let absent = app
                    .geometry
                    .iter()
                    .map(|c| c.document)
                    .find(|d| !reports.contains(d))?;
                Some((layout.passage_rects[p].min.y, event, absent))
            })
            .expect("an event some column does not report")
    };
    // Put the passage just under the reading line (not a user's scroll: nothing follows).
    let clip = column_rect(harness.state(), lead).unwrap();
    let offset = top + 5.0 - READING_LINE * clip.height();
    harness
        .state_mut()
        .sync_targets
        .push((lead, offset.max(0.0)));
    harness.run();
    let before = offsets(harness.state());
    wheel(&mut harness, lead, 4.0);
    let app = harness.state();
    let (at, level) = at_reading_line(app, lead).unwrap();
    assert_eq!(at, event);
    let after = offsets(app);
    let position = after.iter().position(|(d, _)| *d == absent).unwrap();
    assert_eq!(before[position], after[position], "{absent:?} stays");
    let reporting = followers(app, lead, event, level);
    assert!(
        reporting.iter().all(|(_, level)| *level),
        "{reporting:?} {before:?} {after:?}"
    );
}

#[test]
fn with_keep_in_step_off_the_others_stay() {
    let mut harness = four_columns();
    harness.state_mut().remembered.sync_scroll = false;
    let lead = harness.state().geometry[0].document;
    for _ in 0..4 {
        let before = offsets(harness.state());
        wheel(&mut harness, lead, 200.0);
        let after = offsets(harness.state());
        assert_ne!(before[0], after[0]);
        assert_eq!(before[1..], after[1..]);
    }
}

/// With a pinned base, the base leads; another column scrolls on its own.
#[test]
fn a_pinned_base_leads_and_the_others_can_be_browsed_alone() {
    let mut harness = four_columns();
    let base = harness.state().geometry[1].document;
    harness.state_mut().pinned = Some(base);
    harness.run();
    let other = harness.state().geometry[1].document;
    assert_ne!(other, base);
    let before = offsets(harness.state());
    wheel(&mut harness, other, 400.0);
    let after = offsets(harness.state());
    let moved: Vec<DocId> = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, _)| a.0)
        .collect();
    assert_eq!(moved, vec![other], "only the column scrolled moved");
    let mut levelled = 0;
    for _ in 0..8 {
        wheel(&mut harness, base, 150.0);
        let app = harness.state();
        if let Some((event, level)) = at_reading_line(app, base) {
            let reporting = followers(app, base, event, level);
            assert!(reporting.iter().all(|(_, level)| *level));
            levelled += reporting.len();
        }
    }
    assert!(levelled > 0);
}

#[test]
fn the_change_map_shows_the_marks_and_a_click_jumps_to_one() {
    let mut app = app_with(crate::app::sample_files(), false);
    app.remembered.show_uncertain = true;
    app.refilter();
    app.show_events = false;
    app.show_inspector = false;
    let mut harness = harness_sized(app, 1600.0, 900.0);
    harness.run();
    let document = harness.state().geometry[0].document;
    let ticks = |app: &ParallaxApp| {
        let analysis = app.analysis.as_ref().unwrap();
        let layout = analysis.layouts[document.get()].as_ref().unwrap();
        change_map::ticks(layout, &analysis.marks[document.get()])
    };
    let all = ticks(harness.state());
    {
        let marks = &harness.state().analysis.as_ref().unwrap().marks[document.get()];
        assert_eq!(all.len(), marks.marks.len() + marks.unique.len());
        assert!(
            all.iter()
                .any(|t| t.kind == FindingKind::Agreement && t.faint)
        );
        assert!(
            all.iter()
                .filter(|t| t.kind != FindingKind::Agreement)
                .all(|t| !t.faint)
        );
    }
    // A dismissed finding leaves the map.
    let difference = {
        let analysis = harness.state().analysis.as_ref().unwrap();
        let marks = &analysis.marks[document.get()];
        marks
            .marks
            .iter()
            .find(|m| crate::app::analysis::counts_as_difference(m.kind))
            .unwrap()
            .finding
    };
    harness.state_mut().commands.push(crate::app::Command::Edit(
        crate::app::session::EditAction::Review(
            difference,
            Some(parallax::model::ReviewStatus::Dismissed),
            String::new(),
        ),
    ));
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(ticks(harness.state()).len(), all.len() - 1);
    // A click on the last tick scrolls the column to its mark.
    let name =
        harness.state().analysis.as_ref().unwrap().report.documents[document.get()].display_name();
    let map = harness
        .get_by_label(&format!("Change map of {name}"))
        .rect();
    let last = *ticks(harness.state())
        .iter()
        .max_by(|a, b| a.top.total_cmp(&b.top))
        .unwrap();
    let layout_height = {
        let analysis = harness.state().analysis.as_ref().unwrap();
        analysis.layouts[document.get()].as_ref().unwrap().height
    };
    let clip = column_rect(harness.state(), document).unwrap();
    let y = map.min.y
        + (last.top + last.bottom) / 2.0 * map.height() / layout_height.max(clip.height());
    assert!(
        clip.min.y - harness.state().geometry[0].origin.y < 1.0,
        "the column starts at the top"
    );
    click_at(
        &mut harness,
        egui::pos2(map.center().x, y),
        egui::Modifiers::NONE,
    );
    harness.run();
    let column = harness.state().geometry[0];
    let top = column.origin.y + last.top;
    let bottom = column.origin.y + last.bottom;
    assert!(
        column.clip.min.y <= top && bottom <= column.clip.max.y,
        "the mark at {top}..{bottom} is in view in {:?}",
        column.clip
    );
}
