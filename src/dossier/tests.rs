use super::*;
use crate::analysis::{EntityType, Options};
use crate::CivilDate;

fn options(y: i32, m: u8, d: u8) -> Options {
    Options { reference_date: CivilDate::new(y, m, d), lang: Some(crate::Lang::Fr) }
}

fn referent<'a>(merged: &'a Merged, name: &str) -> &'a Referent {
    merged.referents.iter().find(|r| r.canonical == name).unwrap_or_else(|| {
        panic!("no referent {name}: {:?}", merged.referents.iter().map(|r| &r.canonical).collect::<Vec<_>>())
    })
}

#[test]
fn names_differing_in_case_and_accents_are_one_referent() {
    let mut dossier = Dossier::new();
    dossier.add("a", "Le président Assimi Goïta a reçu le ministre à Bamako.", &options(2025, 6, 23));
    dossier.add("b", "Le colonel Assimi GOÏTA est rentré à Bamako mardi.", &options(2025, 6, 24));
    let merged = dossier.merge();
    let goita = referent(&merged, "Assimi Goïta");
    assert_eq!(goita.kind, EntityType::PER);
    assert_eq!(goita.articles.iter().map(|a| a.article).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(goita.aliases, ["Assimi GOÏTA"]);
    let bamako = referent(&merged, "Bamako");
    assert_eq!(bamako.articles.len(), 2);
    // Every entity of every article points at a referent that lists it.
    for (a, per_entity) in merged.referent_of.iter().enumerate() {
        for (e, &r) in per_entity.iter().enumerate() {
            assert!(merged.referents[r]
                .articles
                .iter()
                .any(|ra| ra.article == a && ra.entities.contains(&e)));
        }
    }
}

#[test]
fn a_surname_alone_joins_the_only_full_name_that_ends_with_it() {
    let mut dossier = Dossier::new();
    dossier.add("a", "Le président russe Vladimir Poutine a parlé à Moscou.", &options(2025, 6, 23));
    dossier.add("b", "Hier, le président Poutine a répondu aux journalistes.", &options(2025, 6, 24));
    let merged = dossier.merge();
    let putin = referent(&merged, "Vladimir Poutine");
    assert_eq!(putin.articles.len(), 2, "{:?}", merged.referents);
}

#[test]
fn a_surname_shared_by_two_people_joins_neither() {
    let mut dossier = Dossier::new();
    dossier.add("a", "Marine Le Pen et Jean-Marie Le Pen étaient à Paris.", &options(2025, 6, 23));
    dossier.add(
        "b",
        "Pierre Martin et Paul Martin ont parlé. Martin a ensuite quitté Lyon.",
        &options(2025, 6, 24),
    );
    let merged = dossier.merge();
    let martins: Vec<&Referent> =
        merged.referents.iter().filter(|r| r.canonical.ends_with("Martin")).collect();
    for r in &martins {
        if r.canonical.contains(' ') {
            assert_eq!(r.articles[0].entities.len(), 1, "{r:?}");
        }
    }
}

#[test]
fn namesakes_of_different_types_stay_apart() {
    let mut dossier = Dossier::new();
    dossier.add("a", "Le groupe Wagner a quitté le Mali, a annoncé le ministère.", &options(2025, 6, 23));
    dossier.add(
        "b",
        "Le compositeur Richard Wagner est né à Leipzig. Wagner a écrit des opéras.",
        &options(2025, 6, 24),
    );
    let merged = dossier.merge();
    let wagners: Vec<&Referent> = merged
        .referents
        .iter()
        .filter(|r| r.canonical.contains("Wagner") || r.aliases.iter().any(|a| a.contains("Wagner")))
        .collect();
    for r in &wagners {
        let kinds: Vec<EntityType> = r
            .articles
            .iter()
            .flat_map(|ra| {
                ra.entities.iter().map(|&e| dossier.articles()[ra.article].analysis.entities[e].kind)
            })
            .collect();
        assert!(kinds.iter().all(|&k| k == r.kind), "{r:?}");
    }
}

#[test]
fn each_article_resolves_dates_against_its_own_publication_date() {
    let mut dossier = Dossier::new();
    dossier.add("old", "Le ministre est arrivé mercredi à Bamako.", &options(2024, 2, 29));
    dossier.add("new", "Le ministre est arrivé mercredi à Bamako.", &options(2025, 6, 27));
    let merged = dossier.merge();
    let values: Vec<(usize, String)> = merged.timeline.iter().map(|t| (t.article, t.value.iso())).collect();
    assert_eq!(values, [(0, "2024-02-28".to_string()), (1, "2025-06-25".to_string())]);
    // A corrected date re-resolves that article alone.
    let mut corrected = dossier.clone();
    assert!(corrected.reanalyze("old", &options(2024, 3, 8)));
    assert!(!corrected.reanalyze("missing", &options(2024, 3, 8)));
    let values: Vec<String> = corrected.merge().timeline.iter().map(|t| t.value.iso()).collect();
    assert_eq!(values, ["2024-03-06", "2025-06-25"]);
    let first = &merged.timeline[0];
    let article = &dossier.articles()[0];
    assert_eq!(
        first.sentence.map(|s| s.slice(&article.text)),
        Some("Le ministre est arrivé mercredi à Bamako.")
    );
    assert_eq!(
        first.referents.iter().map(|&r| merged.referents[r].canonical.as_str()).collect::<Vec<_>>(),
        ["Bamako"]
    );
}

#[test]
fn the_timeline_puts_a_year_before_its_months_and_a_month_before_its_days() {
    let mut dossier = Dossier::new();
    dossier.add(
        "a",
        "Le 3 mars 2024, le sommet. En mars 2024, la crise. En 2024, la guerre.",
        &options(2024, 6, 1),
    );
    let merged = dossier.merge();
    let values: Vec<String> = merged.timeline.iter().map(|t| t.value.iso()).collect();
    assert_eq!(values, ["2024", "2024-03", "2024-03-03"]);
}

#[test]
fn quotes_are_grouped_by_speaker_across_articles() {
    let mut dossier = Dossier::new();
    dossier.add(
        "a",
        "« Nous allons gagner cette guerre », a déclaré Vladimir Poutine.",
        &options(2025, 6, 23),
    );
    dossier.add(
        "b",
        "« La Russie restera aux côtés du Mali », a affirmé Vladimir Poutine.",
        &options(2025, 6, 24),
    );
    let merged = dossier.merge();
    let group = merged.speakers.iter().find(|s| s.speaker == "Vladimir Poutine").expect("Poutine speaks");
    assert_eq!(group.quotes, [(0, 0), (1, 0)]);
    assert_eq!(group.referent.map(|r| merged.referents[r].canonical.as_str()), Some("Vladimir Poutine"));
}

#[test]
fn ids_stay_unique_and_articles_can_be_removed() {
    let mut dossier = Dossier::new();
    assert_eq!(dossier.add("x", "Paris.", &Options::default()), "x");
    assert_eq!(dossier.add("x", "Lyon.", &Options::default()), "x-2");
    assert_eq!(dossier.add("", "Nice.", &Options::default()), "article");
    assert!(dossier.remove("x"));
    assert!(!dossier.remove("x"));
    assert_eq!(dossier.articles().iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["x-2", "article"]);
    assert_eq!(dossier.merge().referent_of.len(), 2);
}

#[test]
fn an_empty_dossier_and_empty_articles_merge_to_nothing() {
    assert_eq!(Dossier::new().merge(), Merged::default());
    let mut dossier = Dossier::new();
    dossier.add("empty", "", &Options::default());
    dossier.add("junk", "\u{0}\u{feff} « »", &Options::default());
    let merged = dossier.merge();
    assert!(merged.referents.is_empty() && merged.timeline.is_empty());
}

#[test]
fn report_offsets_index_each_article_in_the_callers_unit() {
    let mut dossier = Dossier::new();
    dossier.add("emoji", "🎉 Le 3 mars 2024, Emmanuel Macron était à Marseille.", &options(2024, 6, 1));
    let merged = dossier.merge();
    for unit in [crate::text::OffsetUnit::CodePoint, crate::text::OffsetUnit::Utf16] {
        let report = DossierReport::new(&dossier, &merged, unit);
        let text = &dossier.articles()[0].text;
        let sliced = |s: usize, e: usize| -> String {
            match unit {
                crate::text::OffsetUnit::Utf16 => {
                    let units: Vec<u16> = text.encode_utf16().collect();
                    String::from_utf16(&units[s..e]).unwrap()
                }
                _ => text.chars().skip(s).take(e - s).collect(),
            }
        };
        let date = &report.timeline[0];
        assert_eq!(sliced(date.start, date.end), date.text);
        for r in &report.referents {
            for m in &r.mentions {
                assert_eq!(sliced(m.start, m.end), m.text);
            }
        }
        assert_eq!(report.articles[0].id, "emoji");
    }
}
