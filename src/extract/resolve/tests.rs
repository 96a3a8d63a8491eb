use super::*;
use crate::text::fold;

fn mention(doc: usize, paragraph: usize, text: &str, titles: &[&str]) -> PlacedMention {
    PlacedMention {
        document: DocId(doc),
        passage: PassageId(paragraph),
        paragraph,
        mention: RawMention {
            start: 0,
            end: text.len(),
            text: text.to_string(),
            words: text.split(' ').map(fold).collect(),
            titles: titles.iter().map(|t| t.to_string()).collect(),
            kind: if titles.is_empty() {
                EntityKind::Other
            } else {
                EntityKind::Person
            },
            speaker_cue: false,
        },
    }
}

fn groups_of(mentions: &[PlacedMention]) -> Vec<Vec<String>> {
    let (entities, _) = resolve(mentions);
    entities
        .into_iter()
        .map(|e| {
            let mut aliases = e.aliases;
            aliases.sort();
            aliases
        })
        .collect()
}

#[test]
fn variants_of_one_person_merge() {
    let mentions = vec![
        mention(0, 0, "Assimi Goïta", &["colonel"]),
        mention(0, 1, "Assimi Goita", &[]),
        mention(1, 0, "Asmi Guetta", &["colonel"]),
        mention(1, 1, "Goïta", &[]),
    ];
    let groups = groups_of(&mentions);
    assert_eq!(groups.len(), 1, "{groups:?}");
}

#[test]
fn a_country_that_speaks_is_not_the_surname_of_a_company() {
    let mut says = mention(1, 0, "Norland", &[]);
    says.mention.speaker_cue = true;
    says.mention.kind = EntityKind::Person;
    let mut in_place = mention(1, 1, "Norland", &[]);
    in_place.mention.kind = EntityKind::Place;
    let mentions = vec![mention(0, 0, "Air Norland", &[]), says, in_place];
    assert_eq!(groups_of(&mentions).len(), 2);
}

#[test]
fn an_organisation_without_its_generic_word_is_the_same_organisation() {
    let organisation = |doc, paragraph, text| {
        let mut m = mention(doc, paragraph, text, &[]);
        m.mention.kind = EntityKind::Organisation;
        m
    };
    let mentions = vec![
        organisation(0, 0, "Varga Group"),
        organisation(1, 0, "Varga"),
    ];
    assert_eq!(groups_of(&mentions).len(), 1);
    // A person of that name, or two organisations it could be short for, stay apart.
    let mut person = mention(1, 0, "Varga", &["mrs"]);
    person.mention.kind = EntityKind::Person;
    assert_eq!(
        groups_of(&[organisation(0, 0, "Varga Group"), person]).len(),
        2
    );
    let mentions = vec![
        organisation(0, 0, "Varga Group"),
        organisation(0, 1, "Varga Foundation"),
        organisation(1, 0, "Varga"),
    ];
    assert_eq!(groups_of(&mentions).len(), 3);
}

#[test]
fn diminutives_are_nicknames() {
    assert!(super::nicknames("Sandi", "Sandra"));
    assert!(super::nicknames("Dave", "David"));
    assert!(!super::nicknames("Maria", "Marianne"));
    assert!(!super::nicknames("Sandra", "Sandro"));
}

#[test]
fn shared_surname_with_different_first_names_stays_apart() {
    let mentions = vec![
        mention(0, 0, "Maria Kovac", &["engineer"]),
        mention(1, 0, "Petar Kovac", &["mayor"]),
    ];
    assert_eq!(groups_of(&mentions).len(), 2);
}

#[test]
fn like_surnames_of_people_with_different_first_names_stay_apart() {
    let mentions = vec![
        mention(0, 0, "Tomas Varner", &["senator"]),
        mention(0, 1, "Varner", &[]),
        mention(1, 0, "Ilona Varren", &["senator"]),
        mention(1, 1, "Varren", &[]),
    ];
    let groups = groups_of(&mentions);
    assert_eq!(groups.len(), 2, "{groups:?}");
}

#[test]
fn transliterations_merge_and_prefixes_do_not() {
    let mentions = vec![
        mention(0, 0, "Sergey Lavrov", &[]),
        mention(1, 0, "Sergei Lavrov", &[]),
        mention(0, 1, "Yerewolo", &[]),
        mention(1, 1, "Yerewulu", &[]),
        mention(0, 2, "Niger", &[]),
        mention(1, 2, "Nigeria", &[]),
    ];
    let groups = groups_of(&mentions);
    assert_eq!(groups.len(), 4, "{groups:?}");
}
