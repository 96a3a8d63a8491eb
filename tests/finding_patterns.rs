//! The false-positive patterns seen on real news, each on a small piece of our own fiction:
//! every detector must stay silent on them, and still find the true differences next to
//! them. "Shown" means at or above the default confidence, what a user sees.

use parallax::model::FindingKind;

mod common;
use common::{any, compare_texts as compare, shown};

#[test]
fn contradiction_stays_silent_on_other_referents_senses_and_scopes() {
    let report = compare(&[
        "Prosecutors said the harbour master Alvin Roderick is not being investigated over the Tarnow dredging contract. \
         Councillor Mira Senn said she was not the right candidate for the port board. \
         The trade minister decided not to exempt Norland from the new tariff on steel.",
        "Prosecutors opened an investigation into the Tarnow dredging contract and its broker Pell Anders. \
         Councillor Mira Senn said she would defend her right to run for the port board. \
         The trade minister set a new tariff on steel for every partner, but not Norland.",
    ]);
    assert!(
        shown(&report, FindingKind::Contradiction).is_empty(),
        "{:?}",
        any(&report, FindingKind::Contradiction)
    );
}

#[test]
fn quote_attribution_ignores_chains_listeners_subjects_and_places() {
    let report = compare(&[
        "\"The port will stay open through the winter,\" Harbour Commissioner Ilse Brandt told Coastal News on Monday. \
         Brandt added that \"Norland has paid every fee it owes,\" according to a statement.",
        "Harbour Commissioner Ilse Brandt told reporters on Monday: \"The port will stay open through the winter.\" \
         The newspaper's editor Karl Weiss wrote that Brandt had said \"Norland has paid every fee it owes\".",
    ]);
    assert!(
        any(&report, FindingKind::QuoteAttribution).is_empty(),
        "the sources agree on the speaker: {:?}",
        any(&report, FindingKind::QuoteAttribution)
    );
}

#[test]
fn quote_attribution_finds_a_quote_given_to_two_different_speakers() {
    let report = compare(&[
        "\"We will not sell a single ship to the state,\" said Oskar Lind, the chairman of Tarnow Shipping, on Monday.",
        "\"We will not sell a single ship to the state,\" said Petra Holm, the chief executive of Tarnow Shipping, on Monday.",
    ]);
    let found = shown(&report, FindingKind::QuoteAttribution);
    assert_eq!(
        found.len(),
        1,
        "{:?}",
        any(&report, FindingKind::QuoteAttribution)
    );
}

#[test]
fn a_claim_under_a_hedge_is_not_contradicted() {
    // "Many have speculated that the board offered …" is not the source's own claim; the
    // plain pair below it still is a contradiction.
    let hedged = compare(&[
        "Officials insisted that the Tarnow harbour board never offered Ilse Varga the job of chief pilot.\n\nThe weather was mild.",
        "While many have speculated that the Tarnow harbour board offered Ilse Varga the job of chief pilot, its chairman said that was never the case.\n\nShops stayed open.",
    ]);
    assert!(
        any(&hedged, FindingKind::Contradiction).is_empty(),
        "{:?}",
        any(&hedged, FindingKind::Contradiction)
    );
    let plain = compare(&[
        "Officials insisted that the Tarnow harbour board never offered Ilse Varga the job of chief pilot.\n\nThe weather was mild.",
        "Last spring the Tarnow harbour board offered Ilse Varga the job of chief pilot, its chairman said.\n\nShops stayed open.",
    ]);
    assert!(
        !any(&plain, FindingKind::Contradiction).is_empty(),
        "{:?}",
        plain.findings
    );
}

