//! Invariants over arbitrary and mutated input: no panic; every span lies on char boundaries and
//! slices back to its text; byte, code point and UTF-16 offsets agree; spans are sorted and
//! entity mentions do not overlap.
#![cfg(not(target_arch = "wasm32"))] // native: reads files, spawns processes or uses proptest

mod common;

use manchette::report::Report;
use manchette::text::{OffsetMap, OffsetUnit};
use manchette::{analyze, Analysis, CivilDate, Options, Span};
use proptest::prelude::*;

fn spans(a: &Analysis) -> Vec<(&'static str, Span)> {
    let mut v: Vec<(&'static str, Span)> = Vec::new();
    v.extend(a.mentions.iter().map(|m| ("mention", m.span)));
    v.extend(a.quotes.iter().map(|q| ("quote", q.span)));
    v.extend(a.quotes.iter().filter_map(|q| q.speaker_span).map(|s| ("speaker", s)));
    v.extend(a.dates.iter().map(|d| ("date", d.span)));
    v.extend(a.blocks.iter().map(|b| ("block", b.span)));
    v
}

fn check_invariants(text: &str, options: &Options) {
    let a = analyze(text, options);
    for (kind, s) in spans(&a) {
        assert!(s.start < s.end && s.end <= text.len(), "{kind} span {s:?} out of range");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{kind} span {s:?} off a char boundary"
        );
    }
    for w in a.mentions.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "mentions overlap or unsorted: {:?}",
            (w[0].span, w[1].span)
        );
    }
    for w in a.quotes.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "quotes unsorted");
    }
    for w in a.dates.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "dates unsorted");
    }
    for m in &a.mentions {
        assert!(m.entity < a.entities.len(), "mention points past the entities");
    }
    for q in &a.quotes {
        if let Some(e) = q.speaker_entity {
            assert!(e < a.entities.len());
        }
    }
    // The three offset units agree: each report's slice is the same text.
    let bytes = Report::new(text, &a, OffsetUnit::Byte);
    let cps = Report::new(text, &a, OffsetUnit::CodePoint);
    let u16s = Report::new(text, &a, OffsetUnit::Utf16);
    let chars: Vec<char> = text.chars().collect();
    let units: Vec<u16> = text.encode_utf16().collect();
    for ((b, c), u) in bytes.entities.iter().zip(&cps.entities).zip(&u16s.entities) {
        assert_eq!(&text[b.start..b.end], b.text);
        assert_eq!(chars[c.start..c.end].iter().collect::<String>(), c.text);
        assert_eq!(String::from_utf16_lossy(&units[u.start..u.end]), u.text);
    }
    for ((b, c), u) in bytes.quotes.iter().zip(&cps.quotes).zip(&u16s.quotes) {
        assert_eq!(&text[b.start..b.end], b.text);
        assert_eq!(chars[c.start..c.end].iter().collect::<String>(), c.text);
        assert_eq!(String::from_utf16_lossy(&units[u.start..u.end]), u.text);
    }
    for ((b, c), u) in bytes.dates.iter().zip(&cps.dates).zip(&u16s.dates) {
        assert_eq!(&text[b.start..b.end], b.text);
        assert_eq!(chars[c.start..c.end].iter().collect::<String>(), c.text);
        assert_eq!(String::from_utf16_lossy(&units[u.start..u.end]), u.text);
    }
}

