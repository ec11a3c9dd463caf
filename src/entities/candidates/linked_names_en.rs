//! Organisation names whose capitalised parts are linked by "&", "of", "for" or "and", or closed
//! by a head noun, as English writes them ("Bank of England", "Leeds City Council"); French only
//! by a legal form ("… SAS").

use super::{cap_segment, Origin, Piece};
use crate::entities::context::Ctx;
use crate::entities::gazetteer::class;
use crate::words::word_list;

/// An organisation's head noun or closing word ("Bank", "Council", "Ltd", "Post").
pub(super) fn org_word(ctx: &Ctx, i: usize) -> bool {
    ctx.is_cap(i) && ctx.classes(i, i) & (class::ORG_HEAD | class::ORG_TAIL) != 0
}

/// Heads after which "of" or "for" goes on with the name ("Bank of England", "Department for
/// Transport"): organisation heads, but not the words that close a club's or a firm's name
/// ("Manchester United of the Premier League").
pub(super) fn of_head(ctx: &Ctx, i: usize) -> bool {
    ctx.is_cap(i)
        && ctx.classes(i, i) & class::ORG_HEAD != 0
        && !word_list!("entities/en/org_closing_words.txt").contains(ctx.fold(i))
}

/// Organisation names whose capitalised parts are linked by "&", "of", "for" or "and", or
/// closed by a head noun (in English; in French only by a legal form, "… SAS"): "Procter & Gamble", "M&S", "Central Bank of Kenya",
/// "Department for Transport", "University of Leeds", "Cheshire West and Chester Council",
/// "Leeds City Council", "Ohio Supreme Court", "Kirkstall Haulage Ltd". Place names inside
/// ("Kenya", "Leeds") belong to the organisation's name there. A span that is a gazetteer entry
/// as a whole is left to the gazetteer ("European Union", "Soviet Union").
pub fn linked_names(ctx: &Ctx) -> Vec<Piece> {
    let n = ctx.len();
    let en = ctx.doc.lang == crate::analysis::Lang::En;
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        // Most tokens: no capital, no segment (tested here, where it inlines).
        let Some(mut end) = ctx.is_cap(i).then(|| cap_segment(ctx, i)).flatten() else {
            i += 1;
            continue;
        };
        let start = i;
        let mut linked = (start..=end).any(|k| ctx.text(k) == "&");
        let mut seg_start = start;
        loop {
            let j = end + 1;
            if j >= n || !ctx.continues(j) || !ctx.is_lower(j) {
                break;
            }
            let f = ctx.fold(j);
            if en && matches!(f, "of" | "for") && of_head(ctx, end) {
                let mut k = j + 1;
                if k < n && ctx.fold(k) == "the" && ctx.continues(k) {
                    k += 1;
                }
                if let Some(mut e) = cap_segment(ctx, k).filter(|_| ctx.continues(k)) {
                    // "the Bank of England Andrew Bailey": a person's first name ends it.
                    if let Some(p) = (k + 1..=e).find(|&p| {
                        ctx.is_cap(p) && ctx.classes(p, p) & class::FIRST_NAME != 0 && ctx.text(p - 1) != "-"
                    }) {
                        e = p - 1;
                    }
                    seg_start = k;
                    end = e;
                    linked = true;
                    if e < k || ctx.text(e) == "&" {
                        break;
                    }
                    continue;
                }
            } else if en
                && f == "and"
                && !(start..=end).any(|k| org_word(ctx, k))
                && ctx.classes(seg_start, end) & class::NAME == 0
            {
                if let Some(e) = cap_segment(ctx, j + 1).filter(|_| ctx.continues(j + 1)) {
                    if org_word(ctx, e) && ctx.classes(j + 1, e) & class::NAME == 0 {
                        seg_start = j + 1;
                        end = e;
                        linked = true;
                        continue;
                    }
                }
            }
            break;
        }
        i = end + 1;
        if end == start {
            continue; // one word, no link: most capitalised words
        }
        // French puts the head first: only a company's legal form closes its name there.
        let c = ctx.classes(end, end);
        let legal_form = c & class::ORG_TAIL != 0 && (ctx.is_acronym(end) || ctx.text(end).len() <= 4);
        let closed = ctx.is_cap(end) && c & (class::ORG_HEAD | class::ORG_TAIL) != 0 && (en || legal_form);
        if !(linked || closed) {
            continue;
        }
        // Words before the name: a sentence's first word when it is a common word, a function
        // word or a title ("The Bank of England", "Former Bank of England …").
        let mut first = start;
        while first < end {
            let f = ctx.fold(first);
            let opener = ctx.is_function_word(first)
                || ctx.classes(first, first) & class::TITLE != 0
                || (ctx.is_initial(first)
                    && ctx.is_common(first)
                    && !ctx.capitalised_inside.contains(f)
                    && !org_word(ctx, first));
            if !opener || ctx.text(first + 1) == "&" || ctx.text(first + 1) == "-" {
                break;
            }
            first += 1;
        }
        let words = (first..=end).filter(|&k| ctx.is_cap(k)).count();
        if words >= 2 && ctx.classes(first, end) & class::NAME == 0 {
            out.push(Piece { first, last: end, origin: Origin::OrgPattern, classes: class::ORG });
        }
    }
    out
}
