//! "No evidence of" an act against a claim of it: one source reports that an inquiry "found
//! no evidence of collusion between the campaign and Russia", another reports that someone
//! says the campaign "sought to collude with the Russian government". The finding and the
//! claim cannot both stand; who asserts which is in the evidence (the outlets need not
//! contradict each other: each reports one side).
//!
//! The cue is "no" (or "little", "scant") before an evidence noun and "of" or "for", then a
//! noun of an act. The other source's sentence must name the act by the same noun or a verb
//! it derives from (`assets/lexicon/nominalizations_en.tsv`, built from WordNet by
//! `build_nominalizations.py`) and share a participant with the act's phrase: a resolved
//! name, or one country ("Russia" / "the Russian government"). Silent on purpose: the other
//! sentence negates the act, reports a denial or "no evidence" itself, asks ("whether", a
//! question, a condition); two documents that share no event; a document that reports no
//! evidence of the same act itself.

use super::{Context, FindingDraft};
use crate::model::{DocId, FindingKind, PassageRef};
use crate::text::{fold, tokens};
use std::collections::HashSet;

/// Words of evidence that "no" turns into a finding that the act is not shown.
const EVIDENCE_NOUNS: &[&str] = &["evidence", "proof", "indication", "sign", "signs"];
/// Words before an evidence noun that deny it.
const NONE: &[&str] = &["no", "little", "scant"];
/// Words before the act in the other sentence that undo or question the claim.
const UNDOING: &[&str] = &[
    "not", "no", "never", "without", "nor", "denied", "denies", "deny", "denying", "whether", "if",
    "evidence", "proof", "unless",
];
/// How far before the act an undoing word reaches.
const UNDOING_REACH: usize = 6;

/// A reported absence of evidence: the cue's span, the act's phrase, the act's noun stem and
/// the participants named in the phrase.
struct Absence {
    at: PassageRef,
    cue: (usize, usize),
    phrase: (usize, usize),
    noun: String,
    participants: HashSet<String>,
}

/// The participants named in a range of a passage: resolved entities (by id) and countries.
fn participants(context: &Context<'_>, at: PassageRef, range: (usize, usize)) -> HashSet<String> {
    let mut out = HashSet::new();
    for &m in &context.features(at).mentions {
        let mention = &context.corpus.mentions[m].mention;
        if range.0 <= mention.start && mention.end <= range.1 {
            out.insert(format!("e{}", context.corpus.mention_entities[m].get()));
            // The words of the name, also inside a compound ("Trump-Russia").
            for word in &mention.words {
                for part in word.split('-').filter(|p| p.chars().count() >= 3) {
                    out.insert(format!("w{part}"));
                }
            }
        }
    }
    let text = &context.text(at.document)[range.0..range.1];
    for token in tokens(text) {
        for part in token.text.split('-') {
            if let Some(country) = context.lexicon.countries.get(&fold(part)) {
                out.insert(format!("c{country}"));
            }
        }
    }
    out
}

/// The end of the phrase that starts at `from`: the next clause break or sentence end.
fn phrase_end(text: &str, from: usize, limit: usize) -> usize {
    text[from..limit]
        .find([',', ';', '.', ':', '?', '!', '\n', '“', '"'])
        .map_or(limit, |i| from + i)
}

fn absences(context: &Context<'_>, at: PassageRef) -> Vec<Absence> {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = context.text(at.document);
    let words = tokens(&text[passage.start..passage.end]);
    let folded: Vec<String> = words.iter().map(|t| fold(t.text)).collect();
    let mut out = Vec::new();
    for i in 0..words.len().saturating_sub(3) {
        if !NONE.contains(&folded[i].as_str())
            || !EVIDENCE_NOUNS.contains(&folded[i + 1].as_str())
            || !matches!(folded[i + 2].as_str(), "of" | "for")
        {
            continue;
        }
        let start = passage.start + words[i + 3].start;
        let end = phrase_end(text, start, passage.end);
        // The act: the first noun of an act in the phrase ("Trump-Russia collusion").
        let phrase_words = tokens(&text[start..end]);
        let Some(noun) = phrase_words
            .iter()
            .map(|t| context.stemmer.stem(&fold(t.text)))
            .find(|stem| context.lexicon.nominalizations.contains_key(stem))
        else {
            continue;
        };
        let participants = participants(context, at, (start, end));
        if participants.is_empty() {
            continue;
        }
        out.push(Absence {
            at,
            cue: (
                passage.start + words[i].start,
                passage.start + words[i + 2].end,
            ),
            phrase: (start, end),
            noun,
            participants,
        });
    }
    out
}

