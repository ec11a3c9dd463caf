//! Attribution sites: the words around a quote that say who speaks.
//!
//! - after the quote: "», a déclaré X", "», a-t-il affirmé", "», lui a répondu X", "», comme
//!   l'écrit X", "», selon lui", "”, X said", "”, said X", "”, according to X";
//! - before it: "X a déclaré : «", "X déclarait : «", "selon X, «", "pour X, «",
//!   "according to X, “", "X told reporters: “", "saluant les «" (subject found backward);
//! - inside it, an incise: "« …, dit-elle, … »" (the quote is split in two);
//! - elsewhere: another quote of the same sentence, a previous sentence ending with ":", or the
//!   previous quote when a paragraph is only a quote (continuation).

use crate::words::word_list;
use super::context::Ctx;
use super::frames;
use super::grammar;
use super::lexicon;
use super::phrase::{find_backward, parse_forward, Kind, Phrase};
use crate::text::Span;

/// A speaker phrase and the cue that points at it: the verb (with its auxiliary) or the
/// introducer ("selon", "according to").
#[derive(Clone, Debug)]
pub struct Site {
    pub phrase: Phrase,
    /// None when the speaker is only the subject of the sentence before the quote.
    pub cue: Option<Span>,
}

/// How far after a closing mark an attribution may end.
pub const AFTER_WINDOW: usize = 16;
/// How far before an opening mark the verb may be.
const BEFORE_WINDOW: usize = 30;

/// A pronoun glued to the verb: "a-t-il", "dit-elle". Returns it and the index after it.
fn hyphen_pronoun(ctx: &Ctx, i: usize) -> Option<(Phrase, usize)> {
    if !ctx.is_punct(i, "-") {
        return None;
    }
    let mut j = i + 1;
    if ctx.f(j) == "t" && ctx.is_punct(j + 1, "-") {
        j += 2;
    }
    let g = lexicon::pronoun(ctx.f(j))?;
    let s = ctx.span(j, j);
    Some((
        Phrase { kind: Kind::Pronoun(g), span: s, name: None, role_words: vec![], first: j, last: j },
        j + 1,
    ))
}

/// An attribution read forward from token `i` (right after a closing mark or an incise comma),
/// in the slots of [`grammar::AFTER`]. Returns the speaker phrase and the index of the token
/// after the attribution.
pub fn after(ctx: &Ctx, i: usize, limit: usize) -> Option<(Site, usize)> {
    grammar::after().read_forward(ctx, i, limit.min(i + AFTER_WINDOW).min(ctx.len()))
}

/// Slot `COMMA`: a comma or a dash at `j`; the index after it.
pub fn comma(ctx: &Ctx, j: usize) -> Option<usize> {
    (ctx.is_punct(j, ",") || ctx.is_punct(j, "—") || ctx.is_punct(j, "–")).then_some(j + 1)
}

/// Slot `AS`: "comme", "ainsi que", "as" at `j` ("», comme l'écrit X"); the index after it.
pub fn as_word(ctx: &Ctx, j: usize) -> Option<usize> {
    if matches!(ctx.f(j), "comme" | "as") {
        Some(j + 1)
    } else if ctx.f(j) == "ainsi" && matches!(ctx.f(j + 1), "que" | "qu'") {
        Some(j + 2)
    } else {
        None
    }
}

/// Slot `CUE(introducer)` after a quote: "selon", "d'après", "according to" at `j` when the
/// introducer may follow a quote (data/quotes/*/introducers.txt); its span and the index after.
pub fn introducer_after(ctx: &Ctx, j: usize) -> Option<(Span, usize)> {
    let (_, n) = frames::introducer_at(ctx, j).filter(|(p, _)| p.after)?;
    Some((ctx.span(j, j + n - 1), j + n))
}

