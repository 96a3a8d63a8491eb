//! Sizes: Fit columns, narrow windows (events strip, inspector beside the columns), a stable
//! inspector width, text that must not draw outside its column.

use super::*;

/// Issue 12, case 6: a letter with 200 combining accents must not draw a line across the
/// column. Shaped, the marks stack upwards into a tower; the marks beyond a few are drawn as
/// invisible characters of the same length, so what is drawn is the size of a letter with a
/// few accents, and offsets still match.
#[test]
fn case_6_combining_marks_do_not_draw_across_the_column() {
    use crate::app::layout::{MAX_COMBINING_MARKS, display_text};
    let zalgo = format!("Z{}", "\u{0301}".repeat(200));
    let shown = display_text(&zalgo);
    assert_eq!(shown.len(), zalgo.len());
    assert_eq!(shown.chars().count(), zalgo.chars().count());
    assert_eq!(
        display_text("Goïta, Nguyễn"),
        "Goïta, Nguyễn",
        "ordinary accents are kept"
    );
    let ctx = egui::Context::default();
    ctx.set_fonts(crate::app::fonts::definitions());
    // A frame installs the fonts; its texture upload is not needed here.
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    // The extent of what is drawn (shaped marks stack upwards, so height is what grows).
    let extent = |text: &str| {
        ctx.fonts_mut(|fonts| {
            let galley = fonts.layout_no_wrap(
                text.to_string(),
                egui::FontId::proportional(15.0),
                egui::Color32::WHITE,
            );
            let bounds = galley.mesh_bounds;
            bounds.width().max(0.0) + bounds.height().max(0.0)
        })
    };
    let few = extent(&format!("Z{}", "\u{0301}".repeat(MAX_COMBINING_MARKS)));
    // Drawn as is, the marks stack into a tower many lines high.
    assert!(extent(&zalgo) > 10.0 * few);
    let many = extent(&shown);
    assert!(many <= few + 2.0, "{many} against {few}");
}

#[test]
fn fit_columns_shares_the_width_and_can_be_turned_off_from_the_view_menu() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    // Without the side panels the four columns fit at 1600 points.
    harness.state_mut().show_inspector = false;
    harness.state_mut().show_events = false;
    harness.run();
    assert!(
        harness.state().fit_columns(),
        "on by default for four columns"
    );
    let order = harness.state().column_order.clone();
    for document in &order {
        assert!(
            column_in_view(harness.state(), *document),
            "{:?} in {:?}",
            harness.state().geometry,
            harness.state().columns_viewport
        );
        let width = column_rect(harness.state(), *document).unwrap().width();
        assert!(width >= crate::app::columns::FIT_MIN_WIDTH - 1.0, "{width}");
    }
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Fit columns").click();
    harness.run();
    assert_eq!(harness.state().remembered.fit_columns, Some(false));
    assert!(!column_in_view(harness.state(), *order.last().unwrap()));
}

#[test]
fn at_900_by_600_the_events_panel_folds_and_a_whole_column_is_readable() {
    let mut harness = harness_sized(app_with(crate::app::sample_files(), false), 900.0, 600.0);
    harness.run();
    assert!(harness.state().narrow);
    assert!(
        harness.query_by_label("Events").is_none(),
        "folded to a strip"
    );
    let app = harness.state();
    let readable = app
        .geometry
        .iter()
        .any(|c| c.clip.width() >= 300.0 && column_in_view(app, c.document));
    assert!(readable, "{:?} in {:?}", app.geometry, app.columns_viewport);
    // The strip's button opens the panel, and its « folds it again.
    harness.get_by_label("»").click();
    harness.run();
    harness.get_by_label("Events");
    harness.get_by_label("«").click();
    harness.run();
    assert!(harness.query_by_label("Events").is_none());
}

