//! Candidate names from the text alone: runs of capitalised words (with name particles and
//! hyphens), split where a gazetteer entry starts or a title ends, and organisation patterns
//! ("ministère russe de la Défense", "Commission intergouvernementale russo-malienne").

use super::context::Ctx;
use super::gazetteer::class;
use crate::words::{word_list, WordList};

mod adjectives_fr;
mod institutions_fr;
mod linked_names_en;
mod toponyms_fr;

use adjectives_fr::adjective_end;
pub use adjectives_fr::adjective_like;
use institutions_fr::{complement_end, is_seat_head, seat_institution};
pub use linked_names_en::linked_names;
pub use toponyms_fr::in_toponym_chain;
use toponyms_fr::toponym_link_end;

/// Where a candidate comes from; decides who wins when candidates overlap.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Origin {
    /// A run of capitalised words.
    Name,
    /// An organisation pattern around a head noun.
    OrgPattern,
    /// A span the statistical tagger proposed that no rule found.
    Tagger,
}

/// A candidate name: tokens `first..=last`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece {
    pub first: usize,
    pub last: usize,
    pub origin: Origin,
    /// Gazetteer classes of the whole span (0 when none).
    pub classes: u16,
}

/// Lowercase particles inside names ("Ibn Khaldoun", "Abu Bakr al-Baghdadi", "Van Gogh").
fn name_particles() -> &'static WordList {
    word_list!("entities/name_particles.txt")
}

/// "de" particles: kept inside a name only when a gazetteer entry or an organisation head says so.
const DE_PARTICLES: &[&str] = &["de", "du", "des", "d'"];

/// If a particle starts at `j` and a capitalised word follows it, the index of that word.
fn particle_end(ctx: &Ctx, j: usize) -> Option<usize> {
    if !ctx.continues(j) || !ctx.is_lower(j) {
        return None;
    }
    let f = ctx.fold(j);
    let mut k = j + 1;
    if DE_PARTICLES.contains(&f) {
        if f == "de" && matches!(ctx.fold(k), "la" | "l'") && ctx.continues(k) {
            k += 1;
        }
    } else if name_particles().contains(f) {
        // "Ursula von der Leyen", "Rafael van der Vaart": particles in a row.
        while k < ctx.len() && ctx.continues(k) && ctx.is_lower(k) && name_particles().contains(ctx.fold(k)) {
            k += 1;
        }
        if ctx.text(k) == "-" && ctx.continues(k) && !ctx.doc.tokens[k].space_before {
            k += 1;
        }
    } else {
        return None;
    }
    (k < ctx.len() && ctx.continues(k) && ctx.is_cap(k)).then_some(k)
}

fn is_de_particle(ctx: &Ctx, i: usize) -> bool {
    ctx.is_lower(i) && (DE_PARTICLES.contains(&ctx.fold(i)) || matches!(ctx.fold(i), "la" | "l'"))
}

fn is_joiner(ctx: &Ctx, i: usize) -> bool {
    ctx.text(i) == "-"
        || (ctx.is_lower(i) && (is_de_particle(ctx, i) || name_particles().contains(ctx.fold(i))))
}

/// Maximal runs of capitalised words joined by spaces, hyphens and particles, per line.
pub fn sequences(ctx: &Ctx) -> Vec<(usize, usize)> {
    let n = ctx.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !ctx.is_cap(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut j = i + 1;
        while j < n && ctx.continues(j) {
            let tok = &ctx.doc.tokens[j];
            if ctx.is_cap(j) && tok.space_before {
                end = j;
                j += 1;
            } else if ctx.text(j) == "-"
                && !tok.space_before
                && j + 1 < n
                && ctx.continues(j + 1)
                && !ctx.doc.tokens[j + 1].space_before
                && ctx.is_cap(j + 1)
            {
                end = j + 1;
                j += 2;
            } else if let Some(k) = toponym_link_end(ctx, j) {
                end = k;
                j = k + 1;
            } else if let Some(k) = particle_end(ctx, j) {
                end = k;
                j = k + 1;
            } else {
                break;
            }
        }
        out.push((start, end));
        i = end + 1;
    }
    out
}

