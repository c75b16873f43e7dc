//! A stable randomized test: snippets of the corpus texts, mutated, through
//! normalize → extract → resolve, with every invariant of
//! [`crate::hostile::check`] checked on each.
//!
//! The generator is a seeded xorshift, so every run tries the same cases;
//! a failure names the case and prints its input, and a smaller input
//! that fails the same way. `PINCITE_MUTATE_CASES`, `PINCITE_MUTATE_SEED`
//! and `PINCITE_MUTATE_FIRST` (the first case's number) change the count,
//! the seed and the start for a longer or different search, or to rerun
//! one failing case.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// xorshift64*: small, fast and good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // Spread nearby seeds apart (splitmix64) and never start at zero.
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What the mutations insert: the characters and words the normalizer and
/// the citation grammar give meaning to.
const TOKENS: &[&str] = &[
    "\n",
    "\n\n",
    "-\n",
    " ",
    "  ",
    "\x0c",
    "\r\n",
    "\r",
    "\t",
    "Id.",
    "Id., at ",
    "id., at 4",
    "Ibid.",
    "§",
    "§§",
    "U. S.",
    "U. S. C.",
    "F. 3d",
    "S. Ct.",
    "supra",
    "infra",
    ", at ",
    "n. ",
    "v. ",
    "(",
    ")",
    "(1976)",
    "0",
    "1",
    "4",
    "9",
    "424",
    "409",
    "1983",
    "___",
    ",",
    ".",
    ";",
    "—",
    "–",
    "-",
    "’",
    "‘",
    "“",
    "”",
    "\u{ad}",
    "\u{a0}",
    "é",
    "\u{301}",
    "👩‍⚖️",
    "See ",
    "Cf. ",
    "App. ",
    "Stat. ",
    "Pp. 3–6.",
    "Cite as: 555 U. S. ____ (2009)\n",
    "Opinion of the Court\n",
    "——————\n",
    "1 ",
    "*",
    "I\n",
    "Held: ",
    "JUSTICE ",
    "\0",
];

/// Char boundaries of `s`, the end included.
fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain([s.len()]).collect()
}

/// A random range of `s` on char boundaries, at most `max` bytes or so.
fn chunk(rng: &mut Rng, s: &str, max: usize) -> (usize, usize) {
    let b = boundaries(s);
    let i = rng.below(b.len());
    let mut j = i;
    let want = 1 + rng.below(max);
    while j + 1 < b.len() && b[j] - b[i] < want {
        j += 1;
    }
    (b[i], b[j])
}

/// One mutation of `s`, keeping it valid UTF-8.
fn mutate(rng: &mut Rng, s: &mut String) {
    let b = boundaries(s);
    let at = *rng.pick(&b);
    match rng.below(8) {
        // Delete a character or a chunk.
        0 | 1 => {
            let max = if rng.below(2) == 0 { 1 } else { 40 };
            let (x, y) = chunk(rng, s, max);
            s.replace_range(x..y, "");
        }
        // Insert a token.
        2..=4 => {
            let token = TOKENS[rng.below(TOKENS.len())];
            s.insert_str(at, token);
        }
        // Duplicate a chunk in place or elsewhere.
        5 => {
            let (x, y) = chunk(rng, s, 60);
            let piece = s[x..y].to_string();
            let to = if rng.below(2) == 0 { y } else { at };
            s.insert_str(to, &piece);
        }
        // Swap two chunks.
        6 => {
            let (x1, y1) = chunk(rng, s, 30);
            let (x2, y2) = chunk(rng, s, 30);
            if y1 <= x2 || y2 <= x1 {
                let ((a, b), (c, d)) = if y1 <= x2 {
                    ((x1, y1), (x2, y2))
                } else {
                    ((x2, y2), (x1, y1))
                };
                let swapped = format!("{}{}{}", &s[c..d], &s[b..c], &s[a..b]);
                s.replace_range(a..d, &swapped);
            }
        }
        // Replace a character with a random byte's character or a digit.
        _ => {
            let (x, y) = chunk(rng, s, 1);
            let c = if rng.below(2) == 0 {
                char::from(b'0' + rng.below(10) as u8)
            } else {
                char::from(rng.below(256) as u8)
            };
            s.replace_range(x..y, c.encode_utf8(&mut [0; 4]));
        }
    }
}

