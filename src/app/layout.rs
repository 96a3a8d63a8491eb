//! Text layout of one document column, cached.
//!
//! A document is laid out paragraph by paragraph, each paragraph into its own galley, so that
//! painting can skip everything outside the visible part of the column and a resize only
//! re-lays out what is needed. The layout of a document is rebuilt only when the report,
//! the column width or the theme changes, never per frame. Event tints and finding marks are
//! part of the layout; the selection, search hits and hover are drawn over it.

use super::marks::DocumentMarks;
use super::palette;
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontFamily, FontId, Galley, Pos2, Rect, Stroke, Vec2};
use parallax::model::{Document, FindingKind, Format, Passage, PassageRole};
use std::ops::Range;
use std::sync::Arc;

/// Body text size in points.
pub const BODY_SIZE: f32 = 15.0;
/// Space between paragraphs in points.
const PARAGRAPH_GAP: f32 = 10.0;
/// The size markup a reader does not see is drawn at (transparent, next to no width): the
/// text keeps its bytes, so every offset stays exact (`markup`).
const HIDDEN_SIZE: f32 = 0.05;

/// One laid-out paragraph.
pub struct ParagraphLayout {
    /// Byte range of the paragraph in the document text.
    pub range: Range<usize>,
    /// Offset of the paragraph's top from the top of the column content.
    pub top: f32,
    pub galley: Arc<Galley>,
}

/// A laid-out document column.
pub struct DocumentLayout {
    pub width: f32,
    pub dark: bool,
    pub paragraphs: Vec<ParagraphLayout>,
    pub height: f32,
    /// For each passage, its rectangle in content coordinates (spanning the column width).
    pub passage_rects: Vec<Rect>,
    /// For each finding mark (same order as [`DocumentMarks::marks`]), its rectangles.
    pub mark_rects: Vec<Vec<Rect>>,
}

/// Most combining marks drawn on one base character. Real text uses one or two (Vietnamese
/// three); a letter with hundreds of them ("Zalgo" text) would draw across the column.
pub const MAX_COMBINING_MARKS: usize = 4;

/// The text as drawn: every combining mark beyond [`MAX_COMBINING_MARKS`] on one base
/// character is replaced by an invisible character of the same UTF-8 length (the combining
/// grapheme joiner for two-byte marks, a zero-width space for three-byte ones), so that byte
/// offsets and character indices stay exactly those of the document text.
pub fn display_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut marks = 0;
    for c in text.chars() {
        if unicode_normalization::char::is_combining_mark(c) {
            marks += 1;
            if marks > MAX_COMBINING_MARKS {
                match c.len_utf8() {
                    2 => out.push('\u{034F}'),
                    3 => out.push('\u{200B}'),
                    _ => out.push(c),
                }
                continue;
            }
        } else {
            marks = 0;
        }
        out.push(c);
    }
    out
}

fn char_index(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    let byte = text.floor_char_boundary(byte);
    text[..byte].chars().count()
}

impl DocumentLayout {
    /// The zoom (physical pixels per point) the text was laid out for. Galleys hold glyphs
    /// placed for one zoom: after a zoom change they must be laid out again (egui's own
    /// galley cache is cleared then; this one is checked by its users).
    pub fn pixels_per_point(&self) -> Option<f32> {
        self.paragraphs.first().map(|p| p.galley.pixels_per_point)
    }

    /// Whether this layout can be drawn in a column of `width` points, in the `dark` theme
    /// or not, at `pixels_per_point`.
    pub fn fits(&self, width: f32, dark: bool, pixels_per_point: f32) -> bool {
        (self.width - width).abs() <= 0.5
            && self.dark == dark
            && self
                .pixels_per_point()
                .is_none_or(|p| (p - pixels_per_point).abs() < 1e-4)
    }

