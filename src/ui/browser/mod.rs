//! Browser glue, and nothing else: downloads, reading files, the clipboard, the clock. No
//! component lives here; features call these functions.

pub mod time;
