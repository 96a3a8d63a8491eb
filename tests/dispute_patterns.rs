//! The dispute detectors on our own fiction (issue 20): contradictions and claims with their
//! denial paired across events of one story, quantifier conflicts, modality, and an object
//! the claim reading missed. Every true difference is found (shown when the evidence is
//! strong), and the false patterns stay silent: another referent, another object, two
//! voices, a hedge, a quantifier over other things, a modal in a question or a condition.
//! The patterns of the older detectors are in `finding_patterns.rs`.

use parallax::model::{FindingKind, Report};
use parallax::settings::DEFAULT_MIN_CONFIDENCE;
use parallax::{Settings, progress::Progress};

mod common;
use common::{any, compare_texts as compare, shown};

/// The two sources, compared again with the passage of the second source that holds
/// `needle` moved out of its event into an event of its own: the aligner's split of one
/// happening into two events, which pairing across events must see through.
fn compare_split(texts: &[&str], needle: &str) -> Report {
    use parallax::session::{Anchor, Correction, Edits};
    let first = compare(texts);
    let document = &first.documents[1];
    let at = document
        .passages
        .iter()
        .find(|p| document.text[p.start..p.end].contains(needle))
        .expect("the needle's passage");
    let anchor = Anchor::capture(1, &document.text, at.start, at.end);
    let edits = Edits {
        corrections: vec![Correction::Split {
            event: anchor.clone(),
            moved: vec![anchor],
        }],
        ..Edits::default()
    };
    let inputs = common::memory_inputs(texts);
    let report =
        parallax::compare_edited(&inputs, &[], &Settings::default(), &edits, &Progress::new())
            .unwrap()
            .report;
    let event_of = report.event_of_passages();
    let moved = document
        .passages
        .iter()
        .position(|p| p.start == at.start)
        .unwrap();
    let other = report.documents[0]
        .passages
        .iter()
        .position(|p| report.documents[0].text[p.start..p.end].contains("Tomas Rell"))
        .unwrap();
    assert!(
        event_of[1][moved].is_none() || event_of[1][moved] != event_of[0][other],
        "the split must leave the two claims in different events (or in none)"
    );
    report
}

/// A story both sources tell (the collapse), and a sentence about the harbour master's
/// permit in each, which the test moves into events of their own.
fn quay_story(first: &str, second: &str) -> [String; 2] {
    [
        format!(
            "Quay collapse in Kessel\n\nA section of the Kessel grain quay collapsed on Tuesday night, \
             sending two cranes into the harbour and injuring four dock workers.\n\n\
             Rescue boats searched the water until dawn, the port authority said.\n\n{first}\n"
        ),
        format!(
            "Cranes fall as Kessel quay gives way\n\nPart of the grain quay in Kessel collapsed late on \
             Tuesday, toppling two cranes into the harbour and injuring four dock workers.\n\n\
             Divers and rescue boats searched the harbour through the night.\n\n{second}\n"
        ),
    ]
}

#[test]
fn a_contradiction_across_two_events_of_one_story_is_found_and_says_so() {
    let [a, b] = quay_story(
        "At a hearing on Friday, the port board heard that harbour master Tomas Rell did not \
         approve the dredging permit for the quay before the works began.",
        "City records show that harbour master Tomas Rell approved the dredging permit for the \
         quay in March, months before the works began.",
    );
    let report = compare_split(&[&a, &b], "approved the dredging");
    let found: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Contradiction && f.confidence >= DEFAULT_MIN_CONFIDENCE)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{:?}",
        any(&report, FindingKind::Contradiction)
    );
    let finding = found[0];
    assert_eq!(finding.events.len(), 2, "{finding:?}");
    let evidence = &finding.evidence;
    assert!(
        evidence
            .iter()
            .any(|e| e.starts_with("the claims lie in two events")),
        "{evidence:?}"
    );
    assert!(
        evidence
            .iter()
            .any(|e| e.starts_with("the two sources tell one story")),
        "{evidence:?}"
    );
    assert!(
        finding.summary.contains("did not approve"),
        "{}",
        finding.summary
    );
}

