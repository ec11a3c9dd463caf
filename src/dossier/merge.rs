//! The merge of a dossier's analyses: entities of different articles that name the same
//! referent become one, quotes are grouped by that referent, dates make one timeline.
//!
//! Two entities are the same referent when they have the same type and the same canonical
//! name up to case, accents and hyphens ("Assimi GOÏTA" = "Assimi Goïta"). Beyond that, a
//! one-word person name joins the only fuller person name that ends with it ("Goïta"), and an
//! acronym the only organisation whose initials it spells ("ONU"); a name that could be two
//! referents joins neither. Types are never mixed: "Wagner" the group is not "Wagner" a person.

use super::Article;
use crate::analysis::{DateValue, EntityType};
use crate::text::{fold, Span};
use std::collections::HashMap;

/// One person, organisation or place across the dossier.
#[derive(Clone, Debug, PartialEq)]
pub struct Referent {
    /// The fullest name any article gives it.
    pub canonical: String,
    /// Its type (the same in every article).
    pub kind: EntityType,
    /// Every role the articles give it, first seen first, without repeats.
    pub roles: Vec<String>,
    /// The other canonical names the articles use for it.
    pub aliases: Vec<String>,
    /// Where it appears, in article order.
    pub articles: Vec<ReferentArticle>,
    /// Every mention is in page boilerplate.
    pub boilerplate: bool,
}

impl Referent {
    /// Its mentions in every article.
    pub fn mention_count(&self) -> usize {
        self.articles.iter().map(|a| a.mentions.len()).sum()
    }
}

/// A referent in one article: the article's own entity and its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferentArticle {
    /// Index into the dossier's articles.
    pub article: usize,
    /// Indices into that article's `analysis.entities` (usually one).
    pub entities: Vec<usize>,
    /// Indices into that article's `analysis.mentions`, in text order.
    pub mentions: Vec<usize>,
    /// Every one of these mentions is in page boilerplate (a menu, a teaser).
    pub boilerplate: bool,
}

/// The quotes of one speaker across the dossier.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerQuotes {
    /// Index into [`Merged::referents`] when the speaker is one of them.
    pub referent: Option<usize>,
    /// The speaker's name (the referent's canonical when there is one).
    pub speaker: String,
    /// (article index, index into that article's `analysis.quotes`), in dossier order.
    pub quotes: Vec<(usize, usize)>,
    /// Every one of these quotes is in page boilerplate.
    pub boilerplate: bool,
}

/// One resolved date of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineItem {
    /// Index into the dossier's articles.
    pub article: usize,
    /// Index into that article's `analysis.dates`.
    pub date: usize,
    /// Its calendar value.
    pub value: DateValue,
    /// The sentence around the date, in the article's text.
    pub sentence: Option<Span>,
    /// Referents named in that sentence, in text order, without repeats.
    pub referents: Vec<usize>,
}

/// The dossier's merged view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merged {
    /// Most mentioned first (mentions outside boilerplate first), then by name.
    pub referents: Vec<Referent>,
    /// For each article, for each of its entities, the index of its referent.
    pub referent_of: Vec<Vec<usize>>,
    /// Speakers with most quotes outside boilerplate first, then most quotes; quotes nobody is
    /// named for are left out.
    pub speakers: Vec<SpeakerQuotes>,
    /// Sorted by value (a year before its months, a month before its days), then by article.
    pub timeline: Vec<TimelineItem>,
}

/// The key under which names of one referent meet: folded, hyphens and spaces alike.
fn name_key(name: &str) -> String {
    fold(name)
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Initials of the capitalised words of `name` ("Organisation des Nations unies" → "ONU").
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_acronym(name: &str) -> bool {
    let n = name.chars().count();
    (2..=6).contains(&n) && name.chars().all(|c| c.is_uppercase())
}

/// How good a name is as the referent's canonical: more words, fewer words in capitals
/// ("Assimi Goïta" over "Assimi GOÏTA"), then more mentions.
fn name_rank(name: &str, mentions: usize) -> (usize, usize, usize) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let shouting =
        words.iter().filter(|w| w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase())).count();
    (words.len(), usize::MAX - shouting, mentions)
}

