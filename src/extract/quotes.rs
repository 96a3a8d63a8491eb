//! Quotations: text in straight, curly or guillemet double quotes, and who said it.
//!
//! Quotes are found per paragraph because a quotation often runs over several sentences.
//! The speaker is the name nearest to a speech verb ("said", "told", "according to") in the
//! sentence that opens or closes the quote, outside the quoted text. Short quoted phrases
//! (scare quotes such as "foreign mercenaries") are kept but not used for attribution.

/// A quotation found in a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Absolute byte range of the quoted text, without the quote marks.
    pub start: usize,
    pub end: usize,
    pub words: usize,
}

fn closing_for(open: char) -> Option<char> {
    match open {
        '“' => Some('”'),
        '«' => Some('»'),
        '"' => Some('"'),
        '„' => Some('“'),
        _ => None,
    }
}

/// Quotations inside `text[range]`, with absolute offsets.
pub fn find_quotes(text: &str, range: std::ops::Range<usize>) -> Vec<Quote> {
    let slice = &text[range.clone()];
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (position, c) = chars[i];
        let Some(close) = closing_for(c) else {
            i += 1;
            continue;
        };
        let inner_start = position + c.len_utf8();
        let found = chars[i + 1..].iter().find(|(_, ch)| {
            *ch == close || (close == '”' && *ch == '"') || (c == '"' && *ch == '”')
        });
        let Some(&(close_position, _)) = found else {
            i += 1;
            continue;
        };
        let inner = &slice[inner_start..close_position];
        let words = inner.split_whitespace().count();
        if words > 0 {
            out.push(Quote {
                start: range.start + inner_start,
                end: range.start + close_position,
                words,
            });
        }
        i = chars
            .iter()
            .position(|(p, _)| *p == close_position)
            .map_or(chars.len(), |p| p + 1);
    }
    out
}

/// Lower-case words of a quote, for comparing quotes across sources.
pub fn quote_words(text: &str) -> Vec<String> {
    crate::text::tokens(text)
        .iter()
        .map(|t| crate::text::fold(t.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_curly_and_straight_quotes() {
        let text = "“We need peace,” said Ann. He called them \"foreign mercenaries\" again.";
        let quotes = find_quotes(text, 0..text.len());
        assert_eq!(quotes.len(), 2);
        assert_eq!(&text[quotes[0].start..quotes[0].end], "We need peace,");
        assert_eq!(&text[quotes[1].start..quotes[1].end], "foreign mercenaries");
    }
}
