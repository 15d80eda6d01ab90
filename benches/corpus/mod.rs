//! The documents the benchmarks run on: the sample articles of
//! `tests/articles`, and the dev sets of `../shared/eval` when present.
//! Shared by the benchmark programs (`#[path]` module, not a crate).

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use article_cleaner::InputKind;

/// A named set of documents of one kind.
pub struct Corpus {
    pub name: &'static str,
    pub kind: InputKind,
    pub docs: Vec<String>,
}

impl Corpus {
    pub fn bytes(&self) -> usize {
        self.docs.iter().map(String::len).sum()
    }
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/eval` beside the repository, when it is there.
pub fn eval_dir() -> Option<PathBuf> {
    let dir = root().join("../shared/eval");
    dir.is_dir().then_some(dir)
}

/// Every `*.ext` file of a folder, sorted by name, as text.
fn read_all(dir: &Path, ext: &str) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

/// The hand-written sample articles (always present).
pub fn samples() -> Corpus {
    let dir = root().join("tests/articles");
    let mut folders: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    folders.sort();
    let docs = folders
        .iter()
        .filter_map(|f| fs::read_to_string(f.join("input.txt")).ok())
        .collect();
    Corpus {
        name: "samples",
        kind: InputKind::Auto,
        docs,
    }
}

/// The extraction dev pages: `.txt` (pasted) or `.html` (page source).
pub fn extraction(html: bool) -> Option<Corpus> {
    let dir = eval_dir()?.join("extraction/dev");
    let ids = fs::read_to_string(dir.join("ids.txt")).ok()?;
    let ext = if html { "html" } else { "txt" };
    let docs: Vec<String> = ids
        .lines()
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .filter_map(|id| fs::read(dir.join(format!("{id}.{ext}"))).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    (!docs.is_empty()).then_some(Corpus {
        name: if html {
            "extraction-html"
        } else {
            "extraction-text"
        },
        kind: if html { InputKind::Html } else { InputKind::Text },
        docs,
    })
}

/// A dev folder of plain-text documents (`ner`, `facts`, `dedup`).
fn text_set(name: &'static str, folder: &str) -> Option<Corpus> {
    let docs = read_all(&eval_dir()?.join(folder), "txt");
    (!docs.is_empty()).then_some(Corpus {
        name,
        kind: InputKind::Text,
        docs,
    })
}

pub fn ner() -> Option<Corpus> {
    text_set("ner", "ner/dev")
}

pub fn facts() -> Option<Corpus> {
    text_set("facts", "facts/dev")
}

pub fn dedup() -> Option<Corpus> {
    text_set("dedup", "dedup/dev")
}

/// Typical articles of about 5 KB: the facts dev texts of 4-6 KB, or the
/// sample articles when the dev sets are absent.
pub fn typical() -> Corpus {
    match facts() {
        Some(f) => Corpus {
            name: "typical-5k",
            kind: InputKind::Text,
            docs: f
                .docs
                .into_iter()
                .filter(|d| (4000..6000).contains(&d.len()))
                .collect(),
        },
        None => samples(),
    }
}

/// Distinct article texts to build big pastes from: the pasted extraction
/// pages, the facts and NER texts (about 3 MB), or the samples.
pub fn pool() -> Vec<String> {
    let mut pool = Vec::new();
    for c in [extraction(false), facts(), ner()].into_iter().flatten() {
        pool.extend(c.docs);
    }
    if pool.is_empty() {
        pool = samples().docs;
    }
    pool
}

/// A paste of at least `bytes` bytes: pool articles one after another,
/// separated by a blank line, from the start of the pool (so a longer paste
/// extends a shorter one), cycling when the pool runs out.
pub fn paste(pool: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64 * 1024);
    for doc in pool.iter().cycle() {
        if out.len() >= bytes || pool.is_empty() {
            break;
        }
        out.push_str(doc);
        out.push_str("\n\n");
    }
    out
}

/// The corpus of that name, when it is present.
pub fn by_name(name: &str) -> Option<Corpus> {
    match name {
        "samples" => Some(samples()),
        "typical-5k" => Some(typical()),
        "extraction-text" => extraction(false),
        "extraction-html" => extraction(true),
        "ner" => ner(),
        "facts" => facts(),
        "dedup" => dedup(),
        _ => None,
    }
}

/// Every corpus that is present, in a fixed order.
pub fn all() -> Vec<Corpus> {
    let mut out = vec![samples(), typical()];
    out.extend(
        [extraction(false), extraction(true), ner(), facts(), dedup()]
            .into_iter()
            .flatten(),
    );
    out
}
