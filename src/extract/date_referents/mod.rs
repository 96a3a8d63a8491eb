//! Stage 3, extract: the referent of a date, the happening the date belongs to.
//!
//! Two sources that give different dates to one happening disagree wherever the passages lie
//! in the story; two dates of two happenings do not. So each date is read with the word that
//! names its happening: a verb ("began in 2012", "was elected in 2016"), a noun the date
//! follows ("the vote on Tuesday", "a visit on 14 March") or precedes ("the March 14
//! visit"), or, for a date that opens the clause ("On Tuesday, the council voted"), the
//! clause's verb. The word must be in the event-word lexicon (WordNet's acts and events,
//! grouped by derivation: see `assets/lexicon/build_event_families.py`). Its participants are
//! the agent (the subject of an active verb, the possessor of a noun: "Lavrov's visit",
//! "a visit by Lavrov"), the patient (object, passive subject, "visit to Bamako") and the
//! names of the clause; the comparison ties them to resolved entities.
//!
//! A date that is not the date of one happening is marked with an [`Aside`]: a bound
//! ("since 2012", "until May"), a range ("from 2012 to 2014"), an occurrence among several
//! ("the previous vote", "was first elected", "the annual visit"), a negated or possible
//! happening ("did not vote on Tuesday", "could vote on Tuesday"). Detectors stay silent on
//! those.

use super::claims::{Argument, ClaimFeature, is_reporting};
use super::tagger::Pos;
use super::terms::Stemmer;
use crate::lexicon::Lexicon;
use crate::text::{Token, fold};

/// A participant of a happening: where it is named and the stem of its head word.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub start: usize,
    pub end: usize,
    pub head: String,
}

/// Why a date is not the date of one happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aside {
    /// "since 2012", "until May", "by 2020", "two years ago".
    Bound,
    /// "from 2012 to 2014", "between May and June".
    Range,
    /// "the previous vote", "was first elected", "the annual visit".
    Recurrence,
    /// "did not vote on Tuesday".
    Negated,
    /// "could vote on Tuesday".
    Possible,
}

impl Aside {
    pub fn describe(self) -> &'static str {
        match self {
            Aside::Bound => "a bound (since, until, by)",
            Aside::Range => "a range",
            Aside::Recurrence => "one occurrence among several",
            Aside::Negated => "a negated happening",
            Aside::Possible => "a possible happening",
        }
    }
}

/// The happening a date belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct DateReferent {
    /// Byte range of the word that names the happening.
    pub start: usize,
    pub end: usize,
    /// That word, folded.
    pub word: String,
    /// Its families in the event-word lexicon ("deploy" for "deployment").
    pub families: Vec<String>,
    /// Named by a verb (else by a noun).
    pub verb: bool,
    pub agent: Option<Role>,
    pub patient: Option<Role>,
    /// The clause around the date and the word: where its other participants are named.
    pub clause: (usize, usize),
    pub aside: Option<Aside>,
}

/// Prepositions that make a date a bound, not the date of a happening.
const BOUNDS: &[&str] = &[
    "since",
    "until",
    "till",
    "by",
    "before",
    "after",
    "from",
    "through",
    "throughout",
    "between",
    "to",
    "following",
];

/// Words that make a happening one occurrence among several.
const RECURRENCE: &[&str] = &[
    "last", "previous", "earlier", "prior", "former", "past", "first", "second", "third", "latest",
    "another", "again", "next", "annual", "every", "each", "recent", "other",
];

/// Relative words that open a clause inside a sentence (", who …", ", while …").
const CLAUSE_OPENERS: &[&str] = &[
    "who", "which", "while", "whereas", "where", "when", "whose", "although", "though",
];

