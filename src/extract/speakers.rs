//! Quote speakers. Takes the corpus with its quotes and resolved mentions; gives each quote
//! its speaker: the person named by an attribution pattern at the quote ("…," X said; X
//! said: "…"; "…," said the city's mayor, X; "…," X snarled), else for "…, saying" the
//! subject that opens the sentence, else for "he added" the previous speaker, else (a guess,
//! never used to tell two speakers apart) the nearest person in the paragraph; then the
//! conventions of quote runs ([`super::quote_runs`]). It runs after entity resolution
//! because a speaker is an entity, and again after long quotes are read.

use super::resolve::PlacedMention;
use super::{Corpus, SpeakerBasis};
use crate::model::{Entity, EntityId, EntityKind};
use std::collections::HashSet;

/// How far before a quote the words that introduce it are read ("…, saying").
const QUOTE_LEAD_BYTES: usize = 200;

/// Finds the speaker of each quote: the person named next to a speech verb in the same
/// paragraph, outside the quote, nearest to it; or, for "she added", the previous speaker.
pub(super) fn assign_speakers(corpus: &mut Corpus, person_nouns: &HashSet<String>) {
    for document in &mut corpus.documents {
        let text = document.loaded.text.as_str();
        let mut last_speaker: Option<(EntityId, usize, (usize, usize))> = None;
        let mut last_confident = false;
        let paragraph_of: Vec<usize> = document.passages.iter().map(|p| p.paragraph).collect();
        // Mentions by paragraph.
        let mut paragraph_mentions: std::collections::BTreeMap<usize, Vec<usize>> =
            Default::default();
        for (passage_index, features) in document.features.iter().enumerate() {
            for &m in &features.mentions {
                paragraph_mentions
                    .entry(paragraph_of[passage_index])
                    .or_default()
                    .push(m);
            }
        }
        // Indexing, because each passage's quotes are updated while other fields are read.
        #[allow(clippy::needless_range_loop)]
        for passage_index in 0..document.features.len() {
            let paragraph = paragraph_of[passage_index];
            for quote_index in 0..document.features[passage_index].quotes.len() {
                let quote = &document.features[passage_index].quotes[quote_index];
                let (qs, qe) = (quote.start, quote.end);
                let candidates =
                    quote_candidates(&document.passages, &paragraph_mentions, paragraph, qs);
                let best = candidates
                    .iter()
                    .map(|&m| (&corpus.mentions[m], corpus.mention_entities[m]))
                    .filter(|(placed, _)| placed.mention.end <= qs || placed.mention.start >= qe)
                    .filter(|(placed, entity)| {
                        placed.mention.speaker_cue
                            || corpus.entities[entity.get()].kind == EntityKind::Person
                    })
                    .min_by_key(|(placed, _)| {
                        let distance = if placed.mention.end <= qs {
                            qs - placed.mention.end
                        } else {
                            placed.mention.start - qe
                        };
                        (!placed.mention.speaker_cue, distance)
                    })
                    .map(|(placed, entity)| (entity, (placed.mention.start, placed.mention.end)));
                let after = &text[qe..text.floor_char_boundary((qe + 40).min(text.len()))];
                let after = after.get(..).unwrap_or("").to_lowercase();
                let pronoun_cue = PRONOUN_CUES.iter().any(|cue| after.contains(cue));
                let patterned = attributed_speaker(
                    text,
                    (qs, qe),
                    &candidates,
                    (&corpus.mentions, &corpus.mention_entities, &corpus.entities),
                    person_nouns,
                );
                let after_lower = after.trim_start_matches(|c: char| {
                    matches!(c, ',' | '.' | '?' | '!' | '"' | '”' | '’' | '\'' | ' ')
                });
                let pronoun_next = PRONOUN_CUES.iter().any(|cue| after_lower.starts_with(cue));
                // `X accused Y of …, saying "…"`: the speaker is the clause's subject at
                // the start of the sentence, not the nearest name (often the object); with
                // a pronoun or another word there, nobody is guessed.
                // The words just before the quote (a window, not the whole text before it: a
                // text of thousands of quotes made this quadratic).
                let window = text.floor_char_boundary(qs.saturating_sub(QUOTE_LEAD_BYTES));
                let before_quote = text[window..qs]
                    .trim_end_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '"' | '“' | '\'' | '‘' | ',' | ':')
                    })
                    .to_lowercase();
                let participle_intro = PARTICIPLE_CUES
                    .iter()
                    .any(|cue| before_quote.ends_with(cue));
                let sentence_start = document.passages[passage_index].start;
                let best = if participle_intro {
                    clause_subject(
                        (&corpus.mentions, &corpus.mention_entities, &corpus.entities),
                        text,
                        &candidates,
                        sentence_start,
                    )
                } else {
                    best
                };
                let basis = if patterned.is_some() {
                    SpeakerBasis::Named
                } else if pronoun_next || pronoun_cue {
                    SpeakerBasis::Pronoun
                } else {
                    SpeakerBasis::Unknown
                };
                let (chosen, confident) = match (patterned, pronoun_next) {
                    (Some(found), _) => (Some(found), true),
                    (None, true) => match last_speaker.filter(|(_, at, _)| paragraph <= at + 1) {
                        Some((entity, _, span)) => (Some((entity, span)), last_confident),
                        None => (None, false),
                    },
                    (None, false) => (guess(best, pronoun_cue, last_speaker, paragraph), false),
                };
                document.features[passage_index].quotes[quote_index].speaker_basis = basis;
                if let Some((entity, span)) = chosen {
                    let quote = &mut document.features[passage_index].quotes[quote_index];
                    quote.speaker = Some(entity);
                    quote.speaker_span = Some(span);
                    quote.speaker_confident = confident;
                    last_speaker = Some((entity, paragraph, span));
                    last_confident = confident;
                }
            }
        }
    }
    super::quote_runs::read(corpus);
}

