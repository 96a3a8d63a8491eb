//! A phrase made a label. Takes the phrase chosen from the central sentence; gives it cut at
//! about [`MAX_CHARS`] characters on a word boundary, without filler at either end, with no
//! name split, no quotation mark left open and a capital first letter. A label is read at a
//! glance in a list of events: it must be short, and it must not end on a word that needs
//! what was cut ("a crowd of Kestrian").

use super::{MAX_CHARS, fold, starts_capitalised, words};

/// How far past [`MAX_CHARS`] a label may run to finish a name it would otherwise cut.
pub(super) const NAME_OVERFLOW: usize = 20;

/// Words a label does not open with ("And", "Meanwhile", "Which").
const LEADING_FILLER: &[&str] = &[
    "and",
    "but",
    "so",
    "or",
    "yet",
    "also",
    "meanwhile",
    "however",
    "still",
    "then",
    "now",
    "that",
    "which",
    "who",
    "while",
    "as",
    "because",
];

/// Words a label does not end on: articles, prepositions, pronouns, auxiliaries.
const TRAILING_FILLER: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "that", "his", "her", "their", "its", "was", "is", "were", "are", "be", "as", "said",
    "says", "who", "which", "after", "before", "about", "into", "than", "this", "these", "has",
    "have", "had", "not", "it", "he", "she", "they", "we", "i", "my", "our", "your", "would",
    "will", "could", "should", "can", "may", "said.", "been", "certain", "several", "some", "many",
    "more", "most", "other", "such", "very", "all", "any", "each", "every", "own",
];

/// Words a label cut for length does not end on ("… in November amid"); a label that fits
/// keeps them ("The Tarnow port deal fell through").
const CUT_FILLER: &[&str] = &[
    "amid", "since", "until", "during", "against", "among", "through", "while", "because", "when",
];

/// A phrase made readable as a label: see `tidy`.
pub fn tidy_phrase(phrase: &str) -> String {
    tidy(phrase)
}

/// Whether words are a title-case headline ("White House Asked Bill Clinton to Urge
/// Sestak"): every lower-case word is a short function word. A sentence full of names
/// ("The offer was made in Tarnow by Harbour Board Chief Ilse Varga") is not one.
fn title_case(words: &[&str]) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
        "from", "into", "as", "vs", "over", "after", "amid",
    ];
    words.iter().filter(|w| starts_capitalised(w)).count() * 2 > words.len()
        && words
            .iter()
            .filter(|w| !starts_capitalised(w))
            .all(|w| SMALL.contains(&fold(w).as_str()) || !w.chars().any(char::is_alphabetic))
}

/// Whether a text opens a quote it does not close.
fn unbalanced(text: &str) -> bool {
    let count = |mark: char| text.matches(mark).count();
    count('“') > count('”') || count('"') % 2 == 1
}

/// Drops filler at both ends, cuts at about [`MAX_CHARS`] on a word boundary and
/// capitalises the first letter.
pub(super) fn tidy(phrase: &str) -> String {
    let mut cut = Cut::new(phrase);
    cut.finish_quote();
    cut.finish_name();
    let Cut {
        kept: mut out,
        next,
        ..
    } = cut;
    let was_cut = next.is_some();
    if let Some(next) = next {
        drop_split_word(&mut out, next);
    }
    drop_filler(&mut out, was_cut);
    if let Some(next) = next {
        drop_dangling_words(&mut out, next, was_cut);
        drop_verbless_report(&mut out, was_cut);
    }
    finished(&out)
}

/// A phrase cut at about [`MAX_CHARS`] characters: its words and those kept.
struct Cut<'a> {
    /// The phrase's words, without leading filler.
    words: Vec<&'a str>,
    /// The words kept.
    kept: Vec<&'a str>,
    /// The characters of the words kept, with the spaces between them.
    length: usize,
    /// The index in `words` of the first word not kept.
    at: usize,
    /// The first word not kept, when the phrase was cut.
    next: Option<&'a str>,
}

