//! analytics (being built).
