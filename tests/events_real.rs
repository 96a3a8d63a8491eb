//! What makes an event, on fiction written to look like real news: a shared common word is
//! never an event, boilerplate is never aligned, and every event says why and how sure.

use parallax::model::{PassageRole, Report};
use parallax::{Input, Settings, progress::Progress};

fn compare(texts: &[(&str, &str)]) -> Report {
    let inputs: Vec<Input> = texts
        .iter()
        .map(|(name, text)| Input::Memory {
            name: name.to_string(),
            bytes: text.as_bytes().to_vec(),
        })
        .collect();
    parallax::compare(&inputs, &Settings::default(), &Progress::new()).unwrap()
}

#[test]
fn two_articles_sharing_only_common_words_get_no_event() {
    let report = compare(&[
        (
            "a.txt",
            "The result of the work was good for the number of people in the place.\n\nIt was a good year, and the work went on.",
        ),
        (
            "b.txt",
            "A bad result: the number of places where people work fell this year.\n\nThe work was not good, people said.",
        ),
    ]);
    assert!(
        report.events.is_empty(),
        "events on common words: {:?}",
        report.events.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
}

#[test]
fn shared_specific_anchors_make_an_event_with_label_confidence_and_anchors() {
    let report = compare(&[
        (
            "a.txt",
            "Harbour pilots in Tarnow went on strike on Monday over the new Kessel tug contract.\n\nThe weather was mild.",
        ),
        (
            "b.txt",
            "On Monday the Tarnow harbour pilots walked out in protest at the Kessel tug contract.\n\nShops stayed open.",
        ),
    ]);
    assert_eq!(report.events.len(), 1, "{:?}", report.events);
    let event = &report.events[0];
    assert!(event.confidence > 0.3 && event.confidence <= 1.0);
    assert!(event.anchors.len() >= 2, "{:?}", event.anchors);
    assert!(event.anchors.iter().any(|a| a.text.contains("Tarnow")));
    assert!(
        event.label.chars().count() <= 70 && event.label.contains(' '),
        "a phrase, not a bag of stems: {}",
        event.label
    );
}

#[test]
fn boilerplate_is_never_aligned() {
    // Each article carries a dateline, a photo credit, a "More:" link, an embedded post's
    // signature, a share prompt and a tags line, all shared word for word.
    let boilerplate = "Photo: Mira Held / Getty Images\n\nMore: A minute-by-minute guide to the Tarnow harbour strike\n\n— Port Workers Union (@portunion) March 3, 2026\n\nShare this article on social media\n\nTags: Tarnow, harbour, Kessel tug contract\n\n";
    let a = format!(
        "TARNOW — Harbour pilots went on strike on Monday over the Kessel tug contract.\n\n{boilerplate}The union wants the contract cancelled."
    );
    let b = format!(
        "TARNOW — The city council met on Tuesday to discuss the new library budget.\n\n{boilerplate}Council members approved the library plan."
    );
    let report = compare(&[("a.txt", &a), ("b.txt", &b)]);
    for event in &report.events {
        for at in &event.passages {
            let passage = report.passage(*at);
            assert_ne!(passage.role, PassageRole::Boilerplate);
            let text = report.passage_text(*at);
            assert!(
                !text.starts_with("Photo:")
                    && !text.starts_with("More:")
                    && !text.starts_with("Share this")
                    && !text.starts_with("Tags:")
                    && !text.contains("(@portunion)"),
                "aligned boilerplate: {text}"
            );
        }
    }
    // The datelines name the same city, but the two stories are different events.
    assert!(
        report.events.is_empty(),
        "{:?}",
        report.events.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
}

#[test]
fn statements_of_two_speakers_are_two_events() {
    // Two senators answer the same report on the same day in much the same words: their
    // statements share rare words and a run of wording, but they are two statements.
    let report = compare(&[
        (
            "a.txt",
            "Senator Ilse Varga said on Friday that the Tarnow harbour inquiry report must be published in full without redactions.\n\nThe weather was mild.",
        ),
        (
            "b.txt",
            "Senator Piet Landau said on Friday that the Tarnow harbour inquiry report should be published in full without delay.\n\nShops stayed open.",
        ),
    ]);
    assert!(
        report.events.is_empty(),
        "{:?}",
        report.events.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
    // The same statement by the same speaker, told in other words, is one event.
    let report = compare(&[
        (
            "a.txt",
            "Senator Ilse Varga said on Friday that the Tarnow harbour inquiry report must be published in full without redactions.\n\nThe weather was mild.",
        ),
        (
            "b.txt",
            "The Tarnow harbour inquiry report has to come out unredacted, Varga said on Friday.\n\nShops stayed open.",
        ),
    ]);
    assert_eq!(report.events.len(), 1, "{:?}", report.events);
}

#[test]
fn an_event_held_by_topic_words_alone_stays_uncertain() {
    // Two commentaries that share rare words of one topic and nothing that happened: no name,
    // number, date or quote in common.
    let report = compare(&[
        (
            "a.txt",
            "Colonial legacies still shape the continent, and sovereignty over minerals remains the central question of integration.",
        ),
        (
            "b.txt",
            "For the continent, integration means sovereignty over its minerals after a colonial century of extraction.",
        ),
    ]);
    for event in &report.events {
        let anchors: Vec<&str> = event.anchors.iter().map(|a| a.text.as_str()).collect();
        assert!(
            event.confidence < parallax::settings::DEFAULT_MIN_CONFIDENCE,
            "{} ({:.2}) on {anchors:?}",
            event.label,
            event.confidence
        );
    }
}
