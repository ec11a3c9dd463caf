//! A dossier: many articles on one story, each analysed on its own (its own language and
//! publication date), then merged into one index — the same person, organisation or place
//! across articles as one referent, quotes grouped by speaker, and one timeline of dates.
//!
//! Adding an article analyses that article only; the merge ([`Dossier::merge`]) reads the
//! stored analyses and is linear in their mentions, so it is cheap to redo after each change.
//!
//! ```
//! use manchette::dossier::Dossier;
//! use manchette::Options;
//!
//! let mut dossier = Dossier::new();
//! dossier.add("a", "Lundi 3 mars 2025. - Le président Assimi Goïta a reçu le ministre.", &Options::default());
//! dossier.add("b", "Le colonel Assimi GOÏTA était à Bamako le 4 mars 2025.", &Options::default());
//! let merged = dossier.merge();
//! let goita = merged.referents.iter().find(|r| r.canonical == "Assimi Goïta").unwrap();
//! assert_eq!(goita.articles.len(), 2);
//! ```
//!
//! A saved web page is added as a page ([`Dossier::add_html`], [`Dossier::add_page`]): it keeps the
//! page's blocks, so that names, quotes and dates of its menus and teasers are flagged
//! `boilerplate` in the merge, as in the page's own result, and its metadata's publication date.

mod merge;
mod report;

pub use merge::{Merged, Referent, ReferentArticle, SpeakerQuotes, TimelineItem};
pub use report::{
    ArticleCount, ArticleOut, DatePrecision, DossierReport, MentionOut, QuoteRef, ReferentOut, SpeakerOut,
    TimelineOut,
};

use crate::analysis::{Analysis, Options};
use crate::html::Page;
use crate::text::{split_sentences, tokenize, Span};
use crate::Error;

/// One article of a dossier: its text, its analysis and its sentences (for the timeline).
#[derive(Clone, Debug)]
pub struct Article {
    /// Unique within the dossier (the CLI uses the file name without extension).
    pub id: String,
    /// Where it came from (a file name), for the reader.
    pub file: Option<String>,
    /// The article's text, which every span of its analysis indexes.
    pub text: String,
    /// Its analysis.
    pub analysis: Analysis,
    /// Byte spans of the sentences, in order, covering every token.
    pub sentences: Vec<Span>,
    /// The saved web page it was read from (its `text` is the article's), so that analysing it
    /// again keeps the page's blocks and metadata.
    pub page: Option<Box<Page>>,
}

impl Article {
    /// Wraps an analysis made elsewhere (a worker, a batch) of `text`.
    pub fn new(id: impl Into<String>, text: impl Into<String>, analysis: Analysis) -> Article {
        let text = text.into();
        let tokens = tokenize(&text);
        let sentences = split_sentences(&text, &tokens)
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(|r| Span::new(tokens[r.start].start, tokens[r.end - 1].end))
            .collect();
        Article { id: id.into(), file: None, text, analysis, sentences, page: None }
    }

    /// Wraps the analysis of a saved web page ([`crate::analyze_page`] of `page`).
    pub fn of_page(id: impl Into<String>, page: Page, analysis: Analysis) -> Article {
        let mut article = Article::new(id, page.text.clone(), analysis);
        article.page = Some(Box::new(page));
        article
    }

    /// Analyses the article's text with `options`, as a page when it was read from one.
    fn analyze(&self, options: &Options) -> Analysis {
        match &self.page {
            Some(page) => crate::analyze_page(page, options),
            None => crate::analyze(&self.text, options),
        }
    }

    /// The sentence that holds byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).copied().filter(|s| s.start <= at)
    }
}

/// Articles in the order they were added.
#[derive(Clone, Debug, Default)]
pub struct Dossier {
    articles: Vec<Article>,
}

impl Dossier {
    /// An empty dossier.
    pub fn new() -> Dossier {
        Dossier::default()
    }