/// Slot `CUE(verb,inverted)`: a speech verb before its subject, from `j` ("a déclaré", "lui a
/// répondu", "a-t-il affirmé", "a fait valoir", "said"), with the pronoun glued to it if any.
/// Returns the cue, that pronoun and the index after the cue.
pub fn inverted_cue(ctx: &Ctx, j: usize, end: usize) -> Option<(Span, Option<Phrase>, usize)> {
    let mut k = j;
    let mut n = 0;
    while n < 3 && lexicon::is_object_clitic(ctx.f(k)) && !ctx.is_cap(k) {
        k += 1;
        n += 1;
    }
    let mut pron = None;
    let cue_start = k;
    if lexicon::is_auxiliary(ctx.f(k)) {
        if let Some((p, next)) = hyphen_pronoun(ctx, k + 1) {
            pron = Some(p);
            k = next;
        } else {
            k += 1;
        }
    }
    let mut n = 0;
    while n < 3 && lexicon::is_adverb(ctx.f(k)) {
        k += 1;
        n += 1;
    }
    // "a-t-elle fait valoir", "fait savoir": the infinitive carries the saying.
    if matches!(ctx.f(k), "fait" | "faisait" | "fera" | "font") && is_faire_speech(ctx.f(k + 1)) {
        k += 1;
    }
    let speech = lexicon::is_speech_verb(ctx.f(k)) || (k > 0 && is_faire_speech(ctx.f(k)) && ctx.f(k - 1).starts_with("f"));
    if k >= end || !speech || ctx.is_cap(k) {
        return None;
    }
    let verb = k;
    let cue = ctx.span(cue_start, verb);
    if pron.is_some() {
        return Some((cue, pron, verb + 1));
    }
    match hyphen_pronoun(ctx, verb + 1) {
        Some((p, next)) => Some((cue, Some(p), next)),
        None => Some((cue, None, verb + 1)),
    }
}

/// Slot `SPEAKER` after an inverted cue: adverbs, then a phrase or a common noun after its
/// determiner ("a encore ajouté la ministre"), with a name in apposition.
pub fn inverted_speaker(ctx: &Ctx, m: usize, end: usize) -> Option<Phrase> {
    let mut m = m;
    while m < end && lexicon::is_adverb(ctx.f(m)) {
        m += 1;
    }
    Some(with_apposition(ctx, parse_forward(ctx, m, end).or_else(|| common_noun(ctx, m, end))?, end))
}

/// Slot `CUE(verb)` after its subject, from `m`: auxiliaries, adverbs or clitics (three at
/// most), then a speech verb ("X said", "X a-t-il ajouté"). The cue and the index after it.
pub fn subject_cue(ctx: &Ctx, m: usize, end: usize) -> Option<(Span, usize)> {
    let mut k = m;
    let mut n = 0;
    while n < 3
        && k < end
        && (lexicon::is_auxiliary(ctx.f(k)) || lexicon::is_adverb(ctx.f(k)) || lexicon::is_object_clitic(ctx.f(k)))
    {
        k += 1;
        n += 1;
    }
    (k < end && lexicon::is_speech_verb(ctx.f(k))).then(|| (ctx.span(m, k), k + 1))
}

/// An inverted subject that is a common noun outside the role lists, after its determiner:
/// "plaide le prévenu", "répondit alors son complice", "s'étonne cette mère de famille",
/// "the senator said". The resolver matches it against the roles the article gave names.
pub fn common_noun(ctx: &Ctx, i: usize, end: usize) -> Option<Phrase> {
    let det = ctx.f(i);
    if !word_list!("quotes/fr/role_determiners.txt", "quotes/en/role_determiners.txt").contains(det) {
        return None;
    }
    let k = i + 1;
    let noun_like = |j: usize| {
        j < end
            && ctx.is_word(j)
            && !ctx.in_quote(j)
            && !lexicon::is_function_word(ctx.f(j))
            && !lexicon::is_speech_verb(ctx.f(j))
            && !lexicon::is_auxiliary(ctx.f(j))
            && ctx.f(j).chars().count() > 2
    };
    if !noun_like(k) || (ctx.is_cap(k) && !ctx.is_punct(k + 1, "-")) {
        return None;
    }
    // "le Président-candidat": one hyphenated noun.
    let mut last = k;
    let mut word = ctx.f(k).to_string();
    if ctx.is_punct(k + 1, "-") && ctx.glued(k) && ctx.glued(k + 1) && noun_like(k + 2) {
        word = format!("{word}-{}", ctx.f(k + 2));
        last = k + 2;
    }
    Some(Phrase {
        kind: Kind::Role,
        span: ctx.span(k, last),
        name: None,
        role_words: vec![word],
        first: k,
        last,
    })
}

/// "faire valoir", "faire savoir", "faire remarquer", "faire observer": the infinitive after a
/// form of "faire" that says something.
fn is_faire_speech(f: &str) -> bool {
    matches!(f, "valoir" | "savoir" | "remarquer" | "observer")
}

/// Whether a speech verb follows token `i` ("», a dit l'élu"), whoever the speaker.
pub fn verb_follows(ctx: &Ctx, i: usize) -> bool {
    let mut k = i;
    if ctx.is_punct(k, ",") {
        k += 1;
    }
    for _ in 0..4 {
        let f = ctx.f(k);
        if lexicon::is_speech_verb(f) && !ctx.is_cap(k) {
            return true;
        }
        if !(lexicon::is_object_clitic(f)
            || lexicon::is_auxiliary(f)
            || lexicon::is_adverb(f)
            || ctx.is_punct(k, "-")
            || f == "t")
        {
            return false;
        }
        k += 1;
    }
    false
}

