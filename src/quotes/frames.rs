//! Attribution data read from `data/quotes/{fr,en}/`: the attribution frames (which shapes of
//! reported speech are tried, in which order, each with an example), the introducers ("selon",
//! "d'après", "according to") with the places they may take around a quote, and a checker for
//! every quote data file (frames, speech verbs and introducers), run by the tests, so that a
//! malformed line fails the build's test run instead of being skipped silently.
//!
//! A frame's PATTERN is a sequence of slots (QUOTE, COMMA, COLON, CUE(verb), CUE(introducer),
//! SPEAKER, CLAUSE, …; `X?` optional, `(A | B)` either) that [`grammar`] runs; a few frames are
//! named strategies ([`Strategy`]) whose pattern only describes them, checked against theirs.

use super::context::Ctx;
use super::grammar;
use crate::analysis::Lang;
use std::sync::OnceLock;

pub const SPEECH_VERBS_FR: &str = include_str!("../../data/quotes/fr/speech_verbs.txt");
pub const SPEECH_VERBS_EN: &str = include_str!("../../data/quotes/en/speech_verbs.txt");

pub const FRAMES_FR: &str = include_str!("../../data/quotes/fr/frames.txt");
pub const FRAMES_EN: &str = include_str!("../../data/quotes/en/frames.txt");

/// Every quote data file, with its path (for messages) and text.
pub const FILES: &[(&str, &str)] = &[
    ("data/quotes/fr/frames.txt", FRAMES_FR),
    ("data/quotes/en/frames.txt", FRAMES_EN),
    ("data/quotes/fr/speech_verbs.txt", SPEECH_VERBS_FR),
    ("data/quotes/en/speech_verbs.txt", SPEECH_VERBS_EN),
    ("data/quotes/fr/introducers.txt", include_str!("../../data/quotes/fr/introducers.txt")),
    ("data/quotes/en/introducers.txt", include_str!("../../data/quotes/en/introducers.txt")),
];

/// The frames whose logic is no sequence of slots: each is a named strategy, and its line's
/// pattern only describes it (the loader checks it is the one below).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    Incise,
    ClauseThenCue,
    NextQuote,
    QuoteParagraph,
    SameParagraph,
    SubjectBefore,
}

/// An attribution frame: a pattern of slots that [`grammar`] runs, or a named strategy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Frame {
    Slots(grammar::Pattern),
    Strategy(Strategy),
}

/// Each strategy with its name in the frames files and the shape it reads.
const STRATEGIES: &[(Strategy, &str, &str)] = &[
    (Strategy::Incise, "incise", "QUOTE_START COMMA CUE(verb) SPEAKER COMMA QUOTE_END"),
    (Strategy::ClauseThenCue, "clause_then_cue", "QUOTE COMMA CLAUSE COMMA CUE(verb,inverted) SPEAKER END"),
    (Strategy::NextQuote, "next_quote", "QUOTE OTHER_QUOTE COMMA CUE(verb) SPEAKER"),
    (Strategy::QuoteParagraph, "quote_paragraph", "PREVIOUS NEWLINE QUOTE"),
    (Strategy::SameParagraph, "same_paragraph", "PREVIOUS CLAUSE QUOTE"),
    (Strategy::SubjectBefore, "subject_before", "SUBJECT CLAUSE PERIOD QUOTE"),
];

/// One line of a frames file: its name and frame, and its example with the speaker it must
/// give (the example and speaker are read by the tests, which run every example).
#[derive(Debug)]
#[cfg_attr(not(test), allow(dead_code))]
pub struct FrameLine {
    pub name: String,
    pub frame: Frame,
    /// A real-shape text ("\n" stands for a line break).
    pub example: String,
    /// None for "-": the example's quotes have no speaker.
    pub speaker: Option<String>,
}

/// One line of a frames file: `Ok(None)` for a comment or a blank line.
pub fn parse_frame(line: &str) -> Result<Option<FrameLine>, String> {
    let line = line.trim_end();
    if line.trim().is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let fields: Vec<&str> = line.split('\t').collect();
    let [name, pattern, example, speaker] = fields[..] else {
        return Err("expected NAME<TAB>PATTERN<TAB>EXAMPLE<TAB>SPEAKER".into());
    };
    let name = name.trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Err(format!("bad name {name:?} (lowercase and _)"));
    }
    let pattern = pattern.replace(", ", ",").split_whitespace().collect::<Vec<_>>().join(" ");
    let frame = match STRATEGIES.iter().find(|(_, n, _)| *n == name) {
        Some(&(strategy, _, reads)) if pattern == reads => Frame::Strategy(strategy),
        Some(&(_, _, reads)) => return Err(format!("{name} reads {reads:?}, not {pattern:?}")),
        None => Frame::Slots(grammar::parse(&pattern).map_err(|e| format!("{name}: {e}"))?),
    };
    if example.trim().is_empty() || speaker.trim().is_empty() {
        return Err(format!("{name}: an example and its speaker (or -) are required"));
    }
    let speaker = (speaker.trim() != "-").then(|| speaker.trim().to_string());
    Ok(Some(FrameLine { name: name.to_string(), frame, example: example.replace("\\n", "\n"), speaker }))
}

