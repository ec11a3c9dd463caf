//! Language identification: French, English, or other (Spanish, German and the rest), from
//! function words and characteristic letters. Cheap, robust on short news texts and on pages
//! whose menus are in another language than the article, and explainable.
//!
//! Each language scores one point per function word of its list (`data/lang/*/detection_words.txt`;
//! a word shared by several languages, such as "la", "de", "en", is split among them) plus a little
//! for its letters (é è ç for French, ñ á ó for Spanish, ä ö ü ß for German). Lines of running text weigh three times a
//! menu entry, so "Home · News · Sign in for more" around a French article does not tip it.
//! Spanish or German winning gives [`Lang::Other`].

use crate::analysis::Lang;
use crate::text::{chars, fold_char_into, FastMap};
use crate::words::WordMap;
use std::sync::OnceLock;

const LANGS: usize = 4;
const FR: usize = 0;
const EN: usize = 1;
const ES: usize = 2;
const DE: usize = 3;

/// Only this much of the text is read: enough for any article, bounded for any input.
const SAMPLE_BYTES: usize = 200_000;

fn letter_cue(c: char) -> Option<(usize, f32)> {
    match c {
        'è' | 'ê' | 'à' | 'ç' | 'ù' | 'œ' | 'î' | 'ô' | 'â' | 'ë' | 'ï' | 'û' | 'È' | 'Ê' | 'À' | 'Ç' => {
            Some((FR, 1.0))
        }
        'é' | 'É' => Some((FR, 0.5)),
        'ñ' | 'á' | 'í' | 'ó' | 'ú' | '¿' | '¡' | 'Ñ' | 'Á' | 'Í' | 'Ó' | 'Ú' => Some((ES, 1.0)),
        'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü' => Some((DE, 1.0)),
        _ => None,
    }
}

/// Each function word with the languages whose list has it (bit `lang`): one lookup per word.
fn function_words() -> &'static WordMap<u8> {
    static WORDS: OnceLock<WordMap<u8>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: FastMap<&'static str, u8> = FastMap::default();
        let lists = [
            (FR, include_str!("../data/lang/fr/detection_words.txt")),
            (EN, include_str!("../data/lang/en/detection_words.txt")),
            (ES, include_str!("../data/lang/es/detection_words.txt")),
            (DE, include_str!("../data/lang/de/detection_words.txt")),
        ];
        for (lang, list) in lists {
            for w in crate::words::entries(list) {
                *words.entry(w).or_default() |= 1 << lang;
            }
        }
        WordMap::new(words)
    })
}

/// `f` without its leading and trailing `'` (as `trim_matches('\'')`, on bytes).
fn trim_apostrophes(f: &str) -> &str {
    let start = f.bytes().position(|b| b != b'\'').unwrap_or(f.len());
    let end = f.bytes().rposition(|b| b != b'\'').map_or(start, |k| k + 1);
    f.get(start..end).unwrap_or("")
}

/// Adds one word's function-word evidence to `line_scores`, given its folded text.
fn score_word(f: &str, line_scores: &mut [f32; LANGS]) {
    // Elisions ("l'arrivée" gives the French "l'") and English clitics ("Putin's", "don't").
    let head = match f.bytes().position(|b| b == b'\'') {
        Some(k) if k > 0 && k + 1 < f.len() => {
            let tail = &f[k + 1..];
            // "t" of "don't", which the tokenizer keeps whole.
            if (crate::text::tokenize::clitics().contains(tail) || tail == "t") && k > 1 {
                line_scores[EN] += 0.5;
                &f[..k]
            } else {
                &f[..=k]
            }
        }
        _ => trim_apostrophes(f),
    };
    // A word of several lists ("la", "de", "in") is shared among them.
    if let Some(langs) = function_words().get(head) {
        let share = 1.0 / langs.count_ones() as f32;
        for (lang, score) in line_scores.iter_mut().enumerate() {
            if langs & (1 << lang) != 0 {
                *score += share;
            }
        }
    }
}

/// Whether `c` belongs to a word: a letter, a digit or an apostrophe.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '\''
    } else {
        c == '’' || chars::is_alphanumeric(c)
    }
}

