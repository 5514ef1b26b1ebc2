//! Step 5 of the draft: the map itself, and the lists the page shows beside it.
//!
//! * Stages: named by the user or by default; each stage's description says, as measured,
//!   the median time from its first event in a case to the first event of the next stage.
//! * Touchpoints: one per kept activity, in stage order and by position within a stage;
//!   title and event key are the activity's name, the channel its most frequent channel.
//!   Measured (evidence "measured", source = file and period): volume = cases containing
//!   it, drop-off = cases that left there ÷ volume (only with a goal), throughput time =
//!   median time to the next event. The values also go into the touchpoint's history, dated
//!   the period's last day. Emotion, pain points, thoughts, importance and every other
//!   judgement stay empty.
//! * Routes: the main route's steps are planned routes; of the other steps between kept
//!   activities the most frequent share is kept (plus every touchpoint's strongest way in
//!   and out); a step to a touchpoint earlier in the map is a loop-back, any other an
//!   alternative. Volume = cases taking the step.

use crate::analytics::event_log::EventLog;
use crate::analytics::volumes::share;
use crate::locale::{duration, number, percent, Date, Text};
use crate::model::{Channel, DraftSource, EvidenceKind, JourneyMap, Lang, MeasuredPeriod, RouteKind};

use super::observe::Observed;
use super::select::Kept;
use super::shape::{Shape, StepObs};
use crate::analytics::stats::median_ms;
use super::stages::{default_name, segment};
use super::{Draft, DraftActivity, DraftOptions, DraftStage, DroppedActivity, DroppedPath, MAX_STAGES, MAX_TOUCHPOINTS};

/// A message in both languages from one function of the language.
fn both(f: impl Fn(Lang) -> String) -> Text {
    Text::new(f(Lang::En), f(Lang::De))
}

fn day(ms: i64) -> String {
    Date::from_days(ms.div_euclid(86_400_000)).iso()
}