impl<'a> Cut<'a> {
    /// The words of a phrase without leading filler, kept while they fit in [`MAX_CHARS`].
    fn new(phrase: &'a str) -> Self {
        let mut ws: Vec<&str> = words(phrase);
        while ws
            .first()
            .is_some_and(|w| LEADING_FILLER.contains(&fold(w).as_str()))
            && ws.len() > 2
        {
            ws.remove(0);
        }
        let mut out: Vec<&str> = Vec::new();
        let mut length = 0;
        let mut next: Option<&str> = None;
        let mut at = 0;
        while at < ws.len() {
            let w = ws[at];
            let added = w.chars().count() + usize::from(!out.is_empty());
            if length + added > MAX_CHARS && !out.is_empty() {
                next = Some(w);
                break;
            }
            out.push(w);
            length += added;
            at += 1;
        }
        Cut {
            words: ws,
            kept: out,
            length,
            at,
            next,
        }
    }

    /// A quote that the cut would leave open ("blamed “progressivism | ” for") is finished
    /// when it ends within a few more characters, else left out.
    fn finish_quote(&mut self) {
        let (ws, at) = (&self.words, self.at);
        if self.next.is_some() && unbalanced(&self.kept.join(" ")) {
            let closing = (at..ws.len()).find(|&k| ws[k].contains(['”', '"']));
            let extra: usize = closing.map_or(usize::MAX, |k| {
                ws[at..=k].iter().map(|w| w.chars().count() + 1).sum()
            });
            if let Some(k) = closing.filter(|_| self.length + extra <= MAX_CHARS + NAME_OVERFLOW) {
                self.kept.extend_from_slice(&ws[at..=k]);
                self.at = k + 1;
                self.next = ws.get(self.at).copied();
            } else if let Some(opening) = self.kept.iter().rposition(|w| w.starts_with(['“', '"']))
                && opening >= 2
            {
                self.at = opening;
                self.next = Some(self.kept[opening]);
                self.kept.truncate(opening);
            }
        }
    }

    /// A name that the cut would split ("Harbour Board | Chief Ilse Varga") is finished
    /// when it ends within a few more characters.
    fn finish_name(&mut self) {
        let (ws, at) = (&self.words, self.at);
        if self.next.is_some_and(starts_capitalised)
            && self.kept.last().is_some_and(|w| starts_capitalised(w))
            && !title_case(&self.kept)
        {
            let mut end = at;
            while end < ws.len()
                && (starts_capitalised(ws[end])
                    || (fold(ws[end]) == "of"
                        && ws.get(end + 1).is_some_and(|w| starts_capitalised(w))))
            {
                end += 1;
            }
            let extra: usize = ws[at..end].iter().map(|w| w.chars().count() + 1).sum();
            if self.length + extra <= MAX_CHARS + NAME_OVERFLOW {
                self.kept.extend_from_slice(&ws[at..end]);
                self.next = ws.get(end).copied();
            }
        }
    }
}

/// Drops filler words at the end of a label (and, when it was cut, the words that need
/// what was cut after them: "amid", "until").
fn drop_filler(out: &mut Vec<&str>, cut: bool) {
    while out.len() > 2
        && out.last().is_some_and(|w| {
            let w = fold(w);
            TRAILING_FILLER.contains(&w.as_str()) || (cut && CUT_FILLER.contains(&w.as_str()))
        })
    {
        out.pop();
    }
}

/// Cut inside a phrase: never in the middle of a name ("the Kestrian Harbour |
/// Pilots Authority") nor after a participle that opens the dropped part ("dating | back to").
/// Both are judged at the cut itself (`next` is the first word cut off), before filler is
/// dropped, and the name rule does not apply to a title-case headline, where every word is
/// capitalised.
fn drop_split_word(out: &mut Vec<&str>, next: &str) {
    let title_case = title_case(out);
    if !title_case && starts_capitalised(next) && out.last().is_some_and(|w| starts_capitalised(w))
    {
        while out.len() > 3 && out.last().is_some_and(|w| starts_capitalised(w)) {
            out.pop();
        }
    } else if out.len() > 3
        && out
            .last()
            .is_some_and(|w| fold(w).ends_with("ing") && !starts_capitalised(w))
        // "have been sifting" is the verb itself.
        && !out.get(out.len() - 2).is_some_and(|w| {
            ["be", "been", "is", "are", "was", "were", "am", "being"].contains(&fold(w).as_str())
        })
    {
        out.pop();
    }
}

