"""hindsight.yaml: defaults, validation messages that name the key, the example file."""
import pytest

from loaders.config import DEMO_CONFIG, ROOT, Config, ConfigError, config_from_dict, load_config


def test_defaults():
    cfg = Config()
    assert cfg.sla_days == {1: 14, 2: 30, "default": 60}   # (the rule that applies them: tests/test_deadlines.py)
    assert cfg.recurrence_window_days == 90
    assert cfg.min_sample == 10
    assert cfg.timezone == "UTC"


def test_example_file_documents_and_loads():
    cfg = load_config(str(ROOT / "hindsight.example.yaml"))
    assert [name for name, _ in cfg.taxonomy][:2] == ["config-change", "deploy-regression"]
    assert cfg.status_map["shipped"] == "done"
    assert cfg.database == (ROOT / "data" / "hindsight.duckdb").resolve()


def test_example_names_every_known_key():
    from loaders.config import KNOWN_KEYS

    text = (ROOT / "hindsight.example.yaml").read_text()
    assert all(f"\n{key}:" in text for key in KNOWN_KEYS)


def test_paths_are_relative_to_the_config(tmp_path):
    (tmp_path / "h.yaml").write_text("database: out/x.duckdb\nsources:\n  postmortems: ['pm/*.md']\n")
    (tmp_path / "pm").mkdir()
    (tmp_path / "pm" / "a.md").write_text("# a")
    cfg = load_config(str(tmp_path / "h.yaml"))
    assert cfg.database == tmp_path / "out" / "x.duckdb"
    assert cfg.source_patterns() == [("postmortems", str(tmp_path / "pm" / "*.md"))]


@pytest.mark.parametrize("data, key", [
    ({"sla_days": {1: "soon"}}, "sla_days.1"),
    ({"sla_days": {"urgent": 3}}, "sla_days.urgent"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"taxonomy": {"x": {"patterns": ["("]}}}, "taxonomy.x.patterns"),
    ({"taxonomy": {"x": {"words": ["a"]}}}, "taxonomy.x.words"),
    ({"sources": {"tickets": ["*.csv"]}}, "sources.tickets"),
    ({"recurrence_window_days": -1}, "recurrence_window_days"),
    ({"status_map": {"shipped": "finished"}}, "status_map.shipped"),
    ({"databse": "x"}, "databse"),
    ({"csv_mappings": [{"kind": "spreadsheet"}]}, "csv_mappings[0]"),
])
def test_errors_name_the_key(data, key):
    with pytest.raises(ConfigError, match=key.replace("[", r"\[").replace("]", r"\]")):
        config_from_dict(data)


def test_sla_keys_accept_sev_names():
    cfg = config_from_dict({"sla_days": {"SEV1": 7, "P2": 21, "default": 45}})
    assert cfg.sla_days == {1: 7, 2: 21, "default": 45}


def test_broken_yaml_names_the_line(tmp_path):
    (tmp_path / "h.yaml").write_text("database: x\nsources: [unclosed\n")
    with pytest.raises(ConfigError, match="line"):
        load_config(str(tmp_path / "h.yaml"))


def test_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(str(tmp_path / "nope.yaml"))


def test_without_a_config_the_demo_config_is_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HINDSIGHT_CONFIG", raising=False)
    cfg = load_config()
    assert cfg.path == DEMO_CONFIG.resolve()
    assert cfg.sources


def test_bad_config_exits_2(tmp_path):
    from conftest import run_cli

    (tmp_path / "h.yaml").write_text("sla_days: {1: soon}\n")
    out = run_cli("ingest", "--config", tmp_path / "h.yaml")
    assert out.returncode == 2
    assert "sla_days.1" in out.stderr


@pytest.mark.parametrize("text, expected", [
    ("The connection pool ran dry", "database"),
    ("CONNECTION POOL exhausted", "database"),         # keywords ignore case
    ("the pools and connections", None),               # a phrase, not its words apart
    ("a replica-lag alert", "database"),               # a word between non-word characters
    ("replicas fell behind", None),                    # a whole word, not a prefix
    ("the VACUUM stalled", "database"),                # a pattern beside the keywords
    ("the disk filled; replication stopped", "disk"),  # the first class in order wins
])
def test_a_taxonomy_class_matches_any_of_its_keywords_as_whole_words(text, expected):
    from loaders.postmortem.document import classify

    cfg = config_from_dict({"taxonomy": {
        "disk": {"keywords": ["disk"]},
        "database": {"keywords": ["replica", "connection pool", "replication"], "patterns": [r"\bvacuum\b"]},
    }})
    assert classify(text, cfg.taxonomy) == expected
