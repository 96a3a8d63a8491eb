//! Moving around: selecting events by label, F7 and J/K, search, keys, and bringing the
//! columns of a selection into view sideways.

use super::*;

#[test]
fn selecting_an_event_by_label_scrolls_every_column_to_it() {
    let app = app_with(crate::app::sample_files(), false);
    let report = &app.analysis.as_ref().unwrap().report;
    assert_eq!(report.documents.len(), 4);
    // An event that all four sources report, late in the articles.
    let event = report
        .events
        .iter()
        .rfind(|e| e.documents().len() == 4)
        .expect("an event of all four sources")
        .clone();
    let label = match &event.date {
        Some(date) => format!("{} ({date})", event.label),
        None => event.label.clone(),
    };
    let label = crate::app::events_panel::list_label(&label);
    let mut harness = harness(app);
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(harness.state().selected_event, Some(event.index));
    assert!(selected_passages_in_view(harness.state()));
    // The inspector shows the event and its findings table.
    harness.get_by_label("Why these passages were aligned");
    harness.get_by_label("Findings");
}

#[test]
fn f7_steps_through_the_differences() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness.key_press(Key::F7);
    harness.run();
    let first = harness
        .state()
        .selected_finding
        .expect("F7 selects a difference");
    let analysis = harness.state().analysis.as_ref().unwrap();
    let finding = &analysis.report.findings[first.get()];
    assert!(finding.kind.is_difference() && finding.kind != FindingKind::Unique);
    assert_eq!(first, analysis.differences[0]);
    harness.key_press(Key::F7);
    harness.run();
    let second = harness.state().selected_finding.unwrap();
    assert_eq!(
        second,
        harness.state().analysis.as_ref().unwrap().differences[1]
    );
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::F7);
    harness.run();
    assert_eq!(harness.state().selected_finding, Some(first));
    // J and K step through events.
    harness.key_press(Key::J);
    harness.run();
    assert!(harness.state().selected_event.is_some());
}

#[test]
fn search_finds_words_in_every_column() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(harness.state().search.open);
    harness.state_mut().search.query = "Sarnovec".into();
    harness.run();
    let matches = &harness.state().search.matches;
    assert!(matches.len() >= 4, "{} matches", matches.len());
    let documents: std::collections::BTreeSet<_> = matches.iter().map(|m| m.0).collect();
    assert!(documents.len() >= 3);
}

/// Issue 11: search highlights stayed in the columns after Esc closed the search.
#[test]
fn search_highlights_go_when_esc_closes_the_search() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    harness.run();
    harness.state_mut().search.query = "Sarnovec".into();
    harness.run();
    assert!(!harness.state().search_highlights().is_empty());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().search.open);
    assert!(harness.state().search_highlights().is_empty());
}

#[test]
fn f7_to_a_finding_in_the_last_column_brings_that_column_into_view() {
    let mut harness = harness_sized(app_with(crate::app::sample_files(), false), 1100.0, 700.0);
    harness.run();
    let last = *harness.state().column_order.last().unwrap();
    let view = harness.state().columns_viewport;
    assert!(
        column_rect(harness.state(), last).is_none_or(|r| !r.intersects(view)),
        "the last column starts off screen"
    );
    let count = harness.state().analysis.as_ref().unwrap().differences.len();
    let mut found = false;
    for _ in 0..count {
        harness.key_press(Key::F7);
        harness.run();
        let app = harness.state();
        let analysis = app.analysis.as_ref().unwrap();
        let finding = &analysis.report.findings[app.selected_finding.unwrap().get()];
        if two_sided(finding) && finding.claims.iter().any(|c| c.document == last) {
            found = true;
            let rect = column_rect(app, last).expect("the last column is drawn");
            assert!(rect.intersects(app.columns_viewport));
            assert!(
                column_in_view(app, last),
                "{rect:?} in {:?}",
                app.columns_viewport
            );
            break;
        }
    }
    assert!(
        found,
        "F7 reaches a finding with a claim in the last column"
    );
}

#[test]
fn selecting_an_event_brings_its_columns_into_view_sideways() {
    let app = app_with(crate::app::sample_files(), false);
    let report = &app.analysis.as_ref().unwrap().report;
    // An event of the last two sources only, or of the last one among others.
    let last = *app.column_order.last().unwrap();
    let event = report
        .events
        .iter()
        .find(|e| {
            let documents = e.documents();
            documents.contains(&last) && !documents.contains(&app.column_order[0])
        })
        .map(|e| e.index)
        .expect("an event without the first source that the last one reports");
    let mut harness = harness_sized(app, 1100.0, 700.0);
    harness
        .state_mut()
        .commands
        .push(crate::app::Command::SelectEvent(Some(event)));
    harness.run();
    let app = harness.state();
    let documents = app.analysis.as_ref().unwrap().report.events[event.get()].documents();
    for document in documents {
        assert!(
            column_in_view(app, document),
            "column {document:?} in view: {:?} in {:?}",
            app.geometry,
            app.columns_viewport
        );
    }
}

