//! Direct quotes and who said them.
//!
//! [`spans`] pairs the quotation marks; [`scare`] drops marks around terms and titles;
//! [`attribution`] finds the cue and the words that say who speaks ([`phrase`] reads them, with
//! the speech verbs and introducers of [`frames`], data per language); [`speakers`] resolves them
//! by the strategy their kind calls for (named, role, pronoun) through the article's entities,
//! roles and salience. Here, the attribution frames of `data/quotes/{fr,en}/frames.txt` (slot
//! patterns run by [`grammar`], or named strategies) are
//! tried for each quote in that file's order (incise, cue after, cue before, the colon frames,
//! next quote of the sentence, run of quotes, subject of the sentence before), then
//! headline quotes take the body's first speaker; each quote gets its
//! [`Resolution`] and a confidence.

pub mod attribution;
pub mod context;
pub mod frames;
pub mod grammar;
pub mod lexicon;
pub mod phrase;
pub mod scare;
pub mod spans;
pub mod speakers;

use crate::analysis::{BlockKind, Resolution};
use crate::analysis::{Entity, Mention, Quote};
use crate::document::Document;
use crate::progress::{Reporter, Stage};
use crate::structure::Structure;
use crate::text::Span;
use attribution::Site;
use context::Ctx;
use frames::{Frame, Strategy};
use spans::Segment;
use crate::text::hash::SeededFx;
use std::collections::HashMap;

/// A quote being attributed: its spans (several with an incise or over several paragraphs).
struct Group {
    spans: Vec<Span>,
    open: Span,
    close: Option<Span>,
    incise: Option<Site>,
}

/// Where a group's speaker comes from.
enum Source {
    Site(Site),
    /// The attribution of the next quote in the same sentence.
    Next,
    /// The previous quote's speaker (a paragraph that is only a quote).
    Previous,
    /// The subject of the sentence before the quote, which has no attribution of its own.
    Subject(Site),
    None,
}

/// Every direct quote, sorted by position, with its speaker resolved through `entities`.
#[cfg(any(test, feature = "internals"))]
pub fn extract(
    doc: &Document,
    structure: &Structure,
    entities: &[Entity],
    mentions: &[Mention],
) -> Vec<Quote> {
    extract_reporting(doc, structure, entities, mentions, &mut Reporter::silent())
}

