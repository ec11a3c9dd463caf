//! The slot notation of the attribution frames (`data/quotes/{fr,en}/frames.txt`), executable:
//! a pattern such as `QUOTE COMMA? (CUE(introducer) SPEAKER | SPEAKER CUE(verb))` or
//! `NAME CLAUSE COLON QUOTE` is parsed once and run over the tokens around each quote, each
//! slot a primitive of [`super::attribution`]. So a frame that combines existing slots in a new
//! order is a line of data, not code.
//!
//! After the quote, slots are read forward, one after the other, on the quote's line. Before
//! it, the marks next to the quote (`COLON`, `NEWLINE`) are checked first and bound the words
//! read; the words before them are read by the reader their slots name: `SPEAKER CUE(verb)` or
//! `CUE(introducer) SPEAKER` the backward cue scan ([`attribution::before`]), `SUBJECT AUX
//! CLAUSE`, `NAME CLAUSE` and `ORG CLAUSE` the subject of the clause the colon ends.

use super::attribution::{self, Site};
use super::context::Ctx;
use super::lexicon;
use super::phrase::{parse_forward, Phrase};
use crate::text::Span;
use std::sync::OnceLock;

/// A named primitive of the notation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Quote,
    Comma,
    Colon,
    Newline,
    As,
    Verb,
    InvertedVerb,
    Introducer,
    Speaker,
    Aux,
    Clause,
    Name,
    Org,
    Subject,
}

/// Each slot with its spelling in the frames files.
const SLOTS: &[(&str, Slot)] = &[
    ("QUOTE", Slot::Quote),
    ("COMMA", Slot::Comma),
    ("COLON", Slot::Colon),
    ("NEWLINE", Slot::Newline),
    ("AS", Slot::As),
    ("CUE(verb)", Slot::Verb),
    ("CUE(verb,inverted)", Slot::InvertedVerb),
    ("CUE(introducer)", Slot::Introducer),
    ("SPEAKER", Slot::Speaker),
    ("AUX", Slot::Aux),
    ("CLAUSE", Slot::Clause),
    ("NAME", Slot::Name),
    ("ORG", Slot::Org),
    ("SUBJECT", Slot::Subject),
];

/// One place of a pattern: its choices, each a sequence of (slot, optional); one choice of one
/// slot for a plain slot.
type Element = Vec<Vec<(Slot, bool)>>;

/// How the words before the quote's marks are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reader {
    /// `SPEAKER CUE(verb)`, `CUE(introducer) SPEAKER`: the nearest cue before the quote.
    BackwardCue,
    /// `SUBJECT AUX CLAUSE`: the subject of the clause, with an auxiliary after it.
    SubjectAux,
    /// `NAME CLAUSE`: a full name opening the sentence, then a clause.
    NamedSubject,
    /// `ORG CLAUSE`: an organisation or a document and its issuer, then a clause.
    SourceSubject,
}

/// A parsed pattern: the slots before the quote (marks and reader) or those after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    right: Vec<Element>,
    reader: Option<Reader>,
    colon: bool,
    newline: bool,
}

/// The pattern of an attribution read after a closing mark or an incise comma.
pub const AFTER: &str = "QUOTE COMMA? AS? (CUE(introducer) SPEAKER | CUE(verb,inverted) SPEAKER | SPEAKER CUE(verb))";

/// [`AFTER`], parsed once.
pub fn after() -> &'static Pattern {
    static AFTER_PATTERN: OnceLock<Pattern> = OnceLock::new();
    AFTER_PATTERN.get_or_init(|| parse(AFTER).expect("AFTER is a valid pattern"))
}

fn slot_named(s: &str) -> Result<Slot, String> {
    SLOTS.iter().find(|(n, _)| *n == s).map(|(_, sl)| *sl).ok_or_else(|| format!("unknown slot {s:?}"))
}

