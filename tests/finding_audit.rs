//! Precision of findings on real news, from our own audit.
//!
//! `tests/data/finding_audit.tsv` holds verdicts we wrote by reading the articles: for each
//! finding of the engine on the seeds (`../shared/seeds`) and on 12 BASIL stories
//! (`../shared/realnews-dev/basil`), its set, kind, claims (`file:start-end`), whether it is
//! true, the confidence it had, and a few words of reason. Nothing of the articles is
//! copied. This test runs the engine again, keeps the findings a user sees by default (at or
//! above [`parallax::settings::DEFAULT_MIN_CONFIDENCE`]), and measures precision per kind on
//! those that have a verdict. Findings without a verdict are listed so that the audit can be
//! extended. Skipped without `../shared`.

use parallax::model::{FindingKind, Report};
use parallax::{Input, Settings, progress::Progress};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn inputs_of(set: &str) -> Vec<PathBuf> {
    let folder = if set == "seeds" {
        shared().join("seeds")
    } else {
        shared().join("realnews-dev/basil").join(set)
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// "fox.txt:12-30 nyt.txt:40-52": a finding's claims as the audit names them.
fn claims_key(report: &Report, finding: &parallax::model::Finding) -> String {
    finding
        .claims
        .iter()
        .map(|c| {
            let path = &report.documents[c.document.get()].path;
            let name = std::path::Path::new(path)
                .file_name()
                .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
            format!("{name}:{}-{}", c.start, c.end)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn audited_findings_are_precise_enough() {
    let audit_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/finding_audit.tsv");
    let text = std::fs::read_to_string(&audit_path).unwrap();
    // (set, kind, claims) -> verdict
    let mut verdicts: HashMap<(String, String, String), bool> = HashMap::new();
    let mut sets: Vec<String> = Vec::new();
    for (n, row) in text.lines().enumerate() {
        if row.trim().is_empty() || row.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = row.split('\t').collect();
        assert!(fields.len() >= 6, "line {}: six fields", n + 1);
        assert!(
            FindingKind::parse(fields[1]).is_some(),
            "line {}: kind {}",
            n + 1,
            fields[1]
        );
        let verdict = match fields[3] {
            "true" => true,
            "false" => false,
            other => panic!("line {}: verdict {other}", n + 1),
        };
        assert!(
            fields[5].split_whitespace().count() <= 12,
            "line {}: a reason of a few words",
            n + 1
        );
        verdicts.insert(
            (fields[0].into(), fields[1].into(), fields[2].into()),
            verdict,
        );
        if !sets.contains(&fields[0].to_string()) {
            sets.push(fields[0].to_string());
        }
    }
    assert!(sets.len() >= 13, "the seeds and at least 12 BASIL stories");
    if !shared().join("realnews-dev/basil").is_dir() || !shared().join("seeds").is_dir() {
        eprintln!("../shared not found; scoring skipped");
        return;
    }
    // kind -> (true, judged, shown without verdict)
    let mut tally: BTreeMap<&'static str, (usize, usize, usize)> = BTreeMap::new();
    for set in &sets {
        let inputs: Vec<Input> = inputs_of(set).into_iter().map(Input::Path).collect();
        let mut report =
            parallax::compare(&inputs, &Settings::default(), &Progress::new()).unwrap();
        parallax::report::retain_confident(&mut report, parallax::settings::DEFAULT_MIN_CONFIDENCE);
        for finding in &report.findings {
            if finding.kind == FindingKind::Agreement {
                continue;
            }
            let key = (
                set.clone(),
                finding.kind.as_str().to_string(),
                claims_key(&report, finding),
            );
            let entry = tally.entry(finding.kind.as_str()).or_default();
            match verdicts.get(&key) {
                Some(&verdict) => {
                    entry.0 += usize::from(verdict);
                    entry.1 += 1;
                }
                None => {
                    entry.2 += 1;
                    if finding.kind != FindingKind::Unique
                        || std::env::var_os("PARALLAX_LIST_UNIQUE").is_some()
                    {
                        eprintln!(
                            "no verdict yet: {set}\t{}\t{}\t({:.2}) {}",
                            key.1, key.2, finding.confidence, finding.summary
                        );
                    }
                }
            }
        }
    }
    let (mut right, mut judged) = (0, 0);
    let (mut right_d, mut judged_d) = (0, 0);
    for (kind, (t, n, unjudged)) in &tally {
        eprintln!(
            "{kind:18} precision {t}/{n} ({:.2}), {unjudged} shown without a verdict",
            *t as f64 / (*n).max(1) as f64
        );
        right += t;
        judged += n;
        if *kind != "unique" {
            right_d += t;
            judged_d += n;
        }
    }
    let precision = right as f64 / judged.max(1) as f64;
    let discrepancy = right_d as f64 / judged_d.max(1) as f64;
    eprintln!(
        "audit: shown findings precision {precision:.2} ({right}/{judged}); discrepancy kinds {discrepancy:.2} ({right_d}/{judged_d})"
    );
    // Calibration per kind: the default threshold holds for each kind judged often enough
    // to tell (quote wording, name variants, one-source-only marks today).
    for (kind, (t, n, _)) in &tally {
        if *n >= KIND_JUDGED {
            let p = *t as f64 / *n as f64;
            assert!(
                p >= KIND_FLOOR,
                "{kind}: precision {p:.2} ({t}/{n}) at the default threshold"
            );
        }
    }
    assert!(judged >= 20, "too few judged findings shown: {judged}");
    assert!(precision >= PRECISION_FLOOR, "precision {precision:.2}");
    assert!(
        discrepancy >= DISCREPANCY_FLOOR,
        "discrepancy precision {discrepancy:.2}"
    );
}

/// Floors a little under what the engine reaches on the day (docs/quality.md).
/// Measured on 2026-11-30: shown findings 0.85 (39/46), discrepancy kinds 0.83 (5/6). The
/// audit first judged the first four one-source-only marks of each report (0.90 then); 40
/// more drawn at random brought the honest figure for those marks down to 0.73, and marks
/// that another source covers in other words, or that state nothing checkable, are now
/// uncertain (0.85 on the judged ones still shown).
/// 2026-12-07 (session 11): shown findings 0.90 (62/69), discrepancy kinds 0.93 (28/30).
const PRECISION_FLOOR: f64 = 0.80;
const DISCREPANCY_FLOOR: f64 = 0.85;
/// A kind with at least this many judged findings shown must reach [`KIND_FLOOR`].
const KIND_JUDGED: usize = 10;
const KIND_FLOOR: f64 = 0.80;
