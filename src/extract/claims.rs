//! Stage 3, extract: the claims of a sentence, who did what to whom.
//!
//! A difference between two sources means something only when both speak of the same
//! referent. Words near each other are not enough: "X is not being investigated" and "an
//! investigation into Y" share a word and nothing else. So every sentence is read into
//! claims: a predicate (a verb, or the complement of "is"/"was"), with the negation and the
//! modal that govern that predicate itself, its subject (the noun phrase before the verb
//! chain) and its object (the noun phrase after it). Subjects and objects are tied to
//! resolved entities once names are resolved across documents.
//!
//! The reading is shallow on purpose: part-of-speech tags from [`super::tagger`] and a few
//! chunking rules, no parse tree. It errs towards leaving an argument unknown; detectors that
//! need an argument abstain when it is unknown. Scope rules that matter for contradictions:
//! "not only" negates nothing; an infinitive or gerund ("decided not to exempt") is a
//! dependent claim with no subject of its own; "not" before a noun phrase ("but not Norland")
//! negates no predicate at all.

use super::tagger::Pos;
use super::terms::Stemmer;
use crate::model::EntityId;
use crate::text::{Token, fold};

/// A noun phrase that is the subject or object of a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Argument {
    /// Byte range of the phrase up to its head, before any preposition ("the mayor" of
    /// "the mayor of Tarnow").
    pub start: usize,
    pub end: usize,
    /// The end of the whole phrase, prepositional parts included.
    pub full_end: usize,
    /// The stem of the head word; for a pronoun, the folded pronoun.
    pub head: String,
    /// A pronoun ("she", "they", "which"): it says nothing about the referent on its own.
    pub pronoun: bool,
    /// The resolved entity named in the phrase, filled in after resolution.
    pub entity: Option<EntityId>,
}

impl Argument {
    /// Whether two arguments are positively the same referent: the same entity, or the same
    /// head noun when neither names an entity. Pronouns never match.
    pub fn same_referent(&self, other: &Argument) -> bool {
        if self.pronoun || other.pronoun {
            return false;
        }
        match (self.entity, other.entity) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.head == other.head,
            _ => false,
        }
    }
}

/// One predicate of a sentence with its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimFeature {
    /// Byte range of the predicate word.
    pub start: usize,
    pub end: usize,
    /// The predicate's stem ("warn" for "warned"); for "is"/"was", the complement's stem.
    pub predicate: String,
    /// The predicate word as written, folded.
    pub word: String,
    /// The predicate is the complement of a copula ("was not the right candidate").
    pub copula: bool,
    /// From the negation cue to the predicate, when the predicate itself is negated.
    pub negation: Option<(usize, usize)>,
    /// Governed by a modal ("may", "could", "would"): a possibility, not an assertion.
    pub modal: bool,
    /// "were sent": the subject is what the action was done to.
    pub passive: bool,
    /// An infinitive or gerund governed by another verb: its subject is not stated.
    pub dependent: bool,
    pub subject: Option<Argument>,
    pub object: Option<Argument>,
    /// The first prepositional phrase after the predicate when it has no object ("warned
    /// about the cracks"): a weaker tie than an object, since it may be a time or place.
    pub oblique: Option<Argument>,
}

impl ClaimFeature {
    /// Whether the claim asserts or denies something of a stated subject, rather than
    /// reporting a possibility or a dependent action.
    pub fn is_assertion(&self) -> bool {
        !self.modal && !self.dependent && self.subject.as_ref().is_some_and(|s| !s.pronoun)
    }
}

/// Verbs that only report speech ("said", "told", "added"): what was said is the claim, not
/// the saying. Verbs of speech with content of their own ("warned", "denied") are claims.
const REPORTING: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "write",
    "writes",
    "wrote",
    "written",
    "state",
    "states",
    "stated",
    "note",
    "notes",
    "noted",
    "explain",
    "explains",
    "explained",
    "ask",
    "asks",
    "asked",
    "report",
    "reports",
    "reported",
    "according",
    "continued",
    "insisted",
    "argued",
    "claimed",
    "recalled",
];

/// Whether a folded verb only reports speech.
pub fn is_reporting(word: &str) -> bool {
    REPORTING.contains(&word)
}

const MODALS: &[&str] = &[
    "may",
    "might",
    "could",
    "would",
    "should",
    "can",
    "must",
    "cannot",
    "couldn't",
    "wouldn't",
    "shouldn't",
    "can't",
    "mightn't",
    "mustn't",
];

const BE_FORMS: &[&str] = &[
    "be", "is", "are", "was", "were", "been", "being", "am", "isn't", "aren't", "wasn't", "weren't",
];

