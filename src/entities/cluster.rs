//! Groups the mentions of one article into entities: "Assimi Goïta", "GOITA", "le général
//! Goïta" and "Assimi" are one person; "Africa Corps" and "Africacorps" one organisation; an
//! acronym joins its expansion. Every look-up goes through maps keyed by folded forms, so the
//! whole pass is linear in the number of mentions.

use crate::analysis::EntityType;
use crate::text::fold;
use std::collections::HashMap;

/// One mention to cluster: its text, its type and its number of name words.
pub struct Item<'a> {
    pub text: &'a str,
    pub kind: EntityType,
    pub words: usize,
}

/// Folded, with everything but letters and digits removed: "Africa Corps" and "l’Africacorps"
/// name alike once the article is off.
pub fn compact(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Folded name words ("Iounous-Bek Ievkourov" → ["iounous", "bek", "ievkourov"]).
fn parts(s: &str) -> Vec<String> {
    fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

fn initials(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(|c| fold(&c.to_string()).chars().collect::<Vec<_>>())
        .collect()
}

/// The cluster of each item (0-based, numbered in order of first mention).
pub fn cluster(items: &[Item]) -> Vec<usize> {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Name words of people named with two words or more → cluster (None when ambiguous).
    let mut by_person_word: HashMap<String, Option<usize>> = HashMap::new();
    let mut by_initials: HashMap<String, usize> = HashMap::new();
    let mut assigned = vec![usize::MAX; items.len()];
    let mut next = 0;
    // Pass 1: multi-word names.
    for (i, it) in items.iter().enumerate() {
        if it.words < 2 {
            continue;
        }
        let k = compact(it.text);
        let id = *by_key.entry(k).or_insert_with(|| {
            next += 1;
            next - 1
        });
        assigned[i] = id;
        let ws = parts(it.text);
        match it.kind {
            EntityType::PER => {
                for w in ws.iter().filter(|w| w.chars().count() > 1) {
                    by_person_word
                        .entry(w.clone())
                        .and_modify(|e| {
                            if *e != Some(id) {
                                *e = None;
                            }
                        })
                        .or_insert(Some(id));
                }
                // "Assimi GOÏTA" and "Assimi Goïta" are the same key already; "Iounous-Bek
                // Ievkourov" also answers to "Ievkourov".
            }
            EntityType::ORG => {
                let ini = initials(it.text);
                if ini.chars().count() >= 2 {
                    by_initials.entry(ini).or_insert(id);
                }
            }
            EntityType::LOC => {
                if ws.len() >= 2
                    && crate::words::word_list!(
                        "entities/fr/country_long_form_heads.txt",
                        "entities/en/country_long_form_heads.txt"
                    )
                    .contains(&ws[0])
                {
                    if let Some(last) = ws.last() {
                        by_key.entry(last.clone()).or_insert(id);
                    }
                }
            }
            EntityType::MISC => {}
        }
    }
    // Pass 2: one-word names.
    for (i, it) in items.iter().enumerate() {
        if assigned[i] != usize::MAX {
            continue;
        }
        let k = compact(it.text);
        let person =
            (it.kind == EntityType::PER).then(|| by_person_word.get(&k).copied().flatten()).flatten();
        let acronym = (it.kind == EntityType::ORG
            && it.text.chars().filter(|c| c.is_uppercase()).count() >= 2)
            .then(|| by_initials.get(&k).copied())
            .flatten();
        let id = match person.or(acronym) {
            Some(id) => id,
            None => *by_key.entry(k).or_insert_with(|| {
                next += 1;
                next - 1
            }),
        };
        assigned[i] = id;
    }
    // Renumber by first mention.
    let mut order: HashMap<usize, usize> = HashMap::new();
    assigned
        .iter()
        .map(|&id| {
            let n = order.len();
            *order.entry(id).or_insert(n)
        })
        .collect()
}

/// Index of the item whose text names its cluster best: the most words, then the first.
pub fn canonical_of(items: &[Item], members: &[usize]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for &m in members {
        if best.map_or(true, |b| items[m].words > items[b].words) {
            best = Some(m);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    fn run(items: &[(&str, EntityType, usize)]) -> Vec<usize> {
        let items: Vec<Item> = items.iter().map(|&(text, kind, words)| Item { text, kind, words }).collect();
        cluster(&items)
    }

    #[test]
    fn people_by_surname_first_name_case_and_accents() {
        let got = run(&[
            ("Assimi GOÏTA", PER, 2),
            ("Vladimir Poutine", PER, 2),
            ("Assimi", PER, 1),
            ("Poutine", PER, 1),
            ("Assimi GOITA", PER, 2),
            ("Goïta", PER, 1),
            ("Assimi Goïta", PER, 2),
        ]);
        assert_eq!(got, [0, 1, 0, 1, 0, 0, 0]);
    }

    #[test]
    fn organisations_by_spacing_and_acronym() {
        let got = run(&[
            ("Africa Corps", ORG, 2),
            ("Africacorps", ORG, 1),
            ("Alliance des États du Sahel", ORG, 4),
            ("AES", ORG, 1),
            ("Wagner", ORG, 1),
            ("Wagner", ORG, 1),
        ]);
        assert_eq!(got, [0, 0, 1, 1, 2, 2]);
    }

    #[test]
    fn long_form_of_a_country() {
        let got = run(&[
            ("Russie", LOC, 1),
            ("Fédération de Russie", LOC, 2),
            ("Russie", LOC, 1),
            ("Afrique du Sud", LOC, 2),
            ("Afrique", LOC, 1),
        ]);
        assert_eq!(got, [0, 0, 0, 1, 2]);
    }

    #[test]
    fn canonical_is_the_first_fullest_form() {
        let items: Vec<Item> = [("Goïta", 1), ("Assimi GOÏTA", 2), ("Assimi GOITA", 2)]
            .iter()
            .map(|&(text, words)| Item { text, kind: PER, words })
            .collect();
        assert_eq!(canonical_of(&items, &[0, 1, 2]), Some(1));
    }
}
