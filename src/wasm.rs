//! The WebAssembly binding: converts types, nothing else.
//!
//! `analyze(input, options?)` for JavaScript: options from a plain object
//! (camelCase names), the report back as a plain object (`null`, not
//! `undefined`; objects, not `Map`s), timed with the page's `performance`.
//!
//! The report crosses into JavaScript as one JSON string parsed once by
//! `JSON.parse`, not object by object: a big paste has a hundred thousand
//! removed parts, and building each as a JavaScript object from Rust costs
//! far more than the engine's own parser does.

use serde::de::value::MapDeserializer;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::Options;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of `analyze`; every field may be left out. */
export interface Options {
  /** How to read the input: "auto" (the default) detects HTML. */
  input?: "auto" | "text" | "html";
  /** Upper bound on `facts`, 0 to 100 (default 5). */
  maxFacts?: number;
  /** Skip cleaning and deduplication; analyse the input as it is. */
  raw?: boolean;
  /** Skip the entity stage: `entities` is empty (default false). */
  noEntities?: boolean;
  /** Skip the fact stage: `facts` is empty (default false). */
  noFacts?: boolean;
}

/** One paragraph of the cleaned body; offsets in code points. */
export interface Paragraph { text: string; start: number; end: number; }

/** A part of the input left out of `text`, and why. */
export interface RemovedPart {
  text: string;
  start: number;
  end: number;
  reason: "duplicate" | "boilerplate" | "navigation" | "related-links"
        | "comments" | "advertisement" | "markup" | (string & {});
  /** For duplicates: the index in `paragraphs` of the kept copy. */
  duplicate_of?: number;
  /** The kebab-case name of the rule that fired. */
  rule?: string;
}

/** Where an entity is mentioned; offsets in code points. */
export interface Mention { start: number; end: number; }

export interface Entity {
  name: string;
  type: "person" | "organization" | "place" | "group" | "other"
      | "date" | "money" | "percent" | "quantity";
  count: number;
  salience: number;
  aliases: string[];
  mentions: Mention[];
}

/** A short statement and the span of the input it comes from. */
export interface Fact { text: string; start: number; end: number; entities: string[]; }

export interface Stats {
  input_chars: number;
  text_chars: number;
  duplicates_removed: number;
  boilerplate_removed: number;
  /** Time `analyze` took, in milliseconds. */
  elapsed_ms: number;
}

/** The report (schema 1). Offsets count Unicode code points into the input. */
export interface Report {
  schema: 1;
  language: string;
  title: string | null;
  byline: string | null;
  source: string | null;
  published: string | null;
  text: string;
  paragraphs: Paragraph[];
  removed: RemovedPart[];
  entities: Entity[];
  facts: Fact[];
  warnings: string[];
  stats: Stats;
}
"#;

/// Analyses an article (plain text or HTML) and returns the report.
/// Throws an `Error` when an option is wrong; any input gives a report.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn analyze(
    input: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = options_from(options)?;
    let started = now_ms();
    let mut report = crate::analyze(input, &options).map_err(|e| JsError::new(&e.to_string()))?;
    report.stats.elapsed_ms = ((now_ms() - started) * 1e3).round() / 1e3;
    let json = serde_json::to_string(&report)
        .map_err(|e| JsError::new(&format!("cannot convert the report: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot convert the report"))
}

/// Reads the options object. It goes through a map, not a struct, so that
/// `deny_unknown_fields` sees every key (serde-wasm-bindgen reads only the
/// known ones of a struct); a failure names the key at fault.
fn options_from(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new(
            "bad option: the options must be an object such as { maxFacts: 7 }",
        ));
    }
    let entries: Vec<(String, JsValue)> = js_sys::Object::entries(value.unchecked_ref())
        .iter()
        .map(|pair| {
            let pair: js_sys::Array = pair.unchecked_into();
            (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
        })
        .collect();
    let parse = |entries: &[(String, JsValue)]| {
        Options::deserialize(MapDeserializer::new(
            entries
                .iter()
                .map(|(k, v)| (k.as_str(), serde_wasm_bindgen::Deserializer::from(v.clone()))),
        ))
    };
    match parse(&entries) {
        Ok(options) => options.validate().map_err(|e| JsError::new(&e.to_string())),
        Err(e) => {
            let culprit = entries
                .iter()
                .find(|entry| parse(std::slice::from_ref(*entry)).is_err());
            Err(JsError::new(&match culprit {
                Some((key, _)) => format!("bad option {key:?}: {}", message(e)),
                None => format!("bad option: {}", message(e)),
            }))
        }
    }
}

/// The text of a serde-wasm-bindgen error, without its "Error: " prefix
/// and with Rust's type names said in words.
fn message(e: serde_wasm_bindgen::Error) -> String {
    let value = JsValue::from(e);
    let text = match value.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => format!("{value:?}"),
    };
    text.replace("expected usize", "expected a whole number")
}

/// Milliseconds from the global `performance` (window, worker or Node.js).
fn now_ms() -> f64 {
    match js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance")) {
        Ok(p) if p.is_object() => p.unchecked_into::<web_sys::Performance>().now(),
        _ => js_sys::Date::now(),
    }
}
