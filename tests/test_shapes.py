"""Documents in shapes the parser has not seen, checked key by key.

Each tests/fixtures/shapes/*.expect.yaml names its document (`file:`) and lists under
`expect:` only what a careful human reading is sure of. Every key is one test, scored
the way bench/corpus.py scores the labelled real documents, plus exact
lists: `timeline_at` (every entry's time, in order), `action_status`, `action_texts`
and `action_owner_list` (each item's owner, in order).
"""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest
import yaml

from loaders.detect import parse_path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import corpus as scoring  # noqa: E402  (bench/corpus.py)

SHAPES = Path(__file__).resolve().parent / "fixtures" / "shapes"


def check(got: dict, key: str, want):
    """(ok, what the parser gave) for one expectation key: the corpus scorer's rules
    (bench/corpus.py), plus four exact lists."""
    actions = got.get("action_items") or []
    timeline = got.get("timeline") or []
    if key == "kind":
        return got.get("kind") == want, (got.get("kind"), got.get("problems"))
    if key == "timeline_at":
        have = [e.get("at") for e in timeline]
        return len(have) == len(want) and all(map(scoring.same_instant, have, want)), have
    if key == "contributing_factors":
        have = got.get("contributing_factors") or []
        return have == want, have
    if key == "action_status":
        have = [a.get("status") for a in actions]
        return have == want, have
    if key == "action_texts":
        have = [a.get("text") for a in actions]
        return have == want, have
    if key == "action_owner_list":
        have = [a.get("owner") for a in actions]
        return have == want, have
    (_, ok, have), = scoring.postmortem_checks(got, {key: want})
    return ok, have


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
