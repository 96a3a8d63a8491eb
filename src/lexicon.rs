//! Word lists the extractor reads: stop words, titles, counted-noun groups, antonym pairs
//! and the loaded-wording lexicon. The bundled lists live in `assets/lexicon/` as plain data
//! and are compiled into the binary; users may add wording entries from their own RON files.

use crate::text::fold;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// One referent of the wording lexicon and its competing terms.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
pub struct WordingEntry {
    pub referent: String,
    pub terms: Vec<String>,
    /// The entry's terms that name the referent without judging it ("protesters",
    /// "demonstrators"): two neutral terms are not a wording difference.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub neutral: Vec<String>,
    /// Whether each country has one referent of this entry (its government): two terms tied
    /// to one country ("the Malian junta", "Mali's transitional authorities") name one
    /// referent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_country: bool,
}

/// A wording term split into folded words, ready for matching.
#[derive(Debug, Clone)]
pub struct WordingTerm {
    pub entry: usize,
    pub words: Vec<String>,
    pub text: String,
}

/// All word lists, ready for lookups.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub stopwords: HashSet<String>,
    /// Nouns that head labels of people, groups and places
    /// (`assets/lexicon/label_nouns_en.txt`, from WordNet).
    pub label_nouns: HashSet<String>,
    /// Adjectives that judge what they describe (`assets/lexicon/evaluative_en.tsv`, built
    /// from WordNet by `build_evaluative.py`): true when their most frequent sense does.
    pub evaluative: HashMap<String, bool>,
    /// A noun to the key of its most frequent WordNet sense ("photo" and "photograph" to
    /// one key; `assets/lexicon/noun_synonyms_en.tsv`).
    pub noun_keys: HashMap<String, String>,
    /// Polarity word classes (`assets/lexicon/polarity_en.tsv`, built from WordNet by
    /// `build_polarity.py`): class name ("denial", "negator", "quantifier_none", …) to its
    /// folded words.
    pub polarity: HashMap<String, Vec<String>>,
    /// Folded title word to its canonical form ("col" to "colonel").
    pub titles: HashMap<String, String>,
    /// Folded unit word to the name of its group.
    pub units: HashMap<String, String>,
    /// Stemmed antonym pairs, both directions.
    pub antonyms: HashMap<String, Vec<String>>,
    pub wording: Vec<WordingEntry>,
    pub wording_terms: Vec<WordingTerm>,
    /// Loaded words (`assets/lexicon/loaded_en.txt`): terms that judge while they report.
    /// `entry` is the term's position in the list.
    pub loaded_terms: Vec<WordingTerm>,
    /// Words that name a happening (`assets/lexicon/event_families_en.tsv`, built from
    /// WordNet by `build_event_families.py`): the stem of a verb, and of a noun, to the
    /// families it belongs to ("deployment" and "deployed" both to "deploy").
    pub event_verbs: HashMap<String, Vec<String>>,
    pub event_nouns: HashMap<String, Vec<String>>,
    /// The stems of the event nouns whose first sense is an act or event ("visit",
    /// "deployment"; not "force" or "operation").
    pub event_nouns_first: HashSet<String>,
    /// Folded words that name a country, to the country (`assets/lexicon/countries_en.tsv`,
    /// built from WordNet by `build_countries.py`): "malian" and "mali" to "mali".
    pub countries: HashMap<String, String>,
    /// Allegation cues and verbs of one act (`assets/lexicon/allegations_en.tsv`, built from
    /// WordNet by `build_allegations.py`), as stems.
    pub allegations: Allegations,
    /// Nouns of acts to the verbs they derive from, as stems
    /// (`assets/lexicon/nominalizations_en.tsv`, built from WordNet by
    /// `build_nominalizations.py`): "collus" (collusion) to "collud" (collude).
    pub nominalizations: HashMap<String, Vec<String>>,
}

