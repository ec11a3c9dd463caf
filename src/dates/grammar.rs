//! What the date grammars share: the parts of a recognised expression ([`DateExpr`]), the
//! tokens seen as date words and numbers ([`Scanner`]), and the patterns both languages use
//! (numeric dates, years, days). Recognising never needs the reference date; `resolve` does.

use super::lexicon::{lexicon, Word};
use crate::analysis::Lang;
use crate::calendar::Weekday;
use crate::document::Document;
use crate::text::{fold_char_into, Span, TokenKind};

/// Function words the patterns look for, shared by both languages' keyword tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// "le", "the"
    The,
    /// "la"
    La,
    /// "l'"
    L,
    /// "ce", "cet", "this"
    This,
    /// "cette"
    Cette,
    Yesterday,
    Today,
    Tomorrow,
    /// "avant" in "avant-hier", "before"
    Before,
    /// "après" in "après-demain", "after"
    After,
    /// "la veille", "the previous day"
    Eve,
    /// "le lendemain", "the following day"
    MorningAfter,
    /// "le surlendemain"
    TwoDaysAfter,
    /// "dernier", "passé", "last", "previous"
    Last,
    /// "prochain", "next", "following"
    Next,
    Month,
    /// "an", "année", "year"
    Year,
    Day,
    /// "ci" in "ce mois-ci"
    Ci,
    /// "en", "in": leads a month or year
    In,
    /// "depuis", "since"
    Since,
    /// "début", "fin", "mi", "courant", "early", "late", "mid", "until": leads a bare month
    MonthLead,
    /// "earlier", "later" in "earlier this month"
    Earlier,
    /// "jusqu'", "until": the date is a limit, often ahead
    Until,
    /// "au", "et", "to", "and": joins a day range ("du 21 au 26 juin")
    RangeJoin,
    /// "du", "from", "between", "entre"
    RangeStart,
    /// "on": leads an English weekday or date
    On,
    /// "of" in "the 3rd of June"
    Of,
    /// "années", "decade": "les années 2000" is a decade, not a year
    Decade,
    /// Nouns that follow a quantity ("1 500 mercenaires", "2000 soldats")
    Quantity,
    /// Words that precede a quantity ("environ", "plus de", "about")
    Approx,
    /// Future tense and plans ("sera", "aura lieu", "prévu", "will")
    Future,
    /// Past tense ("a annoncé", "déclarait", "was", "announced")
    Past,
    /// A part of the day: "matin", "soir", "nuit", "morning", "night"
    DayPart,
    /// "même", "same": "le même jour" is the day of the previous date
    Same,
}

/// What one token is to the date grammars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Word(Word),
    /// Digits only, with their value (saturating) and count.
    Num {
        value: u32,
        digits: u8,
    },
    /// A number with an ordinal suffix: "1er", "1ᵉʳ", "3rd", "21st".
    Ordinal(u32),
    Punct(char),
    Other,
}

/// The part of a word's [`Class`] that takes folding and a look-up, kept per token (3 bytes, not
/// a 12-byte class with spacing flags: a 10 MB text has 1.75 M tokens). Numbers, punctuation,
/// case and spacing are read from the token when asked.
#[derive(Clone, Copy, Debug)]
enum WordClass {
    Other,
    Word(Word),
    Ordinal(u8),
    /// A month named in the other language ("April" in a French article, "juin" in an English
    /// one): a date only next to a day or a year, as an abbreviation is.
    Foreign(u8),
}

impl Key {
    /// The variant named `name` (as the keyword file spells it).
    pub fn from_name(name: &str) -> Option<Key> {
        const ALL: &[Key] = &[
            Key::The,
            Key::La,
            Key::L,
            Key::This,
            Key::Cette,
            Key::Yesterday,
            Key::Today,
            Key::Tomorrow,
            Key::Before,
            Key::After,
            Key::Eve,
            Key::MorningAfter,
            Key::TwoDaysAfter,
            Key::Last,
            Key::Next,
            Key::Month,
            Key::Year,
            Key::Day,
            Key::Ci,
            Key::In,
            Key::Since,
            Key::MonthLead,
            Key::Earlier,
            Key::Until,
            Key::RangeJoin,
            Key::RangeStart,
            Key::On,
            Key::Of,
            Key::Decade,
            Key::Quantity,
            Key::Approx,
            Key::Future,
            Key::Past,
            Key::DayPart,
            Key::Same,
        ];
        ALL.iter().copied().find(|k| format!("{k:?}") == name)
    }
}

