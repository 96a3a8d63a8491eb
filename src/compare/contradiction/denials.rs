//! A claim and its denial: one source reports that someone denied a statement
//! ("Moscow and Bamako denied that Russian troops are deployed") that another source of the
//! same event states as fact ("the deployment of 1,000 Russian mercenaries"). It needs the
//! denied statement's predicate and two more of its words in the other source's sentence,
//! outside quotes and without "alleged" or "reportedly", and the other source must report no
//! such denial anywhere. The cues: "denied (on Sunday) that", "denied doing", a verb of the
//! polarity lists' denial class (`assets/lexicon/polarity_en.tsv`, from WordNet: reject,
//! refute, rebut, dispute, …) before "claims / reports that", and "no evidence that" (a
//! none-quantifier of the same lists).

use super::{Context, FindingDraft, HEDGES, quoted_by};
use crate::model::{EventId, FindingKind, PassageRef};
use std::collections::HashSet;

/// Verbs that deny a statement ("denied that …").
const DENIALS: &[&str] = &["deny", "denies", "denied", "denying", "denial", "denials"];
/// Nouns of evidence that "no" turns into a denial of what follows "that" ("found no evidence
/// that the funds were moved").
const EVIDENCE_NOUNS: &[&str] = &["evidence", "proof", "indication", "sign"];
const DENIED_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "report",
    "reports",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "suggestion",
    "suggestions",
    "assertion",
    "assertions",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
];
/// Words just before a denial that undo it: "did not deny that", "would neither confirm
/// nor deny that", "refused to confirm or deny that".
const UNDONE: &[&str] = &[
    "not", "n't", "never", "neither", "nor", "or", "refused", "declined", "refuses", "declines",
    "without",
];
/// Nouns in "-ing" that a denial takes as its object ("denied wrongdoing"), not a
/// statement.
const ING_NOUNS: &[&str] = &[
    "wrongdoing",
    "nothing",
    "anything",
    "something",
    "everything",
    "funding",
    "housing",
    "training",
    "meeting",
    "hearing",
    "building",
    "boarding",
    "bail",
    "spending",
    "financing",
];
/// Where a denied statement ends before its sentence does ("…, but said instructors had
/// arrived").
const STATEMENT_ENDS: &[&str] = &[
    ", but ",
    ", while ",
    ", although ",
    ", though ",
    ", saying ",
    " but said ",
    " and said ",
    ", adding ",
    ", and added ",
];
/// Words that may stand between a denial and its "that".
const DENIAL_ADVERBS: &[&str] = &[
    "on",
    "again",
    "repeatedly",
    "flatly",
    "strongly",
    "publicly",
    "firmly",
    "also",
    "categorically",
    "vehemently",
    "emphatically",
    "yesterday",
    "today",
    "earlier",
    "later",
];
/// Words that open a noun phrase and are lower-cased inside a summary ("both Moscow and
/// Bamako").
const DETERMINERS: &[&str] = &[
    "both",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "some",
    "many",
    "several",
    "all",
    "two",
    "three",
    "four",
    "officials",
];
/// Content words that the denied statement and the other source's statement must share.
pub(super) const DENIAL_SHARED: usize = 3;
/// ... of which this many are not words of names.
const DENIAL_PLAIN: usize = 2;

/// A reported denial in a passage: the denial word's span and the denied statement's span
/// (from after "that" to the end of the clause), outside quotes.
pub(super) struct Denial {
    word: (usize, usize),
    pub(super) statement: (usize, usize),
    /// How the summary says it: "denied", or "no evidence for" (after "found").
    says: &'static str,
}

