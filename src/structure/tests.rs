//! Structure examples on small made-up pages, and the invariants on any input.

use super::*;
use crate::analysis::Lang;
use proptest::prelude::*;

fn structure(text: &str) -> Structure {
    analyze(&Document::new(text, Lang::Fr))
}

/// The structure alone, without the shared tokenizer (which the large-input test leaves out).
fn structure_only(text: &str) -> Structure {
    analyze(&Document {
        text,
        lang: Lang::Fr,
        tokens: Vec::new(),
        sentences: Vec::new(),
        sentence_starts: Default::default(),
        folded: Default::default(),
        facts: Default::default(),
    })
}

/// (kind, line text) for every block.
fn roles(text: &str) -> Vec<(BlockKind, &str)> {
    structure(text).blocks.iter().map(|b| (b.kind, b.span.slice(text))).collect()
}

fn kind_of(text: &str, line: &str) -> BlockKind {
    roles(text).into_iter().find(|(_, t)| *t == line).unwrap_or_else(|| panic!("no block {line:?}")).0
}

const P1: &str = "Le gouvernement a présenté mardi un projet de loi sur la réforme des retraites, qui doit être examiné au Parlement le mois prochain.";
const P2: &str = "Selon le ministre, le texte prévoit un relèvement progressif de l’âge légal, assorti de mesures pour les carrières longues et les métiers pénibles.";
const P3: &str = "Les syndicats ont annoncé une journée de mobilisation le 12 mars et dénoncent une réforme « injuste et brutale », selon leur communiqué commun.";

fn check_invariants(text: &str) {
    check_structure(text, &structure(text));
}

fn check_structure(text: &str, s: &Structure) {
    let mut last_end = 0;
    for b in &s.blocks {
        assert!(b.span.start >= last_end && b.span.start < b.span.end && b.span.end <= text.len());
        assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
        let t = b.span.slice(text);
        assert_eq!(t, t.trim(), "blocks are trimmed");
        assert!(!t.contains('\n'), "one line per block");
        last_end = b.span.end;
    }
    // Every non-blank line is covered.
    let covered: usize = s.blocks.iter().map(|b| b.span.slice(text).split_whitespace().count()).sum();
    assert_eq!(covered, text.split_whitespace().count());
    for span in [s.metadata.headline, s.metadata.dateline].into_iter().flatten() {
        assert!(
            span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
        );
    }
    let _ = s.is_boilerplate(Span::new(0, text.len()));
    let _ = s.is_boilerplate(Span::new(text.len() / 2, text.len() / 2));
}