/// How a weekday without a day number is placed around the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// "lundi", "on Monday": the nearest in the direction the tense says (past by default).
    Bare,
    /// "ce lundi", "this Monday": same, but the current week.
    This,
    /// "lundi dernier", "last Monday": strictly before the reference.
    Last,
    /// "lundi prochain", "next Monday": strictly after the reference.
    Next,
}

/// How an expression is placed on the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// Day, month and/or year as written (an implicit year comes from the reference date).
    Absolute,
    /// Days from the reference date: "hier" -1, "aujourd'hui" 0, "demain" +1.
    Day(i32),
    /// A weekday without a day number.
    Weekday(Dir),
    /// Days from the previous date in the text: "la veille" -1, "le lendemain" +1.
    Anchor(i32),
    /// Months from the reference month: "le mois dernier" -1, "this month" 0.
    Month(i32),
    /// Years from the reference year: "l'an dernier" -1, "cette année" 0.
    Year(i32),
}

/// A recognised date expression and its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateExpr {
    /// Byte span in the text.
    pub span: Span,
    /// Token range, inclusive.
    pub first: usize,
    pub last: usize,
    pub weekday: Option<Weekday>,
    pub day: Option<u8>,
    pub month: Option<u8>,
    pub year: Option<i32>,
    pub rel: Rel,
    /// The clause around it speaks of the future ("sera", "will", "prochain").
    pub future: bool,
    /// A limit ("jusqu'au jeudi 26 juin", "until June 3").
    pub until: bool,
    /// Known to be past: a starting point ("depuis septembre", "since May") or "dernier"
    /// ("le 14 juillet dernier").
    pub since: bool,
    /// Known to be ahead: "prochain" ("en mars prochain").
    pub ahead: bool,
    /// The clause around it tells of the past ("a annoncé", "déclarait", "said").
    pub past: bool,
}

impl DateExpr {
    pub fn new(first: usize, last: usize) -> DateExpr {
        DateExpr {
            span: Span::default(),
            first,
            last,
            weekday: None,
            day: None,
            month: None,
            year: None,
            rel: Rel::Absolute,
            future: false,
            until: false,
            since: false,
            ahead: false,
            past: false,
        }
    }
}

/// The document's tokens as date-grammar classes, with helpers the patterns share.
pub struct Scanner<'d> {
    pub doc: &'d Document<'d>,
    /// One per token of `doc`.
    words: Vec<WordClass>,
    pub lang: Lang,
}

fn parse_digits(s: &str) -> Option<(u32, u8)> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // At most 9 digits: no overflow.
    let value = s.bytes().fold(0u32, |v, b| v * 10 + u32::from(b - b'0'));
    Some((value, s.len() as u8))
}

/// "1er", "1ere", "3rd", "21st", "4th" (already folded).
fn parse_ordinal(folded: &str, lang: Lang) -> Option<u8> {
    let digits_end = folded.bytes().position(|b| !b.is_ascii_digit())?;
    let (num, suffix) = folded.split_at(digits_end);
    let ok = match lang {
        Lang::En => matches!(suffix, "st" | "nd" | "rd" | "th"),
        _ => matches!(suffix, "er" | "ere" | "re"),
    };
    if ok && (1..=2).contains(&num.len()) {
        num.parse().ok()
    } else {
        None
    }
}

