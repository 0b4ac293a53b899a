"""Ingest never loses what a team loaded: additive loads, explicit removal, remembered
sources, no silent drops, one order for choosing the database."""
import shutil

import duckdb
import pytest
from conftest import postmortem_count, write_postmortems, FIXTURES, ROOT, house_doc, run_cli

from loaders.config import Config, ConfigError, choose_database, load_config
from loaders.ingest import NothingToLoad, RemovalRefused, ingest, plan, read_state, sources_for


def postmortems(folder, n=3, start=1):
    return write_postmortems(folder, n, start, month="2026-03")


def one(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()[0][0]
    finally:
        con.close()


incidents = postmortem_count


def tickets(db):
    return one(db, "SELECT count(*) FROM raw_tickets")


@pytest.fixture
def cfg():
    return Config(sources={})


# -- 1. a path on the command line adds; it never replaces -----------------------------------


def test_a_jira_csv_after_postmortems_keeps_both(tmp_path):
    db = tmp_path / "h.duckdb"
    pm = postmortems(tmp_path / "pm")
    assert run_cli("ingest", "-q", "--db", db, pm).returncode == 0
    out = run_cli("ingest", "--db", db, FIXTURES / "exports" / "jira_en_all_fields.csv")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 removed" in out.stdout
    assert incidents(db) == 3 and tickets(db) > 0


def test_an_empty_folder_loads_nothing_and_exits_1(tmp_path):
    db = tmp_path / "h.duckdb"
    run_cli("ingest", "-q", "--db", db, postmortems(tmp_path / "pm"))
    before = db.read_bytes()
    (tmp_path / "empty").mkdir()
    out = run_cli("ingest", "--db", db, tmp_path / "empty")
    assert out.returncode == 1
    assert "nothing to load" in out.stderr and str(db) in out.stderr
    assert db.read_bytes() == before


def test_a_folder_of_only_furniture_is_nothing_to_load(tmp_path, cfg):
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "LICENSE").write_text("MIT License\n")
    with pytest.raises(NothingToLoad, match="LICENSE"):
        ingest(cfg, [str(tmp_path / "repo")], tmp_path / "h.duckdb")
    assert not (tmp_path / "h.duckdb").exists()


def test_loading_a_second_folder_keeps_the_first(tmp_path, cfg):
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(postmortems(tmp_path / "a", 2))], db)
    s = ingest(cfg, [str(postmortems(tmp_path / "b", 2, start=5))], db)
    assert s.removed == 0 and incidents(db) == 4


def test_a_file_deleted_from_a_folder_being_reread_goes(tmp_path, cfg):
    db = tmp_path / "h.duckdb"
    a = postmortems(tmp_path / "a", 3)
    ingest(cfg, [str(a)], db)
    ingest(cfg, [str(postmortems(tmp_path / "b", 1, start=9))], db)
    sorted(a.iterdir())[0].unlink()
    s = ingest(cfg, [str(a)], db)
    assert s.removed == 1 and incidents(db) == 3   # 2 left in a, 1 in b


def test_replace_drops_what_was_not_read_and_says_so(tmp_path):
    db = tmp_path / "h.duckdb"
    run_cli("ingest", "-q", "--db", db, postmortems(tmp_path / "a", 3))
    out = run_cli("ingest", "--replace", "--db", db, postmortems(tmp_path / "b", 1, start=7))
    assert out.returncode == 0, out.stderr
    assert "--replace dropped 3 postmortem files" in out.stdout
    assert incidents(db) == 1
    assert one(db, "SELECT list(pattern) FROM sources") == [str(tmp_path / "b")]


def test_removing_more_than_half_stops_with_exit_2(tmp_path):
    db = tmp_path / "h.duckdb"
    a = postmortems(tmp_path / "a", 4)
    run_cli("ingest", "-q", "--db", db, a)
    before = db.read_bytes()
    for f in sorted(a.iterdir())[:3]:
        f.unlink()
    out = run_cli("ingest", "--db", db, a)
    assert out.returncode == 2
    assert "would remove 3 of the 4 postmortems" in out.stderr and "--replace" in out.stderr
    assert db.read_bytes() == before
    assert run_cli("ingest", "-q", "--replace", "--db", db, a).returncode == 0
    assert incidents(db) == 1


