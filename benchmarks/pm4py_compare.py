#!/usr/bin/env python3
"""Times pm4py on a generated event log and cross-checks a few numbers with journey-analyze.

    target/release/journey-analyze generate --events 1000000 --seed 42 > /tmp/gen1m.csv
    cargo build --profile release-worker -p journey-core --bin journey-analyze
    python3 benchmarks/pm4py_compare.py /tmp/gen1m.csv target/release-worker/journey-analyze

(release-worker: the analytics worker's profile, journey-core at opt-level 3 — the same core
at the same optimisation as the tab; `target/release/…` is size-optimised.)

pm4py (pip install pm4py) reads the CSV with pandas; we time the read + formatting and
the discovery of the directly-follows graph, variants, start/end activities and case
durations, i.e. roughly what `journey-analyze` computes. The journey-analyze run is timed
as a whole process (file read, import, all metrics, JSON) and its headline numbers are
compared with pm4py's.
"""
import json
import statistics
import subprocess
import sys
import time

import pandas as pd
import pm4py


def timed(label, fn, timings):
    t = time.perf_counter()
    out = fn()
    timings[label] = time.perf_counter() - t
    return out


def main():
    path = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else None
    t = {}
    df = timed("read_csv", lambda: pd.read_csv(path), t)
    df = timed("format", lambda: pm4py.format_dataframe(
        df, case_id="case_id", activity_key="activity", timestamp_key="timestamp"), t)
    dfg, starts, ends = timed("dfg", lambda: pm4py.discover_dfg(df), t)
    variants = timed("variants", lambda: pm4py.get_variants(df), t)
    durations = timed("case_durations", lambda: pm4py.get_all_case_durations(df), t)
    total = sum(t.values())
    pm = {
        "events": len(df),
        "cases": df["case:concept:name"].nunique(),
        "dfg_edges": len(dfg),
        "dfg_sum": sum(dfg.values()),
        "variants": len(variants),
        "throughput_median_s": statistics.median(durations),
    }
    print("pm4py", pm4py.__version__, json.dumps(pm))
    print("pm4py seconds:", {k: round(v, 3) for k, v in t.items()}, "total", round(total, 3))
    if binary:
        # Three whole-process runs (file read, import, every metric, JSON) right after
        # pm4py, so both see the same machine load; the ratio uses the median.
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            out = subprocess.run([binary, path, "--json"], capture_output=True, check=True, text=True).stdout
            runs.append(time.perf_counter() - start)
        r = json.loads(out)
        ours = {k: r[k] for k in ("events", "cases", "dfg_edges", "variants", "throughput_median_s")}
        print("journey-analyze", json.dumps(ours))
        median = statistics.median(runs)
        print("journey-analyze seconds (whole process incl. JSON), 3 runs:", [round(x, 3) for x in runs],
              "median", round(median, 3))
        print(f"RESULT\tpm4py 2.7 (read_csv + format + DFG + variants + durations) / journey-analyze, 1M\t"
              f"{total:.2f} s / {median:.3f} s = {total / median:.1f}x")
        for k, v in ours.items():
            if pm[k] != v:
                print(f"MISMATCH {k}: pm4py {pm[k]} vs journey-analyze {v}")


if __name__ == "__main__":
    main()
