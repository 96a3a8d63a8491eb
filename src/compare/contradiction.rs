//! `contradiction`: one source asserts what another denies.
//!
//! Two passages of one event contradict when their claims (see [`crate::extract::claims`])
//! have the same subject and predicate, and the object too when both have one, and one claim
//! negates the predicate that the other asserts ("was not warned" against "was warned"), or
//! when the predicates are the two words of an antonym pair from
//! `assets/lexicon/antonyms.ron` ("accepted" against "refused"). These are the lexical
//! contradictions that de Marneffe et al. found reliable; anything subtler is left to the
//! reader. A negation that governs a noun phrase ("but not Norland"), a dependent infinitive
//! ("decided not to exempt"), a modal or a pronoun subject is never enough.
//!
//! A claim and its denial is the other half: one source reports that someone denied a
//! statement ("Moscow and Bamako denied that Russian troops are deployed") that another
//! source of the same event states as fact ("the deployment of 1,000 Russian
//! mercenaries"). It needs the denied statement's predicate and two more of its words in
//! the other source's sentence, outside quotes and without "alleged" or "reportedly", and
//! the other source must report no such denial anywhere. The cues: "denied (on Sunday) that",
//! "denied doing", a verb of the polarity lists' denial class (`assets/lexicon/polarity_en.tsv`,
//! from WordNet: reject, refute, rebut, dispute, …) before "claims / reports that", and "no
//! evidence that" (a none-quantifier of the same lists).

use super::{Context, FindingDraft};
use crate::extract::claims::ClaimFeature;
use crate::model::{EventId, FindingKind, PassageRef};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Content words (other than the contested one) two passages must share.
const MIN_SHARED: usize = 2;

fn shared_terms(a: &[&str], b: &[&str], except: &[&str]) -> usize {
    a.iter()
        .filter(|t| !except.contains(t) && b.binary_search(t).is_ok())
        .count()
}

pub fn find(context: &Context<'_>) -> Vec<FindingDraft> {
    let lexicon = context.lexicon;
    let mut out = Vec::new();
    for (event_index, event) in context.alignment.events.iter().enumerate() {
        // Which passages of the event state each predicate: contradictions are looked up
        // through the contested predicate, never by trying every pair of passages.
        let mut by_predicate: HashMap<&str, Vec<usize>> = HashMap::new();
        for (position, &at) in event.passages.iter().enumerate() {
            for claim in &context.features(at).claims {
                by_predicate
                    .entry(claim.predicate.as_str())
                    .or_default()
                    .push(position);
            }
        }
        let mut seen: HashSet<(usize, usize)> = HashSet::new();
        for (position, &a) in event.passages.iter().enumerate() {
            let features = context.features(a);
            let mut partners: BTreeSet<usize> = BTreeSet::new();
            for claim in &features.claims {
                if claim.negation.is_some() {
                    partners.extend(
                        by_predicate
                            .get(claim.predicate.as_str())
                            .into_iter()
                            .flatten(),
                    );
                }
                for opposite in lexicon.antonyms.get(&claim.predicate).into_iter().flatten() {
                    partners.extend(by_predicate.get(opposite.as_str()).into_iter().flatten());
                }
            }
            for other in partners {
                let b = event.passages[other];
                if b.document == a.document
                    || !seen.insert((position.min(other), position.max(other)))
                {
                    continue;
                }
                for (x, y) in [(a, b), (b, a)] {
                    if let Some(finding) = negation(context, x, y, event_index) {
                        out.push(finding);
                    }
                }
                if let Some(finding) = antonym(context, a, b, event_index, lexicon) {
                    out.push(finding);
                }
            }
        }
    }
    out
}

/// Whether a byte offset lies inside a quote of the passage, and whose.
fn quoted_by(
    features: &crate::extract::PassageFeatures,
    offset: usize,
) -> Option<Option<crate::model::EntityId>> {
    features
        .quotes
        .iter()
        .find(|q| q.start <= offset && offset < q.end)
        .map(|q| q.speaker)
}

/// Whether the claims are in the same voice: both outside quotes, or both quoting the same
/// speaker. A quoted denial against the narrator's statement is two speakers, not a
/// contradiction between sources.
fn same_voice(
    context: &Context<'_>,
    a: PassageRef,
    a_at: usize,
    b: PassageRef,
    b_at: usize,
) -> bool {
    match (
        quoted_by(context.features(a), a_at),
        quoted_by(context.features(b), b_at),
    ) {
        (None, None) => true,
        (Some(Some(x)), Some(Some(y))) => x == y,
        _ => false,
    }
}

