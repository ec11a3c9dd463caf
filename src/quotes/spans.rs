//! Quotation mark pairing: «…», “…”, "…", ‘‘…’’, „…“, and the broken pairs real pages carry
//! (« … « with the second mark as a closer, « … "). Pairs never cross a paragraph (a line),
//! except for the French convention where each paragraph of a long quote opens again with « (or
//! »). Nested quotes of another family stay inside the outer one. One pass over the text,
//! bounded nesting: linear time on any input.

use crate::text::Span;

/// One stretch of quoted words, marks and inner spaces excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The quoted words.
    pub inner: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the paragraph ends first (a quote running on, or a mark
    /// left open at the start of a paragraph).
    pub close: Option<Span>,
    /// Segments of one quote (several paragraphs) share a group number.
    pub group: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// « »
    Guillemet,
    /// “ ” and „ “
    Curly,
    /// " (and '' doubled)
    Straight,
    /// ‘‘ ’’
    DoubleSingle,
    /// ‘ ’ and ' single, as British English quotes speech: only where the marks stand at a word's
    /// edge, so apostrophes ("l’État", "don't", "Kenya's") and plural possessives ("partners'
    /// data") are never marks.
    Single,
}

const FAMILIES: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks: the side is read from the spaces around them.
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    span: Span,
    family: Family,
    role: Role,
    /// „ opens a pair that “ closes.
    low: bool,
}

/// Longest paragraph run of one quote, and deepest nesting followed.
const MAX_PARAGRAPHS: usize = 20;
const MAX_NESTING: usize = 16;

/// Every quoted segment of `text`, in order.
pub fn find(text: &str) -> Vec<Segment> {
    let lines = paragraphs(text);
    let mut out = Vec::new();
    let mut next_group = 0;
    // A quote left open at the end of the previous paragraph: (family, low, group, paragraphs).
    let mut carried: Option<(Family, bool, usize, usize)> = None;
    for (li, line) in lines.iter().enumerate() {
        let marks = marks_in(text, *line);
        let mut start_at = 0;
        // The open quote: family, low, opening mark, inner start, group, paragraphs so far.
        let mut open: Option<(Family, bool, Span, usize, usize, usize)> = None;
        if let Some((family, low, group, n)) = carried.take() {
            // The paragraph must open again with a mark to continue the quote.
            if let Some(m) = marks.first().filter(|m| m.span.start == line.start) {
                if m.family == family || m.family == Family::Guillemet {
                    open = Some((family, low, m.span, m.span.end, group, n + 1));
                    start_at = 1;
                }
            }
        }
        // Closers of each family still ahead in this paragraph.
        let mut closers_left = [0usize; FAMILIES];
        for m in &marks[start_at..] {
            if m.role != Role::Open {
                closers_left[m.family as usize] += 1;
            }
        }
        let mut nested: Vec<Family> = Vec::new();
        for m in &marks[start_at..] {
            if m.role != Role::Open {
                closers_left[m.family as usize] -= 1;
            }
            let Some((family, low, open_span, inner_start, group, _)) = open else {
                if m.role == Role::Open || (m.role == Role::Either && opens_here(text, m.span)) {
                    open = Some((m.family, m.low, m.span, m.span.end, next_group, 1));
                    next_group += 1;
                    nested.clear();
                }
                continue;
            };
            let closes_outer = match (m.role, m.family == family) {
                // „ … “: the low opener takes “ as its closer.
                (Role::Open, true) if low && !m.low => nested.is_empty(),
                (Role::Close, true) => true,
                (Role::Either, true) => {
                    if nested.last() == Some(&m.family) {
                        nested.pop();
                        false
                    } else {
                        true
                    }
                }
                // A second opener of the same family with no closer left: a broken closer.
                (Role::Open, true) => closers_left[family as usize] == 0 && !m.low,
                (_, false) => {
                    if nested.last() == Some(&m.family) && m.role != Role::Open {
                        nested.pop();
                        false
                    } else if m.role == Role::Open
                        || (m.role == Role::Either
                            && opens_here(text, m.span)
                            && closers_left[m.family as usize] > 0)
                    {
                        if nested.len() < MAX_NESTING {
                            nested.push(m.family);
                        }
                        false
                    } else {
                        // A closer of another family: a mixed pair when ours never comes.
                        closers_left[family as usize] == 0
                    }
                }
            };
            if closes_outer {
                push(&mut out, text, inner_start, m.span.start, open_span, Some(m.span), group);
                open = None;
                nested.clear();
            }
        }
        if let Some((family, low, open_span, inner_start, group, n)) = open {
            // Unclosed at the paragraph's end.
            let next_opens = lines.get(li + 1).is_some_and(|next| {
                text[next.start..next.end].chars().next().is_some_and(|c| match family {
                    Family::Guillemet => matches!(c, '«' | '»'),
                    Family::Curly => matches!(c, '“' | '„' | '«'),
                    _ => false,
                })
            });
            let starts_paragraph =
                open_span.start == line.start || after_colon(text, line.start, open_span.start);
            if next_opens && n < MAX_PARAGRAPHS && (n > 1 || starts_paragraph) {
                push(&mut out, text, inner_start, line.end, open_span, None, group);
                carried = Some((family, low, group, n));
            } else if n > 1 || starts_paragraph {
                push(&mut out, text, inner_start, line.end, open_span, None, group);
            }
        }
    }
    out
}