/// The elements of a pattern: `X?` optional, `(A B | C)` a choice.
fn elements(pattern: &str) -> Result<Vec<Element>, String> {
    let spaced = pattern.replace(", ", ",");
    let mut out: Vec<Element> = Vec::new();
    let mut group: Option<Element> = None;
    for word in spaced.split_whitespace() {
        if word == "|" {
            group.as_mut().ok_or("| outside a choice")?.push(Vec::new());
            continue;
        }
        let mut w = word;
        let opens = w.starts_with('(');
        if opens {
            if group.is_some() {
                return Err("nested choice".into());
            }
            group = Some(vec![Vec::new()]);
            w = &w[1..];
        }
        let closes = w.matches(')').count() > w.matches('(').count();
        if closes {
            w = w.strip_suffix(')').ok_or_else(|| format!("bad {word:?}"))?;
        }
        let optional = w.ends_with('?');
        let slot = slot_named(w.trim_end_matches('?'))?;
        match group.as_mut() {
            Some(g) => g.last_mut().expect("a choice has a sequence").push((slot, optional)),
            None => out.push(vec![vec![(slot, optional)]]),
        }
        if closes {
            let g = group.take().ok_or_else(|| format!("unopened choice at {word:?}"))?;
            if g.iter().any(Vec::is_empty) {
                return Err("an empty choice".into());
            }
            out.push(g);
        }
    }
    if group.is_some() {
        return Err("unclosed choice".into());
    }
    Ok(out)
}

/// Whether `e` is the single, required slot `s`.
fn is_just(e: &Element, s: Slot) -> bool {
    e.len() == 1 && e[0] == [(s, false)]
}

/// A pattern, checked: one QUOTE, slots on one side of it, each side readable.
pub fn parse(pattern: &str) -> Result<Pattern, String> {
    let mut els = elements(pattern)?;
    let q = els.iter().position(|e| is_just(e, Slot::Quote)).ok_or("no QUOTE")?;
    let right = els.split_off(q + 1);
    els.pop();
    let mut left = els;
    if right.iter().chain(&left).flatten().flatten().any(|(s, _)| *s == Slot::Quote) {
        return Err("QUOTE twice".into());
    }
    if !left.is_empty() && !right.is_empty() {
        return Err("slots on both sides of QUOTE".into());
    }
    for (s, _) in right.iter().flatten().flatten() {
        if !matches!(
            s,
            Slot::Comma | Slot::As | Slot::Clause | Slot::Verb | Slot::InvertedVerb | Slot::Introducer | Slot::Speaker
        ) {
            return Err(format!("{s:?} is not read after a quote"));
        }
    }
    let newline = left.last().is_some_and(|e| is_just(e, Slot::Newline));
    if newline {
        left.pop();
    }
    let colon = left.last().is_some_and(|e| is_just(e, Slot::Colon));
    if colon {
        left.pop();
    }
    let plain: Option<Vec<Slot>> =
        left.iter().map(|e| (e.len() == 1 && e[0].len() == 1 && !e[0][0].1).then(|| e[0][0].0)).collect();
    let cue = left.iter().flatten().flatten().any(|(s, _)| matches!(s, Slot::Verb | Slot::Introducer));
    let reader = match plain.as_deref() {
        _ if left.is_empty() => None,
        Some([Slot::Subject, Slot::Aux, Slot::Clause]) if colon => Some(Reader::SubjectAux),
        Some([Slot::Name, Slot::Clause]) if colon => Some(Reader::NamedSubject),
        Some([Slot::Org, Slot::Clause]) if colon => Some(Reader::SourceSubject),
        _ if cue => Some(Reader::BackwardCue),
        _ => return Err("no reader for the slots before QUOTE (a cue, or SUBJECT/NAME/ORG CLAUSE COLON)".into()),
    };
    if reader.is_none() && right.is_empty() {
        return Err("nothing to read around QUOTE".into());
    }
    Ok(Pattern { right, reader, colon, newline })
}

/// What has been read forward so far.
#[derive(Clone)]
struct Reading {
    pos: usize,
    speaker: Option<Phrase>,
    cue: Option<Span>,
    /// The cue read so far, which tells how the speaker after it is read.
    after: Option<Slot>,
}

impl Pattern {
    /// The site these slots read for the quote whose opening mark is token `open` and whose
    /// closing mark ends before token `after_close`.
    pub fn read(&self, ctx: &Ctx, open: usize, after_close: usize) -> Option<Site> {
        if let Some(reader) = self.reader {
            return self.read_before(ctx, reader, open);
        }
        // After the quote, on the same line.
        let same_line =
            after_close < ctx.len() && ctx.line_of(after_close) == ctx.line_of(after_close.saturating_sub(1));
        if !same_line {
            return None;
        }
        let mut line_end = after_close;
        let line = ctx.line_of(after_close.saturating_sub(1));
        while line_end < ctx.len() && ctx.line_of(line_end) == line && line_end < after_close + 20 {
            line_end += 1;
        }
        self.read_forward(ctx, after_close, line_end.min(after_close + attribution::AFTER_WINDOW)).map(|(site, _)| site)
    }

