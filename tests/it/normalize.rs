//! Normalization on the real corpus texts.
