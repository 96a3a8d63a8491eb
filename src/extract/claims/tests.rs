use super::*;
use crate::text::tokens;

fn claims(text: &str) -> Vec<ClaimFeature> {
    let toks = tokens(text);
    let tags = super::super::tagger::tag(text, &toks);
    find_claims(text, &toks, &tags, &Stemmer::new())
}

fn by_word<'c>(claims: &'c [ClaimFeature], word: &str) -> &'c ClaimFeature {
    claims
        .iter()
        .find(|c| c.word == word)
        .unwrap_or_else(|| panic!("no claim on {word}: {claims:#?}"))
}

#[test]
fn a_denied_predicate_has_its_subject_and_the_passive_its_patient() {
    let text = "The minister did not deny that 300 soldiers were sent to Tarvosk on Monday, a spokesman said.";
    let found = claims(text);
    let deny = by_word(&found, "deny");
    assert!(deny.negation.is_some());
    assert_eq!(
        deny.subject.as_ref().map(|s| s.head.as_str()),
        Some("minist")
    );
    assert!(deny.is_assertion());
    let sent = by_word(&found, "sent");
    assert!(sent.passive && sent.negation.is_none());
    assert_eq!(
        sent.subject.as_ref().map(|s| s.head.as_str()),
        Some("soldier")
    );
}

#[test]
fn a_count_led_by_an_approximation_is_the_subject() {
    for (text, verb) in [
        ("At least 12 people died, the ministry said.", "died"),
        ("More than 600 homes were flooded by nightfall.", "flooded"),
        (
            "Rescuers said that at least nine people were injured.",
            "injured",
        ),
    ] {
        let found = claims(text);
        let claim = found
            .iter()
            .find(|c| c.word == verb)
            .unwrap_or_else(|| panic!("no claim in {text}: {found:#?}"));
        let subject = claim.subject.as_ref().expect(text);
        assert!(
            text[subject.start..subject.end].contains("people")
                || text[subject.start..subject.end].contains("homes"),
            "{text}: {}",
            &text[subject.start..subject.end]
        );
    }
}

#[test]
fn an_infinitive_under_not_is_a_dependent_claim() {
    let found = claims("The trade minister decided not to exempt Norland from the new tariff.");
    let exempt = by_word(&found, "exempt");
    assert!(exempt.dependent && !exempt.is_assertion());
    let decided = by_word(&found, "decided");
    assert!(decided.negation.is_none());
    assert_eq!(
        decided.subject.as_ref().map(|s| s.head.as_str()),
        Some("minist")
    );
}

#[test]
fn a_copula_predicate_is_its_complement() {
    let found = claims("Councillor Mira Senn was not the right candidate for the port board.");
    let claim = found.iter().find(|c| c.copula).expect("a copula claim");
    assert_eq!(claim.word, "candidate");
    assert!(claim.negation.is_some());
}

#[test]
fn not_only_negates_nothing_and_a_modal_asserts_nothing() {
    let found = claims("The council not only approved the budget but also cut the harbour fees.");
    let approved = by_word(&found, "approved");
    assert!(approved.negation.is_none());
    assert_eq!(
        approved.object.as_ref().map(|o| o.head.as_str()),
        Some("budget")
    );
    let found = claims("She may resign before the vote.");
    let resign = by_word(&found, "resign");
    assert!(resign.modal && !resign.is_assertion());
}

#[test]
fn a_phrase_with_of_is_headed_by_its_first_noun() {
    let text = "The mayor of Tarnow opened the new harbour on Friday.";
    let found = claims(text);
    let opened = by_word(&found, "opened");
    let subject = opened.subject.as_ref().expect("a subject");
    assert_eq!(subject.head, "mayor");
    assert_eq!(&text[subject.start..subject.end], "The mayor");
    assert_eq!(
        opened.object.as_ref().map(|o| o.head.as_str()),
        Some("harbour")
    );
}

#[test]
fn fewer_tags_than_tokens_read_only_the_tagged_tokens() {
    let text = "The council approved the budget on Monday.";
    let toks = tokens(text);
    let found = find_claims(
        text,
        &toks,
        &[Pos::Det, Pos::Noun, Pos::Verb],
        &Stemmer::new(),
    );
    assert_eq!(found.len(), 1);
    assert!(found[0].object.is_none() && found[0].end == toks[2].end);
}

#[test]
fn pronouns_are_never_the_same_referent() {
    let she = Argument {
        start: 0,
        end: 3,
        full_end: 3,
        head: "she".into(),
        pronoun: true,
        entity: None,
    };
    assert!(!she.same_referent(&she.clone()));
    let board = Argument {
        head: "board".into(),
        pronoun: false,
        ..she.clone()
    };
    assert!(board.same_referent(&board.clone()));
}