    /// Lays out a document for a column of `width` points.
    pub fn new(
        fonts: &mut egui::epaint::text::FontsView<'_>,
        document: &Document,
        marks: &DocumentMarks,
        width: f32,
        dark: bool,
    ) -> DocumentLayout {
        let text = &document.text;
        let styler = Styler::new(document, marks, dark);
        let mut paragraphs = Vec::new();
        let mut top = 0.0;
        for range in parallax::segment::paragraphs(text) {
            let galley = fonts.layout_job(styler.job(range.clone(), width));
            let height = galley.size().y;
            paragraphs.push(ParagraphLayout { range, top, galley });
            top += height + PARAGRAPH_GAP;
        }
        let mut layout = DocumentLayout {
            width,
            dark,
            paragraphs,
            height: top,
            passage_rects: Vec::new(),
            mark_rects: Vec::new(),
        };
        layout.passage_rects = document
            .passages
            .iter()
            .map(|p| layout.span_bounds(text, p.start, p.end))
            .collect();
        layout.mark_rects = marks
            .marks
            .iter()
            .map(|m| layout.span_rects(text, m.start, m.end))
            .collect();
        layout
    }

    /// The paragraph holding a byte offset; an offset at a paragraph's end (the cursor after
    /// its last character) belongs to that paragraph.
    fn paragraph_of(&self, byte: usize) -> Option<&ParagraphLayout> {
        let index = self.paragraphs.partition_point(|p| p.range.end < byte);
        self.paragraphs.get(index).filter(|p| p.range.start <= byte)
    }

    /// The rectangle of a cursor at a byte offset, in content coordinates.
    ///
    /// Where a line wraps, the offset after the last character of a row is also the offset
    /// of the first character of the next: a span *starts* on the next row
    /// (`starts_span`), and *ends* on the row before. Placing a start at the end of the
    /// previous row drew an empty outline box there (issue 11).
    fn cursor_rect(&self, text: &str, byte: usize, starts_span: bool) -> Option<Rect> {
        let paragraph = self.paragraph_of(byte)?;
        let slice = &text[paragraph.range.clone()];
        let index = char_index(slice, byte - paragraph.range.start);
        let cursor = CCursor {
            prefer_next_row: starts_span,
            ..CCursor::new(index)
        };
        let rect = paragraph.galley.pos_from_cursor(cursor);
        Some(rect.translate(Vec2::new(0.0, paragraph.top)))
    }

    /// The full-width band covering a span.
    fn span_bounds(&self, text: &str, start: usize, end: usize) -> Rect {
        match (
            self.cursor_rect(text, start, true),
            self.cursor_rect(text, end.saturating_sub(1).max(start), true),
        ) {
            (Some(a), Some(b)) => {
                Rect::from_min_max(Pos2::new(0.0, a.min.y), Pos2::new(self.width, b.max.y))
            }
            _ => Rect::NOTHING,
        }
    }

    /// The rectangles a span covers, one per row.
    pub fn span_rects(&self, text: &str, start: usize, end: usize) -> Vec<Rect> {
        let (Some(a), Some(b)) = (
            self.cursor_rect(text, start, true),
            self.cursor_rect(text, end, false),
        ) else {
            return Vec::new();
        };
        if (a.min.y - b.min.y).abs() < 1.0 {
            return vec![Rect::from_min_max(a.min, Pos2::new(b.max.x, a.max.y))];
        }
        let mut rects = vec![Rect::from_min_max(a.min, Pos2::new(self.width, a.max.y))];
        if b.min.y > a.max.y + 1.0 {
            rects.push(Rect::from_min_max(
                Pos2::new(0.0, a.max.y),
                Pos2::new(self.width, b.min.y),
            ));
        }
        rects.push(Rect::from_min_max(Pos2::new(0.0, b.min.y), b.max));
        rects
    }

