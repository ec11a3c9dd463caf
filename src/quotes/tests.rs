//! End-to-end tables: text in, (quote, speaker) out, one table per pattern family.

use super::*;
use crate::analysis::{EntityType, Lang};

/// A quote's text and its speaker's canonical name.
type Attributed = (String, Option<String>);

fn run(text: &str, entities: &[Entity], mentions: &[Mention]) -> Vec<Attributed> {
    run_in(Lang::Fr, text, entities, mentions)
}

fn run_in(lang: Lang, text: &str, entities: &[Entity], mentions: &[Mention]) -> Vec<Attributed> {
    let doc = Document::new(text, lang);
    let structure = crate::structure::analyze(&doc);
    extract(&doc, &structure, entities, mentions)
        .into_iter()
        .map(|q| (q.span.slice(text).to_string(), q.speaker))
        .collect()
}

fn quotes(text: &str) -> Vec<Attributed> {
    run(text, &[], &[])
}

/// A table row: text, then the expected (quote, speaker) pairs.
type Row<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);

fn check(table: &[Row]) {
    check_in(Lang::Fr, table);
}

fn check_in(lang: Lang, table: &[Row]) {
    for (text, want) in table {
        let want: Vec<Attributed> =
            want.iter().map(|(q, s)| (q.to_string(), s.map(str::to_string))).collect();
        assert_eq!(run_in(lang, text, &[], &[]), want, "{text}");
    }
}

#[test]
fn french_incises_after_the_quote() {
    check(&[
        ("« Nous viendrons », a déclaré Abdoulaye Diop.", &[("Nous viendrons", Some("Abdoulaye Diop"))]),
        ("Le général Sadio Camara est arrivé. « Merci pour votre hospitalité », lui a répondu le général Sadio Camara.", &[("Merci pour votre hospitalité", Some("Sadio Camara"))]),
        ("Abdoulaye Diop est arrivé lundi. « Nous viendrons demain », a-t-il affirmé.", &[("Nous viendrons demain", Some("Abdoulaye Diop"))]),
        ("Marie Dupont est venue. « Nous viendrons demain », dit-elle.", &[("Nous viendrons demain", Some("Marie Dupont"))]),
        ("« Le Mali est au cœur de l’agenda », résumait Abdoulaye Diop avant la rencontre.", &[("Le Mali est au cœur de l’agenda", Some("Abdoulaye Diop"))]),
        ("Jean Martin a parlé. « C’est inacceptable », s’indigne-t-il.", &[("C’est inacceptable", Some("Jean Martin"))]),
    ]);
}

#[test]
fn french_introductions_and_sources() {
    check(&[
        ("Le général Assimi Goïta déclarait : « Je suis convaincu que cette visite sera utile ».", &[("Je suis convaincu que cette visite sera utile", Some("Assimi Goïta"))]),
        ("Selon Abdoulaye Diop, « la coopération a été redynamisée ».", &[("la coopération a été redynamisée", Some("Abdoulaye Diop"))]),
        ("Pour Marie Dupont, « rien n’est joué ».", &[("rien n’est joué", Some("Marie Dupont"))]),
        ("« Rien n’est joué », d’après Marie Dupont.", &[("Rien n’est joué", Some("Marie Dupont"))]),
        ("Une « visite d’amitié et de travail » qui vise à promouvoir « une coopération avantageuse », comme l’écrit le ministère malien des Affaires étrangères.", &[
            ("visite d’amitié et de travail", Some("ministère malien des Affaires étrangères")),
            ("une coopération avantageuse", Some("ministère malien des Affaires étrangères")),
        ]),
        ("Abdoulaye Diop a été clair :\n« Nous ne reculerons pas. »", &[("Nous ne reculerons pas.", Some("Abdoulaye Diop"))]),
    ]);
}

