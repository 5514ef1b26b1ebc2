//! Deterministic synthetic event logs with a known structure, for tests and benchmarks.
//!
//! The model is an online shop journey. Every case starts with [`START`]. Then: an
//! optional search, one to three product views, and from there the customer may leave
//! (drop off) before the cart or before checkout. Buyers go through checkout and payment
//! (a payment is retried now and then: rework), then order confirmation and delivery,
//! possibly a support contact, possibly a review. Cases start 20–60 s apart; the gaps
//! between events are exponential with a mean per step. Rows are written in global time
//! order (cases interleave, as in real exports), exactly as many as asked for: the last
//! case is cut short if needed.
//!
//! The random numbers come from SplitMix64, so a seed always gives the same file on every
//! platform.

use std::fmt::Write;

use crate::locale::Date;

pub const START: &str = "Visit website";
/// Every activity the generator can emit.
pub const ACTIVITIES: [&str; 10] = [
    START,
    "Search product",
    "View product",
    "Add to cart",
    "Checkout",
    "Payment",
    "Order confirmation",
    "Delivery",
    "Contact support",
    "Write review",
];
/// The header of generated files.
pub const HEADER: &str = "case_id,activity,timestamp,channel";
/// 2024-01-01T00:00:00Z
const BASE_MS: i64 = 1_704_067_200_000;

/// SplitMix64: tiny, fast and good enough for test data.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.next_f64() < p
    }
    /// Exponentially distributed with the given mean, at least 1 s, in milliseconds.
    pub fn gap_ms(&mut self, mean_s: f64) -> i64 {
        let u = 1.0 - self.next_f64(); // (0, 1]
        ((-u.ln() * mean_s * 1000.0) as i64).max(1000)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// One event before writing: time, case number, position in the case, activity index,
/// channel.
type RawEvent = (i64, u32, u16, u8, &'static str);

/// The activity sequence of one case with its gaps (mean seconds before each step).
fn case_steps(rng: &mut SplitMix64) -> Vec<(u8, f64)> {
    let mut s = vec![(0u8, 0.0)];
    if rng.chance(0.6) {
        s.push((1, 60.0));
    }
    for _ in 0..1 + rng.below(3) {
        s.push((2, 90.0));
    }
    if !rng.chance(0.55) {
        return s; // left after browsing
    }
    s.push((3, 120.0));
    if !rng.chance(0.8) {
        return s; // abandoned cart
    }
    s.push((4, 180.0));
    s.push((5, 60.0));
    while rng.chance(0.1) {
        s.push((5, 120.0)); // payment retried
    }
    s.push((6, 5.0));
    s.push((7, 2.0 * 86_400.0));
    if rng.chance(0.15) {
        s.push((8, 86_400.0));
    }
    if rng.chance(0.3) {
        s.push((9, 3.0 * 86_400.0));
    }
    s
}

fn channel(activity: u8, on_app: bool, rng: &mut SplitMix64) -> &'static str {
    match activity {
        7 => "letter",
        8 => ["phone", "chat", "email"][rng.below(3) as usize],
        6 => "email",
        _ if on_app => "app",
        _ => "website",
    }
}

/// Exactly `events` events of the shop model, in time order.
fn events(events: usize, seed: u64) -> Vec<RawEvent> {
    let mut rng = SplitMix64::new(seed);
    let mut out: Vec<RawEvent> = Vec::with_capacity(events);
    let mut start = BASE_MS;
    let mut case = 0u32;
    while out.len() < events {
        case += 1;
        start += 20_000 + rng.below(40_000) as i64;
        let on_app = rng.chance(0.4);
        let mut t = start;
        for (pos, (a, mean)) in case_steps(&mut rng).into_iter().enumerate() {
            if out.len() == events {
                break;
            }
            if pos > 0 {
                t += rng.gap_ms(mean);
            }
            out.push((t, case, pos as u16, a, channel(a, on_app, &mut rng)));
        }
    }
    out.sort_unstable_by_key(|e| (e.0, e.1, e.2));
    out
}

/// A generated log as CSV text with [`HEADER`], ISO 8601 UTC timestamps.
/// The column mapping of the files this generator writes (see [`HEADER`]).
pub fn column_mapping() -> super::ColumnMapping {
    super::ColumnMapping {
        delimiter: b',',
        case: "case_id".into(),
        activity: "activity".into(),
        time: "timestamp".into(),
        channel: Some("channel".into()),
        rating: None,
        resource: None,
        lifecycle: None,
    }
}

pub fn generate_csv(n_events: usize, seed: u64) -> String {
    let evs = events(n_events, seed);
    let mut s = String::with_capacity(n_events * 56 + HEADER.len() + 1);
    s.push_str(HEADER);
    s.push('\n');
    for (t, case, _, a, ch) in evs {
        let _ = writeln!(s, "C{case},{},{},{ch}", ACTIVITIES[a as usize], iso_utc(t));
    }
    s
}

/// `YYYY-MM-DDTHH:MM:SSZ` for milliseconds since the epoch (seconds precision).
fn iso_utc(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let Date { year: y, month: m, day: d } = Date::from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::timestamp::parse_timestamp_ms;

    #[test]
    fn same_seed_same_file_and_exact_event_count() {
        let a = generate_csv(500, 7);
        assert_eq!(a, generate_csv(500, 7));
        assert_ne!(a, generate_csv(500, 8));
        assert_eq!(a.lines().count(), 501);
    }

    #[test]
    fn iso_dates_round_trip_through_the_parser() {
        for days in [-1000, 0, 59, 60, 365 * 30 + 7, 20_000] {
            assert_eq!(Date::from_days(days).days(), days);
            let ms = days * 86_400_000 + 3_723_000;
            assert_eq!(parse_timestamp_ms(&iso_utc(ms)), Some(ms));
        }
    }
}
