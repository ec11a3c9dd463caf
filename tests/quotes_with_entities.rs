//! Quote attribution when the entity extractor does its job: the gold entities of the sample
//! articles are handed to `quotes::extract` as mentions, and every gold quote must get a speaker
//! naming the same entity (or none when the gold has none).

mod common;
use common::*;
use manchette::analysis::{Entity, EntityType, Lang, Mention};
use manchette::document::Document;
use manchette::text::{fold, Span};
use std::collections::HashMap;

fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

#[test]
fn gold_entities_give_every_gold_speaker() {
    let (mut total, mut right) = (0, 0);
    for article in gold_articles() {
        let text = &article.text;
        let at = byte_offsets(text);
        let mut entities: Vec<Entity> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut mentions: Vec<Mention> = Vec::new();
        let mut gold_ents = article.items("entities");
        gold_ents.sort_by_key(|e| e["start"].as_u64());
        for e in gold_ents {
            let kind = match e["type"].as_str() {
                Some("PER") => EntityType::PER,
                Some("ORG") => EntityType::ORG,
                Some("LOC") => EntityType::LOC,
                _ => EntityType::MISC,
            };
            let canonical = e["canonical"].as_str().unwrap_or_default().to_string();
            let ei = *index.entry(canonical.clone()).or_insert_with(|| {
                entities.push(Entity { canonical, kind, roles: vec![], mentions: vec![] });
                entities.len() - 1
            });
            let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            entities[ei].mentions.push(mentions.len());
            mentions.push(Mention { span: Span::new(at[s], at[t]), kind, entity: ei, boilerplate: false });
        }
        let doc = Document::new(text, Lang::Fr);
        let structure = manchette::structure::analyze(&doc);
        let quotes = manchette::quotes::extract(&doc, &structure, &entities, &mentions);
        for g in article.items("quotes") {
            total += 1;
            let (s, t) = (at[g["start"].as_u64().unwrap() as usize], at[g["end"].as_u64().unwrap() as usize]);
            let want = g["speaker"].as_str().map(fold);
            let got = quotes
                .iter()
                .find(|q| q.span.start < t && s < q.span.end)
                .and_then(|q| q.speaker.as_deref().map(fold));
            let ok = match (&want, &got) {
                (None, None) => true,
                (Some(w), Some(p)) => w.contains(p.as_str()) || p.contains(w.as_str()),
                _ => false,
            };
            if ok {
                right += 1;
            } else {
                eprintln!(
                    "{}: {:?} -> want {want:?}, got {got:?}",
                    article.name,
                    text.get(s..t).unwrap_or("").chars().take(60).collect::<String>()
                );
            }
        }
    }
    eprintln!("attribution with gold entities: {right}/{total}");
    assert!(right * 100 >= total * 93, "{right}/{total}");
}

/// The report gives each quote its cue, resolution and confidence, with the cue's offsets in
/// the report's unit (code points here, after an emoji and a `’`), slicing back to the verb.
#[test]
fn report_quotes_carry_cue_resolution_and_confidence() {
    use manchette::analysis::{Options, Resolution};
    use manchette::report::Report;
    use manchette::text::OffsetUnit;
    let text = "🎉 L’élue Claire Vasseur a quitté la salle. « C’est une honte », a déclaré Claire Vasseur.";
    let analysis = manchette::analyze(text, &Options::default());
    let report = Report::new(text, &analysis, OffsetUnit::CodePoint);
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let q = report.quotes.first().expect("one quote");
    assert_eq!(q.speaker.as_deref(), Some("Claire Vasseur"));
    assert_eq!(q.resolution, Resolution::Named);
    assert!(q.confidence >= 0.8);
    let (s, e) = (q.cue_start.expect("a cue"), q.cue_end.expect("a cue"));
    assert_eq!(slice(s, e), "a déclaré");
}
