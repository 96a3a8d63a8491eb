//! The HTML export in a real browser: headless Chromium opens the report of a planted-script
//! article pair (`tests/data/html_safety/`) and must neither run the article's code nor show a
//! blank page.
//!
//! Without `/usr/bin/chromium` the test says so and passes, unless `PARALLAX_REQUIRE_CHROMIUM=1`
//! (set by `.ci/run` when Chromium is installed), in which case a missing browser fails it.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
/// What the planted code would set the title to.
const PLANTED: &str = "SCRIPT RAN";

fn chromium_or_skip() -> Option<&'static Path> {
    let path = Path::new(CHROMIUM);
    if path.exists() {
        return Some(path);
    }
    if std::env::var("PARALLAX_REQUIRE_CHROMIUM").is_ok_and(|v| v == "1") {
        panic!("{CHROMIUM} is missing and PARALLAX_REQUIRE_CHROMIUM=1");
    }
    eprintln!("skipped: {CHROMIUM} is not installed (apt-get install chromium)");
    None
}

/// Runs Chromium headless on `page` with a fresh profile and the extra arguments; returns its
/// standard output. Fails after two minutes rather than hanging the test run.
fn chromium(browser: &Path, profile: &Path, extra: &[String], page: &Path) -> Vec<u8> {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,2000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = out.join().unwrap();
    let err = err.join().unwrap();
    assert!(
        status.success(),
        "chromium failed: {status}\n{}",
        String::from_utf8_lossy(&err)
    );
    out
}

/// The report of the planted pair, written by the command line into `folder`.
fn planted_report(folder: &Path) -> PathBuf {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html_safety");
    let output = folder.join("report.html");
    assert_cmd::Command::cargo_bin("parallax")
        .unwrap()
        .env("PARALLAX_DATE", "2026-11-21")
        .args(["compare", "--format", "html", "-o"])
        .arg(&output)
        .arg(data.join("a_harrowmere_gazette.txt"))
        .arg(data.join("b_northern_coast_wire.txt"))
        .assert()
        .success();
    output
}

#[test]
fn planted_script_does_not_run_and_the_page_renders() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let folder = tempfile::tempdir().unwrap();
    let page = planted_report(folder.path());
    let source = std::fs::read_to_string(&page).unwrap();
    assert!(source.contains("&lt;script&gt;document.title=&#39;SCRIPT RAN&#39;&lt;/script&gt;"));

    // The DOM after the page's own script has run.
    let profile = tempfile::tempdir().unwrap();
    let dom = chromium(browser, profile.path(), &["--dump-dom".to_string()], &page);
    let dom = String::from_utf8(dom).expect("the DOM is UTF-8");
    let title_start = dom.find("<title>").expect("a title") + "<title>".len();
    let title = &dom[title_start..title_start + dom[title_start..].find("</title>").unwrap()];
    assert_eq!(title, "Parallax comparison");
    assert!(!title.contains(PLANTED));
    // The page's own script ran (so scripts do run here, and the planted ones did not).
    assert!(
        dom.contains("<html lang=\"en\" class=\"js\">"),
        "the filter script did not run"
    );
    // The planted code is there, as text.
    assert!(
        dom.contains("&lt;script&gt;document.title='SCRIPT RAN'&lt;/script&gt;"),
        "the planted script is not shown as text"
    );
    assert!(dom.contains("&lt;img src=x onerror=\"document.title='SCRIPT RAN'\"&gt;"));
    assert!(!dom.contains("<img"), "an image element was created");
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "only the page's own script"
    );
    // The findings table, with the planted number difference.
    assert!(dom.contains("<table class=\"findings\">"));
    assert!(dom.contains("data-kind=\"number_mismatch\""));
    assert!(dom.contains("1,200 bookings"));
    assert!(dom.contains("2,100 bookings"));

    // The filter: with the number-mismatch box unticked when the page loads, the script hides
    // that kind's rows and unmarks its spans, and leaves the other kinds alone.
    let unticked = folder.path().join("unticked.html");
    let ticked = "checked data-filter=\"number_mismatch\"";
    assert!(source.contains(ticked));
    std::fs::write(
        &unticked,
        source.replace(ticked, "data-filter=\"number_mismatch\""),
    )
    .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let filtered = chromium(
        browser,
        profile.path(),
        &["--dump-dom".to_string()],
        &unticked,
    );
    let filtered = String::from_utf8(filtered).unwrap();
    assert!(filtered.contains("class=\"finding k-number_mismatch filtered\""));
    assert!(filtered.contains("<mark class=\"k-number_mismatch filtered\""));
    assert!(!filtered.contains("k-agreement filtered"));
    assert!(
        !dom.contains(" filtered\""),
        "nothing is filtered with every box ticked"
    );

    // A screenshot: present, of some size, and not blank.
    let profile = tempfile::tempdir().unwrap();
    let png_path = folder.path().join("page.png");
    chromium(
        browser,
        profile.path(),
        &[format!("--screenshot={}", png_path.display())],
        &page,
    );
    let bytes = std::fs::read(&png_path).expect("chromium wrote the screenshot");
    assert!(
        bytes.len() > 20_000,
        "screenshot of {} bytes only",
        bytes.len()
    );
    let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a sane size")];
    let info = reader.next_frame(&mut pixels).expect("PNG pixels");
    assert_eq!((info.width, info.height), (1280, 2000));
    let channels = info.color_type.samples();
    let colours: HashSet<&[u8]> = pixels[..info.buffer_size()]
        .chunks(channels)
        .take(1280 * 2000)
        .collect();
    assert!(
        colours.len() > 10,
        "{} colours: the page looks blank",
        colours.len()
    );
    // Most of the page is the white paper, but not all of it.
    let white = pixels[..info.buffer_size()]
        .chunks(channels)
        .filter(|p| p[..3] == [255, 255, 255])
        .count();
    let total = (info.width * info.height) as usize;
    assert!(white < total * 99 / 100, "{white} of {total} pixels white");
}