#[test]
fn a_speaker_named_after_the_team_and_title_is_the_person() {
    // "said Kestrel coach Piet Landau": the speaker is Landau, not the club before his title.
    let report = compare(&[
        "\"This title belongs to every child who ever rowed on our river,\" said Kestrel coach Piet Landau after the final.",
        "\"This title belongs to every child who ever rowed on our river,\" said Kestrel captain Ilse Varga as she lifted the cup.",
    ]);
    let found = any(&report, FindingKind::QuoteAttribution);
    assert_eq!(found.len(), 1, "{:?}", report.findings);
    assert!(
        found[0].contains("Piet Landau") && found[0].contains("Ilse Varga"),
        "{found:?}"
    );
}

#[test]
fn a_quote_after_saying_belongs_to_the_subject_not_the_nearest_name() {
    // "Landau accused Varga of …, saying": Varga is the object, not the speaker.
    let report = compare(&[
        "Senator Piet Landau accused Mayor Ilse Varga of hiding the harbour accounts on Monday, saying \"nobody in Tarnow knows where the money went after the strike.\"\n\nThe weather was mild.",
        "Senator Landau accused Mayor Varga of hiding the harbour accounts on Monday, saying \"nobody in Tarnow knows where all that money went after the strike.\"\n\nShops stayed open.",
    ]);
    assert!(
        report.findings.iter().any(|f| f
            .claims
            .iter()
            .any(|c| c.value.as_deref() == Some("Piet Landau"))),
        "{:?}",
        report.findings
    );
    let speakers: Vec<&str> = report
        .findings
        .iter()
        .flat_map(|f| &f.claims)
        .filter(|c| c.note.as_deref() == Some("quote"))
        .filter_map(|c| c.value.as_deref())
        .collect();
    assert!(
        !speakers.iter().any(|s| s.contains("Varga")),
        "{speakers:?}: {:?}",
        report.findings
    );
}

#[test]
fn numbers_of_different_quantities_are_not_a_mismatch() {
    let report = compare(&[
        "The committee proposed $2 trillion in spending cuts over ten years. Without a deal, automatic cuts begin in January.",
        "If the committee fails, $1 trillion in automatic cuts take effect in January. Its proposals were not published.",
    ]);
    assert!(
        shown(&report, FindingKind::NumberMismatch).is_empty(),
        "{:?}",
        any(&report, FindingKind::NumberMismatch)
    );
}

#[test]
fn a_compatible_approximation_is_not_a_mismatch() {
    let report = compare(&[
        "The Tarnow flood relief fund raised more than $1 million in its first week, its organisers said on Friday.",
        "The Tarnow flood relief fund raised $1.1 million in its first week, its organisers said on Friday.",
    ]);
    assert!(
        any(&report, FindingKind::NumberMismatch).is_empty(),
        "{:?}",
        any(&report, FindingKind::NumberMismatch)
    );
}

#[test]
fn name_variants_are_names_only_and_include_hyphenation() {
    let report = compare(&[
        "Senate Democrats met Kim Jong-un's envoy in Tarnow on Monday. I'm sure of it, a Democratic aide said. \
         Minister Sergey Oblov welcomed the envoy at the Tarnow airport.",
        "Democratic senators met the envoy of Kim Jong Un in Tarnow on Monday. I’m sure of it, an aide to the Democrats said. \
         Minister Sergei Oblov welcomed the envoy at the Tarnow airport.",
    ]);
    let variants = any(&report, FindingKind::NameVariant);
    assert!(
        variants
            .iter()
            .all(|v| !v.contains("Democrat") && !v.contains("I'm")),
        "{variants:?}"
    );
    assert!(
        variants
            .iter()
            .any(|v| v.contains("Sergey") && v.contains("Sergei")),
        "{variants:?}"
    );
    assert!(
        variants.iter().any(|v| v.contains("Jong")),
        "hyphenation variant: {variants:?}"
    );
}