    /// Analyses `text` with `options` (each article its own publication date and language)
    /// and adds it. An `id` already in the dossier gets a suffix ("-2", "-3", …); the id used
    /// is returned.
    pub fn add(&mut self, id: &str, text: &str, options: &Options) -> String {
        let analysis = crate::analyze(text, options);
        self.push(Article::new(id, text, analysis))
    }

    /// Reads a saved web page (`html`) as an article ([`crate::analyze_html`]) and adds it, with
    /// the same id rule as [`Dossier::add`]: its page's boilerplate lines stay marked, and its
    /// metadata's publication date is the reference date unless `options` gives one. Refuses
    /// input over [`crate::MAX_INPUT_BYTES`] and input that is not text.
    ///
    /// ```
    /// use manchette::dossier::Dossier;
    /// use manchette::Options;
    ///
    /// let html = r#"<html lang="fr"><meta property="article:published_time" content="2025-06-24">
    ///   <nav><ul><li><a href="/a">Emmanuel Macron en visite</a></li><li><a href="/b">Économie</a></li></ul></nav>
    ///   <article><h1>Accord conclu à Bamako</h1><p>Le président Assimi Goïta a été reçu lundi au
    ///   palais, a-t-on appris à Bamako, après des semaines de discussions avec ses voisins.</p></article>"#;
    /// let mut dossier = Dossier::new();
    /// assert_eq!(dossier.add_html("page", html, &Options::default()).unwrap(), "page");
    /// assert_eq!(dossier.articles()[0].analysis.reference_date.date.unwrap().to_string(), "2025-06-24");
    /// let merged = dossier.merge();
    /// let name = |n: &str| merged.referents.iter().find(|r| r.canonical == n).unwrap();
    /// assert!(!name("Assimi Goïta").boilerplate);
    /// assert!(name("Emmanuel Macron").boilerplate); // named in the page's menu only
    /// assert!(dossier.add_html("pdf", "%PDF-1.7", &Options::default()).is_err());
    /// ```
    pub fn add_html(&mut self, id: &str, html: &str, options: &Options) -> Result<String, Error> {
        let (page, analysis) = crate::analyze_html(html, options)?;
        Ok(self.push(Article::of_page(id, page, analysis)))
    }

    /// Analyses a page already read ([`crate::html::extract`]) and adds it, as
    /// [`Dossier::add_html`].
    pub fn add_page(&mut self, id: &str, page: Page, options: &Options) -> String {
        let analysis = crate::analyze_page(&page, options);
        self.push(Article::of_page(id, page, analysis))
    }

    /// Adds an article analysed elsewhere, with the same id rule as [`Dossier::add`].
    pub fn push(&mut self, mut article: Article) -> String {
        article.id = self.free_id(&article.id);
        let id = article.id.clone();
        self.articles.push(article);
        id
    }

    /// Analyses the article `id` again with `options` (a publication date the reader corrected;
    /// a page's own date when it gives none); false when there is no such article. The other articles are not touched.
    pub fn reanalyze(&mut self, id: &str, options: &Options) -> bool {
        let Some(article) = self.article_mut(id) else { return false };
        article.analysis = article.analyze(options);
        true
    }

    /// Removes the article `id`; false when there is none.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.articles.len();
        self.articles.retain(|a| a.id != id);
        self.articles.len() != before
    }

    /// The articles, in the order they were added.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The article `id`, to change its file name or replace its analysis.
    pub fn article_mut(&mut self, id: &str) -> Option<&mut Article> {
        self.articles.iter_mut().find(|a| a.id == id)
    }

    /// How many articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// No article yet.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The merged view: referents across articles, quotes by speaker, the timeline.
    pub fn merge(&self) -> Merged {
        merge::merge(&self.articles)
    }

    fn free_id(&self, wanted: &str) -> String {
        let wanted = if wanted.is_empty() { "article" } else { wanted };
        let taken = |id: &str| self.articles.iter().any(|a| a.id == id);
        if !taken(wanted) {
            return wanted.to_string();
        }
        (2..).map(|n| format!("{wanted}-{n}")).find(|id| !taken(id)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
