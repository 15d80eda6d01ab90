//! `article-cleaner batch`: many articles on every core, one JSON line each.
//!
//! Three kinds of threads and two bounded channels:
//!
//! ```text
//! reader ──jobs (bounded)──▶ N workers ──results──▶ writer (this thread)
//!    ▲                                                  │
//!    └──────────── a permit per written line ◀──────────┘
//! ```
//!
//! The reader takes a permit before it sends a job, and the writer gives
//! one back after it has written a line, so at most `window` articles are
//! read, analysed or waiting to be written at any moment, however long the
//! input: memory stays bounded, and the writer restores input order with a
//! reorder buffer that never holds more than `window` lines.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Instant;

use article_cleaner::{analyze_bytes, InputKind, Options, Report};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use serde_json::Value;

pub const USAGE: &str = "\
Usage: article-cleaner batch [OPTIONS] [PATH...]

Analyses many articles: every .txt, .html and .htm file of the given files
and folders (folders are read recursively, in sorted order), or JSON lines
on standard input ('-' or no PATH), one object per line:
  {\"id\": \"a1\", \"text\": \"...\"}   or   {\"id\": \"a2\", \"html\": \"...\"}
Writes one JSON line per article, in input order:
  {\"id\": ..., \"path\": ..., \"report\": {...}}   or   {\"id\": ..., \"error\": \"...\"}
A record that cannot be read gives an error line and the batch goes on.
Exit status: 0 when every article gave a report, 1 when some gave errors,
2 on a usage error.

Options:
  -j, --jobs N       analyse N articles at a time (default: every core)
  --input KIND       auto (default), text or html
  --max-facts N      at most N facts (default 5)
  --raw              skip cleaning and deduplication
  --no-entities      skip the entity stage (entities: [])
  --no-facts         skip the fact stage (facts: [])
  -h, --help         print this help
";

/// Most jobs accepted by `--jobs`.
const MAX_JOBS: usize = 256;

/// What `batch` was asked to do.
pub struct BatchArgs {
    pub options: Options,
    /// Whether `--input` was given (else `.html` files are read as HTML).
    pub input_given: bool,
    pub jobs: usize,
    pub paths: Vec<String>,
}

/// One article to analyse, as the reader found it.
enum Job {
    File { id: String, path: PathBuf },
    Line { number: usize, bytes: Vec<u8> },
}

/// One output line, and whether it was a report.
struct Done {
    line: String,
    ok: bool,
}

#[derive(Serialize)]
struct ReportLine<'a> {
    id: &'a Value,
    path: Option<&'a str>,
    report: &'a Report,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    error: &'a str,
}

/// Parses the arguments after `batch`. `Ok(None)` means `--help`.
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<BatchArgs>, String> {
    let mut parsed = BatchArgs {
        options: Options::default(),
        input_given: false,
        jobs: thread::available_parallelism().map_or(1, |n| n.get()),
        paths: Vec::new(),
    };
    let mut args = args.into_iter();
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        if only_paths || arg == "-" || !arg.starts_with('-') {
            parsed.paths.push(arg);
            continue;
        }
        let (name, inline) = crate::split_option(&arg);
        let mut value = |what: &str| crate::option_value(&name, inline.as_deref(), &mut args, what);
        match name.as_str() {
            "--" => only_paths = true,
            "-h" | "--help" => return Ok(None),
            "-j" | "--jobs" => {
                let v = value("a number of threads")?;
                parsed.jobs = v
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=MAX_JOBS).contains(n))
                    .ok_or_else(|| {
                        format!("--jobs must be a whole number from 1 to {MAX_JOBS}, not {v:?}")
                    })?;
            }
            _ => {
                if name == "--input" {
                    parsed.input_given = true;
                }
                if !crate::analysis_option(&name, inline.as_deref(), &mut value, &mut parsed.options)? {
                    return Err(format!(
                        "unknown option {name:?} (see article-cleaner batch --help)"
                    ));
                }
            }
        }
    }
    if parsed.paths.iter().filter(|p| *p == "-").count() > 0 && parsed.paths.len() > 1 {
        return Err("'-' (standard input) cannot be mixed with files".to_string());
    }
    Ok(Some(parsed))
}

