//! Adversarial inputs grown step by step: runs of citation anchors, a long
//! run of "(" before a citation, hyphenated line ends, one enormous line,
//! many case names followed by supras of a name none of them has.
//! Each input is measured at doubling sizes with `Throughput::Bytes`, so
//! linear time shows as the same MB/s at every size.
//!
//! Run with `cargo bench --bench hostile`.

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use std::hint::black_box;
use std::time::Duration;

const FULL: &str = "Imbler v. Pachtman, 424 U. S. 409 (1976). ";

/// The whole pipeline on one text: the number of citations.
fn extract(text: &str) -> usize {
    let norm = pincite::normalize(text);
    pincite::extract(text, &norm).len()
}

/// A line of prose carrying a full citation every 540 bytes: 4.3 MB on
/// one line at 160,000.
fn long_line(reps: usize) -> String {
    let mut s = String::new();
    for i in 0..reps / 20 {
        s.push_str(&"word ".repeat(100));
        s.push_str(&format!(
            "Case{i} v. Other, {} U. S. {} (1990). ",
            400 + i % 100,
            10 + i
        ));
    }
    s.push('\n');
    s
}

/// `reps / 40` full citations of distinct cases, then as many supras of a
/// name none of them has: a lookup that scanned every name seen before it
/// would make this quadratic. 270 kB at 160,000.
fn names_then_unknown_supras(reps: usize) -> String {
    let n = reps / 40;
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            "Case{i} v. Other{i}, {} U. S. {} (1990). ",
            400 + i % 100,
            10 + i
        ));
    }
    s.push_str(&"Unknown, supra, at 5. ".repeat(n));
    s.push('\n');
    s
}

/// The inputs: a name and how to make it with `reps` repetitions.
type Input = (&'static str, fn(usize) -> String);

const INPUTS: &[Input] = &[
    ("id", |n| format!("{FULL}{}\n", "Id. ".repeat(n))),
    ("supra", |n| {
        format!("{FULL}{}\n", "Imbler, supra, at 4, ".repeat(n))
    }),
    ("full-with-pins", |n| {
        format!("{}\n", "424 U. S. 409, 4, 5, 6, ".repeat(n))
    }),
    ("open-parens", |n| format!("{}{FULL}\n", "(".repeat(n * 10))),
    ("hyphenated-line-ends", |n| " The mate-\nrial ".repeat(n)),
    ("one-long-line", |n| long_line(n)),
    ("names-then-unknown-supras", |n| {
        names_then_unknown_supras(n)
    }),
];

fn hostile(c: &mut Criterion) {
    let steps = [10_000, 20_000, 40_000, 80_000, 160_000];
    for &(name, make) in INPUTS {
        let mut group = c.benchmark_group(format!("hostile/{name}"));
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_millis(200))
            .measurement_time(Duration::from_secs(2));
        for reps in steps {
            let text = make(reps);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(reps), &text, |b, text| {
                b.iter(|| extract(black_box(text)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, hostile);
criterion_main!(benches);
