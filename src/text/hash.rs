//! A fast non-cryptographic hasher (the Fx hash of the Rust compiler) for tables built from the
//! compiled-in word lists, which are looked up once or more per token. Not for tables whose keys
//! come from the input (an adversarial text could make them collide): those keep `RandomState`,
//! or [`SeededFx`] when they are bounded.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// [`FxHasher`] started from a random seed per table: for bounded caches keyed by the input
/// (the tagger's word cache), where colliding words cost at most a bounded number of
/// comparisons and the seed keeps them from being chosen in advance.
#[derive(Clone, Copy)]
pub struct SeededFx(u64);

impl Default for SeededFx {
    fn default() -> Self {
        SeededFx(std::collections::hash_map::RandomState::new().hash_one(0u8) | 1)
    }
}

impl BuildHasher for SeededFx {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher { hash: self.0 }
    }
}

#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last) ^ (rest.len() as u64) << 59);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