    /// The slots after QUOTE read from token `i` up to `end`: the site and the token after it.
    pub fn read_forward(&self, ctx: &Ctx, i: usize, end: usize) -> Option<(Site, usize)> {
        let mut r = Reading { pos: i, speaker: None, cue: None, after: None };
        for e in &self.right {
            // A choice is tried on a copy of the reading; a plain slot moves it on.
            r = match e.as_slice() {
                [only] => sequence(ctx, only, r, end)?,
                choices => choices.iter().find_map(|seq| sequence(ctx, seq, r.clone(), end))?,
            };
        }
        let phrase = r.speaker?;
        Some((Site { phrase, cue: r.cue }, r.pos))
    }

    fn read_before(&self, ctx: &Ctx, reader: Reader, open: usize) -> Option<Site> {
        if open >= ctx.len() || (self.newline && ctx.doc.tokens[open].newlines_before == 0) {
            return None;
        }
        let lo = if self.colon {
            // The sentence that a colon right before the opening mark ends.
            if open == 0 || !ctx.is_punct(open - 1, ":") {
                return None;
            }
            ctx.doc.sentences[ctx.sentence_of(open - 1)].start
        } else {
            // The quote's sentence on its line (the previous one when the quote opens it).
            let s = ctx.sentence_of(open);
            let mut lo = ctx.doc.sentences[s].start;
            if lo == open && s > 0 {
                lo = ctx.doc.sentences[s - 1].start;
            }
            lo.max(ctx.line_start(open))
        };
        let colon = open.saturating_sub(1);
        let cue = Some(ctx.span(colon, colon));
        let site = |phrase| Some(Site { phrase, cue });
        match reader {
            Reader::BackwardCue => attribution::before(ctx, open, lo),
            // No verb of saying: "X a été clair : « … »". A headline has no verb: no speaker.
            Reader::SubjectAux => {
                let p = attribution::find_subject(ctx, colon, lo)?;
                let aux = (p.last + 1..colon).any(|k| lexicon::is_auxiliary(ctx.f(k)) && !ctx.is_cap(k));
                aux.then(|| site(p)).flatten()
            }
            Reader::NamedSubject => site(attribution::sentence_subject(ctx, lo, colon)?),
            Reader::SourceSubject => site(attribution::colon_subject(ctx, lo, colon)?),
        }
    }
}

/// One choice's slots read in order from `r`; optional ones skipped when they do not match.
fn sequence(ctx: &Ctx, seq: &[(Slot, bool)], mut r: Reading, end: usize) -> Option<Reading> {
    for &(slot, optional) in seq {
        match step(ctx, slot, &mut r, end) {
            Some(()) => {}
            None if optional => {}
            None => return None,
        }
    }
    Some(r)
}

