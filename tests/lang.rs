//! Language identification on the sample articles, an English article and paragraphs in other
//! languages (all test texts under tests/data are the project's own writing).

mod common;
use common::*;
use manchette::lang::detect;
use manchette::Lang;

#[test]
fn every_sample_article_is_french() {
    for article in gold_articles() {
        let (lang, confidence) = detect(&article.text);
        assert_eq!(lang, Lang::Fr, "{}", article.name);
        assert!(confidence > 0.9, "{}: confidence {confidence}", article.name);
    }
}

#[test]
fn the_english_article_is_english() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/en_article.txt")).unwrap();
    let (lang, confidence) = detect(&text);
    assert_eq!(lang, Lang::En);
    assert!(confidence > 0.9, "confidence {confidence}");
}

#[test]
fn other_languages_are_other() {
    let spanish = "El Gobierno de Malí anunció el martes la firma de un nuevo acuerdo de cooperación con Rusia. \
        Según el ministro de Defensa, el texto prevé la entrega de aviones y la formación de pilotos, \
        pero no precisa su coste ni los plazos. La oposición pidió que el acuerdo se debata en el Parlamento.";
    let german =
        "Die Regierung von Mali hat am Dienstag ein neues Abkommen über die Zusammenarbeit mit Russland \
        unterzeichnet. Nach Angaben des Verteidigungsministers sieht der Text die Lieferung von Flugzeugen \
        und die Ausbildung von Piloten vor, nennt aber weder Kosten noch Fristen.";
    let spanish_with_menu = format!("Inicio\nNoticias\n{spanish}");
    for text in [spanish, german, spanish_with_menu.as_str()] {
        assert_eq!(detect(text).0, Lang::Other, "{text}");
    }
}

#[test]
fn english_menus_around_a_french_article_do_not_tip_it() {
    let article = &gold_articles()[2].text;
    let page = format!(
        "Home\nNews\nWorld\nSign in\nSubscribe to our newsletter\nShare this on Facebook\n{article}\nRead more\nRelated stories\nAll rights reserved\nPrivacy policy and terms of use\n"
    );
    assert_eq!(detect(&page).0, Lang::Fr);
    // A short French text among English menu lines.
    let short = "Home\nNews\nSign in\nShare\nLe président malien a été reçu lundi au Kremlin.\nRead more";
    assert_eq!(detect(short).0, Lang::Fr);
}
