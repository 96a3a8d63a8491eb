//! Finding a saved review's finding in a new report, also when the finding changed.
//!
//! A review names its finding by kind and claim spans ([`super::FindingKey`]). A new version
//! of the engine (or an edited article) may report the same difference with another kind
//! (a number mismatch now read as quote wording), with one side more or less (a third source
//! joined), or with a wider or narrower span. Such a review is re-attached to the finding it
//! most plausibly meant, and says how ([`crate::model::Review::reattached`]), so the user can
//! check it. A review that matches nothing, or only a finding another review already holds, is
//! listed as an orphan with the reason; the session keeps it either way, so none is lost.
//!
//! What may change and still re-attach:
//! - the kind, within the differences (never a difference to an agreement or to a one-source
//!   item, or back: that would turn a confirmed dispute into a confirmed agreement);
//! - the sides: the new finding keeps at least two of the reviewed sides from two sources
//!   (a pair of spans), or one side when the review had one (a one-source item).

use crate::model::{Claim, DocId, Finding, FindingKind};

/// One reviewed claim span in the current text.
pub type Span = (DocId, usize, usize);

/// How a review found its finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub finding: usize,
    /// None when the finding is the one reviewed; else why it is taken for it.
    pub reattached: Option<String>,
}

/// The kinds a review of `kind` may move to.
fn compatible(kind: FindingKind, other: FindingKind) -> bool {
    let family = |k: FindingKind| match k {
        FindingKind::Agreement => 0,
        FindingKind::Unique => 1,
        _ => 2,
    };
    family(kind) == family(other)
}

fn overlaps(claim: &Claim, &(document, start, end): &Span) -> bool {
    claim.document == document && claim.start < end.max(start + 1) && start < claim.end
}

/// How well a finding matches the reviewed spans: (spans covered, sources covered, exact
/// spans, fewer other claims).
type Score = (usize, usize, usize, std::cmp::Reverse<usize>);

fn score(finding: &Finding, spans: &[Span]) -> Score {
    let mut covered = 0;
    let mut exact = 0;
    let mut sources: Vec<DocId> = Vec::new();
    for span in spans {
        if let Some(claim) = finding.claims.iter().find(|c| overlaps(c, span)) {
            covered += 1;
            exact += usize::from((claim.document, claim.start, claim.end) == *span);
            if !sources.contains(&span.0) {
                sources.push(span.0);
            }
        }
    }
    (
        covered,
        sources.len(),
        exact,
        std::cmp::Reverse(finding.claims.len()),
    )
}

