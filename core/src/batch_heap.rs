//! The heap of a one-shot command-line run (`journey-analyze`): freed blocks are kept for
//! the next allocation instead of handed back to the system.
//!
//! glibc gives blocks over its mmap threshold (128 KiB at first, adapting up to 32 MiB)
//! pages of their own and returns them on free, and trims the heap's free top; every
//! later column then touches fresh pages, one page fault (and a zeroed page) each. An
//! import of 1M events frees and allocates columns of 4–8 MB several times (file order,
//! sorted order, the case table's growth, the metrics' buffers), so keeping freed memory
//! cut the run's page faults by a quarter (18.1k → 13.5k) and its CPU time by ≈ 5 %
//! (benchmarks/README.md, "Scale, session 4"). The process ends right after, so memory
//! kept is never a leak; the browser's worker has its own allocator and is not touched.

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
        huge_heap();
    }
}

/// Grows the heap once by 64 MiB (what a 1M-event run needs) and asks the kernel for
/// huge pages there (`MADV_HUGEPAGE`; the machine's THP setting is usually "madvise"): one
/// fault per 2 MiB instead of per 4 KiB. The columns of a 1M-event run (≈ 50 MB) took
/// 13.4k page faults, ≈ 10 % of the run's CPU in the kernel; this is what glibc's own
/// `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` does, which a program cannot set for itself.
/// Memory untouched stays unbacked; the heap grows past it in ordinary pages.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
unsafe fn huge_heap() {
    const HUGE: usize = 2 << 20;
    // SAFETY: `sbrk(0)` only reads the break; the block is freed right away (and kept by
    // the allocator, trimming is off); `madvise` is a hint on pages of this process's heap.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 64 << 20);
        let before = libc::sbrk(0) as usize;
        // Larger than the heap's free top, below the mmap threshold: the heap grows.
        // (`black_box`: else the compiler drops the unused malloc/free pair.)
        let block = std::hint::black_box(libc::malloc(1 << 20));
        let after = libc::sbrk(0) as usize;
        let start = (before + HUGE - 1) & !(HUGE - 1);
        if !block.is_null() && after > start {
            libc::madvise(start as *mut libc::c_void, after - start, libc::MADV_HUGEPAGE);
        }
        libc::free(block);
        // glibc's default pad again (128 KiB) for growth past the 64 MiB.
        libc::mallopt(libc::M_TOP_PAD, 128 << 10);
    }
}
