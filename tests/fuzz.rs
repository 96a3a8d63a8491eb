//! A mutation fuzzer on stable Rust, over the loaders, HTML extraction, the session parser,
//! the lexicon reader and `compare`.
//!
//! Seeds are the bundled sample articles, the example session and a small lexicon; each case
//! applies a few random mutations (bit flips, insertions of tokens that break parsers,
//! repetition of a slice, truncation, splicing two seeds) chosen by a seeded generator, so a
//! failure is replayed from its case number. Every case must finish without a panic, and
//! whatever loads must keep the report's promises: byte offsets on character boundaries,
//! claims quoting their own text, messages that are short and free of internal names.
//!
//! - `fuzz_short` runs in CI (`cargo test`): a few hundred cases.
//! - `fuzz_long` is the long run (ignored): `PARALLAX_FUZZ_CASES=20000 cargo test --release
//!   --test fuzz -- --ignored --nocapture`. A failing case is written to
//!   `target/fuzz-failures/` with its case number; keep it in `tests/data/fuzz/` so that
//!   `fuzz_corpus_regressions` runs it from then on.

use parallax::progress::Progress;
use parallax::{Input, Settings};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

/// xorshift64*: small, fast and the same everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that parsers find hard: markup, nesting, quotes, encodings, numbers RON rejects.
const TOKENS: &[&[u8]] = &[
    b"<div>",
    b"</div>",
    b"<span>",
    b"<p>",
    b"<script>",
    b"</script>",
    b"<!--",
    b"-->",
    b"<a href=\"",
    b" a=b c='d' ",
    b"\"",
    b"'",
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b":",
    b"NaN",
    b"inf",
    b"-1e39",
    b"version: 99",
    b"settings: (link_threshold: NaN)",
    b"\0",
    b"\r\n",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\xC3",
    b"\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81",
    b"\xE2\x80\xAE",
    b". ",
    b"Mr. ",
    b"5,000 ",
    b"13 March 2025",
    b"\"We will not,\" he said. ",
    b"# ",
    b"\n\n",
];

fn seeds() -> Vec<(String, Vec<u8>)> {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut seeds: Vec<(String, Vec<u8>)> = [
        "01_state_herald.txt",
        "02_free_kestrian.md",
        "03_sarnovec_courier.html",
        "04_continental_wire.txt",
    ]
    .iter()
    .map(|name| {
        let bytes = std::fs::read(repo.join("assets/samples").join(name)).unwrap();
        (name.to_string(), bytes)
    })
    .collect();
    // Issue 23: a passage cut on a multi-byte space panicked, also through UTF-16 input.
    for name in [
        "utf16le_ideographic_spaces.txt",
        "utf16be_nobreak_spaces.txt",
    ] {
        let bytes = std::fs::read(repo.join("tests/data/fuzz").join(name)).unwrap();
        seeds.push((name.to_string(), bytes));
    }
    seeds.push((
        "example.parallax.ron".into(),
        std::fs::read(repo.join("tests/data/session/example.parallax.ron")).unwrap(),
    ));
    seeds.push((
        "terms.ron".into(),
        b"[(referent: \"fighters\", terms: [\"rebels\", \"insurgents\", \"militants\"])]".to_vec(),
    ));
    seeds
}

