//! How two versions of one quote differ, word by word: whether they are one quote at all
//! (the shorter nearly all in the longer, over the part both excerpts give), and the runs
//! of words one changes inside that part. Excerpts cut in other places, ellipses,
//! contractions, editors' insertions, spellings of names and function words dropped are not
//! changes; a word or a pronoun replaced is.

use std::collections::BTreeSet;

/// A quote's word for comparison: folded, with the byte where its token starts and whether
/// the token is capitalised (a name).
pub(super) type QuoteWord = (String, usize, bool);

/// A quote's words for comparison: folded, contractions spelled out, hyphenated words split.
pub(super) fn spelled_out(text: &str) -> Vec<QuoteWord> {
    // Editors' insertions in brackets or parentheses ("(Libyan strongman) Gadhafi") are not
    // the speaker's words.
    let mut inserted: Vec<std::ops::Range<usize>> = Vec::new();
    let mut open = None;
    for (at, c) in text.char_indices() {
        match c {
            '(' | '[' => open = Some(at),
            ')' | ']' => {
                if let Some(start) = open.take() {
                    inserted.push(start..at);
                }
            }
            _ => {}
        }
    }
    let mut words = Vec::new();
    let mut previous_end = 0;
    for token in crate::text::tokens(text) {
        if inserted.iter().any(|r| r.contains(&token.start)) {
            continue;
        }
        // A capital that opens a sentence says nothing of a name, unless the word is rare
        // in general English.
        let common = crate::extract::frequency::frequencies().word(&crate::text::fold(token.text))
            >= COMMON_ZIPF;
        let opens_sentence = common
            && (previous_end == 0
                || text
                    .get(previous_end..token.start)
                    .is_some_and(|gap| gap.contains(['.', '!', '?', '\n'])));
        previous_end = token.start + token.text.len();
        for part in token.text.split('-').filter(|p| !p.is_empty()) {
            // A particle of a name ("al-Qaddafi", "bin Salman") is part of the name.
            let capital = (part.chars().next().is_some_and(char::is_uppercase) && !opens_sentence)
                || NAME_PARTICLES.contains(&part);
            spell_out(part, token.start, capital, &mut words);
        }
    }
    words
}

/// One word, its contraction spelled out ("won't" is "will not").
fn spell_out(token: &str, start: usize, capital: bool, words: &mut Vec<QuoteWord>) {
    {
        let word = crate::text::fold(token).replace('’', "'");
        let (stem, tail) = match word.as_str() {
            "won't" => ("will", Some("not")),
            "gonna" => ("going", Some("to")),
            "wanna" => ("want", Some("to")),
            "gotta" => ("got", Some("to")),
            "can't" | "cannot" => ("can", Some("not")),
            _ => match word.rsplit_once('\'') {
                Some((stem, "t")) if stem.ends_with('n') => (&stem[..stem.len() - 1], Some("not")),
                Some((stem, "ll")) => (stem, Some("will")),
                Some((stem, "re")) => (stem, Some("are")),
                Some((stem, "ve")) => (stem, Some("have")),
                Some((stem, "m")) => (stem, Some("am")),
                Some((stem, "d")) => (stem, Some("would")),
                _ => (word.as_str(), None),
            },
        };
        words.push((stem.to_string(), start, capital));
        if let Some(tail) = tail {
            words.push((tail.to_string(), start, false));
        }
    }
}

/// A word at least this frequent in general English (Zipf) that opens a sentence is not
/// taken for a name for its capital ("Surely" / "Perhaps" is a change; "Gadhafi" /
/// "Qaddafi" is a spelling).
const COMMON_ZIPF: f32 = 4.0;
/// Words one side adds or drops at most for a change to count: longer runs on one side
/// only are excerpts spliced differently (a sentence left out without an ellipsis), which
/// is how outlets quote, not a quote reworded.
const MAX_ONE_SIDED: usize = 3;
/// Lower-case words that stand inside names ("al-Qaddafi", "van der Berg").
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "de", "del", "der", "van", "von", "la", "le", "da", "di", "du",
];
/// Share of the shorter version's words the longer must give in order for them to be
/// compared as one quote.
const SAME_SHARE: f32 = 0.8;