/// Whether a clause boundary lies between token `k - 1` and token `k`.
fn boundary_before(text: &str, toks: &[Token<'_>], tags: &[Pos], k: usize) -> bool {
    if k == 0 || k >= toks.len() {
        return true;
    }
    let gap = text.get(toks[k - 1].end..toks[k].start).unwrap_or("");
    if gap.contains([';', ':', '—', '–', '(', ')']) {
        return true;
    }
    gap.contains(',')
        && (matches!(tags[k], Pos::Cconj | Pos::Sconj)
            || CLAUSE_OPENERS.contains(&fold(toks[k].text).as_str()))
}

fn role(argument: &Option<Argument>, date: (usize, usize)) -> Option<Role> {
    argument
        .as_ref()
        .filter(|a| !a.pronoun && (a.end <= date.0 || a.start >= date.1))
        .map(|a| Role {
            start: a.start,
            end: a.end,
            head: a.head.clone(),
        })
}

/// A run of name and noun tokens from `k` rightwards, as a role (the patient of "a visit to
/// Bamako").
fn phrase_role(
    toks: &[Token<'_>],
    tags: &[Pos],
    k: usize,
    stop: usize,
    stemmer: &Stemmer,
) -> Option<Role> {
    let mut last = None;
    let mut j = k;
    while j < stop && matches!(tags[j], Pos::Det | Pos::Adj | Pos::Propn | Pos::Noun) {
        if matches!(tags[j], Pos::Propn | Pos::Noun) {
            last = Some(j);
        }
        j += 1;
    }
    let last = last?;
    Some(Role {
        start: toks[k].start,
        end: toks[last].end,
        head: stemmer.stem(&fold(toks[last].text)),
    })
}

/// A sentence being read, with the clause around one date.
struct Sentence<'s> {
    text: &'s str,
    toks: &'s [Token<'s>],
    tags: &'s [Pos],
    folded: Vec<String>,
    lexicon: &'s Lexicon,
    stemmer: &'s Stemmer,
    /// Token range of the clause and of the date.
    clause: (usize, usize),
    date: (usize, usize),
    /// The preposition right before the date, in the clause.
    preposition: Option<usize>,
}

const PHRASE_TAGS: [Pos; 6] = [
    Pos::Noun,
    Pos::Propn,
    Pos::Det,
    Pos::Adj,
    Pos::Adp,
    Pos::Num,
];

impl Sentence<'_> {
    fn word(&self, k: usize) -> &str {
        self.folded.get(k).map_or("", String::as_str)
    }

    fn stem(&self, k: usize) -> String {
        self.stemmer.stem(self.word(k))
    }

    /// The text between token `k - 1` and token `k`.
    fn gap_before(&self, k: usize) -> &str {
        let (Some(a), Some(b)) = (
            k.checked_sub(1).and_then(|j| self.toks.get(j)),
            self.toks.get(k),
        ) else {
            return "";
        };
        self.text.get(a.end..b.start).unwrap_or("")
    }

    /// The families of an event noun at `k`. A word tagged as a verb right after a
    /// determiner or a possessive is a noun ("the visit", "Kallio's visit"): the tagger reads
    /// some event nouns as verbs.
    fn noun_families(&self, k: usize) -> Option<&Vec<String>> {
        let tags = self.tags;
        let nominal = tags[k] == Pos::Noun
            || (tags[k] == Pos::Verb
                && k > self.clause.0
                && (tags[k - 1] == Pos::Det || self.word(k - 1).ends_with("'s")));
        nominal
            .then(|| self.lexicon.event_nouns.get(&self.stem(k)))
            .flatten()
    }

    /// The token of the word naming the happening, and whether it is a verb.
    fn event_word(&self) -> Option<(usize, bool)> {
        let ((clause_start, clause_end), (first, end)) = (self.clause, self.date);
        let tags = self.tags;
        if let Some(k) = (end..(end + 3).min(clause_end))
            .find(|&k| tags[k] != Pos::Adj && self.word(k) != "'s")
            .filter(|&k| self.noun_families(k).is_some() && self.preposition.is_none())
        {
            return Some((k, false)); // "the March 14 visit"
        }
        // Leftwards over the noun phrases and prepositions the date follows: "the visit to
        // Tarvosk on 14 March", "the deployment of troops in 2013".
        let noun = self.preposition.and_then(|p| {
            (clause_start..p)
                .rev()
                .take(8)
                .take_while(|&k| self.noun_families(k).is_some() || PHRASE_TAGS.contains(&tags[k]))
                .find(|&k| self.noun_families(k).is_some())
        });
        if let Some(k) = noun {
            // A temporal phrase after a verb and its object dates the verb: "sent their
            // forces into the north in 2013", unless that verb names no happening ("held the
            // vote") or the noun's first sense is an act or event ("questioned the
            // deployment in 2014").
            let mut np = k;
            while np > clause_start
                && (PHRASE_TAGS.contains(&tags[np - 1]) || tags[np - 1] == Pos::Pron)
            {
                np -= 1;
            }
            let strong = self.lexicon.event_nouns_first.contains(&self.stem(k));
            let verb = np.checked_sub(1).filter(|&v| {
                !strong
                    && v >= clause_start
                    && tags[v] == Pos::Verb
                    && !is_reporting(self.word(v))
                    && self.lexicon.event_verbs.contains_key(&self.stem(v))
            });
            return Some(verb.map_or((k, false), |v| (v, true)));
        }
        let before = self.preposition.unwrap_or(first);
        let opens = before == clause_start && self.gap_before(end).contains(',');
        let verb_at = if opens {
            (end..clause_end).find(|&k| tags[k] == Pos::Verb) // "On Tuesday, the council voted"
        } else {
            (clause_start..before)
                .rev()
                .take(12)
                .find(|&k| tags[k] == Pos::Verb)
        };
        Some((verb_at?, true))
    }

    /// Whether the date is a bound, a range or one occurrence among several.
    fn aside(&self, at: usize, verb: bool) -> Option<Aside> {
        let ((clause_start, clause_end), (first, end)) = (self.clause, self.date);
        let (toks, tags) = (self.toks, self.tags);
        let bound = self
            .preposition
            .is_some_and(|p| BOUNDS.contains(&self.word(p)))
            || matches!(self.word(end), "ago" | "onwards" | "onward");
        // "from 2012 to 2014", "2012-2014", and the second date of "between May and June".
        let dash = matches!(self.gap_before(end).trim(), "-" | "–");
        let dated = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.is_numeric() || crate::calendar::month_number(&fold(t.text)).is_some()
            })
        };
        let range = (matches!(self.word(end), "to" | "and" | "through" | "until")
            && dated(end + 1))
            || (dash && toks.get(end).is_some_and(Token::is_numeric))
            || self.preposition.is_some_and(|p| {
                matches!(self.word(p), "to" | "and" | "through" | "until")
                    && p.checked_sub(1).is_some_and(|q| toks[q].is_numeric())
            });
        // For a verb, its chain ("was first elected") and the adverb after it ("voted
        // again"); for a noun, its whole phrase ("the previous vote on the levy in 2019").
        let phrase_start = if verb {
            (clause_start..at)
                .rev()
                .take_while(|&k| matches!(tags[k], Pos::Adv | Pos::Aux | Pos::Part))
                .last()
                .unwrap_or(at)
        } else {
            (clause_start..at)
                .rev()
                .take(6)
                .take_while(|&k| PHRASE_TAGS.contains(&tags[k]))
                .last()
                .unwrap_or(at)
        };
        let after = if verb && tags.get(at + 1) == Some(&Pos::Adv) {
            at + 2
        } else {
            at + 1
        };
        let recurrent = (phrase_start..after.min(clause_end))
            .filter(|&k| k != at && !(first..end).contains(&k))
            .any(|k| RECURRENCE.contains(&self.word(k)));
        if range {
            Some(Aside::Range)
        } else if bound {
            Some(Aside::Bound)
        } else if recurrent {
            Some(Aside::Recurrence)
        } else {
            None
        }
    }
}

