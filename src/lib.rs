//! Article Cleaner: a pasted news article back clean, with its key entities
//! and facts, computed locally.
//!
//! ```
//! use article_cleaner::{analyze, Options};
//!
//! let pasted = "Storm Closes Harbour\n\
//!     (Coastal Wire) The harbour in Port Ellis was closed on Friday after a storm damaged two piers, the port authority said.\n\
//!     Repairs will take at least three weeks, according to the harbour master.\n\
//!     Repairs will take at least three weeks, according to the harbour master.\n\
//!     Most popular\n\
//!     - Ten gadgets you need this summer";
//! let report = analyze(pasted, &Options::default()).unwrap();
//! assert_eq!(report.title.as_deref(), Some("Storm Closes Harbour"));
//! assert_eq!(report.source.as_deref(), Some("Coastal Wire"));
//! assert_eq!(report.paragraphs.len(), 2);
//! assert_eq!(report.stats.duplicates_removed, 1);
//! assert!(!report.text.contains("gadgets"));
//! ```
//!
//! # The stages
//!
//! [`analyze`] reads as the list of stages, each a function from one type to
//! the next:
//!
//! 1. `read`: the input → a document (text or HTML, warnings);
//! 2. `blocks`: paragraphs, with hard-wrapped lines joined, spans kept;
//! 3. `clean`: boilerplate (named rules and a prose classifier), title and
//!    byline set apart, duplicates removed;
//! 4. `sentences`: the kept text cut into sentences;
//! 5. `entities`: names, dates and numbers, merged and ranked (skipped with
//!    [`Options::no_entities`]);
//! 6. `facts`: a few short statements with their source spans (skipped with
//!    [`Options::no_facts`]; without entities, facts are picked from the
//!    sentences alone and name no entities);
//! 7. `report`: the JSON shape of SPEC.md, offsets in code points.
//!
//! # Input safety
//!
//! Any input gives a report: empty text, binary bytes (a warning), invalid
//! UTF-8 (decoded lossily, with a warning), huge pastes. No stage recurses on
//! the input, and every stage is linear or near-linear in its size. Only bad
//! options are errors.

mod blocks;
mod clean;
mod entities;
mod facts;
mod html;
mod lang;
mod meta;
mod options;
mod read;
mod report;
mod sentences;
mod spans;
mod words;

/// The stages one at a time, for the benchmarks; not a stable API.
#[doc(hidden)]
pub mod stages;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(all(feature = "python", not(target_arch = "wasm32")))]
mod python;

/// The WebAssembly build's allocator: talc, made for wasm, instead of
/// Rust's default dlmalloc. A typical article is analysed 3–5 % faster
/// (an analysis makes a few thousand small allocations), for 2 KB more
/// of gzipped wasm; the 10 MB paste peaks at the same memory.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(test)]
mod properties;

/// The block labeller's training program (`train-cleaner`).
#[cfg(feature = "train")]
pub use clean::train::main as train_cleaner;
/// The name tagger's training program (`train-ner`).
#[cfg(feature = "train")]
pub use entities::train::main as train_ner;
/// The name tagger's default training splits (relative to the repository
/// root) and how many times an epoch reads each.
#[cfg(feature = "train")]
pub use entities::train::DEFAULT_DATA as NER_TRAINING_SPLITS;
pub use options::{Error, InputKind, Options};
pub use report::{Entity, Fact, Mention, Paragraph, RemovedPart, Report, Stats, SCHEMA};

/// Analyses an article given as text (plain text or HTML).
pub fn analyze(input: &str, options: &Options) -> Result<Report, Error> {
    let options = options.clone().validate()?;
    let document = read::read(input, &options);
    if document.binary {
        return Ok(report::warning_only(input, document.warnings));
    }
    let blocks = blocks::split(document);
    let cleaned = clean::clean(blocks, &options);
    let sentences = sentences::split(cleaned);
    let entities = if options.no_entities {
        entities::Entities::default()
    } else {
        entities::find(&sentences)
    };
    let facts = if options.no_facts {
        facts::Facts::default()
    } else {
        facts::pick(&sentences, &entities, options.max_facts)
    };
    Ok(report::build(input, sentences, entities, facts))
}

/// Analyses an article given as bytes: UTF-8, or anything else decoded
/// lossily with a warning (offsets then count the decoded text).
pub fn analyze_bytes(input: &[u8], options: &Options) -> Result<Report, Error> {
    let (text, warning) = read::decode(input);
    let mut report = analyze(&text, options)?;
    if let Some(w) = warning {
        report.warnings.insert(0, w);
    }
    Ok(report)
}
