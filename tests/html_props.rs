//! Properties of reading HTML, over any input: no panic, lines that cover the text in order,
//! spans on character boundaries that slice back to their text.
#![cfg(not(target_arch = "wasm32"))] // native: proptest

use manchette::analysis::BlockKind;
use manchette::html::extract;
use manchette::report::Report;
use manchette::text::OffsetUnit;
use manchette::{analyze_page, Options};
use proptest::prelude::*;

/// Markup-heavy strings: tags, attributes, entities, comments, scripts and text, in any order
/// and unbalanced.
fn html_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"article-content\">".to_string()),
        Just("<div class='share'>".to_string()),
        Just("</div>".to_string()),
        Just("<h1>".to_string()),
        Just("</h2>".to_string()),
        Just("<br>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<a href=\"x\">".to_string()),
        Just("&amp;&eacute;&#x1F600;&#99999999;&".to_string()),
        Just("<meta property=\"article:published_time\" content=\"2025-06-24\">".to_string()),
        Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":".to_string()),
        Just("Le président a déclaré « oui », lundi 23 juin, à Paris. ".to_string()),
        "[a-zA-Z<>/=\"' &;#\u{e9}\u{1F600}\u{0}\n]{0,12}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check(html: &str) {
    let page = extract(html);
    let mut at = 0;
    for b in &page.blocks {
        assert!(at <= b.span.start && b.span.start < b.span.end && b.span.end <= page.text.len());
        assert!(page.text.is_char_boundary(b.span.start) && page.text.is_char_boundary(b.span.end));
        let line = b.span.slice(&page.text);
        assert!(!line.contains('\n') && line.trim() == line);
        at = b.span.end;
    }
    assert!(page.blocks.iter().filter(|b| b.kind == BlockKind::Headline).count() <= 1);
    let analysis = analyze_page(&page, &Options::default());
    let report = Report::of_page(&page, &analysis, OffsetUnit::Byte);
    for e in &report.entities {
        assert_eq!(&page.text[e.start..e.end], e.text);
    }
    for d in &report.dates {
        assert_eq!(&page.text[d.start..d.end], d.text);
    }
    for q in &report.quotes {
        assert_eq!(&page.text[q.start..q.end], q.text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_markup_reads_without_panic(html in html_like()) {
        check(&html);
    }

    #[test]
    fn any_string_reads_without_panic(s in "\\PC{0,200}") {
        check(&s);
    }
}

#[test]
fn large_and_deep_inputs_stay_linear() {
    let deep = "<div><span>".repeat(50_000) + "texte" + &"</span></div>".repeat(50_000);
    let wide =
        "<p>Un paragraphe, avec du texte, et des virgules.</p><ul><li><a href=x>lien</a>".repeat(20_000);
    let unclosed = "<a href=\"".to_string() + &"x".repeat(1 << 20);
    let stray = "</div></p></span>".repeat(100_000);
    let headings = "<h1><div class=author><a rel=author>".repeat(100_000);
    for html in [deep, wide, unclosed, stray, headings] {
        let start = std::time::Instant::now();
        check(&html);
        assert!(start.elapsed().as_secs() < 20, "{} bytes took {:?}", html.len(), start.elapsed());
    }
}
