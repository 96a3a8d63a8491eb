//! The bundled fonts: Noto Sans for Latin (with extensions), Greek and Cyrillic, with Noto
//! Sans Arabic and Noto Sans Hebrew as fallbacks, so that no article renders as empty boxes.
//! Emoji and symbols come last: Noto Emoji (monochrome) and emoji-icon-font, the fonts egui
//! ships behind its `monochrome_emoji_fonts` feature, bundled here; arrows (→) come from
//! egui's Hack, which no other bundled font covers. The test at the end checks every glyph
//! the viewer's own labels use, and common symbols and emoji of news text (issue 11 saw "→"
//! and emoji as boxes).
//!
//! egui does not yet lay out right-to-left text: Arabic and Hebrew show their glyphs in
//! logical order (noted in the README). Licences: `assets/fonts/OFL.txt` (Noto) and
//! `assets/fonts/emoji-icon-font-mit-license.txt`.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
const NOTO_ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");
const NOTO_HEBREW: &[u8] = include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf");
const NOTO_EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf");
const EMOJI_ICON: &[u8] = include_bytes!("../../assets/fonts/emoji-icon-font.ttf");

/// The name of the bold family, for headings.
pub const BOLD: &str = "bold";

/// Fonts of the system that cover Chinese and Japanese, which no bundled font does (a CJK
/// font is 10 to 20 MB): the first one found is added as a last fallback. `(path, face)`.
const SYSTEM_CJK_FONTS: &[(&str, u32)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 0),
    (
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        0,
    ),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    (
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        0,
    ),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/Hiragino Sans GB.ttc", 0),
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
    ("C:\\Windows\\Fonts\\YuGothM.ttc", 0),
];

/// Where the search for a system CJK font stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemFont {
    /// Still looking (on a thread of its own: reading a font file is disk work).
    Searching,
    /// Found and added to the fonts.
    Added,
    /// None of the known fonts is on this system.
    Missing,
}

type Found = Option<(Vec<u8>, u32)>;

fn system_search() -> &'static std::sync::Mutex<Option<Found>> {
    static FOUND: std::sync::OnceLock<std::sync::Mutex<Option<Found>>> = std::sync::OnceLock::new();
    FOUND.get_or_init(|| {
        std::thread::spawn(|| {
            let found = SYSTEM_CJK_FONTS
                .iter()
                .find_map(|(path, face)| std::fs::read(path).ok().map(|bytes| (bytes, *face)));
            if let Ok(mut slot) = system_search().lock() {
                *slot = Some(found);
            }
        });
        std::sync::Mutex::new(None)
    })
}

/// Starts the search for a system CJK font, then, once one is found, adds it to `ctx` as
/// the last fallback of every family. Call once a frame; returns where the search stands
/// ([`SystemFont::Added`] only on the frame the font was added: lay text out again then).
pub fn poll_system_font(ctx: &egui::Context, state: &mut SystemFont) -> bool {
    if *state != SystemFont::Searching {
        return false;
    }
    let Ok(mut slot) = system_search().lock() else {
        *state = SystemFont::Missing;
        return false;
    };
    match slot.take() {
        None => false,
        Some(None) => {
            *state = SystemFont::Missing;
            false
        }
        Some(Some((bytes, face))) => {
            let mut data = FontData::from_owned(bytes);
            data.index = face;
            let families = [
                FontFamily::Proportional,
                FontFamily::Monospace,
                FontFamily::Name(BOLD.into()),
            ]
            .into_iter()
            .map(|family| egui::epaint::text::InsertFontFamily {
                family,
                priority: egui::epaint::text::FontPriority::Lowest,
            })
            .collect();
            ctx.add_font(egui::epaint::text::FontInsert::new(
                "system-cjk",
                data,
                families,
            ));
            *state = SystemFont::Added;
            true
        }
    }
}

