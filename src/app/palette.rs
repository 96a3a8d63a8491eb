//! Colours: one consistent mark per finding kind, from the Okabe–Ito palette, which stays
//! distinguishable for the common forms of colour blindness; and soft tints for events.

use egui::Color32;
use parallax::model::FindingKind;

/// The colour of a finding kind's mark.
pub fn kind_color(kind: FindingKind) -> Color32 {
    match kind {
        FindingKind::NumberMismatch => Color32::from_rgb(213, 94, 0), // vermillion
        FindingKind::DateMismatch => Color32::from_rgb(230, 159, 0),  // orange
        FindingKind::NameVariant => Color32::from_rgb(0, 114, 178),   // blue
        FindingKind::QuoteAttribution => Color32::from_rgb(204, 121, 167), // reddish purple
        FindingKind::Contradiction => Color32::from_rgb(180, 30, 60), // crimson
        FindingKind::Wording => Color32::from_rgb(86, 180, 233),      // sky blue
        FindingKind::Agreement => Color32::from_rgb(0, 158, 115),     // bluish green
        FindingKind::Unique => Color32::from_rgb(120, 120, 120),      // grey
        FindingKind::CopyEdit => Color32::from_rgb(150, 130, 0),      // dark yellow
        FindingKind::QuoteWording => Color32::from_rgb(150, 80, 130), // dark reddish purple
    }
}

/// A short symbol for each kind, shown next to its colour so that colour is never the only
/// cue. The engine owns the list, so the viewer and the exports show the same symbols.
pub use parallax::report::kind_symbol;

/// A soft tint for an event, stable for its index, readable under text in either theme.
pub fn event_tint(event: usize, dark: bool) -> Color32 {
    // Golden-angle hues spread neighbouring events apart.
    let hue = (event as f32 * 137.508) % 360.0;
    let (r, g, b) = hsl_to_rgb(hue, 0.45, if dark { 0.30 } else { 0.88 });
    Color32::from_rgba_unmultiplied(r, g, b, if dark { 70 } else { 110 })
}

/// The strong version of an event's colour, for outlines, dots and connectors.
pub fn event_color(event: usize, dark: bool) -> Color32 {
    let hue = (event as f32 * 137.508) % 360.0;
    let (r, g, b) = hsl_to_rgb(hue, 0.6, if dark { 0.62 } else { 0.42 });
    Color32::from_rgb(r, g, b)
}

fn hsl_to_rgb(hue: f32, saturation: f32, lightness: f32) -> (u8, u8, u8) {
    let c = (1.0 - (2.0 * lightness - 1.0).abs()) * saturation;
    let h = hue / 60.0;
    let x = c * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = lightness - c / 2.0;
    let to = |v: f32| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    (to(r), to(g), to(b))
}

/// The colour of note markers in the margin.
pub const NOTE_COLOR: Color32 = Color32::from_rgb(120, 94, 240);

/// A colour per source, for the coverage dots.
pub fn source_color(document: parallax::model::DocId, dark: bool) -> Color32 {
    event_color(document.get() * 7 + 3, dark)
}
