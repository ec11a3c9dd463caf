//! From a speaker phrase to a canonical name: names through the article's entities (or, when
//! there are none, through the names the article writes in full), roles through an alias table
//! built from the article ("Sergueï Lavrov, le chef de la diplomatie russe"), pronouns to the
//! most recent compatible person, organisations as themselves.

use crate::words::word_list;
use super::context::Ctx;
use super::lexicon::{self, Gender};
use super::phrase::{parse_forward, Kind, Phrase};
use crate::analysis::{Entity, EntityType, Mention, Resolution};
use crate::text::{fold, Span};
use std::collections::HashMap;

#[derive(Clone, Debug)]
pub struct Person {
    pub canonical: String,
    pub entity: Option<usize>,
    pub is_person: bool,
    /// An organisation entity (not a place): what "le syndicat", "the club" may stand for.
    pub is_org: bool,
    pub nat: Option<&'static str>,
    pub gender: Gender,
    /// Token indices where the article names it, in order.
    pub positions: Vec<usize>,
    words: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct Alias {
    words: Vec<String>,
    nat: Option<&'static str>,
    /// From the role's determiner or form: "la ministre", "le Premier ministre", "la présidente".
    gender: Gender,
    person: usize,
}

/// Who a quote is attributed to, how, and how sure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resolved {
    pub speaker: Option<String>,
    pub entity: Option<usize>,
    /// Index into the resolver's people, for continuations and later roles.
    pub person: Option<usize>,
    pub how: Resolution,
    pub confidence: f32,
}

/// The confidence of a speaker found by `how`; `base` is the confidence of the quote a
/// continuation or headline takes its speaker from. The figures are below the share of right
/// speakers each kind had on news-dev (scripts/score_quotes.py): a name at the cue that is one
/// of the article's entities was right every time (49/49); a role (23/26), a pronoun (18/20) and
/// a continuation (12/14) were right nearly nine times in ten there, but news-dev is what these
/// rules were tuned on (they were right four and two times in three before), so they stay under
/// the 0.8 that marks a sure speaker.
pub fn confidence(how: Resolution, base: f32) -> f32 {
    match how {
        Resolution::Named => 0.95,
        Resolution::Role => 0.75,
        Resolution::Pronoun => 0.65,
        Resolution::Continuation => base.min(0.7),
        Resolution::Headline => base.min(0.6),
        Resolution::None => 0.0,
    }
}

/// A name the article's entities do not hold (a missed or merged entity): less sure.
const UNKNOWN_NAME: f32 = 0.7;

pub struct Resolver {
    pub people: Vec<Person>,
    aliases: Vec<Alias>,
    /// Per person, the indices of its aliases: an alias the article repeats (a long input's
    /// many articles) is kept once, which changes no resolution.
    aliases_of: Vec<Vec<u32>>,
    /// Aliases offered, repeats included: [`MAX_ALIASES`] bounds them as it bounded the list.
    aliases_offered: usize,
    /// The people whose name has a word ([`Resolver::people_named`]; bounded look-ups on long
    /// inputs).
    name_words: WordIndex,
    /// The aliases whose content words have a word.
    alias_words: WordIndex,
    /// Every naming as (token index, person), sorted: the person named at a token is the last
    /// of that token's namings (the later entity).
    namings: Vec<(usize, usize)>,
    /// The person the article is about ([`Resolver::topic`]), whom a pronoun may stand for
    /// however long ago the article last named them.
    topic: Option<usize>,
}

/// The salience of the article's topic for a pronoun, however long ago it was named: more than
/// a person named as a subject a few sentences back or the last speaker alone.
const TOPIC_SALIENCE: f32 = 2.5;

/// How many namings back a pronoun or a role may reach.
const RECENT: usize = 200;
/// Roles kept from one article (far more than any article writes).
const MAX_ALIASES: usize = 2_000;

/// Whether the name starting at token `t` stands where a subject stands: at the start of a
/// sentence, a line or a clause (after a comma, "et", "que", a parenthesis), not after a
/// preposition or a verb ("avec Bernard Bonnet", "soutient Barack Obama").
fn subject_like(ctx: &Ctx, t: usize) -> bool {
    let mut k = t;
    while k > 0
        && (lexicon::is_title(ctx.f(k - 1))
            || ctx.is_punct(k - 1, ".") && k >= 2 && lexicon::is_title(ctx.f(k - 2)))
    {
        k -= 1;
    }
    // Past the role written in front ("Opposition leader Cllr Florence Jackson", "le ministre
    // de l'Intérieur Manuel Valls"), a few words at most.
    let mut front = k;
    for _ in 0..6 {
        if front == 0 || ctx.sentence_initial(front) {
            break;
        }
        let f = ctx.f(front - 1);
        if lexicon::is_title(f)
            || lexicon::is_role_head(f)
            || lexicon::is_connector(f)
            || ctx.is_cap(front - 1)
            || matches!(f, "le" | "la" | "l'" | "les" | "the")
        {
            front -= 1;
        } else {
            break;
        }
    }
    if front == 0 || ctx.sentence_initial(front) {
        return true;
    }
    while k > 0 && matches!(ctx.f(k - 1), "le" | "la" | "l'" | "les" | "the") {
        k -= 1;
    }
    if k == 0 || ctx.sentence_initial(k) {
        return true;
    }
    let f = ctx.f(k - 1);
    ctx.is_punct(k - 1, ",")
        || ctx.is_punct(k - 1, "(")
        // The agent of a passive ("reçu par X", "voiced by X") is a doer too.
        || word_list!("quotes/fr/doer_links.txt", "quotes/en/doer_links.txt").contains(f)
}

