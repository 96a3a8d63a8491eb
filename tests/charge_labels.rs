//! The charge of one legal act told two ways (issue 20, labels), on our own fiction: one
//! source says a person pleaded guilty to one offence, another names another offence for
//! the same plea. Found for the same named person and the same act with different offences;
//! silent when one side names several charges and the other one of them, for two people,
//! two occasions, one offence and a kind of it, a plea that is only expected, and the same
//! offence told alike.

use parallax::model::FindingKind;

mod common;
use common::{any, compare_texts as compare, shown};

/// The paragraph both sources tell, which makes the two documents one story.
const SHARED: &str = "The former harbour commissioner Odran Feilberg appeared on Tuesday in the \
    district court at Velmar over the dredging contract money that went missing from the \
    port authority accounts.";

fn charges(first: &str, second: &str) -> (Vec<String>, Vec<String>) {
    let report = compare(&[
        &format!("{SHARED}\n\n{first}\n"),
        &format!("{SHARED}\n\n{second}\n"),
    ]);
    let named = |list: Vec<String>| -> Vec<String> {
        list.into_iter()
            .filter(|s| s.contains("different charges"))
            .collect()
    };
    (
        named(shown(&report, FindingKind::Wording)),
        named(any(&report, FindingKind::Wording)),
    )
}

#[test]
fn one_plea_with_two_offences_is_found() {
    for (first, second) in [
        (
            "Odran Feilberg pleaded guilty on Tuesday to embezzlement before Judge Maren Oksvik.",
            "Odran Feilberg pleaded guilty to one count of bribery, his lawyer said.",
        ),
        // The noun with its owner, and a pronoun after the same act.
        (
            "Feilberg agreed to a deal with the prosecutors. Feilberg's guilty plea was to a \
             forgery charge.",
            "Odran Feilberg pleaded guilty on Tuesday in the district court. He pleaded guilty \
             to embezzlement before Judge Maren Oksvik.",
        ),
        // Passive charges.
        (
            "Odran Feilberg was charged with extortion by the district prosecutor.",
            "Odran Feilberg was charged with embezzlement by the district prosecutor.",
        ),
    ] {
        let (shown, all) = charges(first, second);
        assert!(
            shown.iter().any(|s| s.contains("Odran Feilberg")),
            "{first} / {second}: {all:?}"
        );
    }
}

#[test]
fn several_charges_other_people_occasions_and_kinds_stay_silent() {
    for (first, second) in [
        // Several charges on one side, one of them on the other.
        (
            "Odran Feilberg pleaded guilty to embezzlement and bribery before Judge Maren Oksvik.",
            "Odran Feilberg pleaded guilty to bribery before Judge Maren Oksvik.",
        ),
        // Two people: the commissioner and his deputy.
        (
            "Odran Feilberg pleaded guilty to embezzlement before Judge Maren Oksvik.",
            "His deputy Lisbet Harnaes pleaded guilty to bribery before Judge Maren Oksvik.",
        ),
        // Two occasions.
        (
            "Odran Feilberg pleaded guilty to embezzlement in 2019.",
            "Odran Feilberg pleaded guilty to bribery in 2023.",
        ),
        (
            "Odran Feilberg pleaded guilty to embezzlement before Judge Maren Oksvik.",
            "Odran Feilberg also pleaded guilty to bribery in a separate case.",
        ),
        // An offence and a kind of it.
        (
            "Odran Feilberg pleaded guilty to fraud before Judge Maren Oksvik.",
            "Odran Feilberg pleaded guilty to mail fraud before Judge Maren Oksvik.",
        ),
        // A plea only expected on one side.
        (
            "Odran Feilberg is expected to plead guilty to bribery next month.",
            "Odran Feilberg pleaded guilty to embezzlement before Judge Maren Oksvik.",
        ),
        // Another act: charged with two, pleaded guilty to one.
        (
            "Odran Feilberg was charged with bribery by the district prosecutor.",
            "Odran Feilberg pleaded guilty to embezzlement before Judge Maren Oksvik.",
        ),
        // A guilty plea against a plea of not guilty.
        (
            "Odran Feilberg pleaded not guilty to bribery before Judge Maren Oksvik.",
            "Odran Feilberg pleaded guilty to embezzlement before Judge Maren Oksvik.",
        ),
        // The same offence told alike.
        (
            "Odran Feilberg pleaded guilty to embezzlement before Judge Maren Oksvik.",
            "Odran Feilberg pleaded guilty on Tuesday to embezzlement charges.",
        ),
    ] {
        let (_, all) = charges(first, second);
        assert!(all.is_empty(), "{first} / {second}: {all:?}");
    }
}

/// The story of one inquiry, shared by both sources.
const INQUIRY: &str = "The special prosecutor Ilse Varnholt questioned the Ardmoor port \
    director on Monday about the dredging contract money that went missing from the harbour \
    accounts.";

fn inquiry_labels(first: &str, second: &str) -> (Vec<String>, Vec<String>) {
    let report = compare(&[
        &format!("{INQUIRY}\n\n{first}\n"),
        &format!("{INQUIRY}\n\n{second}\n"),
    ]);
    let labelled = |list: Vec<String>| -> Vec<String> {
        list.into_iter()
            .filter(|s| s.contains("inquiry differently"))
            .collect()
    };
    (
        labelled(shown(&report, FindingKind::Wording)),
        labelled(any(&report, FindingKind::Wording)),
    )
}

#[test]
fn one_owners_inquiry_with_two_topics_is_found() {
    let (shown, all) = inquiry_labels(
        "The director is now helping Ilse Varnholt's investigators in the Ardmoor bribery case, \
         his lawyer said.",
        "The director was questioned in Ilse Varnholt's investigation into possible smuggling \
         through the Ardmoor docks, his lawyer said.",
    );
    assert!(
        shown
            .iter()
            .any(|s| s.contains("bribery") && s.contains("smuggling")),
        "{all:?}"
    );
}

#[test]
fn other_owners_shared_topics_and_unnamed_parties_stay_silent() {
    for (first, second) in [
        // Two owners: the prosecutor and the harbour board.
        (
            "The director is now helping Ilse Varnholt's investigators in the Ardmoor bribery \
             case, his lawyer said.",
            "The director was questioned in the Harbour Board's investigation into possible \
             smuggling through the Ardmoor docks, his lawyer said.",
        ),
        // One topic told alike.
        (
            "The director is now helping Ilse Varnholt's investigation into bribery at the \
             Ardmoor docks, his lawyer said.",
            "The director was questioned in Ilse Varnholt's investigation into bribery at the \
             Ardmoor docks, his lawyer said.",
        ),
        // The topics overlap: both name the smuggling.
        (
            "The director is now helping Ilse Varnholt's investigation into bribery and \
             smuggling at the Ardmoor docks, his lawyer said.",
            "The director was questioned in Ilse Varnholt's investigation into smuggling and \
             tax evasion at the Ardmoor docks, his lawyer said.",
        ),
        // No party named by both: two matters of one prosecutor.
        (
            "The director is now helping Ilse Varnholt's investigation into bribery at the \
             Ardmoor docks, his lawyer said.",
            "The director was questioned in Ilse Varnholt's investigation into smuggling by \
             Kestrel Shipping, his lawyer said.",
        ),
    ] {
        let (_, all) = inquiry_labels(first, second);
        assert!(all.is_empty(), "{first} / {second}: {all:?}");
    }
}
