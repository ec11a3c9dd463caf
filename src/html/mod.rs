//! Saved web pages read as articles. One implementation for the CLI and the page:
//!
//! - `parse`: a small tolerant HTML tokenizer and tree builder;
//! - `entities`: character references (`&eacute;`, `&#8217;`);
//! - `metadata`: JSON-LD, OpenGraph and `<meta>` tags, `<time datetime>`, `<html lang>`;
//! - `content`: the main content found by reader-mode scoring;
//! - `render`: the tree laid out as lines;
//! - `sniff`: files that are not text (PDF, images, archives) recognised by their first bytes;
//! - `charset`: pages saved in ISO-8859-1 or Windows-1252 decoded.
//!
//! [`extract`] gives the article as text: the headline once, the byline, the article's lines,
//! then every other line of the page marked boilerplate (shown dimmed, never mixed into the
//! article, nothing silently lost). Scripts, styles and hidden elements are dropped. Linear in the
//! input, never panics.

pub(crate) mod charset;
pub(crate) mod content;
pub(crate) mod entities;
pub(crate) mod metadata;
pub(crate) mod parse;
pub(crate) mod render;
/// Scoring of extracted pages against references (`html_eval`, tests/html_pages.rs).
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod score;
pub(crate) mod sniff;

use crate::analysis::{Block, BlockKind, Metadata};
use crate::structure::Structure;
use crate::text::Span;
pub use charset::decode_page;
use content::Content;
pub use metadata::PageMetadata;
use parse::{NodeId, Tree};
use render::{inner_text, Lines};

/// A page read as an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The article as text: headline, byline, article lines, then the page's other lines.
    pub text: String,
    /// One per line of `text`, in order: headline, byline, body or boilerplate.
    pub blocks: Vec<Block>,
    /// The headline's line in `text`, when the page has one.
    pub headline: Option<Span>,
    /// What the page's metadata says of the article.
    pub metadata: PageMetadata,
}

/// How many headings or byline candidates are looked at (bounds the work on odd pages).
const MAX_CANDIDATES: usize = 200;