#[test]
fn across_events_other_referents_voices_and_hedges_stay_silent() {
    let denied = "At a hearing on Friday, the port board heard that harbour master Tomas Rell did not \
                  approve the dredging permit for the quay before the works began.";
    let others = [
        // Another person approved it.
        "City records show that deputy mayor Ivo Marsh approved the dredging permit for the \
         quay in March, months before the works began.",
        // The same person approved something else.
        "City records show that harbour master Tomas Rell approved the cleaning contract for \
         the pier in March, months before the works began.",
        // Only reported as alleged.
        "Harbour master Tomas Rell allegedly approved the dredging permit for the quay in \
         March, months before the works began.",
        // A quote against the narration: two voices.
        "\"Harbour master Tomas Rell approved the dredging permit for the quay in March,\" a \
         dock union leader, Sanna Ollis, told reporters before the works began.",
    ];
    for other in others {
        let [a, b] = quay_story(denied, other);
        let report = compare_split(&[&a, &b], "in March");
        assert!(
            shown(&report, FindingKind::Contradiction).is_empty(),
            "{other}: {:?}",
            any(&report, FindingKind::Contradiction)
        );
    }
}

/// The contradictions found between the two texts, with their confidence.
fn contradictions(report: &Report) -> Vec<(f32, String)> {
    report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Contradiction)
        .map(|f| (f.confidence, f.summary.clone()))
        .collect()
}

const LEDGERS: &str =
    "Auditors examined the seized ledgers of the Velm grain cooperative on Monday.";

#[test]
fn none_against_some_of_one_thing_is_a_contradiction() {
    for (none, some) in [
        (
            "None of the seized ledgers from the Velm cooperative were authentic, the auditors found.",
            "Some of the seized ledgers from the Velm cooperative were authentic, the auditors found.",
        ),
        (
            "No one was hurt in the blast at the Orvell fuel depot on Sunday night, the fire service said.",
            "Two people were hurt in the blast at the Orvell fuel depot on Sunday night, the fire service said.",
        ),
    ] {
        let report = compare(&[&format!("{LEDGERS} {none}"), &format!("{LEDGERS} {some}")]);
        let found = contradictions(&report);
        assert!(
            found.iter().any(|(c, _)| *c >= DEFAULT_MIN_CONFIDENCE),
            "{none} / {some}: {found:?}"
        );
        let evidence = common::evidence_of(&report, FindingKind::Contradiction);
        assert!(
            evidence.iter().any(|e| e.contains("against")),
            "{evidence:?}"
        );
    }
}

#[test]
fn quantifiers_over_other_things_questions_conditions_and_some_against_all_stay_silent() {
    let none =
        "None of the seized ledgers from the Velm cooperative were authentic, the auditors found.";
    for other in [
        // Another thing counted.
        "Some of the seized receipts from the Velm cooperative were authentic, the auditors found.",
        // Another predicate.
        "Some of the seized ledgers from the Velm cooperative were damaged, the auditors found.",
        // A hedge.
        "Some of the seized ledgers from the Velm cooperative were reportedly authentic, the auditors found.",
        // A condition.
        "If some of the seized ledgers from the Velm cooperative were authentic, the auditors found, the trial would collapse.",
        // A question.
        "Were some of the seized ledgers from the Velm cooperative authentic, the auditors asked?",
        // A quote against the narration.
        "\"Some of the seized ledgers from the Velm cooperative were authentic,\" the lawyer Ines Garo said.",
    ] {
        let report = compare(&[&format!("{LEDGERS} {none}"), &format!("{LEDGERS} {other}")]);
        assert!(
            shown(&report, FindingKind::Contradiction).is_empty(),
            "{other}: {:?}",
            contradictions(&report)
        );
    }
    // Some against all is no conflict at all.
    let report = compare(&[
        &format!(
            "{LEDGERS} Some of the seized ledgers from the Velm cooperative were authentic, the auditors found."
        ),
        &format!(
            "{LEDGERS} All of the seized ledgers from the Velm cooperative were authentic, the auditors found."
        ),
    ]);
    assert!(
        contradictions(&report).is_empty(),
        "{:?}",
        contradictions(&report)
    );
}

