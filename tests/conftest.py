"""Shared test helpers: fixture paths, a house-format document builder, CLI runner."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def house_doc(title="Cache stampede", day="2026-02-03", severity="SEV-3", status="Reviewed",
              rows=(("10:00", "Deploy 311 rolled out"), ("10:04", "Error rate jumps to 40%"),
                    ("10:09", "Alert fires and pages on-call"), ("10:30", "Rollback completes; errors back to baseline")),
              actions=(("Add a canary stage", "@ann", "Feb 20", "OPS-1"),), extra_meta="",
              impact="- Duration: 10:04–10:30 UTC (26 min)") -> str:
    """A postmortem in the house format, built from parts."""
    timeline = "\n".join(f"| {t} | {e} |" for t, e in rows)
    items = "\n".join(f"| {n} | {a} | {o} | {d} | {k} |" for n, (a, o, d, k) in enumerate(actions, 1))
    return f"""# Postmortem: {title} ({day})

**Status:** {status} | **Severity:** {severity} | **Owner:** @ann{extra_meta}

## Summary
Something broke and then it was fixed.

## Impact
{impact}

## Timeline (UTC)
| Time | Event |
|------|-------|
{timeline}

## Contributing factors
1. A first reason.
2. A second reason.

## Action items
| # | Action | Owner | Due | Ticket |
|---|--------|-------|-----|--------|
{items}
"""


def write_postmortems(folder: Path, n: int, start: int = 1, month: str = "2026-03") -> Path:
    """``n`` house-format postmortems, one a day from ``month``-``start``, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"{month}-{i:02d}-pm{i}.md").write_text(
            house_doc(title=f"Incident {i}", day=f"{month}-{i:02d}"), encoding="utf-8")
    return folder


def postmortem_count(db) -> int:
    """Postmortems in the database at ``db`` (opened read-only)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM raw_postmortems").fetchall()[0][0]
    finally:
        con.close()


def run_cli(*args, cwd=None, env=None, timeout=120) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    for var in ("HINDSIGHT_CONFIG", "HINDSIGHT_DB"):
        if env is None or var not in env:
            full_env.pop(var, None)
    return subprocess.run([sys.executable, "-m", "loaders", *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, env=full_env, timeout=timeout)


def parse_json(*paths, cwd=None) -> list[dict]:
    out = run_cli("parse", "--json", *paths, cwd=cwd)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.fixture
def write(tmp_path):
    """write("a.md", text) -> path of a new file under tmp_path."""
    def _write(name: str, text: str | bytes) -> Path:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            p.write_bytes(text)
        else:
            p.write_text(text, encoding="utf-8")
        return p
    return _write


def demo_config(folder: Path, sources: bool = True) -> Path:
    """A hindsight.yaml in ``folder`` that reads the bundled demo data (with its taxonomy
    and SLAs) into ``folder``/h.duckdb; without sources it names only the database."""
    import yaml

    sample = ROOT / "data" / "sample"
    data = yaml.safe_load((sample / "hindsight.yaml").read_text(encoding="utf-8"))
    data["database"] = str(folder / "h.duckdb")
    if sources:
        data["sources"] = {kind: [str(sample / g) for g in globs] for kind, globs in data["sources"].items()}
    else:
        data.pop("sources", None)
    path = folder / "hindsight.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------
# Pages: the demo data in a database of its own, and helpers to run a page with AppTest


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory):
    """The demo data, ingested once for the whole run into a folder of its own."""
    folder = tmp_path_factory.mktemp("demo")
    out = run_cli("ingest", "-q", "--config", demo_config(folder))
    assert out.returncode == 0, out.stdout + out.stderr
    return folder


@pytest.fixture
def demo(demo_folder, monkeypatch):
    """Pages read the demo database (HINDSIGHT_CONFIG points at it for this test)."""
    monkeypatch.setenv("HINDSIGHT_CONFIG", str(demo_folder / "hindsight.yaml"))
    return demo_folder


@pytest.fixture
def demo_reader(demo):
    """A Reader on the demo database, closed after the test."""
    from metrics.db import Reader

    reader = Reader(demo / "h.duckdb")
    yield reader
    reader.close()


@pytest.fixture
def empty(tmp_path, monkeypatch):
    """Pages read a database path where there is no data at all."""
    monkeypatch.setenv("HINDSIGHT_CONFIG", str(demo_config(tmp_path, sources=False)))
    return tmp_path


@pytest.fixture(autouse=True)
def _root_on_path(monkeypatch):
    """Pages import ui/ from the project root, as `streamlit run app.py` from it allows."""
    monkeypatch.syspath_prepend(str(ROOT))


def run_page(page: str, **query):
    """Run a page with AppTest, with URL query parameters set first."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / page), default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = str(value)
    return at.run()


