//! Gives each line its role from line-level evidence.
//!
//! 1. The article's body is the densest run of running text: the maximum-sum run of lines where
//!    sentence-shaped lines weigh their length and everything else weighs against (Kadane).
//! 2. Lines before that run (the header) hold the headline, dateline, byline and menus; lines
//!    after it (the tail) hold the signature and source, then share banners, comment forms,
//!    sidebar headlines and footers.
//! 3. Inside the run only strong evidence (a known phrase on a line that is not running text, a
//!    line repeated elsewhere on the page) makes a line boilerplate: a paragraph never is.

use super::lines::Line;
use super::metadata::{is_dateline, parse_byline, parse_lone_name, parse_source};
use super::navigation::{navigation, Navigation};
use super::phrases::{match_normalized, normalize, PhraseKind};
use crate::analysis::{BlockKind, Metadata};
use crate::text::FastMap;
use std::cell::OnceCell;
use std::ops::Range;

/// How many title-like lines after a "Lire aussi" heading inside the article are its links.
const RELATED_LINKS: usize = 4;

/// A role already known for a line piece (the scraped header cut off the first line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// A scraper's metadata ("date 2025-06"): boilerplate, still offered as the dateline.
    MachineDate,
    /// A printed dateline.
    Dateline,
}

/// What a short line says about the article.
#[derive(Clone)]
enum Meta {
    Dateline { machine: bool },
    Byline(Vec<String>),
    Source(String),
}

fn meta_of(s: &str, line: &Line) -> Option<Meta> {
    if line.span.len() > 200 || line.is_body_like() {
        return None;
    }
    if let Some(scan) = is_dateline(s) {
        return Some(Meta::Dateline { machine: scan.machine });
    }
    if let Some(source) = parse_source(s) {
        return Some(Meta::Source(source));
    }
    parse_byline(s).map(Meta::Byline)
}

/// The maximum-sum run of lines, or `None` when no line reads as running text.
fn densest_run(weights: &[i64]) -> Option<Range<usize>> {
    let (mut best, mut best_range) = (0i64, None);
    let (mut sum, mut start) = (0i64, 0usize);
    for (i, &w) in weights.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += w;
        if sum > best {
            best = sum;
            best_range = Some(start..i + 1);
        }
    }
    best_range
}

struct Evidence {
    phrase: Option<PhraseKind>,
    /// Boilerplate wherever it is: a phrase line, a prefix phrase on a line that is not running
    /// text, stray markup.
    strong: bool,
    body_like: bool,
    key: Option<String>,
    nav: Option<Navigation>,
}

impl Evidence {
    /// Boilerplate above or below the article, but not inside its run of text, where a line of
    /// short items between bars may be a list of the article's own ("Lyon 2-1 Nice | Lens 0-0 Lille").
    fn boilerplate_outside_run(&self) -> bool {
        self.strong || self.nav == Some(Navigation::Menu) || self.phrase == Some(PhraseKind::Contains)
    }
}

