//! Reading one quantity from a text's tokens, step by step: the number and its scale, the
//! unit (currency, percent or counted noun, with people counted by their fate), the
//! qualifier after or before it and an approximation marker.

use super::*;

/// What reading quantities needs of a text: its tokens, their folded forms and the lexicon.
pub(super) struct Reader<'a, 't> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token<'t>],
    pub(super) folded: Vec<String>,
    pub(super) lexicon: &'a Lexicon,
}

/// A number read with its scale: its value, the token after it, the token it starts at
/// ("a dozen", "a hundred") and the words of a vague count ("hundreds of").
pub(super) struct Scaled {
    pub(super) value: f64,
    pub(super) next: usize,
    pub(super) start_token: usize,
    pub(super) vague_words: Option<String>,
}

impl Reader<'_, '_> {
    /// The text between token `a` and the next.
    pub(super) fn gap(&self, a: usize) -> &str {
        let tokens = self.tokens;
        if a + 1 < tokens.len() && tokens[a].end <= tokens[a + 1].start {
            &self.text[tokens[a].end..tokens[a + 1].start]
        } else {
            ""
        }
    }

    /// Whether punctuation that ends a phrase follows token `a`.
    pub(super) fn broken_after(&self, a: usize) -> bool {
        self.gap(a).contains([',', '.', ';', ':', '(', ')'])
    }

    /// The number token `i` opens, if any: "a dozen" and spelled numbers, digits, ordinals;
    /// whether it is an ordinal.
    pub(super) fn number_at(&self, i: usize) -> Option<(f64, bool)> {
        let (token, folded) = (&self.tokens[i], &self.folded);
        let word = folded[i].as_str();
        if token.is_numeric() {
            if let Some(v) = ordinal(token.text) {
                Some((v, true))
            } else if let Some(v) = suffixed(token.text) {
                Some((v, false))
            } else if token
                .text
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            {
                parse_number(token.text).map(|v| (v, false))
            } else {
                None
            }
        } else if let Some(&(_, v)) = VAGUE.iter().find(|(w, _)| *w == word)
            && folded.get(i + 1).is_some_and(|w| w == "of")
        {
            Some((v, false))
        } else if let Some(v) = word_number(word) {
            // "one" is too often a pronoun ("one of the"), "dozens" is not a number.
            let lone_dozen = word == "dozen" && (i == 0 || folded[i - 1] != "a");
            (word != "one" && !lone_dozen).then_some((v, false))
        } else {
            None
        }
    }

    /// The quantity whose number is token `i` (if it counts or measures something), and the
    /// token to read on from.
    pub(super) fn quantity_at(
        &self,
        i: usize,
        value: f64,
        is_ordinal: bool,
    ) -> (Option<Quantity>, usize) {
        let tokens = self.tokens;
        let scaled = self.scaled(i, value);
        let currency_before = self.currency_before(scaled.start_token);
        let (unit, end, j) = self.unit(&scaled, currency_before, is_ordinal);
        let (approximation, first) =
            self.approximation(scaled.start_token, scaled.vague_words.clone());
        let qualifier = self
            .qualifier_after(j)
            .or_else(|| self.qualifier_before(first, unit.is_some()));
        let unit = unit.unwrap_or_default();
        if unit.is_empty() && qualifier.is_none() {
            return (None, j.max(i + 1));
        }
        // "the 2012 election", "2016 presidential campaign": a year before a noun, not a
        // count, unless the noun is one we count ("2000 soldiers").
        let digits = tokens[i].text;
        let value = scaled.value;
        let year_like = parse_number(digits) == Some(value)
            && digits.len() == 4
            && digits.chars().all(|c| c.is_ascii_digit())
            && (1800.0..=2100.0).contains(&value)
            && currency_before.is_none();
        if year_like
            && unit != "percent"
            && self.lexicon.unit_group(&unit).is_none()
            && !FATES.contains(&unit.as_str())
        {
            return (None, j.max(i + 1));
        }
        let quantity = Quantity {
            start: tokens[first].start,
            end,
            value,
            unit,
            qualifier,
            approximation,
            ordinal: is_ordinal,
            number_tokens: (i, j),
        };
        (Some(quantity), j.max(i + 1))
    }