/// The phrase after "selon", "according to": also "selon lui", "selon elle".
pub fn source_phrase(ctx: &Ctx, s: usize, end: usize) -> Option<Phrase> {
    let f = ctx.f(s);
    if let Some(g) = lexicon::pronoun(f) {
        return Some(Phrase {
            kind: Kind::Pronoun(g),
            span: ctx.span(s, s),
            name: None,
            role_words: vec![],
            first: s,
            last: s,
        });
    }
    // "selon son complice": a common noun the article gave a name to.
    parse_forward(ctx, s, end).or_else(|| common_noun(ctx, s, end)).map(|p| with_apposition(ctx, p, end))
}

/// An attribution before the opening mark at token `open`, within `[lo, open)`.
pub fn before(ctx: &Ctx, open: usize, lo: usize) -> Option<Site> {
    let floor = lo.max(open.saturating_sub(BEFORE_WINDOW));
    let mut k = open;
    while k > floor {
        k -= 1;
        if ctx.in_quote(k) {
            // Another quote in between: its own attribution is not ours.
            return None;
        }
        let f = ctx.f(k);
        // "selon X, «", "d'après X, «", "according to X, “", "pour X, «"
        // (data/quotes/*/introducers.txt)
        let source = frames::introducer_at(ctx, k).filter(|(p, _)| p.before || p.comma);
        if let Some((places, n)) = source {
            let s = k + n;
            if let Some(p) = source_phrase(ctx, s, open) {
                // "pour X" only right before the quote: "pour le ministre, « … »".
                let right_before =
                    p.last + 2 >= open && (ctx.is_punct(p.last + 1, ",") || ctx.is_punct(p.last + 1, ":"));
                // Or a name opening the sentence, set off by a comma: "Pour B. Obama, avec un
                // tel coach, les Américains « ne gagneront pas la saison »".
                let opens_sentence = ctx.sentence_initial(k) && p.kind == Kind::Name && ctx.is_punct(p.last + 1, ",");
                if places.before || right_before || opens_sentence {
                    return Some(Site { phrase: p, cue: Some(ctx.span(k, s - 1)) });
                }
            }
            // A long phrase ending on the name in apposition: "Pour la principale association
            // de défense du logiciel libre, l'April : « … »".
            if let Some(p) = apposed_name(ctx, s, open) {
                return Some(Site { phrase: p, cue: Some(ctx.span(k, s - 1)) });
            }
            continue;
        }
        // A verb opens a sentence capitalised ("Estimant que « … »").
        let speech = lexicon::is_speech_verb(f) || describes_self(ctx, k, open);
        if speech && (!ctx.is_cap(k) || ctx.sentence_initial(k)) {
            let cue = ctx.span(k, k);
            if let Some((p, _)) = hyphen_pronoun(ctx, k + 1) {
                return Some(Site { phrase: p, cue: Some(cue) });
            }
            // A gerund ("…, en affirmant que « … »", "tout en y voyant un « … »"): its subject
            // is the sentence's, not the nearest name.
            let mut g = k;
            while g > lo
                && word_list!("quotes/fr/gerund_clitics.txt").contains(ctx.f(g - 1))
            {
                g -= 1;
            }
            // So is a participle right after a noun ("a publié un communiqué affirmant que").
            let after_noun = g > lo && ctx.is_word(g - 1) && !ctx.is_cap(g - 1);
            if f.ends_with("ant") && f.len() > 4 && (after_noun || g > lo && ctx.f(g - 1) == "en") {
                let s = ctx.doc.sentences[ctx.sentence_of(k)].start.max(ctx.line_start(k));
                // The subject of the nearest finite verb before it, or the phrase opening it.
                let main = (s..g).rev().find(|&v| {
                    !ctx.in_quote(v)
                        && !ctx.is_cap(v)
                        && (lexicon::is_auxiliary(ctx.f(v)) || lexicon::is_speech_verb(ctx.f(v)))
                });
                if let Some(p) =
                    main.and_then(|v| find_subject(ctx, v, s)).or_else(|| clause_subject(ctx, s, k))
                {
                    return Some(Site { phrase: p, cue: Some(cue) });
                }
            }
            if let Some(p) = group_subject(ctx, k, lo).or_else(|| find_subject(ctx, k, lo)) {
                return Some(Site { phrase: p, cue: Some(cue) });
            }
            // A participle opening the sentence: its subject follows the quote ("Estimant que
            // « … », il vota contre", "Saying that “…”, the minister left").
            if f.ends_with("ant") || f.ends_with("ing") {
                if let Some(p) = subject_after_quote(ctx, open) {
                    return Some(Site { phrase: p, cue: Some(cue) });
                }
            }
            // Inverted: "Déclare le ministre : « … »".
            return parse_forward(ctx, k + 1, open)
                .filter(|p| p.kind != Kind::Pronoun(lexicon::Gender::Unknown))
                .map(|phrase| Site { phrase, cue: Some(cue) });
        }
    }
    None
}

