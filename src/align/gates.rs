//! The gates a candidate pair passes to be linked. Takes what a pair shares (anchors, quote
//! strength, cosine) and what tells two happenings apart (speakers, named weekdays, actors,
//! dates); says whether the pair reports one event: anchors enough (or a strong quote, or
//! two leads of one story), more of them when they are only names and words, the same
//! speaker when both name one, and no conflicting date or actor unless the anchors are much
//! stronger. Without the gates, reports on one topic from different days would join.

use crate::extract::{Corpus, PassageFeatures};
use crate::model::PassageRef;

/// Two passages join only when their shared anchors add up to this much ...
pub(super) const ANCHOR_SUM: f32 = 1.5;

/// Anchors that are only names and rare words (no number, date or shared wording) must add
/// up to this much.
pub(super) const SOFT_ANCHOR_SUM: f32 = 2.0;

/// ... over at least this many distinct anchors (a shared quote counts as one).
pub(super) const ANCHOR_COUNT: usize = 2;

/// Passages this alike (cosine of their weighted vectors) count their likeness as one
/// anchor.
pub(super) const ALIKE: f32 = 0.45;

/// A shared run of five words with content (two four-word runs) is enough on its own:
/// outlets repeat a statement's own words.
pub(super) const SHARED_RUN: f32 = 1.5;

/// How alike a headline and a lead must be to join on the story's cast alone.
pub(super) const LEAD_LIKENESS: f32 = 0.2;

/// The feature ids two raw feature lists share.
pub(super) fn shared_ids<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
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

/// The weekdays a passage names ("said on Friday", "Sunday's vote"), one bit each.
pub(super) fn weekdays(corpus: &Corpus, node: PassageRef) -> u8 {
    let document = &corpus.documents[node.document.get()];
    let passage = &document.passages[node.passage.get()];
    let mut mask = 0u8;
    for token in crate::text::tokens(&document.loaded.text[passage.start..passage.end]) {
        let word = token.text.trim_end_matches("'s").trim_end_matches("’s");
        if let Some(day) = crate::calendar::weekday_number(word) {
            mask |= 1 << day;
        }
    }
    mask
}

/// Whether two passages date their content differently (full dates, none compatible).
pub(super) fn dates_conflict(a: &PassageFeatures, b: &PassageFeatures) -> bool {
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