/// Issue 11: the shortcuts window left out Ctrl+S, Ctrl+Z, Ctrl+Shift+Z and Ctrl+click. It is
/// drawn from the key table now, so every key that is handled is listed.
#[test]
fn the_shortcuts_window_lists_every_key_of_the_table() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness.state_mut().show_shortcuts = true;
    harness.run();
    for binding in crate::app::keys::KEYS {
        let keys = crate::app::keys::key_text(binding);
        assert!(
            harness.get_all_by_label_contains(&keys).next().is_some(),
            "{keys} is listed"
        );
    }
    harness.get_by_label("Ctrl+S");
    harness.get_by_label("Ctrl+Shift+Z / Ctrl+Y");
    harness.get_by_label("Ctrl+Z");
    harness.get_by_label("Click, then Ctrl+click");
    harness.get_by_label("Confirm the current finding, then go to the next unreviewed");
}

/// The five outlets: the four samples and the demo article.
/// Whether a finding sets two values against each other (a column for each can be shown
/// whole; four sources' four terms for one thing cannot, at these sizes).
fn two_sided(finding: &parallax::model::Finding) -> bool {
    let values: std::collections::BTreeSet<_> = finding.claims.iter().map(|c| &c.value).collect();
    values.len() <= 2
}

fn five_articles() -> Vec<std::path::PathBuf> {
    let mut files = crate::app::sample_files();
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    files.extend(parallax::load::expand_inputs(&[demo]).0);
    assert_eq!(files.len(), 5);
    files
}

/// Issue 11, item 1: when the columns of a finding's claims cannot all fit (the first and
/// the last of five at 1600 px with both side panels open), only one side came into view.
/// Both do now, whole, and the user's own arrangement is left alone.
#[test]
fn f7_to_a_finding_in_the_first_and_last_columns_shows_both_whole() {
    let mut app = app_with(five_articles(), false);
    app.remembered.show_uncertain = true;
    app.refilter();
    let mut harness = harness_sized(app, 1600.0, 1000.0);
    harness.run();
    assert!(harness.state().show_events && harness.state().show_inspector);
    assert!(
        !harness.state().narrow,
        "both side panels are open beside the columns"
    );
    let order = harness.state().column_order.clone();
    let (first, last) = (order[0], *order.last().unwrap());
    assert!(
        !column_in_view(harness.state(), last),
        "the last column starts out of view"
    );
    let count = harness.state().analysis.as_ref().unwrap().differences.len();
    let mut found = false;
    for _ in 0..count {
        harness.key_press(Key::F7);
        harness.run();
        let app = harness.state();
        let analysis = app.analysis.as_ref().unwrap();
        let finding = &analysis.report.findings[app.selected_finding.unwrap().get()];
        let documents: Vec<_> = finding.claims.iter().map(|c| c.document).collect();
        if !(two_sided(finding) && documents.contains(&first) && documents.contains(&last)) {
            continue;
        }
        found = true;
        // Both ends whole in view, and a column for every value it compares.
        for document in [first, last] {
            assert!(
                column_in_view(app, document),
                "column {document:?} whole in view: {:?} in {:?}",
                column_rect(app, document),
                app.columns_viewport
            );
        }
        for claim in &finding.claims {
            assert!(
                finding
                    .claims
                    .iter()
                    .any(|c| c.value == claim.value && column_in_view(app, c.document)),
                "{:?} in view",
                claim.value
            );
        }
        assert_eq!(app.pinned, None, "the user's pin is left alone");
        assert!(app.column_widths.is_empty(), "and so are the widths");
        break;
    }
    assert!(found, "F7 reaches a finding in the first and last columns");
    // Scrolling sideways undoes the temporary arrangement.
    assert!(harness.state().reveal_plan.is_some());
    let view = harness.state().columns_viewport;
    harness.hover_at(view.center());
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(200.0, 0.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    assert!(harness.state().reveal_plan.is_none());
}

/// Issue 11, item 1, for an event: five columns at 1920 px with both panels open do not all
/// fit; clicking an event in the list brings as many columns with one of its differences into
/// view whole as can be.
#[test]
fn an_event_of_five_sources_shows_its_differing_columns_whole() {
    let mut app = app_with(five_articles(), false);
    app.remembered.show_uncertain = true;
    app.refilter();
    let analysis = app.analysis.as_ref().unwrap();
    let report = &analysis.report;
    // The event with differences whose differing columns are the farthest apart.
    let differing = |e: &parallax::model::Event| -> Vec<parallax::model::DocId> {
        let mut documents: Vec<_> = analysis
            .findings_of(e.index)
            .filter(|f| f.kind.is_difference())
            .flat_map(|f| f.claims.iter().map(|c| c.document))
            .collect();
        documents.sort();
        documents.dedup();
        documents
    };
    let event = report
        .events
        .iter()
        .filter(|e| differing(e).len() >= 2)
        .max_by_key(|e| {
            let d = differing(e);
            d.last().unwrap().get() - d[0].get()
        })
        .expect("an event with differences")
        .clone();
    let documents = differing(&event);
    let label = match &event.date {
        Some(date) => format!("{} ({date})", event.label),
        None => event.label.clone(),
    };
    let label = crate::app::events_panel::list_label(&label);
    let mut harness = harness_sized(app, 1920.0, 1080.0);
    harness.run();
    assert!(harness.state().show_events && harness.state().show_inspector);
    harness.get_by_label(&label).click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.selected_event, Some(event.index));
    // Four differing columns of five cannot all be shown at the readable minimum beside a
    // base; three can (the first kept at the left), where only two were before.
    let whole = documents
        .iter()
        .filter(|d| column_in_view(app, **d))
        .count();
    assert!(
        whole >= documents.len().min(3),
        "{whole} of {documents:?} whole in view: {:?} in {:?}",
        app.geometry,
        app.columns_viewport
    );
    assert_eq!(app.pinned, None);
}

