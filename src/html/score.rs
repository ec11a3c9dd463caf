//! How close an extracted article is to a reference, for the `html_eval` report and the golden
//! test over `tests/pages`: word-level F1 (bag of words, as article-extraction benchmarks count
//! it), and headlines compared without case, punctuation or quote style.

use std::collections::HashMap;

/// Word-level precision, recall and F1 of `got` against `want`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn bag(s: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *counts.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

pub fn word_f1(got: &str, want: &str) -> WordScore {
    let (g, w) = (bag(got), bag(want));
    let common: usize = g.iter().map(|(k, n)| (*n).min(w.get(k).copied().unwrap_or(0))).sum();
    let (ng, nw) = (g.values().sum::<usize>(), w.values().sum::<usize>());
    let ratio = |a: usize, b: usize| if b == 0 { (a == 0) as u8 as f64 } else { a as f64 / b as f64 };
    let (precision, recall) = (ratio(common, ng), ratio(common, nw));
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    WordScore { precision, recall, f1 }
}

/// Whether two headlines are the same words (case, punctuation and quote style aside).
pub fn same_headline(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let wa = words(a);
    !wa.is_empty() && wa == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_counts_words_with_repeats() {
        assert_eq!(word_f1("a b c", "a b c").f1, 1.0);
        let s = word_f1("a a b", "a b c d");
        assert_eq!((s.precision, s.recall), (1.0, 0.75));
        assert_eq!(word_f1("", "a").f1, 0.0);
        assert_eq!(word_f1("x y", "a b").f1, 0.0);
        assert!(same_headline("‘We had some issues,’ exec", "'we had some ISSUES' exec"));
        assert!(!same_headline("a b", "a b c"));
    }
}
