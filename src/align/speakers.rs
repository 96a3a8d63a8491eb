//! Who speaks in a passage. Takes a passage with its mentions and quotes; gives the people
//! and organisations named as speaking ("Varga said", "said Varga", "according to Varga",
//! "…," she said). Two statements by different speakers are two events, even when they
//! answer each other or say much the same.

use crate::extract::Corpus;
use crate::model::{EntityId, EntityKind, PassageRef};

/// Verbs whose subject, or whose name right after ("said X"), is the one speaking: the quote
/// attribution verbs and the speech verbs that cue a speaker's name.
fn speaking(word: &str) -> bool {
    crate::extract::ATTRIBUTION_VERBS.contains(&word)
        || crate::extract::entities::is_speech_verb(word)
}

/// Who speaks in a passage: the people and organisations named as the subject of a speech
/// verb ("Varga said", "Varga, a senator, said", "said Varga", "according to Varga")
/// and the confident speakers of its quotes. Never the listener of "told".
pub(super) fn passage_speakers(corpus: &Corpus, node: PassageRef) -> Vec<EntityId> {
    let features = &corpus.documents[node.document.get()].features[node.passage.get()];
    let mut out: Vec<EntityId> = features
        .quotes
        .iter()
        .filter(|q| q.speaker_confident)
        .filter_map(|q| q.speaker)
        .collect();
    for &m in &features.mentions {
        out.extend(speaker_named_at(corpus, node, m));
    }
    // "she wrote on Twitter", "…," he said: the speaker is the person last named before
    // the pronoun, in this sentence or the two before it.
    if out.is_empty() {
        out.extend(speaker_of_pronoun(corpus, node));
    }
    out.sort();
    out.dedup();
    out
}

/// The speaker that mention `m` of a passage names, when the person or organisation it
/// names is the subject of a speech verb or named right after one.
fn speaker_named_at(corpus: &Corpus, node: PassageRef, m: usize) -> Option<EntityId> {
    let document = &corpus.documents[node.document.get()];
    let features = &document.features[node.passage.get()];
    let text = document.loaded.text.as_str();
    let entity = corpus.mention_entities[m];
    if !matches!(
        corpus.entities[entity.get()].kind,
        EntityKind::Person | EntityKind::Organisation
    ) {
        return None;
    }
    let mention = &corpus.mentions[m].mention;
    let rest = past_appositions(&text[mention.end.min(text.len())..]);
    let after = verb_after(rest);
    let (before, word_start) = crate::extract::word_before_role(text, mention.start);
    let ahead = text[..word_start].trim_end();
    let according = before == "to" && ahead.to_lowercase().ends_with("according");
    // "said X" names the speaker only after a quote or a clause (`…," said X`); in "Trump
    // said the FBI ruined…" the FBI is what is spoken about.
    let inverted = ahead.ends_with([',', '”', '"', '’', '\'']);
    let named_after_verb =
        (speaking(&before) && !matches!(before.as_str(), "told" | "tells") && inverted)
            || according;
    if !(speaking(&after) || named_after_verb) {
        return None;
    }
    // "said Vellmar coach Ruben Castellanos": the person, not the team before the
    // title.
    let person = features
        .mentions
        .iter()
        .filter(|_| named_after_verb)
        .filter(|&&other| {
            corpus.mention_entities[other] != entity
                && corpus.entities[corpus.mention_entities[other].get()].kind == EntityKind::Person
                && crate::extract::title_between(
                    text,
                    mention.end,
                    corpus.mentions[other].mention.start,
                )
        })
        .map(|&other| corpus.mention_entities[other])
        .next();
    Some(person.unwrap_or(entity))
}

/// The text after a name, past up to three appositions: "Varga, D-Ore., the senior member
/// of the panel, said", "Landau (D-Ore.) said".
fn past_appositions(mut rest: &str) -> &str {
    for _ in 0..3 {
        let trimmed = rest.trim_start();
        let close = match trimmed.chars().next() {
            Some('(') => trimmed.find(')'),
            Some(',') => trimmed[1..].find(',').map(|i| i + 1),
            _ => break,
        };
        match close {
            Some(close) if close <= 60 => rest = &trimmed[close + 1..],
            _ => break,
        }
    }
    rest
}