#[test]
fn neutral_terms_and_one_source_terms_are_not_wording() {
    let report = compare(&[
        "Thousands of protesters marched through Tarnow on Saturday against the dredging contract. \
         The protest ended peacefully at the harbour gates.",
        "Thousands of demonstrators marched through Tarnow on Saturday against the dredging contract. \
         The demonstration ended peacefully at the harbour gates.",
    ]);
    assert!(
        any(&report, FindingKind::Wording).is_empty(),
        "{:?}",
        any(&report, FindingKind::Wording)
    );
}

#[test]
fn loaded_wording_against_neutral_wording_is_found() {
    let report = compare(&[
        "Thousands of protesters marched through Tarnow on Saturday against the dredging contract signed by the harbour board.",
        "A mob marched through Tarnow on Saturday against the dredging contract signed by the harbour board.",
    ]);
    assert!(
        !any(&report, FindingKind::Wording).is_empty(),
        "protesters against mob for one march"
    );
}

#[test]
fn a_loaded_term_under_a_hedge_is_reported_wording() {
    // "the alleged mob": the source reports someone's characterisation, it does not make it.
    let report = compare(&[
        "Thousands of protesters marched through Tarnow on Saturday against the dredging contract signed by the harbour board.",
        "What the harbour board called an alleged mob marched through Tarnow on Saturday against the dredging contract it signed.",
    ]);
    assert!(
        any(&report, FindingKind::Wording).is_empty(),
        "{:?}",
        any(&report, FindingKind::Wording)
    );
}

#[test]
fn boilerplate_and_reworded_facts_are_not_one_source_only() {
    let report = compare(&[
        "Negotiators in Tarnow have three weeks to reach a deal on the dredging contract before the harbour closes for winter.\n\n\
         More: A minute-by-minute guide to the Tarnow harbour talks",
        "With just three weeks left before the harbour closes for winter, negotiators in Tarnow are still far from a dredging deal.\n\n\
         Share this article",
    ]);
    let unique = shown(&report, FindingKind::Unique);
    assert!(
        unique
            .iter()
            .all(|u| !u.contains("More:") && !u.contains("three weeks") && !u.contains("Share")),
        "{unique:?}"
    );
}

#[test]
fn a_person_described_with_a_loaded_word_against_a_plain_one_is_wording() {
    let report = compare(&[
        "The Varnian dictator Oskar Hallen met the trade envoy in Lindsholm on Tuesday. \
         Hallen promised to reopen the northern border crossings.",
        "The Varnian leader Oskar Hallen met the trade envoy in Lindsholm on Tuesday. \
         Hallen said the northern border crossings would reopen in spring.",
    ]);
    let found = shown(&report, FindingKind::Wording);
    assert!(
        found
            .iter()
            .any(|s| s.contains("dictator") && s.contains("leader") && s.contains("Hallen")),
        "{found:?}"
    );
    // The same in an apposition after the name.
    let report = compare(&[
        "Oskar Hallen, the Varnian dictator, met the trade envoy in Lindsholm on Tuesday. \
         Hallen promised to reopen the northern border crossings.",
        "Oskar Hallen, the Varnian president, met the trade envoy in Lindsholm on Tuesday. \
         Hallen said the northern border crossings would reopen in spring.",
    ]);
    let found = shown(&report, FindingKind::Wording);
    assert!(
        found
            .iter()
            .any(|s| s.contains("dictator") && s.contains("president")),
        "{found:?}"
    );
    // Inside a quote the word is the speaker's, and two plain words are no finding.
    let report = compare(&[
        "\"He is a dictator,\" said opposition deputy Mara Lind of Oskar Hallen. \
         The Varnian president Oskar Hallen met the trade envoy on Tuesday.",
        "The Varnian leader Oskar Hallen met the trade envoy in Lindsholm on Tuesday.",
    ]);
    let found = any(&report, FindingKind::Wording);
    assert!(found.iter().all(|s| !s.contains("dictator")), "{found:?}");
}

