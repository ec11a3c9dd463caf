//! Sentence boundaries over tokens: strong punctuation followed by a likely sentence start,
//! and every line break (pasted pages put headlines, menus and paragraphs on lines of their own).

use super::{Token, TokenKind};
use std::ops::Range;

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    // Abbreviations after which a period does not end a sentence, in lower case.
    crate::words::word_list!("lang/fr/abbreviations.txt", "lang/en/abbreviations.txt").contains(&lower)
}

/// Splits `tokens` into sentences, as ranges of token indices that cover every token in order.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // `next_i` skips a run of punctuation once it has been gathered, keeping the scan linear.
    let mut next_i;
    while i < tokens.len() {
        next_i = i + 1;
        if i > start && tokens[i].newlines_before > 0 {
            sentences.push(start..i);
            start = i;
        }
        let t = &tokens[i];
        let p = t.text(text);
        if t.kind != TokenKind::Punct || !matches!(p, "." | "!" | "?" | "…") {
            i = next_i;
            continue;
        }
        // Keep runs of strong punctuation and closing marks with this sentence ("?! »").
        let mut end = i + 1;
        while end < tokens.len()
            && tokens[end].newlines_before == 0
            && tokens[end].kind == TokenKind::Punct
            && matches!(tokens[end].text(text), "." | "!" | "?" | "…" | "»" | "”" | "\"" | ")" | "’")
        {
            end += 1;
        }
        // The run (on one line, by construction) ends at most this one sentence.
        next_i = end;
        let Some(next) = tokens.get(end) else {
            i = next_i;
            continue;
        };
        if next.newlines_before > 0 {
            i = next_i;
            continue; // the line break splits anyway
        }
        if p == "." && i > 0 {
            let prev = &tokens[i - 1];
            let prev_text = prev.text(text);
            let single_initial = prev.kind == TokenKind::Word
                && prev_text.chars().count() == 1
                && prev_text.chars().all(char::is_uppercase);
            if prev.end == t.start && (is_abbreviation(prev_text) || single_initial) {
                i = next_i;
                continue;
            }
            if prev.kind == TokenKind::Number && next.kind == TokenKind::Number && !next.space_before {
                i = next_i;
                continue; // 23.06.2025, 1.5
            }
        }
        let next_text = next.text(text);
        let starts_sentence = next_text.chars().next().is_some_and(|c| {
            c.is_uppercase()
                || c.is_numeric()
                || matches!(c, '«' | '“' | '"' | '‘' | '(' | '[' | '—' | '–' | '-')
        });
        if starts_sentence && next.space_before {
            sentences.push(start..end);
            start = end;
        }
        i = next_i;
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sentences(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        split_sentences(text, &toks)
            .into_iter()
            .map(|r| text[toks[r.start].start..toks[r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn splits_on_punctuation_and_lines() {
        assert_eq!(
            sentences(
                "M. Diop est venu. Il a parlé !\nMenu\nLe 23.06.2025, J. Smith dit « oui. » Puis rien."
            ),
            [
                "M. Diop est venu.",
                "Il a parlé !",
                "Menu",
                "Le 23.06.2025, J. Smith dit « oui. »",
                "Puis rien."
            ]
        );
    }

    #[test]
    fn long_runs_of_punctuation_are_linear() {
        let text = ".".repeat(1 << 20) + " Fin";
        let toks = tokenize(&text);
        let s = split_sentences(&text, &toks);
        assert_eq!(s.last().unwrap().end, toks.len());
    }

    #[test]
    fn covers_all_tokens() {
        let text = "a. b. C. ... ?! «Oui» » Non";
        let toks = tokenize(text);
        let s = split_sentences(text, &toks);
        assert_eq!(s.first().unwrap().start, 0);
        assert_eq!(s.last().unwrap().end, toks.len());
        for w in s.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
    }
}
