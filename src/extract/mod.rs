//! Stage 3, extract: per passage, the features that alignment and comparison use.
//!
//! For every passage we keep its content terms (for TF-IDF), name mentions (resolved across
//! documents into entities), quantities, dates, quotations with their speakers, negated
//! words (polarity) and loaded terms from the wording lexicon. Extraction is per document
//! and runs in parallel; only entity resolution and quote speakers need the whole corpus.

pub mod claims;
pub mod date_referents;
pub mod entities;
pub mod frequency;
mod heading_names;
pub mod long_quotes;
pub mod meaning;
pub mod quantities;
pub mod quotes;
pub mod resolve;
pub mod tagger;
pub mod terms;

use crate::calendar::{self, Date};
use crate::lexicon::Lexicon;
use crate::load::LoadedDocument;
use crate::model::{DocId, Entity, EntityId, EntityKind, Passage, PassageId, PassageRole};
use crate::text::{Token, fold, tokens};
use entities::RawMention;
use quantities::Quantity;
use rayon::prelude::*;
use resolve::PlacedMention;
use std::collections::HashSet;

/// A date in a passage.
#[derive(Debug, Clone, PartialEq)]
pub struct DateFeature {
    pub start: usize,
    pub end: usize,
    pub date: Date,
    pub relative: bool,
    /// The happening the date belongs to, when a word names it ([`date_referents`]).
    pub referent: Option<date_referents::DateReferent>,
}

/// A quotation in a passage and its speaker, when known.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFeature {
    pub start: usize,
    pub end: usize,
    /// Folded words of the quote.
    pub words: Vec<String>,
    pub speaker: Option<EntityId>,
    /// The byte range of the speaker's name in the text, when it is in this paragraph.
    pub speaker_span: Option<(usize, usize)>,
    /// Whether an attribution pattern names the speaker next to the quote ("…," X said;
    /// X said: "…"; according to X), rather than the nearest name being a guess.
    pub speaker_confident: bool,
}

impl QuoteFeature {
    /// A quote found in `text`, its speaker not yet known.
    pub fn of(text: &str, quote: &quotes::Quote) -> QuoteFeature {
        QuoteFeature {
            start: quote.start,
            end: quote.end,
            words: quotes::quote_words(&text[quote.start..quote.end]),
            speaker: None,
            speaker_span: None,
            speaker_confident: false,
        }
    }
}

/// A negated word: its stem and the span "not warned".
#[derive(Debug, Clone, PartialEq)]
pub struct Negation {
    pub stem: String,
    pub start: usize,
    pub end: usize,
}

/// A loaded term from the wording lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct WordingHit {
    pub entry: usize,
    pub start: usize,
    pub end: usize,
    /// The lexicon term as written in the lexicon.
    pub term: String,
}

/// Everything extracted from one passage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PassageFeatures {
    /// Stemmed content terms with the byte offset of their word.
    pub terms: Vec<(usize, String)>,
    /// Name mentions (indices into [`Corpus::mentions`]).
    pub mentions: Vec<usize>,
    /// Distinct resolved entities, sorted.
    pub entities: Vec<EntityId>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateFeature>,
    pub quotes: Vec<QuoteFeature>,
    /// Words under negation ("not warned" gives the stem "warn"), with the byte range from
    /// the negation cue to the end of the negated word.
    pub negated: Vec<Negation>,
    pub wording: Vec<WordingHit>,
    /// Loaded words ([`Lexicon::loaded_terms`]); `entry` is the term's list position.
    pub loaded: Vec<WordingHit>,
    /// The sentence's claims: predicates with their negation, subject and object.
    pub claims: Vec<claims::ClaimFeature>,
    /// A heading in title case: its names are found only as the article's known names
    /// ([`heading_names`]).
    pub title_case: bool,
}

impl PassageFeatures {
    /// The distinct stems, sorted.
    pub fn term_set(&self) -> Vec<&str> {
        let mut set: Vec<&str> = self.terms.iter().map(|(_, t)| t.as_str()).collect();
        set.sort_unstable();
        set.dedup();
        set
    }

