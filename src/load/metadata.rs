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

/// Splits "Name, Outlet", "Name | Outlet" and "Name for Outlet" (a byline after "By") into
/// the name and the outlet; "Name, staff reporter" is left whole.
fn byline_outlet(text: &str) -> (&str, Option<String>) {
    let split = [" | ", ", ", " for "]
        .iter()
        .find_map(|sep| text.split_once(sep));
    let Some((name, rest)) = split else {
        return (text, None);
    };
    let rest = rest.trim().trim_end_matches([',', '-', '|', ' ']);
    // A role ("Chief Reporter", "Staff Writer") is not an outlet.
    const ROLES: [&str; 8] = [
        "reporter",
        "correspondent",
        "writer",
        "editor",
        "staff",
        "columnist",
        "journalist",
        "contributor",
    ];
    let role = rest
        .split_whitespace()
        .any(|w| ROLES.contains(&w.to_lowercase().as_str()));
    match (!role && !rest.is_empty())
        .then(|| name_like(rest))
        .flatten()
    {
        Some(outlet) => (name, Some(outlet)),
        // Read as before: a byline with a role is not taken apart.
        None => (text, None),
    }
}

/// The outlet credited in a wire dateline: "CITY (Outlet) -" or "CITY, Nov 20 (Outlet) -",
/// at the start of a line.
fn wire_credit(line: &str) -> Option<String> {
    let open = line.find('(')?;
    if open == 0 || open > 40 || !line[..open].starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let close = open + line[open..].find(')')?;
    let after = line[close + 1..].trim_start();
    if !after.starts_with(['-', '–', '—']) {
        return None;
    }
    // The place before the credit is written in capitals, as datelines are.
    let place = line[..open].split(',').next().unwrap_or_default().trim();
    let capitals =
        place.chars().any(char::is_alphabetic) && place.chars().all(|c| !c.is_lowercase());
    if !capitals {
        return None;
    }
    name_like(&line[open + 1..close])
}

/// The outlet named by a masthead line: "TESSEL COURIER - Lauwick edition - 18 April 2024",
/// a name in capitals, then a dash or a bar, then more and a date; on the first line only.
fn masthead(line: &str, lines_seen: usize) -> Option<String> {
    if lines_seen != 1 {
        return None;
    }
    first_date(line)?;
    let (name, _) = [" - ", " – ", " — ", " | "]
        .iter()
        .find_map(|sep| line.split_once(sep))?;
    let name = name.trim();
    let capitals = name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && name.chars().all(|c| !c.is_lowercase());
    if !capitals || first_date(name).is_some() {
        return None;
    }
    let words: Vec<String> = name_like(name)?
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().collect::<String>() + chars.as_str()
            })
        })
        .collect();
    Some(words.join(" "))
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
        // "By Name, 16 March 2025", "By Name | Outlet", "By Name, staff reporter" or "By Name".
        if lower.starts_with("by ") && trimmed.len() < 120 {
            let rest = &trimmed[3..];
            let (name_part, date) = match first_date(rest) {
                Some((date, start, _)) => (&rest[..start], Some(date)),
                None => (rest, None),
            };
            let (name_part, outlet) = byline_outlet(name_part);
            if let Some(name) = name_like(name_part) {
                meta.author.get_or_insert(name);
                if let Some(outlet) = outlet {
                    meta.outlet.get_or_insert(outlet);
                }
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
                // "Orlen, 15 March 2025 -" names a place; "Tessel Courier | 15 March 2025"
                // (a masthead, the name then a bar) names the outlet.
                if trimmed[..start].trim_end().ends_with('|') {
                    meta.outlet.get_or_insert(outlet);
                }
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
        // A wire credit in a dateline: "KARNHOLM, Nov 20 (Nordpress) - The court…", or a
        // masthead: "TESSEL COURIER - Lauwick edition - Thursday, 18 April 2024" (the line
        // stays the title it was read as: only the outlet is new).
        if meta.outlet.is_none() {
            meta.outlet = wire_credit(trimmed).or_else(|| masthead(trimmed, lines_seen));
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
    fn outlets_stated_in_bylines_datelines_and_mastheads() {
        let meta = read(
            "Title line\nBy Ann Berg | The Valdera Herald\n\nBody.",
            false,
        );
        assert_eq!(meta.author.as_deref(), Some("Ann Berg"));
        assert_eq!(meta.outlet.as_deref(), Some("The Valdera Herald"));
        let meta = read("Title line\nBy Jonas Veer, Staff Reporter\n\nBody.", false);
        assert_eq!(meta.outlet, None, "a role is not an outlet");
        let meta = read(
            "KARNHOLM, Nov 20 (Nordpress) - The court on Monday found the man guilty.",
            false,
        );
        assert_eq!(meta.outlet.as_deref(), Some("Nordpress"));
        let meta = read(
            "TESSEL COURIER - Lauwick edition - Thursday, 18 April 2024\n\nA title\n\nBody.",
            false,
        );
        assert_eq!(meta.outlet.as_deref(), Some("Tessel Courier"));
        // Words in brackets inside a sentence are not a credit.
        let meta = read("The mayor (a former judge) - said little.", false);
        assert_eq!(meta.outlet, None);
    }

    #[test]
    fn dateline_gives_place_not_outlet() {
        let text = "Orlen, 15 March 2025 - The council met on a cold morning to discuss the dam.";
        let meta = read(text, false);
        // "Orlen" is where the story was filed, not who published it.
        assert_eq!(meta.outlet, None);
        assert_eq!(meta.date, Some(Date::ymd(2025, 3, 15)));
        assert_eq!(
            &text[meta.header_ranges[0].clone()],
            "Orlen, 15 March 2025 -"
        );
    }
}