fn mutate(random: &mut Random, bytes: &mut Vec<u8>, other: &[u8]) {
    let rounds = 1 + random.below(4);
    for _ in 0..rounds {
        let at = random.below(bytes.len() + 1);
        match random.below(8) {
            0 if !bytes.is_empty() => {
                let i = random.below(bytes.len());
                bytes[i] ^= 1 << random.below(8);
            }
            1 => {
                let byte = random.next() as u8;
                bytes.insert(at, byte);
            }
            2 if !bytes.is_empty() => {
                let end = (at + random.below(64)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            3 => {
                // Repeat a token or a slice many times: nesting, long lines, bombs.
                let token: Vec<u8> = if random.below(2) == 0 || bytes.is_empty() {
                    TOKENS[random.below(TOKENS.len())].to_vec()
                } else {
                    let start = random.below(bytes.len());
                    let end = (start + 1 + random.below(16)).min(bytes.len());
                    bytes[start..end].to_vec()
                };
                // Now and then far beyond the parsers' limits (the stack overflow of issue 12
                // needed 27,000 nested tags).
                let times = if random.below(8) == 0 {
                    1 + random.below(40_000)
                } else {
                    1 + random.below(2000)
                };
                let repeated: Vec<u8> = token
                    .iter()
                    .copied()
                    .cycle()
                    .take(token.len() * times)
                    .collect();
                bytes.splice(at..at, repeated);
            }
            4 => bytes.truncate(at),
            5 if !other.is_empty() => {
                let start = random.below(other.len());
                let end = (start + random.below(2000)).min(other.len());
                bytes.splice(at..at, other[start..end].iter().copied());
            }
            _ => {
                let token = TOKENS[random.below(TOKENS.len())];
                bytes.splice(at..at, token.iter().copied());
            }
        }
    }
}

/// Checks that a message is for people: short, no internal type or library names.
fn check_message(message: &str) {
    assert!(message.len() < 1000, "message of {} bytes", message.len());
    for internal in [
        "Probe",
        "serde_stacker",
        "ron::",
        "recursion_limit",
        "panicked",
    ] {
        assert!(!message.contains(internal), "{message}");
    }
}

/// Runs every target on one input. Panics (the test's failure) when a promise is broken.
fn run_case(name: &str, bytes: &[u8], partner: &(String, Vec<u8>), case: usize) {
    let settings = Settings::default();
    if name.ends_with(".ron") {
        let text = String::from_utf8_lossy(bytes);
        match parallax::session::file::from_ron(&text, name) {
            Ok(session) => {
                assert_eq!(session.settings.validate(), Ok(()));
            }
            Err(error) => check_message(&error.to_string()),
        }
        // The same bytes as a lexicon file, now and then (it goes through the disk).
        if case.is_multiple_of(8) {
            let folder = tempfile::tempdir().unwrap();
            let path = folder.path().join("terms.ron");
            std::fs::write(&path, bytes).unwrap();
            if let Err(error) =
                parallax::lexicon::Lexicon::with_extra(&[path.display().to_string()])
            {
                check_message(&error.message);
            }
        }
        return;
    }
    match parallax::load::load_bytes(name, bytes, &settings) {
        Err(error) => check_message(&error.to_string()),
        Ok(document) => assert!(!document.text.trim().is_empty()),
    }
    // Compare with an unchanged article; all offsets must point at their text.
    let inputs = [
        Input::Memory {
            name: name.to_string(),
            bytes: bytes.to_vec(),
        },
        Input::Memory {
            name: partner.0.clone(),
            bytes: partner.1.clone(),
        },
    ];
    let report = parallax::compare(&inputs, &settings, &Progress::new()).expect("not cancelled");
    for document in &report.documents {
        for passage in &document.passages {
            assert!(passage.start < passage.end && passage.end <= document.text.len());
            assert!(document.text.is_char_boundary(passage.start));
            assert!(document.text.is_char_boundary(passage.end));
        }
    }
    for finding in &report.findings {
        for claim in &finding.claims {
            let text = &report.documents[claim.document.get()].text;
            assert_eq!(text.get(claim.start..claim.end), Some(claim.text.as_str()));
        }
    }
    for failure in &report.failures {
        check_message(&failure.error);
    }
}

/// Runs `cases` cases from `seed`; returns the number run. On a failure, the input is saved
/// under `target/fuzz-failures/` and the test fails with the case number.
fn fuzz(seed: u64, cases: usize, deadline: Option<std::time::Instant>) -> usize {
    let seeds = seeds();
    let mut random = Random(seed);
    // No panic message per case: the failure report below says everything.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut run = 0;
    let mut failure = None;
    for case in 0..cases {
        if deadline.is_some_and(|d| std::time::Instant::now() > d) {
            break;
        }
        let (name, original) = &seeds[random.below(seeds.len())];
        let other = &seeds[random.below(seeds.len())].1;
        let mut bytes = original.clone();
        mutate(&mut random, &mut bytes, other);
        let partner = &seeds[3];
        let started = std::time::Instant::now();
        let mut outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
            run_case(name, &bytes, partner, case);
        }));
        // A case that takes longer than this is a hang (issue 23: none over 10 s).
        let seconds = started.elapsed().as_secs_f64();
        if outcome.is_ok() && seconds > MAX_CASE_SECONDS {
            outcome = Err(Box::new(format!("took {seconds:.1} s")));
        }
        run += 1;
        if let Err(panic) = outcome {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
            let _ = std::fs::create_dir_all(&folder);
            let saved = folder.join(format!("seed{seed}-case{case}-{name}"));
            let _ = std::fs::write(&saved, &bytes);
            failure = Some(format!("case {case} ({}): {message}", saved.display()));
            break;
        }
    }
    std::panic::set_hook(hook);
    if let Some(failure) = failure {
        panic!("fuzz failure at {failure}");
    }
    run
}

/// The longest a fuzz case may take. The long run reports its slowest case and the process's
/// peak memory, which must stay under [`MAX_PEAK_BYTES`].
const MAX_CASE_SECONDS: f64 = 10.0;
/// The most memory the whole fuzz run may hold at once (issue 23: no run over 1 GB).
const MAX_PEAK_BYTES: u64 = 1 << 30;

#[test]
fn fuzz_short() {
    let run = fuzz(0x5eed_1234, 500, None);
    assert_eq!(run, 500);
}

#[test]
#[ignore = "long run; see docs/quality.md"]
fn fuzz_long() {
    let cases = std::env::var("PARALLAX_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let seconds = std::env::var("PARALLAX_FUZZ_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3600);
    let seed = std::env::var("PARALLAX_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0xfeed_f00d);
    let started = std::time::Instant::now();
    let deadline = started + std::time::Duration::from_secs(seconds);
    let run = fuzz(seed, cases, Some(deadline));
    let peak = parallax::cli::peak_memory().unwrap_or(0);
    println!(
        "fuzz_long: {run} cases from seed {seed} in {:.0} s, no failure, none over {MAX_CASE_SECONDS} s, peak memory {} MB",
        started.elapsed().as_secs_f64(),
        peak / 1_000_000
    );
    assert!(peak < MAX_PEAK_BYTES, "peak memory {peak} bytes");
}

/// Inputs found by fuzzing or by hand while fixing issue 12, kept as regression cases.
#[test]
fn fuzz_corpus_regressions() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let partner = &seeds()[3];
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for (case, path) in files.iter().enumerate() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        run_case(&name, &bytes, partner, case * 8);
    }
}