/// Whether two versions share enough to be one quote: the shorter is nearly all in the
/// longer, counted over the stretch of the shorter between its first and last shared word
/// (one outlet may open or close the excerpt a few words earlier), and the shared words
/// are most of the part both excerpts give. Words one version gives before the other's
/// excerpt opens (the other starts at its first shared word), or after it closes, are
/// outside that part. Otherwise they are different sentences of a statement, or different
/// parts cut in different places.
pub(super) fn one_quote(
    same: &[(usize, usize)],
    a: (&[QuoteWord], &str),
    b: (&[QuoteWord], &str),
) -> bool {
    let (Some(&(a0, b0)), Some(&(a1, b1))) = (same.first(), same.last()) else {
        return false;
    };
    let (a_len, b_len) = (a.0.len(), b.0.len());
    let (start, end) = if a_len <= b_len { (a0, a1) } else { (b0, b1) };
    let stretch = end + 1 - start;
    // The part of each version inside the other's excerpt: a few words, or whole
    // sentences, before the other opens or after it closes are left out.
    let (a_opens, b_opens) = (sentence_openings(a), sentence_openings(b));
    let outside = |words: usize, other_at_edge: bool, whole_sentences: bool| {
        if other_at_edge && (words <= MAX_OUTSIDE || whole_sentences) {
            words
        } else {
            0
        }
    };
    let inside_a = a_len
        - outside(a0, b0 == 0, a_opens.contains(&a0))
        - outside(a_len - a1 - 1, b1 + 1 == b_len, a_opens.contains(&(a1 + 1)));
    let inside_b = b_len
        - outside(b0, a0 == 0, b_opens.contains(&b0))
        - outside(b_len - b1 - 1, a1 + 1 == a_len, b_opens.contains(&(b1 + 1)));
    let shorter = inside_a.min(inside_b);
    same.len() as f32 >= SAME_SHARE * stretch as f32
        && same.len() as f32 >= STRETCH_SHARE * shorter as f32
        && same.len() >= MIN_SHARED_WORDS
}

/// The indexes of a version's words that open a sentence of it.
fn sentence_openings((words, text): (&[QuoteWord], &str)) -> BTreeSet<usize> {
    let starts: BTreeSet<usize> = crate::segment::sentences(text, 0..text.len())
        .into_iter()
        .filter_map(|range| {
            text[range.clone()]
                .find(char::is_alphanumeric)
                .map(|at| range.start + at)
        })
        .collect();
    words
        .iter()
        .enumerate()
        .filter(|(_, (_, start, _))| starts.contains(start))
        .map(|(i, _)| i)
        .collect()
}

/// The words both versions give before their first shared word, and after their last, when
/// both are short: the same quote opening or ending with a word swapped ("we reject his
/// visit" / "… his message"), not an excerpt cut elsewhere (which leaves one side empty).
fn swapped_ends(
    same: &[(usize, usize)],
    a_len: usize,
    b_len: usize,
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let (Some(&(a0, b0)), Some(&(a1, b1))) = (same.first(), same.last()) else {
        return Vec::new();
    };
    let short = |r: &std::ops::Range<usize>| !r.is_empty() && r.len() <= MAX_SWAPPED_END;
    [(0..a0, 0..b0), (a1 + 1..a_len, b1 + 1..b_len)]
        .into_iter()
        .filter(|(ra, rb)| short(ra) && short(rb))
        .collect()
}

/// Words each version may give before its first or after its last shared word for them to
/// count as a swapped word rather than an excerpt cut elsewhere.
const MAX_SWAPPED_END: usize = 2;
/// Words a version may give before the other's excerpt opens, or after it closes, and
/// still be compared over the part both give ("And I think …").
const MAX_OUTSIDE: usize = 4;
/// Share of the shorter version that its shared stretch must cover.
const STRETCH_SHARE: f32 = 0.7;
/// Shared words two versions need at least to be compared as one quote.
pub(super) const MIN_SHARED_WORDS: usize = 5;

