"""Corrections that stick: the corrections file is read and checked, edited in place
keeping comments and order, applied at ingest over what the parser read (without
re-parsing), and `hindsight correct` does it from the command line."""
import duckdb
import pytest

from conftest import house_doc, run_cli
from loaders import corrections
from loaders.config import load_config
from loaders.ingest import ingest

FILE = """# Fixes agreed in the weekly review
INC-7:
  detected_at: 2026-02-03T10:05:00Z   # the pager, not the deploy
  severity: SEV2
  action_items:
    1: {status: done}

# near misses we logged as incidents
web-2:
  near_miss: true
"""


# ---------------------------------------------------------------- reading


def test_read_normalises_every_field():
    fixes, problems = corrections.read(FILE)
    assert problems == []
    got = {(f.doc_id, f.item, f.field): (f.value, f.label, f.line) for f in fixes}
    assert got[("INC-7", None, "detected_at")] == ("2026-02-03T10:05:00Z", None, 3)
    assert got[("INC-7", None, "severity")] == ("2", "SEV2", 4)
    assert got[("INC-7", 1, "status")] == ("done", None, 6)
    assert got[("web-2", None, "near_miss")] == ("true", None, 10)


@pytest.mark.parametrize("line, message", [
    ("  date: 2026-13-40", "date must be a date"),
    ("  detected_at: yesterday", "detected_at must be a time"),
    ("  severity: whenever", "severity must name a level"),
    ("  near_miss: perhaps", "near_miss must be true or false"),
    ("  colour: red", "unknown field 'colour'"),
    ("  action_items: {0: {status: done}}", "action item number must be 1, 2"),
    ("  action_items: {2: {status: finished}}", "status must be open, done or wont_do"),
])
def test_a_bad_value_is_a_problem_naming_its_line_and_the_rest_still_apply(line, message):
    fixes, problems = corrections.read(f"INC-1:\n  title: Right title\n{line}\n")
    assert [f.field for f in fixes] == ["title"]
    assert len(problems) == 1 and problems[0]["line"] == 3 and message in problems[0]["message"]


def test_broken_yaml_is_one_problem_with_its_line():
    fixes, problems = corrections.read("INC-1:\n  title: [unclosed\n")
    assert fixes == [] and problems[0]["line"] and "not valid YAML" in problems[0]["message"]


def test_a_field_corrected_twice_keeps_the_later_with_a_warning():
    fixes, problems = corrections.read("INC-1:\n  title: First\n  title: Second\n")
    assert [f.value for f in fixes] == ["Second"]
    assert problems[0]["level"] == "warning" and "line 3 applies" in problems[0]["message"]


def test_null_clears_a_field():
    fixes, _ = corrections.read("INC-1:\n  mitigated_at: null\n")
    assert fixes[0].value is None


def test_an_empty_file_corrects_nothing():
    assert corrections.read("") == ([], [])
    assert corrections.read("# nothing yet\n") == ([], [])


# ---------------------------------------------------------------- writing


def test_set_value_changes_one_line_and_keeps_comments_and_order():
    new = corrections.set_value(FILE, ["INC-7", "detected_at"], "2026-02-03T10:07:00Z")
    old_lines, new_lines = FILE.splitlines(), new.splitlines()
    assert len(old_lines) == len(new_lines)
    changed = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    assert len(changed) == 1 and "10:07:00Z" in changed[0][1] and "# the pager" in changed[0][1]


def test_set_value_adds_a_field_at_the_end_of_its_document_block():
    new = corrections.set_value(FILE, ["INC-7", "team"], "payments")
    lines = new.splitlines()
    assert lines.index("  team: payments") < lines.index("# near misses we logged as incidents")
    assert corrections.read(new)[0][-2].field == "team" or any(f.field == "team" for f in corrections.read(new)[0])


