//! Speaker phrases: the words that name who speaks at an attribution site, read forward after
//! a verb ("a déclaré le général Sadio Camara lors de …") or found backward from one ("Abdoulaye
//! Diop, en visite, a déclaré"). A phrase is a name, a pronoun, a role ("le ministre malien des
//! Affaires étrangères") or an organisation ("le ministère russe des Affaires étrangères").

use crate::words::word_list;
use super::context::Ctx;
use super::lexicon::{self, Gender};
use crate::text::Span;

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A proper name; `Phrase::name` holds it without titles.
    Name,
    Pronoun(Gender),
    Role,
    Org,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Phrase {
    pub kind: Kind,
    /// The whole phrase without its determiner.
    pub span: Span,
    /// The proper name inside, titles dropped.
    pub name: Option<Span>,
    /// Folded role words (heads, adjectives, complements), without determiners and connectors.
    pub role_words: Vec<String>,
    /// Token range of the phrase.
    pub first: usize,
    pub last: usize,
}

const MAX_PHRASE: usize = 12;

fn is_determiner(f: &str) -> bool {
    word_list!("quotes/fr/determiners.txt", "quotes/en/determiners.txt").contains(f)
}

/// Reads a speaker phrase starting at token `i`, not past token `end` (exclusive).
pub fn parse_forward(ctx: &Ctx, i: usize, end: usize) -> Option<Phrase> {
    let end = end.min(ctx.len());
    if i >= end || ctx.in_quote(i) {
        return None;
    }
    if let Some(g) = lexicon::pronoun(ctx.f(i)) {
        let s = ctx.span(i, i);
        return Some(Phrase {
            kind: Kind::Pronoun(g),
            span: s,
            name: None,
            role_words: vec![],
            first: i,
            last: i,
        });
    }
    let mut j = i;
    if is_determiner(ctx.f(j)) && !ctx.is_name_word(j) {
        j += 1;
    }
    let start = j;
    let mut role_words: Vec<String> = Vec::new();
    let mut name: Option<(usize, usize)> = None;
    let mut last = None;
    let mut prev_connector = false;
    // The last capitalised word belongs to a complement ("de la Défense").
    let mut in_complement = false;
    while j < end && j < start + MAX_PHRASE && !ctx.in_quote(j) {
        let f = ctx.f(j);
        if ctx.is_word(j) {
            let cap = ctx.is_cap(j);
            if cap && !lexicon::is_title(f) && !lexicon::is_function_word(f) {
                if let Some((s, _)) = name {
                    name = Some((s, j));
                } else if prev_connector || (in_complement && name_run_len(ctx, j, end) < 2) {
                    in_complement = true;
                    role_words.push(f.to_string());
                } else if lexicon::is_org_head(f) && role_words.is_empty() && f != "kremlin" {
                    role_words.push(f.to_string());
                } else {
                    name = Some((j, j));
                }
                last = Some(j);
                prev_connector = false;
            } else if name.is_some() && lexicon::is_name_particle(f) && ctx.is_cap(j + 1) && j + 1 < end {
                // "Charles de Gaulle": the particle stays in the name.
                name = name.map(|(s, _)| (s, j));
            } else if name.is_some() {
                break;
            } else if lexicon::is_connector(f) {
                prev_connector = true;
            } else if lexicon::ends_phrase(f)
                // After a determiner a verb form is a noun: "un conseiller", "le rapporteur".
                || (lexicon::is_speech_verb(f) && !(j == start && start > i))
                || lexicon::is_auxiliary(f) && f != "a"
            {
                break;
            } else {
                role_words.push(f.to_string());
                in_complement = false;
                prev_connector = false;
                last = Some(j);
            }
        } else {
            let t = ctx.text(j);
            let joins = j > 0 && ctx.glued(j - 1) && ctx.glued(j) && matches!(t, "-" | "‐");
            let abbrev = t == "." && j > start && lexicon::is_title(ctx.f(j - 1)) && ctx.glued(j - 1);
            if joins
                && name.is_none()
                && !role_words.is_empty()
                && !ctx.is_cap(j + 1)
                && ctx.is_word(j + 1)
                && j + 1 < end
            {
                // "porte-parole", "vice-ministre": one role word.
                let w = role_words.pop().unwrap_or_default();
                role_words.push(format!("{w}-{}", ctx.f(j + 1)));
                last = Some(j + 1);
                j += 2;
                continue;
            }
            // An initial inside a name: "B. Obama", "J. Smith".
            let initial = t == "."
                && name.is_some_and(|(_, e)| e == j - 1)
                && ctx.glued(j - 1)
                && ctx.text(j - 1).chars().count() == 1
                && ctx.is_cap(j + 1)
                && j + 1 < end;
            if !(joins || abbrev || initial) {
                break;
            }
            if joins || initial {
                if let Some((s, _)) = name {
                    name = Some((s, j));
                }
            }
        }
        j += 1;
    }
    let last = last?;
    if let Some((s, e)) = name {
        // Close a name ending on a particle or hyphen.
        let mut e = e;
        while e > s && !ctx.is_cap(e) {
            e -= 1;
        }
        let n = ctx.span(s, e);
        return Some(Phrase {
            kind: Kind::Name,
            span: ctx.span(start, last.max(e)),
            name: Some(n),
            role_words,
            first: start,
            last: last.max(e),
        });
    }
    let head = role_words.first()?;
    // "the council leader", "le syndicat porte-parole": a role of the organisation.
    let kind = if lexicon::is_org_head(head) && !role_words.get(1).is_some_and(|w| lexicon::is_role_head(w)) {
        Kind::Org
    } else if role_words.iter().take(2).any(|w| lexicon::is_role_head(w)) {
        Kind::Role
    } else {
        return None;
    };
    // Drop a dangling connector: "le chef de" -> "le chef".
    let mut last = last;
    while last > start && lexicon::is_connector(ctx.f(last)) {
        last -= 1;
    }
    Some(Phrase { kind, span: ctx.span(start, last), name: None, role_words, first: start, last })
}

