//! Quote runs: who speaks a quote that names no speaker beside it, by the conventions of
//! news writing, and which quotes their source leaves truly unnamed.
//!
//! [`super::speakers`] reads a speaker at the quote ("…," X said). Many quotes have none of
//! their own: a paragraph that carries on the quote of the paragraph before (a quote running
//! over paragraphs leaves each paragraph but the last unclosed, and each continued paragraph
//! opens with a quotation mark), or a quote that opens the sentence right after an
//! attributed one ("…," X said. "…"). By convention both are the same speaker's. This step
//! gives such a quote the speaker of the quote just before it in the run, when nothing in
//! between names anyone else: a sure speaker stays sure ([`SpeakerBasis::Carried`]), a
//! guessed one stays a guess.
//!
//! It also marks the quotes whose source names nobody, for the finding that one source
//! attributes a quote and another does not: a quote with no speech cue and no name in its
//! own sentence, none in the sentence before and no quote just before it
//! ([`SpeakerBasis::Unnamed`]); or a quote given to a nameless source, "a statement said",
//! "said an aide" ([`SpeakerBasis::Nameless`]). A pronoun ("he said") whose antecedent was
//! not read is neither: it names someone we could not read, and nothing is concluded.

use super::{Corpus, CorpusDocument, QuoteFeature};
use crate::model::{EntityId, EntityKind};

/// How a quote's speaker was read.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum SpeakerBasis {
    /// Nothing read about the speaker, or the nearest name taken as a guess.
    #[default]
    Unknown,
    /// Named by an attribution pattern at the quote ("…," X said; X said: "…").
    Named,
    /// A pronoun and a speech verb at the quote ("…," she said), resolved or not.
    Pronoun,
    /// Taken from the quote just before it in the same run (a continued paragraph, or a
    /// quote opening the sentence after an attributed one); `sure` when that quote's
    /// speaker was named or carried from a named one.
    Carried { sure: bool },
    /// No name and no speech cue in the quote's sentence or the one before it, and no
    /// quote just before it: the source names nobody.
    Unnamed,
    /// Given to a nameless source, in its words ("a statement", "an aide").
    Nameless(String),
}

impl QuoteFeature {
    /// Whether the speaker is read without guessing: named at the quote, by a pronoun
    /// after a named speaker, or carried from a sure speaker in the same run.
    pub fn speaker_sure(&self) -> bool {
        self.speaker.is_some()
            && (self.speaker_confident
                || self.speaker_basis == SpeakerBasis::Carried { sure: true })
    }

    /// Whether the source names no speaker for this quote at all.
    pub fn unnamed(&self) -> bool {
        self.speaker.is_none()
            && matches!(
                self.speaker_basis,
                SpeakerBasis::Unnamed | SpeakerBasis::Nameless(_)
            )
    }
}

/// Words that cue speech or a written statement; a sentence with one names a speaker,
/// or speaks of one, even when the name was not read.
fn speech_word(word: &str) -> bool {
    super::speakers::ATTRIBUTION_VERBS.contains(&word)
        || super::entities::is_speech_verb(word)
        || matches!(
            word,
            "according" | "statement" | "interview" | "asked" | "read" | "reads" | "quoted"
        )
}

/// Words a quoted phrase may have and be a scare quote or a title rather than speech.
const SCARE_QUOTE_WORDS: usize = 3;

/// What the reading of one quote concludes.
enum Reading {
    Carry(EntityId, Option<(usize, usize)>, bool),
    Guess(EntityId, Option<(usize, usize)>),
    Unnamed,
    Nameless(String),
    Nothing,
}