/// A role phrase that names no one person: after an indefinite ("un ancien guide") or a
/// plural determiner ("de nombreux habitants"), or with a plural head and no singular
/// determiner ("témoins de la scène", "officials said").
fn is_unnamed(ctx: &Ctx, phrase: &Phrase) -> bool {
    let det = phrase.first.checked_sub(1).map_or("", |k| ctx.f(k));
    if lexicon::is_indefinite(det) || lexicon::is_plural_determiner(det) {
        return true;
    }
    // "the" may open a group ("the officials"); the other role determiners name one person.
    let singular = det_gender(det) != Gender::Unknown
        || (det != "the" && word_list!("quotes/fr/role_determiners.txt", "quotes/en/role_determiners.txt").contains(det));
    !singular && phrase.role_words.first().is_some_and(|h| lexicon::is_plural_role(h))
}

/// The person's name at the end of a name that glues a source to it ("AFP Jean-Philippe
/// Magnen", "RIA Novosti Valentine Sapounov"): from a known first name, followed by one
/// capitalised surname, to the end, after at least one other word. The entity stage should
/// not merge a medium or organisation with the person it quotes; until it does, quotes read
/// the person out of the merged name.
fn person_after_source(name: &str) -> Option<&str> {
    use crate::entities::gazetteer::{class, key, Gazetteer};
    let words: Vec<(usize, &str)> = name.split(' ').scan(0, |at, w| {
        let start = *at;
        *at += w.len() + 1;
        Some((start, w))
    }).collect();
    if words.len() < 3 {
        return None;
    }
    let (start, first) = words[words.len() - 2];
    let surname = words[words.len() - 1].1;
    let given = first.split('-').next().unwrap_or(first);
    let is_first_name = Gazetteer::get().classes(&key(given)) & class::FIRST_NAME != 0;
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    (is_first_name && capitalised(first) && capitalised(surname)).then(|| &name[start..])
}

/// The gender a determiner marks ("la", "sa", "cette": female).
fn det_gender(f: &str) -> Gender {
    match f {
        "la" | "sa" | "cette" | "une" => Gender::Female,
        "le" | "un" | "ce" | "cet" => Gender::Male,
        _ => Gender::Unknown,
    }
}

/// Content words of a role, for matching ("les chefs de la diplomatie" -> chef, diplomatie).
fn content(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| lexicon::nationality(w).is_none() && !lexicon::is_connector(w))
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

fn nat_of(words: &[String]) -> Option<&'static str> {
    words.iter().find_map(|w| lexicon::nationality(w))
}

fn words_of(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The gender a role phrase's determiner or head gives: "la ministre", "le Premier ministre",
/// "la présidente".
fn phrase_gender(ctx: &Ctx, p: &Phrase) -> Gender {
    let head = p.role_words.first().map_or(Gender::Unknown, |h| lexicon::title_gender(h));
    if head != Gender::Unknown {
        return head;
    }
    match p.first.checked_sub(1).map(|k| ctx.f(k)) {
        Some("la" | "une" | "cette") => Gender::Female,
        Some("le" | "un" | "ce" | "cet") => Gender::Male,
        _ => Gender::Unknown,
    }
}

/// Which of a sequence of word lists hold a word. Few lists (an article's) are scanned; more
/// (a long input's) get (list, word) index pairs, once per list and word, sorted by the word then
/// the list, so that a look-up is a binary search rather than a scan of every list or a map keyed
/// by copies of the words.
#[derive(Default)]
struct WordIndex {
    pairs: Vec<(u32, u32)>,
    /// The number of lists, when they are scanned.
    scanned: Option<usize>,
}

/// Lists up to this many are scanned.
const SCAN_LISTS: usize = 64;

impl WordIndex {
    fn new<'a>(lists: impl ExactSizeIterator<Item = &'a [String]>) -> WordIndex {
        if lists.len() <= SCAN_LISTS {
            return WordIndex { pairs: Vec::new(), scanned: Some(lists.len()) };
        }
        let all: Vec<&[String]> = lists.collect();
        // Lists and words are far fewer than 2^32.
        let mut pairs: Vec<(u32, u32)> =
            all.iter().enumerate().flat_map(|(l, ws)| (0..ws.len()).map(move |k| (l as u32, k as u32))).collect();
        let word = |&(l, k): &(u32, u32)| all[l as usize][k as usize].as_str();
        pairs.sort_by(|a, b| word(a).cmp(word(b)).then(a.0.cmp(&b.0)));
        pairs.dedup_by(|a, b| a.0 == b.0 && word(a) == word(b));
        WordIndex { pairs, scanned: None }
    }

    /// The lists holding `w`, in order; `list(l)` must give the words the index was made from.
    fn holding<'s, 'l: 's>(
        &'s self,
        w: &'s str,
        list: impl Fn(usize) -> &'l [String] + Copy + 's,
    ) -> impl Iterator<Item = usize> + 's {
        let scanned = self.scanned.map(|n| (0..n).filter(move |&l| list(l).iter().any(|x| x == w)));
        let indexed = self.scanned.is_none().then(|| {
            let word = move |&(l, k): &(u32, u32)| list(l as usize)[k as usize].as_str();
            let lo = self.pairs.partition_point(|e| word(e) < w);
            self.pairs[lo..].iter().take_while(move |e| word(e) == w).map(|&(l, _)| l as usize)
        });
        scanned.into_iter().flatten().chain(indexed.into_iter().flatten())
    }
}