/// The frames of a frames file, in its order (malformed lines are left out; the tests reject
/// them).
pub fn read_frames(text: &str) -> Vec<Frame> {
    text.lines().filter_map(|l| parse_frame(l).ok().flatten()).map(|l| l.frame).collect()
}

/// The frames of `lang`, in the order its file gives (French for other languages).
pub fn order(lang: Lang) -> &'static [Frame] {
    static FR: OnceLock<Vec<Frame>> = OnceLock::new();
    static EN: OnceLock<Vec<Frame>> = OnceLock::new();
    let (cell, text) = match lang {
        Lang::En => (&EN, FRAMES_EN),
        _ => (&FR, FRAMES_FR),
    };
    cell.get_or_init(|| read_frames(text))
}

/// Where an introducer and its speaker may stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Places {
    /// Before the opening mark: "selon X, « … »".
    pub before: bool,
    /// After the closing mark: "« … », selon X".
    pub after: bool,
    /// Before the opening mark, only with the speaker phrase ending right before it on a comma.
    pub comma: bool,
}

#[derive(Debug)]
struct Introducer {
    /// Folded words ("d'apres", "according to" -> ["according", "to"]).
    words: Vec<String>,
    places: Places,
}

fn introducers() -> &'static [Introducer] {
    static TABLE: OnceLock<Vec<Introducer>> = OnceLock::new();
    TABLE.get_or_init(|| {
        FILES
            .iter()
            .filter(|(path, _)| path.ends_with("introducers.txt"))
            .flat_map(|(_, text)| text.lines())
            .filter_map(|line| parse_introducer(line).ok().flatten())
            .collect()
    })
}

/// One line of an introducers file: `Ok(None)` for a comment or a blank line.
fn parse_introducer(line: &str) -> Result<Option<Introducer>, String> {
    let line = line.trim_end();
    if line.trim().is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let (phrase, places) = line.split_once('\t').ok_or("expected PHRASE<TAB>PLACES")?;
    let words: Vec<String> =
        crate::text::fold(phrase.trim()).split_whitespace().map(str::to_string).collect();
    if words.is_empty() || words.iter().any(|w| !w.chars().all(|c| c.is_alphabetic() || c == '\'')) {
        return Err(format!("bad phrase {phrase:?}"));
    }
    let mut p = Places::default();
    for place in places.split(',') {
        match place.trim() {
            "before" => p.before = true,
            "after" => p.after = true,
            "comma" => p.comma = true,
            other => return Err(format!("unknown place {other:?} (before, after, comma)")),
        }
    }
    Ok(Some(Introducer { words, places: p }))
}

/// One line of a speech verbs file: a lemma (optionally "se "/"s'"), then optionally a colon
/// and its irregular forms, each one word.
#[cfg(test)]
fn check_verb_line(line: &str) -> Result<(), String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(());
    }
    let (lemma, forms) = match line.split_once(':') {
        Some((l, f)) => (l.trim(), Some(f)),
        None => (line, None),
    };
    let lemma = lemma.strip_prefix("se ").or_else(|| lemma.strip_prefix("s'")).unwrap_or(lemma);
    let word =
        |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’');
    if !word(lemma) {
        return Err(format!("bad lemma {lemma:?}"));
    }
    if let Some(forms) = forms {
        if forms.split_whitespace().next().is_none() {
            return Err("a colon with no forms after it".into());
        }
        if let Some(bad) = forms.split_whitespace().find(|f| !word(f)) {
            return Err(format!("bad form {bad:?}"));
        }
    }
    Ok(())
}

