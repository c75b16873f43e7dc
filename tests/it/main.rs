//! The integration tests: one binary, one module per area.

mod api;
mod bulk;
mod cli;
mod corpus;
mod extract;
mod extractors;
mod eyecite;
mod forms;
mod hostile;
mod html;
mod invariants;
mod law;
mod mutate;
mod normalize;
mod props;
mod readme;
mod report;
mod sources;
mod styles;

/// Says on the terminal, also when the test passes and its output is
/// captured, that a test skipped its part for want of `missing` (shared
/// material beside the repository, which a clone does not have).
fn skipped(missing: &std::path::Path) {
    use std::io::Write;
    // The process's standard error itself, which the test harness does not
    // capture (it captures the `eprintln!` macro).
    let _ = writeln!(
        std::io::stderr().lock(),
        "skipped: {} is not present (the shared corpus beside the repository)",
        missing.display()
    );
}
