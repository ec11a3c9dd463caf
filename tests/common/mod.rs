//! Shared helpers for the integration tests: loading ../shared/gold and scoring like
//! ../shared/eval/score.py (which stays the reference; these floors only guard regressions).
#![allow(dead_code)]

use manchette::report::Report;
use manchette::{analyze, CivilDate, OffsetUnit, Options};
use serde_json::Value;
use std::path::PathBuf;

pub struct GoldArticle {
    pub name: String,
    pub text: String,
    pub gold: Value,
}

impl GoldArticle {
    pub fn reference_date(&self) -> Option<CivilDate> {
        self.gold["reference_date"].as_str().and_then(CivilDate::parse_iso)
    }

    pub fn items(&self, kind: &str) -> Vec<Value> {
        self.gold[kind].as_array().cloned().unwrap_or_default()
    }
}

pub fn gold_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/gold")
}

/// The held-out articles written by the team (tests/heldout/README.md).
pub fn heldout_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/heldout")
}

/// Every sample article; panics if ../shared/gold is missing (CI always has it).
pub fn gold_articles() -> Vec<GoldArticle> {
    let articles = articles_in(&gold_dir());
    assert!(articles.len() >= 5, "expected the five sample articles in {}", gold_dir().display());
    articles
}

/// The 40 real French news articles of ../shared/news-dev, the development set.
pub fn news_dev_articles() -> Vec<GoldArticle> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/news-dev");
    let articles = articles_in(&dir);
    assert!(articles.len() >= 40, "expected the 40 news-dev articles in {}", dir.display());
    articles
}

/// Every held-out article of tests/heldout.
pub fn heldout_articles() -> Vec<GoldArticle> {
    let articles = articles_in(&heldout_dir());
    assert!(articles.len() >= 8, "expected the eight held-out articles in {}", heldout_dir().display());
    articles
}

/// The NAME.txt + NAME.json pairs of `dir`, sorted by name.
pub fn articles_in(dir: &std::path::Path) -> Vec<GoldArticle> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e} (../shared must sit beside the repo)", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.with_extension("json").exists())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|txt| {
            let text = std::fs::read_to_string(&txt).unwrap();
            let gold: Value =
                serde_json::from_str(&std::fs::read_to_string(txt.with_extension("json")).unwrap()).unwrap();
            GoldArticle { name: txt.file_stem().unwrap().to_string_lossy().into(), text, gold }
        })
        .collect()
}

/// The CLI's report for an article (code point offsets, `id` the file's stem).
pub fn report(article: &GoldArticle, with_reference_date: bool) -> Report {
    let options = Options {
        reference_date: if with_reference_date { article.reference_date() } else { None },
        lang: None,
    };
    let analysis = analyze(&article.text, &options);
    let mut report = Report::new(&article.text, &analysis, OffsetUnit::CodePoint);
    report.id = Some(article.name.clone());
    report
}

/// The CLI's JSON for an article, as a `serde_json::Value` (code point offsets).
pub fn predict(article: &GoldArticle, with_reference_date: bool) -> Value {
    serde_json::to_value(report(article, with_reference_date)).unwrap()
}

fn span(v: &Value) -> (usize, usize) {
    (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Greedy one-to-one matching count (good enough for floors; the scorer uses maximum matching).
fn matches(gold: &[Value], pred: &[Value], ok: impl Fn(&Value, &Value) -> bool) -> usize {
    let mut used = vec![false; pred.len()];
    let mut n = 0;
    for g in gold {
        if let Some(j) = (0..pred.len()).find(|&j| !used[j] && ok(g, &pred[j])) {
            used[j] = true;
            n += 1;
        }
    }
    n
}

#[derive(Default, Debug, Clone, Copy)]
pub struct Counts {
    pub gold: usize,
    pub pred: usize,
    pub tp: usize,
    /// Matches that also agree on value / speaker.
    pub agree: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.tp += o.tp;
        self.agree += o.agree;
    }

    pub fn f1(&self) -> f64 {
        if self.gold + self.pred == 0 {
            return 1.0;
        }
        2.0 * self.tp as f64 / (self.gold + self.pred) as f64
    }

    pub fn accuracy(&self) -> f64 {
        if self.gold == 0 {
            return 1.0;
        }
        self.agree as f64 / self.gold as f64
    }
}

const SCORED: [&str; 3] = ["PER", "ORG", "LOC"];

pub fn score_entities(gold: &[Value], pred: &[Value], strict: bool) -> Counts {
    let keep = |v: &&Value| SCORED.contains(&v["type"].as_str().unwrap_or(""));
    let gold: Vec<Value> = gold.iter().filter(keep).cloned().collect();
    let pred: Vec<Value> = pred.iter().filter(keep).cloned().collect();
    let tp = matches(&gold, &pred, |g, p| {
        g["type"] == p["type"] && if strict { span(g) == span(p) } else { overlap(span(g), span(p)) > 0 }
    });
    Counts { gold: gold.len(), pred: pred.len(), tp, agree: tp }
}

pub fn score_dates(gold: &[Value], pred: &[Value]) -> Counts {
    let tp = matches(gold, pred, |g, p| overlap(span(g), span(p)) > 0);
    let agree = matches(gold, pred, |g, p| overlap(span(g), span(p)) > 0 && g["value"] == p["value"]);
    Counts { gold: gold.len(), pred: pred.len(), tp, agree }
}

pub fn fold_name(s: &str) -> String {
    manchette::text::fold(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn score_quotes(gold: &[Value], pred: &[Value], gold_entities: &[Value]) -> Counts {
    let half = |g: &Value, p: &Value| {
        let (a, b) = (span(g), span(p));
        let shorter = (a.1 - a.0).min(b.1 - b.0).max(1);
        2 * overlap(a, b) >= shorter
    };
    let tp = matches(gold, pred, half);
    let agree = matches(gold, pred, |g, p| {
        if !half(g, p) {
            return false;
        }
        match (g["speaker"].as_str(), p["speaker"].as_str()) {
            (None, None) => true,
            (None, Some(s)) => s.is_empty(),
            (Some(_), None) => false,
            (Some(gs), Some(ps)) => {
                let ps = fold_name(ps);
                let mut names = vec![fold_name(gs)];
                names.extend(
                    gold_entities
                        .iter()
                        .filter(|e| e["canonical"].as_str() == Some(gs))
                        .filter_map(|e| e["text"].as_str().map(fold_name)),
                );
                let words = |s: &str| format!(" {s} ");
                !ps.is_empty()
                    && names
                        .iter()
                        .any(|n| n == &ps || words(n).contains(&words(&ps)) || words(&ps).contains(&words(n)))
            }
        }
    });
    Counts { gold: gold.len(), pred: pred.len(), tp, agree }
}