/// Capitalised words in a row from `i` (particles and hyphens inside allowed).
fn name_run_len(ctx: &Ctx, i: usize, end: usize) -> usize {
    let mut n = 0;
    let mut j = i;
    while j < end && n < 6 {
        if ctx.is_cap(j) && !lexicon::is_title(ctx.f(j)) {
            n += 1;
        } else if !(ctx.is_punct(j, "-") && ctx.glued(j)) {
            break;
        }
        j += 1;
    }
    n
}

/// The speaker phrase nearest before token `verb` in `[lo, verb)`: a pronoun, a name, or a
/// role or organisation phrase (read forward from its determiner).
pub fn find_backward(ctx: &Ctx, verb: usize, lo: usize) -> Option<Phrase> {
    let mut k = verb;
    let floor = lo.max(verb.saturating_sub(30));
    while k > floor {
        k -= 1;
        if ctx.in_quote(k) {
            continue;
        }
        let f = ctx.f(k);
        if let Some(g) = lexicon::pronoun(f) {
            if f != "lui" && f != "him" && f != "her" {
                return Some(Phrase {
                    kind: Kind::Pronoun(g),
                    span: ctx.span(k, k),
                    name: None,
                    role_words: vec![],
                    first: k,
                    last: k,
                });
            }
        }
        if ctx.is_name_word(k) {
            // Skip a complement ("ministre de la Défense"): keep going to its head.
            let mut s = k;
            let name_like = |i: usize| {
                ctx.is_cap(i) && !lexicon::is_function_word(ctx.f(i)) && !lexicon::is_title(ctx.f(i))
            };
            while s > floor
                && (name_like(s - 1)
                    || (ctx.is_punct(s - 1, "-") && ctx.glued(s - 1) && s >= 2 && ctx.is_cap(s - 2)))
            {
                s -= 1;
            }
            // "The International Monetary Fund" opens the phrase; "of the Interior" completes one.
            let the_head = s > floor
                && ctx.f(s - 1) == "the"
                && !(s >= 2
                    && word_list!("quotes/en/complement_prepositions.txt").contains(ctx.f(s - 2)));
            if s > floor
                && lexicon::is_connector(ctx.f(s - 1))
                && !lexicon::is_name_particle(ctx.f(s - 1))
                && !the_head
            {
                k = s;
                continue;
            }
            if s > floor && word_list!("quotes/fr/complement_links.txt").contains(ctx.f(s - 1)) {
                // "de la Défense" as complement, unless a first name precedes ("Charles de Gaulle").
                if !(s >= 2 + floor && ctx.is_name_word(s - 2)) {
                    k = s;
                    continue;
                }
            }
            // Start from the titles and determiner in front ("le général Sadio Camara").
            let mut p = s;
            while p > floor && p + 4 > s && (lexicon::is_title(ctx.f(p - 1)) || is_determiner(ctx.f(p - 1))) {
                p -= 1;
            }
            if let Some(ph) = parse_forward(ctx, p, verb) {
                if ph.kind == Kind::Name {
                    return Some(ph);
                }
            }
            if let Some(ph) = parse_forward(ctx, s, verb) {
                return Some(ph);
            }
            continue;
        }
        let mut head = k;
        if k >= floor + 2 && ctx.is_punct(k - 1, "-") && ctx.glued(k - 2) && ctx.glued(k - 1) {
            let joined = format!("{}-{}", ctx.f(k - 2), f);
            if lexicon::is_role_head(&joined) {
                head = k - 2;
            }
        }
        if !ctx.is_cap(head) && (head != k || lexicon::is_role_head(f) || lexicon::is_org_head(f)) {
            let k = head;
            let mut p = k;
            while p > floor
                && p + 3 > k
                && (is_determiner(ctx.f(p - 1))
                    || lexicon::nationality(ctx.f(p - 1)).is_none() && lexicon::is_title(ctx.f(p - 1)))
            {
                p -= 1;
            }
            if let Some(ph) = parse_forward(ctx, p, verb) {
                return Some(ph);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lang;
    use crate::document::Document;

    fn forward(text: &str, from: &str) -> Option<(Kind, String, Option<String>)> {
        let doc = Document::new(text, Lang::Fr);
        let ctx = Ctx::new(&doc);
        let byte = text.find(from).unwrap();
        let i = ctx.token_at(byte);
        parse_forward(&ctx, i, ctx.len())
            .map(|p| (p.kind, p.span.slice(text).to_string(), p.name.map(|n| n.slice(text).to_string())))
    }

    #[test]
    fn phrases_after_the_verb() {
        let table: &[(&str, Kind, &str, Option<&str>)] = &[
            (
                "a déclaré Abdoulaye Diop lors de la conférence.",
                Kind::Name,
                "Abdoulaye Diop",
                Some("Abdoulaye Diop"),
            ),
            ("a répondu le général Sadio Camara.", Kind::Name, "général Sadio Camara", Some("Sadio Camara")),
            (
                "a déclaré le président de la transition malienne au début de l’entretien.",
                Kind::Role,
                "président de la transition malienne",
                None,
            ),
            (
                "a lancé le chef du Kremlin en présence de plusieurs hauts responsables",
                Kind::Role,
                "chef du Kremlin",
                None,
            ),
            (
                "a indiqué le ministère russe des Affaires étrangères dans le communiqué.",
                Kind::Org,
                "ministère russe des Affaires étrangères",
                None,
            ),
            (
                "dont le ministre russe de l’Énergie Sergueï Tsiviliov, le vice-ministre",
                Kind::Name,
                "ministre russe de l’Énergie Sergueï Tsiviliov",
                Some("Sergueï Tsiviliov"),
            ),
            (
                "avec le Général d’Armée Assimi GOÏTA qui a quitté",
                Kind::Name,
                "Général d’Armée Assimi GOÏTA",
                Some("Assimi GOÏTA"),
            ),
            (
                "said Iounous-Bek Ievkourov on Monday.",
                Kind::Name,
                "Iounous-Bek Ievkourov",
                Some("Iounous-Bek Ievkourov"),
            ),
            ("said Charles de Gaulle in 1940.", Kind::Name, "Charles de Gaulle", Some("Charles de Gaulle")),
        ];
        for (text, kind, span, name) in table.iter() {
            let from = text.split_whitespace().nth(if text.starts_with("a ") { 2 } else { 1 }).unwrap();
            let got = forward(text, from);
            assert_eq!(got, Some((kind.clone(), span.to_string(), name.map(str::to_string))), "{text}");
        }
    }

    #[test]
    fn nothing_to_read() {
        assert_eq!(forward("a déclaré la veille au soir.", "la"), None);
        assert_eq!(forward("", ""), None);
    }
}
