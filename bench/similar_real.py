"""Similar incidents on real archives: precision at 3 against hand-made labels.

    .venv/bin/python bench/similar_real.py FOLDER

FOLDER holds one sub-folder of postmortems per organisation (one organisation's archive,
as a team would load it) and ``pairs.csv`` with ``org,earlier,later,label`` rows (label
``same``: the later one is the same failure coming back; ``different`` otherwise),
labelled by someone who had not seen the similarity's output. Each organisation is
ingested on its own into a temporary database; for every postmortem its similar list's
top 3 (loaders/similar.py) is compared with the labels. Prints, per organisation and in
all: the pairs the lists retrieved, how many are labelled same (precision at 3), and how
many of the labelled same pairs were retrieved (recall at 3). A retrieved pair with no
label is reported apart, not counted.
"""
from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from loaders.config import Config  # noqa: E402
from loaders.ingest import ingest  # noqa: E402

TOP = 3


def retrieved(folder: Path) -> set[tuple[str, str]]:
    """(earlier file, later file) for every postmortem's top-3 similar earlier ones."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "h.duckdb"
        ingest(Config(), [str(folder)], db)
        con = duckdb.connect(str(db), read_only=True)
        try:
            rows = con.execute("SELECT file_path, similar_path FROM similar_incidents WHERE rank <= ?",
                               [TOP]).fetchall()
        finally:
            con.close()
    return {(Path(b).name, Path(a).name) for a, b in rows}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    base = Path(sys.argv[1])
    labels: dict[tuple[str, str, str], str] = {}
    with open(base / "pairs.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            labels[(row["org"], row["earlier"], row["later"])] = row["label"].strip().lower()
    orgs = sorted({org for org, _, _ in labels})
    total = {"retrieved": 0, "same": 0, "unlabelled": 0, "labelled_same": 0, "found_same": 0}
    print(f"{'organisation':28s} {'files':>5s} {'retrieved':>9s} {'same':>5s} {'P@3':>6s} "
          f"{'same pairs':>10s} {'found':>6s} {'R@3':>6s}")
    for org in orgs:
        got = retrieved(base / org)
        mine = {k[1:]: v for k, v in labels.items() if k[0] == org}
        hits = [mine.get(p) for p in got]
        same = sum(h == "same" for h in hits)
        unl = sum(h is None for h in hits)
        labelled_same = sum(v == "same" for v in mine.values())
        found = sum(1 for p, v in mine.items() if v == "same" and p in got)
        n = len(got) - unl
        files = len(list((base / org).glob("*.md")))
        print(f"{org:28s} {files:5d} {n:9d} {same:5d} {same / n if n else float('nan'):6.2f} "
              f"{labelled_same:10d} {found:6d} {found / labelled_same if labelled_same else float('nan'):6.2f}"
              + (f"   ({unl} retrieved pairs unlabelled)" if unl else ""))
        for k, v in (("retrieved", n), ("same", same), ("unlabelled", unl), ("labelled_same", labelled_same),
                     ("found_same", found)):
            total[k] += v
    n = total["retrieved"]
    print(f"{'all':28s} {'':5s} {n:9d} {total['same']:5d} {total['same'] / n if n else float('nan'):6.2f} "
          f"{total['labelled_same']:10d} {total['found_same']:6d} "
          f"{total['found_same'] / total['labelled_same'] if total['labelled_same'] else float('nan'):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
