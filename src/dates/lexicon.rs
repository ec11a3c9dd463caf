//! Month and weekday names (from `data/dates/lexicon.tsv`) and the grammars' function words,
//! as one folded-word table per language, built once on first use.

use super::grammar::Key;
use crate::analysis::Lang;
use crate::calendar::Weekday;
use crate::text::{FastMap, KeyShapes};
use crate::words::WordMap;
use std::sync::OnceLock;

/// The lexicon file, compiled into the binary.
const LEXICON_TSV: &str = include_str!("../../data/dates/lexicon.tsv");
/// The grammars' function words: lang, role (a [`Key`] variant), folded form.
const KEYWORDS_TSV: &str = include_str!("../../data/dates/keywords.tsv");

/// Verb forms and endings that tell a clause's tense (see the file's header).
const TENSE_TSV: &str = include_str!("../../data/dates/tense.tsv");

/// One language's tense cues: whole words, and endings longest first grouped by their last byte
/// (most words end in a byte no ending ends in, and are let go after one look).
struct TenseCues {
    words: FastMap<&'static str, Option<Key>>,
    word_shapes: KeyShapes,
    endings_by_last_byte: Vec<Vec<(&'static str, Option<Key>)>>,
}

impl Default for TenseCues {
    fn default() -> Self {
        TenseCues {
            words: FastMap::default(),
            word_shapes: KeyShapes::default(),
            endings_by_last_byte: vec![Vec::new(); 256],
        }
    }
}

/// Shortest word (in chars) an ending is tried on: "vendra" but not "sera" (a keyword anyway).
const MIN_INFLECTED_CHARS: usize = 5;

impl TenseCues {
    /// `Key::Future`, `Key::Past` or nothing for a lower-case word as written.
    fn tense(&self, word: &str) -> Option<Key> {
        let endings = &self.endings_by_last_byte[usize::from(*word.as_bytes().last()?)];
        if self.word_shapes.may_contain(word.as_bytes()) {
            if let Some(&k) = self.words.get(word) {
                return k;
            }
        }
        if endings.is_empty() {
            return None;
        }
        word.chars().nth(MIN_INFLECTED_CHARS - 1)?;
        endings.iter().find(|(end, _)| word.ends_with(end)).and_then(|&(_, k)| k)
    }
}

/// The tense file's cues for (French, English); unknown lines are skipped (the test counts them).
fn parse_tense(tsv: &'static str) -> (TenseCues, TenseCues, usize) {
    let (mut fr, mut en, mut n) = (TenseCues::default(), TenseCues::default(), 0);
    for line in data_lines(tsv) {
        let mut cols = line.split('\t');
        let (Some(lang), Some(tense), Some(form)) = (cols.next(), cols.next(), cols.next()) else { continue };
        let key = match tense {
            "future" => Some(Key::Future),
            "past" => Some(Key::Past),
            "none" => None,
            _ => continue,
        };
        let cues = match lang {
            "fr" => &mut fr,
            "en" => &mut en,
            _ => continue,
        };
        match form.strip_prefix('=') {
            Some(word) => {
                cues.words.insert(word, key);
                cues.word_shapes.insert(word);
            }
            None => {
                if let Some(&last) = form.as_bytes().last() {
                    cues.endings_by_last_byte[usize::from(last)].push((form, key));
                }
            }
        }
        n += 1;
    }
    for cues in [&mut fr, &mut en] {
        for endings in &mut cues.endings_by_last_byte {
            endings.sort_by_key(|(end, _)| std::cmp::Reverse(end.len()));
        }
    }
    (fr, en, n)
}

/// Holidays on a fixed day: lang, month, day, the name's folded tokens.
const HOLIDAYS_TSV: &str = include_str!("../../data/dates/holidays.tsv");

/// A holiday's folded tokens, month and day.
pub type Holiday = (Vec<&'static str>, u8, u8);

/// The fixed-day holidays of `lang` ("Christmas Day" is 25 December), from the holidays file.
pub fn fixed_holidays(lang: Lang) -> impl Iterator<Item = &'static Holiday> {
    static HOLIDAYS: OnceLock<Vec<(&'static str, Holiday)>> = OnceLock::new();
    let all = HOLIDAYS.get_or_init(|| {
        data_lines(HOLIDAYS_TSV)
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let lang = cols.next()?;
                let month = cols.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
                let day = cols.next()?.parse().ok().filter(|d| (1..=31).contains(d))?;
                let words: Vec<&str> = cols.next()?.split(' ').filter(|w| !w.is_empty()).collect();
                (!words.is_empty()).then_some((lang, (words, month, day)))
            })
            .collect()
    });
    let tag = if lang == Lang::En { "en" } else { "fr" };
    all.iter().filter(move |(l, _)| *l == tag).map(|(_, h)| h)
}

