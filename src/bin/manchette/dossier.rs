//! `manchette dossier`: many articles on one story analysed on every core, each with its own
//! publication date, merged into one JSON (articles, referents, speakers, timeline; code point
//! offsets) and, with `--csv DIR`, four spreadsheets that share an article id column. A saved web
//! page (.html) is read as the page's `Dossier.addHtml` reads it: its menus' and teasers' names,
//! quotes and dates are marked `boilerplate` (a column of the spreadsheets).

use manchette::dossier::{Article, Dossier, DossierReport};
use manchette::OffsetUnit;
use manchette::Options;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// What `manchette dossier` was asked for.
pub struct DossierArgs {
    pub options: Options,
    pub files: Vec<String>,
    pub out: Option<PathBuf>,
    pub csv_dir: Option<PathBuf>,
}

/// Reads and analyses the files in parallel, merges them, writes the outputs.
/// `analyze_file` gives a file's article (a web page read as one, keeping its blocks).
pub fn run(
    args: &DossierArgs,
    analyze_file: impl Fn(&str) -> Result<Article, String> + Sync,
) -> Result<(), String> {
    let analysed: Vec<Result<Article, String>> = args
        .files
        .par_iter()
        .map(|name| {
            let mut article = analyze_file(name)?;
            article.file = Some(name.clone());
            Ok(article)
        })
        .collect();
    let mut dossier = Dossier::new();
    for article in analysed {
        dossier.push(article?);
    }
    let merged = dossier.merge();
    let report = DossierReport::new(&dossier, &merged, OffsetUnit::CodePoint);
    let json = serde_json::to_string(&report).map_err(|e| e.to_string())?;
    match &args.out {
        Some(path) => std::fs::write(path, json + "\n").map_err(|e| format!("{}: {e}", path.display()))?,
        None => println!("{json}"),
    }
    if let Some(dir) = &args.csv_dir {
        write_csv(dir, &report)?;
    }
    Ok(())
}

/// One CSV cell: quoted when it must be, and a leading `=`, `+`, `-` or `@` defused so that a
/// spreadsheet shows text, not a formula.
fn cell(value: &str) -> String {
    let defused =
        if value.starts_with(['=', '+', '-', '@']) { format!("'{value}") } else { value.to_string() };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// A CSV file: UTF-8 with a byte order mark (so spreadsheet programs read accents), CRLF lines.
fn csv(header: &str, rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(header);
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|v| cell(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

fn write_csv(dir: &Path, report: &DossierReport) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let headline =
        |id: &str| report.articles.iter().find(|a| a.id == id).and_then(|a| a.report.headline.clone());
    let files = [
        (
            "articles.csv",
            csv(
                "article,file,headline,lang,reference_date,reference_date_source,entities,quotes,dates",
                report.articles.iter().map(|a| {
                    let r = &a.report;
                    vec![
                        a.id.clone(),
                        a.file.clone().unwrap_or_default(),
                        r.headline.clone().unwrap_or_default(),
                        r.lang.code().to_string(),
                        r.reference_date.clone().unwrap_or_default(),
                        serde_json::to_value(r.reference_date_source)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        r.entities.len().to_string(),
                        r.quotes.len().to_string(),
                        r.dates.len().to_string(),
                    ]
                }),
            ),
        ),
        (
            "people.csv",
            csv(
                "referent,canonical,type,roles,aliases,article,mentions,boilerplate",
                report.referents.iter().enumerate().flat_map(|(i, r)| {
                    r.articles.iter().map(move |a| {
                        vec![
                            i.to_string(),
                            r.canonical.clone(),
                            r.kind.as_str().to_string(),
                            r.roles.join("; "),
                            r.aliases.join("; "),
                            a.article.clone(),
                            a.mentions.to_string(),
                            a.boilerplate.to_string(),
                        ]
                    })
                }),
            ),
        ),
        (
            "quotes.csv",
            csv(
                "article,speaker,referent,start,end,quote,boilerplate",
                report.speakers.iter().flat_map(|s| {
                    s.quotes.iter().map(move |q| {
                        vec![
                            q.article.clone(),
                            s.speaker.clone(),
                            s.referent.map(|r| r.to_string()).unwrap_or_default(),
                            q.start.to_string(),
                            q.end.to_string(),
                            q.text.clone(),
                            q.boilerplate.to_string(),
                        ]
                    })
                }),
            ),
        ),
        (
            "timeline.csv",
            csv(
                "date,precision,article,headline,text,sentence,start,end,boilerplate",
                report.timeline.iter().map(|t| {
                    vec![
                        t.value.clone(),
                        t.precision.as_str().to_string(),
                        t.article.clone(),
                        headline(&t.article).unwrap_or_default(),
                        t.text.clone(),
                        t.sentence.clone().unwrap_or_default(),
                        t.start.to_string(),
                        t.end.to_string(),
                        t.boilerplate.to_string(),
                    ]
                }),
            ),
        ),
    ];
    for (name, content) in files {
        let path = dir.join(name);
        std::fs::write(&path, content).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("Goïta"), "Goïta");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("il a dit « \"non\" »"), "\"il a dit « \"\"non\"\" »\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-3"), "'-3");
        assert_eq!(cell("ligne\nsuivante"), "\"ligne\nsuivante\"");
    }

    #[test]
    fn files_start_with_a_byte_order_mark_and_end_lines_with_crlf() {
        let out = csv("a,b", std::iter::once(vec!["é".to_string(), "x,y".to_string()]));
        assert_eq!(out, "\u{feff}a,b\r\né,\"x,y\"\r\n");
    }
}
