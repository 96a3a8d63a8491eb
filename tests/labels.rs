//! Labels per referent, on our own fiction: how each source labels a named group or person,
//! the table in the report and every export, and the wording finding when one source uses a
//! loaded label where another labels the same referent plainly. False patterns stay silent:
//! the same label in both sources, two different referents, a noun that stands before a
//! name without labelling it.

use parallax::model::{FindingKind, LabelForm, Report};
use parallax::{Input, Settings, compare, progress::Progress};

fn run(articles: &[(&str, &str)]) -> Report {
    let inputs: Vec<Input> = articles
        .iter()
        .map(|(name, text)| Input::Memory {
            name: name.to_string(),
            bytes: text.as_bytes().to_vec(),
        })
        .collect();
    compare(&inputs, &Settings::default(), &Progress::default()).expect("not cancelled")
}

const HERALD: &str = "Harbour guards clash in Tarnow\n\n\
The Varga Brigade, a private security company, took over the Tarnow harbour gates on Monday \
after a night of clashes with dock workers.\n\n\
Mayor Ilona Petrak said the city had not hired the Varga Brigade and asked the port \
authority to explain the contract.\n\n\
Dock union leader Anton Brel said twelve workers were hurt.\n";

const COURIER: &str = "Mercenaries seize Tarnow port\n\n\
The mercenary outfit Varga Brigade seized the gates of the Tarnow harbour on Monday after a \
night of clashes with dock workers.\n\n\
Mayor Ilona Petrak said the city never hired the Varga Brigade and demanded answers from the \
port authority.\n\n\
The veteran organiser Anton Brel said twelve workers were hurt.\n";

/// No wording finding about labels.
fn assert_no_label_finding(report: &Report) {
    let found: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Wording && f.summary.contains("label"))
        .map(|f| f.summary.as_str())
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_loaded_label_against_a_plain_one_is_a_wording_finding() {
    let report = run(&[("herald.txt", HERALD), ("courier.txt", COURIER)]);
    let varga = report
        .labels
        .iter()
        .find(|r| r.name.contains("Varga"))
        .expect("the Varga Brigade is labelled");
    let texts: Vec<(&str, LabelForm, bool)> = varga
        .labels
        .iter()
        .map(|l| (l.text.as_str(), l.form, l.loaded))
        .collect();
    assert!(
        texts.contains(&("private security company", LabelForm::Apposition, false)),
        "{texts:?}"
    );
    assert!(
        texts.contains(&("mercenary outfit", LabelForm::BeforeName, true)),
        "{texts:?}"
    );
    let finding = report
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::Wording && f.summary.contains("Varga"))
        .expect("a wording finding on the Varga Brigade's labels");
    assert!(finding.confidence >= parallax::settings::DEFAULT_MIN_CONFIDENCE);
    let claimed: Vec<&str> = finding.claims.iter().map(|c| c.text.as_str()).collect();
    assert!(claimed.contains(&"mercenary outfit"), "{claimed:?}");
    assert!(claimed.contains(&"private security company"), "{claimed:?}");
    // Brel is labelled plainly on both sides: in the table, never a finding.
    assert!(report.labels.iter().any(|r| r.name.contains("Brel")));
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::Wording && f.summary.contains("Brel"))
    );
}

#[test]
fn the_same_label_two_referents_and_clauses_stay_silent() {
    // Both sources call the brigade mercenaries: the same label, no difference.
    let courier_b = COURIER.replace("Mercenaries seize", "Fighters seize");
    let herald_b = HERALD.replace(
        "The Varga Brigade, a private security company,",
        "The mercenary outfit Varga Brigade",
    );
    let report = run(&[("herald.txt", &herald_b), ("courier.txt", &courier_b)]);
    assert_no_label_finding(&report);
    // Two referents: a loaded label for one group, a plain one for another group.
    let herald_c = HERALD.replace("The Varga Brigade, a private", "The Osk Guard, a private");
    let report = run(&[("herald.txt", &herald_c), ("courier.txt", COURIER)]);
    assert_no_label_finding(&report);
    // A noun before a name in a clause ("the claims Petrak made") is no label.
    let herald_d = format!("{HERALD}\nThe port authority denied the claims Ilona Petrak made.\n");
    let report = run(&[("herald.txt", &herald_d), ("courier.txt", COURIER)]);
    let petrak = report.labels.iter().find(|r| r.name.contains("Petrak"));
    // Someone else's term in quotation marks ("what the union calls “the mercenary outfit”
    // Varga Brigade") is reported wording, not the source's own label.
    let courier_e = COURIER.replace(
        "The mercenary outfit Varga Brigade seized",
        "What the union calls “the mercenary outfit” Varga Brigade seized",
    );
    let report_e = run(&[("herald.txt", HERALD), ("courier.txt", &courier_e)]);
    assert_no_label_finding(&report_e);
    assert!(
        petrak.is_none_or(|r| r.labels.iter().all(|l| !l.text.contains("claim"))),
        "{petrak:?}"
    );
}

#[test]
fn every_export_carries_the_labels_table() {
    let report = run(&[("herald.txt", HERALD), ("courier.txt", COURIER)]);
    let markdown = parallax::report::markdown::render(&report);
    assert!(markdown.contains("## How the sources label who and what"));
    assert!(markdown.contains("“mercenary outfit”*"));
    let html = parallax::report::html::render(&report, &Default::default());
    assert!(html.contains("id=\"labels\""));
    assert!(html.contains("private security company"));
    let csv = parallax::report::labels::csv(&report);
    assert!(csv.starts_with("entity,name,document,outlet,label,form,loaded,start,end"));
    assert!(csv.contains("mercenary outfit,before the name,true"));
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.contains("\"labels\"") && json.contains("\"form\":\"apposition\""));
}
