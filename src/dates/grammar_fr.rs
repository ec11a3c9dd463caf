//! French date expressions: "lundi 23 juin 2025", "le 1er mars", "ce mercredi", "hier jeudi",
//! "la veille", "en août 2020", "l'an dernier", "23/06/2025", bare years ("depuis 2012").
//! Each family keeps its examples in the table test at the bottom.

use super::grammar::{push, Class, DateExpr, Dir, Key, Rel, Scanner};
use super::lexicon::Word;

/// Day, month and optional year from `i`: "23 juin", "1er mars 2024", "3 janv. 2024".
fn day_month(s: &Scanner, i: usize) -> Option<DateExpr> {
    let day = s.day(i)?;
    if !s.same_line(i + 1) {
        return None;
    }
    let (month, abbr) = s.month(i + 1)?;
    let mut last = s.after_abbr_dot(i + 1, abbr);
    let mut e = DateExpr::new(i, last);
    e.day = Some(day);
    e.month = Some(month);
    if let Some(y) = s.year_after(last + 1) {
        last += 1;
        e.year = Some(y);
        e.last = last;
    }
    Some(e)
}

/// A weekday, a day-month or both: "jeudi", "jeudi 26 juin", "samedi 21 juin 2025".
fn weekday_date(s: &Scanner, i: usize) -> Option<DateExpr> {
    if let Some(wd) = s.weekday(i) {
        let mut j = i + 1;
        if s.punct(j) == Some(',') && s.same_line(j) {
            j += 1;
        }
        if s.same_line(j) {
            if let Some(mut e) = day_month(s, j) {
                e.first = i;
                e.weekday = Some(wd);
                return Some(e);
            }
        }
        let mut e = DateExpr::new(i, i);
        e.weekday = Some(wd);
        e.rel = Rel::Weekday(Dir::Bare);
        if s.same_line(i + 1) {
            match s.key(i + 1) {
                Some(Key::Last) => (e.rel, e.last) = (Rel::Weekday(Dir::Last), i + 1),
                Some(Key::Next) => (e.rel, e.last) = (Rel::Weekday(Dir::Next), i + 1),
                _ => {}
            }
        }
        return Some(e);
    }
    day_month(s, i)
}

/// A month with a year ("août 2020"), or alone after "en", "début", "mi-", "depuis", "mois de".
fn month_year(s: &Scanner, i: usize) -> Option<DateExpr> {
    let (month, abbr) = s.month(i)?;
    let last = s.after_abbr_dot(i, abbr);
    let mut e = DateExpr::new(i, last);
    e.month = Some(month);
    if let Some(y) = s.year_after(last + 1) {
        e.year = Some(y);
        e.last = last + 1;
        return Some(e);
    }
    // "avril dernier", "mai prochain": `lean` takes the word in.
    if s.same_line(last + 1) && matches!(s.key(last + 1), Some(Key::Last | Key::Next)) && !abbr {
        return Some(e);
    }
    let prev = i.checked_sub(1)?;
    let led = match s.key(prev) {
        // "entre janvier et avril"
        Some(Key::In | Key::Since | Key::MonthLead | Key::Until | Key::RangeStart) => true,
        // "en juin et juillet": the second month of a pair
        _ if s.coordinated_month(i) => true,
        // "le mois de juin", "à partir de juin"
        Some(Key::Of) => prev > 0 && matches!(s.key(prev - 1), Some(Key::Month | Key::Until)),
        // "mi-juin"
        None => s.punct(prev) == Some('-') && prev > 0 && s.is_key(prev - 1, Key::MonthLead),
        _ => false,
    };
    (led && !abbr && s.same_line(i)).then_some(e)
}

