"""Similar-incidents benchmark: the similarity table against the ingest that loads it.

    .venv/bin/python bench/similar.py [--incidents 10000] [--workdir DIR]

Generates the corpus with the demo generator (once per workdir) and runs, in one
process and one run each: a cold ingest into a fresh database (similarity included),
the similarity computation alone on that database's texts, the same with three
postmortems' texts changed (what an ingest after a small edit does: the inputs changed,
so the table is rebuilt), and the unchanged check (the fingerprint: what an ingest with
nothing changed pays). Prints seconds and the ratio of the similarity to the whole
ingest, and the peak RSS of this process. Target: similarity under the ingest's time.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402

from demo import generate  # noqa: E402
from loaders import similar  # noqa: E402
from loaders.config import load_config  # noqa: E402
from loaders.ingest import ingest  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--incidents", type=int, default=10_000)
    ap.add_argument("--workdir", type=Path, default=None, help="reuse a generated corpus here")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="hindsight-similar-"))
    corpus = work / "corpus"
    if not (corpus / "hindsight.yaml").exists():
        print(f"generating {args.incidents:,} incidents in {corpus} ...", flush=True)
        generate(corpus, args.incidents)
    db = work / "bench.duckdb"
    if db.exists():
        db.unlink()
    cfg = load_config(str(corpus / "hindsight.yaml"))
    started = time.perf_counter()
    ingest(cfg, [], db)
    ingest_s = time.perf_counter() - started

    con = duckdb.connect(str(db), read_only=True)
    df = con.execute("SELECT file_path, text, services, start_ts FROM int_incident_text").df()
    con.close()
    started = time.perf_counter()
    table = similar.similar(df)
    full_s = time.perf_counter() - started
    edited = df.copy()
    for k in range(3):
        edited.at[k * (len(df) // 3), "text"] += " edited: the cache warmer timed out"
    started = time.perf_counter()
    similar.similar(edited)
    edit_s = time.perf_counter() - started
    started = time.perf_counter()
    similar.fingerprint(df.sort_values("file_path"))
    check_s = time.perf_counter() - started

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(df):,} postmortems, {len(table):,} similar pairs kept")
    rows = [("cold ingest (similarity included)", ingest_s), ("similarity alone", full_s),
            ("after 3 texts changed (rebuilt)", edit_s), ("nothing changed (fingerprint only)", check_s)]
    for label, seconds in rows:
        ratio = "" if seconds is ingest_s else f"   {seconds / ingest_s:.3f}x the ingest"
        print(f"  {label:36s}{seconds:7.2f} s{ratio}")
    print(f"  {'peak RSS of this process':36s}{rss:7.0f} MB")
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
