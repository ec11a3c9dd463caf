//! Lays the tree out as lines of text, as a browser would show it: block elements start lines,
//! `<br>` breaks them, runs of white space collapse to one space.

use super::content::is_inline;
use super::parse::{NodeId, NodeKind, Tree};
use crate::analysis::{Block, BlockKind};
use crate::text::Span;

/// Lines are separated by a blank line, as paragraphs are in a plain-text article.
const SEPARATOR: &str = "\n\n";

#[derive(Default)]
pub struct Lines {
    pub text: String,
    pub blocks: Vec<Block>,
    line: String,
    kind: Option<BlockKind>,
}

impl Lines {
    /// Appends a whole line of `kind` (its white space collapsed); returns its span, if not blank.
    pub fn push_line(&mut self, s: &str, kind: BlockKind) -> Option<Span> {
        self.flush();
        self.add_text(s, kind);
        self.flush()
    }

    fn add_text(&mut self, s: &str, kind: BlockKind) {
        for (i, word) in s.split(|c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}').enumerate()
        {
            if i > 0 && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            if !word.is_empty() {
                self.kind.get_or_insert(kind);
                self.line.push_str(word);
            }
        }
    }

    /// Ends the current line; returns its span when it held text.
    pub fn flush(&mut self) -> Option<Span> {
        let line = std::mem::take(&mut self.line);
        let kind = self.kind.take();
        let trimmed = line.trim_matches(|c: char| c.is_whitespace());
        let kind = kind.filter(|_| !trimmed.is_empty())?;
        if !self.text.is_empty() {
            self.text.push_str(SEPARATOR);
        }
        let start = self.text.len();
        self.text.push_str(trimmed);
        let span = Span::new(start, self.text.len());
        self.blocks.push(Block { span, kind });
        Some(span)
    }

    /// Lays out the subtree of `root`. `skip` leaves an element out with its subtree; `kind`
    /// gives the role of an element's text (asked for each element, inherited by its text).
    pub fn render(
        &mut self,
        tree: &Tree,
        root: NodeId,
        skip: &dyn Fn(NodeId) -> bool,
        kind_of: &dyn Fn(NodeId) -> BlockKind,
    ) {
        enum Step {
            Enter(NodeId, BlockKind),
            Leave(bool),
        }
        let mut stack = vec![Step::Enter(root, kind_of(root))];
        while let Some(step) = stack.pop() {
            let (id, inherited) = match step {
                Step::Leave(block) => {
                    if block {
                        self.flush();
                    }
                    continue;
                }
                Step::Enter(id, kind) => (id, kind),
            };
            let node = &tree.nodes[id];
            match &node.kind {
                NodeKind::Text(t) => {
                    if self.kind.is_some_and(|k| k != inherited) {
                        self.flush();
                    }
                    self.add_text(t, inherited);
                }
                NodeKind::Document | NodeKind::Element { .. } => {
                    if id != root && skip(id) {
                        continue;
                    }
                    let name = node.name();
                    if name == "br" || name == "hr" {
                        self.flush();
                        continue;
                    }
                    let block = !is_inline(name);
                    let kind = if node.is_element() { kind_of(id) } else { inherited };
                    // A line never mixes roles: a change of role starts a new line.
                    if block || self.kind.is_some_and(|k| k != kind) {
                        self.flush();
                    }
                    stack.push(Step::Leave(block));
                    stack.extend(node.children.iter().rev().map(|&c| Step::Enter(c, kind)));
                }
            }
        }
        self.flush();
    }
}

/// Nodes [`inner_text`] looks at, at most: headings and bylines are small, and the bound keeps
/// the calls for many nested candidates linear on odd pages.
const INNER_TEXT_NODES: usize = 2048;

/// The text of a subtree on one line, white space collapsed (for headings and bylines); only its
/// first [`INNER_TEXT_NODES`] nodes.
pub fn inner_text(tree: &Tree, root: NodeId, dropped: &[bool]) -> String {
    let mut out = String::new();
    let mut stack = vec![root];
    let mut budget = INNER_TEXT_NODES;
    while let Some(id) = stack.pop() {
        if budget == 0 {
            break;
        }
        budget -= 1;
        if dropped.get(id).copied().unwrap_or(false) {
            continue;
        }
        match &tree.nodes[id].kind {
            NodeKind::Text(t) => {
                out.push_str(t);
            }
            node => {
                if !is_inline(tree.nodes[id].name())
                    || matches!(node, NodeKind::Element { name, .. } if &**name == "br")
                {
                    out.push(' ');
                }
                stack.extend(tree.nodes[id].children.iter().rev());
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
