//! English date expressions: "June 3, 2024", "3 June 2024", "Monday, June 3", "the 3rd of June",
//! "last Tuesday", "on Friday", "yesterday", "earlier this month", "in 2016", "06/03/2024".
//! Month and weekday names count only when capitalised ("may" is a verb, "march" too).
//! Each family keeps its examples in the table test at the bottom.

use super::grammar::{push, Class, DateExpr, Dir, Key, Rel, Scanner};
use super::lexicon::{fixed_holidays, Word};
use crate::analysis::Lang;

/// A capitalised month name at `i`, or a French one ("3 juin 2021").
fn month(s: &Scanner, i: usize) -> Option<(u8, bool)> {
    s.month(i).filter(|_| s.cap(i) || s.is_foreign(i))
}

/// Month first: "June 3", "June 3rd, 2024", "Sept. 3 2024".
pub fn month_day(s: &Scanner, i: usize) -> Option<DateExpr> {
    let (m, abbr) = month(s, i)?;
    let j = s.after_abbr_dot(i, abbr) + 1;
    let day = s.day(j).filter(|_| s.same_line(j))?;
    // "June 2024" is a month, "June 20 people" is not a date we can tell; a day needs no noun after.
    let mut e = DateExpr::new(i, j);
    e.day = Some(day);
    e.month = Some(m);
    let k = if s.punct(j + 1) == Some(',') && s.same_line(j + 1) { j + 2 } else { j + 1 };
    if let Some(y) = s.year_after(k) {
        e.year = Some(y);
        e.last = k;
    }
    Some(e)
}

/// Day first: "3 June 2024", "3rd of June", "the 3rd of June".
fn day_month(s: &Scanner, i: usize) -> Option<DateExpr> {
    let day = s.day(i)?;
    let mut j = i + 1;
    if s.is_key(j, Key::Of) && s.same_line(j) {
        j += 1;
    }
    let (m, abbr) = month(s, j).filter(|_| s.same_line(j))?;
    let mut last = s.after_abbr_dot(j, abbr);
    let mut e = DateExpr::new(i, last);
    e.day = Some(day);
    e.month = Some(m);
    let k = if s.punct(last + 1) == Some(',') && s.same_line(last + 1) { last + 2 } else { last + 1 };
    if let Some(y) = s.year_after(k) {
        last = k;
        e.year = Some(y);
        e.last = last;
    }
    Some(e)
}

/// "Monday", "Monday, June 3, 2024", "Tuesday 3 June".
fn weekday_date(s: &Scanner, i: usize) -> Option<DateExpr> {
    let wd = s.weekday(i).filter(|_| s.cap(i))?;
    let j = if s.punct(i + 1) == Some(',') && s.same_line(i + 1) { i + 2 } else { i + 1 };
    if s.same_line(j) {
        if let Some(e) = month_day(s, j).or_else(|| day_month(s, j)) {
            return Some(DateExpr { first: i, weekday: Some(wd), ..e });
        }
    }
    let mut e = DateExpr::new(i, i);
    e.weekday = Some(wd);
    e.rel = Rel::Weekday(Dir::Bare);
    Some(e)
}

/// "June 2024", or "June" after "in", "since", "early", "mid-".
fn month_year(s: &Scanner, i: usize) -> Option<DateExpr> {
    let (m, abbr) = month(s, i)?;
    let last = s.after_abbr_dot(i, abbr);
    let mut e = DateExpr::new(i, last);
    e.month = Some(m);
    let k = if s.punct(last + 1) == Some(',') && s.same_line(last + 1) { last + 2 } else { last + 1 };
    if let Some(y) = s.year_after(k) {
        e.year = Some(y);
        e.last = k;
        return Some(e);
    }
    let prev = i.checked_sub(1)?;
    let led = match s.key(prev) {
        Some(Key::In | Key::Since | Key::MonthLead | Key::Until | Key::RangeStart) => true,
        // "in June and July": the second month of a pair
        _ if s.coordinated_month(i) => true,
        None => s.punct(prev) == Some('-') && prev > 0 && s.is_key(prev - 1, Key::MonthLead),
        _ => false,
    };
    (led && !abbr && s.same_line(i)).then_some(e)
}

