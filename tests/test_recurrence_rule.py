"""mart_recurrence's rule, case by case: which earlier incident is a repeat's predecessor
under each recurrence key (docs/METRICS.md), read straight from the mart after a real
ingest. The mart finds it with an as-of join; these pin the rule it must keep."""
import duckdb
import pytest

from loaders.config import load_config
from loaders.ingest import ingest


def doc(title, start, cls="database", services=("orders-db",), team="payments", near_miss=False):
    fm = [f"title: {title}", f"date: {start[:10]}", f"started_at: {start}", f"class: {cls}",
          f"services: [{', '.join(services)}]", f"team: {team}", f"near_miss: {str(near_miss).lower()}"]
    return "---\n" + "\n".join(fm) + f"\n---\n# {title}\n\n## Summary\nSomething failed for a while.\n"


def predecessors(tmp_path, docs: dict, key=None, window=90) -> dict:
    (tmp_path / "pm").mkdir()
    for name, text in docs.items():
        (tmp_path / "pm" / f"{name}.md").write_text(text, encoding="utf-8")
    cfg = tmp_path / "hindsight.yaml"
    cfg.write_text(f"database: {tmp_path / 'h.duckdb'}\nsources:\n  postmortems: [\"pm/*.md\"]\n"
                   f"recurrence_window_days: {window}\n" + (f"recurrence_key: {key}\n" if key else ""))
    ingest(load_config(str(cfg)))
    con = duckdb.connect(str(tmp_path / "h.duckdb"), read_only=True)
    try:
        rows = con.execute("SELECT file_path, predecessor_path FROM mart_recurrence").fetchall()
    finally:
        con.close()
    name = lambda p: p.rsplit("/", 1)[-1][:-3] if p else None  # noqa: E731
    return {name(a): name(b) for a, b in rows}


def test_the_most_recent_earlier_incident_is_the_predecessor(tmp_path):
    got = predecessors(tmp_path, {"a": doc("A", "2026-01-01T10:00:00Z"), "b": doc("B", "2026-01-20T10:00:00Z"),
                                  "c": doc("C", "2026-02-01T10:00:00Z")})
    assert got == {"a": None, "b": "a", "c": "b"}


def test_equal_starts_are_not_each_others_predecessor_and_the_smaller_path_wins_later(tmp_path):
    got = predecessors(tmp_path, {"m": doc("M", "2026-01-05T10:00:00Z"), "k": doc("K", "2026-01-05T10:00:00Z"),
                                  "z": doc("Z", "2026-01-09T10:00:00Z")})
    assert got == {"m": None, "k": None, "z": "k"}


def test_outside_the_window_is_not_a_repeat_even_if_nothing_is_nearer(tmp_path):
    got = predecessors(tmp_path, {"a": doc("A", "2026-01-01T10:00:00Z"), "b": doc("B", "2026-05-01T10:00:00Z")},
                       window=30)
    assert got == {"a": None, "b": None}


def test_class_and_service_key_matches_through_any_shared_service(tmp_path):
    got = predecessors(tmp_path, {
        "a": doc("A", "2026-01-01T10:00:00Z", services=("search", "orders-db")),
        "b": doc("B", "2026-01-10T10:00:00Z", services=("cdn",)),
        "c": doc("C", "2026-01-20T10:00:00Z", services=("billing", "orders-db")),
    })
    assert got == {"a": None, "b": None, "c": "a"}   # b is nearer but shares no service


@pytest.mark.parametrize("key, want", [("class+team", {"a": None, "b": None, "c": "a"}),
                                       ("class", {"a": None, "b": "a", "c": "b"})])
def test_the_other_keys(tmp_path, key, want):
    got = predecessors(tmp_path, {
        "a": doc("A", "2026-01-01T10:00:00Z", services=("x",), team="payments"),
        "b": doc("B", "2026-01-10T10:00:00Z", services=("y",), team="search"),
        "c": doc("C", "2026-01-20T10:00:00Z", services=("z",), team="payments"),
    }, key=key)
    assert got == want


def test_near_misses_and_unclassified_incidents_never_recur(tmp_path):
    got = predecessors(tmp_path, {
        "n": doc("N", "2026-01-01T10:00:00Z", near_miss=True),
        "a": doc("A", "2026-01-05T10:00:00Z"),
        "u1": doc("U1", "2026-01-06T10:00:00Z", cls="unclassified"),
        "u2": doc("U2", "2026-01-07T10:00:00Z", cls="unclassified"),
        "b": doc("B", "2026-01-08T10:00:00Z"),
    }, key="class")
    assert got == {"a": None, "u1": None, "u2": None, "b": "a"}   # near misses have no row
