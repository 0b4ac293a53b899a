"""Lint benchmark: `hindsight lint` against `hindsight parse` on the same postmortems.

    .venv/bin/python bench/lint.py [--docs 10000] [--repeat 3] [--workdir DIR]

Writes --docs demo postmortems (once per workdir), then, interleaved --repeat times,
runs the two commands as a user would (one process each, every file on the command
line) and prints the median seconds of each and their ratio (lint / parse; the target
is at most 1.5). `hindsight parse` reads each file the way the ingest does, and the
ingest stores the lint's findings, so parse already pays for the checks; the second
part separates them, in this one process on the same texts: the parser alone against
the parser plus `lint.check` (the blame rules and the reviewer's checks).
"""
from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo import generate  # noqa: E402
from loaders import lint  # noqa: E402
from loaders.postmortem import parse  # noqa: E402


def corpus(workdir: Path, n: int) -> list[Path]:
    folder = workdir / f"lint-{n}"
    if not (folder / "postmortems").is_dir():
        generate(folder, incidents=n)
    return sorted((folder / "postmortems").rglob("*.md"))


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])} ... failed ({out.returncode}): {out.stderr[-500:]}")
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", default=tempfile.gettempdir())
    a = ap.parse_args()
    files = corpus(Path(a.workdir), a.docs)
    names = [str(f) for f in files]
    exe = [sys.executable, "-m", "loaders"]
    parse_runs, lint_runs = [], []
    for _ in range(a.repeat):
        parse_runs.append(timed([*exe, "parse", "--json", *names]))
        lint_runs.append(timed([*exe, "lint", "--format", "json", *names]))
    p, li = statistics.median(parse_runs), statistics.median(lint_runs)
    print(f"{len(files):,} demo postmortems, {a.repeat} interleaved runs each (median seconds)")
    print(f"  hindsight parse --json:      {p:6.2f} s   runs {', '.join(f'{x:.2f}' for x in parse_runs)}")
    print(f"  hindsight lint --format json:{li:6.2f} s   runs {', '.join(f'{x:.2f}' for x in lint_runs)}")
    print(f"  ratio lint / parse: {li / p:.2f}  (target <= 1.5)")

    texts = [f.read_text(encoding="utf-8") for f in files[:2000]]
    records = [parse(t, "pm.md") for t in texts]

    def rate(fn, repeat=5):
        runs = []
        for _ in range(repeat):
            gc.collect()
            t0 = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t0)
        return statistics.median(runs)

    alone = rate(lambda: [parse(t, "pm.md") for t in texts])
    checks = rate(lambda: [lint.check(r, t) for r, t in zip(records, texts)])
    print(f"in one process, {len(texts):,} documents: parser {alone * 1000 / len(texts):.3f} ms/doc, "
          f"lint.check {checks * 1000 / len(texts):.3f} ms/doc ({checks / alone:.0%} of the parse)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
