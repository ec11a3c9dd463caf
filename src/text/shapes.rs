//! A filter of a word table's key shapes (first byte, last byte, length), checked before hashing:
//! most words of a text have a shape no key of a small compiled-in table has and are let go in
//! a few instructions.

/// The (first byte, last byte, length) of a table's keys. Bytes are taken modulo 32 (the ASCII
/// letters apart) and lengths up to 63, so a shape may match words that are not keys, never
/// the other way round.
#[derive(Clone, Debug)]
pub struct KeyShapes(Vec<u64>);

impl Default for KeyShapes {
    fn default() -> Self {
        KeyShapes(vec![0; 32 * 32])
    }
}

impl KeyShapes {
    fn slot(word: &[u8]) -> (usize, u64) {
        let (first, last) = (word.first().map_or(0, |&x| x & 31), word.last().map_or(0, |&x| x & 31));
        (usize::from(first) << 5 | usize::from(last), 1 << word.len().min(63))
    }

    pub fn insert(&mut self, key: &str) {
        let (slot, bit) = KeyShapes::slot(key.as_bytes());
        self.0[slot] |= bit;
    }

    /// False when no key has the shape of `word`.
    #[inline]
    pub fn may_contain(&self, word: &[u8]) -> bool {
        let (slot, bit) = KeyShapes::slot(word);
        self.0.get(slot).is_some_and(|&bits| bits & bit != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_every_key_and_lets_most_words_go() {
        let keys = ["le", "janvier", "aujourd'hui", "", "a-very-long-key-of-more-than-sixty-three-bytes-for-the-last-bit"];
        let mut shapes = KeyShapes::default();
        keys.iter().for_each(|k| shapes.insert(k));
        for k in keys {
            assert!(shapes.may_contain(k.as_bytes()), "{k}");
        }
        for w in ["la", "lee", "fevrier", "mot", "x"] {
            assert!(!shapes.may_contain(w.as_bytes()), "{w}");
        }
    }
}