/// A label cut for length does not end on a word that needs what was cut: an adjective
/// ("a crowd of Kestrian | dockers"), a determiner, a preposition or a conjunction, as
/// the tagger reads the word in the context of the word after it (`next`, the first word
/// cut off, at first).
/// An adjective goes only when the cut word after it is the noun it qualifies, or another
/// adjective before that noun ("Kestrian | dockers"; not "a veteran harbour pilot | who"),
/// and not when it follows a noun ("declared the quay safe | Tuesday"). A
/// particle after a verb stays ("called off | the strike"). Title-case headlines are
/// left alone: the tagger reads their particles ("Drop Out") as prepositions.
fn drop_dangling_words(out: &mut Vec<&str>, next: &str, cut: bool) {
    use crate::extract::tagger::Pos;
    if title_case(out) {
        return;
    }
    let mut after = next.to_string();
    while out.len() > 3 {
        let kept = out.join(" ");
        let context = format!("{kept} {after}");
        let tokens = crate::text::tokens(&context);
        let tags = crate::extract::tagger::tag(&context, &tokens);
        let Some(last) = tokens.iter().rposition(|t| t.end <= kept.len()) else {
            break;
        };
        let tag_after = tags.get(last + 1).copied();
        let tag_before = last.checked_sub(1).and_then(|i| tags.get(i)).copied();
        let dangling = match tags.get(last) {
            Some(Pos::Adp) => !tag_before.is_some_and(Pos::is_verbal),
            Some(Pos::Det | Pos::Cconj | Pos::Sconj) => true,
            Some(Pos::Adj) => {
                tag_after.is_some_and(|t| matches!(t, Pos::Noun | Pos::Propn | Pos::Adj))
                    && !tag_before.is_some_and(|t| matches!(t, Pos::Noun | Pos::Propn))
            }
            Some(Pos::Adv) => matches!(
                fold(tokens[last].text).as_str(),
                "how" | "so" | "very" | "too" | "more" | "most" | "less" | "why" | "where"
            ),
            _ => false,
        };
        if !dangling {
            break;
        }
        after = out.pop().unwrap_or_default().to_string();
        drop_filler(out, cut);
    }
}

/// A cut right after "that" or "saying" and a subject ("quipped that he's", "exited
/// saying Trump") leaves the reported clause without its verb: it goes.
fn drop_verbless_report(out: &mut Vec<&str>, cut: bool) {
    if let Some(opener) = out
        .iter()
        .rposition(|w| matches!(fold(w).as_str(), "that" | "saying" | "which" | "whether"))
        && opener >= 3
        && out.len() - opener <= 3
    {
        out.truncate(opener);
        drop_filler(out, cut);
    }
}

/// The words of a label joined, without stray punctuation at its ends, with the marks of
/// a quote it opens or closes, and with a capital first letter.
fn finished(out: &[&str]) -> String {
    let joined = out.join(" ");
    // "U.S." keeps its last full stop.
    let abbreviated = out.last().is_some_and(|w| {
        let parts: Vec<&str> = w.split('.').filter(|p| !p.is_empty()).collect();
        w.ends_with('.')
            && parts.len() >= 2
            && parts
                .iter()
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
    });
    let joined = if abbreviated {
        joined.as_str()
    } else {
        joined.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '$')
    };
    let joined = joined.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '$');
    // The marks of a quote the label opens or closes stay ("blamed “progressivism”",
    // "“on multiple occasions” around …").
    let joined = if unbalanced(joined) {
        format!("{joined}{}", if joined.contains('“') { '”' } else { '"' })
    } else if joined.matches('”').count() > joined.matches('“').count() {
        format!("“{joined}")
    } else {
        joined.to_string()
    };
    // Capitalise the first letter, after an opening mark if there is one.
    match joined.char_indices().find(|(_, c)| c.is_alphanumeric()) {
        Some((at, first)) => format!(
            "{}{}{}",
            &joined[..at],
            first.to_uppercase(),
            &joined[at + first.len_utf8()..]
        ),
        None => String::new(),
    }
}
