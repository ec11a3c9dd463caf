//! Navigation lines copied with an article: menus ("Accueil | International | Politique"),
//! breadcrumbs ("Accueil > Monde > Afrique"), share bars ("Partager Tweeter Envoyer") and rows
//! of capitalised section names ("Home World Business Tech Sport"). None is ever a headline.
//! Shape only, plus the crate's function words and the boilerplate phrases: no site is known.

use super::lines::Line;
use super::phrases::{match_normalized, normalize, PhraseKind};
use crate::text::fold;
use crate::words::function_words;

/// Items of a menu or breadcrumb are short: a section name, "Île-de-France", "Ligue des champions".
const MAX_ITEM_WORDS: usize = 4;
/// A row of capitalised words reads as a menu from this many entries on.
const MIN_ROW_WORDS: u32 = 4;

/// What kind of navigation a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Navigation {
    /// Short items between separators, or known share and menu words only: boilerplate wherever
    /// it stands.
    Menu,
    /// Capitalised words with no function word and no punctuation: a menu when a title-like line
    /// follows it in the header, but an English title-case headline has the same shape.
    WordRow,
}

/// Separators between menu items that may touch their items ("Accueil|Monde").
fn is_tight_separator(c: char) -> bool {
    matches!(c, '|' | '·' | '•' | '¦')
}

/// Separators of breadcrumbs, only between spaces ("Monde / Afrique", not "24/7"). `»` and `›`
/// are left out of a line that opens a quotation with `«` or `‹`.
fn is_spaced_separator(c: char, quoted: bool) -> bool {
    matches!(c, '>' | '/' | '→' | '»' | '›') && !(quoted && matches!(c, '»' | '›'))
}

/// The line cut at its separators, with whether one was a breadcrumb separator.
fn items(s: &str) -> (Vec<&str>, bool) {
    let quoted = s.contains(['«', '‹']);
    let mut out = Vec::new();
    let mut breadcrumb = false;
    let mut start = 0;
    let mut prev_space = true;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next_space = !matches!(it.peek(), Some(&(_, d)) if !d.is_whitespace());
        let spaced = is_spaced_separator(c, quoted) && prev_space && next_space;
        if is_tight_separator(c) || spaced {
            out.push(s[start..i].trim());
            start = i + c.len_utf8();
            breadcrumb |= spaced;
        }
        prev_space = c.is_whitespace();
    }
    out.push(s[start..].trim());
    out.retain(|item| !item.is_empty());
    (out, breadcrumb)
}

/// Every piece is a known menu or share word ("Partager", "Facebook", "Imprimer").
fn all_known(pieces: &[&str]) -> bool {
    pieces.len() >= 2
        && pieces.iter().all(|p| {
            let norm = normalize(p);
            matches!(match_normalized(&norm, p.len()), Some(PhraseKind::Line | PhraseKind::Prefix))
        })
}

/// Longest known phrase tried when a line is cut into known phrases ("retour en haut de page").
const MAX_PHRASE_WORDS: usize = 4;
/// Lines of more words are not read as a row of buttons.
const MAX_BUTTON_ROW_WORDS: usize = 12;

/// The line is two or more known menu or share phrases side by side, without separators:
/// "Partager Tweeter Envoyer", "S'abonner Se connecter", "Copier le lien Imprimer".
fn known_phrases_only(s: &str) -> bool {
    let norm = normalize(s);
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    let n = words.len();
    if !(2..=MAX_BUTTON_ROW_WORDS).contains(&n) {
        return false;
    }
    // fewest[i]: the fewest phrases that cover words[..i] (a cut into one phrase is `line` itself).
    let mut fewest = vec![usize::MAX; n + 1];
    fewest[0] = 0;
    for i in 0..n {
        if fewest[i] == usize::MAX {
            continue;
        }
        for j in i + 1..=n.min(i + MAX_PHRASE_WORDS) {
            let piece = words[i..j].join(" ");
            if match_normalized(&piece, piece.len()) == Some(PhraseKind::Line) {
                fewest[j] = fewest[j].min(fewest[i] + 1);
            }
        }
    }
    fewest[n] != usize::MAX && fewest[n] >= 2
}

