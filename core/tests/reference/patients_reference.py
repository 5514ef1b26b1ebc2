#!/usr/bin/env python3
"""Independent reference numbers for ../shared/data/patients.csv (standard library only).

Written separately from the Rust code, straight from the definitions in docs/analytics.md,
so that core/tests/analytics_patients.rs can compare against numbers that were not
produced by the code under test. Run from the repository root:

    python3 core/tests/reference/patients_reference.py [complete|all]

`complete` keeps only rows with registration_type == complete (the default); `all` keeps
start and complete rows. Prints JSON.
"""
import csv
import json
import statistics
import sys
from collections import Counter, defaultdict
from datetime import datetime, timezone

PATH = "../shared/data/patients.csv"
DAY = 86400.0


def parse_time(text):
    # The file uses ISO 8601 with a Z suffix.
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()


def p90(values):
    if len(values) == 1:
        return values[0]
    # Linear interpolation between closest ranks, as in docs/analytics.md.
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def summary(values):
    return {"count": len(values), "median": statistics.median(values), "mean": statistics.fmean(values), "p90": p90(values)}


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "complete"
    with open(PATH, newline="") as f:
        rows = list(csv.DictReader(f))
    events = defaultdict(list)  # case -> [(time, row index, activity)]
    case_order = []
    for i, r in enumerate(rows):
        if mode == "complete" and r["registration_type"] != "complete":
            continue
        case = r["patient"]
        if case not in events:
            case_order.append(case)
        events[case].append((parse_time(r["time"]), i, r["handling"]))
    traces = {}
    times = {}
    ties = 0
    for case in case_order:
        evs = sorted(events[case])  # by time, then file row
        traces[case] = [a for _, _, a in evs]
        times[case] = [t for t, _, _ in evs]
        ties += sum(1 for a, b in zip(evs, evs[1:]) if a[0] == b[0])
    n_events = sum(len(t) for t in traces.values())

    edges = defaultdict(list)
    for case in case_order:
        tr, ts = traces[case], times[case]
        for k in range(1, len(tr)):
            edges[(tr[k - 1], tr[k])].append(ts[k] - ts[k - 1])
    variants = Counter(tuple(tr) for tr in traces.values())
    throughput = [times[c][-1] - times[c][0] for c in case_order]
    per_activity = Counter(a for tr in traces.values() for a in tr)
    presence = Counter(a for tr in traces.values() for a in set(tr))

    # Drop-off: goal activity Check-out (a case containing it is completed), otherwise
    # dropped at its last activity if that lies more than tau (1 and 7 days) before the
    # log's end.
    log_end = max(t for ts in times.values() for t in ts)
    dropped = {}
    for tau_days in (1, 7):
        d = Counter()
        for c in case_order:
            if "Check-out" not in traces[c] and log_end - times[c][-1] > tau_days * DAY:
                d[traces[c][-1]] += 1
        dropped[tau_days] = d

    # Ordered funnel Registration -> X-Ray -> Check-out, no window, best attempt.
    steps = ["Registration", "X-Ray", "Check-out"]
    reach = [0] * len(steps)
    for c in case_order:
        tr = traces[c]
        best = 0
        for start, a in enumerate(tr):
            if a != steps[0]:
                continue
            depth, pos = 1, start + 1
            for s in steps[1:]:
                nxt = next((p for p in range(pos, len(tr)) if tr[p] == s), None)
                if nxt is None:
                    break
                depth, pos = depth + 1, nxt + 1
            best = max(best, depth)
        for k in range(best):
            reach[k] += 1

    top_variant, top_count = variants.most_common(1)[0]
    out = {
        "mode": mode,
        "cases": len(case_order),
        "events": n_events,
        "activities": len(per_activity),
        "dfg_edges": len(edges),
        "variants": len(variants),
        "timestamp_ties": ties,
        "top_variant": list(top_variant),
        "top_variant_cases": top_count,
        "throughput_s": summary(throughput),
        "events_per_activity": dict(sorted(per_activity.items())),
        "cases_per_activity": dict(sorted(presence.items())),
        "edge_triage_to_xray": {"count": len(edges[("Triage and Assessment", "X-Ray")]), **summary(edges[("Triage and Assessment", "X-Ray")])},
        "edge_discuss_to_checkout": {"count": len(edges[("Discuss Results", "Check-out")]), **summary(edges[("Discuss Results", "Check-out")])},
        "dropped_tau_7d": sum(dropped[7].values()),
        "dropped_tau_1d": sum(dropped[1].values()),
        "dropped_by_activity_tau_1d": dict(sorted(dropped[1].items())),
        "funnel_registration_xray_checkout": reach,
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
