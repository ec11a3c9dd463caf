//! Distributional word classes for the tagger's cluster features: `data/clusters/{fr,en}.txt`
//! (made by `scripts/ner/clusters.py` from wordfreq's frequent words and spaCy's CC0 static
//! vectors; each file says its source and licence), compiled in and indexed on first use.
//!
//! Each language gives a word a fine class (k-means over the vectors) and a coarse group (k-means
//! over the fine centroids), so a name or word never seen in training still shares weights with
//! its neighbours in vector space ("bamako" with "abidjan", "kinshasa").

use crate::text::FastMap;
use std::sync::OnceLock;

/// "No class": the word is not in the list.
pub const NONE: u16 = u16::MAX;

const FR: &str = include_str!("../../../data/clusters/fr.txt");
const EN: &str = include_str!("../../../data/clusters/en.txt");

/// Per word (lowercase, as [`super::features::Word::norm`]): French fine, French coarse, English
/// fine, English coarse class.
pub struct Clusters {
    /// Fx-hashed: built from the compiled-in lists, looked up for every token.
    map: FastMap<&'static str, [u16; 4]>,
}

impl Clusters {
    pub fn get() -> &'static Clusters {
        static C: OnceLock<Clusters> = OnceLock::new();
        C.get_or_init(|| {
            let mut map: FastMap<&'static str, [u16; 4]> = FastMap::default();
            map.reserve(50_000);
            for (slot, data) in [(0, FR), (2, EN)] {
                for line in data.lines().filter(|l| !l.starts_with('#')) {
                    let mut parts = line.splitn(3, ' ');
                    let (Some(fine), Some(coarse)) = (parts.next(), parts.next()) else { continue };
                    let (Ok(fine), Ok(coarse)) = (fine.parse::<u16>(), coarse.parse::<u16>()) else {
                        continue;
                    };
                    let mut add = |w: &'static str| {
                        if !w.is_empty() {
                            let e = map.entry(w).or_insert([NONE; 4]);
                            e[slot] = fine;
                            e[slot + 1] = coarse;
                        }
                    };
                    // The words, split on spaces by hand: `str::split` sets up a search per word.
                    let words = parts.next().unwrap_or("");
                    let mut start = 0;
                    for (at, b) in words.bytes().enumerate() {
                        if b == b' ' {
                            add(&words[start..at]);
                            start = at + 1;
                        }
                    }
                    add(&words[start..]);
                }
            }
            Clusters { map }
        })
    }

    /// The four classes of a lowercase word ([`NONE`] where it has none).
    pub fn of(&self, norm: &str) -> [u16; 4] {
        self.map.get(norm).copied().unwrap_or([NONE; 4])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_share_a_class() {
        let c = Clusters::get();
        let (a, b) = (c.of("abidjan"), c.of("kinshasa"));
        assert_ne!(a[0], NONE);
        assert_eq!(a[1], b[1]);
        assert_eq!(c.of("zzzqqq"), [NONE; 4]);
    }
}