/// Whether a file found in a folder is an article.
fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["txt", "html", "htm"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The article files of the given paths: a file as given, a folder's
/// articles recursively with each folder's entries sorted by name.
/// A path that does not exist is a usage error.
fn list_files(paths: &[String]) -> Result<Vec<(String, PathBuf)>, String> {
    let mut out = Vec::new();
    for given in paths {
        let path = PathBuf::from(given);
        let meta = fs::metadata(&path).map_err(|e| format!("cannot read {given}: {e}"))?;
        if meta.is_dir() {
            let mut stack = vec![path.clone()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                let entries =
                    fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
                let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                entries.sort();
                // Folders are pushed in reverse so the walk stays in sorted order.
                for entry in entries.into_iter().rev() {
                    if entry.is_dir() {
                        stack.push(entry);
                    } else if is_article(&entry) {
                        found.push(entry);
                    }
                }
            }
            found.sort();
            for file in found {
                let id = file
                    .strip_prefix(&path)
                    .unwrap_or(&file)
                    .to_string_lossy()
                    .into_owned();
                out.push((id, file));
            }
        } else {
            out.push((given.clone(), path));
        }
    }
    Ok(out)
}

/// Runs the batch; returns the exit status (0, 1 or 2).
pub fn run(args: BatchArgs) -> u8 {
    let from_stdin = args.paths.is_empty() || args.paths == ["-"];
    let files = if from_stdin {
        None
    } else {
        match list_files(&args.paths) {
            Ok(files) => Some(files),
            Err(e) => {
                crate::complain(&e);
                return 2;
            }
        }
    };
    let progress = progress_bar(files.as_ref().map(Vec::len));
    let jobs = args.jobs;
    let window = 4 * jobs;

    let (job_tx, job_rx) = sync_channel::<(usize, Job)>(jobs);
    let (done_tx, done_rx) = sync_channel::<(usize, Done)>(window);
    let (permit_tx, permit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = permit_tx.send(());
    }

    let input_failed = Arc::new(AtomicBool::new(false));
    let reader_failed = Arc::clone(&input_failed);
    thread::spawn(move || {
        let complete = match files {
            Some(files) => feed(
                files.into_iter().map(|(id, path)| Ok(Job::File { id, path })),
                &job_tx,
                &permit_rx,
            ),
            None => feed(stdin_lines(), &job_tx, &permit_rx),
        };
        reader_failed.store(!complete, Ordering::SeqCst);
    });

    let job_rx = Arc::new(Mutex::new(job_rx));
    for _ in 0..jobs {
        let job_rx = Arc::clone(&job_rx);
        let done_tx = done_tx.clone();
        let options = args.options.clone();
        let input_given = args.input_given;
        thread::spawn(move || loop {
            // The lock is held only while taking one job.
            let next = match job_rx.lock() {
                Ok(rx) => rx.recv(),
                Err(_) => return,
            };
            let Ok((seq, job)) = next else { return };
            let done = catch_unwind(AssertUnwindSafe(|| process(job, &options, input_given)))
                .unwrap_or_else(|_| error_line(&Value::Null, "internal error while analysing this article"));
            if done_tx.send((seq, done)).is_err() {
                return;
            }
        });
    }
    drop(done_tx);

    let status = write_in_order(&done_rx, &permit_tx, &progress);
    // The writer ends after the reader: standard input that broke off is
    // an I/O error (the lines before it were written).
    if input_failed.load(Ordering::SeqCst) {
        return 2;
    }
    status
}

/// The writer: lines in input order, flushed whenever it waits.
fn write_in_order(
    done_rx: &Receiver<(usize, Done)>,
    permit_tx: &SyncSender<()>,
    progress: &ProgressBar,
) -> u8 {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
    let mut next = 0usize;
    let mut failed = false;
    loop {
        let received = match done_rx.try_recv() {
            Ok(r) => Some(r),
            Err(_) => {
                if out.flush().is_err() {
                    return write_failed(progress);
                }
                done_rx.recv().ok()
            }
        };
        let Some((seq, done)) = received else { break };
        pending.insert(seq, done);
        while let Some(done) = pending.remove(&next) {
            failed |= !done.ok;
            if out
                .write_all(done.line.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
                .is_err()
            {
                return write_failed(progress);
            }
            next += 1;
            progress.inc(1);
            let _ = permit_tx.send(());
        }
    }
    progress.finish_and_clear();
    if out.flush().is_err() {
        return write_failed(progress);
    }
    u8::from(failed)
}

fn write_failed(progress: &ProgressBar) -> u8 {
    progress.finish_and_clear();
    // A closed pipe (`| head`) is not worth a message; any other failure is.
    match io::stdout().flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            crate::complain(&format!("cannot write the output: {e}"));
            2
        }
        _ => 0,
    }
}

