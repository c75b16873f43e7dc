//! Extraction throughput (normalize, extract and resolve) on the shipped
//! corpus and, when it is present, on the bulk Supreme Court texts beside
//! the repository, file by file and concatenated into one document.
//!
//! Run with `cargo bench --bench extract`.

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The `.txt` files of `dir`, sorted, with their names and texts.
fn texts(dir: &Path) -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let name = p
                .file_stem()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            (name, text)
        })
        .collect()
}

fn total_bytes(texts: &[(String, String)]) -> u64 {
    texts.iter().map(|(_, t)| t.len() as u64).sum()
}

/// The whole pipeline on one text: the number of citations.
fn extract(text: &str) -> usize {
    let norm = pincite::normalize(text);
    pincite::extract(text, &norm).len()
}

fn extract_all(texts: &[(String, String)]) -> usize {
    texts.iter().map(|(_, t)| extract(black_box(t))).sum()
}

fn corpus(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let texts = texts(&dir);
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
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = manifest
        .parent()
        .unwrap_or(manifest)
        .join("shared/corpus/bulk-scotus-ot2009-2011");
    if !dir.is_dir() {
        println!("extract-bulk: skipped, {} is not present", dir.display());
        return;
    }
    let texts = texts(&dir);
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