const LEASE: &str =
    "The Tarsk harbour board met on Monday to settle the future of the old ferry pier.";

#[test]
fn a_fact_against_a_possibility_or_a_plan_is_a_difference_of_certainty_below_the_threshold() {
    let fact =
        "Mayor Halvard Brune signed the harbour lease with Tarsk Shipping after the meeting.";
    for (other, reading) in [
        (
            "Mayor Halvard Brune may sign the harbour lease with Tarsk Shipping after the meeting.",
            "possible",
        ),
        (
            "Mayor Halvard Brune plans to sign the harbour lease with Tarsk Shipping after the meeting.",
            "intended",
        ),
    ] {
        let report = compare(&[&format!("{LEASE} {fact}"), &format!("{LEASE} {other}")]);
        let found = contradictions(&report);
        assert_eq!(found.len(), 1, "{other}: {found:?}");
        assert!(found[0].0 < DEFAULT_MIN_CONFIDENCE, "{found:?}");
        assert!(found[0].1.contains(reading), "{found:?}");
        assert!(found[0].1.contains("states as fact"), "{found:?}");
    }
}

#[test]
fn a_modal_in_a_condition_or_question_or_of_another_act_is_no_difference_of_certainty() {
    let fact =
        "Mayor Halvard Brune signed the harbour lease with Tarsk Shipping after the meeting.";
    for other in [
        "If the council agrees, Mayor Halvard Brune may sign the harbour lease with Tarsk Shipping after the meeting.",
        "Could Mayor Halvard Brune sign the harbour lease with Tarsk Shipping after the meeting?",
        "Mayor Halvard Brune may sign the ferry contract with Tarsk Shipping after the meeting.",
        "Deputy mayor Ola Fenn may sign the harbour lease with Tarsk Shipping after the meeting.",
    ] {
        let report = compare(&[&format!("{LEASE} {fact}"), &format!("{LEASE} {other}")]);
        assert!(
            contradictions(&report).is_empty(),
            "{other}: {:?}",
            contradictions(&report)
        );
    }
}

#[test]
fn a_denial_across_two_events_of_one_story_is_found_below_the_threshold() {
    let denial = "The port authority flatly denied on Friday that harbour master Tomas Rell approved \
                  the dredging permit for the quay.";
    let [a, b] = quay_story(
        denial,
        "City records show that harbour master Tomas Rell approved the dredging permit for the \
         quay in March, months before the works began.",
    );
    let report = compare_split(&[&a, &b], "in March");
    let found: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Contradiction)
        .collect();
    assert_eq!(found.len(), 1, "{:?}", contradictions(&report));
    assert!(
        found[0].summary.contains("reports that the port authority")
            && found[0].summary.contains("denied what"),
        "{}",
        found[0].summary
    );
    assert!(
        found[0].confidence < DEFAULT_MIN_CONFIDENCE,
        "{:?}",
        found[0]
    );
    assert!(
        found[0]
            .evidence
            .iter()
            .any(|e| e.starts_with("the two sources tell one story")),
        "{:?}",
        found[0].evidence
    );
    // The other source only alleges it, or another person did it (the words are shared,
    // the subject is not): no finding.
    for other in [
        "Harbour master Tomas Rell allegedly approved the dredging permit for the quay in \
         March, months before the works began.",
        "City records show that Tomas Rell's deputy, Ivo Marsh, approved the dredging permit \
         for the quay in March, months before the works began.",
    ] {
        let [a, b] = quay_story(denial, other);
        let report = compare_split(&[&a, &b], "in March");
        assert!(
            contradictions(&report).is_empty(),
            "{other}: {:?}",
            contradictions(&report)
        );
    }
}

