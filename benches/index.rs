//! The citation index: building it (normalize, extract, resolve and the
//! hits of every file, in parallel) on one thread and on all of them,
//! loading a saved index, and answering queries once it is loaded.
//!
//! The texts are the opinions of `shared/corpus/opinions` beside the
//! repository directory when it is present, otherwise the shipped
//! `corpus/`. Building and loading are measured in bytes of opinion text
//! and of index file per second; a query in queries per second (criterion
//! prints the time of one).
//!
//! Run with `cargo bench --bench index`.

mod common;

use common::{corpus_dir, shared_dir, texts};
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use pincite::{CitationKind, Index, Query};
use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

/// The opinions to index: `shared/corpus/opinions` when present, else the
/// shipped corpus. Prints which.
fn docs() -> Vec<(String, String)> {
    let dir = shared_dir("opinions").unwrap_or_else(|| {
        println!("index: shared/corpus/opinions is not present; indexing the shipped corpus");
        corpus_dir()
    });
    let docs: Vec<(String, String)> = texts(&dir)
        .into_iter()
        .map(|(p, text)| (p.display().to_string(), text))
        .collect();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    println!(
        "index: {} files, {bytes} bytes, from {}",
        docs.len(),
        dir.display()
    );
    docs
}

fn build_on(threads: usize, docs: &[(&str, &str)]) -> Index {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(|| Index::build(docs))
}

fn build(c: &mut Criterion) {
    let docs = docs();
    let refs: Vec<(&str, &str)> = docs.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let bytes: u64 = docs.iter().map(|(_, t)| t.len() as u64).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());

    let mut group = c.benchmark_group("index-build");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(bytes));
    let mut counts: Vec<usize> = vec![1];
    if cores > 1 {
        counts.push(cores);
    }
    for threads in counts {
        let id = BenchmarkId::new("threads", threads);
        group.bench_with_input(id, &threads, |b, &t| b.iter(|| build_on(t, &refs)));
    }
    group.finish();

    let index = Index::build(&refs);
    let file = index.to_bytes();
    println!(
        "index-file: {} citations, {} bytes",
        index.hits().len(),
        file.len()
    );
    let mut group = c.benchmark_group("index-file");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Bytes(file.len() as u64));
    group.bench_function("save (to bytes)", |b| b.iter(|| index.to_bytes()));
    group.bench_function("load (from bytes)", |b| {
        b.iter(|| Index::from_bytes(black_box(&file)).expect("the index loads"))
    });
    group.finish();
}

/// The case cited most often, with the pin cited most often on it and the
/// first word of its name, so that the queries have answers whatever the
/// corpus.
fn most_cited(index: &Index) -> (String, u32, String) {
    let (key, _, _) = index
        .authorities()
        .into_iter()
        .find(|(k, _, _)| {
            index.hits().iter().any(|h| {
                h.kind == CitationKind::FullCase
                    && h.authority.as_deref() == Some(*k)
                    && h.case_name.is_some()
            })
        })
        .expect("a cited case");
    let mut pins: HashMap<u32, usize> = HashMap::new();
    let mut name = None;
    for h in index.hits() {
        if h.authority.as_deref() != Some(key) {
            continue;
        }
        for p in h.pins.iter().filter_map(|p| p.page) {
            *pins.entry(p).or_default() += 1;
        }
        if h.kind == CitationKind::FullCase && name.is_none() {
            name = h.case_name.clone();
        }
    }
    let pin = pins
        .into_iter()
        .max_by_key(|&(p, n)| (n, std::cmp::Reverse(p)))
        .map_or(1, |(p, _)| p);
    let name = name.expect("a case name");
    let party = name
        .split(" v. ")
        .next()
        .unwrap_or(&name)
        .trim()
        .to_string();
    (key.to_string(), pin, party)
}

fn query(c: &mut Criterion) {
    let docs = docs();
    let refs: Vec<(&str, &str)> = docs.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let index = Index::from_bytes(&Index::build(&refs).to_bytes()).expect("the index loads");
    let (key, pin, party) = most_cited(&index);
    // The key as a user types it: "424 U.S. 409" as "424 u. s. 409".
    let typed = key.replace('.', ". ").replace(".  ", ". ").to_lowercase();

    let mut by_key = Query::new();
    by_key.authority(&key);
    let mut by_typed = Query::new();
    by_typed.authority(&typed);
    let mut by_name = Query::new();
    by_name.name(&party);
    let mut with_pin = Query::new();
    with_pin.authority(&typed).pin(pin);
    let queries = [
        (format!("authority {key:?}"), by_key),
        (format!("authority typed {typed:?}"), by_typed),
        (format!("name {party:?}"), by_name),
        (format!("authority {typed:?} pin {pin}"), with_pin),
    ];
    println!(
        "index-query: {} files, {} citations",
        index.files().len(),
        index.hits().len()
    );
    for (what, q) in &queries {
        println!("index-query: {what}: {} hits", index.query(q).len());
    }

    let mut group = c.benchmark_group("index-query");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Elements(1));
    for (what, q) in &queries {
        group.bench_function(what.as_str(), |b| b.iter(|| index.query(black_box(q))));
    }
    let (what, q) = &queries[3];
    group.bench_function(format!("counts: {what}"), |b| {
        b.iter(|| index.counts(black_box(q)))
    });
    group.finish();
}

criterion_group!(benches, build, query);
criterion_main!(benches);
