//! Context cues around a candidate name: a title or role before it (person), an organisation
//! noun ("le groupe Wagner"), a place preposition ("à Bamako"), "Source :" and byline "Par".

use super::context::Ctx;
use super::gazetteer::class;
use crate::words::{word_list, WordList};

const STOPS: &[&str] = &[".", ";", "«", "»", "(", ")", ":", "!", "?", "\"", "“", "”", "[", "]", "|", "•"];

/// Token `i` is one of [`STOPS`] (punctuation first: most tokens are words, let go without
/// comparing their text with each stop).
fn is_stop(ctx: &Ctx, i: usize) -> bool {
    ctx.doc.tokens[i].kind == crate::text::TokenKind::Punct && STOPS.contains(&ctx.text(i))
}

/// Month and weekday names, French and English, as folded, and the press's short forms of months:
/// what follows the place of a dateline ("NAIROBI, Oct 8", "Pontarlier, jeudi 26 septembre 2024").
fn calendar_word(f: &str) -> bool {
    crate::words::months().contains(f) || crate::words::weekdays().contains(f)
}

/// Verbs and relatives that end a role phrase when looking back from a name.
fn clause_words() -> &'static WordList {
    word_list!("entities/fr/clause_words.txt", "entities/en/clause_words.txt")
}

/// Nouns that introduce an organisation's name right after them ("le groupe Wagner").
fn org_cues() -> &'static WordList {
    word_list!("entities/fr/org_cues.txt", "entities/en/org_cues.txt")
}

/// Prepositions that put a place after them ("à Bamako", "in Leeds").
fn place_prepositions() -> &'static WordList {
    word_list!("entities/fr/place_prepositions.txt", "entities/en/place_prepositions.txt")
}

/// Prepositions and articles that tie a complement to its noun ("chef de l’État", "mayor of").
fn complement_link(f: &str) -> bool {
    word_list!("entities/fr/complement_links.txt", "entities/en/complement_links.txt").contains(f)
}

fn prev_in_sentence(ctx: &Ctx, i: usize) -> Option<usize> {
    (i > 0 && ctx.continues(i)).then(|| i - 1)
}

/// A location preposition right before `first` ("à", "en", "au", "in"), not "shares in".
pub fn place_preposition(ctx: &Ctx, first: usize) -> bool {
    prev_in_sentence(ctx, first)
        .is_some_and(|p| ctx.is_lower(p) && place_prepositions().contains(ctx.fold(p)) && !holding_in(ctx, p))
}

/// "shares in X", "a stake in X": the "in" at `p` introduces a company.
pub fn holding_in(ctx: &Ctx, p: usize) -> bool {
    ctx.fold(p) == "in"
        && prev_in_sentence(ctx, p)
            .is_some_and(|q| word_list!("entities/en/holding_nouns.txt").contains(ctx.fold(q)))
}

/// A noun whose "de" / "of" names a place right before the name ("le maire de X", "l’hôpital
/// d’X", "la députée de la Creuse", "the mayor of X").
pub fn place_noun_before(ctx: &Ctx, first: usize) -> bool {
    let Some(mut p) = prev_in_sentence(ctx, first) else { return false };
    if matches!(ctx.fold(p), "la" | "l'" | "le" | "les" | "the") && ctx.is_lower(p) {
        let Some(q) = prev_in_sentence(ctx, p) else { return false };
        p = q;
    }
    if !(ctx.is_lower(p) && matches!(ctx.fold(p), "de" | "d'" | "du" | "des" | "of")) {
        return false;
    }
    prev_in_sentence(ctx, p).is_some_and(|q| {
        ctx.is_lower(q)
            && word_list!("entities/fr/place_nouns.txt", "entities/en/place_nouns.txt").contains(ctx.fold(q))
    })
}

/// A building's or site's noun right before the name: "la mosquée Sidi Yahia", "l’hôpital Sao
/// Joao" (`data/entities/fr/building_nouns.txt`).
pub fn building_noun_before(ctx: &Ctx, first: usize) -> bool {
    prev_in_sentence(ctx, first).is_some_and(|p| {
        ctx.is_lower(p) && word_list!("entities/fr/building_nouns.txt").contains(ctx.fold(p))
    })
}

