//! Every mention of the same person in a sample article shares one canonical name: Goïta,
//! Camara, Diop, Poutine and Lavrov, however the article writes them.

mod common;
use common::*;
use manchette::{analyze, EntityType, Options};
use std::collections::{BTreeMap, BTreeSet};

/// Canonical names of the PER mentions whose text folds to contain `surname` or equals `alias`.
fn canonicals(article: &GoldArticle, surname: &str, aliases: &[&str]) -> (BTreeSet<String>, usize) {
    let a = analyze(&article.text, &Options { reference_date: article.reference_date(), lang: None });
    let mut set = BTreeSet::new();
    let mut n = 0;
    for m in a.mentions.iter().filter(|m| m.kind == EntityType::PER) {
        let text = m.span.slice(&article.text);
        let f = manchette::text::fold(text);
        if f.contains(surname) || aliases.contains(&text) {
            set.insert(a.entities[m.entity].canonical.clone());
            n += 1;
        }
    }
    (set, n)
}

#[test]
fn each_person_has_one_canonical_name_per_article() {
    let people: &[(&str, &[&str])] =
        &[("goita", &["Assimi"]), ("camara", &[]), ("diop", &[]), ("poutine", &[]), ("lavrov", &[])];
    let mut expected: BTreeMap<(&str, &str), (&str, usize)> = BTreeMap::new();
    // (article prefix, person) -> (canonical, mentions found)
    for (k, v) in [
        (("001", "goita"), ("Assimi Goïta", 2)),
        (("003", "goita"), ("Assimi GOÏTA", 5)),
        (("004", "goita"), ("Assimi Goita", 2)),
        (("000", "camara"), ("Sadio Camara", 1)),
        (("003", "camara"), ("Sadio CAMARA", 1)),
        (("002", "diop"), ("Abdoulaye Diop", 3)),
        (("001", "poutine"), ("Vladimir Poutine", 3)),
        (("003", "poutine"), ("Vladimir Poutine", 2)),
        (("002", "lavrov"), ("Sergueï Lavrov", 4)),
    ] {
        expected.insert(k, v);
    }
    for article in gold_articles() {
        for (surname, aliases) in people {
            let (set, n) = canonicals(&article, surname, aliases);
            assert!(set.len() <= 1, "{}: {surname} has several canonical names {set:?}", article.name);
            if let Some((canonical, at_least)) = expected.get(&(&article.name[..3], *surname)) {
                assert_eq!(
                    set.iter().next().map(String::as_str),
                    Some(*canonical),
                    "{}: {surname}",
                    article.name
                );
                assert!(
                    n >= *at_least,
                    "{}: {surname} found {n} mentions, expected {at_least}",
                    article.name
                );
            }
        }
    }
}
