//! The five sample articles as one dossier: each article keeps its own dates (no value leaks
//! from one article's publication date into another's), and the people, organisations and
//! places shared by several articles are grouped as the gold's canonical names group them
//! (B-cubed over the mentions of all five, as ../shared/eval/score_clusters.py does per file).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use manchette::dossier::{Dossier, DossierReport};
use manchette::Options;
use manchette::{analyze_html, OffsetUnit, ReferenceDateSource};
use serde_json::Value;
use std::collections::HashMap;

fn dossier_of(articles: &[GoldArticle], with_reference_date: bool) -> Dossier {
    let mut dossier = Dossier::new();
    for article in articles {
        let reference_date = if with_reference_date { article.reference_date() } else { None };
        dossier.add(&article.name, &article.text, &Options { reference_date, lang: None });
    }
    dossier
}

#[test]
fn every_date_keeps_the_value_of_its_own_article() {
    let articles = gold_articles();
    for with_reference_date in [true, false] {
        let dossier = dossier_of(&articles, with_reference_date);
        let report = DossierReport::new(&dossier, &dossier.merge(), OffsetUnit::CodePoint);
        let json = serde_json::to_value(&report).unwrap();
        for (article, out) in articles.iter().zip(json["articles"].as_array().unwrap()) {
            assert_eq!(out["id"], Value::from(article.name.clone()));
            for gold in article.items("dates") {
                let found = out["dates"].as_array().unwrap().iter().find(|d| d["start"] == gold["start"]);
                assert_eq!(
                    found.map(|d| &d["value"]),
                    Some(&gold["value"]),
                    "{} (reference date given: {with_reference_date}): date {}",
                    article.name,
                    gold["text"]
                );
            }
        }
        // The timeline holds every resolved date of every article, each once.
        let resolved: usize = dossier
            .articles()
            .iter()
            .map(|a| a.analysis.dates.iter().filter(|d| d.value.is_some()).count())
            .sum();
        assert_eq!(report.timeline.len(), resolved);
        assert!(report.timeline.windows(2).all(|w| w[0].value <= w[1].value), "timeline not sorted");
        // The articles were published from 2022 to 2025: their own dates are on the timeline.
        let years: Vec<&str> = report.timeline.iter().map(|t| &t.value[..4]).collect();
        assert!(["2022", "2024", "2025"].iter().all(|y| years.contains(y)), "{years:?}");
    }
}

/// B-cubed precision and recall over mentions paired one-to-one by overlap, across articles.
fn b_cubed(pairs: &[(String, usize)]) -> (f64, f64) {
    let mut gold_size: HashMap<&str, f64> = HashMap::new();
    let mut pred_size: HashMap<usize, f64> = HashMap::new();
    let mut both: HashMap<(&str, usize), f64> = HashMap::new();
    for (g, p) in pairs {
        *gold_size.entry(g).or_default() += 1.0;
        *pred_size.entry(*p).or_default() += 1.0;
        *both.entry((g, *p)).or_default() += 1.0;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (g, p) in pairs {
        let shared = both[&(g.as_str(), *p)];
        precision += shared / pred_size[p];
        recall += shared / gold_size[g.as_str()];
    }
    let n = pairs.len() as f64;
    (precision / n, recall / n)
}

#[test]
fn referents_group_mentions_across_articles_as_the_gold_does() {
    let articles = gold_articles();
    let dossier = dossier_of(&articles, true);
    let merged = dossier.merge();
    let mut pairs: Vec<(String, usize)> = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        let analysed = &dossier.articles()[a];
        let chars: Vec<(usize, char)> = article.text.char_indices().collect();
        let byte = |cp: u64| chars.get(cp as usize).map_or(article.text.len(), |&(b, _)| b);
        let gold: Vec<(usize, usize, String)> = article
            .items("entities")
            .iter()
            .filter(|e| matches!(e["type"].as_str(), Some("PER" | "ORG" | "LOC")))
            .map(|e| {
                let (s, t) = (byte(e["start"].as_u64().unwrap()), byte(e["end"].as_u64().unwrap()));
                (s, t, fold_name(e["canonical"].as_str().unwrap()))
            })
            .collect();
        // Pair by largest overlap first, one to one.
        let mut candidates = Vec::new();
        for (g, (gs, ge, _)) in gold.iter().enumerate() {
            for (m, mention) in analysed.analysis.mentions.iter().enumerate() {
                let overlap = (*ge).min(mention.span.end) as i64 - (*gs).max(mention.span.start) as i64;
                if overlap > 0 {
                    candidates.push((-overlap, g, m));
                }
            }
        }
        candidates.sort();
        let (mut used_gold, mut used_pred) =
            (vec![false; gold.len()], vec![false; analysed.analysis.mentions.len()]);
        for (_, g, m) in candidates {
            if !used_gold[g] && !used_pred[m] {
                used_gold[g] = true;
                used_pred[m] = true;
                let entity = analysed.analysis.mentions[m].entity;
                pairs.push((gold[g].2.clone(), merged.referent_of[a][entity]));
            }
        }
    }
    let (p, r) = b_cubed(&pairs);
    let f1 = 2.0 * p * r / (p + r);
    eprintln!("cross-article B-cubed over {} paired mentions: P {p:.3} R {r:.3} F1 {f1:.3}", pairs.len());
    assert!(f1 >= 0.95, "cross-article B-cubed F1 {f1:.3} < 0.95 (P {p:.3}, R {r:.3})");
    // The person the five articles are about is one referent, counted in each article.
    let goita =
        merged.referents.iter().find(|r| fold_name(&r.canonical) == "assimi goita").expect("Assimi Goïta");
    assert!(goita.articles.len() >= 4, "{goita:?}");
}