def test_the_guard_counts_postmortems_not_exports(tmp_path, cfg):
    db = tmp_path / "h.duckdb"
    a = postmortems(tmp_path / "a", 2)
    shutil.copy(FIXTURES / "exports" / "jira_en_all_fields.csv", a / "jira.csv")
    ingest(cfg, [str(a)], db)
    (a / "jira.csv").unlink()
    assert ingest(cfg, [str(a)], db).removed == 1


# -- 2. re-ingest reads the database's own sources, never the demo's --------------------------


def test_reingest_without_paths_rereads_the_remembered_paths_not_the_demo(tmp_path):
    db = tmp_path / "h.duckdb"
    a = postmortems(tmp_path / "a", 2)
    run_cli("ingest", "-q", "--db", db, a)
    postmortems(a, 1, start=20)
    # no hindsight.yaml in cwd: the bundled demo config is the fallback, and must not load
    out = run_cli("ingest", "--db", db, cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "1 parsed" in out.stdout and "0 removed" in out.stdout
    assert incidents(db) == 3


def test_what_reingest_reads_needs_no_file_rows(tmp_path, cfg):
    # the Data quality page names the sources on every render: one row per file loaded
    # (100,000 of them) is not needed for that, and the sources are the same without them
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(postmortems(tmp_path / "a", 2))], db)
    ingest(cfg, [str(postmortems(tmp_path / "b", 1, start=5))], db)
    whole, light = read_state(db), read_state(db, files=False)
    assert len(whole.files) == 3 and light.files == {}
    assert light.sources == whole.sources and len(light.sources) == 2
    assert sources_for(cfg, None, light) == sources_for(cfg, None, whole)
    assert (light.fingerprint, light.models, light.exists) == (whole.fingerprint, whole.models, True)


def test_the_demo_config_seeds_only_a_database_that_remembers_nothing(tmp_path):
    cfg = load_config()  # no config anywhere: the bundled demo one
    assert cfg.is_demo
    p = plan(cfg, db=tmp_path / "new.duckdb")
    assert {s.config for s in p.sources} == {str(cfg.path)}


def test_a_config_without_sources_is_a_readable_error(tmp_path):
    (tmp_path / "hindsight.yaml").write_text(f"database: {tmp_path / 'h.duckdb'}\n")
    out = run_cli("ingest", "--config", tmp_path / "hindsight.yaml")
    assert out.returncode == 2
    assert "no sources" in out.stderr and "Traceback" not in out.stderr


def test_a_remembered_source_that_vanished_keeps_its_records(tmp_path, cfg):
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(postmortems(tmp_path / "a", 2))], db)
    ingest(cfg, [str(postmortems(tmp_path / "mnt", 2, start=5))], db)
    shutil.rmtree(tmp_path / "mnt")                  # an unmounted share, say
    postmortems(tmp_path / "a", 1, start=9)
    s = ingest(cfg, None, db)
    assert s.removed == 0 and s.missing_sources == [str(tmp_path / "mnt")]
    assert incidents(db) == 5


def test_plan_previews_without_writing(tmp_path, cfg):
    db = tmp_path / "h.duckdb"
    a = postmortems(tmp_path / "a", 4)
    ingest(cfg, [str(a)], db)
    before = db.read_bytes()
    for f in sorted(a.iterdir())[:3]:
        f.unlink()
    with pytest.raises(RemovalRefused):
        plan(cfg, None, db)
    p = plan(cfg, None, db, allow_removal=True)
    assert len(p.removed) == 3 and p.removed_postmortems == 3
    assert db.read_bytes() == before


# -- 3. repository furniture is not an incident --------------------------------------------------

TEMPLATE = """# Postmortem: <title> (YYYY-MM-DD)

**Status:** <draft/reviewed> | **Severity:** <SEV-n> | **Owner:** <@handle>

## Summary
[Describe what happened in two sentences]

## Timeline (UTC)
| Time | Event |
|------|-------|
| HH:MM | <event> |

## Action items
| # | Action | Owner | Due | Ticket |
|---|--------|-------|-----|--------|
| 1 | <action> | <owner> | <due> | <ticket> |
"""

README = """# Postmortems

Our incident write-ups live here, one file per incident. Copy TEMPLATE.md to start one,
and open a pull request so that the review happens in the open.
"""


