//! Turns a recognised expression into a calendar value, given the reference date and the anchor
//! (the previous day-level date in the text). No clock: both dates come from the caller.

use super::grammar::{DateExpr, Dir, Rel};
use crate::analysis::DateValue;
use crate::calendar::{CivilDate, Weekday};

/// Days from `from` back to the most recent `wd` on or before it (0..=6).
fn days_back(from: Weekday, wd: Weekday) -> i64 {
    i64::from((from.index() + 7 - wd.index()) % 7)
}

/// Days from `from` forward to the next `wd` on or after it (0..=6).
fn days_forward(from: Weekday, wd: Weekday) -> i64 {
    i64::from((wd.index() + 7 - from.index()) % 7)
}

/// The value of `e`, or `None` when it needs a reference date that is missing, or names a day
/// that does not exist ("31 juin").
pub fn resolve(e: &DateExpr, reference: Option<CivilDate>, anchor: Option<CivilDate>) -> Option<DateValue> {
    match e.rel {
        Rel::Anchor(n) => anchor.or(reference)?.add_days(i64::from(n)).map(DateValue::day),
        Rel::Day(n) => reference?.add_days(i64::from(n)).map(DateValue::day),
        Rel::Month(n) => {
            let r = reference?;
            let total = i64::from(r.year) * 12 + i64::from(r.month) - 1 + i64::from(n);
            let year = i32::try_from(total.div_euclid(12)).ok()?;
            Some(DateValue::month(year, (total.rem_euclid(12) + 1) as u8))
        }
        Rel::Year(n) => Some(DateValue::year(reference?.year.checked_add(n)?)),
        Rel::Weekday(dir) => {
            let r = reference?;
            let wd = e.weekday?;
            let back = days_back(r.weekday(), wd);
            let fwd = days_forward(r.weekday(), wd);
            let delta = match dir {
                Dir::Bare | Dir::This if leans_ahead(e) => fwd,
                Dir::Bare | Dir::This => -back,
                Dir::Last => -(if back == 0 { 7 } else { back }),
                Dir::Next => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
            };
            r.add_days(delta).map(DateValue::day)
        }
        Rel::Absolute => match (e.day, e.month, e.year) {
            (Some(d), Some(m), Some(y)) => CivilDate::new(y, m, d).map(DateValue::day),
            (Some(d), Some(m), None) => implicit_day(e, d, m, reference?).map(DateValue::day),
            (None, Some(m), Some(y)) => (1..=12).contains(&m).then(|| DateValue::month(y, m)),
            (None, Some(m), None) => implicit_month(e, m, reference?),
            (None, None, Some(y)) => Some(DateValue::year(y)),
            _ => None,
        },
    }
}

/// On or after the reference: "prochain", a future clause, or a limit ("jusqu'à mardi", "d'ici
/// mars", "until June") in a clause that does not tell of the past.
fn leans_ahead(e: &DateExpr) -> bool {
    e.ahead || (!e.since && (e.future || (e.until && !e.past)))
}

/// On or before the reference: "depuis", "dernier", or a past clause ("a annoncé mardi").
fn leans_back(e: &DateExpr) -> bool {
    e.since || (e.past && !e.ahead)
}

/// The year of "lundi 23 juin" or "23 juin": the one where the weekday agrees when one is named,
/// else the one nearest the reference date on the side the expression leans to, if any
/// ([`leans_back`], [`leans_ahead`]).
pub fn implicit_day(e: &DateExpr, day: u8, month: u8, r: CivilDate) -> Option<CivilDate> {
    let dist = |c: &CivilDate| (c.to_days() - r.to_days()).abs();
    let nearest = |cands: &mut dyn Iterator<Item = CivilDate>| {
        cands.min_by_key(|c| (dist(c), c.to_days() > r.to_days()))
    };
    if let Some(wd) = e.weekday {
        let mut agreeing = (r.year - 7..=r.year + 1)
            .filter_map(|y| CivilDate::new(y, month, day))
            .filter(|c| c.weekday() == wd);
        if let Some(c) = nearest(&mut agreeing) {
            return Some(c);
        }
    }
    let mut cands = (r.year - 1..=r.year + 1)
        .filter_map(|y| CivilDate::new(y, month, day))
        .filter(|c| (!leans_back(e) || *c <= r) && (!leans_ahead(e) || *c >= r));
    nearest(&mut cands)
}

fn implicit_month(e: &DateExpr, month: u8, r: CivilDate) -> Option<DateValue> {
    let here = i64::from(r.year) * 12 + i64::from(r.month);
    let (_, year) = (r.year - 1..=r.year + 1)
        .map(|y| (i64::from(y) * 12 + i64::from(month) - here, y))
        .filter(|&(diff, _)| (!leans_back(e) || diff <= 0) && (!leans_ahead(e) || diff >= 0))
        .min_by_key(|&(diff, _)| (diff.abs(), diff > 0))?;
    Some(DateValue::month(year, month))
}
