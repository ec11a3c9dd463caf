//! A set of token indices at one bit each: per-token flags of a long document (1.75 M tokens for
//! 10 MB of text) in 1/8 of the memory of a `Vec<bool>`.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
    len: usize,
}

impl BitSet {
    /// An empty set of indices below `len`.
    pub fn new(len: usize) -> BitSet {
        BitSet { words: vec![0; len.div_ceil(64)], len }
    }

    /// Adds `i`; indices at or past `len` are ignored.
    pub fn insert(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    /// Whether `i` is in the set (never for `i` at or past `len`).
    pub fn contains(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A set of byte values (256 bits): the bytes some key of a table starts with, so that a word
/// starting with another byte is let go before hashing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ByteSet([u64; 4]);

impl ByteSet {
    pub fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    #[inline(always)]
    pub fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_a_vec_of_bools() {
        let len = 200;
        let mut set = BitSet::new(len);
        let mut bools = vec![false; len];
        for i in (0..len).filter(|i| i % 7 == 0 || i % 64 == 63) {
            set.insert(i);
            bools[i] = true;
        }
        set.insert(len); // ignored
        for (i, &b) in bools.iter().enumerate() {
            assert_eq!(set.contains(i), b, "{i}");
        }
        assert!(!set.contains(len) && !set.contains(usize::MAX));
        assert_eq!(set.len(), len);
        assert!(BitSet::new(0).is_empty() && !BitSet::new(0).contains(0));
    }
}