/// Merges the articles' entities, quotes and dates. Linear in their mentions (hash maps).
pub(crate) fn merge(articles: &[Article]) -> Merged {
    // One node per (article, entity).
    let mut nodes: Vec<(usize, usize)> = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        nodes.extend((0..article.analysis.entities.len()).map(|e| (a, e)));
    }
    let entity = |n: usize| &articles[nodes[n].0].analysis.entities[nodes[n].1];
    let mut sets = UnionFind((0..nodes.len()).collect());

    // Same type, same name key.
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::new();
    for n in 0..nodes.len() {
        let e = entity(n);
        let key = (e.kind, name_key(&e.canonical));
        match by_key.get(&key) {
            Some(&m) => sets.union(m, n),
            None => {
                by_key.insert(key, n);
            }
        }
    }
    // A one-word person name joins the only fuller name ending with it; an acronym, the only
    // organisation whose initials it spells.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (&(kind, ref key), &n) in &by_key {
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() < 2 {
            continue;
        }
        match kind {
            EntityType::PER => by_surname.entry(words[words.len() - 1].to_string()).or_default().push(n),
            EntityType::ORG => by_initials.entry(initials(&entity(n).canonical)).or_default().push(n),
            _ => {}
        }
    }
    for (&(kind, ref key), &n) in &by_key {
        if key.contains(' ') {
            continue;
        }
        let candidates = match kind {
            EntityType::PER => by_surname.get(key),
            EntityType::ORG if is_acronym(&entity(n).canonical) => by_initials.get(key),
            _ => None,
        };
        if let Some(&[only]) = candidates.map(Vec::as_slice) {
            sets.union(only, n);
        }
    }

    // Referents in node order of their first member, then sorted.
    let mut referent_of_root: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for n in 0..nodes.len() {
        let root = sets.find(n);
        let r = *referent_of_root.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[r].push(n);
    }
    let referents: Vec<Referent> = members.iter().map(|m| referent(articles, &nodes, m)).collect();
    let mut order: Vec<usize> = (0..referents.len()).collect();
    let outside = |r: &Referent| {
        r.articles
            .iter()
            .flat_map(|ra| ra.mentions.iter().map(move |&i| &articles[ra.article].analysis.mentions[i]))
            .filter(|m| !m.boilerplate)
            .count()
    };
    let weights: Vec<(usize, usize)> = referents.iter().map(|r| (outside(r), r.mention_count())).collect();
    order.sort_by(|&x, &y| {
        weights[y]
            .cmp(&weights[x])
            .then_with(|| fold(&referents[x].canonical).cmp(&fold(&referents[y].canonical)))
    });
    let mut new_index = vec![0; referents.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Referent>> = referents.into_iter().map(Some).collect();
    let referents: Vec<Referent> = order.iter().filter_map(|&old| slots[old].take()).collect();
    let mut referent_of: Vec<Vec<usize>> =
        articles.iter().map(|a| vec![0; a.analysis.entities.len()]).collect();
    for (old, m) in members.iter().enumerate() {
        for &n in m {
            let (a, e) = nodes[n];
            referent_of[a][e] = new_index[old];
        }
    }

    let speakers = speakers(articles, &referents, &referent_of);
    let timeline = timeline(articles, &referent_of);
    Merged { referents, referent_of, speakers, timeline }
}

