//! Markdown as a reader sees it: which bytes of a paragraph are markup (heading and quote
//! markers, emphasis delimiters, code backticks, the brackets and address of a link, escape
//! backslashes) and which spans are emphasised.
//!
//! The column keeps the document text byte for byte, so that every offset of the report
//! stays exact; the layout draws the markup hidden (`layout`) instead of leaving it out. The
//! rules are CommonMark's in simplified form: ATX headings, block quotes, inline code, inline
//! links and images, autolinks, backslash escapes, and `*`/`_` emphasis with the flanking
//! rules. List markers stay: a reader sees a bullet there.

use std::ops::Range;

/// The markup of one paragraph, in byte ranges of the paragraph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Markup {
    /// Bytes a reader does not see.
    pub hidden: Vec<Range<usize>>,
    /// Strong emphasis (`**…**`, `__…__`) and emphasis (`*…*`, `_…_`).
    pub strong: Vec<Range<usize>>,
    pub emphasis: Vec<Range<usize>>,
}

/// The markup of a Markdown paragraph.
pub fn markdown(paragraph: &str) -> Markup {
    let mut markup = Markup::default();
    let bytes = paragraph.as_bytes();
    // Bytes taken by code, links' addresses and escapes: no emphasis is looked for there.
    let mut literal = vec![false; bytes.len()];
    let mut line_start = 0;
    for line in paragraph.split_inclusive('\n') {
        block_markers(line, line_start, &mut markup.hidden);
        line_start += line.len();
    }
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' if bytes.get(at + 1).is_some_and(u8::is_ascii_punctuation) => {
                markup.hidden.push(at..at + 1);
                literal[at..at + 2].fill(true);
                at += 2;
                continue;
            }
            b'`' => {
                if let Some(end) = code_span(bytes, at) {
                    let run = run_length(bytes, at);
                    markup.hidden.push(at..at + run);
                    markup.hidden.push(end - run..end);
                    literal[at..end].fill(true);
                    at = end;
                    continue;
                }
            }
            b'[' | b'!' => {
                if let Some((text, end)) = link(bytes, at) {
                    markup.hidden.push(at..text.start);
                    markup.hidden.push(text.end..end);
                    literal[text.end..end].fill(true);
                    at = text.start;
                    continue;
                }
            }
            b'<' => {
                if let Some(end) = autolink(paragraph, at) {
                    markup.hidden.push(at..at + 1);
                    markup.hidden.push(end - 1..end);
                    literal[at..end].fill(true);
                    at = end;
                    continue;
                }
            }
            _ => {}
        }
        at += 1;
    }
    emphasis(paragraph, &literal, &mut markup);
    markup.hidden.sort_by_key(|r| r.start);
    markup
}

/// Heading (`## `, and a closing run of `#`) and block quote (`> `) markers of one line that
/// starts at `offset` in the paragraph.
fn block_markers(line: &str, offset: usize, hidden: &mut Vec<Range<usize>>) {
    let content = line.trim_end_matches(['\n', '\r']);
    let indent = content.len() - content.trim_start_matches(' ').len();
    if indent > 3 {
        return;
    }
    let rest = &content[indent..];
    if let Some(quoted) = rest.strip_prefix('>') {
        let space = usize::from(quoted.starts_with(' '));
        hidden.push(offset..offset + indent + 1 + space);
        return;
    }
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    let after = &rest[hashes..];
    if !(1..=6).contains(&hashes) || !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return;
    }
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    hidden.push(offset..offset + indent + hashes + spaces);
    // A closing run: spaces and `#`s at the end of the line.
    let body = after.trim_end_matches([' ', '\t']);
    let closing = body.len() - body.trim_end_matches('#').len();
    if closing > 0 && closing < body.len() {
        let before = &body[..body.len() - closing];
        if before.ends_with([' ', '\t']) {
            let kept = before.trim_end_matches([' ', '\t']).len();
            let start = offset + indent + hashes + kept;
            hidden.push(start..offset + content.len());
        }
    }
}

fn run_length(bytes: &[u8], at: usize) -> usize {
    bytes[at..].iter().take_while(|b| **b == bytes[at]).count()
}

/// The end (exclusive) of a code span opened by the backtick run at `at`: the next run of
/// the same length.
fn code_span(bytes: &[u8], at: usize) -> Option<usize> {
    let run = run_length(bytes, at);
    let mut next = at + run;
    while next < bytes.len() {
        if bytes[next] == b'`' {
            let length = run_length(bytes, next);
            if length == run {
                return Some(next + length);
            }
            next += length;
        } else {
            next += 1;
        }
    }
    None
}

/// An inline link or image at `at`: the range of its text, and the end of its address.
fn link(bytes: &[u8], at: usize) -> Option<(Range<usize>, usize)> {
    let open = if bytes[at] == b'!' { at + 1 } else { at };
    if bytes.get(open) != Some(&b'[') {
        return None;
    }
    let mut depth = 0;
    let mut close = None;
    for (index, byte) in bytes.iter().enumerate().skip(open) {
        match byte {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(index);
                    break;
                }
            }
            b'\n' if bytes.get(index + 1) == Some(&b'\n') => return None,
            _ => {}
        }
    }
    let close = close?;
    if bytes.get(close + 1) != Some(&b'(') {
        return None;
    }
    let end = bytes[close + 2..]
        .iter()
        .position(|b| *b == b')' || *b == b'\n')
        .map(|p| close + 2 + p)
        .filter(|e| bytes[*e] == b')')?;
    Some((open + 1..close, end + 1))
}

