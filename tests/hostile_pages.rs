//! Hostile and degenerate input, second round (issue 23): every page, every copy, no panic.
//!
//! One test or more per numbered item of the issue, named `item_1_…` to `item_8_…`: a cut on
//! a wide space (1), self-closing `<div/>` floods (2), formatting tags re-opened in every
//! paragraph (3), long one-line articles (4), near-copies compared with their original (5),
//! old Mac line endings and one-line articles (6), Chinese and Japanese pages (7), and the
//! smaller ones (8). The timings of the large inputs, with memory, are in
//! `large_inputs_within_bounds` (ignored; run it in release, figures in `docs/quality.md`).
#![cfg(unix)]

use assert_cmd::Command;
use parallax::model::{FindingKind, PassageRole, Report};
use parallax::progress::Progress;
use parallax::{Input, Settings};
use serde_json::Value;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn parallax() -> Command {
    let mut command = Command::cargo_bin("parallax").expect("binary is built");
    command.timeout(Duration::from_secs(60));
    command
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples")
        .join(name)
}

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
    files.sort();
    files
}

fn compare(inputs: &[Input]) -> Report {
    parallax::compare(inputs, &Settings::default(), &Progress::new()).expect("not cancelled")
}

fn memory(name: &str, bytes: impl Into<Vec<u8>>) -> Input {
    Input::Memory {
        name: name.into(),
        bytes: bytes.into(),
    }
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn body_passages(report: &Report, document: usize) -> usize {
    report.documents[document]
        .passages
        .iter()
        .filter(|p| p.role == PassageRole::Body)
        .count()
}

// ---------------------------------------------------------------------------------------
// 1. A passage cut landing on a multi-byte space panicked and lost the whole report.

#[test]
fn item_1_a_cut_on_a_wide_space_reads_the_file_and_reports_the_others() {
    for space in ['\u{3000}', '\u{00A0}', '\u{2000}'] {
        let text = format!("{}{space}", "あ".repeat(300)).repeat(3) + "\n";
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("ja.txt");
        std::fs::write(&path, &text).unwrap();
        let output = parallax()
            .args(["compare", "--format", "json"])
            .arg(&path)
            .arg(sample("01_state_herald.txt"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("internal error"), "{stderr}");
        assert_eq!(output.status.code(), Some(0), "{stderr}");
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["documents"].as_array().unwrap().len(), 2);
    }
    // The same through UTF-16 (two of the fuzzer's cases, kept in tests/data/fuzz/).
    for space in ['\u{3000}', '\u{00A0}'] {
        let text = format!("{}{space}", "字".repeat(700)).repeat(2);
        let report = compare(&[
            memory("wide.txt", utf16le(&text)),
            Input::Path(sample("01_state_herald.txt")),
        ]);
        assert!(report.failures.is_empty(), "{:?}", report.failures);
        assert_eq!(report.documents[0].encoding, "UTF-16LE");
    }
}

// ---------------------------------------------------------------------------------------
// 2. `<div/>` a hundred thousand times: not counted as nesting, but nested by the parser.

#[test]
fn item_2_self_closing_divs_are_nesting_and_refused_at_once() {
    let page = format!(
        "<html><body>{}<article><p>The river rose two metres overnight and 300 people left \
         their homes.</p></article></body></html>",
        "<div/>".repeat(100_000)
    );
    let started = Instant::now();
    let result = parallax::load::load_bytes("p.html", page.as_bytes(), &Settings::default());
    assert!(started.elapsed() < Duration::from_secs(2));
    let message = result.unwrap_err().to_string();
    assert!(message.contains("nested more than 512"), "{message}");
    // Inside SVG the slash closes: icons drawn with `<path/>` stay readable.
    let icons = format!(
        "<html><body><svg>{}</svg><article><p>The river rose two metres overnight and 300 \
         people left their homes in the valley.</p></article></body></html>",
        "<path d='M0 0'/>".repeat(2000)
    );
    parallax::load::load_bytes("icons.html", icons.as_bytes(), &Settings::default())
        .expect("SVG icons are not nesting");
}

// ---------------------------------------------------------------------------------------
// 3. Formatting tags left open are re-opened in every paragraph: bounded by the input.

#[test]
fn item_3_formatting_tags_reopened_in_every_paragraph_are_bounded() {
    let bold: String = (0..400).map(|i| format!("<b class=c{i}>")).collect();
    let page = format!(
        "<html><body>{bold}{}</body></html>",
        "<p>Short words here.</p>".repeat(3000)
    );
    let started = Instant::now();
    let result = parallax::load::load_bytes("bold.html", page.as_bytes(), &Settings::default());
    assert!(started.elapsed() < Duration::from_secs(2));
    let message = result.unwrap_err().to_string();
    assert!(message.contains("formatting tags"), "{message}");
    // A few tags left open, as real pages have, are fine.
    let ordinary = format!(
        "<html><body><b><i>{}</body></html>",
        "<p>The river rose two metres overnight and 300 people left their homes.</p>".repeat(50)
    );
    parallax::load::load_bytes("ok.html", ordinary.as_bytes(), &Settings::default())
        .expect("ordinary page");
}

// ---------------------------------------------------------------------------------------
// 4. Long one-line articles: no paragraph is longer than the paragraph limit.

#[test]
fn item_4_a_one_line_article_of_a_megabyte_is_cut_into_paragraphs() {
    let sentence = "The council met on Tuesday and the mayor said the bridge would reopen. ";
    let line = sentence.repeat(1_000_000 / sentence.len());
    let started = Instant::now();
    let report = compare(&[
        memory("line.txt", line.as_bytes()),
        Input::Path(sample("01_state_herald.txt")),
    ]);
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    // Generous: the test profile is unoptimised; the release bound (3 s) is checked in
    // `large_inputs_within_bounds`.
    assert!(started.elapsed() < Duration::from_secs(60));
    let paragraphs = parallax::segment::paragraphs(&line);
    assert!(paragraphs.len() > 100);
    assert!(
        paragraphs
            .iter()
            .all(|p| p.len() <= parallax::segment::MAX_PARAGRAPH_BYTES)
    );
    assert!(body_passages(&report, 0) > 10_000);
}

// ---------------------------------------------------------------------------------------
// 5. A near-copy with a changed figure, an added and a dropped sentence.

/// Sample 01 edited the way an outlet edits a wire story.
fn edited_herald() -> String {
    let herald = std::fs::read_to_string(sample("01_state_herald.txt")).unwrap();
    let edited = herald.replace("at least 12 people died", "at least 40 people died");
    assert_ne!(edited, herald);
    let dropped = "Flags on public buildings will fly at half mast on Monday.";
    assert!(edited.contains(dropped));
    edited.replace(
        dropped,
        "Our reporter saw three army trucks leave the valley at noon.",
    )
}

#[test]
fn item_5_a_near_copy_is_compared_with_its_original() {
    let report = compare(&[
        Input::Path(sample("01_state_herald.txt")),
        memory("edited_copy.txt", edited_herald()),
        Input::Path(sample("04_continental_wire.txt")),
    ]);
    assert_eq!(report.documents[1].copy_of.map(|d| d.get()), Some(0));
    let in_copy: Vec<_> = report
        .findings
        .iter()
        .filter(|f| {
            f.kind == FindingKind::CopyEdit || f.claims.iter().any(|c| c.document.get() == 1)
        })
        .collect();
    let number = in_copy
        .iter()
        .find(|f| f.kind == FindingKind::NumberMismatch)
        .expect("the changed figure");
    let values: Vec<_> = number.claims.iter().map(|c| c.value.clone()).collect();
    assert_eq!(values, [Some("12".to_string()), Some("40".to_string())]);
    assert_eq!(number.claims[0].document.get(), 0);
    let added = in_copy
        .iter()
        .find(|f| f.kind == FindingKind::CopyEdit && f.summary.contains("added"))
        .expect("the added sentence");
    assert!(added.claims[0].text.contains("three army trucks"));
    let dropped = in_copy
        .iter()
        .find(|f| f.kind == FindingKind::CopyEdit && f.summary.contains("dropped"))
        .expect("the dropped sentence");
    assert_eq!(dropped.claims[0].document.get(), 0);
    assert!(dropped.claims[0].text.contains("half mast"));
    // Nothing else: the unchanged text yields no finding.
    assert_eq!(in_copy.len(), 3, "{in_copy:#?}");
    // The exports carry the new kind.
    let json = parallax::report::to_json(&report);
    assert!(json.contains("\"copy_edit\""));
    let markdown = parallax::report::markdown::render(&report);
    assert!(markdown.contains("Copy edit"), "markdown");
}

#[test]
fn item_5_the_earlier_dated_text_is_the_original() {
    let herald = std::fs::read_to_string(sample("01_state_herald.txt")).unwrap();
    let later = herald.replace("16.03.2025", "18.03.2025");
    let report = compare(&[
        memory("later.txt", later),
        Input::Path(sample("01_state_herald.txt")),
    ]);
    assert_eq!(report.documents[0].copy_of.map(|d| d.get()), Some(1));
    assert!(report.documents[1].copy_of.is_none());
}

// ---------------------------------------------------------------------------------------
// 6. Old Mac line endings (CR only) and one-line articles were dropped as boilerplate.

#[test]
fn item_6_carriage_return_line_endings_read_like_any_others() {
    let lf = compare(&samples().into_iter().map(Input::Path).collect::<Vec<_>>());
    let cr: Vec<Input> = samples()
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            memory(&name, text.replace("\r\n", "\n").replace('\n', "\r"))
        })
        .collect();
    let cr = compare(&cr);
    for (a, b) in lf.documents.iter().zip(&cr.documents) {
        assert_eq!(a.title, b.title, "{}", a.path);
        assert_eq!(a.passages.len(), b.passages.len(), "{}", a.path);
    }
    assert_eq!(lf.events.len(), cr.events.len());
}