/// Problems in one quote data file: a header naming its source and licence, and well-formed
/// lines.
#[cfg(test)]
pub fn check_file(path: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let header: String = text.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join(" ");
    if !header.contains("Source:") || !header.to_lowercase().contains("licence") {
        problems.push(format!("{path}: the header must name its Source: and licence"));
    }
    let introducers = path.ends_with("introducers.txt");
    let frames = path.ends_with("frames.txt");
    let mut seen = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let r = if frames {
            parse_frame(line).and_then(|f| match f {
                Some(f) if seen.contains(&f.name) => Err(format!("{} twice", f.name)),
                Some(f) => {
                    seen.push(f.name);
                    Ok(())
                }
                None => Ok(()),
            })
        } else if introducers {
            parse_introducer(line).map(|_| ())
        } else {
            check_verb_line(line)
        };
        if let Err(e) = r {
            problems.push(format!("{path}:{}: {e}", n + 1));
        }
    }
    problems
}

/// Tokens an introducer's words take from token `i` (folded "d'" + "apres" or "d'apres").
fn match_words(ctx: &Ctx, i: usize, words: &[String]) -> Option<usize> {
    let mut k = i;
    for w in words {
        if ctx.f(k) == w {
            k += 1;
        } else if let Some((head, tail)) = w.split_once('\'') {
            if ctx.f(k).strip_suffix('\'') == Some(head) && ctx.f(k + 1) == tail {
                k += 2;
            } else {
                return None;
            }
        } else {
            return None;
        }
    }
    Some(k - i)
}

/// The introducer starting at token `i`, if any: its places and the number of tokens it takes.
pub fn introducer_at(ctx: &Ctx, i: usize) -> Option<(Places, usize)> {
    if i >= ctx.len() || !ctx.is_word(i) {
        return None;
    }
    introducers().iter().find_map(|x| match_words(ctx, i, &x.words).map(|n| (x.places, n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quote_data_file_is_well_formed() {
        let problems: Vec<String> = FILES.iter().flat_map(|(p, t)| check_file(p, t)).collect();
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(introducers().len() >= 4);
    }

    #[test]
    fn malformed_entries_are_rejected() {
        let head = "# Source: test; licence: MIT\n";
        assert_eq!(check_file("x/introducers.txt", &format!("{head}selon\tbefore\n")), Vec::<String>::new());
        assert_eq!(check_file("x/introducers.txt", &format!("{head}selon before\n")).len(), 1);
        assert_eq!(check_file("x/introducers.txt", &format!("{head}selon\tabove\n")).len(), 1);
        assert_eq!(check_file("x/introducers.txt", &format!("{head}sel0n\tbefore\n")).len(), 1);
        assert_eq!(
            check_file("x/speech_verbs.txt", &format!("{head}dire: dit disait\n")),
            Vec::<String>::new()
        );
        assert_eq!(check_file("x/speech_verbs.txt", &format!("{head}dire:\n")).len(), 1);
        assert_eq!(check_file("x/speech_verbs.txt", &format!("{head}dire dit\n")).len(), 1);
        assert_eq!(check_file("x/speech_verbs.txt", "dire\n").len(), 1, "no header");
        let frame = "next_quote\tQUOTE OTHER_QUOTE COMMA CUE(verb) SPEAKER\t« Non » et « jamais », dit-il.\t-\n";
        assert_eq!(check_file("x/frames.txt", &format!("{head}{frame}")), Vec::<String>::new());
        let bad = [
            "next_quote\tQUOTE OTHER_QUOTE COMMA CUE(verb) SPEAKER\n",
            "next_quotes\tQUOTE OTHER_QUOTE COMMA CUE(verb) SPEAKER\tx\t-\n",
            "next_quote\tQUOTE COMMA CUE(verb) SPEAKER\tx\t-\n",
            "next_quote\tQUOTE OTHER_QUOTE COMMA CUE(verbs) SPEAKER\tx\t-\n",
            "next_quote\tQUOTE OTHER_QUOTE COMMA CUE(verb) SPEAKER\t \t-\n",
        ];
        for line in bad {
            assert_eq!(check_file("x/frames.txt", &format!("{head}{line}")).len(), 1, "{line}");
        }
        assert_eq!(check_file("x/frames.txt", &format!("{head}{frame}{frame}")).len(), 1, "twice");
    }

    #[test]
    fn every_strategy_is_a_frame_of_each_language() {
        for lang in [Lang::Fr, Lang::En] {
            let frames = order(lang);
            assert!(frames.len() > STRATEGIES.len(), "{lang:?}");
            for &(strategy, name, _) in STRATEGIES {
                assert!(frames.contains(&Frame::Strategy(strategy)), "{lang:?} {name}");
            }
        }
    }
}
