"""One person, one name: `people:` aliases in hindsight.yaml map handles, names and
tracker display names to one person; `jira_base_url` makes Jira keys links (issue:
figures a director can repeat)."""
import duckdb
import pytest

from conftest import house_doc
from loaders.config import ConfigError, config_from_dict
from loaders.ingest import ingest


def _owners(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT action, owner, ticket_url FROM mart_action_items ORDER BY action").fetchall()
    finally:
        con.close()


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "pm"
    src.mkdir()
    (src / "a.md").write_text(house_doc(title="A", day="2026-02-03", actions=(
        ("Add a canary", "@lee", "Feb 20", "OPS-1"), ("Alert on depth", "Lee Chen", "Feb 21", "OPS-2"),
        ("Write runbook", "alex", "Feb 22", ""), ("Tune pool", "@Alex", "Feb 23", ""))), encoding="utf-8")
    return tmp_path


def test_aliases_map_to_one_person_and_jira_keys_link(folder):
    cfg = config_from_dict({"people": {"Lee Chen": ["@lee", "lchen"], "Alex Kim": ["alex"]},
                            "jira_base_url": "https://acme.atlassian.net/"})
    ingest(cfg, [str(folder / "pm")], folder / "h.duckdb")
    rows = {a: (o, u) for a, o, u in _owners(folder / "h.duckdb")}
    assert rows["Add a canary"] == ("Lee Chen", "https://acme.atlassian.net/browse/OPS-1")
    assert rows["Alert on depth"][0] == "Lee Chen"
    assert rows["Write runbook"] == ("Alex Kim", None) and rows["Tune pool"][0] == "Alex Kim"


def test_an_incident_owner_is_the_same_person(folder):
    ingest(config_from_dict({"people": {"Ann Lee": ["@ann"]}}), [str(folder / "pm")], folder / "h.duckdb")
    con = duckdb.connect(str(folder / "h.duckdb"), read_only=True)
    try:
        raw = con.execute("SELECT owner FROM stg_postmortems").fetchall()
        shown = con.execute("SELECT owner FROM mart_incidents").fetchall()
    finally:
        con.close()
    assert raw == [("@ann",)] and shown == [("Ann Lee",)]


def test_without_people_owners_stay_as_written(folder):
    ingest(config_from_dict({}), [str(folder / "pm")], folder / "h.duckdb")
    assert {o for _, o, _ in _owners(folder / "h.duckdb")} == {"@lee", "Lee Chen", "alex", "@Alex"}


def test_changing_people_alone_rebuilds_the_marts(folder):
    ingest(config_from_dict({}), [str(folder / "pm")], folder / "h.duckdb")
    ingest(config_from_dict({"people": {"Lee Chen": ["@lee"]}}), [str(folder / "pm")], folder / "h.duckdb")
    assert {o for a, o, _ in _owners(folder / "h.duckdb") if a == "Add a canary"} == {"Lee Chen"}


def test_a_github_key_and_a_url_key_have_addresses_too(tmp_path):
    """One rule for a ticket's address (mart_action_items): owner/repo#N is GitHub's
    issue, a key that is itself a URL is its own address."""
    src = tmp_path / "pm"
    src.mkdir()
    (src / "a.md").write_text(house_doc(title="A", day="2026-02-03", actions=(
        ("Gh item", "@a", "Feb 20", "acme/web#12"),
        ("Url item", "@b", "Feb 21", "https://tracker.example/T-9"))), encoding="utf-8")
    ingest(config_from_dict({}), [str(src)], tmp_path / "h.duckdb")
    rows = {a: u for a, _, u in _owners(tmp_path / "h.duckdb")}
    assert rows == {"Gh item": "https://github.com/acme/web/issues/12", "Url item": "https://tracker.example/T-9"}


@pytest.mark.parametrize("bad, message", [
    ({"people": ["lee"]}, "must map a person"),
    ({"people": {"Lee": [1]}}, "list of aliases"),
    ({"people": {"Lee": ["@x"], "Ann": ["x"]}}, "already 'Lee'"),
    ({"jira_base_url": "acme.atlassian.net"}, "http(s) URL"),
])
def test_bad_people_or_jira_url_is_a_clear_error(bad, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        config_from_dict(bad)
