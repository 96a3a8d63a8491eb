//! The base-text heat map with five sources: shading by how many report a passage and how
//! many differ, choosing the base, and a click that opens the passage's event.

use super::*;

/// The four sample articles and a fifth, from another outlet, in `folder`.
fn five_articles(folder: &std::path::Path) -> Vec<PathBuf> {
    let mut files = copied_samples(folder);
    let fifth = folder.join("05_valley_radio.txt");
    std::fs::write(
        &fifth,
        "Source: Valley Radio\n\
         Ostrel Dam breach: soldiers and boats sent to Sarnovec\n\n\
         A breach at the Ostrel Dam on the night of 13 March flooded the town of Sarnovec and the villages of the Vellan valley.\n\n\
         The government sent 700 soldiers to the valley, and about 8,000 residents were evacuated from their homes by boat.\n\n\
         At least 12 people died, the Interior Ministry said on Saturday, and divers are still searching for two fishermen.\n\n\
         On Saturday several thousand protesters gathered outside the Infrastructure Ministry in Velmora to demand the resignation of Infrastructure Minister Milos Zdanek.\n",
    )
    .unwrap();
    files.push(fifth);
    files
}

#[test]
fn the_heat_map_shades_the_base_by_coverage_and_a_click_opens_the_event() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = app_with(five_articles(folder.path()), false);
    app.remembered.show_uncertain = true;
    app.refilter();
    assert_eq!(app.analysis.as_ref().unwrap().report.documents.len(), 5);
    let mut harness = harness(app);
    harness.get_by_label("Heat map").click();
    harness.run();
    assert_eq!(harness.state().view, MainView::HeatMap);
    let base = harness.state().column_order[0];
    let (heat, texts) = {
        let analysis = harness.state().analysis.as_ref().unwrap();
        let document = &analysis.report.documents[base.get()];
        let texts: Vec<String> = document
            .passages
            .iter()
            .map(|p| document.text[p.start..p.end].to_string())
            .collect();
        (crate::app::heat_map::passage_heat(analysis, base), texts)
    };
    assert_eq!(heat.len(), texts.len());
    // Some passages are corroborated by most of the other four, some differ, some are told
    // by the base alone.
    assert!(heat.iter().any(|h| h.reported_by.len() >= 3), "{heat:?}");
    assert!(heat.iter().any(|h| !h.differ.is_empty()), "{heat:?}");
    assert!(heat.iter().any(|h| h.reported_by.is_empty()));
    assert!(
        heat.iter()
            .all(|h| h.differ.iter().all(|d| h.reported_by.contains(d)))
    );
    // The passage reported by most sources, clicked by its text, opens its event.
    let (index, busiest) = heat
        .iter()
        .enumerate()
        .max_by_key(|(_, h)| h.reported_by.len())
        .unwrap();
    harness.get_by_label(&texts[index]).click();
    harness.run_steps(3);
    assert_eq!(harness.state().view, MainView::Columns);
    assert_eq!(harness.state().selected_event, busiest.event);
    // Another base, chosen by name.
    harness.get_by_label("Heat map").click();
    harness.run();
    let (base_name, other, other_name) = {
        let report = &harness.state().analysis.as_ref().unwrap().report;
        let other = harness.state().column_order[4];
        (
            report.documents[base.get()].display_name(),
            other,
            report.documents[other.get()].display_name(),
        )
    };
    let _ = base_name;
    harness.get_by_label("Base text").click();
    harness.run();
    // The option in the popup, drawn last.
    harness
        .get_all_by_label(&other_name)
        .last()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().heat_base, Some(other));
}