/// The first word of a text, folded: the verb after a name, or past one adverb when a
/// speech verb follows it ("Varga sternly told").
fn verb_after(rest: &str) -> String {
    let mut after = first_word(rest);
    let trimmed = rest.trim_start();
    let end = trimmed
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(trimmed.len(), |(i, _)| i);
    if adverb(&trimmed[..end]) {
        let next = first_word(&trimmed[end..]);
        if speaking(&next) {
            after = next;
        }
    }
    after
}

/// The first word of a text, folded.
fn first_word(rest: &str) -> String {
    let rest = rest.trim_start();
    crate::text::fold(
        &rest
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>(),
    )
}

/// The person last named before a "he" or "she" who speaks in a passage, in this sentence
/// or the two before it.
fn speaker_of_pronoun(corpus: &Corpus, node: PassageRef) -> Option<EntityId> {
    let document = &corpus.documents[node.document.get()];
    let passage = &document.passages[node.passage.get()];
    let at = pronoun_speaker(&document.loaded.text, passage.start..passage.end)?;
    let first = node.passage.get().saturating_sub(2);
    let named = (first..=node.passage.get())
        .flat_map(|p| document.features[p].mentions.iter().copied())
        .filter(|&m| {
            corpus.mentions[m].mention.end <= at
                && corpus.entities[corpus.mention_entities[m].get()].kind == EntityKind::Person
        })
        .max_by_key(|&m| corpus.mentions[m].mention.end)?;
    Some(corpus.mention_entities[named])
}

/// Whether a word as written is an adverb that may stand between a speaker and the verb
/// ("also", "later"; "sternly", "flatly": lower case, ending in "-ly", and not one of the
/// nouns that end so, as in "the Varga family said").
fn adverb(written: &str) -> bool {
    matches!(
        written,
        "also" | "later" | "then" | "again" | "earlier" | "once"
    ) || written.chars().count() > 4
        && written.starts_with(char::is_lowercase)
        && written.ends_with("ly")
        && !matches!(
            written,
            "family" | "assembly" | "ally" | "rally" | "supply" | "bully" | "monopoly" | "anomaly"
        )
}

/// The byte offset of "he" or "she" as the subject of a speech verb in a passage ("she
/// wrote", "he told reporters", "…," she said).
fn pronoun_speaker(text: &str, range: std::ops::Range<usize>) -> Option<usize> {
    let tokens = crate::text::tokens(&text[range.clone()]);
    let folded: Vec<String> = tokens.iter().map(|t| crate::text::fold(t.text)).collect();
    (0..folded.len()).find_map(|i| {
        if !matches!(folded[i].as_str(), "he" | "she") {
            return None;
        }
        // "she said", or with one adverb between: "she sternly told".
        let verb = match tokens.get(i + 1) {
            Some(t) if adverb(t.text) => folded.get(i + 2),
            _ => folded.get(i + 1),
        };
        verb.is_some_and(|w| speaking(w))
            .then_some(range.start + tokens[i].start)
    })
}

#[cfg(test)]
mod tests {
    use super::{adverb, pronoun_speaker};

    #[test]
    fn an_adverb_of_manner_is_not_a_noun_in_ly() {
        assert!(adverb("sternly") && adverb("flatly") && adverb("also"));
        assert!(!adverb("family") && !adverb("assembly") && !adverb("Kelly") && !adverb("only"));
    }

    #[test]
    fn a_pronoun_speaker_may_have_an_adverb_before_the_verb() {
        let text = "Varga left, and she sternly told them to wait.";
        assert_eq!(pronoun_speaker(text, 0..text.len()), Some(16));
        let text = "Varga left, and she family told them to wait.";
        assert_eq!(pronoun_speaker(text, 0..text.len()), None);
    }
}