/// The subject that opens a sentence (a person named after at most two capitalised words),
/// for a quote introduced by "…, saying": the clause's subject speaks, not the nearest name.
fn clause_subject(
    (mentions, mention_entities, entities): (&[PlacedMention], &[EntityId], &[Entity]),
    text: &str,
    candidates: &[usize],
    sentence_start: usize,
) -> Option<(EntityId, (usize, usize))> {
    candidates
        .iter()
        .map(|&m| (&mentions[m].mention, mention_entities[m]))
        .filter(|(mention, entity)| {
            let before = text.get(sentence_start..mention.start).unwrap_or("");
            entities[entity.get()].kind == EntityKind::Person
                && mention.start >= sentence_start
                && before
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && before.split_whitespace().count() <= 2
        })
        .min_by_key(|(mention, _)| mention.start)
        .map(|(mention, entity)| (entity, (mention.start, mention.end)))
}

/// The mentions that may name a quote's speaker: those of the paragraph that holds the
/// quote, and, for a quote running over paragraphs, of the paragraph it opens in ("X said:
/// “…" ¶ "…”").
fn quote_candidates(
    passages: &[crate::model::Passage],
    paragraph_mentions: &std::collections::BTreeMap<usize, Vec<usize>>,
    paragraph: usize,
    quote_start: usize,
) -> Vec<usize> {
    let mut candidates = paragraph_mentions
        .get(&paragraph)
        .cloned()
        .unwrap_or_default();
    let opening = passages
        .partition_point(|p| p.start <= quote_start)
        .saturating_sub(1);
    if let Some(opening) = passages.get(opening).map(|p| p.paragraph)
        && opening != paragraph
        && let Some(more) = paragraph_mentions.get(&opening)
    {
        candidates.extend(more.iter().copied());
        candidates.sort_unstable();
    }
    candidates
}

