//! A small tolerant HTML parser: a tokenizer and a tree builder that follow browsers where it
//! matters for reading (raw-text elements, implied end tags of `p`, `li`, table cells, stray end
//! tags ignored) and give up the rest of the HTML standard. Any input gives a tree; time is linear
//! (the open-element stack is capped at [`MAX_DEPTH`], so each end tag looks at a bounded stack).

use super::entities::decode;

/// Deeper elements are attached to the element at this depth, as if it had no nesting.
pub const MAX_DEPTH: usize = 256;

pub type NodeId = usize;

/// An element's attributes: lowercased names, decoded values, the first of each name.
pub type Attributes = Vec<(Box<str>, Box<str>)>;

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Document,
    /// Lowercased name; attribute names lowercased, values decoded.
    Element {
        name: Box<str>,
        attrs: Attributes,
    },
    /// Decoded text, whitespace as in the source.
    Text(Box<str>),
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    pub parent: NodeId,
    pub children: Vec<NodeId>,
}

impl Node {
    pub fn name(&self) -> &str {
        match &self.kind {
            NodeKind::Element { name, .. } => name,
            _ => "",
        }
    }

    pub fn attr(&self, key: &str) -> Option<&str> {
        match &self.kind {
            NodeKind::Element { attrs, .. } => attrs.iter().find(|(k, _)| &**k == key).map(|(_, v)| &**v),
            _ => None,
        }
    }

    pub fn is_element(&self) -> bool {
        matches!(self.kind, NodeKind::Element { .. })
    }
}

/// The parsed page. Nodes are in document order (a parent before its children), node 0 the root.
#[derive(Debug, Clone)]
pub struct Tree {
    pub nodes: Vec<Node>,
    /// The text of each `<script type="application/ld+json">`, in order.
    pub json_ld: Vec<String>,
    /// The first `<title>`'s text.
    pub title: Option<String>,
}

/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Start tags that close an open `p`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

struct Builder {
    tree: Tree,
    stack: Vec<NodeId>,
}

impl Builder {
    fn current(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn append(&mut self, kind: NodeKind) -> NodeId {
        let id = self.tree.nodes.len();
        let parent = self.current();
        self.tree.nodes.push(Node { kind, parent, children: Vec::new() });
        self.tree.nodes[parent].children.push(id);
        id
    }

    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        // Adjacent text (split by a dropped comment) joins one node.
        let current = self.current();
        if let Some(&last) = self.tree.nodes[current].children.last() {
            if let NodeKind::Text(t) = &mut self.tree.nodes[last].kind {
                let mut joined = String::with_capacity(t.len() + raw.len());
                joined.push_str(t);
                joined.push_str(&decode(raw));
                *t = joined.into();
                return;
            }
        }
        self.append(NodeKind::Text(decode(raw).into()));
    }

    /// Index in the stack of the nearest open `name`, not looking past any of `boundaries`.
    fn open_in_scope(&self, name: &str, boundaries: &[&str]) -> Option<usize> {
        for (i, &id) in self.stack.iter().enumerate().rev() {
            let n = self.tree.nodes[id].name();
            if n == name {
                return Some(i);
            }
            if boundaries.contains(&n) {
                return None;
            }
        }
        None
    }

    fn close_implied(&mut self, name: &str) {
        let close = |b: &mut Builder, target: &str, boundaries: &[&str]| {
            if let Some(i) = b.open_in_scope(target, boundaries) {
                b.stack.truncate(i);
            }
        };
        const BLOCK_SCOPE: &[&str] = &["table", "td", "th", "button", "html", "template", "caption"];
        if CLOSES_P.contains(&name) {
            close(self, "p", BLOCK_SCOPE);
        }
        match name {
            "li" => close(self, "li", &["ul", "ol", "table", "td", "th"]),
            "dd" | "dt" => {
                close(self, "dd", &["dl", "table"]);
                close(self, "dt", &["dl", "table"]);
            }
            "tr" => close(self, "tr", &["table"]),
            "td" | "th" => {
                close(self, "td", &["tr", "table"]);
                close(self, "th", &["tr", "table"]);
            }
            "option" => close(self, "option", &["select"]),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let top = self.tree.nodes[self.current()].name();
                if matches!(top, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                    self.stack.pop();
                }
            }
            _ => {}
        }
    }

    fn start_tag(&mut self, name: &str, attrs: Attributes, self_closing: bool) {
        self.close_implied(name);
        let id = self.append(NodeKind::Element { name: name.into(), attrs });
        if !VOID.contains(&name) && !self_closing && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
    }

    fn end_tag(&mut self, name: &str) {
        if name == "br" {
            self.start_tag("br", Vec::new(), true);
            return;
        }
        // Any heading end tag closes the open heading, whatever its level.
        let heading = |n: &str| matches!(n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        let matches = |n: &str| n == name || (heading(name) && heading(n));
        if let Some(i) = self.stack.iter().rposition(|&id| matches(self.tree.nodes[id].name())) {
            self.stack.truncate(i);
        }
    }
}

