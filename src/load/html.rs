//! Saved web pages to article text, the way a browser's reader view does it.
//!
//! `dom_smoothie` (a port of Mozilla's Readability) finds the main content and drops
//! navigation, scripts, cookie banners and footers. We ask it for formatted text, which keeps
//! headings and paragraphs as separate blocks, and read the title, byline, site name and
//! publication time from the page's metadata.

use super::{LoadError, PageMetadata};

/// Article text (paragraphs separated by blank lines) and page metadata.
pub fn extract(html: &str) -> Result<(String, PageMetadata), LoadError> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, None, Some(config))
        .map_err(|error| LoadError::NoText(format!("the HTML could not be read ({error})")))?;
    let article = readability
        .parse()
        .map_err(|error| LoadError::NoText(format!("no article text was found ({error})")))?;
    let mut text = normalise_blocks(&article.text_content);
    let title = clean(&article.title);
    // Readability drops the headline when it repeats the page title; keep it as the first
    // block so that the text starts the way the page does.
    if let Some(title) = &title
        && !text.trim_start().starts_with(title.as_str())
    {
        text = format!("{title}\n\n{text}");
    }
    if text.trim().is_empty() {
        return Err(LoadError::NoText("no article text was found".into()));
    }
    let date = article
        .published_time
        .as_deref()
        .and_then(|t| t.get(..10))
        .filter(|t| crate::calendar::Date::parse_iso(t).is_some())
        .map(str::to_string);
    Ok((
        text,
        PageMetadata {
            title,
            author: article.byline.as_deref().and_then(clean),
            outlet: article
                .site_name
                .as_deref()
                .and_then(clean)
                .or_else(|| title_suffix(html)),
            date,
        },
    ))
}

/// The site name that many pages append to their `<title>`: "Headline | Sarnovec Courier".
fn title_suffix(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let title = html.get(start..end)?;
    let (_, suffix) = title
        .rsplit_once(" | ")
        .or_else(|| title.rsplit_once(" – "))?;
    let suffix = suffix.trim();
    (!suffix.is_empty() && suffix.len() <= 40).then(|| suffix.to_string())
}

fn clean(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// One paragraph per block: trims each line, collapses runs of blank lines into one.
fn normalise_blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out.push('\n');
    out
}
