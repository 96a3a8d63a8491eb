//! Where a person is, told differently by two sources (issue 20, the reader's kind "name":
//! a person's place), on our own fiction: invented people, invented towns written with their
//! state, and WordNet's cities. Found: two cities or towns for one named person, and for a
//! description with no name that matches the one person the other source describes with that
//! noun, in one event. Silent: a city against its state, born in one place and living in
//! another, two different people, travel "from" a place, and a document that gives both.

use parallax::model::{FindingKind, Report};

mod common;
use common::{any_with_confidence, compare_texts as compare};

/// The paragraph both sources tell, which makes the two documents one story.
const SHARED: &str = "The Lindqvist foundation gave its river prize to a young engineer on \
    Tuesday for a filter that cleans tannery runoff, the jury said in a statement.";

fn report(first: &str, second: &str) -> Report {
    compare(&[
        &format!("{SHARED}\n\n{first}\n"),
        &format!("{SHARED}\n\n{second}\n"),
    ])
}

/// The place findings (shown and not) and those shown, as "confidence summary".
fn places(first: &str, second: &str) -> (Vec<String>, Vec<String>) {
    let report = report(first, second);
    let all: Vec<String> = any_with_confidence(&report, FindingKind::Contradiction)
        .into_iter()
        .filter(|s| s.contains(" places "))
        .collect();
    let shown = report
        .findings
        .iter()
        .filter(|f| {
            f.kind == FindingKind::Contradiction
                && f.summary.contains(" places ")
                && f.confidence >= parallax::settings::DEFAULT_MIN_CONFIDENCE
        })
        .map(|f| f.summary.clone())
        .collect();
    (all, shown)
}

#[test]
fn two_cities_for_one_named_person_are_found() {
    for (first, second, a, b) in [
        (
            "The winner was Marit Solberg, a student at Harrow Technical Institute in \
             Varnholm, Ore.; she built the filter in a shed.",
            "The winner was a Spokane woman, later identified as Marit Solberg.",
            "Varnholm, Ore.",
            "Spokane",
        ),
        (
            "The winner, Marit Solberg of Tacoma, built the filter in a shed.",
            "The winner, Marit Solberg, who lives in Kessel Ridge, Ore., built the filter in \
             a shed.",
            "Tacoma",
            "Kessel Ridge, Ore.",
        ),
        (
            "Spokane teacher Marit Solberg built the filter in a shed.",
            "Marit Solberg, a Tacoma teacher, built the filter in a shed.",
            "Spokane",
            "Tacoma",
        ),
    ] {
        let (all, shown) = places(first, second);
        assert!(
            shown
                .iter()
                .any(|s| s.contains("Marit Solberg") && s.contains(a) && s.contains(b)),
            "{first} / {second}: {all:?}"
        );
    }
}

#[test]
fn the_evidence_names_the_forms_and_the_places() {
    let report = report(
        "The winner was Marit Solberg, a student at Harrow Technical Institute in Varnholm, Ore.",
        "The winner was a Spokane woman, later identified as Marit Solberg.",
    );
    let finding = report
        .findings
        .iter()
        .find(|f| f.summary.contains(" places "))
        .expect("a place finding");
    let evidence = finding.evidence.join(" | ");
    assert!(
        evidence.contains("named in both: Marit Solberg"),
        "{evidence}"
    );
    assert!(evidence.contains("apposition"), "{evidence}");
    assert_eq!(finding.claims.len(), 2);
    let values: Vec<_> = finding
        .claims
        .iter()
        .filter_map(|c| c.value.clone())
        .collect();
    assert!(values.contains(&"Spokane".to_string()), "{values:?}");
    assert!(values.contains(&"Varnholm, Ore.".to_string()), "{values:?}");
}

