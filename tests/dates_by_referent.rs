//! Dates by referent (issue 20), on our own fiction: two sources that date one happening
//! differently are found wherever their passages lie in the story; two happenings, two
//! occurrences, a year in passing, other participants and a range stay silent.

mod common;

use parallax::model::{FindingKind, Report};

/// The paragraph both sources tell, which makes the two documents one story.
const SHARED: &str = "Norland's foreign minister Edvard Kallio met President Mirela Dusan in \
    Tarvosk to discuss the stalled grain corridor and the tolls on the river barges.";

fn compare(a: &str, b: &str) -> Report {
    common::compare_texts(&[&format!("{SHARED}\n\n{a}\n"), &format!("{SHARED}\n\n{b}\n")])
}

/// Date mismatches shown by default, as (claim texts, confidence, evidence).
fn shown_mismatches(report: &Report) -> Vec<(Vec<String>, f32, Vec<String>)> {
    common::shown_with_evidence(report, FindingKind::DateMismatch)
}

fn all_dates(report: &Report) -> Vec<String> {
    common::any_with_confidence(report, FindingKind::DateMismatch)
}

#[test]
fn one_visit_dated_differently_across_events_is_found() {
    let report = compare(
        "Kallio visited Tarvosk on 14 March 2026 with two aides and a trade delegation.\n\n\
         Barge owners on the lower river have waited for weeks to learn the new tolls.",
        "Farmers in the southern plains fear another winter of low prices.\n\n\
         Kallio's visit to Tarvosk on 15 March 2026 was cut short by a storm over the capital.",
    );
    let found = shown_mismatches(&report);
    let visit = found
        .iter()
        .find(|(claims, _, _)| claims.iter().any(|c| c.contains("14 March")))
        .unwrap_or_else(|| panic!("no shown visit mismatch: {:?}", all_dates(&report)));
    assert!(visit.0.iter().any(|c| c.contains("15 March")), "{visit:?}");
    assert!(visit.1 >= 0.6, "{visit:?}");
    let evidence = visit.2.join(" | ");
    assert!(
        evidence.contains("both date the") && evidence.contains("Kallio"),
        "{evidence}"
    );
    assert!(evidence.contains("different events"), "{evidence}");
}

#[test]
fn one_deployment_dated_to_two_years_is_found() {
    let report = compare(
        "Norland deployed 400 troops to the Ostrel valley in 2013 after the border clashes.",
        "Critics in Tarvosk still question Norland's deployment of troops to the Ostrel valley \
         in 2014, which the opposition opposed.",
    );
    let found = shown_mismatches(&report);
    assert!(
        found
            .iter()
            .any(|(claims, _, _)| claims.contains(&"2013".to_string())
                && claims.contains(&"2014".to_string())),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn two_votes_by_two_bodies_stay_silent() {
    let report = compare(
        "The Velmar council voted on 2 February 2026 to suspend the levy on grain barges.",
        "The Tarvosk parliament voted on 9 February 2026 to suspend the levy on grain barges.",
    );
    assert!(
        shown_mismatches(&report).is_empty(),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn two_visitors_of_one_place_stay_silent() {
    let report = compare(
        "Kallio visited Tarvosk on 14 March 2026 with two aides.",
        "Dusan's counterpart Ilse Varga visited Tarvosk on 16 March 2026 with her aides.",
    );
    assert!(
        shown_mismatches(&report).is_empty(),
        "{:?}",
        all_dates(&report)
    );
    // Two people of one surname.
    let report = compare(
        "Anna Varga visited Tarvosk on 14 March 2026 with two aides.",
        "Ilse Varga visited Tarvosk on 16 March 2026 with her aides.",
    );
    assert!(
        shown_mismatches(&report).is_empty(),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn a_passive_with_another_agent_stays_silent() {
    let report = compare(
        "Kallio visited Tarvosk on 14 March 2026 with two aides.",
        "Tarvosk was visited on 16 March 2026 by Ilse Varga and her aides.",
    );
    assert!(
        shown_mismatches(&report).is_empty(),
        "{:?}",
        all_dates(&report)
    );
    // The same agent in the passive is still one visit.
    let report = compare(
        "Kallio visited Tarvosk on 14 March 2026 with two aides.",
        "Barge owners on the lower river have waited for weeks to learn the new tolls.\n\n\
         Tarvosk was visited on 16 March 2026 by Edvard Kallio and his aides.",
    );
    assert!(
        !shown_mismatches(&report).is_empty(),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn an_earlier_occurrence_and_a_recurring_happening_stay_silent() {
    // One source names an earlier visit; the other tells of the recent one.
    let report = compare(
        "Kallio's previous visit to Tarvosk in 2019 ended in a row over fishing rights.",
        "Kallio visited Tarvosk in 2026 for the first talks on the corridor.",
    );
    assert!(
        shown_mismatches(&report).is_empty(),
        "{:?}",
        all_dates(&report)
    );
    // A source that itself dates two visits tells of a recurring happening.
    let report = compare(
        "Kallio visited Tarvosk on 14 March 2026. Kallio visited Tarvosk on 2 May 2026 as well.",
        "Kallio visited Tarvosk on 2 May 2026, officials in the capital confirmed.",
    );
    assert!(
        shown_mismatches(&report).is_empty(),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn a_year_in_passing_and_a_range_stay_silent() {
    let report = compare(
        "Norland troops have been deployed in the Ostrel valley since 2012.",
        "Norland deployed troops to the Ostrel valley in 2013 after the border clashes.",
    );
    assert!(
        shown_mismatches(&report).is_empty(),
        "{:?}",
        all_dates(&report)
    );
    let report = compare(
        "Norland deployed troops in the Ostrel valley from 2012 to 2015.",
        "Norland deployed troops to the Ostrel valley in 2013 after the border clashes.",
    );
    assert!(
        shown_mismatches(&report).is_empty(),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn one_hearing_named_alone_dated_differently_is_found() {
    let report = compare(
        "The hearing opened on 11 May 2026 before a packed public gallery.",
        "The hearing, which began on 18 May 2026, heard from nine witnesses.",
    );
    let found = shown_mismatches(&report);
    assert!(
        found.iter().any(
            |(claims, _, evidence)| claims.contains(&"11 May 2026".to_string())
                && claims.contains(&"18 May 2026".to_string())
                && evidence.join(" ").contains("“hearing”")
        ),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn two_hearings_or_a_happening_that_is_not_one_stay_silent() {
    for (a, b) in [
        // Two different happenings, each named alone.
        (
            "The hearing opened on 11 May 2026 before a packed public gallery.",
            "The inquiry, which began on 18 May 2026, heard from nine witnesses.",
        ),
        // A shop that opened is no happening of its own.
        (
            "The bakery opened on 11 May 2026 on the harbour front.",
            "The bakery, which opened on 18 May 2026, sells rye bread.",
        ),
        // One source itself gives the hearing two dates: it recurs, or was adjourned.
        (
            "The hearing opened on 11 May 2026. The hearing resumed on 25 May 2026.",
            "The hearing, which began on 18 May 2026, heard from nine witnesses.",
        ),
    ] {
        let report = compare(a, b);
        assert!(
            shown_mismatches(&report).is_empty(),
            "{a} / {b}: {:?}",
            all_dates(&report)
        );
    }
}
