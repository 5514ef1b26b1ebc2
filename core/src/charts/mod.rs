//! charts (being built).