fn push(
    out: &mut Vec<Segment>,
    text: &str,
    start: usize,
    end: usize,
    open: Span,
    close: Option<Span>,
    group: usize,
) {
    let inner = trim(text, start, end);
    if !inner.is_empty() {
        out.push(Segment { inner, open, close, group });
    }
}

/// `[start, end)` without surrounding whitespace (no-break spaces included).
fn trim(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return Span::new(start, start);
    }
    Span::new(start + lead, end - trail)
}

fn after_colon(text: &str, line_start: usize, at: usize) -> bool {
    text[line_start..at].trim_end().ends_with(':')
}

/// Whether a straight mark opens: at a paragraph start or after a space or opening bracket,
/// and followed by a visible char.
fn opens_here(text: &str, mark: Span) -> bool {
    let before = text[..mark.start].chars().next_back();
    let after = text[mark.end..].chars().next();
    let before_ok = before
        .map_or(true, |c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | ':' | '«' | '“'));
    let after_ok = after.is_some_and(|c| !c.is_whitespace());
    before_ok && after_ok
}

/// The role of a single ‘ ’ or ' mark: opening before a word that follows a space or an opening
/// bracket, closing after a word when a space, a punctuation mark or the line end follows;
/// `None` inside a word (an apostrophe).
fn single_role(text: &str, mark: Span, c: char) -> Option<Role> {
    let before = text[..mark.start].chars().next_back();
    let after = text[mark.end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let opens = before
        .map_or(true, |b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | ':' | '«' | '“' | '"'))
        && after.is_some_and(|a| a.is_alphanumeric() || matches!(a, '…' | '.' | '“' | '"'));
    let closes = before.is_some_and(|b| !b.is_whitespace() && b != '(')
        && after.map_or(true, |a| {
            a.is_whitespace()
                || matches!(a, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–' | '”' | '"' | '»')
        });
    if word(before) && word(after) {
        return None; // "l’État", "don't", "O’Brien"
    }
    if opens && c != '’' {
        return Some(Role::Open);
    }
    if closes && c != '‘' {
        // A plural possessive ("partners' data") closes nothing unless a quote is open: pairing
        // ignores a closer with no opener.
        return Some(Role::Close);
    }
    None
}

/// Non-blank lines, trimmed.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            out.push(Span::new(start + lead, start + lead + body.len()));
        }
        start += line.len();
    }
    out
}

/// Whether `b` may start a quotation mark: '"', '\'', and the lead bytes of « » (C2) and of
/// “ ” „ ‘ ’ (E2).
fn is_mark_lead(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// The index of the first byte of `bytes` that [`is_mark_lead`]. Eight bytes are tested at a
/// time (a word holds one of those bytes if its XOR with that byte repeated has a zero byte),
/// then the eight holding one byte by byte: most of a text is no mark.
fn next_mark_lead(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let holds = |word: u64, b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGHS != 0
    };
    let mut skipped = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if holds(word, b'"') || holds(word, b'\'') || holds(word, 0xC2) || holds(word, 0xE2) {
            break;
        }
        skipped += 8;
    }
    bytes[skipped..].iter().position(|&b| is_mark_lead(b)).map(|k| skipped + k)
}

