"""A database remembers the config its last load read: a command or a dashboard that
names no config of its own (no --config, $HINDSIGHT_CONFIG or ./hindsight.yaml) works
with that one, not the bundled demo's, so a team's taxonomy, deadlines and corrections
stay whoever loads or reads the database next."""
import duckdb
import yaml

from conftest import run_cli
from loaders.config import DEMO_CONFIG, load_config, remembered

DOC = """# Disk full on the build cache

**Date:** 2025-03-04
**Severity:** SEV2

## Summary

The build cache volume filled up and builds failed.

## Timeline (UTC)

- 10:00 builds start failing
- 10:05 alert on build failures
- 10:40 old cache entries removed, builds pass
"""


def team_archive(tmp_path):
    """A team's folder: one postmortem and a config with its own class and deadlines."""
    (tmp_path / "team" / "postmortems").mkdir(parents=True)
    (tmp_path / "team" / "postmortems" / "disk.md").write_text(DOC, encoding="utf-8")
    config = tmp_path / "team" / "hindsight.yaml"
    config.write_text(yaml.safe_dump({
        "database": "../team.duckdb",
        "sources": {"postmortems": ["postmortems/*.md"]},
        "taxonomy": {"storage-full": {"keywords": ["volume filled"]}},
        "sla_days": {1: 3, 2: 5, "default": 7}}), encoding="utf-8")
    return config, tmp_path / "team.duckdb"


def classes(db) -> list:
    with duckdb.connect(str(db), read_only=True) as con:
        return [r[0] for r in con.execute("SELECT incident_class FROM mart_incidents").fetchall()]


def test_an_ingest_naming_only_the_database_keeps_the_config_it_was_loaded_with(tmp_path):
    config, db = team_archive(tmp_path)
    assert run_cli("ingest", "--config", config).returncode == 0
    assert classes(db) == ["storage-full"]
    out = run_cli("ingest", "--full", "--db", db, cwd=tmp_path)     # no config named
    assert out.returncode == 0, out.stderr
    assert classes(db) == ["storage-full"]                          # not the demo's "capacity"
    assert str(config) in out.stdout + out.stderr and "remembered" in out.stdout + out.stderr


def test_a_correction_naming_only_the_database_goes_beside_the_remembered_config(tmp_path):
    config, db = team_archive(tmp_path)
    assert run_cli("ingest", "--config", config).returncode == 0
    out = run_cli("correct", "--db", db, "disk", "incident_class", "capacity", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (config.parent / "corrections.yaml").exists() and not (tmp_path / "corrections.yaml").exists()
    assert classes(db) == ["capacity"]
    assert run_cli("ingest", "--config", config).returncode == 0      # the team's own ingest keeps it
    assert classes(db) == ["capacity"]


def test_a_config_named_wins_over_the_remembered_one(tmp_path, monkeypatch):
    config, db = team_archive(tmp_path)
    assert run_cli("ingest", "--config", config).returncode == 0
    assert remembered(load_config(str(DEMO_CONFIG)), db).path == DEMO_CONFIG.resolve()


def test_without_a_config_named_the_remembered_one_is_used(tmp_path, monkeypatch):
    config, db = team_archive(tmp_path)
    assert run_cli("ingest", "--config", config).returncode == 0
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HINDSIGHT_CONFIG", raising=False)
    cfg = remembered(load_config(), db)
    assert cfg.path == config.resolve() and cfg.sla_days[2] == 5 and "remembered" in cfg.describe()


def test_a_remembered_config_since_removed_leaves_the_demo_config_and_says_so(tmp_path, monkeypatch):
    config, db = team_archive(tmp_path)
    assert run_cli("ingest", "--config", config).returncode == 0
    config.unlink()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HINDSIGHT_CONFIG", raising=False)
    cfg = remembered(load_config(), db)
    assert cfg.is_demo and str(config) in cfg.describe()


def test_a_database_that_does_not_exist_yet_or_remembers_nothing_keeps_the_demo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HINDSIGHT_CONFIG", raising=False)
    assert remembered(load_config(), tmp_path / "none.duckdb").is_demo
    duckdb.connect(str(tmp_path / "empty.duckdb")).close()
    assert remembered(load_config(), tmp_path / "empty.duckdb").is_demo
