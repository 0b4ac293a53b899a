"""Similar-incidents benchmark: the similarity table against the ingest that loads it.

    .venv/bin/python bench/similar.py [--incidents 10000] [--workdir DIR]

Generates the corpus with the demo generator (once per workdir) and runs, in one
process and one run each: a cold ingest into a fresh database (similarity included);
then, on a copy of that database, what ``similar.refresh`` does at a later ingest: a full
rebuild, an update in place after three postmortems' texts changed, one after a
postmortem was added and one removed, and the unchanged check (the fingerprint: what an
ingest with nothing changed pays). The updated tables are compared with ranking
everything under the stored frequencies (they must be equal). Prints seconds, each
step's ratio to the whole ingest, and the peak RSS of this process. Target: similarity
under the ingest's time, and an update in place well under a rebuild.
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


def _exact(con) -> bool:
    """The updated table equals ranking every postmortem under the stored terms and idf."""
    df = con.execute("SELECT file_path, text, services, start_ts FROM int_incident_text").df()
    stored = con.execute("SELECT term, idf FROM similar_terms ORDER BY col").df()
    want = similar.similar(df, terms=stored["term"].tolist(), idf=stored["idf"].to_numpy("float64"))
    got = con.execute("SELECT file_path, rank, similar_path FROM similar_incidents").df()
    key = ["file_path", "rank"]
    return got.sort_values(key).reset_index(drop=True)[key + ["similar_path"]].equals(
        want.sort_values(key).reset_index(drop=True)[key + ["similar_path"]].astype(got.dtypes.to_dict()))


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

    copy = work / "refresh.duckdb"
    shutil.copyfile(db, copy)
    con = duckdb.connect(str(copy))
    # a temporary table shadows the view, so texts can be edited without re-reading files
    con.execute("CREATE TEMP TABLE int_incident_text AS SELECT * FROM main.int_incident_text")
    n = con.execute("SELECT count(*) FROM int_incident_text").fetchall()[0][0]

    def timed():
        started = time.perf_counter()
        outcome = similar.refresh(con)
        return time.perf_counter() - started, outcome

    con.execute("DELETE FROM settings WHERE key = 'similar_fingerprint'")
    con.execute("DELETE FROM similar_docs")        # no stored state: a full rebuild
    full_s, full_how = timed()
    pairs = con.execute("SELECT count(*) FROM similar_incidents").fetchall()[0][0]
    paths = [r[0] for r in con.execute("SELECT file_path FROM int_incident_text ORDER BY file_path").fetchall()]
    for k in range(3):
        con.execute("UPDATE int_incident_text SET text = text || ' edited: the cache warmer timed out' "
                    "WHERE file_path = ?", [paths[k * (n // 3)]])
    edit_s, edit_how = timed()
    exact = [_exact(con)]
    con.execute("INSERT INTO int_incident_text SELECT * REPLACE (file_path || '.copy' AS file_path) "
                "FROM int_incident_text WHERE file_path = ?", [paths[1]])
    con.execute("DELETE FROM int_incident_text WHERE file_path = ?", [paths[2]])
    add_s, add_how = timed()
    exact.append(_exact(con))
    check_s, check_how = timed()
    con.close()

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:,} postmortems, {pairs:,} similar pairs kept")
    rows = [("cold ingest (similarity included)", ingest_s, ""), ("similarity rebuilt whole", full_s, full_how),
            ("3 texts changed", edit_s, edit_how), ("1 added, 1 removed", add_s, add_how),
            ("nothing changed (fingerprint only)", check_s, check_how)]
    for label, seconds, how in rows:
        ratio = "" if seconds is ingest_s else f"   {seconds / ingest_s:.3f}x the ingest  ({how})"
        print(f"  {label:36s}{seconds:7.2f} s{ratio}")
    print(f"  updates equal a ranking of everything under the stored frequencies: {all(exact)}")
    print(f"  {'peak RSS of this process':36s}{rss:7.0f} MB")
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
