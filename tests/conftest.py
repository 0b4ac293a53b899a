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


def run_cli(*args, cwd=None, env=None, timeout=120) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("HINDSIGHT_CONFIG", None) if env is None or "HINDSIGHT_CONFIG" not in env else None
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
