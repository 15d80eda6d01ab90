//! The command line as SPEC.md states it: FILE or stdin, formats, options,
//! exit codes, one-line errors.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_article-cleaner");
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/articles/harbour-storm/input.txt"
);

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        if let Some(bytes) = stdin {
            pipe.write_all(bytes).expect("stdin accepts the input");
        }
    }
    child.wait_with_output().expect("the binary exits")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("the output is JSON")
}

#[test]
fn text_format_prints_title_then_body() {
    let o = run(&[SAMPLE], None);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("Storm Closes Port Ellis Harbour as Repairs Begin\n\n"));
    assert!(out.contains("The harbour in Port Ellis was closed"));
    assert!(!out.contains("Garden Gadgets"));
    assert_eq!(out.matches("Vale said repairs would take").count(), 1);
}

#[test]
fn json_format_prints_the_report() {
    let o = run(&["--format", "json", SAMPLE], None);
    assert!(o.status.success());
    let r = json(&o);
    assert_eq!(r["schema"], 1);
    assert_eq!(r["title"], "Storm Closes Port Ellis Harbour as Repairs Begin");
    assert_eq!(r["stats"]["duplicates_removed"], 4);
    for key in [
        "language",
        "byline",
        "source",
        "published",
        "text",
        "paragraphs",
        "removed",
        "entities",
        "facts",
        "warnings",
        "stats",
    ] {
        assert!(r.get(key).is_some(), "the report has {key}");
    }
    assert!(r["stats"]["elapsed_ms"].as_f64().is_some());
}

#[test]
fn markdown_format_is_for_people() {
    let o = run(&["--format=markdown", SAMPLE], None);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("# Storm Closes Port Ellis Harbour as Repairs Begin\n"));
    assert!(out.contains("*By Marta Quinlan and Owen Sato"));
}

#[test]
fn reads_standard_input() {
    let input = std::fs::read(SAMPLE).expect("the sample exists");
    let from_file = run(&["--format", "json", SAMPLE], None);
    for args in [&["--format", "json"][..], &["--format", "json", "-"][..]] {
        let o = run(args, Some(&input));
        assert!(o.status.success());
        let (mut a, mut b) = (json(&o), json(&from_file));
        a["stats"]["elapsed_ms"] = 0.into();
        b["stats"]["elapsed_ms"] = 0.into();
        assert_eq!(a, b);
    }
}

#[test]
fn raw_keeps_everything() {
    let o = run(&["--format", "json", "--raw", SAMPLE], None);
    let r = json(&o);
    assert_eq!(r["removed"].as_array().map(Vec::len), Some(0));
    assert!(r["text"].as_str().unwrap_or("").contains("Garden Gadgets"));
}

#[test]
fn input_kind_is_an_option() {
    let html = b"<html><body><p>Hello there, this is a page.</p></body></html>";
    let as_text = run(&["--format", "json", "--input", "text"], Some(html));
    assert!(as_text.status.success());
    assert!(json(&as_text)["text"].as_str().unwrap_or("").contains("<p>"));
    let max = run(&["--format", "json", "--max-facts", "2", SAMPLE], None);
    assert!(json(&max)["facts"].as_array().is_some_and(|f| f.len() <= 2));
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    for args in [
        &["--format", "yaml"][..],
        &["--input", "pdf"][..],
        &["--max-facts", "lots"][..],
        &["--max-facts"][..],
        &["--bogus"][..],
        &["a.txt", "b.txt"][..],
        &["--raw=yes"][..],
    ] {
        let o = run(args, Some(b""));
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("article-cleaner: "), "{err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn io_errors_exit_2() {
    let o = run(&["/this/file/does/not/exist.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cannot read") && err.trim_end().lines().count() == 1);
}

#[test]
fn help_and_version() {
    let o = run(&["--help"], None);
    assert!(o.status.success());
    assert!(stdout(&o).contains("--max-facts"));
    let o = run(&["-V"], None);
    assert!(stdout(&o).starts_with("article-cleaner "));
}

#[test]
fn bad_bytes_give_a_report_with_warnings() {
    let o = run(&["--format", "json"], Some(b"Caf\xe9 menu\x00 today.\n\xff\xfe"));
    assert!(o.status.success());
    let r = json(&o);
    let warnings = r["warnings"].as_array().expect("warnings");
    assert!(warnings
        .iter()
        .any(|w| w.as_str().unwrap_or("").contains("not valid UTF-8")));
    assert!(warnings
        .iter()
        .any(|w| w.as_str().unwrap_or("").contains("control character")));
    let o = run(&["--format", "json"], Some(b""));
    assert!(o.status.success());
    assert_eq!(json(&o)["text"], "");
}
