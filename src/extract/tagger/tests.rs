use super::*;
use crate::text::tokens;

fn tagged(text: &str) -> Vec<(String, Pos)> {
    let toks = tokens(text);
    let tags = tag(text, &toks);
    assert_eq!(tags.len(), toks.len());
    toks.iter().map(|t| t.text.to_string()).zip(tags).collect()
}

/// Asserts the tag of each listed word (its first occurrence).
fn check(text: &str, expected: &[(&str, Pos)]) {
    let got = tagged(text);
    let shown: Vec<String> = got
        .iter()
        .map(|(w, p)| format!("{w}/{}", p.as_str()))
        .collect();
    for (word, pos) in expected {
        let found = got.iter().find(|(w, _)| w == word);
        assert_eq!(
            found.map(|(_, p)| *p),
            Some(*pos),
            "{word} in: {}",
            shown.join(" ")
        );
    }
}

#[test]
fn the_embedded_model_parses() {
    let model = Model::parse(MODEL).expect("the model file parses");
    assert_eq!(model.tags, Pos::ALL.to_vec());
    assert!(model.weights.len() > 10_000);
    assert!(MODEL.len() < 1_600_000);
}

#[test]
fn a_news_sentence() {
    use Pos::*;
    check(
        "The minister did not deny that 300 soldiers were sent to Tarvosk on Monday, a \
         spokesman said.",
        &[
            ("minister", Noun),
            ("did", Aux),
            ("not", Part),
            ("deny", Verb),
            ("300", Num),
            ("soldiers", Noun),
            ("were", Aux),
            ("sent", Verb),
            ("Tarvosk", Propn),
            ("Monday", Propn),
            ("spokesman", Noun),
            ("said", Verb),
        ],
    );
    check(
        "Anna Korvel, the head of the Dravian electoral commission, told reporters that \
         the vote had been postponed.",
        &[
            ("Anna", Propn),
            ("Korvel", Propn),
            ("head", Noun),
            ("commission", Noun),
            ("told", Verb),
            ("reporters", Noun),
            ("had", Aux),
            ("been", Aux),
            ("postponed", Verb),
        ],
    );
    check(
        "Officials don't expect the talks to resume before March.",
        &[
            ("Officials", Noun),
            ("don't", Aux),
            ("expect", Verb),
            ("talks", Noun),
            ("resume", Verb),
            ("March", Propn),
        ],
    );
    check(
        "The ministry has never confirmed the figures.",
        &[
            ("has", Aux),
            ("never", Adv),
            ("confirmed", Verb),
            ("figures", Noun),
        ],
    );
}

#[test]
fn questions() {
    use Pos::*;
    check(
        "Is the ceasefire holding in Kelmar?",
        &[
            ("Is", Aux),
            ("ceasefire", Noun),
            ("holding", Verb),
            ("Kelmar", Propn),
        ],
    );
    check(
        "How many people were killed in the attack on Dorvik?",
        &[
            ("people", Noun),
            ("were", Aux),
            ("killed", Verb),
            ("attack", Noun),
            ("Dorvik", Propn),
        ],
    );
    check(
        "Why was the ambassador summoned?",
        &[("was", Aux), ("ambassador", Noun), ("summoned", Verb)],
    );
}

#[test]
fn not_only() {
    use Pos::*;
    check(
        "Not only did the council reject the plan, it also cut the budget by 12 percent.",
        &[
            ("Not", Part),
            ("did", Aux),
            ("council", Noun),
            ("reject", Verb),
            ("plan", Noun),
            ("cut", Verb),
            ("budget", Noun),
            ("12", Num),
            ("percent", Noun),
        ],
    );
    check(
        "The rebels not only refused to leave but also seized two more towns.",
        &[
            ("rebels", Noun),
            ("not", Part),
            ("refused", Verb),
            ("leave", Verb),
            ("seized", Verb),
            ("two", Num),
            ("towns", Noun),
        ],
    );
}

/// Title Case is the tagger's weak spot: EWT has few headlines, so the training script
/// adds Title Case copies of its sentences. Verbs that EWT never shows ("Arrest" in
/// "Police Arrest 12") can still come out as nouns, and names as common nouns.
#[test]
fn a_headline_in_title_case() {
    use Pos::*;
    check(
        "Rebels Say They Will Not Disarm",
        &[
            ("Rebels", Noun),
            ("Say", Verb),
            ("They", Pron),
            ("Will", Aux),
            ("Not", Part),
            ("Disarm", Verb),
        ],
    );
    check(
        "Parliament Approves Budget",
        &[("Parliament", Noun), ("Approves", Verb), ("Budget", Noun)],
    );
}