/// egui's fonts with Noto first and the script fallbacks last.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [
        ("noto-sans", NOTO_SANS),
        ("noto-sans-bold", NOTO_SANS_BOLD),
        ("noto-arabic", NOTO_ARABIC),
        ("noto-hebrew", NOTO_HEBREW),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    // The emoji fonts are drawn a little smaller, as egui does, to sit on the line.
    for (name, bytes, scale) in [
        ("noto-emoji", NOTO_EMOJI, 0.81),
        ("emoji-icon-font", EMOJI_ICON, 0.90),
    ] {
        let tweak = egui::FontTweak {
            scale,
            ..Default::default()
        };
        fonts.font_data.insert(
            name.to_owned(),
            Arc::new(FontData::from_static(bytes).tweak(tweak)),
        );
    }
    // Last resorts, after the fonts that cover the text of a script.
    let symbols = ["noto-emoji", "emoji-icon-font", "Hack"].map(str::to_owned);
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, "noto-sans".to_owned());
    proportional.push("noto-arabic".to_owned());
    proportional.push("noto-hebrew".to_owned());
    proportional.extend(symbols.iter().cloned());
    let fallbacks = proportional.clone();
    let bold = fonts
        .families
        .entry(FontFamily::Name(BOLD.into()))
        .or_default();
    bold.push("noto-sans-bold".to_owned());
    bold.extend(fallbacks);
    let monospace = fonts.families.entry(FontFamily::Monospace).or_default();
    monospace.push("noto-sans".to_owned());
    monospace.push("noto-arabic".to_owned());
    monospace.push("noto-hebrew".to_owned());
    monospace.extend(symbols);
    fonts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters the viewer's own text uses: every non-ASCII character in the sources of
    /// `src/app` (labels, hints, symbols; comments too, to be safe), read at test time so
    /// that a new label cannot bring in a glyph the fonts lack.
    fn ui_characters() -> std::collections::BTreeSet<char> {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
        let mut chars = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                chars.extend(text.chars().filter(|c| !c.is_ascii()));
            }
        }
        for kind in parallax::model::FindingKind::ALL {
            chars.extend(parallax::report::kind_symbol(kind).chars());
        }
        chars
    }

    /// Characters news articles use that the issue saw drawn as boxes ("→" and emoji), and
    /// their neighbours: arrows, currency, typographic marks, common emoji and symbols. (The
    /// light check and cross marks, U+2713 and U+2717, are in none of the bundled fonts.)
    const ARTICLE_CHARACTERS: &str = "→←↑↓↔€£¥₹₽°№‘’“”„«»‹›–—…•·×÷≠≈±½¼¾™©®§¶✔★☆⚠❤👍😀😂🙏🔥📷🇺🇸";

    #[test]
    fn the_bundled_fonts_cover_every_glyph_the_viewer_and_articles_use() {
        let ctx = egui::Context::default();
        ctx.set_fonts(definitions());
        let mut output = ctx.run_ui(Default::default(), |_| {});
        output.textures_delta.clear();
        let mut wanted = ui_characters();
        wanted.extend(ARTICLE_CHARACTERS.chars());
        let mut missing = Vec::new();
        for family in [
            FontFamily::Proportional,
            FontFamily::Monospace,
            FontFamily::Name(BOLD.into()),
        ] {
            let font_id = egui::FontId::new(14.0, family.clone());
            for c in &wanted {
                // Regional indicators and variation selectors combine with what follows.
                if ('\u{1F1E6}'..='\u{1F1FF}').contains(c) || ('\u{FE00}'..='\u{FE0F}').contains(c)
                {
                    continue;
                }
                if !ctx.fonts_mut(|fonts| fonts.has_glyph(&font_id, *c)) {
                    missing.push(format!("{c} U+{:04X} in {family:?}", *c as u32));
                }
            }
        }
        assert!(missing.is_empty(), "no glyph for: {missing:#?}");
    }
}
