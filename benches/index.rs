//! The citation index (a SQLite database): building it from scratch,
//! running it again on an unchanged corpus (every file hashed, none
//! read again), and answering a query by authority and pin.
//!
//! The texts are `shared/corpus/bulk-scotus-ot2009-2011` beside the
//! repository directory when it is present, otherwise the shipped
//! `corpus/`. `PINCITE_INDEX_COPIES=N` gives them N times under other
//! names, for a database of millions of citations (the bulk corpus has
//! about 57,000; 90 copies make five million). Building is measured in
//! bytes of opinion text per second, beside `extract` on the same texts
//! (normalize, extract, resolve: the work the index adds its writes to);
//! a query in queries per second (criterion prints the time of one): all
//! the hits of the case and pin cited most, the first hundred of them
//! (`Query::limit`), their number and their number per file.
//! `PINCITE_INDEX_DB=FILE` queries that database, built before with
//! `pincite index -o FILE ...`, instead of one built here (with
//! `cargo bench --bench index -- index-query`, only the queries run).
//!
//! Run with `cargo bench --bench index`.

mod common;

use common::{corpus_dir, shared_dir, texts};
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use pincite::{Index, Query};
use rayon::prelude::*;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

/// The opinions to index, given `PINCITE_INDEX_COPIES` times (default
/// once) under names of their own. Prints which.
fn docs() -> Vec<(String, String)> {
    let dir = shared_dir("bulk-scotus-ot2009-2011").unwrap_or_else(|| {
        println!("index: the bulk corpus is not present; indexing the shipped corpus");
        corpus_dir()
    });
    let copies: usize = std::env::var("PINCITE_INDEX_COPIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let one = texts(&dir);
    let docs: Vec<(String, String)> = (0..copies)
        .flat_map(|k| {
            one.iter()
                .map(move |(p, text)| (format!("copy{k}/{}", p.display()), text.clone()))
        })
        .collect();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    println!(
        "index: {} files ({copies} copies), {bytes} bytes, from {}",
        docs.len(),
        dir.display()
    );
    docs
}

/// A database file of its own, removed when dropped.
struct TempDb(PathBuf);

impl TempDb {
    fn new(name: &str) -> TempDb {
        let path =
            std::env::temp_dir().join(format!("pincite-bench-{}-{name}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        TempDb(path)
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A new database of the texts, in a file.
fn build_file(docs: &[(String, String)], db: &TempDb) -> Index {
    let _ = std::fs::remove_file(&db.0);
    let mut index = Index::open(&db.0).expect("the database opens");
    index
        .add(docs.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .expect("the database takes the files");
    index
}

fn build(c: &mut Criterion) {
    let docs = docs();
    let bytes: u64 = docs.iter().map(|(_, t)| t.len() as u64).sum();
    let mut group = c.benchmark_group("index-build");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Bytes(bytes));
    group.bench_function("extract (no index)", |b| {
        b.iter(|| {
            docs.par_iter()
                .map(|(_, t)| pincite::cite(t).citations().len())
                .sum::<usize>()
        })
    });
    let db = TempDb::new("build.db");
    group.bench_function("database file", |b| b.iter(|| build_file(&docs, &db)));
    group.bench_function("in memory", |b| {
        b.iter(|| {
            let mut index = Index::in_memory();
            index
                .add(docs.iter().map(|(n, t)| (n.as_str(), t.as_str())))
                .expect("the database takes the files")
        })
    });
    // The same corpus again: every file hashed, none read again.
    let mut index = build_file(&docs, &db);
    group.bench_function("again, unchanged", |b| {
        b.iter(|| {
            let stats = index
                .add(docs.iter().map(|(n, t)| (n.as_str(), t.as_str())))
                .expect("the database takes the files");
            assert_eq!(stats.written, 0);
        })
    });
    group.finish();
}

/// The case cited most often with the pin cited most often on it, found
/// by SQL, so that the query has answers whatever the corpus.
fn most_cited(index: &Index) -> (String, u32) {
    let mut found = None;
    index
        .sql(
            "SELECT p.authority, p.page, count(*) AS n FROM pins p \
             JOIN authorities a ON a.key = p.authority WHERE a.category = 'case' \
             GROUP BY p.authority, p.page ORDER BY n DESC LIMIT 1",
            |row| {
                let key = row.get("authority").and_then(|v| v.as_str());
                let page = row.get("page").and_then(|v| v.as_u64());
                let key = key.unwrap_or_default().to_string();
                let page = page.unwrap_or(1) as u32;
                found = Some((key, page));
                Ok(())
            },
        )
        .expect("the SQL runs");
    found.expect("a case cited with a pin")
}

fn query(c: &mut Criterion) {
    // A database built before (`pincite index -o FILE ...`), or one built
    // here of the texts.
    let (index, _db) = match std::env::var_os("PINCITE_INDEX_DB") {
        Some(path) => (
            Index::open_read_only(&path).expect("the database opens"),
            None,
        ),
        None => {
            let docs = docs();
            let db = TempDb::new("query.db");
            drop(build_file(&docs, &db));
            let index = Index::open_read_only(&db.0).expect("the database opens");
            (index, Some(db))
        }
    };
    let (key, pin) = most_cited(&index);
    // The key as a user types it: "424 U.S. 409" as "424 u. s. 409".
    let typed = key.replace('.', ". ").replace(".  ", ". ").to_lowercase();
    let mut by_key = Query::new();
    by_key.authority(&key).pin(pin);
    let mut by_typed = Query::new();
    by_typed.authority(&typed).pin(pin);
    // The first page of them, as `pincite query --limit 100` asks.
    let mut first_page = by_key.clone();
    first_page.limit(100);
    let queries = [
        (format!("authority {key:?} pin {pin}"), by_key),
        (format!("authority typed {typed:?} pin {pin}"), by_typed),
        (
            format!("authority {key:?} pin {pin}, first 100"),
            first_page,
        ),
    ];
    println!(
        "index-query: {} files, {} citations",
        index.files().expect("files").len(),
        index.len().expect("citations")
    );
    for (what, q) in &queries {
        let hits = index.query(q).expect("the query runs").len();
        println!("index-query: {what}: {hits} hits");
    }
    let mut group = c.benchmark_group("index-query");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Elements(1));
    for (what, q) in &queries {
        group.bench_function(what.as_str(), |b| b.iter(|| index.query(black_box(q))));
    }
    let (what, q) = &queries[1];
    group.bench_function(format!("counts: {what}"), |b| {
        b.iter(|| index.counts(black_box(q)))
    });
    group.bench_function(format!("count: {what}"), |b| {
        b.iter(|| index.count(black_box(q)))
    });
    group.finish();
}

criterion_group!(benches, build, query);
criterion_main!(benches);