#[test]
fn on_a_narrow_window_the_inspector_opens_beside_the_columns_and_hides() {
    let app = app_with(crate::app::sample_files(), false);
    let event = app.analysis.as_ref().unwrap().report.events[0].index;
    let mut harness = harness_sized(app, 1100.0, 700.0);
    harness.state_mut().select_event(Some(event));
    harness.run();
    assert!(
        harness
            .query_by_label("Why these passages were aligned")
            .is_none()
    );
    harness.get_by_label("Inspector").click();
    harness.run();
    harness.get_by_label("Why these passages were aligned");
    // A panel beside the columns, not a window over them.
    let inspector = harness.state().inspector_rect;
    assert!(inspector.width() > 200.0);
    for column in &harness.state().geometry {
        assert!(column.clip.max.x <= inspector.min.x + 0.5, "{column:?}");
    }
    harness.get_by_label("Hide").click();
    harness.run();
    assert!(!harness.state().narrow_inspector);
    assert!(
        harness
            .query_by_label("Why these passages were aligned")
            .is_none()
    );
}

#[test]
fn the_inspector_keeps_its_width_from_one_selection_to_the_next() {
    let app = app_with(crate::app::sample_files(), false);
    let events: Vec<_> = app
        .analysis
        .as_ref()
        .unwrap()
        .report
        .events
        .iter()
        .map(|e| e.index)
        .collect();
    let mut harness = harness(app);
    let mut widths = Vec::new();
    for event in events {
        harness.state_mut().select_event(Some(event));
        harness.run();
        widths.push(harness.state().panel_widths.1.unwrap());
    }
    let first = widths[0];
    assert!(widths.iter().all(|w| (w - first).abs() < 0.5), "{widths:?}");
}

/// Issue 11: the hint at the bottom of the Edit menu was cut off. It wraps inside the menu
/// and every word of it is on screen.
#[test]
fn the_edit_menu_hint_wraps_and_is_not_cut_off() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness.get_by_label("Edit").click();
    harness.run();
    let hint = harness.get_by_label_contains("Ctrl+click one in another column");
    let rect = hint.rect();
    let undo = harness.get_by_label_contains("Undo").rect();
    let screen = harness.ctx.content_rect();
    assert!(screen.contains_rect(rect), "{rect:?} in {screen:?}");
    // Wrapped onto several lines, no wider than a menu should be.
    assert!(rect.height() > 2.0 * undo.height(), "{rect:?}");
    assert!(rect.width() <= 360.0, "{rect:?}");
}

/// Issue 11: the first frame after a restart in dark theme had light panels: the theme was
/// set on the context while the frame's root `Ui` already had the light style. Every frame,
/// the first included, is drawn in the remembered theme.
#[test]
fn the_first_frame_after_a_restart_in_dark_theme_is_dark() {
    let app = app_with(crate::app::sample_files(), true);
    let frames = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen = frames.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .build_ui_state(
            move |ui, app: &mut ParallaxApp| {
                app.ui(ui);
                seen.borrow_mut().push(ui.visuals().dark_mode);
            },
            app,
        );
    harness.run_steps(2);
    let frames = frames.borrow();
    assert!(frames.len() >= 3, "{frames:?}");
    assert!(frames.iter().all(|dark| *dark), "light frames: {frames:?}");
}

/// Text in the columns was garbled after egui cleared its font atlas (it does when the atlas
/// fills up, the zoom changes or fonts are set): the cached layouts pointed into the old
/// atlas. They are laid out again.
#[test]
fn column_layouts_are_rebuilt_when_the_font_atlas_is_cleared() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    let galley = |harness: &Harness<'static, ParallaxApp>| {
        let analysis = harness.state().analysis.as_ref().unwrap();
        analysis.layouts[0].as_ref().unwrap().paragraphs[0]
            .galley
            .clone()
    };
    let before = galley(&harness);
    // New font definitions (an extra family) give egui a new, empty atlas.
    let mut fonts = crate::app::fonts::definitions();
    fonts.families.insert(
        egui::FontFamily::Name("test".into()),
        vec!["noto-sans".to_owned()],
    );
    harness.ctx.set_fonts(fonts);
    harness.run_steps(3);
    let after = galley(&harness);
    assert!(!std::sync::Arc::ptr_eq(&before, &after), "laid out again");
}

