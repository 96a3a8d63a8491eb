//! A deterministic generator of synthetic news corpora for benchmarks.
//!
//! It invents a story: a set of events, each with an actor, a place, a date, a count and its
//! own vocabulary. Every article reports a random subset of the events in a random order,
//! in sentences built from templates and filler words, and now and then changes a number or
//! the spelling of a name, as real sources do. The same seed always gives the same corpus.
//! The text is nonsense, but it has the statistics that matter for speed: realistic word
//! counts, shared and unshared vocabulary, names, numbers and dates.

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthConfig {
    pub articles: usize,
    /// Approximate words per article.
    pub words: usize,
    /// Events in the story.
    pub events: usize,
    pub seed: u64,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig {
            articles: 20,
            words: 800,
            events: 40,
            seed: 7,
        }
    }
}

/// SplitMix64: tiny, fast and good enough for test data.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "ten", "va", "sol", "dri", "ne", "lu", "bar", "os", "ki", "ma", "zen", "tor",
    "el", "vi", "gan", "do", "ru", "sha", "pel", "an", "ko", "ris", "te", "mun", "da", "lor", "ve",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const NOUNS: &[&str] = &[
    "homes",
    "soldiers",
    "residents",
    "workers",
    "vehicles",
    "families",
    "people",
    "officers",
];

fn word(random: &mut Random, syllables: usize) -> String {
    (0..syllables)
        .map(|_| SYLLABLES[random.below(SYLLABLES.len())])
        .collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

struct SynthEvent {
    actor: (String, String),
    place: String,
    day: usize,
    month: usize,
    count: u64,
    noun: &'static str,
    vocabulary: Vec<String>,
}

/// Generates the articles as (file name, text) pairs.
pub fn generate(config: SynthConfig) -> Vec<(String, String)> {
    let mut random = Random(config.seed);
    let filler: Vec<String> = (0..1500)
        .map(|_| {
            let syllables = 2 + random.below(2);
            word(&mut random, syllables)
        })
        .collect();
    let events: Vec<SynthEvent> = (0..config.events.max(1))
        .map(|_| SynthEvent {
            actor: (
                capitalised(&word(&mut random, 2)),
                capitalised(&word(&mut random, 3)),
            ),
            place: capitalised(&word(&mut random, 3)),
            day: 1 + random.below(28),
            month: random.below(12),
            count: 10 + random.below(5000) as u64,
            noun: NOUNS[random.below(NOUNS.len())],
            vocabulary: (0..12).map(|_| word(&mut random, 3)).collect(),
        })
        .collect();
    let mut articles = Vec::with_capacity(config.articles);
    for index in 0..config.articles {
        let outlet = capitalised(&word(&mut random, 3));
        let mut text = format!(
            "{} {} 2025 Author: {} {}\n\n{} reports on the {} story\n\n",
            1 + random.below(28),
            MONTHS[random.below(12)],
            capitalised(&word(&mut random, 2)),
            capitalised(&word(&mut random, 3)),
            outlet,
            events[0].place
        );
        let mut order: Vec<usize> = (0..events.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, random.below(i + 1));
        }
        let mut words = 0;
        for &e in order.iter().cycle() {
            if words >= config.words {
                break;
            }
            let event = &events[e];
            let mut paragraph = String::new();
            for sentence in 0..2 + random.below(3) {
                let count = if random.chance(15) {
                    event.count + 1 + random.below(200) as u64
                } else {
                    event.count
                };
                let first = if random.chance(10) {
                    event.actor.0.replacen('a', "e", 1)
                } else {
                    event.actor.0.clone()
                };
                let mut parts: Vec<String> = Vec::new();
                match (sentence + random.below(3)) % 3 {
                    0 => parts.push(format!(
                        "On {} {}, {} {} said that {} {} were {} in {}",
                        event.day,
                        MONTHS[event.month],
                        first,
                        event.actor.1,
                        count,
                        event.noun,
                        event.vocabulary[random.below(12)],
                        event.place
                    )),
                    1 => parts.push(format!(
                        "The {} of {} {} the {}",
                        event.vocabulary[random.below(12)],
                        event.place,
                        event.vocabulary[random.below(12)],
                        event.vocabulary[random.below(12)]
                    )),
                    _ => parts.push(format!(
                        "{} described the {} as {}",
                        event.actor.1,
                        event.vocabulary[random.below(12)],
                        event.vocabulary[random.below(12)]
                    )),
                }
                for _ in 0..6 + random.below(10) {
                    let pool = random.below(3);
                    parts.push(if pool == 0 {
                        event.vocabulary[random.below(12)].clone()
                    } else {
                        filler[random.below(filler.len())].clone()
                    });
                }
                let sentence_text = parts.join(" ") + ". ";
                words += sentence_text.split_whitespace().count();
                paragraph.push_str(&sentence_text);
            }
            text.push_str(paragraph.trim_end());
            text.push_str("\n\n");
        }
        articles.push((format!("article_{index:04}.txt"), text));
    }
    articles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_sized() {
        let config = SynthConfig {
            articles: 3,
            words: 300,
            events: 5,
            seed: 42,
        };
        let first = generate(config);
        assert_eq!(first, generate(config));
        assert_eq!(first.len(), 3);
        for (_, text) in &first {
            let words = text.split_whitespace().count();
            assert!((300..600).contains(&words), "{words} words");
        }
        assert_ne!(first, generate(SynthConfig { seed: 43, ..config }));
    }
}
