//! Tests of the readable labels: clauses chosen, subjects put back, cuts that end on a word.

use super::MAX_CHARS;
use super::clause::{readable, strip_dateline};
use super::tidy::{NAME_OVERFLOW, tidy};
use std::collections::HashSet;

fn anchors(words: &[&str]) -> HashSet<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn a_participle_opener_and_a_state_abbreviation_are_not_the_label() {
    let label = readable(
        "Using records kept by the harbour office, investigators traced the shipment to a warehouse in Tarnow.",
        &anchors(&[
            "records",
            "harbour",
            "investigators",
            "shipment",
            "warehouse",
            "tarnow",
        ]),
    );
    assert!(label.starts_with("Investigators traced"), "{label}");
    let label = readable(
        "Technicians at the laboratory in Brennholt, Ost. have been testing the valves since Friday.",
        &anchors(&["technicians", "laboratory", "brennholt", "valves"]),
    );
    assert!(!label.starts_with("Ost."), "{label}");
}

#[test]
fn a_label_cut_for_length_does_not_end_inside_a_name_or_on_a_participle() {
    let label = tidy(
        "Investigators are now reading records kept by the Kestrian Harbour Pilots Authority in Tarnow",
    );
    assert!(!label.ends_with("Kestrian"), "{label}");
    assert!(!label.ends_with("the"), "{label}");
    let label = tidy(
        "The harbour master has a long record of complaints in Tarnow dating back to the strike",
    );
    assert!(!label.ends_with("dating"), "{label}");
    // A cut after a preposition is not a cut inside a name.
    let label = tidy(
        "The delegation drove through the long night from Tarnow to Warsaw and on to the border",
    );
    assert!(label.contains("from Tarnow"), "{label}");
    // A sentence with many names is not a title-case headline: its cut still keeps the
    // name whole.
    let label = tidy(
        "The offer was made in Tarnow on Monday by Harbour Board Chief Ilse Varga last spring",
    );
    assert!(label.ends_with("Ilse Varga"), "{label}");
    // A phrase that fits is left whole.
    assert_eq!(
        tidy("Voss meets the Kestrian Harbour Pilots Authority"),
        "Voss meets the Kestrian Harbour Pilots Authority"
    );
}

#[test]
fn apposition_gives_back_the_subject() {
    let label = readable(
        "WASHINGTON — Dana Kell, the mayor of Ostrava Falls, ordered the evacuation of 4,000 residents on Sunday after the levee broke.",
        &anchors(&["evacuation", "4,000", "levee", "residents"]),
    );
    assert!(
        label.starts_with("Dana Kell ordered the evacuation"),
        "{label}"
    );
    assert!(label.chars().count() <= MAX_CHARS, "{label}");
    assert!(!label.contains("WASHINGTON"), "{label}");
}

#[test]
fn a_relative_clause_gets_the_name_before_it_as_its_subject() {
    let label = readable(
        "On Tuesday, the governor said she feels sorry for Ilse Varga, who resigned on Monday after the harbour audit found missing funds.",
        &anchors(&["resigned", "harbour", "audit"]),
    );
    assert!(
        label.starts_with("Ilse Varga resigned on Monday"),
        "{label}"
    );
    // "Piet Landau of the Harbour Board, who …" may be said of Landau: no subject is
    // guessed.
    let label = readable(
        "Reporters spoke to Piet Landau of the Tarnow Harbour Board, who resigned on Monday after the harbour audit.",
        &anchors(&["resigned", "harbour", "audit"]),
    );
    assert!(
        !label.starts_with("Tarnow Harbour Board resigned"),
        "{label}"
    );
    // Without a name before it, the clause is left as it was.
    let label = readable(
        "The inspectors, who resigned on Monday after the harbour audit, were replaced.",
        &anchors(&["resigned", "harbour", "audit"]),
    );
    assert!(label.starts_with("Resigned on Monday"), "{label}");
    // A name that is a whole clause keeps its first word.
    let label = readable(
        "Ilse Varga, who resigned on Monday after the harbour audit, was replaced.",
        &anchors(&["resigned", "harbour", "audit"]),
    );
    assert!(label.starts_with("Ilse Varga resigned"), "{label}");
    // "Who …?" after a colon asks; it states nothing of the name before it.
    let label = readable(
        "Landau asked Varga: \"Who ordered the harbour audit?\"",
        &anchors(&["ordered", "harbour", "audit"]),
    );
    assert!(!label.starts_with("Varga ordered"), "{label}");
    // "which" is often said of the whole clause, not of the word before it.
    let label = readable(
        "Ilse Varga resigned as harbour chair on Monday, which stunned the Tarnow audit committee.",
        &anchors(&["tarnow", "audit", "committee"]),
    );
    assert!(!label.starts_with("Monday stunned"), "{label}");
}

