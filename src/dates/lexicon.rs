//! Month and weekday names (from `data/dates/lexicon.tsv`) and the grammars' function words,
//! as one folded-word table per language, built once on first use.

use super::grammar::Key;
use super::{grammar_en, grammar_fr};
use crate::analysis::Lang;
use crate::calendar::Weekday;
use crate::text::FastMap;
use std::sync::OnceLock;

/// The lexicon file, compiled into the binary.
const LEXICON_TSV: &str = include_str!("../../data/dates/lexicon.tsv");

/// What a folded word is to the date grammars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    Month { month: u8, abbr: bool },
    Weekday(Weekday),
    Key(Key),
}

type Map = FastMap<&'static str, Word>;

pub struct Lexicon {
    fr: Map,
    en: Map,
    /// Longest entry in bytes: longer words are not looked up.
    max_len: usize,
}

impl Lexicon {
    pub fn get(&self, lang: Lang, folded: &str) -> Option<Word> {
        if folded.len() > self.max_len {
            return None;
        }
        match lang {
            Lang::En => self.en.get(folded).copied(),
            Lang::Fr | Lang::Other => self.fr.get(folded).copied(),
        }
    }
}

/// Parses the lexicon file; malformed lines are skipped (the table test checks there are none).
fn parse_names(tsv: &'static str) -> Vec<(&'static str, &'static str, Word)> {
    let mut out = Vec::new();
    for line in tsv.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        let (Some(&lang), Some(&kind), Some(num), Some(&form)) =
            (cols.first(), cols.get(1), cols.get(2).and_then(|n| n.parse::<u8>().ok()), cols.get(3))
        else {
            continue;
        };
        let abbr = cols.get(4) == Some(&"abbr");
        let word = match kind {
            "month" if (1..=12).contains(&num) => Word::Month { month: num, abbr },
            "weekday" if (1..=7).contains(&num) => Word::Weekday(Weekday::from_index(num - 1)),
            _ => continue,
        };
        out.push((lang, form, word));
    }
    out
}

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut fr = Map::default();
        let mut en = Map::default();
        for &(w, k) in grammar_fr::KEYWORDS {
            fr.insert(w, Word::Key(k));
        }
        for &(w, k) in grammar_en::KEYWORDS {
            en.insert(w, Word::Key(k));
        }
        for (lang, form, word) in parse_names(LEXICON_TSV) {
            match lang {
                "fr" => fr.insert(form, word),
                "en" => en.insert(form, word),
                _ => None,
            };
        }
        let max_len = fr.keys().chain(en.keys()).map(|k| k.len()).max().unwrap_or(0);
        Lexicon { fr, en, max_len }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_lexicon_file_parses() {
        let data_lines = LEXICON_TSV.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count();
        let names = parse_names(LEXICON_TSV);
        assert_eq!(names.len(), data_lines);
        for lang in ["fr", "en"] {
            for m in 1..=12 {
                assert!(names
                    .iter()
                    .any(|&(l, _, w)| l == lang && w == Word::Month { month: m, abbr: false }));
            }
            assert_eq!(
                names.iter().filter(|&&(l, _, w)| l == lang && matches!(w, Word::Weekday(_))).count(),
                7
            );
        }
        // Forms are stored folded.
        for (_, form, _) in names {
            assert_eq!(crate::text::fold(form), form);
        }
    }

    #[test]
    fn looks_up_folded_words() {
        let lex = lexicon();
        assert_eq!(lex.get(Lang::Fr, "fevrier"), Some(Word::Month { month: 2, abbr: false }));
        assert_eq!(lex.get(Lang::Fr, "jeudi"), Some(Word::Weekday(Weekday::Thu)));
        assert_eq!(lex.get(Lang::En, "sunday"), Some(Word::Weekday(Weekday::Sun)));
        assert_eq!(lex.get(Lang::En, "lundi"), None);
    }
}
