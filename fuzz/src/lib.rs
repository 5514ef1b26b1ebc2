//! The fuzz targets' shared code: input options (`options.rs`) and the checks, one
//! function per target (`checks.rs`). See fuzz/README.md.

mod options;
pub use options::{chunk_rows, csv_options, split_control};

pub mod checks;