#[test]
fn a_contradiction_needs_the_same_subject_and_is_found_with_it() {
    let other_subjects = compare(&[
        "Harbour master Alvin Roderick was not warned about the leak in the Tarnow dry dock before the storm.",
        "Dock foreman Pell Anders was warned about the leak in the Tarnow dry dock before the storm.",
    ]);
    assert!(
        any(&other_subjects, FindingKind::Contradiction).is_empty(),
        "two men, two claims: {:?}",
        any(&other_subjects, FindingKind::Contradiction)
    );
    let same_subject = compare(&[
        "The Tarnow Port Authority was not warned about the leak in the dry dock before the storm, the ministry said.",
        "The Tarnow Port Authority was warned about the leak in the dry dock long before the storm, according to documents.",
    ]);
    let found = any(&same_subject, FindingKind::Contradiction);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("was not warned about the leak"),
        "{found:?}"
    );
}

#[test]
fn like_surnames_of_two_people_are_not_a_spelling_variant() {
    let report = compare(&[
        "Senator Tomas Varner of Tarnow opposed the harbour bill on Monday. Varner said the port could not pay for it.",
        "Senator Ilona Varren of Lisk backed the harbour bill on Monday. Varren said the port would pay for it within a decade.",
    ]);
    assert!(
        any(&report, FindingKind::NameVariant).is_empty(),
        "{:?}",
        any(&report, FindingKind::NameVariant)
    );
}

#[test]
fn years_of_two_happenings_are_not_a_shown_date_mismatch() {
    let report = compare(&[
        "Ines Holt, the mayor of Tarnow, was born in 1961 in a fishing village north of the harbour.",
        "Ines Holt was elected mayor of Tarnow in 1991, after a campaign about the fishing harbour.",
    ]);
    assert!(
        shown(&report, FindingKind::DateMismatch).is_empty(),
        "{:?}",
        any(&report, FindingKind::DateMismatch)
    );
}

#[test]
fn contradiction_stays_silent_on_other_writers_and_on_a_quoted_denial() {
    let report = compare(&[
        "The harbour board never wrote to the Tarnow ferry company about the safety inspection of its vessels.",
        "The ferry inspectors wrote to the Tarnow ferry company about the safety inspection of its vessels in March.",
    ]);
    assert!(
        any(&report, FindingKind::Contradiction).is_empty(),
        "{:?}",
        any(&report, FindingKind::Contradiction)
    );
    let report = compare(&[
        "\"Norland Shipping did not pay the harbour fees,\" the port director Ilse Brandt said on Monday in Tarnow.",
        "Norland Shipping paid the harbour fees in full on Friday, its accounts for the Tarnow port show.",
    ]);
    assert!(
        any(&report, FindingKind::Contradiction).is_empty(),
        "a speaker's denial against the narrator is two voices: {:?}",
        any(&report, FindingKind::Contradiction)
    );
}

#[test]
fn a_quote_worded_differently_by_two_outlets_is_a_wording_difference_not_a_misattribution() {
    let report = compare(&[
        "\"We will rebuild every house on the river road before the winter,\" said Mayor Petr Holm of Tarnow on Monday.",
        "\"We will rebuild every home on the river road before winter,\" said Mayor Petr Holm of Tarnow on Monday.",
    ]);
    assert!(
        any(&report, FindingKind::QuoteAttribution).is_empty(),
        "{:?}",
        any(&report, FindingKind::QuoteAttribution)
    );
    // Never an agreement: the words differ inside the stretch both quote.
    assert!(any(&report, FindingKind::Agreement).is_empty());
    let wording = shown(&report, FindingKind::QuoteWording);
    assert_eq!(
        wording.len(),
        1,
        "{:?}",
        any(&report, FindingKind::QuoteWording)
    );
    assert!(wording[0].contains("“house” / “home”"), "{wording:?}");
    // "the winter" / "winter": a function word alone is not a change worth a mark.
    assert!(!wording[0].contains("“the” / “”"), "{wording:?}");
}

