//! Stage 2, segment: document text to paragraphs and sentences with byte ranges.
//!
//! Paragraphs end at blank lines and at single line breaks, because many articles (and the
//! ECB+ corpus) put one paragraph or one sentence per line. A line that does not end a
//! sentence and is followed by a line starting in lower case is a hard wrap and is joined.
//! Sentences end at `.`, `!`, `?` and ellipses followed by a capital, a digit or an opening
//! quote, except after abbreviations (`Mr.`, `Col.`, `U.S.`, initials, `No. 5`); decimals
//! never split because the dot is not followed by a space. Each sentence is one passage.
//! Headings, bylines, credits and "Related articles" lines get their own role so that later
//! stages can leave them out.
//!
//! No passage is longer than [`MAX_PASSAGE_BYTES`]: text without sentence punctuation (a
//! 5 MB line, a table dumped as one paragraph) is cut at the last space before the limit, or
//! at the limit itself when there is no space, so that every later stage works on pieces of
//! bounded size. Real sentences are far shorter and are never cut.

use crate::load::LoadedDocument;
use crate::model::{Format, Passage, PassageId, PassageRole};
use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "col", "gen", "lt", "sgt", "capt", "cpt", "maj", "gov", "sen", "rep",
    "st", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "prof", "mt", "ft", "approx",
    "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "adm", "brig", "cmdr", "hon", "rev", "pres", "min", "av", "ave", "rd", "no",
    "nos", "art", "para", "pp", "vol", "ch", "cf", "al",
];

const BOILERPLATE_STARTS: &[&str] = &[
    "photo:",
    "photo credit",
    "photograph:",
    "credit:",
    "credits:",
    "image:",
    "picture:",
    "related articles",
    "related:",
    "read more",
    "read also",
    "see also",
    "copyright",
    "©",
    "(reporting by",
    "reporting by",
    "editing by",
    "follow us",
    "share this",
    "subscribe",
    "sign up",
    "advertisement",
    "all rights reserved",
    "— ",
    "more:",
    "related coverage",
    "related stories",
    "related video",
    "click here",
    "watch:",
    "watch the video",
    "listen:",
    "get the latest",
    "like us on facebook",
    "follow us on",
    "share on",
    "tweet this",
    "email this",
    "print this",
    "this story has been updated",
    "this article has been updated",
    "(ap photo",
    "(getty",
    "(photo",
    "[photo",
    "[image",
    "[video",
    "video:",
    "tags:",
    "topics:",
    "keywords:",
    "filed under",
    "categories:",
];

/// Marks that end a sentence or clause in Chinese and Japanese text (full-width stops,
/// commas and closing quotes): a line ending in one is not a heading.
const WIDE_ENDS: &[char] = &[
    '。', '！', '？', '．', '，', '、', '；', '：', '」', '』', '）',
];

/// Marks of photo captions and credits anywhere in a short line.
const CREDIT_MARKS: &[&str] = &[
    "getty images",
    "ap photo",
    "/reuters",
    "/ reuters",
    "(reuters photo",
    "afp via getty",
    "/afp",
    "photo illustration",
    "file photo",
];

/// One block of a document as segmentation reads it: a paragraph (or the header text at its
/// start) with its role, and why it has that role when it is not body text.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The block's text, less Markdown markers.
    pub range: Range<usize>,
    /// Index of the paragraph the block stands in.
    pub paragraph: usize,
    pub role: PassageRole,
    /// Why a heading or boilerplate block is one, in a few words ("a byline or date line").
    pub reason: Option<&'static str>,
}

