"""Score the parser on hand-labelled real documents: the share of labelled checks it meets.

    .venv/bin/python bench/corpus.py                      # tests/corpus/learn
    .venv/bin/python bench/corpus.py tests/corpus/holdout -v
    .venv/bin/python bench/corpus.py DIR... --by-key      # misses per check, not per file

A corpus folder holds documents and, beside each, ``NAME.expect.yaml``: ``file`` (the
document), ``kind`` (default ``postmortem``) and ``expect``, one check per key, in the
terms of docs/PARSE_CONTRACT.md. How a key is checked:

- ``title``, ``severity`` (as written), ``status``, ``incident_class``: equal after
  dropping markdown marks (``*_`#``), collapsing spaces, case and a final full stop;
  null expects null. (The contract's score.py has no check for ``severity``: a label
  that gives one fails there as an unknown key.)
- ``date``, ``severity_level``, ``near_miss``: equal;
- ``started_at`` ... ``resolved_at``: within 60 seconds (null expects null);
- ``timeline_events`` / ``timeline_timed``: the number of entries / of entries with a
  time, within 10% (at least 1);
- ``contributing_factors_min``: at least that many;
- ``action_items``, ``action_items_done|open|wont_do``, ``action_owners|tickets|due``:
  exactly that many items (with that status / with that field);
- tracker exports: ``source``, ``tickets``, ``tickets_<category>`` and ``sample`` (per
  ticket key, each field equal; times within 60 seconds; labels as a set).

The file's kind is one more check. The score is passed checks / all checks; the last
line printed is the score. The documents are parsed in this process with
``loaders.detect.parse_path``, exactly as ``hindsight parse --json`` does.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TIMES = ("started_at", "detected_at", "mitigated_at", "resolved_at")
COUNTED_BY_STATUS = {"action_items_done": "done", "action_items_open": "open", "action_items_wont_do": "wont_do"}
COUNTED_BY_FIELD = {"action_owners": "owner", "action_tickets": "ticket", "action_due": "due"}


def same_text(a, b) -> bool:
    def norm(s):
        if s is None:
            return None
        s = re.sub(r"[*_`#]+", "", str(s))
        return re.sub(r"\s+", " ", s).strip().casefold().rstrip(".")
    return norm(a) == norm(b)


def instant(v):
    if v is None:
        return None
    if isinstance(v, datetime):
        return v if v.tzinfo else v.replace(tzinfo=timezone.utc)
    try:
        d = datetime.fromisoformat(str(v).strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return d if d.tzinfo else d.replace(tzinfo=timezone.utc)


def same_instant(have, want) -> bool:
    h, w = instant(have), instant(want)
    if want is None:
        return have is None
    return h is not None and w is not None and abs((h - w).total_seconds()) <= 60


def about(n: int, want: int) -> bool:
    return abs(n - want) <= max(1, round(0.1 * want))


def postmortem_checks(got: dict, expect: dict):
    """(key, passed, what the parser gave) for every labelled key."""
    items = got.get("action_items") or []
    timeline = got.get("timeline") or []
    for key, want in expect.items():
        if key in ("title", "severity", "status", "incident_class"):
            have = got.get(key)
            yield key, (same_text(have, want) if want is not None else have is None), have
        elif key in ("date", "severity_level", "near_miss"):
            have = got.get(key)
            yield key, (str(have) == str(want) if want is not None else have is None), have
        elif key in TIMES:
            yield key, same_instant(got.get(key), want), got.get(key)
        elif key == "timeline_events":
            yield key, about(len(timeline), want), len(timeline)
        elif key == "timeline_timed":
            n = sum(1 for e in timeline if e.get("at"))
            yield key, about(n, want), n
        elif key == "contributing_factors_min":
            n = len(got.get("contributing_factors") or [])
            yield key, n >= want, n
        elif key == "action_items":
            yield key, len(items) == want, len(items)
        elif key in COUNTED_BY_STATUS:
            n = sum(1 for a in items if a.get("status") == COUNTED_BY_STATUS[key])
            yield key, n == want, n
        elif key in COUNTED_BY_FIELD:
            n = sum(1 for a in items if a.get(COUNTED_BY_FIELD[key]))
            yield key, n == want, n
        else:
            yield key, False, "unknown label key"


def tracker_checks(got: dict, expect: dict):
    tickets = got.get("tickets") or []
    by_key = {t.get("key"): t for t in tickets}
    categories = Counter(t.get("status_category") for t in tickets)
    for key, want in expect.items():
        if key == "source":
            yield key, got.get("source") == want, got.get("source")
        elif key == "tickets":
            yield key, len(tickets) == want, len(tickets)
        elif key.startswith("tickets_"):
            n = categories[key.split("_", 1)[1]]
            yield key, n == want, n
        elif key == "sample":
            for item in want:
                t = by_key.get(item["key"])
                for name, value in item.items():
                    if name == "key":
                        continue
                    label = f"sample[{item['key']}].{name}"
                    if t is None:
                        yield label, False, "ticket missing"
                    elif name.endswith("_at"):
                        yield label, same_instant(t.get(name), value), t.get(name)
                    elif name == "labels":
                        yield label, sorted(t.get(name) or []) == sorted(value or []), t.get(name)
                    else:
                        have = t.get(name)
                        yield label, (str(have) == str(value) if value is not None else have is None), have
        else:
            yield key, False, "unknown label key"


@dataclass
class Scored:
    file: str
    checks: list[tuple[str, bool, object, object]] = field(default_factory=list)  # key, ok, have, want

    @property
    def passed(self) -> int:
        return sum(1 for _, ok, _, _ in self.checks if ok)


def score_folder(folder: Path) -> list[Scored]:
    from loaders.detect import parse_path

    out = []
    for label in sorted(folder.glob("*.expect.yaml")):
        spec = yaml.safe_load(label.read_text(encoding="utf-8"))
        expect = spec.get("expect") or {}
        kind = spec.get("kind", "postmortem")
        got = parse_path(str(folder / spec["file"]))
        s = Scored(spec["file"])
        if got.get("kind") != kind:
            s.checks = [("kind", False, got.get("kind"), kind)] + [(k, False, "wrong kind", v) for k, v in expect.items()]
        else:
            run = tracker_checks if kind == "tracker_export" else postmortem_checks
            s.checks = [("kind", True, kind, kind)] + [(k, ok, have, expect.get(k, "(see label)"))
                                                        for k, ok, have in run(got, expect)]
        out.append(s)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[ROOT / "tests" / "corpus" / "learn"])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every check, not only the misses")
    ap.add_argument("--by-key", action="store_true", help="summarise misses per label key")
    args = ap.parse_args(argv)
    passed = total = 0
    misses: Counter = Counter()
    for folder in args.folders:
        if not folder.is_dir():
            print(f"not a folder: {folder}", file=sys.stderr)
            return 2
        scored = score_folder(folder)
        if not scored:
            print(f"no *.expect.yaml in {folder}", file=sys.stderr)
            return 2
        for s in scored:
            print(f"{s.passed:3d}/{len(s.checks):3d}  {s.file}")
            for key, ok, have, want in s.checks:
                if not ok:
                    misses[key] += 1
                if not ok or args.verbose:
                    print(f"        {'ok ' if ok else 'MISS'} {key}: expected {want!r}, got {have!r}")
            passed += s.passed
            total += len(s.checks)
    if args.by_key:
        print("misses by key: " + ", ".join(f"{k} {n}" for k, n in misses.most_common()))
    print(f"score: {passed / total:.3f} ({passed}/{total} checks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