    /// Stems within `radius` bytes of a span, the span itself excluded.
    pub fn terms_near(&self, start: usize, end: usize, radius: usize) -> Vec<&str> {
        let mut near: Vec<&str> = self
            .terms
            .iter()
            .filter(|(at, _)| {
                (*at + radius >= start && *at < start) || (*at >= end && *at <= end + radius)
            })
            .map(|(_, t)| t.as_str())
            .collect();
        near.sort_unstable();
        near.dedup();
        near
    }
}

/// One document with its passages and their features.
#[derive(Debug, Clone)]
pub struct CorpusDocument {
    pub loaded: LoadedDocument,
    pub passages: Vec<Passage>,
    pub features: Vec<PassageFeatures>,
}

/// All documents of a comparison, with entities resolved across them.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub documents: Vec<CorpusDocument>,
    pub mentions: Vec<PlacedMention>,
    pub mention_entities: Vec<EntityId>,
    pub entities: Vec<Entity>,
}

const NEGATIONS: &[&str] = &[
    "not", "never", "no", "nor", "neither", "none", "nobody", "nothing",
];

const SKIP_AFTER_NEGATION: &[&str] = &[
    "be",
    "been",
    "being",
    "was",
    "were",
    "is",
    "are",
    "have",
    "has",
    "had",
    "yet",
    "even",
    "ever",
    "fully",
    "officially",
    "actually",
    "really",
    "directly",
    "immediately",
    "been",
    "do",
    "does",
    "did",
    "a",
    "an",
    "the",
    "any",
    "so",
    "only",
    "to",
    "get",
    "got",
    "always",
];

