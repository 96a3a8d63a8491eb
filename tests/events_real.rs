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
    let report = two_accounts(
        "Harbour pilots in Tarnow went on strike on Monday over the new Kessel tug contract.",
        "On Monday the Tarnow harbour pilots walked out in protest at the Kessel tug contract.",
    );
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

/// Two one-sentence accounts, each followed by an unrelated line, compared.
fn two_accounts(a: &str, b: &str) -> Report {
    compare(&[
        ("a.txt", &format!("{a}\n\nThe weather was mild.")),
        ("b.txt", &format!("{b}\n\nShops stayed open.")),
    ])
}

/// Two one-sentence accounts (each followed by an unrelated line) that make no event.
fn assert_no_event(a: &str, b: &str) {
    let report = two_accounts(a, b);
    assert!(
        report.events.is_empty(),
        "{a} / {b}: {:?}",
        report.events.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
}

#[test]
fn statements_of_two_speakers_are_two_events() {
    let landau = "Senator Piet Landau said on Friday that the Tarnow harbour inquiry report should be published in full without delay.";
    // Two senators answer the same report on the same day in much the same words: their
    // statements share rare words and a run of wording, but they are two statements.
    assert_no_event(
        "Senator Ilse Varga said on Friday that the Tarnow harbour inquiry report must be published in full without redactions.",
        landau,
    );
    // The same statement by the same speaker, told in other words, is one event.
    let report = two_accounts(
        "Senator Ilse Varga said on Friday that the Tarnow harbour inquiry report must be published in full without redactions.",
        "The Tarnow harbour inquiry report has to come out unredacted, Varga said on Friday.",
    );
    assert_eq!(report.events.len(), 1, "{:?}", report.events);
    // A speaker named by a pronoun ("she wrote") is the person named just before.
    assert_no_event(
        "Senator Ilse Varga spoke to the harbour board on Friday. The Tarnow harbour inquiry report must be published in full without redactions, she wrote on Friday.",
        landau,
    );
    // An adverb between the speaker and the verb ("she sternly told", "Landau flatly
    // said") does not hide who speaks.
    assert_no_event(
        "As Senator Ilse Varga left the harbour board, she sternly told reporters that the Tarnow harbour inquiry report must be published in full without redactions.",
        "Senator Piet Landau flatly said on Friday that the Tarnow harbour inquiry report should be published in full without delay.",
    );
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

/// An English report and our own Spanish translation of it, one sentence per line. Only
/// some sentences carry a name or a number that crosses the language.
const REPORT_EN: &str = "Ferry service resumes in Port Velden\n\n\
Ferries between Port Velden and the island of Skarra sailed again on 14 June after a strike of 12 days.\n\n\
The crews had stopped work over a plan to cut night shifts.\n\n\
Harbour director Anneli Voss said the company had withdrawn the plan.\n\n\
Passengers waited in long queues on the first morning.\n\n\
Some had slept in their cars near the terminal.\n\n\
The union said 340 members voted to end the strike.\n\n\
Tourism offices on the island expect a busy summer.\n";
const REPORT_ES: &str = "Se reanuda el servicio de transbordadores en Port Velden\n\n\
Los transbordadores entre Port Velden y la isla de Skarra volvieron a zarpar el 14 de junio tras una huelga de 12 días.\n\n\
Las tripulaciones habían dejado de trabajar por un plan para recortar los turnos de noche.\n\n\
La directora del puerto, Anneli Voss, dijo que la empresa había retirado el plan.\n\n\
Los pasajeros esperaron en largas colas durante la primera mañana.\n\n\
Algunos habían dormido en sus coches cerca de la terminal.\n\n\
El sindicato dijo que 340 afiliados votaron poner fin a la huelga.\n\n\
Las oficinas de turismo de la isla esperan un verano muy concurrido.\n";

/// The sentences (as the first words of each) that share an event with each other.
fn linked_pairs(report: &Report) -> Vec<(String, String)> {
    let text_of = |document: usize, passage: usize| {
        let p = &report.documents[document].passages[passage];
        let text = if document == 0 { REPORT_EN } else { REPORT_ES };
        text[p.start..p.end]
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = Vec::new();
    for event in &report.events {
        for a in event.passages.iter().filter(|p| p.document.get() == 0) {
            for b in event.passages.iter().filter(|p| p.document.get() == 1) {
                out.push((text_of(0, a.passage.get()), text_of(1, b.passage.get())));
            }
        }
    }
    out
}

#[test]
fn a_translation_is_aligned_sentence_by_sentence() {
    let report = compare(&[("report_en.txt", REPORT_EN), ("report_es.txt", REPORT_ES)]);
    let pairs = linked_pairs(&report);
    // Sentences with no name or number in common are paired by their place between the
    // sentences that are linked by anchors.
    for (en, es) in [
        ("The crews had", "Las tripulaciones habían"),
        ("Passengers waited in", "Los pasajeros esperaron"),
        ("Some had slept", "Algunos habían dormido"),
        ("Tourism offices on", "Las oficinas de"),
    ] {
        assert!(
            pairs.contains(&(en.to_string(), es.to_string())),
            "{en} / {es} not linked: {pairs:?}"
        );
    }
    // Never a sentence with another's translation.
    for (en, es) in &pairs {
        let en_at = REPORT_EN.find(en.as_str()).unwrap();
        let es_at = REPORT_ES.find(es.as_str()).unwrap();
        let line = |text: &str, at: usize| text[..at].matches("\n\n").count();
        assert_eq!(
            line(REPORT_EN, en_at),
            line(REPORT_ES, es_at),
            "{en} / {es}"
        );
    }
    // The position evidence is named on the event.
    assert!(report.events.iter().any(|e| {
        e.anchors
            .iter()
            .any(|a| a.kind == parallax::model::EvidenceKind::Parallel)
    }));
}

#[test]
fn two_accounts_in_their_own_order_are_not_paired_by_position() {
    // The same facts as the English report, told by another outlet in another order: no
    // sentence is paired with another only because of where it stands.
    let other = "Strike ends at Skarra ferries\n\n\
The union said 340 members voted to end the strike.\n\n\
Tourism offices on the island had feared for the summer season.\n\n\
Anneli Voss, the harbour director, said the company had withdrawn the plan.\n\n\
Ferries between Port Velden and Skarra sailed again on 14 June.\n\n\
Drivers had queued through the night to board.\n\n\
The strike lasted 12 days.\n";
    // Another outlet in the same order and of the same length: still its own words.
    let same_order = "Ferries sail again to Skarra\n\n\
Boats between Port Velden and Skarra were back in service on 14 June, ending 12 days of strike.\n\n\
Crews walked out when the company planned fewer night shifts.\n\n\
Anneli Voss, who runs the harbour, said the plan had been dropped.\n\n\
Long lines formed at the ticket office early on.\n\n\
A few drivers had spent the night in the car park.\n\n\
According to the union, 340 members backed a return to work.\n\n\
Hotels on the island are hoping for a strong season.\n";
    for other in [other, same_order] {
        let report = compare(&[("report_en.txt", REPORT_EN), ("other.txt", other)]);
        assert!(
            !report.events.iter().any(|e| e
                .anchors
                .iter()
                .any(|a| a.kind == parallax::model::EvidenceKind::Parallel)),
            "{:?}",
            report.events.iter().map(|e| &e.label).collect::<Vec<_>>()
        );
    }
}

#[test]
fn an_event_held_by_one_name_and_words_is_not_sure() {
    // One name and two rare words in common: as often two statements about the same person
    // as one. The event may stand, but its confidence stays at 0.7 or below.
    let report = two_accounts(
        "Ilse Varga toured the flooded quarry villages and their broken sluices.",
        "Ilse Varga promised the quarry villages new sluices before winter.",
    );
    assert!(!report.events.is_empty(), "no event at all");
    for event in &report.events {
        assert!(
            event.confidence <= 0.7,
            "{} ({:.2})",
            event.label,
            event.confidence
        );
    }
}

#[test]
fn the_same_plain_words_in_the_same_order_are_one_quote() {
    // Six plain words in a row, one of them an uncommon content word: the same quote,
    // whether or not both sources put it in quotation marks. The event names it and is sure
    // of it.
    let report = two_accounts(
        "“This is a quarrel we mean to win,” the mayor said of the harbour levy.",
        "The harbour levy is the right call, and this is a quarrel we mean to win, she said.",
    );
    let event = report
        .events
        .iter()
        .find(|e| {
            e.anchors
                .iter()
                .any(|a| a.kind == parallax::model::EvidenceKind::Quote)
        })
        .unwrap_or_else(|| panic!("no event on the quote: {:?}", report.events));
    assert!(
        event.confidence >= parallax::settings::DEFAULT_MIN_CONFIDENCE,
        "{} ({:.2})",
        event.label,
        event.confidence
    );
}

#[test]
fn the_confidence_caps_read_every_shared_anchor_not_only_the_listed_ones() {
    // One name, many shared words and a shared year: the year ranks below the twelve anchors
    // the event lists, but it is still evidence, so the one-name cap does not apply.
    let report = two_accounts(
        "Ilse Varga said the cracked granite sluices, rusted winches, flooded culverts, warped bulkheads, silted moorings, leaking pontoons and corroded bollards of the quay date from 1987.",
        "The cracked granite sluices, rusted winches, flooded culverts, warped bulkheads, silted moorings, leaking pontoons and corroded bollards date from 1987, Ilse Varga said.",
    );
    assert_eq!(report.events.len(), 1, "{:?}", report.events);
    let event = &report.events[0];
    assert!(event.anchors.len() <= 12, "{}", event.anchors.len());
    assert!(event.confidence > 0.7, "{:.2}", event.confidence);
}

/// The counted facts ("a count of homes … flooded") anchoring the events of a report.
fn counted_facts(report: &parallax::model::Report) -> Vec<String> {
    report
        .events
        .iter()
        .flat_map(|e| &e.anchors)
        .map(|a| a.text.clone())
        .filter(|t| t.starts_with("a count of") && t.contains(" … "))
        .collect()
}

#[test]
fn the_same_counted_thing_with_its_predicate_is_one_fact_whatever_the_figures() {
    // Two outlets count the flooded homes of one town differently: one fact, disputed.
    let report = two_accounts(
        "By Sunday evening 340 homes were flooded in the lower town of Tarnow.",
        "In Tarnow, 430 houses were flooded, some of them up to the first-floor windows.",
    );
    assert_eq!(report.events.len(), 1, "{:?}", report.events);
    assert_eq!(counted_facts(&report), ["a count of homes … flooded"]);
    // "At least 12 people died": the approximation does not hide the subject of "died".
    let report = two_accounts(
        "At least 12 people died in Tarnow, the interior ministry said on Saturday.",
        "According to the hospital in Tarnow, 14 people died in the flood.",
    );
    assert_eq!(counted_facts(&report), ["a count of people … died"]);
    // Figures far apart are two facts: a career of 4 seasons is not one of 19.
    let report = two_accounts(
        "Piet Landau spent 4 seasons at the Tarnow rowing club as its coach.",
        "Piet Landau spent 19 seasons at the Tarnow rowing club, most of them as captain.",
    );
    assert!(counted_facts(&report).is_empty(), "{:?}", report.events);
}

#[test]
fn a_speaker_named_after_a_role_is_still_the_speaker() {
    // "said senior adviser Piet Landau": the role between the verb and the name does not
    // hide the speaker, so two advisers' remarks on the harbour levy stay two statements.
    assert_no_event(
        "\"Nobody in Tarnow wants the harbour levy,\" said senior adviser Piet Landau on 4 March 2025.",
        "\"Tarnow will get its harbour levy before the spring,\" said press secretary Ilse Varga on 4 March 2025.",
    );
}

#[test]
fn a_vague_count_is_the_same_fact_as_a_figure_in_its_range() {
    let report = two_accounts(
        "By Sunday evening 340 homes were flooded in the lower town of Tarnow.",
        "Hundreds of homes were flooded along the quays of Tarnow, and engineers fear for the sluices.",
    );
    assert_eq!(
        counted_facts(&report),
        ["a count of homes … flooded"],
        "{:?}",
        report.events
    );
    // "Dozens" is not 340.
    let report = two_accounts(
        "By Sunday evening 340 homes were flooded in the lower town of Tarnow.",
        "Dozens of homes were flooded along the quays of Tarnow, and engineers fear for the sluices.",
    );
    assert!(counted_facts(&report).is_empty(), "{:?}", report.events);
}

#[test]
fn a_long_quote_word_for_word_is_one_quote_however_plain_its_words() {
    // The same plain quote given to two people: one quote, so one event (for the quote
    // finding to compare its speakers), not two statements.
    let report = two_accounts(
        "\"No one who has lost a home will be left to face this alone,\" said Ilse Varga on the steps of the Tarnow town hall.",
        "\"No one who has lost a home will be left to face this alone,\" Piet Landau told reporters at a shelter in Tarnow.",
    );
    assert_eq!(report.events.len(), 1, "{:?}", report.events);
    // Two plain quotes that share a few words are two statements.
    assert_no_event(
        "\"No one will be left alone in this,\" said Ilse Varga on the steps of the Tarnow town hall.",
        "\"We will not leave anyone who has lost a home,\" Piet Landau told reporters at a shelter in Tarnow.",
    );
}

#[test]
fn the_people_of_a_roster_are_one_anchor() {
    // Four rivals named in a list in both sources: the same field of candidates, not the same
    // happening (a poll and the order of announcements).
    // (Past the leads, where a story's cast is evidence enough.)
    let report = compare(&[
        (
            "a.txt",
            "Harbour race opens\n\nThe weather turned on Friday.\n\nBuses stopped running.\n\n\
             Harbour board member Ilse Varga joins a crowded race against Piet Landau, Anneli Voss and Tomas Varner, promising cheaper mooring fees and a new ferry pier.",
        ),
        (
            "b.txt",
            "Who leads in Tarnow\n\nShops stayed shut.\n\nSchools sent pupils home early.\n\n\
             A Tarnow Courier poll of 600 residents puts Piet Landau first, ahead of Tomas Varner, Anneli Voss and Ilse Varga, with many voters still undecided about the levy.",
        ),
    ]);
    assert!(
        report.events.is_empty(),
        "{:?}",
        report.events.iter().map(|e| &e.label).collect::<Vec<_>>()
    );
    // Two people named in both, without a roster: still anchors of their own.
    let report = two_accounts(
        "Ilse Varga and Piet Landau signed the harbour levy agreement in Tarnow on Friday.",
        "The harbour levy agreement was signed in Tarnow on Friday by Ilse Varga and Piet Landau.",
    );
    assert_eq!(report.events.len(), 1, "{:?}", report.events);
}

#[test]
fn a_label_does_not_stop_at_a_verb_whose_object_it_drops() {
    // "The ministry has cut" leaves out what was cut: the label goes on to the figure.
    let report = two_accounts(
        "“Now, when the port needs it, the ministry has cut $45 million from the Tarnow harbour budget.",
        "The ministry has cut $45 million from the Tarnow harbour budget, the port's union said.",
    );
    assert_eq!(report.events.len(), 1, "{:?}", report.events);
    let label = &report.events[0].label;
    assert!(label.contains("$45 million"), "{label}");
}
