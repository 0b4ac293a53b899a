"""Suggested classes for unclassified incidents (metrics/suggest.py): what reads alike
is grouped, named by its words, and the taxonomy entry it hands back classifies those
incidents once pasted into hindsight.yaml and re-ingested."""
from datetime import date

import duckdb
import pytest
import yaml
from conftest import run_cli, run_page

from metrics import suggest
from metrics.db import Reader
from metrics.filters import Filters

DISK = ["The log volume on {h} filled up and the disk was full; writes failed until we rotated logs.",
        "Disk full on {h}: debug logging filled the volume and the database stopped accepting writes.",
        "{h} ran out of disk space. The disk was full of old log files; writes were refused.",
        "Writes failed on {h} because the disk was full after a log burst filled the volume."]
CERT = ["The TLS certificate for {h} expired at midnight and clients failed the handshake.",
        "An expired certificate on {h} broke TLS handshakes; the certificate renewal job had failed.",
        "Clients saw certificate errors: the TLS certificate of {h} expired because renewal did not run.",
        "The certificate on {h} expired; TLS handshakes failed until we renewed the certificate."]


def _doc(n, day, text):
    return (f"---\ntitle: Incident {n}\ndate: {day}\n---\n# Incident {n}\n\n## Summary\n{text}\n\n"
            "## Contributing factors\n1. It happened.\n")


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "pm"
    src.mkdir()
    for k, text in enumerate(DISK):
        (src / f"disk{k}.md").write_text(_doc(f"d{k}", f"2026-0{k + 1}-03", text.format(h=f"db-{k}")), "utf-8")
    for k, text in enumerate(CERT):
        (src / f"cert{k}.md").write_text(_doc(f"c{k}", f"2026-0{k + 1}-10", text.format(h=f"api-{k}")), "utf-8")
    (src / "odd.md").write_text(_doc("o", "2026-02-20", "A squirrel chewed through a fibre in the rack."), "utf-8")
    cfg = tmp_path / "hindsight.yaml"
    cfg.write_text(f"database: {tmp_path / 'h.duckdb'}\nsources:\n  postmortems: ['{src}/*.md']\n", "utf-8")
    assert run_cli("ingest", "-q", "--config", cfg).returncode == 0
    return tmp_path


def _suggestions(folder):
    reader = Reader(folder / "h.duckdb")
    try:
        return suggest.suggestions(reader, Filters(date(2026, 1, 1), date(2026, 12, 31)))
    finally:
        reader.close()


def test_what_reads_alike_is_grouped_and_named_by_its_words(corpus):
    got = _suggestions(corpus)
    groups = sorted(sorted(i[0] for i in s.incidents) for s in got)
    assert groups == [[f"cert{k}" for k in range(4)], [f"disk{k}" for k in range(4)]]  # the odd one stays out
    names = {s.name for s in got}
    assert any("disk" in n or "full" in n for n in names) and any("certificate" in n or "tls" in n for n in names)
    assert all(s.matches == len(s.incidents) for s in got)


def test_accepting_a_suggestion_classifies_those_incidents(corpus):
    got = _suggestions(corpus)
    cfg = corpus / "hindsight.yaml"
    data = yaml.safe_load(cfg.read_text("utf-8"))
    data["taxonomy"] = {}
    for s in got:
        data["taxonomy"].update(yaml.safe_load(s.snippet)["taxonomy"])
    cfg.write_text(yaml.safe_dump(data), "utf-8")
    assert run_cli("ingest", "-q", "--config", cfg).returncode == 0
    con = duckdb.connect(str(corpus / "h.duckdb"), read_only=True)
    try:
        classes = dict(con.execute("SELECT incident_id, incident_class FROM mart_incidents").fetchall())
    finally:
        con.close()
    for s in got:
        assert {classes[i[0]] for i in s.incidents} == {s.name}
    assert _suggestions(corpus) == []  # nothing left to group
    assert classes["odd"] == "unclassified"


def test_too_few_unclassified_incidents_suggest_nothing(tmp_path):
    src = tmp_path / "pm"
    src.mkdir()
    (src / "a.md").write_text(_doc("a", "2026-01-03", DISK[0].format(h="x")), "utf-8")
    assert run_cli("ingest", "-q", "--db", tmp_path / "h.duckdb", src).returncode == 0
    assert _suggestions(tmp_path) == []


def test_the_recurrence_page_shows_the_suggestions(corpus, monkeypatch):
    monkeypatch.setenv("HINDSIGHT_CONFIG", str(corpus / "hindsight.yaml"))
    at = run_page("pages/1_Recurrence.py", **{"from": "2026-01-01", "to": "2026-12-31"})
    assert not at.exception, at.exception
    assert "Suggested classes for unclassified incidents" in [s.value for s in at.subheader]
    snippets = [c.value for c in at.code if c.value.startswith("taxonomy:")]
    assert len(snippets) == 2