/// The blocks of a document in order: header text, headings, boilerplate and body
/// paragraphs, each with its role. [`segment`] cuts body blocks into sentences;
/// `parallax extract` shows the blocks as they are.
pub fn blocks(doc: &LoadedDocument) -> Vec<Block> {
    let mut blocks = Vec::new();
    let paragraphs = paragraphs(&doc.text);
    let last_paragraph = paragraphs.len().saturating_sub(1);
    for (paragraph, range) in paragraphs.into_iter().enumerate() {
        let mut start = range.start;
        // Header text (dates, bylines) at the start of the paragraph is boilerplate.
        for header in &doc.header_ranges {
            if header.start <= start + 1 && header.end > start && header.end <= range.end {
                blocks.push(Block {
                    range: header.start.max(start)..header.end,
                    paragraph,
                    role: PassageRole::Boilerplate,
                    reason: Some("a byline, date or outlet line"),
                });
                start = header.end;
            }
        }
        let content_start = skip_markup(&doc.text, start..range.end, doc.format);
        let body = content_start..range.end;
        let text = doc.text[body.clone()].trim();
        if text.is_empty() {
            continue;
        }
        let is_title = doc
            .title_range
            .as_ref()
            .is_some_and(|t| t.start < range.end && t.end > range.start);
        let (role, reason) = if let Some(reason) = boilerplate(text, paragraph == last_paragraph) {
            (PassageRole::Boilerplate, Some(reason))
        } else if is_title {
            (PassageRole::Heading, Some("the title"))
        } else if let Some(reason) = heading(&doc.text, body.clone(), doc.format) {
            (PassageRole::Heading, Some(reason))
        } else {
            (PassageRole::Body, None)
        };
        blocks.push(Block {
            range: body,
            paragraph,
            role,
            reason,
        });
    }
    blocks
}

/// Splits a loaded document into passages: each body block's sentences, and each other
/// block whole.
pub fn segment(doc: &LoadedDocument) -> Vec<Passage> {
    let mut passages = Vec::new();
    for block in blocks(doc) {
        if block.role == PassageRole::Body {
            for sentence in sentences(&doc.text, block.range) {
                push(
                    &mut passages,
                    &doc.text,
                    sentence,
                    block.paragraph,
                    block.role,
                );
            }
        } else {
            push(
                &mut passages,
                &doc.text,
                block.range,
                block.paragraph,
                block.role,
            );
        }
    }
    passages
}

/// Most passages in one document. A long article has a few hundred sentences and a long
/// report a few thousand; a text with more is not an article (a 50 MB file of text has
/// about 700,000), and is refused rather than analysed for minutes.
pub const MAX_PASSAGES: usize = 20_000;

/// The longest passage, in bytes. The longest sentences of real articles are a few hundred
/// words; beyond this, text is not a sentence but a run without punctuation.
pub const MAX_PASSAGE_BYTES: usize = 2000;

/// `range` cut into pieces of at most [`MAX_PASSAGE_BYTES`], at spaces where possible.
fn length_limited(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_PASSAGE_BYTES {
        let mut limit = start + MAX_PASSAGE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        // After the last space in the second half of the window; else the limit itself.
        // A space may be several bytes long (U+3000, U+00A0): the cut goes after all of it.
        let window = &text[start..limit];
        let cut = window
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .filter(|&(p, _)| p >= MAX_PASSAGE_BYTES / 2)
            .map_or(limit, |(p, space)| start + p + space.len_utf8());
        pieces.push(start..cut);
        start = cut;
    }
    pieces.push(start..range.end);
    pieces
}

fn push(
    passages: &mut Vec<Passage>,
    text: &str,
    range: Range<usize>,
    paragraph: usize,
    role: PassageRole,
) {
    if range.end - range.start > MAX_PASSAGE_BYTES {
        for piece in length_limited(text, range) {
            push_one(passages, text, piece, paragraph, role);
        }
    } else {
        push_one(passages, text, range, paragraph, role);
    }
}

fn push_one(
    passages: &mut Vec<Passage>,
    text: &str,
    range: Range<usize>,
    paragraph: usize,
    role: PassageRole,
) {
    let slice = &text[range.clone()];
    let leading = slice.len() - slice.trim_start().len();
    let trailing = slice.len() - slice.trim_end().len();
    let (start, end) = (range.start + leading, range.end - trailing);
    if start >= end || !text[start..end].chars().any(char::is_alphanumeric) {
        return;
    }
    passages.push(Passage {
        index: PassageId(passages.len()),
        start,
        end,
        paragraph,
        role,
    });
}