def test_set_value_adds_a_new_document_and_an_item_field():
    new = corrections.set_value(FILE, ["INC-9", "action_items", 2, "owner"], "lee")
    new = corrections.set_value(new, ["INC-7", "action_items", 1, "owner"], "ann")
    fixes = {(f.doc_id, f.item, f.field): f.value for f in corrections.read(new)[0]}
    assert fixes[("INC-9", 2, "owner")] == "lee"
    assert fixes[("INC-7", 1, "owner")] == "ann" and fixes[("INC-7", 1, "status")] == "done"
    assert new.startswith("# Fixes agreed in the weekly review\n")


def test_write_is_atomic_and_creates_the_file(tmp_path):
    path = tmp_path / "corrections.yaml"
    corrections.write(path, ["INC-1", "date"], "2026-02-03")
    corrections.write(path, ["INC-1", "title"], "Cache stampede")
    assert [f.field for f in corrections.read(path.read_text())[0]] == ["date", "title"]
    assert [p.name for p in tmp_path.iterdir()] == ["corrections.yaml"]  # no temporary left behind


def test_keys_for_checks_the_field():
    assert corrections.keys_for("X", "detected") == ["X", "detected_at"]
    assert corrections.keys_for("X", "action_items.3.status") == ["X", "action_items", 3, "status"]
    for bad in ("colour", "action_items.0.status", "action_items.2.colour", "date.extra"):
        with pytest.raises(corrections.CorrectionError):
            corrections.keys_for("X", bad)


# ---------------------------------------------------------------- at ingest


@pytest.fixture
def archive(tmp_path):
    docs = tmp_path / "pm"
    docs.mkdir()
    (docs / "INC-7.md").write_text(house_doc(title="Cache stampede", day="2026-02-03"), encoding="utf-8")
    (docs / "web-2.md").write_text(house_doc(title="Slow search", day="2026-02-10"), encoding="utf-8")
    cfg = tmp_path / "hindsight.yaml"
    cfg.write_text(f"database: {tmp_path / 'h.duckdb'}\nsources:\n  postmortems: ['{docs}/*.md']\n")
    return tmp_path


def _one(db, sql, *params):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_ingest_applies_corrections_and_marks_their_rule(archive):
    (archive / "corrections.yaml").write_text(FILE)
    cfg = load_config(archive / "hindsight.yaml")
    ingest(cfg)
    db = archive / "h.duckdb"
    row = _one(db, "SELECT detected_at, detected_source, ttd_minutes, severity_level, severity_label, "
                   "corrected_fields FROM mart_incidents WHERE incident_id = 'INC-7'")[0]
    assert str(row[0]) == "2026-02-03 10:05:00" and row[1] == "corrected" and row[2] == 1.0  # impact from 10:04
    assert row[3:5] == (2, "SEV2") and row[5] == ["detected_at", "severity"]
    assert _one(db, "SELECT is_near_miss FROM mart_incidents WHERE incident_id = 'web-2'") == [(True,)]
    assert _one(db, "SELECT status, status_source FROM mart_action_items a JOIN mart_incidents i USING "
                    "(file_path) WHERE i.incident_id = 'INC-7' AND a.item_seq = 0") == [("done", "corrected")]


def test_a_changed_corrections_file_applies_without_reparsing(archive):
    cfg = load_config(archive / "hindsight.yaml")
    ingest(cfg)
    (archive / "corrections.yaml").write_text("INC-7:\n  detected_at: 2026-02-03T10:07:00Z\n")
    s = ingest(cfg)
    assert s.written and s.parsed == 0 and s.unchanged == 2
    assert _one(archive / "h.duckdb", "SELECT ttd_minutes FROM mart_incidents WHERE incident_id = 'INC-7'") == [(3.0,)]
    (archive / "corrections.yaml").write_text("# undone\n")
    ingest(cfg)
    assert _one(archive / "h.duckdb", "SELECT detected_source FROM mart_incidents "
                                      "WHERE incident_id = 'INC-7'")[0][0] != "corrected"


