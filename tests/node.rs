//! The JavaScript bindings under Node (`wasm-pack test --node -- --test node`): the result
//! shape, UTF-16 offsets that slice back in JavaScript, errors for bad arguments, and the progress
//! callback.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, JsString, Object, RangeError, Reflect, TypeError};
use manchette::wasm::{analyze_js, max_input_bytes, utf8_of, version, ENCODE_CHUNK};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// Accents, an emoji (two UTF-16 units), U+202F before », U+00A0 before :, and a CJK line.
const TRICKY: &str =
    "Élysée : 🎉 le président a dit\u{a0}: «\u{202f}Nous irons à Bamako\u{202f}» lundi 23 juin 2025.\n\
    \n  Deuxième ligne 👩‍👩‍👧 avec « guillemets » et Emmanuel Macron à Paris.\n東京の記事\n";

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn options(pairs: &[(&str, JsValue)]) -> Option<JsValue> {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    Some(o.into())
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number")) as u32
}

#[wasm_bindgen_test]
fn result_has_the_documented_shape() {
    let r = analyze_js(JsValue::from_str(TRICKY), None).unwrap();
    for key in ["entities", "quotes", "dates", "clusters", "blocks", "authors"] {
        assert!(Array::is_array(&get(&r, key)), "{key} is not an array");
    }
    assert!(["fr", "en", "other"].contains(&get(&r, "lang").as_string().unwrap().as_str()));
    let conf = get(&r, "lang_confidence").as_f64().unwrap();
    assert!((0.0..=1.0).contains(&conf));
    assert!(get(&r, "reference_date_note").is_string());
    let source = get(&r, "reference_date_source").as_string().unwrap();
    assert!(["given", "dateline", "inferred", "none"].contains(&source.as_str()));
    for key in ["reference_date", "headline", "source"] {
        let v = get(&r, key);
        assert!(v.is_null() || v.is_string(), "{key} must be a string or null");
    }
    // Plain objects, not class instances: JSON round trip is lossless.
    let json = js_sys::JSON::stringify(&r).unwrap();
    let back = js_sys::JSON::parse(&String::from(json.clone())).unwrap();
    assert_eq!(String::from(js_sys::JSON::stringify(&back).unwrap()), String::from(json));
}

#[wasm_bindgen_test]
fn utf16_offsets_slice_back_in_javascript() {
    let js_text = JsString::from(TRICKY);
    let r = analyze_js(js_text.clone().into(), options(&[("lang", "fr".into())])).unwrap();
    let blocks = Array::from(&get(&r, "blocks"));
    assert!(blocks.length() >= 3, "one block per non-blank line");
    let lines: Vec<&str> = TRICKY.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    for (i, b) in blocks.iter().enumerate() {
        let (s, e) = (num(&b, "start"), num(&b, "end"));
        assert!(s < e && e <= js_text.length());
        let slice = String::from(js_text.slice(s, e));
        if blocks.length() as usize == lines.len() {
            assert_eq!(slice, lines[i]);
        }
        assert_eq!(slice.trim(), slice, "blocks are trimmed lines");
    }
    for kind in ["entities", "quotes", "dates"] {
        for item in Array::from(&get(&r, kind)).iter() {
            let (s, e) = (num(&item, "start"), num(&item, "end"));
            assert!(s < e && e <= js_text.length(), "{kind} span {s}..{e}");
            assert_eq!(String::from(js_text.slice(s, e)), get(&item, "text").as_string().unwrap(), "{kind}");
        }
    }
    for q in Array::from(&get(&r, "quotes")).iter() {
        if let (Some(s), Some(e)) = (get(&q, "speaker_start").as_f64(), get(&q, "speaker_end").as_f64()) {
            let slice = String::from(js_text.slice(s as u32, e as u32));
            assert_eq!(Some(slice), get(&q, "speaker_text").as_string());
        }
    }
}

#[wasm_bindgen_test]
fn the_last_block_ends_at_the_utf16_length() {
    let text = "a 🎉\u{202f}»";
    let r = analyze_js(JsValue::from_str(text), None).unwrap();
    let blocks = Array::from(&get(&r, "blocks"));
    let last = blocks.get(blocks.length() - 1);
    assert_eq!(num(&last, "end") as usize, text.encode_utf16().count());
    assert_eq!(num(&last, "end"), JsString::from(text).length());
}

