//! The publication date when the caller gives none: read from a dateline or a stamp
//! ("Publié le 3 mars 2023", "date 2025-06", a date alone on a line near the top), else inferred
//! from the text's own constraints (the latest full date it reports, "hier jeudi").

use super::grammar::{DateExpr, Dir, Rel, Scanner};
use super::lexicon::{data_lines, lexicon, Word};
use crate::analysis::{Lang, ReferenceDate, ReferenceDateSource};
use crate::calendar::{CivilDate, Weekday};
use crate::structure::Structure;
use crate::text::{fold, Span};
use std::sync::OnceLock;

/// Lines after this many non-blank ones are not searched for a dateline alone on its line.
const TOP_LINES: usize = 12;

/// Words a dateline may carry besides the date ("Publié le … à 10h30 GMT"), from
/// `data/dates/stamp_words.txt`.
fn stamp_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| data_lines(include_str!("../../data/dates/stamp_words.txt")).collect())
}

/// What a line says about the expression on it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Stamp {
    /// "Mis à jour le …", "Updated …": a fallback.
    Updated,
    /// A dateline near the top: the date alone on its line, or after a place or a byline.
    Alone,
    /// "Publié le …", "Published …", "date …".
    Published,
}

/// The full explicit date an expression names ("29 février 2024", "2025-06-23").
fn full_date(e: &DateExpr) -> Option<CivilDate> {
    match (e.rel, e.day, e.month, e.year) {
        (Rel::Absolute, Some(d), Some(m), Some(y)) => CivilDate::new(y, m, d),
        _ => None,
    }
}

/// The line around `span`, looked for at most `LINE_REACH` bytes each side: a longer line comes
/// back cut, which is all the callers need to know (and keeps the finder linear).
fn line_around(text: &str, span: Span) -> (usize, usize) {
    const LINE_REACH: usize = 4 * STAMP_WINDOW;
    let bytes = text.as_bytes();
    let lo = span.start.saturating_sub(LINE_REACH);
    let hi = (span.end + LINE_REACH).min(text.len());
    let start = bytes
        .get(lo..span.start)
        .and_then(|b| b.iter().rposition(|&c| c == b'\n'))
        .map_or(lo, |k| lo + k + 1);
    let end =
        bytes.get(span.end..hi).and_then(|b| b.iter().position(|&c| c == b'\n')).map_or(hi, |k| span.end + k);
    (start, end)
}

/// At most this many bytes each side of a date are read to classify its line (keeps the finder
/// linear on a text without line breaks).
const STAMP_WINDOW: usize = 64;

/// The text of `text[from..to]` cut to its last (`tail`) or first `max` bytes on char boundaries.
fn clipped(text: &str, from: usize, to: usize, max: usize, tail: bool) -> &str {
    let (mut a, mut b) = (from, to);
    if b.saturating_sub(a) > max {
        if tail {
            a = b - max;
            while a < b && !text.is_char_boundary(a) {
                a += 1;
            }
        } else {
            b = a + max;
            while b > a && !text.is_char_boundary(b) {
                b -= 1;
            }
        }
    }
    text.get(a..b).unwrap_or("")
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold).collect()
}

/// How the line around `e` marks it as the publication date, if it does.
fn stamp(text: &str, e: &DateExpr, line_no: usize) -> Option<Stamp> {
    let (ls, le) = line_around(text, e.span);
    let before_raw = clipped(text, ls, e.span.start, STAMP_WINDOW, true);
    let after_raw = clipped(text, e.span.end, le, STAMP_WINDOW, false);
    let wb = words(before_raw);
    // The last words before the date: "Publié le", "Mis à jour le", "date :", "Published".
    let tail: Vec<&str> = wb.iter().rev().take(4).map(String::as_str).collect();
    let has = |w: &str| tail.contains(&w);
    if has("publie") || has("publiee") || has("published") || has("posted") || tail.first() == Some(&"date") {
        return Some(Stamp::Published);
    }
    if (has("mis") && has("jour")) || has("updated") || has("modifie") || has("maj") {
        return Some(Stamp::Updated);
    }
    if line_no >= TOP_LINES {
        return None;
    }
    // "Bamako, le 23 juin 2025 (AMAP) –", "Par Sikou Bah – 27/06/2025": a place or a byline
    // before the date at the start of a line near the top.
    let place =
        before_raw.trim_end().trim_end_matches(|c: char| c.is_alphabetic() && c.is_lowercase()).trim_end();
    let is_place = place.ends_with(',')
        && ls + before_raw.len() == e.span.start
        && before_raw.len() < STAMP_WINDOW
        && before_raw.len() > 1
        && place.split_whitespace().count() <= 4
        && place.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let at_line_start = ls + before_raw.len() == e.span.start;
    let is_byline =
        at_line_start && matches!(wb.first().map(String::as_str), Some("par" | "by")) && wb.len() <= 5;
    if is_place || is_byline {
        return Some(Stamp::Alone);
    }
    if le - ls > e.span.len() + 2 * STAMP_WINDOW {
        return None;
    }
    let stamp_word = |w: &String| {
        stamp_words().contains(&w.as_str()) || w.bytes().all(|b| b.is_ascii_digit() || b == b'h')
    };
    let wa = words(after_raw);
    wb.iter().chain(wa.iter()).all(stamp_word).then_some(Stamp::Alone)
}

