//! Golden tests on the sample articles in `tests/articles/<name>/`.
//!
//! Each folder holds `input.txt` (an invented article, pasted the way people
//! paste) and `expect.txt`, hand-written expectations that never update
//! themselves. `key = value` lines:
//!
//! - `title`, `byline`, `source`, `language`: exact values;
//! - `paragraphs`, `duplicates`: counts;
//! - `has`, `lacks`: text that must or must not be in the cleaned text;
//! - `rule`: a rule that must appear among the removals;
//! - `removed-has`: text that must be in some removed part;
//! - `duplicate-of`: the `duplicate_of` of every duplicate, in order.
//!
//! Every report is also pinned whole by an `insta` snapshot, so that any
//! other change shows up as a reviewable diff.

use std::fs;
use std::path::{Path, PathBuf};

use article_cleaner::{analyze_bytes, Options, Report};

fn article_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/articles exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.join("input.txt").exists())
        .collect();
    dirs.sort();
    dirs
}

fn report_for(dir: &Path) -> Report {
    let input = fs::read(dir.join("input.txt")).expect("input.txt");
    analyze_bytes(&input, &Options::default()).expect("default options are valid")
}

fn check(dir: &Path, report: &Report) -> Vec<String> {
    let expect = fs::read_to_string(dir.join("expect.txt")).expect("every article has an expect.txt");
    let mut failures = Vec::new();
    let mut fail = |msg: String| failures.push(msg);
    let rules: Vec<&str> = report.removed.iter().filter_map(|r| r.rule.as_deref()).collect();
    let removed_text: String = report
        .removed
        .iter()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for line in expect
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let Some((key, value)) = line.split_once(" = ") else {
            fail(format!("bad expectation line {line:?}"));
            continue;
        };
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        match key {
            "title" if opt(&report.title) != value => fail(format!("title {:?}", report.title)),
            "byline" if opt(&report.byline) != value => fail(format!("byline {:?}", report.byline)),
            "source" if opt(&report.source) != value => fail(format!("source {:?}", report.source)),
            "language" if report.language != value => fail(format!("language {:?}", report.language)),
            "paragraphs" if report.paragraphs.len().to_string() != value => {
                fail(format!("{} paragraphs, want {value}", report.paragraphs.len()))
            }
            "duplicates" if report.stats.duplicates_removed.to_string() != value => fail(format!(
                "{} duplicates, want {value}",
                report.stats.duplicates_removed
            )),
            "has" if !report.text.contains(value) => fail(format!("text lacks {value:?}")),
            "lacks" if report.text.contains(value) => fail(format!("text has {value:?}")),
            "rule" if !rules.contains(&value) => {
                fail(format!("no removal by rule {value} (rules: {rules:?})"))
            }
            "removed-has" if !removed_text.contains(value) => fail(format!("removed parts lack {value:?}")),
            "duplicate-of" => {
                let got: Vec<String> = report
                    .removed
                    .iter()
                    .filter(|r| r.reason == "duplicate")
                    .map(|r| r.duplicate_of.map_or("none".to_string(), |d| d.to_string()))
                    .collect();
                if got.join(" ") != value {
                    fail(format!("duplicate_of {got:?}, want {value}"));
                }
            }
            "title" | "byline" | "source" | "language" | "paragraphs" | "duplicates" | "has" | "lacks"
            | "rule" | "removed-has" => {}
            other => fail(format!("unknown expectation key {other:?}")),
        }
    }
    failures
}

#[test]
fn sample_articles_meet_their_expectations() {
    let dirs = article_dirs();
    assert!(dirs.len() >= 8, "the sample articles are missing");
    let mut all = Vec::new();
    for dir in &dirs {
        let report = report_for(dir);
        for f in check(dir, &report) {
            all.push(format!(
                "{}: {f}",
                dir.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    assert!(all.is_empty(), "\n{}", all.join("\n"));
}

#[test]
fn sample_article_snapshots() {
    for dir in article_dirs() {
        let mut report = report_for(&dir);
        report.stats.elapsed_ms = 0.0;
        let name = dir.file_name().unwrap_or_default().to_string_lossy().to_string();
        insta::assert_json_snapshot!(name, report);
    }
}

/// Offsets point into the input: each paragraph's span, sliced out of the
/// input (code points), reads as the paragraph once lines are joined.
#[test]
fn sample_article_offsets_slice_the_input() {
    for dir in article_dirs() {
        let input = fs::read_to_string(dir.join("input.txt")).expect("UTF-8 sample");
        let chars: Vec<char> = input.chars().collect();
        let report = report_for(&dir);
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for p in &report.paragraphs {
            let slice: String = chars[p.start..p.end].iter().collect();
            assert_eq!(words(&slice), words(&p.text), "{}", dir.display());
        }
        for r in &report.removed {
            let slice: String = chars[r.start..r.end].iter().collect();
            assert_eq!(words(&slice), words(&r.text), "{}", dir.display());
        }
    }
}

/// Cleaning the cleaned text removes nothing more.
#[test]
fn cleaning_is_idempotent_on_the_samples() {
    for dir in article_dirs() {
        let report = report_for(&dir);
        let again = article_cleaner::analyze(&report.to_text(), &Options::default()).expect("valid options");
        assert!(
            again.removed.is_empty(),
            "{}: second pass removed {:?}",
            dir.display(),
            again
                .removed
                .iter()
                .map(|r| (&r.text, &r.rule))
                .collect::<Vec<_>>()
        );
        assert_eq!(again.text, report.text, "{}", dir.display());
        assert_eq!(again.title, report.title, "{}", dir.display());
    }
}
