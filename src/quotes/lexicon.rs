//! Word lists for attribution: speech verbs (from `data/quotes/`, with their inflected forms
//! generated here), and the small closed classes attribution needs (pronouns, role and
//! organisation heads, titles, nationality words). Every look-up takes a folded word
//! ([`crate::text::fold`]: lower case, no accents, `'` for apostrophes).

use std::sync::{LazyLock, OnceLock};

use rustc_hash::FxHashSet as HashSet;

use super::frames::{SPEECH_VERBS_EN, SPEECH_VERBS_FR};
use crate::text::FastMap;
use crate::words::{word_list, WordList};

/// Folded forms of every speech verb, French and English.
fn speech_forms() -> &'static HashSet<String> {
    static FORMS: OnceLock<HashSet<String>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut set = HashSet::default();
        for line in SPEECH_VERBS_FR.lines() {
            add_verb(line, &mut set, inflect_fr);
        }
        for line in SPEECH_VERBS_EN.lines() {
            add_verb(line, &mut set, inflect_en);
        }
        set
    })
}

fn add_verb(line: &str, set: &mut HashSet<String>, inflect: fn(&str, &mut HashSet<String>)) {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return;
    }
    let (lemma, listed) = match line.split_once(':') {
        Some((l, forms)) => (l.trim(), Some(forms)),
        None => (line, None),
    };
    let lemma = crate::text::fold(lemma);
    let lemma = lemma.strip_prefix("se ").or_else(|| lemma.strip_prefix("s'")).unwrap_or(&lemma);
    set.insert(lemma.to_string());
    match listed {
        Some(forms) => {
            for f in forms.split_whitespace() {
                let f = crate::text::fold(f);
                set.insert(f.strip_prefix("s'").unwrap_or(&f).to_string());
            }
        }
        None => inflect(lemma, set),
    }
}

/// Regular French conjugation (folded, so "déclare" and "déclaré" are one form): -er verbs
/// with the -cer/-ger spellings, and second-group -ir verbs.
fn inflect_fr(lemma: &str, set: &mut HashSet<String>) {
    if let Some(stem) = lemma.strip_suffix("er") {
        let soft = if let Some(base) = stem.strip_suffix('c') {
            format!("{base}ç")
        } else if stem.ends_with('g') {
            format!("{stem}e")
        } else {
            stem.to_string()
        };
        let soft = crate::text::fold(&soft);
        for end in word_list!("quotes/fr/er_endings.txt").iter() {
            set.insert(format!("{stem}{end}"));
        }
        for end in word_list!("quotes/fr/er_soft_endings.txt").iter() {
            set.insert(format!("{soft}{end}"));
        }
    } else if let Some(stem) = lemma.strip_suffix("ir") {
        for end in word_list!("quotes/fr/ir_endings.txt").iter() {
            set.insert(format!("{stem}{end}"));
        }
    }
}

/// Regular English inflection: -s, -ed, -ing, with e-drop and y-to-i.
fn inflect_en(lemma: &str, set: &mut HashSet<String>) {
    if let Some(stem) = lemma.strip_suffix('e') {
        set.insert(format!("{lemma}s"));
        set.insert(format!("{lemma}d"));
        set.insert(format!("{stem}ing"));
    } else if lemma.ends_with("sh") || lemma.ends_with("ch") || lemma.ends_with('s') {
        set.insert(format!("{lemma}es"));
        set.insert(format!("{lemma}ed"));
        set.insert(format!("{lemma}ing"));
    } else {
        set.insert(format!("{lemma}s"));
        set.insert(format!("{lemma}ed"));
        set.insert(format!("{lemma}ing"));
    }
}

/// Whether the folded word is a form of a speech verb ("declare", "resumait", "said").
pub fn is_speech_verb(folded: &str) -> bool {
    speech_forms().contains(folded)
}

/// Auxiliaries of compound tenses ("a déclaré", "has said").
pub fn is_auxiliary(folded: &str) -> bool {
    word_list!("quotes/fr/auxiliaries.txt", "quotes/en/auxiliaries.txt").contains(folded)
}