/// Finds the reference date in the text (see the module docs).
pub fn find(s: &Scanner, structure: &Structure, exprs: &[DateExpr]) -> ReferenceDate {
    let text = s.doc.text;
    let dateline = |date: CivilDate, e: &DateExpr, why: &str| ReferenceDate {
        date: Some(date),
        source: ReferenceDateSource::Dateline,
        note: format!("{why} “{}”", e.span.slice(text)),
        evidence: Some(e.span),
    };
    // 1. The dateline the structure found.
    if let Some(line) = structure.metadata.dateline {
        if let Some((e, d)) =
            exprs.iter().filter(|e| line.contains(&e.span)).find_map(|e| Some((e, full_date(e)?)))
        {
            return dateline(d, e, "dateline");
        }
    }
    // 2. Stamps and dates alone on a line near the top; a month-only stamp is a hint. Boilerplate
    // is skipped, except the dateline itself (a scraped "date 2025-06" header is both).
    let in_dateline = |e: &DateExpr| structure.metadata.dateline.is_some_and(|l| l.contains(&e.span));
    let mut best: Option<(Stamp, &DateExpr, CivilDate)> = None;
    let mut month_hint: Option<(i32, u8, &DateExpr)> = None;
    // A dateline without its year ("NAIROBI, Oct 8 (Reuters) -").
    let mut yearless: Option<&DateExpr> = None;
    for e in exprs.iter().filter(|e| in_dateline(e) || !structure.is_boilerplate(e.span)) {
        let line_no = structure.blocks.partition_point(|b| b.span.end <= e.span.start);
        let Some(st) = stamp(text, e, line_no) else { continue };
        match (full_date(e), e.rel, e.month, e.year) {
            (Some(d), ..) if best.map_or(true, |(b, ..)| st > b) => {
                best = Some((st, e, d));
            }
            (None, Rel::Absolute, Some(m), Some(y)) if st == Stamp::Published && e.day.is_none() => {
                month_hint.get_or_insert((y, m, e));
            }
            (None, Rel::Absolute, Some(_), None) if e.day.is_some() && st != Stamp::Updated => {
                yearless.get_or_insert(e);
            }
            _ => {}
        }
    }
    if let Some((st, e, d)) = best {
        let why = match st {
            Stamp::Published => "publication stamp",
            Stamp::Alone => "dateline near the top",
            Stamp::Updated => "update stamp",
        };
        return dateline(d, e, why);
    }
    let body: Vec<DateExpr> = exprs.iter().filter(|e| !structure.is_boilerplate(e.span)).copied().collect();
    if let Some(found) = yearless.and_then(|e| year_of_dateline(s, e, &body)) {
        return found;
    }
    infer(s, &body, month_hint)
}

/// A dateline that gives day and month only: its year is the one nearest the latest year the
/// text names (up to six before, one after) where the day falls on the weekday the text reports
/// without a date ("Oct 8 … kept its rate on Tuesday"), or that latest year when no weekday is told.
fn year_of_dateline(s: &Scanner, e: &DateExpr, body: &[DateExpr]) -> Option<ReferenceDate> {
    let (day, month) = (e.day?, e.month?);
    let latest = body.iter().filter_map(|b| b.year).max()?;
    let told = body.iter().find_map(|b| match (b.rel, b.weekday) {
        (Rel::Weekday(Dir::Bare | Dir::This), Some(wd)) if !b.future => Some((wd, b)),
        _ => None,
    });
    let (date, why) = match told {
        Some((wd, b)) => {
            let date = (latest - 6..=latest + 1)
                .filter_map(|y| CivilDate::new(y, month, day))
                .filter(|c| c.weekday() == wd)
                .min_by_key(|c| ((c.year - latest).abs(), c.year > latest))?;
            (date, format!("the year where it falls on “{}”", b.span.slice(s.doc.text)))
        }
        None => (CivilDate::new(latest, month, day)?, format!("the latest year the text names ({latest})")),
    };
    Some(ReferenceDate {
        date: Some(date),
        source: ReferenceDateSource::Dateline,
        note: format!("dateline “{}” without its year, taken as {why}", e.span.slice(s.doc.text)),
        evidence: Some(e.span),
    })
}

