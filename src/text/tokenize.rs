//! Word tokenizer for French and English news.
//!
//! Words are runs of letters, digits and marks; every other visible char is its own punctuation
//! token, so "Mali-Russie" gives `Mali` `-` `Russie` and the tagger decides whether the hyphen
//! joins a name ("Iounous-Bek"). Elided French articles keep their apostrophe ("l’" + "Africacorps")
//! and English clitics start a token ("Putin" + "’s"); other apostrophes stay inside the word
//! ("aujourd’hui", "O’Brien").

use crate::words::{word_list, WordList};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains at least one letter.
    Word,
    /// Digits only.
    Number,
    /// One visible char that is neither a letter nor a digit.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Line breaks in the whitespace before this token (saturating at 255).
    pub newlines_before: u8,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Invisible chars that separate like a space.
fn is_invisible_separator(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        super::chars::is_alphanumeric(c) || c == '\u{00AD}' || is_mark(c)
    }
}

/// Combining marks (decomposed accents) stay inside words.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
        || matches!(c, 'ᵉ' | 'ʳ' | 'ᵈ' | 'ˢ' | 'ᵗ')
}

/// French elided words that end in an apostrophe ("l’", "qu’", "jusqu’").
fn elisions() -> &'static WordList {
    word_list!("lang/fr/elisions.txt")
}

/// English clitics that start after an apostrophe ("’s"; "n’t" is kept whole).
pub fn clitics() -> &'static WordList {
    word_list!("lang/en/clitics.txt")
}

/// The char at byte `i` of `text` (on a char boundary) and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Where the run of word chars starting at byte `from` ends.
fn word_end(text: &str, from: usize) -> usize {
    let mut end = from;
    while let Some((c, len)) = char_at(text, end) {
        if !is_word_char(c) {
            break;
        }
        end += len;
    }
    end
}

// What [`tokenize`] reads of an ASCII byte, as bits.
/// Whitespace or a control char: separates tokens.
const SEPARATOR: u8 = 1;
/// A letter or a digit: a word char.
const ALNUM: u8 = 2;
/// A letter.
const LETTER: u8 = 4;

/// The classes of the ASCII bytes (0 for the others), looked up instead of tested one by one.
const ASCII_CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() || c == 0x0B || c.is_ascii_control() {
            SEPARATOR
        } else if c.is_ascii_alphabetic() {
            ALNUM | LETTER
        } else if c.is_ascii_digit() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Splits `text` into tokens with byte spans. Never panics; linear in the input. Walks bytes,
