"""Documents in shapes the parser has not seen, checked key by key.

Each tests/fixtures/shapes/*.expect.yaml names its document (`file:`) and lists under
`expect:` only what a careful human reading is sure of. Every key is one test, scored
the way bench/corpus.py scores the labelled real documents, plus two exact
lists: `timeline_at` (every entry's time, in order) and `action_status`.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

import pytest
import yaml

from loaders.detect import parse_path

SHAPES = Path(__file__).resolve().parent / "fixtures" / "shapes"
TIMES = ("started_at", "detected_at", "mitigated_at", "resolved_at")
STATUS_COUNTS = {"action_items_done": "done", "action_items_open": "open",
                 "action_items_wont_do": "wont_do"}
FIELD_COUNTS = {"action_owners": "owner", "action_tickets": "ticket", "action_due": "due"}


def norm_text(s):
    if s is None:
        return None
    s = re.sub(r"[*_`#]+", "", str(s))
    return re.sub(r"\s+", " ", s).strip().casefold().rstrip(".")


def as_time(v):
    if v is None:
        return None
    if isinstance(v, datetime):
        return v if v.tzinfo else v.replace(tzinfo=timezone.utc)
    try:
        d = datetime.fromisoformat(str(v).strip().replace("Z", "+00:00"))
    except ValueError:
        return "unparseable:" + str(v)
    return d if d.tzinfo else d.replace(tzinfo=timezone.utc)


def same_time(have, want) -> bool:
    h, w = as_time(have), as_time(want)
    if w is None:
        return h is None
    return isinstance(h, datetime) and abs((h - w).total_seconds()) <= 60


def close_count(actual, expected) -> bool:
    return abs(actual - expected) <= max(1, round(0.1 * expected))


def check(got: dict, key: str, want):
    """(ok, what the parser gave) for one expectation key."""
    actions = got.get("action_items") or []
    timeline = got.get("timeline") or []
    if key == "kind":
        return got.get("kind") == want, (got.get("kind"), got.get("problems"))
    if key in ("title", "status", "incident_class"):
        have = got.get(key)
        return (norm_text(have) == norm_text(want) if want is not None else have is None), have
    if key in ("date", "severity_level", "near_miss"):
        have = got.get(key)
        return (str(have) == str(want) if want is not None else have is None), have
    if key in TIMES:
        return same_time(got.get(key), want), got.get(key)
    if key == "timeline_events":
        return close_count(len(timeline), want), len(timeline)
    if key == "timeline_timed":
        n = sum(1 for e in timeline if e.get("at"))
        return close_count(n, want), n
    if key == "timeline_at":
        have = [e.get("at") for e in timeline]
        return len(have) == len(want) and all(map(same_time, have, want)), have
    if key == "contributing_factors_min":
        n = len(got.get("contributing_factors") or [])
        return n >= want, n
    if key == "action_items":
        return len(actions) == want, len(actions)
    if key in STATUS_COUNTS:
        n = sum(1 for a in actions if a.get("status") == STATUS_COUNTS[key])
        return n == want, n
    if key in FIELD_COUNTS:
        n = sum(1 for a in actions if a.get(FIELD_COUNTS[key]))
        return n == want, n
    if key == "action_status":
        have = [a.get("status") for a in actions]
        return have == want, have
    return False, "unknown expectation key"


def cases():
    for spec_file in sorted(SHAPES.glob("*.expect.yaml")):
        spec = yaml.safe_load(spec_file.read_text(encoding="utf-8"))
        yield pytest.param(spec["file"], "kind", "postmortem", id=f"{spec['file']}:kind")
        for key, want in spec["expect"].items():
            yield pytest.param(spec["file"], key, want, id=f"{spec['file']}:{key}")


@cache
def parsed(name: str) -> dict:
    return parse_path(str(SHAPES / name))


def test_every_fixture_has_expectations():
    docs = {p.name for p in SHAPES.iterdir()
            if p.is_file() and not p.name.endswith(".expect.yaml") and not p.name.startswith(".")}
    named = {yaml.safe_load(f.read_text(encoding="utf-8"))["file"]
             for f in SHAPES.glob("*.expect.yaml")}
    assert docs == named


@pytest.mark.parametrize("name,key,want", list(cases()))
def test_shape(name, key, want):
    ok, have = check(parsed(name), key, want)
    assert ok, f"{name} {key}: expected {want!r}, got {have!r}"
