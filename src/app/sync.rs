//! Keeping the columns in step (Meld's synchronised scrolling; View → "Keep columns in
//! step", on by default).
//!
//! The column the user scrolls leads (with a pinned base, only the base leads: the others
//! can still be browsed one by one). When the passage at the leader's reading line (a
//! third of the way down its view) belongs to an event, every other drawn column that
//! reports the event scrolls its first passage of the event level with the leader's; a
//! column that does not report it stays where it is. Only scrolling by the user leads:
//! selecting (F7, a click, the events list) scrolls each column to its own passage as before,
//! and "Compare two" simply has two columns to keep in step.
//!
//! A column's scroll is read after it is drawn (`column_text`), the followers' offsets are
//! worked out once every column is drawn ([`follow`]) and set in the next frame.

use super::ParallaxApp;
use parallax::model::DocId;

/// Where the reading line is, as a fraction of a column's visible height from its top.
pub const READING_LINE: f32 = 0.3;

/// What a column's scroll did this frame, for [`ParallaxApp::scrolled`].
#[derive(Debug, Clone, Copy)]
pub struct ColumnScroll {
    pub document: DocId,
    pub offset: f32,
    /// The wheel turned or a button was held over the column this frame.
    pub by_user: bool,
}

impl ParallaxApp {
    /// The offset to give a column's vertical scroll this frame, if the columns are being
    /// kept in step (or the change map jumped).
    pub(crate) fn take_sync_offset(&mut self, document: DocId) -> Option<f32> {
        let at = self.sync_targets.iter().position(|(d, _)| *d == document)?;
        Some(self.sync_targets.remove(at).1)
    }

    /// Records where a column is scrolled; the column the user moved leads this frame.
    pub(crate) fn scrolled(&mut self, scroll: ColumnScroll) {
        let before = self.scroll_offsets.insert(scroll.document, scroll.offset);
        let moved = before.is_some_and(|b| (b - scroll.offset).abs() > 0.1);
        let jumped = self.map_jumped == Some(scroll.document);
        if jumped {
            self.map_jumped = None;
        }
        if moved && (scroll.by_user || jumped) {
            self.sync_lead = Some(scroll.document);
        }
    }
}

/// The passage at a line (content coordinates) of a column: of those whose band holds the
/// line, the one starting last (a line can end one sentence and start the next); else the
/// first one below the line.
pub fn passage_at_line(rects: &[egui::Rect], line: f32) -> Option<usize> {
    let holding = rects
        .iter()
        .enumerate()
        .filter(|(_, r)| r.min.y <= line && line <= r.max.y)
        .max_by(|a, b| a.1.min.y.total_cmp(&b.1.min.y));
    let below = || {
        rects
            .iter()
            .enumerate()
            .filter(|(_, r)| r.min.y > line)
            .min_by(|a, b| a.1.min.y.total_cmp(&b.1.min.y))
    };
    holding.or_else(below).map(|(index, _)| index)
}

/// Once every column is drawn: the offsets that bring the other columns level with the
/// leader, set in the next frame.
pub fn follow(app: &mut ParallaxApp) {
    let Some(lead) = app.sync_lead.take() else {
        return;
    };
    if !app.remembered.sync_scroll {
        return;
    }
    if app
        .pinned
        .is_some_and(|base| base != lead && app.geometry.iter().any(|c| c.document == base))
    {
        return;
    }
    let Some(analysis) = &app.analysis else {
        return;
    };
    let Some(leader) = app.geometry.iter().find(|c| c.document == lead) else {
        return;
    };
    let Some(layout) = analysis.layouts[lead.get()].as_ref() else {
        return;
    };
    // The offset the leader has now (its text was drawn at the one before: a scroll area
    // applies the wheel after drawing).
    let scrolled_to = |column: &super::columns::ColumnGeometry| {
        app.scroll_offsets
            .get(&column.document)
            .copied()
            .unwrap_or(column.clip.min.y - column.origin.y)
    };
    let top = leader.clip.min.y - scrolled_to(leader);
    let line = leader.clip.min.y + READING_LINE * leader.clip.height() - top;
    let Some(passage) = passage_at_line(&layout.passage_rects, line) else {
        return;
    };
    let rect = layout.passage_rects[passage];
    let Some(event) = analysis.marks[lead.get()].passage_event[passage] else {
        return;
    };
    // Where the leader's passage starts on screen.
    let level = top + rect.min.y;
    let event = &analysis.report.events[event.get()];
    let mut targets = Vec::new();
    for column in app.geometry.iter().filter(|c| c.document != lead) {
        let Some(first) = event
            .passages
            .iter()
            .filter(|p| p.document == column.document)
            .min_by_key(|p| p.passage)
        else {
            continue;
        };
        let Some(follower) = analysis.layouts[column.document.get()].as_ref() else {
            continue;
        };
        let start = follower.passage_rects[first.passage.get()].min.y;
        let most = (follower.height - column.clip.height()).max(0.0);
        let offset = (start - (level - column.clip.min.y)).clamp(0.0, most);
        let now = scrolled_to(column);
        if (offset - now).abs() > 0.5 {
            targets.push((column.document, offset));
        }
    }
    app.sync_targets
        .retain(|(d, _)| !targets.iter().any(|(t, _)| t == d));
    app.sync_targets.extend(targets);
}
