//! The pipeline over a corpus in a loop, stage by stage, with the time each
//! stage took: a quick breakdown, and a steady workload for `perf record`
//! or `valgrind --tool=callgrind`.
//!
//! ```sh
//! cargo bench --bench profile -- typical-5k --rounds 20
//! cargo bench --bench profile -- paste:10000000
//! valgrind --tool=callgrind target/release/deps/profile-<hash> typical-5k --rounds 1
//! ```
//!
//! Corpora: samples, typical-5k, extraction-text, extraction-html, ner,
//! facts, dedup, or `paste:BYTES` (a big paste of distinct articles).

use std::hint::black_box;
use std::time::{Duration, Instant};

use article_cleaner::{stages, InputKind, Options};

#[path = "corpus/mod.rs"]
mod corpus;

const STAGES: [&str; 7] = [
    "read",
    "blocks",
    "clean",
    "sentences",
    "entities",
    "facts",
    "report",
];

fn main() {
    let mut rounds = 1usize;
    let mut names = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            "--bench" => {}
            _ => names.push(a),
        }
    }
    if names.is_empty() {
        names.push("typical-5k".to_string());
    }
    for name in &names {
        let (kind, docs) = if let Some(bytes) = name.strip_prefix("paste:") {
            let bytes: usize = bytes.parse().unwrap_or(10_000_000);
            (InputKind::Text, vec![corpus::paste(&corpus::pool(), bytes)])
        } else {
            match corpus::by_name(name) {
                Some(c) => (c.kind, c.docs),
                None => {
                    eprintln!("no corpus named {name} here (skipped)");
                    continue;
                }
            }
        };
        let options = Options {
            input: kind,
            ..Options::default()
        };
        let mut spent = [Duration::ZERO; 7];
        let bytes: usize = docs.iter().map(String::len).sum();
        for _ in 0..rounds {
            for doc in &docs {
                run(doc, &options, &mut spent);
            }
        }
        let total: Duration = spent.iter().sum();
        let per_doc = total.as_secs_f64() * 1e3 / (rounds * docs.len()).max(1) as f64;
        println!(
            "{name}: {} documents, {} KB, {rounds} round(s): {:.1} ms in all, {per_doc:.3} ms a document, {:.1} MB/s",
            docs.len(),
            bytes / 1024,
            total.as_secs_f64() * 1e3,
            (bytes * rounds) as f64 / total.as_secs_f64() / 1e6,
        );
        for (stage, t) in STAGES.iter().zip(spent) {
            println!(
                "  {stage:<10} {:>9.1} ms {:>5.1} %",
                t.as_secs_f64() * 1e3,
                100.0 * t.as_secs_f64() / total.as_secs_f64().max(1e-12)
            );
        }
    }
}

/// One analysis, stage by stage, adding each stage's time to `spent`.
fn run(input: &str, options: &Options, spent: &mut [Duration; 7]) {
    let mut clock = Instant::now();
    let mut lap = |i: usize| {
        let now = Instant::now();
        spent[i] += now - clock;
        clock = now;
    };
    let options = stages::options(options).expect("valid options");
    let read = stages::read(input, &options);
    lap(0);
    let blocks = stages::blocks(read);
    lap(1);
    let cleaned = stages::clean(blocks, &options);
    lap(2);
    let sentences = stages::sentences(cleaned);
    lap(3);
    let entities = stages::entities(&sentences);
    lap(4);
    let facts = stages::facts(&sentences, &entities, &options);
    lap(5);
    black_box(stages::report(input, sentences, entities, facts));
    lap(6);
}
