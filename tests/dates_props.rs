//! Property tests for the date extractor: any input, no panic; spans on char boundaries, sorted
//! and not overlapping; values at a valid precision.
#![cfg(not(target_arch = "wasm32"))] // native: uses proptest

use manchette::dates;
use manchette::document::Document;
use manchette::{CivilDate, Lang};
use proptest::prelude::*;

/// Text built from date-ish pieces, so the grammars' deeper paths run, plus arbitrary chars.
fn datey() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("lundi ".to_string()),
        Just("23 ".to_string()),
        Just("juin ".to_string()),
        Just("2025".to_string()),
        Just("hier ".to_string()),
        Just("la veille ".to_string()),
        Just("June ".to_string()),
        Just("3rd, ".to_string()),
        Just("1ᵉʳ ".to_string()),
        Just("/".to_string()),
        Just("-".to_string()),
        Just(".".to_string()),
        Just("l’an dernier ".to_string()),
        Just("\n".to_string()),
        Just("Published ".to_string()),
        Just("ce ".to_string()),
        Just("31 février ".to_string()),
        Just("9999".to_string()),
        Just("0000".to_string()),
        "\\PC{0,3}".prop_map(|s| s),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str, lang: Lang, reference: Option<CivilDate>) {
    let doc = Document::new(text, lang);
    let structure = manchette::structure::analyze(&doc);
    let (_, found) = dates::analyze(&doc, &structure, reference);
    let mut last_end = 0;
    for d in &found {
        assert!(d.span.start < d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        assert!(d.span.start >= last_end, "overlap in {text:?}");
        last_end = d.span.end;
        if let Some(v) = d.value {
            assert!(v.day.is_none() || v.month.is_some());
            if let (Some(m), Some(day)) = (v.month, v.day) {
                assert!(CivilDate::new(v.year, m, day).is_some());
            }
        }
    }
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_sound(text in datey(), en in any::<bool>(), with_ref in any::<bool>()) {
        let lang = if en { Lang::En } else { Lang::Fr };
        check(&text, lang, if with_ref { CivilDate::new(2025, 6, 24) } else { None });
    }

    #[test]
    fn arbitrary_strings(text in "\\PC{0,200}") {
        check(&text, Lang::Fr, None);
        check(&text, Lang::En, CivilDate::new(9999, 12, 31));
        check(&text, Lang::Fr, CivilDate::new(1, 1, 1));
    }
}
