//! Line shapes that give the article's metadata: datelines ("Jeudi 29 Février 2024",
//! "Publié le 3 mars 2023 à 10h", "date 2025-06"), bylines ("Par Jean Dupont", "By Jane Doe",
//! a lone name after the last paragraph) and source lines ("Source : Info Matin").
//! Recognition only: the dates module resolves the dateline to a calendar value.

use crate::text::fold;
use crate::words::{months, weekday_abbreviations, weekdays, word_list, WordList};

/// Labels that name a publication date when they open a line ("Publié le", "Updated").
fn date_labels() -> &'static WordList {
    word_list!("structure/fr/date_labels.txt", "structure/en/date_labels.txt")
}

/// Fillers that may end a dateline (hours, time zones, a.m./p.m.).
fn date_trailers() -> &'static WordList {
    word_list!("structure/fr/date_trailers.txt", "structure/en/date_trailers.txt")
}

/// Words that may surround a date on a dateline: labels, prepositions, time zones.
fn date_filler(f: &str) -> bool {
    date_labels().contains(f)
        || date_trailers().contains(f)
        || word_list!("structure/fr/date_fillers.txt", "structure/en/date_fillers.txt").contains(f)
}

/// What [`scan_date`] found at the start of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateScan {
    /// Byte length of the date expression with its label, up to its last date word.
    pub len: usize,
    /// The scan read the whole line (only date words, labels and separators).
    pub whole: bool,
    /// Opens with a publication label ("Publié le", "date", "Updated").
    pub labelled: bool,
    /// A scraper's `key yyyy-mm[-dd]`: a lower-case key then an ISO date.
    pub machine: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Piece {
    Label,
    Weekday,
    Month,
    /// Digits, possibly with an ordinal or hour suffix ("1er", "3rd", "10h30").
    Number {
        digits: usize,
        year: bool,
    },
}

fn classify_word(w: &str) -> Option<Piece> {
    let folded = fold(w);
    let f = folded.as_str();
    if weekdays().contains(f) || weekday_abbreviations().contains(f) {
        return Some(Piece::Weekday);
    }
    if months().contains(f) {
        return Some(Piece::Month);
    }
    if date_filler(f) {
        return Some(Piece::Label);
    }
    let digits = f.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let rest = &f[digits..];
    let hour_minutes =
        rest.strip_prefix('h').is_some_and(|m| m.len() <= 2 && m.bytes().all(|b| b.is_ascii_digit()));
    let suffix =
        || word_list!("structure/fr/number_suffixes.txt", "structure/en/number_suffixes.txt").contains(rest);
    if rest.is_empty() || hour_minutes || suffix() {
        let year = digits == 4 && rest.is_empty() && matches!(f[..4].parse::<u32>(), Ok(1900..=2100));
        return Some(Piece::Number { digits, year });
    }
    None
}