#[wasm_bindgen_test]
fn given_reference_date_and_language_are_used() {
    let r = analyze_js(
        JsValue::from_str("The minister spoke on Monday."),
        options(&[("referenceDate", "2025-06-24".into()), ("lang", "en".into())]),
    )
    .unwrap();
    assert_eq!(get(&r, "reference_date").as_string().as_deref(), Some("2025-06-24"));
    assert_eq!(get(&r, "reference_date_source").as_string().as_deref(), Some("given"));
    assert_eq!(get(&r, "lang").as_string().as_deref(), Some("en"));
    // null and undefined options mean "not given".
    let r = analyze_js(JsValue::from_str("x"), options(&[("referenceDate", JsValue::NULL)])).unwrap();
    assert_eq!(get(&r, "reference_date_source").as_string().as_deref(), Some("none"));
    assert!(analyze_js(JsValue::from_str("x"), Some(JsValue::NULL)).is_ok());
    assert!(analyze_js(JsValue::from_str(""), None).is_ok());
}

#[wasm_bindgen_test]
fn text_that_is_not_a_string_is_a_type_error() {
    for bad in [
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from_f64(42.0),
        Object::new().into(),
        Array::new().into(),
    ] {
        let err = analyze_js(bad, None).unwrap_err();
        assert!(err.is_instance_of::<TypeError>(), "expected a TypeError");
        let msg = String::from(err.unchecked_ref::<js_sys::Error>().message());
        assert!(msg.contains("expects a string"), "{msg}");
    }
}

#[wasm_bindgen_test]
fn bad_options_are_errors_not_traps() {
    let text = JsValue::from_str("Le 3 mars.");
    let err = analyze_js(text.clone(), Some(JsValue::from_f64(1.0))).unwrap_err();
    assert!(err.is_instance_of::<TypeError>());
    let err = analyze_js(text.clone(), options(&[("referenceDate", JsValue::from_f64(2025.0))])).unwrap_err();
    assert!(err.is_instance_of::<TypeError>());
    for bad in ["2025-02-30", "24/06/2025", "hier", "2025-13-01"] {
        let err = analyze_js(text.clone(), options(&[("referenceDate", bad.into())])).unwrap_err();
        assert!(err.is_instance_of::<RangeError>(), "{bad}");
        let msg = String::from(err.unchecked_ref::<js_sys::Error>().message());
        assert!(msg.contains("invalid reference date"), "{msg}");
    }
    let err = analyze_js(text.clone(), options(&[("lang", "de".into())])).unwrap_err();
    assert!(err.is_instance_of::<RangeError>());
    // The module still works after the errors.
    assert!(analyze_js(text, options(&[("referenceDate", "2025-03-04".into())])).is_ok());
}

#[wasm_bindgen_test]
fn limits_and_version() {
    assert_eq!(max_input_bytes(), manchette::MAX_INPUT_BYTES);
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

/// A JavaScript `onProgress` that records its calls in `log` (an array).
fn recorder(log: &Array) -> JsValue {
    let f = Function::new_with_args("log", "return (p) => { log.push(p); }");
    f.call1(&JsValue::UNDEFINED, log).unwrap()
}

#[wasm_bindgen_test]
fn on_progress_is_called_with_stages_and_growing_fractions() {
    let log = Array::new();
    let with = analyze_js(JsValue::from_str(TRICKY), options(&[("onProgress", recorder(&log))])).unwrap();
    let without = analyze_js(JsValue::from_str(TRICKY), None).unwrap();
    assert_eq!(
        String::from(js_sys::JSON::stringify(&with).unwrap()),
        String::from(js_sys::JSON::stringify(&without).unwrap()),
        "the same result with a callback"
    );
    let calls: Vec<(String, f64)> = log
        .iter()
        .map(|p| (get(&p, "stage").as_string().unwrap(), get(&p, "fraction").as_f64().unwrap()))
        .collect();
    let stages: Vec<&str> = calls.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        stages,
        ["language", "tokens", "structure", "dates", "tagging", "entities", "quotes", "quotes"]
    );
    assert!(calls.windows(2).all(|w| w[0].1 <= w[1].1), "{calls:?}");
    assert_eq!(calls.last().unwrap().1, 1.0);
    assert_eq!(Object::keys(&log.get(0).into()).length(), 2, "only stage and fraction");
}

#[wasm_bindgen_test]
fn a_throwing_on_progress_ends_the_call_with_its_exception() {
    let throwing =
        Function::new_with_args("p", "if (p.stage === 'dates') throw new RangeError('stop at ' + p.stage);");
    let err = analyze_js(JsValue::from_str(TRICKY), options(&[("onProgress", throwing.into())])).unwrap_err();
    assert!(err.is_instance_of::<RangeError>(), "the callback's own exception");
    assert_eq!(String::from(err.unchecked_ref::<js_sys::Error>().message()), "stop at dates");
    // Called no more after it threw, and the module still works.
    let log = Array::new();
    let counting = Function::new_with_args(
        "log",
        "return (p) => { log.push(p.stage); if (log.length === 1) throw 'first'; }",
    )
    .call1(&JsValue::UNDEFINED, &log)
    .unwrap();
    assert_eq!(
        analyze_js(JsValue::from_str(TRICKY), options(&[("onProgress", counting)])).unwrap_err(),
        JsValue::from_str("first")
    );
    assert_eq!(log.length(), 1);
    assert!(analyze_js(JsValue::from_str(TRICKY), None).is_ok());
}