/// The runs of words two versions of a quote change, inside the stretch both give. Not
/// changes: function words alone added or dropped (`stopword`; a function word replaced by
/// another, "they" for "it", is a change), a name spelled another way (capitalised on
/// both sides), a name added, a word moved, and long one-sided runs (see
/// [`MAX_ONE_SIDED`]).
pub(super) fn changed_runs(
    a_text: &str,
    b_text: &str,
    stopword: &dyn Fn(&str) -> bool,
) -> Vec<(String, String)> {
    let (a, b) = (spelled_out(a_text), spelled_out(b_text));
    let a_words: Vec<&str> = a.iter().map(|(w, _, _)| w.as_str()).collect();
    let b_words: Vec<&str> = b.iter().map(|(w, _, _)| w.as_str()).collect();
    let same = crate::text::common_subsequence(&a_words, &b_words);
    if !one_quote(&same, (&a, a_text), (&b, b_text)) {
        return Vec::new();
    }
    let elided = |text: &str, from: usize, to: usize| {
        let gap = text.get(from..to).unwrap_or("");
        gap.contains("...") || gap.contains('…') || gap.contains('[')
    };
    let mut runs: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    // Runs with two words in step on each side, in both versions: only there is a lone
    // function word surely added or dropped, not a word the alignment of a repeated phrase
    // left over.
    let in_step = |k: usize| {
        k + 1 < same.len() && same[k + 1].0 == same[k].0 + 1 && same[k + 1].1 == same[k].1 + 1
    };
    let mut anchored: Vec<(usize, usize)> = Vec::new();
    for (k, pair) in same.windows(2).enumerate() {
        let ((ai, bi), (aj, bj)) = (pair[0], pair[1]);
        if aj == ai + 1 && bj == bi + 1 {
            continue;
        }
        if elided(a_text, a[ai].1, a[aj].1) || elided(b_text, b[bi].1, b[bj].1) {
            continue;
        }
        if k >= 1 && in_step(k - 1) && in_step(k + 1) {
            anchored.push((ai + 1, bi + 1));
        }
        runs.push((ai + 1..aj, bi + 1..bj));
    }
    // A quote opening in lower case is woven into the outlet's own sentence, which adapts
    // its first word ("for anyone “who …”"): an opening swap there is grammar, not a change.
    let woven = [a_text, b_text].iter().any(|text| {
        text.trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(char::is_lowercase)
    });
    runs.extend(
        swapped_ends(&same, a.len(), b.len())
            .into_iter()
            .filter(|(ra, rb)| !(woven && ra.start == 0 && rb.start == 0)),
    );
    // Words one side drops at one place and the other adds at another were moved.
    let dropped: Vec<&str> = runs
        .iter()
        .flat_map(|(r, _)| a_words[r.clone()].iter().copied())
        .collect();
    let added: Vec<&str> = runs
        .iter()
        .flat_map(|(_, r)| b_words[r.clone()].iter().copied())
        .collect();
    let mut changes = Vec::new();
    for (ra, rb) in runs {
        let (was, now) = (&a[ra.clone()], &b[rb.clone()]);
        let one_sided = was.is_empty() || now.is_empty();
        let content = |run: &[QuoteWord]| run.iter().any(|(w, _, _)| !stopword(w));
        let named = |run: &[QuoteWord]| run.iter().all(|(_, _, capital)| *capital);
        // A negation added or dropped turns what the speaker says around, function word
        // though it is ("should have been used" / "shouldn't have been used").
        let negated = |run: &[QuoteWord]| {
            anchored.contains(&(ra.start, rb.start))
                && run.iter().any(|(w, _, _)| NEGATIONS.contains(&w.as_str()))
        };
        let moved = (was.is_empty() && now.iter().all(|(w, _, _)| dropped.contains(&w.as_str())))
            || (now.is_empty() && was.iter().all(|(w, _, _)| added.contains(&w.as_str())));
        if (one_sided && was.len().max(now.len()) > MAX_ONE_SIDED)
            || (one_sided && !(content(was) || content(now) || negated(was) || negated(now)))
            || (named(was) && named(now))
            || moved
            || same_words(was, now, a_text, b_text, stopword)
            || (one_sided
                && was
                    .iter()
                    .chain(now)
                    .all(|(w, _, _)| FILLERS.contains(&w.as_str())))
        {
            continue;
        }
        changes.push((a_words[ra].join(" "), b_words[rb].join(" ")));
    }
    changes
}