#[test]
fn a_quote_with_asides_dropped_and_its_last_word_swapped_is_shown() {
    // B leaves out two asides without an ellipsis and ends on another word; A turns a
    // negation around in the other pair. Both are shown at the default threshold.
    let report = compare(&[
        "Councillor Vera Dunmore said at the Tarnow market on Tuesday that the port board \"in my view, without any doubt, tried to, however clumsily, sell the old quay to the ferry company ― a private buyer ― to pay off and hide its debts.\"",
        "Councillor Vera Dunmore said in Tarnow on Tuesday that the port board \"tried to sell the old quay to the ferry company to pay off its losses.\"",
    ]);
    let wording = shown(&report, FindingKind::QuoteWording);
    assert_eq!(
        wording.len(),
        1,
        "{:?}",
        any(&report, FindingKind::QuoteWording)
    );
    // The word replaced is listed first.
    assert!(wording[0].contains("(“debts” / “losses”"), "{wording:?}");
    let report = compare(&[
        "Harbour master Oskar Lind said: \"I sold land that should have been kept for the school.\"",
        "Harbour master Oskar Lind admitted he \"sold land that shouldn't have been kept.\"",
    ]);
    let wording = shown(&report, FindingKind::QuoteWording);
    assert_eq!(
        wording.len(),
        1,
        "{:?}",
        any(&report, FindingKind::QuoteWording)
    );
    assert!(
        wording[0].contains("“” / “not”") || wording[0].contains("“not” / “”"),
        "{wording:?}"
    );
}

#[test]
fn the_same_quote_as_a_longer_excerpt_or_with_a_contraction_is_an_agreement() {
    let report = compare(&[
        "\"We won't leave a single family without a roof before the winter,\" said Mayor Petr Holm of Tarnow on Monday.",
        "\"We will not leave a single family without a roof before the winter, whatever it costs,\" said Mayor Petr Holm of Tarnow on Monday.",
    ]);
    assert!(
        any(&report, FindingKind::QuoteWording).is_empty(),
        "{:?}",
        any(&report, FindingKind::QuoteWording)
    );
    assert_eq!(
        any(&report, FindingKind::Agreement).len(),
        1,
        "{:?}",
        any(&report, FindingKind::Agreement)
    );
}

/// The story of the fiction below, told the same way by both sources, so that the passages
/// about the crowd align into one event.
const HARBOUR_RALLY: &str = "About 2,000 dock workers marched on the Tarnow harbour office on Saturday to protest the new pilotage fees.";

#[test]
fn a_statement_one_source_reports_as_denied_is_found() {
    let report = compare(&[
        &format!(
            "{HARBOUR_RALLY} The Tarnow harbour police flatly denied on Sunday that officers fired tear gas at the marchers outside the harbour office on Saturday."
        ),
        &format!(
            "{HARBOUR_RALLY} Harbour police officers fired tear gas at the marchers outside the harbour office on Saturday afternoon."
        ),
    ]);
    let found = shown(&report, FindingKind::Contradiction);
    assert_eq!(
        found.len(),
        1,
        "{:?}",
        any(&report, FindingKind::Contradiction)
    );
    assert!(
        found[0].contains("denied what") && found[0].contains("tear gas"),
        "{found:?}"
    );
    // Attribution: the summary names who denies, never one outlet contradicting another,
    // and the evidence says who asserts what.
    assert!(
        found[0].contains("reports that the Tarnow harbour police")
            && !found[0].contains("contradicts"),
        "{found:?}"
    );
    let evidence = common::evidence_of(&report, FindingKind::Contradiction);
    assert!(
        evidence.iter().any(|e| e.starts_with("who asserts what: ")
            && e.contains("reports that the Tarnow harbour police denied it")
            && e.contains("states it in its own voice")),
        "{evidence:?}"
    );
}

