use super::changed_runs;

fn stopword(word: &str) -> bool {
    [
        "the", "a", "we", "it", "and", "of", "he", "i", "said", "say", "will", "up", "that", "not",
    ]
    .contains(&word)
}

#[test]
fn changed_words_inside_the_shared_stretch_are_found() {
    let changes = changed_runs(
        "We will rebuild every bridge before the winter comes",
        "We will repair every bridge before the winter comes",
        &stopword,
    );
    assert_eq!(changes, [("rebuild".to_string(), "repair".to_string())]);
}

#[test]
fn a_word_swapped_at_either_end_is_a_change() {
    let changes = changed_runs(
        "We do not want him here. We refuse his visit",
        "For the whole nation, we do not want him here. We refuse his message",
        &stopword,
    );
    assert_eq!(changes, [("visit".to_string(), "message".to_string())]);
    let changes = changed_runs(
        "Surely we will rebuild every bridge before winter",
        "Perhaps we will rebuild every bridge before winter",
        &stopword,
    );
    assert_eq!(changes, [("surely".to_string(), "perhaps".to_string())]);
}

#[test]
fn a_negation_added_or_dropped_is_a_change() {
    let changes = changed_runs(
        "we sold land that should have been kept for the harbour school",
        "sold land that shouldn't have been kept",
        &stopword,
    );
    assert_eq!(changes, [(String::new(), "not".to_string())]);
    // A repeated phrase ("it is not about …", "it is about …") aligned across its
    // copies leaves a lone "not" that no change stands for.
    assert!(
        changed_runs(
            "it is not about the harbour. It is not about the school. It is about some \
             empty promise, some empty plan",
            "It is about some empty promise, some empty plan",
            &stopword,
        )
        .is_empty()
    );
    // Spelled the other way round, it is the same words.
    assert!(
        changed_runs(
            "we will not sell the land of the harbour school",
            "we won't sell the land of the harbour school",
            &stopword,
        )
        .is_empty()
    );
}

#[test]
fn an_excerpt_opened_earlier_is_still_one_quote() {
    // The shorter version opens two words before the stretch both give; inside it, the
    // longer adds a short aside.
    let changes = changed_runs(
        "at most tried to sell the harbour to the foreign company to pay our debts",
        "he, in my view, tried to sell the harbour, quite openly, to the foreign company \
         to pay our debts",
        &stopword,
    );
    assert_eq!(changes, [(String::new(), "quite openly".to_string())]);
}

#[test]
fn an_excerpt_opened_earlier_with_a_word_changed_is_found() {
    // Three words before the stretch both give, a function word dropped inside it, and
    // the longer going on past an ellipsis: still one quote, with one word changed.
    let changes = changed_runs(
        "And I think we need to use whatever legal tools are needed to obtain the records \
         that she keeps",
        "We need to use whatever legal means needed to obtain the records she keeps … the \
         right to refuse them is narrow",
        &stopword,
    );
    assert_eq!(changes, [("tools are".to_string(), "means".to_string())]);
}

#[test]
fn sentences_only_one_source_quotes_are_outside_the_comparison() {
    // Two whole sentences before the part both give, and a pronoun changed in it.
    let changes = changed_runs(
        "I am sorry for the captain. I am truly sorry. The mayor broke every rule in the \
         book. Nothing happened to her. The captain broke one and they ended his career.",
        "The mayor broke every rule in the book, and nothing happened to her. The captain \
         broke one, and it ended his career, and that is unfair",
        &stopword,
    );
    assert_eq!(changes, [("they".to_string(), "it".to_string())]);
    // Words before the other opens that are not whole sentences still count.
    assert!(
        changed_runs(
            "That is a choice every member of the board will make about the harbour plan",
            "The harbour plan is not final, but in my view every member will agree",
            &stopword,
        )
        .is_empty()
    );
}

