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

/// Checkpoints every `STRIDE` bytes make any conversion cost at most `STRIDE` bytes of scanning,
/// with memory proportional to `len / STRIDE` (an eighth of the text on wasm32, made when the
/// analysis is done and its tables freed).
const STRIDE: usize = 64;

pub struct OffsetMap<'a> {
    text: &'a str,
    unit: OffsetUnit,
    /// `checkpoints[k]` is the offset, in `unit`, of the first char boundary at or after byte
    /// `k * STRIDE`, paired with that boundary's byte offset.
    checkpoints: Vec<(usize, usize)>,
}

/// What one byte of UTF-8 adds to an offset in `unit`: summed over the bytes of whole chars,
/// the chars' length in `unit`. Counting bytes rather than decoding chars keeps conversions cheap
/// (a report converts two offsets per mention).
fn units(byte: u8, unit: OffsetUnit) -> usize {
    let starts_char = (byte & 0xC0 != 0x80) as usize;
    match unit {
        OffsetUnit::Byte => 1,
        OffsetUnit::CodePoint => starts_char,
        // A char of four bytes is two UTF-16 units, a surrogate pair.
        OffsetUnit::Utf16 => starts_char + (byte >= 0xF0) as usize,
    }
}

impl<'a> OffsetMap<'a> {
    pub fn new(text: &'a str, unit: OffsetUnit) -> OffsetMap<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 2);
        let mut count = 0;
        let mut next_mark = 0;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if b & 0xC0 != 0x80 {
                while i >= next_mark {
                    checkpoints.push((i, count));
                    next_mark += STRIDE;
                }
            }
            count += units(b, unit);
        }
        while text.len() >= next_mark {
            checkpoints.push((text.len(), count));
            next_mark += STRIDE;
        }
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
        // `byte` is a boundary at or after `k * STRIDE`, so the checkpoint's boundary is not past it.
        let (at, count) = self.checkpoints[byte / STRIDE];
        count + self.text.as_bytes()[at..byte].iter().map(|&b| units(b, self.unit)).sum::<usize>()
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