#[test]
fn item_6_a_one_line_article_is_body_text() {
    let herald = std::fs::read_to_string(sample("04_continental_wire.txt")).unwrap();
    let one_line = herald.split_whitespace().collect::<Vec<_>>().join(" ");
    let report = compare(&[
        memory("one_line.txt", one_line),
        Input::Path(sample("01_state_herald.txt")),
    ]);
    assert!(
        body_passages(&report, 0) > 5,
        "{:?}",
        report.documents[0].passages
    );
    assert!(
        report.documents[0]
            .title
            .as_ref()
            .is_none_or(|t| t.len() < 300)
    );
}

// ---------------------------------------------------------------------------------------
// 7. Chinese and Japanese pages (our own writing).

const JA_ONE: &str = "港の新しい橋\n\n市は月曜日、港に新しい橋を開いたと発表した。工事は三年かかった。\
    市長は「市民の協力に感謝する」と述べた。\n\n橋の長さは四百メートルで、車と歩行者が通れる。\n";
const ZH_ONE: &str = "港口新桥\n\n市政府周一宣布，港口的新桥正式开通。工程历时三年。\
    市长表示：“感谢市民的支持。”\n\n大桥全长四百米，可供车辆和行人通行。\n";

#[test]
fn item_7_japanese_and_chinese_pages_are_read_and_named_as_not_analysed() {
    for (language, text) in [("ja", JA_ONE), ("zh", ZH_ONE)] {
        let paragraphs: String = text
            .split("\n\n")
            .skip(1)
            .map(|p| format!("<p>{}</p>", p.trim()))
            .collect();
        let page = format!(
            "<html><head><title>{}</title></head><body><nav><a href=/>home</a></nav>\
             <article><h1>{}</h1>{paragraphs}</article></body></html>",
            text.lines().next().unwrap(),
            text.lines().next().unwrap()
        );
        let report = compare(&[
            memory("page.html", page),
            memory("page.txt", text),
            Input::Path(sample("01_state_herald.txt")),
            Input::Path(sample("04_continental_wire.txt")),
        ]);
        assert!(
            report.failures.is_empty(),
            "{language}: {:?}",
            report.failures
        );
        for document in &report.documents[..2] {
            assert_eq!(document.language.as_deref(), Some(language));
            let note = document.language_note.as_deref().unwrap();
            assert!(note.contains("not analysed"), "{note}");
            // Sentences end at 。: the first body paragraph has three of them.
            assert!(
                body_passages(&report, document.index.get()) >= 4,
                "{language}"
            );
            let first_body = document
                .passages
                .iter()
                .position(|p| p.role == PassageRole::Body);
            assert_eq!(first_body, Some(1), "{language}: {:?}", document.passages);
        }
        assert_eq!(report.documents[2].language.as_deref(), Some("en"));
        assert!(report.documents[2].language_note.is_none());
        // Shown, not analysed: the two English samples align, and no event or finding
        // reaches into the other two.
        assert!(!report.events.is_empty());
        assert!(
            report
                .events
                .iter()
                .all(|e| e.passages.iter().all(|p| p.document.get() >= 2))
        );
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.claims.iter().all(|c| c.document.get() >= 2))
        );
    }
}

