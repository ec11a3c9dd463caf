//! Scare quotes versus quotes. Marks around a term or a title ("considéré comme « l'homme de
//! Moscou »", « Wagner ») are not speech. The rule, from the sample articles:
//! - seven words or more: a quote;
//! - one word: a quote only right after a colon or right before an attribution ("« Non », a-t-il
//!   dit");
//! - a naming construction just before the marks ("considéré comme", "surnommé", "so-called"):
//!   not a quote;
//! - a sentence (capital first, final punctuation, or after a colon or at a paragraph start): a
//!   quote;
//! - otherwise a short phrase is a quote only if its sentence attributes speech (a speech verb or
//!   "selon", "d'après", "according to": « bonnes perspectives » after "saluant les", « visite
//!   d'amitié et de travail » in a sentence ending "comme l'écrit le ministère").

use super::attribution;
use super::context::Ctx;
use super::frames;
use super::lexicon;
use super::spans::Segment;

const LONG: usize = 7;
/// Tokens read on each side of the marks for a verb of saying.
const WINDOW: usize = 40;

/// Whether the segments of one quote hold speech rather than a term.
pub fn is_quote(ctx: &Ctx, segs: &[Segment]) -> bool {
    let (Some(first), Some(last)) = (segs.first(), segs.last()) else { return false };
    let t0 = ctx.token_at(first.inner.start);
    let t1 = ctx.token_at(last.inner.end); // exclusive
    if t0 >= t1 {
        return false;
    }
    // A hyphenated word is one word: « non-événement » is a term.
    let words = (t0..t1)
        .filter(|&i| {
            ctx.is_word(i) && !(i > t0 && ctx.is_punct(i - 1, "-") && ctx.glued(i - 1) && ctx.glued(i))
        })
        .count();
    if words >= LONG {
        return true;
    }
    let open = ctx.token_at(first.open.start);
    let after_close = last.close.map_or(t1, |c| ctx.token_at(c.end));
    let after_colon = open > 0 && ctx.is_punct(open - 1, ":");
    let at_line_start = open == 0 || ctx.doc.tokens[open].newlines_before > 0;
    let cue_after = attribution::after(ctx, after_close, ctx.len()).is_some();
    if words <= 1 {
        return after_colon || cue_after || attribution::verb_follows(ctx, after_close);
    }
    if open > 0 && lexicon::is_naming_word(ctx.f(open - 1)) {
        return false;
    }
    let inner = first.inner.slice(ctx.doc.text);
    let capital = inner.chars().next().is_some_and(char::is_uppercase);
    let tail = last.inner.slice(ctx.doc.text).trim_end_matches(|c: char| c == '»' || c.is_whitespace());
    let final_punct = tail.ends_with(['.', '!', '?', '…']);
    if capital && (final_punct || after_colon || at_line_start || cue_after) {
        return true;
    }
    if cue_after {
        return true;
    }
    // A clause after "que" ("estimant que « le catalan est notre langue »", "qu'il « doit
    // être compris »"): reported words, not a term.
    let mut q = open;
    if q > 0 && lexicon::pronoun(ctx.f(q - 1)).is_some() {
        q -= 1;
    }
    if words >= 3 && q > 0 && matches!(ctx.f(q - 1), "que" | "qu'" | "that") {
        return true;
    }
    // "pour X, « … »", "selon X, « … »", "X a déclaré que « … »".
    let s0 = ctx.sentence_of(open.min(ctx.len() - 1));
    if attribution::before(ctx, open, ctx.doc.sentences[s0].start).is_some() {
        return true;
    }
    // The sentences around the marks.
    let s0 = ctx.sentence_of(open.min(ctx.len() - 1));
    let s1 = ctx.sentence_of(after_close.saturating_sub(1).min(ctx.len() - 1));
    // Bounded, so that a text without sentence ends stays linear.
    let lo = ctx.doc.sentences[s0].start.max(open.saturating_sub(WINDOW));
    let hi = ctx.doc.sentences[s1].end.min(after_close + WINDOW);
    (lo..hi).filter(|&i| i < t0 || i >= t1).any(|i| {
        let f = ctx.f(i);
        (lexicon::is_speech_verb(f) && !ctx.is_cap(i))
            || frames::introducer_at(ctx, i).is_some_and(|(p, _)| p.before || p.after)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lang;
    use crate::document::Document;
    use crate::quotes::spans;

    fn verdicts(text: &str) -> Vec<(String, bool)> {
        let doc = Document::new(text, Lang::Fr);
        let ctx = Ctx::new(&doc);
        spans::find(text)
            .iter()
            .map(|s| (s.inner.slice(text).to_string(), is_quote(&ctx, std::slice::from_ref(s))))
            .collect()
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotes() {
        let table: &[(&str, bool)] = &[
            ("Sadio Camara – qui est considéré comme « l’homme de Moscou » à Bamako – est venu.", false),
            ("La présence du groupe « Wagner « au Mali est le symbole du renforcement.", false),
            ("Il a lu « Les Misérables » pendant l’été.", false),
            ("Le film “Top Gun” sort demain.", false),
            ("Vladimir Poutine s’est dit satisfait, saluant les « bonnes perspectives » de partenariat.", true),
            ("Une « visite d’amitié et de travail » qui doit durer deux jours, comme l’écrit le ministère.", true),
            ("« C’est un grand plaisir de vous accueillir en Russie », a lancé le chef du Kremlin.", true),
            ("« Non », a-t-il répondu.", true),
            ("Il a déclaré : « Jamais. »", true),
            ("“We will win,” she said.", true),
            ("The so-called “peace plan” failed.", false),
            ("Elle juge qu’il « faut aller plus loin » dans ce dossier.", true),
            ("Il espère que « la ville sera prête » en juin.", true),
        ];
        for (text, want) in table {
            let got = verdicts(text);
            assert_eq!(got.len(), 1, "{text}");
            assert_eq!(got[0].1, *want, "{text}");
        }
    }
}