#[test]
fn the_cli_writes_the_merged_json_and_four_csv_files() {
    let articles = gold_articles();
    let dir = std::env::temp_dir().join(format!("manchette-dossier-{}", std::process::id()));
    let csv = dir.join("csv");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("dossier.json");
    let files: Vec<String> =
        articles.iter().map(|a| gold_dir().join(format!("{}.txt", a.name)).display().to_string()).collect();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_manchette"))
        .arg("dossier")
        .arg("--out")
        .arg(&out)
        .arg("--csv")
        .arg(&csv)
        .args(&files)
        .status()
        .unwrap();
    assert!(status.success());
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let texts: HashMap<String, Vec<char>> =
        articles.iter().map(|a| (a.name.clone(), a.text.chars().collect())).collect();
    let out_articles = json["articles"].as_array().unwrap();
    assert_eq!(out_articles.len(), articles.len());
    for (a, file) in out_articles.iter().zip(&files) {
        assert_eq!(a["file"].as_str(), Some(file.as_str()));
        assert!(a["entities"].is_array() && a["reference_date"].is_string(), "{}", a["id"]);
    }
    // Mentions and timeline items are code point offsets into their own article.
    for r in json["referents"].as_array().unwrap() {
        for m in r["mentions"].as_array().unwrap() {
            let chars = &texts[m["article"].as_str().unwrap()];
            let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[s..e].iter().collect::<String>(), m["text"].as_str().unwrap());
        }
    }
    for t in json["timeline"].as_array().unwrap() {
        let chars = &texts[t["article"].as_str().unwrap()];
        let (s, e) = (t["start"].as_u64().unwrap() as usize, t["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[s..e].iter().collect::<String>(), t["text"].as_str().unwrap());
        assert!(t["sentence"].as_str().unwrap().contains(t["text"].as_str().unwrap()));
    }
    for (name, first_column) in [
        ("articles.csv", "article"),
        ("people.csv", "referent"),
        ("quotes.csv", "article"),
        ("timeline.csv", "date"),
    ] {
        let content = std::fs::read_to_string(csv.join(name)).unwrap();
        assert!(content.starts_with(&format!("\u{feff}{first_column},")), "{name}");
        assert!(content.lines().next().unwrap().contains("article"), "{name} has an article column");
        assert!(content.lines().count() > articles.len(), "{name} has rows");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A real saved page (Le Monde, tests/pages/README.md) and its metadata's publication date.
const PAGE: &str = "tests/pages/fr-lemonde.html";
const PAGE_DATE: &str = "2019-05-07";

fn saved_page() -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PAGE)).unwrap()
}

/// Folded names of the page's entities that the page alone names only in its boilerplate lines.
fn boilerplate_only_names(html: &str) -> Vec<String> {
    let (_, analysis) = analyze_html(html, &Options::default()).unwrap();
    let mut names: Vec<String> = analysis
        .entities
        .iter()
        .filter(|e| e.mentions.iter().all(|&m| analysis.mentions[m].boilerplate))
        .map(|e| fold_name(&e.canonical))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The page's side of the merged index: each referent the page names, and whether it is named
/// there in boilerplate only.
fn page_referents(report: &DossierReport, page_id: &str) -> Vec<(String, bool)> {
    let json = serde_json::to_value(report).unwrap();
    json["referents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| {
            let count = r["articles"].as_array().unwrap().iter().find(|a| a["article"] == page_id)?;
            Some((fold_name(r["canonical"].as_str().unwrap()), count["boilerplate"] == Value::Bool(true)))
        })
        .collect()
}