impl<'d> Scanner<'d> {
    pub fn new(doc: &'d Document<'d>, lang: Lang) -> Scanner<'d> {
        let lex = lexicon();
        let folded = doc.folded();
        let words = doc
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let text = t.text(doc.text);
                if t.kind != TokenKind::Word || text.len() > 40 {
                    return WordClass::Other;
                }
                let f = folded.get(i);
                let first = text.chars().next().unwrap_or(' ');
                if first.is_ascii_digit() {
                    return parse_ordinal(f, lang).map_or(WordClass::Other, WordClass::Ordinal);
                }
                match lex.get(lang, f) {
                    Some(w) => WordClass::Word(w),
                    None if let Some(m) = foreign_month(lex, lang, f, first) => WordClass::Foreign(m),
                    None if first.is_lowercase() => {
                        lex.tense(lang, text).map_or(WordClass::Other, |k| WordClass::Word(Word::Key(k)))
                    }
                    None => WordClass::Other,
                }
            })
            .collect();
        Scanner { doc, words, lang }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn class(&self, i: usize) -> Class {
        let Some(t) = self.doc.tokens.get(i) else { return Class::Other };
        match t.kind {
            TokenKind::Number => match parse_digits(t.text(self.doc.text)) {
                Some((value, digits)) => Class::Num { value, digits },
                None => Class::Other,
            },
            TokenKind::Punct => Class::Punct(match self.doc.text.as_bytes().get(t.start) {
                Some(&b) if b.is_ascii() => char::from(b),
                _ => t.text(self.doc.text).chars().next().unwrap_or(' '),
            }),
            TokenKind::Word => match self.words[i] {
                WordClass::Other => Class::Other,
                WordClass::Word(w) => Class::Word(w),
                WordClass::Ordinal(n) => Class::Ordinal(n.into()),
                WordClass::Foreign(month) => Class::Word(Word::Month { month, abbr: true }),
            },
        }
    }

    pub fn key(&self, i: usize) -> Option<Key> {
        match self.class(i) {
            Class::Word(Word::Key(k)) => Some(k),
            _ => None,
        }
    }

    pub fn is_key(&self, i: usize, key: Key) -> bool {
        self.key(i) == Some(key)
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.class(i) {
            Class::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// A line break comes before token `i`.
    pub fn newline_before(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.newlines_before > 0)
    }

    /// Token `i` continues an expression: it exists and sits on the same line as token `i - 1`.
    pub fn same_line(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.newlines_before == 0)
    }

    /// Token `i` is glued to the previous one on the same line.
    pub fn glued(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| !t.space_before && t.newlines_before == 0)
    }

    pub fn cap(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.text(self.doc.text).chars().next().is_some_and(char::is_uppercase))
    }

    pub fn weekday(&self, i: usize) -> Option<Weekday> {
        match self.class(i) {
            Class::Word(Word::Weekday(w)) => Some(w),
            _ => None,
        }
    }

    /// A month name at `i`: (month, is abbreviation).
    pub fn month(&self, i: usize) -> Option<(u8, bool)> {
        match self.class(i) {
            Class::Word(Word::Month { month, abbr }) => Some((month, abbr)),
            _ => None,
        }
    }

    /// A day of the month: "23", "1er", "3rd". Returns the day.
    pub fn day(&self, i: usize) -> Option<u8> {
        match self.class(i) {
            Class::Num { value, digits } if digits <= 2 && (1..=31).contains(&value) => Some(value as u8),
            Class::Ordinal(v) if (1..=31).contains(&v) => Some(v as u8),
            _ => None,
        }
    }

    /// A four-digit year after a month or day ("juin 2025"), on the same line.
    pub fn year_after(&self, i: usize) -> Option<i32> {
        match self.class(i) {
            Class::Num { value, digits: 4 } if self.same_line(i) && (1000..=2999).contains(&value) => {
                // Not the head of a grouped number ("2025 000").
                let grouped =
                    matches!(self.class(i + 1), Class::Num { digits: 3, .. }) && self.same_line(i + 1);
                (!grouped).then_some(value as i32)
            }
            _ => None,
        }
    }

    /// A part of the day at `i` ("matin", "soir", "après-midi", "morning"): the index of its last
    /// token.
    pub fn day_part(&self, i: usize) -> Option<usize> {
        if !self.same_line(i) {
            return None;
        }
        if self.is_key(i, Key::DayPart) {
            return Some(i);
        }
        let after_noon = self.is_key(i, Key::After)
            && self.punct(i + 1) == Some('-')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.is_key(i + 2, Key::DayPart);
        after_noon.then_some(i + 2)
    }

    /// "-là" glued after token `i` ("ce jour-là", "ce soir-là"): the day the text is telling
    /// of, not the day of publication. Returns the index of "là".
    pub fn there_after(&self, i: usize) -> Option<usize> {
        let dash = self.punct(i + 1) == Some('-') && self.glued(i + 1) && self.glued(i + 2);
        (dash && self.doc.token_text(i + 2) == "là").then_some(i + 2)
    }

    /// Token `i` folded (lower case, no accents), or "" past the end. For the few look-ups the
    /// patterns make beyond the keyword table.
    pub fn folded(&self, i: usize) -> String {
        let mut buf = String::new();
        if let Some(t) = self.doc.tokens.get(i) {
            for c in t.text(self.doc.text).chars().take(24) {
                fold_char_into(c, &mut buf);
            }
        }
        buf
    }

    /// A bare weekday at `i` followed by "à"/"au"/"to"/"and" and another bare weekday: "de
    /// dimanche à lundi", "from Monday to Wednesday". The second is the first one after the first.
    pub fn weekday_range(&self, i: usize, out: &mut Vec<DateExpr>) -> Option<usize> {
        let wd1 = self.weekday(i)?;
        let j = i + 1;
        let joins = self.is_key(j, Key::RangeJoin) || (self.lang != Lang::En && self.folded(j) == "a");
        if !joins || !self.same_line(j) || !self.same_line(j + 1) {
            return None;
        }
        let wd2 = self.weekday(j + 1)?;
        if self.lang == Lang::En && !(self.cap(i) && self.cap(j + 1)) {
            return None;
        }
        // Not the start of a dated expression: "du lundi 3 au mardi 4 mars" is left to the day rules.
        if self.day(j + 2).is_some() || self.day(i + 1).is_some() {
            return None;
        }
        let mut first = DateExpr::new(i, i);
        first.weekday = Some(wd1);
        first.rel = Rel::Weekday(Dir::Bare);
        push(self, out, first);
        let mut second = DateExpr::new(j + 1, j + 1);
        second.weekday = Some(wd2);
        let gap = (wd2.index() + 7 - wd1.index()) % 7;
        second.rel = Rel::Anchor(if gap == 0 { 7 } else { i32::from(gap) });
        Some(push(self, out, second))
    }

    /// A month at `i` coordinated with the month before it: "en juin et juillet", "in June and
    /// July", "avril ou mai".
    pub fn coordinated_month(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else { return false };
        let joins = self.is_key(p, Key::RangeJoin)
            || matches!(self.folded(p).as_str(), "ou" | "or")
            || self.punct(p) == Some(',');
        joins
            && p > 0
            && self.month(p - 1).is_some_and(|(_, abbr)| !abbr)
            && self.same_line(p)
            && self.same_line(i)
    }

    /// A month at `i` named in the other language ("April 3, 2021" in a French article).
    pub fn is_foreign(&self, i: usize) -> bool {
        matches!(self.words.get(i), Some(WordClass::Foreign(_)))
    }

    /// Skips a glued "." after an abbreviated month ("janv.").
    pub fn after_abbr_dot(&self, i: usize, abbr: bool) -> usize {
        if abbr && !self.is_foreign(i) && self.punct(i + 1) == Some('.') && self.glued(i + 1) {
            i + 1
        } else {
            i
        }
    }

    /// Numeric dates at `i`: "23/06/2025", "23.06.2025", "23-06-2025", "2025-06-23", "2025-06".
    /// `month_first` reads "06/23/2025" as June 23 when both readings are valid (English).
    pub fn numeric(&self, i: usize, month_first: bool) -> Option<DateExpr> {
        let num = |k: usize| match self.class(k) {
            Class::Num { value, digits } => Some((value, digits)),
            _ => None,
        };
        let (a, ad) = num(i)?;
        let sep = self.punct(i + 1).filter(|c| matches!(c, '/' | '.' | '-'))?;
        if !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let (b, bd) = num(i + 2)?;
        let third = if self.punct(i + 3) == Some(sep) && self.glued(i + 3) && self.glued(i + 4) {
            num(i + 4)
        } else {
            None
        };
        // Something glued on after the date makes it a code or a number, not a date.
        let end = if third.is_some() { i + 4 } else { i + 2 };
        let trailing = self.glued(end + 1)
            && matches!(self.class(end + 1), Class::Punct('/' | '-' | '.'))
            && matches!(self.class(end + 2), Class::Num { .. })
            && self.glued(end + 2);
        if trailing {
            return None;
        }
        let mut e = DateExpr::new(i, end);
        if ad == 4 && sep == '-' {
            // ISO: 2025-06 or 2025-06-23.
            if bd != 2 || !(1..=12).contains(&b) || !(1000..=2999).contains(&a) {
                return None;
            }
            e.year = Some(a as i32);
            e.month = Some(b as u8);
            if let Some((c, cd)) = third {
                if cd != 2 || !(1..=31).contains(&c) {
                    return None;
                }
                e.day = Some(c as u8);
            }
            return Some(e);
        }
        let (c, cd) = third?;
        if ad > 2 || bd > 2 {
            return None;
        }
        let year = match cd {
            4 if (1000..=2999).contains(&c) => c as i32,
            2 if sep == '/' => 2000 + c as i32 - if c >= 70 { 100 } else { 0 },
            _ => return None,
        };
        let valid = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
        let (day, month) = if month_first && valid(b, a) {
            (b, a)
        } else if valid(a, b) {
            (a, b)
        } else if valid(b, a) {
            (b, a)
        } else {
            return None;
        };
        e.day = Some(day as u8);
        e.month = Some(month as u8);
        e.year = Some(year);
        Some(e)
    }

    /// A bare year ("2021", "CAN 2025", "1990") at `i`, unless the number is a quantity, part
    /// of a grouped number or a decade ("les années 2000").
    pub fn bare_year(&self, i: usize) -> Option<DateExpr> {
        let Class::Num { value, digits: 4 } = self.class(i) else { return None };
        let led = i > 0 && matches!(self.key(i - 1), Some(Key::In | Key::Since));
        let range = if led { 1000..=2099 } else { 1900..=2099 };
        if !range.contains(&value) {
            return None;
        }
        let prev = i.checked_sub(1);
        if let Some(p) = prev {
            // Grouped digits ("12 2021"?), decimals ("3,2021"), decades, quantities.
            if matches!(self.class(p), Class::Num { .. }) && self.same_line(i) {
                return None;
            }
            let year_range = matches!(self.class(p), Class::Punct('-' | '/' | '–'))
                && p > 0
                && matches!(self.class(p - 1), Class::Num { digits: 4, .. });
            if self.glued(i)
                && !year_range
                && matches!(self.class(p), Class::Punct(',' | '.' | '/' | '-' | '°' | '+' | '€' | '$'))
            {
                return None;
            }
            if self.is_key(p, Key::Decade) {
                return None;
            }
            if self.is_key(p, Key::Approx) || (p > 0 && self.is_key(p - 1, Key::Approx)) {
                return None;
            }
        }
        if self.same_line(i + 1) {
            match self.class(i + 1) {
                Class::Num { digits: 3, .. } => return None,
                Class::Punct('%' | '€' | '$') => return None,
                Class::Punct(',' | '.')
                    if self.glued(i + 1)
                        && matches!(self.class(i + 2), Class::Num { .. })
                        && self.glued(i + 2) =>
                {
                    return None
                }
                Class::Word(Word::Key(Key::Quantity)) => return None,
                _ => {}
            }
        }
        // A number alone between quotation marks is a title (the film « 2046 »), not a year.
        let quoted = |k: Option<usize>, marks: &[char]| {
            k.and_then(|k| self.punct(k)).is_some_and(|c| marks.contains(&c))
        };
        if quoted(prev, &['«', '“', '"']) && quoted(Some(i + 1), &['»', '”', '"']) {
            return None;
        }
        let mut e = DateExpr::new(i, i);
        e.year = Some(value as i32);
        Some(e)
    }

    /// The tense of the clause around tokens `first..=last`: the nearest future or past cue
    /// within a few tokens, without crossing a sentence end or a line break (the one before the
    /// date when two are as near). `Key::Future`, `Key::Past` or nothing.
    pub fn tense_around(&self, first: usize, last: usize) -> Option<Key> {
        const WINDOW: usize = 6;
        let mut before: Option<(usize, Key)> = None;
        let mut i = first;
        for dist in 1..=WINDOW {
            if i == 0 || self.newline_before(i) {
                break;
            }
            i -= 1;
            match self.class(i) {
                Class::Punct('.' | '!' | '?' | ';') => break,
                Class::Word(Word::Key(Key::Future | Key::Next)) => before = Some((dist, Key::Future)),
                Class::Word(Word::Key(Key::Past)) => before = Some((dist, Key::Past)),
                _ => {}
            }
            if before.is_some() {
                break;
            }
        }
        // A date opening its sentence frames the clause after its comma ("Jeudi, il ira"); a date
        // inside one belongs to its own clause ("arrêté dimanche, il ne sera pas rallumé").
        let opens = (first.saturating_sub(3)..first).rev().find(|&k| {
            k == 0
                || self.newline_before(k + 1)
                || matches!(self.class(k), Class::Punct('.' | '!' | '?' | ':'))
        });
        let opens = first == 0 || self.newline_before(first) || opens.is_some();
        let reach = before.map_or(WINDOW, |(d, _)| d - 1);
        for j in last + 1..last + 1 + reach {
            if !self.same_line(j) {
                break;
            }
            match self.class(j) {
                Class::Punct('.' | '!' | '?' | ';') => break,
                Class::Punct(',') if !opens => break,
                Class::Word(Word::Key(k @ (Key::Future | Key::Past))) => return Some(k),
                _ => {}
            }
        }
        before.map(|(_, k)| k)
    }

    /// "dernier" or "prochain" after a date with an implicit year ("le 14 juillet dernier",
    /// "en mars prochain") joins the expression and fixes its side of the reference date.
    pub fn lean(&self, mut e: DateExpr) -> DateExpr {
        if e.year.is_none() && e.month.is_some() && self.same_line(e.last + 1) {
            match self.key(e.last + 1) {
                Some(Key::Last) => (e.since, e.last) = (true, e.last + 1),
                Some(Key::Next) => (e.ahead, e.last) = (true, e.last + 1),
                _ => {}
            }
        }
        e
    }

    /// Sets the byte span and the tense flags of a finished expression.
    pub fn finish(&self, mut e: DateExpr) -> DateExpr {
        let toks = &self.doc.tokens;
        if let (Some(a), Some(b)) = (toks.get(e.first), toks.get(e.last)) {
            e.span = Span::new(a.start, b.end);
        }
        let tense = self.tense_around(e.first, e.last);
        (e.future, e.past) = (tense == Some(Key::Future), tense == Some(Key::Past));
        let lead = |k: usize| k < e.first && self.is_key(k, Key::Until);
        e.until = e.first.checked_sub(1).is_some_and(lead) || e.first.checked_sub(2).is_some_and(lead);
        e.since |= e.first.checked_sub(1).is_some_and(|k| self.is_key(k, Key::Since));
        e
    }
}

