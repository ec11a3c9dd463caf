//! Context cues around a candidate name: a title or role before it (person), an organisation
//! noun ("le groupe Wagner"), a place preposition ("à Bamako"), "Source :" and byline "Par".

use super::context::Ctx;
use super::gazetteer::class;

const STOPS: &[&str] = &[".", ";", "«", "»", "(", ")", ":", "!", "?", "\"", "“", "”", "[", "]", "|", "•"];
/// Verbs that end a role phrase when looking back from a name.
const VERBS: &[&str] = &[
    "a", "ont", "est", "sont", "ete", "etait", "avait", "fut", "sera", "qui", "que", "is", "was", "has", "had",
    "said", "says", "who", "that", "which",
];
/// Nouns that introduce an organisation's name right after them.
const ORG_CUES: &[&str] = &[
    "groupe", "societe", "entreprise", "compagnie", "chaine", "journal", "quotidien", "hebdomadaire", "media",
    "agence", "firme", "geant", "constructeur", "mouvement", "parti", "milice", "club", "equipe", "plateforme",
    "reseau", "application", "operateur", "banque", "company", "group", "firm", "network", "militia", "party",
    "newspaper", "channel", "agency", "team", "radio", "television", "site",
];
const LOC_PREPOSITIONS: &[&str] = &["a", "en", "au", "aux", "vers", "in", "at", "near"];
/// Roles whose "du Kremlin" names the institution, not the building.
const GOVERNING: &[&str] = &["chef", "porte-parole", "patron", "maitre", "locataire", "hote", "spokesman", "spokeswoman", "head"];

fn prev_in_sentence(ctx: &Ctx, i: usize) -> Option<usize> {
    (i > 0 && ctx.continues(i)).then(|| i - 1)
}

/// A location preposition right before `first` ("à", "en", "au", "in").
pub fn place_preposition(ctx: &Ctx, first: usize) -> bool {
    prev_in_sentence(ctx, first).is_some_and(|p| ctx.is_lower(p) && LOC_PREPOSITIONS.contains(&ctx.fold(p)))
}

/// The first token of the nearest title before the name at `first`, when only a role's words
/// stand between them ("le ministre russe de l’Énergie Sergueï Tsiviliov", "le chef de la
/// diplomatie russe, Sergueï Lavrov", "M. Diop").
pub fn title_before(ctx: &Ctx, first: usize) -> Option<usize> {
    if place_preposition(ctx, first) || complement(ctx, first) {
        return None;
    }
    let mut j = first;
    for _ in 0..10 {
        let p = prev_in_sentence(ctx, j)?;
        let t = ctx.text(p);
        if STOPS.contains(&t) && !(t == "." && p > 0 && ctx.classes(p - 1, p) & class::TITLE != 0) {
            return None;
        }
        for s in p.saturating_sub(3)..=p {
            if s + 3 >= p && ctx.classes(s, p) & class::TITLE != 0 && (s == p || ctx.continues(s + 1)) {
                return Some(s);
            }
        }
        if ctx.is_lower(p) && !role_word(ctx, p) {
            return None; // a verb or a clause between: "parle avec", "est allé"
        }
        if ctx.is_cap(p) && !(p > 0 && matches!(ctx.fold(p - 1), "de" | "du" | "des" | "d'" | "l'" | "la")) {
            return None; // another name
        }
        j = p;
    }
    None
}

/// A lowercase word that can sit inside a role phrase: an article or preposition, an
/// adjective, or the noun right after one ("chef de la diplomatie russe").
fn role_word(ctx: &Ctx, p: usize) -> bool {
    const GLUE: &[&str] = &["de", "du", "des", "d'", "l'", "la", "le", "les", "et", "of", "the", "and", "for", "en", "a"];
    let f = ctx.fold(p);
    if VERBS.contains(&f) && f != "a" {
        return false;
    }
    GLUE.contains(&f)
        || super::candidates::adjective_like(ctx, p)
        || ctx.classes(p, p) & class::TITLE != 0
        || (p > 0 && matches!(ctx.fold(p - 1), "de" | "du" | "des" | "d'" | "l'" | "la" | "le" | "les" | "of" | "the" | "-"))
}

/// The name at `first` completes a noun ("chef de l’État", "ministre de la Défense",
/// "société d’État"): it is not the person or organisation the noun introduces.
pub fn complement(ctx: &Ctx, first: usize) -> bool {
    prev_in_sentence(ctx, first).is_some_and(|p| ctx.is_lower(p) && matches!(ctx.fold(p), "de" | "du" | "des" | "d'" | "l'" | "la" | "of"))
}

/// The name at `first` follows "de" ("coup d’État", "ministre de l’Énergie", "chef de la
/// Défense"): stricter than [`complement`], which also takes a bare article ("la Chambre").
pub fn after_de(ctx: &Ctx, first: usize) -> bool {
    let is_de = |i: usize| ctx.is_lower(i) && matches!(ctx.fold(i), "de" | "du" | "des" | "d'" | "of");
    let Some(p) = prev_in_sentence(ctx, first) else { return false };
    is_de(p) || (ctx.is_lower(p) && matches!(ctx.fold(p), "l'" | "la") && prev_in_sentence(ctx, p).is_some_and(is_de))
}