/// Reads the referent of the date over tokens `first..end` of a sentence.
pub fn find(
    text: &str,
    toks: &[Token<'_>],
    tags: &[Pos],
    claims: &[ClaimFeature],
    (first, end): (usize, usize),
    lexicon: &Lexicon,
    stemmer: &Stemmer,
) -> Option<DateReferent> {
    let n = toks.len().min(tags.len());
    if first >= end || end > n {
        return None;
    }
    let (toks, tags) = (&toks[..n], &tags[..n]);
    let clause_start = (0..=first)
        .rev()
        .find(|&k| boundary_before(text, toks, tags, k))
        .unwrap_or(0);
    let clause_end = (end..n)
        .find(|&k| boundary_before(text, toks, tags, k))
        .unwrap_or(n);
    let sentence = Sentence {
        text,
        toks,
        tags,
        folded: toks.iter().map(|t| fold(t.text)).collect(),
        lexicon,
        stemmer,
        clause: (clause_start, clause_end),
        date: (first, end),
        preposition: first
            .checked_sub(1)
            .filter(|&p| p >= clause_start && tags[p] == Pos::Adp),
    };
    let (at, verb) = sentence.event_word()?;
    if verb && is_reporting(sentence.word(at)) {
        return None;
    }
    let table = if verb {
        &lexicon.event_verbs
    } else {
        &lexicon.event_nouns
    };
    let date = (toks[first].start, toks[end - 1].end);
    let mut referent = DateReferent {
        start: toks[at].start,
        end: toks[at].end,
        word: sentence.word(at).to_string(),
        families: table.get(&sentence.stem(at))?.clone(),
        verb,
        agent: None,
        patient: None,
        clause: (toks[clause_start].start, toks[clause_end - 1].end),
        aside: None,
    };
    if !verb {
        noun_roles(&sentence, at, stemmer, &mut referent);
    } else if let Some(claim) = claims.iter().find(|c| c.start == referent.start) {
        if claim.negation.is_some() {
            referent.aside = Some(Aside::Negated);
        } else if claim.modal {
            referent.aside = Some(Aside::Possible);
        }
        if claim.passive {
            referent.patient = role(&claim.subject, date);
            // "was visited on 16 March by Varga": the agent of a passive.
            referent.agent = (at + 1..clause_end)
                .filter(|&k| !(first..end).contains(&k))
                .find(|&k| tags[k] == Pos::Adp && sentence.word(k) == "by")
                .and_then(|k| phrase_role(toks, tags, k + 1, clause_end, stemmer));
        } else {
            referent.agent = role(&claim.subject, date);
            referent.patient = role(&claim.object, date).or_else(|| role(&claim.oblique, date));
        }
    }
    referent.aside = referent.aside.or_else(|| sentence.aside(at, verb));
    if let Some(k) = verb
        .then(|| happening_subject(&sentence, claims, at))
        .flatten()
    {
        // "The trial opened on 11 September": the date is the trial's, the verb only
        // says it began; the noun's date compares with "the trial began on 18 September".
        referent.start = toks[k].start;
        referent.end = toks[k].end;
        referent.word = sentence.word(k).to_string();
        referent.families = lexicon.event_nouns.get(&sentence.stem(k))?.clone();
        referent.verb = false;
        referent.agent = None;
        referent.patient = None;
        if k >= clause_start {
            noun_roles(&sentence, k, stemmer, &mut referent);
        }
    }
    Some(referent)
}

/// The event noun that is the subject of an intransitive verb, whose happening the date is:
/// "the trial opened on …", "the summit, which ended on …" (a relative pronoun's
/// antecedent before the comma). The noun's first sense must be an act or an event, so "the
/// company opened on …" keeps the verb.
fn happening_subject(sentence: &Sentence<'_>, claims: &[ClaimFeature], at: usize) -> Option<usize> {
    let (toks, tags) = (sentence.toks, sentence.tags);
    let verb_start = toks[at].start;
    let claim = claims.iter().find(|c| c.start == verb_start)?;
    if claim.object.is_some() || claim.passive {
        return None;
    }
    let k = match &claim.subject {
        Some(subject) if !subject.pronoun => (0..at).rev().find(|&k| toks[k].end == subject.end)?,
        _ => {
            // "The trial, which began on …": the noun right before the comma and "which".
            let opener = sentence.clause.0;
            let relative = matches!(sentence.word(opener), "which" | "that");
            let comma = sentence.gap_before(opener).contains(',');
            (relative && comma && opener > 0).then(|| opener - 1)?
        }
    };
    (tags[k] == Pos::Noun
        && sentence
            .lexicon
            .event_nouns_first
            .contains(&sentence.stem(k)))
    .then_some(k)
}

/// The agent and patient of an event noun: its possessor ("Lavrov's visit") or "by" phrase
/// as agent, its "of", "to", "into" or "on" phrase as patient, the date itself left out.
fn noun_roles(sentence: &Sentence<'_>, at: usize, stemmer: &Stemmer, referent: &mut DateReferent) {
    let (toks, tags, folded) = (sentence.toks, sentence.tags, &sentence.folded);
    let ((clause_start, clause_end), (first, end)) = (sentence.clause, sentence.date);
    // The possessor: the nearest token before the noun (adjectives and the date skipped).
    let mut k = at;
    while k > clause_start && (tags[k - 1] == Pos::Adj || (first..end).contains(&(k - 1))) {
        k -= 1;
    }
    if k > clause_start {
        let possessor = k - 1;
        let word = &folded[possessor];
        if let Some(bare) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
            let mut from = possessor;
            while from > clause_start && tags[from - 1] == Pos::Propn {
                from -= 1;
            }
            referent.agent = Some(Role {
                start: toks[from].start,
                end: toks[possessor].end,
                head: stemmer.stem(bare),
            });
        }
    }
    // The phrases after the noun, up to the clause end, the date excluded.
    let mut k = at + 1;
    while k < clause_end {
        if (first..end).contains(&k) {
            k = end;
            continue;
        }
        if tags[k] == Pos::Adp {
            let stop = if k < first {
                first.min(clause_end)
            } else {
                clause_end
            };
            let phrase = phrase_role(toks, tags, k + 1, stop, stemmer);
            match folded[k].as_str() {
                "by" if referent.agent.is_none() => referent.agent = phrase,
                "of" | "to" | "into" | "on" | "against" | "for" if referent.patient.is_none() => {
                    referent.patient = phrase
                }
                _ => {}
            }
        }
        if tags[k] == Pos::Verb {
            break;
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests;