/// A full month name of the other language, written as that language writes it: capitalised in
/// English ("may" and "march" are verbs), lower case in French ("Mars" is a planet). The grammars
/// take it only next to a day or a year.
fn foreign_month(lex: &super::lexicon::Lexicon, lang: Lang, folded: &str, first: char) -> Option<u8> {
    let other = if lang == Lang::En { Lang::Fr } else { Lang::En };
    if first.is_uppercase() != (other == Lang::En) {
        return None;
    }
    match lex.get(other, folded)? {
        Word::Month { month, abbr: false } => Some(month),
        _ => None,
    }
}

/// Records `e` and returns the token index after it.
pub fn push(s: &Scanner, out: &mut Vec<DateExpr>, e: DateExpr) -> usize {
    let e = s.lean(e);
    let next = e.last + 1;
    out.push(s.finish(e));
    next
}

/// Tries `match_expr` at every token, skipping past each expression it records.
fn scan(s: &Scanner, match_expr: fn(&Scanner, usize, &mut Vec<DateExpr>) -> Option<usize>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        i = match match_expr(s, i, &mut out) {
            Some(next) if next > i => next,
            _ => i + 1,
        };
    }
    out
}

/// Runs the grammar of `lang` over `scanner`; expressions come out sorted and not overlapping.
pub fn recognise(scanner: &Scanner, lang: Lang) -> Vec<DateExpr> {
    let mut out = match lang {
        Lang::En => scan(scanner, super::grammar_en::match_at),
        Lang::Fr | Lang::Other => scan(scanner, super::grammar_fr::match_at),
    };
    out.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let mut kept: Vec<DateExpr> = Vec::with_capacity(out.len());
    for e in out {
        if kept.last().is_some_and(|k| k.span.end > e.span.start) {
            continue;
        }
        kept.push(e);
    }
    share_years(scanner, &mut kept);
    kept.retain(|e| !means_nowadays(scanner, e));
    kept
}