impl Resolver {
    pub fn new(ctx: &Ctx, entities: &[Entity], mentions: &[Mention]) -> Resolver {
        let mut r = Resolver {
            people: Vec::new(),
            aliases: Vec::new(),
            aliases_of: Vec::new(),
            aliases_offered: 0,
            name_words: WordIndex::default(),
            alias_words: WordIndex::default(),
            namings: Vec::new(),
            topic: None,
        };
        if entities.is_empty() {
            r.people_from_names(ctx);
        } else {
            // Each mention's first token, found in the mentions' (text) order, near each other.
            let mut at = 0;
            let mention_tokens: Vec<usize> = mentions
                .iter()
                .map(|m| {
                    at = ctx.token_at_from(m.span.start, at);
                    at
                })
                .collect();
            for (ei, e) in entities.iter().enumerate() {
                let positions: Vec<usize> = e.mentions.iter().filter_map(|&m| mention_tokens.get(m).copied()).collect();
                let pi = r.people.len();
                let roles: Vec<Vec<String>> = e.roles.iter().map(|x| words_of(x)).collect();
                let role_words: Vec<String> = roles.iter().flatten().cloned().collect();
                // "l'AFP Jean-Philippe Magnen" merged into one name: the person speaks.
                let person = (e.kind != EntityType::PER).then(|| person_after_source(&e.canonical)).flatten();
                let canonical = person.map_or(e.canonical.as_str(), |p| p);
                r.people.push(Person {
                    canonical: canonical.to_string(),
                    entity: Some(ei),
                    is_person: e.kind == EntityType::PER || person.is_some(),
                    is_org: e.kind == EntityType::ORG && person.is_none(),
                    nat: nat_of(&role_words),
                    gender: Gender::Unknown,
                    positions,
                    words: words_of(canonical),
                });
                for w in roles {
                    let gender = w.first().map_or(Gender::Unknown, |h| lexicon::title_gender(h));
                    r.add_alias(Alias { nat: nat_of(&w), gender, words: content(&w), person: pi });
                }
            }
        }
        for (pi, p) in r.people.iter().enumerate() {
            r.namings.extend(p.positions.iter().map(|&t| (t, pi)));
        }
        r.name_words = WordIndex::new(r.people.iter().map(|p| p.words.as_slice()));
        r.namings.sort_unstable();
        r.topic = r.topic(ctx);
        r.aliases_from_text(ctx);
        r.aliases_from_nouns(ctx);
        for a in &r.aliases {
            if let Some(p) = r.people.get_mut(a.person) {
                if p.nat.is_none() {
                    p.nat = a.nat;
                }
                // "La ministre de l'Agriculture, Claire Vasseur": she, for the pronouns.
                if p.gender == Gender::Unknown {
                    p.gender = a.gender;
                }
            }
        }
        r.alias_words = WordIndex::new(r.aliases.iter().map(|a| a.words.as_slice()));
        // Roles the entities carry take the gender their person was found to have.
        for k in 0..r.aliases.len() {
            if r.aliases[k].gender == Gender::Unknown {
                r.aliases[k].gender = r.people.get(r.aliases[k].person).map_or(Gender::Unknown, |p| p.gender);
            }
        }
        r
    }

    /// Adds `alias` unless its person has it already.
    fn add_alias(&mut self, alias: Alias) {
        self.aliases_offered += 1;
        if self.aliases_of.len() <= alias.person {
            self.aliases_of.resize(alias.person + 1, Vec::new());
        }
        let of = &mut self.aliases_of[alias.person];
        if of.iter().any(|&k| self.aliases[k as usize] == alias) {
            return;
        }
        // Aliases are bounded by MAX_ALIASES and the entity roles, far below 2^32.
        of.push(self.aliases.len() as u32);
        self.aliases.push(alias);
    }

