//! Quality on the labelled fictional sets (`tests/data/sets/*` and the samples): must-link
//! recall, false links between paragraphs of different events, planted findings found, and
//! forbidden near misses. The thresholds sit a little below what the engine reaches today,
//! so that a regression fails.

mod common;

use common::{Scores, compare_folder, read_gold, repo, score};

fn evaluate(name: &str, folder: &std::path::Path, gold: &std::path::Path) -> Scores {
    let report = compare_folder(folder);
    let scores = score(&report, &read_gold(gold));
    println!(
        "{name:<12} links {:>3}/{:<3} ({:.2})  false {:>3}/{:<4} ({:.3})  findings {:>2}/{:<2} ({:.2})  unique {:>2}/{:<2}  forbidden hit {}",
        scores.must_links_found,
        scores.must_links,
        scores.link_recall(),
        scores.false_links,
        scores.cannot_links,
        scores.false_link_rate(),
        scores.findings_found,
        scores.findings,
        scores.finding_recall(),
        scores.unique_found,
        scores.unique,
        scores.forbidden_hit.len()
    );
    for missed in &scores.missed {
        println!("    missed: {missed}");
    }
    if std::env::var_os("PARALLAX_SHOW_LINKS").is_some() {
        for error in &scores.link_errors {
            println!("    {error}");
        }
    }
    for hit in &scores.forbidden_hit {
        println!("    FORBIDDEN: {hit}");
    }
    scores
}

#[test]
fn labelled_sets_meet_quality_thresholds() {
    let mut total = Scores::default();
    let samples = evaluate(
        "samples",
        &repo().join("assets/samples"),
        &repo().join("tests/data/samples.gold.ron"),
    );
    total.add(&samples);
    let mut sets: Vec<_> = std::fs::read_dir(repo().join("tests/data/sets"))
        .expect("sets folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    sets.sort();
    assert!(sets.len() >= 3, "at least three labelled sets");
    for set in &sets {
        let name = set.file_name().unwrap().to_string_lossy().into_owned();
        total.add(&evaluate(&name, set, &set.join("gold.ron")));
    }
    println!(
        "TOTAL        link recall {:.3}  false-link rate {:.3}  finding recall {:.3}  unique recall {:.3}  forbidden {}",
        total.link_recall(),
        total.false_link_rate(),
        total.finding_recall(),
        total.unique_recall(),
        total.forbidden_hit.len()
    );
    // The planted discrepancies of the bundled samples are found, and no near miss is
    // flagged. One is not: "at least 12" and "14 people died" are figures an approximation
    // allows, which say neither that the sources agree nor that they differ (a reader of our
    // real-news audit judged such "mismatches" false).
    assert!(
        samples.findings_found + 1 >= samples.findings,
        "samples missed: {:?}",
        samples.missed
    );
    assert!(
        total.forbidden_hit.is_empty(),
        "near misses flagged: {:?}",
        total.forbidden_hit
    );
    // Measured on 2026-12-01 (see docs/quality.md): link recall 0.804, false-link rate 0.010,
    // finding recall 0.784, unique recall 0.903. Link recall is back above its first
    // threshold (0.80, from 0.836 before events needed event-level evidence): a long sentence
    // with a fact in common with one partner (a counted fact, a number, a quote word for
    // word) joins that partner's event, and vague counts ("hundreds of homes") anchor
    // figures in their range.
    // Finding recall and unique recall are above their first thresholds (0.76, 0.90), scored
    // on every finding, including the uncertain ones the viewer shows on request.
    assert!(
        total.link_recall() >= 0.80,
        "must-link recall {:.3}",
        total.link_recall()
    );
    assert!(
        total.false_link_rate() <= 0.015,
        "false links {:.3}",
        total.false_link_rate()
    );
    assert!(
        total.finding_recall() >= 0.76,
        "finding recall {:.3}",
        total.finding_recall()
    );
    assert!(
        total.unique_recall() >= 0.90,
        "unique recall {:.3}",
        total.unique_recall()
    );
}
