//! Shared helpers for the integration tests: reading gold files and scoring a report.

#![allow(dead_code)] // Each test binary uses a different part of this module.

use parallax::model::{DocId, FindingKind, Report};
use parallax::{Input, Settings, progress::Progress};
use serde::Deserialize;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
pub struct GoldEvent {
    pub name: String,
    pub paragraphs: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
pub struct GoldFinding {
    pub kind: String,
    pub spans: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Gold {
    pub events: Vec<GoldEvent>,
    #[serde(default)]
    pub unique: Vec<(String, String)>,
    #[serde(default)]
    pub findings: Vec<GoldFinding>,
    #[serde(default)]
    pub forbidden: Vec<GoldFinding>,
}

/// Compares texts given in memory as `source_a.txt`, `source_b.txt`, … with the default
/// settings.
pub fn compare_texts(texts: &[&str]) -> Report {
    parallax::compare(
        &memory_inputs(texts),
        &Settings::default(),
        &Progress::new(),
    )
    .unwrap()
}

/// Texts given in memory as `source_a.txt`, `source_b.txt`, …
pub fn memory_inputs(texts: &[&str]) -> Vec<Input> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| Input::Memory {
            name: format!("source_{}.txt", (b'a' + i as u8) as char),
            bytes: text.as_bytes().to_vec(),
        })
        .collect()
}

/// The summaries of the findings of `kind` a user sees by default.
pub fn shown(report: &Report, kind: FindingKind) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.kind == kind && f.confidence >= parallax::settings::DEFAULT_MIN_CONFIDENCE)
        .map(|f| f.summary.clone())
        .collect()
}

/// Findings of `kind` a user sees by default, as (claim texts, confidence, evidence).
pub fn shown_with_evidence(
    report: &Report,
    kind: FindingKind,
) -> Vec<(Vec<String>, f32, Vec<String>)> {
    report
        .findings
        .iter()
        .filter(|f| f.kind == kind && f.confidence >= parallax::settings::DEFAULT_MIN_CONFIDENCE)
        .map(|f| {
            (
                f.claims.iter().map(|c| c.text.clone()).collect(),
                f.confidence,
                f.evidence.clone(),
            )
        })
        .collect()
}

/// Every finding of `kind`, shown or not, as "confidence summary" (for failure messages).
pub fn any_with_confidence(report: &Report, kind: FindingKind) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| format!("{:.2} {}", f.confidence, f.summary))
        .collect()
}

/// The evidence lines of the first finding of `kind` (panics, listing the findings of that
/// kind, when there is none).
pub fn evidence_of(report: &Report, kind: FindingKind) -> Vec<String> {
    report
        .findings
        .iter()
        .find(|f| f.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} finding: {:?}", any(report, kind)))
        .evidence
        .clone()
}

/// The summaries of every finding of `kind`, shown or not.
pub fn any(report: &Report, kind: FindingKind) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.summary.clone())
        .collect()
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn read_gold(path: &Path) -> Gold {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs the engine on every article of a folder.
pub fn compare_folder(folder: &Path) -> Report {
    let (files, errors) = parallax::load::expand_inputs(&[folder.to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    let inputs: Vec<Input> = files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e != "ron"))
        .map(Input::Path)
        .collect();
    parallax::compare(&inputs, &Settings::default(), &Progress::new()).expect("not cancelled")
}

fn document_by_file(report: &Report, file: &str) -> DocId {
    report
        .documents
        .iter()
        .find(|d| Path::new(&d.path).file_name().is_some_and(|n| n == file))
        .unwrap_or_else(|| panic!("no document {file}"))
        .index
}

/// The passages of the paragraph that contains `quote`.
pub fn paragraph_passages(report: &Report, file: &str, quote: &str) -> (DocId, Vec<usize>) {
    let document = document_by_file(report, file);
    let doc = &report.documents[document.get()];
    let offset = doc
        .text
        .find(quote)
        .unwrap_or_else(|| panic!("{file}: quote not found: {quote}"));
    let passage = doc
        .passages
        .iter()
        .find(|p| p.start <= offset && offset < p.end)
        .unwrap_or_else(|| panic!("{file}: quote outside passages: {quote}"));
    let passages = doc
        .passages
        .iter()
        .filter(|p| p.paragraph == passage.paragraph)
        .map(|p| p.index.get())
        .collect();
    (document, passages)
}

/// The scores of one labelled set.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    pub must_links: usize,
    pub must_links_found: usize,
    pub cannot_links: usize,
    pub false_links: usize,
    pub findings: usize,
    pub findings_found: usize,
    pub missed: Vec<String>,
    /// Must-link pairs not linked and cannot-link pairs linked, as "file: opening / file: opening".
    pub link_errors: Vec<String>,
    pub forbidden_hit: Vec<String>,
    pub unique: usize,
    pub unique_found: usize,
}

