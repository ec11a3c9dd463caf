//! Word lists for attribution: speech verbs (from `data/quotes/`, with their inflected forms
//! generated here), and the small closed classes attribution needs (pronouns, role and
//! organisation heads, titles, nationality words). Every look-up takes a folded word
//! ([`crate::text::fold`]: lower case, no accents, `'` for apostrophes).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::frames::{SPEECH_VERBS_EN, SPEECH_VERBS_FR};

/// Folded forms of every speech verb, French and English.
fn speech_forms() -> &'static HashSet<String> {
    static FORMS: OnceLock<HashSet<String>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut set = HashSet::new();
        for line in SPEECH_VERBS_FR.lines() {
            add_verb(line, &mut set, inflect_fr);
        }
        for line in SPEECH_VERBS_EN.lines() {
            add_verb(line, &mut set, inflect_en);
        }
        set
    })
}

fn add_verb(line: &str, set: &mut HashSet<String>, inflect: fn(&str, &mut HashSet<String>)) {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return;
    }
    let (lemma, listed) = match line.split_once(':') {
        Some((l, forms)) => (l.trim(), Some(forms)),
        None => (line, None),
    };
    let lemma = crate::text::fold(lemma);
    let lemma = lemma.strip_prefix("se ").or_else(|| lemma.strip_prefix("s'")).unwrap_or(&lemma);
    set.insert(lemma.to_string());
    match listed {
        Some(forms) => {
            for f in forms.split_whitespace() {
                let f = crate::text::fold(f);
                set.insert(f.strip_prefix("s'").unwrap_or(&f).to_string());
            }
        }
        None => inflect(lemma, set),
    }
}

/// Regular French conjugation (folded, so "déclare" and "déclaré" are one form): -er verbs
/// with the -cer/-ger spellings, and second-group -ir verbs.
fn inflect_fr(lemma: &str, set: &mut HashSet<String>) {
    if let Some(stem) = lemma.strip_suffix("er") {
        let soft = if let Some(base) = stem.strip_suffix('c') {
            format!("{base}ç")
        } else if stem.ends_with('g') {
            format!("{stem}e")
        } else {
            stem.to_string()
        };
        let soft = crate::text::fold(&soft);
        for end in ["e", "es", "ent", "ee", "ees", "erent", "era", "eront", "erait"] {
            set.insert(format!("{stem}{end}"));
        }
        for end in ["a", "ait", "aient", "ant"] {
            set.insert(format!("{soft}{end}"));
        }
    } else if let Some(stem) = lemma.strip_suffix("ir") {
        for end in ["it", "issent", "issait", "issaient", "irent", "ira", "i", "ie", "issant"] {
            set.insert(format!("{stem}{end}"));
        }
    }
}

/// Regular English inflection: -s, -ed, -ing, with e-drop and y-to-i.
fn inflect_en(lemma: &str, set: &mut HashSet<String>) {
    if let Some(stem) = lemma.strip_suffix('e') {
        set.insert(format!("{lemma}s"));
        set.insert(format!("{lemma}d"));
        set.insert(format!("{stem}ing"));
    } else if lemma.ends_with("sh") || lemma.ends_with("ch") || lemma.ends_with('s') {
        set.insert(format!("{lemma}es"));
        set.insert(format!("{lemma}ed"));
        set.insert(format!("{lemma}ing"));
    } else {
        set.insert(format!("{lemma}s"));
        set.insert(format!("{lemma}ed"));
        set.insert(format!("{lemma}ing"));
    }
}

/// Whether the folded word is a form of a speech verb ("declare", "resumait", "said").
pub fn is_speech_verb(folded: &str) -> bool {
    speech_forms().contains(folded)
}

/// Auxiliaries of compound tenses ("a déclaré", "has said").
pub fn is_auxiliary(folded: &str) -> bool {
    matches!(
        folded,
        "a" | "ont"
            | "avait"
            | "avaient"
            | "aura"
            | "auront"
            | "aurait"
            | "est"
            | "sont"
            | "etait"
            | "s'est"
            | "has"
            | "have"
            | "had"
            | "was"
            | "is"
            | "will"
            | "would"
            | "did"
            | "does"
            | "went"
            | "on"
    )
}

