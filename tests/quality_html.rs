//! The dev-set quality floor for HTML input: runs the real binary over the
//! extraction dev pages with the shared scorer, when `../shared/eval` and
//! `python3` are present, and fails below the pinned F1.

use std::path::Path;
use std::process::Command;

/// Measured 0.981 on the 109 dev pages (the learned labeller on top of the
/// reader's body); pinned a little below.
const FLOOR_F1: f64 = 0.975;

#[test]
fn extraction_html_f1_on_dev() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let eval = root.join("../shared/eval");
    let script = eval.join("run_eval.py");
    if !script.exists() || !eval.join("extraction/dev/ids.txt").exists() {
        eprintln!("skip: ../shared/eval/extraction is not present");
        return;
    }
    let out = match Command::new("python3")
        .arg(&script)
        .args([
            "extraction",
            "--mode",
            "html",
            "--bin",
            env!("CARGO_BIN_EXE_article-cleaner"),
        ])
        .current_dir(root)
        .output()
    {
        Ok(out) if out.status.success() => out,
        Ok(out) => panic!("run_eval.py failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(e) => {
            eprintln!("skip: cannot run python3 ({e})");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    // "extraction-html F1 0.978 P 0.982 R 0.973 n=109"
    let f1: f64 = last
        .split_whitespace()
        .skip_while(|w| *w != "F1")
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no F1 in {last:?}"));
    eprintln!("{last}");
    assert!(
        f1 >= FLOOR_F1,
        "HTML extraction F1 {f1} fell below the floor {FLOOR_F1}: {last}"
    );
}
