//! Golden outputs: the JSON report of `parallax compare --format json` on the bundled samples
//! (`assets/samples/*`) and on the article files of each fictional set (`tests/data/sets/*/`,
//! without its `gold.ron`), byte for byte against `tests/data/golden/<name>.json`. A refactor
//! must leave them unchanged. One more run, `all_together.json`, compares all of them at
//! once: only a comparison of six documents or more from distinct stories reaches the
//! document prior of alignment, which none of the single sets does.
//!
//! The report holds nothing machine-dependent when it is given relative paths: no time, no
//! duration, no version, and each document's `path` as written on the command line. So the
//! binary runs from the repository's root with paths relative to it (`assets/samples/…`) and
//! nothing is normalised.
//!
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites the files after an intended change.

use assert_cmd::Command;
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files of a folder, relative to the repository, sorted, without a set's `gold.ron`.
fn articles(folder: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(repo().join(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file() && path.file_name().is_some_and(|n| n != "gold.ron"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            format!("{folder}/{name}")
        })
        .collect();
    files.sort();
    files
}

/// The JSON report on `files` (relative to the repository), as the binary prints it.
fn json_report(files: &[String]) -> String {
    let run = Command::cargo_bin("parallax")
        .expect("binary is built")
        .current_dir(repo())
        .args(["compare", "--format", "json", "--no-text"])
        .args(files)
        .assert()
        .success();
    String::from_utf8(run.get_output().stdout.clone()).expect("UTF-8 report")
}

/// Compares `actual` with the golden file `name` of `tests/data/golden` (or rewrites it
/// under `UPDATE_GOLDEN`); returns a short message on a mismatch.
fn check(name: &str, actual: &str) -> Option<String> {
    let relative = format!("tests/data/golden/{name}.json");
    let golden = &repo().join(&relative);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(golden, actual).unwrap();
        return None;
    }
    let expected = match std::fs::read_to_string(golden) {
        Ok(text) => text,
        Err(e) => {
            return Some(format!("{relative}: {e} (UPDATE_GOLDEN=1 writes it)"));
        }
    };
    if expected == actual {
        return None;
    }
    let (mut old, mut new) = (expected.lines(), actual.lines());
    let mut line = 1;
    loop {
        match (old.next(), new.next()) {
            (Some(a), Some(b)) if a == b => line += 1,
            (a, b) => {
                return Some(format!(
                    "{relative} differs at line {line}:\n  golden: {}\n  now:    {}",
                    a.unwrap_or("(end of file)"),
                    b.unwrap_or("(end of file)")
                ));
            }
        }
    }
}

#[test]
fn reports_match_the_golden_files() {
    let mut runs = vec![("samples".to_string(), articles("assets/samples"))];
    let mut sets: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/data/sets"))
        .expect("sets folder")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    sets.sort();
    for set in sets {
        let name = set.file_name().unwrap().to_string_lossy().into_owned();
        let files = articles(&format!("tests/data/sets/{name}"));
        runs.push((name, files));
    }
    let everything: Vec<String> = runs.iter().flat_map(|(_, files)| files.clone()).collect();
    runs.push(("all_together".to_string(), everything));
    let failures: Vec<String> = runs
        .iter()
        .filter_map(|(name, files)| check(name, &json_report(files)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
