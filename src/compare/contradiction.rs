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

/// A contradiction between the two claims: "A says … where B says …".
fn finding(
    context: &Context<'_>,
    claims: Vec<crate::model::Claim>,
    event_index: usize,
) -> FindingDraft {
    let summary = format!(
        "{} says “{}” where {} says “{}”",
        context.source_name(claims[0].document),
        claims[0].text,
        context.source_name(claims[1].document),
        claims[1].text
    );
    FindingDraft {
        kind: FindingKind::Contradiction,
        event: Some(EventId(event_index)),
        summary,
        claims,
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
        if shared_terms(&ta, &tb, &[stem]) < MIN_SHARED + 1 {
            continue;
        }
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
        return Some(finding(context, claims, event_index));
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
            if shared_terms(&ta, &tb, &[stem_a, opposite]) < MIN_SHARED + 1 {
                continue;
            }
            let (sa, ea) = word_span(context.text(a.document), *position_a);
            let (sb, eb) = word_span(context.text(b.document), *position_b);
            let claims = vec![
                context.claim(a, sa, ea, None, None),
                context.claim(b, sb, eb, None, None),
            ];
            return Some(finding(context, claims, event_index));
        }
    }
    None
}