#[test]
fn english_attributions() {
    check(&[
        ("“We will not back down,” said John Smith.", &[("We will not back down,", Some("John Smith"))]),
        (
            "“We will not back down,” John Smith said on Monday.",
            &[("We will not back down,", Some("John Smith"))],
        ),
        (
            "Jane Doe arrived. “We will not back down,” she added.",
            &[("We will not back down,", Some("Jane Doe"))],
        ),
        (
            "Jane Doe told reporters: “Nothing is settled yet.”",
            &[("Nothing is settled yet.", Some("Jane Doe"))],
        ),
        ("According to John Smith, “the talks failed”.", &[("the talks failed", Some("John Smith"))]),
        ("\"We will win,\" said John Smith.", &[("We will win,", Some("John Smith"))]),
    ]);
}

#[test]
fn roles_resolve_through_the_article() {
    check(&[
        // "ROLE, NAME" then the role alone.
        ("Ils ont été reçus par le chef de la diplomatie russe, Sergueï Lavrov. « Nous sommes prêts à aider », a déclaré le chef de la diplomatie russe.", &[("Nous sommes prêts à aider", Some("Sergueï Lavrov"))]),
        // "NAME, ROLE".
        ("Ils se sont entretenus avec Sergueï Lavrov, le chef de la diplomatie russe. « Nous sommes prêts », a lancé le chef de la diplomatie russe.", &[("Nous sommes prêts", Some("Sergueï Lavrov"))]),
        // A role with another nationality skips the alias; the article's Malian leader is meant.
        ("Le chef de la junte malienne, le général Assimi Goïta, a été reçu par le président russe Vladimir Poutine. « Je suis convaincu que cette visite sera utile », a déclaré le président de la transition malienne.", &[("Je suis convaincu que cette visite sera utile", Some("Assimi Goïta"))]),
        // "le chef du Kremlin": a Russian, the last speaker.
        ("Le chef de la junte malienne, le général Assimi Goïta, a vu Vladimir Poutine, saluant les « bonnes perspectives » du partenariat. « C’est un grand plaisir », a lancé le chef du Kremlin.", &[
            ("bonnes perspectives", Some("Vladimir Poutine")),
            ("C’est un grand plaisir", Some("Vladimir Poutine")),
        ]),
        // Organisations speak as themselves.
        ("« Les discussions ont été utiles », a indiqué le ministère russe des Affaires étrangères dans un communiqué.", &[("Les discussions ont été utiles", Some("ministère russe des Affaires étrangères"))]),
        // A role the article names no one for: no speaker (the words stay in speaker_span).
        ("« Les discussions ont été utiles », a indiqué le porte-parole du gouvernement.", &[("Les discussions ont été utiles", None)]),
    ]);
}

#[test]
fn family_and_trade_roles_name_their_speaker() {
    check(&[
        ("« Un juge dit enfin le contraire », a réagi sa fille, Sylvie Roux-Delmas, à la sortie.", &[("Un juge dit enfin le contraire", Some("Sylvie Roux-Delmas"))]),
        ("« Nous ne pouvons pas regarder nos hôpitaux se vider », a justifié son président, Marc Delteil.", &[("Nous ne pouvons pas regarder nos hôpitaux se vider", Some("Marc Delteil"))]),
        ("Le médecin Bernard Chassagne était seul cette nuit-là. « J’ai fait ce que j’ai pu », a plaidé le médecin à la barre.", &[("J’ai fait ce que j’ai pu", Some("Bernard Chassagne"))]),
    ]);
}

#[test]
fn continuations_and_unattributed_quotes() {
    check(&[
        ("« Les discussions ont été utiles », a indiqué le ministère russe des Affaires étrangères.\nLes deux pays veulent aller plus loin.\n« La rencontre a confirmé l’intention de Moscou et de Bamako d’approfondir le dialogue ».", &[
            ("Les discussions ont été utiles", Some("ministère russe des Affaires étrangères")),
            ("La rencontre a confirmé l’intention de Moscou et de Bamako d’approfondir le dialogue", Some("ministère russe des Affaires étrangères")),
        ]),
        ("Renforcement de la coopération militaire Mali-Russie: ‘‘désormais la guerre sera totale, implacable et sans concession’’\nLe président est rentré.", &[("désormais la guerre sera totale, implacable et sans concession", None)]),
        ("« Personne ne sait ce qui va se passer maintenant dans le pays. »", &[("Personne ne sait ce qui va se passer maintenant dans le pays.", None)]),
        // Plural speakers stay unresolved.
        ("« Nous refusons de partir », ont-ils déclaré.", &[("Nous refusons de partir", None)]),
    ]);
}