/// decoding only the chars outside ASCII.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut space_before = false;
    let mut newlines: u8 = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let ascii_class = ASCII_CLASSES[usize::from(b)];
        let (c, len, word) = if b.is_ascii() {
            if ascii_class & SEPARATOR != 0 {
                space_before = true;
                if b == b'\n' {
                    newlines = newlines.saturating_add(1);
                }
                i += 1;
                continue;
            }
            (char::from(b), 1, ascii_class & ALNUM != 0)
        } else {
            let Some((c, len)) = char_at(text, i) else { break };
            if c.is_whitespace() || is_invisible_separator(c) || c.is_control() {
                space_before = true;
                if c == '\u{2028}' || c == '\u{2029}' {
                    newlines = newlines.saturating_add(1);
                }
                i += len;
                continue;
            }
            (c, len, is_word_char(c))
        };
        let start = i;
        let mut end = i + len;
        let kind;
        if word {
            let mut has_letter = if b.is_ascii() { ascii_class & LETTER != 0 } else { super::chars::is_alphabetic(c) };
            loop {
                // ASCII letters and digits, the bulk of a word, without decoding.
                let mut classes = 0;
                while let Some(&class) = bytes.get(end).map(|&b| &ASCII_CLASSES[usize::from(b)]) {
                    if class & ALNUM == 0 {
                        break;
                    }
                    classes |= class;
                    end += 1;
                }
                has_letter |= classes & LETTER != 0;
                // Past the run, an ASCII byte other than an apostrophe ends the word.
                if !bytes.get(end).is_some_and(|&b| !b.is_ascii() || b == b'\'') {
                    break;
                }
                let Some((d, d_len)) = char_at(text, end) else { break };
                if is_word_char(d) {
                    has_letter |= super::chars::is_alphabetic(d);
                    end += d_len;
                } else if is_apostrophe(d) {
                    // An apostrophe between two word chars: split or keep, see module docs.
                    let after = end + d_len;
                    let next_is_word = char_at(text, after).is_some_and(|(ch, _)| is_word_char(ch));
                    if !next_is_word {
                        break;
                    }
                    let left = &text[start..end];
                    if elisions().iter().any(|e| left.eq_ignore_ascii_case(e)) {
                        end = after; // "l’" is a token of its own
                        break;
                    }
                    let right = &text[after..word_end(text, after)];
                    if clitics().iter().any(|e| right.eq_ignore_ascii_case(e)) {
                        break; // "’s" starts the next token
                    }
                    end = after;
                } else {
                    break;
                }
            }
            kind = if has_letter { TokenKind::Word } else { TokenKind::Number };
        } else if is_apostrophe(c) {
            // A clitic like "’s" right after a word.
            let rest_end = word_end(text, end);
            let rest = &text[end..rest_end];
            let glued = tokens.last().is_some_and(|t: &Token| t.end == start);
            if glued && clitics().iter().any(|e| rest.eq_ignore_ascii_case(e)) {
                end = rest_end;
                kind = TokenKind::Word;
            } else {
                kind = TokenKind::Punct;
            }
        } else {
            kind = TokenKind::Punct;
        }
        tokens.push(Token { start, end, kind, space_before, newlines_before: newlines });
        space_before = false;
        newlines = 0;
        i = end;
    }
    // The reservation above is a guess (a token per 5 bytes); the table lives as long as the
    // document, so give back what it did not use.
    tokens.shrink_to_fit();
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_french_elisions_and_hyphens() {
        assert_eq!(words("l’Africacorps"), ["l’", "Africacorps"]);
        assert_eq!(words("d'obtenir aujourd’hui"), ["d'", "obtenir", "aujourd’hui"]);
        assert_eq!(words("Mali-Russie:"), ["Mali", "-", "Russie", ":"]);
        assert_eq!(words("a-t-il"), ["a", "-", "t", "-", "il"]);
        assert_eq!(words("jusqu’au jeudi"), ["jusqu’", "au", "jeudi"]);
    }

    #[test]
    fn english_clitics() {
        assert_eq!(words("Putin's war"), ["Putin", "'s", "war"]);
        assert_eq!(words("O’Brien don't"), ["O’Brien", "don't"]);
    }

    #[test]
    fn kinds_spaces_and_newlines() {
        let text = "«\u{202F}Je suis 1er\u{00A0}»\n\nEn 2016 🎉";
        let toks = tokenize(text);
        let got: Vec<_> =
            toks.iter().map(|t| (t.text(text), t.kind, t.space_before, t.newlines_before)).collect();
        assert_eq!(
            got,
            [
                ("«", TokenKind::Punct, false, 0),
                ("Je", TokenKind::Word, true, 0),
                ("suis", TokenKind::Word, true, 0),
                ("1er", TokenKind::Word, true, 0),
                ("»", TokenKind::Punct, true, 0),
                ("En", TokenKind::Word, true, 2),
                ("2016", TokenKind::Number, true, 0),
                ("🎉", TokenKind::Punct, true, 0),
            ]
        );
    }

    #[test]
    fn ordinal_superscripts_stay_in_word() {
        assert_eq!(words("le 1ᵉʳ mars"), ["le", "1ᵉʳ", "mars"]);
    }

    #[test]
    fn odd_input() {
        assert!(tokenize("").is_empty());
        assert_eq!(words("'''"), ["'", "'", "'"]);
        assert_eq!(words("x'"), ["x", "'"]);
        assert_eq!(words("\u{0}\u{1}a"), ["a"]);
    }
}
