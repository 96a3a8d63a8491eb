//! Counts by referent (issue 20), on our own fiction: two sources that give one holder's
//! count differently are found wherever their passages lie in the story; counts of two
//! holders, a holder with two such figures, money of two different things and counts of
//! different predicates stay silent.

mod common;

use parallax::model::{FindingKind, Report};

/// The paragraph both sources tell, which makes the two documents one story.
const SHARED: &str = "The mining group Teralith agreed to buy its smaller rival Quarnmet after \
    a bidding contest that lasted most of the year, the two boards said in Vossberg.";

fn compare(a: &str, b: &str) -> Report {
    common::compare_texts(&[&format!("{SHARED}\n\n{a}\n"), &format!("{SHARED}\n\n{b}\n")])
}

/// Number mismatches shown by default, as (claim texts, confidence, evidence).
fn shown_mismatches(report: &Report) -> Vec<(Vec<String>, f32, Vec<String>)> {
    common::shown_with_evidence(report, FindingKind::NumberMismatch)
}

fn all_numbers(report: &Report) -> Vec<String> {
    common::any_with_confidence(report, FindingKind::NumberMismatch)
}

/// Whether a shown mismatch has one claim containing `x` and another containing `y`.
fn shows(report: &Report, x: &str, y: &str) -> bool {
    shown_mismatches(report).iter().any(|(claims, _, _)| {
        claims.iter().any(|c| c.contains(x)) && claims.iter().any(|c| c.contains(y))
    })
}

#[test]
fn one_companys_staff_counted_differently_across_events_is_found() {
    let report = compare(
        "Quarnmet operates nine mines and has 7,300 employees, the company said.\n\n\
         Shares in Teralith rose sharply in early trading as analysts welcomed the price.",
        "Dock workers in the northern ports fear that the ore trains will be rerouted to the \
         south.\n\n\
         Analysts expect the regulator in Vossberg to take months over the deal, since both \
         firms sell ore to the same steel mills. Quarnmet has about 6,800 employees and ships \
         most of its ore by rail.",
    );
    let found = shown_mismatches(&report);
    let staff = found
        .iter()
        .find(|(claims, _, _)| claims.iter().any(|c| c.contains("7,300")))
        .unwrap_or_else(|| panic!("no shown staff mismatch: {:?}", all_numbers(&report)));
    assert!(staff.0.iter().any(|c| c.contains("6,800")), "{staff:?}");
    let evidence = staff.2.join(" | ");
    assert!(evidence.contains("given for “Quarnmet”"), "{evidence}");
    assert!(evidence.contains("the company said"), "{evidence}");
}

#[test]
fn one_players_goal_minute_told_in_two_events_is_found() {
    let report = compare(
        "In the cup tie in Eskedal, Tomas Reiner ran at two defenders and curled the winner \
         into the far corner in the 67th minute.\n\n\
         The away fans left before the final whistle.",
        "The groundsmen had worked through the night to clear the snow.\n\n\
         The winner came from Tomas Reiner in the 76th minute, a low shot from the edge of \
         the area.",
    );
    assert!(shows(&report, "67th", "76th"), "{:?}", all_numbers(&report));
}

#[test]
fn minutes_of_two_players_stay_apart() {
    let report = compare(
        "Jonas Keel equalised for the visitors in the 58th minute with a header.",
        "The winner came from Tomas Reiner in the 67th minute, a low shot from the edge of \
         the area.",
    );
    assert!(
        !shows(&report, "58th", "67th"),
        "{:?}",
        all_numbers(&report)
    );
}

#[test]
fn a_player_with_two_goals_is_no_single_referent() {
    let report = compare(
        "Tomas Reiner scored in the 12th minute, and Tomas Reiner struck again in the 70th \
         minute to settle the tie.",
        "The groundsmen had worked through the night to clear the snow.\n\n\
         The second goal came from Tomas Reiner in the 74th minute.",
    );
    assert!(
        !shows(&report, "70th", "74th") && !shows(&report, "12th", "74th"),
        "{:?}",
        all_numbers(&report)
    );
}

#[test]
fn staff_of_two_companies_stay_apart() {
    let report = compare(
        "Quarnmet operates nine mines and has 7,300 employees, the company said.",
        "Dock workers in the northern ports fear that the ore trains will be rerouted.\n\n\
         Teralith, founded in 1921 in Vossberg, has 9,100 employees in four countries.",
    );
    assert!(
        !shows(&report, "7,300", "9,100"),
        "{:?}",
        all_numbers(&report)
    );
}

#[test]
fn money_of_two_different_things_stays_apart() {
    let report = compare(
        "Quarnmet reported revenue of 3.1 billion euros last year.",
        "Dock workers in the northern ports fear that the ore trains will be rerouted.\n\n\
         The offer values Quarnmet at 4.2 billion euros including debt.",
    );
    assert!(
        !shows(&report, "3.1 billion", "4.2 billion"),
        "{:?}",
        all_numbers(&report)
    );
}

#[test]
fn staff_held_and_jobs_cut_stay_apart() {
    let report = compare(
        "Quarnmet employs 7,300 workers at its nine mines.",
        "Dock workers in the northern ports fear that the ore trains will be rerouted.\n\n\
         Quarnmet will cut 6,000 jobs over three years, the unions fear.",
    );
    assert!(
        !shows(&report, "7,300", "6,000"),
        "{:?}",
        all_numbers(&report)
    );
}
