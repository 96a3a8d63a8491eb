//! Quotes that run over two to four paragraphs, for comparing quotes only.
//!
//! Quotes are found paragraph by paragraph (see [`super::quotes`]). Where every sentence is
//! a line of its own (one of the real-news corpora, and many pages saved as text), a quote of
//! two sentences opens in one paragraph and closes in the next, and is not read at all; the
//! same quote given by another outlet on one line is then compared with nothing. This step
//! finds an opening mark left unclosed at the end of a paragraph whose closing mark comes
//! within the next [`MAX_PARAGRAPHS`] paragraphs (none of which opens a quote of its own
//! first), and adds the quote to the passage where it ends, since the attribution ("…,"
//! Trump said) usually follows the close.
//!
//! It runs after alignment, so that events are as before: linking passages through quotes
//! over several paragraphs was tried and cost real-news precision. Findings on quotes
//! (attribution, wording, agreement) see them.

use super::{Corpus, QuoteFeature, quotes};
use crate::model::PassageRole;

/// Paragraphs a quote may run over, the one it opens in included.
const MAX_PARAGRAPHS: usize = 4;

/// Where a paragraph leaves a quote open: the byte of its last opening mark that no closing
/// mark follows, if any.
fn dangling_open(text: &str, range: std::ops::Range<usize>) -> Option<usize> {
    let closed = quotes::find_quotes(text, range.clone());
    // After the last closed quote's closing mark (a curly mark is three bytes).
    let after = closed.last().map_or(range.start, |q| {
        q.end + text[q.end..].chars().next().map_or(1, char::len_utf8)
    });
    let rest = text.get(after.min(range.end)..range.end)?;
    let curly = rest.find('“').map(|p| after + p);
    let straight = (rest.matches('"').count() % 2 == 1)
        .then(|| rest.find('"').map(|p| after + p))
        .flatten();
    match (curly, straight) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Adds the quotes that run over paragraphs, then assigns speakers again.
pub fn add(corpus: &mut Corpus, lexicon: &crate::lexicon::Lexicon) {
    for document in &mut corpus.documents {
        let text = document.loaded.text.as_str();
        let passages = &document.passages;
        // Body paragraphs: (paragraph, first passage, last passage).
        let mut paragraphs: Vec<(usize, usize, usize)> = Vec::new();
        for (index, passage) in passages.iter().enumerate() {
            if passage.role != PassageRole::Body {
                continue;
            }
            match paragraphs.last_mut() {
                Some(last) if last.0 == passage.paragraph => last.2 = index,
                _ => paragraphs.push((passage.paragraph, index, index)),
            }
        }
        for (position, &(_, first, last)) in paragraphs.iter().enumerate() {
            let range = passages[first].start..passages[last].end;
            let Some(open) = dangling_open(text, range) else {
                continue;
            };
            for &(_, next_first, next_last) in paragraphs
                .iter()
                .skip(position + 1)
                .take(MAX_PARAGRAPHS - 1)
            {
                let next = passages[next_first].start..passages[next_last].end;
                let opens_first = {
                    let slice = &text[next.clone()];
                    let open_at = slice.find(['“', '"']);
                    let close_at = slice.find(['”', '"']);
                    open_at.is_some() && open_at == close_at && slice.starts_with(['“', '"'])
                };
                if opens_first {
                    break;
                }
                let found = quotes::find_quotes(text, open..passages[next_last].end)
                    .into_iter()
                    .find(|q| {
                        q.start == open + text[open..].chars().next().map_or(1, char::len_utf8)
                    });
                if let Some(quote) = found {
                    let owner = (next_first..=next_last)
                        .find(|&p| passages[p].start <= quote.end && quote.end <= passages[p].end)
                        .unwrap_or(next_last);
                    document.features[owner]
                        .quotes
                        .push(QuoteFeature::of(text, &quote));
                    break;
                }
            }
        }
    }
    super::speakers::assign_speakers(corpus, &lexicon.label_nouns);
}

#[cfg(test)]
mod tests {
    use super::dangling_open;

    #[test]
    fn an_unclosed_opening_mark_is_found() {
        let text = "He said: “We will rebuild. And the bridges too.";
        assert_eq!(dangling_open(text, 0..text.len()), text.find('“'));
        let closed = "He said: “We will rebuild,” and left.";
        assert_eq!(dangling_open(closed, 0..closed.len()), None);
        let after_curly = "“Fine,” he said. “We go on";
        assert_eq!(
            dangling_open(after_curly, 0..after_curly.len()),
            after_curly.rfind('“')
        );
        let straight = "\"Fine,\" he said. \"We go on";
        assert_eq!(
            dangling_open(straight, 0..straight.len()),
            straight.rfind('"')
        );
    }
}