#[test]
fn a_reported_clause_drops_its_reporting_participle() {
    let label = readable(
        "The talks will go on, the envoy added, noting that Tarnow has fishing rights and that the quota would stay.",
        &anchors(&["tarnow", "fishing", "rights"]),
    );
    assert_eq!(label, "Tarnow has fishing rights");
    // In "saying that would …", "that" is the subject: it stays.
    let label = readable(
        "Landau rejected the plan, saying that would break the harbour law.",
        &anchors(&["break", "harbour", "law"]),
    );
    assert!(label.starts_with("Saying that would"), "{label}");
}

#[test]
fn a_cut_label_does_not_end_on_an_adjective_or_a_preposition() {
    let label = readable(
        "All eyes in Tarnow were drawn to a crowd of very furious young dockers who blocked the quay.",
        &anchors(&["tarnow", "crowd", "dockers"]),
    );
    assert_eq!(label, "All eyes in Tarnow were drawn to a crowd");
    // An adjective after a noun is its complement ("declared the quay safe"), and a
    // particle after a verb belongs to it ("called off"): both stay.
    let label = readable(
        "The Tarnow water board inspectors declared the old quay safe Tuesday after a long survey.",
        &anchors(&["tarnow", "inspectors", "quay"]),
    );
    assert!(label.ends_with("quay safe"), "{label}");
    let label = readable(
        "The dockers union in Tarnow said on Friday it had called off the strike at the quay.",
        &anchors(&["tarnow", "dockers", "strike"]),
    );
    assert!(!label.ends_with("had called"), "{label}");
    // "U.S." keeps its full stop.
    let label = readable(
        "The Tarnow harbour board sold its pilot boats to the U.S.",
        &anchors(&["tarnow", "harbour", "boats"]),
    );
    assert_eq!(
        label,
        "The Tarnow harbour board sold its pilot boats to the U.S."
    );
}

#[test]
fn a_label_that_fits_keeps_its_last_preposition() {
    let label = readable(
        "The Tarnow port deal fell through.",
        &anchors(&["tarnow", "port", "deal"]),
    );
    assert_eq!(label, "The Tarnow port deal fell through");
}

#[test]
fn attribution_clauses_are_not_labels() {
    let label = readable(
        "The bridge will reopen in March, the transport ministry said.",
        &anchors(&["bridge", "reopen", "march"]),
    );
    assert_eq!(label, "The bridge will reopen in March");
}

#[test]
fn scare_quotes_stay_in_their_clause_and_quotes_are_never_left_open() {
    // A quoted word is part of its clause, not a clause of its own.
    let label = readable(
        "Harbour chief Ilse Varga, speaking at the quay, blamed “speculators” for the rise in Tarnow's mooring fees on Monday.",
        &anchors(&["speculators", "mooring"]),
    );
    assert_eq!(
        label,
        "Harbour chief Ilse Varga blamed “speculators” for the rise"
    );
    // A cut inside a quote finishes it when it ends soon, and never leaves a mark open.
    let label = readable(
        "Board members of the Tarnow harbour authority said the new levy was “a fair price for a safer port” after the vote.",
        &anchors(&["levy", "harbour"]),
    );
    let count = |mark: char| label.matches(mark).count();
    assert_eq!(count('“'), count('”'), "{label}");
    assert!(
        label.chars().count() <= MAX_CHARS + NAME_OVERFLOW,
        "{label}"
    );
    // A sentence that starts inside a quote keeps the quote's opening mark.
    let label = readable(
        "“On several occasions” since March, the harbour board met in private.",
        &anchors(&["occasions"]),
    );
    assert_eq!(
        label.matches('“').count(),
        label.matches('”').count(),
        "{label}"
    );
}

#[test]
fn labels_are_short_and_end_on_a_word() {
    let label = readable(
        "Lawmakers in the lower chamber approved a sweeping package of farm subsidies and water rights reforms late on Thursday night after a marathon session",
        &anchors(&["subsidies", "farm", "reforms"]),
    );
    assert!(label.chars().count() <= MAX_CHARS, "{label}");
    assert!(
        !label.ends_with(" and") && !label.ends_with(" of"),
        "{label}"
    );
    assert!(label.starts_with("Lawmakers"), "{label}");
}

#[test]
fn an_apposition_before_a_clause_with_its_own_subject_stays_out() {
    let label = readable(
        "Last June, in the old port of the capital, Tarnow, everyone's attention was drawn to a crowd of dockers.",
        &anchors(&["crowd", "dockers", "attention"]),
    );
    assert!(label.starts_with("Everyone's attention"), "{label}");
}

#[test]
fn a_place_phrase_is_not_put_back_as_a_subject() {
    let label = readable(
        "In Tarnow, everyone's attention was drawn to a crowd outside the harbour office.",
        &anchors(&["crowd", "harbour", "attention"]),
    );
    assert!(label.starts_with("Everyone's attention"), "{label}");
}

#[test]
fn datelines_are_stripped() {
    assert_eq!(
        strip_dateline("KABUL, Afghanistan — Troops left."),
        "Troops left."
    );
    assert_eq!(
        strip_dateline("Troops left - quickly."),
        "Troops left - quickly."
    );
}
