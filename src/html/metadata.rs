//! What a page says about its article in markup meant for machines: JSON-LD (`NewsArticle`,
//! `Article`…), OpenGraph and other `<meta>` tags, `<time datetime>`, `<html lang>`, `<title>`.

use super::parse::{NodeKind, Tree};
use crate::calendar::CivilDate;
use serde_json::Value;

/// The page's own statements about the article; every field may be missing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageMetadata {
    /// The headline as the metadata gives it (JSON-LD `headline`, `og:title`, `<title>`).
    pub title: Option<String>,
    /// Every title the metadata gives, best first (`title` is the first), to confirm a heading.
    pub titles: Vec<String>,
    /// The authors' names (JSON-LD `author`, `<meta name="author">`).
    pub authors: Vec<String>,
    /// The outlet (JSON-LD `publisher.name`, `og:site_name`).
    pub publisher: Option<String>,
    /// The primary language subtag, lowercased ("fr", "en").
    pub lang: Option<String>,
    /// The publication date (JSON-LD `datePublished`, `article:published_time`, `<time>`, …).
    pub published: Option<CivilDate>,
    /// Where `published` was read, for the reader ("JSON-LD datePublished").
    pub published_from: Option<&'static str>,
}

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
];

/// `<meta>` keys (property, name or itemprop) giving the publication date, best first.
const DATE_KEYS: &[(&str, &str)] = &[
    ("article:published_time", "article:published_time"),
    ("article:published", "article:published"),
    ("og:article:published_time", "og:article:published_time"),
    ("datepublished", "meta datePublished"),
    ("og:published_time", "og:published_time"),
    ("date", "meta date"),
    ("pubdate", "meta pubdate"),
    ("publishdate", "meta publishdate"),
    ("publish-date", "meta publish-date"),
    ("dc.date.issued", "Dublin Core date"),
    ("dcterms.issued", "Dublin Core date"),
    ("dc.date", "Dublin Core date"),
    ("dcterms.created", "Dublin Core date"),
    ("dc.date.created", "Dublin Core date"),
    ("parsely-pub-date", "meta parsely-pub-date"),
    ("sailthru.date", "meta sailthru.date"),
    ("article.published", "meta article.published"),
    ("og:updated_time", "og:updated_time"),
];

/// A calendar day at the start of a machine date: `2019-05-07`, `2019-05-07T11:59:43Z`,
/// `2019/05/07`, `20190507`. The day as written: no time-zone conversion.
pub fn parse_date(s: &str) -> Option<CivilDate> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    let (y, m, d, len) = if b.len() >= 10 && matches!(b[4], b'-' | b'/' | b'.') && b[7] == b[4] {
        (num(0..4)?, num(5..7)?, num(8..10)?, 10)
    } else if b.len() >= 8 {
        (num(0..4)?, num(4..6)?, num(6..8)?, 8)
    } else {
        return None;
    };
    if b.get(len).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    CivilDate::new(y as i32, m as u8, d as u8)
}

/// The primary subtag of a language tag or locale ("fr-FR", "fr_CA" → "fr").
fn primary_lang(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 || primary.len() == 3)
        .then_some(primary)
        .filter(|p| p.bytes().all(|c| c.is_ascii_alphabetic()))
}

/// A person's name as metadata writes it, without "By" or "Par" and never a URL.
pub fn clean_author(s: &str) -> Option<String> {
    let mut s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // "By ", "par ", "PAR ": the byline word of each language, in any case.
    for prefix in ["by ", "par "] {
        if s.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix)) {
            s = s[prefix.len()..].to_string();
        }
    }
    let ok = !s.is_empty() && s.chars().count() <= 80 && !s.contains("://") && !s.starts_with('/');
    ok.then_some(s)
}

fn string_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => o.get("name").and_then(string_of),
        Value::Array(a) => a.iter().find_map(string_of),
        _ => None,
    }
}

fn has_type(o: &serde_json::Map<String, Value>, types: &[&str]) -> bool {
    match o.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

/// The first article object in a JSON-LD document (at any depth, `@graph` included); failing
/// that, the first object with a `datePublished`. Iterative, so any nesting is safe.
fn json_ld_article(doc: &Value) -> Option<&serde_json::Map<String, Value>> {
    let mut stack = vec![doc];
    let mut dated = None;
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(o) => {
                if has_type(o, ARTICLE_TYPES) {
                    return Some(o);
                }
                if dated.is_none() && o.contains_key("datePublished") {
                    dated = Some(o);
                }
                stack.extend(o.values().rev());
            }
            Value::Array(a) => stack.extend(a.iter().rev()),
            _ => {}
        }
    }
    dated
}

fn authors_of(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(string_of).filter_map(|s| clean_author(&s)).collect(),
        other => string_of(other).and_then(|s| clean_author(&s)).into_iter().collect(),
    }
}