/// The name `first..=last` opens a dateline: at the start of its line, followed by a comma and a
/// date ("NAIROBI, Oct 8 (Reuters) -", "Pontarlier, jeudi 26 septembre 2024", "SAINT-NAZAIRE,
/// 27 novembre 2024 (AFP)"), by a comma, a region and an agency ("CELINA, Ohio (AP) —"), by an
/// agency ("PARIS (AFP) -") or, in capitals, by a dash ("WASHINGTON —").
pub fn dateline_place(ctx: &Ctx, first: usize, last: usize) -> bool {
    let n = ctx.len();
    if !(first == 0 || ctx.doc.tokens[first].newlines_before > 0) || last + 1 >= n {
        return false;
    }
    let same_line = |k: usize| k < n && ctx.doc.tokens[k].newlines_before == 0;
    let dash = |k: usize| same_line(k) && matches!(ctx.text(k), "-" | "—" | "–");
    let digit = |k: usize| same_line(k) && ctx.text(k).chars().next().is_some_and(|c| c.is_ascii_digit());
    let calendar = |k: usize| same_line(k) && calendar_word(ctx.fold(k));
    // "(AFP) -", "(Reuters) —"
    let agency = |k: usize| {
        same_line(k)
            && ctx.text(k) == "("
            && k + 3 < n
            && ctx.is_cap(k + 1)
            && ctx.text(k + 2) == ")"
            && dash(k + 3)
    };
    let mut j = last + 1;
    if ctx.text(j) == "," {
        j += 1;
        // "le 15 mai", "jeudi 26 septembre", "27 novembre", "Oct 8"
        let k = if same_line(j) && ctx.fold(j) == "le" { j + 1 } else { j };
        if calendar(k) || (digit(k) && calendar(k + 1)) {
            return true;
        }
        if !same_line(j) || !ctx.is_cap(j) {
            return false;
        }
        while j < n && same_line(j) && (ctx.is_cap(j) || ctx.text(j) == "-" || ctx.text(j) == ".") {
            j += 1;
        }
    }
    agency(j) || (j == last + 1 && (first..=last).all(|k| !ctx.is_cap(k) || ctx.is_all_caps(k)) && dash(j))
}

/// A region, country or state right after the name, set off by a comma or in brackets: "CELINA,
/// Ohio", "Aurillac (Cantal)", "La Baule (Loire-Atlantique)". Not a possessive ("Safaricom,
/// Kenya's biggest company") and not a modifier ("Dale Hemmelgarn, Ohio farmer").
pub fn region_after(ctx: &Ctx, last: usize) -> bool {
    let n = ctx.len();
    let j = last + 1;
    if j + 1 >= n || !ctx.continues(j) || !matches!(ctx.text(j), "," | "(") || !ctx.is_cap(j + 1) {
        return false;
    }
    let Some((e, _)) = ctx.longest(j + 1, j + ctx.gaz.max_tokens, class::COUNTRY | class::REGION) else {
        return false;
    };
    let after = e + 1;
    if ctx.text(j) == "(" {
        return after < n && ctx.text(after) == ")";
    }
    after >= n
        || !ctx.continues(after)
        || (ctx.doc.tokens[after].kind == crate::text::TokenKind::Punct
            && !ctx.text(after).starts_with(['’', '\'']))
}

/// A line opening on the name and a colon, as local pages head their stories with the town
/// ("Arques : la salle des fêtes …", "2. Ellesmere Port: pub reopens"); a list number may come
/// first.
pub fn kicker(ctx: &Ctx, first: usize, last: usize) -> bool {
    if last + 1 >= ctx.len() || ctx.text(last + 1) != ":" || ctx.doc.tokens[last + 1].newlines_before > 0 {
        return false;
    }
    let line_start = |k: usize| k == 0 || ctx.doc.tokens[k].newlines_before > 0;
    let numbered = first >= 2
        && line_start(first - 2)
        && ctx.text(first - 2).chars().all(|c| c.is_ascii_digit())
        && ctx.text(first - 1) == ".";
    // Topic kickers are abstract nouns: "Escroquerie :", "Pollution :", "Harcèlement :".
    let topic_endings = word_list!("entities/fr/topic_endings.txt", "entities/en/topic_endings.txt");
    (line_start(first) || numbered) && !(first == last && topic_endings.ends(ctx.fold(first)))
}