def test_a_correction_for_a_document_that_is_gone_is_a_problem_not_a_crash(archive):
    (archive / "corrections.yaml").write_text("INC-404:\n  date: 2026-01-01\nINC-7:\n  action_items:\n"
                                              "    9: {status: done}\n")
    cfg = load_config(archive / "hindsight.yaml")
    s = ingest(cfg)
    mine = [(p["line"], p["level"], p["message"]) for path, p in s.problems if path == str(cfg.corrections_for(archive / 'h.duckdb'))]
    assert (2, "warning") == mine[0][:2] and "no loaded postmortem has this id" in mine[0][2]
    assert mine[1][:2] == (5, "warning") and "has 1 action item;" in mine[1][2]
    stored = _one(archive / "h.duckdb", "SELECT line, level FROM ingest_problems WHERE file_path = ? ORDER BY line",
                  str(cfg.corrections_for(archive / 'h.duckdb')))
    assert stored == [(2, "warning"), (5, "warning")]


def test_the_config_can_name_another_corrections_file(archive):
    cfg_file = archive / "hindsight.yaml"
    cfg_file.write_text(cfg_file.read_text() + "corrections: fixes/ours.yaml\n")
    assert load_config(cfg_file).corrections_for(archive / "h.duckdb") == archive / "fixes" / "ours.yaml"


def test_without_a_config_of_ones_own_corrections_sit_beside_the_database(tmp_path):
    from loaders.config import Config

    assert Config().corrections_for(tmp_path / "db" / "h.duckdb") == tmp_path / "db" / "corrections.yaml"
    assert Config(path=tmp_path / "c" / "hindsight.yaml").corrections_for(tmp_path / "h.duckdb") == \
        tmp_path / "c" / "corrections.yaml"


# ---------------------------------------------------------------- the command


def test_hindsight_correct_writes_the_file_and_reingests(archive):
    cfg = archive / "hindsight.yaml"
    assert run_cli("ingest", "-q", "--config", str(cfg)).returncode == 0
    out = run_cli("correct", "INC-7", "detected_at", "2026-02-03T10:06:00Z", "--config", str(cfg))
    assert out.returncode == 0, out.stderr
    assert "INC-7 detected_at" in out.stdout
    assert _one(archive / "h.duckdb", "SELECT ttd_minutes, detected_source FROM mart_incidents "
                                      "WHERE incident_id = 'INC-7'") == [(2.0, "corrected")]
    assert "detected_at: '2026-02-03T10:06:00Z'" in (archive / "corrections.yaml").read_text()


@pytest.mark.parametrize("doc, field, said", [
    ("INC-77", "severity", "no loaded postmortem has this id"),
    ("INC-7", "action_items.9.status", "action item 9: the document has"),
    ("INC-7", "severity", None),
])
def test_correct_without_a_reingest_says_when_the_id_matches_nothing_loaded(archive, doc, field, said):
    """It wrote the correction without a word; the next ingest reported it."""
    cfg = archive / "hindsight.yaml"
    assert run_cli("ingest", "-q", "--config", str(cfg)).returncode == 0
    value = "done" if "status" in field else "SEV2"
    out = run_cli("correct", doc, field, value, "--no-ingest", "--config", str(cfg))
    assert out.returncode == 0 and doc in (archive / "corrections.yaml").read_text()
    assert (said in out.stderr and "warning" in out.stderr) if said else out.stderr == ""


def test_correct_without_a_reingest_or_a_database_says_nothing_of_ids(archive):
    out = run_cli("correct", "INC-77", "severity", "SEV2", "--no-ingest", "--config", str(archive / "hindsight.yaml"))
    assert out.returncode == 0 and out.stderr == "" and "INC-77" in (archive / "corrections.yaml").read_text()


def test_hindsight_correct_refuses_a_bad_value_and_leaves_the_file_alone(archive):
    (archive / "corrections.yaml").write_text(FILE)
    out = run_cli("correct", "INC-7", "severity", "whenever", "--config", str(archive / "hindsight.yaml"))
    assert out.returncode == 2 and "severity must name a level" in out.stderr
    assert (archive / "corrections.yaml").read_text() == FILE
