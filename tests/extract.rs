//! The report resolves its own offsets (`documents[].text`), and `parallax extract` shows what
//! is read from each file (issue 23, "The report, self-contained").

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

fn parallax() -> Command {
    let mut command = Command::cargo_bin("parallax").expect("binary is built");
    command.timeout(std::time::Duration::from_secs(60));
    command
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples")
        .join(name)
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// Every claim, passage and mention of a JSON report points into its document's `text`.
fn assert_offsets_resolve(report: &Value) {
    let documents = report["documents"].as_array().unwrap();
    for document in documents {
        let text = document["text"]
            .as_str()
            .expect("the text is in the report");
        for passage in document["passages"].as_array().unwrap() {
            let (start, end) = (
                passage["start"].as_u64().unwrap() as usize,
                passage["end"].as_u64().unwrap() as usize,
            );
            assert!(text.get(start..end).is_some_and(|s| !s.trim().is_empty()));
        }
    }
    for finding in report["findings"].as_array().unwrap() {
        for claim in finding["claims"].as_array().unwrap() {
            let document = &documents[claim["document"].as_u64().unwrap() as usize];
            let text = document["text"].as_str().unwrap();
            let (start, end) = (
                claim["start"].as_u64().unwrap() as usize,
                claim["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(text.get(start..end), claim["text"].as_str(), "{claim}");
        }
    }
}

#[test]
fn the_json_report_carries_each_text_language_and_encoding() {
    let folder = tempfile::tempdir().unwrap();
    let wire = std::fs::read_to_string(sample("04_continental_wire.txt")).unwrap();
    let utf16 = folder.path().join("wire_utf16.txt");
    std::fs::write(
        &utf16,
        utf16le(&wire.replace("Interior Ministry", "Ministry of the Interior")),
    )
    .unwrap();
    let output = parallax()
        .args(["compare", "--format", "json", "--min-confidence", "0"])
        .arg(sample("01_state_herald.txt"))
        .arg(sample("02_free_kestrian.md"))
        .arg(sample("03_sarnovec_courier.html"))
        .arg(&utf16)
        .output()
        .unwrap();
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_offsets_resolve(&report);
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents[3]["encoding"], "UTF-16LE");
    assert_eq!(documents[2]["format"], "html");
    for document in documents {
        assert_eq!(document["language"], "en");
    }
    // The HTML document's text is the extracted article, not the markup.
    let html_text = documents[2]["text"].as_str().unwrap();
    assert!(!html_text.contains("<p>") && !html_text.contains("</"));
    // --no-text leaves the texts out, for reports that are shared.
    let bare = parallax()
        .args(["compare", "--format", "json", "--no-text"])
        .arg(sample("01_state_herald.txt"))
        .arg(sample("04_continental_wire.txt"))
        .output()
        .unwrap();
    let bare: Value = serde_json::from_slice(&bare.stdout).unwrap();
    assert!(bare["documents"][0].get("text").is_none());
    assert!(bare["documents"][0]["passages"].as_array().unwrap().len() > 3);
}

#[test]
fn extract_shows_metadata_and_blocks_with_their_roles() {
    let output = parallax()
        .args(["extract"])
        .arg(sample("01_state_herald.txt"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let shown = String::from_utf8(output.stdout).unwrap();
    assert!(shown.contains("author:   Bronislav Mareth"), "{shown}");
    assert!(shown.contains("date:     2025-03-16"), "{shown}");
    assert!(shown.contains("outlet:   Kestrian State Herald"), "{shown}");
    assert!(shown.contains("language: en (English)"), "{shown}");
    assert!(shown.contains("heading (the title)"), "{shown}");
    assert!(
        shown.contains("boilerplate (starts like a credit"),
        "{shown}"
    );
    assert!(shown.contains(" body, bytes "), "{shown}");
}

#[test]
fn extract_reads_html_markdown_text_and_utf16_as_json() {
    let folder = tempfile::tempdir().unwrap();
    let wire = std::fs::read_to_string(sample("04_continental_wire.txt")).unwrap();
    let utf16 = folder.path().join("wire_utf16.txt");
    std::fs::write(&utf16, utf16le(&wire)).unwrap();
    let missing = folder.path().join("missing.txt");
    let output = parallax()
        .args(["extract", "--format", "json"])
        .arg(sample("02_free_kestrian.md"))
        .arg(sample("03_sarnovec_courier.html"))
        .arg(sample("04_continental_wire.txt"))
        .arg(&utf16)
        .arg(&missing)
        .output()
        .unwrap();
    // One file is missing: the others are shown, the exit code says so.
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("missing.txt: no such file"), "{stderr}");
    let read: Value = serde_json::from_slice(&output.stdout).unwrap();
    let read = read.as_array().unwrap();
    assert_eq!(read.len(), 4);
    assert_eq!(read[0]["format"], "markdown");
    assert_eq!(read[1]["format"], "html");
    assert_eq!(read[3]["encoding"], "UTF-16LE");
    // The UTF-16 text reads as the UTF-8 one does, block for block.
    assert_eq!(read[2]["blocks"], read[3]["blocks"]);
    for document in read {
        let text = document["text"].as_str().unwrap();
        let blocks = document["blocks"].as_array().unwrap();
        assert!(blocks.iter().any(|b| b["role"] == "body"));
        for block in blocks {
            let (start, end) = (
                block["start"].as_u64().unwrap() as usize,
                block["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(text[start..end].trim(), block["text"].as_str().unwrap());
            if block["role"] != "body" {
                assert!(block["reason"].is_string(), "{block}");
            }
        }
    }
    // A Markdown heading shows without its marker.
    let markdown_title = read[0]["blocks"][0]["text"].as_str().unwrap();
    assert!(!markdown_title.starts_with('#'), "{markdown_title}");
}
