"""Dashboard benchmark: render every page at two corpus sizes and compare.

    .venv/bin/python bench/render.py [--small 200] [--large 10000] [--repeat 5] [--workdir DIR]

For each size it generates (once per workdir) and ingests the demo corpus, then runs
every page with Streamlit's AppTest --repeat times, clearing Streamlit's data cache
(and what metrics.db.kept holds) before each run so every render does its queries, and prints the median seconds per
page at each size and their ratio (large / small). Targets: under 1 s at the large
size, and at most 2x the small size's render.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from loaders.config import load_config  # noqa: E402
from demo import generate  # noqa: E402
from loaders.ingest import ingest  # noqa: E402
from metrics import db  # noqa: E402

PAGES = ["app.py", *sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))]


def prepare(work: Path, incidents: int) -> Path:
    corpus = work / f"corpus-{incidents}"
    if not (corpus / "hindsight.yaml").exists():
        generate(corpus, incidents=incidents, seed=7)
    cfg_path = work / f"render-{incidents}.yaml"
    data = yaml.safe_load((corpus / "hindsight.yaml").read_text())
    data["database"] = str(work / f"render-{incidents}.duckdb")
    data["sources"] = {k: [str(corpus / g) for g in v] for k, v in data["sources"].items()}
    cfg_path.write_text(yaml.safe_dump(data))
    ingest(load_config(str(cfg_path)))
    return cfg_path


def render_times(cfg_path: Path, repeat: int) -> dict[str, float]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["HINDSIGHT_CONFIG"] = str(cfg_path)
    out = {}
    for page in PAGES:
        runs = []
        for _ in range(repeat):
            st.cache_data.clear()
            db.forget()  # what metrics.db.kept holds across figures of one render
            at = AppTest.from_file(str(ROOT / page), default_timeout=60)
            t0 = time.perf_counter()
            at.run()
            runs.append(time.perf_counter() - t0)
            if at.exception:
                raise SystemExit(f"{page} raised: {at.exception[0].message}")
        out[page] = statistics.median(runs)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=200)
    ap.add_argument("--large", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workdir")
    args = ap.parse_args()
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="hindsight-render-"))
    small = render_times(prepare(work, args.small), args.repeat)
    large = render_times(prepare(work, args.large), args.repeat)
    print(f"median render per page (AppTest, data cache cleared), {args.repeat} runs each")
    print(f"{'page':32} {args.small:>8,} {args.large:>8,}  ratio")
    for page in PAGES:
        print(f"{page:32} {small[page]:7.2f}s {large[page]:7.2f}s  {large[page] / small[page]:5.2f}x")
    worst = max(PAGES, key=lambda p: large[p])
    print(f"slowest at {args.large:,}: {worst} {large[worst]:.2f} s; "
          f"largest ratio: {max(large[p] / small[p] for p in PAGES):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