/// The corpus texts.
fn corpus() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read corpus/")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read corpus text"))
        .collect()
}

/// The input of case `case`: a snippet of 200 to 400 bytes of a corpus
/// text, mutated one to six times.
fn case_input(texts: &[String], seed: u64, case: u64) -> String {
    let mut rng = Rng::new(seed ^ case.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let text = rng.pick(texts);
    let mut start = rng.below(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + 200 + rng.below(201)).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut s = text[start..end].to_string();
    for _ in 0..1 + rng.below(6) {
        mutate(&mut rng, &mut s);
    }
    s
}

/// The number of cases.
const DEFAULT_CASES: u64 = 100_000;

/// The panic message `check` gives on `src`, if it panics.
fn failure_of(src: &str) -> Option<String> {
    let e = std::panic::catch_unwind(|| crate::hostile::check(src)).err()?;
    Some(
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default(),
    )
}

/// A smaller input that still fails: chunks, then single characters,
/// deleted while the failure stays.
fn minimize(src: &str) -> String {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut s = src.to_string();
    let mut size = s.len() / 2;
    while size > 0 {
        let mut at = 0;
        while at < s.len() {
            let b = boundaries(&s);
            let (Some(&x), Some(&y)) = (
                b.iter().find(|&&i| i >= at),
                b.iter().find(|&&i| i >= at + size),
            ) else {
                break;
            };
            let mut t = s.clone();
            t.replace_range(x..y, "");
            if x < y && failure_of(&t).is_some() {
                s = t;
            } else {
                at = y.max(at + 1);
            }
        }
        size /= 2;
    }
    std::panic::set_hook(hook);
    s
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `cases` mutated snippets of `seed` from case `first` on every
/// core; panics with the first failure, its input and a minimized input.
fn run(seed: u64, cases: u64, first: u64) {
    let texts = corpus();
    assert!(!texts.is_empty());
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let failed = AtomicBool::new(false);
    let failure: Mutex<Option<(u64, String, String)>> = Mutex::new(None);
    let start = std::time::Instant::now();
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (texts, failed, failure) = (&texts, &failed, &failure);
            scope.spawn(move || {
                let mut case = first + t;
                while case < first + cases && !failed.load(Ordering::Relaxed) {
                    let src = case_input(texts, seed, case);
                    if let Some(msg) = failure_of(&src) {
                        failed.store(true, Ordering::Relaxed);
                        failure.lock().unwrap().get_or_insert((case, src, msg));
                    }
                    case += threads;
                }
            });
        }
    });
    if let Some((case, src, msg)) = failure.into_inner().unwrap() {
        let small = minimize(&src);
        panic!(
            "case {case} (seed {seed:#x}) failed: {msg}\ninput: {src:?}\nminimized: {small:?}\nwhich fails with: {}",
            failure_of(&small).unwrap_or_default()
        );
    }
    eprintln!(
        "{cases} mutated snippets of seed {seed:#x} checked in {:.2?} on {threads} threads",
        start.elapsed()
    );
}

#[test]
fn mutated_corpus_snippets_keep_every_invariant() {
    let cases = env_u64("PINCITE_MUTATE_CASES", DEFAULT_CASES);
    let seed = env_u64("PINCITE_MUTATE_SEED", 0x5eed_c17e);
    let first = env_u64("PINCITE_MUTATE_FIRST", 0);
    run(seed, cases, first);
}

/// The long search: several seeds, millions of cases each (by default 4
/// seeds of 2,500,000; `PINCITE_MUTATE_SEEDS`, a comma-separated list,
/// and `PINCITE_MUTATE_CASES` set others). Run it in both profiles, the
/// dev profile with its overflow checks too:
///
/// ```text
/// cargo test --release --test it -- --ignored mutate_many --nocapture
/// cargo test --test it -- --ignored mutate_many --nocapture
/// ```
#[test]
#[ignore = "minutes long; run on purpose"]
fn mutate_many() {
    let cases = env_u64("PINCITE_MUTATE_CASES", 2_500_000);
    let seeds: Vec<u64> = std::env::var("PINCITE_MUTATE_SEEDS")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 2, 3, 4]);
    for seed in seeds {
        run(seed, cases, 0);
    }
}