/// A verb by which its subject describes itself in the quote opening at token `open`: "X se
/// présentait comme « … »", "X described himself as “…”".
fn describes_self(ctx: &Ctx, verb: usize, open: usize) -> bool {
    let forms = word_list!("quotes/fr/self_descriptions.txt", "quotes/en/self_descriptions.txt");
    if !forms.contains(ctx.f(verb)) || verb == 0 {
        return false;
    }
    let fr = matches!(ctx.f(verb - 1), "se" | "s'") && ctx.f(verb + 1) == "comme" && open == verb + 2;
    let en = matches!(ctx.f(verb + 1), "himself" | "herself" | "itself" | "themselves")
        && ctx.f(verb + 2) == "as"
        && open == verb + 3;
    fr || en
}

/// A clause between a quote and the inverted cue that ends its sentence: "« … », y compris
/// le montant imposé à Samsung, commente Song Myung-Sup". From the token `close` after the
/// closing mark, the first comma of the sentence after which an inverted attribution ("dit X",
/// "said X", "a-t-il ajouté") runs to the sentence's end.
pub fn after_clause(ctx: &Ctx, close: usize) -> Option<Site> {
    const CLAUSE: usize = 30;
    // The comma after the closing mark, or inside it in English ("expected,” including").
    let comma_inside = close >= 2 && ctx.is_punct(close - 2, ",");
    if close >= ctx.len() || !(ctx.is_punct(close, ",") || comma_inside) {
        return None;
    }
    let end = ctx.doc.sentences[ctx.sentence_of(close)].end.min(close + CLAUSE + AFTER_WINDOW);
    let line = ctx.line_of(close);
    for j in close + usize::from(ctx.is_punct(close, ","))..end.min(close + CLAUSE) {
        if ctx.in_quote(j) || ctx.line_of(j) != line || ctx.is_punct(j, ":") || ctx.is_punct(j, ";") {
            return None;
        }
        if !ctx.is_punct(j, ",") {
            continue;
        }
        if let Some((site, next)) = after(ctx, j, end) {
            let inverted = site.cue.is_some_and(|c| c.start < site.phrase.span.start);
            // Or an apposition after the speaker: "commente X, analyste à …".
            let ends = next >= end
                || ctx.is_punct(next, ".")
                || ctx.is_punct(next, ",")
                || ctx.line_of(next) != line;
            if inverted && ends {
                return Some(site);
            }
        }
    }
    None
}

/// A subject naming no one in particular right before the verb at `verb`: common nouns after
/// an indefinite or plural determiner ("Un ancien guide touristique a indiqué :", "certains
/// wikipédiens estiment que", "some residents said"). Its quote has a source the article does
/// not name, so the quote does not continue the previous speaker.
fn group_subject(ctx: &Ctx, verb: usize, lo: usize) -> Option<Phrase> {
    let mut j = verb;
    while j > lo
        && (lexicon::is_auxiliary(ctx.f(j - 1))
            || lexicon::is_adverb(ctx.f(j - 1))
            || matches!(ctx.f(j - 1), "s'" | "se"))
        && !ctx.is_cap(j - 1)
    {
        j -= 1;
    }
    let last = j.checked_sub(1)?;
    let mut words = Vec::new();
    while j > lo && words.len() < 4 {
        let f = ctx.f(j - 1);
        if lexicon::is_indefinite(f) || lexicon::is_plural_determiner(f) {
            break;
        }
        let noun_like = ctx.is_word(j - 1)
            && !ctx.is_cap(j - 1)
            && !ctx.in_quote(j - 1)
            && !lexicon::is_function_word(f)
            && !lexicon::is_speech_verb(f)
            && !lexicon::is_auxiliary(f)
            && !lexicon::is_object_clitic(f)
            && lexicon::pronoun(f).is_none();
        if !noun_like {
            return None;
        }
        words.push(f.to_string());
        j -= 1;
    }
    let det = ctx.f(j.checked_sub(1)?);
    if words.is_empty() || j <= lo || !(lexicon::is_indefinite(det) || lexicon::is_plural_determiner(det)) {
        return None;
    }
    words.reverse();
    Some(Phrase { kind: Kind::Role, span: ctx.span(j, last), name: None, role_words: words, first: j, last })
}