fn is_name_char(b: u8) -> bool {
    !(b.is_ascii_whitespace() || b == b'/' || b == b'>' || b == b'=')
}

/// Byte index of the next `</name` (ASCII case-insensitive) followed by a space, `/` or `>`.
fn find_end_tag(s: &str, from: usize, name: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut at = from;
    while let Some(k) = s.get(at..).and_then(|r| r.find("</")) {
        let start = at + k;
        let after = start + 2 + name.len();
        if b.len() >= after
            && b[start + 2..after].eq_ignore_ascii_case(name.as_bytes())
            && b.get(after).map_or(true, |c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
        {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

/// Parses a start tag's attributes from `at` (just after the name); returns them, whether the
/// tag ends with `/>`, and the index just after the tag's `>` (the input's end if none).
fn attributes(s: &str, mut at: usize) -> (Attributes, bool, usize) {
    let b = s.as_bytes();
    let mut attrs: Attributes = Vec::new();
    let mut self_closing = false;
    loop {
        while at < b.len() && (b[at].is_ascii_whitespace() || b[at] == b'/') {
            self_closing = b[at] == b'/';
            at += 1;
        }
        if at >= b.len() {
            return (attrs, self_closing, b.len());
        }
        if b[at] == b'>' {
            return (attrs, self_closing, at + 1);
        }
        self_closing = false;
        let name_start = at;
        at += 1; // a name may start with '='
        while at < b.len() && is_name_char(b[at]) {
            at += 1;
        }
        let name = s[name_start..at].to_ascii_lowercase();
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value: &str = "";
        if b.get(at) == Some(&b'=') {
            at += 1;
            while at < b.len() && b[at].is_ascii_whitespace() {
                at += 1;
            }
            match b.get(at) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let end = s[at + 1..].find(q as char).map_or(b.len(), |k| at + 1 + k);
                    value = &s[at + 1..end];
                    at = (end + 1).min(b.len());
                }
                _ => {
                    let start = at;
                    while at < b.len() && !b[at].is_ascii_whitespace() && b[at] != b'>' {
                        at += 1;
                    }
                    value = &s[start..at];
                }
            }
        }
        if !attrs.iter().any(|(k, _)| **k == *name) {
            attrs.push((name.into(), decode(value).into()));
        }
    }
}

/// Parses `html` into a tree. Never fails.
pub fn parse(html: &str) -> Tree {
    let mut builder = Builder {
        tree: Tree {
            nodes: vec![Node { kind: NodeKind::Document, parent: 0, children: Vec::new() }],
            json_ld: Vec::new(),
            title: None,
        },
        stack: Vec::new(),
    };
    let b = html.as_bytes();
    let mut at = 0;
    while at < b.len() {
        let Some(k) = html[at..].find('<') else {
            builder.text(&html[at..]);
            break;
        };
        builder.text(&html[at..at + k]);
        at += k;
        let rest = &b[at..];
        if rest.starts_with(b"<!--") {
            at = html[at + 4..].find("-->").map_or(b.len(), |k| at + 4 + k + 3);
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            at = html[at..].find('>').map_or(b.len(), |k| at + k + 1);
        } else if rest.len() > 2 && rest[1] == b'/' && rest[2].is_ascii_alphabetic() {
            let name_end = (at + 2..b.len()).find(|&i| !is_name_char(b[i])).unwrap_or(b.len());
            let name = html[at + 2..name_end].to_ascii_lowercase();
            builder.end_tag(&name);
            at = html[name_end..].find('>').map_or(b.len(), |k| name_end + k + 1);
        } else if rest.len() > 1 && rest[1].is_ascii_alphabetic() {
            let name_end = (at + 1..b.len()).find(|&i| !is_name_char(b[i])).unwrap_or(b.len());
            let name = html[at + 1..name_end].to_ascii_lowercase();
            let (attrs, self_closing, after) = attributes(html, name_end);
            at = after;
            if RAW_TEXT.contains(&name.as_str()) {
                let end = find_end_tag(html, at, &name).unwrap_or(b.len());
                let raw = &html[at..end];
                if name == "title" && builder.tree.title.is_none() {
                    builder.tree.title = Some(decode(raw).into_owned());
                }
                let ld = attrs
                    .iter()
                    .any(|(k, v)| &**k == "type" && v.eq_ignore_ascii_case("application/ld+json"));
                if name == "script" && ld {
                    builder.tree.json_ld.push(raw.to_string());
                }
                // The element stays (empty) so that its place is known; its text is not content.
                builder.start_tag(&name, attrs, true);
                at = html[end..].find('>').map_or(b.len(), |k| end + k + 1);
            } else {
                builder.start_tag(&name, attrs, self_closing);
            }
        } else {
            builder.text("<");
            at += 1;
        }
    }
    builder.tree
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as a compact string: elements as `name(children)`, text in quotes.
    fn shape(tree: &Tree, id: NodeId) -> String {
        let node = &tree.nodes[id];
        let inner: Vec<String> = node.children.iter().map(|&c| shape(tree, c)).collect();
        match &node.kind {
            NodeKind::Text(t) => format!("{t:?}"),
            NodeKind::Document => inner.join(" "),
            NodeKind::Element { name, .. } if inner.is_empty() => name.to_string(),
            NodeKind::Element { name, .. } => format!("{name}({})", inner.join(" ")),
        }
    }

    fn parsed(html: &str) -> String {
        shape(&parse(html), 0)
    }

    #[test]
    fn builds_trees_the_way_browsers_do_for_common_mistakes() {
        let cases = [
            ("<p>a<p>b", r#"p("a") p("b")"#),
            ("<ul><li>a<li>b</ul>", r#"ul(li("a") li("b"))"#),
            ("<p>a<div>b</div>", r#"p("a") div("b")"#),
            ("<div>a</span>b</div>", r#"div("ab")"#),
            ("<b>x</B> &amp; <BR/>y", r#"b("x") " & " br "y""#),
            ("<script>if (a<b) {}</script>t", r#"script "t""#),
            ("<SCRIPT>x</script >t", r#"script "t""#),
            ("<!-- <p>no --><p>yes", r#"p("yes")"#),
            ("a < b <3", r#""a < b <3""#),
            ("<p class=x id='y' data-z=\"a>b\">t", r#"p("t")"#),
            ("<table><tr><td>a<td>b<tr><td>c</table>", r#"table(tr(td("a") td("b")) tr(td("c")))"#),
            ("<h1>a<h2>b", r#"h1("a") h2("b")"#),
            ("<h1>a</h2>b", r#"h1("a") "b""#),
            ("<p>x</p></p>", r#"p("x")"#),
            ("<div", "div"),
            ("<p title=\"unclosed>t", "p"),
        ];
        for (html, want) in cases {
            assert_eq!(parsed(html), want, "{html}");
        }
    }

    #[test]
    fn keeps_attributes_title_and_json_ld() {
        let tree = parse(
            "<html LANG=fr><title>A &amp; B</title><script type=\"application/ld+json\">{\"a\":\"</p>\"}</script>\
             <p CLASS='c' class=d hidden>t</p>",
        );
        assert_eq!(tree.title.as_deref(), Some("A & B"));
        assert_eq!(tree.json_ld, vec![r#"{"a":"</p>"}"#.to_string()]);
        let p = tree.nodes.iter().find(|n| n.name() == "p").unwrap();
        assert_eq!(p.attr("class"), Some("c"));
        assert_eq!(p.attr("hidden"), Some(""));
        assert_eq!(tree.nodes.iter().find(|n| n.name() == "html").unwrap().attr("lang"), Some("fr"));
    }

    #[test]
    fn deep_nesting_is_capped_and_linear() {
        let html = "<div>".repeat(100_000) + "x" + &"</div>".repeat(100_000);
        let tree = parse(&html);
        let deepest = tree.nodes.iter().position(|n| matches!(n.kind, NodeKind::Text(_))).unwrap();
        let mut depth = 0;
        let mut at = deepest;
        while at != 0 {
            at = tree.nodes[at].parent;
            depth += 1;
        }
        assert!(depth <= MAX_DEPTH + 1);
    }
}