/// Adds the evidence of one line to `scores`; returns the number of words read. One pass over
/// the chars: words are folded as they are read, into one buffer.
fn score_line(line: &str, scores: &mut [f32; LANGS]) -> usize {
    let mut line_scores = [0f32; LANGS];
    let mut cues = [0f32; LANGS];
    let mut words = 0usize;
    let mut folded = String::new();
    let mut in_word = false;
    for c in line.chars() {
        if is_word_char(c) {
            fold_char_into(c, &mut folded);
            in_word = true;
        } else if in_word {
            score_word(&folded, &mut line_scores);
            folded.clear();
            in_word = false;
            words += 1;
        }
        if !c.is_ascii() {
            if let Some((lang, w)) = letter_cue(c) {
                cues[lang] += w;
            }
        }
    }
    if in_word {
        score_word(&folded, &mut line_scores);
        words += 1;
    }
    // Running text counts more than menu entries and link labels.
    let weight = if words >= 8 { 3.0 } else { 1.0 };
    for k in 0..LANGS {
        // Letters support, they do not outvote: at most one point per three words.
        scores[k] += weight * (line_scores[k] + (0.5 * cues[k]).min(words as f32 / 3.0));
    }
    words
}

/// Detects French or English (or other) from the first 200 kB; returns it with a confidence
/// from 0.5 (a guess) to 1.0.
pub fn detect(text: &str) -> (Lang, f32) {
    let mut cut = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut scores = [0f32; LANGS];
    let mut words = 0usize;
    for line in text[..cut].lines() {
        words += score_line(line, &mut scores);
    }
    let total: f32 = scores.iter().sum();
    if words == 0 || total < 0.5 {
        return (Lang::Other, 0.5);
    }
    let mut order = [FR, EN, ES, DE];
    // Stable: on a tie French, then English, wins.
    order.sort_by(|&a, &b| scores[b].partial_cmp(&scores[a]).unwrap_or(std::cmp::Ordering::Equal));
    let (best, second) = (scores[order[0]], scores[order[1]]);
    let lang = match order[0] {
        FR => Lang::Fr,
        EN => Lang::En,
        _ => Lang::Other,
    };
    // Confidence grows with the margin over the runner-up, relative (a near tie is a guess) and
    // absolute (a few words are weak evidence).
    let relative = ((best - second) / best.max(1e-6)).sqrt();
    let absolute = 1.0 - (-(best - second) / 10.0).exp();
    let confidence = 0.5 + 0.5 * relative * absolute;
    // Too little text to tell: a function word or two.
    if best < 1.5 && lang != Lang::Fr && lang != Lang::En {
        return (Lang::Other, 0.5);
    }
    (lang, confidence.clamp(0.5, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        let cases: &[(&str, Lang)] = &[
            ("Le président a été reçu lundi au Kremlin par le chef de l’État.", Lang::Fr),
            ("The president was received on Monday at the Kremlin by the head of state.", Lang::En),
            ("Le Mali et la Russie", Lang::Fr),
            ("Mali's junta leader met Putin in Moscow on Monday", Lang::En),
            ("Réunion à Bamako", Lang::Fr),
            (
                "El presidente de Malí fue recibido el lunes en el Kremlin por su homólogo ruso, según informó la agencia.",
                Lang::Other,
            ),
            (
                "Der Präsident von Mali wurde am Montag im Kreml von seinem russischen Amtskollegen empfangen, wie die Agentur meldete.",
                Lang::Other,
            ),
            ("", Lang::Other),
            ("東京 大阪 名古屋", Lang::Other),
            ("12 345 678", Lang::Other),
            (
                "Home\nNews\nSign in\nShare this\nRead more\nLe président malien a été reçu lundi au Kremlin par son homologue russe pour une visite de deux jours.\nAll rights reserved",
                Lang::Fr,
            ),
        ];
        for &(text, want) in cases {
            assert_eq!(detect(text).0, want, "{text}");
        }
    }

    #[test]
    fn confidence_grows_with_evidence() {
        let short = detect("Le Mali et la Russie").1;
        let long = detect(&"Le président a été reçu lundi au Kremlin par le chef de l’État. ".repeat(5)).1;
        assert!((0.5..=1.0).contains(&short) && (0.5..=1.0).contains(&long));
        assert!(long > short, "{short} {long}");
        assert!(long > 0.9);
    }
}