/// The name in apposition that ends the introducer's phrase from token `s` right before the
/// opening mark at `open` (after a comma, before a colon or comma): "…, l'April : « … »".
fn apposed_name(ctx: &Ctx, s: usize, open: usize) -> Option<Phrase> {
    let mark = open.checked_sub(1)?;
    if !(ctx.is_punct(mark, ":") || ctx.is_punct(mark, ",")) {
        return None;
    }
    let comma = (s + 1..mark).rev().take(6).find(|&j| ctx.is_punct(j, ","))?;
    parse_forward(ctx, comma + 1, mark).filter(|p| p.kind == Kind::Name && p.last + 1 == mark)
}

/// The subject right after the quote that opens at token `open` and a comma: a name or a
/// pronoun ("« … », il vota contre").
fn subject_after_quote(ctx: &Ctx, open: usize) -> Option<Phrase> {
    let mut j = open + 1;
    let end = ctx.len().min(open + 200);
    while j < end && (ctx.in_quote(j) || !ctx.is_word(j) && !ctx.is_punct(j, ",")) {
        j += 1;
    }
    if !ctx.is_punct(j, ",") {
        return None;
    }
    parse_forward(ctx, j + 1, (j + 8).min(ctx.len())).filter(|p| {
        matches!(p.kind, Kind::Name | Kind::Pronoun(_)) && p.kind != Kind::Pronoun(lexicon::Gender::Unknown)
    })
}

/// The named subject opening the sentence `[lo, colon)` when a lowercase word other than a
/// function word stands between it and the colon: "Sandrine Puech, 54 ans, compte les semaines
/// :". Only a name: a role or a headline's words ("Coopération Mali-Russie :") are left out.
pub fn sentence_subject(ctx: &Ctx, lo: usize, colon: usize) -> Option<Phrase> {
    let mut s = lo;
    // A line may hold several sentences' ends: start at the line of the colon.
    if s < colon {
        s = s.max(ctx.line_start(colon));
    }
    let p = parse_forward(ctx, s, colon)?;
    let opens = p.first == s || (p.first == s + 1 && matches!(ctx.f(s), "le" | "la" | "l'" | "les" | "the"));
    // A full name: two capitalised words or more, none of them common words ("Renforcement").
    let name = p.name.map_or(0, |n| {
        let (a, b) = (ctx.token_at(n.start), ctx.token_at(n.end));
        (a..b).filter(|&k| ctx.is_word(k) && ctx.is_cap(k) && !lexicon::is_function_word(ctx.f(k))).count()
    });
    if p.kind != Kind::Name || !opens || name < 2 || ctx.is_punct(p.last + 1, "-") {
        return None;
    }
    clause_follows(ctx, &p, colon).then_some(p)
}

/// Whether a clause with a verb stands between the subject phrase `p` and the colon: a
/// lowercase word other than a function word. The phrase reader may also run on into the verb
/// ("rapport de la Ligue arabe apporte la même conclusion"): lowercase words after the name
/// inside the phrase, below the headline, are that clause.
fn clause_follows(ctx: &Ctx, p: &Phrase, colon: usize) -> bool {
    let clause = (p.last + 1..colon).any(|k| {
        ctx.is_word(k) && !ctx.is_cap(k) && !lexicon::is_function_word(ctx.f(k)) && !ctx.in_quote(k)
    });
    let name_at = (p.first..=p.last).rev().find(|&k| ctx.is_cap(k));
    let runs_on = ctx.line_of(colon) > 0
        && name_at.is_some_and(|n| (n + 1..=p.last).filter(|&k| ctx.is_word(k) && !ctx.is_cap(k)).count() >= 2);
    clause || runs_on
}

/// The subject of the clause that a colon ends, when it is an organisation or a source named
/// through what it issued, followed by a verb: "Un rapport de la Ligue arabe apporte la même
/// conclusion :". A headline has no such verb ("Coopération Mali-Russie :"); a role there is
/// left out ("le maire prend peu de risque : « … »" may be the writer's words).
pub fn colon_subject(ctx: &Ctx, lo: usize, colon: usize) -> Option<Phrase> {
    let s = lo.max(ctx.line_start(colon));
    if (s..colon).any(|k| ctx.in_quote(k)) {
        return None;
    }
    let p = clause_subject(ctx, s, colon)?;
    let issued_by = p.kind == Kind::Name && p.role_words.first().is_some_and(|h| lexicon::is_org_head(h));
    if !(p.kind == Kind::Org || issued_by) {
        return None;
    }
    clause_follows(ctx, &p, colon).then_some(p)
}

