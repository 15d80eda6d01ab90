//! The cleaning model: retraining with the default settings writes the very
//! bytes of `src/data/clean/weights.rs`, and its site-disjoint 5-fold
//! cross-validation (each fold's model trained without that fold's sites)
//! keeps the floors below, scored by the reference scorer.
//!
//! Needs the `train` feature (`cargo test --release --features train --test
//! cleaner_model`), the training sets unpacked into `target/extraction-train`
//! (`../shared/eval/extraction/train/unpack.sh target/extraction-train`, or
//! `scripts/eval-cleaning`), the dev set and `python3`; skips, with a note,
//! without them. A change to the blocks or the rules alters what the model
//! reads: retrain (`cargo run --release --features train --bin
//! train-cleaner`) and check the figures with `scripts/eval-cleaning`.
#![cfg(feature = "train")]

use std::path::Path;
use std::process::Command;

/// (mode/set, F1 floor, most wrong-article pages), just below and above what
/// the shipped build measures (BENCHMARKS.md, "Cleaning model").
const FLOORS: &[(&str, f64, usize)] = &[
    ("text/dragnet-train", 0.835, 88),
    ("text/cleaneval", 0.86, 32),
    ("text/readability", 0.85, 5),
    ("text/cleanportaleval", 0.945, 0),
    ("text/dev", 0.94, 3),
    ("html/dragnet-train", 0.905, 46),
    ("html/cleaneval", 0.89, 35),
    ("html/readability", 0.895, 5),
    ("html/cleanportaleval", 0.94, 0),
    ("html/dev", 0.978, 0),
];

#[test]
fn training_reproduces_the_weights_and_cross_validation_keeps_its_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let train = root.join("target/extraction-train");
    let dev = root.join("../shared/eval/extraction/dev");
    let scorer = root.join("../shared/eval/score_extraction.py");
    let sets = ["dragnet-train", "cleaneval", "readability", "cleanportaleval"];
    if !sets
        .iter()
        .all(|s| train.join(s).join("ground-truth.json").exists())
        || !dev.join("ground-truth.json").exists()
        || !scorer.exists()
    {
        eprintln!("skipped: the training sets are not unpacked in target/extraction-train, or ../shared is not here");
        return;
    }
    if !Command::new("python3")
        .arg("-c")
        .arg("pass")
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("skipped: python3 is not available");
        return;
    }
    let work = std::env::temp_dir().join(format!("article-cleaner-cv-{}", std::process::id()));
    let weights = work.join("weights.rs");
    let pred = work.join("pred");
    let _ = std::fs::create_dir_all(&work);
    let args: Vec<String> = [
        "--data",
        &train.display().to_string(),
        "--dev",
        &dev.display().to_string(),
        "--out",
        &weights.display().to_string(),
        "--cv",
        &pred.display().to_string(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let trained = article_cleaner::train_cleaner(&args);
    assert_eq!(trained, Ok(()), "training failed");

    let written = std::fs::read(&weights).expect("the trained weights were written");
    let shipped = std::fs::read(root.join("src/data/clean/weights.rs")).expect("the shipped weights");
    let first = written.iter().zip(&shipped).position(|(a, b)| a != b);
    assert!(
        written.len() == shipped.len() && first.is_none(),
        "the retrained weights differ from the shipped ones (at byte {first:?})"
    );

    let mut failures = Vec::new();
    for &(key, floor, most_wrong) in FLOORS {
        let (mode, set) = key.split_once('/').unwrap();
        let gold = if set == "dev" {
            dev.clone()
        } else {
            train.join(set)
        };
        let json = work.join(format!("{mode}-{set}.json"));
        let out = Command::new("python3")
            .arg(&scorer)
            .arg(&gold)
            .arg(pred.join(mode).join(set))
            .args(["-q", "--json"])
            .arg(&json)
            .output()
            .expect("the scorer runs");
        assert!(out.status.success(), "the scorer failed on {key}");
        let result: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&json).expect("the scorer wrote its JSON")).unwrap();
        let f1 = result["f1"].as_f64().unwrap();
        let wrong = result["pages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["f1"].as_f64().unwrap_or(0.0) < 0.3)
            .count();
        eprintln!("{key}: F1 {f1:.4}, {wrong} wrong-article pages");
        if f1 < floor || wrong > most_wrong {
            failures.push(format!(
                "{key}: F1 {f1:.4} (floor {floor}), {wrong} wrong pages (at most {most_wrong})"
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    assert!(failures.is_empty(), "below the floors: {failures:#?}");
}
