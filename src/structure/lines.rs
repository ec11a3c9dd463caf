//! The page cut into non-blank lines, each with the shape features the classifier reads:
//! length, capitalisation, sentence punctuation. One linear pass over the text.

use crate::text::{chars, Span};

/// A non-blank line (or a piece of one) with its shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line without its surrounding whitespace.
    pub span: Span,
    pub chars: u32,
    pub words: u32,
    /// Words that contain a letter.
    pub letter_words: u32,
    /// Letter words whose first letter is upper case.
    pub capitalized: u32,
    /// Sentence punctuation (. ! ? … ;) anywhere in the line.
    pub stops: u32,
    /// Ends with . ! ? or …, possibly followed by closing quotes or brackets.
    pub terminal: bool,
    /// Ends with a period (not ! or ?), as headlines rarely do.
    pub ends_with_period: bool,
    /// Has at least one letter or digit.
    pub has_alnum: bool,
    /// Looks like stray markup: starts with `<` and ends with `>`, or `{`…`}`.
    pub markup: bool,
}

// What [`Line::measure`] reads of a char, as bits.
const SPACE: u8 = 1;
const LETTER: u8 = 2;
const UPPER: u8 = 4;
const DIGIT: u8 = 8;
/// Sentence punctuation: . ! ? … ;
const STOP: u8 = 16;

/// The classes of the ASCII chars, looked up instead of tested one by one.
const ASCII_CLASSES: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() || c == 0x0B {
            SPACE
        } else if c.is_ascii_uppercase() {
            LETTER | UPPER
        } else if c.is_ascii_lowercase() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'.' | b'!' | b'?' | b';') {
            STOP
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The class of a char outside ASCII.
fn non_ascii_class(c: char) -> u8 {
    if c.is_whitespace() {
        SPACE
    } else if chars::is_alphabetic(c) {
        if chars::is_uppercase(c) {
            LETTER | UPPER
        } else {
            LETTER
        }
    } else if chars::is_numeric(c) {
        DIGIT
    } else if c == '…' {
        STOP
    } else {
        0
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | '’' | '\'' | ')' | ']' | '›' | '‘')
}

impl Line {
    /// Measures the text under `span` (which must be trimmed and on char boundaries).
    pub fn measure(text: &str, span: Span) -> Line {
        let s = span.slice(text);
        let (mut words, mut letter_words, mut capitalized, mut stops) = (0u32, 0u32, 0u32, 0u32);
        let mut has_alnum = false;
        let mut in_word = false;
        let mut seen_letter = false;
        let mut char_count = 0usize;
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            char_count += 1;
            let b = bytes[i];
            let class = if b.is_ascii() {
                i += 1;
                ASCII_CLASSES[usize::from(b)]
            } else {
                let Some(c) = s[i..].chars().next() else { break };
                i += c.len_utf8();
                non_ascii_class(c)
            };
            if class & SPACE != 0 {
                in_word = false;
                continue;
            }
            if !in_word {
                in_word = true;
                seen_letter = false;
                words = words.saturating_add(1);
            }
            if class & LETTER != 0 {
                has_alnum = true;
                if !seen_letter {
                    seen_letter = true;
                    letter_words = letter_words.saturating_add(1);
                    if class & UPPER != 0 {
                        capitalized = capitalized.saturating_add(1);
                    }
                }
                // The ASCII letters that follow in the word add nothing but their count.
                let run = bytes[i..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
                i += run;
                char_count += run;
            } else if class & DIGIT != 0 {
                has_alnum = true;
            } else if class & STOP != 0 {
                stops = stops.saturating_add(1);
            }
        }
        let chars = u32::try_from(char_count).unwrap_or(u32::MAX);
        let last = s.chars().rev().find(|&c| !is_closing(c) && !c.is_whitespace());
        let terminal = matches!(last, Some('.' | '!' | '?' | '…'));
        let ends_with_period = matches!(last, Some('.' | '…'));
        let markup = (s.starts_with('<') && s.ends_with('>')) || (s.starts_with('{') && s.ends_with('}'));
        Line {
            span,
            chars,
            words,
            letter_words,
            capitalized,
            stops,
            terminal,
            ends_with_period,
            has_alnum,
            markup,
        }
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }

    /// Share of letter words that are capitalised (link lists and headlines are high).
    pub fn cap_ratio(&self) -> f32 {
        self.capitalized as f32 / self.letter_words.max(1) as f32
    }

    /// Reads like running text: one or more sentences in lower case mostly.
    pub fn is_body_like(&self) -> bool {
        let sentence = (self.terminal && self.words >= 8) || (self.words >= 25 && self.stops >= 2);
        sentence && self.cap_ratio() < 0.5 && !self.markup
    }

    /// Could be a title, a menu entry or a link label: short and not a finished sentence.
    pub fn is_title_like(&self) -> bool {
        self.has_alnum && self.words <= 30 && self.chars <= 250 && !self.ends_with_period && !self.markup
    }

    /// A long run of link labels with no sentence punctuation (an SEO footer, a tag cloud).
    pub fn is_link_list(&self) -> bool {
        self.words >= 20 && self.stops == 0 && self.cap_ratio() >= 0.3
    }
}

/// Splits `text` into its non-blank lines, trimmed, in order.
pub fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let lead = raw.len() - raw.trim_start().len();
            let s = start + lead;
            lines.push(Line::measure(text, Span::new(s, s + trimmed.len())));
        }
        start += raw.len();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_blank_lines_skipped() {
        let text = "  Titre du jour \n\n\r\n Le président a été reçu lundi au Kremlin par son homologue.\r\n";
        let lines = split_lines(text);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(text), "Titre du jour");
        assert!(lines[0].is_title_like() && !lines[0].is_body_like());
        assert_eq!(lines[1].text(text), "Le président a été reçu lundi au Kremlin par son homologue.");
        assert!(lines[1].is_body_like() && lines[1].terminal);
    }

    #[test]
    fn ascii_classes_agree_with_the_char_tests() {
        for b in 0u8..128 {
            let (c, class) = (char::from(b), ASCII_CLASSES[usize::from(b)]);
            assert_eq!(class & SPACE != 0, c.is_whitespace(), "{c:?}");
            assert_eq!(class & LETTER != 0, c.is_alphabetic(), "{c:?}");
            assert_eq!(class & UPPER != 0, c.is_uppercase(), "{c:?}");
            assert_eq!(class & DIGIT != 0, c.is_numeric(), "{c:?}");
            assert_eq!(class & STOP != 0, matches!(c, '.' | '!' | '?' | ';'), "{c:?}");
        }
    }

    #[test]
    fn shapes() {
        let cases: &[(&str, bool, bool, bool)] = &[
            // (line, body-like, title-like, link list)
            ("Menu", false, true, false),
            ("« Merci pour votre hospitalité », a-t-il dit devant la presse réunie.", true, false, false),
            ("Lutte contre les terroristes : Deux ministres maliens en Russie", false, true, false),
            (
                "ORTM en direct Finance Les plus bas prix du Mali Acheter à bas prix au Mali Achat terrain à Bamako Terrain à vendre Bamako Immobilier",
                false, true, true,
            ),
            ("<div class=\"share\">", false, false, false),
        ];
        for &(line, body, title, links) in cases {
            let l = Line::measure(line, Span::new(0, line.len()));
            assert_eq!(
                (l.is_body_like(), l.is_title_like(), l.is_link_list()),
                (body, title, links),
                "{line}"
            );
        }
    }
}