/// Issue 22, item 10: after a theme switch the columns were blank or garbled in the real
/// window. egui starts a new font atlas when the theme changes its text options, a frame after
/// the switch; the layouts made in the switch's frame pointed into the old one. They are laid
/// out again once the new atlas is there, and then kept.
#[test]
fn column_layouts_are_laid_out_again_on_the_new_atlas_after_a_theme_switch() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    let galley = |harness: &Harness<'static, ParallaxApp>| {
        let analysis = harness.state().analysis.as_ref().unwrap();
        let layout = analysis.layouts[0].as_ref().unwrap();
        (layout.dark, layout.paragraphs[0].galley.clone())
    };
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Dark theme").click();
    // The frame that applies the theme lays the columns out dark, on the old atlas.
    let mut steps = 0;
    while !galley(&harness).0 {
        harness.step();
        steps += 1;
        assert!(steps < 5, "laid out dark");
    }
    let (_, on_old_atlas) = galley(&harness);
    harness.run_steps(2);
    let (dark, on_new_atlas) = galley(&harness);
    assert!(dark);
    assert!(
        !std::sync::Arc::ptr_eq(&on_old_atlas, &on_new_atlas),
        "laid out again on the new atlas"
    );
    harness.run_steps(3);
    assert!(
        std::sync::Arc::ptr_eq(&galley(&harness).1, &on_new_atlas),
        "and not again every frame"
    );
}

/// Issue 22, item 10: the cached column layouts were keyed by width and theme, not by zoom;
/// galleys laid out for one zoom drew their glyphs wrong at another (egui says they must be
/// laid out again). They are.
#[test]
fn column_layouts_are_laid_out_again_after_a_zoom() {
    let mut app = app_with(crate::app::sample_files(), false);
    // A width the user set, in points: the same at any zoom, so only the zoom can tell.
    let first = app.column_order[0];
    app.column_widths.insert(first, 420.0);
    let mut harness = harness(app);
    let before = harness.ctx.pixels_per_point();
    let zoom = |harness: &Harness<'static, ParallaxApp>| {
        let analysis = harness.state().analysis.as_ref().unwrap();
        let layout = analysis.layouts[first.get()].as_ref().unwrap();
        (layout.pixels_per_point(), layout.width)
    };
    let (at, width) = zoom(&harness);
    assert_eq!(at, Some(before));
    harness.ctx.set_zoom_factor(1.5);
    harness.run_steps(3);
    let after = harness.ctx.pixels_per_point();
    assert!((after - before * 1.5).abs() < 1e-3, "{before} -> {after}");
    assert_eq!(
        zoom(&harness),
        (Some(after), width),
        "laid out for the new zoom"
    );
}

/// Issue 11: "→" and emoji in an article showed as boxes. The harness panics on any glyph
/// the fonts lack, so drawing such an article is the check.
#[test]
fn arrows_and_emoji_in_an_article_are_drawn_with_real_glyphs() {
    let folder = tempfile::tempdir().unwrap();
    let mut files = copied_samples(folder.path());
    let article = folder.path().join("05_emoji.txt");
    std::fs::write(
        &article,
        "Source: Emoji Post\n\nReaders reacted 👍😀🔥🙏 to the Ostrel Dam breach → Sarnovec flooded ⚠ at night.\n\nPrices → up 5% ★ in the valley ❤.\n",
    )
    .unwrap();
    files.push(article);
    let mut harness = harness_sized(app_with(files, false), 1600.0, 900.0);
    let last = *harness.state().column_order.last().unwrap();
    harness.state_mut().reveal_columns = vec![last];
    harness.run_steps(4);
    assert!(column_in_view(harness.state(), last));
}