/// The expression starting at token `i`, if any (one, or two for "du 21 au 26 juin").
pub fn match_at(s: &Scanner, i: usize, out: &mut Vec<DateExpr>) -> Option<usize> {
    let next_line = |k: usize| s.same_line(k);
    match s.class(i) {
        Class::Word(Word::Key(key)) => {
            let rel = |e: &mut DateExpr, r: Rel, last: usize| {
                e.rel = r;
                e.last = last;
            };
            match key {
                Key::Yesterday | Key::Today | Key::Tomorrow => {
                    let off = match key {
                        Key::Yesterday => -1,
                        Key::Today => 0,
                        _ => 1,
                    };
                    Some(push(s, out, with_day_offset(s, i, i, off)))
                }
                // "avant-hier", "après-demain"
                Key::Before | Key::After
                    if s.punct(i + 1) == Some('-') && s.glued(i + 1) && s.glued(i + 2) =>
                {
                    let off = match (key, s.key(i + 2)) {
                        (Key::Before, Some(Key::Yesterday)) => -2,
                        (Key::After, Some(Key::Tomorrow)) => 2,
                        _ => return None,
                    };
                    Some(push(s, out, with_day_offset(s, i, i + 2, off)))
                }
                // "la nuit dernière": the night before the day of publication
                Key::La
                    if next_line(i + 1)
                        && next_line(i + 2)
                        && s.is_key(i + 1, Key::DayPart)
                        && s.is_key(i + 2, Key::Last) =>
                {
                    let mut e = DateExpr::new(i, i + 2);
                    e.rel = Rel::Day(-1);
                    Some(push(s, out, e))
                }
                Key::La if next_line(i + 1) && s.is_key(i + 1, Key::Eve) => {
                    let mut e = DateExpr::new(i, i + 1);
                    rel(&mut e, Rel::Anchor(-1), i + 1);
                    Some(push(s, out, e))
                }
                Key::L
                    if next_line(i + 1)
                        && s.is_key(i + 1, Key::Before)
                        && s.punct(i + 2) == Some('-')
                        && s.is_key(i + 3, Key::Eve) =>
                {
                    let mut e = DateExpr::new(i, i + 3);
                    e.rel = Rel::Anchor(-2);
                    Some(push(s, out, e))
                }
                Key::The if next_line(i + 1) => match s.key(i + 1) {
                    Some(Key::MorningAfter) => {
                        let mut e = DateExpr::new(i, i + 1);
                        e.rel = Rel::Anchor(1);
                        Some(push(s, out, e))
                    }
                    Some(Key::TwoDaysAfter) => {
                        let mut e = DateExpr::new(i, i + 1);
                        e.rel = Rel::Anchor(2);
                        Some(push(s, out, e))
                    }
                    // "le même jour": the day of the previous date
                    Some(Key::Same) if next_line(i + 2) && s.is_key(i + 2, Key::Day) => {
                        let mut e = DateExpr::new(i, i + 2);
                        e.rel = Rel::Anchor(0);
                        Some(push(s, out, e))
                    }
                    // "le mois dernier", "le mois prochain"
                    Some(Key::Month) if next_line(i + 2) => {
                        let off = match s.key(i + 2) {
                            Some(Key::Last) => -1,
                            Some(Key::Next) => 1,
                            _ => return None,
                        };
                        let mut e = DateExpr::new(i, i + 2);
                        e.rel = Rel::Month(off);
                        Some(push(s, out, e))
                    }
                    _ => {
                        // "le samedi 21 juin 2025", "le 28 mai 2021"
                        let e = weekday_date(s, i + 1)?;
                        if e.day.is_none() {
                            // "le dimanche" without a day number is a habit ("il venait le
                            // dimanche"), not a date: skip the weekday.
                            return s.weekday(i + 1).map(|_| e.last + 1);
                        }
                        Some(push(s, out, DateExpr { first: i, ..e }))
                    }
                },
                // "l'an dernier", "l'année prochaine"
                Key::L if next_line(i + 1) && s.is_key(i + 1, Key::Year) && next_line(i + 2) => {
                    let off = match s.key(i + 2) {
                        Some(Key::Last) => -1,
                        Some(Key::Next) => 1,
                        _ => return None,
                    };
                    let mut e = DateExpr::new(i, i + 2);
                    e.rel = Rel::Year(off);
                    Some(push(s, out, e))
                }
                // "cette année", "ce mois-ci", "ce mercredi", "ce lundi 23 juin 2025"
                Key::This | Key::Cette if next_line(i + 1) => {
                    if let Some(e) = this_day(s, i) {
                        return Some(push(s, out, e));
                    }
                    if s.is_key(i + 1, Key::Year) {
                        let mut e = DateExpr::new(i, i + 1);
                        e.rel = Rel::Year(0);
                        return Some(push(s, out, e));
                    }
                    if s.is_key(i + 1, Key::Month) {
                        let mut e = DateExpr::new(i, i + 1);
                        e.rel = Rel::Month(0);
                        if s.punct(i + 2) == Some('-') && s.glued(i + 2) && s.is_key(i + 3, Key::Ci) {
                            e.last = i + 3;
                        }
                        return Some(push(s, out, e));
                    }
                    let e = weekday_date(s, i + 1)?;
                    let e = DateExpr {
                        first: i,
                        rel: if e.rel == Rel::Weekday(Dir::Bare) { Rel::Weekday(Dir::This) } else { e.rel },
                        ..e
                    };
                    Some(push(s, out, e))
                }
                // "mois dernier" without its article ("au début du mois dernier")
                Key::Month if next_line(i + 1) => {
                    let off = match s.key(i + 1) {
                        Some(Key::Last) => -1,
                        Some(Key::Next) => 1,
                        _ => return None,
                    };
                    let mut e = DateExpr::new(i, i + 1);
                    e.rel = Rel::Month(off);
                    Some(push(s, out, e))
                }
                Key::MonthLead => Some(push(s, out, part_of_current(s, i)?)),
                _ => None,
            }
        }
        Class::Word(Word::Weekday(_)) => {
            if let Some(next) = s.weekday_range(i, out) {
                return Some(next);
            }
            Some(push(s, out, weekday_date(s, i)?))
        }
        // "April 3, 2021" in an embedded English text: the English order
        Class::Word(Word::Month { .. }) if s.is_foreign(i) => {
            let e = super::grammar_en::month_day(s, i).or_else(|| month_year(s, i))?;
            Some(push(s, out, e))
        }
        Class::Word(Word::Month { .. }) => Some(push(s, out, month_year(s, i)?)),
        Class::Num { .. } | Class::Ordinal(_) => {
            if let Some(e) = s.numeric(i, false) {
                return Some(push(s, out, e));
            }
            if let Some(e) = day_month(s, i) {
                return Some(push(s, out, e));
            }
            // "du 21 au 26 juin", "les 3 et 4 mars": the first day takes the month of the second.
            if let Some(first_day) = s.day(i) {
                if next_line(i + 1) && s.is_key(i + 1, Key::RangeJoin) && next_line(i + 2) {
                    let j = if s.is_key(i + 2, Key::The) { i + 3 } else { i + 2 };
                    if let Some(second) = day_month(s, j).filter(|_| next_line(j)) {
                        let mut first = DateExpr::new(i, i);
                        first.day = Some(first_day);
                        first.month = second.month;
                        first.year = second.year;
                        push(s, out, first);
                        return Some(push(s, out, second));
                    }
                }
            }
            Some(push(s, out, s.bare_year(i)?))
        }
        _ => None,
    }
}

