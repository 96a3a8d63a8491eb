//! The clause of a sentence that says what happened. Takes the central sentence of an event
//! and the folded words of its anchors; gives the clause that carries most of them, with
//! its subject put back when an apposition, an attribution or a relative pronoun split it
//! off, and a leading dateline or reporting participle dropped. The label is that clause,
//! not the whole sentence, because a sentence often reports several things and attributes
//! them ("…, the ministry said").

use super::tidy::tidy;
use super::{fold, starts_capitalised, words};
use std::collections::HashSet;

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
    let best = best_clause(&parts, anchors);
    let phrase = without_reporting_participle(parts[best].to_string());
    if let Some(said_of_name) = said_of_name_before(sentence, &parts, best, &phrase) {
        return tidy(&said_of_name);
    }
    tidy(&with_subject_put_back(&parts, best, phrase))
}

/// How much a clause looks like the event: anchored words, names, a verb; never an
/// attribution ("the ministry said") or a participle's clause.
fn clause_score(clause: &str, anchors: &HashSet<String>) -> f32 {
    let ws = words(clause);
    let anchored = ws.iter().filter(|w| anchors.contains(&fold(w))).count() as f32;
    let capitalised = ws.iter().skip(1).filter(|w| starts_capitalised(w)).count() as f32;
    let attribution = ws.len() <= 5 && ws.iter().any(|w| ATTRIBUTION.contains(&fold(w).as_str()));
    let length = (ws.len().min(12) as f32) * 0.05;
    // Who did what: a clause with a verb is a statement, one without an apposition.
    let verb = if has_verb(clause) { 1.5 } else { 0.0 };
    // A clause that opens with a participle ("Using records kept by …",
    // "Following the withdrawal …") modifies the main clause; it is not the event.
    let participle = ws.first().is_some_and(|w| participle(w));
    anchored * 2.0 + capitalised * 0.3 + length + verb
        - if attribution { 5.0 } else { 0.0 }
        - if participle { 2.5 } else { 0.0 }
}

/// The index of the clause with the best [`clause_score`], or of the nearest clause with a
/// verb when that one has none.
fn best_clause(parts: &[&str], anchors: &HashSet<String>) -> usize {
    let (best, _) = parts
        .iter()
        .enumerate()
        .map(|(i, c)| (i, clause_score(c, anchors)))
        .fold(
            (0, f32::MIN),
            |acc, (i, s)| if s > acc.1 { (i, s) } else { acc },
        );
    // An apposition ("a retired Supreme Court judge") names; the clause with the verb next
    // to it says what happened.
    if has_verb(parts[best]) {
        best
    } else {
        (0..best)
            .rev()
            .chain(best + 1..parts.len())
            .find(|&i| has_verb(parts[i]) && clause_score(parts[i], anchors) > -1.0)
            .unwrap_or(best)
    }
}
/// What a reporting participle reports: "noting that Tarnow and Ostrava have fishing
/// rights" gives "Tarnow and Ostrava have fishing rights"; other phrases stay as they are.
fn without_reporting_participle(mut phrase: String) -> String {
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
    phrase
}

/// A relative clause ("…, who resigned on Monday") is said of the name just before it:
/// that name is its subject ("Ilse Varga resigned on Monday"). The phrase with that name
/// for its subject, or `None` when clause `best` (now `phrase`) is no such clause.
fn said_of_name_before(
    sentence: &str,
    parts: &[&str],
    best: usize,
    phrase: &str,
) -> Option<String> {
    let first = words(phrase).first().map(|w| fold(w));
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
            return Some(format!("{name} {rest}"));
        }
    }
    None
}

/// A predicate without its subject ("drew fierce criticism"): the subject put back, the
/// nearest short capitalised clause before clause `best` (now `phrase`).
fn with_subject_put_back(parts: &[&str], best: usize, phrase: String) -> String {
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
        return format!("{subject} {phrase}");
    }
    phrase
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
