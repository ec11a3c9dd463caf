//! Conversion of byte offsets to the units callers index with: Unicode scalar values (the CLI's
//! JSON, Python strings) or UTF-16 code units (JavaScript strings).

/// The unit of offsets handed to a caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    Byte,
    CodePoint,
    Utf16,
}

/// Checkpoints every `STRIDE` bytes make any conversion cost at most `STRIDE` bytes of scanning,
/// with memory proportional to `len / STRIDE`.
const STRIDE: usize = 256;

pub struct OffsetMap<'a> {
    text: &'a str,
    unit: OffsetUnit,
    /// `checkpoints[k]` is the offset, in `unit`, of the first char boundary at or after byte
    /// `k * STRIDE`, paired with that boundary's byte offset.
    checkpoints: Vec<(usize, usize)>,
}

fn units(c: char, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Byte => c.len_utf8(),
        OffsetUnit::CodePoint => 1,
        OffsetUnit::Utf16 => c.len_utf16(),
    }
}

impl<'a> OffsetMap<'a> {
    pub fn new(text: &'a str, unit: OffsetUnit) -> OffsetMap<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 2);
        let mut count = 0;
        let mut next_mark = 0;
        for (i, c) in text.char_indices() {
            while i >= next_mark {
                checkpoints.push((i, count));
                next_mark += STRIDE;
            }
            count += units(c, unit);
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
        let (at, mut count) = self.checkpoints[byte / STRIDE];
        for c in self.text[at..byte].chars() {
            count += units(c, self.unit);
        }
        count
    }
}

/// Converts a code point offset back to a byte offset (for callers that speak code points).
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
