//! Criterion benchmarks: the whole pipeline on every corpus that is present
//! (the sample articles; with `../shared/eval`, the dev sets: pasted pages,
//! HTML pages, NER and facts texts, dedup cases), each stage on its own on
//! typical ~5 KB articles, and a 1×, 10×, 100× scaling series (100 KB to
//! 10 MB pastes).
//!
//! ```sh
//! cargo bench --bench pipeline                 # everything (a few minutes)
//! cargo bench --bench pipeline -- stage/       # only the stages
//! ```
//!
//! Times are native; `bench/bench.mjs` times the WebAssembly build against
//! the peers (BENCHMARKS.md).

use std::hint::black_box;
use std::time::Duration;

use article_cleaner::{analyze, stages, InputKind, Options};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};

#[path = "corpus/mod.rs"]
mod corpus;

fn options(kind: InputKind) -> Options {
    Options {
        input: kind,
        ..Options::default()
    }
}

/// The whole analysis of every document of each corpus, once per iteration.
fn whole_pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    for corpus in corpus::all() {
        let opts = options(corpus.kind);
        group.throughput(Throughput::Bytes(corpus.bytes() as u64));
        let name = format!("{} ({} documents)", corpus.name, corpus.docs.len());
        group.bench_function(name, |b| {
            b.iter(|| {
                for doc in &corpus.docs {
                    black_box(analyze(black_box(doc), &opts).expect("valid options"));
                }
            })
        });
    }
    group.finish();
}

/// Each stage alone, on the typical articles: the stages before it run in
/// the (untimed) set-up of every batch.
fn each_stage(c: &mut Criterion) {
    let corpus = corpus::typical();
    let opts = stages::options(&options(InputKind::Text)).expect("valid options");
    let docs = &corpus.docs;
    let mut group = c.benchmark_group("stage");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .throughput(Throughput::Bytes(corpus.bytes() as u64));
    let read = || docs.iter().map(|d| stages::read(d, &opts)).collect::<Vec<_>>();
    let blocks = || read().into_iter().map(stages::blocks).collect::<Vec<_>>();
    let cleaned = || {
        blocks()
            .into_iter()
            .map(|b| stages::clean(b, &opts))
            .collect::<Vec<_>>()
    };
    let sentences = || cleaned().into_iter().map(stages::sentences).collect::<Vec<_>>();
    let entities = || {
        sentences()
            .into_iter()
            .map(|s| {
                let e = stages::entities(&s);
                (s, e)
            })
            .collect::<Vec<_>>()
    };
    let facts = || {
        entities()
            .into_iter()
            .map(|(s, e)| {
                let f = stages::facts(&s, &e, &opts);
                (s, e, f)
            })
            .collect::<Vec<_>>()
    };
    // Each stage's results are returned, not counted: criterion keeps them
    // (the optimiser cannot drop the work) and drops them outside the timing.
    group.bench_function("1 read", |b| b.iter(|| black_box(read())));
    group.bench_function("2 blocks", |b| {
        b.iter_batched(
            read,
            |r| black_box(r.into_iter().map(stages::blocks).collect::<Vec<_>>()),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("3 clean", |b| {
        b.iter_batched(
            blocks,
            |bl| {
                black_box(
                    bl.into_iter()
                        .map(|x| stages::clean(x, &opts))
                        .collect::<Vec<_>>(),
                )
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("4 sentences", |b| {
        b.iter_batched(
            cleaned,
            |cl| black_box(cl.into_iter().map(stages::sentences).collect::<Vec<_>>()),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("5 entities", |b| {
        b.iter_batched(
            sentences,
            |ss| black_box(ss.iter().map(stages::entities).collect::<Vec<_>>()),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("6 facts", |b| {
        b.iter_batched(
            entities,
            |se| {
                black_box(
                    se.iter()
                        .map(|(s, e)| stages::facts(s, e, &opts))
                        .collect::<Vec<_>>(),
                )
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("7 report", |b| {
        b.iter_batched(
            facts,
            |sef| {
                black_box(
                    sef.into_iter()
                        .zip(docs)
                        .map(|((s, e, f), d)| stages::report(d, s, e, f))
                        .collect::<Vec<_>>(),
                )
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// One paste of 1×, 10× and 100× 100 KB of articles: the time per byte
/// should stay flat.
fn scaling(c: &mut Criterion) {
    let pool = corpus::pool();
    let opts = options(InputKind::Text);
    let mut group = c.benchmark_group("scaling");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500));
    for factor in [1usize, 10, 100] {
        let text = corpus::paste(&pool, 100_000 * factor);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if factor == 100 {
            group.measurement_time(Duration::from_secs(30));
        }
        group.bench_function(format!("{factor}x"), |b| {
            b.iter(|| black_box(analyze(black_box(&text), &opts).expect("valid options")))
        });
    }
    group.finish();
}

criterion_group!(benches, whole_pipeline, each_stage, scaling);
criterion_main!(benches);