/// Byte ranges of paragraphs: non-empty lines (ended by any line break, see
/// [`crate::text::lines`]), with hard-wrapped lines joined. A paragraph longer than
/// [`MAX_PARAGRAPH_BYTES`] (a whole article on one line) is cut between sentences into
/// paragraphs of about that length, so that no stage that works paragraph by paragraph
/// (quotes, speakers, name context, the viewer's layout) sees more than that at once.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for range in lines_joined(text) {
        if range.len() > MAX_PARAGRAPH_BYTES {
            out.extend(cut_paragraph(text, range));
        } else {
            out.push(range);
        }
    }
    out
}

/// The longest paragraph, in bytes. Real paragraphs are a few hundred words at most.
pub const MAX_PARAGRAPH_BYTES: usize = 8000;

/// An over-long paragraph cut into runs of whole sentences (or of passage-sized pieces, for
/// text without sentence punctuation) of at least half [`MAX_PARAGRAPH_BYTES`].
fn cut_paragraph(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for sentence in sentences(text, range) {
        for piece in length_limited(text, sentence) {
            let run = match current.take() {
                Some(run) => run.start..piece.end,
                None => piece,
            };
            if run.len() >= MAX_PARAGRAPH_BYTES / 2 {
                out.push(run);
            } else {
                current = Some(run);
            }
        }
    }
    out.extend(current);
    out
}

/// Lines with hard-wrapped lines joined.
fn lines_joined(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut previous_blank = true;
    for (start, line_end, _) in crate::text::lines(text) {
        let line = &text[start..line_end];
        if line.trim().is_empty() {
            previous_blank = true;
            continue;
        }
        let end = start + line.len();
        let joins = !previous_blank
            && out.last().is_some_and(|last| {
                let prev = text[last.clone()].trim_end();
                let ends_sentence = prev.ends_with(['.', '!', '?', ':', '"', '”', '»', '…', ')']);
                let starts_lower = line
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
                !ends_sentence && starts_lower
            });
        if joins {
            if let Some(last) = out.last_mut() {
                last.end = end;
            }
        } else {
            out.push(start..end);
        }
        previous_blank = false;
    }
    out
}

fn skip_markup(text: &str, range: Range<usize>, format: Format) -> usize {
    if format != Format::Markdown {
        return range.start;
    }
    let slice = &text[range.clone()];
    let trimmed = slice.trim_start();
    let mut skip = slice.len() - trimmed.len();
    let rest = trimmed
        .trim_start_matches('#')
        .trim_start_matches('>')
        .trim_start_matches(['-', '*', '+']);
    let removed = trimmed.len() - rest.len();
    if removed > 0 && rest.starts_with(' ') {
        skip += removed;
    }
    range.start + skip
}

/// Why a block is a heading, if it is one.
fn heading(text: &str, range: Range<usize>, format: Format) -> Option<&'static str> {
    let line = text[range.clone()].trim();
    if format == Format::Markdown {
        let raw = text[..range.start]
            .rsplit(['\n', '\r'])
            .next()
            .unwrap_or("");
        if raw.trim_start().starts_with('#') {
            return Some("a Markdown heading");
        }
    }
    let words = crate::text::word_count(line);
    let short = words <= 14
        && !line.ends_with(['.', '!', '?', ',', ';', ':', '"', '”', '»', '…'])
        && !line.ends_with(WIDE_ENDS)
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    short.then_some("a short line without a full stop")
}

