//! Unit tests of the date referents, on our own fiction.

use super::*;
use crate::calendar::{Date, find_dates};
use crate::text::tokens;

/// The referent of each date of a sentence (dated 2026-03-20).
fn referents(text: &str) -> Vec<Option<DateReferent>> {
    let lexicon = Lexicon::bundled();
    let stemmer = Stemmer::new();
    let toks = tokens(text);
    let tags = super::super::tagger::tag(text, &toks);
    let claims = super::super::claims::find_claims(text, &toks, &tags, &stemmer);
    find_dates(text, &toks, Some(Date::ymd(2026, 3, 20)))
        .iter()
        .map(|d| {
            find(
                text,
                &toks,
                &tags,
                &claims,
                (d.first_token, d.end_token),
                &lexicon,
                &stemmer,
            )
        })
        .collect()
}

fn only(text: &str) -> DateReferent {
    let mut found = referents(text);
    assert_eq!(found.len(), 1, "one date in {text:?}");
    found
        .remove(0)
        .unwrap_or_else(|| panic!("no referent in {text:?}"))
}

#[test]
fn a_verb_and_its_agent_and_patient() {
    let r = only("Minister Edvard Kallio visited Tarvosk on 14 March with two aides.");
    assert_eq!(r.word, "visited");
    assert!(r.verb);
    assert_eq!(r.families, vec!["visit".to_string()]);
    assert_eq!(r.agent.as_ref().map(|a| a.head.as_str()), Some("kallio"));
    assert_eq!(r.patient.as_ref().map(|a| a.head.as_str()), Some("tarvosk"));
    assert_eq!(r.aside, None);
}

#[test]
fn a_noun_before_or_after_the_date_with_its_possessor_and_phrase() {
    let r = only("Kallio's visit to Tarvosk on 15 March was cut short.");
    assert_eq!((r.word.as_str(), r.verb), ("visit", false));
    assert_eq!(r.agent.as_ref().map(|a| a.head.as_str()), Some("kallio"));
    assert_eq!(r.patient.as_ref().map(|a| a.head.as_str()), Some("tarvosk"));
    let r = only("The deployment of Norland troops in 2013 was approved by parliament.");
    assert_eq!(r.families, vec!["deploy".to_string()]);
    assert_eq!(r.patient.as_ref().map(|a| a.head.as_str()), Some("troop"));
}

#[test]
fn a_date_opening_the_clause_belongs_to_its_verb() {
    let r = only("In 2012, the Velmar council elected a new mayor.");
    assert_eq!(r.word, "elected");
    assert_eq!(r.agent.as_ref().map(|a| a.head.as_str()), Some("council"));
}

#[test]
fn bounds_ranges_recurrences_and_negations_are_asides() {
    assert_eq!(
        only("Norland troops have patrolled the border since 2012.").aside,
        Some(Aside::Bound)
    );
    assert_eq!(
        referents("The Velmar council voted from 2012 to 2014 on the levy.")[0]
            .as_ref()
            .and_then(|r| r.aside),
        Some(Aside::Range)
    );
    assert_eq!(
        only("Kallio was first elected in 2016.").aside,
        Some(Aside::Recurrence)
    );
    assert_eq!(
        only("The previous vote on the levy in 2019 failed.").aside,
        Some(Aside::Recurrence)
    );
    assert_eq!(
        only("The council did not vote on 2 February.").aside,
        Some(Aside::Negated)
    );
}

#[test]
fn after_a_verb_and_its_object_the_date_goes_with_the_verb_unless_the_noun_is_an_act() {
    // "forces" is an act only in a secondary sense: the date goes with the sending.
    let r = only("Norland sent its forces into the Ostrel valley in 2013.");
    assert_eq!((r.word.as_str(), r.verb), ("sent", true));
    // "deployment" is first of all an act: the date goes with it.
    let r = only("Critics questioned Norland's deployment of troops in 2014.");
    assert_eq!((r.word.as_str(), r.verb), ("deployment", false));
    // A date followed by ", and" and a verb is no range.
    let r = only("Norland troops entered Ostrel in 1904, and stayed for decades.");
    assert_eq!((r.word.as_str(), r.aside), ("entered", None));
}

#[test]
fn an_event_noun_subject_of_an_intransitive_verb_is_the_happening() {
    for text in [
        "The hearing opened on 4 May in Ostrava.",
        "The hearing, which began on 4 May, lasted a week.",
    ] {
        let r = only(text);
        assert_eq!((r.word.as_str(), r.verb), ("hearing", false), "{text}");
    }
    // A subject that names no happening keeps the verb; so does a transitive verb.
    assert!(only("The bakery opened on 4 May.").verb);
    let r = only("The hearing delayed the vote on 4 May.");
    assert_ne!(r.word, "hearing");
}

#[test]
fn a_speech_verb_names_no_happening() {
    assert_eq!(
        referents("Kallio said on 14 March that talks would go on."),
        vec![None]
    );
}