/// Text built from pieces news actually contains, so that extractors fire on generated input.
fn newsy_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("« ".to_string()),
        Just(" »".to_string()),
        Just("«\u{202F}".to_string()),
        Just("\u{00A0}»".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘‘".to_string()),
        Just("’’".to_string()),
        Just(", a déclaré ".to_string()),
        Just(" said ".to_string()),
        Just("Assimi GOÏTA".to_string()),
        Just("le général Sadio Camara".to_string()),
        Just("Vladimir Poutine".to_string()),
        Just(" lundi 23 juin ".to_string()),
        Just(" hier jeudi ".to_string()),
        Just(" le 1ᵉʳ mars 2024 ".to_string()),
        Just("23/06/2025".to_string()),
        Just(" en 2016 ".to_string()),
        Just("June 3, 2024".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("Menu\n".to_string()),
        Just(" au Mali. ".to_string()),
        Just(" l’Africacorps ".to_string()),
        Just("😀".to_string()),
        Just("é".to_string()),
        Just("e\u{0301}".to_string()),
        Just("\u{200B}".to_string()),
        Just("日本".to_string()),
        Just("שלום".to_string()),
        Just("-".to_string()),
        Just(".".to_string()),
        Just(":".to_string()),
        "[A-Za-zÀ-ÿ0-9 ,.;:!?'’()«»\"\\n-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn options() -> impl Strategy<Value = Options> {
    (any::<bool>(), 0u8..3).prop_map(|(with_date, lang)| Options {
        reference_date: if with_date { CivilDate::new(2025, 6, 27) } else { None },
        lang: match lang {
            0 => None,
            1 => Some(manchette::Lang::Fr),
            _ => Some(manchette::Lang::En),
        },
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_keeps_invariants(text in any::<String>(), opts in options()) {
        check_invariants(&text, &opts);
    }

    #[test]
    fn newsy_text_keeps_invariants(pieces in proptest::collection::vec(newsy_piece(), 0..60), opts in options()) {
        check_invariants(&pieces.concat(), &opts);
    }

    #[test]
    fn mutated_sample_articles_keep_invariants(
        which in 0usize..5,
        cuts in proptest::collection::vec((any::<prop::sample::Index>(), newsy_piece()), 1..8),
        opts in options(),
    ) {
        let articles = common::gold_articles();
        let mut text = articles[which % articles.len()].text.clone();
        for (at, insert) in cuts {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) { i -= 1; }
            // Alternate insertions and deletions of the next few chars.
            if insert.len() % 2 == 0 {
                text.insert_str(i, &insert);
            } else {
                let end = text[i..].char_indices().nth(insert.len()).map_or(text.len(), |(k, _)| i + k);
                text.replace_range(i..end, "");
            }
        }
        check_invariants(&text, &opts);
    }
}

#[test]
fn offset_maps_agree_on_emoji_accents_and_no_break_spaces() {
    let text = "«\u{202F}Je suis là\u{00A0}», dit Goïta 😀 le lundi 23 juin.";
    let cp = OffsetMap::new(text, OffsetUnit::CodePoint);
    let u16m = OffsetMap::new(text, OffsetUnit::Utf16);
    let emoji = text.find('😀').unwrap();
    assert_eq!(cp.convert(emoji), text[..emoji].chars().count());
    assert_eq!(u16m.convert(emoji + 4), text[..emoji].encode_utf16().count() + 2);
}

#[test]
fn hostile_inputs_give_results() {
    let big = "Le président Assimi Goïta a déclaré : « Nous irons jusqu'au bout », lundi 23 juin 2025.\n"
        .repeat(60_000);
    let cases: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\u{0}\u{1}\u{2}\u{7f}".into(),
        "«".repeat(100_000),
        "« »".repeat(30_000),
        "\"".repeat(100_001),
        "a".repeat(1 << 20),
        ".,;:!?".repeat(50_000),
        format!("{}{}", "«".repeat(5_000), "»".repeat(5_000)),
        "مرحبا بالعالم שלום עולם Привет мир 你好世界 ".repeat(2_000),
        String::from_utf8_lossy(
            &(0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect::<Vec<u8>>(),
        )
        .into_owned(),
        big.replace('\n', " "), // one 5 MB line
        big,
    ];
    for text in cases {
        // A generous bound that grows with the input (the suite runs unoptimised-ish, beside
        // other work): linear code stays far below it; a quadratic path blows through it (one
        // such bug once took 170 s on 0.9 MB). Throughput is measured by the benchmarks.
        let start = std::time::Instant::now();
        check_invariants(&text, &Options::default());
        let elapsed = start.elapsed();
        let bound = 20.0 + 20.0 * text.len() as f64 / 1e6;
        assert!(
            elapsed.as_secs_f64() < bound,
            "{} bytes starting {:?} took {elapsed:?} (bound {bound:.0} s)",
            text.len(),
            text.chars().take(20).collect::<String>()
        );
    }
}
