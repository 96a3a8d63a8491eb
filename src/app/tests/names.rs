//! Issue 22, item 8: sources are named by one rule, renamed from the column menu too, and
//! event labels show whole on hover, their grey italics explained in the legend.

use super::*;

#[test]
fn rename_source_from_the_column_menu() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    let first = harness.state().column_order[0];
    let menu = column_menu_button(&harness, first);
    click_at(&mut harness, menu, egui::Modifiers::NONE);
    harness.get_by_label("Rename source…").click();
    harness.run();
    assert!(
        harness.state().source_draft.is_some(),
        "the rename window opens"
    );
    harness.get_by_label("Rename source");
    // The field has the keyboard: replace the name by typing.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.get_by_label("Source name:").type_text("Our Herald");
    harness.run();
    harness.get_by_label("Rename").click();
    harness.run();
    settle(&mut harness);
    let report = &harness.state().analysis.as_ref().unwrap().report;
    assert_eq!(report.documents[first.get()].display_name(), "Our Herald");
    // The column's header says so.
    assert!(harness.query_by_label("Our Herald").is_some());
}

/// A source without an outlet and with a file name that is an identifier is named by its
/// title in the column header, the same name as in the report.
#[test]
fn a_source_named_by_an_identifier_shows_its_title() {
    let folder = tempfile::tempdir().unwrap();
    let samples = copied_samples(folder.path());
    // The first sample without its "Source:" line states no outlet.
    let text = std::fs::read_to_string(&samples[0]).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("Source:") && !l.starts_with("Photo:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let renamed = folder.path().join("000_f2e8904841172fcc.txt");
    std::fs::write(&renamed, text).unwrap();
    std::fs::remove_file(&samples[0]).unwrap();
    let mut files = samples[1..].to_vec();
    files.insert(0, renamed);
    let harness = harness(app_with(files, false));
    let report = &harness.state().analysis.as_ref().unwrap().report;
    let name = report.documents[0].display_name();
    assert!(
        name.starts_with("Government acts swiftly"),
        "named by its title: {name}"
    );
    assert!(name.ends_with('…') && name.chars().count() <= 41, "{name}");
    // The file name is still shown, small, beside the date; never as the name.
    assert!(harness.query_by_label("000_f2e8904841172fcc").is_none());
    assert!(
        harness
            .query_by_label_contains("000_f2e8904841172fcc.txt")
            .is_some()
    );
    assert!(
        harness.query_by_label(&name).is_some(),
        "the header shows {name}"
    );
}

/// Event labels cut in the events panel show whole on hover, and the legend explains the
/// grey italics of uncertain events.
#[test]
fn a_cut_event_label_shows_whole_on_hover_and_the_legend_explains_grey_italics() {
    let mut harness = harness(app_with(crate::app::sample_files(), false));
    harness.run();
    let long = {
        let report = &harness.state().analysis.as_ref().unwrap().report;
        report
            .events
            .iter()
            .map(|e| match &e.date {
                Some(date) => format!("{} ({date})", e.label),
                None => e.label.clone(),
            })
            .find(|l| crate::app::events_panel::list_label(l) != *l)
            .expect("an event label long enough to be cut")
    };
    let cut = crate::app::events_panel::list_label(&long);
    harness.get_by_label(&cut).hover();
    harness.run();
    assert!(
        harness.query_by_label_contains(&long).is_some(),
        "the whole label {long:?} shows on hover"
    );
    harness.state_mut().show_legend = true;
    harness.run();
    harness.get_by_label("An event listed in grey italics");
    assert!(
        harness
            .query_by_label_contains("is uncertain: its passages may not report one event")
            .is_some()
    );
}
