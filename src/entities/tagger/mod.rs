//! The statistical sequence tagger: proposes typed name spans over the document's tokens.
//!
//! An averaged perceptron over hashed features ([`features`]): word, affixes, shapes,
//! capitalisation, position in sentence and line, neighbours ±2, the two previous tags,
//! gazetteer marks and word classes ([`clusters`]), decoded by second-order Viterbi under BIO
//! constraints ([`model`]). One quantised weights file
//! per language, `data/model/ner-{fr,en}.bin`, compiled in and read in place on first use
//! (provenance and scores in `data/model/README.md`; `src/bin/train.rs` makes them).

pub mod clusters;
#[cfg(feature = "train")]
pub mod corpus;
pub mod features;
pub mod model;
#[cfg(feature = "train")]
pub mod perceptron;

use crate::analysis::{EntityType, Lang};
use crate::document::Document;
use crate::progress::Reporter;
use crate::text::fold;
use features::Word;
use crate::text::Token;
use model::{Decoder, Model, SentenceTokens};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

/// A name the tagger proposes: tokens `first..=last` of `Document::tokens`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaggedSpan {
    pub first: usize,
    pub last: usize,
    pub kind: EntityType,
    /// 0.0 to 1.0, the model's confidence in the span and its type.
    pub confidence: f32,
}

static FR_BYTES: &[u8] = include_bytes!("../../../data/model/ner-fr.bin");
static EN_BYTES: &[u8] = include_bytes!("../../../data/model/ner-en.bin");

/// The compiled-in model for `lang` (French for `Other`), checked once.
pub fn model_for(lang: Lang) -> Option<&'static Model<'static>> {
    static FR: OnceLock<Option<Model<'static>>> = OnceLock::new();
    static EN: OnceLock<Option<Model<'static>>> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| Model::parse(EN_BYTES)).as_ref(),
        Lang::Fr | Lang::Other => FR.get_or_init(|| Model::parse(FR_BYTES)).as_ref(),
    }
}

/// Sentences longer than this are tagged in windows (greedy decoding is linear anyway; this
/// only bounds the scratch memory).
const MAX_SENTENCE: usize = 400;

/// Tags every sentence of `doc` with the model of `doc.lang`, sorted and non-overlapping.
#[cfg(any(test, feature = "internals"))]
pub fn tag_document(doc: &Document) -> Vec<TaggedSpan> {
    tag_document_reporting(doc, &mut Reporter::silent())
}

/// [`tag_document`], reporting the position of each sentence to `progress`.
pub fn tag_document_reporting(doc: &Document, progress: &mut Reporter) -> Vec<TaggedSpan> {
    let Some(model) = model_for(doc.lang) else { return Vec::new() };
    let mut out = Vec::new();
    // The word cache of the last document tagged with this model on this thread: words repeat
    // from one short document to the next (a batch, a page analysing article after article).
    thread_local! {
        static CACHES: std::cell::RefCell<Vec<(usize, model::WordCache)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let key = model as *const Model as usize;
    let cache = CACHES.with(|c| {
        let mut c = c.borrow_mut();
        c.iter().position(|(k, _)| *k == key).map(|at| c.swap_remove(at).1).unwrap_or_default()
    });
    let mut decoder = Decoder::with_cache(model, cache);
    decoder.reserve(doc.sentences.iter().map(|s| s.len().min(MAX_SENTENCE)).max().unwrap_or(0));
    for sentence in &doc.sentences {
        if let Some(first) = doc.tokens.get(sentence.start) {
            progress.at(first.start);
        }
        let mut start = sentence.start;
        while start < sentence.end {
            let end = (start + MAX_SENTENCE).min(sentence.end);
            let tokens = DocTokens { doc, range: start..end, cut_folds: OnceCell::new() };
            let tags = decoder.decode(&tokens);
            spans_from_bio(tags, start, &mut out);
            start = end;
        }
    }
    let cache = decoder.into_cache();
    CACHES.with(|c| c.borrow_mut().push((key, cache)));
    out
}

/// Tokens `range` of a document as the decoder reads them: a token's [`Word`] is built only
/// when the word cache does not know the token's text.
struct DocTokens<'d> {
    doc: &'d Document<'d>,
    range: Range<usize>,
    /// The [`features::gazetteer_folds`] of the tokens longer than the 24 chars the features
    /// read, by token index (the others are the document's folded tokens), made on the first
    /// fold asked of a token of more than 24 bytes (most sentences have none).
    cut_folds: OnceCell<Vec<(usize, String)>>,
}

impl DocTokens<'_> {
    fn cut_folds(&self) -> Vec<(usize, String)> {
        let mut cut_folds = Vec::new();
        for i in self.range.clone() {
            let t = &self.doc.tokens[i];
            if t.end - t.start > 24 {
                let w = Word::new(self.doc.text, t);
                if w.text.len() < t.end - t.start {
                    cut_folds.push((i, fold(&w.text)));
                }
            }
        }
        cut_folds
    }

    fn token(&self, i: usize) -> &Token {
        &self.doc.tokens[self.range.start + i]
    }
}

