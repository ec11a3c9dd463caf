//! Replays every input the fuzzer ever found troublesome (tests/fuzz_regressions/), the way the
//! fuzz target feeds it, so a fixed crash stays fixed.
#![cfg(not(target_arch = "wasm32"))] // native: reads files, spawns processes or uses proptest

use manchette::{analyze, analyze_page, html, CivilDate, Lang, Options};

#[test]
fn replays_fuzz_regressions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        let (flags, rest) = data.split_first().map_or((0, &data[..]), |(f, r)| (*f, r));
        let text = String::from_utf8_lossy(rest);
        for lang in [None, Some(Lang::Fr), Some(Lang::En)] {
            for reference_date in [None, CivilDate::new(2025, 6, 27)] {
                let options = Options { reference_date, lang };
                let _ = analyze(&text, &options);
                // The fuzz target reads the input as a web page when bit 3 of its first byte is set.
                if flags & 8 == 8 {
                    let _ = analyze_page(&html::extract(&text), &options);
                }
            }
        }
        count += 1;
    }
    assert!(count >= 1, "the regression folder keeps at least its seed inputs");
}