/// [`extract`], reported as [`Stage::Quotes`] with the position of each pair of quotation marks.
pub fn extract_reporting(
    doc: &Document,
    structure: &Structure,
    entities: &[Entity],
    mentions: &[Mention],
    progress: &mut Reporter,
) -> Vec<Quote> {
    progress.begin(Stage::Quotes);
    let segments = spans::find(doc.text);
    if segments.is_empty() {
        return Vec::new();
    }
    let plain = Ctx::new(doc);
    let mut groups: Vec<Group> = Vec::new();
    let mut i = 0;
    while i < segments.len() {
        let mut j = i + 1;
        while j < segments.len() && segments[j].group == segments[i].group {
            j += 1;
        }
        let segs: &[Segment] = &segments[i..j];
        i = j;
        progress.at(segs[0].open.start);
        if !scare::is_quote(&plain, segs) {
            continue;
        }
        let mut spans = Vec::new();
        let mut incise = None;
        for s in segs {
            let first = plain.token_at(s.inner.start);
            let end = plain.token_at(s.inner.end);
            match (incise.is_none() && end > first + 3)
                .then(|| attribution::incise(&plain, first, end - 1))
                .flatten()
            {
                Some((a, b, p)) => {
                    spans.push(Span::new(s.inner.start, plain.doc.tokens[a].start));
                    spans.push(Span::new(plain.doc.tokens[b].end, s.inner.end));
                    incise = Some(p);
                }
                None => spans.push(s.inner),
            }
        }
        spans.retain(|s| !s.slice(doc.text).trim().is_empty());
        let spans = spans.into_iter().map(|s| trim(doc.text, s)).collect();
        groups.push(Group { spans, open: segs[0].open, close: segs[segs.len() - 1].close, incise });
    }
    let quoted: Vec<Span> = groups.iter().flat_map(|g| g.spans.iter().copied()).collect();
    let ctx = plain.with_quoted(&quoted).with_names(mentions.iter().map(|m| m.span));
    let resolver = speakers::Resolver::new(&ctx, entities, mentions);
    let sources: Vec<Source> =
        groups.iter().enumerate().map(|(gi, g)| source(&ctx, &resolver, &groups, gi, g)).collect();

    let mut resolved: Vec<Attributed> = vec![Default::default(); groups.len()];
    // "Next" first needs the later group: resolve from the end for those, in order otherwise.
    let mut last_person = None;
    for gi in 0..groups.len() {
        let r = match &sources[gi] {
            Source::Site(site) => attributed(&resolver, &ctx, site, last_person),
            Source::Subject(site) => {
                // Weaker than a continuation of a quote: the sentence before spoke of someone.
                let mut r = attributed(&resolver, &ctx, site, last_person);
                r.resolved.confidence *= 0.8;
                continued(&r, Resolution::Continuation)
            }
            Source::Next => {
                let mut k = gi + 1;
                while matches!(sources.get(k), Some(Source::Next)) {
                    k += 1;
                }
                match sources.get(k) {
                    Some(Source::Site(site)) => attributed(&resolver, &ctx, site, last_person),
                    _ => Default::default(),
                }
            }
            Source::Previous => gi
                .checked_sub(1)
                .map(|k| continued(&resolved[k], Resolution::Continuation))
                .unwrap_or_default(),
            Source::None => Default::default(),
        };
        if r.resolved.person.is_some() {
            last_person = r.resolved.person;
        }
        resolved[gi] = r;
    }
    borrow_repeated_speakers(doc.text, &groups, &mut resolved);
    headline_speakers(structure, &groups, &mut resolved);
    let mut out = Vec::new();
    for (g, r) in groups.iter().zip(resolved) {
        let resolution = if r.resolved.speaker.is_some() { r.resolved.how } else { Resolution::None };
        for s in &g.spans {
            out.push(Quote {
                span: *s,
                speaker: r.resolved.speaker.clone(),
                speaker_entity: r.resolved.entity,
                speaker_span: r.speaker_span,
                cue: r.cue,
                resolution,
                confidence: r.resolved.confidence,
                boilerplate: false,
            });
        }
    }
    out
}

/// A group's speaker with the words that name it and the cue that points at them.
#[derive(Clone, Debug, Default)]
struct Attributed {
    resolved: speakers::Resolved,
    speaker_span: Option<Span>,
    cue: Option<Span>,
}

fn attributed(
    resolver: &speakers::Resolver,
    ctx: &Ctx,
    site: &Site,
    last_person: Option<usize>,
) -> Attributed {
    Attributed {
        resolved: resolver.resolve(ctx, &site.phrase, site.phrase.first, last_person),
        speaker_span: Some(site.phrase.span),
        cue: site.cue,
    }
}

/// Another quote's speaker, taken over as a continuation or from the body for a headline.
fn continued(from: &Attributed, how: Resolution) -> Attributed {
    let mut r = from.clone();
    r.resolved.how = how;
    r.resolved.confidence = speakers::confidence(how, from.resolved.confidence);
    r
}

