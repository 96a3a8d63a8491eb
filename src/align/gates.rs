//! The gates a candidate pair passes to be linked. Takes what a pair shares (anchors, quote
//! strength, cosine) and what tells two happenings apart (speakers, named weekdays, actors,
//! dates); says whether the pair reports one event: anchors enough (or a strong quote, or
//! two leads of one story), more of them when they are only names and words, the same
//! speaker when both name one, and no conflicting date or actor unless the anchors are much
//! stronger. Without the gates, reports on one topic from different days would join.

use super::Passages;
use super::anchors::{MIN_ANCHOR, STRONG_QUOTE};
use super::features::{FeatureKind, Vocabulary};
use super::features_of;
use super::pairs::PairScore;
use crate::extract::PassageFeatures;

/// Two passages join only when their shared anchors add up to this much ...
const ANCHOR_SUM: f32 = 1.5;

/// ... over at least this many distinct anchors (a shared quote counts as one).
const ANCHOR_COUNT: usize = 2;

/// Anchors that are only names and rare words (no number, date or shared wording) must add
/// up to this much.
const SOFT_ANCHOR_SUM: f32 = 2.0;

/// Passages this alike (cosine of their weighted vectors) count their likeness as one
/// anchor.
pub(super) const ALIKE: f32 = 0.45;

/// A shared run of five words with content (two four-word runs) is enough on its own:
/// outlets repeat a statement's own words.
pub(super) const SHARED_RUN: f32 = 1.5;

/// How alike a headline and a lead must be to join on the story's cast alone.
const LEAD_LIKENESS: f32 = 0.2;

/// The feature ids two raw feature lists share.
fn shared_ids<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let set: std::collections::BTreeSet<u32> = b.iter().copied().collect();
    let mut own: Vec<u32> = a.to_vec();
    own.sort_unstable();
    own.dedup();
    own.into_iter().filter(move |id| set.contains(id))
}

/// Whether shared anchors are event-level evidence: one strong quote, or at least two
/// specific anchors that add up.
pub(super) fn enough_anchors(shared: &[(u32, f32)], quote: f32) -> bool {
    if quote >= SHARED_RUN {
        return true;
    }
    let count = shared.len() + usize::from(quote > 0.0);
    let sum: f32 = shared.iter().map(|(_, s)| s).sum::<f32>() + quote;
    count >= ANCHOR_COUNT && sum >= ANCHOR_SUM
}

/// Whether two passages date their content differently (full dates, none compatible).
fn dates_conflict(a: &PassageFeatures, b: &PassageFeatures) -> bool {
    let is_day = |d: &&crate::extract::DateFeature| d.date.day.is_some() && d.date.month.is_some();
    let mut days_a = a.dates.iter().filter(is_day).peekable();
    if days_a.peek().is_none() || !b.dates.iter().any(|d| is_day(&d)) {
        return false;
    }
    !days_a.any(|x| {
        b.dates
            .iter()
            .filter(is_day)
            .any(|y| x.date.compatible(&y.date))
    })
}

/// Headlines and leads report a story's main event: between two of them that are alike
/// enough, two names or uncommon words of the story's cast are evidence enough.
pub(super) fn leads_of_one_story(passages: &Passages, a: usize, b: usize, cosine: f32) -> bool {
    let (signals, ids) = (&passages.signals, &passages.features.ids);
    signals.is_lead[a]
        && signals.is_lead[b]
        && cosine >= LEAD_LIKENESS
        && shared_ids(&ids[a], &ids[b])
            .filter(|&id| passages.weights.background_anchor[id as usize] >= MIN_ANCHOR)
            .count()
            >= 2
}

