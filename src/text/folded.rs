//! The folded form ([`fold`](crate::text::fold())) of every token of a document, computed once and shared by the
//! extractors that look words up (dates, entities, the tagger's gazetteer features, quotes).
//!
//! Most tokens fold to themselves (lower-case words, numbers, punctuation), so only the others
//! are stored: a byte per token says whether it changed and, if so, its rank among the changed
//! tokens of its block of 128, and a running count per block finds its folded text. A 10 MB
//! text's 1.75 M tokens take ~6.5 MB instead of ~17 MB, and a look-up is a few loads with no
//! bit counting.

use super::{fold_char_into, Token};

/// Tokens per block of [`FoldTable::changed_before`]: a rank within a block fits in 7 bits.
const BLOCK: usize = 128;
/// The bit of a token's code that says it changed; the low 7 bits are its rank in its block.
const CHANGED: u8 = 0x80;

/// The stored part of the folded tokens, owned by the document; read it through
/// [`FoldedTokens`].
#[derive(Debug, Default)]
pub struct FoldTable {
    /// Per token, 0 when it folds to its own text, else [`CHANGED`] | its rank among the
    /// changed tokens of its block.
    codes: Vec<u8>,
    /// Per block of [`BLOCK`] tokens, how many changed tokens come before it.
    changed_before: Vec<u32>,
    /// The changed tokens' folded texts, back to back.
    buf: String,
    /// Where each changed token's folded text starts in `buf`, and after the last, its end:
    /// changed token `k` is `buf[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
}

/// Whether `s` folds to itself for sure without folding it: ASCII with no upper case.
fn folds_to_itself(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

impl FoldTable {
    pub fn new(text: &str, tokens: &[Token]) -> FoldTable {
        let mut table = FoldTable {
            codes: vec![0; tokens.len()],
            changed_before: Vec::with_capacity(tokens.len().div_ceil(BLOCK)),
            buf: String::new(),
            starts: vec![0],
        };
        // Folding at most triples a char's bytes and the input is far below 1 GB.
        let offset = |buf: &String| u32::try_from(buf.len()).unwrap_or(u32::MAX);
        for (block, chunk) in tokens.chunks(BLOCK).enumerate() {
            let before = table.starts.len() - 1;
            table.changed_before.push(u32::try_from(before).unwrap_or(u32::MAX));
            for (k, t) in chunk.iter().enumerate() {
                let original = t.text(text);
                if folds_to_itself(original) {
                    continue;
                }
                let start = table.buf.len();
                for c in original.chars() {
                    fold_char_into(c, &mut table.buf);
                }
                if table.buf[start..] == *original {
                    table.buf.truncate(start);
                } else {
                    let rank = table.starts.len() - 1 - before;
                    // A rank within a block is below 128.
                    table.codes[block * BLOCK + k] = CHANGED | u8::try_from(rank).unwrap_or(0x7F);
                    table.starts.push(offset(&table.buf));
                }
            }
        }
        table.buf.shrink_to_fit();
        table.starts.shrink_to_fit();
        table
    }
}

/// Every token's folded text: a view of a document's text, tokens and [`FoldTable`].
#[derive(Clone, Copy, Debug)]
pub struct FoldedTokens<'a> {
    text: &'a str,
    tokens: &'a [Token],
    table: &'a FoldTable,
}

impl<'a> FoldedTokens<'a> {
    /// `table` must have been made from `text` and `tokens`.
    pub fn new(text: &'a str, tokens: &'a [Token], table: &'a FoldTable) -> FoldedTokens<'a> {
        FoldedTokens { text, tokens, table }
    }

    /// The folded text of token `i` (empty past the last token). Always inlined, the changed
    /// tokens' path aside: every extractor asks it several times per token.
    #[inline(always)]
    pub fn get(&self, i: usize) -> &'a str {
        let (Some(t), Some(&code)) = (self.tokens.get(i), self.table.codes.get(i)) else { return "" };
        if code == 0 {
            return self.text.get(t.start..t.end).unwrap_or("");
        }
        self.changed(i, code)
    }

    /// The folded text of token `i`, which changed and has `code`.
    #[inline(never)]
    fn changed(&self, i: usize, code: u8) -> &'a str {
        let table = self.table;
        let before = table.changed_before.get(i / BLOCK).copied().unwrap_or(0) as usize;
        let k = before + usize::from(code & !CHANGED);
        match table.starts.get(k..k + 2) {
            Some(&[start, end]) => table.buf.get(start as usize..end as usize).unwrap_or(""),
            _ => "",
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{fold, tokenize};

    fn check(text: &str) {
        let tokens = tokenize(text);
        let table = FoldTable::new(text, &tokens);
        let f = FoldedTokens::new(text, &tokens, &table);
        assert_eq!(f.len(), tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            assert_eq!(f.get(i), fold(t.text(text)), "token {i}");
        }
        assert_eq!(f.get(tokens.len()), "");
    }

    #[test]
    fn agrees_with_fold() {
        check("Le GÉNÉRAL Goïta, l’Œuvre « 1ᵉʳ » Москва");
        check("");
    }

    #[test]
    fn agrees_with_fold_across_blocks() {
        // Changed and unchanged tokens on both sides of block boundaries, a changed token last
        // in a block and first in the next, and whole blocks of either kind (one with all 128
        // ranks used).
        let mut text = String::new();
        for i in 0..600 {
            let word = match i % 7 {
                0 | 3 => "Été",
                5 => "œuvre",
                _ => "mot",
            };
            text.push_str(if (60..300).contains(&i) && !(126..130).contains(&i) {
                "x"
            } else if (384..512).contains(&i) {
                "É"
            } else {
                word
            });
            text.push(' ');
        }
        check(&text);
    }

    #[test]
    fn stores_only_changed_tokens() {
        let text = "le mot de la fin, 2025 ; Été";
        let tokens = tokenize(text);
        let table = FoldTable::new(text, &tokens);
        assert_eq!((table.starts.len(), table.buf.as_str()), (2, "ete"));
    }
}
