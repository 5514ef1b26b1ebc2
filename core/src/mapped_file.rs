//! A file mapped into memory read-only, for the command line (`journey-analyze`): a big
//! log is read where the page cache holds it instead of being copied into a fresh buffer,
//! which for a 47 MB file saved the copy and a third of the process's page faults
//! (benchmarks/README.md, "Speed, third pass"). Unix only; the browser never has a path.

use std::fs::File;
use std::os::unix::io::AsRawFd;

/// The bytes of a mapped file; unmapped when dropped.
pub struct MappedFile {
    ptr: *mut libc::c_void,
    len: usize,
}

// The mapping is private and read-only: nothing writes through it, so it may move between
// threads like a `Vec<u8>`, and be read from several at once like a `&[u8]` (the CLI's
// readers of a big file's parts, `analytics/import_parts.rs`).
unsafe impl Send for MappedFile {}
unsafe impl Sync for MappedFile {}

impl MappedFile {
    /// Maps `path`; `None` when it cannot be mapped (empty file, a pipe, …): the caller
    /// reads it the ordinary way then. A file changed by another program while mapped
    /// may be read half old, half new — as with any reader of a file being written.
    pub fn open(path: &str) -> Option<MappedFile> {
        let file = File::open(path).ok()?;
        let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
        if len == 0 {
            return None;
        }
        // SAFETY: a fresh private read-only mapping of an open file; the result is checked.
        // MAP_POPULATE maps every page at once instead of one page fault per page.
        let ptr = unsafe {
            libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ, libc::MAP_PRIVATE | populate(), file.as_raw_fd(), 0)
        };
        (ptr != libc::MAP_FAILED).then_some(MappedFile { ptr, len })
    }
}

#[cfg(target_os = "linux")]
fn populate() -> libc::c_int {
    libc::MAP_POPULATE
}

#[cfg(not(target_os = "linux"))]
fn populate() -> libc::c_int {
    0
}

impl AsRef<[u8]> for MappedFile {
    fn as_ref(&self) -> &[u8] {
        // SAFETY: `ptr` is a live mapping of `len` readable bytes until `drop`.
        unsafe { std::slice::from_raw_parts(self.ptr as *const u8, self.len) }
    }
}

impl Drop for MappedFile {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the mapping made in `open`, once.
        unsafe {
            libc::munmap(self.ptr, self.len);
        }
    }
}
