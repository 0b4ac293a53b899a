"""hindsight ingest: incremental, all-or-nothing, and tolerant of bad files."""
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest
from conftest import ROOT, house_doc, run_cli

from loaders.config import Config
from loaders.ingest import ingest, listing


def corpus(folder, n=3, start=1):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"2026-02-{i:02d}-pm{i}.md").write_text(
            house_doc(title=f"Incident {i}", day=f"2026-02-{i:02d}",
                      actions=((f"Fix {i}", "@ann", "Feb 27", f"OPS-{i}"),)), encoding="utf-8")
    return folder


def count(db, sql="SELECT count(*) FROM mart_incidents"):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()[0][0]
    finally:
        con.close()


@pytest.fixture
def cfg():
    return Config(sources={})


def test_first_ingest_loads_everything(tmp_path, cfg):
    src = corpus(tmp_path / "pm")
    s = ingest(cfg, [str(src)], tmp_path / "h.duckdb")
    assert (s.parsed, s.unchanged, s.removed, s.failed) == (3, 0, 0, 0)
    assert count(tmp_path / "h.duckdb") == 3


def test_unchanged_reingest_parses_nothing_and_does_not_write(tmp_path, cfg):
    src = corpus(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    before = os.stat(db).st_ino
    s = ingest(cfg, [str(src)], db)
    assert (s.parsed, s.unchanged, s.written) == (0, 3, False)
    assert os.stat(db).st_ino == before


def test_an_unchanged_reingest_imports_nothing_of_the_write_path(tmp_path):
    """Not a timing: what an unchanged re-ingest costs is mostly imports, so it must not
    import what only writing needs (pandas, pyarrow, scikit-learn, the similarity code, the lint,
    the parsers)."""
    src = corpus(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    code = ("import sys\nfrom loaders.cli import main\nsys.argv = ['hindsight', 'ingest', '-q', '--db', "
            f"{str(db)!r}, {str(src)!r}]\ncode = main()\n"
            "print(code, sorted(m for m in ('pandas', 'pyarrow', 'sklearn', 'scipy', 'loaders.similar', 'loaders.lint', "
            "'loaders.detect', 'loaders.postmortem') "
            "if m in sys.modules))")
    first, again = (subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                   timeout=120) for _ in range(2))
    assert first.stdout.split("\n")[-2] != "0 []"     # a load that writes does import them
    assert again.stdout.split("\n")[-2] == "0 []", again.stdout + again.stderr


def test_touched_but_identical_file_is_not_parsed(tmp_path, cfg):
    src = corpus(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    f = next(src.iterdir())
    os.utime(f, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    s = ingest(cfg, [str(src)], db)
    assert (s.parsed, s.unchanged) == (0, 3)
    assert ingest(cfg, [str(src)], db).written is False  # the new mtime was recorded


def test_the_stored_listing_is_the_files_the_load_left(tmp_path, cfg):
    """An unchanged re-ingest compares its discovery with one stored digest, not with a
    row per file: the digest must be the files table's, whatever the load did."""
    src = corpus(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    (src / "2026-02-02-pm2.md").unlink()
    corpus(src, n=1, start=7)
    ingest(cfg, [str(src)], db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = con.execute("SELECT value FROM settings WHERE key = 'listing'").fetchall()[0][0]
        assert stored == listing(con.execute("SELECT path, size, mtime_ns, origin FROM files").fetchall())
    finally:
        con.close()


def test_an_edit_that_keeps_the_size_is_parsed_again(tmp_path, cfg):
    src = corpus(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    f = sorted(src.iterdir())[0]
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("Incident 1", "Incident 9"), encoding="utf-8")
    os.utime(f, ns=(time.time_ns(), f.stat().st_mtime_ns + 1))   # a clock that barely moved
    s = ingest(cfg, [str(src)], db)
    assert (s.parsed, s.unchanged) == (1, 2)
    assert any("Incident 9" in t for t in count(db, "SELECT list(title) FROM mart_incidents"))


def test_a_file_read_from_another_source_is_not_unchanged(tmp_path, cfg):
    src = corpus(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src / "2026-02-01-pm1.md")], db)
    s = ingest(cfg, [str(src)], db)
    assert s.written and (s.parsed, s.unchanged) == (2, 1)
    assert count(db, "SELECT count(DISTINCT origin) FROM files") == 1


def test_changed_file_is_parsed_again(tmp_path, cfg):
    src = corpus(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    f = sorted(src.iterdir())[0]
    f.write_text(house_doc(title="Renamed incident", day="2026-02-01"), encoding="utf-8")
    s = ingest(cfg, [str(src)], db)
    assert (s.parsed, s.unchanged) == (1, 2)
    titles = count(db, "SELECT list(title ORDER BY title) FROM mart_incidents")
    assert any("Renamed incident" in t for t in titles)
    assert count(db) == 3


def test_deleted_file_rows_disappear(tmp_path, cfg):
    src = corpus(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    sorted(src.iterdir())[0].unlink()
    s = ingest(cfg, [str(src)], db)
    assert s.removed == 1
    assert count(db) == 2
    assert count(db, "SELECT count(*) FROM mart_action_items") == 2
    assert count(db, "SELECT count(*) FROM files") == 2


def test_full_reparses_everything(tmp_path, cfg):
    src = corpus(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    s = ingest(cfg, [str(src)], db, full=True)
    assert (s.parsed, s.unchanged) == (3, 0)
    assert count(db) == 3


def test_changed_taxonomy_reparses_everything(tmp_path):
    import re

    src = corpus(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    ingest(Config(), [str(src)], db)
    cfg2 = Config(taxonomy=[("stampede", [re.compile(r"\bincident \d", re.I)])])
    s = ingest(cfg2, [str(src)], db)
    assert s.parsed == 3
    assert count(db, "SELECT count(*) FROM mart_incidents WHERE incident_class = 'stampede'") == 3


def test_bad_files_become_problems_and_good_files_load(tmp_path, cfg):
    src = corpus(tmp_path / "pm", n=2)
    (src / "binary.md").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (src / "latin1.md").write_bytes("# Caf\xe9 outage\n## Summary\nna\xefve\n".encode("latin-1"))
    (src / "empty.md").write_bytes(b"")
    (src / "truncated.md").write_text(house_doc().split("## Action items")[0] +
                                      "## Action items\n| # | Action | Owner |\n|---|---", encoding="utf-8")
    (src / "broken-yaml.md").write_text("---\ntitle: [oops\n---\n# Body\n## Summary\nx\n", encoding="utf-8")
    db = tmp_path / "h.duckdb"
    s = ingest(cfg, [str(src)], db)
    assert s.parsed == 7
    assert count(db) == 5  # 2 good + latin1 + truncated + broken-yaml; binary and empty are unknown
    problems = dict(duckdb.connect(str(db), read_only=True).execute(
        "SELECT regexp_extract(file_path, '[^/]+$'), string_agg(message, '; ') FROM ingest_problems GROUP BY 1"
    ).fetchall())
    assert "binary" in problems["binary.md"]
    assert "empty" in problems["empty.md"]
    assert "UTF-8" in problems["latin1.md"]
    assert "YAML" in problems["broken-yaml.md"]


def test_latin1_text_is_still_read(tmp_path, cfg):
    src = tmp_path / "pm"
    src.mkdir()
    (src / "l.md").write_bytes("# Caf\xe9 outage\n## Summary\nx\n".encode("latin-1"))
    ingest(cfg, [str(src)], tmp_path / "h.duckdb")
    assert count(tmp_path / "h.duckdb", "SELECT title FROM mart_incidents") == "Café outage"


def test_oversized_file_is_a_problem(tmp_path):
    src = corpus(tmp_path / "pm", n=1)
    (src / "huge.md").write_bytes(b"# Huge\n" + b"x" * (2 * 1024 * 1024))
    small = Config(max_file_bytes=1024 * 1024)
    db = tmp_path / "h.duckdb"
    s = ingest(small, [str(src)], db)
    assert count(db) == 1
    assert any("limit" in p["message"] for _, p in s.problems)


def test_assets_and_hidden_files_are_skipped(tmp_path, cfg):
    src = corpus(tmp_path / "pm", n=1)
    (src / "diagram.png").write_bytes(b"\x89PNG\x00")
    (src / ".notes.md").write_text("# hidden", encoding="utf-8")
    s = ingest(cfg, [str(src)], tmp_path / "h.duckdb")
    assert s.files_seen == 1


def test_missing_path_is_a_usage_error(tmp_path):
    out = run_cli("ingest", "--db", tmp_path / "h.duckdb", tmp_path / "nope")
    assert out.returncode == 2
    assert "no such file" in out.stderr


def test_exit_codes(tmp_path):
    src = corpus(tmp_path / "pm", n=1)
    db = tmp_path / "h.duckdb"
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    (src / "empty.md").write_bytes(b"")
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 1
    (src / "nozone.md").write_text("# T\n## Timeline\n- 2026-01-01 10:00 errors start\n", encoding="utf-8")
    assert run_cli("ingest", "-q", "--db", db, src / "nozone.md").returncode == 0
    assert run_cli("ingest", "-q", "--strict", "--full", "--db", db, src / "nozone.md").returncode == 1


def test_summary_names_file_and_line(tmp_path):
    src = tmp_path / "pm"
    src.mkdir()
    (src / "bad.md").write_bytes("# T\n## Summary\nok\n\xff\n".encode("latin-1"))
    out = run_cli("ingest", "--db", tmp_path / "h.duckdb", src)
    assert "1 parsed" in out.stdout
    assert "bad.md:4" in out.stdout


def test_killed_ingest_leaves_the_old_database_intact(tmp_path):
    src = corpus(tmp_path / "pm", n=5)
    db = tmp_path / "h.duckdb"
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    before = db.read_bytes()
    corpus(tmp_path / "pm", n=1500, start=100)
    proc = subprocess.Popen([sys.executable, "-m", "loaders", "ingest", "-q", "--db", str(db), str(src)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if any(p.name.startswith("h.duckdb.tmp-") for p in tmp_path.iterdir()):
            break  # the write phase has begun
        time.sleep(0.001)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert db.read_bytes() == before
    assert count(db) == 5
    # the next ingest cleans up and completes
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    assert count(db) == 1505
    assert not any(p.name.startswith("h.duckdb.tmp-") for p in tmp_path.iterdir())


def test_reader_sees_the_new_file_after_a_swap(tmp_path, cfg):
    from metrics.db import Reader

    src = corpus(tmp_path / "pm", n=2)
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    reader = Reader(db)
    assert reader.query("SELECT count(*) FROM mart_incidents")[0][0] == 2
    corpus(src, n=1, start=9)
    ingest(cfg, [str(src)], db)  # while the reader holds the old file open
    assert reader.query("SELECT count(*) FROM mart_incidents")[0][0] == 3
    reader.close()


def test_second_writer_is_refused_while_one_runs(tmp_path, cfg):
    from loaders import store

    db = tmp_path / "h.duckdb"
    with store.lock(db):
        with pytest.raises(RuntimeError, match="another ingest"):
            ingest(cfg, [str(corpus(tmp_path / "pm", n=1))], db)


def test_migrations_are_recorded(tmp_path, cfg):
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(corpus(tmp_path / "pm", n=1))], db)
    assert count(db, "SELECT min(version) FROM schema_migrations") == 1


def test_ingest_run_is_recorded(tmp_path, cfg):
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(corpus(tmp_path / "pm", n=2))], db)
    assert count(db, "SELECT parsed FROM ingest_runs") == 2


def test_exports_may_be_larger_than_documents(tmp_path):
    from loaders.options import Options

    opts = Options(max_file_bytes=100, max_export_bytes=10_000)
    assert opts.size_limit("a/export.CSV") == 10_000
    assert opts.size_limit("a/postmortem.md") == 100


def test_changed_sql_models_are_rebuilt_without_reparsing(tmp_path, cfg):
    src = corpus(tmp_path / "pm", n=2)
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE settings SET value = 'old' WHERE key = 'models'")  # as if the SQL had changed
    con.close()
    s = ingest(cfg, [str(src)], db)
    assert (s.parsed, s.unchanged, s.written) == (0, 2, True)
    assert ingest(cfg, [str(src)], db).written is False
