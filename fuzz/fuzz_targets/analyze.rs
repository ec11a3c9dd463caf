//! Fuzzes the whole pipeline: any UTF-8 input (bytes that are not UTF-8 are decoded lossily),
//! both languages, with and without a reference date, as a text or as a web page (bit 3 of the
//! first byte), and checks the span invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use manchette::report::Report;
use manchette::OffsetUnit;
use manchette::{analyze, analyze_page, html, CivilDate, Lang, Options};

fuzz_target!(|data: &[u8]| {
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let input = String::from_utf8_lossy(rest);
    let options = Options {
        reference_date: if flags & 1 == 1 { CivilDate::new(2025, 6, 27) } else { None },
        lang: match (flags >> 1) % 3 {
            0 => None,
            1 => Some(Lang::Fr),
            _ => Some(Lang::En),
        },
    };
    let (text, report) = if flags & 8 == 8 {
        let page = html::extract(&input);
        let mut at = 0;
        for b in &page.blocks {
            assert!(at <= b.span.start && b.span.start < b.span.end && b.span.end <= page.text.len());
            at = b.span.end;
        }
        let analysis = analyze_page(&page, &options);
        let report = Report::of_page(&page, &analysis, OffsetUnit::Byte);
        (page.text, report)
    } else {
        let analysis = analyze(&input, &options);
        let report = Report::new(&input, &analysis, OffsetUnit::Byte);
        (input.into_owned(), report)
    };
    for e in &report.entities {
        assert_eq!(&text[e.start..e.end], e.text);
    }
    for q in &report.quotes {
        assert_eq!(&text[q.start..q.end], q.text);
    }
    for d in &report.dates {
        assert_eq!(&text[d.start..d.end], d.text);
    }
});