#[test]
fn an_object_the_reading_missed_on_one_side_still_ties_a_contradiction() {
    let report = compare(&[
        "The vote count in Orsa ended on Sunday. Opposition leader Vera Stahl conceded defeat on Sunday night in a brief telephone call to the governor.",
        "The vote count in Orsa ended on Sunday. Opposition leader Vera Stahl has not conceded defeat, her spokesman said on Monday.",
    ]);
    let evidence = common::evidence_of(&report, FindingKind::Contradiction);
    assert!(
        evidence
            .iter()
            .any(|e| e == "both have the same object or complement"),
        "{evidence:?}"
    );
}

const REGATTA: &str =
    "Gusts of forty knots swept the Orlen lake regatta off Saltby harbour on Saturday afternoon.";

/// The contradiction shown between two one-paragraph texts that open alike, if any.
fn shown_between(first: &str, second: &str) -> Vec<String> {
    let report = compare(&[
        &format!("{REGATTA} {first}"),
        &format!("{REGATTA} {second}"),
    ]);
    shown(&report, FindingKind::Contradiction)
}

#[test]
fn one_definite_role_of_the_event_asserted_and_denied_is_shown() {
    let found = shown_between(
        "The umpire halted the race for twenty minutes while rescue boats towed two dinghies in.",
        "The umpire did not halt the race, and rescue boats towed two dinghies in.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("umpire"), "{found:?}");
}

#[test]
fn a_common_noun_of_several_referents_or_of_another_role_stays_below_the_threshold() {
    let asserted =
        "The umpire halted the race for twenty minutes while rescue boats towed two dinghies in.";
    for other in [
        // Several umpires in the story: "the umpire" may be another one.
        "Two umpires watched from the jetty. The umpire did not halt the race, and rescue boats towed two dinghies in.",
        // Another role.
        "The harbourmaster did not halt the race, and rescue boats towed two dinghies in.",
        // Another act of the same role.
        "The umpire did not halt the ferry, and rescue boats towed two dinghies in.",
    ] {
        let found = shown_between(asserted, other);
        assert!(found.is_empty(), "{other}: {found:?}");
    }
}

#[test]
fn a_named_subject_conceding_against_not_conceding_is_shown() {
    let found = shown_between(
        "Skipper Irene Vollan conceded defeat on the dock after the last leg.",
        "Skipper Irene Vollan has not conceded defeat and lodged a protest after the last leg.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn the_same_act_on_two_occasions_is_no_contradiction() {
    let report = compare(&[
        &format!("{REGATTA} Skipper Irene Vollan won the Orlen trophy in 2019 on the lake."),
        &format!(
            "{REGATTA} Skipper Irene Vollan did not win the Orlen trophy in 2022 on the lake."
        ),
    ]);
    assert!(
        contradictions(&report).is_empty(),
        "{:?}",
        contradictions(&report)
    );
}

#[test]
fn opposed_expectations_of_one_subject_are_shown() {
    let report = compare(&[
        &format!("{REGATTA} The wind at Saltby is expected to fall below ten knots in March."),
        &format!("{REGATTA} The wind at Saltby is expected to rise again in March."),
    ]);
    let found = shown(&report, FindingKind::Contradiction);
    assert_eq!(found.len(), 1, "{:?}", contradictions(&report));
    assert!(found[0].contains("expects"), "{found:?}");
    let evidence = common::evidence_of(&report, FindingKind::Contradiction);
    assert!(
        evidence.iter().any(|e| e.contains("antonyms")),
        "{evidence:?}"
    );
}

#[test]
fn expectations_of_other_subjects_negated_or_conditional_stay_silent() {
    let first = "The wind at Saltby is expected to fall below ten knots in March.";
    for other in [
        // Another subject.
        "The swell at Saltby is expected to rise again in March.",
        // The expectation itself denied: not the opposite expectation.
        "The wind at Saltby is not expected to rise again by Sunday morning.",
        // A condition.
        "If the front stalls, the wind at Saltby is expected to rise again in March.",
        // Another occasion.
        "The wind at Saltby is expected to rise again in August, forecasters said.",
    ] {
        let report = compare(&[&format!("{REGATTA} {first}"), &format!("{REGATTA} {other}")]);
        assert!(
            shown(&report, FindingKind::Contradiction).is_empty(),
            "{other}: {:?}",
            contradictions(&report)
        );
    }
}
