//! Named-entity mentions: capitalised spans, with titles split off and a guess of the kind.
//!
//! There is no trained tagger (nothing may be downloaded), so the rules are lexical:
//! a run of capitalised words (with connectors such as "of", "al", "de" inside) is a name;
//! a capitalised word that opens a sentence counts only when the corpus never writes it in
//! lower case; leading titles ("Colonel", "Foreign Minister") are kept apart as evidence.
//! The kind is voted from titles, keywords ("Group", "River") and the words around the name.

use crate::lexicon::Lexicon;
use crate::model::EntityKind;
use crate::text::{Token, fold};
use std::collections::HashSet;

/// One mention of a name in a passage, before resolution across documents.
#[derive(Debug, Clone, PartialEq)]
pub struct RawMention {
    /// Absolute byte range of the name (titles excluded).
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Folded words of the name, possessives removed.
    pub words: Vec<String>,
    /// Canonical title words that stood before the name.
    pub titles: Vec<String>,
    pub kind: EntityKind,
    /// Whether a speech verb ("said", "told") stands right next to the name.
    pub speaker_cue: bool,
}

const CONNECTORS: &[&str] = &[
    "of", "de", "del", "della", "da", "do", "dos", "das", "al", "el", "bin", "ibn", "van", "von",
    "der", "den", "la", "le", "du", "des", "y", "and", "for", "on", "the",
];

const ORG_WORDS: &[&str] = &[
    "group",
    "partnership",
    "alliance",
    "coalition",
    "treaty",
    "pact",
    "company",
    "corporation",
    "corp",
    "ministry",
    "party",
    "army",
    "forces",
    "agency",
    "bank",
    "university",
    "council",
    "court",
    "authority",
    "front",
    "union",
    "association",
    "committee",
    "commission",
    "institute",
    "centre",
    "center",
    "organisation",
    "organization",
    "office",
    "department",
    "service",
    "news",
    "times",
    "herald",
    "post",
    "radio",
    "television",
    "tv",
    "inc",
    "ltd",
    "fc",
    "united",
    "club",
    "federation",
    "league",
    "assembly",
    "parliament",
    "senate",
    "government",
    "operation",
    "force",
    "alliance",
    "movement",
    "network",
    "foundation",
    "fund",
    "board",
    "police",
    "guard",
    "brigade",
    "battalion",
    "republic",
    "werke",
    "holdings",
    "industries",
    "airlines",
    "press",
    "daily",
    "gazette",
    "courier",
    "tribune",
    "journal",
    "project",
    "school",
    "hospital",
    "athletic",
    "city",
    "rovers",
    "wanderers",
    "sporting",
];

const PLACE_WORDS: &[&str] = &[
    "river",
    "valley",
    "province",
    "region",
    "district",
    "county",
    "lake",
    "mountains",
    "mount",
    "sea",
    "ocean",
    "street",
    "square",
    "bridge",
    "dam",
    "island",
    "islands",
    "bay",
    "coast",
    "desert",
    "plain",
    "plains",
    "basin",
    "gulf",
    "peninsula",
    "state",
    "town",
    "village",
    "airport",
    "port",
    "harbour",
    "harbor",
    "stadium",
    "park",
    "road",
    "avenue",
    "levee",
];

const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "from", "to", "towards", "toward", "across", "outside", "inside", "into",
    "around", "via", "through",
];

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "declared",
    "insisted",
    "noted",
    "explained",
    "warned",
    "claimed",
    "argued",
    "announced",
    "tweeted",
    "wrote",
    "replied",
    "according",
    "stressed",
    "asked",
    "admitted",
    "confirmed",
    "denied",
];

/// Words that are capitalised at a sentence start but are not names even when the corpus
/// never happens to write them in lower case.
const NEVER_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "however",
    "meanwhile",
    "moreover",
    "indeed",
    "then",
    "still",
    "also",
    "after",
    "before",
    "while",
    "when",
    "where",
    "although",
    "though",
    "if",
    "since",
    "as",
    "on",
    "in",
    "at",
    "for",
    "with",
    "by",
    "from",
    "of",
    "to",
    "last",
    "next",
    "today",
    "yesterday",
    "tomorrow",
    "there",
    "here",
    "both",
    "all",
    "some",
    "many",
    "most",
    "few",
    "several",
    "each",
    "every",
    "no",
    "not",
    "our",
    "their",
    "his",
    "her",
    "its",
    "my",
    "your",
    "what",
    "who",
    "why",
    "how",
    "which",
    "officially",
    "finally",
    "ultimately",
    "accordingly",
    "instead",
    "thus",
    "besides",
    "despite",
    "during",
    "among",
    "until",
    "once",
    "now",
    "again",
    "only",
    "even",
    "just",
    "let",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "mr",
    "mrs",
    "ms",
    "dr",
    "objective",
    "follows",
    "credit",
];