/// Clitics between a speaker and the verb, never speakers themselves ("lui a répondu").
pub fn is_object_clitic(folded: &str) -> bool {
    matches!(
        folded,
        "lui"
            | "leur"
            | "nous"
            | "vous"
            | "me"
            | "m'"
            | "te"
            | "t'"
            | "se"
            | "s'"
            | "l'"
            | "y"
            | "en"
            | "ne"
            | "n'"
    )
}

/// Adverbs that may sit inside an attribution ("a encore déclaré", "he later said").
pub fn is_adverb(folded: &str) -> bool {
    matches!(
        folded,
        "encore"
            | "ensuite"
            | "aussi"
            | "egalement"
            | "notamment"
            | "deja"
            | "alors"
            | "enfin"
            | "pourtant"
            | "toutefois"
            | "cependant"
            | "meme"
            | "bien"
            | "plus"
            | "tard"
            | "ainsi"
            | "then"
            | "later"
            | "also"
            | "further"
            | "again"
            | "once"
            | "recently"
            | "simply"
            | "reportedly"
            | "publicly"
            | "ne"
            | "pas"
            | "n'"
            // "d'emblée", "tout simplement", "aussitôt": "d'" and "tout" are read as adverbs
            // only where an adverb may stand (between a verb and its inverted subject).
            | "d'"
            | "emblee"
            | "tout"
            | "simplement"
            | "aussitot"
            | "immediatement"
            | "finalement"
    )
}