#[test]
fn a_description_with_no_name_matches_the_one_person_described_so() {
    let (all, shown) = places(
        "Jury chair Oskar Lind handed the 40,000-kroner prize to Marit Solberg, a student at \
         Harrow Technical College in Spokane.",
        "Jury chair Oskar Lind handed the 40,000-kroner prize to a 23-year-old female college \
         student in Tacoma.",
    );
    assert!(
        shown
            .iter()
            .any(|s| s.contains("Marit Solberg") && s.contains("Tacoma")),
        "{all:?}"
    );
    // A stay, not where she lives: "in Tacoma for the summer".
    let (all, _) = places(
        "Jury chair Oskar Lind handed the 40,000-kroner prize to Marit Solberg, a student at \
         Harrow Technical College in Spokane.",
        "Jury chair Oskar Lind handed the 40,000-kroner prize to a 23-year-old female college \
         student in Tacoma for the summer.",
    );
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn a_description_stays_silent_without_a_second_cue_or_when_another_is_named() {
    for (first, second) in [
        // No word in common besides the noun.
        (
            "Jury chair Oskar Lind handed the 40,000-kroner prize to Marit Solberg, a student \
             at Harrow Technical Institute in Spokane.",
            "Jury chair Oskar Lind handed the 40,000-kroner prize to a 23-year-old female \
             chemistry student in Tacoma.",
        ),
        // The describing source names another student.
        (
            "Jury chair Oskar Lind handed the 40,000-kroner prize to Marit Solberg, a student \
             at Harrow Technical College in Spokane.",
            "Jury chair Oskar Lind handed the 40,000-kroner prize to a 23-year-old college \
             student in Tacoma. Her rival Ingrid Hale, a student at Brenner College in Yakima, \
             came second.",
        ),
    ] {
        let (all, _) = places(first, second);
        assert!(all.is_empty(), "{first} / {second}: {all:?}");
    }
}

#[test]
fn a_city_against_its_state_or_a_region_stays_silent() {
    for (first, second) in [
        (
            "The winner was Marit Solberg, a student at Harrow Technical Institute in Spokane.",
            "The winner was a Washington woman, later identified as Marit Solberg.",
        ),
        (
            "The winner was Marit Solberg, a student at Harrow Technical Institute in Spokane, \
             Wash.",
            "The winner was Marit Solberg, a student at Harrow Technical Institute in Spokane.",
        ),
        (
            "The winner was Marit Solberg of Spokane.",
            "The winner was a Tacoma-area woman, later identified as Marit Solberg.",
        ),
        (
            "The winner was Marit Solberg of Spokane.",
            "The winner was a Tacoma area teacher, later identified as Marit Solberg.",
        ),
        (
            "The winner was Marit Solberg of Spokane.",
            "The winner was Marit Solberg, a student at Harrow Technical Institute in Oregon.",
        ),
    ] {
        let (all, _) = places(first, second);
        assert!(all.is_empty(), "{first} / {second}: {all:?}");
    }
}

#[test]
fn origins_other_times_travel_and_other_people_stay_silent() {
    for (first, second) in [
        // Born in one place, living in another.
        (
            "The winner, Marit Solberg, who lives in Spokane, built the filter in a shed.",
            "The winner, Marit Solberg, who was born in Varnholm, Ore., built the filter.",
        ),
        (
            "The winner, Marit Solberg, who lives in Spokane, built the filter in a shed.",
            "The winner was a Tacoma native, Marit Solberg.",
        ),
        // A former home.
        (
            "The winner, Marit Solberg, who lives in Spokane, built the filter in a shed.",
            "The winner was a former Tacoma teacher, Marit Solberg.",
        ),
        // Travel from a place.
        (
            "The winner, Marit Solberg, who lives in Spokane, built the filter in a shed.",
            "The winner, Marit Solberg, a student from Tacoma, flew from Tacoma to the ceremony.",
        ),
        // A city's name that is a person's surname in the story: the premodifier is the
        // person ("Lincoln aide" is an aide of Mayor Elena Lincoln).
        (
            "Mayor Elena Lincoln praised the winner. Lincoln aide Marit Solberg built the filter \
             in a shed.",
            "Marit Solberg, a Tacoma teacher, built the filter in a shed.",
        ),
        // Two different people.
        (
            "The winner was Marit Solberg, a student at Harrow Technical Institute in Spokane.",
            "The runner-up was a Tacoma woman, later identified as Ingrid Hale.",
        ),
    ] {
        let (all, _) = places(first, second);
        assert!(all.is_empty(), "{first} / {second}: {all:?}");
    }
}

#[test]
fn a_document_that_gives_both_places_stays_silent() {
    for (first, second) in [
        (
            "The winner was Marit Solberg, a student at Harrow Technical Institute in Spokane.",
            "The winner was a Tacoma woman, later identified as Marit Solberg. She studies \
             engineering in Spokane.",
        ),
        (
            "The winner was Marit Solberg, a student at Harrow Technical Institute in Spokane.",
            "The winner was a Tacoma woman, later identified as Marit Solberg. Marit Solberg, \
             a student at Harrow Technical Institute in Spokane, built the filter.",
        ),
    ] {
        let (all, _) = places(first, second);
        assert!(all.is_empty(), "{first} / {second}: {all:?}");
    }
}