/// The old rule, kept for agreements: the nearest person or cued name in the paragraph, or
/// the previous speaker after "he said".
fn guess(
    best: Option<(EntityId, (usize, usize))>,
    pronoun_cue: bool,
    last_speaker: Option<(EntityId, usize, (usize, usize))>,
    paragraph: usize,
) -> Option<(EntityId, (usize, usize))> {
    match best {
        Some(found) => Some(found),
        None if pronoun_cue => last_speaker
            .filter(|(_, at, _)| paragraph <= at + 2)
            .map(|(entity, _, span)| (entity, span)),
        None => None,
    }
}

/// Participles that open a quote after a clause whose subject speaks ("…, saying").
const PARTICIPLE_CUES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "declaring",
    "insisting",
    "writing",
    "arguing",
    "warning",
];

/// "…," he said: a pronoun and a speech verb after a quote name the previous speaker.
const PRONOUN_CUES: &[&str] = &[
    "he said",
    "she said",
    "they said",
    "he added",
    "she added",
    "he told",
    "she told",
    "he wrote",
    "she wrote",
    "he says",
    "she says",
];

/// Verbs that introduce a quote's speaker. "told" is one only before its object: in "X
/// told Y", X speaks and Y listens.
pub(crate) const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "stated",
    "declared",
    "insisted",
    "noted",
    "explained",
    "warned",
    "claimed",
    "argued",
    "tweeted",
    "replied",
    "responded",
    "continued",
    "recalled",
    "acknowledged",
    "admitted",
    "asserted",
    "remarked",
    "countered",
    "quipped",
    "posted",
];

/// The words around a quote, as the attribution patterns read them.
struct Around<'a> {
    text: &'a str,
    person_nouns: &'a HashSet<String>,
    /// The quote closes on a comma: the sentence goes on with its attribution.
    comma_closed: bool,
}

impl Around<'_> {
    /// The folded word after a byte offset, and where it ends.
    fn word_after(&self, at: usize) -> (String, usize) {
        let rest = &self.text[at..];
        let skipped = rest.len() - rest.trim_start().len();
        let word: String = rest[skipped..]
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        (crate::text::fold(&word), at + skipped + word.len())
    }

    /// Between a name and its verb: nothing, or an apposition ", R-Ariz.," / ", a
    /// spokesman,".
    fn gap_ok(gap: &str) -> bool {
        let gap = gap.trim();
        gap.is_empty()
            || (gap.starts_with(',')
                && gap.ends_with(',')
                && gap.len() <= 40
                && !gap.contains(['"', '“', '”']))
    }

    /// Only punctuation and at most three title words between two points: capitalised
    /// ("Minister", "Sen.", "Infrastructure Minister"), or a role ending in a noun for a
    /// person ("defence lawyer", "campaign manager"; WordNet's person nouns).
    fn close(&self, a: usize, b: usize) -> bool {
        if a > b || b - a > 60 {
            return false;
        }
        let gap = &self.text[a..b];
        let words: Vec<&str> = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let role = words
            .last()
            .is_some_and(|w| self.person_nouns.contains(&crate::text::fold(w)));
        words.len() <= 3
            && (words.iter().all(capitalised) || role)
            && gap.chars().filter(|c| !c.is_alphanumeric()).count() <= 8
    }

    /// A speech verb, or after a comma-closed quote any verb in the past.
    fn attribution_verb(&self, verb: &str) -> bool {
        ATTRIBUTION_VERBS.contains(&verb) || (self.comma_closed && super::terms::is_past_form(verb))
    }

    /// The word before a name, skipping the title words in front of it.
    fn verb_before(&self, start: usize) -> (String, usize) {
        let text = self.text;
        let mut at = start;
        let mut commas = 0;
        for _ in 0..6 {
            let (word, word_start) = crate::text::word_before(text, at);
            if word.is_empty() {
                // One apposition comma ("said the city's mayor, X").
                let head = text[..at].trim_end();
                if head.ends_with(',') && commas == 0 {
                    commas += 1;
                    at = head.len() - 1;
                    continue;
                }
                return (word, word_start);
            }
            let original = &text[word_start..at].trim();
            // A possessive ("Brennholt's mayor"): step over the "'s".
            if word == "s"
                && let Some(apostrophe) = text[..word_start].chars().next_back()
                && matches!(apostrophe, '\'' | '’')
            {
                at = word_start - apostrophe.len_utf8();
                continue;
            }
            // A title, a role word or a noun for a person ("said the mayor, X").
            if original.chars().next().is_some_and(char::is_uppercase)
                || ROLE_WORDS.contains(&word.as_str())
                || self.person_nouns.contains(&word)
            {
                at = word_start;
                continue;
            }
            return (word, word_start);
        }
        crate::text::word_before(text, at)
    }
}

