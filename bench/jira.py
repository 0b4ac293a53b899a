"""Tracker-export benchmark: ingest of a large Jira "Export CSV (all fields)".

    .venv/bin/python bench/jira.py [--rows 50000] [--repeat 3]

Writes a Jira CSV shaped like the real all-fields export (repeated Labels, Sprint,
Watchers and Comment columns, 60 custom-field columns, multi-line quoted descriptions,
"22/Sep/25 9:26 AM" dates), then times a cold `ingest` into a new database and an
unchanged re-ingest, and prints their medians over --repeat runs.
"""
from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loaders.config import Config  # noqa: E402
from loaders.ingest import ingest  # noqa: E402

STATUSES = [("To Do", "To Do", ""), ("In Progress", "In Progress", ""), ("In Review", "In Progress", ""),
            ("Done", "Done", "Done"), ("Won't Do", "Done", "Won't Do")]


def jira_date(d: datetime) -> str:
    return f"{d.day:02d}/{d:%b}/{d:%y} {d.hour % 12 or 12}:{d:%M} {'AM' if d.hour < 12 else 'PM'}"


def write_export(path: Path, rows: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    custom = [f"Custom field (Field {n})" for n in range(60)]
    header = (["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority", "Resolution",
               "Assignee", "Reporter", "Created", "Updated", "Resolved", "Due date", "Labels", "Labels",
               "Labels", "Sprint", "Sprint", "Watchers", "Watchers", "Description"] + custom
              + ["Comment", "Comment", "Status Category", "Status Category Changed"])
    start = datetime(2023, 1, 1, 9, 0)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        for n in range(rows):
            created = start + timedelta(minutes=rnd.randrange(0, 60 * 24 * 900))
            status, category, resolution = rnd.choice(STATUSES)
            resolved = created + timedelta(days=rnd.randrange(1, 60)) if category == "Done" else None
            w.writerow(
                [f"Follow-up {n}: make the {rnd.choice(['queue', 'cache', 'deploy', 'alert'])} safer",
                 f"OPS-{n + 1}", str(10000 + n), "Task", status, rnd.choice(["High", "Medium", "Low"]),
                 resolution, rnd.choice(["Priya Raman", "Tomas Berg", "", "Ana Lima"]), "Sam Okoye",
                 jira_date(created), jira_date(created), jira_date(resolved) if resolved else "",
                 f"{(created + timedelta(days=30)):%d/%b/%y}", "postmortem", rnd.choice(["sre", ""]), "",
                 "OPS Sprint 4", "", "Sam Okoye", "", "Line one of the description.\nLine two, quoted, with a comma."]
                + [rnd.choice(["", "x", "42"]) for _ in custom]
                + ["01/Feb/25 10:00 AM;Sam Okoye;Looks good", "", category, jira_date(created)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hindsight-jira-"))
    export = work / "exports" / "jira.csv"
    export.parent.mkdir()
    write_export(export, args.rows)
    size_mb = export.stat().st_size / 1e6
    cfg = Config()
    cold, warm = [], []
    for n in range(args.repeat):
        db = work / f"bench-{n}.duckdb"
        t0 = time.perf_counter()
        s = ingest(cfg, [str(export.parent)], db)
        cold.append(time.perf_counter() - t0)
        assert s.parsed == 1 and not s.errors, s.problems[:3]
        t0 = time.perf_counter()
        s = ingest(cfg, [str(export.parent)], db)
        warm.append(time.perf_counter() - t0)
        assert s.parsed == 0
    print(f"Jira export: {args.rows:,} rows, {size_mb:.0f} MB, {len(open(export).readline().split(','))} columns")
    print(f"cold ingest:      median {statistics.median(cold):.2f} s  "
          f"({args.rows / statistics.median(cold):,.0f} rows/s)  runs {', '.join(f'{x:.2f}' for x in cold)}")
    print(f"unchanged ingest: median {statistics.median(warm):.3f} s  runs {', '.join(f'{x:.3f}' for x in warm)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
