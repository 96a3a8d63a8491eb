//! The named places a person can be placed in, and the nouns for people, from
//! `assets/lexicon/places_en.tsv` (built from WordNet by `build_places.py`): each place name
//! with its level (a city or town, a state or province, a country) and the places it is part
//! of ("Bellingham" is part of "Washington", part of the United States).
//!
//! Two written places are two places that cannot both hold only when both are cities or
//! towns, neither is the other, and neither is part of the other: never a city against the
//! state or country containing it, never a name that may also be a state or a country
//! ("Washington"). A town the table does not know counts when it is written with its state
//! or country ("Varnholm, Ore."): it is then a town of that state.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const PLACES: &str = include_str!("../../../assets/lexicon/places_en.tsv");

/// How large a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    City,
    Division,
    Country,
}

/// One reading of a place name: which place it may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub id: u64,
    pub level: Level,
    /// The places this one is part of.
    pub within: Vec<u64>,
}

struct Table {
    places: HashMap<String, Vec<Reading>>,
    people: HashSet<String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut places: HashMap<String, Vec<Reading>> = HashMap::new();
        let mut people = HashSet::new();
        for line in PLACES.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                ["person", noun] => {
                    people.insert((*noun).to_string());
                }
                ["place", name, level, id, within] => {
                    let level = match *level {
                        "city" => Level::City,
                        "division" => Level::Division,
                        _ => Level::Country,
                    };
                    let Ok(id) = id.parse() else { continue };
                    let within = within.split(',').filter_map(|w| w.parse().ok()).collect();
                    places
                        .entry((*name).to_string())
                        .or_default()
                        .push(Reading { id, level, within });
                }
                _ => {}
            }
        }
        Table { places, people }
    })
}

/// Whether a lower-case word is a noun for a person ("student", "woman", "resident").
pub fn person_noun(folded: &str) -> bool {
    table().people.contains(folded)
}

/// Whether a name, as written, is a place of the table.
pub fn known(name: &str) -> bool {
    table().places.contains_key(name)
}

/// The city readings of a place written `name`, or `name, qualifier` ("Bellingham, Wash.",
/// "Varnholm, Oregon"). `None` when the place may be something other than a city or town
/// (a state, a country, a region), or is not known and has no qualifier to vouch for it.
pub fn city(name: &str, qualifier: Option<&str>) -> Option<Vec<Reading>> {
    let table = table();
    let readings = table.places.get(name);
    let Some(qualifier) = qualifier else {
        let readings = readings?;
        return readings
            .iter()
            .all(|r| r.level == Level::City)
            .then(|| readings.clone());
    };
    let containers: Vec<&Reading> = table
        .places
        .get(qualifier)?
        .iter()
        .filter(|r| r.level != Level::City)
        .collect();
    if containers.is_empty() {
        return None;
    }
    let inside: Vec<Reading> = readings
        .into_iter()
        .flatten()
        .filter(|r| r.level == Level::City && containers.iter().any(|c| r.within.contains(&c.id)))
        .cloned()
        .collect();
    if !inside.is_empty() {
        return Some(inside);
    }
    // A name the table does not know (or knows elsewhere), written as a town of a state.
    if readings.is_some_and(|r| r.iter().any(|r| r.level != Level::City)) {
        return None;
    }
    Some(
        containers
            .iter()
            .map(|c| Reading {
                id: synthetic_id(name, c.id),
                level: Level::City,
                within: std::iter::once(c.id).chain(c.within.clone()).collect(),
            })
            .collect(),
    )
}

/// A stable id for a town the table does not know, of one state or country.
fn synthetic_id(name: &str, container: u64) -> u64 {
    // FNV-1a, with the high bit set so that it never meets a WordNet offset.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in crate::text::fold(name)
        .bytes()
        .chain(container.to_le_bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash | (1 << 63)
}

/// Whether two places may be one: the same place, or one part of the other, in some reading.
pub fn compatible(a: &[Reading], b: &[Reading]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| x.id == y.id || x.within.contains(&y.id) || y.within.contains(&x.id))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_of_one_state_differ_and_a_city_is_not_its_state() {
        let seattle = city("Seattle", None).unwrap();
        let bellingham = city("Bellingham", Some("Wash.")).unwrap();
        assert!(!compatible(&seattle, &bellingham));
        assert!(compatible(
            &seattle,
            &city("Seattle", Some("Washington")).unwrap()
        ));
        // "Washington" may be a state: never a city to compare.
        assert!(city("Washington", None).is_none());
        assert!(city("Oregon", None).is_none());
    }

    #[test]
    fn an_unknown_town_counts_only_with_its_state() {
        assert!(city("Varnholm", None).is_none());
        let varnholm = city("Varnholm", Some("Ore.")).unwrap();
        assert!(!compatible(&varnholm, &city("Seattle", None).unwrap()));
        assert!(compatible(
            &varnholm,
            &city("Varnholm", Some("Oregon")).unwrap()
        ));
        // A qualifier that is no state or country vouches for nothing.
        assert!(city("Varnholm", Some("Kestrel")).is_none());
        assert!(person_noun("student") && !person_noun("photo"));
    }
}