/// Gender of a subject pronoun, or `None` if the word is not one.
pub fn pronoun(folded: &str) -> Option<Gender> {
    match folded {
        "il" | "he" | "lui" | "him" => Some(Gender::Male),
        "elle" | "she" | "her" => Some(Gender::Female),
        // Plural: a group, left unresolved.
        "ils" | "elles" | "they" | "eux" => Some(Gender::Unknown),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// Nouns that head a role phrase naming a person ("le ministre …", "the spokesman …").
pub fn is_role_head(folded: &str) -> bool {
    let base = folded.trim_end_matches('s');
    matches!(
        base,
        "president" | "presidente" | "ministre" | "vice-ministre" | "premier" | "chef" | "cheffe"
            | "porte-parole" | "dirigeant" | "dirigeante" | "general" | "colonel" | "capitaine"
            | "commandant" | "lieutenant" | "marechal" | "directeur" | "directrice" | "secretaire"
            | "ambassadeur" | "ambassadrice" | "depute" | "deputee" | "senateur" | "senatrice"
            | "maire" | "gouverneur" | "prefet" | "conseiller" | "conseillere" | "representant"
            | "representante" | "envoye" | "envoyee" | "emissaire" | "patron" | "patronne"
            | "responsable" | "homologue" | "diplomate" | "officier" | "souverain" | "roi" | "reine"
            | "pape" | "juge" | "procureur" | "procureure" | "avocat" | "avocate" | "expert"
            | "experte" | "analyste" | "chercheur" | "chercheuse" | "professeur" | "docteur"
            | "leader" | "numero" | "candidat" | "candidate" | "fondateur" | "fondatrice" | "pdg"
            | "minister" | "spokesman" | "spokeswoman" | "spokesperson" | "head" | "leader's"
            | "chief" | "director" | "secretary" | "ambassador" | "senator" | "mayor" | "governor"
            | "prime" | "chairman" | "chairwoman" | "ceo" | "envoy" | "official" | "officer"
            | "prosecutor" | "lawyer" | "analyst" | "professor" | "researcher" | "commander"
            | "king" | "queen" | "pope" | "judge" | "founder" | "elu" | "elue" | "temoin"
            | "habitant" | "habitante" | "militant" | "militante" | "manifestant"
            | "manifestante" | "journaliste" | "witness" | "resident" | "activist"
            // Family and trades, which news names speakers by as often as by office.
            | "fille" | "fils" | "mere" | "pere" | "epouse" | "mari" | "frere" | "soeur" | "veuve"
            | "veuf" | "compagne" | "compagnon" | "oncle" | "tante" | "medecin" | "chirurgien"
            | "chirurgienne" | "infirmier" | "infirmiere" | "enseignant" | "enseignante"
            | "agriculteur" | "agricultrice" | "eleveur" | "eleveuse" | "syndicaliste" | "delegue"
            | "deleguee" | "adjoint" | "adjointe" | "entraineur" | "entraineuse" | "gerant"
            | "gerante" | "proprietaire" | "policier" | "policiere" | "economiste" | "daughter"
            | "mother" | "father" | "wife" | "husband" | "brother" | "sister" | "widow" | "doctor"
            | "surgeon" | "nurse" | "teacher" | "farmer" | "coach" | "manager" | "owner"
            | "economist" | "deputy"
    )
}

/// Nouns that head an organisation speaking as one ("le ministère …", "le Kremlin").
pub fn is_org_head(folded: &str) -> bool {
    matches!(
        folded,
        "ministere"
            | "gouvernement"
            | "presidence"
            | "diplomatie"
            | "armee"
            | "ambassade"
            | "kremlin"
            | "elysee"
            | "commission"
            | "parlement"
            | "assemblee"
            | "senat"
            | "conseil"
            | "parti"
            | "syndicat"
            | "entreprise"
            | "societe"
            | "groupe"
            | "compagnie"
            | "direction"
            | "mairie"
            | "prefecture"
            | "police"
            | "gendarmerie"
            | "junte"
            | "communique"
            | "organisation"
            | "agence"
            | "onu"
            | "ministry"
            | "government"
            | "presidency"
            | "army"
            | "embassy"
            | "department"
            | "commission's"
            | "council"
            | "party"
            | "company"
            | "firm"
            | "agency"
            | "white"
            | "club"
            | "equipe"
            | "team"
            | "banque"
            | "bank"
            | "board"
            | "union"
            | "league"
            | "ligue"
            | "federation"
            | "association"
            | "fondation"
            | "foundation"
            | "confederation"
            | "collectif"
            // Media and documents, which speak for the outlet or body that issued them.
            | "quotidien"
            | "journal"
            | "hebdomadaire"
            | "magazine"
            | "documentaire"
            | "newspaper"
            | "daily"
    )
}

/// Title words dropped in front of a name ("le général Sadio Camara" -> "Sadio Camara").
pub fn is_title(folded: &str) -> bool {
    let w = folded.trim_end_matches('.');
    is_role_head(w)
        || matches!(
            w,
            "m" | "mm"
                | "mme"
                | "mmes"
                | "mlle"
                | "dr"
                | "pr"
                | "me"
                | "mgr"
                | "monsieur"
                | "madame"
                | "mademoiselle"
                | "sir"
                | "mr"
                | "mrs"
                | "ms"
                | "lord"
                | "lady"
                | "gen"
                | "col"
                | "sgt"
                | "capt"
                | "lt"
                | "sen"
                | "rep"
                | "gov"
                | "prof"
                | "saint"
                | "son"
                | "sa"
                | "excellence"
                | "d'armee"
                | "armee"
                | "brigade"
                | "division"
                | "corps"
        )
}

/// Gender a title or role head gives the person it names.
pub fn title_gender(folded: &str) -> Gender {
    match folded.trim_end_matches('.') {
        "m" | "monsieur" | "mr" | "sir" | "lord" | "king" | "roi" | "pere" | "fils" | "mari" | "frere"
        | "veuf" | "oncle" | "compagnon" | "father" | "husband" | "brother" => Gender::Male,
        "mme" | "madame" | "mlle" | "mademoiselle" | "mrs" | "ms" | "lady" | "queen" | "reine"
        | "presidente" | "directrice" | "ambassadrice" | "senatrice" | "deputee" | "cheffe"
        | "conseillere" | "representante" | "spokeswoman" | "chairwoman" | "patronne" | "fille" | "mere"
        | "epouse" | "soeur" | "veuve" | "compagne" | "tante" | "chirurgienne" | "infirmiere"
        | "enseignante" | "agricultrice" | "eleveuse" | "deleguee" | "adjointe" | "entraineuse"
        | "gerante" | "policiere" | "daughter" | "mother" | "wife" | "sister" | "widow" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// The country a nationality adjective or seat-of-power noun points to ("malienne" -> "mali",
/// "Kremlin" -> "russie"), folded.
pub fn nationality(folded: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let rows: &[(&str, &[&str])] = &[
            ("mali", &["malien", "malienne", "maliens", "maliennes", "malian", "koulouba"]),
            ("russie", &["russe", "russes", "russian", "kremlin", "sovietique"]),
            ("france", &["francais", "francaise", "francaises", "french", "elysee", "matignon"]),
            ("usa", &["americain", "americaine", "americains", "american", "washington"]),
            ("ukraine", &["ukrainien", "ukrainienne", "ukrainian"]),
            ("chine", &["chinois", "chinoise", "chinese"]),
            ("burkina", &["burkinabe", "burkinabes"]),
            ("niger", &["nigerien", "nigerienne"]),
            ("senegal", &["senegalais", "senegalaise"]),
            ("algerie", &["algerien", "algerienne"]),
            ("maroc", &["marocain", "marocaine"]),
            ("allemagne", &["allemand", "allemande", "german"]),
            ("royaume-uni", &["britannique", "british", "downing"]),
            ("ivoire", &["ivoirien", "ivoirienne", "ivorian"]),
            ("guinee", &["guineen", "guineenne"]),
            ("tchad", &["tchadien", "tchadienne"]),
            ("cameroun", &["camerounais", "camerounaise"]),
        ];
        let mut map = HashMap::new();
        for (country, words) in rows {
            for w in *words {
                map.insert(*w, *country);
            }
        }
        map
    });
    table.get(folded).copied()
}

/// Function words that can start a sentence capitalised but never a name.
pub fn is_function_word(folded: &str) -> bool {
    matches!(
        folded,
        "le" | "la"
            | "les"
            | "l'"
            | "un"
            | "une"
            | "des"
            | "du"
            | "de"
            | "d'"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "on"
            | "nous"
            | "vous"
            | "je"
            | "j'"
            | "tu"
            | "et"
            | "ou"
            | "mais"
            | "donc"
            | "car"
            | "ni"
            | "or"
            | "a"
            | "au"
            | "aux"
            | "en"
            | "dans"
            | "par"
            | "pour"
            | "sur"
            | "sous"
            | "avec"
            | "sans"
            | "selon"
            | "d'apres"
            | "apres"
            | "avant"
            | "depuis"
            | "pendant"
            | "lors"
            | "devant"
            | "entre"
            | "vers"
            | "chez"
            | "qui"
            | "que"
            | "qu'"
            | "quand"
            | "lorsque"
            | "si"
            | "comme"
            | "mon"
            | "ma"
            | "mes"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "notre"
            | "nos"
            | "votre"
            | "vos"
            | "c'"
            | "s'"
            | "n'"
            | "m'"
            | "t'"
            | "tout"
            | "tous"
            | "toute"
            | "toutes"
            | "enfin"
            | "aussi"
            | "ainsi"
            | "puis"
            | "alors"
            | "the"
            | "a."
            | "an"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "it"
            | "this"
            | "that"
            | "these"
            | "those"
            | "in"
            | "on."
            | "at"
            | "of"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "and"
            | "but"
            | "according"
            | "as"
            | "his"
            | "her"
            | "their"
            | "our"
            | "its"
            | "when"
            | "while"
            | "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mais,"
            | "oui"
            | "non"
            | "yes"
            | "no"
            | "merci"
            | "source"
            | "photo"
            | "lire"
    )
}

/// Words that end a speaker phrase after the verb ("a déclaré X lors de …", "said X on …").
pub fn ends_phrase(folded: &str) -> bool {
    matches!(
        folded,
        "au" | "aux"
            | "a"
            | "en"
            | "dans"
            | "lors"
            | "avant"
            | "apres"
            | "pendant"
            | "devant"
            | "sur"
            | "avec"
            | "pour"
            | "par"
            | "selon"
            | "qui"
            | "que"
            | "qu'"
            | "lorsque"
            | "quand"
            | "et"
            | "mais"
            | "ou"
            | "ce"
            | "cette"
            | "hier"
            | "jeudi"
            | "lundi"
            | "mardi"
            | "mercredi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "aujourd'hui"
            | "lui"
            | "face"
            | "sans"
            | "depuis"
            | "vers"
            | "chez"
            | "tout"
            | "alors"
            | "puis"
            | "ainsi"
            | "dont"
            | "ou'"
            | "at"
            | "in"
            | "on"
            | "during"
            | "after"
            | "before"
            | "to"
            | "who"
            | "when"
            | "and"
            | "but"
            | "while"
            | "as"
            | "from"
            | "with"
            | "for"
            | "last"
            | "this"
            | "that"
            | "told"
            | "in'"
            | "est"
            | "a-t-il"
            | "ont"
            | "avait"
    )
}

/// Prepositions that link a role to its complement ("chef de la diplomatie", "head of").
pub fn is_connector(folded: &str) -> bool {
    matches!(folded, "de" | "du" | "des" | "d'" | "of" | "la" | "l'" | "the" | "for")
}

/// Particles inside a person's name ("Charles de Gaulle", "Ould", "bin").
pub fn is_name_particle(folded: &str) -> bool {
    matches!(
        folded,
        "de" | "du"
            | "des"
            | "d'"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ben"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "ould"
            | "ag"
            | "da"
            | "dos"
            | "di"
            | "le"
            | "la"
    )
}

/// Constructions that name or label rather than quote ("considéré comme « … »").
pub fn is_naming_word(folded: &str) -> bool {
    matches!(
        folded,
        "considere"
            | "consideree"
            | "consideres"
            | "qualifie"
            | "qualifiee"
            | "qualifies"
            | "surnomme"
            | "surnommee"
            | "baptise"
            | "baptisee"
            | "appele"
            | "appelee"
            | "nomme"
            | "nommee"
            | "intitule"
            | "intitulee"
            | "dite"
            | "dits"
            | "dites"
            | "pretendu"
            | "pretendue"
            | "soi-disant"
            | "so-called"
            | "dubbed"
            | "nicknamed"
            | "called"
            | "titled"
            | "entitled"
            | "known"
            | "operation"
            | "comme"
            | "as"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn speech_verb_forms() {
        for w in [
            "déclaré",
            "déclarait",
            "déclare",
            "déclarent",
            "répondu",
            "résumait",
            "lancé",
            "lançait",
            "saluant",
            "écrit",
            "dit",
            "argumenté",
            "indiqué",
            "renchérit",
            "avertissait",
            "fustige",
            "s'indigne",
            "said",
            "says",
            "told",
            "added",
            "insisted",
            "warning",
            "wrote",
            "argued",
            "replied",
        ] {
            let f = fold(w);
            let f = f.strip_prefix("s'").unwrap_or(&f);
            assert!(is_speech_verb(f), "{w}");
        }
        for w in ["maison", "considéré", "homme", "the", "président"] {
            assert!(!is_speech_verb(&fold(w)), "{w}");
        }
    }

    #[test]
    fn nationalities() {
        assert_eq!(nationality("malienne"), Some("mali"));
        assert_eq!(nationality("kremlin"), Some("russie"));
        assert_eq!(nationality("table"), None);
    }
}
