"""The discovery snapshot (loaders/snapshot.py): an unchanged re-ingest replays the last
load's discovery with a stat a file, and any change the walk would see makes it walk."""
import os
import time

import shutil
import pytest
from conftest import house_doc

from loaders import snapshot
from loaders.config import Config, load_config
from loaders.discover import Source, discover
from loaders.ingest import ingest, plan

HOUR_AGO = time.time_ns() - 3600 * 10**9


def write(path, title="Incident", day="2026-02-01"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(house_doc(title=title, day=day), encoding="utf-8")
    return path


def archive(root, n=3):
    for i in range(1, n + 1):
        write(root / "2026" / f"2026-02-{i:02d}-pm{i}.md", f"Incident {i}", f"2026-02-{i:02d}")
    (root / "CONTRIBUTING.md").write_text("# How to write one\n", encoding="utf-8")   # furniture: skipped
    return age(root)


def age(root):
    """Every file and folder under ``root`` last changed about an hour ago (older than the
    snapshot's racy margin, as an archive between two loads is), each call at another
    time: a folder set back to the very time it had would hide a name added to it."""
    when = time.time_ns() - 3600 * 10**9
    for folder, dirs, names in os.walk(root, topdown=False):
        for name in names:
            os.utime(os.path.join(folder, name), ns=(when, when))
        os.utime(folder, ns=(when, when))
    return root


def held(db):
    return snapshot.read(db) is not None


@pytest.fixture
def cfg():
    return Config(sources={})


@pytest.fixture
def loaded(tmp_path, cfg):
    src = archive(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    return src, db


def replayed(cfg, src, db, paths=None):
    return plan(cfg, paths or [str(src)], db).found.replayed


def test_a_load_keeps_its_discovery_and_the_next_replays_it(loaded, cfg):
    src, db = loaded
    assert held(db)
    assert replayed(cfg, src, db)
    s = ingest(cfg, [str(src)], db)
    assert (s.parsed, s.unchanged, s.written, len(s.skipped)) == (0, 3, False, 1)


def test_a_replay_finds_what_a_walk_finds(loaded, cfg):
    src, db = loaded
    walked = discover([Source(str(src))], skip_paths=(str(db),))
    p = plan(cfg, [str(src)], db)
    assert p.found.replayed
    assert list(p.found.files.items()) == list(walked.files.items())
    assert (p.found.skipped, p.found.empty) == (walked.skipped, walked.empty)


def test_an_edited_file_is_parsed_again(loaded, cfg):
    src, db = loaded
    write(src / "2026" / "2026-02-02-pm2.md", "Incident 2 renamed")   # as large, or not: a new time
    assert not replayed(cfg, src, db)
    assert ingest(cfg, [str(src)], db).parsed == 1


def test_an_edit_that_keeps_size_and_folder_is_seen_by_its_time(loaded, cfg):
    src, db = loaded
    f = src / "2026" / "2026-02-02-pm2.md"
    folder, was = os.stat(src / "2026").st_mtime_ns, os.stat(f).st_mtime_ns
    f.write_text(f.read_text(encoding="utf-8").replace("Incident 2", "Incident 8"), encoding="utf-8")
    os.utime(f, ns=(was, was + 1))             # a clock that barely moved
    assert os.stat(src / "2026").st_mtime_ns == folder   # an edit in place leaves its folder's time
    assert not replayed(cfg, src, db)
    assert ingest(cfg, [str(src)], db).parsed == 1


def test_an_added_file_is_found(loaded, cfg):
    src, db = loaded
    write(src / "2026" / "2026-02-09-pm9.md", "Incident 9", "2026-02-09")
    assert not replayed(cfg, src, db)
    assert ingest(cfg, [str(src)], db).parsed == 1


def test_a_file_added_in_a_new_folder_is_found(loaded, cfg):
    src, db = loaded
    write(src / "2027" / "2027-01-01-pm.md", "Incident next year", "2027-01-01")
    assert not replayed(cfg, src, db)
    assert ingest(cfg, [str(src)], db).parsed == 1


def test_a_removed_or_renamed_file_is_seen(loaded, cfg):
    src, db = loaded
    (src / "2026" / "2026-02-01-pm1.md").rename(src / "2026" / "2026-02-01-renamed.md")
    assert not replayed(cfg, src, db)
    s = ingest(cfg, [str(src)], db)
    assert (s.parsed, s.removed) == (1, 1)


def test_an_edited_ignore_file_is_read_again(loaded, cfg, tmp_path):
    src, db = loaded
    ignore = src / "2026" / ".hindsightignore"
    ignore.write_text("# nothing yet\n", encoding="utf-8")
    ingest(cfg, [str(src)], db)
    age(src)
    ingest(cfg, [str(src)], db, full=True)   # a load of the aged tree keeps a snapshot
    assert held(db) and replayed(cfg, src, db)
    folder = os.stat(src / "2026").st_mtime_ns
    ignore.write_text("*pm2.md\n", encoding="utf-8")
    assert os.stat(src / "2026").st_mtime_ns == folder   # only the ignore file's own stat moves
    assert not replayed(cfg, src, db)
    s = ingest(cfg, [str(src)], db)
    assert s.removed == 1 and any(p.endswith("pm2.md") for p, _ in s.skipped)


def test_a_file_added_while_the_load_parses_is_found_next_time(tmp_path, cfg):
    """The risky moment: a name added after the walk listed its folder, before the load
    wrote its snapshot. The snapshot holds the folder's time from before the listing, so
    the next load walks and finds the file."""
    src = archive(tmp_path / "pm")
    db = tmp_path / "h.duckdb"
    late = src / "2026" / "2026-02-07-late.md"

    def add_late(done, total):
        if not late.exists():
            write(late, "Late incident", "2026-02-07")

    first = ingest(cfg, [str(src)], db, progress=add_late)
    assert late.exists() and first.parsed == 3
    assert not replayed(cfg, src, db)
    again = ingest(cfg, [str(src)], db)
    assert (again.parsed, again.unchanged) == (1, 3)


def test_a_tree_changed_within_the_racy_margin_keeps_no_snapshot(tmp_path, cfg):
    src = tmp_path / "pm"
    write(src / "2026-02-01-pm1.md")    # just now: a name added in this clock tick could hide
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    assert not held(db)
    assert not replayed(cfg, src, db)
    assert ingest(cfg, [str(src)], db).written is False    # the walk still says nothing changed


def test_an_unchanged_load_that_walked_keeps_a_snapshot_once_the_tree_is_old(tmp_path, cfg):
    src = tmp_path / "pm"
    f = write(src / "2026-02-01-pm1.md")
    os.utime(f, ns=(HOUR_AGO, HOUR_AGO))   # an old file, in a folder changed just now
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    assert not held(db)
    os.utime(src, ns=(HOUR_AGO, HOUR_AGO))   # the folder's change is old news now
    first = ingest(cfg, [str(src)], db)
    assert first.written is False and held(db) and replayed(cfg, src, db)


def test_a_database_restored_from_a_copy_is_not_replayed(loaded, cfg, tmp_path):
    """The snapshot names the listing of the database it describes: with an older copy
    of the database back in place, the files it never loaded are not taken as loaded."""
    src, db = loaded
    shutil.copy(db, tmp_path / "backup.duckdb")
    write(src / "2026" / "2026-02-09-pm9.md", "Incident 9", "2026-02-09")
    age(src)
    ingest(cfg, [str(src)], db)
    assert replayed(cfg, src, db)
    shutil.copy(tmp_path / "backup.duckdb", db)
    assert not replayed(cfg, src, db)
    assert ingest(cfg, [str(src)], db).parsed == 1


def test_a_database_in_a_folder_it_walks_keeps_no_snapshot(tmp_path, cfg):
    """Writing the snapshot would change the folder's time: every load would walk and
    write 8 MB again at 100,000 files. A snapshot left there is no document either."""
    src = archive(tmp_path / "pm")
    db = src / "2026" / "h.duckdb"
    ingest(cfg, [str(src)], db)
    age(src)
    ingest(cfg, [str(src)], db)
    assert not held(db)
    snapshot.path_for(db).write_bytes(b"left by an older layout")
    assert not any(p.endswith(".walk") for p in plan(cfg, [str(src)], db).found.files)


def test_a_folder_whose_time_was_set_back_is_walked(loaded, cfg):
    """tar x, cp -a and rsync -a add names and then set the folder's time back: its
    change time, which nothing can set, shows it."""
    src, db = loaded
    folder = src / "2026"
    was = os.stat(folder).st_mtime_ns
    write(folder / "2026-02-09-local.md", "Local incident", "2026-02-09")
    os.utime(folder, ns=(was, was))
    assert os.stat(folder).st_mtime_ns == was
    assert not replayed(cfg, src, db)
    assert ingest(cfg, [str(src)], db).parsed == 1


def test_an_ignore_file_whose_mode_changed_is_read_again(loaded, cfg):
    src, db = loaded
    ignore = src / "2026" / ".hindsightignore"
    ignore.write_text("*pm2.md\n", encoding="utf-8")
    age(src)
    ingest(cfg, [str(src)], db)
    age(src)
    ingest(cfg, [str(src)], db)
    assert replayed(cfg, src, db)
    ignore.chmod(0o600)     # readable or not, its stat's change time moves
    assert not replayed(cfg, src, db)


@pytest.mark.parametrize("how", ["link", "found already", "excluded"])
def test_a_file_named_on_its_own_that_is_not_plainly_read_keeps_no_snapshot(tmp_path, how):
    src = archive(tmp_path / "pm")
    named = src / "2026" / "2026-02-01-pm1.md"
    cfg = Config(sources={}, exclude=["*pm1.md"] if how == "excluded" else [])
    if how == "link":
        named = tmp_path / "latest.md"
        named.symlink_to(src / "2026" / "2026-02-02-pm2.md")
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src), str(named)], db)
    assert not held(db)