/// What the two claims positively share.
struct Referent {
    /// The shared subject, in words.
    subject: String,
    /// The contested predicate, as written.
    predicate: String,
    /// Both claims have an object and it is the same.
    objects_agree: bool,
    /// The subject is a resolved name, not only a head noun.
    entity: bool,
}

/// A contradiction between the two claims: "A says … where B says …".
fn finding(
    context: &Context<'_>,
    claims: Vec<crate::model::Claim>,
    event_index: usize,
    referent: &Referent,
    shared: usize,
) -> FindingDraft {
    let summary = format!(
        "{} says “{}” where {} says “{}”",
        context.source_name(claims[0].document),
        claims[0].text,
        context.source_name(claims[1].document),
        claims[1].text
    );
    let event = Some(EventId(event_index));
    let mut evidence = Vec::new();
    if let Some(line) = super::event_evidence(context, event) {
        evidence.push(line);
    }
    evidence.push(format!(
        "both claims have the subject {} and the predicate “{}”",
        referent.subject, referent.predicate
    ));
    if referent.objects_agree {
        evidence.push("both have the same object or complement".into());
    }
    evidence.push(
        "the negation governs the predicate itself, in the narrator's voice or the same speaker's"
            .into(),
    );
    evidence.push(format!("{shared} other content words shared"));
    // Contradictions were never confirmed on judged real news: unless the referent is a
    // resolved name with the same object, they stay below the default threshold.
    let mut confidence = 0.3
        + 0.03 * shared.min(5) as f32
        + 0.1 * super::event_confidence(context, event)
        + if referent.entity { 0.05 } else { 0.0 }
        + if referent.objects_agree { 0.05 } else { 0.0 };
    if !(referent.entity && referent.objects_agree) {
        confidence = confidence.min(0.55);
        evidence.push("found by the claims' words, not their meaning: check it".into());
    }
    FindingDraft {
        kind: FindingKind::Contradiction,
        event,
        summary,
        claims,
        confidence: confidence.clamp(0.05, 0.7),
        evidence,
    }
}

/// The referent two claims share, in words, when they positively share one: the same
/// subject (the same entity, or the same head noun), and the same object when both have one.
fn same_referent(
    context: &Context<'_>,
    a: &ClaimFeature,
    b: &ClaimFeature,
) -> Option<(String, bool)> {
    let (sa, sb) = (a.subject.as_ref()?, b.subject.as_ref()?);
    if !sa.same_referent(sb) {
        return None;
    }
    let objects_agree = match (&a.object, &b.object) {
        (Some(oa), Some(ob)) => {
            if !oa.same_referent(ob) {
                return None;
            }
            true
        }
        // Without objects, the same prepositional phrase ("about the cracks") ties them.
        (None, None) => {
            matches!((&a.oblique, &b.oblique), (Some(x), Some(y)) if x.same_referent(y))
        }
        _ => false,
    };
    let name = match sa.entity {
        Some(entity) => context.corpus.entities[entity.get()].name.clone(),
        None => format!("“{}”", sa.head),
    };
    Some((name, objects_agree))
}

/// The span a reader should see for a claim: from its subject to its object.
fn claim_span(claim: &ClaimFeature) -> (usize, usize) {
    let start = claim.subject.as_ref().map_or(claim.start, |s| s.start);
    let end = claim
        .object
        .as_ref()
        .or(claim.oblique.as_ref())
        .map_or(claim.end, |o| o.end)
        .max(claim.end);
    (start.min(claim.negation.map_or(start, |n| n.0)), end)
}

/// Whether a hedge ("speculated", "alleged", "believe", "whether") stands in the few words
/// before the claim in its sentence.
fn hedged(context: &Context<'_>, at: PassageRef, claim: &ClaimFeature) -> bool {
    let passage = &context.corpus.documents[at.document.get()].passages[at.passage.get()];
    let text = context.text(at.document);
    let end = claim_span(claim).0.clamp(passage.start, passage.end);
    let before = &text[passage.start..end];
    crate::text::tokens(before)
        .iter()
        .rev()
        .take(HEDGE_REACH)
        .any(|t| HEDGES.contains(&crate::text::fold(t.text).as_str()))
}