pub fn classify(text: &str, lines: &[Line], presets: &[Option<Preset>]) -> (Vec<BlockKind>, Metadata) {
    let n = lines.len();
    // What each line says about the article, read once on first use.
    let metas: Vec<OnceCell<Option<Meta>>> = (0..n).map(|_| OnceCell::new()).collect();
    let meta_at = |i: usize| metas[i].get_or_init(|| meta_of(lines[i].text(text), &lines[i]));
    let ev: Vec<Evidence> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let s = l.text(text);
            let norm = normalize(s);
            let phrase = match_normalized(&norm, s.len());
            let body_like = l.is_body_like();
            // "Par Jean Dupont | 3 mars 2023" has a menu's shape but gives the article's metadata.
            let nav = navigation(s, l).filter(|_| meta_at(i).is_none());
            let strong = l.markup
                || match phrase {
                    Some(PhraseKind::Line | PhraseKind::Section | PhraseKind::Related) => true,
                    Some(PhraseKind::Prefix | PhraseKind::Contains) => !body_like,
                    None => false,
                };
            let key = (l.has_alnum && l.words <= 40).then_some(norm);
            Evidence { phrase, strong, body_like, key, nav }
        })
        .collect();

    let weights: Vec<i64> = lines
        .iter()
        .zip(&ev)
        .map(|(l, e)| {
            let chars = i64::from(l.chars);
            if e.strong {
                -(chars + 100)
            } else if e.body_like {
                chars
            } else if l.terminal && l.words < 8 {
                0
            } else {
                -chars.max(40)
            }
        })
        .collect();
    let run = densest_run(&weights).unwrap_or(0..n);

    // Occurrences of each short line: everywhere, outside the run, after the run.
    let mut counts: FastMap<&str, (u32, u32, u32)> = FastMap::default();
    for (i, e) in ev.iter().enumerate() {
        if let Some(k) = e.key.as_deref().filter(|k| !k.is_empty()) {
            let c = counts.entry(k).or_default();
            c.0 += 1;
            c.1 += u32::from(!run.contains(&i));
            c.2 += u32::from(i >= run.end);
        }
    }
    let occurrences =
        |i: usize| ev[i].key.as_deref().and_then(|k| counts.get(k)).copied().unwrap_or_default();
    // (repeated on the page, one occurrence outside the run)
    let repeated = |i: usize| {
        let (all, out, _) = occurrences(i);
        (all >= 2, out >= 1)
    };

    let mut kinds = vec![BlockKind::Body; n];
    let mut meta = Metadata::default();
    let mut machine_dateline = None;
    let mut record = |i: usize, m: Meta, kinds: &mut Vec<BlockKind>, meta: &mut Metadata| match m {
        Meta::Dateline { machine: true } => {
            kinds[i] = BlockKind::Boilerplate;
            machine_dateline.get_or_insert(lines[i].span);
        }
        Meta::Dateline { machine: false } => {
            kinds[i] = BlockKind::Dateline;
            meta.dateline.get_or_insert(lines[i].span);
        }
        Meta::Byline(names) => {
            kinds[i] = BlockKind::Byline;
            for name in names {
                if !meta.authors.contains(&name) {
                    meta.authors.push(name);
                }
            }
        }
        Meta::Source(source) => {
            kinds[i] = BlockKind::Byline;
            meta.source.get_or_insert(source);
        }
    };
    let preset_meta = |i: usize| match presets.get(i).copied().flatten() {
        Some(Preset::MachineDate) => Some(Meta::Dateline { machine: true }),
        Some(Preset::Dateline) => Some(Meta::Dateline { machine: false }),
        None => None,
    };

    // The link lines right after a "Lire aussi" heading, wherever it is.
    let mut related_link = vec![false; n];
    let mut links_left = 0;
    for i in 0..n {
        if ev[i].phrase == Some(PhraseKind::Related) {
            links_left = RELATED_LINKS;
        } else if links_left > 0 && !ev[i].body_like && lines[i].is_title_like() && !ev[i].strong {
            related_link[i] = meta_at(i).is_none();
            links_left -= 1;
        } else {
            links_left = 0;
        }
    }

    // Header: before the body run. The headline comes before any running text.
    let header = 0..run.start;
    // A cookie banner reads like a sentence but is boilerplate here: the title may follow it.
    let first_text = header
        .clone()
        .find(|&i| ev[i].body_like && !ev[i].boilerplate_outside_run())
        .unwrap_or(run.start);
    let candidates: Vec<usize> = (0..first_text)
        .filter(|&i| {
            let l = &lines[i];
            !related_link[i]
                && !ev[i].boilerplate_outside_run()
                && ev[i].phrase.is_none()
                && preset_meta(i).is_none()
                && meta_at(i).is_none()
                && l.is_title_like()
                && l.words >= 3
                && !l.is_link_list()
                // A title may repeat in the header (page title and heading), not after the article.
                && !matches!(occurrences(i), (2.., _, 1..))
        })
        .collect();
    // A row of capitalised words is a menu when a title in sentence case follows; with none,
    // the row nearest the article is the title-case headline (menus come first).
    let headline = candidates
        .iter()
        .copied()
        .find(|&i| ev[i].nav.is_none())
        .or_else(|| candidates.last().copied());
    let headline_key = headline.and_then(|h| ev[h].key.clone());
    for i in header.clone() {
        let l = &lines[i];
        if let Some(m) = preset_meta(i) {
            record(i, m, &mut kinds, &mut meta);
        } else if ev[i].boilerplate_outside_run() || related_link[i] {
            kinds[i] = BlockKind::Boilerplate;
        } else if let Some(m) = meta_at(i).clone() {
            record(i, m, &mut kinds, &mut meta);
        } else if Some(i) == headline {
            kinds[i] = BlockKind::Headline;
        } else if (repeated(i).0 && ev[i].key != headline_key) || l.is_link_list() {
            kinds[i] = BlockKind::Boilerplate;
        } else if headline.is_some_and(|h| i < h) && (l.words <= 4 || ev[i].nav.is_some()) && !ev[i].body_like {
            kinds[i] = BlockKind::Boilerplate; // menu entries and breadcrumbs above the title
        }
    }
    mark_runs(&mut kinds, lines, header.clone(), 3, |l| l.words <= 4 && l.is_title_like());

    // Body run: only strong evidence.
    for i in run.clone() {
        if let Some(m) = preset_meta(i) {
            record(i, m, &mut kinds, &mut meta);
        } else if ev[i].strong || related_link[i] {
            kinds[i] = BlockKind::Boilerplate;
        } else if let Some(m @ (Meta::Byline(_) | Meta::Source(_))) = meta_at(i).clone() {
            record(i, m, &mut kinds, &mut meta);
        } else if !ev[i].body_like && repeated(i) == (true, true) && ev[i].key != headline_key {
            kinds[i] = BlockKind::Boilerplate; // a share banner repeated at the top or bottom
        }
    }

    // Tail: after the body run.
    let tail = run.end..n;
    let (mut section, mut seen_boilerplate) = (false, false);
    for (pos, i) in tail.clone().enumerate() {
        let l = &lines[i];
        let s = l.text(text);
        if section {
            kinds[i] = BlockKind::Boilerplate;
        } else if let Some(m) = preset_meta(i) {
            record(i, m, &mut kinds, &mut meta);
        } else if ev[i].boilerplate_outside_run() || related_link[i] {
            kinds[i] = BlockKind::Boilerplate;
            section = ev[i].phrase == Some(PhraseKind::Section);
        } else if let Some(m) = meta_at(i).clone() {
            record(i, m, &mut kinds, &mut meta);
        } else if repeated(i).0 || l.is_link_list() || (seen_boilerplate && !ev[i].body_like) {
            kinds[i] = BlockKind::Boilerplate;
        } else if let Some(name) = (!seen_boilerplate && pos < 3).then(|| parse_lone_name(s)).flatten() {
            record(i, Meta::Byline(vec![name]), &mut kinds, &mut meta);
        }
        seen_boilerplate |= kinds[i] == BlockKind::Boilerplate;
    }
    mark_runs(&mut kinds, lines, tail, 3, |l| !l.is_body_like() && l.is_title_like());

    meta.headline = headline.map(|h| lines[h].span);
    if meta.dateline.is_none() {
        meta.dateline = machine_dateline;
    }
    (kinds, meta)
}

/// Marks as boilerplate every run of at least `min` consecutive body lines in `range` that
/// satisfy `short` (menus above the title, sidebar headlines below the article).
fn mark_runs(
    kinds: &mut [BlockKind],
    lines: &[Line],
    range: Range<usize>,
    min: usize,
    short: impl Fn(&Line) -> bool,
) {
    let mut i = range.start;
    while i < range.end {
        if kinds[i] == BlockKind::Body && short(&lines[i]) {
            let start = i;
            while i < range.end && kinds[i] == BlockKind::Body && short(&lines[i]) {
                i += 1;
            }
            if i - start >= min {
                kinds[start..i].fill(BlockKind::Boilerplate);
            }
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn densest_run_skips_the_furniture() {
        assert_eq!(densest_run(&[-40, 300, -40, 500, -100, -60, 80]), Some(1..4));
        assert_eq!(densest_run(&[-40, -10]), None);
        assert_eq!(densest_run(&[]), None);
    }
}