/// Whether two runs say the same words written another way: a compound or an acronym
/// spaced out ("workforce" / "work force", "IRS" / "I.R.S."), a censored word
/// ("motherf---er"), an abbreviation with its point ("Sen." / "senator"), or the same
/// content words inflected otherwise ("looks" / "I look", reported against direct speech).
fn same_words(
    was: &[QuoteWord],
    now: &[QuoteWord],
    a_text: &str,
    b_text: &str,
    stopword: &dyn Fn(&str) -> bool,
) -> bool {
    if was.is_empty() || now.is_empty() {
        return false;
    }
    let joined = |run: &[QuoteWord]| run.iter().map(|(w, _, _)| w.as_str()).collect::<String>();
    if joined(was) == joined(now) {
        return true;
    }
    // The same, a function word aside ("FBI and" / "F.B.I."; the other side's "and" fell
    // elsewhere in the alignment).
    let content_joined = |run: &[QuoteWord]| {
        run.iter()
            .filter(|(w, _, _)| !stopword(w))
            .map(|(w, _, _)| w.as_str())
            .collect::<String>()
    };
    let (x, y) = (content_joined(was), content_joined(now));
    if !x.is_empty() && (x == y || x == joined(now) || joined(was) == y) {
        return true;
    }
    // One word against several that open and close it: a word censored or cut.
    let bracketed = |one: &[QuoteWord], many: &[QuoteWord]| {
        let (word, first, last) = (&one[0].0, &many[0].0, &many[many.len() - 1].0);
        one.len() == 1
            && many.len() >= 2
            && first.len() + last.len() < word.len()
            && word.starts_with(first.as_str())
            && word.ends_with(last.as_str())
    };
    if bracketed(was, now) || bracketed(now, was) {
        return true;
    }
    // One word the other's first letters, followed by a point: an abbreviation.
    let abbreviated = |short: &QuoteWord, text: &str, long: &QuoteWord| {
        let (word, start, _) = short;
        word.chars().count() >= 2
            && long.0.len() > word.len()
            && long.0.starts_with(word.as_str())
            && text[*start..]
                .get(word.len()..)
                .is_some_and(|rest| rest.starts_with('.'))
    };
    if let ([x], [y]) = (was, now)
        && (abbreviated(x, a_text, y) || abbreviated(y, b_text, x))
    {
        return true;
    }
    let stemmer = crate::extract::terms::Stemmer::new();
    let stems = |run: &[QuoteWord]| {
        let mut stems: Vec<String> = run
            .iter()
            .filter(|(w, _, _)| !stopword(w))
            .map(|(w, _, _)| stemmer.stem(w))
            .collect();
        stems.sort();
        stems
    };
    let (x, y) = (stems(was), stems(now));
    if !x.is_empty() || !y.is_empty() {
        return x == y;
    }
    // Function words alone: the same verb in another tense ("said" / "say"), or an article
    // or particle for another ("open the government" / "open up government"). A pronoun
    // or a modal for another ("they" / "it") is a change.
    let all_stems = |run: &[QuoteWord]| {
        run.iter()
            .map(|(w, _, _)| stemmer.stem(w))
            .collect::<Vec<_>>()
    };
    let slight = |run: &[QuoteWord]| {
        run.iter()
            .all(|(w, _, _)| SLIGHT_WORDS.contains(&w.as_str()))
    };
    all_stems(was) == all_stems(now) || (slight(was) && slight(now))
}

/// Function words whose exchange does not change what a quote says.
const SLIGHT_WORDS: &[&str] = &[
    "the", "a", "an", "up", "out", "down", "off", "just", "so", "then", "now", "very", "really",
];
/// Words that negate what they stand in (contractions are spelled out before).
const NEGATIONS: &[&str] = &["not", "never"];
/// Interjections a transcript keeps and another drops.
const FILLERS: &[&str] = &[
    "oh", "uh", "um", "ah", "er", "eh", "hmm", "yeah", "okay", "ok",
];

#[cfg(test)]
mod tests;
