//! Reading NER corpora (IOB1/IOB2 columns, HIPE TSV) and moving their labels onto the crate's own
//! tokens: each sentence is joined back into text, tokenised by [`crate::text::tokenize()`] as
//! inference will see it, and labels are projected by byte offsets. Used by the `train` and
//! `ner_eval` binaries.

use super::features::{Word, N_TAGS};
use crate::analysis::EntityType;
use crate::text::{tokenize, Token};

/// A corpus sentence: its tokens and PER/ORG/LOC spans over them (`first..end`, exclusive).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    /// Whether a space follows each token, when the corpus says (HIPE's `NoSpaceAfter`).
    pub space_after: Option<Vec<bool>>,
    pub spans: Vec<(usize, usize, EntityType)>,
}

/// The project type of a corpus label ("PER", "pers", "org", "LOC"…); `None` for other types.
pub fn entity_type(label: &str) -> Option<EntityType> {
    match label.to_ascii_lowercase().as_str() {
        "per" | "pers" | "person" => Some(EntityType::PER),
        "org" => Some(EntityType::ORG),
        "loc" | "gpe" => Some(EntityType::LOC),
        _ => None,
    }
}

/// Spans of a tag sequence, reading IOB1 and IOB2 alike (an I-X after O or another type starts).
pub fn spans_from_tags(tags: &[String]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (prefix, label) = tag.split_once('-').unwrap_or((tag.as_str(), ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, l)| l == label);
        if continues {
            continue;
        }
        if let Some((s, l)) = open.take() {
            if let Some(t) = entity_type(&l) {
                out.push((s, i, t));
            }
        }
        if prefix == "B" || prefix == "I" {
            open = Some((i, label.to_string()));
        }
    }
    if let Some((s, l)) = open {
        if let Some(t) = entity_type(&l) {
            out.push((s, tags.len(), t));
        }
    }
    out
}

fn finish(
    tokens: &mut Vec<String>,
    tags: &mut Vec<String>,
    space: &mut Vec<bool>,
    hipe: bool,
    out: &mut Vec<Sentence>,
) {
    if tokens.is_empty() {
        return;
    }
    out.push(Sentence {
        spans: spans_from_tags(tags),
        tokens: std::mem::take(tokens),
        space_after: if hipe { Some(std::mem::take(space)) } else { None },
    });
    tags.clear();
    space.clear();
}

/// Column files: `token TAG` (space or tab), `index<TAB>token<TAB>tag…` (UNER, WikiNEuRal) or
/// `token<TAB>tag` (eval-sample). Blank lines end sentences; `#` lines and `-DOCSTART-` are skipped.
pub fn read_columns(text: &str) -> Vec<Sentence> {
    let (mut out, mut tokens, mut tags, mut space) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        if line.trim().is_empty() {
            finish(&mut tokens, &mut tags, &mut space, false, &mut out);
            continue;
        }
        if line.starts_with("# ") || line.starts_with("-DOCSTART-") {
            continue;
        }
        let cols: Vec<&str> =
            if line.contains('\t') { line.split('\t').collect() } else { line.split(' ').collect() };
        let (tok, tag) = if cols.len() >= 3 && cols[0].bytes().all(|b| b.is_ascii_digit()) {
            (cols[1], cols[2])
        } else if cols.len() >= 2 {
            (cols[0], cols[1])
        } else {
            continue;
        };
        tokens.push(tok.to_string());
        tags.push(tag.to_string());
    }
    finish(&mut tokens, &mut tags, &mut space, false, &mut out);
    out
}

/// Europeana's file has no blank lines: pseudo-sentences end after `.`, `!` or `?` tagged `O`.
/// Returns them all in file order (the caller picks the split by index).
pub fn read_europeana(text: &str) -> Vec<Sentence> {
    let (mut out, mut tokens, mut tags, mut space) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        let Some((tok, tag)) = line.rsplit_once(' ') else { continue };
        tokens.push(tok.to_string());
        tags.push(tag.to_string());
        if matches!(tok, "." | "!" | "?") && tag == "O" {
            finish(&mut tokens, &mut tags, &mut space, false, &mut out);
        }
    }
    finish(&mut tokens, &mut tags, &mut space, false, &mut out);
    out
}