/// Reads a date expression at the start of `line`. `None` when the line does not open with one.
pub fn scan_date(line: &str) -> Option<DateScan> {
    if line.len() > 400 {
        // Datelines are short; only a prefix of a long line is read.
        let mut cut = 200;
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        return scan_date(&line[..cut]).map(|s| DateScan { whole: false, ..s });
    }
    let (mut month, mut weekday, mut numbers, mut year) = (false, false, 0usize, false);
    let mut labelled = None;
    let mut first_word: Option<&str> = None;
    let mut last_value_end = 0;
    let mut whole = true;
    let mut iso = false;
    let mut prev_number_year = false;
    let mut prev_dash = false;
    let mut dangling = false;
    let mut chars = line.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = line.len();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphanumeric() {
                    end = j;
                    break;
                }
                chars.next();
            }
            let word = &line[i..end];
            let Some(piece) = classify_word(word) else {
                whole = false;
                break;
            };
            if first_word.is_none() {
                first_word = Some(word);
                labelled = Some(date_labels().contains(&fold(word)));
            }
            match piece {
                Piece::Label => {}
                Piece::Weekday => weekday = true,
                Piece::Month => month = true,
                Piece::Number { digits, year: y } => {
                    numbers += 1;
                    year |= y;
                    if prev_number_year && prev_dash && digits <= 2 {
                        iso = true;
                    }
                    prev_number_year = y;
                }
            }
            if !matches!(piece, Piece::Number { .. }) {
                prev_number_year = false;
            }
            prev_dash = false;
            if piece != Piece::Label {
                last_value_end = end;
                dangling = false;
            } else if last_value_end > 0 {
                dangling |= !date_trailers().contains(&fold(word));
            }
            continue;
        }
        if matches!(c, ',' | '-' | '/' | ':' | '.' | '|' | '–' | '—' | '(' | ')' | '·' | '•') {
            prev_dash = c == '-';
            chars.next();
            continue;
        }
        whole = false;
        break;
    }
    let anchored = ((month || weekday) && numbers >= 1) || (numbers >= 2 && year);
    if !anchored || last_value_end == 0 {
        return None;
    }
    let labelled = labelled.unwrap_or(false);
    let machine = iso
        && !month
        && !weekday
        && first_word.is_some_and(|w| {
            word_list!("structure/en/date_keys.txt").contains(w)
                || w.starts_with(|c: char| c.is_ascii_digit())
        });
    // A whole line must end on a date word, not on a dangling label ("Lundi 3 mars à").
    let whole = whole && !dangling;
    Some(DateScan { len: last_value_end, whole, labelled, machine })
}

/// A line that is a dateline and nothing else.
pub fn is_dateline(line: &str) -> Option<DateScan> {
    scan_date(line).filter(|s| s.whole)
}

/// A word of a person's (or agency's) name: capitalised, letters and joiners only.
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    first.is_uppercase()
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 1
}

/// `words` as a name: 1 to 5 words, capitalised but for particles inside.
fn as_name(words: &[&str]) -> Option<String> {
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    let last = words.len() - 1;
    for (k, w) in words.iter().enumerate() {
        let particle =
            k > 0 && k < last && word_list!("structure/byline_particles.txt").contains(&w.to_lowercase());
        if !(is_name_word(w) || particle) {
            return None;
        }
    }
    Some(words.join(" "))
}

/// Names in "Jean Dupont et Marie Curie", "Jane Doe, John Roe and Ann Poe".
fn names(s: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let normalized = s
        .replace(" et ", ",")
        .replace(" and ", ",")
        .replace(" & ", ",")
        .replace(" ET ", ",")
        .replace(" AND ", ",");
    for part in normalized.split(',') {
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        out.push(as_name(&words)?);
    }
    (!out.is_empty()).then_some(out)
}

/// The authors of a byline such as "PAR SIKOU BAH", "Par Jean Dupont, envoyé spécial à Moscou",
/// "By Jane Doe and John Roe".
pub fn parse_byline(line: &str) -> Option<Vec<String>> {
    if line.len() > 160 {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 2 || words.len() > 16 {
        return None;
    }
    let lead: Vec<String> = words.iter().take(3).map(|w| fold(w)).collect();
    let skip = match lead.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["par" | "by", ..] => 1,
        [verb, "par" | "by", ..]
            if word_list!("structure/fr/byline_verbs.txt", "structure/en/byline_verbs.txt")
                .contains(verb) =>
        {
            2
        }
        ["propos", "recueillis", "par"] => 3,
        _ => return None,
    };
    let rest = words[skip..].join(" ");
    // The names run to the first separator that is not a list comma: " - ", " | ", "(", ", envoyé…".
    let head = rest.split(['|', '(', '/', '—', '–']).next().unwrap_or("");
    let head = head.split(" - ").next().unwrap_or("").trim();
    // Keep leading comma-separated parts while they are names; the rest is a role or place.
    let mut kept = Vec::new();
    for (k, part) in head.split(',').enumerate() {
        match names(part) {
            Some(n) => kept.extend(n),
            None if k == 0 => return None,
            None => break,
        }
    }
    (!kept.is_empty()).then_some(kept)
}

