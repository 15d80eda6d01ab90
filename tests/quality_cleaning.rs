//! Quality floors on the dev benchmarks for cleaning: pasted-page
//! extraction and paragraph deduplication. The floors sit just below what
//! the current build measures, so that a regression fails. They run the
//! real command line through `../shared/eval/run_eval.py` and skip when
//! `../shared` or Python is missing.

mod common;

/// Pasted pages (`extraction --mode text`), 109 dev pages. Measured: F1
/// 0.946 with the learned block labeller (the rules alone, tuned page by
/// page on dev, measured 0.944 here but less on every cross-validated
/// training set that matters; BENCHMARKS.md, "Cleaning quality").
const EXTRACTION_TEXT_F1: f64 = 0.93;
/// Deduplication, 204 dev cases. Measured: 0.995 / 0.002 / 0.936.
const DEDUP_RECALL: f64 = 0.99;
const DEDUP_FALSE_REMOVAL: f64 = 0.004;
const DEDUP_EXACT: f64 = 0.93;

#[test]
fn extraction_from_pasted_pages_keeps_its_floor() {
    let Some(out) = common::run_eval(&["extraction", "--mode", "text"]) else {
        return;
    };
    let f1 = common::metric(&out, "F1");
    eprintln!("extraction-text F1 {f1}");
    assert!(
        f1 >= EXTRACTION_TEXT_F1,
        "extraction text F1 {f1} fell below {EXTRACTION_TEXT_F1}"
    );
}

#[test]
fn deduplication_keeps_its_floor() {
    let Some(out) = common::run_eval(&["dedup"]) else {
        return;
    };
    let recall = common::metric(&out, "recall");
    let false_removal = common::metric(&out, "false_removal");
    let exact = common::metric(&out, "exact");
    eprintln!("dedup recall {recall} false_removal {false_removal} exact {exact}");
    assert!(recall >= DEDUP_RECALL, "dedup recall {recall} < {DEDUP_RECALL}");
    assert!(
        false_removal <= DEDUP_FALSE_REMOVAL,
        "dedup false removal {false_removal} > {DEDUP_FALSE_REMOVAL}"
    );
    assert!(exact >= DEDUP_EXACT, "dedup exact {exact} < {DEDUP_EXACT}");
}