    /// The byte offset under a point in content coordinates.
    pub fn byte_at(&self, text: &str, point: Pos2) -> Option<usize> {
        let index = self
            .paragraphs
            .partition_point(|p| p.top + p.galley.size().y < point.y);
        let paragraph = self.paragraphs.get(index)?;
        if point.y < paragraph.top {
            return None;
        }
        let local = point - Pos2::new(0.0, paragraph.top);
        let cursor = paragraph.galley.cursor_from_pos(local);
        let slice = &text[paragraph.range.clone()];
        let chars: usize = cursor.index.into();
        let byte: usize = slice
            .char_indices()
            .nth(chars)
            .map_or(slice.len(), |(b, _)| b);
        Some(paragraph.range.start + byte)
    }

    /// Paragraphs that intersect the vertical range `[top, bottom]`.
    pub fn visible(&self, top: f32, bottom: f32) -> impl Iterator<Item = &ParagraphLayout> {
        let first = self
            .paragraphs
            .partition_point(|p| p.top + p.galley.size().y < top);
        self.paragraphs[first..]
            .iter()
            .take_while(move |p| p.top <= bottom)
    }
}

/// How a document's text is styled: each passage's role and event tint, the finding marks,
/// and Markdown's markup (hidden) and emphasis.
struct Styler<'a> {
    document: &'a Document,
    marks: &'a DocumentMarks,
    dark: bool,
    text: Color32,
    heading: Color32,
    muted: Color32,
}

/// What one paragraph holds: its passages, the role of text outside them, and its markup in
/// document offsets.
struct Spans<'a> {
    passages: Vec<&'a Passage>,
    role: PassageRole,
    hidden: Vec<Range<usize>>,
    strong: Vec<Range<usize>>,
    emphasis: Vec<Range<usize>>,
}

fn within(ranges: &[Range<usize>], start: usize, end: usize) -> bool {
    ranges.iter().any(|r| r.start <= start && end <= r.end)
}

