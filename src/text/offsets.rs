//! Conversion of byte offsets to the units callers index with: Unicode scalar values (the CLI's
//! JSON, Python strings) or UTF-16 code units (JavaScript strings).

/// The unit of offsets handed to a caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Bytes of UTF-8, as Rust indexes a `&str`.
    Byte,
    /// Unicode scalar values, as Python indexes a `str` (the CLI's JSON, the gold files).
    CodePoint,
    /// UTF-16 code units, as JavaScript indexes a string.
    Utf16,
}

/// Checkpoints every `STRIDE` bytes make any conversion cost at most `STRIDE` bytes of counting,
/// with memory proportional to `len / STRIDE` (an eighth of the text on wasm32, made when the
/// analysis is done and its tables freed).
const STRIDE: usize = 32;

pub struct OffsetMap<'a> {
    text: &'a str,
    unit: OffsetUnit,
    /// `checkpoints[k]` is the offset, in `unit`, of byte `k * STRIDE`: the length of the chars
    /// that start before it (a char cut by the checkpoint counts in full before it).
    checkpoints: Vec<usize>,
}

/// The length in `unit` of the chars that start in `bytes`, at most [`STRIDE`] of them: bytes
/// are counted rather than chars decoded, in byte-wide sums the compiler vectorises (a report
/// converts two offsets per mention).
fn count(bytes: &[u8], unit: OffsetUnit) -> usize {
    debug_assert!(bytes.len() <= STRIDE);
    // At most 32 of each, so the sums fit in a byte.
    let starts: u8 = bytes.iter().map(|&b| u8::from(b & 0xC0 != 0x80)).sum();
    match unit {
        OffsetUnit::Byte => bytes.len(),
        OffsetUnit::CodePoint => usize::from(starts),
        // A char of four bytes is two UTF-16 units, a surrogate pair.
        OffsetUnit::Utf16 => {
            let fours: u8 = bytes.iter().map(|&b| u8::from(b >= 0xF0)).sum();
            usize::from(starts) + usize::from(fours)
        }
    }
}

impl<'a> OffsetMap<'a> {
    pub fn new(text: &'a str, unit: OffsetUnit) -> OffsetMap<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 2);
        let mut total = 0;
        for chunk in text.as_bytes().chunks(STRIDE) {
            checkpoints.push(total);
            total += count(chunk, unit);
        }
        checkpoints.push(total);
        OffsetMap { text, unit, checkpoints }
    }

    /// Converts a byte offset (clamped to the text, rounded down to a char boundary).
    pub fn convert(&self, byte: usize) -> usize {
        if self.unit == OffsetUnit::Byte {
            return byte.min(self.text.len());
        }
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let k = byte / STRIDE;
        let base = self.checkpoints.get(k).copied().unwrap_or(0);
        let counted = self.text.as_bytes().get(k * STRIDE..byte).map_or(0, |b| count(b, self.unit));
        base + counted
    }
}

/// Converts a code point offset back to a byte offset (for callers that speak code points).
#[cfg(any(test, feature = "internals"))]
pub fn byte_of_code_point(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_naive_counts() {
        let text = "Goïta a dit\u{202F}: «\u{00A0}😀 ok\u{00A0}» — 日本".repeat(40);
        let cp = OffsetMap::new(&text, OffsetUnit::CodePoint);
        let u16m = OffsetMap::new(&text, OffsetUnit::Utf16);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(cp.convert(i), text[..i].chars().count(), "cp at {i}");
            assert_eq!(u16m.convert(i), text[..i].encode_utf16().count(), "utf16 at {i}");
        }
        assert_eq!(byte_of_code_point(&text, 2), 2);
        assert_eq!(byte_of_code_point(&text, 3), 4);
    }

    #[test]
    fn empty_and_out_of_range() {
        let m = OffsetMap::new("", OffsetUnit::Utf16);
        assert_eq!(m.convert(0), 0);
        assert_eq!(m.convert(10), 0);
        let m = OffsetMap::new("é", OffsetUnit::CodePoint);
        assert_eq!(m.convert(1), 0);
        assert_eq!(m.convert(2), 1);
    }
}