/// Europeana's deterministic split (corpora README §2): pseudo-sentence `i` is test when
/// `i % 10 == 9`, dev when `i % 10 == 8`, train otherwise. Returns `(train, dev)`; the test
/// sentences are dropped here so no caller can train or tune on them.
pub fn europeana_train_dev(sentences: Vec<Sentence>) -> (Vec<Sentence>, Vec<Sentence>) {
    let (mut train, mut dev) = (Vec::new(), Vec::new());
    for (i, s) in sentences.into_iter().enumerate() {
        match i % 10 {
            9 => {}
            8 => dev.push(s),
            _ => train.push(s),
        }
    }
    (train, dev)
}

/// HIPE TSV (2020 v1.4 and 2022): column 2 is the coarse literal tag; sentences end at documents
/// and after `EndOfSentence`/`PySBDSegment`, unless the next tag is an I- tag.
pub fn read_hipe(text: &str) -> Vec<Sentence> {
    let (mut out, mut tokens, mut tags, mut space) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut pending_end = false;
    for line in text.lines() {
        if line.starts_with('#') {
            if line.contains("document_id") {
                pending_end = false;
                finish(&mut tokens, &mut tags, &mut space, true, &mut out);
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 || cols[0] == "TOKEN" {
            continue;
        }
        if pending_end && !cols[1].starts_with("I-") {
            finish(&mut tokens, &mut tags, &mut space, true, &mut out);
        }
        let misc = cols.last().copied().unwrap_or("");
        let flags: Vec<&str> = misc.split('|').collect();
        tokens.push(cols[0].to_string());
        tags.push(cols[1].to_string());
        space.push(!flags.contains(&"NoSpaceAfter"));
        pending_end = flags.iter().any(|f| *f == "EndOfSentence" || *f == "PySBDSegment");
    }
    finish(&mut tokens, &mut tags, &mut space, true, &mut out);
    out
}

/// Elided tokens the corpora write apart from their apostrophe (narrower than the tokenizer's
/// list; the trained weights were made with this one).
fn corpus_elisions() -> &'static crate::words::WordList {
    crate::words::word_list!("lang/fr/corpus_elisions.txt")
}

fn is_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric)
}

/// A corpus sentence joined back into text, with each token's byte range.
pub struct Rebuilt {
    pub text: String,
    pub offsets: Vec<(usize, usize)>,
}

/// Joins tokens with the corpus's own spacing when it has one, else with the usual typography:
/// no space before `, . ) ]`, none after `( [` or an elided article, hyphens glued between words.
pub fn rebuild(s: &Sentence) -> Rebuilt {
    let mut text = String::new();
    let mut offsets = Vec::with_capacity(s.tokens.len());
    for (i, tok) in s.tokens.iter().enumerate() {
        if i > 0 {
            let prev = s.tokens[i - 1].as_str();
            let glue = match &s.space_after {
                Some(space) => !space[i - 1],
                None => {
                    matches!(tok.as_str(), "," | "." | ")" | "]" | "…" | "%")
                        || matches!(prev, "(" | "[")
                        || prev.ends_with(['\'', '’']) && prev.chars().count() > 1
                        || (matches!(tok.as_str(), "'" | "’") && corpus_elisions().contains(prev))
                        || (matches!(prev, "'" | "’")
                            && i >= 2
                            && corpus_elisions().contains(&s.tokens[i - 2]))
                        || tok.starts_with("'s")
                        || tok.starts_with("’s")
                        || tok == "n't"
                        || (tok == "-" && is_word(prev) && s.tokens.get(i + 1).is_some_and(|n| is_word(n)))
                        || (prev == "-" && i >= 2 && is_word(&s.tokens[i - 2]) && is_word(tok))
                }
            };
            if !glue {
                text.push(' ');
            }
        }
        let start = text.len();
        text.push_str(tok);
        offsets.push((start, text.len()));
    }
    Rebuilt { text, offsets }
}

