//! Finds the article's main content the way reader modes do: paragraphs of running text give
//! points to their ancestors (more for longer text and more commas), class and id names
//! ("article", "content" versus "comment", "share", "sidebar") and link density adjust them, and
//! the best-scoring element, with its siblings that score nearly as well, is the article.
//! Linear: one pass over the nodes in each direction.

use super::parse::{NodeId, NodeKind, Tree};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Elements never shown: their text is not content nor boilerplate.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "head",
    "title",
    "meta",
    "link",
    "select",
    "option",
    "textarea",
    "input",
    "button",
    "video",
    "audio",
    "map",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
];
/// Elements that lay text out inline; every other element starts a line.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "img", "kbd", "label",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var", "del",
    "ins", "wbr", "nobr", "strike", "big", "br",
];
const CLASS_WORDS: &str = include_str!("../../data/html/class_words.txt");

/// The words of one kind in `data/html/class_words.txt`.
struct ClassWords {
    positive: HashSet<&'static str>,
    negative: HashSet<&'static str>,
    unlikely: HashSet<&'static str>,
    article: HashSet<&'static str>,
}

fn class_words() -> &'static ClassWords {
    static WORDS: OnceLock<ClassWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = ClassWords {
            positive: HashSet::new(),
            negative: HashSet::new(),
            unlikely: HashSet::new(),
            article: HashSet::new(),
        };
        for line in CLASS_WORDS.lines().filter(|l| !l.starts_with('#')) {
            let Some((kind, list)) = line.split_once(':') else { continue };
            let set = match kind.trim() {
                "positive" => &mut words.positive,
                "negative" => &mut words.negative,
                "unlikely" => &mut words.unlikely,
                "article" => &mut words.article,
                _ => continue,
            };
            set.extend(list.split_whitespace());
        }
        words
    })
}

/// Per-element measures, summed over the element's shown text.
#[derive(Clone, Copy, Default)]
pub struct Measure {
    /// Non-space characters.
    pub chars: u32,
    /// Non-space characters inside links.
    pub link_chars: u32,
    pub commas: u32,
}

impl Measure {
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

pub struct Content {
    /// The page's nodes that are never shown (scripts, styles, hidden elements and inside them).
    pub dropped: Vec<bool>,
    pub measures: Vec<Measure>,
    /// Inside the article (its roots and their descendants).
    pub in_article: Vec<bool>,
    /// Elements inside the article that are not running text (share bars, "Lire aussi", captions).
    pub boilerplate: Vec<bool>,
}

pub fn is_inline(name: &str) -> bool {
    INLINE.contains(&name)
}

/// Splits a class or id into lowercase words ("article__content", "share-bar", "relatedPosts").
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).flat_map(|w| {
        // camelCase boundaries: "relatedPosts" → "related", "posts".
        let mut parts = Vec::new();
        let mut start = 0;
        let b = w.as_bytes();
        for i in 1..b.len() {
            if b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase() {
                parts.push(w[start..i].to_ascii_lowercase());
                start = i;
            }
        }
        parts.push(w[start..].to_ascii_lowercase());
        parts
    })
}

/// Whether the words of a class and id include one of `wanted` and none of `unless`.
fn names_one_of(class: &str, id: &str, wanted: &HashSet<&str>, unless: &HashSet<&str>) -> bool {
    let mut found = false;
    for w in words(class).chain(words(id)) {
        if unless.contains(w.as_str()) {
            return false;
        }
        found |= wanted.contains(w.as_str());
    }
    found
}

/// Whether an element's class or id names something that is certainly not the article.
fn is_unlikely(class: &str, id: &str) -> bool {
    names_one_of(class, id, &class_words().unlikely, &class_words().positive)
}

/// Whether an element's class or id names the article's own container ("entry-content"), and
/// nothing unlikely: it counts even inside an unlikely element.
fn is_article_container(class: &str, id: &str) -> bool {
    names_one_of(class, id, &class_words().article, &class_words().unlikely)
}