/// Splits one run into candidate names: drops leading titles ("Général", "Président de la
/// Transition"), cuts out gazetteer entries ("Alliance Mali Russie" → "Mali", "Russie";
/// "Mali-Russie" → "Mali", "Russie") and splits at "de" unless an entry or a head noun binds it.
pub fn split_sequence(ctx: &Ctx, start: usize, end: usize) -> Vec<Piece> {
    let mut pos = start;
    // A title may end with the dot just after the run: in "M. Clemenceau" the run is "M".
    let dot_after = end + 1 < ctx.len() && ctx.text(end + 1) == "." && !ctx.doc.tokens[end + 1].space_before;
    let title_limit = if dot_after { end + 1 } else { end };
    // Titles at the head of the run.
    while let Some((last, _)) = ctx.longest(pos, title_limit, class::TITLE) {
        if ctx.classes(pos, end) & class::NAME != 0 {
            break;
        }
        // "Saint-Nazaire", "SAINT-NAZAIRE": a hyphen glues the title word into a name.
        if last < end && ctx.text(last + 1) == "-" && !ctx.doc.tokens[last + 1].space_before {
            break;
        }
        pos = last + 1;
        if pos > end {
            return Vec::new();
        }
        if is_joiner(ctx, pos) {
            return Vec::new(); // "Président de la Transition": the rest is the title's complement
        }
    }
    // "Énergie Sergueï Tsiviliov": common words before a first name belong to a role.
    // Not inside a hyphenated place: "Saint-Laurent-en-Grandvaux".
    if let Some(k) = (pos + 1..=end).find(|&k| {
        ctx.is_cap(k) && ctx.classes(k, k) & class::FIRST_NAME != 0 && k < end && ctx.text(k - 1) != "-"
    }) {
        if (pos..k).all(|i| !ctx.is_cap(i) || ctx.is_common(i))
            && ctx.classes(pos, end) & class::NAME == 0
        {
            // "la députée de la Creuse Mathilde Rouvier": a known place before the person.
            if ctx.classes(pos, k - 1) & class::NAME != 0 {
                let mut pieces: Vec<Piece> = trim(ctx, pos, k - 1).into_iter().collect();
                pieces.extend(trim(ctx, k, end));
                return pieces;
            }
            pos = k;
        }
    }
    // "ministre de la Défense Iounous-Bek Ievkourov": capitalised common nouns completing a role,
    // then a word that is no common noun, which starts the name.
    let hyphenated = pos < end && ctx.text(pos + 1) == "-" && !ctx.doc.tokens[pos + 1].space_before;
    // Not "de La Baule", whose capitalised article belongs to the name.
    // Nor "l’US Saint-Omer", whose initials are no common word ("us").
    let article =
        (matches!(ctx.fold(pos), "la" | "le" | "les") && !ctx.is_all_caps(pos)) || ctx.is_all_caps(pos);
    if super::cues::complement(ctx, pos)
        && ctx.classes(pos, end) & class::NAME == 0
        && !hyphenated
        && !article
    {
        if let Some(k) = (pos + 1..=end).find(|&k| ctx.is_cap(k) && !ctx.is_common(k)) {
            if (pos..k).all(|i| !ctx.is_cap(i) || ctx.is_common(i)) {
                pos = k;
            }
        }
    }
    let whole = ctx.classes(pos, end);
    if whole & class::NAME != 0 {
        return vec![Piece { first: pos, last: end, origin: Origin::Name, classes: whole }];
    }
    if unknown_head_of(ctx, pos, end) {
        return trim(ctx, pos, end).into_iter().collect();
    }
    // "sa société, Atlantique Patrimoine Conseil": after an organisation noun, the run is the
    // organisation's name, places inside it included.
    // Not past a person's name: "l’agence RIA Novosti Valentine Sapounov".
    if end > pos
        && (pos..=end).all(|k| ctx.is_cap(k) || ctx.text(k) == "-")
        && ctx.classes(pos, pos) & class::FIRST_NAME == 0
        && !(pos + 1..end).any(|k| person_ahead(ctx, k, end))
        && super::cues::org_noun_before(ctx, pos)
    {
        return trim(ctx, pos, end).into_iter().collect();
    }
    if ctx.classes(pos, pos) & class::FIRST_NAME != 0 && end > pos {
        // A person: keep it whole, only cut a trailing "de …" that is not a particle name.
        return trim(ctx, pos, end).into_iter().collect();
    }
    let mut pieces = Vec::new();
    let mut rest_start = pos;
    let mut k = pos;
    let flush = |pieces: &mut Vec<Piece>, a: usize, b: usize| {
        if a <= b {
            split_at_de(ctx, a, b, pieces);
        }
    };
    while k <= end {
        if is_joiner(ctx, k) {
            k += 1;
            continue;
        }
        let person_ahead = person_ahead(ctx, k, end);
        // An entry inside a toponym chain ("Boulogne" in "Boulogne-sur-Mer") does not cut it.
        let cuts_chain = |last: usize| {
            in_toponym_chain(ctx, k)
                && (last < end && in_toponym_chain(ctx, last + 1)
                    || (k > pos && in_toponym_chain(ctx, k - 1)))
        };
        // "Haut-Doubs", "Basse-Loire": a place glued to a common word before it is one name.
        let after_common = k >= pos + 2
            && ctx.text(k - 1) == "-"
            && !ctx.doc.tokens[k - 1].space_before
            && !ctx.doc.tokens[k].space_before
            && ctx.is_cap(k - 2)
            && ctx.is_common(k - 2)
            && ctx.classes(k - 2, k - 2) & class::NAME == 0;
        // "US Saint-Omer", "RC Lens", "BBC Radio Leeds": a club's or a station's initials or
        // name, then its town, make one name.
        let entry = if ctx.is_cap(k) { ctx.longest(k, end, class::NAME) } else { None };
        if let Some(e) = local_branch(ctx, k, end, entry) {
            if k > rest_start {
                flush(&mut pieces, rest_start, k - 1);
            }
            pieces.push(Piece { first: k, last: e, origin: Origin::Name, classes: class::ORG });
            k = e + 1;
            rest_start = k;
            continue;
        }
        if let Some((last, c)) =
            entry.filter(|&(last, _)| !(person_ahead && last == k || cuts_chain(last) || after_common))
        {
            // An entry inside a longer run: "Russie" in "Russie de Vladimir Poutine".
            if k > rest_start {
                flush(&mut pieces, rest_start, k - 1);
            }
            pieces.push(Piece { first: k, last, origin: Origin::Name, classes: c });
            k = last + 1;
            rest_start = k;
        } else if person_ahead {
            // "la Russie de Vladimir Poutine": the person runs to the end.
            if k > rest_start {
                flush(&mut pieces, rest_start, k - 1);
            }
            pieces.extend(trim(ctx, k, end));
            return pieces;
        } else {
            k += 1;
        }
    }
    if rest_start <= end {
        flush(&mut pieces, rest_start, end);
    }
    pieces
}

