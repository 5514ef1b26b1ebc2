//! Volumes: how many cases and events, events per activity and channel, and activity
//! presence (the share of cases that contain an activity at least once).

use serde::{Deserialize, Serialize};

use super::event_log::{EventLog, NONE_ID};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityVolume {
    pub activity: String,
    pub events: u64,
    /// Cases containing the activity at least once.
    pub cases: u64,
    /// `cases` / all cases.
    pub presence: f64,
    /// Mean of the ratings given at this activity, when a rating column was mapped.
    pub mean_rating: Option<f64>,
    pub ratings: u64,
    /// Where the activity comes in the customers' cases: the mean index of its first event
    /// in the cases containing it (0 = first). `None` when not known (an aggregate).
    #[serde(default)]
    pub first_position: Option<f64>,
}

/// The activities in journey order as the customers walked it: by the mean position of
/// their first event in a case, then by name. `None` when a position is unknown.
pub fn in_journey_order(activities: &[ActivityVolume]) -> Option<Vec<String>> {
    let mut keyed: Vec<(f64, &str)> = activities.iter().map(|a| Some((a.first_position?, a.activity.as_str()))).collect::<Option<_>>()?;
    keyed.sort_by(|x, y| x.0.total_cmp(&y.0).then_with(|| x.1.cmp(y.1)));
    Some(keyed.into_iter().map(|(_, a)| a.to_string()).collect())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelVolume {
    pub channel: String,
    pub events: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VolumesReport {
    pub cases: u64,
    pub events: u64,
    /// Most frequent first; ties by name.
    pub activities: Vec<ActivityVolume>,
    /// Most frequent first; empty when no channel column was mapped.
    pub channels: Vec<ChannelVolume>,
    pub events_without_channel: u64,
}

pub fn volumes(log: &EventLog) -> VolumesReport {
    let n_act = log.activity_names.len();
    let mut events = vec![0u64; n_act];
    let mut cases = vec![0u64; n_act];
    // The last case an activity was counted for: one pass, no per-case set.
    let mut last_case = vec![u32::MAX; n_act];
    let mut rating_sum = vec![(0.0f64, 0u64); n_act];
    // Sum of the first positions per activity; events are grouped by case, in time order.
    let mut position_sum = vec![0u64; n_act];
    // The rating column is empty when none was mapped: then this loop does nothing.
    for (&a, r) in log.activity.iter().zip(&log.rating) {
        if let Some(r) = r {
            rating_sum[a as usize].0 += *r as f64;
            rating_sum[a as usize].1 += 1;
        }
    }
    let (mut case_now, mut pos) = (u32::MAX, 0u64);
    for (&c, &a) in log.case.iter().zip(&log.activity) {
        let a = a as usize;
        events[a] += 1;
        if c != case_now {
            (case_now, pos) = (c, 0);
        }
        if last_case[a] != c {
            last_case[a] = c;
            cases[a] += 1;
            position_sum[a] += pos;
        }
        pos += 1;
    }
    let total_cases = log.case_count() as u64;
    let mut activities: Vec<ActivityVolume> = (0..n_act)
        .map(|a| ActivityVolume {
            activity: log.activity_names[a].clone(),
            events: events[a],
            cases: cases[a],
            presence: share(cases[a], total_cases),
            mean_rating: (rating_sum[a].1 > 0).then(|| rating_sum[a].0 / rating_sum[a].1 as f64),
            ratings: rating_sum[a].1,
            first_position: (cases[a] > 0).then(|| position_sum[a] as f64 / cases[a] as f64),
        })
        .collect();
    activities.sort_by(|x, y| y.events.cmp(&x.events).then_with(|| x.activity.cmp(&y.activity)));
    let mut per_channel = vec![0u64; log.channel_names.len()];
    let mut without = 0;
    for &ch in &log.channel {
        if ch == NONE_ID {
            without += 1;
        } else {
            per_channel[ch as usize] += 1;
        }
    }
    let mut channels: Vec<ChannelVolume> = per_channel
        .iter()
        .enumerate()
        .map(|(i, &e)| ChannelVolume { channel: log.channel_names[i].clone(), events: e })
        .collect();
    channels.sort_by(|x, y| y.events.cmp(&x.events).then_with(|| x.channel.cmp(&y.channel)));
    VolumesReport { cases: total_cases, events: log.event_count() as u64, activities, channels, events_without_channel: without }
}

/// `part / whole`, 0 when `whole` is 0.
pub(crate) fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_counts_a_case_once() {
        let log = EventLog::from_events(&[("1", "a", 0), ("1", "a", 1), ("1", "b", 2), ("2", "a", 0)]);
        let v = volumes(&log);
        assert_eq!((v.cases, v.events), (2, 4));
        assert_eq!(v.activities[0].activity, "a");
        assert_eq!((v.activities[0].events, v.activities[0].cases, v.activities[0].presence), (3, 2, 1.0));
        assert_eq!(v.activities[1].presence, 0.5);
        assert_eq!(v.events_without_channel, 4);
    }

    #[test]
    fn journey_order_follows_where_activities_come_in_the_cases() {
        // "pay" is the most frequent, but always comes after "visit" and "cart".
        let log = EventLog::from_events(&[
            ("1", "visit", 0), ("1", "cart", 1), ("1", "pay", 2), ("1", "pay", 3),
            ("2", "visit", 0), ("2", "pay", 5), ("2", "pay", 6), ("3", "cart", 0), ("3", "pay", 1),
        ]);
        let v = volumes(&log);
        assert_eq!(v.activities[0].activity, "pay");
        assert_eq!(in_journey_order(&v.activities).unwrap(), vec!["visit", "cart", "pay"]);
        let cart = v.activities.iter().find(|a| a.activity == "cart").unwrap();
        assert_eq!(cart.first_position, Some(0.5)); // position 1 in case 1, 0 in case 3
    }
}