/// Why a block is boilerplate (a credit, a link line, a signature), if it is.
fn boilerplate(line: &str, last_paragraph: bool) -> Option<&'static str> {
    let lower = line.to_lowercase();
    let lower = lower.trim_start_matches(['*', '_', ' ']);
    if BOILERPLATE_STARTS.iter().any(|s| lower.starts_with(s)) {
        return Some("starts like a credit, a \"related\" or a sharing line");
    }
    if lower.contains("pic.twitter.com") || lower.contains("http://") || lower.contains("https://")
    {
        return (line.split_whitespace().count() < 40).then_some("a short line with a link");
    }
    // Captions and credits ("Senator X speaks in Ohio. (AP Photo/Jane Doe)").
    if CREDIT_MARKS.iter().any(|m| lower.contains(m)) && line.split_whitespace().count() < 60 {
        return Some("a photo caption or credit");
    }
    // An embedded social-media post's signature: "— Name (@handle) May 5, 2018".
    if lower.contains("(@") && (lower.starts_with('—') || lower.starts_with("- ")) {
        return Some("the signature of an embedded post");
    }
    if !last_paragraph {
        return None;
    }
    // A signature such as "Khaled" or "*Anna Berg is our correspondent.*" closing the text.
    let words = crate::text::word_count(line);
    if words <= 3 && !line.ends_with(['.', '!', '?']) && !line.ends_with(WIDE_ENDS) {
        return Some("a signature closing the text");
    }
    (line.starts_with('*') || line.starts_with('_')).then_some("a note in italics closing the text")
}

/// Sentence ranges inside one paragraph.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[range.clone()];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut sentence_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '。' | '！' | '？' | '．') {
            // Chinese and Japanese full stops end a sentence whatever follows: those scripts
            // put no space between sentences, and no abbreviation ends in one.
            let end = wide_sentence_end(&chars, i);
            if end >= chars.len() {
                break;
            }
            // A stop inside a quote that the sentence goes on after (「…！」と話した) ends
            // the quote, not the sentence.
            let closed = !matches!(chars[end - 1].1, '。' | '！' | '？' | '．');
            let goes_on = !chars[end].1.is_whitespace()
                && !matches!(chars[end].1, '「' | '『' | '（' | '【' | '“' | '"');
            if closed && goes_on {
                i = end;
                continue;
            }
            out.push(range.start + sentence_start..range.start + chars[end].0);
            let mut next = end;
            while next < chars.len() && chars[next].1.is_whitespace() {
                next += 1;
            }
            sentence_start = chars.get(next).map_or(slice.len(), |p| p.0);
            i = next;
            continue;
        }
        let terminal = matches!(c, '.' | '!' | '?' | '…');
        if !terminal {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // Runs of terminals ("...", "?!").
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…') {
            j += 1;
        }
        // Closing quotes and brackets belong to the sentence that ends here.
        while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
        {
            j += 1;
        }
        if j >= chars.len() {
            break;
        }
        if !chars[j].1.is_whitespace() {
            i = j;
            continue;
        }
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        let Some(&(_, next)) = chars.get(k) else {
            break;
        };
        let opens = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '"' | '“' | '‘' | '«' | '(' | '[' | '\'' | '—' | '-');
        let single_dot = c == '.'
            && (j == i + 1
                || matches!(chars[i + 1..j].first().map(|p| p.1), Some('"' | '”' | ')')));
        if opens && !(single_dot && is_abbreviation(slice, chars[i].0, next)) {
            out.push(range.start + sentence_start..range.start + chars[j].0);
            sentence_start = chars[k].0;
        }
        i = k;
    }
    out.push(range.start + sentence_start..range.end);
    out
}

/// Where a sentence ended by a full-width stop at `stop` ends: after any further stops and
/// the closing quotes and brackets of those scripts (「…。」).
fn wide_sentence_end(chars: &[(usize, char)], stop: usize) -> usize {
    let mut end = stop + 1;
    while end < chars.len()
        && matches!(
            chars[end].1,
            '。' | '！' | '？' | '．' | '」' | '』' | '）' | '】' | '〕' | '”' | '"' | '’'
        )
    {
        end += 1;
    }
    end
}

fn is_abbreviation(slice: &str, dot: usize, next: char) -> bool {
    let before = &slice[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Initials ("J. Smith") and dotted abbreviations ("U.S.", "e.g.").
    let letters: Vec<char> = word.chars().collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    if word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2) {
        return true;
    }
    let lower = word.to_lowercase();
    if lower == "no" || lower == "nos" || lower == "art" {
        return next.is_ascii_digit();
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests;
