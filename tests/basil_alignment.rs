//! Alignment on real news: our own sentence-pair labels for BASIL stories.
//!
//! BASIL (`../shared/realnews-dev/basil/`, Fox News, The New York Times and HuffPost on one
//! story, one sentence per line) has no alignment gold, so we read the stories and labelled
//! cross-outlet sentence pairs ourselves, in `tests/data/basil_alignment/<story>.tsv`:
//! `fox:3  nyt:5  same|part|not  a few words`. `same` pairs report the same happening or
//! stated fact and were labelled exhaustively; `part` pairs overlap (a link is acceptable);
//! `not` pairs are tempting pairs of different events. The articles are read from `../shared`
//! at test time (never copied); without that folder the test is skipped.
//!
//! Recall: the share of `same` pairs whose sentences share an event. Precision: the share of
//! linked cross-outlet sentence pairs that are labelled `same` or `part`; an unlabelled link
//! counts as false.

use parallax::model::Report;
use parallax::{Input, Settings, progress::Progress};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const OUTLETS: [&str; 3] = ["fox", "hpo", "nyt"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Label {
    Same,
    Part,
    Not,
}

type Line = (usize, usize); // (outlet position in OUTLETS, line)
type Labels = BTreeMap<(Line, Line), Label>;

fn parse_side(side: &str) -> Option<Line> {
    let (outlet, line) = side.split_once(':')?;
    Some((
        OUTLETS.iter().position(|o| *o == outlet)?,
        line.trim().parse().ok()?,
    ))
}

fn read_labels(path: &Path) -> BTreeMap<(Line, Line), Label> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut labels = BTreeMap::new();
    for (n, row) in text.lines().enumerate() {
        if row.trim().is_empty() || row.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = row.split('\t').collect();
        let where_ = || format!("{}:{}", path.display(), n + 1);
        assert!(fields.len() >= 3, "{}: too few fields", where_());
        let a = parse_side(fields[0]).unwrap_or_else(|| panic!("{}: bad side", where_()));
        let b = parse_side(fields[1]).unwrap_or_else(|| panic!("{}: bad side", where_()));
        assert_ne!(a.0, b.0, "{}: both sides in one outlet", where_());
        let label = match fields[2].trim() {
            "same" => Label::Same,
            "part" => Label::Part,
            "not" => Label::Not,
            other => panic!("{}: unknown label {other}", where_()),
        };
        labels.insert((a.min(b), a.max(b)), label);
    }
    labels
}

/// The cross-outlet line pairs that share an event in the report.
fn linked_lines(report: &Report, texts: &[String]) -> BTreeSet<(Line, Line)> {
    // Line of each passage (by its start byte).
    let mut line_of: Vec<Vec<usize>> = Vec::new();
    for (d, document) in report.documents.iter().enumerate() {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(texts[d].match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        line_of.push(
            document
                .passages
                .iter()
                .map(|p| starts.partition_point(|&s| s <= p.start) - 1)
                .collect(),
        );
    }
    let mut linked = BTreeSet::new();
    for event in &report.events {
        let lines: BTreeSet<Line> = event
            .passages
            .iter()
            .map(|at| {
                (
                    at.document.get(),
                    line_of[at.document.get()][at.passage.get()],
                )
            })
            .collect();
        for &a in &lines {
            for &b in &lines {
                if a.0 < b.0 {
                    linked.insert((a, b));
                }
            }
        }
    }
    linked
}

#[derive(Default)]
struct Tally {
    same: usize,
    same_linked: usize,
    linked: usize,
    linked_ok: usize,
    not_linked: usize,
    not: usize,
}

fn score_story(folder: &Path, labels: &BTreeMap<(Line, Line), Label>) -> Tally {
    let paths: Vec<PathBuf> = OUTLETS
        .iter()
        .map(|o| folder.join(format!("{o}.txt")))
        .collect();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let inputs: Vec<Input> = paths.into_iter().map(Input::Path).collect();
    let report = parallax::compare(&inputs, &Settings::default(), &Progress::new()).unwrap();
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let linked = linked_lines(&report, &texts);
    let mut tally = Tally::default();
    for (pair, label) in labels {
        match label {
            Label::Same => {
                tally.same += 1;
                tally.same_linked += linked.contains(pair) as usize;
            }
            Label::Not => {
                tally.not += 1;
                tally.not_linked += linked.contains(pair) as usize;
            }
            Label::Part => {}
        }
    }
    for pair in &linked {
        tally.linked += 1;
        if matches!(labels.get(pair), Some(Label::Same | Label::Part)) {
            tally.linked_ok += 1;
        } else if std::env::var_os("PARALLAX_SHOW_FALSE").is_some() {
            eprintln!(
                "  false link {} {}:{} ~ {}:{} ({:?})",
                folder.file_name().unwrap_or_default().to_string_lossy(),
                OUTLETS[pair.0.0],
                pair.0.1,
                OUTLETS[pair.1.0],
                pair.1.1,
                labels.get(pair)
            );
        }
    }
    tally
}

#[test]
fn basil_alignment_labels_are_well_formed_and_linked() {
    let labels_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/basil_alignment");
    let cases = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/realnews-dev/basil");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&labels_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "at least 12 labelled stories");
    let mut labelled: Vec<(PathBuf, Labels)> = Vec::new();
    for file in &files {
        let labels = read_labels(file);
        assert!(
            labels.values().any(|l| *l == Label::Same),
            "{}: no same pairs",
            file.display()
        );
        labelled.push((file.clone(), labels));
    }
    if !cases.is_dir() {
        eprintln!("../shared/realnews-dev/basil not found; scoring skipped");
        return;
    }
    let mut total = Tally::default();
    for (file, labels) in &labelled {
        let story = file.file_stem().unwrap().to_string_lossy().into_owned();
        if std::env::var("PARALLAX_STORY").is_ok_and(|s| !story.starts_with(&s)) {
            continue;
        }
        let tally = score_story(&cases.join(&story), labels);
        eprintln!(
            "{story}: recall {}/{} precision {}/{} tempting linked {}/{}",
            tally.same_linked,
            tally.same,
            tally.linked_ok,
            tally.linked,
            tally.not_linked,
            tally.not
        );
        total.same += tally.same;
        total.same_linked += tally.same_linked;
        total.linked += tally.linked;
        total.linked_ok += tally.linked_ok;
        total.not += tally.not;
        total.not_linked += tally.not_linked;
    }
    let recall = total.same_linked as f64 / total.same.max(1) as f64;
    let precision = total.linked_ok as f64 / total.linked.max(1) as f64;
    eprintln!(
        "basil alignment: recall {recall:.3} ({}/{}) precision {precision:.3} ({}/{}) tempting linked {}/{}",
        total.same_linked, total.same, total.linked_ok, total.linked, total.not_linked, total.not
    );
    if std::env::var_os("PARALLAX_STORY").is_none() {
        assert!(precision >= PRECISION_FLOOR, "precision {precision:.3}");
        assert!(recall >= RECALL_FLOOR, "recall {recall:.3}");
    }
}

/// Thresholds: set a little under the figures measured on the day (docs/quality.md).
/// Measured on 2026-11-30: recall 0.297 (135/455), precision 0.749 (200/267), after the
/// pairs the engine linked without a label were judged (14 part, 62 not).
const PRECISION_FLOOR: f64 = 0.72;
const RECALL_FLOOR: f64 = 0.28;