def furnished_repo(folder):
    postmortems(folder / "incidents", 2)
    (folder / "README.md").write_text(README)
    (folder / "TEMPLATE.md").write_text(TEMPLATE)
    (folder / "CONTRIBUTING.md").write_text("Please be blameless.\n")
    (folder / "incidents" / "index.md").write_text(
        "# Index\n\n- [One](2026-03-01-pm1.md)\n- [Two](2026-03-02-pm2.md)\n- [Three](x.md)\n")
    return folder


def test_readme_template_and_index_load_as_nothing_and_exit_0(tmp_path):
    db = tmp_path / "h.duckdb"
    out = run_cli("ingest", "--db", db, furnished_repo(tmp_path / "repo"))
    assert out.returncode == 0, out.stdout + out.stderr
    assert incidents(db) == 2
    assert "TEMPLATE.md: skipped, a template" in out.stdout
    assert "README.md: skipped" in out.stdout and "CONTRIBUTING.md: skipped" in out.stdout
    assert "index.md: skipped" in out.stdout
    assert one(db, "SELECT count(*) FROM ingest_problems WHERE level = 'error'") == 0


NOTE_CITING_LINKS = """# March 3 Cache Stampede

## Context
* The cache cluster dropped every key when [this change](https://example.com/c/1) reached it
* Hit rate fell to zero and the database took the full load

## Logs
* Cache logs: https://example.com/logs/1
* Database logs: https://example.com/logs/2
* The slow-query script took a [query trace](trace.txt) of the worst minute

A [heap dump](dump.gz) from the worst node is kept beside this file.
"""


def ingest_one(tmp_path, cfg, name: str, text: str):
    """Ingest a folder holding one file ``name`` with ``text``."""
    (tmp_path / "pm").mkdir()
    (tmp_path / "pm" / name).write_text(text)
    return ingest(cfg, [str(tmp_path / "pm")], tmp_path / "h.duckdb")


def test_a_note_whose_sentences_cite_links_is_an_incident_not_an_index(tmp_path, cfg):
    s = ingest_one(tmp_path, cfg, "cache-stampede.md", NOTE_CITING_LINKS)
    assert s.kinds == {"postmortem": 1} and not s.skipped


def test_an_index_whose_links_carry_descriptions_is_still_an_index(tmp_path, cfg):
    s = ingest_one(tmp_path, cfg, "incidents.md",
                   "# Incidents\n\n- [Database failover](a.md): the primary failed over twice\n"
                   "- [Cache stampede](b.md): every key dropped at once\n- [DNS](c.md): a zone expired\n")
    assert [why for _, why in s.skipped] == ["an index page (a list of links)"]


def test_a_readme_that_holds_an_incident_is_loaded(tmp_path, cfg):
    (tmp_path / "2026-03-04-outage").mkdir()
    (tmp_path / "2026-03-04-outage" / "README.md").write_text(house_doc(day="2026-03-04"))
    s = ingest(cfg, [str(tmp_path)], tmp_path / "h.duckdb")
    assert s.kinds == {"postmortem": 1} and not s.skipped


def test_a_template_is_furniture_by_its_front_matter(tmp_path, cfg):
    (tmp_path / "pm").mkdir()
    (tmp_path / "pm" / "new-incident.md").write_text("---\ntemplate: true\n---\n" + house_doc())
    postmortems(tmp_path / "pm", 1)
    s = ingest(cfg, [str(tmp_path / "pm")], tmp_path / "h.duckdb")
    assert [why for _, why in s.skipped] == ["a template (its front matter says so)"]


def test_an_incident_about_a_template_engine_is_an_incident(tmp_path, cfg):
    (tmp_path / "pm").mkdir()
    (tmp_path / "pm" / "2026-03-05-template-engine-outage.md").write_text(
        house_doc(title="Template engine outage", day="2026-03-05"))
    s = ingest(cfg, [str(tmp_path / "pm")], tmp_path / "h.duckdb")
    assert s.kinds == {"postmortem": 1}


def test_ingest_of_the_sample_folder_skips_its_config(tmp_path):
    out = run_cli("ingest", "--db", tmp_path / "h.duckdb", ROOT / "data" / "sample")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "hindsight.yaml: skipped, a Hindsight config file" in out.stdout