#[test]
fn incise_splits_a_quote_with_one_speaker() {
    check(&[(
        "Marie Dupont est venue. « Nous viendrons, dit-elle, mais pas demain. »",
        &[("Nous viendrons", Some("Marie Dupont")), ("mais pas demain.", Some("Marie Dupont"))],
    )]);
}

#[test]
fn quotes_over_several_paragraphs_share_a_speaker() {
    check(&[(
        "Abdoulaye Diop a déclaré : « Nous sommes venus pour travailler.\n« Nous repartirons avec des accords. »\nFin.",
        &[
            ("Nous sommes venus pour travailler.", Some("Abdoulaye Diop")),
            ("Nous repartirons avec des accords.", Some("Abdoulaye Diop")),
        ],
    )]);
}

#[test]
fn scare_quotes_are_dropped() {
    check(&[
        ("Sadio Camara – qui est considéré comme « l’homme de Moscou » à Bamako – est venu.", &[]),
        ("La présence du groupe de sécurité russe « Wagner « au Mali est le symbole de l’axe.", &[]),
    ]);
}

#[test]
fn speakers_resolve_to_given_entities() {
    let text = "Le chef de la diplomatie russe, Sergueï Lavrov, a reçu M. Diop. « Nous sommes prêts », a déclaré Lavrov. « Nous aussi », a répondu le ministre malien.";
    let span = |s: &str| {
        let start = text.find(s).unwrap();
        crate::text::Span::new(start, start + s.len())
    };
    let lavrov_pos = text.rfind("Lavrov.").unwrap();
    let mentions = vec![
        Mention { span: span("Sergueï Lavrov"), kind: EntityType::PER, entity: 0, boilerplate: false },
        Mention { span: span("Diop"), kind: EntityType::PER, entity: 1, boilerplate: false },
        Mention {
            span: crate::text::Span::new(lavrov_pos, lavrov_pos + "Lavrov".len()),
            kind: EntityType::PER,
            entity: 0,
            boilerplate: false,
        },
    ];
    let entities = vec![
        Entity {
            canonical: "Sergueï Lavrov".into(),
            kind: EntityType::PER,
            roles: vec!["chef de la diplomatie russe".into()],
            mentions: vec![0, 2],
        },
        Entity {
            canonical: "Abdoulaye Diop".into(),
            kind: EntityType::PER,
            roles: vec!["ministre malien des Affaires étrangères".into()],
            mentions: vec![1],
        },
    ];
    let doc = Document::new(text, Lang::Fr);
    let structure = crate::structure::analyze(&doc);
    let got = extract(&doc, &structure, &entities, &mentions);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].speaker.as_deref(), Some("Sergueï Lavrov"));
    assert_eq!(got[0].speaker_entity, Some(0));
    assert_eq!(got[0].speaker_span.map(|s| s.slice(text)), Some("Lavrov"));
    assert_eq!(got[1].speaker.as_deref(), Some("Abdoulaye Diop"));
    assert_eq!(got[1].speaker_entity, Some(1));
    assert_eq!(got[1].speaker_span.map(|s| s.slice(text)), Some("ministre malien"));
}

#[test]
fn spans_are_on_char_boundaries_and_sorted() {
    let text = "«\u{202F}Oui 🎉\u{202F}», a dit l’élu. “Non,” he said. « a « b » c » d « e";
    let doc = Document::new(text, Lang::Fr);
    let structure = crate::structure::analyze(&doc);
    let got = extract(&doc, &structure, &[], &[]);
    assert_eq!(got[0].span.slice(text), "Oui 🎉");
    for w in got.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for q in &got {
        assert!(text.get(q.span.start..q.span.end).is_some());
    }
}

