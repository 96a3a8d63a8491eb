//! The command line on the bundled samples and on every kind of bad input.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn parallax() -> Command {
    Command::cargo_bin("parallax").expect("binary is built")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("assets/samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn good_article(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    std::fs::write(
        &path,
        "The river rose two metres overnight and 300 people left their homes in Ostrava.\n\
         The mayor, Jana Novak, said the dykes would hold until Friday.\n",
    )
    .unwrap();
    path
}

fn json_report(args: &[&Path]) -> Value {
    let output = parallax()
        .arg("compare")
        .arg("--format")
        .arg("json")
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

#[test]
fn samples_give_a_report_of_the_documented_shape() {
    let files = samples();
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let report = json_report(&paths);
    assert_eq!(report["schema"], "parallax.report/1");
    for key in ["documents", "failures", "entities", "events", "findings"] {
        assert!(report[key].is_array(), "missing {key}");
    }
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), files.len());
    for (index, document) in documents.iter().enumerate() {
        assert_eq!(document["index"], index);
        for key in ["path", "title", "date", "author", "outlet", "passages"] {
            assert!(document.get(key).is_some(), "document lacks {key}");
        }
        let passage = &document["passages"][0];
        for key in ["index", "start", "end", "paragraph"] {
            assert!(passage[key].is_u64(), "passage lacks {key}");
        }
    }
    let entity = &report["entities"][0];
    assert!(entity["name"].is_string());
    assert!(
        ["person", "place", "organisation", "other"].contains(&entity["kind"].as_str().unwrap())
    );
    assert!(entity["mentions"][0]["document"].is_u64());
    let event = &report["events"][0];
    assert!(event["label"].is_string());
    assert!(event["passages"][0]["document"].is_u64());
    assert!(event["passages"][0]["passage"].is_u64());
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for finding in findings {
        for key in ["index", "kind", "event", "summary", "claims"] {
            assert!(finding.get(key).is_some(), "finding lacks {key}");
        }
    }
}

#[test]
fn claim_offsets_point_at_their_text() {
    // For plain text and Markdown the document text is the file itself, so every claim's
    // byte range must cut exactly its quoted text out of the file.
    let files = samples();
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let report = json_report(&paths);
    let mut checked = 0;
    for finding in report["findings"].as_array().unwrap() {
        for claim in finding["claims"].as_array().unwrap() {
            let document = &report["documents"][claim["document"].as_u64().unwrap() as usize];
            let path = document["path"].as_str().unwrap();
            if path.ends_with(".html") {
                continue;
            }
            let bytes = std::fs::read(path).unwrap();
            let (start, end) = (
                claim["start"].as_u64().unwrap() as usize,
                claim["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&bytes[start..end]).unwrap(),
                claim["text"].as_str().unwrap()
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} claims checked");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let files = samples();
    let run = |threads: &str| {
        parallax()
            .env("RAYON_NUM_THREADS", threads)
            .arg("compare")
            .arg("--format")
            .arg("json")
            .args(&files)
            .output()
            .unwrap()
            .stdout
    };
    let first = run("2");
    assert!(!first.is_empty());
    assert_eq!(first, run("2"));
    assert_eq!(first, run("1"));
}

#[test]
fn markdown_is_the_default_and_output_files_are_written() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("report.md");
    parallax()
        .arg("compare")
        .args(["--min-confidence", "0"])
        .arg("-o")
        .arg(&output)
        .args(samples())
        .assert()
        .success();
    let text = std::fs::read_to_string(&output).unwrap();
    assert!(text.starts_with("# Parallax comparison"));
    assert!(text.contains("## Events"));
    assert!(text.contains("Number mismatch"));
}

/// Issue 11: `--format csv -o newdir/` failed with "Not a directory" when the folder did
/// not exist yet.
#[test]
fn csv_to_a_folder_that_does_not_exist_yet_makes_it() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("newdir");
    let mut argument = output.clone().into_os_string();
    argument.push("/");
    parallax()
        .arg("compare")
        .args(["--format", "csv", "-o"])
        .arg(&argument)
        .args(samples())
        .assert()
        .success();
    assert!(output.join("findings.csv").is_file());
    assert!(output.join("coverage.csv").is_file());
}

#[test]
fn a_folder_stands_for_its_articles() {
    let report = json_report(&[&repo().join("assets/samples")]);
    assert_eq!(
        report["documents"].as_array().unwrap().len(),
        samples().len()
    );
}

#[test]
fn help_has_examples() {
    let output = parallax().arg("--help").output().unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("Examples"));
    let output = parallax().args(["compare", "--help"]).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("--format") && text.contains("Exit codes"));
}

#[test]
fn usage_errors_exit_with_2() {
    parallax().arg("compare").assert().code(2);
    parallax()
        .args(["compare", "--format", "xml", "a.txt"])
        .assert()
        .code(2);
}

/// Runs `compare` on a good article and one bad file; the bad one must be named with its
/// problem on standard error and in the report, the good one still compared, exit code 1.
fn check_bad_file(bad: &Path, problem: &str) {
    let folder = tempfile::tempdir().unwrap();
    let good = good_article(folder.path(), "good.txt");
    let output = parallax()
        .arg("compare")
        .arg("--format")
        .arg("json")
        .arg(&good)
        .arg(bad)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{bad:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let name = bad.display().to_string();
    assert!(
        stderr.contains(&name) && stderr.contains(problem),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    let failure = &report["failures"][0];
    assert_eq!(failure["path"], name.as_str());
    assert!(failure["error"].as_str().unwrap().contains(problem));
    // Alone, the bad file leaves nothing to compare: exit code 2.
    let alone = parallax().arg("compare").arg(bad).output().unwrap();
    assert_eq!(alone.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&alone.stderr).contains(problem));
}

#[test]
fn missing_file() {
    check_bad_file(Path::new("/nonexistent/story.txt"), "no such file");
}

#[test]
fn empty_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("empty.txt");
    std::fs::write(&path, "").unwrap();
    check_bad_file(&path, "empty");
}

