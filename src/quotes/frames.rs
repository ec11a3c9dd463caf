//! Attribution data read from `data/quotes/{fr,en}/`: the introducers ("selon", "d'après",
//! "according to") with the places they may take around a quote, and a checker for every
//! quote data file (speech verbs and introducers), run by the tests, so that a malformed line
//! fails the build's test run instead of being skipped silently.

use super::context::Ctx;
use std::sync::OnceLock;

pub const SPEECH_VERBS_FR: &str = include_str!("../../data/quotes/fr/speech_verbs.txt");
pub const SPEECH_VERBS_EN: &str = include_str!("../../data/quotes/en/speech_verbs.txt");

/// Every quote data file, with its path (for messages) and text.
pub const FILES: &[(&str, &str)] = &[
    ("data/quotes/fr/speech_verbs.txt", SPEECH_VERBS_FR),
    ("data/quotes/en/speech_verbs.txt", SPEECH_VERBS_EN),
    ("data/quotes/fr/introducers.txt", include_str!("../../data/quotes/fr/introducers.txt")),
    ("data/quotes/en/introducers.txt", include_str!("../../data/quotes/en/introducers.txt")),
];

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
    for (n, line) in text.lines().enumerate() {
        let r = if introducers { parse_introducer(line).map(|_| ()) } else { check_verb_line(line) };
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
    }
}
