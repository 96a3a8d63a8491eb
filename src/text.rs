//! Small text helpers shared by the stages: word tokens with byte ranges, diacritic folding
//! and case tests. Kept in one place so that every stage sees words the same way.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One word or number of a text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Token<'_> {
    /// Whether the token starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the token starts with a digit.
    pub fn is_numeric(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_ascii_digit())
    }

    /// Whether the token is all letters (apostrophes and inner hyphens allowed).
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphabetic)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The lines of a text with their byte ranges: `(start, end)` of the line without its
/// break, and where the next line starts. A line ends at `\n`, `\r\n` or a lone `\r` (files
/// from old Macs use `\r` alone), so that no kind of line break joins a whole article into
/// one line.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        let Some(offset) = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
        else {
            at = bytes.len();
            return Some((start, bytes.len(), bytes.len()));
        };
        let end = start + offset;
        let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
        at = end + if crlf { 2 } else { 1 };
        Some((start, end, at))
    })
}

/// Whether a character belongs to a script written without spaces between words (Chinese,
/// Japanese kana, Thai, ...): there each character counts as a word for length tests.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x0E00..=0x0E7F    // Thai
        | 0x0E80..=0x0EFF    // Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x20000..=0x2FA1F) // CJK extensions B-F and compatibility supplement
}

/// Pairs of equal items of `a` and `b` in order: a longest common subsequence, by the
/// classic table (quadratic: for sentences and lists of passages, not whole books).
pub fn common_subsequence<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lengths = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i][j] = if a[i] == b[j] {
                lengths[i + 1][j + 1] + 1
            } else {
                lengths[i + 1][j].max(lengths[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::new();
    while i < n && j < m {
        if a[i] == b[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if lengths[i + 1][j] >= lengths[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// The number of words in a text: runs separated by white space, where each character of a
/// script written without spaces (see [`is_unspaced_script`]) counts as one word.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|run| {
            let unspaced = run.chars().filter(|&c| is_unspaced_script(c)).count();
            let rest = run
                .chars()
                .any(|c| c.is_alphanumeric() && !is_unspaced_script(c));
            unspaced + usize::from(rest || unspaced == 0)
        })
        .sum()
}

/// Splits a text into words and numbers. Inner apostrophes and hyphens stay inside a word
/// ("don't", "al-Qaeda"); thousands separators and decimal points stay inside a number
/// ("5,000", "2.4"). Everything else separates tokens.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let numeric = c.is_ascii_digit();
        let mut j = i + 1;
        while j < chars.len() {
            let ch = chars[j].1;
            if ch.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|p| p.1);
            let joins = if numeric {
                (ch == ',' || ch == '.') && next.is_some_and(|n| n.is_ascii_digit())
            } else {
                (is_apostrophe(ch) || ch == '-') && next.is_some_and(char::is_alphabetic)
            };
            if joins {
                j += 2;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |p| p.0);
        out.push(Token {
            start,
            end,
            text: &text[start..end],
        });
        i = j;
    }
    out
}

/// The word that ends right before byte `at` (spaces skipped), folded, and the byte where it
/// starts: in "…, said Varga", the word before "Varga" is "said".
pub fn word_before(text: &str, at: usize) -> (String, usize) {
    let head = text[..at.min(text.len())].trim_end();
    let length: usize = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .map(char::len_utf8)
        .sum();
    (fold(&head[head.len() - length..]), head.len() - length)
}

/// Lower-cases and removes diacritics: "Goïta" becomes "goita", "Ÿ" becomes "y".
/// Letters that do not decompose (ß, ø, ł) are mapped by hand.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            '’' | '‘' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether the text contains any letter with a diacritic.
pub fn has_diacritics(text: &str) -> bool {
    text.nfd().any(is_combining_mark)
}

/// A coarse phonetic key: the folded consonant skeleton, with doubled letters collapsed and
/// common transliteration pairs merged ("Goïta" and "Guetta" both give "kt", "Sergey" and
/// "Sergei" both give "srk"). Used only together with other evidence.
pub fn phonetic_key(word: &str) -> String {
    let folded = fold(word);
    let mut key = String::new();
    let mut last = ' ';
    let letters: Vec<char> = folded.chars().filter(|c| c.is_alphabetic()).collect();
    for (position, &c) in letters.iter().enumerate() {
        let mapped = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' | 'h' => {
                // Keep a leading vowel as one marker so "Ivan" and "Van" differ.
                if position == 0 { 'a' } else { ' ' }
            }
            'c' | 'k' | 'q' | 'g' => 'k',
            'x' => {
                // "Alexander" and "Aleksandr": x sounds as ks.
                if last != 'k' {
                    key.push('k');
                }
                last = 's';
                key.push('s');
                continue;
            }
            'z' | 's' => 's',
            'v' | 'f' | 'p' | 'b' => 'f',
            'd' | 't' => 't',
            'j' => 'j',
            'm' | 'n' => 'n',
            other => other,
        };
        if mapped == ' ' {
            last = ' ';
            continue;
        }
        if mapped != last {
            key.push(mapped);
        }
        last = mapped;
    }
    key
}

