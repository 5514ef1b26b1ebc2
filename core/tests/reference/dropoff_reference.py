#!/usr/bin/env python3
"""Independent reference for drop-off against a goal, an ordered funnel and throughput time
on an event log CSV (standard library only).

Written from the definitions in docs/analytics.md, not from the Rust code, so that
core/tests/analytics_dropoff_truth.rs can compare the core with numbers computed another
way. The test runs it on a generated log:

    python3 core/tests/reference/dropoff_reference.py LOG.csv --goal "Order confirmation" \
        --timeout-s 604800 --funnel "Visit website,View product,Add to cart" --window-s 3600

The CSV has columns case_id, activity, timestamp (ISO 8601 with Z). Prints JSON.
"""
import argparse
import csv
import json
import statistics
from collections import Counter, defaultdict
from datetime import datetime, timezone


def parse_time(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()


def p90(values):
    if len(values) == 1:
        return values[0]
    # Linear interpolation between closest ranks (numpy's default), as documented.
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--goal", action="append", required=True)
    ap.add_argument("--timeout-s", type=float, required=True)
    ap.add_argument("--funnel", required=True)
    ap.add_argument("--window-s", type=float, default=None)
    args = ap.parse_args()

    events = defaultdict(list)  # case -> [(time, row, activity)]
    order = []
    with open(args.log, newline="") as f:
        for i, r in enumerate(csv.DictReader(f)):
            c = r["case_id"]
            if c not in events:
                order.append(c)
            events[c].append((parse_time(r["timestamp"]), i, r["activity"]))
    traces, times = {}, {}
    for c in order:
        evs = sorted(events[c])  # by time, ties in file order
        traces[c] = [a for _, _, a in evs]
        times[c] = [t for t, _, _ in evs]

    # Drop-off: a case containing a goal activity is completed; otherwise, if its last
    # event is more than tau before the log's last event, it dropped off at its last
    # activity; otherwise it is in progress.
    goals = set(args.goal)
    log_end = max(ts[-1] for ts in times.values())
    dropped_at = Counter()
    completed = in_progress = 0
    for c in order:
        if goals & set(traces[c]):
            completed += 1
        elif log_end - times[c][-1] > args.timeout_s:
            dropped_at[traces[c][-1]] += 1
        else:
            in_progress += 1
    reached = Counter(a for c in order for a in set(traces[c]))
    by_activity = {
        a: {"dropped": n, "reached": reached[a], "rate": n / reached[a]} for a, n in sorted(dropped_at.items())
    }

    # Ordered funnel: each occurrence of step 1 starts an attempt; later steps are matched
    # greedily (earliest next occurrence) within the window from the start; a case counts
    # with its deepest attempt.
    steps = args.funnel.split(",")
    window = args.window_s if args.window_s is not None else float("inf")
    reach = [0] * len(steps)
    for c in order:
        tr, ts = traces[c], times[c]
        best = 0
        for start, a in enumerate(tr):
            if a != steps[0]:
                continue
            depth, pos = 1, start + 1
            for s in steps[1:]:
                nxt = next((p for p in range(pos, len(tr)) if tr[p] == s), None)
                if nxt is None or ts[nxt] - ts[start] > window:
                    break
                depth, pos = depth + 1, nxt + 1
            best = max(best, depth)
        for k in range(best):
            reach[k] += 1

    durations = [times[c][-1] - times[c][0] for c in order]
    out = {
        "cases": len(order),
        "completed": completed,
        "in_progress": in_progress,
        "dropped": sum(dropped_at.values()),
        "by_activity": by_activity,
        "funnel": reach,
        "throughput_s": {
            "median": statistics.median(durations),
            "mean": statistics.fmean(durations),
            "p90": p90(durations),
            "max": max(durations),
        },
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