#[test]
fn a_denial_both_sources_report_or_one_only_alleges_is_not_a_finding() {
    // The other source reports the same denial: both sides are told by both.
    let both = compare(&[
        &format!(
            "{HARBOUR_RALLY} The Tarnow harbour police denied that officers fired tear gas at the marchers outside the harbour office on Saturday."
        ),
        &format!(
            "{HARBOUR_RALLY} Witnesses said officers fired tear gas at the marchers outside the harbour office on Saturday. The harbour police denied that officers fired tear gas."
        ),
    ]);
    // The other source does not state it as fact.
    let alleged = compare(&[
        &format!(
            "{HARBOUR_RALLY} The Tarnow harbour police denied that officers fired tear gas at the marchers outside the harbour office on Saturday."
        ),
        &format!(
            "{HARBOUR_RALLY} Officers allegedly fired tear gas at the marchers outside the harbour office on Saturday."
        ),
    ]);
    // "Denied a request" denies no statement.
    let request = compare(&[
        &format!(
            "{HARBOUR_RALLY} The harbour office denied a request by the marchers to use the tear gas depot outside the office on Saturday."
        ),
        &format!(
            "{HARBOUR_RALLY} The marchers asked to use the tear gas depot outside the harbour office on Saturday."
        ),
    ]);
    // A denial undone ("did not deny"), and another source that agrees with the denial.
    let undone = compare(&[
        &format!(
            "{HARBOUR_RALLY} The Tarnow harbour police did not deny that officers fired tear gas at the marchers outside the harbour office on Saturday."
        ),
        &format!(
            "{HARBOUR_RALLY} Harbour police officers fired tear gas at the marchers outside the harbour office on Saturday afternoon."
        ),
    ]);
    let agrees = compare(&[
        &format!(
            "{HARBOUR_RALLY} The Tarnow harbour police denied that officers fired tear gas at the marchers outside the harbour office on Saturday."
        ),
        &format!(
            "{HARBOUR_RALLY} Harbour police officers never fired tear gas at the marchers outside the harbour office on Saturday afternoon."
        ),
    ]);
    for report in [&both, &alleged, &request, &undone, &agrees] {
        let found: Vec<String> = any(report, FindingKind::Contradiction)
            .into_iter()
            .filter(|s| s.contains("denied what"))
            .collect();
        assert!(found.is_empty(), "{found:?}");
    }
}

#[test]
fn a_first_name_and_its_nickname_with_one_surname_are_a_name_variant() {
    let report = compare(&[
        "Harbour board chairman David Orsen resigned on Monday after the vote on the new pilotage fees.",
        "Harbour board chairman Dave Orsen resigned on Monday after the vote on the new pilotage fees.",
    ]);
    let variants = shown(&report, FindingKind::NameVariant);
    assert_eq!(
        variants.len(),
        1,
        "{:?}",
        any(&report, FindingKind::NameVariant)
    );
    assert!(
        variants[0].contains("Dave") && variants[0].contains("David"),
        "{variants:?}"
    );
    // Different first names that are not nicknames of each other stay two people.
    let two = compare(&[
        "Harbour board chairman David Orsen resigned on Monday after the vote on the new pilotage fees.",
        "Harbour board chairman Peter Orsen resigned on Monday after the vote on the new pilotage fees.",
    ]);
    assert!(any(&two, FindingKind::NameVariant).is_empty());
}

#[test]
fn a_count_set_against_the_official_one_is_a_number_mismatch_despite_at_least() {
    let report = compare(&[
        "At least 12 people died in the Tarnow harbour fire on Sunday, the port authority said.",
        "According to the hospital, 14 people died in the Tarnow harbour fire on Sunday, two more than the official figure.",
    ]);
    let found = shown(&report, FindingKind::NumberMismatch);
    assert_eq!(
        found.len(),
        1,
        "{:?}",
        any(&report, FindingKind::NumberMismatch)
    );
    // Without the contrast, "at least 12" allows 14: neither agreement nor difference.
    let quiet = compare(&[
        "At least 12 people died in the Tarnow harbour fire on Sunday, the port authority said.",
        "According to the hospital, 14 people died in the Tarnow harbour fire on Sunday.",
    ]);
    assert!(shown(&quiet, FindingKind::NumberMismatch).is_empty());
}