/// A speech verb right after the name: "Matignon rappelle que …", "the White House said".
pub fn speaks_after(ctx: &Ctx, last: usize) -> bool {
    let says = word_list!("entities/fr/says_after_name.txt", "entities/en/says_after_name.txt");
    let j = last + 1;
    if j >= ctx.len() || !ctx.continues(j) || !ctx.is_lower(j) || !says.contains(ctx.fold(j)) {
        return false;
    }
    // "a" only as an auxiliary: "a déclaré", "a indiqué".
    ctx.fold(j) != "a"
        || (j + 1 < ctx.len()
            && ctx.is_lower(j + 1)
            && ctx.fold(j + 1).ends_with(['e', 't'])
            && !ctx.is_function_word(j + 1))
}

/// A newspaper's or a firm's closing word alone after "the", inside a sentence: "told the
/// Examiner", "the Post reported".
pub fn title_word_after_the(ctx: &Ctx, i: usize) -> bool {
    prev_in_sentence(ctx, i).is_some_and(|p| ctx.text(p) == "the")
        && ctx.is_cap(i)
        && !ctx.is_initial(i)
        && ctx.classes(i, i) & class::ORG_TAIL != 0
}

/// A law's noun right before the name: "la loi Egalim", "la réforme Touraine".
pub fn law_before(ctx: &Ctx, first: usize) -> bool {
    prev_in_sentence(ctx, first).is_some_and(|p| {
        ctx.is_lower(p)
            && word_list!("entities/fr/law_nouns.txt", "entities/en/law_nouns.txt").contains(ctx.fold(p))
    })
}

/// "X, which runs …", "X, that …": English speaks of a thing, not a person.
pub fn thing_relative_after(ctx: &Ctx, last: usize) -> bool {
    last + 2 < ctx.len()
        && ctx.text(last + 1) == ","
        && ctx.continues(last + 2)
        && matches!(ctx.text(last + 2), "which" | "that")
}

/// An organisation noun heading the apposition right after the name: "Safaricom, the country's
/// biggest company", "Jeantet Charpente, une entreprise de Nozeroy", "Oréval, un verrier de …".
pub fn org_apposition_after(ctx: &Ctx, last: usize) -> bool {
    let n = ctx.len();
    let mut j = last + 1;
    if j + 1 >= n || ctx.text(j) != "," || !ctx.continues(j + 1) {
        return false;
    }
    j += 1;
    let determiners =
        word_list!("entities/fr/apposition_determiners.txt", "entities/en/apposition_determiners.txt");
    if !determiners.contains(ctx.fold(j)) || !ctx.is_lower(j) {
        return false;
    }
    for k in j + 1..(j + 7).min(n) {
        if !ctx.continues(k) {
            return false;
        }
        let f = ctx.fold(k);
        if org_cues().contains(f) && ctx.is_lower(k) {
            return true;
        }
        let t = ctx.text(k);
        if is_stop(ctx, k)
            || t == ","
            || clause_words().contains(f)
            || word_list!(
                "entities/fr/apposition_prepositions.txt",
                "entities/en/apposition_prepositions.txt"
            )
            .contains(f)
        {
            return false;
        }
    }
    false
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
        if is_stop(ctx, p) && !(t == "." && p > 0 && ctx.classes(p - 1, p) & class::TITLE != 0) {
            return None;
        }
        // "King's College": a possessive's noun is no title of the name.
        if matches!(ctx.fold(p), "'s" | "s") && p > 0 && !ctx.doc.tokens[p].space_before {
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
        if ctx.is_cap(p)
            && !(p > 0 && word_list!("entities/fr/complement_links.txt").contains(ctx.fold(p - 1)))
        {
            return None; // another name
        }
        j = p;
    }
    None
}

/// A lowercase word that can sit inside a role phrase: an article or preposition, an
/// adjective, or the noun right after one ("chef de la diplomatie russe").
fn role_word(ctx: &Ctx, p: usize) -> bool {
    let f = ctx.fold(p);
    if clause_words().contains(f) && f != "a" {
        return false;
    }
    word_list!("entities/fr/role_glue.txt", "entities/en/role_glue.txt").contains(f)
        || super::candidates::adjective_like(ctx, p)
        || ctx.classes(p, p) & class::TITLE != 0
        || (p > 0
            && (ctx.fold(p - 1) == "-"
                || word_list!("entities/fr/role_noun_openers.txt", "entities/en/role_noun_openers.txt")
                    .contains(ctx.fold(p - 1))))
}

