//! Golden test of the page structure on the sample articles in ../shared/gold: every gold item
//! marked boilerplate lies in a boilerplate block and no other gold item does (checked on the
//! gold spans themselves, independent of the extractors), and the metadata the article gives is
//! found.

mod common;
use common::*;
use manchette::document::Document;
use manchette::structure::{analyze, Structure};
use manchette::text::{offsets::byte_of_code_point, Span};
use manchette::{BlockKind, Lang};

fn structure_of(article: &GoldArticle) -> Structure {
    analyze(&Document::new(&article.text, Lang::Fr))
}

/// The gold item's code point span as bytes.
fn byte_span(text: &str, item: &serde_json::Value) -> Span {
    let cp = |k: &str| item[k].as_u64().unwrap() as usize;
    Span::new(byte_of_code_point(text, cp("start")), byte_of_code_point(text, cp("end")))
}

fn dump(article: &GoldArticle, s: &Structure) -> String {
    let mut out = String::new();
    for b in &s.blocks {
        let t = b.span.slice(&article.text);
        let short: String = t.chars().take(70).collect();
        out.push_str(&format!(
            "  {:<11} {:>5}..{:<5} {short}\n",
            format!("{:?}", b.kind),
            b.span.start,
            b.span.end
        ));
    }
    out
}

#[test]
fn gold_boilerplate_items_and_only_they_are_in_boilerplate_blocks() {
    let mut failures = Vec::new();
    for article in gold_articles() {
        let s = structure_of(&article);
        if std::env::var_os("MANCHETTE_DUMP").is_some() {
            eprintln!("== {}\n{}{:?}", article.name, dump(&article, &s), s.metadata);
        }
        for kind in ["entities", "quotes", "dates"] {
            for item in article.items(kind) {
                let gold = item["boilerplate"].as_bool().unwrap_or(false);
                let span = byte_span(&article.text, &item);
                if s.is_boilerplate(span) != gold {
                    failures
                        .push(format!("{} {kind} {:?} gold boilerplate={gold}", article.name, item["text"]));
                }
            }
        }
        // The regions themselves: every char of a gold region is boilerplate (blank lines aside),
        // and every block marked boilerplate overlaps a gold region.
        let regions: Vec<Span> = article.gold["boilerplate_regions"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|r| byte_span(&article.text, r))
            .collect();
        for b in &s.blocks {
            let in_region = regions.iter().any(|r| r.overlaps(&b.span));
            if (b.kind == BlockKind::Boilerplate) != in_region {
                failures.push(format!(
                    "{} block {:?} {:?} in gold region: {in_region}",
                    article.name,
                    b.kind,
                    b.span.slice(&article.text)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

fn article(prefix: &str) -> GoldArticle {
    gold_articles().into_iter().find(|a| a.name.starts_with(prefix)).unwrap()
}

#[test]
fn metadata_is_found_where_the_article_gives_it() {
    let a = article("001_");
    let s = structure_of(&a);
    assert_eq!(s.metadata.authors, ["Médard Clobechi"]);

    let a = article("003_");
    let s = structure_of(&a);
    assert_eq!(s.metadata.authors, ["SIKOU BAH"]);
    assert_eq!(s.metadata.source.as_deref(), Some("Info Matin"));
    let headline = s.metadata.headline.map(|h| h.slice(&a.text)).unwrap_or("");
    assert!(headline.starts_with("Renforcement de la coopération militaire"), "003 headline: {headline:?}");

    let a = article("002_");
    let s = structure_of(&a);
    let slice = |sp: Option<Span>| sp.map(|x| x.slice(&a.text).to_string());
    assert_eq!(
        slice(s.metadata.headline).as_deref(),
        Some("Lutte contre les terroristes : Deux ministres maliens en Russie")
    );
    assert_eq!(slice(s.metadata.dateline).as_deref(), Some("Jeudi 29 Février 2024"));
    assert!(s.metadata.authors.is_empty());

    // 000's scraped header is boilerplate, and still offered as the dateline.
    let a = article("000_");
    let s = structure_of(&a);
    let dateline = s.metadata.dateline.map(|x| x.slice(&a.text));
    assert_eq!(dateline, Some("date 2025-06"));
    assert!(s.is_boilerplate(s.metadata.dateline.unwrap()));

    // 004 gives no headline, author, source or dateline; none is invented.
    let a = article("004_");
    let s = structure_of(&a);
    assert_eq!(s.metadata, manchette::Metadata::default());
}

fn en_article() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/en_article.txt")).unwrap()
}

#[test]
fn english_page_structure() {
    let text = en_article();
    let s = analyze(&Document::new(&text, Lang::En));
    let kinds: Vec<(BlockKind, &str)> = s.blocks.iter().map(|b| (b.kind, b.span.slice(&text))).collect();
    if std::env::var_os("MANCHETTE_DUMP").is_some() {
        for (k, t) in &kinds {
            eprintln!("{k:?}\t{}", t.chars().take(70).collect::<String>());
        }
    }
    use BlockKind::*;
    let expect = |prefix: &str, kind: BlockKind| {
        let found: Vec<_> = kinds.iter().filter(|(_, t)| t.starts_with(prefix)).collect();
        assert!(!found.is_empty(), "no line {prefix:?}");
        for (k, t) in found {
            assert_eq!(*k, kind, "{t}");
        }
    };
    expect("Menu", Boilerplate);
    expect("Sign in", Boilerplate);
    expect("Harbour town votes", Headline);
    expect("By Helen Marsh", Byline);
    expect("Published March 3, 2024", Dateline);
    expect("Read more:", Boilerplate);
    for line in ["Share this", "Related", "Storm damage", "Fishing fleet", "Sign up for", "© 2024"] {
        expect(line, Boilerplate);
    }
    // Every paragraph is body.
    for (k, t) in &kinds {
        if t.ends_with('.') && t.split_whitespace().count() > 12 && !t.starts_with('©') {
            assert_eq!(*k, Body, "{t}");
        }
    }
    assert_eq!(s.metadata.authors, ["Helen Marsh", "Tom Okafor"]);
    assert_eq!(
        s.metadata.headline.map(|h| h.slice(&text)),
        Some("Harbour town votes to rebuild its flooded sea wall")
    );
    assert_eq!(s.metadata.dateline.map(|h| h.slice(&text)), Some("Published March 3, 2024 at 9:15 a.m."));
}
