//! `unique`: content that only one source reports.
//!
//! A body passage that joined no event, whose best match in any other document is weak,
//! and that says something (enough content words, or a number, date or name) is reported by
//! one source only. Headings and boilerplate (bylines, credits, "Related articles") were set
//! apart by segmentation and never count. One finding per paragraph.

use super::{Context, FindingDraft};
use crate::model::{DocId, FindingKind, PassageRef, PassageRole};

/// A passage whose best cross-document weight is below this has no counterpart.
const NO_COUNTERPART: f32 = 0.2;
/// Up to this best weight, a passage is still marked, alone and as uncertain.
const WEAK_COUNTERPART: f32 = 0.25;
/// A passage that shares this much anchor strength (a number, a name, a rare word) with a
/// passage of another source may report the same fact in other words: it is marked, but
/// as uncertain, below the default threshold.
const SHARED_ANCHORS: f32 = 1.2;
/// The confidence of a one-source-only mark whose passage shares anchors elsewhere.
const SHARED_CONFIDENCE: f32 = 0.45;

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
    if context.corpus.documents.len() < 2 {
        return out;
    }
    for (d, document) in context.corpus.documents.iter().enumerate() {
        // (paragraph, passages, closest match, most shared anchor strength)
        type Run = (usize, Vec<PassageRef>, f32, f32);
        let mut current: Option<Run> = None;
        let flush = |current: &mut Option<Run>, out: &mut Vec<FindingDraft>| {
            if let Some((_, passages, closest, support)) = current.take() {
                let claims: Vec<_> = passages
                    .iter()
                    .map(|&at| {
                        let p =
                            &context.corpus.documents[at.document.get()].passages[at.passage.get()];
                        context.claim(at, p.start, p.end, None, None)
                    })
                    .collect();
                let opening: String = claims[0]
                    .text
                    .split_whitespace()
                    .take(10)
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push(FindingDraft {
                    kind: FindingKind::Unique,
                    event: None,
                    summary: format!(
                        "Only {} reports: “{opening}…”",
                        context.source_name(passages[0].document)
                    ),
                    claims,
                    // The less like anything elsewhere, the surer.
                    // Judged on real news: one-source-only marks hold when nothing in the
                    // other sources comes close (cosine at most 0.1); above that, another
                    // outlet often tells the same fact in other words.
                    confidence: if support >= SHARED_ANCHORS {
                        SHARED_CONFIDENCE.min((0.95 - 3.5 * closest).clamp(0.3, 0.95))
                    } else {
                        (0.95 - 3.5 * closest).clamp(0.3, 0.95)
                    },
                    evidence: vec![if support >= SHARED_ANCHORS {
                        format!(
                            "joined no event, but shares names, numbers or rare words with a \
                             passage of another source, which may tell the same fact in other \
                             words (closest match {closest:.2})"
                        )
                    } else {
                        format!(
                            "no passage of another source shares its names, numbers or rare \
                             words (closest match {closest:.2})"
                        )
                    }],
                });
            }
        };
        for passage in &document.passages {
            let at = PassageRef {
                document: DocId(d),
                passage: passage.index,
            };
            let features = &document.features[passage.index.get()];
            let content = features.term_set().len() >= 5
                || (!features.quantities.is_empty() && features.term_set().len() >= 3);
            let closest = context.alignment.best_partner[d][passage.index.get()];
            let support = context.alignment.best_support[d][passage.index.get()];
            let alone = passage.role == PassageRole::Body
                && context.event_of[d][passage.index.get()].is_none()
                && closest < WEAK_COUNTERPART
                && content;
            if !alone {
                continue;
            }
            // A passage with a near counterpart is marked on its own, never merged into a
            // paragraph's surer mark.
            if closest >= NO_COUNTERPART {
                let mut single = Some((passage.paragraph, vec![at], closest, support));
                flush(&mut single, &mut out);
                continue;
            }
            match &mut current {
                Some((paragraph, list, worst, shared)) if *paragraph == passage.paragraph => {
                    list.push(at);
                    *worst = worst.max(closest);
                    *shared = shared.max(support);
                }
                _ => {
                    flush(&mut current, &mut out);
                    current = Some((passage.paragraph, vec![at], closest, support));
                }
            }
        }
        flush(&mut current, &mut out);
    }
    out
}