/// Words that report an act as an allegation, and verbs that tell one act.
#[derive(Debug, Clone, Default)]
pub struct Allegations {
    /// Stems of the verbs of alleging ("allege", "accuse", "charge", "claim").
    pub verbs: HashSet<String>,
    /// Stems of the nouns derived from them ("allegation", "accusation", "charge").
    pub nouns: HashSet<String>,
    /// Verb stem to the stems of verbs that share a main sense with it ("close": "shut").
    pub same_act: HashMap<String, Vec<String>>,
}

impl Allegations {
    /// Whether two verb stems tell one act: the same stem, or a shared main sense.
    pub fn same_act(&self, a: &str, b: &str) -> bool {
        a == b
            || self
                .same_act
                .get(a)
                .is_some_and(|l| l.iter().any(|x| x == b))
    }
}

impl Lexicon {
    /// Whether a wording-lexicon term is one of its entry's neutral terms.
    pub fn is_neutral(&self, entry: usize, term: &str) -> bool {
        let folded = fold(term);
        self.wording.get(entry).is_some_and(|e| {
            e.neutral.iter().any(|n| {
                let n = fold(n);
                n == folded
                    || n.strip_suffix('s') == Some(folded.as_str())
                    || folded.strip_suffix('s') == Some(n.as_str())
            })
        })
    }
}

const STOPWORDS: &str = include_str!("../assets/lexicon/stopwords_en.txt");
const TITLES: &str = include_str!("../assets/lexicon/titles.txt");
const UNITS: &str = include_str!("../assets/lexicon/units.ron");
const ANTONYMS: &str = include_str!("../assets/lexicon/antonyms.ron");
const ANTONYMS_WORDNET: &str = include_str!("../assets/lexicon/antonyms_wordnet.tsv");
const WORDING: &str = include_str!("../assets/lexicon/wording.ron");
const LOADED: &str = include_str!("../assets/lexicon/loaded_en.txt");
const LABEL_NOUNS: &str = include_str!("../assets/lexicon/label_nouns_en.txt");
const EVALUATIVE: &str = include_str!("../assets/lexicon/evaluative_en.tsv");
const NOUN_SYNONYMS: &str = include_str!("../assets/lexicon/noun_synonyms_en.tsv");
const POLARITY: &str = include_str!("../assets/lexicon/polarity_en.tsv");
const EVENT_FAMILIES: &str = include_str!("../assets/lexicon/event_families_en.tsv");
const COUNTRIES: &str = include_str!("../assets/lexicon/countries_en.tsv");
const ALLEGATIONS: &str = include_str!("../assets/lexicon/allegations_en.tsv");
const NOMINALIZATIONS: &str = include_str!("../assets/lexicon/nominalizations_en.tsv");

/// The allegation cues and verbs of one act, `class<TAB>word[<TAB>other]` a line.
fn allegations(stemmer: &crate::extract::terms::Stemmer) -> Allegations {
    let mut out = Allegations::default();
    for line in lines(ALLEGATIONS) {
        let fields: Vec<String> = line
            .split('\t')
            .map(|w| stemmer.stem(&fold(w.trim())))
            .collect();
        match (line.split('\t').next(), &fields[1..]) {
            (Some("allegation_verb"), [word]) => {
                out.verbs.insert(word.clone());
            }
            (Some("allegation_noun"), [word]) => {
                out.nouns.insert(word.clone());
            }
            (Some("same_act"), [a, b]) if a != b => {
                out.same_act.entry(a.clone()).or_default().push(b.clone());
                out.same_act.entry(b.clone()).or_default().push(a.clone());
            }
            _ => {}
        }
    }
    out
}

/// The event words by stem, verbs and nouns apart: `word<TAB>family<TAB>pos` a line.
type Families = HashMap<String, Vec<String>>;
/// Noun stems to the stems of the verbs they derive from.
fn nominalizations(stemmer: &crate::extract::terms::Stemmer) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for line in lines(NOMINALIZATIONS) {
        let Some((noun, verb)) = line.split_once('\t') else {
            continue;
        };
        let (noun, verb) = (stemmer.stem(noun.trim()), stemmer.stem(verb.trim()));
        let verbs = out.entry(noun).or_default();
        if !verbs.contains(&verb) {
            verbs.push(verb);
        }
    }
    out
}