/// The name at `first` completes a noun ("chef de l’État", "ministre de la Défense",
/// "société d’État"): it is not the person or organisation the noun introduces.
pub fn complement(ctx: &Ctx, first: usize) -> bool {
    prev_in_sentence(ctx, first).is_some_and(|p| ctx.is_lower(p) && complement_link(ctx.fold(p)))
}

/// The name at `first` follows "de" ("coup d’État", "ministre de l’Énergie", "chef de la
/// Défense"): stricter than [`complement`], which also takes a bare article ("la Chambre").
pub fn after_de(ctx: &Ctx, first: usize) -> bool {
    let is_de = |i: usize| ctx.is_lower(i) && matches!(ctx.fold(i), "de" | "du" | "des" | "d'" | "of");
    let Some(p) = prev_in_sentence(ctx, first) else { return false };
    is_de(p)
        || (ctx.is_lower(p)
            && matches!(ctx.fold(p), "l'" | "la")
            && prev_in_sentence(ctx, p).is_some_and(is_de))
}

/// The role phrase from a title at `title` to the name at `first`, without trailing
/// determiners and commas: "ministre de la Défense".
pub fn role_text(ctx: &Ctx, title: usize, first: usize) -> Option<String> {
    let mut last = first.checked_sub(1)?;
    while last > title
        && (ctx.doc.tokens[last].kind == crate::text::TokenKind::Punct
            || matches!(ctx.fold(last), "le" | "la" | "l'" | "les" | "the"))
    {
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
        if org_cues().contains(f) && ctx.is_lower(p) {
            return true;
        }
        let t = ctx.text(p);
        // "a family firm with 140 lorries based in Morley": a preposition ends the look-back.
        // "the union's local president, X": a possessive's noun is not the head.
        let preposition = place_prepositions().contains(f)
            || word_list!("entities/fr/lookback_prepositions.txt", "entities/en/lookback_prepositions.txt")
                .contains(f)
            || matches!(f, "'s" | "s");
        if (is_stop(ctx, p) && !matches!(t, "«" | "\"" | "“"))
            || ctx.is_cap(p)
            || clause_words().contains(f)
            || preposition
        {
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
    // Roles whose "du Kremlin" names the institution, not the building.
    let one = word_list!("entities/fr/governing_roles.txt", "entities/en/governing_roles.txt")
        .contains(ctx.fold(q));
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
            (
                "Il a vu le ministre russe de l’Énergie Sergueï Tsiviliov hier.",
                "Sergueï",
                Some("ministre russe de l’Énergie"),
            ),
            (
                "reçus par le chef de la diplomatie russe, Sergueï Lavrov.",
                "Sergueï",
                Some("chef de la diplomatie russe"),
            ),
            ("le président russe Vladimir Poutine", "Vladimir", Some("président russe")),
            ("the Prime Minister Keir Starmer said", "Keir", Some("Prime Minister")),
            ("le président Assimi GOITA est allé en Russie", "Russie", None),
            ("Diop et Lavrov", "Lavrov", None),
            ("funds for King's College London", "College", None),
        ] {
            let (doc, i) = at(text, name);
            let ctx = Ctx::new(&doc);
            let got = title_before(&ctx, i).and_then(|t| role_text(&ctx, t, i));
            assert_eq!(got.as_deref(), role, "{text}");
        }
    }

    fn at_lang(text: &str, word: &str, lang: Lang) -> (Document<'static>, usize) {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let doc = Document::new(text, lang);
        let i = (0..doc.tokens.len()).find(|&i| doc.token_text(i) == word).unwrap();
        (doc, i)
    }

    #[test]
    fn dateline_places() {
        for (text, word, lang, want) in [
            ("By Amina Odhiambo\n\nNAIROBI, Oct 8 (Reuters) - The bank kept", "NAIROBI", Lang::En, true),
            ("Associated Press\n\nCELINA, Ohio (AP) — County commissioners", "CELINA", Lang::En, true),
            ("Titre\n\nPontarlier, jeudi 26 septembre 2024\n\nC’est la fin", "Pontarlier", Lang::Fr, true),
            ("Titre\n\nPARIS (AFP) - Le gouvernement", "PARIS", Lang::Fr, true),
            ("Titre\n\nWASHINGTON — The president", "WASHINGTON", Lang::En, true),
            // A person opening a paragraph is no dateline.
            ("Titre\n\nGrégory Lemaire, 46 ans, qui comparaissait libre", "Grégory", Lang::Fr, false),
            ("Titre\n\nStagecoach, which runs most services", "Stagecoach", Lang::En, false),
        ] {
            let (doc, i) = at_lang(text, word, lang);
            let ctx = Ctx::new(&doc);
            let last = if word == "Grégory" { i + 1 } else { i };
            assert_eq!(dateline_place(&ctx, i, last), want, "{text}");
        }
    }

    #[test]
    fn place_and_organisation_cues_around_a_name() {
        let cue = |text: &str, word: &str, lang: Lang, f: fn(&Ctx, usize) -> bool| {
            let (doc, i) = at_lang(text, word, lang);
            f(&Ctx::new(&doc), i)
        };
        // A region after the name.
        assert!(cue("CELINA, Ohio (AP) — County", "CELINA", Lang::En, region_after));
        assert!(cue("un conseiller de La Baule (Loire-Atlantique) a été", "Baule", Lang::Fr, region_after));
        assert!(!cue("Safaricom, Kenya’s biggest company", "Safaricom", Lang::En, region_after));
        assert!(!cue("said Dale, Ohio farmer", "Dale", Lang::En, region_after));
        // A noun whose "de" names a place.
        assert!(cue("Le maire de Mignovillard, Odile Grappe", "Mignovillard", Lang::Fr, place_noun_before));
        assert!(cue("devant l’hôpital d’Helfaut, ce mardi", "Helfaut", Lang::Fr, place_noun_before));
        assert!(cue("La députée de la Creuse a voté", "Creuse", Lang::Fr, place_noun_before));
        assert!(!cue("le directeur de Renault a dit", "Renault", Lang::Fr, place_noun_before));
        // An organisation noun heading the apposition.
        assert!(cue(
            "Shares in Safaricom, the country's biggest company, fell",
            "Safaricom",
            Lang::En,
            org_apposition_after
        ));
        assert!(cue(
            "Chez Jeantet Charpente, une entreprise de Nozeroy",
            "Charpente",
            Lang::Fr,
            org_apposition_after
        ));
        assert!(!cue(
            "Tom Haverley, the chief executive of the firm, said",
            "Haverley",
            Lang::En,
            org_apposition_after
        ));
        // "which" speaks of a thing; "in" after "shares" of a company.
        assert!(cue("Stagecoach, which runs most services", "Stagecoach", Lang::En, thing_relative_after));
        assert!(!cue("Parker, who is 72", "Parker", Lang::En, thing_relative_after));
        assert!(!cue("Shares in Safaricom fell", "Safaricom", Lang::En, place_preposition));
        assert!(cue("a warehouse in Skelmersdale", "Skelmersdale", Lang::En, place_preposition));
        // A local page's line opening on a town and a colon, not on a topic.
        let kick = |text: &str, word: &str| {
            let (doc, i) = at_lang(text, word, Lang::Fr);
            kicker(&Ctx::new(&doc), i, i)
        };
        assert!(kick("À lire aussi\nArques : la salle des fêtes", "Arques"));
        assert!(kick("Les plus lus\n1. Longuenesse : un incendie", "Longuenesse"));
        assert!(!kick("Titre\nEscroquerie : quatre ans de prison", "Escroquerie"));
        assert!(!kick("Il est venu à Arques : la salle", "Arques"));
        // An organisation noun before the name, not across a preposition or a possessive.
        assert!(cue("backed by the carmaker Stellantis", "Stellantis", Lang::En, org_noun_before));
        assert!(cue("La scierie Mivelaz, installée", "Mivelaz", Lang::Fr, org_noun_before));
        assert!(!cue("a family firm with 140 lorries based in Morley", "Morley", Lang::En, org_noun_before));
        assert!(!cue("The union's local president, Tony Fiely, said", "Tony", Lang::En, org_noun_before));
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