fn is_short_item(item: &str) -> bool {
    let words = item.split_whitespace().count();
    words <= MAX_ITEM_WORDS
        && item.chars().any(char::is_alphanumeric)
        && !item.ends_with(['.', '!', '?', '…', ':', ','])
}

/// Whether the line `s` (measured as `line`) is navigation, and of which kind.
pub fn navigation(s: &str, line: &Line) -> Option<Navigation> {
    if line.is_body_like() || line.markup || line.words > 40 {
        return None;
    }
    let (items, breadcrumb) = items(s);
    if items.len() >= 2 && all_known(&items) {
        return Some(Navigation::Menu);
    }
    if items.len() >= 3 {
        // A breadcrumb may end on the article's own title; a menu's items are all short.
        let (last, head) = items.split_last()?;
        if head.iter().all(|i| is_short_item(i)) && (breadcrumb || is_short_item(last)) {
            return Some(Navigation::Menu);
        }
    }
    if known_phrases_only(s) {
        return Some(Navigation::Menu);
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let row = line.letter_words >= MIN_ROW_WORDS
        && line.capitalized == line.letter_words
        && line.words == line.letter_words
        && line.stops == 0
        && !s.contains([':', ',', '«', '»', '"', '“', '”', '(', '?', '!'])
        && words.iter().all(|w| !function_words().contains(&fold(w)));
    row.then_some(Navigation::WordRow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn nav(s: &str) -> Option<Navigation> {
        navigation(s, &Line::measure(s, Span::new(0, s.len())))
    }

    #[test]
    fn menus_breadcrumbs_and_share_bars() {
        use Navigation::*;
        let cases: &[(&str, Option<Navigation>)] = &[
            ("Accueil | International | Politique | Économie | Sports", Some(Menu)),
            ("Accueil|Monde|Afrique", Some(Menu)),
            ("Home · World · UK · Business · Tech", Some(Menu)),
            ("Accueil > Monde > Afrique", Some(Menu)),
            ("Accueil » Monde » Afrique » Au Mali, la junte dissout les partis politiques", Some(Menu)),
            ("News / World / Middle East", Some(Menu)),
            ("Partager Tweeter Envoyer", Some(Menu)),
            ("S’abonner Se connecter", Some(Menu)),
            ("Copier le lien Imprimer", Some(Menu)),
            ("Partager le pouvoir", None),
            ("Facebook Twitter WhatsApp Imprimer", Some(Menu)),
            ("Partager sur Facebook | Partager sur X | Copier le lien", Some(Menu)),
            ("Mentions légales | Contact | Newsletter", Some(Menu)),
            ("Accueil International Politique Économie Sports Culture", Some(WordRow)),
            ("Home World Business Tech Science Entertainment", Some(WordRow)),
            // Headlines, never navigation.
            ("Nantes accueille le sommet européen de l’eau", None),
            ("France : incident à l'Assemblée Nationale lors des débats sur le budget", None),
            ("Mali · Burkina · Niger : l’alliance des juntes se renforce face à la Cédéao", None),
            ("« Oui » ou « non » : le dilemme des électeurs", None),
            // A title-case headline has a menu's shape: the classifier decides by position.
            ("Biden Signs Climate Bill Into Law", Some(WordRow)),
            ("Le Mali et la Russie signent un accord sur l’énergie nucléaire", None),
            ("Covid-19 : la vaccination 24/7 dans les centres de Paris", None),
            ("Élections 2024 | Le Monde", None),
            ("La ministre a ouvert lundi à Nantes le sommet / la conférence sur l’eau.", None),
        ];
        for &(line, want) in cases {
            assert_eq!(nav(line), want, "{line}");
        }
    }
}
