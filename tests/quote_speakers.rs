//! Who said a quote, on our own fiction: the conventions of quote runs (a continued quote
//! paragraph, a quote sentence right after an attributed one) give the run's speaker, and
//! `quote_attribution` finds one quote given to a named speaker by one source and to nobody,
//! or to someone else, by another. Silent when the other side is a pronoun we cannot
//! resolve, one person under two names, a quote after a sentence that names someone, or
//! two different remarks that share a phrase.

use parallax::model::FindingKind;

mod common;
use common::{any, compare_texts as compare, shown};

/// The attribution findings a user sees, with their evidence lines.
fn shown_attributions(report: &parallax::model::Report) -> Vec<(String, Vec<String>)> {
    report
        .findings
        .iter()
        .filter(|f| {
            f.kind == FindingKind::QuoteAttribution
                && f.confidence >= parallax::settings::DEFAULT_MIN_CONFIDENCE
        })
        .map(|f| (f.summary.clone(), f.evidence.clone()))
        .collect()
}

#[test]
fn a_quote_paragraph_after_an_attributed_one_takes_its_speaker() {
    // The second paragraph of A is Lind's by convention; B gives the same words to Holm.
    let report = compare(&[
        "“The breakwater at Velden held through the whole night,” said harbour master Oskar Lind.\n\n\
         “We will reopen the northern quay on Friday once the divers have checked every pile.”\n\n\
         The storm closed the port for two days.",
        "“We will reopen the northern quay on Friday once the divers have checked every pile,” \
         said Petra Holm, the port's chief engineer.\n\nThe storm closed the port for two days.",
    ]);
    let found = shown_attributions(&report);
    assert_eq!(found.len(), 1, "{:?}", report.findings);
    assert!(
        found[0].0.contains("Oskar Lind") && found[0].0.contains("Petra Holm"),
        "{found:?}"
    );
    assert!(
        found[0].1.iter().any(|line| line.contains("carried")),
        "the evidence says the speaker comes from the run: {found:?}"
    );
}

#[test]
fn a_continued_quote_paragraph_takes_the_speaker_of_the_paragraph_before() {
    // A's second quote of the first paragraph is left open and continued in the next
    // paragraph: all of it is Lind's, as B says, so there is no attribution difference.
    let report = compare(&[
        "“The breakwater at Velden held,” said harbour master Oskar Lind. “The pilots kept \
         every channel open through the night.\n\n\
         “We will reopen the northern quay on Friday once the divers have checked every pile.”\n\n\
         The storm closed the port for two days.",
        "“We will reopen the northern quay on Friday once the divers have checked every pile,” \
         Oskar Lind said on Thursday.\n\nThe storm closed the port for two days.",
    ]);
    assert!(
        any(&report, FindingKind::QuoteAttribution).is_empty(),
        "{:?}",
        any(&report, FindingKind::QuoteAttribution)
    );
    assert!(
        !shown(&report, FindingKind::Agreement)
            .iter()
            .filter(|s| s.contains("northern quay"))
            .collect::<Vec<_>>()
            .is_empty(),
        "the continued paragraph is Lind's in both: {:?}",
        report.findings
    );
    // And against another speaker, the continued paragraph makes the difference.
    let other = compare(&[
        "“The breakwater at Velden held,” said harbour master Oskar Lind. “The pilots kept \
         every channel open through the night.\n\n\
         “We will reopen the northern quay on Friday once the divers have checked every pile.”\n\n\
         The storm closed the port for two days.",
        "“We will reopen the northern quay on Friday once the divers have checked every pile,” \
         said Petra Holm, the port's chief engineer.\n\nThe storm closed the port for two days.",
    ]);
    let found = shown_attributions(&other);
    assert_eq!(found.len(), 1, "{:?}", other.findings);
    assert!(found[0].0.contains("Oskar Lind"), "{found:?}");
}

#[test]
fn a_quote_named_in_one_source_and_unnamed_in_another_is_found() {
    // A: no speech cue at the quote or before it; B names Holm.
    let report = compare(&[
        "The council of Oster met on Tuesday evening.\n\n\
         “The ferry to Oster Island will run twice a day from the first of May until the end of September.”\n\n\
         Tickets will cost four crowns.",
        "“The ferry to Oster Island will run twice a day from the first of May until the end of September,” \
         said Mayor Petra Holm.\n\nTickets will cost four crowns.",
    ]);
    let found = shown_attributions(&report);
    assert_eq!(found.len(), 1, "{:?}", report.findings);
    assert!(
        found[0].0.contains("Petra Holm") && found[0].0.contains("unnamed"),
        "{found:?}"
    );
    assert!(
        found[0]
            .1
            .iter()
            .any(|line| line.contains("names no speaker")),
        "{found:?}"
    );
    // A nameless source ("a statement from the council") is no name either.
    let nameless = compare(&[
        "“The ferry to Oster Island will run twice a day from the first of May until the end of September,” \
         a statement from the council said.\n\nTickets will cost four crowns.",
        "“The ferry to Oster Island will run twice a day from the first of May until the end of September,” \
         said Mayor Petra Holm.\n\nTickets will cost four crowns.",
    ]);
    let found = shown_attributions(&nameless);
    assert_eq!(found.len(), 1, "{:?}", nameless.findings);
    assert!(
        found[0].0.contains("a statement from the council"),
        "{found:?}"
    );
}

