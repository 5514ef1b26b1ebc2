//! Browser glue, and nothing else: downloads, files the user picks, the clipboard, the
//! clock. No component lives here and nothing here touches the user's maps; features call
//! these functions and show their errors.

pub mod clipboard;
pub mod download;
pub mod files;
pub mod fullscreen;
pub mod time;
