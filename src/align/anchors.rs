//! Anchors two passages share. Takes the anchors of two passages (features specific enough
//! to tie two reports of one happening), their phrases and quotes; gives the anchors they
//! share with their strengths, a phrase or a roster of names counted once, and the strength
//! of a quote they share. Cosine says that two passages are alike; shared anchors say that
//! they report the same happening, which is what an event needs.

use super::Passages;
use super::features::{FeatureKind, fact_unit, near_figures};
use crate::extract::PassageFeatures;
use std::collections::BTreeSet;

/// Anchors weaker than this are not anchors at all.
pub(super) const MIN_ANCHOR: f32 = 0.35;

/// A shared quote this strong is enough on its own.
pub(super) const STRONG_QUOTE: f32 = 2.0;

/// The anchors two passages share, with their strengths.
fn shared_anchors(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The strength of the best quote two passages share: 2 for a shared quote of several
/// words, 1 for two or more shared uncommon words inside quotes, else 0.
pub(super) fn quote_anchor(a: &PassageFeatures, b: &PassageFeatures) -> f32 {
    let table = crate::extract::frequency::frequencies();
    let mut best: f32 = 0.0;
    for x in &a.quotes {
        for y in &b.quotes {
            let (xs, ys) = (quote_words(&x.words), quote_words(&y.words));
            let shared: Vec<&str> = xs.intersection(&ys).copied().collect();
            let uncommon = shared
                .iter()
                .filter(|w| crate::extract::frequency::specificity(table.word(w)) > 0.3)
                .count();
            let smaller = xs.len().min(ys.len()).max(1);
            // A long quote given word for word is one quote however plain its words ("no
            // one who has lost a home will be left to face this alone").
            let verbatim = shared.len() >= VERBATIM_WORDS && shared.len() * 10 >= smaller * 9;
            let strength = if verbatim
                || shared.len() >= 5 && shared.len() * 10 >= smaller * 6 && uncommon >= 2
            {
                STRONG_QUOTE
            } else if uncommon >= 2 {
                1.0
            } else {
                0.0
            };
            best = best.max(strength);
        }
    }
    best
}

/// The distinct words of a quote of three letters or more.
fn quote_words(words: &[String]) -> BTreeSet<&str> {
    words
        .iter()
        .map(String::as_str)
        .filter(|w| w.chars().count() >= 3)
        .collect()
}

/// Distinct words (of three letters or more) that two quotes share, nine in ten of the
/// shorter one's, to be one quote whatever the words.
const VERBATIM_WORDS: usize = 8;

/// Pairs of adjacent content words of a passage, as feature ids (smaller first).
pub(super) type Phrases = std::collections::HashSet<(u32, u32)>;

/// Shared anchors with each phrase that both passages share counted once: of two adjacent
/// words found adjacent in both, the weaker is dropped.
fn one_per_phrase(mut shared: Vec<(u32, f32)>, (a, b): (&Phrases, &Phrases)) -> Vec<(u32, f32)> {
    let mut dropped: Vec<u32> = Vec::new();
    for (i, &(x, sx)) in shared.iter().enumerate() {
        for &(y, sy) in &shared[i + 1..] {
            let key = (x.min(y), x.max(y));
            if a.contains(&key) && b.contains(&key) {
                dropped.push(if sx < sy { x } else { y });
            }
        }
    }
    shared.retain(|(id, _)| !dropped.contains(id));
    shared
}

/// Keeps the strongest of the shared anchors that `person` marks and drops the others.
fn one_person(shared: &mut Vec<(u32, f32)>, person: impl Fn(u32) -> bool) {
    let best = shared
        .iter()
        .filter(|(id, _)| person(*id))
        .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
        .map(|(id, _)| *id);
    shared.retain(|(id, _)| !person(*id) || Some(*id) == best);
}

/// The anchors nodes `a` and `b` share, each fact once: a phrase counts once, a counted
/// fact only with near figures and then not again as a bare count, and the people of a
/// roster as one.
pub(super) fn pair_anchors(passages: &Passages, a: usize, b: usize) -> Vec<(u32, f32)> {
    let (signals, facts) = (&passages.signals, &passages.features.facts);
    let vocabulary = &passages.features.vocabulary;
    let mut shared = one_per_phrase(
        shared_anchors(&signals.anchors[a], &signals.anchors[b]),
        (&signals.phrases[a], &signals.phrases[b]),
    );
    // A counted fact is one fact only when the figures are near each other ("340" /
    // "430 homes flooded"); "spent 4 seasons" and "spent 19 seasons" are two.
    shared.retain(|(id, _)| near_figures(*id, &facts[a], &facts[b]));
    // A shared counted fact is one anchor with its count: "340 homes" and "430
    // houses" do not count again as a count of homes. Its verb, when uncommon,
    // stays an anchor of its own.
    let counted: Vec<&str> = shared
        .iter()
        .filter_map(|(id, _)| {
            let (kind, name) = &vocabulary.names[*id as usize];
            (*kind == FeatureKind::Quantity)
                .then(|| name.split_once(":*>").map(|(unit, _)| unit))
                .flatten()
        })
        .collect();
    if !counted.is_empty() {
        shared.retain(|(id, _)| {
            let (kind, name) = &vocabulary.names[*id as usize];
            *kind != FeatureKind::Quantity
                || !name
                    .strip_suffix(":*")
                    .is_some_and(|unit| counted.contains(&fact_unit(unit)))
        });
    }
    // The people a roster names are one anchor between them: "Carson, Cruz, Paul and
    // Rubio" in two passages says they are about the same field of candidates, not
    // about the same happening.
    if signals.roster[a] || signals.roster[b] {
        let corpus = passages.corpus;
        one_person(&mut shared, |id| {
            let (kind, name) = &vocabulary.names[id as usize];
            *kind == FeatureKind::Entity
                && name.parse::<usize>().is_ok_and(|e| {
                    corpus
                        .entities
                        .get(e)
                        .is_some_and(|entity| entity.kind == crate::model::EntityKind::Person)
                })
        });
    }
    shared
}