impl Scores {
    pub fn add(&mut self, other: &Scores) {
        self.must_links += other.must_links;
        self.must_links_found += other.must_links_found;
        self.cannot_links += other.cannot_links;
        self.false_links += other.false_links;
        self.findings += other.findings;
        self.findings_found += other.findings_found;
        self.unique += other.unique;
        self.unique_found += other.unique_found;
        self.missed.extend(other.missed.iter().cloned());
        self.link_errors.extend(other.link_errors.iter().cloned());
        self.forbidden_hit
            .extend(other.forbidden_hit.iter().cloned());
    }
    pub fn link_recall(&self) -> f64 {
        self.must_links_found as f64 / self.must_links.max(1) as f64
    }
    pub fn false_link_rate(&self) -> f64 {
        self.false_links as f64 / self.cannot_links.max(1) as f64
    }
    pub fn finding_recall(&self) -> f64 {
        self.findings_found as f64 / self.findings.max(1) as f64
    }
    pub fn unique_recall(&self) -> f64 {
        self.unique_found as f64 / self.unique.max(1) as f64
    }
}

fn claim_matches(claim_text: &str, span: &str) -> bool {
    let (c, s) = (claim_text.to_lowercase(), span.to_lowercase());
    !c.trim().is_empty() && (c.contains(&s) || s.contains(&c))
}

/// Whether one entity has a mention matching each span (exactly, ignoring case).
fn same_entity(report: &Report, spans: &[String]) -> bool {
    report.entities.iter().any(|entity| {
        spans.iter().all(|span| {
            entity
                .mentions
                .iter()
                .any(|m| m.text.to_lowercase() == span.to_lowercase())
        })
    })
}

fn finding_matches(report: &Report, expected: &GoldFinding) -> bool {
    if expected.kind == "same_entity" {
        return same_entity(report, &expected.spans);
    }
    let kind =
        FindingKind::parse(&expected.kind).unwrap_or_else(|| panic!("kind {}", expected.kind));
    report.findings.iter().filter(|f| f.kind == kind).any(|f| {
        expected
            .spans
            .iter()
            .all(|span| f.claims.iter().any(|c| claim_matches(&c.text, span)))
    })
}

/// Scores a report against its gold labels.
pub fn score(report: &Report, gold: &Gold) -> Scores {
    let event_of = report.event_of_passages();
    let events_of = |(doc, passages): &(DocId, Vec<usize>)| -> BTreeSet<usize> {
        passages
            .iter()
            .filter_map(|&p| event_of[doc.get()][p].map(|e| e.get()))
            .collect()
    };
    let mut scores = Scores::default();
    // Every labelled paragraph with its gold event.
    let mut labelled: Vec<(usize, (DocId, Vec<usize>), String)> = Vec::new();
    let name =
        |file: &str, quote: &str| format!("{file}: {}", quote.chars().take(40).collect::<String>());
    for (event_index, event) in gold.events.iter().enumerate() {
        for (file, quote) in &event.paragraphs {
            labelled.push((
                event_index,
                paragraph_passages(report, file, quote),
                name(file, quote),
            ));
        }
    }
    for (event_index, (file, quote)) in gold.unique.iter().enumerate() {
        labelled.push((
            gold.events.len() + event_index,
            paragraph_passages(report, file, quote),
            name(file, quote),
        ));
    }
    for (i, (gold_a, para_a, name_a)) in labelled.iter().enumerate() {
        for (gold_b, para_b, name_b) in &labelled[i + 1..] {
            if para_a.0 == para_b.0 {
                continue;
            }
            let linked = !events_of(para_a).is_disjoint(&events_of(para_b));
            if gold_a == gold_b {
                scores.must_links += 1;
                scores.must_links_found += usize::from(linked);
                if !linked {
                    scores
                        .link_errors
                        .push(format!("not linked: {name_a} / {name_b}"));
                }
            } else {
                scores.cannot_links += 1;
                scores.false_links += usize::from(linked);
                if linked {
                    scores
                        .link_errors
                        .push(format!("FALSE link: {name_a} / {name_b}"));
                }
            }
        }
    }
    for expected in &gold.findings {
        if expected.kind == "unique" {
            continue;
        }
        scores.findings += 1;
        if finding_matches(report, expected) {
            scores.findings_found += 1;
        } else {
            scores
                .missed
                .push(format!("{} {:?}", expected.kind, expected.spans));
        }
    }
    for forbidden in &gold.forbidden {
        if finding_matches(report, forbidden) {
            scores
                .forbidden_hit
                .push(format!("{} {:?}", forbidden.kind, forbidden.spans));
        }
    }
    let unique_passages: HashSet<(usize, usize)> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Unique)
        .flat_map(|f| f.claims.iter().map(|c| (c.document.get(), c.passage.get())))
        .collect();
    for (file, quote) in &gold.unique {
        scores.unique += 1;
        let (doc, passages) = paragraph_passages(report, file, quote);
        if passages
            .iter()
            .any(|&p| unique_passages.contains(&(doc.get(), p)))
        {
            scores.unique_found += 1;
        } else {
            scores.missed.push(format!("unique {file}: {quote}"));
        }
    }
    scores
}