    /// People from the capitalised names the article writes, grouped by shared words
    /// ("Goïta" joins "Assimi Goïta"); only names of two words or more, or after a title, are
    /// people.
    fn people_from_names(&mut self, ctx: &Ctx) {
        let mut runs: Vec<(usize, usize, bool)> = Vec::new(); // first, last token, titled
        let n = ctx.len();
        let mut i = 0;
        while i < n {
            let starts = ctx.is_name_word(i)
                || (ctx.is_cap(i)
                    && !lexicon::is_function_word(ctx.f(i))
                    && ctx.is_name_word(i + 1)
                    && ctx.line_of(i + 1) == ctx.line_of(i));
            if ctx.in_quote(i) || !starts || lexicon::is_title(ctx.f(i)) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < n && !ctx.in_quote(j + 1) {
                if ctx.is_name_word(j + 1)
                    && !lexicon::is_title(ctx.f(j + 1))
                    && ctx.line_of(j + 1) == ctx.line_of(i)
                {
                    j += 1;
                } else if (ctx.is_punct(j + 1, "-") && ctx.glued(j) && ctx.glued(j + 1) && ctx.is_cap(j + 2))
                    || (lexicon::is_name_particle(ctx.f(j + 1))
                        && !ctx.is_cap(j + 1)
                        && ctx.is_cap(j + 2)
                        && j + 1 > i)
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let mut first = i;
            let words = (first..=j).filter(|&k| ctx.is_word(k) && ctx.is_cap(k)).count();
            let after_connector = i > 0 && lexicon::is_connector(ctx.f(i - 1)) && ctx.f(i - 1) != "the";
            if after_connector && words < 2 {
                i = j + 1;
                continue;
            }
            if after_connector && words >= 3 {
                first += 1; // "de l'Énergie Sergueï Tsiviliov"
            }
            let mut t = i;
            while t > 0 && ctx.is_punct(t - 1, ".") {
                t -= 1;
            }
            let titled = t > 0 && lexicon::is_title(ctx.f(t - 1));
            runs.push((first, j, titled));
            i = j + 1;
        }
        // Longest names first, so that shorter ones join them.
        let mut order: Vec<usize> = (0..runs.len()).collect();
        let word_count = |r: &(usize, usize, bool)| (r.0..=r.1).filter(|&k| ctx.is_cap(k)).count();
        order.sort_by_key(|&k| std::cmp::Reverse(word_count(&runs[k])));
        let mut local: HashMap<String, Vec<usize>> = HashMap::new();
        for k in order {
            let (first, last, titled) = runs[k];
            let text = ctx.span(first, last).slice(ctx.doc.text);
            let words = words_of(text);
            if words.is_empty() {
                continue;
            }
            let found = local.get(&words[0]).and_then(|c| {
                c.iter().copied().take(64).find(|&pi| words.iter().all(|w| self.people[pi].words.contains(w)))
            });
            let pi = match found {
                Some(pi) => pi,
                None => {
                    let mut gender = Gender::Unknown;
                    if first > 0 {
                        let mut t = first - 1;
                        if ctx.is_punct(t, ".") && t > 0 {
                            t -= 1;
                        }
                        gender = lexicon::title_gender(ctx.f(t));
                    }
                    self.people.push(Person {
                        canonical: text.to_string(),
                        entity: None,
                        is_person: words.len() >= 2 || titled,
                        is_org: false,
                        nat: None,
                        gender,
                        positions: Vec::new(),
                        words,
                    });
                    let pi = self.people.len() - 1;
                    for w in &self.people[pi].words {
                        local.entry(w.clone()).or_default().push(pi);
                    }
                    pi
                }
            };
            if titled {
                self.people[pi].is_person = true;
            }
            self.people[pi].positions.push(first);
        }
        for p in &mut self.people {
            p.positions.sort_unstable();
        }
    }

    /// The person the article is about: named in its first line (the headline) and again, not
    /// after a preposition, in the first sentences under it ("Disparition de Thierry Roland" / "Le
    /// journaliste Thierry Roland s'est éteint …"). Obituaries and profiles then say "il" of
    /// that person through paragraphs that name others.
    fn topic(&self, ctx: &Ctx) -> Option<usize> {
        const FIRST_SENTENCES: usize = 2;
        let in_headline = |t: usize| ctx.line_of(t) == 0 && !ctx.in_quote(t);
        let body = ctx.sentence_of(ctx.doc.tokens.iter().position(|t| t.newlines_before > 0)?);
        let mut topic = None;
        for &(t, pi) in &self.namings {
            if ctx.line_of(t) == 0 || ctx.in_quote(t) || !self.people[pi].is_person {
                continue;
            }
            if ctx.sentence_of(t) > body + FIRST_SENTENCES {
                break;
            }
            // Not an object: "appelle à voter pour Barack Obama".
            let object = t > 0 && super::attribution::is_preposition(ctx.f(t - 1));
            if !object && self.people[pi].positions.iter().any(|&h| in_headline(h)) {
                topic = Some(pi);
                break;
            }
        }
        topic
    }

    /// The person named at `span`, if any.
    fn person_at(&self, ctx: &Ctx, span: Span) -> Option<usize> {
        // The first token of the span where someone is named (token ends increase).
        let first = ctx.token_at(span.start);
        let i = self.namings.partition_point(|&(t, _)| t < first);
        if let Some(&(t, _)) = self.namings.get(i) {
            if t < ctx.len() && ctx.doc.tokens[t].end <= span.end {
                let same = self.namings[i..].partition_point(|&(u, _)| u == t);
                return Some(self.namings[i + same - 1].1);
            }
        }
        let words = words_of(span.slice(ctx.doc.text));
        let first_word = words.first()?;
        let found =
            self.people_named(first_word).take(64).find(|&pi| words.iter().all(|w| self.people[pi].words.contains(w)));
        found
    }

    /// The people whose name has the folded word `w`, in order.
    fn people_named<'s>(&'s self, w: &'s str) -> impl Iterator<Item = usize> + 's {
        self.name_words.holding(w, |pi| self.people[pi].words.as_slice())
    }

    /// Common nouns written right before a person's name or in apposition after it, for the
    /// nouns the role lists do not hold: "son complice Jean Martin", "le graphiste Paul Roux",
    /// "Karim B., le prévenu,".
    fn aliases_from_nouns(&mut self, ctx: &Ctx) {
        let namings = std::mem::take(&mut self.namings);
        for &(t, pi) in &namings {
            if self.aliases_offered >= MAX_ALIASES {
                break;
            }
            let is_org = self.people[pi].is_org;
            if !(self.people[pi].is_person || is_org) || ctx.in_quote(t) {
                continue;
            }
            let is_noun = |j: usize| {
                ctx.is_word(j)
                    && !ctx.is_cap(j)
                    && !lexicon::is_function_word(ctx.f(j))
                    && !lexicon::is_speech_verb(ctx.f(j))
                    && !lexicon::is_auxiliary(ctx.f(j))
                    && ctx.f(j).chars().count() > 2
            };
            let is_det = |j: usize| {
                word_list!("quotes/fr/alias_determiners.txt", "quotes/en/alias_determiners.txt").contains(ctx.f(j))
            };
            // "le quotidien français Le Figaro": the noun that later names the organisation
            // ("indique le quotidien"); a nationality may come between.
            let before = if t >= 1 && lexicon::nationality(ctx.f(t - 1)).is_some() { t - 1 } else { t };
            if is_org && before >= 2 && is_noun(before - 1) && is_det(before - 2) {
                let w = ctx.f(before - 1).to_string();
                self.add_alias(Alias { nat: None, gender: det_gender(ctx.f(before - 2)), words: vec![w], person: pi });
            }
            // "son complice Jean-Michel Larqué"
            if !is_org && t >= 2 && is_noun(t - 1) && is_det(t - 2) {
                let w = ctx.f(t - 1).to_string();
                self.add_alias(Alias {
                    nat: None,
                    gender: det_gender(ctx.f(t - 2)),
                    words: vec![w],
                    person: pi,
                });
            }
            // "son complice de toujours, Jean-Michel Larqué": a noun and its short complement
            // in apposition before the name.
            if t >= 4 && ctx.is_punct(t - 1, ",") {
                let det = (t.saturating_sub(6)..t - 2).rev().find(|&j| is_det(j) && is_noun(j + 1));
                let complement = |d: usize| {
                    (d + 2..t - 1).all(|j| ctx.is_word(j) && !ctx.is_cap(j) && !ctx.in_quote(j))
                        && (d + 2 == t - 1 || lexicon::is_connector(ctx.f(d + 2)))
                };
                if let Some(d) = det.filter(|&d| complement(d)) {
                    let w = ctx.f(d + 1).to_string();
                    self.add_alias(Alias { nat: None, gender: det_gender(ctx.f(d)), words: vec![w], person: pi });
                }
            }
            if is_org {
                continue;
            }
            // "Karim B., le prévenu"
            let mut e = t;
            while e + 1 < ctx.len() && ctx.is_name_word(e + 1) {
                e += 1;
            }
            if ctx.is_punct(e + 1, ",") && is_det(e + 2) && is_noun(e + 3) {
                let w = ctx.f(e + 3).to_string();
                self.add_alias(Alias {
                    nat: None,
                    gender: det_gender(ctx.f(e + 2)),
                    words: vec![w],
                    person: pi,
                });
            }
        }
        self.namings = namings;
    }

    /// Roles written next to a name: "ROLE NAME", "NAME, ROLE", "ROLE, NAME".
    fn aliases_from_text(&mut self, ctx: &Ctx) {
        let n = ctx.len();
        for k in 0..n {
            if self.aliases_offered >= MAX_ALIASES {
                break;
            }
            // Punctuation is never a role head: not folded nor looked up.
            if ctx.in_quote(k) || !ctx.is_word(k) {
                continue;
            }
            let f = ctx.f(k);
            if !lexicon::is_role_head(f) {
                continue;
            }
            let end = ctx.doc.sentences.get(ctx.sentence_of(k)).map_or(n, |r| r.end);
            let Some(p) = parse_forward(ctx, k, end) else { continue };
            match p.kind {
                Kind::Name => {
                    if p.role_words.is_empty() {
                        continue;
                    }
                    if let Some(pi) = p.name.and_then(|s| self.person_at(ctx, s)) {
                        let gender = phrase_gender(ctx, &p);
                        self.add_alias(Alias {
                            nat: nat_of(&p.role_words),
                            gender,
                            words: content(&p.role_words),
                            person: pi,
                        });
                    }
                }
                Kind::Role => {
                    // "ROLE, NAME"
                    let mut found = None;
                    if ctx.is_punct(p.last + 1, ",") {
                        found = parse_forward(ctx, p.last + 2, end).filter(|q| q.kind == Kind::Name);
                    }
                    // "NAME, ROLE": the determiner before the role follows a comma after a name.
                    let mut d = p.first;
                    while d > 0 && matches!(ctx.f(d - 1), "le" | "la" | "l'" | "les" | "the") {
                        d -= 1;
                    }
                    if found.is_none() && d >= 2 && ctx.is_punct(d - 1, ",") && ctx.is_name_word(d - 2) {
                        let mut s = d - 2;
                        while s > 0 && (ctx.is_name_word(s - 1) || ctx.is_punct(s - 1, "-")) {
                            s -= 1;
                        }
                        found = parse_forward(ctx, s, d - 1).filter(|q| q.kind == Kind::Name);
                    }
                    if let Some(pi) = found.and_then(|q| q.name).and_then(|s| self.person_at(ctx, s)) {
                        let gender = phrase_gender(ctx, &p);
                        self.add_alias(Alias {
                            nat: nat_of(&p.role_words),
                            gender,
                            words: content(&p.role_words),
                            person: pi,
                        });
                    }
                }
                _ => {}
            }
        }
    }

    fn compatible(&self, pi: usize, nat: Option<&str>, gender: Gender) -> bool {
        let p = &self.people[pi];
        let nat_ok = match (nat, p.nat) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let gender_ok =
            matches!((gender, p.gender), (Gender::Unknown, _) | (_, Gender::Unknown)) || gender == p.gender;
        p.is_person && nat_ok && gender_ok
    }

    /// The compatible person named last before token `at`, outside quotes: who a quote names
    /// is seldom who says the next one ("“Dean is one of our own,” she said").
    fn most_recent(&self, ctx: &Ctx, at: usize, nat: Option<&str>, gender: Gender) -> Option<usize> {
        self.last_named_before(ctx, at, |pi| self.compatible(pi, nat, gender))
    }

    /// The person a pronoun at token `at` most likely stands for: among the people named in
    /// the last sentences (outside quotes) and the previous quote's speaker `last`, the one
    /// with the best salience — named as a subject rather than after a preposition or a verb,
    /// the last speaker, named often, named recently — that the pronoun's gender allows.
    fn most_salient(&self, ctx: &Ctx, at: usize, gender: Gender, last: Option<usize>) -> Option<usize> {
        const SENTENCES_BACK: usize = 4;
        let here = ctx.sentence_of(at.min(ctx.len().saturating_sub(1)));
        let i = self.namings.partition_point(|&(t, _)| t < at);
        // Distinct compatible people, latest first, with where they were last named.
        let mut recent: Vec<(usize, usize)> = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        for &(t, pi) in self.namings[..i].iter().rev().take(RECENT) {
            if ctx.in_quote(t) || seen.contains(&pi) {
                continue;
            }
            if here.saturating_sub(ctx.sentence_of(t)) > SENTENCES_BACK {
                break;
            }
            seen.push(pi);
            if self.compatible(pi, None, gender) {
                recent.push((pi, t));
            }
        }
        // The article's topic stays a candidate however long ago it was named.
        let topic = self.topic.filter(|&pi| {
            self.compatible(pi, None, gender) && self.people[pi].positions.first().is_some_and(|&p| p < at)
        });
        if let Some(pi) = topic.filter(|pi| !seen.contains(pi)) {
            let t = self.people[pi].positions[self.people[pi].positions.partition_point(|&x| x < at) - 1];
            recent.push((pi, t));
        }
        let other_named =
            recent.iter().any(|&(pi, t)| Some(pi) != topic && here.saturating_sub(ctx.sentence_of(t)) <= 1);
        let last = last.filter(|&pi| {
            self.compatible(pi, None, gender) && self.people[pi].positions.first().is_some_and(|&p| p < at)
        });
        // The last speaker stays salient until someone else is named as a subject.
        let new_subject = recent.iter().position(|&(_, t)| subject_like(ctx, t));
        let last_rank = recent.iter().position(|&(pi, _)| Some(pi) == last);
        let last_holds = match (new_subject, last_rank) {
            (Some(s), Some(l)) => l <= s,
            (None, _) => true,
            (Some(_), None) => false,
        };
        let mut best: Option<(f32, usize)> = None;
        for (rank, &(pi, t)) in recent.iter().enumerate() {
            let times = self.people[pi].positions.partition_point(|&x| x < at);
            let mut score = -(rank as f32) + (times as f32).ln() * 0.5;
            if subject_like(ctx, t) {
                score += 2.0;
            }
            if last == Some(pi) && last_holds {
                score += 2.0;
            }
            // The topic, however far back, unless someone else was named in this sentence or
            // the one before.
            if topic == Some(pi) && !other_named {
                score = score.max(TOPIC_SALIENCE + (times as f32).ln() * 0.5);
            }
            if best.map_or(true, |(b, _)| score > b) {
                best = Some((score, pi));
            }
        }
        if let (Some(pi), None) = (last, last_rank) {
            if last_holds && best.is_none() {
                best = Some((0.0, pi));
            }
        }
        best.map(|(_, pi)| pi)
    }

    /// The place entity (a country) that a nationality adjective among `words` points to, when
    /// the article names it: "malien" -> Mali, "grecque" -> Grèce, "espagnol" -> Espagne (the
    /// adjective starts with the country's name but for its last two letters at most).
    fn country_of(&self, words: &[String]) -> Option<usize> {
        let government = words.first().is_some_and(|h| {
            word_list!("quotes/fr/government_heads.txt", "quotes/en/government_heads.txt").contains(h.as_str())
        });
        if !government {
            return None;
        }
        let adjectives = words.iter().skip(1).filter(|w| w.len() >= 4);
        for w in adjectives {
            for (pi, p) in self.people.iter().enumerate() {
                if p.is_person || p.is_org || p.entity.is_none() || p.words.len() != 1 {
                    continue;
                }
                let c = &p.words[0];
                let common = w.bytes().zip(c.bytes()).take_while(|(a, b)| a == b).count();
                if common >= 4 && common + 2 >= c.len() {
                    return Some(pi);
                }
            }
        }
        None
    }

    /// Whether a person or organisation is named outside quotes in tokens `[a, b)`: a new
    /// subject that ends a run of quotes by one speaker.
    pub fn someone_named_between(&self, ctx: &Ctx, a: usize, b: usize) -> bool {
        let i = self.namings.partition_point(|&(t, _)| t < a);
        self.namings[i..]
            .iter()
            .take_while(|&&(t, _)| t < b)
            .any(|&(t, pi)| !ctx.in_quote(t) && (self.people[pi].is_person || self.people[pi].is_org))
    }

    /// The organisation named last before token `at`, outside quotes.
    fn most_recent_org(&self, ctx: &Ctx, at: usize) -> Option<usize> {
        self.last_named_before(ctx, at, |pi| self.people[pi].is_org)
    }

    /// Among the last [`RECENT`] namings before token `at` outside quotes, the latest whose
    /// entry passes `keep`.
    fn last_named_before(&self, ctx: &Ctx, at: usize, keep: impl Fn(usize) -> bool) -> Option<usize> {
        let i = self.namings.partition_point(|&(t, _)| t < at);
        self.namings[..i]
            .iter()
            .rev()
            .take(RECENT)
            .filter(|&&(t, _)| !ctx.in_quote(t))
            .map(|&(_, pi)| pi)
            .find(|&pi| keep(pi))
    }

    /// Where `people[pi]` was last named before token `at`, if it was.
    fn last_naming_before(&self, pi: usize, at: usize) -> Option<usize> {
        let positions = &self.people[pi].positions;
        positions[..positions.partition_point(|&x| x < at)].last().copied()
    }

    /// Between the previous quote's speaker `last` and `recent`, the person named last before
    /// `at`: the last speaker stays the speaker unless someone else was named since.
    fn latest_of(&self, last: Option<usize>, recent: Option<usize>, at: usize) -> Option<usize> {
        match (last, recent) {
            (Some(a), Some(b)) if a != b => {
                let pa = self.last_naming_before(a, at).unwrap_or(0);
                let pb = self.last_naming_before(b, at).unwrap_or(0);
                if pb > pa {
                    Some(b)
                } else {
                    Some(a)
                }
            }
            (a, b) => a.or(b),
        }
    }

    fn resolved(&self, pi: usize) -> Resolved {
        let p = &self.people[pi];
        Resolved {
            speaker: Some(p.canonical.clone()),
            entity: p.entity,
            person: Some(pi),
            ..Resolved::default()
        }
    }

    /// The speaker a phrase names, read at token `at`; `last` is the previous quote's person.
    pub fn resolve(&self, ctx: &Ctx, phrase: &Phrase, at: usize, last: Option<usize>) -> Resolved {
        let mut r = self.resolve_phrase(ctx, phrase, at, last);
        r.how = match phrase.kind {
            _ if r.speaker.is_none() => Resolution::None,
            Kind::Name => Resolution::Named,
            Kind::Pronoun(_) => Resolution::Pronoun,
            // An organisation written by its name ("the Department for Transport").
            Kind::Org if phrase.name.is_some() || ctx.is_cap(phrase.first) => Resolution::Named,
            Kind::Role | Kind::Org => Resolution::Role,
        };
        r.confidence = confidence(r.how, 0.0);
        if r.how == Resolution::Named && r.entity.is_none() {
            r.confidence = UNKNOWN_NAME;
        }
        r
    }

    /// The organisation the article named with `noun` ("le quotidien français Le Figaro", "la
    /// fédération des banques, Febelfin"), the one named last before token `at`.
    fn org_by_noun(&self, noun: &str, at: usize) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for a in self.aliases.iter().filter(|a| self.people[a.person].is_org && a.words.iter().any(|w| w == noun)) {
            let Some(pos) = self.last_naming_before(a.person, at) else { continue };
            if best.map_or(true, |(b, _)| pos > b) {
                best = Some((pos, a.person));
            }
        }
        best.map(|(_, pi)| pi)
    }

