//! Names in title-case headings. A heading that capitalises every word ("Eric Cantor
//! Defeated by David Brat in Primary Upset") gives no clue which capitals are names, so
//! mention finding skips it. The names its own article writes in its body are known,
//! though: each full name of two words or more that the body names is looked up in the
//! heading, as whole words, and its occurrences there become mentions like the body's.
//! Only the article's own names are used, so a heading never names what its article does
//! not.

use super::entities::RawMention;
use super::resolve::PlacedMention;
use super::{CorpusDocument, PassageFeatures};
use crate::model::{DocId, PassageId};

/// Adds the known names of each document to its title-case headings.
pub(super) fn add(documents: &mut [CorpusDocument], mentions: &mut Vec<PlacedMention>) {
    for (doc_index, document) in documents.iter_mut().enumerate() {
        let headings: Vec<usize> = (0..document.features.len())
            .filter(|&p| document.features[p].title_case)
            .collect();
        if headings.is_empty() {
            continue;
        }
        // The document's full names, longest first, each once.
        let mut known: Vec<RawMention> = mentions
            .iter()
            .filter(|m| m.document == DocId(doc_index) && m.mention.words.len() >= 2)
            .map(|m| m.mention.clone())
            .collect();
        known.sort_by(|a, b| b.text.len().cmp(&a.text.len()).then(a.text.cmp(&b.text)));
        known.dedup_by(|a, b| a.text == b.text);
        let text = document.loaded.text.as_str();
        for passage in headings {
            let range = document.passages[passage].start..document.passages[passage].end;
            let found = occurrences(text, range, &known);
            let features: &mut PassageFeatures = &mut document.features[passage];
            for mention in found {
                features.mentions.push(mentions.len());
                mentions.push(PlacedMention {
                    document: DocId(doc_index),
                    passage: PassageId(passage),
                    paragraph: document.passages[passage].paragraph,
                    mention,
                });
            }
        }
    }
}

/// The known names written in `text[range]` as whole words, longest first and never
/// overlapping.
fn occurrences(text: &str, range: std::ops::Range<usize>, known: &[RawMention]) -> Vec<RawMention> {
    let slice = &text[range.clone()];
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for name in known {
        let mut from = 0;
        while let Some(at) = slice[from..].find(name.text.as_str()) {
            let (start, end) = (from + at, from + at + name.text.len());
            from = end;
            let before = slice[..start].chars().next_back();
            let after = slice[end..].chars().next();
            let whole = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            if !whole || taken.iter().any(|&(s, e)| start < e && s < end) {
                continue;
            }
            taken.push((start, end));
            out.push(RawMention {
                start: range.start + start,
                end: range.start + end,
                titles: Vec::new(),
                speaker_cue: false,
                ..name.clone()
            });
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    fn name(text: &str) -> RawMention {
        RawMention {
            start: 0,
            end: text.len(),
            text: text.to_string(),
            words: text.split(' ').map(str::to_lowercase).collect(),
            titles: Vec::new(),
            kind: EntityKind::Person,
            speaker_cue: false,
        }
    }

    #[test]
    fn known_names_are_found_as_whole_words_longest_first() {
        let heading = "Ilse Varga Beats Ilse Vargas Ally in Tarnow Port Vote";
        let known = [name("Ilse Vargas"), name("Ilse Varga"), name("Tarnow Port")];
        let found = occurrences(heading, 0..heading.len(), &known);
        let texts: Vec<&str> = found.iter().map(|m| &heading[m.start..m.end]).collect();
        assert_eq!(texts, ["Ilse Varga", "Ilse Vargas", "Tarnow Port"]);
    }
}