#[test]
fn never_panics_on_odd_input() {
    let inputs = [
        "«".repeat(100_000),
        "»".repeat(50_000),
        "« « « « a » » » »".repeat(5_000),
        "“".repeat(30_000) + &"”".repeat(30_000),
        "\"".repeat(100_001),
        "‘‘’’".repeat(10_000),
        "« a », a-t-il dit-elle, selon lui, «".repeat(3_000),
        "« x\n".repeat(5_000),
        String::new(),
        "a-t-".into(),
        "« , a ».".into(),
    ];
    for text in &inputs {
        let _ = quotes(text);
    }
}

#[test]
fn long_input_stays_fast() {
    // Many names, roles, pronouns and short quotes in one sentence-less line.
    let unit =
        "le ministre Jean Dupont{i} a dit « oui » puis il a ajouté « non merci », selon le porte-parole ";
    let text: String = (0..3_000).map(|i| unit.replace("{i}", &format!("X{i}"))).collect();
    let start = std::time::Instant::now();
    let got = quotes(&text);
    assert!(!got.is_empty());
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_text_gives_valid_spans(text in "[«»“”„\"‘’' a-zA-Zé,.:\\-\n\u{202F}]{0,200}") {
            let doc = Document::new(&text, Lang::Fr);
            let structure = crate::structure::analyze(&doc);
            for q in extract(&doc, &structure, &[], &[]) {
                prop_assert!(q.span.start < q.span.end);
                prop_assert!(text.get(q.span.start..q.span.end).is_some());
                if let Some(s) = q.speaker_span {
                    prop_assert!(text.get(s.start..s.end).is_some());
                }
            }
        }
    }
}

/// Quotes and speakers with the real entity extractor in front, as `analyze` runs them.
fn analysed(text: &str, lang: Lang) -> Vec<Attributed> {
    let a = crate::analyze(text, &crate::Options { reference_date: None, lang: Some(lang) });
    a.quotes.into_iter().map(|q| (q.span.slice(text).to_string(), q.speaker)).collect()
}

fn pairs(v: &[(&str, Option<&str>)]) -> Vec<Attributed> {
    v.iter().map(|(q, s)| (q.to_string(), s.map(str::to_string))).collect()
}

#[test]
fn british_single_quotes_are_speech() {
    let text = "Councillor Hannah Whitlock said: 'The station has been leaking since the day it opened.'";
    assert_eq!(
        analysed(text, Lang::En),
        pairs(&[("The station has been leaking since the day it opened.", Some("Hannah Whitlock"))])
    );
}

#[test]
fn a_subject_before_a_relative_clause_speaks() {
    let text = "The International Monetary Fund, whose board meets later this month, said in a statement that the government had made \"significant progress\" on revenue.";
    assert_eq!(
        analysed(text, Lang::En),
        pairs(&[("significant progress", Some("International Monetary Fund"))])
    );
}

#[test]
fn she_is_not_the_person_the_quote_names() {
    let text = "Supporters' trust chair Priya Raman spoke after the game. “Dean Whitmore is one of our own and he gave us the best day in our history,” she told the paper.";
    assert_eq!(analysed(text, Lang::En)[0].1.as_deref(), Some("Priya Raman"));
}

#[test]
fn an_incise_closed_by_a_full_stop_splits_the_quote() {
    let text = "Le président Bassirou Diomaye Faye a plaidé pour la patience. « Le dialogue n’est pas rompu, a-t-il insisté. J’étais à Bamako il y a deux semaines. »";
    let got = analysed(text, Lang::Fr);
    assert_eq!(
        got,
        pairs(&[
            ("Le dialogue n’est pas rompu", Some("Bassirou Diomaye Faye")),
            ("J’étais à Bamako il y a deux semaines.", Some("Bassirou Diomaye Faye"))
        ])
    );
}

#[test]
fn an_unnamed_source_gives_no_speaker() {
    let text = "Le ministre Yusuf Tuggar a parlé. « Personne ne sera reconduit à la frontière », a-t-il assuré. Selon un diplomate ivoirien présent dans la salle, « certains chefs d’État voulaient des sanctions immédiates ».";
    let got = analysed(text, Lang::Fr);
    assert_eq!(got[1], ("certains chefs d’État voulaient des sanctions immédiates".to_string(), None));
}