/// The role phrase from a title at `title` to the name at `first`, without trailing
/// determiners and commas: "ministre de la Défense".
pub fn role_text(ctx: &Ctx, title: usize, first: usize) -> Option<String> {
    let mut last = first.checked_sub(1)?;
    while last > title && (ctx.doc.tokens[last].kind == crate::text::TokenKind::Punct || matches!(ctx.fold(last), "le" | "la" | "l'" | "les" | "the")) {
        last -= 1;
    }
    if last < title {
        return None;
    }
    let s = ctx.doc.slice(ctx.doc.token_span(title, last)).trim();
    (!s.is_empty() && s.len() < 120).then(|| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// An organisation noun shortly before the name: "le groupe paramilitaire russe Wagner",
/// "la chaîne Telegram", "groupe de sécurité russe « Wagner »".
pub fn org_noun_before(ctx: &Ctx, first: usize) -> bool {
    if complement(ctx, first) {
        return false;
    }
    let mut j = first;
    for _ in 0..6 {
        let Some(p) = prev_in_sentence(ctx, j) else { return false };
        let f = ctx.fold(p);
        if ORG_CUES.contains(&f) && ctx.is_lower(p) {
            return true;
        }
        let t = ctx.text(p);
        if (STOPS.contains(&t) && !matches!(t, "«" | "\"" | "“")) || ctx.is_cap(p) || VERBS.contains(&f) {
            return false;
        }
        j = p;
    }
    false
}

/// "Source : Info Matin", "Source: AFP".
pub fn source_before(ctx: &Ctx, first: usize) -> bool {
    first >= 2 && ctx.text(first - 1) == ":" && matches!(ctx.fold(first - 2), "source" | "sources")
}

/// A byline "Par X" / "PAR X" / "By X" opening its line.
pub fn byline_before(ctx: &Ctx, first: usize) -> bool {
    first >= 1
        && matches!(ctx.fold(first - 1), "par" | "by")
        && ctx.doc.tokens[first - 1].newlines_before > 0
        && ctx.is_cap(first - 1)
}

/// "le chef du Kremlin": a seat of power standing for its institution.
pub fn governed_before(ctx: &Ctx, first: usize) -> bool {
    let Some(p) = prev_in_sentence(ctx, first) else { return false };
    if !matches!(ctx.fold(p), "du" | "de") {
        return false;
    }
    let mut q = p;
    if ctx.fold(p) == "de" {
        // "de la Maison Blanche"
        return false;
    }
    // "porte-parole" is three tokens.
    q = q.saturating_sub(1);
    let one = GOVERNING.contains(&ctx.fold(q));
    let three = q >= 2 && format!("{}{}{}", ctx.fold(q - 2), ctx.fold(q - 1), ctx.fold(q)) == "porte-parole";
    one || three
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lang;
    use crate::document::Document;

    fn at(text: &str, word: &str) -> (Document<'static>, usize) {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let doc = Document::new(text, Lang::Fr);
        let i = (0..doc.tokens.len()).find(|&i| doc.token_text(i) == word).unwrap();
        (doc, i)
    }

    #[test]
    fn titles_and_roles_before_names() {
        for (text, name, role) in [
            ("Il a vu le ministre russe de l’Énergie Sergueï Tsiviliov hier.", "Sergueï", Some("ministre russe de l’Énergie")),
            ("reçus par le chef de la diplomatie russe, Sergueï Lavrov.", "Sergueï", Some("chef de la diplomatie russe")),
            ("le président russe Vladimir Poutine", "Vladimir", Some("président russe")),
            ("the Prime Minister Keir Starmer said", "Keir", Some("Prime Minister")),
            ("le président Assimi GOITA est allé en Russie", "Russie", None),
            ("Diop et Lavrov", "Lavrov", None),
        ] {
            let (doc, i) = at(text, name);
            let ctx = Ctx::new(&doc);
            let got = title_before(&ctx, i).and_then(|t| role_text(&ctx, t, i));
            assert_eq!(got.as_deref(), role, "{text}");
        }
    }

    #[test]
    fn organisation_place_and_metonymy_cues() {
        let (doc, i) = at("le départ du groupe paramilitaire russe Wagner du Mali", "Wagner");
        assert!(org_noun_before(&Ctx::new(&doc), i));
        let (doc, i) = at("la présence du groupe de sécurité russe « Wagner « au Mali", "Wagner");
        assert!(org_noun_before(&Ctx::new(&doc), i));
        let (doc, i) = at("il est arrivé à Diourbel hier", "Diourbel");
        assert!(place_preposition(&Ctx::new(&doc), i));
        let (doc, i) = at("a lancé le chef du Kremlin en présence", "Kremlin");
        assert!(governed_before(&Ctx::new(&doc), i));
        let (doc, i) = at("reçu au Kremlin par le chef", "Kremlin");
        assert!(!governed_before(&Ctx::new(&doc), i));
        let (doc, i) = at("Affaire à suivre\n\nSource : Info Matin", "Info");
        assert!(source_before(&Ctx::new(&doc), i));
    }
}
