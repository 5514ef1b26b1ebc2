//! score (being built).