/// "last/next/this" + weekday, month or year, from `i` (the "last" word) for an expression
/// starting at `first` ("earlier this month").
fn relative(s: &Scanner, first: usize, i: usize) -> Option<DateExpr> {
    let dir = s.key(i)?;
    let off = match dir {
        Key::Last => -1,
        Key::Next => 1,
        Key::This => 0,
        _ => return None,
    };
    let j = i + 1;
    if !s.same_line(j) {
        return None;
    }
    let mut e = DateExpr::new(first, j);
    // "this morning", "this afternoon", "last night"
    if s.is_key(j, Key::DayPart) && dir != Key::Next {
        e.rel = Rel::Day(off);
        return Some(e);
    }
    // "last May", "next March": the month on that side of the reference
    if let Some((m, false)) = month(s, j) {
        e.month = Some(m);
        (e.since, e.ahead) = (dir == Key::Last, dir == Key::Next);
        return (dir != Key::This).then_some(e);
    }
    if let Some(wd) = s.weekday(j).filter(|_| s.cap(j)) {
        e.weekday = Some(wd);
        e.rel = Rel::Weekday(match dir {
            Key::Last => Dir::Last,
            Key::Next => Dir::Next,
            _ => Dir::This,
        });
        return Some(e);
    }
    e.rel = match s.key(j)? {
        Key::Month => Rel::Month(off),
        Key::Year => Rel::Year(off),
        _ => return None,
    };
    Some(e)
}

/// Holidays on a fixed day: "Christmas Day", "Boxing Day", "New Year's Eve" (the year nearest
/// the reference, as for "June 3").
fn holiday(s: &Scanner, i: usize) -> Option<DateExpr> {
    let first = s.folded(i);
    for (words, month, day) in fixed_holidays(Lang::En) {
        let (month, day) = (*month, *day);
        if words[0] != first {
            continue;
        }
        let n = words.len();
        let fits = (1..n).all(|k| s.same_line(i + k) && s.folded(i + k).replace('’', "'") == words[k]);
        // Every word capitalised but the clitic: "Christmas lights" and "boxing day" are not dates.
        let caps = (0..n).all(|k| words[k].starts_with('\'') || s.cap(i + k));
        if fits && caps {
            let mut e = DateExpr::new(i, i + n - 1);
            e.day = Some(day);
            e.month = Some(month);
            if let Some(y) = s.year_after(i + n) {
                e.year = Some(y);
                e.last = i + n;
            }
            return Some(e);
        }
    }
    None
}

