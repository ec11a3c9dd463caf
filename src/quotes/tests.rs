//! End-to-end tables: text in, (quote, speaker) out.

use super::*;
use crate::analysis::{EntityType, Lang};

fn run(text: &str, entities: &[Entity], mentions: &[Mention]) -> Vec<(String, Option<String>)> {
    let doc = Document::new(text, Lang::Fr);
    let structure = crate::structure::analyze(&doc);
    extract(&doc, &structure, entities, mentions)
        .into_iter()
        .map(|q| (q.span.slice(text).to_string(), q.speaker))
        .collect()
}

fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    run(text, &[], &[])
}

#[test]
fn smoke() {
    let got = quotes("« Oui », a déclaré Abdoulaye Diop.");
    assert_eq!(got, [("Oui".to_string(), Some("Abdoulaye Diop".to_string()))]);
}