def test_a_killed_loads_half_written_snapshot_is_cleared(loaded, cfg):
    src, db = loaded
    stale = snapshot.path_for(db).with_name(snapshot.path_for(db).name + ".tmp-99999")
    stale.write_bytes(b"half")
    write(src / "2026" / "2026-02-09-pm9.md", "Incident 9", "2026-02-09")
    ingest(cfg, [str(src)], db)
    assert not stale.exists()


def test_a_file_reached_through_a_link_keeps_no_snapshot(tmp_path, cfg):
    src = archive(tmp_path / "pm")
    target = write(src / "shared" / "2026-03-01-linked.md", "Linked", "2026-03-01")
    (src / "2026" / "2026-03-01-linked.md").symlink_to(target)   # inside its source: followed
    age(src)
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(src)], db)
    assert not held(db)


def test_another_set_of_sources_walks(loaded, cfg, tmp_path):
    src, db = loaded
    other = archive(tmp_path / "more", n=1)
    assert not replayed(cfg, src, db, paths=[str(src), str(other)])


def test_another_exclude_walks(loaded, tmp_path):
    src, db = loaded
    assert replayed(Config(sources={}), src, db)
    assert not replayed(Config(sources={}, exclude=["*pm3.md"]), src, db)


def test_a_file_named_on_its_own_is_replayed_and_its_edit_seen(tmp_path, cfg):
    f = write(tmp_path / "one" / "2026-02-01-pm.md")
    age(tmp_path / "one")
    db = tmp_path / "h.duckdb"
    ingest(cfg, [str(f)], db)
    assert replayed(cfg, f, db)
    write(f, "Edited")
    assert not replayed(cfg, f, db)
    assert ingest(cfg, [str(f)], db).parsed == 1