/// The latest day the text reports as past (its year from the weekday when implicit), moved to
/// the weekday that cues like "hier jeudi" pin for the day of publication.
fn infer(s: &Scanner, exprs: &[DateExpr], month_hint: Option<(i32, u8, &DateExpr)>) -> ReferenceDate {
    let reported = |e: &&DateExpr| !e.future && !e.until;
    let ctx_year = month_hint
        .map(|(y, ..)| y)
        .or_else(|| exprs.iter().filter(reported).filter_map(full_date).map(|d| d.year).max());
    let mut candidates: Vec<(CivilDate, &DateExpr)> = Vec::new();
    for e in exprs.iter().filter(reported) {
        if e.rel != Rel::Absolute {
            continue;
        }
        let date = match (full_date(e), e.day, e.month, e.weekday, ctx_year) {
            (Some(d), ..) => Some(d),
            // "vendredi 5 août": the first year from the context on where 5 August is a Friday.
            (None, Some(d), Some(m), Some(wd), Some(y0)) => {
                (y0..=y0 + 7).filter_map(|y| CivilDate::new(y, m, d)).find(|c| c.weekday() == wd)
            }
            // "23 juin" under a "date 2025-06" stamp.
            (None, Some(d), Some(m), None, _) => {
                month_hint.filter(|&(_, hm, _)| hm == m).and_then(|(y, ..)| CivilDate::new(y, m, d))
            }
            _ => None,
        };
        if let Some(d) = date {
            candidates.push((d, e));
        }
    }
    if let Some((y, m, _)) = month_hint {
        if candidates.iter().any(|(d, _)| d.year == y && d.month == m) {
            candidates.retain(|(d, _)| d.year == y && d.month == m);
        }
    }
    let Some(&(base, base_e)) = candidates.iter().max_by_key(|(d, _)| *d) else {
        return ReferenceDate::none();
    };
    // "hier jeudi" puts publication on Friday; "aujourd'hui lundi" on Monday.
    // Failing that, "ce lundi" says publication is on or after that Monday.
    let pin = exprs
        .iter()
        .find_map(|e| match (e.rel, e.weekday) {
            (Rel::Day(n), Some(wd)) => {
                Some((Weekday::from_index((wd.index() as i32 - n).rem_euclid(7) as u8), e))
            }
            _ => None,
        })
        .or_else(|| {
            exprs.iter().find_map(|e| match (e.rel, e.weekday) {
                (Rel::Weekday(Dir::This), Some(wd)) if !e.future => Some((wd, e)),
                _ => None,
            })
        });
    let hint_note = month_hint.map_or(String::new(), |(y, m, _)| format!("the header gives {y:04}-{m:02}; "));
    let base_text = base_e.span.slice(s.doc.text);
    if let Some((wd, pin_e)) = pin {
        let fwd = (wd.index() + 7 - base.weekday().index()) % 7;
        if let Some(date) = base.add_days(i64::from(fwd)) {
            return ReferenceDate {
                date: Some(date),
                source: ReferenceDateSource::Inferred,
                note: format!(
                    "{hint_note}the latest reported day is “{base_text}” ({base}) and “{}” puts publication on the next {}",
                    pin_e.span.slice(s.doc.text),
                    weekday_name(wd)
                ),
                evidence: Some(pin_e.span),
            };
        }
    }
    ReferenceDate {
        date: Some(base),
        source: ReferenceDateSource::Inferred,
        note: format!("{hint_note}the latest day the text reports is “{base_text}” ({base})"),
        evidence: Some(base_e.span),
    }
}

