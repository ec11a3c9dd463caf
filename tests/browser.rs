//! The JavaScript bindings in headless Chromium (`wasm-pack test --headless --chrome -- --test browser`):
//! the same calls as in Node, plus offsets checked against DOM text.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect, TypeError};
use manchette::wasm::analyze_js;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str = "Bamako, le 24 juin 2025 🎉\n\nLe ministre Sadio Camara a déclaré\u{a0}: «\u{202f}Nous tiendrons\u{202f}». \
    Emmanuel Macron était à Paris lundi 23 juin.\n";

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn analyze_runs_in_the_browser_and_offsets_slice_back() {
    let text = JsString::from(ARTICLE);
    let r = analyze_js(text.clone().into(), None).unwrap();
    assert!(Array::is_array(&get(&r, "entities")));
    let blocks = Array::from(&get(&r, "blocks"));
    assert!(blocks.length() >= 2);
    for kind in ["blocks", "entities", "quotes", "dates"] {
        for item in Array::from(&get(&r, kind)).iter() {
            let s = get(&item, "start").as_f64().unwrap() as u32;
            let e = get(&item, "end").as_f64().unwrap() as u32;
            assert!(s < e && e <= text.length(), "{kind} {s}..{e}");
            if kind != "blocks" {
                assert_eq!(String::from(text.slice(s, e)), get(&item, "text").as_string().unwrap());
            }
        }
    }
    let first = blocks.get(0);
    let end = get(&first, "end").as_f64().unwrap() as u32;
    assert_eq!(String::from(text.slice(0, end)), "Bamako, le 24 juin 2025 🎉");
}

#[wasm_bindgen_test]
fn a_bad_argument_is_a_type_error_in_the_browser() {
    let err = analyze_js(JsValue::from_f64(3.0), None).unwrap_err();
    assert!(err.is_instance_of::<TypeError>());
}

#[wasm_bindgen_test]
fn the_document_is_reachable() {
    // A smoke test that this suite really runs in a page, not in Node.
    let global = js_sys::global();
    assert!(Reflect::has(&global, &JsValue::from_str("document")).unwrap());
}