/// A quote with no speaker whose words another, attributed quote repeats takes that speaker:
/// headlines and standfirsts quote words the body attributes ("« On nous prend pour des pions
/// »" in the title, "« On nous prend pour des pions. … », s’indigne X" below).
fn borrow_repeated_speakers(text: &str, groups: &[Group], resolved: &mut [Attributed]) {
    // Only quotes with no speaker take one: with none, nothing to compare.
    if resolved.iter().all(|r| r.resolved.speaker.is_some()) {
        return;
    }
    // Each quote's folded words, as ids, once: the comparisons below are then integer scans.
    // Ids are given to the words of the quotes with no speaker, the only ones searched for; the
    // other quotes' words that none of them has are one id that matches nothing.
    const ELSEWHERE: u32 = u32::MAX;
    // Bounded: long inputs with thousands of quotes compare each one with its neighbours only.
    const NEAR: usize = 200;
    let searched = |gi: usize| resolved[gi].resolved.speaker.is_none();
    // The attributed quotes near a searched one, the only ones compared: a quote's words are
    // read only when needed (a count of searched quotes within NEAR, kept as the index moves).
    let mut near: Vec<bool> = vec![false; groups.len()];
    let mut in_window = (0..NEAR.min(groups.len())).filter(|&k| searched(k)).count();
    for (gi, n) in near.iter_mut().enumerate() {
        if gi + NEAR < groups.len() && searched(gi + NEAR) {
            in_window += 1;
        }
        *n = in_window > 0;
        if gi >= NEAR - 1 && searched(gi + 1 - NEAR) {
            in_window -= 1;
        }
    }
    let mut ids: HashMap<&str, u32, SeededFx> = HashMap::default();
    let folded: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(gi, g)| match near[gi] || searched(gi) {
            true => crate::text::fold(&g.spans.iter().map(|s| s.slice(text)).collect::<Vec<_>>().join(" ")),
            false => String::new(),
        })
        .collect();
    let mut words: Vec<Vec<u32>> = vec![Vec::new(); groups.len()];
    for searching in [true, false] {
        for (gi, folded) in folded.iter().enumerate() {
            if searched(gi) != searching {
                continue;
            }
            words[gi] = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| match ids.get(w) {
                    Some(&id) => id,
                    None if searching => {
                        let next = ids.len() as u32;
                        ids.insert(w, next);
                        next
                    }
                    None => ELSEWHERE,
                })
                .collect();
        }
    }
    for gi in 0..groups.len() {
        let w = &words[gi];
        if resolved[gi].resolved.speaker.is_some() || w.len() < 2 {
            continue;
        }
        let lo = gi.saturating_sub(NEAR);
        let hi = (gi + NEAR).min(groups.len());
        let found = (lo..hi).filter(|&k| k != gi && resolved[k].resolved.speaker.is_some()).find(|&k| {
            let o = &words[k];
            o.len() > w.len() && o.windows(w.len()).any(|win| win == w.as_slice())
        });
        if let Some(k) = found {
            resolved[gi] = continued(&resolved[k], Resolution::Headline);
        }
    }
}

/// A headline quote with no speaker of its own is, in news, the main speaker's: the speaker of
/// the body's first attributed quote ("Banques piratées : « Le parquet exagère »" above
/// "Selon la fédération des banques, Febelfin, « … »"). None when the body quotes nobody.
fn headline_speakers(structure: &Structure, groups: &[Group], resolved: &mut [Attributed]) {
    let in_headline = |g: &Group| structure.kind_at(g.open.start) == Some(BlockKind::Headline);
    let Some(first) =
        groups.iter().zip(resolved.iter()).position(|(g, r)| !in_headline(g) && r.resolved.speaker.is_some())
    else {
        return;
    };
    let body = resolved[first].clone();
    for (g, r) in groups.iter().zip(resolved.iter_mut()) {
        if in_headline(g) && r.resolved.speaker.is_none() {
            *r = continued(&body, Resolution::Headline);
            r.speaker_span = None;
            r.cue = None;
        }
    }
}

fn trim(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    Span::new(s.start + lead, s.end - trail)
}

/// Finds where group `gi`'s speaker comes from: the attribution frames of its language
/// (`data/quotes/{fr,en}/frames.txt`), tried in the order that file gives.
fn source(ctx: &Ctx, resolver: &speakers::Resolver, groups: &[Group], gi: usize, g: &Group) -> Source {
    let open = ctx.token_at(g.open.start);
    let after_close = match g.close {
        Some(c) => ctx.token_at(c.end),
        None => ctx.token_at(g.spans.last().map_or(g.open.end, |s| s.end)),
    };
    let at = At { gi, g, open, after_close };
    frames::order(ctx.doc.lang)
        .iter()
        .find_map(|frame| matches(frame, ctx, resolver, groups, &at))
        .unwrap_or(Source::None)
}

/// Where a quote stands: its group, the token of its opening mark and the token after its
/// closing mark.
struct At<'g> {
    gi: usize,
    g: &'g Group,
    open: usize,
    after_close: usize,
}

