//! How a source is named: one rule for the viewer, the reports and the exports.

use crate::model::{Passage, PassageRole};

/// The given outlet, else a tidy form of the file name ("01_state_herald.txt" becomes
/// "State Herald", "nyt.txt" the abbreviation "NYT"; "002_5297e4650a3c2fb4.txt" stays
/// "002_5297e4650a3c2fb4"). [`source_name`] is the whole naming rule.
pub fn display_name(outlet: Option<&str>, path: &str) -> String {
    if let Some(outlet) = outlet {
        return outlet.to_string();
    }
    let stem = std::path::Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned());
    // A numbering prefix ("01_") is dropped only when words follow it; a stem such as
    // "002_5297e4650a3c2fb4" is an identifier and stays whole.
    let without_number =
        stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '_' || c == '-' || c == ' ');
    let wordy = without_number
        .split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().all(char::is_alphabetic));
    let trimmed = if wordy && !without_number.is_empty() {
        without_number
    } else {
        return stem;
    };
    // One short word is an abbreviation: "nyt" is "NYT".
    if trimmed.chars().count() <= 3 && trimmed.chars().all(|c| c.is_alphabetic()) {
        return trimmed.to_uppercase();
    }
    let words: Vec<String> = trimmed
        .split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().collect::<String>() + chars.as_str()
            })
        })
        .collect();
    if words.is_empty() {
        stem
    } else {
        words.join(" ")
    }
}

/// What a source's name is made from (see [`source_name`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct NameParts<'a> {
    /// A name the user gave the source.
    pub given: Option<&'a str>,
    /// The outlet the article states (a "Source:" line, a byline, a wire credit, a page's
    /// site name).
    pub outlet: Option<&'a str>,
    pub path: &'a str,
    pub title: Option<&'a str>,
    /// The text of the first heading, and of the first body sentence.
    pub heading: Option<&'a str>,
    pub opening: Option<&'a str>,
}

/// The longest a name made from a title or a sentence runs, in characters.
const NAME_CHARS: usize = 40;

/// The one rule that names a source, in the viewer, the reports and the exports alike: the
/// name the user gave it; else the outlet the article states; else its file name when that
/// is made of words ("01_state_herald.txt" is "State Herald", "nyt.txt" the abbreviation
/// "NYT"); else its title, shortened; else its first heading; else the opening words of its
/// first sentence; else the file name as it is ("002_5297e4650a3c2fb4").
pub fn source_name(parts: &NameParts) -> String {
    if let Some(name) = parts
        .given
        .or(parts.outlet)
        .filter(|n| !n.trim().is_empty())
    {
        return name.to_string();
    }
    let file = display_name(None, parts.path);
    if file_name_is_words(parts.path) {
        return file;
    }
    [parts.title, parts.heading, parts.opening]
        .into_iter()
        .flatten()
        .find_map(shorten)
        .unwrap_or(file)
}

/// Whether a file's stem is made of words (and so names the source), rather than an
/// identifier such as "002_5297e4650a3c2fb4".
fn file_name_is_words(path: &str) -> bool {
    let stem = std::path::Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned());
    let words = stem.trim_start_matches(|c: char| c.is_ascii_digit() || "_- ".contains(c));
    !words.is_empty()
        && words
            .split(['_', '-', ' '])
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().all(char::is_alphabetic))
}

/// A title or sentence cut to about [`NAME_CHARS`] characters at a word, with "…" when cut;
/// `None` when it holds no letter.
fn shorten(text: &str) -> Option<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    if text.chars().count() <= NAME_CHARS {
        return Some(text.trim_end_matches(['.', ',', ':', ';']).to_string());
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > NAME_CHARS && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let cut: String = out.chars().take(NAME_CHARS).collect();
    let cut = cut.trim_end_matches(|c: char| !c.is_alphanumeric());
    Some(format!("{cut}…"))
}

/// The text of the first passage of `role` in a document, if its text is there.
fn first_of_role<'a>(text: &'a str, passages: &[Passage], role: PassageRole) -> Option<&'a str> {
    let passage = passages.iter().find(|p| p.role == role)?;
    text.get(passage.start..passage.end)
}

/// The parts of a source's name read from its text: the first heading and the first body
/// sentence (see [`source_name`]).
pub fn name_parts_from_text<'a>(
    text: &'a str,
    passages: &[Passage],
) -> (Option<&'a str>, Option<&'a str>) {
    (
        first_of_role(text, passages, PassageRole::Heading),
        first_of_role(text, passages, PassageRole::Body),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_become_readable_source_names() {
        assert_eq!(
            super::display_name(None, "a/01_state_herald.txt"),
            "State Herald"
        );
        assert_eq!(
            super::display_name(None, "seeds/002_5297e4650a3c2fb4.txt"),
            "002_5297e4650a3c2fb4"
        );
        assert_eq!(super::display_name(Some("Fox News"), "fox.txt"), "Fox News");
        assert_eq!(super::display_name(None, "nyt.txt"), "NYT");
    }

    #[test]
    fn sources_without_outlet_are_named_by_title_heading_or_opening() {
        use super::{NameParts, source_name};
        let seed = "stories/000_f2e8904841172fcc.txt";
        let title = "Tarnow's harbour reforms and the quiet collapse of the dockers' union talks";
        let named = |parts: NameParts| source_name(&parts);
        // A long title is cut at a word, with an ellipsis.
        assert_eq!(
            named(NameParts {
                path: seed,
                title: Some(title),
                ..NameParts::default()
            }),
            "Tarnow's harbour reforms and the quiet…"
        );
        // No title: the first heading, else the first sentence's opening words.
        assert_eq!(
            named(NameParts {
                path: seed,
                heading: Some("Floods"),
                ..NameParts::default()
            }),
            "Floods"
        );
        assert_eq!(
            named(NameParts {
                path: seed,
                opening: Some("Dockers in Tarnow have greeted the promised return of the ferries."),
                ..NameParts::default()
            }),
            "Dockers in Tarnow have greeted the…"
        );
        // Nothing to go on: the file name as it is.
        assert_eq!(
            named(NameParts {
                path: seed,
                ..NameParts::default()
            }),
            "000_f2e8904841172fcc"
        );
        // A file named in words, an outlet and the user's name come first, in that order.
        let worded = NameParts {
            path: "a/01_state_herald.txt",
            title: Some(title),
            ..NameParts::default()
        };
        assert_eq!(named(worded), "State Herald");
        let stated = NameParts {
            outlet: Some("Kestrian Herald"),
            ..worded
        };
        assert_eq!(named(stated), "Kestrian Herald");
        assert_eq!(
            named(NameParts {
                given: Some("Mine"),
                ..stated
            }),
            "Mine"
        );
    }
}