/// Clitics between a speaker and the verb, never speakers themselves ("lui a répondu").
pub fn is_object_clitic(folded: &str) -> bool {
    word_list!("quotes/fr/object_clitics.txt").contains(folded)
}

/// Adverbs that may sit inside an attribution ("a encore déclaré", "he later said").
pub fn is_adverb(folded: &str) -> bool {
    word_list!("quotes/fr/adverbs.txt", "quotes/en/adverbs.txt").contains(folded)
}

/// Gender of a subject pronoun, or `None` if the word is not one.
pub fn pronoun(folded: &str) -> Option<Gender> {
    match folded {
        "il" | "he" | "lui" | "him" => Some(Gender::Male),
        "elle" | "she" | "her" => Some(Gender::Female),
        // Plural: a group, left unresolved.
        "ils" | "elles" | "they" | "eux" => Some(Gender::Unknown),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// Nouns that head a role phrase naming a person ("le ministre …", "the spokesman …").
pub fn is_role_head(folded: &str) -> bool {
    static SIEVE: LazyLock<Sieve> = LazyLock::new(|| Sieve::new(role_heads().iter()));
    // `trim_end_matches('s')` on bytes: 's' is one byte in UTF-8.
    let bytes = folded.as_bytes();
    let mut n = bytes.len();
    while n > 0 && bytes[n - 1] == b's' {
        n -= 1;
    }
    let w = folded.get(..n).unwrap_or("");
    SIEVE.may_hold(w) && role_heads().contains(w)
}

fn role_heads() -> &'static WordList {
    word_list!("quotes/fr/role_heads.txt", "quotes/en/role_heads.txt")
}

/// A bit per hash of a word's first two bytes, last byte and length, set for the words of a list: most words
/// asked about are rejected on one bit, before the list's own look-up. For the lists asked
/// about nearly every token (the role heads, by the alias pass over the whole text).
struct Sieve {
    bits: [u64; Sieve::WORDS],
}

impl Sieve {
    const WORDS: usize = 64;

    fn new<'a>(words: impl Iterator<Item = &'a str>) -> Sieve {
        let mut sieve = Sieve { bits: [0; Sieve::WORDS] };
        for w in words {
            let b = Sieve::bit(w);
            sieve.bits[b / 64] |= 1 << (b % 64);
        }
        sieve
    }

    #[inline]
    fn bit(w: &str) -> usize {
        let bytes = w.as_bytes();
        let at = |k: usize| u64::from(bytes.get(k).copied().unwrap_or(0));
        let last = u64::from(bytes.last().copied().unwrap_or(0));
        let key = at(0) | at(1) << 8 | last << 16 | (bytes.len() as u64) << 24;
        // Fibonacci hashing: the top bits of the product.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 12)) as usize
    }

    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        let b = Sieve::bit(w);
        self.bits[b / 64] & (1 << (b % 64)) != 0
    }
}

/// Determiners of a group ("les enquêteurs", "de nombreux habitants", "some residents").
pub fn is_plural_determiner(folded: &str) -> bool {
    word_list!("quotes/fr/plural_determiners.txt", "quotes/en/plural_determiners.txt").contains(folded)
}

/// Determiners of someone the article does not name ("un diplomate", "a witness").
pub fn is_indefinite(folded: &str) -> bool {
    word_list!("quotes/fr/indefinites.txt", "quotes/en/indefinites.txt").contains(folded)
}

/// Heads of someone speaking for an organisation ("porte-parole", "spokesperson").
pub fn is_spokesperson(folded: &str) -> bool {
    word_list!("quotes/fr/spokesperson_heads.txt", "quotes/en/spokesperson_heads.txt").contains(folded)
}

/// A plural role head ("témoins", "officials"): a role head once its plural -s is dropped.
pub fn is_plural_role(folded: &str) -> bool {
    folded.len() > 3 && (folded.ends_with('s') || folded.ends_with('x')) && is_role_head(folded)
}

