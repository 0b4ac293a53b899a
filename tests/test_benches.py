"""Every benchmark still runs: each script under bench/ at its smallest size, in a
subprocess, as a reader reproducing a closing note's figures would run it. Figures are
not checked (they are the scripts' to print, not a test's to time); a script that no
longer runs is (bench/ingest.py once called a config method that had moved away).
Two are left out: browser.py drives Chromium over a served dashboard (the browser tests
cover that path), and similar_real.py needs a folder of labelled archives that the
repository does not hold."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

RUNS = {
    "corpus.py": ([str(ROOT / "tests" / "fixtures" / "shapes")], "score:"),
    "exports.py": (["--pagerduty", "500", "--jira", "300"], "pagerduty.jsonl"),
    "ingest.py": (["--incidents", "60", "--repeat", "1"], "cold ingest:"),
    "invariance.py": (["--only", "lower-headings", str(ROOT / "tests" / "fixtures" / "shapes")], ""),
    "jira.py": (["--rows", "200", "--repeat", "1"], "cold ingest:"),
    "lint.py": (["--docs", "20", "--repeat", "1"], "ratio lint / parse"),
    "parse.py": (["--docs", "20", "--repeat", "1"], "ratio (hindsight / markdown-it-py)"),
    "render.py": (["--small", "10", "--large", "20", "--repeat", "1"], "slowest at 20"),
    "report.py": (["--incidents", "30", "--repeat", "1"], "report.build alone"),
    "scale.py": (["--sizes", "60", "--repeat", "1"], "report --json"),
    "similar.py": (["--incidents", "60"], "updates equal a ranking"),
}


def test_every_benchmark_is_listed():
    scripts = {p.name for p in (ROOT / "bench").glob("*.py")}
    # (installed.py is a helper the others import; the other two: the docstring above)
    assert scripts - set(RUNS) == {"installed.py", "browser.py", "similar_real.py"}


@pytest.mark.parametrize("script", sorted(RUNS))
def test_the_benchmark_runs(script, tmp_path):
    args, says = RUNS[script]
    done = subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert says in done.stdout, done.stdout[-2000:]
