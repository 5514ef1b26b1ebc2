//! Two pieces of independent work at once: on a second thread natively (the CLI), one
//! after the other in the browser, whose worker has one thread. The results are the same
//! either way; only the time differs.

/// Events (or rows) from which a pass over them pays for a thread of its own: starting one
/// costs tens of microseconds, a pass over 100,000 events a millisecond or more.
pub const WORTH_A_THREAD: usize = 100_000;

/// Runs `a` and `b` and returns both results: natively `a` on a second thread when the
/// work is `big` enough to pay for starting one (tens of microseconds).
#[cfg(not(target_arch = "wasm32"))]
pub fn side_by_side<A: Send, B>(big: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    if !big {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let other = scope.spawn(a);
        let second = b();
        match other.join() {
            Ok(first) => (first, second),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Runs `a` and `b` one after the other (the browser's worker has one thread).
#[cfg(target_arch = "wasm32")]
pub fn side_by_side<A, B>(_big: bool, a: impl FnOnce() -> A, b: impl FnOnce() -> B) -> (A, B) {
    (a(), b())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_results_come_back_in_their_places() {
        let data: Vec<u64> = (1..=1000).collect();
        for big in [false, true] {
            let (sum, max) = side_by_side(big, || data.iter().sum::<u64>(), || data.iter().max().copied());
            assert_eq!((sum, max), (500_500, Some(1000)));
        }
    }
}