#[test]
fn binary_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("photo.txt");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
    check_bad_file(&path, "binary");
}

#[test]
fn huge_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(51 * 1024 * 1024).unwrap();
    check_bad_file(&path, "too large");
}

#[test]
fn invalid_utf8() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("broken.txt");
    let mut bytes = "Le président Goïta a parlé".as_bytes().to_vec();
    bytes.extend_from_slice(&[0xC3, 0x28, 0xFF]);
    std::fs::write(&path, bytes).unwrap();
    check_bad_file(&path, "invalid UTF-8");
}

#[test]
fn unsupported_format() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("story.docx");
    std::fs::write(&path, "PK").unwrap();
    check_bad_file(&path, "unsupported format");
}

#[test]
fn folder_without_articles() {
    let folder = tempfile::tempdir().unwrap();
    let inner = folder.path().join("nothing-here");
    std::fs::create_dir(&inner).unwrap();
    std::fs::write(inner.join("notes.pdf"), "x").unwrap();
    check_bad_file(&inner, "no .txt, .md or .html files");
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("secret.txt");
    std::fs::write(&path, "The dam held.").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not apply. The mapping of the error is covered by
        // the unit test `load::tests::io_errors_name_the_problem`.
        eprintln!("skipped: this user can read files without permission");
        return;
    }
    check_bad_file(&path, "permission denied");
}

#[test]
fn legacy_encodings_are_read() {
    let folder = tempfile::tempdir().unwrap();
    let good = good_article(folder.path(), "good.txt");
    let legacy = folder.path().join("legacy.txt");
    std::fs::write(
        &legacy,
        b"Le pr\xe9sident a d\xe9clar\xe9 que l'arm\xe9e fran\xe7aise \xe9tait partie de Kidal.\n",
    )
    .unwrap();
    let report = json_report(&[&good, &legacy]);
    assert!(report["failures"].as_array().unwrap().is_empty());
    assert_eq!(report["documents"][1]["encoding"], "windows-1252");
}

#[test]
fn writing_to_a_device_keeps_the_device() {
    // Regression: the atomic writer once renamed its temporary file over /dev/null, which
    // turned the device into a regular file for the whole machine.
    use std::os::unix::fs::FileTypeExt;
    let null = Path::new("/dev/null");
    if !std::fs::metadata(null).is_ok_and(|m| m.file_type().is_char_device()) {
        eprintln!("skipped: /dev/null is not a character device here");
        return;
    }
    parallax()
        .arg("compare")
        .arg("-o")
        .arg(null)
        .args(samples())
        .assert()
        .success();
    assert!(
        std::fs::metadata(null)
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn output_through_a_symlink_replaces_the_target_and_keeps_the_link() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("real.md");
    std::fs::write(&target, "old").unwrap();
    let link = folder.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    parallax()
        .arg("compare")
        .arg("-o")
        .arg(&link)
        .args(samples())
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("# Parallax comparison")
    );
}

#[test]
fn the_viewer_without_a_display_points_to_compare() {
    let output = parallax()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no display") && stderr.contains("parallax compare"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
}

#[test]
fn csv_has_one_row_per_claim_and_a_coverage_matrix() {
    let folder = tempfile::tempdir().unwrap();
    parallax()
        .args(["compare", "--format", "csv", "-o"])
        .arg(folder.path())
        .args(samples())
        .assert()
        .success();
    let report = json_report(&samples().iter().map(PathBuf::as_path).collect::<Vec<_>>());
    let claims: usize = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["claims"].as_array().unwrap().len())
        .sum();
    let mut reader = csv::Reader::from_path(folder.path().join("findings.csv")).unwrap();
    assert_eq!(reader.headers().unwrap().len(), 15);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), claims);
    assert!(
        rows.iter()
            .any(|r| !matches!(&r[1], "agreement" | "unique")),
        "a difference finding is exported"
    );
    let mut coverage = csv::Reader::from_path(folder.path().join("coverage.csv")).unwrap();
    let cells: Vec<csv::StringRecord> = coverage.records().map(Result::unwrap).collect();
    let events = report["events"].as_array().unwrap().len();
    assert_eq!(cells.len(), events * samples().len());
    assert!(
        cells
            .iter()
            .all(|c| ["covers", "agrees", "differs", "silent"].contains(&&c[4]))
    );
}

#[test]
fn min_confidence_hides_uncertain_findings_and_is_checked() {
    let run = |threshold: &str| {
        let output = Command::cargo_bin("parallax")
            .expect("binary")
            .args(["compare", "--format", "json", "--min-confidence", threshold])
            .args(samples())
            .output()
            .expect("runs");
        assert!(output.status.success(), "{output:?}");
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        report["findings"].as_array().expect("findings").clone()
    };
    let all = run("0");
    let default = run(&parallax::settings::DEFAULT_MIN_CONFIDENCE.to_string());
    assert!(default.len() < all.len(), "some findings are uncertain");
    assert!(default.iter().all(|f| {
        f["confidence"].as_f64().unwrap()
            >= f64::from(parallax::settings::DEFAULT_MIN_CONFIDENCE) - 1e-6
    }));
    // Indices are dense again after filtering.
    for (i, f) in default.iter().enumerate() {
        assert_eq!(f["index"].as_u64(), Some(i as u64));
    }
    let output = Command::cargo_bin("parallax")
        .expect("binary")
        .args(["compare", "--min-confidence", "1.5"])
        .args(samples())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--min-confidence"));
}