fn marks_in(text: &str, line: Span) -> Vec<Mark> {
    let s = &text[line.start..line.end];
    let bytes = s.as_bytes();
    let mut marks = Vec::new();
    let mut i = 0;
    // Only the first byte of a mark is looked for: '"', '\'', and the lead bytes of « » (C2) and
    // of “ ” „ ‘ ’ (E2); lead bytes are never inside another char, so `i` is a char boundary.
    while let Some(k) = next_mark_lead(&bytes[i..]) {
        i += k;
        let Some(c) = s[i..].chars().next() else { break };
        let at = line.start + i;
        i += c.len_utf8();
        let one = |family, role| Mark { span: Span::new(at, at + c.len_utf8()), family, role, low: false };
        let mark = match c {
            '«' => one(Family::Guillemet, Role::Open),
            '»' => one(Family::Guillemet, Role::Close),
            '“' => one(Family::Curly, Role::Open),
            '”' => one(Family::Curly, Role::Close),
            '„' => Mark { low: true, ..one(Family::Curly, Role::Open) },
            '"' => one(Family::Straight, Role::Either),
            '‘' | '’' | '\'' => {
                // Doubled single marks are quotation marks; a single one only at a word's edge.
                if s[i..].starts_with(c) {
                    i += c.len_utf8();
                    let role = match c {
                        '‘' => Role::Open,
                        '’' => Role::Close,
                        _ => Role::Either,
                    };
                    let family = if c == '\'' { Family::Straight } else { Family::DoubleSingle };
                    Mark { span: Span::new(at, at + 2 * c.len_utf8()), family, role, low: false }
                } else {
                    match single_role(text, Span::new(at, at + c.len_utf8()), c) {
                        Some(role) => one(Family::Single, role),
                        None => continue,
                    }
                }
            }
            _ => continue,
        };
        marks.push(mark);
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find(text).iter().map(|s| s.inner.slice(text)).collect()
    }

    #[test]
    fn next_mark_lead_finds_the_first_lead_byte() {
        let text = "abcdefgh ijklmnop « q » r’s \"t\" 'u' end of text without marks";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let want = bytes[from..].iter().position(|&b| is_mark_lead(b));
            assert_eq!(next_mark_lead(&bytes[from..]), want, "from {from}");
        }
    }

    #[test]
    fn mark_families() {
        let table: &[(&str, &[&str])] = &[
            ("Il a dit « oui, bien sûr » hier.", &["oui, bien sûr"]),
            ("Il a dit «\u{202F}oui\u{202F}» et «\u{00A0}non\u{00A0}».", &["oui", "non"]),
            ("Il a dit «oui» puis «non».", &["oui", "non"]),
            ("He said “yes, of course” today.", &["yes, of course"]),
            ("He said \"yes, of course\" today.", &["yes, of course"]),
            ("Titre: ‘‘désormais la guerre sera totale’’", &["désormais la guerre sera totale"]),
            ("Er sagte „ja, natürlich“ heute.", &["ja, natürlich"]),
            ("He said ''yes indeed'' today.", &["yes indeed"]),
            ("« Le 1ᵉʳ mars 🎉 », dit-il.", &["Le 1ᵉʳ mars 🎉"]),
            // Single marks, as British English writes speech, but never apostrophes.
            (
                "She said: 'The station has been leaking. We can't wait.'",
                &["The station has been leaking. We can't wait."],
            ),
            (
                "'Nobody asked us,' she said. 'They held one in August.'",
                &["Nobody asked us,", "They held one in August."],
            ),
            ("He called it ‘a temporary blip’ in Kenya’s capital.", &["a temporary blip"]),
            ("Our partners' processing and the users' data, l’État, aujourd'hui.", &[]),
            ("“He said ‘never’ and left”, she said.", &["He said ‘never’ and left"]),
        ];
        for (text, want) in table {
            assert_eq!(&quoted(text), want, "{text}");
        }
    }

    #[test]
    fn nested_quotes_keep_the_outer_one() {
        let text = "« Il m’a dit “jamais” et c’est tout », raconte-t-elle.";
        assert_eq!(quoted(text), ["Il m’a dit “jamais” et c’est tout"]);
        let text = "“He said ‘‘never’’ and \"left\" then”, she said.";
        assert_eq!(quoted(text), ["He said ‘‘never’’ and \"left\" then"]);
    }

    #[test]
    fn broken_pairs() {
        let table: &[(&str, &[&str])] = &[
            ("Le groupe « Wagner « au Mali est là.", &["Wagner"]),
            ("Il a dit « nous viendrons\" puis il est parti.", &["nous viendrons"]),
            ("Il a dit “nous viendrons » puis il est parti.", &["nous viendrons"]),
            // A lone mark inside a paragraph is dropped, not run to the end of the text.
            ("Un » perdu et un « ouvert ici.\nLa suite n’est pas citée.", &[]),
            // A lone opener at the start of a paragraph quotes that paragraph only.
            ("« Nous viendrons demain.\nLa suite n’est pas citée.", &["Nous viendrons demain."]),
            ("Il a déclaré : « Nous viendrons demain.\nLa suite.", &["Nous viendrons demain."]),
        ];
        for (text, want) in table {
            assert_eq!(&quoted(text), want, "{text}");
        }
    }

    #[test]
    fn quotes_over_several_paragraphs() {
        let text = "Il a déclaré : « Premier paragraphe.\n« Deuxième paragraphe.\n« Troisième. »\nFin.";
        let segs = find(text);
        let got: Vec<_> = segs.iter().map(|s| (s.inner.slice(text), s.group)).collect();
        assert_eq!(got, [("Premier paragraphe.", 0), ("Deuxième paragraphe.", 0), ("Troisième.", 0)]);
        let text = "« Un.\n» Deux. »\n« Autre. »";
        let segs = find(text);
        let got: Vec<_> = segs.iter().map(|s| (s.inner.slice(text), s.group)).collect();
        assert_eq!(got[..2], [("Un.", 0), ("Deux.", 0)]);
        assert_eq!(got[2].0, "Autre.");
        assert_ne!(got[2].1, 0);
    }

    #[test]
    fn never_panics_and_stays_linear() {
        let many = "«".repeat(100_000);
        let _ = find(&many);
        let mixed = "« “ \" ‘‘ „ ".repeat(20_000);
        let _ = find(&mixed);
        let closers = "» ” ’’ \"".repeat(20_000);
        let _ = find(&closers);
        let lines = "« a\n".repeat(10_000);
        let _ = find(&lines);
        for s in ["", "«", "»", "\"", "''", "‘‘", "’’", "„", "«»", "« »", "\n«\n»\n"] {
            let _ = find(s);
        }
    }
}