def run_page_capped(page: str, demo: Path, monkeypatch, rows: int = 2):
    """``page`` run on the demo with its tables cut to ``rows`` rows (setup.SHOWN_ROWS),
    with a Reader of the demo's database and the Filters of its default period."""
    from metrics.db import Reader
    from metrics.filters import Filters
    from ui import setup

    monkeypatch.setattr(setup, "SHOWN_ROWS", rows)
    at = run_page(page)
    assert not at.exception, at.exception
    start, end = default_period_of(demo / "h.duckdb")
    return at, Reader(demo / "h.duckdb"), Filters(start, end)


def table_with(at, column: str):
    """The first table an AppTest run shows that has ``column``."""
    for el in at.dataframe:
        if column in el.value.columns:
            return el.value
    raise AssertionError(f"no table with column {column}")


def shown(el):
    """What a table element shows in its cells, as text: the Styler's display values
    when the page sent a Styler (a table with a ticket, ui/tables.py), else the values."""
    import pandas as pd
    from streamlit import dataframe_util

    styler = el.proto.arrow_data.styler
    if el.proto.arrow_data.HasField("styler") and styler.display_values:
        return dataframe_util.convert_arrow_bytes_to_pandas_df(styler.display_values).reset_index(drop=True)
    return el.value.astype(object).where(el.value.notna(), "").astype(str).reset_index(drop=True) \
        if isinstance(el.value, pd.DataFrame) else el.value


def default_period_of(db):
    """The sidebar's default period (metrics/periods.py): 12 months up to the newest
    incident, or today if sooner."""
    from datetime import date

    from metrics import periods
    from metrics.db import Reader
    from metrics.filters import first_and_last

    reader = Reader(db)
    p = periods.default(*first_and_last(reader), date.today())
    reader.close()
    return p.date_from, p.date_to


_reports: dict = {}


def report_json(db, start, end) -> dict:
    """`hindsight report --json` for [start, end] as of today (cached per run)."""
    from datetime import date

    key = (str(db), str(start), str(end))
    if key not in _reports:
        out = run_cli("report", "--json", "--db", db, "--from", start, "--to", end, "--as-of", date.today())
        assert out.returncode == 0, out.stderr
        _reports[key] = json.loads(out.stdout)
    return _reports[key]


def team_and_class_with_no_incident(db) -> tuple[str, str]:
    """A team and a class that never occur together: filters that leave nothing."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT t.team, c.incident_class FROM (SELECT DISTINCT team FROM mart_incidents) t, "
            "(SELECT DISTINCT incident_class FROM mart_incidents) c WHERE NOT EXISTS (SELECT 1 FROM "
            "mart_incidents i WHERE i.team = t.team AND i.incident_class = c.incident_class) "
            "ORDER BY 1, 2 LIMIT 1").fetchall()[0]
    finally:
        con.close()


def load_corpus(folder: Path, docs: dict[str, str]):
    """Write ``docs`` (name -> postmortem text) under ``folder``/pm, ingest them into
    ``folder``/h.duckdb and return a Reader on it (close it when done)."""
    from metrics.db import Reader

    (folder / "pm").mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / "pm" / f"{name}.md").write_text(text, encoding="utf-8")
    out = run_cli("ingest", "-q", "--db", folder / "h.duckdb", folder / "pm")
    assert out.returncode == 0, out.stdout + out.stderr
    return Reader(folder / "h.duckdb")