/// Reads runs and unnamed quotes in every document (after [`super::speakers`]).
pub(super) fn read(corpus: &mut Corpus) {
    for d in 0..corpus.documents.len() {
        let order = in_order(&corpus.documents[d]);
        for k in 0..order.len() {
            let (p, q) = order[k];
            let quote = &corpus.documents[d].features[p].quotes[q];
            if matches!(
                quote.speaker_basis,
                SpeakerBasis::Named | SpeakerBasis::Pronoun
            ) {
                continue;
            }
            // The quote before it, a short phrase in quotation marks (a scare quote, a
            // title) left aside: it is no one's run.
            let doc = Doc {
                corpus,
                document: &corpus.documents[d],
            };
            let previous = order[..k]
                .iter()
                .rev()
                .map(|&(pp, pq)| (pp, &corpus.documents[d].features[pp].quotes[pq]))
                .find(|(_, prev)| prev.words.len() > SCARE_QUOTE_WORDS || doc.opens_sentence(prev));
            let reading = doc.read_quote(p, quote, previous);
            let quote = &mut corpus.documents[d].features[p].quotes[q];
            match reading {
                Reading::Carry(entity, span, sure) => {
                    quote.speaker = Some(entity);
                    quote.speaker_span = span;
                    quote.speaker_basis = SpeakerBasis::Carried { sure };
                }
                Reading::Guess(entity, span) => {
                    quote.speaker = Some(entity);
                    quote.speaker_span = span;
                    quote.speaker_basis = SpeakerBasis::Unknown;
                }
                Reading::Unnamed if quote.speaker.is_none() => {
                    quote.speaker_basis = SpeakerBasis::Unnamed;
                }
                Reading::Nameless(words) => {
                    quote.speaker = None;
                    quote.speaker_span = None;
                    quote.speaker_basis = SpeakerBasis::Nameless(words);
                }
                Reading::Unnamed | Reading::Nothing => {}
            }
        }
    }
}

/// A document's quotes as (passage, index in the passage), in the order of the text.
fn in_order(document: &CorpusDocument) -> Vec<(usize, usize)> {
    let mut order: Vec<(usize, usize, usize)> = Vec::new();
    for (p, features) in document.features.iter().enumerate() {
        for (q, quote) in features.quotes.iter().enumerate() {
            order.push((quote.start, p, q));
        }
    }
    order.sort_unstable();
    order.into_iter().map(|(_, p, q)| (p, q)).collect()
}

/// One document, read with the corpus's mentions.
struct Doc<'a> {
    corpus: &'a Corpus,
    document: &'a CorpusDocument,
}

