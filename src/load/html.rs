//! Saved web pages to article text, the way a browser's reader view does it.
//!
//! `dom_smoothie` (a port of Mozilla's Readability) finds the main content and drops
//! navigation, scripts, cookie banners and footers. We ask it for formatted text, which keeps
//! headings and paragraphs as separate blocks, and read the title, byline, site name and
//! publication time from the page's metadata.
//!
//! Hostile markup is refused before it reaches the parser. The HTML tree builder and
//! Readability's scoring recurse over the tree and walk ancestor chains, so a page of 30,000
//! nested `<div>` overflows a thread's stack (an abort, not a panic) and 100,000 of them take
//! minutes; html5ever also checks each attribute of a tag against the others, so a tag with a
//! million attributes is quadratic. [`check_markup`] is one linear pass that measures nesting
//! depth, attributes per tag and the number of elements, and refuses pages beyond limits no
//! real article page comes near (browsers cap their own trees at a depth of 512). Extraction
//! then runs on its own thread with a stack large enough for that depth, so that neither the
//! viewer's nor rayon's smaller stacks matter, and a panic inside the parser becomes a
//! message instead of ending the program.

use super::{LoadError, PageMetadata};

/// Deepest nesting of elements accepted (the limit browsers use for their own trees).
pub const MAX_DEPTH: usize = 512;
/// Most attributes on one tag (real pages use a few dozen at most).
pub const MAX_ATTRIBUTES: usize = 1000;
/// Most elements in one page (large real pages have tens of thousands).
pub const MAX_ELEMENTS: usize = 500_000;
/// Words in the longest block below which a page is taken to hold no article text.
const MIN_PROSE_WORDS: usize = 8;
/// Stack of the extraction thread. Pages nested 500 levels deep (near [`MAX_DEPTH`]) were
/// read with a 2 MB stack in tests; 64 MB leaves a wide margin and is only reserved.
const EXTRACT_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Article text (paragraphs separated by blank lines) and page metadata.
pub fn extract(html: &str) -> Result<(String, PageMetadata), LoadError> {
    check_markup(html)?;
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("parallax-html".into())
            .stack_size(EXTRACT_STACK_BYTES)
            .spawn_scoped(scope, || extract_checked(html))
            .map_err(|error| LoadError::NoText(format!("the HTML could not be read ({error})")))?
            .join()
            .unwrap_or_else(|_| {
                Err(LoadError::NoText(
                    "the HTML could not be read (the HTML reader failed on this page)".into(),
                ))
            })
    })
}

/// Tags that never have content, so they do not nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Tags the parser closes by itself when the next one opens (`<p>` then `<p>`), so that a
/// page of unclosed paragraphs is not deep. Counting them not at all errs on the safe side
/// for real pages; nested lists and tables still count through `ul`, `ol` and `table`.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp",
];
/// Formatting elements, which the HTML tree builder re-opens in each new block while they
/// are left open.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];
/// Block elements that make the tree builder re-open formatting elements left open.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "dd",
    "dt",
    "pre",
];
/// Tags whose content is raw text up to their closing tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext"];

