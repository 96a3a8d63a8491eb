//! Speed of the engine, measured as the issue asks (`cargo bench`):
//!
//! - the whole process on the five seed articles (when `../shared/seeds` exists) and on the
//!   bundled samples: median of repeated runs of the real binary;
//! - 500 synthetic articles of about 800 words: time and peak memory of one process;
//! - growth: 125 against 500 articles (4×), which must cost under 6× the time.
//!
//! The synthetic corpus comes from `parallax::synth` (deterministic, seeded). Every run is a
//! separate process, so peak memory is that run's own.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_parallax");

fn median_process_time(args: &[&str], runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let status = Command::new(BINARY)
                .args(args)
                .stdout(std::process::Stdio::null())
                .status()
                .expect("binary runs");
            assert!(status.success(), "{args:?} failed");
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// Runs `parallax bench` in its own process and returns (seconds, peak memory text).
fn synthetic(articles: usize) -> (f64, String) {
    let output = Command::new(BINARY)
        .args([
            "bench",
            "--articles",
            &articles.to_string(),
            "--words",
            "800",
        ])
        .output()
        .expect("binary runs");
    let line = String::from_utf8_lossy(&output.stdout).to_string();
    let field = |name: &str| -> String {
        let mut words = line.split_whitespace();
        while let Some(word) = words.next() {
            if word == name {
                return words.next().unwrap_or("").to_string();
            }
        }
        String::new()
    };
    let memory = line
        .split("peak_memory ")
        .nth(1)
        .map(|rest| rest.split(" events").next().unwrap_or("").to_string())
        .unwrap_or_default();
    (field("seconds").parse().unwrap_or(f64::NAN), memory)
}

fn main() {
    // `cargo bench` passes flags such as `--bench`; there is nothing to configure.
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if seeds.is_dir() {
        let seeds = seeds.display().to_string();
        let time = median_process_time(&["compare", "--format", "json", &seeds], 21);
        println!(
            "seeds (5 articles, whole process, median of 21): {:.1} ms",
            time.as_secs_f64() * 1e3
        );
    } else {
        println!("seeds: ../shared/seeds not found, skipped");
    }
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let samples = samples.display().to_string();
    let time = median_process_time(&["compare", "--format", "json", &samples], 21);
    println!(
        "samples (4 articles, whole process, median of 21): {:.1} ms",
        time.as_secs_f64() * 1e3
    );

    let (small, small_memory) = synthetic(125);
    println!("synthetic 125 articles x 800 words: {small:.2} s, peak memory {small_memory}");
    let (large, large_memory) = synthetic(500);
    println!("synthetic 500 articles x 800 words: {large:.2} s, peak memory {large_memory}");
    println!("growth for 4x the articles: {:.2}x the time", large / small);
    if std::env::var_os("PARALLAX_BENCH_LARGE").is_some() {
        let (huge, huge_memory) = synthetic(2000);
        println!("synthetic 2000 articles x 800 words: {huge:.2} s, peak memory {huge_memory}");
        println!(
            "growth from 500 to 2000 articles: {:.2}x the time",
            huge / large
        );
    }
}
