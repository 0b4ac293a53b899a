"""Incident-tool exports at scale: a PagerDuty export of --pagerduty incidents (JSON
lines) and a Jira CSV of --jira rows, each ingested alone into a fresh database by
``hindsight ingest FILE`` as a user runs it.

    .venv/bin/python bench/exports.py [--pagerduty 1000000] [--jira 500000] [--workdir DIR]

For each it prints the file's size, the ingest's time, and its peak memory: the largest
sum of RSS over the ingest and the processes below it (the fork server and the worker
that parses the export), sampled every 20 ms: an upper bound, since pages the processes
share count once per process. Target (issue 13): <= 500 MB. The files are generated once
per workdir.
Figures, not pass/fail: compare ratios and memory, which travel between machines.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import installed  # noqa: E402
from scale import HINDSIGHT, run_sampled  # noqa: E402

JIRA_HEADER = "Summary,Issue key,Issue id,Issue Type,Status,Resolution,Assignee,Created,Resolved,Status Category\n"


def pagerduty(path: Path, n: int) -> None:
    """``n`` resolved PagerDuty incidents, one JSON object a line."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            day, hour = 1 + i % 28, i % 24
            f.write(json.dumps({
                "id": f"P{i:07d}", "type": "incident", "incident_number": i, "title": f"Checkout latency {i}",
                "status": "resolved", "urgency": "high", "service": {"summary": f"svc-{i % 50}"},
                "created_at": f"2025-{1 + i % 12:02d}-{day:02d}T{hour:02d}:00:00Z",
                "resolved_at": f"2025-{1 + i % 12:02d}-{day:02d}T{hour:02d}:40:00Z"}) + "\n")


def jira(path: Path, n: int) -> None:
    """``n`` Jira issues in the CSV export's columns, a third of them open."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(JIRA_HEADER)
        for i in range(n):
            done = i % 3 != 0
            f.write(f"Follow-up {i},OPS-{i + 1},{100000 + i},Task,{'Done' if done else 'To Do'},"
                    f"{'Done' if done else ''},user{i % 40},{1 + i % 28:02d}/Sep/25 9:00 AM,"
                    f"{f'{1 + i % 28:02d}/Oct/25 9:00 AM' if done else ''},{'Done' if done else 'To Do'}\n")


def measure(work: Path, name: str, make, n: int) -> None:
    path = work / name
    if not path.exists():
        make(path, n)
    db = work / f"{name}.duckdb"
    for leftover in (db, Path(f"{db}.wal")):
        leftover.unlink(missing_ok=True)
    run = run_sampled([*HINDSIGHT, "ingest", "-q", "--db", str(db), str(path)])
    seconds, tree = run.seconds, run.tree_mb
    print(f"  {name:18} {n:>10,} rows  {path.stat().st_size / 1e6:6.0f} MB  {seconds:7.1f} s  "
          f"peak {tree:5.0f} MB, the ingest with its fork server and export worker  (target <= 500)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pagerduty", type=int, default=1_000_000)
    ap.add_argument("--jira", type=int, default=500_000)
    ap.add_argument("--workdir", help="keep the generated files here (default: a temp dir)")
    args = ap.parse_args()
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="hindsight-exports-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores; work in {work}; {installed.as_installed()}")
    measure(work, "pagerduty.jsonl", pagerduty, args.pagerduty)
    measure(work, "jira-export.csv", jira, args.jira)
    return 0


if __name__ == "__main__":
    sys.exit(main())