#[test]
fn an_uncertain_event_says_so_on_hover() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness.run();
    let uncertain = {
        let app = harness.state();
        let report = &app.analysis.as_ref().unwrap().report;
        report
            .events
            .iter()
            .find(|e| e.confidence < parallax::settings::DEFAULT_MIN_CONFIDENCE)
            .map(|e| crate::app::events_panel::list_label(&e.label))
            .expect("the samples have an uncertain event")
    };
    harness.get_by_label(&uncertain).hover();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Uncertain event (alignment confidence")
            .is_some(),
        "the hover names the event uncertain"
    );
}

/// Issue 22, item 9: F7 with four or more columns once kept a column that holds no claim of
/// the finding and hid one that does. At every difference, with five outlets at 1600×1000
/// and at 1280×800: every column holding a claim shows its claim when they fit together
/// (three columns at the readable minimum beside both panels); when they do not, no column
/// without a claim takes the room of one with a claim, and as many claims as fit are shown.
#[test]
fn f7_with_five_columns_shows_every_column_holding_a_claim() {
    for (width, height) in [(1600.0, 1000.0), (1280.0, 800.0)] {
        let mut harness = harness_sized(app_with(five_articles(), false), width, height);
        harness.run();
        let count = harness.state().analysis.as_ref().unwrap().differences.len();
        assert!(count >= 3, "the five outlets differ");
        let mut all_shown = 0;
        let mut set_aside_seen = false;
        for _ in 0..count {
            harness.key_press(Key::F7);
            harness.run();
            let app = harness.state();
            let analysis = app.analysis.as_ref().unwrap();
            let finding = &analysis.report.findings[app.selected_finding.unwrap().get()];
            let view = app.columns_viewport;
            let mut holding: Vec<_> = finding.claims.iter().map(|c| c.document).collect();
            holding.dedup();
            let claim_shown = |document| {
                finding.claims.iter().any(|c| {
                    c.document == document
                        && passage_point(
                            app,
                            parallax::model::PassageRef {
                                document,
                                passage: c.passage,
                            },
                        )
                        .is_some_and(|p| view.contains(p))
                })
            };
            let shown: Vec<_> = holding
                .iter()
                .copied()
                .filter(|d| claim_shown(*d))
                .collect();
            let in_view: Vec<_> = app
                .geometry
                .iter()
                .map(|g| g.document)
                .filter(|d| column_in_view(app, *d))
                .collect();
            let context = format!(
                "at {width}×{height}, {} ({:?}): claims in {holding:?}, shown in {shown:?}, \
                 columns in view {in_view:?}",
                finding.summary, finding.index
            );
            // A column in view that holds a claim shows it.
            for document in in_view.iter().filter(|d| holding.contains(d)) {
                assert!(
                    claim_shown(*document),
                    "{context}: {document:?}'s claim hidden"
                );
            }
            if app
                .reveal_plan
                .as_ref()
                .is_some_and(|p| !p.set_aside.is_empty())
            {
                set_aside_seen = true;
                harness.get_by_label_contains("Set aside for this selection");
            }
            if shown.len() == holding.len() {
                all_shown += 1;
                continue;
            }
            assert!(
                in_view.iter().all(|d| holding.contains(d)),
                "{context}: a column without a claim is kept while one with a claim is not"
            );
            assert!(shown.len() >= 2.min(holding.len()), "{context}");
        }
        assert!(
            all_shown >= 1,
            "at {width}×{height}, some finding shows every claim"
        );
        assert!(
            set_aside_seen || width > 1500.0,
            "at {width}×{height}, a column without a claim was set aside for one with a claim"
        );
    }
}
