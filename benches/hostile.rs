//! Adversarial inputs grown step by step, through every command.
//!
//! `extract`: runs of citation anchors, a long run of "(" before a
//! citation, hyphenated line ends, one enormous line, many case names
//! followed by supras of a name none of them has; each at doubling sizes.
//!
//! `verify` (text and JSON lines), `index`, `toa` and `annotate`: the same
//! inputs and those that made them quadratic (an Id. on every line, "Id.,
//! at 1, n. 1, " runs, one quotation cited to many pins, unknown supras on
//! many lines, "App. 4, " runs on one line), each at N and 4N.
//!
//! Every group reports `Throughput::Bytes`, so linear time shows as the
//! same MB/s at every size. After criterion's runs, a table prints for
//! each command and input the throughput at N and 4N and the ratio of
//! the times: 4 is linear, and every ratio must stay under 6. The table
//! takes the least CPU time of seven runs of each size, run in turn, so
//! that other programs on the machine move it little.
//!
//! Run with `cargo bench --bench hostile` (`-- extract`, `-- verify`, ...
//! to run some groups; the table is printed for the groups run);
//! `PINCITE_GROWTH_ONLY=1` prints the table alone.

use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main,
};
use std::hint::black_box;
use std::time::Duration;

const FULL: &str = "Imbler v. Pachtman, 424 U. S. 409 (1976). ";

/// The whole pipeline on one text: the number of citations.
fn extract(text: &str) -> usize {
    pincite::cite(text).citations().len()
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

/// An Id. on every line: a finding's line counted from the start of the
/// file for each finding made `verify`'s text output quadratic.
fn id_every_line(reps: usize) -> String {
    (0..reps)
        .map(|i| {
            format!(" Paragraph {i} cites Imbler v. Pachtman, 424 U. S. 409 (1976). Id., at 4.\n")
        })
        .collect()
}

/// One quotation cited to a different pin each time: compared with every
/// earlier one, it made `verify` quadratic.
fn one_quotation_many_pins(reps: usize) -> String {
    let mut s = String::from(FULL);
    for i in 0..reps {
        s.push_str(&format!(
            "It said \u{201C}the judicial phase of the criminal process.\u{201D} Id., at {}. ",
            410 + i % 300
        ));
    }
    s.push('\n');
    s
}

/// The inputs: a name and how to make it with `reps` repetitions.
type Input = (&'static str, fn(usize) -> String);

/// The inputs of the `extract` groups.
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
    ("html-star-pages", |n| {
        format!(
            "<p>{}</p>",
            "<span class=\"star-pagination\">*1</span>Smith, 1 U.S. 2. ".repeat(n / 4)
        )
    }),
    ("html-open-italics", |n| {
        format!("<p>{}</p>", "<i>Smith v. Jones, 1 U.S. 2. ".repeat(n / 4))
    }),
    ("html-italic-runs", |n| {
        format!("<p>{}</p>", "<i>A</i> , 1 U.S. 2. <i>B</i> ".repeat(n / 4))
    }),
];

/// The inputs of the other commands: [`INPUTS`] and those that were
/// quadratic in a command after extraction.
const COMMAND_INPUTS: &[Input] = &[
    ("id", |n| format!("{FULL}{}\n", "Id. ".repeat(n))),
    ("supra", |n| {
        format!("{FULL}{}\n", "Imbler, supra, at 4, ".repeat(n))
    }),
    ("full-with-pins", |n| {
        format!("{}\n", "424 U. S. 409, 4, 5, 6, ".repeat(n))
    }),
    ("one-long-line", |n| long_line(n)),
    ("names-then-unknown-supras", |n| {
        names_then_unknown_supras(n * 4)
    }),
    ("id-every-line", |n| id_every_line(n)),
    ("id-footnote-pins", |n| {
        format!("{FULL}{}\n", "Id., at 1, n. 1, ".repeat(n))
    }),
    ("one-quotation-many-pins", |n| one_quotation_many_pins(n)),
    ("unknown-supra-lines", |n| {
        "Unknown, supra, at 5.\n".repeat(n)
    }),
    ("app-one-line", |n| format!("{}\n", "App. 4, ".repeat(n))),
];

/// A command on one text: what it computes, its output's size.
type Command = (&'static str, fn(&str) -> usize);

/// The commands, as the command line runs them on one file.
const COMMANDS: &[Command] = &[
    ("verify-text", |text| {
        let cited = pincite::cite(text);
        let lines = pincite::LineIndex::new(text);
        cited
            .verify()
            .iter()
            .map(|f| f.to_text_with("a.txt", &lines).len())
            .sum()
    }),
    ("verify-jsonl", |text| {
        let cited = pincite::cite(text);
        cited
            .verify()
            .iter()
            .map(|f| {
                serde_json::to_string(f)
                    .expect("a finding serializes")
                    .len()
            })
            .sum()
    }),
    ("index", |text| {
        pincite::Index::build(&[("a.txt", text)])
            .len()
            .expect("the index reads")
    }),
    ("toa", |text| {
        let cited = pincite::cite(text);
        pincite::TableOfAuthorities::new([("a.txt", cited.citations())])
            .to_markdown()
            .len()
    }),
    ("annotate", |text| {
        let cited = pincite::cite(text);
        pincite::annotate_html("a.txt", cited.normalized(), cited.citations()).len()
    }),
];

/// The N of the command groups; each is also run at 4N.
const COMMAND_N: usize = 10_000;

fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(2));
    g
}