    /// The number at token `i` with what scales it: a vague count ("hundreds of",
    /// "hundreds of thousands of") or a scale word ("twenty thousand", "2.4 billion", "5 m").
    pub(super) fn scaled(&self, i: usize, mut value: f64) -> Scaled {
        let (text, tokens, folded) = (self.text, self.tokens, &self.folded);
        let word = folded[i].as_str();
        let mut start_token = i;
        if word == "dozen" {
            start_token = i - 1;
        }
        let mut j = i + 1;
        let vague = !tokens[i].is_numeric() && VAGUE.iter().any(|(w, _)| *w == word);
        if vague {
            j = i + 2;
            if let Some(&(_, scale)) = folded
                .get(j)
                .and_then(|w| VAGUE.iter().find(|(v, _)| v == w))
                && folded.get(j + 1).is_some_and(|w| w == "of")
            {
                value *= scale;
                j += 2;
            }
        }
        let vague_words =
            (vague && j > i).then(|| text[tokens[i].start..tokens[j - 1].end].to_string());
        if let Some(position) = folded
            .get(j)
            .and_then(|w| SCALES.iter().position(|(s, _)| s == w))
        {
            // Before a scale word of another language, a dot with three digits after it
            // separates thousands: "35.000 millones" is 35,000 millions.
            let digits = tokens[i].text;
            let foreign = position >= FIRST_FOREIGN_SCALE;
            if foreign
                && !digits.contains(',')
                && digits
                    .split_once('.')
                    .is_some_and(|(_, tail)| tail.len() == 3)
                && let Some(v) = parse_number(&digits.replace('.', ""))
            {
                value = v;
            }
            value *= SCALES[position].1;
            j += 1;
        } else if word == "hundred" && i > 0 && folded[i - 1] == "a" {
            start_token = i - 1;
        }
        Scaled {
            value,
            next: j,
            start_token,
            vague_words,
        }
    }