/// The channel for a channel name of the log: a fixed channel when the name is its key
/// or label in either language (ignoring case), else a custom channel of that name.
fn channel_of(name: &str) -> Channel {
    let n = name.trim().to_lowercase();
    let fixed = Channel::FIXED
        .iter()
        .find(|c| c.key() == n || c.key().replace('_', " ") == n || Lang::ALL.iter().any(|&l| c.label(l).to_lowercase() == n));
    fixed.cloned().unwrap_or_else(|| Channel::Custom(name.trim().to_string()))
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn build(
    obs: &Observed,
    kept: &Kept,
    shape: &Shape,
    log: Option<&EventLog>,
    opts: &DraftOptions,
    map_id: &str,
    now_ms: f64,
    lang: Lang,
) -> Draft {
    let k_tp = kept.ids.len();
    let n_stages = opts.stage_count.clamp(1, MAX_STAGES);
    let name_of = |x: usize| obs.names[kept.ids[x] as usize].as_str();

    // Stages: order by position (then rank), cut, then the user's moves.
    let mut order: Vec<usize> = (0..k_tp).collect();
    order.sort_by(|&x, &y| shape.position[x].total_cmp(&shape.position[y]).then(x.cmp(&y)));
    let sorted: Vec<f64> = order.iter().map(|&x| shape.position[x]).collect();
    let cut = segment(&sorted, n_stages);
    let mut stage_of = vec![0usize; k_tp];
    let mut moved = vec![false; k_tp];
    for (i, &x) in order.iter().enumerate() {
        stage_of[x] = cut[i];
    }
    for m in &opts.moves {
        if let Some(x) = (0..k_tp).find(|&x| name_of(x) == m.activity) {
            stage_of[x] = m.stage.min(n_stages - 1);
            moved[x] = true;
        }
    }
    // Map order: by stage, then position, then rank.
    let mut tp_order: Vec<usize> = (0..k_tp).collect();
    tp_order.sort_by(|&x, &y| {
        stage_of[x].cmp(&stage_of[y]).then(shape.position[x].total_cmp(&shape.position[y])).then(x.cmp(&y))
    });
    let mut place = vec![0usize; k_tp];
    for (p, &x) in tp_order.iter().enumerate() {
        place[x] = p;
    }

    let (first_day, last_day) = (day(obs.first_ms), day(obs.last_ms));
    let source = format!("{}, {} – {}", opts.source_name, first_day, last_day);
    let map_name = if opts.map_name.trim().is_empty() {
        format!("{} ({})", lang.pick(("As-is journey", "Ist-Kundenreise")), opts.source_name)
    } else {
        opts.map_name.trim().to_string()
    };
    let mut map = JourneyMap::empty(map_id, map_name, now_ms);
    let stage_names: Vec<String> = (0..n_stages)
        .map(|i| match opts.stage_names.get(i).map(|s| s.trim()) {
            Some(s) if !s.is_empty() => s.to_string(),
            _ => default_name(i, n_stages, lang),
        })
        .collect();
    let stage_ids: Vec<String> = stage_names.iter().map(|n| map.add_stage(n)).collect();

    let goal_known = !obs.goals.is_empty();
    // The counts are of the log's span, not per month: each keeps that period (as apply does),
    // so the map shows "… in N days" and never mixes it with monthly figures.
    let period = (obs.last_ms > obs.first_ms || obs.first_ms != 0)
        .then(|| MeasuredPeriod::new(obs.first_ms as f64, obs.last_ms as f64, source.clone()));
    let mut tp_ids = vec![String::new(); k_tp];
    for &x in &tp_order {
        let a = kept.ids[x] as usize;
        let channel = obs.channel[a].as_deref().map(channel_of).unwrap_or_default();
        let title = if obs.names[a].trim().is_empty() { "–".to_string() } else { obs.names[a].clone() };
        let id = map.add_touchpoint(&stage_ids[stage_of[x]], &title, channel).unwrap_or_default();
        if let Some(tp) = map.touchpoint_mut(&id) {
            tp.event_key = Some(obs.names[a].clone());
            tp.evidence.kind = EvidenceKind::Measured;
            tp.evidence.source = source.clone();
            tp.measurements.volume = Some(obs.cases[a] as f64);
            tp.measurements.period = period.clone();
            if goal_known && obs.cases[a] > 0 {
                tp.measurements.drop_off_rate = Some(share(obs.dropped[a], obs.cases[a]));
            }
            tp.measurements.throughput_time_s = obs.time_to_next_s[a];
        }
        tp_ids[x] = id;
    }

    // Routes.
    let mut steps: Vec<StepObs> = shape.steps.clone();
    steps.sort_by(|p, q| {
        q.cases.cmp(&p.cases).then(q.count.cmp(&p.count)).then_with(|| (name_of(p.from), name_of(p.to)).cmp(&(name_of(q.from), name_of(q.to))))
    });
    let on_main = |s: &StepObs| shape.main_route.windows(2).any(|w| w[0] == s.from && w[1] == s.to);
    let path_share = if opts.path_share.is_finite() { opts.path_share.clamp(0.0, 1.0) } else { 1.0 };
    let wanted = (path_share * steps.len() as f64).ceil() as usize;
    let mut keep = vec![false; steps.len()];
    let (mut has_in, mut has_out) = (vec![false; k_tp], vec![false; k_tp]);
    for (i, s) in steps.iter().enumerate() {
        if i < wanted || on_main(s) {
            keep[i] = true;
        }
    }
    for (i, s) in steps.iter().enumerate() {
        // Every touchpoint keeps its strongest way in and out (the first in this order).
        if !has_out[s.from] || !has_in[s.to] {
            keep[i] = true;
        }
        has_out[s.from] = true;
        has_in[s.to] = true;
    }
    for w in shape.main_route.windows(2) {
        let cases = steps.iter().find(|s| s.from == w[0] && s.to == w[1]).map(|s| s.cases);
        add_route(&mut map, &tp_ids[w[0]], &tp_ids[w[1]], RouteKind::Planned, cases);
    }
    let mut dropped_paths = Vec::new();
    for (i, s) in steps.iter().enumerate() {
        if on_main(s) {
            continue;
        }
        if !keep[i] {
            dropped_paths.push(DroppedPath { from: name_of(s.from).to_string(), to: name_of(s.to).to_string(), cases: s.cases });
            continue;
        }
        let kind = if place[s.to] < place[s.from] { RouteKind::LoopBack } else { RouteKind::Alternative };
        add_route(&mut map, &tp_ids[s.from], &tp_ids[s.to], kind, Some(s.cases));
    }

    // Time between stages (raw log only).
    let stage_times = match log {
        Some(log) => stage_times(log, kept, &stage_of, n_stages),
        None => vec![(None, 0); n_stages],
    };
    let mut stages = Vec::with_capacity(n_stages);
    for (i, name) in stage_names.iter().enumerate() {
        let (time, cases) = stage_times[i];
        if let Some(t) = time {
            let text = both(|l| {
                l.pick((
                    format!("Measured ({source}): median {} from the first event of this stage to the first event of the next ({} cases).", duration(t, l), number(cases as f64, 0, l)),
                    format!("Gemessen ({source}): Median {} vom ersten Ereignis dieser Phase bis zum ersten der nächsten ({} Fälle).", duration(t, l), number(cases as f64, 0, l)),
                ))
            });
            map.stages[i].description = text.get(lang).to_string();
        }
        stages.push(DraftStage {
            name: name.clone(),
            activities: tp_order.iter().filter(|&&x| stage_of[x] == i).map(|&x| name_of(x).to_string()).collect(),
            time_to_next_stage_s: time,
            cases_to_next_stage: cases,
        });
    }
    map.record_current_measurements(&last_day, &source);

    let goal_activities: Vec<String> = obs.goals.iter().map(|&g| obs.names[g as usize].clone()).collect();
    map.analytics.goal_activities = goal_activities.clone();
    if opts.timeout_s != crate::analytics::DEFAULT_TIMEOUT_S && opts.timeout_s.is_finite() {
        map.analytics.drop_off_timeout_s = Some(opts.timeout_s);
    }
    map.analytics.drafted_from = Some(DraftSource {
        name: opts.source_name.clone(),
        first_day: first_day.clone(),
        last_day: last_day.clone(),
        cases: obs.total_cases,
        events: obs.total_events,
        activity_share: if opts.activity_share.is_finite() { opts.activity_share.clamp(0.0, 1.0) } else { 1.0 },
        path_share,
    });
    map.description = both(|l| {
        l.pick((
            format!("As-is journey drafted from {source}: {} cases, {} events. Measured: volume, drop-off, time to the next step. Emotions, pain points and judgements are still to be filled in.", number(obs.total_cases as f64, 0, l), number(obs.total_events as f64, 0, l)),
            format!("Ist-Kundenreise, entworfen aus {source}: {} Fälle, {} Ereignisse. Gemessen: Volumen, Abbruch, Zeit bis zum nächsten Schritt. Emotionen, Schmerzpunkte und Einschätzungen sind noch auszufüllen.", number(obs.total_cases as f64, 0, l), number(obs.total_events as f64, 0, l)),
        ))
    })
    .get(lang)
    .to_string();

    let activities = tp_order
        .iter()
        .map(|&x| {
            let a = kept.ids[x] as usize;
            DraftActivity {
                activity: obs.names[a].clone(),
                events: obs.events[a],
                cases: obs.cases[a],
                position: shape.position[x],
                stage: stage_of[x],
                moved: moved[x],
            }
        })
        .collect();
    let dropped_activities = kept
        .dropped
        .iter()
        .map(|&a| DroppedActivity { activity: obs.names[a as usize].clone(), events: obs.events[a as usize], cases: obs.cases[a as usize] })
        .collect();
    let notes = notes(obs, kept, shape, &stages, k_tp);
    Draft {
        map,
        activities,
        dropped_activities,
        dropped_paths,
        more_dropped: Default::default(),
        more_dropped_paths: Default::default(),
        stages,
        main_route: shape.main_route.iter().map(|&x| name_of(x).to_string()).collect(),
        main_route_cases: shape.main_route_cases,
        goal_activities,
        cases: obs.total_cases,
        events: obs.total_events,
        cases_reaching_goal: obs.cases_reaching_goal,
        first_day,
        last_day,
        to_fill_in: to_fill_in(obs, k_tp),
        notes,
    }
}

fn add_route(map: &mut JourneyMap, from: &str, to: &str, kind: RouteKind, cases: Option<u64>) {
    if let Some(id) = map.add_route(from, to, kind) {
        if let Some(r) = map.routes.iter_mut().find(|r| r.id == id) {
            r.volume = cases.map(|c| c as f64);
        }
    }
}

/// Per stage: the median time from a case's first event in it to its first event in the
/// next non-empty stage, over the cases that reach that stage after this one; and how many.
fn stage_times(log: &EventLog, kept: &Kept, stage_of: &[usize], n_stages: usize) -> Vec<(Option<f64>, u64)> {
    let mut next = vec![None; n_stages];
    let used: Vec<bool> = (0..n_stages).map(|s| stage_of.contains(&s)).collect();
    for s in 0..n_stages {
        next[s] = if used[s] { (s + 1..n_stages).find(|&t| used[t]) } else { None };
    }
    let mut waits: Vec<Vec<i64>> = vec![Vec::new(); n_stages];
    let mut first = vec![i64::MIN; n_stages];
    for c in 0..log.case_count() {
        let r = log.case_range(c);
        for i in r {
            if let Some(x) = kept.index_of[log.activity[i] as usize] {
                let s = stage_of[x];
                if first[s] == i64::MIN {
                    first[s] = log.time_ms[i];
                }
            }
        }
        for s in 0..n_stages {
            if let Some(t) = next[s] {
                // Cases that reach the next stage after this one (not before it).
                if first[s] != i64::MIN && first[t] != i64::MIN && first[t] >= first[s] {
                    waits[s].push(first[t] - first[s]);
                }
            }
        }
        first.iter_mut().for_each(|f| *f = i64::MIN);
    }
    waits
        .iter_mut()
        .map(|w| ((!w.is_empty()).then(|| median_ms(w) / 1000.0), w.len() as u64))
        .collect()
}

fn to_fill_in(obs: &Observed, n_tp: usize) -> Vec<Text> {
    let mut out = vec![
        both(|l| {
            l.pick((
                format!("Emotion of each of the {n_tp} touchpoints (the log does not say how customers feel)"),
                format!("Emotion an jedem der {n_tp} Touchpoints (das Protokoll sagt nicht, wie sich Kunden fühlen)"),
            ))
        }),
        Text::new("Pain points and opportunities", "Schmerzpunkte und Chancen"),
        Text::new("Customer actions and thoughts", "Kundenaktionen und Gedanken"),
        Text::new("Importance, contact class and owner of each touchpoint", "Wichtigkeit, Kontaktart und Verantwortliche je Touchpoint"),
        Text::new("Personas", "Personas"),
    ];
    if !obs.has_channels {
        out.push(Text::new(
            "Channels (the log has no channel column; every touchpoint is set to Website)",
            "Kanäle (das Protokoll hat keine Kanalspalte; jeder Touchpoint steht auf Website)",
        ));
    }
    if obs.goals.is_empty() {
        out.push(Text::new(
            "The journey's goal, to measure drop-off (no goal activity was chosen)",
            "Das Ziel der Reise, um Abbrüche zu messen (keine Zielaktivität gewählt)",
        ));
    }
    out
}

fn notes(obs: &Observed, kept: &Kept, shape: &Shape, stages: &[DraftStage], n_tp: usize) -> Vec<Text> {
    let mut out = Vec::new();
    let distinct = obs.names.iter().enumerate().filter(|(a, _)| obs.events[*a] > 0).count();
    if distinct == 1 {
        out.push(Text::new(
            "The log has only one activity: the map has one touchpoint and no routes. Check that the activity column is the one naming what the customer did (not a constant such as the event type).",
            "Das Protokoll hat nur eine Aktivität: Die Karte hat einen Touchpoint und keine Routen. Bitte prüfen, ob die Aktivitätsspalte benennt, was der Kunde tat (und nicht einen festen Wert wie den Ereignistyp).",
        ));
    }
    if kept.capped {
        let kept_events: u64 = kept.ids.iter().map(|&a| obs.events[a as usize]).sum();
        let cover = share(kept_events, obs.total_events);
        out.push(both(|l| {
            l.pick((
                format!("The log has {} distinct activities, too many for a readable map: it keeps the {MAX_TOUCHPOINTS} most frequent ({} of all events). Raw page addresses or IDs in the activity column? Group them before importing (e.g. URL → page type) or filter the log to one journey.", number(distinct as f64, 0, l), percent(cover, 0, l)),
                format!("Das Protokoll hat {} verschiedene Aktivitäten, zu viele für eine lesbare Karte: Sie behält die {MAX_TOUCHPOINTS} häufigsten ({} aller Ereignisse). Rohe Seitenadressen oder IDs in der Aktivitätsspalte? Vor dem Import gruppieren (z. B. URL → Seitentyp) oder das Protokoll auf eine Reise filtern.", number(distinct as f64, 0, l), percent(cover, 0, l)),
            ))
        }));
    }
    if !obs.unknown_goals.is_empty() {
        let names = obs.unknown_goals.join(", ");
        out.push(both(|l| {
            l.pick((format!("Goal activities not in the log: {names}."), format!("Zielaktivitäten, die im Protokoll fehlen: {names}.")))
        }));
    }
    if obs.goals.is_empty() {
        out.push(Text::new(
            "No goal: drop-off is not written, and the main route is the most frequent path of all cases. Choose the goal activity and draft again.",
            "Kein Ziel: Abbrüche werden nicht eingetragen, die Hauptroute ist der häufigste Pfad aller Fälle. Bitte die Zielaktivität wählen und neu entwerfen.",
        ));
    } else if obs.cases_reaching_goal == 0 {
        out.push(Text::new(
            "No case reaches the goal: the main route is the most frequent path of all cases. Check the goal activity, the period of the file, or the drop-off timeout.",
            "Kein Fall erreicht das Ziel: Die Hauptroute ist der häufigste Pfad aller Fälle. Bitte Zielaktivität, Zeitraum der Datei oder die Abbruch-Wartezeit prüfen.",
        ));
    } else if !shape.main_route_reaches_goal {
        out.push(Text::new("The main route does not reach the goal.", "Die Hauptroute erreicht das Ziel nicht."));
    }
    let empty: Vec<&str> = stages.iter().filter(|s| s.activities.is_empty()).map(|s| s.name.as_str()).collect();
    if !empty.is_empty() && n_tp > 0 {
        let names = empty.join(", ");
        out.push(both(|l| {
            l.pick((
                format!("Stages without a touchpoint: {names} (fewer activities than stages, or activities moved away)."),
                format!("Phasen ohne Touchpoint: {names} (weniger Aktivitäten als Phasen, oder Aktivitäten verschoben)."),
            ))
        }));
    }
    let repeats: Vec<(usize, u64)> = shape.repeats.iter().copied().enumerate().filter(|r| r.1 > 0).collect();
    if let Some(&(x, n)) = repeats.iter().max_by_key(|r| (r.1, std::cmp::Reverse(r.0))) {
        let name = obs.names[kept.ids[x] as usize].clone();
        out.push(both(|l| {
            l.pick((
                format!("Repeats directly after themselves (rework, not drawn as a route): most often “{name}” ({} times).", number(n as f64, 0, l)),
                format!("Direkte Wiederholungen (Nacharbeit, nicht als Route gezeichnet): am häufigsten „{name}“ ({}-mal).", number(n as f64, 0, l)),
            ))
        }));
    }
    out
}