#[wasm_bindgen_test]
fn on_progress_that_is_not_a_function_is_a_type_error() {
    let err = analyze_js(JsValue::from_str("x"), options(&[("onProgress", "yes".into())])).unwrap_err();
    assert!(err.is_instance_of::<TypeError>());
    assert!(String::from(err.unchecked_ref::<js_sys::Error>().message())
        .contains("onProgress must be a function"));
    assert!(analyze_js(JsValue::from_str("x"), options(&[("onProgress", JsValue::NULL)])).is_ok());
}

#[wasm_bindgen_test]
fn input_is_copied_as_utf8_across_chunks() {
    let chunk = ENCODE_CHUNK as usize;
    let emoji: Vec<u16> = "🎉".encode_utf16().collect();
    let cases: Vec<Vec<u16>> = vec![
        vec![],
        "Goïta à Bamako 🎉".encode_utf16().collect(),
        // A surrogate pair across the first chunk boundary, then accents over several chunks.
        [
            vec![u16::from(b'a'); chunk - 1],
            emoji.clone(),
            "é".encode_utf16().cycle().take(2 * chunk + 7).collect(),
        ]
        .concat(),
        // Lone surrogates, one of them right at a boundary: U+FFFD, as TextEncoder gives.
        [vec![u16::from(b'b'); chunk - 1], vec![0xD83C, u16::from(b'x'), 0xDF89], emoji].concat(),
    ];
    // `String.fromCharCode` takes its units as arguments: a few thousand at a time.
    let js_string = |units: &[u16]| {
        units.chunks(4096).fold(JsString::from(""), |s, c| s.concat(&JsString::from_char_code(c).into()))
    };
    for units in cases {
        let got = utf8_of(&js_string(&units));
        assert_eq!(got, String::from_utf16_lossy(&units), "{} units", units.len());
    }
}

#[wasm_bindgen_test]
fn a_dossier_merges_articles_with_offsets_into_each_article() {
    use manchette::wasm::DossierJs;
    let first = "🎉 Le président Assimi Goïta était à Bamako le 3 mars 2024.";
    let second = "Le colonel Assimi GOÏTA a reçu Vladimir Poutine mercredi.";
    let mut dossier = DossierJs::new();
    let id = dossier.add("a".into(), JsValue::from_str(first), options(&[("file", "a.txt".into())])).unwrap();
    assert_eq!(id, "a");
    let id = dossier
        .add("a".into(), JsValue::from_str(second), options(&[("referenceDate", "2025-06-27".into())]))
        .unwrap();
    assert_eq!(id, "a-2");
    assert_eq!(dossier.length(), 2);
    assert!(dossier.add("b".into(), JsValue::from_f64(1.0), None).unwrap_err().is_instance_of::<TypeError>());
    let bad_date = options(&[("referenceDate", "2025-13-01".into())]);
    assert!(dossier
        .add("b".into(), JsValue::from_str(second), bad_date)
        .unwrap_err()
        .is_instance_of::<RangeError>());
    let merged = dossier.merged().unwrap();
    let articles = Array::from(&get(&merged, "articles"));
    assert_eq!(articles.length(), 2);
    assert_eq!(get(&articles.get(0), "file").as_string().as_deref(), Some("a.txt"));
    let texts = [JsString::from(first), JsString::from(second)];
    let referents = Array::from(&get(&merged, "referents"));
    let goita = referents
        .iter()
        .find(|r| get(r, "canonical").as_string().as_deref() == Some("Assimi Goïta"))
        .expect("one referent for both spellings");
    let mentions = Array::from(&get(&goita, "mentions"));
    assert_eq!(mentions.length(), 2);
    for m in mentions.iter() {
        let which = if get(&m, "article").as_string().as_deref() == Some("a") { 0 } else { 1 };
        let sliced = texts[which].slice(num(&m, "start"), num(&m, "end"));
        assert_eq!(String::from(sliced), get(&m, "text").as_string().unwrap());
    }
    let timeline = Array::from(&get(&merged, "timeline"));
    let values: Vec<String> = timeline.iter().map(|t| get(&t, "value").as_string().unwrap()).collect();
    assert_eq!(values, ["2024-03-03", "2025-06-25"]);
    assert!(dossier.remove("a"));
    assert_eq!(dossier.ids(), ["a-2"]);
}

