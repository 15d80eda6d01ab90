//! Shared by the tests that read `../shared` (the seeds and the dev
//! benchmarks) when it is present. They skip, with a note, when it is not.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// `../shared` next to the repository, if present.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.is_dir().then_some(dir)
}

/// True when `python3` runs and can import `modules`.
pub fn python_has(modules: &[&str]) -> bool {
    let script = modules
        .iter()
        .map(|m| format!("import {m}"))
        .collect::<Vec<_>>()
        .join("; ");
    Command::new("python3")
        .args(["-c", if script.is_empty() { "pass" } else { &script }])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `python3 ../shared/eval/run_eval.py ARGS --bin <this build>` and
/// returns its whole standard output, or `None` (with a note) when the
/// shared folder or Python is missing.
pub fn run_eval(args: &[&str]) -> Option<String> {
    let shared = shared_dir().or_else(|| {
        eprintln!("skipped: ../shared is not present");
        None
    })?;
    if !python_has(&[]) {
        eprintln!("skipped: python3 is not available");
        return None;
    }
    let out = Command::new("python3")
        .arg(shared.join("eval/run_eval.py"))
        .args(args)
        .args(["--bin", env!("CARGO_BIN_EXE_article-cleaner")])
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "run_eval.py {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(stdout)
}

/// The value after `name` on the last line of a scorer's output:
/// `metric(&out, "F1")` on "... F1 0.912 P 0.930 ..." is 0.912.
pub fn metric(output: &str, name: &str) -> f64 {
    let last = output.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
    let words: Vec<&str> = last.split_whitespace().collect();
    words
        .windows(2)
        .find(|w| w[0] == name)
        .and_then(|w| w[1].parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {last:?}"))
}