/// How many words before a claim a hedge governs it.
const HEDGE_REACH: usize = 8;

/// Speech verbs and "be"/"have" say nothing that one source could deny of another.
fn contestable(claim: &ClaimFeature) -> bool {
    claim.is_assertion()
        && !crate::extract::claims::is_reporting(&claim.word)
        && !matches!(
            claim.predicate.as_str(),
            "have" | "be" | "do" | "get" | "say"
        )
}

/// The finding for two claims that oppose each other, when they positively share their
/// referent, enough other words, and one voice; else none. `notes` label the two claims
/// ("denies" / "asserts"), `predicate` names what is contested.
fn opposed(
    context: &Context<'_>,
    (a, ca): (PassageRef, &ClaimFeature),
    (b, cb): (PassageRef, &ClaimFeature),
    notes: [Option<&str>; 2],
    predicate: String,
    event_index: usize,
) -> Option<FindingDraft> {
    let (subject, objects_agree) = same_referent(context, ca, cb)?;
    let (ta, tb) = (
        context.features(a).term_set(),
        context.features(b).term_set(),
    );
    let shared = shared_terms(&ta, &tb, &[ca.predicate.as_str(), cb.predicate.as_str()]);
    if shared < MIN_SHARED || !same_voice(context, a, ca.start, b, cb.start) {
        return None;
    }
    // "Many have speculated that the White House offered …", "37 percent believe Obama was
    // not born …": a claim reported under a hedge is not the source's own.
    if hedged(context, a, ca) || hedged(context, b, cb) {
        return None;
    }
    let claims = [(a, ca, notes[0]), (b, cb, notes[1])]
        .into_iter()
        .map(|(at, claim, note)| {
            let (start, end) = claim_span(claim);
            context.claim(at, start, end, None, note.map(str::to_string))
        })
        .collect();
    let referent = Referent {
        subject,
        predicate,
        objects_agree,
        entity: ca.subject.as_ref().is_some_and(|s| s.entity.is_some()),
    };
    Some(finding(context, claims, event_index, &referent, shared))
}

/// One source denies a predicate that the other asserts of the same subject.
fn negation(
    context: &Context<'_>,
    negating: PassageRef,
    asserting: PassageRef,
    event_index: usize,
) -> Option<FindingDraft> {
    let (fa, fb) = (context.features(negating), context.features(asserting));
    for denied in fa
        .claims
        .iter()
        .filter(|c| c.negation.is_some() && contestable(c))
    {
        for asserted in fb.claims.iter().filter(|c| {
            c.negation.is_none()
                && c.predicate == denied.predicate
                && c.copula == denied.copula
                && contestable(c)
        }) {
            if let Some(found) = opposed(
                context,
                (negating, denied),
                (asserting, asserted),
                [Some("denies"), Some("asserts")],
                asserted.word.clone(),
                event_index,
            ) {
                return Some(found);
            }
        }
    }
    None
}