def test_a_forced_full_load_walks(loaded, cfg):
    src, db = loaded
    assert not plan(cfg, [str(src)], db, full=True).found.replayed


@pytest.mark.parametrize("blob", [b"", b"\x00" * 12, b"not a snapshot at all", b"\xff" * 64,
                                  snapshot._HEAD.pack(2, 0, 0) + b"[]", snapshot._HEAD.pack(4, 0, 0) + b"null"])
def test_a_damaged_snapshot_is_not_replayed(blob):
    assert snapshot.replay(blob, "any key", "any listing") is None


def test_a_snapshot_under_another_key_or_database_is_not_replayed(loaded, cfg):
    src, db = loaded
    blob = snapshot.read(db)
    key, listing = plan(cfg, [str(src)], db).walk_key, plan(cfg, [str(src)], db).listing
    assert snapshot.replay(blob, key, listing) is not None
    assert snapshot.replay(blob, "another key", listing) is None
    assert snapshot.replay(blob, key, "another database's listing") is None


def test_the_load_after_the_first_replays_a_config_s_sources(tmp_path):
    """The sources a database remembers come back in the order the config listed them,
    so the second load's walk is keyed as the first's was (sorted by pattern, it walked
    once more after every first load whose config did not list them A to Z)."""
    archive(tmp_path / "zz")
    archive(tmp_path / "aa", n=1)
    (tmp_path / "hindsight.yaml").write_text(
        "database: h.duckdb\nsources:\n  postmortems: ['zz/**/*.md', 'aa/**/*.md']\n", encoding="utf-8")
    age(tmp_path)
    cfg = load_config(str(tmp_path / "hindsight.yaml"), required=True)
    ingest(cfg)
    assert plan(cfg).found.replayed