#[test]
fn an_opening_adapted_to_the_outlets_sentence_is_not_a_change() {
    let changes = changed_runs(
        "Whoever knowingly sells a forged permit to any person shall be fined",
        "who knowingly sells a forged permit to any person shall be fined",
        &stopword,
    );
    assert!(changes.is_empty(), "{changes:?}");
    // Both capitalised: a real swap.
    let changes = changed_runs(
        "Surely we will rebuild every bridge before winter",
        "Perhaps we will rebuild every bridge before winter",
        &stopword,
    );
    assert_eq!(changes.len(), 1);
}

#[test]
fn excerpts_ellipses_and_contractions_are_not_changes() {
    let none = |a: &str, b: &str| changed_runs(a, b, &stopword).is_empty();
    // One source quotes more of the statement.
    assert!(none(
        "every bridge before the winter",
        "We will rebuild every bridge before the winter comes"
    ));
    // An ellipsis stands for the words the other source gives.
    assert!(none(
        "We will … rebuild every bridge",
        "We will quickly rebuild every bridge"
    ));
    // A contraction is the same words.
    assert!(none(
        "We won't give up the harbour",
        "We will not give up the harbour"
    ));
    assert!(none(
        "They're ready for the vote",
        "They are ready for the vote"
    ));
    // Hyphens, a name spelled another way, a word moved, a function word alone.
    assert!(none(
        "a state-funded plan for all",
        "a state funded plan for all"
    ));
    assert!(none(
        "we met Moammar Gadhafi in May",
        "we met Muammar Qaddafi in May"
    ));
    assert!(none(
        "Gadhafi has to go. Gadhafi has no future here",
        "Qaddafi has to go. Qaddafi has no future here"
    ));
    assert!(none(
        "nobody either knows the plan today",
        "nobody knows the plan either today"
    ));
    assert!(none(
        "we rebuild the bridges this year",
        "we rebuild bridges this year"
    ));
    // Words in brackets are the editor's.
    assert!(none(
        "the Libyan (strongman Moammar) Gadhafi has to go",
        "the Libyan (strongman Muammar) al-Qaddafi has to go"
    ));
    // Different sentences of one statement are not one quote reworded.
    assert!(none(
        "We needed to get the economic message out to the voters",
        "I think we got the message out in the end"
    ));
    // A sentence left out without an ellipsis is an excerpt, not a change.
    assert!(none(
        "We won. We are very happy with the result today.",
        "We won today."
    ));
    // The same words written another way.
    assert!(none(
        "we train the workforce of the harbour every year",
        "we train the work force of the harbour every year"
    ));
    assert!(none(
        "the I.R.S. asked for the papers of the harbour",
        "the IRS asked for the papers of the harbour"
    ));
    assert!(none(
        "Sen. Varga asked for the papers of the harbour",
        "Senator Varga asked for the papers of the harbour"
    ));
    assert!(none(
        "that motherf---er took the papers of the harbour",
        "that motherfucker took the papers of the harbour"
    ));
    assert!(none(
        "we are gonna open the papers of the harbour",
        "we are going to open the papers of the harbour"
    ));
    assert!(none(
        "he looks forward to seeing the papers of the harbour",
        "I look forward to seeing the papers of the harbour"
    ));
    assert!(none(
        "we said we will open the papers of the harbour",
        "we say we will open the papers of the harbour"
    ));
    assert!(none(
        "we will open the papers of the harbour today",
        "we will open up papers of the harbour today"
    ));
    assert!(none(
        "it is not about you, it is about the papers of the harbour",
        "it is not about you, oh, it is about the papers of the harbour"
    ));
    // Excerpts cut at different places: one side's longer tail is not a swapped word.
    assert!(none(
        "We will rebuild every bridge before the winter",
        "We will rebuild every bridge before the winter comes to the valley"
    ));
    // Two sentences that share a stretch of words but little else are not one quote.
    assert!(none(
        "the people deserve to know the whole truth about the harbour deal and its cost",
        "the people deserve to know when the vote happens"
    ));
}
