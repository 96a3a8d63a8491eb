//! One country's government labelled twice, on our own fiction (invented people, towns and
//! events; the countries are real words because the tie is read from WordNet's country
//! names): a source that calls it a junta and another that calls it the transitional
//! authorities, in sentences of different events with no words in common, give a shown
//! `wording` finding. Two countries' governments, one term in both sources, and two neutral
//! terms stay silent.

use parallax::model::{FindingKind, Report};

mod common;
use common::{any_with_confidence, compare_texts as compare};

/// A strong shared event, so that the two documents tell one story.
const SHARED_A: &str = "Ferry captain Odrun Velle and 14 crew members were released in Tromvik \
on Saturday after nine days in custody, the Velstad shipping line said.";
const SHARED_B: &str = "The Velstad shipping line said ferry captain Odrun Velle and 14 crew \
members were released in Tromvik on Saturday after nine days in custody.";

/// Shown wording findings whose claims hold both words.
fn pairing(report: &Report, a: &str, b: &str) -> Vec<(String, f32, Vec<String>)> {
    report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Wording && f.confidence >= 0.6)
        .filter(|f| {
            let has = |w: &str| f.claims.iter().any(|c| c.text.to_lowercase().contains(w));
            has(a) && has(b)
        })
        .map(|f| (f.summary.clone(), f.confidence, f.evidence.clone()))
        .collect()
}

fn story(first: &str, second: &str) -> Report {
    compare(&[
        &format!("{SHARED_A}\n\n{first}\n\nThe harbour master of Tromvik declined to comment."),
        &format!(
            "{second}\n\nDock workers in Lindholm waited for the ferry's return.\n\n{SHARED_B}"
        ),
    ])
}

#[test]
fn one_government_called_a_junta_and_transitional_authorities_is_wording() {
    let report = story(
        "The Norwegian junta had accused the crew of spying near the Orrefjord naval base.",
        "Norway's transitional authorities promised a quick hearing for the sailors from Lindholm.",
    );
    let found = pairing(&report, "junta", "transitional authorities");
    let all = any_with_confidence(&report, FindingKind::Wording);
    assert_eq!(found.len(), 1, "{all:?}");
    let (_, _, evidence) = &found[0];
    assert!(
        evidence.iter().any(|e| e.contains("norway")),
        "{evidence:?}"
    );
}

#[test]
fn a_term_without_its_own_country_takes_its_documents() {
    // "the junta's envoy" names no country; the same document speaks of the Norwegian junta
    // and of no other.
    let report = story(
        "The junta's envoy Ivo Marrek met the families in Lindholm on Thursday.\n\n\
         Critics of the Norwegian junta said the arrests were a warning to foreign shipping.",
        "Norway's transitional authorities promised a quick hearing for the sailors from Lindholm.",
    );
    let found = pairing(&report, "junta", "transitional authorities");
    assert!(
        !found.is_empty(),
        "{:?}",
        any_with_confidence(&report, FindingKind::Wording)
    );
}

#[test]
fn two_countries_one_term_and_neutral_terms_stay_silent() {
    // Two governments: never one referent, even in one sentence's event.
    let report = story(
        "The Norwegian junta had accused the crew of spying near the Orrefjord naval base.",
        "The Swedish government promised a quick hearing for the sailors from Lindholm.",
    );
    assert!(
        pairing(&report, "junta", "government").is_empty(),
        "{:?}",
        any_with_confidence(&report, FindingKind::Wording)
    );
    // Two governments in the two accounts of one event: the event does not make them one.
    let report = compare(&[
        &format!(
            "{SHARED_A}\n\nThe Norwegian junta freed the 14 crew members of the ferry in Tromvik on Saturday after nine days."
        ),
        &format!(
            "{SHARED_B}\n\nThe Swedish government freed the 14 crew members of the ferry in Tromvik on Saturday after nine days."
        ),
    ]);
    assert!(
        pairing(&report, "junta", "government").is_empty(),
        "{:?}",
        any_with_confidence(&report, FindingKind::Wording)
    );
    // The same term in both sources.
    let report = story(
        "The Norwegian junta had accused the crew of spying near the Orrefjord naval base.",
        "Norway's junta promised a quick hearing for the sailors from Lindholm.",
    );
    assert!(
        pairing(&report, "junta", "junta").is_empty(),
        "{:?}",
        any_with_confidence(&report, FindingKind::Wording)
    );
    // A government of another time is another referent.
    let report = story(
        "The Norwegian junta had accused the crew of spying near the Orrefjord naval base.",
        "The Norwegian authorities of the time promised a quick hearing for the sailors from Lindholm.",
    );
    assert!(
        pairing(&report, "junta", "authorities").is_empty(),
        "{:?}",
        any_with_confidence(&report, FindingKind::Wording)
    );
    // Two neutral terms for one government.
    let report = story(
        "The Norwegian government had accused the crew of spying near the Orrefjord naval base.",
        "Norway's authorities promised a quick hearing for the sailors from Lindholm.",
    );
    assert!(
        pairing(&report, "government", "authorities").is_empty(),
        "{:?}",
        any_with_confidence(&report, FindingKind::Wording)
    );
}

#[test]
fn a_curly_quote_before_a_government_term_is_read_without_a_panic() {
    // A quote left open across paragraphs: the word before the term opens after a
    // three-byte quotation mark.
    let report = compare(&[
        "Protesters filled the square in Tarvik, Norway, on Monday.\n\nThe Norwegian junta \
         has failed us, said a teacher, Olav Brenn.\n",
        "Protesters filled the square in Tarvik, Norway, on Monday.\n\n“The government should \
         resign.\n\n“We will come back every day,” said a teacher, Olav Brenn.\n",
    ]);
    assert_eq!(report.documents.len(), 2);
}
