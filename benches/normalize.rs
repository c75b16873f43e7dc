//! Normalization throughput on the shipped corpus and, when it is present,
//! on the bulk Supreme Court texts beside the repository.
//!
//! Run with `cargo bench --bench normalize`.

mod common;

use common::{corpus_dir, shared_dir, texts_by_stem, total_bytes};
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn normalize_all(texts: &[(String, String)]) {
    for (_, text) in texts {
        black_box(pincite::normalize(black_box(text)));
    }
}

fn corpus(c: &mut Criterion) {
    let texts = texts_by_stem(&corpus_dir());
    let mut group = c.benchmark_group("normalize");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, text) in &texts {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| pincite::normalize(black_box(text)))
        });
    }
    group.throughput(Throughput::Bytes(total_bytes(&texts)));
    group.bench_function("corpus", |b| b.iter(|| normalize_all(&texts)));
    group.finish();
}

fn bulk(c: &mut Criterion) {
    let Some(dir) = shared_dir("bulk-scotus-ot2009-2011") else {
        println!("normalize-bulk: skipped, shared/corpus/bulk-scotus-ot2009-2011 is not present");
        return;
    };
    let texts = texts_by_stem(&dir);
    let mut group = c.benchmark_group("normalize-bulk");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(total_bytes(&texts)));
    let id = format!("scotus-ot2009-2011 ({} files)", texts.len());
    group.bench_function(id, |b| b.iter(|| normalize_all(&texts)));
    group.finish();
}

criterion_group!(benches, corpus, bulk);
criterion_main!(benches);
