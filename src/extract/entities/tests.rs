//! Unit tests of name finding, on our own fiction.

use super::*;
use crate::text::tokens;

fn names(text: &str) -> Vec<(String, Vec<String>, EntityKind)> {
    let lexicon = Lexicon::bundled();
    let vocabulary: HashSet<String> = ["the", "last", "however", "government"]
        .into_iter()
        .map(String::from)
        .collect();
    find_mentions(text, &tokens(text), &lexicon, &vocabulary)
        .into_iter()
        .map(|m| (m.text, m.titles, m.kind))
        .collect()
}

#[test]
fn titles_are_split_off() {
    let found = names("It was Col. Assimi Goïta who met Russian Foreign Minister Sergei Lavrov.");
    assert_eq!(found[0].0, "Assimi Goïta");
    assert_eq!(found[0].1, ["colonel"]);
    assert_eq!(found[0].2, EntityKind::Person);
    assert_eq!(found[1].0, "Sergei Lavrov");
    assert_eq!(found[1].1, ["foreign", "minister"]);
}

#[test]
fn a_date_after_on_is_not_part_of_a_name() {
    let found = names("Ilse Varga met Piet Landau on Friday and the Port of Tarnow on 3 May.");
    let texts: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        texts,
        ["Ilse Varga", "Piet Landau", "Port of Tarnow"],
        "{found:?}"
    );
}

#[test]
fn legislators_titles_are_split_off() {
    let found = names(
        "The envelopes named Representative Dana Holloway, and Rep. Dana Holloway answered Speaker Evan Marsh.",
    );
    let texts: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        texts,
        ["Dana Holloway", "Dana Holloway", "Evan Marsh"],
        "{found:?}"
    );
    assert_eq!(found[2].1, ["speaker"]);
    assert_eq!(found[0].1, ["representative"]);
    assert_eq!(found[1].1, ["representative"]);
}

#[test]
fn sentence_starts_and_possessives() {
    let found = names("However, Mali's army and the Wagner Group stayed in Kidal.");
    let texts: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(texts, ["Mali", "Wagner Group", "Kidal"]);
    assert_eq!(found[1].2, EntityKind::Organisation);
    assert_eq!(found[2].2, EntityKind::Place);
}

#[test]
fn a_name_closing_a_parenthetical_is_not_the_speaker() {
    let lexicon = Lexicon::bundled();
    let vocabulary: HashSet<String> = ["the"].into_iter().map(String::from).collect();
    let cues = |text: &str| -> Vec<(String, bool)> {
        find_mentions(text, &tokens(text), &lexicon, &vocabulary)
            .into_iter()
            .map(|m| (m.text, m.speaker_cue))
            .collect()
    };
    let found = cues("Ms. Halvorsen, asked whether she trusted Mr. Brandt, said she did not.");
    assert!(found.contains(&("Brandt".to_string(), false)), "{found:?}");
    assert!(
        found.contains(&("Halvorsen".to_string(), true)),
        "{found:?}"
    );
    // An apposition still speaks.
    let found = cues("The mayor's spokesman, Kai Lund, said the bridge was safe.");
    assert!(found.contains(&("Kai Lund".to_string(), true)), "{found:?}");
}

#[test]
fn a_role_in_lower_case_before_a_name_is_its_title() {
    let found = names("\"It is ours,\" said coach Ilse Varga. We met the captain, Landau, later.");
    assert_eq!(found[0].0, "Ilse Varga");
    assert_eq!(found[0].1, ["coach"]);
    assert_eq!(found[1].0, "Landau");
    assert_eq!(found[1].1, ["captain"]);
    // A title word that is mostly an adjective in lower case, or a role two words away, is
    // no title of the name.
    let found = names("He was a major Tarnow donor. The coach of Piet Landau left.");
    assert!(found.iter().all(|f| f.1.is_empty()), "{found:?}");
}
