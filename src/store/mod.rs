//! Persistence in the browser's local storage. The only module besides `ui` that touches
//! browser APIs; everything it stores is produced and read by the pure core.
//!
//! Invariants: a stored entry that cannot be read is never overwritten or deleted (it is
//! copied to a backup key and its index entry is kept); a failed write leaves the previous
//! value in place; every key starts with [`keys::PREFIX`].

pub mod backend;
pub mod keys;
pub mod library_store;
pub mod page_memory;
pub mod preferences;
pub mod revision;
pub mod snapshot_store;
pub mod timing;

pub use backend::{KeyValue, MemoryStorage, SetError};
pub use library_store::{load_library, Loaded, Unreadable};
