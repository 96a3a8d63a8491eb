//! Issue 20: the report's labels table in the viewer (View → Labels panel): each referent
//! that several sources name with each source's labels; a click shows a label in its column.

use super::*;

#[test]
fn the_labels_panel_lists_each_sources_labels_and_shows_one_in_its_column() {
    let app = app_with(crate::app::sample_files(), false);
    let report = &app.analysis.as_ref().unwrap().report;
    let referent = report
        .labels
        .iter()
        .find(|r| r.labels.len() >= 2)
        .expect("the samples label a referent in two sources")
        .clone();
    let first = referent.labels[0].clone();
    let source = report.documents[first.document.get()].display_name();
    let mut harness = harness(app);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Labels panel").click();
    harness.run_steps(4);
    assert!(harness.state().show_labels);
    harness.get_by_label(&referent.name);
    harness.snapshot("labels_panel");
    let link = format!("{source}: “{}”", first.text);
    harness.state_mut().scroll_requests.clear();
    harness.get_by_label(&link).click();
    harness.run_steps(1);
    let requests = &harness.state().scroll_requests;
    assert!(
        requests
            .iter()
            .any(|r| r.document == first.document && r.start == first.start)
            || harness.state().reveal_columns == vec![first.document],
        "the label is brought into view"
    );
    harness.run_steps(4);
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    assert!(!harness.state().show_labels);
}