/// A role or organisation phrase followed by a name in apposition ("la fédération des banques,
/// Febelfin", "le président du club, Jean Martin,"): the name names the speaker.
fn with_apposition(ctx: &Ctx, p: Phrase, end: usize) -> Phrase {
    if !matches!(p.kind, Kind::Role | Kind::Org) || !ctx.is_punct(p.last + 1, ",") {
        return p;
    }
    match parse_forward(ctx, p.last + 2, end).filter(|n| n.kind == Kind::Name) {
        Some(n)
            if n.last + 1 >= end
                || ctx.is_punct(n.last + 1, ",")
                || ctx.is_punct(n.last + 1, ".")
                || ctx.is_punct(n.last + 1, ":") =>
        {
            n
        }
        _ => p,
    }
}

/// The subject opening the clause `[lo, verb)`: the first name, role or organisation phrase
/// not governed by a preposition, with a name in apposition preferred to the role before it
/// ("Le ministre de l'Intérieur, Manuel Valls, apportait …").
pub fn clause_subject(ctx: &Ctx, lo: usize, verb: usize) -> Option<Phrase> {
    let mut k = lo;
    // Past an opening adverbial set off by a comma ("Sur Twitter, X a …", "Très ému, il …").
    let comma = (lo..verb.min(lo + 8)).find(|&j| ctx.is_punct(j, ","));
    if let Some(c) = comma {
        if parse_forward(ctx, lo, c).is_none() || is_preposition(ctx.f(lo)) || ctx.f(lo) == "en" {
            k = c + 1;
        }
    }
    while k < verb && (ctx.in_quote(k) || !ctx.is_word(k)) {
        k += 1;
    }
    let p = parse_forward(ctx, k, verb)?;
    // A capitalised common word opening the sentence ("Plutôt", "Ensuite") is no speaker.
    if p.kind == Kind::Name && p.name.is_some_and(|n| !ctx.is_name_word(ctx.token_at(n.start))) {
        return None;
    }
    Some(with_apposition(ctx, p, verb))
}

/// Words that make a phrase an object, not a subject ("en face de son homologue").
pub fn is_preposition(f: &str) -> bool {
    word_list!("quotes/fr/object_prepositions.txt", "quotes/en/object_prepositions.txt").contains(f)
}

/// The subject of the verb at `verb`: the nearest phrase before it that is not an object.
pub fn find_subject(ctx: &Ctx, verb: usize, lo: usize) -> Option<Phrase> {
    let mut upto = relative_clause_start(ctx, verb, lo).unwrap_or(verb);
    // "X, …, qui lui avait rétorqué", "the union, which said": the antecedent speaks.
    let mut k = verb;
    while k > lo
        && (lexicon::is_auxiliary(ctx.f(k - 1))
            || lexicon::is_adverb(ctx.f(k - 1))
            || lexicon::is_object_clitic(ctx.f(k - 1))
            || matches!(ctx.f(k - 1), "lui" | "leur" | "s'" | "se"))
    {
        k -= 1;
    }
    // "Philippe Gosselin (UMP) a dénoncé": the party in brackets is not the subject.
    if k > lo && ctx.is_punct(k - 1, ")") {
        if let Some(o) = (lo..k - 1).rev().take(8).find(|&j| ctx.is_punct(j, "(")) {
            upto = o;
        }
    }
    if k > lo && matches!(ctx.f(k - 1), "qui" | "who" | "which") {
        upto = k - 1;
        // Past an apposition: "Bernard Bonnet, le successeur de Claude Erignac, qui …".
        if upto > lo && ctx.is_punct(upto - 1, ",") {
            let open = (lo..upto - 1).rev().take(12).find(|&j| ctx.is_punct(j, ","));
            if let Some(o) = open {
                if find_backward(ctx, o, lo).is_some_and(|p| p.kind == Kind::Name) {
                    upto = o;
                }
            }
        }
        // The antecedent speaks even as an object ("un clash avec X, qui lui a rétorqué").
        return find_backward(ctx, upto, lo);
    }
    for _ in 0..6 {
        let p = find_backward(ctx, upto, lo)?;
        let before_first = p.first.checked_sub(1);
        let mut b = before_first;
        // Look past the determiner and titles for a preposition.
        while let Some(x) = b {
            let f = ctx.f(x);
            if word_list!("quotes/fr/object_determiners.txt", "quotes/en/object_determiners.txt").contains(f) || lexicon::is_title(f)
            {
                b = x.checked_sub(1);
            } else {
                break;
            }
        }
        let object =
            b.is_some_and(|x| x >= lo && is_preposition(ctx.f(x)) && !matches!(p.kind, Kind::Pronoun(_)));
        if !object {
            return Some(p);
        }
        upto = b.unwrap_or(lo);
        if upto <= lo {
            return None;
        }
    }
    None
}

