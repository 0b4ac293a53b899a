"""One severity reader (loaders/severity.py): what each way of writing a severity means,
how a level is named, and that the config, the parsers and the SQL all agree with it."""
import duckdb
import pytest

from loaders import severity, store
from loaders.config import ConfigError, load_config


@pytest.mark.parametrize("text, level", [
    ("SEV1", 1), ("sev 2", 2), ("Sev-3", 3), ("P1", 1), ("p2", 2), ("S3", 3), ("severity-2", 2),
    ("Severity 1", 1), ("priority 1", 1), ("level 3", 3), ("2", 2), (2, 2), ("SEV10", 10),
    ("Critical", 1), ("critical impact", 1), ("Blocker", 1), ("High", 2), ("Major", 2),
    ("Medium", 3), ("Moderate", 3), ("Minor", 3), ("Low", 4), ("Trivial", 5),
    ('~"severity::3"', 3), ("priority::1", 1),   # GitLab's scoped labels
    ("majeure", 2), ("Hoch", 2), ("Crítica", 1), ("Media", 3), ("baja", 4),   # French, German, Spanish
    ("Category 2 (line down over an hour)", 2), ("Cat 1", 1),   # a plant's or a service desk's categories
    ("SEV-B", 2), ("Sev A", 1), ("Severity C", 3),               # a letter after "sev", A the worst
    ("niveau 2 (échelle 1 à 4, 1 = le plus grave)", 2), ("nivel 3", 3), ("Stufe 1", 1),   # "level" in other languages
    ("3 av 5 (1 = høyest)", 3), ("2 of 4", 2), ("1 sur 4", 1),   # a level on its scale's length
])
def test_level_reads_each_way_of_writing_a_severity(text, level):
    assert severity.level(text) == level


@pytest.mark.parametrize("text", [None, "", "  ", "unknown", "n/a", True, -1, "highway", "severity: a", "SEV-A-ish",
                                  "none (near miss; would have been SEV1 if it reached 100%)", "not rated (P2 if it had shipped)"])
def test_anything_else_is_no_severity_never_a_guess(text):
    assert severity.level(text) is None


@pytest.mark.parametrize("text, stated", [
    ("SEV1 (deploys degraded, old build served)", "SEV1"), ("High — checkout broken for EU users", "High"),
    ("P0 - Full outage", "P0"), ("SEV-2（検索の書き込みが停止）", "SEV-2"), ("Critical [data loss]", "Critical"),
    ("sev 3 (internal only)", "sev 3"),
])
def test_stated_is_the_level_a_field_opens_with_without_its_note(text, stated):
    assert severity.stated(text) == stated
    assert severity.level(severity.stated(text)) == severity.level(text)


@pytest.mark.parametrize("text", [
    "CRITICAL (P0)",            # the note names a level of its own: both stay
    "High (P1 for EU)",
    "SEV-1 Incident",           # no note in brackets or after a dash
    "High-availability pair lost",
    "Medium as a bug, high as a process failure",
    "degraded-performance", None, "",
])
def test_stated_keeps_a_field_whose_rest_is_no_note(text):
    assert severity.stated(text) == text


def test_label_names_a_level_and_the_absence_of_one():
    assert [severity.label(n) for n in (1, 2, 5)] == ["SEV1", "SEV2", "SEV5"]
    assert severity.label(None) == severity.NO_SEVERITY == "no severity"
    assert severity.label(float("nan")) == "no severity"


def test_label_of_level_round_trips():
    for n in range(0, 11):
        assert severity.level(severity.label(n)) == n


@pytest.mark.parametrize("key", ["SEV1", "P1", "1", "critical", 1])
def test_config_sla_keys_read_with_the_same_reader(tmp_path, key):
    cfg_file = tmp_path / "hindsight.yaml"
    cfg_file.write_text(f"sla_days:\n  {key!s}: 7\n  default: 30\n")
    assert load_config(cfg_file).sla_days[1] == 7


def test_config_rejects_a_key_that_names_no_level(tmp_path):
    cfg_file = tmp_path / "hindsight.yaml"
    cfg_file.write_text("sla_days:\n  someday: 7\n")
    with pytest.raises(ConfigError, match="sla_days.someday"):
        load_config(cfg_file)


def test_the_migration_backfills_labels_as_label_names_them(tmp_path):
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    versions = [v for v, _, _ in store.migrations()]
    for version, name, sql in store.migrations():
        if version < 5:
            con.execute(sql)
    con.executemany("INSERT INTO raw_postmortems (file_path, severity_level) VALUES (?, ?)",
                    [[f"f{n}", n] for n in (1, 2, 3, 7)] + [["none", None]])
    con.execute(dict((v, s) for v, _, s in store.migrations())[5])
    got = dict(con.execute("SELECT file_path, severity_label FROM raw_postmortems").fetchall())
    assert 5 in versions
    assert got == {f"f{n}": severity.label(n) for n in (1, 2, 3, 7)} | {"none": severity.label(None)}