/// Whether a scored pair reports one event: it passes every gate. `debug` prints why a
/// pair with anchors enough is dropped.
pub(super) fn links_one_event(
    passages: &Passages,
    (a, b): (usize, usize),
    score: &PairScore,
    debug: bool,
) -> bool {
    let vocabulary = &passages.features.vocabulary;
    let likeness = score.story.max(score.alike);
    if !score.leads && !enough_anchors(&score.shared, score.quote + likeness) {
        return false;
    }
    // Names and rare words alone (no number, date or shared wording) are how a topic looks
    // as much as an event: they need more weight.
    if !score.leads
        && !hard_anchors(score, vocabulary)
        && likeness == 0.0
        && score.shared.iter().map(|(_, s)| s).sum::<f32>() < SOFT_ANCHOR_SUM
    {
        return false;
    }
    // Two statements by different speakers are two events, even when they answer each
    // other or say much the same ("the people deserve the facts"); only the same words in
    // quotation marks make them one (a quote given to two speakers).
    let (speakers_a, speakers_b) = (&passages.signals.speakers[a], &passages.signals.speakers[b]);
    if !speakers_a.is_empty()
        && !speakers_b.is_empty()
        && !speakers_a.iter().any(|s| speakers_b.contains(s))
        && score.quoted < STRONG_QUOTE
    {
        if debug {
            eprintln!("DROP speakers {a} {b}");
        }
        return false;
    }
    !conflicting(passages, (a, b), score, debug)
}

/// Whether shared anchors include a quote or wording, two names, or a date, number or
/// who-did-what.
fn hard_anchors(score: &PairScore, vocabulary: &Vocabulary) -> bool {
    let names = score
        .shared
        .iter()
        .filter(|(id, strength)| {
            vocabulary.names[*id as usize].0 == FeatureKind::Entity && *strength >= 0.5
        })
        .count();
    score.quote > 0.0
        || names >= 2
        || score.shared.iter().any(|(id, _)| {
            matches!(
                vocabulary.names[*id as usize].0,
                FeatureKind::Date | FeatureKind::Quantity | FeatureKind::Claim
            )
        })
}

/// A conflicting date keeps two passages apart even when they share a person: only a much
/// stronger set of anchors says it is one event dated differently. Named weekdays count as
/// dates: "Varga wrote on Sunday" and "Landau said on Friday" are two occasions.
fn conflicting(
    passages: &Passages,
    (a, b): (usize, usize),
    score: &PairScore,
    debug: bool,
) -> bool {
    let (weekdays, actions) = (&passages.signals.weekdays, &passages.signals.actions);
    let weekdays_conflict = weekdays[a] != 0 && weekdays[b] != 0 && weekdays[a] & weekdays[b] == 0;
    // The same action by different named actors ("Reid checked into rehab" /
    // "Lohan checked into rehab") is two happenings.
    let actors_conflict = actions[a].iter().any(|(pa, ea)| {
        let others: Vec<_> = actions[b]
            .iter()
            .filter(|(pb, _)| pb == pa)
            .map(|(_, eb)| eb)
            .collect();
        !others.is_empty() && !others.contains(&ea)
    });
    let (corpus, nodes) = (passages.corpus, &passages.nodes);
    if (weekdays_conflict
        || actors_conflict
        || dates_conflict(features_of(corpus, nodes[a]), features_of(corpus, nodes[b])))
        && (score.support < 2.0 * ANCHOR_SUM || score.shared.len() < 2 * ANCHOR_COUNT)
    {
        if debug {
            eprintln!(
                "DROP conflict {a} {b} weekdays {weekdays_conflict} actors {actors_conflict}"
            );
        }
        return true;
    }
    false
}

/// Facts in common: a quote word for word, or anchors enough with a number, a counted fact
/// or a who-did-what among them. A date is shared by every happening of its day, a counted
/// thing ("euros") by every figure of its kind.
pub(super) fn is_factual(score: &PairScore, vocabulary: &Vocabulary) -> bool {
    score.quoted >= STRONG_QUOTE
        || score.support >= ANCHOR_SUM
            && score.shared.iter().any(|(id, strength)| {
                let (kind, name) = &vocabulary.names[*id as usize];
                *strength >= 0.5
                    && (*kind == FeatureKind::Claim
                        || *kind == FeatureKind::Quantity && !name.ends_with(":*"))
            })
}
