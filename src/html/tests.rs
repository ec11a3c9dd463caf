use super::*;
use crate::calendar::CivilDate;

const PAGE: &str = r##"<!DOCTYPE html><html lang="fr"><head><title>Le titre | Le Site</title>
<meta property="og:title" content="Le titre de l’article">
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-06-24T09:00:00+02:00",
 "author":{"@type":"Person","name":"Jeanne Dupont"},"publisher":{"name":"Le Site"}}</script></head>
<body><nav class="menu"><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<div class="cookie-banner">Nous utilisons des cookies. <button>Accepter</button></div>
<main><article class="article"><h1>Le titre de l&rsquo;article</h1>
<p class="byline">Par <a rel="author" href="/jd">Jeanne Dupont</a></p>
<div class="article__content">
<p>Le président a été reçu lundi 23 juin au Kremlin, a-t-on appris de source diplomatique, après une longue négociation.</p>
<p>« Nous sommes satisfaits », a déclaré le ministre, qui ajoute que les discussions se poursuivront à Paris, à Berlin et à Rome.</p>
<div class="share"><a href="#">Tweeter</a> <a href="#">Envoyer</a></div>
<h2>Une suite attendue</h2>
<p>Les deux délégations doivent se retrouver en juillet, selon un communiqué publié mardi soir par la présidence, à Moscou.</p>
<figure><img src="x.jpg"><figcaption>Le président, lundi. Photo AFP</figcaption></figure>
</div></article>
<aside class="related"><h3>Lire aussi</h3><ul><li><a href="/a">Un autre article sur un autre sujet, avec Marie Curie</a></li></ul></aside>
</main><footer>© Le Site 2025. Tous droits réservés.</footer></body></html>"##;

fn lines_of(page: &Page, kind: BlockKind) -> Vec<&str> {
    page.blocks.iter().filter(|b| b.kind == kind).map(|b| b.span.slice(&page.text)).collect()
}

#[test]
fn article_first_then_boilerplate_and_metadata() {
    let page = extract(PAGE);
    assert_eq!(lines_of(&page, BlockKind::Headline), vec!["Le titre de l’article"]);
    assert_eq!(lines_of(&page, BlockKind::Byline), vec!["Par Jeanne Dupont"]);
    let body = lines_of(&page, BlockKind::Body);
    assert_eq!(body.len(), 4, "{body:?}");
    assert!(body[0].starts_with("Le président a été reçu"));
    assert_eq!(body[2], "Une suite attendue");
    let boilerplate = lines_of(&page, BlockKind::Boilerplate);
    for expected in
        ["Tweeter Envoyer", "Accueil Monde", "Lire aussi", "© Le Site 2025. Tous droits réservés."]
    {
        assert!(boilerplate.contains(&expected), "{expected:?} in {boilerplate:?}");
    }
    assert!(!page.text.contains("not text") && !page.text.contains("color"));
    // The headline once, first; the article before any boilerplate.
    assert_eq!(page.text.matches("Le titre de l’article").count(), 1);
    let last_body = page.blocks.iter().rposition(|b| b.kind == BlockKind::Body).unwrap();
    let menu = page.blocks.iter().position(|b| b.span.slice(&page.text) == "Accueil Monde").unwrap();
    assert!(last_body < menu);
    assert_eq!(page.headline.map(|s| s.slice(&page.text)), Some("Le titre de l’article"));
    let meta = &page.metadata;
    assert_eq!(meta.published, CivilDate::new(2025, 6, 24));
    assert_eq!(meta.authors, vec!["Jeanne Dupont".to_string()]);
    assert_eq!(meta.publisher.as_deref(), Some("Le Site"));
    assert_eq!(meta.lang.as_deref(), Some("fr"));
}

#[test]
fn blocks_cover_the_lines_of_the_text_in_order() {
    let page = extract(PAGE);
    let mut at = 0;
    for b in &page.blocks {
        assert!(b.span.start >= at && b.span.end <= page.text.len());
        let line = b.span.slice(&page.text);
        assert!(!line.is_empty() && !line.contains('\n') && line.trim() == line);
        at = b.span.end;
    }
    let joined: Vec<&str> = page.blocks.iter().map(|b| b.span.slice(&page.text)).collect();
    assert_eq!(joined.join("\n\n"), page.text);
}

#[test]
fn pages_without_an_article_and_odd_input() {
    let page = extract("juste du texte, sans balises");
    assert_eq!(page.text, "juste du texte, sans balises");
    assert_eq!(page.blocks[0].kind, BlockKind::Body);
    for odd in
        ["", "<", "</", "<<<>>>", "<p", "&", "<!--", "<script>", "<a href='", "\u{0}\u{1}<p>\u{FFFD}</p>"]
    {
        let page = extract(odd);
        assert!(page
            .blocks
            .iter()
            .all(|b| page.text.is_char_boundary(b.span.start) && b.span.end <= page.text.len()));
    }
}

#[test]
fn metadata_title_stands_in_when_the_page_has_no_h1() {
    let page = extract("<title>Un titre assez long | Site</title><p>Un paragraphe de texte suffisamment long pour compter, avec des virgules, et encore.</p>");
    assert_eq!(lines_of(&page, BlockKind::Headline), vec!["Un titre assez long"]);
}