def test_exclude_globs_and_hindsightignore(tmp_path):
    src = postmortems(tmp_path / "pm", 2)
    postmortems(src / "drafts", 1, start=10)
    postmortems(src / "old", 1, start=20)
    (src / "old" / ".hindsightignore").write_text("*.md\n")
    (tmp_path / "hindsight.yaml").write_text(
        "database: h.duckdb\nexclude: ['pm/drafts/']\nsources:\n  postmortems: ['pm']\n")
    out = run_cli("ingest", "--config", tmp_path / "hindsight.yaml")
    assert out.returncode == 0, out.stdout + out.stderr
    assert incidents(tmp_path / "h.duckdb") == 2
    assert "matches .hindsightignore" in out.stdout


# -- 4. nothing is silent: a postmortem without a date ----------------------------------------

UNDATED = """# Checkout errors after the cache change

## Summary
Checkout failed for some customers until the cache change was rolled back.

## Action items
- [ ] Add a canary stage (@ann)
- [ ] Alert on checkout errors (@bo)
"""


def test_an_undated_postmortem_is_loaded_counted_and_listed(tmp_path):
    from metrics import quality
    from metrics.db import Reader

    src = postmortems(tmp_path / "pm", 1)
    (src / "checkout-errors.md").write_text(UNDATED)
    db = tmp_path / "h.duckdb"
    out = run_cli("ingest", "--db", db, src)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "1 postmortems have no date" in out.stdout
    reader = Reader(db)
    try:
        listed = quality.undated(reader)
    finally:
        reader.close()
    assert list(listed["file"]) == [str(src / "checkout-errors.md")]


def test_pages_say_what_the_period_hides(tmp_path, cfg):
    from datetime import date

    from metrics.db import Reader
    from metrics.filters import Filters
    from metrics.hidden import hidden

    src = postmortems(tmp_path / "pm", 3)
    (src / "undated.md").write_text(UNDATED)
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    reader = Reader(db)
    try:
        h = hidden(reader, Filters(date(2026, 3, 2), date(2026, 3, 2)))
    finally:
        reader.close()
    assert (h.before, h.after, h.undated) == (1, 1, 1)
    assert h.describe() == ("2 incidents outside this period (1 before, 1 after) · "
                            "1 postmortem without a date, on no chart (see Data quality)")


# -- 6. which database ---------------------------------------------------------------------------


def test_database_order_is_flag_then_env_then_config_then_default(tmp_path, monkeypatch):
    monkeypatch.delenv("HINDSIGHT_DB", raising=False)
    (tmp_path / "h.yaml").write_text("database: from-config.duckdb\n")
    named = load_config(str(tmp_path / "h.yaml"))
    assert choose_database(Config()) == (Config().database, "the default")
    assert choose_database(named)[0] == tmp_path / "from-config.duckdb"
    monkeypatch.setenv("HINDSIGHT_DB", str(tmp_path / "env.duckdb"))
    assert choose_database(named) == (tmp_path / "env.duckdb", "$HINDSIGHT_DB")
    assert choose_database(named, tmp_path / "flag.duckdb") == (tmp_path / "flag.duckdb", "--db")


def test_ingest_and_report_name_the_database_they_use(tmp_path):
    db = tmp_path / "team.duckdb"
    env = {"HINDSIGHT_DB": str(db)}
    out = run_cli("ingest", postmortems(tmp_path / "pm", 1), env=env, cwd=tmp_path)
    assert out.returncode == 0 and f"database: {db} ($HINDSIGHT_DB; config:" in out.stdout
    rep = run_cli("report", "--json", env=env, cwd=tmp_path)
    assert rep.returncode == 0, rep.stderr
    assert f"reading {db} ($HINDSIGHT_DB" in rep.stderr


def test_report_without_a_database_names_the_one_it_looked_for(tmp_path):
    out = run_cli("report", "--db", tmp_path / "none.duckdb")
    assert out.returncode == 2
    assert f"no database at {tmp_path / 'none.duckdb'} (--db)" in out.stderr


def test_file_names_reach_the_terminal_without_escapes(tmp_path):
    src = postmortems(tmp_path / "pm", 1)
    (src / "bad\x1b[2Jname.md").write_bytes(b"\x00\x01binary")
    out = run_cli("ingest", "--db", tmp_path / "h.duckdb", src)
    assert "\x1b" not in out.stdout + out.stderr
    assert "bad\\x1b[2Jname.md" in out.stdout


def test_config_errors_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="no such file or folder"):
        ingest(Config(), [str(tmp_path / "nope")], tmp_path / "h.duckdb")


