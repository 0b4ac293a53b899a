"""An action item's deadline: its due date, else the incident's date plus the SLA days of
its severity (sla_days). A severity with no entry of its own takes the entry of the most
severe level configured when it is more severe than all of them and that entry is the
shorter (a SEV0 gets SEV1's 14 days, not the 60 of "default"), else the default."""
import duckdb
import pytest

from conftest import house_doc, run_cli


def deadlines(tmp_path, sla: str) -> dict:
    docs = tmp_path / "pm"
    docs.mkdir()
    for n, sev in enumerate(("SEV-0", "SEV-1", "SEV-2", "SEV-3", "SEV-4"), 1):
        (docs / f"INC-{n}.md").write_text(house_doc(title=f"Outage {n}", severity=sev,
                                                    actions=(("Add a canary stage", "@ann", "", ""),)),
                                          encoding="utf-8")
    cfg = tmp_path / "hindsight.yaml"
    cfg.write_text(f"database: {tmp_path / 'h.duckdb'}\nsla_days: {sla}\nsources:\n  postmortems: ['{docs}/*.md']\n")
    assert run_cli("ingest", "-q", "--config", str(cfg)).returncode == 0
    with duckdb.connect(str(tmp_path / "h.duckdb"), read_only=True) as con:
        return dict(con.execute("SELECT severity_level, deadline - incident_date FROM mart_action_items "
                                "WHERE deadline_from_sla").fetchall())


def test_the_default_slas_give_a_sev0_the_sev1_deadline(tmp_path):
    assert deadlines(tmp_path, "{1: 14, 2: 30, default: 60}") == {0: 14, 1: 14, 2: 30, 3: 60, 4: 60}


@pytest.mark.parametrize("sla, want", [
    ("{2: 10, 3: 20, default: 90}", {0: 10, 1: 10, 2: 10, 3: 20, 4: 90}),
    ("{0: 2, 1: 7, default: 30}", {0: 2, 1: 7, 2: 30, 3: 30, 4: 30}),
    ("{default: 45}", {0: 45, 1: 45, 2: 45, 3: 45, 4: 45}),
    # (only a level's longer deadline configured: the others keep the default, never borrow it)
    ("{4: 90, default: 30}", {0: 30, 1: 30, 2: 30, 3: 30, 4: 90}),
])
def test_a_level_more_severe_than_every_configured_one_takes_the_most_severe(tmp_path, sla, want):
    assert deadlines(tmp_path, sla) == want
