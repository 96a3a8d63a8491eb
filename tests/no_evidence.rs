//! "No evidence of" an act against another source's claim of it (issue 20, claim and
//! denial), on our own fiction. Found when one source reports no evidence of an act and
//! another reports a plain claim of the same act (the noun or its verb) with a participant
//! named on both sides; silent when the claim is negated, asked or conditional, when no
//! participant is shared, when the other source reports no evidence itself, and when the
//! act is another.

use parallax::model::FindingKind;

mod common;
use common::{any, compare_texts as compare, shown};

/// The paragraph both sources tell, which makes the two documents one story.
const SHARED: &str = "The Velmar port authority's dredging contract went to Halvorsen Marine \
    last spring, and the harbour board opened an inquiry into the tender in October.";

fn absences(first: &str, second: &str) -> (Vec<String>, Vec<String>) {
    let report = compare(&[
        &format!("{SHARED}\n\n{first}\n"),
        &format!("{SHARED}\n\n{second}\n"),
    ]);
    let found = |list: Vec<String>| -> Vec<String> {
        list.into_iter()
            .filter(|s| s.contains("reports no evidence of"))
            .collect()
    };
    (
        found(shown(&report, FindingKind::Contradiction)),
        found(any(&report, FindingKind::Contradiction)),
    )
}

const FINDING: &str = "The inquiry found no evidence of collusion between Halvorsen Marine and \
    the port authority, its chair said on Monday.";

#[test]
fn no_evidence_against_a_claim_of_the_act_is_found() {
    for claim in [
        "Councillor Edda Lunde said Halvorsen Marine had colluded with the port authority to \
         fix the tender.",
        "Councillor Edda Lunde accused Halvorsen Marine of collusion with the port authority \
         over the tender.",
    ] {
        let (shown, all) = absences(FINDING, claim);
        assert!(
            shown.iter().any(|s| s.contains("collusion")),
            "{claim}: {all:?}"
        );
    }
}

#[test]
fn negated_asked_unshared_self_reported_or_other_acts_stay_silent() {
    for claim in [
        // Negated.
        "Councillor Edda Lunde said Halvorsen Marine had not colluded with the port authority.",
        // Asked, not claimed.
        "Councillor Edda Lunde asked whether Halvorsen Marine had colluded with the port \
         authority.",
        // No participant on both sides.
        "Councillor Edda Lunde said two fishing firms had colluded to fix fuel prices in Osterby.",
        // The other source reports no evidence too.
        "Councillor Edda Lunde welcomed the finding. The board saw no evidence of collusion by \
         Halvorsen Marine, she said, though it had colluded with nobody.",
        // Another act.
        "Councillor Edda Lunde said Halvorsen Marine had dredged the harbour too slowly.",
    ] {
        let (_, all) = absences(FINDING, claim);
        assert!(all.is_empty(), "{claim}: {all:?}");
    }
}
