//! Speed of the analysis with entities on the CoNLL-2003 dev split, in
//! tokens per second (the split's own token count). Not a pass/fail check:
//! run it by hand and read the figure.
//!
//! cargo test --release --test entities_speed -- --ignored --nocapture

use std::path::Path;
use std::time::Instant;

use article_cleaner::{analyze, InputKind, Options};

#[test]
#[ignore = "a measurement, run by hand"]
fn tokens_per_second_on_dev() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/ner/dev");
    let Ok(gold) = std::fs::read_to_string(dev.join("gold.jsonl")) else {
        eprintln!("skipped: ../shared/eval/ner/dev is not here");
        return;
    };
    let mut texts = Vec::new();
    let mut tokens = 0u64;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("gold line");
        tokens += v["n_tokens"].as_u64().unwrap_or(0);
        let file = v["file"].as_str().expect("file");
        texts.push(std::fs::read_to_string(dev.join(file)).expect("text"));
    }
    let options = Options {
        input: InputKind::Text,
        raw: true,
        ..Options::default()
    };
    // Warm up (the model is decoded once).
    let mut entities = 0usize;
    for t in &texts {
        entities += analyze(t, &options).expect("report").entities.len();
    }
    let rounds = 5;
    let start = Instant::now();
    for _ in 0..rounds {
        for t in &texts {
            entities += analyze(t, &options).expect("report").entities.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let rate = (tokens * rounds) as f64 / secs;
    eprintln!(
        "{} documents, {tokens} tokens, {rounds} rounds in {secs:.2} s: {rate:.0} tokens/s ({entities} entities)",
        texts.len()
    );
    assert!(entities > 0);
}
