//! Swapped roles (issue 20), on our own fiction: two sources that tell one act between the
//! same two named referents with subject and object exchanged ("Vesna Orlova hired Tomas
//! Brenn" / "Tomas Brenn hired Vesna Orlova") are a contradiction; a mutual act ("met"),
//! "each other", both directions in one source, another act, and two occasions stay silent.

mod common;

use common::{any, compare_texts};
use parallax::model::{FindingKind, Report};

/// The paragraph both sources tell, which makes the two documents one story.
const SHARED: &str = "The Velmar shipyard dispute reached the Ostrel court this week, where \
    Vesna Orlova and Tomas Brenn testified about the missing hull plates.";

fn compare(a: &str, b: &str) -> Report {
    compare_texts(&[&format!("{SHARED}\n\n{a}\n"), &format!("{SHARED}\n\n{b}\n")])
}

fn swapped(report: &Report) -> Vec<String> {
    any(report, FindingKind::Contradiction)
        .into_iter()
        .filter(|s| s.contains("who did what to whom"))
        .collect()
}

fn shown_swapped(report: &Report) -> Vec<(Vec<String>, f32, Vec<String>)> {
    common::shown_with_evidence(report, FindingKind::Contradiction)
        .into_iter()
        .filter(|(_, _, evidence)| evidence.iter().any(|e| e.contains("exchanged")))
        .collect()
}

#[test]
fn one_act_with_subject_and_object_exchanged_is_found() {
    let report = compare(
        "Court papers show that Vesna Orlova hired Tomas Brenn in 2019 to run the dry dock.",
        "Court papers show that Tomas Brenn hired Vesna Orlova in 2019 to run the dry dock.",
    );
    let found = shown_swapped(&report);
    let (claims, confidence, evidence) = found
        .first()
        .unwrap_or_else(|| panic!("not found: {:?}", swapped(&report)));
    assert!(*confidence >= 0.6, "{confidence}");
    assert!(
        claims.iter().any(|c| c.starts_with("Vesna Orlova hired")),
        "{claims:?}"
    );
    assert!(
        claims.iter().any(|c| c.starts_with("Tomas Brenn hired")),
        "{claims:?}"
    );
    let evidence = evidence.join(" | ");
    assert!(
        evidence.contains("“Vesna Orlova” hired “Tomas Brenn”"),
        "{evidence}"
    );
}

#[test]
fn a_mutual_act_stays_silent() {
    let report = compare(
        "Court papers show that Vesna Orlova met Tomas Brenn in 2019 at the dry dock.",
        "Court papers show that Tomas Brenn met Vesna Orlova in 2019 at the dry dock.",
    );
    assert!(shown_swapped(&report).is_empty(), "{:?}", swapped(&report));
}

#[test]
fn each_other_and_both_stay_silent() {
    let report = compare(
        "Court papers show that Vesna Orlova sued Tomas Brenn in 2019, and they sued each \
         other again later.",
        "Court papers show that Tomas Brenn sued Vesna Orlova in 2019 over the dry dock.",
    );
    assert!(shown_swapped(&report).is_empty(), "{:?}", swapped(&report));
}

#[test]
fn both_directions_in_one_source_stay_silent() {
    let report = compare(
        "Court papers show that Vesna Orlova sued Tomas Brenn in 2019 over the dry dock.\n\n\
         A year later Tomas Brenn sued Vesna Orlova over the unpaid wages.",
        "Court papers show that Tomas Brenn sued Vesna Orlova in 2019 over the dry dock.",
    );
    assert!(shown_swapped(&report).is_empty(), "{:?}", swapped(&report));
}

#[test]
fn another_act_or_another_occasion_stays_silent() {
    let report = compare(
        "Court papers show that Vesna Orlova hired Tomas Brenn in 2019 to run the dry dock.",
        "Court papers show that Tomas Brenn fired Vesna Orlova in 2019 over the dry dock.",
    );
    assert!(shown_swapped(&report).is_empty(), "{:?}", swapped(&report));
    let report = compare(
        "Court papers show that Vesna Orlova hired Tomas Brenn in 2014 to run the dry dock.",
        "Court papers show that Tomas Brenn hired Vesna Orlova in 2019 to run the slipway.",
    );
    assert!(shown_swapped(&report).is_empty(), "{:?}", swapped(&report));
}

#[test]
fn a_negated_or_hedged_claim_stays_silent() {
    let report = compare(
        "Court papers show that Vesna Orlova did not hire Tomas Brenn in 2019.",
        "Court papers show that Tomas Brenn hired Vesna Orlova in 2019 to run the dry dock.",
    );
    assert!(shown_swapped(&report).is_empty(), "{:?}", swapped(&report));
}
