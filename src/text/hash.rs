//! A fast non-cryptographic hasher (rustc-hash's Fx hash, the Rust compiler's) for tables built from the
//! compiled-in word lists, which are looked up once or more per token. Not for tables whose keys
//! come from the input (an adversarial text could make them collide): those keep `RandomState`,
//! or [`SeededFx`] when they are bounded.

use std::hash::BuildHasher;

/// A `HashMap` with rustc-hash's `FxHasher`.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// `FxHasher` started from a random seed per table: for bounded caches keyed by the input
/// (the tagger's word cache), where colliding words cost at most a bounded number of
/// comparisons and the seed keeps them from being chosen in advance.
#[derive(Clone, Copy)]
pub struct SeededFx(usize);

impl Default for SeededFx {
    fn default() -> Self {
        SeededFx(std::collections::hash_map::RandomState::new().hash_one(0u8) as usize | 1)
    }
}

impl BuildHasher for SeededFx {
    type Hasher = rustc_hash::FxHasher;
    fn build_hasher(&self) -> rustc_hash::FxHasher {
        rustc_hash::FxHasher::with_seed(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn equal_keys_equal_hashes_and_lookups_work() {
        let mut m: FastMap<String, u32> = FastMap::default();
        for (i, w) in ["a", "ab", "abcdefgh", "abcdefghi", "côte d' ivoire", ""].iter().enumerate() {
            m.insert(w.to_string(), i as u32);
        }
        assert_eq!(m.get("abcdefgh"), Some(&2));
        assert_eq!(m.get("abcdefghi"), Some(&3));
        assert_eq!(m.get("côte d' ivoire"), Some(&4));
        assert_eq!(m.get(""), Some(&5));
        assert_eq!(m.get("abcdefg"), None);
    }

    #[test]
    fn a_seeded_table_finds_its_keys() {
        let mut m: HashMap<Box<str>, u32, SeededFx> = HashMap::default();
        for (i, w) in ["a", "ab", "abcdefgh", "abcdefghi", ""].iter().enumerate() {
            m.insert((*w).into(), i as u32);
        }
        assert_eq!(m.get("abcdefghi"), Some(&3));
        assert_eq!(m.get(""), Some(&4));
        assert_eq!(m.get("abcdefg"), None);
        let seed = SeededFx::default();
        assert_eq!(seed.hash_one("mot"), seed.hash_one("mot"));
    }
}
