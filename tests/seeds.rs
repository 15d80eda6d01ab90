//! The two seed articles in `../shared/seeds`, when present: the cleaning
//! that `EXPECTED.md` asks for, checked on structure (nothing of the seeds
//! is copied here), and `check_seeds.py --part cleaning`.

mod common;

use std::fs;
use std::process::Command;

use article_cleaner::{analyze_bytes, Options, Report};

fn seed(name: &str) -> Option<(String, Report)> {
    let path = common::shared_dir()?.join("seeds").join(name);
    let bytes = fs::read(&path).ok()?;
    let report = analyze_bytes(&bytes, &Options::default()).expect("valid options");
    Some((String::from_utf8(bytes).expect("the seeds are UTF-8"), report))
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

#[test]
fn syndicated_seed_is_cleaned() {
    let Some((src, r)) = seed("000_b2d9c93d3c340126.txt") else {
        eprintln!("skipped: ../shared/seeds is not present");
        return;
    };
    let src_lines = lines(&src);
    assert_eq!(
        r.title.as_deref(),
        Some(src_lines[0]),
        "the first line is the title"
    );
    assert_eq!(r.paragraphs.len(), 9);
    // The second copy of the body: eight duplicates, each equal to the
    // paragraph it points at.
    let dups: Vec<_> = r.removed.iter().filter(|x| x.reason == "duplicate").collect();
    assert_eq!(dups.len(), 8);
    for d in &dups {
        let of = d.duplicate_of.expect("a duplicate points at its original");
        assert_eq!(r.paragraphs[of].text, d.text);
    }
    // Every paragraph is a line of the input, in order, once.
    let mut at = 0;
    for p in &r.paragraphs {
        let found = src_lines[at..]
            .iter()
            .position(|l| *l == p.text)
            .expect("a paragraph is an input line");
        at += found + 1;
    }
    // The tail after the second copy is all removed with named rules.
    let rules: Vec<&str> = r.removed.iter().filter_map(|x| x.rule.as_deref()).collect();
    for rule in ["legal-disclaimer", "most-popular", "comments"] {
        assert!(rules.contains(&rule), "{rule} fired: {rules:?}");
    }
    assert_eq!(r.source.as_deref(), Some("MENAFN"));
}

#[test]
fn agency_seed_keeps_every_body_paragraph() {
    let Some((src, r)) = seed("004_d17114c3e8a0fff9.txt") else {
        eprintln!("skipped: ../shared/seeds is not present");
        return;
    };
    let src_lines = lines(&src);
    let last = *src_lines.last().expect("the seed has lines");
    assert_eq!(r.title.as_deref(), Some(src_lines[0]));
    assert_eq!(
        r.byline.as_deref(),
        last.strip_prefix("By "),
        "the closing By line is the byline"
    );
    let body = &src_lines[1..src_lines.len() - 1];
    let texts: Vec<&str> = r.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, body, "every body paragraph, once, unchanged");
    assert!(r.removed.is_empty(), "nothing else is removed: {:?}", r.removed);
}

#[test]
fn check_seeds_cleaning_passes() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("skipped: ../shared is not present");
        return;
    };
    if !common::python_has(&[]) {
        eprintln!("skipped: python3 is not available");
        return;
    }
    let out = Command::new("python3")
        .arg(shared.join("eval/check_seeds.py"))
        .arg(env!("CARGO_BIN_EXE_article-cleaner"))
        .args(["--part", "cleaning"])
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "check_seeds.py --part cleaning:\n{text}");
}
