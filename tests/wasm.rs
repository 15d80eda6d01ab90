//! The WebAssembly binding, run in Node.js and in headless Chromium:
//!   cargo test --target wasm32-unknown-unknown --test wasm
//!   WASM_BINDGEN_USE_BROWSER=1 cargo test --target wasm32-unknown-unknown --test wasm
//! (tests/browser/wasm-cli.test.mjs compares the built package with the
//! native command line, byte for byte.)
#![cfg(target_arch = "wasm32")]

use article_cleaner::{analyze as core_analyze, wasm::analyze, Options};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const SAMPLES: &[(&str, &str)] = &[
    ("www/example.txt", include_str!("../www/example.txt")),
    (
        "tests/articles/harbour-storm/input.txt",
        include_str!("articles/harbour-storm/input.txt"),
    ),
];

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).expect("a readable property")
}

fn set(value: &JsValue, key: &str, to: &JsValue) {
    js_sys::Reflect::set(value, &JsValue::from_str(key), to).expect("a writable property");
}

/// JSON text the way JavaScript writes it (`1` rather than serde's `1.0`).
fn js_json(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .expect("serialisable")
        .as_string()
        .expect("a string")
}

fn options(js: &str) -> JsValue {
    js_sys::JSON::parse(js).expect("valid JSON")
}

fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let error = JsValue::from(result.expect_err("an error"));
    let error: &js_sys::Error = error.dyn_ref().expect("a JavaScript Error");
    String::from(error.message())
}

#[wasm_bindgen_test]
fn same_json_as_the_core() {
    for (name, input) in SAMPLES {
        let js = analyze(input, JsValue::UNDEFINED).expect("a report");
        let stats = get(&js, "stats");
        let elapsed = get(&stats, "elapsed_ms").as_f64().expect("a number");
        assert!(
            elapsed.is_finite() && elapsed >= 0.0,
            "{name}: elapsed_ms {elapsed}"
        );
        set(&stats, "elapsed_ms", &JsValue::from_f64(0.0));

        let native = core_analyze(input, &Options::default()).expect("a report");
        let native = serde_json::to_string(&native).expect("serialisable");
        let native = js_json(&js_sys::JSON::parse(&native).expect("valid JSON"));
        assert_eq!(js_json(&js), native, "{name}");
    }
}

#[wasm_bindgen_test]
fn options_are_camel_case() {
    let input = SAMPLES[0].1;
    let raw = analyze(input, options(r#"{"raw": true, "maxFacts": 2, "input": "text"}"#)).unwrap();
    let native = core_analyze(
        input,
        &Options {
            raw: true,
            max_facts: 2,
            ..Options::default()
        },
    )
    .unwrap();
    let paragraphs = get(&raw, "paragraphs").unchecked_into::<js_sys::Array>();
    assert_eq!(paragraphs.length() as usize, native.paragraphs.len());
    // The stages that can be skipped.
    let lean = analyze(input, options(r#"{"noEntities": true, "noFacts": true}"#)).unwrap();
    for key in ["entities", "facts"] {
        let list = get(&lean, key).unchecked_into::<js_sys::Array>();
        assert_eq!(list.length(), 0, "{key}");
    }
    let full = analyze(input, JsValue::UNDEFINED).unwrap();
    let entities = get(&full, "entities").unchecked_into::<js_sys::Array>();
    assert!(entities.length() > 0);
    assert!(analyze(input, options(r#"{"noFacts": "yes"}"#)).is_err());
    // null and undefined both mean "the defaults".
    assert!(analyze(input, JsValue::NULL).is_ok());
    assert!(analyze(input, options("{}")).is_ok());
}

#[wasm_bindgen_test]
fn bad_options_throw_errors_that_say_what_is_wrong() {
    let message = error_message(analyze("x", options(r#"{"maxFact": 3}"#)));
    assert!(message.contains("maxFact"), "{message}");
    assert!(message.contains("maxFacts"), "{message}: lists the known options");

    let message = error_message(analyze("x", options(r#"{"input": "pdf"}"#)));
    assert!(message.contains("input") && message.contains("pdf"), "{message}");

    let message = error_message(analyze("x", options(r#"{"maxFacts": 1000}"#)));
    assert!(
        message.contains("maxFacts") && message.contains("1000"),
        "{message}"
    );

    let message = error_message(analyze("x", options(r#"{"maxFacts": "3"}"#)));
    assert!(
        message.contains("maxFacts") && message.contains("whole number"),
        "{message}"
    );

    let message = error_message(analyze("x", options(r#"{"raw": "yes"}"#)));
    assert!(message.contains("raw"), "{message}");

    let message = error_message(analyze("x", JsValue::from_f64(5.0)));
    assert!(message.contains("object"), "{message}");
}

#[wasm_bindgen_test]
fn the_report_is_plain_objects_and_nulls() {
    let js = analyze("", JsValue::UNDEFINED).unwrap();
    assert!(js.is_object());
    assert_eq!(
        js_sys::Object::get_prototype_of(&js),
        js_sys::Object::get_prototype_of(&js_sys::Object::new()),
        "a plain object, not a Map"
    );
    assert!(get(&js, "title").is_null(), "null, not undefined");
    assert!(js_sys::Array::is_array(&get(&js, "paragraphs")));

    let js = analyze(SAMPLES[0].1, JsValue::UNDEFINED).unwrap();
    let removed = get(&js, "removed").unchecked_into::<js_sys::Array>();
    let first = removed.get(0);
    assert_eq!(get(&first, "reason").as_string().as_deref(), Some("duplicate"));
    assert!(get(&first, "duplicate_of").as_f64().is_some());
    assert!(get(&first, "rule").is_undefined(), "absent, as in the CLI's JSON");
}

#[wasm_bindgen_test]
fn odd_inputs_give_reports() {
    let deep = "<div>".repeat(100_000);
    let long_line = "word ".repeat(200_000);
    let controls: String = (0u8..=255).map(char::from).cycle().take(50_000).collect();
    let mixed = "Ünïcödé — 東京 🚆 text.\r\n\r\nSecond\u{2028}paragraph\u{feff}.".repeat(2_000);
    for input in [
        "",
        " \n\t ",
        "\u{0}\u{0}\u{0}",
        deep.as_str(),
        long_line.as_str(),
        controls.as_str(),
        mixed.as_str(),
    ] {
        let js = analyze(input, JsValue::UNDEFINED).expect("a report");
        let input_chars = get(&get(&js, "stats"), "input_chars").as_f64().unwrap();
        assert_eq!(input_chars as usize, input.chars().count());
    }
}