/// Nouns that head an organisation speaking as one ("le ministère …", "le Kremlin").
pub fn is_org_head(folded: &str) -> bool {
    word_list!("quotes/fr/org_heads.txt", "quotes/en/org_heads.txt").contains(folded)
}

/// Title words dropped in front of a name ("le général Sadio Camara" -> "Sadio Camara").
pub fn is_title(folded: &str) -> bool {
    let w = folded.trim_end_matches('.');
    is_role_head(w) || word_list!("quotes/fr/titles.txt", "quotes/en/titles.txt").contains(w)
}

/// Gender a title or role head gives the person it names.
pub fn title_gender(folded: &str) -> Gender {
    let w = folded.trim_end_matches('.');
    if word_list!("quotes/fr/male_titles.txt", "quotes/en/male_titles.txt").contains(w) {
        Gender::Male
    } else if word_list!("quotes/fr/female_titles.txt", "quotes/en/female_titles.txt").contains(w) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// The country a nationality adjective or seat-of-power noun points to ("malienne" -> "mali",
/// "Kremlin" -> "russie"), folded.
pub fn nationality(folded: &str) -> Option<&'static str> {
    static TABLE: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let files = [
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/quotes/fr/nationalities.txt")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/quotes/en/nationalities.txt")),
        ];
        let mut map = FastMap::default();
        for line in files.into_iter().flat_map(crate::words::entries) {
            let Some((country, words)) = line.split_once(':') else { continue };
            for w in words.split_whitespace() {
                map.insert(w, country.trim());
            }
        }
        map
    });
    table.get(folded).copied()
}

/// Function words that can start a sentence capitalised but never a name.
pub fn is_function_word(folded: &str) -> bool {
    word_list!("quotes/fr/sentence_openers.txt", "quotes/en/sentence_openers.txt").contains(folded)
}

/// Words that end a speaker phrase after the verb ("a déclaré X lors de …", "said X on …").
pub fn ends_phrase(folded: &str) -> bool {
    word_list!("quotes/fr/phrase_ends.txt", "quotes/en/phrase_ends.txt").contains(folded)
}

/// Prepositions that link a role to its complement ("chef de la diplomatie", "head of").
pub fn is_connector(folded: &str) -> bool {
    word_list!("quotes/fr/connectors.txt", "quotes/en/connectors.txt").contains(folded)
}

/// Particles inside a person's name ("Charles de Gaulle", "Ould", "bin").
pub fn is_name_particle(folded: &str) -> bool {
    word_list!("quotes/fr/name_particles.txt", "quotes/en/name_particles.txt").contains(folded)
}

/// Constructions that name or label rather than quote ("considéré comme « … »").
pub fn is_naming_word(folded: &str) -> bool {
    word_list!("quotes/fr/naming_words.txt", "quotes/en/naming_words.txt").contains(folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn speech_verb_forms() {
        for w in [
            "déclaré",
            "déclarait",
            "déclare",
            "déclarent",
            "répondu",
            "résumait",
            "lancé",
            "lançait",
            "saluant",
            "écrit",
            "dit",
            "argumenté",
            "indiqué",
            "renchérit",
            "avertissait",
            "fustige",
            "s'indigne",
            "said",
            "says",
            "told",
            "added",
            "insisted",
            "warning",
            "wrote",
            "argued",
            "replied",
        ] {
            let f = fold(w);
            let f = f.strip_prefix("s'").unwrap_or(&f);
            assert!(is_speech_verb(f), "{w}");
        }
        for w in ["maison", "considéré", "homme", "the", "président"] {
            assert!(!is_speech_verb(&fold(w)), "{w}");
        }
    }

    #[test]
    fn nationalities() {
        assert_eq!(nationality("malienne"), Some("mali"));
        assert_eq!(nationality("kremlin"), Some("russie"));
        assert_eq!(nationality("table"), None);
    }
}
