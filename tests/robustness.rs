//! No input makes the engine panic, and a cancelled comparison stops.

use parallax::progress::{Cancelled, Progress};
use parallax::{Input, Settings};

/// A tiny deterministic generator, so that failures can be replayed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

const PIECES: &[&str] = &[
    "The ",
    "dam ",
    "Goïta ",
    "“",
    "”",
    "\"",
    "5,000 ",
    "troops ",
    "on 13 March ",
    "2012",
    ". ",
    "! ",
    "? ",
    "...",
    "…",
    "\n",
    "\n\n",
    "# ",
    "By ",
    "Col. ",
    "U.S. ",
    "not ",
    "never ",
    "said ",
    "about ",
    "million ",
    "euros ",
    "€",
    "%",
    "-",
    "–",
    " ",
    "'s ",
    "Mr. ",
    "No. ",
    "a dozen ",
    "thirteen ",
    "last May ",
    "on Tuesday ",
    "Author: ",
    "date ",
    "21.11.2023 ",
    "\t",
    "\r\n",
    "مرحبا ",
    "Привет ",
    "日本 ",
    "🙂",
    "\u{200b}",
    "(",
    ")",
    ":",
    ";",
];

fn random_text(random: &mut Random, pieces: usize) -> String {
    (0..pieces)
        .map(|_| PIECES[(random.next() % PIECES.len() as u64) as usize])
        .collect()
}

#[test]
fn random_articles_never_panic() {
    let mut random = Random(0x5eed);
    for round in 0..60 {
        let inputs: Vec<Input> = (0..3)
            .map(|n| {
                let pieces = 20 + (random.next() % 400) as usize;
                Input::Memory {
                    name: format!("r{round}_{n}.txt"),
                    bytes: random_text(&mut random, pieces).into_bytes(),
                }
            })
            .collect();
        let report = parallax::compare(&inputs, &Settings::default(), &Progress::new()).unwrap();
        // Every claim's range is a valid slice of its document.
        for finding in &report.findings {
            for claim in &finding.claims {
                let text = &report.documents[claim.document.get()].text;
                assert_eq!(&text[claim.start..claim.end], claim.text);
            }
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut random = Random(42);
    for round in 0..100 {
        let length = (random.next() % 2000) as usize;
        let bytes: Vec<u8> = (0..length).map(|_| random.next() as u8).collect();
        let inputs = vec![
            Input::Memory {
                name: format!("bytes{round}.txt"),
                bytes: bytes.clone(),
            },
            Input::Memory {
                name: format!("bytes{round}.html"),
                bytes,
            },
        ];
        let report = parallax::compare(&inputs, &Settings::default(), &Progress::new()).unwrap();
        assert_eq!(report.documents.len() + report.failures.len(), 2);
    }
}

#[test]
fn cancelled_comparisons_stop() {
    let progress = Progress::new();
    progress.cancel();
    let inputs = vec![Input::Memory {
        name: "a.txt".into(),
        bytes: b"Some text.".to_vec(),
    }];
    assert_eq!(
        parallax::compare(&inputs, &Settings::default(), &progress),
        Err(Cancelled)
    );
}