// ---------------------------------------------------------------------------------------
// 8. The smaller ones.

#[test]
fn item_8_csv_to_a_folder_writes_both_files_or_neither() {
    let folder = tempfile::tempdir().unwrap();
    let findings = folder.path().join("findings.csv");
    let coverage = folder.path().join("coverage.csv");
    std::fs::write(&findings, "old findings").unwrap();
    std::fs::write(&coverage, "old coverage").unwrap();
    // The second file cannot be written: its temporary name is taken by a folder.
    let blocker = folder
        .path()
        .join(format!(".coverage.csv.tmp-{}", std::process::id()));
    std::fs::create_dir(&blocker).unwrap();
    let result = parallax::atomic::write_all_or_none(&[
        (findings.clone(), b"new findings".as_slice()),
        (coverage.clone(), b"new coverage".as_slice()),
    ]);
    let (failed, _) = result.unwrap_err();
    assert_eq!(failed, coverage);
    assert_eq!(std::fs::read_to_string(&findings).unwrap(), "old findings");
    assert_eq!(std::fs::read_to_string(&coverage).unwrap(), "old coverage");
    std::fs::remove_dir(&blocker).unwrap();
    parallax::atomic::write_all_or_none(&[
        (findings.clone(), b"new findings".as_slice()),
        (coverage.clone(), b"new coverage".as_slice()),
    ])
    .unwrap();
    assert_eq!(std::fs::read_to_string(&coverage).unwrap(), "new coverage");
    let leftovers = std::fs::read_dir(folder.path()).unwrap().count();
    assert_eq!(leftovers, 2, "no temporary file is left behind");
}

