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
mod given_names;
mod heading_names;
pub mod long_quotes;
pub mod meaning;
mod partial_names;
pub mod quantities;
pub mod quote_runs;
pub mod quotes;
pub mod resolve;
mod role_links;
mod speakers;
pub mod tagger;
pub mod terms;
pub mod weekdays;

use crate::calendar::{self, Date};
use crate::lexicon::Lexicon;
use crate::load::LoadedDocument;
use crate::model::{DocId, Entity, EntityId, Passage, PassageId, PassageRole};
use crate::text::{Token, fold, tokens};
use entities::RawMention;
use quantities::Quantity;
pub use quote_runs::SpeakerBasis;
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
    /// How the speaker was read, or that the source names none ([`quote_runs`]).
    pub speaker_basis: SpeakerBasis,
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
            speaker_basis: SpeakerBasis::Unknown,
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
    /// Weekdays and weekends by name, with the happening they date ([`weekdays`]).
    pub weekdays: Vec<weekdays::WeekdayFeature>,
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

fn wording_hits(
    text: &str,
    toks: &[Token<'_>],
    terms: &[crate::lexicon::WordingTerm],
    title_case: bool,
) -> Vec<WordingHit> {
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
                    // A possessive of the term ("the junta's leader") is the term.
                    || (k == n - 1 && t.strip_suffix("'s") == Some(w.as_str()))
                    || (k == n - 1
                        && (t.strip_suffix('s') == Some(w.as_str())
                            || w.strip_suffix('s') == Some(t.as_str())))
            });
            if matches && !other_use(text, toks, &folded, start, n, title_case) {
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

/// Whether the words at `start` (a lexicon term of `n` words) are used as something other
/// than a label: capitalised inside a sentence, a name or a title ("the President of the
/// Transition"); or one word in its base form after "to" or a modal, a verb ("to rally
/// support"). A heading in title case capitalises every word, so capitals say nothing there.
fn other_use(
    text: &str,
    toks: &[Token<'_>],
    folded: &[String],
    start: usize,
    n: usize,
    title_case: bool,
) -> bool {
    let first = &toks[start];
    let inside_sentence = !title_case
        && start > 0
        && !text[toks[start - 1].end..first.start].contains(['.', '!', '?', ':', '"', '“', '\n']);
    if inside_sentence && first.text.starts_with(char::is_uppercase) {
        return true;
    }
    const VERB_BEFORE: &[&str] = &[
        "to", "will", "would", "can", "could", "may", "might", "must", "should", "shall",
    ];
    n == 1
        && start > 0
        && !folded[start].ends_with('s')
        && VERB_BEFORE.contains(&folded[start - 1].as_str())
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
    let texts: Vec<&str> = corpus_documents
        .iter()
        .map(|d| d.loaded.text.as_str())
        .collect();
    let passages: Vec<&[Passage]> = corpus_documents
        .iter()
        .map(|d| d.passages.as_slice())
        .collect();
    let links = role_links::find(
        &texts,
        &passages,
        &mentions,
        &lexicon.label_nouns,
        &lexicon.titles,
    );
    let (entities, mention_entities) = resolve::resolve_linked(&mentions, &links);
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
    speakers::assign_speakers(&mut corpus, &lexicon.label_nouns);
    Ok(corpus)
}

fn extract_document(
    doc: &LoadedDocument,
    passages: &[Passage],
    lexicon: &Lexicon,
    vocabulary: &HashSet<String>,
) -> (Vec<PassageFeatures>, Vec<(PassageId, RawMention)>) {
    let stemmer = terms::Stemmer::new();
    let mut features = Vec::with_capacity(passages.len());
    let mut mentions = Vec::new();
    for passage in passages {
        if passage.role == PassageRole::Boilerplate {
            features.push(PassageFeatures::default());
            continue;
        }
        let reading = (lexicon, vocabulary, &stemmer);
        let (passage_features, found) = passage_features(doc, passage, reading);
        mentions.extend(found.into_iter().map(|m| (passage.index, m)));
        features.push(passage_features);
    }
    attach_quotes(&doc.text, passages, &mut features);
    (features, mentions)
}

/// A passage's tokens, with offsets into the whole text; a dateline ("WASHINGTON —") says
/// where the outlet filed, not what happened, and is left out.
fn passage_tokens<'t>(text: &'t str, passage: &Passage) -> Vec<Token<'t>> {
    let slice = &text[passage.start..passage.end];
    let dateline = slice.len() - crate::align::label::strip_dateline(slice).len();
    tokens(slice)
        .into_iter()
        .filter(|t| t.start >= dateline)
        .map(|t| Token {
            start: t.start + passage.start,
            end: t.end + passage.start,
            text: t.text,
        })
        .collect()
}