pub fn is_speech_verb(folded: &str) -> bool {
    SPEECH_VERBS.contains(&folded)
}

/// Whether a name before a comma and a speech verb ends a parenthetical whose subject is
/// someone else: in "O'Rourke, asked about Trump, said", Trump does not speak. A name that
/// is the whole comma-opened phrase is an apposition and does ("the spokesman, Kai Lund,
/// said").
fn closes_parenthetical(text: &str, start: usize, verb_start: Option<usize>) -> bool {
    let Some(verb_start) = verb_start.filter(|&v| v >= start) else {
        return false;
    };
    if !text[start..verb_start].contains(',') {
        return false;
    }
    // The words of the phrase before the name, back to a comma or the sentence's start. A
    // word ending in a full stop ends a sentence unless it is capitalised and short, as
    // titles are ("Mr.", "Sen.").
    for word in text[..start].split_whitespace().rev().take(40) {
        let title = word.ends_with('.')
            && word.len() <= 5
            && word.chars().next().is_some_and(char::is_uppercase);
        if word.ends_with([',', ';', ':', '(', '"', '“', '—', '!', '?'])
            || (word.ends_with('.') && !title)
        {
            return false;
        }
        if word.chars().next().is_some_and(char::is_lowercase) {
            return true;
        }
    }
    false
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

fn is_name_word(token: &Token<'_>) -> bool {
    token.is_capitalised() && token.is_word()
}

/// Finds the name mentions in one passage. `tokens` are the passage's tokens (absolute
/// offsets into `text`); `lowercase_vocabulary` holds every folded word the corpus writes
/// in lower case somewhere.
/// Title words that, in lower case, are mostly adjectives or other nouns ("a major donor",
/// "foreign policy", "the chief reason"): only a capitalised one is a title.
const CAPITALISED_TITLES_ONLY: &[&str] = &[
    "foreign", "prime", "defence", "defense", "interior", "finance", "justice", "vice", "major",
    "general", "deputy", "chief", "miss", "chair", "lord", "father", "speaker", "leader", "agent",
    "premier",
];

/// A role in lower case just before a name, or before it and a comma: "said coach Ruben
/// Castellanos", "the winning coach, Castellanos". It tells that the name is a person's, as
/// a capitalised title does.
fn role_before(
    text: &str,
    tokens: &[crate::text::Token<'_>],
    first: usize,
    lexicon: &crate::lexicon::Lexicon,
) -> Option<String> {
    let previous = tokens.get(first.checked_sub(1)?)?;
    if previous.is_capitalised() {
        return None;
    }
    let word = fold(previous.text);
    if CAPITALISED_TITLES_ONLY.contains(&word.as_str()) {
        return None;
    }
    let canonical = lexicon.titles.get(&word)?;
    let gap = text[previous.end..tokens[first].start].trim();
    (gap.is_empty() || gap == ",").then(|| canonical.clone())
}

pub fn find_mentions(
    text: &str,
    tokens: &[Token<'_>],
    lexicon: &Lexicon,
    lowercase_vocabulary: &HashSet<String>,
) -> Vec<RawMention> {
    let mut mentions = Vec::new();
    let mut i = 0;
    let gap = |a: usize| -> &str {
        if a + 1 < tokens.len() {
            &text[tokens[a].end..tokens[a + 1].start]
        } else {
            ""
        }
    };
    while i < tokens.len() {
        if !is_name_word(&tokens[i]) {
            i += 1;
            continue;
        }
        // Extend the run of capitalised words.
        let mut j = i + 1;
        let mut last_name_word = i;
        while j < tokens.len() {
            let sep = gap(j - 1);
            let plain_space = sep == " " || sep == "\u{a0}";
            let title_dot = sep == ". "
                && lexicon.titles.contains_key(&fold(tokens[j - 1].text))
                && tokens[j - 1].text.len() <= 4;
            if !(plain_space || title_dot) {
                break;
            }
            if is_name_word(&tokens[j]) {
                last_name_word = j;
                j += 1;
            } else if CONNECTORS.contains(&tokens[j].text)
                && j + 1 < tokens.len()
                && is_name_word(&tokens[j + 1])
                && (gap(j) == " ")
                && tokens[j].text != "and"
                && tokens[j].text != "the"
                // "Jackson on Friday", "Obama on June 3": a date, not a longer name.
                && crate::calendar::month_number(tokens[j + 1].text).is_none()
                && crate::calendar::weekday_number(tokens[j + 1].text).is_none()
            {
                j += 1;
            } else {
                break;
            }
        }
        let run: Vec<usize> = (i..=last_name_word).collect();
        i = last_name_word + 1;

        // Split titles off the front (and the nationality words before them).
        let mut first = 0;
        let mut titles = Vec::new();
        for (position, &t) in run.iter().enumerate() {
            let folded = fold(strip_possessive(tokens[t].text));
            if let Some(canonical) = lexicon.titles.get(&folded) {
                titles.push(canonical.clone());
                first = position + 1;
            }
        }
        let mut name_tokens: Vec<usize> = run[first..].to_vec();
        if titles.is_empty()
            && let Some(role) = role_before(text, tokens, run[0], lexicon)
        {
            titles.push(role);
        }
        // Drop sentence-initial common words ("The", "However", "Last").
        while let Some(&t) = name_tokens.first() {
            let folded = fold(strip_possessive(tokens[t].text));
            let at_sentence_start = t == 0
                || text[..tokens[t].start]
                    .trim_end()
                    .ends_with(['.', '!', '?', ':', '"', '“', '”', '—', '–', '-', '(', '«']);
            let common = NEVER_NAMES.contains(&folded.as_str())
                || lexicon.is_stopword(&folded)
                || (at_sentence_start && lowercase_vocabulary.contains(&folded));
            if common {
                name_tokens.remove(0);
            } else {
                break;
            }
        }
        // Trailing connectors are not part of a name.
        while let Some(&t) = name_tokens.last() {
            if CONNECTORS.contains(&tokens[t].text) {
                name_tokens.pop();
            } else {
                break;
            }
        }
        if name_tokens.is_empty() {
            continue;
        }
        // A single word that is also ordinary lower-case vocabulary anywhere ("Government",
        // "Army") is a common noun in title case, not a name.
        if name_tokens.len() == 1 {
            let folded = fold(strip_possessive(tokens[name_tokens[0]].text));
            if lowercase_vocabulary.contains(&folded) || folded.chars().count() < 2 {
                continue;
            }
        }
        let first_token = tokens[name_tokens[0]];
        let last_token = tokens[*name_tokens.last().unwrap_or(&name_tokens[0])];
        let last_text = strip_possessive(last_token.text);
        let start = first_token.start;
        let end = last_token.start + last_text.len();
        // "Kim Jong-un" and "Kim Jong Un" are one name: hyphens separate name parts.
        let words: Vec<String> = name_tokens
            .iter()
            .flat_map(|&t| {
                fold(strip_possessive(tokens[t].text))
                    .split('-')
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();

        let before = name_tokens[0]
            .checked_sub(1 + titles.len().min(1))
            .map(|p| fold(tokens[p].text));
        let before_name = name_tokens[0].checked_sub(1).map(|p| fold(tokens[p].text));
        let after_index = name_tokens.last().map_or(0, |&t| t + 1);
        let after = tokens.get(after_index).map(|t| fold(t.text));
        let verb_after = after.as_deref().is_some_and(is_speech_verb)
            && !closes_parenthetical(text, start, tokens.get(after_index).map(|t| t.start));
        let speaker_cue = verb_after || before_name.as_deref().is_some_and(is_speech_verb);
        let kind = guess_kind(
            &words,
            &titles,
            before.as_deref(),
            after.as_deref(),
            speaker_cue,
        );
        mentions.push(RawMention {
            start,
            end,
            text: text[start..end].to_string(),
            words,
            titles,
            kind,
            speaker_cue,
        });
    }
    mentions
}

fn guess_kind(
    words: &[String],
    titles: &[String],
    before: Option<&str>,
    after: Option<&str>,
    speaker_cue: bool,
) -> EntityKind {
    let is_acronym = words.len() == 1 && words[0].len() <= 6;
    if words.iter().any(|w| ORG_WORDS.contains(&w.as_str()))
        || after.is_some_and(|a| matches!(a, "group" | "company" | "party" | "movement" | "front"))
        || before.is_some_and(|b| matches!(b, "group" | "company" | "party" | "movement"))
    {
        return EntityKind::Organisation;
    }
    if words.iter().any(|w| PLACE_WORDS.contains(&w.as_str())) {
        return EntityKind::Place;
    }
    if !titles.is_empty() || speaker_cue {
        return EntityKind::Person;
    }
    if before.is_some_and(|b| PLACE_PREPOSITIONS.contains(&b)) && words.len() <= 2 {
        return EntityKind::Place;
    }
    if (2..=3).contains(&words.len()) && !is_acronym {
        return EntityKind::Person;
    }
    EntityKind::Other
}

#[cfg(test)]
mod tests;