/// A relative clause or apposition set off by commas right before the verb at `verb` ("The
/// IMF, whose board meets this month, said", "Stagecoach, which runs most services, said",
/// "X, qui dirige le groupe, a déclaré"): the comma that opens it, so that the subject is read
/// before it.
fn relative_clause_start(ctx: &Ctx, verb: usize, lo: usize) -> Option<usize> {
    let mut k = verb;
    // Past an auxiliary or adverbs: "…, has said", "…, a déclaré".
    while k > lo + 1
        && (lexicon::is_auxiliary(ctx.f(k - 1)) || lexicon::is_adverb(ctx.f(k - 1)))
        && !ctx.is_punct(k - 1, ",")
    {
        k -= 1;
    }
    if k == 0 || !ctx.is_punct(k - 1, ",") {
        return None;
    }
    let close = k - 1;
    let floor = lo.max(close.saturating_sub(30));
    let mut j = close;
    while j > floor {
        j -= 1;
        if ctx.in_quote(j) || ctx.is_punct(j, ".") || ctx.is_punct(j, ":") {
            return None;
        }
        if ctx.is_punct(j, ",") {
            let relative = word_list!("quotes/fr/relative_pronouns.txt", "quotes/en/relative_pronouns.txt").contains(ctx.f(j + 1));
            return (relative && j > lo).then_some(j);
        }
    }
    None
}

