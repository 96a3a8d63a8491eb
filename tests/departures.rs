//! A departure told two ways (issue 20, disputes), on our own fiction: one source says a
//! person was removed from a post, another that the same person left it. Found when the
//! same named person is plainly removed on one side and plainly leaves on the other;
//! silent for another person, a removal that forced the resignation, a negated or possible
//! act, a document that tells both, two occasions, and a verb of removal whose object is
//! no person.

use parallax::model::FindingKind;

mod common;
use common::{any, compare_texts as compare, shown};

/// The paragraph both sources tell, which makes the two documents one story.
const SHARED: &str = "The Velmar port authority lost its director, Anika Brandvold, in a week \
    of rows over the harbour dredging contract and the missing tender papers.";

fn departures(first: &str, second: &str) -> (Vec<String>, Vec<String>) {
    let report = compare(&[
        &format!("{SHARED}\n\n{first}\n"),
        &format!("{SHARED}\n\n{second}\n"),
    ]);
    let removed = |list: Vec<String>| -> Vec<String> {
        list.into_iter()
            .filter(|s| s.contains("was removed where"))
            .collect()
    };
    (
        removed(shown(&report, FindingKind::Contradiction)),
        removed(any(&report, FindingKind::Contradiction)),
    )
}

#[test]
fn removed_against_left_of_one_person_is_found() {
    for (first, second) in [
        (
            "Mayor Tomas Rell fired Anika Brandvold on Friday after the tender papers went missing.",
            "Anika Brandvold resigned on Friday after the tender papers went missing.",
        ),
        (
            "Anika Brandvold was dismissed by the board after the tender papers went missing.",
            "Anika Brandvold stepped down after the tender papers went missing.",
        ),
    ] {
        let (shown, all) = departures(first, second);
        assert!(
            shown.iter().any(|s| s.contains("Anika Brandvold")),
            "{first} / {second}: {all:?}"
        );
    }
}

#[test]
fn other_people_forced_negated_both_told_or_other_occasions_stay_silent() {
    for (first, second) in [
        // Another person left.
        (
            "Mayor Tomas Rell fired Anika Brandvold on Friday after the tender papers went missing.",
            "Her deputy Jorunn Kvist resigned on Friday after the tender papers went missing.",
        ),
        // Forced to resign is a resignation under pressure, not a second account.
        (
            "Anika Brandvold was forced to resign after the tender papers went missing.",
            "Anika Brandvold resigned after the tender papers went missing.",
        ),
        // A negated and a possible removal.
        (
            "Mayor Tomas Rell did not fire Anika Brandvold after the tender papers went missing.",
            "Anika Brandvold resigned after the tender papers went missing.",
        ),
        (
            "Mayor Tomas Rell could fire Anika Brandvold after the tender papers went missing.",
            "Anika Brandvold resigned after the tender papers went missing.",
        ),
        // One source tells both: pushed out, then she resigned.
        (
            "Mayor Tomas Rell ousted Anika Brandvold from the board. Anika Brandvold resigned \
             from the port authority a day later.",
            "Anika Brandvold resigned after the tender papers went missing.",
        ),
        // Two occasions: two different years.
        (
            "Mayor Tomas Rell fired Anika Brandvold in 2019 after the tender papers went missing.",
            "Anika Brandvold resigned in 2024 after the tender papers went missing.",
        ),
        // The object of a verb of removal is no person.
        (
            "Anika Brandvold fired the dredging contractor after the tender papers went missing.",
            "Anika Brandvold resigned after the tender papers went missing.",
        ),
    ] {
        let (_, all) = departures(first, second);
        assert!(all.is_empty(), "{first} / {second}: {all:?}");
    }
}