/// Whether only the growth table is wanted (`PINCITE_GROWTH_ONLY=1`).
fn growth_only() -> bool {
    std::env::var_os("PINCITE_GROWTH_ONLY").is_some()
}

fn hostile(c: &mut Criterion) {
    if growth_only() {
        return;
    }
    let steps = [10_000, 20_000, 40_000, 80_000, 160_000];
    for &(name, make) in INPUTS {
        let mut g = group(c, &format!("extract/{name}"));
        for reps in steps {
            let text = make(reps);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(reps), &text, |b, text| {
                b.iter(|| extract(black_box(text)))
            });
        }
        g.finish();
    }
}

fn commands(c: &mut Criterion) {
    if growth_only() {
        return;
    }
    for &(command, run) in COMMANDS {
        for &(name, make) in COMMAND_INPUTS {
            let mut g = group(c, &format!("{command}/{name}"));
            for reps in [COMMAND_N, 4 * COMMAND_N] {
                let text = make(reps);
                g.throughput(Throughput::Bytes(text.len() as u64));
                g.bench_with_input(BenchmarkId::from_parameter(reps), &text, |b, text| {
                    b.iter(|| run(black_box(text)))
                });
            }
            g.finish();
        }
    }
}

/// The CPU time of the process so far (of all its threads): unlike the
/// time on the clock, it does not grow while other programs have the
/// machine's cores.
#[cfg(target_os = "linux")]
fn cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to write.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) } == 0;
    assert!(ok, "clock_gettime");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Elsewhere, the time on the clock.
#[cfg(not(target_os = "linux"))]
fn cpu_time() -> Duration {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// The least CPU time of seven runs each of `a` and `b`, run in turn so
/// that a busy moment of the machine falls on both.
fn best_of_seven(a: impl Fn() -> usize, b: impl Fn() -> usize) -> (Duration, Duration) {
    let time = |f: &dyn Fn() -> usize| {
        let t = cpu_time();
        black_box(f());
        cpu_time().saturating_sub(t)
    };
    let (mut ta, mut tb) = (Duration::MAX, Duration::MAX);
    for _ in 0..7 {
        ta = ta.min(time(&a));
        tb = tb.min(time(&b));
    }
    (ta, tb)
}

/// Whether criterion was asked to run a group of this name (a filter on
/// the command line that the name contains, or none).
fn wanted(name: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
}

/// The N of the growth table for `extract`, whose inputs are made small
/// at a given N; each is also run at 4N.
const EXTRACT_N: usize = 40_000;

/// Prints, for each command and input, the throughput at N and 4N and
/// the ratio of their times; 4 is linear.
fn growth(_: &mut Criterion) {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    println!(
        "\ngrowth from N to 4N (the least CPU time of seven runs; a ratio of 4 is linear, under 6 passes)"
    );
    println!(
        "{:<40} {:>8} {:>11} {:>11} {:>7}",
        "command/input", "N", "MB/s at N", "MB/s at 4N", "4N/N"
    );
    let extract_command: Command = ("extract", extract);
    for &(command, run) in std::iter::once(&extract_command).chain(COMMANDS) {
        let (inputs, n) = if command == "extract" {
            (INPUTS, EXTRACT_N)
        } else {
            (COMMAND_INPUTS, COMMAND_N)
        };
        for &(name, make) in inputs {
            let label = format!("{command}/{name}");
            if !wanted(&label) {
                continue;
            }
            let (a, b) = (make(n), make(4 * n));
            let (ta, tb) = best_of_seven(|| run(&a), || run(&b));
            let mbs = |len: usize, t: Duration| len as f64 / 1e6 / t.as_secs_f64().max(1e-9);
            let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-9);
            let flag = if ratio < 6.0 { "" } else { "  <- superlinear" };
            println!(
                "{label:<40} {n:>8} {:>11.2} {:>11.2} {ratio:>7.2}{flag}",
                mbs(a.len(), ta),
                mbs(b.len(), tb)
            );
        }
    }
}

criterion_group!(benches, hostile, commands, growth);
criterion_main!(benches);