/// An incise inside the quoted tokens `[first, last]`: ", dit-elle, " or ", a-t-il ajouté, ".
/// Returns the comma before it, the comma after it and the speaker phrase.
pub fn incise(ctx: &Ctx, first: usize, last: usize) -> Option<(usize, usize, Site)> {
    let mut i = first + 1;
    while i + 2 < last {
        if ctx.is_punct(i, ",") {
            if let Some((p, next)) = after(ctx, i, last) {
                // Closed by a comma, or by a full stop when the quote goes on: "« …, a-t-il
                // insisté. J’étais … »".
                let closed = ctx.is_punct(next, ",") || (ctx.is_punct(next, ".") && next + 1 < last);
                if next < last && closed && next - i <= 10 && next > i + 1 {
                    return Some((i, next, p));
                }
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lang;
    use crate::document::Document;
    use crate::quotes::spans;

    /// (text, speaker words found after the quote)
    fn after_first_quote(text: &str) -> Option<String> {
        let doc = Document::new(text, Lang::Fr);
        let segs = spans::find(text);
        let inner: Vec<_> = segs.iter().map(|s| s.inner).collect();
        let ctx = Ctx::new(&doc).with_quoted(&inner);
        let close = segs[0].close?;
        let i = ctx.token_at(close.end);
        after(&ctx, i, ctx.len()).map(|(s, _)| s.phrase.name.unwrap_or(s.phrase.span).slice(text).to_string())
    }

    fn before_first_quote(text: &str) -> Option<String> {
        let doc = Document::new(text, Lang::Fr);
        let segs = spans::find(text);
        let inner: Vec<_> = segs.iter().map(|s| s.inner).collect();
        let ctx = Ctx::new(&doc).with_quoted(&inner);
        let o = ctx.token_at(segs[0].open.start);
        before(&ctx, o, 0).map(|s| s.phrase.name.unwrap_or(s.phrase.span).slice(text).to_string())
    }

    #[test]
    fn attribution_after_the_quote() {
        let table: &[(&str, Option<&str>)] = &[
            ("« Oui », a déclaré Abdoulaye Diop.", Some("Abdoulaye Diop")),
            ("« Oui », a-t-il affirmé.", Some("il")),
            ("« Oui », dit-elle.", Some("elle")),
            ("« Oui », lui a répondu le général Sadio Camara.", Some("Sadio Camara")),
            (
                "« Oui », résumait le chef de la diplomatie malienne avant la rencontre.",
                Some("chef de la diplomatie malienne"),
            ),
            (
                "« Oui », comme l’écrit le ministère malien des Affaires étrangères sur X.",
                Some("ministère malien des Affaires étrangères"),
            ),
            ("« Oui », selon lui.", Some("lui")),
            ("« Oui », d’après le porte-parole du gouvernement.", Some("porte-parole du gouvernement")),
            ("« Oui », a encore ajouté la ministre.", Some("ministre")),
            ("« Oui », s’indigne Marie Dupont.", Some("Marie Dupont")),
            ("“Yes,” said John Smith.", Some("John Smith")),
            ("“Yes,” John Smith said on Monday.", Some("John Smith")),
            ("“Yes,” he added.", Some("he")),
            ("“Yes,” according to the spokesman.", Some("spokesman")),
            ("“Yes,” the minister told reporters.", Some("minister")),
            ("« Oui » de partenariat entre les deux pays.", None),
            ("« Oui », a-t-il été décidé.", None),
        ];
        for (text, want) in table {
            assert_eq!(after_first_quote(text).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn attribution_before_the_quote() {
        let table: &[(&str, Option<&str>)] = &[
            ("Le général Assimi Goïta déclarait : « Oui ».", Some("Assimi Goïta")),
            ("On a pu voir Andrei Belooussov, en uniforme, en face de son homologue malien, déclarer : « Oui ».", Some("Andrei Belooussov")),
            ("Vladimir Poutine s’est dit satisfait, saluant les « bonnes perspectives ».", Some("Vladimir Poutine")),
            ("Selon le ministre, « rien n’est joué ».", Some("ministre")),
            ("Pour Marie Dupont, « rien n’est joué ».", Some("Marie Dupont")),
            ("According to Jane Doe, “nothing is settled”.", Some("Jane Doe")),
            ("Jane Doe told reporters: “Nothing is settled.”", Some("Jane Doe")),
            ("Le ministre a-t-il déclaré : « Oui ».", Some("il")),
            ("Il a ajouté : « Oui ».", Some("Il")),
            ("Mitt Romney se présentait comme « l’entraîneur qui ferait gagner le pays ».", Some("Mitt Romney")),
            ("John Smith described himself as “a simple farmer from Ohio”.", Some("John Smith")),
            ("Un ancien guide touristique a indiqué : « Ils sont venus avec des pioches ».", Some("ancien guide touristique")),
            ("Some local residents said “the water came in overnight”.", Some("local residents")),
            ("Pour la principale association de défense du logiciel libre, l’April : « Une victoire ».", Some("April")),
            ("Selon son complice, « il se sentait faible ».", Some("complice")),
            ("Pour B. Obama, avec un tel coach, les Américains « ne gagneront pas la saison ».", Some("B. Obama")),
            ("Pour la première fois, les Américains « ne gagneront pas la saison ».", None),
            ("Le groupe est considéré comme « l’homme de Moscou ».", None),
            ("Pour la première fois depuis 2020, le pays « avance ».", None),
        ];
        for (text, want) in table {
            assert_eq!(before_first_quote(text).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn a_clause_may_stand_between_the_quote_and_its_cue() {
        let text = "« Le contexte est bien pire qu’attendu », y compris le montant imposé à Samsung, commente Song Myung-Sup, analyste.";
        let doc = Document::new(text, Lang::Fr);
        let segs = spans::find(text);
        let inner: Vec<_> = segs.iter().map(|s| s.inner).collect();
        let ctx = Ctx::new(&doc).with_quoted(&inner);
        let close = ctx.token_at(segs[0].close.unwrap().end);
        let site = after_clause(&ctx, close).unwrap();
        assert_eq!(site.phrase.name.map(|n| n.slice(text)), Some("Song Myung-Sup"));
        let text = "“Costs are up,” the figures show, a spokesman for the firm said on Monday.";
        let doc = Document::new(text, Lang::En);
        let segs = spans::find(text);
        let inner: Vec<_> = segs.iter().map(|s| s.inner).collect();
        let ctx = Ctx::new(&doc).with_quoted(&inner);
        let close = ctx.token_at(segs[0].close.unwrap().end);
        assert!(after_clause(&ctx, close).is_none(), "the cue is not inverted: the clause is the writer's");
    }

    #[test]
    fn incises_split_the_quote() {
        let text = "« Nous viendrons, a-t-elle ajouté, mais pas demain. »";
        let doc = Document::new(text, Lang::Fr);
        let segs = spans::find(text);
        let ctx = Ctx::new(&doc);
        let first = ctx.token_at(segs[0].inner.start);
        let last = ctx.token_at(segs[0].inner.end) - 1;
        let (a, b, p) = incise(&ctx, first, last).unwrap();
        assert_eq!(ctx.text(a), ",");
        assert_eq!(ctx.text(b), ",");
        assert_eq!(p.phrase.span.slice(text), "elle");
        assert_eq!(p.cue.map(|c| c.slice(text)), Some("a-t-elle ajouté"));
        let text = "« Nous viendrons, mais pas demain, et sans eux. »";
        let doc = Document::new(text, Lang::Fr);
        let segs = spans::find(text);
        let ctx = Ctx::new(&doc);
        let first = ctx.token_at(segs[0].inner.start);
        let last = ctx.token_at(segs[0].inner.end) - 1;
        assert!(incise(&ctx, first, last).is_none());
    }
}
