//! The engine on the five real seed articles in `../shared/seeds` (read at test time, never
//! copied into the repository). Skipped when that folder does not exist. Each assertion is a
//! discrepancy that a reader can verify in the articles themselves.

use parallax::model::{FindingKind, Report};
use parallax::{Input, Settings, progress::Progress};
use std::path::PathBuf;

fn seeds() -> Option<Report> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !folder.is_dir() {
        eprintln!("../shared/seeds not found; skipped");
        return None;
    }
    let (files, errors) = parallax::load::expand_inputs(&[folder]);
    assert!(errors.is_empty());
    assert_eq!(files.len(), 5);
    let inputs: Vec<Input> = files.into_iter().map(Input::Path).collect();
    Some(parallax::compare(&inputs, &Settings::default(), &Progress::new()).unwrap())
}

/// Whether some finding of `kind` has, for every group of alternatives, a claim whose text
/// contains one of them.
fn has_finding(report: &Report, kind: FindingKind, groups: &[&[&str]]) -> bool {
    report.findings.iter().filter(|f| f.kind == kind).any(|f| {
        groups.iter().all(|alternatives| {
            f.claims
                .iter()
                .any(|c| alternatives.iter().any(|a| c.text.contains(a)))
        })
    })
}

#[test]
fn seed_articles_show_their_verifiable_discrepancies() {
    let Some(report) = seeds() else {
        return;
    };
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    // The Barkhane troop count: 5,000 troops in one outlet, 5,100 French soldiers in another.
    assert!(has_finding(
        &report,
        FindingKind::NumberMismatch,
        &[&["5,000"], &["5,100"]]
    ));
    // The junta leader's name, written three ways.
    assert!(has_finding(
        &report,
        FindingKind::NameVariant,
        &[&["Goïta"], &["Goita"], &["Guetta"]]
    ));
    // The Russian foreign minister: Sergey and Sergei.
    assert!(has_finding(
        &report,
        FindingKind::NameVariant,
        &[&["Sergey"], &["Sergei"]]
    ));
    // The Malian protest group: Yerewolo and Yerewulu.
    assert!(has_finding(
        &report,
        FindingKind::NameVariant,
        &[&["Yerewolo"], &["Yerewulu"]]
    ));
    // Wagner's men: mercenaries in one account, a paramilitary group in another.
    assert!(has_finding(
        &report,
        FindingKind::Wording,
        &[
            &["mercenar"],
            &["paramilitary", "private", "military company"]
        ]
    ));
    // The three spellings are one entity, and Lavrov is one person.
    let goita = report
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|a| a.contains("Guetta")))
        .expect("an entity spelled Guetta");
    assert!(goita.aliases.iter().any(|a| a.contains("Goïta")));
    // Different people are not merged: Macron and Putin stay apart.
    assert!(!report.entities.iter().any(|e| {
        e.aliases.iter().any(|a| a.contains("Macron"))
            && e.aliases.iter().any(|a| a.contains("Putin"))
    }));
}

#[test]
fn seed_boilerplate_is_never_reported_as_unique() {
    let Some(report) = seeds() else {
        return;
    };
    for finding in report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Unique)
    {
        for claim in &finding.claims {
            let lower = claim.text.to_lowercase();
            assert!(!lower.starts_with("related articles"), "{}", claim.text);
            assert!(!lower.starts_with("credit:"), "{}", claim.text);
            assert!(!lower.contains("pic.twitter.com"), "{}", claim.text);
        }
    }
}