pub(super) fn denials(context: &Context<'_>, at: PassageRef) -> Vec<Denial> {
    let document = &context.corpus.documents[at.document.get()];
    let passage = &document.passages[at.passage.get()];
    let text = &document.loaded.text[passage.start..passage.end];
    let tokens = crate::text::tokens(text);
    let polarity = |class: &str| context.lexicon.polarity.get(class).map_or(&[][..], |w| w);
    // Verbs that deny a statement when a word of `DENIED_NOUNS` follows ("rejected reports
    // that …"): the denial class of the polarity lists, any form.
    let rejections: HashSet<String> = polarity("denial")
        .iter()
        .map(|w| context.stemmer.stem(w))
        .collect();
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let word = crate::text::fold(token.text);
        let fold_at = |j: usize| tokens.get(j).map(|t| crate::text::fold(t.text));
        // "found no evidence that …": "no" of the none-quantifiers, an evidence noun, "that".
        if polarity("quantifier_none").contains(&word)
            && fold_at(i + 1).is_some_and(|w| EVIDENCE_NOUNS.contains(&w.as_str()))
            && fold_at(i + 2).as_deref() == Some("that")
            && let Some(found) = statement_from(context, at, &tokens, (i, i + 1), i + 3)
        {
            out.push(Denial {
                says: "no evidence for",
                ..found
            });
            continue;
        }
        let mut next = i + 1;
        let denial = DENIALS.contains(&word.as_str());
        if !denial && !rejections.contains(&context.stemmer.stem(&word)) {
            continue;
        }
        // "did not deny that", "neither confirm nor deny", "were denied boarding".
        let before: Vec<String> = (i.saturating_sub(3)..i).filter_map(&fold_at).collect();
        if before
            .iter()
            .any(|w| UNDONE.contains(&w.as_str()) || w.ends_with("n't") || w.ends_with("n’t"))
            || before.last().is_some_and(|w| {
                ["was", "were", "been", "be", "being", "is", "are"].contains(&w.as_str())
            })
        {
            continue;
        }
        // "denied (the) reports that …", "rejected claims that …".
        let noun_at = (next..(next + 3).min(tokens.len()))
            .find(|&j| fold_at(j).is_some_and(|w| DENIED_NOUNS.contains(&w.as_str())));
        let noun = noun_at.is_some();
        if let Some(j) = noun_at {
            next = j + 1;
        }
        // "denied on Wednesday that …", "flatly denied that …".
        while fold_at(next).is_some_and(|w| {
            DENIAL_ADVERBS.contains(&w.as_str()) || crate::calendar::WEEKDAYS.contains(&w.as_str())
        }) {
            next += 1;
        }
        // The denied statement opens with "that", or is a gerund after "deny" ("denied
        // sending the photo"); "denied a request" and "deny service" deny no statement.
        match fold_at(next) {
            Some(w) if w == "that" => next += 1,
            Some(w)
                if denial
                    && !noun
                    && w.ends_with("ing")
                    && w.len() > 5
                    && !ING_NOUNS.contains(&w.as_str())
                    && tokens.len() > next + 2 => {}
            _ => continue,
        }
        if let Some(found) = statement_from(context, at, &tokens, (i, i), next) {
            out.push(found);
        }
    }
    out
}

/// The denial whose cue runs over tokens `cue.0..=cue.1` and whose statement opens at token
/// `next`, outside quotes: the statement ends at a semicolon, at a clause that turns away
/// from it ("…, but said …"), or at the end of the sentence.
fn statement_from(
    context: &Context<'_>,
    at: PassageRef,
    tokens: &[crate::text::Token<'_>],
    cue: (usize, usize),
    next: usize,
) -> Option<Denial> {
    let document = &context.corpus.documents[at.document.get()];
    let passage = &document.passages[at.passage.get()];
    let start = passage.start + tokens[cue.0].start;
    if quoted_by(context.features(at), start).is_some() {
        return None;
    }
    let first = tokens.get(next)?;
    let statement_start = passage.start + first.start;
    let rest = &document.loaded.text[statement_start..passage.end];
    let statement_end = statement_start
        + STATEMENT_ENDS
            .iter()
            .filter_map(|end| rest.find(end))
            .chain(rest.find(';'))
            .min()
            .unwrap_or(rest.trim_end_matches(['.', ' ', '\n']).len());
    (statement_end > statement_start).then(|| Denial {
        word: (start, passage.start + tokens[cue.1].end),
        statement: (statement_start, statement_end),
        says: "denied",
    })
}

/// The stems of the statement a denial denies.
pub(super) fn statement_terms<'a>(
    context: &Context<'a>,
    at: PassageRef,
    denial: &Denial,
) -> Vec<&'a str> {
    context
        .features(at)
        .terms
        .iter()
        .filter(|(offset, _)| denial.statement.0 <= *offset && *offset < denial.statement.1)
        .map(|(_, stem)| stem.as_str())
        .collect()
}