/// One slot read forward at `r.pos`.
fn step(ctx: &Ctx, slot: Slot, r: &mut Reading, end: usize) -> Option<()> {
    match slot {
        Slot::Comma => r.pos = attribution::comma(ctx, r.pos)?,
        Slot::As => r.pos = attribution::as_word(ctx, r.pos)?,
        Slot::Introducer => {
            let (cue, next) = attribution::introducer_after(ctx, r.pos)?;
            (r.cue, r.pos, r.after) = (Some(cue), next, Some(slot));
        }
        Slot::InvertedVerb => {
            let (cue, pronoun, next) = attribution::inverted_cue(ctx, r.pos, end)?;
            (r.cue, r.pos, r.after, r.speaker) = (Some(cue), next, Some(slot), pronoun);
        }
        Slot::Verb => {
            r.speaker.as_ref()?;
            let (cue, next) = attribution::subject_cue(ctx, r.pos, end)?;
            (r.cue, r.pos) = (Some(cue), next);
        }
        // Words up to the next comma, in the quote's sentence: an apposition ("John Smith, the
        // party's leader, said").
        Slot::Clause => {
            let stop = (r.pos..end).find(|&k| {
                ctx.in_quote(k) || [",", ".", ":", ";"].iter().any(|p| ctx.is_punct(k, p))
            })?;
            if stop == r.pos || !ctx.is_punct(stop, ",") {
                return None;
            }
            r.pos = stop;
        }
        // A pronoun glued to the inverted verb is already the speaker ("a-t-il ajouté").
        Slot::Speaker if r.speaker.is_some() => {}
        Slot::Speaker => {
            let p = match r.after {
                Some(Slot::Introducer) => attribution::source_phrase(ctx, r.pos, end)?,
                Some(_) => attribution::inverted_speaker(ctx, r.pos, end)?,
                None => parse_forward(ctx, r.pos, end)?,
            };
            r.pos = p.last + 1;
            r.speaker = Some(p);
        }
        _ => return None,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lang;
    use crate::document::Document;
    use crate::quotes::{frames, spans};

    /// The speaker words that the first frame of `frames_text` reads for the first quote of
    /// `text`.
    fn first_frame_reads(frames_text: &str, text: &str, lang: Lang) -> Option<String> {
        let frames = frames::read_frames(frames_text);
        let Some(frames::Frame::Slots(pattern)) = frames.first() else { panic!("no slot frame in {frames_text}") };
        let doc = Document::new(text, lang);
        let segs = spans::find(text);
        let inner: Vec<_> = segs.iter().map(|s| s.inner).collect();
        let ctx = Ctx::new(&doc).with_quoted(&inner);
        let open = ctx.token_at(segs[0].open.start);
        let after_close = ctx.token_at(segs[0].close?.end);
        let site = pattern.read(&ctx, open, after_close)?;
        Some(site.phrase.name.unwrap_or(site.phrase.span).slice(text).to_string())
    }

    #[test]
    fn a_frame_added_in_data_runs_its_own_slot_order() {
        let head = "# Source: test; licence: MIT\n";
        // The subject after the quote, only when a comma follows it and the verb comes after.
        let subject_first = format!("{head}subject_then_verb\tQUOTE COMMA SPEAKER CUE(verb)\tx\t-\n");
        let text = "« Nous viendrons », Anne Roux a ajouté.";
        assert_eq!(first_frame_reads(&subject_first, text, Lang::Fr).as_deref(), Some("Anne Roux"));
        let inverted = "« Nous viendrons », a ajouté Anne Roux.";
        assert_eq!(first_frame_reads(&subject_first, inverted, Lang::Fr), None, "the slots' order matters");
        // A named subject, a colon closing its paragraph and the quote opening the next one.
        let paragraph = format!("{head}name_colon_paragraph\tNAME CLAUSE COLON NEWLINE QUOTE\tx\t-\n");
        let text = "Sandrine Puech compte les semaines :\n« Il nous reste trois mois. »";
        assert_eq!(first_frame_reads(&paragraph, text, Lang::Fr).as_deref(), Some("Sandrine Puech"));
        let same_line = "Sandrine Puech compte les semaines : « Il nous reste trois mois. »";
        assert_eq!(first_frame_reads(&paragraph, same_line, Lang::Fr), None, "NEWLINE is required");
        // A frame whose slots no reader takes is rejected, not skipped silently.
        let bad = format!("{head}verb_then_name\tCUE(verb,inverted) NAME QUOTE\tx\t-\n");
        assert_eq!(frames::check_file("x/frames.txt", &bad).len(), 1);
    }

    #[test]
    fn patterns_parse_into_sides_and_readers() {
        let p = parse(AFTER).unwrap();
        assert_eq!(p.right.len(), 3);
        assert_eq!(p.right[2].len(), 3);
        assert_eq!(p.reader, None);
        let p = parse("SPEAKER CUE(verb) COLON NEWLINE QUOTE").unwrap();
        assert_eq!((p.reader, p.colon, p.newline), (Some(Reader::BackwardCue), true, true));
        let p = parse("NAME CLAUSE COLON QUOTE").unwrap();
        assert_eq!((p.reader, p.colon, p.newline), (Some(Reader::NamedSubject), true, false));
        for bad in [
            "QUOTE COMMA? CUE(verbs) SPEAKER",
            "COMMA QUOTE COMMA SPEAKER",
            "NAME CLAUSE QUOTE",
            "QUOTE (SPEAKER | CUE(verb)",
            "QUOTE COLON SPEAKER",
            "SPEAKER CUE(verb)",
            "QUOTE",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
