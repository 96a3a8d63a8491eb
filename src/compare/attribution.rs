//! Who gives a figure: the attribution of a count in its sentence ("according to the
//! hospital", "…, the ministry said"), so that a number finding shows each side's source
//! and a count disputed between a hospital and a ministry reads as such.
//!
//! Read on the sentence around the figure, in three plain forms, and only when one of them
//! is there: "according to X" anywhere in the sentence; "…, X said." closing it; "X said
//! (that) …" opening it. X is at most six words with no figure in it. Anything else (a
//! figure in the outlet's own voice) has no attribution, and none is guessed.

/// Verbs of saying that attribute what they close or open.
const SAYING: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "stated",
    "told",
    "announced",
    "confirmed",
    "counted",
];
/// Words an attribution may have at most.
const MAX_WORDS: usize = 6;

/// The attribution of the figure at `at` in `sentence` (a passage's text), in a few words
/// ("according to the city hospital", "the interior ministry said").
pub fn of(sentence: &str) -> Option<String> {
    let folded = sentence.to_lowercase();
    if let Some(found) = according_to(sentence, &folded) {
        return Some(found);
    }
    closing(sentence).or_else(|| opening(sentence))
}

/// Whether a phrase can name who gives a figure: a few words, no figure, no quote.
fn plausible(phrase: &str) -> bool {
    let words = phrase.split_whitespace().count();
    (1..=MAX_WORDS).contains(&words)
        && !phrase
            .chars()
            .any(|c| c.is_ascii_digit() || "\"“”".contains(c))
        && phrase.chars().next().is_some_and(char::is_alphabetic)
}

/// "according to the city hospital".
fn according_to(sentence: &str, folded: &str) -> Option<String> {
    let at = folded.find("according to ")?;
    let rest = &sentence[at + "according to ".len()..];
    let end = rest.find([',', '.', ';', ':', '(']).unwrap_or(rest.len());
    let phrase = rest[..end].trim();
    plausible(phrase).then(|| format!("according to {phrase}"))
}

/// "…, the interior ministry said."
fn closing(sentence: &str) -> Option<String> {
    let trimmed = sentence.trim_end().trim_end_matches(['.', '”', '"']);
    let comma = trimmed.rfind(", ")?;
    let tail = &trimmed[comma + 2..];
    let (who, verb) = tail.rsplit_once(' ')?;
    (SAYING.contains(&verb) && plausible(who)).then(|| format!("{who} {verb}"))
}

/// "The interior ministry said (that) twelve people …".
fn opening(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().take(MAX_WORDS + 1).collect();
    let verb_at = words.iter().position(|w| SAYING.contains(w))?;
    if verb_at == 0 {
        return None;
    }
    let who = words[..verb_at].join(" ");
    (plausible(&who) && !who.contains(',')).then(|| format!("{who} {}", words[verb_at]))
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn attributions_in_plain_forms_are_read() {
        assert_eq!(
            of("Fourteen people died, according to the city hospital.").as_deref(),
            Some("according to the city hospital")
        );
        assert_eq!(
            of("At least 12 people were killed, the interior ministry said.").as_deref(),
            Some("the interior ministry said")
        );
        assert_eq!(
            of("Officials said 40 homes were flooded overnight.").as_deref(),
            Some("Officials said")
        );
    }

    #[test]
    fn a_figure_in_the_outlets_own_voice_has_none() {
        assert_eq!(of("Twelve people died in the fire on Tuesday."), None);
        // A quote's speaker is not a figure's source in these forms.
        assert_eq!(of("“We counted 14 bodies,” he said."), None);
        // A long clause before "said" is not a name.
        assert_eq!(
            of("The people who were living on the river bank for many years said 40 died."),
            None
        );
    }
}