    /// The currency whose symbol stands before the number.
    pub(super) fn currency_before(&self, start_token: usize) -> Option<&'static str> {
        let (text, tokens) = (self.text, self.tokens);
        let before_gap = if start_token > 0 {
            &text[tokens[start_token - 1].end..tokens[start_token].start]
        } else {
            &text[..tokens[start_token].start]
        };
        match before_gap.trim_end().chars().last() {
            Some('€') => Some("euros"),
            Some('$') => Some("dollars"),
            Some('£') => Some("pounds"),
            _ => None,
        }
    }

    /// The unit: a currency before, a percent sign after, or the counted noun; people
    /// counted by what happened to them. With the end of the quantity's text and the token
    /// after the unit.
    pub(super) fn unit(
        &self,
        scaled: &Scaled,
        currency_before: Option<&str>,
        is_ordinal: bool,
    ) -> (Option<String>, usize, usize) {
        let (text, tokens, lexicon) = (self.text, self.tokens, self.lexicon);
        let mut j = scaled.next;
        let mut end = tokens[j - 1].end;
        let mut unit: Option<String> = currency_before.map(str::to_string);
        let after_number = &text[end..tokens.get(j).map_or(text.len(), |t| t.start)];
        if after_number.trim_start().starts_with('%') && unit.is_none() {
            unit = Some("percent".into());
            end += after_number.find('%').map_or(0, |p| p + 1);
        }
        if unit.is_none() || is_ordinal {
            let folded = |k: usize| self.folded.get(k).map(String::as_str);
            // "per cent" is two tokens.
            if folded(j) == Some("per") && folded(j + 1) == Some("cent") {
                unit = Some("percent".into());
                end = tokens[j + 1].end;
            } else if let Some(noun) = self.counted_noun(j) {
                unit = Some(
                    lexicon
                        .unit_group(&self.folded[noun])
                        .map(str::to_string)
                        .unwrap_or_else(|| self.folded[noun].trim_end_matches('s').to_string()),
                );
                end = tokens[noun].end;
                j = noun + 1;
            }
        }
        if let Some(u) = &unit
            && let Some(group) = lexicon.unit_group(u)
        {
            unit = Some(group.to_string());
        }
        if unit.as_deref() == Some("people") {
            unit = Some(
                self.people_fate(j, scaled.start_token)
                    .unwrap_or("people")
                    .to_string(),
            );
        }
        (unit, end, j)
    }

    /// The counted noun after the number at token `j`: the next content word(s), skipping
    /// modifiers and capitalised adjectives ("5,100 French soldiers").
    pub(super) fn counted_noun(&self, j: usize) -> Option<usize> {
        let (text, tokens, folded, lexicon) = (self.text, self.tokens, &self.folded, self.lexicon);
        let mut k = j;
        let mut candidates: Vec<usize> = Vec::new();
        while k < tokens.len() && k < j + 4 {
            let sep = &text[tokens[k - 1].end..tokens[k].start];
            if !(sep.trim().is_empty() || sep.trim() == "-") {
                break;
            }
            let w = folded[k].as_str();
            if MODIFIERS.contains(&w) {
                k += 1;
                continue;
            }
            if tokens[k].is_capitalised() && candidates.is_empty() && k + 1 < tokens.len() {
                // A capitalised adjective, only when a lower-case noun follows.
                if tokens[k + 1].is_word() && !tokens[k + 1].is_capitalised() {
                    k += 1;
                    continue;
                }
                break;
            }
            if !tokens[k].is_word()
                || tokens[k].is_capitalised()
                || lexicon.is_stopword(w) && lexicon.unit_group(w).is_none()
                || NOT_NOUNS.contains(&w) && lexicon.unit_group(w).is_none()
            {
                break;
            }
            candidates.push(k);
            k += 1;
        }
        candidates
            .iter()
            .find(|&&c| lexicon.unit_group(&folded[c]).is_some())
            .or_else(|| candidates.iter().find(|&&c| folded[c].ends_with('s')))
            .or_else(|| candidates.first())
            .copied()
    }

    /// People counted by what happened to them: "11 people have died" and "nine people were
    /// killed" count the dead, "4,100 people had been evacuated" the evacuees, and so does
    /// "crews evacuated 4,100 people".
    pub(super) fn people_fate(&self, j: usize, start_token: usize) -> Option<&'static str> {
        let folded = &self.folded;
        if j > 0
            && !self.broken_after(j - 1)
            && let Some(fate) =
                people_fate(&folded[j.min(folded.len())..], |k| self.broken_after(j + k))
        {
            Some(fate)
        } else if start_token > 0 && !self.broken_after(start_token - 1) {
            people_fate_before(&folded[start_token.saturating_sub(4)..start_token])
        } else {
            None
        }
    }

    /// The qualifier after the unit: "of damage", "in emergency aid".
    pub(super) fn qualifier_after(&self, j: usize) -> Option<String> {
        let (tokens, folded, lexicon) = (self.tokens, &self.folded, self.lexicon);
        let prep = folded.get(j)?;
        if !matches!(prep.as_str(), "of" | "in" | "for" | "on") {
            return None;
        }
        let mut k = j + 1;
        if folded
            .get(k)
            .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
        {
            k += 1;
        }
        let mut last_noun = None;
        while k < tokens.len() && k < j + 5 {
            let w = folded[k].as_str();
            if !tokens[k].is_word()
                || tokens[k].is_capitalised()
                || lexicon.is_stopword(w)
                || NOT_NOUNS.contains(&w)
                || (last_noun.is_some() && (w.ends_with("ing") || w.ends_with("ed")))
            {
                break;
            }
            last_noun = Some(k);
            if !self.gap(k).trim().is_empty() {
                break;
            }
            k += 1;
        }
        last_noun.map(|noun| folded[noun].trim_end_matches('s').to_string())
    }

    /// The approximation marker before the number ("about", "at least"), or the words of a
    /// vague count, and the token the quantity starts at.
    pub(super) fn approximation(
        &self,
        start_token: usize,
        vague_words: Option<String>,
    ) -> (Option<String>, usize) {
        let (text, tokens, folded) = (self.text, self.tokens, &self.folded);
        let mut approximation = None;
        let mut first = start_token;
        for marker in APPROXIMATIONS {
            let words: Vec<&str> = marker.split(' ').collect();
            if first >= words.len()
                && words
                    .iter()
                    .enumerate()
                    .all(|(n, w)| folded[first - words.len() + n] == *w)
            {
                approximation = Some(
                    text[tokens[first - words.len()].start..tokens[first - 1].end].to_string(),
                );
                first -= words.len();
                break;
            }
        }
        (vague_words.or(approximation), first)
    }

    /// The qualifier before the number, only through a linking word: "a fine *of* 3
    /// million", "turnout *was* 61 percent", "the death toll rose to 14". A verb right
    /// before the number ("made 11 arrests") is not what the number measures.
    pub(super) fn qualifier_before(&self, first: usize, has_unit: bool) -> Option<String> {
        let (tokens, folded, lexicon) = (self.tokens, &self.folded, self.lexicon);
        let mut k = first;
        let mut linked = false;
        // "Quarnmet has 7,300 employees": the noun before a verb of having is who holds the
        // count, not what it measures (the counted noun says that).
        let mut held = false;
        let mut steps = 0;
        while k > 0 && steps < 4 {
            k -= 1;
            steps += 1;
            if self
                .gap(k)
                .contains([',', '.', ';', ':', '(', ')', '"', '“', '”'])
            {
                return None;
            }
            let w = folded[k].as_str();
            if LINKERS.contains(&w) {
                // Only the verb right before the figure: "turnout had reached 61 percent"
                // still measures turnout.
                held |= !linked && matches!(w, "has" | "have" | "had") && has_unit;
                linked = true;
                continue;
            }
            if matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her") {
                continue;
            }
            let sentence_start = k == 0;
            return (linked
                && !held
                && tokens[k].is_word()
                && (sentence_start || !tokens[k].is_capitalised())
                && !lexicon.is_stopword(w))
            .then(|| w.trim_end_matches('s').to_string());
        }
        None
    }
}
