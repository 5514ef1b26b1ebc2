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
//!
//! [`generate_with_truth`] writes logs whose every case's fate is decided first and the
//! events built from it, so the drop-off is known by construction (see [`TruthLog`]):
//! tests compare the analytics with this truth instead of with a second computation.

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
        time_zone: None,
        time_form: Default::default(),
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

/// The goal activity of [`generate_with_truth`] logs.
pub const TRUTH_GOAL: &str = "Order confirmation";
/// The drop-off timeout the truth of [`generate_with_truth`] is built for (7 days).
pub const TRUTH_TIMEOUT_S: f64 = 7.0 * 86_400.0;
const DAY_MS: i64 = 86_400_000;

/// The mix of fates in a [`generate_with_truth`] log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Most customers leave early (after the visit or the product views).
    MostLeaveEarly,
    /// Most customers reach the goal.
    MostComplete,
    /// Loops and rework before the goal (back to search, back from the cart to the
    /// product, checkout again, payment retried), for the leavers and the buyers.
    LoopsBeforeGoal,
}

/// What became of one generated case, decided before its events were written.
#[derive(Debug, Clone, PartialEq)]
pub struct TruthCase {
    pub case_id: String,
    /// Contains [`TRUTH_GOAL`].
    pub reached_goal: bool,
    /// The activity the customer left at (the case's last activity, its last event more
    /// than [`TRUTH_TIMEOUT_S`] before the log's end); `None` for goal reachers and for
    /// cases still in progress.
    pub left_at: Option<&'static str>,
    /// The case's activities in order, as written.
    pub activities: Vec<&'static str>,
}

/// A generated log with the truth about each case.
#[derive(Debug, Clone)]
pub struct TruthLog {
    /// CSV with [`HEADER`], rows in time order.
    pub csv: String,
    pub cases: Vec<TruthCase>,
}

impl TruthLog {
    /// True drop-off per activity: (activity, cases that left there, cases containing it).
    pub fn drop_off_truth(&self) -> Vec<(&'static str, u64, u64)> {
        ACTIVITIES
            .iter()
            .map(|&a| {
                let left = self.cases.iter().filter(|c| c.left_at == Some(a)).count() as u64;
                let reached = self.cases.iter().filter(|c| c.activities.contains(&a)).count() as u64;
                (a, left, reached)
            })
            .filter(|t| t.2 > 0)
            .collect()
    }
}

/// Where a case ends: at the goal, by leaving after the given step (index into
/// [`ACTIVITIES`]), or still going.
#[derive(Clone, Copy)]
enum Fate {
    Goal,
    LeaveAt(u8),
    Active,
}

fn fate(shape: Shape, rng: &mut SplitMix64) -> Fate {
    // (probability, fate) rows; the rest of the mass is the goal.
    let table: &[(f64, Fate)] = match shape {
        Shape::MostLeaveEarly => &[
            (0.30, Fate::LeaveAt(0)), (0.05, Fate::LeaveAt(1)), (0.35, Fate::LeaveAt(2)),
            (0.08, Fate::LeaveAt(3)), (0.04, Fate::LeaveAt(4)), (0.05, Fate::Active),
        ],
        Shape::MostComplete => &[
            (0.03, Fate::LeaveAt(0)), (0.05, Fate::LeaveAt(2)), (0.04, Fate::LeaveAt(3)),
            (0.02, Fate::LeaveAt(5)), (0.04, Fate::Active),
        ],
        Shape::LoopsBeforeGoal => &[
            (0.10, Fate::LeaveAt(1)), (0.15, Fate::LeaveAt(2)), (0.10, Fate::LeaveAt(3)),
            (0.08, Fate::LeaveAt(4)), (0.07, Fate::LeaveAt(5)), (0.05, Fate::Active),
        ],
    };
    let mut u = rng.next_f64();
    for &(p, f) in table {
        if u < p {
            return f;
        }
        u -= p;
    }
    Fate::Goal
}

