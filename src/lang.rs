//! Language identification from function words: cheap, robust on news, and explainable.

use crate::analysis::Lang;
use crate::text::{fold, tokenize, TokenKind};

const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "dans", "pour", "que", "qui",
    "sur", "avec", "pas", "au", "aux", "ce", "cette", "il", "elle", "ont", "sont", "a", "en",
    "par", "plus", "ses", "son", "sa", "leur", "mais", "ou", "nous", "vous", "l'", "d'", "qu'",
];
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "at",
    "from", "his", "her", "they", "be", "have", "has", "are", "were", "it", "this", "an", "which",
    "said", "not", "but", "or", "we", "you", "will", "would", "their", "its", "been",
];

/// Detects French or English from the first 20,000 words; returns the language and a confidence.
pub fn detect(text: &str) -> (Lang, f32) {
    let (mut fr, mut en, mut words) = (0u32, 0u32, 0u32);
    for t in tokenize(text).iter().filter(|t| t.kind == TokenKind::Word).take(20_000) {
        words += 1;
        let w = fold(t.text(text));
        // Words both lists share ("a", "on") are rare enough to leave in both.
        if FRENCH.contains(&w.as_str()) {
            fr += 1;
        }
        if ENGLISH.contains(&w.as_str()) {
            en += 1;
        }
    }
    let hits = fr + en;
    if words == 0 || hits < 2 || (hits as f32) < 0.08 * words as f32 {
        return (Lang::Other, 0.5);
    }
    let (lang, best) = if fr >= en { (Lang::Fr, fr) } else { (Lang::En, en) };
    // Confidence grows with the margin and with the evidence.
    let margin = best as f32 / hits as f32;
    let evidence = (hits as f32 / 20.0).min(1.0);
    (lang, (0.5 + (margin - 0.5) * evidence).clamp(0.5, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english() {
        assert_eq!(detect("Le président a été reçu lundi au Kremlin par le chef de l’État.").0, Lang::Fr);
        assert_eq!(detect("The president was received on Monday at the Kremlin by the head of state.").0, Lang::En);
        assert_eq!(detect("").0, Lang::Other);
        assert_eq!(detect("東京 大阪 名古屋").0, Lang::Other);
    }
}