/// Tag index of the first (`B`) or inner (`I`) token of a `kind` span.
pub fn tag_index(kind: EntityType, inside: bool) -> usize {
    let base = match kind {
        EntityType::PER => 1,
        EntityType::ORG => 3,
        EntityType::LOC => 5,
        EntityType::MISC => return 0,
    };
    base + inside as usize
}

/// Tags of `tokens` for entity spans given as byte ranges of the text: a token is in a span when
/// it starts inside it; the first such token is B.
pub fn project(tokens: &[Token], spans: &[(usize, usize, EntityType)]) -> Vec<usize> {
    let mut tags = vec![0; tokens.len()];
    for &(start, end, kind) in spans {
        let mut first = true;
        for (i, t) in tokens.iter().enumerate() {
            if t.start >= start && t.start < end {
                tags[i] = tag_index(kind, !first);
                first = false;
            }
        }
    }
    tags
}

/// A sentence ready for training or scoring: the crate's tokens, features' words and gold tags.
pub struct Prepared {
    pub rebuilt: Rebuilt,
    pub tokens: Vec<Token>,
    pub words: Vec<Word>,
    pub tags: Vec<usize>,
}

pub fn prepare(s: &Sentence) -> Prepared {
    let rebuilt = rebuild(s);
    let spans: Vec<_> =
        s.spans.iter().map(|&(a, b, k)| (rebuilt.offsets[a].0, rebuilt.offsets[b - 1].1, k)).collect();
    prepare_text(rebuilt, &spans)
}

/// Same for raw text with byte-range spans (silver data).
pub fn prepare_text(rebuilt: Rebuilt, spans: &[(usize, usize, EntityType)]) -> Prepared {
    let tokens = tokenize(&rebuilt.text);
    let words = tokens.iter().map(|t| Word::new(&rebuilt.text, t)).collect();
    let tags = project(&tokens, spans);
    debug_assert!(tags.iter().all(|&t| t < N_TAGS));
    Prepared { rebuilt, tokens, words, tags }
}

/// Maps a byte range of a rebuilt sentence back to corpus tokens (`first..end`), by the tokens
/// holding its first and last bytes.
pub fn to_corpus_tokens(offsets: &[(usize, usize)], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = offsets.iter().position(|&(a, b)| start >= a && start < b)?;
    let last = offsets.iter().position(|&(a, b)| end > a && end <= b)?;
    (last >= first).then_some((first, last + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob1_and_iob2() {
        let tags: Vec<String> = ["I-PER", "I-PER", "O", "B-LOC", "I-LOC", "B-LOC", "I-MISC", "I-ORG"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            spans_from_tags(&tags),
            [
                (0, 2, EntityType::PER),
                (3, 5, EntityType::LOC),
                (5, 6, EntityType::LOC),
                (7, 8, EntityType::ORG)
            ]
        );
    }

    #[test]
    fn reads_formats() {
        let s = read_columns(
            "# source = x\nM\tB-PER\n.\tI-PER\nDiop\tI-PER\nà\tO\nl\tO\n'\tO\nONU\tB-ORG\n\n1\tHi\tO\t-\t-\n",
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].spans, [(0, 3, EntityType::PER), (6, 7, EntityType::ORG)]);
        let r = rebuild(&s[0]);
        assert_eq!(r.text, "M. Diop à l'ONU");
        let e = read_europeana("Le O\nRappel I-ORG\n. O\nParis I-LOC\n");
        assert_eq!(e.len(), 2);
        let h = read_hipe("TOKEN\tNE\n# hipe2022:document_id = a\nLe\tO\t_\t_\n« \tO\t_\tNoSpaceAfter\nSoir\tB-ORG\t_\tEndOfSentence\nIl\tO\t_\t_\n");
        assert_eq!(h.len(), 2);
        assert_eq!(rebuild(&h[0]).text, "Le « Soir");
    }

    #[test]
    fn projects_onto_crate_tokens() {
        let s = read_columns("Jean\tB-PER\n-\tI-PER\nPierre\tI-PER\nvit\tO\nà\tO\nMali-Russie\tB-LOC\n");
        let p = prepare(&s[0]);
        assert_eq!(p.rebuilt.text, "Jean-Pierre vit à Mali-Russie");
        assert_eq!(p.tags, [1, 2, 2, 0, 0, 5, 6, 6]);
        let t = &p.tokens;
        assert_eq!(to_corpus_tokens(&p.rebuilt.offsets, t[5].start, t[7].end), Some((5, 6)));
        assert_eq!(to_corpus_tokens(&p.rebuilt.offsets, t[0].start, t[2].end), Some((0, 3)));
    }
}

/// Strict span counts per type (PER, ORG, LOC).
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub tp: [usize; 3],
    pub fp: [usize; 3],
    pub fn_: [usize; 3],
}