impl SentenceTokens for DocTokens<'_> {
    fn len(&self) -> usize {
        self.range.len()
    }
    fn key(&self, i: usize) -> Option<&str> {
        Some(self.token(i).text(self.doc.text))
    }
    fn short_key(&self, i: usize) -> Option<u128> {
        let t = self.token(i);
        let len = t.end - t.start;
        if len > model::SHORT_KEY {
            return None;
        }
        // A 16-byte window and a mask, rather than a copy byte by byte (the text's last bytes
        // have no whole window).
        match self.doc.text.as_bytes().get(t.start..t.start + 16).and_then(|w| <[u8; 16]>::try_from(w).ok()) {
            Some(window) => Some(model::short_key_in(window, len)),
            None => model::short_key(self.key(i)?.as_bytes()),
        }
    }
    fn word(&self, i: usize) -> Cow<'_, Word> {
        Cow::Owned(Word::new(self.doc.text, self.token(i)))
    }
    fn fold(&self, i: usize) -> &str {
        let at = self.range.start + i;
        let t = self.token(i);
        if t.end - t.start > 24 {
            if let Some((_, f)) = self.cut_folds.get_or_init(|| self.cut_folds()).iter().find(|(k, _)| *k == at) {
                return f;
            }
        }
        self.doc.folded().get(at)
    }
    fn space_before(&self, i: usize) -> bool {
        self.token(i).space_before
    }
    fn newline_before(&self, i: usize) -> bool {
        self.token(i).newlines_before > 0
    }
}

/// Turns decoded `(tag, probability)` pairs into spans offset by `base`; confidence is the mean
/// token probability.
pub fn spans_from_bio(tags: &[(usize, f32)], base: usize, out: &mut Vec<TaggedSpan>) {
    let mut i = 0;
    while i < tags.len() {
        let (tag, p) = tags[i];
        if tag == 0 {
            i += 1;
            continue;
        }
        let kind = match tag.div_ceil(2) {
            1 => EntityType::PER,
            2 => EntityType::ORG,
            _ => EntityType::LOC,
        };
        let inside = tag + (tag % 2); // B-X → I-X, I-X stays
        let mut j = i + 1;
        let mut sum = p;
        while j < tags.len() && tags[j].0 == inside {
            sum += tags[j].1;
            j += 1;
        }
        out.push(TaggedSpan {
            first: base + i,
            last: base + j - 1,
            kind,
            confidence: (sum / (j - i) as f32).clamp(0.0, 1.0),
        });
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(text: &str, lang: Lang) -> Vec<(String, EntityType)> {
        let doc = Document::new(text, lang);
        tag_document(&doc)
            .into_iter()
            .map(|s| (doc.slice(doc.token_span(s.first, s.last)).to_string(), s.kind))
            .collect()
    }

    #[test]
    fn models_load() {
        assert!(model_for(Lang::Fr).is_some());
        assert!(model_for(Lang::En).is_some());
    }

    #[test]
    fn spans_from_tags() {
        let mut out = Vec::new();
        spans_from_bio(&[(1, 1.0), (2, 0.5), (0, 1.0), (5, 1.0), (3, 1.0), (4, 1.0)], 10, &mut out);
        let got: Vec<_> = out.iter().map(|s| (s.first, s.last, s.kind, s.confidence)).collect();
        assert_eq!(
            got,
            [(10, 11, EntityType::PER, 0.75), (13, 13, EntityType::LOC, 1.0), (14, 15, EntityType::ORG, 1.0)]
        );
    }

    #[test]
    fn tags_real_french_sentences() {
        let got = tagged(
            "Le président Emmanuel Macron a reçu lundi à l’Élysée le chancelier allemand Olaf Scholz. \
             La réunion s’est tenue à Paris, en présence de représentants de l’Organisation des Nations unies.",
            Lang::Fr,
        );
        assert!(got.contains(&("Emmanuel Macron".into(), EntityType::PER)), "{got:?}");
        assert!(got.contains(&("Olaf Scholz".into(), EntityType::PER)), "{got:?}");
        assert!(got.contains(&("Paris".into(), EntityType::LOC)), "{got:?}");
    }

    #[test]
    fn tags_real_english_sentences() {
        let got =
            tagged("President Joe Biden met Prime Minister Rishi Sunak in London on Tuesday.", Lang::En);
        assert!(got.contains(&("Joe Biden".into(), EntityType::PER)), "{got:?}");
        assert!(got.contains(&("London".into(), EntityType::LOC)), "{got:?}");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in
            ["", " ", "\u{0}", "«\u{202F}»", "🎉🎉 Ééé-ÉÉ’’ 12.3", &"A ".repeat(2000), &"x".repeat(5000)]
        {
            let doc = Document::new(text, Lang::Fr);
            let spans = tag_document(&doc);
            for w in spans.windows(2) {
                assert!(w[0].last < w[1].first);
            }
            for s in &spans {
                assert!(s.first <= s.last && s.last < doc.tokens.len());
                assert!((0.0..=1.0).contains(&s.confidence));
            }
        }
    }
}