/// The lines of a data file that carry data: trimmed, without blanks and `#` comments.
pub fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The keyword file's (lang, form, role) triples; lines with an unknown role are skipped (the
/// table test checks there are none).
fn parse_keywords(tsv: &'static str) -> Vec<(&'static str, &'static str, Key)> {
    data_lines(tsv)
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let (lang, role, form) = (cols.next()?, cols.next()?, cols.next()?);
            Some((lang, form, Key::from_name(role)?))
        })
        .collect()
}

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
    /// `fr` and `en` again, for the look-ups of every word.
    fr_words: WordMap<Word>,
    en_words: WordMap<Word>,
    fr_shapes: KeyShapes,
    en_shapes: KeyShapes,
    fr_tense: TenseCues,
    en_tense: TenseCues,
}

impl Lexicon {
    /// A form of `word` in `lang` (the longest: the full name, not an abbreviation).
    pub fn name(&self, lang: Lang, word: Word) -> Option<&'static str> {
        let map = if lang == Lang::En { &self.en } else { &self.fr };
        map.iter().filter(|&(_, w)| *w == word).map(|(k, _)| *k).max_by_key(|k| k.len())
    }

    /// The tense a lower-case word as written gives its clause: `Key::Future`, `Key::Past`.
    pub fn tense(&self, lang: Lang, word: &str) -> Option<Key> {
        match lang {
            Lang::En => self.en_tense.tense(word),
            Lang::Fr | Lang::Other => self.fr_tense.tense(word),
        }
    }

    pub fn get(&self, lang: Lang, folded: &str) -> Option<Word> {
        let (map, shapes) = match lang {
            Lang::En => (&self.en_words, &self.en_shapes),
            Lang::Fr | Lang::Other => (&self.fr_words, &self.fr_shapes),
        };
        if !shapes.may_contain(folded.as_bytes()) {
            return None;
        }
        map.get(folded)
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
        for (lang, form, key) in parse_keywords(KEYWORDS_TSV) {
            match lang {
                "fr" => fr.insert(form, Word::Key(key)),
                "en" => en.insert(form, Word::Key(key)),
                _ => None,
            };
        }
        for (lang, form, word) in parse_names(LEXICON_TSV) {
            match lang {
                "fr" => fr.insert(form, word),
                "en" => en.insert(form, word),
                _ => None,
            };
        }
        let shapes_of = |map: &Map| {
            let mut shapes = KeyShapes::default();
            map.keys().for_each(|k| shapes.insert(k));
            shapes
        };
        let (fr_shapes, en_shapes) = (shapes_of(&fr), shapes_of(&en));
        let (fr_tense, en_tense, _) = parse_tense(TENSE_TSV);
        let words_of = |map: &Map| WordMap::new(map.iter().map(|(&k, &w)| (k, w)));
        let (fr_words, en_words) = (words_of(&fr), words_of(&en));
        Lexicon { fr, en, fr_words, en_words, fr_shapes, en_shapes, fr_tense, en_tense }
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
    fn every_line_of_the_tense_file_parses_and_tells_tenses() {
        assert_eq!(parse_tense(TENSE_TSV).2, data_lines(TENSE_TSV).count());
        let lex = lexicon();
        for (word, want) in [
            ("rencontrera", Some(Key::Future)),
            ("rendra", Some(Key::Future)),
            ("signeront", Some(Key::Future)),
            ("déplora", None),
            ("considéra", None),
            ("affront", None),
            ("déclarait", Some(Key::Past)),
            ("pourrait", None),
            ("portrait", None),
            ("a", Some(Key::Past)),
            ("à", None),
        ] {
            assert_eq!(lex.tense(Lang::Fr, word), want, "{word}");
        }
        assert_eq!(lex.tense(Lang::En, "announced"), Some(Key::Past));
        assert_eq!(lex.tense(Lang::En, "proceed"), None);
    }

    #[test]
    fn every_line_of_the_holiday_file_parses() {
        assert_eq!(fixed_holidays(Lang::En).count(), data_lines(HOLIDAYS_TSV).count());
    }

    #[test]
    fn every_line_of_the_keyword_file_parses() {
        let keywords = parse_keywords(KEYWORDS_TSV);
        assert_eq!(keywords.len(), data_lines(KEYWORDS_TSV).count());
        for (lang, form, _) in keywords {
            assert!(lang == "fr" || lang == "en", "{lang}");
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