fn type_slot(kind: EntityType) -> Option<usize> {
    match kind {
        EntityType::PER => Some(0),
        EntityType::ORG => Some(1),
        EntityType::LOC => Some(2),
        EntityType::MISC => None,
    }
}

impl Counts {
    /// Adds one sentence: predicted and gold spans over corpus tokens.
    pub fn add(&mut self, predicted: &[(usize, usize, EntityType)], gold: &[(usize, usize, EntityType)]) {
        for p in predicted {
            let Some(k) = type_slot(p.2) else { continue };
            if gold.contains(p) {
                self.tp[k] += 1;
            } else {
                self.fp[k] += 1;
            }
        }
        for g in gold {
            let Some(k) = type_slot(g.2) else { continue };
            if !predicted.contains(g) {
                self.fn_[k] += 1;
            }
        }
    }

    /// Precision, recall and F1 of one type slot, or of all (`None`).
    pub fn prf(&self, slot: Option<usize>) -> (f64, f64, f64) {
        let sum = |a: &[usize; 3]| slot.map_or(a.iter().sum(), |k| a[k]) as f64;
        let (tp, fp, fn_) = (sum(&self.tp), sum(&self.fp), sum(&self.fn_));
        let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }

    pub fn report(&self) -> String {
        let mut s = String::new();
        for (k, name) in ["PER", "ORG", "LOC"].iter().enumerate() {
            let (p, r, f) = self.prf(Some(k));
            let gold = self.tp[k] + self.fn_[k];
            s.push_str(&format!("{name}  P {p:.3}  R {r:.3}  F1 {f:.3}  (gold {gold})\n"));
        }
        let (p, r, f) = self.prf(None);
        s.push_str(&format!("ALL  P {p:.3}  R {r:.3}  F1 {f:.3}\n"));
        s
    }
}

/// Byte-range spans (over the rebuilt text) mapped back to corpus-token spans; spans that do not
/// land on corpus tokens are kept as impossible ones so they count as false positives.
pub fn to_corpus_spans(
    offsets: &[(usize, usize)],
    spans: &[(usize, usize, EntityType)],
) -> Vec<(usize, usize, EntityType)> {
    spans
        .iter()
        .map(|&(a, b, k)| match to_corpus_tokens(offsets, a, b) {
            Some((f, e)) => (f, e, k),
            None => (usize::MAX, usize::MAX, k),
        })
        .collect()
}

/// Tags a prepared sentence with `scorer` and returns byte-range spans over its rebuilt text.
pub fn predict<S: super::model::Scorer>(scorer: &S, p: &Prepared) -> Vec<(usize, usize, EntityType)> {
    predict_with(scorer, p, false)
}

/// [`predict`] with greedy instead of Viterbi decoding if `greedy` (for models trained greedily).
pub fn predict_with<S: super::model::Scorer>(
    scorer: &S,
    p: &Prepared,
    greedy: bool,
) -> Vec<(usize, usize, EntityType)> {
    let tags = if greedy {
        super::model::decode_greedy(scorer, &p.words)
    } else {
        super::model::decode(scorer, &p.words)
    };
    let mut spans = Vec::new();
    super::spans_from_bio(&tags, 0, &mut spans);
    spans.iter().map(|s| (p.tokens[s.first].start, p.tokens[s.last].end, s.kind)).collect()
}