/// An autolink `<scheme:…>` or `<name@host>` at `at`: its end (exclusive).
fn autolink(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at + 1..];
    let close = rest.find('>')?;
    let inside = &rest[..close];
    let url = inside.contains("://") || inside.starts_with("mailto:");
    let mail = inside.contains('@') && !inside.contains(' ');
    ((url || mail) && !inside.contains([' ', '<', '\n'])).then_some(at + 1 + close + 1)
}

/// A run of `*` or `_` delimiters.
struct Delimiters {
    at: usize,
    length: usize,
    byte: u8,
    can_open: bool,
    can_close: bool,
}

/// Emphasis by CommonMark's flanking rules, simplified: a closer takes the nearest opener of
/// its character; two delimiters on both sides make strong emphasis, one makes emphasis.
fn emphasis(text: &str, literal: &[bool], markup: &mut Markup) {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if (byte == b'*' || byte == b'_') && !literal[at] {
            let length = run_length(bytes, at);
            let before = text[..at].chars().next_back();
            let after = text[at + length..].chars().next();
            let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
            let punct = |c: Option<char>| c.is_some_and(|c| c.is_ascii_punctuation());
            let left = !space(after) && (!punct(after) || space(before) || punct(before));
            let right = !space(before) && (!punct(before) || space(after) || punct(after));
            let (can_open, can_close) = if byte == b'_' {
                (
                    left && (!right || punct(before)),
                    right && (!left || punct(after)),
                )
            } else {
                (left, right)
            };
            runs.push(Delimiters {
                at,
                length,
                byte,
                can_open,
                can_close,
            });
            at += length;
        } else {
            at += 1;
        }
    }
    let mut openers: Vec<Delimiters> = Vec::new();
    for mut run in runs {
        if run.can_close {
            while run.length > 0 {
                let Some(position) = openers.iter().rposition(|o| o.byte == run.byte) else {
                    break;
                };
                let opener = &mut openers[position];
                let used = if opener.length >= 2 && run.length >= 2 {
                    2
                } else {
                    1
                };
                let open_end = opener.at + opener.length;
                markup.hidden.push(open_end - used..open_end);
                markup.hidden.push(run.at..run.at + used);
                let inner = open_end..run.at;
                if used == 2 {
                    markup.strong.push(inner);
                } else {
                    markup.emphasis.push(inner);
                }
                opener.length -= used;
                run.at += used;
                run.length -= used;
                let keep = if opener.length == 0 {
                    position
                } else {
                    position + 1
                };
                openers.truncate(keep);
            }
        }
        if run.length > 0 && run.can_open {
            openers.push(run);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The paragraph as a reader sees it: the hidden bytes left out.
    fn seen(text: &str) -> String {
        let markup = markdown(text);
        text.char_indices()
            .filter(|(i, _)| !markup.hidden.iter().any(|r| r.contains(i)))
            .map(|(_, c)| c)
            .collect()
    }

    #[test]
    fn heading_and_quote_markers_are_hidden() {
        assert_eq!(seen("# The harbour reopens"), "The harbour reopens");
        assert_eq!(seen("## Tides ##"), "Tides");
        assert_eq!(seen("> The pilot said so"), "The pilot said so");
        assert_eq!(seen("#hashtag stays"), "#hashtag stays");
        assert_eq!(seen("####### seven is text"), "####### seven is text");
        assert_eq!(seen("- a list item"), "- a list item");
    }

    #[test]
    fn emphasis_code_links_and_escapes_show_as_read() {
        assert_eq!(
            seen("The **harbour board** met *twice* on _Monday_."),
            "The harbour board met twice on Monday."
        );
        assert_eq!(seen("A snake_case_name stays"), "A snake_case_name stays");
        assert_eq!(seen("2 * 3 * 4 is arithmetic"), "2 * 3 * 4 is arithmetic");
        assert_eq!(seen("Run `make *all*` now"), "Run make *all* now");
        assert_eq!(
            seen("See [the minutes](https://example.org/m?a=1) and ![a crane](crane.png)."),
            "See the minutes and a crane."
        );
        assert_eq!(
            seen("Mail <chief@harbour.example>"),
            "Mail chief@harbour.example"
        );
        assert_eq!(seen(r"Not \*emphasis\*"), "Not *emphasis*");
        assert_eq!(seen("***both***"), "both");
    }

    #[test]
    fn emphasis_spans_are_reported() {
        let text = "The **board** met *twice*.";
        let markup = markdown(text);
        assert_eq!(markup.strong.len(), 1);
        assert_eq!(&text[markup.strong[0].clone()], "board");
        assert_eq!(markup.emphasis.len(), 1);
        assert_eq!(&text[markup.emphasis[0].clone()], "twice");
    }
}