/// The English name of `wd` for the note, capitalised ("Friday"), from the lexicon.
fn weekday_name(wd: Weekday) -> String {
    let name = lexicon().name(Lang::En, Word::Weekday(wd)).unwrap_or("?");
    let mut chars = name.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Lang, ReferenceDateSource as Src};
    use crate::document::Document;

    /// (language, text, expected reference date or "", expected source).
    const EXAMPLES: &[(Lang, &str, &str, Src)] = &[
        (Lang::Fr, "Titre\n\nJeudi 29 Février 2024\n\nCe mercredi 28 février, les ministres…", "2024-02-29", Src::Dateline),
        (Lang::Fr, "Titre\nPublié le 3 mars 2023 à 10h30\nMis à jour le 4 mars 2023\nTexte du 1er mars 2023.", "2023-03-03", Src::Dateline),
        (Lang::Fr, "Titre\nMis à jour le 4 mars 2023 à 08:00\nLe 1er mars 2023, il a parlé.", "2023-03-04", Src::Dateline),
        (Lang::Fr, "Le 03/03/2023 | 10h\nTexte.", "2023-03-03", Src::Dateline),
        (Lang::Fr, "Titre\nBamako, le 23 juin 2025 (AMAP) – Le président a reçu le 20 juin 2025 …", "2025-06-23", Src::Dateline),
        (Lang::Fr, "Bamako, le 12 mars 2024 (AMAP) – Le gouvernement a annoncé le 13 mars 2024 qu’il allait, comme prévu le 11 mars 2024, dissoudre les partis politiques du pays, une décision très attendue.", "2024-03-12", Src::Dateline),
        (Lang::Fr, "Titre\nPar Sikou BAH – 27/06/2025\nLe 23 juin 2025, trois accords…", "2025-06-27", Src::Dateline),
        (Lang::Fr, "Titre\nLe Mali, la Russie et le 23 juin 2025 ont … \nAutre 1er juillet 2025.", "2025-07-01", Src::Inferred),
        (Lang::En, "Headline\nPublished March 3, 2023\nOn March 1, 2023, he spoke.", "2023-03-03", Src::Dateline),
        (Lang::En, "Headline\nUpdated: 2023-03-05 10:00 GMT\nOn March 1, 2023, he spoke.", "2023-03-05", Src::Dateline),
        // A month-only header, with the day from the text.
        (Lang::Fr, " date 2025-06 Une délégation a été reçue lundi 23 juin au Kremlin.", "2025-06-23", Src::Inferred),
        // The latest reported day; a future limit does not count.
        (Lang::Fr, "reçu lundi 23 juin 2025 au Kremlin. Il est attendu jusqu’au jeudi 26 juin.", "2025-06-23", Src::Inferred),
        // "hier jeudi" moves publication to the Friday after the latest reported day.
        (Lang::Fr, "parti le samedi 21 juin 2025, reçu le lundi 23 juin; la visite a pris fin hier jeudi.", "2025-06-27", Src::Inferred),
        // The weekday picks the year of "vendredi 5 août" after the latest explicit year.
        (Lang::Fr, "la junte de 2021, le 28 mai 2021. Ils ont annoncé vendredi 5 août un accord.", "2022-08-05", Src::Inferred),
        (Lang::En, "He took office on May 28, 2021. On Friday, August 5, they announced it.", "2022-08-05", Src::Inferred),
        // A dateline without its year: the year where its day falls on the weekday reported.
        (Lang::En, "Headline, eyes easing in 2025\n\nNAIROBI, Oct 8 (Reuters) - The bank kept its rate on Tuesday.", "2024-10-08", Src::Dateline),
        // Nothing to go on: no reference, and relative dates get no value.
        (Lang::Fr, "Le samedi 21 juin 2025, il part. Ce mardi, il a signé.", "2025-06-24", Src::Inferred),
        (Lang::Fr, "Hier, il a parlé. Depuis 2012, le pays souffre.", "", Src::None),
    ];

    #[test]
    fn reference_examples() {
        let mut failures = Vec::new();
        for &(lang, text, want, source) in EXAMPLES {
            let doc = Document::new(text, lang);
            let structure = crate::structure::analyze(&doc);
            let (r, dates) = super::super::analyze(&doc, &structure, None);
            let got = r.date.map_or(String::new(), |d| d.to_string());
            if got != want || r.source != source {
                failures
                    .push(format!("{text:?}: want {want} {source:?}, got {got} {:?} ({})", r.source, r.note));
            }
            if r.date.is_none() {
                assert!(dates.iter().filter(|d| d.span.slice(text) == "Hier").all(|d| d.value.is_none()));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
