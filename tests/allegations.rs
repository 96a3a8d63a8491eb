//! An act stated as fact by one source and reported only as an allegation by another
//! (issue 20, kind `stance`), on our own fiction: "the Vantor administration sealed the
//! harbour gates" against "accusations that Vantor's aides shut the harbour gates" is
//! found; both sources hedging, both stating, another act, another object, an allegation
//! the alleging source also states plainly, and a denial stay silent.

mod common;

use common::{any, compare_texts};
use parallax::model::{FindingKind, Report};

/// The paragraph both sources tell, which makes the two documents one story.
const SHARED: &str = "Prosecutors in Ostrel subpoenaed the campaign of Governor Mirela Vantor \
    on Tuesday, widening the inquiry into the Kessring harbour affair.";

fn compare(a: &str, b: &str) -> Report {
    compare_texts(&[&format!("{SHARED}\n\n{a}\n"), &format!("{SHARED}\n\n{b}\n")])
}

/// The allegation findings, shown or not: (claims, confidence, evidence).
fn alleged(report: &Report) -> Vec<(Vec<String>, f32, Vec<String>)> {
    report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Contradiction)
        .filter(|f| f.evidence.iter().any(|e| e.contains("as an allegation")))
        .map(|f| {
            let claims = f.claims.iter().map(|c| c.text.clone()).collect();
            (claims, f.confidence, f.evidence.clone())
        })
        .collect()
}

fn shown(report: &Report) -> Vec<(Vec<String>, f32, Vec<String>)> {
    alleged(report)
        .into_iter()
        .filter(|(_, confidence, _)| *confidence >= 0.6)
        .collect()
}

const FACT: &str = "The Vantor administration closed two of the Kessring harbour gates in \
    March, in what looked like revenge on the port's mayor.";
const ALLEGATION: &str = "The inquiry concerns accusations that Governor Vantor's aides shut \
    the Kessring harbour gates as revenge on the port's mayor.";

#[test]
fn a_fact_against_an_allegation_of_the_same_act_is_found() {
    let report = compare(FACT, ALLEGATION);
    let found = shown(&report);
    let (claims, confidence, evidence) = found
        .first()
        .unwrap_or_else(|| panic!("not found: {:?}", any(&report, FindingKind::Contradiction)));
    assert!(*confidence >= 0.6, "{confidence}");
    assert!(
        claims.iter().any(|c| c.contains("administration closed")),
        "{claims:?}"
    );
    assert!(
        claims.iter().any(|c| c.contains("aides shut")),
        "{claims:?}"
    );
    let evidence = evidence.join(" | ");
    assert!(evidence.contains("states it as fact"), "{evidence}");
    assert!(evidence.contains("“accusations that”"), "{evidence}");
    assert!(evidence.contains("share a main sense"), "{evidence}");
}

#[test]
fn an_allegedly_adverb_is_a_cue_too() {
    let report = compare(
        FACT,
        "Governor Vantor's aides allegedly closed the Kessring harbour gates in March.",
    );
    let found = shown(&report);
    assert_eq!(found.len(), 1, "{:?}", alleged(&report));
    assert!(
        found[0].2.iter().any(|e| e.contains("“allegedly”")),
        "{:?}",
        found[0].2
    );
}

#[test]
fn both_sources_alleging_stay_silent() {
    let report = compare(
        "Critics made allegations that the Vantor administration closed two of the Kessring \
         harbour gates in March.",
        ALLEGATION,
    );
    assert!(alleged(&report).is_empty(), "{:?}", alleged(&report));
}

#[test]
fn both_sources_stating_stay_silent() {
    let report = compare(
        FACT,
        "Governor Vantor's aides shut the Kessring harbour gates as revenge on the mayor.",
    );
    assert!(alleged(&report).is_empty(), "{:?}", alleged(&report));
}

#[test]
fn another_act_stays_silent() {
    let report = compare(
        FACT,
        "The inquiry concerns accusations that Governor Vantor's aides painted the Kessring \
         harbour gates as revenge on the port's mayor.",
    );
    assert!(alleged(&report).is_empty(), "{:?}", alleged(&report));
}

#[test]
fn another_object_stays_silent() {
    let report = compare(
        FACT,
        "The inquiry concerns accusations that Governor Vantor's aides closed the ferry \
         office as revenge on the port's mayor.",
    );
    assert!(alleged(&report).is_empty(), "{:?}", alleged(&report));
}

#[test]
fn another_actor_stays_silent() {
    let report = compare(
        FACT,
        "The inquiry concerns accusations that Mayor Dusan Petrak's aides shut the Kessring \
         harbour gates as revenge on the governor.",
    );
    assert!(alleged(&report).is_empty(), "{:?}", alleged(&report));
}

#[test]
fn a_source_that_also_states_the_act_stays_silent() {
    let report = compare(
        FACT,
        &format!(
            "{ALLEGATION}\n\nGovernor Vantor's aides shut the Kessring harbour gates in March \
             for four days."
        ),
    );
    assert!(shown(&report).is_empty(), "{:?}", alleged(&report));
}

#[test]
fn a_denial_is_not_a_fact() {
    let report = compare(
        "The Vantor administration did not close the Kessring harbour gates in March, its \
         spokesman said.",
        ALLEGATION,
    );
    assert!(alleged(&report).is_empty(), "{:?}", alleged(&report));
}