fn negated_stems(
    text: &str,
    toks: &[Token<'_>],
    lexicon: &Lexicon,
    stemmer: &terms::Stemmer,
) -> Vec<Negation> {
    let mut out = Vec::new();
    for (i, token) in toks.iter().enumerate() {
        let folded = fold(token.text);
        let cue = NEGATIONS.contains(&folded.as_str()) || folded.ends_with("n't");
        if !cue {
            continue;
        }
        // "not only" and "no longer" are not negations of the claim.
        let next = toks.get(i + 1).map(|t| fold(t.text));
        if matches!(
            next.as_deref(),
            Some("only") | Some("longer") | Some("less") | Some("doubt")
        ) {
            continue;
        }
        for candidate in toks.iter().skip(i + 1).take(4) {
            let sep = &text[token.end.min(candidate.start)..candidate.start];
            if sep.contains([',', ';', '.']) {
                break;
            }
            let word = fold(candidate.text);
            if SKIP_AFTER_NEGATION.contains(&word.as_str()) {
                continue;
            }
            if let Some(stem) = terms::term(candidate, lexicon, stemmer) {
                out.push(Negation {
                    stem,
                    start: token.start,
                    end: candidate.end,
                });
            }
            break;
        }
    }
    out
}

fn wording_hits(toks: &[Token<'_>], terms: &[crate::lexicon::WordingTerm]) -> Vec<WordingHit> {
    let folded: Vec<String> = toks.iter().map(|t| fold(t.text)).collect();
    let mut hits = Vec::new();
    let mut covered = vec![false; toks.len()];
    for term in terms {
        let n = term.words.len();
        if n > toks.len() {
            continue;
        }
        for start in 0..=toks.len() - n {
            if covered[start..start + n].iter().any(|c| *c) {
                continue;
            }
            let matches = term.words.iter().enumerate().all(|(k, w)| {
                let t = &folded[start + k];
                t == w
                    || (k == n - 1
                        && (t.strip_suffix('s') == Some(w.as_str())
                            || w.strip_suffix('s') == Some(t.as_str())))
            });
            if matches {
                covered[start..start + n].iter_mut().for_each(|c| *c = true);
                hits.push(WordingHit {
                    entry: term.entry,
                    start: toks[start].start,
                    end: toks[start + n - 1].end,
                    term: term.text.clone(),
                });
            }
        }
    }
    hits.sort_by_key(|h| h.start);
    hits
}

/// Folded words that the corpus writes in lower case somewhere: a capitalised word at a
/// sentence start that is also in this set is a common word, not a name.
pub fn lowercase_vocabulary(texts: &[&str]) -> HashSet<String> {
    let mut vocabulary = HashSet::new();
    for text in texts {
        for token in tokens(text) {
            if token.is_word() && token.text.chars().next().is_some_and(char::is_lowercase) {
                vocabulary.insert(fold(token.text));
            }
        }
    }
    vocabulary
}

/// What extraction finds in one document: passage features and raw name mentions.
type DocumentExtraction = (Vec<PassageFeatures>, Vec<(PassageId, RawMention)>);

/// Extracts the features of every passage and resolves entities across documents.
pub fn extract(
    documents: Vec<(LoadedDocument, Vec<Passage>)>,
    lexicon: &Lexicon,
    progress: &crate::progress::Progress,
) -> Result<Corpus, crate::progress::Cancelled> {
    let texts: Vec<&str> = documents.iter().map(|(d, _)| d.text.as_str()).collect();
    let vocabulary = lowercase_vocabulary(&texts);
    let per_document: Vec<Result<DocumentExtraction, _>> = documents
        .par_iter()
        .map(|(doc, passages)| {
            progress.check()?;
            let result = extract_document(doc, passages, lexicon, &vocabulary);
            progress.advance();
            Ok(result)
        })
        .collect();
    let mut corpus_documents = Vec::with_capacity(documents.len());
    let mut mentions = Vec::new();
    for (doc_index, ((loaded, passages), result)) in
        documents.into_iter().zip(per_document).enumerate()
    {
        let (mut features, raw) = result?;
        for (passage, mention) in raw {
            features[passage.get()].mentions.push(mentions.len());
            mentions.push(PlacedMention {
                document: DocId(doc_index),
                passage,
                paragraph: passages[passage.get()].paragraph,
                mention,
            });
        }
        corpus_documents.push(CorpusDocument {
            loaded,
            passages,
            features,
        });
    }
    heading_names::add(&mut corpus_documents, &mut mentions);
    progress.check()?;
    let (entities, mention_entities) = resolve::resolve(&mentions);
    for document in &mut corpus_documents {
        for features in &mut document.features {
            let mut ids: Vec<EntityId> = features
                .mentions
                .iter()
                .map(|&m| mention_entities[m])
                .collect();
            ids.sort();
            ids.dedup();
            features.entities = ids;
            let placed: Vec<(usize, usize, EntityId)> = features
                .mentions
                .iter()
                .map(|&m| {
                    (
                        mentions[m].mention.start,
                        mentions[m].mention.end,
                        mention_entities[m],
                    )
                })
                .collect();
            claims::attach_entities(&mut features.claims, &placed);
        }
    }
    let mut corpus = Corpus {
        documents: corpus_documents,
        mentions,
        mention_entities,
        entities,
    };
    assign_speakers(&mut corpus, &lexicon.label_nouns);
    Ok(corpus)
}

fn extract_document(
    doc: &LoadedDocument,
    passages: &[Passage],
    lexicon: &Lexicon,
    vocabulary: &HashSet<String>,
) -> (Vec<PassageFeatures>, Vec<(PassageId, RawMention)>) {
    let stemmer = terms::Stemmer::new();
    let text = doc.text.as_str();
    let mut features = Vec::with_capacity(passages.len());
    let mut mentions = Vec::new();
    for passage in passages {
        if passage.role == PassageRole::Boilerplate {
            features.push(PassageFeatures::default());
            continue;
        }
        let slice = &text[passage.start..passage.end];
        // A dateline ("WASHINGTON —") says where the outlet filed, not what happened.
        let dateline = slice.len() - crate::align::label::strip_dateline(slice).len();
        let toks: Vec<Token<'_>> = tokens(slice)
            .into_iter()
            .filter(|t| t.start >= dateline)
            .map(|t| Token {
                start: t.start + passage.start,
                end: t.end + passage.start,
                text: t.text,
            })
            .collect();
        let found_dates = calendar::find_dates(text, &toks, doc.date);
        let date_tokens: Vec<(usize, usize)> = found_dates
            .iter()
            .map(|d| (d.first_token, d.end_token))
            .collect();
        let tags = tagger::tag(text, &toks);
        let claims = claims::find_claims(text, &toks, &tags, &stemmer);
        let dates = found_dates
            .iter()
            .filter(|d| calendar::is_real(&d.date))
            .map(|d| DateFeature {
                start: toks[d.first_token].start,
                end: toks[d.end_token - 1].end,
                date: d.date,
                relative: d.relative,
                referent: date_referents::find(
                    text,
                    &toks,
                    &tags,
                    &claims,
                    (d.first_token, d.end_token),
                    lexicon,
                    &stemmer,
                ),
            })
            .collect();
        let quantities = quantities::find_quantities(text, &toks, &date_tokens, lexicon);
        let terms = toks
            .iter()
            .filter_map(|t| terms::term(t, lexicon, &stemmer).map(|s| (t.start, s)))
            .collect();
        // Headings in title case ("Protests Turn Toward Russia") capitalise every word;
        // names cannot be told from other words there. A short heading whose capitals are
        // its first word and names ("Who is Dave Brat?") is in sentence case: some word
        // after the first must be a capitalised common word (one the articles also write in
        // lower case).
        let capitalised = toks.iter().filter(|t| t.is_capitalised()).count();
        let capitalised_common = toks.iter().skip(1).any(|t| {
            t.is_capitalised() && {
                let folded = crate::text::fold(t.text);
                vocabulary.contains(&folded) || lexicon.is_stopword(&folded)
            }
        });
        let title_case = passage.role == PassageRole::Heading
            && capitalised * 10 >= toks.len() * 7
            && capitalised_common;
        if !title_case {
            for mention in entities::find_mentions(text, &toks, lexicon, vocabulary) {
                mentions.push((passage.index, mention));
            }
        }
        features.push(PassageFeatures {
            terms,
            quantities,
            dates,
            negated: negated_stems(text, &toks, lexicon, &stemmer),
            wording: wording_hits(&toks, &lexicon.wording_terms),
            loaded: wording_hits(&toks, &lexicon.loaded_terms),
            claims,
            title_case,
            ..PassageFeatures::default()
        });
    }
    // Quotes are found per paragraph and belong to the passage where they start.
    let mut paragraph_start = 0;
    while paragraph_start < passages.len() {
        let paragraph = passages[paragraph_start].paragraph;
        let mut paragraph_end = paragraph_start;
        while paragraph_end < passages.len() && passages[paragraph_end].paragraph == paragraph {
            paragraph_end += 1;
        }
        let range = passages[paragraph_start].start..passages[paragraph_end - 1].end;
        for quote in quotes::find_quotes(text, range) {
            if let Some(owner) = passages[paragraph_start..paragraph_end]
                .iter()
                .find(|p| p.start <= quote.start && quote.start < p.end.max(p.start + 1))
                .or_else(|| {
                    passages[paragraph_start..paragraph_end]
                        .iter()
                        .rev()
                        .find(|p| p.start <= quote.start)
                })
            {
                features[owner.index.get()]
                    .quotes
                    .push(QuoteFeature::of(text, &quote));
            }
        }
        paragraph_start = paragraph_end;
    }
    (features, mentions)
}

/// How far before a quote the words that introduce it are read ("…, saying").
const QUOTE_LEAD_BYTES: usize = 200;

/// Finds the speaker of each quote: the person named next to a speech verb in the same
/// paragraph, outside the quote, nearest to it; or, for "she added", the previous speaker.
fn assign_speakers(corpus: &mut Corpus, person_nouns: &std::collections::HashSet<String>) {
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
            let candidates = paragraph_mentions
                .get(&paragraph)
                .cloned()
                .unwrap_or_default();
            for quote_index in 0..document.features[passage_index].quotes.len() {
                let quote = &document.features[passage_index].quotes[quote_index];
                let (qs, qe) = (quote.start, quote.end);
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
                    candidates
                        .iter()
                        .map(|&m| (&corpus.mentions[m].mention, corpus.mention_entities[m]))
                        .filter(|(mention, entity)| {
                            corpus.entities[entity.get()].kind == EntityKind::Person
                                && mention.start >= sentence_start
                                && text[sentence_start..mention.start]
                                    .split_whitespace()
                                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                                && text[sentence_start..mention.start]
                                    .split_whitespace()
                                    .count()
                                    <= 2
                        })
                        .min_by_key(|(mention, _)| mention.start)
                        .map(|(mention, entity)| (entity, (mention.start, mention.end)))
                } else {
                    best
                };
                let (chosen, confident) = match (patterned, pronoun_next) {
                    (Some(found), _) => (Some(found), true),
                    (None, true) => match last_speaker.filter(|(_, at, _)| paragraph <= at + 1) {
                        Some((entity, _, span)) => (Some((entity, span)), last_confident),
                        None => (None, false),
                    },
                    (None, false) => (guess(best, pronoun_cue, last_speaker, paragraph), false),
                };
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

/// The speaker named by an attribution pattern right at the quote: `"…," X said`, `"…,"
/// said X`, `X said: "…"`, `X told reporters, "…"`, `"…," according to X`. The speaker is a
/// person or organisation, never a place, never the listener of "told", and there must be
/// exactly one such name: a reporting chain with two candidates is left unattributed.
fn attributed_speaker(
    text: &str,
    (quote_start, quote_end): (usize, usize),
    candidates: &[usize],
    (mentions, mention_entities, entities): (&[PlacedMention], &[EntityId], &[Entity]),
    person_nouns: &std::collections::HashSet<String>,
) -> Option<(EntityId, (usize, usize))> {
    let word_after = |at: usize| -> (String, usize) {
        let rest = &text[at..];
        let skipped = rest.len() - rest.trim_start().len();
        let word: String = rest[skipped..]
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        (crate::text::fold(&word), at + skipped + word.len())
    };
    let word_before = |at: usize| crate::text::word_before(text, at);
    // Between a name and its verb: nothing, or an apposition ", R-Ariz.," / ", a spokesman,".
    let gap_ok = |gap: &str| {
        let gap = gap.trim();
        gap.is_empty()
            || (gap.starts_with(',')
                && gap.ends_with(',')
                && gap.len() <= 40
                && !gap.contains(['"', '“', '”']))
    };
    // Only punctuation and at most three title words between two points: capitalised
    // ("Minister", "Sen.", "Infrastructure Minister"), or a role ending in a noun for a
    // person ("defence lawyer", "campaign manager"; WordNet's person nouns).
    let close = |a: usize, b: usize| {
        if a > b || b - a > 60 {
            return false;
        }
        let gap = &text[a..b];
        let words: Vec<&str> = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let role = words
            .last()
            .is_some_and(|w| person_nouns.contains(&crate::text::fold(w)));
        words.len() <= 3
            && (words.iter().all(capitalised) || role)
            && gap.chars().filter(|c| !c.is_alphanumeric()).count() <= 8
    };
    // "…," X snarled: after a quote that closes on a comma, a name and a verb in the past
    // are an attribution whatever the verb.
    let comma_closed = text[quote_start..quote_end].trim_end().ends_with(',');
    let attribution_verb = |verb: &str| {
        ATTRIBUTION_VERBS.contains(&verb) || (comma_closed && terms::is_past_form(verb))
    };
    // The word before a name, skipping the title words in front of it.
    let verb_before = |start: usize| -> (String, usize) {
        let mut at = start;
        let mut commas = 0;
        for _ in 0..6 {
            let (word, word_start) = word_before(at);
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
                || person_nouns.contains(&word)
            {
                at = word_start;
                continue;
            }
            return (word, word_start);
        }
        word_before(at)
    };
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