#[test]
fn a_saved_pages_boilerplate_names_stay_out_of_the_dossier_index() {
    let html = saved_page();
    let menu_names = boilerplate_only_names(&html);
    assert!(menu_names.len() >= 3, "the page names few people in its menus and teasers: {menu_names:?}");
    let mut dossier = Dossier::new();
    for article in gold_articles().iter().take(2) {
        dossier.add(&article.name, &article.text, &Options::default());
    }
    let id = dossier.add_html("lemonde", &html, &Options::default()).unwrap();
    let report = DossierReport::new(&dossier, &dossier.merge(), OffsetUnit::CodePoint);
    let in_page = page_referents(&report, &id);
    // Every name the page gives only in its boilerplate is flagged so in the merge, and none of
    // the article's own names is.
    for name in &menu_names {
        assert!(
            in_page.iter().any(|(n, flagged)| n == name && *flagged),
            "{name} is named only in the page's boilerplate but counted in the dossier: {in_page:?}"
        );
    }
    assert!(in_page.iter().any(|(_, flagged)| !flagged), "the article's own names: {in_page:?}");
    // A referent named nowhere else is boilerplate as a whole, and ranked after the article's.
    let first_boilerplate = report.referents.iter().position(|r| r.boilerplate).unwrap();
    assert!(report.referents[first_boilerplate..].iter().all(|r| r.boilerplate));
    for speaker in &report.speakers {
        assert_eq!(speaker.boilerplate, speaker.quotes.iter().all(|q| q.boilerplate), "{}", speaker.speaker);
    }

    // The page's metadata gives the reference date; the page's text is in its result.
    let article = report.articles.iter().find(|a| a.id == id).unwrap();
    assert_eq!(article.report.reference_date.as_deref(), Some(PAGE_DATE));
    assert_eq!(article.report.reference_date_source, ReferenceDateSource::Metadata);
    assert_eq!(article.report.text.as_deref(), Some(dossier.articles()[2].text.as_str()));

    // Analysed again with a corrected date, then without: still a page, back to its own date.
    let corrected = manchette::CivilDate::parse_iso("2019-05-08");
    assert!(dossier.reanalyze(&id, &Options { reference_date: corrected, lang: None }));
    assert_eq!(dossier.articles()[2].analysis.reference_date.date, corrected);
    assert!(dossier.reanalyze(&id, &Options::default()));
    let again = DossierReport::new(&dossier, &dossier.merge(), OffsetUnit::CodePoint);
    assert_eq!(again, report);

    // The same page added as plain text (what the page did before) loses its blocks: its menu
    // names count as the article's.
    let mut plain = Dossier::new();
    let (page, _) = analyze_html(&html, &Options::default()).unwrap();
    let plain_id = plain.add("lemonde", &page.text, &Options::default());
    let plain_report = DossierReport::new(&plain, &plain.merge(), OffsetUnit::CodePoint);
    let unflagged = page_referents(&plain_report, &plain_id)
        .into_iter()
        .filter(|(n, flagged)| menu_names.contains(n) && !flagged)
        .count();
    assert!(unflagged > 0, "as plain text, no menu name was counted: the test shows nothing");
}

#[test]
fn the_cli_reads_a_saved_page_as_the_dossier_api_does() {
    let html = saved_page();
    let dir = std::env::temp_dir().join(format!("manchette-dossier-page-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("dossier.json");
    let page_file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PAGE);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_manchette"))
        .arg("dossier")
        .arg("--out")
        .arg(&out)
        .arg("--csv")
        .arg(dir.join("csv"))
        .arg(&page_file)
        .status()
        .unwrap();
    assert!(status.success());
    let cli: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let mut dossier = Dossier::new();
    dossier.add_html("fr-lemonde", &html, &Options::default()).unwrap();
    if let Some(article) = dossier.article_mut("fr-lemonde") {
        article.file = Some(page_file.display().to_string());
    }
    // Compared as JSON text read back, as the CLI's is (f32 confidences print short).
    let report = DossierReport::new(&dossier, &dossier.merge(), OffsetUnit::CodePoint);
    let api: Value = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    assert_eq!(cli, api);
    let people = std::fs::read_to_string(dir.join("csv").join("people.csv")).unwrap();
    assert!(people.lines().next().unwrap().ends_with(",boilerplate"));
    assert!(people.lines().any(|l| l.ends_with(",true")), "no boilerplate row in people.csv");
    std::fs::remove_dir_all(&dir).ok();
}
