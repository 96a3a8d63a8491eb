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

/// When this share of a passage's names, numbers and uncommon words occurs somewhere in
/// another source (in any of its sentences), that source probably tells the same fact in
/// other words: the mark is uncertain.
const COVERED: f32 = 0.5;
/// The confidence of a mark whose passage another source covers, or that states nothing
/// checkable (no name, number, date or quote: commentary, a truism, a fragment).
const WEAK_CONFIDENCE: f32 = 0.5;

/// What a passage says that can be checked: its names, numbers with their counted thing,
/// and its uncommon words, each with a weight (uncommon words by how uncommon).
fn specific_items(context: &Context<'_>, at: PassageRef) -> Vec<(String, f32)> {
    let features = context.features(at);
    let text = context.text(at.document);
    let table = crate::extract::frequency::frequencies();
    let mut items: Vec<(String, f32)> = Vec::new();
    for entity in &features.entities {
        items.push((format!("e:{}", entity.get()), 1.0));
    }
    for quantity in &features.quantities {
        items.push((
            format!(
                "q:{}:{}",
                quantity.unit,
                crate::text::format_value(quantity.value)
            ),
            1.0,
        ));
    }
    for (offset, stem) in &features.terms {
        let word: String = text[*offset..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        let weight = crate::extract::frequency::specificity(table.word(&crate::text::fold(&word)));
        if weight >= 0.3 {
            items.push((format!("t:{stem}"), weight));
        }
    }
    items.sort_by(|a, b| a.0.cmp(&b.0));
    items.dedup_by(|a, b| a.0 == b.0);
    items
}

/// Every specific item of each document.
fn document_items(context: &Context<'_>) -> Vec<std::collections::HashSet<String>> {
    context
        .corpus
        .documents
        .iter()
        .enumerate()
        .map(|(d, document)| {
            document
                .passages
                .iter()
                .filter(|p| p.role != PassageRole::Boilerplate)
                .flat_map(|p| {
                    specific_items(
                        context,
                        PassageRef {
                            document: DocId(d),
                            passage: p.index,
                        },
                    )
                })
                .map(|(item, _)| item)
                .collect()
        })
        .collect()
}

/// The largest weighted share of a passage's specific items found in one other document,
/// with that document.
fn coverage(
    context: &Context<'_>,
    at: PassageRef,
    documents: &[std::collections::HashSet<String>],
) -> (f32, Option<DocId>) {
    let items = specific_items(context, at);
    let total: f32 = items.iter().map(|(_, w)| w).sum();
    if total <= 0.0 {
        return (0.0, None);
    }
    let mut best = (0.0, None);
    for (d, set) in documents.iter().enumerate() {
        if d == at.document.get() {
            continue;
        }
        let found: f32 = items
            .iter()
            .filter(|(item, _)| set.contains(item))
            .map(|(_, w)| w)
            .sum();
        if found / total > best.0 {
            best = (found / total, Some(DocId(d)));
        }
    }
    best
}

/// A run of one source's passages in one paragraph that joined no event: (paragraph,
/// passages, closest match elsewhere, most shared anchor strength).
type Run = (usize, Vec<PassageRef>, f32, f32);

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
    if context.corpus.documents.len() < 2 {
        return out;
    }
    let documents = document_items(context);
    let languages = &context.languages;
    for (d, document) in context.corpus.documents.iter().enumerate() {
        // Against sources in other languages only, words cannot show that a fact is told
        // elsewhere: every mark of this source stays uncertain.
        let alone_in_language = languages
            .iter()
            .enumerate()
            .all(|(other, language)| other == d || *language != languages[d]);
        let mut flush = |run: Option<Run>| {
            if let Some(run) = run {
                out.push(run_finding(context, &documents, run, alone_in_language));
            }
        };
        let mut current: Option<Run> = None;
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
                flush(Some((passage.paragraph, vec![at], closest, support)));
                continue;
            }
            match &mut current {
                Some((paragraph, list, worst, shared)) if *paragraph == passage.paragraph => {
                    list.push(at);
                    *worst = worst.max(closest);
                    *shared = shared.max(support);
                }
                _ => {
                    flush(current.take());
                    current = Some((passage.paragraph, vec![at], closest, support));
                }
            }
        }
        flush(current.take());
    }
    out
}

/// The one-source-only finding of a run: its claims, and a confidence and evidence from
/// how far it is from anything the other sources say.
fn run_finding(
    context: &Context<'_>,
    documents: &[std::collections::HashSet<String>],
    (_, passages, closest, support): Run,
    alone_in_language: bool,
) -> FindingDraft {
    // The run's coverage by the source that covers it best.
    let (mut covered, mut covered_by) = (0.0f32, None);
    let mut checkable = false;
    for &at in &passages {
        let (share, by) = coverage(context, at, documents);
        if share > covered {
            (covered, covered_by) = (share, by);
        }
        let f = context.features(at);
        let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
        // A quote counts where it opens; the end of one that opened paragraphs earlier
        // (read for quote findings only) does not make a passage a fact.
        checkable |= !f.entities.is_empty()
            || !f.quantities.is_empty()
            || !f.dates.is_empty()
            || f.quotes.iter().any(|q| q.start >= passage.start);
    }
    let claims: Vec<_> = passages
        .iter()
        .map(|&at| {
            let p = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
            context.claim(at, p.start, p.end, None, None)
        })
        .collect();
    let opening: String = claims[0]
        .text
        .split_whitespace()
        .take(10)
        .collect::<Vec<_>>()
        .join(" ");
    // The less like anything elsewhere, the surer. Judged on real news: one-source-only
    // marks hold when nothing in the other sources comes close (cosine at most 0.1); above
    // that, another outlet often tells the same fact in other words.
    let by_distance = (0.95 - 3.5 * closest).clamp(0.3, 0.95);
    let confidence = if alone_in_language || support >= SHARED_ANCHORS {
        SHARED_CONFIDENCE.min(by_distance)
    } else if covered >= COVERED || !checkable {
        WEAK_CONFIDENCE.min(by_distance)
    } else {
        by_distance
    };
    let covered_by = covered_by.filter(|_| covered >= COVERED);
    let evidence = if alone_in_language {
        "joined no event, but every other source is written in another language, so the same \
         fact in other words cannot be ruled out"
            .to_string()
    } else if let Some(other) = covered_by {
        format!(
            "joined no event, but {:.0}% of its names, numbers and rare words occur in {}, \
             which may tell it in other words",
            covered * 100.0,
            context.source_name(other)
        )
    } else if !checkable {
        "joined no event, but names no one and gives no number, date or quote: commentary or \
         background rather than a checkable fact"
            .to_string()
    } else if support >= SHARED_ANCHORS {
        format!(
            "joined no event, but shares names, numbers or rare words with a passage of \
             another source, which may tell the same fact in other words (closest match \
             {closest:.2})"
        )
    } else {
        format!(
            "no passage of another source shares its names, numbers or rare words (closest \
             match {closest:.2})"
        )
    };
    FindingDraft {
        kind: FindingKind::Unique,
        event: None,
        summary: format!(
            "Only {} reports: “{opening}…”",
            context.source_name(passages[0].document)
        ),
        claims,
        confidence,
        evidence: vec![evidence],
    }
}
