//! The heap of a one-shot command-line run (`journey-analyze`): freed blocks are kept for
//! the next allocation instead of handed back to the system.
//!
//! glibc gives blocks over its mmap threshold (128 KiB at first, adapting up to 32 MiB)
//! pages of their own and returns them on free, and trims the heap's free top; every
//! later column then touches fresh pages, one page fault (and a zeroed page) each. An
//! import of 1M events frees and allocates columns of 4–8 MB several times (file order,
//! sorted order, the case table's growth, the metrics' buffers), so keeping freed memory
//! cut the run's page faults by a quarter (18.1k → 13.5k) and its CPU time by ≈ 5 %
//! (benchmarks/README.md, "Scale, session 4"). One arena for every thread: the threads
//! that read a big file's parts and build its columns (`analytics/import_parts.rs`) would
//! otherwise each get an arena of their own, whose blocks the others cannot reuse (page
//! faults 16.4k → 13.7k, "Scale, session 5"); they allocate a few large blocks each, so
//! they hardly ever wait for the one lock. The process ends right after, so memory kept
//! is never a leak; the browser's worker has its own allocator and is not touched.

/// Keeps freed memory in the process for the rest of the run (glibc on Linux; elsewhere
/// nothing changes).
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes the allocator's parameters; called before any thread
    // starts. 32 MiB is glibc's largest mmap threshold on 64-bit systems (blocks above it,
    // a 10M-event column, still get pages of their own).
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}
