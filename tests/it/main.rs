//! The integration tests: one binary, one module per area.

mod cli;
mod extract;
mod normalize;
mod props;
mod report;
