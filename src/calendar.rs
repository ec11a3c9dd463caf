//! Proleptic Gregorian calendar arithmetic, with no clock: dates come from the caller or the text.

use std::fmt;

/// A calendar day. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// 1 to 9999 for a date made by [`CivilDate::new`].
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the month's length.
    pub day: u8,
}

/// Day of the week, Monday first as in ISO 8601.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }

    pub fn from_index(i: u8) -> Weekday {
        match i % 7 {
            0 => Weekday::Mon,
            1 => Weekday::Tue,
            2 => Weekday::Wed,
            3 => Weekday::Thu,
            4 => Weekday::Fri,
            5 => Weekday::Sat,
            _ => Weekday::Sun,
        }
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl CivilDate {
    /// A valid date, or `None` (30 February, month 13, years outside 1..=9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(CivilDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly.
    pub fn parse_iso(s: &str) -> Option<CivilDate> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        CivilDate::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's algorithm.
    pub(crate) fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`CivilDate::to_days`]; `None` outside years 1..=9999.
    pub(crate) fn from_days(days: i64) -> Option<CivilDate> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        CivilDate::new(i32::try_from(year).ok()?, month, day)
    }

    /// Its day of the week.
    pub(crate) fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::from_index(((self.to_days() + 3).rem_euclid(7)) as u8)
    }

    /// `n` days later (earlier if negative), or `None` outside years 1..=9999.
    pub(crate) fn add_days(self, n: i64) -> Option<CivilDate> {
        CivilDate::from_days(self.to_days() + n)
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = CivilDate::new(2025, 6, 23).unwrap();
        assert_eq!(d.weekday(), Weekday::Mon);
        assert_eq!(CivilDate::from_days(d.to_days()), Some(d));
        assert_eq!(CivilDate::new(2024, 2, 29).unwrap().weekday(), Weekday::Thu);
        assert_eq!(CivilDate::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(d.add_days(-1), CivilDate::new(2025, 6, 22));
        for days in (-719_000..2_900_000).step_by(997) {
            let date = CivilDate::from_days(days).unwrap();
            assert_eq!(date.to_days(), days);
        }
    }

    #[test]
    fn validates() {
        assert!(CivilDate::new(2023, 2, 29).is_none());
        assert!(CivilDate::new(2024, 13, 1).is_none());
        assert_eq!(CivilDate::parse_iso("2024-02-29"), CivilDate::new(2024, 2, 29));
        assert_eq!(CivilDate::parse_iso("2024-2-29"), None);
        assert_eq!(CivilDate::parse_iso("2024-02-30"), None);
        assert_eq!(CivilDate::parse_iso("２０２4-02-01"), None);
        assert_eq!(CivilDate::new(2025, 6, 1).unwrap().to_string(), "2025-06-01");
    }
}