#[wasm_bindgen_test]
fn a_dossier_adds_a_saved_page_as_a_page() {
    use manchette::wasm::DossierJs;
    let html = "<html lang=\"fr\"><meta property=\"article:published_time\" content=\"2025-06-24\">\
        <nav><ul><li><a href=\"/a\">Emmanuel Macron en visite</a></li><li><a href=\"/b\">Économie</a></li></ul></nav>\
        <article><h1>Accord conclu à Bamako 🎉</h1><p>Le président Assimi Goïta a été reçu lundi au palais, \
        a-t-on appris à Bamako, après des semaines de discussions avec ses voisins.</p></article>";
    let mut dossier = DossierJs::new();
    let id =
        dossier.add_html("p".into(), JsValue::from_str(html), options(&[("file", "p.html".into())])).unwrap();
    assert_eq!(id, "p");
    assert!(dossier
        .add_html("q".into(), JsValue::from_f64(1.0), None)
        .unwrap_err()
        .is_instance_of::<TypeError>());
    let pdf = JsValue::from_str("%PDF-1.7 ...");
    assert!(dossier.add_html("q".into(), pdf, None).unwrap_err().is_instance_of::<RangeError>());
    assert_eq!(dossier.length(), 1);
    let merged = dossier.merged().unwrap();
    let article = Array::from(&get(&merged, "articles")).get(0);
    assert_eq!(get(&article, "file").as_string().as_deref(), Some("p.html"));
    assert_eq!(get(&article, "reference_date").as_string().as_deref(), Some("2025-06-24"));
    assert_eq!(get(&article, "reference_date_source").as_string().as_deref(), Some("metadata"));
    let text: JsString = get(&article, "text").dyn_into().unwrap();
    let referents = Array::from(&get(&merged, "referents"));
    let flagged = |name: &str| {
        let r = referents.iter().find(|r| get(r, "canonical").as_string().as_deref() == Some(name)).unwrap();
        for m in Array::from(&get(&r, "mentions")).iter() {
            let sliced = text.slice(num(&m, "start"), num(&m, "end"));
            assert_eq!(String::from(sliced), get(&m, "text").as_string().unwrap());
        }
        get(&r, "boilerplate").as_bool().unwrap()
    };
    assert!(!flagged("Assimi Goïta"));
    assert!(flagged("Emmanuel Macron"), "named in the page's menu only");
    // Analysed again, it is still a page: its metadata date when none is given.
    assert!(dossier.reanalyze("p", options(&[("referenceDate", "2025-06-30".into())])).unwrap());
    assert!(dossier.reanalyze("p", None).unwrap());
    let again = Array::from(&get(&dossier.merged().unwrap(), "articles")).get(0);
    assert_eq!(get(&again, "reference_date_source").as_string().as_deref(), Some("metadata"));
}

#[wasm_bindgen_test]
fn analyze_html_reads_a_page_as_an_article() {
    let html = "<html lang=\"fr\"><head><meta property=\"article:published_time\" content=\"2025-06-24T08:00:00Z\">\
        </head><body><nav class=\"menu\"><a href=\"/\">Accueil</a></nav><article><h1>Accord conclu à Bamako 🎉</h1>\
        <p>Le président a été reçu lundi au palais, a-t-on appris, après des semaines de discussions à Paris.</p>\
        </article></body></html>";
    let r = manchette::wasm::analyze_html_js(JsValue::from_str(html), None).unwrap();
    let text: JsString = get(&r, "text").dyn_into().unwrap();
    assert!(String::from(&text).starts_with("Accord conclu à Bamako 🎉\n\n"));
    assert_eq!(get(&r, "reference_date").as_string().as_deref(), Some("2025-06-24"));
    assert_eq!(get(&r, "reference_date_source").as_string().as_deref(), Some("metadata"));
    let blocks: Array = get(&r, "blocks").dyn_into().unwrap();
    let kinds: Vec<String> = blocks.iter().map(|b| get(&b, "kind").as_string().unwrap()).collect();
    assert_eq!(kinds.first().map(String::as_str), Some("headline"));
    assert_eq!(kinds.last().map(String::as_str), Some("boilerplate"));
    // UTF-16 offsets into `text`.
    for e in Array::from(&get(&r, "entities")).iter() {
        let slice = text.slice(num(&e, "start"), num(&e, "end"));
        assert_eq!(String::from(slice), get(&e, "text").as_string().unwrap());
    }
    let pdf = manchette::wasm::analyze_html_js(JsValue::from_str("%PDF-1.7\n"), None).unwrap_err();
    assert!(pdf.is_instance_of::<RangeError>());
    assert!(manchette::wasm::analyze_html_js(JsValue::from_f64(1.0), None)
        .unwrap_err()
        .is_instance_of::<TypeError>());
    assert_eq!(manchette::wasm::file_kind(b"\x89PNG\r\n\x1a\n\0").as_deref(), Some("a PNG image"));
    assert_eq!(manchette::wasm::file_kind(b"<p>texte</p>"), None);
    assert_eq!(manchette::wasm::decode_page(b"<p>\xe9t\xe9</p>"), "<p>été</p>");
}