/// The referent made of the entities `members` (nodes, in article order).
fn referent(articles: &[Article], nodes: &[(usize, usize)], members: &[usize]) -> Referent {
    let mut per_article: Vec<ReferentArticle> = Vec::new();
    let mut names: Vec<(String, usize)> = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    let mut role_keys: Vec<String> = Vec::new();
    let mut boilerplate = true;
    let kind = articles[nodes[members[0]].0].analysis.entities[nodes[members[0]].1].kind;
    for &n in members {
        let (a, e) = nodes[n];
        let analysis = &articles[a].analysis;
        let entity = &analysis.entities[e];
        let in_boilerplate = entity.mentions.iter().all(|&i| analysis.mentions[i].boilerplate);
        match per_article.last_mut() {
            Some(last) if last.article == a => {
                last.entities.push(e);
                last.mentions.extend_from_slice(&entity.mentions);
                last.mentions.sort_unstable();
                last.boilerplate &= in_boilerplate;
            }
            _ => per_article.push(ReferentArticle {
                article: a,
                entities: vec![e],
                mentions: entity.mentions.clone(),
                boilerplate: in_boilerplate,
            }),
        }
        boilerplate &= in_boilerplate;
        match names.iter_mut().find(|(name, _)| *name == entity.canonical) {
            Some((_, count)) => *count += entity.mentions.len(),
            None => names.push((entity.canonical.clone(), entity.mentions.len())),
        }
        for role in &entity.roles {
            let key = fold(role);
            if !role_keys.contains(&key) {
                role_keys.push(key);
                roles.push(role.clone());
            }
        }
    }
    let best =
        (0..names.len()).max_by_key(|&i| (name_rank(&names[i].0, names[i].1), usize::MAX - i)).unwrap_or(0);
    let canonical = names.get(best).map(|(name, _)| name.clone()).unwrap_or_default();
    let aliases = names.into_iter().map(|(name, _)| name).filter(|name| *name != canonical).collect();
    Referent { canonical, kind, roles, aliases, articles: per_article, boilerplate }
}

fn speakers(articles: &[Article], referents: &[Referent], referent_of: &[Vec<usize>]) -> Vec<SpeakerQuotes> {
    let mut groups: Vec<SpeakerQuotes> = Vec::new();
    let mut by_referent: HashMap<usize, usize> = HashMap::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (a, article) in articles.iter().enumerate() {
        for (q, quote) in article.analysis.quotes.iter().enumerate() {
            let referent = quote.speaker_entity.and_then(|e| referent_of[a].get(e).copied());
            let slot = match (referent, &quote.speaker) {
                (Some(r), _) => *by_referent.entry(r).or_insert_with(|| {
                    groups.push(SpeakerQuotes {
                        referent: Some(r),
                        speaker: referents[r].canonical.clone(),
                        quotes: Vec::new(),
                        boilerplate: true,
                    });
                    groups.len() - 1
                }),
                (None, Some(name)) => *by_name.entry(name_key(name)).or_insert_with(|| {
                    groups.push(SpeakerQuotes {
                        referent: None,
                        speaker: name.clone(),
                        quotes: Vec::new(),
                        boilerplate: true,
                    });
                    groups.len() - 1
                }),
                (None, None) => continue,
            };
            groups[slot].quotes.push((a, q));
            groups[slot].boilerplate &= quote.boilerplate;
        }
    }
    let outside = |g: &SpeakerQuotes| {
        g.quotes.iter().filter(|&&(a, q)| !articles[a].analysis.quotes[q].boilerplate).count()
    };
    let weights: Vec<(usize, usize)> = groups.iter().map(|g| (outside(g), g.quotes.len())).collect();
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&x, &y| {
        weights[y].cmp(&weights[x]).then_with(|| groups[x].quotes[0].cmp(&groups[y].quotes[0]))
    });
    let mut slots: Vec<Option<SpeakerQuotes>> = groups.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

fn timeline(articles: &[Article], referent_of: &[Vec<usize>]) -> Vec<TimelineItem> {
    let mut items = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        let mentions = &article.analysis.mentions;
        for (d, date) in article.analysis.dates.iter().enumerate() {
            let Some(value) = date.value else { continue };
            let sentence = article.sentence_at(date.span.start);
            let mut referents = Vec::new();
            if let Some(s) = sentence {
                let first = mentions.partition_point(|m| m.span.start < s.start);
                for m in mentions[first..].iter().take_while(|m| m.span.end <= s.end) {
                    if let Some(&r) = referent_of[a].get(m.entity) {
                        if !referents.contains(&r) {
                            referents.push(r);
                        }
                    }
                }
            }
            items.push(TimelineItem { article: a, date: d, value, sentence, referents });
        }
    }
    items.sort_by(|x, y| {
        let start = |t: &TimelineItem| articles[t.article].analysis.dates[t.date].span.start;
        x.value.cmp(&y.value).then(x.article.cmp(&y.article)).then_with(|| start(x).cmp(&start(y)))
    });
    items
}
