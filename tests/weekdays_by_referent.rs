//! Weekdays by referent (issue 20), on our own fiction: one happening put on two different
//! days of the week by two sources ("late Friday" / "over the weekend", "Saturday" / "Friday
//! night") is a date mismatch shown by default, whatever the articles' dates; two different
//! acts, two occasions (articles dated weeks apart), "last week" against a weekday, the same
//! day, neighbouring days at their edge and one source giving two days stay silent.

mod common;

use parallax::model::{FindingKind, Report};

/// The paragraph both sources tell, which makes the two documents one story.
const SHARED: &str = "The Velmar harbour board met the ferry crews of Ostrel to settle the \
    dispute over night crossings and the new tolls on the river barges.";

fn compare(a: &str, b: &str) -> Report {
    common::compare_texts(&[&format!("{SHARED}\n\n{a}\n"), &format!("{SHARED}\n\n{b}\n")])
}

fn compare_dated(date_a: &str, a: &str, date_b: &str, b: &str) -> Report {
    common::compare_texts(&[
        &format!("By Ann Vale, {date_a}\n\n{SHARED}\n\n{a}\n"),
        &format!("By Per Lund, {date_b}\n\n{SHARED}\n\n{b}\n"),
    ])
}

/// Shown date mismatches that hold both words, with their evidence.
fn shown_between(report: &Report, x: &str, y: &str) -> Vec<(Vec<String>, f32, Vec<String>)> {
    common::shown_with_evidence(report, FindingKind::DateMismatch)
        .into_iter()
        .filter(|(claims, _, _)| {
            claims.iter().any(|c| c.contains(x)) && claims.iter().any(|c| c.contains(y))
        })
        .collect()
}

fn all_dates(report: &Report) -> Vec<String> {
    common::any_with_confidence(report, FindingKind::DateMismatch)
}

#[test]
fn one_act_on_two_weekdays_is_found_with_its_evidence() {
    let report = compare(
        "Harbour master Ilse Varga closed the Ostrel pier on Saturday after the storm.",
        "Ilse Varga closed the Ostrel pier on Friday night, the crews said.",
    );
    let found = shown_between(&report, "Saturday", "Friday night");
    let (_, confidence, evidence) = found
        .first()
        .unwrap_or_else(|| panic!("not found: {:?}", all_dates(&report)));
    assert!(*confidence >= 0.6, "{confidence}");
    let evidence = evidence.join(" | ");
    assert!(
        evidence.contains("Saturday") && evidence.contains("late Friday"),
        "{evidence}"
    );
    assert!(evidence.contains("the same"), "{evidence}");
}

#[test]
fn a_weekday_against_a_weekend_without_it_is_found() {
    let report = compare(
        "A smuggler sent the manifest to the harbour board late Friday.",
        "Over the weekend, the manifest was sent to the harbour board from Ostrel.",
    );
    assert!(
        !shown_between(&report, "late Friday", "weekend").is_empty(),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn the_same_day_or_a_weekend_holding_it_stays_silent() {
    let report = compare(
        "Ilse Varga closed the Ostrel pier on Saturday after the storm.",
        "Over the weekend, Ilse Varga closed the Ostrel pier.",
    );
    assert!(all_dates(&report).is_empty(), "{:?}", all_dates(&report));
    let report = compare(
        "Ilse Varga closed the Ostrel pier late Friday after the storm.",
        "Ilse Varga closed the Ostrel pier early Saturday.",
    );
    assert!(all_dates(&report).is_empty(), "{:?}", all_dates(&report));
}

#[test]
fn two_different_acts_stay_silent() {
    let report = compare(
        "Ilse Varga closed the Ostrel pier on Saturday after the storm.",
        "Ilse Varga inspected the Ostrel pier on Friday with two engineers.",
    );
    assert!(
        shown_between(&report, "Saturday", "Friday").is_empty(),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn the_same_kind_of_act_by_others_stays_silent() {
    let report = compare(
        "Ilse Varga closed the Ostrel pier on Saturday after the storm.",
        "Harbour master Tomas Brenn closed the Ostrel pier on Friday.",
    );
    assert!(
        shown_between(&report, "Saturday", "Friday").is_empty(),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn last_week_against_a_weekday_stays_silent() {
    let report = compare(
        "Ilse Varga closed the Ostrel pier last week after the storm.",
        "Ilse Varga closed the Ostrel pier on Friday.",
    );
    assert!(
        shown_between(&report, "week", "Friday").is_empty(),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn articles_weeks_apart_tell_two_occasions() {
    let report = compare_dated(
        "2 March 2026",
        "Ilse Varga closed the Ostrel pier on Saturday after the storm.",
        "23 March 2026",
        "Ilse Varga closed the Ostrel pier on Friday after the second storm.",
    );
    assert!(
        shown_between(&report, "Saturday", "Friday").is_empty(),
        "{:?}",
        all_dates(&report)
    );
    // Dated two days apart, the same act on two weekdays is found again.
    let report = compare_dated(
        "2 March 2026",
        "Ilse Varga closed the Ostrel pier on Saturday after the storm.",
        "4 March 2026",
        "Ilse Varga closed the Ostrel pier on Friday after the storm.",
    );
    assert!(
        !shown_between(&report, "Saturday", "Friday").is_empty(),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn a_source_giving_the_act_two_days_stays_silent() {
    let report = compare(
        "Ilse Varga closed the Ostrel pier on Saturday after the storm.",
        "Ilse Varga closed the Ostrel pier on Friday.\n\nIlse Varga closed the Ostrel pier \
         on Sunday, after the second storm.",
    );
    assert!(
        shown_between(&report, "Saturday", "Friday").is_empty(),
        "{:?}",
        all_dates(&report)
    );
}

#[test]
fn one_agent_announcing_two_things_stays_silent() {
    let report = compare(
        "Mayor Ilse Varga announced Sunday that the pier would close for the winter.",
        "The crews rejected the toll rise, which Ilse Varga announced on Wednesday over the \
         objections of her deputies.",
    );
    assert!(
        shown_between(&report, "Sunday", "Wednesday").is_empty(),
        "{:?}",
        all_dates(&report)
    );
}
