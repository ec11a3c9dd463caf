//! The folded form ([`fold`]) of every token of a document, computed once and shared by the
//! extractors that look words up (entities, the tagger's gazetteer features, quotes).

use super::{fold_char_into, Token};

/// Every token's folded text, back to back in one buffer (a few bytes per token, not a
/// `String` each).
#[derive(Debug, Default)]
pub struct FoldedTokens {
    buf: String,
    /// End of each token's folded text in `buf`.
    ends: Vec<u32>,
}

impl FoldedTokens {
    pub fn new(text: &str, tokens: &[Token]) -> FoldedTokens {
        let mut buf = String::with_capacity(text.len());
        let mut ends = Vec::with_capacity(tokens.len());
        for t in tokens {
            for c in t.text(text).chars() {
                fold_char_into(c, &mut buf);
            }
            // Folding at most triples a char's bytes and the input is far below 1 GB.
            ends.push(u32::try_from(buf.len()).unwrap_or(u32::MAX));
        }
        FoldedTokens { buf, ends }
    }

    /// The folded text of token `i` (empty past the last token).
    pub fn get(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else { return "" };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.buf.get(start as usize..end as usize).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{fold, tokenize};

    #[test]
    fn agrees_with_fold() {
        let text = "Le GÉNÉRAL Goïta, l’Œuvre « 1ᵉʳ » Москва";
        let tokens = tokenize(text);
        let f = FoldedTokens::new(text, &tokens);
        assert_eq!(f.len(), tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            assert_eq!(f.get(i), fold(t.text(text)));
        }
        assert_eq!(f.get(tokens.len()), "");
    }
}