#[test]
fn la_ministre_is_the_woman_minister() {
    let text = "La ministre de l’Agriculture, Claire Vasseur, a défendu le texte. Le Premier ministre, Bertrand Delorme, a assuré que tout allait bien. Dans un entretien, la ministre a détaillé le calendrier : « Les décrets seront publiés avant l’été. »";
    assert_eq!(analysed(text, Lang::Fr).last().and_then(|q| q.1.clone()).as_deref(), Some("Claire Vasseur"));
}

#[test]
fn fait_valoir_attributes_and_a_headline_quote_borrows_its_speaker() {
    let text = "Son avocate, Me Nadia Berrada, a plaidé. « Mon client n’était pas seul. On juge celui qui est resté », a-t-elle fait valoir.";
    assert_eq!(analysed(text, Lang::Fr)[0].1.as_deref(), Some("Nadia Berrada"));
    let text = "Maternité : « On nous prend pour des pions »\n\nLa déléguée syndicale Laetitia Vandamme était là. « On nous prend pour des pions. On l’a appris par la presse », s’indigne Laetitia Vandamme.";
    let got = analysed(text, Lang::Fr);
    assert_eq!(got[0], ("On nous prend pour des pions".to_string(), Some("Laetitia Vandamme".to_string())));
}

#[test]
fn a_named_subject_before_a_colon_speaks_but_a_headline_does_not() {
    let text = "Sandrine Puech, 54 ans, opératrice au tri, compte les semaines : « Si ça ferme, je ne sais pas ce qu’on fera ici. »";
    assert_eq!(analysed(text, Lang::Fr)[0].1.as_deref(), Some("Sandrine Puech"));
    let text = "Renforcement de la coopération Mali-Russie : « désormais la guerre sera totale, implacable et sans concession »\n\nLe texte suit.";
    assert_eq!(analysed(text, Lang::Fr)[0].1, None);
}

#[test]
fn a_hyphenated_term_in_marks_is_no_quote() {
    let text = "Le régime a qualifié la décision de « non-événement » dans un communiqué.";
    assert!(analysed(text, Lang::Fr).is_empty());
}

/// One row per attribution frame, French news shapes (sentences written for these tests).
#[test]
fn frames_french() {
    check(&[
        // Inverted speaker after an adverbial, with a name in apposition.
        ("« Le dossier est clos », rappelle d’emblée le président de la cour d’appel, Jean Martin.", &[("Le dossier est clos", Some("Jean Martin"))]),
        // A role pointing back to the person introduced with it.
        ("La présidente du tribunal, Anne Roux, a ouvert l’audience. « Nous reprenons les débats », indique la présidente.", &[("Nous reprenons les débats", Some("Anne Roux"))]),
        // An inverted clitic pronoun.
        ("Claire Vasseur a quitté la salle. « C’est une honte », déplore-t-elle.", &[("C’est une honte", Some("Claire Vasseur"))]),
        // "selon lui" before the quote.
        ("Paul Roux conteste la décision. Selon lui, « rien ne justifie ce choix ».", &[("rien ne justifie ce choix", Some("Paul Roux"))]),
        // A run of quotes in one paragraph.
        ("« Nous ferons appel », a annoncé Karim Benali. « Le combat continue. »", &[("Nous ferons appel", Some("Karim Benali")), ("Le combat continue.", Some("Karim Benali"))]),
        // Verb and colon before the quote.
        ("Sophie Leclerc a déclaré : « Le budget sera tenu. »", &[("Le budget sera tenu.", Some("Sophie Leclerc"))]),
        // "X estime que « … »".
        ("Marc Dubois estime que « la réforme va trop loin ».", &[("la réforme va trop loin", Some("Marc Dubois"))]),
        // A gerund takes the sentence's subject, not the nearest name.
        ("Le maire, Luc Girard, a répondu à Paul Roux en affirmant que « la ville en a besoin ».", &[("la ville en a besoin", Some("Luc Girard"))]),
        // A relative "qui" takes its antecedent.
        ("Il a croisé Henri Blanc, le doyen du conseil, qui lui a lancé : « Vous n’avez rien compris ».", &[("Vous n’avez rien compris", Some("Henri Blanc"))]),
        // … even when the antecedent follows a preposition.
        ("Il a eu un échange vif avec Henri Blanc, le doyen du conseil, qui lui a répliqué : « Vous n’avez rien compris ».", &[("Vous n’avez rien compris", Some("Henri Blanc"))]),
        // "Pour X, NAME :" with the name in apposition and a colon.
        ("Pour la présidente de l’association, Marie Lenoir : « Rien n’est réglé pour nous. »", &[("Rien n’est réglé pour nous.", Some("Marie Lenoir"))]),
        // A participle opening the sentence: the subject follows the quote.
        ("Marc Dubois siégeait au conseil. Jugeant que « ce projet ruine la commune », il vota contre.", &[("ce projet ruine la commune", Some("Marc Dubois"))]),
        // A party in brackets is not the speaker.
        ("Julie Moreau (PS) a dénoncé « une faute politique très grave ».", &[("une faute politique très grave", Some("Julie Moreau"))]),
        // A role the article gave through a possessive.
        ("Karim Benali était défendu par son avocate Léa Fournier. « Mon client regrette », a plaidé l’avocate.", &[("Mon client regrette", Some("Léa Fournier"))]),
        // An unnamed group speaks for no one.
        ("« Nous avons tout perdu », ont raconté de nombreux habitants.", &[("Nous avons tout perdu", None)]),
        // A quote opening a sentence continues the subject of the sentence before it.
        ("Marc Dubois a demandé la parole. « Ce texte est dangereux. »", &[("Ce texte est dangereux.", Some("Marc Dubois"))]),
    ]);
}