/// A first name at `k` and a capitalised word after it by `end`, glued by a hyphen or not: a
/// person's name starts there ("Vladimir Poutine", "Jean-Philippe Magnen").
fn person_ahead(ctx: &Ctx, k: usize, end: usize) -> bool {
    let next = if k + 2 <= end && ctx.text(k + 1) == "-" && !ctx.doc.tokens[k + 1].space_before {
        k + 2
    } else {
        k + 1
    };
    next <= end && ctx.is_cap(next) && ctx.classes(k, k) & class::FIRST_NAME != 0
}

/// Gazetteer entries that run over lowercase words, numbers or a clitic ("Nations unies",
/// "Bande de Gaza", "Pierviy kanal", "France 2", "Europe 1", "Moody’s"), which capitalised runs
/// cut short. Not a number that goes on ("la France 2 000 fois", "Europe 1 million").
pub fn gazetteer_pieces(ctx: &Ctx) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.len() {
        if ctx.is_cap(i) {
            let limit = i + ctx.gaz.max_tokens;
            if let Some((last, c)) = ctx.longest(i, limit, class::NAME) {
                if last > i
                    && (i..=last).all(|k| k == i || ctx.continues(k))
                    && (i..=last).any(|k| !ctx.is_cap(k) && !is_joiner(ctx, k))
                    && !number_goes_on(ctx, last)
                {
                    out.push(Piece { first: i, last, origin: Origin::Name, classes: c });
                    i = last + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// Whether the number at `last` reads on into the next token ("2 000", "1 million", "3 %").
fn number_goes_on(ctx: &Ctx, last: usize) -> bool {
    let digits = |k: usize| ctx.text(k).starts_with(|c: char| c.is_ascii_digit());
    let next = last + 1;
    digits(last)
        && ctx.continues(next)
        && (digits(next)
            || word_list!("entities/fr/number_words.txt", "entities/en/number_words.txt").contains(ctx.fold(next)))
}

/// Trims joiners at both ends of `a..=b`.
fn trim(ctx: &Ctx, mut a: usize, mut b: usize) -> Option<Piece> {
    while a <= b && is_joiner(ctx, a) {
        a += 1;
    }
    while b > a && is_joiner(ctx, b) {
        b -= 1;
    }
    (a <= b && !is_joiner(ctx, a)).then(|| Piece {
        first: a,
        last: b,
        origin: Origin::Name,
        classes: ctx.classes(a, b),
    })
}

fn split_at_de(ctx: &Ctx, a: usize, b: usize, out: &mut Vec<Piece>) {
    let Some(p) = trim(ctx, a, b) else { return };
    let head_binds =
        ctx.classes(p.first, p.first) & class::ORG_HEAD != 0 || unknown_head_of(ctx, p.first, p.last);
    if head_binds {
        out.push(p);
        return;
    }
    let mut s = p.first;
    let mut k = p.first;
    while k <= p.last {
        if is_de_particle(ctx, k) && !in_toponym_chain(ctx, k) {
            if let Some(q) = trim(ctx, s, k.saturating_sub(1)) {
                out.push(q);
            }
            while k <= p.last && is_de_particle(ctx, k) {
                k += 1;
            }
            s = k;
        } else {
            k += 1;
        }
    }
    if s <= p.last {
        if let Some(q) = trim(ctx, s, p.last) {
            out.push(q);
        }
    }
}

/// At `k`, a club's initials or a media name, then a town ending the run: "US Saint-Omer",
/// "USL Dunkerque", "RC Lens", "BBC Radio Leeds". Returns the town's last token. Not a
/// country's initials in English ("US Navy" is no club), nor a pair of places.
fn local_branch(ctx: &Ctx, k: usize, end: usize, entry: Option<(usize, u16)>) -> Option<usize> {
    if k >= end || !ctx.is_cap(k + 1) {
        return None;
    }
    let head_end = match entry.filter(|&(_, c)| c & class::MEDIA != 0) {
        Some((e, _)) => e,
        None => {
            let s = ctx.text(k);
            let initials = ctx.is_all_caps(k)
                && (2..=4).contains(&s.chars().count())
                && s.chars().all(|c| c.is_alphabetic())
                && !ctx.is_function_word(k);
            let place = ctx.classes(k, k) & class::PLACE != 0;
            if !initials
                || (place && ctx.doc.lang == crate::analysis::Lang::En)
                || ctx.classes(k, k) & (class::ORG | class::DEMONYM) != 0
            {
                return None;
            }
            k
        }
    };
    let t = head_end + 1;
    if t > end || !ctx.doc.tokens[t].space_before || !ctx.is_cap(t) {
        return None;
    }
    // "l’AFP Jean-Philippe Magnen": a first name and more is the person the agency quotes.
    if t < end && ctx.classes(t, t) & class::FIRST_NAME != 0 {
        return None;
    }
    let (e, _) =
        ctx.longest(t, end, class::CITY | class::REGION).filter(|&(e, _)| e == end).or_else(|| {
            // An unknown town written like one: "Saint-Omer", or one word no list has
            // ("Dunkerque") after initials.
            let hyphenated = in_toponym_chain(ctx, t) || (t + 2 <= end && ctx.text(t + 1) == "-");
            let lone = t == end
                && head_end == k
                && !ctx.is_common(t)
                && ctx.classes(t, t) == 0
                && !ctx.is_all_caps(t)
                && ctx.text(t).chars().all(char::is_alphabetic);
            (hyphenated || lone).then_some((end, 0))
        })?;
    Some(e)
}

/// A word no list knows, opening a name that goes on with "de" and a capitalised name: a
/// company or a body named after its place ("Verreries du Quercy", "Fruitière des Deux-Lacs"),
/// kept whole rather than cut into a stray word and a place. People are not taken: a first
/// name ("Charles de Gaulle") or a title opens their names.
pub fn unknown_head_of(ctx: &Ctx, first: usize, last: usize) -> bool {
    // "L’Écho de l’Audomarois": past an elided article that opens the name.
    let first = if first < last && !ctx.is_cap(first) && ctx.fold(first) == "l'" { first + 1 } else { first };
    let k = first + 1;
    last > k
        && ctx.is_cap(first)
        && !ctx.is_all_caps(first)
        && ctx.classes(first, first) == 0
        && !ctx.is_common(first)
        && is_de_particle(ctx, k)
        && !in_toponym_chain(ctx, k)
        && (k + 1..=last).any(|j| ctx.is_cap(j))
}

/// Every capitalised run of the text split into candidate names.
pub fn name_pieces(ctx: &Ctx) -> Vec<Piece> {
    let mut pieces: Vec<Piece> =
        sequences(ctx).into_iter().flat_map(|(s, e)| split_sequence(ctx, s, e)).collect();
    for p in &mut pieces {
        if let Some(first) = name_opening(ctx, p.first, p.last) {
            *p = Piece { first, classes: ctx.classes(first, p.last), ..*p };
        }
    }
    // A piece the opening swallowed ("St" before "St. Henry").
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        while out.last().is_some_and(|q| q.first >= p.first && q.last <= p.last) {
            out.pop();
        }
        out.push(p);
    }
    out
}

/// What opens the name `first..=last` before its first capitalised word: a capitalised elided
/// article that belongs to it ("Photo X / L’Écho de l’Audomarois", a masthead line
/// "L’Écho de l’Audomarois"; not a sentence's "L’Élysée a …"), or the abbreviated "St." of a
/// place ("St. Henry", "Mt. Vernon").
fn name_opening(ctx: &Ctx, first: usize, last: usize) -> Option<usize> {
    if first == 0 || ctx.doc.tokens[first].space_before {
        // "St. Henry": the abbreviation, its dot, a space.
        let (a, dot) = (first.checked_sub(2)?, first - 1);
        // "V. Sapounov", "A. Montebourg": a first name's initial (not "M.", a title).
        let initial = ctx.text(a).chars().count() == 1
            && ctx.is_cap(a)
            && ctx.classes(a, dot) & class::TITLE == 0
            && ctx.classes(first, first) & class::NAME == 0
            && (a == 0 || ctx.text(a - 1) != ".");
        let abbr = (matches!(ctx.text(a), "St" | "Ste" | "Mt" | "Ft") || initial)
            && ctx.text(dot) == "."
            && !ctx.doc.tokens[dot].space_before;
        let same_line =
            ctx.doc.tokens[dot].newlines_before == 0 && ctx.doc.tokens[first].newlines_before == 0;
        return (abbr && same_line).then_some(a);
    }
    let a = first - 1;
    let t = ctx.text(a);
    if !(t.starts_with('L') && t.ends_with(['\'', '’'])) || t.chars().count() != 2 {
        return None;
    }
    let line_start = a == 0 || ctx.doc.tokens[a].newlines_before > 0;
    let line_end = last + 1 >= ctx.len() || ctx.doc.tokens[last + 1].newlines_before > 0;
    let inside = !ctx.is_initial(a) && !line_start;
    // "L’Oréal": a gazetteer entry that opens with its article, wherever it stands.
    let entry = ctx.classes(a, last) & class::NAME != 0;
    (inside || entry || (line_start && line_end)).then_some(a)
}

/// Organisation names around a head noun: "ministère (russe)? de la Défense", "ministry of
/// Defence", and a capitalised head with adjectives ("Ligue régionale de football").
pub fn org_patterns(ctx: &Ctx) -> Vec<Piece> {
    let n = ctx.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        // Every head below is a word: punctuation and numbers are let go unfolded.
        if ctx.doc.tokens[i].kind != crate::text::TokenKind::Word {
            i += 1;
            continue;
        }
        let f = ctx.fold(i);
        if f == "ministere" || f == "ministry" {
            if let Some(last) = ministry(ctx, i) {
                out.push(Piece { first: i, last, origin: Origin::OrgPattern, classes: class::ORG });
                i = last + 1;
                continue;
            }
        }
        if ctx.doc.lang != crate::analysis::Lang::En {
            if let Some(last) = is_seat_head(f).then(|| seat_institution(ctx, i)).flatten() {
                out.push(Piece { first: i, last, origin: Origin::OrgPattern, classes: class::ORG });
                i = last + 1;
                continue;
            }
        }
        if ctx.is_cap(i) && !ctx.is_initial(i) && ctx.classes(i, i) & class::ORG_HEAD != 0 {
            // "Autorité de la concurrence", "Cour des comptes" (not "Ligue des champions", a
            // competition).
            let entry = ctx.longest(i, i + ctx.gaz.max_tokens, class::NAME).is_some_and(|(l, _)| l > i);
            if adjective_end(ctx, i + 1).is_none() && f != "ligue" && !entry {
                if let Some(last) = complement_end(ctx, i + 1) {
                    out.push(Piece { first: i, last, origin: Origin::OrgPattern, classes: class::ORG });
                    i = last + 1;
                    continue;
                }
            }
            if let Some(mut last) = adjective_end(ctx, i + 1) {
                while let Some(l) = adjective_end(ctx, last + 1) {
                    last = l;
                }
                // "… sur la coopération commerciale, économique et technique", "… de football".
                if let Some(l) = complement_end(ctx, last + 1) {
                    last = l;
                }
                // A known name is left to the gazetteer when it reaches as far ("Assemblée
                // nationale du Québec") or only adjectives of nationality follow it ("Parti
                // populaire espagnol": the name is "Parti populaire").
                let known = ctx.longest(i, i + ctx.gaz.max_tokens, class::ORG | class::MEDIA).filter(|&(l, _)| {
                    l >= last || (l > i && (l + 1..=last).all(|k| ctx.classes(k, k) & class::DEMONYM != 0))
                });
                if known.is_none() {
                    out.push(Piece { first: i, last, origin: Origin::OrgPattern, classes: class::ORG });
                    i = last + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out.extend(linked_names(ctx));
    out.sort_by_key(|p| p.first);
    out
}

/// A segment of capitalised words from `i` (joined by spaces, glued hyphens and "&": "Procter
/// & Gamble", "M&S"): its last token.
fn cap_segment(ctx: &Ctx, i: usize) -> Option<usize> {
    if i >= ctx.len() || !ctx.is_cap(i) {
        return None;
    }
    let glued = |k: usize| k < ctx.len() && ctx.continues(k) && !ctx.doc.tokens[k].space_before;
    let mut last = i;
    loop {
        let j = last + 1;
        if j >= ctx.len() || !ctx.continues(j) {
            break;
        }
        // A capitalised function word ends it: "… Station To Close As …" in a title-case line.
        let cap_word =
            ctx.is_cap(j) && ctx.doc.tokens[j].space_before && !ctx.is_function_word(j);
        let hyphen_link = ctx.text(j) == "-" && glued(j) && glued(j + 1) && ctx.is_cap(j + 1);
        let ampersand_link =
            ctx.text(j) == "&" && j + 1 < ctx.len() && ctx.continues(j + 1) && ctx.is_cap(j + 1);
        if cap_word {
            last = j;
        } else if hyphen_link || ampersand_link {
            last = j + 1;
        } else {
            break;
        }
    }
    Some(last)
}

/// "ministère [adj] de la|des|du|de l’ Cap… [adj]": the last token of the name.
fn ministry(ctx: &Ctx, i: usize) -> Option<usize> {
    let n = ctx.len();
    let mut k = i + 1;
    while k < n && ctx.continues(k) && ctx.is_lower(k) && ctx.classes(k, k) & class::DEMONYM != 0 {
        k += 1;
    }
    if !ctx.continues(k) {
        return None;
    }
    match ctx.fold(k) {
        "de" => {
            k += 1;
            if matches!(ctx.fold(k), "la" | "l'") {
                k += 1;
            }
        }
        "des" | "du" | "d'" => k += 1,
        "of" | "for" => {
            k += 1;
            if ctx.fold(k) == "the" {
                k += 1;
            }
        }
        _ => return None,
    }
    if k >= n || !ctx.continues(k) || !ctx.is_cap(k) {
        return None;
    }
    let mut last = k;
    loop {
        let j = last + 1;
        if j >= n || !ctx.continues(j) {
            break;
        }
        if ctx.is_cap(j) && ctx.doc.tokens[j].space_before {
            last = j;
        } else if ctx.text(j) == "-" && ctx.is_cap(j + 1) && !ctx.doc.tokens[j].space_before {
            last = j + 1;
        } else if let Some(a) = adjective_end(ctx, j) {
            last = a;
            break;
        } else if matches!(ctx.fold(j), "et" | "and") {
            // "de l’Économie et des Finances"
            let mut m = j + 1;
            while m < n
                && ctx.continues(m)
                && word_list!("entities/fr/ministry_links.txt", "entities/en/ministry_links.txt")
                    .contains(ctx.fold(m))
            {
                m += 1;
            }
            if m > j + 1 && m < n && ctx.continues(m) && ctx.is_cap(m) {
                last = m;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    Some(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lang;
    use crate::document::Document;

    fn linked(text: &str, lang: Lang) -> Vec<String> {
        let doc = Document::new(text, lang);
        let ctx = Ctx::new(&doc);
        linked_names(&ctx).iter().map(|p| doc.slice(doc.token_span(p.first, p.last)).to_string()).collect()
    }

    fn patterns(text: &str) -> Vec<String> {
        let doc = Document::new(text, Lang::Fr);
        let ctx = Ctx::new(&doc);
        org_patterns(&ctx).iter().map(|p| doc.slice(doc.token_span(p.first, p.last)).to_string()).collect()
    }

    #[test]
    fn french_institutions_named_after_their_seat() {
        for (text, want) in [
            (
                "condamné par le tribunal judiciaire d’Aurillac et le tribunal de commerce de Cahors",
                &["tribunal judiciaire d’Aurillac", "tribunal de commerce de Cahors"][..],
            ),
            ("La cour d’appel de Rennes examinera le dossier.", &["cour d’appel de Rennes"]),
            (
                "transférés au CHU de Clermont-Ferrand, puis au centre hospitalier de Saint-Flour",
                &["CHU de Clermont-Ferrand", "centre hospitalier de Saint-Flour"],
            ),
            (
                "la maternité du Centre hospitalier de la région de Saint-Omer ferme",
                &["Centre hospitalier de la région de Saint-Omer"],
            ),
            (
                "un courrier de l’Agence régionale de santé des Hauts-de-France",
                &["Agence régionale de santé des Hauts-de-France"],
            ),
            (
                "l’agence régionale de santé Auvergne-Rhône-Alpes et le conseil départemental du Cantal",
                &["agence régionale de santé Auvergne-Rhône-Alpes", "conseil départemental du Cantal"],
            ),
            (
                "La Caisse primaire d’assurance maladie du Cantal obtient gain de cause.",
                &["Caisse primaire d’assurance maladie du Cantal"],
            ),
            ("le tribunal de grande instance de Paris", &["tribunal de grande instance de Paris"]),
            (
                "un prêt de la Banque populaire Bourgogne Franche-Comté",
                &["Banque populaire Bourgogne Franche-Comté"],
            ),
            (
                "validée par l’Autorité de la concurrence et l’Office de tourisme",
                &["Autorité de la concurrence", "Office de tourisme"],
            ),
            // No seat, a downtown, a verb, a person, a competition: no institution.
            ("Le tribunal a condamné Dupont. Le centre de Lyon est fermé. La Ligue des champions", &[]),
            ("sur le conseil de Marie Dupont, le tribunal de commerce condamne Renault", &[]),
        ] {
            assert_eq!(patterns(text), want, "{text}");
        }
    }

    #[test]
    fn clubs_stations_and_name_openings() {
        let doc = Document::new(
            "Foot : l’US Saint-Omer tient en échec l’USL Dunkerque, dit BBC Radio Leeds.\nPhoto X / L’Écho de l’Audomarois\nIl vit à St. Henry. L’Élysée a dit. DE CAEN. Éliminatoires CDM U20 féminine",
            Lang::Fr,
        );
        let ctx = Ctx::new(&doc);
        let got: Vec<_> =
            name_pieces(&ctx).iter().map(|p| doc.slice(doc.token_span(p.first, p.last))).collect();
        for want in [
            "US Saint-Omer",
            "USL Dunkerque",
            "BBC Radio Leeds",
            "L’Écho de l’Audomarois",
            "St. Henry",
            "Élysée",
            "CAEN",
        ] {
            assert!(got.contains(&want), "{want}: {got:?}");
        }
        assert!(!got.iter().any(|g| *g == "CDM U20" || *g == "DE CAEN" || *g == "St"), "{got:?}");
    }

    #[test]
    fn unknown_words_named_after_a_place_stay_whole() {
        let doc = Document::new(
            "les salariés des Verreries du Quercy, la Fruitière des Deux-Lacs et Charles de Gaulle",
            Lang::Fr,
        );
        let ctx = Ctx::new(&doc);
        let got: Vec<_> =
            name_pieces(&ctx).iter().map(|p| doc.slice(doc.token_span(p.first, p.last))).collect();
        assert_eq!(got, ["Verreries du Quercy", "Fruitière des Deux-Lacs", "Charles de Gaulle"]);
    }

    #[test]
    fn organisation_names_linked_by_of_for_and_ampersand() {
        for (text, want) in [
            ("The Central Bank of Kenya kept its rate.", &["Central Bank of Kenya"][..]),
            ("Governor of the Central Bank of Kenya Patrick Njoroge said", &["Central Bank of Kenya"]),
            (
                "a grant from the Institute for Fiscal Studies and the University of Leeds.",
                &["Institute for Fiscal Studies", "University of Leeds"],
            ),
            ("figures from the Office for National Statistics showed", &["Office for National Statistics"]),
            (
                "according to the Kenya National Bureau of Statistics.",
                &["Kenya National Bureau of Statistics"],
            ),
            ("M&S and Procter & Gamble pulled out; P&G said so.", &["M&S", "Procter & Gamble", "P&G"]),
            ("Brenneman Tool & Die closed.", &["Brenneman Tool & Die"]),
            ("a photo from Cheshire West and Chester Council.", &["Cheshire West and Chester Council"]),
            // English names close on their head: places before it are part of the name.
            (
                "The leader of Leeds City Council asked the Ohio Supreme Court.",
                &["Leeds City Council", "Ohio Supreme Court"],
            ),
            ("Kirkstall Haulage Ltd told the Yorkshire Post.", &["Kirkstall Haulage Ltd", "Yorkshire Post"]),
            // Not linked: titles, places joined by "and", a club's closing word, title case.
            ("the Governor of Kenya and the Mayor of London met.", &[]),
            ("France and Germany signed; Manchester United of the Premier League won.", &["Premier League"]),
            ("the European Union and the Soviet Union", &[]),
            ("Chester Bus Station To Close As Council Approves Revamp", &[]),
        ] {
            assert_eq!(linked(text, Lang::En), want, "{text}");
        }
        // French: "&" links, and a company's closing word; "de" is left to the French patterns.
        assert_eq!(
            linked("le groupe Procter & Gamble et la Banque de France", Lang::Fr),
            ["Procter & Gamble"]
        );
        assert_eq!(
            linked("la société Jeantet Transports SAS et Brélaz Holzbau GmbH", Lang::Fr),
            ["Jeantet Transports SAS", "Brélaz Holzbau GmbH"]
        );
        assert_eq!(
            linked("le Haut Conseil, la Cour des comptes, Bamako Immobilier", Lang::Fr),
            Vec::<String>::new()
        );
    }
}
