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
    // Fed from a thread: `batch` streams, so it writes while it reads.
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let bytes = stdin.map(<[u8]>::to_vec);
    let feeder = std::thread::spawn(move || {
        if let Some(bytes) = bytes {
            // A usage error exits without reading: a broken pipe is fine.
            let _ = pipe.write_all(&bytes);
        }
    });
    let output = child.wait_with_output().expect("the binary exits");
    feeder.join().expect("the feeder thread ends");
    output
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

// ---- batch -------------------------------------------------------------

const BATCH_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/batch");

fn lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn batch_reads_a_folder_in_sorted_order() {
    let o = run(&["batch", "--jobs", "2", BATCH_DIR], None);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = lines(&o);
    let ids: Vec<&str> = out.iter().map(|l| l["id"].as_str().unwrap_or("")).collect();
    // Articles only (the README.md is left out), each folder sorted by name.
    assert_eq!(ids, ["a-ferry.txt", "wire/b-library.html", "wire/c-bridge.htm"]);
    for line in &out {
        assert!(line["path"]
            .as_str()
            .is_some_and(|p| p.ends_with(line["id"].as_str().unwrap_or("?"))));
        assert_eq!(line["report"]["schema"], 1);
    }
    assert_eq!(
        out[0]["report"]["title"],
        "Ferry Service Resumes Between Dunmore and Kells Island"
    );
    assert_eq!(out[0]["report"]["stats"]["duplicates_removed"], 1);
    // `.html` files are read as HTML: the menu is not in the text.
    assert!(!out[1]["report"]["text"]
        .as_str()
        .unwrap_or("Home")
        .contains("Home"));
    assert!(out[2]["report"]["text"]
        .as_str()
        .unwrap_or("")
        .contains("Marrowby"));
    // A report in a batch is the single-file command's report.
    let single = run(&["--format", "json", &format!("{BATCH_DIR}/a-ferry.txt")], None);
    let (mut a, mut b) = (out[0]["report"].clone(), json(&single));
    a["stats"]["elapsed_ms"] = 0.into();
    b["stats"]["elapsed_ms"] = 0.into();
    assert_eq!(a, b);
}

#[test]
fn batch_goes_on_after_a_bad_record() {
    let input = concat!(
        "{\"id\": \"first\", \"text\": \"Rain flooded the market square in Tullow on Monday, the mayor said.\"}\n",
        "{\"id\": \"broken\", \"text\": \n",
        "{\"id\": \"third\", \"html\": \"<p>The museum in Carrick reopened on Sunday after repairs, its director said.</p>\"}\n",
    );
    let o = run(&["batch"], Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    let out = lines(&o);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["id"], "first");
    assert!(out[0]["report"]["text"].as_str().unwrap_or("").contains("Tullow"));
    assert!(out[1]["error"].as_str().is_some_and(|e| e.starts_with("line 2:")));
    assert!(out[1].get("report").is_none());
    assert_eq!(out[2]["id"], "third");
    assert!(!out[2]["report"]["text"].as_str().unwrap_or("<p>").contains("<p>"));
    // Records that parse but are not articles are errors that keep their id.
    let o = run(
        &["batch", "-"],
        Some(b"{\"id\": 5}\n[1, 2]\n{\"id\": \"t\", \"text\": 3}\n"),
    );
    assert_eq!(o.status.code(), Some(1));
    let out = lines(&o);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["id"], 5);
    assert_eq!(out[1]["id"], 2, "a record without an id is named by its line");
    assert_eq!(out[2]["id"], "t");
    assert!(out.iter().all(|l| l["error"].is_string()));
}

#[test]
fn batch_keeps_input_order_with_two_jobs() {
    // Long and short records interleaved, so that they finish out of order.
    let mut input = String::new();
    for i in 0..60 {
        let repeat = if i % 3 == 0 { 200 } else { 1 };
        let body = "The council of Ashby voted on Friday to repair the town hall roof, its leader said. "
            .repeat(repeat);
        input.push_str(
            &serde_json::json!({"id": format!("r{i}"), "text": format!("Story {i}\n\n{body}")}).to_string(),
        );
        input.push('\n');
    }
    let o = run(&["batch", "--jobs", "2"], Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    let ids: Vec<String> = lines(&o)
        .iter()
        .map(|l| l["id"].as_str().unwrap_or("").to_string())
        .collect();
    let expected: Vec<String> = (0..60).map(|i| format!("r{i}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn stages_can_be_skipped() {
    for args in [
        &["--format", "json", "--no-entities", "--no-facts", SAMPLE][..],
        &["batch", "--no-entities", "--no-facts", SAMPLE][..],
    ] {
        let o = run(args, None);
        assert!(o.status.success(), "{args:?}");
        let first = stdout(&o).lines().next().map(str::to_string).unwrap_or_default();
        let v: serde_json::Value = serde_json::from_str(&first).expect("JSON");
        let r = if args[0] == "batch" { &v["report"] } else { &v };
        assert_eq!(r["entities"].as_array().map(Vec::len), Some(0), "{args:?}");
        assert_eq!(r["facts"].as_array().map(Vec::len), Some(0), "{args:?}");
        assert!(r["text"]
            .as_str()
            .unwrap_or("")
            .contains("The harbour in Port Ellis was closed"));
    }
    // Facts without entities: still facts, naming no entity.
    let r = json(&run(&["--format", "json", "--no-entities", SAMPLE], None));
    assert_eq!(r["entities"].as_array().map(Vec::len), Some(0));
    let facts = r["facts"].as_array().cloned().unwrap_or_default();
    assert!(!facts.is_empty());
    assert!(facts
        .iter()
        .all(|f| f["entities"].as_array().is_some_and(Vec::is_empty)));
    let full = json(&run(&["--format", "json", SAMPLE], None));
    assert!(full["entities"].as_array().is_some_and(|e| !e.is_empty()));
}

#[test]
fn batch_usage_errors_exit_2() {
    for args in [
        &["batch", "--jobs", "0"][..],
        &["batch", "--jobs"][..],
        &["batch", "--bogus"][..],
        &["batch", "--no-facts=1"][..],
        &["batch", "/this/folder/does/not/exist"][..],
        &["batch", "-", BATCH_DIR][..],
    ] {
        let o = run(args, Some(b""));
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(o.stdout.is_empty());
    }
    let o = run(&["batch", "--help"], None);
    assert!(o.status.success() && stdout(&o).contains("--jobs"));
    // Empty input: nothing to do, nothing failed.
    let o = run(&["batch"], Some(b"\n\n"));
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
}

#[test]
fn batch_standard_input_that_fails_is_an_io_error() {
    // A folder opened as standard input: reading it fails.
    let Ok(folder) = std::fs::File::open(BATCH_DIR) else {
        return;
    };
    let o = Command::new(BIN)
        .args(["batch"])
        .stdin(folder)
        .output()
        .expect("the binary runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read standard input"));
}