/// One row per attribution frame, English news shapes (sentences written for these tests).
#[test]
fn frames_english() {
    let table: &[Row] = &[
        (
            "“We are ready for the final,” said Tom Baker, the club’s manager.",
            &[("We are ready for the final,", Some("Tom Baker"))],
        ),
        (
            "Tom Baker spoke on Monday. “We are ready for the final,” he said.",
            &[("We are ready for the final,", Some("Tom Baker"))],
        ),
        ("“The deal is done,” according to Mary Stone.", &[("The deal is done,", Some("Mary Stone"))]),
        ("Mary Stone told reporters: “The deal is done.”", &[("The deal is done.", Some("Mary Stone"))]),
        (
            "Mary Stone said that “the deal is done and signed”.",
            &[("the deal is done and signed", Some("Mary Stone"))],
        ),
        ("“The deal is done,” Mary Stone told the BBC.", &[("The deal is done,", Some("Mary Stone"))]),
    ];
    check_in(Lang::En, table);
    // A role of an organisation ("the council leader") is a person's role, not the body.
    let text = "Council leader Sarah Whitfield defended the plan before the Department for Transport. \
                “We looked at every option,” the council leader said.";
    check_in(Lang::En, &[(text, &[("We looked at every option,", Some("Sarah Whitfield"))])]);
}

#[test]
fn quotes_carry_cue_resolution_and_confidence() {
    let text = "Claire Vasseur a quitté la salle. « C’est une honte », déplore-t-elle.\n\n« Nous partons. »";
    let doc = Document::new(text, Lang::Fr);
    let structure = crate::structure::analyze(&doc);
    let got = extract(&doc, &structure, &[], &[]);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].resolution, Resolution::Pronoun);
    assert_eq!(got[0].cue.map(|c| c.slice(text)), Some("déplore"));
    assert_eq!(got[1].resolution, Resolution::Continuation);
    assert!(got[1].confidence <= got[0].confidence && got[0].confidence > 0.0 && got[0].confidence < 0.8);
    let none = extract(&Document::new("« Rien. Jamais. »", Lang::Fr), &structure, &[], &[]);
    assert!(none.iter().all(|q| q.resolution == Resolution::None && q.confidence == 0.0));
}