/// Parses a number written with digits, thousands separators and a decimal point
/// ("5,000", "2.4", "12 000" is two tokens and not handled here).
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = if text.contains(',') && text.contains('.') {
        // Whichever comes last is the decimal point: "1,234.5" and "1.234,5".
        if text.rfind(',') > text.rfind('.') {
            text.replace('.', "").replace(',', ".")
        } else {
            text.replace(',', "")
        }
    } else if text.matches('.').count() > 1 {
        // "1.234.567": dots as thousands separators.
        text.replace('.', "")
    } else if let Some((head, tail)) = text.split_once(',') {
        // "5,000" is five thousand; "2,5" (decimal comma) is two and a half.
        if tail.len() == 3 && !tail.contains(',') && head.len() <= 3
            || text.matches(',').count() > 1
        {
            text.replace(',', "")
        } else {
            format!("{head}.{tail}")
        }
    } else {
        text.to_string()
    };
    cleaned.parse::<f64>().ok()
}

/// Formats a number value for reports: integers without a fraction, others trimmed.
pub fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value:.4}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The first `words` words of a text, with "…" when some were left out (for lists and
/// messages).
pub fn first_words(text: &str, words: usize) -> String {
    let all: Vec<&str> = text.split_whitespace().collect();
    if all.len() <= words {
        all.join(" ")
    } else {
        format!("{}…", all[..words].join(" "))
    }
}

/// Function words of the languages sources are often written in.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "for", "was", "with", "it",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "que", "y", "del", "por", "una", "con", "se",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "e", "per", "della", "con", "non", "sono", "gli",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "van", "en", "dat", "op", "met", "voor", "niet",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "des", "et", "est", "que", "une", "pour", "dans", "qui",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "ein",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "que", "e", "do", "da", "em", "para", "uma", "com",
        ],
    ),
];

/// Whether a character belongs to a script.
type ScriptTest = fn(char) -> bool;

/// Scripts that name their language outright, by the share of letters they hold: the code
/// written for a text mostly in that script. Kana first: Japanese also writes with Han.
const SCRIPTS: &[(&str, ScriptTest)] = &[
    ("ja", |c| matches!(c as u32, 0x3040..=0x30FF)),
    (
        "zh",
        |c| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x20000..=0x2FA1F),
    ),
    (
        "ko",
        |c| matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF),
    ),
    ("ru", |c| matches!(c as u32, 0x0400..=0x04FF)),
    ("ar", |c| matches!(c as u32, 0x0600..=0x06FF)),
    ("he", |c| matches!(c as u32, 0x0590..=0x05FF)),
    ("el", |c| matches!(c as u32, 0x0370..=0x03FF)),
    ("th", |c| matches!(c as u32, 0x0E00..=0x0E7F)),
];

/// The language a text's script names, when most of its letters are of a script other than
/// Latin: Japanese when a tenth or more of them are kana, Chinese when Han dominates, else
/// Korean, Russian (Cyrillic), Arabic, Hebrew, Greek or Thai.
fn script_language(text: &str) -> Option<&'static str> {
    let mut letters = 0usize;
    let mut counts = [0usize; SCRIPTS.len()];
    for c in text.chars().filter(|c| c.is_alphabetic()).take(20_000) {
        letters += 1;
        if let Some(index) = SCRIPTS.iter().position(|(_, is)| is(c)) {
            counts[index] += 1;
        }
    }
    if letters == 0 {
        return None;
    }
    let han = counts[1];
    if counts[0] * 10 >= letters && counts[0] + han > letters / 2 {
        return Some("ja");
    }
    let best = (0..counts.len()).max_by_key(|&i| counts[i])?;
    (counts[best] * 2 > letters).then_some(SCRIPTS[best].0)
}

/// The language a text is most likely written in: from its script when that is not Latin
/// ("ja", "zh", "ko", "ru", "ar", "he", "el", "th"), else from its most frequent function
/// words ("en", "es", "it", "nl", "fr", "de" or "pt"); "en" when nothing tells.
pub fn guess_language(text: &str) -> &'static str {
    if let Some(language) = script_language(text) {
        return language;
    }
    let mut counts = [0usize; 7];
    for token in tokens(text).iter().take(3000) {
        let lower = token.text.to_lowercase();
        for (index, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
            if words.contains(&lower.as_str()) {
                counts[index] += 1;
            }
        }
    }
    let best = (0..counts.len())
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        "en"
    } else {
        FUNCTION_WORDS[best].0
    }
}

/// How far the engine analyses a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analysis {
    /// English: every stage (stemming, stop words, claims, quotes, wording).
    Full,
    /// Languages written with spaces between words: names, numbers, dates and shared words
    /// align and compare; claims, quotes and wording are read in English only.
    Partial,
    /// Languages written without spaces (Chinese, Japanese, Thai, ...): no word splitting, so
    /// the text is shown but takes no part in events or findings.
    None,
}

