"""An ingest's memory does not grow with the archive (issue 13): four times the
postmortems, the same peak (within 20%). Not a timing: peak RSS of a whole ingest, run
in a subprocess of its own, of 2,000 and then 8,000 generated postmortems.

What keeps it flat: parsing streams into batched writes (loaders/rows.py), the
ingest's DuckDB connection has a memory cap (loaders/store.py, INGEST_MEMORY), and
similarity reads and ranks a batch at a time (loaders/similar.py, BATCH).
"""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PEAK = """
import resource, sys
sys.path.insert(0, sys.argv[3])
from loaders.config import Config
from loaders.ingest import ingest
s = ingest(Config(), [sys.argv[1]], sys.argv[2])
print(s.kinds.get("postmortem", 0), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """The demo generator's postmortems, 2,000 and 8,000 of them (their own folders)."""
    import demo

    out = {}
    for n in (2000, 8000):
        folder = tmp_path_factory.mktemp(f"demo-{n}")
        demo.generate(folder, incidents=n)
        out[n] = folder / "postmortems"
    return out


def _ingest(archive: Path, db: Path) -> tuple[int, int]:
    """(postmortems loaded, peak RSS in MB) of one ingest in a fresh process."""
    out = subprocess.run([sys.executable, "-c", PEAK, str(archive), str(db), str(ROOT)],
                         capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stderr
    loaded, peak = out.stdout.split()[-2:]
    return int(loaded), int(peak)


def test_four_times_the_postmortems_the_same_peak_memory(archives, tmp_path):
    small_n, small = _ingest(archives[2000], tmp_path / "small.duckdb")
    large_n, large = _ingest(archives[8000], tmp_path / "large.duckdb")
    assert large_n >= 3.5 * small_n > 0           # the archives really differ four-fold
    assert large < small * 1.2, f"peak RSS {small} MB for {small_n} postmortems, {large} MB for {large_n}"