/// Letters and digits, lowercased, single-spaced: headline texts compared loosely.
fn loose(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A metadata title without the site's name: "Le titre | Le Site" → "Le titre".
fn strip_site_name(title: &str, publisher: Option<&str>) -> String {
    let title = title.trim();
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let tail_is_site =
                publisher.is_some_and(|p| loose(p) == loose(tail)) || tail.split_whitespace().count() <= 3;
            if tail_is_site && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The headline: an `<h1>` that a metadata title confirms; else the page's visible `<h1>` (in
/// the article, or the last one before it); else the metadata title without the site's name.
/// Returns its text and the element it comes from.
fn headline(tree: &Tree, content: &Content, meta: &PageMetadata) -> Option<(String, Option<NodeId>)> {
    let h1s: Vec<(NodeId, String)> = (1..tree.nodes.len())
        .filter(|&id| tree.nodes[id].name() == "h1" && !content.dropped[id])
        .take(MAX_CANDIDATES)
        .map(|id| (id, inner_text(tree, id, &content.dropped)))
        .filter(|(_, t)| t.split_whitespace().count() >= 2)
        .collect();
    let titles: Vec<String> = meta.titles.iter().map(|t| loose(t)).collect();
    let confirmed = h1s.iter().find(|(_, t)| {
        let t = loose(t);
        t.len() >= 10 && titles.iter().any(|title| *title == t || title.contains(&t))
    });
    let article_start = content.in_article.iter().position(|&b| b).unwrap_or(tree.nodes.len());
    let visible = h1s
        .iter()
        .find(|(id, _)| content.in_article[*id])
        .or_else(|| h1s.iter().rfind(|(id, _)| *id < article_start));
    if let Some((id, t)) = confirmed.or(visible) {
        return Some((t.clone(), Some(*id)));
    }
    if let Some(title) = &meta.title {
        let stripped = strip_site_name(title, meta.publisher.as_deref());
        if !stripped.is_empty() {
            return Some((stripped, None));
        }
    }
    h1s.into_iter().next().map(|(id, t)| (t, Some(id)))
}

fn looks_like_byline(tree: &Tree, id: NodeId) -> bool {
    let n = &tree.nodes[id];
    if n.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || n.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("author"))
    {
        return true;
    }
    let names =
        format!("{} {}", n.attr("class").unwrap_or(""), n.attr("id").unwrap_or("")).to_ascii_lowercase();
    ["byline", "author", "auteur", "signature"].iter().any(|w| names.contains(w))
}

/// The byline: the first short element marked as one (class or id "byline", "author",
/// `rel=author`…), preferring one that names an author from the metadata.
fn byline(tree: &Tree, content: &Content, meta: &PageMetadata, headline: Option<NodeId>) -> Option<NodeId> {
    let candidates: Vec<(NodeId, String)> = (1..tree.nodes.len())
        .filter(|&id| tree.nodes[id].is_element() && !content.dropped[id])
        .filter(|&id| (3..=120).contains(&content.measures[id].chars) && Some(id) != headline)
        .filter(|&id| {
            looks_like_byline(tree, id) && content.measures[id].link_density() < 1.0 || {
                looks_like_byline(tree, id) && tree.nodes[id].name() == "a"
            }
        })
        .take(MAX_CANDIDATES)
        .map(|id| (id, inner_text(tree, id, &content.dropped)))
        .collect();
    let names_author = |t: &str| meta.authors.iter().any(|a| loose(t).contains(&loose(a)));
    candidates.iter().find(|(_, t)| names_author(t)).or(candidates.first()).map(|(id, _)| *id)
}

/// Reads `html` as an article. Never fails: a page without an article gives its text as body.
pub fn extract(html: &str) -> Page {
    let tree = parse::parse(html);
    let meta = metadata::read(&tree);
    let content = content::find(&tree);
    let found_article = content.in_article.iter().any(|&b| b);
    let head = headline(&tree, &content, &meta);
    // A heading is left out of the article only when it is a heading's size: an unclosed `<h1>`
    // can hold the page.
    let head_node = head.as_ref().and_then(|(_, id)| *id).filter(|&id| content.measures[id].chars < 400);
    let head_loose = head.as_ref().map(|(t, _)| loose(t)).unwrap_or_default();
    let byline_node = byline(&tree, &content, &meta, head_node);

    let mut lines = Lines::default();
    let headline_span = head.as_ref().and_then(|(t, _)| lines.push_line(t, BlockKind::Headline));
    if let Some(id) = byline_node {
        lines.push_line(&inner_text(&tree, id, &content.dropped), BlockKind::Byline);
    }
    // The headline once: its element, and headings repeating it, are not laid out again.
    let is_repeat = |id: NodeId| {
        let n = &tree.nodes[id];
        matches!(n.name(), "h1" | "h2" | "h3")
            && content.measures[id].chars < 400
            && !head_loose.is_empty()
            && loose(&inner_text(&tree, id, &content.dropped)) == head_loose
    };
    let skip_always =
        |id: NodeId| content.dropped[id] || Some(id) == head_node || Some(id) == byline_node || is_repeat(id);
    if found_article {
        let roots = (1..tree.nodes.len())
            .filter(|&id| content.in_article[id] && !content.in_article[tree.nodes[id].parent]);
        for root in roots {
            if skip_always(root) {
                continue;
            }
            let kind =
                |id: NodeId| if content.boilerplate[id] { BlockKind::Boilerplate } else { BlockKind::Body };
            lines.render(&tree, root, &skip_always, &kind);
        }
        let skip = |id: NodeId| skip_always(id) || content.in_article[id];
        lines.render(&tree, 0, &skip, &|_| BlockKind::Boilerplate);
    } else {
        lines.render(&tree, 0, &skip_always, &|_| BlockKind::Body);
    }
    Page { text: lines.text, blocks: lines.blocks, headline: headline_span, metadata: meta }
}

#[cfg(test)]
mod tests;

/// The structure of a page's text: the roles the page's markup gives (headline, byline, article,
/// boilerplate) over the lines the text rules found, which still mark "Lire aussi"-style lines and
/// datelines inside the article; the page's metadata first, the text's where it has none.
pub(crate) fn structure(page: &Page, found: Structure) -> Structure {
    let kind_in_page = |at: usize| {
        let i = page.blocks.partition_point(|b| b.span.end <= at);
        page.blocks.get(i).filter(|b| b.span.start <= at).map_or(BlockKind::Boilerplate, |b| b.kind)
    };
    let blocks = found
        .blocks
        .iter()
        .map(|b| {
            let kind = match (kind_in_page(b.span.start), b.kind) {
                (BlockKind::Body, text @ (BlockKind::Boilerplate | BlockKind::Dateline)) => text,
                (BlockKind::Body, _) => BlockKind::Body,
                (page_kind, _) => page_kind,
            };
            Block { span: b.span, kind }
        })
        .collect();
    let meta = &page.metadata;
    let metadata = Metadata {
        headline: page.headline,
        authors: if meta.authors.is_empty() { found.metadata.authors } else { meta.authors.clone() },
        source: meta.publisher.clone().or(found.metadata.source),
        dateline: found.metadata.dateline,
    };
    Structure { blocks, metadata }
}