/// The finding a review of `kind` on `spans` belongs to. `taken` says which findings other
/// reviews already hold; they are passed over for a re-attachment, never for the exact match.
pub fn find(
    findings: &[Finding],
    kind: FindingKind,
    spans: &[Span],
    taken: &[bool],
) -> Option<Match> {
    let mut exact: Option<(Score, usize)> = None;
    let mut moved: Option<(Score, usize)> = None;
    let review_sources = {
        let mut documents: Vec<DocId> = spans.iter().map(|s| s.0).collect();
        documents.sort();
        documents.dedup();
        documents.len()
    };
    for (index, finding) in findings.iter().enumerate() {
        if !compatible(kind, finding.kind) {
            continue;
        }
        let key = score(finding, spans);
        if finding.kind == kind && key.0 == spans.len() {
            if exact.as_ref().is_none_or(|(k, _)| key > *k) {
                exact = Some((key, index));
            }
            continue;
        }
        // A changed finding must keep a pair of sides from two sources, or the one side of
        // a one-source review.
        let enough = if review_sources >= 2 {
            key.1 >= 2
        } else {
            key.0 == spans.len()
        };
        if enough && !taken.get(index).copied().unwrap_or(false) {
            let key = (
                key.0,
                key.1,
                key.2 + usize::from(finding.kind == kind),
                key.3,
            );
            if moved.as_ref().is_none_or(|(k, _)| key > *k) {
                moved = Some((key, index));
            }
        }
    }
    if let Some((_, finding)) = exact {
        return Some(Match {
            finding,
            reattached: None,
        });
    }
    let (key, finding) = moved?;
    let new = &findings[finding];
    let mut changes = Vec::new();
    if new.kind != kind {
        changes.push(format!(
            "was a {} finding, now {}",
            kind.title().to_lowercase(),
            new.kind.title().to_lowercase()
        ));
    }
    if key.0 < spans.len() {
        changes.push(format!(
            "{} of the {} reviewed sides kept",
            key.0,
            spans.len()
        ));
    }
    if new.claims.len() > key.0 {
        changes.push(format!(
            "{} side(s) added",
            new.claims.len().saturating_sub(key.0)
        ));
    }
    if changes.is_empty() {
        changes.push("the marked spans changed".into());
    }
    Some(Match {
        finding,
        reattached: Some(format!("re-attached: {}", changes.join("; "))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(document: usize, start: usize, end: usize) -> serde_json::Value {
        serde_json::json!({"document": document, "passage": 0, "start": start, "end": end,
            "text": "", "value": null})
    }

    /// Findings read as a report would hold them (fields not given take their defaults).
    fn report(findings: Vec<(FindingKind, Vec<serde_json::Value>)>) -> Vec<Finding> {
        findings
            .into_iter()
            .enumerate()
            .map(|(index, (kind, claims))| {
                serde_json::from_value(serde_json::json!({"index": index, "kind": kind,
                    "event": null, "summary": "", "claims": claims}))
                .unwrap()
            })
            .collect()
    }

    #[test]
    fn the_same_finding_is_matched_without_a_note() {
        let r = report(vec![(
            FindingKind::NumberMismatch,
            vec![claim(0, 10, 20), claim(1, 5, 9)],
        )]);
        let spans = [(DocId(0), 10, 20), (DocId(1), 5, 9)];
        let found = find(&r, FindingKind::NumberMismatch, &spans, &[false]).unwrap();
        assert_eq!(found.finding, 0);
        assert_eq!(found.reattached, None);
    }

    #[test]
    fn a_kind_change_within_the_differences_reattaches_and_says_so() {
        let r = report(vec![(
            FindingKind::QuoteWording,
            vec![claim(0, 8, 22), claim(1, 5, 9)],
        )]);
        let spans = [(DocId(0), 10, 20), (DocId(1), 5, 9)];
        let found = find(&r, FindingKind::QuoteAttribution, &spans, &[false]).unwrap();
        assert_eq!(found.finding, 0);
        let note = found.reattached.unwrap();
        assert!(note.contains("now quote wording"), "{note}");
    }

    #[test]
    fn a_difference_never_moves_to_an_agreement_or_a_one_source_item() {
        let r = report(vec![
            (
                FindingKind::Agreement,
                vec![claim(0, 10, 20), claim(1, 5, 9)],
            ),
            (FindingKind::Unique, vec![claim(0, 10, 20)]),
        ]);
        let spans = [(DocId(0), 10, 20), (DocId(1), 5, 9)];
        assert_eq!(
            find(&r, FindingKind::NumberMismatch, &spans, &[false, false]),
            None
        );
    }

    #[test]
    fn a_finding_that_lost_a_third_side_keeps_the_review_of_the_pair() {
        let r = report(vec![(
            FindingKind::NumberMismatch,
            vec![claim(0, 10, 20), claim(2, 30, 40)],
        )]);
        let spans = [(DocId(0), 10, 20), (DocId(1), 5, 9), (DocId(2), 30, 40)];
        let found = find(&r, FindingKind::NumberMismatch, &spans, &[false]).unwrap();
        assert!(
            found
                .reattached
                .unwrap()
                .contains("2 of the 3 reviewed sides")
        );
    }

    #[test]
    fn one_side_left_is_not_the_reviewed_difference() {
        let r = report(vec![(
            FindingKind::NumberMismatch,
            vec![claim(0, 10, 20), claim(2, 30, 40)],
        )]);
        let spans = [(DocId(0), 10, 20), (DocId(1), 5, 9)];
        assert_eq!(
            find(&r, FindingKind::NumberMismatch, &spans, &[false]),
            None
        );
    }

    #[test]
    fn a_finding_another_review_holds_is_not_taken_again() {
        let r = report(vec![(
            FindingKind::Wording,
            vec![claim(0, 10, 20), claim(1, 5, 9)],
        )]);
        let spans = [(DocId(0), 10, 20), (DocId(1), 5, 9)];
        assert_eq!(find(&r, FindingKind::Contradiction, &spans, &[true]), None);
        // The exact match is never refused.
        assert!(find(&r, FindingKind::Wording, &spans, &[true]).is_some());
    }
}