/// How far the engine analyses `language` (a code from [`guess_language`]).
pub fn analysis_of(language: &str) -> Analysis {
    match language {
        "en" => Analysis::Full,
        "zh" | "ja" | "th" => Analysis::None,
        _ => Analysis::Partial,
    }
}

/// The English name of a language code from [`guess_language`].
pub fn language_name(language: &str) -> &'static str {
    match language {
        "en" => "English",
        "es" => "Spanish",
        "it" => "Italian",
        "nl" => "Dutch",
        "fr" => "French",
        "de" => "German",
        "pt" => "Portuguese",
        "ja" => "Japanese",
        "zh" => "Chinese",
        "ko" => "Korean",
        "ru" => "Russian",
        "ar" => "Arabic",
        "he" => "Hebrew",
        "el" => "Greek",
        "th" => "Thai",
        _ => "an unknown language",
    }
}

/// What the engine cannot analyse in `language`, in words for the report and the viewer;
/// `None` for English.
pub fn language_note(language: &str) -> Option<String> {
    let name = language_name(language);
    match analysis_of(language) {
        Analysis::Full => None,
        Analysis::Partial => Some(format!(
            "{name}: partly analysed (names, numbers, dates and shared words are compared; \
             claims, quotes and wording are read in English only)"
        )),
        Analysis::None => Some(format!(
            "{name}: not analysed (Parallax cannot split {name} into words yet); the text is \
             shown but takes no part in events or findings"
        )),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn languages_are_told_by_their_function_words() {
        use super::guess_language;
        assert_eq!(
            guess_language("The plane and the crew were ready for the flight."),
            "en"
        );
        assert_eq!(
            guess_language(
                "El avión y la tripulación estaban listos para el vuelo de los pasajeros."
            ),
            "es"
        );
        assert_eq!(
            guess_language("Het vliegtuig en de bemanning waren klaar voor de vlucht van een uur."),
            "nl"
        );
        assert_eq!(
            guess_language("L'aereo e l'equipaggio erano pronti per il volo della sera."),
            "it"
        );
    }

    use super::*;

    #[test]
    fn every_kind_of_line_break_ends_a_line() {
        let text = "one\ntwo\r\nthree\rfour";
        let lines: Vec<&str> = lines(text).map(|(s, e, _)| &text[s..e]).collect();
        assert_eq!(lines, ["one", "two", "three", "four"]);
        let ends: Vec<usize> = super::lines("a\r\n").map(|(_, _, next)| next).collect();
        assert_eq!(ends, [3]);
    }

    #[test]
    fn scripts_name_their_language_and_unspaced_words_count() {
        assert_eq!(
            guess_language("東京で大きな地震があった。住民は避難した。"),
            "ja"
        );
        assert_eq!(guess_language("北京市政府周二宣布了新的交通规定。"), "zh");
        assert_eq!(guess_language("Москва объявила о новых мерах."), "ru");
        assert_eq!(word_count("東京で地震 and two"), 7);
        assert_eq!(word_count("three plain words"), 3);
    }

    #[test]
    fn tokens_keep_numbers_and_inner_marks() {
        let words: Vec<&str> = tokens("Less than 5,000 troops; al-Qaeda's 2.4 bn.")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            words,
            ["Less", "than", "5,000", "troops", "al-Qaeda's", "2.4", "bn"]
        );
    }

    #[test]
    fn token_ranges_are_byte_ranges() {
        let text = "Goïta said";
        let toks = tokens(text);
        assert_eq!(&text[toks[0].start..toks[0].end], "Goïta");
        assert_eq!(toks[1].start, "Goïta ".len());
    }

    #[test]
    fn folding_removes_diacritics() {
        assert_eq!(fold("Goïta"), "goita");
        assert_eq!(fold("Tomáš Dvořák"), "tomas dvorak");
        assert_eq!(fold("Łódź"), "lodz");
    }

    #[test]
    fn phonetic_key_merges_transliterations() {
        assert_eq!(phonetic_key("Goïta"), phonetic_key("Guetta"));
        assert_eq!(phonetic_key("Sergey"), phonetic_key("Sergei"));
        assert_eq!(phonetic_key("Yerewolo"), phonetic_key("Yerewulu"));
        assert_ne!(phonetic_key("Maria"), phonetic_key("Petar"));
    }

    #[test]
    fn numbers_parse_with_separators() {
        assert_eq!(parse_number("5,000"), Some(5000.0));
        assert_eq!(parse_number("2.4"), Some(2.4));
        assert_eq!(parse_number("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_number("35.000,5"), Some(35_000.5));
        assert_eq!(parse_number("1,234.5"), Some(1_234.5));
        assert_eq!(format_value(2.4e9), "2400000000");
        assert_eq!(format_value(2.45), "2.45");
    }

    #[test]
    fn first_words_cuts_long_texts_only() {
        assert_eq!(super::first_words("one two  three", 3), "one two three");
        assert_eq!(super::first_words("one two three four", 2), "one two…");
    }
}