    fn resolve_phrase(&self, ctx: &Ctx, phrase: &Phrase, at: usize, last: Option<usize>) -> Resolved {
        let text = ctx.doc.text;
        match phrase.kind {
            Kind::Name => {
                let name = phrase.name.unwrap_or(phrase.span);
                match self.person_at(ctx, name) {
                    Some(pi) => self.resolved(pi),
                    None => Resolved { speaker: Some(name.slice(text).to_string()), ..Resolved::default() },
                }
            }
            Kind::Pronoun(Gender::Unknown) => Resolved::default(),
            Kind::Pronoun(g) => {
                self.most_salient(ctx, at, g, last).map_or_else(Resolved::default, |pi| self.resolved(pi))
            }
            Kind::Role => {
                // "un diplomate ivoirien", "a witness": someone the article does not name;
                // "les enquêteurs", "témoins de la scène", "officials": a group, no one speaker.
                if is_unnamed(ctx, phrase) {
                    // "un représentant du groupe", "a spokesperson": the organisation speaks,
                    // the one the article named last.
                    let det = ctx.f(phrase.first - 1);
                    let spokesperson = phrase.role_words.first().is_some_and(|h| lexicon::is_spokesperson(h));
                    if spokesperson && lexicon::is_indefinite(det) {
                        if let Some(pi) = self.most_recent_org(ctx, at) {
                            return self.resolved(pi);
                        }
                    }
                    return Resolved::default();
                }
                let nat = nat_of(&phrase.role_words);
                let gender = phrase_gender(ctx, phrase);
                let words = content(&phrase.role_words);
                // An alias whose words include the phrase's ("le ministre" -> "le ministre de …").
                let mut best: Option<(usize, usize)> = None;
                let holding = words.first().map(|w| self.alias_words.holding(w, |k| self.aliases[k].words.as_slice()));
                for a in holding.into_iter().flatten().map(|k| &self.aliases[k]) {
                    let nat_ok = match (nat, a.nat) {
                        (Some(x), Some(y)) => x == y,
                        (Some(x), None) => self.people[a.person].nat.map_or(true, |y| y == x),
                        _ => true,
                    };
                    // "la ministre" is a woman; "le ministre" may be either in French usage.
                    let gender_ok = !(gender == Gender::Female && a.gender == Gender::Male);
                    if !nat_ok
                        || !gender_ok
                        || !self.people[a.person].is_person
                        || words.is_empty()
                        || !words.iter().all(|w| a.words.contains(w))
                    {
                        continue;
                    }
                    let pos = self.last_naming_before(a.person, at).unwrap_or(0);
                    if best.map_or(true, |(b, _)| pos > b) {
                        best = Some((pos, a.person));
                    }
                }
                if let Some((_, pi)) = best {
                    return self.resolved(pi);
                }
                // "la porte-parole de la fédération", "a spokesman for the ministry": the
                // organisation the article named with that noun.
                if phrase.role_words.first().is_some_and(|h| lexicon::is_spokesperson(h)) {
                    let org = phrase.role_words[1..].iter().filter(|w| lexicon::is_org_head(w));
                    if let Some(pi) = org.filter_map(|w| self.org_by_noun(w, at)).next() {
                        return self.resolved(pi);
                    }
                }
                // The last speaker, unless another person was named since on this very line
                // ("… le maire, Gérald Vanhoutte. « … », rappelle l'élu").
                let g = if gender == Gender::Female { gender } else { Gender::Unknown };
                let last = last.filter(|&pi| self.compatible(pi, nat, g));
                let recent = self.most_recent(ctx, at, nat, g).filter(|&pi| {
                    self.last_naming_before(pi, at)
                        .is_some_and(|t| at < ctx.len() && ctx.line_of(t) == ctx.line_of(at))
                });
                if let Some(pi) =
                    self.latest_of(last, recent, at).or_else(|| self.most_recent(ctx, at, nat, g))
                {
                    return self.resolved(pi);
                }
                // A role the article gives no one: the words stay in `speaker_span`, but a
                // speaker is an entity of the article or nobody.
                Resolved::default()
            }
            Kind::Org => {
                if let Some(pi) = self.person_at(ctx, phrase.span).filter(|&pi| !self.people[pi].is_person) {
                    return self.resolved(pi);
                }
                // "le gouvernement malien", "the French government": the country speaks.
                if let Some(pi) = self.country_of(&phrase.role_words) {
                    return self.resolved(pi);
                }
                // "le syndicat", "the club": the organisation the article named last.
                let generic = phrase.name.is_none() && (phrase.first..=phrase.last).all(|k| !ctx.is_cap(k));
                let definite =
                    phrase.first > 0 && matches!(ctx.f(phrase.first - 1), "le" | "la" | "l'" | "the");
                if generic && definite {
                    // "indique le quotidien": the one the article called so, else the last named.
                    let named_so = phrase.role_words.iter().find_map(|w| self.org_by_noun(w, at));
                    if let Some(pi) = named_so.or_else(|| self.most_recent_org(ctx, at)) {
                        return self.resolved(pi);
                    }
                }
                // "un rapport établi par …", "un syndicat": a body the article does not name.
                if phrase.first > 0 && lexicon::is_indefinite(ctx.f(phrase.first - 1)) {
                    return Resolved::default();
                }
                Resolved { speaker: Some(phrase.span.slice(text).to_string()), ..Resolved::default() }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::person_after_source;

    #[test]
    fn a_person_is_read_out_of_a_name_glued_to_its_source() {
        assert_eq!(person_after_source("AFP Jean-Philippe Magnen"), Some("Jean-Philippe Magnen"));
        assert_eq!(person_after_source("RIA Novosti Valentine Sapounov"), Some("Valentine Sapounov"));
        assert_eq!(person_after_source("Jean-Philippe Magnen"), None, "a person alone");
        assert_eq!(person_after_source("Banque centrale européenne"), None);
        assert_eq!(person_after_source("Association des leaders religieux"), None);
    }
}