#[test]
fn item_8_subfolders_are_named_or_read_with_recursive() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(sample("01_state_herald.txt"), folder.path().join("a.txt")).unwrap();
    let inner = folder.path().join("more");
    std::fs::create_dir(&inner).unwrap();
    std::fs::copy(sample("04_continental_wire.txt"), inner.join("b.txt")).unwrap();
    // A link back up the tree must not make `--recursive` loop.
    std::os::unix::fs::symlink(folder.path(), inner.join("loop")).unwrap();
    let plain = parallax()
        .args(["compare", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&plain.stderr);
    assert!(
        stderr.contains("more") && stderr.contains("--recursive"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    let recursive = parallax()
        .args(["compare", "--recursive", "--format", "json"])
        .arg(folder.path())
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&recursive.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 2);
}

#[test]
fn item_8_a_byte_order_mark_before_a_session_or_lexicon_is_accepted() {
    let example = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/session/example.parallax.ron"),
    )
    .unwrap();
    let plain = parallax::session::file::from_ron(&example, "example.parallax.ron").unwrap();
    let with_bom = format!("\u{feff}{example}");
    let read = parallax::session::file::from_ron(&with_bom, "bom.parallax.ron").unwrap();
    assert_eq!(read, plain);
    let folder = tempfile::tempdir().unwrap();
    let lexicon = folder.path().join("words.ron");
    std::fs::write(&lexicon, "\u{feff}[]").unwrap();
    let output = parallax()
        .args(["compare", "--lexicon"])
        .arg(&lexicon)
        .arg(sample("01_state_herald.txt"))
        .arg(sample("04_continental_wire.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

// ---------------------------------------------------------------------------------------
// Timings and memory of the large inputs, each in a process of its own.

/// Peak memory of the largest child process waited for so far, in MB.
fn children_peak_mb() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    usage.ru_maxrss as f64 / 1024.0
}

/// `cargo test --release --test hostile_pages -- --ignored --nocapture --test-threads 1`
#[test]
#[ignore = "timing and memory; run in release, alone"]
fn large_inputs_within_bounds() {
    let folder = tempfile::tempdir().unwrap();
    let sentence = "The council met on Tuesday and the mayor said the bridge would reopen. ";
    let words = "word and more words ";
    let cases = [
        (
            "1 MB one line of sentences",
            sentence.repeat(1_000_000 / sentence.len()),
            3.0,
            300.0,
        ),
        (
            "5 MB one line of sentences",
            sentence.repeat(5_000_000 / sentence.len()),
            15.0,
            1000.0,
        ),
        (
            "5 MB one line without punctuation",
            words.repeat(5_000_000 / words.len()),
            15.0,
            1000.0,
        ),
    ];
    for (name, text, seconds_bound, mb_bound) in cases {
        let path = folder.path().join("line.txt");
        std::fs::write(&path, text).unwrap();
        let started = Instant::now();
        let output = parallax()
            .args(["compare", "--format", "json", "-o"])
            .arg(folder.path().join("out.json"))
            .arg(&path)
            .arg(sample("01_state_herald.txt"))
            .output()
            .unwrap();
        let seconds = started.elapsed().as_secs_f64();
        let peak = children_peak_mb();
        println!(
            "{name}: {seconds:.2} s, peak {peak:.0} MB (bounds {seconds_bound} s, {mb_bound} MB)"
        );
        assert!(output.status.success());
        assert!(seconds < seconds_bound, "{name}: {seconds:.2} s");
        assert!(peak < mb_bound, "{name}: {peak:.0} MB");
    }
}