impl Doc<'_> {
    fn text(&self) -> &str {
        self.document.loaded.text.as_str()
    }

    /// The passage (sentence) a byte offset lies in.
    fn passage_at(&self, at: usize) -> usize {
        let passages = &self.document.passages;
        passages
            .partition_point(|p| p.start <= at)
            .saturating_sub(1)
            .min(passages.len().saturating_sub(1))
    }

    fn paragraph(&self, passage: usize) -> usize {
        self.document.passages[passage].paragraph
    }

    /// Whether a quote opening in passage `first` follows right on the sentence where the
    /// quote before it ends (`previous`): the same sentence, or the next one, with nothing
    /// between but the rest of that sentence's paragraph (an attribution the sentence
    /// splitter may have cut at "Mr.").
    fn adjacent(&self, previous: usize, first: usize) -> bool {
        let paragraph = self.paragraph(previous);
        previous <= first
            && self.paragraph(first) <= paragraph + 1
            && (previous + 1..first).all(|p| self.paragraph(p) == paragraph)
    }

    /// The person and organisation mentions inside a byte range, with their entities.
    fn names_in(&self, first: usize, last: usize, range: (usize, usize)) -> Vec<(usize, EntityId)> {
        (first..=last)
            .flat_map(|p| self.document.features[p].mentions.iter().copied())
            .filter(|&m| {
                let mention = &self.corpus.mentions[m].mention;
                mention.start >= range.0 && mention.end <= range.1
            })
            .map(|m| (m, self.corpus.mention_entities[m]))
            .filter(|(_, e)| {
                matches!(
                    self.corpus.entities[e.get()].kind,
                    EntityKind::Person | EntityKind::Organisation
                )
            })
            .collect()
    }

    /// Whether a stretch of text has a word of speech in it.
    fn has_speech_word(&self, range: (usize, usize)) -> bool {
        crate::text::tokens(&self.text()[range.0..range.1])
            .iter()
            .any(|t| speech_word(&crate::text::fold(t.text)))
    }

    /// The byte range of the quote with its marks, as far as they are there.
    fn marked(&self, quote: &QuoteFeature) -> (usize, usize) {
        let text = self.text();
        let start = text[..quote.start]
            .chars()
            .next_back()
            .filter(|c| matches!(c, '“' | '"' | '«' | '„'))
            .map_or(quote.start, |c| quote.start - c.len_utf8());
        let end = text[quote.end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '”' | '"' | '»' | '“'))
            .map_or(quote.end, |c| quote.end + c.len_utf8());
        (start, end)
    }

    /// Whether a quote's opening mark opens its sentence.
    fn opens_sentence(&self, quote: &QuoteFeature) -> bool {
        let marked_start = self.marked(quote).0;
        let first = self.passage_at(marked_start);
        let sentence_start = self.document.passages[first].start.min(marked_start);
        self.text()[sentence_start..marked_start].trim().is_empty()
    }

    /// What the text says of a quote's speaker beyond the attribution patterns.
    fn read_quote(
        &self,
        owner: usize,
        quote: &QuoteFeature,
        previous: Option<(usize, &QuoteFeature)>,
    ) -> Reading {
        let passages = &self.document.passages;
        let (marked_start, marked_end) = self.marked(quote);
        let first = self.passage_at(marked_start);
        let (sentence_start, sentence_end) = (passages[first].start, passages[owner].end);
        let text = self.text();
        let opens_sentence = self.opens_sentence(quote);
        let head = (sentence_start, marked_start);
        let tail = (marked_end.min(sentence_end), sentence_end);
        if let Some(words) = nameless_source(&text[tail.0..tail.1], false)
            .or_else(|| nameless_source(&text[head.0..head.1], true))
        {
            return Reading::Nameless(words);
        }
        // Any word after the quote in its sentence ("…!" the congressman demands).
        let bare = !text[tail.0..tail.1].chars().any(char::is_alphanumeric);
        let own_cue = self.has_speech_word(head)
            || self.has_speech_word(tail)
            || !self.names_in(first, owner, head).is_empty()
            || !self.names_in(first, owner, tail).is_empty();
        // A quote that opens its sentence and is the whole of it: a quote paragraph or
        // sentence of someone's run, not a phrase in the source's own sentence.
        if own_cue || !opens_sentence || !bare {
            return Reading::Nothing;
        }
        // Inside a quote read over paragraphs (a continued paragraph whose own marks were
        // read as a quote too): that quote's speaker.
        if let Some((_, previous)) = previous
            && previous.start < quote.start
            && previous.end >= quote.end
        {
            return match (previous.speaker, previous.speaker_sure()) {
                (Some(entity), sure) => Reading::Carry(entity, previous.speaker_span, sure),
                (None, _) => Reading::Nothing,
            };
        }
        // A quote just before, in this sentence or the one before it: the same run.
        if let Some((previous_owner, previous)) = previous
            && previous.end <= quote.start
            && self.adjacent(previous_owner, first)
        {
            return self.carry(previous, (self.marked(previous).1, marked_start));
        }
        // No quote before. The sentence after must not point back at it ("Those were the
        // words of …", "That is how the mayor put it") or open on speech.
        let after_speaks = passages.get(owner + 1).is_some_and(|next| {
            let words: Vec<String> = crate::text::tokens(&text[next.start..next.end])
                .iter()
                .take(6)
                .map(|t| crate::text::fold(t.text))
                .collect();
            words
                .first()
                .is_some_and(|w| POINTING_BACK.contains(&w.as_str()))
                || words.iter().take(4).any(|w| speech_word(w))
        });
        if after_speaks {
            return Reading::Nothing;
        }
        // Nor may the sentence before speak of a speaker.
        let Some(before) = first.checked_sub(1) else {
            return Reading::Unnamed;
        };
        if self.paragraph(first) > self.paragraph(before) + 1 {
            return Reading::Unnamed;
        }
        let before_range = (passages[before].start, passages[before].end);
        let introduces = text[before_range.0..before_range.1]
            .trim_end()
            .ends_with(':');
        // A speech word, a name or a pronoun for someone in the sentence before: a reader
        // takes the quote for theirs (a letter, a remark just described).
        let spoken = self.has_speech_word(before_range)
            || crate::text::tokens(&text[before_range.0..before_range.1])
                .iter()
                .any(|t| PERSONAL_PRONOUNS.contains(&crate::text::fold(t.text).as_str()));
        let named_before = !self.names_in(before, before, before_range).is_empty()
            || previous.is_some_and(|(_, prev)| prev.end > before_range.0);
        if introduces || spoken || named_before {
            // "Burton said Monday that …" before the quote: hers, as a guess.
            let cued: Vec<(usize, EntityId)> = self
                .names_in(before, before, before_range)
                .into_iter()
                .filter(|&(m, _)| self.corpus.mentions[m].mention.speaker_cue)
                .collect();
            return match cued.first() {
                Some(&(m, entity)) if cued.iter().all(|&(_, e)| e == entity) => {
                    let mention = &self.corpus.mentions[m].mention;
                    Reading::Guess(entity, Some((mention.start, mention.end)))
                }
                _ => Reading::Nothing,
            };
        }
        Reading::Unnamed
    }

    /// The speaker of the quote before, for a quote that opens the next sentence of the run;
    /// `gap` is the text between the two quotes (the attribution of the one before).
    fn carry(&self, previous: &QuoteFeature, gap: (usize, usize)) -> Reading {
        let Some(speaker) = previous.speaker else {
            return Reading::Nothing;
        };
        let text = self.text();
        let gap_text = &text[gap.0.min(gap.1)..gap.1];
        if gap_text.trim_end().ends_with(':') || gap_text.len() > 300 {
            return Reading::Nothing;
        }
        // Another name in the attribution is the speaker's principal or title ("a
        // spokesman for Mr. Reid", "Romney campaign spokeswoman Andrea Saul"), never a
        // second subject.
        let first = self.passage_at(gap.0);
        let last = self.passage_at(gap.1);
        let others_modify = self
            .names_in(first, last, gap)
            .into_iter()
            .filter(|&(_, e)| e != speaker)
            .all(|(m, _)| {
                let mention = &self.corpus.mentions[m].mention;
                modifies(text, (mention.start, mention.end), previous.speaker_span)
            });
        if !others_modify {
            return Reading::Nothing;
        }
        let sure = previous.speaker_sure();
        if sure || previous.speaker_basis == SpeakerBasis::Named {
            Reading::Carry(speaker, previous.speaker_span, sure)
        } else {
            Reading::Guess(speaker, previous.speaker_span)
        }
    }
}

