"""Report benchmark: `hindsight report --json` on a large generated corpus.

    .venv/bin/python bench/report.py [--incidents 10000] [--repeat 5] [--workdir DIR]

Generates (once per workdir) and ingests the corpus, then times the whole command
(`python -m loaders report --json`, process start included) and the report alone
(metrics.report.build on an open connection), printing medians over --repeat runs.
Then, one run each on the same database and quarter: the quarterly report as
`--format json` and as `--format html` (charts drawn by Kaleido), and their ratio.
Target: html within 3x of json.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))
import installed  # noqa: E402
from loaders.config import load_config  # noqa: E402
from demo import generate  # noqa: E402
from loaders.ingest import ingest  # noqa: E402
from metrics import report  # noqa: E402
from metrics.db import Reader  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workdir")
    args = ap.parse_args()
    print(installed.as_installed())
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="hindsight-report-"))
    corpus = work / f"corpus-{args.incidents}"
    if not (corpus / "hindsight.yaml").exists():
        generate(corpus, incidents=args.incidents, seed=7)
    db = work / f"report-{args.incidents}.duckdb"
    ingest(load_config(str(corpus / "hindsight.yaml")), db=db)
    as_of, start = "2026-10-31", "2024-11-01"
    command, inside = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "loaders", "report", "--json", "--db", str(db),
                              "--from", start, "--as-of", as_of], cwd=ROOT, capture_output=True, text=True)
        command.append(time.perf_counter() - t0)
        assert out.returncode == 0, out.stderr
        reader = Reader(db)
        t0 = time.perf_counter()
        result = report.build(reader, date.fromisoformat(start), date.fromisoformat(as_of), date.fromisoformat(as_of))
        inside.append(time.perf_counter() - t0)
        reader.close()
    print(f"corpus: {args.incidents:,} postmortems; report over {start} to {as_of}: "
          f"{result['incidents']['total']:,} incidents, {result['actions']['total']:,} action items")
    print(f"hindsight report --json (whole command): median {statistics.median(command):.2f} s  "
          f"runs {', '.join(f'{x:.2f}' for x in command)}")
    print(f"report.build alone:                      median {statistics.median(inside):.3f} s  "
          f"runs {', '.join(f'{x:.3f}' for x in inside)}")
    quarterly = {}
    for fmt in ("json", "html"):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "loaders", "report", "--format", fmt, "--db", str(db),
                              "--quarter", "2026Q3", "--as-of", as_of], cwd=ROOT, capture_output=True, text=True)
        quarterly[fmt] = time.perf_counter() - t0
        assert out.returncode == 0, out.stderr
    print(f"quarterly report 2026Q3, one run each: --format json {quarterly['json']:.2f} s, --format html "
          f"{quarterly['html']:.2f} s: html = {quarterly['html'] / quarterly['json']:.2f}x json (target <= 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
