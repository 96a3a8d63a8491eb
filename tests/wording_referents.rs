//! Wording of one referent, on our own fiction: two sources that name the same group or the
//! same failure with terms of different connotation give a shown `wording` finding, even
//! when the two sentences fall in different events of the story; two referents of the same
//! kind (a dam and a levee) are never set against each other.

use parallax::model::FindingKind;

mod common;
use common::{any, compare_texts as compare, shown};

/// The shown wording findings whose claims hold every one of `words`.
fn holding(report: &parallax::model::Report, words: &[&str]) -> usize {
    report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Wording && f.confidence >= 0.6)
        .filter(|f| {
            words
                .iter()
                .all(|w| f.claims.iter().any(|c| c.text.to_lowercase().contains(w)))
        })
        .count()
}

#[test]
fn one_failure_named_twice_is_wording_and_two_failures_are_kept_apart() {
    let report = compare(&[
        "The Orsk dam collapsed on Friday night after a week of rain, flooding the valley farms below Tirren.\n\n\
         The regional council met in Tirren on Saturday to count the damage to roads and bridges.\n\n\
         Two days later the old levee protecting the harbour town of Pelling was breached near the ferry landing.",
        "On Sunday the old levee protecting the harbour town of Pelling gave way near the ferry landing.\n\n\
         Council members in Tirren spent Saturday listing the roads and bridges that need repair.\n\n\
         The failure of the Orsk dam on Friday night sent water over the valley farms below Tirren.",
    ]);
    let all = any(&report, FindingKind::Wording);
    assert!(holding(&report, &["collapsed", "failure"]) >= 1, "{all:?}");
    assert!(holding(&report, &["breached", "gave way"]) >= 1, "{all:?}");
    // The dam and the levee are two referents: never one finding.
    assert_eq!(holding(&report, &["collapsed", "gave way"]), 0, "{all:?}");
    assert_eq!(holding(&report, &["failure", "breached"]), 0, "{all:?}");
}

#[test]
fn one_crowd_called_a_mob_by_one_source_is_wording() {
    let report = compare(&[
        "The Vellmar grain board raised the price of seed by a third on Monday.\n\n\
         About 400 protesters, most of them farmers from the Ossel valley, gathered outside the Vellmar town hall.",
        "An angry mob of some 400 Ossel valley farmers besieged the Vellmar town hall on Tuesday, a day after the grain board doubled seed prices.",
    ]);
    let all = any(&report, FindingKind::Wording);
    assert!(holding(&report, &["protesters", "mob"]) >= 1, "{all:?}");
}

#[test]
fn two_crowds_of_one_story_are_not_one_referent() {
    // A rally for the mayor in one town and a mob at a stadium elsewhere: same lexicon entry,
    // nothing that ties the two sentences to one happening.
    let report = compare(&[
        "Supporters held a rally for Mayor Ines Korda in the market square of Dunvik.\n\n\
         The ferry company cut its winter timetable to two crossings a day.",
        "Police said a mob threw bottles at the Hallam stadium after the derby.\n\n\
         The ferry company will run two crossings a day this winter.",
    ]);
    let found = shown(&report, FindingKind::Wording);
    assert!(
        found
            .iter()
            .all(|s| !(s.contains("rally") && s.contains("mob"))),
        "{found:?}"
    );
}

#[test]
fn two_neutral_names_across_events_stay_silent() {
    let report = compare(&[
        "Around 300 protesters gathered outside the Kesslau courthouse on Monday.\n\n\
         The judge adjourned the hearing until the spring.",
        "The hearing was adjourned until spring.\n\n\
         Outside the Kesslau courthouse, some 300 demonstrators waited in the rain on Monday.",
    ]);
    assert!(
        any(&report, FindingKind::Wording).is_empty(),
        "{:?}",
        any(&report, FindingKind::Wording)
    );
}

#[test]
fn two_forms_of_one_word_are_not_wording() {
    let report = compare(&[
        "Customs officers seized 40 kilos of resin at the Dorval ferry port on Friday, the harbour police said.",
        "The seizures of 40 kilos of resin at the Dorval ferry port on Friday were the largest this year, the harbour police said.",
    ]);
    let found = any(&report, FindingKind::Wording);
    assert!(
        found
            .iter()
            .all(|s| !(s.contains("seized") && s.contains("seizures"))),
        "{found:?}"
    );
}

#[test]
fn a_referent_named_in_the_sentence_before_ties_two_terms() {
    // Each term's own sentence shares one word with the other's ("quarter"); the
    // package both refer back to is named in the sentence before each.
    let report = compare(&[
        "The Ardel council approved 12 million crowns in flood aid on Monday. \
         Shopkeepers in the river quarter will get tax relief until spring.",
        "The 12 million crowns of flood aid from the Ardel council will not go far. \
         Tucked inside it is a giveaway for the biggest landlords of the old quarter.",
    ]);
    let all = any(&report, FindingKind::Wording);
    assert!(
        holding(&report, &["tax relief", "giveaway"]) >= 1,
        "{all:?}"
    );
}

#[test]
fn a_shared_sentence_before_alone_does_not_tie_two_referents() {
    // The sentences before share the aid package, but the fuel tax break of the ferry owners
    // and the landlords' giveaway have no word around them in common: two referents.
    let report = compare(&[
        "The Ardel council approved 12 million crowns in flood aid on Monday. \
         Separately, ferry owners won a tax break on diesel fuel.",
        "The 12 million crowns of flood aid from the Ardel council will not go far. \
         Tucked inside it is a giveaway for the biggest landlords of the river quarter.",
    ]);
    let all = any(&report, FindingKind::Wording);
    assert_eq!(holding(&report, &["tax break", "giveaway"]), 0, "{all:?}");
}
