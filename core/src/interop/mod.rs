//! interop (being built).