/// A sentence of another source that claims the act, with a shared participant: its span
/// and the word that names the act.
fn claimed(
    context: &Context<'_>,
    absence: &Absence,
    at: PassageRef,
) -> Option<((usize, usize), String)> {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = context.text(at.document);
    let verbs = &context.lexicon.nominalizations[&absence.noun];
    for sentence in crate::segment::sentences(text, passage.start..passage.end) {
        let words = tokens(&text[sentence.clone()]);
        let folded: Vec<String> = words.iter().map(|t| fold(t.text)).collect();
        let Some(k) = folded.iter().position(|w| {
            let stem = context.stemmer.stem(w);
            stem == absence.noun || verbs.contains(&stem)
        }) else {
            continue;
        };
        let undone = folded[k.saturating_sub(UNDOING_REACH)..k]
            .iter()
            .any(|w| UNDOING.contains(&w.as_str()) || w.ends_with("n't") || w.ends_with("n’t"));
        let question = text[sentence.clone()].trim_end().ends_with('?');
        if undone || question {
            continue;
        }
        let shared = participants(context, at, (sentence.start, sentence.end));
        if shared.is_disjoint(&absence.participants) {
            continue;
        }
        return Some(((sentence.start, sentence.end), words[k].text.to_string()));
    }
    None
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let stories = super::super::story_pairs(context);
    let all: Vec<Absence> = context
        .passages()
        .flat_map(|at| absences(context, at))
        .collect();
    // A document that reports no evidence of the act itself tells both sides.
    let reported: HashSet<(DocId, &str)> = all
        .iter()
        .map(|a| (a.at.document, a.noun.as_str()))
        .collect();
    let mut out = Vec::new();
    let mut seen: HashSet<(DocId, DocId, &str)> = HashSet::new();
    for absence in &all {
        for (d, document) in context.corpus.documents.iter().enumerate() {
            let other = DocId(d);
            let pair = (
                absence.at.document.min(other),
                absence.at.document.max(other),
            );
            if other == absence.at.document
                || !stories.contains(&pair)
                || reported.contains(&(other, absence.noun.as_str()))
                || seen.contains(&(absence.at.document, other, absence.noun.as_str()))
            {
                continue;
            }
            for p in 0..document.passages.len() {
                let at = PassageRef {
                    document: other,
                    passage: crate::model::PassageId(p),
                };
                if let Some((span, word)) = claimed(context, absence, at) {
                    seen.insert((absence.at.document, other, absence.noun.as_str()));
                    out.push(finding(context, absence, at, span, &word));
                    break;
                }
            }
        }
    }
    out
}

fn finding(
    context: &Context<'_>,
    absence: &Absence,
    at: PassageRef,
    span: (usize, usize),
    word: &str,
) -> FindingDraft {
    let (x, y) = (absence.at, at);
    let a_text = &context.text(x.document)[absence.cue.0..absence.phrase.1];
    let b_text = context.text(y.document)[span.0..span.1].trim();
    let claims = vec![
        context.claim(
            x,
            absence.cue.0,
            absence.phrase.1,
            None,
            Some("reports no evidence".into()),
        ),
        context.claim(y, span.0, span.1, None, Some("claims the act".into())),
    ];
    let event_x = context.event_of[x.document.get()][x.passage.get()];
    let within =
        event_x.is_some() && event_x == context.event_of[y.document.get()][y.passage.get()];
    let event = within.then_some(event_x).flatten();
    let mut evidence = Vec::new();
    evidence.extend(crate::compare::event_evidence(context, event));
    evidence.push(format!(
        "who asserts what: {} reports “{}”; {} reports a claim of the act (“{}”)",
        context.source_name(x.document),
        a_text,
        context.source_name(y.document),
        word
    ));
    evidence.push(
        "the act is named by one noun or a verb it derives from (WordNet), with a participant \
         named on both sides"
            .into(),
    );
    let mut confidence = 0.6;
    if within {
        confidence += 0.05;
    } else {
        evidence.push("in passages of different events of one story".into());
    }
    FindingDraft {
        kind: FindingKind::Contradiction,
        event: event.or(event_x),
        summary: format!(
            "{} reports no evidence of what {} reports as claimed: “{}” against “{}”",
            context.source_name(x.document),
            context.source_name(y.document),
            a_text,
            super::denials::short(b_text)
        ),
        claims,
        confidence,
        evidence,
    }
}
