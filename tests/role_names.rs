//! One person named through a role in each source ("his wife, Katherine" / "Mr. Velk's
//! wife, Kathy"), on our own fiction: the nickname form given to one role of one person is
//! a name variant; unrelated given names for the role, roles of different people, and a
//! given name shared by two people of one document never merge.

use parallax::model::{FindingKind, Report};

mod common;
use common::{any, compare_texts as compare, shown};

/// The aliases of the entity that has `alias` among its spellings.
fn aliases_with(report: &Report, alias: &str) -> Vec<String> {
    report
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|a| a == alias))
        .map(|e| e.aliases.clone())
        .unwrap_or_default()
}

#[test]
fn a_lone_given_name_joins_the_one_full_name_it_opens() {
    let report = compare(&[
        "Senator Odran Velk was charged in Corvey on Monday. \
         Councillor Katherine Velk was charged the same day. \
         Katherine told reporters she would fight the charge.",
        "Senator Odran Velk was charged in Corvey on Monday.",
    ]);
    let aliases = aliases_with(&report, "Katherine");
    assert!(
        aliases.contains(&"Katherine Velk".to_string()),
        "{aliases:?}"
    );
}

#[test]
fn a_given_name_shared_by_two_people_of_one_document_stays_apart() {
    let report = compare(&[
        "Katherine Velk and Katherine Dorn were charged in Corvey on Monday. \
         Katherine told reporters she would fight the charge.",
        "Katherine Velk and Katherine Dorn were charged in Corvey on Monday.",
    ]);
    assert_eq!(
        aliases_with(&report, "Katherine"),
        vec!["Katherine".to_string()]
    );
}

#[test]
fn the_nickname_given_to_one_role_of_one_person_is_a_name_variant() {
    let report = compare(&[
        "Senator Odran Velk was charged in Corvey on Monday with misusing campaign funds. \
         He and his wife, Katherine, have agreed to plead guilty in deals with prosecutors.",
        "Senator Odran Velk appeared in court in Corvey on Monday over the campaign funds. \
         Mr. Velk's wife, Kathy, also accompanied him to the hearing.",
    ]);
    let aliases = aliases_with(&report, "Kathy");
    assert!(aliases.contains(&"Katherine".to_string()), "{aliases:?}");
    let variants = shown(&report, FindingKind::NameVariant);
    assert_eq!(
        variants.len(),
        1,
        "{:?}",
        any(&report, FindingKind::NameVariant)
    );
    let finding = report
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::NameVariant)
        .expect("a name variant");
    assert!(
        finding.evidence.iter().any(|e| e.contains("wife of")) && finding.summary.contains("Kathy"),
        "{} {:?}",
        finding.summary,
        finding.evidence
    );
}

#[test]
fn unrelated_given_names_for_one_role_stay_two_people() {
    let report = compare(&[
        "Senator Odran Velk was charged in Corvey on Monday with misusing campaign funds. \
         He and his wife, Katherine, have agreed to plead guilty in deals with prosecutors.",
        "Senator Odran Velk appeared in court in Corvey on Monday over the campaign funds. \
         Mr. Velk's wife, Mirela, also accompanied him to the hearing.",
    ]);
    assert!(!aliases_with(&report, "Mirela").contains(&"Katherine".to_string()));
    assert!(
        any(&report, FindingKind::NameVariant).is_empty(),
        "{:?}",
        any(&report, FindingKind::NameVariant)
    );
}

#[test]
fn the_same_role_of_two_different_people_does_not_link_names() {
    let report = compare(&[
        "Senator Odran Velk was charged in Corvey on Monday. \
         Mr. Velk's wife, Katherine, was charged the same day.",
        "Mayor Ivo Dorn was charged in Corvey on Monday. \
         Mr. Dorn's wife, Kathy, was charged the same day.",
    ]);
    assert!(!aliases_with(&report, "Kathy").contains(&"Katherine".to_string()));
}