#[test]
fn numbers_and_units() {
    use Pos::*;
    check(
        "The storm dropped 45 millimetres of rain in 3 hours and cut power to 12,500 homes.",
        &[
            ("storm", Noun),
            ("dropped", Verb),
            ("45", Num),
            ("millimetres", Noun),
            ("rain", Noun),
            ("3", Num),
            ("hours", Noun),
            ("cut", Verb),
            ("12,500", Num),
            ("homes", Noun),
        ],
    );
    check(
        "Temperatures reached 41.5 degrees on Sunday, and 2,300 people were evacuated.",
        &[
            ("reached", Verb),
            ("41.5", Num),
            ("degrees", Noun),
            ("Sunday", Propn),
            ("2,300", Num),
            ("evacuated", Verb),
        ],
    );
}

#[test]
fn helpers_match_the_training_script() {
    assert_eq!(stem_key("denies"), "deny");
    assert_eq!(stem_key("planned"), "plan");
    assert_eq!(stem_key("classes"), "clas");
    assert_eq!(suffix("tarvosk", 3), "osk");
    assert_eq!(suffix("é", 3), "é");
    assert_eq!(shape("NATO"), "A");
    assert_eq!(shape("Jong-un"), "C-");
    assert_eq!(shape("12,500"), "d0");
    assert_eq!(shape("don’t"), "l'");
    assert_eq!(gap_class(" "), "_");
    assert_eq!(gap_class(", \""), ",");
    assert_eq!(gap_class(" — "), "-");
    // FNV-1a 64 of "a", low 48 bits.
    assert_eq!(key(&["a"]), 0xaf63dc4c8601ec8c & KEY_MASK);
    assert_eq!(key(&["w ", "said"]), key(&["w said"]));
}

#[test]
fn never_panics() {
    assert!(tag("", &[]).is_empty());
    assert_eq!(tag("Yes", &tokens("Yes")).len(), 1);
    for text in [
        "2024 12 31 5,000 3.14 7",
        "Президент заявил, что переговоры продолжатся.",
        "قال الوزير إن المحادثات ستستمر",
        "東京で会議が開かれた。北京 上海",
        "Ο υπουργός ΔΗΛΩΣΕ ότι 🙂 ÆØÅ ß İ ǅ",
        "a",
        "A",
        "I",
        "'",
        "x-y-z",
        "’t",
        "0",
    ] {
        assert_eq!(tag(text, &tokens(text)).len(), tokens(text).len(), "{text}");
    }
    let long = "The council said the plan would not work, and 12 people left. ".repeat(2_000);
    assert_eq!(tag(&long, &tokens(&long)).len(), tokens(&long).len());
    // Tokens that do not fit the text: ranges reversed, out of bounds, inside a character.
    let text = "é said";
    let odd = [
        Token {
            start: 5,
            end: 2,
            text: "",
        },
        Token {
            start: 1,
            end: 900,
            text: "said",
        },
        Token {
            start: 1,
            end: 2,
            text: "é",
        },
        Token {
            start: 9_000,
            end: 9_001,
            text: "Tarvosk",
        },
    ];
    assert_eq!(tag(text, &odd).len(), odd.len());
}

proptest::proptest! {
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,200}") {
        let toks = tokens(&text);
        proptest::prop_assert_eq!(tag(&text, &toks).len(), toks.len());
    }
}

/// Load time and speed, in whatever profile the tests are built with. Run by hand:
/// `cargo test --lib tagger::tests::speed -- --ignored --nocapture`.
#[test]
#[ignore = "timing; run by hand"]
fn speed() {
    use std::time::Instant;
    let started = Instant::now();
    let _ = super::super::frequency::frequencies();
    let frequencies = started.elapsed();
    let started = Instant::now();
    let parsed = Model::parse(MODEL).expect("parses");
    let parse = started.elapsed();
    drop(parsed);
    let sentences = [
        "The minister did not deny that 300 soldiers were sent to Tarvosk on Monday, a \
         spokesman said.",
        "Anna Korvel, the head of the Dravian electoral commission, told reporters that \
         the vote had been postponed.",
        "Temperatures reached 41.5 degrees on Sunday, and 2,300 people were evacuated.",
        "Rebels Say They Will Not Disarm",
    ];
    let text = sentences.join(" ").repeat(8_000);
    let all = tokens(&text);
    let _ = tag(&text, &all[..10]);
    let started = Instant::now();
    let mut tagged = 0;
    for chunk in all.chunks(20) {
        tagged += tag(&text, chunk).len();
    }
    let elapsed = started.elapsed();
    eprintln!(
        "model {} bytes; parse {parse:?} (word frequencies first: {frequencies:?}); \
         {tagged} tokens in {elapsed:?}, {:.0} ns per token",
        MODEL.len(),
        elapsed.as_nanos() as f64 / tagged as f64
    );
}