#[test]
fn a_pronoun_speaker_is_not_unnamed() {
    // "he said in a statement" names someone we cannot resolve: no finding.
    let report = compare(&[
        "The council of Oster met on Tuesday evening.\n\n\
         “The ferry to Oster Island will run twice a day from the first of May until the end of September,” \
         he said in a statement.\n\nTickets will cost four crowns.",
        "“The ferry to Oster Island will run twice a day from the first of May until the end of September,” \
         said Mayor Petra Holm.\n\nTickets will cost four crowns.",
    ]);
    assert!(
        any(&report, FindingKind::QuoteAttribution).is_empty(),
        "{:?}",
        any(&report, FindingKind::QuoteAttribution)
    );
}

#[test]
fn a_quote_after_a_sentence_naming_someone_is_not_unnamed() {
    // A reader takes A's quote for Lind's, who was just described: not "unnamed", and a
    // guess never makes two speakers.
    let report = compare(&[
        "Harbour master Oskar Lind walked along the quay on Tuesday evening.\n\n\
         “The ferry to Oster Island will run twice a day from the first of May until the end of September.”\n\n\
         Tickets will cost four crowns.",
        "“The ferry to Oster Island will run twice a day from the first of May until the end of September,” \
         said Mayor Petra Holm.\n\nTickets will cost four crowns.",
    ]);
    assert!(
        shown(&report, FindingKind::QuoteAttribution).is_empty(),
        "{:?}",
        any(&report, FindingKind::QuoteAttribution)
    );
}

#[test]
fn a_quote_the_next_sentence_points_back_at_is_not_unnamed() {
    // "Those were the words of …" gives A's opening quote a speaker after it: no finding.
    let report = compare(&[
        "“The ferry to Oster Island will run twice a day from the first of May until the end of September.”\n\n\
         Those were the words of harbour master Oskar Lind on Tuesday.\n\nTickets will cost four crowns.",
        "“The ferry to Oster Island will run twice a day from the first of May until the end of September,” \
         said Mayor Petra Holm.\n\nTickets will cost four crowns.",
    ]);
    assert!(
        shown(&report, FindingKind::QuoteAttribution).is_empty(),
        "{:?}",
        any(&report, FindingKind::QuoteAttribution)
    );
}

#[test]
fn one_person_under_two_names_is_one_speaker() {
    // "Mayor Petra Holm" and "Ms. Holm", directly and through a quote run: one speaker.
    let report = compare(&[
        "“The ferry to Oster Island will run twice a day from the first of May until the end of September,” \
         said Mayor Petra Holm.\n\nTickets will cost four crowns.",
        "“The season will be long this year,” Ms. Holm said.\n\n\
         “The ferry to Oster Island will run twice a day from the first of May until the end of September.”\n\n\
         Tickets will cost four crowns.",
    ]);
    assert!(
        any(&report, FindingKind::QuoteAttribution).is_empty(),
        "{:?}",
        any(&report, FindingKind::QuoteAttribution)
    );
}

#[test]
fn two_remarks_sharing_a_phrase_are_not_one_quote() {
    // A's unnamed remark and B's named one share "the ferry to Oster Island" and a few
    // words, but say different things.
    let report = compare(&[
        "The council of Oster met on Tuesday evening.\n\n\
         “The ferry to Oster Island is the best thing this council has done in many years.”\n\n\
         Tickets will cost four crowns.",
        "“The ferry to Oster Island is a waste of money that this council will regret for many years,” \
         said Mayor Petra Holm.\n\nTickets will cost four crowns.",
    ]);
    assert!(
        shown(&report, FindingKind::QuoteAttribution).is_empty(),
        "{:?}",
        any(&report, FindingKind::QuoteAttribution)
    );
    // A short phrase of one speaker's found inside another's longer quote is no quote of
    // two speakers either.
    let spread = compare(&[
        "“I guess it proves they are on the far bank of the river,” said Oskar Lind.\n\nThe vote is on Monday.",
        "“They are wasting the money of every family in Velden on this bridge, and the council knows \
         it. These people are on the far bank of the river,” said Petra Holm.\n\nThe vote is on Monday.",
    ]);
    assert!(
        any(&spread, FindingKind::QuoteAttribution).is_empty(),
        "{:?}",
        any(&spread, FindingKind::QuoteAttribution)
    );
}

#[test]
fn a_short_remark_whose_words_are_spread_over_a_longer_quote_is_another_remark() {
    // Most words of B's short remark stand in A's long quote, but scattered: two remarks,
    // neither one quote worded differently nor an agreement.
    let report = compare(&[
        "“We knew the vote at Velden would be hard,” said councillor Oskar Lind. “We ferried the \
         news along the coast to every single village. I am sorry, but the ferry plan will cost us \
         all far too much, I believe.”\n\nThe council rejected the harbour plan on Tuesday.",
        "“I believe every village got the ferry news,” said councillor Oskar Lind.\n\nThe \
         council rejected the harbour plan on Tuesday.",
    ]);
    let quotes: Vec<String> = report
        .findings
        .iter()
        .filter(|f| {
            matches!(f.kind, FindingKind::QuoteWording | FindingKind::Agreement)
                && f.summary.contains("quote")
        })
        .map(|f| f.summary.clone())
        .collect();
    assert!(quotes.is_empty(), "{quotes:?}");
}