/// A government named by its nationality speaks as the country the article names; a city used
/// as a place stays no speaker.
#[test]
fn countries_speak_for_their_government() {
    let text =
        "La Grèce a voté à Athènes. « Nous tiendrons nos engagements », a assuré le gouvernement grec.";
    let span = |s: &str| {
        let start = text.find(s).unwrap();
        crate::text::Span::new(start, start + s.len())
    };
    let mentions = vec![
        Mention { span: span("Grèce"), kind: EntityType::LOC, entity: 0, boilerplate: false },
        Mention { span: span("Athènes"), kind: EntityType::LOC, entity: 1, boilerplate: false },
    ];
    let place = |name: &str, m: usize| Entity {
        canonical: name.into(),
        kind: EntityType::LOC,
        roles: vec![],
        mentions: vec![m],
    };
    let entities = vec![place("Grèce", 0), place("Athènes", 1)];
    let got = run(text, &entities, &mentions);
    assert_eq!(got, vec![("Nous tiendrons nos engagements".to_string(), Some("Grèce".to_string()))]);
}

#[test]
fn pronouns_may_stand_for_the_articles_topic() {
    check(&[
        // An obituary: "il" is its subject, though another man was named as a subject since.
        ("Disparition de Thierry Roland\n\nLe commentateur Thierry Roland est mort samedi. Son complice, Jean-Michel Larqué, a salué sa mémoire. Il a commenté mille matchs. Il aimait la télévision. Un jour, il avait lâché : « Vous êtes un salaud ! »", &[("Vous êtes un salaud !", Some("Thierry Roland"))]),
        // Not when someone else was just named: "il" is the new subject.
        ("Disparition de Thierry Roland\n\nLe commentateur Thierry Roland est mort samedi. Il a commenté mille matchs. Son complice Jean-Michel Larqué était là. Très ému, il confie : « Je perds un ami ».", &[("Je perds un ami", Some("Jean-Michel Larqué"))]),
    ]);
}

#[test]
fn groups_and_unnamed_sources_get_no_speaker() {
    check(&[
        ("Le maire Paul Roux a parlé. « Tout va bien », a-t-il dit. De nombreux habitants, témoins de la scène, ont déclaré : « Nous avons eu très peur ».", &[("Tout va bien", Some("Paul Roux")), ("Nous avons eu très peur", None)]),
        ("Le maire Paul Roux a parlé : « Tout va bien ». Un ancien guide touristique a indiqué : « Ils sont venus avec des pioches ».", &[("Tout va bien", Some("Paul Roux")), ("Ils sont venus avec des pioches", None)]),
    ]);
}

/// Each frame's example in data/quotes/{fr,en}/frames.txt gives its speaker.
#[test]
fn every_frame_example_gives_its_speaker() {
    for (lang, text) in [(Lang::Fr, frames::FRAMES_FR), (Lang::En, frames::FRAMES_EN)] {
        for line in text.lines() {
            let Some(f) = frames::parse_frame(line).unwrap() else { continue };
            // The whole analysis, so that the speaker resolves through the article's entities.
            let options = crate::analysis::Options { reference_date: None, lang: Some(lang) };
            let got = crate::analyze(&f.example, &options);
            let speakers: Vec<Option<String>> = got.quotes.iter().map(|q| q.speaker.clone()).collect();
            assert!(!speakers.is_empty(), "{lang:?} {:?}: no quote in {}", f.frame, f.example);
            assert!(
                speakers.iter().all(|s| *s == f.speaker),
                "{lang:?} {:?}: {speakers:?} in {}",
                f.frame,
                f.example
            );
        }
    }
}

#[test]
fn an_organisation_is_named_again_by_the_noun_the_article_gave_it() {
    // Made-up sentences in the shape of press reports: the daily named once with its noun, then
    // another organisation named in between, then the noun alone.
    let text = "Le quotidien français Le Monde affirme que la chaîne France 3 a diffusé le reportage. « Les images ont été vérifiées par nos équipes », indique le quotidien.";
    assert_eq!(
        analysed(text, Lang::Fr),
        pairs(&[("Les images ont été vérifiées par nos équipes", Some("Le Monde"))])
    );
    let text = "Selon la fédération des assureurs, Assuralia, les dégâts restent limités. Assuralia a rappelé sur la RTBF que les contrats couvrent les inondations. « Il ne faut pas s'inquiéter », a répondu la porte-parole de la fédération.";
    assert_eq!(
        analysed(text, Lang::Fr),
        pairs(&[("Il ne faut pas s'inquiéter", Some("Assuralia"))])
    );
}
