"""Ingest benchmark: cold load and unchanged re-load of a generated corpus.

    .venv/bin/python bench/ingest.py [--incidents 10000] [--repeat 3] [--workdir DIR]

Generates the corpus with the demo generator (once per workdir), then runs a cold
`ingest` into a fresh database and an unchanged re-ingest, each --repeat times, and
prints the median seconds, files per second and the peak memory (RSS of this process
and its worker processes) of the cold run. Figures, not pass/fail: the machine is
shared and noisy, so compare medians and ratios.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loaders.config import load_config  # noqa: E402
from demo import generate  # noqa: E402
from loaders.ingest import ingest  # noqa: E402


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", help="keep the generated corpus here (default: a temp dir)")
    args = ap.parse_args()

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="hindsight-bench-"))
    corpus = work / f"corpus-{args.incidents}"
    if not (corpus / "hindsight.yaml").exists():
        t0 = time.perf_counter()
        counts = generate(corpus, incidents=args.incidents, seed=7)
        print(f"generated {counts} in {time.perf_counter() - t0:.1f} s")
    cfg = load_config(str(corpus / "hindsight.yaml"))
    files = None   # (what the first cold ingest parses: every file the config's sources lead to)
    size_mb = sum(f.stat().st_size for f in corpus.rglob("*") if f.is_file() and f.name != "hindsight.yaml") / 1e6

    cold, warm = [], []
    for n in range(args.repeat):
        db = work / f"bench-{n}.duckdb"
        for leftover in work.glob(f"bench-{n}.duckdb*"):
            leftover.unlink()
        t0 = time.perf_counter()
        s = ingest(cfg, db=db)
        cold.append(time.perf_counter() - t0)
        files = s.parsed if files is None else files
        assert s.parsed == files, s
        t0 = time.perf_counter()
        s = ingest(cfg, db=db)
        warm.append(time.perf_counter() - t0)
        assert s.parsed == 0 and s.unchanged == files, s
    db_mb = os.path.getsize(work / "bench-0.duckdb") / 1e6

    print(f"corpus: {files} files, {size_mb:.1f} MB; cores: {os.cpu_count()}")
    print(f"cold ingest:      median {statistics.median(cold):.2f} s  "
          f"({files / statistics.median(cold):,.0f} files/s)  runs {', '.join(f'{x:.2f}' for x in cold)}")
    print(f"unchanged ingest: median {statistics.median(warm):.3f} s  "
          f"runs {', '.join(f'{x:.3f}' for x in warm)}")
    print(f"cold / unchanged: {statistics.median(cold) / statistics.median(warm):.0f}x")
    print(f"database: {db_mb:.1f} MB; peak RSS: {peak_rss_mb():.0f} MB")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