/// What one passage says (terms, figures, dates, claims, wording) and the names it
/// mentions.
fn passage_features(
    doc: &LoadedDocument,
    passage: &Passage,
    (lexicon, vocabulary, stemmer): (&Lexicon, &HashSet<String>, &terms::Stemmer),
) -> (PassageFeatures, Vec<RawMention>) {
    let text = doc.text.as_str();
    let toks = passage_tokens(text, passage);
    let found_dates = calendar::find_dates(text, &toks, doc.date);
    let date_tokens: Vec<(usize, usize)> = found_dates
        .iter()
        .map(|d| (d.first_token, d.end_token))
        .collect();
    let tags = tagger::tag(text, &toks);
    let claims = claims::find_claims(text, &toks, &tags, stemmer);
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
                stemmer,
            ),
        })
        .collect();
    let weekdays = weekdays::read(text, &toks, &tags, &claims, lexicon, stemmer);
    let quantities = quantities::find_quantities(text, &toks, &date_tokens, lexicon);
    let terms = toks
        .iter()
        .filter_map(|t| terms::term(t, lexicon, stemmer).map(|s| (t.start, s)))
        .collect();
    let title_case = in_title_case(passage, &toks, lexicon, vocabulary);
    let mentions = if title_case {
        Vec::new()
    } else {
        entities::find_mentions(text, &toks, lexicon, vocabulary)
    };
    let features = PassageFeatures {
        terms,
        quantities,
        dates,
        weekdays,
        negated: negated_stems(text, &toks, lexicon, stemmer),
        wording: wording_hits(text, &toks, &lexicon.wording_terms, title_case),
        loaded: wording_hits(text, &toks, &lexicon.loaded_terms, title_case),
        claims,
        title_case,
        ..PassageFeatures::default()
    };
    (features, mentions)
}

/// Whether a heading is in title case ("Protests Turn Toward Russia"): it capitalises every
/// word, so names cannot be told from other words there. A short heading whose capitals
/// are its first word and names ("Who is Dave Brat?") is in sentence case: some word after
/// the first must be a capitalised common word (one the articles also write in lower case).
fn in_title_case(
    passage: &Passage,
    toks: &[Token<'_>],
    lexicon: &Lexicon,
    vocabulary: &HashSet<String>,
) -> bool {
    let capitalised = toks.iter().filter(|t| t.is_capitalised()).count();
    let capitalised_common = toks.iter().skip(1).any(|t| {
        t.is_capitalised() && {
            let folded = crate::text::fold(t.text);
            vocabulary.contains(&folded) || lexicon.is_stopword(&folded)
        }
    });
    passage.role == PassageRole::Heading && capitalised * 10 >= toks.len() * 7 && capitalised_common
}

/// Quotes are found per paragraph and belong to the passage where they start.
fn attach_quotes(text: &str, passages: &[Passage], features: &mut [PassageFeatures]) {
    let mut paragraph_start = 0;
    while paragraph_start < passages.len() {
        let paragraph = passages[paragraph_start].paragraph;
        let mut paragraph_end = paragraph_start;
        while paragraph_end < passages.len() && passages[paragraph_end].paragraph == paragraph {
            paragraph_end += 1;
        }
        let in_paragraph = &passages[paragraph_start..paragraph_end];
        let range = in_paragraph[0].start..in_paragraph[in_paragraph.len() - 1].end;
        for quote in quotes::find_quotes(text, range) {
            if let Some(owner) = in_paragraph
                .iter()
                .find(|p| p.start <= quote.start && quote.start < p.end.max(p.start + 1))
                .or_else(|| in_paragraph.iter().rev().find(|p| p.start <= quote.start))
            {
                features[owner.index.get()]
                    .quotes
                    .push(QuoteFeature::of(text, &quote));
            }
        }
        paragraph_start = paragraph_end;
    }
}

pub(crate) use speakers::{ATTRIBUTION_VERBS, title_between, word_before_role};

#[cfg(test)]
mod tests {
    use super::other_use;
    use crate::text::{fold, tokens};

    /// Whether the word `word` of `text` is used as something other than a label.
    fn other(text: &str, word: &str, title_case: bool) -> bool {
        let toks = tokens(text);
        let folded: Vec<String> = toks.iter().map(|t| fold(t.text)).collect();
        let at = toks.iter().position(|t| t.text == word).unwrap();
        other_use(text, &toks, &folded, at, 1, title_case)
    }

    #[test]
    fn a_label_used_as_a_title_or_a_verb_is_not_a_label() {
        assert!(other(
            "He met the Chair of the Transition in Velm.",
            "Transition",
            false
        ));
        assert!(!other("The transition ends in May.", "transition", false));
        assert!(!other("Transition ends in May.", "Transition", false));
        assert!(!other("Army Hails Transition In Velm", "Transition", true));
        assert!(other("Velm tries to rally its neighbours.", "rally", false));
        assert!(!other("Thousands came to the rally.", "rally", false));
        assert!(!other("Police responded to protests.", "protests", false));
    }
}
