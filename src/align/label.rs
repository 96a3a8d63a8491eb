//! Readable event labels: a short phrase from the text of the event's most central passage.
//!
//! A bag of stems ("work, russia, mali") tells a reader nothing. The label is instead the
//! clause of the central sentence that carries most of the event's anchors, with its subject
//! put back when an apposition or attribution split it off ("Ilse Varga, chair of the
//! inquiry, drew criticism" gives "Ilse Varga drew criticism"), cut to about 60 characters
//! at a word boundary. Datelines, leading conjunctions and attribution tails are dropped.

use std::collections::HashSet;

/// The longest label, in characters (a word may end a little past it, never the phrase).
pub const MAX_CHARS: usize = 60;
/// How far past [`MAX_CHARS`] a label may run to finish a name it would otherwise cut.
const NAME_OVERFLOW: usize = 20;

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

/// Words that open a place or time phrase ("In Tarnow,", "On Monday,"): such a phrase is
/// never the subject put back before a predicate.
const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "for",
    "from",
    "with",
    "by",
    "since",
    "under",
    "over",
    "near",
    "across",
    "amid",
    "despite",
    "following",
    "within",
];

/// Words of an attribution clause ("he said", "according to officials").
const ATTRIBUTION: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "added",
    "wrote",
    "reported",
    "reports",
    "stated",
    "noted",
    "explained",
    "asked",
];

/// Common verbs of news reports that do not end in "-ed" (and "-ed" words that are not verbs
/// are rare enough in clause position not to matter).
const VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "said", "says", "told", "met", "meets", "went", "goes", "won", "wins", "lost", "loses", "left",
    "leaves", "took", "takes", "made", "makes", "gave", "gives", "held", "holds", "sent", "sends",
    "led", "leads", "came", "comes", "began", "begins", "ran", "runs", "broke", "fell", "rose",
    "grew", "paid", "pays", "sold", "sells", "bought", "buys", "wrote", "writes", "spoke",
    "speaks", "hit", "hits", "set", "sets", "cut", "cuts", "quit", "quits", "died", "dies",
    "faces", "faced", "calls", "wants", "plans", "vows", "urges", "denies", "admits", "asks",
    "gets", "got", "became", "becomes", "struck", "fought", "fights", "signed", "signs", "shot",
];

/// Whether a clause has a word that looks like its verb.
fn has_verb(clause: &str) -> bool {
    words(clause)
        .iter()
        .skip(1)
        .chain(words(clause).first())
        .any(|w| {
            let folded = fold(w);
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            lower
                && (VERBS.contains(&folded.as_str())
                    || (folded.len() > 4 && folded.ends_with("ed")))
        })
}

/// Whether a word is a participle or gerund in "-ing" ("Using", "Following"), not a noun
/// that ends so ("thing", "spring").
pub fn participle(word: &str) -> bool {
    let word = fold(word);
    word.len() >= 5
        && word.ends_with("ing")
        && ![
            "thing", "bring", "spring", "string", "swing", "sting", "during", "morning", "evening",
            "building", "meeting", "wedding", "ceiling",
        ]
        .contains(&word.as_str())
}

/// Whether a word is a short capitalised abbreviation ("Va.", "Calif.", "D.C.").
fn abbreviation(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    word.ends_with('.') && word.chars().count() <= 6 && word.starts_with(char::is_uppercase)
}

