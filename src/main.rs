//! The `article-cleaner` command line: arguments, files, formats, exit codes.

use std::io::{self, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use article_cleaner::{analyze_bytes, InputKind, Options, Report};

// Threads, files and a terminal: the batch command is native only (the
// binary is still built for wasm32 when its tests are).
#[cfg(not(target_arch = "wasm32"))]
mod batch;

const USAGE: &str = "\
Usage: article-cleaner [OPTIONS] [FILE]
       article-cleaner batch [OPTIONS] [PATH...]   (see batch --help)

Cleans a pasted news article: boilerplate and repeated paragraphs removed,
key entities and facts listed. Reads FILE, or standard input when FILE is
absent or '-'.

Options:
  --format FORMAT    text (default: the cleaned article, title first),
                     json (the full report) or markdown
  --input KIND       auto (default), text or html
  --max-facts N      at most N facts (default 5)
  --raw              skip cleaning and deduplication; analyse the input as is
  --no-entities      skip the entity stage (no entities listed)
  --no-facts         skip the fact stage (no facts listed)
  -h, --help         print this help
  -V, --version      print the version
";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Markdown,
}

struct Args {
    format: Format,
    options: Options,
    file: Option<String>,
}

enum Parsed {
    Run(Args),
    Help,
    Version,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Parsed, String> {
    let mut format = Format::Text;
    let mut options = Options::default();
    let mut file: Option<String> = None;
    let mut args = args.into_iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            if file.replace(arg.clone()).is_some() {
                return Err(format!("unexpected argument {arg:?}: give at most one FILE"));
            }
            continue;
        }
        let (name, inline) = split_option(&arg);
        let mut value = |what: &str| option_value(&name, inline.as_deref(), &mut args, what);
        match name.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(Parsed::Help),
            "-V" | "--version" => return Ok(Parsed::Version),
            "--format" | "-f" => {
                format = match value("text, json or markdown")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    other => return Err(format!("--format must be text, json or markdown, not {other:?}")),
                }
            }
            _ => {
                if !analysis_option(&name, inline.as_deref(), &mut value, &mut options)? {
                    return Err(format!("unknown option {name:?} (see --help)"));
                }
            }
        }
    }
    Ok(Parsed::Run(Args {
        format,
        options,
        file,
    }))
}

/// An option as given: `--name=value` split at the `=`, anything else whole.
fn split_option(arg: &str) -> (String, Option<String>) {
    match arg.split_once('=') {
        Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
        _ => (arg.to_string(), None),
    }
}

/// The value of option `name`: given inline (`--name=value`) or as the next
/// argument; `what` says what it should be when it is missing.
fn option_value(
    name: &str,
    inline: Option<&str>,
    args: &mut impl Iterator<Item = String>,
    what: &str,
) -> Result<String, String> {
    inline
        .map(str::to_string)
        .or_else(|| args.next())
        .ok_or_else(|| format!("{name} needs a value ({what})"))
}

/// Applies one of the analysis options shared by the single-file command
/// and `batch` (SPEC.md's options); `Ok(false)` when `name` is not one.
fn analysis_option(
    name: &str,
    inline: Option<&str>,
    value: &mut dyn FnMut(&str) -> Result<String, String>,
    options: &mut Options,
) -> Result<bool, String> {
    let flag = |field: &mut bool| -> Result<bool, String> {
        if inline.is_some() {
            return Err(format!("{name} takes no value"));
        }
        *field = true;
        Ok(true)
    };
    match name {
        "--input" => {
            options.input = InputKind::parse(&value("auto, text or html")?).map_err(|e| e.to_string())?;
            Ok(true)
        }
        "--max-facts" => {
            options.max_facts = Options::parse_max_facts(&value("a number")?).map_err(|e| e.to_string())?;
            Ok(true)
        }
        "--raw" => flag(&mut options.raw),
        "--no-entities" => flag(&mut options.no_entities),
        "--no-facts" => flag(&mut options.no_facts),
        _ => Ok(false),
    }
}

fn read_input(file: Option<&str>) -> Result<Vec<u8>, String> {
    match file {
        None | Some("-") => {
            let mut buf = Vec::new();
            io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(buf)
        }
        Some(path) => std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}")),
    }
}

fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => report.to_text(),
        Format::Markdown => report.to_markdown(),
        Format::Json => {
            let mut s = serde_json::to_string(report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
            s.push('\n');
            s
        }
    }
}

/// Writes a one-line message on standard error, whatever the message holds.
fn complain(message: &str) {
    let line = message.replace(['\n', '\r'], " ");
    let _ = writeln!(io::stderr(), "article-cleaner: {line}");
}

fn fail(message: &str) -> ExitCode {
    complain(message);
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut argv = std::env::args().skip(1).peekable();
    #[cfg(not(target_arch = "wasm32"))]
    if argv.peek().is_some_and(|a| a == "batch") {
        argv.next();
        return match batch::parse_args(argv) {
            Ok(Some(args)) => ExitCode::from(batch::run(args)),
            Ok(None) => {
                print!("{}", batch::USAGE);
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        };
    }
    let args = match parse_args(argv) {
        Ok(Parsed::Run(args)) => args,
        Ok(Parsed::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Parsed::Version) => {
            println!("article-cleaner {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(e) => return fail(&e),
    };
    let input = match read_input(args.file.as_deref()) {
        Ok(bytes) => bytes,
        Err(e) => return fail(&e),
    };
    let started = Instant::now();
    let mut report = match analyze_bytes(&input, &args.options) {
        Ok(r) => r,
        Err(e) => return fail(&e.to_string()),
    };
    report.stats.elapsed_ms = (started.elapsed().as_secs_f64() * 1e6).round() / 1e3;
    let out = render(&report, args.format);
    let mut stdout = io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write the output: {e}")),
    }
}