/// Issue 22, item 8b: a Markdown article showed "# " and "## " before its headings (the
/// passages skip the markers, the column drew the whole paragraph), and emphasis and links
/// would have shown their markup. The column draws what a reader sees, and the document text
/// (every offset of the report points into it) stays byte for byte.
#[test]
fn markdown_markup_is_drawn_hidden_and_offsets_stay_exact() {
    let folder = tempfile::tempdir().unwrap();
    let article = folder.path().join("harbour.md");
    let source = "# The harbour reopens\n\nThe **harbour board** met *twice* and published [the minutes](https://example.org/minutes/2025) on Monday.\n\n## Tides ##\n\nA calm week is expected at the harbour.\n";
    std::fs::write(&article, source).unwrap();
    let files = vec![article, crate::app::sample_files()[0].clone()];
    let harness = harness(app_with(files, false));
    let app = harness.state();
    let analysis = app.analysis.as_ref().unwrap();
    let document = analysis
        .report
        .documents
        .iter()
        .find(|d| d.path.ends_with("harbour.md"))
        .unwrap();
    assert_eq!(document.text, source, "the text is the file, byte for byte");
    let layout = analysis.layouts[document.index.get()].as_ref().unwrap();
    let text = &document.text;
    let width = |needle: &str| -> f32 {
        let start = text.find(needle).unwrap();
        layout
            .span_rects(text, start, start + needle.len())
            .iter()
            .map(|r| r.width())
            .sum()
    };
    for markup in [
        "# ",
        "**",
        "*t",
        "[",
        "](https://example.org/minutes/2025)",
        "## ",
    ] {
        let drawn = if markup == "*t" {
            width("*")
        } else {
            width(markup)
        };
        assert!(drawn < 2.0, "{markup:?} is drawn {drawn} wide");
    }
    assert!(width(" ##\n") < 2.0, "the closing run too");
    for words in [
        "The harbour reopens",
        "harbour board",
        "twice",
        "the minutes",
        "Tides",
    ] {
        assert!(width(words) > 30.0, "{words:?} is drawn");
    }
    // The heading's first letter starts the line.
    let first = layout.span_rects(text, 2, 3)[0];
    assert!(first.min.x < 1.0, "{first:?}");
}

/// Issue 22, item 12: the articles' texts are on screen before the analysis is done; the
/// marks follow with the report. The preview the engine sends first is drawn alone, then the
/// report replaces it, and the columns stay where they are.
#[test]
fn the_texts_are_drawn_before_the_analysis_and_the_marks_follow() {
    let files = crate::app::sample_files();
    let inputs: Vec<parallax::Input> = files.iter().cloned().map(parallax::Input::Path).collect();
    let mut preview = None;
    let edited = parallax::compare_with_preview(
        &inputs,
        &[],
        &parallax::Settings::default(),
        &parallax::session::Edits::default(),
        &parallax::progress::Progress::new(),
        |texts| preview = Some(texts),
    )
    .unwrap();
    let mut app = ParallaxApp::with_state(Remembered {
        has_run: true,
        ..Remembered::default()
    });
    app.files = files;
    app.show_preview(preview.expect("a preview"));
    let mut harness = harness(app);
    {
        let app = harness.state();
        let analysis = app.analysis.as_ref().unwrap();
        assert!(analysis.preview && analysis.report.events.is_empty());
        assert!(!app.geometry.is_empty(), "columns drawn from the preview");
        assert!(
            analysis.layouts.iter().flatten().count() >= 2,
            "texts laid out"
        );
    }
    harness.get_by_label_contains("Government acts swiftly");
    let drawn: Vec<_> = harness
        .state()
        .geometry
        .iter()
        .map(|g| g.document)
        .collect();
    let ctx = harness.ctx.clone();
    harness.state_mut().finish_analysis(Ok(edited), &ctx);
    harness.run();
    let app = harness.state();
    let analysis = app.analysis.as_ref().unwrap();
    assert!(!analysis.preview && !analysis.report.events.is_empty());
    assert!(
        analysis.marks.iter().any(|m| !m.marks.is_empty()),
        "the marks follow"
    );
    let after: Vec<_> = app.geometry.iter().map(|g| g.document).collect();
    assert_eq!(after, drawn, "the same columns, in the same places");
}