/// "ce matin", "cet après-midi", "ce soir", "cette nuit" (the day of publication); "ce jour-là",
/// "ce soir-là" (the day of the previous date). `i` is "ce".
fn this_day(s: &Scanner, i: usize) -> Option<DateExpr> {
    let last = s.day_part(i + 1).or_else(|| s.is_key(i + 1, Key::Day).then_some(i + 1))?;
    let mut e = DateExpr::new(i, last);
    match s.there_after(last) {
        Some(la) => (e.rel, e.last) = (Rel::Anchor(0), la),
        None if s.is_key(last, Key::Day) => return None,
        None => e.rel = Rel::Day(0),
    }
    Some(e)
}

/// "début de l'année", "fin du mois": the current year or month. `i` is "début", "fin", "mi",
/// "courant". Not when a month or a year is named after ("fin du mois de juin", "l'année 2012").
fn part_of_current(s: &Scanner, i: usize) -> Option<DateExpr> {
    let line = |k: usize| s.same_line(k);
    let (noun, rel) = match (s.key(i + 1), s.key(i + 2), s.key(i + 3)) {
        (Some(Key::Of), Some(Key::L), Some(Key::Year)) if line(i + 3) => (i + 3, Rel::Year(0)),
        (Some(Key::RangeStart), Some(Key::Month), _) if line(i + 2) => (i + 2, Rel::Month(0)),
        _ => return None,
    };
    if !line(i + 1) || !line(i + 2) {
        return None;
    }
    let named_after = line(noun + 1)
        && (matches!(s.class(noun + 1), Class::Num { .. } | Class::Word(Word::Month { .. }))
            || matches!(s.key(noun + 1), Some(Key::Last | Key::Next | Key::Of)));
    if named_after {
        return None;
    }
    let mut e = DateExpr::new(i, noun);
    e.rel = rel;
    Some(e)
}