/// Reads the page's metadata from its tree.
pub fn read(tree: &Tree) -> PageMetadata {
    let mut meta = PageMetadata::default();
    for raw in &tree.json_ld {
        // Some pages leave a trailing `;` or HTML comment markers around the JSON.
        let trimmed =
            raw.trim().trim_start_matches("<!--").trim_end_matches("-->").trim().trim_end_matches(';');
        let Ok(doc) = serde_json::from_str::<Value>(trimmed) else { continue };
        let Some(article) = json_ld_article(&doc) else { continue };
        meta.titles.extend(article.get("headline").and_then(string_of));
        if meta.published.is_none() {
            let date = article.get("datePublished").and_then(|v| v.as_str()).and_then(parse_date);
            if date.is_some() {
                meta.published = date;
                meta.published_from = Some("JSON-LD datePublished");
            }
        }
        if meta.authors.is_empty() {
            meta.authors = article.get("author").map(authors_of).unwrap_or_default();
        }
        if meta.publisher.is_none() {
            meta.publisher = article.get("publisher").and_then(string_of);
        }
        if meta.lang.is_none() {
            meta.lang = article.get("inLanguage").and_then(string_of).and_then(|l| primary_lang(&l));
        }
    }
    let mut metas: Vec<(String, &str)> = Vec::new();
    for node in &tree.nodes {
        match node.name() {
            "meta" => {
                // Some saved pages carry the value in `value` rather than `content`.
                let Some(content) = node.attr("content").or(node.attr("value")) else { continue };
                let keys =
                    ["property", "name", "itemprop", "http-equiv"].into_iter().filter_map(|a| node.attr(a));
                for key in keys.flat_map(str::split_whitespace) {
                    metas.push((key.to_ascii_lowercase(), content));
                }
            }
            "html" if meta.lang.is_none() => {
                meta.lang = node.attr("lang").or(node.attr("xml:lang")).and_then(primary_lang);
            }
            _ => {}
        }
    }
    let get = |key: &str| metas.iter().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| v.trim());
    if meta.published.is_none() {
        for (key, from) in DATE_KEYS {
            if let Some(date) = get(key).and_then(parse_date) {
                meta.published = Some(date);
                meta.published_from = Some(from);
                break;
            }
        }
    }
    if meta.published.is_none() {
        meta.published = published_time_element(tree);
        meta.published_from = meta.published.map(|_| "<time datetime>");
    }
    for key in ["og:title", "twitter:title", "headline"] {
        meta.titles.extend(get(key).map(str::to_string));
    }
    meta.titles.extend(tree.title.as_ref().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()));
    meta.title = meta.titles.first().cloned();
    if meta.authors.is_empty() {
        let author = ["author", "article:author", "og:article:author", "dc.creator", "sailthru.author"]
            .into_iter()
            .find_map(|key| get(key).and_then(clean_author));
        meta.authors = author.into_iter().collect();
    }
    if meta.publisher.is_none() {
        meta.publisher = get("og:site_name").or(get("application-name")).map(str::to_string);
    }
    if meta.lang.is_none() {
        meta.lang = get("og:locale").or(get("content-language")).or(get("language")).and_then(primary_lang);
    }
    meta
}

/// The date of a `<time datetime>` marked as the publication (`itemprop="datePublished"`,
/// `pubdate`, or a class naming publication).
fn published_time_element(tree: &Tree) -> Option<CivilDate> {
    tree.nodes.iter().find_map(|n| {
        if !matches!(n.kind, NodeKind::Element { .. }) || n.name() != "time" {
            return None;
        }
        let class = n.attr("class").unwrap_or("").to_ascii_lowercase();
        let marked = n.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
            || n.attr("pubdate").is_some()
            || class.contains("publi")
            || class.contains("pubdate");
        marked.then(|| n.attr("datetime").and_then(parse_date)).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;

    #[test]
    fn parses_machine_dates_as_written() {
        let day = |y, m, d| CivilDate::new(y, m, d);
        assert_eq!(parse_date("2019-05-07T11:59:43.000Z"), day(2019, 5, 7));
        assert_eq!(parse_date(" 2019/11/20 "), day(2019, 11, 20));
        assert_eq!(parse_date("20190507"), day(2019, 5, 7));
        assert_eq!(parse_date("2019-11-19 02:24:00"), day(2019, 11, 19));
        assert_eq!(parse_date("2019-02-30"), None);
        assert_eq!(parse_date("Tuesday"), None);
        assert_eq!(parse_date("201905071"), None);
        assert_eq!(parse_date("2019-0é-07"), None);
    }

    #[test]
    fn json_ld_first_then_meta_tags() {
        let html = r#"<html lang="fr-FR"><head>
            <meta property="og:title" content="Titre OG | Site">
            <meta property="article:published_time" content="2020-01-02T10:00:00+01:00">
            <meta property="og:site_name" content="Le Site">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
              {"@type":["NewsArticle"],"headline":"Le vrai titre","datePublished":"2020-01-03T08:00:00Z",
               "author":[{"@type":"Person","name":"Par Jeanne Dupont"},{"name":"Paul Martin"}],
               "publisher":{"@type":"Organization","name":"Le Quotidien"}}]}</script></head></html>"#;
        let meta = read(&parse(html));
        assert_eq!(meta.title.as_deref(), Some("Le vrai titre"));
        assert_eq!(meta.published, CivilDate::new(2020, 1, 3));
        assert_eq!(meta.published_from, Some("JSON-LD datePublished"));
        assert_eq!(meta.authors, vec!["Jeanne Dupont".to_string(), "Paul Martin".to_string()]);
        assert_eq!(meta.publisher.as_deref(), Some("Le Quotidien"));
        assert_eq!(meta.lang.as_deref(), Some("fr"));

        let meta = read(&parse(&html.replace("application/ld+json", "text/plain")));
        assert_eq!(meta.title.as_deref(), Some("Titre OG | Site"));
        assert_eq!(meta.published, CivilDate::new(2020, 1, 2));
        assert_eq!(meta.publisher.as_deref(), Some("Le Site"));
    }

    #[test]
    fn time_element_and_broken_json_ld() {
        let html = r#"<script type="application/ld+json">{"headline": </script>
            <time datetime="2018-03-04">hier</time><time class="date-publication" datetime="2017-12-31T23:00">x</time>"#;
        let meta = read(&parse(html));
        assert_eq!(meta.published, CivilDate::new(2017, 12, 31));
        assert_eq!(meta.published_from, Some("<time datetime>"));
    }
}
