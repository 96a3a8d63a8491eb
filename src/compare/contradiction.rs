//! `contradiction`: one source asserts what another denies.
//!
//! Two passages of one event that share most of their content words contradict when one
//! negates a word the other asserts ("was not warned" against "was warned"), or when they use
//! the two words of an antonym pair from `assets/lexicon/antonyms.ron` ("accepted" against
//! "refused"). These are the lexical contradictions that de Marneffe et al. found reliable;
//! anything subtler is left to the reader.

use super::{Context, FindingDraft};
use crate::model::{EventId, FindingKind, PassageRef};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Content words (other than the contested one) two passages must share.
const MIN_SHARED: usize = 2;

fn shared_terms(a: &[&str], b: &[&str], except: &[&str]) -> usize {
    a.iter()
        .filter(|t| !except.contains(t) && b.binary_search(t).is_ok())
        .count()
}

fn word_span(text: &str, start: usize) -> (usize, usize) {
    let length: usize = text[start..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’' || *c == '-')
        .map(char::len_utf8)
        .sum();
    (start, start + length)
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let lexicon = context.lexicon;
    let mut out = Vec::new();
    for (event_index, event) in context.alignment.events.iter().enumerate() {
        // Which passages of the event use each stem: contradictions are looked up through
        // the contested word, never by trying every pair of passages.
        let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::new();
        for (position, &at) in event.passages.iter().enumerate() {
            for stem in context.features(at).term_set() {
                by_stem.entry(stem).or_default().push(position);
            }
        }
        let mut seen: HashSet<(usize, usize)> = HashSet::new();
        for (position, &a) in event.passages.iter().enumerate() {
            let features = context.features(a);
            let mut partners: BTreeSet<usize> = BTreeSet::new();
            for negation in &features.negated {
                partners.extend(by_stem.get(negation.stem.as_str()).into_iter().flatten());
            }
            for (_, stem) in &features.terms {
                for opposite in lexicon.antonyms.get(stem).into_iter().flatten() {
                    partners.extend(by_stem.get(opposite.as_str()).into_iter().flatten());
                }
            }
            for other in partners {
                let b = event.passages[other];
                if b.document == a.document
                    || !seen.insert((position.min(other), position.max(other)))
                {
                    continue;
                }
                for (x, y) in [(a, b), (b, a)] {
                    if let Some(finding) = negation(context, x, y, event_index) {
                        out.push(finding);
                    }
                }
                if let Some(finding) = antonym(context, a, b, event_index, lexicon) {
                    out.push(finding);
                }
            }
        }
    }
    out
}

/// Noun endings: "investigation" is not the predicate "investigated".
const NOUN_ENDINGS: &[&str] = &[
    "tion", "tions", "ment", "ments", "ance", "ence", "ness", "ity",
];

fn noun_like(word: &str) -> bool {
    NOUN_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// The word at `start`, folded.
fn word_at(text: &str, start: usize) -> String {
    let (s, e) = word_span(text, start);
    crate::text::fold(&text[s..e])
}

/// Whether a byte offset lies inside a quote of the passage, and whose.
fn quoted_by(
    features: &crate::extract::PassageFeatures,
    offset: usize,
) -> Option<Option<crate::model::EntityId>> {
    features
        .quotes
        .iter()
        .find(|q| q.start <= offset && offset < q.end)
        .map(|q| q.speaker)
}

/// The subject both claims share: an entity named in both passages shortly before the
/// contested word. Without one, the two claims may be about different people.
fn shared_subject(
    context: &Context<'_>,
    a: PassageRef,
    a_at: usize,
    b: PassageRef,
    b_at: usize,
) -> Option<String> {
    let before = |at: PassageRef, offset: usize| -> BTreeSet<usize> {
        context
            .features(at)
            .mentions
            .iter()
            .filter(|&&m| {
                let mention = &context.corpus.mentions[m].mention;
                mention.end <= offset && offset - mention.end <= 80
            })
            .map(|&m| context.corpus.mention_entities[m].get())
            .collect()
    };
    let (sa, sb) = (before(a, a_at), before(b, b_at));
    sa.intersection(&sb)
        .next()
        .map(|&e| context.corpus.entities[e].name.clone())
}

/// Whether the claims are in the same voice: both outside quotes, or both quoting the same
/// speaker. A quoted denial against the narrator's statement is two speakers, not a
/// contradiction between sources.
fn same_voice(
    context: &Context<'_>,
    a: PassageRef,
    a_at: usize,
    b: PassageRef,
    b_at: usize,
) -> bool {
    match (
        quoted_by(context.features(a), a_at),
        quoted_by(context.features(b), b_at),
    ) {
        (None, None) => true,
        (Some(Some(x)), Some(Some(y))) => x == y,
        _ => false,
    }
}

/// A contradiction between the two claims: "A says … where B says …".
fn finding(
    context: &Context<'_>,
    claims: Vec<crate::model::Claim>,
    event_index: usize,
    subject: &str,
    shared: usize,
) -> FindingDraft {
    let summary = format!(
        "{} says “{}” where {} says “{}”",
        context.source_name(claims[0].document),
        claims[0].text,
        context.source_name(claims[1].document),
        claims[1].text
    );
    let event = Some(EventId(event_index));
    let mut evidence = Vec::new();
    if let Some(line) = super::event_evidence(context, event) {
        evidence.push(line);
    }
    evidence.push(format!(
        "both about {subject}, named just before the contested word"
    ));
    evidence.push(format!("{shared} other content words shared"));
    // Lexical contradictions were never confirmed on judged real news: they stay below the
    // default threshold, shown only with "Show uncertain findings".
    evidence.push("a negation or antonym found by words, not by meaning: check it".into());
    let confidence =
        0.3 + 0.03 * shared.min(5) as f32 + 0.1 * super::event_confidence(context, event);
    FindingDraft {
        kind: FindingKind::Contradiction,
        event,
        summary,
        claims,
        confidence: confidence.clamp(0.05, 0.55),
        evidence,
    }
}

fn negation(
    context: &Context<'_>,
    negating: PassageRef,
    asserting: PassageRef,
    event_index: usize,
) -> Option<FindingDraft> {
    let fa = context.features(negating);
    let fb = context.features(asserting);
    let (ta, tb) = (fa.term_set(), fb.term_set());
    for negation in &fa.negated {
        let stem = negation.stem.as_str();
        if fb.negated.iter().any(|n| n.stem == stem) {
            continue;
        }
        let Some((position, _)) = fb.terms.iter().find(|(_, t)| t == stem) else {
            continue;
        };
        let shared = shared_terms(&ta, &tb, &[stem]);
        if shared < MIN_SHARED + 1 {
            continue;
        }
        // The negation must govern a predicate: "not the right candidate" negates a noun
        // phrase, "but not Japan" a name, and "not only" or "rather than" nothing at all.
        let text_a = context.text(negating.document);
        let text_b = context.text(asserting.document);
        let span = crate::text::fold(&text_a[negation.start..negation.end]);
        let cue_words: Vec<&str> = span.split_whitespace().collect();
        if cue_words
            .iter()
            .any(|w| matches!(*w, "the" | "a" | "an" | "any" | "to" | "only"))
        {
            continue;
        }
        let negated_word_start = negation.end
            - text_a[negation.start..negation.end]
                .split_whitespace()
                .last()
                .map_or(0, str::len);
        if text_a[negated_word_start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            continue;
        }
        let (negated_word, asserted_word) = (
            word_at(text_a, negated_word_start),
            word_at(text_b, *position),
        );
        if noun_like(&negated_word) != noun_like(&asserted_word) {
            continue;
        }
        let before = text_b[..*position].trim_end();
        let previous = before.rsplit(' ').next().map(crate::text::fold);
        if previous.as_deref().is_some_and(|w| {
            matches!(
                w,
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "my" | "our"
            )
        }) {
            continue;
        }
        if !same_voice(context, negating, negation.start, asserting, *position) {
            continue;
        }
        let Some(subject) = shared_subject(context, negating, negation.start, asserting, *position)
        else {
            continue;
        };
        let (start, end) = word_span(context.text(asserting.document), *position);
        let claims = vec![
            context.claim(
                negating,
                negation.start,
                negation.end,
                None,
                Some("denies".into()),
            ),
            context.claim(asserting, start, end, None, Some("asserts".into())),
        ];
        return Some(finding(context, claims, event_index, &subject, shared));
    }
    None
}

fn antonym(
    context: &Context<'_>,
    a: PassageRef,
    b: PassageRef,
    event_index: usize,
    lexicon: &crate::lexicon::Lexicon,
) -> Option<FindingDraft> {
    let fa = context.features(a);
    let fb = context.features(b);
    let (ta, tb) = (fa.term_set(), fb.term_set());
    for (position_a, stem_a) in &fa.terms {
        let Some(opposites) = lexicon.antonyms.get(stem_a) else {
            continue;
        };
        if tb.binary_search(&stem_a.as_str()).is_ok() {
            continue;
        }
        for opposite in opposites {
            if ta.binary_search(&opposite.as_str()).is_ok() {
                continue;
            }
            let Some((position_b, _)) = fb.terms.iter().find(|(_, t)| t == opposite) else {
                continue;
            };
            // A negated antonym agrees ("did not refuse" = "accepted").
            if fa.negated.iter().any(|n| &n.stem == stem_a)
                || fb.negated.iter().any(|n| &n.stem == opposite)
            {
                continue;
            }
            let shared = shared_terms(&ta, &tb, &[stem_a, opposite]);
            if shared < MIN_SHARED + 1 {
                continue;
            }
            if !same_voice(context, a, *position_a, b, *position_b) {
                continue;
            }
            let Some(subject) = shared_subject(context, a, *position_a, b, *position_b) else {
                continue;
            };
            let (sa, ea) = word_span(context.text(a.document), *position_a);
            let (sb, eb) = word_span(context.text(b.document), *position_b);
            let claims = vec![
                context.claim(a, sa, ea, None, None),
                context.claim(b, sb, eb, None, None),
            ];
            return Some(finding(context, claims, event_index, &subject, shared));
        }
    }
    None
}