/// "hier", "aujourd'hui", "demain" (`first..=last`), with a weekday or full date after them
/// ("hier jeudi", "aujourd'hui lundi 23 juin").
fn with_day_offset(s: &Scanner, first: usize, last: usize, off: i32) -> DateExpr {
    let mut j = last + 1;
    if s.punct(j) == Some(',') && s.same_line(j) {
        j += 1;
    }
    if s.same_line(j) && s.weekday(j).is_some() {
        if let Some(e) = weekday_date(s, j) {
            if e.day.is_some() {
                return DateExpr { first, ..e };
            }
            return DateExpr { first, rel: Rel::Day(off), ..e };
        }
    }
    let mut e = DateExpr::new(first, last);
    e.rel = Rel::Day(off);
    e
}

#[cfg(test)]
mod tests {
    use crate::dates::tests::{check_table, Example};

    /// (text, reference date, expected (span text, value) in order; "?" for no value).
    const EXAMPLES: &[Example] = &[
        // Day, month, year in words, with or without weekday and year.
        ("a été reçu lundi 23 juin au Kremlin", "2025-06-24", &[("lundi 23 juin", "2025-06-23")]),
        ("reçu lundi 23 juin 2025 au Kremlin", "2025-06-23", &[("lundi 23 juin 2025", "2025-06-23")]),
        (
            "a quitté Bamako le samedi 21 juin 2025 en",
            "2025-06-27",
            &[("le samedi 21 juin 2025", "2025-06-21")],
        ),
        (
            "dès sa prise de fonction, le 28 mai 2021,le Colonel",
            "2022-08-06",
            &[("le 28 mai 2021", "2021-05-28")],
        ),
        ("Jeudi 29 Février 2024\n\nLes ministres", "2024-02-29", &[("Jeudi 29 Février 2024", "2024-02-29")]),
        ("à partir de ce mercredi 28 février, en", "2024-02-29", &[("ce mercredi 28 février", "2024-02-28")]),
        (
            "Le 1er mars et le 1ᵉʳ avril",
            "2024-05-10",
            &[("Le 1er mars", "2024-03-01"), ("le 1ᵉʳ avril", "2024-04-01")],
        ),
        ("le 3 janv. 2024 à Paris", "2024-05-10", &[("le 3 janv. 2024", "2024-01-03")]),
        // The weekday picks the year when the year is implicit.
        ("ont annoncé vendredi 5 août le", "2022-08-06", &[("vendredi 5 août", "2022-08-05")]),
        ("ont annoncé vendredi 5 août le", "2023-01-10", &[("vendredi 5 août", "2022-08-05")]),
        // Otherwise the year nearest the reference date.
        ("le 20 décembre", "2025-01-10", &[("le 20 décembre", "2024-12-20")]),
        ("le 3 février", "2024-12-20", &[("le 3 février", "2025-02-03")]),
        // A future limit with an explicit date.
        ("attendu à Moscou jusqu’au jeudi 26 juin.", "2025-06-23", &[("jeudi 26 juin", "2025-06-26")]),
        // Day ranges.
        ("du 21 au 26 juin 2025", "2025-07-01", &[("21", "2025-06-21"), ("26 juin 2025", "2025-06-26")]),
        // Numeric dates.
        (
            "le 23/06/2025 et le 23.06.2025",
            "2024-01-01",
            &[("23/06/2025", "2025-06-23"), ("23.06.2025", "2025-06-23")],
        ),
        ("date 2025-06 Une délégation", "2025-06-23", &[("2025-06", "2025-06")]),
        ("publié 2025-06-23.", "2025-06-23", &[("2025-06-23", "2025-06-23")]),
        ("tél. 12/34/5678 ou 1.2.3.4", "2025-06-23", &[]),
        // Months.
        ("le coup d’État d’août 2020 qui", "2022-08-06", &[("août 2020", "2020-08")]),
        ("début mars 2024, puis", "2024-05-01", &[("mars 2024", "2024-03")]),
        (
            "en juin, à la mi-juillet et depuis septembre",
            "2025-08-10",
            &[("juin", "2025-06"), ("juillet", "2025-07"), ("septembre", "2024-09")],
        ),
        ("le mois de mai", "2025-08-10", &[("mai", "2025-05")]),
        // "dernier" and "prochain" fix the side of the reference date.
        (
            "le 14 juillet dernier et en mars prochain",
            "2025-07-10",
            &[("le 14 juillet dernier", "2024-07-14"), ("mars prochain", "2026-03")],
        ),
        ("en juin dernier", "2025-08-10", &[("juin dernier", "2025-06")]),
        ("Mars est une planète; il mai", "2025-08-10", &[]),
        // Years.
        ("la junte militaire en 2021, le Mali", "2022-08-06", &[("2021", "2021")]),
        (
            "les coups d’État successifs de 2020 et 2021, les",
            "2025-06-23",
            &[("2020", "2020"), ("2021", "2021")],
        ),
        (
            "CAN 2025 : le Maroc ; Mondial 2026 : l’Algérie",
            "2024-02-29",
            &[("2025", "2025"), ("2026", "2026")],
        ),
        ("quelque 1 500 mercenaires, 2000 soldats, les années 2000, 2 025 000", "2024-02-29", &[]),
        ("environ 2000, plus de 1950 et 12,2021 ou 2025 %", "2024-02-29", &[]),
        ("la saison 2024-2025", "2024-02-29", &[("2024", "2024"), ("2025", "2025")]),
        ("fondé en 1848", "2024-02-29", &[("1848", "1848")]),
        // A number alone between quotation marks is a title.
        ("le film « 2046 » de Wong Kar-wai, sorti en 2004", "2024-02-29", &[("2004", "2004")]),
        // Relative days.
        ("une visite qui a pris fin hier jeudi.", "2025-06-27", &[("hier jeudi", "2025-06-26")]),
        (
            "hier, avant-hier, aujourd’hui et demain",
            "2025-06-27",
            &[
                ("hier", "2025-06-26"),
                ("avant-hier", "2025-06-25"),
                ("aujourd’hui", "2025-06-27"),
                ("demain", "2025-06-28"),
            ],
        ),
        ("après-demain", "2025-06-27", &[("après-demain", "2025-06-29")]),
        // Weekdays alone: the most recent, unless "prochain" or the future says otherwise.
        ("Dans un communiqué publié vendredi, la", "2022-08-06", &[("vendredi", "2022-08-05")]),
        ("Dans la matinée de ce mercredi, les", "2024-02-29", &[("ce mercredi", "2024-02-28")]),
        (
            "lundi dernier et lundi prochain",
            "2025-06-23",
            &[("lundi dernier", "2025-06-16"), ("lundi prochain", "2025-06-30")],
        ),
        ("Il se rendra à Dakar jeudi.", "2025-06-23", &[("jeudi", "2025-06-26")]),
        ("Il était à Dakar jeudi.", "2025-06-23", &[("jeudi", "2025-06-19")]),
        // Anchored on the previous date of the text.
        (
            "reçu lundi 23 juin 2025. Arrivé la veille dans",
            "2025-06-23",
            &[("lundi 23 juin 2025", "2025-06-23"), ("la veille", "2025-06-22")],
        ),
        (
            "Le 3 mars 2020, il part; le lendemain il",
            "2025-06-23",
            &[("Le 3 mars 2020", "2020-03-03"), ("le lendemain", "2020-03-04")],
        ),
        ("Arrivé la veille à Paris", "2025-06-23", &[("la veille", "2025-06-22")]),
        // Months and years relative to the reference.
        (
            "le mois dernier, ce mois-ci et le mois prochain",
            "2025-01-15",
            &[("le mois dernier", "2024-12"), ("ce mois-ci", "2025-01"), ("le mois prochain", "2025-02")],
        ),
        (
            "l’an dernier, cette année et l’année prochaine",
            "2025-01-15",
            &[("l’an dernier", "2024"), ("cette année", "2025"), ("l’année prochaine", "2026")],
        ),
        // An English date in a French article (an embedded tweet); "May" alone stays a name.
        (
            "a tweeté : « Vote today » — Jean (@jean) April 3, 2021. Theresa May a dit",
            "2024-01-10",
            &[("April 3, 2021", "2021-04-03")],
        ),
        // « Aujourd'hui » in the present inside a quotation means nowadays.
        (
            "« On nous reproche aujourd’hui d’en faire trop », dit-il. « Le vote d'aujourd'hui compte. »",
            "2025-03-14",
            &[("aujourd'hui", "2025-03-14")],
        ),
        (
            "Il a annoncé aujourd'hui : « Aujourd'hui, nous avons signé »",
            "2025-03-14",
            &[("aujourd'hui", "2025-03-14"), ("Aujourd'hui", "2025-03-14")],
        ),
        // Time ago is a duration back from the day, not a date (SCHEMA).
        ("Rachetée il y a trois ans, puis il y a 10 jours et il y a un mois", "2025-03-20", &[]),
        // Parts of the day are the day of publication; "-là" points to the day told of.
        (
            "ce matin, cet après-midi, ce soir et cette nuit",
            "2012-10-16",
            &[
                ("ce matin", "2012-10-16"),
                ("cet après-midi", "2012-10-16"),
                ("ce soir", "2012-10-16"),
                ("cette nuit", "2012-10-16"),
            ],
        ),
        ("blessées la nuit dernière lors", "2012-11-01", &[("la nuit dernière", "2012-10-31")]),
        (
            "Le 3 mars 2020, il part. Ce soir-là, il dîne; ce jour-là et le même jour",
            "2025-06-23",
            &[
                ("Le 3 mars 2020", "2020-03-03"),
                ("Ce soir-là", "2020-03-03"),
                ("ce jour-là", "2020-03-03"),
                ("le même jour", "2020-03-03"),
            ],
        ),
        // A month with "dernier" or "prochain" and no preposition; "mois dernier" without article.
        (
            "la version d'avril dernier, au début du mois dernier",
            "2012-10-18",
            &[("avril dernier", "2012-04"), ("mois dernier", "2012-09")],
        ),
        // The current year or month from "début de l'année", "fin du mois".
        (
            "depuis le début de l'année, et d'ici la fin du mois; fin du mois de juin",
            "2012-11-07",
            &[("début de l'année", "2012"), ("fin du mois", "2012-11"), ("juin", "2012-06")],
        ),
        // Ranges: the first date takes the month and the year of the second.
        (
            "entre janvier et avril 2011, entre le 4 et le 19 mai",
            "2012-07-05",
            &[
                ("janvier", "2011-01"),
                ("avril 2011", "2011-04"),
                ("4", "2012-05-04"),
                ("19 mai", "2012-05-19"),
            ],
        ),
        (
            "du 1er juillet au 31 août 2024, puis du 20 décembre au 3 janvier 2025",
            "2025-05-15",
            &[
                ("1er juillet", "2024-07-01"),
                ("31 août 2024", "2024-08-31"),
                ("20 décembre", "2024-12-20"),
                ("3 janvier 2025", "2025-01-03"),
            ],
        ),
        // A weekday with the article and no day number is a habit, not a date.
        ("Il venait déjeuner le dimanche, et chaque lundi.", "2024-11-27", &[("lundi", "2024-11-25")]),
        // A weekday range: the second day follows the first, whatever the tense.
        (
            "arrêté dans la nuit de dimanche à lundi, il ne sera pas rallumé",
            "2025-03-20",
            &[("dimanche", "2025-03-16"), ("lundi", "2025-03-17")],
        ),
        ("du lundi au mercredi", "2025-03-20", &[("lundi", "2025-03-17"), ("mercredi", "2025-03-19")]),
        // Coordinated months.
        (
            "en juin et juillet, puis en avril ou mai",
            "2025-08-10",
            &[("juin", "2025-06"), ("juillet", "2025-07"), ("avril", "2025-04"), ("mai", "2025-05")],
        ),
        // The near future and calls to act place a bare weekday ahead.
        ("Le syndicat appelle à manifester samedi.", "2025-03-14", &[("samedi", "2025-03-15")]),
        ("Il va se rendre à Dakar jeudi.", "2025-06-23", &[("jeudi", "2025-06-26")]),
        // The tense of the nearest verb: a passé simple is no future ("déplora" is not "-era").
        ("Jean-François Copé déplora mardi un discours", "2012-07-04", &[("mardi", "2012-07-03")]),
        ("Il déclarait en novembre que", "2025-03-20", &[("novembre", "2024-11")]),
        // A modal in the conditional speaks of what may come.
        ("Il pourrait être élu jeudi.", "2025-06-23", &[("jeudi", "2025-06-26")]),
        // A limit ahead when the clause does not tell of the past.
        (
            "les écoles resteront fermées jusqu'à mardi, d'ici mars et à partir de mai",
            "2025-05-15",
            &[("mardi", "2025-05-20"), ("mars", "2026-03"), ("mai", "2025-05")],
        ),
        ("Il est en garde à vue jusqu'à vendredi.", "2025-03-20", &[("vendredi", "2025-03-21")]),
        ("Il a été retenu jusqu'à mardi.", "2025-03-20", &[("mardi", "2025-03-18")]),
        // The future places an implicit month or day ahead of the reference.
        ("Les premières embauches auront lieu en septembre.", "2025-03-20", &[("septembre", "2025-09")]),
        ("Le vote aura lieu le 3 septembre.", "2025-03-20", &[("le 3 septembre", "2025-09-03")]),
    ];

    #[test]
    fn french_examples() {
        check_table(crate::Lang::Fr, EXAMPLES);
    }
}