/// The reader: one permit per job, stops when the workers are gone.
/// Returns false when the input broke off with an error.
fn feed(
    jobs: impl Iterator<Item = io::Result<Job>>,
    job_tx: &SyncSender<(usize, Job)>,
    permits: &Receiver<()>,
) -> bool {
    for (seq, job) in jobs.enumerate() {
        if permits.recv().is_err() {
            return true;
        }
        let job = match job {
            Ok(job) => job,
            Err(e) => {
                crate::complain(&format!("cannot read standard input: {e}"));
                return false;
            }
        };
        if job_tx.send((seq, job)).is_err() {
            return true;
        }
    }
    true
}

/// The non-blank lines of standard input, numbered from 1.
fn stdin_lines() -> impl Iterator<Item = io::Result<Job>> {
    let mut stdin = io::stdin().lock();
    let mut number = 0usize;
    std::iter::from_fn(move || loop {
        let mut bytes = Vec::new();
        match stdin.read_until(b'\n', &mut bytes) {
            Ok(0) => return None,
            Ok(_) => {
                number += 1;
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                return Some(Ok(Job::Line { number, bytes }));
            }
            Err(e) => return Some(Err(e)),
        }
    })
}

/// Reads and analyses one article.
fn process(job: Job, options: &Options, input_given: bool) -> Done {
    match job {
        Job::File { id, path } => {
            let id = Value::String(id);
            let bytes = match fs::read(&path) {
                Ok(b) => b,
                Err(e) => return error_line(&id, &format!("cannot read {}: {e}", path.display())),
            };
            let mut options = options.clone();
            if !input_given
                && path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
            {
                options.input = InputKind::Html;
            }
            analysed(&id, Some(&path.to_string_lossy()), &bytes, &options)
        }
        Job::Line { number, bytes } => {
            let (id, text, kind) = match read_record(&bytes) {
                Ok(record) => record,
                Err((id, e)) => {
                    let id = id.unwrap_or(Value::from(number));
                    return error_line(&id, &format!("line {number}: {e}"));
                }
            };
            let mut options = options.clone();
            if let Some(kind) = kind {
                options.input = kind;
            }
            analysed(&id, None, text.as_bytes(), &options)
        }
    }
}

/// A JSON-lines record: its id, its text and how to read it (`html`
/// records are HTML; `text` records follow `--input`).
#[allow(clippy::type_complexity)]
fn read_record(bytes: &[u8]) -> Result<(Value, String, Option<InputKind>), (Option<Value>, String)> {
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| (None, format!("not a JSON object: {e}")))?;
    let Value::Object(mut record) = value else {
        return Err((None, "not a JSON object".to_string()));
    };
    let id = record.remove("id").unwrap_or(Value::Null);
    let id_for_error = Some(id.clone()).filter(|v| !v.is_null());
    let text = record.remove("text");
    let html = record.remove("html");
    let (content, kind) = match (text, html) {
        (Some(t), None) => (t, None),
        (None, Some(h)) => (h, Some(InputKind::Html)),
        (Some(_), Some(_)) => return Err((id_for_error, "give \"text\" or \"html\", not both".to_string())),
        (None, None) => return Err((id_for_error, "the record has no \"text\" or \"html\"".to_string())),
    };
    let Value::String(content) = content else {
        return Err((id_for_error, "\"text\" or \"html\" must be a string".to_string()));
    };
    Ok((id, content, kind))
}

fn analysed(id: &Value, path: Option<&str>, bytes: &[u8], options: &Options) -> Done {
    let started = Instant::now();
    match analyze_bytes(bytes, options) {
        Ok(mut report) => {
            report.stats.elapsed_ms = (started.elapsed().as_secs_f64() * 1e6).round() / 1e3;
            let line = serde_json::to_string(&ReportLine {
                id,
                path,
                report: &report,
            });
            match line {
                Ok(line) => Done { line, ok: true },
                Err(e) => error_line(id, &format!("cannot write the report: {e}")),
            }
        }
        Err(e) => error_line(id, &e.to_string()),
    }
}

fn error_line(id: &Value, error: &str) -> Done {
    let line = serde_json::to_string(&ErrorLine { id, error })
        .unwrap_or_else(|_| r#"{"id":null,"error":"cannot write the error"}"#.to_string());
    Done { line, ok: false }
}

/// A progress bar on standard error, only when it is a terminal.
fn progress_bar(total: Option<usize>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template(
                "{bar:30} {pos}/{len} articles, {elapsed} elapsed, about {eta} left",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} {pos} articles, {elapsed} elapsed")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}
