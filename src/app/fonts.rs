//! The bundled fonts: Noto Sans for Latin (with extensions), Greek and Cyrillic, with Noto
//! Sans Arabic and Noto Sans Hebrew as fallbacks, so that no article renders as empty boxes.
//! egui does not yet lay out right-to-left text: Arabic and Hebrew show their glyphs in
//! logical order (noted in the README). Licence: `assets/fonts/OFL.txt`.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
const NOTO_ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");
const NOTO_HEBREW: &[u8] = include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf");

/// The name of the bold family, for headings.
pub const BOLD: &str = "bold";

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
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, "noto-sans".to_owned());
    proportional.push("noto-arabic".to_owned());
    proportional.push("noto-hebrew".to_owned());
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
    fonts
}
