//! The integration tests: one binary, one module per area.

mod api;
mod bulk;
mod cli;
mod corpus;
mod extract;
mod eyecite;
mod forms;
mod hostile;
mod invariants;
mod law;
mod mutate;
mod normalize;
mod props;
mod report;
mod sources;
mod styles;
