//! Compiles one of extraction's lazily compiled patterns (or tables)
//! alone, to measure what each costs:
//!
//! ```text
//! cargo build --release --example compile_cost
//! for i in 9999 $(seq 0 130); do
//!     valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!         target/release/examples/compile_cost $i 2>&1 | grep Collected
//! done
//! ```
//!
//! Number `i` is the `i`-th function of the lists that
//! `pincite::prepare_extraction` runs (`PATTERNS` of `src/extract/mod.rs`,
//! then of `src/extract/forms/mod.rs`, in their order); a number past the
//! last compiles nothing, which gives the cost of starting the program.

/// More shares than there are patterns: share `i` is pattern `i` alone.
const SHARES: usize = 1000;

fn main() {
    let i = std::env::args().nth(1).and_then(|a| a.parse().ok());
    match i {
        Some(i) => pincite::prepare_extraction(i, SHARES),
        None => eprintln!("usage: compile_cost <pattern number>"),
    }
}