/// One linear pass over the markup that refuses pages nested deeper than [`MAX_DEPTH`], with
/// a tag of more than [`MAX_ATTRIBUTES`] attributes, or more than [`MAX_ELEMENTS`] elements.
/// It follows the tokenizer loosely (comments, raw text, quoted attribute values); where it
/// differs from the real tree builder it counts fewer levels, never more, for ordinary pages.
pub fn check_markup(html: &str) -> Result<(), LoadError> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut elements = 0usize;
    // The depth at which an `<svg>` or `<math>` element's content starts, while inside one.
    let mut foreign_depth: Option<usize> = None;
    let mut open_formatting = 0usize;
    let mut reconstructed = 0usize;
    let mut at = 0usize;
    let find = |from: usize, needle: &[u8]| -> usize {
        bytes[from.min(bytes.len())..]
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map_or(bytes.len(), |p| from + p + needle.len())
    };
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        let open = at + offset;
        let rest = &bytes[open + 1..];
        if rest.starts_with(b"!--") {
            at = find(open + 4, b"-->");
            continue;
        }
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            at = find(open + 1, b">");
            continue;
        }
        let closing = rest.starts_with(b"/");
        let name_start = open + 1 + usize::from(closing);
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric() && *b != b'-' && *b != b':')
            .map_or(bytes.len(), |p| name_start + p);
        if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
            at = open + 1;
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        // The rest of the tag: attributes, counted outside quoted values.
        let mut position = name_end;
        let mut attributes = 0usize;
        let mut quote = None;
        let mut in_word = false;
        let mut self_closing = false;
        while position < bytes.len() {
            let byte = bytes[position];
            position += 1;
            match quote {
                Some(q) if byte == q => quote = None,
                Some(_) => {}
                None => match byte {
                    b'>' => break,
                    b'"' | b'\'' => quote = Some(byte),
                    b'/' => {
                        self_closing = bytes.get(position) == Some(&b'>');
                        in_word = false;
                    }
                    b'=' => in_word = true,
                    byte if byte.is_ascii_whitespace() => in_word = false,
                    _ => {
                        if !in_word {
                            attributes += 1;
                            in_word = true;
                        }
                    }
                },
            }
        }
        at = position;
        if attributes > MAX_ATTRIBUTES {
            return Err(LoadError::NoText(format!(
                "the page cannot be read: a <{name}> tag at byte {open} has more than \
                 {MAX_ATTRIBUTES} attributes"
            )));
        }
        let counted =
            !VOID.contains(&name.as_str()) && !SELF_CLOSING_SIBLINGS.contains(&name.as_str());
        if closing {
            if counted {
                depth = depth.saturating_sub(1);
            }
            if foreign_depth.is_some_and(|at| depth < at) {
                foreign_depth = None;
            }
            if FORMATTING.contains(&name.as_str()) {
                open_formatting = open_formatting.saturating_sub(1);
            }
            continue;
        }
        elements += 1;
        if elements > MAX_ELEMENTS {
            return Err(LoadError::NoText(format!(
                "the page cannot be read: it has more than {MAX_ELEMENTS} elements"
            )));
        }
        if RAW_TEXT.contains(&name.as_str()) && !self_closing {
            let mut closing_tag = b"</".to_vec();
            closing_tag.extend_from_slice(name.as_bytes());
            at = find(at, &closing_tag);
            continue;
        }
        // `<div/>` opens a `<div>` like `<div>`: HTML honours the slash only on void elements
        // and inside SVG and MathML, so 100,000 of them before the article nest 100,000 deep.
        let foreign = foreign_depth.is_some_and(|at| depth >= at);
        if name == "svg" || name == "math" {
            foreign_depth.get_or_insert(depth + 1);
        }
        if FORMATTING.contains(&name.as_str()) {
            open_formatting += 1;
        } else if BLOCKS.contains(&name.as_str()) {
            // Each block re-opens the formatting elements left open before it (the HTML tree
            // builder's "reconstruct the active formatting elements"): bound that work too.
            reconstructed += open_formatting;
            if elements + reconstructed > MAX_ELEMENTS {
                return Err(LoadError::NoText(format!(
                    "the page cannot be read: {open_formatting} formatting tags (<b>, <i>, …) \
                     are left open and would be re-opened in every paragraph"
                )));
            }
        }
        if counted && !(self_closing && foreign) {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(LoadError::NoText(format!(
                    "the page cannot be read: its markup is nested more than {MAX_DEPTH} \
                     levels deep (at byte {open}); real article pages are far shallower"
                )));
            }
        }
    }
    Ok(())
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn extract_checked(html: &str) -> Result<(String, PageMetadata), LoadError> {
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
    // A page of menus and links (a home page, a section front) leaves a title and short
    // link texts: no paragraph with a sentence's worth of words. Nothing to compare.
    let has_prose = text
        .split("\n\n")
        .filter(|block| title.as_deref() != Some(block.trim()))
        .any(|block| crate::text::word_count(block) >= MIN_PROSE_WORDS);
    if !has_prose {
        return Err(LoadError::NoText(
            "no article text was found: the page holds only a title, navigation or links".into(),
        ));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markup_passes_the_check() {
        let page = "<html><head><script>if (a < b) { x = '<div>'; }</script></head><body>\
                    <!-- <div><div> --><p>One<p>Two<br><img src=a.png alt='x > y'>\
                    <ul><li>a<li>b</ul></body></html>";
        assert_eq!(check_markup(page), Ok(()));
    }

    #[test]
    fn deep_nesting_and_attribute_bombs_are_refused() {
        let deep = "<div>".repeat(MAX_DEPTH + 1);
        let message = check_markup(&deep).unwrap_err().to_string();
        assert!(message.contains("nested more than 512"), "{message}");
        let balanced = "<div></div>".repeat(10_000);
        assert_eq!(check_markup(&balanced), Ok(()));
        let bomb = format!("<p {}>text</p>", "a ".repeat(MAX_ATTRIBUTES + 1));
        let message = check_markup(&bomb).unwrap_err().to_string();
        assert!(message.contains("attributes"), "{message}");
    }
}