#[test]
fn odd_inputs_keep_the_invariants() {
    for text in [
        "",
        "\n\n\n",
        "   \t ",
        "a",
        "😀",
        "\r\n\r\nTitre\r\n",
        "«\u{202F}»",
        "<div class=\"x\">\n<p>Texte</p>\n</div>",
        "Par",
        "Source :",
        "date",
        "date 2025-06",
        "date 2025-06 X",
        "Lundi 32 Truc 99999",
        "© ©",
        "\u{200B}\n\u{FEFF}",
        "Par Jean\nPar Jean\nPar Jean",
        ":\n:\n:\n",
        "A lire : \nA lire :",
        "- - -\n* * *",
    ] {
        check_invariants(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_text_keeps_the_invariants(text in "(\\PC{0,40}\n{0,3}){0,12}") {
        check_invariants(&text);
    }

    #[test]
    fn any_lines_of_known_pieces_keep_the_invariants(
        pieces in prop::collection::vec(prop::sample::select(vec![
            P1, P2, "Menu", "Partager", "Par Jean Dupont", "Source : AFP", "Jeudi 29 Février 2024",
            "Nouveau commentaire :", "AUTRES INFOS", "Un titre court", "Marie Curie", "date 2025-06 Le texte suit ici avec assez de mots pour une phrase.",
            "", "<br>", "A lire : un lien",
        ]), 0..20)
    ) {
        check_invariants(&pieces.join("\n"));
    }
}

#[test]
fn a_share_banner_repeated_at_top_and_bottom_is_boilerplate() {
    let banner = "Rejoignez la communauté de nos lecteurs pour ne rien manquer";
    let text = format!(
        "{banner}\n\nRéforme des retraites : le projet de loi présenté\n\n{P1}\n{P2}\n{P3}\n{banner}\n"
    );
    let r = roles(&text);
    assert_eq!(r.iter().filter(|(k, t)| *t == banner && *k == BlockKind::Boilerplate).count(), 2, "{r:?}");
    assert_eq!(kind_of(&text, "Réforme des retraites : le projet de loi présenté"), BlockKind::Headline);
}

#[test]
fn sidebar_headlines_after_the_article_are_boilerplate() {
    let text = format!(
        "{P1}\n\n{P2}\n\n{P3}\n\nLe Real Madrid s’impose à Séville\n\nMercato : un attaquant quitte le club\n\nLa Coupe d’Afrique se jouera en hiver\n"
    );
    for line in [
        "Le Real Madrid s’impose à Séville",
        "Mercato : un attaquant quitte le club",
        "La Coupe d’Afrique se jouera en hiver",
    ] {
        assert_eq!(kind_of(&text, line), BlockKind::Boilerplate, "{line}");
    }
    for p in [P1, P2, P3] {
        assert_eq!(kind_of(&text, p), BlockKind::Body);
    }
}

#[test]
fn paragraphs_are_never_boilerplate() {
    // Paragraphs that open with navigation words or mention cookies and copyright.
    let a = "Partager le pouvoir n’a jamais été dans les habitudes de la junte, estiment plusieurs diplomates en poste à Bamako.";
    let b = "A lire les documents signés à Moscou, la coopération couvre aussi la formation des pilotes et la maintenance des appareils.";
    let c = "La société a été condamnée pour avoir déposé des cookies sans le consentement des utilisateurs, a indiqué la Cnil jeudi.";
    let text = format!("Menu\n{P1}\n{a}\n{b}\nDans la même rubrique\n{c}\n{P2}\n");
    for p in [a, b, c, P1, P2] {
        assert_eq!(kind_of(&text, p), BlockKind::Body, "{p}");
    }
    assert_eq!(kind_of(&text, "Menu"), BlockKind::Boilerplate);
}

#[test]
fn a_line_of_bars_inside_the_article_stays_body() {
    let scores = "Lyon 2-1 Nice | Lens 0-0 Lille | Brest 1-1 Reims";
    let text = format!("Accueil | Sport | Football\n{P1}\n{scores}\n{P2}\n{P3}\n");
    assert_eq!(kind_of(&text, scores), BlockKind::Body);
    assert_eq!(kind_of(&text, "Accueil | Sport | Football"), BlockKind::Boilerplate);
}

#[test]
fn subheadings_inside_the_article_stay_body() {
    let text = format!("{P1}\n\nUn calendrier serré\n\n{P2}\n\nLes syndicats mobilisés\n{P3}\n");
    assert_eq!(kind_of(&text, "Un calendrier serré"), BlockKind::Body);
    assert_eq!(kind_of(&text, "Les syndicats mobilisés"), BlockKind::Body);
}

#[test]
fn related_links_inside_the_article_are_boilerplate() {
    let text = format!("{P1}\nLire aussi\nRetraites : ce que prévoit le texte\nLes syndicats appellent à la grève\n{P2}\nUn calendrier serré\n{P3}\n");
    for line in ["Lire aussi", "Retraites : ce que prévoit le texte", "Les syndicats appellent à la grève"]
    {
        assert_eq!(kind_of(&text, line), BlockKind::Boilerplate, "{line}");
    }
    for line in [P1, P2, P3, "Un calendrier serré"] {
        assert_eq!(kind_of(&text, line), BlockKind::Body, "{line}");
    }
}

#[test]
fn comment_section_runs_to_the_end() {
    let text = format!(
        "{P1}\n{P2}\n{P3}\nCommentaires\nJean-Pierre, le 3 mars à 10h12\nJe ne suis pas du tout d’accord avec cette réforme, qui pénalise encore une fois les mêmes travailleurs.\n"
    );
    let r = roles(&text);
    assert!(r[3..].iter().all(|(k, _)| *k == BlockKind::Boilerplate), "{r:?}");
    assert!(r[..3].iter().all(|(k, _)| *k == BlockKind::Body), "{r:?}");
}

#[test]
fn bylines_datelines_and_sources() {
    let text = format!("Accueil\nPolitique\nRéforme des retraites : le projet de loi présenté\nPar Jean Dupont et Marie Curie\nPublié le 3 mars 2023 à 10h\n{P1}\n{P2}\n{P3}\nAvec l’agence\nSource : AFP\n");
    let s = structure(&text);
    assert_eq!(s.metadata.authors, ["Jean Dupont", "Marie Curie"]);
    assert_eq!(s.metadata.source.as_deref(), Some("AFP"));
    assert_eq!(s.metadata.dateline.map(|d| d.slice(&text)), Some("Publié le 3 mars 2023 à 10h"));
    assert_eq!(
        s.metadata.headline.map(|d| d.slice(&text)),
        Some("Réforme des retraites : le projet de loi présenté")
    );
    assert_eq!(kind_of(&text, "Accueil"), BlockKind::Boilerplate);
    assert_eq!(kind_of(&text, "Politique"), BlockKind::Boilerplate);
    assert_eq!(kind_of(&text, "Avec l’agence"), BlockKind::Body);
}

#[test]
fn a_name_in_a_sidebar_is_not_an_author() {
    let text = format!("{P1}\n{P2}\n{P3}\nPartager\nKarim Benzema\n");
    let s = structure(&text);
    assert!(s.metadata.authors.is_empty());
    assert_eq!(kind_of(&text, "Karim Benzema"), BlockKind::Boilerplate);
}

#[test]
fn scraped_date_header_is_cut_off_its_line() {
    let text = format!(" date 2025-06 {P1}\n{P2}\n");
    let s = structure(&text);
    assert_eq!(s.blocks[0].kind, BlockKind::Boilerplate);
    assert_eq!(s.blocks[0].span.slice(&text), "date 2025-06");
    assert_eq!(s.blocks[1].span.slice(&text), P1);
    assert_eq!(s.blocks[1].kind, BlockKind::Body);
    assert_eq!(s.metadata.dateline, Some(s.blocks[0].span));
    // A printed dateline before the text on the same line is a dateline, not boilerplate.
    let text = format!("Publié le 3 mars 2023 {P1}\n{P2}\n");
    let s = structure(&text);
    assert_eq!(
        (s.blocks[0].kind, s.blocks[0].span.slice(&text)),
        (BlockKind::Dateline, "Publié le 3 mars 2023")
    );
    // A sentence that opens with a date is not cut.
    let text = format!("Le 28 mai 2021 Assimi Goïta a pris la tête de la transition malienne après un second coup d’État.\n{P2}\n");
    assert_eq!(structure(&text).blocks.len(), 2);
}

#[test]
fn markup_lines_are_boilerplate() {
    let text = format!("<div class=\"header\">\n{P1}\n<script src=\"a.js\"></script>\n{P2}\n");
    assert_eq!(kind_of(&text, "<div class=\"header\">"), BlockKind::Boilerplate);
    assert_eq!(kind_of(&text, "<script src=\"a.js\"></script>"), BlockKind::Boilerplate);
}

#[test]
fn is_boilerplate_takes_the_majority() {
    let s = Structure {
        blocks: vec![
            Block { span: Span::new(0, 10), kind: BlockKind::Boilerplate },
            Block { span: Span::new(11, 30), kind: BlockKind::Body },
            Block { span: Span::new(31, 40), kind: BlockKind::Boilerplate },
        ],
        metadata: Metadata::default(),
    };
    assert!(s.is_boilerplate(Span::new(2, 5)));
    assert!(!s.is_boilerplate(Span::new(12, 20)));
    assert!(s.is_boilerplate(Span::new(5, 14))); // 5 of 9 bytes
    assert!(!s.is_boilerplate(Span::new(8, 20)));
    assert!(s.is_boilerplate(Span::new(3, 3)));
    assert!(!s.is_boilerplate(Span::new(10, 10))); // between blocks
    assert!(!s.is_boilerplate(Span::new(50, 60)));
    assert_eq!(s.kind_at(35), Some(BlockKind::Boilerplate));
    assert_eq!(s.kind_at(10), None);
}

#[test]
fn large_inputs_are_linear() {
    // The structure reads lines, not tokens: it is timed here without the shared tokenizer.
    let start = std::time::Instant::now();
    let one_line = "Le président a été reçu au Kremlin, ".repeat(140_000); // ~5 MB, no line break
    check_structure(&one_line, &structure_only(&one_line));
    for c in ["a", ".", "\n", " ", "é", "«", "-", "<", "\u{200B}"] {
        let text = c.repeat(1_000_000 / c.len());
        check_structure(&text, &structure_only(&text));
        let _ = crate::lang::detect(&text);
    }
    let many = "Partager\nUn titre\n\nA lire : x\n".repeat(25_000); // 100,000 short lines
    let s = structure_only(&many);
    assert_eq!(s.blocks.len(), 75_000);
    // Generous bound for a shared, unoptimised test build: quadratic behaviour would take minutes.
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

const E1: &str = "The government unveiled on Tuesday a bill to reform pensions, which Parliament is due to examine next month.";
const E2: &str = "According to the minister, the text raises the legal retirement age gradually, with measures for long careers and hard jobs.";
const E3: &str = "Unions announced a day of protest on March 12 and denounced an “unfair and brutal” reform in a joint statement.";

/// Pages as pasted from news sites: navigation above the title, never taken for it.
#[test]
fn the_headline_is_the_title_after_the_navigation() {
    let cases: Vec<(String, &str, Vec<&str>)> = vec![
        (
            format!("Accueil | International | Politique | Économie | Sports\n\nRéforme des retraites : le gouvernement présente son projet\n\nPar Claire Martin\nPublié le 6 novembre 2012 à 10h30\n{P1}\n{P2}\n{P3}\n© 2012 Le Journal. Tous droits réservés.\nMentions légales | Contact | Newsletter\n"),
            "Réforme des retraites : le gouvernement présente son projet",
            vec!["Accueil | International | Politique | Économie | Sports", "Mentions légales | Contact | Newsletter"],
        ),
        (
            format!("Nous utilisons des cookies pour améliorer votre expérience de navigation.\nAccepter Refuser\nAccueil > Monde > Afrique\nLe Mali et la Russie signent un accord sur l’énergie nucléaire\nPartager Tweeter Envoyer\nPar Awa Traoré\n{P1}\n{P2}\nLire aussi\nLes syndicats appellent à la grève\n{P3}\n"),
            "Le Mali et la Russie signent un accord sur l’énergie nucléaire",
            vec!["Accueil > Monde > Afrique", "Partager Tweeter Envoyer", "Les syndicats appellent à la grève"],
        ),
        (
            format!("Accueil International Politique Économie Sports Culture\nSociété · Justice · Éducation\nRetraites : les syndicats promettent une mobilisation massive\n{P1}\n{P2}\n{P3}\n"),
            "Retraites : les syndicats promettent une mobilisation massive",
            vec!["Accueil International Politique Économie Sports Culture", "Société · Justice · Éducation"],
        ),
        (
            format!("Home | News | Sport | Business | Culture\nHome > World > Europe\nFrance unveils a pension reform despite union anger\nShare Tweet Email\nBy Jane Doe\nPublished March 3, 2023 at 10:45 a.m. ET\n{E1}\n{E2}\n{E3}\nRead more\nUnions plan a national strike\n"),
            "France unveils a pension reform despite union anger",
            vec!["Home | News | Sport | Business | Culture", "Home > World > Europe", "Share Tweet Email"],
        ),
        (
            // A title-case headline after a row of section names.
            format!("World Politics Business Technology Science Health\nFrance Unveils Pension Reform\nBy Jane Doe\n{E1}\n{E2}\n{E3}\n"),
            "France Unveils Pension Reform",
            vec!["World Politics Business Technology Science Health"],
        ),
        (
            // The title alone on top, title case: still the headline.
            format!("France Unveils Pension Reform Plan\nBy Jane Doe\n{E1}\n{E2}\n{E3}\n"),
            "France Unveils Pension Reform Plan",
            vec![],
        ),
        (
            // A byline and a dateline cut by bars are metadata, not a menu.
            format!("Accueil / Politique / Retraites\nRéforme des retraites : le projet de loi présenté\nPar Jean Dupont | 3 mars 2023 | 10h30\n{P1}\n{P2}\n{P3}\n"),
            "Réforme des retraites : le projet de loi présenté",
            vec!["Accueil / Politique / Retraites"],
        ),
        (
            // One menu entry a line, a skip link, a button row with no separator.
            format!("Skip to content\nHome\nNews\nSport\nBusiness\nCulture\nFrance unveils a pension reform despite union anger\n2 hours ago\nShare Save\n{E1}\n{E2}\n{E3}\n"),
            "France unveils a pension reform despite union anger",
            vec!["Skip to content", "Home", "Culture", "Share Save"],
        ),
        (
            format!("S’abonner Se connecter\nAccueil » Politique » Social\nSocial\nRetraites : le projet de loi présenté en conseil des ministres\nLe texte doit être examiné au Parlement le mois prochain.\nPar Jean Dupont\nPublié le 14 mai 2025 à 08h12 - Mis à jour le 14 mai 2025 à 10h30\n{P1}\n{P2}\n{P3}\n"),
            "Retraites : le projet de loi présenté en conseil des ministres",
            vec!["S’abonner Se connecter", "Accueil » Politique » Social", "Social"],
        ),
    ];
    for (text, headline, boilerplate) in &cases {
        let s = structure(text);
        assert_eq!(s.metadata.headline.map(|h| h.slice(text)), Some(*headline), "{text}");
        assert_eq!(kind_of(text, headline), BlockKind::Headline);
        for line in boilerplate {
            assert_eq!(kind_of(text, line), BlockKind::Boilerplate, "{line}");
        }
        for line in text.lines().filter(|l| l.starts_with("Par ") || l.starts_with("By ")) {
            assert_eq!(kind_of(text, line), BlockKind::Byline, "{line}");
        }
        for p in [P1, P2, P3, E1, E2, E3].into_iter().filter(|p| text.contains(p)) {
            assert_eq!(kind_of(text, p), BlockKind::Body, "{p}");
        }
    }
}
