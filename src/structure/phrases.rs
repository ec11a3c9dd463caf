//! Known navigation, sharing, comment and legal phrases (`data/structure/boilerplate_phrases.txt`),
//! matched on folded text: case, accents and punctuation do not matter.

use crate::text::{chars, fold_char_into, FastMap, KeyShapes};
use std::sync::OnceLock;

const SOURCE: &str = include_str!("../../data/structure/boilerplate_phrases.txt");

/// Lines longer than this are matched on their first bytes only (`line`, `prefix`, `section`)
/// and never against `contains` phrases: legal notices and banners are short.
const MAX_MATCH_BYTES: usize = 1000;

/// How a phrase marks a line; see the data file's header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseKind {
    Line,
    Section,
    Related,
    Prefix,
    Contains,
}

struct Phrases {
    /// `line`, `section` and `related` phrases, whole.
    whole: FastMap<String, PhraseKind>,
    /// The longest of `whole`, in bytes: a longer line is none of them, and is not hashed.
    whole_max_len: usize,
    /// `prefix` phrases by their first word.
    prefixes: FastMap<String, Vec<String>>,
    /// `contains` phrases by their first word (matched at word starts: one lookup per word of
    /// the line instead of a substring search per phrase).
    contains: FastMap<String, Vec<String>>,
    /// The shapes of the `contains` phrases' first words: most words of a line are ruled out
    /// without a look-up.
    contains_first_shapes: KeyShapes,
}

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut p = Phrases {
            whole: FastMap::default(),
            whole_max_len: 0,
            prefixes: FastMap::default(),
            contains: FastMap::default(),
            contains_first_shapes: KeyShapes::default(),
        };
        for line in SOURCE.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (kind, phrase) = line.split_once(' ').unwrap_or((line, ""));
            let phrase = normalize(phrase);
            if phrase.is_empty() {
                continue;
            }
            match kind {
                "line" => {
                    p.whole.entry(phrase).or_insert(PhraseKind::Line);
                }
                "section" => {
                    p.whole.insert(phrase, PhraseKind::Section);
                }
                "related" => {
                    p.whole.insert(phrase, PhraseKind::Related);
                }
                "prefix" => p.prefixes.entry(first_word(&phrase).to_string()).or_default().push(phrase),
                "contains" => {
                    let first = first_word(&phrase);
                    p.contains_first_shapes.insert(first);
                    p.contains.entry(first.to_string()).or_default().push(phrase);
                }
                _ => {} // unknown kinds are skipped; the unit test below keeps the file clean
            }
        }
        p.whole_max_len = p.whole.keys().map(String::len).max().unwrap_or(0);
        p
    })
}

/// What [`normalize`] keeps of each ASCII char: its lower case for letters and digits, 0 for the
/// others (separators).
const ASCII_KEPT: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Folds `s` for matching: lower case, no accents, every run of characters other than letters,
/// digits and `©` turned into one space, trimmed. Reads at most `MAX_MATCH_BYTES` of `s`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_MATCH_BYTES) + 1);
    // A separator seen since the last kept char: one space before the next kept char.
    let mut gap = false;
    let bytes = s.as_bytes();
    let end = s.len().min(MAX_MATCH_BYTES);
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            let kept = ASCII_KEPT[usize::from(b)];
            if kept == 0 {
                gap = true;
                continue;
            }
            if gap && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            gap = false;
            out.push(char::from(kept));
            continue;
        }
        let Some(c) = s[i..].chars().next() else { break };
        i += c.len_utf8();
        if chars::is_alphanumeric(c) || c == '©' {
            if gap && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            gap = false;
            // Letters and digits fold to letters and digits, never to a space.
            fold_char_into(c, &mut out);
        } else {
            gap = true;
        }
    }
    // A kept char may fold to nothing (a combining mark) after a space.
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

fn first_word(norm: &str) -> &str {
    norm.split_once(' ').map_or(norm, |(first, _)| first)
}

/// Does `norm` continue with the whole words of one of `phrases` (all [`normalize`]d)?
fn starts_with_phrase(norm: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|ph| {
        norm.starts_with(ph.as_str()) && (norm.len() == ph.len() || norm.as_bytes()[ph.len()] == b' ')
    })
}

/// The strongest phrase of the list that `line` matches, if any. `Prefix` and `Contains`
/// matches are returned as found: the caller decides with the line's shape.
#[cfg(test)]
pub fn match_line(line: &str) -> Option<PhraseKind> {
    match_normalized(&normalize(line), line.len())
}

/// `match_line` given the line's [`normalize`]d text and its length in bytes.
pub fn match_normalized(norm: &str, line_len: usize) -> Option<PhraseKind> {
    let p = phrases();
    if norm.is_empty() {
        return None;
    }
    // Whole-line phrases, ignoring a trailing count ("Commentaires (3)", "Partager 12").
    let core = norm.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let core = if core.is_empty() { norm } else { core };
    if core.len() <= p.whole_max_len {
        if let Some(&kind) = p.whole.get(core) {
            return Some(kind);
        }
    }
    if p.prefixes.get(first_word(norm)).is_some_and(|list| starts_with_phrase(norm, list)) {
        return Some(PhraseKind::Prefix);
    }
    if line_len <= MAX_MATCH_BYTES {
        let mut at = 0; // where `word` starts in `norm`
        for word in norm.as_bytes().split(|&b| b == b' ') {
            if p.contains_first_shapes.may_contain(word)
                && p.contains.get(&norm[at..at + word.len()]).is_some_and(|list| starts_with_phrase(&norm[at..], list))
            {
                return Some(PhraseKind::Contains);
            }
            at += word.len() + 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_is_well_formed() {
        for line in SOURCE.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (kind, phrase) = line.split_once(' ').expect(line);
            assert!(
                matches!(kind, "line" | "section" | "related" | "prefix" | "contains"),
                "unknown kind: {line}"
            );
            assert_eq!(normalize(phrase), phrase, "phrases are stored normalised: {line}");
        }
    }

    #[test]
    fn examples() {
        use PhraseKind::*;
        let cases: &[(&str, Option<PhraseKind>)] = &[
            ("Menu", Some(Line)),
            ("MENU", Some(Line)),
            ("Partager (12)", Some(Line)),
            ("Nouveau commentaire :", Some(Section)),
            ("AUTRES INFOS", Some(Section)),
            ("Related", Some(Section)),
            ("Lire aussi", Some(Related)),
            ("À lire aussi :", Some(Related)),
            ("Read more", Some(Related)),
            ("A lire : Russie-Afrique : Sergueï Lavrov, le penseur-étoile", Some(Prefix)),
            ("À lire : un autre article", Some(Prefix)),
            ("Lire aussi : Le Mali et la Russie", Some(Prefix)),
            ("Suivez-nous sur Facebook, Telegram, WhatsApp pour ne rien rater", Some(Prefix)),
            ("Sign up for our newsletter", Some(Prefix)),
            ("Share this article", Some(Prefix)),
            ("Read more: Mali's junta", Some(Prefix)),
            ("© 2024 Journal du Mali. Tous droits réservés.", Some(Contains)),
            ("We use cookies to improve your experience.", Some(Contains)),
            ("Copyright", Some(Contains)),
            ("Photo AFP, tous droits réservés", Some(Contains)),
            ("Tous droits réservésX", None),
            ("Les copyrights des autres", None),
            ("Le président a été reçu au Kremlin.", None),
            ("Alire est un nom", None),
            ("Menus et plats", None),
            ("", None),
            ("!!!", None),
        ];
        for &(line, want) in cases {
            assert_eq!(match_line(line), want, "{line}");
        }
    }
}