/// The speaker named by an attribution pattern right at the quote: `"…," X said`, `"…,"
/// said X`, `X said: "…"`, `X told reporters, "…"`, `"…," according to X`. The speaker is a
/// person or organisation, never a place, never the listener of "told", and there must be
/// exactly one such name: a reporting chain with two candidates is left unattributed.
fn attributed_speaker(
    text: &str,
    (quote_start, quote_end): (usize, usize),
    candidates: &[usize],
    (mentions, mention_entities, entities): (&[PlacedMention], &[EntityId], &[Entity]),
    person_nouns: &HashSet<String>,
) -> Option<(EntityId, (usize, usize))> {
    let reader = Around {
        text,
        person_nouns,
        // "…," X snarled: after a quote that closes on a comma, a name and a verb in the
        // past are an attribution whatever the verb.
        comma_closed: text[quote_start..quote_end].trim_end().ends_with(','),
    };
    let word_after = |at: usize| reader.word_after(at);
    let word_before = |at: usize| crate::text::word_before(text, at);
    let gap_ok = Around::gap_ok;
    let close = |a: usize, b: usize| reader.close(a, b);
    let attribution_verb = |verb: &str| reader.attribution_verb(verb);
    let verb_before = |start: usize| reader.verb_before(start);
    let mut found: Vec<(EntityId, (usize, usize))> = Vec::new();
    for &m in candidates {
        let placed = &mentions[m];
        let entity = mention_entities[m];
        if matches!(entities[entity.get()].kind, EntityKind::Place) {
            continue;
        }
        let (start, end) = (placed.mention.start, placed.mention.end);
        if start < quote_end && end > quote_start {
            continue;
        }
        let span = (start, end);
        if start >= quote_end {
            // After the quote: `," X said` or `," said X` or `," according to X`.
            let (before_word, before_at) = verb_before(start);
            let verb_first = ATTRIBUTION_VERBS.contains(&before_word.as_str())
                && before_word != "told"
                && close(quote_end, before_at);
            let according = before_word == "to"
                && word_before(before_at).0 == "according"
                && close(quote_end, word_before(before_at).1);
            let name_first = close(quote_end, start) && {
                let rest = &text[end..];
                let comma_gap = if rest.trim_start().starts_with(',') {
                    rest.find(|c: char| c.is_alphabetic())
                        .and_then(|i| rest[i..].find(',').map(|j| i + j + 1))
                        .unwrap_or(0)
                } else {
                    0
                };
                let (verb, _) = word_after(end + comma_gap);
                gap_ok(&text[end..end + comma_gap]) && attribution_verb(&verb)
            };
            if verb_first || according {
                // "said Vellmar coach Ruben Castellanos": the first name is the team or
                // organisation before the person's title (whatever kind it was guessed to
                // be); the person is the speaker.
                let person = candidates
                    .iter()
                    .map(|&m| (&mentions[m].mention, mention_entities[m]))
                    .filter(|(mention, other)| {
                        entities[other.get()].kind == EntityKind::Person
                            && *other != entity
                            && (title_between(text, end, mention.start)
                                || possessive_role_between(text, end, mention.start))
                    })
                    .min_by_key(|(mention, _)| mention.start);
                found.push(person.map_or((entity, span), |(mention, other)| {
                    (other, (mention.start, mention.end))
                }));
            } else if name_first {
                found.push((entity, span));
            }
        } else {
            // Before the quote: `X said: "`, `X said, "`, `X said that "`, `X told Y: "`.
            // A nearer name between X and the quote is the speaker X reports ("X wrote that
            // Y had said …"), never X.
            let nearer = candidates.iter().any(|&other| {
                let o = &mentions[other].mention;
                o.start > end && o.end <= quote_start
            });
            if nearer {
                continue;
            }
            let rest = &text[end..quote_start];
            let (mut verb, mut verb_end) = word_after(end);
            while matches!(
                verb.as_str(),
                "had" | "has" | "have" | "was" | "is" | "also" | "then" | "later" | "once"
            ) {
                (verb, verb_end) = word_after(verb_end);
            }
            let between = &text[verb_end.min(quote_start)..quote_start];
            let verb_ok = ATTRIBUTION_VERBS.contains(&verb.as_str()) && verb_end <= quote_start;
            let short = between.trim().len() <= 30 && !between.contains('.');
            if verb_ok && short && rest.len() <= 60 {
                found.push((entity, span));
            }
        }
    }
    found.sort_by_key(|(e, _)| *e);
    found.dedup_by_key(|(e, _)| *e);
    (found.len() == 1).then(|| found[0])
}