LIQUID_PAGE = """---
layout: alert
title: "Some nodes accepted invalid blocks"
date: 2026-03-06
---
{% assign waits="30" %}

# Some nodes accepted invalid blocks

On 2026-03-06 a group of miners built on blocks they had not validated. See the
[status page]({{ site.url }}/status) and the [forks list]({{ site.url }}/forks).

- Wallet users should wait {{waits}} more confirmations than usual.
- Merchants should wait {{ waits }} more confirmations.
- Node operators should upgrade; after that, {{waits}} confirmations are no longer needed.
- Exchanges should wait {{waits}} confirmations too, and pools {{ waits }} blocks.

## Forks

| Start date | Blocks | Notes |
|---|---|---|
| 2026-03-06 | 6 | fork began ({{ page.title }}) |
| 2026-03-07 | 3 | second fork ({{ site.url }}/forks#2) |
"""


def test_a_site_pages_own_liquid_variables_are_no_placeholders(tmp_path, cfg):
    """Jekyll fills {{ site.url }} and the names a page assigns itself when it builds the
    site: a published incident page using them is an incident, not a template."""
    s = ingest_one(tmp_path, cfg, "2026-03-06-invalid-blocks.md", LIQUID_PAGE)
    assert s.kinds == {"postmortem": 1} and not s.skipped


def test_a_template_written_with_curly_placeholders_is_still_a_template(tmp_path, cfg):
    (tmp_path / "pm").mkdir()
    (tmp_path / "pm" / "new.md").write_text(
        "# {{ title }}\n\n**Date:** {{ date }}\n\n## Summary\n\n{{ summary }}\n\n## Timeline\n\n"
        "- {{ time }} {{ event }}\n\n## Action items\n\n- {{ action }} ({{ owner }})\n")
    postmortems(tmp_path / "pm", 1)
    s = ingest(cfg, [str(tmp_path / "pm")], tmp_path / "h.duckdb")
    assert s.kinds == {"postmortem": 1}
    assert [why.split(" (")[0] for _, why in s.skipped] == ["a template"]


QUOTED_LOG_POST = """---
layout: post
title: How a forgotten firewall rule let someone wipe our cache cluster
---

*Short version: someone deleted the cache keys during a migration. Nothing was stolen.*

I was moving the last servers to containers when my phone showed a strange error.
We restored from the snapshot within the hour.

<div class="highlight"><pre class="highlight"><code>
10:01:02 I NET  [listener] connection accepted from 203.0.113.7
10:01:03 I NET  [worker-1] received client metadata
10:01:04 I NET  [listener] connection accepted from 203.0.113.9
10:01:05 I NET  [listener] connection accepted from 198.51.100.4
</code></pre></div>

The firewall rule now ships with the container, and the cache only listens on the private network.
"""


def test_a_dateless_post_quoting_a_log_is_an_incident_not_a_template(tmp_path, cfg):
    """Bracketed tokens inside a rendered code block, and one token said again and again,
    are the text's own, not blanks a template leaves (a real post was dropped for them)."""
    s = ingest_one(tmp_path, cfg, "story-of-a-wipe.md", QUOTED_LOG_POST)
    assert s.kinds == {"postmortem": 1} and not s.skipped


def test_a_template_with_each_blank_once_is_still_a_template(tmp_path, cfg):
    s = ingest_one(tmp_path, cfg, "new.md", "# [Title]\n\n## Summary\n\n[describe the impact]\n\n"
                                            "## Action items\n\n- <action> (<owner>)\n- <action> (<owner>)\n")
    assert [why.split(" (")[0] for _, why in s.skipped] == ["a template"]


def test_a_dated_template_with_repeated_blanks_is_still_a_template(tmp_path, cfg):
    """An example date in it, and the same blanks on every row: eight in all still decide."""
    rows = "\n".join("| HH:MM | <event> |" for _ in range(4))
    acts = "\n".join("| <action> | <owner> | <ticket> |" for _ in range(3))
    text = (f"# Postmortem\n\n**Date:** 2024-01-15\n\n## Impact\n\n[describe the impact]\n\n## Timeline\n\n"
            f"| Time | Event |\n|---|---|\n{rows}\n\n## Action items\n\n| Action | Owner | Ticket |\n|---|---|---|\n{acts}\n")
    s = ingest_one(tmp_path, cfg, "postmortem.md", text)
    assert [why.split(" (")[0] for _, why in s.skipped] == ["a template"]
