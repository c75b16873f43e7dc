//! Extraction throughput (normalize, extract and resolve) on the shipped
//! corpus and, when it is present, on the bulk Supreme Court texts beside
//! the repository, file by file and concatenated into one document.
//!
//! Run with `cargo bench --bench extract`.

mod common;

use common::{corpus_dir, shared_dir, texts_by_stem, total_bytes};
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// The whole pipeline on one text: the number of citations.
fn extract(text: &str) -> usize {
    let norm = pincite::normalize(text);
    pincite::extract(text, &norm).len()
}

fn extract_all(texts: &[(String, String)]) -> usize {
    texts.iter().map(|(_, t)| extract(black_box(t))).sum()
}

fn corpus(c: &mut Criterion) {
    let texts = texts_by_stem(&corpus_dir());
    let mut group = c.benchmark_group("extract");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, text) in &texts {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name.as_str(), |b| b.iter(|| extract(black_box(text))));
    }
    group.throughput(Throughput::Bytes(total_bytes(&texts)));
    group.bench_function("corpus", |b| b.iter(|| extract_all(&texts)));
    group.finish();
}

fn bulk(c: &mut Criterion) {
    let Some(dir) = shared_dir("bulk-scotus-ot2009-2011") else {
        println!("extract-bulk: skipped, shared/corpus/bulk-scotus-ot2009-2011 is not present");
        return;
    };
    let texts = texts_by_stem(&dir);
    let one: String = texts.iter().map(|(_, t)| t.as_str()).collect();
    let mut group = c.benchmark_group("extract-bulk");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(15));
    group.throughput(Throughput::Bytes(total_bytes(&texts)));
    let id = format!("file by file ({} files)", texts.len());
    group.bench_function(id, |b| b.iter(|| extract_all(&texts)));
    let id = format!("one document ({} files concatenated)", texts.len());
    group.bench_function(id, |b| b.iter(|| extract(black_box(&one))));
    group.finish();
}

criterion_group!(benches, corpus, bulk);
criterion_main!(benches);
