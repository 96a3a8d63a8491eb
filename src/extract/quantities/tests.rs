use super::*;
use crate::text::tokens;

type Found = (String, f64, String, Option<String>, Option<String>);

fn quantities(text: &str) -> Vec<Found> {
    let lexicon = Lexicon::bundled();
    find_quantities(text, &tokens(text), &[], &lexicon)
        .into_iter()
        .map(|q| {
            (
                text[q.start..q.end].to_string(),
                q.value,
                q.unit,
                q.qualifier,
                q.approximation,
            )
        })
        .collect()
}

#[test]
fn people_are_counted_by_what_happened_to_them() {
    let units = |text: &str| -> Vec<String> { quantities(text).into_iter().map(|q| q.2).collect() };
    assert_eq!(units("At least 11 people have died."), ["dead"]);
    assert_eq!(units("Nine people were killed on Sunday."), ["dead"]);
    assert_eq!(units("Another 14 people were injured."), ["injured"]);
    assert_eq!(
        units("Police said 4,100 people had been evacuated."),
        ["refugees"]
    );
    // A break after the people, or no fate at all, leaves them people.
    assert_eq!(
        units("About 300 people, the police said, died."),
        ["people"]
    );
    assert_eq!(units("Some 300 people joined a protest."), ["people"]);
    // A verb before the people acts on them: crews evacuated them, a storm killed them.
    assert_eq!(
        units("Crews evacuated about 4,100 people from the town."),
        ["refugees"]
    );
    assert_eq!(units("The storm killed 11 people."), ["dead"]);
    assert_eq!(units("Divers rescued 37 people."), ["rescued"]);
    // Not across a break, and not an intransitive verb before the figure.
    assert_eq!(units("Nobody died, 300 people said."), ["people"]);
    // A year before a noun is not a count; a counted noun after a bare figure is.
    assert!(
        units("He ran in the 2012 election and the 2016 presidential race.").is_empty(),
        "{:?}",
        quantities("He ran in the 2012 election and the 2016 presidential race.")
    );
    assert_eq!(units("The army sent 2000 soldiers."), ["troops"]);
}

#[test]
fn scales_and_currencies_of_other_languages() {
    assert_eq!(SCALES[FIRST_FOREIGN_SCALE].0, "millones");
    let thousands = quantities("El fondo recibió 35.000 millones de euros.");
    assert_eq!(thousands[0].1, 35_000.0 * 1e6);
    let found = quantities("Airbus pidió 2,5 millones de dólares.");
    assert_eq!(found[0].1, 2.5e6);
    assert_eq!(found[0].2, "dollars");
    let found = quantities("Boeing heeft 3 miljard euro gevraagd.");
    assert_eq!(found[0].1, 3e9);
    assert_eq!(found[0].2, "euros");
}

#[test]
fn counted_nouns_and_synonyms() {
    let found = quantities("Paris deployed 5,100 French soldiers, not 5,000 troops.");
    assert_eq!(found[0].0, "5,100 French soldiers");
    assert_eq!(found[0].1, 5100.0);
    assert_eq!(found[0].2, "troops");
    assert_eq!(found[1].2, "troops");
}

#[test]
fn scales_currencies_and_qualifiers() {
    let found = quantities("It pledged 40 million euros in emergency aid against €300m of damage.");
    assert_eq!(found[0].1, 40e6);
    assert_eq!(found[0].2, "euros");
    assert_eq!(found[0].3.as_deref(), Some("aid"));
    assert_eq!(found[1].1, 300e6);
    assert_eq!(found[1].2, "euros");
    assert_eq!(found[1].3.as_deref(), Some("damage"));
}

#[test]
fn approximations_and_words() {
    let found = quantities("At least 31 people died and about twelve homes burned; a dozen fled.");
    assert_eq!(found[0].0, "At least 31 people");
    assert_eq!(found[0].4.as_deref(), Some("At least"));
    assert_eq!(found[1].1, 12.0);
    assert_eq!(found[1].2, "homes");
    assert_eq!(found[2].1, 12.0);
}

#[test]
fn vague_counts_allow_a_range() {
    let text = "Hundreds of homes were flooded and tens of families, dozens of people and \
                hundreds of thousands of euros.";
    let lexicon = Lexicon::bundled();
    let found = find_quantities(text, &tokens(text), &[], &lexicon);
    assert_eq!(found[0].unit, "homes");
    assert_eq!(found[0].approximation.as_deref(), Some("Hundreds of"));
    let (low, high) = found[0].range();
    assert!((low..=high).contains(&340.0), "{low} {high}");
    assert!(high < 1000.0, "{high}");
    assert!(low > 100.0, "a hundred is not hundreds: {low}");
    assert_eq!(found[1].unit, "people", "{found:?}");
    assert!(found[1].range().0 >= 24.0 && found[1].range().1 < 150.0);
    assert_eq!(found[2].unit, "euros");
    assert_eq!(found[2].value, 1e5);
    let several = find_quantities(
        "Several hundred residents and a few hundred fans.",
        &tokens("Several hundred residents and a few hundred fans."),
        &[],
        &lexicon,
    );
    assert_eq!(several[0].range(), (200.0, 999.0));
    assert_eq!(several[1].range(), (200.0, 999.0));
    // A figure is its own range.
    let exact = find_quantities("340 homes", &tokens("340 homes"), &[], &lexicon);
    assert_eq!(exact[0].range(), (340.0, 340.0));
}

#[test]
fn percent_and_pre_qualifier() {
    let found = quantities("Turnout of 61 percent beat the 22% of 2019; attendance of 52,000.");
    assert_eq!(found[0].2, "percent");
    assert_eq!(found[0].3.as_deref(), Some("turnout"));
    assert_eq!(found[1].2, "percent");
    assert_eq!(found[2].1, 52000.0);
    assert_eq!(found[2].3.as_deref(), Some("attendance"));
}

#[test]
fn a_holder_before_a_verb_of_having_is_no_qualifier() {
    let found =
        quantities("The group has about 6,800 employees, and turnout had reached 61 percent.");
    assert_eq!(found[0].2, "jobs");
    assert_eq!(found[0].3, None);
    assert_eq!(found[1].3.as_deref(), Some("turnout"));
}

#[test]
fn scores_are_not_quantities() {
    assert!(quantities("They won 2-1 at home.").is_empty());
}
