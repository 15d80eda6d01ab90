//! Inputs the fuzzers (`fuzz/`) found interesting, kept as plain files in
//! `tests/fuzz_cases/`: each must give a report that keeps every promise
//! the fuzz targets check.
//!
//! The folder says how the input is read: `text/`, `html/` or `auto/`; a
//! file whose name contains `.raw.` is analysed with `raw: true`. The files
//! are the bytes as found (reduced), so a new case is added by copying the
//! fuzzer's artifact into the right folder with a name that says what it
//! was about.

use std::fs;
use std::path::{Path, PathBuf};

use article_cleaner::{analyze_bytes, InputKind, Options};

#[allow(dead_code)]
#[path = "../fuzz/src/invariants.rs"]
mod invariants;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_cases")
}

fn run_case(path: &Path, kind: InputKind) {
    let bytes = fs::read(path).expect("the case file reads");
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let options = Options {
        input: kind,
        raw: name.contains(".raw."),
        ..Options::default()
    };
    let result = analyze_bytes(&bytes, &options);
    let text = String::from_utf8_lossy(&bytes);
    invariants::check(&text, &options, &result, kind == InputKind::Text);
    assert_eq!(result, analyze_bytes(&bytes, &options), "{name}: two runs differ");
}

#[test]
fn every_kept_case_passes() {
    let mut count = 0;
    for (folder, kind) in [
        ("text", InputKind::Text),
        ("html", InputKind::Html),
        ("auto", InputKind::Auto),
    ] {
        let Ok(entries) = fs::read_dir(cases_dir().join(folder)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            eprintln!("{}", path.display());
            run_case(&path, kind);
            count += 1;
        }
    }
    assert!(count > 0, "no case found in tests/fuzz_cases");
}