/// Lower-case words of a role that may stand between a speech verb and the name ("said
/// *senior adviser* Piet Landau", "said *national security adviser* Ilse Varga").
const ROLE_WORDS: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "senior",
    "top",
    "chief",
    "former",
    "press",
    "political",
    "deputy",
    "economic",
    "national",
    "security",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "director",
    "coach",
    "captain",
    "manager",
    "lawyer",
    "attorney",
    "official",
    "executive",
    "minister",
    "president",
    "leader",
    "analyst",
    "strategist",
    "counsel",
    "general",
];

/// The word before `at`, skipping up to three lower-case role words ("said senior adviser
/// Piet Landau" gives "said"), and where that word starts.
pub fn word_before_role(text: &str, at: usize) -> (String, usize) {
    let mut position = at;
    for _ in 0..3 {
        let (word, start) = crate::text::word_before(text, position);
        let written = text[start..position].trim();
        let lower_case = written.chars().next().is_some_and(char::is_lowercase);
        if lower_case && ROLE_WORDS.contains(&word.as_str()) && text[start..at].len() <= 60 {
            position = start;
        } else {
            break;
        }
    }
    crate::text::word_before(text, position)
}

/// Whether `text[end..start]` is a possessive and a role before a person's name, set off
/// by a comma or not ("Tarnow*'s mayor,* Petra Holm", "the club*'s coach* Piet Landau").
fn possessive_role_between(text: &str, end: usize, start: usize) -> bool {
    if start <= end || start - end > 40 {
        return false;
    }
    let gap = &text[end..start];
    let Some(rest) = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("’s")) else {
        return false;
    };
    let rest = rest.trim_end().strip_suffix(',').unwrap_or(rest);
    let words = rest.split_whitespace().count();
    (1..=3).contains(&words) && rest.chars().all(|c| c.is_alphabetic() || c == ' ')
}

/// Whether `text[end..start]` is only a title between an organisation and a person's name
/// ("Vellmar *coach* Ruben Castellanos", "Nordvik Solar *chief executive* Aleksandr
/// Kudrin"): one to three words, no punctuation.
pub fn title_between(text: &str, end: usize, start: usize) -> bool {
    if start <= end || start - end > 40 {
        return false;
    }
    let gap = &text[end..start];
    let words = gap.split_whitespace().count();
    (1..=3).contains(&words) && gap.chars().all(|c| c.is_alphabetic() || c == ' ')
}
