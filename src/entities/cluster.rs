//! Groups the mentions of one article into entities: "Assimi Goïta", "GOITA", "le général
//! Goïta" and "Assimi" are one person; "Africa Corps" and "Africacorps" one organisation; an
//! acronym joins its expansion. Every look-up goes through maps keyed by hashed folded forms
//! ([`NameHasher`]), so the whole pass is linear in the number of mentions and builds no string
//! per mention.

use crate::analysis::EntityType;
use crate::text::fold;
use std::collections::HashMap;

/// One mention to cluster: its text, its type, its number of name words and its [`key`].
pub struct Item<'a> {
    pub text: &'a str,
    pub kind: EntityType,
    pub words: usize,
    pub key: u64,
}

/// FNV-1a over chars: the hash names are keyed by. Mentions, name words and initials hash the
/// same folded letters alike, so comparing hashes compares them, no string built.
pub struct NameHasher(u64);

impl Default for NameHasher {
    fn default() -> NameHasher {
        NameHasher::new()
    }
}

impl NameHasher {
    pub fn new() -> NameHasher {
        NameHasher(0xcbf2_9ce4_8422_2325)
    }

    pub fn push(&mut self, c: char) {
        self.0 ^= c as u64;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    pub fn finish(&self) -> u64 {
        self.0
    }

    /// The hash of `chars`.
    fn of(chars: impl IntoIterator<Item = char>) -> u64 {
        let mut h = NameHasher::new();
        chars.into_iter().for_each(|c| h.push(c));
        h.finish()
    }
}

/// A name's key: its letters and digits, folded, hashed: "Africa Corps" and "l’Africacorps" key
/// alike once the article is off.
#[cfg(test)]
pub fn key(s: &str) -> u64 {
    NameHasher::of(fold(s).chars().filter(|c| c.is_alphanumeric()))
}

/// Keys of the folded name words ("Iounous-Bek Ievkourov" → "iounous", "bek", "ievkourov") of
/// more than one char.
pub fn word_keys(folded: &str) -> impl Iterator<Item = u64> + '_ {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() > 1).map(|w| NameHasher::of(w.chars()))
}

/// Key of the initials of the capitalised words ("Alliance des États du Sahel" → "aes").
fn initials_key(s: &str) -> Option<u64> {
    let mut h = NameHasher::new();
    let mut count = 0;
    for c in s.split(|c: char| c.is_whitespace() || c == '-').filter_map(|w| w.chars().next()) {
        if c.is_uppercase() {
            for f in fold(c.encode_utf8(&mut [0; 4])).chars() {
                h.push(f);
                count += 1;
            }
        }
    }
    (count >= 2).then(|| h.finish())
}

/// The cluster of each item (0-based, numbered in order of first mention).
pub fn cluster(items: &[Item]) -> Vec<usize> {
    let mut by_key: HashMap<u64, usize> = HashMap::new();
    // Name words of people named with two words or more → cluster (None when ambiguous).
    let mut by_person_word: HashMap<u64, Option<usize>> = HashMap::new();
    let mut by_initials: HashMap<u64, usize> = HashMap::new();
    let mut assigned = vec![usize::MAX; items.len()];
    let mut next = 0;
    // Pass 1: multi-word names.
    for (i, it) in items.iter().enumerate() {
        if it.words < 2 {
            continue;
        }
        let id = *by_key.entry(it.key).or_insert_with(|| {
            next += 1;
            next - 1
        });
        assigned[i] = id;
        match it.kind {
            EntityType::PER => {
                for w in word_keys(&fold(it.text)) {
                    by_person_word
                        .entry(w)
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
                if let Some(ini) = initials_key(it.text) {
                    by_initials.entry(ini).or_insert(id);
                }
            }
            EntityType::LOC => {
                let folded = fold(it.text);
                let mut ws = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
                let head = ws.next();
                let last = ws.next_back();
                if let (Some(head), Some(last)) = (head, last) {
                    if crate::words::word_list!(
                        "entities/fr/country_long_form_heads.txt",
                        "entities/en/country_long_form_heads.txt"
                    )
                    .contains(head)
                    {
                        by_key.entry(NameHasher::of(last.chars())).or_insert(id);
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
        let k = it.key;
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
    let mut order = vec![usize::MAX; next];
    let mut count = 0;
    assigned
        .iter()
        .map(|&id| {
            if order[id] == usize::MAX {
                order[id] = count;
                count += 1;
            }
            order[id]
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
        let items: Vec<Item> =
            items.iter().map(|&(text, kind, words)| Item { text, kind, words, key: key(text) }).collect();
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
            .map(|&(text, words)| Item { text, kind: PER, words, key: key(text) })
            .collect();
        assert_eq!(canonical_of(&items, &[0, 1, 2]), Some(1));
    }
}
