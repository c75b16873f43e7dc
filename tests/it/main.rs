//! The integration tests: one binary, one module per area.

mod cli;
mod normalize;
mod props;
