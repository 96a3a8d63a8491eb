use super::*;

fn split(text: &str) -> Vec<&str> {
    sentences(text, 0..text.len())
        .into_iter()
        .map(|r| text[r].trim())
        .collect()
}

#[test]
fn abbreviations_and_decimals_do_not_split() {
    assert_eq!(
        split("Col. Assimi Goïta met Mr. J. Smith of the U.S. Army. Growth was 2.4 percent."),
        [
            "Col. Assimi Goïta met Mr. J. Smith of the U.S. Army.",
            "Growth was 2.4 percent."
        ]
    );
}

#[test]
fn quotes_end_sentences() {
    assert_eq!(
        split("He said: \"We are ready.\" The crowd cheered. \"Go!\" she shouted."),
        [
            "He said: \"We are ready.\"",
            "The crowd cheered.",
            "\"Go!\" she shouted."
        ]
    );
}

#[test]
fn ellipsis_and_numbers() {
    assert_eq!(
        split("Wait... It is over. No. 5 won. He said no. Then left."),
        [
            "Wait...",
            "It is over.",
            "No. 5 won.",
            "He said no.",
            "Then left."
        ]
    );
}

#[test]
fn long_runs_without_punctuation_are_cut_at_spaces() {
    let text = "word ".repeat(2000);
    let pieces = length_limited(&text, 0..text.len());
    assert!(pieces.len() >= 5);
    for piece in &pieces {
        assert!(piece.len() <= MAX_PASSAGE_BYTES);
        assert!(text[..piece.start].ends_with(' ') || piece.start == 0);
    }
    assert_eq!(pieces.last().unwrap().end, text.len());
    let unspaced = "é".repeat(3000);
    for piece in length_limited(&unspaced, 0..unspaced.len()) {
        assert!(unspaced.is_char_boundary(piece.start) && piece.len() <= MAX_PASSAGE_BYTES);
    }
}

#[test]
fn wide_spaces_at_the_cut_keep_char_boundaries() {
    for space in ['\u{3000}', '\u{00A0}', '\u{2000}'] {
        let text = format!("{}{space}", "あ".repeat(300)).repeat(3);
        let pieces = length_limited(&text, 0..text.len());
        for piece in &pieces {
            assert!(text.is_char_boundary(piece.start) && text.is_char_boundary(piece.end));
            assert!(piece.len() <= MAX_PASSAGE_BYTES);
        }
        assert_eq!(pieces.last().unwrap().end, text.len());
    }
}

#[test]
fn chinese_and_japanese_stops_end_sentences() {
    let text = "東京で地震があった。住民は「怖かった！」と話した。被害は？";
    let parts = split(text);
    assert_eq!(
        parts,
        [
            "東京で地震があった。",
            "住民は「怖かった！」と話した。",
            "被害は？"
        ]
    );
}

#[test]
fn paragraphs_split_on_lines_and_join_hard_wraps() {
    let text = "First line ends here.\nSecond paragraph starts and\ncontinues here.\n\nThird.";
    let paras: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(
        paras,
        [
            "First line ends here.",
            "Second paragraph starts and\ncontinues here.",
            "Third."
        ]
    );
}