fn is_negation_cue(folded: &str) -> bool {
    matches!(folded, "not" | "never" | "no") || folded.ends_with("n't") || folded == "cannot"
}

fn is_nominal(pos: Pos) -> bool {
    matches!(
        pos,
        Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn | Pos::Num | Pos::Pron
    )
}

fn is_head(pos: Pos) -> bool {
    matches!(pos, Pos::Noun | Pos::Propn | Pos::Pron)
}

/// Whether punctuation (or a line break) separates token `i` from the token before it.
fn gap_before(text: &str, toks: &[Token<'_>], i: usize) -> bool {
    i == 0
        || text[toks[i - 1].end..toks[i].start]
            .chars()
            .any(|c| !c.is_whitespace() || c == '\n')
}

/// Prepositions inside one noun phrase: "the mayor of Tarnow", "$1 million in aid".
fn joins_phrase(folded: &str) -> bool {
    matches!(folded, "of" | "in")
}

/// A noun phrase ending at token `last` (inclusive), read leftwards; "the mayor of Tarnow"
/// is one phrase whose head is "mayor".
fn phrase_leftwards(
    text: &str,
    toks: &[Token<'_>],
    tags: &[Pos],
    last: usize,
) -> Option<(usize, usize)> {
    if !is_nominal(tags[last]) {
        return None;
    }
    let mut first = last;
    loop {
        if first == 0 || gap_before(text, toks, first) {
            break;
        }
        let previous = first - 1;
        // A figure after a common noun starts a phrase of its own: "by Sunday evening 340
        // homes were flooded" (but "Apollo 11 crew" is one).
        if tags[first] == Pos::Num && tags[previous] == Pos::Noun {
            break;
        }
        if is_nominal(tags[previous]) {
            first = previous;
        } else if tags[previous] == Pos::Adp
            && joins_phrase(&fold(toks[previous].text))
            && previous > 0
            && !gap_before(text, toks, previous)
            && is_nominal(tags[previous - 1])
        {
            first = previous - 1;
        } else {
            break;
        }
    }
    Some((first, last))
}

/// The subject phrase ending at token `last`. A phrase after a preposition ("the cabinet on
/// Saturday approved") is an adjunct, not the subject: the subject is the phrase before it.
fn subject_phrase(
    text: &str,
    toks: &[Token<'_>],
    tags: &[Pos],
    mut last: usize,
) -> Option<(usize, usize)> {
    for _ in 0..4 {
        let (first, end) = phrase_leftwards(text, toks, tags, last)?;
        let first = approximation_start(text, toks, tags, first);
        let after_preposition =
            first > 0 && tags[first - 1] == Pos::Adp && !gap_before(text, toks, first);
        if !after_preposition {
            return Some((first, end));
        }
        if first < 2 || gap_before(text, toks, first - 1) {
            return None;
        }
        last = first - 2;
    }
    None
}

/// Where a counted phrase starts when an approximation leads it: "at least 12 people",
/// "more than 600 homes" are one phrase, not "12 people" after the preposition "at".
fn approximation_start(text: &str, toks: &[Token<'_>], tags: &[Pos], first: usize) -> usize {
    let word = |k: usize| fold(toks[k].text);
    if first >= 1 && word(first) == "least" && word(first - 1) == "at" {
        return first - 1;
    }
    if first >= 2
        && tags[first] == Pos::Num
        && !gap_before(text, toks, first)
        && !gap_before(text, toks, first - 1)
        && approximation(&word(first - 2), &word(first - 1))
    {
        return first - 2;
    }
    first
}

/// Two words that lead a figure as an approximation: "at least", "more than", "up to".
fn approximation(first: &str, second: &str) -> bool {
    matches!(
        (first, second),
        ("at", "least") | ("more" | "less" | "fewer", "than") | ("up", "to")
    )
}

/// A noun phrase starting at token `first`, read rightwards.
fn phrase_rightwards(
    text: &str,
    toks: &[Token<'_>],
    tags: &[Pos],
    first: usize,
) -> Option<(usize, usize)> {
    if first >= toks.len() || !is_nominal(tags[first]) || gap_before(text, toks, first) {
        return None;
    }
    let mut last = first;
    while last + 1 < toks.len() && !gap_before(text, toks, last + 1) {
        let next = last + 1;
        if is_nominal(tags[next]) && !(tags[next] == Pos::Pron && tags[last] != Pos::Pron) {
            last = next;
        } else if tags[next] == Pos::Adp
            && joins_phrase(&fold(toks[next].text))
            && next + 1 < toks.len()
            && is_nominal(tags[next + 1])
            && !gap_before(text, toks, next + 1)
        {
            last = next + 1;
        } else {
            break;
        }
    }
    Some((first, last))
}

/// The argument for tokens `first..=last`: its head is the last noun before any preposition.
fn argument(
    toks: &[Token<'_>],
    tags: &[Pos],
    (first, last): (usize, usize),
    stemmer: &Stemmer,
) -> Option<Argument> {
    // "at least 12 people": the approximation's preposition does not end the phrase.
    let lead = if last >= first + 2
        && approximation(&fold(toks[first].text), &fold(toks[first + 1].text))
    {
        2
    } else {
        0
    };
    let before_of = (first + lead..=last)
        .find(|&k| tags[k] == Pos::Adp)
        .map_or(last, |k| k.saturating_sub(1).max(first));
    // The head is the last noun; a bare figure ("2 trillion in cuts") is its own head.
    let head = (first..=before_of)
        .rev()
        .find(|&k| is_head(tags[k]))
        .or_else(|| (first..=before_of).rev().find(|&k| tags[k] == Pos::Num))?;
    let folded = fold(toks[head].text);
    let pronoun = tags[head] == Pos::Pron;
    let folded = folded
        .strip_suffix("'s")
        .map(str::to_string)
        .unwrap_or(folded);
    // The span stops before "of": "the mayor of Tarnow" names the mayor, not Tarnow.
    Some(Argument {
        start: toks[first].start,
        end: toks[before_of].end,
        full_end: toks[last].end,
        head: if pronoun {
            folded
        } else {
            stemmer.stem(&folded)
        },
        pronoun,
        entity: None,
    })
}

/// Reads the claims of one sentence from its tokens and their tags.
pub fn find_claims(
    text: &str,
    toks: &[Token<'_>],
    tags: &[Pos],
    stemmer: &Stemmer,
) -> Vec<ClaimFeature> {
    let n = toks.len().min(tags.len());
    // One tag per token; a shorter list is never indexed past its end.
    let (toks, tags) = (&toks[..n], &tags[..n]);
    let folded: Vec<String> = toks.iter().map(|t| fold(t.text)).collect();
    let mut out = Vec::new();
    for i in 0..n {
        let verb = tags[i] == Pos::Verb;
        let copula_head = tags[i] == Pos::Aux
            && BE_FORMS.contains(&folded[i].as_str())
            && !(i + 1..n)
                .take_while(|&k| !gap_before(text, toks, k))
                .take_while(|&k| matches!(tags[k], Pos::Adv | Pos::Part | Pos::Aux | Pos::Verb))
                .any(|k| matches!(tags[k], Pos::Verb | Pos::Aux));
        if !verb && !copula_head {
            continue;
        }
        // The verb chain to the left: auxiliaries, adverbs and particles ("did not", "has
        // never been", "to").
        let mut chain = i;
        while chain > 0
            && !gap_before(text, toks, chain)
            && matches!(tags[chain - 1], Pos::Aux | Pos::Adv | Pos::Part)
        {
            chain -= 1;
        }
        let chain_words = &folded[chain..i];
        let mut negation = chain_words
            .iter()
            .position(|w| is_negation_cue(w))
            .map(|k| (toks[chain + k].start, toks[i].end))
            .or_else(|| {
                (copula_head && folded[i].ends_with("n't")).then(|| (toks[i].start, toks[i].end))
            });
        let modal = chain_words.iter().any(|w| MODALS.contains(&w.as_str()));
        let infinitive = chain_words.iter().any(|w| w == "to")
            || (chain > 0 && !gap_before(text, toks, chain) && tags[chain - 1] == Pos::Verb);
        let gerund = verb
            && folded[i].ends_with("ing")
            && !chain_words
                .iter()
                .any(|w| BE_FORMS.contains(&w.as_str()) || w.ends_with("n't"));
        let passive = verb
            && !folded[i].ends_with("ing")
            && chain_words
                .iter()
                .any(|w| BE_FORMS.contains(&w.as_str()) || w == "get" || w == "got");
        // The predicate: the verb, or for a copula the head of its complement.
        let mut oblique = None;
        let (predicate_token, object) = if copula_head {
            let mut k = i + 1;
            while k < n && !gap_before(text, toks, k) && matches!(tags[k], Pos::Adv | Pos::Part) {
                if is_negation_cue(&folded[k])
                    && folded.get(k + 1).map(String::as_str) != Some("only")
                {
                    negation = Some((toks[k].start, toks[k].end));
                }
                k += 1;
            }
            let Some((first, last)) = phrase_rightwards(text, toks, tags, k) else {
                continue;
            };
            let head = (first..=last)
                .take_while(|&m| tags[m] != Pos::Adp)
                .filter(|&m| matches!(tags[m], Pos::Noun | Pos::Propn | Pos::Adj))
                .last();
            let Some(head) = head else { continue };
            if let Some(span) = negation.as_mut() {
                span.1 = toks[head].end;
            }
            (head, None)
        } else {
            let mut k = i + 1;
            // Verb particles and adverbs between the verb and its object ("set up", "also").
            while k < n
                && !gap_before(text, toks, k)
                && (tags[k] == Pos::Adv
                    || (tags[k] == Pos::Adp && matches!(folded[k].as_str(), "up" | "out" | "off")))
            {
                k += 1;
            }
            let object = phrase_rightwards(text, toks, tags, k)
                .and_then(|span| argument(toks, tags, span, stemmer));
            if object.is_none() && k < n && tags[k] == Pos::Adp && !gap_before(text, toks, k) {
                oblique = phrase_rightwards(text, toks, tags, k + 1)
                    .and_then(|span| argument(toks, tags, span, stemmer));
            }
            (i, object)
        };
        // "not only" negates nothing.
        if let Some((start, _)) = negation {
            let cue = toks[..n].iter().position(|t| t.start == start);
            if cue.is_some_and(|c| folded.get(c + 1).map(String::as_str) == Some("only")) {
                negation = None;
            }
        }
        // An infinitive or gerund has no subject of its own: "gathered outside the ministry
        // to demand" is not the ministry demanding.
        let subject = if infinitive || gerund {
            None
        } else if chain > 0 && !gap_before(text, toks, chain) {
            subject_phrase(text, toks, tags, chain - 1)
                .and_then(|span| argument(toks, tags, span, stemmer))
        } else {
            None
        };
        let word = folded[predicate_token].clone();
        out.push(ClaimFeature {
            start: toks[predicate_token].start,
            end: toks[predicate_token].end,
            predicate: stemmer.stem(&word),
            word,
            copula: copula_head,
            negation,
            modal,
            passive,
            dependent: infinitive || gerund,
            subject,
            object,
            oblique,
        });
    }
    out
}

/// Whether two claims share a subject, object or prepositional phrase (any of them against
/// any other): told with other verbs, the same happening keeps its actors.
pub fn shares_argument(a: &ClaimFeature, b: &ClaimFeature) -> bool {
    let arguments = |c: &ClaimFeature| [c.subject.clone(), c.object.clone(), c.oblique.clone()];
    arguments(a)
        .iter()
        .flatten()
        .any(|x| arguments(b).iter().flatten().any(|y| x.same_referent(y)))
}

/// Ties the subjects and objects of claims to resolved entities: the last name mention inside
/// the argument's span (the one nearest its head).
pub fn attach_entities(claims: &mut [ClaimFeature], mentions: &[(usize, usize, EntityId)]) {
    for claim in claims {
        for argument in [
            claim.subject.as_mut(),
            claim.object.as_mut(),
            claim.oblique.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            argument.entity = mentions
                .iter()
                .filter(|(start, end, _)| *start < argument.end && *end > argument.start)
                .max_by_key(|(start, _, _)| *start)
                .map(|(_, _, entity)| *entity);
        }
    }
}

/// The claim a figure or date spanning `start..end` belongs to: the claim whose object or
/// subject phrase overlaps it, else none. A figure outside every argument is left alone.
pub fn governing(claims: &[ClaimFeature], (start, end): (usize, usize)) -> Option<&ClaimFeature> {
    let inside = |a: &Option<Argument>| {
        a.as_ref()
            .is_some_and(|a| a.start < end && start < a.full_end.max(a.end))
    };
    claims
        .iter()
        .find(|c| inside(&c.object))
        .or_else(|| claims.iter().find(|c| inside(&c.subject)))
}

/// The claim an adjunct such as a date at `start..end` most likely belongs to: the nearest
/// predicate within 60 bytes, speech verbs ("said on Monday") left out.
pub fn nearest(claims: &[ClaimFeature], (start, end): (usize, usize)) -> Option<&ClaimFeature> {
    claims
        .iter()
        .filter(|c| !is_reporting(&c.word))
        .map(|c| {
            let distance = if c.end <= start {
                start - c.end
            } else {
                c.start.saturating_sub(end)
            };
            (distance, c)
        })
        .filter(|(distance, _)| *distance <= 60)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests;