/// Splits a sentence into clauses at punctuation that separates them.
fn clauses(text: &str) -> Vec<&str> {
    // Scare quotes ("blamed “progressivism” for …") are part of their clause: the marks of a
    // quote of at most three words do not split.
    let mut inline_marks: Vec<usize> = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        match (c, open) {
            ('“', _) | ('"', None) => open = Some((at, c)),
            ('”' | '"', Some((start, o))) => {
                let inner = &text[start + o.len_utf8()..at];
                if inner.split_whitespace().count() <= 3
                    && !inner.contains(['.', ',', ';', ':', '?', '!'])
                {
                    inline_marks.extend([start, at]);
                }
                open = None;
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let split = match c {
            // "4,000" is one number.
            // "4,000" is one number; "Brennholt, Ost. have been" keeps the place whole.
            ',' => {
                let next_word = text[i + 1..].split_whitespace().next().unwrap_or("");
                let last_word = text[..i].split_whitespace().next_back().unwrap_or("");
                let number = text[..i].ends_with(|p: char| p.is_ascii_digit())
                    && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
                !(number || abbreviation(next_word) || abbreviation(last_word))
            }
            '"' | '“' | '”' => !inline_marks.contains(&i),
            ';' | ':' | '(' | ')' | '—' | '–' => true,
            // " - " as a dash, not inside a hyphenated word.
            '-' => text[..i].ends_with(' ') && chars.peek().is_some_and(|(_, n)| *n == ' '),
            _ => false,
        };
        if split {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|c| c.chars().any(char::is_alphanumeric))
        .collect()
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

fn fold(word: &str) -> String {
    crate::text::fold(word.trim_matches(|c: char| !c.is_alphanumeric()))
}

fn starts_capitalised(clause: &str) -> bool {
    clause.chars().next().is_some_and(char::is_uppercase)
}

/// Strips a leading dateline ("WASHINGTON —", "KABUL, Afghanistan (AP) -").
pub fn strip_dateline(text: &str) -> &str {
    let head: String = text.chars().take(60).collect();
    for dash in [" — ", " – ", " - ", "—", "(AP) "] {
        if let Some(at) = head.find(dash) {
            let before = &head[..at];
            let letters: Vec<char> = before.chars().filter(|c| c.is_alphabetic()).collect();
            let upper = letters.iter().filter(|c| c.is_uppercase()).count();
            // The place is written in capitals: "WASHINGTON", "LOS ANGELES, Calif."
            let first_word = before.split([' ', ',']).next().unwrap_or("");
            if !letters.is_empty()
                && upper >= 2
                && before.len() <= 40
                && first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && first_word.chars().all(|c| !c.is_lowercase())
            {
                return text[at + dash.len()..].trim_start();
            }
        }
    }
    text
}

/// A readable label from the central sentence of an event. `anchors` holds the folded
/// words of the event's anchors; the clause with most of them is the label's core.
pub fn readable(sentence: &str, anchors: &HashSet<String>) -> String {
    let sentence = strip_dateline(sentence.trim());
    let parts = clauses(sentence);
    if parts.is_empty() {
        return String::new();
    }
    let score = |clause: &str| -> f32 {
        let ws = words(clause);
        let anchored = ws.iter().filter(|w| anchors.contains(&fold(w))).count() as f32;
        let capitalised = ws.iter().skip(1).filter(|w| starts_capitalised(w)).count() as f32;
        let attribution =
            ws.len() <= 5 && ws.iter().any(|w| ATTRIBUTION.contains(&fold(w).as_str()));
        let length = (ws.len().min(12) as f32) * 0.05;
        // Who did what: a clause with a verb is a statement, one without an apposition.
        let verb = if has_verb(clause) { 1.5 } else { 0.0 };
        // A clause that opens with a participle ("Using records kept by …",
        // "Following the withdrawal …") modifies the main clause; it is not the event.
        let participle = ws.first().is_some_and(|w| participle(w));
        anchored * 2.0 + capitalised * 0.3 + length + verb
            - if attribution { 5.0 } else { 0.0 }
            - if participle { 2.5 } else { 0.0 }
    };
    let (best, _) =
        parts
            .iter()
            .enumerate()
            .map(|(i, c)| (i, score(c)))
            .fold(
                (0, f32::MIN),
                |acc, (i, s)| if s > acc.1 { (i, s) } else { acc },
            );
    // An apposition ("a retired Supreme Court judge") names; the clause with the verb next
    // to it says what happened.
    let best = if has_verb(parts[best]) {
        best
    } else {
        (0..best)
            .rev()
            .chain(best + 1..parts.len())
            .find(|&i| has_verb(parts[i]) && score(parts[i]) > -1.0)
            .unwrap_or(best)
    };
    let mut phrase = parts[best].to_string();
    // "noting that Tarnow and Ostrava have fishing rights": what was noted is the label.
    let ws = words(&phrase);
    if ws.len() > 4
        && matches!(
            fold(ws[0]).as_str(),
            "noting"
                | "saying"
                | "adding"
                | "arguing"
                | "claiming"
                | "insisting"
                | "stressing"
                | "explaining"
                | "warning"
        )
        && fold(ws[1]) == "that"
        // "saying that would break the law": there "that" is the subject.
        && !has_verb(ws[2])
        && !matches!(
            fold(ws[2]).as_str(),
            "would" | "will" | "could" | "can" | "should" | "may" | "might" | "must" | "is"
                | "was" | "has" | "had"
        )
    {
        phrase = ws[2..].join(" ");
        // "… rights and that the quota would …": the second reported clause is another label.
        if let Some((first, _)) = phrase.split_once(" and that ") {
            phrase = first.to_string();
        }
    }
    // A relative clause ("…, who resigned on Monday") is said of the name just before it:
    // that name is its subject ("Ilse Varga resigned on Monday").
    let first = words(&phrase).first().map(|w| fold(w));
    // Only after a comma ("Flynn, who …"): after a colon or a quotation mark, "Who …?" asks.
    let after_comma = best > 0 && {
        let offset = |part: &str| part.as_ptr() as usize - sentence.as_ptr() as usize;
        let gap_start = offset(parts[best - 1]) + parts[best - 1].len();
        sentence
            .get(gap_start..offset(parts[best]))
            .is_some_and(|gap| gap.trim() == ",")
    };
    if first.as_deref() == Some("who")
        && after_comma
        && !phrase.trim_end().ends_with('?')
        && let Some(name) = trailing_name(parts[best - 1])
    {
        let rest = phrase
            .split_once(char::is_whitespace)
            .map_or("", |(_, r)| r);
        if has_verb(rest) {
            return tidy(&format!("{name} {rest}"));
        }
    }
    // A predicate without its subject ("drew fierce criticism"): put back the subject, the
    // nearest short capitalised clause before it.
    // Only a clause that opens with its verb lacks its subject; "everyone's attention was
    // drawn" has one ("Last May, in the capital, Bamako, everyone's attention …").
    // An apposition ("Jana Dorsek, an engineer who inspected the dam") gets its name back too.
    let opens_with_verb = words(&phrase)
        .first()
        .is_some_and(|w| has_verb(w) || matches!(fold(w).as_str(), "a" | "an"));
    if !starts_capitalised(&phrase)
        && opens_with_verb
        && let Some(subject) = parts[..best].iter().rev().find(|c| {
            starts_capitalised(c)
                && words(c).len() <= 5
                && !has_verb(c)
                && !words(c)
                    .first()
                    .is_some_and(|w| PREPOSITIONS.contains(&fold(w).as_str()))
        })
    {
        phrase = format!("{subject} {phrase}");
    }
    tidy(&phrase)
}

/// The name a clause ends with ("… feels sorry for Ilse Varga" gives "Ilse Varga"): its
/// last run of capitalised words, at most four, without a leading article or preposition.
fn trailing_name(clause: &str) -> Option<String> {
    let ws = words(clause);
    let mut run: Vec<&str> = ws
        .iter()
        .rev()
        .take_while(|w| starts_capitalised(w) || matches!(**w, "de" | "van" | "von" | "bin"))
        .copied()
        .collect();
    run.reverse();
    // The clause's first word is capitalised anyway: "Ilse Varga" is a name, "The Varga"
    // or "On Monday" is not wholly one.
    if run.len() == ws.len()
        && run.first().is_some_and(|w| {
            matches!(
                fold(w).as_str(),
                "the"
                    | "a"
                    | "an"
                    | "on"
                    | "in"
                    | "at"
                    | "but"
                    | "and"
                    | "as"
                    | "for"
                    | "with"
                    | "by"
                    | "from"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "to"
                    | "of"
            )
        })
    {
        run.remove(0);
    }
    while run.first().is_some_and(|w| !starts_capitalised(w)) {
        run.remove(0);
    }
    // "Capt. Piet Landau of the Tarnow Harbour Police, who …": the relative clause may be
    // said of the person, not of the name after "of".
    let before: Vec<String> = ws[..ws.len() - run.len()]
        .iter()
        .rev()
        .take(2)
        .map(|w| fold(w))
        .collect();
    if before.first().is_some_and(|w| w == "of")
        || (before.first().is_some_and(|w| w == "the") && before.get(1).is_some_and(|w| w == "of"))
    {
        return None;
    }
    (!run.is_empty() && run.len() <= 4).then(|| {
        run.iter()
            .map(|w| w.trim_end_matches([',', ';', ':']))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A phrase made readable as a label: see [`tidy`].
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
fn tidy(phrase: &str) -> String {
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
    // A quote that the cut would leave open ("blamed “progressivism | ” for") is finished
    // when it ends within a few more characters, else left out.
    if next.is_some() && unbalanced(&out.join(" ")) {
        let closing = (at..ws.len()).find(|&k| ws[k].contains(['”', '"']));
        let extra: usize = closing.map_or(usize::MAX, |k| {
            ws[at..=k].iter().map(|w| w.chars().count() + 1).sum()
        });
        if let Some(k) = closing.filter(|_| length + extra <= MAX_CHARS + NAME_OVERFLOW) {
            out.extend_from_slice(&ws[at..=k]);
            at = k + 1;
            next = ws.get(at).copied();
        } else if let Some(opening) = out.iter().rposition(|w| w.starts_with(['“', '"']))
            && opening >= 2
        {
            at = opening;
            next = Some(out[opening]);
            out.truncate(opening);
        }
    }
    // A name that the cut would split ("Harbour Board | Chief Ilse Varga") is
    // finished when it ends within a few more characters.
    if next.is_some_and(starts_capitalised)
        && out.last().is_some_and(|w| starts_capitalised(w))
        && !title_case(&out)
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
        if length + extra <= MAX_CHARS + NAME_OVERFLOW {
            out.extend_from_slice(&ws[at..end]);
            next = ws.get(end).copied();
        }
    }
    let cut = next.is_some();
    let drop_filler = |out: &mut Vec<&str>| {
        while out.len() > 2
            && out.last().is_some_and(|w| {
                let w = fold(w);
                TRAILING_FILLER.contains(&w.as_str()) || (cut && CUT_FILLER.contains(&w.as_str()))
            })
        {
            out.pop();
        }
    };
    // Cut inside a phrase: never in the middle of a name ("the Kestrian Harbour |
    // Pilots Authority") nor after a participle that opens the dropped part ("dating | back to").
    // Both are judged at the cut itself, before filler is dropped, and the name rule does
    // not apply to a title-case headline, where every word is capitalised.
    if let Some(next) = next {
        let title_case = title_case(&out);
        if !title_case
            && starts_capitalised(next)
            && out.last().is_some_and(|w| starts_capitalised(w))
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
                ["be", "been", "is", "are", "was", "were", "am", "being"]
                    .contains(&fold(w).as_str())
            })
        {
            out.pop();
        }
    }
    drop_filler(&mut out);
    // A label cut for length does not end on a word that needs what was cut: an adjective
    // ("a crowd of Kestrian | dockers"), a determiner, a preposition or a conjunction, as
    // the tagger reads the word in the context of the word after it.
    // An adjective goes only when the cut word after it is the noun it qualifies, or another
    // adjective before that noun ("Kestrian | dockers"; not "a veteran harbour pilot | who"),
    // and not when it follows a noun ("declared the quay safe | Tuesday"). A
    // particle after a verb stays ("called off | the strike"). Title-case headlines are
    // left alone: the tagger reads their particles ("Drop Out") as prepositions.
    let title_case = title_case(&out);
    if let Some(mut after) = next.map(str::to_string)
        && !title_case
    {
        use crate::extract::tagger::Pos;
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
            drop_filler(&mut out);
        }
    }
    // A cut right after "that" or "saying" and a subject ("quipped that he's", "exited
    // saying Trump") leaves the reported clause without its verb: it goes.
    if next.is_some()
        && let Some(opener) = out
            .iter()
            .rposition(|w| matches!(fold(w).as_str(), "that" | "saying" | "which" | "whether"))
        && opener >= 3
        && out.len() - opener <= 3
    {
        out.truncate(opener);
        drop_filler(&mut out);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn anchors(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn a_participle_opener_and_a_state_abbreviation_are_not_the_label() {
        let label = readable(
            "Using records kept by the harbour office, investigators traced the shipment to a warehouse in Tarnow.",
            &anchors(&[
                "records",
                "harbour",
                "investigators",
                "shipment",
                "warehouse",
                "tarnow",
            ]),
        );
        assert!(label.starts_with("Investigators traced"), "{label}");
        let label = readable(
            "Technicians at the laboratory in Brennholt, Ost. have been testing the valves since Friday.",
            &anchors(&["technicians", "laboratory", "brennholt", "valves"]),
        );
        assert!(!label.starts_with("Ost."), "{label}");
    }

    #[test]
    fn a_label_cut_for_length_does_not_end_inside_a_name_or_on_a_participle() {
        let label = tidy(
            "Investigators are now reading records kept by the Kestrian Harbour Pilots Authority in Tarnow",
        );
        assert!(!label.ends_with("Kestrian"), "{label}");
        assert!(!label.ends_with("the"), "{label}");
        let label = tidy(
            "The harbour master has a long record of complaints in Tarnow dating back to the strike",
        );
        assert!(!label.ends_with("dating"), "{label}");
        // A cut after a preposition is not a cut inside a name.
        let label = tidy(
            "The delegation drove through the long night from Tarnow to Warsaw and on to the border",
        );
        assert!(label.contains("from Tarnow"), "{label}");
        // A sentence with many names is not a title-case headline: its cut still keeps the
        // name whole.
        let label = tidy(
            "The offer was made in Tarnow on Monday by Harbour Board Chief Ilse Varga last spring",
        );
        assert!(label.ends_with("Ilse Varga"), "{label}");
        // A phrase that fits is left whole.
        assert_eq!(
            tidy("Voss meets the Kestrian Harbour Pilots Authority"),
            "Voss meets the Kestrian Harbour Pilots Authority"
        );
    }

    #[test]
    fn apposition_gives_back_the_subject() {
        let label = readable(
            "WASHINGTON — Dana Kell, the mayor of Ostrava Falls, ordered the evacuation of 4,000 residents on Sunday after the levee broke.",
            &anchors(&["evacuation", "4,000", "levee", "residents"]),
        );
        assert!(
            label.starts_with("Dana Kell ordered the evacuation"),
            "{label}"
        );
        assert!(label.chars().count() <= MAX_CHARS, "{label}");
        assert!(!label.contains("WASHINGTON"), "{label}");
    }

    #[test]
    fn a_relative_clause_gets_the_name_before_it_as_its_subject() {
        let label = readable(
            "On Tuesday, the governor said she feels sorry for Ilse Varga, who resigned on Monday after the harbour audit found missing funds.",
            &anchors(&["resigned", "harbour", "audit"]),
        );
        assert!(
            label.starts_with("Ilse Varga resigned on Monday"),
            "{label}"
        );
        // "Piet Landau of the Harbour Board, who …" may be said of Landau: no subject is
        // guessed.
        let label = readable(
            "Reporters spoke to Piet Landau of the Tarnow Harbour Board, who resigned on Monday after the harbour audit.",
            &anchors(&["resigned", "harbour", "audit"]),
        );
        assert!(
            !label.starts_with("Tarnow Harbour Board resigned"),
            "{label}"
        );
        // Without a name before it, the clause is left as it was.
        let label = readable(
            "The inspectors, who resigned on Monday after the harbour audit, were replaced.",
            &anchors(&["resigned", "harbour", "audit"]),
        );
        assert!(label.starts_with("Resigned on Monday"), "{label}");
        // A name that is a whole clause keeps its first word.
        let label = readable(
            "Ilse Varga, who resigned on Monday after the harbour audit, was replaced.",
            &anchors(&["resigned", "harbour", "audit"]),
        );
        assert!(label.starts_with("Ilse Varga resigned"), "{label}");
        // "Who …?" after a colon asks; it states nothing of the name before it.
        let label = readable(
            "Landau asked Varga: \"Who ordered the harbour audit?\"",
            &anchors(&["ordered", "harbour", "audit"]),
        );
        assert!(!label.starts_with("Varga ordered"), "{label}");
        // "which" is often said of the whole clause, not of the word before it.
        let label = readable(
            "Ilse Varga resigned as harbour chair on Monday, which stunned the Tarnow audit committee.",
            &anchors(&["tarnow", "audit", "committee"]),
        );
        assert!(!label.starts_with("Monday stunned"), "{label}");
    }

    #[test]
    fn a_reported_clause_drops_its_reporting_participle() {
        let label = readable(
            "The talks will go on, the envoy added, noting that Tarnow has fishing rights and that the quota would stay.",
            &anchors(&["tarnow", "fishing", "rights"]),
        );
        assert_eq!(label, "Tarnow has fishing rights");
        // In "saying that would …", "that" is the subject: it stays.
        let label = readable(
            "Landau rejected the plan, saying that would break the harbour law.",
            &anchors(&["break", "harbour", "law"]),
        );
        assert!(label.starts_with("Saying that would"), "{label}");
    }

    #[test]
    fn a_cut_label_does_not_end_on_an_adjective_or_a_preposition() {
        let label = readable(
            "All eyes in Tarnow were drawn to a crowd of very furious young dockers who blocked the quay.",
            &anchors(&["tarnow", "crowd", "dockers"]),
        );
        assert_eq!(label, "All eyes in Tarnow were drawn to a crowd");
        // An adjective after a noun is its complement ("declared the quay safe"), and a
        // particle after a verb belongs to it ("called off"): both stay.
        let label = readable(
            "The Tarnow water board inspectors declared the old quay safe Tuesday after a long survey.",
            &anchors(&["tarnow", "inspectors", "quay"]),
        );
        assert!(label.ends_with("quay safe"), "{label}");
        let label = readable(
            "The dockers union in Tarnow said on Friday it had called off the strike at the quay.",
            &anchors(&["tarnow", "dockers", "strike"]),
        );
        assert!(!label.ends_with("had called"), "{label}");
        // "U.S." keeps its full stop.
        let label = readable(
            "The Tarnow harbour board sold its pilot boats to the U.S.",
            &anchors(&["tarnow", "harbour", "boats"]),
        );
        assert_eq!(
            label,
            "The Tarnow harbour board sold its pilot boats to the U.S."
        );
    }

    #[test]
    fn a_label_that_fits_keeps_its_last_preposition() {
        let label = readable(
            "The Tarnow port deal fell through.",
            &anchors(&["tarnow", "port", "deal"]),
        );
        assert_eq!(label, "The Tarnow port deal fell through");
    }

    #[test]
    fn attribution_clauses_are_not_labels() {
        let label = readable(
            "The bridge will reopen in March, the transport ministry said.",
            &anchors(&["bridge", "reopen", "march"]),
        );
        assert_eq!(label, "The bridge will reopen in March");
    }

    #[test]
    fn scare_quotes_stay_in_their_clause_and_quotes_are_never_left_open() {
        // A quoted word is part of its clause, not a clause of its own.
        let label = readable(
            "Harbour chief Ilse Varga, speaking at the quay, blamed “speculators” for the rise in Tarnow's mooring fees on Monday.",
            &anchors(&["speculators", "mooring"]),
        );
        assert_eq!(
            label,
            "Harbour chief Ilse Varga blamed “speculators” for the rise"
        );
        // A cut inside a quote finishes it when it ends soon, and never leaves a mark open.
        let label = readable(
            "Board members of the Tarnow harbour authority said the new levy was “a fair price for a safer port” after the vote.",
            &anchors(&["levy", "harbour"]),
        );
        let count = |mark: char| label.matches(mark).count();
        assert_eq!(count('“'), count('”'), "{label}");
        assert!(
            label.chars().count() <= MAX_CHARS + NAME_OVERFLOW,
            "{label}"
        );
        // A sentence that starts inside a quote keeps the quote's opening mark.
        let label = readable(
            "“On several occasions” since March, the harbour board met in private.",
            &anchors(&["occasions"]),
        );
        assert_eq!(
            label.matches('“').count(),
            label.matches('”').count(),
            "{label}"
        );
    }

    #[test]
    fn labels_are_short_and_end_on_a_word() {
        let label = readable(
            "Lawmakers in the lower chamber approved a sweeping package of farm subsidies and water rights reforms late on Thursday night after a marathon session",
            &anchors(&["subsidies", "farm", "reforms"]),
        );
        assert!(label.chars().count() <= MAX_CHARS, "{label}");
        assert!(
            !label.ends_with(" and") && !label.ends_with(" of"),
            "{label}"
        );
        assert!(label.starts_with("Lawmakers"), "{label}");
    }

    #[test]
    fn an_apposition_before_a_clause_with_its_own_subject_stays_out() {
        let label = readable(
            "Last June, in the old port of the capital, Tarnow, everyone's attention was drawn to a crowd of dockers.",
            &anchors(&["crowd", "dockers", "attention"]),
        );
        assert!(label.starts_with("Everyone's attention"), "{label}");
    }

    #[test]
    fn a_place_phrase_is_not_put_back_as_a_subject() {
        let label = readable(
            "In Tarnow, everyone's attention was drawn to a crowd outside the harbour office.",
            &anchors(&["crowd", "harbour", "attention"]),
        );
        assert!(label.starts_with("Everyone's attention"), "{label}");
    }

    #[test]
    fn datelines_are_stripped() {
        assert_eq!(
            strip_dateline("KABUL, Afghanistan — Troops left."),
            "Troops left."
        );
        assert_eq!(
            strip_dateline("Troops left - quickly."),
            "Troops left - quickly."
        );
    }
}