/// "A claim and its denial": one source reports that someone denied a statement that
/// another source of the same event states as fact, without reporting the denial anywhere.
/// Both are told to the reader; which is right is theirs to judge.
pub fn denied_statements(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
    for (event_index, event) in context.alignment.events.iter().enumerate() {
        for &a in &event.passages {
            for denial in denials(context, a) {
                let statement = statement_terms(context, a, &denial);
                for &b in &event.passages {
                    if b.document == a.document {
                        continue;
                    }
                    if let Some(found) = asserted_denial(
                        context,
                        (a, &denial, &statement),
                        b,
                        Place::Event(event_index),
                    ) {
                        out.push(found);
                        break;
                    }
                }
            }
        }
    }
    out
}

/// Where the denial and the statement were paired.
#[derive(Clone, Copy)]
pub(super) enum Place {
    /// Both in this event.
    Event(usize),
    /// In different events (or none) of two documents that share this event.
    Story(EventId),
}

pub(super) fn asserted_denial(
    context: &Context<'_>,
    (a, denial, statement): (PassageRef, &Denial, &[&str]),
    b: PassageRef,
    place: Place,
) -> Option<FindingDraft> {
    let fb = context.features(b);
    let b_text = {
        let passage = &context.corpus.documents[b.document.get()].passages[b.passage.get()];
        &context.text(b.document)[passage.start..passage.end]
    };
    // The other source must state it, not report it as alleged or denied.
    if crate::text::tokens(b_text)
        .iter()
        .any(|t| HEDGES.contains(&crate::text::fold(t.text).as_str()))
    {
        return None;
    }
    // Words of names are the story's cast: the statement needs words of its own too.
    let names: HashSet<String> = context
        .features(a)
        .entities
        .iter()
        .chain(&fb.entities)
        .flat_map(|e| context.corpus.entities[e.get()].aliases.iter())
        .flat_map(|alias| {
            alias
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| context.stemmer.stem(&crate::text::fold(w)))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut shared: Vec<(usize, &str)> = fb
        .terms
        .iter()
        .filter(|(at, stem)| statement.contains(&stem.as_str()) && quoted_by(fb, *at).is_none())
        .map(|(at, stem)| (*at, stem.as_str()))
        .collect();
    shared.sort_by_key(|(at, _)| *at);
    let mut stems: Vec<&str> = shared.iter().map(|(_, s)| *s).collect();
    stems.sort_unstable();
    stems.dedup();
    let plain = stems.iter().filter(|s| !names.contains(**s)).count();
    if stems.len() < DENIAL_SHARED || plain < DENIAL_PLAIN {
        return None;
    }
    // The other source must state the denied happening itself, not only its place or
    // day: a predicate of the denied statement ("deployed") is among the shared words, as
    // a verb or a noun ("the deployment").
    let predicate_shared = context.features(a).claims.iter().any(|c| {
        denial.statement.0 <= c.start
            && c.start < denial.statement.1
            && !crate::extract::claims::is_reporting(&c.word)
            && stems.contains(&c.predicate.as_str())
    });
    if !predicate_shared {
        return None;
    }
    // Across events, shared words are not enough (on real news they paired "Russian troops
    // are deployed" with "the French, who have deployed troops"): a claim of the denied
    // statement and a claim of the other passage must have the same predicate and the same
    // subject (not a pronoun), the other's not negated.
    if let Place::Story(_) = place
        && !same_claim(context, a, denial, fb)
    {
        return None;
    }
    // The other source agrees with the denial when it negates the same predicate ("no
    // Russian troops are deployed").
    if fb
        .claims
        .iter()
        .any(|c| c.negation.is_some() && stems.contains(&c.predicate.as_str()))
        || fb.negated.iter().any(|n| stems.contains(&n.stem.as_str()))
    {
        return None;
    }
    // A source that reports the same denial anywhere tells both sides.
    if reports_the_denial(context, b.document, statement) {
        return None;
    }
    denial_finding(context, (a, denial), b, place, &shared, &stems)
}

/// The finding for a denial and the other source's statement, with the words they share.
fn denial_finding(
    context: &Context<'_>,
    (a, denial): (PassageRef, &Denial),
    b: PassageRef,
    place: Place,
    shared: &[(usize, &str)],
    stems: &[&str],
) -> Option<FindingDraft> {
    let (first, last) = (shared.first()?.0, shared.last()?.0);
    let passage_end = context.corpus.documents[b.document.get()].passages[b.passage.get()].end;
    let passage_start = context.corpus.documents[b.document.get()].passages[b.passage.get()].start;
    let end = clause_end(context.text(b.document), last, passage_end);
    let first_shared = first;
    let first = clause_start(context.text(b.document), passage_start, first);
    // The words as the other source writes them.
    let mut words: Vec<String> = Vec::new();
    for (at, stem) in shared {
        let word: String = context.text(b.document)[*at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        if stems.contains(stem) && !words.contains(&word) {
            words.push(word);
        }
    }
    let claims = vec![
        context.claim(
            a,
            denial.word.0,
            denial.statement.1,
            None,
            Some("reports a denial".into()),
        ),
        context.claim(b, first, end, None, Some("states it".into())),
    ];
    let mut evidence = Vec::new();
    let event = match place {
        Place::Event(index) => {
            let event = Some(EventId(index));
            evidence.extend(crate::compare::event_evidence(context, event));
            event
        }
        Place::Story(told) => {
            evidence.push(format!(
                "the two sources tell one story: both report “{}”",
                context.alignment.events[told.get()].label
            ));
            context.event_of[a.document.get()][a.passage.get()]
                .or(context.event_of[b.document.get()][b.passage.get()])
        }
    };
    evidence.push(format!(
        "the denied statement and {}'s share the words {}",
        context.source_name(b.document),
        words.join(", ")
    ));
    evidence.push(format!(
        "{} states it without “alleged”, “denied” or a quote, and reports no such denial",
        context.source_name(b.document)
    ));
    let confidence = match place {
        Place::Event(_) => {
            0.45 + 0.05 * (stems.len() - DENIAL_SHARED).min(3) as f32
                + 0.2 * crate::compare::event_confidence(context, event)
        }
        // Across events: never judged on real news, so below the default threshold.
        Place::Story(_) => {
            evidence.push(
                "in passages the aligner put in different events (or in none): check it".into(),
            );
            (0.4 + 0.05 * (stems.len() - DENIAL_SHARED).min(3) as f32).min(0.55)
        }
    };
    let denier = denier_of(context, a, denial);
    // Who asserts what: the dispute is between the one who denies and the other source's
    // account; the first source only reports the denial.
    evidence.push(format!(
        "who asserts what: {} reports that {} {} it; {} states it in its own voice; the outlets \
         do not contradict each other, the denial and the statement do",
        context.source_name(a.document),
        denier.as_deref().unwrap_or("someone"),
        denial.says,
        context.source_name(b.document)
    ));
    Some(FindingDraft {
        kind: FindingKind::Contradiction,
        event,
        summary: format!(
            "{} reports that {} {} what {} states: “{}” against “{}”",
            context.source_name(a.document),
            denier.as_deref().unwrap_or("someone"),
            denial.says,
            context.source_name(b.document),
            short(&context.text(a.document)[denial.statement.0..denial.statement.1]),
            short(&context.text(b.document)[first_shared..end])
        ),
        claims,
        confidence: confidence.clamp(0.05, 0.7),
        evidence,
    })
}

/// Whether a claim of the denied statement and a claim of the other passage have the same
/// predicate and the same subject (not a pronoun), the other's not negated.
fn same_claim(
    context: &Context<'_>,
    a: PassageRef,
    denial: &Denial,
    fb: &crate::extract::PassageFeatures,
) -> bool {
    context.features(a).claims.iter().any(|c| {
        denial.statement.0 <= c.start
            && c.start < denial.statement.1
            && fb.claims.iter().any(|d| {
                d.predicate == c.predicate
                    && d.negation.is_none()
                    && matches!((&c.subject, &d.subject), (Some(x), Some(y)) if x.same_referent(y))
            })
    })
}

/// Whether a document reports a denial of the same statement anywhere (two of its words in
/// the denied statement): it tells both sides.
fn reports_the_denial(
    context: &Context<'_>,
    document: crate::model::DocId,
    statement: &[&str],
) -> bool {
    let b_document = &context.corpus.documents[document.get()];
    b_document.passages.iter().any(|passage| {
        let at = PassageRef {
            document,
            passage: passage.index,
        };
        denials(context, at).iter().any(|other| {
            context
                .features(at)
                .terms
                .iter()
                .filter(|(t, stem)| {
                    other.statement.0 <= *t
                        && *t < other.statement.1
                        && statement.contains(&stem.as_str())
                })
                .count()
                >= 2
        })
    })
}

/// Who denied it: the words of the clause before the denial ("Both Moscow and Bamako
/// have"), without the auxiliary, when they are a short phrase.
fn denier_of(context: &Context<'_>, a: PassageRef, denial: &Denial) -> Option<String> {
    let a_passage = &context.corpus.documents[a.document.get()].passages[a.passage.get()];
    let a_text = context.text(a.document);
    let clause = clause_start(a_text, a_passage.start, denial.word.0);
    let mut denier: Vec<String> = a_text[clause..denial.word.0]
        .split_whitespace()
        .map(str::to_string)
        .collect();
    while denier.last().is_some_and(|w| {
        let w = w.to_lowercase();
        DENIAL_ADVERBS.contains(&w.as_str())
            || crate::calendar::WEEKDAYS.contains(&w.as_str())
            || ["have", "has", "had", "would", "will", "did"].contains(&w.as_str())
    }) {
        denier.pop();
    }
    // A determiner first is lower-cased inside the summary ("both Moscow and Bamako").
    if let Some(first) = denier.first_mut()
        && DETERMINERS.contains(&crate::text::fold(first).as_str())
    {
        *first = first.to_lowercase();
    }
    Some(denier.join(" ")).filter(|d| !d.is_empty() && d.chars().count() <= 60)
}

/// The end of the clause that holds `from`: the next comma, semicolon or full stop that
/// is followed by a space (not the comma of "1,000"), or `limit`.
fn clause_end(text: &str, from: usize, limit: usize) -> usize {
    let rest = &text[from..limit];
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, ',' | ';' | '.' | ':')
            && chars.peek().is_none_or(|(_, next)| next.is_whitespace())
        {
            return from + i;
        }
    }
    limit
}

/// The start of the clause that holds `at`: after the last comma, semicolon or colon
/// followed by a space, or `limit`.
fn clause_start(text: &str, limit: usize, at: usize) -> usize {
    let before = &text[limit..at];
    before
        .char_indices()
        .rfind(|(i, c)| {
            matches!(c, ',' | ';' | ':') && before[i + 1..].starts_with(char::is_whitespace)
        })
        .map_or(limit, |(i, _)| {
            let skip = before[i + 1..].len() - before[i + 1..].trim_start().len();
            limit + i + 1 + skip
        })
}

/// At most about 90 characters of a statement, cut at a word, with an ellipsis.
pub(super) fn short(text: &str) -> String {
    const MOST: usize = 90;
    if text.chars().count() <= MOST {
        return text.to_string();
    }
    let cut: String = text.chars().take(MOST).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}
