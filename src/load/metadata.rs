//! Title, date, author and outlet read from the first lines of an article.
//!
//! Articles saved from the web carry their metadata in many shapes: `21.11.2023 Author: Name`,
//! ` date 2023-11-03`, `By Name, 16 March 2025`, or a dateline such as `Orlen, 15 March 2025 -`
//! at the start of the first paragraph. Each field may be missing. The byte ranges of the
//! header text are returned too, so that segmentation can mark them as boilerplate.

use crate::calendar::{Date, first_date};
use std::ops::Range;

/// Metadata found in the text, with the byte ranges of header text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextMetadata {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    /// Header text that is not part of the article body.
    pub header_ranges: Vec<Range<usize>>,
    /// The byte range of the title line, when it is a line of its own.
    pub title_range: Option<Range<usize>>,
}

fn name_like(text: &str) -> Option<String> {
    let name = text
        .trim()
        .trim_matches(|c: char| c == ',' || c == '-' || c == '–' || c == '—' || c == '|')
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let ok = !words.is_empty()
        && words.len() <= 6
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || w.len() <= 3);
    ok.then(|| words.join(" "))
}

/// Reads metadata from the first lines of `text`. `markdown` enables `# Heading` titles.
pub fn read(text: &str, markdown: bool) -> TextMetadata {
    let mut meta = TextMetadata::default();
    let mut lines_seen = 0;
    for (line_start, line_end, offset) in crate::text::lines(text) {
        let line = &text[line_start..line_end];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        lines_seen += 1;
        if lines_seen > 6 {
            break;
        }
        let lead = line.len() - line.trim_start().len();
        let abs = |r: Range<usize>| line_start + lead + r.start..line_start + lead + r.end;
        let lower = trimmed.to_lowercase();

        // "Author: Name", possibly after a date on the same line.
        if let Some(pos) = lower.find("author:") {
            let after = &trimmed[pos + "author:".len()..];
            if meta.author.is_none() {
                meta.author = name_like(after);
            }
            if meta.date.is_none()
                && let Some((date, _, _)) = first_date(&trimmed[..pos])
            {
                meta.date = Some(date);
            }
            meta.header_ranges.push(abs(0..trimmed.len()));
            continue;
        }
        // "By Name, 16 March 2025" or "By Name".
        if lower.starts_with("by ") && trimmed.len() < 120 {
            let rest = &trimmed[3..];
            let (name_part, date) = match first_date(rest) {
                Some((date, start, _)) => (&rest[..start], Some(date)),
                None => (rest, None),
            };
            if let Some(name) = name_like(name_part) {
                meta.author.get_or_insert(name);
                if meta.date.is_none() {
                    meta.date = date;
                }
                meta.header_ranges.push(abs(0..trimmed.len()));
                continue;
            }
        }
        // " date 2023-11-03 From Bamako…": a date label, possibly followed by body text.
        if let Some(rest) = lower.strip_prefix("date")
            && rest.starts_with([' ', ':'])
            && let Some((date, _, end)) = first_date(&trimmed[4..])
        {
            meta.date.get_or_insert(date);
            meta.header_ranges.push(abs(0..4 + end));
            if trimmed[4 + end..].trim().len() > 40 {
                // Body text follows on the same line: it is the first paragraph.
                break;
            }
            continue;
        }
        // A line that starts with a date: "21.11.2023", "16 March 2025", "March 16, 2025".
        if let Some((date, start, end)) = first_date(trimmed)
            && start == 0
            && trimmed.len() - end < 60
        {
            meta.date.get_or_insert(date);
            meta.header_ranges.push(abs(0..trimmed.len()));
            continue;
        }
        // Dateline: "Orlen, 15 March 2025 - The body…" or "Outlet | 15 March 2025".
        if let Some((date, start, end)) = first_date(trimmed)
            && start > 0
            && start < 50
            && let Some(outlet) = name_like(&trimmed[..start])
        {
            let after = trimmed[end..].trim_start();
            let dash = after.starts_with(['-', '–', '—', ':']);
            if dash || after.is_empty() {
                meta.outlet.get_or_insert(outlet);
                meta.date.get_or_insert(date);
                let dash_len = after.chars().next().map_or(0, char::len_utf8);
                let header_end = trimmed.len() - after.len() + if dash { dash_len } else { 0 };
                meta.header_ranges.push(abs(0..header_end));
                if after.len() > 40 {
                    break;
                }
                continue;
            }
        }
        // Outlet labels.
        for label in ["source:", "outlet:", "publisher:", "published by"] {
            if let Some(rest) = lower.strip_prefix(label)
                && meta.outlet.is_none()
            {
                meta.outlet = name_like(&trimmed[trimmed.len() - rest.len()..]);
            }
        }
        if meta.outlet.is_some() && meta.header_ranges.last().map(|r| r.end) != Some(offset) {
            // An outlet label line is header too.
            if ["source:", "outlet:", "publisher:", "published by"]
                .iter()
                .any(|l| lower.starts_with(l))
            {
                meta.header_ranges.push(abs(0..trimmed.len()));
                continue;
            }
        }
        // The title: a Markdown heading, or the first short line.
        if meta.title.is_none() {
            let heading = if markdown {
                trimmed
                    .strip_prefix('#')
                    .map(|h| h.trim_start_matches('#').trim())
            } else {
                None
            };
            let candidate = heading.unwrap_or(trimmed);
            let short = candidate.len() <= 200
                && !candidate.ends_with(['.', '"', '”', '。', '！', '？', '」', '』']);
            if heading.is_some() || short {
                meta.title = Some(candidate.to_string());
                meta.title_range = Some(abs(0..trimmed.len()));
                continue;
            }
            // A long first line is body text: no title.
            break;
        }
        break;
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_author_header() {
        let meta = read(
            "21.11.2023 Author: Anna Berg\n\nThe title here\n\nBody.",
            false,
        );
        assert_eq!(meta.date, Some(Date::ymd(2023, 11, 21)));
        assert_eq!(meta.author.as_deref(), Some("Anna Berg"));
        assert_eq!(meta.title.as_deref(), Some("The title here"));
    }

    #[test]
    fn date_label_before_body() {
        let text =
            " date 2023-11-03 From the river to the sea, crowds gathered in the square today.";
        let meta = read(text, false);
        assert_eq!(meta.date, Some(Date::ymd(2023, 11, 3)));
        assert_eq!(meta.title, None);
        assert_eq!(&text[meta.header_ranges[0].clone()], "date 2023-11-03");
    }

    #[test]
    fn byline_with_date() {
        let meta = read("# Flood\nBy Ivo Marsh, 16 March 2025\n\nBody.", true);
        assert_eq!(meta.title.as_deref(), Some("Flood"));
        assert_eq!(meta.author.as_deref(), Some("Ivo Marsh"));
        assert_eq!(meta.date, Some(Date::ymd(2025, 3, 16)));
    }

    #[test]
    fn dateline_gives_outlet() {
        let text = "Orlen, 15 March 2025 - The council met on a cold morning to discuss the dam.";
        let meta = read(text, false);
        assert_eq!(meta.outlet.as_deref(), Some("Orlen"));
        assert_eq!(meta.date, Some(Date::ymd(2025, 3, 15)));
        assert_eq!(
            &text[meta.header_ranges[0].clone()],
            "Orlen, 15 March 2025 -"
        );
    }
}