/// The speaker's source that `frame` reads for the quote at `at`, if the frame matches.
fn matches(frame: &Frame, ctx: &Ctx, resolver: &speakers::Resolver, groups: &[Group], at: &At) -> Option<Source> {
    let (open, after_close) = (at.open, at.after_close);
    let strategy = match frame {
        Frame::Slots(pattern) => return pattern.read(ctx, open, after_close).map(Source::Site),
        Frame::Strategy(s) => *s,
    };
    match strategy {
        Strategy::Incise => at.g.incise.clone().map(Source::Site),
        Strategy::ClauseThenCue => {
            let same_line = after_close < ctx.len()
                && ctx.line_of(after_close) == ctx.line_of(after_close.saturating_sub(1));
            same_line.then(|| attribution::after_clause(ctx, after_close)).flatten().map(Source::Site)
        }
        // Another quote of the same sentence attributed after it: "« … » et « … », a dit X".
        Strategy::NextQuote => {
            let next = groups.get(at.gi + 1)?;
            let next_open = ctx.token_at(next.open.start);
            let same = next_open < ctx.len()
                && after_close < ctx.len()
                && ctx.sentence_of(next_open) == ctx.sentence_of(after_close.min(next_open))
                && ctx.line_of(next_open) == ctx.line_of(open.min(ctx.len() - 1));
            same.then_some(Source::Next)
        }
        // A paragraph that is only a quote continues the previous quote's speaker.
        Strategy::QuoteParagraph => {
            let prev = groups.get(at.gi.checked_sub(1)?)?;
            if open >= ctx.len() {
                return None;
            }
            let prev_line = ctx.line_of(ctx.token_at(prev.open.start).min(ctx.len() - 1));
            let line = ctx.line_of(open);
            let starts_line = ctx.doc.tokens[open].newlines_before > 0 || open == 0;
            let rest_is_empty = after_close >= ctx.len()
                || ctx.line_of(after_close) != line
                || (ctx.is_punct(after_close, ".")
                    && (after_close + 1 >= ctx.len() || ctx.line_of(after_close + 1) != line));
            (starts_line && rest_is_empty && line > prev_line && line - prev_line <= 2).then_some(Source::Previous)
        }
        // A quote of the same paragraph with no attribution of its own and nobody named since
        // the previous one: « … », a dit X. « … ». / X a dit « … », et « … ».
        // News goes on reporting one source's words through a paragraph ("L'agression a été
        // violente, « … »"), so a quote with no cue of its own continues it. (A new subject
        // that is no entity, "Les salariés, eux, ont prévu …, « … »", is missed: left open.)
        Strategy::SameParagraph => {
            let prev = groups.get(at.gi.checked_sub(1)?)?;
            if open >= ctx.len() {
                return None;
            }
            let prev_line = ctx.line_of(ctx.token_at(prev.open.start).min(ctx.len() - 1));
            let prev_close = ctx.token_at(prev.close.map_or(prev.open.end, |c| c.end));
            (ctx.line_of(open) == prev_line && !resolver.someone_named_between(ctx, prev_close, open))
                .then_some(Source::Previous)
        }
        // A quote opening a sentence inside a paragraph, after a sentence about someone: "Il a
        // demandé un rappel au règlement. « … »" continues that subject.
        Strategy::SubjectBefore => {
            if open >= ctx.len() || open == 0 || ctx.doc.tokens[open].newlines_before > 0 {
                return None;
            }
            let s = ctx.sentence_of(open);
            let starts = ctx.doc.sentences[s].start == open || ctx.is_punct(open - 1, ".");
            let prev = ctx.sentence_of(open - 1);
            let lo = ctx.doc.sentences[prev].start.max(ctx.line_start(open));
            if !starts || (lo..open).any(|k| ctx.in_quote(k)) {
                return None;
            }
            let p = attribution::clause_subject(ctx, lo, open - 1)
                .filter(|p| matches!(p.kind, phrase::Kind::Name | phrase::Kind::Pronoun(_)))?;
            Some(Source::Subject(Site { phrase: p, cue: None }))
        }
    }
}

// Unit tests run natively; proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
