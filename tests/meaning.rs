//! Events told in other words (issue 21), on our own fiction: the similar-meaning signal
//! must join a statement and its retelling in other words, and must not join two occasions
//! that only share a stock phrase. Each "by meaning" test also runs with the signal off and
//! asserts that the words alone did not make the link, so it fails if the signal stops
//! working as well as if it stops helping.

use parallax::model::{FindingKind, Report};
use parallax::{Input, Settings, progress::Progress};
use std::path::PathBuf;

mod common;

fn compare(texts: &[&str], meaning: bool) -> Report {
    let inputs = common::memory_inputs(texts);
    let settings = Settings {
        meaning,
        ..Settings::default()
    };
    parallax::compare(&inputs, &settings, &Progress::new()).unwrap()
}

/// The passage of document `document` that contains `words`.
fn passage_with(report: &Report, document: usize, words: &str) -> usize {
    let doc = &report.documents[document];
    let at = doc
        .text
        .find(words)
        .unwrap_or_else(|| panic!("document {document}: not found: {words}"));
    doc.passages
        .iter()
        .position(|p| p.start <= at && at < p.end)
        .unwrap_or_else(|| panic!("document {document}: outside passages: {words}"))
}

/// Whether the passages holding `a` (document 0) and `b` (document 1) share an event.
fn linked(report: &Report, a: &str, b: &str) -> bool {
    let (pa, pb) = (passage_with(report, 0, a), passage_with(report, 1, b));
    report.events.iter().any(|event| {
        let has = |d: usize, p: usize| {
            event
                .passages
                .iter()
                .any(|at| at.document.get() == d && at.passage.get() == p)
        };
        has(0, pa) && has(1, pb)
    })
}

/// A council story told by two outlets; the third paragraph of each is the same warning in
/// other words ("traders" / "businesses", "customers" / "shoppers", "shops" / "stores"),
/// sharing one specific word: too little for the words alone.
const TOLL_A: &str = "Tolls on the Orlen river bridge\n\n\
    The Orlen town council voted on Tuesday to charge drivers four crowns to cross the river bridge from May.\n\n\
    Traders say the toll will keep their customers away from the town's shops.\n\n\
    The council's treasurer, Ilse Marwood, said the money would pay for repairs to the bridge's rusting deck.";
const TOLL_B: &str = "Orlen bridge toll approved\n\n\
    Councillors in Orlen approved a four-crown toll on the river bridge on Tuesday, to start in May.\n\n\
    Local businesses fear the toll will keep shoppers away from the town's stores.\n\n\
    Treasurer Ilse Marwood told the meeting that the bridge deck is rusting and must be repaired.";

#[test]
fn synonyms_align_by_meaning() {
    let (a, b) = ("Traders say the toll", "Local businesses fear");
    let with = compare(&[TOLL_A, TOLL_B], true);
    let without = compare(&[TOLL_A, TOLL_B], false);
    assert!(linked(&with, a, b), "the retold warning is not one event");
    assert!(
        !linked(&without, a, b),
        "the words alone already link it: the test no longer tests meaning"
    );
    let evidence: Vec<&str> = with
        .events
        .iter()
        .flat_map(|e| e.evidence.iter().map(|ev| ev.text.as_str()))
        .collect();
    assert!(
        evidence.iter().any(|t| t.starts_with("similar meaning")),
        "no event says it rests on meaning: {evidence:?}"
    );
}

/// One outlet's headline against another's lede: the same strike, other words.
const FERRY_A: &str = "Ferry crews strike over wages\n\n\
    Passengers waited for hours at the Dunmere terminal before the company cancelled the last boats of the day.\n\n\
    The union says its members have not had a pay rise in three years.";
const FERRY_B: &str = "Islanders stranded as the mainland link stops\n\n\
    Boat workers on the Kessa crossing walked out on Monday in a dispute over their pay.\n\n\
    Shops on Kessa expect to run short of bread and milk if the dispute lasts beyond the weekend.";

/// The headline and the lede share no word; each is the other's closest passage by meaning
/// in the other article ([`parallax`]'s `align/leads.rs`).
#[test]
fn headline_and_lede_align_by_meaning() {
    let (a, b) = ("Ferry crews strike", "Boat workers on the Kessa");
    let with = compare(&[FERRY_A, FERRY_B], true);
    let without = compare(&[FERRY_A, FERRY_B], false);
    assert!(
        linked(&with, a, b),
        "the headline and the lede are not one event"
    );
    assert!(
        !linked(&without, a, b),
        "the words alone already link it: the test no longer tests meaning"
    );
}

/// The same minister says the same stock phrase on two occasions, Monday and Thursday;
/// each outlet reports one of them. Both articles also report the ceasefire itself.
const TALKS_A: &str = "Ceasefire in the Dorva hills\n\n\
    A ceasefire between the army and the Dorva rebels came into force at dawn on Sunday.\n\n\
    On Monday, Foreign Minister Ansel Vree said after a meeting with envoys in the capital that lines of communication remain open with the rebel command.\n\n\
    Aid lorries reached the hill villages for the first time in a month.";
const TALKS_B: &str = "Dorva truce collapses\n\n\
    The ceasefire between the army and the Dorva rebels, in force since dawn on Sunday, collapsed within days.\n\n\
    On Thursday, Foreign Minister Ansel Vree said after shelling resumed near the border that lines of communication remain open with the rebel command.\n\n\
    Hundreds of families fled towards the coast.";

#[test]
fn two_occasions_sharing_a_stock_phrase_stay_apart() {
    let (a, b) = (
        "On Monday, Foreign Minister",
        "On Thursday, Foreign Minister",
    );
    for meaning in [true, false] {
        let report = compare(&[TALKS_A, TALKS_B], meaning);
        assert!(
            !linked(&report, a, b),
            "two occasions joined (meaning {meaning})"
        );
        // The articles do align where they tell one event, so the test can fail.
        assert!(
            linked(&report, "A ceasefire between", "The ceasefire between"),
            "the ceasefire itself is not one event (meaning {meaning})"
        );
    }
}

#[test]
fn samples_date_difference_stays_one_event_with_a_date_finding() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let (files, errors) = parallax::load::expand_inputs(&[folder]);
    assert!(errors.is_empty(), "{errors:?}");
    let inputs: Vec<Input> = files.into_iter().map(Input::Path).collect();
    let report = parallax::compare(&inputs, &Settings::default(), &Progress::new()).unwrap();
    let find = |file: &str, words: &str| {
        let document = report
            .documents
            .iter()
            .position(|d| d.path.ends_with(file))
            .unwrap_or_else(|| panic!("no document {file}"));
        (document, passage_with(&report, document, words))
    };
    // One outlet dates the protest 14 March, another 15 March.
    let early = find("02_free_kestrian.md", "On 14 March thousands");
    let late = find("04_continental_wire.txt", "On Saturday, 15 March");
    let event = report
        .events
        .iter()
        .find(|e| {
            let has = |(d, p): (usize, usize)| {
                e.passages
                    .iter()
                    .any(|at| at.document.get() == d && at.passage.get() == p)
            };
            has(early) && has(late)
        })
        .expect("the protest told with two dates is not one event");
    let dates: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::DateMismatch && f.event == Some(event.index))
        .flat_map(|f| f.claims.iter().map(|c| c.text.as_str()))
        .collect();
    assert!(
        dates.iter().any(|t| t.contains("14 March"))
            && dates.iter().any(|t| t.contains("15 March")),
        "no date finding sets 14 March against 15 March in the event: {dates:?}"
    );
}