#[test]
fn no_evidence_for_a_statement_and_a_rebuttal_are_denials_too() {
    // "found no evidence that …" against the statement made as fact.
    let report = compare(&[
        &format!(
            "{HARBOUR_RALLY} An inquiry by the port council found no evidence that officers fired tear gas at the marchers outside the harbour office on Saturday."
        ),
        &format!(
            "{HARBOUR_RALLY} Harbour police officers fired tear gas at the marchers outside the harbour office on Saturday afternoon."
        ),
    ]);
    let found = shown(&report, FindingKind::Contradiction);
    assert_eq!(
        found.len(),
        1,
        "{:?}",
        any(&report, FindingKind::Contradiction)
    );
    assert!(
        found[0].contains("no evidence for what") && found[0].contains("tear gas"),
        "{found:?}"
    );
    // A verb of the denial class from the polarity lists, with "reports that".
    let rebutted = compare(&[
        &format!(
            "{HARBOUR_RALLY} The Tarnow harbour police rebutted reports that officers fired tear gas at the marchers outside the harbour office on Saturday."
        ),
        &format!(
            "{HARBOUR_RALLY} Harbour police officers fired tear gas at the marchers outside the harbour office on Saturday afternoon."
        ),
    ]);
    assert_eq!(
        shown(&rebutted, FindingKind::Contradiction).len(),
        1,
        "{:?}",
        any(&rebutted, FindingKind::Contradiction)
    );
    // "No evidence" of something else, or evidence that it happened, is no denial.
    let evidence = compare(&[
        &format!(
            "{HARBOUR_RALLY} An inquiry by the port council found evidence that officers fired tear gas at the marchers outside the harbour office on Saturday."
        ),
        &format!(
            "{HARBOUR_RALLY} Harbour police officers fired tear gas at the marchers outside the harbour office on Saturday afternoon."
        ),
    ]);
    assert!(
        any(&evidence, FindingKind::Contradiction).is_empty(),
        "{:?}",
        any(&evidence, FindingKind::Contradiction)
    );
}

#[test]
fn speakers_after_a_role_a_possessive_or_an_uncommon_verb_are_read() {
    // "…," harbour pilot X snapped; "…," said Tarnow's mayor, Y: both name their speaker.
    let report = compare(&[
        "\"The channel was never dredged deep enough for ships of that size,\" harbour pilot Oskar Lind snapped as he left the inquiry.",
        "\"The channel was never dredged deep enough for ships of that size,\" said Tarnow's mayor, Petra Holm, after the inquiry.",
    ]);
    let found = shown(&report, FindingKind::QuoteAttribution);
    assert_eq!(found.len(), 1, "{:?}", report.findings);
    assert!(
        found[0].contains("Oskar Lind") && found[0].contains("Petra Holm"),
        "{found:?}"
    );
}

#[test]
fn a_name_after_a_quote_that_ends_a_sentence_is_not_its_speaker() {
    // The quote ends with a full stop: "Lind walked out" is a new sentence, not an
    // attribution, and a guessed speaker never makes two speakers.
    let report = compare(&[
        "The chairman told the inquiry: \"The channel was never dredged deep enough for ships of that size.\" Oskar Lind walked out soon after.",
        "\"The channel was never dredged deep enough for ships of that size,\" said Petra Holm, the chairman of Tarnow Shipping.",
    ]);
    assert!(
        shown(&report, FindingKind::QuoteAttribution).is_empty(),
        "{:?}",
        any(&report, FindingKind::QuoteAttribution)
    );
}