/// Words that open a sentence pointing back at what was just quoted.
const POINTING_BACK: &[&str] = &["that", "those", "this", "these", "so", "such"];

/// Pronouns that stand for a person named earlier.
const PERSONAL_PRONOUNS: &[&str] = &[
    "he", "she", "they", "him", "her", "them", "his", "their", "hers", "theirs",
];

/// Prepositions before a name that belongs to a phrase about the speaker ("a spokesman
/// *for* Mr. Reid", "the head *of* Tarnow Shipping").
const PHRASE_PREPOSITIONS: &[&str] = &[
    "for", "of", "to", "at", "with", "from", "on", "in", "by", "under",
];

/// Whether a name in an attribution modifies the speaker rather than speaking: after a
/// preposition, a possessive, or right before the speaker's title and name.
fn modifies(text: &str, (start, end): (usize, usize), speaker: Option<(usize, usize)>) -> bool {
    // The word before the name, past its title words ("for *Mr.* Reid", "of *Senate
    // Majority Leader* Reid").
    let mut at = start;
    let mut before = String::new();
    for _ in 0..4 {
        // An abbreviated title's full stop ("Mr.", "Sen.") is part of the title.
        let head = text[..at].trim_end();
        let head = head.strip_suffix('.').unwrap_or(head);
        let (word, word_start) = crate::text::word_before(head, head.len());
        before = word;
        let capitalised = head[word_start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !capitalised || word_start == head.len() {
            break;
        }
        at = word_start;
    }
    if PHRASE_PREPOSITIONS.contains(&before.as_str()) {
        return true;
    }
    if text[end..].starts_with("'s") || text[end..].starts_with("’s") {
        return true;
    }
    // Before the speaker's title and name ("Romney campaign spokeswoman Andrea Saul"), or
    // in an apposition after it ("Jon Thompson, a Republican spokesman").
    speaker.is_some_and(|(speaker_start, speaker_end)| {
        (end <= speaker_start
            && speaker_start - end <= 40
            && !text[end..speaker_start].contains([',', '.', ';', ':']))
            || (start >= speaker_end
                && start - speaker_end <= 60
                && text[speaker_end..start].trim_start().starts_with(',')
                && !text[speaker_end..start].contains([';', ':', '!', '?']))
    })
}

/// The words of a nameless source a quote is given to, in the text after the quote (`"…,"
/// a statement said`, `"…," said an aide`, `according to a spokesman`) or before it (`An
/// aide said: "…"`): an indefinite article and one to five lower-case words, next to a
/// verb of saying. A capitalised word (a name, an organisation) is not nameless.
pub(super) fn nameless_source(stretch: &str, before: bool) -> Option<String> {
    let words: Vec<&str> = stretch
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '(' | ')')))
        .filter(|w| !w.is_empty())
        .collect();
    let saying =
        |w: &str| super::speakers::ATTRIBUTION_VERBS.contains(&w) || matches!(w, "read" | "reads");
    let article = |w: &str| matches!(w, "a" | "an" | "A" | "An");
    let plain =
        |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-' || c == '\'') && !saying(w);
    // The source: an article, then lower-case words up to a verb of saying or the end.
    let source_at = |from: usize| -> Option<(String, usize)> {
        if !words.get(from).is_some_and(|w| article(w)) {
            return None;
        }
        let run = words[from + 1..].iter().take_while(|w| plain(w)).count();
        ((1..=5).contains(&run)).then(|| {
            let phrase = words[from..=from + run].join(" ").to_lowercase();
            (phrase, from + run + 1)
        })
    };
    if before {
        // "An aide said: …", the quote's sentence opening with its nameless source.
        let (phrase, next) = source_at(0)?;
        return (words.len() <= next + 5 && words.get(next).is_some_and(|w| saying(w)))
            .then_some(phrase);
    }
    // Right after the quote: "a statement said", "said an aide", "according to a source".
    let first = *words.first()?;
    if article(first) {
        let (phrase, next) = source_at(0)?;
        return words.get(next).is_some_and(|w| saying(w)).then_some(phrase);
    }
    let from = if saying(first) {
        1
    } else if first == "according" && words.get(1) == Some(&"to") {
        2
    } else {
        return None;
    };
    let (phrase, next) = source_at(from)?;
    // The phrase ends the sentence or goes on with where it was said ("in an e-mail").
    (next == words.len() || matches!(words[next], "in" | "on" | "at" | "to" | "after"))
        .then_some(phrase)
}

#[cfg(test)]
mod tests {
    use super::nameless_source;

    #[test]
    fn nameless_sources_are_read_and_names_are_not() {
        assert_eq!(
            nameless_source("” a statement from the ministry said.", false).as_deref(),
            Some("a statement from the ministry")
        );
        assert_eq!(
            nameless_source(",” said a senior harbour official.", false).as_deref(),
            Some("a senior harbour official")
        );
        assert_eq!(
            nameless_source(",” according to an aide.", false).as_deref(),
            Some("an aide")
        );
        assert_eq!(
            nameless_source("An aide said: ", true).as_deref(),
            Some("an aide")
        );
        // A named source, a definite one, a pronoun: not nameless.
        assert_eq!(
            nameless_source(",” a spokesman for Tarnow Shipping said.", false),
            None
        );
        assert_eq!(nameless_source(",” the official said.", false), None);
        assert_eq!(nameless_source(",” he said in a statement.", false), None);
        assert_eq!(nameless_source(",” said Oskar Lind.", false), None);
    }
}
