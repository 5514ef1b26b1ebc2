"""A generated hospital log shaped like the Sepsis log: most cases record several
activities at one timestamp (lab values CRP, Leucocytes and LacticAcid taken together,
triage forms filled in at registration), so the order of equal timestamps decides
variants, directly-follows pairs and where cases end.

The rows are written in a shuffled order with an `event_id` column that counts the rows
(1, 2, …): that is the file row the app orders ties by, and the order column the SQL is
given. `cases_with_ties` is known by construction (the cases that got a same-time group
of two or more different activities).

    python sepsis_like.py OUT.csv [CASES] [SEED]
"""

import csv
import random
import sys
from datetime import datetime, timedelta, timezone

HEADER = ["event_id", "case_id", "activity", "timestamp"]
BASE = datetime(2024, 1, 1, tzinfo=timezone.utc)
REGISTRATION = ["ER Registration", "ER Triage", "ER Sepsis Triage"]
LAB = ["CRP", "Leucocytes", "LacticAcid"]
ENDINGS = ["Release A", "Release B", "Return ER"]


def cases(n_cases, seed):
    """Per case: a list of (seconds from BASE, activity) in time order, and whether a
    same-time group with two different activities was built into it."""
    rnd = random.Random(seed)
    out = []
    for c in range(n_cases):
        t = c * 1800 + rnd.randrange(600)
        events = []
        tie = False
        # Registration and triage: often all at one second (forms filled in together).
        if rnd.random() < 0.7:
            group = REGISTRATION[: rnd.choice([2, 3])]
            events += [(t, a) for a in group]
            tie = True
        else:
            for a in REGISTRATION:
                events.append((t, a))
                t += rnd.randrange(1, 300)
        # One to four rounds of lab values; in most rounds two or three share a timestamp.
        for _ in range(rnd.randrange(1, 5)):
            t += rnd.randrange(600, 6 * 3600)
            k = rnd.choice([1, 2, 3, 3])
            group = rnd.sample(LAB, k)
            events += [(t, a) for a in group]
            tie = tie or k > 1
            if rnd.random() < 0.2:
                # A repeated lab value at the same time (same activity: order changes nothing).
                events.append((t, group[0]))
        if rnd.random() < 0.6:
            t += rnd.randrange(60, 3600)
            events.append((t, "IV Antibiotics"))
        if rnd.random() < 0.5:
            t += rnd.randrange(60, 7200)
            events.append((t, "Admission NC"))
        if rnd.random() < 0.8:
            t += rnd.randrange(3600, 3 * 86_400)
            events.append((t, rnd.choice(ENDINGS)))
        out.append((f"S{c:05d}", events, tie))
    return out


def write(path, n_cases=400, seed=7):
    """Writes the log; returns the number of cases with a tie between different activities."""
    rnd = random.Random(seed + 1)
    built = cases(n_cases, seed)
    rows = [(case, t, a) for case, events, _ in built for t, a in events]
    # Any file order: the order inside a same-time group is the one the rows end up in.
    rnd.shuffle(rows)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for i, (case, t, a) in enumerate(rows, start=1):
            w.writerow([i, case, a, (BASE + timedelta(seconds=t)).strftime("%Y-%m-%dT%H:%M:%SZ")])
    return sum(1 for _, events, tie in built if tie)


if __name__ == "__main__":
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    print(write(out, n, seed))