# ---------------------------------------------------------------- pages read the label column


def test_the_sidebar_offers_labels_ordered_by_level(demo_folder):
    from metrics.db import Reader
    from metrics.filters import choices

    reader = Reader(demo_folder / "h.duckdb")
    try:
        labels = choices(reader).severities
    finally:
        reader.close()
    assert labels[0] == "SEV1" and all(lbl.startswith("SEV") or lbl == "no severity" for lbl in labels)
    levels = [int(lbl[3:]) for lbl in labels if lbl.startswith("SEV")]
    assert levels == sorted(levels)


def test_filtering_by_a_label_keeps_only_that_severity(demo_folder):
    from metrics.db import Reader
    from metrics.filters import FILTER_ARGS, Filters, choices, params

    reader = Reader(demo_folder / "h.duckdb")
    try:
        c = choices(reader)
        f = Filters(c.first, c.last, severities=("SEV2",))
        got = reader.query(f"SELECT DISTINCT severity_label, severity_level FROM filtered_incidents({FILTER_ARGS})",
                           params(f))
    finally:
        reader.close()
    assert got == [("SEV2", 2)]


def test_a_number_too_long_to_be_a_level_is_none():
    assert severity.level("9" * 5000) is None and severity.level("2") == 2


def test_a_levels_number_with_a_note_on_the_scale():
    from loaders import severity
    assert severity.level("2 (our scale: 1 = site down for everyone, 4 = cosmetic)") == 2
    assert severity.level("3 — minor") == 3
    assert severity.level("24 (hours)") is None


@pytest.mark.parametrize("said, level", [
    ("Internally we ran this as a Sev 1, our highest level.", 1),
    ("Internally we logged it as a P1.", 1),
    ("We called it a SEV2 in the channel since checkout was down.", 2),
])
def test_a_postmortem_states_its_severity_in_a_sentence(said, level):
    from loaders.postmortem import parse
    text = f"# Checkout outage\n\n**Date:** 2024-04-22\n\n## Summary\n\nCheckout failed for an hour. {said}\n"
    assert parse(text)["severity_level"] == level


@pytest.mark.parametrize("header, level", [
    ("2024-04-22 · SEV3 · Final · author: Olu Adebayo", 3),
    ("Incident date: Monday 22 April 2024 · Priority 3 · Status: Accepted", 3),
])
def test_a_terse_notes_header_line_states_its_severity(header, level):
    from loaders.postmortem import parse
    text = f"# Reminder job ran twice\n{header}\nBetween 07:00 and 07:25 UTC the job ran on two nodes.\n"
    assert parse(text)["severity_level"] == level


@pytest.mark.parametrize("key", ["Severità", "Impact level"])
def test_more_severity_keys(key):
    from loaders.postmortem import parse
    assert parse(f"# Outage\n\n**{key}:** P2\n\nThe API was down.\n")["severity_level"] == 2


@pytest.mark.parametrize("said, level", [
    ('/label ~"incident" ~"severity::2" ~"Incident::Resolved"', 2),   # a forge's scoped label
    ("2.8.1 is the fix for yesterday's incident, so the write-up lives here. SEV-3. From 14:25 ...", 3),
    ("I'd call it a P2 (no bookings for 45 min).", 2),
])
def test_a_severity_said_in_a_label_or_a_sentence_of_its_own(said, level):
    from loaders.postmortem import parse
    assert parse(f"# Uploads failing\n\n{said}\n\nUploads failed for an hour.\n")["severity_level"] == level


def test_a_scale_the_document_defines_names_its_levels():
    from loaders.severity import on_scale, scale
    text = "Our colours: **Red** = everything down (SEV1), **Orange** = a major flow\nbroken (SEV2), Yellow = SEV3."
    assert scale(text) == {"red": 1, "orange": 2, "yellow": 3}
    assert on_scale("🟠 Orange", text) == 2 and on_scale("Purple", text) is None


def test_the_name_a_document_calls_its_highest_level_is_level_1():
    from loaders.severity import on_scale, scale
    text = "**About our colours:** we use Red / Amber / Green. Red is our highest level (1 of 3)."
    assert scale(text) == {"red": 1} and on_scale("Red", text) == 1 and on_scale("Amber", text) is None
    # (a level that already names itself is read as it stands, not as the top of a scale)
    assert scale("High is our highest priority this quarter.") == {}


def test_one_name_and_a_level_is_no_scale():
    from loaders.severity import on_scale, scale
    assert scale("We set x = P1 once.") == {} and on_scale("x", "We set x = P1 once.") is None


@pytest.mark.parametrize("text, level", [
    ("SEV3 -> SEV2 (escalated 2026-03-09 14:31 +0000 by @kwame)", 2), ("P3 → P1", 1),
    ("P3, raised to P2", 2), ("SEV-1, downgraded to SEV-3 after triage", 3), ("SEV2 (downgraded from SEV1)", 2)])
def test_a_changed_level_is_the_one_it_ended_at(text, level):
    assert severity.level(text) == level