/// « aujourd'hui », "today" alone, in the present tense inside a quotation: "nowadays", not the
/// day (« Aujourd'hui, un juge dit le contraire »). Kept with a tense, a weekday or "d'" (« le vote
/// d'aujourd'hui »).
fn means_nowadays(s: &Scanner, e: &DateExpr) -> bool {
    let bare = e.first == e.last && e.rel == Rel::Day(0) && e.weekday.is_none() && !e.future && !e.past;
    bare && s.is_key(e.first, Key::Today)
        && !e.first.checked_sub(1).is_some_and(|p| s.is_key(p, Key::Of) && s.glued(e.first))
        && in_quotation(s.doc.text, e.span.start)
}

/// Whether byte `pos` sits inside a quotation opened earlier in its paragraph (looked for at most
/// a few thousand bytes back, which keeps this linear).
fn in_quotation(text: &str, pos: usize) -> bool {
    const REACH: usize = 4000;
    let mut from = pos.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..pos).unwrap_or("");
    let para = before.rfind("\n\n").map_or(before, |k| &before[k + 2..]);
    let (mut open, mut straight) = (0i32, false);
    for c in para.chars() {
        match c {
            '«' | '“' => open += 1,
            '»' | '”' => open = (open - 1).max(0),
            '"' => straight = !straight,
            _ => {}
        }
    }
    open > 0 || straight
}