/// The activity indices of a case with this fate. Loops never end a case, so the last
/// activity is always the fate's.
fn truth_steps(f: Fate, shape: Shape, rng: &mut SplitMix64) -> Vec<u8> {
    let loops = shape == Shape::LoopsBeforeGoal;
    // Buyers and leavers after step 5 go the whole way to the payment.
    let last = match f {
        Fate::Goal => 6,
        Fate::LeaveAt(a) => a,
        Fate::Active => (rng.below(5)) as u8, // somewhere before the payment
    };
    let mut s = vec![0u8];
    if last == 0 {
        return s;
    }
    if last == 1 || rng.chance(0.5) {
        s.push(1);
    }
    if last == 1 {
        return s;
    }
    for _ in 0..1 + rng.below(3) {
        s.push(2);
        if loops && rng.chance(0.4) {
            s.extend([1, 2]); // back to the search, another product
        }
    }
    if last == 2 {
        return s;
    }
    s.push(3);
    if loops && rng.chance(0.5) {
        s.extend([2, 3]); // back to the product from the cart
    }
    if last == 3 {
        return s;
    }
    s.push(4);
    if loops && rng.chance(0.4) {
        s.extend([3, 4]); // cart changed, checkout again
    }
    if last == 4 {
        return s;
    }
    s.push(5);
    while rng.chance(if loops { 0.5 } else { 0.1 }) {
        s.push(5); // payment retried
    }
    if last == 5 {
        return s;
    }
    s.push(6); // the goal
    if rng.chance(0.9) {
        s.push(7);
    }
    if rng.chance(0.15) {
        s.push(8);
    }
    if rng.chance(0.3) {
        s.push(9);
    }
    s
}

/// `cases` cases of the shop model with their fates known by construction, for the
/// drop-off against [`TRUTH_GOAL`] with τ = [`TRUTH_TIMEOUT_S`].
///
/// Timing makes the τ rule unambiguous: cases that end without the goal (left) start in
/// the first 30 days and last under a day (gaps capped at an hour), cases still in
/// progress end in the log's last day (days 59–60), and buyers end by about day 40. So
/// every leaver's last event lies at least 28 days before the log's end and every active
/// case's within a day. The last case is always active, which fixes the log's end.
pub fn generate_with_truth(cases: usize, seed: u64, shape: Shape) -> TruthLog {
    let mut rng = SplitMix64::new(seed ^ 0x5EED_7A11);
    let mut out: Vec<RawEvent> = Vec::new();
    let mut truth = Vec::with_capacity(cases);
    for case in 1..=cases as u32 {
        let f = if case as usize == cases { Fate::Active } else { fate(shape, &mut rng) };
        let steps = truth_steps(f, shape, &mut rng);
        let on_app = rng.chance(0.4);
        let (mut t, cap) = match f {
            Fate::Active => (BASE_MS + 59 * DAY_MS + rng.below(6 * 3_600_000) as u64 as i64, 3_600_000),
            _ => (BASE_MS + rng.below(30 * DAY_MS as u64) as i64, if matches!(f, Fate::Goal) { 4 * DAY_MS } else { 3_600_000 }),
        };
        for (pos, &a) in steps.iter().enumerate() {
            if pos > 0 {
                let mean = match a {
                    7 => 2.0 * 86_400.0,
                    8 => 86_400.0,
                    9 => 3.0 * 86_400.0,
                    _ => 90.0,
                };
                t += rng.gap_ms(mean).min(cap);
            }
            out.push((t, case, pos as u16, a, channel(a, on_app, &mut rng)));
        }
        let names: Vec<&'static str> = steps.iter().map(|&a| ACTIVITIES[a as usize]).collect();
        truth.push(TruthCase {
            case_id: format!("C{case}"),
            reached_goal: matches!(f, Fate::Goal),
            left_at: match f {
                Fate::LeaveAt(a) => Some(ACTIVITIES[a as usize]),
                _ => None,
            },
            activities: names,
        });
    }
    out.sort_unstable_by_key(|e| (e.0, e.1, e.2));
    let mut csv = String::with_capacity(out.len() * 56 + HEADER.len() + 1);
    csv.push_str(HEADER);
    csv.push('\n');
    for (t, case, _, a, ch) in out {
        let _ = writeln!(csv, "C{case},{},{},{ch}", ACTIVITIES[a as usize], iso_utc(t));
    }
    TruthLog { csv, cases: truth }
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
    fn truth_logs_are_deterministic_and_consistent() {
        let a = generate_with_truth(300, 1, Shape::LoopsBeforeGoal);
        assert_eq!(a.csv, generate_with_truth(300, 1, Shape::LoopsBeforeGoal).csv);
        assert_eq!(a.cases.len(), 300);
        let rows: usize = a.cases.iter().map(|c| c.activities.len()).sum();
        assert_eq!(a.csv.lines().count(), rows + 1);
        for c in &a.cases {
            assert_eq!(c.reached_goal, c.activities.contains(&TRUTH_GOAL), "{c:?}");
            if let Some(left) = c.left_at {
                assert_eq!(c.activities.last(), Some(&left));
                assert!(!c.reached_goal);
            }
        }
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