/// The two sources use the two predicates of an antonym pair ("accepted" / "refused").
fn antonym(
    context: &Context<'_>,
    a: PassageRef,
    b: PassageRef,
    event_index: usize,
    lexicon: &crate::lexicon::Lexicon,
) -> Option<FindingDraft> {
    let (fa, fb) = (context.features(a), context.features(b));
    for ca in fa.claims.iter().filter(|c| contestable(c)) {
        let Some(opposites) = lexicon.antonyms.get(&ca.predicate) else {
            continue;
        };
        // A negated antonym agrees ("did not refuse" = "accepted").
        for cb in fb.claims.iter().filter(|c| {
            contestable(c)
                && opposites.contains(&c.predicate)
                && ca.negation.is_some() == c.negation.is_some()
        }) {
            if let Some(found) = opposed(
                context,
                (a, ca),
                (b, cb),
                [None, None],
                format!("{} / {}", ca.word, cb.word),
                event_index,
            ) {
                return Some(found);
            }
        }
    }
    None
}

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
/// Words by which a source reports a statement without making it its own: a source that
/// writes "alleged", "accused" or "reportedly" does not assert what is denied elsewhere.
const HEDGES: &[&str] = &[
    "alleged",
    "allegedly",
    "allegation",
    "allegations",
    "accused",
    "accuses",
    "accusation",
    "accusations",
    "reportedly",
    "claimed",
    "claims",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "purported",
    "purportedly",
    "suspected",
    "denied",
    "denies",
    "deny",
    "denial",
    "whether",
    "unclear",
    "unconfirmed",
    "may",
    "might",
    "could",
    "possibly",
    "possible",
    "speculated",
    "speculation",
    "speculate",
    "suggested",
    "suggestions",
    "questioned",
    "believe",
    "believes",
    "doubt",
    "doubts",
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
const DENIAL_SHARED: usize = 3;
/// ... of which this many are not words of names.
const DENIAL_PLAIN: usize = 2;

/// A reported denial in a passage: the denial word's span and the denied statement's span
/// (from after "that" to the end of the clause), outside quotes.
struct Denial {
    word: (usize, usize),
    statement: (usize, usize),
    /// How the summary says it: "denied", or "no evidence for" (after "found").
    says: &'static str,
}

fn denials(context: &Context<'_>, at: PassageRef) -> Vec<Denial> {
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

/// "A claim and its denial": one source reports that someone denied a statement that
/// another source of the same event states as fact, without reporting the denial anywhere.
/// Both are told to the reader; which is right is theirs to judge.
pub fn denied_statements(context: &Context<'_>) -> Vec<FindingDraft> {
    let mut out = Vec::new();
    for (event_index, event) in context.alignment.events.iter().enumerate() {
        for &a in &event.passages {
            for denial in denials(context, a) {
                let statement: Vec<&str> = context
                    .features(a)
                    .terms
                    .iter()
                    .filter(|(at, _)| denial.statement.0 <= *at && *at < denial.statement.1)
                    .map(|(_, stem)| stem.as_str())
                    .collect();
                for &b in &event.passages {
                    if b.document == a.document {
                        continue;
                    }
                    if let Some(found) =
                        asserted_denial(context, (a, &denial, &statement), b, event_index)
                    {
                        out.push(found);
                        break;
                    }
                }
            }
        }
    }
    out
}

fn asserted_denial(
    context: &Context<'_>,
    (a, denial, statement): (PassageRef, &Denial, &[&str]),
    b: PassageRef,
    event_index: usize,
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
    let b_document = &context.corpus.documents[b.document.get()];
    for passage in &b_document.passages {
        let at = PassageRef {
            document: b.document,
            passage: passage.index,
        };
        for other in denials(context, at) {
            let overlap = context
                .features(at)
                .terms
                .iter()
                .filter(|(t, stem)| {
                    other.statement.0 <= *t
                        && *t < other.statement.1
                        && statement.contains(&stem.as_str())
                })
                .count();
            if overlap >= 2 {
                return None;
            }
        }
    }
    let (first, last) = (shared.first()?.0, shared.last()?.0);
    let passage_end = context.corpus.documents[b.document.get()].passages[b.passage.get()].end;
    let passage_start = context.corpus.documents[b.document.get()].passages[b.passage.get()].start;
    let end = clause_end(context.text(b.document), last, passage_end);
    let first_shared = first;
    let first = clause_start(context.text(b.document), passage_start, first);
    // The words as the other source writes them.
    let mut words: Vec<String> = Vec::new();
    for (at, stem) in &shared {
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
    let event = Some(EventId(event_index));
    let mut evidence = Vec::new();
    if let Some(line) = super::event_evidence(context, event) {
        evidence.push(line);
    }
    evidence.push(format!(
        "the denied statement and {}'s share the words {}",
        context.source_name(b.document),
        words.join(", ")
    ));
    evidence.push(format!(
        "{} states it without “alleged”, “denied” or a quote, and reports no such denial",
        context.source_name(b.document)
    ));
    let confidence = 0.45
        + 0.05 * (stems.len() - DENIAL_SHARED).min(3) as f32
        + 0.2 * super::event_confidence(context, event);
    // Who denied it: the words of the clause before the denial ("Both Moscow and Bamako
    // have"), without the auxiliary, when they are a short phrase.
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
    let denier = Some(denier.join(" ")).filter(|d| !d.is_empty() && d.chars().count() <= 60);
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
fn short(text: &str) -> String {
    const MOST: usize = 90;
    if text.chars().count() <= MOST {
        return text.to_string();
    }
    let cut: String = text.chars().take(MOST).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}