/// The first of two joined dates takes its year from the second: "du 1er juillet au 31 août
/// 2024", "between June 3 and July 5, 2024", "entre janvier et avril 2012" (the year before when a
/// range's first date comes later in the year: "du 20 décembre au 3 janvier 2025").
fn share_years(s: &Scanner, exprs: &mut [DateExpr]) {
    for k in 1..exprs.len() {
        let (a, b) = (exprs[k - 1], exprs[k]);
        let (Some(am), Some(bm), Some(by)) = (a.month, b.month, b.year) else { continue };
        if a.rel != Rel::Absolute || b.rel != Rel::Absolute || a.year.is_some() || a.weekday.is_some() {
            continue;
        }
        let joiner = |t: usize| s.is_key(t, Key::RangeJoin) || (s.lang != Lang::En && s.folded(t) == "a");
        let gap = a.last + 1..b.first;
        let joined = matches!(gap.len(), 1 | 2)
            && joiner(gap.start)
            && gap.clone().all(|t| s.same_line(t) && (joiner(t) || s.is_key(t, Key::The)));
        let later = (am, a.day.unwrap_or(0)) > (bm, b.day.unwrap_or(0));
        // Over a new year only as a range ("du … au"), not in a list ("Sept. 3 and Jan 5, 2021").
        let ranged = a.first.checked_sub(1).is_some_and(|p| s.is_key(p, Key::RangeStart));
        if joined && (!later || ranged) {
            exprs[k - 1].year = Some(if later { by - 1 } else { by });
        }
    }
}