/// The outlet of a credit line such as "Source : Info Matin" or "Source: Reuters".
pub fn parse_source(line: &str) -> Option<String> {
    if line.len() > 120 {
        return None;
    }
    let (label, rest) = line.split_once(':')?;
    if !matches!(fold(label.trim()).as_str(), "source" | "sources") {
        return None;
    }
    let rest = rest.trim().trim_end_matches(['.', ',', ';']).trim();
    let words = rest.split_whitespace().count();
    (1..=8).contains(&words).then(|| rest.to_string())
}

/// A line that is only a person's name ("Médard Clobechi"), as signed after the last paragraph.
pub fn parse_lone_name(line: &str) -> Option<String> {
    if line.len() > 60 {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || words.iter().any(|w| w.ends_with('.') && w.chars().count() > 2) {
        return None;
    }
    as_name(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        // (line, whole-line dateline, machine metadata)
        let cases: &[(&str, bool, bool)] = &[
            ("Jeudi 29 Février 2024", true, false),
            ("Publié le 3 mars 2023 à 10h", true, false),
            ("Mis à jour le 3 mars 2023 à 10h45", true, false),
            ("Published March 3, 2023 at 10:45 a.m. ET", true, false),
            ("Updated: 10:45 GMT, 3 March 2023", true, false),
            ("date 2025-06", true, true),
            ("2025-06-23", true, true),
            ("29/02/2024", true, false),
            ("lundi 1er juillet 2024 - 08h12", true, false),
        ];
        for &(line, whole, machine) in cases {
            let scan = scan_date(line).unwrap_or_else(|| panic!("no date in {line}"));
            assert_eq!((scan.whole, scan.machine), (whole, machine), "{line}");
        }
        for line in [
            "Le président a été reçu lundi 23 juin au Kremlin.",
            "En 2021, Assimi Goïta",
            "Menu",
            "",
            "Lundi",
            "mars",
            "2024",
        ] {
            assert!(is_dateline(line).is_none(), "{line}");
        }
    }

    #[test]
    fn scraped_header_prefix() {
        let line = "date 2025-06 Une délégation malienne a été reçue lundi au Kremlin.";
        let scan = scan_date(line).unwrap();
        assert_eq!(&line[..scan.len], "date 2025-06");
        assert!(scan.labelled && scan.machine && !scan.whole);
    }

    #[test]
    fn bylines() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("PAR SIKOU BAH", Some(&["SIKOU BAH"])),
            ("Par Jean Dupont", Some(&["Jean Dupont"])),
            ("By Jane Doe", Some(&["Jane Doe"])),
            ("Par Jean Dupont et Marie-Claire de La Tour", Some(&["Jean Dupont", "Marie-Claire de La Tour"])),
            ("By Jane Doe, John Roe and Ann Poe", Some(&["Jane Doe", "John Roe", "Ann Poe"])),
            ("Par Jean Dupont, envoyé spécial à Moscou", Some(&["Jean Dupont"])),
            ("Propos recueillis par Awa Traoré", Some(&["Awa Traoré"])),
            ("Par ailleurs, ce déplacement diplomatique survient quelques jours après", None),
            ("By the time the talks ended, nothing was agreed.", None),
            ("Par", None),
        ];
        for &(line, want) in cases {
            let got = parse_byline(line);
            assert_eq!(
                got.as_deref().map(|v| v.iter().map(String::as_str).collect::<Vec<_>>()),
                want.map(|w| w.to_vec()),
                "{line}"
            );
        }
    }

    #[test]
    fn sources_and_lone_names() {
        assert_eq!(parse_source("Source : Info Matin").as_deref(), Some("Info Matin"));
        assert_eq!(parse_source("Source: Reuters.").as_deref(), Some("Reuters"));
        assert_eq!(
            parse_source(
                "La source : un diplomate qui a requis l’anonymat et qui parle depuis Bamako ce matin"
            ),
            None
        );
        assert_eq!(parse_lone_name("Médard Clobechi").as_deref(), Some("Médard Clobechi"));
        assert_eq!(parse_lone_name("Affaire à suivre"), None);
        assert_eq!(parse_lone_name("Menu"), None);
        assert_eq!(parse_lone_name("AUTRES INFOS").as_deref(), Some("AUTRES INFOS"));
        // the classifier rules it out by position
    }
}