fn event_families(
    stemmer: &crate::extract::terms::Stemmer,
) -> (Families, Families, HashSet<String>) {
    let (mut verbs, mut nouns): (Families, Families) = Default::default();
    let mut first = HashSet::new();
    for line in lines(EVENT_FAMILIES) {
        let mut fields = line.split('\t');
        let (Some(word), Some(family), Some(pos)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let stem = stemmer.stem(&fold(word));
        if pos.trim() == "n" {
            first.insert(stem.clone());
        }
        let table = if pos.trim() == "v" {
            &mut verbs
        } else {
            &mut nouns
        };
        let list = table.entry(stem).or_default();
        if !list.iter().any(|f| f == family) {
            list.push(family.to_string());
        }
    }
    (verbs, nouns, first)
}

/// The polarity classes, one `class<TAB>word` a line.
fn polarity_classes() -> HashMap<String, Vec<String>> {
    let mut classes: HashMap<String, Vec<String>> = HashMap::new();
    for line in POLARITY.lines().filter(|l| !l.starts_with('#')) {
        if let Some((class, word)) = line.split_once('\t') {
            classes
                .entry(class.trim().to_string())
                .or_default()
                .push(fold(word.trim()));
        }
    }
    classes
}

/// Lexicon files larger than this are refused (the bundled one is a few kilobytes).
const MAX_LEXICON_BYTES: u64 = 16 * 1024 * 1024;

/// A lexicon file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct LexiconError {
    pub path: String,
    pub message: String,
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

impl Lexicon {
    /// The bundled lexicon.
    pub fn bundled() -> Lexicon {
        // The bundled files are part of the program and checked by tests: failing to parse
        // them is a build defect, never a user error.
        let units: Vec<Vec<String>> = ron::from_str(UNITS).expect("bundled units.ron parses");
        let mut antonyms: Vec<(String, String)> =
            ron::from_str(ANTONYMS).expect("bundled antonyms.ron parses");
        // The pairs built by script from WordNet (see `assets/lexicon/build_antonyms.py`).
        antonyms.extend(lines(ANTONYMS_WORDNET).filter_map(|line| {
            let mut fields = line.split('\t');
            Some((fields.next()?.to_string(), fields.next()?.to_string()))
        }));
        let wording: Vec<WordingEntry> =
            ron::from_str(WORDING).expect("bundled wording.ron parses");
        let stemmer = crate::extract::terms::Stemmer::new();
        let (event_verbs, event_nouns, event_nouns_first) = event_families(&stemmer);
        let mut lexicon = Lexicon {
            event_verbs,
            event_nouns,
            event_nouns_first,
            stopwords: lines(STOPWORDS).map(fold).collect(),
            label_nouns: lines(LABEL_NOUNS).map(str::to_string).collect(),
            evaluative: lines(EVALUATIVE)
                .filter_map(|line| {
                    let (word, strength) = line.split_once('\t')?;
                    Some((word.to_string(), strength.trim() == "first"))
                })
                .collect(),
            noun_keys: lines(NOUN_SYNONYMS)
                .filter_map(|line| {
                    let (word, key) = line.split_once('\t')?;
                    Some((word.to_string(), key.trim().to_string()))
                })
                .collect(),
            polarity: polarity_classes(),
            allegations: allegations(&stemmer),
            nominalizations: nominalizations(&stemmer),
            countries: lines(COUNTRIES)
                .filter_map(|line| {
                    let (word, country) = line.split_once('\t')?;
                    Some((fold(word.trim()), country.trim().to_string()))
                })
                .collect(),
            titles: lines(TITLES)
                .map(|line| match line.split_once('=') {
                    Some((word, canonical)) => (fold(word.trim()), fold(canonical.trim())),
                    None => (fold(line), fold(line)),
                })
                .collect(),
            units: HashMap::new(),
            antonyms: HashMap::new(),
            wording: Vec::new(),
            wording_terms: Vec::new(),
            loaded_terms: lines(LOADED)
                .enumerate()
                .map(|(entry, line)| WordingTerm {
                    entry,
                    words: crate::text::tokens(&fold(line))
                        .iter()
                        .map(|t| t.text.to_string())
                        .collect(),
                    text: line.to_string(),
                })
                .filter(|t| !t.words.is_empty())
                .collect(),
        };
        lexicon
            .loaded_terms
            .sort_by(|a, b| b.words.len().cmp(&a.words.len()).then(a.text.cmp(&b.text)));
        for group in units {
            let Some(name) = group.first().map(|n| fold(n)) else {
                continue;
            };
            for word in &group {
                lexicon.units.insert(fold(word), name.clone());
            }
        }
        for (a, b) in antonyms {
            let (a, b) = (stemmer.stem(&fold(&a)), stemmer.stem(&fold(&b)));
            if a == b
                || lexicon
                    .antonyms
                    .get(&a)
                    .is_some_and(|list| list.contains(&b))
            {
                continue;
            }
            lexicon
                .antonyms
                .entry(a.clone())
                .or_default()
                .push(b.clone());
            lexicon.antonyms.entry(b).or_default().push(a);
        }
        lexicon.add_wording(wording);
        lexicon
    }

    /// The bundled lexicon plus the wording entries of extra RON files.
    pub fn with_extra(paths: &[String]) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::bundled();
        for path in paths {
            let bytes =
                crate::load::read::read_capped(std::path::Path::new(path), MAX_LEXICON_BYTES)
                    .map_err(|e| LexiconError {
                        path: path.clone(),
                        message: e.to_string(),
                    })?;
            let text = String::from_utf8(bytes).map_err(|e| LexiconError {
                path: path.clone(),
                message: format!(
                    "not a wording lexicon: it is not UTF-8 text (bad byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            })?;
            // A byte-order mark (as some editors save UTF-8) is not part of the text.
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let entries: Vec<WordingEntry> = ron::from_str(text).map_err(|e| LexiconError {
                path: path.clone(),
                message: format!(
                    "not a wording lexicon: line {}, column {}: {}",
                    e.span.start.line,
                    e.span.start.col,
                    crate::session::file::user_message(&e.code)
                ),
            })?;
            lexicon.add_wording(entries);
        }
        Ok(lexicon)
    }

    fn add_wording(&mut self, entries: Vec<WordingEntry>) {
        for entry in entries {
            let index = self.wording.len();
            for term in &entry.terms {
                let words: Vec<String> = crate::text::tokens(&fold(term))
                    .iter()
                    .map(|t| t.text.to_string())
                    .collect();
                if !words.is_empty() {
                    self.wording_terms.push(WordingTerm {
                        entry: index,
                        words,
                        text: term.clone(),
                    });
                }
            }
            self.wording.push(entry);
        }
        // Longest terms first, so that "private military company" wins over "military".
        self.wording_terms
            .sort_by(|a, b| b.words.len().cmp(&a.words.len()).then(a.text.cmp(&b.text)));
    }

    pub fn is_stopword(&self, folded: &str) -> bool {
        self.stopwords.contains(folded)
    }

    /// The unit group of a counted noun, trying the plural and singular forms too.
    pub fn unit_group(&self, folded: &str) -> Option<&str> {
        self.units
            .get(folded)
            .or_else(|| self.units.get(&format!("{folded}s")))
            .or_else(|| folded.strip_suffix('s').and_then(|s| self.units.get(s)))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_loads() {
        let lexicon = Lexicon::bundled();
        assert!(lexicon.is_stopword("the"));
        assert_eq!(
            lexicon.titles.get("col").map(String::as_str),
            Some("colonel")
        );
        assert_eq!(lexicon.unit_group("soldiers"), Some("troops"));
        assert_eq!(lexicon.unit_group("house"), Some("homes"));
        assert!(
            lexicon
                .wording
                .iter()
                .any(|e| e.terms.iter().any(|t| t == "mercenaries"))
        );
    }
}