impl<'a> Styler<'a> {
    fn new(document: &'a Document, marks: &'a DocumentMarks, dark: bool) -> Styler<'a> {
        let gray = |dark_gray: u8, light_gray: u8| {
            Color32::from_gray(if dark { dark_gray } else { light_gray })
        };
        Styler {
            document,
            marks,
            dark,
            text: gray(225, 30),
            heading: gray(245, 10),
            muted: gray(140, 120),
        }
    }

    fn style(&self, role: PassageRole) -> TextFormat {
        let (size, color) = match role {
            PassageRole::Heading => (BODY_SIZE * 1.25, self.heading),
            PassageRole::Boilerplate => (BODY_SIZE * 0.85, self.muted),
            PassageRole::Body => (BODY_SIZE, self.text),
        };
        TextFormat {
            font_id: FontId::new(size, FontFamily::Proportional),
            color,
            line_height: Some(size * 1.5),
            ..TextFormat::default()
        }
    }

    /// Each passage's role decides the style of its text, and its event the tint. A
    /// paragraph whose first line is a date header (a boilerplate passage) is not all
    /// boilerplate: the lead after it is body text (issue 11 saw whole leads greyed). Text
    /// outside every passage takes the paragraph's main role.
    fn spans(&self, range: &Range<usize>) -> Spans<'a> {
        let passages: Vec<&Passage> = self
            .document
            .passages
            .iter()
            .filter(|p| p.start >= range.start && p.end <= range.end)
            .collect();
        let role = passages
            .iter()
            .find(|p| p.role != PassageRole::Boilerplate)
            .or(passages.first())
            .map_or(PassageRole::Boilerplate, |p| p.role);
        let markup = if self.document.format == Format::Markdown {
            super::markup::markdown(&self.document.text[range.clone()])
        } else {
            super::markup::Markup::default()
        };
        let shift = |ranges: Vec<Range<usize>>| -> Vec<Range<usize>> {
            ranges
                .into_iter()
                .map(|r| r.start + range.start..r.end + range.start)
                .collect()
        };
        Spans {
            passages,
            role,
            hidden: shift(markup.hidden),
            strong: shift(markup.strong),
            emphasis: shift(markup.emphasis),
        }
    }

    /// Where the style may change: passage edges, mark edges and markup.
    fn cuts(&self, range: &Range<usize>, spans: &Spans) -> Vec<usize> {
        let mut cuts: Vec<usize> = vec![range.start, range.end];
        for edge in spans
            .hidden
            .iter()
            .chain(&spans.strong)
            .chain(&spans.emphasis)
        {
            cuts.extend([edge.start, edge.end]);
        }
        for passage in &spans.passages {
            cuts.extend([passage.start, passage.end]);
        }
        for mark in &self.marks.marks {
            if mark.end > range.start && mark.start < range.end {
                cuts.push(mark.start.clamp(range.start, range.end));
                cuts.push(mark.end.clamp(range.start, range.end));
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        cuts
    }

    /// The format of the text from `start` to `end` (between two cuts).
    fn format(&self, start: usize, end: usize, spans: &Spans) -> TextFormat {
        if within(&spans.hidden, start, end) {
            // Markup a reader does not see: transparent, next to no width.
            return TextFormat {
                font_id: FontId::new(HIDDEN_SIZE, FontFamily::Proportional),
                color: Color32::TRANSPARENT,
                ..TextFormat::default()
            };
        }
        let passage = spans
            .passages
            .iter()
            .find(|p| p.start <= start && end <= p.end);
        let mut format = self.style(passage.map_or(spans.role, |p| p.role));
        if within(&spans.strong, start, end) {
            format.color = self.heading;
        }
        format.italics = within(&spans.emphasis, start, end);
        if let Some(passage) = passage
            && let Some(event) = self.marks.passage_event[passage.index.get()]
        {
            format.background = palette::event_tint(event.get(), self.dark);
        }
        // The most specific mark wins: a difference over an agreement.
        let mark = self
            .marks
            .marks
            .iter()
            .filter(|m| m.start <= start && end <= m.end)
            .max_by_key(|m| (!m.dismissed, m.kind != FindingKind::Agreement, m.start));
        if let Some(mark) = mark {
            let color = if mark.dismissed {
                Color32::from_gray(150)
            } else {
                palette::kind_color(mark.kind)
            };
            format.underline = Stroke::new(2.0, color);
            format.background = color.gamma_multiply(if self.dark { 0.35 } else { 0.22 });
        }
        format
    }

    /// The layout job of one paragraph.
    fn job(&self, range: Range<usize>, width: f32) -> LayoutJob {
        let spans = self.spans(&range);
        let mut job = LayoutJob {
            text: display_text(&self.document.text[range.clone()]),
            ..LayoutJob::default()
        };
        job.wrap.max_width = width;
        for window in self.cuts(&range, &spans).windows(2) {
            let (start, end) = (window[0], window[1]);
            if start >= end {
                continue;
            }
            job.sections.push(egui::text::LayoutSection {
                leading_space: 0.0,
                byte_range: egui::text::ByteIndex(start - range.start)
                    ..egui::text::ByteIndex(end - range.start),
                format: self.format(start, end, &spans),
            });
        }
        job
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A layout of one paragraph, `text`, wrapped at `width` points.
    fn single_paragraph(text: &str, width: f32) -> DocumentLayout {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(Default::default(), |_| {});
        output.textures_delta.clear();
        let mut job = LayoutJob::simple(
            text.to_string(),
            FontId::proportional(BODY_SIZE),
            Color32::BLACK,
            width,
        );
        job.wrap.max_width = width;
        let galley = ctx.fonts_mut(|fonts| fonts.layout_job(job));
        let height = galley.size().y;
        DocumentLayout {
            width,
            dark: false,
            paragraphs: vec![ParagraphLayout {
                range: 0..text.len(),
                top: 0.0,
                galley,
            }],
            height,
            passage_rects: Vec::new(),
            mark_rects: Vec::new(),
        }
    }

    /// Issue 11: a marked span that starts right after a wrap drew a stray empty outline box
    /// at the end of the previous line. It covers its own row only.
    #[test]
    fn a_span_starting_after_a_wrap_has_no_box_on_the_previous_line() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda";
        let layout = single_paragraph(text, 120.0);
        let galley = &layout.paragraphs[0].galley;
        assert!(galley.rows.len() >= 3, "the text must wrap");
        // The first word of the second row, as the wrap placed it.
        let first_row_chars: usize = galley.rows[0].char_count_including_newline().into();
        let start = text.char_indices().nth(first_row_chars).unwrap().0;
        let end = start + text[start..].find(' ').unwrap();
        let rects = layout.span_rects(text, start, end);
        assert_eq!(rects.len(), 1, "{rects:?}");
        let row = galley.rows[1].rect();
        assert!(
            (rects[0].min.y - row.min.y).abs() < 1.0,
            "{rects:?} {row:?}"
        );
        assert!(rects[0].width() > 5.0, "{rects:?}");
        // A span ending right before the wrap stays on its own row too.
        let word_start = text[..start].trim_end().rfind(' ').map_or(0, |i| i + 1);
        let rects = layout.span_rects(text, word_start, start);
        assert_eq!(rects.len(), 1, "{rects:?}");
        assert!(rects[0].max.y <= row.min.y + 1.0, "{rects:?} {row:?}");
    }

    /// Issue 11: a lead paragraph that starts with a date header was greyed as boilerplate
    /// as a whole, because the paragraph took the style of its first passage (the engine
    /// makes the header a boilerplate passage and the rest of the paragraph body sentences).
    /// The date is small and grey; the lead after it is body text.
    #[test]
    fn a_lead_under_a_date_header_is_body_text() {
        let article = |name: &str, lead: &str| {
            parallax::Input::Memory {
            name: name.into(),
            bytes: format!(
                "Date: 16 March 2025 {lead}\n\nThe ministers met again on Friday to discuss the border.\n"
            )
            .into_bytes(),
        }
        };
        let inputs = [
            article(
                "a.txt",
                "The army said on Tuesday that 5,000 troops crossed the northern border near the river town of Kesh.",
            ),
            article(
                "b.txt",
                "Some 5,100 soldiers crossed the northern border near Kesh on Tuesday, the army said.",
            ),
        ];
        let report = parallax::compare(
            &inputs,
            &parallax::Settings::default(),
            &parallax::progress::Progress::new(),
        )
        .unwrap();
        let marks = crate::app::marks::marks(&report);
        let document = &report.documents[0];
        let header = document.passages.first().expect("passages");
        assert_eq!(header.role, PassageRole::Boilerplate, "the engine's header");
        let lead_start = document.text.find("The army").unwrap();
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(Default::default(), |_| {});
        output.textures_delta.clear();
        let layout =
            ctx.fonts_mut(|fonts| DocumentLayout::new(fonts, document, &marks[0], 400.0, false));
        let paragraph = &layout.paragraphs[0];
        assert!(
            paragraph.range.contains(&lead_start),
            "one paragraph: {:?} {:?} {:?}",
            layout
                .paragraphs
                .iter()
                .map(|p| p.range.clone())
                .collect::<Vec<_>>(),
            document
                .passages
                .iter()
                .map(|p| (p.start, p.end, p.role))
                .collect::<Vec<_>>(),
            document.text
        );
        let format_at = |byte: usize| {
            let local = byte - paragraph.range.start;
            paragraph
                .galley
                .job
                .sections
                .iter()
                .find(|s| s.byte_range.start.0 <= local && local < s.byte_range.end.0)
                .map(|s| s.format.clone())
                .unwrap()
        };
        assert_eq!(format_at(lead_start).font_id.size, BODY_SIZE);
        assert_eq!(format_at(lead_start).color, Color32::from_gray(30));
        assert!(
            format_at(0).font_id.size < BODY_SIZE,
            "the date stays small"
        );
    }
}