pub fn match_at(s: &Scanner, i: usize, out: &mut Vec<DateExpr>) -> Option<usize> {
    let line = |k: usize| s.same_line(k);
    match s.class(i) {
        Class::Word(Word::Key(key)) => match key {
            Key::Yesterday | Key::Today | Key::Tomorrow => {
                let mut e = DateExpr::new(i, i);
                e.rel = Rel::Day(match key {
                    Key::Yesterday => -1,
                    Key::Today => 0,
                    _ => 1,
                });
                Some(push(s, out, e))
            }
            Key::The if line(i + 1) => {
                // "the day before yesterday", "the day after tomorrow", "the day before."
                if s.is_key(i + 1, Key::Day) && line(i + 2) {
                    let (off, two) = match (s.key(i + 2), s.key(i + 3)) {
                        (Some(Key::Before), Some(Key::Yesterday)) => (-2, true),
                        (Some(Key::After), Some(Key::Tomorrow)) => (2, true),
                        (Some(Key::Before), _) if !matches!(s.class(i + 3), Class::Word(_)) => (-1, false),
                        (Some(Key::After), _) if !matches!(s.class(i + 3), Class::Word(_)) => (1, false),
                        _ => return None,
                    };
                    let mut e = DateExpr::new(i, if two { i + 3 } else { i + 2 });
                    e.rel = if two { Rel::Day(off) } else { Rel::Anchor(off) };
                    return Some(push(s, out, e));
                }
                // "the same day"
                if s.is_key(i + 1, Key::Same) && s.is_key(i + 2, Key::Day) && line(i + 2) {
                    let mut e = DateExpr::new(i, i + 2);
                    e.rel = Rel::Anchor(0);
                    return Some(push(s, out, e));
                }
                // "the previous day", "the next day", "the following day"
                if matches!(s.key(i + 1), Some(Key::Last | Key::Next))
                    && s.is_key(i + 2, Key::Day)
                    && line(i + 2)
                {
                    let mut e = DateExpr::new(i, i + 2);
                    e.rel = Rel::Anchor(if s.is_key(i + 1, Key::Last) { -1 } else { 1 });
                    return Some(push(s, out, e));
                }
                None
            }
            Key::Earlier if line(i + 1) && s.is_key(i + 1, Key::This) => {
                Some(push(s, out, relative(s, i, i + 1)?))
            }
            Key::Last | Key::Next | Key::This => Some(push(s, out, relative(s, i, i)?)),
            _ => None,
        },
        Class::Word(Word::Weekday(_)) => {
            if let Some(next) = s.weekday_range(i, out) {
                return Some(next);
            }
            Some(push(s, out, weekday_date(s, i)?))
        }
        Class::Word(Word::Month { .. }) => {
            let e = month_day(s, i).or_else(|| month_year(s, i))?;
            Some(push(s, out, e))
        }
        Class::Other if s.cap(i) => Some(push(s, out, holiday(s, i)?)),
        Class::Num { .. } | Class::Ordinal(_) => {
            if let Some(e) = s.numeric(i, true) {
                return Some(push(s, out, e));
            }
            if let Some(e) = day_month(s, i) {
                return Some(push(s, out, e));
            }
            Some(push(s, out, s.bare_year(i)?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::dates::tests::{check_table, Example};

    /// (text, reference date, expected (span text, value) in order; "?" for no value).
    const EXAMPLES: &[Example] = &[
        // Month first and day first, with or without weekday and year.
        (
            "on June 3, 2024 and June 3rd",
            "2024-06-10",
            &[("June 3, 2024", "2024-06-03"), ("June 3rd", "2024-06-03")],
        ),
        ("signed 3 June 2024 in Moscow", "2025-01-01", &[("3 June 2024", "2024-06-03")]),
        ("on the 3rd of June", "2024-06-10", &[("3rd of June", "2024-06-03")]),
        ("Monday, June 23, 2025: talks", "2025-06-24", &[("Monday, June 23, 2025", "2025-06-23")]),
        ("was received on Monday June 23 at", "2025-06-24", &[("Monday June 23", "2025-06-23")]),
        ("announced Friday 5 August that", "2022-08-06", &[("Friday 5 August", "2022-08-05")]),
        (
            "Sept. 3 and Jan 5, 2021",
            "2021-09-10",
            &[("Sept. 3", "2021-09-03"), ("Jan 5, 2021", "2021-01-05")],
        ),
        // Numeric dates read month first when both readings work.
        (
            "on 06/03/2024 and 23/06/2025 and 2025-06-23",
            "2025-06-24",
            &[("06/03/2024", "2024-06-03"), ("23/06/2025", "2025-06-23"), ("2025-06-23", "2025-06-23")],
        ),
        // Months.
        (
            "in June 2024, since March and in mid-July",
            "2025-08-10",
            &[("June 2024", "2024-06"), ("March", "2025-03"), ("July", "2025-07")],
        ),
        ("you may march in May", "2025-08-10", &[("May", "2025-05")]),
        // Years.
        (
            "in 2016 and since 2012; about 2000 troops; 2020-2021",
            "2025-01-01",
            &[("2016", "2016"), ("2012", "2012"), ("2020", "2020"), ("2021", "2021")],
        ),
        // Relative days and weekdays.
        (
            "yesterday, today and tomorrow",
            "2025-06-27",
            &[("yesterday", "2025-06-26"), ("today", "2025-06-27"), ("tomorrow", "2025-06-28")],
        ),
        ("the day before yesterday", "2025-06-27", &[("the day before yesterday", "2025-06-25")]),
        ("He spoke on Friday.", "2025-06-25", &[("Friday", "2025-06-20")]),
        ("He will speak on Friday.", "2025-06-25", &[("Friday", "2025-06-27")]),
        (
            "last Tuesday and next Tuesday",
            "2025-06-24",
            &[("last Tuesday", "2025-06-17"), ("next Tuesday", "2025-07-01")],
        ),
        ("this Monday", "2025-06-25", &[("this Monday", "2025-06-23")]),
        // Anchored on the previous date.
        (
            "He landed on June 22, 2025. The next day he met",
            "2025-06-27",
            &[("June 22, 2025", "2025-06-22"), ("The next day", "2025-06-23")],
        ),
        // Months and years relative to the reference.
        (
            "earlier this month, last month, next year and this year",
            "2025-01-15",
            &[
                ("earlier this month", "2025-01"),
                ("last month", "2024-12"),
                ("next year", "2026"),
                ("this year", "2025"),
            ],
        ),
        // A French date in an English article; "Mars 2020" is a rover.
        (
            "the decree of 3 juin 2021 and the Mars 2020 rover",
            "2024-01-10",
            &[("3 juin 2021", "2021-06-03"), ("2020", "2020")],
        ),
        // Time ago is a duration back from the day, not a date (SCHEMA).
        ("appointed three years ago, 10 days ago and a month ago; two weeks ago", "2025-02-17", &[]),
        // Parts of the day are the day of publication; "last night" the day before.
        (
            "this morning, this afternoon, tonight and last night",
            "2025-02-17",
            &[
                ("this morning", "2025-02-17"),
                ("this afternoon", "2025-02-17"),
                ("tonight", "2025-02-17"),
                ("last night", "2025-02-16"),
            ],
        ),
        (
            "He landed on June 22, 2025. The same day he met",
            "2025-06-27",
            &[("June 22, 2025", "2025-06-22"), ("The same day", "2025-06-22")],
        ),
        // "last May", "next March": the month on that side of the reference.
        (
            "since last May and until next March",
            "2025-02-17",
            &[("last May", "2024-05"), ("next March", "2025-03")],
        ),
        // Ranges: the first date takes the year of the second.
        (
            "from December 20 to January 3, 2025",
            "2025-05-15",
            &[("December 20", "2024-12-20"), ("January 3, 2025", "2025-01-03")],
        ),
        // Coordinated months, "from March".
        (
            "protests in June and July; disruption from March",
            "2024-10-08",
            &[("June", "2024-06"), ("July", "2024-07"), ("March", "2025-03")],
        ),
        // A past verb places an implicit month behind, even with a future word further on.
        (
            "The agency said in October it expected to rule; the plant closed in March, putting",
            "2024-12-03",
            &[("October", "2024-10"), ("March", "2024-03")],
        ),
        // "is going to", "is slated to" speak of the future.
        ("She is going to speak on Friday.", "2025-06-25", &[("Friday", "2025-06-27")]),
        // A limit ahead: "by", "until".
        (
            "The talks must end by Friday and until June",
            "2025-03-20",
            &[("Friday", "2025-03-21"), ("June", "2025-06")],
        ),
        // A future clause places an implicit month ahead.
        ("The work is expected to finish in late November.", "2025-01-22", &[("November", "2025-11")]),
        // Fixed-day holidays, capitalised.
        (
            "only one win since Boxing Day; Christmas lights on New Year’s Eve",
            "2025-02-17",
            &[("Boxing Day", "2024-12-26"), ("New Year’s Eve", "2024-12-31")],
        ),
        // Weekday ranges.
        (
            "closed from Monday to Wednesday",
            "2025-02-20",
            &[("Monday", "2025-02-17"), ("Wednesday", "2025-02-19")],
        ),
    ];

    #[test]
    fn english_examples() {
        check_table(crate::Lang::En, EXAMPLES);
    }
}
