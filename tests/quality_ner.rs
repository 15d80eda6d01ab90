//! Quality floors of the entity stage: runs the shared scorer
//! (`../shared/eval/run_eval.py ner`) on the built command line over CoNLL-2003
//! dev and over the held-out splits of the extra NER corpora (splits the
//! tagger is not trained on), and fails below the pinned F1. Skips, with a
//! note, when `python3` or the data is missing. The figures and how to
//! reproduce them: README "Entities" and `scripts/eval-ner`.

use std::path::Path;
use std::process::Command;

/// The F1 of `run_eval.py ner` with `args`; `None` when it cannot run here.
fn f1(data: Option<&str>, args: &[&str]) -> Option<f64> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let eval = root.join("../shared/eval");
    let script = eval.join("run_eval.py");
    let gold = eval.join(data.unwrap_or("ner/dev")).join("gold.jsonl");
    if !script.exists() || !gold.exists() {
        eprintln!("skipped: {} is not here", gold.display());
        return None;
    }
    let mut cmd = Command::new("python3");
    cmd.arg(&script)
        .arg("ner")
        .arg("--bin")
        .arg(env!("CARGO_BIN_EXE_article-cleaner"))
        .args(args)
        .current_dir(root);
    if let Some(d) = data {
        cmd.arg("--data").arg(eval.join(d));
    }
    let out = match cmd.output() {
        Ok(out) => out,
        Err(err) => {
            eprintln!("skipped: python3 cannot run ({err})");
            return None;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
    // "ner F1 0.905 P 0.905 R 0.904 n_gold=… …"
    let f1: f64 = last
        .split_whitespace()
        .skip_while(|w| *w != "F1")
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            panic!(
                "no F1 in the scorer's output: {last:?}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    eprintln!("{last}");
    Some(f1)
}

/// Measured 0.907 (PER/LOC/ORG/MISC, exact match); pinned slightly below.
const CONLL_DEV: f64 = 0.90;
/// Web text, PER/LOC/ORG (the corpus marks no MISC): measured 0.697.
const UNER_EWT_DEV: f64 = 0.68;
/// Wikinews/Wikipedia/academic mix, all four types: measured 0.591.
const GUM_DEV: f64 = 0.57;
/// Wikipedia by domain (politics, literature, music), all four types:
/// measured 0.632 on dev (the test split is reported, not pinned, so that
/// it stays untuned).
const CROSSNER_DEV: f64 = 0.61;

#[test]
fn ner_dev_f1_stays_above_the_floor() {
    if let Some(f) = f1(None, &[]) {
        assert!(
            f >= CONLL_DEV,
            "NER F1 on CoNLL dev fell to {f:.3} (floor {CONLL_DEV})"
        );
    }
}

#[test]
fn web_text_f1_stays_above_the_floor() {
    if let Some(f) = f1(Some("ner/extra/uner_ewt/dev"), &["--types", "PER,LOC,ORG"]) {
        assert!(
            f >= UNER_EWT_DEV,
            "NER F1 on uner_ewt dev fell to {f:.3} (floor {UNER_EWT_DEV})"
        );
    }
}

#[test]
fn gum_f1_stays_above_the_floor() {
    if let Some(f) = f1(Some("ner/extra/gum/dev"), &[]) {
        assert!(f >= GUM_DEV, "NER F1 on gum dev fell to {f:.3} (floor {GUM_DEV})");
    }
}

#[test]
fn crossner_f1_stays_above_the_floor() {
    if let Some(f) = f1(Some("ner/extra/crossner/dev"), &[]) {
        assert!(
            f >= CROSSNER_DEV,
            "NER F1 on crossner dev fell to {f:.3} (floor {CROSSNER_DEV})"
        );
    }
}