/// +25 for an article-like class or id, -25 for a surrounding one, 0 for both or neither.
pub fn class_weight(class: &str, id: &str) -> i32 {
    let mut positive = false;
    let mut negative = false;
    for w in words(class).chain(words(id)) {
        positive |= class_words().positive.contains(w.as_str());
        negative |= class_words().negative.contains(w.as_str());
    }
    match (positive, negative) {
        (true, false) => 25,
        (false, true) => -25,
        _ => 0,
    }
}

fn is_hidden(tree: &Tree, id: NodeId) -> bool {
    let n = &tree.nodes[id];
    if n.attr("hidden").is_some()
        || n.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true") && n.name() != "a")
    {
        return true;
    }
    let style: String = n.attr("style").unwrap_or("").chars().filter(|c| !c.is_whitespace()).collect();
    let style = style.to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// The score a paragraph of running text gives its ancestors.
fn paragraph_points(m: &Measure) -> f32 {
    1.0 + m.commas as f32 + (m.chars as f32 / 100.0).min(3.0)
}

fn tag_points(name: &str) -> f32 {
    match name {
        "article" | "main" => 10.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" | "nav" | "aside" | "footer" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" | "header" => -5.0,
        _ => 0.0,
    }
}

/// Scores the page and marks its article.
pub fn find(tree: &Tree) -> Content {
    let n = tree.nodes.len();
    let mut dropped = vec![false; n];
    let mut class_weights = vec![0i32; n];
    let mut unlikely = vec![false; n];
    for id in 1..n {
        let node = &tree.nodes[id];
        let parent = node.parent;
        dropped[id] = dropped[parent];
        unlikely[id] = unlikely[parent];
        if let NodeKind::Element { name, .. } = &node.kind {
            dropped[id] |= DROPPED.contains(&&**name) || is_hidden(tree, id);
            let (class, ident) = (node.attr("class").unwrap_or(""), node.attr("id").unwrap_or(""));
            class_weights[id] = class_weight(class, ident);
            let structural = matches!(&**name, "html" | "body" | "article" | "main");
            if structural || is_article_container(class, ident) {
                unlikely[id] = false;
            } else {
                unlikely[id] |= is_unlikely(class, ident);
            }
        }
    }
    // Children come after their parent: a reverse pass sums measures bottom-up.
    let mut measures = vec![Measure::default(); n];
    let mut has_block_child = vec![false; n];
    for id in (1..n).rev() {
        if dropped[id] {
            continue;
        }
        let node = &tree.nodes[id];
        match &node.kind {
            NodeKind::Text(t) => {
                let m = &mut measures[id];
                for c in t.chars() {
                    if !c.is_whitespace() {
                        m.chars += 1;
                    }
                    if matches!(c, ',' | '，' | '、') {
                        m.commas += 1;
                    }
                }
            }
            NodeKind::Element { name, .. } => {
                if &**name == "a" {
                    measures[id].link_chars = measures[id].chars;
                }
                if !is_inline(name) {
                    has_block_child[node.parent] = true;
                }
            }
            NodeKind::Document => {}
        }
        let m = measures[id];
        let p = &mut measures[node.parent];
        p.chars += m.chars;
        p.link_chars += m.link_chars;
        p.commas += m.commas;
    }
    // Paragraphs: the lowest blocks holding at least 25 characters of text.
    let mut scores = vec![0f32; n];
    let mut scored = vec![false; n];
    for id in 1..n {
        let node = &tree.nodes[id];
        let m = measures[id];
        if dropped[id]
            || unlikely[id]
            || !node.is_element()
            || is_inline(node.name())
            || has_block_child[id]
            || m.chars < 25
        {
            continue;
        }
        if matches!(node.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dt" | "figcaption") {
            continue;
        }
        let points = paragraph_points(&m) * (1.0 - m.link_density());
        let mut at = node.parent;
        for level in 0..5 {
            if at == 0 {
                break;
            }
            if !scored[at] {
                scored[at] = true;
                scores[at] = tag_points(tree.nodes[at].name()) + class_weights[at] as f32;
            }
            scores[at] += match level {
                0 => points,
                1 => points / 2.0,
                _ => points / (level as f32 * 3.0),
            };
            at = tree.nodes[at].parent;
        }
    }
    let final_score = |id: NodeId| scores[id] * (1.0 - measures[id].link_density());
    let top = (1..n).filter(|&id| scored[id]).max_by(|&a, &b| final_score(a).total_cmp(&final_score(b)));
    let mut in_article = vec![false; n];
    let mut roots = Vec::new();
    if let Some(top) = top {
        let top_score = final_score(top);
        let threshold = (top_score * 0.2).max(10.0);
        let parent = tree.nodes[top].parent;
        for &sib in &tree.nodes[parent].children {
            if dropped[sib] {
                continue;
            }
            let m = measures[sib];
            let keep = sib == top
                || (scored[sib] && final_score(sib) >= threshold && class_weights[sib] >= 0)
                || (tree.nodes[sib].name() == "p" && m.chars > 80 && m.link_density() < 0.25);
            if keep {
                roots.push(sib);
            }
        }
    }
    let mut boilerplate = vec![false; n];
    // The text of the article root each node is in: an element holding most of it is not furniture.
    let mut root_chars = vec![0u32; n];
    for &r in &roots {
        in_article[r] = true;
        root_chars[r] = measures[r].chars;
    }
    for id in 1..n {
        let parent = tree.nodes[id].parent;
        if in_article[parent] {
            in_article[id] = true;
            root_chars[id] = root_chars[parent];
            let node = &tree.nodes[id];
            let container = node.is_element()
                && is_article_container(node.attr("class").unwrap_or(""), node.attr("id").unwrap_or(""));
            let furniture = !dropped[id]
                && 2 * measures[id].chars < root_chars[id]
                && is_boilerplate_inside(tree, id, &measures, &class_weights);
            boilerplate[id] = (boilerplate[parent] && !container) || furniture;
        }
    }
    Content { dropped, measures, in_article, boilerplate }
}

/// Whether an element inside the article is furniture rather than running text.
fn is_boilerplate_inside(tree: &Tree, id: NodeId, measures: &[Measure], class_weights: &[i32]) -> bool {
    let node = &tree.nodes[id];
    if !node.is_element() {
        return false;
    }
    let name = node.name();
    if matches!(name, "figcaption" | "nav" | "aside" | "form" | "footer") {
        return true;
    }
    let m = measures[id];
    let (class, ident) = (node.attr("class").unwrap_or(""), node.attr("id").unwrap_or(""));
    let unlikely = is_unlikely(class, ident);
    if !is_inline(name) && (unlikely || (class_weights[id] < 0 && m.chars < 1000 && m.link_density() > 0.3)) {
        return true;
    }
    // Lists and blocks made of links: related stories, tags, share bars.
    !is_inline(name) && m.chars > 0 && m.link_density() > 0.6 && m.chars < 400
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_weigh_for_and_against() {
        assert_eq!(class_weight("article__content", ""), 25);
        assert_eq!(class_weight("entry-content", "post-12"), 25);
        assert_eq!(class_weight("share-bar", ""), -25);
        assert_eq!(class_weight("", "relatedPosts"), -25);
        assert_eq!(class_weight("article-comments", ""), 0);
        assert_eq!(class_weight("comments", ""), -25);
        assert_eq!(class_weight("headerless", "x1"), 0);
        assert_eq!(class_weight("", ""), 0);
        assert!(is_unlikely("comments-list", ""));
        assert!(!is_unlikely("main-content has-sidebar", ""));
        assert!(!is_unlikely("story", "x"));
        assert!(is_article_container("inner-post-entry entry-content", ""));
        assert!(!is_article_container("comment-content", ""));
    }
}
